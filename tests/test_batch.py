"""mgb6 batch: one summary row per log, folders of *.txt, per-log errors as rows, one scoring path."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import ROOT, runner

from mgb6.api import run_check
from mgb6.cli import app
from mgb6.errors import ExitCode
from mgb6.nutrition.targets import Profile

WEEK = ROOT / "examples" / "week.txt"


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    """A dietitian's folder: two people at the top, one in a subfolder, plus files that are not logs."""
    folder = tmp_path / "clients"
    (folder / "group").mkdir(parents=True)
    shutil.copy(WEEK, folder / "ann.txt")
    bob = "2026-01-01\n1 medium banana\n1 cup cooked oatmeal\nzzqx blorp\n"
    (folder / "bob.txt").write_text(bob, "utf-8")
    (folder / "group" / "cy.txt").write_text("1 cup cooked brown rice\n", "utf-8")
    (folder / "notes.md").write_text("1 cup spinach\n", "utf-8")  # not a log: ignored
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return folder


def _json(args: list[str]) -> tuple[int, dict]:
    res = runner.invoke(app, ["batch", "--format", "json", *args])
    return res.exit_code, json.loads(res.stdout)


def test_folder_gives_one_row_per_txt_log_recursively_ignoring_other_files(clients: Path) -> None:
    code, doc = _json([str(clients)])
    assert code == 0
    names = [Path(r["file"]).relative_to(clients).as_posix() for r in doc["logs"]]
    assert names == ["ann.txt", "bob.txt", "group/cy.txt"]
    assert doc["failed"] == 0


def test_rows_agree_with_check_on_the_same_log(clients: Path) -> None:
    """batch and check share scoring.check: same days, means, statuses and counts for each log."""
    _, doc = _json(["--sex", "female", "--age", "40", str(clients)])
    for row in doc["logs"]:
        result, _ = run_check([row["file"]], Profile("female", 40.0))
        assert row["days"] == sum(1 for d in result.days if d.items)
        assert row["food_lines"] == result.food_lines
        assert row["counted_lines"] == result.counted_lines
        assert row["not_counted_lines"] == result.not_counted_lines
        assert row["counted_lines"] + row["not_counted_lines"] == row["food_lines"]
        for n in ("magnesium", "vitamin_b6"):
            assert row[f"{n}_mean_mg"] == pytest.approx(result.mean[n], abs=1e-3)
            assert row[f"{n}_status"] == result.status[n]
            goal = result.targets[n].goal
            assert row[f"{n}_percent_of_goal"] == pytest.approx(100 * result.mean[n] / goal, abs=0.06)


def test_unmatched_lines_are_counted_per_row(clients: Path) -> None:
    _, doc = _json([str(clients / "bob.txt")])
    (row,) = doc["logs"]
    assert row["food_lines"] == 3 and row["not_counted_lines"] >= 1  # "zzqx blorp" matches nothing


def test_empty_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.md").write_text("no logs here", "utf-8")
    res = runner.invoke(app, ["batch", str(tmp_path / "empty")])
    assert res.exit_code == ExitCode.ERROR
    assert "no .txt logs" in res.stderr and "Traceback" not in res.output


def test_unreadable_log_is_a_row_and_the_batch_goes_on(clients: Path) -> None:
    (clients / "zed.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    code, doc = _json([str(clients), str(clients / "missing.txt")])
    assert code == ExitCode.ERROR  # reported, after every other row
    by_name = {Path(r["file"]).name: r for r in doc["logs"]}
    assert by_name["ann.txt"]["error"] is None and by_name["ann.txt"]["days"] == 7
    assert "binary" in by_name["zed.txt"]["error"] and by_name["zed.txt"]["days"] is None
    assert "no such file" in by_name["missing.txt"]["error"]
    assert doc["failed"] == 2


def test_a_file_named_twice_is_summarised_once(clients: Path) -> None:
    _, doc = _json([str(clients / "ann.txt"), str(clients)])
    assert [Path(r["file"]).name for r in doc["logs"]] == ["ann.txt", "bob.txt", "cy.txt"]


def test_csv_has_one_row_per_log_with_the_documented_columns(clients: Path) -> None:
    from mgb6.export.batch import CSV_COLUMNS

    res = runner.invoke(app, ["batch", "--format", "csv", str(clients)])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [Path(r["file"]).name for r in rows] == ["ann.txt", "bob.txt", "cy.txt"]
    assert all(r["error"] == "" for r in rows)


def test_table_names_every_log(clients: Path) -> None:
    res = runner.invoke(app, ["batch", str(clients)], env={"COLUMNS": "160"})
    assert res.exit_code == 0
    for name in ("ann.txt", "bob.txt", "cy.txt"):
        assert name in res.stdout
    assert "notes.md" not in res.stdout


def test_table_words_statuses_as_the_check_report_does(clients: Path) -> None:
    from mgb6.nutrition.targets import STATUS_TEXT

    res = runner.invoke(app, ["batch", str(clients)], env={"COLUMNS": "200"})
    words = [w for w in STATUS_TEXT.values() if w in res.stdout]
    assert words and "only if that log's days are typical" in " ".join(res.stdout.split())
    assert not [ln for ln in res.stdout.splitlines() if "/ adequate" in ln or " adequate /" in ln]


def test_installed_command_runs_a_batch(mgb6_exe: str, clients: Path) -> None:
    proc = subprocess.run([mgb6_exe, "batch", "-f", "csv", str(clients)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.strip().splitlines()) == 1 + 3


def test_a_shared_line_memo_never_mixes_up_logs(tmp_path: Path) -> None:
    """Logs sharing lines (the batch shares one parse memo) still get their own paths, lines and meals."""
    from mgb6.log.parse import LineMemo, parse_log

    memo = LineMemo()
    a = parse_log("breakfast: 1 medium banana\nzzqx blorp\n", "a.txt", memo=memo)
    b = parse_log("2026-01-02\nzzqx blorp\nlunch: 1 medium banana\n1 medium banana\n", "b.txt", memo=memo)
    assert [(e.path, e.line, e.meal) for d in a.days for e in d.entries] == [
        ("a.txt", 1, "breakfast"),
        ("a.txt", 2, "breakfast"),
    ]
    assert [(e.path, e.line, e.meal) for d in b.days for e in d.entries] == [
        ("b.txt", 2, None),
        ("b.txt", 3, "lunch"),
        ("b.txt", 4, "lunch"),
    ]
    fresh = parse_log("2026-01-02\nzzqx blorp\nlunch: 1 medium banana\n1 medium banana\n", "b.txt")
    assert fresh == b
