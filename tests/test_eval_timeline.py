"""Timeline evaluation: tilse reading, the figures, and a floor on one crisis-it topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfold.evaluate.timeline import (
    aligned_rouge1,
    articles_from_jsonl,
    eval_baselines,
    eval_timeline,
    read_tilse,
)


def test_read_tilse(tmp_path: Path) -> None:
    ref = tmp_path / "ref.txt"
    ref.write_text(
        "2011-02-11\nMubarak resigns .\nThe army takes over .\n--------------------------------\n"
        "2011-02-14\nThe army sets a calendar .\n--------------------------------\n",
        encoding="utf-8",
    )
    assert read_tilse(ref) == {
        "2011-02-11": ["Mubarak resigns .", "The army takes over ."],
        "2011-02-14": ["The army sets a calendar ."],
    }


def test_aligned_rouge_counts_only_shared_dates() -> None:
    ref = {"2011-02-11": ["mubarak resigns"]}
    assert aligned_rouge1({"2011-02-11": ["mubarak resigns"]}, ref) == pytest.approx(1.0)
    assert aligned_rouge1({"2011-02-12": ["mubarak resigns"]}, ref) == 0.0


def test_eval_timeline_figures(tmp_path: Path) -> None:
    data = tmp_path / "a.jsonl"
    data.write_text(
        '{"id": "1", "published": "2011-02-12", "lang": "en", "text": "Mubarak resigned yesterday after weeks."}\n'
        '{"id": "2", "published": "2011-02-15", "lang": "en", "text": "The army set a calendar on Monday for it."}\n',
        encoding="utf-8",
    )
    ref = {"2011-02-11": ["Mubarak resigned"], "2011-02-20": ["Something else"]}
    figures = eval_timeline(articles_from_jsonl(data), ref)
    assert set(figures) == {"date_f1", "date_precision", "date_recall", "rouge1_f", "dates"}
    assert figures["dates"] == 2
    assert figures["date_precision"] == pytest.approx(0.5)
    assert figures["date_recall"] == pytest.approx(0.5)
    assert figures["rouge1_f"] > 0


@pytest.mark.parametrize(("topic", "floor"), [("yemen", 0.26), ("libya", 0.18), ("syria", 0.24)])
def test_crisis_floor(shared_data: Path, topic: str, floor: float) -> None:
    path = shared_data / "crisis-it" / f"{topic}.jsonl"
    if not path.is_file():
        pytest.skip("crisis-it is not present")
    arts = articles_from_jsonl(path)
    ref = read_tilse(shared_data / "crisis-it" / "reference" / f"{topic}.txt")
    figures = eval_timeline(arts, ref)
    baselines = eval_baselines(arts, ref)
    assert figures["date_f1"] >= floor  # measured yemen 0.284, libya 0.198, syria 0.264; baselines 0.06-0.15
    assert figures["date_f1"] > max(baselines.values()) + 0.1
    assert figures["rouge1_f"] > 0
