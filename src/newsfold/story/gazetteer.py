"""Word lists that type names without a model: place names from the CLDR data and common given names.

The model-free recogniser (:mod:`newsfold.story.recognise`) finds names as capitalised spans; these lists only say
what kind of name a span is. Both load once, on first use, from data installed with newsfold.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

# The languages whose country and region names are read (newsfold's eight main languages).
PLACE_LANGS = ("en", "de", "fr", "es", "it", "pt", "ru", "ar")
# Time zone areas whose cities are cities (not Etc/, not the GMT offsets).
_CONTINENTS = frozenset({"Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"})
# CLDR territory codes that are not places a story happens in: the world, and an unknown region.
_NOT_PLACES = frozenset({"001", "ZZ"})


@cache
def place_names() -> frozenset[str]:
    """Country, world-region and big-city names in :data:`PLACE_LANGS`, case folded ("costa rica", "estados unidos",
    "danemark", "соединенные штаты", "مصر", "amérique du sud", "mosca", "new york").

    They come from the Unicode CLDR data shipped with Babel (a dependency of trafilatura): territory names, and the
    cities that name time zones (about 400, every capital among them) in each language. Maintained, reviewed
    translations rather than a hand-made list. Only the nominative forms: inflected forms (Russian "России") stay
    untyped.
    """
    return frozenset(_places())


@cache
def place_codes() -> dict[str, str]:
    """Each place name of :func:`place_names` that names one place only, case folded, with that place's code: its
    CLDR territory code ("russia", "russland", "россия", "روسيا" -> "RU") or time zone ("mosca", "moscow", "moskau"
    -> "Europe/Moscow"). Names that two places share are left out. The same place in the story's languages is then
    one entity."""
    return {name: next(iter(found)) for name, found in _places().items() if len(found) == 1}


@cache
def _places() -> dict[str, frozenset[str]]:
    """Every place name (case folded) with the codes of the places it names (see :func:`place_names`)."""
    from babel import Locale
    from babel.core import get_global

    codes: dict[str, set[str]] = {}
    for lang in PLACE_LANGS:
        locale = Locale.parse(lang)
        for code, name in locale.territories.items():
            if code not in _NOT_PLACES:
                codes.setdefault(name.casefold(), set()).add(code)
        for (
            zone_id,
            zone,
        ) in locale.time_zones.items():  # a city's own name in this language ("Mosca", "Il Cairo")
            if zone.get("city"):
                codes.setdefault(str(zone["city"]).casefold(), set()).add(zone_id)
    for zone_id in get_global("zone_territories"):  # the English name of each time zone's city ("New_York")
        parts = zone_id.split("/")
        if len(parts) == 2 and parts[0] in _CONTINENTS:  # not US county seats (America/Indiana/Knox)
            codes.setdefault(parts[1].replace("_", " ").casefold(), set()).add(zone_id)
    return {name: frozenset(found) for name, found in codes.items()}


def _bare(word: str) -> str:
    """Case folded, accents off: "José", "Jose" and "JOSÉ" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


@cache
def _given_names() -> frozenset[str]:
    text = resources.files("newsfold").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    words = (line.split("#", 1)[0] for line in text.splitlines())
    return frozenset(_bare(w) for line in words for w in line.split())


def is_given_name(word: str) -> bool:
    """Whether a word is a common given name of people in the news (``data/given_names.txt`` says what and why),
    case and accents aside."""
    return _bare(word) in _given_names()
