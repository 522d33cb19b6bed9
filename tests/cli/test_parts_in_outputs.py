"""mgb6 check / mgb6 log end to end: a line read as several foods, in JSON, CSV, the report and the echo."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import check_log_json, runner, write_log

from mgb6.cli import app

LOG = "2026-11-02\nBreakfast\n2 eggs and toast\nmac and cheese\napple and qwzxq\n1 medium banana\n"


def test_json_items_say_which_part_of_the_line_they_are(tmp_path: Path) -> None:
    doc = check_log_json(tmp_path, LOG)
    items = doc["days"][0]["items"]
    got = [(i["line"], i["part"], i["parts"], i["part_text"]) for i in items]
    assert got == [
        (3, 1, 2, "2 eggs"), (3, 2, 2, "toast"),
        (4, 1, 1, "mac and cheese"), (5, 1, 2, "apple"), (6, 1, 1, "1 medium banana"),
    ]  # fmt: skip
    assert all(i["meal"] == "breakfast" for i in items)


def test_an_unmatched_part_is_listed_and_coverage_adds_up(tmp_path: Path) -> None:
    doc = check_log_json(tmp_path, LOG)
    (miss,) = doc["unmatched"]
    assert (miss["line"], miss["part"], miss["parts"], miss["part_text"]) == (5, 2, 2, "qwzxq")
    cov = doc["coverage"]
    assert cov["food_lines"] == 4  # "Breakfast" is a label, not food
    assert cov["counted_lines"] + cov["not_counted_lines"] == cov["food_lines"]
    assert (cov["counted_lines"], cov["partly_counted_lines"], cov["not_counted_lines"]) == (4, 1, 0)


def test_csv_appends_the_part_columns(tmp_path: Path) -> None:
    res = runner.invoke(app, ["check", str(write_log(tmp_path, LOG)), "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    header = res.stdout.splitlines()[0].split(",")
    assert header[15:18] == ["part", "parts", "part_text"]  # amount_assumed follows them
    assert header[:3] == ["file", "date", "line"]  # the existing columns keep their places
    line5 = [(r["status"], r["part"], r["part_text"]) for r in rows if r["line"] == "5"]
    assert line5 == [("counted", "1", "apple"), ("unmatched", "2", "qwzxq")]


def test_the_report_shows_how_split_lines_were_read(tmp_path: Path) -> None:
    log = write_log(tmp_path, LOG)
    res = runner.invoke(app, ["check", str(log), "--no-color"], env={"COLUMNS": "120"})
    assert res.exit_code == 0, res.output
    section = res.stdout[res.stdout.index("How these lines were read") :]
    assert "part 1 of 2" in section and "toast" in section
    assert "1 medium banana" not in section  # a plain, sure line is only listed with --lines
    assert "(1 of them only in part)" in res.stdout
    every = runner.invoke(app, ["check", str(log), "--no-color", "--lines"], env={"COLUMNS": "120"})
    assert "1 medium banana" in every.stdout[every.stdout.index("How each line was read") :]


def test_log_echoes_each_part(tmp_path: Path) -> None:
    target = tmp_path / "food.txt"
    res = runner.invoke(app, ["log", "--file", str(target), "oatmeal with banana and walnuts"])
    assert res.exit_code == 0, res.output
    assert "part 1 of 3, 'oatmeal'" in res.stdout and "part 3 of 3, 'walnuts'" in res.stdout


def test_reading_is_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    log = write_log(tmp_path, "For lunch I had soup, a roll and an apple\neggs, bacon & toast w/ jam\n")
    outs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        p = subprocess.run([sys.executable, "-m", "mgb6", "check", str(log), "--format", "json"],
                           capture_output=True, text=True, env=env, check=True)  # fmt: skip
        doc = json.loads(p.stdout)
        outs.add(json.dumps([d["items"] for d in doc["days"]], sort_keys=True))
    assert len(outs) == 1
