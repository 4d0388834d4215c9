"""The clause a date is said in, whose tense sets the side of the publish date a date without one falls on.

:func:`newsfold.temporal.scan_dates` resolves "on Friday", "le 3 mars" or "a finales de junio" forward when the
clause around it is in the future tense (:data:`newsfold.temporal_words.FUTURE`), and this module says what that
clause is: bounded by punctuation, by reported speech and by subordinate clauses (see :func:`clause`).
"""

from __future__ import annotations

import re

from newsfold import temporal_words as tw

# (a comma before a number lists days, "i prossimi 15, 16 e 17 marzo", and breaks no clause)
_CLAUSE_BREAK = re.compile(r",(?!\s*\d)|[;:()\"“”«»—–]|\s-\s")
_SCHEDULED = re.compile(rf"(?<![^\W\d_])(?:{tw.SCHEDULED})\s*$", re.IGNORECASE)
_REPORTING = re.compile(rf"(?<![^\W\d_])(?:{tw.REPORTING})(?![^\W\d_])", re.IGNORECASE)
# A verb of saying and at most a preposition or article before the date: "said on Friday", "dijo el viernes".
_SAID_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{tw.REPORTING})\s+(?:\S{{1,4}}\s+)?$", re.IGNORECASE)
# Words that open a subordinate clause, whose tense is its own: reported speech ("said on Tuesday that ... will")
# and reasons ("because"), in the eight languages.
_SUBORDINATE = re.compile(
    r"(?<![^\W\d_])(?:(?:that|because|que|parce que|porque|che|perché|dass|weil|что|потому что|أن|أنه|لأن)"
    r"(?![^\W\d_])|qu['’])",
    re.IGNORECASE,
)


# "and", "y", "et", "e", "und", "и", "و" (also "ed", "ma", "but", "mais", "pero", "mas", "aber", "но"): a coordinated
# verb phrase after the date with a future of its own ("entró en vigor el domingo y durará tres días", "met on Monday
# and will meet again") is another clause; its tense is not the date's.
_COORDINATOR = re.compile(r"\s(?:and|but|y|pero|et|mais|e|ed|ma|mas|und|aber|и|но|و)\s+", re.IGNORECASE)


def clause(
    sentence: str,
    start: int,
    end: int,
    future: re.Pattern[str] | None = None,
    past: re.Pattern[str] | None = None,
) -> str:
    """The clause around a span, whose tense is the span's.

    Bounded by punctuation; a clause that is little more than the span itself ("On Tuesday, ministers will meet.")
    takes in the next one, up to a verb of saying there ("On Friday, the company said it would …": the saying is
    what Friday dates). A subordinate clause is another clause: a date right after a verb of saying ("said on Friday
    it would …") ends its clause; a subordinator before the date starts it ("a dit qu'elle mettrait fin … le 31
    octobre", "le autorità che hanno sequestrato l'8 dicembre"), unless a plan governs it ("Il est prévu que le
    sommet ait lieu vendredi": :data:`temporal_words.SCHEDULED` just before it); one after the date ends the date's
    own clause ("said on Tuesday that the battle will end", "fijó en diciembre un calendario que se prolongará hasta
    junio"), and in a clause taken in only after a verb of saying ("El viernes, el Gobierno que preside X aprobará").
    With ``future`` and ``past`` (the language's tense cues), a coordinator after the date right before a future
    cue ends the date's clause ("El alto el fuego entró en vigor el domingo y durará tres días"), when the clause up
    to it has a past verb of its own (not "The Pope arrives in Lisbon on 2 August and will stay": a present that
    the future after it dates).
    """
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    before = list(_SUBORDINATE.finditer(sentence, left, start))
    if before and not _SCHEDULED.search(sentence, max(left, before[-1].start() - 25), before[-1].start()):
        # not after "prévu que", "previsto que", "من المقرر أن": there the plan governs the clause
        left = before[-1].end()
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence, end)]
    right = breaks[0] if breaks else len(sentence)
    taken_in = len(sentence[left:right].split()) - len(sentence[start:end].split()) < 3 and bool(breaks)
    if taken_in:
        wider = breaks[1] if len(breaks) > 1 else len(sentence)
        say = _REPORTING.search(sentence, right, wider)
        right = say.start() if say else wider
    if _SAID_BEFORE.search(sentence[max(left, start - 40) : start]):
        right = end  # "said on Friday (that) it would …": the rest is what was said
    # After the date, a subordinate clause has its own tense ("fijó en diciembre un calendario que se prolongará");
    # in a clause taken in, only reported speech is cut off ("El viernes, el Gobierno que preside X aprobará …").
    subs = _reported(sentence, end, right) if taken_in else list(_SUBORDINATE.finditer(sentence, end, right))
    if subs:
        right = subs[0].start()
    if future is not None and past is not None:
        for m in _COORDINATOR.finditer(sentence, end, right):
            own = sentence[left:start] + " " + sentence[end : m.start()]
            if future.match(sentence, m.end()) and past.search(own):
                right = m.start()
                break
    return sentence[left:start] + " " + sentence[end:right]


def _reported(sentence: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The subordinators in ``sentence[lo:hi]`` that a verb of saying comes before in the same clause."""
    return [
        m
        for m in _SUBORDINATE.finditer(sentence, lo, hi)
        if _REPORTING.search(sentence, max(0, m.start() - 120), m.start())
    ]
