"""The default backend: prepare documents on this machine, in this process or in worker processes.

With more than one worker, the stream is cut into chunks that worker processes prepare while this process
places the results that are already back, in input order: the per-article stage and the stateful placement
then run on different cores. Small streams (a handful of files) stay in process, where workers would cost more
than they save.

Each worker is a forked process with one pipe. This process pickles the chunks and unpickles the results itself,
in its own thread: a ``multiprocessing.Pool`` does that in helper threads of the calling process, and their
hand-offs of the interpreter lock cost the placing process about 0.1 ms of CPU per article on top of the
pickling itself (measured with ``time.thread_time`` against the process's CPU time on the benchmark stream).
A worker reads its pipe in a thread of its own, so a chunk sent to it never waits for it to finish the one
before: neither side can block the other.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import socket
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsfold.errors import NewsfoldError
from newsfold.models import RawDoc, Rejected, Skipped, Unchanged

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from newsfold.preparation import Prepared, Snapshot
    from newsfold.settings import Settings

# Chunks of CHUNK inputs go to a worker at a time: big enough that pickling overhead is small, small enough that
# results start flowing back at once. At most IN_FLIGHT chunks per worker are outstanding, so a huge input is
# streamed, never read ahead into memory. Workers start only once a stream has more than one chunk.
CHUNK = 50
IN_FLIGHT = 4
# Seconds a worker is given to exit after its pipe is closed, before it is terminated.
STOP_TIMEOUT = 10.0
# Send buffer asked for on both ends of a worker's pipe (the kernel caps it at net.core.wmem_max), so that a chunk
# or its results (~0.4 and ~0.6 MB for 50 news articles) are handed over without waiting for the other side to
# read: with the default ~200 KB, sending a chunk waited for the worker's reader thread to get the interpreter
# lock from the busy worker, ~0.07 ms per article of the placing process's time.
PIPE_BUFFER = 4 << 20

Item = RawDoc | Rejected | Skipped | Unchanged


def prepare_all(items: Iterable[Item], settings: Settings, snapshot: Snapshot) -> list[Prepared | Item]:
    """Prepare each document; pass the rest (read rejects, skips, known inputs) through; an unexpected error becomes
    a Rejected."""
    from newsfold.preparation import prepare

    out: list[Prepared | Item] = []
    for doc in items:
        if not isinstance(doc, RawDoc):
            out.append(doc)
            continue
        try:
            out.append(prepare(doc, settings, snapshot))
        except Exception as exc:  # batch boundary: one bad document must not stop the run
            out.append(
                Rejected(doc.location, "prepare", f"{type(exc).__name__}: {exc}"[:300], doc.raw[:2000])
            )
    return out


def _serve(conn: Connection, inherited: list[Connection], settings: Settings, snapshot: Snapshot) -> None:
    """A worker's loop: prepare each chunk read from ``conn`` and send the results back, in order, until None.

    ``inherited`` are the parent's ends of the workers' pipes that a forked worker holds copies of: closed here,
    so that each pipe ends (end-of-file) when the parent closes it or dies.
    """
    for other in inherited:
        other.close()
    chunks: queue.SimpleQueue[list[Item] | None] = queue.SimpleQueue()

    def read() -> None:  # drains the pipe at once, so the parent's sends never wait on this worker's work
        while True:
            try:
                chunks.put(conn.recv())
            except (EOFError, OSError):
                chunks.put(None)
                return

    threading.Thread(target=read, daemon=True).start()
    while (docs := chunks.get()) is not None:
        try:
            conn.send(prepare_all(docs, settings, snapshot))
        except OSError:  # the parent closed the pipe (it stopped reading): nothing left to do
            break
    conn.close()


def _grow_buffer(conn: Connection) -> None:
    """Ask for a PIPE_BUFFER-byte send buffer on a socket connection (a no-op where that is not possible)."""
    with contextlib.suppress(OSError, ValueError), socket.socket(fileno=os.dup(conn.fileno())) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, PIPE_BUFFER)


class _Worker:
    """One forked worker process and this end of its pipe."""

    def __init__(self, ctx: Any, settings: Settings, snapshot: Snapshot, earlier: list[_Worker]) -> None:
        mine, theirs = ctx.Pipe(duplex=True)
        for end in (mine, theirs):
            _grow_buffer(end)
        inherited = [mine, *(w.conn for w in earlier)]
        self.process = ctx.Process(target=_serve, args=(theirs, inherited, settings, snapshot), daemon=True)
        self.process.start()
        theirs.close()
        self.conn: Connection = mine

    def send(self, docs: Sequence[Item]) -> None:
        try:
            self.conn.send(list(docs))
        except OSError:
            raise self._died() from None

    def receive(self) -> list[Prepared | Item]:
        try:
            result: list[Prepared | Item] = self.conn.recv()
        except (EOFError, OSError):
            raise self._died() from None
        return result

    def _died(self) -> NewsfoldError:
        self.process.join(1.0)
        return NewsfoldError(f"a worker process stopped unexpectedly (exit code {self.process.exitcode})")

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)  # the end of the chunks: the worker exits
        self.conn.close()
        self.process.join(STOP_TIMEOUT)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


def _results(pending: _Worker | list[Prepared | Item]) -> list[Prepared | Item]:
    """The results of an outstanding chunk: a worker's next answer, or a chunk that needed no worker."""
    return pending.receive() if isinstance(pending, _Worker) else pending


class LocalBackend:
    """Runs :func:`newsfold.preparation.prepare` on this machine.

    Args:
        workers: processes for the per-article stage; 1 keeps everything in this process, None uses every core.
    """

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self._pool: list[_Worker] = []
        self._pool_key: tuple[Settings, Snapshot] | None = None

    def _get_pool(self, settings: Settings, snapshot: Snapshot) -> list[_Worker]:
        if not self._pool or self._pool_key != (settings, snapshot):
            self.close()
            from newsfold.lang import warm_up

            warm_up(settings)  # load the language models once, before forking, so workers share them
            ctx = multiprocessing.get_context(
                "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            )
            self._pool = []
            for _ in range(self.workers):
                self._pool.append(_Worker(ctx, settings, snapshot, self._pool))
            self._pool_key = (settings, snapshot)
        return self._pool

    def map_prepare(
        self, items: Iterable[Item], settings: Settings, snapshot: Snapshot
    ) -> Iterator[Prepared | Item]:
        """Prepare every document of the stream, yielding results in input order."""
        stream = iter(items)
        first = list(islice(stream, CHUNK))
        second = list(islice(stream, CHUNK)) if len(first) == CHUNK else []
        if self.workers <= 1 or not second:
            yield from prepare_all(first, settings, snapshot)
            yield from prepare_all(second, settings, snapshot)
            for item in stream:
                yield from prepare_all([item], settings, snapshot)
            return
        # Chunks go round the workers; each worker answers its chunks in the order it got them, so the oldest
        # outstanding chunk's worker always holds the next results in input order. A chunk with nothing to prepare
        # (inputs the store holds unchanged) waits in line as it is, and the workers start only for one that has.
        pool: list[_Worker] | None = None
        pending: deque[_Worker | list[Prepared | Item]] = deque()
        chunk = first
        turn = 0
        try:
            while chunk:
                if any(isinstance(doc, RawDoc) for doc in chunk):
                    pool = pool or self._get_pool(settings, snapshot)
                    worker = pool[turn % len(pool)]
                    worker.send(chunk)
                    pending.append(worker)
                    turn += 1
                else:
                    pending.append(list(chunk))
                while len(pending) > IN_FLIGHT * self.workers:
                    yield from _results(pending.popleft())
                chunk, second = second, list(islice(stream, CHUNK)) if second else []
            while pending:
                yield from _results(pending.popleft())
        finally:
            # An abandoned stream leaves results unread that would answer the next call: start afresh.
            if any(isinstance(p, _Worker) for p in pending):
                self.close()

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        for worker in self._pool:
            worker.stop()
        self._pool = []
        self._pool_key = None
