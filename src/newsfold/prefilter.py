"""Cheap necessary conditions for regular expressions: skip a pattern in a text where it cannot match.

Finding dates runs some thirty patterns over every sentence, and each one scans the whole sentence, though most
sentences hold no date at all. Most of those patterns cannot match without one of a few literal strings (a month
name, a weekday, "giorni", "yesterday") or a digit. :func:`gate` reads that condition off a compiled pattern's
syntax tree; :meth:`Gate.admits` tests it with a few substring tests on the text's :func:`fold`, computed once per
text for every pattern. A pattern runs only where its condition holds: on the dev data, 3 to 4 of the 30 per
sentence, and finding dates takes about a third of the time (see BENCHMARKS.md).

The condition is derived, not written by hand, so it cannot drift from the patterns. For each part of a pattern it
is a set of strings one of which every match of that part contains: a literal run; the union over the branches of
an alternation; a part repeated at least once; a small character class as its characters; the digit class as "some
digit". Adjacent exact parts are joined ("ma" then "rch" or "y" is "march" or "may"), and of a sequence the part with
the longest strings wins. A part that can match without a known string (an optional part, a word character, a
back-reference) gives no condition, and a pattern whose tree cannot be read (the syntax module is CPython's and
private) gets none: it always runs. Both sides are compared case-folded, with the few extra pairs that
``re.IGNORECASE`` matches and case folding keeps apart mapped together, so a pattern is never skipped where it would
match; ``tests/test_prefilter.py`` checks this character by character and on real and random text.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

_parser: Any
_c: Any
_casefix: Any
try:  # CPython's regular-expression parser and case table (private modules; without them, nothing is skipped)
    _parser = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
    _casefix = importlib.import_module("re._casefix")
except ImportError:  # pragma: no cover - other Pythons
    _parser = _c = _casefix = None


class _Digit:
    """The mark for "some character ``\\d`` matches" in a condition: not a string, so no literal can be taken for it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "DIGIT"


DIGIT = _Digit()
CLASS_MAX = 16  # a character class of at most this many characters is a condition (each one a string)
_DIGIT_RE = re.compile(r"\d")
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT) if _parser is not None else ()
_Item = str | _Digit
_Cond = frozenset[_Item] | None
_Part = tuple[frozenset[_Item], bool] | None  # a part's condition and whether it is exact (see _sequence)
PRODUCT_MAX = 64  # adjacent exact parts are joined while the product has at most this many strings


def _extra_folds() -> dict[int, str | None]:
    """A translation making ``str.casefold`` at least as coarse as ``re.IGNORECASE``.

    The expression engine also matches a few characters that case folding keeps apart ("i" and the dotless "ı", "s"
    and the long "ſ", Greek and old Cyrillic variants: ``re._casefix``): each group is mapped to one member. "İ"
    folds to "i" and a combining dot, which is dropped, as the engine matches "İ" to "i".
    """
    table: dict[int, str | None] = {0x307: None}
    if _parser is None:  # pragma: no cover - other Pythons
        return table
    for first, others in _casefix._EXTRA_CASES.items():
        group = [chr(first), *map(chr, others)]
        folded = sorted({c.casefold() for c in group})
        for c in {*group, *folded}:
            if len(c) == 1 and c != folded[0]:
                table[ord(c)] = folded[0]
    return table


_EXTRA_FOLDS = _extra_folds()


_EXTRA_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_EXTRA_FOLDS)) + "]")


def fold(text: str) -> str:
    """A text case-folded as the gates compare it (see :func:`_extra_folds`)."""
    if text.isascii():
        return text.lower()  # the same as casefold on ASCII, and no ASCII letter is in the extra table
    folded = text.casefold()
    return folded.translate(_EXTRA_FOLDS) if _EXTRA_RE.search(folded) else folded


@dataclass(frozen=True, slots=True)
class Gate:
    """A pattern's necessary condition: it can match only a text (folded by :func:`fold`) that holds one of these
    strings, or a digit. An ``open`` gate (no condition found) admits every text."""

    strings: tuple[str, ...] = ()
    digit: bool = False
    open: bool = True

    def admits(self, folded: str, digit: bool) -> bool:
        """Whether the pattern may match a text, given as its :func:`fold` and whether it holds a digit."""
        if self.open or (self.digit and digit):
            return True
        return any(map(folded.__contains__, self.strings))


def has_digit(text: str) -> bool:
    """Whether the text holds a character that ``\\d`` matches."""
    return _DIGIT_RE.search(text) is not None


def gate(pattern: re.Pattern[str]) -> Gate:
    """The necessary condition of a compiled pattern (an open gate where none can be derived).

    A string that holds another of the condition's strings is left out: a text holding it holds the other too.
    """
    cond = condition(pattern)
    if not cond or "" in cond:
        return Gate()
    words = sorted((s for s in cond if isinstance(s, str)), key=lambda s: (len(s), s))
    kept: list[str] = []
    for s in words:
        if not any(k in s for k in kept):
            kept.append(s)
    return Gate(strings=tuple(kept), digit=DIGIT in cond, open=False)


def condition(pattern: re.Pattern[str]) -> frozenset[_Item] | None:
    """The strings (case-folded; :data:`DIGIT` for a digit) one of which every match of ``pattern`` contains.

    Returns:
        The set, or None when no such set can be derived (the pattern may match anywhere).
    """
    if _parser is None or pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a future syntax module may differ: no condition, the pattern is always run
        return None
    try:
        part = _sequence(list(tree))
    except (TypeError, ValueError):  # an unexpected node shape
        return None
    return part[0] if part and "" not in part[0] else None


def _sequence(items: list[tuple[Any, Any]]) -> _Part:
    """The condition of a concatenation.

    Adjacent exact parts (a literal, a branch of literals, an optional literal) are joined into the product of their
    strings ("ma" then "rch" or "y": "march", "may"); of the products and the other parts' conditions, the most
    selective wins (the longest shortest string, then the fewest strings). Zero-width parts (lookarounds, anchors)
    consume nothing and do not break a product.
    """
    candidates: list[frozenset[_Item]] = []
    chain: frozenset[_Item] | None = frozenset([""])
    exact = True
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        part = (frozenset([fold(chr(av))]), True) if op is _c.LITERAL else _node(op, av)
        if part is not None and part[1] and DIGIT not in part[0]:  # (exact parts hold strings only)
            if chain is None:
                chain = part[0]
            elif len(chain) * len(part[0]) <= PRODUCT_MAX:
                chain = frozenset(
                    [a + b for a in chain for b in part[0] if isinstance(a, str) and isinstance(b, str)]
                )
            else:
                candidates.append(chain)
                chain, exact = part[0], False
            continue
        exact = False
        if chain is not None:
            candidates.append(chain)
            chain = None
        if part is not None:
            candidates.append(part[0])
    if exact and chain is not None:
        return chain, True
    if chain is not None:
        candidates.append(chain)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(_strength, c)), -len(c))), False


def _strength(s: _Item) -> int:
    return len(s) if isinstance(s, str) else 1


def _node(op: Any, av: Any) -> _Part:
    """The condition of one part of a pattern, and whether it is exact (every match is one of its strings)."""
    if op is _c.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is _c.BRANCH:
        union: set[_Item] = set()
        exact = True
        for alternative in av[1]:
            part = _sequence(list(alternative))
            if part is None:
                return None  # one branch may match without any known string
            union |= part[0]
            exact = exact and part[1]
        return frozenset(union), exact
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, item = av
        part = _sequence(list(item))
        if part is None:
            return None
        if low == 0:  # optional: only "this or nothing" is still known
            return (part[0] | {""}, True) if part[1] and high == 1 else None
        return part[0], part[1] and low == high == 1
    if op is _c.IN:
        return _char_class(av)
    return None  # any character, a category, a back-reference, a conditional: nothing known


def _char_class(items: list[tuple[Any, Any]]) -> _Part:
    if items == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
        return frozenset([DIGIT]), False
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(fold(chr(av)))
        elif op is _c.RANGE and av[1] - av[0] < CLASS_MAX:
            chars.update(fold(chr(c)) for c in range(av[0], av[1] + 1))
        else:
            return None  # a negated class, a category or a wide range
        if len(chars) > CLASS_MAX:
            return None
    return (frozenset(chars), True) if chars else None
