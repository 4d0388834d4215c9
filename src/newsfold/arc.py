"""The story arc: dated events across every story that matches a query (``newsfold timeline``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store import queries as q
from newsfold.store.db import row_to_article
from newsfold.temporal import date_order

# Without a query the arc spans the most recently updated stories only, so it stays quick on a big store.
MAX_STORIES = 200


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

    entries = key_dates(articles, max_dates, on_article=scanned if on_progress else None)
    out = []
    for e in sorted(entries, key=lambda e: date_order(e.date)):
        cited = list(e.articles)
        sids: list[str] = []
        for key in cited:
            if story_of.get(key) and story_of[key] not in sids:
                sids.append(story_of[key])
        out.append({"date": e.date, "text": e.text, "articles": cited, "stories": sids, "basis": e.basis})
    return out
