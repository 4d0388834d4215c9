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
# The words of _WORD that are longer than one letter, found by the regex itself: the same matches at the same
# places, since a one-letter match of _WORD ends where no word character and no "-" + word character follows,
# which is exactly where this pattern fails and the scan moves on to the same next position. Content words are
# never one letter, so the tokenisers below need no length test per word.
_LONG_WORD = re.compile(r"[^\W\d_](?:\w+(?:-\w+)*|(?:-\w+)+)")
# Arabic diacritics (harakat) and tatweel are removed and alef variants unified, so spelling variants meet.
_AR_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_AR_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_CHAR = re.compile(r"[\u0600-\u06ff]")
# Numbers as written: 1,200 / 1.200 / 7.6 / 2005.
# "\b" before a digit is written as a lookbehind after it ("\d(?<!\w.)": no word character before the first digit):
# the same matches, but a pattern that opens with a character class is scanned in C (over twice as fast). The date
# patterns below use the same trick.
_NUMBER = re.compile(r"\d(?<!\w.)\d*(?:[.,]\d+)*")
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
# The pattern opens with the uppercase class and checks "no word character or dot before the span" with a
# two-character lookbehind after that first letter: the same matches as a lookbehind before it, but a pattern that
# starts with a character class lets the regex engine skip non-capitals in C (about twice as fast).
_SPAN = re.compile(
    rf"([{_UPPER}](?<![\w.].)[\w]*(?:-\w+)*(?:[ \t]+(?:(?:{_CONNECTORS})[ \t]+){{0,2}}{_CAP_WORD})*)"
)
# What may precede a sentence's first word: end punctuation, a line start, quotes, dashes, colons.
_SENT_START = re.compile(r"(?:^|[.!?:;\n\"“”«»—–|(\[]\s*)$")
# A word written in lowercase after a space (the test for "Police said" vs "the police"): every such word of a
# text (_LOWER_WORDS), or one looked up at a known position (_LOWER_WORD, see :func:`_written_lowercase`).
_LOWER_WORD = re.compile(r"[^\W\d_A-Z\u00c0-\u00de\u0391-\u03a9\u0400-\u042f][\w]*(?:-\w+)*")
_LOWER_WORDS = re.compile(rf"(?<= ){_LOWER_WORD.pattern}")
# The lowercase test for a sentence-initial word looks the word up in the text (str.find, in C) rather than
# collecting every lowercase word (a regex pass over the whole text), until the look-ups have cost about as much
# as that pass would: then the pass is made once and the rest are set look-ups. Costs in characters of regex
# scanning, measured on the benchmark stream and crisis-it: a str.find scan ~1/32 of a character each, a tried
# occurrence ~64 characters. Both ways give the same answers; only the cost differs (long texts with many
# sentence starts, like crisis-it, switch early; 300-800-word news articles seldom do).
FIND_COST_DIVISOR = 32
OCCURRENCE_COST = 64
# A line whose words are mostly capitalised is a headline in title case: its capitals are not names.
TITLE_CASE_SHARE = 0.6


def word_set(text: str) -> frozenset[str]:
    """The words of a word list written as one whitespace-separated string (easier to read and extend than a
    list literal)."""
    return frozenset(text.split())


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


def _has_arabic(text: str) -> bool:
    """Whether ``text`` has a character of the Arabic block (U+0600-U+06FF), as ``_ARABIC_CHAR.search`` tells.

    In UTF-8 exactly these characters start with the bytes D8-DB (two-byte sequences of 0x18-0x1B << 6 and more;
    no other sequence holds such a byte), and four byte searches over the encoded text are about four times
    cheaper than a regex scan of the string (measured on the benchmark stream's non-ASCII texts: 3.4 against
    13.4 us per article). Lone surrogates pass as three-byte sequences (ED ...), which hold none of them.
    """
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return b"\xd8" in data or b"\xd9" in data or b"\xda" in data or b"\xdb" in data


has_arabic = _has_arabic  # for other modules


def _normalize_text(text: str) -> str:
    text = text.lower()
    if _has_arabic(text):
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
    return [w for w in _LONG_WORD.findall(_normalize_text(text)) if w not in stop]


def _title_case(line: str) -> bool:
    # A sentence ends with punctuation; a headline seldom does (and a name-dense sentence is not a headline).
    # The ending is tested first: it settles most lines without splitting them into words.
    if line.rstrip()[-1:] in '.!?"”»':
        return False
    words = line.split()
    if len(words) < 4 or len(words) > 25:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= TITLE_CASE_SHARE * len(words)


def _written_lowercase(text: str, word: str) -> tuple[bool, int]:
    """Whether ``text`` writes ``word``, exactly, as a whole lowercase-initial word right after a space.

    The same answer as ``word in set(_LOWER_WORDS.findall(text))``, found by trying only the places where
    ``" " + word`` occurs.

    Returns:
        The answer, and how many occurrences were tried (for the caller's cost count).
    """
    needle = " " + word
    tried = 0
    at = text.find(needle)
    while at >= 0:
        tried += 1
        m = _LOWER_WORD.match(text, at + 1)
        if m is not None and m.group() == word:
            return True, tried
        at = text.find(needle, at + 1)
    return False, tried


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
    # word -> whether the text also writes it in lowercase, asked once per word; and every word the text writes in
    # lowercase, collected once the look-ups have cost as much (see FIND_COST_DIVISOR).
    lowercase: dict[str, bool] = {}
    lower_words: set[str] | None = None
    budget = len(text)
    trimmed = _span_names(lang)
    for line in text.split("\n"):
        if not line or (len(line) < 300 and _title_case(line)):  # an empty line has no span
            continue
        for m in _SPAN.finditer(line):
            span = m.group()
            name = trimmed.get(span)
            if name is None:
                name = _trimmed_span(span, stop)
                trimmed[span] = name
            if not name:
                continue
            # A lone capitalised first word of a sentence is a name only if the text never writes it in
            # lowercase ("Police said" vs "the police"). The sentence-start test reads the four characters before
            # the span in place (pos and endpos instead of a slice: the same answer, as "^" in the pattern can
            # only match an empty slice, at the line's start).
            at = m.start()
            if " " not in name and _SENT_START.search(line, at - 4 if at > 4 else 0, at):
                seen = lowercase.get(name)
                if seen is None:
                    if lower_words is None and budget <= 0:
                        lower_words = set(_LOWER_WORDS.findall(text))
                    if lower_words is not None:
                        seen = name in lower_words
                    else:
                        seen, tried = _written_lowercase(text, name)
                        budget -= len(text) // FIND_COST_DIVISOR + OCCURRENCE_COST * tried
                    lowercase[name] = seen
                if seen:
                    continue
            out.append(name)
    return out


# A span's name (its stop words and one-letter words at either end dropped) depends only on the span and the stop
# word list, and the same spans recur within an article and across articles (a name is written many times), so
# names are remembered per stop word list: a pure cache, bounded (cleared when full). Measured on the first 3,000
# articles of the benchmark stream: ~73 spans per article, a dict look-up instead of lowercasing, splitting and
# trimming each; a cache of SPAN_CACHE_SIZE short strings holds a few MB in each worker.
SPAN_CACHE_SIZE = 50_000
_SPAN_NAMES: dict[str | None, dict[str, str]] = {}


def _span_names(lang: str | None) -> dict[str, str]:
    """The cache of span -> name for one stop word list (``lang`` as :func:`name_spans` chooses its list)."""
    names = _SPAN_NAMES.setdefault(lang if lang in STOPWORD_LANGS else None, {})
    if len(names) >= SPAN_CACHE_SIZE:
        names.clear()
    return names


def _trimmed_span(span: str, stop: frozenset[str]) -> str:
    """A span's name: lowercase, stop words and one-letter words at either end dropped ("" when none is left)."""
    # Spans come from cased scripts only, so lowercasing is all the normalisation they need.
    words = span.lower().split()
    while words and (words[0] in stop or len(words[0]) < 2):
        words.pop(0)
    while words and (words[-1] in stop or len(words[-1]) < 2):
        words.pop()
    return " ".join(words)


def numbers(text: str) -> list[str]:
    """Figures and years mentioned in a text, normalised: ``"y2005"`` for a year, ``"1200"``, ``"7.6"``.

    One-digit integers are left out (too common to tell events apart). Thousands separators are removed.

    Args:
        text: any text.

    Returns:
        Normalised numbers in text order, repeats kept.
    """
    # Each number as written is normalised once and remembered (a pure cache, bounded): a text repeats its figures
    # and years, and the matches are then collected and looked up in C.
    cache = _NUMBER_FORMS
    if len(cache) >= NUMBER_CACHE_SIZE:
        cache.clear()
    written = _NUMBER.findall(text)
    found = list(map(cache.get, written))
    if None in found:
        for raw in set(written).difference(cache):
            cache[raw] = _number_form(raw)
        found = list(map(cache.__getitem__, written))
    return [form for form in found if form]


# Normalised forms of numbers as written ("" for one left out), for :func:`numbers`; a few MB at most.
NUMBER_CACHE_SIZE = 50_000
_NUMBER_FORMS: dict[str, str] = {}


def _number_form(raw: str) -> str:
    """One number as written, normalised as :func:`numbers` gives it; "" for a one-digit integer (left out)."""
    # Thousands need a separator: a plain integer (most numbers) skips the regex.
    thousands = ("," in raw or "." in raw) and _THOUSANDS.fullmatch(raw)
    raw = raw.replace(",", "").replace(".", "") if thousands else raw.replace(",", ".")
    if raw.isdigit():
        value = int(raw)
        if YEAR_MIN <= value <= YEAR_MAX and len(raw) == 4:
            return f"y{value}"
        if value < 10:
            return ""
        raw = str(value)
    return raw


def years(nums: list[str]) -> list[int]:
    """The years among normalised numbers from :func:`numbers`."""
    return [int(n[1:]) for n in nums if n.startswith("y")]


def strip_accents(text: str) -> str:
    """Remove combining accents (for matching names written with and without them)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Month names and abbreviations (lowercase, accents as written) in en, de, fr, es, it, pt, ru and ar, for the
# dates an article writes ("Nov 28, 2005", "9 September 2013", "5. März 2011", "15 de marzo de 2011",
# "15 марта 2011", "15 مارس 2011"). Russian names are given as stems: any ending after them matches.
_MONTHS_BY_NUMBER = (
    "january jan januar jänner janvier janv enero ene gennaio gen janeiro январ янв يناير",
    "february feb februar février fevrier févr fevr febrero febbraio fevereiro fev феврал фев فبراير",
    "march mar märz maerz mars marzo março marco март مارس",
    "april apr avril avr abril abr aprile апрел апр أبريل ابريل",
    "may mai mayo maggio mag maio мая май مايو",
    "june jun juni juin junio giugno giu junho июн يونيو",
    "july jul juli juillet juil julio luglio lug julho июл يوليو",
    "august aug août aout agosto ago август авг أغسطس اغسطس",
    "september sep sept septembre septiembre settembre set setembro сентябр сен سبتمبر",
    "october oct oktober octobre octubre ottobre ott outubro out октябр окт أكتوبر اكتوبر",
    "november nov novembre noviembre novembro ноябр ноя نوفمبر",
    "december dec dez dezember décembre decembre déc diciembre dic dicembre dezembro декабр дек ديسمبر",
)
MONTHS: dict[str, int] = {w: n for n, words in enumerate(_MONTHS_BY_NUMBER, 1) for w in words.split()}
_RU_STEMS = tuple(w for w in MONTHS if "\u0400" <= w[0] <= "\u04ff")
# "\b" + 2-12 letters (see _NUMBER for the lookbehind). The letters are taken possessively: what follows a month
# word in every pattern starts with a non-letter, so giving letters back could never make a match, and not trying
# it makes the two patterns that open with a month word about twice as fast.
_MONTH_WORD = r"([^\W\d_](?<!\w.)[^\W\d_]{1,11}+)\.?"
# "28 Nov 2005", "5. März 2011", "15 de marzo de 2011" / "Nov 28, 2005", "Nov. 28th, 2005" / "March 2009".
_DAY_MONTH_YEAR = re.compile(rf"(\d(?<!\w.)\d?)\.?\s+(?:de\s+)?{_MONTH_WORD},?\s+(?:de\s+)?(\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_MONTH_YEAR = re.compile(rf"{_MONTH_WORD},?\s+(?:de\s+)?(\d{{4}})\b")
# "06 / 06 / 13", "5/5/2010", "05.06.2013": day and month order is ambiguous, so only the year is kept
# (and the month when one part is above 12 shows which part is the day).
_NUMERIC_DATE = re.compile(r"(\d(?<!\w.)\d?)\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})\b")
_NAMED_DATES = ((_DAY_MONTH_YEAR, 2, 3), (_MONTH_DAY_YEAR, 1, 3), (_MONTH_YEAR, 1, 2))  # pattern, month, year
# What every written-date pattern needs (the same \d as theirs: any script's digits).
_FOUR_DIGITS = re.compile(r"\d{4}")
HEAD_CHARS = 300  # where an article's own date line is looked for (title, date line, first sentence)


def month_number(word: str) -> int | None:
    """The month (1-12) a month name or abbreviation stands for, in any listed language; None otherwise."""
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    if w[:1] and "\u0400" <= w[0] <= "\u04ff":
        for stem in _RU_STEMS:
            if len(stem) > 2 and w.startswith(stem):
                return MONTHS[stem]
    return None


def _year(raw: str) -> int | None:
    value = int(raw)
    if len(raw) == 2:
        value += 2000 if value < 70 else 1900
    return value if YEAR_MIN <= value <= YEAR_MAX else None


def month_years(text: str) -> list[tuple[int, int]]:
    """Month-and-year mentions in a text as ``(year, month)``; month 0 where only the year is sure.

    Written dates with a month name ("Nov 28, 2005", "9 September 2013", "March 2009", in any listed language)
    and numeric dates with a year ("06 / 06 / 13", "5/5/2010"). Bare years are left to :func:`numbers`.

    Args:
        text: any text.

    Returns:
        The mentions in order of the patterns, repeats kept.
    """
    out: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []
    # Each written-date pattern ends in a four-digit year, and trying them at every word of a text without one
    # cost more than all the rest of this function: without four digits in a row they are not tried at all.
    named = _NAMED_DATES if _FOUR_DIGITS.search(text) else ()
    for pattern, mi, yi in named:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            month, year = month_number(m.group(mi)), _year(m.group(yi))
            if month and year:
                out.append((year, month))
                taken.append(m.span())
    for m in _NUMERIC_DATE.finditer(text):
        year = _year(m.group(4))
        if year is None:
            continue
        a, b = int(m.group(1)), int(m.group(3))
        if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
            continue
        month = b if a > 12 else a if b > 12 else 0
        out.append((year, month))
    return out
