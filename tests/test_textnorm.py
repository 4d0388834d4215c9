"""Tokens, stop words, capitalised names and numbers for clustering, in several languages."""

from __future__ import annotations

import pytest

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
