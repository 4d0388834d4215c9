"""Opening input files: transparent gzip, size caps, and one-line reasons for every way reading can fail.

Readers call :func:`read_whole` for formats read in one piece (text, HTML, feeds) and :func:`open_stream` for
streamed formats (JSONL). Failures are raised as :class:`ReadError`, whose message is the reason a reader
puts in its :class:`~newsfold.models.Rejected`.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

GZIP_MAGIC = b"\x1f\x8b"


class ReadError(Exception):
    """An input file could not be read; the message is a one-line reason."""


def describe_os_error(exc: OSError) -> str:
    """Turn an OSError into a short reason such as ``cannot read file: permission denied``."""
    if isinstance(exc, PermissionError):
        return "cannot read file: permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "cannot read file: is a directory"
    detail = (exc.strerror or str(exc) or type(exc).__name__).lower()
    return f"cannot read file: {detail}"


def describe_gzip_error(exc: BaseException) -> str:
    """Turn a gzip/zlib failure into a short reason."""
    detail = str(exc) or type(exc).__name__
    return f"corrupt or truncated gzip data: {detail}"


# What gzip raises on damaged data: EOFError for truncation, BadGzipFile (an OSError) for a bad header,
# zlib.error for corrupt deflate data.
GZIP_ERRORS: tuple[type[BaseException], ...] = (EOFError, gzip.BadGzipFile, zlib.error)


def too_big(cap: int) -> str:
    """The reason for an input over the ``max_input_bytes`` cap, naming the cap."""
    return f"larger than the max_input_bytes cap ({cap:,} bytes)"


def is_gzip(path: Path) -> bool:
    """Tell whether ``path`` holds gzip data: by its name (``.gz``) or, failing that, its first bytes.

    Raises:
        ReadError: the file cannot be opened.
    """
    if path.name.lower().endswith(".gz"):
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(2) == GZIP_MAGIC
    except OSError as exc:
        raise ReadError(describe_os_error(exc)) from None


@contextmanager
def open_stream(path: Path) -> Iterator[IO[bytes]]:
    """Open ``path`` for binary reading, decompressing gzip transparently.

    Errors raised while reading from the stream are the caller's to catch (see :data:`GZIP_ERRORS`).

    Raises:
        ReadError: the file cannot be opened.
    """
    compressed = is_gzip(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise ReadError(describe_os_error(exc)) from None
    with raw:
        if compressed:
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield cast(IO[bytes], unzipped)
        else:
            yield raw


def read_head(path: Path, size: int = 65_536) -> bytes:
    """Read up to ``size`` bytes from the start of ``path``, decompressed when it is gzip.

    A damaged gzip file yields what could be decompressed (maybe nothing); the reader reports the damage.

    Raises:
        ReadError: the file cannot be opened or read.
    """
    try:
        with open_stream(path) as stream:
            try:
                return stream.read(size)
            except GZIP_ERRORS:
                return b""
    except OSError as exc:
        raise ReadError(describe_os_error(exc)) from None


def read_whole(path: Path, cap: int) -> bytes:
    """Read a whole file (decompressed when gzip), refusing one over ``cap`` bytes.

    Args:
        path: the file.
        cap: the most bytes taken (``settings.max_input_bytes``), after decompression.

    Returns:
        The file's bytes.

    Raises:
        ReadError: unreadable, corrupt gzip, larger than the cap, or empty (only whitespace).
    """
    try:
        if not is_gzip(path) and path.stat().st_size > cap:
            raise ReadError(too_big(cap))
        with open_stream(path) as stream:
            try:
                data = stream.read(cap + 1)
            except GZIP_ERRORS as exc:
                raise ReadError(describe_gzip_error(exc)) from None
    except OSError as exc:
        raise ReadError(describe_os_error(exc)) from None
    if len(data) > cap:
        raise ReadError(too_big(cap))
    if is_blank(data):
        raise ReadError("empty file")
    return data


def is_blank(data: bytes) -> bool:
    """Tell whether ``data`` is empty or only whitespace (byte-order marks and NULs of UTF-16 included)."""
    return not data.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xfe\xff").strip()
