"""The embedded SQLite store (the default backend's state) and its read queries."""

from newsfold.store.db import Store

__all__ = ["Store"]
