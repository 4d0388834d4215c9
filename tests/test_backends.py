"""The local backend's worker processes: results in input order, as in process, and a clean stop."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

import newsfold.backends.local as local
from newsfold.backends import get_backend
from newsfold.errors import NewsfoldError
from newsfold.models import RawDoc, Rejected, Skipped, Unchanged
from newsfold.preparation import Prepared, load_snapshot
from newsfold.settings import Settings
from newsfold.store import Store


def _docs(n: int) -> list[RawDoc | Rejected | Skipped]:
    out: list[RawDoc | Rejected | Skipped] = []
    for i in range(n):
        text = (
            f"Article {i} of the stream.\n\nThe council of town {i} met on Monday and voted {i * 7} to {i}."
        )
        out.append(RawDoc(key=f"k{i}", location=f"in:{i}", fmt="jsonl", raw=text, text=text))
        if i % 17 == 0:
            out.append(Rejected(f"in:{i}b", "read", "not JSON"))
        if i % 23 == 0:
            out.append(Skipped(f"in:{i}c"))
    return out


def _summary(
    items: list[Prepared | RawDoc | Rejected | Skipped | Unchanged],
) -> list[tuple[str, bytes | str]]:
    return [
        (i.article.key, i.features.to_bytes() + (i.signature or b""))
        if isinstance(i, Prepared)
        else (type(i).__name__, i.location)
        for i in items
    ]


@pytest.fixture
def snapshot(tmp_path: Path) -> local.Snapshot:
    with Store.open(tmp_path / "s.db") as store:
        return load_snapshot(store)


def test_workers_give_the_in_process_results_in_input_order(
    settings: Settings, snapshot: local.Snapshot
) -> None:
    docs = _docs(7 * local.CHUNK + 3)  # several rounds of chunks over two workers, and a ragged last chunk
    expected = _summary(list(get_backend("local", workers=1).map_prepare(docs, settings, snapshot)))
    backend = get_backend("local", workers=2)
    try:
        assert _summary(list(backend.map_prepare(docs, settings, snapshot))) == expected
        # An abandoned stream must not leak its unread results into the next one.
        stream = backend.map_prepare(docs, settings, snapshot)
        next(stream)
        stream.close()
        assert _summary(list(backend.map_prepare(docs, settings, snapshot))) == expected
    finally:
        backend.close()


def test_inputs_known_unchanged_pass_through_in_order_and_start_no_worker(
    settings: Settings, snapshot: local.Snapshot
) -> None:
    known: list[RawDoc | Rejected | Skipped | Unchanged] = [
        Unchanged(f"u{i}", f"in:u{i}") for i in range(5 * local.CHUNK)
    ]
    backend = local.LocalBackend(workers=2)
    try:
        assert list(backend.map_prepare(known, settings, snapshot)) == known
        assert backend._pool == []  # nothing to prepare: no worker was started
        # mixed in with documents to prepare: in input order, as in process
        docs = _docs(4 * local.CHUNK)
        mixed = [*known[: 2 * local.CHUNK], *docs[:7], *known[2 * local.CHUNK :], *docs[7:]]
        expected = _summary(list(local.LocalBackend(workers=1).map_prepare(mixed, settings, snapshot)))
        assert _summary(list(backend.map_prepare(mixed, settings, snapshot))) == expected
        assert len(backend._pool) == 2
    finally:
        backend.close()


def test_close_stops_the_workers(settings: Settings, snapshot: local.Snapshot) -> None:
    backend = local.LocalBackend(workers=2)
    list(backend.map_prepare(_docs(3 * local.CHUNK), settings, snapshot))
    processes = [w.process for w in backend._pool]
    assert len(processes) == 2 and all(p.is_alive() for p in processes)
    backend.close()
    assert not any(p.is_alive() for p in processes)
    assert all(p.exitcode == 0 for p in processes)  # they ended on their own, not terminated


def test_a_dead_worker_is_an_error_not_a_hang(settings: Settings, snapshot: local.Snapshot) -> None:
    backend = local.LocalBackend(workers=2)
    try:
        stream = backend.map_prepare(_docs(12 * local.CHUNK), settings, snapshot)
        next(stream)
        os.kill(backend._pool[1].process.pid, signal.SIGKILL)
        with pytest.raises(NewsfoldError, match="worker process stopped"):
            list(stream)
    finally:
        backend.close()
