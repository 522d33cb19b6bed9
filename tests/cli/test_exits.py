"""How a run ends when the world around it fails: output closed, full or gone, Ctrl-C; and what reaches
the terminal from a hostile log line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, runner

from mgb6.cli import app
from mgb6.errors import ExitCode
from mgb6.report.terminal import visible

WEEK = str(EXAMPLES / "week.txt")
MGB6 = [sys.executable, "-m", "mgb6"]
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file descriptors")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_output_to_a_full_device_is_one_error_and_exit_1() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([*MGB6, "check", WEEK], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == ExitCode.ERROR
    assert done.stderr.startswith("Error: cannot write the output (No space left on device)")
    assert "unexpected" not in done.stderr and done.stderr.count("\n") == 1


@posix
def test_closed_standard_output_is_one_error_and_exit_1() -> None:
    done = subprocess.run(
        [*MGB6, "check", WEEK], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert done.returncode == ExitCode.ERROR
    assert (
        done.stderr
        == "Error: standard output is closed; nothing could be printed (redirect it to a file instead)\n"
    )


@posix
def test_a_reader_that_leaves_early_ends_the_run_with_141_and_no_message(tmp_path: Path) -> None:
    log = tmp_path / "big.txt"
    log.write_text("2026-11-20\n" + "".join(f"{i % 90 + 1} g banana\n" for i in range(20_000)))
    run = subprocess.Popen(
        [*MGB6, "check", "-q", "-f", "csv", str(log)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert run.stdout is not None and run.stderr is not None
    assert run.stdout.readline().startswith(b"file,")
    run.stdout.close()  # the output is far larger than a pipe's buffer: the writer must meet EPIPE
    assert run.wait(timeout=120) == ExitCode.BROKEN_PIPE
    assert run.stderr.read() == b""


def test_ctrl_c_prints_interrupted_and_exits_130(monkeypatch, capsys) -> None:
    import mgb6.api
    from mgb6 import cli

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(mgb6.api, "run_check", interrupted)
    monkeypatch.setattr(sys, "argv", ["mgb6", "check", WEEK])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == ExitCode.INTERRUPTED
    assert capsys.readouterr().err.endswith("Interrupted.\n")


OSC52 = "\x1b]52;c;aGVsbG8=\x1b\\"
TITLE = "\x1b]0;owned\x07"


def test_control_characters_are_shown_escaped_and_the_rest_is_untouched() -> None:
    assert visible(f"2 eggs {OSC52}") == "2 eggs \\x1b]52;c;aGVsbG8=\\x1b\\"
    assert visible("a\u202eb\x9bc\rd") == "a\\u202eb\\x9bc\\x0dd"
    assert visible("1½ cups spinach\tgrün\n") == "1½ cups spinach\tgrün\n"


def test_check_never_sends_a_log_lines_escape_sequence_to_the_terminal(tmp_path: Path) -> None:
    log = tmp_path / "client.txt"
    log.write_text(f"2026-11-20\n1 banana {TITLE}\n{OSC52} 2 eggs\nzzqx \x1b[2J\n", encoding="utf-8")
    for args in (["check", str(log)], ["check", str(log), "--strict"]):
        r = runner.invoke(app, args)
        assert "\x1b" not in r.stdout and "\x1b" not in r.stderr
        assert "\\x1b]52;c;aGVsbG8=" in r.stdout


def test_log_echo_never_sends_the_lines_escape_sequence_to_the_terminal(tmp_path: Path) -> None:
    r = runner.invoke(app, ["log", "--file", str(tmp_path / "l.txt"), "--force", f"1 banana {OSC52}"])
    assert r.exit_code == 0 and "\x1b" not in r.stdout and "\\x1b]52" in r.stdout
