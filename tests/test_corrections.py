"""Correction notices: found in the eight languages, read apart from the story, listed with their article."""

from __future__ import annotations

import pytest

from builders import text_article
from newsfold.render import story_html, story_markdown
from newsfold.story.corrections import is_notice, split_notices
from newsfold.story.fold import StoryInput, fold_story


@pytest.mark.parametrize(
    "notice",
    [
        "Correction: An earlier version of this article said the quake killed 21 people. The toll is 12.",
        "An earlier version of this story misstated the name of the minister.",
        "This article has been corrected to show that the vote took place on Tuesday.",
        "Berichtigung: In einer früheren Version dieses Artikels hieß es, die Wahl sei am Sonntag.",
        "In einer früheren Version dieses Artikels stand eine falsche Opferzahl.",
        "Rectificatif : une précédente version de cet article indiquait un bilan de 21 morts.",
        "Una versión anterior de esta nota decía que el sismo dejó 21 muertos.",
        "Fe de errores: el ministro se llama Luis Herrera, no Luis Ferrera.",
        "Rettifica: in una precedente versione di questo articolo si leggeva che le vittime erano 21.",
        "Errata: uma versão anterior desta reportagem informava 21 mortos.",
        "В предыдущей версии статьи было неверно указано число погибших.",
        "تصحيح: ورد في نسخة سابقة من هذا الخبر أن عدد القتلى 21.",
    ],
)
def test_a_correction_notice_is_found_in_every_language(notice: str) -> None:
    assert is_notice(notice)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The ministry issued a correction to its casualty figures on Tuesday, lowering the toll to 12.",
        "Corrections officers at the prison went on strike on Monday.",
        "The earlier version of the law, passed in 2019, was struck down by the court.",
        "La rettifica del confine è stata approvata dal parlamento.",
    ],
)
def test_a_report_that_mentions_a_correction_is_no_notice(paragraph: str) -> None:
    assert not is_notice(paragraph)


def test_the_fold_reads_a_story_without_its_notices_and_lists_them_cited() -> None:
    correct = (
        "A powerful earthquake killed 12 people in southern Iran on Monday, officials said.\n\n"
        "Rescue teams searched the rubble of two villages near Bandar Abbas through the night."
    )
    notice = "Correction: An earlier version of this article said the earthquake killed 21 people."
    arts = (
        text_article("a", f"{correct}\n\n{notice}", outlet="A", published="2024-03-05"),
        text_article(
            "b",
            "An earthquake killed 12 people in southern Iran on Monday, officials said. Rescue teams searched "
            "two villages near Bandar Abbas.",
            outlet="B",
            published="2024-03-05",
        ),
    )
    kept, notices = split_notices(arts)
    assert kept[1] is arts[1] and kept[0].text == correct
    assert [(n.text, n.article) for n in notices] == [(notice, "a")]
    out = fold_story(StoryInput(arts, {}, {}), use_model=False)
    assert out["corrections"] == [{"text": notice, "articles": ["a"]}]
    lines = [*out["summary"], *out["coverage"]["facts"], *out["quotes"]]
    assert lines and not any("21" in line["text"] or "earlier version" in line["text"] for line in lines)
    page = story_markdown({"id": "s", "title": "Quake", **out, "articles": []})
    assert "## Corrections" in page and "killed 21 people" in page
    html = story_html({"id": "s", "title": "Quake", **out, "articles": []})
    assert 'id="corrections"' in html and "killed 21 people" in html
    # a story without notices has no corrections key (absent, not empty)
    assert "corrections" not in fold_story(StoryInput(arts[1:], {}, {}), use_model=False)


def test_the_story_arc_dates_no_event_from_a_correction_notice() -> None:
    from newsfold.story.timeline import key_dates

    arts = [
        text_article(
            "a",
            "Parliament approved the budget on Wednesday after a long debate, officials said.\n\n"
            "Correction: An earlier version of this article said the vote was held on Monday.",
            published="2024-03-07",
        ),
        text_article(
            "b",
            "The budget vote in parliament took place on Wednesday, officials said.",
            published="2024-03-07",
        ),
    ]
    days = {e.date for e in key_dates(arts, 5)}
    assert "2024-03-06" in days and "2024-03-04" not in days
