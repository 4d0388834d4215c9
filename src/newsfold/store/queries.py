"""Read queries over the store, shaped as the contract's JSON. Each takes a read connection."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from newsfold.errors import NotFound

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn free text into a safe FTS5 query: every word quoted, all required. None when it has no words."""
    words = _TOKEN.findall(text)
    return " ".join(f'"{w}"' for w in words) if words else None


def _story_json(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    members = conn.execute(
        "SELECT key, outlet FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, id",
        (row["id"],),
    ).fetchall()
    outlets: list[str] = []
    for m in members:
        if m["outlet"] and m["outlet"] not in outlets:
            outlets.append(m["outlet"])
    return {
        "id": row["id"],
        "title": row["title"],
        "first_published": row["first_published"],
        "last_published": row["last_published"],
        "articles": [m["key"] for m in members],
        "outlets": outlets,
        "size": row["size"],
    }


def list_stories(
    conn: sqlite3.Connection,
    *,
    query: str | None = None,
    since: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stories, newest ``last_published`` first (undated last), as contract objects.

    Args:
        conn: a read connection.
        query: free text matched against article titles and texts (every word must occur).
        since: keep stories whose last article is published on or after this ``YYYY-MM-DD``.
        limit: at most this many; None for all.
        offset: skip this many first (paging).
    """
    where = ["s.merged_into IS NULL", "s.size > 0"]
    params: list[Any] = []
    if query is not None and query.strip():  # a blank query filters nothing (as the API's empty ?q= does)
        match = fts_query(query)
        if match is None:
            return []
        where.append(
            """s.id IN (SELECT a.story_id FROM articles_fts f JOIN articles a ON a.id = f.rowid
                        WHERE articles_fts MATCH ?)"""
        )
        params.append(match)
    if since:
        where.append("s.last_published >= ?")
        params.append(since)
    sql = f"""SELECT s.* FROM stories s WHERE {" AND ".join(where)}
              ORDER BY s.last_published IS NULL, s.last_published DESC, s.updated DESC, s.rowid DESC
              LIMIT ? OFFSET ?"""
    params += [-1 if limit is None else limit, offset]
    return [_story_json(conn, row) for row in conn.execute(sql, params).fetchall()]


def count_stories(conn: sqlite3.Connection) -> int:
    """The number of live stories."""
    return int(
        conn.execute("SELECT count(*) FROM stories WHERE merged_into IS NULL AND size > 0").fetchone()[0]
    )


def resolve_story(conn: sqlite3.Connection, story_id: str) -> str:
    """Follow merge redirects to the live story id.

    Raises:
        NotFound: no story has this id.
    """
    seen = set()
    current = story_id
    while current not in seen:
        seen.add(current)
        row = conn.execute("SELECT merged_into FROM stories WHERE id = ?", (current,)).fetchone()
        if row is None:
            raise NotFound(f"no story with id {story_id!r}")
        if row["merged_into"] is None:
            return current
        current = row["merged_into"]
    return current


def story_row(conn: sqlite3.Connection, story_id: str) -> sqlite3.Row:
    """The stories row of a live story id (resolve redirects first)."""
    row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        raise NotFound(f"no story with id {story_id!r}")
    return row  # type: ignore[no-any-return]


def story_summary(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    """One story as in ``stories --json``."""
    return _story_json(conn, story_row(conn, story_id))


def story_members(conn: sqlite3.Connection, story_id: str) -> list[sqlite3.Row]:
    """Every article row of a story, in publish order (undated last), then arrival order."""
    return conn.execute(
        "SELECT * FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, id", (story_id,)
    ).fetchall()


ARTICLE_REF_FIELDS = ("key", "url", "outlet", "published", "title", "lang", "copy_of")


def article_refs(rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """The ``articles`` list of ``show --json``: each member's key and metadata."""
    return [{k: r[k] for k in ARTICLE_REF_FIELDS} for r in rows]


def article_row(conn: sqlite3.Connection, key: str) -> sqlite3.Row:
    """The articles row with this key.

    Raises:
        NotFound: no article has this key.
    """
    row = conn.execute("SELECT * FROM articles WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise NotFound(f"no article with key {key!r}")
    return row  # type: ignore[no-any-return]


def article_json(conn: sqlite3.Connection, key: str, *, removed: bool = False) -> dict[str, Any]:
    """One article as in ``article --json``; with ``removed``, also what cleaning took out and why."""
    row = article_row(conn, key)
    story = resolve_story(conn, row["story_id"]) if row["story_id"] else None
    out: dict[str, Any] = {
        "key": row["key"],
        "url": row["url"],
        "outlet": row["outlet"],
        "published": row["published"],
        "title": row["title"],
        "lang": row["lang"],
        "text": row["text"],
        "story": story,
        "copy_of": row["copy_of"],
        "copies": [
            r[0] for r in conn.execute("SELECT key FROM articles WHERE copy_of = ? ORDER BY id", (key,))
        ],
        "flags": json.loads(row["flags"]),  # e.g. "absurd_date": kept as given, not used as a time feature
    }
    if removed:
        out["removed"] = [{"text": t, "kind": k, "rule": r} for t, k, r in json.loads(row["removed"])]
    return out


def list_quarantine(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every quarantined input with its reason, oldest first."""
    rows = conn.execute("SELECT input, stage, reason, at FROM quarantine ORDER BY id").fetchall()
    return [{"input": r["input"], "reason": r["reason"], "stage": r["stage"], "at": r["at"]} for r in rows]


def cached_fold(conn: sqlite3.Connection, story_id: str, made_by: str | None) -> dict[str, Any] | None:
    """A story's cached fold, or None when it is stale or never computed.

    Args:
        made_by: what the fold must have been made by (:func:`newsfold.pipeline.fold_made_by`); None takes any
            cached fold (a feed's summary lines, where an older fold still reads well).
    """
    row = conn.execute("SELECT fold, fold_by FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None or row["fold"] is None or (made_by is not None and row["fold_by"] != made_by):
        return None
    fold: dict[str, Any] = json.loads(row["fold"])
    return fold
