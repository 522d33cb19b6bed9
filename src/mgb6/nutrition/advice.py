"""Pairing and absorption advice chosen by the situation, each line with its evidence grade and source.

Every line restates a row of the reference behind README "Advice" ("Pairing: what the evidence supports",
"What lowers magnesium absorption or status", the upper-limit sections and "Infants and young
children"); nothing here goes beyond those sources. Trial-based lines are for adults only: the trials
enrolled adults. Safety caveats (kidney disease, B6 neuropathy, medicines) come once per report, with
the supplement that calls for them. Pure: the situation in, advice lines out; render.py shows them and
says the disclaimer once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

DISCLAIMER = "Not medical advice; ask a clinician before changing supplements."
ODS = "NIH ODS Magnesium fact sheet"
GRADE_FACT = "not graded (fact sheet)"
GRADE_SAFETY = "safety caveat (not graded)"
ADULT_AGE = 19.0  # the DRI tables' adult life stages start at 19
GRADE_VITAMIN_D = "mechanism: established; benefit of closing a magnesium gap for vitamin D status: low"
# Shared with the upper-limit warnings (limits.py), so the report can say each of them once.
KIDNEY = (
    "With kidney disease, magnesium from supplements, antacids or laxatives can cause dangerous "
    "hypermagnesaemia: ask a doctor before taking any. Diarrhoea is the first sign of too much "
    "supplemental magnesium; splitting the dose into two or more intakes lowers that risk."
)
KIDNEY_SOURCE = "IOM 1997, pp. 242-243; BfR 2017 (split doses)"
B6_SYMPTOMS = (
    "Peripheral neuropathy (tingling, burning or numbness in the hands or feet) has been reported from "
    "supplemental B6, not from food; TGA found it can occur below 50 mg/day and identified no safe minimum "
    "dose. On such symptoms, stop the product and see a clinician. The upper limits do not apply to B6 "
    "prescribed under medical supervision (for nausea in pregnancy, or with isoniazid): do not stop a "
    "prescribed treatment because of this report; ask the prescriber."
)
B6_SYMPTOMS_SOURCE = "TGA (Australia); IOM 1998, p. 187; ACOG Practice Bulletin 189, 2018"
B6_RISK = (
    B6_SYMPTOMS + " Sum B6 across every product: multivitamins and magnesium and zinc products can "
    "contain it (TGA)."
)


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
                "low-certainty: in one industry-funded trial (264 adults with low serum magnesium, 8 weeks, "
                "300 mg Mg + 30 mg B6) there was no difference on the primary endpoint, only in a "
                "severe-stress subgroup; its B6 dose is above the EFSA upper limit.",
                "low",
                "Pouteau et al. 2018, PLoS One 13(12):e0208454",
                "mg_b6_stress",
            )
        )
    if s.combined_product and s.adult:
        out.append(
            Advice(
                "That B6 raises magnesium inside cells rests on a small uncontrolled study with high-dose "
                "pyridoxine and on animal studies.",
                "very low",
                "Abraham et al. 1981",
                "b6_raises_cell_mg",
            )
        )
    if s.combined_product and s.female and s.adult:
        out.append(
            Advice(
                "Mg + B6 for premenstrual anxiety: one small trial (44 women, one cycle per arm, 200 mg Mg "
                "+ 50 mg B6) found no overall difference between treatments, only on one predefined "
                "contrast of anxiety symptoms; its 50 mg of B6 is above the EFSA upper limit and the TGA "
                "label threshold.",
                "low",
                "De Souza et al. 2000, J Womens Health Gend Based Med 9(2):131-139",
                "mg_b6_pms",
            )
        )
    if s.magnesium_low and s.adult:
        out.append(
            Advice(
                "Magnesium is needed to activate vitamin D (the enzymes that metabolise it require "
                "magnesium). Whether closing a magnesium gap improves vitamin D status is uncertain: one "
                "trial in adults aged 40-85 measured a blood marker, with effects in both directions "
                "depending on the starting vitamin D level.",
                GRADE_VITAMIN_D,
                "Uwitonze & Razzaque 2018, J Am Osteopath Assoc 118(3):181-189 (review); "
                "Dai et al. 2018, Am J Clin Nutr 108(6):1249-1258 (ancillary RCT, n=180)",
                "vitamin_d",
            )
        )
    if s.magnesium_supplement:
        out.append(Advice(KIDNEY, GRADE_SAFETY, KIDNEY_SOURCE, "kidney"))
        poor = sorted(f for f in s.forms if f in POOR_FORMS)
        extra = f" You logged magnesium {' and '.join(poor)}." if poor else ""
        out.append(
            Advice(
                "Supplement form matters: small studies found aspartate, citrate, lactate and chloride "
                "absorbed better than oxide or sulfate." + extra,
                GRADE_FACT,
                ODS,
                "supplement_form",
            )
        )
        out.append(
            Advice(
                "Timing: keep magnesium at least 2 h apart from bisphosphonates; take tetracycline or "
                "quinolone antibiotics 2 h before or 4-6 h after magnesium.",
                GRADE_FACT,
                ODS,
                "timing",
            )
        )
        out.append(
            Advice(
                "Lower magnesium absorption or status: very high-dose zinc supplements (142 mg/day in one "
                "study), proton pump inhibitors taken long term (usually over a year), loop and thiazide "
                "diuretics.",
                GRADE_FACT,
                f"{ODS}; FDA safety communication 2011 (PPIs)",
                "absorption",
            )
        )
    if s.b6_supplement:
        out.append(
            Advice(
                B6_RISK,
                GRADE_SAFETY,
                f"{B6_SYMPTOMS_SOURCE}; EFSA 2023, EFSA Journal 2023;21(5):8006",
                "b6_neuropathy",
            )
        )
    medicines = []
    if s.b6_supplement:
        medicines.append(
            "isoniazid and cycloserine deplete B6; high-dose B6 can lower the levels of phenytoin and "
            "phenobarbital; levodopa taken without carbidopa is weakened by B6"
        )
    if s.magnesium_supplement:
        medicines.append(
            "potassium-sparing diuretics reduce magnesium excretion, a reason for care with magnesium "
            "supplements"
        )
    if medicines:
        out.append(
            Advice(
                "Medicines: " + "; ".join(medicines) + ".",
                GRADE_FACT,
                "NIH ODS Vitamin B6 and Magnesium fact sheets",
                "medicines",
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


INTAKE_NOT_STATUS = (
    "mgb6 estimates intake from what you log; it does not measure your body's magnesium or B6 status."
)
INFANT_MILK = (
    "Under 1 year the adequate intake is what breast-fed infants take in: breast milk or formula supplies "
    "it, so mgb6 suggests no foods. Log the milk too ('breast milk' is read as USDA's human milk); a log "
    "without it shows a false gap."
)


def conclusion_notes(days: int, statuses: Mapping[str, str], infant: bool = False) -> list[str]:
    """What the statuses can and cannot say, for every log: the days they rest on, what an AI or a PRI
    shortfall means, and that intake is not status (IOM, DRI: Applications in Dietary Assessment, 2000).
    """
    if not days:
        return [INTAKE_NOT_STATUS]
    if days < 3:
        lead = f"{'One day says' if days == 1 else 'Two days say'} little about usual intake: the statuses "
        lead += f"hold only if {'this day is' if days == 1 else 'these days are'} typical"
    else:
        lead = f"Based on {days} days: the statuses hold only if these days are typical of usual intake"
    out = [
        lead + "; high confidence that intake is adequate needs many days at or above the goal, or fewer "
        "days well above it (IOM 2000)."
    ]
    if "below AI" in statuses.values():
        out.append("An adequate intake (AI) is a goal: falling short of it is not evidence of inadequacy.")
    if "below PRI" in statuses.values():
        out.append(
            "No EFSA average requirement was read for this life stage, so B6 is judged against the PRI "
            "alone: below it says nothing about how likely inadequacy is."
        )
    if infant:
        out.append(INFANT_MILK)
    out.append(INTAKE_NOT_STATUS)
    return out
