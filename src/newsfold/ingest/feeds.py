"""RSS 0.9x/1.0/2.0 and Atom feeds (``.rss``, ``.atom``, ``.xml``), parsed by feedparser from bytes.

Each item is one article: its full content (``content:encoded``, Atom ``content``) when the feed carries it,
else its summary/description. feedparser decodes the bytes itself (XML declaration, BOM) and removes scripts
from item markup; it never touches the network when given bytes.

An item's markup (HTML, or Atom ``type="xhtml"``, which feedparser hands over without its ``div``) comes with
its text as the fallback (:func:`markup_text`): a one-paragraph summary is too little page for HTML extraction,
and its text is still the article. Titles typed ``html`` (and RSS titles, which feeds escape at will) are read as
HTML: entities decoded, tags dropped. A relative link is resolved against the item's ``xml:base``, the feed's,
or the channel's link. Dates are read as every reader reads them (:mod:`newsfold.ingest.metadata`): kept as given
with their own offset. The channel's language is a hint, not the item's language: see :func:`item_language`.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from newsfold.ingest.metadata import normalise_lang, normalise_published, published_flags
from newsfold.ingest.source import ReadError, read_whole, too_big
from newsfold.lang import language_of
from newsfold.models import RawDoc, Rejected
from newsfold.settings import Settings

STAGE = "read"
# A tag, comment or entity-free element start: enough to tell markup from plain text in a summary.
_MARKUP_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9:-]*\s*|!--)>")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
# Elements that start a line of their own in the text of item markup.
_BLOCK_TAGS = """address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header
    hr li main nav ol p pre section table td th tr ul"""
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_SKIPPED = frozenset({"script", "style", "template", "noscript"})
_SPACES = re.compile(r"\s+")
_WEB = frozenset({"http", "https"})


def has_markup(value: str) -> bool:
    """Tell whether ``value`` contains HTML tags (as opposed to plain text)."""
    return _MARKUP_RE.search(value) is not None


class _TextOf(HTMLParser):
    """Collects the text of markup: entities decoded, one line per block element, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(_SPACES.sub(" ", data))  # a line break in markup is a space; blocks make lines


def markup_text(markup: str) -> str:
    """The text of an HTML fragment: one line per paragraph (or other block), entities decoded, tags dropped.

    Args:
        markup: item markup (an RSS description, Atom content).

    Returns:
        The text, its lines stripped and their spaces collapsed, blank lines left out.
    """
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _text_value(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def item_body(entry: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """Return ``(html, text)`` for an entry: full content first, else the summary.

    Markup-typed content without tags is text, its entities decoded ("Tom &amp; Jerry").
    """
    contents = entry.get("content") or []
    if contents:
        first = contents[0]
        value = _text_value(first.get("value"))
        if value:
            kind = str(first.get("type") or "").lower()
            if has_markup(value):
                return value, None
            return None, html_lib.unescape(value) if kind in _HTML_TYPES else value
    summary = _text_value(entry.get("summary"))
    if summary:
        kind = _detail_type(entry, "summary_detail")
        if kind == "text/plain" or not has_markup(summary):
            return None, html_lib.unescape(summary) if kind in _HTML_TYPES else summary
        return summary, None
    return None, None


def _detail_type(entry: Mapping[str, Any], name: str) -> str:
    detail = entry.get(name)
    return str(detail.get("type") or "").lower() if isinstance(detail, Mapping) else ""


def item_title(entry: Mapping[str, Any], rss: bool) -> str | None:
    """An item's title as plain text: one typed ``html``/``xhtml`` (feedparser types an RSS title with
    entities ``text/html``) is read as HTML, and so is an RSS title with tags or entities in it; an Atom
    ``type="text"`` title is taken as it stands."""
    title = _text_value(entry.get("title"))
    if title is None:
        return None
    if _detail_type(entry, "title_detail") in _HTML_TYPES or (rss and has_markup(title)):
        title = " ".join(markup_text(title).split())
    elif rss:
        title = html_lib.unescape(title)
    return title or None


def _scheme(url: str) -> str | None:
    """The URL's scheme, lower case ("" for a relative one); None for text that is no URL ("http://[broken/")."""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return None


def is_web_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) address (text that is no URL is not)."""
    return _scheme(url) in _WEB


def item_link(entry: Mapping[str, Any], feed: Mapping[str, Any]) -> str | None:
    """An item's link, made absolute: against the item's ``xml:base``, else the feed's, else the channel's
    link (feedparser resolves Atom links against ``xml:base`` itself; RSS links it leaves as written)."""
    link = _text_value(entry.get("link"))
    if link is None or _scheme(link) is None:
        return None  # no link, or one that is no URL: the item is keyed by its guid
    if _scheme(link):
        return link
    bases = [
        str(detail.get("base") or "")
        for detail in (entry.get("title_detail"), entry.get("summary_detail"), feed.get("title_detail"))
        if isinstance(detail, Mapping)
    ]
    for base in (*bases, str(feed.get("link") or "")):
        if base and is_web_url(base):
            return urljoin(base, link.strip())
    return link


def item_published(entry: Mapping[str, Any]) -> tuple[object, str | None]:
    """An item's publish date as given and as read (:func:`~newsfold.ingest.metadata.normalise_published`): its
    ``published``, else its ``updated`` when that is missing, empty or unreadable. "in" first: feedparser answers a
    missing "published" with "updated", and warns that it soon will not."""
    given = entry["published"] if "published" in entry else None  # noqa: SIM401 - .get() would warn
    published = normalise_published(given)
    if published is None and "updated" in entry:
        given = given or entry["updated"]
        published = normalise_published(entry["updated"])
    return given, published


def item_language(
    entry: Mapping[str, Any], feed_lang: str | None, sample: str, settings: Settings
) -> str | None:
    """An item's language: its own declared language, else the text's, with the channel's as a hint.

    A channel's ``<language>`` (or the feed's ``xml:lang``, which feedparser copies onto every item) says what
    most items are in, not this one: a multilingual feed has items in other languages. So an item that declares
    no language of its own gets the language detected in its text (:func:`newsfold.lang.detect_language`), and
    the channel's only when the text is too short to tell, or when it names a language outside
    ``settings.languages``, which detection cannot confirm or deny.

    Args:
        entry: the feedparser entry.
        feed_lang: the channel's language, already normalised (:func:`~newsfold.ingest.metadata.normalise_lang`).
        sample: the item's title and text, for detection.
        settings: ``languages`` and ``lang_chars`` for detection.

    Returns:
        A two-letter code, or None.
    """
    own = normalise_lang(entry.get("language"))  # an item's <dc:language>
    if own is not None:
        return own
    for name in ("content", "summary_detail", "title_detail"):  # xml:lang, maybe the feed's own copied down
        detail = entry.get(name)
        if isinstance(detail, list):
            detail = detail[0] if detail else None
        own = normalise_lang(detail.get("language")) if isinstance(detail, Mapping) else None
        if own is not None and own != feed_lang:
            return own
    if feed_lang is None:
        return None  # nothing declared: the pipeline detects the language in the cleaned text
    return language_of(sample, settings, hint=feed_lang)


@dataclass(frozen=True, slots=True)
class _Channel:
    """What a feed says about all its items."""

    meta: Mapping[str, Any]
    source: str | None
    lang: str | None
    rss: bool


def read_feed(
    path: Path, key_base: str, location_base: str, settings: Settings
) -> Iterator[RawDoc | Rejected]:
    """Read an RSS or Atom feed; each item becomes one article.

    Args:
        path: the feed file (gzip is decompressed).
        key_base: the file key; an item with neither link nor guid gets ``<key_base>#<item>``.
        location_base: the path as shown; each item's location is ``<location_base>:<item>`` (from 1).
        settings: ``max_input_bytes`` caps the file and each item.

    Yields:
        A RawDoc per item with a body, a Rejected per item without one, or one Rejected for a file that is
        not a parseable feed.
    """
    cap = settings.max_input_bytes
    try:
        data = read_whole(path, cap)
    except ReadError as exc:
        yield Rejected(location_base, STAGE, str(exc))
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            detail = str(parsed.get("bozo_exception") or "parse error").splitlines()[0]
            yield Rejected(location_base, STAGE, f"not a parseable feed: {detail}")
        elif not parsed.get("version"):
            yield Rejected(location_base, STAGE, "not an RSS or Atom feed")
        else:
            yield Rejected(location_base, STAGE, "feed has no items")
        return
    feed = parsed.get("feed") or {}
    channel = _Channel(
        meta=feed,
        source=_text_value(feed.get("title")),
        lang=normalise_lang(feed.get("language")),
        rss=not str(parsed.get("version") or "").startswith("atom"),
    )
    damage = None
    if parsed.get("bozo"):  # read as far as it goes: say so where an item then lacks its body
        damage = str(parsed.get("bozo_exception") or "parse error").splitlines()[0][:200]
    for number, entry in enumerate(entries, 1):
        item = _item(entry, channel, key_base, f"{location_base}:{number}", number, settings)
        if isinstance(item, Rejected) and damage and item.reason == NO_BODY:
            item = Rejected(item.location, item.stage, f"{NO_BODY}: the feed is damaged there ({damage})")
        yield item


NO_BODY = "feed item has no content or summary"


def _item(
    entry: Mapping[str, Any], channel: _Channel, key_base: str, location: str, number: int, settings: Settings
) -> RawDoc | Rejected:
    """One feed item as a RawDoc, or why it is not taken."""
    html, text = item_body(entry)
    if html is None and text is None:
        return Rejected(location, STAGE, NO_BODY)
    body = html if html is not None else text
    assert body is not None  # one of them is set, checked above
    if len(body.encode("utf-8")) > settings.max_input_bytes:
        return Rejected(location, STAGE, f"item {too_big(settings.max_input_bytes)}")
    if html is not None:
        text = markup_text(html) or None  # the fallback when the markup is too little page to extract
    title = item_title(entry, channel.rss)  # None: the clean stage finds it in the text
    link = item_link(entry, channel.meta)
    guid = _text_value(entry.get("id"))
    # "in" first: feedparser answers a missing "published" with "updated", and warns that it soon will not
    given, published = item_published(entry)
    return RawDoc(
        key=link or guid or f"{key_base}#{number}",
        location=location,
        fmt="feed",
        raw=body,
        text=text,
        html=html,
        url=link if link is not None and is_web_url(link) else None,
        source=channel.source,
        published=published,
        title=title,
        lang=item_language(entry, channel.lang, f"{title or ''}\n{text or ''}", settings),
        flags=published_flags(given, published),
    )
