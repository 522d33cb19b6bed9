"""House rules that are cheap to check: ruff is clean, and every command documents itself with an example."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from tests.conftest import ROOT
from typer.testing import CliRunner

from mgb6.cli import app


def _ruff() -> list[str]:
    beside = Path(sys.executable).parent / "ruff"
    exe = str(beside) if beside.exists() else shutil.which("ruff")
    # ruff comes with the test extras: without it the suite is not the one the README runs, so fail, not skip.
    assert exe is not None, "ruff is not installed; install the test extras: pip install -e '.[test]'"
    return [exe]


def test_ruff_finds_nothing() -> None:
    proc = subprocess.run(
        [*_ruff(), "check", "src", "tests", "benchmarks", "scripts"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_code_is_as_ruff_format_writes_it() -> None:
    proc = subprocess.run(
        [*_ruff(), "format", "--check", "src", "tests", "benchmarks", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]


def _all_commands() -> list[list[str]]:
    out: list[list[str]] = []

    def walk(cmd: object, path: list[str]) -> None:
        sub = getattr(cmd, "commands", None)
        if sub:
            for name, child in sub.items():
                walk(child, [*path, name])
        else:
            out.append(path)

    walk(typer.main.get_command(app), [])
    return out


@pytest.mark.parametrize("path", _all_commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(path: list[str]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout, f"mgb6 {' '.join(path)} --help shows no example"


def test_the_code_points_only_inside_the_repository() -> None:
    """A comment naming a path outside the repository means nothing in a user's clone or a wheel."""
    outside = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "../shared" in line
    ]
    assert outside == []
