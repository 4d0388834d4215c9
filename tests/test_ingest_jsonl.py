"""JSONL article lines: good and bad lines, keys, locations, gzip, caps, streaming."""

from __future__ import annotations

import gzip
import inspect
import json
import logging
from pathlib import Path
from typing import Any

import pytest

from newsfold.ingest import READERS, decode_bytes
from newsfold.ingest.jsonl import read_jsonl
from newsfold.models import RawDoc, Rejected
from newsfold.pipeline import ingest
from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store import queries as q

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


def _ingested(
    paths: list[Path], tmp_path: Path, settings: Settings
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Ingest ``paths`` into a fresh store: every article as ``newsfold article KEY --json`` shows it, and the
    stories' first article keys, in the order ``newsfold stories`` lists them."""
    with Store.open(tmp_path / "s.db") as store:
        ingest(paths, store, settings)
        conn = store.reader()
        keys = [row[0] for row in conn.execute("SELECT key FROM articles")]
        order = [story["articles"][0] for story in q.list_stories(conn)]
        return {key: q.article_json(conn, key) for key in keys}, order


LEDE = (
    "Scientists reported on Wednesday the discovery of a new species of frog in the rainforest of Ecuador, "
    "naming it after a local village."
)
LEDE_FR = (
    "Le président a annoncé mardi une réforme des retraites très contestée par les syndicats français et les "
    "partis de gauche."
)


def test_a_line_without_title_keeps_its_text(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "untitled.jsonl"
    lines = [
        {"id": "lede", "text": LEDE},  # one paragraph, no headline: all of it is the body
        {"id": "lede-fr", "text": LEDE_FR},
        {"id": "lede-first", "text": f"{LEDE}\n\nThe frog is about two centimetres long, the team said."},
        {"id": "headline", "text": f"New frog species found in Ecuador\n\n{LEDE}"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    (tmp_path / "one.txt").write_text(LEDE + "\n", encoding="utf-8")  # a .txt file follows the same rule
    got, _ = _ingested([path, tmp_path / "one.txt"], tmp_path, settings)
    for key in ("lede", "one"):
        assert got[key]["text"] == LEDE, key
        assert "title_only" not in got[key]["flags"]
        assert got[key]["title"] and LEDE.startswith(got[key]["title"].rstrip("…"))
    assert got["lede-fr"]["text"] == LEDE_FR and got["lede-fr"]["title"]
    assert got["lede-first"]["text"].startswith(LEDE) and "two centimetres" in got["lede-first"]["text"]
    # a first line that reads as a headline is the title, and the body is the rest
    assert got["headline"]["title"] == "New frog species found in Ecuador"
    assert got["headline"]["text"] == LEDE


def test_published_is_kept_as_given_or_null(tmp_path: Path, settings: Settings) -> None:
    given: list[object] = [
        "2022-02-17",
        "2022-02-17T10:00:00Z",
        "2023-09-14T10:00:00+02:00",
        "2023-02-30",  # no such day
        "12/09/2023",  # 12 September or 9 December: not guessed
        "not a date",
        "1694512800",  # a Unix time in seconds
        1694512800123,  # ... in milliseconds, as a JSON number
        20230912,  # a number that is no Unix time
        "Thu, 09 Mar 2023 07:30:00 +0100",
    ]
    path = tmp_path / "dates.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"d{i}", "title": "T", "text": "x", "published": p}) + "\n"
            for i, p in enumerate(given)
        ),
        encoding="utf-8",
    )
    docs = list(read_jsonl(path, "dates", "dates.jsonl", settings))
    assert all(isinstance(d, RawDoc) for d in docs)  # a date that cannot be read never costs the article
    assert [d.published for d in docs if isinstance(d, RawDoc)] == [
        "2022-02-17",
        "2022-02-17T10:00:00Z",
        "2023-09-14T10:00:00+02:00",
        None,
        None,
        None,
        "2023-09-12T10:00:00Z",
        "2023-09-12T10:00:00.123Z",
        None,
        "2023-03-09T07:30:00+01:00",
    ]


def test_unreadable_date_does_not_make_the_newest_story(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "sort.jsonl"
    lines = [
        {
            "id": "dated",
            "title": "Harbour reopens",
            "text": "The harbour reopened on Monday after repairs.",
            "published": "2023-09-12",
        },
        {"id": "undated", "title": "Frog found", "text": LEDE, "published": "not a date"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    got, order = _ingested([path], tmp_path, settings)
    assert got["undated"]["published"] is None and got["dated"]["published"] == "2023-09-12"
    assert order == ["dated", "undated"]  # undated stories come last, not first


def test_declared_language_is_a_code_or_nothing(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "lang.jsonl"
    langs = ["en", "en-GB", "DE", "pt_BR", 'lang="it-IT"', "xx-zz", "deu", "English", "de-DE fr"]
    path.write_text(
        "".join(
            json.dumps({"id": f"l{i}", "title": "T", "text": "x", "lang": v}) + "\n"
            for i, v in enumerate(langs)
        ),
        encoding="utf-8",
    )
    docs = [d for d in read_jsonl(path, "lang", "lang.jsonl", settings) if isinstance(d, RawDoc)]
    assert [d.lang for d in docs] == ["en", "en", "de", "pt", "it", None, None, None, None]


def test_an_unreadable_publish_date_is_null_and_flagged(tmp_path: Path, settings: Settings) -> None:
    from newsfold.store import Store

    text = "Police arrested two men on Friday after a bank robbery in the city centre, a spokesman said."
    lines = [
        {"id": "bad", "title": "Robbery", "text": text, "published": "not a date"},
        {"id": "good", "title": "Robbery", "text": text + " More.", "published": "2022-02-17"},
        {"id": "none", "title": "Robbery", "text": text + " Else."},
    ]
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        ingest([path], store, settings)
        rows = {
            r["key"]: (r["published"], json.loads(r["flags"]))
            for r in store.reader().execute("SELECT * FROM articles")
        }
    assert rows["bad"] == (None, ["bad_published"])
    assert rows["good"][0] == "2022-02-17" and "bad_published" not in rows["good"][1]
    assert rows["none"][0] is None and "bad_published" not in rows["none"][1]  # no date given is no bad date


def test_a_lone_surrogate_escape_becomes_a_replacement_character(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(
        '{"id": "s1", "title": "Bank \\ud800 failure", "text": "Markets fell \\udfff on Monday."}\n'
    )
    (doc,) = read_jsonl(path, "s", "s.jsonl", settings)
    assert (
        isinstance(doc, RawDoc)
        and doc.text == "Markets fell \ufffd on Monday."
        and doc.title == "Bank \ufffd failure"
    )
    doc.text.encode("utf-8")  # the store can write it


LATIN = [
    {"id": "ascii", "title": "Markets", "text": "Plain ASCII lines before the first line that is not UTF-8."},
    {"id": "es", "title": "Fútbol", "text": "España ganó el partido; la afición celebró en Madrid."},
    {"id": "fr", "title": "Château", "text": "Il était déjà là, près du château."},
    {"id": "de", "title": "Verkehr", "text": "Die Straße in München war gesperrt."},
    # alone, this line reads as windows-1250 "Ą1,250": the file's other lines say it is "¥1,250"
    {"id": "yen", "title": "Tokyo", "text": "Sony shares closed at ¥1,250 in Tokyo on Friday."},
]


def _write_lines(path: Path, lines: list[dict[str, str]], codec: str, end: str = "\n") -> None:
    path.write_bytes("".join(json.dumps(line, ensure_ascii=False) + end for line in lines).encode(codec))


def test_a_latin1_file_is_read_in_one_encoding(
    tmp_path: Path, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "latin.jsonl"
    _write_lines(path, LATIN, "cp1252")
    yen_line = json.dumps(LATIN[-1], ensure_ascii=False).encode("cp1252")
    assert "Ą1,250" in decode_bytes(yen_line)  # what reading line by line would make of it
    with caplog.at_level(logging.WARNING, logger="newsfold.ingest.jsonl"):
        docs = list(read_jsonl(path, "latin", "in/latin.jsonl", settings))
    assert all(isinstance(d, RawDoc) for d in docs)
    got = {d.key: d for d in docs if isinstance(d, RawDoc)}
    assert {k: (d.title, d.text) for k, d in got.items()} == {
        line["id"]: (line["title"], line["text"]) for line in LATIN
    }
    assert not any("Espańa" in (d.text or "") or "\ufffd" in (d.text or "") for d in got.values())
    for key in ("es", "fr", "de", "yen"):
        assert got[key].flags == ("encoding:windows-1252",), key
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "in/latin.jsonl" in warning.getMessage() and "windows-1252" in warning.getMessage()


def test_a_windows_1250_file_is_read_as_windows_1250(tmp_path: Path, settings: Settings) -> None:
    lines = [
        {
            "id": "pl",
            "text": "Władze Gdańska ogłosiły, że źródło problemu zostało usunięte. Zażółć gęślą jaźń.",
        },
        {"id": "cs", "text": "Příliš žluťoučký kůň úpěl ďábelské ódy. Město Brno oznámilo změnu."},
    ]
    path = tmp_path / "cee.jsonl"
    _write_lines(path, lines, "cp1250")
    docs = [d for d in read_jsonl(path, "cee", "cee.jsonl", settings) if isinstance(d, RawDoc)]
    assert [(d.key, d.text) for d in docs] == [(line["id"], line["text"]) for line in lines]
    assert all(d.flags == ("encoding:windows-1250",) for d in docs)


@pytest.mark.parametrize("damaged_first", [False, True])
def test_a_damaged_line_of_a_utf8_file_gets_replacement_characters(
    tmp_path: Path, settings: Settings, caplog: pytest.LogCaptureFixture, damaged_first: bool
) -> None:
    good = [
        {"id": "g1", "text": "Réunion à Genève, Zürich und Köln."},
        {"id": "g2", "text": "Городской совет утвердил новый план."},
        {"id": "g3", "text": "Die Straße, déjà vu, España."},
    ]
    encoded = [json.dumps(line, ensure_ascii=False).encode() for line in good]
    damaged = json.dumps({"id": "bad", "text": "Café XX broken"}, ensure_ascii=False).encode()
    damaged = damaged.replace(b"XX", b"\xff\xfe")
    encoded.insert(0 if damaged_first else 1, damaged)
    path = tmp_path / "damaged.jsonl"
    path.write_bytes(b"\n".join(encoded) + b"\n")
    with caplog.at_level(logging.WARNING, logger="newsfold.ingest.jsonl"):
        docs = {d.key: d for d in read_jsonl(path, "d", "damaged.jsonl", settings) if isinstance(d, RawDoc)}
    assert docs["bad"].text == "Café \ufffd\ufffd broken"
    assert {line["id"]: line["text"] for line in good} == {k: d.text for k, d in docs.items() if k != "bad"}
    assert all(d.flags == () for d in docs.values())  # a UTF-8 file: no encoding flag, no warning
    assert not caplog.records


WIDE = [
    {"id": "w1", "title": "Grüße", "text": "Grüße aus Köln, España, Gdańsk, Привет ☃ 𝄞"},
    {"id": "w2", "text": "A second article, in plain ASCII."},
]


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_files_are_read(tmp_path: Path, settings: Settings, codec: str, gz: bool) -> None:
    # as Windows PowerShell writes it ('...' | Out-File): UTF-16 with a byte-order mark, CRLF line ends
    body = "".join(json.dumps(line, ensure_ascii=False) + "\r\n" for line in WIDE) + "\r\n{oops\r\n"
    data = body.encode(codec)
    name = "wide.jsonl.gz" if gz else "wide.jsonl"
    (tmp_path / name).write_bytes(gzip.compress(data) if gz else data)
    first, second, bad = read_jsonl(tmp_path / name, "wide", name, settings)
    assert isinstance(first, RawDoc) and isinstance(second, RawDoc)
    assert [(d.key, d.title, d.text) for d in (first, second)] == [
        (line["id"], line.get("title"), line["text"]) for line in WIDE
    ]
    assert first.flags == second.flags == (f"encoding:{codec}",)
    assert (
        isinstance(bad, Rejected) and bad.location == f"{name}:4" and bad.reason.startswith("malformed JSON")
    )


def test_a_latin1_line_among_utf8_lines_is_read_in_its_own_code_page(
    tmp_path: Path, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    utf8 = {"id": "u", "text": "La selección de España ganó el partido en Málaga."}
    latin = {"id": "l", "text": "Un niño fue rescatado el lunes en Cádiz."}
    path = tmp_path / "joined.jsonl"  # two exports joined into one file
    path.write_bytes(
        json.dumps(utf8, ensure_ascii=False).encode()
        + b"\n"
        + json.dumps(latin, ensure_ascii=False).encode("cp1252")
    )
    with caplog.at_level(logging.WARNING, logger="newsfold.ingest.jsonl"):
        docs = {d.key: d for d in read_jsonl(path, "j", "joined.jsonl", settings) if isinstance(d, RawDoc)}
    assert docs["u"].text == utf8["text"] and docs["u"].flags == ()
    assert docs["l"].text == latin["text"] and docs["l"].flags == ("encoding:windows-1252",)
    assert [r.getMessage() for r in caplog.records] == [
        "joined.jsonl:2 is not UTF-8 as the rest of the file is: read as windows-1252"
    ]
