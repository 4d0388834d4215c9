"""Outlet registry: names, aliases, hosts, agencies and feed titles resolve; unknown clues still name an outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfold.errors import ConfigError
from newsfold.outlets import Outlet, OutletRegistry, host_of, site_domain


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.load()


def test_seed_outlets_are_bundled(registry: OutletRegistry) -> None:
    for name in ("UNI", "TASS", "Afrasianet", "Lodi Valley News", "RT", "Sputnik", "AFP", "Reuters", "AP"):
        outlet = registry.get(name)
        assert outlet is not None and outlet.country and outlet.type, name
    assert registry.get("TASS") == Outlet("TASS", "RU", "news agency")


def test_resolve_by_every_clue(registry: OutletRegistry) -> None:
    assert registry.resolve(source="Russia Today") == registry.get("RT")
    assert registry.resolve(url="https://www.tass.com/politics/1400000") == registry.get("TASS")
    assert registry.resolve(url="https://arabic.rt.com/world/1") == registry.get("RT")
    assert registry.resolve(agency="UNI/Sputnik") == registry.get("UNI")
    assert registry.resolve(agency="Agence France-Presse") == registry.get("AFP")
    assert registry.resolve(feed_title="the associated press") == registry.get("AP")
    assert registry.resolve() is None


def test_known_clue_wins_over_unknown_source(registry: OutletRegistry) -> None:
    assert registry.resolve(source="Some Blog", url="https://reuters.com/x") == registry.get("Reuters")


def test_unknown_clues_name_an_outlet(registry: OutletRegistry) -> None:
    assert registry.resolve(url="https://news.example.co.uk/a/b") == Outlet("example.co.uk", None, None)
    assert registry.resolve(source="Lokalblatt") == Outlet("Lokalblatt", None, None)
    assert registry.resolve(agency="XYZ") == Outlet("XYZ", None, None)


def test_hosts() -> None:
    assert host_of("https://WWW.Example.com:8080/path") == "example.com"
    assert host_of("example.org") == "example.org"
    assert site_domain("edition.cnn.com") == "cnn.com"
    assert site_domain("news.bbc.co.uk") == "bbc.co.uk"


def test_user_file_replaces_bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text('[[outlet]]\nname = "Local Paper"\ncountry = "NZ"\nhosts = ["localpaper.nz"]\n', "utf-8")
    monkeypatch.setenv("NEWSFOLD_OUTLETS", str(path))
    reg = OutletRegistry.load()
    assert reg.resolve(url="https://localpaper.nz/x") == Outlet("Local Paper", "NZ", None)
    assert reg.get("TASS") is None


def test_bad_files_fail_loudly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[outlet]]\ncountry = 'RU'\n", "utf-8")
    with pytest.raises(ConfigError, match="no name"):
        OutletRegistry.load(bad)
    with pytest.raises(ConfigError):
        OutletRegistry.load(tmp_path / "missing.toml")
