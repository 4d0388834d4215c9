"""Story timelines: grouping across articles cites every article, sorting, date selection, the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import text_article
from newsfold.evaluate.timeline import articles_from_jsonl
from newsfold.models import Article
from newsfold.story.timeline import TimelineEntry, key_dates, rank_dates, select_dates, story_timeline


def _article(key: str, text: str, published: str | None = "2022-02-17", lang: str = "en") -> Article:
    return text_article(key, text, published=published, lang=lang)


def test_same_event_across_articles_is_one_entry_citing_all() -> None:
    arts = [
        _article("a", "On Tuesday, Lavrov and Blinken discussed the security guarantees by phone."),
        _article("b", "Lavrov and Blinken held a phone call on Tuesday about security guarantees."),
        _article("c", "On Tuesday, heavy snow closed every airport in the northern region.", "2022-02-16"),
    ]
    entries = story_timeline(arts)
    call = [e for e in entries if "Blinken" in e.text]
    assert len(call) == 1
    assert call[0].date == "2022-02-15"
    assert set(call[0].articles) == {"a", "b"}
    snow = [e for e in entries if "snow" in e.text]
    assert [(e.date, e.articles) for e in snow] == [("2022-02-15", ("c",))]


def test_an_entry_giving_a_persons_words_cites_only_the_articles_that_name_them() -> None:
    arts = [
        _article(
            "a",
            "Foreign Minister Sergei Lavrov announced that Russia will send its security reply on Thursday.",
        ),
        _article("b", "Russia will send its security reply on Thursday, Lavrov told reporters in Moscow."),
        _article("c", "The United States received the Russian security reply on Thursday in Moscow."),
    ]
    (entry,) = [e for e in story_timeline(arts) if e.date == "2022-02-17"]
    assert "Lavrov" in entry.text
    assert set(entry.articles) == {"a", "b"}  # c reports the day's event, not Lavrov's announcement
    # the name is matched as a word: "Li" is not in "delivery"
    arts = [
        _article(
            "a", "Premier Li announced that China will send its security reply to Washington on Thursday."
        ),
        _article(
            "b", "China will send its security reply to Washington on Thursday, Premier Li told reporters."
        ),
        _article(
            "c", "China will send its security reply to Washington on Thursday, a delivery official said."
        ),
    ]
    (entry,) = [e for e in story_timeline(arts) if e.date == "2022-02-17"]
    assert set(entry.articles) == {"a", "b"}


def test_entries_are_sorted_and_relative_dates_need_a_publish_date() -> None:
    arts = [
        _article("a", "Yesterday the ministry published its reply to the letter.", None),
        _article("b", "The ministry published its drafts on 17 December 2021 in Moscow.", None),
        _article("c", "The minister said on Monday that the reply was about ten pages long."),
    ]
    entries = story_timeline(arts)
    assert [e.date for e in entries] == ["2021-12-17", "2022-02-14"]
    assert [e.date for e in entries] == sorted(e.date for e in entries)


def test_a_week_is_an_entry_in_date_order() -> None:
    arts = [
        _article("a", "The ministers will meet in Geneva next week to discuss the reply."),
        _article("b", "The reply was handed to the ambassador on Thursday in Moscow."),
        _article("c", "The drafts were published in Moscow on 17 December 2021 by the ministry."),
    ]
    entries = story_timeline(arts)
    assert [(e.date, e.articles) for e in entries] == [
        ("2021-12-17", ("c",)),
        ("2022-02-17", ("b",)),
        ("2022-W08", ("a",)),  # the week starting Monday 21 February
    ]


def test_a_sentence_with_two_dates_is_shown_once_under_the_more_precise_one() -> None:
    two = "On January 26, Washington presented its proposals, rejecting demands made last December."
    arts = [
        _article("a", two),
        _article("b", "Last December, Russia submitted two draft agreements to Washington and NATO."),
        _article("c", "Last December, Russia submitted two draft agreements to the United States."),
    ]
    entries = [(e.date, e.text, e.articles) for e in story_timeline(arts)]
    assert [x for x in entries if x[1] == two] == [("2022-01-26", two, ("a",))]
    # the December drafts are still their own entry, cited by the two articles that state them
    assert [(d, arts_) for d, _, arts_ in entries if d == "2021-12"] == [("2021-12", ("b", "c"))]


def test_templates_and_short_lines_are_not_events() -> None:
    footer = "Join our conference on 7 June 2021 in Rome for the annual meeting."
    arts = [
        _article(
            str(i),
            f"Troops moved north on {i + 1} February 2022 near the border.\n{footer}",
            f"2022-02-0{i + 1}",
        )
        for i in range(4)
    ]
    arts.append(_article("x", "MOSCOW, January 26.\nNothing else happened here at all today.", "2022-01-26"))
    dates = {e.date for e in story_timeline(arts)}
    assert "2021-06-07" not in dates
    assert "2022-02-01" in dates


def test_select_dates_prefers_dates_many_articles_state() -> None:
    entries = [
        TimelineEntry("2022-01-01", "one", ("a",), 1.0),
        TimelineEntry("2022-01-02", "two", ("a", "b", "c"), 3.0),
        TimelineEntry("2022-01-02", "two bis", ("d",), 1.0),
        TimelineEntry("2022-01-03", "three", ("b", "c"), 2.0),
    ]
    chosen = select_dates(entries, 2)
    assert [(e.date, e.text) for e in chosen] == [("2022-01-02", "two"), ("2022-01-03", "three")]
    assert select_dates(entries, 0) == []


def test_seed_timeline_has_the_story_steps_cited(shared_seeds: Path) -> None:
    arts = articles_from_jsonl(shared_seeds / "seeds.jsonl")
    entries = story_timeline(arts)
    by_date: dict[str, set[str]] = {}
    for e in entries:
        assert e.articles, e
        by_date.setdefault(e.date, set()).update(e.articles)
    tass = next(a.key for a in arts if a.published == "2022-01-26")
    assert tass in by_date["2021-12-17"]
    assert tass in by_date["2022-01-21"]
    assert tass in by_date["2022-01-26"]
    for date in ("2021-12", "2022-01", "2022-02-14", "2022-02-15", "2022-02-16"):
        assert date in by_date, date
    assert len(by_date["2022-02-17"]) >= 3  # the reply day, stated by several reports
    top = [e.date for e in select_dates(entries, 5)]
    assert "2022-02-17" in top and "2022-01-26" in top


def _arc() -> list[Article]:
    """Six reports on one crisis in Italian; 14 March is reported by four of them, 2 March by one, 1 March by none."""
    body = "Gli scontri a Ruritania sono proseguiti per tutta la notte nella capitale del paese."
    arts = [
        _article(
            "r1",
            f"Il 14 marzo 2011 a Ruritania la polizia ha sparato sui manifestanti.\n{body}",
            "2011-03-14",
        ),
        _article(
            "r2", f"Ieri la polizia di Ruritania ha sparato sui manifestanti in piazza.\n{body}", "2011-03-15"
        ),
        _article(
            "r3", f"Lunedì la polizia di Ruritania ha aperto il fuoco sulla folla.\n{body}", "2011-03-16"
        ),
        _article("r4", f"Dal 14 marzo a Ruritania la protesta non si è più fermata.\n{body}", "2011-03-30"),
        _article(
            "r5", f"Il 2 marzo a Ruritania i primi cortei hanno attraversato la città.\n{body}", "2011-03-03"
        ),
        _article(
            "r6",
            f"L'11 settembre 2001 cambiò la politica estera degli Stati Uniti verso Ruritania.\n{body}\n"
            "Evento a Roma il 28 marzo 2011, leggi tutto » www.example.org",
            "2011-03-28",
        ),
    ]
    return [
        Article(
            key=a.key,
            location=a.location,
            fmt=a.fmt,
            raw=a.raw,
            text=a.text,
            title=a.title,
            published=a.published,
            lang="it",
        )
        for a in arts
    ]


def test_rank_dates_counts_articles_not_publications() -> None:
    scores = rank_dates(_arc())
    assert (
        max(scores, key=lambda d: scores[d]) == "2011-03-14"
    )  # stated by four reports, absolute and relative
    assert scores["2011-03-02"] > scores.get("2011-03-20", 0.0)  # mentioned once beats a day with nothing
    assert "2001-09-11" not in scores  # history long before the first report is not the arc
    assert scores["2011-03-28"] < scores["2011-03-02"]  # an event advert with a read-more link and a URL


def test_key_dates_gives_n_dates_sorted_and_cited() -> None:
    chosen = key_dates(_arc(), 3)
    assert [e.date for e in chosen] == sorted(e.date for e in chosen)
    assert len(chosen) == 3 and "2011-03-14" in {e.date for e in chosen}
    main = next(e for e in chosen if e.date == "2011-03-14")
    assert {"r1", "r2"} <= set(
        main.articles
    )  # the same event, absolute in one report and relative in the other
    many = key_dates(
        _arc(), 40
    )  # more than the evidence: only days that some article dates or reports are shown
    assert 3 < len(many) < 29 and all(e.articles and e.text for e in many)
    assert all("2011-02-21" <= e.date <= "2011-03-30" for e in many)
    by_key = {a.key: a for a in _arc()}
    for e in many:  # each entry is stated: a dated sentence, or the lead of a report published that day
        assert any(by_key[k].day == e.date or e.text in by_key[k].text for k in e.articles)
    assert key_dates(_arc(), 0) == [] and key_dates([], 3) == []


def test_key_dates_without_publish_dates_uses_absolute_dates() -> None:
    arts = [
        _article("a", "The ministry published its drafts on 17 December 2021 in Moscow.", None),
        _article("b", "Yesterday the ministry published its reply to the letter.", None),
    ]
    assert [e.date for e in key_dates(arts, 5)] == ["2021-12-17"]


def test_key_dates_say_on_what_each_entry_rests() -> None:
    arts = [
        _article("a", "Troops crossed the border on 14 March 2011 near the river.", "2011-03-15"),
        _article(
            "b", "The council condemned the troops who crossed the border on 14 March 2011.", "2011-03-20"
        ),
        # published on the 18th; its first sentence is dated to another day, its second reports the day's news
        _article(
            "c",
            "Talks had opened on 2 March 2011 in Geneva between the parties.\n"
            "The council met in an emergency session and voted a resolution.",
            "2011-03-18",
        ),
        # published on the 19th; its only sentence speaks of another day: nothing says what happened on the 19th
        _article("d", "The vote of 12 March 2011 was recalled by the envoy in his speech.", "2011-03-19"),
    ]
    by_date = {e.date: e for e in key_dates(arts, 10)}
    stated = by_date["2011-03-14"]
    assert stated.basis == "stated" and set(stated.articles) == {"a", "b"} and "14 March 2011" in stated.text
    published = by_date["2011-03-18"]
    assert published.basis == "published" and published.articles == ("c",)
    assert published.text.startswith("The council met")  # not the line about 2 March
    # its article dates nothing to that day: no entry rather than a false one
    assert "2011-03-19" not in by_date
    assert all(e.basis in {"stated", "published"} for e in by_date.values())
    assert all(TimelineEntry(e.date, e.text, e.articles, e.score).basis == "stated" for e in by_date.values())


def test_every_day_of_a_range_is_a_key_date_stated_by_its_sentence() -> None:
    # "du 3 au 5 mars": both days are stated by the sentence (basis "stated"), the first no less than the last
    arts = [
        _article(
            "a",
            "Du 3 au 5 mars 2011, de violents affrontements ont opposé les rebelles à l'armée.",
            "2011-03-06",
            "fr",
        ),
        _article(
            "b", "Les rebelles ont perdu la ville de Brega, selon les témoins sur place.", "2011-03-06", "fr"
        ),
    ]
    entries = {e.date: e for e in key_dates(arts, 3)}
    assert {"2011-03-03", "2011-03-05"} <= set(entries)
    assert entries["2011-03-03"].basis == "stated" and entries["2011-03-03"].articles == ("a",)


def test_a_time_stamp_or_byline_is_no_event() -> None:
    arts = [
        _article("a", "PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM", "2013-05-03"),
        _article("b", "Posted on Thu May 2, 2013 08: 45 AM PDT", "2013-05-03"),
        _article(
            "c", "Lindsay Lohan checked into a rehab clinic in California on May 2, 2013.", "2013-05-03"
        ),
    ]
    assert [e.articles for e in story_timeline(arts)] == [("c",)]


def test_a_date_after_since_is_no_timeline_entry() -> None:
    arts = [
        _article(
            "en",
            "The ECB cut its interest rates on Thursday, its first cut since September 2019.",
            "2024-06-06",
        ),
        _article("de", "Es ist die erste Zinssenkung der EZB seit September 2019.", "2024-06-06", "de"),
        _article(
            "ar",
            "خفض البنك المركزي الأوروبي يوم الخميس أسعار الفائدة، في أول خفض منذ سبتمبر/أيلول 2019.",
            "2024-06-06",
            "ar",
        ),
        _article(
            "ar2",
            "يراهن المستثمرون على خفض جديد لأسعار الفائدة من البنك المركزي الأوروبي في سبتمبر/أيلول.",
            "2024-06-10",
            "ar",
        ),
    ]
    entries = story_timeline(arts)
    assert not [e for e in entries if e.date.startswith(("2019", "2023"))]
    # the coming September, cited by the one article that speaks of it
    assert [(e.date, e.articles) for e in entries if e.date == "2024-09"] == [("2024-09", ("ar2",))]
    assert {"en", "ar"} <= {k for e in entries if e.date == "2024-06-06" for k in e.articles}


def test_a_dated_sentence_repeated_thousands_of_times_is_one_entry_found_in_bounded_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsfold.story.timeline as timeline

    calls = []
    similar = timeline._similar
    monkeypatch.setattr(timeline, "_similar", lambda a, b: calls.append(1) or similar(a, b))
    repeated = " ".join(["The council approved the new budget on Monday after a long debate."] * 3000)
    varied = " ".join(
        f"Delegate number {n} from the northern district asked questions about parking on Monday."
        for n in range(400)
    )
    arts = [
        text_article("a", repeated, published="2024-03-06"),
        text_article("b", varied, published="2024-03-06"),
    ]
    entries = story_timeline(arts)
    assert [e.date for e in entries if "approved" in e.text] == ["2024-03-04"]  # one entry, not 3,000
    assert len(calls) < 401 * timeline.GROUP_COMPARE * 2  # neither grouping nor centrality compares all pairs
