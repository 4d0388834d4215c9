"""The story arc (``newsfold timeline``): key dates across the stored stories, cited, with their basis."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfold.arc import SCAN_MODULES, story_arc
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


def test_stored_date_scans_are_reused_while_current(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsfold.story.timeline as timeline

    made: list[str] = []
    real = timeline.scan_dates_of

    def counting(article):  # type: ignore[no-untyped-def]
        made.append(article.key)
        return real(article)

    monkeypatch.setattr(timeline, "scan_dates_of", counting)
    with Store.open(tmp_path / "s.db") as store:
        ingest([SEEDS], store, settings)
        first = story_arc(store, settings, query=None, max_dates=6)
        assert len(made) == 5  # every article scanned once, and the scans stored
        made.clear()
        assert story_arc(store, settings, query=None, max_dates=6) == first
        assert made == []  # read back, not scanned again
        # a stale scan (other rules, another text) is scanned again
        with store.transaction() as conn:
            conn.execute("UPDATE date_scans SET digest = 'old' WHERE key = (SELECT min(key) FROM date_scans)")
        assert story_arc(store, settings, query=None, max_dates=6) == first
        assert len(made) == 1


def test_every_date_rule_module_makes_stored_scans_stale() -> None:
    # A stored date scan is reused while the code that made it is unchanged: a temporal module left out of the
    # digest would let scans made by old rules outlive a change to them.
    here = Path(__file__).resolve().parents[1] / "src" / "newsfold"
    rules = {f"newsfold.{p.stem}" for p in here.glob("temporal*.py")}
    assert rules
    assert rules <= set(SCAN_MODULES)
