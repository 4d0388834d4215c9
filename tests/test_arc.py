"""The story arc (``newsfold timeline``): key dates across the stored stories, cited, with their basis."""

from __future__ import annotations

from pathlib import Path

from newsfold.arc import story_arc
from newsfold.pipeline import ingest
from newsfold.settings import Settings
from newsfold.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "samples" / "seeds.jsonl"


def test_arc_of_the_seeds_is_sorted_cited_and_says_its_basis(tmp_path: Path, settings: Settings) -> None:
    with Store.open(tmp_path / "s.db") as store:
        ingest([SEEDS], store, settings)
        rows = story_arc(store, settings, query=None, max_dates=6)
        assert 0 < len(rows) <= 6
        assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
        for r in rows:
            assert set(r) == {"date", "text", "articles", "stories", "basis"}
            assert r["articles"] and r["stories"] and r["text"]
            assert r["basis"] in {"stated", "published"}
            if r["basis"] == "published":
                assert len(r["articles"]) == 1
        assert story_arc(store, settings, query="earthquake volcano", max_dates=6) == []


def test_the_arc_reports_its_progress_and_gives_the_same_dates(tmp_path: Path, settings: Settings) -> None:
    with Store.open(tmp_path / "s.db") as store:
        ingest([SEEDS], store, settings)
        calls: list[tuple[int, int]] = []
        rows = story_arc(
            store, settings, query=None, max_dates=6, on_progress=lambda d, t: calls.append((d, t))
        )
        assert calls == [(i, 5) for i in range(1, 6)]  # one call per scanned article, of the five seeds
        assert rows == story_arc(store, settings, query=None, max_dates=6)
