"""Per-outlet learned boilerplate: lines that one outlet repeats across its articles.

A line that recurs across many of one outlet's articles (a slogan, a standing disclaimer, a "Follow us" line the
rules in clean.py do not know) is boilerplate. Cleaning stays pure: the pipeline keeps per-outlet counts in the
store, updates them with :func:`boilerplate_keys` after storing an original article, and passes a read-only snapshot
through :func:`learned_boilerplate` to :func:`drop_learned`. The stored articles of an outlet are re-cleaned at the
end of the ingest run in which its learned set grows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsfold.clean_lines import _norm, _split_lines, _words
from newsfold.models import CleanText, Removed

# --- Per-outlet learned boilerplate -------------------------------------------------------------------------------
# A line that recurs across many of one outlet's articles (a slogan, a standing disclaimer, a "Follow us" line the
# rules do not know) is boilerplate. Cleaning stays pure: the caller keeps per-outlet counts in the store (how many
# distinct articles had each line key, and how many articles were counted), updates them with
# :func:`boilerplate_keys` after storing an article (copies excluded: a reprint repeats every line), and passes a
# read-only snapshot through :func:`learned_boilerplate` to :func:`drop_learned`. Older articles of an outlet are
# re-cleaned when its learned set changes (the caller re-runs :func:`drop_learned` on their stored cleaning).
# A line must recur in LEARN_MIN_ARTICLES distinct articles (text seen only once is never dropped) and in
# LEARN_MIN_SHARE of the outlet's counted articles (an outlet's big story is not junk).
LEARN_MIN_ARTICLES = 3
LEARN_MIN_SHARE = 0.2
LEARN_MAX_WORDS = 25  # longer lines are article prose even when they recur (updates of one report)
_DIGITS = re.compile(r"\d+")


def line_key(line: str) -> str:
    """The normalised form under which a line is counted: case, punctuation, digits and spacing ignored."""
    return _DIGITS.sub("0", _norm(line))


def boilerplate_keys(text: str) -> frozenset[str]:
    """Keys of the lines of one article that may count towards its outlet's learned boilerplate.

    Args:
        text: the article's text (raw or cleaned), one paragraph per line.

    Returns:
        The distinct keys of its lines of at most ``LEARN_MAX_WORDS`` words; count each article once per key.
    """
    keys = (line_key(line) for line in _split_lines(text) if _words(line) <= LEARN_MAX_WORDS)
    return frozenset(key for key in keys if key)


def learned_boilerplate(counts: Mapping[str, int], articles: int) -> frozenset[str]:
    """The line keys that an outlet repeats often enough to be boilerplate.

    Args:
        counts: line key -> number of distinct articles of the outlet that had it (a read-only snapshot).
        articles: how many of the outlet's articles were counted.

    Returns:
        Keys seen in at least ``LEARN_MIN_ARTICLES`` articles and in at least ``LEARN_MIN_SHARE`` of them.
    """
    floor = max(LEARN_MIN_ARTICLES, LEARN_MIN_SHARE * articles)
    return frozenset(key for key, n in counts.items() if n >= floor)


def drop_learned(cleaned: CleanText, learned: frozenset[str]) -> CleanText:
    """Move the body lines that the article's outlet repeats to ``removed``.

    They are kept with kind ``boilerplate`` and rule ``learned_repetition``, so the user sees that repetition, not
    a rule, took them.

    Args:
        cleaned: the result of :func:`clean_text` or :func:`clean_extracted_text`.
        learned: keys from :func:`learned_boilerplate` for the article's outlet.

    Returns:
        The same cleaning with those lines moved; unchanged when nothing matches.
    """
    if not learned:
        return cleaned
    keep: list[str] = []
    moved: list[Removed] = []
    for line in _split_lines(cleaned.body):
        if _words(line) <= LEARN_MAX_WORDS and line_key(line) in learned:
            moved.append(Removed(line, "boilerplate", "learned_repetition"))
        else:
            keep.append(line)
    if not moved:
        return cleaned
    return CleanText(body="\n\n".join(keep), title=cleaned.title, removed=cleaned.removed + tuple(moved))
