"""Shared fixtures: an isolated cache and config per test session, the real bundled table, paths, a runner."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
runner = CliRunner()  # the CLI end to end, in this process (tests import it rather than make their own)


def write_log(tmp_path: Path, data: str | bytes, name: str = "log.txt") -> Path:
    """A log file with exactly these characters (UTF-8) or bytes."""
    p = tmp_path / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


def check_log_json(tmp_path: Path, text: str, *args: str) -> dict:
    """``mgb6 check <log> --format json`` through CliRunner, asserting it succeeded."""
    import json

    from mgb6.cli import app

    res = runner.invoke(app, ["check", str(write_log(tmp_path, text)), "--format", "json", *args])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


@pytest.fixture(scope="session", autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Never touch the developer's real cache, config or data directories."""
    base = tmp_path_factory.mktemp("mgb6-home")
    os.environ["MGB6_CACHE_DIR"] = str(base / "cache")
    os.environ["MGB6_CONFIG_DIR"] = str(base / "config")
    os.environ["MGB6_DATA_HOME"] = str(base / "data")
    os.environ.pop("NO_COLOR", None)


@pytest.fixture(scope="session")
def table():
    from mgb6.foods.table import load_table

    return load_table()


@pytest.fixture
def shared() -> Path:
    """The read-only ../shared folder; tests that need it skip in a user's clone."""
    if not (SHARED / "bench" / "cronometer").is_dir():
        pytest.skip("../shared is not present (a user's clone)")
    return SHARED


@pytest.fixture
def mgb6_exe() -> str:
    beside = Path(sys.executable).parent / "mgb6"
    exe = str(beside) if beside.exists() else shutil.which("mgb6")
    if exe is None:
        pytest.skip("the mgb6 command is not installed")
    return exe
