"""Recognise supplement lines ("magnesium glycinate 200 mg", "B6 10mg", "P5P 25 mg") and their doses."""

from __future__ import annotations

import re
from typing import NamedTuple

from mgb6.lazyre import lazy
from mgb6.models import SupplementDose

# Elemental magnesium by mass of each compound (README "Supplements", from the reference's arithmetic),
# including the forms sold as medicines or cheap supplements (hydroxide, carbonate, gluconate, orotate).
# Where the reference gives a range, the midpoint is used and the note names the range (FRACTION_RANGE);
# where it says "about", the note says so (ABOUT).
FRACTION_RANGE = {"threonate": (0.07, 0.08), "aspartate": (0.07, 0.08)}
ABOUT = frozenset({"orotate"})
ELEMENTAL_FRACTION = {
    "oxide": 0.60,
    "citrate": 0.16,
    "chloride": 0.12,
    "glycinate": 0.14,
    "bisglycinate": 0.14,
    "malate": 0.15,
    "lactate": 0.12,
    "sulfate": 0.10,
    "threonate": sum(FRACTION_RANGE["threonate"]) / 2,
    "taurate": 0.09,
    "aspartate": sum(FRACTION_RANGE["aspartate"]) / 2,
    "hydroxide": 0.417,
    "carbonate": 0.288,
    "gluconate": 0.059,
    "orotate": 0.07,
}
# Medicines named by the product rather than the salt: their labels state the weight of the salt (a Drug
# Facts panel names the active ingredient), so the amount is read as compound weight unless marked.
# Epsom salt is magnesium sulfate taken by mouth as a laxative (the reference's heptahydrate fraction).
MEDICINES = {"milk of magnesia": "hydroxide", "epsom salt": "sulfate"}
_MEDICINE = lazy(r"\b(?P<name>milk\s+of\s+magnesia|epsom\s+salts?)\b", re.I)
_VOLUME = lazy(r"\d\s*(?:ml|tsp|tbsp|teaspoons?|tablespoons?|cups?)\b", re.I)
# mgb6's plausibility rule, not a reference value: an amount read as elemental magnesium that would take
# more than this much of the named salt (2,000 mg as L-threonate would be 27 g of it) is most likely the
# salt's own weight, so it is read as compound weight and the note says how to read it the other way.
PLAUSIBLE_SALT_MG = 5000.0

_MG_FORMS = "|".join(sorted(ELEMENTAL_FRACTION, key=len, reverse=True))
_MAGNESIUM = lazy(
    rf"\b(?:magnesium|mag)\b(?:\s+(?:l-)?(?P<form>{_MG_FORMS}))?|\bmg\s+(?:l-)?(?P<form2>{_MG_FORMS})\b|^mg\b(?!\s*$)",
    re.I,
)
_B6 = lazy(
    r"\b(?:vitamin\s*)?b[\s-]?6\b|\bpyridox(?:ine|al|amine)\b(?:\s*(?:hcl|hydrochloride|5'?-?\s*phosphate))?|\bp-?5-?p\b|\bplp\b",
    re.I,
)
_MULTI = lazy(r"\bmulti-?\s*vitamins?\b|\bmultivit\b|\bb[\s-]?complex\b|\bzma\b|\bprenatal\b|\bmulti\b", re.I)
_AMOUNT = lazy(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>mg|mcg|µg|μg|g)\b", re.I)
_COUNT = lazy(
    r"(?P<n>\d+(?:\.\d+)?)\s*(?:x\s*)?(?:caps?|capsules?|tabs?|tablets?|softgels?|pills?|gummies|gummy|scoops?)\b",
    re.I,
)
_EACH = lazy(r"\b(?:each|per\s+(?:cap|capsule|tab|tablet|softgel|pill|gummy|scoop))\b", re.I)
_PILL_WORDS = lazy(r"\b(?:supplement|capsules?|caps?|tablets?|tabs?|softgels?|pills?|gummies)\b", re.I)
_SPLIT = lazy(r"\s*(?:\+|&|\bplus\b|\band\b|,|/|\bwith\b)\s*", re.I)
_TIMES = lazy(r"(?:\b[x×]\s*(?P<n>\d+)\b|\b(?P<n2>\d+)\s*[x×](?=\s|\d|$))", re.I)
# A per-line marker overrides --compound-weights for that line: "(compound)" or "(elemental)".
_READING = lazy(r"\(?\b(?P<r>compound|elemental)\b(?:\s+weight)?\)?", re.I)
_TO_MG = {"mg": 1.0, "g": 1000.0, "mcg": 0.001, "µg": 0.001, "μg": 0.001}


def _nutrient_of(part: str) -> tuple[str, str] | None:
    m = _MAGNESIUM.search(part)
    if m:
        return "magnesium", (m.group("form") or m.group("form2") or "").lower()
    m = _B6.search(part)
    if m:
        word = m.group(0).lower()
        is_p5p = ("p" in word and "5" in word) or "phosphate" in word or word == "plp"
        return "vitamin_b6", "p5p" if is_p5p else ""
    return None


def looks_like_supplement(text: str) -> bool:
    """Whether a line names Mg or B6 as a supplement rather than a food (cheap, no amounts parsed)."""
    if _MULTI.search(text) or _MEDICINE.search(text):
        return True
    if not (_MAGNESIUM.search(text) or _B6.search(text)):
        return False
    return bool(_AMOUNT.search(text) or _PILL_WORDS.search(text) or _MAGNESIUM.match(text.strip()))


def parse_supplement(text: str) -> tuple[tuple[SupplementDose, ...], str | None]:
    """Read the doses of a supplement line; the second value explains what could not be read.

    Amounts are taken as written (the US Supplement Facts panel states elemental magnesium); the scoring
    step decides whether to convert a compound weight.
    """
    count = 1.0
    reading = ""
    r = _READING.search(text)
    if r:
        reading = r.group("r").lower()
        text = (text[: r.start()] + text[r.end() :]).strip()
    medicine = _MEDICINE.search(text)
    label = ""
    if medicine:
        label = " ".join(medicine.group("name").lower().split()).removesuffix("s")
        if not _AMOUNT.search(text):
            if _VOLUME.search(text):
                return (), (
                    f"{label} is measured by volume and the magnesium per mL differs by product: write the "
                    f"mg of magnesium {MEDICINES[label]} from the label, e.g. '{label} 1200 mg'"
                )
            return (), f"no dose found: write the mg of magnesium {MEDICINES[label]} from the label"
        text = text[: medicine.start()] + f"magnesium {MEDICINES[label]}" + text[medicine.end() :]
    c = _COUNT.search(text)
    t = _TIMES.search(text)
    if c and _EACH.search(text):
        count = float(c.group("n"))
    elif t:
        count = float(t.group("n") or t.group("n2"))
        text = (text[: t.start()] + text[t.end() :]).strip()
    doses: list[SupplementDose] = []
    pending: list[tuple[str, str]] = []
    for part in _SPLIT.split(text):
        nutrient = _nutrient_of(part)
        amount = _AMOUNT.search(part)
        if nutrient:
            pending.append(nutrient)
        if amount and pending:
            mg = float(amount.group("n")) * _TO_MG[amount.group("u").lower()] * count
            name, form = pending.pop(0)
            read = reading if name == "magnesium" else ""
            named = label if name == "magnesium" else ""
            doses.append(SupplementDose(name, mg, form, reading=read, label=named))
            pending.clear()
    if not doses and _MULTI.search(text):
        return (), (
            "a multivitamin needs its label amounts: write e.g. 'multivitamin: magnesium 50 mg + B6 2 mg'"
        )
    if not doses:
        return (), "no dose found: write the amount, e.g. 'magnesium glycinate 200 mg'"
    return tuple(doses), None


class Counted(NamedTuple):
    """What one supplement line adds to the day, and how its magnesium amount was read."""

    magnesium_mg: float | None
    vitamin_b6_mg: float | None
    reading: str  # "elemental" | "compound" | "" (no magnesium on the line)
    notes: tuple[str, ...]


def _share(form: str, fraction: float) -> str:
    span = FRACTION_RANGE.get(form)
    share = f"{100 * fraction:g}%"
    if span:
        share += f" (midpoint of {100 * span[0]:g}–{100 * span[1]:g}%)"
    elif form in ABOUT:
        share = "about " + share
    return share


def count_doses(doses: tuple[SupplementDose, ...], compound_weights: bool = False) -> Counted:
    """Sum a line's doses in mg as counted, saying for each magnesium amount how it was read.

    US Supplement Facts panels state elemental magnesium, so that is the default reading; with
    ``--compound-weights`` or a "(compound)" marker the amount is the salt's weight and the elemental
    fraction of its form is applied (README "Supplements"). Two cases are read as the salt's
    weight without being asked, and the note says so: a medicine named by its product (milk of magnesia,
    Epsom salt), whose Drug Facts label states the salt; and an amount that would be implausible as
    elemental magnesium for its form (PLAUSIBLE_SALT_MG). Whenever a named form's amount is read as
    elemental, the note gives the other reading and how to choose it: the bigger reading is never silent.
    A compound weight without a named form has no fraction to apply: it is counted as written.
    """
    mg: float | None = None
    b6: float | None = None
    readings: set[str] = set()
    notes: list[str] = []
    for dose in doses:
        if dose.nutrient == "vitamin_b6":
            b6 = (b6 or 0.0) + dose.mg
            continue
        fraction = ELEMENTAL_FRACTION.get(dose.form)
        name = dose.label or f"magnesium {dose.form}"
        why = ""
        if dose.reading == "elemental":
            compound = False
        elif dose.reading == "compound" or compound_weights:
            compound = True
        elif dose.label and fraction:
            compound, why = True, f" ({dose.label}: its label states the weight of magnesium {dose.form})"
        elif fraction and dose.mg / fraction > PLAUSIBLE_SALT_MG:
            compound = True
            why = (f" ({dose.mg:g} mg of elemental magnesium would take {dose.mg / fraction / 1000:.0f} g of "
                   f"magnesium {dose.form}; if the label says {dose.mg:g} mg of magnesium itself, add "
                   "'(elemental)' to the line)")  # fmt: skip
        else:
            compound = False
        if compound and fraction:
            mg = (mg or 0.0) + dose.mg * fraction
            readings.add("compound")
            notes.append(
                f"{dose.mg:g} mg {name} read as compound weight: "
                f"{_share(dose.form, fraction)} elemental = {dose.mg * fraction:.0f} mg{why}"
            )
            continue
        mg = (mg or 0.0) + dose.mg
        readings.add("elemental")
        if compound:
            notes.append(f"{dose.mg:g} mg magnesium: no form named to convert: read as elemental")
        elif fraction and dose.reading != "elemental":
            notes.append(
                f"{dose.mg:g} mg read as elemental magnesium (the Supplement Facts convention); if it is the "
                f"weight of the magnesium {dose.form}, it is {dose.mg * fraction:.0f} mg elemental: add "
                "'(compound)' to the line"
            )
        else:
            notes.append(f"{dose.mg:g} mg read as elemental magnesium")
    reading = "compound" if readings == {"compound"} else "elemental" if readings else ""
    if len(readings) > 1:
        reading = "mixed"
    return Counted(mg, b6, reading, tuple(notes))
