"""Live feed watching against feeds served by a local http.server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from builders import count_story_state_reads
from newsfold.errors import InputError
from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.watch import read_feed_list, summarize, watch

LONG = " ".join(["The council approved the harbour budget after a long debate."] * 12)


def _channel(base: str, items: str, title: str = "Harbour", lang: str = "") -> bytes:
    """An RSS channel of the given ``<item>`` markup."""
    language = f"<language>{lang}</language>" if lang else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}/</link><description>x</description>{language}{items}</channel></rss>"
    ).encode()


def _feed(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{d}</description>"
        f"<pubDate>Thu, 17 Feb 2022 10:00:00 GMT</pubDate></item>"
        for link, t, d in ((link, f"Item {i}", desc) for i, (link, desc) in enumerate(items, 1))
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour News</title>'
        f"<link>http://example/</link><description>x</description><language>en</language>{entries}</channel></rss>"
    ).encode()


class Site:
    """A tiny news site: a feed with ETag/Last-Modified, robots.txt, article pages; it logs every request."""

    def __init__(self) -> None:
        self.log: list[tuple[str, dict[str, str]]] = []
        self.feed = b""
        self.etag = '"v1"'
        self.base = ""

    def handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(
                self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **hdr: str
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in hdr.items():
                    self.send_header(k.replace("_", "-"), v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                site.log.append((self.path, dict(self.headers)))
                if self.path == "/robots.txt":
                    self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                elif self.path == "/feed.xml":
                    if self.headers.get("If-None-Match") == site.etag:
                        self._send(304)
                    else:
                        self._send(
                            200,
                            site.feed,
                            "application/rss+xml",
                            ETag=site.etag,
                            Last_Modified="Thu, 17 Feb 2022 10:00:00 GMT",
                        )
                elif self.path.startswith(("/news/", "/private/")):
                    page = (
                        f"<html><head><title>Page {self.path}</title></head><body><article><h1>Page</h1>"
                        f"<p>{LONG}</p></article></body></html>"
                    )
                    self._send(200, page.encode())
                elif self.path == "/huge.xml":
                    self._send(200, b"x" * 6_000_000, "application/rss+xml")
                elif self.path == "/empty.xml":
                    self._send(200, b"", "application/rss+xml")
                elif self.path == "/page.html":
                    self._send(200, b"<html><body><p>Not a feed at all.</p></body></html>")
                else:
                    self._send(404, b"no")

        return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), s.handler())
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


class Recorder:
    """Stands in for pipeline.ingest: keeps the JSONL lines it was given (and stores their keys)."""

    def __init__(self) -> None:
        self.lines: list[dict[str, Any]] = []

    def __call__(self, inputs: Any, store: Store, settings: Settings) -> None:
        for path in inputs:
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                self.lines.append(json.loads(line))


def test_poll_conditional_get_robots_and_teasers(site: Site, tmp_path: Path, settings: Settings) -> None:
    site.feed = _feed(
        [
            (f"{site.base}/news/1.html", LONG),  # full text in the feed: no page fetch
            (f"{site.base}/news/2.html", "Short teaser."),  # teaser: fetch the page
            (f"{site.base}/private/3.html", "Another teaser."),  # teaser, but robots.txt forbids the page
        ]
    )
    store = Store.open(tmp_path / "w.db")
    rec = Recorder()
    results = watch(
        [f"{site.base}/feed.xml"], store, settings, once=True, interval=0, delay=0.0, ingest_fn=rec
    )
    assert results[0].status == 200 and results[0].new == 3
    assert results[0].pages == 1 and results[0].blocked == 1
    paths = [p for p, _ in site.log]
    assert "/news/2.html" in paths and "/private/3.html" not in paths and "/news/1.html" not in paths
    by_id = {x["id"]: x for x in rec.lines}
    assert LONG in by_id[f"{site.base}/news/2.html"]["html"]
    assert by_id[f"{site.base}/news/2.html"]["text"] == "Short teaser."
    assert by_id[f"{site.base}/private/3.html"]["text"] == "Another teaser."
    assert by_id[f"{site.base}/news/1.html"]["source"] == "Harbour News"
    assert by_id[f"{site.base}/news/1.html"]["published"] == "2022-02-17T10:00:00Z"
    assert all(h.get("User-Agent", "").startswith("newsfold/") for _, h in site.log)

    # A second run (a new process: validators come from <db>.watch.json) sends them and gets 304.
    again = watch([f"{site.base}/feed.xml"], store, settings, once=True, interval=0, delay=0.0, ingest_fn=rec)
    assert again[0].status == 304 and again[0].new == 0
    last_feed_headers = [h for p, h in site.log if p == "/feed.xml"][-1]
    assert last_feed_headers.get("If-None-Match") == '"v1"'
    assert last_feed_headers.get("If-Modified-Since") == "Thu, 17 Feb 2022 10:00:00 GMT"
    assert "1 feeds polled: 0 new items, 1 not modified" in summarize(again)
    store.close()


def test_politeness_delay_between_requests_to_one_host(
    site: Site, tmp_path: Path, settings: Settings
) -> None:
    import time

    site.feed = _feed([(f"{site.base}/news/{i}.html", "teaser") for i in range(2)])
    store = Store.open(tmp_path / "p.db")
    start = time.monotonic()
    watch(
        [f"{site.base}/feed.xml"],
        store,
        settings,
        once=True,
        interval=0,
        delay=0.3,
        ingest_fn=Recorder(),
        state_path=None,
    )
    # feed, robots.txt, two pages: four requests to one host, at least three gaps of 0.3 s
    assert len(site.log) == 4
    assert time.monotonic() - start >= 0.85
    store.close()


def test_size_cap_and_errors_are_reported_not_raised(site: Site, tmp_path: Path, settings: Settings) -> None:
    store = Store.open(tmp_path / "e.db")
    results = watch(
        [f"{site.base}/huge.xml", f"{site.base}/missing.xml", "http://127.0.0.1:9/feed.xml"],
        store,
        settings,
        once=True,
        interval=0,
        delay=0.0,
        ingest_fn=Recorder(),
        state_path=None,
    )
    assert "cap" in (results[0].error or "")
    assert results[1].status == 404 and results[1].error
    assert results[2].status == 0 and results[2].error
    # a 200 that is no feed is a failure too, not a feed with no items
    empty, page = watch(
        [f"{site.base}/empty.xml", f"{site.base}/page.html"],
        store,
        settings,
        once=True,
        interval=0,
        delay=0.0,
        ingest_fn=Recorder(),
        state_path=None,
    )
    assert empty.error == "empty response: no feed"
    assert page.error and ("feed" in page.error)
    with pytest.raises(InputError):
        watch(["file:///etc/passwd"], store, settings, once=True, interval=0)
    store.close()


def test_feed_list_file(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text("# my feeds\nhttp://a.example/rss  # news\n\nhttps://b.example/atom\n", encoding="utf-8")
    assert read_feed_list(path) == ["http://a.example/rss", "https://b.example/atom"]


def test_new_items_flow_through_the_pipeline(site: Site, tmp_path: Path, settings: Settings) -> None:
    from newsfold.store import queries as q

    site.feed = _feed([(f"{site.base}/news/{i}.html", f"{LONG} Part {i}.") for i in range(3)])
    store = Store.open(tmp_path / "pipe.db")
    results = watch([f"{site.base}/feed.xml"], store, settings, once=True, interval=0, delay=0.0)
    assert results[0].new == 3, results
    stories = q.list_stories(store.reader())
    assert sum(s["size"] for s in stories) == 3
    # the same feed again, even without validators, adds nothing (items already in the store are skipped)
    site.etag = '"v2"'
    again = watch([f"{site.base}/feed.xml"], store, settings, once=True, interval=0, delay=0.0)
    assert again[0].status == 200 and again[0].new == 0
    store.close()


def test_polls_of_one_watch_keep_the_indexes_in_memory(
    site: Site, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every poll after the first places its new items without reading the stories back from the store."""
    from newsfold.store import queries as q

    reads = count_story_state_reads(monkeypatch)
    site.feed = _feed([(f"{site.base}/news/1.html", f"{LONG} Part 1.")])
    stop = threading.Event()
    rounds: list[int] = []

    def next_round(result: Any) -> None:
        rounds.append(result.new)
        if len(rounds) == 3:
            stop.set()
        else:  # the feed gains an item before the next round
            n = len(rounds) + 1
            site.feed = _feed([(f"{site.base}/news/{i}.html", f"{LONG} Part {i}.") for i in range(1, n + 1)])
            site.etag = f'"v{n}"'

    store = Store.open(tmp_path / "kept.db")
    watch(
        [f"{site.base}/feed.xml"],
        store,
        settings,
        once=False,
        interval=0,
        delay=0.0,
        stop=stop,
        on_result=next_round,
    )
    assert rounds == [1, 1, 1]
    assert sum(s["size"] for s in q.list_stories(store.reader())) == 3
    assert len(reads) == 1  # the first poll read the store; the next two kept what it had
    store.close()


def test_watch_command_once(site: Site, tmp_path: Path) -> None:
    """`newsfold watch FEEDS.txt --once` as a process: polls, ingests, prints one line; a dead feed exits 1."""
    import os
    import subprocess
    import sys

    site.feed = _feed(
        [(f"{site.base}/news/1", LONG), (f"{site.base}/news/2", LONG.replace("harbour", "airport"))]
    )
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# local test feed\n{site.base}/feed.xml\n", encoding="utf-8")
    env = dict(os.environ, NEWSFOLD_DB=str(tmp_path / "w.db"))
    cmd = [sys.executable, "-m", "newsfold.cli", "watch", str(feeds), "--once"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "1 feeds polled: 2 new items" in proc.stdout
    stories = subprocess.run(
        [sys.executable, "-m", "newsfold.cli", "stories", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert sum(s["size"] for s in json.loads(stories.stdout)) == 2
    feeds.write_text(f"{site.base}/missing.xml\n", encoding="utf-8")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1 and "1 failed" in proc.stdout


@pytest.mark.slow
def test_serve_with_watch_as_a_process(site: Site, tmp_path: Path) -> None:
    """`newsfold serve --watch` as a real server process: feed items appear in the API while it serves."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    site.feed = _feed([(f"{site.base}/news/1", LONG)])
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site.base}/feed.xml\n", encoding="utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, NEWSFOLD_DB=str(tmp_path / "s.db"))
    cmd = [sys.executable, "-m", "newsfold.cli", "serve", "--port", str(port), "--watch", str(feeds)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        stories: list[dict[str, Any]] = []
        while time.monotonic() < deadline and not stories:
            time.sleep(0.5)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories", timeout=5) as resp:
                    stories = json.loads(resp.read())
            except OSError:
                continue
        assert stories and stories[0]["size"] == 1, proc.stderr.read() if proc.poll() is not None else ""
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_polled_items_are_read_as_the_feed_reader_reads_them(
    site: Site, tmp_path: Path, settings: Settings
) -> None:
    # a French channel with a Spanish item, a relative link, an html title and a date with its offset
    spanish = " ".join(
        ["El ayuntamiento aprobó el presupuesto del puerto tras un largo debate en el pleno."] * 12
    )
    site.feed = _channel(
        site.base,
        "<item><title>Presupuesto &amp;ndash; aprobado</title><link>/es/1.html</link>"
        f"<description>{spanish}</description><pubDate>Thu, 17 Feb 2022 10:00:00 +0100</pubDate></item>",
        title="Le Port",
        lang="fr",
    )
    store = Store.open(tmp_path / "w.db")
    assert watch([f"{site.base}/feed.xml"], store, settings, once=True, interval=0, delay=0.0)[0].new == 1
    row = store.reader().execute("SELECT key, title, lang, published FROM articles").fetchone()
    assert row["key"] == f"{site.base}/es/1.html"
    assert (row["title"], row["lang"], row["published"]) == (
        "Presupuesto – aprobado",
        "es",
        "2022-02-17T10:00:00+01:00",
    )
    store.close()


def test_polled_bodies_are_read_as_the_feed_reader_reads_them(
    site: Site, tmp_path: Path, settings: Settings
) -> None:
    # html-typed text without tags: its entities decoded, as `newsfold ingest feed.xml` reads it
    body = " ".join(
        ["Tom &amp;amp; Jerry opened the harbour festival after a long debate in the council."] * 12
    )
    site.feed = _channel(
        site.base,
        f"<item><title>Festival</title><link>{site.base}/1.html</link><description>{body}</description></item>",
    )
    store = Store.open(tmp_path / "w.db")
    assert watch([f"{site.base}/feed.xml"], store, settings, once=True, interval=0, delay=0.0)[0].new == 1
    text = store.reader().execute("SELECT text FROM articles").fetchone()["text"]
    assert "Tom & Jerry opened" in text and "&amp;" not in text
    store.close()


def test_an_empty_published_falls_back_to_updated() -> None:
    import feedparser

    from newsfold.ingest.feeds import item_published

    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        '<entry><title>B</title><link href="http://x/b"/><id>http://x/b</id><published></published>'
        "<updated>2023-03-08T10:00:00Z</updated><summary>body</summary></entry></feed>"
    )
    (entry,) = feedparser.parse(atom).entries
    assert item_published(entry)[1] == "2023-03-08T10:00:00Z"


def test_an_item_without_link_or_guid_is_taken_once(site: Site, tmp_path: Path, settings: Settings) -> None:
    body = " ".join(
        ["The harbour council approved the new budget after a long debate on Tuesday night."] * 12
    )
    site.feed = _channel(
        site.base, f"<item><title>Budget approved</title><description>{body}</description></item>"
    )
    store = Store.open(tmp_path / "w.db")
    site.etag = '"a"'
    assert watch([f"{site.base}/feed.xml"], store, settings, once=True, interval=0, delay=0.0)[0].new == 1
    site.etag = '"b"'  # the feed is served again in full: the same item is no new article
    assert watch([f"{site.base}/feed.xml"], store, settings, once=True, interval=0, delay=0.0)[0].new == 0
    (key,) = [r["key"] for r in store.reader().execute("SELECT key FROM articles")]
    assert key.startswith(f"{site.base}/feed.xml#")
    store.close()
