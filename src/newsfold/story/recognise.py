"""The model-free name recogniser: capitalised spans typed by a small multilingual gazetteer and context.

Used by :mod:`newsfold.story.entities` where no NER model is installed (or for languages it does not cover),
and for the part of a large story's articles that the model does not read. Countries and demonyms are GPE and
NORP; a span with an organisation word, or an acronym, is ORG; a span after a role word ("Foreign Minister")
or before a speech verb is a PERSON; anything else is OTHER.
"""

from __future__ import annotations

import re

from newsfold import textnorm


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return frozenset(text.split())


# Countries and demonyms (GPE / NORP) that the model-free recogniser types without a model: the most reported
# states in English, plus their names in de/fr/es/it/pt/ru where they differ. Extend freely; it is a type hint,
# not a filter (unlisted names are still found as capitalised spans).
GPE_WORDS = _words(
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
NORP_WORDS = _words(
    "russian ukrainian chinese indian japanese german french italian spanish portuguese brazilian "
    "mexican canadian british english irish polish turkish iranian iraqi syrian israeli egyptian "
    "libyan yemeni lebanese saudi afghan pakistani belarusian georgian greek swedish finnish "
    "european african asian american western eastern soviet arab muslim christian jewish kurdish "
    "palestinian russisch russe ruso russo российский"
)
# Words that make a capitalised span an organisation, in en/de/fr/es/it/pt/ru.
_ORG_WORDS = _words(
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
    r"Министр|Президент)\b\.?"
)
_ROLE_END = re.compile(rf"(?:{ROLE.pattern})[\s,]*$")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_CAP = rf"[{_UPPER}][\w'’-]*"
_LINK = r"(?:of|de|del|della|di|da|do|dos|du|la|le|van|von|der|bin|ibn|al|el)"
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
    if low in GPE_WORDS:
        return "GPE"
    if low in NORP_WORDS:
        return "NORP"
    if any(w in _ORG_WORDS for w in words) or acronym(span):
        return "ORG"
    if _ROLE_END.search(before[-60:]):
        return "PERSON"
    if len(words) >= 2 and _SPEECH_AFTER.match(after):
        return "PERSON"
    return "OTHER"


def fallback_mentions(text: str, lang: str | None) -> list[tuple[str, str, int]]:
    """Find names without a model: capitalised spans, split at role words, typed by the gazetteer and context.

    Args:
        text: any text.
        lang: ISO 639-1 code (chooses the stop words that may not start or end a name).

    Returns:
        ``(surface, type, start)`` triples in text order.
    """
    stop = textnorm.stopwords(lang) if lang in textnorm.STOPWORD_LANGS else textnorm.all_stopwords()
    lowered = {w.casefold() for w in re.findall(r"(?<![\w])[a-zà-ÿа-я][\w'’-]+", text)}
    masked = ROLE.sub(lambda m: "|" * len(m.group()), text)  # role words end a name
    out: list[tuple[str, str, int]] = []
    for m in _SPAN.finditer(masked):
        words = m.group().split()
        start = m.start()
        # A capitalised first word that the text also writes in lower case is a common word ("Today").
        while words and (words[0].casefold() in stop or words[0].casefold() in lowered):
            start = text.index(words[0], start) + len(words[0])
            words.pop(0)
        while words and words[-1].casefold() in stop:
            words.pop()
        if not words:
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
