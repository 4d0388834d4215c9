"""The HTTP face of newsfold: JSON API, server-rendered web pages and Atom feeds (FastAPI)."""

from __future__ import annotations

from newsfold.api.app import create_app

__all__ = ["create_app"]
