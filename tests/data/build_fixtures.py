"""Rebuild the ingest test samples in tests/data/ingest (deterministic; run from the repository root).

    .venv/bin/python tests/data/build_fixtures.py

Every text here was written for these tests (see tests/data/README.md); nothing is copied from elsewhere.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent / "ingest"
FOLDER = HERE / "folder"

RU_TEXT = (
    "Городской совет утвердил новый план развития общественного транспорта. "
    "По словам председателя комиссии, в следующем году на линии выйдут сорок новых трамваев, "
    "а интервал движения автобусов в часы пик сократится до пяти минут. "
    "Жители окраинных районов давно жаловались на переполненные маршруты и долгие ожидания на остановках. "
    "Финансирование программы обеспечат городской бюджет и средства региональной казны. "
    "Первые изменения пассажиры почувствуют уже весной, когда откроется обновлённое депо на севере города."
)
FR_TEXT = (
    "Le conseil régional a présenté jeudi un plan d’investissement de 40 millions d’euros pour les écoles. "
    "« Nous voulons des bâtiments sûrs et économes en énergie », a déclaré la présidente, "
    "citée par l’agence. "
    "Les travaux débuteront à l’été et dureront trois ans."
)
DE_TEXT = (
    "Die Stadtwerke haben am Montag höhere Gebühren für Fernwärme angekündigt. "
    "Grund seien gestiegene Beschaffungskosten, teilte ein Sprecher mit. Kunden müssen künftig rund zwölf "
    "Prozent mehr zahlen; Härtefälle können eine Überprüfung beantragen."
)
EN_TEXT = (
    "Harbour authority extends night ferry service\n\n"
    "The harbour authority said on Tuesday that the night ferry between the two islands "
    "will run all year.\n\n"
    "Officials said passenger numbers rose by a third last summer."
)


def page(title: str, body: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body.split(". ") if p)
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>\n"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>\n"
        f"{paragraphs}</article></body></html>\n"
    )


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <description>Local news</description>
  <language>en-gb</language>
  <item>
    <title>Night ferry to run all year</title>
    <link>https://gazette.example/news/night-ferry</link>
    <guid>https://gazette.example/news/night-ferry</guid>
    <pubDate>Tue, 15 Feb 2022 18:30:00 +0100</pubDate>
    <description>The night ferry will run &lt;b&gt;all year&lt;/b&gt;.</description>
    <content:encoded><![CDATA[<p>The harbour authority said on Tuesday that the night ferry
will run all year.</p>
<p>Passenger numbers rose by a third last summer.</p>]]></content:encoded>
  </item>
  <item>
    <title>Market hall reopens</title>
    <guid isPermaLink="false">gazette-item-2</guid>
    <pubDate>Wed, 16 Feb 2022 08:00:00 GMT</pubDate>
    <description>The renovated market hall reopened on Wednesday with forty stalls.</description>
  </item>
  <item>
    <title>Headline only</title>
    <link>https://gazette.example/news/headline-only</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Stadtanzeiger</title>
  <id>urn:example:stadtanzeiger</id>
  <updated>2022-02-17T10:00:00Z</updated>
  <entry>
    <title>Fernwärme wird teurer</title>
    <link href="https://stadtanzeiger.example/fernwaerme"/>
    <id>urn:example:stadtanzeiger:1</id>
    <updated>2022-02-17T10:00:00+01:00</updated>
    <summary type="text">Die Stadtwerke erhöhen die Gebühren.</summary>
    <content type="html">&lt;p&gt;Die Stadtwerke haben am Montag
höhere Gebühren angekündigt.&lt;/p&gt;</content>
  </entry>
</feed>
"""

JSONL_LINES = [
    json.dumps(
        {
            "id": "a-1",
            "url": "https://x.example/1",
            "source": "Example Post",
            "published": "2022-02-17",
            "title": "First",
            "text": "First article text.",
            "lang": "en",
        }
    ),
    "",
    json.dumps(
        {"url": "https://x.example/2", "html": "<p>Second article.</p>", "published": "2022-02-17T10:00:00Z"}
    ),
    json.dumps({"title": "No id nor url", "text": "Third article text."}),
    '{"id": "broken", "text": "unterminated',
    json.dumps(["not", "an", "object"]),
    json.dumps({"id": 7, "text": "id of the wrong type"}),
    json.dumps({"id": "no-body", "title": "Nothing"}),
    json.dumps({"id": "blank", "text": "   "}),
    json.dumps({"id": "ru-1", "text": RU_TEXT, "lang": "ru", "published": "2022-02-17T10:00:00+03:00"}),
    "   ",
]


def warc_bytes() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    number = 0

    def headers(uri: str | None) -> dict[str, str]:
        nonlocal number
        number += 1
        out = {
            "WARC-Date": "2022-02-17T12:00:00Z",
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
        }
        if uri:
            out["WARC-Target-URI"] = uri
        return out

    info = writer.create_warc_record(
        "crawl.warc.gz",
        "warcinfo",
        payload=io.BytesIO(b"software: newsfold tests\r\n"),
        warc_content_type="application/warc-fields",
        warc_headers_dict=headers(None),
    )
    writer.write_record(info)

    def exchange(uri: str, status: str, content_type: str, body: bytes) -> None:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b""), http_headers=request, warc_headers_dict=headers(uri)
            )
        )
        response = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                http_headers=response,
                warc_headers_dict=headers(uri),
            )
        )

    exchange(
        "https://news.example/ru/transport",
        "200 OK",
        "text/html; charset=windows-1251",
        page("Новый план транспорта", RU_TEXT).encode("cp1251"),
    )
    exchange("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    exchange(
        "https://news.example/missing", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"
    )
    exchange(
        "https://news.example/en/ferry",
        "200 OK",
        "application/xhtml+xml",
        page("Night ferry", EN_TEXT.replace("\n\n", " ")).encode("utf-8"),
    )
    return buf.getvalue()


def main() -> None:
    FOLDER.joinpath("sub").mkdir(parents=True, exist_ok=True)
    # Encodings.
    (HERE / "ru_cp1251.html").write_bytes(page("Новый план транспорта", RU_TEXT).encode("cp1251"))
    fr = page("Écoles: 40 millions d’euros", FR_TEXT, '<meta charset="windows-1252">')
    (HERE / "fr_cp1252_meta.html").write_bytes(fr.encode("cp1252"))
    de = page(
        "Fernwärme wird teurer",
        DE_TEXT,
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    )
    (HERE / "de_latin1_httpequiv.HTM").write_bytes(de.encode("latin-1"))
    (HERE / "bom_utf8.txt").write_bytes(b"\xef\xbb\xbf" + EN_TEXT.encode("utf-8"))
    (HERE / "bom_utf16.txt").write_bytes(("Überschrift\n\n" + DE_TEXT).encode("utf-16"))
    # Feeds, WARC, JSONL.
    (HERE / "gazette.rss").write_text(RSS, encoding="utf-8")
    (HERE / "stadtanzeiger.xml").write_text(ATOM, encoding="utf-8")
    (HERE / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://x.example/</loc></url></urlset>\n",
        encoding="utf-8",
    )
    (HERE / "broken.rss").write_text("this is no feed & <not> even XML <<", encoding="utf-8")
    warc = warc_bytes()
    (HERE / "crawl.warc.gz").write_bytes(warc)
    (HERE / "truncated.warc.gz").write_bytes(warc[:-60])
    jsonl = "\n".join(JSONL_LINES) + "\n"
    (HERE / "articles.jsonl").write_text(jsonl, encoding="utf-8")
    good = "\n".join(line for line in JSONL_LINES[:4] if line) + "\n"
    (HERE / "good.jsonl.gz").write_bytes(gzip.compress(good.encode("utf-8"), mtime=0))
    packed = gzip.compress((good + RU_TEXT + "\n" + good).encode("utf-8"), mtime=0)
    (HERE / "truncated.jsonl.gz").write_bytes(packed[: len(packed) - 40])
    # Bad files.
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "blank.html").write_bytes(b" \n\t\n")
    (HERE / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (HERE / "corrupt.html.gz").write_bytes(
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"not deflate data" * 4
    )
    (HERE / "notes.dat").write_bytes(b"plain notes of no known format\n")
    # A folder as a user would give it: articles, a nested one, docs to skip.
    (FOLDER / "000_first.txt").write_text(EN_TEXT + "\n", encoding="utf-8")
    (FOLDER / "001_page.html.gz").write_bytes(
        gzip.compress(page("Night ferry", EN_TEXT).encode("utf-8"), mtime=0)
    )
    (FOLDER / "sub" / "002_nested.TXT").write_text(FR_TEXT + "\n", encoding="utf-8")
    (FOLDER / "003_sniffed").write_text(page("Sniffed page", EN_TEXT), encoding="utf-8")
    (FOLDER / "README.md").write_text("# Sample folder\n\nNot an article.\n", encoding="utf-8")
    (FOLDER / "LICENSE").write_text("Public domain (CC0 1.0).\n", encoding="utf-8")
    (FOLDER / ".hidden.txt").write_text("never read\n", encoding="utf-8")


if __name__ == "__main__":
    main()
