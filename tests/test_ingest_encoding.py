"""Encodings: BOMs, declared charsets, <meta>, XML declarations, detection, binary sniffing."""

from __future__ import annotations

import codecs

import pytest

from newsfold.ingest import decode_bytes
from newsfold.ingest.encoding import (
    choose_encoding,
    detect_encoding,
    latin_codepage,
    looks_binary,
    normalize_charset,
    sniff_declared,
    wide_json_encoding,
)

RU = (
    "Городской совет утвердил новый план развития общественного транспорта. "
    "В следующем году на линии выйдут сорок новых трамваев, а интервал движения автобусов сократится. "
    "Жители окраинных районов давно жаловались на переполненные маршруты и долгие ожидания."
)


def test_undeclared_cp1251_russian_comes_out_cyrillic() -> None:
    page = f"<html><body><p>{RU}</p></body></html>".encode("cp1251")
    assert decode_bytes(page) == f"<html><body><p>{RU}</p></body></html>"


def test_bom_wins_over_meta() -> None:
    data = codecs.BOM_UTF8 + '<meta charset="windows-1251"><p>Zürich ☃</p>'.encode()
    assert decode_bytes(data) == '<meta charset="windows-1251"><p>Zürich ☃</p>'
    assert decode_bytes("Grüße".encode("utf-16")) == "Grüße"


def test_meta_charset_and_http_equiv() -> None:
    text = "Le conseil a déclaré « oui » à l’été."
    meta = f'<head><meta charset="windows-1252"></head><p>{text}</p>'
    assert decode_bytes(meta.encode("cp1252")) == meta
    equiv = f'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>{text[:20]}</p>'
    assert choose_encoding(equiv.encode("cp1252")) == "cp1252"  # latin-1 means windows-1252, as browsers do


def test_declared_charset_from_outside_the_document() -> None:
    assert decode_bytes(RU.encode("koi8_r"), declared="KOI8-R") == RU


def test_xml_declaration() -> None:
    xml = '<?xml version="1.0" encoding="ISO-8859-15"?><rss><title>€ prix</title></rss>'
    assert sniff_declared(xml.encode("iso-8859-15")) == "ISO-8859-15"
    assert decode_bytes(xml.encode("iso-8859-15")) == xml


def test_valid_utf8_beats_a_wrong_legacy_declaration() -> None:
    page = '<meta charset="iso-8859-1"><p>Привет, Zürich</p>'
    assert decode_bytes(page.encode("utf-8")) == page


def test_utf8_declaration_with_legacy_bytes_is_detected() -> None:
    page = f'<meta charset="utf-8"><p>{RU}</p>'
    assert RU in decode_bytes(page.encode("cp1251"))


def test_bad_bytes_never_raise() -> None:
    out = decode_bytes(b"caf\xc3\xa9 \xff\xfe\xfd broken \xc3")
    assert "broken" in out
    long_utf8 = ("Réunion à Genève, Zürich und Köln. " * 40).encode() + b"\xff stray byte"
    assert decode_bytes(long_utf8).startswith("Réunion à Genève")  # one stray byte does not demote UTF-8
    assert "\ufffd stray byte" in decode_bytes(long_utf8)
    assert decode_bytes(b"", declared="no-such-charset") == ""


def test_normalize_charset() -> None:
    assert normalize_charset("Windows-1251") == "cp1251"
    assert normalize_charset("ISO-8859-1") == "cp1252"
    assert normalize_charset("x-nonsense") is None


def test_looks_binary() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert looks_binary(b"%PDF-1.7\n")
    assert looks_binary(bytes(range(256)) * 4)
    assert not looks_binary("Обычный текст, ordinary text.\n".encode())
    assert not looks_binary("text".encode("utf-16"))
    # a stray NUL (a bad copy) does not make a text binary; many do (UTF-16 without a BOM, compressed data)
    assert not looks_binary(
        b"A power cut hit central Oslo on Monday evening.\x00 Trams stopped for two hours.\n"
    )
    assert looks_binary("A power cut hit central Oslo on Monday evening.".encode("utf-16-le"))


def test_wide_json_encoding_by_bom_or_nul_bytes() -> None:
    line = '{"id": "a", "text": "Grüße"}\r\n'
    # with a byte-order mark (what Windows PowerShell writes), the BOM says the byte order
    assert wide_json_encoding(line.encode("utf-16")[:4]) == "utf-16"
    assert wide_json_encoding(line.encode("utf-32")[:4]) == "utf-32"
    # without one, the NUL bytes around JSON's first (ASCII) character do
    for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        assert wide_json_encoding(line.encode(codec)[:4]) == codec
        assert wide_json_encoding(" \n{".encode(codec)[:4]) == codec  # blank space before the object
    for narrow in (line.encode(), codecs.BOM_UTF8 + line.encode(), line.encode("cp1252"), b"", b"{", b"\0\0"):
        assert wide_json_encoding(narrow[:4]) is None


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("España ganó el partido; la afición celebró en Madrid y en Bogotá.", "cp1252"),
        ("Il était déjà là, près du château, où l’on fêtait l’été.", "cp1252"),
        ("Die Straße in München war gesperrt, schöne Grüße aus Köln.", "cp1252"),
        ("Zażółć gęślą jaźń. Władze Gdańska ogłosiły, że źródło problemu zostało usunięte.", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy. Město Brno oznámilo změnu.", "cp1250"),
        ("Türkiye’nin başkenti Ankara’dır; İstanbul ise en büyük şehridir. Çalışmalar sürüyor.", "cp1254"),
    ],
)
def test_latin_code_page_is_the_one_that_spells_a_language(text: str, codec: str) -> None:
    data = text.encode(codec)
    assert latin_codepage(data) == codec
    assert detect_encoding(data) == codec
    assert decode_bytes(data) == text  # Spanish "España" is not windows-1250 "Espańa"


def test_utf8_saved_as_windows_1252_is_given_back_and_proper_text_is_left_alone() -> None:
    from newsfold.ingest.encoding import repair_mojibake

    good = "Les élèves ont manifesté à Marseille, d’après la préfecture. São Paulo, NÃO, Âmbito."
    twice = good.encode("utf-8").decode("cp1252").replace("\u00a0", " ")  # the no-break space lost on the way
    assert repair_mojibake(twice) == good
    assert repair_mojibake(good) is None
    assert repair_mojibake("Der Preis stieg um 5 Â°C.") is None  # one sequence is no proof


def test_a_text_broken_only_in_part_has_each_broken_sequence_given_back() -> None:
    from newsfold.ingest.encoding import repair_mojibake

    good = "Serve stabilità, la città sarà più forte, ha detto. C'è la libertà di assemblea — ha aggiunto."
    # the first half saved twice encoded, its no-break spaces turned to plain ones and runs of spaces to one
    half = good.index("C'è")
    broken = good[:half].encode("utf-8").decode("cp1252").replace("\u00a0", " ") + good[half:]
    assert broken.startswith("Serve stabilitÃ , la cittÃ  sarÃ  piÃ¹ forte")
    assert repair_mojibake(broken) == good
    # "è" and "à" written right stay as they are; one stray sequence is still no proof
    assert repair_mojibake("C'è la città. Der Preis stieg um 5 Â°C.") is None


def test_a_mojibake_headline_is_repaired_before_cleaning_not_removed_as_copyright() -> None:
    from newsfold.models import Article, RawDoc, Rejected
    from newsfold.outlets import OutletRegistry
    from newsfold.preparation import Snapshot, prepare
    from newsfold.settings import load_settings

    text = "Les élèves ont manifesté à Marseille\n\nDes centaines d’élèves ont manifesté jeudi contre la réforme."
    raw = RawDoc(
        key="m",
        location="m.txt",
        fmt="text",
        raw=text,
        text=text.encode().decode("cp1252").replace("\xa0", " "),
    )
    prepared = prepare(raw, load_settings({}, environ={}), Snapshot(OutletRegistry.load(), {}))
    assert not isinstance(prepared, Rejected) and isinstance(prepared.article, Article)
    assert prepared.article.title == "Les élèves ont manifesté à Marseille"
    assert "mojibake_repaired" in prepared.article.flags
