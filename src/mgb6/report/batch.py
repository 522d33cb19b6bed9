"""Rich table of a batch summary: one row per log; returns renderables, the CLI prints them."""

from __future__ import annotations

import os

from rich.console import Group, RenderableType
from rich.text import Text

from mgb6.batch import STATUS_ERROR, BatchResult
from mgb6.nutrition.targets import (
    STATUS_ADEQUATE,
    STATUS_LIKELY,
    STATUS_POSSIBLY,
    STATUS_TEXT,
    STATUS_UNKNOWN,
)
from mgb6.nutrition.verdict import STATUS_HELD, THIN
from mgb6.report.grid import Layout, report_table
from mgb6.report.render import DISCLAIMER
from mgb6.report.styles import STYLE, SYMBOL


def _num(x: float | None, fmt: str) -> str:
    return "-" if x is None else format(x, fmt)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0f}%"


def _common_folder(files: list[str]) -> str:
    folders = [os.path.dirname(os.path.abspath(f)) for f in files]
    try:
        common = os.path.commonpath(folders) if folders else ""
    except ValueError:  # different drives
        return ""
    return common if common not in ("", os.sep) else ""


def batch_report(result: BatchResult) -> RenderableType:
    mg, b6 = result.targets["magnesium"], result.targets["vitamin_b6"]
    common = _common_folder([r.file for r in result.rows])
    where = f" in {common}" if common else ""
    n = len(result.rows)
    names = [os.path.relpath(os.path.abspath(r.file), common) if common else r.file for r in result.rows]
    table = report_table(f"{n} log{'s' if n != 1 else ''}{where}")
    # a file name is never folded mid-word: it keeps its width (up to 40), cut with "…" past that
    longest = max(map(len, names), default=4)
    table.add_column("File", layout=Layout(no_wrap=True, overflow="ellipsis", min_width=min(40, longest)))
    for col in ("Days", "Mg mg", "Mg %", "B6 mg", "B6 %", "Not counted"):
        table.add_column(col, "right", Layout(no_wrap=True))
    for col in ("Mg status", "B6 status"):
        table.add_column(col, "left", Layout(no_wrap=True))
    errors: list[Text] = []
    for row, name in zip(result.rows, names, strict=True):
        if row.error:
            failed = Text(STATUS_ERROR, style="red")  # in a column every width keeps, and in the status one
            table.add_row(name, "", "", failed, "", "", "", failed, "")
            errors.append(Text(row.error, style="red"))
            continue
        cells: list[str | Text] = [name, str(row.days)]
        thin = (
            row.food_lines is not None
            and row.food_lines > 0
            and (row.counted_lines or 0) / row.food_lines < THIN
        )
        shown = {}
        for nutrient, fmt in (("magnesium", ".0f"), ("vitamin_b6", ".2f")):
            st = row.status[nutrient]
            # a low status on a log mostly not read is held back, as in check (nutrition/verdict.py)
            shown[nutrient] = STATUS_HELD if thin and st not in (STATUS_ADEQUATE, STATUS_UNKNOWN) else st
            cells.append(_num(row.mean[nutrient], fmt))
            # the symbol carries the status when the words do not fit (and without colour)
            pct = f"{_pct(row.percent[nutrient])} {SYMBOL.get(shown[nutrient], '?')}"
            cells.append(Text(pct, style=STYLE.get(shown[nutrient], "dim")))
        cells.append(f"{row.not_counted_lines}/{row.food_lines}")
        cells += [Text(STATUS_TEXT.get(shown[k], shown[k]), style=STYLE.get(shown[k], "dim"))
                  for k in ("magnesium", "vitamin_b6")]  # fmt: skip
        table.add_row(*cells)
    header = Text.assemble(
        ("Targets for ", "bold"), (result.profile.describe(), "bold"),
        f": Mg goal {mg.goal:g} mg, B6 goal {b6.goal:g} mg (IOM DRI)",
    )  # fmt: skip
    table.caption = (
        f"{SYMBOL[STATUS_ADEQUATE]} at/above goal  {SYMBOL[STATUS_POSSIBLY]} below goal  "
        f"{SYMBOL[STATUS_LIKELY]} below EAR  ? not judged (under half the lines counted). Each status holds "
        "only if that log's days are typical of usual intake (IOM 2000); intake is not the body's magnesium "
        "or B6 status."
    )
    from mgb6.report.views import Fit

    # narrower copies: the status words go first (the symbols stay), then the day count
    drops = (("Mg status", "B6 status"), ("Days",), ("Mg mg", "B6 mg"))
    parts: list[RenderableType] = [header, Fit(table, drops)]
    if errors:
        parts.append(Text(f"{len(errors)} log(s) could not be read:", style="red bold"))
        parts.extend(errors)
    parts.append(Text(DISCLAIMER, style="dim italic"))
    return Group(*parts)
