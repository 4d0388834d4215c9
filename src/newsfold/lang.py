"""Language identification on the start of the text: a cheap first pass, lingua where it is unsure.

The first pass decides the clear cases in microseconds: a script that only one configured language uses
(Arabic, Greek, kana), Cyrillic told apart by the letters Ukrainian and Russian do not share, and Latin-script
text by counting its most frequent function words per language. Whatever it cannot decide with a clear margin
goes to lingua (low-accuracy mode, restricted to the configured languages) on the first ``settings.lang_chars``
characters. Only languages in ``settings.languages`` are ever returned.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from newsfold.settings import Settings

# Below this many letters a guess is noise: the language stays unknown rather than invented.
MIN_LETTERS = 20
# The first pass decides a Latin-script text when its best language has at least MIN_HITS function-word hits
# among the first FIRST_PASS_WORDS words and MARGIN times the runner-up's; checked against lingua on the ECB+,
# crisis-it and extraction-dev texts (agreement reported in tests/test_lang.py).
FIRST_PASS_WORDS = 200
MIN_HITS = 12
MARGIN = 2.0

# The most frequent function words of each language (articles, prepositions, conjunctions, auxiliaries),
# lowercased. Words shared by several languages count for each of them; the margin settles the rest.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the and of to in is that for was with on said by as at from it his has have are were be this which "
        "not but an will would they their been had its who after about",
        "de": "der die und das den nicht ist mit sich des auf für ein eine dem auch es wird sie von bei nach wurde "
        "zu im hat sind werden einen noch aus wie über vor zum zur dass",
        "fr": "le la les des et est une du que dans pour qui au sur pas par avec ce il sont été aux ses plus elle "
        "mais ont cette était leur entre sa son",
        "es": "el los las del que en y una por con para se su al es lo como más pero sus fue ha este entre también "
        "desde sobre está han muy sin",
        "it": "il della che di e la per un del non una sono gli alla nel con dei le è ha anche delle questo dalla "
        "nella degli ai al più stato essere sua suo",
        "pt": "o da de que do em um para com não uma os no se na por mais as dos como mas ao ele das à seu pelo foi "
        "são também pela está sobre",
        "nl": "de het een van en is dat op te niet zijn met voor er aan ook als bij maar om werd door naar heeft "
        "worden hij",
        "pl": "się nie jest że na do w z to o i od po jak ale przez dla są jego tak oraz który może był",
        "tr": "ve bir bu da de için ile olarak çok daha gibi olan en ama sonra kadar ise değil",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SCRIPTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\u0600-\u06ff]"), "arabic"),
    (re.compile(r"[\u0400-\u04ff]"), "cyrillic"),
    (re.compile(r"[\u3040-\u30ff]"), "kana"),
    (re.compile(r"[\u4e00-\u9fff]"), "han"),
    (re.compile(r"[\u0370-\u03ff]"), "greek"),
)
_SCRIPT_CHAR = re.compile("[" + "".join(pattern.pattern[1:-1] for pattern, _ in _SCRIPTS) + "]")


def _first_pass(sample: str, languages: tuple[str, ...], letters: int, words: list[str]) -> str | None:
    """The language when the script or the function words leave no doubt, else None (ask lingua).

    ``letters`` is the sample's letter count and ``words`` its lowercase words (``_WORD`` over
    ``sample.lower()``).
    """
    # One scan for a letter of any listed script: without one every script count below is 0 (and the sample has
    # letters), so no script can decide and the five counting scans are skipped.
    other_script = not sample.isascii() and (letters <= 0 or _SCRIPT_CHAR.search(sample) is not None)
    for pattern, script in _SCRIPTS if other_script else ():
        if _count(pattern, sample) * 2 < letters:
            continue
        if script == "arabic" and "ar" in languages:
            return "ar"
        if script == "kana" and "ja" in languages:
            return "ja"
        if script == "greek" and "el" in languages:
            return "el"
        if script == "cyrillic":
            if "uk" in languages and re.search(r"[іїєґ]", sample, re.IGNORECASE):
                return "uk" if not re.search(r"[ыэъё]", sample, re.IGNORECASE) else None
            if "ru" in languages and re.search(r"[ыэъё]", sample, re.IGNORECASE):
                return "ru"
        return None
    counts = Counter(words[:FIRST_PASS_WORDS])
    # Intersections run in C: only the function words present are summed.
    scores = sorted(
        (
            (sum(map(counts.__getitem__, counts.keys() & FUNCTION_WORDS[c])), c)
            for c in languages
            if c in FUNCTION_WORDS
        ),
        reverse=True,
    )
    if not scores:
        return None
    best, code = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    return code if best >= MIN_HITS and best >= MARGIN * runner_up else None


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many times ``pattern`` matches in ``text`` (without building the list of matches)."""
    return pattern.subn("", text)[1]


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    known = []
    for code in languages:
        try:
            known.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except AttributeError:
            continue  # a code lingua does not know is simply not a candidate
    if len(known) < 2:
        known = [Language.ENGLISH, Language.GERMAN]
    return LanguageDetectorBuilder.from_languages(*known).with_low_accuracy_mode().build()


def detect_language(text: str, settings: Settings) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None when there is too little text to tell.

    Args:
        text: cleaned article text (title first is fine).
        settings: its ``languages`` are the candidates, ``lang_chars`` how much text is read.

    Returns:
        A lowercase two-letter code, or None.
    """
    sample = text[: settings.lang_chars]
    # The letters are counted from the words the first pass reads anyway (a regex substitution over the sample cost
    # about as much as the rest of the first pass): lowercasing keeps the number of letters, character by character
    # (checked over every code point; "İ" becomes "i" and a combining dot, which is no letter), so the letters of
    # the lowercase words are the sample's.
    words = _WORD.findall(sample.lower())
    letters = sum(map(len, words))
    if letters < MIN_LETTERS:
        return None
    languages = tuple(settings.languages)
    quick = _first_pass(sample, languages, letters, words)
    if quick is not None:
        return quick
    found = _detector(languages).detect_language_of(sample)
    return None if found is None else str(found.iso_code_639_1.name).lower()


def language_of(text: str, settings: Settings, *, hint: str | None = None) -> str | None:
    """The language of a text whose input also declares one (a page's ``<html lang>``, a feed's channel language).

    The declaration is a hint, not the answer: it is often a site template's or a feed's, not this article's (a
    German article under ``lang="en"``, a Spanish item in a French feed). So the text decides when it can; the hint
    is taken when the text is too short to tell, and when it names a language outside ``settings.languages``, which
    detection can neither confirm nor deny.

    Args:
        text: the cleaned text (title first is fine).
        settings: as for :func:`detect_language`.
        hint: the declared language, a normalised two-letter code (:func:`newsfold.ingest.metadata.normalise_lang`).

    Returns:
        A lowercase two-letter code, or None.
    """
    if hint is not None and hint not in settings.languages:
        return hint
    return detect_language(text, settings) or hint


def warm_up(settings: Settings) -> None:
    """Load the language models now (before worker processes fork, so they share them)."""
    _detector(tuple(settings.languages))
