"""A large synthetic news stream derived from real text, for throughput benchmarks.

How it is made (deterministic for a seed):
- Story templates are the gold stories of ECB+ (``../shared/data/ecbplus-dev``, English) and the per-week
  article groups of crisis-it (``../shared/data/crisis-it``, Italian): real sentences of real reports.
- Each synthetic story takes one template and renames it: every capitalised word of the template that is not
  sentence-initial is mapped, consistently within the story, to a capitalised word drawn from the whole corpus,
  and every number is redrawn. Stories from the same template are thus about the same kind of event with other
  actors and figures: the look-alike case that clustering must keep apart.
- A story has 1 to 30 articles (a skewed distribution: most stories are small, a few are big), published over a
  few days from a start date spread over two years. Each article draws 300-800 words of the renamed template's
  sentences, in a random order, with a headline taken from the template's first lines.
- Keys are unique; a content hash rejects exact duplicate texts (none survive). Reprints are not generated on
  purpose, so copies found by dedup are accidental near-duplicates of short templates.

    .venv/bin/python bench/corpus.py --articles 100000 --out /tmp/stream.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_SENT = re.compile(r"(?<=[.!?])\s+")
_CAP = re.compile(r"(?<=[a-z,;:]\s)([A-Z][a-z]{2,})\b")
_NUM = re.compile(r"\b\d+(?:[.,]\d+)?\b")


def _templates() -> list[tuple[str, list[str], list[str]]]:
    """(language, headlines, sentences) per template story."""
    groups: dict[str, tuple[str, list[str], list[str]]] = {}
    ecb = DATA / "ecbplus-dev" / "articles.jsonl"
    if ecb.exists():
        for line in ecb.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            lines = [x.strip() for x in obj["text"].splitlines() if x.strip()]
            entry = groups.setdefault("ecb-" + obj["cluster"], ("en", [], []))
            entry[1].append(lines[0])
            for para in lines[1:]:
                entry[2].extend(s for s in _SENT.split(para) if len(s.split()) >= 6)
    for path in sorted((DATA / "crisis-it").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            week = dt.date.fromisoformat(obj["published"][:10]).isocalendar()
            entry = groups.setdefault(f"it-{path.stem}-{week[0]}-{week[1]}", ("it", [], []))
            sents = [s.strip() for s in obj["text"].splitlines() if len(s.split()) >= 6]
            if sents:
                entry[1].append(" ".join(sents[0].split()[:12]))
                entry[2].extend(sents)
    out = [v for v in groups.values() if len(v[2]) >= 8]
    if not out:
        raise SystemExit("no development data found under ../shared/data")
    return out


def stream(articles: int, seed: int = 1) -> Iterator[dict[str, str]]:
    """Yield ``articles`` JSONL article objects (contract fields) in arrival order."""
    rng = random.Random(seed)
    templates = _templates()
    pool = sorted({w for _, _, sents in templates for s in sents for w in _CAP.findall(s)})
    start = dt.date(2021, 1, 1)
    seen: set[str] = set()
    stories: list[tuple[int, dt.date, int, dict[str, str], int]] = []  # template, day, size, names, serial
    made = serial = 0
    while made < articles:
        # keep ~40 stories open at once, like a live stream: each step writes one article of a random open story
        while len(stories) < 40:
            size = min(30, int(rng.paretovariate(1.2)))
            stories.append(
                (
                    rng.randrange(len(templates)),
                    start + dt.timedelta(days=rng.randrange(730)),
                    size,
                    {},
                    serial,
                )
            )
            serial += 1
        i = rng.randrange(len(stories))
        t, day, left, names, sid = stories[i]
        _, heads, sents = templates[t]
        words = 0
        chosen: list[str] = []
        target = rng.randint(300, 800)
        while words < target:
            s = rng.choice(sents)
            s = _CAP.sub(lambda m, names=names: names.setdefault(m.group(1), rng.choice(pool)), s)
            s = _NUM.sub(lambda m: str(rng.randint(2, 999)), s)
            chosen.append(s)
            words += len(s.split())
        text = "\n\n".join(chosen)
        digest = hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        title = _CAP.sub(
            lambda m, names=names: names.setdefault(m.group(1), rng.choice(pool)), rng.choice(heads)
        )
        published = day + dt.timedelta(days=rng.randrange(4))
        yield {
            "id": f"s{sid}-a{made}",
            "source": f"Outlet {rng.randrange(60)}",
            "published": published.isoformat(),
            "title": title,
            "text": text,
            "cluster": f"s{sid}",  # the gold story, so `newsfold eval clustering` can read the file too
        }
        made += 1
        if left <= 1:
            stories.pop(i)
        else:
            stories[i] = (t, day, left - 1, names, sid)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as fh:
        for obj in stream(args.articles, args.seed):
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print(f"wrote {args.articles} articles to {args.out}")


if __name__ == "__main__":
    main()
