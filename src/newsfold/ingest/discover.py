"""From the INPUT arguments of ``newsfold ingest`` to files, formats, keys and locations.

An INPUT is a file, a directory (read recursively, in sorted order) or a glob (expanded, sorted). The format
comes from the extension (any case) or, failing that, from sniffing the first bytes. In a directory a file of
no known format is :class:`~newsfold.models.Skipped`; given directly it is rejected. Keys and locations follow
the contract: a file's key is its path relative to the folder given, without its format extensions.
"""

from __future__ import annotations

import glob
import json
import os
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from newsfold.ingest.feeds import read_feed
from newsfold.ingest.html import read_html
from newsfold.ingest.jsonl import read_jsonl
from newsfold.ingest.source import GZIP_MAGIC, ReadError, describe_os_error, is_blank, read_head
from newsfold.ingest.text import read_text
from newsfold.ingest.warc import read_warc
from newsfold.models import RawDoc, Rejected, Skipped
from newsfold.settings import Settings

STAGE = "read"

Reader = Callable[[Path, str, str, Settings], Iterator[RawDoc | Rejected | Skipped]]
READERS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
    "warc": read_warc,
}

# Format by extension, after an optional ".gz". ".xml" is checked by content (a sitemap is no feed).
EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
}
HEAD_BYTES = 65_536
# Files that describe a data folder rather than hold articles: a README, a licence, a changelog. Inside a
# folder they are skipped even with a ".txt" extension (the contract's "a README.md, a licence file").
_FOLDER_DOCS = re.compile(
    r"^(readme|licen[cs]e|copying|notice|changelog|changes|authors|contributing)\b", re.I
)
_FOLDER_DOC_SUFFIXES = frozenset({"", ".txt", ".md", ".rst"})
_GLOB_CHARS = re.compile(r"[*?\[]")


def is_pattern(given: str) -> bool:
    """Whether an input as given is a glob pattern (expanded by :func:`read_inputs`), not a path."""
    return _GLOB_CHARS.search(given) is not None


def matches_anything(pattern: str) -> bool:
    """Whether a glob pattern names at least one path (or is itself an existing path)."""
    if os.path.lexists(pattern):
        return True
    return next(glob.iglob(pattern, recursive=True), None) is not None  # noqa: PTH207 - as read_inputs expands it


_FEED_RE = re.compile(rb"<(?:rss|feed|rdf:RDF|channel)\b", re.I)
_HTML_RE = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|table)\b", re.I)
_XML_START_RE = re.compile(rb"^\s*<\?xml\b", re.I)


def _split_name(name: str) -> tuple[str, str | None, bool]:
    """Split a file name into (stem, format by extension or None, gzip?)."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    base = name[:-3] if gz else name
    suffix = Path(base).suffix.lower()
    if suffix in EXTENSIONS:
        return base[: -len(suffix)], EXTENSIONS[suffix], gz
    return base, None, gz


def file_key(relative: str) -> str:
    """The contract's key of a file: its relative path (``/`` separated) without its format extensions.

    ``seeds/000_x.txt`` relative to ``seeds`` is ``000_x``; ``a/page.html.gz`` is ``a/page``. An extension
    that names no known format is kept (``notes.v2.txt`` gives ``notes.v2``).

    Args:
        relative: the file's path relative to the folder given to ingest, or its name when given directly.

    Returns:
        The key.
    """
    parts = relative.replace(os.sep, "/").split("/")
    stem, _, _ = _split_name(parts[-1])
    return "/".join([*parts[:-1], stem or parts[-1]])


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


def _looks_jsonl(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not text.startswith(b"{"):
        return False
    first, newline, _ = text.partition(b"\n")
    if not newline and len(text) >= HEAD_BYTES:
        return True  # a first line longer than the head: trust the opening brace
    try:
        return isinstance(json.loads(first.decode("utf-8", "replace")), dict)
    except json.JSONDecodeError:
        return False


def sniff(head: bytes) -> str | None:
    """Tell the format of a file from its first bytes: ``warc``, ``feed``, ``html``, ``jsonl`` or None."""
    if head.startswith(GZIP_MAGIC):
        head = _gunzip_head(head)
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"WARC/"):
        return "warc"
    if _looks_jsonl(text):
        return "jsonl"
    start = text[:4096]
    if _XML_START_RE.match(start) or start.startswith(b"<"):
        if _FEED_RE.search(start) and not re.search(rb"<html\b", start, re.I):
            return "feed"
        if _HTML_RE.search(start):
            return "html"
    return None


def detect_format(path: Path, head: bytes) -> str | None:
    """Tell the format of an input file from its name, else from its first bytes.

    Args:
        path: the file; its extension decides when it names a format (any case, after an optional ``.gz``).
        head: the file's first bytes (up to 64 KiB; gzip is decompressed here when needed). Used for ``.xml``
            files, files of unknown extension and ``.txt`` files (one that holds an HTML page, a saved page given
            the wrong name, is read as the page).

    Returns:
        ``"jsonl"``, ``"text"``, ``"html"``, ``"feed"`` or ``"warc"``, or None for no known format.
    """
    _, by_name, _ = _split_name(path.name)
    if by_name == "xml":
        return "feed" if _FEED_RE.search(_plain(head)) else sniff(head)
    if by_name == "text" and sniff(head) == "html":
        return "html"
    if by_name is not None:
        return by_name
    return sniff(head)


def _plain(head: bytes) -> bytes:
    return _gunzip_head(head) if head.startswith(GZIP_MAGIC) else head


def _relative_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every file under ``folder``, as (relative path, path), sorted; hidden entries are left out."""
    found: list[tuple[str, Path]] = []
    seen: set[Path] = set()

    def walk(directory: Path, prefix: str) -> None:
        real = directory.resolve()
        if real in seen:  # a symlink loop
            return
        seen.add(real)
        for entry in directory.iterdir():
            if entry.name.startswith("."):
                continue
            relative = f"{prefix}{entry.name}"
            if entry.is_dir():
                walk(entry, relative + "/")
            else:
                found.append((relative, entry))

    walk(folder, "")
    yield from sorted(found)


def _is_folder_doc(name: str) -> bool:
    lower = name.lower()
    base = lower[:-3] if lower.endswith(".gz") else lower
    return bool(_FOLDER_DOCS.match(base)) and Path(base).suffix in _FOLDER_DOC_SUFFIXES


def _read_file(
    path: Path, key: str, location: str, settings: Settings, in_folder: bool
) -> Iterator[RawDoc | Rejected | Skipped]:
    if in_folder and _is_folder_doc(path.name):
        yield Skipped(location)
        return
    _, by_name, _ = _split_name(path.name)
    head = b""
    if by_name in {None, "xml", "text"}:  # a .txt file may hold a saved page (detect_format)
        try:
            head = read_head(path, HEAD_BYTES)
        except ReadError as exc:
            yield Rejected(location, STAGE, str(exc))
            return
    fmt = detect_format(path, head)
    if fmt is None:
        if in_folder:
            yield Skipped(location)
        elif is_blank(head):
            yield Rejected(location, STAGE, "empty file")
        else:
            yield Rejected(
                location, STAGE, "unknown format: not JSONL, HTML, plain text (.txt), RSS/Atom or WARC"
            )
        return
    try:
        yield from READERS[fmt](path, key, location, settings)
    except Exception as exc:  # a batch boundary: one bad file must not stop the run
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        yield Rejected(
            location, STAGE, f"cannot read {fmt} file: {type(exc).__name__}: {detail}".rstrip(": ")
        )


def _join(given: str, relative: str) -> str:
    return given + relative if given.endswith(("/", os.sep)) else f"{given}/{relative}"


def _read_one_input(given: str, settings: Settings) -> Iterator[RawDoc | Rejected | Skipped]:
    path = Path(given)
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except OSError as exc:
        yield Rejected(given, STAGE, describe_os_error(exc))
        return
    if not exists and is_pattern(given):
        matches = sorted(glob.glob(given, recursive=True))  # noqa: PTH207 - pathlib globs only relative patterns
        if not matches:
            yield Rejected(given, STAGE, "no file matches the pattern")
        for match in matches:
            yield from _read_one_input(match, settings)
        return
    if not exists:
        yield Rejected(given, STAGE, "no such file or directory")
        return
    if not is_dir:
        yield from _read_file(path, file_key(path.name), given, settings, in_folder=False)
        return
    try:
        files = list(_relative_files(path))
    except OSError as exc:
        yield Rejected(
            given, STAGE, f"cannot read folder: {describe_os_error(exc).removeprefix('cannot read file: ')}"
        )
        return
    for relative, file in files:
        yield from _read_file(file, file_key(relative), _join(given, relative), settings, in_folder=True)


def read_inputs(inputs: Sequence[str | Path], settings: Settings) -> Iterator[RawDoc | Rejected | Skipped]:
    """Read every input of an ingest run, lazily and in a deterministic order.

    Args:
        inputs: files, directories (read recursively, sorted) or globs (expanded, sorted), as given.
        settings: read-only options (``max_input_bytes``).

    Yields:
        A RawDoc per article read, a Rejected (stage ``read``) per input or record not taken, with its
        location and reason, and a Skipped per file of no known format inside a directory. A missing path is a
        Rejected, not an exception.
    """
    for given in inputs:
        yield from _read_one_input(str(given), settings)
