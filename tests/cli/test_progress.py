"""Progress on long work: the library reports how far it is, the CLI draws it on a terminal only."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from tests.conftest import ROOT, write_log

from mgb6.api import run_check
from mgb6.batch import PROGRESS_LOGS, run_batch
from mgb6.cli.output import progress_bar
from mgb6.log.parse import PROGRESS_LINES
from mgb6.nutrition.targets import Profile

ADULT = Profile(None, None, False, False)


def test_a_long_log_reports_reading_and_counting_up_to_its_size(tmp_path: Path) -> None:
    n = PROGRESS_LINES * 2
    log = write_log(tmp_path, "2025-03-03\n" + "1 medium banana\n" * n)
    heard: list[tuple[str, int, int]] = []
    run_check([str(log)], ADULT, progress=lambda *a: heard.append(a))
    reading = [h for h in heard if h[0] == "Reading"]
    counting = [h for h in heard if h[0] == "Counting"]
    assert reading and all(done <= total for _, done, total in reading) and reading[0][2] >= n
    assert counting and counting[-1][2] == n
    done = [h[1] for h in reading]
    assert done == sorted(done)


def test_a_short_log_reports_nothing(tmp_path: Path) -> None:
    heard: list[object] = []
    run_check([str(write_log(tmp_path, "1 medium banana\n"))], ADULT, progress=lambda *a: heard.append(a))
    assert heard == []


def test_a_big_batch_reports_each_log(tmp_path: Path) -> None:
    for i in range(PROGRESS_LOGS):
        write_log(tmp_path, "1 medium banana\n", f"p{i:02d}.txt")
    heard: list[tuple[str, int, int]] = []
    run_batch([str(tmp_path)], ADULT, progress=lambda *a: heard.append(a))
    assert [h[1] for h in heard] == list(range(PROGRESS_LOGS)) and {h[2] for h in heard} == {PROGRESS_LOGS}


def test_the_bar_is_drawn_on_a_terminal_and_gone_afterwards() -> None:
    screen = io.StringIO()
    err = Console(file=screen, force_terminal=True, width=80)
    with progress_bar(err) as update:
        assert update is not None
        update("Reading", 50, 100)
    assert "Reading" in screen.getvalue()


def test_no_bar_when_stderr_is_not_a_terminal_or_quiet() -> None:
    with progress_bar(Console(file=io.StringIO())) as update:
        assert update is None
    with progress_bar(Console(file=io.StringIO(), force_terminal=True), enabled=False) as update:
        assert update is None


def test_a_normal_check_never_imports_the_progress_bar() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from mgb6.cli import app; "
        "r = CliRunner().invoke(app, ['check', 'examples/week.txt']); assert r.exit_code == 0, r.output; "
        "print('rich.progress' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
