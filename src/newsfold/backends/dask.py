"""The Dask backend (extra ``dask``): the per-article stage runs on a Dask cluster, placement stays here.

Each batch of documents is cut into one chunk per worker and mapped with ``Client.map``; results come back in
input order, so stories are the same as with the local backend. Only the pure stage travels: the store and the
story index never leave this process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsfold.deps import require
from newsfold.models import RawDoc

if TYPE_CHECKING:
    from newsfold.models import Rejected, Skipped, Unchanged
    from newsfold.preparation import Prepared, Snapshot
    from newsfold.settings import Settings


# Inputs per task, and tasks outstanding per worker (the stream is never read ahead further than that).
CHUNK = 200
IN_FLIGHT = 3


def _prepare_chunk(docs: Sequence[Any], settings: Settings, snapshot: Snapshot) -> list[Any]:
    from newsfold.backends.local import prepare_all

    return prepare_all(docs, settings, snapshot)


def _results(pending: Any) -> list[Any]:
    """The results of an outstanding chunk: a future's, or a chunk that was not sent."""
    return pending if isinstance(pending, list) else list(pending.result())


class DaskBackend:
    """Runs :func:`newsfold.preparation.prepare` on Dask workers.

    Args:
        workers: processes of a local cluster to start (default 2) when no scheduler is given.
        scheduler: address of a running scheduler (``tcp://host:8786``); a local cluster is started otherwise.
    """

    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None) -> None:
        distributed = require("distributed", extra="dask")
        self._cluster: Any = None
        if scheduler:
            self.client = distributed.Client(scheduler)
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=workers or 2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            )
            self.client = distributed.Client(self._cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or (workers or 2))

    def map_prepare(
        self,
        items: Iterable[RawDoc | Rejected | Skipped | Unchanged],
        settings: Settings,
        snapshot: Snapshot,
    ) -> Iterator[Prepared | RawDoc | Rejected | Skipped | Unchanged]:
        """Prepare the stream on the cluster, chunk by chunk, yielding results in input order.

        A chunk with nothing to prepare (inputs the store holds unchanged) is not sent: it waits in line as it is.
        """
        stream = iter(items)
        settings_f = self.client.scatter(settings, broadcast=True)
        snapshot_f = self.client.scatter(snapshot, broadcast=True)
        pending: deque[Any] = deque()
        while chunk := list(islice(stream, CHUNK)):
            if any(isinstance(doc, RawDoc) for doc in chunk):
                pending.append(self.client.submit(_prepare_chunk, chunk, settings_f, snapshot_f, pure=False))
            else:
                pending.append(chunk)
            while len(pending) > IN_FLIGHT * self.workers:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())

    def close(self) -> None:
        """Close the client and the local cluster it started."""
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
