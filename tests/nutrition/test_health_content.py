"""Health content stays within the sources: both B6 limits named, TGA per product, age-gated advice,
honest labels and statuses, the disclaimer in JSON, and impossible suggest amounts refused."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from tests.conftest import ROOT, check_log_json, runner

from mgb6.cli import app
from mgb6.nutrition.advice import advise, situation_from
from mgb6.nutrition.limits import TGA_B6_LABEL_MG, check_limits, day_limits, upper_limits
from mgb6.nutrition.targets import (
    STATUS_BELOW_AI,
    STATUS_BELOW_PRI,
    STATUS_LIKELY,
    STATUS_POSSIBLY,
    Profile,
    status,
    targets_for,
)
from mgb6.report.render import DISCLAIMER


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader((ROOT / "data" / name).open(encoding="utf-8")))


def _ul(authority: str, nutrient: str, age: float, sex: str = "female") -> float | None:
    """The UL straight from the DRI file (None where the row has none)."""
    for r in _rows("dri.csv" if authority == "iom" else "dri_efsa.csv"):
        if (r["nutrient"] == nutrient and r["life_stage"] == "general" and r["sex"] in ("any", sex)
                and float(r["age_min_years"]) <= age < float(r["age_below_years"])):  # fmt: skip
            return float(r["ul_mg"]) if r["ul_mg"] else None
    return None


def _dri() -> list[dict[str, str]]:
    from mgb6.foods.table import load_table

    return load_table().dri


_json = check_log_json


# --- 1. the EFSA B6 warning names the IOM level for the same age -----------------------------------


@pytest.mark.parametrize("age", [2, 5, 8, 12, 16, 40])
def test_efsa_b6_warning_names_the_iom_limit_for_the_same_age(age: float) -> None:
    efsa, iom = _ul("efsa", "vitamin_b6", age), _ul("iom", "vitamin_b6", age)
    assert efsa is not None and iom is not None and efsa < iom
    ws = day_limits("d", 0.0, efsa + 1, efsa + 1, "iom", upper_limits(Profile("female", age), _dri()))
    [w] = [w for w in ws if w.kind == "total_ul"]
    assert w.authority == "efsa" and w.limit == efsa
    assert f"EFSA 2023 upper limit of {efsa:g} mg/day" in w.message
    assert f"IOM 1998 upper limit is {iom:g} mg/day" in w.message


def test_above_the_iom_b6_limit_both_warnings_remain() -> None:
    iom = _ul("iom", "vitamin_b6", 40)
    assert iom is not None
    ws = day_limits("d", 0.0, iom + 5, iom + 5, "efsa", upper_limits(Profile("male", 40), _dri()))
    assert [w.authority for w in ws if w.kind == "total_ul"] == ["efsa", "iom"]


# --- 2. TGA's 10 mg is per product -----------------------------------------------------------------


def test_tga_threshold_is_per_product_not_the_days_sum(tmp_path: Path) -> None:
    under = TGA_B6_LABEL_MG * 0.6  # two products each under 10 mg, together above it
    doc = _json(tmp_path, f"B6 {under:g} mg\nmagnesium 100 mg + B6 {under:g} mg\n", "--age", "40")
    assert not [w for w in doc["warnings"] if w["kind"] == "label_threshold"]


def test_tga_note_names_the_product_lines_above_10_mg(tmp_path: Path) -> None:
    doc = _json(tmp_path, "1 banana\npyridoxine 50 mg\nB6 5 mg\nP5P 25 mg\n", "--age", "40")
    [w] = [w for w in doc["warnings"] if w["kind"] == "label_threshold"]
    assert w["limit"] == TGA_B6_LABEL_MG and w["amount"] == 50
    assert "line 2" in w["message"] and "line 4" in w["message"] and "line 3" not in w["message"]
    assert "pyridoxine 50 mg" in w["message"]


# --- 3. advice and limits by age -------------------------------------------------------------------


def _combined(age: float | None, female: bool = True) -> set[str]:
    return {a.topic for a in advise(situation_from(True, True, [(True, True, [""])], female=female, age=age))}


TRIALS = {"mg_b6_stress", "b6_raises_cell_mg", "mg_b6_pms", "vitamin_d"}


def test_trial_based_advice_is_for_adults_only() -> None:
    for age in (0.5, 5, 12, 14, 16, 18):
        assert not TRIALS & _combined(age), age
    assert _combined(19) >= TRIALS
    assert _combined(None) >= TRIALS  # the labelled adult default


def test_premenstrual_trial_only_for_adult_females() -> None:
    assert "mg_b6_pms" in _combined(25)
    assert "mg_b6_pms" not in _combined(30, female=False)


def test_check_passes_the_age_to_the_advice(tmp_path: Path) -> None:
    doc = _json(tmp_path, "magnesium 50 mg + B6 1 mg\n", "--sex", "female", "--age", "8")
    topics = {a["topic"] for a in doc["advice"]}
    assert topics and not {"mg_b6_stress", "b6_raises_cell_mg", "mg_b6_pms"} & topics


def test_infant_supplements_say_no_upper_limit_is_defined_at_this_age() -> None:
    age = 0.25  # under 4 months: no authority sets a B6 or magnesium UL
    assert _ul("iom", "magnesium", age) is None and _ul("iom", "vitamin_b6", age) is None  # the premise
    assert _ul("efsa", "vitamin_b6", age) is None
    limits = upper_limits(Profile(None, age), _dri())
    ws = day_limits("d", 50.0, 5.0, 5.2, "iom", limits)
    notes = {w.nutrient: w for w in ws if w.kind == "no_ul"}
    assert set(notes) == {"magnesium", "vitamin_b6"} and len(ws) == 2
    for w in notes.values():
        assert w.limit is None and "no upper limit" in w.message
    assert "IOM" in notes["vitamin_b6"].message and "EFSA" in notes["vitamin_b6"].message
    # food alone raises nothing, even for an infant
    assert day_limits("d", 0.0, 0.0, 0.4, "iom", limits) == []


def test_from_4_months_infant_b6_is_held_to_the_efsa_limit_and_magnesium_still_has_none() -> None:
    for age, efsa_ul in ((0.4, 2.2), (0.7, 2.5)):
        assert _ul("efsa", "vitamin_b6", age) == efsa_ul
        ws = day_limits("d", 50.0, 5.0, 5.2, "iom", upper_limits(Profile(None, age), _dri()))
        assert {(w.nutrient, w.kind, w.limit) for w in ws} == {
            ("magnesium", "no_ul", None),
            ("vitamin_b6", "total_ul", efsa_ul),
        }


def test_infant_check_reports_no_upper_limit_in_json_and_table(tmp_path: Path) -> None:
    doc = _json(tmp_path, "magnesium 20 mg\n", "--age", "0.5")
    [w] = [w for w in doc["warnings"] if w["kind"] == "no_ul"]
    assert w["nutrient"] == "magnesium" and w["limit"] is None
    log = tmp_path / "log.txt"
    res = runner.invoke(app, ["check", str(log), "--age", "0.5", "--no-color"])
    assert res.exit_code == 0 and "no upper limit" in res.stdout


def test_check_limits_counts_each_product_once_per_day(table) -> None:
    """Two lines with the same text on one day are one product taken twice."""
    from mgb6.log.parse import parse_log
    from mgb6.nutrition.tally import check

    half = TGA_B6_LABEL_MG * 0.6
    log = parse_log(f"2026-01-05\nB6 {half:g} mg\nB6 {half:g} mg\n", "<t>")
    result = check([log], table, Profile(None, 40))
    [w] = [w for w in check_limits(result.days, result.profile, table.dri) if w.kind == "label_threshold"]
    assert w.amount == pytest.approx(2 * half)


# --- 4. labels and statuses ------------------------------------------------------------------------


@pytest.mark.parametrize(("age", "word"), [(0.5, "infant"), (5, "child"), (16, "adolescent"), (40, "adult")])
def test_profile_is_named_by_age(age: float, word: str) -> None:
    text = Profile(None, age).describe()
    assert text.startswith(word) and f"age {age:g}" in text
    assert "adult" not in text or word == "adult"


def test_pregnancy_is_not_described_as_choosing_the_higher_rda() -> None:
    assert Profile(None, 16, pregnant=True).describe() == "pregnant adolescent, age 16"
    assert Profile(None, None, lactating=True).describe().startswith("lactating adult, ")


def test_efsa_below_pri_without_an_average_requirement_is_not_called_possibly_inadequate(table) -> None:
    """Where no EFSA AR was read (1-14 y, pregnancy, lactation), the PRI is the only yardstick."""
    child, pregnant = Profile("female", 8, authority="efsa"), Profile("female", 30, True, authority="efsa")
    for profile in (child, pregnant):
        t = targets_for(profile, table.dri)
        b6, mg = t["vitamin_b6"], t["magnesium"]
        assert b6.ear is None and b6.rda is not None and "judged against the PRI" in b6.source
        assert status(b6.rda - 0.1, b6) == STATUS_BELOW_PRI != STATUS_POSSIBLY
        assert status(mg.goal - 1, mg) == STATUS_BELOW_AI


def test_efsa_adult_b6_is_judged_against_the_average_requirement(table) -> None:
    for sex, ar in (("female", 1.3), ("male", 1.5)):
        for age in (16, 40):
            b6 = targets_for(Profile(sex, age, authority="efsa"), table.dri)["vitamin_b6"]
            assert b6.ear == ar
            assert status(ar - 0.05, b6) == STATUS_LIKELY
            assert status(ar + 0.05, b6) == STATUS_POSSIBLY


def test_efsa_check_json_and_table_show_below_pri(tmp_path: Path) -> None:
    doc = _json(tmp_path, "1 apple\n", "--authority", "efsa", "--sex", "female", "--age", "8")
    assert doc["summary"]["vitamin_b6"]["status"] == "below PRI"
    log = tmp_path / "log.txt"
    res = runner.invoke(app, ["check", str(log), "--authority", "efsa", "--age", "8", "--no-color"])
    assert res.exit_code == 0 and "below PRI" in res.stdout and "possibly inadequate" not in res.stdout


def test_below_pri_has_a_colour_and_a_chart_symbol() -> None:
    from mgb6.report.styles import STYLE, SYMBOL

    assert STYLE[STATUS_BELOW_PRI] == STYLE[STATUS_BELOW_AI]
    assert SYMBOL[STATUS_BELOW_PRI] == SYMBOL[STATUS_BELOW_AI]


# --- 5. supplement arithmetic states the reference's range -----------------------------------------


def test_threonate_and_aspartate_use_the_midpoint_of_the_reference_range_and_say_so(shared: Path) -> None:
    from mgb6.log.supplements import count_doses, parse_supplement

    ref = (shared / "reference" / "README.md").read_text(encoding="utf-8")
    for form, name in (("threonate", "L-threonate"), ("aspartate", "aspartate")):
        lo, hi = map(float, re.search(rf"{name} (\d+)–(\d+)%", ref).groups())  # type: ignore[union-attr]
        doses, _ = parse_supplement(f"magnesium {form} 1000 mg (compound)")
        counted = count_doses(doses)
        assert counted.magnesium_mg == pytest.approx(1000 * (lo + hi) / 200)
        assert f"midpoint of {lo:g}–{hi:g}%" in " ".join(counted.notes)


# --- 6. README and JSON disclaimer -----------------------------------------------------------------


def test_json_document_carries_the_disclaimer_once(tmp_path: Path) -> None:
    doc = _json(tmp_path, "1 apple\nmagnesium 100 mg\n")
    assert doc["disclaimer"] == DISCLAIMER
    assert json.dumps(doc).count(DISCLAIMER) == 1


def test_batch_json_carries_the_disclaimer(tmp_path: Path) -> None:
    log = tmp_path / "a.txt"
    log.write_text("1 apple\n", encoding="utf-8")
    res = runner.invoke(app, ["batch", str(log), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["disclaimer"] == DISCLAIMER


def test_suggest_json_carries_the_disclaimer() -> None:
    res = runner.invoke(app, ["suggest", "--magnesium", "50", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["disclaimer"] == DISCLAIMER


def test_readme_makes_no_health_claim_about_oats() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "cross-contaminated" not in readme
    assert "midpoint" in readme and "below PRI" in readme and "no_ul" in readme


# --- 7. suggest refuses impossible amounts ---------------------------------------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "1e309", "-inf", "-5"])
@pytest.mark.parametrize("option", ["--magnesium", "--b6"])
def test_suggest_refuses_non_finite_or_negative_amounts(option: str, value: str) -> None:
    res = runner.invoke(app, ["suggest", f"{option}={value}"])
    assert res.exit_code == 2, res.output
    assert "finite" in res.output and ">= 0" in res.output.replace("≥", ">=")
    assert "Traceback" not in res.output


# --- 7. what a status can say: days, AI goals, intake is not status ----------------------------------


@pytest.mark.parametrize("days", [1, 2, 7])
def test_every_log_says_how_far_its_days_carry_the_conclusion(tmp_path: Path, days: int) -> None:
    day = "1 cup cooked spinach\n3 oz roasted chicken breast\n"
    text = "".join(f"2026-11-{10 + d}\n{day}" for d in range(days))
    doc = _json(tmp_path, text, "--sex", "female", "--age", "40")
    notes = " ".join(doc["summary"]["notes"])
    assert "only if" in notes and "typical" in notes and "(IOM 2000)" in notes
    assert ("say little" in notes or "says little" in notes) == (days < 3)
    assert "does not measure your body's magnesium" in notes
    for n in ("magnesium", "vitamin_b6"):  # the status codes stay; the words say what they mean
        s = doc["summary"][n]
        assert s["meaning"] == {"adequate": "inadequacy unlikely"}.get(s["status"], s["meaning"])
    log = tmp_path / "log.txt"
    res = runner.invoke(app, ["check", str(log), "--sex", "female", "--age", "40", "--no-color"],
                        env={"COLUMNS": "200"})  # fmt: skip
    rows = [ln.strip() for ln in res.stdout.splitlines()]
    rows = [r for r in rows if r.startswith(("Magnesium ", "Vitamin B6 "))]
    rows = [r for r in rows if r.endswith(("unlikely", "inadequate", "adequate", "PRI", "goal)"))]
    assert len(rows) == 2 and not [r for r in rows if r.endswith(" adequate")], rows
    assert "only if" in res.stdout


def test_a_shortfall_from_an_adequate_intake_is_called_a_goal(tmp_path: Path) -> None:
    doc = _json(tmp_path, "1 apple\n", "--age", "0.8")
    assert doc["summary"]["magnesium"]["status"] == "below AI"
    assert doc["summary"]["magnesium"]["meaning"] == "below AI (a goal)"
    assert any("not evidence of inadequacy" in n for n in doc["summary"]["notes"])
    adult = _json(tmp_path, "1 apple\n", "--sex", "female", "--age", "40")
    assert not any("not evidence of inadequacy" in n for n in adult["summary"]["notes"])
