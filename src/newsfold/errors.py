"""The exceptions newsfold raises. The CLI turns each into a one-line message and an exit code."""

from __future__ import annotations


class NewsfoldError(Exception):
    """Base of every error newsfold raises on purpose."""


class ConfigError(NewsfoldError):
    """A setting is unknown, of the wrong type, or out of range."""


class InputError(NewsfoldError):
    """An input cannot be read at all (a missing path, an unknown format given explicitly)."""


class MissingDependency(NewsfoldError):
    """An optional package is needed for this feature but is not installed."""


class StoreError(NewsfoldError):
    """The SQLite store cannot be opened, migrated or written, or an id is unknown."""


class NotFound(StoreError):
    """A story or article id that the store does not know."""
