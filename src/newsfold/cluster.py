"""Online story clustering: each article joins the best hot story or starts a new one, as it arrives.

How an article is placed (see :class:`StoryIndex`):

1. :func:`featurize` turns an article into a :class:`ClusterDoc`: counts of content words (title and text),
   of the title's words, of capitalised names (spans and their words, captions included) and of numbers and
   years mentioned. It is pure, so the pipeline can run it in parallel and the store can keep it as a BLOB.
2. Document frequencies are counted online, as articles arrive (never fitted on a corpus first); the article
   becomes one TF-IDF sub-vector per field (body, title, names, numbers), each of unit length.
3. Candidate stories come from an inverted index over weighted words and names (postings capped, newest
   first), so placing costs the same whatever the number of stored articles. Only ``hot_stories`` stories
   stay in memory; the store persists each changed story's state and can :meth:`StoryIndex.restore` it.
4. For each candidate, the per-field cosines to the story's centroids (and a year-conflict signal) are
   combined by a logistic model whose weights were fitted on the ECB+ dev topics (see ``WEIGHTS``); the
   article joins the most probable story if that probability passes the threshold, else starts a story.
   Where publish dates are known, stories older than ``cluster_window_days`` are not joined and the gap
   lowers the score.
5. When the article fits a second story almost as well as the first, and the two stories' centroids agree,
   the younger story is merged into the older one (the old id then redirects: :meth:`StoryIndex.resolve`).
6. Each story keeps summaries of its recent members. The joined story is checked for two member groups that
   do not report the same story (an early wrong join); the smaller group is split off and its earlier
   articles are reported as ``Placement.moved``. The two most probable candidates are merged with the
   story when their members are, on average, alike. Both checks touch only this article's stories and at
   most ``MEMBER_CAP`` members each, so placing stays independent of corpus size.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import json
import math
import operator
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from newsfold.models import Article, Placement
from newsfold.settings import Settings
from newsfold.textnorm import HEAD_CHARS, NAME_CONNECTORS, month_years, name_spans, numbers, stopwords, tokens

# --- featurize limits (keep ClusterDoc small and placing fast)
MAX_TERMS = 120  # most frequent content words kept per article
MAX_NAMES = 40
MAX_NUMS = 20
ABSURD_YEAR_MIN = 1990  # an earlier publish year is treated as unknown (and flagged by the cleaner)

# --- vector and index sizes
VEC_TERMS = 60  # body terms kept in an article's vector (by TF-IDF weight)
CENTROID_CAP = 400  # a story centroid is trimmed to its heaviest terms when it grows past 2x this
IDF_PRIOR = 20.0  # pseudo-documents added to N in the idf: damps the noisy idf of the first few articles
QUERY_TERMS = 12  # an article's heaviest body terms used to look up candidate stories
QUERY_NAMES = 6
INDEX_TERMS = 8  # terms of each joining article added to its story's postings
POSTING_CAP = 64  # stories kept per posting (newest); older ones drop out of candidate lookup
CANDIDATES = 6  # stories scored in full per article
IDF_REFRESH = 0.02  # cached idf values are refreshed when the corpus has grown by this share (swept 0-0.1)
DF_CAP = 2_000_000  # distinct features counted before words seen once are dropped

# --- the decision: logistic model over per-field similarities
# Features (see ``features``): bias, body cosine, title cosine, names cosine, numbers cosine, year conflict,
# body x names, share of the article's principal names missing from the story.
# Fitted with newsfold.evaluate.clustering.fit_weights on the 772 ECB+ dev articles (gold stories replayed in
# file order, each article against its gold story and the 5 most similar others). Weights fitted on one half
# of the topics and scored on the other half give the same F1 within 0.01 (see the report in BENCHMARKS.md);
# re-tune by running fit_weights on new gold and pasting its output here.
WEIGHTS = (-1.43, 1.85, 1.46, 2.45, 2.59, -1.22, 1.11, -1.34, -0.03, 2.21, -2.24)
DATE_GAP_CAP = 24  # months: the date-gap feature saturates here
STORY_TOP_NAMES = 3  # a story's principal names: their share missing from an article is a feature
TOP_NAMES = 3  # an article's principal names: their share missing from a story is a feature
THRESHOLD = 0.3  # join probability; swept 0.05-0.7 on ECB+ dev halves (settings.cluster_threshold overrides)
# A runner-up story within MERGE_MARGIN of the best probability (and above the threshold) is merged into it
# when the two stories' body centroids have a cosine >= MERGE_CENTROID (swept 0-0.3 / 0.3-0.5 on half A).
MERGE_MARGIN = 0.3
MERGE_CENTROID = 0.7
GAP_PENALTY = 2.0  # logit subtracted per cluster_window_days of publish-date gap

# --- story members, and splitting a story whose members form two groups
# Each story keeps a short summary of its most recent members (their heaviest terms, names and numbers, their
# content date and years). An article-to-article logistic model (``PAIR_WEIGHTS``, over ``pair_features``:
# bias, body, names, numbers and title cosines, content dates within a month, content dates further apart,
# years mentioned and none shared) gives the probability that two members report the same story; it was
# fitted as newsfold.evaluate.clustering.fit_pair_weights does, on the ECB+ dev articles (pairs within each half
# of the topics; all pairs give -1.98, 2.26, 4.04, 3.19, 2.49, 2.56, 0.62, -1.18). When a story's members
# split into two groups whose cross-group probability is low, the smaller group leaves as a story of its own
# (``Placement.moved``); candidate stories whose members are alike merge (average linkage, ``MERGE_LINK``).
PAIR_WEIGHTS = (-1.49, 2.36, 4.48, 2.33, 3.25, 2.42, 0.8, -1.23)
MEMBER_CAP = 24  # recent members kept per story (bounds the split check: at most MEMBER_CAP^2 / 2 pairs)
MEMBER_TERMS, MEMBER_NAMES, MEMBER_NUMS = 20, 10, 8  # per-member vector sizes
SPLIT_MIN = 4  # a story is checked for a split once it has this many members
SPLIT_EVERY_FROM, SPLIT_EVERY = 8, 3  # past 8 members, a story is checked on every 3rd join only (cost)
SPLIT_GROUP = 2  # the smallest group split off
SPLIT_CROSS = 0.6  # split when the mean cross-group pair probability is below this (swept 0.3-0.75)
# Two candidate stories merge when the mean pair probability of their recent members reaches MERGE_LINK (swept
# 0.5-0.8) and MERGE_REL (swept 0.75-0.9) of the lower of the two stories' own mean. All swept on ECB+ dev,
# checked on both halves of its topics; re-tune with the end-to-end `newsfold eval clustering --shuffle N`.
MERGE_LINK = 0.55
MERGE_REL = 0.85
LINK_WITHIN = 0.85  # a one-member story's own mean pair probability (the dev stories' median)
LINK_CANDIDATES = 2  # the most probable candidate stories checked for a merge
LINK_MEMBERS = 6  # recent members of each story compared for a merge
LINK_MIN_PROB = 0.05  # candidate stories below this join probability are not checked for a merge


@dataclass(frozen=True, slots=True)
class ClusterDoc:
    """Everything the clusterer needs about one article (the pure output of :func:`featurize`).

    Attributes:
        key: the article key.
        day: the publish day; None when unknown or absurd (before 1990 or more than a year ahead).
        terms: content-word counts over title and text, most frequent first.
        title: the title's content words.
        names: counts of capitalised-name spans and their words (captions included).
        nums: counts of numbers and years mentioned (``"y2005"`` for a year).
    """

    key: str
    day: dt.date | None
    terms: tuple[tuple[str, int], ...] = ()
    title: tuple[str, ...] = ()
    names: tuple[tuple[str, int], ...] = ()
    nums: tuple[tuple[str, int], ...] = ()
    cdate: tuple[int, int] | None = None

    def to_bytes(self) -> bytes:
        """Serialise as compact JSON (UTF-8), for a SQLite BLOB."""
        data = {
            "k": self.key,
            "d": self.day.isoformat() if self.day else None,
            "t": [list(p) for p in self.terms],
            "h": list(self.title),
            "n": [list(p) for p in self.names],
            "u": [list(p) for p in self.nums],
            "c": list(self.cdate) if self.cdate else None,
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> ClusterDoc:
        """Rebuild a ClusterDoc written by :meth:`to_bytes`."""
        raw = json.loads(data.decode("utf-8"))
        day = dt.date.fromisoformat(raw["d"]) if raw["d"] else None
        return cls(
            key=raw["k"],
            day=day,
            terms=tuple((t, int(c)) for t, c in raw["t"]),
            title=tuple(raw["h"]),
            names=tuple((t, int(c)) for t, c in raw["n"]),
            nums=tuple((t, int(c)) for t, c in raw["u"]),
            cdate=(int(raw["c"][0]), int(raw["c"][1])) if raw.get("c") else None,
        )


def parse_day(published: str | None, today: dt.date | None = None) -> dt.date | None:
    """The publish day of an ISO 8601 date or datetime, or None when missing, malformed or absurd.

    Args:
        published: ``YYYY-MM-DD`` or a datetime string starting with it.
        today: the reference day for "more than a year ahead" (default: today).

    Returns:
        The day, or None for a year before 1990 or a day more than a year after ``today``.
    """
    if not published or len(published) < 10:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    limit = (today or dt.date.today()) + dt.timedelta(days=366)
    if day.year < ABSURD_YEAR_MIN or day > limit:
        return None
    return day


def featurize(article: Article, settings: Settings) -> ClusterDoc:
    """Turn an article into the features the clusterer uses. Pure: same article, same ClusterDoc.

    Args:
        article: a cleaned article (title, text, lang, published and removed captions are read).
        settings: newsfold settings (unused for now; kept so features can be configured).

    Returns:
        The article's ClusterDoc.
    """
    del settings
    lang = article.lang
    title = article.title or ""
    text = article.text or ""
    body = text if text.startswith(title) else f"{title}\n{text}"
    title_terms = tokens(title, lang)
    term_counts = Counter(tokens(body, lang))
    captions = "\n".join(r.text for r in article.removed if r.kind == "caption")
    name_counts: Counter[str] = Counter()
    stop = stopwords(lang) | NAME_CONNECTORS
    for span in name_spans(f"{body}\n{captions}" if captions else body, lang):
        name_counts[span] += 1
        if " " in span:
            # Each word of a multi-word name counts too ("Lavrov" meets "Sergey Lavrov"), connectors aside.
            name_counts.update(w for w in span.split() if w not in stop and len(w) > 2)
    num_counts = Counter(numbers(body))
    head = month_years(body[:HEAD_CHARS])
    return ClusterDoc(
        key=article.key,
        day=parse_day(article.published),
        terms=tuple(term_counts.most_common(MAX_TERMS)),
        title=tuple(dict.fromkeys(title_terms)),
        names=tuple(name_counts.most_common(MAX_NAMES)),
        nums=tuple(num_counts.most_common(MAX_NUMS)),
        cdate=head[0] if head else None,
    )


def story_id_for(key: str) -> str:
    """The id of a story started by the article ``key``: 12 hex digits of its SHA-1."""
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


Vec = dict[str, float]
FIELDS = ("body", "title", "names", "nums")
_DF_PREFIX = {"body": "", "title": "", "names": "@", "nums": "#"}


_mul = operator.mul
_second = itemgetter(1)


def _tf(counts: tuple[tuple[str, int], ...]) -> list[float]:
    """Sublinear term frequencies ``1 + log(count)`` of ``(term, count)`` pairs."""
    return [1.0 + _LOG[c] if c < len(_LOG) else 1.0 + math.log(c) for _, c in counts]


_LOG = [0.0] + [math.log(c) for c in range(1, 64)]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _unit(weights: Vec) -> Vec:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm > 0 else {}


def _dot(a: Vec, b: Vec) -> float:
    # The key intersection runs in C; only the shared terms are multiplied in Python.
    return sum([a[t] * b[t] for t in a.keys() & b.keys()])


@dataclass(slots=True)
class _Centroid:
    """Sum of the unit vectors of a story's articles in one field, with its squared norm kept exact."""

    vec: Vec = field(default_factory=dict)
    norm2: float = 0.0

    def cos(self, v: Vec) -> float:
        return _dot(v, self.vec) / math.sqrt(self.norm2) if self.norm2 > 1e-12 and v else 0.0

    def add(self, v: Vec) -> None:
        vec = self.vec
        self.norm2 += 2.0 * _dot(v, vec) + sum(w * w for w in v.values())
        for t, w in v.items():
            vec[t] = vec.get(t, 0.0) + w
        if len(vec) > 2 * CENTROID_CAP:
            self.vec = dict(sorted(vec.items(), key=lambda kv: -kv[1])[:CENTROID_CAP])
            self.norm2 = sum(w * w for w in self.vec.values())

    def merge(self, other: _Centroid) -> None:
        self.add(other.vec)

    def subtract(self, v: Vec) -> None:
        vec = self.vec
        for t, w in v.items():
            left = vec.get(t, 0.0) - w
            if left > 1e-6:
                vec[t] = left
            else:
                vec.pop(t, None)
        self.norm2 = sum(w * w for w in vec.values())


def _trim(vec: Vec, n: int) -> Vec:
    """The ``n`` heaviest entries of a vector, at unit length (weights rounded for compact state)."""
    top = heapq.nlargest(n, vec.items(), key=_second) if len(vec) > n else list(vec.items())
    norm = math.sqrt(sum(w * w for _, w in top))
    return {t: round(w / norm, 4) for t, w in top} if norm > 0 else {}


@dataclass(slots=True)
class _Member:
    """A short summary of one member article: enough to tell whether two members report the same story."""

    key: str
    seq: int  # arrival number (``StoryIndex.n_docs`` when it was placed)
    body: Vec
    title: Vec
    names: Vec
    nums: Vec
    cdate: tuple[int, int] | None
    years: frozenset[int]
    day: dt.date | None

    def to_json(self) -> list[Any]:
        cdate = list(self.cdate) if self.cdate else None
        day = self.day.isoformat() if self.day else None
        vecs = [self.body, self.title, self.names, self.nums]
        return [self.key, self.seq, vecs, cdate, sorted(self.years), day]

    @classmethod
    def from_json(cls, raw: list[Any]) -> _Member:
        key, seq, vecs, cdate, years, day = raw
        body, title, names, nums = ({str(t): float(w) for t, w in v.items()} for v in vecs)
        return cls(
            key=str(key),
            seq=int(seq),
            body=body,
            title=title,
            names=names,
            nums=nums,
            cdate=(int(cdate[0]), int(cdate[1])) if cdate else None,
            years=frozenset(int(y) for y in years),
            day=dt.date.fromisoformat(day) if day else None,
        )


def pair_features(a: _Member, b: _Member) -> tuple[float, ...]:
    """The features of two member articles, in the order of ``PAIR_WEIGHTS`` (bias first)."""
    near = far = 0.0
    if a.cdate and b.cdate:
        near = 1.0 if month_gap(a.cdate, b.cdate) <= 1 else 0.0
        far = 1.0 - near
    no_year = 1.0 if a.years and b.years and not a.years & b.years else 0.0
    return (
        1.0,
        _dot(a.body, b.body),
        _dot(a.names, b.names),
        _dot(a.nums, b.nums),
        _dot(a.title, b.title),
        near,
        far,
        no_year,
    )


def pair_prob(a: _Member, b: _Member, weights: tuple[float, ...] = PAIR_WEIGHTS) -> float:
    """The probability that two member articles report the same story."""
    return _sigmoid(sum(w * f for w, f in zip(weights, pair_features(a, b), strict=True)))


@dataclass(slots=True)
class _Story:
    sid: str
    size: int = 0
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    fields: dict[str, _Centroid] = field(default_factory=lambda: {f: _Centroid() for f in FIELDS})
    years: Counter[int] = field(default_factory=Counter)
    indexed: set[str] = field(default_factory=set)
    cdates: Counter[tuple[int, int]] = field(default_factory=Counter)
    top_names: tuple[tuple[str, float], ...] = ()  # the heaviest names of the centroid, weights summing to 1
    members: list[_Member] = field(default_factory=list)  # the most recent members, oldest first
    probs: dict[tuple[int, int], float] = field(default_factory=dict)  # pair probabilities by seq (not saved)

    def refresh_top(self, changed: Vec | None = None) -> None:
        """Recompute the story's principal names after its names centroid changed.

        Args:
            changed: the names just added; centroid weights only grow on an add, so the new principal names
                are among the old ones and these (None: search the whole centroid, after a merge or restore).
        """
        vec = self.fields["names"].vec
        if changed is None:
            pool: list[str] = list(vec)
        else:
            pool = [t for t, _ in self.top_names]
            pool.extend(t for t in changed if t in vec)
        top = heapq.nlargest(
            STORY_TOP_NAMES, {t: vec.get(t, 0.0) for t in pool}.items(), key=lambda kv: kv[1]
        )
        total = sum(w for _, w in top)
        self.top_names = tuple((t, w / total) for t, w in top) if total > 0 else ()

    def to_json(self) -> dict[str, Any]:
        return {
            "v": 1,
            "size": self.size,
            "first": self.first_day.isoformat() if self.first_day else None,
            "last": self.last_day.isoformat() if self.last_day else None,
            "fields": {f: [c.vec, c.norm2] for f, c in self.fields.items()},
            "years": {str(y): n for y, n in self.years.items()},
            "indexed": sorted(self.indexed),
            "cdates": [[y, m, n] for (y, m), n in self.cdates.items()],
            "members": [m.to_json() for m in self.members],
        }

    @classmethod
    def from_json(cls, sid: str, raw: dict[str, Any]) -> _Story:
        story = cls(sid=sid, size=int(raw["size"]))
        story.first_day = dt.date.fromisoformat(raw["first"]) if raw["first"] else None
        story.last_day = dt.date.fromisoformat(raw["last"]) if raw["last"] else None
        for f, (vec, norm2) in raw["fields"].items():
            story.fields[f] = _Centroid({t: float(w) for t, w in vec.items()}, float(norm2))
        story.years = Counter({int(y): int(n) for y, n in raw["years"].items()})
        story.indexed = set(raw["indexed"])
        story.cdates = Counter({(int(y), int(m)): int(n) for y, m, n in raw.get("cdates", ())})
        story.members = [_Member.from_json(m) for m in raw.get("members", ())]
        story.refresh_top()
        return story


@dataclass(slots=True)
class _DocVecs:
    body: Vec
    title: Vec
    names: Vec
    nums: Vec
    years: frozenset[int]
    top_names: tuple[tuple[str, float], ...]  # the heaviest names, weights summing to 1
    cdate: tuple[int, int] | None = None


def month_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Months between two ``(year, month)`` dates; month 0 (unknown) counts as the nearest month of its year."""
    if a[1] and b[1]:
        return abs((a[0] * 12 + a[1]) - (b[0] * 12 + b[1]))
    return max(0, 12 * abs(a[0] - b[0]) - 11)


def features(doc: _DocVecs, story: _Story) -> tuple[float, ...]:
    """The similarity features of an article against a story, in the order of ``WEIGHTS`` (bias first)."""
    f = story.fields
    body = f["body"].cos(doc.body)
    names = f["names"].cos(doc.names)
    conflict = 0.0
    if doc.years and story.years:
        # The share of the story's year mentions that are not years the article mentions.
        yrs = story.years
        total = sum(yrs.values())
        conflict = 1.0 - sum(yrs[y] for y in doc.years if y in yrs) / total
    story_names = f["names"].vec
    missing = sum(w for t, w in doc.top_names if t not in story_names)
    title = f["title"].cos(doc.title)
    dgap, dmatch = 0.0, 0.0
    if doc.cdate and story.cdates:
        # Shares of the story's dated articles, not the nearest one: one stray member must not open the story
        # to every date.
        total = near = 0
        gaps = 0.0
        for d, n in story.cdates.items():
            gap = month_gap(doc.cdate, d)
            total += n
            near += n if gap <= 1 else 0
            gaps += n * min(gap, DATE_GAP_CAP)
        dgap = gaps / total / DATE_GAP_CAP
        dmatch = near / total
    nums = f["nums"].cos(doc.nums)
    doc_names = doc.names
    absent = sum(w for t, w in story.top_names if t not in doc_names) if doc_names else 0.0
    return (1.0, body, title, names, nums, conflict, body * names, missing, dgap, dmatch, absent)


class StoryIndex:
    """The online clusterer: hot stories in memory, an inverted index to find candidates, online DF counts.

    Args:
        settings: ``cluster_threshold`` (0 = the tuned ``THRESHOLD``), ``cluster_window_days`` and
            ``hot_stories`` are read.
        weights: the logistic model's weights (default ``WEIGHTS``); for tuning only.
    """

    def __init__(
        self,
        settings: Settings,
        weights: tuple[float, ...] = WEIGHTS,
        pair_weights: tuple[float, ...] = PAIR_WEIGHTS,
    ) -> None:
        self.threshold = settings.cluster_threshold or THRESHOLD
        self.window = settings.cluster_window_days
        self.hot = settings.hot_stories
        self.weights = weights
        self.pair_weights = pair_weights
        self.n_docs = 0
        self._df: Counter[str] = Counter()
        self._idf_cache: dict[str, float] = {}
        self._idf_refresh_at = 0
        self._stories: dict[str, _Story] = {}  # ordered by last update, oldest first
        self._redirect: dict[str, str] = {}
        self._postings: dict[str, list[str]] = {}
        self._dirty: set[str] = set()

    # --- the narrow interface
    def place(self, doc: ClusterDoc) -> Placement:
        """Put one article into the best hot story, or start a new story with it.

        Args:
            doc: the article's features.

        Returns:
            The story it joined or started, and any merges this article caused.
        """
        self._count(doc)
        vecs = self.vectors(doc)
        scored = self._score_candidates(doc, vecs)
        merged: tuple[tuple[str, str], ...] = ()
        if scored and scored[0][0] >= self.threshold:
            story = scored[0][1]
            merged = self._maybe_merge(story, scored)
            story = self._stories[self._resolve_hot(story.sid)]
            is_new = False
        else:
            story = _Story(sid=self._new_id(doc.key))
            is_new = True
        self._add(story, doc, vecs)
        moved: tuple[tuple[str, str], ...] = ()
        sid = story.sid
        n = len(story.members)
        if n >= SPLIT_MIN and (n <= SPLIT_EVERY_FROM or story.size % SPLIT_EVERY == 0):
            moved, sid = self._maybe_split(story, doc.key)
        link_merged = self._link_merge(self._stories[sid], scored)
        if link_merged:
            merged += link_merged
            sid = self.resolve(sid)
            moved = tuple((k, self.resolve(t)) for k, t in moved)
        return Placement(story_id=sid, is_new=is_new, merged=merged, moved=moved)

    def dirty(self) -> set[str]:
        """Ids of the stories whose state changed since :meth:`clear_dirty` (merged-away ids excluded)."""
        return {s for s in self._dirty if s in self._stories}

    def clear_dirty(self) -> None:
        """Forget which stories changed (after the store has persisted them)."""
        self._dirty.clear()

    def story_state(self, story_id: str) -> bytes:
        """The state of a hot story, for the store to persist.

        Args:
            story_id: a story id (a merged-away id is followed to its survivor).

        Returns:
            Compact JSON bytes that :meth:`restore` reads back.

        Raises:
            KeyError: the story is not in memory.
        """
        sid = self.resolve(story_id)
        return json.dumps(self._stories[sid].to_json(), separators=(",", ":")).encode("utf-8")

    def restore(self, story_id: str, state: bytes) -> None:
        """Load a story persisted by :meth:`story_state` back into memory (and into the candidate index).

        Args:
            story_id: the story's id.
            state: bytes from :meth:`story_state`.
        """
        story = _Story.from_json(story_id, json.loads(state.decode("utf-8")))
        self._redirect.pop(story_id, None)
        self._stories.pop(story_id, None)
        self._stories[story_id] = story
        for feat in sorted(story.indexed):
            self._post(feat, story_id)
        self._evict()

    def resolve(self, story_id: str) -> str:
        """Follow merges: the id of the story that ``story_id`` now belongs to (itself if never merged)."""
        seen = 0
        while story_id in self._redirect and seen < 1000:
            story_id = self._redirect[story_id]
            seen += 1
        return story_id

    # --- additions for persistence of the online statistics
    def stats_state(self) -> bytes:
        """The online document-frequency counts and merge redirects, for the store to persist."""
        data = {"n": self.n_docs, "df": self._df, "redirect": self._redirect}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def restore_stats(self, state: bytes) -> None:
        """Load counts written by :meth:`stats_state` (before restoring stories)."""
        raw = json.loads(state.decode("utf-8"))
        self.n_docs = int(raw["n"])
        self._df = Counter({str(k): int(v) for k, v in raw["df"].items()})
        self._idf_cache.clear()
        self._idf_refresh_at = 0
        self._redirect = {str(k): str(v) for k, v in raw.get("redirect", {}).items()}

    # --- internals
    def _count(self, doc: ClusterDoc) -> None:
        df = self._df
        self.n_docs += 1
        first = itemgetter(0)
        df.update(map(first, doc.terms))  # Counter.update over an iterable counts in C
        df.update(map("@".__add__, map(first, doc.names)))
        df.update(map("#".__add__, map(first, doc.nums)))
        if len(df) > DF_CAP:
            # Bound memory on endless streams: words seen once are dropped (they count as unseen again).
            self._df = Counter({k: v for k, v in df.items() if v > 1})
            self._idf_cache.clear()
        if self.n_docs >= self._idf_refresh_at:
            # Idf values are cached and all refreshed whenever the corpus has grown by IDF_REFRESH since the
            # last refresh: a term's idf moves slowly, and computing it per term per article dominated placing.
            self._idf_cache.clear()
            self._idf_refresh_at = int(self.n_docs * (1.0 + IDF_REFRESH)) + 1

    def _idfs(self, keys: Iterable[str]) -> list[float]:
        keys = list(keys)
        vals = list(map(self._idf_cache.get, keys))
        if None in vals:
            return [self._idf(k) if v is None else v for k, v in zip(keys, vals, strict=True)]
        return vals  # type: ignore[return-value]

    def _idf(self, key: str) -> float:
        cached = self._idf_cache.get(key)
        if cached is None:
            cached = math.log((self.n_docs + IDF_PRIOR) / (self._df.get(key, 0) + 1.0))
            self._idf_cache[key] = cached
        return cached

    def vectors(self, doc: ClusterDoc) -> _DocVecs:
        """The article's unit TF-IDF vector per field, with the current document frequencies."""
        idfs = self._idfs
        first = itemgetter(0)
        body = dict(
            zip(map(first, doc.terms), map(_mul, _tf(doc.terms), idfs(map(first, doc.terms))), strict=True)
        )
        if len(body) > VEC_TERMS:
            body = dict(heapq.nlargest(VEC_TERMS, body.items(), key=_second))
        title = dict(zip(doc.title, idfs(doc.title), strict=True))
        name_keys = map("@".__add__, map(first, doc.names))
        names = dict(zip(map(first, doc.names), map(_mul, _tf(doc.names), idfs(name_keys)), strict=True))
        num_keys = map("#".__add__, map(first, doc.nums))
        nums = dict(zip(map(first, doc.nums), map(_mul, _tf(doc.nums), idfs(num_keys)), strict=True))
        yrs = frozenset(int(t[1:]) for t, _ in doc.nums if t.startswith("y"))
        top = sorted(names.items(), key=lambda kv: -kv[1])[:TOP_NAMES]
        total = sum(w for _, w in top)
        top_names = tuple((t, w / total) for t, w in top) if total > 0 else ()
        return _DocVecs(_unit(body), _unit(title), _unit(names), _unit(nums), yrs, top_names, doc.cdate)

    @staticmethod
    def _query(vecs: _DocVecs, n_terms: int = QUERY_TERMS) -> list[tuple[str, float]]:
        terms = sorted(vecs.body.items(), key=lambda kv: -kv[1])[:n_terms]
        names = sorted(vecs.names.items(), key=lambda kv: -kv[1])[:QUERY_NAMES]
        return terms + [("@" + t, w) for t, w in names]

    def _score_candidates(self, doc: ClusterDoc, vecs: _DocVecs) -> list[tuple[float, _Story]]:
        votes: dict[str, float] = {}
        for feat, w in self._query(vecs):
            for sid in self._postings.get(feat, ()):
                votes[sid] = votes.get(sid, 0.0) + w
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        out: list[tuple[float, _Story]] = []
        seen: set[str] = set()
        weights = self.weights
        for sid, _ in ranked:
            if len(seen) >= CANDIDATES:
                break
            story = self._stories.get(self._resolve_hot(sid))
            if story is None or story.sid in seen:
                continue
            seen.add(story.sid)
            gap = self._gap(doc.day, story)
            if gap > self.window:
                continue
            logit = sum(w * f for w, f in zip(weights, features(vecs, story), strict=True))
            logit -= GAP_PENALTY * gap / self.window
            out.append((_sigmoid(logit), story))
        out.sort(key=lambda ps: -ps[0])
        return out

    @staticmethod
    def _gap(day: dt.date | None, story: _Story) -> int:
        if day is None or story.first_day is None or story.last_day is None:
            return 0
        if day < story.first_day:
            return (story.first_day - day).days
        if day > story.last_day:
            return (day - story.last_day).days
        return 0

    def _link_merge(self, story: _Story, scored: list[tuple[float, _Story]]) -> tuple[tuple[str, str], ...]:
        """Merge candidate stories whose members are, on average, like this story's members."""
        merged: list[tuple[str, str]] = []
        for prob, other in scored[:LINK_CANDIDATES]:
            if prob < LINK_MIN_PROB:
                break
            if other.sid == story.sid or other.sid not in self._stories or story.sid not in self._stories:
                continue
            link = self._link(story, other)
            if link < MERGE_LINK or link < MERGE_REL * min(
                self._link(story, story), self._link(other, other)
            ):
                continue
            keep, gone = sorted((story, other), key=lambda s: (-s.size, s.sid))
            self._merge(keep, gone)
            merged.append((gone.sid, keep.sid))
            story = keep
        return tuple(merged)

    def _link(self, a: _Story, b: _Story) -> float:
        """Mean pair probability between the recent members of two stories (average linkage)."""
        ma, mb = a.members[-LINK_MEMBERS:], b.members[-LINK_MEMBERS:]
        if a is b:  # within a story: the mean over distinct pairs (a single member: a typical story's value)
            n = len(ma)
            if n < 2:
                return LINK_WITHIN
            pairs = [self._pair(a, ma[i], ma[j]) for i in range(n) for j in range(i + 1, n)]
            return sum(pairs) / len(pairs)
        if not ma or not mb:
            return 0.0
        weights = self.pair_weights
        return sum(pair_prob(x, y, weights) for x in ma for y in mb) / (len(ma) * len(mb))

    def _pair(self, story: _Story, a: _Member, b: _Member) -> float:
        """The pair probability of two members of a story, cached on the story (in memory only)."""
        key = (a.seq, b.seq) if a.seq < b.seq else (b.seq, a.seq)
        cached = story.probs.get(key)
        if cached is None:
            cached = story.probs[key] = pair_prob(a, b, self.pair_weights)
            if len(story.probs) > 2 * MEMBER_CAP * MEMBER_CAP:
                live = {m.seq for m in story.members}
                story.probs = {k: v for k, v in story.probs.items() if k[0] in live and k[1] in live}
        return cached

    def _new_id(self, key: str) -> str:
        sid = story_id_for(key)
        while (
            sid in self._stories or sid in self._redirect
        ):  # a key reused after a merge or split: stay unique
            sid = story_id_for(sid)
        return sid

    def _maybe_split(self, story: _Story, key: str) -> tuple[tuple[tuple[str, str], ...], str]:
        """Split off the smaller of two member groups that do not report the same story.

        The two members least likely to be one story seed the groups; every member then joins the group it
        is most like on average (three rounds). The split happens when the mean cross-group pair probability
        is below ``SPLIT_CROSS`` and the smaller group has at least ``SPLIT_GROUP`` members.

        Returns:
            The moved ``(key, story id)`` pairs (the new article excluded), and the new article's story id.
        """
        members = story.members
        n = len(members)
        prob = [[1.0] * n for _ in range(n)]
        low, seeds = 2.0, (0, 1)
        for i in range(n):
            for j in range(i + 1, n):
                pij = self._pair(story, members[i], members[j])
                prob[i][j] = prob[j][i] = pij
                if pij < low:
                    low, seeds = pij, (i, j)
        if low >= SPLIT_CROSS:
            return (), story.sid
        side = [0] * n
        side[seeds[1]] = 1
        groups: list[list[int]] = [[seeds[0]], [seeds[1]]]
        for _ in range(3):
            for i in range(n):
                row = prob[i]
                means = [(sum([row[j] for j in g]) - (i in g)) / max(1, len(g) - (i in g)) for g in groups]
                side[i] = 1 if means[1] > means[0] else 0
            side[seeds[0]], side[seeds[1]] = 0, 1
            groups = [[i for i in range(n) if side[i] == g] for g in (0, 1)]
        cross = sum(prob[i][j] for i in groups[0] for j in groups[1]) / (len(groups[0]) * len(groups[1]))
        small = min(groups, key=lambda g: (len(g), -min(g)))  # the smaller group; on a tie the younger one
        if cross >= SPLIT_CROSS or len(small) < SPLIT_GROUP:
            return (), story.sid
        leaving = [members[i] for i in small]
        new = self._split(story, leaving)
        moved = tuple((m.key, new.sid) for m in leaving if m.key != key)
        return moved, new.sid if any(m.key == key for m in leaving) else story.sid

    def _split(self, story: _Story, leaving: list[_Member]) -> _Story:
        """Move members out of a story into a new one (their summaries are all that is known of them)."""
        new = _Story(sid=self._new_id(leaving[0].key))
        for m in leaving:
            parts = (("body", m.body), ("title", m.title), ("names", m.names), ("nums", m.nums))
            for name, vec in parts:
                if vec:
                    new.fields[name].add(vec)
                    story.fields[name].subtract(vec)
            new.years.update(m.years)
            story.years.subtract(m.years)
            if m.cdate:
                new.cdates[m.cdate] += 1
                story.cdates[m.cdate] -= 1
        story.years = +story.years
        story.cdates = +story.cdates
        gone = {m.key for m in leaving}
        story.members = [m for m in story.members if m.key not in gone]
        new.members = list(leaving)
        new.size = len(leaving)
        story.size = max(1, story.size - len(leaving))
        for s in (story, new):
            days = [m.day for m in s.members if m.day]
            if days:
                s.first_day, s.last_day = min(days), max(days)
            s.refresh_top()
        for m in leaving:
            vecs = _DocVecs(m.body, m.title, m.names, m.nums, m.years, ())
            for feat, _ in self._query(vecs, INDEX_TERMS):
                if feat not in new.indexed:
                    new.indexed.add(feat)
                    self._post(feat, new.sid)
        self._stories[new.sid] = new
        self._dirty.update((story.sid, new.sid))
        self._evict()
        return new

    def _resolve_hot(self, sid: str) -> str:
        return self.resolve(sid) if sid in self._redirect else sid

    def _maybe_merge(self, best: _Story, scored: list[tuple[float, _Story]]) -> tuple[tuple[str, str], ...]:
        top = scored[0][0]
        merged: list[tuple[str, str]] = []
        for prob, other in scored[1:]:
            if prob < self.threshold or top - prob > MERGE_MARGIN:
                break
            if best.fields["body"].cos(_unit(other.fields["body"].vec)) < MERGE_CENTROID:
                continue
            keep, gone = sorted((best, other), key=lambda s: (-s.size, s.sid))
            self._merge(keep, gone)
            merged.append((gone.sid, keep.sid))
            best = keep
        return tuple(merged)

    def _merge(self, keep: _Story, gone: _Story) -> None:
        for f in FIELDS:
            keep.fields[f].merge(gone.fields[f])
        keep.size += gone.size
        keep.members = sorted(keep.members + gone.members, key=lambda m: m.seq)[-MEMBER_CAP:]
        keep.years.update(gone.years)
        keep.cdates.update(gone.cdates)
        keep.refresh_top()
        days = [d for d in (keep.first_day, keep.last_day, gone.first_day, gone.last_day) if d]
        keep.first_day, keep.last_day = (min(days), max(days)) if days else (None, None)
        for feat in gone.indexed - keep.indexed:
            self._post(feat, keep.sid)
        keep.indexed |= gone.indexed
        del self._stories[gone.sid]
        self._redirect[gone.sid] = keep.sid
        self._dirty.discard(gone.sid)
        self._dirty.add(keep.sid)

    def _add(self, story: _Story, doc: ClusterDoc, vecs: _DocVecs) -> None:
        parts = (("body", vecs.body), ("title", vecs.title), ("names", vecs.names), ("nums", vecs.nums))
        for name, vec in parts:
            if vec:
                story.fields[name].add(vec)
        story.size += 1
        member = _Member(
            key=doc.key,
            seq=self.n_docs,
            body=_trim(vecs.body, MEMBER_TERMS),
            title=_trim(vecs.title, MEMBER_TERMS),
            names=_trim(vecs.names, MEMBER_NAMES),
            nums=_trim(vecs.nums, MEMBER_NUMS),
            cdate=doc.cdate,
            years=vecs.years,
            day=doc.day,
        )
        story.members.append(member)
        if len(story.members) > MEMBER_CAP:
            del story.members[0]
        story.refresh_top(vecs.names)
        story.years.update(vecs.years)
        if doc.cdate:
            story.cdates[doc.cdate] += 1
        if doc.day:
            story.first_day = min(story.first_day or doc.day, doc.day)
            story.last_day = max(story.last_day or doc.day, doc.day)
        for feat, _ in self._query(vecs, INDEX_TERMS):
            if feat not in story.indexed:
                story.indexed.add(feat)
                self._post(feat, story.sid)
        self._stories.pop(story.sid, None)
        self._stories[story.sid] = story  # most recently updated last
        self._dirty.add(story.sid)
        self._evict()

    def _post(self, feat: str, sid: str) -> None:
        posting = self._postings.setdefault(feat, [])
        posting.append(sid)
        if len(posting) > POSTING_CAP:
            del posting[: POSTING_CAP // 2]

    def _evict(self) -> None:
        while len(self._stories) > self.hot:
            # The least recently updated story leaves memory; the store keeps its state.
            sid = next(iter(self._stories))
            del self._stories[sid]
