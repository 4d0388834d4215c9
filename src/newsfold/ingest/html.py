"""HTML pages (``.html``, ``.htm``, ``.html.gz``): the decoded page, whole (extraction is cleaning's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsfold.ingest.text import read_decoded
from newsfold.models import RawDoc, Rejected
from newsfold.settings import Settings

NOT_HTML = "not an HTML page: looks binary"


def read_html(
    path: Path, key_base: str, location_base: str, settings: Settings
) -> Iterator[RawDoc | Rejected]:
    """Read one HTML page as one article.

    The encoding comes from a BOM, a ``<meta charset>`` / http-equiv, or detection (see
    :func:`~newsfold.ingest.encoding.decode_bytes`).

    Args:
        path: the file (gzip is decompressed).
        key_base: the article key (the file key).
        location_base: the path as shown.
        settings: ``max_input_bytes`` caps the (decompressed) page.

    Yields:
        One RawDoc with ``html`` and ``raw`` set to the decoded page, or one Rejected.
    """
    page = read_decoded(path, location_base, settings, NOT_HTML)
    yield page if isinstance(page, Rejected) else RawDoc(key_base, location_base, "html", raw=page, html=page)
