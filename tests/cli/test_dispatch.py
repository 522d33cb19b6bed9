"""main() registers only the command being run; that must never change what any command does or says."""

from __future__ import annotations

import os

import pytest
import typer
from tests.conftest import runner

from mgb6.cli import app, app_for
from mgb6.cli.lifecycle import SETTLING_COMMANDS, collector_waits


def _names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", _names())
def test_each_command_help_is_the_same_through_the_slim_app(name: str) -> None:
    full = runner.invoke(app, [name, "--help"])
    slim = runner.invoke(app_for([name, "--help"]), [name, "--help"])
    assert slim.exit_code == full.exit_code == 0
    assert slim.stdout == full.stdout


def test_slim_app_holds_only_the_named_command() -> None:
    slim = typer.main.get_command(app_for(["check", "x.txt"]))
    assert sorted(slim.commands) == ["check"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("argv", [[], ["--help"], ["--version"], ["no-such-command"]])
def test_top_level_help_version_and_unknown_names_get_the_whole_app(argv: list[str]) -> None:
    assert app_for(argv) is app


def test_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_MGB6_COMPLETE", "complete_bash")
    assert app_for(["check"]) is app


@pytest.mark.parametrize("argv", [["check", "x.txt"], ["targets", "--sex", "male", "--age", "40"]])
def test_console_script_collects_garbage_while_commands_work(argv: list[str], tmp_path) -> None:
    """The script starts with the collector off (imports are faster); each command's work runs with it on,
    so a long log's reference cycles are still freed."""
    import subprocess
    import sys

    code = (
        "import gc, sys\n"
        "import mgb6.api, mgb6.cli\n"
        "def probe(*a, **k):\n"
        "    print('gc on' if gc.isenabled() else 'gc off', flush=True)\n"
        "    raise SystemExit(0)\n"
        "mgb6.api.run_check = probe\n"
        "real = mgb6.cli.commands._resolve_profile\n"
        "def resolve(*a, **k):\n"
        "    print('gc on' if gc.isenabled() else 'gc off', flush=True)\n"
        "    return real(*a, **k)\n"
        "mgb6.cli.commands._resolve_profile = resolve\n"
        "from mgb6.__main__ import run\n"
        "run()\n"
    )
    env = {
        "MGB6_CONFIG_DIR": str(tmp_path),
        "MGB6_CACHE_DIR": str(tmp_path / "cache"),
        "PATH": "",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }  # the code under test, not another install
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env)
    assert "gc on" in out.stdout and "gc off" not in out.stdout, out.stdout + out.stderr


def test_every_command_has_an_explicit_name_so_dispatch_needs_no_typer_internals() -> None:
    assert all(c.name for c in app.registered_commands)
    assert all(g.name for g in app.registered_groups)


@pytest.mark.parametrize(("argv", "waits"), [
    (["check", "x.txt"], True), (["batch", "clients"], True), (["check"], True),
    ([], False), (["--help"], False), (["targets"], False), (["log", "check"], False),
    (["x", "batch"], False),
])  # fmt: skip
def test_the_collector_waits_only_for_a_command_that_settles_itself(argv: list[str], waits: bool) -> None:
    assert collector_waits(argv) is waits


def test_the_commands_that_settle_themselves_are_exactly_those_the_collector_waits_for() -> None:
    """A command named there that never settled would run to its end with the collector off; one that
    settles but is not named would have the collector on while it loads the table."""
    import ast
    import inspect

    from mgb6.cli import commands

    settling = set()
    for node in ast.walk(ast.parse(inspect.getsource(commands))):
        if not isinstance(node, ast.FunctionDef):
            continue
        calls = {c.func.id for c in ast.walk(node)
                 if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)}  # fmt: skip
        names = [d.args[0].value for d in node.decorator_list
                 if isinstance(d, ast.Call) and d.args and isinstance(d.args[0], ast.Constant)]  # fmt: skip
        if "settle" in calls:
            assert names, f"{node.name} settles but is no command"
            settling.update(names)
    assert settling == SETTLING_COMMANDS
