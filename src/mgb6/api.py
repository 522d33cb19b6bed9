"""The library's front door: read, parse and score logs in one call, for the CLI and for Python users."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from mgb6.cache import remembered_lines
from mgb6.errors import InputError
from mgb6.foods.table import FoodTable, load_table, save_matches
from mgb6.log.parse import LineMemo, ParsedLog, parse_log
from mgb6.log.read import MAX_BYTES, read_log
from mgb6.models import Item, Problem, Progress
from mgb6.nutrition.tally import CheckResult, Scorer, check
from mgb6.nutrition.targets import Profile

if TYPE_CHECKING:
    from mgb6.log.cronometer import Comparison


def parse_files(
    paths: list[str],
    memo: LineMemo | None = None,
    date_order: str | None = None,
    progress: Progress | None = None,
) -> tuple[list[ParsedLog], list[str]]:
    """Read and parse each path; returns the parsed logs and warnings (decoding, dates in the future,
    years filled in).

    Raises InputError when no path holds a single food line: an empty log is almost always the wrong file.
    ``memo`` is shared by all the paths (see log.parse.LineMemo).
    """
    memo = memo or LineMemo()
    logs: list[ParsedLog] = []
    warnings: list[str] = []
    blank: list[str] = []
    seen: set[str] = set()
    total = 0
    for path in paths:
        key = path if path == "-" else os.path.realpath(path)
        if key in seen:  # the same log twice would double every day it holds
            warnings.append(f"{path}: given more than once; read once")
            continue
        seen.add(key)
        text = read_log(path)
        total += len(text.text)
        if total > MAX_BYTES:
            limit = MAX_BYTES // (1024 * 1024)
            raise InputError(f"{path}: the logs of one check pass {limit} MB together; check fewer")
        if text.warning:
            warnings.append(text.warning)
        log = _parse_any(text.text, text.path, memo, date_order, progress)
        logs.append(log)
        warnings.extend(date_notes(log))
        if not text.text.strip():
            blank.append(text.path)
        warnings.extend(future_dates(log))
    if logs and not any(log.food_lines for log in logs):
        if len(logs) == 1:
            why = "it is empty" if blank else "only comments, blank lines or dates"
            raise InputError(f"{logs[0].path}: no food lines to check ({why})")
        raise InputError(f"no food lines to check in any of the {len(logs)} logs given")
    return logs, warnings


def future_dates(log: ParsedLog, today: date | None = None) -> list[str]:
    """Days dated after tomorrow are almost always typos (2062 for 2026); they are counted, but said once."""
    limit = (today or date.today()) + timedelta(days=1)
    future = sorted(b.date for b in log.days if b.date is not None and b.date > limit)
    if not future:
        return []
    if len(future) == 1:
        return [f"{log.path}: day {future[0].isoformat()} is in the future; check the date (it is counted)"]
    return [
        f"{log.path}: {len(future)} days are in the future ({future[0].isoformat()} to "
        f"{future[-1].isoformat()}); check the dates (they are counted)"
    ]


MAX_LINE_WARNINGS = 10


def line_warnings(result: CheckResult) -> list[str]:
    """Counted lines that deserve a second look (an implausible amount, an unknown word, a brand or
    label variant left out), as
    ``path:line: note`` strings;
    capped so that a pasted year of data gives a readable list, not a wall."""
    found = [
        f"{i.path}:{i.line}: {i.text}: {note}"
        for i in result.items
        for note in i.notes
        if note.startswith(("implausible", "unknown word", "brand ", "label variant"))
    ]
    if len(found) > MAX_LINE_WARNINGS:
        more = len(found) - MAX_LINE_WARNINGS
        found = [*found[:MAX_LINE_WARNINGS], f"... and {more} more lines to check"]
    return found


def undated_warnings(result: CheckResult) -> list[str]:
    """Days without a date that sit among dated ones: each counts as one day of the mean, so say so.

    Lines under an invalid date header are most likely a day of their own (a typo such as 2026-02-30),
    so they stay counted as one, labelled "after invalid date (line N)", and always get a warning; lines
    with no header at all (above the first one, or a log without dates checked beside dated ones) are
    warned about only when dated days exist, since a log with no dates at all is simply one day.
    """
    dated = any(d.date is not None and d.items for d in result.days)
    out = []
    for d in result.days:
        if d.date is not None or not d.items:
            continue
        n = len(d.items)
        lines, count, them = (f"{n} counted lines", "count", "them") if n != 1 else (
            "1 counted line", "counts", "it")  # fmt: skip
        if d.after_invalid:
            out.append(f"{d.path}:{d.after_invalid}: invalid date header; the {lines} under it {count} "
                       f"as one day of the mean, labelled {d.label!r}: fix the date to put {them} on "
                       "the right day")  # fmt: skip
        elif dated:
            out.append(f"{d.path}: {lines} with no date header {count} as one more day of the mean, "
                       f"labelled {d.label!r}: add a date header to put {them} on the right day")  # fmt: skip
    return out


MAX_DATE_NOTES = 3


def date_notes(log: ParsedLog) -> list[str]:
    """How date headers without a year (or a weekday alone) were read, so no date is assumed unseen."""
    if len(log.notes) <= MAX_DATE_NOTES:
        return [f"{log.path}:{n.removeprefix('line ')}" for n in log.notes]
    shown = [f"{log.path}:{n.removeprefix('line ')}" for n in log.notes[:MAX_DATE_NOTES]]
    more = len(log.notes) - MAX_DATE_NOTES
    return [*shown, f"{log.path}: ... and {more} more date headers read the same way"]


def _parse_any(
    text: str,
    path: str,
    memo: LineMemo | None = None,
    date_order: str | None = None,
    progress: Progress | None = None,
) -> ParsedLog:
    """A plain log, or a Cronometer servings export read as one (line numbers stay the CSV's)."""
    end = text.find("\n")
    if "Food Name" not in (text if end < 0 else text[:end]):  # no servings header: skip the import
        return parse_log(text, path, memo=memo, date_order=date_order, progress=progress)
    from mgb6.log.cronometer import looks_like_cronometer

    if not looks_like_cronometer(text):
        return parse_log(text, path, memo=memo, date_order=date_order)

    from mgb6.log.cronometer import read_cronometer, to_log

    converted = to_log(read_cronometer(text, path))
    parsed = parse_log(converted.text, path, memo=memo)
    where = converted.source_lines
    for block in parsed.days:
        block.entries = [e._replace(line=where[e.line - 1] or e.line) for e in block.entries]
    parsed.problems = [p._replace(line=where[p.line - 1] or p.line) for p in parsed.problems]
    return parsed


def cronometer_comparison(paths: list[str], result: CheckResult) -> list[Comparison]:
    """Cronometer's own Mg and B6 (from the exports among ``paths``) beside mgb6's, per day."""
    from mgb6.log.cronometer import compare, looks_like_cronometer, read_cronometer

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
    date_order: str | None = None,
    include_today: bool = False,
    progress: Progress | None = None,
    strict_amounts: bool = False,
) -> tuple[CheckResult, list[str]]:
    """Check one person's logs (several files merge by date) and return the result and warnings.

    ``date_order`` ("dmy"/"mdy") reads dates such as 3/4/2025 (unset: refused, see log/dates.py). Today's
    day is unfinished: it is marked "so far" and left out of the mean unless ``include_today``.

    Lines read and resolved by the last check of the same files are taken from it (cache.remembered_lines).
    """
    table = table or load_table()
    with remembered_lines(table.digest, paths) as memo:
        parsing = LineMemo(known=memo.lines)
        logs, warnings = parse_files(paths, parsing, date_order, progress)
        memo.keep(parsing.seen)
        del parsing  # a log too big to remember lets go of its readings before scoring
        result = check(logs, table, profile, compound_weights=compound_weights, consume=True,
                       known=memo.resolved, used=memo.used, today=date.today(),
                       include_today=include_today, progress=progress,
                       strict_amounts=strict_amounts)  # fmt: skip
    save_matches(table)
    add_guidance(result, table, diet=diet, avoid=avoid, per=per)
    return result, warnings + undated_warnings(result) + line_warnings(result)


def add_guidance(
    result: CheckResult,
    table: FoodTable,
    *,
    diet: str | None = None,
    avoid: Sequence[str] = (),
    per: str = "serving",
) -> None:
    """Upper-limit warnings, suggestions to close the gap, and graded advice, attached to the result."""
    from mgb6.nutrition.advice import advise, situation_from
    from mgb6.nutrition.limits import check_limits
    from mgb6.nutrition.suggest import excluded_groups, suggest

    excluded_groups(diet, avoid)  # option errors surface even when there is no gap to close
    result.warnings = check_limits(result.days, result.profile, table.dri)
    from mgb6.nutrition.verdict import verdict

    counted = any(d.items for d in result.days)
    infant = result.profile.age is not None and result.profile.age < 1  # milk supplies the AI: no plan
    held = verdict(result).held  # a thin log: no plan for a gap nobody knows (nutrition/verdict.py)
    if counted and not infant and not held:
        eaten = [i.food for i in result.items if i.food_id]
        result.suggestions = suggest(
            table, None, result.gap, diet=diet, avoid=avoid, per=per, eaten=eaten, age=result.profile.age
        )
    lines = []
    for item in result.items:
        if item.is_supplement:  # the doses as the parser read them (not the raw text again)
            lines.append((
                any(d.nutrient == "magnesium" for d in item.doses),
                any(d.nutrient == "vitamin_b6" for d in item.doses),
                [d.form for d in item.doses if d.nutrient == "magnesium"],
            ))  # fmt: skip
    low = {n: counted and result.gap[n] > 0 and n not in held for n in result.gap}
    female, age = result.profile.sex == "female", result.profile.age
    result.advice = advise(situation_from(low["magnesium"], low["vitamin_b6"], lines, female=female, age=age))


def understand_line(text: str, table: FoodTable | None = None) -> Item | Problem:
    """How ``check`` would read one line (meal label, amount, food, grams): its first item or problem
    (understand_parts gives every part of a line read as several foods)."""
    return understand_parts(text, table)[0]


def understand_parts(text: str, table: FoodTable | None = None) -> tuple[Item | Problem, ...]:
    """Every item (or problem) ``check`` would make of one line, for ``mgb6 log``'s echo."""
    log = parse_log(text, "<line>")
    if log.problems:
        return (log.problems[0],)
    entries = [e for d in log.days for e in d.entries]
    if not entries:
        why = "not a food line (a date, comment or meal label alone)"
        return (Problem("<line>", 1, text, "unreadable", why),)
    return Scorer(table or load_table()).resolve_all(entries[0], None)
