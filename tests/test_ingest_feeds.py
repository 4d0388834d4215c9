"""RSS 2.0 and Atom feeds: full content first, summaries as text or html, dates in UTC, bad feeds."""

from __future__ import annotations

from pathlib import Path

from newsfold.ingest.feeds import has_markup, read_feed
from newsfold.models import RawDoc, Rejected
from newsfold.settings import Settings

DATA = Path(__file__).parent / "data" / "ingest"


def test_rss2_with_content_encoded(settings: Settings) -> None:
    first, second, third = read_feed(DATA / "gazette.rss", "gazette", "f/gazette.rss", settings)
    assert isinstance(first, RawDoc)
    assert first.key == first.url == "https://gazette.example/news/night-ferry"
    assert first.location == "f/gazette.rss:1" and first.fmt == "feed"
    assert first.html is not None and "Passenger numbers rose" in first.html  # full content, not the teaser
    assert first.text is None
    assert (first.title, first.source, first.lang) == (
        "Night ferry to run all year",
        "Harbour Gazette",
        "en-gb",
    )
    assert first.published == "2022-02-15T17:30:00Z"  # +0100 in the feed, written in UTC
    assert isinstance(second, RawDoc)
    assert second.key == "gazette-item-2" and second.url is None  # no link: the guid is the key
    assert (
        second.text == "The renovated market hall reopened on Wednesday with forty stalls."
        and second.html is None
    )
    assert second.published == "2022-02-16T08:00:00Z"
    assert third == Rejected("f/gazette.rss:3", "read", "feed item has no content or summary")


def test_atom(settings: Settings) -> None:
    (entry,) = read_feed(DATA / "stadtanzeiger.xml", "s", "s.xml", settings)
    assert isinstance(entry, RawDoc)
    assert entry.key == "https://stadtanzeiger.example/fernwaerme"
    assert entry.html is not None and "Gebühren angekündigt" in entry.html
    assert (entry.source, entry.lang, entry.published) == ("Stadtanzeiger", "de", "2022-02-17T09:00:00Z")


def test_not_a_feed(settings: Settings) -> None:
    (bad,) = read_feed(DATA / "broken.rss", "b", "b.rss", settings)
    assert isinstance(bad, Rejected) and bad.reason.startswith("not a parseable feed")
    (html,) = read_feed(DATA / "ru_cp1251.html", "r", "r.xml", settings)
    assert isinstance(html, Rejected) and html.location == "r.xml"


def test_empty_feed_file(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "e.rss").write_bytes(b"   \n")
    assert list(read_feed(tmp_path / "e.rss", "e", "e.rss", settings)) == [
        Rejected("e.rss", "read", "empty file")
    ]


def test_has_markup() -> None:
    assert has_markup("a <b>bold</b> word")
    assert has_markup("<p>para")
    assert not has_markup("3 < 4 and 5 > 2")
    assert not has_markup("plain text")
