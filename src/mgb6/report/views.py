"""Rich renderables for the trend chart, targets, profile and Cronometer comparison; and report export.

Render-only: everything shown here was computed elsewhere. The chart measures the width it is given,
so it fits 80 (or 60) columns, and marks each day's status with a symbol so it reads without colour.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from mgb6.models import NUTRIENTS
from mgb6.nutrition.targets import (
    STATUS_ADEQUATE,
    STATUS_LIKELY,
    STATUS_POSSIBLY,
    Target,
    status,
)
from mgb6.report.grid import Grid, Layout, report_table
from mgb6.report.styles import LABEL, STYLE, SYMBOL, mg

if TYPE_CHECKING:
    from mgb6.log.cronometer import Comparison
    from mgb6.nutrition.tally import CheckResult, Day
    from mgb6.nutrition.targets import Profile

MAX_CHART_DAYS = 31
BAR, GOAL, MEAN = "█", "│", "◆"
EIGHTHS = " ▏▎▍▌▋▊▉"


class TrendChart(NamedTuple):
    """Horizontal bars, one per day, against the goal line (│), with the mean as the last bar (◆)."""

    nutrient: str
    target: Target
    days: list[tuple[str, float | None]]  # (label, total); None = no counted items that day
    mean: float | None
    hidden_days: int = 0
    over: frozenset[str] = frozenset()  # labels of days above an upper limit: marked OVER, not ✓

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        n, t = self.nutrient, self.target
        width = max(40, options.max_width)
        label_w = max([10, *(len(lbl) for lbl, _ in self.days)])
        label_w = min(label_w, 16)
        shown = [v for _, v in self.days if v is not None] + ([self.mean] if self.mean is not None else [])
        num_w = max([5, *(len(mg(v, n)) for v in shown)])
        pct_w = max([4, *(len(f"{100 * v / t.goal:.0f}%") for v in shown)])
        value_w = num_w + pct_w + 1  # " 1234 107%", wider when a day reaches 1000% or more
        bar_w = max(10, width - label_w - 3 - value_w - 1)
        values = [v for _, v in self.days if v is not None]
        top = max([t.goal * 1.25, *values, self.mean or 0.0])
        scale = bar_w / top
        goal_col = min(bar_w - 1, round(t.goal * scale))
        title = Text.assemble(
            (f"{LABEL[n]} per day", "bold"),
            f"  (goal {t.goal:g} mg {GOAL}  mean {MEAN}",
            f"; last {len(self.days)} of {len(self.days) + self.hidden_days} days"
            if self.hidden_days
            else "",
            ")",
        )
        yield title
        rows = [*self.days, ("mean", self.mean)]
        for i, (label, value) in enumerate(rows):
            is_mean = i == len(rows) - 1
            if is_mean:
                yield Text(" " * (label_w + 3) + "─" * bar_w, style="dim")
            line = Text(f"{label[:label_w]:<{label_w}} ", style="bold" if is_mean else "")
            if value is None:
                line.append("? ", style="dim")
                line.append(" " * goal_col + GOAL, style="dim")
                line.append("  no counted lines", style="dim")
                yield line
                continue
            st = status(value, t)
            style = STYLE.get(st, "")
            if not is_mean and label in self.over:
                line.append(OVER + " ", style="bold red")
            else:
                line.append(SYMBOL.get(st, "?") + " ", style=style)
            cells = min(float(bar_w), value * scale)
            full = int(cells)
            partial = EIGHTHS[int((cells - full) * 8)]
            end = full - 1 if partial == " " else full
            run, run_style = "", ""
            for col in range(bar_w):
                if col == goal_col:
                    char, char_style = GOAL, "bold"
                elif is_mean and col == max(end, 0):
                    char, char_style = MEAN, style
                elif col < full:
                    char, char_style = BAR, style
                elif col == full and partial != " ":
                    char, char_style = partial, style
                else:
                    char, char_style = " ", ""
                if char_style != run_style and run:
                    line.append(run, style=run_style)  # one span per run: rich renders spans, not cells
                    run = ""
                run, run_style = run + char, char_style
            line.append(run, style=run_style)
            pct = f"{100 * value / t.goal:.0f}%"
            line.append(f" {mg(value, n):>{num_w}} {pct:>{pct_w}}")
            yield line


OVER = "!"  # a day above an upper limit: not "✓" (more is not better past the UL; see "Upper limits")


def over_limit(result: CheckResult) -> set[tuple[str, str]]:
    """(nutrient, day label) of every day the limits check found above an upper limit."""
    return {(w.nutrient, w.day) for w in result.warnings if w.kind in ("supplement_ul", "total_ul")}


def trend_charts(result: CheckResult) -> RenderableType | None:
    """The Mg and B6 charts for a log of two or more counted days; ``None`` otherwise."""
    if sum(1 for d in result.days if d.items) < 2:
        return None
    days: list[Day] = result.days
    shown = days[-MAX_CHART_DAYS:]
    hidden = len(days) - len(shown)
    charts: list[RenderableType] = []
    above = over_limit(result)
    for n in NUTRIENTS:
        bars = [(d.label, d.totals[n] if d.items else None) for d in shown]
        over = frozenset(day for nutrient, day in above if nutrient == n)
        charts.append(TrendChart(n, result.targets[n], bars, result.mean[n], hidden, over))
    legend = Text(
        f"{SYMBOL[STATUS_ADEQUATE]} at/above goal  {SYMBOL[STATUS_POSSIBLY]} below goal, not below EAR  "
        f"{SYMBOL[STATUS_LIKELY]} below EAR  "
        + (f"{OVER} above an upper limit  " if above else "")
        + f"{GOAL} goal  {MEAN} mean",
        style="dim",
    )
    return Group(*charts, legend)


def targets_table(targets: dict[str, Target], describe: str, origin: str) -> RenderableType:
    """EAR, RDA/AI and UL for both nutrients, what each UL covers, and the sources as numbered notes."""
    return _TargetsView(targets, describe, origin)


class _TargetsView(NamedTuple):
    """The targets table; under 100 columns what each UL covers moves from a column to notes below it,
    so "Magnesium" and the numbers never get squeezed into "Magnes…"."""

    targets: dict[str, Target]
    describe: str
    origin: str

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _targets(self.targets, self.describe, self.origin, wide=options.max_width >= 100)


def _targets(targets: dict[str, Target], describe: str, origin: str, *, wide: bool) -> RenderableType:
    table = report_table(f"Targets for {describe}")
    table.add_column("Nutrient", layout=Layout(no_wrap=True))
    table.add_column("Life stage")
    table.add_columns(("EAR", "right"), ("RDA / AI", "right"), ("UL", "right"))
    if wide:
        table.add_column("UL applies to")
    table.add_column("Src", "right")
    sources: list[str] = []
    covers: list[Text] = []
    for n in NUTRIENTS:
        t = targets[n]
        if t.source not in sources:
            sources.append(t.source)
        goal = f"{t.rda:g}" if t.rda is not None else f"{t.ai:g} (AI)" if t.ai is not None else "-"
        cells = [LABEL[n], t.life_stage, "-" if t.ear is None else f"{t.ear:g}", goal,
                 "none set" if t.ul is None else f"{t.ul:g}"]  # fmt: skip
        if wide:
            cells.append(t.ul_applies_to or "-")
        elif t.ul_applies_to:
            covers.append(Text(f"{LABEL[n]} UL applies to {t.ul_applies_to}."))
        table.add_row(*cells, f"[{sources.index(t.source) + 1}]")
    notes = [*covers, Text(f"All values in mg/day. Targets from {origin}.", style="dim")]
    for i, s in enumerate(sources, 1):
        notes.append(Text(f"[{i}] {s}", style="dim"))
    return Group(table, *notes)


def profile_view(p: Profile, path: Path) -> RenderableType:
    table = report_table("Profile", header=False)
    table.add_column("Field", layout=Layout(style="bold"))
    table.add_column("Value")
    stage = "pregnant" if p.pregnant else "lactating" if p.lactating else "-"
    rows = [
        ("sex", p.sex or "not set (the higher RDA of the two is used)"),
        ("age", "not set (adult 31-50)" if p.age is None else f"{p.age:g}"),
        ("life stage", stage),
        ("authority", p.authority),
        ("diet", p.diet or "-"),
        ("avoid", ", ".join(p.avoid) or "-"),
        (
            "date order",
            {"dmy": "day first (3/4 = 3 April)", "mdy": "month first (3/4 = March 4)"}.get(
                p.date_order or "", "not set (a date such as 3/4/2025 is refused)"
            ),
        ),
    ]
    for k, v in rows:
        table.add_row(k, v)
    return Group(table, Text(f"Stored in {path}", style="dim"))


def compare_table(rows: Iterable[Comparison]) -> Grid:
    """mgb6's totals beside Cronometer's for the same servings, with the difference in percent."""
    table = report_table("mgb6 vs Cronometer (same servings, mg)")
    table.add_column("Day")
    table.add_column("Lines", justify="right")
    for head in ("Mg mgb6", "Mg Cron.", "Δ", "B6 mgb6", "B6 Cron.", "Δ"):
        table.add_column(head, justify="right")

    def diff(mine: float, theirs: float | None) -> Text:
        if theirs is None or theirs == 0:
            return Text("-")
        d = 100 * (mine - theirs) / theirs
        return Text(f"{d:+.0f}%", style="green" if abs(d) <= 15 else "yellow")

    def val(x: float | None, n: str) -> str:
        return "-" if x is None else mg(x, n)

    for r in rows:
        table.add_row(
            r.day.isoformat() if r.day else "undated", f"{r.counted}/{r.servings}",
            val(r.mgb6_magnesium, "magnesium"), val(r.cronometer_magnesium, "magnesium"),
            diff(r.mgb6_magnesium, r.cronometer_magnesium),
            val(r.mgb6_vitamin_b6, "vitamin_b6"), val(r.cronometer_vitamin_b6, "vitamin_b6"),
            diff(r.mgb6_vitamin_b6, r.cronometer_vitamin_b6),
        )  # fmt: skip
    table.caption = (
        "Cronometer's values summed over the servings mgb6 counted (Lines: counted/exported). "
        "Δ = mgb6 minus Cronometer in % (green within ±15%)."
    )
    return table


def custom_foods_table(result: CheckResult) -> Grid | None:
    """The user's own foods that this log used, so custom values never hide among USDA ones."""
    used: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for item in result.items:
        if item.source == "custom" and item.food_id:
            used.setdefault(item.food_id, []).append(item.line)
            names[item.food_id] = item.food
    if not used:
        return None
    table = report_table("Custom foods used (your values, not USDA's)")
    table.add_column("Id")
    table.add_column("Food")
    table.add_column("Lines", justify="right")
    for fid, lines in used.items():
        shown = ", ".join(str(x) for x in lines[:8]) + ("…" if len(lines) > 8 else "")
        table.add_row(fid, names[fid], shown)
    return table


REPORT_WIDTH = 100


def export_report(
    renderable: RenderableType, fmt: str, *, title: str = "mgb6 report", color: bool = True
) -> str:
    """The report as a standalone HTML page or SVG image, through rich's own recording console."""
    console = Console(
        record=True, file=io.StringIO(), width=REPORT_WIDTH, force_terminal=True,
        color_system="truecolor" if color else None, no_color=not color, highlight=False, emoji=False,
    )  # fmt: skip
    console.print(renderable)
    if fmt == "svg":
        return console.export_svg(title=title, code_format=_svg_format())
    return console.export_html(inline_styles=True)


def _svg_format() -> str:
    """rich's SVG template without its @font-face rules, which fetch Fira Code from a CDN when the file
    is opened: mgb6 never uses the network, and its report must not either. The text falls back to the
    viewer's own monospace font (the template's font-family already lists it)."""
    import re

    from rich._export_format import CONSOLE_SVG_FORMAT

    return re.sub(r"@font-face \{\{.*?\}\}\s*", "", CONSOLE_SVG_FORMAT, flags=re.S)


class Fit(NamedTuple):
    """Render the table at its natural width if the terminal has room, else narrower copies of it.

    Lets a wide table give way to a narrower version of itself (fewer columns) instead of truncating
    words such as "possibly inadequate" into "possi…" at 60 columns. The copies are made only when
    needed.
    """

    table: Grid
    drops: tuple[tuple[str, ...], ...]  # column headers to drop, one more set at each step

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.measure import Measurement

        candidate = self.table
        for drop in self.drops:
            if Measurement.get(console, options.update_width(10_000), candidate).maximum <= options.max_width:
                break
            candidate = candidate.without(drop)
        yield candidate


def narrow_summary(table: Grid) -> Fit:
    """The summary table, dropping the EAR and gap columns (then the goal, named in the header) if short."""
    return Fit(table, (("EAR", "Gap mg"), ("Goal",)))
