"""RSS 2.0 and Atom feeds: full content first, summaries as text or html, dates as given, links, titles, bad feeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsfold.ingest.feeds import has_markup, markup_text, read_feed
from newsfold.ingest.metadata import normalise_published
from newsfold.models import RawDoc, Rejected
from newsfold.pipeline import ingest
from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store import queries as q

DATA = Path(__file__).parent / "data" / "ingest"


def test_rss2_with_content_encoded(settings: Settings) -> None:
    first, second, third = read_feed(DATA / "gazette.rss", "gazette", "f/gazette.rss", settings)
    assert isinstance(first, RawDoc)
    assert first.key == first.url == "https://gazette.example/news/night-ferry"
    assert first.location == "f/gazette.rss:1" and first.fmt == "feed"
    assert first.html is not None and "Passenger numbers rose" in first.html  # full content, not the teaser
    # the markup's text is the fallback; a line break inside a paragraph is a space
    assert first.text == (
        "The harbour authority said on Tuesday that the night ferry will run all year.\n"
        "Passenger numbers rose by a third last summer."
    )
    assert (first.title, first.source, first.lang) == (
        "Night ferry to run all year",
        "Harbour Gazette",
        "en",  # <language>en-gb</language>: the language, not the region
    )
    assert first.published == "2022-02-15T18:30:00+01:00"  # the RFC 2822 date with its own offset
    assert isinstance(second, RawDoc)
    assert second.key == "gazette-item-2" and second.url is None  # no link: the guid is the key
    assert (
        second.text == "The renovated market hall reopened on Wednesday with forty stalls."
        and second.html is None
    )
    assert second.published == "2022-02-16T08:00:00Z"  # GMT
    assert third == Rejected("f/gazette.rss:3", "read", "feed item has no content or summary")


def test_atom(settings: Settings) -> None:
    (entry,) = read_feed(DATA / "stadtanzeiger.xml", "s", "s.xml", settings)
    assert isinstance(entry, RawDoc)
    assert entry.key == "https://stadtanzeiger.example/fernwaerme"
    assert entry.html is not None and "Gebühren angekündigt" in entry.html
    assert (entry.source, entry.lang, entry.published) == ("Stadtanzeiger", "de", "2022-02-17T10:00:00+01:00")


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


def test_markup_text() -> None:
    assert markup_text(
        "<p>One\nline &amp; <b>bold</b>.</p><ul><li>a</li><li>b<br>c</li></ul><script>x()</script>"
    ) == ("One line & bold.\na\nb\nc")


FRANCE = (
    "La France était largement à l'arrêt jeudi en raison d'une grève massive contre la réforme des retraites "
    "voulue par Emmanuel Macron. Les transports publics à Paris et les trains ont été fortement perturbés."
)
SPANISH = (
    "El Gobierno francés ha reiterado este miércoles que no retirará la reforma de las pensiones, pese a la "
    "huelga convocada por los sindicatos para el jueves en todo el país."
)
GERMAN = (
    "In Frankreich ist der Bahnverkehr am Donnerstag wegen eines landesweiten Streiks gegen die Rentenreform "
    "stark eingeschränkt, wie die Bahngesellschaft am Mittwochabend mitteilte."
)


def _atom(entries: str, root: str = 'xml:base="https://atom.example/"') -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" {root}>'
        f"<title>Atom News</title><id>urn:x</id><updated>2023-03-09T12:00:00Z</updated>{entries}</feed>"
    )


def _rss(items: str, channel: str = "<link>https://journal.example/</link><language>fr</language>") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Journal</title>'
        f"<description>News</description>{channel}{items}</channel></rss>"
    )


def _feed_docs(tmp_path: Path, name: str, text: str, settings: Settings) -> list[RawDoc | Rejected]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(read_feed(path, path.stem, name, settings))


def _ingested(
    tmp_path: Path, name: str, text: str, settings: Settings
) -> tuple[dict[str, dict[str, Any]], int]:
    """Ingest one feed into a fresh store: its articles by key as ``newsfold article --json`` shows them, and
    how many inputs were quarantined."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([path], store, settings)
        conn = store.reader()
        keys = [row[0] for row in conn.execute("SELECT key FROM articles")]
        return {key: q.article_json(conn, key) for key in keys}, counts.quarantined


def test_xhtml_summary_is_read_like_text(tmp_path: Path, settings: Settings) -> None:
    div = f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{FRANCE}</p></div>'
    feed = _atom(
        f'<entry><title>Grève : la France à l\'arrêt</title><link href="https://atom.example/x"/><id>tag:x</id>'
        f'<summary type="xhtml">{div}</summary></entry>'
        f'<entry><title>Même texte</title><link href="https://atom.example/t"/><id>tag:t</id>'
        f'<summary type="text">{FRANCE} Encore.</summary></entry>'
    )
    got, quarantined = _ingested(tmp_path, "x.atom", feed, settings)
    assert quarantined == 0  # the xhtml entry is an article, as the same text typed "text" is
    assert got["https://atom.example/x"]["text"] == FRANCE


def test_html_titles_are_decoded(tmp_path: Path, settings: Settings) -> None:
    atom = _atom(
        '<entry><title type="html">Bahnstreik &amp;ndash; &lt;b&gt;Pendler&lt;/b&gt; betroffen</title>'
        f'<link href="https://atom.example/a"/><id>tag:a</id><content type="text">{GERMAN}</content></entry>'
        '<entry><title type="text">Literal &amp;ndash; kept</title>'
        f'<link href="https://atom.example/b"/><id>tag:b</id><content type="text">{GERMAN}</content></entry>'
    )
    first, second = _feed_docs(tmp_path, "t.atom", atom, settings)
    assert isinstance(first, RawDoc) and first.title == "Bahnstreik – Pendler betroffen"
    assert isinstance(second, RawDoc) and second.title == "Literal &ndash; kept"  # type="text" is literal
    rss = _rss(
        "<item><title>Grève &amp;ndash; &amp;laquo;trafic&amp;raquo; perturbé</title>"
        f"<link>https://journal.example/1</link><description>{FRANCE}</description></item>"
        "<item><title>&lt;b&gt;Grève&lt;/b&gt; &amp;amp; trafic</title>"
        f"<link>https://journal.example/2</link><description>{FRANCE}</description></item>"
    )
    first, second = _feed_docs(tmp_path, "t.rss", rss, settings)
    assert isinstance(first, RawDoc) and first.title == "Grève – «trafic» perturbé"
    assert isinstance(second, RawDoc) and second.title == "Grève & trafic"


def test_relative_links_are_resolved(tmp_path: Path, settings: Settings) -> None:
    rss = _rss(
        f"<item><title>Grève</title><link>/2023/03/09/greve</link><description>{FRANCE}</description></item>"
    )
    (item,) = _feed_docs(tmp_path, "r.rss", rss, settings)
    assert isinstance(item, RawDoc)
    assert item.key == item.url == "https://journal.example/2023/03/09/greve"
    atom = _atom(
        f'<entry><title>A</title><link href="artikel/a"/><id>tag:a</id><content type="text">{GERMAN}</content>'
        f'</entry><entry><title>B</title><id>tag:b</id><content type="text">{GERMAN}</content></entry>'
    )
    first, second = _feed_docs(tmp_path, "r.atom", atom, settings)
    assert isinstance(first, RawDoc) and first.key == first.url == "https://atom.example/artikel/a"
    assert isinstance(second, RawDoc) and (second.key, second.url) == ("tag:b", None)  # a guid is no address


def test_channel_language_is_a_hint(tmp_path: Path, settings: Settings) -> None:
    rss = _rss(
        f"<item><title>Grève</title><link>https://journal.example/fr</link><description>{FRANCE}</description></item>"
        f"<item><title>Huelga</title><link>https://journal.example/es</link><description>{SPANISH}</description></item>"
        f"<item><title>Streik</title><link>https://journal.example/de</link><description>{GERMAN}</description></item>"
        "<item><title>Brève</title><link>https://journal.example/short</link><description>Ok.</description></item>"
        "<item><title>Breve</title><link>https://journal.example/it</link><description>Ok.</description>"
        '<dc:language xmlns:dc="http://purl.org/dc/elements/1.1/">it-IT</dc:language></item>'
    )
    langs = [d.lang for d in _feed_docs(tmp_path, "l.rss", rss, settings) if isinstance(d, RawDoc)]
    # too little text to tell: the channel's language, unless the item declares its own
    assert langs == ["fr", "es", "de", "fr", "it"]
    atom = _atom(
        f'<entry xml:lang="it"><title>A</title><link href="a"/><id>a</id><content type="text">{GERMAN}</content>'
        "</entry>",
        root='xml:base="https://atom.example/" xml:lang="de"',
    )
    (entry,) = _feed_docs(tmp_path, "l.atom", atom, settings)
    assert isinstance(entry, RawDoc) and entry.lang == "it"  # an item's own declaration is its language
    bad = _rss(
        f"<item><title>Grève</title><link>https://journal.example/fr</link><description>{FRANCE}</description></item>",
        channel="<link>https://journal.example/</link><language>xx-zz</language>",
    )
    (item,) = _feed_docs(tmp_path, "b.rss", bad, settings)
    assert isinstance(item, RawDoc) and item.lang is None  # no language: not stored (the text decides later)
    pasted = _rss(
        f"<item><title>Grève</title><link>https://journal.example/fr</link><description>{FRANCE}</description></item>",
        channel='<link>https://journal.example/</link><language>lang="de-DE"</language>',
    )
    (item,) = _feed_docs(tmp_path, "p.rss", pasted, settings)
    assert (
        isinstance(item, RawDoc) and item.lang == "fr"
    )  # read as "de", a hint that the French text overrules


def test_feed_dates_are_kept_as_given(tmp_path: Path, settings: Settings) -> None:
    atom = _atom(
        f"<entry><title>A</title><link href='a'/><id>a</id><published>2023-03-07</published>"
        f"<content type='text'>{GERMAN}</content></entry>"
        f"<entry><title>B</title><link href='b'/><id>b</id><updated>2023-03-09T10:15:00+01:00</updated>"
        f"<content type='text'>{GERMAN}</content></entry>"
    )
    assert [d.published for d in _feed_docs(tmp_path, "d.atom", atom, settings) if isinstance(d, RawDoc)] == [
        "2023-03-07",  # a date stays a date, not midnight UTC
        "2023-03-09T10:15:00+01:00",
    ]
    rss = _rss(
        f"<item><title>A</title><link>/a</link><pubDate>Thu, 09 Mar 2023 07:30:00 +0100</pubDate>"
        f"<description>{FRANCE}</description></item>"
        f"<item><title>B</title><link>/b</link><pubDate>sometime soon</pubDate>"
        f"<description>{FRANCE}</description></item>"
    )
    assert [d.published for d in _feed_docs(tmp_path, "d.rss", rss, settings) if isinstance(d, RawDoc)] == [
        "2023-03-09T07:30:00+01:00",
        None,
    ]


def test_untitled_item_keeps_its_text(tmp_path: Path, settings: Settings) -> None:
    rss = _rss(f"<item><link>https://journal.example/u</link><description>{SPANISH}</description></item>")
    got, _ = _ingested(tmp_path, "u.rss", rss, settings)
    assert got["https://journal.example/u"]["text"] == SPANISH and got["https://journal.example/u"]["title"]


def test_rfc2822_dates_keep_their_zone_or_none() -> None:
    assert normalise_published("Thu, 09 Mar 2023 07:30:00 EST") == "2023-03-09T07:30:00-05:00"
    assert normalise_published("9 Mar 23 07:30 -0000") == "2023-03-09T07:30:00Z"  # UTC, sender's zone unknown
    # a zone name RFC 2822 does not define is not taken for UTC: the time stays, without an offset
    assert normalise_published("Thu, 09 Mar 2023 07:30:00 CEST") == "2023-03-09T07:30:00"
    assert normalise_published("Tue, 07 Mar 2023") == "2023-03-07"
    assert normalise_published("Thu, 30 Feb 2023 07:30:00 +0100") is None
    assert normalise_published("Thu, 09 Mar 2023 07:30:00 +2500") is None


def test_an_item_link_that_is_no_url_loses_only_that_link(tmp_path: Path, settings: Settings) -> None:
    rss = _rss(
        f"<item><title>A</title><link>http://[broken/a</link><description>{FRANCE}</description></item>"
        f"<item><title>B</title><link>https://journal.example/b</link><description>{SPANISH}</description></item>"
    )
    docs = _feed_docs(tmp_path, "x.rss", rss, settings)
    assert [d.url for d in docs if isinstance(d, RawDoc)] == [None, "https://journal.example/b"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-02-17 10:00:00 UTC", "2022-02-17T10:00:00Z"),
        ("2022-02-17 10:00:00 +0200", "2022-02-17T10:00:00+02:00"),
        ("20220217", "2022-02-17"),
        ("20220217T100000Z", "2022-02-17T10:00:00Z"),
        ("2022-02", "2022-02"),
        ("Thu, 09 Mar 2023 07:30:00 +01:00", "2023-03-09T07:30:00+01:00"),
        ("Mar 9, 2023", "2023-03-09"),
        ("2022-13", None),
        ("20221345", None),
        ("12/09/2023", None),
    ],
)
def test_readable_publish_dates_are_kept(value: str, expected: str | None) -> None:
    from newsfold.ingest.metadata import normalise_published

    assert normalise_published(value) == expected


def test_an_item_cut_off_by_a_damaged_feed_says_so(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>a</title>'
        "<link>http://x/3</link><description>Text about a storm hitting Lisbon on Monday",
        encoding="utf-8",
    )
    (item,) = read_feed(path, "broken", "broken.rss", settings)
    assert isinstance(item, Rejected) and "the feed is damaged there" in item.reason
