"""The model-free name recogniser: capitalised spans typed by a small multilingual gazetteer and context.

Used by :mod:`newsfold.story.entities` where no NER model is installed (or for languages it does not cover),
and for the part of a large story's articles that the model does not read. Countries and demonyms are GPE and
NORP; a span with an organisation word, or an acronym, is ORG; a span after a role word ("Foreign Minister")
or before a speech verb is a PERSON; anything else is OTHER.

German capitalises every noun, so in a German text a capitalised word is a name only where the story treats it as
one (:meth:`WordUse.common`): a given name or a role word before it, a speech verb beside it, "in" before it with no
article, an acronym, camel case or the gazetteer. A German noun opening a span is no part of the name after it
(a role compound: "Bundesbankpräsident Joachim Nagel"; a noun in apposition: "Gewerkschaft Verdi", which makes
Verdi an ORG); common nouns side by side are no name ("Tafel Schokolade"). Where any word is capitalised (a
sentence start, a heading), a first word the story writes in lower case opens no name, in every language.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsfold import textnorm
from newsfold.story import recognise_ar
from newsfold.story.gazetteer import is_given_name as _is_given_name
from newsfold.story.gazetteer import place_names

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
# ... and, in a name of two words or more, these (alone, "Banque" of "la Banque centrale européenne" is no name).
_ORG_PART_WORDS = textnorm.word_set(
    "banco banque banca zentralbank notenbank bundesbank банк consejo conseil consiglio conselho rat совет "
    "partido parti partito partei партия tribunal tribunale gericht суд comisión commissione comissão kommission "
    "agencia agence agenzia agência agentur агентство universidad université università universidade universität "
    "asamblea assemblée assemblea assembleia fondo fonds fundo фонд"
)
# Role words and titles: the capitalised words after them are a person's name ("Foreign Minister Sergey
# Lavrov", "US Secretary of State Antony Blinken"); they are never part of it. en/de/fr/es/it/pt/ru.
ROLE = re.compile(
    r"\b(?:(?:Foreign|Defen[cs]e|Prime|Interior|Finance|Deputy|Vice|Under|First)\s+)?"
    r"(?:Minister|Secretary(?:\s+of\s+State)?|President|Ambassador|Spokes(?:man|woman|person)|Chancellor|"
    r"Premier|Senator|Rep|Mr|Mrs|Ms|Dr|Gen|General|King|Queen|Pope|Leader|Counterpart|Herr|Herrn|Frau|"
    r"Minister(?:in|präsident)|Außenminister|Kanzler(?:in)?|Ministre|Président|Ministro|Presidente|"
    r"(?:Staats|Bundes|Vize)?[Pp]räsident(?:in|en)?|Bundeskanzler(?:in)?|Generalsekretär(?:in)?|Sprecher(?:in)?|"
    r"Bürgermeister(?:in)?|Botschafter(?:in)?|Vorsitzende[rn]?|Regierungschef(?:in)?|"
    r"Министр|Президент|Глава|Премьер|Посол|Генсек|"
    # German joins a role to what it is a role of ("Bundesbankpräsident", "Tennisprofi", "Oppositionsführer",
    # "Commerzbank-Chefvolkswirt"); heads that are also common surnames ("Richter", "Leiter") only in a compound.
    r"(?:(?:Co|Ko|Ex|Vize|Interims)-|[A-ZÄÖÜ][\w]*-)?[A-ZÄÖÜ][a-zäöüß]+(?:minister|vorstand|vorständin|präsident|kanzler|chef|sprecher|führer|vorsitzende|trainer|direktor|leiter|"
    r"sekretär|botschafter|richter|anwalt|anwältin|ökonom|volkswirt|analyst|experte|profi|spieler|kapitän|"
    r"kommissar|beauftragte|manager|gründer|moderator|regisseur|torwart|stürmer)(?:in|innen|en|n|r)?|"
    r"(?:Trainer|Chef|Profi|Kapitän|Kommissar|Ökonom|Analyst|Anwalt|Manager|Moderator|Regisseur|Torwart)(?:in|en)?|"
    r"Anwältin|Experte|Expertin|Richterin)\b\.?"
)
# Given names are asked for every capitalised word, often the same ones: kept once asked.
is_given_name = lru_cache(maxsize=65_536)(_is_given_name)


@lru_cache(maxsize=64)
def _masked(text: str) -> str:
    """The text with its role words masked ("|"): role words end a name (read by :class:`WordUse` and
    :func:`fallback_mentions` alike, so kept for the last texts)."""
    return ROLE.sub(lambda m: "|" * len(m.group()), text)


_ROLE_END = re.compile(rf"(?:{ROLE.pattern})[\s,]*$")
# Role words written in lower case right before a name ("il presidente Mohamed Morsi", "le ministre Jean Dupont",
# "el portavoz Juan Pérez", "президент Владимир Путин", "opposition leader Alexei Navalny"): it, fr, es, pt, ru, en.
_ROLE_WORDS = (
    r"presidente|président|présidente|ministr[oa]|ministre|premier|premiê|generale|général|general|"
    r"segretari[oa]|secrétaire|secretari[oa]|secretári[oa]|portavoce|porte-parole|portavoz|porta-voz|"
    r"cancelliere|chancelier|canciller|chanceler|sindac[oa]|maire|alcalde|prefeit[oa]|leader|líder|"
    r"ambasciatore|ambassadeur|embajador|embaixador|senatore|sénateur|senador|deputat[oa]|député|diputad[oa]|"
    r"re|roi|rey|rei|papa|pape|президент|министр|премьер|генерал|посол|глава|лидер"
)
ROLE_WORD_END = re.compile(rf"(?<![\w-])(?:{_ROLE_WORDS})\s+$")
# A role word and a preposition before a span: the span opens with the office's field, capitalised, and a name
# follows it ("il ministro della Difesa Ignazio La Russa", "el ministro de Exteriores José Manuel Albares").
_ROLE_OF_END = re.compile(
    rf"(?<![\w-])(?:{_ROLE_WORDS})\s+(?:(?:del|della|dello|degli|dei|delle|de|du|des|do|da|dos|das|di|of)\s+"
    r"|(?:dell|d)['’])$",
    re.IGNORECASE,
)
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
# The Arabic article as romanised names write it, in lower case and joined by a hyphen ("Bashar al-Assad", "Fatah
# al-Sham", "Abdel Fattah el-Sisi", "Abu Bakr al-Baghdadi"): part of the name, not the end of one.
NAME_PARTICLE = r"(?:a[dlnrstz]|ash|e[dlnrs]|u[dl])-"
_CAP = rf"[{_UPPER}][\w'’-]*"
_NAME_WORD = rf"(?:{NAME_PARTICLE})?{_CAP}"
_PARTICLE = re.compile(NAME_PARTICLE)
# Articles that open names ("Al Jazeera", "El País", "Le Monde", "La Stampa", "The Guardian", "Der Spiegel"): written
# with a capital inside a sentence, where the article of a common word is in lower case, they are the name's.
NAME_ARTICLES = textnorm.word_set("al el la le les il lo los las the der die das")
_ANY_CAP = re.compile(f"[{_UPPER}]")
# Lower-case words inside a name ("Bank of England", "Luigi di Maio", "Osama bin Laden"); not German "der", which
# joins common nouns ("Anzahl der Menschen").
_LINK = r"(?:of|de|del|della|di|da|do|dos|du|la|le|van|von|bin|ibn|al|el)"
_SPAN = re.compile(rf"(?<![\w.])({_NAME_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)?{_NAME_WORD})*)")
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
    if (
        any(w in _ORG_WORDS for w in words)
        or acronym(span)
        or (len(words) > 1 and any(w in _ORG_PART_WORDS for w in words))
        or (
            len(words) > 1 and not span.isupper() and acronym(span.split()[0]) and not is_given_name(words[1])
        )
    ):
        return "ORG"  # an acronym opening a name in mixed case is an organisation's: "МИД России", "BBC World Service"
    if _ROLE_END.search(before[-60:]) or (len(words) >= 2 and ROLE_WORD_END.search(before[-30:])):
        return "PERSON"
    if len(words) >= 2 and _SPEECH_AFTER.match(after) and words[0] not in NAME_ARTICLES:
        return "PERSON"  # not "Al Qaeda ha detto", "The Guardian said": a name that opens with an article
    if 2 <= len(words) <= 4 and is_given_name(words[0]):
        return "PERSON"  # "Carlos Alvarado", "Olivier Véran": a common given name opens the span
    return "OTHER"


# Adverbs, conjunctions and prepositions that open sentences and so are written with a capital; never the first
# word of a name ("Sotto Mubarak" is "under Mubarak", "Laut Reuter" is "according to Reuter"). en, de, fr, es, it,
# pt (the stop-word lists hold the shortest ones already).
_OPENERS = textnorm.word_set(
    "however meanwhile moreover according despite following under after during since before while instead "
    "laut nach während deshalb außerdem trotzdem jedoch dennoch seit bereits zudem daher inzwischen unter "
    "neben wegen trotz dank angesichts aufgrund infolge anschließend zunächst zuletzt zuvor danach schließlich "
    "gleichzeitig insgesamt allerdings offenbar besonders bisher derzeit künftig mittlerweile stattdessen zugleich "
    "mehrere viele zahlreiche tausende hunderte dutzende beide wenige weitere etliche sämtliche "
    + " ".join(
        f"{p}{e}"
        for p in ("mein", "dein", "sein", "ihr", "unser", "euer", "eur")
        for e in ("", "e", "er", "en", "em", "es")
    )
    + " "
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
# A word written in lower case ("al-Golani" is a name: the Arabic article joined to a capital).
LOWER_WORD = re.compile(rf"(?<![\w'’])(?!{NAME_PARTICLE}[{_UPPER}])[a-zà-ÿа-я][\w'’-]+")
# German writes every noun with a capital. A word that the story writes after a determiner, a possessive or a
# quantifier (and up to two lower-case adjectives: "die neue Regierung", "der tunesischen Bevölkerung", "seinen
# Kader") is a common noun, and so is a word after a preposition and an adjective ("nach wochenlangem Streit", "mit
# hohen Kosten"), after a number ("drei Prozent", "2,87 Millionen Menschen"), and a long word with a noun suffix
# ("Entwicklung", "Demokratie", "Gesellschaft"). Countries stay names (gazetteer). German grammar words only.
_DE_DETERMINERS = (
    r"der|die|das|den|dem|des|ein|eine|einer|einen|einem|eines|kein|keine|keiner|keinen|keinem|keines|"
    r"dieser|diese|dieses|diesen|diesem|jener|jene|jenes|jenen|jenem|jeder|jede|jedes|jeden|jedem|"
    r"welcher|welche|welches|welchen|welchem|solcher|solche|solches|solchen|solchem|"
    r"(?:mein|dein|sein|ihr|unser|euer|eur)(?:e|er|en|em|es)?|"
    r"alle|aller|allen|beide|beiden|beider|einige|einiger|einigen|manche|mancher|manchen|mehrere|mehrerer|mehreren|"
    r"viele|vieler|vielen|wenige|weniger|wenigen|etliche|etlichen|sämtliche|sämtlichen|zahlreiche|zahlreichen|"
    r"zum|zur|im|am|vom|beim|ins|ans|aufs|durchs|fürs|übers|ums|unterm|überm|vorm|hinterm"
)
_DE_PREPOSITIONS = (
    r"mit|von|für|gegen|ohne|nach|bei|aus|zu|über|unter|vor|seit|wegen|trotz|durch|um|ab|an|auf|in|hinter|neben|"
    r"zwischen|dank|samt|bis"
)
_DE_NUMERALS = (
    r"(?!\d{4,5}(?![\d.,]))\d[\d.,]*|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|"
    r"hundert|tausend|hunderte|tausende|dutzende|zehntausende|hunderttausende"
)
_DE_NOUN_AFTER = r"([A-ZÄÖÜ][\w-]+)(?![\w-]|\s+[A-ZÄÖÜ])"  # not "das Deutsche Rote Kreuz"
_DE_DETERMINED = re.compile(
    rf"(?<![\w-])(?=[abdeijkmsuvwzäöüABDEIJKMSUVWZÄÖÜ])(?i:{_DE_DETERMINERS})\s+((?:[a-zäöüß][\w-]*\s+){{0,2}}){_DE_NOUN_AFTER}"
)
_DE_PREP_ADJ = re.compile(
    rf"(?<![\w-])(?=[abdfgimnostuvwzüABDFGIMNOSTUVWZÜ])(?i:{_DE_PREPOSITIONS})\s+((?:[a-zäöüß][\w-]*\s+){{1,2}}){_DE_NOUN_AFTER}"
)
_DE_COUNTED = re.compile(
    rf"(?<![\w.,:])(?i:{_DE_NUMERALS})\s+(?:(?:Millionen|Milliarden|Mio\.|Mrd\.)\s+)?"
    rf"((?:[a-zäöüß][\w-]*\s+){{0,2}}){_DE_NOUN_AFTER}"
)
_DE_NUMBER_NOUN = re.compile(rf"(?<![\w.,:])(?i:{_DE_NUMERALS})\s+(Millionen|Milliarden|Billionen|Tausend)\b")
# Adverbs that open a phrase of their own before any word ("unter anderem Merkel", "vor allem Aktien", "in ganz
# Bayern"): what follows them may be a name.
_DE_PHRASE_ADVERBS = textnorm.word_set("anderem anderen allem ganz")
# French questions put the subject pronoun after the verb, joined by hyphens; the sentence-opening verb is then
# capitalised ("Est-ce", "Peut-on", "Fonctionne-t-il", "Savons-nous"): never a name.
_INVERTED = re.compile(r"-(?:t-)?(?:ce|il|ils|elle|elles|on|je|tu|nous|vous)$")
# German noun suffixes that no common surname or place name ends in (given names are checked apart: "Dominik",
# "Dennis"); not -chen ("München"), -enz/-anz ("Koblenz"), -ling ("Kipling") nor -pur/-our ("Jaipur", "Labour").
_DE_NOUN_SUFFIX = re.compile(
    r"(?:(?:ung|heit|keit|schaft|tion|ität)(?:en)?|ismus|ismen|nis(?:se|sen|ses)?|tum|tums|tümer|tümern|"
    r"ment(?:s|e|en)?|(?<![pou])ur(?:en)?|ik(?:en)?|(?:tei|zei|erei)(?:en)?|(?:gie|tie|rie|mie|phie)n?)$"
)
# An inflected German adjective or participle ("Attraktive", "Geprüfte", "Wissenschaftliche", "Bestes", "Deutschen"):
# where any word is capitalised, one the story gives no sign of being a name is no name's first word ("Weitere
# Informationen"); inside a sentence, where adjectives are written in lower case, one with a capital opens a name
# ("der Deutschen Bahn", "die Europäische Zentralbank").
_DE_ADJECTIVE = re.compile(
    r"(?:ig|lich|isch|sch|iv|bar|sam|haft|los|end|al|är|ös|ent|ant|ert|iert|[bcdfghklmnprsvwxz]t|st|er)"
    r"(?:e|er|es|en|em)$"
)
_DE_CASE_ENDING = re.compile(r"(?:en|er|es|em|e)$")


def de_adjective_base(word: str) -> str | None:
    """A case-folded word of German adjective shape without its case ending ("deutschen", "deutsche" -> "deutsch",
    "europäischen" -> "europäisch"), or None when it has no such shape."""
    if _DE_ADJECTIVE.search(word) is None:
        return None
    base = _DE_CASE_ENDING.sub("", word)
    return base if len(base) >= 4 else None


# Speech verbs, singular (a plural subject is a group of common nouns: "Experten warnen"), around a German name:
# "Merz sagte", "sagte Merz", "Volkswagen teilte mit".
_DE_SAY = "sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|ergänzte|ergänzt|schrieb|schreibt"
_DE_SPEECH_BEFORE = re.compile(
    rf"(?<![\w'’-])({_CAP})[ \t]+(?:{_DE_SAY}|teilte|teilt|kündigte|kündigt|sprach|spricht|forderte|fordert|"
    r"warnte|warnt|kritisierte|kritisiert|bestätigte|bestätigt|verwies|verweist|räumte|räumt)\b"
)
_DE_SPEECH_AFTER = re.compile(rf"\b(?:{_DE_SAY})[ \t]+({_CAP})(?![\w'’-]|[ \t]+[{_UPPER}])")
# Words before a German speech subject that leave it a name: a conjunction ("und Merz sagte"), punctuation, a name.
_DE_CONJUNCTIONS = textnorm.word_set(
    "und oder aber doch auch denn sondern als wie dass weil ob wenn nachdem so"
)
# A name in the genitive before a noun ("Dortmunds Kapitän", "Bayerns Ministerpräsident"): common nouns take their
# genitive after the noun, so a capitalised word + s before another is a name where the story also writes it bare.
_DE_GENITIVE = re.compile(r"(?<![\w'’-])([A-ZÄÖÜ][\w-]{2,}[^\Ws])s[ \t]+(?=[A-ZÄÖÜ])")
# Two capitalised words joined by "und", "oder", "sowie" or a comma, the second not part of a longer span.
_DE_PAIR = re.compile(
    rf"(?<![\w'’-])({_CAP})(?:,[ \t]*|[ \t]+(?:und|oder|sowie)[ \t]+)({_CAP})"
    rf"(?![\w'’-]|[ \t]+[{_UPPER}])"
)
# German nouns that stand before a name in apposition and say what it names ("Gewerkschaft Verdi", "US-Chipkonzern
# Intel", "Provinz Malatya"): organisations (also as the end of a compound) and places (the word itself). Not a
# legal form after them ("Commerzbank AG"), nor a name of its own with hyphens ("Heinrich-Böll-Stiftung").
_DE_ORG_APPOSITION = re.compile(
    r"(?:organisation|agentur|gewerkschaft|amt|behörde|konzern|unternehmen|partei|verband|institut|ministerium|"
    r"stiftung|verein|firma|hersteller|anbieter|sender|zeitung|portal|dienst|club|klub)(?:s|es|e|en|n)?$"
)
_DE_PLACE_APPOSITION = textnorm.word_set(
    "stadt provinz region kanton gemeinde bezirk landkreis kreis hauptstadt insel bundesland bundesstaat"
)
_LEGAL_FORMS = textnorm.word_set("ag gmbh se kg kgaa mbh ev sa inc ltd plc")
# The endings of German nouns for people ("Australier", "Sängerin", "Theologen", "Architekt", "Professor",
# "Lokalhero", "Bankkaufmann"): a word before a given name with one is in apposition. Not a genitive ("des Kanzlers
# Olaf Scholz", "Kenianers"): the name then depends on another noun ("ein Sprecher des Kanzlers ..."), and stays
# with its noun.
_DE_PERSON_NOUN = re.compile(r"(?:er|ern|in|innen|e|en|t|or|ling|mann|frau|ier|ist|ent|ant|eur|oge|at|o)$")
# Saints' names open place names ("San Giovanni", "Santa Lucia del Mela", "São Paulo", "Sankt Peter"): en, de, fr,
# es, it, pt.
_SAINTS = textnorm.word_set("san santa santo são sao saint sainte st st. sankt")
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-ZÄÖÜ]{2,7})\)")
# A word alone in brackets after a name: a party or a club ("Robert Habeck (Grüne)").
_DE_BRACKETED = re.compile(rf"(?<![\w'’-])[{_UPPER}][\w'’-]*[ \t]+\(({_CAP})\)")
# A word with a capital after a small letter is a brand or a name ("WinFuture", "BayArena"); not the capital I of
# German inclusive plurals ("AutorInnen").
_CAMEL = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ](?!nnen$|n$)")
# A word right after "in" with no article: a place ("in Karlsruhe"), unless the story gives it one elsewhere.
_DE_IN = re.compile(rf"(?<![\w-])[Ii]n[ \t]+({_CAP})(?![\w'’-])")


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
_INSIDE = re.compile(rf"(?<=[\w,)][ \t])({_NAME_WORD})")
# What stands before a span where any word is capitalised: a sentence end, a colon or a line start (and quotes).
_HEAD_BEFORE = re.compile(r"(?:[.!?…:][\"”»’')]*[ \t]+|\n[ \t]*)[\"“«„‘'(\[]*$")
# A preposition (and article) right before a span: the span opens with its object ("del Consiglio ...").
_PREPOSITION_END = re.compile(
    r"(?:\b(?:del|della|dello|dei|degli|delle|de|du|des|do|da|dos|das|di|of)[ \t]+|\b(?:dell|dall|nell|sull|d)['’])$",
    re.IGNORECASE,
)
_WORD_CAP = re.compile(rf"(?<![\w'’-]){_CAP}")
_DE_DETERMINER_WORD = re.compile(rf"(?i:{_DE_DETERMINERS})")
_MASKED_END = re.compile(
    r"\|[ \t]*$"
)  # a role word masked by ROLE.sub right before (no comma: "Manager, Autoren")


class StoryWords(frozenset[str]):
    """The words a story uses as common words (:meth:`WordUse.common`), with what it says of its names.

    A frozen set of case-folded words, as :func:`fallback_mentions` takes for ``common``, that also carries:

    Attributes:
        named: German words the story treats as names (:meth:`WordUse.common` says how): never common nouns.
        german: German capitalised words the story gives no sign of being names: common nouns in German texts.
        spans: names of several words (case folded) written inside a sentence somewhere: where one opens a
            sentence, its capitalised first word is part of it ("Deutsche Bank meldet ...").
        lower: the words written in lower case somewhere (:attr:`WordUse.lower`).
    """

    named: frozenset[str]
    german: frozenset[str]
    spans: frozenset[str]
    lower: frozenset[str]

    def __new__(
        cls,
        words: Iterable[str] = (),
        named: Iterable[str] = (),
        german: Iterable[str] = (),
        spans: Iterable[str] = (),
        lower: Iterable[str] = (),
    ) -> StoryWords:
        self = super().__new__(cls, words)
        self.named = frozenset(named)
        self.german = frozenset(german)
        self.spans = frozenset(spans)
        self.lower = frozenset(lower)
        return self


@dataclass(slots=True)
class WordUse:
    """How a story writes its words, gathered over its articles with :meth:`add` (see :func:`fallback_mentions`).

    Attributes:
        lower: words (case folded) written in lower case somewhere.
        nouns: German capitalised words written after a determiner, possessive or quantifier ("die neue
            Regierung", "seinen Kader"), a preposition and an adjective ("mit hohen Kosten") or a number ("drei
            Prozent"): common nouns.
        heads: capitalised words written where any word is capitalised: sentence starts, labels and headings
            (``_LABEL_PLACES``: "Goles", "Hora: 8:00").
        inside: capitalised words written inside a sentence, where only names are capitalised (German aside).
        persons: the persons' names the story's Arabic texts name with a role or a speech verb
            (:func:`newsfold.story.recognise_ar.persons`): found again wherever they stand.
        spans: names of several words (case folded, leading stop words off) written inside a sentence.
        capitals: every capitalised word (case folded) of the story's German texts.
        people: German words of a person's name from a given name on ("Olaf Scholz", "Präsident Joachim Nagel":
            olaf, scholz, joachim, nagel).
        signs: other German words written as names only are (:meth:`common` weighs them): after a role word
            ("Trainer Kompany"), the subject or object of a speech verb ("Merz sagte", "sagte Merz"), a place after
            "in" without an article ("in Karlsruhe"), a word alone in brackets after a name ("(Grüne)"), after a
            number in a name ("Bayer 04 Leverkusen").
        genitives: German words written as a genitive before a noun ("Dortmunds Kapitän": dortmund).
        pairs: German capitalised words joined by "und", "oder" or a comma ("Airbus und Boeing", "Italien und
            Hamburg"), as written: where one is a name, so is the other.
        tails: German names of several words (case folded), for :meth:`common`: their last word may be a name.
    """

    lower: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    inside: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)
    spans: set[str] = field(default_factory=set)
    capitals: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    signs: set[str] = field(default_factory=set)
    genitives: set[str] = field(default_factory=set)
    tails: set[tuple[str, ...]] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)

    def add(self, text: str, lang: str | None) -> None:
        """Count one article's text in."""
        if _arabic(text, lang):
            self.persons |= recognise_ar.persons([text])
        self.lower |= {w.casefold() for w in LOWER_WORD.findall(text)}
        self.heads |= {w.casefold() for groups in _LABEL_PLACES.findall(text) for w in groups if w}
        self.inside |= {w.casefold() for w in _INSIDE.findall(text)}
        stop = textnorm.stopwords(lang) if lang in textnorm.STOPWORD_LANGS else textnorm.all_stopwords()
        masked = _masked(text)
        for m in _SPAN.finditer(masked):
            words = m.group().split()
            cut = 0
            while cut < len(words) and (words[cut].casefold() in stop or words[cut].casefold() in _OPENERS):
                cut += 1
            rest = words[cut:]
            if len(rest) >= 2 and (cut or _inside_at(masked, m.start())):
                self.spans.add(" ".join(rest).casefold())
            if lang == "de" and rest:
                self._person_words(rest, masked[: m.start()])
                if len(rest) >= 2:
                    self.tails.add(tuple(rest))
        if lang == "de":
            self._german(text, stop)

    def _person_words(self, words: list[str], before: str) -> None:
        """The words of a German span that name a person: from a given name on, else all after a role word (a
        weaker sign: "der Vorsitzende Richter" is a role of two words)."""
        if _MASKED_END.search(before[-8:]) and not any(is_given_name(w) for w in words[:-1]):
            self.signs |= {w.casefold() for w in words if w.casefold() not in textnorm.NAME_CONNECTORS}
            return
        for i, word in enumerate(words[:-1]):
            if is_given_name(word):
                self.people |= {  # a name has four words at most ("Louis Vuitton Palm Springs Rucksack")
                    w.casefold() for w in words[i : i + 4] if w.casefold() not in textnorm.NAME_CONNECTORS
                }
                return

    def _german(self, text: str, stop: frozenset[str]) -> None:
        """Gather a German text's nouns and the signs of its names."""
        self.capitals |= {w.casefold() for w in _WORD_CAP.findall(text)}
        self.nouns |= {w.casefold() for w in _DE_NUMBER_NOUN.findall(text)}
        for pattern in (_DE_DETERMINED, _DE_PREP_ADJ, _DE_COUNTED):
            for m in pattern.finditer(text):
                between, noun = m.groups()
                # Only adjectives may stand between ("die neue Regierung"); a preposition starts another phrase
                # ("Die in Tunesien durchzuführenden Reformen"), and some adverbs one of their own ("vor allem").
                if any(w in stop or w in _DE_PHRASE_ADVERBS for w in between.split()):
                    continue
                prev = text[max(0, m.start() - 30) : m.start()].split() if pattern is _DE_COUNTED else []
                last = prev[-1].lstrip("([{\"'“„«") if prev else ""
                if last[:1].isupper() and last.casefold() not in stop:
                    if not between:
                        self.signs.add(noun.casefold())  # a number in a name ("TSV Bayer 04 Leverkusen")
                    continue
                self.nouns.add(noun.casefold())
        for m in _DE_SPEECH_BEFORE.finditer(text):
            prev = text[max(0, m.start() - 40) : m.start()].split()
            last = prev[-1] if prev else ""
            if (
                not last
                or not last[-1].isalnum()
                or last.casefold() in _DE_CONJUNCTIONS
                or (
                    last[0].isupper()
                    and last.casefold() not in stop
                    and not _DE_DETERMINER_WORD.fullmatch(last)
                )
            ):
                self.signs.add(m.group(1).casefold())
        self.signs |= {w.casefold() for w in _DE_SPEECH_AFTER.findall(text)}
        self.signs |= {w.casefold() for w in _DE_IN.findall(text)}
        self.genitives |= {w.casefold() for w in _DE_GENITIVE.findall(text)}
        self.pairs |= set(_DE_PAIR.findall(text))
        self.signs |= {w.casefold() for w in _DE_BRACKETED.findall(text)}

    def common(self) -> StoryWords:
        """The words the story uses as common words: written in lower case, German nouns, and capitalised words
        written only where any word is capitalised, never inside a sentence.

        For German texts it also says which capitalised words are names. A word of a person's name (a role word
        or a given name before it) is one wherever it stands, even after an article. A word with a weaker sign is
        one unless the story writes it as a noun (after an article, a number, with a noun suffix): the subject or
        object of a speech verb, a place after "in", a genitive before a noun whose bare form the story also
        writes, the last word of a name of several words whose first word is no common word ("Bayer Leverkusen").
        An organisation word alone ("Regierung") never has a weak sign. Every other capitalised word of a German
        text is a common noun there: German capitalises them all.
        """
        heads = self.heads - self.inside
        people = self.people
        nouns = self.nouns - people
        signs = self.signs | (self.genitives & self.capitals)
        for words in self.tails:  # "Bayer Leverkusen", "Statistikamt Eurostat"; not "Millionen Menschen"
            first = words[0].casefold()
            if first not in self.lower and first not in nouns and first not in heads:
                signs.add(words[-1].casefold())

        def known(word: str) -> bool:
            low = word.casefold()
            return low in people or low in signs or acronym(word) is not None or _is_place([word])

        for one, two in self.pairs:
            if known(one) != known(two):
                signs.add((two if known(one) else one).casefold())
        signs = {w for w in signs - nouns if w not in _ORG_WORDS and not _de_suffixed(w)}
        named = people | signs
        german = {w for w in self.capitals - named if not is_given_name(w)}
        return StoryWords(
            self.lower | nouns | heads, named=named, german=german, spans=self.spans, lower=self.lower
        )


def _de_suffixed(word: str) -> bool:
    """Whether a case-folded German word is long and ends in a noun suffix, and is no given name."""
    return len(word) > 5 and _DE_NOUN_SUFFIX.search(word) is not None and not is_given_name(word)


def _inside_at(text: str, start: int) -> bool:
    """Whether a span starting at ``start`` stands inside a sentence (after a word, and a comma at most)."""
    return start >= 2 and text[start - 1] in " \t" and (text[start - 2].isalnum() or text[start - 2] in "_,)")


def _at_head(text: str, start: int) -> bool:
    """Whether a span starting at ``start`` stands where any word is capitalised: a sentence or line start, or
    after a colon."""
    before = text[max(0, start - 8) : start]
    if start <= 8:
        before = "\n" + before
    return _HEAD_BEFORE.search(before) is not None


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
            German "Regierung") unless the gazetteer knows it. A :class:`StoryWords` also says which German words
            the story treats as names and which as nouns; a German text given no collection is read as its own.
        nouns: German common nouns (:attr:`WordUse.nouns`); one opening a longer span is not part of the name
            ("Umsetzung von Reformen"), nor is a long word with a noun suffix ("Entwicklung", "Gewerkschaft
            Verdi") unless the story treats it as a name.
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


@dataclass(frozen=True, slots=True)
class _Reading:
    """What :func:`_capitalised_mentions` knows while it reads one text."""

    text: str
    lang: str | None
    stop: frozenset[str]
    lowered: frozenset[str]  # the words the text writes in lower case
    common: Collection[str]
    nouns: Collection[str]
    story: StoryWords


def _capitalised_mentions(
    text: str, lang: str | None, common: Collection[str], nouns: Collection[str]
) -> list[tuple[str, str, int]]:
    """The names of :func:`fallback_mentions` in a script with capitals."""
    if lang == "de" and not common and not nouns:  # a German text alone: its own word use
        use = WordUse()
        use.add(text, lang)
        common, nouns = use.common(), use.nouns
    reading = _Reading(
        text,
        lang,
        textnorm.stopwords(lang) if lang in textnorm.STOPWORD_LANGS else textnorm.all_stopwords(),
        frozenset(w.casefold() for w in LOWER_WORD.findall(text)),
        common,
        nouns,
        common if isinstance(common, StoryWords) else StoryWords(),
    )
    masked = _masked(text)  # role words end a name
    out: list[tuple[str, str, int]] = []
    for m in _SPAN.finditer(masked):
        head = _at_head(text, m.start())
        pieces = _pieces(m.group().split(), m.start(), reading)
        if lang == "de" and len(pieces) > 1:
            pieces = pieces[
                1:
            ]  # German puts a noun in apposition before a name ("Hamburger Erzbischof Stefan Heße")
        for words, start in pieces:
            out.extend(_name_of(words, start, head and start == m.start(), reading))
    return out


def _pieces(words: list[str], start: int, r: _Reading) -> list[tuple[list[str], int]]:
    """A span split before a given name that follows other words and opens a name of two words or more, where the
    word before it is a common noun: in German one with the ending of a noun for a person ("Australier Alex de
    Minaur", "Hürdensprinterin Anne Weigold"; not "Asif Ali Zardari"), elsewhere one the story writes in lower case,
    after a preposition ("presidente del Consiglio Giorgia Meloni", "ministro degli Esteri Franco Frattini"), or after
    an office and its preposition ("il ministro degli Affari Esteri Franco Frattini"). A saint's name is a place's
    ("Santa Lucia del Mela")."""
    german = r.lang == "de"
    # an acronym's organisation and its genitive before a name: "глава МИД России Сергей Лавров" (not a span in
    # capitals: "ANTONIO GRAMSCI")
    led = len(words) > 2 and acronym(words[0]) is not None and not words[1].isupper()
    if len(words) < 3 or not (german or led or _PREPOSITION_END.search(r.text[max(0, start - 8) : start])):
        return [(words, start)]
    office = not german and (led or _ROLE_OF_END.search(r.text[max(0, start - 40) : start]) is not None)
    for i in range(1, len(words) - 1):
        before = words[i - 1].casefold()
        if (
            is_given_name(words[i])
            and not is_given_name(before)
            and before not in textnorm.NAME_CONNECTORS
            and before not in _SAINTS
            and (words[i + 1][0].isupper() or words[i + 1] in textnorm.NAME_CONNECTORS)
            and (_DE_PERSON_NOUN.search(before) if german else office or before in r.story.lower)
        ):
            return _split_at(words, i, start, r.text)
    return [(words, start)]


def _split_at(words: list[str], i: int, start: int, text: str) -> list[tuple[list[str], int]]:
    """A span's words (from offset ``start`` of ``text``) as two spans, the second from word ``i``."""
    at = start
    for word in words[:i]:
        at = text.index(word, at) + len(word)
    return [(words[:i], start), (words[i:], text.index(words[i], at))]


def _name_of(words: list[str], start: int, head: bool, r: _Reading) -> list[tuple[str, str, int]]:
    """The name in one capitalised span (``words``, from offset ``start``; ``head``: where any word is
    capitalised), if any, as ``(surface, type, start)`` triples."""
    text, german, story = r.text, r.lang == "de", r.story
    # A place name of several words keeps its stop words ("Stati Uniti", "Reino Unido"); only the words in front
    # of it go ("Gli Stati Uniti").
    place = next((n for n in range(len(words) - 1) if _is_place(words[n:])), None)
    if place is not None:
        start = text.index(words[place], start) if place else start
        return [(" ".join(words[place:]), "GPE", start)]
    # A capitalised first word that the text also writes in lower case is a common word ("Today"), and so is an
    # elided article before a lower-case word ("L'esercito"), and a German noun before a name ("Gewerkschaft
    # Verdi"). Where any word is capitalised (a sentence start), so is a word the story writes as a common word
    # ("Weitere Informationen"), unless the story also writes the whole name inside a sentence.
    typed = None  # the type a German noun in apposition gives the name after it ("Gewerkschaft Verdi": ORG)
    opening = head  # whether words[0] is the first word of its sentence
    while words:
        first = _unelide(words[0])
        if first is not None and (
            _article_of_name(first, words, opening, r) or _opens_name(first, words, head, r)
        ):
            if first != words[0]:
                start = text.index(words[0], start) + len(words[0]) - len(first)
                words[0] = first
            break
        if german and first is not None and len(words) > 1:
            typed = _de_apposition(first.casefold(), words[1])
        # the sentence starts after a grammar word too ("Auch Weitere ..."), not after a common word
        head = head and (first is None or first.casefold() in r.stop or first.casefold() in _OPENERS)
        opening = False
        start = text.index(words[0], start) + len(words[0])
        words.pop(0)
    while words and words[-1].casefold() in r.stop:
        words.pop()
    if not words:
        return []
    if german and len(words) > 1 and _de_common_phrase(words, text[start:], r):
        return []
    if len(words) == 1:
        low = words[0].casefold()
        known = (
            low in GPE_WORDS
            or low in place_names()
            or low in NORP_WORDS
            or acronym(words[0])
            or _CAMEL.search(words[0])
        )
        noun = low in r.common or (german and (low in story.german or _de_suffixed(low)))
        if (noun or _INVERTED.search(low)) and not known and low not in story.named and not typed:
            return []
    start = text.index(words[0], start)
    out: list[tuple[str, str, int]] = []
    # A country name followed by more capitals starts a new name ("Russia John Sullivan"), and so does an acronym
    # followed by a person's name ("BCE Christine Lagarde": the bank's head).
    if len(words) > 1 and (
        (words[0].casefold() in GPE_WORDS and words[1].casefold() not in _ORG_WORDS)
        or (len(words) > 2 and acronym(words[0]) and is_given_name(words[1]))
    ):
        out.append((words[0], "GPE" if words[0].casefold() in GPE_WORDS else "ORG", start))
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]
    surface = " ".join(words).rstrip("-")  # "EZB-" of "EZB-Präsidentin", whose role word ends the name
    if len(surface) < 2 or _shouted(words, r.stop):
        return out
    end = start + len(surface)
    label = _label(surface, text[:start], text[end : end + 30])
    out.append((surface, typed if typed and label == "OTHER" else label, start))
    return out


def _article_of_name(first: str, words: Sequence[str], opening: bool, r: _Reading) -> bool:
    """Whether a span's first word is an article that is part of the name after it: written with its capital where
    no sentence starts ("di Al Qaeda", "Secondo Al Jazeera", "told The Guardian"). Not before a noun in German, whose
    headings and lists capitalise an article before a common noun mid-line ("Tipps Die Pubertät")."""
    return (
        not opening
        and len(words) > 1
        and first.casefold() in NAME_ARTICLES
        and first[0].isupper()
        and first[1:].islower()
        and not (r.lang == "de" and words[1].casefold() in r.nouns)
    )


def _shouted(words: Sequence[str], stop: frozenset[str]) -> bool:
    """Whether a span in capitals is a heading or a slogan, not a name: four words or more ("ALEPPO CRIMINI DI
    GUERRA"), or three with a grammar word that no name holds ("ONU CONTRO LE OPPOSIZIONI"; "BANK OF ENGLAND" is a
    name)."""
    if len(words) < 3 or not all(w.isupper() for w in words if w.casefold() not in textnorm.NAME_CONNECTORS):
        return False
    return len(words) >= 4 or any(
        w.casefold() in stop and w.casefold() not in textnorm.NAME_CONNECTORS for w in words
    )


def _de_common_phrase(words: list[str], rest: str, r: _Reading) -> bool:
    """Whether a German span of several words (``rest``: the text from it on) is common nouns side by side
    ("Tafel Schokolade", "Exot Banane"): no word is a name (a sign of one, an acronym, a place, a given name, a
    genitive with an apostrophe: "Muthu’s"), one is a noun (after an article, with a noun suffix), the first is no
    adjective written as part of a name ("Europäische Zentralbank", "Rössener Kultur"), and no acronym of the span
    follows it in brackets ("International Tennis Federation (ITF)")."""
    lows = [w.casefold() for w in words]
    if lows[0] in r.story.lower or _DE_ADJECTIVE.search(lows[0]) or lows[0].endswith("er"):
        return False
    if any(
        low in r.story.named or acronym(w) or _is_place([w]) or is_given_name(w) or _CAMEL.search(w)
        for w, low in zip(words, lows, strict=True)
    ) or any(w.endswith(("'s", "’s")) for w in words):
        return False
    bracket = _BRACKETED_ACRONYM.match(rest[len(" ".join(words)) :])
    if bracket and bracket.group(1) == "".join(w[0] for w in words).upper():
        return False
    return all(low in r.story.german for low in lows) and any(
        low in r.nouns or _de_suffixed(low) for low in lows
    )


def _de_apposition(low: str, after: str) -> str | None:
    """The type that a German noun (case folded) before a name in apposition gives it ("Gewerkschaft": ORG,
    "Provinz": GPE), None when it is no such noun or the name after it is a legal form."""
    if after.casefold().strip(".") in _LEGAL_FORMS:
        return None
    if low in _DE_PLACE_APPOSITION:
        return "GPE"
    return "ORG" if low.count("-") < 2 and _DE_ORG_APPOSITION.search(low) else None


def _opens_name(first: str, words: list[str], head: bool, r: _Reading) -> bool:
    """Whether the first word of a span (``first``: without an elided article) can open a name."""
    low = first.casefold()
    german, story = r.lang == "de", r.story
    bare = first[m.end() :] if (m := _PARTICLE.match(first)) else first  # "al-Nusra" opens with its capital
    if low in r.stop or low in _OPENERS or not bare[:1].isupper():  # a link word left in front ("von ...")
        return False
    if low in story.named:
        return True
    if german and len(words) > 1 and (_de_suffixed(low) or (words[1] == "von" and not is_given_name(low))):
        return False  # "Umsetzung von Reformen", "Aussagen von Lagarde"; not "Ursula von der Leyen"
    if german and len(words) > 1 and _de_apposition(low, words[1]):
        return False
    if low in r.nouns and not acronym(first):  # "die EZB" is a name
        return False
    if head and len(words) > 1 and " ".join(words).casefold() in story.spans:
        return True  # the story writes the whole name inside a sentence too
    if (
        low in r.lowered and bare is first and (head or not german)
    ):  # German capitalises adjectives in names only
        return False
    return not (
        head
        and len(words) > 1
        # not a word written at sentence starts only: that may be a name's first word ("Abir Moussi, ...")
        and (
            low in story.lower
            or low in r.nouns
            or (german and low in story.german and _DE_ADJECTIVE.search(low) is not None)
        )
        and not is_given_name(low)
    )
