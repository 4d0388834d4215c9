"""Articles for the story tests: plain text, titled by their key unless told otherwise."""

from __future__ import annotations

from newsfold.models import Article


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
