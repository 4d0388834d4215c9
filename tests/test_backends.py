"""The local backend's worker processes: results in input order, as in process, and a clean stop."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import newsfold.backends.local as local
from newsfold.backends import get_backend
from newsfold.errors import ConfigError, NewsfoldError
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


def _dask() -> ModuleType:
    """The Dask backend module, or a skip when the ``dask`` extra is not installed."""
    pytest.importorskip("distributed")
    import newsfold.backends.dask as dask

    return dask


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def _tcp_server(reply: bytes | None) -> Iterator[str]:
    """A TCP server that is no Dask scheduler: it accepts and says nothing, or sends ``reply``; yields its address."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)
    stop = threading.Event()
    conns: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            conns.append(conn)
            if reply is not None:
                conn.sendall(reply)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for conn in conns:
            conn.close()
        server.close()


def test_scheduler_addresses_are_checked_and_given_a_scheme() -> None:
    from newsfold.backends.dask import check_scheduler_address

    assert check_scheduler_address("10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    assert check_scheduler_address(" tcp://sched.example.org:8786 ") == "tcp://sched.example.org:8786"
    assert check_scheduler_address("TCP://host:08786") == "tcp://host:8786"
    assert check_scheduler_address("[::1]:8786") == "tcp://[::1]:8786"
    assert check_scheduler_address("tls://[2001:db8::1]:8786") == "tls://[2001:db8::1]:8786"
    for bad, problem in [
        ("http://127.0.0.1:8787", "the dashboard's"),
        ("inproc://127.0.0.1/1/2", "unsupported scheme"),
        ("localhost", "no valid port"),
        ("tcp://host:99999", "no valid port"),
        ("tcp://host:0", "no valid port"),
        ("tcp://a:b:c", "no valid"),
        ("tcp://::1:8786", "no valid host"),  # IPv6 without brackets
        ("tcp://host/path:8786", "no valid host"),
        ("tcp://:8786", "no valid host"),
    ]:
        with pytest.raises(ConfigError, match=problem):
            check_scheduler_address(bad)


def test_a_port_nothing_listens_on_fails_within_the_timeout() -> None:
    dask = _dask()
    address = f"tcp://127.0.0.1:{_free_port()}"
    start = time.monotonic()
    with pytest.raises(
        dask.SchedulerError, match=re.escape(f"cannot reach a Dask scheduler at {address} within 1.5 s")
    ):
        dask.probe_scheduler(address, timeout=1.5)
    assert time.monotonic() - start < 4
    start = time.monotonic()
    with pytest.raises(dask.SchedulerError, match="connection refused"):
        dask.DaskBackend(scheduler=address.removeprefix("tcp://"), timeout=1.5)
    assert time.monotonic() - start < 4
    with pytest.raises(ConfigError, match="no valid port"):  # a malformed address fails before any connection
        dask.DaskBackend(scheduler="localhost")


@pytest.mark.parametrize(
    ("reply", "said"),
    [
        (
            None,
            "does not answer as a Dask scheduler",
        ),  # accepts, then silence (a dashboard waits for a request)
        (b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 8, "is not a Dask scheduler"),
    ],
)
def test_a_server_that_is_no_scheduler_is_told_apart(reply: bytes | None, said: str) -> None:
    dask = _dask()
    with _tcp_server(reply) as address:
        start = time.monotonic()
        with pytest.raises(dask.SchedulerError, match=re.escape(f"{address} {said}")):
            dask.probe_scheduler(address, timeout=1.5)
        assert time.monotonic() - start < 4


def test_a_running_scheduler_is_used_with_its_workers(settings: Settings, snapshot: local.Snapshot) -> None:
    dask = _dask()
    import distributed

    with distributed.LocalCluster(
        n_workers=1, processes=False, dashboard_address=None, protocol="tcp", host="127.0.0.1"
    ) as cluster:
        address = cluster.scheduler_address
        assert dask.probe_scheduler(address, timeout=5) >= 1
        worker = next(iter(cluster.workers.values())).address
        with pytest.raises(dask.SchedulerError, match=re.escape(f"{worker} is not a Dask scheduler")):
            dask.probe_scheduler(worker, timeout=5)  # a worker answers, but not as a scheduler
        backend = dask.DaskBackend(scheduler=address, timeout=5)
        try:
            assert backend.workers >= 1 and backend.address == address
            docs = _docs(dask.CHUNK + 7)
            expected = _summary(list(local.LocalBackend(workers=1).map_prepare(docs, settings, snapshot)))
            assert _summary(list(backend.map_prepare(docs, settings, snapshot))) == expected
        finally:
            backend.close()
