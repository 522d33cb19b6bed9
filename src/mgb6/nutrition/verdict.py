"""How far a check's verdict can be trusted, and the one step that helps most.

A line that is not counted can only add magnesium and B6, never remove them. So a log where most lines
were counted and the mean still reaches the goal is adequate whatever the rest held; but "inadequate" on a
log where half the lines were never read says more about the reading than about the diet. Below
``THIN`` the low verdicts are held back (and no plan is made to close a gap nobody knows); between
``THIN`` and ``PARTIAL`` they stand with a plain caveat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from mgb6.models import NUTRIENTS
from mgb6.nutrition.targets import STATUS_ADEQUATE, STATUS_UNKNOWN

if TYPE_CHECKING:
    from mgb6.nutrition.tally import CheckResult

THIN = 0.5  # share of food lines counted below which a low verdict is held back
PARTIAL = 0.8  # below this, a low verdict carries a caveat
STATUS_HELD = "not judged"


class Verdict(NamedTuple):
    """What the summary says about coverage and each nutrient's status."""

    counted: int
    total: int
    level: str  # "full" (every line), "most" (>= PARTIAL), "partial", "thin" (< THIN), "none"
    held: tuple[str, ...]  # nutrients whose low status is withheld on a thin log
    caveat: str | None  # one sentence on what the coverage means for the verdict; None when all counted

    @property
    def share(self) -> float:
        return self.counted / self.total if self.total else 0.0


def verdict(result: CheckResult) -> Verdict:
    counted, total = result.counted_lines, result.food_lines
    share = counted / total if total else 0.0
    if not counted:
        level = "none"
    elif counted == total:
        level = "full"
    elif share >= PARTIAL:
        level = "most"
    elif share >= THIN:
        level = "partial"
    else:
        level = "thin"
    low = tuple(n for n in NUTRIENTS if result.status[n] not in (STATUS_ADEQUATE, STATUS_UNKNOWN))
    held = low if level == "thin" else ()
    missing = total - counted
    lines = f"{missing} of {total} food lines" if total else "no food lines"
    caveat: str | None
    if level == "none":
        caveat = "No line was counted, so there is nothing to judge yet."
    elif level == "thin":
        caveat = (f"Only {counted} of {total} food lines were counted ({share:.0%}): too few to judge "
                  "intake; fix the lines not counted, then check again.")  # fmt: skip
    elif level == "partial" and low:
        caveat = (f"{lines} were not counted ({1 - share:.0%}); they can only add, so the real intake is "
                  "likely higher than shown.")  # fmt: skip
    elif level in ("partial", "most"):
        caveat = f"{lines} were not counted; they can only add to the totals."
    else:
        caveat = None
    return Verdict(counted, total, level, held, caveat)


def status_shown(result: CheckResult, nutrient: str, v: Verdict | None = None) -> str:
    """The status a reader sees: the computed one, or "not judged" where a thin log holds it back."""
    v = v or verdict(result)
    return STATUS_HELD if nutrient in v.held else result.status[nutrient]


def _amount(x: float, nutrient: str) -> str:
    return f"{x:.0f}" if nutrient == "magnesium" else f"{x:.2f}"


def best_step(result: CheckResult, v: Verdict) -> str:
    """One thing to do next: read the unread lines first when they decide the verdict, else close a gap."""
    if v.level in ("none", "thin"):
        return "fix the lines not counted (listed above with the closest foods), then check again"
    sugg = result.suggestions
    plan = getattr(sugg, "plan", None)
    if plan is not None and plan.items:
        c = plan.items[0]
        adds = ", ".join(f"+{_amount(c.amount(n) or 0.0, n)} mg {'Mg' if n == 'magnesium' else 'B6'}"
                         for n in NUTRIENTS if (c.amount(n) or 0.0) > 0)  # fmt: skip
        from mgb6.nutrition.suggest import short_name

        return f"add {short_name(c.food, 2).lower()} ({c.serving}) a day: {adds}"
    if all(result.gap[n] <= 0 for n in NUTRIENTS):
        return "keep eating this way; both goals are met"
    if v.level != "full":
        return "fix the lines not counted, then check again"
    return "see the advice above"
