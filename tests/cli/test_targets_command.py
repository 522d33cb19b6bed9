"""`mgb6 targets`: EAR, RDA/AI and UL for each life stage, straight from data/dri.csv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.conftest import ROOT, runner

from mgb6.cli import app

DRI = list(csv.DictReader((ROOT / "data" / "dri.csv").open(encoding="utf-8")))


def _row(nutrient: str, stage: str, sex: str, age: float) -> dict[str, str]:
    rows = [
        r for r in DRI
        if r["authority"] == "iom" and r["nutrient"] == nutrient and r["life_stage"] == stage
        and float(r["age_min_years"]) <= age < float(r["age_below_years"]) and r["sex"] in (sex, "any")
    ]  # fmt: skip
    assert len(rows) == 1
    return rows[0]


def _cells(value: str) -> str:
    return "-" if not value else f"{float(value):g}"


@pytest.fixture(autouse=True)
def _no_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "cfg"))


@pytest.mark.parametrize(
    "args, stage, sex, age",
    [
        (["--sex", "female", "--age", "34"], "general", "female", 34),
        (["--sex", "male", "--age", "70"], "general", "male", 70),
        (["--sex", "female", "--age", "16"], "general", "female", 16),
        (["--age", "5"], "general", "any", 5),
        (["--age", "0.3"], "general", "any", 0.3),
        (["--sex", "female", "--age", "30", "--pregnant"], "pregnancy", "female", 30),
        (["--sex", "female", "--age", "17", "--lactating"], "lactation", "female", 17),
    ],
)
def test_targets_shows_the_dri_row_of_each_life_stage(
    args: list[str], stage: str, sex: str, age: float
) -> None:
    r = runner.invoke(app, ["targets", *args], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    for nutrient, label in (("magnesium", "Magnesium"), ("vitamin_b6", "Vitamin B6")):
        row = _row(nutrient, stage, sex, age)
        line = next(ln for ln in r.stdout.splitlines() if ln.strip().startswith(label))
        goal = _cells(row["rda_mg"]) if row["rda_mg"] else f"{_cells(row['ai_mg'])} (AI)"
        ul = _cells(row["ul_mg"]) if row["ul_mg"] else "none set"
        expected = [_cells(row["ear_mg"]), goal, ul]
        assert " ".join(expected) in " ".join(line.split()), line
        if row["ul_applies_to"]:
            assert row["ul_applies_to"] in " ".join(r.stdout.split())
        assert row["source"] in " ".join(r.stdout.split())


def test_targets_without_options_says_it_uses_the_default() -> None:
    r = runner.invoke(app, ["targets"], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "Targets from default" in r.stdout


def test_targets_rejects_impossible_profiles() -> None:
    r = runner.invoke(app, ["targets", "--sex", "male", "--pregnant"])
    assert r.exit_code == 2 and r.stderr.startswith("Error:")


def test_infant_life_stage_is_labelled_in_months() -> None:
    r = runner.invoke(app, ["targets", "--age", "0.7"], env={"COLUMNS": "200"})
    assert "7-12 months" in r.stdout
