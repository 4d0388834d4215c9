"""The model-free name recogniser: capitalised spans typed by a small multilingual gazetteer and context.

Used by :mod:`newsfold.story.entities` where no NER model is installed (or for languages it does not cover),
and for the part of a large story's articles that the model does not read. Countries and demonyms are GPE and
NORP; a span with an organisation word, or an acronym, is ORG; a span after a role word ("Foreign Minister")
or before a speech verb is a PERSON; anything else is OTHER.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from newsfold import textnorm
from newsfold.story import recognise_ar
from newsfold.story.gazetteer import is_given_name, place_names

# Countries and demonyms (GPE / NORP) that the model-free recogniser types without a model: the most reported
# states in English, plus their names in de/fr/es/it/pt/ru where they differ. Extend freely; it is a type hint,
# not a filter (unlisted names are still found as capitalised spans).
GPE_WORDS = textnorm.word_set(
    "russia ukraine china india japan germany france italy spain portugal brazil mexico canada "
    "britain england scotland ireland poland turkey iran iraq syria israel egypt libya yemen lebanon "
    "jordan saudi arabia qatar afghanistan pakistan belarus georgia moldova kazakhstan armenia "
    "azerbaijan greece sweden finland norway denmark netherlands belgium austria switzerland hungary "
    "romania bulgaria serbia croatia europe africa asia america washington moscow kyiv kiev beijing "
    "london paris berlin rome madrid brussels geneva tehran baghdad damascus cairo tripoli sanaa "
    "jerusalem ankara warsaw us usa uk eu un russland deutschland frankreich italien spanien ägypten "
    "syrien russie allemagne italie espagne égypte syrie rusia alemania francia italia españa egipto "
    "siria rússia alemanha frança itália espanha egito síria россия украина китай германия франция "
    "италия сша москва киев"
) | frozenset({"united states", "united kingdom", "european union", "united nations", "saudi arabia"})
NORP_WORDS = textnorm.word_set(
    "russian ukrainian chinese indian japanese german french italian spanish portuguese brazilian "
    "mexican canadian british english irish polish turkish iranian iraqi syrian israeli egyptian "
    "libyan yemeni lebanese saudi afghan pakistani belarusian georgian greek swedish finnish "
    "european african asian american western eastern soviet arab muslim christian jewish kurdish "
    "palestinian russisch russe ruso russo российский"
)
# Words that make a capitalised span an organisation, in en/de/fr/es/it/pt/ru.
_ORG_WORDS = textnorm.word_set(
    "ministry ministerium ministère ministerio ministero ministério министерство department agency "
    "council organization organisation organización organizzazione organização union party bank army "
    "court parliament assembly committee commission office service forces company corporation group "
    "news university institute association alliance duma kremlin senate congress government "
    "gouvernement regierung gobierno governo правительство"
)
# Role words and titles: the capitalised words after them are a person's name ("Foreign Minister Sergey
# Lavrov", "US Secretary of State Antony Blinken"); they are never part of it. en/de/fr/es/it/pt/ru.
ROLE = re.compile(
    r"\b(?:(?:Foreign|Defen[cs]e|Prime|Interior|Finance|Deputy|Vice|Under|First)\s+)?"
    r"(?:Minister|Secretary(?:\s+of\s+State)?|President|Ambassador|Spokes(?:man|woman|person)|Chancellor|"
    r"Premier|Senator|Rep|Mr|Mrs|Ms|Dr|Gen|General|King|Queen|Pope|Leader|Counterpart|"
    r"Minister(?:in|präsident)|Außenminister|Kanzler(?:in)?|Ministre|Président|Ministro|Presidente|"
    r"(?:Staats|Bundes|Vize)?[Pp]räsident(?:in|en)?|Bundeskanzler(?:in)?|Generalsekretär(?:in)?|Sprecher(?:in)?|"
    r"Bürgermeister(?:in)?|Botschafter(?:in)?|Vorsitzende[rn]?|Regierungschef(?:in)?|"
    r"Министр|Президент)\b\.?"
)
_ROLE_END = re.compile(rf"(?:{ROLE.pattern})[\s,]*$")
# Role words written in lower case right before a name ("il presidente Mohamed Morsi", "le ministre Jean Dupont",
# "el portavoz Juan Pérez", "президент Владимир Путин", "opposition leader Alexei Navalny"): it, fr, es, pt, ru, en.
ROLE_WORD_END = re.compile(
    r"(?<![\w-])(?:presidente|président|présidente|ministr[oa]|ministre|premier|premiê|generale|général|general|"
    r"segretari[oa]|secrétaire|secretari[oa]|secretári[oa]|portavoce|porte-parole|portavoz|porta-voz|"
    r"cancelliere|chancelier|canciller|chanceler|sindac[oa]|maire|alcalde|prefeit[oa]|leader|líder|"
    r"ambasciatore|ambassadeur|embajador|embaixador|senatore|sénateur|senador|deputat[oa]|député|diputad[oa]|"
    r"re|roi|rey|rei|papa|pape|президент|министр|премьер|генерал|посол|глава|лидер)\s+$"
)
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_CAP = rf"[{_UPPER}][\w'’-]*"
_ANY_CAP = re.compile(f"[{_UPPER}]")
# Lower-case words inside a name ("Bank of England", "Luigi di Maio", "Osama bin Laden"); not German "der", which
# joins common nouns ("Anzahl der Menschen").
_LINK = r"(?:of|de|del|della|di|da|do|dos|du|la|le|van|von|bin|ibn|al|el)"
_SPAN = re.compile(rf"(?<![\w.])({_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP})*)")
# Speech verbs right after a span say that it is a person or an organisation speaking.
_SPEECH_AFTER = re.compile(
    r"^\s+(?:said|says|told|added|stressed|noted|announced|sagte|a déclaré|dijo|ha detto|disse|заявил)\b"
)


def acronym(surface: str) -> str | None:
    """The letters of an acronym ("NATO", "U.S.") when the surface is one, else None."""
    bare = surface.replace(".", "")
    if 2 <= len(bare) <= 7 and bare.isalpha() and bare.isupper():
        return bare
    return None


def _label(span: str, before: str, after: str) -> str:
    low = span.casefold()
    words = low.split()
    if low in GPE_WORDS or low in place_names():
        return "GPE"
    if low in NORP_WORDS:
        return "NORP"
    if any(w in _ORG_WORDS for w in words) or acronym(span):
        return "ORG"
    if _ROLE_END.search(before[-60:]) or (len(words) >= 2 and ROLE_WORD_END.search(before[-30:])):
        return "PERSON"
    if len(words) >= 2 and _SPEECH_AFTER.match(after):
        return "PERSON"
    if 2 <= len(words) <= 4 and is_given_name(words[0]):
        return "PERSON"  # "Carlos Alvarado", "Olivier Véran": a common given name opens the span
    return "OTHER"


# Adverbs, conjunctions and prepositions that open sentences and so are written with a capital; never the first
# word of a name ("Sotto Mubarak" is "under Mubarak", "Laut Reuter" is "according to Reuter"). en, de, fr, es, it,
# pt (the stop-word lists hold the shortest ones already).
_OPENERS = textnorm.word_set(
    "however meanwhile moreover according despite following under after during since before while instead "
    "laut nach während deshalb außerdem trotzdem jedoch dennoch seit bereits zudem daher inzwischen unter "
    "selon après pendant ainsi cependant pourtant toutefois enfin alors depuis sous malgré ensuite "
    "según tras durante además mientras ahora aunque bajo desde luego también "
    "secondo dopo durante inoltre invece mentre però anche ancora intanto sotto oltre quindi infatti tuttavia "
    "segundo após durante além porém enquanto agora também entretanto ainda sob"
)
# Elided articles and prepositions of French, Italian and Catalan ("L'esercito", "Dall'altra", "C'è", "L'Egitto").
# Before a lower-case word they make a capitalised common word; before a capital they are not part of the name
# ("L'Egitto" is "Egitto"), except "d'", which opens surnames ("D'Alema").
_ELIDED = textnorm.word_set("l d dell dall nell all sull coll dell un c qu j s n m t quest quell")
_ELISION = re.compile(r"^([^\W\d_]{1,5})['’](\w.*)$")
LOWER_WORD = re.compile(r"(?<![\w'’])[a-zà-ÿа-я][\w'’-]+")
# German writes every noun with a capital. A word that the story writes after a determiner (and up to two
# lower-case adjectives: "die neue Regierung", "der tunesischen Bevölkerung") is a common noun, and so is a long
# word with a noun suffix ("Entwicklung", "Demokratie", "Gesellschaft"). Countries stay names (gazetteer).
_DE_DETERMINED = re.compile(
    r"(?<![\w-])(?i:der|die|das|den|dem|des|ein|eine|einer|einen|einem|eines|kein|keine|keiner|keinen|keinem|"
    r"dieser|diese|dieses|diesen|diesem|jeder|jede|jedes|jeden|jedem|zum|zur|im|am|vom|beim|ins)\s+"
    r"((?:[a-zäöüß][\w-]*\s+){0,2})([A-ZÄÖÜ][\w-]+)(?![\w-]|\s+[A-ZÄÖÜ])"  # not "das Deutsche Rote Kreuz"
)
# French questions put the subject pronoun after the verb, joined by hyphens; the sentence-opening verb is then
# capitalised ("Est-ce", "Peut-on", "Fonctionne-t-il", "Savons-nous"): never a name.
_INVERTED = re.compile(r"-(?:t-)?(?:ce|il|ils|elle|elles|on|je|tu|nous|vous)$")
_DE_NOUN_SUFFIX = re.compile(
    r"(?:ung|heit|keit|schaft|tion|ität|ismus)(?:en|s)?$"  # suffixes no given name or common surname ends in
)


# Capitalised words where any word is capitalised: the first word of a line that ends after one or two words
# ("Goles", "Uniformes") or whose first one to three words end with a colon ("Hora: 8:00", "Árbitro central: …"),
# the word right after a colon ("Alajuelense: Camiseta negra") and the first word of a sentence.
_LABEL_PLACES = re.compile(
    rf"^[ \t]*({_CAP})(?:[ \t]+[\w'’-]+)?[ \t]*:?[ \t]*$"
    rf"|^[ \t]*({_CAP})(?:[ \t]+[\w'’-]+){{0,2}}[ \t]*:"
    rf"|:[ \t]+({_CAP})"
    rf"|(?:^|[.!?…][\"”»’')]*[ \t]+)[\"“«„‘'(]*({_CAP})",
    re.MULTILINE,
)
# A capitalised word inside a sentence: after a word (and a comma at most) on the same line.
_INSIDE = re.compile(rf"(?<=[\w,)][ \t])({_CAP})")


@dataclass(slots=True)
class WordUse:
    """How a story writes its words, gathered over its articles with :meth:`add` (see :func:`fallback_mentions`).

    Attributes:
        lower: words (case folded) written in lower case somewhere.
        nouns: German capitalised words written after a determiner ("die neue Regierung"): common nouns.
        heads: capitalised words written where any word is capitalised: sentence starts, labels and headings
            (``_LABEL_PLACES``: "Goles", "Hora: 8:00").
        inside: capitalised words written inside a sentence, where only names are capitalised (German aside).
        persons: the persons' names the story's Arabic texts name with a role or a speech verb
            (:func:`newsfold.story.recognise_ar.persons`): found again wherever they stand.
    """

    lower: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    inside: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)

    def add(self, text: str, lang: str | None) -> None:
        """Count one article's text in."""
        if _arabic(text, lang):
            self.persons |= recognise_ar.persons([text])
        self.lower |= {w.casefold() for w in LOWER_WORD.findall(text)}
        self.heads |= {w.casefold() for groups in _LABEL_PLACES.findall(text) for w in groups if w}
        self.inside |= {w.casefold() for w in _INSIDE.findall(text)}
        if lang == "de":
            stop = textnorm.stopwords("de")
            for between, noun in _DE_DETERMINED.findall(text):
                # Only adjectives may stand between ("die neue Regierung"); a preposition starts another phrase
                # ("Die in Tunesien durchzuführenden Reformen").
                if not any(w in stop for w in between.split()):
                    self.nouns.add(noun.casefold())

    def common(self) -> set[str]:
        """The words the story uses as common words: written in lower case, German nouns, and capitalised words
        written only where any word is capitalised, never inside a sentence."""
        return self.lower | self.nouns | (self.heads - self.inside)


def _is_place(words: Sequence[str]) -> bool:
    name = " ".join(words).casefold()
    return name in GPE_WORDS or name in place_names()


def _unelide(word: str) -> str | None:
    """A span's first word without an elided article ("L'Egitto" -> "Egitto"); None when what follows the article
    is a common word ("L'esercito", "C'è")."""
    m = _ELISION.match(word)
    if m is None or m.group(1).casefold() not in _ELIDED:
        return word
    rest = m.group(2)
    if not rest[0].isupper():
        return None
    return word if m.group(1).casefold() == "d" else rest


def _arabic(text: str, lang: str | None) -> bool:
    """Whether a text is read by the Arabic recogniser: its language is Arabic, or unknown and it has Arabic."""
    return lang == "ar" or (lang is None and textnorm.has_arabic(text))


def fallback_mentions(
    text: str,
    lang: str | None,
    common: Collection[str] = frozenset(),
    nouns: Collection[str] = frozenset(),
    persons: Collection[str] = frozenset(),
) -> list[tuple[str, str, int]]:
    """Find names without a model: capitalised spans, split at role words, typed by the gazetteer and context.

    Args:
        text: any text.
        lang: ISO 639-1 code (chooses the stop words that may not start or end a name).
        common: words (case folded) that the collection ``text`` belongs to uses as common words
            (:meth:`WordUse.common`): a name of one such word is a capitalised common word ("Inoltre", "Paese",
            German "Regierung") unless the gazetteer knows it.
        nouns: German common nouns (:attr:`WordUse.nouns`); one opening a longer span is not part of the name
            ("Umsetzung von Reformen"), nor is a long word with a noun suffix alone ("Entwicklung") or before
            "von" ("Schaffung von Werbeflächen").
        persons: Arabic persons' names of the story (:attr:`WordUse.persons`). An Arabic text's names are read by
            :mod:`newsfold.story.recognise_ar` (Arabic writes no capitals), its capitalised Latin ones as here.

    Returns:
        ``(surface, type, start)`` triples in text order.
    """
    if not _arabic(text, lang):
        return _capitalised_mentions(text, lang, common, nouns)
    found = recognise_ar.mentions(text, persons)
    if _ANY_CAP.search(text) is None:
        return found
    return sorted(found + _capitalised_mentions(text, None, common, nouns), key=lambda m: m[2])


def _capitalised_mentions(
    text: str, lang: str | None, common: Collection[str], nouns: Collection[str]
) -> list[tuple[str, str, int]]:
    """The names of :func:`fallback_mentions` in a script with capitals."""
    stop = textnorm.stopwords(lang) if lang in textnorm.STOPWORD_LANGS else textnorm.all_stopwords()
    lowered = {w.casefold() for w in LOWER_WORD.findall(text)}
    masked = ROLE.sub(lambda m: "|" * len(m.group()), text)  # role words end a name
    out: list[tuple[str, str, int]] = []
    for m in _SPAN.finditer(masked):
        words = m.group().split()
        start = m.start()
        # A place name of several words keeps its stop words ("Stati Uniti", "Reino Unido"); only the words in
        # front of it go ("Gli Stati Uniti").
        place = next((n for n in range(len(words) - 1) if _is_place(words[n:])), None)
        if place is not None:
            start = text.index(words[place], start) if place else start
            out.append((" ".join(words[place:]), "GPE", start))
            continue
        # A capitalised first word that the text also writes in lower case is a common word ("Today"), and so is
        # an elided article before a lower-case word ("L'esercito").
        while words:
            first = _unelide(words[0])
            if (
                first is not None
                and first.casefold() not in stop
                and first.casefold() not in _OPENERS
                and first.casefold() not in lowered
                and first[0].isupper()  # a link word left in front ("von" of "Umsetzung von Reformen")
                and first.casefold() not in nouns
                and not (
                    lang == "de" and len(words) > 2 and words[1] == "von" and _DE_NOUN_SUFFIX.search(first)
                )
            ):
                if first != words[0]:
                    start = text.index(words[0], start) + len(words[0]) - len(first)
                    words[0] = first
                break
            start = text.index(words[0], start) + len(words[0])
            words.pop(0)
        while words and words[-1].casefold() in stop:
            words.pop()
        if not words:
            continue
        if len(words) == 1:
            low = words[0].casefold()
            noun = low in common or (
                lang == "de" and len(low) > 5 and _DE_NOUN_SUFFIX.search(low) is not None
            )
            known = low in GPE_WORDS or low in place_names() or low in NORP_WORDS or acronym(words[0])
            if (noun or _INVERTED.search(low)) and not known:
                continue
        start = text.index(words[0], start)
        # A country name followed by more capitals starts a new name ("Russia John Sullivan").
        if len(words) > 1 and words[0].casefold() in GPE_WORDS and words[1].casefold() not in _ORG_WORDS:
            out.append((words[0], "GPE", start))
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        surface = " ".join(words)
        end = start + len(surface)
        out.append((surface, _label(surface, text[:start], text[end : end + 30]), start))
    return out


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
