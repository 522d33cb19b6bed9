"""Plain-text echo of a line given to ``mgb6 log``: how it was understood, so a mistake shows at once."""

from __future__ import annotations

from mgb6.log.append import Appended
from mgb6.models import Item, Problem
from mgb6.report.styles import mg_unit


def understood(reading: Item | Problem) -> str:
    """One line: food, grams, Mg, B6 (or why the line cannot be counted). Plain text, printed unmarked."""
    if isinstance(reading, Problem):
        text = f"not counted by check: {reading.reason}"
        if reading.candidates:
            text += "; closest: " + " | ".join(reading.candidates[:3])
        return text
    magnesium, b6 = mg_unit(reading.magnesium_mg, "magnesium"), mg_unit(reading.vitamin_b6_mg, "vitamin_b6")
    amounts = f"Mg {magnesium}, B6 {b6}"
    if reading.is_supplement:
        return f"supplement: {amounts}"
    grams = "?" if reading.grams is None else f"{reading.grams:.0f} g"
    text = f"{reading.food} ({reading.food_id}), {grams}: {amounts}"
    if reading.notes:
        text += " [" + "; ".join(reading.notes) + "]"
    return text


def understood_parts(readings: tuple[Item | Problem, ...]) -> list[str]:
    """One line per part of a line read as several foods ("part 2 of 3, 'toast': ..."); the plain
    ``understood`` line when it was read as one."""
    if len(readings) == 1 and not readings[0].part_text:
        return [understood(readings[0])]
    return [f"part {r.part} of {r.parts}, {r.part_text!r}: {understood(r)}" for r in readings]


def appended(result: Appended) -> str:
    header = f" (new day header {result.day.isoformat()})" if result.added_header else ""
    return f"Logged to {result.path} under {result.day.isoformat()}{header}."
