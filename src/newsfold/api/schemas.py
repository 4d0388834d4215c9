"""Pydantic models of the API's bodies, used at the edge only: they document ``/openapi.json``.

Responses are written straight from the store's JSON (a fold may lack parts that are not computed yet, and an
absent field must stay absent), so these models describe the bodies without re-validating them per request.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ErrorOut(BaseModel):
    """The one error body of every error."""

    ok: bool = False
    error: str
    errors: list[str] = []
    status: int


class StoryOut(BaseModel):
    """A story as in ``stories --json``."""

    id: str
    title: str
    first_published: str | None
    last_published: str | None
    articles: list[str]
    outlets: list[str]
    size: int


class Cited(BaseModel):
    """A line of the fold with the articles that state it."""

    model_config = ConfigDict(extra="allow")
    text: str
    articles: list[str]


class TimelineEntry(Cited):
    """A dated line of the timeline."""

    date: str


class EntityOut(BaseModel):
    """A named entity with its variants."""

    model_config = ConfigDict(extra="allow")
    name: str
    type: str
    variants: list[str]
    articles: list[str]


class QuoteOut(BaseModel):
    """A quote; ``exact`` means word for word in every cited article."""

    model_config = ConfigDict(extra="allow")
    speaker: str | None
    text: str
    exact: bool
    articles: list[str]


class FactOut(Cited):
    """A fact of the coverage matrix."""

    id: str


class OutletCoverage(BaseModel):
    """One outlet's column of the coverage matrix."""

    model_config = ConfigDict(extra="allow")
    name: str
    country: str | None = None
    type: str | None = None
    articles: list[str]
    reports: list[str]
    only_here: list[str]
    left_out: list[str]


class CoverageOut(BaseModel):
    """Facts × outlets."""

    facts: list[FactOut]
    outlets: list[OutletCoverage]


class StoryArticle(BaseModel):
    """An article of a story, as listed in its fold."""

    model_config = ConfigDict(extra="allow")
    key: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str
    lang: str | None
    copy_of: str | None


class Folded(BaseModel):
    """Present when a large story was folded from part of its articles (``story.fold.fold_sample``), or its summary
    and coverage from the start of its longest articles (``sentences`` of ``sentences_of``: ``story.align.MAX_UNITS``).
    """

    originals: int
    of: int
    sentences: int | None = None
    sentences_of: int | None = None


class FoldOut(BaseModel):
    """A story as in ``show --json``; a part that is not computed yet is absent."""

    model_config = ConfigDict(extra="allow")
    id: str
    title: str
    summary: list[Cited] | None = None
    timeline: list[TimelineEntry] | None = None
    corrections: list[Cited] | None = None  # the outlets' correction notices, each citing its article
    entities: list[EntityOut] | None = None
    quotes: list[QuoteOut] | None = None
    coverage: CoverageOut | None = None
    folded: Folded | None = None
    articles: list[StoryArticle]


class RemovedOut(BaseModel):
    """A line cleaning took out, with its kind and rule."""

    text: str
    kind: str
    rule: str


class ArticleOut(BaseModel):
    """An article as in ``article --json`` (``removed`` only when asked for)."""

    key: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str
    lang: str | None
    text: str
    story: str | None
    copy_of: str | None
    copies: list[str] = []
    removed: list[RemovedOut] | None = None


class QuarantineOut(BaseModel):
    """An input that was not taken."""

    input: str
    reason: str
    stage: str | None = None
    at: str
