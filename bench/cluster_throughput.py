"""Clustering throughput: featurize + place per article, as a function of corpus size (clustering only).

The corpus is derived from real text: the ECB+ dev articles (../shared/data/ecbplus-dev) are the story seeds;
each synthetic article takes one seed story, draws sentences from that story's real articles (so stories keep
their real vocabulary and names), shuffles them, replaces a few words with words from other stories, appends
a serial number (so no two articles are exact duplicates) and pads to 300-800 words. The 66 real stories
recur throughout the stream, so candidate lists stay full: a worst case for placing cost.

    .venv/bin/python bench/cluster_throughput.py --sizes 10000 30000 100000  # -> bench/results/cluster_throughput.json

The full-ingest benchmark (read, clean, language, dedup, cluster, store) is wired by the pipeline later.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from pathlib import Path

from newsfold.cluster import StoryIndex, featurize
from newsfold.evaluate.clustering import TfidfSinglePass, gold_articles
from newsfold.models import Article
from newsfold.settings import Settings

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"


def synthetic(n: int, seed: int = 0) -> list[Article]:
    """``n`` articles of 300-800 words with real story structure (see the module docstring)."""
    arts, gold = gold_articles(DEV)
    rng = random.Random(seed)
    by_story: dict[str, list[str]] = {}
    for a in arts:
        by_story.setdefault(gold[a.key], []).extend(
            s.strip() for s in a.text.split(".") if len(s.split()) > 4
        )
    stories = sorted(k for k, v in by_story.items() if v)
    vocab = [w for a in arts for w in a.text.split()[:50]]
    out: list[Article] = []
    for i in range(n):
        story = stories[rng.randrange(len(stories))]
        sents = by_story[story]
        words: list[str] = []
        target = rng.randint(300, 800)
        while len(words) < target:
            words.extend([*rng.choice(sents).split(), "."])
        for _ in range(len(words) // 30):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        era = i // len(arts)
        text = " ".join(words) + f" Serial {i}."
        title = " ".join(rng.choice(sents).split()[:10])
        out.append(
            Article(
                key=f"{story}-{era}-{i}",
                location="bench",
                fmt="jsonl",
                raw="",
                text=text,
                title=title,
                lang="en",
            )
        )
    return out


def run(size: int, settings: Settings) -> dict[str, float]:
    """Featurize and place ``size`` synthetic articles; time both and the TF-IDF peer on the same articles."""
    arts = synthetic(size)
    words = sum(len(a.text.split()) for a in arts) / len(arts)
    t0 = time.perf_counter()
    docs = [featurize(a, settings) for a in arts]
    t1 = time.perf_counter()
    index = StoryIndex(settings)
    stories = {index.place(d).story_id for d in docs}
    t2 = time.perf_counter()
    peer = TfidfSinglePass()
    tail = arts[-2000:]
    t3 = time.perf_counter()
    for a in tail:
        peer.place(a.key, a.text, a.lang)
    t4 = time.perf_counter()
    return {
        "articles": size,
        "mean_words": round(words, 1),
        "featurize_ms": round((t1 - t0) / size * 1e3, 4),
        "place_ms": round((t2 - t1) / size * 1e3, 4),
        "articles_per_s": round(size / (t2 - t0), 1),
        "stories": len({index.resolve(s) for s in stories}),
        "peer_place_ms_last_2000": round((t4 - t3) / len(tail) * 1e3, 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    """Run the benchmark for each size and write the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "cluster_throughput.json"
    )
    args = parser.parse_args()
    results = [run(n, Settings()) for n in args.sizes]
    text = json.dumps(results, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
