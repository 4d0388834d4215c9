"""The fold: one story's articles folded into a cited summary, entities, quotes and coverage by outlet.

:func:`fold_story` returns the parts of the contract's ``show --json`` object that the fold computes
(``summary``, ``entities``, ``quotes``, ``coverage`` and, when a timeline function is given, ``timeline``);
the caller adds ``id``, ``title`` and ``articles``. Every line names only articles that state it: all
citations go through one test, :meth:`newsfold.story.align.Alignment.states_in` (word overlap, or the same
event with the same participants and date). Entities come first: their merged names tell the event links
which mentions are one participant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsfold.models import Article
from newsfold.story.align import align
from newsfold.story.coverage import Outlet, find_facts, outlet_coverage, outlet_name
from newsfold.story.entities import Entity, extract_mentions, merge_mentions
from newsfold.story.quotes import find_quotes
from newsfold.story.summary import summarize

__all__ = ["Outlet", "StoryInput", "fold_story", "participant_names"]


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What the fold needs of a story.

    Attributes:
        articles: the story's articles, originals and copies.
        copy_of: copy key -> original key (copies count once, under the original).
        outlets: outlet name -> registry entry (country, type), None when the outlet is not in the registry.
    """

    articles: tuple[Article, ...]
    copy_of: Mapping[str, str]
    outlets: Mapping[str, Outlet | None]


# Entity types that can take part in an event (an "OTHER" span is a title or a phrase, not an actor).
_PARTICIPANT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})


def participant_names(entities: Sequence[Entity]) -> dict[str, str]:
    """Every surface form of the story's named actors -> the entity's name (for the event links of align)."""
    out: dict[str, str] = {}
    for e in entities:
        if e.type in _PARTICIPANT_TYPES:
            for v in e.variants:
                out.setdefault(v, e.name)
    return out


def fold_story(
    story: StoryInput,
    *,
    timeline: Callable[[Sequence[Article]], list[Any]] | None = None,
    use_model: bool | None = None,
) -> dict[str, Any]:
    """Fold a story into its summary, entities, quotes, coverage (and timeline).

    Args:
        story: the story's articles, copies and outlet registry entries.
        timeline: a function giving timeline entries (objects with ``date``, ``text``, ``articles``) for the
            articles; without it the result has no ``timeline`` key (the contract: absent, not empty).
        use_model: see :func:`newsfold.story.entities.extract_mentions` (None: spaCy when installed).

    Returns:
        ``{"summary": [...], "entities": [...], "quotes": [...], "coverage": {"facts": [...],
        "outlets": [...]}}`` plus ``"timeline"`` when asked, shaped as in the contract.
    """
    articles = story.articles
    mentions = extract_mentions(articles, use_model=use_model)
    entities = merge_mentions(mentions, [a.key for a in articles])
    al = align(articles, story.copy_of, names=participant_names(entities))
    outlet_of = {a.key: outlet_name(a.outlet, a.key) for a in articles}
    summary = summarize(al, outlet_of)
    quotes = find_quotes(articles, entities, mentions)
    facts = find_facts(al)
    out: dict[str, Any] = {
        "summary": [{"text": c.text, "articles": list(c.articles)} for c in summary],
    }
    if timeline is not None:
        out["timeline"] = [
            {"date": e.date, "text": e.text, "articles": list(e.articles)} for e in timeline(articles)
        ]
    out["entities"] = [e.to_json() for e in entities]
    out["quotes"] = [q.to_json() for q in quotes]
    out["coverage"] = {
        "facts": [f.to_json() for f in facts],
        "outlets": outlet_coverage(al, facts, story.outlets),
    }
    return out
