"""Upper-limit warnings: magnesium from supplements only, vitamin B6 from every source, per day.

Facts and sources: README "Upper limits and authorities". The IOM magnesium UL covers supplements
and medicines, never food (comparing total intake with it is a known false alarm); EFSA's (250 mg from
age 4) likewise.
B6 limits cover total intake and differ by authority: EFSA 2023 (12 mg adults) and IOM 1998 (100 mg
adults) are both checked, whichever authority sets the targets, and each warning names the other's level;
TGA's 10 mg label threshold is a per-product rule, so each product line is compared with it, never the
day's sum. Where no authority sets a UL at the person's age (infants), logged supplements get a note
saying so.
Warnings never block a report: they are data the renderers show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from mgb6.models import NUTRIENTS
from mgb6.nutrition.advice import B6_RISK, KIDNEY
from mgb6.nutrition.targets import Profile, Target, row_for, target_of, validate

if TYPE_CHECKING:
    from mgb6.models import Item
    from mgb6.nutrition.tally import Day

TGA_B6_LABEL_MG = 10.0
TGA_SOURCE = "TGA (Australia) label rule: warning required on products above 10 mg/day of vitamin B6"
TGA_RULES = (
    "TGA also caps listed products at 100 mg/day for adults, and from 1 June 2027 products above 50 mg/day "
    "need a pharmacist and those above 200 mg a prescription (TGA scheduling decision, 2025)."
)
# Each B6 warning ends with B6_RISK and each magnesium UL warning with KIDNEY: the report says them once.
CAVEATS = (B6_RISK, KIDNEY)
# the B6 UL of each authority, as the reference names it (README "Upper limits and authorities")
B6_UL_NAME = {"efsa": "EFSA 2023", "iom": "IOM 1998"}


class LimitWarning(NamedTuple):
    """One day above one limit; ``amount`` is what was compared (supplement Mg, or total B6)."""

    nutrient: str
    kind: str  # "supplement_ul" | "total_ul" | "label_threshold" | "no_ul"
    amount: float
    limit: float | None  # None for "no_ul": no authority sets a limit at this age
    authority: str  # "iom" | "efsa" | "tga" (no_ul: the authority of the targets)
    source: str
    day: str  # the day's label (ISO date or "undated")
    message: str


def ul_source(source: str) -> str:
    """The part of a DRI row's source that backs its UL ("...; UL: EFSA 2023, ...") or the whole source."""
    return source.split("UL: ", 1)[1] if "UL: " in source else source


def upper_limits(profile: Profile, dri_rows: Sequence[dict[str, str]]) -> dict[str, dict[str, Target]]:
    """Each authority's values for this profile, per nutrient (the UL lives on them).

    A nutrient an authority has no row for at this age is left out; rows that carry only a UL count
    (EFSA's B6 UL for infants of 4-6 months, an age it sets no intake for).
    """
    validate(profile)
    out: dict[str, dict[str, Target]] = {}
    for authority in ("iom", "efsa"):
        who = profile._replace(authority=authority)
        found = {n: row_for(who, n, dri_rows, ul_only=True) for n in NUTRIENTS}
        values = {n: target_of(n, r) for n, r in found.items() if r is not None}
        if values:
            out[authority] = values
    return out


class Product(NamedTuple):
    """One supplement product's vitamin B6 on one day (the same text logged twice is one product)."""

    where: str  # "line 4", "lines 4, 9" or "a.txt:4" when the day spans several files
    text: str
    b6_mg: float


def ul_start_ages(dri_rows: Sequence[dict[str, str]]) -> dict[tuple[str, str], float]:
    """The youngest age at which each (authority, nutrient) sets a UL, read off the DRI rows."""
    out: dict[tuple[str, str], float] = {}
    for r in dri_rows:
        if r["ul_mg"].strip():
            key = (r["authority"], r["nutrient"])
            out[key] = min(out.get(key, float("inf")), float(r["age_min_years"]))
    return out


def _age(years: float) -> str:
    return f"{round(years * 12)} months" if years < 1 else f"{years:g} y"


def _no_ul(nutrient: str, authorities: Sequence[str], ul_from: Mapping[tuple[str, str], float]) -> str:
    """ "no upper limit for X is defined at this age by the IOM or EFSA (IOM: from 1 y; EFSA: from 4 y)"."""
    names = " or ".join(("the IOM" if a == "iom" else a.upper()) for a in authorities)
    starts_at = {a: ul_from[a, nutrient] for a in authorities if (a, nutrient) in ul_from}
    parts = [f"{a.upper()}: from {_age(age)}" for a, age in starts_at.items()]
    starts = f" ({'; '.join(parts)})" if parts else ""
    name = "vitamin B6" if nutrient == "vitamin_b6" else nutrient
    return f"no upper limit for {name} is defined at this age by {names}{starts}"


def day_limits(
    label: str,
    supplement_mg: float,
    supplement_b6: float,
    total_b6: float,
    authority: str,
    limits: dict[str, dict[str, Target]],
    products: Sequence[Product] = (),
    ul_from: Mapping[tuple[str, str], float] | None = None,
) -> list[LimitWarning]:
    """The warnings of one day. Food magnesium is never compared with a UL (there is none for food).

    Supplements logged at an age no authority sets a limit for (infants) get a "no_ul" note rather than
    silence: the absence of a UL is not a statement that any amount is safe.
    """
    starts = ul_from or {}
    out: list[LimitWarning] = []
    mg_target = limits.get(authority, {}).get("magnesium")
    if mg_target is not None and mg_target.ul is not None and supplement_mg > mg_target.ul:
        out.append(
            LimitWarning(
                "magnesium",
                "supplement_ul",
                supplement_mg,
                mg_target.ul,
                authority,
                ul_source(mg_target.source),
                label,
                f"{supplement_mg:.0f} mg of magnesium from supplements is above the {authority.upper()} "
                f"upper limit of {mg_target.ul:g} mg/day, which applies to {mg_target.ul_applies_to}; "
                f"magnesium in food does not count towards it. {KIDNEY}",
            )
        )
    elif supplement_mg > 0 and (mg_target is None or mg_target.ul is None):
        iom = limits.get("iom", {}).get("magnesium")
        also = ""
        if authority != "iom" and iom is not None and iom.ul is not None:
            also = f"; the IOM upper limit at this age is {iom.ul:g} mg/day, for {iom.ul_applies_to}"
        none = [authority] if also else [
            a for a in ("iom", "efsa") if (t := limits.get(a, {}).get("magnesium")) is None or t.ul is None
        ]  # fmt: skip
        out.append(
            LimitWarning(
                "magnesium",
                "no_ul",
                supplement_mg,
                None,
                authority,
                "; ".join(dict.fromkeys(ul_source(t.source) for t in (mg_target, iom) if t is not None)),
                label,
                f"{supplement_mg:.0f} mg of magnesium from supplements: "
                f"{_no_ul('magnesium', none, starts)}{also}.",
            )
        )
    # B6: EFSA's stricter limit first, then IOM's, whichever authority sets the targets; each names the other
    b6_targets = [(a, limits.get(a, {}).get("vitamin_b6")) for a in ("efsa", "iom")]
    b6_uls = {a: t.ul for a, t in b6_targets if t is not None and t.ul is not None}
    for auth in ("efsa", "iom"):
        t = limits.get(auth, {}).get("vitamin_b6")
        if t is None or t.ul is None or total_b6 <= t.ul:
            continue
        others = "".join(
            f"; the {B6_UL_NAME[a]} upper limit is {b6_uls[a]:g} mg/day"
            if a in b6_uls
            else f"; the {'IOM' if a == 'iom' else 'EFSA'} sets no B6 upper limit at this age"
            for a in ("efsa", "iom")
            if a != auth
        )
        out.append(
            LimitWarning(
                "vitamin_b6",
                "total_ul",
                total_b6,
                t.ul,
                auth,
                ul_source(t.source),
                label,
                f"{total_b6:.1f} mg of vitamin B6 (all sources) is above the {B6_UL_NAME[auth]} upper limit "
                f"of {t.ul:g} mg/day{others}. {B6_RISK}",
            )
        )
    if supplement_b6 > 0 and not b6_uls:
        t = limits.get(authority, {}).get("vitamin_b6")
        out.append(
            LimitWarning(
                "vitamin_b6",
                "no_ul",
                supplement_b6,
                None,
                authority,
                t.source if t is not None else "",
                label,
                f"{supplement_b6:.1f} mg of vitamin B6 from supplements: "
                f"{_no_ul('vitamin_b6', ('iom', 'efsa'), starts)}.",
            )
        )
    over = [p for p in products if p.b6_mg > TGA_B6_LABEL_MG]
    if over:
        listed = ", ".join(f"{p.where} ({p.text}: {p.b6_mg:g} mg)" for p in over)
        out.append(
            LimitWarning(
                "vitamin_b6",
                "label_threshold",
                max(p.b6_mg for p in over),
                TGA_B6_LABEL_MG,
                "tga",
                TGA_SOURCE,
                label,
                f"Products above {TGA_B6_LABEL_MG:g} mg/day of vitamin B6: {listed}; in Australia such "
                f"products must carry a warning label. {TGA_RULES}",
            )
        )
    return out


def day_products(items: Sequence[Item]) -> list[Product]:
    """The day's supplement lines carrying B6, one Product per distinct text (case and spacing aside)."""
    files = {i.path for i in items if i.is_supplement}
    groups: dict[str, list[Item]] = {}
    for i in items:
        if i.is_supplement and i.vitamin_b6_mg:
            groups.setdefault(" ".join(i.text.casefold().split()), []).append(i)
    out: list[Product] = []
    for same in groups.values():
        if len(files) > 1:
            where = ", ".join(f"{Path(i.path).name}:{i.line}" for i in same)
        else:
            where = f"line{'s' if len(same) > 1 else ''} " + ", ".join(str(i.line) for i in same)
        out.append(Product(where, same[0].text, sum(i.vitamin_b6_mg or 0.0 for i in same)))
    return out


def check_limits(
    days: Sequence[Day], profile: Profile, dri_rows: Sequence[dict[str, str]]
) -> list[LimitWarning]:
    """Per-day upper-limit warnings for a scored log."""
    limits = upper_limits(profile, dri_rows)
    starts = ul_start_ages(dri_rows)
    out: list[LimitWarning] = []
    for d in days:
        supp_mg = sum(i.magnesium_mg or 0.0 for i in d.items if i.is_supplement)
        supp_b6 = sum(i.vitamin_b6_mg or 0.0 for i in d.items if i.is_supplement)
        total_b6 = d.totals.get("vitamin_b6", 0.0)
        out.extend(
            day_limits(
                d.label, supp_mg, supp_b6, total_b6, profile.authority, limits, day_products(d.items), starts
            )
        )
    return out
