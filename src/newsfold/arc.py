"""The story arc: dated events across every story that matches a query (``newsfold timeline``)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

from newsfold.models import Article
from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store import queries as q
from newsfold.store.db import row_to_article
from newsfold.temporal import TimeMention, date_order

# Without a query the arc spans the most recently updated stories only, so it stays quick on a big store.
MAX_STORIES = 200
# The modules whose code decides an article's date scan: a change to any of them makes every stored scan stale.
SCAN_MODULES = (
    "newsfold.temporal",
    "newsfold.temporal_rules",
    "newsfold.temporal_words",
    "newsfold.temporal_clause",
    "newsfold.temporal_resolve",
    "newsfold.prefilter",
    "newsfold.sentences",
    "newsfold.story.timeline",
)
_LOOKUP_CHUNK = 500  # keys per query when stored scans are read back


@cache
def _rules_digest() -> str:
    code = hashlib.sha1(usedforsecurity=False)
    for name in SCAN_MODULES:
        path = getattr(import_module(name), "__file__", None)
        if path:
            code.update(Path(path).read_bytes())
    return code.hexdigest()


def scan_digest(article: Article) -> str:
    """What a stored date scan of the article must have been made from: its text, publish date and language and the
    date rules' code (a stored scan with another digest is stale)."""
    parts = (_rules_digest(), article.published or "", article.lang or "", article.text)
    return hashlib.sha1("\0".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def _scan_json(scanned: Any) -> str:
    """A scan as stored: ``[[sentence, [[text, start, end, value, precision], ...]], ...]``."""
    return json.dumps(
        [[text, [[m.text, m.start, m.end, m.value, m.precision] for m in ms]] for text, ms in scanned],
        ensure_ascii=False,
    )


class _Scans:
    """Date scans of the arc's articles: read from the store where a stored one is current, else made (and kept to
    be written back). Only a cache: a scan read back is the scan that would be made."""

    def __init__(self, conn: sqlite3.Connection, articles: Sequence[Article]) -> None:
        from newsfold.story.timeline import Scanned, scan_dates_of

        self._make = scan_dates_of
        self.made: dict[str, tuple[str, Scanned]] = {}
        self._stored: dict[str, Scanned] = {}
        digests = {a.key: scan_digest(a) for a in articles}
        keys = list(digests)
        for at in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = keys[at : at + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            for key, digest, data in conn.execute(
                f"SELECT key, digest, data FROM date_scans WHERE key IN ({marks})", chunk
            ):
                if digests.get(key) == digest:
                    self._stored[key] = [
                        (text, [TimeMention(*m) for m in ms]) for text, ms in json.loads(data)
                    ]
        self._digests = digests

    def scan(self, article: Article) -> Any:
        found = self._stored.get(article.key)
        if found is None:
            found = self._make(article)
            self.made[article.key] = (self._digests[article.key], found)
        return found

    def save(self, store: Store) -> None:
        """Write the scans made, best effort (a store opened read-only, or busy, is left as it is)."""
        if not self.made:
            return
        rows = [(key, digest, _scan_json(scanned)) for key, (digest, scanned) in self.made.items()]
        try:
            with store.transaction() as conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO date_scans (key, digest, data) VALUES (?, ?, ?)", rows
                )
        except (sqlite3.Error, OSError):
            pass


def story_arc(
    store: Store,
    settings: Settings,
    *,
    query: str | None,
    max_dates: int,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """The most important dated events across the matching stories, sorted by date.

    Args:
        store: an open store.
        settings: read-only options.
        query: free text selecting stories (None: the most recent ones).
        max_dates: at most this many distinct dates.
        on_progress: called as ``f(done, total)`` after each article is scanned for dates.

    Returns:
        Contract objects ``{"date", "text", "articles", "stories"}`` plus ``basis``: ``stated`` when the cited
        articles give the date, ``published`` when the entry is the lead of the one article cited, published that
        day (see :mod:`newsfold.story.timeline`).
    """
    from newsfold.story.timeline import key_dates

    conn = store.reader()
    query = query if query and query.strip() else None  # a blank query is none, as for `stories`
    stories = q.list_stories(conn, query=query, limit=None if query else MAX_STORIES)
    story_of: dict[str, str] = {}
    articles = []
    for s in stories:
        for row in q.story_members(conn, s["id"]):
            if row["copy_of"]:
                continue  # a copy states what its original states; it is cited through the original's story
            story_of[row["key"]] = s["id"]
            articles.append(row_to_article(row))
    done = 0

    def scanned() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, len(articles))

    scans = _Scans(conn, articles)
    entries = key_dates(articles, max_dates, on_article=scanned if on_progress else None, scan=scans.scan)
    scans.save(store)
    out = []
    for e in sorted(entries, key=lambda e: date_order(e.date)):
        cited = list(e.articles)
        sids: list[str] = []
        for key in cited:
            if story_of.get(key) and story_of[key] not in sids:
                sids.append(story_of[key])
        out.append({"date": e.date, "text": e.text, "articles": cited, "stories": sids, "basis": e.basis})
    return out
