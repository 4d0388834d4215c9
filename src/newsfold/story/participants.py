"""Participants of events, for the event links of :mod:`newsfold.story.align`: the states, organisations and persons a
sentence names, normalised so that two reports of one event name the same participants ("Moscow", "the Kremlin" and
"the Russian side" are Russia), and their roles in an event (who sends, who receives).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfold import textnorm
from newsfold.story.recognise import fallback_mentions

# --- Participants of events (for the event links of newsfold.story.align) -----------------------------------
#
# A state is one participant under all its names: its name, its demonym, its capital and the seat of its
# government used as a metonym ("Moscow", "the Kremlin", "the Russian side" are Russia). The most reported
# states and alliances, in en, de, fr, es, it, pt, ru, ar; each value is a regex alternation matched without
# case on word boundaries (an Arabic proclitic و/ف/ب/ل may precede). Extend freely: an unlisted state is still
# a participant under its own entity name. Abbreviations are matched in capitals only (_STATE_ABBREV).
_STATES = {
    "russia": r"russia|russians?|russland|russisch\w*|russie|russes?|rusia|rus[oa]s?|rússia|russ[oaie]|"
    r"росси\w*|российск\w*|русск\w*|روسيا|روسي\w*|moscow|moskau|moscou|moscú|mosca|moscovo|москв\w*|"
    r"موسكو|kremlin|kreml|кремл\w*|الكرملين",
    "usa": r"united\s+states(?:\s+of\s+america)?|americans?|amerikan\w*|états-unis|etats-unis|américain\w*|"
    r"estados\s+unidos|estadounidense\w*|norteamerican\w*|american[oa]s?|stati\s+uniti|statunitens\w*|"
    r"vereinigten?\s+staaten|американ\w*|соединенн\w+\s+штат\w*|الولايات\s+المتحدة|أمريكي\w*|washington|"
    r"вашингтон\w*|واشنطن|white\s+house|maison\s+blanche|casa\s+blanca|casa\s+bianca|casa\s+branca|"
    r"weißen?\s+haus|бел\w+\s+дом\w*|البيت\s+الأبيض",
    "ukraine": r"ukrain\w*|ucrain\w*|украин\w*|أوكراني\w*|kyiv|kiev|kiew|kyjiw|киев\w*|києв\w*|كييف",
    "china": r"china|chinese|chinesisch\w*|chine|chinois\w*|chin[oa]s|cinese|cinesi|cina|chinês|chinesa|"
    r"китай\w*|الصين|صيني\w*|beijing|peking|pékin|pekín|pechino|pequim|пекин\w*|بكين",
    "britain": r"britain|british|großbritannien|britisch\w*|royaume-uni|britannique\w*|reino\s+unido|"
    r"británic\w*|regno\s+unito|britannic\w*|britânic\w*|великобритани\w*|британск\w*|بريطاني\w*|"
    r"london|londres|londra|лондон\w*|لندن",
    "france": r"france|french|frankreich|französisch\w*|français\w*|francia|francés|francesa|francese|"
    r"francesi|frança|francês|франци\w*|французск\w*|فرنس\w*|paris|parigi|париж\w*|باريس",
    "germany": r"germany|germans?|deutschland|deutsch\w*|allemagne|allemand\w*|alemania|alemán|alemana|"
    r"germania|tedesc\w*|alemanha|alemão|alemã|германи\w*|немецк\w*|ألماني\w*|berlin|berlino|берлин\w*|برلين",
    "italy": r"italy|italians?|italien\w*|italie|italia|italian[oa]s?|itália|итали\w*|итальянск\w*|"
    r"إيطالي\w*|rome|rom|roma|рим|روما",
    "iran": r"iran\w*|irán|иран\w*|إيران\w*|tehran|teheran|téhéran|teherán|тегеран\w*|طهران",
    "israel": r"israel\w*|israël\w*|израил\w*|إسرائيل\w*",
    "turkey": r"turkey|turkish|türkei|türkisch\w*|turquie|turc|turque|turquía|turchia|turquia|турци\w*|"
    r"турецк\w*|تركيا|ankara|анкар\w*|أنقرة",
    "eu": r"european\s+union|europäische\w*\s+union|union\s+européenne|unión\s+europea|unione\s+europea|"
    r"união\s+europeia|евросоюз\w*|европейск\w+\s+союз\w*|الاتحاد\s+الأوروبي",
    "nato": r"nato|otan|нато|الناتو|north\s+atlantic\s+treaty\s+organi[sz]ation|nordatlantikpakt\w*",
}
_STATE_ABBREV = {
    "usa": r"U\.\s?S\.(?:\s?A\.)?|USA?|EE\.\s?UU\.",
    "britain": r"U\.\s?K\.|UK",
    "eu": r"EU|UE|ЕС",
}
_STATE_NAMES = re.compile(
    "|".join(rf"(?<![\w-])(?:[وفبل](?=[\u0600-\u06ff]))?(?P<{k}>{v})(?![\w-])" for k, v in _STATES.items()),
    re.IGNORECASE,
)
_STATE_CAPS = re.compile("|".join(rf"(?<![\w.-])(?P<{k}>{v})(?![\w-])" for k, v in _STATE_ABBREV.items()))
# A ministry, minister, government or embassy of a state stands for the state as a participant ("the Russian
# Foreign Ministry delivered ..." = Russia delivered ...); the entity itself stays separate. en..ar.
_GOVERNMENT = re.compile(
    r"ministr\w*|minist[eéè]r\w*|министр\w*|министерств\w*|وزار\w*|وزير\w*|government|regierung|gouvernement|"
    r"gobierno|governo|правительств\w*|حكوم\w*|embassy|botschaft|ambassade|embajada|ambasciata|embaixada|"
    r"посольств\w*|سفار\w*|foreign\s+office|auswärtige\w*\s+amt",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Participant:
    """A state, organisation or person named in a sentence, normalised for comparing events.

    Attributes:
        key: ``state:<name>`` for a listed state (:data:`_STATES`), else ``name:<canonical entity name>``.
        start: offset of the mention in the sentence.
        end: offset just after it.
    """

    key: str
    start: int
    end: int


def state_of(name: str) -> str | None:
    """The state a ministry, minister, government or embassy name stands for ("Russian Foreign Ministry")."""
    if not _GOVERNMENT.search(name):
        return None
    hits = {m.lastgroup for p in (_STATE_NAMES, _STATE_CAPS) for m in p.finditer(name)}
    return hits.pop() if len(hits) == 1 else None


class ParticipantFinder:
    """Find the participants named in a story's sentences, each normalised.

    States are found under any of their names (:data:`_STATES`: "Moscow" = "Russia"); other names are the
    story's entity variants (surface -> canonical name, so "Lavrov" = "Sergey Lavrov"). Where an entity name
    holds a state name, the longer span wins ("Russia Today" is a channel), except that a ministry or
    government of a state stands for the state (:func:`state_of`). Without entity names, the capitalised
    names of :func:`fallback_mentions` are participants under their own folded spelling (a single word
    opening the sentence is not: it is as often a capitalised common word).

    Args:
        names: entity surface -> canonical name, from the story's merged entities.
    """

    def __init__(self, names: Mapping[str, str] | None = None) -> None:
        self._names = {s: n for s, n in (names or {}).items() if len(s) > 2}
        alts = "|".join(re.escape(s) for s in sorted(self._names, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])") if alts else None

    def find(self, text: str, lang: str | None = None) -> list[Participant]:
        """Non-overlapping participants of a sentence, in text order, leftmost-longest first."""
        hits: list[tuple[int, int, str]] = []
        for pattern in (_STATE_NAMES, _STATE_CAPS):
            hits += [(m.start(), m.end(), f"state:{m.lastgroup}") for m in pattern.finditer(text)]
        if not self._names:
            for surface, label, start in fallback_mentions(text, lang):
                if label != "OTHER" and (start > 0 or " " in surface):
                    state = state_of(surface)
                    key = f"state:{state}" if state else f"name:{textnorm.strip_accents(surface.casefold())}"
                    hits.append((start, start + len(surface), key))
        if self._pattern is not None:
            for m in self._pattern.finditer(text):
                state = state_of(m.group())
                hits.append(
                    (m.start(), m.end(), f"state:{state}" if state else f"name:{self._names[m.group()]}")
                )
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[Participant] = []
        for start, end, key in hits:
            if out and start < out[-1].end:
                continue
            out.append(Participant(key, start, end))
        return out


# The words before a name that give its role in an event, per language (en, de, fr, es, it, pt, ru, ar):
# (to, from, by, other, determiners). "to" marks the receiver ("sent to the US", "à l'ambassadeur");
# "from" the sender of something received ("received from Russia", "reçu de Moscou"); "by" the agent of a
# passive ("handed over by Russia"); "other" a place or circumstance ("in Europe", "for Ukraine"), which is
# never an agent. Up to two determiners or titles may stand between the word and the name. Grammar-table words only.
_PREPS: dict[str, tuple[str, str, str, str, str]] = {
    "en": (
        "to",
        "from",
        "by",
        "in at on near for with about against over into between within across toward towards after before "
        "during via under among",
        "the a an its his her their our both",
    ),
    "de": (
        "an",
        "von aus",
        "von durch",
        "in im bei mit für gegen über nach zu zum zur zwischen",
        "der die das dem den des ein eine einem einen einer seine seinem seinen ihre ihrem ihren",
    ),
    "fr": (
        "à au aux",
        "de du des d'",
        "par",
        "en dans avec pour contre sur chez vers entre",
        "le la les l' un une son sa ses leur leurs",
    ),
    "es": ("a al", "de del", "por", "en con para contra sobre entre hacia", "el la los las un una su sus"),
    "it": (
        "a ad al allo alla ai agli alle all'",
        "da dal dallo dalla dai dagli dalle dall' di",
        "da",
        "in nel nella nei negli con per contro su sul sulla tra fra verso",
        "il lo la i gli le l' un uno una suo sua",
    ),
    "pt": (
        "a à ao aos às para",
        "de do da dos das",
        "por pelo pela",
        "em no na nos nas com contra sobre entre",
        "o a os as um uma seu sua",
    ),
    "ru": ("адрес", "от", "", "в во на с со для против о об при у", ""),
    "ar": ("إلى الى", "من", "", "في مع على ضد عن لدى", ""),
}
_ROLE_WORDS: dict[str, tuple[frozenset[str], ...]] = {
    lang: tuple(textnorm.word_set(part) for part in parts) for lang, parts in _PREPS.items()
}
# "the ambassador to Russia", "Botschafter in Moskau": the name after an envoy title is a post, not a receiver.
_ENVOY = textnorm.word_set(
    "ambassador ambassadors envoy botschafter botschafterin gesandter ambassadeur ambassadrice embajador "
    "embajadora ambasciatore ambasciatrice embaixador embaixadora посол посла послом سفير"
)
# Titles between a role word and the name ("to President Poroshenko", "al presidente"), skipped like
# determiners; en, de, fr, es, it, pt, ru, ar.
_TITLES = textnorm.word_set(
    "president presidente président präsident президент رئيس minister ministro ministre ministerin министр "
    "وزير secretary segretario secrétaire secretario secretário chancellor cancelliere chancelier kanzler "
    "канцлер prime premier foreign"
)
# A comma, bracket or quote between an event word and a name: a new clause, where the name plays no role.
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”«»]")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’](?=[^\W\d_]))?")
# A receiver or sender must follow its event word within this many words ("delivered Moscow's response to
# the United States" has five between). Set by reading the seeds' event sentences; wider windows reach
# names that belong to another verb of the sentence.
ROLE_WINDOW = 7


def event_roles(
    text: str,
    lang: str | None,
    found: Sequence[Participant],
    event: tuple[int, int],
    *,
    converse: bool,
    complement: int = 0,
) -> tuple[str, str] | None:
    """Who does an event of a sentence to whom: ``(agent, receiver)`` keys of two different participants.

    The receiver is the first name after a "to" word that follows the event word closely (same clause, within
    :data:`ROLE_WINDOW` words); the agent is a name after a "by" word there, else the first name with no role
    word before it, in the reported clause (from ``complement``) before the receiver, else anywhere in the
    sentence (the speaker: "the ministry said it delivered ..."). A converse event ("received from") swaps
    the roles: its sender follows a "from" word, its receiver is the subject.

    Args:
        text: one sentence.
        lang: ISO 639-1 code (chooses the role words; other languages use English ones).
        found: its participants (:meth:`ParticipantFinder.find`).
        event: character span of the event word.
        converse: True for a receiving word ("received", "erhalten", "получил").
        complement: offset where the reported clause starts, after a leading "X said that".

    Returns:
        ``(agent, receiver)``, or None when either is missing or they are the same participant.
    """
    to_w, from_w, by_w, other_w, det_w = _ROLE_WORDS.get(lang or "en", _ROLE_WORDS["en"])
    toks = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text)]

    def role(p: Participant) -> str:
        before = [t for t in toks if t[1] <= p.start][-3:]
        for k in range(len(before) - 1, -1, -1):
            word = before[k][2]
            if _CLAUSE_BREAK.search(text, before[k][1], p.start):
                return "none"
            if word in to_w:
                return "other" if k and before[k - 1][2] in _ENVOY else "to"
            if (converse and word in from_w) or (not converse and word in by_w):
                return "from" if converse else "by"
            if word in other_w or word in from_w or word in by_w:
                return "other"
            if (word not in det_w and word not in _TITLES) or k < len(before) - 2:
                return "none"
        return "none"

    def near(p: Participant) -> bool:
        gap = sum(1 for t in toks if event[1] <= t[0] and t[1] <= p.start)
        return (
            p.start >= event[1] and gap <= ROLE_WINDOW and not _CLAUSE_BREAK.search(text, event[1], p.start)
        )

    roles = [(p, role(p)) for p in found]
    after = [(p, r) for p, r in roles if near(p)]
    subjects = [p for p, r in roles if r == "none"]
    if converse:
        sender = next((p for p, r in after if r == "from"), None)
        receiver = next((p for p in subjects if complement <= p.start < event[0]), None)
        receiver = receiver or next(iter(subjects), None)
    else:
        receiver = next((p for p, r in after if r == "to"), None)
        limit = receiver.start if receiver else len(text)
        sender = next((p for p, r in after if r == "by"), None)
        sender = sender or next((p for p in subjects if complement <= p.start < limit), None)
        sender = sender or next(iter(subjects), None)
    if sender is None or receiver is None or sender.key == receiver.key:
        return None
    return sender.key, receiver.key


# Receiving words, accents stripped (en, de, fr, es, it, pt, ru, ar): the converse of sending, for the event
# links of newsfold.story.align ("B received it from A" = "A sent it to B").
RECEIVE_WORDS = frozenset(
    textnorm.strip_accents(w)
    for w in textnorm.word_set(
        "receive receives received receiving erhalten erhielt erhielten erhält empfangen empfing bekommen bekam "
        "recevoir reçu reçue reçus reçoit recibir recibió recibido recibida recibieron ricevere ricevuto "
        "ricevuta ricevuti ricevette receber recebeu recebido recebida receberam получить получил получила "
        "получили получено تلقى تلقت استلم استلمت تسلم تسلمت"
    )
)
# A negation shortly before an event word ("did not send"), or a conditional opening its clause ("if the US
# rejected"), means the sentence does not state that the event happened. en, de, fr, es, it, pt, ru, ar.
_NEGATION = re.compile(
    r"(?<!\w)(?:not|never|no|nicht|nie|kein\w*|pas|jamais|nunca|non|mai|não|не|нет|никогда|لم|لن|لا|ليس)"
    r"(?!\w)|n['’]t(?!\w)",
    re.IGNORECASE,
)
_CONDITION = re.compile(r"(?<!\w)(?:if|unless|wenn|falls|si|se|caso|если|إذا|لو)(?!\w)", re.IGNORECASE)
# Characters before the event word searched for a negation (about four words).
NEGATION_REACH = 30


def asserted(text: str, at: int) -> bool:
    """Tell whether the event word at offset ``at`` is stated as happening: not negated, not conditional."""
    if _NEGATION.search(text, max(0, at - NEGATION_REACH), at):
        return False
    clause = max((c.end() for c in _CLAUSE_BREAK.finditer(text, 0, at)), default=0)
    return not _CONDITION.search(text, clause, at)
