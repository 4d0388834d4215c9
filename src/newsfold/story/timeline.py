"""Timelines: dated events of a story, grouped across articles and cited, and the choice of the key dates.

Every sentence with a resolved date (see :mod:`newsfold.temporal`) is an event candidate; a date after "since"
("its first cut since September 2019") is none, as the date finding drops it (reason ``since``). Candidates on the same
date that share enough content words are one event: one entry with its best sentence and every article that
states it. Dates are ranked for :func:`select_dates` by how many articles mention them, how timely those mentions
are (reported within days of the date rather than recalled years later) and how central their events are, not by
how many articles were published that day.

For a story arc, :func:`rank_dates` scores every day of the collection's span and :func:`key_dates` picks the ``n``
best: how many distinct articles mention the day (absolute and resolved relative mentions, counted once per article,
timely reports above late recalls, boilerplate and off-topic lines discounted), the articles published on the day
and the next two (reports follow events), and a prior for the opening of the story (long crises are told from their
outbreak). Days no sentence dates still rank by volume, so ``n`` days can always be chosen inside the span.

Every entry says on what it rests (``basis``), so that no article is cited for a date it does not give:

- ``stated``: the cited articles date the event themselves, with an absolute date ("15 marzo 2011") or a relative
  one resolved against their own publish date ("ieri", "heute", "on Monday"): the sentence shown carries the date
  expression.
- ``published``: only in :func:`key_dates`, for a day chosen on its publication volume that no sentence dates. The
  entry is the lead of an article published that day, a sentence that reports the news of its own day (the news
  convention: a report without another date speaks of its publication day); a lead that dates itself to another day
  is never used, and the entry cites that one article only. Days with neither are not shown, even when that leaves
  fewer than ``n`` dates (filling them with days no article speaks of would cite articles for what they do not say).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from newsfold.models import Article
from newsfold.sentences import split_sentences
from newsfold.story.align import strip_dateline
from newsfold.story.corrections import split_notices
from newsfold.story.events import speaker
from newsfold.story.participants import ParticipantFinder
from newsfold.temporal import TimeMention, date_order, parse_published, precision_rank, scan_article
from newsfold.temporal_rules import LANGS
from newsfold.temporal_rules import rules as temporal_rules

# ``agree(a, b)``: whether sentence b states what sentence a claims (story_timeline).
Agree = Callable[[str, str], bool]

# Two sentences on the same date are one event when this share of the shorter one's content words is in the other
# (and at least SAME_EVENT_MIN_SHARED words). Swept 0.2-0.5 on the seeds and crisis-it; re-run eval timeline.
SAME_EVENT_OVERLAP = 0.3
SAME_EVENT_MIN_SHARED = 2
# A mention from an article published within this many days after the date reports the event; a later one
# recalls it and weighs RECALL_WEIGHT. Swept 1-14 days and 0.2-1.0 on crisis-it (eval timeline).
TIMELY_DAYS = 3
RECALL_WEIGHT = 0.3
# Week, month and year entries weigh less than days when dates are ranked: they say less.
PRECISION_WEIGHT = {"day": 1.0, "week": 0.6, "month": 0.4, "year": 0.2}
# A sentence found word for word in articles of this many different publish days is a template (an event ad, a
# footer), not reporting: it is left out.
TEMPLATE_DAYS = 3
# Each article published on the date or the day after adds this to the date's entries: news follows events.
# Swept 0-1 on crisis-it (eval timeline); 0.3-1.0 score the same there.
VOLUME_WEIGHT = 1.0
# Sentences shorter than this (in words) are datelines and captions, not events.
MIN_WORDS = 5
# ... and with fewer than this many words of four letters or more once its dates, weekday and month names are taken
# out (a time stamp: "PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM"; "The army set a calendar on Monday" is an event).
MIN_CONTENT_WORDS = 2
# Dates of the same day's other events add this share of their score to a date's rank (swept 0-0.3 on crisis-it).
OTHER_EVENTS_WEIGHT = 0.3
# A candidate is compared with at most this many members of a group (its best-reading ones) when it is grouped and
# when the group's central sentence is chosen: both are quadratic in a date's sentences, and a story's biggest
# dates have a few dozen (a 1 MB article that repeats one dated sentence 13,000 times took 8 minutes).
GROUP_COMPARE = 64

_WORD = re.compile(r"[^\W\d_]{4,}")
_WORDS = re.compile(r"[^\W\d_]+")
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
        basis: ``stated`` when the cited articles give the date themselves; ``published`` when the entry is the
            lead of the one article cited, published that day (see the module docstring).
    """

    date: str
    text: str
    articles: tuple[str, ...]
    score: float
    basis: str = "stated"


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


# An article's sentences in order, each with the dates found in it (see scan_dates_of).
Scanned = list[tuple[str, list[TimeMention]]]


def scan_dates_of(article: Article) -> Scanned:
    """Every sentence of the article with the dates it mentions (sentences without one are kept, for leads).

    "The next day" and its kin count from the day the article gave last (:func:`newsfold.temporal.scan_article`).
    """
    texts = [s.text for s in split_sentences(article.text, article.lang)]
    dates = scan_article(texts, published=parse_published(article.published), lang=article.lang)
    return list(zip(texts, dates, strict=True))


@cache
def _calendar_words(lang: str | None) -> frozenset[str]:
    """The weekday and month names (and abbreviations) of a language, lower case."""
    rules = temporal_rules(lang if lang in LANGS else "en")
    return frozenset(rules.weekday_of) | frozenset(rules.month_of)


def _candidates(article: Article, scanned: Scanned) -> list[_Candidate]:
    published = parse_published(article.published)
    calendar = _calendar_words(article.lang)
    out: list[_Candidate] = []
    seen: set[str] = set()
    for text, mentions in scanned:
        if len(text.split()) < MIN_WORDS or not mentions or text in seen:
            continue  # a sentence the article repeats dates its event once
        seen.add(text)
        values = {m.value: m.precision for m in mentions}
        words = _content_words(text, [(m.start, m.end) for m in mentions])
        if len(words - calendar) < MIN_CONTENT_WORDS:
            continue  # a time stamp or byline ("PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM"), not an event
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


def _group(cands: list[_Candidate], agree: Agree | None = None) -> list[list[_Candidate]]:
    """Greedy single-link grouping of one date's candidates, best-reading sentences first; with ``agree``, a
    candidate joins a group only where it does not contradict the group's first sentence (a plan and its delivery,
    a denial: :class:`newsfold.story.claims.Claims`)."""
    groups: list[list[_Candidate]] = []
    for cand in sorted(cands, key=lambda c: -c.quality):
        best, best_sim = None, SAME_EVENT_OVERLAP
        for group in groups:
            sim = max(_similar(cand.words, other.words) for other in group[:GROUP_COMPARE])
            if sim >= best_sim and (agree is None or agree(group[0].text, cand.text)):
                best, best_sim = group, sim
        if best is None:
            groups.append([cand])
        else:
            best.append(cand)
    return groups


# Articles that open a speaker phrase ("The ministry said"), in the eight languages' Latin scripts: not a name.
_ARTICLE = re.compile(r"the|an?|l[ae]s?|une?|el|los|las|il|lo|gli|der|die|das|eine?|os?|as", re.IGNORECASE)


@cache
def _finder() -> ParticipantFinder:
    return ParticipantFinder(None)


def _named_speaker(text: str) -> str | None:
    """The last word, case-folded, of the person or body an entry's sentence gives its words as ("Lavrov" in "Foreign
    Minister Sergei Lavrov announced that ..."); None when it names none. An entry cites only the articles that name
    them too: a report that the reply arrived does not state Lavrov's announcement that it would be sent."""
    who = speaker(text)
    if who is None:
        return None
    found = _finder().find(who, None)
    if found and all(p.key.startswith("state:") for p in found):
        return None  # a state or its ministry speaks: a party to the day's events
    names = [w for w in re.findall(r"[^\W\d_][\w'’-]*", who) if w[0].isupper() and not _ARTICLE.fullmatch(w)]
    return names[-1].casefold() if names else None


def _entry(group: list[_Candidate], bonus: float, agree: Agree | None = None) -> TimelineEntry:
    # centrality: how much of the group each sentence shares words with; the best sentence is central and reads well
    core = group[:GROUP_COMPARE]  # the best-reading members (_group adds them in that order)
    scale = (len(group) - 1) / max(1, len(core) - 1) if len(group) > len(core) else 1.0

    def centrality(c: _Candidate) -> float:
        return sum(_similar(c.words, o.words) for o in core if o is not c) * scale + 1.0

    best = max(group, key=lambda c: (centrality(c) * c.quality, -len(c.text)))
    keys: list[str] = []
    per_article: dict[str, float] = {}
    named = _named_speaker(best.text)
    for c in group:
        cites = c.key == best.key or (
            (named is None or named in _WORDS.findall(c.text.casefold()))
            and (agree is None or agree(best.text, c.text))
        )
        if c.key not in per_article and cites:
            keys.append(c.key)
        per_article[c.key] = max(per_article.get(c.key, 0.0), c.weight)  # every report of the day counts
    score = sum(per_article.values()) * PRECISION_WEIGHT.get(best.precision, 0.2) + bonus
    return TimelineEntry(best.date, strip_dateline(best.text), tuple(keys), round(score, 4))


def story_timeline(articles: Sequence[Article], agree: Agree | None = None) -> list[TimelineEntry]:
    """Build the timeline of one story: one entry per event and date, each citing every article that states it.

    Args:
        articles: the story's articles (cleaned text, ``published`` and ``lang`` as known).
        agree: ``agree(a, b)``: whether sentence b states sentence a's claim where their words say so (the fold
            passes the claim checks of its alignment); without it, sharing words is enough.

    Returns:
        Entries sorted by date (:func:`newsfold.temporal.date_order`: ``YYYY`` before ``YYYY-MM`` before
        ``YYYY-Www`` before ``YYYY-MM-DD`` starting the same day), the most important entry first within a date.
    """
    return _once(_timeline(articles, [scan_dates_of(a) for a in articles], agree))


def _once(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Show a sentence that dates two events once, under its most precise date.

    "On January 26, Washington presented its proposals, rejecting demands made last December" is the 26 January
    entry; under December 2021 it would only repeat itself. An entry under the less precise date stays when
    several articles make it (its group is more than that one sentence).
    """
    sharpest: dict[str, int] = {}
    for e in entries:
        sharpest[e.text] = max(sharpest.get(e.text, 0), precision_rank(e.date))
    return [e for e in entries if precision_rank(e.date) == sharpest[e.text] or len(e.articles) > 1]


def _timeline(
    articles: Sequence[Article], scans: Sequence[Scanned], agree: Agree | None = None
) -> list[TimelineEntry]:
    per_article = [(a, _candidates(a, sc)) for a, sc in zip(articles, scans, strict=True)]
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
    for date in sorted(by_date, key=date_order):
        bonus = 0.0
        if len(date) == 10:
            next_day = (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()
            bonus = VOLUME_WEIGHT * (volume.get(date, 0) + volume.get(next_day, 0))
        group_entries = [_entry(g, bonus, agree) for g in _group(by_date[date], agree)]
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
    return [best[d] for d in sorted(best, key=date_order)]


# --- Key dates of a story arc -------------------------------------------------------------------------------------
# Tuned on crisis-it (eval timeline) by coordinate ascent over a grid, once on egypt+syria and once on libya+yemen,
# each checked on the other pair; the values below sit where both runs agree (see the eval script in the report).
# Mentions dated more than ARC_BEFORE_DAYS before the first publish date or after the last are sidebars and
# history, not the story (swept 0-30: 0-7 best, 30 costs 0.02).
ARC_BEFORE_DAYS = 7
# A mention of a day more than ARC_FUTURE_DAYS after its article's publish date is a plan or a crawl-time sidebar
# (swept 0, 2, 7, 400; 400 costs 0.01-0.03).
ARC_FUTURE_DAYS = 2
# A mention within ARC_TIMELY_DAYS after the day reports it (weight 1); a later one recalls it (ARC_RECALL_WEIGHT).
# Swept 3/7 days and 0.5-1.0 under the evidence rule below: 0.8-0.9 best (mean F1 0.215 vs 0.198 at 0.5); coordinate
# ascent on each pair of topics picked 0.7-1.0 in four of six splits and it raised the held-out pair each time.
ARC_TIMELY_DAYS = 3
ARC_RECALL_WEIGHT = 0.8
# Lines with link, copyright or read-more markers weigh ARC_MARKED_WEIGHT (swept 0, 0.3, 1: flat); lines shorter
# than MIN_WORDS ARC_SHORT_WEIGHT; lines naming none of the collection's ARC_TOPIC_TERMS most widespread names
# ARC_OFF_TOPIC_WEIGHT (swept 5/10/20 and 0-1: 0.1 adds 0.01-0.04 on every topic but yemen).
ARC_MARKED_WEIGHT = 0.3
ARC_SHORT_WEIGHT = 0.5
ARC_TOPIC_TERMS = 10
ARC_OFF_TOPIC_WEIGHT = 0.1
# Articles published on the day, the next day and the day after count with these weights, the sum scaled to the
# busiest day and weighed ARC_VOLUME_WEIGHT against mentions (scaled to the most mentioned day). Swept (1), (1, 1),
# (1, 1, 0.5), (0, 1, 1) and 0-1.
ARC_VOLUME_DAYS = (1.0, 1.0, 0.5)
ARC_VOLUME_WEIGHT = 0.5
# Opening prior: a day's score is multiplied by 1 + ARC_OPENING_BOOST * exp(-t / (ARC_OPENING_SHARE * span)), t the
# days since the first article. Swept 0-4 and 0.05-0.4; without it the mean F1 drops from 0.29 to 0.24 (syria most).
ARC_OPENING_BOOST = 1.0
ARC_OPENING_SHARE = 0.2
# A day is a candidate only with evidence: a sentence that dates an event to it, or an article published on it
# (whose lead is then that day's entry). Filling the remaining slots with evidence-free days, earliest first, raised
# crisis-it yemen (210 reference dates in 405 days) from 0.35 to 0.59, but such an entry would cite an article for a
# date it never states, so fewer dates than asked are returned instead.
# Not used, measured: PageRank over the date-reference graph (article day -> mentioned day), burstiness against the
# surrounding four weeks, neighbouring days' mentions and a minimum gap between chosen days: all flat or worse.
# Also flat or worse on held-out topic pairs: the sentence's position in its article, how many topic names it has,
# the share of its article's lines that name the topic, one vote per article spread over the days it lists, summing
# an article's lines instead of its best, and a logistic model over all of these (held-out mean 0.18-0.19).

# Markers of boilerplate lines (links, copyright, "read more", bibliography) in en, it, de, fr, es, pt, ru, ar.
_MARKED = re.compile(
    r"©|https?://|www\.|\||»\s*$|…\s*$|\bisbn\b|\bpp?\.\s*\d|all rights reserved|read more|riproduzione riservata|"
    r"leggi (?:tutto|anche)|alle rechte vorbehalten|weiterlesen|tous droits réservés|lire la suite|"
    r"todos los derechos reservados|leer más|todos os direitos reservados|leia mais|все права защищены|"
    r"читать далее|جميع الحقوق محفوظة|اقرأ المزيد",
    re.IGNORECASE,
)
# A name: a capitalised word that does not open its sentence (caseless scripts such as Arabic have none, and then
# no line is off topic).
_NAME = re.compile(r"(?<=[^\s.!?:\"“«]\s)([^\W\d_][^\W\d_]{3,})")
_DIGITS = re.compile(r"\d+")


def _topic_terms(scans: Sequence[Scanned]) -> frozenset[str]:
    """The names found in the most articles: what the collection is about."""
    df: dict[str, int] = defaultdict(int)
    for scanned in scans:
        names = {w.lower() for text, _ in scanned for w in _NAME.findall(text) if w[0].isupper()}
        for w in names:
            df[w] += 1
    return frozenset(sorted(df, key=lambda w: (-df[w], w))[:ARC_TOPIC_TERMS])


def _shape(text: str) -> str:
    """A line with its numbers masked, first eight words: equal shapes across articles mark a template."""
    return " ".join(_DIGITS.sub("0", text.lower()).split()[:8])


def _mention_weights(
    article: Article,
    scanned: Scanned,
    window: tuple[dt.date, dt.date],
    templates: set[str],
    topic: frozenset[str],
) -> dict[dt.date, float]:
    """The weight of the article's vote for each day it mentions: its best line about the day."""
    published = parse_published(article.published)
    best: dict[dt.date, float] = {}
    for text, mentions in scanned:
        days = {m.value for m in mentions if m.precision == "day"}
        if not days or _shape(text) in templates:
            continue
        w = 1.0
        if _MARKED.search(text):
            w *= ARC_MARKED_WEIGHT
        if len(text.split()) < MIN_WORDS:
            w *= ARC_SHORT_WEIGHT
        if topic and not topic & {x.lower() for x in _WORD.findall(text)}:
            w *= ARC_OFF_TOPIC_WEIGHT
        for value in days:
            day = dt.date.fromisoformat(value)
            if not window[0] <= day <= window[1]:
                continue
            if published is None:
                vote = w * ARC_RECALL_WEIGHT
            else:
                lag = (published - day).days
                if lag < -ARC_FUTURE_DAYS:
                    continue
                vote = w * (1.0 if lag <= ARC_TIMELY_DAYS else ARC_RECALL_WEIGHT)
            best[day] = max(best.get(day, 0.0), vote)
    return best


def _rank(articles: Sequence[Article], scans: Sequence[Scanned]) -> dict[str, float]:
    published = [d for d in (parse_published(a.published) for a in articles) if d is not None]
    shape_keys: dict[str, set[str]] = defaultdict(set)
    for article, scanned in zip(articles, scans, strict=True):
        for text, mentions in scanned:
            if mentions:
                shape_keys[_shape(text)].add(article.key)
    templates = {shape for shape, keys in shape_keys.items() if len(keys) >= TEMPLATE_DAYS}
    topic = _topic_terms(scans)
    if published:
        first, last = min(published), max(published)
        window = (first - dt.timedelta(days=ARC_BEFORE_DAYS), last)
    else:  # no publish dates: absolute mentions only, anywhere
        first, last = dt.date.min, dt.date.max
        window = (first, last)
    votes: dict[dt.date, float] = defaultdict(float)
    for article, scanned in zip(articles, scans, strict=True):
        for day, vote in _mention_weights(article, scanned, window, templates, topic).items():
            votes[day] += vote
    volume: dict[dt.date, int] = defaultdict(int)
    for day in published:
        volume[day] += 1
    days = set(votes) | set(volume)
    if not days:
        return {}
    start = min(days)
    span = max((max(days) - start).days, 1)
    top_mentions = max(votes.values(), default=0.0) or 1.0
    top_volume = max(volume.values(), default=0) or 1
    scores: dict[str, float] = {}
    for day in days:
        vol = sum(w * volume.get(day + dt.timedelta(days=k), 0) for k, w in enumerate(ARC_VOLUME_DAYS))
        score = votes.get(day, 0.0) / top_mentions + ARC_VOLUME_WEIGHT * vol / top_volume
        score *= 1.0 + ARC_OPENING_BOOST * math.exp(-(day - start).days / (ARC_OPENING_SHARE * span))
        scores[day.isoformat()] = round(score, 6)
    return scores


def rank_dates(articles: Sequence[Article]) -> dict[str, float]:
    """Score every day of a collection's span as a candidate key date of its story arc.

    Args:
        articles: the arc's articles (``published`` and ``lang`` as known).

    Returns:
        Score per ``YYYY-MM-DD``: every day from the first to the last publish date and every day mentioned in
        the window around them (without publish dates: every day mentioned); higher is more important.
    """
    return _rank(articles, [scan_dates_of(a) for a in articles])


def _lead(scanned: Scanned, day: str) -> str | None:
    """An article's first line that reads as a sentence and dates nothing to another day than ``day``, if any."""
    for text, mentions in scanned:
        if len(text.split()) < MIN_WORDS or _MARKED.search(text) or not _END_PUNCT.search(text):
            continue
        if any(m.value != day for m in mentions if m.precision == "day"):
            continue  # the line speaks of another day: it is no report of its publication day
        return text
    return None


def key_dates(
    articles: Sequence[Article],
    n: int,
    *,
    on_article: Callable[[], None] | None = None,
    scan: Callable[[Article], Scanned] | None = None,
) -> list[TimelineEntry]:
    """Choose the ``n`` key dates of a story arc, each with its main event, sorted by date.

    See :func:`key_dates_with_timeline` for how days are chosen and what each entry rests on.

    Args:
        articles: the arc's articles.
        n: how many dates to choose.
        on_article: called after each article's dates are found (for a progress bar).
        scan: finds an article's dates (default :func:`scan_dates_of`; a caller may serve them from a cache).

    Returns:
        At most ``n`` entries, one per date, sorted by date; ``score`` is the date's rank score.
    """
    if n <= 0:
        return []
    return key_dates_with_timeline(articles, n, on_article=on_article, scan=scan)[0]


def key_dates_with_timeline(
    articles: Sequence[Article],
    n: int,
    *,
    on_article: Callable[[], None] | None = None,
    scan: Callable[[Article], Scanned] | None = None,
) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """Choose the ``n`` key dates of a story arc, each with its main event, sorted by date; and the whole timeline.

    A chosen day with dated events gives its most important entry (with every article citing it, basis
    ``stated``); a day chosen on publication volume alone gives the lead of the first article published on it whose
    lead reports its own day (basis ``published``, that article cited alone); a day with neither is left out.

    Args:
        articles: the arc's articles.
        n: how many dates to choose.
        on_article: called after each article's dates are found (the scan is most of the cost).
        scan: finds an article's dates (default :func:`scan_dates_of`).

    Returns:
        At most ``n`` entries, one per date, sorted by date (``score`` is the date's rank score); and every entry of
        the articles' timeline, as from :func:`story_timeline` (one scan of the articles serves both).
    """
    if not articles:
        return [], []
    articles, _ = split_notices(articles)  # a correction notice dates the error it corrects, not an event
    scans = []
    for a in articles:
        scans.append((scan or scan_dates_of)(a))
        if on_article is not None:
            on_article()
    scores = _rank(articles, scans)
    chosen = sorted(scores, key=lambda d: (-scores[d], d))[:n]
    entries = _timeline(articles, scans)
    if n <= 0:
        return [], entries
    best: dict[str, TimelineEntry] = {}
    for e in entries:
        if e.date in scores and (e.date not in best or e.score > best[e.date].score):
            best[e.date] = e
    dated = sorted((a.day, i) for i, a in enumerate(articles) if a.day)
    out: list[TimelineEntry] = []
    for date in sorted(chosen):
        entry = best.get(date)
        if entry is not None:
            out.append(TimelineEntry(date, entry.text, entry.articles, scores[date]))
            continue
        at = bisect.bisect_left(dated, (date, -1))
        while at < len(dated) and dated[at][0] == date:
            i = dated[at][1]
            lead = _lead(scans[i], date)
            if lead is not None:
                out.append(TimelineEntry(date, lead, (articles[i].key,), scores[date], "published"))
                break
            at += 1
        # else: no article states anything about this day: it is not shown
    return out, entries
