"""WARC archives: HTML responses become articles, other records pass silently, damage is reported."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from newsfold.ingest.warc import read_warc
from newsfold.models import RawDoc, Rejected, Skipped
from newsfold.settings import Settings

DATA = Path(__file__).parent / "data" / "ingest"
warcio = pytest.importorskip("warcio")


def test_html_responses_only(settings: Settings) -> None:
    out = list(read_warc(DATA / "crawl.warc.gz", "crawl", "c.warc.gz", settings))
    assert [(d.key, d.location) for d in out if isinstance(d, RawDoc)] == [
        ("https://news.example/ru/transport", "c.warc.gz:3"),  # 1 warcinfo, 2 request, 3 response
        ("https://news.example/en/ferry", "c.warc.gz:9"),
    ]
    # the image (5) holds no article and is counted as skipped; the 404 page (7) is an error page, quarantined;
    # warcinfo and requests are the archive's own records and pass over
    assert [d.location for d in out if isinstance(d, Skipped)] == ["c.warc.gz:5"]
    assert [(d.location, d.reason) for d in out if isinstance(d, Rejected)] == [
        ("c.warc.gz:7", "error page (HTTP 404)")
    ]
    ru, en = [d for d in out if isinstance(d, RawDoc)]
    assert (
        isinstance(ru, RawDoc) and ru.html is not None and "сорок новых трамваев" in ru.html
    )  # HTTP charset
    assert ru.url == ru.key and ru.fmt == "warc" and ru.raw == ru.html
    assert isinstance(en, RawDoc) and en.html is not None and "night ferry" in en.html


def test_truncated_archive_reports_the_record(settings: Settings) -> None:
    out = list(read_warc(DATA / "truncated.warc.gz", "t", "t.warc.gz", settings))
    assert isinstance(out[0], RawDoc) and out[0].location == "t.warc.gz:3"
    assert isinstance(out[-1], Rejected) and out[-1].location == "t.warc.gz:9"
    assert "truncated" in out[-1].reason


def test_damaged_record_in_the_middle_the_rest_is_read(tmp_path: Path, settings: Settings) -> None:
    data = (DATA / "crawl.warc.gz").read_bytes()
    members = []  # split into gzip members to damage the third record (the Russian page)
    start = 0
    while start < len(data):
        nxt = data.find(b"\x1f\x8b\x08", start + 1)
        members.append(data[start : nxt if nxt > 0 else len(data)])
        start = nxt if nxt > 0 else len(data)
    assert len(members) == 9
    broken = bytearray(members[2])
    broken[20:60] = b"\x00" * 40
    (tmp_path / "d.warc.gz").write_bytes(b"".join([*members[:2], bytes(broken), *members[3:]]))
    out = list(read_warc(tmp_path / "d.warc.gz", "d", "d.warc.gz", settings))
    rejected = [d for d in out if isinstance(d, Rejected)]
    assert [r.location for r in rejected] == [
        "d.warc.gz:3",
        "d.warc.gz:7",
    ]  # the damaged record, the 404 page
    assert [d.key for d in out if isinstance(d, RawDoc)] == ["https://news.example/en/ferry"]


def test_uncompressed_and_whole_file_gzip(tmp_path: Path, settings: Settings) -> None:
    plain = gzip.decompress((DATA / "crawl.warc.gz").read_bytes())
    (tmp_path / "p.warc").write_bytes(plain)
    (tmp_path / "w.warc.gz").write_bytes(gzip.compress(plain, mtime=0))  # one gzip member for the whole file
    for name in ("p.warc", "w.warc.gz"):
        out = list(read_warc(tmp_path / name, "x", name, settings))
        assert [(d.key, d.location) for d in out if isinstance(d, RawDoc)] == [
            ("https://news.example/ru/transport", f"{name}:3"),
            ("https://news.example/en/ferry", f"{name}:9"),
        ], name
        assert len(out) == 4  # and the image (skipped) and the 404 page (quarantined)


def test_record_over_the_cap(tmp_path: Path, settings: Settings) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    body = b"<html><body>" + b"<p>word</p>" * 500 + b"</body></html>"
    writer.write_record(
        writer.create_warc_record(
            "https://x.example/", "response", payload=io.BytesIO(body), http_headers=headers
        )
    )
    (tmp_path / "big.warc.gz").write_bytes(buf.getvalue())
    (bad,) = read_warc(tmp_path / "big.warc.gz", "b", "big.warc.gz", settings.replace(max_input_bytes=1000))
    assert isinstance(bad, Rejected) and bad.location == "big.warc.gz:1" and "max_input_bytes" in bad.reason


def test_empty_and_garbage(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "e.warc").write_bytes(b"")
    assert list(read_warc(tmp_path / "e.warc", "e", "e.warc", settings)) == [
        Rejected("e.warc", "read", "empty file")
    ]
    (tmp_path / "g.warc").write_bytes(b"this is not a web archive\n" * 10)
    out = list(read_warc(tmp_path / "g.warc", "g", "g.warc", settings))
    assert out == [Rejected("g.warc", "read", "not a WARC archive: it does not start with a WARC record")]


def test_a_record_with_unparsable_headers_is_quarantined_with_a_readable_reason(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "garbage.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n\x00\x01 not a record at all\r\n\r\n")
    rejected = [d for d in read_warc(path, "garbage", "garbage.warc", settings) if isinstance(d, Rejected)]
    assert rejected and all("Error" not in r.reason for r in rejected), [r.reason for r in rejected]


def test_a_record_without_headers_is_quarantined_with_a_plain_reason(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "nh.warc"
    path.write_bytes(b"WARC/1.0\r\n\r\n" + b"x" * 200 + b"\r\n\r\n")
    out = list(read_warc(path, "nh", "nh.warc", settings))
    assert [(d.location, d.reason) for d in out if isinstance(d, Rejected)] == [
        ("nh.warc:1", "malformed record headers: no WARC-Type")
    ]
