"""Choosing a story's title from its articles' headlines, and a page's headline from its ``<title>``."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

_WORD = re.compile(r"\w{3,}", re.UNICODE)
# Stories bigger than this are titled from their newest headlines only, to keep refreshes cheap.
MAX_HEADLINES = 200
# A "headline" longer than this is a lede taken as the title (plain text and JSONL without titles): a real headline
# of another article is preferred, else the lede is cut to its first sentence, then to this many words and "…".
TITLE_WORDS = 20
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")
# A page title joins its headline and the site's (or a section's) name with a spaced separator: "Headline | Site",
# "Site - Headline", "Headline :: Section". An unspaced one is the headline's own ("Brexit: what next", "COVID-19"),
# and so is one inside brackets ("Song (Singer - Band)").
_SEPARATOR_OR_BRACKET = re.compile(r"\s+[|–—·•:»«/-]\s+|\s+::\s+|[()\[\]{}（）]")
_OPENING, _CLOSING = frozenset("([{（"), frozenset(")]}）")
# A separator left at either end once the site's name is gone from the markup ("About us |"): quote marks
# (« », “ ”) are not separators, and a dash or colon counts only with a space between it and the headline.
_DANGLING = re.compile(r"^(?:[|•]+\s*|[|·•–—:/\\-]+\s+)+|(?:\s+[|·•–—:/\\-]+|\s*[|•]+)+$")
_KEY_DROP = re.compile(r"[\W_]+")


# Headlines of corrections, in the eight languages: a label, then what it corrects.
_CORRECTION = re.compile(
    r"(?i:correction|corrección|corrigendum|rectificatif|rectification|rectificación|fe de errores|fe de erratas|"
    r"erratum|errata|korrektur|berichtigung|richtigstellung|rettifica|precisazione|correção|retificação|"
    r"поправка|уточнение|опровержение|تصحيح|توضيح)\s*[:.–—-]"
)


def choose_title(rows: Sequence[Any]) -> str:
    """The most representative headline: the one sharing the most words with the story's other headlines.

    Args:
        rows: mappings with ``title`` (and optionally ``published``), originals only, in arrival order.

    Returns:
        A headline (ties go to the earliest), or "" when there is none. Ledes taken as titles (more than
        ``TITLE_WORDS`` words) are used only when no article has a real headline, and then shortened.
    """
    titles = [_DANGLING.sub("", str(r["title"] or "").strip()) for r in rows[-MAX_HEADLINES:]]
    titles = [t for t in titles if t]
    if not titles:
        return ""
    # a correction's headline ("Fe de errores: ...", "Rectificatif : ...") names the story only when nothing else does
    titles = [t for t in titles if not _CORRECTION.match(t)] or titles
    short = [t for t in titles if len(t.split()) <= TITLE_WORDS]
    if not short:
        return shorten(_choose(titles))
    return _choose(short)


def trim_title(title: str, site_names: Iterable[str] = (), *, whole: bool = False) -> str:
    """A page's ``<title>`` or og:title cut to its headline.

    Separators left dangling at either end go ("About us |"); then the title is split at spaced separators
    outside brackets ("Headline | Site", not "Song (Singer - Band)"), the parts that name the site go (compared
    on letters and digits only, so "changenow.de" names the site ``changenow.de``), and of the rest the longest
    part is the headline.

    Args:
        title: the title as the page gives it.
        site_names: the site's names as the page and its address give them (og:site_name, the host).
        whole: keep the title whole when no part of it names the site (an og:title that the page's
            ``<title>`` extends is the headline as it is, separators and all).

    Returns:
        The headline; the title itself, without dangling separators, when every part names the site.
    """
    text = _DANGLING.sub("", " ".join(title.split()))
    parts = title_parts(text)
    kept = [part for part in parts if not names_site(part, site_names)]
    if not kept:
        return text
    if whole and len(kept) == len(parts):
        return text
    return max(kept, key=len)


def title_parts(title: str) -> list[str]:
    """A page title's parts between spaced separators outside brackets: "Headline | Site" -> ["Headline",
    "Site"]; "Song (Singer - Band)" stays one part."""
    parts: list[str] = []
    start = depth = 0
    for m in _SEPARATOR_OR_BRACKET.finditer(title):
        token = m.group()
        if token in _OPENING:
            depth += 1
        elif token in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(title[start : m.start()])
            start = m.end()
    parts.append(title[start:])
    return [part.strip() for part in parts if part.strip()]


def names_site(text: str, site_names: Iterable[str]) -> bool:
    """Whether ``text`` is one of the site's names (letters and digits compared, case aside)."""
    key = _key(text)
    return bool(key) and key in {_key(name) for name in site_names}


def _key(text: str) -> str:
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


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
