"""Near-duplicate detection: MinHash signatures over word shingles, and an LSH index of earlier articles.

:func:`signature` is a pure function of one article. :class:`CopyIndex` is the stateful part: it remembers the
signatures of earlier articles (a bounded window, reloaded from the store on open) and names, for a new article,
the earliest original it copies, if any. Copies are never dropped: the store keeps them, linked with ``copy_of``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsfold.models import Article
from newsfold.settings import Settings

_WORD = re.compile(r"\w+", re.UNICODE)
_EMPTY = np.uint32(0xFFFFFFFF)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)  # splitmix64 finaliser constants: spread the rolling hash over 64 bits
_MIX2 = np.uint64(0x94D049BB133111EB)
_ROLL = np.uint64(0x100000001B3)  # FNV-64 prime, the base of the rolling shingle hash
# Word hashes are memoised: news vocabulary is Zipfian, so a dict lookup replaces most crc32 calls. Bounded, and
# a pure cache (the hash of a word never changes), so signature() stays a pure function.
_WORD_CACHE = 500_000
_WORD_HASHES: dict[str, int] = {}
# Rows per LSH band. With 128 bins: 16 bands of 8 rows, whose S-curve midpoint (1/16)^(1/8) ~ 0.71 sits at the
# default dedup_threshold; candidates are then verified on the full signature.
ROWS_PER_BAND = 8


@dataclass(frozen=True, slots=True)
class Signature:
    """A MinHash signature: ``num_perm`` 32-bit minima over the article's shingle hashes."""

    values: tuple[int, ...]

    def to_bytes(self) -> bytes:
        """Compact little-endian uint32 bytes for a SQLite BLOB."""
        return np.asarray(self.values, dtype="<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        """Inverse of :meth:`to_bytes`."""
        return cls(tuple(int(v) for v in np.frombuffer(data, dtype="<u4")))

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        if len(self.values) != len(other.values) or not self.values:
            return 0.0
        same = np.count_nonzero(np.asarray(self.values) == np.asarray(other.values))
        return float(same) / len(self.values)


def shingle_hashes(text: str, size: int) -> npt.NDArray[np.uint64]:
    """64-bit hashes of the text's word ``size``-grams (lowercased, punctuation ignored), mixed; may repeat."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return np.zeros(0, dtype=np.uint64)
    if len(_WORD_HASHES) > _WORD_CACHE:
        _WORD_HASHES.clear()
    cache = _WORD_HASHES
    tokens = np.fromiter(
        (cache.get(w) or cache.setdefault(w, zlib.crc32(w.encode("utf-8")) or 1) for w in words),
        dtype=np.uint64,
        count=len(words),
    )
    n = len(words) - size + 1
    rolled = np.zeros(n, dtype=np.uint64)
    for j in range(size):  # polynomial rolling hash, wrapping mod 2**64
        rolled = rolled * _ROLL + tokens[j : j + n]
    rolled ^= rolled >> np.uint64(31)
    rolled *= _MIX1
    rolled ^= rolled >> np.uint64(27)
    rolled *= _MIX2
    rolled ^= rolled >> np.uint64(33)
    return rolled  # repeated shingles need no removal: they cannot change a minimum


def signature(article: Article, settings: Settings) -> Signature | None:
    """The one-permutation MinHash signature of an article's body, or None when it has no shingles.

    One-permutation hashing (Li, Owen & Zhang 2012) splits the hash space into ``minhash_perm`` bins and keeps
    each bin's minimum: one hash per shingle instead of one per shingle and permutation, which is what makes
    dedup cheap enough for the hot path. Empty bins borrow the next non-empty bin's value (rotation
    densification, Shrivastava & Li 2014), so short texts still compare bin for bin.

    Args:
        article: a cleaned article.
        settings: ``minhash_perm`` (bins) and ``shingle_words``.
    """
    hashes = shingle_hashes(article.text, settings.shingle_words)
    if hashes.size == 0:
        return None
    n = settings.minhash_perm
    bins = (hashes % np.uint64(n)).astype(np.intp)
    values = (hashes >> np.uint64(32)).astype(np.uint32)
    out = np.full(n, _EMPTY, dtype=np.uint32)
    np.minimum.at(out, bins, values)
    empty = np.flatnonzero(out == _EMPTY)
    if empty.size:
        filled = np.flatnonzero(out != _EMPTY)
        nxt = np.searchsorted(filled, empty) % filled.size
        out[empty] = out[filled[nxt]]
    return Signature(tuple(out.tolist()))


class CopyIndex:
    """LSH over the signatures of earlier articles: finds the original that a new article copies."""

    def __init__(self, settings: Settings, capacity: int = 250_000) -> None:
        self.threshold = settings.dedup_threshold
        self.rows = ROWS_PER_BAND if settings.minhash_perm % ROWS_PER_BAND == 0 else 1
        self.capacity = capacity
        self._buckets: dict[tuple[int, bytes], list[str]] = {}
        self._sigs: dict[str, Signature] = {}
        self._original: dict[str, str] = {}  # copy key -> its original's key
        self._published: dict[str, str | None] = {}
        self._order: dict[str, int] = {}
        self._counter = 0

    def _bands(self, sig: Signature) -> Iterable[tuple[int, bytes]]:
        raw = sig.to_bytes()
        step = 4 * self.rows
        for i in range(0, len(raw), step):
            yield i // step, raw[i : i + step]

    def __len__(self) -> int:
        return len(self._sigs)

    def find(self, sig: Signature) -> tuple[str, float] | None:
        """The original that ``sig`` copies, with the estimated similarity, or None.

        Among matches above the threshold, the earliest original wins (earliest publish date, then arrival).
        """
        best: tuple[str, float] | None = None
        seen: set[str] = set()
        for band in self._bands(sig):
            for key in self._buckets.get(band, ()):
                if key in seen:
                    continue
                seen.add(key)
                sim = sig.similarity(self._sigs[key])
                if sim < self.threshold:
                    continue
                original = self._original.get(key, key)
                if best is None or self._earlier(original, best[0]):
                    best = (original, max(sim, best[1] if best and best[0] == original else 0.0))
        return best

    def _earlier(self, a: str, b: str) -> bool:
        pa, pb = self._published.get(a), self._published.get(b)
        if pa and pb and pa[:10] != pb[:10]:
            return pa[:10] < pb[:10]
        return self._order.get(a, -1) < self._order.get(b, -1)

    def add(self, key: str, sig: Signature, *, copy_of: str | None, published: str | None) -> None:
        """Remember an article's signature (originals and copies alike)."""
        if key in self._sigs:
            return
        if len(self._sigs) >= self.capacity:
            self._evict()
        self._sigs[key] = sig
        self._published[key] = published
        self._order[key] = self._counter
        self._counter += 1
        if copy_of:
            self._original[key] = copy_of
        for band in self._bands(sig):
            self._buckets.setdefault(band, []).append(key)

    def _evict(self) -> None:
        oldest = next(iter(self._sigs))
        sig = self._sigs.pop(oldest)
        self._published.pop(oldest, None)
        self._original.pop(oldest, None)
        self._order.pop(oldest, None)
        for band in self._bands(sig):
            bucket = self._buckets.get(band)
            if bucket and oldest in bucket:
                bucket.remove(oldest)
                if not bucket:
                    del self._buckets[band]
