"""The library's front door: read, parse and score logs in one call, for the CLI and for Python users."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mgb6.data import FoodTable, load_table, save_matches
from mgb6.errors import InputError
from mgb6.parser import ParsedLog, parse_log
from mgb6.reader import read_log
from mgb6.scoring import CheckResult, check
from mgb6.targets import Profile

if TYPE_CHECKING:
    from mgb6.importers import Comparison


def parse_files(paths: list[str]) -> tuple[list[ParsedLog], list[str]]:
    """Read and parse each path; returns the parsed logs and any decoding warnings."""
    logs: list[ParsedLog] = []
    warnings: list[str] = []
    for path in paths:
        text = read_log(path)
        if text.warning:
            warnings.append(text.warning)
        logs.append(_parse_any(text.text, text.path))
    return logs, warnings


def _parse_any(text: str, path: str) -> ParsedLog:
    """A plain log, or a Cronometer servings export read as one (line numbers stay the CSV's)."""
    end = text.find("\n")
    if "Food Name" not in (text if end < 0 else text[:end]):  # no servings header: skip the import
        return parse_log(text, path)
    from mgb6.importers import looks_like_cronometer

    if not looks_like_cronometer(text):
        return parse_log(text, path)
    from dataclasses import replace

    from mgb6.importers import read_cronometer, to_log

    converted = to_log(read_cronometer(text, path))
    parsed = parse_log(converted.text, path)
    where = converted.source_lines
    for block in parsed.days:
        block.entries = [replace(e, line=where[e.line - 1] or e.line) for e in block.entries]
    parsed.problems = [replace(p, line=where[p.line - 1] or p.line) for p in parsed.problems]
    return parsed


def cronometer_comparison(paths: list[str], result: CheckResult) -> list[Comparison]:
    """Cronometer's own Mg and B6 (from the exports among ``paths``) beside mgb6's, per day."""
    from mgb6.importers import compare, looks_like_cronometer, read_cronometer

    exports = []
    for path in paths:
        text = read_log(path)
        if looks_like_cronometer(text.text):
            exports.append(read_cronometer(text.text, text.path))
    if not exports:
        raise InputError("--compare needs a Cronometer servings export (none of the files is one)")
    days = [
        (d.date, [(i.path, i.line, i.magnesium_mg, i.vitamin_b6_mg) for i in d.items]) for d in result.days
    ]
    return compare(exports, days)


def run_check(
    paths: list[str],
    profile: Profile,
    *,
    compound_weights: bool = False,
    table: FoodTable | None = None,
    diet: str | None = None,
    avoid: Sequence[str] = (),
    per: str = "serving",
) -> tuple[CheckResult, list[str]]:
    """Check one person's logs (several files merge by date) and return the result and warnings."""
    logs, warnings = parse_files(paths)
    table = table or load_table()
    result = check(logs, table, profile, compound_weights=compound_weights, consume=True)
    save_matches(table)
    add_guidance(result, table, diet=diet, avoid=avoid, per=per)
    return result, warnings


def add_guidance(
    result: CheckResult,
    table: FoodTable,
    *,
    diet: str | None = None,
    avoid: Sequence[str] = (),
    per: str = "serving",
) -> None:
    """Upper-limit warnings, suggestions to close the gap, and graded advice, attached to the result."""
    from mgb6.advice import advise, situation_from
    from mgb6.data import load_suggestable
    from mgb6.limits import check_limits
    from mgb6.suggest import excluded_groups, suggest
    from mgb6.supplements import parse_supplement

    excluded_groups(diet, avoid)  # option errors surface even when there is no gap to close
    result.warnings = check_limits(result.days, result.profile, table.dri)
    counted = any(d.items for d in result.days)
    if counted:
        eaten = [i.food for i in result.items if i.food_id]
        result.suggestions = suggest(
            table, load_suggestable(), result.gap, diet=diet, avoid=avoid, per=per, eaten=eaten
        )
    lines = []
    for item in result.items:
        if item.is_supplement:
            doses, _ = parse_supplement(item.text)
            lines.append((
                any(d.nutrient == "magnesium" for d in doses),
                any(d.nutrient == "vitamin_b6" for d in doses),
                [d.form for d in doses if d.nutrient == "magnesium"],
            ))  # fmt: skip
    low = {n: counted and result.gap[n] > 0 for n in result.gap}
    result.advice = advise(
        situation_from(low["magnesium"], low["vitamin_b6"], lines, female=result.profile.sex == "female")
    )
