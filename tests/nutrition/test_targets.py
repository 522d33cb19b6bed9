"""DRI targets: every row of the IOM table is reachable, and bad profiles are clear errors."""

from __future__ import annotations

import csv

import pytest
from tests.conftest import ROOT

from mgb6.errors import ProfileError
from mgb6.nutrition.targets import (
    STATUS_ADEQUATE,
    STATUS_BELOW_AI,
    STATUS_LIKELY,
    STATUS_POSSIBLY,
    Profile,
    status,
    targets_for,
)


def _num(text: str) -> float | None:
    return float(text) if text else None


def _iom_rows() -> list[dict[str, str]]:
    with (ROOT / "data" / "dri.csv").open(newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["authority"] == "iom"]


def _profiles_for(row: dict[str, str]) -> list[Profile]:
    lo, hi = float(row["age_min_years"]), float(row["age_below_years"])
    ages = {lo, (lo + min(hi, 120)) / 2}
    sexes = ["female", "male"] if row["sex"] == "any" else [row["sex"]]
    stage = row["life_stage"]
    return [
        Profile(sex=s, age=a, pregnant=stage == "pregnancy", lactating=stage == "lactation")
        for a in ages
        for s in sexes
    ]


@pytest.mark.parametrize(
    "row", _iom_rows(), ids=lambda r: f"{r['nutrient']}-{r['life_stage']}-{r['sex']}-{r['age_min_years']}"
)
def test_every_dri_row_is_the_target_for_its_life_stage(row: dict[str, str], table) -> None:
    for profile in _profiles_for(row):
        t = targets_for(profile, table.dri)[row["nutrient"]]
        assert (t.ear, t.rda, t.ai, t.ul) == (
            _num(row["ear_mg"]),
            _num(row["rda_mg"]),
            _num(row["ai_mg"]),
            _num(row["ul_mg"]),
        ), profile
        assert t.source == row["source"]


def test_bundled_dri_table_matches_the_shared_iom_reference(shared) -> None:
    with (shared / "reference" / "dri_iom.csv").open(newline="") as fh:
        ref = list(csv.DictReader(fh))
    ours = _iom_rows()
    keys = [
        "nutrient",
        "life_stage",
        "sex",
        "age_min_years",
        "age_below_years",
        "ear_mg",
        "rda_mg",
        "ai_mg",
        "ul_mg",
    ]
    assert [[r[k] for k in keys] for r in ours] == [[r[k] for k in keys] for r in ref]


def test_default_profile_takes_the_higher_adult_rda(table) -> None:
    rows = [
        r
        for r in _iom_rows()
        if r["life_stage"] == "general" and float(r["age_min_years"]) <= 35 < float(r["age_below_years"])
    ]
    t = targets_for(Profile(), table.dri)
    for nutrient in ("magnesium", "vitamin_b6"):
        best = max(float(r["rda_mg"]) for r in rows if r["nutrient"] == nutrient)
        assert t[nutrient].rda == best


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        (Profile(sex="male", pregnant=True), "females only"),
        (Profile(sex="female", age=200), "between 0 and 129"),
        (Profile(sex="female", age=0.5, pregnant=True), "no pregnancy values"),
        (Profile(sex="female", pregnant=True, lactating=True), "not both"),
        (Profile(sex="other"), "sex must be"),
    ],
)
def test_impossible_profiles_are_usage_errors(profile: Profile, message: str, table) -> None:
    with pytest.raises(ProfileError, match=message):
        targets_for(profile, table.dri)


def test_status_uses_ear_and_rda(table) -> None:
    t = targets_for(Profile(sex="female", age=40), table.dri)["magnesium"]
    assert t.ear is not None and t.rda is not None
    assert status(t.ear - 1, t) == STATUS_LIKELY
    assert status(t.ear, t) == STATUS_POSSIBLY
    assert status(t.rda, t) == STATUS_ADEQUATE


def test_infants_are_judged_against_the_ai(table) -> None:
    t = targets_for(Profile(sex="female", age=0.3), table.dri)["magnesium"]
    assert t.rda is None and t.ai is not None
    assert status(t.ai - 1, t) == STATUS_BELOW_AI
    assert status(t.ai, t) == STATUS_ADEQUATE
