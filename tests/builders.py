"""Shared test helpers: plain-text articles for the story tests (titled by their key unless told otherwise), and a
count of the store reads of story states."""

from __future__ import annotations

from typing import Any

import pytest

from newsfold.models import Article
from newsfold.store import Store


def text_article(
    key: str,
    text: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    lang: str | None = "en",
    title: str | None = None,
) -> Article:
    """A cleaned plain-text article as the fold sees it (``raw`` is the text itself)."""
    return Article(
        key=key,
        location=key,
        fmt="text",
        raw=text,
        text=text,
        title=key if title is None else title,
        outlet=outlet,
        published=published,
        lang=lang,
    )


def count_story_state_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record each read of the stored story states (``Store.story_states``); the list grows by one a read."""
    reads: list[int] = []
    original = Store.story_states

    def counted(self: Store, limit: int) -> Any:
        reads.append(limit)
        return original(self, limit)

    monkeypatch.setattr(Store, "story_states", counted)
    return reads
