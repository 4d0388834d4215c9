"""Event links: two sentences that state one fact in other words ("Russia will submit its response to Washington
today" and "The US received a written response from Russia on Thursday"), the second path of
:meth:`newsfold.story.align.Alignment.states` beside word overlap."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsfold import textnorm
from newsfold.story.align import _ATTRIBUTIONS, _FAMILIES, _SAY, ACCORDING, Alignment, _stem, _words
from newsfold.story.participants import RECEIVE_WORDS, ParticipantFinder, asserted, event_roles
from newsfold.temporal import find_dates, parse_published
from newsfold.temporal_clause import clause
from newsfold.temporal_rules import LANGS
from newsfold.temporal_rules import rules as rules_for

# --- Event links: one fact worded differently -------------------------------------------------------------
# Word overlap cannot tell that "Russia will submit its response to Washington's letter today" and "The US
# announced on Thursday that it had received a written response from Russia" state one fact. A second,
# stricter path links two sentences when (a) they have the same action (an event word group of _FAMILIES:
# send/deliver/submit, with receive as its converse; warn; publish; reject; force) about the same kind of thing
# (an object group: reply, proposal), (b) the same two participants in the same roles, who acts and on whom
# (newsfold.story.participants.event_roles; states under any name, "Moscow" = "Russia"), and (c) compatible dates
# (those the sentence states, resolved against its article's publish date, else the publish day). Negated,
# conditional and question sentences state no event. A false link cites an article for what it does not say,
# so every part must hold; a missed one only loses a citation.
EVENT_ACTIONS = frozenset({"~send", "~warn", "~publish", "~reject", "~force"})
EVENT_OBJECTS = frozenset({"~reply", "~propose"})
# The event path reads whole words, not stems: a stem that joins "pubblicare" and "pubblica" (public) or
# "proposta" and "proposito" is good enough for overlap, not for saying that an event happened. The forms are
# those of _FAMILIES plus the inflections below; receiving words (participants.RECEIVE_WORDS) are the converse
# of ~send ("B received from A" = "A sent to B"). en, de, fr, es, it, pt, ru, ar; accents stripped.
_MORE_FORMS = {
    "~send": "sending übermittelte übermittelten schickten geschickt übergaben envoyée envoyés remise transmise "
    "enviada enviaron entregada entregaron inviata inviati consegnata consegnati trasmesso trasmessa "
    "enviou enviada enviaram entregue entregaram передала передали отправила отправили направила направили",
    "~publish": "veröffentlichte veröffentlichten publiée publicada publicaron pubblicata publicaram "
    "опубликовала опубликовали",
}
_EVENT_FORMS = {
    textnorm.strip_accents(w): c
    for table in (_FAMILIES, _MORE_FORMS)
    for c, ws in table.items()
    if c in EVENT_ACTIONS | EVENT_OBJECTS
    for w in _words(ws)
}
_EVENT_WORD = re.compile(r"[^\W\d_][\w'’]*")


@dataclass(frozen=True, slots=True)
class Event:
    """What a sentence says happened: an action, its two participants, the things it is about, its dates."""

    action: str
    agent: str
    receiver: str
    objects: frozenset[str]
    dates: tuple[str, ...]
    planned: bool = False  # said as to come ("will send", "envoiera", "to send"), not as done


def _planned(text: str, lang: str | None, at: int, end: int) -> bool:
    """Whether the action word at ``text[at:end]`` is in a clause in the future tense (or a headline's "to send")."""
    rules = rules_for(lang if lang in LANGS else "en")
    own = clause(text, at, end, rules.future, rules.past)
    if rules.future.search(own) and not rules.past.search(text, at, end + 2):
        return True  # not the action verb itself in the past ("delivered ... ahead of talks next week")
    return lang == "en" and re.search(r"\bto\s*$", text[max(0, at - 4) : at]) is not None


def sentence_events(
    text: str,
    lang: str | None,
    published: str | None,
    finder: ParticipantFinder,
) -> list[Event]:
    """The events a sentence states (see the comment above :data:`EVENT_ACTIONS`).

    Args:
        text: one sentence.
        lang: ISO 639-1 code.
        published: its article's publish date (ISO), for resolving "on Thursday" and as the default date.
        finder: the story's participant finder.

    Returns:
        Its events; empty for a question, or when no action has both participants and a known date.
    """
    words = [(m, textnorm.strip_accents(m.group().lower())) for m in _EVENT_WORD.finditer(text)]
    objects = frozenset(c for _, w in words if (c := _EVENT_FORMS.get(w)) in EVENT_OBJECTS)
    if not objects or "?" in text or "؟" in text:
        return []
    found = finder.find(text, lang)
    if len(found) < 2:
        return []
    dates = tuple(d.value for d in find_dates(text, published=parse_published(published), lang=lang))
    dates = dates or ((published[:10],) if published and len(published) >= 10 else ())
    if not dates:
        return []
    lead = _ATTRIBUTIONS[0].match(text)
    complement = lead.end() if lead else 0
    out: list[Event] = []
    for m, word in words:
        converse = word in RECEIVE_WORDS
        action = "~send" if converse else _EVENT_FORMS.get(word)
        # A capitalised action word inside a sentence is part of a name ("NATO Response Force").
        if action not in EVENT_ACTIONS or (m.start() > 0 and m.group()[0].isupper()):
            continue
        if not asserted(text, m.start()):
            continue
        roles = event_roles(text, lang, found, m.span(), converse=converse, complement=complement)
        if roles is not None and action is not None:
            planned = _planned(text, lang, m.start(), m.end())
            out.append(Event(action, roles[0], roles[1], objects, dates, planned))
    return out


def _dates_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Some date of one is the other's or contains it ("2022-02" and "2022-02-17")."""
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def link_events(al: Alignment, names: Mapping[str, str] | None = None) -> int:
    """Link the units of a story that state the same event; sets ``al.events``.

    Args:
        al: the story's alignment.
        names: entity surface -> canonical name (see :func:`align`).

    Returns:
        The number of linked unit pairs.
    """
    finder = ParticipantFinder(names)
    by_key = {a.key: a for a in al.articles}
    frames: dict[tuple[str, str, str], list[tuple[int, Event]]] = {}
    heads: dict[int, str | None] = {}  # each unit's speaker stem (see _speaker_stem)
    for i, u in enumerate(al.units):
        if not u.stems & EVENT_OBJECTS:
            continue
        art = by_key[u.article]
        events = sentence_events(u.text, art.lang, art.published, finder)
        for ev in events:
            frames.setdefault((ev.action, ev.agent, ev.receiver), []).append((i, ev))
        if events:
            heads[i] = _speaker_stem(u.text, art.lang, events, finder)
    pairs = {
        (i, j)
        for members in frames.values()
        for (i, a), (j, b) in itertools.permutations(members, 2)
        if i != j
        # "The US received Russia's reply" states "Russia will send its reply today" (it happened), not the reverse
        and (a.planned or not b.planned)
        and a.objects & b.objects
        and _dates_agree(a.dates, b.dates)
        and _speaker_in(al, heads[i], j)
    }
    al.events = None
    if pairs:
        al.events = np.zeros((len(al.units), len(al.units)), dtype=bool)
        rows, cols = zip(*pairs, strict=True)
        al.events[rows, cols] = True
    al._stated = None
    return len({(min(p), max(p)) for p in pairs})


def speaker(text: str) -> str | None:
    """The speaker an attribution clause of a sentence names: "Russian Foreign Minister Sergei Lavrov" in "... Lavrov
    announced that ...", "..., Sergey Lavrov said on Thursday." or "..., according to Lavrov"; "A senior US official"
    in "A senior US official said ..."; None without one."""
    for pattern in _ATTRIBUTIONS:
        m = pattern.search(text)
        if m is None:
            continue
        span = m.group()
        said = re.search(rf"(?:^|\s)(?:{_SAY})\b", span)
        if pattern is _ATTRIBUTIONS[2] and said:  # ", said the minister."
            found = span[said.end() :]
        elif pattern is _ATTRIBUTIONS[3]:
            found = re.sub(rf"^,?\s*(?:{ACCORDING})\s+", "", span)
        else:
            found = span[: said.start()] if said else ""
        found = found.strip(" ,.;:")
        if re.search(r"\w\w", found):
            return found
    return None


def _speaker_stem(
    text: str, lang: str | None, events: Sequence[Event], finder: ParticipantFinder
) -> str | None:
    """The stem of the last word of the person or body a unit gives its words as, which a unit citing it by event must
    have too; None when it names none ("He said", "Officials said": who they are is not a claim of theirs another
    report could miss) or only a party to its events ("The United States said it had received ...", "The Russian
    Foreign Ministry said it had delivered ..."). A named person is a third party even when the sentence also names
    their state ("Russian Foreign Minister Sergei Lavrov announced that ...")."""
    who = speaker(text)
    if who is None:
        return None
    parties = {p for ev in events for p in (ev.agent, ev.receiver)}
    named = [p for p in finder.find(who, lang) if p.key not in parties and p.key.startswith("name:")]
    if not named:
        return None
    words = [w for w in re.findall(r"\w+", who[named[-1].start : named[-1].end]) if len(w) > 1]
    return _stem(words[-1].lower(), lang) if words else None


def _speaker_in(al: Alignment, head: str | None, j: int) -> bool:
    """Whether unit j may state by event what a unit with this speaker stem says: it names the speaker too.

    Two reports of one event do not state the same sentence when one gives it as a third party's words ("Lavrov
    announced that Russia will send its reply on Thursday") and the other does not name them ("The United States
    received Russia's reply on Thursday"): citing the second for the first would put the announcement in its mouth.
    """
    return head is None or head in al.units[j].stems
