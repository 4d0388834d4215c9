"""The story summary: extractive, multi-source, every sentence cited to each article that states it.

A sentence is central when *other outlets* state it too (aligned through :mod:`newsfold.story.align`), not
when it resembles its own article. Candidates must look like finished sentences (:func:`is_summary_sentence`):
no fragments (a sentence needs a finite-verb-looking word), captions, headlines, datelines or sentences that
start or end inside a quote. Selection is MMR: the most central candidate first, then candidates that add
something the chosen ones do not already state. A sentence said twice (a paragraph printed twice, a lead restated
later, a wire sentence another outlet carries nearly verbatim) is one summary sentence (:func:`normalised`,
:func:`near_verbatim`), cited to every article that states it or carries it. The summary reads as the story: the
central sentence first, then the others by event time (the first date the sentence itself states, resolved against
its article's publish date; else that publish date), then by their place in the article.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from newsfold.models import Cited
from newsfold.story.align import Alignment
from newsfold.temporal import find_dates, parse_published
from newsfold.textnorm import word_set

# Length bounds of a summary sentence, in words: shorter ones are fragments or captions; longer ones are
# run-ons that a segmenter failed to split. Read off the seeds and crisis-it: real lead sentences are 10-45.
MIN_WORDS = 8
MAX_WORDS = 60
# Title-case share above which a "sentence" is a headline or caption (names alone never reach it in prose).
MAX_CAPITALISED = 0.5
# MMR trade-off: weight of centrality against redundancy with the sentences already chosen. Swept 0.5-0.9
# with evaluate/summary.py on crisis-it; flat between 0.6 and 0.8.
MMR_LAMBDA = 0.7
# Share of a candidate's score given by its place in the article (news puts the main fact first).
LEAD_BONUS = 0.35
# Two sentences are one when their normalised texts (:func:`normalised`) are equal, or when they are near-verbatim:
# their token sets have at least this Jaccard similarity (one or two words changed in a 15-25 word sentence), or
# one's tokens are all in the other's and make at least NEAR_CONTAINED of them (a lead restated with or without its
# attribution) -- and, unless equal, they state the same claim (:meth:`newsfold.story.claims.Claims.agrees`).
NEAR_JACCARD = 0.8
NEAR_CONTAINED = 0.5
# Sentences opening with a pronoun or connective lean on the sentence before: they read badly alone.
# Lowercase first words, by language: en, de, fr, es, it, pt, ru, ar.
_DANGLING = word_set(
    "he she it they this these those that his her its their him them also however but and so then "
    "thus er sie es dies diese dieser aber auch jedoch und il elle ils elles ce cette ces mais aussi "
    "cependant et él ella ellos ellas esto este esta estos pero también sin embargo y lui lei essi "
    "esse questo questa questi ma anche però ele ela eles elas isto este esta mas também porém он "
    "она они это этот эта эти но также однако и هو هي هم هذا هذه لكن كما"
)
# A sentence needs a word that looks like a finite verb, else it is a fragment ("In light of escalating
# tensions on the border between two countries, an ally of the West."). Per language: a closed list of
# auxiliaries, copulas and common irregular verbs, plus endings that mark finite or perfect forms. Languages
# without an entry (ar, others) are not checked. Lists read off grammar tables, not off the data.
_FINITE_WORDS = {
    "en": word_set(
        "is are was were be been has have had will would shall should can could may might must do does did "
        "says said say tells told makes made takes took gives gave sends sent comes came goes went holds held "
        "meets met leads led wins won loses lost leaves left becomes became begins began finds found sees saw "
        "gets got puts put sets runs ran falls fell rises rose speaks spoke writes wrote brings brought "
        "thinks thought keeps kept pays paid sells sold stands stood hits cuts shot fled knows knew remains "
        "seems shows needs wants calls includes expects"
    ),
    "de": word_set(
        "ist sind war waren hat haben hatte hatten wird werden wurde wurden kann können soll sollen muss"
    ),
    "fr": word_set(
        "est sont était étaient a ont avait avaient sera seront fut peut peuvent doit doivent va vont"
    ),
    "es": word_set(
        "es son era eran fue fueron ha han había habían será serán está están puede pueden debe va van"
    ),
    "it": word_set(
        "è sono era erano fu furono ha hanno aveva avevano sarà saranno può possono deve va vanno"
    ),
    "pt": word_set(
        "é são era eram foi foram tem têm tinha tinham será serão está estão pode podem deve vai vão"
    ),
    "ru": word_set("есть был была было были будет будут является может могут должен"),
}
_FINITE_ENDINGS = {
    "en": ("ed",),
    "de": ("te", "ten", "t"),
    "fr": ("ait", "aient", "ent", "é", "ée", "és", "ra", "ront"),
    "es": ("ó", "aron", "ieron", "aba", "aban", "ía", "ían", "ado", "ido", "an", "en"),
    "it": (
        "ò",
        "ì",
        "arono",
        "irono",
        "erono",
        "ava",
        "avano",
        "eva",
        "evano",
        "ato",
        "ito",
        "uto",
        "ano",
        "ono",
    ),
    "pt": ("ou", "aram", "eram", "iram", "ava", "avam", "ia", "iam", "ado", "ido", "am", "em"),
    "ru": ("л", "ла", "ло", "ли", "ет", "ит", "ют", "ят", "ут", "ат"),
}
# A line that is only a dateline ("CITY, MON 17 (AGENCY):-"): a place in capitals, a date, an agency.
_DATELINE_ONLY = re.compile(
    r"^[^\W\d_][\w'’ .-]{1,30},?\s*(?:[\w.]{1,10}\s+[\w.]{1,10}(?:,?\s+\d{4})?\.?\s*)?"
    r"(?:\([\w/ .-]{1,30}\)|/[\w .-]{1,30}/)?\s*[.:\-–—]*\s*$"
)
_END = re.compile(r"[.!?…。؟][\"'”’»)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTE_CHARS = '"“”«»„'
# Tokens of the normalised text: word characters, numbers kept whole ("4.5", "1,200") and apostrophes inside words.
_TOKEN = re.compile(r"\w+(?:['.,]\w+)*")
_QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate sentence with its score, for evaluation and debugging."""

    unit: int
    score: float


def is_summary_sentence(text: str, lang: str | None = "en") -> bool:
    """Tell whether a sentence can stand alone in a summary.

    A summary sentence has 8-60 words, ends with sentence punctuation, starts with a capital, a digit or an
    opening quote, has balanced quotation marks (it does not start or end inside a quote), is not in title
    case (a headline or caption) and has a finite-verb-looking word (:func:`has_finite_verb`).

    Args:
        text: the sentence.
        lang: ISO 639-1 code of its language (chooses the verb rules).

    Returns:
        True when it may be used.
    """
    words = _WORD.findall(text)
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not _END.search(text.rstrip()) or is_dateline(text):
        return False
    first = text.lstrip(_QUOTE_CHARS + " ")[:1]
    if not first or first.islower() or not (first.isalnum() or first in _QUOTE_CHARS):
        return False
    if any(c in text for c in "|•") or "http" in text or "@" in text:
        return False
    straight = text.count('"')
    curly_open = text.count("“") + text.count("«") + text.count("„")
    curly_close = text.count("”") + text.count("»")
    if straight % 2 or (curly_open + curly_close and curly_open != curly_close):
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    if caps > MAX_CAPITALISED * len(words):
        return False
    return has_finite_verb(words, lang)


def has_finite_verb(words: list[str], lang: str | None) -> bool:
    """Tell whether a sentence's words include one that looks like a finite verb (see :data:`_FINITE_WORDS`).

    The first word is not counted for the endings (a capitalised name or place often ends like a verb).

    Args:
        words: the sentence's words, in order.
        lang: ISO 639-1 code; a language without rules passes.

    Returns:
        True when a verb-looking word is found, or the language is not checked.
    """
    code = lang or "en"
    if code not in _FINITE_WORDS:
        return True
    fixed, endings = _FINITE_WORDS[code], _FINITE_ENDINGS[code]
    for n, w in enumerate(words):
        low = w.lower()
        if low in fixed:
            return True
        if n and w[:1].islower() and len(low) > 3 and low.endswith(endings):
            return True
    return False


def is_dateline(text: str) -> bool:
    """Tell whether a line is only a dateline ("CITY, MON 17 (AGENCY):-"), with no sentence after it."""
    t = text.strip()
    marked = any(c.isdigit() for c in t) or "(" in t or "/" in t  # a date or an agency, not a short sentence
    return bool(t) and len(t.split()) <= 8 and marked and bool(_DATELINE_ONLY.match(t))


def ends_sentence(text: str) -> bool:
    """Tell whether a text ends like a sentence (end punctuation, maybe a closing quote or bracket)."""
    return bool(_END.search(text.rstrip()))


def sentence_words(text: str) -> list[str]:
    """The words (letter runs) of a text, in order."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """Number of words (letter runs) in a text."""
    return len(_WORD.findall(text))


def summary_size(n_articles: int) -> int:
    """How many sentences a story of ``n_articles`` articles gets: 3 to 10, growing with its square root."""
    return max(3, min(10, round(1.5 + 1.6 * math.sqrt(max(1, n_articles)))))


def rank_sentences(al: Alignment, outlet_of: dict[str, str]) -> list[Ranked]:
    """Score every eligible sentence by how many other outlets state it, plus its lead position.

    Args:
        al: the story's alignment.
        outlet_of: original article key -> outlet name (articles without one are their own outlet).

    Returns:
        Eligible sentences, best first.
    """
    originals = {u.origin for u in al.units}
    cols = [(k, a.key) for k, a in enumerate(al.articles) if a.key in originals and al.by_article.get(a.key)]
    lang = {a.key: a.lang for a in al.articles}
    cands = [i for i, u in enumerate(al.units) if is_summary_sentence(u.text, lang.get(u.article))]
    if not cands:
        return []
    stated = al.stated_by()
    rows = al.overlap[cands]
    dice = 2.0 * rows / (al.weight[cands][:, None] + al.weight[None, :] + 1e-9)
    best_sim = np.stack([dice[:, al.by_article[key]].max(axis=1) for _, key in cols], axis=1)
    ranked: list[Ranked] = []
    for r, i in enumerate(cands):
        u = al.units[i]
        own = outlet_of.get(u.origin, u.origin)
        support: dict[str, float] = {}
        for c, (k, key) in enumerate(cols):
            outlet = outlet_of.get(key, key)
            if outlet == own:
                continue
            # Partial agreement counts a little: a paraphrase the strict test misses.
            s = 1.0 if stated[i, k] else 0.5 * float(best_sim[r, c])
            support[outlet] = max(support.get(outlet, 0.0), s)
        score = sum(support.values()) + LEAD_BONUS * (1.0 - u.position)
        first = _WORD.findall(u.text)[:1]
        if first and first[0].lower() in _DANGLING:
            score *= 0.5
        ranked.append(Ranked(i, score))
    ranked.sort(key=lambda r: (-r.score, r.unit))
    return ranked


def summarize(
    al: Alignment,
    outlet_of: dict[str, str],
    *,
    size: int | None = None,
) -> list[Cited]:
    """Choose the summary sentences of a story and cite each to every article that states it.

    A sentence said twice (the same normalised text, or near-verbatim: :func:`near_verbatim`) is chosen once, and
    cited to every article that states it or carries a copy; so no two summary sentences have the same normalised text.

    Args:
        al: the story's alignment.
        outlet_of: original article key -> outlet name.
        size: number of sentences; default :func:`summary_size` of the number of originals.

    Returns:
        The summary sentences, the central one first, then by event time; ``date`` is the event date (the
        first date the sentence states, else its article's publish date), None when neither is known.
    """
    ranked = rank_sentences(al, outlet_of)
    if not ranked:
        return []
    originals = {u.origin for u in al.units}
    want = size if size is not None else summary_size(len(originals))
    top = ranked[0].score or 1.0
    same = _Repeats(al)
    # One candidate per normalised text: the best-ranked copy stands for all of them.
    seen: set[str] = set()
    pool: list[Ranked] = []
    for r in ranked:
        if same.key[r.unit] not in seen:
            seen.add(same.key[r.unit])
            pool.append(r)
    chosen: list[Ranked] = []
    redundancy = dict.fromkeys((r.unit for r in pool), 0.0)  # max over the chosen, updated as each is added
    while pool and len(chosen) < want:
        if chosen:
            last = chosen[-1].unit
            for cand in pool:
                if redundancy[cand.unit] < 1.0:
                    redundancy[cand.unit] = max(redundancy[cand.unit], _redundancy(al, cand.unit, last, same))
        best: tuple[float, Ranked] | None = None
        for cand in pool:
            if redundancy[cand.unit] >= 1.0:
                continue
            value = MMR_LAMBDA * cand.score / top - (1.0 - MMR_LAMBDA) * redundancy[cand.unit]
            if best is None or value > best[0]:
                best = (value, cand)
        if best is None:
            break
        chosen.append(best[1])
        pool.remove(best[1])
    return _in_story_order(al, chosen, {r.unit: same.citing(r.unit) for r in chosen})


def normalised(text: str) -> str:
    """A sentence's text with case, whitespace, punctuation and quotation marks folded: its tokens (words, numbers
    kept whole), lowercase, one space apart. Two sentences with the same normalised text are one sentence."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTE_FOLD)
    return " ".join(_TOKEN.findall(folded))


def near_verbatim(claim: frozenset[str], other: frozenset[str]) -> bool:
    """Tell whether a sentence of tokens ``other`` repeats one of tokens ``claim`` nearly word for word: their
    token sets have a Jaccard similarity of at least :data:`NEAR_JACCARD`, or all of ``claim``'s tokens are in
    ``other`` and make at least :data:`NEAR_CONTAINED` of its tokens (``other`` says it, and a little more).

    Args:
        claim: the tokens of the repeated sentence (the words of :func:`normalised`).
        other: the tokens of the sentence that may repeat it.

    Returns:
        True when ``other`` repeats ``claim``.
    """
    if not claim or not other:
        return False
    common = len(claim & other)
    if common == len(claim):
        return common >= NEAR_CONTAINED * len(other)
    return common >= NEAR_JACCARD * (len(claim) + len(other) - common)


# A figure of a sentence: digits, with one decimal part (either mark); see _Repeats.same_figures.
_FIGURE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])")


def _not_figure(number: str) -> bool:
    """Whether a number says too little to mark a fact: a year (1900-2099) or a whole number below 10."""
    if "." in number:
        return False
    value = int(number)
    return value < 10 or 1900 <= value <= 2099


class _Repeats:
    """The repeats among a story's units: each unit's normalised text and tokens, the units of each text, and
    whether one unit repeats another (:meth:`repeats`)."""

    def __init__(self, al: Alignment) -> None:
        self._al = al
        self.key = [normalised(u.text) for u in al.units]
        self._units: dict[str, list[int]] = {}
        for i, k in enumerate(self.key):
            self._units.setdefault(k, []).append(i)
        self._tokens = {k: frozenset(k.split()) for k in self._units}
        self._figure_cache: dict[int, frozenset[str]] = {}
        self._dates: dict[int, str | None] = {}

    def repeats(self, i: int, j: int) -> bool:
        """Tell whether unit j repeats unit i, so that an article stating j states i: the same normalised text, or
        near-verbatim (:func:`near_verbatim`) and stating i's claim (polarity, tense, dates, details)."""
        a, b = self.key[i], self.key[j]
        if a == b:
            return True
        if not near_verbatim(self._tokens[a], self._tokens[b]):
            return False
        return self._al.claims is None or self._al.claims.agrees(i, (j,))

    def same_figures(self, i: int, j: int) -> bool:
        """Tell whether two sentences of different articles give the same figure about the same day: a number that
        is no year nor below 10 ("3,75 %" / "3.75%", "25 puntos básicos" / "25 points de base"), with the same event
        date or one of them undated. Words do not tell a fact said in two languages, or in other words, apart from
        another fact ("снизил ставку по депозитам до 3,75%" / "ставка по депозитам ... до 3,75%"); a figure does.
        Only for redundancy: it keeps a summary from saying one fact twice, and cites nothing."""
        a, b = self._al.units[i], self._al.units[j]
        if a.article == b.article or not (self._figures(i) & self._figures(j)):
            return False
        when = self._when([i, j])
        return when[i] is None or when[j] is None or when[i] == when[j]

    def _figures(self, i: int) -> frozenset[str]:
        got = self._figure_cache.get(i)
        if got is None:
            got = self._figure_cache[i] = frozenset(
                f
                for raw in _FIGURE.findall(self._al.units[i].text)
                if (f := raw.replace(",", ".")) and not _not_figure(f)
            )
        return got

    def _when(self, units: list[int]) -> dict[int, str | None]:
        missing = [u for u in units if u not in self._dates]
        if missing:
            self._dates.update(event_dates(self._al, missing))
        return {u: self._dates[u] for u in units}

    def citing(self, i: int) -> tuple[str, ...]:
        """Every article that states unit i (:meth:`~newsfold.story.align.Alignment.citing`) or has a sentence that
        repeats it, in story order. (Not the articles that state a repeat: stating is not transitive.)"""
        keys = set(self._al.citing(i))
        for k, units in self._units.items():
            if k == self.key[i] or self.repeats(i, units[0]):
                keys.update(self._al.units[j].article for j in units)
        return tuple(a.key for a in self._al.articles if a.key in keys)


def event_dates(al: Alignment, units: list[int]) -> dict[int, str | None]:
    """The date each unit is about: the first date it states (resolved against its article's publish date),
    else its article's publish day; None when neither is known.

    Args:
        al: the story's alignment.
        units: unit indices.

    Returns:
        unit index -> ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or None.
    """
    by_key = {a.key: a for a in al.articles}
    out: dict[int, str | None] = {}
    for i in units:
        u = al.units[i]
        art = by_key[u.article]
        dates = find_dates(u.text, published=parse_published(art.published), lang=art.lang)
        out[i] = dates[0].value if dates else art.day
    return out


def _in_story_order(al: Alignment, chosen: list[Ranked], cites: dict[int, tuple[str, ...]]) -> list[Cited]:
    """The central sentence first, then the others by event time and place; ``date`` is the event date; ``cites``
    gives each chosen unit's articles."""
    whens = event_dates(al, [r.unit for r in chosen])
    out: list[tuple[str, float, Cited]] = []
    for r in chosen:
        u = al.units[r.unit]
        when = whens[r.unit] or "9999"
        out.append((when, u.position, Cited(u.text, cites[r.unit], None if when == "9999" else when)))
    head, rest = out[:1], sorted(out[1:], key=lambda t: (t[0], t[1]))
    return [c for _, _, c in head + rest]


def _redundancy(al: Alignment, i: int, j: int, same: _Repeats) -> float:
    """1.0 when either sentence states or repeats the other; else their weighted similarity."""
    if al.units[i].article == al.units[j].article and al.units[i].index == al.units[j].index:
        return 1.0
    if al.states(i, j) or al.states(j, i) or same.repeats(i, j) or same.repeats(j, i):
        return 1.0
    if same.same_figures(i, j):
        return 1.0
    return al.similarity(i, j)
