"""Supplement lines: the recognition table, elemental vs compound readings, and their place in the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgb6.cli import app
from mgb6.log.parse import parse_entry
from mgb6.log.supplements import ELEMENTAL_FRACTION, count_doses, parse_supplement

runner = CliRunner()

# line -> (magnesium mg as written, B6 mg, magnesium form)
TABLE = [
    ("magnesium 200 mg", 200, None, ""),
    ("magnesium glycinate 400 mg", 400, None, "glycinate"),
    ("Mg citrate 2 caps 150 mg each", 300, None, "citrate"),
    ("magnesium citrate 150 mg x2", 300, None, "citrate"),
    ("vitamin B6 25 mg", None, 25, ""),
    ("B6 10mg", None, 10, ""),
    ("pyridoxine 50 mg", None, 50, ""),
    ("P5P 25 mg", None, 25, ""),
    ("magnesium 100 mg + B6 5 mg", 100, 5, ""),
    ("magnesium 250mg, b6 10mg", 250, 10, ""),
    ("mag glycinate 200mg", 200, None, "glycinate"),
    ("vitamin b6 500 mcg", None, 0.5, ""),
]


@pytest.mark.parametrize(("line", "mg", "b6", "form"), TABLE)
def test_supplement_recognition_table(line: str, mg: float | None, b6: float | None, form: str) -> None:
    entry = parse_entry(line)
    assert entry.supplement is not None, "read as a supplement, not a food"
    doses, problem = parse_supplement(line)
    assert problem is None
    got = {d.nutrient: d for d in doses}
    assert (got["magnesium"].mg if "magnesium" in got else None) == mg
    if b6 is None:
        assert "vitamin_b6" not in got
    else:
        assert got["vitamin_b6"].mg == pytest.approx(b6)
    if mg:
        assert got["magnesium"].form == form


@pytest.mark.parametrize("line", ["multivitamin", "Multi-vitamin 1 tablet", "B complex"])
def test_multivitamins_ask_for_label_amounts_instead_of_guessing(line: str) -> None:
    doses, problem = parse_supplement(line)
    assert doses == () and problem and "label" in problem


def test_amounts_are_elemental_by_default() -> None:
    doses, _ = parse_supplement("magnesium glycinate 400 mg")
    c = count_doses(doses)
    assert c.magnesium_mg == 400 and c.reading == "elemental"


@pytest.mark.parametrize("form", sorted(ELEMENTAL_FRACTION))
def test_compound_weights_use_the_reference_fraction(form: str) -> None:
    doses, _ = parse_supplement(f"magnesium {form} 500 mg")
    c = count_doses(doses, compound_weights=True)
    assert c.magnesium_mg == pytest.approx(500 * ELEMENTAL_FRACTION[form]) and c.reading == "compound"


def test_reference_fractions_are_copied_from_the_shared_reference(shared: Path) -> None:
    text = (shared / "reference" / "README.md").read_text(encoding="utf-8")
    for form, pct in (("oxide", 60), ("citrate", 16), ("chloride", 12), ("malate", 15), ("taurate", 9)):
        assert f"{form} {pct}%" in text
        assert ELEMENTAL_FRACTION[form] == pct / 100


def test_per_line_markers_override_the_option() -> None:
    compound, _ = parse_supplement("magnesium oxide 500 mg (compound)")
    assert count_doses(compound).magnesium_mg == pytest.approx(500 * ELEMENTAL_FRACTION["oxide"])
    elemental, _ = parse_supplement("magnesium oxide 500 mg (elemental)")
    assert count_doses(elemental, compound_weights=True).magnesium_mg == 500


def test_compound_weight_without_a_form_is_counted_as_written_and_said() -> None:
    doses, _ = parse_supplement("magnesium 200 mg (compound)")
    c = count_doses(doses)
    assert c.magnesium_mg == 200 and "no form named" in c.notes[0]


def test_supplements_count_in_totals_and_show_apart_from_food(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("2026-11-20\n1 medium banana\nmagnesium citrate 200 mg\nB6 10 mg\n", encoding="utf-8")
    plain = json.loads(runner.invoke(app, ["check", str(log), "-f", "json"]).stdout)
    day = plain["days"][0]
    food = plain["supplements"]["per_day"][0]["food"]
    supp = plain["supplements"]["per_day"][0]["supplements"]
    assert supp["magnesium_mg"] == 200 and supp["vitamin_b6_mg"] == 10
    assert day["totals"]["magnesium_mg"] == pytest.approx(food["magnesium_mg"] + 200, abs=0.01)
    assert plain["supplements"]["reading"] == "elemental"
    assert [i["reading"] for i in plain["supplements"]["items"]] == ["elemental", None]
    compound = json.loads(runner.invoke(app, ["check", str(log), "-f", "json", "--compound-weights"]).stdout)
    assert compound["supplements"]["per_day"][0]["supplements"]["magnesium_mg"] == pytest.approx(
        200 * ELEMENTAL_FRACTION["citrate"]
    )
    assert compound["supplements"]["reading"] == "compound"
    table = runner.invoke(app, ["check", str(log), "--no-color"]).stdout
    assert "Supplements" in table and "read as elemental" in table
