"""Shared fixtures: settings, a real SQLite store in a temp folder, and the ../shared development data."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfold.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def settings() -> Settings:
    return load_settings(environ={}, config_file=None)


@pytest.fixture
def shared_seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return DATA
