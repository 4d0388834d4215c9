"""What a sentence claims beyond its words: the checks a citation by word overlap must pass besides the overlap.

Word overlap (:mod:`newsfold.story.align`) counts shared content stems, so a sentence that shares the words of a
claim but not its claim passed: "Lindsay never checked into Morningside but is back at Betty Ford" was cited to
reports that she checked into Betty Ford, "Last December, Russia submitted two draft agreements" to a report that
names no December, "The United States has promised ... it will provide its replies this week" to "the US provided
written responses in late January". A unit j (a sentence, or two adjacent ones) that overlaps unit i enough states
it only when, besides (:meth:`Claims.agrees`):

- **polarity agrees.** The stems of a clause with a negation word (:data:`newsfold.story.clauses.NEGATIONS`: "not",
  "never", "kein", "jamais", "nunca", "mai", "não", "не", "لم"), from the negation word on, are *negated*. When j
  negates what a negation of i is about (the first content word after it: "never recovered") or at least
  :data:`NEGATION_SHARED` of what i negates (by weight), they agree ("has not had a functioning government" / "has
  had no functioning government"). Else neither may carry more than :data:`MARK_MISMATCH` of i's weight in negated
  stems: i's negated content (which j then does not state as negated), or j's negated stems among those it shares
  with i (which j then denies). A negation elsewhere in j ("..., but she's not in the clear yet") is in another
  clause (:mod:`newsfold.story.clauses`) and does not count against what j shares with i;
- **tense agrees**: no more than :data:`MARK_MISMATCH` of i's weight is in stems that one side says as to come (a
  clause with a future cue or a plan word of the date rules: "will", "entregará", "sera", "wird", "is planned for")
  and the other as done (a clause with a past cue: "delivered", "entregó"). A clause with neither (the present, a
  headline), a conditional or a future in the past ("would not specify", "was expected to") agrees with both. The
  event path of :mod:`newsfold.story.events` keeps its own rule there (a report of an event as done states its
  announcement) and its own, stricter checks; it is not filtered here;
- **every date i states is stated by j**: each date i names (resolved against its article's publish date,
  :func:`newsfold.temporal.scan_dates`) overlaps a date j names (a year may be written bare: "a 1970 police-bribery
  case"), or j's publish day when j names none. A date j names but cannot resolve (a relative one in an article
  without a publish date) may be the same, and is no conflict;
- **j names no other detail in place of one of i's**. A *participant detail* is a story entity (under any of its
  names) or a state (:class:`newsfold.story.participants.ParticipantFinder`) with a name word that fewer than
  :data:`DISTINCT_SHARE` of the story's original reports have, outside the attribution. When i has one that j does
  not name, and j one that i does not name, of the same type and after the same word ("marine commandos from INS
  Tabar" / "from INS Mysore"), and the two names are not one spelt two ways ("Calif." / "California"), they speak
  of different things. A *count* is a number in digits and the word it counts ("23 pirates", "10 pages"; dates,
  times and amounts of money left out): when i has a count whose number j does not write and j the same word with
  another number, they disagree ("23 points" / "16 points"). A detail only left out is no conflict: a paraphrase
  often drops an apposition ("a treatment facility in Newport Beach") or describes a name ("the franchise"), and an
  amount may be converted ("£88m" / "€103 million"). (Measured on the ECB+ dev stories, looser tests, any rare name
  left out or one in any place, dropped mostly true citations.)

Everything is computed lazily, once per unit text (and publish date, for dates), for the units that some other unit
overlaps enough; cheap marks of each unit (:meth:`Claims.may_differ`: a cue word, a digit, a rare name) pass the
pairs where no check can fail without asking.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from functools import cache

import numpy as np

from newsfold import prefilter
from newsfold.story.align import _ATTRIBUTIONS, ATTRIBUTION_WEIGHT, Alignment, stems
from newsfold.story.clauses import clause_code, has_cues, negated_clauses, tense_clauses
from newsfold.story.participants import ParticipantFinder
from newsfold.temporal import parse_published, period_start, precision_rank, scan_dates
from newsfold.temporal_rules import rules as rules_for
from newsfold.textnorm import word_set

# Polarity and tense: the weight of i's stems that the two units mark differently (negated on one side only; said
# as to come on one side and as done on the other) may be at most this share of i's weight. One stem of a
# sentence's subject inside the other's negated clause is allowed, a shared predicate is not. Set by reading the
# citations the checks drop on the seeds and the 78 ECB+ dev stories (0.2 dropped a denial of the subject alone,
# "endangering polar bears ... could not ... protect the polar bear"; 0.3 kept "did not elaborate" unstated).
MARK_MISMATCH = 0.25
# Two units agree in polarity when the stems both negate carry at least this share of the weight the claim negates:
# the predicate, not only the subject ("Lindsay never checked into Morningside" / "Lindsay hasn't messed around").
NEGATION_SHARED = 0.5
# A participant or number named by fewer than this share of the story's originals is a detail; one named by at
# least this share is the story's own (it may stand as "the actress", "the ministry", and is no detail).
DISTINCT_SHARE = 0.5

_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
_NAME_WORD = re.compile(r"(?<![.!?:\"“«]\s)\b[^\W\d_a-zà-ÿ][\w'’-]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TIME = re.compile(r"\d{1,2}\s?[:h]\s?\d{2}")
_COUNT = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)*)\s*-?\s*([^\W\d_][\w'’]*)(?:[\s-]+([^\W\d_][\w'’]*))?")


# Words of magnitude, whose number is mostly an amount of money (en, de, fr, es, it, pt, ru, ar; lower case): the
# beginnings of the long ones ("million" for "millions", "Millionen") and the short ones whole ("mil" is no "military").
MAGNITUDE_STARTS = (
    "thousand",
    "million",
    "billion",
    "trillion",
    "tausend",
    "milliard",
    "mille",
    "millón",
    "millon",
    "milion",
    "miliard",
    "milhão",
    "milhões",
    "bilhão",
    "bilhões",
    "миллион",
    "миллиард",
    "тысяч",
    "مليون",
    "مليار",
)
MAGNITUDE_WORDS = word_set("bn mio mrd mil mila miles ألف")


# Cheap necessary conditions (newsfold.prefilter): most sentences have neither a negation nor a future cue.
@cache
def _date_words(code: str) -> tuple[str, ...]:
    """Words one of which a sentence with a date but no digit holds: the language's month and weekday names and
    the literal words of its date patterns (:mod:`newsfold.prefilter` conditions), leaving out the conditions of
    short common words ("in", "by": those patterns also need a month or a digit)."""
    rules = rules_for(code)
    strings = {s for g in rules.gates if g.strings and min(map(len, g.strings)) >= 4 for s in g.strings}
    return tuple(sorted(set(rules.month_of) | set(rules.weekday_of) | strings))


def _may_date(text: str, code: str) -> bool:
    """Whether a sentence without a digit may name a date (a cheap test before scanning it)."""
    folded = prefilter.fold(text)
    return any(w in folded for w in _date_words(code))


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names' stems may be one name spelt two ways ("Calif" / "California", "Raite" / "Rait", "Canada" /
    "Canadian"): a stem of one begins with four letters of a stem of the other."""
    return any(x[:4] == y[:4] for x in a for y in b)


@cache
def _period(value: str) -> tuple[dt.date, dt.date]:
    """First day and the day after the last of a date value (``YYYY``, ``YYYY-MM``, ``YYYY-Www``, ``YYYY-MM-DD``)."""
    start = period_start(value)
    rank = precision_rank(value)
    if rank == 0:
        return start, dt.date(start.year + 1, 1, 1)
    if rank == 1:
        return start, dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, start + dt.timedelta(days=7 if rank == 2 else 1)


def dates_overlap(a: str, b: str) -> bool:
    """Whether two date values can be the same time: their periods overlap ("2022-01" and "2022-W04" do)."""
    (s1, e1), (s2, e2) = _period(a), _period(b)
    return s1 < e2 and s2 < e1


def _number(written: str) -> str:
    return re.sub(r"(?<=\d)[.,](?=\d{3}(?!\d))", "", written).replace(",", ".")


def numbers_in(text: str) -> frozenset[str]:
    """The numbers a text writes in digits, thousands separators out, decimal comma as a point ("1,000" = "1000")."""
    return frozenset(_number(n) for n in _NUMBER.findall(text))


def counts_in(text: str, lang: str | None) -> frozenset[tuple[str, str]]:
    """The numbers in digits of a text with the word each counts: the first content word of the next two
    ("23 Somali pirates" -> ("23", "somali"), "30-day" -> ("30", "day" when "day" is a content word, else the next
    one)). Not an amount ("$1 million", "£88m"): reports convert them ("€103 million"), so another number is no
    conflict."""
    out = set()
    for m in _COUNT.finditer(text):
        for word in m.group(2, 3):
            got = stems(word, lang) if word else frozenset()
            if got:
                low = word.lower()
                if not low.startswith(MAGNITUDE_STARTS) and low not in MAGNITUDE_WORDS:
                    out.add((_number(m.group(1)), min(got)))
                break
    return frozenset(out)


class Claims:
    """The checks of :meth:`agrees` over the units of an alignment, each unit's marks and claims computed once, when
    first needed (only units that some other unit overlaps enough are ever looked at).

    Args:
        al: the story's alignment (its units, IDF and articles).
        names: entity surface -> canonical name, for the participants (as for the event links).
        types: canonical name -> entity type (PERSON, ORG, GPE...); a participant of no known type is no detail.
    """

    def __init__(
        self, al: Alignment, names: Mapping[str, str] | None = None, types: Mapping[str, str] | None = None
    ) -> None:
        self._al = al
        self._finder = ParticipantFinder(names)
        self._types = dict(types or {})
        self._by_key = {a.key: a for a in al.articles}
        self._code = [clause_code(self._by_key[u.article].lang) for u in al.units]
        # Units of one text and language (a wire copy's, a repeated paragraph's) have the same marks, names and
        # counts, and with one publish date the same dates: each is computed once per signature.
        texts: dict[tuple[str, str | None], int] = {}
        dated: dict[tuple[str, str | None, str | None], int] = {}
        self._sig = [
            texts.setdefault((u.text, self._by_key[u.article].lang), n) for n, u in enumerate(al.units)
        ]
        self._dsig = [
            dated.setdefault((u.text, self._by_key[u.article].lang, self._by_key[u.article].published), n)
            for n, u in enumerate(al.units)
        ]
        self._agree: dict[tuple[int, ...], bool] = {}
        self._agree_dates: dict[tuple[int, ...], bool] = {}
        self._flag: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._rare_cols: tuple[np.ndarray, np.ndarray] | None = None
        self._flag_list: tuple[list[bool], list[bool], list[bool], list[bool], list[bool]] = (
            [],
            [],
            [],
            [],
            [],
        )
        self._rare_names: dict[int, frozenset[str]] = {}
        self._cue: dict[int, tuple[bool, bool]] = {}
        self._negated: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._tense: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._people: dict[int, tuple[frozenset[str], tuple[tuple[str, str, frozenset[str]], ...]]] = {}
        self._dates: dict[int, tuple[tuple[str, ...], frozenset[str], bool]] = {}
        self._counts: dict[int, tuple[frozenset[tuple[str, str]], frozenset[str]]] = {}
        self._n_docs = len({u.origin for u in al.units}) or 1

    def may_differ(self, rows: np.ndarray, cols: np.ndarray, cols2: np.ndarray | None = None) -> np.ndarray:
        """For each unit pair (``rows[k]`` the claim, ``cols[k]`` and ``cols2[k]`` the citing units): whether some
        check of :meth:`agrees` can fail, by cheap marks of each unit (a negation or future cue on either side, a date
        the claim names, digits or rare names on both sides). Where not, the pair agrees without asking."""
        neg, fut, may_date, digits, names = self._flags()
        if cols2 is None:
            cols2 = cols
        out = neg[rows] | neg[cols] | neg[cols2] | fut[rows] | fut[cols] | fut[cols2]
        out |= digits[rows] & (digits[cols] | digits[cols2])
        maybe = ~out & may_date[rows]
        if maybe.any():  # scan only the claims that may name a date and are not asked anyway
            out[maybe] = [self._dated(int(i)) for i in rows[maybe]]
        # A name detail can differ only where each side has a rare capitalised word the other lacks.
        both = ~out & names[rows] & (names[cols] | names[cols2])
        if both.any():
            r, c, c2 = rows[both], cols[both], cols2[both]
            out[both] = self._lacks(r, c, c2) & (self._lacks(c, r) | self._lacks(c2, r))
        return np.asarray(out)

    def _lacks(self, rows: np.ndarray, cols: np.ndarray, cols2: np.ndarray | None = None) -> np.ndarray:
        """Whether unit ``rows[k]`` has a rare capitalised word (:meth:`_rare`) that units ``cols[k]`` (and
        ``cols2[k]``) lack: a gather over the alignment's stem columns."""
        binary = self._al.binary
        if binary is None:
            return np.ones(len(rows), dtype=bool)
        columns, count = self._rare_columns()
        wanted = columns[rows]
        real = wanted >= 0  # -1 pads a row
        at = np.maximum(wanted, 0)
        hits = binary[cols[:, None], at] * real
        if cols2 is not None:
            hits = np.maximum(hits, binary[cols2[:, None], at] * real)
        return np.asarray(hits.sum(axis=1) < count[rows])

    def _flags(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per unit: negation cue, future cue, a date word or a digit (it may name a date), digits, rare capitalised
        words (computed once; the lists in ``_flag_list``)."""
        if self._flag is None:
            units = self._al.units
            cues = [self._cues(i) for i in range(len(units))]
            digits = [prefilter.has_digit(u.text) for u in units]
            may_date = [
                d or _may_date(u.text, self._code[i])
                for i, (u, d) in enumerate(zip(units, digits, strict=True))
            ]
            names = [bool(self._rare(i)) for i in range(len(units))]
            lists = ([c[0] for c in cues], [c[1] for c in cues], may_date, digits, names)
            self._flag_list = lists
            self._flag = (
                np.array(lists[0], dtype=bool),
                np.array(lists[1], dtype=bool),
                np.array(lists[2], dtype=bool),
                np.array(lists[3], dtype=bool),
                np.array(lists[4], dtype=bool),
            )
        return self._flag

    def _dated(self, i: int) -> bool:
        """Whether unit i names a date it resolves (scanned only where it may)."""
        return self._flag_list[2][i] and bool(self.dates(i)[0])

    def _rare_columns(self) -> tuple[np.ndarray, np.ndarray]:
        """Per unit, the stem columns of its rare capitalised words (padded with -1), and how many it has."""
        if self._rare_cols is None:
            vocab = self._al.vocab
            rares = [self._rare(i) for i in range(len(self._al.units))]
            width = max((len(r) for r in rares), default=0) or 1
            columns = np.full((len(rares), width), -1, dtype=np.int64)
            for n, rare in enumerate(rares):
                found = [vocab[s] for s in rare if s in vocab]
                columns[n, : len(found)] = found
            self._rare_cols = (columns, np.array([len(r) for r in rares], dtype=np.float32))
        return self._rare_cols

    def _cues(self, i: int) -> tuple[bool, bool]:
        """Whether unit i has a negation word, and a future cue that gives a tense (cheap: before its clauses)."""
        got = self._cue.get(self._sig[i])
        if got is None:
            got = self._cue[self._sig[i]] = has_cues(self._al.units[i].text, self._code[i])
        return got

    def _of(self, i: int, clauses: Sequence[str]) -> frozenset[str]:
        u = self._al.units[i]
        lang = self._by_key[u.article].lang
        return frozenset().union(*(stems(c, lang) for c in clauses)) & u.stems if clauses else frozenset()

    def negated(self, i: int) -> tuple[frozenset[str], frozenset[str]]:
        """Unit i's negated stems, and the stems of what each negation is about: the first content word after it
        ("never recovered", "has not had a functioning government"), else the last one before it."""
        got = self._negated.get(self._sig[i])
        if got is None:
            got = (frozenset(), frozenset())
            if self._cues(i)[0]:
                u = self._al.units[i]
                lang = self._by_key[u.article].lang
                scopes = negated_clauses(u.text, self._code[i])
                heads: set[str] = set()
                for scope, before in scopes:
                    words = _WORD.findall(scope)[1:] or list(reversed(_WORD.findall(before)))
                    heads |= next((st for w in words if (st := stems(w, lang) & u.stems)), frozenset())
                got = (self._of(i, [scope for scope, _ in scopes]), frozenset(heads))
            self._negated[self._sig[i]] = got
        return got

    def tense(self, i: int) -> tuple[frozenset[str], frozenset[str]]:
        """Unit i's stems said as to come and those said as done (a stem in clauses of both has neither)."""
        got = self._tense.get(self._sig[i])
        if got is None:
            future, past = tense_clauses(self._al.units[i].text, self._code[i])
            fut, done = self._of(i, future), self._of(i, past)
            got = (fut - done, done - fut)
            self._tense[self._sig[i]] = got
        return got

    def people(self, i: int) -> tuple[frozenset[str], tuple[tuple[str, str, frozenset[str]], ...]]:
        """The participant keys unit i names, and its participant details as (slot, key, the rare stems of the name):
        those of a known type, outside its attribution, with a name stem that fewer than :data:`DISTINCT_SHARE` of the
        story's originals have ("tabar" of "INS Tabar"), after a word in lower case; the slot is the type and that word
        ("ORG from"). A detail is named where its key, one of its rare stems or the stem of its last word is ("Miss
        Jenkin" is "Kathryn Jenkin")."""
        got = self._people.get(self._sig[i])
        if got is None:
            u = self._al.units[i]
            lang = self._by_key[u.article].lang
            found = self._finder.find(u.text, lang)
            details = []
            for p in found:
                kind = "GPE" if p.key.startswith("state:") else self._types.get(p.key.removeprefix("name:"))
                own = stems(u.text[p.start : p.end], lang)
                rare = frozenset(s for s in own if self._al.df.get(s, 0) < DISTINCT_SHARE * self._n_docs)
                before = _WORD.findall(u.text, 0, p.start)[-1:]
                words = _WORD.findall(u.text, p.start, p.end)
                last = stems(words[-1], lang) if rare and words else frozenset()
                if kind and rare and before and before[0].islower() and not own <= u.attribution:
                    details.append((f"{kind} {before[0]}", p.key, rare | last))
            got = (frozenset(p.key for p in found), tuple(details))
            self._people[self._sig[i]] = got
        return got

    def dates(self, i: int) -> tuple[tuple[str, ...], frozenset[str], bool]:
        """The date values unit i names (resolved against its article's publish date), the numbers written in its
        dates, times and attribution (which are no counts), and whether it names a date it cannot resolve (a
        relative one in an article without a publish date: "on Thursday", "Feb. 17")."""
        got = self._dates.get(self._dsig[i])
        if got is None:
            u = self._al.units[i]
            art = self._by_key[u.article]
            scan = scan_dates(u.text, published=parse_published(art.published), lang=art.lang)
            said = [m.group() for p in _ATTRIBUTIONS for m in p.finditer(u.text)]
            dated = (
                [m.text for m in scan.mentions]
                + [d.text for d in scan.dropped]
                + _TIME.findall(u.text)
                + said
            )
            unresolved = any(d.reason == "no_publish_date" for d in scan.dropped)
            got = (tuple(m.value for m in scan.mentions), numbers_in(" ".join(dated)), unresolved)
            self._dates[self._dsig[i]] = got
        return got

    def counts(self, i: int) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
        """Unit i's numbers in digits with the words they count (:func:`counts_in`, dates not yet left out), and
        every number it writes in digits."""
        got = self._counts.get(self._sig[i])
        if got is None:
            u = self._al.units[i]
            got = (counts_in(u.text, self._by_key[u.article].lang), numbers_in(u.text))
            self._counts[self._sig[i]] = got
        return got

    def agrees(self, i: int, js: Sequence[int]) -> bool:
        """Tell whether units ``js`` (one sentence, or two adjacent ones of one article), which overlap unit i
        enough, state its claim: polarity, tense, dates and details (see the module docstring).

        Args:
            i: the claim's unit.
            js: the citing units.

        Returns:
            True when every check holds.
        """
        key = (self._sig[i], *(self._sig[j] for j in js))
        got = self._agree.get(key)
        if got is None:
            got = self._agree[key] = self._words_agree(i, js)
        if got and self._dated(i):
            key = (self._dsig[i], *(self._dsig[j] for j in js))
            dates = self._agree_dates.get(key)
            if dates is None:
                dates = self._agree_dates[key] = self._dates_agree(i, js)
            return dates
        return got

    def _words_agree(self, i: int, js: Sequence[int]) -> bool:
        """The checks of :meth:`agrees` but the dates: polarity, tense, names and counts."""
        al = self._al
        self._flags()
        neg, fut, _, digits, names = self._flag_list
        counts = digits[i] and any(digits[j] for j in js)
        need_neg, need_fut = neg[i] or any(neg[j] for j in js), fut[i] or any(fut[j] for j in js)
        if not (need_neg or need_fut or counts or (names[i] and any(names[j] for j in js))):
            return True
        theirs = frozenset().union(*(al.units[j].stems for j in js))
        shared = al.units[i].stems & theirs
        limit = MARK_MISMATCH * float(al.weight[i])
        if need_neg:
            (neg_i, heads_i), neg_j = self.negated(i), frozenset().union(*(self.negated(j)[0] for j in js))
            weight_i = self._weigh(i, neg_i)
            both = neg_i and (heads_i & neg_j or self._weigh(i, neg_i & neg_j) >= NEGATION_SHARED * weight_i)
            if not both and (weight_i > limit or self._weigh(i, neg_j & shared) > limit):
                return False
        if need_fut:
            fut_i, past_i = self.tense(i)
            fut_j = frozenset().union(*(self.tense(j)[0] for j in js))
            past_j = frozenset().union(*(self.tense(j)[1] for j in js))
            if self._weigh(i, ((fut_i & past_j) | (past_i & fut_j)) & shared) > limit:
                return False
        mine = al.units[i].stems
        if self._rare(i) - theirs and any(self._rare(j) - mine for j in js):
            keys_i, details_i = self.people(i)
            keys_j = frozenset().union(*(self.people(j)[0] for j in js))
            missing = [
                (slot, name) for slot, key, name in details_i if not name & theirs and key not in keys_j
            ]
            other = [
                (slot, name)
                for j in js
                for slot, key, name in self.people(j)[1]
                if not name & mine and key not in keys_i
            ]
            if any(a == b and not _alike(x, y) for a, x in missing for b, y in other):
                return False
        return not (counts and self._counts_differ(i, js))

    def _dates_agree(self, i: int, js: Sequence[int]) -> bool:
        """Whether units js state every date unit i names (the date check of :meth:`agrees`)."""
        al = self._al
        dates_i = self.dates(i)[0]
        stated = [d for j in js for d in self.dates(j)[0]]
        stated = stated or [day for j in js if (day := self._by_key[al.units[j].article].day)][:1]
        years = frozenset().union(*(self.counts(j)[1] for j in js))  # "a 1970 police-bribery case"
        said = all(any(dates_overlap(d, e) for e in stated) or d in years for d in dates_i)
        # a date it cannot resolve may be the same
        return said or any(self.dates(j)[2] for j in js)

    def _counts_differ(self, i: int, js: Sequence[int]) -> bool:
        """Whether i counts a word with a number that units js do not write, and js count it with another."""
        counts_i, numbers_i = self.counts(i)
        if not counts_i:
            return False
        numbers_j = frozenset().union(*(self.counts(j)[1] for j in js))
        counted = {word for n, word in counts_i if n not in numbers_j}
        others = [
            (j, n, word)
            for j in js
            for n, word in self.counts(j)[0]
            if word in counted and n not in numbers_i
        ]
        if not others:
            return False
        # Only now the dates: a number of a date or a time is no count.
        skip_i = self.dates(i)[1]
        counted = {word for n, word in counts_i if n not in numbers_j and n not in skip_i}
        return any(word in counted and n not in self.dates(j)[1] for j, n, word in others)

    def _rare(self, i: int) -> frozenset[str]:
        """The stems of unit i's capitalised words (not its first) that fewer than :data:`DISTINCT_SHARE` of the
        story's originals have: a participant detail has one."""
        rare = self._rare_names.get(self._sig[i])
        if rare is None:
            u = self._al.units[i]
            lang = self._by_key[u.article].lang
            limit = DISTINCT_SHARE * self._n_docs
            words = (
                stems(" ".join(_NAME_WORD.findall(u.text, 1)), lang) & u.stems
            )  # no stop or calendar words
            rare = self._rare_names[self._sig[i]] = frozenset(
                w for w in words if self._al.df.get(w, 0) < limit
            )
        return rare

    def _weigh(self, i: int, which: frozenset[str]) -> float:
        """The weight in unit i of some of its stems (attribution stems weigh less, as in the overlap)."""
        attrib = self._al.units[i].attribution
        return sum(self._al.idf.get(s, 0.0) * (ATTRIBUTION_WEIGHT if s in attrib else 1.0) for s in which)
