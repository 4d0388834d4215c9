"""Extraction speed: newsfold's extract_html against trafilatura alone, on the same fixed pages, in one run.

    .venv/bin/python bench/extract_speed.py [--gold ../shared/data/extraction-dev/evaldata.json] [--pages 300]
    .venv/bin/python bench/extract_speed.py --plain [--data ../shared/data]

Prints docs/s for newsfold and for trafilatura (``extract`` with default settings, and with metadata), and writes
them to bench/results/extract_speed.json. Pages come in the gold file's order with their URLs, so every run times
the same input; the extractors alternate page by page, so a busy shared machine slows them alike.
Issue 5's target: newsfold at least 0.8x trafilatura's default docs/s.

With ``--plain`` it times instead the second pass on plain text (``clean_text`` plus the learned-boilerplate keys,
as the pipeline runs them per article) over the 772 ECB+ and 411 crisis-it texts, in ms per article and per 550
words (the fastest of three runs), and writes them under the ``plain`` key of the same file. Issue 4's ingest
target (1,000 articles/s on 2 cores, everything included) leaves cleaning about 0.2-0.3 ms per article.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import trafilatura

from newsfold.clean import clean_text
from newsfold.evaluate.extraction import Extractor, newsfold_extractor, read_pages, trafilatura_extractor
from newsfold.learned import boilerplate_keys

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


def _plain(data: Path, repeat: int) -> dict[str, float]:
    """ms per article (and per 550 words) of clean_text + boilerplate_keys over the dev sets' plain texts."""
    texts = [
        json.loads(line)["text"]
        for path in [data / "ecbplus-dev" / "articles.jsonl", *sorted((data / "crisis-it").glob("*.jsonl"))]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            boilerplate_keys(clean_text(text).body)
        best = min(best, time.perf_counter() - start)
    return {
        "articles": len(texts),
        "mean_words": round(words / len(texts)),
        "ms_per_article": round(1000 * best / len(texts), 3),
        "ms_per_550_words": round(1000 * best / words * 550, 3),
    }


def _write(out: Path, key: str, value: object) -> None:
    old = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
    if key:
        old[key] = value
    else:
        old = {**value, "plain": old["plain"]} if isinstance(value, dict) and "plain" in old else value
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(old, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, default=ROOT.parent / "shared" / "data" / "extraction-dev" / "evaldata.json"
    )
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=1, help="runs per extractor; the fastest counts")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extract_speed.json")
    parser.add_argument("--plain", action="store_true", help="time clean_text on plain texts instead")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    if args.plain:
        plain = _plain(args.data, max(args.repeat, 3))
        print(
            f"clean_text: {plain['ms_per_article']:.3f} ms/article, {plain['ms_per_550_words']:.3f} ms/550 words"
        )
        _write(args.out, "plain", plain)
        return
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
    _write(args.out, "", result)


if __name__ == "__main__":
    main()
