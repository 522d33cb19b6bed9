"""`mgb6 check` end to end: through typer's CliRunner and through the installed command."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT, runner

from mgb6.cli import app
from mgb6.paths import TABLE_FILES

WEEK = str(EXAMPLES / "week.txt")


def _food_row(food_id: str) -> dict[str, str]:
    with (ROOT / "data" / "foods.csv").open(newline="") as fh:
        return next(r for r in csv.DictReader(fh) if r["id"] == food_id)


def _json(args: list[str]) -> dict:
    result = runner.invoke(app, ["check", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_week_example_prints_every_day_and_the_mean() -> None:
    result = runner.invoke(app, ["check", WEEK, "--sex", "female", "--age", "34"])
    assert result.exit_code == 0, result.output
    for day in range(16, 23):
        assert f"2026-11-{day}" in result.stdout
    assert "Mean over 7 days" in result.stdout
    assert "Totals cover" in result.stdout
    assert result.stdout.count("Not medical advice") == 1


def test_json_has_the_documented_schema() -> None:
    doc = _json([WEEK])
    assert {"days", "unmatched", "profile", "targets", "summary", "coverage"} <= set(doc)
    day = doc["days"][0]
    assert day["date"] == "2026-11-16"
    assert {"magnesium_mg", "vitamin_b6_mg"} <= set(day["totals"])
    item = day["items"][0]
    assert {"line", "text", "food", "food_id", "grams", "magnesium_mg", "vitamin_b6_mg"} <= set(item)
    source_lines = Path(WEEK).read_text().splitlines()
    for d in doc["days"]:
        for it in d["items"]:
            assert source_lines[it["line"] - 1].startswith(it["text"])


def test_day_totals_are_the_sum_of_their_items() -> None:
    for day in _json([WEEK])["days"]:
        mg = sum(i["magnesium_mg"] or 0 for i in day["items"])
        assert day["totals"]["magnesium_mg"] == pytest.approx(mg, abs=0.05)


def test_values_come_from_the_usda_row_scaled_to_grams(tmp_path: Path) -> None:
    row = _food_row("sr28:11457")  # Spinach, raw
    log = tmp_path / "log.txt"
    log.write_text(f"250 g {row['description']}\n")
    item = _json([str(log)])["days"][0]["items"][0]
    assert item["food_id"] == "sr28:11457"
    assert item["magnesium_mg"] == pytest.approx(float(row["magnesium_mg_per_100g"]) * 2.5, rel=1e-3)
    assert item["vitamin_b6_mg"] == pytest.approx(float(row["vitamin_b6_mg_per_100g"]) * 2.5, abs=1e-3)


def test_missing_usda_value_stays_unknown_not_zero(tmp_path: Path) -> None:
    from mgb6.api import understand_line
    from mgb6.models import Item

    with (ROOT / "data" / "foods.csv").open(newline="") as fh:
        rows = [
            r for r in csv.DictReader(fh)
            if r["source"] == "sr28" and not r["vitamin_b6_mg_per_100g"] and r["magnesium_mg_per_100g"]
        ]  # fmt: skip
    # the first such food a line naming it is read as (a description can also name a twin row)
    line, row = next(
        (line, r) for r in rows
        if isinstance(item := understand_line(line := f"100 g {r['description']}"), Item)
        and item.food_id == r["id"]
    )  # fmt: skip
    log = tmp_path / "log.txt"
    log.write_text(line + "\n")
    doc = _json([str(log)])
    item = doc["days"][0]["items"][0]
    assert item["food_id"] == row["id"]
    assert item["vitamin_b6_mg"] is None
    assert doc["days"][0]["items_missing_value"]["vitamin_b6_mg"] == 1


def test_unmatched_line_is_listed_with_line_number_and_candidates(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("1 medium banana\nqwzx blorp\n")
    doc = _json([str(log)])
    assert [u["line"] for u in doc["unmatched"]] == [2]
    assert doc["unmatched"][0]["text"] == "qwzx blorp"
    coverage = {
        "food_lines": 2,
        "counted_lines": 1,
        "not_counted_lines": 1,
        "bad_date_lines": 0,
        "partly_counted_lines": 0,
        "assumed_amount_lines": 0,
    }
    assert doc["coverage"] == coverage
    table = runner.invoke(app, ["check", str(log)])
    assert "qwzx blorp" in table.stdout and "Totals cover 1 of 2" in table.stdout


def test_strict_exits_1_when_a_line_is_not_counted(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("1 medium banana\nqwzx blorp\n")
    assert runner.invoke(app, ["check", str(log), "--strict"]).exit_code == 1
    log.write_text("1 medium banana\n")
    assert runner.invoke(app, ["check", str(log), "--strict"]).exit_code == 0


def test_csv_has_one_row_per_counted_item() -> None:
    doc = _json([WEEK])
    result = runner.invoke(app, ["check", WEEK, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == sum(len(d["items"]) for d in doc["days"])
    assert rows[0]["date"] == "2026-11-16"


def test_profile_options_choose_the_life_stage() -> None:
    doc = _json([WEEK, "--sex", "female", "--age", "25", "--pregnant"])
    assert doc["targets"]["magnesium"]["rda_mg"] == 350
    assert doc["profile"]["pregnant"] is True


@pytest.mark.parametrize(
    "args",
    [["--sex", "male", "--pregnant"], ["--age", "200"], ["--sex", "robot"], ["--format", "xml"]],
)
def test_bad_options_are_usage_errors(args: list[str]) -> None:
    result = runner.invoke(app, ["check", WEEK, *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_missing_file_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["check", "no/such/file.txt"])
    assert result.exit_code == 1
    assert "no such file" in result.stderr
    assert "Traceback" not in result.output


def test_days_with_the_same_date_merge_across_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("2026-01-01\n100 g Spinach, raw\n")
    b.write_text("2026-01-01\n100 g Spinach, raw\n")
    days = _json([str(a), str(b)])["days"]
    assert len(days) == 1 and len(days[0]["items"]) == 2


def test_no_color_output_has_no_escape_codes() -> None:
    result = runner.invoke(app, ["check", WEEK], env={"NO_COLOR": "1"})
    assert "\x1b[" not in result.stdout


def test_installed_command_checks_the_example(mgb6_exe: str) -> None:
    proc = subprocess.run([mgb6_exe, "check", WEEK, "--format", "json"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["days"]) == 7


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run([sys.executable, "-m", "mgb6", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("mgb6 ")


def test_the_built_wheel_holds_every_table_and_runs_the_readme_check(tmp_path: Path) -> None:
    pytest.importorskip("build")
    pytest.importorskip("hatchling")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(tmp_path.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    # every table the package reads (one list, in paths.py), so a new table cannot be left out of the wheel
    for table in TABLE_FILES:
        assert f"mgb6/data/{table}" in names
    # and the README's first command works from the wheel's files alone (not from this checkout's data/)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    for kind in ("CACHE_DIR", "CONFIG_DIR", "DATA_HOME"):
        env[f"MGB6_{kind}"] = str(tmp_path / kind.lower())
    run = subprocess.run(
        [sys.executable, "-m", "mgb6", "check", WEEK, "--format", "json", "--no-profile"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert len(json.loads(run.stdout)["days"]) == 7
