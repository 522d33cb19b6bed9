"""Advice is chosen by the situation, every line carries a grade and a source from the shared reference."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.conftest import runner

from mgb6.cli import app
from mgb6.nutrition.advice import Situation, advise, situation_from
from mgb6.report.render import DISCLAIMER


def topics(s: Situation) -> set[str]:
    return {a.topic for a in advise(s)}


def test_both_low_suggests_foods_rich_in_both_and_labels_the_supplement_claim_low() -> None:
    out = {a.topic: a for a in advise(Situation(magnesium_low=True, b6_low=True))}
    assert "food_pairing" in out and out["food_pairing"].grade == "sound on nutrition alone"
    assert out["mg_b6_stress"].grade == "low" and "Pouteau" in out["mg_b6_stress"].source
    grade = out["vitamin_d"].grade
    assert grade.startswith("mechanism: established") and grade.endswith(": low")


def test_nothing_low_and_no_supplements_gives_no_advice() -> None:
    assert advise(Situation(magnesium_low=False, b6_low=False)) == []


def test_only_b6_low_does_not_talk_about_vitamin_d_or_pairing() -> None:
    assert topics(Situation(magnesium_low=False, b6_low=True)) == set()


def test_magnesium_supplements_bring_absorption_and_timing_notes() -> None:
    t = topics(situation_from(False, False, [(True, False, ["oxide"])]))
    assert {"supplement_form", "timing", "absorption", "mg_b6_stress"} <= t
    form = next(a for a in advise(situation_from(False, False, [(True, False, ["oxide"])]))
                if a.topic == "supplement_form")  # fmt: skip
    assert "oxide" in form.text.split("sulfate.")[1]  # the logged poorly absorbed form is named


def test_a_combined_product_brings_the_very_low_cell_claim() -> None:
    out = {a.topic: a for a in advise(situation_from(False, False, [(True, True, [""])], female=True))}
    assert out["b6_raises_cell_mg"].grade == "very low"
    assert out["mg_b6_pms"].grade == "low"


def test_b6_supplement_names_neuropathy() -> None:
    out = advise(situation_from(False, False, [(False, True, [])]))
    assert any("neuropathy" in a.text for a in out)


def test_grades_and_sources_come_from_the_reference(shared: Path) -> None:
    ref = (shared / "reference" / "README.md").read_text(encoding="utf-8")
    every = advise(Situation(True, True, True, True, True, frozenset({"oxide"}), True))
    for a in every:
        assert a.grade and a.source
        if a.grade in ("low", "very low", "moderate"):
            assert a.source.split(" et al")[0].split(" &")[0].split(",")[0] in ref
    assert "Pouteau et al. 2018, PLoS One 13(12):e0208454" in ref


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_check_shows_advice_once_with_one_disclaimer(tmp_path: Path, fmt: str) -> None:
    log = tmp_path / "log.txt"
    log.write_text("1 apple\nmagnesium glycinate 200 mg + B6 5 mg\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(log), "--format", fmt, "--no-color"])
    assert res.exit_code == 0
    if fmt == "json":
        advice = json.loads(res.stdout)["advice"]
        assert advice and all({"text", "grade", "source"} <= set(a) for a in advice)
    else:
        assert "Advice" in res.stdout and res.stdout.count(DISCLAIMER) == 1


def _report(tmp_path: Path, text: str, *args: str) -> tuple[str, dict]:  # type: ignore[type-arg]
    log = tmp_path / "log.txt"
    log.write_text(text, encoding="utf-8")
    table = runner.invoke(app, ["check", str(log), "--no-color", *args], env={"COLUMNS": "200"})
    doc = runner.invoke(app, ["check", str(log), "--format", "json", *args])
    assert table.exit_code == 0 and doc.exit_code == 0
    return " ".join(table.stdout.split()), json.loads(doc.stdout)


@pytest.mark.parametrize("dose", ["magnesium glycinate 100 mg", "magnesium citrate 500 mg"])
def test_every_report_with_a_magnesium_supplement_says_the_kidney_caveat_once(
    tmp_path: Path, dose: str
) -> None:
    table, doc = _report(tmp_path, f"1 apple\n{dose}\n", "--sex", "female", "--age", "40")
    assert table.count("hypermagnesaemia") == 1 and table.count("splitting the dose") == 1
    assert "kidney" in {a["topic"] for a in doc["advice"]}
    for w in doc["warnings"]:  # and every magnesium UL warning carries it
        if w["nutrient"] == "magnesium":
            assert "kidney disease" in w["message"] and "Diarrhoea" in w["message"]
    assert table.count(DISCLAIMER) == 1


def test_b6_warnings_name_symptoms_what_to_do_and_the_prescribed_exception_once(tmp_path: Path) -> None:
    table, doc = _report(tmp_path, "1 apple\nvitamin B6 150 mg\n", "--sex", "female", "--age", "40")
    b6 = [w for w in doc["warnings"] if w["kind"] == "total_ul"]
    assert len(b6) == 2  # above both the EFSA and the IOM limit
    for w in b6:
        for words in (
            "tingling",
            "burning",
            "numbness",
            "below 50 mg/day",
            "no safe minimum",
            "stop the product and see a clinician",
            "prescribed under medical supervision",
        ):
            assert words in w["message"], words
    assert table.count("tingling") == 1  # said once in the report, not per warning or again as advice
    tga = next(w for w in doc["warnings"] if w["kind"] == "label_threshold")
    assert "100 mg/day" in tga["message"] and "1 June 2027" in tga["message"]


def test_supplements_bring_the_medicines_that_interact_with_them() -> None:
    b6 = next(a for a in advise(situation_from(False, False, [(False, True, [])])) if a.topic == "medicines")
    for drug in ("isoniazid", "cycloserine", "phenytoin", "phenobarbital", "levodopa without carbidopa"):
        assert drug in b6.text.replace("taken without", "without")
    mg = next(a for a in advise(situation_from(False, False, [(True, False, [])])) if a.topic == "medicines")
    assert "potassium-sparing diuretics reduce magnesium excretion" in mg.text and "isoniazid" not in mg.text
    assert "medicines" not in topics(Situation(True, True))  # no supplement, no medicines line


def test_every_number_in_the_advice_is_a_number_of_the_reference(shared: Path) -> None:
    from mgb6.nutrition.limits import TGA_RULES

    ref = (shared / "reference" / "README.md").read_text(encoding="utf-8")
    every = advise(Situation(True, True, True, True, True, frozenset({"oxide"}), True))
    for text in [a.text for a in every] + [TGA_RULES]:
        for number in re.findall(r"\d+(?:\.\d+)?", text):
            assert number in ref, (number, text)
