"""The outlet registry: outlet names, countries and types, found from a source name, URL host, agency or feed title.

The registry is a TOML file (the bundled ``data/outlets.toml`` documents the format in its header); a user file
named by ``$NEWSFOLD_OUTLETS`` or passed to :meth:`OutletRegistry.load` replaces it. Lookups are read-only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsfold.errors import ConfigError

ENV_VAR = "NEWSFOLD_OUTLETS"
# Second-level labels under which registrable names sit one level deeper ("bbc.co.uk", "folha.com.br").
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gob", "nic"})
_KEY_JUNK = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Outlet:
    """A publisher: its display name, ISO 3166-1 alpha-2 country and kind, the latter two when known."""

    name: str
    country: str | None
    type: str | None


def _key(text: str) -> str:
    return _KEY_JUNK.sub("", unicodedata.normalize("NFKC", text).casefold())


def host_of(url: str) -> str | None:
    """The lower-case host of a URL (or of a bare host name), without ``www.`` and port; None if there is none."""
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def site_domain(host: str) -> str:
    """The registrable part of a host: ``edition.cnn.com`` -> ``cnn.com``, ``news.bbc.co.uk`` -> ``bbc.co.uk``."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


# A page's site name often carries a tagline or the page's headline beside the name: "BioBioChile - La Red de
# Prensa Más Grande de Chile", "Achtsam durch die Krise | Die FURCHE". Parts are split at these separators (with a
# space on each side, so "Baden-Württemberg" stays whole).
_SITE_PARTS = re.compile(r"\s+(?:[|·•»:]{1,2}|[-–—]{1,2})\s+")
_DOMAIN_PART = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
SITE_NAME_WORDS = 6  # a longer part is a tagline or a headline, not a name
_LONG_WORD = re.compile(r"[^\W\d_]{5,}")


def site_name(raw: str | None, *, title: str | None = None, url: str | None = None) -> str | None:
    """The outlet's name from a page's own site name (``og:site_name``), its tagline and headline taken off.

    Parts that repeat the page's title and parts longer than ``SITE_NAME_WORDS`` words go. Of the rest, the part
    that matches the page's host wins ("Digital for Good | RESET.ORG" on reset.org), then one written as a domain
    ("gizmeo.eu | inside the machine"), then the first ("AOC media - Analyse Opinion Critique").

    Args:
        raw: the site name as the page gives it.
        title: the page's headline.
        url: the page's address, when known.

    Returns:
        The name, or None when nothing name-like is left (a headline given as the site name): the caller then
        falls back on the host.
    """
    if not raw or not raw.strip():
        return None
    raw = raw.strip()
    title_key = _key(title or "")
    parts = []
    for part in _SITE_PARTS.split(raw):
        key = _key(part)
        if not key or len(part.split()) > SITE_NAME_WORDS:
            continue
        if title_key and (title_key in key or (key in title_key and 2 * len(key) >= len(title_key))):
            continue  # the headline, or most of it ("Site name" alone in "Headline - Site name" stays)
        parts.append(part)
    if not parts:
        # Nothing name-like: a headline given as the site name goes (it shares the title's words); a long
        # tagline is still the best name the page gives.
        shared = _LONG_WORD.findall(raw.casefold()) and set(_LONG_WORD.findall(raw.casefold())) & set(
            _LONG_WORD.findall((title or "").casefold())
        )
        if _key(raw) == title_key:
            return raw  # a page titled with its site's name: the name it is
        return None if shared and len(shared) >= 2 else raw
    host = host_of(url) if url else None
    if host:
        label = _key(site_domain(host).split(".")[0])
        for part in parts:
            key = _key(part)
            if len(label) >= 3 and len(key) >= 3 and (label in key or label.startswith(key)):
                return _strip_www(part)
    for part in parts:
        if _DOMAIN_PART.match(part):
            return _strip_www(part)
    return parts[0]


def _strip_www(name: str) -> str:
    return name[4:] if name.lower().startswith("www.") and _DOMAIN_PART.match(name) else name


class OutletRegistry:
    """Outlets by name, alias and host. Build one with :meth:`load`."""

    def __init__(self, outlets: list[Outlet], hosts: dict[str, str], aliases: dict[str, str]) -> None:
        """Index outlets; ``hosts`` and ``aliases`` map a host or a normalised alias to an outlet name."""
        self._by_name = {o.name: o for o in outlets}
        self._by_key = {_key(o.name): o.name for o in outlets} | aliases
        self._hosts = hosts

    @classmethod
    def load(cls, path: str | Path | None = None) -> OutletRegistry:
        """Read a registry file: ``path``, else ``$NEWSFOLD_OUTLETS``, else the bundled one.

        Args:
            path: a TOML file in the bundled file's format.

        Returns:
            The registry.

        Raises:
            ConfigError: the file cannot be read or an entry is malformed (no name, a duplicate name).
        """
        chosen = path or os.environ.get(ENV_VAR) or None
        try:
            if chosen is None:
                raw = resources.files("newsfold").joinpath("data/outlets.toml").read_text(encoding="utf-8")
            else:
                raw = Path(chosen).read_text(encoding="utf-8")
            data = tomllib.loads(raw)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read the outlet registry {chosen or 'bundled'}: {exc}") from exc
        return cls._from_data(data, str(chosen or "bundled outlets.toml"))

    @classmethod
    def _from_data(cls, data: dict[str, Any], where: str) -> OutletRegistry:
        outlets: list[Outlet] = []
        hosts: dict[str, str] = {}
        aliases: dict[str, str] = {}
        for n, entry in enumerate(data.get("outlet", []), start=1):
            name = entry.get("name") if isinstance(entry, dict) else None
            if not isinstance(name, str) or not name.strip():
                raise ConfigError(f"{where}: outlet #{n} has no name")
            name = name.strip()
            if any(o.name == name for o in outlets):
                raise ConfigError(f"{where}: outlet {name!r} is listed twice")
            outlets.append(Outlet(name, entry.get("country") or None, entry.get("type") or None))
            for host in entry.get("hosts", []):
                found = host_of(str(host))
                if found:
                    hosts[found] = name
            for alias in entry.get("aliases", []):
                if _key(str(alias)):
                    aliases.setdefault(_key(str(alias)), name)
        return cls(outlets, hosts, aliases)

    def fingerprint(self) -> str:
        """A digest of everything the registry's lookups can answer: registries that resolve alike share it."""
        outlets = [[o.name, o.country, o.type] for o in sorted(self._by_name.values(), key=lambda o: o.name)]
        data = json.dumps(
            [outlets, sorted(self._by_key.items()), sorted(self._hosts.items())], ensure_ascii=False
        )
        return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def get(self, name: str) -> Outlet | None:
        """The outlet with this name or alias (case, punctuation and spacing ignored), else None."""
        found = self._by_key.get(_key(name))
        return self._by_name[found] if found else None

    def _by_host(self, host: str) -> Outlet | None:
        labels = host.split(".")
        for i in range(len(labels) - 1):  # the host itself, then each parent domain
            name = self._hosts.get(".".join(labels[i:]))
            if name:
                return self._by_name[name]
        return None

    def resolve(
        self,
        *,
        source: str | None = None,
        url: str | None = None,
        agency: str | None = None,
        feed_title: str | None = None,
    ) -> Outlet | None:
        """Find an article's outlet from what the input tells.

        Tried in this order: the source name or alias when known, the URL host when known (``www.`` and subdomains
        stripped), the source name as given (a publisher the registry does not know is still the publisher, not
        the agency its dateline credits), each part of a dateline agency ("UNI/Sputnik"), the feed title. When none
        is known, the first clue given names a new outlet of unknown country and type (an unknown host gives its
        registrable domain).

        Args:
            source: the outlet as the input names it (JSONL ``source``).
            url: the article's address.
            agency: a dateline agency, e.g. ``"UNI"`` or ``"UNI/Sputnik"``.
            feed_title: the title of the feed the article came in.

        Returns:
            The outlet, or None when no clue was given.
        """
        host = host_of(url) if url else None
        parts = [p.strip() for p in (agency or "").split("/") if p.strip()]
        if source and (hit := self.get(source)):
            return hit
        if host and (hit := self._by_host(host)):
            return hit
        if source and source.strip():
            # the publisher the input names, known or not, before the agency a dateline credits: "20 Minutes" that
            # runs an AFP story is 20 Minutes
            return self.get(source) or Outlet(source.strip(), None, None)
        for part in parts:
            if hit := self.get(part):
                return hit
        if feed_title and (hit := self.get(feed_title)):
            return hit
        if source and source.strip():
            return Outlet(source.strip(), None, None)
        if host:
            return Outlet(site_domain(host), None, None)
        if parts:
            return Outlet(parts[0], None, None)
        if feed_title and feed_title.strip():
            return Outlet(feed_title.strip(), None, None)
        return None
