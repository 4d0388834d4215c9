"""The claim checks behind citation by word overlap: sharing a claim's words is not stating it (story.claims)."""

from __future__ import annotations

from typing import Any

from builders import text_article
from newsfold.models import Article
from newsfold.story.align import align
from newsfold.story.claims import counts_in, dates_overlap, numbers_in
from newsfold.story.clauses import marked_clauses
from newsfold.story.fold import StoryInput, fold_story


def _art(key: str, text: str, day: str = "2022-02-17", lang: str = "en") -> Article:
    return text_article(key, text, outlet=key, published=day, lang=lang)


# Reports of other matters: they make the story's words common enough that IDF behaves as in a real story.
OTHER = [
    _art("x", "Farmers protested in the capital against new fuel taxes and blocked the main roads."),
    _art("y", "Teachers went on strike for higher pay across the northern provinces."),
    _art("z", "The central bank raised its main interest rate to 4.5 percent on Thursday."),
]


def _citing(arts: list[Article], key: str = "a", **kw: Any) -> list[str]:
    al = align(arts, **kw)
    return al.citing(al.by_article[key][0])


def test_a_negation_on_one_side_only_is_not_stated() -> None:
    arts = [
        _art("a", "Lindsay never checked into Morningside but is back at Betty Ford, her father said."),
        _art("b", "Lindsay checked into Morningside and is now back at Betty Ford, her father said."),
        _art("c", "Lindsay never checked into Morningside and she is back at Betty Ford, her father said."),
        *OTHER,
    ]
    assert _citing(arts) == ["a", "c"]
    # The same words, the other way round: b's claim is not stated by the two that deny it.
    assert _citing(arts, "b") == ["b"]


def test_a_negation_in_another_clause_does_not_count() -> None:
    arts = [
        _art("a", "Lindsay Lohan has checked into the Betty Ford Center in Rancho Mirage."),
        _art(
            "b",
            "Lindsay Lohan has checked into the Betty Ford Center in Rancho Mirage, but she is not in the clear.",
        ),
        *OTHER,
    ]
    assert _citing(arts) == ["a", "b"]


def test_a_date_the_claim_names_must_be_stated() -> None:
    claim = "Last December, Russia submitted two draft agreements on security guarantees to the United States and NATO."
    arts = [
        _art("a", claim),
        # no date, published in February: it does not say the drafts came in December
        _art(
            "b", "Russia submitted two draft agreements on security guarantees to the United States and NATO."
        ),
        # "In December" of a January report is the same month
        _art(
            "c",
            "In December, Russia submitted two draft agreements on security guarantees to the United States and NATO.",
            day="2022-01-10",
        ),
        *OTHER,
    ]
    assert _citing(arts) == ["a", "c"]


def test_a_plan_and_its_doing_do_not_cite_each_other() -> None:
    others = [
        _art(k, "Los agricultores protestaron en la capital contra los nuevos impuestos.", lang="es")
        for k in "xy"
    ]
    arts = [
        _art("a", "El ministerio entregará los documentos del caso al tribunal el jueves.", lang="es"),
        _art("b", "El ministerio entregó los documentos del caso al tribunal el jueves.", lang="es"),
        _art("c", "El ministerio entregará al tribunal los documentos del caso el jueves.", lang="es"),
        *others,
    ]
    assert _citing(arts) == ["a", "c"]
    assert _citing(arts, "b") == ["b"]
    promise = "The United States has promised Russia that it will provide its replies to the security proposals soon."
    arts = [
        _art("a", promise, day="2022-01-26"),
        _art(
            "b",
            "In late January, the United States provided Russia with written replies to its security proposals.",
        ),
        _art(
            "c",
            "Washington has promised that it will provide its replies to the Russian security proposals soon.",
            day="2022-01-25",
        ),
        *OTHER,
    ]
    assert _citing(arts) == ["a", "c"]


def test_another_count_of_the_same_thing_is_no_citation() -> None:
    arts = [
        _art("a", "The Indian navy captured 23 pirates in the Gulf of Aden on Saturday."),
        _art("b", "The Indian navy captured 25 pirates in the Gulf of Aden on Saturday."),
        _art("c", "On Saturday the Indian navy said it had captured 23 pirates in the Gulf of Aden."),
        *OTHER,
    ]
    assert _citing(arts) == ["a", "c"]


def test_another_name_in_the_same_place_is_no_citation() -> None:
    arts = [
        _art("a", "Marine commandos from INS Tabar rescued two cargo vessels in the Gulf of Aden."),
        _art("b", "Marine commandos from INS Mysore rescued two cargo vessels in the Gulf of Aden."),
        _art("c", "Two cargo vessels in the Gulf of Aden were rescued by marine commandos from INS Tabar."),
        *OTHER,
    ]
    names = {"INS Tabar": "INS Tabar", "INS Mysore": "INS Mysore"}
    assert _citing(arts, names=names, types={"INS Tabar": "ORG", "INS Mysore": "ORG"}) == ["a", "c"]
    # Without the entities' types no name is a detail: the old overlap test alone.
    assert _citing(arts, names=names) == ["a", "b", "c"]
    # A name left out is no conflict, nor one of another kind (the spokesman) named instead.
    arts[1] = _art(
        "b", "Marine commandos rescued two cargo vessels in the Gulf of Aden, spokesman Ravi Kumar said."
    )
    types = {"INS Tabar": "ORG", "Ravi Kumar": "PERSON"}
    assert _citing(arts, names={**names, "Ravi Kumar": "Ravi Kumar"}, types=types) == ["a", "b", "c"]


def test_negated_and_tensed_clauses() -> None:
    assert marked_clauses(
        "Lindsay never checked into Morningside but is back at Betty Ford.", "en"
    ).negated == ("never checked into Morningside ",)
    assert not marked_clauses("Russia not only delivered its reply but also published it.", "en").negated
    assert not marked_clauses("Creighton will play No. 5 seed Indiana State.", "en").negated
    assert marked_clauses(
        "The case hadn ’ t been submitted as of Tuesday.", "en"
    ).negated  # spaced apostrophe
    # "not ... until" says when, not whether
    assert not marked_clauses("The name will not be released until the family is told.", "en").negated
    assert marked_clauses("Il n'a pas dit pourquoi.", "fr").negated
    will = marked_clauses("The United States has promised that it will provide its replies this week.", "en")
    assert will.future == (" it will provide its replies this week.",) and not will.past
    assert marked_clauses(
        "Russia delivered its reply ahead of talks next week.", "en"
    ).past  # "next" is no tense
    assert not marked_clauses(
        "He would not specify how many people were inside.", "en"
    ).future  # a conditional
    assert not marked_clauses("Surgery was scheduled for Friday.", "en").future  # a future in the past
    assert marked_clauses("Rusia entregará su respuesta el jueves.", "es").future
    assert marked_clauses("Rusia entregó su respuesta el jueves.", "es").past
    missed = marked_clauses("He missed four games and a knee sprain will halt his season.", "en")
    assert missed.past == ("He missed four games ",) and missed.future == (
        " a knee sprain will halt his season.",
    )


def test_dates_numbers_and_counts() -> None:
    assert dates_overlap("2022-01", "2022-W04") and dates_overlap("2022", "2022-02-17")
    assert not dates_overlap("2021-12", "2022-02-17")
    assert numbers_in("1,000 people and 4,5 Prozent") == {"1000", "4.5"}
    assert counts_in("The navy captured 23 Somali pirates", "en") == {("23", "somali")}
    assert not counts_in("jewels worth £88m and $2.6 million", "en")  # amounts are converted, not counted


def test_every_line_cites_its_own_article() -> None:
    arts = (
        _art(
            "a",
            "Lindsay never checked into Morningside but is back at Betty Ford, her father told reporters.",
        ),
        _art(
            "b",
            "Lindsay checked into Morningside on Thursday and is now back at Betty Ford, her father said.",
        ),
        _art("c", "The actress was seen shopping for electronics while her lawyer argued her case in court."),
    )
    out = fold_story(StoryInput(arts, {}, {}), use_model=False)
    texts = {a.key: a.text for a in arts}
    for line in [*out["summary"], *out["coverage"]["facts"]]:
        own = [k for k, t in texts.items() if line["text"] in t]
        assert own and set(own) <= set(line["articles"])
