"""Choosing a story's title from its articles' headlines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

_WORD = re.compile(r"\w{3,}", re.UNICODE)
# Stories bigger than this are titled from their newest headlines only, to keep refreshes cheap.
MAX_HEADLINES = 200


def choose_title(rows: Sequence[Any]) -> str:
    """The most representative headline: the one sharing the most words with the story's other headlines.

    Args:
        rows: mappings with ``title`` (and optionally ``published``), originals only, in arrival order.

    Returns:
        A headline (ties go to the earliest), or "" when there is none.
    """
    titles = [str(r["title"] or "").strip() for r in rows[-MAX_HEADLINES:]]
    titles = [t for t in titles if t]
    if not titles:
        return ""
    if len(titles) <= 2:
        return titles[-1] if len(titles) == 2 and len(titles[0]) < 12 else titles[0]
    bags = [{w.lower() for w in _WORD.findall(t)} for t in titles]
    df = Counter(w for bag in bags for w in bag)
    scores = [sum(df[w] - 1 for w in bag) / (1 + len(bag)) ** 0.5 for bag in bags]
    best = max(range(len(titles)), key=lambda i: (scores[i], -i))
    return titles[best]
