"""Plain-text files (``.txt``): the decoded text, whole. The clean stage finds the title and the body."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsfold.ingest.encoding import decode_bytes, looks_binary
from newsfold.ingest.source import ReadError, read_whole
from newsfold.models import RawDoc, Rejected
from newsfold.settings import Settings

STAGE = "read"


def read_text(
    path: Path, key_base: str, location_base: str, settings: Settings
) -> Iterator[RawDoc | Rejected]:
    """Read one plain-text file as one article.

    Args:
        path: the file (gzip is decompressed).
        key_base: the article key (the file key).
        location_base: the path as shown.
        settings: ``max_input_bytes`` caps the file.

    Yields:
        One RawDoc with ``text`` and ``raw`` set to the decoded text, or one Rejected.
    """
    try:
        data = read_whole(path, settings.max_input_bytes)
    except ReadError as exc:
        yield Rejected(location_base, STAGE, str(exc))
        return
    if looks_binary(data):
        yield Rejected(location_base, STAGE, "not a text file: looks binary")
        return
    text = decode_bytes(data)
    if not text.strip():
        yield Rejected(location_base, STAGE, "empty file")
        return
    yield RawDoc(key=key_base, location=location_base, fmt="text", raw=text, text=text)
