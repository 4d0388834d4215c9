"""Live ingest: poll RSS/Atom feeds and send new items through the same pipeline as ``newsfold ingest``.

Politeness and safety, per request: conditional GET (``ETag`` / ``Last-Modified``, remembered across runs in
``<db>.watch.json``), at most one request per host every :data:`POLITENESS_S` seconds, timeouts, and byte caps.
When an item carries only a teaser, its article page is fetched, unless the site's ``robots.txt`` forbids it.

New items become JSONL lines (``id`` = the item's link, else its guid, as the feed reader keys them) written to a
temporary file that :func:`newsfold.pipeline.ingest` reads, so dedup, clustering and quarantine work exactly as
for files. Items already in the store are skipped before any page is fetched.
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from newsfold import __version__
from newsfold.ingest.feeds import (
    is_web_url,
    item_body,
    item_language,
    item_link,
    item_published,
    item_title,
)
from newsfold.ingest.metadata import normalise_lang
from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store.db import digest

log = logging.getLogger(__name__)

USER_AGENT = f"newsfold/{__version__} (feed watcher)"
TIMEOUT_S = 15.0  # connect/read timeout per request
POLITENESS_S = 1.0  # minimum gap between two requests to one host
MAX_FEED_BYTES = 5_000_000  # a feed larger than this is refused (real feeds are < 1 MB)
MAX_PAGE_BYTES = 3_000_000  # an article page larger than this is not used
MAX_ROBOTS_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB
TEASER_CHARS = 400  # an item whose text is shorter than this is a teaser: fetch the full page
_TAG = re.compile(r"<[^>]+>")

IngestFn = Callable[[Sequence[str | Path], Store, Settings], Any]


@dataclass(slots=True)
class FeedState:
    """What a feed told us last time, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class PollResult:
    """The outcome of polling one feed once.

    Attributes:
        url: the feed.
        status: HTTP status (304 = not modified), or 0 when the request failed.
        items: items in the feed.
        new: items not yet in the store, sent to ingest.
        pages: article pages fetched for teaser items.
        blocked: article pages not fetched because robots.txt forbids them.
        error: why the poll failed, else None.
    """

    url: str
    status: int
    items: int = 0
    new: int = 0
    pages: int = 0
    blocked: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response read whole (within its cap)."""

    status_code: int
    headers: httpx.Headers
    content: bytes
    charset: str | None

    @property
    def text(self) -> str:
        """The body decoded (BOM, declared charset, then ``<meta>``/XML declaration, then detection)."""
        from newsfold.ingest import decode_bytes

        return decode_bytes(self.content, self.charset)


class TooLarge(Exception):
    """A response went over its byte cap."""


@dataclass(slots=True)
class Fetcher:
    """HTTP GETs with a per-host delay, byte caps, and a robots.txt cache."""

    client: httpx.Client
    delay: float = POLITENESS_S
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def get(self, url: str, cap: int, headers: dict[str, str] | None = None) -> Fetched:
        """GET ``url``, waiting for the host's politeness delay; the body is read up to ``cap`` bytes.

        Raises:
            TooLarge: the body is over ``cap``.
            httpx.HTTPError: the request failed or timed out.
        """
        host = urlsplit(url).netloc.lower()
        wait = self._last.get(host, -1e9) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            with self.client.stream("GET", url, headers=headers or {}) as resp:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > cap:
                    raise TooLarge(f"{url}: {declared} bytes is over the {cap}-byte cap")
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise TooLarge(f"{url}: over the {cap}-byte cap")
                    chunks.append(chunk)
                return Fetched(resp.status_code, resp.headers, b"".join(chunks), resp.charset_encoding)
        finally:
            self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets this user agent fetch ``url`` (RFC 9309 reading of errors)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        return True if rules is None else rules.can_fetch(USER_AGENT, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        address = urljoin(origin, "/robots.txt")
        parser = urllib.robotparser.RobotFileParser(address)
        forbid_all = ["User-agent: *", "Disallow: /"]
        try:
            resp = self.get(address, MAX_ROBOTS_BYTES)
        except (httpx.HTTPError, TooLarge):
            parser.parse(forbid_all)  # unreachable: assume the site forbids crawling (RFC 9309 §2.3.1.4)
            return parser
        if resp.status_code >= 500:
            parser.parse(forbid_all)
        elif resp.status_code >= 400:
            return None  # no robots.txt: everything is allowed
        else:
            parser.parse(resp.text.splitlines())
        return parser


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs of a FEEDS.txt file: one per line; blank lines and ``#`` comments are ignored."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        url = line.split("#", 1)[0].strip()
        if url:
            out.append(url)
    return out


def _load_state(path: Path | None) -> dict[str, FeedState]:
    if path is None or not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {
        url: FeedState(v.get("etag"), v.get("last_modified"))
        for url, v in data.items()
        if isinstance(v, dict)
    }


def _save_state(path: Path | None, states: dict[str, FeedState]) -> None:
    if path is None:
        return
    data = {url: {"etag": s.etag, "last_modified": s.last_modified} for url, s in states.items()}
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def _content_key(feed_url: str, title: str | None, body: str) -> str:
    """The key of an item with neither link nor guid: its feed and a digest of its content, so that the same item on
    the next poll is the same article, not a new one."""
    content = digest("\n".join((title or "", body)))
    return f"{feed_url}#{content[:16]}"


def _is_http(url: str | None) -> bool:
    return bool(url) and is_web_url(url or "")


def _item_lines(
    parsed: Any, store: Store, fetcher: Fetcher, settings: Settings, *, fetch_pages: bool, feed_url: str = ""
) -> tuple[list[dict[str, Any]], int, int]:
    """JSONL objects for the feed's new items; also counts of pages fetched and pages robots.txt blocked.

    Titles, links, dates and languages are read as the feed reader reads them (:mod:`newsfold.ingest.feeds`): an
    html title decoded, a relative link made absolute, a date kept with its offset, the channel's language a hint.
    """
    feed = parsed.get("feed") or {}
    source = feed.get("title") or None
    feed_lang = normalise_lang(feed.get("language"))
    rss = str(parsed.get("version") or "").startswith("rss")
    lines: list[dict[str, Any]] = []
    pages = blocked = 0
    for entry in parsed.get("entries") or []:
        link = item_link(entry, feed)
        # The item's body as the feed reader reads it (full content first, else the summary; markup-typed content
        # without tags is text, its entities decoded)
        markup, plain = item_body(entry)
        body, is_markup = (markup, True) if markup is not None else (plain or "", False)
        title = item_title(entry, rss)
        key = link or entry.get("id") or _content_key(feed_url, title, body)
        if store.raw_hash_of(key) is not None:
            continue
        line: dict[str, Any] = {
            "id": key,
            "url": link,
            "source": source,
            "title": title,
            "published": item_published(entry)[1],  # as the feed reader reads it: unreadable is unknown
            "lang": item_language(entry, feed_lang, f"{title or ''}\n{_TAG.sub(' ', body)}", settings),
        }
        line["html" if is_markup else "text"] = body
        teaser = len(_TAG.sub(" ", body).strip()) < TEASER_CHARS
        if fetch_pages and teaser and _is_http(link):
            assert link is not None  # checked by _is_http
            if not fetcher.allowed(link):
                blocked += 1
            else:
                try:
                    page = fetcher.get(link, MAX_PAGE_BYTES)
                except (httpx.HTTPError, TooLarge) as exc:
                    log.warning("article page %s not fetched: %s", link, exc)
                else:
                    if page.status_code == 200 and "html" in page.headers.get("content-type", "html"):
                        pages += 1
                        if is_markup:
                            line["text"] = _TAG.sub(" ", body).strip() or None
                        line["html"] = page.text
        if line.get("html") or line.get("text"):
            lines.append({k: v for k, v in line.items() if v is not None})
    return lines, pages, blocked


def poll_feed(
    url: str,
    state: FeedState,
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    *,
    ingest_fn: IngestFn,
    fetch_pages: bool = True,
) -> PollResult:
    """Poll one feed once and ingest its new items; ``state`` is updated from the response headers."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    try:
        resp = fetcher.get(url, MAX_FEED_BYTES, headers)
    except (httpx.HTTPError, TooLarge) as exc:
        return PollResult(url, 0, error=str(exc) or type(exc).__name__)
    if resp.status_code == 304:
        return PollResult(url, 304)
    if resp.status_code != 200:
        return PollResult(url, resp.status_code, error=f"HTTP {resp.status_code}")
    if not resp.content.strip():
        return PollResult(url, 200, error="empty response: no feed")
    parsed = feedparser.parse(resp.content)
    entries = parsed.get("entries") or []
    if not entries and parsed.get("bozo"):
        return PollResult(url, 200, error=f"not a parseable feed: {parsed.get('bozo_exception')}")
    if not entries and not parsed.get("version"):
        return PollResult(url, 200, error="not an RSS or Atom feed")
    lines, pages, blocked = _item_lines(
        parsed, store, fetcher, settings, fetch_pages=fetch_pages, feed_url=url
    )
    if lines:
        host = re.sub(r"[^A-Za-z0-9.-]+", "_", urlsplit(url).netloc) or "feed"
        with tempfile.TemporaryDirectory(prefix="newsfold-watch-") as tmp:
            path = Path(tmp) / f"{host}.jsonl"
            path.write_text(
                "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8"
            )
            ingest_fn([path], store, settings)
    # Remember validators only once the items are safely in the store.
    state.etag = resp.headers.get("etag")
    state.last_modified = resp.headers.get("last-modified")
    return PollResult(url, 200, items=len(entries), new=len(lines), pages=pages, blocked=blocked)


def _session_ingest(store: Store, settings: Settings) -> IngestFn:
    """:func:`newsfold.pipeline.ingest` with one :class:`~newsfold.pipeline.Session` for every poll of a watch: the
    copy and story indexes stay in memory between polls instead of being read back from the store each time."""
    from newsfold.pipeline import Session, ingest

    session = Session(store, settings)

    def run(inputs: Sequence[str | Path], store: Store, settings: Settings) -> Any:
        return ingest(inputs, store, settings, session=session)

    return run


def watch(
    feeds: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    once: bool,
    interval: float,
    fetch_pages: bool = True,
    delay: float = POLITENESS_S,
    state_path: str | Path | None = "auto",
    stop: threading.Event | None = None,
    ingest_fn: IngestFn | None = None,
    on_result: Callable[[PollResult], None] | None = None,
) -> list[PollResult]:
    """Poll feeds (once, or every ``interval`` seconds until ``stop`` is set) and ingest their new items.

    Args:
        feeds: RSS/Atom feed URLs (http or https).
        store: the open store (the single writer).
        settings: read-only options for the pipeline.
        once: poll every feed one time and return.
        interval: seconds between rounds when not ``once``.
        fetch_pages: fetch article pages for teaser items (robots.txt permitting).
        delay: minimum seconds between two requests to one host.
        state_path: where ETag/Last-Modified are kept across runs; ``"auto"`` is ``<db>.watch.json`` next to
            a file store, None keeps them in memory only.
        stop: set it to end a running watch (e.g. from ``serve --watch``) after the current feed.
        ingest_fn: the ingest function (default :func:`newsfold.pipeline.ingest`, with one session for all
            polls, so the indexes stay in memory between them).
        on_result: called after each feed is polled.

    Returns:
        The results of the last round, one per feed.
    """
    bad = [u for u in feeds if not _is_http(u)]
    if bad:
        from newsfold.errors import InputError

        raise InputError(f"not an http(s) feed URL: {bad[0]}")
    if state_path == "auto":
        state_file = None if store.path == ":memory:" else Path(store.path + ".watch.json")
    else:
        state_file = Path(state_path) if state_path else None
    states = _load_state(state_file)
    stop = stop or threading.Event()
    results: list[PollResult] = []
    ingest_fn = ingest_fn or _session_ingest(store, settings)
    timeout = httpx.Timeout(TIMEOUT_S)
    with httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client:
        fetcher = Fetcher(client, delay=delay)
        while True:
            results = []
            for url in feeds:
                if stop.is_set():
                    break
                result = poll_feed(
                    url,
                    states.setdefault(url, FeedState()),
                    store,
                    settings,
                    fetcher,
                    ingest_fn=ingest_fn,
                    fetch_pages=fetch_pages,
                )
                if result.error:
                    log.warning("feed %s: %s", url, result.error)
                results.append(result)
                if on_result:
                    on_result(result)
            _save_state(state_file, states)
            if once or stop.wait(interval):
                return results


def summarize(results: Iterable[PollResult]) -> str:
    """One line about a round of polls, for the command line."""
    rs = list(results)
    fresh = sum(r.new for r in rs)
    same = sum(1 for r in rs if r.status == 304)
    failed = sum(1 for r in rs if r.error)
    return f"{len(rs)} feeds polled: {fresh} new items, {same} not modified, {failed} failed"


__all__ = ["FeedState", "Fetcher", "PollResult", "poll_feed", "read_feed_list", "summarize", "watch"]
