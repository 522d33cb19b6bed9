"""How every report names, colours, marks and formats the two nutrients: defined once, used by all views.

Plain data and string formatting, no rich import: the plain-text echo of ``mgb6 log`` uses it too.
"""

from __future__ import annotations

from typing import Final

from mgb6.nutrition.targets import (
    STATUS_ADEQUATE,
    STATUS_BELOW_AI,
    STATUS_BELOW_PRI,
    STATUS_LIKELY,
    STATUS_POSSIBLY,
)

LABEL = {"magnesium": "Magnesium", "vitamin_b6": "Vitamin B6"}
ABBR = {"magnesium": "Mg", "vitamin_b6": "B6"}
DIGITS = {"magnesium": 0, "vitamin_b6": 2}  # mg shown: Mg in whole mg, B6 in hundredths

# "below PRI": no EFSA average requirement read for this life stage, so never "possibly inadequate"
STYLE = {STATUS_LIKELY: "red", STATUS_POSSIBLY: "yellow", STATUS_ADEQUATE: "green", STATUS_BELOW_AI: "yellow",
         STATUS_BELOW_PRI: "yellow"}  # fmt: skip
# Every report table (report/grid.py report_table): rich's box of that name, the title at the left.
TABLE_BOX: Final = "SIMPLE_HEAVY"
TABLE_TITLE_JUSTIFY: Final = "left"
# one symbol per status so a chart or table reads the same with NO_COLOR, when piped, or printed in grey
SYMBOL = {STATUS_ADEQUATE: "✓", STATUS_POSSIBLY: "~", STATUS_BELOW_AI: "~", STATUS_LIKELY: "✗",
          STATUS_BELOW_PRI: "~"}  # fmt: skip


def mg(x: float | None, nutrient: str) -> str:
    """An amount in mg at the nutrient's precision, without the unit; a missing value stays "unknown"."""
    if x is None:
        return "unknown"
    return f"{x:.{DIGITS[nutrient]}f}"


def mg_unit(x: float | None, nutrient: str) -> str:
    """``mg`` with its unit ("12 mg"), for running text."""
    return "unknown" if x is None else f"{mg(x, nutrient)} mg"
