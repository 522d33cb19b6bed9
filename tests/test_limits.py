"""Upper limits: magnesium from supplements only, B6 from every source, EFSA and IOM by age, TGA noted."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.conftest import check_log_json
from typer.testing import CliRunner

from mgb6.cli import app
from mgb6.nutrition.limits import TGA_B6_LABEL_MG, day_limits, upper_limits
from mgb6.nutrition.targets import Profile

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def _ul(authority: str, nutrient: str, age: float, sex: str = "female") -> float:
    """The UL straight from the DRI file (the row whose age band holds ``age``)."""
    name = "dri.csv" if authority == "iom" else "dri_efsa.csv"
    for r in csv.DictReader((ROOT / "data" / name).open(encoding="utf-8")):
        if (r["nutrient"] == nutrient and r["life_stage"] == "general" and r["sex"] in ("any", sex)
                and float(r["age_min_years"]) <= age < float(r["age_below_years"])):  # fmt: skip
            return float(r["ul_mg"])
    raise AssertionError("no row")


_json = check_log_json


def test_a_food_only_day_of_600_mg_magnesium_raises_no_warning(tmp_path: Path) -> None:
    doc = _json(tmp_path, "150 g pumpkin seeds\n2 cups cooked spinach\n", "--sex", "female", "--age", "40")
    assert doc["days"][0]["totals"]["magnesium_mg"] >= 600  # the premise, from the USDA rows
    assert not [w for w in doc["warnings"] if w["nutrient"] == "magnesium"]


def test_400_mg_from_supplements_warns_whatever_the_food(tmp_path: Path) -> None:
    doc = _json(tmp_path, "magnesium citrate 400 mg\n1 apple\n", "--sex", "female", "--age", "40")
    mg = [w for w in doc["warnings"] if w["nutrient"] == "magnesium"]
    assert len(mg) == 1
    assert (
        mg[0]["kind"] == "supplement_ul"
        and mg[0]["amount"] == 400
        and mg[0]["limit"] == _ul("iom", "magnesium", 40)
    )
    assert mg[0]["source"]
    # the report still comes out whole
    assert doc["days"][0]["totals"]["magnesium_mg"] > 400 and doc["suggestions"] is not None


def test_efsa_authority_uses_its_own_magnesium_limit(tmp_path: Path) -> None:
    text = "magnesium 300 mg\n"
    assert not [w for w in _json(tmp_path, text)["warnings"] if w["nutrient"] == "magnesium"]
    doc = _json(tmp_path, text, "--authority", "efsa")
    mg = [w for w in doc["warnings"] if w["nutrient"] == "magnesium"]
    assert mg and mg[0]["limit"] == _ul("efsa", "magnesium", 35) and mg[0]["authority"] == "efsa"
    assert doc["profile"]["authority"] == "efsa" and "EFSA" in doc["targets"]["vitamin_b6"]["source"]


def test_b6_above_efsa_but_below_iom_warns_once_and_names_neuropathy(tmp_path: Path) -> None:
    doc = _json(tmp_path, "vitamin B6 25 mg\n1 banana\n", "--sex", "female", "--age", "40")
    b6 = [w for w in doc["warnings"] if w["nutrient"] == "vitamin_b6" and w["kind"] == "total_ul"]
    assert [w["authority"] for w in b6] == ["efsa"]
    assert b6[0]["limit"] == _ul("efsa", "vitamin_b6", 40) and b6[0]["amount"] > 25  # food B6 is summed in
    assert "neuropathy" in b6[0]["message"] and "magnesium" in b6[0]["message"]
    assert any(w["kind"] == "label_threshold" and w["limit"] == TGA_B6_LABEL_MG for w in doc["warnings"])


def test_b6_sums_every_product_of_the_day(tmp_path: Path) -> None:
    doc = _json(tmp_path, "magnesium 100 mg + B6 8 mg\nB6 6 mg\n", "--age", "40")
    b6 = [w for w in doc["warnings"] if w["kind"] == "total_ul"]
    assert b6 and b6[0]["amount"] == pytest.approx(14.0)  # neither product alone is above 12 mg


def test_b6_above_the_iom_limit_warns_for_both_authorities() -> None:
    limits = upper_limits(Profile("male", 40), _dri())
    ws = day_limits("d", 0.0, 150.0, 151.0, "iom", limits)
    assert {w.authority for w in ws if w.kind == "total_ul"} == {"efsa", "iom"}


@pytest.mark.parametrize("age", [2, 5, 8, 12, 16])
def test_children_get_their_own_b6_limits(age: float) -> None:
    limits = upper_limits(Profile("female", age), _dri())
    efsa_ul = _ul("efsa", "vitamin_b6", age)
    iom_ul = _ul("iom", "vitamin_b6", age)
    assert limits["efsa"]["vitamin_b6"].ul == efsa_ul and limits["iom"]["vitamin_b6"].ul == iom_ul
    below = day_limits("d", 0.0, 0.0, efsa_ul - 0.1, "iom", limits)
    above = day_limits("d", 0.0, 0.0, efsa_ul + 0.1, "iom", limits)
    assert not below and [w.authority for w in above] == ["efsa"]


def test_toddler_magnesium_limit_is_below_the_rda_and_still_supplement_only() -> None:
    limits = upper_limits(Profile(None, 2), _dri())
    t = limits["iom"]["magnesium"]
    assert t.ul is not None and t.rda is not None and t.ul < t.rda
    assert not day_limits("d", 0.0, 0.0, 0.0, "iom", limits)  # food magnesium is never compared
    assert day_limits("d", t.ul + 1, 0.0, 0.0, "iom", limits)[0].kind == "supplement_ul"


def test_infants_have_no_limits_and_no_error() -> None:
    limits = upper_limits(Profile(None, 0.3), _dri())
    assert "efsa" not in limits  # EFSA gives no values under 6 months
    # no limit to exceed: only notes that none is defined at this age (tests/test_guidance.py)
    assert {w.kind for w in day_limits("d", 50.0, 5.0, 5.0, "iom", limits)} == {"no_ul"}


def test_table_report_shows_warnings_without_blocking(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("magnesium oxide 500 mg\nvitamin B6 50 mg\n1 banana\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(log), "--no-color"])
    assert res.exit_code == 0
    assert "Upper limits" in res.stdout and "neuropathy" in res.stdout and "Per day" in res.stdout


def _dri() -> list[dict[str, str]]:
    from mgb6.foods.table import load_table

    return load_table().dri


def test_efsa_values_are_transcribed_from_the_reference(shared: Path) -> None:
    """Every EFSA number in data/dri_efsa.csv appears in the shared reference's EFSA sections."""
    ref = (shared / "reference" / "README.md").read_text(encoding="utf-8")
    rows = list(csv.DictReader((ROOT / "data" / "dri_efsa.csv").open(encoding="utf-8")))
    assert rows and all(r["authority"] == "efsa" and "EFSA" in r["source"] for r in rows)
    for r in rows:
        for col in ("rda_mg", "ai_mg", "ul_mg"):
            if r[col]:
                assert r[col] in ref, (r["nutrient"], r["age_min_years"], col, r[col])
    adult_b6 = [r for r in rows if r["nutrient"] == "vitamin_b6" and r["age_min_years"] == "18"]
    assert {r["sex"]: (r["rda_mg"], r["ul_mg"]) for r in adult_b6} == {
        "female": ("1.6", "12"),
        "male": ("1.7", "12"),
    }


def test_targets_command_switches_authority() -> None:
    res = runner.invoke(
        app, ["targets", "--authority", "efsa", "--sex", "male", "--age", "40", "--no-profile"]
    )
    assert res.exit_code == 0, res.output
    assert "EFSA" in res.stdout and "350" in res.stdout  # EFSA's adequate intake for men
    iom = runner.invoke(app, ["targets", "--sex", "male", "--age", "40", "--no-profile"])
    assert "420" in iom.stdout


def test_authority_saved_in_the_profile_sets_targets_and_limits(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "cfg"))
    assert (
        runner.invoke(
            app, ["profile", "set", "--authority", "efsa", "--sex", "female", "--age", "40"]
        ).exit_code
        == 0
    )
    doc = _json(tmp_path, "magnesium 300 mg\n")
    assert doc["profile"]["authority"] == "efsa"
    assert [w["authority"] for w in doc["warnings"] if w["nutrient"] == "magnesium"] == ["efsa"]
    assert _json(tmp_path, "magnesium 300 mg\n", "--authority", "iom")["warnings"] == []
