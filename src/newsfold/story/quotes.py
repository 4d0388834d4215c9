"""Quotes of a story with their speakers: direct quotes, reported speech, one entry per statement.

Direct quotes are spans between quotation marks (“…”, «…», „…“, "…"), across paragraph breaks too. Reported speech
(`X added that …`) is kept as a paraphrase (``exact: false``). Who speaks is read from the words around the marks,
or from the clause before the speech verb, by :mod:`newsfold.story.speakers`; a quote with no speaker is left out.

The same statement in several articles is one quote citing them all. It is ``exact: true`` only when its text
appears word for word (quote marks and spacing aside) in every article it cites; otherwise ``exact: false``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsfold import textnorm
from newsfold.models import Article
from newsfold.story.align import stems
from newsfold.story.entities import Entity, EntityIndex, Mention
from newsfold.story.speakers import THAT, VERBS, Resolver

# A sentence end (after a closing quote mark, if any) before a quote or a capital that opens the next sentence.
_NEXT_SENTENCE = re.compile(r"[.!?](?=[\"”»’']?\s+[\"“«„A-ZÀ-Þ])")
REPORTED_MIN_CHARS = 12  # a reported clause is at least this long before a sentence end can close it ("U.S.")
# Quotes shorter than this many words are scare quotes or titles ("kicked", "Russia Today"), not statements; a
# quote is only ever kept with its speaker named, and short statements are common ("It was a mess," Reid said; a
# headline's "Ora controlli più forti" — Maroni). 6 -> 4 added 117 quotes to the 886 of crisis-it and ECB+, about 100
# of them statements read right.
MIN_QUOTE_WORDS = 4
# A "speaker" that is a grammar word or an indefinite pronoun names no one ("Gli", "Qualcuno").
_NO_ONE = textnorm.word_set(
    "someone somebody anyone nobody qualcuno nessuno jemand niemand quelqu'un personne alguien nadie alguém "
    "ninguém кто-то никто"
)
# Two quotes of one speaker are one statement when this share of the shorter one's stems is in the other
# (paraphrase, translation); without a shared speaker the bar is higher. Set by reading the seeds' quotes.
SAME_SPEAKER_OVERLAP = 0.6
ANY_SPEAKER_OVERLAP = 0.75
# ... and hold at least this share of the longer one's stems (set by reading the seeds' merged quotes: a
# one-line reply must not join a ten-line statement that shares the story's topic words).
MIN_LONGER_SHARE = 0.5
SAME_SPEAKER_LONGER = 0.4
_OPEN_CLOSE = re.compile(
    r"“(?P<a>(?:[^“”]|\n\s*“){1,2000}?)”"
    r"|«(?P<b>[^«»]{1,2000}?)»"
    r"|„(?P<c>[^„“”]{1,2000}?)[“”]"
    # A straight quote opens after a space or bracket and closes after a non-space, so one mark missing
    # from the text (it happens) does not turn every later quote inside out.
    # A straight opening mark that a curly one closes (editing tools mix them): tried before two straight marks.
    r'|(?<![^\s(\[])"(?![ \t])(?P<e>[^"“”]{1,2000}?)(?<=\S)”'
    r'|(?<![^\s(\[])"(?![ \t])(?P<d>[^"]{1,2000}?)(?<=\S)"(?!\w)',
)
# Reported speech: found by its anchor (`said that`); the speaker is the clause before it, the statement the
# rest of the sentence. Anchored search keeps it linear in the text's length.
_REPORTED = re.compile(
    rf"[ \t](?:{VERBS})[ \t]+(?:[^.,;:\n\"“”«»]{{0,25}}?[ \t]+)?{THAT}[ \t]+", re.IGNORECASE
)
_CLAUSE_START = re.compile(r"[.,;:!?\n\"“”«»][^.,;:!?\n\"“”«»]*$")
_CLAUSE_END = re.compile(r"^[^\"“”«»\n]{20,400}?[.!?](?=\s|$)")
_QUOTE_MARKS = re.compile(r"[\"“”«»„‘’'`]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement with its speaker and the articles that carry it.

    Attributes:
        speaker: the speaker (an entity's name where it is one), None when unknown.
        text: the words quoted (or the reported clause).
        exact: True when ``text`` is word for word in every cited article.
        articles: the keys of the articles that carry it.
    """

    speaker: str | None
    text: str
    exact: bool
    articles: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The contract's quote object."""
        return {
            "speaker": self.speaker,
            "text": self.text,
            "exact": self.exact,
            "articles": list(self.articles),
        }


@dataclass(frozen=True, slots=True)
class _Found:
    speaker: str | None
    text: str
    direct: bool
    article: str
    start: int


def verbatim_key(text: str) -> str:
    """Text with quote marks and spacing removed, for word-for-word comparison."""
    return " ".join(_QUOTE_MARKS.sub("", text).split())


def _clean(inner: str) -> str:
    s = " ".join(inner.replace("“", " ").split())
    return s.strip(" ,;:–—-")


def _someone(speaker: str | None, lang: str | None) -> str | None:
    """The speaker, or None when the name is a grammar word or an indefinite pronoun."""
    if speaker is None:
        return None
    low = speaker.casefold()
    stop = textnorm.stopwords(lang) if lang in textnorm.STOPWORD_LANGS else textnorm.all_stopwords()
    return None if low in stop or low in _NO_ONE else speaker


def _article_quotes(art: Article, index: EntityIndex, mentions: Sequence[Mention]) -> list[_Found]:
    text = art.text
    resolver = Resolver(index, mentions, text)
    events: list[tuple[int, str, Any]] = []
    for m in _OPEN_CLOSE.finditer(text):
        events.append((m.start(), "direct", m))
    masked = _OPEN_CLOSE.sub(lambda m: " " * len(m.group()), text)
    for m in _REPORTED.finditer(masked):
        head = masked[max(0, m.start() - 80) : m.start()]
        cut = _CLAUSE_START.search(head)
        subject = head[cut.start() + 1 :] if cut else head
        tail = _CLAUSE_END.match(masked[m.end() : m.end() + 401])
        if tail and subject.strip():
            # the clause as written: words in quote marks inside it ("left "tens of thousands" of homes") are
            # the source's own, masked only to find where the clause ends
            said = text[m.end() : m.end() + tail.end()]
            # the masked quote hid a sentence end right after it ('the deal was "dead". "We will …'): cut there
            stop = _NEXT_SENTENCE.search(said, REPORTED_MIN_CHARS)
            if stop is not None:
                said = said[: stop.start() + 1]
            events.append((m.start() - len(subject), "reported", (subject, said)))
    events.sort(key=lambda e: e[0])
    out: list[_Found] = []
    for start, kind, m in events:
        if kind == "reported":
            speaker = _someone(resolver.resolve(m[0], start), art.lang)
            clause = _clean(m[1])
            if speaker and len(clause.split()) >= MIN_QUOTE_WORDS:
                out.append(_Found(speaker, clause, False, art.key, start))
            continue
        raw = next(g for g in m.groups() if g is not None)
        inner = _clean(raw)
        speaker = _someone(resolver.attribute(m.start(), m.end(), raw, art.lang), art.lang)
        if len(inner.split()) < MIN_QUOTE_WORDS or speaker is None:
            continue
        out.append(_Found(speaker, inner, True, art.key, start))
    return out


def find_quotes(
    articles: Sequence[Article], entities: Sequence[Entity], mentions: Sequence[Mention] = ()
) -> list[Quote]:
    """Find a story's quotes, attribute them and merge the same statement across articles.

    Args:
        articles: the story's articles.
        entities: the story's merged entities (speakers are named after them).
        mentions: the entity mentions with offsets (for resolving roles to the entity named nearby).

    Returns:
        Quotes, the most widely carried first.
    """
    index = EntityIndex(entities)
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article, []).append(m)
    found: list[_Found] = []
    for art in articles:
        found.extend(_article_quotes(art, index, by_article.get(art.key, [])))
    return _merge(found, articles)


def _merge(found: list[_Found], articles: Sequence[Article]) -> list[Quote]:
    flat = {a.key: verbatim_key(a.text) for a in articles}
    order = {a.key: n for n, a in enumerate(articles)}
    groups: list[list[_Found]] = []
    group_stems: list[frozenset[str]] = []
    for f in found:
        st = stems(f.text)
        placed = False
        for g, gs in zip(groups, group_stems, strict=True):
            same = any(f.speaker == o.speaker for o in g)
            small, large = min(len(st), len(gs)) or 1, max(len(st), len(gs)) or 1
            share = len(st & gs) / small
            # The longer one must be mostly the shorter one too: a short statement on the story's topic
            # is not a passage of a long quote that happens to hold its few words.
            if (
                share >= (SAME_SPEAKER_OVERLAP if same else ANY_SPEAKER_OVERLAP)
                and len(st & gs) >= 3
                and len(st & gs) / large >= (SAME_SPEAKER_LONGER if same else MIN_LONGER_SHARE)
            ):
                g.append(f)
                placed = True
                break
        if not placed:
            groups.append([f])
            group_stems.append(st)
    out: list[tuple[int, int, Quote]] = []
    for g in groups:
        keys = sorted({f.article for f in g}, key=lambda k: order.get(k, 0))
        speaker = max((f.speaker for f in g if f.speaker), key=[f.speaker for f in g].count, default=None)
        # Exact when one direct version is word for word in every article of the group.
        exact_text = None
        for f in sorted((f for f in g if f.direct), key=lambda f: -len(f.text)):
            vk = verbatim_key(f.text)
            if all(vk in flat[k] for k in keys):
                exact_text = f.text
                break
        if exact_text is None:
            direct = [f for f in g if f.direct] or g
            text = max(direct, key=lambda f: len(f.text)).text
            quote = Quote(speaker, text, False, tuple(keys))
        else:
            quote = Quote(speaker, exact_text, True, tuple(keys))
        first = min(order.get(f.article, 0) * 10**6 + f.start for f in g)
        out.append((-len(keys), first, quote))
    out.sort(key=lambda t: (t[0], t[1]))
    return [q for _, _, q in out]
