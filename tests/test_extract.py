"""HTML extraction: article text and metadata out, boilerplate and no-article pages handled, bad markup survived."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsfold.extract import Extracted, NoArticle, extract_html, extract_page, has_article_body

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
    assert found.date is not None and found.date[:10] == "2024-03-14" and found.date_source == "metadata"
    assert found.lang == "en"
    assert found.author == "Jane Doe"


def test_home_page_and_error_page_have_no_body() -> None:
    links = "".join(f'<li><a href="/n{i}">Short headline number {i} here</a></li>' for i in range(40))
    assert extract_html(f"<html><body><ul>{links}</ul></body></html>") is None
    assert extract_html("<html><body><h1>404 Not Found</h1><p>Sorry.</p></body></html>") is None
    assert extract_html("") is None


def test_broken_markup_and_binary_never_crash() -> None:
    unclosed = extract_html("<html><body><p>unclosed <b>bold <i>x" * 50)  # must not raise; text or nothing
    assert unclosed is None or "unclosed" in unclosed.text
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


CAPTION = "This March 28, 2017, file photo, provided by the state registry, shows the defendant."


def _dated_page(*, head: str = "", byline: str = "", caption: str = "") -> str:
    """An article page with a photo whose caption carries an older date than the article's."""
    return f"""<html lang="en"><head><title>Council approves transport budget</title>{head}</head><body>
<article><h1>Council approves transport budget</h1>{byline}
<div class="asset-image"><img src="/photo.jpg"><div class="image-meta">{caption}</div></div>
{"".join(f"<p>{p}</p>" for p in PARAS)}</article></body></html>"""


def test_a_photo_caption_is_never_the_publish_date() -> None:
    caption = f'<div class="image-caption">{CAPTION}</div>'
    published = '<div class="publish-date">Published 7:07 PM EST Nov 19, 2019</div>'
    # the page's own address dates it, also when only its og:url gives it
    own_url = '<meta property="og:url" content="https://news.example/story/2019/11/19/council-budget/">'
    found = extract_html(_dated_page(head=own_url, byline=published, caption=caption))
    assert found is not None and found.date == "2019-11-19"
    # a <time> element outranks a dated caption, even one that is not marked as a caption
    stamp = '<time datetime="2019-11-19T19:07:00Z">Nov 19, 2019</time>'
    for caption_markup in (caption, f"<small>{CAPTION}</small>", f'<p class="info">{CAPTION}</p>'):
        found = extract_html(_dated_page(byline=stamp, caption=caption_markup))
        assert found is not None and found.date == "2019-11-19", caption_markup
    # with no other date, a photo's date (its caption, a "file photo" credit, its address) is not taken
    image = '<meta property="og:image" content="https://cdn.example/2017/03/28/photo.jpg">'
    for caption_markup in (caption, f"<small>{CAPTION}</small>", f'<p class="info">{CAPTION}</p>'):
        found = extract_html(_dated_page(head=image, caption=caption_markup))
        assert found is not None and found.date is None, caption_markup


def test_page_metadata_outranks_dates_in_page_text() -> None:
    footer = '<footer><p class="info">Updated 12 March 2016. Copyright 2016 City News</p></footer>'
    meta = '<meta property="article:published_time" content="2024-03-14T09:00:00Z">'
    rfc = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "Thu, 14 Mar 2024 09:00:00 GMT"}</script>'
    )
    stamp = '<time datetime="2024-03-14T09:00:00Z">14 March</time>'
    for head, byline in ((meta, ""), (rfc, ""), ("", stamp)):
        found = extract_html(
            _dated_page(head=head, byline=byline).replace("</article>", f"</article>{footer}")
        )
        assert found is not None and found.date is not None and found.date[:10] == "2024-03-14", (
            head,
            byline,
        )
        if (
            head == meta
        ):  # the time and offset that article:published_time gives are kept (contract: as given)
            assert found.date == "2024-03-14T09:00:00Z"
    wrapped = _dated_page(byline=stamp).replace("<body>", '<body class="has-sidebar comments-open">')
    assert extract_html(wrapped).date == "2024-03-14"  # type: ignore[union-attr]
    # a <time> of a comment or a linked teaser is not the page's
    other = (
        '<div class="comments"><time datetime="2014-11-05T14:25:40Z">5 Nov 2014</time></div>'
        '<a href="/older"><time datetime="2013-01-01">1 Jan 2013</time></a>'
    )
    found = extract_html(_dated_page(byline='<div class="date">19.11.2012</div>' + other))
    assert found is not None and found.date == "2012-11-19"


ERROR_TITLES = (
    "404 Not Found",
    "Page not found – City News",
    "Error 404",
    "Oops! That page can’t be found.",
    "Seite nicht gefunden",
    "Page introuvable",
    "Página no encontrada",
    "Pagina non trovata",
    "Página não encontrada",
    "Страница не найдена",
)
SORRY = (
    "Sorry, the page you were looking for does not exist. It may have been moved or deleted. Please check the "
    "address or return to the homepage to continue browsing our site."
)


def test_an_error_page_has_no_article_body_and_says_so() -> None:
    for title in ERROR_TITLES:
        page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{SORRY}</p></body></html>"
        assert extract_html(page) is None, title
        found = extract_page(page)
        assert isinstance(found, NoArticle) and found.reason.startswith("no article body: error page"), title
    heading_only = (
        f"<html><head><title>City News</title></head><body><h2>x</h2><h1>Page not found</h1><p>{SORRY}</p>"
    )
    assert extract_html(heading_only) is None
    # an article whose headline starts like an error message is still an article
    page = PAGE.replace("Council approves transport budget", "Not found: the lost tram line of 1920")
    found = extract_html(page)
    assert found is not None and found.title == "Not found: the lost tram line of 1920"
    home = "".join(f'<li><a href="/n{i}">Short headline number {i} here</a></li>' for i in range(40))
    assert extract_page(f"<html><body><ul>{home}</ul></body></html>") == NoArticle("no article body")


def _titled(head: str, body_top: str) -> str:
    return f"""<html lang="de"><head>{head}</head><body>{body_top}
<div class="entry">{"".join(f"<p>{p}</p>" for p in PARAS)}</div></body></html>"""


def test_the_headline_is_not_the_site_name() -> None:
    site_h1 = (
        '<div id="branding"><h1 id="site-title"><a href="https://blog.example/" rel="home">sladisworld</a></h1>'
        "</div>"
    )
    head = (
        "<title>Was wurde eigentlich aus Six Sigma? | sladisworld</title>"
        '<meta property="og:title" content="Was wurde eigentlich aus Six Sigma?">'
        '<meta property="og:site_name" content="sladisworld">'
    )
    found = extract_html(
        _titled(head, site_h1 + '<h1 class="entry-title">Was wurde eigentlich aus Six Sigma?</h1>')
    )
    assert found is not None and found.title == "Was wurde eigentlich aus Six Sigma?"
    # no og:title, no site name in the markup: the site's h1 links to its home page (here a Wayback capture)
    home = "https://web.archive.org/web/2015/http://www.steinzeit.example/"
    logo = f'<div><h1><a href="{home}">Steinzeit &amp; Co</a></h1></div>'
    head = "<title>Werkzeuge des Neandertalers | Steinzeit &amp; Co</title>"
    for top in (logo, logo + "<h1>Werkzeuge des Neandertalers</h1>"):
        found = extract_html(_titled(head, top))
        assert found is not None and found.title == "Werkzeuge des Neandertalers", top
    # the site named by the address is cut off the title; so is a separator left dangling
    found = extract_html(
        _titled("<title>Kyiv | Sueddeutsche Zeitung</title>", ""),
        url="https://sueddeutschezeitung.example/a/kyiv",
    )
    assert found is not None and found.title == "Kyiv"
    found = extract_html(_titled("<title>Über André Loibl | </title>", ""))
    assert found is not None and found.title == "Über André Loibl"


def test_an_og_title_that_the_page_title_extends_is_kept_whole() -> None:
    og = "Zhi Neng Xiang Nian Ni - Jam Hsiao (只能想念你 - 蕭敬騰)"
    head = f'<title>Chinese Lyrics: {og}</title><meta property="og:title" content="{og}">'
    found = extract_html(_titled(head, '<h1><a href="/">Chinese Lyrics</a></h1>'))
    assert found is not None and found.title == og
    # a later <h1> that is a subheading the title happens to contain is not the headline
    head = "<title>Diet plan (14 days) - lose up to 10 kg. Reviews</title>"
    found = extract_html(_titled(head, "<h1>A diet plan to lose 10 kg in 14 days</h1><h1>Reviews</h1>"))
    assert found is not None and found.title == "lose up to 10 kg. Reviews"


def test_a_headline_that_opens_with_an_error_word_is_news() -> None:
    body = "".join(
        f"<p>La préfecture a reconnu jeudi une erreur informatique qui a touché des milliers de conducteurs, {i}.</p>"
        for i in range(3)
    )
    for title in ("Erreur : 3 000 amendes envoyées à tort", "Fehler - Bahn schickt falsche Rechnungen"):
        page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
        assert not isinstance(extract_page(page), NoArticle), title
    error = (
        "<html><head><title>Page not found | Le Journal</title></head><body><h1>Page not found</h1>"
        "<p>Sorry.</p></body></html>"
    )
    assert isinstance(extract_page(error), NoArticle)


def test_a_related_posts_date_is_not_the_publish_date() -> None:
    paras = "".join(
        f"<p>The council approved the harbour budget after a long debate on Monday, officials said, {i}.</p>"
        for i in range(6)
    )
    page = (
        "<html><head><title>Harbour budget approved</title></head><body><article>"
        f"<h1>Harbour budget approved</h1>{paras}"
        '</article><aside class="related-posts"><ul><li><a href="/old">Old story</a> '
        '<time datetime="2020-05-01T10:00:00Z">1 May 2020</time></li></ul></aside></body></html>'
    )
    found = extract_page(page, url="https://news.example/harbour")
    assert not isinstance(found, NoArticle) and found.date != "2020-05-01"


@pytest.mark.parametrize(
    ("attribute", "expected"),
    [('lang="fil"', None), ('data-lang="en" lang="de"', "de"), ('lang="pt-BR"', "pt")],
)
def test_a_declared_language_is_an_iso_639_1_code_or_none(attribute: str, expected: str | None) -> None:
    paras = "".join(
        f"<p>Some words of the article here and there, number {i}, said the officials.</p>" for i in range(6)
    )
    found = extract_page(
        f"<html {attribute}><head><title>T</title></head><body><article>{paras}</article></body></html>"
    )
    assert not isinstance(found, NoArticle) and found.lang == expected


def test_an_html_fragment_is_read_as_a_page() -> None:
    # a JSONL line's html may be a fragment, which trafilatura refuses to parse as a page
    fragment = (
        "<p>A fine article about a storm hitting the coast of Florida on Tuesday, with winds over 150 km/h, "
        "officials said.</p>"
    )
    found = extract_page(fragment)
    assert isinstance(found, Extracted) and found.text.startswith("A fine article about a storm")
