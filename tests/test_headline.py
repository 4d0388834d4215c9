"""Choosing a story's title from its articles' headlines."""

from __future__ import annotations

from newsfold.headline import TITLE_WORDS, choose_title, shorten, title_parts, trim_title

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


def test_a_page_title_is_cut_to_its_headline() -> None:
    names = ["Süddeutsche Zeitung", "changenow.de"]
    assert trim_title("Kyiv | Süddeutsche Zeitung", names) == "Kyiv"  # the site's name goes, even when longer
    assert trim_title("changenow.de - Über André Loibl", names) == "Über André Loibl"
    assert trim_title("Über André Loibl |") == "Über André Loibl"  # a separator left dangling
    assert trim_title("| Home") == "Home" and trim_title("Brexit: what next –") == "Brexit: what next"
    assert trim_title("-5 degrees in Moscow") == "-5 degrees in Moscow"  # a minus sign is no separator
    assert trim_title("«Wir sind bereit» | NZZ", ["NZZ"]) == "«Wir sind bereit»"  # quote marks stay
    assert trim_title("Süddeutsche Zeitung", names) == "Süddeutsche Zeitung"  # nothing but the name: kept
    # the longest part without a known site name; whole when asked and no part names the site
    assert trim_title("Budget passes | Politics | City News") == "Budget passes"
    song = "Zhi Neng Xiang Nian Ni - Jam Hsiao (只能想念你 - 蕭敬騰)"
    assert trim_title(song, whole=True) == song
    assert title_parts(song) == [
        "Zhi Neng Xiang Nian Ni",
        "Jam Hsiao (只能想念你 - 蕭敬騰)",
    ]  # not in brackets


def test_a_story_title_has_no_dangling_separator() -> None:
    assert choose_title([{"title": "Über André Loibl |"}]) == "Über André Loibl"


def test_a_correction_notice_names_the_story_only_when_nothing_else_does() -> None:
    from newsfold.headline import choose_title

    rows = [
        {"title": "Fe de errores: la velocidad del Alvia en Castejón"},
        {"title": "Descarrila un Alvia en Castejón"},
        {"title": "Tres muertos al descarrilar un Alvia en Castejón"},
        {"title": "Korrektur: Bahnstreik"},
    ]
    assert choose_title(rows) == "Descarrila un Alvia en Castejón"
    assert choose_title([{"title": "Rectificatif : explosion à Lyon"}]) == "Rectificatif : explosion à Lyon"
