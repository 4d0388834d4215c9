"""The rules of :mod:`newsfold.temporal`: one compiled set of date patterns per language, built from the words in
:mod:`newsfold.temporal_words`, each with its :mod:`newsfold.prefilter` gate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsfold import prefilter
from newsfold import temporal_words as tw

# Languages with their own rules; any other language falls back to English rules plus numeric dates.
LANGS = ("en", "it", "de", "fr", "es", "pt", "ru", "ar")
_ORDINAL = r"(?:st|nd|rd|th|er|\.?º|\.?°|ª|\.|-го|-е)?"  # "1st", "1er", "1º", "1.º" (Spanish), "3." (German)
_DAY = r"(?P<d>\d{1,2})(?!\d)" + _ORDINAL
_DAY_NO_DOT = _DAY.replace(r"|\.", "")  # "January 26." ends a dateline: the full stop is not the day's
_YEAR = r"(?P<y>\d{4})(?!\d)"


def _names(lang: str, table: dict[str, str]) -> list[list[str]]:
    return [entry.split("|") for entry in table[lang].split(",")]


@dataclass(frozen=True, slots=True)
class Rules:
    """One language's compiled date patterns, in priority order, and the word tables their matches are read with."""

    lang: str
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    # the distinct necessary conditions of the patterns (newsfold.prefilter)
    gates: tuple[prefilter.Gate, ...]
    gate_of: tuple[int, ...]  # each pattern's gate, by position in ``gates``
    not_today: re.Pattern[str]
    future: re.Pattern[str]
    past: re.Pattern[str]
    plan: re.Pattern[str]
    expect: re.Pattern[str]
    # a since-word right before a date, a cue that is one, a range's other end after it (temporal_words.SINCE)
    since_before: re.Pattern[str]
    since_word: re.Pattern[str]
    since_range: re.Pattern[str]
    # "every", "ogni", "jeden" right before a weekday (temporal_words.HABIT_BEFORE)
    habit_before: re.Pattern[str]
    # a range's first weekday and joining word right before a weekday, and a joining word and a weekday right after
    # it (temporal_words.RANGE_JOIN; any case, inflected or joined forms: "понедельника", "Montagabend")
    range_before: re.Pattern[str]
    range_after: re.Pattern[str]
    anaphor_days: dict[str, tuple[int, bool]]
    anaphor_object: re.Pattern[str]
    listed_day: re.Pattern[str]
    listed_after: re.Pattern[str]


def _month_pattern(lang: str, *, abbreviated: bool = False) -> str:
    """The month names of a language; with ``abbreviated``, also its short forms (MONTH_ABBR) where they are safe."""
    words = [w for month in _names(lang, tw.MONTHS) for w in month]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if lang == "en":  # English months are capitalised; "may", "march" in lower case are other words
        cased = sorted({w.capitalize() for w in words} | {w.upper() for w in words}, key=len, reverse=True)
        return "(?-i:" + "|".join(re.escape(w) for w in cased) + r")(?:\.(?=\s))?"
    if lang == "ar":  # both names of a month ("سبتمبر/أيلول 2019", "18 يوليو/تموز"): one month (month_number)
        alt = f"(?:{alt})(?:\\s*/\\s*(?:{alt}))?"
    full = "(?:" + alt + r")(?:\.(?=\s))?"
    if not abbreviated or lang not in tw.MONTH_ABBR:
        return full
    short = sorted(
        {w for month in _names(lang, tw.MONTH_ABBR) for w in month} - set(words), key=len, reverse=True
    )
    # "15 mar (EFE)", "ROMA, 15 MAR -", "3 janv. 2011", "15 set. 2014": a full stop, a year or a dateline's
    # parenthesis or dash after it
    return rf"(?:{full}|(?:{'|'.join(map(re.escape, short))})(?:\.|(?=\s+\d{{4}}(?!\d)|\s*\(|\s+[-–]\s)))"


@lru_cache(maxsize=16)
def rules(lang: str) -> Rules:
    month_of = {w.lower(): i + 1 for i, month in enumerate(_names(lang, tw.MONTHS)) for w in month}
    if lang in tw.MONTH_ABBR:
        month_of.update({w: i + 1 for i, month in enumerate(_names(lang, tw.MONTH_ABBR)) for w in month if w})
    weekday_of = {w.lower(): i for i, day in enumerate(_names(lang, tw.WEEKDAYS)) for w in day}
    parts = tw.WEEKDAY_PARTS[lang].split(",") if lang in tw.WEEKDAY_PARTS else []
    weekday_of.update({w + part: i for w, i in list(weekday_of.items()) for part in parts})
    month = f"(?P<m>{_month_pattern(lang)})"
    month_short = f"(?P<m>{_month_pattern(lang, abbreviated=True)})"  # after a day number only
    mdy_opt = "?" if lang == "en" else ""
    # a year in two digits after a day and month: "l'8 febbraio '90", "8 febbraio 90, a Palma" (not "3 marzo 15 morti")
    year_short = r"\s+(?P<yq>['’])?(?P<y2>\d{2})(?!\d)(?(yq)|(?=\s*[,.;:)]|\s*$))"
    # an English month with a day after it is that day ("from March 3 to 5"), not the month "from March"
    month_alone = r"(?!\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))" if lang == "en" else ""
    day = _DAY.replace(r"\d{1,2})", rf"\d{{1,2}}|{tw.FIRST_DAY[lang]})") if lang in tw.FIRST_DAY else _DAY
    wd_words = sorted(weekday_of, key=len, reverse=True)
    wd_alt = "|".join(re.escape(w) for w in wd_words)
    range_day = f"(?:{wd_alt})" + r"[^\W\d_]*"  # the weekdays of a range, in any case (Rules.range_before)
    if lang == "en":
        wd_alt = "(?-i:" + "|".join(re.escape(w.capitalize()) for w in wd_words) + ")"
    last, nxt = tw.LAST[lang], tw.NEXT[lang]
    mod_before = rf"(?:(?P<pre>{last}|{nxt}|this|questo|questa|diesen|diese|ce|este|esta|este|эт\w+)\s+)?"
    mod_after = rf"(?:\s+(?P<post>{last}|{nxt}))?"
    # ... but not "3. März vergangenen Jahres", "3 марта прошлого года": there the word belongs to the year, and the
    # year is the one before (or after) publication: "il 3 marzo dell'anno scorso", "le 3 mars de l'année dernière"
    year_unit = tw.UNIT_YEAR[lang]
    unit_end = rf"(?:{year_unit})(?![^\W\d_])"
    date_side = rf"(?:\s+(?P<post>{last}|{nxt})(?!\s+{unit_end}))" if lang != "en" else "(?!)"
    year_side = (
        rf"(?:,?\s+(?:(?:of|de|del|di|du|dell['’]|do|da)\s*)?(?:the\s+|l['’]\s*|el\s+|o\s+)?"
        rf"(?:(?P<ylast>{last})\s+{unit_end}|{unit_end}\s+(?P<ylast2>{last})"
        rf"|(?P<ynext>{nxt})\s+{unit_end}|{unit_end}\s+(?P<ynext2>{nxt})))"
    )
    cue = tw.PERIOD_CUE[lang]
    # "più di 2000": a comparative before the cue makes the number a count (fixed-width lookbehinds, one a word)
    not_count = "".join(
        rf"(?<!{re.escape(w)}\s)(?<!{re.escape(w.capitalize())}\s)"
        for w in tw.COUNT_BEFORE_CUE.get(lang, "").split()
    )
    units = f"{tw.UNIT_WEEKEND[lang]}|{tw.UNIT_WEEK[lang]}|{tw.UNIT_MONTH[lang]}|{tw.UNIT_YEAR[lang]}"
    # whole words: letters on neither side (\b fails next to Arabic and accented letters in some spellings)
    lb, rb = r"(?<![^\W\d_])", r"(?![^\W\d_])"
    of = r"(?:(?:of|de|del|di|du|d['’])\s+)?"
    sep = r"\s*[,•·|–-]?\s+"  # "Friday, 5 November", "Giovedì • 10 Settembre 2015" (page datelines)
    pats: list[tuple[str, str]] = [
        ("iso", r"(?<![\d.])(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)"),
        # "15/03/2011", "15.03.2011", "15-03-2011"; a two-digit year with "/" ("17/03/16") or, day and month in two
        # digits, with "." ("15.03.11"); never inside a longer run of numbers (versions, addresses)
        ("numeric", r"(?<![\d./-])(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?!\d|[./-]\d)"),
        ("numeric", r"(?<![\w./-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y2>\d{2})(?![\w/]|[.-]\d)"),
        ("numeric", r"(?<![\w./-])(?P<a>\d{2})\.(?P<b>\d{2})\.(?P<y2>\d{2})(?!\w|[.-]\d)"),
        # "il 3 marzo scorso", "le 3 mars dernier", "el 3 de marzo pasado", "lo scorso 3 marzo", "el próximo 3 de
        # marzo": a day and month with a side, one expression (not English: in "on March 3 last year", "last" belongs
        # to "year")
        (
            "dmy",
            rf"{lb}(?:(?P<dpre>{last}|{nxt})\s+)?{day}\s+{of}{month_short}(?:(?:,?\s+{of}{_YEAR}(?:\s+(?:года|г\.))?)|{year_side}|{date_side}"
            rf"|{year_short})?{rb}",
        ),
        # month first: English ("March 3"); elsewhere only with its year ("marzo 15, 2011": "a marzo 15 persone")
        ("mdy", rf"{lb}{month}\s+{_DAY_NO_DOT}(?:(?:,?\s+{_YEAR})|{year_side}|{date_side}){mdy_opt}{rb}"),
        ("my", rf"{lb}{month},?\s+{of}{_YEAR}{rb}"),
        # a weekday written with its date ("venerdì 5 novembre", "Friday, November 5, 2010", "lunedì 7") is one
        # expression: the weekday fixes a missing year or month instead of being resolved on its own
        (
            "wdmy",
            rf"{lb}(?:يوم\s+)?(?P<w>{wd_alt}){sep}(?:the\s+)?{day}\s+{of}{month_short}(?:,?\s+{of}{_YEAR})?{rb}",
        ),
        ("wmdy", rf"{lb}(?P<w>{wd_alt}){sep}{month}\s+{_DAY_NO_DOT}(?:,?\s+{_YEAR})?{rb}"),
        ("dmyw", rf"{lb}{day}\s+{of}{month_short}(?:,?\s+{of}{_YEAR})?,?\s*\(\s*(?P<w>{wd_alt})\s*\)"),
        # (not "Friday 14:30" nor "Freitag 14 - 17 Uhr": a time of day, not the 14th)
        (
            "wdd",
            rf"{lb}(?:يوم\s+)?(?P<w>{wd_alt}),?\s+(?P<the>the\s+)?{_DAY_NO_DOT}{rb}"
            r"(?!\s*[.:,/]\d|(?:\s*[-–]\s*\d{1,2})?\s*(?:uhr|h|am|pm)(?![^\W\d_]))",
        ),
        ("weekday", rf"{lb}{mod_before}(?:يوم\s+)?(?P<w>{wd_alt}){mod_after}{rb}"),
        (
            "month",
            # a year after the month makes it the "my" pattern's ("depuis mars 2011" is March 2011, not March)
            rf"{lb}(?:(?P<cue>{cue}|{last}|{nxt})\s*)?{month}{month_alone}(?!,?\s+{of}(?:19|20)\d\d(?!\w))"
            rf"(?:{year_side}|\s+(?P<post>{last}|{nxt})(?!\s+{unit_end}))?{rb}",
        ),
        (
            "unit",
            rf"{lb}(?:(?:на\s+)?(?P<pre>{last}|{nxt}|{tw.THIS[lang]})(?:\s+|(?<=['’]))(?:the\s+)?(?P<u>{units})|"
            rf"(?:(?:il|lo|l['’]|le|el|o|la|в|на)\s+)?(?P<u2>{units})\s+(?P<post>{last}|{nxt})|"
            rf"(?:{tw.BARE_WEEKEND[lang]})\s+(?P<u3>{tw.UNIT_WEEKEND[lang]})(?!\s+(?:{last}|{nxt})(?![^\W\d_]))){rb}",
        ),
        (
            "year",
            rf"{lb}{not_count}(?P<cue>{cue})\s+(?:(?:early|mid|late|the)\s*-?\s*)?{_YEAR}{rb}(?!\s*[-/.]\d)",
        ),
    ]
    counts = "|".join(w for entry in tw.COUNT_WORDS[lang].split(",") for w in entry.split("|"))
    for kind, table in (
        ("ago", tw.DAYS_AGO),
        ("weeks_ago", tw.WEEKS_AGO),
        ("months_ago", tw.MONTHS_AGO),
        ("years_ago", tw.YEARS_AGO),
        ("in_days", tw.IN_DAYS),
        ("in_weeks", tw.IN_WEEKS),
        ("in_months", tw.IN_MONTHS),
        ("in_years", tw.IN_YEARS),
    ):
        pats.append((kind, lb + table[lang].replace("{N}", rf"(?<!\d)(?P<n>\d{{1,2}}|{counts})") + rb))
    for regex, offset in tw.RELATIVE_DAYS[lang]:
        pats.append((f"rel{offset:+d}", rf"{lb}(?:{regex}){rb}"))
    anaphor_days: dict[str, tuple[int, bool]] = {}
    for i, (regex, days, complement) in enumerate(tw.ANAPHORIC[lang]):
        anaphor_days[f"anaphor{i}"] = (days, complement)
        pats.append((f"anaphor{i}", lb + regex.replace("{N}", rf"(?<!\d)(?P<n>\d{{1,2}}|{counts})") + rb))
    compiled = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in pats)
    gates: dict[prefilter.Gate, int] = {}
    gate_of = tuple(gates.setdefault(prefilter.gate(p), len(gates)) for _, p in compiled)
    return Rules(
        lang=lang,
        month_of=month_of,
        weekday_of=weekday_of,
        patterns=compiled,
        gates=tuple(gates),
        gate_of=gate_of,
        not_today=re.compile(tw.NOT_TODAY[lang], re.IGNORECASE),
        future=re.compile(tw.FUTURE[lang], re.IGNORECASE),
        past=re.compile(tw.PAST[lang], re.IGNORECASE),
        plan=re.compile(tw.PLAN[lang], re.IGNORECASE),
        expect=re.compile(tw.EXPECT[lang], re.IGNORECASE),
        since_before=re.compile(rf"(?<![^\W\d_])(?:{tw.SINCE[lang]})(?:\s+|(?<=['’]))$", re.IGNORECASE),
        since_word=re.compile(tw.SINCE[lang], re.IGNORECASE),
        since_range=re.compile(tw.SINCE_RANGE[lang], re.IGNORECASE),
        habit_before=re.compile(tw.HABIT_BEFORE[lang], re.IGNORECASE),
        range_before=re.compile(rf"(?<![^\W\d_]){range_day}{tw.RANGE_JOIN}$", re.IGNORECASE),
        range_after=re.compile(rf"{tw.RANGE_JOIN}(?:du\s+|del\s+)?{range_day}", re.IGNORECASE),
        anaphor_days=anaphor_days,
        anaphor_object=re.compile(r"\s+" + tw.ANAPHOR_OBJECT[lang], re.IGNORECASE),
        listed_day=re.compile(_listed_day(lang), re.IGNORECASE),
        listed_after=re.compile(tw.DAYS_AFTER_MONTH.get(lang, "(?!)"), re.IGNORECASE),
    )


_NAME_PAIR = re.compile(r"\s*/\s*")


def month_number(rules: Rules, written: str) -> int:
    """The month (1-12) a matched month name stands for, 0 for none; an Arabic pair of names of one month
    ("سبتمبر/أيلول") is that month, a pair of two months none."""
    names = {rules.month_of.get(w.rstrip(".").lower(), 0) for w in _NAME_PAIR.split(written)}
    return names.pop() if len(names) == 1 else 0


def _listed_day(lang: str) -> str:
    """A day number and the link to the next day of a range or list ("3 e ", "3 al ", "3, ", "24-"), at the end."""
    art = tw.DAY_LINK_ARTICLE[lang]
    after_word = rf"\s+(?:(?:{art})(?:\s+|(?<=['’])))?" if art else r"\s+"
    return (
        rf"(?<![\w.,/-])(?P<d>\d{{1,2}}){_ORDINAL}"
        rf"(?:\s*(?P<link>[-–/]|,)\s*|\s+(?P<word>{tw.DAY_LINK[lang]}){after_word})$"
    )
