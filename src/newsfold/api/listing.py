"""Read queries behind the web pages that the contract's JSON does not cover: filtered story lists, outlets."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from newsfold.store import queries as q

FACETS_TTL_S = 30.0  # outlet and language lists change only with ingest; a scan per page view is wasted


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """What the story list is narrowed to (every field optional)."""

    q: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    lang: str | None = None


def _where(f: StoryFilter) -> tuple[list[str], list[Any]] | None:
    where = ["s.merged_into IS NULL", "s.size > 0"]
    params: list[Any] = []
    if f.q:
        match = q.fts_query(f.q)
        if match is None:
            return None
        where.append(
            """s.id IN (SELECT a.story_id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                        WHERE articles_fts MATCH ?)"""
        )
        params.append(match)
    if f.since:
        where.append("s.last_published >= ?")
        params.append(f.since)
    if f.until:
        where.append("s.first_published < ?")
        params.append(f.until + "~")  # "~" sorts after any time part, so the whole day is included
    if f.outlet:
        where.append("EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.outlet = ?)")
        params.append(f.outlet)
    if f.lang:
        where.append("EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.lang = ?)")
        params.append(f.lang)
    return where, params


def find_stories(
    conn: sqlite3.Connection, f: StoryFilter, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of stories (newest first) with outlets and languages, and the number of all matches."""
    built = _where(f)
    if built is None:
        return [], 0
    where, params = built
    clause = " AND ".join(where)
    total = int(conn.execute(f"SELECT count(*) FROM stories s WHERE {clause}", params).fetchone()[0])
    rows = conn.execute(
        f"""SELECT s.id, s.title, s.first_published, s.last_published, s.size, s.updated FROM stories s
            WHERE {clause}
            ORDER BY s.last_published IS NULL, s.last_published DESC, s.updated DESC, s.rowid DESC
            LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    out = []
    for row in rows:
        outlets: list[str] = []
        langs: list[str] = []
        for m in conn.execute(
            "SELECT outlet, lang FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, id",
            (row["id"],),
        ):
            if m["outlet"] and m["outlet"] not in outlets:
                outlets.append(m["outlet"])
            if m["lang"] and m["lang"] not in langs:
                langs.append(m["lang"])
        out.append({**dict(row), "outlets": outlets, "langs": langs})
    return out, total


class Facets:
    """The outlets and languages in the store, for the list page's filters (refreshed every few seconds)."""

    def __init__(self) -> None:
        self._at = -FACETS_TTL_S
        self._value: tuple[list[str], list[str]] = ([], [])

    def get(self, conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
        """(outlets, languages), sorted."""
        if time.monotonic() - self._at > FACETS_TTL_S:
            outlets = [
                r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")
            ]
            langs = [r[0] for r in conn.execute("SELECT DISTINCT lang FROM articles WHERE lang IS NOT NULL")]
            self._value = (sorted(outlets, key=str.casefold), sorted(langs))
            self._at = time.monotonic()
        return self._value


def outlet_page(conn: sqlite3.Connection, name: str, *, limit: int = 200) -> dict[str, Any] | None:
    """An outlet's stories and coverage habits; None when no article or registry entry has this outlet."""
    info_row = conn.execute("SELECT name, country, type FROM outlets WHERE name = ?", (name,)).fetchone()
    counts = conn.execute(
        """SELECT count(*) AS articles, count(DISTINCT story_id) AS stories,
                  coalesce(sum(copy_of IS NOT NULL), 0) AS copies
           FROM articles WHERE outlet = ?""",
        (name,),
    ).fetchone()
    if info_row is None and not counts["articles"]:
        return None
    langs = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT lang FROM articles WHERE outlet = ? AND lang IS NOT NULL", (name,)
        )
    ]
    stories = [
        dict(r)
        for r in conn.execute(
            """SELECT s.id, s.title, s.size, s.last_published, count(*) AS mine, s.fold,
                      (SELECT count(DISTINCT b.outlet) FROM articles b WHERE b.story_id = s.id) AS outlets
               FROM articles a JOIN stories s ON s.id = a.story_id
               WHERE a.outlet = ? AND s.merged_into IS NULL
               GROUP BY s.id ORDER BY s.last_published IS NULL, s.last_published DESC LIMIT ?""",
            (name, limit),
        )
    ]
    habits = {
        "articles": counts["articles"],
        "stories": counts["stories"],
        "copies": counts["copies"],
        "langs": sorted(langs),
        "alone": sum(1 for s in stories if s["outlets"] == 1),
        "reports": 0,
        "only_here": 0,
        "left_out": 0,
        "folded": 0,
    }
    for s in stories:
        fold = json.loads(s.pop("fold")) if s.get("fold") else None
        coverage = fold.get("coverage") if isinstance(fold, dict) else None
        if not isinstance(coverage, dict):
            continue
        habits["folded"] += 1
        for col in coverage.get("outlets") or []:
            if col.get("name") == name:
                for part in ("reports", "only_here", "left_out"):
                    habits[part] += len(col.get(part) or [])
    for s in stories:
        s.pop("fold", None)
    info = dict(info_row) if info_row is not None else {"name": name, "country": None, "type": None}
    return {"name": name, "info": info, "habits": habits, "stories": stories}
