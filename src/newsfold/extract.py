"""HTML pages to article text and metadata: trafilatura as the base, then newsfold's own second pass.

The cascade, cheapest first, on one parsed tree:

1. ``trafilatura.bare_extraction`` for the body, comments left out (a comment is not the article).
2. When that body is empty or shorter than ``FALLBACK_CHARS``, trafilatura in its recall-favouring mode and its
   ``baseline`` (every paragraph-like element) are tried and the longest text is kept, so a page that the precise
   pass under-reads is not lost.
3. :func:`newsfold.clean.clean_extracted_text` on the result: the same line rules as plain text, so widget,
   link-list, caption and copyright lines that slip through extraction are dropped and kept as ``removed``.
4. A page whose cleaned body is tiny, or mostly short unpunctuated lines (a home page's headline list, an error or
   login page), has no article body: :func:`extract_page` returns a :class:`NoArticle` with the reason (an error
   page, titled "404" or "Page not found" in any of the languages read, over a short body, is named as one) and
   :func:`extract_html` None; the caller quarantines it. Short unpunctuated lines that are not the page's link
   texts (song lyrics, a poem, a list; scripts without sentence punctuation) are kept as a body.

Metadata is read directly from the tree rather than by trafilatura's metadata pass, which costs about as much as
the extraction itself (measured with bench/extract_speed.py): the headline from ``<h1>`` / og:title / ``<title>``
(an ``<h1>`` that is the site's name, linking to its home page, is passed over; site names and dangling separators
are cut off the title, see :func:`newsfold.headline.trim_title`), author and site name from ``<meta>``, the
language from ``<html lang>``, and the publish date from htmldate's quick search (``date_source`` ``"metadata"``):
first the page's address (given, else its canonical link or og:url) and its markup about itself (``<meta>``,
JSON-LD, ``<time>``), then date-like page furniture; a photo's date (a caption, a "file photo" credit, an image's
address) never. Dates in running text are never taken: a year in a sentence is not a publish date; a dateline
date is the caller's fallback.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from newsfold.clean import clean_extracted_text
from newsfold.headline import names_site, title_parts, trim_title
from newsfold.ingest.metadata import normalise_lang, normalise_published
from newsfold.models import Removed
from newsfold.outlets import host_of, site_domain, site_name

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

MAX_HEADINGS = 5  # the page's first <h1>s that may hold its headline (the first is often the site's name)
HEADING_SHARE = 0.6  # a later <h1> is the headline when it is this much of the title (not a subheading in it)
ERROR_BODY_CHARS = 1000  # an error page's heading over a body shorter than this: no article (a 404 page)
ERROR_LABEL_WORDS = (
    3  # beside the error words, a title part this short is a label ("Error | News"), not a headline
)
# The code must be the whole value, up to its region ("de-DE"): a mangled attribute (lang='lang="de-DE"') gives none
# of its letters ("la"), and the value nested in it is read instead.
_HTML_LANG = re.compile(
    r"<html\b[^>]*?(?<![\w-])lang\s*=\s*[\"']?([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*(?=[\"'\s/>])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…。！？؟\"'”»)](?:\s|\||$)")  # anywhere: prose has sentence ends inside


@dataclass(frozen=True, slots=True)
class Extracted:
    """What one HTML page gave: the cleaned body and the page's metadata.

    Attributes:
        text: cleaned article body, paragraphs separated by blank lines.
        title: the headline (page metadata, else the first non-boilerplate line).
        author: the byline's author(s) as trafilatura found them, else None.
        date: publish date from the page's metadata, ``YYYY-MM-DD``, with the time and offset a publish-time
            ``<meta>`` of that day gives ("2023-09-14T14:15:00+02:00"); else None.
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
    import lxml.html
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None and html.strip():
            # trafilatura refuses what does not look like a page; a fragment ("<p>...</p>", a JSONL line's html)
            # is read as the body of a document
            tree = lxml.html.document_fromstring(html)
        return tree
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


# A heading that is the site's own name, not the page's: it links to the site's home page, or sits in the
# masthead ("site-title", "logo", "branding").
_SITE_HEADING = re.compile(r"site[-_]?(?:title|name)|logo|brand|masthead", re.IGNORECASE)


def _site_heading(el: Any, text: str) -> bool:
    """Whether a heading element is the site's name: its whole text links to a home page, or it or its parent is
    marked as the masthead."""
    for node in (el, el.getparent()):
        if node is not None and _SITE_HEADING.search(f"{node.get('id') or ''} {node.get('class') or ''}"):
            return True
    for a in el.iter("a"):
        if " ".join(a.text_content().split()) != text:
            continue
        if "home" in (a.get("rel") or "").lower():
            return True
        href = _unwrap_archive((a.get("href") or "").strip())
        if not href:
            continue
        try:
            path = urlsplit(href).path if "//" in href else href
        except ValueError:
            continue
        if path.strip("/") in {"", "index.html", "index.php"}:
            return True
    return False


def _site_names(metas: dict[str, str], url: str | None) -> list[str]:
    """The site's names as the page and its address give them: og:site_name, application-name, the host and its
    first label ("sladisworld" of sladisworld.wordpress.com), the registrable domain and its first label."""
    names = [metas.get("og:site_name") or "", metas.get("application-name") or ""]
    host = host_of(_unwrap_archive(url)) if url else None
    if host:
        domain = site_domain(host)
        names += [host, host.split(".")[0], domain, domain.split(".")[0]]
    return [name for name in names if name]


def _headings(tree: Any) -> list[tuple[str, bool]]:
    """The first ``MAX_HEADINGS`` non-empty ``<h1>`` texts, each with whether it is the site's name."""
    found: list[tuple[str, bool]] = []
    for el in tree.iter("h1"):
        text = " ".join(el.text_content().split())
        if text:
            found.append((text, _site_heading(el, text)))
            if len(found) == MAX_HEADINGS:
                break
    return found


def _page_title(
    metas: dict[str, str], head: str | None, headings: list[tuple[str, bool]], names: list[str]
) -> str | None:
    """The headline: an ``<h1>`` that the page's title or og:title agrees with and that is not the site's name,
    else og:title, else ``<title>`` (site names and dangling separators cut off, see
    :func:`newsfold.headline.trim_title`), else the first ``<h1>``. A bare site name is the last resort.

    The first such ``<h1>`` agrees when the title contains it; a later one (a subheading of the article) only
    when it makes up ``HEADING_SHARE`` of the title as well.
    """
    og = metas.get("og:title") or metas.get("twitter:title")
    whole = bool(og and head and og != head and og.casefold() in head.casefold())
    trimmed = [trim_title(og, names, whole=whole)] if og else []
    trimmed += [trim_title(head, names)] if head else []
    own = [text for text, site in headings if not site and not names_site(text, names)]
    titles = [t.casefold() for t in (og, head, *trimmed) if t]
    for i, text in enumerate(own):
        key = text.casefold()
        if any(key in t and (i == 0 or len(key) >= HEADING_SHARE * len(t)) for t in titles):
            return text
    for candidate in (*trimmed, *own):
        if not names_site(candidate, names):
            return candidate
    return next(iter(trimmed), None) or (headings[0][0] if headings else None)


# An error page's heading, in the languages newsfold reads, is made of nothing but error words: a status code
# ("404", "Error 404", "404 Not Found") and "page not found" phrases, with fillers ("Oops!", "HTTP", "Gone") that
# are not enough alone. "Not found: the lost city" and "Gone" are headlines.
_ERROR_FILLER = r"""(?:
    http|oops|sorry|ups|hoppla|désolé|lo\s+sentimos|spiacenti|desculpe|извините|forbidden|gone
)"""
_ERROR_CORE = r"""(?:
    40[034]|410|50[03]
  | error|erreur|fehler|errore|erro|fout|fel|błąd|chyba|hata|ошибка|помилка|σφάλμα|エラー|错误
  | internal\s+server\s+error|service\s+unavailable|nothing\s+found
  | (?:the\s+|this\s+|that\s+)?(?:page|file|document|article|content|resource|url)?\s*
    (?:(?:was\s+|could\s+not\s+be\s+|can['’]?t\s+be\s+|cannot\s+be\s+)?not\s+found
     |(?:does\s+not|doesn['’]t)\s+exist|(?:is\s+)?no\s+longer\s+available)
  | (?:the\s+|this\s+|that\s+)?(?:page|file|url)\b[^.!?]{0,40}?
    \b(?:could\s+not|couldn['’]t|cannot|can['’]?t)\s+be\s+found
  | (?:die\s+|diese\s+)?seite\s+(?:wurde\s+)?(?:nicht\s+gefunden|existiert\s+nicht)
  | page\s+(?:introuvable|non\s+trouvée|inexistante)
  | p[áa]gina\s+(?:no\s+encontrada|n[ãa]o\s+encontrada|non\s+trovata|non\s+esiste|no\s+existe|niet\s+gevonden)
  | strona\s+nie\s+(?:została\s+)?znaleziona|nie\s+znaleziono\s+strony
  | stránka\s+(?:nenalezena|nebyla\s+nalezena)|sidan\s+(?:hittades\s+inte|kunde\s+inte\s+hittas)
  | siden\s+(?:blev\s+ikke\s+fundet|finnes\s+ikke|ble\s+ikke\s+funnet)|sivua\s+ei\s+löytynyt
  | sayfa\s+bulunamadı|oldal\s+nem\s+található|pagina\s+nu\s+a\s+fost\s+găsită
  | страница\s+не\s+найдена|сторінку\s+не\s+знайдено|η\s+σελίδα\s+δεν\s+βρέθηκε
  | ページが見つかりません|页面未找到|找不到页面|페이지를\s*찾을\s*수\s*없습니다
  | الصفحة\s+غير\s+موجودة|הדף\s+לא\s+נמצא
)"""
_ERROR_ANY = f"(?:{_ERROR_FILLER}|{_ERROR_CORE})"
_ERROR_HEADING = re.compile(
    rf"\W*(?:{_ERROR_ANY}\W+)*?{_ERROR_CORE}(?:\W+{_ERROR_ANY})*\W*", re.IGNORECASE | re.VERBOSE
)


def _error_heading(titles: list[str], site_names: list[str]) -> str | None:
    """The first title or heading that names an error page ("404 Not Found", "Seite nicht gefunden"), or None.

    Each is read in its parts: one part names the error and every other part is the site's name or a short label
    ("Page not found | Example News"). A headline that opens with an error word is news ("Erreur : 3 000 amendes
    envoyées à tort", "Fehler - Bahn schickt falsche Rechnungen").
    """
    for title in titles:
        parts = title_parts(title)
        errors = [p for p in parts if _ERROR_HEADING.fullmatch(p)]
        others = [p for p in parts if p not in errors]
        if errors and all(names_site(p, site_names) or len(p.split()) <= ERROR_LABEL_WORDS for p in others):
            return title
    return None


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


# Where a page says when it was published, strongest first: its address (/2019/11/19/), then its markup about
# itself (<meta>, JSON-LD, <abbr>, its own <time>), then date-like page furniture (a "Published ..." line). A
# photo's date is never the page's: images, captions and "file photo" credits are left out of every search.
# A <time> inside these is another page's (a teaser link, a sidebar, a footer), a comment's or a photo's.
_NOT_OWN_TIME = frozenset({"a", "aside", "nav", "footer", "figure", "figcaption"})
# ... and so is one in a block whose class or id says so ("comment-list", "related-posts", id "sidebar"), below
# the page's top containers (a WordPress <body class="has-sidebar">, an <article class="comments-open">).
_NOT_OWN_BLOCK = re.compile(r"comment|related|teaser|sidebar|widget|recommend|promo", re.IGNORECASE)
_TOP_CONTAINERS = frozenset({"html", "body", "main", "article"})
_JSON_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')
# <meta> about the page's pictures (og:image, twitter:image, thumbnailUrl): an image's address dates the image.
_PICTURE_META = ("image", "video", "thumbnail")
_CAPTION_CUE = re.compile(r"caption|credit", re.IGNORECASE)  # class or id of a caption or photo credit
# Photo credits that date the photo: "This March 28, 2017, file photo", "Archivbild vom 3. Mai 2018". Matched in
# lower-cased text with single spaces (a regular expression over the whole page text costs more than the search).
PHOTO_CREDITS = (
    "file photo", "file image", "file picture", "archive photo", "archive image", "archivbild", "archivfoto",
    "archivaufnahme", "photo d'archive", "photo d’archive", "foto de archivo", "imagen de archivo",
    "foto d'archivio", "foto d’archivio", "foto di archivio", "immagine d'archivio", "immagine d’archivio",
    "foto de arquivo", "imagem de arquivo", "archieffoto", "archiefbeeld", "архивное фото", "архивный снимок",
    "фото из архива", "zdjęcie archiwalne", "arşiv fotoğraf",
)  # fmt: skip
# A caption or credit element longer than this is a wrapper and is kept (the article is in it).
PHOTO_CREDIT_CHARS = 600


def _own_time(el: Any) -> bool:
    """Whether a ``<time>`` element dates the page itself: not in a link, a sidebar, a footer, a related-posts list,
    a figure or a comment (``_NOT_OWN_TIME``, ``_NOT_OWN_BLOCK``)."""
    return not any(
        a.tag in _NOT_OWN_TIME
        or (
            a.tag not in _TOP_CONTAINERS
            and _NOT_OWN_BLOCK.search(f"{a.get('id') or ''} {a.get('class') or ''}")
        )
        for a in (el, *el.iterancestors())
    )


def _own_times(tree: Any) -> Any:
    """A small tree of the page's own ``<time>`` elements (see ``_NOT_OWN_TIME``, ``_NOT_OWN_BLOCK``)."""
    from lxml.html import Element

    root = Element("div")
    for el in tree.iter("time"):
        if not _own_time(el):
            continue
        kept = deepcopy(el)
        kept.tail = None
        root.append(kept)
    return root


def _markup_date(tree: Any, url: str | None) -> str | None:
    """The date in the page's address or in its markup about itself, by htmldate's own stages in this order:
    the URL, ``<meta>``, JSON-LD (``datePublished`` in any format htmldate reads), ``<abbr>``, own ``<time>``."""
    # htmldate's stages one by one (pinned in pyproject.toml): its find_date would try date-like page text
    # (bylines, captions) before <time> elements.
    from htmldate.core import examine_abbr_elements, examine_header, examine_time_elements
    from htmldate.extractors import extract_url_date, json_search, try_date_expr_opts
    from htmldate.utils import Extractor
    from htmldate.validators import get_max_date, get_min_date

    options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")

    def json_any() -> str | None:
        for el in tree.iter("script"):
            if (el.get("type") or "").strip().lower() == "application/ld+json":
                for value in _JSON_PUBLISHED.findall(el.text or ""):
                    found = try_date_expr_opts(value, options)
                    if found:
                        return str(found)
        return None

    try:
        found = (
            extract_url_date(url, options)
            or examine_header(tree, options)
            or json_search(tree, options)
            or json_any()
            or examine_abbr_elements(tree, options)
            or examine_time_elements(_own_times(tree), options)
        )
    except Exception:  # a date is optional; never lose the article over it
        return None
    return str(found) if found else None


def _credited(text: str) -> bool:
    low = " ".join(text.split()).lower()
    return any(credit in low for credit in PHOTO_CREDITS)


def _drop_pictures(tree: Any) -> None:
    """Take the page's images (and their ``<meta>``), captions and photo credits out of it, in place: elements
    marked as such, or holding a dated credit (see ``PHOTO_CREDITS``), when shorter than ``PHOTO_CREDIT_CHARS``;
    and the ``<time>`` elements that date other things (:func:`_own_time`: a related post's, a comment's)."""
    drop = [*tree.iter("figcaption", "picture", "img")]
    drop += [el for el in tree.iter("time") if not _own_time(el)]
    drop += [
        el
        for el in tree.iter("meta")
        if any(cue in f"{el.get('property') or ''} {el.get('name') or ''}".lower() for cue in _PICTURE_META)
    ]
    credited = _credited(tree.text_content())
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue  # a comment or processing instruction
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        marked = (marks != " " and _CAPTION_CUE.search(marks)) or (
            credited and el.text and _credited(el.text)
        )
        if marked and len(el.text_content()) <= PHOTO_CREDIT_CHARS:
            drop.append(el)
    for el in drop:
        if el.getparent() is not None and el.tag not in {"html", "body"}:
            el.drop_tree()


def _publish_date(tree: Any, url: str | None) -> str | None:
    """The page's original publication date: :func:`_markup_date`, else htmldate's quick search over the page
    without its pictures (:func:`_drop_pictures`, on the tree itself: this is its last use), date-like page
    furniture first, then ISO dates in the text.

    htmldate's extensive search scans running text: it costs more than the whole extraction and turns "by 2026"
    in a sentence into 2026-01-01, a guessed date.
    """
    found = _markup_date(tree, url)
    if found:
        return found
    from htmldate import find_date

    try:
        _drop_pictures(tree)
        later = find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception:  # same as above
        return None
    return str(later) if later else None


# The <meta> that give a page's publish time with its offset (article:published_time, schema.org's datePublished).
_TIME_METAS = ("article:published_time", "og:published_time", "datepublished", "dc.date.issued")


def _with_time(day: str, metas: dict[str, str]) -> str:
    """The page's publish date with its time and offset as its markup gives them ("2023-09-14T14:15:00+02:00"),
    when a publish-time ``<meta>`` of the same day has them; else the day."""
    for key in _TIME_METAS:
        given = normalise_published(metas.get(key))
        if given and given[:10] == day and len(given) > 10:
            return given
    return day


def _declared_lang(html: str) -> str | None:
    """The page's declared language as an ISO 639-1 code ("de-DE" is "de"); None for one with no such code ("fil")."""
    m = _HTML_LANG.search(html[:5000])
    return normalise_lang(m.group(1)) if m else None


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


@dataclass(frozen=True, slots=True)
class NoArticle:
    """A page that has no article body, and why (the quarantine reason).

    Attributes:
        reason: one line: ``"no article body"``, with what the page is when that is known
            (``"no article body: error page (404 Not Found)"``).
    """

    reason: str


NO_BODY = "no article body"


def extract_page(html: str, *, url: str | None = None) -> Extracted | NoArticle:
    """Extract an article's cleaned body and metadata from an HTML page, or say why it has none.

    Args:
        html: the decoded page.
        url: the page's address, when known (helps extraction; the page's own canonical address is used for
            the date search when this is not given).

    Returns:
        The extraction, or a NoArticle when the page has no article body: an error page (a "404" / "Page not
        found" title or heading over a body shorter than ``ERROR_BODY_CHARS``), or a home page, login wall or
        empty page (tiny or link-dominated text).
    """
    tree = _parse(html)
    if tree is None:
        return NoArticle(NO_BODY)
    metas = _metas(tree)
    page_url = _page_url(metas, tree)
    names = _site_names(metas, url or page_url)
    head = _first_text(tree, "title")
    headings = _headings(tree)
    title = _page_title(metas, head, headings, names)
    text = _body_text(tree, url)
    if len(text) < FALLBACK_CHARS:
        for other in (_recall_text(html, url), _baseline(html)):
            if len(other) > len(text):
                text = other
    if not text.strip():
        return NoArticle(NO_BODY)
    cleaned = clean_extracted_text(text, title=title)
    if len(cleaned.body) < ERROR_BODY_CHARS:
        error = _error_heading(
            [t for t in (head, metas.get("og:title"), *(h for h, _ in headings)) if t], list(names)
        )
        if error is not None:
            return NoArticle(f"{NO_BODY}: error page ({error[:80]})")
    if not has_article_body(cleaned.body) and not _unlinked_lines(html, cleaned.body):
        return NoArticle(NO_BODY)
    date = _publish_date(tree, url or page_url)  # the tree's last use: it is pruned
    return Extracted(
        text=cleaned.body,
        title=cleaned.title,
        author=_page_author(metas),
        date=_with_time(date[:10], metas) if date else None,
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


def extract_html(html: str, *, url: str | None = None) -> Extracted | None:
    """Extract an article's cleaned body and metadata from an HTML page.

    Args:
        html: the decoded page.
        url: the page's address, when known (helps extraction and the date search).

    Returns:
        The extraction, or None when the page has no article body (error page, home page, login wall: see
        :func:`extract_page`, which also says why).
    """
    found = extract_page(html, url=url)
    return found if isinstance(found, Extracted) else None
