"""Datelines: the "CITY, Month Day (AGENCY) -" opening of a news report, in the usual wire shapes.

Shapes recognised (city, then an optional day and month in either order, then an optional agency in parentheses
or slashes, then a separator): ``MOSCOW, January 26. /TASS/.``, ``MOSCOW, FEB 17 (UNI):-``, ``Moscow, (UNI/Sputnik):``,
``WASHINGTON (Reuters) -``, ``PARIS, 3 mars (AFP) -``, ``BERLIN, 5. März (dpa) -``, ``LONDON —``. A dateline needs an
agency or a date, or an all-capitals city followed by a dash, so that an ordinary sentence opening is not taken for
one. A dateline never has a year; :func:`dateline_date` infers it from a reference date or gives up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# Month names and common abbreviations, lower case, in en, de, fr, es, it, pt and ru (nominative and genitive).
_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "январь",
        "января",
        "янв",
    ),
    2: (
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fev",
        "febrero",
        "febbraio",
        "fevereiro",
        "февраль",
        "февраля",
        "фев",
    ),
    3: ("march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "март", "марта"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апр"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "май", "мая"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "июнь", "июня"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "июль", "июля"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "август", "августа", "авг"),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "set",
        "setembro",
        "сентябрь",
        "сентября",
        "сен",
    ),
    10: (
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "октябрь",
        "октября",
        "окт",
    ),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя"),
    12: (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "декабрь",
        "декабря",
        "дек",
    ),
}
MONTHS: dict[str, int] = {word: month for month, words in _MONTH_WORDS.items() for word in words}

_WORD = r"[^\W\d_][^\W\d_'’.-]*"
_DATELINE = re.compile(
    rf"""^\s*
    (?P<city>{_WORD}(?:[ -]{_WORD}){{0,3}}?)               # one to four words
    (?:\s*,\s*|\s+)
    (?:(?P<date>\d{{1,2}}\.?\s+{_WORD}|{_WORD}\s+\d{{1,2}})  # "3 mars", "5. März", "January 26", "FEB 17"
       (?:,?\s+\d{{4}})?\s*[.,]?\s*)?
    (?:[(/]\s*(?P<agency>[^()/\n:]{{2,40}}(?:/[^()/\n:]{{2,40}})?)\s*[)/]\s*)?
    (?P<sep>[:.]?\s*[-–—]+|[:.]+\s*-?|[-–—]+)
    """,
    re.VERBOSE,
)
_DAY_MONTH = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)")
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})")
MAX_DATELINE_CHARS = 80  # longer openings are sentences, not datelines
# What a dateline needs before MAX_DATELINE_CHARS (a necessary condition, tested before the costly pattern): its
# separator holds one of ":.-–—", and an agency opens with "(" or "/"; the first of these characters comes after
# at most 9 whitespace-separated tokens (four city words, a lone comma, a day and month, a year, a lone comma),
# and none of the pattern's parts splits differently (the pattern's \s is str.split's whitespace).
_DATELINE_HINT = re.compile(r"[(/:.\-–—]")
DATELINE_HINT_TOKENS = 9
FUTURE_SLACK_DAYS = 2  # a dateline may be up to this far after its reference (time zones, late crawls)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A report's dateline: where, who and (without the year) when, plus the matched text."""

    city: str | None
    agency: str | None
    month: int | None
    day: int | None
    text: str


def _parse_day_month(raw: str) -> tuple[int | None, int | None]:
    m = _DAY_MONTH.fullmatch(raw.strip().rstrip(".,"))
    if m:
        day, word = int(m.group(1)), m.group(2)
    else:
        m = _MONTH_DAY.fullmatch(raw.strip().rstrip(".,"))
        if not m:
            return None, None
        word, day = m.group(1), int(m.group(2))
    month = MONTHS.get(word.lower().rstrip("."))
    if month is None or not 1 <= day <= 31:
        return None, None
    return month, day


def find_dateline(text: str) -> Dateline | None:
    """Find the dateline that opens a text (or its first paragraph).

    Args:
        text: an article body or one paragraph.

    Returns:
        The dateline with its matched text (separator included), or None when the text does not open with one.
    """
    head = text.lstrip()[: MAX_DATELINE_CHARS + 10]
    # Most paragraphs are prose, and trying the pattern's 1-4 city words against each of its continuations cost
    # more than the rest of cleaning's per-line rules together: a cheap necessary condition comes first.
    hint = _DATELINE_HINT.search(head, 0, MAX_DATELINE_CHARS)
    if hint is None or len(head[: hint.start()].split()) > DATELINE_HINT_TOKENS:
        return None
    m = _DATELINE.match(head)
    if not m or m.end() > MAX_DATELINE_CHARS:
        return None
    city = m.group("city").strip()
    month, day = _parse_day_month(m.group("date")) if m.group("date") else (None, None)
    if m.group("date") and month is None:
        return None  # "Foo bar" in the date slot was words, not a date
    agency = m.group("agency").strip() if m.group("agency") else None
    if agency and (not re.search(r"[^\W\d_]", agency) or _is_place(agency)):
        agency = None  # no letters, or the city's country or region: "DAMASCO (SIRIA) -", "Kiev (Ukraine) -"
    dash = any(c in m.group("sep") for c in "-–—")
    if agency is None and month is None and not (city.isupper() and len(city) > 2 and dash):
        return None
    return Dateline(city=city or None, agency=agency, month=month, day=day, text=m.group(0).strip())


def _is_place(words: str) -> bool:
    """Whether a dateline's parenthesis names a place (a country, a world region, a big city: the CLDR names of
    :func:`~newsfold.story.gazetteer.place_names`, in the eight languages) rather than an agency."""
    # data loaded once, on the first dateline with a parenthesis
    from newsfold.story.gazetteer import place_names

    return " ".join(words.split()).casefold() in place_names()


def dateline_date(dl: Dateline, reference: str | None) -> str | None:
    """Turn a dateline's day and month into a full date, taking the year from a reference date.

    The year is the reference's, or the one before when that would put the dateline more than
    ``FUTURE_SLACK_DAYS`` after the reference (a 31 December dateline crawled on 2 January).

    Args:
        dl: a dateline with ``month`` and ``day``.
        reference: an ISO 8601 date or datetime (the crawl or feed date), else None.

    Returns:
        ``YYYY-MM-DD``, or None when the dateline has no day and month, the reference is missing or unreadable,
        or the day does not exist in that year. The year is never guessed without a reference.
    """
    if dl.month is None or dl.day is None or not reference:
        return None
    try:
        ref = date.fromisoformat(reference[:10])
    except ValueError:
        return None
    for year in (ref.year, ref.year - 1):
        try:
            found = date(year, dl.month, dl.day)
        except ValueError:
            return None
        if found <= ref + timedelta(days=FUTURE_SLACK_DAYS):
            return found.isoformat()
    return None
