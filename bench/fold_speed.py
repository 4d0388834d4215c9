"""Benchmark: fold a 50-article story (~600 words each), NER included, in a warm process.

The story is built from real ECB+ dev articles: the largest gold clusters first (so the articles share a
topic, as a story's do), each article topped up with text from the next article of its cluster until it has
about ``--words`` words. The process is warmed (spaCy loaded, code paths run) by folding a small story first.

    .venv/bin/python bench/fold_speed.py [--articles 50] [--words 600] [--repeat 3]

Writes bench/results/fold_speed.json. Target (issue 6): under 5 s per fold.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import defaultdict
from pathlib import Path

from newsfold.models import Article
from newsfold.story import entities
from newsfold.story.fold import StoryInput, fold_story

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"


def build_story(path: Path, n_articles: int, words: int) -> list[Article]:
    """Articles of the largest ECB+ clusters, each topped up to about ``words`` words."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_cluster: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_cluster[r["cluster"]].append(r)
    clusters = sorted(by_cluster.values(), key=len, reverse=True)
    out: list[Article] = []
    for members in clusters:
        for n, r in enumerate(members):
            paras = [p for p in r["text"].split("\n") if p.strip()]
            k = n + 1
            while sum(len(p.split()) for p in paras) < words and k < n + len(members):
                paras += [p for p in members[k % len(members)]["text"].split("\n") if p.strip()]
                k += 1
            kept, count = [], 0
            for p in paras:
                if count >= words:
                    break
                kept.append(p)
                count += len(p.split())
            text = "\n\n".join(kept)
            out.append(
                Article(
                    key=f"{r['id']}",
                    location="ecbplus",
                    fmt="jsonl",
                    raw=text,
                    text=text,
                    title=kept[0][:80],
                    outlet=f"outlet{len(out) % 17}",
                    lang="en",
                )
            )
            if len(out) == n_articles:
                return out
    return out


def main() -> None:
    """Run the benchmark and write its JSON result."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "fold_speed.json")
    args = ap.parse_args()
    arts = build_story(DATA, args.articles, args.words)
    words = [len(a.text.split()) for a in arts]
    fold_story(StoryInput(tuple(arts[:3]), {}, {}))  # warm-up: loads the NER model once
    times, refold = [], []
    result = {}
    for _ in range(args.repeat):
        entities._CACHE.clear()  # full recompute: NER runs on all 50 articles
        t = time.perf_counter()
        result = fold_story(StoryInput(tuple(arts), {}, {}))
        times.append(time.perf_counter() - t)
        # The incremental case: the story gains its last article; the others' mentions are cached.
        entities._CACHE.clear()
        fold_story(StoryInput(tuple(arts[:-1]), {}, {}))
        t = time.perf_counter()
        fold_story(StoryInput(tuple(arts), {}, {}))
        refold.append(time.perf_counter() - t)
    report = {
        "articles": len(arts),
        "mean_words": round(statistics.mean(words), 1),
        "ner_model": entities.model_available(),
        "fold_s_median": round(statistics.median(times), 3),
        "fold_s_min": round(min(times), 3),
        "refold_one_new_article_s_median": round(statistics.median(refold), 3),
        "load_avg_1min": round(os.getloadavg()[0], 2),
        "target_s": 5.0,
        "summary_sentences": len(result.get("summary", [])),
        "entities": len(result.get("entities", [])),
        "quotes": len(result.get("quotes", [])),
        "facts": len(result.get("coverage", {}).get("facts", [])),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
