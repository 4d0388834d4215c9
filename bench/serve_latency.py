"""Serve latency: story page (fold cached) and API from a store of N articles, real uvicorn on loopback.

    python bench/serve_latency.py [--articles 100000] [--db bench/results/serve_latency.db] [--requests 2000]

Builds (or reuses, when it already holds N articles) a store of synthetic articles in stories of
``--story-size``, caches the fold of one large story, starts ``uvicorn`` on 127.0.0.1 in a subprocess, and
loads it from a second process (sequential keep-alive GETs, bounded by ``--requests`` and ``--seconds`` per
path). Prints p50/p99 per path and writes ``bench/results/serve_latency.json``. Target: story page p99 < 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
WORDS = [
    "minister",
    "talks",
    "security",
    "proposal",
    "alliance",
    "reply",
    "border",
    "troops",
    "summit",
    "letter",
    "guarantee",
    "council",
    "vote",
    "budget",
    "harbour",
    "election",
    "court",
    "ruling",
    "market",
    "prices",
    "energy",
    "pipeline",
    "sanctions",
    "embassy",
    "statement",
    "agency",
    "report",
]
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
FOLDED_STORY = "bench-story-0"


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build_store(path: Path, articles: int, story_size: int, seed: int = 7) -> None:
    """Fill a fresh store with synthetic articles through Store methods (no pipeline: it measures serving)."""
    from newsfold.models import Article
    from newsfold.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    rng = random.Random(seed)
    store = Store.open(path)
    run = store.begin_run(["bench"])
    story_ids: list[str] = []
    with store.transaction():
        for i in range(articles):
            sid = f"bench-story-{i // story_size}"
            if not story_ids or story_ids[-1] != sid:
                story_ids.append(sid)
            day = f"2022-{1 + (i * 12 // articles):02d}-{1 + i % 28:02d}"
            body = "\n\n".join(_text(rng, 40) for _ in range(5))
            art = Article(
                key=f"bench-{i}",
                location="bench",
                fmt="jsonl",
                raw=body,
                text=body,
                title=_text(rng, 8),
                url=f"https://news.example/{i}",
                outlet=rng.choice(OUTLETS),
                published=day,
                lang="en",
            )
            store.add_article(
                art,
                raw_hash=str(i),
                text_hash=str(i),
                story_id=sid,
                copy_of=None,
                similarity=None,
                signature=None,
                features=None,
                run_id=run,
            )
        store.refresh_stories(story_ids, lambda rows: rows[0]["title"])
    store.close()


def synthetic_fold(store_path: Path) -> dict[str, Any]:
    """A fold of the contract's shape over the members of one story (every part present)."""
    from newsfold.store import Store
    from newsfold.store import queries as q

    store = Store.open(store_path)
    members = q.story_members(store.reader(), FOLDED_STORY)
    keys = [m["key"] for m in members]
    outlets = sorted({m["outlet"] for m in members})
    rng = random.Random(1)
    facts = [{"id": f"f{i}", "text": _text(rng, 12), "articles": rng.sample(keys, 2)} for i in range(12)]
    fold = {
        "id": FOLDED_STORY,
        "title": members[0]["title"],
        "summary": [{"text": _text(rng, 25), "articles": rng.sample(keys, 2)} for _ in range(8)],
        "timeline": [
            {"date": m["published"][:10], "text": _text(rng, 14), "articles": [m["key"]]} for m in members
        ],
        "entities": [
            {"name": w.title(), "type": "ORG", "variants": [w.title(), w.upper()], "articles": keys[:3]}
            for w in WORDS[:15]
        ],
        "quotes": [
            {"speaker": "Minister", "text": _text(rng, 15), "exact": True, "articles": [k]} for k in keys[:6]
        ],
        "coverage": {
            "facts": facts,
            "outlets": [
                {
                    "name": o,
                    "country": None,
                    "type": None,
                    "articles": [m["key"] for m in members if m["outlet"] == o],
                    "reports": [f["id"] for f in facts[::2]],
                    "only_here": [],
                    "left_out": [f["id"] for f in facts[1::4]],
                }
                for o in outlets
            ],
        },
        "articles": [
            {
                "key": m["key"],
                "url": m["url"],
                "outlet": m["outlet"],
                "published": m["published"],
                "title": m["title"],
                "lang": m["lang"],
                "copy_of": None,
            }
            for m in members
        ],
    }
    store.save_fold(FOLDED_STORY, fold)
    store.close()
    return fold


def _count(path: Path) -> int:
    import sqlite3

    if not path.exists():
        return -1
    with sqlite3.connect(path) as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.Error:
            return -1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def client_main(base: str, paths: list[str], requests: int, seconds: float) -> None:
    """Load client (the second process): sequential GETs per path; prints JSON latencies in ms."""
    import httpx

    out: dict[str, list[float]] = {}
    with httpx.Client(base_url=base, timeout=10.0) as client:
        for path in paths:
            for _ in range(20):  # warm-up
                client.get(path)
            lat: list[float] = []
            deadline = time.monotonic() + seconds
            while len(lat) < requests and time.monotonic() < deadline:
                t0 = time.perf_counter()
                resp = client.get(path)
                lat.append((time.perf_counter() - t0) * 1000)
                if resp.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {resp.status_code}")
            out[path] = lat
    print(json.dumps(out))


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--story-size", type=int, default=10)
    parser.add_argument("--db", type=Path, default=RESULTS / "serve_latency.db")
    parser.add_argument("--requests", type=int, default=2000, help="at most this many requests per path")
    parser.add_argument("--seconds", type=float, default=30.0, help="at most this long per path")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--client", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--paths", nargs="*", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client_main(args.client, args.paths or [], args.requests, args.seconds)
        return

    RESULTS.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    if args.rebuild or _count(args.db) != args.articles:
        print(f"building a store of {args.articles} articles at {args.db} ...", flush=True)
        build_store(args.db, args.articles, args.story_size)
    build_s = time.perf_counter() - t0
    synthetic_fold(args.db)
    port = _free_port()
    server_code = (
        "import uvicorn; from newsfold.api import create_app; from newsfold.settings import load_settings; "
        f"from newsfold.store import Store; s = Store.open({str(args.db)!r}); "
        f"uvicorn.run(create_app(load_settings(environ={{}}, config_file=None), s), host='127.0.0.1', port={port}, "
        "log_level='warning', access_log=False)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen([sys.executable, "-c", server_code], env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        paths = [f"/stories/{FOLDED_STORY}", f"/api/stories/{FOLDED_STORY}", "/api/stories?limit=20", "/"]
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--client",
                base,
                "--requests",
                str(args.requests),
                "--seconds",
                str(args.seconds),
                "--paths",
                *paths,
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        server.terminate()
        server.wait(10)
    latencies = json.loads(out)
    report: dict[str, Any] = {
        "articles": _count(args.db),
        "stories": -(-args.articles // args.story_size),
        "story_size": args.story_size,
        "build_s": round(build_s, 1),
        "paths": {},
    }
    for path, lat in latencies.items():
        stats = {
            "n": len(lat),
            "p50_ms": _pct(lat, 50),
            "p99_ms": _pct(lat, 99),
            "mean_ms": round(statistics.fmean(lat), 2),
        }
        report["paths"][path] = stats
        print(f"{path:40s} n={stats['n']:5d}  p50={stats['p50_ms']:7.2f} ms  p99={stats['p99_ms']:7.2f} ms")
    story_p99 = report["paths"][f"/stories/{FOLDED_STORY}"]["p99_ms"]
    report["target"] = {"story_page_p99_ms": 50, "met": story_p99 < 50}
    (RESULTS / "serve_latency.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"story page p99 {story_p99} ms (target < 50 ms): {'met' if story_p99 < 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
