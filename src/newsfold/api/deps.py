"""What every route needs: the store and settings of the app, a story's fold, and the client-error type."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from typing import Any

from fastapi import Request

from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store import queries as q

DAY_RE = r"^\d{4}-\d{2}-\d{2}$"
_DAY = re.compile(DAY_RE)
MAX_QUERY_CHARS = 500  # longer search text is refused (400): no real search is that long
MAX_ROWS = 2**63 - 1  # SQLite's largest INTEGER: a larger LIMIT or OFFSET overflows, so it is refused (400)


class BadRequest(Exception):
    """A request the client got wrong (answered with 400)."""


def now_stamp() -> str:
    """The current UTC time as ISO 8601 with seconds and a ``Z`` (as the store writes ``updated``)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def store_of(request: Request) -> Store:
    """The app's store."""
    store: Store = request.app.state.store
    return store


def settings_of(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


def reader(request: Request) -> sqlite3.Connection:
    """A read connection for the thread serving this request."""
    return store_of(request).reader()


def check_query(text: str | None) -> str | None:
    """Validate search text: None or blank means no search.

    Raises:
        BadRequest: too long, or containing control characters.
    """
    if text is None or not text.strip():
        return None
    if len(text) > MAX_QUERY_CHARS:
        raise BadRequest(f"search query longer than {MAX_QUERY_CHARS} characters")
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text):
        raise BadRequest("search query contains control characters")
    return text.strip()


def check_day(value: str | None, name: str) -> str | None:
    """Validate a ``YYYY-MM-DD`` parameter (blank means absent).

    Raises:
        BadRequest: not a real calendar date in that form.
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _DAY.match(value):
        raise BadRequest(f"{name} must be a date YYYY-MM-DD, got {value!r}")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name} is not a calendar date: {value!r}") from None
    return value


def fold_text(conn: sqlite3.Connection, story_id: str) -> str | None:
    """The cached fold JSON of a live story, as stored (no decode: the API sends it as is)."""
    row = conn.execute("SELECT fold FROM stories WHERE id = ?", (story_id,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def basic_fold(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    """A fold with only what the store knows without the fold stages (id, title, articles)."""
    row = q.story_row(conn, story_id)
    return {
        "id": story_id,
        "title": row["title"],
        "articles": q.article_refs(q.story_members(conn, story_id)),
    }


def story_fold(store: Store, settings: Settings, story_id: str) -> dict[str, Any]:
    """The fold of a live story: cached when it can be, computed (and cached) by the pipeline otherwise.

    When the fold stages are not installed in this build, the page still shows the story's articles.
    """
    conn = store.reader()
    try:
        from newsfold.pipeline import fold
    except ImportError:
        return q.cached_fold(conn, story_id, None) or basic_fold(conn, story_id)
    try:
        return fold(
            store, story_id, settings
        )  # the cached fold while the code and settings that made it stand
    except ImportError:
        return basic_fold(conn, story_id)
