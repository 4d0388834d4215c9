"""Tokens, stop words, capitalised names and numbers for clustering, in several languages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from newsfold import textnorm
from newsfold.textnorm import STOPWORD_LANGS, month_years, name_spans, numbers, stopwords, tokens, years


@pytest.mark.parametrize("lang", STOPWORD_LANGS)
def test_every_language_has_a_stop_list(lang: str) -> None:
    words = stopwords(lang)
    assert len(words) > 50
    assert all(w == w.lower() for w in words)


def test_unknown_language_uses_every_list() -> None:
    assert stopwords("xx") >= stopwords("de") | stopwords("ru")


@pytest.mark.parametrize(
    ("lang", "text", "kept", "dropped"),
    [
        (
            "en",
            "The minister said on Thursday that Russia's reply was sent.",
            {"minister", "russia", "reply"},
            {"the", "said", "thursday", "s"},
        ),
        (
            "de",
            "Der Minister sagte am Donnerstag, dass die Antwort gesendet wurde.",
            {"minister", "antwort"},
            {"der", "sagte", "donnerstag", "dass"},
        ),
        (
            "fr",
            "Le ministre a déclaré jeudi que l'Europe répondra.",
            {"ministre", "europe", "répondra"},
            {"le", "jeudi", "que", "l"},
        ),
        (
            "ru",
            "Министр заявил в четверг, что ответ отправлен.",
            {"министр", "ответ"},
            {"заявил", "что", "в"},
        ),
    ],
)
def test_tokens_drop_stop_words(lang: str, text: str, kept: set[str], dropped: set[str]) -> None:
    toks = set(tokens(text, lang))
    assert kept <= toks
    assert not dropped & toks


def test_arabic_spelling_variants_meet() -> None:
    assert tokens("أحمد", "ar") == tokens("احمد", "ar")
    assert "قال" not in tokens("قال الوزير", "ar")


def test_name_spans_find_multiword_names_not_sentence_starts() -> None:
    text = (
        "The talks ended. Foreign Minister Sergey Lavrov met Luigi Di Maio in Geneva.\n"
        "Police said the police would stay. The Bank of England kept rates."
    )
    spans = name_spans(text, "en")
    assert "foreign minister sergey lavrov" in spans
    assert "luigi di maio" in spans
    assert "geneva" in spans
    assert "bank of england" in spans
    assert "the" not in spans and "police" not in spans


def test_title_case_headline_gives_no_names() -> None:
    assert name_spans("Technicolor Star Dies At Age Ninety In Her Home", "en") == []


def test_names_in_cyrillic_and_none_in_arabic() -> None:
    assert "сергей лавров" in " ".join(name_spans("Вчера министр Сергей Лавров прибыл.", "ru"))
    assert name_spans("قال وزير الخارجية سيرغي لافروف", "ar") == []


def test_numbers_and_years() -> None:
    nums = numbers("A 7.6 quake killed 1,200 people in 2005; 3 towns, 45 villages, and 26 January 2022.")
    assert nums == ["7.6", "1200", "y2005", "45", "26", "y2022"]
    assert years(nums) == [2005, 2022]


def test_empty_text() -> None:
    assert tokens("") == [] and name_spans("") == [] and numbers("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 28, 2005", [(2005, 11)]),
        ("WEDNESDAY, MARCH 4, 2009, 10: 53 AM", [(2009, 3)]),
        ("9 September 2013 Last updated", [(2013, 9)]),
        ("5. März 2011", [(2011, 3)]),
        ("15 de marzo de 2011", [(2011, 3)]),
        ("15 марта 2011", [(2011, 3)]),
        ("06 / 06 / 13 07: 05 PM", [(2013, 0)]),
        ("on 21/12/2012", [(2012, 12)]),
        ("in 2012 and on 99/99/12", []),
    ],
)
def test_month_years(text: str, expected: list[tuple[int, int]]) -> None:
    assert month_years(text) == expected


# --- The fast forms of the patterns give exactly what the plain forms give (they differ only in speed).
_PLAIN_SPAN = re.compile(
    rf"(?<![\w.])({textnorm._CAP_WORD}(?:[ \t]+(?:(?:{textnorm._CONNECTORS})[ \t]+){{0,2}}{textnorm._CAP_WORD})*)"
)
_PLAIN_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*")
_PLAIN_DATES = (
    re.compile(r"\b(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]{2,12})\.?,?\s+(?:de\s+)?(\d{4})\b"),
    re.compile(r"\b([^\W\d_]{2,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"),
    re.compile(r"\b([^\W\d_]{2,12})\.?,?\s+(?:de\s+)?(\d{4})\b"),
    re.compile(r"\b(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})\b"),
)
_FAST_DATES = (
    textnorm._DAY_MONTH_YEAR,
    textnorm._MONTH_DAY_YEAR,
    textnorm._MONTH_YEAR,
    textnorm._NUMERIC_DATE,
)
# Text made of the characters the patterns care about: letters of several scripts and cases, digits, separators.
_TRICKY = st.text(
    alphabet=st.sampled_from(list("aAbBxXéÉßİıΑαДдو_1290 .,-/\t\n:'’«»\"(")), max_size=60
) | st.sampled_from(
    [
        "Police said. the police came; Police-state x",
        "5. März 2011, 15 de marzo de 2011, Nov. 28th, 2005, a5/5/2010, 06 / 06 / 13, x12 March 2009",
        "Bank of England and Luigi Di Maio met bin Salman. Él dijo. él vino",
    ]
)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@given(_TRICKY)
@hyp_settings(max_examples=400, deadline=None)
def test_fast_patterns_match_their_plain_forms(text: str) -> None:
    for line in text.split("\n"):
        assert _matches(textnorm._SPAN, line) == _matches(_PLAIN_SPAN, line)
    assert _matches(textnorm._NUMBER, text) == _matches(_PLAIN_NUMBER, text)
    for fast, plain in zip(_FAST_DATES, _PLAIN_DATES, strict=True):
        assert _matches(fast, text) == _matches(plain, text)


@given(_TRICKY)
@hyp_settings(max_examples=400, deadline=None)
def test_written_dates_need_four_digits_in_a_row(text: str) -> None:
    # month_years skips the written-date patterns on a text without four digits in a row: they cannot match there.
    if not textnorm._FOUR_DIGITS.search(text):
        assert not any(pattern.search(text) for pattern, _, _ in textnorm._NAMED_DATES)
    assert not month_years("Report of 28 Nov, 05 and March 205") and month_years("March 205 0") == []


@given(_TRICKY, st.sampled_from(["police", "x", "ab", "é", "police-state", "él", "ı", "дд"]))
@hyp_settings(max_examples=400, deadline=None)
def test_lowercase_lookup_matches_the_set_of_lowercase_words(text: str, word: str) -> None:
    expected = word in set(textnorm._LOWER_WORDS.findall(text))
    assert textnorm._written_lowercase(text, word)[0] == expected
    assert textnorm._written_lowercase(f"{text} {word}.", word)[0] == bool(
        textnorm._LOWER_WORD.fullmatch(word)
    )


def test_name_spans_are_the_same_whichever_way_lowercase_words_are_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Many sentence starts: some words also written in lowercase ("Police"), some never ("Kish").
    text = "\n".join(
        f"{w} said on {d}. Officials in Kish and the police of Qeshm met {w.lower()} leaders."
        for w, d in [("Police", "Monday"), ("Rescuers", "Tuesday"), ("Kish", "May 3"), ("Crews", "Friday")]
        * 5
    )
    monkeypatch.setattr(textnorm, "FIND_COST_DIVISOR", 10**9)  # look-ups cost nothing: never collect the set
    looked_up = name_spans(text, "en")
    monkeypatch.setattr(textnorm, "FIND_COST_DIVISOR", 1)  # the first look-up costs the whole budget
    collected = name_spans(text, "en")
    assert looked_up == collected
    assert "police" not in looked_up and "kish" in looked_up and "qeshm" in looked_up
