"""newsfold: fold a stream of news articles from many outlets into cited stories."""

from __future__ import annotations

import logging

from newsfold.errors import ConfigError, InputError, MissingDependency, NewsfoldError, NotFound, StoreError
from newsfold.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "InputError",
    "MissingDependency",
    "NewsfoldError",
    "NotFound",
    "Settings",
    "StoreError",
    "__version__",
    "load_settings",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
