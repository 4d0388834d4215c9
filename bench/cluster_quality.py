"""Clustering quality over several arrival orders, newsfold beside the plain TF-IDF single-pass peer.

Runs `newsfold eval clustering` (the full pipeline into a fresh store: cleaning, dedup, clustering) on a gold
JSONL file in file order and in shuffled orders, with the peer scored on the same cleaned texts in the same order.

    .venv/bin/python bench/cluster_quality.py ../shared/data/ecbplus-dev/articles.jsonl --orders 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

from newsfold.evaluate.runs import run_clustering_eval
from newsfold.settings import load_settings

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", type=Path)
    parser.add_argument("--orders", type=int, default=5, help="file order plus this many minus one shuffles")
    parser.add_argument("--out", type=Path, default=RESULTS / "cluster_quality.json")
    args = parser.parse_args()
    settings = load_settings({"progress": False}, environ={})
    rows: list[dict[str, Any]] = []
    for seed in [None, *range(1, args.orders)]:
        t0 = time.perf_counter()
        scores = run_clustering_eval(args.gold, settings, seed=seed, peer=True)
        row = {
            "order": "file" if seed is None else f"shuffle {seed}",
            "seconds": round(time.perf_counter() - t0, 1),
        }
        row.update({k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()})
        rows.append(row)
        print(json.dumps(row), flush=True)
    summary = {
        key: {
            "mean": round(statistics.mean(r[key] for r in rows), 4),
            "min": min(r[key] for r in rows),
            "max": max(r[key] for r in rows),
        }
        for key in ("bcubed_f1", "peer_bcubed_f1", "pair_f1", "peer_pair_f1")
    }
    result = {
        "benchmark": "cluster_quality",
        "gold": str(args.gold),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        "orders": rows,
        "summary": summary,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
