"""One helper to import optional packages, so a missing extra fails loudly and with the fix."""

from __future__ import annotations

import importlib
from types import ModuleType

from newsfold.errors import MissingDependency


def require(module: str, extra: str) -> ModuleType:
    """Import an optional module or say which extra provides it.

    Args:
        module: dotted module name, e.g. ``"dask.bag"``.
        extra: the newsfold extra that installs it, e.g. ``"dask"``.

    Returns:
        The imported module.

    Raises:
        MissingDependency: the module is not installed.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependency(
            f"{module} is needed for this feature: pip install 'newsfold[{extra}]'"
        ) from exc


def available(module: str) -> bool:
    """Tell whether an optional module can be imported, without raising."""
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True
