"""Advice is chosen by the situation, every line carries a grade and a source from the shared reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgb6.cli import app
from mgb6.nutrition.advice import Situation, advise, situation_from
from mgb6.report.render import DISCLAIMER

runner = CliRunner()


def topics(s: Situation) -> set[str]:
    return {a.topic for a in advise(s)}


def test_both_low_suggests_foods_rich_in_both_and_labels_the_supplement_claim_low() -> None:
    out = {a.topic: a for a in advise(Situation(magnesium_low=True, b6_low=True))}
    assert "food_pairing" in out and out["food_pairing"].grade == "sound on nutrition alone"
    assert out["mg_b6_stress"].grade == "low" and "Pouteau" in out["mg_b6_stress"].source
    assert out["vitamin_d"].grade == "moderate"


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
