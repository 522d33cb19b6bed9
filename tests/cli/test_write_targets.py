"""What mgb6 writes (`-o`, `--report`, the profile) and where: never through a link or into a device,
never replacing a file without --force, never leaving a temporary behind, readable by the user only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, runner

from mgb6.cli import app
from mgb6.errors import ExitCode
from mgb6.paths import TEMP_PREFIX, atomic_write_text

WEEK = str(EXAMPLES / "week.txt")
CSV = (
    "Day,Group,Food Name,Amount,Magnesium (mg),B6 (Pyridoxine) (mg)\n"
    "2026-01-01,Lunch,Banana,1.00 medium,30,0.4\n"
)
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and links")


def test_report_refuses_to_replace_an_existing_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text("my notes")
    r = runner.invoke(app, ["check", WEEK, "--report", str(out)])
    assert r.exit_code == ExitCode.ERROR and "already exists" in r.stderr and "--force" in r.stderr
    assert out.read_text() == "my notes"
    assert runner.invoke(app, ["check", WEEK, "-q", "--report", str(out), "--force"]).exit_code == 0
    assert "<html" in out.read_text().lower()


@posix
def test_report_replaced_with_force_keeps_the_files_mode(tmp_path: Path) -> None:
    out = tmp_path / "r.svg"
    out.write_text("old")
    out.chmod(0o640)
    assert runner.invoke(app, ["check", WEEK, "-q", "--report", str(out), "--force"]).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@posix
def test_a_new_report_and_a_new_imported_log_are_readable_by_the_user_only(tmp_path: Path) -> None:
    report, log, export = tmp_path / "r.svg", tmp_path / "meals.txt", tmp_path / "servings.csv"
    export.write_text(CSV)
    assert runner.invoke(app, ["check", WEEK, "-q", "--report", str(report)]).exit_code == 0
    assert runner.invoke(app, ["import", "cronometer", str(export), "-o", str(log)]).exit_code == 0
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


@posix
@pytest.mark.parametrize(
    "how", [["import", "cronometer", "{csv}", "-o", "{target}"], ["check", WEEK, "--report", "{target}"]]
)
def test_a_symbolic_link_is_never_written_through_or_replaced_even_with_force(
    tmp_path: Path, how: list[str]
) -> None:
    victim = tmp_path / "notes.txt"
    victim.write_text("precious")
    export = tmp_path / "servings.csv"
    export.write_text(CSV)
    target = tmp_path / ("out.svg" if "--report" in how else "out.txt")
    target.symlink_to(victim)
    args = [a.format(csv=export, target=target) for a in how] + ["--force"]
    r = runner.invoke(app, args)
    assert r.exit_code == ExitCode.ERROR and "symbolic link" in r.stderr
    assert target.is_symlink() and victim.read_text() == "precious"


@posix
def test_a_device_or_fifo_target_is_refused_even_with_force(tmp_path: Path) -> None:
    export = tmp_path / "servings.csv"
    export.write_text(CSV)
    fifo = tmp_path / "out.txt"
    os.mkfifo(fifo)
    r = runner.invoke(app, ["import", "cronometer", str(export), "-o", str(fifo), "--force"])
    assert r.exit_code == ExitCode.ERROR and "not a regular file" in r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    r = runner.invoke(app, ["import", "cronometer", str(export), "-o", os.devnull, "--force"])
    assert r.exit_code == ExitCode.ERROR and "not a regular file" in r.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@posix
def test_a_planted_temporary_name_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "notes.txt"
    victim.write_text("precious")
    target = tmp_path / "profile.toml"
    for pid in range(os.getpid() - 5, os.getpid() + 5):  # the old predictable names
        (tmp_path / f".profile.toml.{pid}.tmp").symlink_to(victim)
    atomic_write_text(target, "age = 30\n")
    assert victim.read_text() == "precious" and target.read_text() == "age = 30\n"


def test_a_failed_write_leaves_no_temporary(tmp_path: Path, monkeypatch) -> None:
    def full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError):
        atomic_write_text(tmp_path / "r.html", "x")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)] == []


@posix
def test_the_profile_is_saved_readable_by_the_user_only_in_a_private_folder(
    tmp_path: Path, monkeypatch
) -> None:
    cfg = tmp_path / "new" / "cfg"
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(cfg))
    assert runner.invoke(app, ["profile", "set", "--age", "30"]).exit_code == 0
    assert stat.S_IMODE((cfg / "profile.toml").stat().st_mode) == 0o600
    assert stat.S_IMODE(cfg.stat().st_mode) & 0o077 == 0


def test_a_file_created_after_the_check_is_still_never_replaced_without_force(
    tmp_path: Path, monkeypatch
) -> None:
    import mgb6.paths
    from mgb6.paths import WriteTargetError

    target = tmp_path / "meals.txt"
    target.write_text("kept editing")
    monkeypatch.setattr(mgb6.paths, "check_target", lambda path, replace, what="file": None)  # the race
    with pytest.raises(WriteTargetError, match="already exists"):
        atomic_write_text(target, "imported", replace=False)
    assert target.read_text() == "kept editing"
    assert [p.name for p in tmp_path.iterdir()] == ["meals.txt"]
