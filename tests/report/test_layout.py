"""The report at the widths people's terminals have (60, 80, 120, 200 columns): nothing cut mid-word that
matters, nothing wider than the screen, a day past an upper limit never marked as simply good."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from tests.conftest import EXAMPLES, runner, write_log

from mgb6.cli import app

WIDTHS = (60, 80, 120, 200)
WEEK = str(EXAMPLES / "week.txt")


def at(width: int, *args: str) -> str:
    res = runner.invoke(app, list(args), env={"COLUMNS": str(width)})
    assert res.exit_code == 0, res.output
    return res.stdout


@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_of_the_report_is_wider_than_the_terminal(width: int) -> None:
    out = at(width, "check", WEEK, "--no-profile")
    assert max(cell_len(line) for line in out.splitlines()) <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_the_goals_in_the_header_are_never_broken_across_lines(width: int) -> None:
    out = at(width, "check", WEEK, "--no-profile")
    assert any("Mg goal 420 mg, B6 goal 1.3 mg" in line for line in out.splitlines()[:3])


@pytest.mark.parametrize("width", WIDTHS)
def test_targets_names_the_nutrients_in_full(width: int) -> None:
    out = at(width, "targets", "--no-profile")
    assert "Magnesium " in out and "Vitamin B6" in out and "Magnes…" not in out
    assert "supplements and medications only" in " ".join(out.split())


def test_food_names_use_the_room_a_wide_terminal_has() -> None:
    name = "Beans, black, mature seeds, cooked, boiled, without salt"
    assert name in at(200, "check", WEEK, "--no-profile")
    narrow = at(60, "check", WEEK, "--no-profile").split("Foods that carried it")[1]
    row = next(ln for ln in narrow.splitlines() if "Beans, black" in ln)
    assert "…" in row and "181 (7%)" in row  # one line per food: cut to fit, not wrapped


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    for name in ("alice-smith-week-one", "bob_jones_2025_march", "carol"):
        shutil.copy(EXAMPLES / "week.txt", tmp_path / f"{name}.txt")
    return tmp_path


@pytest.mark.parametrize("width", WIDTHS)
def test_batch_keeps_each_file_name_whole_on_one_line(clients: Path, width: int) -> None:
    out = at(width, "batch", str(clients))
    for name in ("alice-smith-week-one.txt", "bob_jones_2025_march.txt", "carol.txt"):
        assert name in out
    assert max(cell_len(line) for line in out.splitlines()) <= width


def test_batch_shows_the_status_words_when_there_is_room_and_symbols_always(clients: Path) -> None:
    assert "possibly inadequate" in at(200, "batch", str(clients))
    narrow = at(60, "batch", str(clients))
    summary = json.loads(at(200, "check", str(EXAMPLES / "week.txt"), "--format", "json"))["summary"]
    mg, b6 = (summary[n]["percent_of_target"] for n in ("magnesium", "vitamin_b6"))
    assert f"{mg:.0f}% ~" in narrow and f"{b6:.0f}% ✓" in narrow


@pytest.fixture
def over_limit_log(tmp_path: Path) -> str:
    text = "2025-03-03\n1 medium banana\nvitamin B6 50 mg\n2025-03-04\n1 medium banana\n"
    text += "2025-03-05\nvitamin B6 200 mg\n1 cup cooked spinach\n"
    return str(write_log(tmp_path, text))


@pytest.mark.parametrize("width", WIDTHS)
def test_a_b6_value_of_1000_percent_or_more_stays_on_its_bar(over_limit_log: str, width: int) -> None:
    out = at(width, "check", over_limit_log, "--no-profile")
    chart = out.split("Vitamin B6 per day")[1]
    line = next(ln for ln in chart.splitlines() if "15418%" in ln)
    assert line.startswith("2025-03-05") and "█" in line and cell_len(line) <= width


def test_a_day_above_the_upper_limit_has_its_own_mark_not_a_check(over_limit_log: str) -> None:
    out = at(80, "check", over_limit_log, "--no-profile")
    per_day = out.split("Per day")[1].split("Magnesium per day")[0]
    row = next(ln for ln in per_day.splitlines() if "2025-03-05" in ln)
    assert "15418% !" in row and "✓" not in row
    assert "! above an upper limit" in per_day
    bar = next(ln for ln in out.split("Vitamin B6 per day")[1].splitlines() if ln.startswith("2025-03-05"))
    assert bar.startswith("2025-03-05 !")


def test_batch_holds_back_the_status_of_a_log_mostly_not_read(clients: Path) -> None:
    (clients / "thin.txt").write_text("2025-03-03\n1 medium banana\nzzqx flurb\nblorpt\nquux wibble\n")
    row = next(ln for ln in at(200, "batch", str(clients)).splitlines() if "thin.txt" in ln)
    assert "not judged" in row and "likely inadequate" not in row and "?" in row
