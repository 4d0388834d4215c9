"""Small, frozen value objects that flow between stages.

Stages pass these (or iterators of them), never dicts, lxml trees or DataFrames. A record that a stage cannot
take becomes a :class:`Rejected` that flows on to the run report and the quarantine table.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of line that cleaning removes from the body but keeps with the article (see clean.py).
REMOVED_KINDS = (
    "site_header",  # site name, section header ("All news") before the headline
    "title",  # the headline repeated at the top of the body
    "reading_time",  # "1 min read"
    "widget",  # rating, share, print, newsletter and comment widgets
    "link_list",  # "See also", "Know more", "Latest from …" and lists of unrelated headlines
    "caption",  # photo captions
    "credit",  # photo and agency credits
    "copyright",  # "© … All Rights Reserved", "Developed by …"
    "byline",  # author lines
    "time_stamp",  # "Last updated: 18 September 2013, 13:59 GMT" at the top of a text
    "boilerplate",  # other recurring non-article lines
)


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document as read, before any cleaning.

    Attributes:
        key: the article key (contract: id, else url, else the file key).
        location: where it came from, ``path`` or ``path:line`` / ``path:record``.
        fmt: the reader that produced it: ``jsonl``, ``text``, ``html``, ``feed`` or ``warc``.
        raw: the input exactly as read (a JSON line, the decoded file text, the decoded page).
        text: plain article text, when the input gives one.
        html: page markup, when the input gives one (extracted in preference to ``text``).
        url: the article's address, when known.
        source: the outlet as the input names it (JSONL ``source``, a feed's title).
        published: the publish date or datetime as given (ISO 8601 string), else None.
        title: the headline as given, else None.
        lang: the language as given, else None.
        flags: what the reader noticed, for the article's flags (``bad_published``: a publish date was given but
            could not be read, so ``published`` is None rather than a guess).
    """

    key: str
    location: str
    fmt: str
    raw: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None
    lang: str | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that was not taken, with why. It is kept in the quarantine table, never dropped.

    Attributes:
        location: ``path`` or ``path:line`` / ``path:record``.
        stage: the stage that refused it (``read``, ``clean``, ``store``...).
        reason: one line saying why.
        raw: what could be read of the input, for later inspection (may be empty).
    """

    location: str
    stage: str
    reason: str
    raw: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file of no known format inside a folder given to ingest, or a record of an archive that holds no article (an
    image, a redirect): not an input, only counted."""

    location: str


@dataclass(frozen=True, slots=True)
class Unchanged:
    """An input that the store already holds under its key, as the same input with nothing to add to it: counted
    unchanged without being prepared again (see :func:`newsfold.preparation.adds_nothing`).

    Attributes:
        key: the article key.
        location: where it came from, as in its RawDoc.
    """

    key: str
    location: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A line or block that cleaning took out of the body, with its kind and the rule that took it."""

    text: str
    kind: str
    rule: str


@dataclass(frozen=True, slots=True)
class CleanText:
    """The result of cleaning one text: the body, the headline found, and everything removed."""

    body: str
    title: str | None
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article with its metadata: the unit that dedup, clustering and the fold work on.

    Attributes:
        key: unique in a store.
        location: where the input came from.
        fmt: the reader that produced it.
        raw: the input as read.
        text: the cleaned body, paragraphs separated by blank lines.
        title: the headline.
        url: the article's address, else None.
        outlet: the outlet's name, else None.
        published: ISO 8601 date or datetime as given or found, else None (never guessed).
        published_source: where the date came from (``input``, ``metadata``, ``dateline``), else None.
        lang: ISO 639-1 code, else None.
        removed: what cleaning took out, kept so nothing is lost.
        flags: notes for later stages (``absurd_date``, ``title_only``, ``bad_published``...).
    """

    key: str
    location: str
    fmt: str
    raw: str
    text: str
    title: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_source: str | None = None
    lang: str | None = None
    removed: tuple[Removed, ...] = ()
    flags: tuple[str, ...] = ()
    author: str | None = None

    @property
    def day(self) -> str | None:
        """The publish date as ``YYYY-MM-DD`` (the date part of ``published``), else None."""
        return self.published[:10] if self.published and len(self.published) >= 10 else None


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the clusterer put one article.

    Attributes:
        story_id: the story it joined or started.
        is_new: True when the article started a new story.
        merged: ``(old_id, new_id)`` pairs for stories that this article showed to be one; old ids redirect.
        moved: ``(article_key, story_id)`` pairs for earlier articles that this article showed to belong to
            another story (a split of a story that had wrongly taken them); their copies move with them.
    """

    story_id: str
    is_new: bool
    merged: tuple[tuple[str, str], ...] = ()
    moved: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Cited:
    """A line of the fold (summary sentence, timeline entry, fact) with the articles that state it."""

    text: str
    articles: tuple[str, ...]
    date: str | None = None
