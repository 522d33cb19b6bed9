"""Machine-readable forms of a batch summary: CSV rows and a JSON document (columns in the README)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from mgb6 import __version__
from mgb6.batch import BatchResult, BatchRow
from mgb6.models import NUTRIENTS
from mgb6.nutrition.advice import DISCLAIMER

SCHEMA_VERSION = 1
CSV_COLUMNS = (
    "file", "days", "food_lines", "counted_lines", "not_counted_lines",
    "magnesium_mean_mg", "magnesium_percent_of_goal", "magnesium_status",
    "vitamin_b6_mean_mg", "vitamin_b6_percent_of_goal", "vitamin_b6_status", "error",
)  # fmt: skip


def _r(x: float | None, nd: int) -> float | None:
    return None if x is None else round(x, nd)


def row_dict(row: BatchRow) -> dict[str, Any]:
    out: dict[str, Any] = {
        "file": row.file,
        "days": row.days,
        "food_lines": row.food_lines,
        "counted_lines": row.counted_lines,
        "not_counted_lines": row.not_counted_lines,
    }
    for n in NUTRIENTS:
        out[f"{n}_mean_mg"] = _r(row.mean.get(n), 3)
        out[f"{n}_percent_of_goal"] = _r(row.percent.get(n), 1)
        out[f"{n}_status"] = row.status.get(n)
    out["error"] = row.error
    return out


def to_json(result: BatchResult) -> str:
    p = result.profile
    doc = {
        "schema": SCHEMA_VERSION,
        "mgb6_version": __version__,
        "disclaimer": DISCLAIMER,
        "profile": {"sex": p.sex, "age": p.age, "pregnant": p.pregnant, "lactating": p.lactating,
                    "authority": p.authority, "default": p.is_default, "description": p.describe()},
        "targets": {n: {"life_stage": t.life_stage, "ear_mg": t.ear, "goal_mg": t.goal, "source": t.source}
                    for n, t in result.targets.items()},
        "logs": [row_dict(r) for r in result.rows],
        "failed": result.failed,
    }  # fmt: skip
    return json.dumps(doc, indent=2, ensure_ascii=False)


def to_csv(result: BatchResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for row in result.rows:
        d = row_dict(row)
        w.writerow(["" if d[c] is None else d[c] for c in CSV_COLUMNS])
    return buf.getvalue()
