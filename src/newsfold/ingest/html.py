"""HTML pages (``.html``, ``.htm``, ``.html.gz``): the decoded page, whole (extraction is cleaning's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsfold.ingest.encoding import decode_bytes, looks_binary
from newsfold.ingest.source import ReadError, read_whole
from newsfold.models import RawDoc, Rejected
from newsfold.settings import Settings

STAGE = "read"
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
    try:
        data = read_whole(path, settings.max_input_bytes)
    except ReadError as exc:
        yield Rejected(location_base, STAGE, str(exc))
        return
    if looks_binary(data):
        yield Rejected(location_base, STAGE, NOT_HTML)
        return
    page = decode_bytes(data)
    if not page.strip():
        yield Rejected(location_base, STAGE, "empty file")
        return
    yield RawDoc(key=key_base, location=location_base, fmt="html", raw=page, html=page)
