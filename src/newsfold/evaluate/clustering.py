"""Scoring story clusters against gold, a plain TF-IDF single-pass peer, and fitting the clusterer's weights.

``bcubed`` and ``pairwise`` compare a predicted assignment (article key -> story id) with a gold one over the
keys both share. :class:`TfidfSinglePass` is the baseline that newsfold's clusterer is measured against.
:func:`fit_weights` re-fits the clusterer's logistic decision on gold stories (see ``cluster.WEIGHTS``).
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsfold.cluster import (
    WEIGHTS,
    ClusterDoc,
    StoryIndex,
    features,
    featurize,
    leads_compare,
    pair_features,
    story_id_for,
)
from newsfold.cluster.model import _Member, _Story
from newsfold.errors import InputError
from newsfold.models import Article
from newsfold.settings import Settings
from newsfold.textnorm import tokens


def _common(pred: Mapping[str, str], gold: Mapping[str, str]) -> list[str]:
    return [k for k in gold if k in pred]


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (Bagga & Baldwin 1998) over the keys in both mappings.

    Args:
        pred: article key -> predicted story id.
        gold: article key -> gold story id.

    Returns:
        ``(precision, recall, f1)``; all 0.0 when no key is shared.
    """
    keys = _common(pred, gold)
    if not keys:
        return 0.0, 0.0, 0.0
    both = Counter((pred[k], gold[k]) for k in keys)
    p_size = Counter(pred[k] for k in keys)
    g_size = Counter(gold[k] for k in keys)
    p = sum(n * n / p_size[pc] for (pc, _), n in both.items()) / len(keys)
    r = sum(n * n / g_size[gc] for (_, gc), n in both.items()) / len(keys)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1: over pairs of articles put in the same story.

    Args:
        pred: article key -> predicted story id.
        gold: article key -> gold story id.

    Returns:
        ``(precision, recall, f1)``; precision (recall) is 1.0 when there is no predicted (gold) pair.
    """
    keys = _common(pred, gold)

    def pairs(counts: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    both = pairs(Counter((pred[k], gold[k]) for k in keys).values())
    in_pred = pairs(Counter(pred[k] for k in keys).values())
    in_gold = pairs(Counter(gold[k] for k in keys).values())
    p = both / in_pred if in_pred else 1.0
    r = both / in_gold if in_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cluster_scores(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """Every clustering figure: ``bcubed_p/r/f1``, ``pair_p/r/f1``, ``stories`` and ``gold_stories``."""
    keys = _common(pred, gold)
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    return {
        "bcubed_p": bp,
        "bcubed_r": br,
        "bcubed_f1": bf,
        "pair_p": pp,
        "pair_r": pr,
        "pair_f1": pf,
        "stories": float(len({pred[k] for k in keys})),
        "gold_stories": float(len({gold[k] for k in keys})),
    }


def gold_cluster(raw: object, where: str) -> str:
    """The gold story of a gold line's ``cluster`` value: a non-blank string, or an int taken as its decimal form.

    Args:
        raw: the ``cluster`` value as parsed from JSON.
        where: ``<file>:<line>``, for the error.

    Returns:
        The gold story id.

    Raises:
        InputError: the value is missing, blank, or of another type (a list, a float, a bool, null).
    """
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, str) and raw.strip():
        return raw
    raise InputError(f"{where}: `cluster` must be a string (or an int), got {json.dumps(raw)}")


def _gold_key(raw: dict[str, Any], stem: str, line: int) -> str:
    return str(raw.get("id") or raw.get("url") or f"{stem}#{line}")


def read_gold(path: str | Path) -> tuple[list[tuple[int, dict[str, Any], str, str]], dict[str, str]]:
    """Read and check a gold JSONL file: contract article fields plus ``cluster`` on every line.

    Blank lines are skipped. A key (``id``, else ``url``, else ``<file name up to its first dot>#<line>``, as
    ``newsfold eval clustering`` keys them) may repeat only with the same gold story (ingest takes the repeat as
    a no-op).

    Args:
        path: the gold file.

    Returns:
        ``(line number, object, gold story, key)`` for each line in file order, and key -> gold story.

    Raises:
        InputError: a line that is not a JSON object, has no valid ``cluster`` (see :func:`gold_cluster`), or
            repeats a key with another gold story; or a file with no line at all.
    """
    path = Path(path)
    stem = path.name.split(".")[0]
    lines: list[tuple[int, dict[str, Any], str, str]] = []
    gold: dict[str, str] = {}
    first: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(raw, dict) or "cluster" not in raw:
            raise InputError(f"{where}: a gold line needs a `cluster` field")
        cluster = gold_cluster(raw["cluster"], where)
        key = _gold_key(raw, stem, n)
        if key in gold and gold[key] != cluster:
            raise InputError(
                f"{where}: key {key!r} repeats line {first[key]} with a conflicting cluster "
                f"({cluster!r}, was {gold[key]!r})"
            )
        first.setdefault(key, n)
        gold[key] = cluster
        lines.append((n, raw, cluster, key))
    if not lines:
        raise InputError(f"{path}: no gold article to score (the file has no line)")
    return lines, gold


def gold_articles(path: str | Path) -> tuple[list[Article], dict[str, str]]:
    """Read a gold JSONL file (contract article fields plus ``cluster``) into minimal Articles.

    A line without ``title`` takes its text's first line as the title (as in ECB+). Keys are ``id``, else
    ``url``, else ``<file name up to its first dot>#<line>``. The file is checked as by :func:`read_gold`.

    Args:
        path: the gold file.

    Returns:
        The articles in file order, and key -> gold story.

    Raises:
        InputError: the file fails :func:`read_gold`'s checks.
    """
    path = Path(path)
    lines, gold = read_gold(path)
    articles: list[Article] = []
    for n, raw, _, key in lines:
        text = str(raw.get("text") or "")
        title = raw.get("title")
        if not title:
            title, _, text = text.partition("\n")
        articles.append(
            Article(
                key=key,
                location=f"{path}:{n}",
                fmt="jsonl",
                raw="",
                text=text.strip(),
                title=str(title).strip(),
                url=raw.get("url"),
                outlet=raw.get("source"),
                published=raw.get("published"),
                lang=raw.get("lang") or "en",
            )
        )
    return articles, gold


def shuffled(items: Sequence[Article], seed: int | None) -> list[Article]:
    """The items in file order (seed None) or in a seeded random order."""
    out = list(items)
    if seed is not None:
        random.Random(seed).shuffle(out)
    return out


def run_index(docs: Iterable[ClusterDoc], settings: Settings, **kwargs: object) -> dict[str, str]:
    """Place documents in order with a fresh :class:`StoryIndex`; return key -> final (resolved) story id.

    Earlier articles that a placement moves to another story (``Placement.moved``) are moved here too.
    """
    index = StoryIndex(settings, **kwargs)  # type: ignore[arg-type]
    placed: dict[str, str] = {}
    for doc in docs:
        placement = index.place(doc)
        placed.update(placement.moved)
        placed[doc.key] = placement.story_id
    return {k: index.resolve(s) for k, s in placed.items()}


class TfidfSinglePass:
    """The plain peer: single-pass clustering on one TF-IDF vector (online idf) against story centroids.

    Args:
        threshold: cosine to the best centroid needed to join it (0.3 was its best on ECB+ dev).
    """

    def __init__(self, threshold: float = 0.3) -> None:
        self.threshold = threshold
        self.n = 0
        self.df: Counter[str] = Counter()
        self.centroids: dict[str, dict[str, float]] = {}
        self.postings: defaultdict[str, set[str]] = defaultdict(set)

    def place(self, key: str, text: str, lang: str | None = None) -> str:
        """Place one article and return its story id (that of the article that started the story)."""
        counts = Counter(tokens(text, lang))
        self.n += 1
        self.df.update(counts.keys())
        n, df = self.n, self.df
        vec = {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 1) + 1) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vec = {t: w / norm for t, w in vec.items()}
        cands = set().union(*(self.postings.get(t, set()) for t in vec)) if vec else set()
        best, best_sim = None, -1.0
        for sid in cands:
            cen = self.centroids[sid]
            cnorm = math.sqrt(sum(w * w for w in cen.values())) or 1.0
            sim = sum(w * cen.get(t, 0.0) for t, w in vec.items()) / cnorm
            if sim > best_sim:
                best, best_sim = sid, sim
        sid = best if best is not None and best_sim >= self.threshold else story_id_for(key)
        cen = self.centroids.setdefault(sid, {})
        for t, w in vec.items():
            cen[t] = cen.get(t, 0.0) + w
            self.postings[t].add(sid)
        return sid


def fit_weights(
    docs: Sequence[ClusterDoc],
    gold: Mapping[str, str],
    settings: Settings,
    l2: float = 1e-3,
    hard_negatives: int = 5,
) -> tuple[float, ...]:
    """Fit the clusterer's logistic decision on gold stories, replayed in the given order.

    Each article is compared with its gold story (once open) and with the ``hard_negatives`` other open gold
    stories most like it in body (features as in ``cluster.features``); then it joins its gold story. A
    Newton-fitted L2 logistic regression gives the weights (bias first), to paste into ``cluster.WEIGHTS``.

    Args:
        docs: featurized articles in arrival order.
        gold: key -> gold story.
        settings: newsfold settings.
        l2: ridge penalty on the non-bias weights.
        hard_negatives: how many of the most similar other stories each article is compared with.

    Returns:
        The weights, in the order of ``cluster.features``.
    """
    index = StoryIndex(settings)
    stories: dict[str, _Story] = {}
    rows: list[tuple[float, ...]] = []
    labels: list[float] = []
    for doc in docs:
        index._count(doc)
        vecs = index.vectors(doc)
        label = gold[doc.key]
        # The gold story (when open) against the hardest negatives: the open stories most similar in body.
        ranked = sorted(stories.items(), key=lambda gs: -gs[1].fields["body"].cos(vecs.body))
        hard = [gs for gs in ranked[:hard_negatives] if gs[0] != label]
        if label in stories:
            hard.append((label, stories[label]))
        for g, story in hard:
            rows.append(features(vecs, story))
            labels.append(1.0 if g == label else 0.0)
        story = stories.setdefault(label, _Story(sid=label))
        index._add(story, doc, vecs)
    return _logistic(rows, labels, l2)


def fit_pair_weights(
    docs: Sequence[ClusterDoc],
    gold: Mapping[str, str],
    settings: Settings,
    l2: float = 3e-3,
    min_body: float = 0.05,
    halves: bool = False,
    lead: bool = True,
) -> tuple[float, ...]:
    """Fit the clusterer's article-pair model (``cluster.PAIR_WEIGHTS``) on gold stories.

    Every pair of articles of one gold story is a positive; pairs from different stories whose body cosine
    reaches ``min_body`` are the negatives (the rest are too easy to teach anything). Vectors use the document
    frequencies of all ``docs`` and are trimmed as story members are.

    Args:
        docs: featurized articles.
        gold: key -> gold story.
        settings: newsfold settings.
        l2: ridge penalty on the non-bias weights. Chosen by fitting on one half of the ECB+ dev topics and scoring
            BCubed F1 through the pipeline on the other, both ways (1e-3 to 1e-1 compared, see BENCHMARKS.md): 2e-3
            to 1e-2 score alike there, above 1e-3; 3e-3 is the weakest of them that keeps the throughput stream's
            dated look-alike stories apart about as well as 1e-3 did (stronger penalties give flatter probabilities,
            which the split, merge and fragment limits act on).
        min_body: body cosine from which a pair of different stories is used.
        halves: use only pairs whose two gold stories fall in the same half of the sorted gold story ids (as
            ``cluster.PAIR_WEIGHTS`` were fitted: fewer, harder negatives than all pairs).
        lead: fit the model with the lead cosine, on the pairs whose leads compare (``cluster.PAIR_WEIGHTS``);
            False fits it without (the lead's weight 0), on all pairs (``cluster.PAIR_WEIGHTS_NO_LEAD``).

    Returns:
        The weights, in the order of ``cluster.pair_features``.
    """
    index = StoryIndex(settings)
    for doc in docs:
        index._count(doc)
    members = []
    for doc in docs:
        v = index.vectors(doc)
        members.append(_Member.of(doc, v, 0))
    ids = sorted(set(gold.values()))
    first = set(ids[: len(ids) // 2])
    rows: list[tuple[float, ...]] = []
    labels: list[float] = []
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if halves and (gold[a.key] in first) != (gold[b.key] in first):
                continue
            compare = leads_compare(a, b)
            if lead and not compare:
                continue
            f = pair_features(a, b, compare)
            if not lead:
                f = (*f[:-1], 0.0)
            same = gold[a.key] == gold[b.key]
            if same or f[1] >= min_body:
                rows.append(f)
                labels.append(1.0 if same else 0.0)
    return _logistic(rows, labels, l2)


def _logistic(rows: Sequence[tuple[float, ...]], labels: Sequence[float], l2: float) -> tuple[float, ...]:
    """Newton-fitted L2 logistic regression (the first column is the unpenalised bias)."""
    x = np.array(rows, dtype=float)
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2 * len(y))
    reg[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return tuple(float(v) for v in w)


__all__ = [
    "WEIGHTS",
    "TfidfSinglePass",
    "bcubed",
    "cluster_scores",
    "featurize",
    "fit_pair_weights",
    "fit_weights",
    "gold_articles",
    "gold_cluster",
    "pairwise",
    "read_gold",
    "run_index",
    "shuffled",
]
