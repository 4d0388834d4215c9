"""The fold: one story's articles folded into a cited summary, entities, quotes and coverage by outlet.

:func:`fold_story` returns the parts of the contract's ``show --json`` object that the fold computes
(``summary``, ``entities``, ``quotes``, ``coverage`` and, when a timeline function is given, ``timeline``);
the caller adds ``id``, ``title`` and ``articles``. Every line names only articles that state it: all
citations go through one test, :meth:`newsfold.story.align.Alignment.states_in`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsfold.models import Article
from newsfold.story.align import align
from newsfold.story.coverage import Outlet, find_facts, outlet_coverage, outlet_name
from newsfold.story.entities import extract_mentions, merge_mentions
from newsfold.story.quotes import find_quotes
from newsfold.story.summary import summarize

__all__ = ["Outlet", "StoryInput", "fold_story"]


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
    al = align(articles, story.copy_of)
    outlet_of = {a.key: outlet_name(a.outlet, a.key) for a in articles}
    summary = summarize(al, outlet_of)
    mentions = extract_mentions(articles, use_model=use_model)
    entities = merge_mentions(mentions, [a.key for a in articles])
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
