"""The few lines that end the report: the verdict with its coverage, the gap, and the one best step.

A week's report is taller than a screen; these lines are what is left in view when it has scrolled, so
they must stand alone (nutrition/verdict.py decides what the coverage allows them to say).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from mgb6.models import NUTRIENTS
from mgb6.nutrition.targets import STATUS_TEXT
from mgb6.nutrition.verdict import STATUS_HELD, Verdict, best_step, status_shown, verdict
from mgb6.report.styles import LABEL, STYLE
from mgb6.report.styles import mg as _mg

if TYPE_CHECKING:
    from mgb6.nutrition.tally import CheckResult


def coverage_text(v: Verdict) -> str:
    """ "12 of 14 food lines counted (86%)", the figure that tells how far the verdict goes."""
    return f"{v.counted} of {v.total} food lines counted ({v.share:.0%})"


def closing_summary(result: CheckResult) -> RenderableType:
    from rich.table import Table

    v = verdict(result)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    days = result.mean_days
    over = f"mean of {days} day{'s' if days != 1 else ''}"
    if any(d.so_far for d in result.days):
        over += "; today included, so far" if _in_mean(result) else "; today left out (not over yet)"
    for n in NUTRIENTS:
        t = result.targets[n]
        mean = result.mean[n]
        shown = status_shown(result, n, v)
        line = Text()
        if mean is None:
            line.append("nothing counted", style="dim")
        else:
            line.append(f"{_mg(mean, n)} mg/day, {100 * mean / t.goal:.0f}% of the {t.goal:g} mg goal: ")
            line.append(STATUS_TEXT.get(shown, shown), style=STYLE.get(shown, "dim"))
            if result.gap[n] > 0 and shown != STATUS_HELD:
                line.append(f", {_mg(result.gap[n], n)} mg short")
        grid.add_row(LABEL[n], line)
    cover = Text(f"{coverage_text(v)}; {over}", style="green" if v.level == "full" else "yellow")
    if v.level == "thin":  # the figures are already on this line: only what they mean
        cover.append(": too few to judge intake")
    elif v.caveat and v.level != "full":
        cover.append(f". {v.caveat}")
    grid.add_row("Coverage", cover)
    grid.add_row("Best step", Text(best_step(result, v), style="bold"))
    return Group(Text("Summary", style="bold"), grid)


def _in_mean(result: CheckResult) -> bool:
    """Whether today's unfinished day is part of the mean (asked for, or the only day)."""
    counted = sum(1 for d in result.days if d.items)
    return result.mean_days == counted
