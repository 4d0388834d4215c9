"""RSS 0.9x/1.0/2.0 and Atom feeds (``.rss``, ``.atom``, ``.xml``), parsed by feedparser from bytes.

Each item is one article: its full content (``content:encoded``, Atom ``content``) when the feed carries it,
else its summary/description. feedparser decodes the bytes itself (XML declaration, BOM) and removes scripts
from item markup; it never touches the network when given bytes.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import feedparser

from newsfold.ingest.source import ReadError, read_whole, too_big
from newsfold.models import RawDoc, Rejected
from newsfold.settings import Settings

STAGE = "read"
# A tag, comment or entity-free element start: enough to tell markup from plain text in a summary.
_MARKUP_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9:-]*\s*|!--)>")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


def has_markup(value: str) -> bool:
    """Tell whether ``value`` contains HTML tags (as opposed to plain text)."""
    return _MARKUP_RE.search(value) is not None


def _iso_utc(parsed: time.struct_time | None) -> str | None:
    """Write a feedparser date (a UTC struct_time) as ISO 8601 with ``Z``."""
    if parsed is None:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    except (TypeError, ValueError):
        return None


def _text_value(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _body(entry: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """Return ``(html, text)`` for an entry: full content first, else the summary."""
    contents = entry.get("content") or []
    if contents:
        first = contents[0]
        value = _text_value(first.get("value"))
        if value:
            kind = str(first.get("type") or "").lower()
            if kind in _HTML_TYPES or has_markup(value):
                return value, None
            return None, value
    summary = _text_value(entry.get("summary"))
    if summary:
        detail = entry.get("summary_detail") or {}
        if str(detail.get("type") or "").lower() == "text/plain" or not has_markup(summary):
            return None, summary
        return summary, None
    return None, None


def _language(entry: Mapping[str, Any], feed_lang: str | None) -> str | None:
    for name in ("content", "summary_detail", "title_detail"):
        detail = entry.get(name)
        if isinstance(detail, list):
            detail = detail[0] if detail else None
        if isinstance(detail, Mapping) and _text_value(detail.get("language")):
            return str(detail["language"])
    return feed_lang


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
    source = _text_value(feed.get("title"))
    feed_lang = _text_value(feed.get("language"))
    for number, entry in enumerate(entries, 1):
        location = f"{location_base}:{number}"
        html, text = _body(entry)
        if html is None and text is None:
            yield Rejected(location, STAGE, "feed item has no content or summary")
            continue
        body = html if html is not None else text
        assert body is not None  # one of them is set, checked above
        if len(body.encode("utf-8")) > cap:
            yield Rejected(location, STAGE, f"item {too_big(cap)}")
            continue
        link = _text_value(entry.get("link"))
        guid = _text_value(entry.get("id"))
        yield RawDoc(
            key=link or guid or f"{key_base}#{number}",
            location=location,
            fmt="feed",
            raw=body,
            text=text,
            html=html,
            url=link,
            source=source,
            published=_iso_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
            title=_text_value(entry.get("title")),
            lang=_language(entry, feed_lang),
        )
