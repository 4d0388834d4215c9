"""The model-free name recogniser for Arabic, which writes no capitals: names are read from the words around them.

Arabic news names a person the first time with a title and a description ("وزير الخارجية الروسي سيرغي لافروف",
"رئيسة البنك كريستين لاغارد") and then by the surname alone after a verb ("وقال لافروف"). So:

- a **person** is the name after a role word, past the words that describe the role (the ``al-`` words of its
  ministry and nationality, ``باسم`` and whom one speaks for: "المتحدث باسم الكرملين دميتري بيسكوف"), or a name
  after a speech verb that opens with a common given name (``data/given_names.txt``); a name found so is then also
  found anywhere in the story's Arabic texts, and so is its last word alone ("لاغارد");
- an **organisation** is an organisation word and the ``al-`` words that describe it ("البنك المركزي الأوروبي",
  "وزارة الخارجية الروسية", "مجلس الأمن الدولي"), or an agency or newspaper word and its name ("وكالة تاس");
- a **place** is a country, region or city name of the CLDR data in Arabic (``gazetteer.place_names``), with the
  conjunctions and prepositions Arabic writes onto the word ("وموسكو", "بروسيا", "للولايات المتحدة").

A name's words stop at a stop word, a preposition, a number, punctuation or another role word. A surname with the
article ("بشار الأسد", "عبد الفتاح السيسي") is taken only after an Arabic given name, since a Western name is
followed by its nationality ("كريستين لاغارد الفرنسية"). The lists are short and generic (roles, organisation
words, speech verbs); extend them freely. Used by :func:`newsfold.story.recognise.fallback_mentions`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache

from newsfold import textnorm
from newsfold.story.gazetteer import is_given_name, place_names

# An Arabic word (letters, marks and tatweel inside).
_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3][\u0621-\u063a\u0640-\u065f\u0670-\u06d3]*")
# What ends a name: punctuation, quotes, brackets, digits (Arabic or not) and line breaks between two words.
_BREAK = re.compile(r"[^\s\u0621-\u063a\u0640-\u065f\u0670-\u06d3]")
# One-letter proclitics written onto a word: the conjunctions wa- and fa-, the prepositions bi-, li-, ka-.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")

_NORM = textnorm.normalize_token


def _set(text: str) -> frozenset[str]:
    """A word list written as one string, each word normalised as the text's words are."""
    return frozenset(_NORM(w) for w in text.split())


# Role words and titles (normalised as textnorm.normalize_token does: alef forms unified, ta marbuta as ha).
ROLES = _set(
    "رئيس رئيسة الرئيس الرئيسة وزير وزيرة الوزير الوزيرة نائب نائبة النائب النائبة المتحدث المتحدثة متحدث "
    "متحدثة الناطق الناطقة ناطق السفير السفيرة سفير سفيرة الأمين أمين المستشار المستشارة مستشار الملك الملكة "
    "الأمير الأميرة الشيخ نظيره نظيرته نظيرها محافظ المحافظ محافظة المبعوث مبعوث المبعوثة المندوب مندوب "
    "المندوبة قائد القائد زعيم الزعيم زعيمة الجنرال العقيد اللواء العميد الفريق المشير الدكتور الدكتورة "
    "السيد السيدة مدير مديرة المدير المديرة المرشح المرشحة مرشح المدعي القاضي القاضية الوزيران رئيسا "
    "المحامي المحامية الطبيب الطبيبة الخبير الخبيرة المحلل المحللة الصحفي الصحفية الكاتب الكاتبة الباحث الباحثة "
    "المدرب اللاعب الفنان الفنانة الناشط الناشطة المعارض المعارضة الأسير"
)
# Words that describe a role between it and the name without the article: the ministry's domain, "of the
# ministers", "the general" ("وزير خارجية روسيا", "رئيس وزراء إسرائيل", "الأمين العام").
_ROLE_DOMAINS = _set(
    "خارجية دفاع داخلية مالية عدل صحة تعليم اقتصاد طاقة نفط إعلام خزانة تجارة زراعة نقل عمل شؤون وزراء مجلس "
    "حكومة دولة جمهورية مملكة إمارة بلدية حزب حركة جبهة جيش قوات شركة بنك مصرف صندوق منظمة لجنة هيئة وكالة "
    "جامعة محكمة برلمان إدارة مكتب"
)
# "On behalf of" after a spokesman: what follows names whom he speaks for, not him.
_ON_BEHALF = _set("باسم")
# Organisation words: with the al- words after them they name an organisation.
_ORG_HEADS = _set(
    "وزارة الوزارة بنك البنك مصرف المصرف مجلس المجلس منظمة المنظمة حزب الحزب شركة الشركة جامعة الجامعة لجنة "
    "اللجنة وكالة الوكالة اتحاد الاتحاد حلف الحلف صندوق الصندوق محكمة المحكمة برلمان البرلمان جيش الجيش حركة "
    "الحركة مكتب المكتب هيئة الهيئة جبهة الجبهة قوات القوات الأمم جماعة الجماعة مؤسسة المؤسسة رابطة الرابطة "
    "مركز المركز معهد المعهد"
)
# Organisations named by one word.
_ORG_ALONE = _set("الكرملين الكونغرس البنتاغون الناتو الكنيست يوروستات اليونسكو اليونيسف الإليزيه")
# Agencies, newspapers and channels: the word after them is their name even without the article.
_MEDIA = _set("وكالة وكالات صحيفة صحيفتا قناة مجلة موقع إذاعة")
# Speech verbs (past, masculine and feminine; wa- and fa- are taken off before the lookup).
SPEECH_VERBS = _set(
    "قال قالت أكد أكدت أضاف أضافت أعلن أعلنت صرح صرحت أوضح أوضحت شدد شددت أشار أشارت حذر حذرت اعتبر اعتبرت "
    "رأى رأت ذكر ذكرت كشف كشفت نفى نفت تابع تابعت أفاد أفادت دعا دعت طالب طالبت اتهم اتهمت أبلغ أبلغت وصف وصفت"
)
# Words that never open or continue a name besides the stop words: prepositions, particles, pronouns, common
# subjects of speech verbs ("قال مسؤول", "قالت مصادر") and time words.
_NOT_NAME = _set(
    "إن أن ان إنه أنه انه إنها أنها لقد قد ضد إلى الى على عن في من مع منذ خلال بعد قبل عند لدى نحو حول عبر "
    "بين تحت فوق أمام وراء دون غير سوى حتى لكن بل أو أم ثم كما إذا لو لا لم لن ما هو هي هم هن هذا هذه ذلك "
    "تلك الذي التي الذين اللذين اللتين يوم أمس اليوم غدا صباح مساء ليلة عام سنة شهر أسبوع مسؤول مسؤولة "
    "مسؤولون مسؤولين مصدر مصادر بيان تقرير شهود سكان خبراء خبير محللون محلل مراسل مراسلنا دبلوماسي "
    "دبلوماسيون مصدرا متحدثا عدد بعض كل جميع أحد إحدى"
)
# Western given names as Arabic writes them (Arabic ones are in data/given_names.txt): a name after a speech verb
# that opens with one is a person's. Extend freely; leave out common words ("جو" is also "air").
_TRANSLITERATED = _set(
    "دونالد فلاديمير سيرغي سيرجي أنتوني أنطوني إيمانويل أولاف كريستين بوريس ريشي كامالا هيلاري باراك جون مايك "
    "أنجيلا ديمتري دميتري فولوديمير ناريندرا بنيامين يائير أنطونيو جوزيب أورسولا تشارلز إيلون تيريزا جورج روبرت "
    "بيتر ماريو أليكسي ميخائيل نيكولا نيكولاس ريتشارد ويليام وليام جيمس مايكل ستيفن ألكسندر ماريا جوزيف"
)
# Words inside a name that another word must follow ("عبد الله", "محمد بن سلمان", "أبو مازن").
_LINKS = _set("عبد بن ابن أبو أبي")
# Words with the article that end a name or an organisation's description: time words ("اليوم الثلاثاء": today,
# Tuesday), weekdays, and "the past / the coming" ("الأسبوع الماضي").
_TIME_WORDS = _set(
    "اليوم الأمس غدا الماضي الماضية المقبل المقبلة القادم القادمة الحالي الحالية الجاري الجارية الأحد الاثنين "
    "الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت صباح مساء فجر ظهر"
)
# Words for a region, a city or an island before its name ("منطقة جازان", "محافظة إدلب", "مدينة حلب"): with the name
# after them they are a place the CLDR list may lack.
_REGION_WORDS = _set("منطقة محافظة مدينة ولاية إقليم جزيرة قرية بلدة مخيم ميناء")
# The longest names taken (words), and the longest description skipped between a role and its name.
NAME_WORDS = 3
DESCRIPTION_WORDS = 6


@cache
def _places() -> frozenset[str]:
    """The CLDR place names in Arabic script, each word normalised."""
    return frozenset(
        " ".join(_NORM(w) for w in name.split())
        for name in place_names()
        if any("\u0600" <= c <= "\u06ff" for c in name)
    )


@cache
def _place_sizes() -> dict[str, tuple[int, ...]]:
    """For each first word of a place name, the numbers of words of the names it opens, longest first."""
    sizes: dict[str, set[int]] = {}
    for name in _places():
        words = name.split()
        sizes.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()}


@cache
def _stop() -> frozenset[str]:
    return textnorm.stopwords("ar") | _NOT_NAME


@cache
def _normal(word: str) -> str:
    return _NORM(word)


@cache
def _openers() -> frozenset[str]:
    """Every word a place or an organisation's name starts with."""
    return frozenset(_place_sizes()) | _ORG_HEADS | _ORG_ALONE | _MEDIA


def _is(word: str, words: frozenset[str]) -> bool:
    """Whether a normalised word is one of ``words``, as it is or with a conjunction written onto it ("وقال")."""
    return word in words or (len(word) > 3 and word[0] in _CONJ and word[1:] in words)


@cache
def _forms(word: str) -> tuple[str, ...]:
    """A normalised word and what it may be without its proclitics: "وبروسيا" -> روسيا, "للأمم" -> الامم."""
    out = [word]
    w = word
    if len(w) > 3 and w[0] in _CONJ:
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("لل"):
        out.append("ال" + w[2:])  # li- + al- is written with one lam less
    elif len(w) > 3 and w[0] in _PREP:
        out.append(w[1:])
    return tuple(out)


def _has_article(word: str) -> bool:
    """Whether a normalised word carries the article al- (after a proclitic too: "والبنك", "بالعراق", "للأمم")."""
    return any(f.startswith("ال") and len(f) > 3 for f in _forms(word))


class _Words:
    """A text's Arabic words with their offsets and normalised forms, and where a name cannot run on."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(_WORD.finditer(text))
        self.spans = [(m.start(), m.end()) for m in found]
        self.raw = [m.group() for m in found]
        self.norm = [_normal(w) for w in self.raw]
        # gap[i]: whether something other than blank space stands between word i and word i + 1
        self.gap = [
            _BREAK.search(text, self.spans[i][1], self.spans[i + 1][0]) is not None
            for i in range(len(found) - 1)
        ]

    def __len__(self) -> int:
        return len(self.norm)

    def joined(self, i: int) -> bool:
        """Whether word i + 1 follows word i in the same phrase."""
        return i + 1 < len(self.norm) and not self.gap[i]

    def surface(self, i: int, j: int) -> tuple[str, int]:
        """The text of words i..j-1 and its offset."""
        return self.text[self.spans[i][0] : self.spans[j - 1][1]], self.spans[i][0]


def _place_at(words: _Words, i: int) -> int:
    """The number of words of a place name starting at word i (0: none), longest first."""
    sizes = _place_sizes()
    best = 0
    for first in _forms(words.norm[i]):
        for n in sizes.get(first, ()):
            if n <= best or i + n > len(words) or any(not words.joined(k) for k in range(i, i + n - 1)):
                continue
            rest = " ".join(words.norm[i + 1 : i + n])
            if (f"{first} {rest}" if rest else first) in _places():
                best = n
    return best


def _given(word: str) -> bool:
    """Whether a word is a common given name: an Arabic one, or a Western one as Arabic writes it."""
    return is_given_name(word) or _NORM(word) in _TRANSLITERATED


def _nisba(word: str) -> bool:
    """Whether a normalised word with the article is a nationality adjective of a listed place ("الروسي", "الفرنسية",
    "النمساوي", "الأوروبيين"): the adjective's stem is the place's name."""
    if not word.startswith("ال"):
        return False
    stem = word[2:]
    for suffix in ("اويين", "اويون", "اويه", "اوي", "يين", "يون", "يه", "ي"):
        if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
            base = stem[: -len(suffix)]
            places = _places()
            return any(f in places for f in (base, base + "ا", base + "يا", "ال" + base, "ال" + base + "ا"))
    return False


def _name_at(words: _Words, i: int) -> int:
    """The number of words of a person's name starting at word i (0: none there).

    A name's third word is taken after an Arabic given name or a link ("بن", "أبو") only: a Western name is
    followed by a verb as often ("فلاديمير بوتين سيلتقي"). A word with the article follows only an Arabic given
    name, and never a nationality ("بشار الأسد", not "كريستين لاغارد الفرنسية").
    """
    stop = _stop()
    arabic = is_given_name(words.raw[i])
    n = 0
    while i + n < len(words) and n < NAME_WORDS:
        w = words.norm[i + n]
        if w in stop or _is(w, ROLES) or _is(w, SPEECH_VERBS) or len(w) < 2 or (w in _ORG_HEADS and n):
            break
        if _has_article(w) and not (
            n and (arabic or n == 1) and w.startswith("ال") and not _nisba(w) and w not in _TIME_WORDS
        ):
            break  # the article opens a description ("الفرنسية"), a time ("اليوم") or, after two words, more
        if n == 2 and not (arabic or words.norm[i + 1] in _LINKS):
            break
        n += 1
        if not words.joined(i + n - 1):
            break
    while n and words.norm[i + n - 1] in _LINKS:  # "عبد" or "بن" is always followed by the rest of the name
        n -= 1
    return n


def _after_role(words: _Words, i: int) -> int:
    """Where the name after the role word i starts: past its description (-1 when none follows)."""
    j = i + 1
    skipped = 0
    while j < len(words) and skipped < DESCRIPTION_WORDS and words.joined(j - 1):
        w = words.norm[j]
        place = _place_at(words, j)
        if _has_article(w) or _is(w, _ROLE_DOMAINS) or place:
            j += max(1, place)
        elif w in _ON_BEHALF:
            j += 1
            if j < len(words) and not _has_article(words.norm[j]):
                j += max(1, _place_at(words, j))  # "باسم موسكو"
        else:
            break
        skipped += 1
    if j >= len(words) or not words.joined(j - 1):
        return -1
    return j


def _org_at(words: _Words, i: int) -> int:
    """The number of words of an organisation's name starting at word i (0: none)."""
    forms = _forms(words.norm[i])
    if any(f in _ORG_ALONE for f in forms):
        return 1
    if not any(f in _ORG_HEADS or f in _MEDIA for f in forms):
        return 0
    n = 1
    while (
        i + n < len(words)
        and n < 5
        and words.joined(i + n - 1)
        and _has_article(words.norm[i + n])
        and not _is(words.norm[i + n], _TIME_WORDS)
        and not _is(words.norm[i + n], ROLES)
    ):
        n += 1
    if n == 1 and any(f in _MEDIA for f in forms) and i + 1 < len(words) and words.joined(i):
        nxt = words.norm[i + 1]
        if nxt not in _stop() and len(nxt) > 1:
            n = 2  # "وكالة تاس", "صحيفة نيويورك"
    return n if n > 1 else 0


def _strip(surface: str, start: int) -> tuple[str, int]:
    """A name without the conjunction or preposition written onto its first word ("وموسكو" -> "موسكو").

    After li- the article loses its alef ("للأمم المتحدة"): the name is given back with it ("الأمم المتحدة"), at
    the offset of its lam.
    """
    words = surface.split()
    first = _NORM(words[0])
    rest = " ".join(_NORM(w) for w in words[1:])
    for form in _forms(first)[1:]:
        whole = f"{form} {rest}" if rest else form
        if whole in _places() or form in _ORG_HEADS or form in _ORG_ALONE or form in _MEDIA:
            cut = len(first) - len(form)
            if form.startswith("ال") and not first[cut:].startswith("ال"):
                return "ا" + surface[cut + 1 :], start + cut + 1
            return surface[cut:], start + cut
    return surface, start


def persons(texts: Iterable[str]) -> frozenset[str]:
    """The persons' names that texts name with a role or after a speech verb (normalised words, space-joined).

    Args:
        texts: a story's Arabic texts.

    Returns:
        Full names ("سيرغي لافروف"), for :func:`mentions` to find again, alone or by their last word.
    """
    out: set[str] = set()
    for text in texts:
        out |= _persons(_Words(text))
    return frozenset(out)


def _persons(words: _Words) -> set[str]:
    """The persons' names of one text (:func:`persons`)."""
    out: set[str] = set()
    for i, w in enumerate(words.norm):
        if _is(w, ROLES):
            j = _after_role(words, i)
            n = _name_at(words, j) if j >= 0 else 0
        elif _is(w, SPEECH_VERBS) and words.joined(i):
            j = i + 1
            n = _name_at(words, j) if _given(words.raw[j]) else 0
        else:
            continue
        if n and not _place_at(words, j) and not _org_at(words, j):
            out.add(" ".join(words.norm[j : j + n]))
    return out


def mentions(text: str, known: Collection[str] = frozenset()) -> list[tuple[str, str, int]]:
    """Find the names in an Arabic text.

    Args:
        text: any text (its Arabic words are read).
        known: persons' names the story names (:func:`persons` of all its Arabic texts).

    Returns:
        ``(surface, type, start)`` triples in text order: PERSON, ORG and GPE.
    """
    words = _Words(text)
    found = set(known) | _persons(words)
    # every name by its first word, with its number of words: the full names, and the last word of each alone
    firsts: dict[str, set[int]] = {}
    for name in found:
        parts = name.split()
        firsts.setdefault(parts[0], set()).add(len(parts))
        firsts.setdefault(parts[-1], set()).add(1)
    out: list[tuple[str, str, int]] = []
    i = 0
    stop = _stop()
    openers = _openers() | firsts.keys() | _REGION_WORDS
    while i < len(words):
        if not any(f in openers for f in _forms(words.norm[i])):
            i += 1  # no name starts with this word
            continue
        cut = 0
        if any(f in _REGION_WORDS for f in _forms(words.norm[i])) and words.joined(i):
            nxt = words.norm[i + 1]
            if not _has_article(nxt) and nxt not in stop and len(nxt) > 2 and not _place_at(words, i + 1):
                surface, start = words.surface(i + 1, i + 2)  # "منطقة جازان": the region's name
                out.append((surface, "GPE", start))
                i += 2
                continue
        n = _place_at(words, i)
        label = "GPE"
        if not n:
            n, label = _org_at(words, i), "ORG"
        if not n:
            label = "PERSON"
            for first in _forms(words.norm[i]):
                for size in sorted(firsts.get(first, ()), reverse=True):
                    if i + size > len(words) or any(not words.joined(k) for k in range(i, i + size - 1)):
                        continue
                    if size == 1 or " ".join([first, *words.norm[i + 1 : i + size]]) in found:
                        n, cut = size, len(words.norm[i]) - len(first)
                        break
                if n:
                    break
        if n and not (n == 1 and words.norm[i] in stop):
            surface, start = words.surface(i, i + n)
            if label != "PERSON":
                surface, start = _strip(surface, start)
            elif cut:  # "ولافروف" -> "لافروف"
                surface, start = surface[cut:], start + cut
            out.append((surface, label, start))
            i += n
        else:
            i += 1
    return out
