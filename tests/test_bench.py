"""The benchmark scripts still run against the code (a smoke test on a few articles, not a timing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "samples" / "seeds.jsonl"


@pytest.mark.parametrize("engine", ["newsfold", "peer"])
def test_the_ingest_benchmark_runs_both_engines(tmp_path: Path, engine: str) -> None:
    # The peer stands behind the story index's interface; a method added to that interface and not to the peer
    # once broke the peer's runs (only the benchmark runs it).
    stream = tmp_path / "stream.jsonl"
    lines = SEEDS.read_text(encoding="utf-8").splitlines()
    stream.write_text(
        "".join(json.dumps({**json.loads(x), "cluster": "seed"}) + "\n" for x in lines), "utf-8"
    )
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "ingest_throughput.py"), "--one", str(stream), engine],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    row = json.loads(out.stdout.strip().splitlines()[-1])
    assert row["engine"] == engine and row["articles"] == 5
