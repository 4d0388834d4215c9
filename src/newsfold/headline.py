"""Choosing a story's title from its articles' headlines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

_WORD = re.compile(r"\w{3,}", re.UNICODE)
# Stories bigger than this are titled from their newest headlines only, to keep refreshes cheap.
MAX_HEADLINES = 200
# A "headline" longer than this is a lede taken as the title (plain text and JSONL without titles): a real headline
# of another article is preferred, else the lede is cut to its first sentence, then to this many words and "…".
TITLE_WORDS = 20
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")


def choose_title(rows: Sequence[Any]) -> str:
    """The most representative headline: the one sharing the most words with the story's other headlines.

    Args:
        rows: mappings with ``title`` (and optionally ``published``), originals only, in arrival order.

    Returns:
        A headline (ties go to the earliest), or "" when there is none. Ledes taken as titles (more than
        ``TITLE_WORDS`` words) are used only when no article has a real headline, and then shortened.
    """
    titles = [str(r["title"] or "").strip() for r in rows[-MAX_HEADLINES:]]
    titles = [t for t in titles if t]
    if not titles:
        return ""
    short = [t for t in titles if len(t.split()) <= TITLE_WORDS]
    if not short:
        return shorten(_choose(titles))
    return _choose(short)


def shorten(lede: str) -> str:
    """A lede cut to a title: its first sentence, and at most ``TITLE_WORDS`` words ("…" marks a cut)."""
    first = lede
    for end in _SENTENCE_END.finditer(lede):
        if len(lede[: end.start()].split()) >= 5:  # "Mr. Smith", "U.S. forces": an abbreviation, not an end
            first = lede[: end.start()]
            break
    words = first.split()
    return " ".join(words[:TITLE_WORDS]) + "…" if len(words) > TITLE_WORDS else first


def _choose(titles: list[str]) -> str:
    if len(titles) <= 2:
        return titles[-1] if len(titles) == 2 and len(titles[0]) < 12 else titles[0]
    bags = [{w.lower() for w in _WORD.findall(t)} for t in titles]
    df = Counter(w for bag in bags for w in bag)
    scores = [sum(df[w] - 1 for w in bag) / (1 + len(bag)) ** 0.5 for bag in bags]
    best = max(range(len(titles)), key=lambda i: (scores[i], -i))
    return titles[best]
