"""Extraction speed: newsfold's extract_html against trafilatura alone, on the same fixed pages, in one run.

    .venv/bin/python bench/extract_speed.py [--gold ../shared/data/extraction-dev/evaldata.json] [--pages 300]

Prints docs/s for newsfold and for trafilatura (``extract`` with default settings, and with metadata), and writes
them to bench/results/extract_speed.json. Pages come in the gold file's order with their URLs, so every run times
the same input; the extractors alternate page by page, so a busy shared machine slows them alike.
Issue 5's target: newsfold at least 0.8x trafilatura's default docs/s.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import trafilatura

from newsfold.evaluate.extraction import Extractor, newsfold_extractor, read_pages, trafilatura_extractor

ROOT = Path(__file__).resolve().parents[1]


def _load(gold: Path, limit: int) -> list[tuple[str, str | None]]:
    data = json.loads(gold.read_text(encoding="utf-8"))
    return [(html, url) for html, url, _ in read_pages(gold, data)][:limit]


def _time(runs: dict[str, Extractor], pages: list[tuple[str, str | None]], repeat: int) -> dict[str, float]:
    """Docs/s per extractor; extractors alternate page by page so that load on a shared machine hits all alike."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        spent = dict.fromkeys(runs, 0.0)
        for html, url in pages:
            for name, fn in runs.items():
                start = time.perf_counter()
                fn(html, url)
                spent[name] += time.perf_counter() - start
        best = {name: min(best[name], spent[name]) for name in runs}
    return {name: len(pages) / best[name] for name in runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, default=ROOT.parent / "shared" / "data" / "extraction-dev" / "evaldata.json"
    )
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=1, help="runs per extractor; the fastest counts")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extract_speed.json")
    args = parser.parse_args()
    pages = _load(args.gold, args.pages)
    runs: dict[str, Extractor] = {
        "trafilatura": trafilatura_extractor,
        "trafilatura_metadata": lambda html, url: (
            trafilatura.extract(html, url=url, with_metadata=True) or ""
        ),
        "newsfold": newsfold_extractor,
    }
    _time(runs, pages[:3], 1)  # warm up imports and caches for every extractor alike
    rates = _time(runs, pages, args.repeat)
    result = {
        "pages": len(pages),
        "gold": str(args.gold),
        "docs_per_s": {k: round(v, 1) for k, v in rates.items()},
        "ratio_vs_trafilatura": round(rates["newsfold"] / rates["trafilatura"], 3),
        "ratio_vs_trafilatura_metadata": round(rates["newsfold"] / rates["trafilatura_metadata"], 3),
        "python": platform.python_version(),
        "trafilatura_version": trafilatura.__version__,
    }
    for name, rate in rates.items():
        print(f"{name:22s} {rate:8.1f} docs/s")
    print(f"newsfold / trafilatura: {result['ratio_vs_trafilatura']:.2f}x")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
