"""The fold: one story's articles folded into a cited summary, entities, quotes and coverage by outlet.

:func:`fold_story` returns the parts of the contract's ``show --json`` object that the fold computes
(``summary``, ``entities``, ``quotes``, ``coverage`` and, when a timeline function is given, ``timeline``);
the caller adds ``id``, ``title`` and ``articles``. Every line names only articles that state it: all
citations go through one test, :meth:`newsfold.story.align.Alignment.states_in` (word overlap that also
states the claim, :mod:`newsfold.story.claims`; or the same event with the same participants and date).
Entities come first: their merged names tell the event links which mentions are one participant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsfold.models import Article
from newsfold.story.align import Alignment, align
from newsfold.story.corrections import split_notices
from newsfold.story.coverage import Outlet, find_facts, outlet_coverage, outlet_name
from newsfold.story.entities import Entity, extract_mentions, lower_words, merge_mentions
from newsfold.story.quotes import find_quotes
from newsfold.story.summary import summarize

__all__ = ["MAX_FOLD_ARTICLES", "Outlet", "StoryInput", "fold_sample", "fold_story", "participant_names"]


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


# A story of more originals than this is folded from this many of them (:func:`fold_sample`): the alignment behind
# the summary and the coverage compares every sentence with every other, so its cost grows with the square of the
# story (measured on 600-word ECB+ articles: 100 articles 7 s, 200 19 s, 300 32 s; 50 articles 1.7 s).
MAX_FOLD_ARTICLES = 100

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


def fold_sample(
    articles: Sequence[Article], copy_of: Mapping[str, str], limit: int = MAX_FOLD_ARTICLES
) -> tuple[Article, ...]:
    """The articles a large story is folded from: at most ``limit`` originals, with their copies.

    Every outlet is represented first (its earliest article; outlets with more articles first), then the slots
    left are spread evenly over the story's time line, first and last report included, so that the fold keeps the
    story's whole arc and every outlet's coverage. A story within the limit is returned whole.

    Args:
        articles: the story's articles, originals and copies, in arrival order.
        copy_of: copy key -> original key.
        limit: the most originals read.

    Returns:
        The chosen articles, in their arrival order.
    """
    originals = [a for a in articles if a.key not in copy_of]
    if len(originals) <= limit:
        return tuple(articles)
    arrival = {a.key: i for i, a in enumerate(originals)}
    timed = sorted(originals, key=lambda a: (a.published or "", arrival[a.key]))
    by_outlet: dict[str | None, list[Article]] = {}
    for a in timed:
        by_outlet.setdefault(a.outlet, []).append(a)
    chosen: set[str] = set()
    for _outlet, arts in sorted(by_outlet.items(), key=lambda kv: (-len(kv[1]), kv[0] or "")):
        if len(chosen) >= limit:
            break
        chosen.add(arts[0].key)
    rest = [a for a in timed if a.key not in chosen]
    room = limit - len(chosen)
    if room > 0 and rest:
        step = (len(rest) - 1) / max(1, room - 1)
        chosen.update(rest[round(i * step)].key for i in range(min(room, len(rest))))
    return tuple(a for a in articles if a.key in chosen or copy_of.get(a.key) in chosen)


def claim_check(al: Alignment) -> Callable[[str, str], bool]:
    """``agree(a, b)``: whether the story's sentence b states sentence a's claim (polarity, tense, dates, details:
    :meth:`newsfold.story.claims.Claims.agrees`), for the timeline; True for a sentence the alignment does not hold.

    Stricter on tense than a citation by word overlap: a sentence all of whose clauses say what they share as to
    come ("Lavrov announced that Russia will send its response on Thursday") does not state one that says it as
    done ("The United States announced on Thursday that it had received a written response"), nor the reverse,
    however few of their words are in those clauses (the story's common words weigh little in the claim check)."""
    unit: dict[str, int] = {}
    for i, u in enumerate(al.units):
        unit.setdefault(u.raw, i)
        unit.setdefault(u.text, i)

    def agree(a: str, b: str) -> bool:
        i, j = unit.get(a), unit.get(b)
        claims = al.claims
        if i is None or j is None or claims is None or i == j:
            return True
        (fut_i, past_i), (fut_j, past_j) = claims.tense(i), claims.tense(j)
        if (past_i and not fut_i and fut_j and not past_j) or (fut_i and not past_i and past_j and not fut_j):
            return False  # a plan and its being done
        return claims.agrees(i, (j,))

    return agree


def fold_story(
    story: StoryInput,
    *,
    timeline: Callable[..., list[Any]] | None = None,
    use_model: bool | None = None,
    max_articles: int = MAX_FOLD_ARTICLES,
    summary_size: int | None = None,
) -> dict[str, Any]:
    """Fold a story into its summary, entities, quotes, coverage (and timeline).

    Args:
        story: the story's articles, copies and outlet registry entries.
        timeline: a function giving timeline entries (objects with ``date``, ``text``, ``articles``) for the
            articles, called as ``timeline(articles, agree=...)`` with the alignment's claim check
            (:func:`claim_check`); without it the result has no ``timeline`` key (the contract: absent, not empty).
        use_model: see :func:`newsfold.story.entities.extract_mentions` (None: spaCy when installed).
        max_articles: a story of more originals is folded from this many (:func:`fold_sample`); the result then
            says so under ``"folded"``.
        summary_size: summary sentences (None: by story size, :func:`newsfold.story.summary.summary_size`).

    Returns:
        ``{"summary": [...], "entities": [...], "quotes": [...], "coverage": {"facts": [...],
        "outlets": [...]}}`` plus ``"timeline"`` when asked, shaped as in the contract, ``"corrections"`` (each
        notice with the article that carries it) when an article carries any, and for a large story
        ``"folded": {"originals": <read>, "of": <all originals>}``, with ``"sentences"`` and ``"sentences_of"``
        when its summary and coverage were read from the start of its longest articles only (``align.MAX_UNITS``).
    """
    # a correction notice is about its report, not the story: read apart (story/corrections.py)
    articles, corrections = split_notices(fold_sample(story.articles, story.copy_of, max_articles))
    mentions = extract_mentions(articles, use_model=use_model)
    entities = merge_mentions(mentions, [a.key for a in articles], lower_words(articles))
    al = align(
        articles, story.copy_of, names=participant_names(entities), types={e.name: e.type for e in entities}
    )
    outlet_of = {a.key: outlet_name(a.outlet, a.key) for a in articles}
    summary = summarize(al, outlet_of, size=summary_size)
    quotes = find_quotes(articles, entities, mentions)
    facts = find_facts(al)
    out: dict[str, Any] = {
        "summary": [{"text": c.text, "articles": list(c.articles)} for c in summary],
    }
    if timeline is not None:
        out["timeline"] = [
            {"date": e.date, "text": e.text, "articles": list(e.articles)}
            for e in timeline(articles, agree=claim_check(al))
        ]
    if corrections:
        out["corrections"] = [c.to_json() for c in corrections]
    out["entities"] = [e.to_json() for e in entities]
    out["quotes"] = [q.to_json() for q in quotes]
    out["coverage"] = {
        "facts": [f.to_json() for f in facts],
        "outlets": outlet_coverage(al, facts, story.outlets),
    }
    if len(articles) < len(story.articles) or len(al.units) < al.sentences:
        total = sum(1 for a in story.articles if a.key not in story.copy_of)
        out["folded"] = {"originals": sum(1 for a in articles if a.key not in story.copy_of), "of": total}
        if len(al.units) < al.sentences:
            out["folded"] |= {"sentences": len(al.units), "sentences_of": al.sentences}
    return out
