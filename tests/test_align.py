"""Sentence alignment: the one test behind every citation of the fold."""

from __future__ import annotations

from builders import text_article
from newsfold.models import Article
from newsfold.story.align import align, attribution_stems, stems, strip_dateline
from newsfold.story.events import sentence_events
from newsfold.story.participants import ParticipantFinder, event_roles


def _art(
    key: str, text: str, outlet: str | None = None, *, lang: str = "en", day: str | None = None
) -> Article:
    return text_article(key, text, outlet=outlet, published=day, lang=lang)


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
    # the wire datelines of the other languages, and the dash a segmenter leaves after "(EFE)."
    for dated, lede in (
        ("Castejón (Navarra), 5 mar (EFE).- ", "Al menos tres personas murieron en el accidente."),
        ("Lyon (AFP) - ", "Une violente explosion a soufflé un immeuble."),
        ("ROMA, 10 GIU - ", "Il ministro dei Trasporti si è dimesso oggi."),
        ("ISTANBUL, May 20 (Reuters) - ", "A strong quake struck eastern Turkey."),
        ("الرياض 12 مارس 2024 (واس) - ", "أعلنت وزارة الداخلية السعودية اليوم عن ضبط شبكة"),
        ("- ", "Al menos tres personas murieron en el accidente de tren."),
    ):
        assert strip_dateline(dated + lede) == lede
    ticker = "Apple (AAPL) shares rose sharply on Monday after the results."
    assert strip_dateline(ticker) == ticker


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


def _dated(key: str, text: str, lang: str = "en", day: str = "2022-02-17") -> Article:
    """A report of its own outlet, published on ``day``."""
    return _art(key, text, key, lang=lang, day=day)


SENT = "Russia delivered its answer to Washington on Thursday after weeks of talks."
RECEIVED = "The United States said on Thursday that it had received a written response from Moscow."
EVENT_NOT_SAME = {
    "date": "Russia delivered its answer to Washington last December after weeks of talks.",
    "roles": "Washington delivered its answer to Russia on Thursday after weeks of talks.",
    "party": "Russia delivered its answer to Beijing on Thursday after weeks of talks.",
    "negated": "Russia did not deliver its answer to Washington on Thursday, officials complained.",
    "condition": "Talks resume Friday if Russia delivers its answer to Washington on Thursday.",
    "action": "Russia published its answer to Washington on Thursday after weeks of talks.",
    "object": "Russia delivered ten tanks to Washington on Thursday after weeks of talks.",
    "question": "Has Russia delivered its answer to Washington on Thursday after weeks of talks?",
}


def test_same_event_in_other_words_is_linked_both_ways() -> None:
    """Few shared words, but one event: the same action, participants in the same roles, the same day."""
    arts = [
        _dated("a", SENT),
        _dated("b", RECEIVED),
        _dated("c", "La Russie a remis jeudi sa réponse aux États-Unis.", "fr"),
    ]
    al = align(arts)
    a, b = (al.by_article[k][0] for k in "ab")
    assert al.citing(a) == ["a", "b", "c"] and al.citing(b) == ["a", "b", "c"]
    assert al.states(a, b) and al.states(b, a)
    al.events, al._stated = None, None  # word overlap alone does not link them
    assert al.citing(a) == ["a"] and al.citing(b) == ["b"]


def test_event_links_refuse_other_dates_roles_parties_and_unstated_events() -> None:
    assert align([_dated("a", RECEIVED), _dated("b", SENT)]).events is not None
    for why, text in EVENT_NOT_SAME.items():
        al = align([_dated("a", RECEIVED), _dated("b", text)])
        assert al.citing(al.by_article["a"][0]) == ["a"], why
        assert al.events is None, why


def test_event_dates_resolve_against_each_articles_publish_day() -> None:
    # "on Thursday" in an article of Friday 18 February is the 17th: the same day as the other's Thursday.
    al = align(
        [_dated("a", SENT), _dated("b", RECEIVED.replace("on Thursday", "yesterday"), day="2022-02-18")]
    )
    assert al.citing(al.by_article["a"][0]) == ["a", "b"]
    # A week later, "on Thursday" is another day.
    al = align([_dated("a", SENT), _dated("b", RECEIVED, day="2022-02-25")])
    assert al.citing(al.by_article["a"][0]) == ["a"]


def test_participants_and_roles() -> None:
    finder = ParticipantFinder({"Lavrov": "Sergey Lavrov", "Russia Today": "Russia Today"})
    found = finder.find("The Russian Foreign Ministry told Russia Today that Lavrov spoke to Kiev.")
    assert [p.key for p in found] == [
        "state:russia",
        "name:Russia Today",
        "name:Sergey Lavrov",
        "state:ukraine",
    ]
    text = "Die USA erhielten am Donnerstag die Antwort von Russland."
    at = text.index("erhielten")
    roles = event_roles(text, "de", finder.find(text), (at, at + 9), converse=True)
    assert roles == ("state:russia", "state:usa")
    # The name after "ambassador to" is a post, not the receiver; an agentless passive has no event.
    text = "The answer was handed over to the US ambassador to Russia."
    at = text.index("handed")
    assert event_roles(text, "en", finder.find(text), (at, at + 6), converse=False) is None
    assert not sentence_events(text, "en", "2022-02-17", finder)


def test_a_named_persons_words_are_cited_by_event_only_where_they_are_named() -> None:
    """One event, but "Lavrov announced that ..." is his statement: an article that reports only the delivery does
    not state it (it would put the announcement in that outlet's mouth), one that names him does; the speaker's
    own state or ministry speaking is a party to the event and needs no such check."""
    announced = (
        "Foreign Minister Sergei Lavrov announced that Russia delivered its answer to Washington on Thursday."
    )
    named = "Russia delivered its answer to Washington on Thursday, Lavrov's ministry confirmed."
    al = align([_dated("a", announced), _dated("b", SENT), _dated("c", named)])
    a, b = (al.by_article[k][0] for k in "ab")
    assert al.citing(a) == ["a", "c"]
    assert al.citing(b) == ["a", "b", "c"]  # the plain delivery is stated by all three
    ministry = "The Russian Foreign Ministry said it delivered its answer to Washington on Thursday."
    al = align([_dated("a", ministry), _dated("b", SENT)])
    assert al.citing(al.by_article["a"][0]) == ["a", "b"]


def test_an_event_said_as_to_come_is_stated_by_its_report_as_done_not_the_reverse() -> None:
    """ "Russia will send its answer on Thursday" (written that morning) does not state that it was received;
    "Russia delivered its answer on Thursday" states that the plan happened."""
    planned = "Russia will deliver its answer to Washington on Thursday, officials in Moscow confirmed."
    al = align(
        [
            _dated("a", planned),
            _dated("b", SENT),
            _dated("c", "Russia to deliver its answer to Washington today"),
        ]
    )
    a, b, c = (al.by_article[k][0] for k in "abc")
    assert al.citing(b) == ["b"]  # the delivery is stated by neither plan
    assert al.citing(a) == ["a", "b", "c"]  # the plan is stated by the delivery and by the other plan
    assert "b" in al.citing(c)


def test_a_done_report_with_a_future_elsewhere_in_its_clause_is_still_done() -> None:
    done = "Russia delivered its answer to Washington on Thursday ahead of talks next week."
    al = align([_dated("a", done), _dated("b", "Russia will deliver its answer to Washington on Thursday.")])
    a, b = (al.by_article[k][0] for k in "ab")
    assert al.citing(a) == ["a"]  # the plan does not state the delivery
    assert al.citing(b) == ["a", "b"]  # the delivery states the plan


def test_a_story_past_the_sentence_budget_reads_its_longest_articles_from_their_start() -> None:
    from newsfold.story.align import sentence_quota

    assert sentence_quota([10, 20, 30], 100) == [10, 20, 30]  # within the budget: all of it
    assert sentence_quota([10, 5000, 3000], 4000) == [10, 1995, 1995]  # short articles whole, the rest shared
    assert sum(sentence_quota([50] * 10 + [10_000] * 3, 4000)) <= 4000
    long = " ".join(f"The council met for the {n}th time and voted on item {n}." for n in range(300))
    arts = [
        text_article("short", "The mayor opened the session. The budget was approved."),
        text_article("long", long),
    ]
    al = align(arts, max_units=102)
    assert al.sentences == 302 and len(al.units) == 102
    assert [al.units[i].index for i in al.by_article["long"]] == list(range(100))  # its first sentences
    assert len(al.by_article["short"]) == 2
