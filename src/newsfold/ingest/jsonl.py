"""JSONL article lines (``.jsonl``, ``.jsonl.gz``), streamed one line at a time.

Each non-blank line is one article (contract: "Article lines"). A line that is not a JSON object, has a field
of the wrong type, or has no usable ``text``/``html`` is rejected with its line number; the rest of the file
is still read. A damaged ``.jsonl.gz`` yields every line read before the damage, then one rejection.

A file is in one encoding. UTF-8 is what JSON requires and what is read; a UTF-16 or UTF-32 file (Windows
PowerShell writes UTF-16 with a byte-order mark) is known by its first bytes and read as such. A file that is not
UTF-8 is detected once, from its first line that is not UTF-8 and the lines after it (:data:`SAMPLE_BYTES`), and
read in that encoding to the end: the lines before it were ASCII, the same in every such encoding. Its articles
carry the flag ``encoding:<codec>`` and a warning names the file and the encoding. A line of a UTF-8 file with
bytes that are not UTF-8 is read with U+FFFD for them when it holds UTF-8 sequences too (a damaged line); one that
holds none is a line of a legacy code page (two exports joined into one file): it is read in its own, detected on
it, flagged and warned of as above.

``published`` and ``lang`` are read as every reader reads them (:mod:`newsfold.ingest.metadata`): a publish date
that cannot be read (``2023-02-30``, ``12/09/2023``, free text, a number that is no Unix time) is None and the
article is still taken, as is a language that is no ISO 639-1 code. A line with ``text`` and no ``title`` gets
its title as a ``.txt`` file does, from the clean stage (:func:`newsfold.clean.clean_text`).
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from newsfold.ingest.encoding import (
    detect_encoding,
    detect_legacy,
    has_utf8_sequence,
    latin_codepage,
    wide_json_encoding,
)
from newsfold.ingest.metadata import normalise_lang, normalise_published, published_flags
from newsfold.ingest.source import (
    GZIP_ERRORS,
    ReadError,
    describe_gzip_error,
    describe_os_error,
    open_stream,
    too_big,
)
from newsfold.models import RawDoc, Rejected
from newsfold.settings import Settings

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

STAGE = "read"
# The contract's article fields; every one is a string when present (null means absent), but see LENIENT.
# Others are ignored.
FIELDS = ("id", "url", "source", "published", "title", "text", "html", "lang")
# Fields whose unreadable values are dropped rather than the line: a date is optional, and a Unix time is
# often written as a JSON number.
LENIENT = frozenset({"published"})
# Bytes read at a time while skipping the rest of an over-long line, or transcoding UTF-16.
_SKIP_CHUNK = 1 << 20
# Bytes of a file that is not UTF-8, from its first line that is not, from which its one encoding is detected:
# a few hundred KiB say more than one line (a single "España" is windows-1250 "Espańa" as much as latin-1).
SAMPLE_BYTES = 262_144

# Multi-byte East Asian codecs, which read almost any high bytes as some text: a single line of a legacy code page is
# read in one of them only when detection on the whole file says so.
_CJK_CODECS = ("big5", "gb", "euc", "shift_jis", "cp932", "cp936", "cp949", "cp950", "hz", "iso2022", "johab")

_log = logging.getLogger(__name__)


def _lines(stream: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line number, bytes)`` for each line; ``None`` in place of a line longer than ``cap`` bytes."""
    number = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while True:  # skip the rest of the long line without holding it in memory
                rest = stream.readline(_SKIP_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


class _Transcoded(io.RawIOBase):
    """A UTF-16 or UTF-32 stream read as UTF-8 bytes, so that lines split at ``\\n`` and the cap counts bytes."""

    def __init__(self, stream: IO[bytes], codec: str) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self._out = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        while not self._out and not self._done:
            chunk = self._stream.read(_SKIP_CHUNK)
            self._done = not chunk
            self._out = self._decoder.decode(chunk, final=self._done).encode("utf-8")
        view = memoryview(buffer).cast("B")
        size = min(len(view), len(self._out))
        view[:size] = self._out[:size]
        self._out = self._out[size:]
        return size


def _label(codec: str) -> str:
    """A codec as people name it: ``windows-1252`` for Python's ``cp1252``."""
    return f"windows-{codec[2:]}" if codec.startswith("cp125") else codec


def _decoded(
    lines: Iterator[tuple[int, bytes | None]], location_base: str
) -> Iterator[tuple[int, str | None, str | None]]:
    """Decode a file's lines in the file's one encoding: ``(number, text or None, codec when not UTF-8)``.

    UTF-8 until a line is not; then the encoding is detected once, from that line and what follows it up to
    :data:`SAMPLE_BYTES`, and kept to the end. Once a line with non-ASCII UTF-8 is seen the file is UTF-8.
    """
    codec: str | None = None  # None: only ASCII so far
    for number, line in lines:
        if line is None:
            yield number, None, None
            continue
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if codec not in (None, "utf-8"):
            yield number, line.decode(codec, "replace"), codec
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            if codec == "utf-8" and has_utf8_sequence(line):  # a damaged line of a UTF-8 file
                yield number, line.decode("utf-8", "replace"), None
                continue
            if codec == "utf-8":  # a legacy line among UTF-8 ones (files joined): read in its own code page
                own = detect_legacy(line)
                if own.startswith(_CJK_CODECS):  # one short line is too little to tell a CJK text by
                    own = latin_codepage(line)
                _log.warning(
                    "%s:%d is not UTF-8 as the rest of the file is: read as %s",
                    location_base,
                    number,
                    _label(own),
                )
                yield number, line.decode(own, "replace"), own
                continue
        else:
            if codec is None and not line.isascii():
                codec = "utf-8"
            yield number, text, None
            continue
        ahead, error = _read_ahead(number, line, lines)
        high = [data for _, data in ahead if data is not None and not data.isascii()]
        codec = "utf-8" if _mostly_utf8(high) else detect_encoding(b"".join(high)[:SAMPLE_BYTES])
        if codec != "utf-8":
            _log.warning(
                "%s is not UTF-8: read as %s (detected from line %d on)", location_base, _label(codec), number
            )
        legacy = None if codec == "utf-8" else codec
        for n, data in ahead:
            yield n, None if data is None else data.decode(codec, "replace"), legacy
        if error is not None:
            raise error


def _mostly_utf8(lines: list[bytes]) -> bool:
    """Whether at least half of these non-ASCII lines are valid UTF-8: then a line that is not is damaged.

    Text in a legacy code page is next to never valid UTF-8 line by line, and a short sample with one damaged
    line has too few bytes for the share :func:`detect_encoding` allows.
    """
    valid = 0
    for data in lines:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        valid += 1
    return valid * 2 >= len(lines) > 0


def _read_ahead(
    number: int, line: bytes, lines: Iterator[tuple[int, bytes | None]]
) -> tuple[list[tuple[int, bytes | None]], BaseException | None]:
    """This line and the next ones, up to :data:`SAMPLE_BYTES`: the sample an encoding is detected from.

    A damaged gzip stream ends the sample; its error is returned, to be raised once the lines read are out.
    """
    ahead: list[tuple[int, bytes | None]] = [(number, line)]
    size = len(line)
    try:
        for item in lines:
            ahead.append(item)
            size += len(item[1] or b"")
            if size >= SAMPLE_BYTES:
                break
    except GZIP_ERRORS as exc:
        return ahead, exc
    return ahead, None


_SURROGATE = re.compile("[\\ud800-\\udfff]")


def _present(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def parse_line(text: str, key_base: str, location: str, number: int) -> RawDoc | Rejected:
    """Turn one decoded JSONL line into a RawDoc, or a Rejected saying what is wrong with it.

    Args:
        text: the line, without its newline.
        key_base: the file's key; a line with neither ``id`` nor ``url`` gets ``<key_base>#<number>``.
        location: ``path:line`` for the RawDoc or Rejected.
        number: the line number, from 1.

    Returns:
        The article as read, or why it was not taken.
    """
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejected(location, STAGE, f"malformed JSON: {exc.msg} (column {exc.colno})", text)
    except RecursionError:
        return Rejected(location, STAGE, "malformed JSON: nested too deeply", text)
    if not isinstance(obj, dict):
        return Rejected(location, STAGE, f"not a JSON object but a {type(obj).__name__}", text)
    for name in FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str) and name not in LENIENT:
            return Rejected(
                location, STAGE, f"field {name!r} must be a string, got {type(value).__name__}", text
            )
    body_text, body_html = obj.get("text"), obj.get("html")
    if body_text is None and body_html is None:
        return Rejected(location, STAGE, "has neither text nor html", text)
    if not _present(body_text) and not _present(body_html):
        blank = "text" if body_html is None else "html" if body_text is None else "html and text"
        return Rejected(location, STAGE, f"{blank} {'are' if ' and ' in blank else 'is'} blank", text)

    def field(name: str) -> str | None:
        value = obj.get(name)
        if not _present(value):
            return None
        value = str(value)
        # a lone "\ud800" escape is valid JSON but no text: U+FFFD, as a decoder gives for bad bytes
        if _SURROGATE.search(value):
            value = _SURROGATE.sub("\ufffd", value)
        return value

    article_id, url = field("id"), field("url")
    plain, markup, title = field("text"), field("html"), field("title")
    published = normalise_published(obj.get("published"))
    return RawDoc(
        key=article_id or url or f"{key_base}#{number}",
        location=location,
        fmt="jsonl",
        raw=text,
        text=plain,
        html=markup,
        url=url,
        source=field("source"),
        published=published,
        title=title,
        lang=normalise_lang(obj.get("lang")),
        flags=published_flags(obj.get("published"), published),
    )


def read_jsonl(
    path: Path, key_base: str, location_base: str, settings: Settings
) -> Iterator[RawDoc | Rejected]:
    """Read a JSONL (or gzipped JSONL) file line by line, never holding the whole file.

    Args:
        path: the file.
        key_base: the file's key, for lines with neither ``id`` nor ``url``.
        location_base: the path as shown; each line's location is ``<location_base>:<line>``.
        settings: ``max_input_bytes`` caps each line.

    Yields:
        A RawDoc per good line, a Rejected per bad line, and a Rejected for an unreadable or damaged file.
    """
    cap = settings.max_input_bytes
    taken = 0
    last = 0
    try:
        with open_stream(path) as raw:
            try:
                stream, wide = _widened(raw)
                for number, text, codec in _decoded(_lines(stream, cap), location_base):
                    last = number
                    location = f"{location_base}:{number}"
                    if text is None:
                        yield Rejected(location, STAGE, f"line {too_big(cap)}")
                        taken += 1
                        continue
                    text = text.rstrip("\r\n")
                    if not text.strip():
                        continue
                    taken += 1
                    doc = parse_line(text, key_base, location, number)
                    if isinstance(doc, RawDoc) and (wide or codec):
                        doc = replace(doc, flags=(*doc.flags, f"encoding:{_label(wide or codec or '')}"))
                    yield doc
            except GZIP_ERRORS as exc:
                where = f" after line {last}" if last else ""
                yield Rejected(location_base, STAGE, describe_gzip_error(exc) + where)
                return
    except ReadError as exc:
        yield Rejected(location_base, STAGE, str(exc))
        return
    except OSError as exc:
        yield Rejected(location_base, STAGE, describe_os_error(exc))
        return
    if taken == 0:
        yield Rejected(location_base, STAGE, "empty file")


def _widened(stream: IO[bytes]) -> tuple[IO[bytes], str | None]:
    """The stream as UTF-8 bytes when it is UTF-16 or UTF-32 (by its first bytes), and that codec, else as it is."""
    # Both an open file and a GzipFile peek without consuming; neither is typed so.
    wide = wide_json_encoding(cast(io.BufferedReader, stream).peek(4)[:4])
    if wide is None:
        return stream, None
    return cast(IO[bytes], io.BufferedReader(_Transcoded(stream, wide), buffer_size=_SKIP_CHUNK)), wide
