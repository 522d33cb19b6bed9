"""Supplement lines: the recognition table, elemental vs compound readings, and their place in the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import runner

from mgb6.cli import app
from mgb6.log.parse import parse_entry
from mgb6.log.supplements import ELEMENTAL_FRACTION, count_doses, parse_supplement

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


def test_every_elemental_fraction_is_the_reference_figure(shared: Path) -> None:
    text = " ".join((shared / "reference" / "README.md").read_text(encoding="utf-8").split())
    arithmetic = text.split("## Supplement arithmetic", 1)[1].split("## ", 1)[0]
    for form, fraction in ELEMENTAL_FRACTION.items():
        if form in ("threonate", "aspartate"):  # a range: the midpoint (tests/test_guidance.py)
            continue
        name = "glycinate/bisglycinate" if form in ("glycinate", "bisglycinate") else form
        written = "about 7" if form == "orotate" else f"{100 * fraction:g}"
        medicine = f"{name} (milk of magnesia, antacids) {written}%"
        assert f"{name} {written}%" in arithmetic or medicine in arithmetic, form


@pytest.mark.parametrize(
    ("line", "counted"),
    [
        ("magnesium L-threonate 2000mg", 150),  # 2,000 mg elemental would take 27 g of the salt
        ("magnesium gluconate 500 mg", 29.5),
        ("mag orotate 1000 mg", 70),
    ],
)
def test_an_amount_implausible_as_elemental_for_its_form_is_read_as_the_salt_and_said(
    line: str, counted: float
) -> None:
    c = count_doses(parse_supplement(line)[0])
    assert c.magnesium_mg == pytest.approx(counted) and c.reading == "compound"
    assert "'(elemental)'" in c.notes[0]  # how to read it the other way
    marked = count_doses(parse_supplement(line + " (elemental)")[0])
    assert marked.reading == "elemental" and marked.magnesium_mg > counted


@pytest.mark.parametrize(
    ("line", "other"), [("magnesium oxide 400 mg", "240 mg"), ("magnesium carbonate 500 mg", "144 mg")]
)
def test_a_named_form_read_as_elemental_names_the_other_reading_and_the_marker(line: str, other: str) -> None:
    c = count_doses(parse_supplement(line)[0])
    assert c.reading == "elemental" and other in c.notes[0] and "'(compound)'" in c.notes[0]


def test_milk_of_magnesia_is_a_magnesium_medicine_read_as_the_hydroxide_on_its_label() -> None:
    doses, problem = parse_supplement("milk of magnesia 1200 mg")
    assert problem is None and doses[0].form == "hydroxide"
    c = count_doses(doses)
    assert c.magnesium_mg == pytest.approx(1200 * 0.417) and c.reading == "compound"
    assert "milk of magnesia" in c.notes[0]
    # by volume the strength differs by product: not counted, and the line says what to write
    entry = parse_entry("milk of magnesia 30 ml")
    assert entry.supplement == () and "mg of magnesium hydroxide" in (entry.supplement_problem or "")


def test_antacids_and_laxatives_count_towards_the_magnesium_upper_limit(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("1 apple\nmilk of magnesia 1200 mg\nEpsom salt 5 g\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(log), "--format", "json", "--sex", "female", "--age", "40"])
    doc = json.loads(res.stdout)
    assert [i["magnesium_mg"] for i in doc["supplements"]["items"]] == pytest.approx([500.4, 500])
    [w] = [w for w in doc["warnings"] if w["nutrient"] == "magnesium"]
    assert w["kind"] == "supplement_ul" and w["amount"] == pytest.approx(1000.4)


def test_the_table_report_shows_how_a_named_form_was_read(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("1 apple\nmagnesium L-threonate 2000mg\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(log), "--no-color"], env={"COLUMNS": "120"})
    assert res.exit_code == 0
    assert "= 150 mg" in res.stdout and "(elemental)" in res.stdout
