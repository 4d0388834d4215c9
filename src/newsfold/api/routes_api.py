"""The JSON API of the contract: stories (list, search, paging), one story's fold, articles, quarantine."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from newsfold.api import schemas
from newsfold.api.deps import (
    DAY_RE,
    MAX_QUERY_CHARS,
    MAX_ROWS,
    check_day,
    check_query,
    fold_text,
    reader,
    settings_of,
    store_of,
    story_fold,
)
from newsfold.render import url_key
from newsfold.store import queries as q

router = APIRouter(prefix="/api", tags=["api"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": schemas.ErrorOut, "description": "Malformed parameter or search query"},
    404: {"model": schemas.ErrorOut, "description": "Unknown id"},
}


def _json(data: Any) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), media_type="application/json")


@router.get("/stories", response_model=list[schemas.StoryOut], responses=_ERRORS)
def api_stories(
    request: Request,
    limit: Annotated[
        int | None, Query(ge=0, le=MAX_ROWS, description="At most this many stories (default: all)")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_ROWS, description="Skip this many first")] = 0,
    q_: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY_CHARS, description="Search text")] = None,
    since: Annotated[
        str | None, Query(pattern=DAY_RE, description="Last article on or after YYYY-MM-DD")
    ] = None,
) -> Response:
    """Stories, newest first: a bare JSON array as in ``stories --json``."""
    text = check_query(q_)
    day = check_day(since, "since")
    return _json(q.list_stories(reader(request), query=text, since=day, limit=limit, offset=offset))


@router.get("/stories/{story_id}", response_model=schemas.FoldOut, responses=_ERRORS)
def api_story(request: Request, story_id: str) -> Response:
    """One story as in ``show --json``; a merged story's id redirects (308) to the story it became."""
    conn = reader(request)
    live = q.resolve_story(conn, story_id)
    if live != story_id:
        return RedirectResponse(f"/api/stories/{url_key(live)}", status_code=308)
    cached = fold_text(conn, live)
    if cached is not None:
        return Response(cached, media_type="application/json")
    return _json(story_fold(store_of(request), settings_of(request), live))


@router.get("/articles/{key:path}", response_model=schemas.ArticleOut, responses=_ERRORS)
def api_article(
    request: Request,
    key: str,
    removed: Annotated[bool, Query(description="Also list what cleaning removed")] = False,
) -> Response:
    """One article as in ``article --json`` (percent-encode keys that are URLs)."""
    return _json(q.article_json(reader(request), key, removed=removed))


@router.get("/quarantine", response_model=list[schemas.QuarantineOut])
def api_quarantine(request: Request) -> JSONResponse:
    """Every input that was not taken, with its reason."""
    return JSONResponse(q.list_quarantine(reader(request)))
