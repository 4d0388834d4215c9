"""Server-rendered pages and Atom feeds, over a store filled through Store methods."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient

from newsfold.api import create_app
from newsfold.settings import Settings
from test_api import EVIL, build_store

HTML = {"accept": "text/html"}


@pytest.fixture
def client(tmp_path: Path, settings: Settings) -> Iterator[TestClient]:
    store = build_store(tmp_path / "w.db")
    with TestClient(create_app(settings, store)) as c:
        yield c
    store.close()


def test_story_list_shows_size_outlets_and_paging_facts(client: TestClient) -> None:
    page = client.get("/", headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert html.index("Security guarantee talks") < html.index("Coach fired")  # newest first
    assert 'href="/stories/s1"' in html and "Regional Times" in html
    assert re.search(r'data-updated="\d{4}-\d\d-\d\dT[^"]+Z"', html)  # for the "new since last visit" marker
    assert re.search(r'<body data-now="\d{4}-', html)


def test_story_list_filters(client: TestClient) -> None:
    by_outlet = client.get("/", params={"outlet": "Regional Times"}).text
    assert "Security guarantee talks" in by_outlet and "Coach fired" not in by_outlet
    by_date = client.get("/", params={"since": "2021-05-01", "until": "2021-07-01"}).text
    assert "Coach fired" in by_date and "Security guarantee talks" not in by_date
    by_lang = client.get("/", params={"lang": "de"}).text
    assert "No stories" in by_lang
    searched = client.get("/", params={"q": "Geneva"}).text
    assert "Security guarantee talks" in searched and "Coach fired" not in searched
    assert client.get("/", params={"since": "soon"}).status_code == 400
    past_the_end = client.get("/", params={"page": 50}).text
    assert "No stories on page 50" in past_the_end and "newsfold ingest" not in past_the_end


def test_script_in_title_and_body_is_text_never_markup(client: TestClient) -> None:
    for path in ("/", "/stories/s2", "/articles/b1", "/stories/s1", "/outlets/Evening%20Courier"):
        html = client.get(path, headers=HTML).text
        assert EVIL not in html, path
        assert "<script>alert" not in html, path
    assert "&lt;script&gt;alert(" in client.get("/articles/b1").text
    assert "&lt;script&gt;alert(" in client.get("/stories/s1").text  # in the summary sentence


def test_story_page_parts(client: TestClient) -> None:
    html = client.get("/stories/s1").text
    for part in (
        'id="summary"',
        'id="timeline"',
        'class="axis"',
        'id="coverage"',
        'id="quotes"',
        'id="entities"',
    ):
        assert part in html
    # citations link to the article pages; a copy is cited under its original's number
    assert re.search(r'<a class="cite" href="/articles/a1"[^>]*>1</a>', html)
    assert html.count('class="axis-dot') == 4  # four distinct dates, the month-only one included
    assert "only Northern Herald reports this" in html and "Evening Courier leaves this out" in html
    assert "1 copy of this article" in html and 'href="/articles/a3copy"' in html
    assert "also the alliance" in html
    assert "“Moscow delivered its reply”" in html and "paraphrase" in html


def test_story_page_without_fold_parts_renders_articles(client: TestClient) -> None:
    # s2 has no cached fold: it is computed by the pipeline, or (stages not installed) shows its articles
    html = client.get("/stories/s2").text
    assert 'id="articles"' in html and 'href="/articles/b1"' in html


def test_article_page_text_and_removed(client: TestClient) -> None:
    html = client.get("/articles/a1").text
    assert "<p>Negotiators met in Geneva on Monday.</p>" in html
    assert '<details class="removed">' in html and "Share this story" in html and "widget:share" in html
    assert 'href="/stories/s1"' in html


def test_outlet_page_and_unknown_outlet(client: TestClient) -> None:
    html = client.get("/outlets/Northern%20Herald").text
    assert "Northern Herald" in html and 'href="/stories/s1"' in html
    assert re.search(r"Facts only it reports</dt><dd>1</dd>", html)
    assert client.get("/outlets/Nobody").status_code == 404


def test_quarantine_page(client: TestClient) -> None:
    html = client.get("/quarantine").text
    assert "feeds/home.html" in html and "no article body" in html


def test_browser_gets_an_html_error_page(client: TestClient) -> None:
    resp = client.get("/stories/missing", headers=HTML)
    assert resp.status_code == 404 and "Not found" in resp.text and "<html" in resp.text
    assert client.get("/api/stories/missing", headers=HTML).json()["status"] == 404


def test_atom_feed_is_valid(client: TestClient) -> None:
    resp = client.get("/feed.atom")
    assert resp.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(resp.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.link for e in feed.entries] == ["http://testserver/stories/s1", "http://testserver/stories/s2"]
    first = feed.entries[0]
    assert first.updated_parsed and first.published_parsed and first.id
    assert "Negotiators met in Geneva" in first.summary
    assert feed.entries[1].title == f"Coach fired {EVIL}"  # escaped in XML, the same text after parsing


def test_atom_feed_per_query(client: TestClient) -> None:
    feed = feedparser.parse(client.get("/feed.atom", params={"q": "coach"}).content)
    assert feed.bozo == 0 and "coach" in feed.feed.title
    assert [e.link for e in feed.entries] == ["http://testserver/stories/s2"]
    assert client.get("/feed.atom", params={"q": "x" * 900}).status_code == 400


def test_static_files_are_served(client: TestClient) -> None:
    assert "--accent" in client.get("/static/style.css").text
    assert "newsfold.lastVisit" in client.get("/static/app.js").text


@pytest.mark.slow
def test_end_to_end_over_the_seeds(shared_seeds: Path, tmp_path: Path, settings: Settings) -> None:
    from newsfold.pipeline import ingest
    from newsfold.store import Store

    store = Store.open(tmp_path / "seeds.db")
    ingest([shared_seeds], store, settings)
    with TestClient(create_app(settings, store)) as c:
        stories = c.get("/api/stories").json()
        assert stories and sum(s["size"] for s in stories) >= 5
        listing = c.get("/").text
        for s in stories:
            assert f'href="/stories/{s["id"]}"' in listing
            page = c.get(f"/stories/{s['id']}")
            assert page.status_code == 200 and 'id="articles"' in page.text
            fold = c.get(f"/api/stories/{s['id']}").json()
            assert fold["id"] == s["id"] and {a["key"] for a in fold["articles"]} == set(s["articles"])
            for key in s["articles"]:
                art = c.get(f"/articles/{key}")
                assert art.status_code == 200
        assert feedparser.parse(c.get("/feed.atom").content).bozo == 0
    store.close()
