"""The story summary: extractive, multi-source, every sentence cited to each article that states it.

A sentence is central when *other outlets* state it too (aligned through :mod:`newsfold.story.align`), not
when it resembles its own article. Candidates must look like finished sentences (:func:`is_summary_sentence`):
no fragments, captions, headlines or sentences that start or end inside a quote. Selection is MMR: the most
central candidate first, then candidates that add something the chosen ones do not already state. The chosen
sentences are ordered by the earliest publish date of the articles that state them, then by importance.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from newsfold.models import Cited
from newsfold.story.align import Alignment


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return frozenset(text.split())


# Length bounds of a summary sentence, in words: shorter ones are fragments or captions; longer ones are
# run-ons that a segmenter failed to split. Read off the seeds and crisis-it: real lead sentences are 10-45.
MIN_WORDS = 8
MAX_WORDS = 60
# Title-case share above which a "sentence" is a headline or caption (names alone never reach it in prose).
MAX_CAPITALISED = 0.5
# MMR trade-off: weight of centrality against redundancy with the sentences already chosen. Swept 0.5-0.9
# with evaluate/summary.py on crisis-it; flat between 0.6 and 0.8.
MMR_LAMBDA = 0.7
# Share of a candidate's score given by its place in the article (news puts the main fact first).
LEAD_BONUS = 0.35
# Sentences opening with a pronoun or connective lean on the sentence before: they read badly alone.
# Lowercase first words, by language: en, de, fr, es, it, pt, ru, ar.
_DANGLING = _words(
    "he she it they this these those that his her its their him them also however but and so then "
    "thus er sie es dies diese dieser aber auch jedoch und il elle ils elles ce cette ces mais aussi "
    "cependant et él ella ellos ellas esto este esta estos pero también sin embargo y lui lei essi "
    "esse questo questa questi ma anche però ele ela eles elas isto este esta mas também porém он "
    "она они это этот эта эти но также однако и هو هي هم هذا هذه لكن كما"
)
_END = re.compile(r"[.!?…。؟][\"'”’»)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTE_CHARS = '"“”«»„'


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate sentence with its score, for evaluation and debugging."""

    unit: int
    score: float


def is_summary_sentence(text: str) -> bool:
    """Tell whether a sentence can stand alone in a summary.

    A summary sentence has 8-60 words, ends with sentence punctuation, starts with a capital, a digit or an
    opening quote, has balanced quotation marks (it does not start or end inside a quote), and is not in title
    case (a headline or caption).

    Args:
        text: the sentence.

    Returns:
        True when it may be used.
    """
    words = _WORD.findall(text)
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not _END.search(text.rstrip()):
        return False
    first = text.lstrip(_QUOTE_CHARS + " ")[:1]
    if not first or first.islower() or not (first.isalnum() or first in _QUOTE_CHARS):
        return False
    if any(c in text for c in "|•") or "http" in text or "@" in text:
        return False
    straight = text.count('"')
    curly_open = text.count("“") + text.count("«") + text.count("„")
    curly_close = text.count("”") + text.count("»")
    if straight % 2 or (curly_open + curly_close and curly_open != curly_close):
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps <= MAX_CAPITALISED * len(words)


def ends_sentence(text: str) -> bool:
    """Tell whether a text ends like a sentence (end punctuation, maybe a closing quote or bracket)."""
    return bool(_END.search(text.rstrip()))


def word_count(text: str) -> int:
    """Number of words (letter runs) in a text."""
    return len(_WORD.findall(text))


def summary_size(n_articles: int) -> int:
    """How many sentences a story of ``n_articles`` articles gets: 3 to 10, growing with its square root."""
    return max(3, min(10, round(1.5 + 1.6 * math.sqrt(max(1, n_articles)))))


def rank_sentences(al: Alignment, outlet_of: dict[str, str]) -> list[Ranked]:
    """Score every eligible sentence by how many other outlets state it, plus its lead position.

    Args:
        al: the story's alignment.
        outlet_of: original article key -> outlet name (articles without one are their own outlet).

    Returns:
        Eligible sentences, best first.
    """
    originals = {u.origin for u in al.units}
    cols = [(k, a.key) for k, a in enumerate(al.articles) if a.key in originals and al.by_article.get(a.key)]
    cands = [i for i, u in enumerate(al.units) if is_summary_sentence(u.text)]
    if not cands:
        return []
    stated = al.stated_by()
    rows = al.overlap[cands]
    dice = 2.0 * rows / (al.weight[cands][:, None] + al.weight[None, :] + 1e-9)
    best_sim = np.stack([dice[:, al.by_article[key]].max(axis=1) for _, key in cols], axis=1)
    ranked: list[Ranked] = []
    for r, i in enumerate(cands):
        u = al.units[i]
        own = outlet_of.get(u.origin, u.origin)
        support: dict[str, float] = {}
        for c, (k, key) in enumerate(cols):
            outlet = outlet_of.get(key, key)
            if outlet == own:
                continue
            # Partial agreement counts a little: a paraphrase the strict test misses.
            s = 1.0 if stated[i, k] else 0.5 * float(best_sim[r, c])
            support[outlet] = max(support.get(outlet, 0.0), s)
        score = sum(support.values()) + LEAD_BONUS * (1.0 - u.position)
        first = _WORD.findall(u.text)[:1]
        if first and first[0].lower() in _DANGLING:
            score *= 0.5
        ranked.append(Ranked(i, score))
    ranked.sort(key=lambda r: (-r.score, r.unit))
    return ranked


def summarize(
    al: Alignment,
    outlet_of: dict[str, str],
    *,
    size: int | None = None,
) -> list[Cited]:
    """Choose the summary sentences of a story and cite each to every article that states it.

    Args:
        al: the story's alignment.
        outlet_of: original article key -> outlet name.
        size: number of sentences; default :func:`summary_size` of the number of originals.

    Returns:
        The summary sentences, ordered by first report date then importance; ``date`` is that first date.
    """
    ranked = rank_sentences(al, outlet_of)
    if not ranked:
        return []
    originals = {u.origin for u in al.units}
    want = size if size is not None else summary_size(len(originals))
    top = ranked[0].score or 1.0
    chosen: list[Ranked] = []
    pool = list(ranked)
    while pool and len(chosen) < want:
        best: tuple[float, Ranked] | None = None
        for cand in pool:
            redundancy = max((_redundancy(al, cand.unit, c.unit) for c in chosen), default=0.0)
            if redundancy >= 1.0:
                continue
            value = MMR_LAMBDA * cand.score / top - (1.0 - MMR_LAMBDA) * redundancy
            if best is None or value > best[0]:
                best = (value, cand)
        if best is None:
            break
        chosen.append(best[1])
        pool.remove(best[1])
    day_of = {a.key: a.day or "9999" for a in al.articles}
    out: list[tuple[str, float, Cited]] = []
    for r in chosen:
        cited = al.citing(r.unit)
        first = min((day_of.get(k, "9999") for k in cited), default="9999")
        date = None if first == "9999" else first
        out.append((first, -r.score, Cited(al.units[r.unit].text, tuple(cited), date)))
    out.sort(key=lambda t: (t[0], t[1]))
    return [c for _, _, c in out]


def _redundancy(al: Alignment, i: int, j: int) -> float:
    """1.0 when either sentence states the other; else their weighted similarity."""
    if al.units[i].article == al.units[j].article and al.units[i].index == al.units[j].index:
        return 1.0
    if al.states(i, j) or al.states(j, i):
        return 1.0
    return al.similarity(i, j)
