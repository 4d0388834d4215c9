"""Near-duplicate detection: MinHash signatures over word shingles, and an LSH index of earlier articles.

:func:`signature` is a pure function of one article. :class:`CopyIndex` is the stateful part: it remembers the
signatures of earlier articles (a bounded window, reloaded from the store on open) and names, for a new article,
the earliest original it copies, if any. Copies are never dropped: the store keeps them, linked with ``copy_of``.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from newsfold.models import Article
from newsfold.settings import Settings

_WORD = re.compile(r"\w+", re.UNICODE)
_EMPTY = np.uint32(0xFFFFFFFF)
# splitmix64 finaliser constants and shifts: spread the rolling hash over 64 bits
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_SHIFT1, _SHIFT2, _SHIFT3 = np.uint64(31), np.uint64(27), np.uint64(33)
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
        return _agreement(np.asarray(self.values), np.asarray(other.values))


def _agreement(a: npt.NDArray[np.integer[Any]], b: npt.NDArray[np.integer[Any]]) -> float:
    """The share of bins in which two signatures agree (the estimated Jaccard); 0.0 for unequal or empty ones."""
    if a.size != b.size or not a.size:
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size


def shingle_hashes(text: str, size: int) -> npt.NDArray[np.uint64]:
    """64-bit hashes of the text's word ``size``-grams (lowercased, punctuation ignored), mixed; may repeat."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return np.zeros(0, dtype=np.uint64)
    if len(_WORD_HASHES) > _WORD_CACHE:
        _WORD_HASHES.clear()
    cache = _WORD_HASHES
    known = list(map(cache.get, words))  # the lookups run in C; only unseen words are hashed in Python
    if None in known:
        # About half the benchmark stream's articles bring a new word (a name, a figure), some 9 on average: the
        # unseen ones are found by a set difference in C and hashed, then every word is looked up again, instead
        # of a Python loop over all ~600 words.
        for w in set(words).difference(cache):
            cache[w] = zlib.crc32(w.encode("utf-8")) or 1
        known = list(map(cache.__getitem__, words))
    tokens = np.array(known, dtype=np.uint64)
    n = len(words) - size + 1
    # Polynomial rolling hash, wrapping mod 2**64, in Horner form and in place: the same values as summing
    # tokens[j] * _ROLL ** (size - 1 - j), without a new array per step.
    rolled = tokens[:n].copy()
    for j in range(1, size):
        rolled *= _ROLL
        rolled += tokens[j : j + n]
    rolled ^= rolled >> _SHIFT1
    rolled *= _MIX1
    rolled ^= rolled >> _SHIFT2
    rolled *= _MIX2
    rolled ^= rolled >> _SHIFT3
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
    values = _minhash(article.text, settings)
    return None if values is None else Signature(tuple(values.tolist()))


def packed_signature(article: Article, settings: Settings) -> bytes | None:
    """:func:`signature` packed as :meth:`Signature.to_bytes` does (what the store and :class:`CopyIndex` keep),
    without building the tuple of ints in between."""
    values = _minhash(article.text, settings)
    return None if values is None else values.astype("<u4", copy=False).tobytes()


def _minhash(text: str, settings: Settings) -> npt.NDArray[np.uint32] | None:
    hashes = shingle_hashes(text, settings.shingle_words)
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
    return out


def too_far(a: str | None, b: str | None, max_days: int) -> bool:
    """Whether two publish dates (ISO, a day or an instant) are more than ``max_days`` apart; False when either is
    unknown or ``max_days`` is 0."""
    if not (a and b and max_days):
        return False
    try:
        gap = dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])
    except ValueError:
        return False
    return abs(gap.days) > max_days


class CopyIndex:
    """LSH over the signatures of earlier articles: finds the original that a new article copies.

    Memory is about 2 KB per remembered article: signatures are kept as packed uint32 bytes, and each band
    bucket is keyed by a 64-bit hash of the band's rows (a collision only adds a candidate, which is then
    verified on the full signature).
    """

    def __init__(self, settings: Settings, capacity: int | None = None) -> None:
        self.threshold = settings.dedup_threshold
        self.max_days = settings.copy_max_days
        self.rows = ROWS_PER_BAND if settings.minhash_perm % ROWS_PER_BAND == 0 else 1
        self.capacity = capacity or settings.copy_window
        self._buckets: dict[int, str | list[str]] = {}  # one key, or a list when several share the bucket
        self._sigs: dict[str, bytes] = {}
        self._original: dict[str, str] = {}  # copy key -> its original's key
        self._published: dict[str, str | None] = {}
        self._order: dict[str, int] = {}
        self._counter = 0

    def _bands(self, raw: bytes) -> list[int]:
        step = 4 * self.rows
        # Python's hash of (band number, rows): 64 bits, randomised per process, which is fine for buckets that
        # live only in memory (they are rebuilt from the stored signatures on open).
        return [hash((i, raw[i : i + step])) for i in range(0, len(raw), step)]

    def __len__(self) -> int:
        return len(self._sigs)

    def find(self, sig: Signature | bytes, published: str | None = None) -> tuple[str, float] | None:
        """The original that ``sig`` copies, with the estimated similarity, or None.

        Among matches above the threshold, the earliest original wins (earliest publish date, then arrival). With
        ``published`` (the new article's date), an earlier article dated more than ``copy_max_days`` apart is no
        match.
        """
        raw = sig if isinstance(sig, bytes) else sig.to_bytes()
        mine = np.frombuffer(raw, dtype="<u4")
        best: tuple[str, float] | None = None
        seen: set[str] = set()
        for band in self._bands(raw):
            found = self._buckets.get(band)
            if found is None:
                continue
            for key in (found,) if isinstance(found, str) else found:
                if key in seen:
                    continue
                seen.add(key)
                sim = _agreement(mine, np.frombuffer(self._sigs[key], dtype="<u4"))
                if sim < self.threshold or too_far(published, self._published.get(key), self.max_days):
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

    def relink(self, old: str, new: str) -> None:
        """``new`` is the original of ``old`` and of every copy of ``old`` from now on (an earlier original that
        arrived after its reprint)."""
        for key, original in list(self._original.items()):
            if original == old:
                self._original[key] = new
        self._original[old] = new

    def add(self, key: str, sig: Signature | bytes, *, copy_of: str | None, published: str | None) -> None:
        """Remember an article's signature (originals and copies alike); ``sig`` may be its packed bytes."""
        if key in self._sigs:
            return
        if len(self._sigs) >= self.capacity:
            self._evict()
        raw = sig if isinstance(sig, bytes) else sig.to_bytes()
        self._sigs[key] = raw
        self._published[key] = published
        self._order[key] = self._counter
        self._counter += 1
        if copy_of:
            self._original[key] = copy_of
        buckets = self._buckets
        for band in self._bands(raw):
            found = buckets.get(band)
            if found is None:
                buckets[band] = key
            elif isinstance(found, str):
                buckets[band] = [found, key]
            else:
                found.append(key)

    def _evict(self) -> None:
        oldest = next(iter(self._sigs))
        raw = self._sigs.pop(oldest)
        self._published.pop(oldest, None)
        self._original.pop(oldest, None)
        self._order.pop(oldest, None)
        for band in self._bands(raw):
            found = self._buckets.get(band)
            if found == oldest:
                del self._buckets[band]
            elif isinstance(found, list) and oldest in found:
                found.remove(oldest)
                if len(found) == 1:
                    self._buckets[band] = found[0]
