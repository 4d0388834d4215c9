"""Timelines: dated events of a story, grouped across articles and cited, and the choice of the key dates.

Every sentence with a resolved date (see :mod:`newsfold.temporal`) is an event candidate. Candidates on the same
date that share enough content words are one event: one entry with its best sentence and every article that
states it. Dates are ranked for :func:`select_dates` by how many articles mention them, how timely those mentions
are (reported within days of the date rather than recalled years later) and how central their events are, not by
how many articles were published that day.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsfold.models import Article
from newsfold.sentences import split_sentences
from newsfold.temporal import find_dates, parse_published

# Two sentences on the same date are one event when this share of the shorter one's content words is in the other
# (and at least SAME_EVENT_MIN_SHARED words). Swept 0.2-0.5 on the seeds and crisis-it; re-run eval timeline.
SAME_EVENT_OVERLAP = 0.3
SAME_EVENT_MIN_SHARED = 2
# A mention from an article published within this many days after the date reports the event; a later one
# recalls it and weighs RECALL_WEIGHT. Swept 1-14 days and 0.2-1.0 on crisis-it (eval timeline).
TIMELY_DAYS = 3
RECALL_WEIGHT = 0.3
# Month and year entries weigh less than days when dates are ranked: they say less.
PRECISION_WEIGHT = {"day": 1.0, "month": 0.4, "year": 0.2}
# A sentence found word for word in articles of this many different publish days is a template (an event ad, a
# footer), not reporting: it is left out.
TEMPLATE_DAYS = 3
# Each article published on the date or the day after adds this to the date's entries: news follows events.
# Swept 0-1 on crisis-it (eval timeline); 0.3-1.0 score the same there.
VOLUME_WEIGHT = 1.0
# Sentences shorter than this (in words) are datelines and captions, not events.
MIN_WORDS = 5
# Dates of the same day's other events add this share of their score to a date's rank (swept 0-0.3 on crisis-it).
OTHER_EVENTS_WEIGHT = 0.3

_WORD = re.compile(r"[^\W\d_]{4,}")
_QUOTE_START = re.compile(r"^[\"“”«»„'‘’]")
_END_PUNCT = re.compile(r"[.!?…]['\"”’»)]*$")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event of a story.

    Attributes:
        date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
        text: the sentence that best states the event.
        articles: keys of every article that states it, in first-mention order.
        score: the event's importance (timely mentions by distinct articles, centrality); higher is more important.
    """

    date: str
    text: str
    articles: tuple[str, ...]
    score: float


@dataclass(frozen=True, slots=True)
class _Candidate:
    date: str
    precision: str
    text: str
    key: str
    words: frozenset[str]
    weight: float
    quality: float


def _content_words(sentence: str, spans: Sequence[tuple[int, int]]) -> frozenset[str]:
    """Lower-cased words of four letters or more, the date expressions themselves taken out."""
    kept = sentence
    for start, end in sorted(spans, reverse=True):
        kept = kept[:start] + " " + kept[end:]
    return frozenset(w.lower() for w in _WORD.findall(kept))


def _quality(sentence: str, n_dates: int) -> float:
    """How well a sentence reads alone: complete, not a quote fragment, not a list of dates."""
    words = len(sentence.split())
    q = 1.0
    if _QUOTE_START.match(sentence) or sentence[:1].islower():
        q *= 0.6  # a quote or the tail of one
    if not _END_PUNCT.search(sentence):
        q *= 0.7  # a heading or a cut sentence
    if sentence.endswith("?"):
        q *= 0.7
    if words > 45:
        q *= 45 / words
    if words < 8:
        q *= 0.7
    return q / math.sqrt(n_dates)


def _timeliness(date: str, precision: str, published: dt.date | None) -> float:
    if published is None or precision != "day":
        return RECALL_WEIGHT if published is not None else 1.0
    lag = (published - dt.date.fromisoformat(date)).days
    return 1.0 if -1 <= lag <= TIMELY_DAYS else RECALL_WEIGHT


def _candidates(article: Article) -> list[_Candidate]:
    published = parse_published(article.published)
    out: list[_Candidate] = []
    for sentence in split_sentences(article.text, article.lang):
        text = sentence.text
        if len(text.split()) < MIN_WORDS:
            continue
        mentions = find_dates(text, published=published, lang=article.lang)
        if not mentions:
            continue
        values = {m.value: m.precision for m in mentions}
        words = _content_words(text, [(m.start, m.end) for m in mentions])
        quality = _quality(text, len(values))
        for value, precision in values.items():
            weight = _timeliness(value, precision, published) / len(values)
            out.append(_Candidate(value, precision, text, article.key, words, weight, quality))
    return out


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    if shared < SAME_EVENT_MIN_SHARED:
        return 0.0
    return shared / min(len(a), len(b))


def _group(cands: list[_Candidate]) -> list[list[_Candidate]]:
    """Greedy single-link grouping of one date's candidates, best-reading sentences first."""
    groups: list[list[_Candidate]] = []
    for cand in sorted(cands, key=lambda c: -c.quality):
        best, best_sim = None, SAME_EVENT_OVERLAP
        for group in groups:
            sim = max(_similar(cand.words, other.words) for other in group)
            if sim >= best_sim:
                best, best_sim = group, sim
        if best is None:
            groups.append([cand])
        else:
            best.append(cand)
    return groups


def _entry(group: list[_Candidate], bonus: float) -> TimelineEntry:
    # centrality: how much of the group each sentence shares words with; the best sentence is central and reads well
    def centrality(c: _Candidate) -> float:
        return sum(_similar(c.words, o.words) for o in group if o is not c) + 1.0

    best = max(group, key=lambda c: (centrality(c) * c.quality, -len(c.text)))
    keys: list[str] = []
    per_article: dict[str, float] = {}
    for c in group:
        if c.key not in per_article:
            keys.append(c.key)
        per_article[c.key] = max(per_article.get(c.key, 0.0), c.weight)
    score = sum(per_article.values()) * PRECISION_WEIGHT.get(best.precision, 0.2) + bonus
    return TimelineEntry(best.date, best.text, tuple(keys), round(score, 4))


def story_timeline(articles: Sequence[Article]) -> list[TimelineEntry]:
    """Build the timeline of one story: one entry per event and date, each citing every article that states it.

    Args:
        articles: the story's articles (cleaned text, ``published`` and ``lang`` as known).

    Returns:
        Entries sorted by date (``YYYY`` before ``YYYY-MM`` before ``YYYY-MM-DD`` of the same period), the most
        important entry first within a date.
    """
    per_article = [(a, _candidates(a)) for a in articles]
    days_of_text: dict[str, set[str | None]] = defaultdict(set)
    for article, cands in per_article:
        for cand in cands:
            days_of_text[cand.text].add(article.day)
    volume: dict[str, int] = defaultdict(int)
    for article in articles:
        if article.day:
            volume[article.day] += 1
    by_date: dict[str, list[_Candidate]] = defaultdict(list)
    for _article, cands in per_article:
        for cand in cands:
            if len(days_of_text[cand.text]) < TEMPLATE_DAYS:
                by_date[cand.date].append(cand)
    entries: list[TimelineEntry] = []
    for date in sorted(by_date):
        bonus = 0.0
        if len(date) == 10:
            next_day = (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()
            bonus = VOLUME_WEIGHT * (volume.get(date, 0) + volume.get(next_day, 0))
        group_entries = [_entry(g, bonus) for g in _group(by_date[date])]
        entries.extend(sorted(group_entries, key=lambda e: (-e.score, e.text)))
    return entries


def date_scores(entries: Sequence[TimelineEntry]) -> dict[str, float]:
    """Rank dates: the date's main event plus a share of its other events.

    Args:
        entries: timeline entries, as from :func:`story_timeline`.

    Returns:
        Score per date; higher is more important.
    """
    per_date: dict[str, list[float]] = defaultdict(list)
    for e in entries:
        per_date[e.date].append(e.score)
    return {
        date: max(scores) + OTHER_EVENTS_WEIGHT * (sum(scores) - max(scores))
        for date, scores in per_date.items()
    }


def select_dates(entries: Sequence[TimelineEntry], n: int) -> list[TimelineEntry]:
    """Choose the ``n`` most important dates and give each date's main entry, sorted by date.

    Args:
        entries: timeline entries, as from :func:`story_timeline` (possibly of several stories).
        n: how many dates to keep.

    Returns:
        At most ``n`` entries, one per date (its highest-scoring one), sorted by date.
    """
    if n <= 0:
        return []
    scores = date_scores(entries)
    chosen = set(sorted(scores, key=lambda d: (-scores[d], d))[:n])
    best: dict[str, TimelineEntry] = {}
    for e in entries:
        if e.date in chosen and (e.date not in best or e.score > best[e.date].score):
            best[e.date] = e
    return [best[d] for d in sorted(best)]
