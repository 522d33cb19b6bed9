"""How each line was read: "line N: text -> food, grams (why)", so a wrong reading can be seen at a glance.

By default only the lines a person should look at are listed: a line read as several foods, a line resting
on an assumption (an amount not written, a word not understood, another food's measure) and a match the
matcher was less than sure of. ``every=True`` (``mgb6 check --lines``) lists every counted line.
"""

from __future__ import annotations

from rich.text import Text

from mgb6.models import Item
from mgb6.nutrition.tally import CheckResult
from mgb6.report.grid import Grid, report_table

MAX_ROWS = 200  # rows cost ~0.4 ms each to render; the JSON and CSV exports list every line
SURE = 90.0  # a match below this confidence is shown: fuzzy matches that may be a near miss
# Notes that say the reading rests on something the line did not say.
_ASSUMED = ("no amount", "amount assumed", "assumed", "unknown word", "usda has no", "implausible",
            "not read as food", "brand", "counted as", "range", "used ")  # fmt: skip


def why(item: Item) -> str:
    """The reasons to look at this reading, or "" when there are none."""
    reasons = [n for n in item.notes if n.lower().startswith(_ASSUMED)]
    if item.parts > 1:
        reasons.insert(0, f"part {item.part} of {item.parts}")
    if not item.is_supplement and item.confidence < SURE:
        reasons.append(f"match {item.confidence:.0f}% sure")
    return "; ".join(reasons)


def worth_showing(item: Item) -> bool:
    """A split line, an assumption or an uncertain match (see why); measures that are USDA's own are not."""
    if item.parts > 1 or (not item.is_supplement and item.confidence < SURE):
        return True
    return any(n.lower().startswith(_ASSUMED[:-1]) for n in item.notes)


def readings_table(result: CheckResult, every: bool = False) -> Grid | None:
    """The "How lines were read" table; None when nothing is worth showing."""
    items = [i for d in result.days for i in d.items if every or worth_showing(i)]
    if not items:
        return None
    items.sort(key=lambda i: (i.path, i.line, i.part))
    title = "How each line was read" if every else "How these lines were read (all of them: --lines)"
    table = report_table(title)
    table.add_column("Line", justify="right")
    table.add_column("Text")
    table.add_column("Read as")
    table.add_column("Why")
    multi = len({i.path for i in items}) > 1
    if len(items) > MAX_ROWS:
        table.caption = f"{len(items) - MAX_ROWS} more lines; --format json lists them all"
    for i in items[:MAX_ROWS]:
        where = f"{i.path}:{i.line}" if multi else str(i.line)
        grams = "" if i.grams is None else f", {i.grams:.0f} g"
        read = "supplement" if i.is_supplement else f"{i.food}{grams}"
        text = i.part_text or i.text
        table.add_row(where, text, read, Text(why(i) or "", style="dim"))
    return table
