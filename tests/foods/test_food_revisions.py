"""USDA's May 2016 SR28 revisions are applied over the September 2015 extract, and only there."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.conftest import ROOT


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_revised_value_is_in_the_food_table_with_its_source() -> None:
    foods = {r["id"]: r for r in _rows(ROOT / "data" / "foods.csv")}
    revisions = _rows(ROOT / "data" / "sr28_revisions_2016.csv")
    assert revisions and all("May 2016" in r["source"] and r["usda_nutr_no"] for r in revisions)
    for r in revisions:
        assert float(foods[r["id"]][r["column"]]) == float(r["value"]), r
    # the two examples the fact-check named: fortified baby cereal B6 up to 6x, "Bread, wheat" Mg 45 -> 41
    assert foods["sr28:03185"]["vitamin_b6_mg_per_100g"] == "1.166"
    assert foods["sr28:18064"]["description"] == "Bread, wheat"
    assert foods["sr28:18064"]["magnesium_mg_per_100g"] == "41"


def test_only_the_revised_foods_differ_from_the_2015_extract(shared: Path) -> None:
    revised = {(r["id"], r["column"]) for r in _rows(ROOT / "data" / "sr28_revisions_2016.csv")}
    foods = {r["id"]: r for r in _rows(ROOT / "data" / "foods.csv")}
    mg_b6: set[str] = set()
    for r in _rows(shared / "data" / "usda" / "foods.csv"):
        fid = f"sr28:{r['source_id']}"
        for col in ("magnesium_mg_per_100g", "vitamin_b6_mg_per_100g", "energy_kcal_per_100g"):
            if foods[fid][col] != r[col]:
                assert (fid, col) in revised, (fid, col)
                if col != "energy_kcal_per_100g":
                    mg_b6.add(fid)
    assert len(mg_b6) == 17  # the 17 foods whose magnesium or B6 USDA revised
