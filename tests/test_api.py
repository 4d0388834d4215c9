"""The JSON API over a real SQLite store filled through Store methods (no pipeline needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsfold.api import create_app
from newsfold.models import Article, Removed
from newsfold.pipeline import fold_made_by
from newsfold.settings import Settings, load_settings
from newsfold.store import Store

EVIL = "<script>alert('x')</script>"


def _article(key: str, outlet: str, day: str, title: str, text: str, lang: str = "en") -> Article:
    return Article(
        key=key,
        location=f"test/{key}",
        fmt="jsonl",
        raw=json.dumps({"id": key, "text": text}),
        text=text,
        title=title,
        url=f"https://{outlet.lower().replace(' ', '')}.example/{key}",
        outlet=outlet,
        published=day,
        lang=lang,
        removed=(Removed("Share this story", "widget", "widget:share"), Removed(EVIL, "boilerplate", "test")),
    )


ARTICLES: list[tuple[str, str, str, str, str, str]] = [
    # key, story, outlet, day, title, text
    (
        "a1",
        "s1",
        "Daily Wire Service",
        "2022-01-10",
        "Talks open in Geneva",
        "Negotiators met in Geneva on Monday.\n\nThe talks on security guarantees lasted seven hours.",
    ),
    (
        "a2",
        "s1",
        "Northern Herald",
        "2022-01-12",
        "NATO answers proposals",
        "NATO sent written answers on Wednesday.\n\nThe alliance rejected a veto on membership.",
    ),
    (
        "a3",
        "s1",
        "Evening Courier",
        "2022-02-17",
        "Moscow replies to Washington",
        "Moscow delivered its reply on Thursday, the ministry said.",
    ),
    (
        "a3copy",
        "s1",
        "Regional Times",
        "2022-02-17",
        "Moscow replies to Washington",
        "Moscow delivered its reply on Thursday, the ministry said.",
    ),
    (
        "b1",
        "s2",
        "Evening Courier",
        "2021-06-01",
        f"Coach fired {EVIL}",
        f"The club fired its coach after a losing season. {EVIL}",
    ),
    (
        "m1",
        "s0",
        "Northern Herald",
        "2022-01-11",
        "Geneva talks, day two",
        "A second day of talks in Geneva ended without agreement.",
    ),
]

FOLD_S1: dict[str, Any] = {
    "id": "s1",
    "title": "Security guarantee talks",
    "summary": [
        {"text": "Negotiators met in Geneva to discuss security guarantees.", "articles": ["a1", "m1"]},
        {"text": "NATO rejected a veto on membership.", "articles": ["a2"]},
        {"text": f"Moscow replied in February. {EVIL}", "articles": ["a3", "a3copy"]},
    ],
    "timeline": [
        {"date": "2022-01-10", "text": "Talks open in Geneva.", "articles": ["a1"]},
        {"date": "2022-01-12", "text": "NATO sends written answers.", "articles": ["a2"]},
        {"date": "2022-02", "text": "Moscow replies.", "articles": ["a3"]},
        {"date": "2022-02-17", "text": "Reply delivered to Washington.", "articles": ["a3", "a3copy"]},
    ],
    "entities": [
        {"name": "NATO", "type": "ORG", "variants": ["NATO", "the alliance"], "articles": ["a2"]},
        {"name": "Geneva", "type": "GPE", "variants": ["Geneva"], "articles": ["a1", "m1"]},
    ],
    "quotes": [
        {"speaker": "the ministry", "text": "Moscow delivered its reply", "exact": True, "articles": ["a3"]},
        {"speaker": None, "text": "talks lasted seven hours", "exact": False, "articles": ["a1"]},
    ],
    "coverage": {
        "facts": [
            {"id": "f1", "text": "Talks were held in Geneva.", "articles": ["a1", "m1"]},
            {"id": "f2", "text": "NATO rejected a membership veto.", "articles": ["a2"]},
            {"id": "f3", "text": "Moscow replied in February.", "articles": ["a3"]},
        ],
        "outlets": [
            {
                "name": "Daily Wire Service",
                "country": "US",
                "type": "agency",
                "articles": ["a1"],
                "reports": ["f1"],
                "only_here": [],
                "left_out": ["f3"],
            },
            {
                "name": "Northern Herald",
                "country": None,
                "type": None,
                "articles": ["a2", "m1"],
                "reports": ["f1", "f2"],
                "only_here": ["f2"],
                "left_out": [],
            },
            {
                "name": "Evening Courier",
                "country": "GB",
                "type": "newspaper",
                "articles": ["a3"],
                "reports": ["f3"],
                "only_here": [],
                "left_out": ["f1"],
            },
        ],
    },
}


def build_store(path: Path) -> Store:
    """A store with two live stories (s1 cached fold, s2 without), a merged one (s0 -> s1) and a quarantine entry."""
    store = Store.open(path)
    run = store.begin_run(["test"])
    with store.transaction():
        for key, story, outlet, day, title, text in ARTICLES:
            store.add_article(
                _article(key, outlet, day, title, text),
                raw_hash=key,
                text_hash=text,
                story_id=story,
                copy_of="a3" if key == "a3copy" else None,
                similarity=None,
                signature=None,
                features=None,
                run_id=run,
            )
        store.refresh_stories(["s0", "s1", "s2"], lambda rows: rows[0]["title"])
        store.merge_stories("s0", "s1")
        store.refresh_stories(["s1"], lambda rows: "Security guarantee talks")
        from newsfold.models import Rejected

        store.quarantine(Rejected("feeds/home.html", "clean", "no article body"), run)
    fold = dict(FOLD_S1)
    fold["articles"] = [
        {
            "key": k,
            "url": f"https://x.example/{k}",
            "outlet": o,
            "published": d,
            "title": t,
            "lang": "en",
            "copy_of": "a3" if k == "a3copy" else None,
        }
        for k, s, o, d, t, _ in ARTICLES
        if s in {"s1", "s0"}
    ]
    # cached as made by this code with the default settings (the fixtures' settings), so that it is served as it is
    store.save_fold("s1", fold, fold_made_by(load_settings(environ={}, config_file=None)))
    return store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = build_store(tmp_path / "t.db")
    yield s
    s.close()


@pytest.fixture
def client(store: Store, settings: Settings) -> TestClient:
    with TestClient(create_app(settings, store)) as c:
        yield c


def _is_error(resp: Any, status: int) -> None:
    assert resp.status_code == status
    body = resp.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)


def test_stories_list_contract_shape_and_order(client: TestClient) -> None:
    data = client.get("/api/stories").json()
    assert [s["id"] for s in data] == ["s1", "s2"]  # newest last_published first, merged s0 absent
    s1 = data[0]
    assert set(s1) >= {"id", "title", "first_published", "last_published", "articles", "outlets", "size"}
    assert s1["size"] == 5 and "m1" in s1["articles"]
    assert "Regional Times" in s1["outlets"]


def test_stories_paging_and_search(client: TestClient) -> None:
    assert [s["id"] for s in client.get("/api/stories?limit=1&offset=1").json()] == ["s2"]
    assert client.get("/api/stories?limit=0").json() == []
    assert [s["id"] for s in client.get("/api/stories", params={"q": "coach"}).json()] == ["s2"]
    assert [s["id"] for s in client.get("/api/stories", params={"q": "geneva"}).json()] == ["s1"]
    assert client.get("/api/stories", params={"q": "nothingmatcheshere"}).json() == []
    assert [s["id"] for s in client.get("/api/stories?since=2022-01-01").json()] == ["s1"]


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "NEAR(a b", "a AND OR b", "*", "title:x", "-", "(", "')--", 'a"b"c', "^start"],
)
def test_odd_search_text_never_500(client: TestClient, query: str) -> None:
    resp = client.get("/api/stories", params={"q": query})
    assert resp.status_code in {200, 400}
    page = client.get("/", params={"q": query}, headers={"accept": "text/html"})
    assert page.status_code in {200, 400}


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "abc"},
        {"limit": "-1"},
        {"offset": "x"},
        {"since": "yesterday"},
        {"since": "2022-13-45"},
        {"q": "x" * 600},
        {"q": "a\x00b"},
        {"limit": "99999999999999999999"},
        {"limit": "9223372036854775808"},
        {"offset": "9223372036854775808"},
        {"offset": "99999999999999999999", "limit": "1"},
    ],
)
def test_malformed_params_are_400_in_the_error_shape(client: TestClient, params: dict[str, str]) -> None:
    _is_error(client.get("/api/stories", params=params), 400)


def test_story_fold_served_from_cache(client: TestClient) -> None:
    data = client.get("/api/stories/s1").json()
    assert data["id"] == "s1" and data["summary"][0]["articles"] == ["a1", "m1"]
    assert data["coverage"]["outlets"][1]["only_here"] == ["f2"]


def test_story_without_cached_fold_still_answers(client: TestClient) -> None:
    resp = client.get("/api/stories/s2")
    assert resp.status_code == 200
    data = resp.json()
    assert data["id"] == "s2" and [a["key"] for a in data["articles"]] == ["b1"]


def test_merged_story_redirects_permanently(client: TestClient) -> None:
    resp = client.get("/api/stories/s0", follow_redirects=False)
    assert resp.status_code in {301, 308}
    assert resp.headers["location"].endswith("/api/stories/s1")
    page = client.get("/stories/s0", follow_redirects=False)
    assert page.status_code in {301, 308} and page.headers["location"].endswith("/stories/s1")


def test_unknown_ids_are_404_in_the_error_shape(client: TestClient) -> None:
    _is_error(client.get("/api/stories/nope"), 404)
    _is_error(client.get("/api/articles/nope"), 404)
    _is_error(client.get("/api/no/such/route"), 404)


def test_largest_limit_and_offset_still_answer(client: TestClient) -> None:
    biggest = str(2**63 - 1)  # SQLite's largest INTEGER
    assert [s["id"] for s in client.get("/api/stories", params={"limit": biggest}).json()] == ["s1", "s2"]
    assert client.get("/api/stories", params={"offset": biggest}).json() == []


@pytest.mark.parametrize(
    "path", ["/stories/nonexistent", "/articles/nope", "/outlets/Nobody", "/no/such/route"]
)
def test_page_errors_are_html_pages_even_without_accept(client: TestClient, path: str) -> None:
    resp = client.get(path)  # a plain client (curl, a script): no Accept header
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    assert "<html" in resp.text and "Not found" in resp.text and 'href="/"' in resp.text
    # a client that asks for JSON still gets the one error body
    _is_error(client.get(path, headers={"accept": "application/json"}), 404)


def test_api_errors_stay_json_for_a_browser(client: TestClient) -> None:
    _is_error(client.get("/api/stories/nonexistent", headers={"accept": "text/html"}), 404)
    _is_error(client.get("/api/stories?limit=x", headers={"accept": "text/html,*/*"}), 400)


def test_method_not_allowed_uses_the_error_shape(client: TestClient) -> None:
    _is_error(client.post("/api/stories"), 405)


def test_article_with_url_like_key_and_removed(client: TestClient, store: Store) -> None:
    data = client.get("/api/articles/a3").json()
    assert data["story"] == "s1" and data["copies"] == ["a3copy"] and "removed" not in data
    assert client.get("/api/articles/a3copy").json()["copy_of"] == "a3"
    removed = client.get("/api/articles/a1?removed=true").json()["removed"]
    assert removed[0] == {"text": "Share this story", "kind": "widget", "rule": "widget:share"}
    # merged article reports its live story
    assert client.get("/api/articles/m1").json()["story"] == "s1"


def test_quarantine_listing(client: TestClient) -> None:
    rows = client.get("/api/quarantine").json()
    assert rows and rows[0]["input"] == "feeds/home.html" and rows[0]["reason"] == "no article body"
    assert rows[0]["at"]


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/quarantine"):
        assert path in spec["paths"]
    assert "ErrorOut" in spec["components"]["schemas"]
