"""Lines that other stories repeat word for word: a site's standing text, found across the whole store.

Cleaning drops boilerplate by its wording (clean.py) and each outlet's repeated lines once the outlet is known
(learned.py). An article that names no outlet (a JSONL line without ``source`` or ``url``) escapes the second: its
site's donation appeal or comment policy stays in its text and, repeated by every article of the site, looks central
to a story's fold. The fold therefore leaves out any line of a story's articles that articles of other stories
carry word for word: news of one story is not printed under others.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Iterable, Sequence

from newsfold.learned import line_key
from newsfold.models import Article

# Lines shorter than this (in words) are left to the cleaning rules: short lines recur by chance ("Read more").
MIN_WORDS = 5
# A line is a site's standing text when articles of at least this many other stories carry it (one other story
# may be the same event told twice).
MIN_OTHER_STORIES = 2
# The most lines looked up per story (those carried by most of its articles first): bounds the fold's cost.
MAX_LINES = 150
# Words of a line (the longest) that the full-text index is asked for; candidates are then checked word for word.
QUERY_WORDS = 5
CANDIDATES = 40  # articles of other stories checked per line
_WORD = re.compile(r"[^\W\d_]{4,}")


def _fts_query(line: str) -> str | None:
    words = sorted(set(_WORD.findall(line.lower())), key=lambda w: (-len(w), w))[:QUERY_WORDS]
    if len(words) < 2:
        return None
    return "text : (" + " AND ".join(f'"{w}"' for w in words) + ")"


def repeated_lines(conn: sqlite3.Connection, story_id: str, texts: Sequence[str]) -> frozenset[str]:
    """The line keys (:func:`newsfold.learned.line_key`) of a story's texts that other stories repeat.

    Args:
        conn: a reader connection on the store (its full-text index is used to find candidates).
        story_id: the story (its own articles do not count).
        texts: the texts of the story's articles, one paragraph per line.

    Returns:
        Keys of the lines that articles of at least ``MIN_OTHER_STORIES`` other stories carry word for word.
    """
    carried: dict[str, int] = {}
    sample: dict[str, str] = {}
    for text in texts:
        for line in {ln.strip() for ln in text.split("\n")}:
            if len(line.split()) < MIN_WORDS:
                continue
            key = line_key(line)
            if key:
                carried[key] = carried.get(key, 0) + 1
                sample.setdefault(key, line)
    order = sorted(carried, key=lambda k: (-carried[k], -len(k)))[:MAX_LINES]
    keys_of: dict[int, frozenset[str]] = {}
    found: set[str] = set()
    for key in order:
        query = _fts_query(sample[key])
        if query is None:
            continue
        try:
            rows = conn.execute(
                """SELECT a.id, a.story_id, a.text FROM articles_fts f JOIN articles a ON a.id = f.rowid
                   WHERE articles_fts MATCH ? AND a.story_id != ? AND a.copy_of IS NULL LIMIT ?""",
                (query, story_id, CANDIDATES),
            ).fetchall()
        except sqlite3.OperationalError:  # a query the index cannot parse: no evidence either way
            continue
        stories: set[str] = set()
        for art_id, other, text in rows:
            if art_id not in keys_of:
                keys_of[art_id] = _line_keys(text.split("\n"))
            if key in keys_of[art_id]:
                stories.add(other)
                if len(stories) >= MIN_OTHER_STORIES:
                    found.add(key)
                    break
    return frozenset(found)


def _line_keys(lines: Iterable[str]) -> frozenset[str]:
    return frozenset(line_key(ln) for ln in lines if len(ln.split()) >= MIN_WORDS)


def without_repeated(
    conn: sqlite3.Connection, story_id: str, articles: Sequence[Article]
) -> tuple[Article, ...]:
    """The story's articles for its fold: the lines that other stories repeat (:func:`repeated_lines`) left out.

    The store keeps every article's text as it is; only the fold reads these.

    Args:
        conn: a reader connection on the store.
        story_id: the story the articles belong to.
        articles: its articles.

    Returns:
        The articles, each without those lines (the same object when it has none).
    """
    junk = repeated_lines(conn, story_id, [a.text for a in articles if a.text])
    if not junk:
        return tuple(articles)
    out = []
    for art in articles:
        lines = art.text.split("\n")
        kept = [ln for ln in lines if len(ln.split()) < MIN_WORDS or line_key(ln) not in junk]
        out.append(art if len(kept) == len(lines) else dataclasses.replace(art, text=_tidy(kept)))
    return tuple(out)


def _tidy(lines: list[str]) -> str:
    """Lines joined again, without the runs of blank lines left where lines were taken out."""
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line)
    return "\n".join(out).strip("\n")
