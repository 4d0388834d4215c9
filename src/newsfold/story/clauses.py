"""Clauses of a sentence by polarity and tense, in eight languages: which words a negation or a future covers.

The claim checks of :mod:`newsfold.story.claims` compare what two sentences negate, say as to come or say as done.
A sentence is cut into clauses at punctuation, subordinators ("that", "que", "dass"), verbs of saying
(:data:`newsfold.temporal_words.REPORTING`: "Heller said | she would not go"), contrasts and clauses of time
(:data:`CLAUSE_WORDS`: "but", "mais", "after") and "until" (:data:`UNTIL_WORDS`); for tense also at "and"
(:data:`AND_WORDS`) and quotation marks. Two commas around a few words enclose an apposition ("Reid, 33, is"), not a
clause. The cue words are grammar-table words (:data:`NEGATIONS`) and the tense cues of the date rules
(:data:`newsfold.temporal_words.FUTURE`, ``PAST``, ``PLAN``), so the languages are those the date rules know (en, de,
fr, es, it, pt, ru, ar); others use the English words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfold import prefilter
from newsfold import temporal_words as tw
from newsfold.temporal_rules import LANGS
from newsfold.temporal_rules import rules as rules_for
from newsfold.textnorm import word_set

# Negation words, whole words, case folded, per language (en, de, fr, es, it, pt, ru, ar; other languages use the
# English ones): grammar-table words, not read off the data. English "n't" and French "n'" are matched as affixes
# (_NEG_AFFIX). Left out on purpose: words of other meanings in the same language (French "personne", "plus";
# Italian "ne"; Portuguese "no" = "in the"), lexical negations ("failed", "refused", "without"), and "not only" /
# "nicht nur" / "non seulement" (_NOT_ONLY), which negate nothing.
NEGATIONS = {
    "en": "not no never neither nor none nobody nothing nowhere cannot",
    "de": "nicht nie niemals kein keine keinen keinem keiner keines nichts niemand weder",
    "fr": "ne pas jamais aucun aucune rien ni",
    "es": "no nunca jamás ningún ninguno ninguna nada nadie ni tampoco",
    "it": "non mai nessun nessuno nessuna niente né",
    "pt": "não nunca jamais nenhum nenhuma nada ninguém nem",
    "ru": "не нет никогда ни ничего никто нельзя",
    "ar": "لا لم لن ليس ليست",
}
_NEG_AFFIX = {"en": r"n\s?[’']\s?t(?![^\W\d_])", "fr": r"(?<![^\W\d_])n\s?[’']\s?(?=[^\W\d_])"}
_NOT_ONLY = (
    r"only|just|merely|nur|seulement|uniquement|solo|sólo|solamente|soltanto|apenas|só|somente|только|فقط"
)
# Words that start a clause of their own, per language (grammar-table words): contrasts, clauses of time and
# concession, relative pronouns. Subordinators ("that", "que", "dass") and verbs of saying
# (temporal_words.REPORTING) end clauses in every language.
CLAUSE_WORDS = {
    "en": "but|however|although|though|whereas|while|after|before|when|who|whom|whose|which|where",
    "de": "aber|jedoch|sondern|obwohl|während|nachdem|bevor|als|welcher|welche|welches|wo",
    "fr": "mais|cependant|pourtant|alors que|bien que|tandis que|après|quand|lorsque|qui|"
    "dont|où|lequel|laquelle",
    "es": "pero|sino|sin embargo|aunque|mientras|después de|antes de|cuando|quien|quienes|cual|cuales|donde|"
    "cuyo|cuya",
    "it": "ma|però|tuttavia|mentre|benché|sebbene|dopo|prima di|quando|cui|dove|quale|quali",
    "pt": "mas|porém|contudo|embora|enquanto|depois de|antes de|quando|quem|onde|qual|quais|cujo|cuja",
    "ru": "но|однако|хотя|а|после|когда|который|которая|которое|которые|которого|которой|где",
    "ar": "لكن|بينما|بعد|قبل|عندما|الذي|التي|الذين",
}
# "until", per language: a clause boundary too, and a negation right before it is about when, not whether ("will
# not be released until next of kin are notified" = "would be released after ...").
UNTIL_WORDS = {
    "en": "until|till",
    "de": "bis",
    "fr": "jusqu'à|jusqu’à|avant",
    "es": "hasta",
    "it": "fino a|finché",
    "pt": "até",
    "ru": "пока|до",
    "ar": "حتى",
}
# The future cues of temporal_words.FUTURE that are adjectives ("next week", "next of kin", "il prossimo mese"): they
# date a time, not the clause's verb, and give no tense here.
_ADJECTIVE = re.compile(
    r"next|upcoming|prossim[oaie]|prochaine?s?|próxim[oa]s?|nächsten|kommenden|следующ\w*|المقبلة?|القادمة?",
    re.IGNORECASE,
)
# English only (its past cues are bare word forms, the other languages' mostly auxiliaries or endings): the past
# cues that are also presents, the auxiliaries that make a participle right after them a present or a future passive,
# and the determiners that make "plan to" a noun.
_EN_PRESENT_PASTS = word_set("hit cut quit set put spread shut let beat cost hurt split burst cast")
_EN_PASSIVE = re.compile(r"(?<![^\W\d_])(?:is|are|am|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_EN_DETERMINER = re.compile(r"(?<![^\W\d_])(?:the|a|an|its|his|her|their|our|this|that)\s+$", re.IGNORECASE)
# The conditional ("would", "-rait", "-ría", "-rebbe", "-ria"): a future in the past or a hypothesis ("would not
# specify" is a refusal that happened), so a clause whose only future cue it is has no tense for the check.
_CONDITIONAL = re.compile(r"(?:would|\w+(?:rait|raient|ría|rían|rebbe|rebbero|ria|riam))", re.IGNORECASE)
# "and", per language: a clause boundary for tense only (a negation's clause goes on over it: "will not let the
# West downplay this initiative and brush it under the carpet").
AND_WORDS = {"en": "and", "de": "und", "fr": "et", "es": "y|e", "it": "e|ed", "pt": "e", "ru": "и", "ar": "و"}
_PUNCT = r",(?!\s*\d)|[;:()\[\]—–]|\s--?\s"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTE = re.compile(r"[\"“”«»„]")
# Words between two commas that make an apposition (an age, a state, a title), not a clause of its own.
APPOSITION_WORDS = 3
_SUBORDINATORS = r"that|because|que|parce que|porque|che|perché|dass|weil|что|потому что|أن|أنه|لأن"


def _words(alternation: str) -> str:
    return rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])"


def clause_code(lang: str | None) -> str:
    """The language whose words are used for a text of ``lang`` (English for one without them)."""
    return lang if lang in LANGS and lang in NEGATIONS else "en"


_NEGATION = {
    code: re.compile(
        "|".join(
            # "No. 5 seed" is a number
            [
                _words("|".join(re.escape(w) for w in words.split()))
                + rf"(?!\s+{_words(_NOT_ONLY)})(?!\.\s*\d)"
            ]
            + ([_NEG_AFFIX[code]] if code in _NEG_AFFIX else [])
        ),
        re.IGNORECASE,
    )
    for code, words in NEGATIONS.items()
}
_BOUNDARY = {
    code: re.compile(
        rf"{_PUNCT}|{_words(_SUBORDINATORS)}|{_words(tw.REPORTING)}|{_words(CLAUSE_WORDS[code])}",
        re.IGNORECASE,
    )
    for code in NEGATIONS
}

_NEGATION_GATE = {code: prefilter.gate(p) for code, p in _NEGATION.items()}
_FUTURE_GATE = {code: prefilter.gate(rules_for(code).future) for code in NEGATIONS}
_AND = {code: re.compile(_words(AND_WORDS[code]), re.IGNORECASE) for code in NEGATIONS}
_UNTIL = {code: re.compile(_words(UNTIL_WORDS[code]), re.IGNORECASE) for code in NEGATIONS}


def _segments(text: str, cuts: Sequence[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """The spans of ``text`` between the cuts (start, end, whether the cut is an "and"), each with whether an "and"
    opens it."""
    out: list[tuple[int, int, bool]] = []
    start, after_and = 0, False
    for a, b, is_and in sorted(cuts):
        if a < start:
            continue
        if a > start:
            out.append((start, a, after_and))
        start, after_and = b, is_and
    if start < len(text):
        out.append((start, len(text), after_and))
    return out


@dataclass(frozen=True, slots=True)
class Marks:
    """The clauses of a sentence by polarity and tense, as text.

    Attributes:
        negated: the negated part of each clause with a negation.
        future: the clauses said as to come.
        past: the clauses said as done.
    """

    negated: tuple[str, ...]
    future: tuple[str, ...]
    past: tuple[str, ...]


def marked_clauses(text: str, lang: str | None) -> Marks:
    """The negated clauses of a sentence and those said as to come or as done (see the module docstring).

    A clause is negated when it has a negation word and "until" does not follow it; the negated text is the clause
    from the negation word on (the predicate, not its subject), or all of it when nothing follows. A clause is said
    as to come when it has a future cue or a plan word that is not a conditional (:func:`_future_cues`), as done
    when it has a past cue (:func:`_past_cues`) and neither; a clause after "and" with no cue takes the tense of the
    clause before.

    Args:
        text: one sentence.
        lang: ISO 639-1 code (en, de, fr, es, it, pt, ru, ar; others use the English words).

    Returns:
        Its :class:`Marks`.
    """
    code = clause_code(lang)
    future, past = tense_clauses(text, code)
    return Marks(tuple(scope for scope, _ in negated_clauses(text, code)), future, past)


def _bounds(text: str, code: str) -> list[tuple[int, int, bool]]:
    """The clause boundaries of a text; two commas around a few words ("Reid, 33, is", "Rancho Mirage, Calif., on")
    enclose an apposition, not a clause, and are none (unless the words negate: "improve it, not weaken it,")."""
    cuts = sorted((m.start(), m.end()) for p in (_BOUNDARY[code], _UNTIL[code]) for m in p.finditer(text))
    commas = [n for n, ch in enumerate(text) if ch == ","]
    drop: set[int] = set()
    for a, c in itertools.pairwise(commas):
        if len(text[a + 1 : c].split()) <= APPOSITION_WORDS and not _NEGATION[code].search(text, a, c):
            drop.update((a, c))
    return [(a, b, False) for a, b in cuts if a not in drop or text[a] != ","]


def negated_clauses(text: str, code: str) -> list[tuple[str, str]]:
    """Each negation's scope: from the negation word to its clause's end (the whole clause when no word follows it:
    German "betrat es nicht"), with the words of the clause before the negation word."""
    untils = {m.start() for m in _UNTIL[code].finditer(text)}
    out = []
    for a, b, _ in _segments(text, _bounds(text, code)):
        cue = _NEGATION[code].search(text, a, b)
        if cue is None or b in untils:
            continue
        after = text[cue.start() : b]
        out.append(
            (after if _WORD.search(after, cue.end() - cue.start()) else text[a:b], text[a : cue.start()])
        )
    return out


def _future_cues(text: str, code: str) -> list[re.Match[str]]:
    """The future cues of a text that give a tense: those of :data:`newsfold.temporal_words.FUTURE` and the plan
    participles of :data:`newsfold.temporal_words.PLAN` ("is expected on", "prévu"), not the adjectives ("next
    week") nor, in English, a noun ("the plan to break in")."""
    rules = rules_for(code)
    out = []
    for m in itertools.chain(rules.future.finditer(text), rules.plan.finditer(text)):
        if _ADJECTIVE.fullmatch(m.group()):
            continue
        if code == "en" and _EN_DETERMINER.search(text, 0, m.start()):
            continue
        out.append(m)
    return out


def _past_cues(seg: str, code: str) -> list[int]:
    """Where the past cues of a clause are (:data:`newsfold.temporal_words.PAST`, in lower case: "United" is no past
    verb). In English, not the forms that are also presents ("set", "put", "cut"), not a participle after "is",
    "be" or "being" ("is expected", "is being held": a present or a future), and not a participle that opens the
    clause (", televised live on Sunday": a modifier, not a clause of its own)."""
    out = []
    for m in rules_for(code).past.finditer(seg):
        word = m.group()
        if not word[:1].islower():
            continue
        if code == "en" and (
            word in _EN_PRESENT_PASTS
            or _EN_PASSIVE.search(seg, 0, m.start())
            or (word.endswith("ed") and not seg[: m.start()].strip(" \"'“”«»,"))
        ):
            continue
        out.append(m.start())
    return out


def tense_clauses(text: str, code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    cuts = _bounds(text, code) + [(m.start(), m.end(), True) for m in _AND[code].finditer(text)]
    cuts += [(m.start(), m.end(), False) for m in _QUOTE.finditer(text)]
    future: list[str] = []
    past: list[str] = []
    state = ""
    for a, b, after_and in _segments(text, cuts):
        seg = text[a:b]
        cues = _future_cues(seg, code)
        pasts = _past_cues(seg, code)
        plain = [
            m for m in cues if not _CONDITIONAL.fullmatch(m.group()) and not any(p < m.start() for p in pasts)
        ]
        if plain:
            now = "future"
        elif cues:
            now = (
                "conditional"  # or a future in the past ("was scheduled to", "was not expected to"): no tense
            )
        elif pasts:
            now = "past"
        else:
            now = state if after_and else ""
        if now == "future":
            future.append(seg)
        elif now == "past":
            past.append(seg)
        state = now
    return tuple(future), tuple(past)


def has_cues(text: str, code: str) -> tuple[bool, bool]:
    """Whether a text has a negation word, and a future cue that gives a tense (cheap: gated by literal words)."""
    folded = prefilter.fold(text)
    negated = _NEGATION_GATE[code].admits(folded, False) and _NEGATION[code].search(text) is not None
    future = _FUTURE_GATE[code].admits(folded, False) and any(
        not _CONDITIONAL.fullmatch(m.group()) for m in _future_cues(text, code)
    )
    return negated, future
