"""Inputs to documents: folders, globs, keys, locations, format detection, text and HTML files, bad files."""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsfold.ingest import detect_format, file_key, read_inputs
from newsfold.models import RawDoc, Rejected, Skipped
from newsfold.settings import Settings

DATA = Path(__file__).parent / "data" / "ingest"
NOT_HTML = "not an HTML page: looks binary"


def one(path: Path | str, settings: Settings) -> RawDoc | Rejected | Skipped:
    (out,) = read_inputs([path], settings)
    return out


def test_folder_keys_locations_and_skips(settings: Settings) -> None:
    given = str(DATA / "folder")
    out = list(read_inputs([given], settings))
    assert [(type(d).__name__, d.location.removeprefix(given)) for d in out] == [
        ("RawDoc", "/000_first.txt"),
        ("RawDoc", "/001_page.html.gz"),
        ("RawDoc", "/003_sniffed"),  # no extension: sniffed as HTML
        ("Skipped", "/LICENSE"),
        ("Skipped", "/README.md"),
        ("RawDoc", "/sub/002_nested.TXT"),  # hidden .hidden.txt is never read
    ]
    docs = [d for d in out if isinstance(d, RawDoc)]
    assert [(d.key, d.fmt) for d in docs] == [
        ("000_first", "text"),
        ("001_page", "html"),  # .html.gz: both extensions go
        ("003_sniffed", "html"),
        ("sub/002_nested", "text"),
    ]
    assert docs[0].text == docs[0].raw and docs[0].text.startswith("Harbour authority")
    assert docs[1].html is not None and "<article>" in docs[1].html and docs[1].text is None
    assert list(read_inputs([given], settings)) == out  # deterministic


def test_file_given_directly_and_trailing_slash(settings: Settings) -> None:
    doc = one(DATA / "folder" / "sub" / "002_nested.TXT", settings)
    assert isinstance(doc, RawDoc) and doc.key == "002_nested"
    out = list(read_inputs([str(DATA / "folder") + "/"], settings))
    assert out[0].location == str(DATA / "folder" / "000_first.txt")


def test_glob_expansion_sorted(settings: Settings) -> None:
    out = list(read_inputs([str(DATA / "*.html")], settings))
    names = [Path(d.location).name for d in out]
    assert names == sorted(names) == ["binary.html", "blank.html", "fr_cp1252_meta.html", "ru_cp1251.html"]
    assert [d.key for d in out if isinstance(d, RawDoc)] == ["fr_cp1252_meta", "ru_cp1251"]
    (missing,) = read_inputs([str(DATA / "*.nothing")], settings)
    assert isinstance(missing, Rejected) and missing.reason == "no file matches the pattern"


def test_missing_path_is_rejected_not_raised(settings: Settings) -> None:
    assert list(read_inputs(["no/such/file.jsonl"], settings)) == [
        Rejected("no/such/file.jsonl", "read", "no such file or directory")
    ]


def test_encodings_of_html_files(settings: Settings) -> None:
    ru = one(DATA / "ru_cp1251.html", settings)
    assert isinstance(ru, RawDoc) and ru.html is not None and "Городской совет утвердил" in ru.html
    fr = one(DATA / "fr_cp1252_meta.html", settings)
    assert isinstance(fr, RawDoc) and fr.html is not None and "d’euros" in fr.html and "« Nous" in fr.html
    de = one(DATA / "de_latin1_httpequiv.HTM", settings)  # extension in any case
    assert (
        isinstance(de, RawDoc)
        and de.html is not None
        and "Fernwärme" in de.html
        and de.key == "de_latin1_httpequiv"
    )


def test_bom_text_files(settings: Settings) -> None:
    utf8 = one(DATA / "bom_utf8.txt", settings)
    assert (
        isinstance(utf8, RawDoc) and utf8.text is not None and utf8.text.startswith("Harbour")
    )  # BOM removed
    utf16 = one(DATA / "bom_utf16.txt", settings)
    assert isinstance(utf16, RawDoc) and utf16.text is not None and utf16.text.startswith("Überschrift")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("binary.html", NOT_HTML),
        ("blank.html", "empty file"),
        ("empty.txt", "empty file"),
        ("corrupt.html.gz", "corrupt or truncated gzip data"),
        ("notes.dat", "unknown format"),
        ("sitemap.xml", "unknown format"),  # XML that is no feed
        ("broken.rss", "not a parseable feed"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(name: str, reason: str, settings: Settings) -> None:
    out = one(DATA / name, settings)
    assert isinstance(out, Rejected) and out.stage == "read" and out.location == str(DATA / name)
    assert out.reason.startswith(reason)


def test_bad_files_in_a_folder(tmp_path: Path, settings: Settings) -> None:
    for name in ("binary.html", "empty.txt", "notes.dat", "sitemap.xml"):
        shutil.copy(DATA / name, tmp_path / name)
    out = list(read_inputs([tmp_path], settings))
    kinds = {Path(d.location).name: type(d).__name__ for d in out}
    assert kinds == {
        "binary.html": "Rejected",
        "empty.txt": "Rejected",
        "notes.dat": "Skipped",
        "sitemap.xml": "Skipped",
    }


def test_file_over_the_cap(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    out = one(tmp_path / "big.txt", settings.replace(max_input_bytes=1000))
    assert isinstance(out, Rejected) and "max_input_bytes" in out.reason and "1,000" in out.reason


def test_unreadable_file(tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)  # chmod 000 does not stop root, so refuse the open itself
    assert one(path, settings) == Rejected(str(path), "read", "cannot read file: permission denied")


def test_detect_format() -> None:
    assert detect_format(Path("a.JSONL.GZ"), b"") == "jsonl"
    assert detect_format(Path("a.Html.gz"), b"") == "html"
    assert detect_format(Path("a.warc.gz"), b"") == "warc"
    assert detect_format(Path("a.atom"), b"") == "feed"
    assert detect_format(Path("a.xml"), b'<?xml version="1.0"?>\n<rss version="2.0"><channel>') == "feed"
    assert detect_format(Path("a.xml"), b'<?xml version="1.0"?><urlset>') is None
    assert detect_format(Path("a.bin"), b"WARC/1.1\r\nWARC-Type: warcinfo\r\n") == "warc"
    assert detect_format(Path("a"), b'{"id": "1", "text": "x"}\n{"id": "2"}\n') == "jsonl"
    assert detect_format(Path("a"), b"<!DOCTYPE html><html><body>") == "html"
    assert detect_format(Path("a"), b'<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert detect_format(Path("README.md"), b"# Title\n\nSome words.\n") is None
    # a saved page named .txt is read as the page; a text that merely mentions tags stays text
    assert detect_format(Path("page.txt"), b"<html><body><p>A protest on Sunday.</p></body></html>") == "html"
    assert detect_format(Path("note.txt"), b"Use <b> for bold and <html> for pages.\n") == "text"


def test_file_key() -> None:
    assert file_key("seeds/000_x.txt") == "seeds/000_x"
    assert file_key("a/page.html.gz") == "a/page"
    assert file_key("2022.02.17-report.txt") == "2022.02.17-report"
    assert file_key("dump.jsonl.gz") == "dump"


def test_read_inputs_is_lazy(settings: Settings) -> None:
    stream = read_inputs([DATA / "folder", "missing"], settings)
    assert inspect.isgenerator(stream)
    assert isinstance(next(stream), RawDoc)


def test_shared_seeds_folder(shared_seeds: Path, settings: Settings) -> None:
    out = list(read_inputs([shared_seeds], settings))
    texts = [d for d in out if isinstance(d, RawDoc) and d.fmt == "text"]
    assert [d.key for d in texts] == [
        "000_cc19f5d33552ad64",
        "001_3e7c520cc69bc824",
        "002_174bf8bf5535ab25",
        "003_0e43735446c24b91",
        "004_701a67432a6c2fcc",
    ]
    assert all(d.text and len(d.text) > 1000 for d in texts)
    assert [d.location for d in out if isinstance(d, Skipped)] == [str(shared_seeds / "README.md")]
    assert not [d for d in out if isinstance(d, Rejected)]


def test_shared_seeds_jsonl(shared_seeds: Path, settings: Settings) -> None:
    out = list(read_inputs([shared_seeds / "seeds.jsonl"], settings))
    assert all(isinstance(d, RawDoc) for d in out)
    docs = [d for d in out if isinstance(d, RawDoc)]
    assert [(d.key, d.source, d.published) for d in docs] == [
        ("000_cc19f5d33552ad64", "UNI", "2022-02-17"),
        ("001_3e7c520cc69bc824", None, "2022-02-17"),
        ("002_174bf8bf5535ab25", "TASS", "2022-01-26"),
        ("003_0e43735446c24b91", "Afrasianet", "2022-02-17"),
        ("004_701a67432a6c2fcc", "Lodi Valley News", "2022-02-17"),
    ]
    assert [d.location for d in docs] == [f"{shared_seeds / 'seeds.jsonl'}:{n}" for n in range(1, 6)]
    assert all(d.lang == "en" and d.title and d.text for d in docs)


def test_a_saved_page_named_txt_is_read_as_a_page(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "page.txt").write_text("<html><body><p>Thousands marched on Sunday.</p></body></html>")
    (tmp_path / "note.txt").write_text("Thousands marched on Sunday.\n")
    docs = {d.key: d.fmt for d in read_inputs([tmp_path], settings) if isinstance(d, RawDoc)}
    assert docs == {"page": "html", "note": "text"}
