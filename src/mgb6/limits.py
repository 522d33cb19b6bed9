"""Upper-limit warnings: magnesium from supplements only, vitamin B6 from every source, per day.

Facts and sources: ../shared/reference/README.md. The IOM magnesium UL covers supplements and medicines,
never food (comparing total intake with it is a known false alarm); EFSA's (250 mg from age 4) likewise.
B6 limits cover total intake and differ by authority: EFSA 2023 (12 mg adults) and IOM 1998 (100 mg
adults) are both checked, whichever authority sets the targets; TGA's 10 mg label threshold is noted.
Warnings never block a report: they are data the renderers show.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from mgb6.errors import ProfileError
from mgb6.targets import Profile, Target, targets_for

if TYPE_CHECKING:
    from mgb6.scoring import Day

TGA_B6_LABEL_MG = 10.0
TGA_SOURCE = "TGA (Australia) label rule: warning required on products above 10 mg/day of vitamin B6"
B6_RISK = (
    "peripheral neuropathy has been reported from supplemental B6 (not from food); sum B6 across every "
    "product: multivitamins and magnesium and zinc products can contain it (TGA)"
)


class LimitWarning(NamedTuple):
    """One day above one limit; ``amount`` is what was compared (supplement Mg, or total B6)."""

    nutrient: str
    kind: str  # "supplement_ul" | "total_ul" | "label_threshold"
    amount: float
    limit: float
    authority: str  # "iom" | "efsa" | "tga"
    source: str
    day: str  # the day's label (ISO date or "undated")
    message: str


def ul_source(source: str) -> str:
    """The part of a DRI row's source that backs its UL ("...; UL: EFSA 2023, ...") or the whole source."""
    return source.split("UL: ", 1)[1] if "UL: " in source else source


def upper_limits(profile: Profile, dri_rows: Sequence[dict[str, str]]) -> dict[str, dict[str, Target]]:
    """Each authority's targets for this profile (the UL lives on them); one with no row is left out."""
    out: dict[str, dict[str, Target]] = {}
    for authority in ("iom", "efsa"):
        try:
            out[authority] = targets_for(profile._replace(authority=authority), dri_rows)
        except ProfileError:
            continue  # e.g. EFSA gives no values for infants under 6 months
    return out


def day_limits(
    label: str,
    supplement_mg: float,
    supplement_b6: float,
    total_b6: float,
    authority: str,
    limits: dict[str, dict[str, Target]],
) -> list[LimitWarning]:
    """The warnings of one day. Food magnesium is never compared with a UL (there is none for food)."""
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
                "magnesium in food does not count towards it.",
            )
        )
    # B6: EFSA's stricter limit first, then IOM's, whichever authority sets the targets
    for auth in ("efsa", "iom"):
        t = limits.get(auth, {}).get("vitamin_b6")
        if t is None or t.ul is None or total_b6 <= t.ul:
            continue
        out.append(
            LimitWarning(
                "vitamin_b6",
                "total_ul",
                total_b6,
                t.ul,
                auth,
                ul_source(t.source),
                label,
                f"{total_b6:.1f} mg of vitamin B6 (all sources) is above the {auth.upper()} upper limit of "
                f"{t.ul:g} mg/day: {B6_RISK}.",
            )
        )
    if supplement_b6 > TGA_B6_LABEL_MG:
        out.append(
            LimitWarning(
                "vitamin_b6",
                "label_threshold",
                supplement_b6,
                TGA_B6_LABEL_MG,
                "tga",
                TGA_SOURCE,
                label,
                f"{supplement_b6:.1f} mg of vitamin B6 from supplements: in Australia products above "
                f"{TGA_B6_LABEL_MG:g} mg/day must carry a warning label.",
            )
        )
    return out


def check_limits(
    days: Sequence[Day], profile: Profile, dri_rows: Sequence[dict[str, str]]
) -> list[LimitWarning]:
    """Per-day upper-limit warnings for a scored log."""
    limits = upper_limits(profile, dri_rows)
    out: list[LimitWarning] = []
    for d in days:
        supp_mg = sum(i.magnesium_mg or 0.0 for i in d.items if i.is_supplement)
        supp_b6 = sum(i.vitamin_b6_mg or 0.0 for i in d.items if i.is_supplement)
        total_b6 = d.totals.get("vitamin_b6", 0.0)
        out.extend(day_limits(d.label, supp_mg, supp_b6, total_b6, profile.authority, limits))
    return out
