"""Choose the Dietary Reference Intakes for a person and judge a mean intake against them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from mgb6.errors import ProfileError
from mgb6.models import AGE_BELOW, AUTHORITIES, DATE_ORDERS, DIETS, NUTRIENTS, SEXES

DEFAULT_AGE = 35.0  # a clearly labelled default: the adult 31-50 row


class Profile(NamedTuple):
    """A person: who the targets are for, and what ``mgb6 profile set`` saves beside (profile.py).

    The one record of a person for the options, the profile file and the API, checked by one validate().
    ``None`` fields fall back to the labelled default. The targets read the first five fields; a check
    takes the diet, the avoided foods and the date order as arguments of their own (api.run_check), so
    a profile read for one run (profile.resolve) leaves them unset.
    """

    sex: str | None = None
    age: float | None = None
    pregnant: bool = False
    lactating: bool = False
    authority: str = "iom"
    diet: str | None = None  # one of DIETS: what the suggestions leave out (nutrition/suggest.py)
    avoid: tuple[str, ...] = ()  # food groups the suggestions leave out, as words ("nuts", "soy")
    date_order: str | None = None  # one of DATE_ORDERS

    @property
    def is_default(self) -> bool:
        return self.sex is None and self.age is None and not (self.pregnant or self.lactating)

    def describe(self) -> str:
        stage = "pregnant " if self.pregnant else "lactating " if self.lactating else ""
        word = self.life_word
        # pregnancy and lactation rows are female rows: no sex to choose, so no "higher RDA" either
        why = "" if stage or word == "infant" else ": higher RDA"
        sex = self.sex or (word if stage else f"{word} (sex not given{why})")
        age = f"age {self.age:g}" if self.age is not None else "age 31-50 (default)"
        return f"{stage}{sex}, {age}"

    @property
    def life_word(self) -> str:
        """What to call the person by age, as the DRI tables group them; no age means the adult default."""
        if self.age is None or self.age >= 19:
            return "adult"
        return "infant" if self.age < 1 else "child" if self.age < 14 else "adolescent"


class Target(NamedTuple):
    """One nutrient's reference values (mg/day) for a life stage; ``None`` where the DRI sets none."""

    nutrient: str
    life_stage: str
    ear: float | None
    rda: float | None
    ai: float | None
    ul: float | None
    ul_applies_to: str
    source: str

    @property
    def goal(self) -> float:
        """The intake to aim for: the RDA, or the AI where no RDA exists (infants)."""
        value = self.rda if self.rda is not None else self.ai
        assert value is not None, "every DRI row has an RDA or an AI"
        return value


def validate(profile: Profile, where: str | None = None) -> None:
    """Reject a person no DRI row, suggestion filter or date reading understands; the one check behind
    options, the profile file and the API.

    ``where`` names a file whose values these are (errors then start with it and name its keys, not flags).
    """
    at = f"{where}: " if where else ""
    if profile.sex is not None and profile.sex not in SEXES:
        raise ProfileError(f"{at}sex must be one of {', '.join(SEXES)}, not {profile.sex!r}")
    if profile.age is not None and not (0 <= profile.age < AGE_BELOW):
        raise ProfileError(f"{at}age must be between 0 and {AGE_BELOW - 1} years, not {profile.age:g}")
    if profile.pregnant and profile.lactating:
        stages = "pregnant or lactating" if where else "--pregnant or --lactating"
        raise ProfileError(f"{at}choose {stages}, not both")
    if (profile.pregnant or profile.lactating) and profile.sex == "male":
        raise ProfileError(f"{at}pregnancy and lactation targets apply to females only")
    if profile.authority not in AUTHORITIES:
        choices = ", ".join(AUTHORITIES)
        raise ProfileError(f"{at}authority must be one of {choices}, not {profile.authority!r}")
    if profile.diet is not None and profile.diet not in DIETS:
        raise ProfileError(f"{at}diet must be one of {', '.join(DIETS)}, not {profile.diet!r}")
    if profile.date_order is not None and profile.date_order not in DATE_ORDERS:
        orders = ", ".join(DATE_ORDERS)
        raise ProfileError(f"{at}date_order must be one of {orders}, not {profile.date_order!r}")


def _num(text: str) -> float | None:
    return float(text) if text and text.strip() else None


def _has_goal(row: dict[str, str]) -> bool:
    return bool(row["rda_mg"].strip() or row["ai_mg"].strip())


def row_for(
    profile: Profile, nutrient: str, dri_rows: Sequence[dict[str, str]], *, ul_only: bool = False
) -> dict[str, str] | None:
    """The DRI row of one nutrient for this profile; with no sex given, the sex whose RDA is higher.

    Rows with a UL but no intake goal (EFSA's B6 UL for infants of 4-6 months) serve the upper limits
    only (``ul_only``), never as a target.
    """
    age = DEFAULT_AGE if profile.age is None else profile.age
    stage = "pregnancy" if profile.pregnant else "lactation" if profile.lactating else "general"
    sex = "female" if stage != "general" else profile.sex
    rows = [
        r
        for r in dri_rows
        if r["authority"] == profile.authority
        and r["nutrient"] == nutrient
        and r["life_stage"] == stage
        and float(r["age_min_years"]) <= age < float(r["age_below_years"])
        and (r["sex"] == "any" or sex is None or r["sex"] == sex)
        and (_has_goal(r) or (ul_only and r["ul_mg"].strip()))
    ]
    if not rows:
        return None
    return max(rows, key=lambda r: _num(r["rda_mg"]) or _num(r["ai_mg"]) or 0.0)


def target_of(nutrient: str, row: dict[str, str]) -> Target:
    stage = row["life_stage"]
    label = f"{stage}, " if stage != "general" else ""
    label += f"{row['sex']}, " if row["sex"] != "any" else ""
    hi = float(row["age_below_years"])
    lo = float(row["age_min_years"])
    if hi <= 1:  # infants: the DRI rows are 0-6 and 7-12 months
        label += f"{round(lo * 12) + (1 if lo else 0)}-{round(hi * 12)} months"
    else:
        label += f"{lo:g}-{hi - 1:g} y" if hi < 200 else f"{lo:g}+ y"
    return Target(
        nutrient, label, _num(row["ear_mg"]), _num(row["rda_mg"]), _num(row["ai_mg"]),
        _num(row["ul_mg"]), row["ul_applies_to"], row["source"],
    )  # fmt: skip


def targets_for(profile: Profile, dri_rows: Sequence[dict[str, str]]) -> dict[str, Target]:
    """The DRI row for each nutrient; with no sex given, the sex whose RDA is higher (never under-target)."""
    validate(profile)
    age = DEFAULT_AGE if profile.age is None else profile.age
    stage = "pregnancy" if profile.pregnant else "lactation" if profile.lactating else "general"
    out: dict[str, Target] = {}
    for nutrient in NUTRIENTS:
        row = row_for(profile, nutrient, dri_rows)
        if row is None:
            what = f"{stage} " if stage != "general" else ""
            staged = [r for r in dri_rows if r["life_stage"] == stage and r["authority"] == profile.authority
                      and _has_goal(r)]  # fmt: skip
            ages = ""
            if staged:
                lo = min(float(r["age_min_years"]) for r in staged)
                hi = max(float(r["age_below_years"]) for r in staged)
                ages = f" (valid ages: {lo:g} to {hi - 1:g})"
            name = nutrient.replace("_", " ")
            raise ProfileError(f"the DRIs give no {what}values for {name} at age {age:g}{ages}")
        out[nutrient] = target_of(nutrient, row)
    return out


STATUS_LIKELY = "likely inadequate"
STATUS_POSSIBLY = "possibly inadequate"
STATUS_ADEQUATE = "adequate"
STATUS_BELOW_AI = "below AI"
STATUS_BELOW_PRI = "below PRI"
STATUS_UNKNOWN = "unknown"
# What each status means for one person, as the report words it (the status strings stay the JSON's
# codes): "adequate" from a few days overstates (IOM 2000), and falling short of an AI is a goal.
STATUS_TEXT = {
    STATUS_LIKELY: "likely inadequate",
    STATUS_POSSIBLY: "possibly inadequate",
    STATUS_ADEQUATE: "inadequacy unlikely",
    STATUS_BELOW_AI: "below AI (a goal)",
    STATUS_BELOW_PRI: "below PRI",
    STATUS_UNKNOWN: "unknown",
}


def status(intake: float | None, target: Target) -> str:
    """Below the EAR inadequacy is likely, EAR to RDA possible, from the RDA unlikely (IOM's reading).

    EFSA's B6 average requirements are used where they were read from the source (adults, 15-17 y);
    without one (1-14 y, pregnancy, lactation) nothing says how likely inadequacy is, so an intake under
    the PRI is only "below PRI". An AI is a goal: falling short of it is not evidence of inadequacy.
    """
    if intake is None:
        return STATUS_UNKNOWN
    if target.ear is not None and intake < target.ear:
        return STATUS_LIKELY
    if target.rda is not None:
        if intake >= target.rda:
            return STATUS_ADEQUATE
        return STATUS_POSSIBLY if target.ear is not None else STATUS_BELOW_PRI
    return STATUS_ADEQUATE if intake >= target.goal else STATUS_BELOW_AI
