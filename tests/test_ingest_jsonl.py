"""JSONL article lines: good and bad lines, keys, locations, gzip, caps, streaming."""

from __future__ import annotations

import gzip
import inspect
import json
from pathlib import Path

from newsfold.ingest import READERS
from newsfold.ingest.jsonl import read_jsonl
from newsfold.models import RawDoc, Rejected
from newsfold.settings import Settings

DATA = Path(__file__).parent / "data" / "ingest"


def test_good_and_bad_lines(settings: Settings) -> None:
    out = list(read_jsonl(DATA / "articles.jsonl", "articles", "in/articles.jsonl", settings))
    docs = {d.location: d for d in out if isinstance(d, RawDoc)}
    bad = {r.location: r.reason for r in out if isinstance(r, Rejected)}
    assert list(docs) == [
        "in/articles.jsonl:1",
        "in/articles.jsonl:3",
        "in/articles.jsonl:4",
        "in/articles.jsonl:10",
    ]
    first = docs["in/articles.jsonl:1"]
    assert (first.key, first.url, first.source, first.published, first.title, first.lang, first.fmt) == (
        "a-1",
        "https://x.example/1",
        "Example Post",
        "2022-02-17",
        "First",
        "en",
        "jsonl",
    )
    assert json.loads(first.raw)["id"] == "a-1"
    second = docs["in/articles.jsonl:3"]
    assert (second.key, second.html, second.text) == ("https://x.example/2", "<p>Second article.</p>", None)
    assert second.published == "2022-02-17T10:00:00Z"  # kept exactly as given
    assert docs["in/articles.jsonl:4"].key == "articles#4"  # neither id nor url: <file key>#<line>
    assert docs["in/articles.jsonl:10"].text is not None and "трамваев" in docs["in/articles.jsonl:10"].text
    assert docs["in/articles.jsonl:10"].published == "2022-02-17T10:00:00+03:00"
    assert bad["in/articles.jsonl:5"].startswith("malformed JSON")
    assert "not a JSON object" in bad["in/articles.jsonl:6"]
    assert bad["in/articles.jsonl:7"] == "field 'id' must be a string, got int"
    assert bad["in/articles.jsonl:8"] == "has neither text nor html"
    assert bad["in/articles.jsonl:9"] == "text is blank"
    assert len(out) == 9  # blank lines 2 and 11 are ignored, not rejected


def test_html_with_text_fallback_and_nulls(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "x.jsonl"
    lines = [
        {"id": "k", "html": "<p>A</p>", "text": "A", "title": None, "source": ""},
        {"id": None, "url": None, "text": "B"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    first, second = read_jsonl(path, "x", str(path), settings)
    assert isinstance(first, RawDoc) and (first.html, first.text, first.title, first.source) == (
        "<p>A</p>",
        "A",
        None,
        None,
    )
    assert isinstance(second, RawDoc) and second.key == "x#2"


def test_gzip_jsonl(settings: Settings) -> None:
    out = list(read_jsonl(DATA / "good.jsonl.gz", "good", "good.jsonl.gz", settings))
    assert [d.key for d in out if isinstance(d, RawDoc)] == ["a-1", "https://x.example/2", "good#3"]
    assert len(out) == 3


def test_truncated_gzip_keeps_lines_before_the_damage(settings: Settings) -> None:
    out = list(read_jsonl(DATA / "truncated.jsonl.gz", "t", "t.jsonl.gz", settings))
    assert [d.location for d in out[:-1]] == ["t.jsonl.gz:1", "t.jsonl.gz:2", "t.jsonl.gz:3"]
    assert all(isinstance(d, RawDoc) for d in out[:-1])
    last = out[-1]
    assert isinstance(last, Rejected) and last.location == "t.jsonl.gz"
    assert "truncated gzip" in last.reason and "after line 3" in last.reason


def test_empty_and_blank_files(tmp_path: Path, settings: Settings) -> None:
    for name, data in (("e.jsonl", b""), ("w.jsonl", b"\n  \n\t\n"), ("g.jsonl.gz", gzip.compress(b"\n"))):
        (tmp_path / name).write_bytes(data)
        assert list(read_jsonl(tmp_path / name, "k", name, settings)) == [
            Rejected(name, "read", "empty file")
        ]


def test_line_over_the_cap_is_rejected_and_reading_goes_on(tmp_path: Path, settings: Settings) -> None:
    small = settings.replace(max_input_bytes=1000)
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"id": "long", "text": "x" * 5000}), json.dumps({"id": "ok", "text": "fine"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = read_jsonl(path, "big", "big.jsonl", small)
    assert isinstance(first, Rejected) and first.location == "big.jsonl:1" and "1,000 bytes" in first.reason
    assert isinstance(second, RawDoc) and second.key == "ok" and second.location == "big.jsonl:2"


def test_legacy_encoded_line_and_bom(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "legacy.jsonl"
    text = "Пример текста новости на русском языке, записанный в старой кодировке windows-1251."
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"id": "r", "text": text}, ensure_ascii=False).encode("cp1251")
    )
    (doc,) = read_jsonl(path, "legacy", "legacy.jsonl", settings)
    assert isinstance(doc, RawDoc) and doc.text == text


def test_reader_is_a_lazy_generator(tmp_path: Path, settings: Settings) -> None:
    assert READERS["jsonl"] is read_jsonl
    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(json.dumps({"id": str(i), "text": "t"}) + "\n" for i in range(1000)), encoding="utf-8"
    )
    stream = read_jsonl(path, "many", "many.jsonl", settings)
    assert inspect.isgenerator(stream)
    first = next(stream)
    assert isinstance(first, RawDoc) and first.key == "0"
    stream.close()
