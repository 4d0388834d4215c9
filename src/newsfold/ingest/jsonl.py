"""JSONL article lines (``.jsonl``, ``.jsonl.gz``), streamed one line at a time.

Each non-blank line is one article (contract: "Article lines"). A line that is not a JSON object, has a field
of the wrong type, or has no usable ``text``/``html`` is rejected with its line number; the rest of the file
is still read. A damaged ``.jsonl.gz`` yields every line read before the damage, then one rejection.

``published`` and ``lang`` are read as every reader reads them (:mod:`newsfold.ingest.metadata`): a publish date
that cannot be read (``2023-02-30``, ``12/09/2023``, free text, a number that is no Unix time) is None and the
article is still taken, as is a language that is no ISO 639-1 code. A line with ``text`` and no ``title`` gets
its title as a ``.txt`` file does, from the clean stage (:func:`newsfold.clean.clean_text`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsfold.ingest.encoding import decode_bytes
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

STAGE = "read"
# The contract's article fields; every one is a string when present (null means absent), but see LENIENT.
# Others are ignored.
FIELDS = ("id", "url", "source", "published", "title", "text", "html", "lang")
# Fields whose unreadable values are dropped rather than the line: a date is optional, and a Unix time is
# often written as a JSON number.
LENIENT = frozenset({"published"})
# Bytes read at a time while skipping the rest of an over-long line.
_SKIP_CHUNK = 1 << 20


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


def _decode_line(line: bytes, first: bool) -> str:
    """Decode one line: UTF-8 as JSON requires, falling back to detection for legacy files."""
    if first and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(line)


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
        with open_stream(path) as stream:
            try:
                for number, line in _lines(stream, cap):
                    last = number
                    location = f"{location_base}:{number}"
                    if line is None:
                        yield Rejected(location, STAGE, f"line {too_big(cap)}")
                        taken += 1
                        continue
                    text = _decode_line(line, number == 1).rstrip("\r\n")
                    if not text.strip():
                        continue
                    taken += 1
                    yield parse_line(text, key_base, location, number)
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
