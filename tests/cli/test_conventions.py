"""Command-line conventions: help with examples, completion, version, quiet, colour, stdout vs stderr."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT, runner

from mgb6 import __version__
from mgb6.cli import app

WEEK = str(ROOT / "examples" / "week.txt")
COMMANDS = [["check"], ["targets"], ["profile", "set"], ["profile", "show"], ["profile", "clear"],
            ["profile", "path"], ["import", "cronometer"]]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "cfg"))


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    r = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert r.exit_code == 0
    assert "Example: mgb6 " + " ".join(command) in r.stdout


def test_root_help_lists_commands_and_completion() -> None:
    r = runner.invoke(app, ["--help"], env={"COLUMNS": "120"})
    assert r.exit_code == 0
    for word in ("check", "targets", "profile", "import", "--install-completion", "--version"):
        assert word in r.stdout


def test_version() -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.strip() == f"mgb6 {__version__}"


def test_quiet_keeps_data_and_drops_messages(tmp_path: Path) -> None:
    log = tmp_path / "latin1.txt"
    log.write_bytes("100 g épinards\n100 g spinach\n".encode("latin-1"))
    r = runner.invoke(app, ["check", str(log)])
    assert "Warning:" in r.stderr
    r = runner.invoke(app, ["check", str(log), "--quiet"])
    assert r.exit_code == 0 and r.stderr == "" and "Per day" in r.stdout
    out = tmp_path / "r.html"
    r = runner.invoke(app, ["check", WEEK, "-q", "--report", str(out)])
    assert r.stderr == "" and out.is_file()


def test_data_goes_to_stdout_and_messages_to_stderr(tmp_path: Path) -> None:
    r = runner.invoke(app, ["check", WEEK, "-f", "json"])
    assert r.stdout.lstrip().startswith("{")
    r = runner.invoke(app, ["profile", "set", "--sex", "female", "-q"])
    assert r.stdout == "" and r.stderr == ""
    r = runner.invoke(app, ["profile", "clear"])
    assert r.stdout == "" and "Removed" in r.stderr
    r = runner.invoke(app, ["profile", "path"])
    assert r.stdout.strip().endswith("profile.toml")


def _color_run(args: list[str], env_extra: dict[str, str]) -> str:
    code = (
        "import sys; from mgb6.cli import app; sys.argv=['mgb6', *sys.argv[1:]]; "
        "import rich.console as c; c.Console.is_terminal = property(lambda self: True); app()"
    )
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "100", "TERM": "xterm-256color", **env_extra}
    env["MGB6_CONFIG_DIR"] = os.environ["MGB6_CONFIG_DIR"]
    env["MGB6_CACHE_DIR"] = os.environ.get("MGB6_CACHE_DIR", "")
    env["PYTHONPATH"] = os.environ.get("PYTHONPATH", "")  # the code under test, not another install
    cmd = [sys.executable, "-c", code, *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout


def test_colour_on_a_terminal_and_off_with_no_color_or_the_flag() -> None:
    ansi = re.compile(r"\x1b\[[0-9;]*m")
    assert ansi.search(_color_run(["check", WEEK], {}))
    plain = _color_run(["check", WEEK], {"NO_COLOR": "1"})
    flag = _color_run(["check", WEEK, "--no-color"], {})
    for text in (plain, flag):
        assert not re.search(r"\x1b\[[0-9;]*3[1-7]m", text)  # no foreground colours
        assert "✓" in text or "~" in text or "✗" in text  # status still legible


def test_option_choices_are_the_library_vocabulary() -> None:
    """--sex, --authority and --diet offer exactly what the profile file and the DRI choice accept."""
    from mgb6.cli.options import Authority, Diet, Sex
    from mgb6.models import AUTHORITIES, DIETS, SEXES
    from mgb6.nutrition.suggest import DIETS as DIET_GROUPS

    assert [s.value for s in Sex] == list(SEXES)
    assert [a.value for a in Authority] == list(AUTHORITIES)
    assert [d.value for d in Diet] == [*DIETS, "none"]  # "none" drops a saved diet for one run
    assert sorted(DIET_GROUPS) == sorted(DIETS)
