"""`newsfold eval ...` end to end: gold in, a fresh store, scores out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsfold.errors import InputError
from newsfold.evaluate.runs import run_clustering_eval
from newsfold.settings import Settings

SEEDS = Path(__file__).resolve().parents[1] / "samples" / "seeds.jsonl"
QUAKE = (
    "A powerful earthquake struck the southern Iranian island of Qeshm on Sunday, killing at least ten people and "
    "injuring dozens, state television reported. Rescue teams handed out tents and blankets to villagers who spent "
    "the night outdoors after the tremor, which measured 5.9 and destroyed several villages."
)


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    lines = [dict(json.loads(x), cluster="security") for x in SEEDS.read_text(encoding="utf-8").splitlines()]
    lines.append({"title": "Quake on Qeshm", "text": QUAKE, "cluster": "quake"})  # no id: keyed by its line
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_clustering_eval_scores_the_stories(gold: Path, settings: Settings) -> None:
    scores = run_clustering_eval(gold, settings, peer=True)
    assert scores["bcubed_f1"] == 1.0 and scores["pair_f1"] == 1.0
    assert scores["stories"] == 2 and scores["gold_stories"] == 2 and scores["articles"] == 6
    assert 0.0 <= scores["peer_bcubed_f1"] <= 1.0
    shuffled = run_clustering_eval(gold, settings, seed=3)
    assert shuffled["bcubed_f1"] == 1.0


def test_clustering_eval_needs_a_cluster_field(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "g.jsonl"
    bad.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="cluster"):
        run_clustering_eval(bad, settings)


def test_eval_clustering_cli_json(gold: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsfold.cli", "eval", "clustering", str(gold), "--json", "--shuffle", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    assert {"bcubed_p", "bcubed_r", "bcubed_f1", "pair_p", "pair_r", "pair_f1", "stories"} <= set(scores)


def test_eval_timeline_cli(tmp_path: Path) -> None:
    ref = tmp_path / "ref.txt"
    ref.write_text(
        "2022-02-17\nRussia delivered its reply to the US ambassador.\n--------------------------------\n"
        "2022-01-26\nWashington handed over its written answers.\n--------------------------------\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "newsfold.cli", "eval", "timeline", str(SEEDS), str(ref), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    assert scores["date_f1"] > 0.4 and "rouge1_f" in scores
