"""`mgb6 check` says how many lines rest on an assumed amount; --strict-amounts refuses them instead."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.conftest import runner, write_log

from mgb6.cli import app

LOG = "2026-11-20\na glass of milk\n1 cup cooked spinach\nbanana\n"


def _check(tmp_path: Path, *args: str) -> tuple[int, str]:
    res = runner.invoke(app, ["check", str(write_log(tmp_path, LOG)), "--no-profile", *args])
    return res.exit_code, res.stdout


def test_the_report_says_how_many_lines_rest_on_an_assumed_amount(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "--no-color")
    assert code == 0, out
    flat = " ".join(out.split())
    assert "Totals cover 3 of 3 food lines" in flat
    assert "2 counted lines rest on an assumed amount" in flat


def test_json_and_csv_mark_the_items_whose_amount_was_assumed(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "--format", "json")
    assert code == 0, out
    doc = json.loads(out)
    items = {i["text"]: i for d in doc["days"] for i in d["items"]}
    assert items["a glass of milk"]["amount_assumed"] is True
    assert items["1 cup cooked spinach"]["amount_assumed"] is False
    assert any("USDA's usual portion" in n for n in items["a glass of milk"]["notes"])
    assert doc["coverage"]["assumed_amount_lines"] == 2
    code, out = _check(tmp_path, "--format", "csv")
    assert code == 0, out
    rows = {r["text"]: r for r in csv.DictReader(out.splitlines())}
    assert rows["banana"]["amount_assumed"] == "yes"
    assert rows["1 cup cooked spinach"]["amount_assumed"] == "no"


def test_strict_amounts_lists_assumed_lines_as_not_counted_with_the_reason(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "--format", "json", "--strict-amounts")
    assert code == 0, out
    doc = json.loads(out)
    assert doc["coverage"]["counted_lines"] == 1 and doc["coverage"]["not_counted_lines"] == 2
    refused = {u["text"]: u for u in doc["unmatched"]}
    assert set(refused) == {"a glass of milk", "banana"}
    assert all("--strict-amounts" in u["reason"] and u["kind"] == "unresolved" for u in refused.values())
    assert refused["a glass of milk"]["line"] == 2
