"""Rich renderables for a check result; returns renderables, the CLI prints them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from mgb6.models import NUTRIENTS
from mgb6.nutrition.advice import (
    DISCLAIMER,  # defined with the advice so the JSON export need not import rich
)
from mgb6.nutrition.tally import CheckResult, supplement_name
from mgb6.report.grid import Grid, report_table
from mgb6.report.styles import ABBR as _ABBR
from mgb6.report.styles import LABEL, STYLE
from mgb6.report.styles import mg as _mg

if TYPE_CHECKING:  # the guidance modules are imported where a section needs them, not with the report
    from mgb6.foods.rankings import SearchResult
    from mgb6.nutrition.advice import Advice
    from mgb6.nutrition.limits import LimitWarning
    from mgb6.nutrition.suggest import Candidate, Suggestions

# Past these, tables stop growing (rendering costs ~1 ms a row); the JSON and CSV exports have every row.
MAX_DAY_ROWS = 400
MAX_PROBLEM_ROWS = 200


def _status(s: str) -> Text:
    from mgb6.nutrition.targets import STATUS_TEXT

    return Text(STATUS_TEXT.get(s, s), style=STYLE.get(s, ""))


def header(result: CheckResult) -> RenderableType:
    t = result.targets
    mg, b6 = t["magnesium"], t["vitamin_b6"]
    who = Text.assemble(("Targets for ", "bold"), (result.profile.describe(), "bold"))
    goals = Text(
        f"{result.profile.authority.upper()} {mg.life_stage}: Mg goal {mg.goal:g} mg, B6 goal {b6.goal:g} mg"
    )
    return OneLineOrTwo(who, goals)


class OneLineOrTwo:
    """Two pieces of text on one line when it fits, else each on its own line: never broken mid-phrase."""

    def __init__(self, first: Text, second: Text) -> None:
        self.first, self.second = first, second

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        joined = Text.assemble(self.first, "; ", self.second)
        if joined.cell_len <= options.max_width:
            yield joined
        else:
            yield self.first
            yield Text.assemble("  ", self.second)


def days_table(result: CheckResult) -> Grid:
    table = report_table("Per day")
    table.add_column("Day")
    table.add_column("Mg mg", justify="right")
    table.add_column("% goal", justify="right")
    table.add_column("B6 mg", justify="right")
    table.add_column("% goal", justify="right")
    table.add_column("Lines", justify="right")
    from mgb6.nutrition.targets import status
    from mgb6.report.styles import SYMBOL
    from mgb6.report.views import OVER, over_limit

    above = over_limit(result)
    shown = result.days[-MAX_DAY_ROWS:]  # a terminal table of decades of days helps no one; exports have all
    if len(shown) < len(result.days):
        table.caption = f"{len(result.days) - len(shown)} earlier days not shown; csv or json lists all"
    for d in shown:
        cells: list[str | Text] = [d.label + (" so far" if d.so_far else "")]
        if not d.items:  # a date header with no counted line: no totals (not 0), not in the mean
            table.add_row(*cells, "-", "-", "-", "-", "0")
            continue
        for n in NUTRIENTS:
            total = d.totals[n]
            goal = result.targets[n].goal
            mark = "*" if d.unknown[n] else ""
            cells.append(_mg(total, n) + mark)
            st = status(total, result.targets[n])
            # the symbol carries the status where colour does not (NO_COLOR, pipes, print-outs)
            if (n, d.label) in above:  # past an upper limit, more is not better: not a green check
                cells.append(Text(f"{100 * total / goal:.0f}% {OVER}", style="bold red"))
            else:
                symbol = SYMBOL.get(st, "?")
                cells.append(Text(f"{100 * total / goal:.0f}% {symbol}", style=STYLE.get(st, "")))
        cells.append(str(len(d.items)))
        table.add_row(*cells)
    if above:
        note = f"{OVER} above an upper limit (see Upper limits below)"
        table.caption = f"{table.caption}\n{note}" if table.caption else note
    if any(d.unknown[n] for d in result.days for n in NUTRIENTS):
        note = "* some items have no USDA value for this nutrient; the total counts the known ones"
        table.caption = f"{table.caption}\n{note}" if table.caption else note
    return table


def summary_table(result: CheckResult) -> Grid:
    from mgb6.nutrition.verdict import status_shown, verdict

    judged = verdict(result)
    n_days = result.mean_days
    table = report_table(f"Mean over {n_days} day{'s' if n_days != 1 else ''}")
    table.add_columns(("Nutrient", "left"), ("Mean mg", "right"), ("EAR", "right"), ("Goal", "right"),
                      ("% goal", "right"), ("Gap mg", "right"), ("Status", "left"))  # fmt: skip
    for n in NUTRIENTS:
        t = result.targets[n]
        mean = result.mean[n]
        pct = "-" if mean is None else f"{100 * mean / t.goal:.0f}%"
        goal = f"{t.goal:g}" + (" (AI)" if t.rda is None else "")
        table.add_row(
            LABEL[n], _mg(mean, n), "-" if t.ear is None else f"{t.ear:g}", goal, pct,
            _mg(result.gap[n], n) if result.gap[n] > 0 else "none", _status(status_shown(result, n, judged)),
        )  # fmt: skip
    from mgb6.nutrition.advice import conclusion_notes

    infant = result.profile.age is not None and result.profile.age < 1
    captions = [judged.caveat] if judged.caveat and judged.level in ("thin", "partial") else []
    captions += conclusion_notes(n_days, result.status, infant)
    if any(d.so_far for d in result.days) and n_days < sum(1 for d in result.days if d.items):
        captions.append("Today is not over, so it is left out of the mean (--include-today counts it).")
    table.caption = "\n".join(captions) or None
    return table


class TopFoods:
    """The top-foods table with food names cut to the room the terminal has: one line per food at 60
    columns, whole names at 200 (a fixed cut wasted wide screens and still wrapped on narrow ones)."""

    def __init__(self, result: CheckResult) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # two amount columns of up to "1234 (100%)" / "12.34 (100%)", and the table's padding
        room = max(14, (options.max_width - 2 * 12 - 10) // 2)
        yield top_table(self.result, room)


def top_table(result: CheckResult, name_width: int = 34) -> Grid:
    table = report_table("Foods that carried it")
    table.add_column("Magnesium")
    table.add_column("mg", justify="right")
    table.add_column("Vitamin B6")
    table.add_column("mg", justify="right")
    mg, b6 = result.top["magnesium"], result.top["vitamin_b6"]
    custom = {i.food_id for i in result.items if i.source == "custom"}
    if custom:  # the user's own values are marked wherever they appear
        mg, b6 = ([c if c.food_id not in custom else c._replace(food=c.food + " (custom)") for c in cs]
                  for cs in (mg, b6))  # fmt: skip
    for i in range(max(len(mg), len(b6))):
        a = mg[i] if i < len(mg) else None
        b = b6[i] if i < len(b6) else None
        table.add_row(
            _short(a.food, name_width) if a else "", f"{a.amount_mg:.0f} ({a.share:.0%})" if a else "",
            _short(b.food, name_width) if b else "", f"{b.amount_mg:.2f} ({b.share:.0%})" if b else "",
        )  # fmt: skip
    return table


def _short(text: str, width: int = 34) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def problems_table(result: CheckResult) -> Grid:
    table = report_table("Lines not counted")
    table.add_column("Line", justify="right")
    table.add_column("Text")
    table.add_column("Why / closest foods")
    multi = len({p.path for p in result.problems}) > 1
    hidden = len(result.problems) - MAX_PROBLEM_ROWS
    if hidden > 0:
        table.caption = f"{hidden} more lines not counted; --format json lists them all"
    for p in result.problems[:MAX_PROBLEM_ROWS]:
        where = f"{p.path}:{p.line}" if multi else str(p.line)
        why = p.reason
        if p.candidates:
            why += "; closest: " + " | ".join(p.candidates)
        table.add_row(where, p.text, why)
    return table


def coverage_line(result: CheckResult) -> Text:
    counted, total, partly = result.counted_lines, result.food_lines, result.partly_counted_lines
    style = "green" if counted == total and not partly else "yellow"
    some = f" ({partly} of them only in part)" if partly else ""
    line = Text(f"Totals cover {counted} of {total} food lines{some}.", style=style)
    assumed = result.assumed_amount_lines
    if assumed:
        lines = "line rests" if assumed == 1 else "lines rest"
        line.append(f" {assumed} counted {lines} on an assumed amount (see its note; --strict-amounts "
                    "refuses them).", style="yellow")  # fmt: skip
    return line


def report(result: CheckResult, targets_from: str | None = None, every_line: bool = False) -> RenderableType:
    """The whole table report of ``mgb6 check``; ``targets_from`` says whose targets these are,
    ``every_line`` lists how every line was read (not only the ones worth a look)."""
    from mgb6.report.lines import readings_table
    from mgb6.report.views import custom_foods_table, narrow_summary, trend_charts

    parts: list[RenderableType] = [header(result)]
    if targets_from:
        parts.append(Text(f"Targets from {targets_from}", style="dim"))
    elif result.profile.is_default:
        parts.append(
            Text(
                "Using default targets; set yours with --sex and --age (e.g. --sex female --age 34).",
                style="dim",
            )
        )
    parts.append(days_table(result))
    chart = trend_charts(result)
    if chart is not None:
        parts.append(chart)
    parts += [narrow_summary(summary_table(result)), TopFoods(result)]
    custom = custom_foods_table(result)
    if custom is not None:
        parts.append(custom)
    readings = readings_table(result, every_line)
    if readings is not None:
        parts.append(readings)
    if result.problems:
        parts.append(problems_table(result))
    parts.append(coverage_line(result))
    for note in result.notes:
        parts.append(Text(note, style="dim"))
    parts += guidance(result)
    parts.append(Text(DISCLAIMER, style="dim italic"))
    from mgb6.report.summary import closing_summary

    parts.append(closing_summary(result))  # last, so it is what stays on screen
    return Group(*parts)


# --- supplements, upper limits, suggestions and advice (issue 3) ---------------------------------------


def supplements_table(result: CheckResult) -> RenderableType | None:
    """Supplements shown apart from food; they are counted in the day totals above."""
    supp = [i for i in result.items if i.is_supplement]
    if not supp:
        return None
    compound = result.compound_weights
    reading = "compound weight (--compound-weights)" if compound else "elemental (label convention)"
    marked = sum(1 for i in supp if i.reading and i.reading != ("compound" if compound else "elemental"))
    if marked:
        reading += f", except {marked} line{'s' if marked > 1 else ''} read otherwise (see 'Read as')"
    table = report_table(
        "Supplements (counted in the totals)",
        caption=f"Magnesium read as {reading}; mark a line '(compound)' or '(elemental)' to override.",
    )
    table.add_columns(("Day", "left"), ("Line", "right"), ("Text", "left"), ("Mg mg", "right"),
                      ("B6 mg", "right"), ("Read as", "left"))  # fmt: skip
    if len(supp) > MAX_PROBLEM_ROWS:  # rows cost ~0.4 ms each to render; the exports list every line
        table.caption += f"\n{len(supp) - MAX_PROBLEM_ROWS} more supplement lines; --format json lists all"
    for i in supp[:MAX_PROBLEM_ROWS]:
        table.add_row(
            i.date.isoformat() if i.date else "-", str(i.line), supplement_name(i.text),
            _mg(i.magnesium_mg, "magnesium") if i.magnesium_mg else "-",
            _mg(i.vitamin_b6_mg, "vitamin_b6") if i.vitamin_b6_mg else "-", i.reading or "-",
        )  # fmt: skip
    # how each named form was read, and how to read it the other way: once per distinct note
    lines: dict[str, list[str]] = {}
    for i in supp:
        for note in i.notes:
            if "'(compound)'" in note or "'(elemental)'" in note or "label states" in note:
                lines.setdefault(note, []).append(str(i.line))
    if not lines:
        return table
    shown = []
    for note, ls in list(lines.items())[:6]:
        where = ", ".join(ls[:5]) + (", ..." if len(ls) > 5 else "")
        shown.append(Text(f"line{'s' if len(ls) > 1 else ''} {where}: {note}", style="dim"))
    return Group(table, *shown)


def warnings_section(warnings: Sequence[LimitWarning]) -> RenderableType | None:
    """Upper-limit warnings grouped by limit: days over it, the highest amount, the message and source.

    The safety caveat that ends every magnesium or B6 limit message is said once, after the warnings.
    """
    from mgb6.nutrition.limits import CAVEATS

    if not warnings:
        return None
    groups: dict[tuple[str, str, str], list[LimitWarning]] = {}
    for w in warnings:
        groups.setdefault((w.nutrient, w.kind, w.authority), []).append(w)
    lines: list[RenderableType] = [Text("Upper limits", style="bold")]
    said: list[str] = []
    for ws in groups.values():
        top = max(ws, key=lambda w: w.amount)
        style = "yellow" if top.kind in ("label_threshold", "no_ul") else "bold red"
        days = ", ".join(w.day for w in ws)
        message = top.message
        for caveat in CAVEATS:
            if message.endswith(caveat):
                message = message[: -len(caveat)].rstrip()
                said += [caveat] if caveat not in said else []
        lines.append(Text(f"! {message}", style=style))
        lines.append(Text(f"  days: {days}; source: {top.source}", style="dim"))
    lines += [Text(f"  {caveat}", style="yellow") for caveat in said]
    return Group(*lines)


def suggestions_section(sugg: Suggestions | None, title: str = "To close the gap") -> RenderableType | None:
    """The ranked foods and the combined plan (None when no suggestions were made)."""
    from mgb6.nutrition.suggest import short_name

    if sugg is None:
        return None
    if not sugg.open:
        return Text("To close the gap: no gap; both nutrients are at or above target.", style="green")
    gaps = ", ".join(f"{LABEL[n]} {_mg(g, n)} mg" for n, g in sugg.gaps.items() if g > 0)
    per = "per serving" if sugg.per == "serving" else "per 100 kcal"
    table = report_table(f"{title}: {gaps} a day (ranked by gap closed {per})")
    table.add_columns(("Food", "left"), ("Serving", "left"), ("Mg mg", "right"), ("B6 mg", "right"),
                      ("Gap closed", "left"), ("kcal", "right"))  # fmt: skip
    notes: list[RenderableType] = []
    for s in sugg.items:
        c = s.candidate
        closed = ", ".join(f"{_ABBR[n]} {_pct(_share(c, n, sugg))}" for n in s.closes)
        name = short_name(c.food) + (" *" if s.already_eaten else "")
        table.add_row(
            _short(name, 40), f"{c.serving} ({c.grams:.0f} g)",
            f"+{_mg(c.magnesium_mg, 'magnesium')}", f"+{_mg(c.vitamin_b6_mg, 'vitamin_b6')}", closed,
            "unknown" if c.kcal is None else f"{c.kcal:.0f}",
        )  # fmt: skip
        if s.already_eaten and len(notes) < 2:
            share, which = max(((_share(c, n, sugg), n) for n in s.closes), default=(0.0, "magnesium"))
            notes.append(Text(
                f"You already eat {c.key}: another {c.serving} of {short_name(c.food, 3).lower()} "
                f"closes {_pct(share)} "
                f"of the {LABEL[which].lower()} gap.", style="cyan",
            ))  # fmt: skip
    if not sugg.items:
        return Text(f"{title}: no suggestable food fits these filters.", style="yellow")
    if any(s.already_eaten for s in sugg.items):
        table.caption = "* already in your log (ranked up)"
    parts: list[RenderableType] = [table, *notes]
    p = sugg.plan
    if p is not None:
        foods = " + ".join(f"{short_name(c.food, 2).lower()} ({c.serving})" for c in p.items)
        got = ", ".join(f"+{_mg(p.totals[n], n)} mg {_ABBR[n]}" for n in NUTRIENTS)
        verdict = (
            "closes the gap" + ("s" if len(p.remaining) > 1 else "")
            if p.closes_gaps
            else (
                "gets closest within 3 servings; still short: "
                + ", ".join(f"{LABEL[n]} {_mg(v, n)} mg" for n, v in p.remaining.items() if v > 0)
            )
        )
        parts.append(Text(f"Plan: {foods}: {got}, {p.kcal:.0f} kcal; {verdict}.", style="bold"))
    return Group(*parts)


def _share(c: Candidate, nutrient: str, sugg: Suggestions) -> float:
    amount = c.amount(nutrient) or 0.0
    gap = sugg.gaps[nutrient]
    return amount / gap if gap else 0.0


def _pct(x: float) -> str:
    return ">100%" if x > 1 else f"{x:.0%}"


def advice_section(advice: Sequence[Advice], said: Sequence[str] = ()) -> RenderableType | None:
    """Graded advice lines; a caveat the upper-limit warnings already said (``said``) is not repeated."""
    advice = [a for a in advice if a.text not in said]
    if not advice:
        return None
    lines: list[RenderableType] = [Text("Advice", style="bold")]
    for a in advice:
        lines.append(Text.assemble(f"- {a.text} ", (f"[evidence: {a.grade}; {a.source}]", "dim")))
    return Group(*lines)


def guidance(result: CheckResult) -> list[RenderableType]:
    """Supplements, upper-limit warnings, suggestions and advice, in that order (None parts skipped)."""
    from mgb6.nutrition.limits import CAVEATS

    said = [c for c in CAVEATS if any(w.message.endswith(c) for w in result.warnings)]
    parts = [
        supplements_table(result),
        warnings_section(result.warnings),
        suggestions_section(result.suggestions) if result.suggestions is not None else _no_plan(result),
        advice_section(result.advice, said),
    ]
    return [p for p in parts if p is not None]


def _no_plan(result: CheckResult) -> RenderableType | None:
    """Say why there is no plan when a thin log held the verdict back (nutrition/verdict.py)."""
    from mgb6.nutrition.verdict import verdict

    if not verdict(result).held:
        return None
    return Text("To close the gap: no plan yet; too few lines were counted to know the gap.", style="yellow")


def suggest_report(sugg: Suggestions) -> RenderableType:
    """``mgb6 suggest``: the suggestions for gaps given on the command line, and the disclaimer."""
    part = suggestions_section(sugg)
    return Group(*(p for p in (part, Text(DISCLAIMER, style="dim italic")) if p is not None))


def search_report(r: SearchResult) -> RenderableType:
    """``mgb6 foods search``: the food a log line would count and the other candidates."""
    table = report_table(f"Matches for {r.text!r}")
    table.add_columns(("", "left"), ("Food id", "left"), ("Description", "left"), ("Score", "right"))
    for fid, desc, score in r.candidates:
        mark = "->" if fid == r.chosen else ""
        table.add_row(mark, fid, desc, f"{score:.0f}")
    if r.chosen:
        verdict = Text(f"mgb6 would count {r.chosen} (by {r.method}).", style="green")
    else:
        verdict = Text(
            f"No candidate reaches the confidence threshold ({r.threshold:.0f}): the line would be listed as "
            "unmatched.", style="yellow",
        )  # fmt: skip
    return Group(table, verdict)


def top_foods_table(rows: Sequence[dict[str, Any]], nutrient: str, per: str) -> RenderableType:
    """``mgb6 foods top``: ``rows`` as rankings.top_foods gives them (the dicts the JSON and CSV write)."""
    key = "magnesium" if nutrient == "magnesium" else "vitamin_b6"
    unit = {"serving": "per serving", "100g": "per 100 g", "100kcal": "per 100 kcal"}[per]
    table = report_table(f"Top foods for {LABEL[key]}, mg {unit}")
    table.add_column("Food")
    if per == "serving":
        table.add_column("Serving")
    table.add_column("mg", justify="right")
    table.add_column("Category")
    table.add_column("Food id")
    for r in rows:
        cells = [_short(r["food"], 50)]
        if per == "serving":
            cells.append(f"{r['serving']} ({r['grams']:.0f} g)")
        cells += [_mg(r["value"], key), _short(r["category"], 30), r["food_id"]]
        table.add_row(*cells)
    if not rows:
        return Text("No food matches these filters.", style="yellow")
    return table
