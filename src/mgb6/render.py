"""Rich renderables for a check result; returns renderables, the CLI prints them."""

from __future__ import annotations

from dataclasses import replace

from rich import box
from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from mgb6.models import NUTRIENTS
from mgb6.scoring import CheckResult
from mgb6.targets import STATUS_ADEQUATE, STATUS_BELOW_AI, STATUS_LIKELY, STATUS_POSSIBLY

LABEL = {"magnesium": "Magnesium", "vitamin_b6": "Vitamin B6"}
STYLE = {STATUS_LIKELY: "red", STATUS_POSSIBLY: "yellow", STATUS_ADEQUATE: "green", STATUS_BELOW_AI: "yellow"}
DISCLAIMER = "Not medical advice; ask a clinician before changing supplements."


def _mg(x: float | None, nutrient: str) -> str:
    if x is None:
        return "unknown"
    return f"{x:.0f}" if nutrient == "magnesium" else f"{x:.2f}"


def _status(s: str) -> Text:
    return Text(s, style=STYLE.get(s, ""))


def header(result: CheckResult) -> RenderableType:
    t = result.targets
    mg, b6 = t["magnesium"], t["vitamin_b6"]
    line = Text.assemble(
        ("Targets for ", "bold"),
        (result.profile.describe(), "bold"),
        f"  (IOM DRI {mg.life_stage}): Mg goal {mg.goal:g} mg, B6 goal {b6.goal:g} mg",
    )
    return line


def days_table(result: CheckResult) -> Table:
    table = Table(title="Per day", box=box.SIMPLE_HEAVY, title_justify="left")
    table.add_column("Day")
    table.add_column("Mg mg", justify="right")
    table.add_column("% goal", justify="right")
    table.add_column("B6 mg", justify="right")
    table.add_column("% goal", justify="right")
    table.add_column("Lines", justify="right")
    from mgb6.targets import status

    for d in result.days:
        cells: list[RenderableType] = [escape(d.label)]
        for n in NUTRIENTS:
            total = d.totals[n]
            goal = result.targets[n].goal
            mark = "*" if d.unknown[n] else ""
            cells.append(_mg(total, n) + mark)
            cells.append(Text(f"{100 * total / goal:.0f}%", style=STYLE.get(status(total, result.targets[n]), "")))
        cells.append(str(len(d.items)))
        table.add_row(*cells)
    if any(d.unknown[n] for d in result.days for n in NUTRIENTS):
        table.caption = "* some items have no USDA value for this nutrient; the total counts the known ones"
    return table


def summary_table(result: CheckResult) -> Table:
    n_days = sum(1 for d in result.days if d.items)
    table = Table(
        title=f"Mean over {n_days} day{'s' if n_days != 1 else ''}", box=box.SIMPLE_HEAVY, title_justify="left"
    )
    for col, just in (("Nutrient", "left"), ("Mean mg", "right"), ("EAR", "right"), ("Goal", "right"),
                      ("% goal", "right"), ("Gap mg", "right"), ("Status", "left")):  # fmt: skip
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for n in NUTRIENTS:
        t = result.targets[n]
        mean = result.mean[n]
        pct = "-" if mean is None else f"{100 * mean / t.goal:.0f}%"
        goal = f"{t.goal:g}" + (" (AI)" if t.rda is None else "")
        table.add_row(
            LABEL[n], _mg(mean, n), "-" if t.ear is None else f"{t.ear:g}", goal, pct,
            _mg(result.gap[n], n) if result.gap[n] > 0 else "none", _status(result.status[n]),
        )  # fmt: skip
    if n_days and n_days < 3:
        table.caption = "One or two days say little about usual intake; log a week for a fair picture."
    return table


def top_table(result: CheckResult) -> Table:
    table = Table(title="Foods that carried it", box=box.SIMPLE_HEAVY, title_justify="left")
    table.add_column("Magnesium")
    table.add_column("mg", justify="right")
    table.add_column("Vitamin B6")
    table.add_column("mg", justify="right")
    mg, b6 = result.top["magnesium"], result.top["vitamin_b6"]
    custom = {i.food_id for i in result.items if i.source == "custom"}
    if custom:  # the user's own values are marked wherever they appear
        mg, b6 = ([c if c.food_id not in custom else replace(c, food=c.food + " (custom)") for c in cs]
                  for cs in (mg, b6))  # fmt: skip
    for i in range(max(len(mg), len(b6))):
        a = mg[i] if i < len(mg) else None
        b = b6[i] if i < len(b6) else None
        table.add_row(
            escape(_short(a.food)) if a else "", f"{a.amount_mg:.0f} ({a.share:.0%})" if a else "",
            escape(_short(b.food)) if b else "", f"{b.amount_mg:.2f} ({b.share:.0%})" if b else "",
        )  # fmt: skip
    return table


def _short(text: str, width: int = 34) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def problems_table(result: CheckResult) -> Table:
    table = Table(title="Lines not counted", box=box.SIMPLE_HEAVY, title_justify="left")
    table.add_column("Line", justify="right")
    table.add_column("Text")
    table.add_column("Why / closest foods")
    multi = len({p.path for p in result.problems}) > 1
    for p in result.problems:
        where = f"{p.path}:{p.line}" if multi else str(p.line)
        why = p.reason
        if p.candidates:
            why += "; closest: " + " | ".join(p.candidates)
        table.add_row(where, escape(p.text), escape(why))
    return table


def coverage_line(result: CheckResult) -> Text:
    counted, total = result.counted_lines, result.food_lines
    style = "green" if counted == total else "yellow"
    return Text(f"Totals cover {counted} of {total} food lines.", style=style)


def report(result: CheckResult, targets_from: str | None = None) -> RenderableType:
    """The whole table report of ``mgb6 check``; ``targets_from`` says whose targets these are."""
    from mgb6.views import custom_foods_table, narrow_summary, trend_charts

    parts: list[RenderableType] = [header(result)]
    if targets_from:
        parts.append(Text(f"Targets from {targets_from}", style="dim"))
    elif result.profile.is_default:
        parts.append(
            Text("Using default targets; set yours with --sex and --age (e.g. --sex female --age 34).", style="dim")
        )
    parts.append(days_table(result))
    chart = trend_charts(result)
    if chart is not None:
        parts.append(chart)
    parts += [narrow_summary(summary_table(result)), top_table(result)]
    custom = custom_foods_table(result)
    if custom is not None:
        parts.append(custom)
    if result.problems:
        parts.append(problems_table(result))
    parts.append(coverage_line(result))
    for note in result.notes:
        parts.append(Text(note, style="dim"))
    parts.append(Text(DISCLAIMER, style="dim italic"))
    return Group(*parts)
