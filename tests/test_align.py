"""Sentence alignment: the one test behind every citation of the fold."""

from __future__ import annotations

from newsfold.models import Article
from newsfold.story.align import align, attribution_stems, stems, strip_dateline


def _art(key: str, text: str, outlet: str | None = None) -> Article:
    return Article(
        key=key, location=key, fmt="text", raw=text, text=text, title=key, outlet=outlet, lang="en"
    )


STORY = [
    _art("a", "The central bank raised its main interest rate to 4.5 percent on Thursday.\n\nMarkets fell."),
    _art("b", "On Thursday the central bank lifted the main interest rate to 4.5 percent, its fifth rise."),
    _art("c", "The central bank governor gave a speech about inflation and housing in the capital."),
    _art("d", "Farmers protested in the capital against new fuel taxes and blocked the main roads."),
]


def test_stems_fold_inflections_and_drop_stop_words() -> None:
    assert stems("The guarantees", "en") == stems("guarantee", "en")
    assert not stems("the and of it", "en")


def test_lemmas_lite_numbers_compounds_and_country_names() -> None:
    assert stems("military-technical measures", "en") >= stems("technological military measures", "en")
    assert stems("legally binding", "en") & stems("legal", "en")
    # One event family: the paraphrase shares its concept stems; the converse (receive) does not join.
    assert stems("delivered its response", "en") == stems("handed its answer", "en")
    assert not stems("received", "en") & stems("delivered", "en")
    assert stems("ten pages", "en") == stems("10 pages", "en")
    assert "4.5" in stems("4,5 Prozent", "de") and "4.5" in stems("4.5 percent", "en")
    assert stems("the U.S. envoy", "en") == stems("the United States ambassador", "en")
    assert stems("US", "en") != stems("us", "en")  # the pronoun is no country


def test_strip_dateline_cuts_agency_prefix_only() -> None:
    assert strip_dateline("MOSCOW, January 26. /TASS/. The United States has promised a reply.").startswith(
        "The"
    )
    assert strip_dateline("Moscow, (UNI/Sputnik): Russia will submit its response today.").startswith(
        "Russia"
    )
    plain = "Moscow said on Monday that talks would continue next week."
    assert strip_dateline(plain) == plain


def test_paraphrase_is_stated_and_topic_words_are_not() -> None:
    al = align(STORY)
    first = al.by_article["a"][0]
    assert al.citing(first) == ["a", "b"]  # c shares "central bank" only; d nothing
    assert al.states_in(first, "a")
    assert not al.states_in(first, "c")


def test_copies_are_aligned_but_do_not_dilute_idf() -> None:
    copy = _art("a2", STORY[0].text)
    al = align([*STORY, copy], {"a2": "a"})
    first = al.by_article["a"][0]
    assert "a2" in al.citing(first)
    assert {u.origin for u in al.units if u.article == "a2"} == {"a"}
    assert al.similarity(first, first) > 0.99


def test_attribution_weighs_less_than_the_fact() -> None:
    said = "A senior government official said the central bank raised its main interest rate to 4.5 percent."
    assert attribution_stems(said, "en") == stems("senior government official", "en")
    assert not attribution_stems("The central bank raised its main interest rate to 4.5 percent.", "en")
    arts = [
        _art("a", said),
        _art("b", "The central bank raised its main interest rate to 4.5 percent on Thursday."),
        _art("c", "Farmers protested in the capital against new fuel taxes and blocked the main roads."),
    ]
    al = align(arts)
    assert al.citing(al.by_article["a"][0]) == ["a", "b"]  # b states the fact, not who told it
    assert al.citing(al.by_article["c"][0]) == ["c"]
