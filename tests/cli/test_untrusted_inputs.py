"""Inputs opened on the user's behalf are regular files under a size cap: a FIFO, a device or an absurd
profile is one error line, never a hang, a memory blow-up or an internal error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, runner

from mgb6.cli import app
from mgb6.errors import ExitCode

WEEK = str(EXAMPLES / "week.txt")
posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")


def _mgb6(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """In a child with a timeout: a hang is then a failure, not a stuck test run."""
    full = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **env}
    return subprocess.run([sys.executable, "-m", "mgb6", *args], env=full, capture_output=True, text=True,
                          timeout=120)  # fmt: skip


@posix
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_fifo_or_dev_zero_as_the_profile_is_one_error(tmp_path: Path, kind: str) -> None:
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    if kind == "fifo":
        os.mkfifo(cfg / "profile.toml")
    else:
        (cfg / "profile.toml").symlink_to("/dev/zero")
    done = _mgb6("check", "-q", WEEK, env={"MGB6_CONFIG_DIR": str(cfg)})
    assert done.returncode == ExitCode.ERROR
    assert done.stderr.startswith("Error: ") and "not a regular file" in done.stderr
    assert done.stderr.count("\n") == 1


@posix
def test_a_fifo_or_dev_zero_given_as_foods_is_one_error(tmp_path: Path) -> None:
    fifo = tmp_path / "foods.csv"
    os.mkfifo(fifo)
    for foods in (str(fifo), "/dev/zero"):
        done = _mgb6("check", "-q", WEEK, "--foods", foods, env={})
        assert done.returncode == ExitCode.ERROR and "not a regular file" in done.stderr, done.stderr


@posix
def test_a_fifo_among_a_batch_folders_logs_is_a_row_error_not_a_hang(tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    folder.mkdir()
    (folder / "ann.txt").write_text("2026-11-20\n1 banana\n")
    os.mkfifo(folder / "bob.txt")
    done = _mgb6("batch", "-f", "json", str(folder), env={})
    assert done.returncode == ExitCode.ERROR
    rows = {Path(r["file"]).name: r for r in __import__("json").loads(done.stdout)["logs"]}
    assert rows["ann.txt"]["error"] in (None, "")
    assert "not a regular file" in rows["bob.txt"]["error"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("age = " + "9" * 400 + "\n", "age must be a number of years"),
        ("age = " + "9" * 5000 + "\n", "not a valid profile"),
        ("avoid = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ],
)
def test_an_absurd_profile_value_is_one_error_naming_the_file(
    tmp_path: Path, monkeypatch, text: str, said: str
) -> None:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path))
    (tmp_path / "profile.toml").write_text(text)
    r = runner.invoke(app, ["check", WEEK])
    assert r.exit_code == ExitCode.ERROR
    assert r.stderr.startswith(f"Error: {tmp_path / 'profile.toml'}: ") and said in r.stderr
    assert "unexpected" not in r.stderr


def test_a_cronometer_cell_over_the_csv_limit_is_one_error(tmp_path: Path) -> None:
    export = tmp_path / "servings.csv"
    export.write_text(
        "Day,Group,Food Name,Amount,Magnesium (mg),B6 (Pyridoxine) (mg)\n"
        f'2026-01-01,Lunch,Banana,"1.00 {"x" * 140_000}",30,0.4\n'
    )
    r = runner.invoke(app, ["import", "cronometer", str(export)])
    assert r.exit_code == ExitCode.ERROR and "not a readable CSV row" in r.stderr
    assert "unexpected" not in r.stderr
