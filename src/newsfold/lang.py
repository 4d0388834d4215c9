"""Language identification: lingua, restricted to the configured languages, on the start of the text.

Lingua's low-accuracy mode on the first ``settings.lang_chars`` characters is fast (well under a millisecond per
article) and reliable on article-length text; the restriction to a short list keeps memory low and avoids
confusions with languages the corpus never has.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsfold.settings import Settings

# Below this many letters a guess is noise: the language stays unknown rather than invented.
MIN_LETTERS = 20


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
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    found = _detector(tuple(settings.languages)).detect_language_of(sample)
    return None if found is None else str(found.iso_code_639_1.name).lower()
