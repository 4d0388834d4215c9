"""Choosing a story's title from its articles' headlines."""

from __future__ import annotations

from newsfold.headline import TITLE_WORDS, choose_title, shorten

LEDE = (
    "Mohamed Morsi is no longer the president of Egypt after a year in office, the army announced on Wednesday "
    "evening in Cairo. His government was ended abruptly after mass protests."
)


def test_the_headline_most_alike_the_others_wins() -> None:
    rows = [{"title": t} for t in ("Army removes Morsi", "Egypt army removes President Morsi", "Weather")]
    assert choose_title(rows) == "Army removes Morsi"  # shares all its words with another headline


def test_a_real_headline_beats_a_lede_taken_as_a_title() -> None:
    assert (
        choose_title([{"title": LEDE}, {"title": "Egypt's army removes Morsi"}])
        == "Egypt's army removes Morsi"
    )


def test_a_lede_alone_is_cut_to_its_first_sentence_and_a_headline_length() -> None:
    title = choose_title([{"title": LEDE}])
    assert title.endswith("…") and len(title.split()) == TITLE_WORDS
    assert LEDE.startswith(title[:-1])
    assert (
        shorten("U.S. forces left the base on Monday. More later.") == "U.S. forces left the base on Monday."
    )
    assert choose_title([]) == ""
