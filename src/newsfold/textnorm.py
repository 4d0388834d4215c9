"""Text normalisation for clustering: word tokens, stop words, capitalised-name spans, numbers and years.

Everything here is model-free, multilingual and fast (regular expressions over the text, one pass each), so it
can run on every article at ingest. Stop word lists live in ``newsfold/data/stopwords/<lang>.txt`` (see the
README there); an unknown or missing language gets the union of all lists.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

STOPWORD_LANGS = ("en", "de", "fr", "es", "it", "pt", "ru", "ar")

# A word starts with a letter; inner hyphens stay ("al-Assad", "Saint-Denis"). Apostrophes split words, so
# "Lavrov's" gives "lavrov" + "s" and "l'Europe" gives "l" + "europe"; the stems left ("didn", "dell") are
# in the stop word lists and one-letter pieces are dropped.
_WORD = re.compile(r"[^\W\d_][\w]*(?:-\w+)*")
# Arabic diacritics (harakat) and tatweel are removed and alef variants unified, so spelling variants meet.
_AR_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_AR_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_CHAR = re.compile(r"[\u0600-\u06ff]")
# Numbers as written: 1,200 / 1.200 / 7.6 / 2005.
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
YEAR_MIN, YEAR_MAX = 1900, 2099
# Uppercase letters of the Latin, Greek and Cyrillic blocks (scripts with case); Arabic has none, so Arabic
# text gives no name spans.
_UPPER = "".join(chr(i) for i in range(0x41, 0x530) if chr(i).isupper())
# Name connectors that may sit inside a capitalised span ("Bank of England", "Luigi Di Maio", "bin Salman").
_CONNECTOR_WORDS = "of de del della di da do dos das du des la le van von der den bin ibn al el y und"
NAME_CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
_CONNECTORS = "|".join(sorted(NAME_CONNECTORS))
_CAP_WORD = rf"[{_UPPER}][\w]*(?:-\w+)*"
_SPAN = re.compile(rf"(?<![\w.])({_CAP_WORD}(?:[ \t]+(?:(?:{_CONNECTORS})[ \t]+){{0,2}}{_CAP_WORD})*)")
# What may precede a sentence's first word: end punctuation, a line start, quotes, dashes, colons.
_SENT_START = re.compile(r"(?:^|[.!?:;\n\"“”«»—–|(\[]\s*)$")
# A line whose words are mostly capitalised is a headline in title case: its capitals are not names.
TITLE_CASE_SHARE = 0.6


@cache
def stopwords(lang: str | None) -> frozenset[str]:
    """Stop words for a language: function words, reporting verbs and calendar words.

    Args:
        lang: ISO 639-1 code; None or a language without a list gives the union of all lists.

    Returns:
        Lowercase words (Arabic ones normalised as :func:`normalize_token` does).
    """
    if lang not in STOPWORD_LANGS:
        out: set[str] = set()
        for code in STOPWORD_LANGS:
            out |= stopwords(code)
        return frozenset(out)
    path = resources.files("newsfold").joinpath("data", "stopwords", f"{lang}.txt")
    text = path.read_text(encoding="utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        for word in line.split("#", 1)[0].split():
            words.add(normalize_token(word))
    return frozenset(words)


@cache
def all_stopwords() -> frozenset[str]:
    """The union of every stop word list (for text whose language is unknown or mixed)."""
    return stopwords(None)


def normalize_token(word: str) -> str:
    """Lowercase a word and unify Arabic spelling variants (marks, tatweel, alef forms).

    Args:
        word: one token as found in the text.

    Returns:
        The normalised token.
    """
    w = word.lower()
    if _ARABIC_CHAR.search(w):
        w = _AR_DIACRITICS.sub("", w).translate(_AR_ALEF)
    return w


def _normalize_text(text: str) -> str:
    text = text.lower()
    if _ARABIC_CHAR.search(text):
        text = _AR_DIACRITICS.sub("", text).translate(_AR_ALEF)
    return text


def tokens(text: str, lang: str | None = None) -> list[str]:
    """Content words of a text: lowercase, no stop words, no numbers, no one-letter words.

    Args:
        text: any text.
        lang: ISO 639-1 code choosing the stop word list; None uses all lists.

    Returns:
        Tokens in text order (repeats kept, for term frequencies).
    """
    stop = stopwords(lang) if lang in STOPWORD_LANGS else all_stopwords()
    return [w for w in _WORD.findall(_normalize_text(text)) if w not in stop and len(w) > 1]


def _title_case(line: str) -> bool:
    words = line.split()
    # A sentence ends with punctuation; a headline seldom does (and a name-dense sentence is not a headline).
    if len(words) < 4 or len(words) > 25 or line.rstrip()[-1:] in '.!?"”»':
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= TITLE_CASE_SHARE * len(words)


def name_spans(text: str, lang: str | None = None) -> list[str]:
    """Capitalised-name spans (people, places, organisations) found without a model.

    A span is a run of capitalised words, possibly joined by lowercase connectors ("Bank of England"). Stop
    words at either end are dropped, so a capitalised first word of a sentence ("The", "But") never counts,
    nor does a lone first word that the text also writes in lowercase ("Police said"). Lines in title case
    (headlines) are skipped. Scripts without case (Arabic) give no spans.

    Args:
        text: any text.
        lang: ISO 639-1 code for the stop word list.

    Returns:
        Lowercase spans in text order, repeats kept.
    """
    stop = stopwords(lang) if lang in STOPWORD_LANGS else all_stopwords()
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) < 300 and _title_case(line):
            continue
        for m in _SPAN.finditer(line):
            words = normalize_token(m.group()).split()
            while words and (words[0] in stop or len(words[0]) < 2):
                words.pop(0)
            while words and (words[-1] in stop or len(words[-1]) < 2):
                words.pop()
            # A lone capitalised first word of a sentence is a name only if the text never writes it in
            # lowercase ("Police said" vs "the police").
            if (
                len(words) == 1
                and _SENT_START.search(line[max(0, m.start() - 4) : m.start()])
                and f" {words[0]}" in text
            ):
                continue
            if words:
                out.append(" ".join(words))
    return out


def numbers(text: str) -> list[str]:
    """Figures and years mentioned in a text, normalised: ``"y2005"`` for a year, ``"1200"``, ``"7.6"``.

    One-digit integers are left out (too common to tell events apart). Thousands separators are removed.

    Args:
        text: any text.

    Returns:
        Normalised numbers in text order, repeats kept.
    """
    out: list[str] = []
    for m in _NUMBER.finditer(text):
        raw = m.group()
        thousands = _THOUSANDS.fullmatch(raw)
        raw = raw.replace(",", "").replace(".", "") if thousands else raw.replace(",", ".")
        if raw.isdigit():
            value = int(raw)
            if YEAR_MIN <= value <= YEAR_MAX and len(raw) == 4:
                out.append(f"y{value}")
                continue
            if value < 10:
                continue
            raw = str(value)
        out.append(raw)
    return out


def years(nums: list[str]) -> list[int]:
    """The years among normalised numbers from :func:`numbers`."""
    return [int(n[1:]) for n in nums if n.startswith("y")]


def strip_accents(text: str) -> str:
    """Remove combining accents (for matching names written with and without them)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
