"""HTML extraction: article text and metadata out, boilerplate and no-article pages handled, bad markup survived."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsfold.extract import extract_html, has_article_body

PARAS = [
    "The city council voted on Tuesday to approve a new budget for public transport after months of debate.",
    "The plan adds twenty new bus lines and extends the tram network to the northern districts by 2026.",
    "Opponents said the spending was too high, while supporters argued it would cut traffic and pollution.",
    "The mayor said the first new lines would open in the spring, pending a final review by the regional board.",
]
PAGE = f"""<html lang="en"><head><title>Council approves transport budget | City News</title>
<meta property="og:site_name" content="City News"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-14T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Council approves transport budget</h1>
{"".join(f"<p>{p}</p>" for p in PARAS[:2])}
<p>See also: Mayor opens new library in the old town</p>
{"".join(f"<p>{p}</p>" for p in PARAS[2:])}
</article><footer><p>© 2024 City News Ltd. All rights reserved.</p></footer></body></html>"""


def test_article_page() -> None:
    found = extract_html(PAGE, url="https://www.citynews.example/politics/budget")
    assert found is not None
    for para in PARAS:
        assert para in found.text
    assert "See also" not in found.text and "All rights reserved" not in found.text
    assert found.title == "Council approves transport budget"
    assert found.date == "2024-03-14" and found.date_source == "metadata"
    assert found.lang == "en"
    assert found.author == "Jane Doe"


def test_home_page_and_error_page_have_no_body() -> None:
    links = "".join(f'<li><a href="/n{i}">Short headline number {i} here</a></li>' for i in range(40))
    assert extract_html(f"<html><body><ul>{links}</ul></body></html>") is None
    assert extract_html("<html><body><h1>404 Not Found</h1><p>Sorry.</p></body></html>") is None
    assert extract_html("") is None


def test_broken_markup_and_binary_never_crash() -> None:
    assert extract_html("<html><body><p>unclosed <b>bold <i>x" * 50) is None or True
    assert extract_html("\x00\x01\x02\xff" * 100) is None
    broken = (
        "<html><head><title>Budget</title></head><body><div><p>" + "</p><p>".join(PARAS) + "</div></span>"
    )
    found = extract_html(broken)
    assert found is not None and PARAS[0] in found.text
    assert found.date is None  # "by 2026" in a sentence is not a publish date


def test_has_article_body() -> None:
    assert has_article_body("\n".join(PARAS))
    assert not has_article_body("Home\nNews\nSport\nWeather\nContact us\nLogin")


def test_dev_pages_keep_their_gold_bodies(shared_data: Path) -> None:
    folder = shared_data / "extraction-bodies-dev"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in list(gold.items())[:5]:
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        found = extract_html(html, url=item.get("url"))
        assert found is not None
        first = item["articleBody"].strip().split("\n")[0][:60]
        assert " ".join(first.split()) in " ".join(found.text.split()), key


def test_lines_without_punctuation_are_a_body_when_they_are_not_links() -> None:
    verses = [f"the river runs past the old mill number {i}" for i in range(12)]
    poem = f"<html><head><title>Song</title></head><body><div>{'<br>'.join(verses)}</div></body></html>"
    found = extract_html(poem)
    assert found is not None and verses[3] in found.text
    linked = "<br>".join(f'<a href="/s{i}">{v}</a>' for i, v in enumerate(verses))
    assert extract_html(f"<html><body><div>{linked}</div></body></html>") is None


def test_a_saved_page_names_its_own_address_and_a_clean_site_name() -> None:
    head = '<link rel="canonical" href="https://www.citynews.example/politics/budget">'
    page = PAGE.replace(
        '<meta property="og:site_name" content="City News">',
        f'{head}<meta property="og:site_name" content="City News - Your daily source for city politics">',
    )
    found = extract_html(page)
    assert found is not None
    assert found.url == "https://www.citynews.example/politics/budget"
    assert found.sitename == "City News"
    # a home page as canonical link says nothing about the article; a Wayback capture gives its original address
    home = page.replace("https://www.citynews.example/politics/budget", "https://www.citynews.example/")
    assert extract_html(home).url is None  # type: ignore[union-attr]
    archived = page.replace("https://www.", "https://web.archive.org/web/20240314090000/https://www.")
    assert extract_html(archived).url == "https://www.citynews.example/politics/budget"  # type: ignore[union-attr]
