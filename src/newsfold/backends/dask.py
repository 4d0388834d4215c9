"""The Dask backend (extra ``dask``): the per-article stage runs on a Dask cluster, placement stays here.

Each batch of documents is cut into one chunk per worker and mapped with ``Client.map``; results come back in
input order, so stories are the same as with the local backend. Only the pure stage travels: the store and the
story index never leave this process.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from newsfold.deps import require

if TYPE_CHECKING:
    from newsfold.models import RawDoc, Rejected
    from newsfold.outlets import OutletRegistry
    from newsfold.pipeline import Prepared
    from newsfold.settings import Settings


def _prepare_chunk(docs: Sequence[RawDoc], settings: Settings, outlets: OutletRegistry) -> list[Any]:
    from newsfold.backends.local import LocalBackend

    return list(LocalBackend().map_prepare(docs, settings, outlets))


class DaskBackend:
    """Runs :func:`newsfold.pipeline.prepare` on Dask workers.

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
        self, docs: Sequence[RawDoc], settings: Settings, outlets: OutletRegistry
    ) -> Iterator[Prepared | Rejected]:
        """Prepare the batch on the cluster, one chunk per worker, yielding results in input order."""
        size = max(1, -(-len(docs) // self.workers))
        chunks = [list(docs[i : i + size]) for i in range(0, len(docs), size)]
        futures = self.client.map(_prepare_chunk, chunks, settings=settings, outlets=outlets, pure=False)
        for future in futures:
            yield from future.result()

    def close(self) -> None:
        """Close the client and the local cluster it started."""
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
