"""HTML pages to article text and metadata: trafilatura as the base, then newsfold's own second pass.

The cascade, cheapest first, on one parsed tree:

1. ``trafilatura.bare_extraction`` for the body, comments left out (a comment is not the article).
2. When that body is empty or shorter than ``FALLBACK_CHARS``, trafilatura in its recall-favouring mode and its
   ``baseline`` (every paragraph-like element) are tried and the longest text is kept, so a page that the precise
   pass under-reads is not lost.
3. :func:`newsfold.clean.clean_extracted_text` on the result: the same line rules as plain text, so widget,
   link-list, caption and copyright lines that slip through extraction are dropped and kept as ``removed``.
4. A page whose cleaned body is tiny, or mostly short unpunctuated lines (a home page's headline list, an error or
   login page), has no article body: :func:`extract_html` returns None and the caller quarantines it. Short
   unpunctuated lines that are not the page's link texts (song lyrics, a poem, a list; scripts without sentence
   punctuation) are kept as a body.

Metadata is read directly from the tree rather than by trafilatura's metadata pass, which costs about as much as
the extraction itself (measured with bench/extract_speed.py): the headline from ``<h1>`` / og:title / ``<title>``,
author and site name from ``<meta>``, the language from ``<html lang>``, and the publish date from htmldate's quick
search (markup and URL, ``date_source`` ``"metadata"``). Dates in running text are never taken: a year in a
sentence is not a publish date; a dateline date is the caller's fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from newsfold.clean import clean_extracted_text
from newsfold.models import Removed
from newsfold.outlets import site_name

FALLBACK_CHARS = 250  # below this, trafilatura's baseline is tried as well (swept 100-500 on extraction-dev)
MIN_BODY_CHARS = (
    80  # a cleaned body shorter than this is no article (same default as settings.min_body_chars)
)
MIN_PROSE_SHARE = (
    0.3  # share of body characters in sentence-like paragraphs below which a page is a link list
)
PROSE_WORDS = 8  # a paragraph of at least this many words ending in sentence punctuation counts as prose
PROSE_CHARS = 40  # ... or of this many characters (scripts without spaces between words)
PROSE_ENOUGH = 200  # this many characters of prose make an article body whatever else the page has
UNLINKED_CHARS = (
    250  # a body without prose is still an article from this size when its lines are not links ...
)
UNLINKED_LINES = 5  # ... and it has at least this many lines
MAX_LINKED_SHARE = (
    0.2  # ... of which fewer than this share are link texts of the page (a home page: nearly all)
)

_TITLE_SPLIT = re.compile(r"\s+[|–—·:»«-]\s+|\s+::\s+")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})(?:[-_][a-zA-Z]+)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…。！？؟\"'”»)](?:\s|\||$)")  # anywhere: prose has sentence ends inside


@dataclass(frozen=True, slots=True)
class Extracted:
    """What one HTML page gave: the cleaned body and the page's metadata.

    Attributes:
        text: cleaned article body, paragraphs separated by blank lines.
        title: the headline (page metadata, else the first non-boilerplate line).
        author: the byline's author(s) as trafilatura found them, else None.
        date: publish date ``YYYY-MM-DD`` from the page's metadata, else None.
        date_source: ``"metadata"`` when ``date`` is set, else None.
        sitename: the site's own name from its metadata (tagline and headline taken off), else None.
        url: the page's own address (``<link rel="canonical">``, else ``og:url``) when absolute and not a home
            page, else None.
        lang: the page's declared language (ISO 639-1, from ``<html lang>``), else None.
        removed: every line that the second pass dropped, with kind and rule.
    """

    text: str
    title: str | None
    author: str | None
    date: str | None
    date_source: str | None
    sitename: str | None
    lang: str | None
    removed: tuple[Removed, ...]
    url: str | None = None


def _parse(html: str) -> Any:
    from trafilatura.utils import load_html

    try:
        return load_html(html)
    except Exception:  # broken markup must never end the run; no tree means no article
        return None


def _body_text(tree: Any, url: str | None) -> str:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(tree, url=url, include_comments=False)
    except Exception:  # same as above
        return ""
    return str(getattr(doc, "text", None) or "")


def _metas(tree: Any) -> dict[str, str]:
    """The page's ``<meta>`` values by lower-case property / name / itemprop, first one winning."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in out:
            out[key] = value
    return out


def _page_url(metas: dict[str, str], tree: Any) -> str | None:
    """The page's own address: its canonical link, else og:url; absolute http(s) and not a site's home page."""
    found = [
        el.get("href") or ""
        for el in tree.iter("link")
        if (el.get("rel") or "").strip().lower() == "canonical"
    ]
    for candidate in (*found, metas.get("og:url") or ""):
        url = candidate.strip()
        if not url.lower().startswith(("http://", "https://")):
            continue
        try:
            path = urlsplit(url).path
        except ValueError:
            continue
        if path.strip("/"):
            return _unwrap_archive(url)
    return None


_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(https?://.+)$", re.IGNORECASE)


def _unwrap_archive(url: str) -> str:
    """The original address of a Wayback Machine capture (``web.archive.org/web/<time>/<url>``); others as given."""
    m = _ARCHIVED.match(url)
    return m.group(1) if m else url


def _first_text(tree: Any, tag: str) -> str | None:
    for el in tree.iter(tag):
        text = " ".join(el.text_content().split())
        if text:
            return text
    return None


def _page_title(metas: dict[str, str], tree: Any) -> str | None:
    """The headline: the first ``<h1>`` when the page's title or og:title agrees with it, else og:title, else the
    longest part of ``<title>`` (site names hang off it after "|", " - " and the like)."""
    h1 = _first_text(tree, "h1")
    og = metas.get("og:title") or metas.get("twitter:title")
    head = _first_text(tree, "title")
    if h1 and any(h1.casefold() in (t or "").casefold() for t in (og, head)):
        return h1
    if og:
        return max(_TITLE_SPLIT.split(og), key=len).strip() or og
    if head:
        return max(_TITLE_SPLIT.split(head), key=len).strip() or head
    return h1


def _page_author(metas: dict[str, str]) -> str | None:
    for key in ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl"):
        value = metas.get(key)
        if value and "://" not in value:
            return value.removeprefix("By ").removeprefix("by ").strip() or None
    return None


def _recall_text(html: str, url: str | None) -> str:
    import trafilatura

    try:
        return str(trafilatura.extract(html, url=url, favor_recall=True, include_comments=False) or "")
    except Exception:  # same as above
        return ""


def _baseline(html: str) -> str:
    import trafilatura

    try:
        _, text, _ = trafilatura.baseline(html)
    except Exception:
        return ""
    return str(text or "")


def _htmldate(tree: Any, url: str | None) -> str | None:
    """htmldate's quick search (markup and URL) for the original publication date.

    Its extensive search scans free text: it costs more than the whole extraction and turns "by 2026" in a
    sentence into 2026-01-01, a guessed date.
    """
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception:  # a date is optional; never lose the article over it
        return None
    return str(found) if found else None


def _declared_lang(html: str) -> str | None:
    m = _HTML_LANG.search(html[:5000])
    return m.group(1).lower()[:2] if m else None


def has_article_body(text: str) -> bool:
    """Tell whether cleaned text reads as an article: long enough, and mostly sentences rather than link text."""
    if len(text) < MIN_BODY_CHARS:
        return False
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    prose = sum(
        len(p)
        for p in paras
        if (len(p.split()) >= PROSE_WORDS or len(p) >= PROSE_CHARS) and _SENTENCE_END.search(p)
    )
    return prose >= PROSE_ENOUGH or (
        prose >= MIN_BODY_CHARS and prose >= MIN_PROSE_SHARE * sum(map(len, paras))
    )


def _unlinked_lines(html: str, body: str) -> bool:
    """Tell whether a body of short unpunctuated lines is the page's own text (lyrics, a poem, a list).

    A home page's headline list has the same shape, but its lines are link texts; here fewer than
    ``MAX_LINKED_SHARE`` of them may be. Only pages that :func:`has_article_body` rejects pay for the second parse.
    """
    lines = [" ".join(line.split()) for line in body.split("\n") if line.strip()]
    if len(body) < UNLINKED_CHARS or len(lines) < UNLINKED_LINES:
        return False
    tree = _parse(html)
    if tree is None:
        return False
    linked = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    return sum(line in linked for line in lines) < MAX_LINKED_SHARE * len(lines)


def extract_html(html: str, *, url: str | None = None) -> Extracted | None:
    """Extract an article's cleaned body and metadata from an HTML page.

    Args:
        html: the decoded page.
        url: the page's address, when known (helps extraction and the date search).

    Returns:
        The extraction, or None when the page has no article body (home page, error page, login wall: tiny or
        link-dominated text).
    """
    tree = _parse(html)
    if tree is None:
        return None
    metas = _metas(tree)
    title = _page_title(metas, tree)
    text = _body_text(tree, url)
    if len(text) < FALLBACK_CHARS:
        for other in (_recall_text(html, url), _baseline(html)):
            if len(other) > len(text):
                text = other
    if not text.strip():
        return None
    cleaned = clean_extracted_text(text, title=title)
    if not has_article_body(cleaned.body) and not _unlinked_lines(html, cleaned.body):
        return None
    date = _htmldate(tree, url)
    page_url = _page_url(metas, tree)
    return Extracted(
        text=cleaned.body,
        title=cleaned.title,
        author=_page_author(metas),
        date=date[:10] if date else None,
        date_source="metadata" if date else None,
        sitename=site_name(
            metas.get("og:site_name") or metas.get("application-name"),
            title=cleaned.title,
            url=url or page_url,
        ),
        lang=_declared_lang(html),
        removed=cleaned.removed,
        url=page_url,
    )
