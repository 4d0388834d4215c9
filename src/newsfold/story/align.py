"""Sentence alignment across a story's articles: the machinery every part of the fold cites through.

Each article is split into sentences (:func:`newsfold.sentences.split_sentences`); each sentence becomes a
:class:`Unit` with a set of content stems (stop words out, words cut to a prefix, so "guarantee" and
"guarantees" meet in any language). Two units are compared by *IDF-weighted overlap*, the IDF taken over the
story's articles, so that words every report uses ("Russia", "security") weigh little and the distinctive
ones decide. From the overlap matrix come:

- ``containment(i, j)``: the share of unit i's weighted content that unit j also has (directional: does j
  state what i says?);
- ``similarity(i, j)``: the weighted Dice coefficient (symmetric).

An article *states* a unit when one of its sentences, or two adjacent ones together, contains enough of it
(:func:`Alignment.states_in`) and states its claim, not only its words (:mod:`newsfold.story.claims`: the same
polarity and tense on what they share, the dates it names, no other name or count in place of one of its own).
This is the one test behind every citation of the fold, so nothing is cited to an article that does not say it.
It is model-free, multilingual and cheap: one dense matrix product, then the claim checks on the pairs it finds.

Beside word overlap, a second and stricter path links sentences that state the same *event* in other words
(:func:`newsfold.story.events.link_events`: the same action about the same thing, the same two participants in
the same roles, and compatible dates), so that "Russia delivered its response to Washington on Thursday" and "The US
received a written response from Russia on Thursday" cite each other's articles. An event said as to come ("Russia
will submit its response today") is stated by a report of it as done, not the reverse.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from newsfold import textnorm
from newsfold.models import Article
from newsfold.sentences import split_sentences

if TYPE_CHECKING:
    from newsfold.story.claims import Claims

# Words are cut to this many characters: a cheap, language-neutral stemmer (inflections mostly sit at the
# end). Swept 5-8 on the seeds and crisis-it: 6 joins "guarantee/guarantees", "proposta/proposte" without
# joining unrelated words; re-check with bench/fold_speed.py and evaluate/summary.py after a change.
# The most sentences of a story aligned: every pair of them is compared (a few matrices of this size squared), so an
# article of 13,000 sentences (a 1 MB text) took 1.4 GB and minutes. A story's 100 folded articles have some 3,000;
# past the budget the longest articles are read from their start up to an equal share (sentence_quota).
MAX_UNITS = 4000
STEM_PREFIX = 6
# An article states a unit when its best sentence (or adjacent pair) holds at least this share of the unit's
# IDF-weighted content and this share of its distinct stems. Swept 0.4-0.8 by reading the seed fold's
# citations: below 0.5 topic words alone cite unrelated sentences; above 0.65 paraphrases are missed.
STATE_WEIGHTED = 0.6
STATE_PLAIN = 0.6
# Two adjacent sentences together must hold more of it (their union is long, so chance overlap is larger).
STATE_PAIR = 0.75
# ... and shares at least this many stems with it (fewer for very short units, which need all of theirs).
STATE_MIN_SHARED = 3
# IDF is ln(N / df) plus this floor: a stem every article has still counts a little (a story's core words are
# part of its facts) but a stem in one article weighs ~6x more in a five-article story, so that sentences that
# share only the story's topic words ("Russia", "security", "proposals") do not state each other. Swept
# 0.3-1.0 with evaluate/summary.py (ROUGE rises as it falls) and by reading the seed fold's citations (1.0 let
# topic words alone cite articles); re-check both after a change.
IDF_FLOOR = 0.3
# A leading dateline ("MOSCOW, January 26. /TASS/.", "Moscow, (UNI/Sputnik):", "Afrasianet - ") is the
# outlet's, not the sentence's: cut before comparing and citing. Generic shapes: a capitalised place, an
# optional date, an agency in brackets or slashes, then punctuation; or a single capitalised word and a dash.
_DATELINE = re.compile(
    # "MOSCOW, Jan 26. /TASS/.", "Castejón (Navarra), 5 mar (EFE).-", "ISTANBUL, May 20 (Reuters) -", "Lyon (AFP) -"
    r"^(?:[A-ZÀ-Ý][\w'’ .-]{1,30}(?:\s\([^()]{2,30}\))?,\s*)?"
    r"(?:(?:[\w.]{2,10}\s+\d{1,2}|\d{1,2}\s+[\w.]{2,10})(?:,?\s+\d{4})?\.?\s*)?"
    r"(?:\([A-Z][\w/ .-]{1,30}\)|/[A-Z][\w .-]{1,30}/)\s*[.:]?[-–—:.]*\s*"
    # "Lyon (AFP) -", "Nova Delhi (Lusa) -": a place, its agency and a dash
    r"|^[A-ZÀ-Ý][\w'’.-]{1,30}(?:\s[A-ZÀ-Ý][\w'’.-]{1,30})?\s\([A-Z][\w/ .-]{1,20}\)\s*[-–—]\s+"
    # "ROMA, 10 GIU -" (ANSA writes no agency in it)
    r"|^[A-ZÀ-Ý]{3,}(?:\s[A-ZÀ-Ý]{2,})?,\s*\d{1,2}\s+[A-ZÀ-Ý]{3,4}\.?\s+[-–—]\s+"
    # "الرياض 12 مارس 2024 (واس) -"
    r"|^[\u0621-\u064a ]{2,30}\s\d{1,2}\s[\u0621-\u064a]+\s\d{4}\s*\([\u0621-\u064a ]{2,20}\)\s*[-–—]\s*"
    r"|^[A-ZÀ-Ý][\w.]{2,30}\s+[-–—]\s+(?=[A-ZÀ-Ý\"“«])"
    # the dash left at a sentence's start when the segmenter cut after "(EFE)." in "(EFE).- Al menos ..."
    r"|^\.?[-–—]\s+(?=[\w\"“«])"
)


def _words(text: str) -> list[str]:
    return text.split()


# Lemmas-lite: families of words that news reports use for the same event, folded to one concept stem so that
# a paraphrase ("delivered its response" / "handed over the answer") aligns; never a converse (receive). Only the
# verbs and nouns that carry a story's events, each family in en, de, fr, es, it, pt, ru, ar; a word joins a
# family by its STEM_PREFIX-character stem. Keep families narrow: a family that joins words of different
# meaning makes unrelated sentences look alike (read the seed fold's facts after a change).
_FAMILIES = {
    "~reply": "reply replies replied response responses respond responded answer answers answered "
    "antwort antworten antwortete réponse répondre répondu respuesta respuestas responder respondió "
    "risposta risposte rispondere rispose resposta respostas responder respondeu ответ ответил ответа رد",
    "~send": "send sends sent submit submits submitted deliver delivers delivered delivering handed "
    "forward forwarded transmit transmitted senden schickte übergeben "
    "übergab übermittelt envoyer envoyé remettre remis transmettre transmis "
    "enviar envió entregar entregó remitir inviare inviato consegnare consegnato "
    "trasmettere entregou отправить отправил передать передал "
    "направить направил أرسل سلم",
    "~warn": "warn warns warned warning threaten threatens threatened threat threats warnen warnte "
    "drohen drohte avertir averti menacer menacé advertir advirtió amenazar amenazó avvertire "
    "avvertito minacciare minacciato advertiu ameaçar ameaçou предупредил предупредить пригрозил "
    "угрожать حذر هدد",
    "~force": "force forced compel compelled oblige obliged zwingen gezwungen forcer forcé contraindre "
    "contraint obliger obligé obligar obligado forzar forzado costringere costretto obbligare "
    "obbligato forçar forçado obrigar obrigado вынудить вынуждена вынужден заставить أجبر",
    "~publish": "publish publishes published release released unveil unveiled disclose disclosed "
    "veröffentlichen veröffentlicht publier publié divulguer publicar publicó pubblicare pubblicato "
    "publicou опубликовать опубликовал обнародовать نشر",
    "~propose": "proposal proposals propose proposed suggestion suggestions initiative initiatives "
    "vorschlag vorschläge initiative proposition propositions propuesta propuestas proponer proposta "
    "proposte proporre propostas propor предложение предложения инициатива اقتراح مقترحات",
    "~expand": "expand expansion enlarge enlargement erweiterung erweitern ausdehnung élargissement "
    "élargir expansión ampliación espansione allargamento expansão ampliação расширение توسع",
    "~reject": "reject rejects rejected rejecting refuse refused dismissed ablehnen lehnte abgelehnt "
    "rejeter rejeté refuser refusé rechazar rechazó rechazado respingere respinto rifiutare rifiutato "
    "rejeitar rejeitou recusar recusou отклонить отклонил отвергнуть отверг رفض",
    "~envoy": "ambassador envoy botschafter gesandter ambassadeur envoyé embajador enviado ambasciatore "
    "inviato embaixador посол سفير",
    "~usa": "american americans amerikanisch américain americano americana americani американский أمريكي",
}
# Number words up to twelve (en, de, fr, es, it, pt, ru, ar) read as digits: "ten pages" meets "10 pages".
_NUMBER_WORDS = (
    ("2", "two zwei deux dos due dois два اثنان"),
    ("3", "three drei trois tres tre três три ثلاثة"),
    ("4", "four vier quatre cuatro quattro quatro четыре أربعة"),
    ("5", "five fünf cinq cinco cinque пять خمسة"),
    ("6", "six sechs seis sei шесть ستة"),
    ("7", "seven sieben sept siete sette sete семь سبعة"),
    ("8", "eight acht huit ocho otto oito восемь ثمانية"),
    ("9", "nine neun neuf nueve nove девять تسعة"),
    ("10", "ten zehn dix diez dieci dez десять عشرة"),
    ("11", "eleven elf onze once undici одиннадцать"),
    ("12", "twelve zwölf douze doce dodici двенадцать"),
)
# Country names written several ways (United States / U.S. / US; the most reported ones, in the eight
# languages), read as one word before stemming; abbreviations only in capitals ("US", never "us").
_COUNTRY_FORMS = (
    (
        re.compile(
            r"\bU\.\s?S\.(?:\s?A\.)?|\bUSA?\b|\bUnited\s+States(?:\s+of\s+America)?\b|États-Unis|"
            r"Estados\s+Unidos|Stati\s+Uniti|Vereinigten?\s+Staaten|США|الولايات\s+المتحدة"
        ),
        " usa ",
    ),
    (
        re.compile(
            r"\bU\.\s?K\.|\bUK\b|United\s+Kingdom|Great\s+Britain|Royaume-Uni|Reino\s+Unido|"
            r"Regno\s+Unito|Großbritannien|Великобритания"
        ),
        " britain ",
    ),
    (re.compile(r"\bE\.\s?U\.|\bEU\b|European\s+Union|Union\s+européenne|Unión\s+Europea"), " eu-union "),
)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")


# Derivational endings cut before the prefix, so that adjective, adverb and noun of one root meet
# ("technical"/"technological", "legal"/"legally"). Longest first; a cut must leave STEM_MIN letters. One
# tuple per language group (accents already stripped); unknown languages get none.
_SUFFIXES = {
    "en": ("ological", "ologic", "ology", "ically", "ical", "ally", "ly", "ic"),
    "fr": ("ologique", "ologie", "iquement", "ique", "ement"),
    "es": ("ologico", "ologica", "ologia", "icamente", "mente", "ico", "ica"),
    "it": ("ologico", "ologica", "ologia", "icamente", "mente", "ico", "ica"),
    "pt": ("ologico", "ologica", "ologia", "icamente", "mente", "ico", "ica"),
    "de": ("ologisch", "ologie", "isch", "lich"),
}
STEM_MIN = 4


def _stem(word: str, lang: str | None = None) -> str:
    w = textnorm.strip_accents(word)
    for suffix in _SUFFIXES.get(lang or "en", ()):
        if w.endswith(suffix) and len(w) - len(suffix) >= STEM_MIN:
            w = w[: -len(suffix)]
            break
    return w[:STEM_PREFIX]


def _prefix(word: str) -> str:
    return textnorm.strip_accents(word)[:STEM_PREFIX]


# Concepts are looked up by the plain prefix (no ending cut), so a family lists the forms it means.
_CONCEPT = {_prefix(w): c for c, ws in _FAMILIES.items() for w in _words(ws)}
# Number words are matched whole (and before stop words go: several lists hold "one", "ten", "due").
_NUMBERS = {w: d for d, ws in _NUMBER_WORDS for w in _words(ws)}
_LETTERS = re.compile(r"[^\W\d_]+")


def stems(text: str, lang: str | None = None) -> frozenset[str]:
    """Content stems of a text: stop words out, words cut to :data:`STEM_PREFIX` characters, lemmas-lite.

    Hyphenated compounds count as their parts too ("military-technical"); the words of one event family
    (:data:`_FAMILIES`: reply/response/answer, send/deliver/submit...) share one concept stem; number words
    up to twelve read as digits and numbers count ("4,5" = "4.5"); a country's several names read as one.

    Args:
        text: any text.
        lang: ISO 639-1 code choosing the stop word list; None uses all lists.

    Returns:
        The distinct stems.
    """
    for pattern, repl in _COUNTRY_FORMS:
        text = pattern.sub(repl, text)
    out: set[str] = {n.replace(",", ".") for n in _NUMBER.findall(text)}
    out.update(_NUMBERS[w] for w in _LETTERS.findall(text.lower()) if w in _NUMBERS)
    for w in textnorm.tokens(text, lang):
        parts = w.split("-") if "-" in w else [w]
        for part in parts:
            if len(part) > 1:
                concept = _CONCEPT.get(_prefix(part))
                out.add(concept or _stem(part, lang))
    return frozenset(out)


# Who said it is not what was said: the words of an attribution ("A senior government official said ...",
# "..., the foreign minister told reporters on Thursday.", "according to the ministry") weigh this share of
# their IDF when deciding whether another sentence states this one (the plain stem share still counts them
# whole). Set by reading the seed fold's near misses: at 1.0 one outlet's "a senior official said" blocks the
# same fact in another outlet; at 0.0 a quote's speaker would not count at all.
ATTRIBUTION_WEIGHT = 0.3
# Speech verbs and "according to" (en, de, fr, es, it, pt, ru, ar) that mark an attribution clause.
_SAY = (
    r"said|says|told|tells|announced|stated|added|noted|stressed|reported|confirmed|sagte|sagt|erklärte|"
    r"a déclaré|a dit|a annoncé|dijo|afirmó|anunció|ha detto|ha dichiarato|ha annunciato|disse|afirmou|"
    r"anunciou|заявил|заявила|сказал|сказала|сообщил|قال|أعلن"
)
ACCORDING = r"according\s+to|laut|selon|según|secondo|segundo|по\s+словам|وفقا\s+ل"
_ATTRIBUTIONS = (
    re.compile(rf"^[^,;:\"“”«»]{{3,80}}?\s(?:{_SAY})\b(?:\s+(?:that|dass|que|che|что|أن)\b)?"),
    re.compile(rf",\s*[^,;:\"“”«»]{{3,80}}?\s(?:{_SAY})\b[^,;:\"“”«»]{{0,40}}[.!?]?\s*$"),
    re.compile(rf",\s*(?:{_SAY})\s+[^,;:\"“”«»]{{3,80}}[.!?]?\s*$"),
    re.compile(rf"(?:^|,\s*)(?:{ACCORDING})\s+[^,.;:]{{3,60}}"),
)


def attribution_stems(text: str, lang: str | None = None) -> frozenset[str]:
    """Stems that a sentence has only in its attribution clauses (speaker, speech verb, "according to").

    Args:
        text: one sentence.
        lang: ISO 639-1 code.

    Returns:
        The stems found in attribution clauses and nowhere else in the sentence.
    """
    spans = [m.group() for p in _ATTRIBUTIONS for m in p.finditer(text)]
    if not spans:
        return frozenset()
    rest = text
    for span in spans:
        rest = rest.replace(span, " ")
    return stems(" ".join(spans), lang) - stems(rest, lang)


def strip_dateline(text: str) -> str:
    """Drop a leading dateline ("MOSCOW, Jan 26. /TASS/.") from a sentence, if it has one."""
    m = _DATELINE.match(text)
    if m and len(text) - m.end() > 20:
        return text[m.end() :]
    return text


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of one article, ready to compare.

    Attributes:
        article: the article's key.
        origin: the key of the original (itself unless the article is a copy).
        index: the sentence's number in the article.
        para: the paragraph's number in the article.
        position: where the sentence sits in the article, 0.0 (first) to 1.0 (last).
        text: the sentence, dateline cut.
        raw: the sentence exactly as in the article text.
        start: character offset of ``raw`` in the article text.
        stems: its content stems.
        attribution: those of its stems found only in an attribution clause (they weigh less).
    """

    article: str
    origin: str
    index: int
    para: int
    position: float
    text: str
    raw: str
    start: int
    stems: frozenset[str]
    attribution: frozenset[str] = frozenset()


def sentence_quota(lengths: Sequence[int], budget: int) -> list[int]:
    """How many of each article's sentences are aligned: all of them within ``budget``; past it, each article
    keeps at most an equal share, shorter articles whole and what they leave spread over the longer ones.

    Args:
        lengths: each article's number of sentences.
        budget: the most sentences in all.

    Returns:
        The number kept of each article, in order.
    """
    if sum(lengths) <= budget:
        return list(lengths)
    left, cap = budget, 0
    order = sorted(lengths)
    for n, length in enumerate(order):
        share = left // (len(order) - n)
        if length > share:
            cap = share
            break
        left -= length
    else:
        cap = max(order)
    return [min(length, cap) for length in lengths]


@dataclass(slots=True)
class Alignment:
    """The units of a story and their pairwise weighted overlap.

    Attributes:
        articles: the story's articles, in input order.
        units: every sentence of every article.
        overlap: ``overlap[i, j]`` is the IDF weight of the stems units i and j share.
        weight: ``weight[i]`` is the IDF weight of unit i's stems.
        shared: ``shared[i, j]`` is the number of stems they share.
        by_article: unit indices of each article, in reading order.
        idf: the IDF of each stem over the story's originals.
        binary: ``binary[i, c]`` is 1.0 when unit i has the c-th stem found in two or more articles.
        weighted: ``binary`` times each stem's IDF, attribution stems of the unit scaled down.
        events: ``events[i, j]`` is True when unit j states unit i as the same event
            (:func:`~newsfold.story.events.link_events`), a second path to "j states i" beside word overlap; None
            when no pair is linked.
        df: in how many original articles each stem occurs.
        vocab: the column of each stem in ``binary`` (stems found in two or more articles).
        claims: the checks a citation by word overlap must pass besides the overlap
            (:class:`~newsfold.story.claims.Claims`: polarity, tense, dates, distinctive names); None: none.
        sentences: the sentences the articles have, units or not (more than ``len(units)`` when
            :data:`MAX_UNITS` cut the longest articles short).
    """

    articles: tuple[Article, ...]
    units: list[Unit]
    overlap: np.ndarray
    weight: np.ndarray
    shared: np.ndarray
    by_article: dict[str, list[int]]
    idf: dict[str, float] = field(default_factory=dict)
    binary: np.ndarray | None = None
    weighted: np.ndarray | None = None
    events: np.ndarray | None = None
    df: dict[str, int] = field(default_factory=dict)
    vocab: dict[str, int] = field(default_factory=dict)
    claims: Claims | None = None
    sentences: int = 0
    _agreed: np.ndarray | None = None
    _stated: np.ndarray | None = None

    def states_matrix(self) -> np.ndarray:
        """``m[i, j]`` is True when unit j states unit i (vectorised :meth:`states`)."""
        if self._agreed is None:
            n_stems = np.array([len(u.stems) for u in self.units], dtype=np.float32)
            need = np.minimum(STATE_MIN_SHARED, n_stems)
            ok = (self.shared >= need[:, None]) & (self.shared >= STATE_PLAIN * n_stems[:, None])
            ok &= self.overlap >= STATE_WEIGHTED * self.weight[:, None]
            ok &= n_stems[:, None] > 0
            if self.claims is not None:  # enough words shared; now the claim (newsfold.story.claims)
                rows, cols = np.nonzero(ok)
                ask = (rows != cols) & self.claims.may_differ(rows, cols)
                for i, j in zip(rows[ask].tolist(), cols[ask].tolist(), strict=True):
                    if not self.claims.agrees(i, (j,)):
                        ok[i, j] = False
            self._agreed = np.asarray(ok)
        if self.events is not None:
            return np.asarray(self._agreed | self.events)
        return self._agreed

    def stated_by(self) -> np.ndarray:
        """``m[i, k]`` is True when article k (in ``articles`` order) states unit i; computed once."""
        if self._stated is None:
            direct = self.states_matrix()
            out = np.zeros((len(self.units), len(self.articles)), dtype=bool)
            for k, art in enumerate(self.articles):
                idx = self.by_article.get(art.key, [])
                if not idx:
                    continue
                out[:, k] = direct[:, idx].any(axis=1)
                # Adjacent pairs only where one sentence already holds a good part of the unit.
                best = self.overlap[:, idx].max(axis=1)
                maybe = np.nonzero(~out[:, k] & (best >= 0.5 * STATE_WEIGHTED * self.weight))[0]
                if maybe.size and len(idx) > 1:
                    out[maybe, k] = self._pairs_state(maybe, idx)
                out[idx, k] = True
            self._stated = out
        return self._stated

    def _pairs_state(self, rows: np.ndarray, idx: list[int]) -> np.ndarray:
        """For each unit of ``rows``: does some adjacent pair of the article's sentences ``idx`` state it?

        Each sentence of the pair must carry part of the unit, and the pair must hold a larger share of it than one
        sentence must (:data:`STATE_PAIR`; their union is long, so chance overlap is larger); one matrix product per
        article, then the claim checks (:meth:`~newsfold.story.claims.Claims.agrees`) on the pairs that pass.
        """
        if self.binary is None or self.weighted is None:
            raise ValueError("an Alignment built without its stem matrices has no pair test")
        a, b = np.array(idx[:-1]), np.array(idx[1:])
        union = np.maximum(self.binary[a], self.binary[b])
        gain = self.weighted[rows] @ union.T
        count = self.binary[rows] @ union.T
        n_stems = np.array([len(self.units[int(m)].stems) for m in rows], dtype=np.float32)[:, None]
        w = self.weight[rows][:, None]
        ok = (self.shared[rows][:, a] > 0) & (self.shared[rows][:, b] > 0)
        ok &= gain >= STATE_PAIR * w
        ok &= (count >= np.minimum(STATE_MIN_SHARED, n_stems)) & (count >= STATE_PLAIN * n_stems)
        ok &= (gain >= STATE_WEIGHTED * w) & (n_stems > 0)
        out = ok.any(axis=1)
        if self.claims is not None:
            for r in np.nonzero(out)[0].tolist():
                i = int(rows[r])
                pairs = np.nonzero(ok[r])[0]
                firsts, seconds = a[pairs], b[pairs]
                ask = self.claims.may_differ(np.full(len(pairs), i), firsts, seconds)
                out[r] = not ask.all() or any(
                    self.claims.agrees(i, (int(x), int(y)))
                    for x, y in zip(firsts[ask].tolist(), seconds[ask].tolist(), strict=True)
                )
        return np.asarray(out)

    def containment(self, i: int, j: int) -> float:
        """Share of unit i's weighted content found in unit j (0.0-1.0)."""
        w = float(self.weight[i])
        return float(self.overlap[i, j]) / w if w > 0 else 0.0

    def similarity(self, i: int, j: int) -> float:
        """Weighted Dice coefficient of units i and j (symmetric, 0.0-1.0)."""
        total = float(self.weight[i] + self.weight[j])
        return 2.0 * float(self.overlap[i, j]) / total if total > 0 else 0.0

    def states(self, i: int, j: int) -> bool:
        """Tell whether unit j, on its own, states what unit i says (by word overlap or as the same event)."""
        if self.events is not None and self.events[i, j]:
            return True
        if self._agreed is None:
            self.states_matrix()
        return bool(self._agreed is not None and self._agreed[i, j])

    def states_in(self, i: int, key: str) -> bool:
        """Tell whether article ``key`` states what unit i says (one sentence or two adjacent ones)."""
        for k, art in enumerate(self.articles):
            if art.key == key:
                return bool(self.stated_by()[i, k])
        return False

    def citing(self, i: int, keys: Sequence[str] | None = None) -> list[str]:
        """Every article (of ``keys``, default all) that states unit i, in story order."""
        row = self.stated_by()[i]
        pool = set(keys) if keys is not None else None
        return [a.key for k, a in enumerate(self.articles) if row[k] and (pool is None or a.key in pool)]


def align(
    articles: Sequence[Article],
    copy_of: Mapping[str, str] | None = None,
    *,
    names: Mapping[str, str] | None = None,
    types: Mapping[str, str] | None = None,
    max_units: int | None = None,
) -> Alignment:
    """Split a story's articles into sentences, compute their pairwise weighted overlap and link their events.

    Args:
        articles: the story's articles, originals and copies.
        copy_of: copy key -> original key; copies are aligned like any article but IDF counts originals.
        names: entity surface -> canonical name (the story's merged entities), so that the event links
            (:func:`~newsfold.story.events.link_events`) know "Lavrov" and "Sergey Lavrov" are one participant;
            states are known without it.
        types: canonical entity name -> its type (PERSON, ORG, GPE...), so that the claim checks
            (:class:`~newsfold.story.claims.Claims`) tell one participant detail put in place of another of its kind.
        max_units: the most sentences aligned (default :data:`MAX_UNITS`; :func:`sentence_quota` says how many of
            each article's).

    Returns:
        The :class:`Alignment` of the story.
    """
    copies = dict(copy_of or {})
    keys = {a.key for a in articles}
    units: list[Unit] = []
    by_article: dict[str, list[int]] = {}
    split = [split_sentences(art.text, art.lang) for art in articles]
    quota = sentence_quota([len(sents) for sents in split], MAX_UNITS if max_units is None else max_units)
    for art, sents, room in zip(articles, split, quota, strict=True):
        origin = copies.get(art.key, art.key)
        if origin not in keys:
            origin = art.key
        idx: list[int] = []
        for sent in sents[:room]:
            text = strip_dateline(sent.text)
            st = stems(text, art.lang)
            idx.append(len(units))
            pos = sent.index / max(1, len(sents) - 1)
            attrib = attribution_stems(text, art.lang)
            units.append(
                Unit(art.key, origin, sent.index, sent.para, pos, text, sent.text, sent.start, st, attrib)
            )
        by_article[art.key] = idx
    # IDF over originals only: a wire copy must not make its words look common.
    df: dict[str, int] = {}
    originals = {u.origin for u in units}
    for key in originals:
        seen: set[str] = set()
        for i in by_article.get(key, []):
            seen |= units[i].stems
        for s in seen:
            df[s] = df.get(s, 0) + 1
    n_docs = max(1, len(originals))
    idf = {s: IDF_FLOOR + math.log(n_docs / d) for s, d in df.items()}
    for u in units:  # stems only a copy has (rare): weigh them as unique
        for s in u.stems:
            idf.setdefault(s, IDF_FLOOR + math.log(n_docs))
    # Only stems found in two or more articles can make two articles' units overlap; the others count in
    # each unit's own weight but need no column (this keeps the matrix small for 50-article stories).
    in_articles: dict[str, set[str]] = {}
    for u in units:
        for s in u.stems:
            in_articles.setdefault(s, set()).add(u.article)
    cols = sorted(s for s, arts in in_articles.items() if len(arts) > 1)
    vocab = {s: k for k, s in enumerate(cols)}
    n = len(units)
    binary = np.zeros((n, len(vocab)), dtype=np.float32)
    for r, u in enumerate(units):
        for s in u.stems:
            k = vocab.get(s)
            if k is not None:
                binary[r, k] = 1.0
    idf_vec = np.array([idf[s] for s in cols], dtype=np.float32)
    # Row i weighs unit i's own stems (its attribution less): overlap[i, j] is how much of i's content j has.
    weighted = binary * idf_vec
    for r, u in enumerate(units):
        for stem in u.attribution:
            k = vocab.get(stem)
            if k is not None:
                weighted[r, k] *= ATTRIBUTION_WEIGHT
    overlap = weighted @ binary.T
    shared = binary @ binary.T
    weight = np.array(
        [sum(idf[s] * (ATTRIBUTION_WEIGHT if s in u.attribution else 1.0) for s in u.stems) for u in units],
        dtype=np.float32,
    )
    al = Alignment(
        tuple(articles),
        units,
        overlap,
        weight,
        shared.astype(np.int32),
        by_article,
        idf,
        binary,
        weighted,
        df=df,
        vocab=vocab,
        sentences=sum(map(len, split)),
    )
    # events.py and claims.py build on this module's stems and attributions
    from newsfold.story.claims import Claims
    from newsfold.story.events import link_events

    al.claims = Claims(al, names, types)
    link_events(al, names)
    return al
