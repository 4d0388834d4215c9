"""Story timelines: grouping across articles cites every article, sorting, date selection, the seeds."""

from __future__ import annotations

from pathlib import Path

from newsfold.evaluate.timeline import articles_from_jsonl
from newsfold.models import Article
from newsfold.story.timeline import TimelineEntry, select_dates, story_timeline


def _article(key: str, text: str, published: str | None = "2022-02-17", lang: str = "en") -> Article:
    return Article(
        key=key, location=key, fmt="text", raw=text, text=text, title=key, published=published, lang=lang
    )


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


def test_entries_are_sorted_and_relative_dates_need_a_publish_date() -> None:
    arts = [
        _article("a", "Yesterday the ministry published its reply to the letter.", None),
        _article("b", "The ministry published its drafts on 17 December 2021 in Moscow.", None),
        _article("c", "The minister said on Monday that the reply was about ten pages long."),
    ]
    entries = story_timeline(arts)
    assert [e.date for e in entries] == ["2021-12-17", "2022-02-14"]
    assert [e.date for e in entries] == sorted(e.date for e in entries)


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
