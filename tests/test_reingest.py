"""A re-ingest prepares only what is new: an input that the store holds under its key, as the same input and with
nothing to add, is counted unchanged without going to the backend to be prepared."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from newsfold.backends.local import LocalBackend
from newsfold.models import RawDoc, Rejected, Skipped, Unchanged
from newsfold.pipeline import Counts, Progress, ingest
from newsfold.preparation import Prepared, Snapshot
from newsfold.settings import Settings
from newsfold.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "samples" / "seeds"
INGEST_DATA = Path(__file__).resolve().parent / "data" / "ingest"


class RecordingBackend:
    """Prepares in this process, and records the key of every RawDoc it is given to prepare."""

    name = "recording"

    def __init__(self) -> None:
        self.inner = LocalBackend(workers=1)
        self.prepared: list[str] = []

    def map_prepare(
        self, items: Iterable[RawDoc | Rejected | Skipped | Unchanged], settings: Settings, snapshot: Snapshot
    ) -> Iterator[Prepared | RawDoc | Rejected | Skipped | Unchanged]:
        def seen() -> Iterator[RawDoc | Rejected | Skipped | Unchanged]:
            for item in items:
                if isinstance(item, RawDoc):
                    self.prepared.append(item.key)
                yield item

        return self.inner.map_prepare(seen(), settings, snapshot)

    def close(self) -> None:
        self.inner.close()


def _run(inputs: list[Path], store: Store, settings: Settings) -> tuple[Counts, list[str], list[str]]:
    """One ingest run: its counts, the keys prepared, and the locations the progress callback was told, in order."""
    backend = RecordingBackend()
    told: list[Progress] = []
    counts = ingest(inputs, store, settings, backend=backend, on_progress=told.append)
    assert [p.done for p in told] == list(range(1, len(told) + 1))
    return counts, backend.prepared, [p.location for p in told]


def _mixed_folder(tmp_path: Path) -> Path:
    """HTML pages, a plain-text file and JSONL lines (some of which are quarantined), under distinct keys."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("fr_cp1252_meta.html", "ru_cp1251.html", "de_latin1_httpequiv.HTM", "articles.jsonl"):
        shutil.copy(INGEST_DATA / name, folder)
    shutil.copy(INGEST_DATA / "folder" / "001_page.html.gz", folder)
    shutil.copy(SEEDS / "000_cc19f5d33552ad64.txt", folder)
    return folder


def test_a_reingest_prepares_nothing_that_the_store_holds_unchanged(
    tmp_path: Path, settings: Settings
) -> None:
    folder = _mixed_folder(tmp_path)
    with Store.open(tmp_path / "s.db") as store:
        first, prepared, told = _run([folder], store, settings)
        assert first.taken == 7 and first.quarantined == 7
        stored = {r["key"] for r in store.reader().execute("SELECT key FROM articles")}
        assert stored <= set(prepared)
        # several of them lack an outlet, an author or a publish date: preparing them again would fill nothing
        assert store.reader().execute("SELECT count(*) FROM articles WHERE outlet IS NULL").fetchone()[0] >= 3
        quarantine = store.reader().execute("SELECT count(*) FROM quarantine").fetchone()[0]

        again, prepared_again, told_again = _run([folder], store, settings)
        # only the inputs that were not taken are prepared again (and quarantined again, counted on every run)
        assert sorted(prepared_again) == sorted(set(prepared) - stored)
        assert (again.taken, again.unchanged, again.quarantined, again.copies) == (0, 7, 7, 0)
        assert (again.completed, again.stories_new, again.stories_updated) == (0, 0, 0)
        assert told_again == told  # progress is told for every input, in input order, as before
        assert store.reader().execute("SELECT count(*) FROM quarantine").fetchone()[0] == quarantine


def test_a_reingest_of_a_jsonl_file_prepares_nothing(tmp_path: Path, settings: Settings) -> None:
    with Store.open(tmp_path / "s.db") as store:
        first, prepared, _ = _run([SEEDS.parent / "seeds.jsonl"], store, settings)
        assert first.taken == 5 and len(prepared) == 5
        stories = store.reader().execute("SELECT id, size, last_published FROM stories").fetchall()
        again, prepared_again, _ = _run([SEEDS.parent / "seeds.jsonl"], store, settings)
        assert prepared_again == []
        assert (again.taken, again.unchanged, again.quarantined, again.stories_updated) == (0, 5, 0, 0)
        assert store.reader().execute("SELECT id, size, last_published FROM stories").fetchall() == stories


def test_a_known_text_with_new_metadata_is_still_prepared_and_completes_the_article(
    tmp_path: Path, settings: Settings
) -> None:
    """The dated JSONL twin of a plain-text file taken before is prepared (it may fill what the file lacked); the
    file itself, arriving again as it was, is not."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, folder)
    with Store.open(tmp_path / "s.db") as store:
        _run([folder], store, settings)
        undated = "SELECT count(*) FROM articles WHERE published IS NULL"
        assert store.reader().execute(undated).fetchone()[0] == 5
        counts, prepared, _ = _run([folder, SEEDS.parent / "seeds.jsonl"], store, settings)
        jsonl_keys = [
            json.loads(line)["id"]
            for line in (SEEDS.parent / "seeds.jsonl").read_text("utf-8").split("\n")
            if line
        ]
        assert prepared == jsonl_keys
        assert (counts.taken, counts.unchanged, counts.completed, counts.quarantined) == (0, 10, 5, 0)
        assert store.reader().execute(undated).fetchone()[0] == 0
        # nothing is left to fill: the twins are prepared again (another input than the stored one) and add nothing
        counts, prepared, _ = _run([folder, SEEDS.parent / "seeds.jsonl"], store, settings)
        assert prepared == jsonl_keys
        assert (counts.unchanged, counts.completed, counts.stories_updated) == (10, 0, 0)


def test_a_different_text_under_a_taken_key_is_prepared_and_quarantined_on_every_run(
    tmp_path: Path, settings: Settings
) -> None:
    text = "The council of the town met on Monday and voted to build a new bridge over the river. " * 3
    a = {"id": "k1", "title": "First", "text": text}
    b = {"id": "k1", "title": "First", "text": text.replace("bridge", "school")}
    (tmp_path / "a.jsonl").write_text(json.dumps(a) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(b) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        _run([tmp_path / "a.jsonl"], store, settings)
        for _ in range(2):
            counts, prepared, _ = _run([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], store, settings)
            assert prepared == ["k1"]  # the second line; the first is the stored input
            assert (counts.taken, counts.unchanged, counts.quarantined) == (0, 1, 1)
        reasons = [r["reason"] for r in store.reader().execute("SELECT reason FROM quarantine")]
        assert reasons == ["key 'k1' is already taken by a different text"]


def test_an_article_without_an_outlet_is_prepared_again_when_the_outlet_registry_changed(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lead that names an outlet counts only when the registry knows it: a new registry may give a stored article
    the outlet it lacked, as it did before re-ingests were skipped."""
    lead = (
        "Lodi Gazette - The town council met on Monday and voted to build a new bridge over the river. " * 3
    )
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "lodi-1", "title": "Bridge", "text": lead}) + "\n", encoding="utf-8")
    registry = tmp_path / "outlets.toml"
    registry.write_text('[[outlet]]\nname = "Lodi Gazette"\ntype = "newspaper"\n', encoding="utf-8")

    def outlet() -> str | None:
        return store.reader().execute("SELECT outlet FROM articles WHERE key = 'lodi-1'").fetchone()[0]

    with Store.open(tmp_path / "s.db") as store:
        _run([path], store, settings)
        assert outlet() is None
        counts, prepared, _ = _run([path], store, settings)
        assert prepared == [] and counts.unchanged == 1
        monkeypatch.setenv("NEWSFOLD_OUTLETS", str(registry))
        counts, prepared, _ = _run([path], store, settings)
        assert prepared == ["lodi-1"]
        assert (counts.unchanged, counts.completed) == (1, 1) and outlet() == "Lodi Gazette"
        counts, prepared, _ = _run([path], store, settings)  # nothing left to fill
        assert prepared == [] and (counts.unchanged, counts.completed) == (1, 0)


def test_an_article_stored_earlier_in_the_same_run_is_not_taken_as_known(
    tmp_path: Path, settings: Settings
) -> None:
    """The store is looked up ahead of placement: an article of this run may still be rolled back, so a repeat of it
    in the same run is prepared and placed as before (counted unchanged)."""
    line = (SEEDS.parent / "seeds.jsonl").read_text("utf-8").split("\n")[0]
    path = tmp_path / "twice.jsonl"
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        counts, prepared, _ = _run([path], store, settings)
        key = json.loads(line)["id"]
        assert prepared == [key, key]
        assert (counts.taken, counts.unchanged) == (1, 1)
