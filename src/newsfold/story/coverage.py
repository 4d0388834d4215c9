"""Coverage by outlet: which facts each outlet reports, reports alone, or leaves out.

A *fact* is a group of aligned sentences: the most widely stated sentence that is not yet in a fact founds
one, and every sentence it states or that states it joins (:mod:`newsfold.story.align`). The fact cites the
original articles that state its text. Copies (wire reprints) count once, under their original: they are
neither cited by facts nor listed under an outlet of their own.

An article without an outlet is its own outlet, named ``unknown (<key>)``, so that two unnamed sources are
never counted as one (and never hide each other's left-out facts). ``left_out`` lists the facts that more than
half of the *other* outlets report (and at least two of them) and this one does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from newsfold.story.align import Alignment
from newsfold.story.summary import (
    MIN_WORDS,
    ends_sentence,
    has_finite_verb,
    normalised,
    sentence_words,
    word_count,
)

# A fact sentence needs this many words, end punctuation and a verb (else: a heading, credit or fragment).
FACT_MIN_WORDS = max(5, MIN_WORDS - 2)


class Outlet(Protocol):
    """What the fold needs of an outlet registry entry."""

    @property
    def name(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def type(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Fact:
    """A statement and the original articles that make it."""

    id: str
    text: str
    articles: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The contract's fact object."""
        return {"id": self.id, "text": self.text, "articles": list(self.articles)}


def outlet_name(outlet: str | None, key: str) -> str:
    """The outlet an article counts under: its outlet, else ``unknown (<key>)``."""
    return outlet if outlet else f"unknown ({key})"


def find_facts(al: Alignment) -> list[Fact]:
    """Group the story's sentences into facts, each citing the originals that state it.

    Args:
        al: the story's alignment.

    Returns:
        Facts with ids ``f1``, ``f2``... , the most widely stated first.
    """
    originals = [a.key for a in al.articles if any(al.units[i].origin == a.key for i in al.by_article[a.key])]
    lang = {a.key: a.lang for a in al.articles}
    cands = [
        i
        for i, u in enumerate(al.units)
        if u.article == u.origin
        and word_count(u.text) >= FACT_MIN_WORDS
        and ends_sentence(u.text)
        and has_finite_verb(sentence_words(u.text), lang.get(u.article))
    ]
    support = {i: al.citing(i, originals) for i in cands}
    both = al.states_matrix()
    both |= both.T
    order = sorted(cands, key=lambda i: (-len(support[i]), al.units[i].position, i))
    at = np.array(cands, dtype=np.intp)
    key = {i: normalised(al.units[i].text) for i in cands}
    texts: dict[str, list[int]] = {}  # a sentence said twice (a paragraph printed twice) is one fact
    for i in cands:
        texts.setdefault(key[i], []).append(i)
    taken: set[int] = set()
    facts: list[Fact] = []
    for i in order:
        if i in taken:
            continue
        taken.add(i)
        taken.update(at[both[i, at]].tolist())
        taken.update(texts[key[i]])
        facts.append(Fact(f"f{len(facts) + 1}", al.units[i].text, tuple(support[i])))
    return facts


def outlet_coverage(
    al: Alignment, facts: list[Fact], outlets: Mapping[str, Outlet | None]
) -> list[dict[str, Any]]:
    """Per outlet: its articles, the facts it reports, reports alone, and leaves out.

    Args:
        al: the story's alignment (its articles give each article's outlet).
        facts: the story's facts.
        outlets: outlet name -> registry entry (country, type), None when not in the registry.

    Returns:
        The contract's outlet objects, most articles first.
    """
    originals = [a for a in al.articles if any(al.units[i].origin == a.key for i in al.by_article[a.key])]
    if not originals:  # an article with no sentence at all still has an outlet
        originals = list(al.articles)
    art_outlet = {a.key: outlet_name(a.outlet, a.key) for a in originals}
    names = list(dict.fromkeys(art_outlet.values()))
    reports: dict[str, list[str]] = {n: [] for n in names}
    fact_outlets: dict[str, set[str]] = {}
    for f in facts:
        fo = {art_outlet[k] for k in f.articles if k in art_outlet}
        fact_outlets[f.id] = fo
        for n in fo:
            reports[n].append(f.id)
    out: list[dict[str, Any]] = []
    for n in names:
        others = len(names) - 1
        left = [
            f.id
            for f in facts
            if n not in fact_outlets[f.id]
            and len(fact_outlets[f.id]) >= 2
            and len(fact_outlets[f.id]) > others / 2
        ]
        entry = outlets.get(n)
        out.append(
            {
                "name": n,
                "country": getattr(entry, "country", None) if entry else None,
                "type": getattr(entry, "type", None) if entry else None,
                "articles": [k for k, o in art_outlet.items() if o == n],
                "reports": reports[n],
                "only_here": [fid for fid in reports[n] if fact_outlets[fid] == {n}],
                "left_out": left,
            }
        )
    out.sort(key=lambda o: -len(o["articles"]))
    return out
