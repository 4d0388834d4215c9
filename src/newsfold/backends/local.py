"""The default backend: prepare each document in this process, one after the other."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsfold.models import Rejected

if TYPE_CHECKING:
    from newsfold.models import RawDoc
    from newsfold.outlets import OutletRegistry
    from newsfold.pipeline import Prepared
    from newsfold.settings import Settings


class LocalBackend:
    """Runs :func:`newsfold.pipeline.prepare` in the calling process."""

    name = "local"

    def map_prepare(
        self, docs: Sequence[RawDoc], settings: Settings, outlets: OutletRegistry
    ) -> Iterator[Prepared | Rejected]:
        """Prepare each document; an unexpected error in one becomes its Rejected, and the batch goes on."""
        from newsfold.pipeline import prepare

        for doc in docs:
            try:
                yield prepare(doc, settings, outlets)
            except Exception as exc:  # batch boundary: one bad document must not stop the run
                yield Rejected(doc.location, "prepare", f"{type(exc).__name__}: {exc}"[:300], doc.raw[:2000])

    def close(self) -> None:
        """Nothing to release."""
