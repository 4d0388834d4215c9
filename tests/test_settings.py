from __future__ import annotations

from pathlib import Path

import pytest

from newsfold.errors import ConfigError
from newsfold.settings import NAMES, Settings, describe, load_settings


def test_defaults_validate_and_are_frozen() -> None:
    s = load_settings(environ={})
    assert isinstance(s, Settings)
    with pytest.raises(AttributeError):
        s.minhash_perm = 3  # type: ignore[misc]


def test_precedence_file_env_override(tmp_path: Path) -> None:
    cfg = tmp_path / "newsfold.toml"
    cfg.write_text("dedup_threshold = 0.5\nbatch_size = 10\nminhash_perm = 64\n", encoding="utf-8")
    env = {"NEWSFOLD_BATCH_SIZE": "20", "NEWSFOLD_MINHASH_PERM": "32"}
    s = load_settings({"minhash_perm": "16"}, config_file=cfg, environ=env)
    assert (s.dedup_threshold, s.batch_size, s.minhash_perm) == (0.5, 20, 16)


def test_unknown_key_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown setting .dedup_treshold.*dedup_threshold"):
        load_settings({"dedup_treshold": 0.5}, environ={})


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("dedup_threshold", "1.5", r"dedup_threshold must be \[0.0, 1.0\], got 1.5"),
        ("batch_size", "many", "batch_size must be an integer"),
        ("progress", "perhaps", "progress must be true or false"),
    ],
)
def test_bad_values_are_config_errors(key: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings({key: value}, environ={})


def test_list_setting_from_env() -> None:
    s = load_settings(environ={"NEWSFOLD_LANGUAGES": "en, it"})
    assert s.languages == ("en", "it")


def test_every_setting_has_help() -> None:
    rows = describe()
    assert {name for name, _, _ in rows} == NAMES
    assert all(len(text) > 15 for _, _, text in rows)


@pytest.mark.parametrize("value", ["", "en de", "english", "zz"])
def test_languages_must_be_iso_codes_separated_by_commas(value: str) -> None:
    with pytest.raises(ConfigError, match="ISO 639-1 codes separated by commas"):
        load_settings({"languages": value}, environ={})
    assert load_settings({"languages": "en, DE"}, environ={}).languages == ("en", "de")


def test_a_settings_file_named_in_the_environment_must_be_there(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read settings file"):
        load_settings(environ={"NEWSFOLD_CONFIG": str(tmp_path / "missing.toml")})
