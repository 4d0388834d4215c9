"""Datelines: the wire shapes found, ordinary sentences left alone, the year only from a reference."""

from __future__ import annotations

import pytest

from newsfold.dateline import Dateline, dateline_date, find_dateline


@pytest.mark.parametrize(
    ("text", "city", "agency", "month", "day"),
    [
        ("MOSCOW, January 26. /TASS/. The United States has promised", "MOSCOW", "TASS", 1, 26),
        ("MOSCOW, FEB 17 (UNI):- Specialists of the fuel service", "MOSCOW", "UNI", 2, 17),
        ("Moscow, (UNI/Sputnik): Russia will submit its response", "Moscow", "UNI/Sputnik", None, None),
        ("WASHINGTON (Reuters) - The United States said", "WASHINGTON", "Reuters", None, None),
        ("PARIS, 3 mars (AFP) - Le gouvernement a annoncé", "PARIS", "AFP", 3, 3),
        ("BERLIN, 5. März (dpa) - Die Bundesregierung hat", "BERLIN", "dpa", 3, 5),
        ("МОСКВА, 17 февраля (РИА Новости) - Россия передала", "МОСКВА", "РИА Новости", 2, 17),
        ("LONDON — Britain said on Monday", "LONDON", None, None, None),
        # a parenthesis naming the city's country is no agency (it would name an outlet "SIRIA")
        ("DAMASCO (SIRIA) - Le forze governative", "DAMASCO", None, None, None),
        ("KIEV (Ukraine) - Forces loyal to", "KIEV", None, None, None),
        ("BEIRUT (AP) - Syrian troops", "BEIRUT", "AP", None, None),
    ],
)
def test_wire_shapes(text: str, city: str, agency: str | None, month: int | None, day: int | None) -> None:
    dl = find_dateline(text)
    assert dl is not None
    assert (dl.city, dl.agency, dl.month, dl.day) == (city, agency, month, day)
    assert text.startswith(dl.text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States announced on Thursday that it had received a response.",
        "In late January, the US and NATO provided Moscow with written responses.",
        "Lavrov added: “Today we will send a message to the American side.”",
        "He said - and then left.",
        "Moscow, however, disagreed with the plan.",
    ],
)
def test_sentences_are_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_year_from_reference_only() -> None:
    dl = Dateline(city="MOSCOW", agency="TASS", month=1, day=26, text="MOSCOW, January 26. /TASS/.")
    assert dateline_date(dl, "2022-02-17") == "2022-01-26"
    assert dateline_date(dl, "2022-02-17T10:00:00+03:00") == "2022-01-26"
    assert dateline_date(dl, None) is None  # never guessed
    assert dateline_date(dl, "not a date") is None


def test_year_rolls_back_over_new_year() -> None:
    dl = Dateline(city="PARIS", agency="AFP", month=12, day=31, text="PARIS, 31 décembre (AFP) -")
    assert dateline_date(dl, "2023-01-02") == "2022-12-31"


def test_no_day_or_impossible_day_gives_none() -> None:
    assert dateline_date(Dateline("Moscow", "UNI", None, None, "Moscow, (UNI):"), "2022-02-17") is None
    assert dateline_date(Dateline("X", None, 2, 30, "X, Feb 30 -"), "2022-03-10") is None
