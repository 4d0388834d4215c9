"""The clusterer's corpus statistics: online document frequencies and the TF-IDF vectors they give."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, compress, repeat
from operator import add, is_, itemgetter, truediv
from sys import intern

from newsfold.cluster.features import ClusterDoc
from newsfold.cluster.model import (
    DF_CAP,
    IDF_PRIOR,
    IDF_REFRESH,
    TOP_NAMES,
    VEC_TERMS,
    _DocVecs,
    _mul,
    _second,
    _tf,
    _unit,
)

_first = itemgetter(0)


def _df_keys(doc: ClusterDoc) -> Iterator[str]:
    """The document-frequency keys of an article: its terms, ``@name`` and ``#number``."""
    return chain(
        map(_first, doc.terms),
        map("@".__add__, map(_first, doc.names)),
        map("#".__add__, map(_first, doc.nums)),
    )


class TermStats:
    """Document frequencies counted as articles arrive (never fitted on a corpus first), with cached idf values.

    Attributes:
        n_docs: articles counted.
        df: feature -> articles with it (words as they are, names as ``@name``, numbers as ``#number``).
    """

    def __init__(self) -> None:
        self.n_docs = 0
        self.df: Counter[str] = Counter()
        self._idf_cache: dict[str, float] = {}
        self._idf_refresh_at = 0

    def restore(self, n_docs: int, df: Counter[str]) -> None:
        """Replace the counts with persisted ones (the idf cache is rebuilt as needed)."""
        self.n_docs = n_docs
        self.df = df
        self._idf_cache.clear()
        self._idf_refresh_at = 0

    def count(self, doc: ClusterDoc) -> None:
        """Count an article's terms, names and numbers into the document frequencies."""
        df = self.df
        self.n_docs += 1
        df.update(_df_keys(doc))  # Counter.update over an iterable counts in C
        if len(df) > DF_CAP:
            # Bound memory on endless streams: words seen once are dropped (they count as unseen again).
            self.df = Counter({k: v for k, v in df.items() if v > 1})
            self._idf_cache.clear()
        if self.n_docs >= self._idf_refresh_at:
            # Idf values are cached and all refreshed whenever the corpus has grown by IDF_REFRESH since the
            # last refresh: a term's idf moves slowly, and computing it per term per article dominated placing.
            self._idf_cache.clear()
            self._idf_refresh_at = int(self.n_docs * (1.0 + IDF_REFRESH)) + 1

    def without(self, docs: Iterable[ClusterDoc]) -> tuple[int, Counter[str]]:
        """The article count and document frequencies with these counted articles taken out again (a copy; exact
        unless words seen once were dropped since they were counted, DF_CAP)."""
        df = Counter(self.df)
        n = self.n_docs
        for doc in docs:
            df.subtract(_df_keys(doc))
            n -= 1
        return n, +df

    def _idfs(self, keys: Iterable[str]) -> list[float]:
        keys = list(keys)
        cache = self._idf_cache
        vals = list(map(cache.get, keys))
        if None in vals:
            # About half the keys miss just after each refresh. The misses are computed as _idf does (the same
            # expression, so the same floats) in one C-level pipeline, without a method call per key.
            miss = list(compress(keys, map(is_, vals, repeat(None))))
            counts = map(self.df.get, miss, repeat(0))
            denominators = map(add, counts, repeat(1.0))
            idfs = map(math.log, map(truediv, repeat(self.n_docs + IDF_PRIOR), denominators))
            cache.update(zip(miss, idfs, strict=True))
            return list(map(cache.__getitem__, keys))
        return vals  # type: ignore[return-value]

    def _idf(self, key: str) -> float:
        cached = self._idf_cache.get(key)
        if cached is None:
            cached = math.log((self.n_docs + IDF_PRIOR) / (self.df.get(key, 0) + 1.0))
            self._idf_cache[key] = cached
        return cached

    def vectors(self, doc: ClusterDoc) -> _DocVecs:
        """The article's unit TF-IDF vector per field, with the current document frequencies.

        The vectors' words are interned: story members and centroids keep them for as long as a story is in memory,
        and each article's features arrive from a worker process with strings of their own (at 100k stream
        articles, one copy of each word instead of one per member vector: see BENCHMARKS.md).
        """
        idfs = self._idfs
        first = _first
        terms = list(map(intern, map(first, doc.terms)))
        body = dict(zip(terms, map(_mul, _tf(doc.terms), idfs(terms)), strict=True))
        if len(body) > VEC_TERMS:
            # heapq.nlargest's documented equivalent (same order, ties in insertion order), ~4x cheaper here
            body = dict(sorted(body.items(), key=_second, reverse=True)[:VEC_TERMS])
        title_words = list(map(intern, doc.title))
        title = dict(zip(title_words, idfs(title_words), strict=True))
        name_words = list(map(intern, map(first, doc.names)))
        name_keys = map("@".__add__, name_words)
        names = dict(zip(name_words, map(_mul, _tf(doc.names), idfs(name_keys)), strict=True))
        num_words = list(map(intern, map(first, doc.nums)))
        num_keys = map("#".__add__, num_words)
        nums = dict(zip(num_words, map(_mul, _tf(doc.nums), idfs(num_keys)), strict=True))
        yrs = frozenset(int(t[1:]) for t, _ in doc.nums if t.startswith("y"))
        top = sorted(names.items(), key=_second, reverse=True)[:TOP_NAMES]  # stable: ties keep their order
        total = sum(w for _, w in top)
        top_names = tuple((t, w / total) for t, w in top) if total > 0 else ()
        lead_words = list(map(intern, map(first, doc.lead)))
        lead = dict(zip(lead_words, map(_mul, _tf(doc.lead), idfs(lead_words)), strict=True))
        return _DocVecs(
            _unit(body), _unit(title), _unit(names), _unit(nums), yrs, top_names, doc.cdate, _unit(lead)
        )
