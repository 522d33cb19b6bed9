"""Plain-text echo of a line given to ``mgb6 log``: how it was understood, so a mistake shows at once."""

from __future__ import annotations

from mgb6.log.append import Appended
from mgb6.models import Item, Problem


def _mg(x: float | None, digits: int) -> str:
    return "unknown" if x is None else f"{x:.{digits}f} mg"


def understood(reading: Item | Problem) -> str:
    """One line: food, grams, Mg, B6 (or why the line cannot be counted). Plain text, printed unmarked."""
    if isinstance(reading, Problem):
        text = f"not counted by check: {reading.reason}"
        if reading.candidates:
            text += "; closest: " + " | ".join(reading.candidates[:3])
        return text
    if reading.is_supplement:
        return f"supplement: Mg {_mg(reading.magnesium_mg, 0)}, B6 {_mg(reading.vitamin_b6_mg, 2)}"
    grams = "?" if reading.grams is None else f"{reading.grams:.0f} g"
    text = (
        f"{reading.food} ({reading.food_id}), {grams}: Mg {_mg(reading.magnesium_mg, 0)}, "
        f"B6 {_mg(reading.vitamin_b6_mg, 2)}"
    )
    if reading.notes:
        text += " [" + "; ".join(reading.notes) + "]"
    return text


def appended(result: Appended) -> str:
    header = f" (new day header {result.day.isoformat()})" if result.added_header else ""
    return f"Logged to {result.path} under {result.day.isoformat()}{header}."
