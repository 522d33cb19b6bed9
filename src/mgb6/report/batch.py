"""Rich table of a batch summary: one row per log; returns renderables, the CLI prints them."""

from __future__ import annotations

import os

from rich import box
from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from mgb6.batch import STATUS_ERROR, BatchResult
from mgb6.nutrition.targets import STATUS_TEXT
from mgb6.report.render import DISCLAIMER
from mgb6.report.styles import STYLE


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
    table = Table(title=f"{n} log{'s' if n != 1 else ''}{where}", box=box.SIMPLE_HEAVY, title_justify="left")
    for col, just in (("File", "left"), ("Days", "right"), ("Mg mg", "right"), ("% goal", "right"),
                      ("B6 mg", "right"), ("% goal", "right"), ("Status Mg / B6", "left"),
                      ("Not counted", "right")):  # fmt: skip
        table.add_column(col, justify=just, overflow="fold" if col == "File" else "ellipsis")  # type: ignore[arg-type]
    errors: list[Text] = []
    for row in result.rows:
        name = os.path.relpath(os.path.abspath(row.file), common) if common else row.file
        if row.error:
            table.add_row(escape(name), "", "", "", "", "", Text(STATUS_ERROR, style="red"), "")
            errors.append(Text(row.error, style="red"))
            continue
        words = {n: STATUS_TEXT.get(row.status[n], row.status[n]) for n in ("magnesium", "vitamin_b6")}
        status = Text.assemble(
            (words["magnesium"], STYLE.get(row.status["magnesium"], "")), " / ",
            (words["vitamin_b6"], STYLE.get(row.status["vitamin_b6"], "")),
        )  # fmt: skip
        mg_mean, b6_mean = _num(row.mean["magnesium"], ".0f"), _num(row.mean["vitamin_b6"], ".2f")
        table.add_row(
            escape(name), str(row.days), mg_mean, _pct(row.percent["magnesium"]),
            b6_mean, _pct(row.percent["vitamin_b6"]), status, f"{row.not_counted_lines}/{row.food_lines}",
        )  # fmt: skip
    header = Text.assemble(
        ("Targets for ", "bold"), (result.profile.describe(), "bold"),
        f": Mg goal {mg.goal:g} mg, B6 goal {b6.goal:g} mg (IOM DRI)",
    )  # fmt: skip
    table.caption = (
        "Each status holds only if that log's days are typical of usual intake (IOM 2000); "
        "intake is not the body's magnesium or B6 status."
    )
    parts: list[RenderableType] = [header, table]
    if errors:
        parts.append(Text(f"{len(errors)} log(s) could not be read:", style="red bold"))
        parts.extend(errors)
    parts.append(Text(DISCLAIMER, style="dim italic"))
    return Group(*parts)
