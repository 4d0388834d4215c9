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
    text = read_decoded(path, location_base, settings, "not a text file: looks binary")
    yield text if isinstance(text, Rejected) else RawDoc(key_base, location_base, "text", raw=text, text=text)


def read_decoded(path: Path, location_base: str, settings: Settings, binary_reason: str) -> str | Rejected:
    """A whole file decoded to text, or why it cannot be: unreadable, over the size cap, binary, or empty.

    Args:
        path: the file (gzip is decompressed).
        location_base: the path as shown.
        settings: ``max_input_bytes`` caps the (decompressed) file.
        binary_reason: the reason given when the bytes are not text.
    """
    try:
        data = read_whole(path, settings.max_input_bytes)
    except ReadError as exc:
        return Rejected(location_base, STAGE, str(exc))
    if looks_binary(data):
        return Rejected(location_base, STAGE, binary_reason)
    text = decode_bytes(data)
    return text if text.strip() else Rejected(location_base, STAGE, "empty file")
