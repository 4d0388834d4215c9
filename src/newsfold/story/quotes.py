"""Quotes of a story with their speakers: direct quotes, reported speech, one entry per statement.

Direct quotes are spans between quotation marks (“…”, «…», „…“, "…"), across paragraph breaks too. The
speaker is read from the words around the marks: `“…,” X said`, `“…,” said X`, `X said: “…”`, `X added that “…”`,
`“…”, according to X` (German `„…“, so X`).
Reported speech (`X added that …`) is kept as a paraphrase (``exact: false``). A speaker written as a pronoun
("she", "he") is the last person or organisation that spoke in the article; a role ("the ministry", "a
spokesman for the department") is the entity of the story whose name holds that word; a document ("the
response", "the statement") speaks for the last speaker. Speakers that are entities are named as the entity.

The same statement in several articles is one quote citing them all. It is ``exact: true`` only when its text
appears word for word (quote marks and spacing aside) in every article it cites; otherwise ``exact: false``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsfold.models import Article
from newsfold.story.align import ACCORDING, stems
from newsfold.story.entities import Entity, EntityIndex, Mention, fold_key
from newsfold.story.recognise import ROLE_WORD_END
from newsfold.textnorm import word_set

# A pronoun with no speaker before it speaks for a person who opens a sentence (within its first SUBJECT_WORDS
# words) at most SUBJECT_WINDOW characters before the quote (set by reading extraction-dev's quotes).
SUBJECT_WORDS = 5
SUBJECT_WINDOW = 400
_SENTENCE_BREAK = re.compile(r"[.!?:»”\"\n]\s")
# A sentence end (after a closing quote mark, if any) before a quote or a capital that opens the next sentence.
_NEXT_SENTENCE = re.compile(r"[.!?](?=[\"”»’']?\s+[\"“«„A-ZÀ-Þ])")
REPORTED_MIN_CHARS = 12  # a reported clause is at least this long before a sentence end can close it ("U.S.")
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?![^\W\d_])")
_POSSESSIVE_HEAD = re.compile(r"(?<=[^\W\d_])['’]s\s+(?=[^\W\d_])")
# Quotes shorter than this many words are scare quotes or titles ("kicked", "Russia Today"), not statements.
MIN_QUOTE_WORDS = 6
# Two quotes of one speaker are one statement when this share of the shorter one's stems is in the other
# (paraphrase, translation); without a shared speaker the bar is higher. Set by reading the seeds' quotes.
SAME_SPEAKER_OVERLAP = 0.6
ANY_SPEAKER_OVERLAP = 0.75
# ... and hold at least this share of the longer one's stems (set by reading the seeds' merged quotes: a
# one-line reply must not join a ten-line statement that shares the story's topic words).
MIN_LONGER_SHARE = 0.5
SAME_SPEAKER_LONGER = 0.4
# Speech verbs, by language (en, de, fr, es, it, pt, ru, ar); past and present forms.
_VERBS = (
    r"said|says|say|added|adds|stressed|stresses|told|tells|explained|noted|continued|warned|declared|"
    r"stated|announced|affirmed|insisted|emphasi[sz]ed|argued|wrote|asked|replied|confirmed|indicated|"
    r"underlined|pointed out|concluded|urged|promised|assured|"
    r"sagte|sagt|erklärte|betonte|fügte|schrieb|"
    r"a déclaré|a dit|a ajouté|a souligné|a expliqué|a affirmé|déclare|affirme|"
    r"dijo|afirmó|declaró|añadió|agregó|señaló|explicó|subrayó|"
    r"ha detto|ha dichiarato|ha aggiunto|ha spiegato|ha sottolineato|ha affermato|dice|"
    r"disse|afirmou|declarou|acrescentou|explicou|destacou|"
    r"сказал|сказала|заявил|заявила|отметил|отметила|добавил|добавила|подчеркнул|подчеркнула|"
    r"قال|وقال|أضاف|وأضاف|أكد|وأكد|صرح"
)
_THAT = r"(?:that|dass|que|che|что|أن)"
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
# Words that end a speaker named after the verb (`, said Lavrov in Moscow`): prepositions of time and place in en,
# de, fr, es, it, pt, ru, ar.
_AFTER_SPEAKER = (
    r"at|in|on|to|after|during|am|im|bei|nach|vor|auf|à|au|aux|en|lors|dans|devant|durante|tras|ante|nel|nella|"
    r"al|dopo|davanti|em|na|no|nas|nos|ao|após|в|во|на|после|في|خلال|بعد"
)
# After a closing mark: `, X said` or `, said X` up to the end of the clause.
_AFTER = re.compile(
    rf"^[ \t,.;:–—-]*(?:(?P<s1>[^\s,.;:\"“”«»][^,.;:\"“”«»\n]{{0,60}}?)\s+(?:{_VERBS})\b(?![ \t]*[:“\"«])"
    rf"|(?:{_VERBS})\s+(?P<s2>[^,.;:\"“”«»\n]{{2,60}}?)(?=[,.;]|\s+(?:{_AFTER_SPEAKER})\b|$))",
    re.IGNORECASE,
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
    rf"^[ \t]*,?[ \t]*[–—-]?[ \t]*(?:(?:{_VERBS})[ \t]*(?=[.;!?]|$)"
    rf"|a-t-(?:il|elle|on)[ \t]+[^\W\d_]+|[^\W\d_]+-t-(?:il|elle|on)\b|[^\W\d_]{{3,}}-(?:il|elle)\b)",
    re.IGNORECASE,
)
# Before an opening mark: `X said: `, `X added that `, `He continued, `.
_BEFORE = re.compile(
    rf"(?P<s>[^,.;:\"“”«»\n]{{1,70}}?)\s+(?:{_VERBS})\b[^.:\"“”«»\n]{{0,40}}?(?:\s*[:,]|\s+{_THAT})\s*$",
    re.IGNORECASE,
)
# A speech or appeal verb right before the opening mark, no colon: `Russia called "…"`, `She urged "…"`.
# Appeal verbs (en, de, fr, es, it, pt, ru, ar) join the speech verbs here only: "called" alone is too common
# to mark reported speech elsewhere.
_CALL = (
    r"called|calls|demanded|demands|appealed|rief|forderte|a appelé|appelle|pidió|llamó|exigió|"
    r"ha chiesto|chiese|pediu|exigiu|призвал|призвала|потребовал|دعا|طالب"
)
_BEFORE_BARE = re.compile(
    rf"(?P<s>[^,.;:\"“”«»\n]{{1,70}}?)\s+(?:{_VERBS}|{_CALL})\s*$",
    re.IGNORECASE,
)
# "According to X, «…»" and its kin (align.ACCORDING, and Arabic بحسب): the quote is X's.
_ACCORDING = re.compile(
    rf"(?:{ACCORDING}|بحسب)\s+(?P<s>[^,.;:\"“”«»\n]{{2,60}}?)\s*[,:]\s*$",
    re.IGNORECASE,
)
# Reported speech: found by its anchor (`said that`); the speaker is the clause before it, the statement the
# rest of the sentence. Anchored search keeps it linear in the text's length.
_REPORTED = re.compile(
    rf"[ \t](?:{_VERBS})[ \t]+(?:[^.,;:\n\"“”«»]{{0,25}}?[ \t]+)?{_THAT}[ \t]+", re.IGNORECASE
)
_CLAUSE_START = re.compile(r"[.,;:!?\n\"“”«»][^.,;:!?\n\"“”«»]*$")
_CLAUSE_END = re.compile(r"^[^\"“”«»\n]{20,400}?[.!?](?=\s|$)")
# Pronouns that point back to the last speaker (en, de, fr, es, it, pt, ru, ar).
_PRONOUNS = word_set(
    "he she they it er sie il elle ils elles él ella ellos lui lei loro ele ela eles он она они هو هي"
)
# ... those that, opening a sentence, are its subject (not Italian "il", an article, nor object forms)
_SUBJECT_PRONOUNS = _PRONOUNS - {"il", "it", "lui", "loro"}
# Nouns for texts that speak for whoever issued them: the last speaker of the article.
_DOCUMENTS = word_set(
    "response reply document statement letter note text message communiqué declaration report "
    "antwort erklärung dokument réponse déclaration respuesta declaración documento risposta "
    "dichiarazione resposta declaração ответ заявление документ"
)
# Lower-case words inside names ("Luigi di Maio", "Bank of England", "Osama bin Laden").
_NAME_LINKS = word_set("of de del della di da do dos du la le van von bin ibn al el")
_LEAD_WORDS = re.compile(r"^(?:and|but|also|then|und|et|y|e|и|و)\s+", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"“”«»„‘’'`]")
# Words that open a fronted clause ("In 2016, as …, Schwartz disavowed"; not a list: "He met Biden, Macron, Scholz").
_FRONTING = re.compile(
    r"(?:in|on|at|after|before|as|when|while|since|during|following|despite|although|though|once|until|by|"
    r"dans|après|avant|alors|lorsque|quand|pendant|depuis|tras|después|antes|cuando|mientras|durante|desde|"
    r"nel|nella|dopo|prima|mentre|im|am|nach|vor|als|während|seit|\d{4})\b",
    re.IGNORECASE,
)
# A quote mark, not an apostrophe inside a word ("Trump’s", "l’armée").
_QUOTE_MARK = re.compile(r"[\"“”«»„`]|(?<![^\W\d_])['‘’]|['‘’](?![^\W\d_])")


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


def _is_name(words: Sequence[str]) -> bool:
    """Whether words read as a name: up to four capitalised words and name links ("Ana de Souza")."""
    return (
        len(words) <= 4 and words[0][:1].isupper() and all(w[:1].isupper() or w in _NAME_LINKS for w in words)
    )


class _Resolver:
    """Turns a speaker phrase into an entity name, tracking the last speaker of the article."""

    def __init__(self, index: EntityIndex, mentions: Sequence[Mention], text: str = "") -> None:
        self.index = index
        self.text = text
        self.at = 0  # where the statement being resolved starts
        self.last_at = -1  # where the last speaker spoke
        self.mentions = sorted(((m.start, m.text) for m in mentions if m.start >= 0), key=lambda t: t[0])
        self.last: str | None = None

    def resolve(self, phrase: str, at: int) -> str | None:
        self.at = at
        p = _LEAD_WORDS.sub("", phrase.strip())
        # "New York's chief medical examiner", "Obama's spokesman": the speaker is the head after the possessive,
        # not the name that qualifies it
        p = _POSSESSIVE_HEAD.split(p)[-1]
        words = p.split()
        if not words or len(words) > 8:
            return None
        low = [w.casefold().strip(".,") for w in words]
        if len(low) == 1 and low[0] in _PRONOUNS:
            subject = self.subject_before(at)
            if subject is not None and (self.last is None or subject[1] > self.last_at):
                return self._speak(subject[0])  # someone new has become the subject since the last speaker
            return self.last
        named = self._named(p)
        if named:
            return self._speak(named)
        if any(w in _DOCUMENTS for w in low[-2:]):
            return self.last
        if words[0][:1].islower() or low[0] in ("the", "a", "an"):
            for w in reversed(low):
                role = self._role(w, at)
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
        Schwartz …"); a name further in is seldom who speaks next ("… said Hartley …")."""
        end = bisect.bisect_left(self.mentions, (at, ""))
        for n in range(end - 1, -1, -1):
            start, text = self.mentions[n]
            if at - start > SUBJECT_WINDOW:
                break
            opening = _SENTENCE_BREAK.split(self.text[max(0, start - 80) : start])[-1]
            # A fronted clause before the subject ends in a comma: "In 2016, as Trump's rise continued, Schwartz …"
            fronted = (
                opening.rstrip().endswith(",")
                and bool(_FRONTING.match(opening.lstrip()))
                and not any(  # a list of names ("After talks with Biden, Macron, Scholz, he …") is no fronted clause
                    start - len(opening) <= s < start and not _POSSESSIVE_AFTER.match(self.text, s + len(t))
                    for s, t in self.mentions
                )
            )
            if (len(opening.split()) > SUBJECT_WORDS and not fronted) or _QUOTE_MARK.search(opening):
                continue  # too far into its sentence, or inside a quote
            if not fronted and n > 0 and self.mentions[n - 1][0] >= start - len(opening):
                continue  # another name opens the sentence ("Michael Fitton, defending, said Hartley …")
            if _POSSESSIVE_AFTER.match(self.text, start + len(text)):
                continue  # "Bloomberg’s presence …": the name qualifies the subject, it is not the subject
            if not fronted and any(w.casefold().strip(",") in _SUBJECT_PRONOUNS for w in opening.split()):
                continue  # "She compares him to Trump": a pronoun is the subject; it names someone before
            entity = self.index.lookup(text)
            if entity is not None and entity.type == "PERSON":
                return entity, start
        return None

    def _speak(self, entity_or_name: Entity | str) -> str:
        if isinstance(entity_or_name, str):
            self.last, self.last_at = entity_or_name, self.at
            return entity_or_name
        if entity_or_name.type in ("PERSON", "ORG", "OTHER"):  # a pronoun refers to a person or a body
            self.last, self.last_at = entity_or_name.name, self.at
        return entity_or_name.name

    def _named(self, phrase: str) -> Entity | None:
        """The entity named last in the phrase (the one nearest the verb), if any."""
        hit = self.index.lookup(phrase)
        if hit:
            return hit
        best: tuple[int, int, Entity] | None = None
        folded = f" {fold_key(phrase)} "
        for e in self.index.entities:
            for v in e.variants:
                fv = fold_key(v)
                if len(fv) < 3:
                    continue
                at = folded.rfind(f" {fv} ")
                if at >= 0 and (best is None or (at + len(fv), len(fv)) > (best[0], best[1])):
                    best = (at + len(fv), len(fv), e)
        return best[2] if best else None

    def _role(self, word: str, at: int) -> Entity | None:
        """The entity whose name holds a role word: named earlier in the article, else the story's main one."""
        if len(word) < 4:
            return None
        cands = [e for e in self.index.entities if any(word in fold_key(v).split() for v in e.variants)]
        if not cands:
            return self._titled(word, at)
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


def _article_quotes(art: Article, index: EntityIndex, mentions: Sequence[Mention]) -> list[_Found]:
    text = art.text
    resolver = _Resolver(index, mentions, text)
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
            speaker = resolver.resolve(m[0], start)
            clause = _clean(m[1])
            if speaker and len(clause.split()) >= MIN_QUOTE_WORDS:
                out.append(_Found(speaker, clause, False, art.key, start))
            continue
        inner = _clean(next(g for g in m.groups() if g is not None))
        para_start = text.rfind("\n", 0, m.start()) + 1
        after = _AFTER.match(text[m.end() : m.end() + 120])
        before = _BEFORE.search(text[max(para_start, m.start() - 200) : m.start()])
        phrase = None
        if after:
            phrase = after.group("s1") or after.group("s2")
        speaker = resolver.resolve(phrase, start) if phrase else None
        if speaker is None and not phrase and _AFTER_IMPLIED.match(text[m.end() : m.end() + 60]):
            speaker = resolver.resolve("il", start)  # as a pronoun would
        if speaker is None:
            cited = _AFTER_ACCORDING.match(text[m.end() : m.end() + 120])
            if cited and (cited.group("how").casefold() != "so" or art.lang == "de"):
                speaker = resolver.resolve(cited.group("s"), start)
        if speaker is None and before:
            speaker = resolver.resolve(before.group("s"), start)
        if speaker is None:
            according = _ACCORDING.search(text[max(para_start, m.start() - 100) : m.start()])
            if according:
                speaker = resolver.resolve(according.group("s"), start)
        if speaker is None:
            bare = _BEFORE_BARE.search(text[max(para_start, m.start() - 120) : m.start()])
            if bare:
                speaker = resolver.resolve(bare.group("s"), start)
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
