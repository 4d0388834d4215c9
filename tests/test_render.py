"""Markdown and self-contained HTML renderings of a fold (``newsfold show --markdown/--html``)."""

from __future__ import annotations

import copy
from typing import Any

from newsfold.render import nice_date, story_html, story_markdown, story_view
from test_api import EVIL, FOLD_S1


def _fold() -> dict[str, Any]:
    fold = copy.deepcopy(FOLD_S1)
    fold["articles"] = [
        {
            "key": "a1",
            "url": "https://a.example/1",
            "outlet": "Daily Wire Service",
            "published": "2022-01-10",
            "title": "Talks open",
            "lang": "en",
            "copy_of": None,
        },
        {
            "key": "m1",
            "url": "javascript:alert(1)",
            "outlet": "Northern Herald",
            "published": "2022-01-11",
            "title": "Day two",
            "lang": "en",
            "copy_of": None,
        },
        {
            "key": "a2",
            "url": None,
            "outlet": "Northern Herald",
            "published": "2022-01-12",
            "title": f"NATO answers {EVIL}",
            "lang": "en",
            "copy_of": None,
        },
        {
            "key": "a3",
            "url": "https://c.example/3",
            "outlet": "Evening Courier",
            "published": "2022-02-17T09:00:00Z",
            "title": "Moscow replies",
            "lang": "en",
            "copy_of": None,
        },
        {
            "key": "a3copy",
            "url": "https://d.example/3",
            "outlet": "Regional Times",
            "published": "2022-02-17",
            "title": "Moscow replies",
            "lang": "en",
            "copy_of": "a3",
        },
    ]
    return fold


def test_view_numbers_originals_and_folds_copies() -> None:
    view = story_view(_fold())
    assert [s.key for s in view["sources"]] == ["a1", "m1", "a2", "a3"]
    assert view["numbers"]["a3copy"] == view["numbers"]["a3"] == 4
    assert [c.key for c in view["sources"][3].copies] == ["a3copy"]
    assert [n for n, _, _ in view["cites"](["a3copy", "a3", "a1"])] == [1, 4]
    assert view["first"] == "2022-01-10" and view["last"] == "2022-02-17"
    axis = view["axis"]
    assert axis[0].left == 0.0 and axis[-1].left == 100.0 and [p.date for p in axis][2] == "2022-02"


def test_markdown_has_every_part_with_footnote_citations() -> None:
    md = story_markdown(_fold())
    assert md.startswith("# Security guarantee talks\n")
    for heading in ("## Summary", "## Timeline", "## Who and what", "## Quotes", "## Coverage", "## Sources"):
        assert heading in md
    assert "Negotiators met in Geneva to discuss security guarantees.[^1][^2]" in md
    assert "Reply delivered to Washington.[^4]" in md  # the copy is cited under its original's number
    assert "| Talks were held in Geneva. | ● | ● | ○ |" in md
    # single-outlet facts are counted per outlet in Markdown rather than listed (the HTML page lists them all)
    assert "NATO rejected a membership veto." not in md.split("## Coverage")[1].split("## Sources")[0]
    assert "Facts only one outlet reports (★): Northern Herald 1" in md
    assert "\\<script\\>" in md and EVIL not in md  # markup in data is escaped
    assert "[^4]: Moscow replies" in md and "copy: Moscow replies" in md


def test_html_is_self_contained_and_escapes_data() -> None:
    html = story_html(_fold())
    assert html.startswith("<!doctype html>") and "<style>" in html and "/static/" not in html
    assert "<script" not in html  # neither our JS nor the data's
    assert "&lt;script&gt;" in html
    assert 'href="#src-1"' in html and 'id="src-4"' in html
    assert "javascript:" not in html  # a data URL that is not http(s) is never a link
    assert 'class="axis"' in html and 'class="matrix"' in html


def test_absent_parts_are_skipped_not_empty() -> None:
    fold = {"id": "x", "title": "Only articles", "articles": _fold()["articles"][:1]}
    md = story_markdown(fold)
    assert "## Summary" not in md and "## Coverage" not in md and "[^1]: Talks open" in md
    html = story_html(fold)
    assert 'id="timeline"' not in html and 'id="coverage"' not in html and "Talks open" in html


def test_nice_date_precision() -> None:
    assert nice_date("2022-02-17T10:00:00Z") == "17 Feb 2022"
    assert nice_date("2022-02") == "Feb 2022"
    assert nice_date("2022") == "2022"
    assert nice_date("2022-W07") == "week of 14 Feb 2022"
    assert nice_date(None) == "undated"
    assert nice_date("someday") == "someday"


def test_a_story_folded_from_part_of_its_reports_says_so() -> None:
    fold = {**_fold(), "folded": {"originals": 100, "of": 1234}}
    note = "Folded from 100 of 1,234 original reports"
    assert note in story_markdown(fold) and note in story_html(fold)
    assert "Folded from" not in story_markdown(_fold())


def test_one_article_from_one_outlet_is_counted_in_the_singular() -> None:
    one = story_markdown({"id": "x", "title": "Only articles", "articles": _fold()["articles"][:1]})
    assert (
        "\n1 article · 1 outlet · 10 Jan 2022\n" in one and "1 articles" not in one and "1 outlets" not in one
    )
    two = story_markdown({"id": "x", "title": "Two", "articles": _fold()["articles"][1:3]})
    assert "\n2 articles · 1 outlet · " in two
    assert "\n5 articles · 4 outlets · " in story_markdown(_fold())
