"""Pairing and absorption advice chosen by the situation, each line with its evidence grade and source.

Every line restates a row of ../shared/reference/README.md ("Pairing: what the evidence supports" and
"What lowers magnesium absorption or status"); nothing here goes beyond those sources. Pure: the
situation in, advice lines out; render.py shows them and says the disclaimer once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

DISCLAIMER = "Not medical advice; ask a clinician before changing supplements."
ODS = "NIH ODS Magnesium fact sheet"
GRADE_FACT = "not graded (fact sheet)"
ADULT_AGE = 19.0  # the DRI tables' adult life stages start at 19
PMS_MIN_AGE = 14.0  # the DRI tables' first female life stage; the premenstrual trial enrolled women


class Advice(NamedTuple):
    text: str
    grade: str
    source: str
    topic: str  # stable key for tests and JSON consumers


class Situation(NamedTuple):
    """What the advice depends on, read off a check result (or given directly)."""

    magnesium_low: bool
    b6_low: bool
    magnesium_supplement: bool = False
    b6_supplement: bool = False
    combined_product: bool = False  # one line with both Mg and B6
    forms: frozenset[str] = frozenset()  # magnesium forms logged ("oxide", "citrate", ...)
    female: bool = False
    age: float | None = None  # None: the labelled adult default

    @property
    def adult(self) -> bool:
        """The trials cited enrolled adults only; their findings are not offered for children."""
        return self.age is None or self.age >= ADULT_AGE


POOR_FORMS = ("oxide", "sulfate")


def advise(s: Situation) -> list[Advice]:
    out: list[Advice] = []
    if s.magnesium_low and s.b6_low:
        out.append(
            Advice(
                "Both nutrients are below target: foods rich in both (see 'To close the gap') close two "
                "gaps at once.",
                "sound on nutrition alone",
                "USDA food composition (SR28); IOM Dietary Reference Intakes",
                "food_pairing",
            )
        )
    if s.adult and (s.combined_product or s.magnesium_supplement or (s.magnesium_low and s.b6_low)):
        out.append(
            Advice(
                "The claim that B6 taken with magnesium helps stress more than magnesium alone is "
                "low-certainty: in "
                "one industry-funded trial (264 adults with low serum magnesium, 8 weeks, 300 mg Mg + 30 "
                "mg B6) there "
                "was no difference on the primary endpoint, only in a severe-stress subgroup; its B6 dose "
                "is above "
                "the EFSA upper limit.",
                "low",
                "Pouteau et al. 2018, PLoS One 13(12):e0208454",
                "mg_b6_stress",
            )
        )
    if s.combined_product and s.adult:
        out.append(
            Advice(
                "That B6 raises magnesium inside cells rests on a small uncontrolled study with high-dose "
                "pyridoxine "
                "and on animal studies.",
                "very low",
                "Abraham et al. 1981",
                "b6_raises_cell_mg",
            )
        )
    if s.combined_product and s.female and (s.age is None or s.age >= PMS_MIN_AGE):
        out.append(
            Advice(
                "Mg + B6 for premenstrual anxiety: one small trial (44 women, one cycle per arm, 200 "
                "mg Mg + "
                "50 mg B6).",
                "low",
                "De Souza et al. 2000, J Womens Health Gend Based Med 9(2):131-139",
                "mg_b6_pms",
            )
        )
    if s.magnesium_low:
        out.append(
            Advice(
                "Magnesium is needed to activate vitamin D: one more reason to close the magnesium gap.",
                "moderate",
                "Uwitonze & Razzaque 2018, J Am Osteopath Assoc 118(3):181-189 (review); "
                "Dai et al. 2018, Am J Clin Nutr 108(6):1249-1258 (RCT, n=180)",
                "vitamin_d",
            )
        )
    if s.magnesium_supplement:
        poor = sorted(f for f in s.forms if f in POOR_FORMS)
        extra = f" You logged magnesium {' and '.join(poor)}." if poor else ""
        out.append(
            Advice(
                "Supplement form matters: aspartate, citrate, lactate and chloride are absorbed better "
                "than oxide or "
                "sulfate." + extra,
                GRADE_FACT,
                ODS,
                "supplement_form",
            )
        )
        out.append(
            Advice(
                "Timing: keep magnesium at least 2 h apart from bisphosphonates; take tetracycline or "
                "quinolone "
                "antibiotics 2 h before or 4-6 h after magnesium.",
                GRADE_FACT,
                ODS,
                "timing",
            )
        )
        out.append(
            Advice(
                "Lower magnesium absorption or status: very high-dose zinc supplements (142 mg/day in one "
                "study), "
                "proton pump inhibitors taken long term (usually over a year), loop and thiazide diuretics.",
                GRADE_FACT,
                f"{ODS}; FDA safety communication 2011 (PPIs)",
                "absorption",
            )
        )
    if s.b6_supplement:
        out.append(
            Advice(
                "Peripheral neuropathy from B6 has been reported from supplements, not from food: add up "
                "the B6 of "
                "every product you take (multivitamins and magnesium and zinc products can contain it).",
                GRADE_FACT,
                "EFSA 2023, EFSA Journal 2023;21(5):8006; TGA (Australia)",
                "b6_neuropathy",
            )
        )
    return out


def situation_from(
    magnesium_low: bool,
    b6_low: bool,
    supplement_lines: Iterable[tuple[bool, bool, Iterable[str]]],
    female: bool = False,
    age: float | None = None,
) -> Situation:
    """Build a Situation from (has Mg, has B6, Mg forms) per supplement line."""
    mg = b6 = combined = False
    forms: set[str] = set()
    for has_mg, has_b6, line_forms in supplement_lines:
        mg |= has_mg
        b6 |= has_b6
        combined |= has_mg and has_b6
        forms.update(f for f in line_forms if f)
    return Situation(magnesium_low, b6_low, mg, b6, combined, frozenset(forms), female, age)
