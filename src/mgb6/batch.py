"""A dietitian's view: one summary row per person's log, scored through the one path (tally.check)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mgb6.errors import InputError, Mgb6Error
from mgb6.foods.table import FoodTable, load_table, save_matches
from mgb6.log.parse import LineMemo, parse_log
from mgb6.log.read import read_log
from mgb6.models import NUTRIENTS, Progress
from mgb6.nutrition.tally import check
from mgb6.nutrition.targets import Profile, Target, targets_for

LOG_SUFFIX = ".txt"
STATUS_ERROR = "error"


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One log's summary, or why it could not be read (``error``; the numbers are then ``None``)."""

    file: str
    days: int | None = None
    food_lines: int | None = None
    counted_lines: int | None = None
    not_counted_lines: int | None = None  # food lines not counted (invalid date headers are not food lines)
    mean: dict[str, float | None] = field(default_factory=dict)
    percent: dict[str, float | None] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    warning: str | None = None


@dataclass(slots=True)
class BatchResult:
    profile: Profile
    targets: dict[str, Target]
    rows: list[BatchRow]

    @property
    def failed(self) -> int:
        return sum(1 for r in self.rows if r.error)


def collect_logs(paths: Sequence[str]) -> list[str]:
    """The logs to summarise, in a stable order.

    A file named on the command line is taken whatever its name; a folder contributes every ``*.txt``
    below it (recursively, sorted; other files are ignored) and a folder without any is an error, since
    it is almost certainly the wrong folder. A path that does not exist is kept: its row reports it.
    The same file reached twice (named and inside a folder) is summarised once.
    """
    out: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        found = _txt_files(p) if p.is_dir() else iter([raw])
        n = 0
        for f in found:
            n += 1
            key = os.path.realpath(f)
            if key not in seen:
                seen.add(key)
                out.append(f)
        if p.is_dir() and n == 0:
            raise InputError(f"{raw}: no {LOG_SUFFIX} logs in this folder")
    return out


def _txt_files(folder: Path) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(LOG_SUFFIX) and not name.startswith("."):
                yield str(Path(root) / name)


def summarise(
    path: str,
    table: FoodTable,
    profile: Profile,
    targets: dict[str, Target],
    compound_weights: bool = False,
    memo: LineMemo | None = None,
) -> BatchRow:
    """Score one log with tally.check and keep only its summary; a log that cannot be read is a row."""
    try:
        text = read_log(path, regular_only=True)
    except Mgb6Error as exc:
        return BatchRow(path, status={n: STATUS_ERROR for n in NUTRIENTS}, error=str(exc))
    log = parse_log(text.text, text.path, memo=memo)
    warning = text.warning
    del text  # a big log's text is not needed once parsed
    result = check([log], table, profile, compound_weights=compound_weights, consume=True)
    percent: dict[str, float | None] = {}
    for n in NUTRIENTS:
        mean = result.mean[n]
        percent[n] = None if mean is None else 100 * mean / targets[n].goal
    return BatchRow(
        path,
        days=sum(1 for d in result.days if d.items),
        food_lines=result.food_lines,
        counted_lines=result.counted_lines,
        not_counted_lines=result.not_counted_lines,
        mean=dict(result.mean),
        percent=percent,
        status=dict(result.status),
        warning=warning,
    )


PROGRESS_LOGS = 20  # a batch of this many logs or more says how far it is


def run_batch(
    paths: Sequence[str],
    profile: Profile,
    *,
    compound_weights: bool = False,
    table: FoodTable | None = None,
    progress: Progress | None = None,
) -> tuple[BatchResult, list[str]]:
    """Summarise every log under ``paths``, one at a time (memory stays that of the largest log).

    Read errors become rows (the batch goes on); the warnings list carries decoding warnings.
    """
    files = collect_logs(paths)
    if not files:
        raise InputError("no logs given")
    table = table or load_table()
    targets = targets_for(profile, table.dri)
    rows: list[BatchRow] = []
    warnings: list[str] = []
    memo = LineMemo()  # people's logs share most of their lines ("1 medium banana"): parse each once
    for i, f in enumerate(files):
        if progress is not None and len(files) >= PROGRESS_LOGS:
            progress("Logs", i, len(files))
        row = summarise(f, table, profile, targets, compound_weights, memo)
        rows.append(row)
        if row.warning:
            warnings.append(row.warning)
    save_matches(table)
    return BatchResult(profile, targets, rows), warnings
