"""Upper limits: magnesium from supplements only, B6 from every source, EFSA and IOM by age, TGA noted."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from tests.conftest import ROOT, check_log_json, runner

from mgb6.cli import app
from mgb6.nutrition.limits import TGA_B6_LABEL_MG, day_limits, upper_limits
from mgb6.nutrition.targets import Profile


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


def _efsa(nutrient: str, stage: str, age: float, sex: str) -> dict[str, str]:
    rows = [
        r for r in csv.DictReader((ROOT / "data" / "dri_efsa.csv").open(encoding="utf-8"))
        if r["nutrient"] == nutrient and r["life_stage"] == stage and r["sex"] in ("any", sex)
        and float(r["age_min_years"]) <= age < float(r["age_below_years"])
    ]  # fmt: skip
    assert len(rows) == 1, (nutrient, stage, age, sex, rows)
    return rows[0]


def _ref_number(ref: str, pattern: str) -> str:
    m = re.search(pattern, ref)
    assert m, pattern
    return m.group(1)


def test_efsa_values_are_transcribed_from_the_reference(shared: Path) -> None:
    """Each EFSA number is read from the sentence of the shared reference that states it, row by row."""
    ref = " ".join((shared / "reference" / "README.md").read_text(encoding="utf-8").split())
    rows = list(csv.DictReader((ROOT / "data" / "dri_efsa.csv").open(encoding="utf-8")))
    assert rows and all(r["authority"] == "efsa" and "EFSA" in r["source"] for r in rows)
    uls = re.search(
        r"children 1–3 y (\d+\.\d), 4–6 y (\d+\.\d), 7–10 y (\d+\.\d), 11–14 y (\d+\.\d), "
        r"15–17 y (\d+\.\d)",
        ref,
    )
    assert uls
    b6_ul = {
        (0.4, "any"): _ref_number(ref, r"infants 4–6 mo (\d+\.\d)"),
        (0.8, "any"): _ref_number(ref, r"7–11 mo (\d+\.\d) \(the abstract"),
        **{
            (age, sex): uls.group(i + 1)
            for i, (age, sex) in enumerate([(2, "any"), (5, "any"), (8, "any"), (12, "any"), (16, "female")])
        },
        (40, "female"): _ref_number(ref, r"(\d+) mg/day total for adults \(18 y and over\)"),
    }
    for (age, sex), value in b6_ul.items():
        assert _efsa("vitamin_b6", "general", age, sex)["ul_mg"] == value, age
    # a pregnant or lactating adolescent takes her age's UL (8.6 at 14, 10.7 at 15-17), not the adult 12
    for stage in ("pregnancy", "lactation"):
        assert _efsa("vitamin_b6", stage, 14, "female")["ul_mg"] == _ref_number(ref, r"\((\d+\.\d) at 14")
        assert _efsa("vitamin_b6", stage, 16, "female")["ul_mg"] == _ref_number(ref, r"(\d+\.\d) at 15–17\)")
        assert _efsa("vitamin_b6", stage, 30, "female")["ul_mg"] == b6_ul[40, "female"]
        assert _efsa("vitamin_b6", stage, 30, "female")["ear_mg"] == ""  # AR not read: judged on the PRI
    # B6 average requirements: only those read from the source (adults, 15-17 y), none for 1-14 y
    women = _ref_number(ref, r'cannot be derived"\): women (\d\.\d)')
    men = _ref_number(ref, r"women \d\.\d, men (\d\.\d) mg/day; children 15–17")
    for age in (16, 40):
        assert _efsa("vitamin_b6", "general", age, "female")["ear_mg"] == women
        assert _efsa("vitamin_b6", "general", age, "male")["ear_mg"] == men
    for age in (2, 5, 8, 12):
        assert _efsa("vitamin_b6", "general", age, "any")["ear_mg"] == ""
    # PRIs and adequate intakes
    pris = re.search(
        r"AI 0\.3; 1–3 y (\d\.\d), 4–6 y (\d\.\d), 7–10 y (\d\.\d), 11–14 y (\d\.\d), "
        r"15–17 y boys (\d\.\d), girls (\d\.\d)",
        ref,
    )
    assert pris
    pri = {
        (40, "female"): _ref_number(ref, r"reference intake \(EFSA Journal 2016, 4485\): women (\d\.\d)"),
        (40, "male"): _ref_number(ref, r"women \d\.\d, men (\d\.\d), pregnancy"),
        **{
            (age, sex): pris.group(i + 1)
            for i, (age, sex) in enumerate(
                [(2, "any"), (5, "any"), (8, "any"), (12, "any"), (16, "male"), (16, "female")]
            )
        },
    }
    for (age, sex), value in pri.items():
        assert _efsa("vitamin_b6", "general", age, sex)["rda_mg"] == value, (age, sex)
    for stage, pattern in (("pregnancy", r"pregnancy (\d\.\d), lactation"),
                           ("lactation", r"lactation (\d\.\d) mg/day; infants")):  # fmt: skip
        assert _efsa("vitamin_b6", stage, 30, "female")["rda_mg"] == _ref_number(ref, pattern)
    infant_ai = _ref_number(ref, r"infants 7–11 mo AI (\d\.\d)")
    assert _efsa("vitamin_b6", "general", 0.8, "any")["ai_mg"] == infant_ai
    mg_ai = {
        (40, "male"): _ref_number(ref, r"adequate intake: men (\d+)"),
        (40, "female"): _ref_number(ref, r"men \d+, women (\d+) mg/day"),
        (0.8, "any"): _ref_number(ref, r"children 7–11 mo (\d+)"),
        (2, "any"): _ref_number(ref, r"1–<3 y (\d+)"),
        (5, "any"): _ref_number(ref, r"3–<10 y (\d+)"),
        (12, "male"): _ref_number(ref, r"10–<18 y boys (\d+)"),
        (12, "female"): _ref_number(ref, r"boys \d+, girls (\d+)"),
    }
    for (age, sex), value in mg_ai.items():
        assert _efsa("magnesium", "general", age, sex)["ai_mg"] == value, (age, sex)
    mg_ul = _ref_number(ref, r"EFSA's UL is (\d+) mg/day")
    assert {r["ul_mg"] for r in rows if r["nutrient"] == "magnesium" and r["ul_mg"]} == {mg_ul}
    assert min(float(r["age_min_years"]) for r in rows if r["nutrient"] == "magnesium" and r["ul_mg"]) == 4
    # no EFSA B6 UL under 4 months, no EFSA value of any kind under 4 months
    assert min(float(r["age_min_years"]) for r in rows) == pytest.approx(4 / 12, abs=0.01)


def test_a_pregnant_15_year_old_taking_11_mg_of_b6_gets_the_efsa_warning_of_her_age(tmp_path: Path) -> None:
    for stage in ("--pregnant", "--lactating"):
        doc = _json(tmp_path, "vitamin B6 11 mg\n", "--sex", "female", "--age", "15", stage)
        efsa = [w for w in doc["warnings"] if w["kind"] == "total_ul" and w["authority"] == "efsa"]
        assert efsa and efsa[0]["limit"] == 10.7


@pytest.mark.parametrize(("age", "limit"), [(0.4, 2.2), (0.75, 2.5)])
def test_an_infant_taking_3_mg_of_b6_is_above_the_efsa_infant_limit(
    tmp_path: Path, age: float, limit: float
) -> None:
    doc = _json(tmp_path, "vitamin B6 3 mg\n", "--age", str(age))
    b6 = [w for w in doc["warnings"] if w["nutrient"] == "vitamin_b6"]
    assert [(w["kind"], w["authority"], w["limit"]) for w in b6 if w["kind"] != "label_threshold"] == [
        ("total_ul", "efsa", limit)
    ]
    assert "no upper limit" not in " ".join(w["message"] for w in b6)
    assert "the IOM sets no B6 upper limit at this age" in b6[0]["message"]


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
