"""Engines that run the per-article stage (:func:`newsfold.preparation.prepare`) over many documents.

The backend is chosen explicitly: ``local`` (this process, the default) or ``dask`` (extra ``dask``, imported
lazily). Every backend returns results in input order, so the stateful placement that follows is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from newsfold.errors import ConfigError

if TYPE_CHECKING:
    from newsfold.models import RawDoc, Rejected, Skipped, Unchanged
    from newsfold.preparation import Prepared, Snapshot
    from newsfold.settings import Settings


class Backend(Protocol):
    """Maps the pure per-article stage over a stream of inputs, in order."""

    name: str

    def map_prepare(
        self,
        items: Iterable[RawDoc | Rejected | Skipped | Unchanged],
        settings: Settings,
        snapshot: Snapshot,
    ) -> Iterator[Prepared | RawDoc | Rejected | Skipped | Unchanged]:
        """Prepare every RawDoc of the stream; pass the rest (Rejected, Skipped, Unchanged) through; keep input
        order."""
        ...

    def close(self) -> None:
        """Release workers."""
        ...


def get_backend(
    name: str, *, workers: int | None = None, scheduler: str | None = None, timeout: float | None = None
) -> Backend:
    """Build the named backend.

    Raises:
        ConfigError: an unknown backend name.
        MissingDependency: the backend's extra is not installed.
    """
    if name == "local":
        from newsfold.backends.local import LocalBackend

        return LocalBackend(workers=workers)
    if name == "dask":
        from newsfold.backends.dask import DaskBackend

        return DaskBackend(workers=workers, scheduler=scheduler, timeout=timeout)
    raise ConfigError(f"unknown engine {name!r}: use 'local' or 'dask'")
