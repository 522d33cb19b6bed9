"""mgb6 never touches the network: every command of the app (found by introspection, so commands added
later are covered too) runs with sockets blocked, and none even tries to open one."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import typer
from tests.conftest import EXAMPLES, runner

from mgb6.cli import app

WEEK = str(EXAMPLES / "week.txt")


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Command paths of a click group, recursing into sub-groups (typer vendors click; duck-type it)."""
    out: list[tuple[str, ...]] = []
    for name, cmd in sorted(getattr(group, "commands", {}).items()):
        path = (*prefix, name)
        out.append(path)
        if getattr(cmd, "commands", None):
            out.extend(_commands(cmd, path))
    return out


COMMANDS = _commands(typer.main.get_command(app))


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way to reach the network raises, and each attempt is recorded for the assertion."""
    attempts: list[str] = []

    def blocked(name: str):
        def refuse(*args, **kwargs):
            attempts.append(f"{name}{args[:2]!r}")
            raise OSError(f"network access blocked in tests ({name})")

        return refuse

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, blocked(name))
    return attempts


def _argument_sets(path: tuple[str, ...], tmp_path: Path) -> list[list[str]]:
    """Known commands get a real job; unknown ones (added by later work) are tried with likely inputs."""
    known = {
        ("check",): [[WEEK], [WEEK, "--format", "json"], [WEEK, "--format", "csv", "--sex", "male"]],
        ("log",): [["--where"], ["--file", str(tmp_path / "log.txt"), "1 banana"]],
    }
    generic = [[], [WEEK], [str(EXAMPLES)], ["magnesium"], ["spinach"]]
    return [["--help"], *known.get(path, generic)]


def test_commands_were_found() -> None:
    assert ("check",) in COMMANDS and ("log",) in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_runs_without_the_network(
    path: tuple[str, ...], no_network: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # commands that write (profile set/clear, log) must not leave state for the rest of the suite
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("MGB6_DATA_HOME", str(tmp_path / "data"))
    for args in _argument_sets(path, tmp_path):
        result = runner.invoke(app, [*path, *args], input="1 banana\n")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"mgb6 {' '.join(path)} {args}: {result.exception!r}") from result.exception
        assert "Traceback" not in result.output
        assert "network access blocked" not in result.output
    assert no_network == [], f"mgb6 {' '.join(path)} tried the network: {no_network}"
    if path in (("check",), ("log",)):
        assert result.exit_code == 0, result.output


def test_version_and_root_help_without_the_network(no_network: list[str]) -> None:
    assert runner.invoke(app, ["--version"]).exit_code == 0
    assert runner.invoke(app, ["--help"]).exit_code == 0
    assert no_network == []
