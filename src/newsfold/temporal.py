"""Temporal expressions: find the dates a sentence mentions and resolve them against the publish date.

A compact rule set per language (en, it, de, fr, es, pt, ru, ar) rather than dateparser: dateparser's spans swallow
neighbouring words, it prefers past or future globally instead of per clause, it counts "two days later" from the
base date and it reads German "Die" as a date (see docs/dependencies.md). Rules here are predictable and fast
(about 0.1 ms a sentence, most of which runs only the few patterns whose words occur in it: :mod:`newsfold.prefilter`).

Resolution (issue 7):

- a weekday ("on Thursday") is the most recent such day on or before publication (the same day when it matches),
  on or after it when the clause is in the future tense ("will meet on Monday"); "last"/"next" force the side. The
  clause is the date's own: a subordinate clause ("said on Tuesday that the battle will end") has its tense, and a
  clause that is little more than the date ("On Tuesday, ministers will meet") takes in the next one. The future
  includes the simple conditional of reported plans ("qu'elle mettrait fin à ses opérations le 31 octobre"), not
  that of "be" and "have" reporting an unconfirmed past ("il aurait été tué", "sarebbe stato ucciso"). Named days
  ("Super Tuesday", "Patch Tuesday", "Viernes Santo") are no weekdays;
- "yesterday", "today", "tomorrow", "three days ago" and their kin count days from the publish date;
- a weekday written with its date is one expression: "venerdì 5 novembre" takes the nearest year in which 5 November
  is a Friday, "lunedì 7" the nearest Monday the 7th (retrospectives date old events this way), on the tense's side
  or a few days ahead ("el viernes 30" two days before it);
- a weekend is an ISO week: "last weekend" the week before, "this weekend" the publish date's week (the one before in
  an article of Monday or Tuesday not in the future tense), "over the weekend" without a side the one just past in an
  article of Monday to Thursday, else the coming one; "next weekend" is dropped as ambiguous;
- a day and month without a year ("on January 26") take the year of the nearest such past date, the nearest future
  one when the clause is in the future tense, or when a word after them says so ("il 3 marzo scorso", "le 3 mars
  prochain"); "of last year" after them ("3 марта прошлого года", "il 3 marzo dell'anno scorso") takes the year
  before publication;
- the future includes a present expectation ("Analysts expect the bank to cut rates in September", "Im Juli rechnen
  die Volkswirte mit einer Pause", "no esperan otro recorte hasta septiembre"), "next" in every form ("Das nächste
  Treffen ist für den 18. Juli geplant") and the Russian perfective future ("Саммит пройдет в сентябре"); an
  expectation, like a plan's participle, not where a past verb of its clause says what happened
  (:data:`newsfold.temporal_words.EXPECT`);
- a bare month ("last December", "late January") is the most recent such month, the coming one in the future tense
  and, with no tense cue at all (no future in its clause, no past verb in the sentence), the nearer one when it is
  at most NEARER_AHEAD_MONTHS ahead ("another cut is likely in September" in June); an Arabic pair of a month's names
  ("سبتمبر/أيلول 2019") is one month;
- a date after "since" ("its first cut since September 2019", "seit", "depuis", "desde", "dal", "с", "منذ") starts
  the span the sentence measures from and dates no event: it is dropped (reason ``since``, kept resolved in
  :attr:`DateScan.since` as a day "the next day" counts from); where the word also means "from" (Italian, Russian,
  Spanish, Portuguese) a range ("dal 3 al 5 marzo"), a future clause or a date after publication ("da domani")
  keeps it (:data:`newsfold.temporal_words.SINCE`);
- a bare month, "last month" and "two months ago" are kept at month precision
  (``YYYY-MM``), a year ("in 1997", "in late 2021", "last year", "three years ago") at year precision (``YYYY``),
  "next week", "this week" and "two weeks ago" at week precision (the ISO 8601 week, ``YYYY-Www``;
  :func:`period_start` orders all of them);
- the days of a range or list share the month written after them ("dal 3 al 5 marzo", "les 3 et 4 mars", "entre el
  15 y el 17 de febrero", English "March 3-5"); numeric dates take "/", "." or "-" ("15-03-2011") and two-digit
  years ("17/03/16", "l'8 febbraio '90") the year so written nearest publication; wire abbreviations ("15 mar (EFE)",
  "3 janv. 2011") are read after a day number only;
- "the next day", "two days later", "the day before" ("il giorno dopo", "le lendemain", "am Vortag", "на следующий
  день") count from the day the article gave last (:func:`scan_article`), never from the publish date; counted
  from an event instead ("the day after the vote") or with no day before them, they are dropped (``no_anchor``);

This module finds the expressions of a sentence (:func:`scan_dates`: overlapping matches, the days of a range or
list, "the next day" after a day of the same sentence) and of an article (:func:`scan_article`: the day "the next
day" counts from, a year carried to a day and month written again), and orders date values (:func:`date_order`).
How one matched expression resolves to a date is in :mod:`newsfold.temporal_resolve`; the words of each language are
in :mod:`newsfold.temporal_words`, the patterns built from them in :mod:`newsfold.temporal_rules`, and the clause
whose tense a date takes in :mod:`newsfold.temporal_clause`.

Relative expressions need the publish date; without one they are dropped (reason ``no_publish_date``). Impossible
dates ("February 30") and dates far after publication are dropped with a reason too: :func:`scan_dates` returns
them, :func:`find_dates` only the mentions.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfold import prefilter
from newsfold import temporal_words as tw
from newsfold.temporal_resolve import MAX_YEAR, _anaphor_offset, _Drop, _resolve, _since, _Skip
from newsfold.temporal_rules import LANGS, Rules
from newsfold.temporal_rules import rules as rules_for

# A date more than this many days after the publish date (or after today, without one) is taken as an error or a
# far plan, not an event: dropped as "far_future". 400 days lets "next year" style plans of one year through.
FAR_FUTURE_DAYS = 400

# "The next day" counts from a day given at most this many sentences before: a paragraph's narrative. Swept 1, 3, 5 on
# crisis-it (411 articles): 20, 22, 22 expressions resolved, date F1 unchanged; spot-checked, all correct at 3.
ANCHOR_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A resolved temporal expression in a sentence.

    Attributes:
        text: the expression as written, ``sentence[start:end]``.
        start: offset of the expression in the sentence.
        end: offset just after it.
        value: ``YYYY-MM-DD``, ``YYYY-Www`` (ISO week), ``YYYY-MM`` or ``YYYY``.
        precision: ``day``, ``week``, ``month`` or ``year``.
    """

    text: str
    start: int
    end: int
    value: str
    precision: str


@dataclass(frozen=True, slots=True)
class Dropped:
    """A temporal expression that was found but not kept, and why.

    ``reason`` is one of ``impossible`` (February 30), ``far_future``, ``no_publish_date`` (a relative expression
    in an article without a publish date), ``no_anchor`` ("the next day" with no day before it), ``ambiguous``
    ("next weekend": the coming one or the one after), ``since`` (the start of a span the sentence measures from:
    "its first cut since September 2019", "seit dem 1. Juli", "depuis 2011", "с сентября 2019 года", "منذ 2019";
    its resolved date is in :attr:`DateScan.since`).
    """

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class DateScan:
    """The result of scanning one sentence: the kept mentions and the dropped expressions with their reasons.

    ``since`` holds the dates dropped as ``since``, resolved: not dates of what the sentence reports, but days the
    article gives, which "the next day" may count from and whose year a day and month written again takes
    (:func:`scan_article`).
    """

    mentions: tuple[TimeMention, ...]
    dropped: tuple[Dropped, ...]
    since: tuple[TimeMention, ...] = ()


def _listed_days(mentions: list[TimeMention], rules: Rules, sentence: str) -> list[TimeMention]:
    """The other days of a range or list sharing one month ("dal 3 al 5 marzo", "les 3 et 4 mars", "March 3-5").

    Every day before a day-first date ("5 marzo", "4 de mayo") that a link joins to it takes its month and year, as
    do (English) days after a month-first one ("March 3 and 4"). Days must rise towards the written date, and a list
    joined by commas alone is not one ("il bilancio sale a 2, il 3 marzo" lists nothing).
    """
    out: list[TimeMention] = []
    for t in mentions:
        if t.precision != "day":
            continue
        day = int(t.value[8:])
        if t.text[:1].isdigit() or t.text.split()[0].lower() in tw.FIRST_DAY.values():
            found: list[tuple[int, int, int]] = []
            end, words = t.start, False
            while m := rules.listed_day.search(sentence, 0, end):
                d = int(m.group("d"))
                if not 1 <= d < (found[-1][0] if found else day):
                    break
                words = words or m.group("link") != ","
                found.append((d, m.start(), m.start() + len(m.group("d"))))
                end = m.start()
            if not words:
                found = []
        elif t.text[-1:].isdigit() and not t.text[-4:].isdigit():  # "March 3", not "March 3, 2011"
            found, at = [], t.end
            while m := rules.listed_after.match(sentence, at):
                if not (found[-1][0] if found else day) < int(m.group("d")) <= 31:
                    break
                found.append((int(m.group("d")), m.start("d"), m.end("d")))
                at = m.end()
        else:
            continue
        for d, start, end in found:
            with contextlib.suppress(ValueError):
                value = dt.date(int(t.value[:4]), int(t.value[5:7]), d).isoformat()
                out.append(TimeMention(sentence[start:end], start, end, value, "day"))
    return out


def _too_late(value: str, published: dt.date | None) -> bool:
    if int(value[:4]) > MAX_YEAR:
        return True
    return (period_start(value) - (published or dt.date.today())).days > FAR_FUTURE_DAYS


def period_start(value: str) -> dt.date:
    """The first day of a date value: ``YYYY``, ``YYYY-MM``, ``YYYY-Www`` (its Monday) or ``YYYY-MM-DD``.

    Raises:
        ValueError: the value is none of these.
    """
    if len(value) == 8 and value[5] == "W":
        return dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
    parts = value.split("-")
    return dt.date(
        int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
    )


def precision_rank(value: str) -> int:
    """How precise a date value is: ``YYYY`` 0, ``YYYY-MM`` 1, ``YYYY-Www`` 2, ``YYYY-MM-DD`` 3."""
    return {4: 0, 7: 1, 8: 2}.get(len(value), 3)


def date_order(value: str) -> tuple[dt.date, int]:
    """A sort key for date values: by first day, then the wider period first (year, month, week, day)."""
    return period_start(value), precision_rank(value)


def scan_dates(
    sentence: str, *, published: dt.date | None, lang: str | None, anchor: dt.date | None = None
) -> DateScan:
    """Find and resolve the temporal expressions of one sentence, keeping what was dropped and why.

    Args:
        sentence: one sentence of an article.
        published: the article's publish date; relative expressions are dropped without it.
        lang: ISO 639-1 code; languages without rules use the English ones.
        anchor: the day the article gave last before this sentence (see :func:`scan_article`); "the next day",
            "two days later" count from it, or from a day given earlier in the same sentence, and are dropped
            (reason ``no_anchor``) without either.

    Returns:
        The kept mentions, in text order and never overlapping, and the dropped expressions with their reasons.
    """
    rules = rules_for(lang if lang in LANGS else "en")
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    # Most sentences hold no date: a pattern runs only where its necessary words (or a digit) occur.
    folded, digit = prefilter.fold(sentence), prefilter.has_digit(sentence)
    admitted = [g.admits(folded, digit) for g in rules.gates]
    gate_of = rules.gate_of
    for priority, (kind, pattern) in enumerate(rules.patterns):
        if not admitted[gate_of[priority]]:
            continue
        for m in pattern.finditer(sentence):
            if m.end() > m.start():
                found.append((m.start(), -(m.end() - m.start()), priority, kind, m))
    found.sort(key=lambda f: (f[1], f[2], f[0]))  # longest span first, then the more specific rule
    taken: list[tuple[int, int]] = []
    mentions: list[TimeMention] = []
    dropped: list[Dropped] = []
    since: list[TimeMention] = []
    anaphors: list[tuple[int, int, str, re.Match[str]]] = []
    for start, neg_len, _prio, kind, m in found:
        end = start - neg_len
        if any(start < e and s < end for s, e in taken):
            continue
        if kind.startswith("anaphor"):  # resolved below, once the sentence's own dates are known
            taken.append((start, end))
            anaphors.append((start, end, kind, m))
            continue
        try:
            value, precision = _resolve(kind, m, rules, sentence, published)
        except _Skip:
            continue
        except _Drop as drop:
            taken.append((start, end))
            dropped.append(Dropped(m.group(0), drop.reason))
            continue
        taken.append((start, end))
        # the start of a span the sentence measures from is no event's date (temporal_words.SINCE)
        ahead = published is not None and period_start(value) > published
        if _since(m, rules, sentence, ahead=ahead):
            dropped.append(Dropped(m.group(0), "since"))
            since.append(TimeMention(m.group(0), start, end, value, precision))
            continue
        if _too_late(value, published):
            dropped.append(Dropped(m.group(0), "far_future"))
            continue
        mentions.append(TimeMention(m.group(0), start, end, value, precision))
    for listed in _listed_days(mentions, rules, sentence):
        if not any(listed.start < e and s < listed.end for s, e in taken):
            taken.append((listed.start, listed.end))
            mentions.append(listed)
    for start, end, kind, m in sorted(anaphors, key=lambda a: a[0]):
        before = [t for t in mentions if t.precision == "day" and t.end <= start]
        base = dt.date.fromisoformat(max(before, key=lambda t: t.end).value) if before else anchor
        try:
            if base is None:
                raise _Drop("no_anchor")
            value = (base + dt.timedelta(days=_anaphor_offset(kind, m, rules, sentence))).isoformat()
        except _Skip:
            continue
        except _Drop as drop:
            dropped.append(Dropped(m.group(0), drop.reason))
            continue
        if _too_late(value, published):
            dropped.append(Dropped(m.group(0), "far_future"))
            continue
        mentions.append(TimeMention(m.group(0), start, end, value, "day"))
    mentions.sort(key=lambda t: t.start)
    return DateScan(tuple(mentions), tuple(dropped), tuple(since))


_FOUR_DIGITS = re.compile(r"\d{4}")
# a day and month as written, with its one number ("15 marzo"): not a weekday or "ieri" that fell on the day, nor a
# date with a year of its own ("4 November 02")
_DAY_ONLY = re.compile(r"\D*\d{1,2}\D*")
# A year written with a day and month carries to that day and month written again without it within this many
# sentences: a retrospective's paragraph, not a year's chronicle whose other entries only share the day.
YEAR_CARRY_SENTENCES = 8


def _anniversary(t: TimeMention, published: dt.date | None, past: re.Pattern[str], sentence: str) -> bool:
    """Whether a day resolved to the publish day itself, in a sentence without a past verb, is that day's own news
    ("Oggi, 15 marzo, si ricorda ...") rather than the earlier year's."""
    return published is not None and t.value == published.isoformat() and past.search(sentence) is None


def scan_article(
    sentences: Sequence[str], *, published: dt.date | None, lang: str | None
) -> list[list[TimeMention]]:
    """Find the dates of an article's sentences in order, counting "the next day" from the day given last.

    A day and month written again without the year the article gave them earlier take that year. A day stays the
    anchor for ANCHOR_SENTENCES sentences after the one that gives it: "the next day" further on
    may follow a date the rules do not read, and is then dropped rather than guessed. A day after "since" is no
    mention (:class:`Dropped` ``since``) but is a day the article gives: an anchor, and a year to carry.

    Args:
        sentences: the article's sentences, in order.
        published: the article's publish date.
        lang: ISO 639-1 code.

    Returns:
        The mentions of each sentence, as from :func:`find_dates`.
    """
    out: list[list[TimeMention]] = []
    anchor: dt.date | None = None
    age = 0
    # "MM-DD" -> the year written with it ("il 15 marzo del 2011") and the sentence that wrote it
    years: dict[str, tuple[str, int]] = {}
    past = rules_for(lang if lang in LANGS else "en").past
    for number, sentence in enumerate(sentences):
        scan = scan_dates(sentence, published=published, lang=lang, anchor=anchor)
        mentions = list(scan.mentions)
        for t in scan.since:
            if t.precision == "day" and _FOUR_DIGITS.search(t.text):
                years[t.value[5:]] = (t.value[:4], number)
        for k, t in enumerate(mentions):
            if t.precision != "day":
                continue
            given = years.get(t.value[5:])
            if _FOUR_DIGITS.search(t.text):
                years[t.value[5:]] = (t.value[:4], number)
            elif (
                _DAY_ONLY.fullmatch(t.text)
                and given is not None
                and number - given[1] <= YEAR_CARRY_SENTENCES
                and (year := given[0]) != t.value[:4]
                and not _anniversary(t, published, past, sentence)
            ):
                # the same day and month again without its year: the year the article gave it (a retrospective's
                # "Il 15 marzo, migliaia di persone scesero in piazza" after "il 15 marzo del 2011")
                mentions[k] = dataclasses.replace(t, value=f"{year}-{t.value[5:]}")
        days = [t for t in (*mentions, *scan.since) if t.precision == "day"]
        if days:
            anchor, age = dt.date.fromisoformat(max(days, key=lambda t: t.end).value), 0
        else:
            age += 1
            if age > ANCHOR_SENTENCES:
                anchor = None
        out.append(mentions)
    return out


def find_dates(sentence: str, *, published: dt.date | None, lang: str | None) -> list[TimeMention]:
    """Find the temporal expressions of one sentence and resolve them against the publish date.

    Args:
        sentence: one sentence of an article.
        published: the article's publish date; relative expressions ("on Thursday") are dropped without it.
        lang: ISO 639-1 code (en, it, de, fr, es, pt, ru, ar have rules; others use the English ones).

    Returns:
        Resolved mentions in text order; impossible and far-future dates are left out (see :func:`scan_dates`).
    """
    return list(scan_dates(sentence, published=published, lang=lang).mentions)


def parse_published(value: str | None) -> dt.date | None:
    """The date part of a ``published`` value (``YYYY-MM-DD`` or an ISO datetime), else None."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
