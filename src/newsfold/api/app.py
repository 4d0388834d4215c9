"""Build the FastAPI application: JSON API, web pages, Atom feeds, static files, one error shape.

Every error, whatever raised it, answers ``{"ok": false, "error": "...", "errors": [...], "status": N}``, except
outside the machine-facing paths (``/api/``, ``/openapi.json``, the feeds, ``/static/``): there the web UI's paths
answer with the same message as an HTML page, unless the client asks for JSON (``Accept: application/json``
without ``text/html``).
Request validation errors are the client's fault: 400, never 422 or 500.
"""

from __future__ import annotations

import logging
import sqlite3
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfold import __version__
from newsfold.api import routes_api, routes_feed, routes_web
from newsfold.api.deps import BadRequest, now_stamp
from newsfold.errors import NewsfoldError, NotFound
from newsfold.render import template_env
from newsfold.settings import Settings
from newsfold.store import Store

log = logging.getLogger(__name__)

_REASONS = {400: "bad request", 404: "not found", 405: "method not allowed", 500: "internal error"}


def error_body(status: int, error: str, errors: list[str] | None = None) -> dict[str, Any]:
    """The one error body of the API."""
    return {"ok": False, "error": error, "errors": errors or [], "status": status}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path in {"/api", "/openapi.json", "/feed.atom"}:
        return False
    accept = request.headers.get("accept", "").lower()
    # A page's error is a page (curl and scripts send no Accept, or */*); only an explicit JSON ask gets JSON.
    return "text/html" in accept or "application/json" not in accept


def _error(request: Request, status: int, error: str, errors: list[str] | None = None) -> Response:
    if _wants_html(request):
        page = request.app.state.templates.get_template("error.html").render(
            status=status, message=error, standalone=False, nav_query="", server_now=""
        )
        return HTMLResponse(page, status_code=status)
    return JSONResponse(error_body(status, error, errors), status_code=status)


def _validation_messages(exc: RequestValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in {"query", "path", "body"})
        out.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return out


def _install_error_handlers(app: FastAPI) -> None:
    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else _REASONS.get(exc.status_code, "error")
        response = _error(request, exc.status_code, detail)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        messages = _validation_messages(exc)
        return _error(request, 400, messages[0] if messages else "bad request", messages)

    async def on_bad_request(request: Request, exc: Exception) -> Response:
        return _error(request, 400, str(exc))

    async def on_not_found(request: Request, exc: Exception) -> Response:
        return _error(request, 404, str(exc))

    async def on_newsfold(request: Request, exc: Exception) -> Response:
        log.error("request %s failed: %s", request.url.path, exc)
        return _error(request, 500, str(exc))

    async def on_sqlite(request: Request, exc: Exception) -> Response:
        # An FTS syntax error can only come from a query the user wrote: it is the client's fault.
        if isinstance(exc, sqlite3.OperationalError) and "fts5" in str(exc).lower():
            return _error(request, 400, f"malformed search query: {exc}")
        log.error("request %s failed: %s", request.url.path, exc)
        return _error(request, 500, "database error")

    async def on_any(request: Request, exc: Exception) -> Response:
        log.exception("request %s failed", request.url.path)
        return _error(request, 500, "internal error")

    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(BadRequest, on_bad_request)
    app.add_exception_handler(NotFound, on_not_found)
    app.add_exception_handler(NewsfoldError, on_newsfold)
    app.add_exception_handler(sqlite3.Error, on_sqlite)
    app.add_exception_handler(Exception, on_any)


def create_app(settings: Settings, store: Store) -> FastAPI:
    """The newsfold web application over one store.

    Args:
        settings: read-only options (used when a story's fold must be computed).
        store: an open store; requests read it through per-thread connections.

    Returns:
        A FastAPI app: ``/`` and ``/stories/{id}`` pages, ``/api/...`` JSON, ``/feed.atom``, ``/openapi.json``.
    """
    app = FastAPI(
        title="newsfold",
        version=__version__,
        description="Stories folded from many outlets: cited summaries, timelines, entities, quotes, coverage.",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.templates = template_env()
    app.state.started = now_stamp()
    _install_error_handlers(app)
    app.include_router(routes_api.router)
    app.include_router(routes_feed.router)
    app.include_router(routes_web.router)
    static = resources.files("newsfold.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


__all__ = ["create_app", "error_body"]
