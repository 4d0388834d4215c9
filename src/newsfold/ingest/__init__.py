"""Input readers: files, folders and globs of JSONL, plain text, HTML, RSS/Atom feeds and WARC archives.

Readers yield :class:`~newsfold.models.RawDoc` (one input document as read),
:class:`~newsfold.models.Rejected` (not taken, with its location and reason) or
:class:`~newsfold.models.Skipped` (a file of no known format in a folder).
They do not clean or extract: that is the clean stage's work. Everything is streamed.
"""

from __future__ import annotations

from newsfold.ingest.discover import READERS, Reader, detect_format, file_key, read_inputs
from newsfold.ingest.encoding import decode_bytes

__all__ = ["READERS", "Reader", "decode_bytes", "detect_format", "file_key", "read_inputs"]
