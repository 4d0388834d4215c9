"""The default backend: prepare documents on this machine, in this process or in a pool of worker processes.

With more than one worker, batches are cut into chunks that worker processes prepare while this process
places the results that are already back, in input order: the per-article stage and the stateful placement
then run on different cores. Small batches (a handful of files) stay in process, where a pool would cost more
than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsfold.models import RawDoc, Rejected, Skipped

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

    from newsfold.pipeline import Prepared, Snapshot
    from newsfold.settings import Settings

# Chunks of CHUNK inputs go to a worker at a time: big enough that pickling overhead is small, small enough that
# results start flowing back at once. At most IN_FLIGHT chunks per worker are outstanding, so a huge input is
# streamed, never read ahead into memory. The pool starts only once a stream has more than one chunk.
CHUNK = 50
IN_FLIGHT = 4

Item = RawDoc | Rejected | Skipped

_WORKER_STATE: dict[str, Any] = {}


def prepare_all(items: Iterable[Item], settings: Settings, snapshot: Snapshot) -> list[Prepared | Item]:
    """Prepare each document; pass read rejects and skips through; an unexpected error becomes a Rejected."""
    from newsfold.pipeline import prepare

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


def _init_worker(settings: Settings, snapshot: Snapshot) -> None:
    _WORKER_STATE["settings"] = settings
    _WORKER_STATE["snapshot"] = snapshot


def _work(docs: Sequence[Item]) -> list[Prepared | Item]:
    return prepare_all(docs, _WORKER_STATE["settings"], _WORKER_STATE["snapshot"])


class LocalBackend:
    """Runs :func:`newsfold.pipeline.prepare` on this machine.

    Args:
        workers: processes for the per-article stage; 1 keeps everything in this process, None uses every core.
    """

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self._pool: Pool | None = None
        self._pool_key: tuple[Settings, Snapshot] | None = None

    def _get_pool(self, settings: Settings, snapshot: Snapshot) -> Pool:
        if self._pool is None or self._pool_key != (settings, snapshot):
            self.close()
            from newsfold.lang import warm_up

            warm_up(settings)  # load the language models once, before forking, so workers share them
            ctx = multiprocessing.get_context(
                "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            )
            self._pool = ctx.Pool(self.workers, initializer=_init_worker, initargs=(settings, snapshot))
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
        pool = self._get_pool(settings, snapshot)
        pending: deque[AsyncResult[list[Prepared | Item]]] = deque()
        chunk = first
        while chunk:
            pending.append(pool.apply_async(_work, (chunk,)))
            while len(pending) > IN_FLIGHT * self.workers:
                yield from pending.popleft().get()
            chunk, second = second, list(islice(stream, CHUNK)) if second else []
        while pending:
            yield from pending.popleft().get()

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
            self._pool_key = None
