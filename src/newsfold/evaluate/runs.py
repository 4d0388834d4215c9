"""End-to-end evaluation runs: ingest gold data into a fresh temporary store, then score it.

These go through the same pipeline as ``newsfold ingest`` (readers, cleaning, dedup, clustering), so the figures
are what a user of the contract gets.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

from newsfold.errors import InputError
from newsfold.settings import Settings


def _gold_lines(path: str | Path) -> list[dict[str, Any]]:
    """The gold file's objects, checked (:func:`~newsfold.evaluate.clustering.read_gold`), each with its ``cluster``
    as a string and an ``id`` (the key ingest would give a line without ``id`` or ``url``, kept across shuffles)."""
    from newsfold.evaluate.clustering import read_gold

    out = []
    for _, obj, cluster, key in read_gold(path)[0]:
        obj = {**obj, "cluster": cluster}
        if not obj.get("id") and not obj.get("url"):
            obj["id"] = key  # "<file name up to its first dot>#<line>", as read_gold keys it
        out.append(obj)
    return out


def run_clustering_eval(
    gold: str | Path, settings: Settings, *, seed: int | None = None, peer: bool = False
) -> dict[str, Any]:
    """Ingest gold lines (in file order, or shuffled by ``seed``) into a fresh store and score its stories.

    Only the contract's article fields reach the pipeline; ``cluster`` is read here, for scoring.

    Returns:
        ``bcubed_p/r/f1``, ``pair_p/r/f1``, ``stories``, ``gold_stories``, ``articles`` (the gold articles),
        ``not_taken`` (those ingest quarantined: the scores cover the others) and ``peer_*`` with peer.

    Raises:
        InputError: the gold file fails the checks of :func:`~newsfold.evaluate.clustering.read_gold`, or ingest
            took none of its articles (a score over nothing would read as perfect).
    """
    from newsfold.evaluate.clustering import cluster_scores
    from newsfold.pipeline import ingest
    from newsfold.store import Store
    from newsfold.store import queries as q

    lines = _gold_lines(gold)
    if seed is not None:
        random.Random(seed).shuffle(lines)
    truth = {str(obj.get("id") or obj.get("url")): str(obj["cluster"]) for obj in lines}
    with tempfile.TemporaryDirectory(prefix="newsfold-eval-") as tmp:
        data = Path(tmp) / "gold.jsonl"
        with data.open("w", encoding="utf-8") as fh:
            for obj in lines:
                fh.write(
                    json.dumps({k: v for k, v in obj.items() if k != "cluster"}, ensure_ascii=False) + "\n"
                )
        with Store.open(Path(tmp) / "eval.db") as store:
            ingest([data], store, settings.replace(progress=False))
            conn = store.reader()
            rows = conn.execute(
                "SELECT key, story_id, title, text, lang FROM articles ORDER BY id"
            ).fetchall()
            pred = {row["key"]: q.resolve_story(conn, row["story_id"]) for row in rows}
    missing = set(truth) - set(pred)
    if len(missing) == len(truth):
        raise InputError(
            f"{gold}: none of the {len(truth)} gold articles was taken (all quarantined: no usable text?), "
            "nothing to score"
        )
    scores: dict[str, Any] = dict(cluster_scores({k: pred[k] for k in truth if k in pred}, truth))
    scores["articles"] = len(truth)
    scores["not_taken"] = len(missing)
    if peer:  # the plain single-pass TF-IDF peer, on the same cleaned texts in the same order
        from newsfold.evaluate.clustering import TfidfSinglePass

        single = TfidfSinglePass()
        peer_pred = {
            row["key"]: single.place(row["key"], f"{row['title']}\n{row['text']}", row["lang"])
            for row in rows
        }
        for k, v in cluster_scores(peer_pred, truth).items():
            scores[f"peer_{k}"] = v
    return scores


def run_timeline_eval(articles: str | Path, reference: str | Path, settings: Settings) -> dict[str, Any]:
    """Ingest dated articles into a fresh store and score the timeline's dates against a tilse reference.

    Raises:
        InputError: the reference has no dated entry, or ingest took no article (a score over an empty side would
            read as a plain 0.0).
    """
    from newsfold.evaluate.timeline import eval_timeline, read_tilse
    from newsfold.pipeline import ingest, iter_articles
    from newsfold.store import Store

    ref = read_tilse(reference)
    if not ref:
        raise InputError(
            f"{reference}: no dated entry (a YYYY-MM-DD line) in this tilse reference, nothing to score"
        )
    with (
        tempfile.TemporaryDirectory(prefix="newsfold-eval-") as tmp,
        Store.open(Path(tmp) / "eval.db") as store,
    ):
        ingest([articles], store, settings.replace(progress=False))
        arts = list(iter_articles(store))
    if not arts:
        raise InputError(
            f"{articles}: no article taken (none in the file, or all quarantined), nothing to score"
        )
    return dict(eval_timeline(arts, ref))
