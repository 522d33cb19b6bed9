"""The library's front door: read, parse and score logs in one call, for the CLI and for Python users."""

from __future__ import annotations

from mgb6.data import FoodTable, load_table
from mgb6.parser import ParsedLog, parse_log
from mgb6.reader import read_log
from mgb6.scoring import CheckResult, check
from mgb6.targets import Profile


def parse_files(paths: list[str]) -> tuple[list[ParsedLog], list[str]]:
    """Read and parse each path; returns the parsed logs and any decoding warnings."""
    logs: list[ParsedLog] = []
    warnings: list[str] = []
    for path in paths:
        text = read_log(path)
        if text.warning:
            warnings.append(text.warning)
        logs.append(parse_log(text.text, text.path))
    return logs, warnings


def run_check(
    paths: list[str],
    profile: Profile,
    *,
    compound_weights: bool = False,
    table: FoodTable | None = None,
) -> tuple[CheckResult, list[str]]:
    """Check one person's logs (several files merge by date) and return the result and warnings."""
    logs, warnings = parse_files(paths)
    result = check(logs, table or load_table(), profile, compound_weights=compound_weights)
    return result, warnings
