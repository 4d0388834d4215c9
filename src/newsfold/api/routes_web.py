"""Server-rendered pages: story list, story, article, outlet, quarantine. Text from articles is always escaped."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsfold.api.deps import (
    MAX_QUERY_CHARS,
    check_day,
    check_query,
    now_stamp,
    reader,
    settings_of,
    store_of,
    story_fold,
)
from newsfold.api.listing import Facets, StoryFilter, find_stories, outlet_page
from newsfold.errors import NotFound
from newsfold.render import story_view, url_key
from newsfold.store import queries as q

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
_facets = Facets()


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    context.setdefault("nav_query", "")
    env = request.app.state.templates
    html = env.get_template(template).render(standalone=False, server_now=now_stamp(), **context)
    return HTMLResponse(html)


def _article_link(key: str) -> str:
    return f"/articles/{url_key(key)}"


def _outlet_link(name: str) -> str:
    return f"/outlets/{url_key(name)}"


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    q_: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY_CHARS)] = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    lang: str | None = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """The story list: newest first, searchable, filtered by dates, outlet and language."""
    f = StoryFilter(
        q=check_query(q_),
        since=check_day(since, "since"),
        until=check_day(until, "until"),
        outlet=outlet or None,
        lang=lang or None,
    )
    conn = reader(request)
    stories, total = find_stories(conn, f, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    outlets, langs = _facets.get(conn)
    params = {
        k: v
        for k, v in (
            ("q", f.q),
            ("since", f.since),
            ("until", f.until),
            ("outlet", f.outlet),
            ("lang", f.lang),
        )
        if v
    }

    def page_url(n: int) -> str:
        return (
            "/?" + urlencode({**params, "page": n})
            if n > 1
            else ("/?" + urlencode(params) if params else "/")
        )

    return _page(
        request,
        "index.html",
        stories=stories,
        total=total,
        page=page,
        filters={
            "q": f.q or "",
            "since": f.since or "",
            "until": f.until or "",
            "outlet": f.outlet or "",
            "lang": f.lang or "",
        },
        all_outlets=outlets,
        all_langs=langs,
        prev_url=page_url(page - 1) if page > 1 else None,
        next_url=page_url(page + 1) if page * PAGE_SIZE < total else None,
        feed_url="/feed.atom" + (f"?q={url_key(f.q)}" if f.q else ""),
        nav_query=f.q or "",
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse, name="story_page")
def story_page(request: Request, story_id: str) -> Response:
    """A story: summary with citations, timeline, coverage matrix, quotes, entities and its articles."""
    live = q.resolve_story(reader(request), story_id)
    if live != story_id:
        return RedirectResponse(f"/stories/{url_key(live)}", status_code=308)
    fold = story_fold(store_of(request), settings_of(request), live)
    return _page(
        request,
        "story.html",
        **story_view(fold),
        article_link=_article_link,
        outlet_link=_outlet_link,
        css="",
    )


@router.get("/articles/{key:path}", response_class=HTMLResponse)
def article_page(request: Request, key: str) -> HTMLResponse:
    """An article's cleaned text, with what cleaning removed kept in a fold-out."""
    article = q.article_json(reader(request), key, removed=True)
    paragraphs = [p.strip() for p in article["text"].split("\n\n") if p.strip()]
    return _page(request, "article.html", article=article, paragraphs=paragraphs)


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet(request: Request, name: str) -> HTMLResponse:
    """An outlet: its stories and coverage habits."""
    data = outlet_page(reader(request), name)
    if data is None:
        raise NotFound(f"no outlet named {name!r}")
    return _page(request, "outlet.html", **data)


@router.get("/quarantine", response_class=HTMLResponse)
def quarantine(request: Request) -> HTMLResponse:
    """Every input that was not taken, with its reason."""
    return _page(request, "quarantine.html", rows=q.list_quarantine(reader(request)))
