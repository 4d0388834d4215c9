"""Atom feeds of stories (``/feed.atom``, ``/feed.atom?q=``) so a reader can follow the news or one query."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from newsfold.api.deps import MAX_QUERY_CHARS, check_query, now_stamp, reader
from newsfold.api.listing import StoryFilter, find_stories
from newsfold.render import url_key
from newsfold.store import queries as q

router = APIRouter(tags=["feeds"])
ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50
SUMMARY_SENTENCES = 3


def _summary(conn: sqlite3.Connection, story: dict[str, Any]) -> str:
    fold = q.cached_fold(conn, story["id"], None)
    lines = [s.get("text", "") for s in (fold or {}).get("summary") or []][:SUMMARY_SENTENCES]
    size = story["size"]
    outlets = story["outlets"]
    head = f"{size} article{'s' if size != 1 else ''} from {', '.join(outlets) or 'unknown outlets'}."
    return " ".join([*lines, head]) if lines else head


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


@router.get("/feed.atom", response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
def feed(
    request: Request,
    q_: Annotated[
        str | None, Query(alias="q", max_length=MAX_QUERY_CHARS, description="Only stories matching")
    ] = None,
) -> Response:
    """An Atom feed of the newest stories, or of those matching a search."""
    text = check_query(q_)
    conn = reader(request)
    stories, _ = find_stories(conn, StoryFilter(q=text), limit=FEED_ENTRIES, offset=0)
    base = str(request.base_url).rstrip("/")
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _sub(root, "id", str(request.url))
    _sub(root, "title", f"newsfold: stories matching “{text}”" if text else "newsfold: latest stories")
    _sub(root, "updated", max((s["updated"] for s in stories), default=now_stamp()))
    _sub(root, "link", rel="self", href=str(request.url), type="application/atom+xml")
    page = f"{base}/?q={url_key(text)}" if text else f"{base}/"
    _sub(root, "link", rel="alternate", href=page, type="text/html")
    _sub(_sub(root, "author"), "name", "newsfold")
    _sub(root, "generator", "newsfold")
    for s in stories:
        entry = _sub(root, "entry")
        _sub(entry, "id", f"{base}/stories/{url_key(s['id'])}")
        _sub(entry, "title", s["title"] or "Untitled story")
        _sub(entry, "updated", s["updated"])
        if s["first_published"] and len(s["first_published"]) >= 10:
            published = (
                s["first_published"]
                if "T" in s["first_published"]
                else s["first_published"][:10] + "T00:00:00Z"
            )
            _sub(entry, "published", published)
        _sub(entry, "link", rel="alternate", href=f"{base}/stories/{url_key(s['id'])}", type="text/html")
        _sub(entry, "summary", _summary(conn, s), type="text")
        for outlet in s["outlets"]:
            _sub(entry, "category", term=outlet)
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
