"""Resolve one matched temporal expression to a date value, against the publish date and the clause's tense.

:func:`_resolve` turns a match of one of :mod:`newsfold.temporal_rules`' patterns into ``(value, precision)``
(``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM`` or ``YYYY``), or raises :class:`_Skip` (not a date after all) or
:class:`_Drop` (a date that cannot be kept, with the reason); :func:`_anaphor_offset` counts the days of "the next
day" and its kin from their anchor. The rules they follow are listed in the docstring of :mod:`newsfold.temporal`,
which finds the matches in a sentence and an article and calls these.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable

from newsfold import temporal_words as tw
from newsfold.temporal_clause import clause
from newsfold.temporal_rules import Rules, month_number

# "lunedì 7" (a weekday with a day number, no month) is the nearest such day within this many days before the
# publish date (after it in the future tense); a weekday with a day and month but no year ("venerdì 5 novembre") takes
# the nearest of this many years in which the date falls on that weekday (retrospectives recall old dates this way).
WEEKDAY_DAY_WINDOW = 35
WEEKDAY_YEARS = 12
# A weekday with a day (and month) that matches a day at most this many days after the publish date, and no day on
# the tense's side, is that coming day ("protestas para el viernes 30" two days before it). A day and month without a
# weekday stay on the tense's side: a report of 9 February recalling "11 February" (an anniversary) means the past one
# as often as a report of 10 December naming "15 December" means the coming one.
NEAR_AHEAD_DAYS = 31
# Years outside this range are not read as years ("1000 soldiers", "3000 km").
MIN_YEAR, MAX_YEAR = 1900, 2099

# Counts above this are not resolved ("300 days ago" is a figure of speech more often than a date).
MAX_DAYS_AGO = 31
MAX_WEEKS_AGO = 8
MAX_MONTHS_AGO = 24
MAX_YEARS_AGO = 50
# The counted spans: pattern kind -> (unit, direction from the publish date, the largest count read).
_SPANS = {
    "ago": ("day", -1, MAX_DAYS_AGO),
    "weeks_ago": ("week", -1, MAX_WEEKS_AGO),
    "months_ago": ("month", -1, MAX_MONTHS_AGO),
    "years_ago": ("year", -1, MAX_YEARS_AGO),
    "in_days": ("day", 1, MAX_DAYS_AGO),
    "in_weeks": ("week", 1, MAX_WEEKS_AGO),
    "in_months": ("month", 1, MAX_MONTHS_AGO),
    "in_years": ("year", 1, MAX_YEARS_AGO),
}

# A capitalised word right before a capitalised "Today": the two are a name, not a date.
_PROPER_BEFORE = re.compile(r"(?<![.!?:“\"«]\s)(?<!^)\b[A-ZÀ-ÖØ-Þ]\w*\s+$")
_NAMED_DAY_BEFORE = re.compile(tw.NAMED_DAY_BEFORE)
_NAMED_DAY_AFTER = re.compile(tw.NAMED_DAY_AFTER, re.IGNORECASE)
_QUOTED_DAY_BEFORE = re.compile(tw.QUOTED_DAY_BEFORE, re.IGNORECASE)
_QUOTED_DAY_AFTER = re.compile(tw.QUOTED_DAY_AFTER)


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _is_last(word: str | None, lang: str) -> bool:
    return bool(word) and re.fullmatch(tw.LAST[lang], word or "", re.IGNORECASE) is not None


def _is_next(word: str | None, lang: str) -> bool:
    return bool(word) and re.fullmatch(tw.NEXT[lang], word or "", re.IGNORECASE) is not None


class _Skip(Exception):
    """Raised by a resolver when a match is not a date after all (silently skipped)."""


class _Drop(Exception):
    """Raised by a resolver when a date is found but must be dropped with a reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise _Drop("impossible") from exc


def _near_ahead(pub: dt.date, month: int, day: int) -> dt.date | None:
    """The next ``month``/``day`` on or after ``pub`` when it is at most ``NEAR_AHEAD_DAYS`` ahead, else None."""
    for year in (pub.year, pub.year + 1):
        with contextlib.suppress(ValueError):
            ahead = dt.date(year, month, day)
            if ahead >= pub:
                return ahead if (ahead - pub).days <= NEAR_AHEAD_DAYS else None
    return None


# A date that heads its sentence ("8 gennaio, rissa a Palma"), a dateline's ("ROMA, 10 GEN - \"Sono", "6 mag.
# (AdnKronos)") or a post's time stamp ("3 agosto alle ore 16:42 -") is past however verbless its sentence: a
# chronicle, a wire's date. Not a range ("3 March - 5 March") nor a time of day ("le 3 mars à 20h30").
_STAMP_AFTER = re.compile(
    r"\.?\s*(?:\((?-i:[A-Z])|[–—-]\s+(?-i:[A-Z\"“«])|,?\s*(?:alle ore |ore |h )?\d{1,2}[:.]\d\d\s*(?:[–—-]|$))"
)
_HEAD_WORDS = 3


def _in_running_text(sentence: str, m: re.Match[str]) -> bool:
    """Whether a date sits inside a sentence's running text (neither heads it nor stamps it; see _STAMP_AFTER)."""
    return len(sentence[: m.start()].split()) >= _HEAD_WORDS and not _STAMP_AFTER.match(sentence, m.end())


_SCHEDULE_TIME = re.compile(tw.SCHEDULE_TIME, re.IGNORECASE)
_SCHEDULE_REACH = 40  # characters before a weekday in which a range's first day is looked for


def _in_schedule(sentence: str, m: re.Match[str], rules: Rules) -> bool:
    """Whether a weekday is one end of a range of weekdays with a clock time right after it (Rules.range_before and
    range_after, temporal_words.SCHEDULE_TIME)."""
    end = m.end()
    if (found := rules.range_after.match(sentence, end)) is not None:
        end = found.end()
    elif not rules.range_before.search(sentence, max(0, m.start() - _SCHEDULE_REACH), m.start()):
        return False
    return _SCHEDULE_TIME.match(sentence, end) is not None


def _in_a_sentence(sentence: str, m: re.Match[str]) -> bool:
    """Whether a weekday stands in a sentence of some words and is no stamp ("Montag | 12:30", "Friday (AP) -")."""
    return len(sentence.split()) > _HEAD_WORDS and not _STAMP_AFTER.match(sentence, m.end())


# The coming day and month is taken, for a clause with no tense cue, only this far ahead: announcements are of the
# weeks to come ("dès le 1er janvier" in December, "il 23 e il 24 maggio" on 22 May); six months ahead is as likely
# an anniversary as a plan.
NEARER_AHEAD_DAYS = 120


def _nearer_ahead(pub: dt.date, month: int, day: int) -> bool:
    """Whether the coming day and month is nearer to ``pub`` than the past one (the same day counts as past)."""
    if (month, day) == (pub.month, pub.day):
        return False
    try:
        ahead = dt.date(pub.year + ((month, day) < (pub.month, pub.day)), month, day)
        back = dt.date(pub.year - ((month, day) > (pub.month, pub.day)), month, day)
    except ValueError:  # 29 February: the side decides, below
        return False
    return (ahead - pub).days < (pub - back).days and (ahead - pub).days <= NEARER_AHEAD_DAYS


# A month without a year, in a sentence with no tense cue, is the coming one only this many months ahead (the
# months' count of NEARER_AHEAD_DAYS): "Analysts say another cut is likely in September" in June.
NEARER_AHEAD_MONTHS = 4


def _nearer_month_ahead(pub: dt.date, month: int) -> bool:
    """Whether the coming ``month`` is nearer to ``pub`` than the past one (the publish month itself is neither)."""
    ahead, back = (month - pub.month) % 12, (pub.month - month) % 12
    return 0 < ahead < back and ahead <= NEARER_AHEAD_MONTHS


_PASSIVE_PARTICIPLE = re.compile(r"\b\w{2,}ed\s+by\b", re.IGNORECASE)


def _future(rules: Rules, sentence: str, start: int, end: int) -> bool:
    """Whether the clause of ``sentence[start:end]`` is in the future tense, an expectation's or a plan's."""
    own = clause(sentence, start, end, rules.future, rules.past)
    if rules.future.search(own):
        return True
    # an expectation or a plan's participle, unless a past verb of the clause's own says it happened
    # (temporal_words.EXPECT, PLAN)
    if rules.expect.search(own) is None and rules.plan.search(own) is None:
        return False
    rest = rules.plan.sub(" ", rules.expect.sub(" ", own))
    if (
        rules.lang == "en"
    ):  # "Economists polled by Reuters expect ...": a participle before "by" is no past verb
        rest = _PASSIVE_PARTICIPLE.sub(" ", rest)
    return rules.past.search(rest) is None


def _since(m: re.Match[str], rules: Rules, sentence: str, *, ahead: bool) -> bool:
    """Whether a matched date starts a span the sentence measures from ("its first cut since September 2019", "seit
    dem 1. Juli", "depuis 2011", "dal 12 settembre"): a since-word before it (temporal_words.SINCE) or as its cue,
    and, for the words that also mean "from", neither a range's other end after it, nor a future clause, nor a date
    ``ahead`` of publication ("da domani", "dal 28 aprile un tour" in February: from then on)."""
    cue = m.groupdict().get("cue")
    if not (
        rules.since_before.search(sentence, max(0, m.start() - 40), m.start())
        or (cue and rules.since_word.fullmatch(cue))
    ):
        return False
    if rules.since_range.match(sentence, m.end()):
        return False
    return rules.lang not in tw.SINCE_ALSO_FROM or not (ahead or _future(rules, sentence, m.start(), m.end()))


def _resolve(
    kind: str, m: re.Match[str], rules: Rules, sentence: str, published: dt.date | None
) -> tuple[str, str]:
    """Resolve one match to ``(value, precision)``; raises _Skip or _Drop."""
    lang = rules.lang
    groups = m.groupdict()

    def future() -> bool:
        return _future(rules, sentence, m.start(), m.end())

    # anywhere in the sentence: a clause without a verb of its own takes the sentence's tense
    def past() -> bool:
        return rules.past.search(sentence) is not None

    def need_pub() -> dt.date:
        if published is None:
            raise _Drop("no_publish_date")
        return published

    if kind == "iso":
        return _day(int(groups["y"]), int(groups["m"]), int(groups["d"])).isoformat(), "day"
    if kind == "numeric":
        a, b = int(groups["a"]), int(groups["b"])
        year = int(groups["y"]) if groups.get("y") else _full_year(int(groups["y2"]), published)
        # month first only in English and only when that reads as a date (US style); day first elsewhere
        month, day = (a, b) if lang == "en" and a <= 12 and not b <= 12 < a else (b, a)
        if month > 12 and day <= 12:
            month, day = day, month
        if month > 12:
            raise _Skip
        return _day(year, month, day).isoformat(), "day"
    if kind in ("wdmy", "wmdy", "dmyw", "wdd"):
        return _resolve_weekday_date(kind, m.group(0), groups, rules, future, need_pub), "day"
    if kind in ("dmy", "mdy", "my"):
        month = month_number(rules, groups["m"])
        if not month:
            raise _Skip
        if kind == "my":
            if not MIN_YEAR <= int(groups["y"]) <= MAX_YEAR:
                raise _Skip  # "a marzo 1500 lavoratori": a figure, not a year
            return f"{int(groups['y']):04d}-{month:02d}", "month"
        day = _day_number(groups["d"])
        if groups.get("y") or groups.get("y2"):
            year = int(groups["y"]) if groups.get("y") else _full_year(int(groups["y2"]), published)
            return _day(year, month, day).isoformat(), "day"
        pub = need_pub()
        if not 1 <= day <= 31:
            raise _Drop("impossible")
        if groups.get("ylast") or groups.get("ylast2"):
            return _day(pub.year - 1, month, day).isoformat(), "day"  # "3 марта прошлого года"
        if groups.get("ynext") or groups.get("ynext2"):
            return _day(pub.year + 1, month, day).isoformat(), "day"
        post = groups.get("post") or groups.get("dpre")
        forward = _is_next(post, lang) if post else future()  # "scorso"/"dernier" and "prossimo" set the side
        if not post and not forward and not past() and _in_running_text(sentence, m):
            # no tense cue at all: the nearer one (see temporal_words.PAST)
            forward = _nearer_ahead(pub, month, day)
        if forward:
            year = pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
        else:
            year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
        if (
            month == 2 and day == 29
        ):  # a leap day names its year: take the nearest leap year on the chosen side
            step = 1 if year > pub.year or forward else -1
            while not _is_leap(year):
                year += step
        return _day(year, month, day).isoformat(), "day"
    if kind == "weekday":
        pub = need_pub()
        weekday = rules.weekday_of.get(groups["w"].lower())
        if weekday is None:
            raise _Skip
        if _NAMED_DAY_BEFORE.search(sentence, 0, m.start()) or _NAMED_DAY_AFTER.match(sentence[m.end() :]):
            raise _Skip  # "Super Tuesday", "Viernes Santo": a name
        if _QUOTED_DAY_AFTER.match(sentence, m.end()) and _QUOTED_DAY_BEFORE.search(
            sentence, max(0, m.start() - 8), m.start()
        ):
            raise _Skip  # the weekly „der Freitag“: a name
        if rules.habit_before.search(sentence, max(0, m.start() - 20), m.start()):
            raise _Skip  # "every Friday": a habit
        if _in_schedule(sentence, m, rules):
            raise _Skip  # "Monday to Friday, 9am to 5pm": opening hours
        mod = groups.get("pre") or groups.get("post")
        back = (pub.weekday() - weekday) % 7
        if _is_last(mod, lang):
            back = back or 7
        elif (
            _is_next(mod, lang)
            or (back != 0 and future())
            or (back > 3 and lang in tw.FUTURATE_PRESENT and not past() and _in_a_sentence(sentence, m))
        ):  # "Lavrov meets Blinken on Friday" (a Wednesday's report): a present tense plans the nearer Friday
            ahead = (weekday - pub.weekday()) % 7
            return (pub + dt.timedelta(days=ahead or 7)).isoformat(), "day"
        return (pub - dt.timedelta(days=back)).isoformat(), "day"
    if kind == "month":
        month = month_number(rules, groups["m"])
        cue = groups.get("cue")
        year_word = next((g for g in ("ylast", "ylast2", "ynext", "ynext2") if groups.get(g)), None)
        if not month or (lang == "en" and not cue and not groups.get("post") and not year_word):
            raise _Skip
        pub = need_pub()
        if year_word:  # "В марте прошлого года", "a marzo dell'anno scorso", "in March last year"
            return f"{pub.year + (-1 if year_word.startswith('ylast') else 1):04d}-{month:02d}", "month"
        mod = groups.get("post") or cue
        if _is_last(mod, lang):
            year = pub.year if month < pub.month else pub.year - 1
        elif _is_next(mod, lang) or future() or (not past() and _nearer_month_ahead(pub, month)):
            # no tense cue at all (no future in the clause, no past verb in the sentence): the nearer such month, as
            # for a day and month (a month heading its sentence is no chronicle's entry: "In July, economists ...")
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "unit":
        pub = need_pub()
        bare = groups.get("u3")
        unit = (groups.get("u") or groups.get("u2") or bare or "").lower()
        mod = groups.get("pre") or groups.get("post")
        delta = -1 if _is_last(mod, lang) else 1 if _is_next(mod, lang) else 0
        if re.fullmatch(tw.UNIT_WEEKEND[lang], unit, re.IGNORECASE):
            if delta > 0:
                raise _Drop("ambiguous")  # the coming weekend or the one after: not guessed
            if delta == 0 and not future() and pub.weekday() <= (3 if bare else 1):
                # "ce week-end" on a Monday, "over the weekend" up to Thursday: the one just past (on a Friday, a
                # weekend without a side is the coming one: "kommt am Wochenende zusammen")
                delta = -1
            return iso_week(pub + dt.timedelta(days=7 * delta)), "week"
        if re.fullmatch(tw.UNIT_WEEK[lang], unit, re.IGNORECASE):
            return iso_week(pub + dt.timedelta(days=7 * delta)), "week"
        if re.fullmatch(tw.UNIT_YEAR[lang], unit, re.IGNORECASE):
            return f"{pub.year + delta:04d}", "year"
        year, month = _shift_months(pub.year, pub.month, delta)
        return f"{year:04d}-{month:02d}", "month"
    if kind == "year":
        if not MIN_YEAR <= int(groups["y"]) <= MAX_YEAR:
            raise _Skip
        return f"{int(groups['y']):04d}", "year"
    if (
        kind in _SPANS
    ):  # "three days ago", "two months ago"; "in three days' time", "tra due settimane", "через год"
        pub = need_pub()
        unit, sign, most = _SPANS[kind]
        if sign > 0 and lang in tw.IN_NEEDS_FUTURE and not future():
            raise _Skip  # "in zwei Wochen gebaut": how long it took
        count = 2 if groups.get("dual") else _count(groups["n"], lang) if groups["n"] else 1
        if not 1 <= count <= most:
            raise _Skip
        if unit == "day":
            return (pub + dt.timedelta(days=sign * count)).isoformat(), "day"
        if unit == "week":
            return iso_week(pub + dt.timedelta(days=7 * sign * count)), "week"
        if unit == "year":
            return f"{pub.year + sign * count:04d}", "year"
        year, month = _shift_months(pub.year, pub.month, sign * count)
        return f"{year:04d}-{month:02d}", "month"
    if kind.startswith("rel"):
        pub = need_pub()
        offset = int(kind[3:])
        if offset == 0 and rules.not_today.search(sentence[max(0, m.start() - 16) : m.start()]):
            raise _Skip
        if m.group(0)[0].isupper() and _PROPER_BEFORE.search(sentence, 0, m.start()):
            raise _Skip  # part of a name: "Russia Today", "USA Today"
        return (pub + dt.timedelta(days=offset)).isoformat(), "day"
    raise _Skip


def _full_year(yy: int, published: dt.date | None) -> int:
    """A two-digit year ("17/03/16", "26/11/78"): the year so written nearest to the year of publication."""
    ref = (published or dt.date.today()).year
    return min(
        (century + yy for century in range(ref // 100 * 100 - 100, ref + 101, 100)),
        key=lambda y: abs(y - ref),
    )


def _day_number(d: str | None) -> int:
    """A day of the month as written: digits, or the word for the first (FIRST_DAY: "il primo marzo")."""
    return int(d) if d and d.isdigit() else 1 if d else 0


def _count(n: str, lang: str) -> int:
    """A count written in digits or as one of the language's words for two to ten."""
    if n.isdigit():
        return int(n)
    words = [entry.split("|") for entry in tw.COUNT_WORDS[lang].split(",")]
    return next((i + 2 for i, ws in enumerate(words) if n.lower() in ws), 0)


def _anaphor_offset(kind: str, m: re.Match[str], rules: Rules, sentence: str) -> int:
    """Days from the anchor date of a "the next day" style match; raises _Drop or _Skip when there are none."""
    days, complement = rules.anaphor_days[kind]
    if complement and rules.anaphor_object.match(sentence, m.end()):
        raise _Drop("no_anchor")  # "the day after the vote": counted from an event, not from a date we know
    n = m.groupdict().get("n")
    if n is None:
        return days
    count = _count(n, rules.lang)
    if not 1 <= count <= MAX_DAYS_AGO:
        raise _Skip
    return days * count


def _resolve_weekday_date(
    kind: str,
    text: str,
    groups: dict[str, str | None],
    rules: Rules,
    future: Callable[[], bool],
    need_pub: Callable[[], dt.date],
) -> str:
    """A weekday with its date: an explicit year wins; else the weekday picks the year (or the month)."""
    weekday = rules.weekday_of.get((groups["w"] or "").lower())
    day = _day_number(groups["d"])
    month = month_number(rules, groups.get("m") or "")
    if weekday is None or not 1 <= day <= 31 or (kind != "wdd" and not month):
        raise _Skip
    if month and groups.get("y"):
        return _day(int(groups["y"] or 0), month, day).isoformat()
    # "on Friday 10 people died": English needs "Friday the 10th" or "Friday 10th"
    if (
        kind == "wdd"
        and rules.lang == "en"
        and not groups.get("the")
        and not re.search(r"\d(st|nd|rd|th)$", text)
    ):
        raise _Skip
    pub = need_pub()
    step = 1 if future() else -1
    if kind == "wdd":
        # "lunedì 7": the nearest such day in WEEKDAY_DAY_WINDOW days on the tense's side, or in NEAR_AHEAD_DAYS
        # ahead ("protestas para el viernes 30" two days before it), else the weekday alone
        sides = [(step, WEEKDAY_DAY_WINDOW)] + ([(1, NEAR_AHEAD_DAYS)] if step < 0 else [])
        for side, days in sides:
            for k in range(days + 1):
                cand = pub + dt.timedelta(days=side * k)
                if cand.day == day and cand.weekday() == weekday:
                    return cand.isoformat()
        raise _Skip
    ahead = _near_ahead(pub, month, day) if step < 0 else None
    if ahead is not None and ahead.weekday() == weekday:
        return ahead.isoformat()  # "el viernes 30 de diciembre", two days ahead
    later, earlier = (month, day) > (pub.month, pub.day), (month, day) < (pub.month, pub.day)
    year = pub.year - 1 if step < 0 and later else pub.year + 1 if step > 0 and earlier else pub.year
    for k in range(WEEKDAY_YEARS):  # the nearest year on the tense's side in which the date is that weekday
        with contextlib.suppress(ValueError):
            if dt.date(year + step * k, month, day).weekday() == weekday:
                return dt.date(year + step * k, month, day).isoformat()
    return _day(year, month, day).isoformat()  # no such year nearby: the date as written, weekday aside


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def iso_week(day: dt.date) -> str:
    """The ISO 8601 week of a day, ``YYYY-Www``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"
