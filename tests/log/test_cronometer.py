"""Cronometer servings exports: amounts translated, a log mgb6 parses cleanly, checked directly, compared."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, runner

from mgb6.api import parse_files, run_check
from mgb6.cli import app
from mgb6.errors import InputError
from mgb6.log.cronometer import (
    amount_to_log,
    import_servings,
    import_summary,
    looks_like_cronometer,
    read_cronometer,
    to_log,
)
from mgb6.log.parse import parse_log
from mgb6.nutrition.targets import Profile

EXCERPTS = sorted(FIXTURES.glob("cronometer_*_excerpt.csv"))
RAW = ("davidgma_servings.csv", "dhjelmar_servings.csv")


@pytest.fixture(autouse=True)
def _no_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "cfg"))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(
    "amount, expected",
    [
        ("600.00 g", (600.0, "g")),
        ("4.00 medium", (4.0, "medium")),
        ("1.00 cup, chopped", (1.0, "cup")),
        ('1.00 large - 8 1/4" long', (1.0, "large")),
        ('1.00 whole - 3 1/2" diameter', (1.0, "each")),
        ("2.00 x 0.25 Cup", (0.5, "cup")),
        ("4.00 x 4.0 oz", (16.0, "oz")),
        ("1.00 shake (11 fl oz)", (11.0, "fl oz")),
        ("2.00 container - each 5.3 oz", (10.6, "oz")),
        ("1.00 170g container", (170.0, "g")),
        ("3.00 Serving (2 tbsp)", (6.0, "tbsp")),
        ("1.00 burger", (1.0, "")),
        ("0.50 full recipe", (0.5, "")),
        ("2 mL", (2.0, "ml")),
        # how it was, then the count noun: the count noun stays the unit (it was a bare 7.5)
        ("2.50 x 3.0 cooked links", (7.5, "link")),
        ("2.00 large slices", (2.0, "slice")),
    ],
)
def test_cronometer_amounts_become_log_amounts(amount: str, expected: tuple[float, str]) -> None:
    got = amount_to_log(amount)
    assert got is not None
    assert got[0] == pytest.approx(expected[0]) and got[1] == expected[1]


def test_unreadable_amount_is_none() -> None:
    assert amount_to_log("some") is None


@pytest.mark.parametrize("path", EXCERPTS, ids=lambda p: p.name)
def test_excerpt_imports_every_serving_under_its_date(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert looks_like_cronometer(text)
    export = read_cronometer(text, str(path))
    rows = _rows(path)
    assert len(export.servings) == len(rows)
    converted = to_log(export)
    parsed = parse_log(converted.text, str(path))
    assert parsed.problems == []
    nonzero = [r for r in rows if (amount_to_log(r["Amount"]) or (1, ""))[0] != 0]
    assert converted.servings == len(nonzero) == sum(len(b.entries) for b in parsed.days)
    assert {b.date.isoformat() for b in parsed.days if b.date} == {r["Day"] for r in nonzero}
    for block in parsed.days:
        for e in block.entries:
            row = rows[converted.source_lines[e.line - 1] - 2]  # CSV line 2 is the first row
            assert row["Day"] == block.date.isoformat()
            assert " ".join(row["Food Name"].split()).lower() in e.food_text.lower()


def test_plain_logs_are_not_taken_for_exports() -> None:
    assert not looks_like_cronometer("2026-11-20\n1 cup spinach\n")
    assert not looks_like_cronometer("Day,Food Name,Amount\n")


def test_check_reads_an_export_directly_with_csv_line_numbers() -> None:
    path = FIXTURES / "cronometer_dhjelmar_excerpt.csv"
    logs, _ = parse_files([str(path)])
    lines = [e.line for b in logs[0].days for e in b.entries]
    assert min(lines) == 2 and max(lines) == len(_rows(path)) + 1
    result, _ = run_check([str(path)], Profile())
    assert [d.date.isoformat() for d in result.days] == sorted({r["Day"] for r in _rows(path)})
    assert result.food_lines == len(_rows(path))


def test_compare_puts_cronometers_values_beside_mgb6s() -> None:
    path = FIXTURES / "cronometer_davidgma_excerpt.csv"
    r = runner.invoke(app, ["check", str(path), "--compare"], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.stderr
    assert "mgb6 vs Cronometer" in r.stdout
    result, _ = run_check([str(path)], Profile())
    rows = {int(k): v for k, v in enumerate(_rows(path), start=2)}
    counted = [i.line for i in result.items]
    cron_mg = sum(float(rows[n]["Magnesium (mg)"] or 0) for n in counted)
    section = r.stdout.split("mgb6 vs Cronometer", 1)[1]
    day = next(ln for ln in section.splitlines() if ln.strip().startswith(rows[2]["Day"]))
    assert f"{cron_mg:.0f}" in day.split()
    nonzero = [r for r in rows.values() if (amount_to_log(r["Amount"]) or (1, ""))[0] != 0]
    assert f"{len(counted)}/{len(nonzero)}" in day.split()


def test_compare_needs_an_export(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("100 g spinach\n")
    r = runner.invoke(app, ["check", str(log), "--compare"])
    assert r.exit_code == 1 and "Cronometer" in r.stderr


def test_import_command_writes_a_log_file(tmp_path: Path) -> None:
    out = tmp_path / "meals.txt"
    src = FIXTURES / "cronometer_dhjelmar_excerpt.csv"
    r = runner.invoke(app, ["import", "cronometer", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and "Imported" in r.stderr
    expected = to_log(read_cronometer(src.read_text(encoding="utf-8"), str(src))).text
    assert out.read_text(encoding="utf-8") == expected
    r = runner.invoke(app, ["import", "cronometer", str(src), "--quiet"])
    assert r.exit_code == 0 and r.stdout.startswith("# Imported") and r.stderr == ""


def test_import_refuses_other_files(tmp_path: Path) -> None:
    other = tmp_path / "x.csv"
    other.write_text("a,b\n1,2\n")
    r = runner.invoke(app, ["import", "cronometer", str(other)])
    assert r.exit_code == 1 and "not a Cronometer servings export" in r.stderr


@pytest.mark.parametrize("name", RAW)
def test_real_export_imports_to_a_log_mgb6_checks_with_zero_parse_errors(
    shared: Path, tmp_path: Path, name: str
) -> None:
    src = shared / "bench" / "cronometer" / "raw" / name
    out = tmp_path / "meals.txt"
    r = runner.invoke(app, ["import", "cronometer", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    parsed = parse_log(out.read_text(encoding="utf-8"), str(out))
    assert parsed.problems == []
    rows = _rows(src)
    assert sum(len(b.entries) for b in parsed.days) == parsed.food_lines
    assert parsed.food_lines == sum(1 for r in rows if (amount_to_log(r["Amount"]) or (1, ""))[0] != 0)
    result, _ = run_check([str(out)], Profile())
    parse_kinds = {"unreadable", "bad-date"}
    assert [p for p in result.problems if p.kind in parse_kinds] == []
    assert {d.date.isoformat() for d in result.days} == {r["Day"] for r in rows}
    # checking the export directly gives the same totals as checking the imported log
    direct, _ = run_check([str(src)], Profile())
    assert [d.totals for d in direct.days] == [d.totals for d in result.days]


def test_installed_command_imports_then_checks_and_saves_a_report(mgb6_exe: str, tmp_path: Path) -> None:
    import os
    import subprocess

    env = {**os.environ, "MGB6_CONFIG_DIR": str(tmp_path / "cfg"), "COLUMNS": "100"}
    log, svg = tmp_path / "meals.txt", tmp_path / "r.svg"
    src = FIXTURES / "cronometer_davidgma_excerpt.csv"
    run = subprocess.run([mgb6_exe, "import", "cronometer", str(src), "-o", str(log)], env=env,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr
    run = subprocess.run([mgb6_exe, "check", str(log), "--report", str(svg)], env=env,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Per day" in run.stdout and svg.read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_rows_without_a_date_do_not_join_another_day() -> None:
    header = "Day,Group,Food Name,Amount,Magnesium (mg),B6 (Pyridoxine) (mg)\n"
    text = header + '2022-11-03,Lunch,"Spinach, raw","100.00 g",79,0.2\n'
    text += 'someday,Lunch,"Kale, raw","50.00 g",,\n'
    parsed = parse_log(to_log(read_cronometer(text)).text)
    assert parsed.problems == []
    by_date = {b.date: [e.food_text for e in b.entries] for b in parsed.days}
    assert by_date[None] == ["Kale, raw"] and by_date[date(2022, 11, 3)] == ["Spinach, raw"]


def test_import_servings_refuses_a_csv_that_is_not_a_servings_export() -> None:
    with pytest.raises(InputError, match=r"^x\.csv: not a Cronometer servings export"):
        import_servings("a,b\n1,2\n", "x.csv")


def test_import_summary_names_every_row_left_out() -> None:
    header = "Day,Group,Food Name,Amount,Magnesium (mg),B6 (Pyridoxine) (mg)\n"
    text = header + '2022-11-03,Lunch,"Spinach, raw","100.00 g",79,0.2\n'
    text += '2022-11-03,Lunch,"Kale, raw","0.00 g",,\n2022-11-03,Lunch,,"1.00 g",,\n'
    export, converted = import_servings(text, "s.csv")
    assert converted.text == to_log(read_cronometer(text, "s.csv")).text
    assert import_summary(export, converted, "[m].txt") == (
        "Imported 1 servings to [m].txt; 1 zero-amount servings left out; 1 rows without a food name skipped"
    )
    assert import_summary(export, converted).startswith("Imported 1 servings; 1 zero-amount")
