"""Speakers of quotes: who says a statement, read from the words around it, named as the story's entity.

A direct quote's speaker phrase is read from the words around its marks (:meth:`Resolver.attribute`): `“…,” X
said`, `“…,” said X`, `X said: “…”`, `X added that “…”`, `“…”, according to X` (German `„…“, so X`), `X was
quoted as saying`, `X, the minister, said: “…”`, and a headline's `X: “…”`, tried in turn: the first whose phrase
names a speaker decides. Reported speech's phrase is the clause before its verb. A phrase names its clause's subject
(:meth:`Resolver.resolve`): never a name a preposition governs ("After talks with X, he said", "a friend of X
said"), and, where the subject follows the verb ("Am Montag sagte Scholz:"), that one. A speaker written as a
pronoun ("she", "he") is the last person or organisation that spoke in the article; a role ("the ministry", "a
spokesman for the department") is the entity of the story whose name holds that word; a document ("the
response", "the statement") speaks for the last speaker. Speakers that are entities are named as the entity.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import accumulate

from newsfold.story.align import ACCORDING
from newsfold.story.entities import Entity, EntityIndex, Mention, fold_key
from newsfold.story.recognise import ROLE, ROLE_WORD_END
from newsfold.textnorm import word_set

# A pronoun with no speaker before it speaks for a person who opens a sentence (within its first SUBJECT_WORDS
# words) at most SUBJECT_WINDOW characters before the quote (set by reading extraction-dev's quotes).
SUBJECT_WORDS = 5
SUBJECT_WINDOW = 400
_SENTENCE_BREAK = re.compile(r"[.!?:»”\"\n]\s")
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?![^\W\d_])")
_POSSESSIVE_HEAD = re.compile(r"(?<=[^\W\d_])['’]s\s+(?=[^\W\d_])")
# Speech verbs, by language (en, de, fr, es, it, pt, ru, ar); past and present forms. English ones apart: what follows
# an English verb is its object ("Lavrov told Blinken:"), in German or Italian often its subject ("sagte Scholz:").
_VERBS_EN = (
    r"said|says|say|added|adds|stressed|stresses|told|tells|explained|noted|continued|warned|warns|declared|"
    r"stated|announced|affirmed|insisted|emphasi[sz]ed|argued|wrote|asked|replied|confirmed|indicated|"
    r"underlined|pointed out|concluded|urged|promised|assured|cautioned|acknowledged|admitted|recalled|"
    r"vowed|pledged|remarked|commented|maintained"
)
_ENGLISH_VERB = re.compile(_VERBS_EN, re.IGNORECASE)
_CAPITALS = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
# Arabic: the masculine and feminine past, with and without the conjunction "wa-" written on. Arabic puts the verb
# before its subject ("وقالت كريستين لاغارد: «…»"): see _ARABIC_BEFORE.
_VERBS_AR = (
    r"قال|وقال|قالت|وقالت|أضاف|وأضاف|أضافت|وأضافت|أكد|وأكد|أكدت|وأكدت|صرح|وصرح|صرحت|وصرحت|أوضح|وأوضح|"
    r"أوضحت|وأوضحت|شدد|وشدد|شددت|وشددت"
)
VERBS = (
    _VERBS_EN + r"|sagte|sagt|sagten|erklärte|betonte|fügte|schrieb|warnte|meinte|ergänzte|versicherte|"
    r"unterstrich|bekräftigte|"
    r"a déclaré|a dit|a ajouté|a souligné|a expliqué|a affirmé|a prévenu|a averti|a assuré|a insisté|a rappelé|"
    r"a estimé|a indiqué|a annoncé|a reconnu|déclare|affirme|estime|souligne|"
    r"dijo|afirmó|declaró|añadió|agregó|señaló|explicó|subrayó|advirtió|aseguró|indicó|manifestó|sostuvo|"
    r"insistió|recordó|apuntó|precisó|reconoció|destacó|"
    r"ha detto|ha dichiarato|ha aggiunto|ha spiegato|ha sottolineato|ha affermato|ha avvertito|ha assicurato|"
    r"ha ribadito|ha precisato|ha ricordato|ha osservato|ha commentato|dice|afferma|"
    r"disse|afirmou|declarou|acrescentou|explicou|destacou|alertou|garantiu|advertiu|ressaltou|salientou|"
    r"sublinhou|lembrou|frisou|"
    r"сказал|сказала|заявил|заявила|отметил|отметила|добавил|добавила|подчеркнул|подчеркнула|предупредил|"
    r"предупредила|пояснил|пояснила|уточнил|уточнила|напомнил|напомнила|" + _VERBS_AR
)
# The conjunction that opens reported speech (`said that …`), by language.
THAT = r"(?:that|dass|que|che|что|أن)"
# Words that end a speaker named after the verb (`, said Lavrov in Moscow`): prepositions of time and place in en,
# de, fr, es, it, pt, ru, ar.
_AFTER_SPEAKER = (
    r"at|in|on|to|after|during|am|im|bei|nach|vor|auf|à|au|aux|en|lors|dans|devant|durante|tras|ante|nel|nella|"
    r"al|dopo|davanti|em|na|no|nas|nos|ao|após|в|во|на|после|في|خلال|بعد|"
    # ... and of company: who spoke with whom (`a déclaré Macron après un entretien avec Biden`) is not the speaker
    r"with|about|après|avec|con|com|mit|über|sobre|с|со|مع"
)
# What wire copy puts before the speech verb after a quote, the speaker following the verb: an object pronoun or a
# demonstrative ("Lo ha detto il ministro ...", "Così ha detto", es "Lo dijo", "Así lo afirmó", fr "l'a dit", "C'est
# ce qu'a déclaré", de "Das sagte", "Dies erklärte", pt "Foi o que disse", "Assim disse"). It is no speaker.
_CLITIC = (
    r"(?:così(?:\s+(?:lo|la|l['’]))?|así(?:\s+lo)?|assim|lo|la|l['’]|eso|esto|"
    r"c['’]est\s+ce\s+qu['’]|ce\s+qu['’]|foi\s+o\s+que|das|dies|so)"
    rf"\s*(?=(?:{VERBS})\b)"
)
# After a closing mark: `, X said` or `, said X` up to the end of the clause.
_AFTER = re.compile(
    rf"^[ \t,.;:–—-]*(?:(?!{_CLITIC})(?P<s1>[^\s,.;:\"“”«»][^,.;:\"“”«»\n]{{0,60}}?)\s+(?:{VERBS})\b"
    rf"(?![ \t]*[:“\"«])"
    rf"|(?:{_CLITIC})?(?:{VERBS})\s+(?P<s2>[^,.;:\"“”«»\n]{{2,60}}?)(?=[,.;]|\s+(?:{_AFTER_SPEAKER})\b|$))",
    re.IGNORECASE,
)
# After a quote that ends its sentence (`… alliance.” X said`), what may follow the verb: an end, a place or time, one
# word (`told reporters.`); more (`X said the claim was false`) makes it a new sentence, not the quote's attribution.
_SHORT_TAIL = re.compile(
    rf"[ \t]*(?:[.,;!?]|$)|[ \t]+(?:{_AFTER_SPEAKER})\b|[ \t]+[^\s.,;!?]+[.,;!?]", re.IGNORECASE
)
# After a closing mark: `, according to X` (`«…», selon Emmanuel Macron`, `„…“, laut Scholz`) and German `, so X`
# (`„…“, so Machtlinger`); "so" only in German, where it is the usual attribution.
_AFTER_ACCORDING = re.compile(
    rf"^[ \t]*,[ \t]*(?P<how>{ACCORDING}|so)\s+(?P<s>[^,.;:\"“”«»\n]{{2,60}}?)"
    rf"(?=[,.;!?]|\s+(?:{_AFTER_SPEAKER})\b|$)",
    re.IGNORECASE,
)
# After a closing mark, a speaker left implied: a speech verb alone (`«…», dijo.`, `“…”, ha aggiunto.`: the subject
# is dropped in es, it, pt) or a French inverted pronoun (`« … », a-t-il ajouté`, `affirme-t-elle`). The speaker is
# then the one a pronoun would name.
_AFTER_IMPLIED = re.compile(
    rf"^[ \t]*,?[ \t]*[–—-]?[ \t]*(?:(?:{VERBS})[ \t]*(?=[.;!?]|$)"
    rf"|a-t-(?:il|elle|on)[ \t]+[^\W\d_]+|[^\W\d_]+-t-(?:il|elle|on)\b|[^\W\d_]{{3,}}-(?:il|elle)\b)",
    re.IGNORECASE,
)
# After a speech verb's subject phrase, a name in apposition set off by a comma (`, dijo el ministro de Transportes,
# Luis Herrera.`, `a déclaré le maire de Lyon, Grégory Doucet`): two to four capitalised words, then the clause's end.
_APPOSED_NAME = re.compile(
    rf",[ \t]+(?P<n>[{_CAPITALS}][\w'’-]+(?:[ \t]+(?:de|da|del|di|van|von|le|la|[{_CAPITALS}][\w'’-]*)){{1,3}})"
    r"(?=[ \t]*(?:[.,;!?(]|$))"  # a party or an age in brackets may follow: ", Thomas de Maiziere (Cdu)"
)
# Before an opening mark: `X said: `, `X added that `, `He continued, `; ``g`` is what stands between the verb and
# the mark (`told reporters`, or the subject: `sagte er`).
_BEFORE = re.compile(
    rf"(?P<s>[^,.;:\"“”«»\n]{{1,70}}?)\s+(?P<v>{VERBS})\b(?P<g>[^.:\"“”«»\n]{{0,40}}?)(?:\s*[:,]|\s+{THAT})\s*$",
    re.IGNORECASE,
)
# "X was quoted (by Y) as saying", "Y quoted X as saying": the speaker is X; Y is only who reported it.
_SPAN = r"[^,.;:\"“”«»\n]{1,60}?"
_QUOTED_AS = (
    rf"(?:(?P<q1>{_SPAN})\s+(?:was|were|is|has\s+been|had\s+been)\s+quoted(?:\s+by\s+{_SPAN})?"
    rf"|(?:{_SPAN}\s+)?quoted\s+(?P<q2>{_SPAN}))\s+as\s+saying"
)
_QUOTED_AFTER = re.compile(rf"^[ \t,–—-]*{_QUOTED_AS}", re.IGNORECASE)
_QUOTED_BEFORE = re.compile(rf"{_QUOTED_AS}\s*[:,]?\s*$", re.IGNORECASE)
# "X, Russia's foreign minister, said: “…”", "X, who met Y in Geneva, said:": the name that opens the sentence, when
# what stands between the commas is an apposition (lower case or a possessive), not more names ("X, Y and Z said"),
# nor X quoting someone else ("X, quoting Y, said").
_APPOSITIVE = re.compile(
    rf"(?:^|[.!?]\s+|\n)(?P<s>[^,.;:\"“”«»\n]{{2,40}}?),\s+(?!quoting|citing|zitier|citant|citando|цитируя)"
    rf"(?:[a-zß-ÿа-яё]|\S+['’]s\s)[^.;:\"“”«»\n]{{0,80}}?,"
    rf"\s+(?:{VERBS})\b[^.:\"“”«»\n]{{0,40}}?[:,]\s*$"
)
# A headline's or an interview's `Lavrov: “…”`: a name alone before the colon, at the start of its line.
_HEADLINE = re.compile(r"(?:^|\n)[ \t]*(?P<s>[^\W\d_][^,.;:\"“”«»\n]{1,40}?)[ \t]*:[ \t]*$")
# A speech or appeal verb right before the opening mark, no colon: `Russia called "…"`, `She urged "…"`.
# Appeal verbs (en, de, fr, es, it, pt, ru, ar) join the speech verbs here only: "called" alone is too common
# to mark reported speech elsewhere.
_CALL = (
    r"called|calls|demanded|demands|appealed|rief|forderte|a appelé|appelle|pidió|llamó|exigió|"
    r"ha chiesto|chiese|pediu|exigiu|призвал|призвала|потребовал|دعا|طالب"
)
_BEFORE_BARE = re.compile(
    rf"(?P<s>[^,.;:\"“”«»\n]{{1,70}}?)\s+(?:{VERBS}|{_CALL})\s*$",
    re.IGNORECASE,
)
# Arabic, verb first: `وقالت رئيسة البنك كريستين لاغارد في مؤتمر صحفي: «…»`, `وأكد لافروف أن «…»`; the subject is
# what follows the verb, up to the first preposition (_ARABIC_AFTER_SUBJECT) or a word with li- ("للصحفيين").
_ARABIC_BEFORE = re.compile(
    rf"(?:^|[.!?؟؛\n])\s*(?:{_VERBS_AR})\s+(?P<s>[^.:;\"“”«»\n]{{1,120}}?)\s*(?::|\s(?:إن|أن|ان))?\s*$"
)
_ARABIC_AFTER_SUBJECT = word_set(
    "في خلال بعد قبل مع أمام على عن لدى عند إلى الى من منذ حول عبر أثناء اليوم أمس"
)
# "According to X, «…»" and its kin (align.ACCORDING, and Arabic بحسب): the quote is X's.
_ACCORDING = re.compile(
    rf"(?:{ACCORDING}|بحسب)\s+(?P<s>[^,.;:\"“”«»\n]{{2,60}}?)\s*[,:]\s*$",
    re.IGNORECASE,
)
# Pronouns that point back to the last speaker (en, de, fr, es, it, pt, ru, ar).
_PRONOUNS = word_set(
    "he she they it er sie il elle ils elles él ella ellos lui lei loro ele ela eles он она они هو هي"
)
# ... those that, opening a sentence, are its subject (not Italian "il", an article, nor object forms)
_SUBJECT_PRONOUNS = _PRONOUNS - {"il", "it", "lui", "loro"}
# ... those of one gender ("il" stands in for any implied speaker): "she said … he replied" are two people.
_GENDERS = dict.fromkeys(("he", "er", "él", "ele", "он", "هو"), "m") | dict.fromkeys(
    ("she", "elle", "ella", "lei", "ela", "она", "هي"), "f"
)
# Nouns for texts that speak for whoever issued them: the last speaker of the article.
_DOCUMENTS = word_set(
    "response reply document statement letter note text message communiqué declaration report "
    "antwort erklärung dokument réponse déclaration respuesta declaración documento risposta "
    "dichiarazione resposta declaração ответ заявление документ"
)
# Lower-case words inside names ("Luigi di Maio", "Bank of England", "Osama bin Laden").
_NAME_LINKS = word_set("of de del della di da do dos du la le van von bin ibn al el")
# Auxiliaries that end a passive subject ("Blinken was told by Lavrov"): that subject is who heard, not who spoke.
_PASSIVE = word_set("was were is are been being wurde wurden worden été fue fueron sido stato foi был была")
# Prepositions (en, de, fr, es, it, pt, ru, ar; "d’", "dell’" without their apostrophe): a name they govern, with
# its article and title between ("with US President Joe Biden", "avec le président américain Joe Biden"), is never
# its clause's subject.
_PREPOSITIONS = word_set(
    "with about for of from to by against between among without alongside like than after before since toward "
    "towards including in on at mit über für von vom zu zum zur bei beim gegen zwischen nach vor seit ohne neben "
    "laut avec pour de du des d à au aux par contre entre sur sans chez après avant depuis selon auprès con para "
    "del a al por sobre sin tras después ante según hacia per di della dei degli da dal dalla su sul tra fra "
    "contro senza dopo prima secondo dell all dall sull com do dos das ao pelo pela sem após segundo с со о об к "
    "от для против между без у при после перед по مع عن إلى من على بعد قبل خلال"
)
_DETERMINERS = word_set(
    "the a an his her their its der die das dem den des ein eine einem einer le la les l un une son sa ses leur "
    "el los las una su sus il lo gli i o os um uma seu sua"
)
_CAPS = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
# ... and what may stand between the preposition and the name besides articles and acronyms: a title, a capitalised
# word before it, a lower-case one after it ("Russian counterpart", "Secretary of State", "président américain");
# not any noun ("In his speech President Biden said": Biden is the subject).
_LOWER_ROLES = ROLE_WORD_END.pattern.removesuffix(r"\s+$")
_TITLE = re.compile(rf"(?:[{_CAPS}]\S*\s+)?(?:(?i:{ROLE.pattern})|{_LOWER_ROLES})(?:\s+[a-zß-ÿ]\S*)?")
_NAME_RUN = rf"[{_CAPS}][^\s,]*(?:\s+[{_CAPS}][^\s,]*)*"
# A list item before a name ("Biden, " or "Biden and " before "Macron"); a comma only joins a list that goes on to
# an "and" ("with Biden, Macron and Sunak, he"), not an apposition ("el presidente de Francia, Emmanuel Macron, dijo").
_LIST_LINK = re.compile(
    rf"(?P<name>[{_CAPS}][^\s,]*(?:\s+(?:[{_CAPS}][^\s,]*|{'|'.join(sorted(_NAME_LINKS))}))*?)"
    r"(?P<link>,|\s+(?:and|und|et|y|e|и|و))\s+$"
)
_LIST_GOES_ON = re.compile(rf"(?:\s*,\s*{_NAME_RUN})*\s*,?\s+(?:and|und|et|y|e|и|و)\s")
# A subordinate clause before the main one ("When Biden arrived, he said"), and after a name in it the main clause's
# own subject: after the clause's comma, a pronoun or a name, perhaps after the verb ("Als Biden ankam, sagte er").
_SUBORDINATE = re.compile(
    r"(?:when|as|while|although|though|once|until|because|if|whereas|als|während|wenn|weil|obwohl|nachdem|quand|"
    r"lorsque|alors|tandis|cuando|mientras|aunque|quando|mentre|enquanto|embora|когда|пока|хотя|عندما|بينما)\b",
    re.IGNORECASE,
)
_OWN_SUBJECT = re.compile(
    rf"[^,.;:!?\"“”«»\n]*,\s*(?:(?:{VERBS})\s+)?(?:(?:{'|'.join(sorted(_PRONOUNS))})\b|[{_CAPS}])"
)
_LEAD_WORDS = re.compile(r"^(?:and|but|also|then|und|et|y|e|и|و)\s+", re.IGNORECASE)
# Words that open a fronted clause ("In 2016, as …, Schwartz disavowed"; not a list: "He met Biden, Macron, Scholz").
_FRONTING = re.compile(
    r"(?:in|on|at|after|before|as|when|while|since|during|following|despite|although|though|once|until|by|with|"
    r"asked|speaking|dans|après|avant|alors|lorsque|quand|pendant|depuis|tras|después|antes|cuando|mientras|"
    r"durante|desde|nel|nella|dopo|prima|mentre|quando|im|am|nach|vor|als|während|seit|após|depois|enquanto|"
    r"после|перед|во\s+время|в\s+ходе|когда|بعد|قبل|خلال|عقب|\d{4})\b",
    re.IGNORECASE,
)
# A quote mark, not an apostrophe inside a word ("Trump’s", "l’armée").
_QUOTE_MARK = re.compile(r"[\"“”«»„`]|(?<![^\W\d_])['‘’]|['‘’](?![^\W\d_])")


def _arabic_subject(phrase: str) -> str:
    """The subject after an Arabic speech verb: its words up to a preposition, a time word or a li- word."""
    words = phrase.split()
    n = next(
        (i for i, w in enumerate(words) if w in _ARABIC_AFTER_SUBJECT or (i and w.startswith("لل"))),
        len(words),
    )
    return " ".join(words[:n])


def _is_name(words: Sequence[str]) -> bool:
    """Whether words read as a name: up to four capitalised words and name links ("Ana de Souza"), not a fronted
    phrase ("Am Montag", "In Berlin")."""
    return (
        len(words) <= 4
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in _NAME_LINKS for w in words)
        and not _FRONTING.fullmatch(words[0])
    )


def _governed(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is governed by a preposition ("talks with Biden", "Gesprächen mit dem
    Kanzler Scholz", "a friend of Carlos Ruiz"), or is a later item of a list that is ("with Biden, Macron and Sunak,
    he …", "mit Biden und Macron"): such a name is what its clause is about, never who speaks. ``text`` opens the
    name's clause."""
    while True:
        words = text[:start].split()
        for p in range(len(words) - 1, max(-1, len(words) - 6), -1):
            if words[p].endswith(","):
                break
            link = words[p] in _NAME_LINKS and p > 0 and words[p - 1][:1].isupper()
            if link and (p + 1 == len(words) or words[p + 1][:1].isupper()):
                continue  # inside a name or title: "Ana de Souza", "Secretary of State"
            if words[p].casefold().rstrip("'’") in _PREPOSITIONS:
                rest = " ".join(
                    m for m in words[p + 1 :] if not m.isupper() and m.casefold() not in _DETERMINERS
                )
                if not rest or _TITLE.fullmatch(rest):
                    return True
                break
        item = _LIST_LINK.search(text, 0, start)
        if item is None or (item.group("link") == "," and not _LIST_GOES_ON.match(text, end)):
            return False
        start, end = item.start("name"), item.end("name")
        while (cut := text.find(" ", start, end)) > 0 and text[start:cut].casefold() in _PREPOSITIONS:
            start = cut + 1  # "With Biden and Macron": the capitalised preposition opens the sentence


class Resolver:
    """The speakers of one article's statements, taken in the article's order: a direct quote's speaker read
    from around its marks (:meth:`attribute`), or a speaker phrase turned into an entity name (:meth:`resolve`),
    tracking the last speaker of the article for the pronouns and documents that speak for it."""

    def __init__(self, index: EntityIndex, mentions: Sequence[Mention], text: str = "") -> None:
        self.index = index
        self.text = text
        self.at = 0  # where the statement being resolved starts
        self.last_at = -1  # where the last speaker spoke
        self.mentions = sorted(((m.start, m.text) for m in mentions if m.start >= 0), key=lambda t: t[0])
        self.last: str | None = None
        self.ruled_out: set[str] = set()  # names governed in the sentence of the last pronoun looked up
        self.gender: str | None = None  # of the pronoun the last speaker was last named by

    def attribute(self, start: int, end: int, raw: str, lang: str | None) -> str | None:
        """The speaker of the direct quote at ``text[start:end]`` (``raw``: its words between the marks), read from
        the words around the marks in the article's language ``lang``: the first phrase found there that names a
        speaker (see the module docstring), None where none does."""
        text = self.text
        para_start = text.rfind("\n", 0, start) + 1
        following = text[end : end + 120]
        after = _AFTER.match(following)
        if after and after.group("s1") and raw.rstrip().endswith((".", "!", "?")):
            after = after if _SHORT_TAIL.match(following, after.end()) else None
        preceding = text[max(para_start, start - 200) : start]
        before = _BEFORE.search(preceding)
        while before and (nearer := _BEFORE.search(preceding, before.end("v"))):
            before = nearer  # the verb nearest the mark introduces it ("X said Y had told him: “…”")
        phrase = None
        if after:
            phrase = after.group("s1") or after.group("s2")
        speaker = None
        if after and after.group("s2"):
            # "dijo el ministro de Transportes, Luis Herrera": the name in apposition after the role is the speaker
            named = _APPOSED_NAME.match(following, after.end("s2"))
            if named:
                speaker = self.person(named.group("n"))
        if speaker is None and phrase:
            speaker = self.resolve(phrase, start)
        if speaker is None and not phrase and _AFTER_IMPLIED.match(text[end : end + 60]):
            speaker = self.resolve("il", start)  # as a pronoun would
        if speaker is None:
            cited = _AFTER_ACCORDING.match(text[end : end + 120])
            if cited and (cited.group("how").casefold() != "so" or lang == "de"):
                speaker = self.resolve(cited.group("s"), start)
        if speaker is None and ("quoted" in following or "quoted" in preceding):
            quoted = _QUOTED_AFTER.match(following) or _QUOTED_BEFORE.search(preceding)
            if quoted:
                speaker = self.resolve(quoted.group("q1") or quoted.group("q2"), start)
        if speaker is None and before:
            speaker = self.resolve(self.inverted(before) or before.group("s"), start)
        if speaker is None and (lang == "ar" or lang is None):
            vso = _ARABIC_BEFORE.search(text[max(para_start, start - 200) : start])
            if vso:
                speaker = self.resolve(_arabic_subject(vso.group("s")), start)
        if speaker is None:
            according = _ACCORDING.search(text[max(para_start, start - 100) : start])
            if according:
                speaker = self.resolve(according.group("s"), start)
        if speaker is None:
            bare = _BEFORE_BARE.search(text[max(para_start, start - 120) : start])
            if bare:
                speaker = self.resolve(bare.group("s"), start)
        if speaker is None:
            named = _APPOSITIVE.search(preceding) or _HEADLINE.search(preceding)
            speaker = self.person(named.group("s")) if named else None
        return speaker

    def resolve(self, phrase: str, at: int) -> str | None:
        """The speaker a phrase names for the statement that starts at ``at``, None where it names none."""
        self.at = at
        p = _LEAD_WORDS.sub("", phrase.strip())
        # "New York's chief medical examiner", "Obama's spokesman": the speaker is the head after the possessive,
        # not the name that qualifies it
        p = _POSSESSIVE_HEAD.split(p)[-1]
        words = p.split()
        if not words or len(words) > 8:
            return None
        low = [w.casefold().strip(".,") for w in words]
        if len(low) > 1 and low[-1] in _PASSIVE:
            return None  # "Blinken was (told by Lavrov)": a passive subject is who heard it
        # the pronoun right before the verb is the subject, whatever comes before it ("After talks with Biden he")
        if low[-1] in _PRONOUNS and (len(low) == 1 or low[-1] not in ("lui", "loro")):
            subject, gender = self.subject_before(at), _GENDERS.get(low[-1])
            if subject is not None and (self.last is None or subject[1] > self.last_at):
                speaker: str | None = self._speak(subject[0])  # someone new has become the subject since then
            elif (gender and self.gender and gender != self.gender) or self.last in self.ruled_out:
                # not the last speaker: "she said … he replied", "“…,” X said. After talks with X, he said: “…”"
                return None
            else:
                speaker = self.last
            self.gender = gender or self.gender
            return speaker
        named, dependent = self._named(p)
        if named:
            return self._speak(named)
        if dependent:
            return None  # "a friend of Carlos Ruiz", "a spokesman for Putin": not the person it names
        if any(w in _DOCUMENTS for w in low[-2:]):
            return self.last
        if words[0][:1].islower() or low[0] in ("the", "a", "an"):
            offsets, joined = list(accumulate((len(w) + 1 for w in words), initial=0)), " ".join(words)
            for i in range(len(low) - 1, -1, -1):
                # a role that a preposition governs names a body ("a spokesman for the ministry"), never a person
                # ("a friend of the minister")
                role = self._role(low[i], at, persons=not _governed(joined, offsets[i], offsets[i + 1] - 1))
                if role:
                    return self._speak(role)
            # "o presidente Lula", "le ministre Dupont": a name after a lower-case role word is the speaker
            n = len(words)
            while n > 0 and words[n - 1][:1].isupper():
                n -= 1
            if 0 < n < len(words) <= n + 4 and ROLE_WORD_END.search(" ".join(words[:n]) + " "):
                return self._speak(" ".join(words[n:]))
            return None
        # An unknown speaker is named only by a name: capitalised words and name links ("Ana de Souza"), not a
        # clause ("This isn't to say that …", "En aquel momento …").
        return self._speak(p) if _is_name(words) else None

    def subject_before(self, at: int) -> tuple[Entity, int] | None:
        """The person who is the subject of a sentence shortly before ``at`` (and where it is named): whom a pronoun
        speaks for ("Lavrov spoke in Moscow. “…,” he said."). Only a person who opens a sentence counts (within its
        first words, no other name before it, or right after a fronted clause: "In 2016, as X's rise continued,
        Schwartz …"); a name further in is seldom who speaks next ("… said Hartley …"). Never a name a preposition
        governs ("After talks with Biden, Macron and Sunak, he …") nor one inside a fronted subordinate clause when the
        main clause has its own subject ("When Biden arrived, he said"): that sentence is about them, not theirs."""
        self.ruled_out = set()
        end = bisect.bisect_left(self.mentions, (at, ""))
        for n in range(end - 1, -1, -1):
            start, text = self.mentions[n]
            if at - start > SUBJECT_WINDOW:
                break
            opening = _SENTENCE_BREAK.split(self.text[max(0, start - 80) : start])[-1]
            origin = start - len(opening)
            clause = self.text[origin : start + len(text) + 200]
            # names in the opening that could be its subject
            others = [
                (s, t)
                for s, t in self.mentions[bisect.bisect_left(self.mentions, (origin, "")) : n]
                if s < start and not _governed(clause, s - origin, s - origin + len(t))
            ]
            # A fronted clause before the subject ends in a comma: "In 2016, as Trump's rise continued, Schwartz …"
            fronted = (
                opening.rstrip().endswith(",")
                and bool(_FRONTING.match(opening.lstrip()))
                and not any(  # a list of names ("Biden, Macron, Scholz, he …") is no fronted clause
                    not _POSSESSIVE_AFTER.match(self.text, s + len(t)) for s, t in others
                )
            )
            if _governed(clause, len(opening), len(opening) + len(text)) or (
                not fronted
                and _SUBORDINATE.match(opening.lstrip())
                and _OWN_SUBJECT.match(self.text, start + len(text))
            ):
                entity = self.index.lookup(text)
                if entity is not None and not _SENTENCE_BREAK.search(self.text[start:at].rstrip(" \t:,")):
                    self.ruled_out.add(entity.name)  # in the sentence that introduces the quote
                continue
            if (len(opening.split()) > SUBJECT_WORDS and not fronted) or _QUOTE_MARK.search(opening):
                continue  # too far into its sentence, or inside a quote
            if not fronted and others:
                continue  # another name opens the sentence ("Michael Fitton, defending, said Hartley …")
            if _POSSESSIVE_AFTER.match(self.text, start + len(text)):
                continue  # "Bloomberg’s presence …": the name qualifies the subject, it is not the subject
            if not fronted and any(w.casefold().strip(",") in _SUBJECT_PRONOUNS for w in opening.split()):
                continue  # "She compares him to Trump": a pronoun is the subject; it names someone before
            entity = self.index.lookup(text)
            if entity is not None and entity.type == "PERSON":
                return entity, start
        return None

    def inverted(self, before: re.Match[str]) -> str | None:
        """The subject that follows the speech verb of a `_BEFORE` match, where it stands there: a pronoun in any
        language ("…, sagte er:"); a name or role only after a verb of a language that puts it there, and when
        what comes before the verb is a fronted phrase with no subject of its own ("Am Montag sagte Olaf Scholz:",
        "Nach dem Treffen mit Biden sagte der Kanzler:"). None: the subject is before the verb."""
        words, s = before.group("g").split(), before.group("s").strip()
        if not words:
            return None
        if words[0].casefold().strip(",") in _SUBJECT_PRONOUNS:
            return words[0]
        english = _ENGLISH_VERB.fullmatch(before.group("v"))
        if english or not _FRONTING.match(s) or self._named(s)[0] is not None:
            return None
        n = next((i for i, w in enumerate(words) if w.casefold() in _PREPOSITIONS), len(words))
        return " ".join(words[:n]) or None  # "Olaf Scholz in Berlin": up to the place or time

    def person(self, phrase: str) -> str | None:
        """The phrase's speaker only where it is a name, of a person of the story (a headline's "Lavrov:")."""
        entity = self.index.lookup(phrase) if _is_name(phrase.split()) else None
        return self._speak(entity) if entity is not None and entity.type == "PERSON" else None

    def _speak(self, entity_or_name: Entity | str) -> str:
        name = entity_or_name if isinstance(entity_or_name, str) else entity_or_name.name
        # a pronoun refers to a person or a body
        if isinstance(entity_or_name, str) or entity_or_name.type in ("PERSON", "ORG", "OTHER"):
            self.last, self.last_at, self.gender = name, self.at, None
        return name

    def _named(self, phrase: str) -> tuple[Entity | None, bool]:
        """The entity the phrase names as its subject: the one named last (nearest the verb) that no preposition
        governs ("Maria Lopez in Madrid", "Macron après un entretien avec Joe Biden"), else the first body or place
        that one does ("a spokesman for the Ministry of Health"). Never a nationality ("the Russian"). The flag says
        that a person (or a name of no known type) is named only after a preposition ("a friend of Carlos Ruiz"):
        someone else speaks."""
        words = phrase.split()
        offsets, joined = list(accumulate((len(w) + 1 for w in words), initial=0)), " ".join(words)
        hit = self.index.lookup(phrase)
        n = len(words)  # where the name the lookup went by (the phrase's last words) begins
        while n > 0 and words[n - 1][:1].isupper():
            n -= 1
        if hit and (
            n == 0 or (words[n - 1] not in _NAME_LINKS and not _governed(joined, offsets[n], len(joined)))
        ):
            return (hit if hit.type != "NORP" else None), False
        # the folded tokens and the word each comes from ("–" folds to none, "O'Neil" to two)
        tokens = [(i, t) for i, w in enumerate(words) for t in fold_key(w).split()]
        token_word = [i for i, _ in tokens]
        folded = f" {' '.join(t for _, t in tokens)} "
        found = []  # (first word, last word, end in the folded phrase, its length, entity)
        for e in self.index.entities:
            for v in e.variants if e.type != "NORP" else ():
                fv = fold_key(v)
                at = folded.rfind(f" {fv} ")
                if len(fv) >= 3 and at >= 0:
                    k = folded.count(" ", 0, at)  # the folded word the variant starts at
                    found.append(
                        (token_word[k], token_word[k + len(fv.split()) - 1], at + len(fv), len(fv), e)
                    )
        ends = {j for _, j, _, _, _ in found}
        free: tuple[int, int, Entity] | None = None
        bound: tuple[int, Entity] | None = None
        dependent = False
        for i, j, end, size, e in found:
            # "of" between two names the story knows apart is no name link: "said Joe Biden of Putin"
            if _governed(joined, offsets[i], offsets[j + 1] - 1) or (
                i > 1 and i - 2 in ends and words[i - 1] in _NAME_LINKS
            ):
                dependent = dependent or e.type not in ("ORG", "GPE")  # a person, or perhaps one
                bound = (i, e) if bound is None or i < bound[0] else bound
            elif free is None or (end, size) > (free[0], free[1]):
                free = (end, size, e)
        if free:
            return free[2], False
        return (bound[1] if bound and not dependent else None), dependent

    def _role(self, word: str, at: int, persons: bool = True) -> Entity | None:
        """The entity whose name holds a role word: named earlier in the article, else the story's main one (a body,
        not a person, unless ``persons``)."""
        if len(word) < 4:
            return None
        pool = [e for e in self.index.entities if e.type != "NORP" and (persons or e.type != "PERSON")]
        cands = [e for e in pool if any(word in fold_key(v).split() for v in e.variants)]
        if not cands:
            return self._titled(word, at) if persons else None
        seen_here = {fold_key(t) for s, t in self.mentions if s < at}
        here = [e for e in cands if any(fold_key(v) in seen_here for v in e.variants)]
        pool = here or cands
        return max(pool, key=lambda e: (len(e.articles), e.mentions))

    def _titled(self, word: str, at: int) -> Entity | None:
        """The person last named with this title before ``at`` ("Kanzler Olaf Scholz" … "sagte der Kanzler",
        "il premier Mario Draghi" … "ha detto il premier"): how the news names a speaker again by role."""
        end = bisect.bisect_left(self.mentions, (at, ""))
        for start, text in reversed(self.mentions[:end]):
            before = self.text[max(0, start - 40) : start].casefold().split()
            if before and before[-1].strip(",") == word:
                entity = self.index.lookup(text)
                if entity is not None and entity.type == "PERSON":
                    return entity
        return None
