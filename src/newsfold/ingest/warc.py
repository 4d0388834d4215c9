"""WARC archives (``.warc``, ``.warc.gz``), streamed record by record with warcio (extra ``warc``).

A ``response`` record with status 200 and an HTML content type (or a ``resource`` record of HTML) is one
article, keyed by its ``WARC-Target-URI``. An HTML response with an error status (4xx, 5xx) is an error page,
quarantined as such. The other records that carry a captured payload (images, PDFs, redirects, ``revisit``
records) hold no article and are counted as skipped; the archive's own records (``warcinfo``, ``request``,
``metadata``) are passed over. Records are numbered from 1 in file order, all types counted.

warcio quietly accepts a truncated record (it returns the bytes that are there), so each record's remaining
length is checked after reading, and bytes left after the last record mean the archive ends mid-record. After
an unreadable record the reader looks for the next record (the next gzip member, or the next ``WARC/`` line)
and goes on, so one damaged record does not lose the rest of the archive.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import IO, Any

from newsfold.deps import require
from newsfold.errors import MissingDependency
from newsfold.ingest.encoding import charset_from_content_type, decode_bytes, looks_binary
from newsfold.ingest.source import GZIP_MAGIC, ReadError, describe_os_error, read_head, too_big
from newsfold.models import RawDoc, Rejected, Skipped
from newsfold.settings import Settings

STAGE = "read"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PAYLOAD_RECORDS = frozenset({"response", "resource", "revisit", "conversion"})
_CHUNK = 1 << 16
# Bytes scanned for the next record after a damaged one, at most, before giving up on the rest of the file.
MAX_RESYNC_SCAN = 1 << 30


def _raised_in_warcio(exc: BaseException) -> bool:
    """Whether the error came from inside warcio (a record it cannot parse), not from newsfold's own code."""
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last, tb = tb, tb.tb_next
    return last is not None and "warcio" in last.tb_frame.f_code.co_filename


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, AttributeError | TypeError | KeyError | IndexError) and _raised_in_warcio(exc):
        # warcio's own slip on headers it cannot parse ("'NoneType' object has no attribute ..."): say what it means
        return "malformed record headers"
    text = str(exc).strip().splitlines()
    detail = text[0][:200] if text else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _drain(stream: Any) -> None:
    while stream.read(_CHUNK):
        pass


def _left(record: Any) -> int:
    """Bytes of the record's declared length not read (after draining it): more than 0 means it is truncated. A record
    without a Content-Length gives warcio no limited stream: nothing is known to be missing."""
    return int(getattr(record.raw_stream, "limit", 0) or 0)


def _content_type(record: Any) -> str:
    """The media type of a record's payload: the HTTP Content-Type, else the WARC one."""
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return str(headers.get_header("Content-Type") or "")


def _is_article(record: Any) -> bool:
    media = _content_type(record).split(";")[0].strip().lower()
    if media not in HTML_TYPES:
        return False
    if record.rec_type == "response":
        return record.http_headers is not None and str(record.http_headers.get_statuscode()) == "200"
    return bool(record.rec_type == "resource")


def _error_status(record: Any) -> int | None:
    """The HTTP status of an HTML response record that reports an error (4xx, 5xx), else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    media = _content_type(record).split(";")[0].strip().lower()
    status = str(record.http_headers.get_statuscode())
    return int(status) if media in HTML_TYPES and status.isdigit() and int(status) >= 400 else None


def _take(record: Any, location: str, settings: Settings) -> RawDoc | Rejected | Skipped | None:
    """Read one record: a RawDoc for an HTML page, a Rejected for a bad one or an error page, a Skipped for a captured
    payload that is no article (an image, a redirect), None for the archive's own records."""
    truncated = "truncated record: the archive ends inside it"
    if not record.rec_type:
        _drain(record.raw_stream)
        return Rejected(location, STAGE, "malformed record headers: no WARC-Type")
    if not _is_article(record):
        status = _error_status(record)
        _drain(record.raw_stream)
        if _left(record) > 0:
            return Rejected(location, STAGE, truncated)
        if status is not None:
            return Rejected(location, STAGE, f"error page (HTTP {status})")
        return Skipped(location) if record.rec_type in _PAYLOAD_RECORDS else None
    cap = settings.max_input_bytes
    length = record.rec_headers.get_header("Content-Length")
    if length and length.strip().isdigit() and int(length) > cap:
        _drain(record.raw_stream)
        return Rejected(location, STAGE, f"record {too_big(cap)}")
    body = record.content_stream().read(cap + 1)
    _drain(record.raw_stream)
    if _left(record) > 0:
        return Rejected(location, STAGE, truncated)
    if len(body) > cap:
        return Rejected(location, STAGE, f"record {too_big(cap)}")
    if looks_binary(body):
        return Rejected(location, STAGE, "not an HTML page: looks binary")
    page = decode_bytes(body, charset_from_content_type(_content_type(record)))
    if not page.strip():
        return Rejected(location, STAGE, "empty page")
    uri = str(record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if not uri:
        return Rejected(location, STAGE, "HTML record without a WARC-Target-URI")
    return RawDoc(key=uri, location=location, fmt="warc", raw=page, html=page, url=uri)


def _next_start(handle: IO[bytes], after: int, compressed: bool) -> int | None:
    """Find the offset of the next record start after ``after``: a gzip member, or a ``WARC/`` line."""
    marker = GZIP_MAGIC + b"\x08" if compressed else b"\nWARC/"
    handle.seek(after + 1)
    position = after + 1
    tail = b""
    while position - after < MAX_RESYNC_SCAN:
        chunk = handle.read(_CHUNK)
        if not chunk:
            return None
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            start = position - len(tail) + found
            return start if compressed else start + 1
        tail = window[-(len(marker) - 1) :]
        position += len(chunk)
    return None


def _iterate(
    archive: ModuleType,
    handle: IO[bytes],
    location_base: str,
    settings: Settings,
    compressed: bool,
    size: int,
) -> Iterator[RawDoc | Rejected | Skipped]:
    number = 0
    start = 0
    reported = False  # one Rejected per damaged stretch, not one per failed resync attempt
    while True:
        handle.seek(start)
        iterator = archive.ArchiveIterator(handle)
        read_here = 0
        failure: str | None = None
        try:
            for record in iterator:
                number += 1
                read_here += 1
                reported = False
                result = _take(record, f"{location_base}:{number}", settings)
                if result is not None:
                    yield result
        except Exception as exc:  # warcio raises many kinds on damaged input; all are one bad record
            if "non-chunked" in str(exc) and compressed and start == 0:
                yield from _iterate_whole_gzip(archive, handle, location_base, settings, skip=number)
                return
            failure = f"unreadable record: {_one_line(exc)}"
        end = int(iterator.offset)
        if failure is None and end >= size:
            if number == 0:
                yield Rejected(location_base, STAGE, "not a WARC archive: no records found")
            return
        if not reported:
            reason = failure or "truncated archive: it ends inside a record"
            yield Rejected(f"{location_base}:{number + 1}", STAGE, reason)
            reported = True
            number += 1
        resume = _next_start(handle, max(end, start) if read_here else start, compressed)
        if resume is None:
            return
        start = resume


def _iterate_whole_gzip(
    archive: ModuleType, handle: IO[bytes], location_base: str, settings: Settings, skip: int
) -> Iterator[RawDoc | Rejected | Skipped]:
    """Read a WARC gzipped as one stream (``gzip file.warc``), which warcio refuses to iterate directly."""
    handle.seek(0)
    number = 0
    with gzip.GzipFile(fileobj=handle, mode="rb") as unzipped:
        try:
            for record in archive.ArchiveIterator(unzipped):
                number += 1
                if number <= skip:
                    continue
                result = _take(record, f"{location_base}:{number}", settings)
                if result is not None:
                    yield result
        except Exception as exc:  # as above: damaged input, reported with its record number
            yield Rejected(f"{location_base}:{number + 1}", STAGE, f"unreadable record: {_one_line(exc)}")


def read_warc(
    path: Path, key_base: str, location_base: str, settings: Settings
) -> Iterator[RawDoc | Rejected | Skipped]:
    """Read the HTML pages of a WARC archive (plain or gzip), one record at a time.

    Args:
        path: the archive.
        key_base: unused (WARC records are keyed by their target URI); kept for the common reader signature.
        location_base: the path as shown; each record's location is ``<location_base>:<record>``.
        settings: ``max_input_bytes`` caps each HTML record.

    Yields:
        A RawDoc per HTML page with status 200, a Rejected per damaged or oversized HTML record and per error
        page, a Rejected for an unreadable, empty or truncated archive, and a Skipped per other captured payload.
    """
    del key_base
    try:
        archive = require("warcio.archiveiterator", extra="warc")
    except MissingDependency as exc:
        yield Rejected(location_base, STAGE, str(exc))
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejected(location_base, STAGE, describe_os_error(exc))
        return
    with handle:
        try:
            size = path.stat().st_size
            head = handle.read(2)
        except OSError as exc:
            yield Rejected(location_base, STAGE, describe_os_error(exc))
            return
        if size == 0:
            yield Rejected(location_base, STAGE, "empty file")
            return
        try:
            start = read_head(path, 64).lstrip()
        except ReadError as exc:
            yield Rejected(location_base, STAGE, str(exc))
            return
        if not start.startswith(b"WARC/"):
            yield Rejected(location_base, STAGE, "not a WARC archive: it does not start with a WARC record")
            return
        yield from _iterate(archive, handle, location_base, settings, head == GZIP_MAGIC, size)
