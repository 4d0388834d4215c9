"""End-to-end ingest throughput and peak memory, newsfold beside the plain TF-IDF single-pass peer.

Each run is a fresh process ingesting a JSONL stream (bench/corpus.py: derived from real ECB+ and crisis-it
text, see its docstring) into a fresh SQLite store: read, clean, language, dedup, cluster, store. The peer runs
the same pipeline and store with the story index swapped for a plain single-pass TF-IDF centroid clusterer.
Sizes show whether the cost per article grows with the corpus.

    .venv/bin/python bench/ingest_throughput.py --sizes 10000 30000 100000 --peer-max 10000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def _one(path: Path, engine: str, hot_stories: int | None = None) -> dict[str, Any]:
    """Ingest ``path`` into a fresh store in this process; return the figures."""
    from newsfold.evaluate.clustering import TfidfSinglePass, cluster_scores
    from newsfold.pipeline import Folder, ingest
    from newsfold.settings import load_settings
    from newsfold.store import Store

    overrides: dict[str, Any] = {"progress": False}
    if hot_stories:
        overrides["hot_stories"] = hot_stories
    settings = load_settings(overrides, environ={})
    if engine == "peer":
        peer = TfidfSinglePass()

        class PeerStories:
            """The peer behind the StoryIndex interface: it clusters the cleaned text, nothing else."""

            def __init__(self) -> None:
                self.text: dict[str, tuple[str, str | None]] = {}

            def place(self, doc: Any) -> Any:
                from newsfold.models import Placement

                body, lang = self.text.pop(doc.key)
                return Placement(peer.place(doc.key, body, lang), False)

            def resolve(self, sid: str) -> str:
                return sid

            def dirty(self) -> set[str]:
                return set()

            def clear_dirty(self) -> None:
                pass

            def begin_batch(self) -> None:
                pass

            def rolled_back(self) -> tuple[list[tuple[str, bytes]], bytes]:
                return [], b"{}"

            def stats_state(self) -> bytes:
                return b"{}"

        original_init = Folder.__init__
        original_add = Folder.add

        def init(self: Folder, store: Store, settings: Any) -> None:
            original_init(self, store, settings)
            self.stories = PeerStories()  # type: ignore[assignment]

        def add(self: Folder, item: Any, run_id: int, counts: Any) -> None:
            self.stories.text[item.article.key] = (item.article.text, item.article.lang)  # type: ignore[attr-defined]
            original_add(self, item, run_id, counts)

        Folder.__init__ = init  # type: ignore[method-assign]
        Folder.add = add  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="nf-bench-") as tmp, Store.open(Path(tmp) / "b.db") as store:
        t0 = time.perf_counter()
        counts = ingest([path], store, settings)
        seconds = time.perf_counter() - t0
        conn = store.reader()
        pred = {r[0]: r[1] for r in conn.execute("SELECT key, story_id FROM articles")}
        stories = conn.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0]
    gold = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            gold[obj["id"]] = obj["cluster"]
    scores = cluster_scores(pred, gold)
    return {
        "engine": engine,
        "hot_stories": settings.hot_stories,
        "articles": counts.taken + counts.unchanged,
        "seconds": round(seconds, 2),
        "articles_per_s": round((counts.taken + counts.unchanged) / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "copies": counts.copies,
        "stories": stories,
        "bcubed_f1": round(scores["bcubed_f1"], 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument(
        "--peer-max",
        type=int,
        default=10_000,
        help="largest size the peer runs on (its cost grows with the corpus)",
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsfold-bench")
    parser.add_argument("--out", type=Path, default=RESULTS / "ingest_throughput.json")
    parser.add_argument(
        "--hot-stories",
        type=int,
        default=None,
        help="stories kept in memory (default: the setting's 30,000, more than the 100k stream's stories); a smaller "
        "value makes stories leave memory and come back from the store, as on a store past that many stories",
    )
    parser.add_argument("--one", nargs=2, metavar=("PATH", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(Path(args.one[0]), args.one[1], args.hot_stories)))
        return
    args.cache.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        corpus = args.cache / f"stream-{size}.jsonl"
        if not corpus.exists():
            subprocess.run(
                [sys.executable, str(HERE / "corpus.py"), "--articles", str(size), "--out", str(corpus)],
                check=True,
            )
        for engine in ("newsfold", "peer"):
            if engine == "peer" and size > args.peer_max:
                continue
            proc = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--one",
                    str(corpus),
                    engine,
                    *(["--hot-stories", str(args.hot_stories)] if args.hot_stories else []),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            row = {"size": size, **json.loads(proc.stdout.strip().splitlines()[-1])}
            rows.append(row)
            print(json.dumps(row), flush=True)
    result = {
        "benchmark": "ingest_throughput",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
