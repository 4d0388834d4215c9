"""Outlet registry: names, aliases, hosts, agencies and feed titles resolve; unknown clues still name an outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfold.errors import ConfigError
from newsfold.outlets import Outlet, OutletRegistry, host_of, site_domain, site_name


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
    # an unknown publisher is still the publisher, not the agency its dateline credits
    assert registry.resolve(source="Sud Gazette", agency="AFP") == Outlet("Sud Gazette", None, None)
    assert registry.resolve(agency="AFP") == registry.get("AFP")
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


@pytest.mark.parametrize(
    ("raw", "title", "url", "name"),
    [
        (
            "BioBioChile - La Red de Prensa Más Grande de Chile",
            "Camioneros no descartan movilización",
            None,
            "BioBioChile",
        ),
        ("Achtsam durch die Krise | Die FURCHE", "Achtsam durch die Krise", None, "Die FURCHE"),
        ("Digital for Good | RESET.ORG", "Clickbait und CO2", "https://reset.org/a/b", "RESET.ORG"),
        ("gizmeo.eu | inside the machine", "makrophotos von insekten", None, "gizmeo.eu"),
        (
            "www.leichtathletik.de | Das Leichtathletik-Portal",
            "Erfurt: Thorwirth siegt",
            None,
            "leichtathletik.de",
        ),
        ("Baden-Württemberg Aktuell", "Landtag tagt", None, "Baden-Württemberg Aktuell"),
        ("Spiel-Talstraße", "Spiel-Talstraße", None, "Spiel-Talstraße"),  # a page titled with its site's name
        # a long tagline is the best name the page gives; a headline given as the site name is none
        (
            "Ein Blog über alternative Lebensräume, ferne Länder und den dritten Lebensabschnitt",
            "Ein Tag",
            None,
            "Ein Blog über alternative Lebensräume, ferne Länder und den dritten Lebensabschnitt",
        ),
        (
            "Crocs: Wie die Schuhbrand mit mutigen Releases Rekordumsätze macht",
            "Jetzt auch noch Cowboyboots: Crocs erzielt Milliardenumsätze durch verrückte Releases",
            None,
            None,
        ),
        ("  ", "Anything", None, None),
    ],
)
def test_site_name_takes_off_taglines_and_headlines(
    raw: str, title: str, url: str | None, name: str | None
) -> None:
    assert site_name(raw, title=title, url=url) == name
