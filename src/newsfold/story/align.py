"""Sentence alignment across a story's articles: the machinery every part of the fold cites through.

Each article is split into sentences (:func:`newsfold.sentences.split_sentences`); each sentence becomes a
:class:`Unit` with a set of content stems (stop words out, words cut to a prefix, so "guarantee" and
"guarantees" meet in any language). Two units are compared by *IDF-weighted overlap*, the IDF taken over the
story's articles, so that words every report uses ("Russia", "security") weigh little and the distinctive
ones decide. From the overlap matrix come:

- ``containment(i, j)``: the share of unit i's weighted content that unit j also has (directional: does j
  state what i says?);
- ``similarity(i, j)``: the weighted Dice coefficient (symmetric).

An article *states* a unit when one of its sentences, or two adjacent ones together, contains enough of it
(:func:`Alignment.states_in`). This is the one test behind every citation of the fold, so nothing is cited
to an article that does not say it. It is model-free, multilingual and cheap: one dense matrix product.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsfold import textnorm
from newsfold.models import Article
from newsfold.sentences import split_sentences

# Words are cut to this many characters: a cheap, language-neutral stemmer (inflections mostly sit at the
# end). Swept 5-8 on the seeds and crisis-it: 6 joins "guarantee/guarantees", "proposta/proposte" without
# joining unrelated words; re-check with bench/fold_speed.py and evaluate/summary.py after a change.
STEM_PREFIX = 6
# An article states a unit when its best sentence (or adjacent pair) holds at least this share of the unit's
# IDF-weighted content and this share of its distinct stems. Swept 0.4-0.8 by reading the seed fold's
# citations: below 0.5 topic words alone cite unrelated sentences; above 0.65 paraphrases are missed.
STATE_WEIGHTED = 0.6
STATE_PLAIN = 0.6
# Two adjacent sentences together must hold more of it (their union is long, so chance overlap is larger).
STATE_PAIR = 0.75
# ... and shares at least this many stems with it (fewer for very short units, which need all of theirs).
STATE_MIN_SHARED = 3
# IDF is ln((N + 1) / df) plus this floor: a stem every article has still counts a little (a story's core
# words are part of its facts) but a stem in one article weighs ~10x more in a five-article story.
IDF_FLOOR = 1.0
# A leading dateline ("MOSCOW, January 26. /TASS/.", "Moscow, (UNI/Sputnik):", "Afrasianet - ") is the
# outlet's, not the sentence's: cut before comparing and citing. Generic shapes: a capitalised place, an
# optional date, an agency in brackets or slashes, then punctuation; or a single capitalised word and a dash.
_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Ý][\w'’ .-]{1,30},\s*)?(?:[\w.]{2,10}\s+\d{1,2}(?:,?\s+\d{4})?\.?\s*)?"
    r"(?:\([A-Z][\w/ .-]{1,30}\)|/[A-Z][\w .-]{1,30}/)\s*[.:]?[-–—:.]*\s*"
    r"|^[A-ZÀ-Ý][\w.]{2,30}\s+[-–—]\s+(?=[A-ZÀ-Ý\"“«])"
)


def stems(text: str, lang: str | None = None) -> frozenset[str]:
    """Content stems of a text: stop words out, words cut to :data:`STEM_PREFIX` characters.

    Args:
        text: any text.
        lang: ISO 639-1 code choosing the stop word list; None uses all lists.

    Returns:
        The distinct stems.
    """
    return frozenset(textnorm.strip_accents(w)[:STEM_PREFIX] for w in textnorm.tokens(text, lang))


def strip_dateline(text: str) -> str:
    """Drop a leading dateline ("MOSCOW, Jan 26. /TASS/.") from a sentence, if it has one."""
    m = _DATELINE.match(text)
    if m and len(text) - m.end() > 20:
        return text[m.end() :]
    return text


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of one article, ready to compare.

    Attributes:
        article: the article's key.
        origin: the key of the original (itself unless the article is a copy).
        index: the sentence's number in the article.
        para: the paragraph's number in the article.
        position: where the sentence sits in the article, 0.0 (first) to 1.0 (last).
        text: the sentence, dateline cut.
        raw: the sentence exactly as in the article text.
        start: character offset of ``raw`` in the article text.
        stems: its content stems.
    """

    article: str
    origin: str
    index: int
    para: int
    position: float
    text: str
    raw: str
    start: int
    stems: frozenset[str]


@dataclass(slots=True)
class Alignment:
    """The units of a story and their pairwise weighted overlap.

    Attributes:
        articles: the story's articles, in input order.
        units: every sentence of every article.
        overlap: ``overlap[i, j]`` is the IDF weight of the stems units i and j share.
        weight: ``weight[i]`` is the IDF weight of unit i's stems.
        shared: ``shared[i, j]`` is the number of stems they share.
        by_article: unit indices of each article, in reading order.
        idf: the IDF of each stem over the story's originals.
    """

    articles: tuple[Article, ...]
    units: list[Unit]
    overlap: np.ndarray
    weight: np.ndarray
    shared: np.ndarray
    by_article: dict[str, list[int]]
    idf: dict[str, float] = field(default_factory=dict)
    _stated: np.ndarray | None = None

    def states_matrix(self) -> np.ndarray:
        """``m[i, j]`` is True when unit j states unit i (vectorised :meth:`states`)."""
        n_stems = np.array([len(u.stems) for u in self.units], dtype=np.float32)
        need = np.minimum(STATE_MIN_SHARED, n_stems)
        ok = (self.shared >= need[:, None]) & (self.shared >= STATE_PLAIN * n_stems[:, None])
        ok &= self.overlap >= STATE_WEIGHTED * self.weight[:, None]
        ok &= n_stems[:, None] > 0
        return np.asarray(ok)

    def stated_by(self) -> np.ndarray:
        """``m[i, k]`` is True when article k (in ``articles`` order) states unit i; computed once."""
        if self._stated is None:
            direct = self.states_matrix()
            out = np.zeros((len(self.units), len(self.articles)), dtype=bool)
            for k, art in enumerate(self.articles):
                idx = self.by_article.get(art.key, [])
                if not idx:
                    continue
                out[:, k] = direct[:, idx].any(axis=1)
                # Adjacent pairs only where one sentence already holds a good part of the unit.
                best = self.overlap[:, idx].max(axis=1)
                maybe = np.nonzero(~out[:, k] & (best >= 0.5 * STATE_WEIGHTED * self.weight))[0]
                for m in maybe.tolist():
                    out[m, k] = self.states_in(m, art.key)
                out[idx, k] = True
            self._stated = out
        return self._stated

    def containment(self, i: int, j: int) -> float:
        """Share of unit i's weighted content found in unit j (0.0-1.0)."""
        w = float(self.weight[i])
        return float(self.overlap[i, j]) / w if w > 0 else 0.0

    def similarity(self, i: int, j: int) -> float:
        """Weighted Dice coefficient of units i and j (symmetric, 0.0-1.0)."""
        total = float(self.weight[i] + self.weight[j])
        return 2.0 * float(self.overlap[i, j]) / total if total > 0 else 0.0

    def states(self, i: int, j: int) -> bool:
        """Tell whether unit j, on its own, states what unit i says."""
        return _enough(self, self.units[i].stems, float(self.overlap[i, j]), int(self.shared[i, j]), i)

    def states_in(self, i: int, key: str) -> bool:
        """Tell whether article ``key`` states what unit i says (one sentence or two adjacent ones)."""
        idx = self.by_article.get(key, [])
        if not idx:
            return False
        if self.units[i].article == key:
            return True
        row_o = self.overlap[i, idx]
        best = int(np.argmax(row_o))
        if self.states(i, idx[best]):
            return True
        if float(row_o[best]) < 0.5 * STATE_WEIGHTED * float(self.weight[i]):
            return False
        mine = self.units[i].stems
        for a, b in itertools.pairwise(idx):
            both = (self.units[a].stems | self.units[b].stems) & mine
            gain = sum(self.idf.get(s, 0.0) for s in both)
            # Each sentence of the pair must carry part of it, and the pair must hold a larger share.
            if (
                self.shared[i, a] > 0
                and self.shared[i, b] > 0
                and gain >= STATE_PAIR * float(self.weight[i])
                and _enough(self, mine, gain, len(both), i)
            ):
                return True
        return False

    def citing(self, i: int, keys: Sequence[str] | None = None) -> list[str]:
        """Every article (of ``keys``, default all) that states unit i, in story order."""
        row = self.stated_by()[i]
        pool = set(keys) if keys is not None else None
        return [a.key for k, a in enumerate(self.articles) if row[k] and (pool is None or a.key in pool)]


def _enough(al: Alignment, mine: frozenset[str], overlap: float, shared: int, i: int) -> bool:
    n = len(mine)
    if n == 0:
        return False
    w = float(al.weight[i])
    need = min(STATE_MIN_SHARED, n)
    return shared >= need and shared >= STATE_PLAIN * n and overlap >= STATE_WEIGHTED * w


def align(articles: Sequence[Article], copy_of: Mapping[str, str] | None = None) -> Alignment:
    """Split a story's articles into sentences and compute their pairwise weighted overlap.

    Args:
        articles: the story's articles, originals and copies.
        copy_of: copy key -> original key; copies are aligned like any article but IDF counts originals.

    Returns:
        The :class:`Alignment` of the story.
    """
    copies = dict(copy_of or {})
    keys = {a.key for a in articles}
    units: list[Unit] = []
    by_article: dict[str, list[int]] = {}
    for art in articles:
        origin = copies.get(art.key, art.key)
        if origin not in keys:
            origin = art.key
        sents = split_sentences(art.text, art.lang)
        idx: list[int] = []
        for sent in sents:
            text = strip_dateline(sent.text)
            st = stems(text, art.lang)
            idx.append(len(units))
            pos = sent.index / max(1, len(sents) - 1)
            units.append(Unit(art.key, origin, sent.index, sent.para, pos, text, sent.text, sent.start, st))
        by_article[art.key] = idx
    # IDF over originals only: a wire copy must not make its words look common.
    df: dict[str, int] = {}
    originals = {u.origin for u in units}
    for key in originals:
        seen: set[str] = set()
        for i in by_article.get(key, []):
            seen |= units[i].stems
        for s in seen:
            df[s] = df.get(s, 0) + 1
    n_docs = max(1, len(originals))
    idf = {s: IDF_FLOOR + math.log(n_docs / d) for s, d in df.items()}
    for u in units:  # stems only a copy has (rare): weigh them as unique
        for s in u.stems:
            idf.setdefault(s, IDF_FLOOR + math.log(n_docs))
    # Only stems found in two or more articles can make two articles' units overlap; the others count in
    # each unit's own weight but need no column (this keeps the matrix small for 50-article stories).
    in_articles: dict[str, set[str]] = {}
    for u in units:
        for s in u.stems:
            in_articles.setdefault(s, set()).add(u.article)
    cols = sorted(s for s, arts in in_articles.items() if len(arts) > 1)
    vocab = {s: k for k, s in enumerate(cols)}
    n = len(units)
    binary = np.zeros((n, len(vocab)), dtype=np.float32)
    for r, u in enumerate(units):
        for s in u.stems:
            k = vocab.get(s)
            if k is not None:
                binary[r, k] = 1.0
    idf_vec = np.array([idf[s] for s in cols], dtype=np.float32)
    overlap = (binary * idf_vec) @ binary.T
    shared = binary @ binary.T
    weight = np.array([sum(idf[s] for s in u.stems) for u in units], dtype=np.float32)
    return Alignment(tuple(articles), units, overlap, weight, shared.astype(np.int32), by_article, idf)
