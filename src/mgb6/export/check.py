"""Machine-readable forms of a check result: a JSON document and CSV rows (schema in the README)."""

from __future__ import annotations

import csv
import heapq
import io
import json
from collections.abc import Iterator
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TextIO

from mgb6 import __version__
from mgb6.models import NUTRIENTS, Item, Problem
from mgb6.nutrition.advice import DISCLAIMER, conclusion_notes
from mgb6.nutrition.tally import CheckResult
from mgb6.nutrition.targets import STATUS_TEXT

if TYPE_CHECKING:
    from mgb6.nutrition.suggest import Candidate, Plan, Suggestion, Suggestions
    from mgb6.nutrition.targets import Profile, Target

SCHEMA_VERSION = 1


def _r(x: float | None, nd: int = 3) -> float | None:
    return None if x is None else round(x, nd)


def item_dict(item: Item) -> dict[str, Any]:
    return {
        "file": item.path,
        "line": item.line,
        "text": item.text,
        "meal": item.meal,
        "food": item.food,
        "food_id": item.food_id,
        "source": item.source,
        "grams": _r(item.grams, 1),
        "magnesium_mg": _r(item.magnesium_mg, 2),
        "vitamin_b6_mg": _r(item.vitamin_b6_mg, 3),
        "kcal": _r(item.kcal, 1),
        "confidence": round(item.confidence),
        "supplement": item.is_supplement,
        "notes": item.notes,
        # which part of its line this is, of how many the line was read as, and that part as written
        "part": item.part,
        "parts": item.parts,
        "part_text": item.part_text or item.text,
        "amount_assumed": item.amount_assumed,
    }


class _LazyList(list):  # type: ignore[type-arg]
    """Looks like a list to json's encoder but builds each element only as it is encoded."""

    def __init__(self, source: list[Any], make: Any) -> None:
        super().__init__()
        self._source, self._make = source, make

    def __iter__(self) -> Any:
        return map(self._make, self._source)

    def __len__(self) -> int:
        return len(self._source)

    def __bool__(self) -> bool:
        return bool(self._source)


def result_dict(result: CheckResult, *, lazy_items: bool = False) -> dict[str, Any]:
    """The JSON document of ``mgb6 check --format json``; keys are stable (see README, "JSON output").

    ``lazy_items`` is for write_json only: each day's items become dicts one at a time while encoding.
    """
    from mgb6.nutrition.verdict import verdict

    p = result.profile
    judged = verdict(result)
    return {
        "schema": SCHEMA_VERSION,
        "mgb6_version": __version__,
        "disclaimer": DISCLAIMER,  # once per document, as the report says it once
        "profile": {
            "sex": p.sex,
            "age": p.age,
            "pregnant": p.pregnant,
            "lactating": p.lactating,
            "authority": p.authority,
            "default": p.is_default,
            "description": p.describe(),
        },
        "targets": {
            n: {
                "life_stage": t.life_stage,
                "ear_mg": t.ear,
                "rda_mg": t.rda,
                "ai_mg": t.ai,
                "ul_mg": t.ul,
                "ul_applies_to": t.ul_applies_to,
                "source": t.source,
            }
            for n, t in result.targets.items()
        },
        "days": [
            {
                "date": d.date.isoformat() if d.date else None,
                "label": d.label,
                "items": _LazyList(d.items, item_dict) if lazy_items else [item_dict(i) for i in d.items],
                # a day with no counted line has no totals (null, not 0) and is left out of the mean
                "totals": {
                    "magnesium_mg": _r(d.totals["magnesium"], 2) if d.items else None,
                    "vitamin_b6_mg": _r(d.totals["vitamin_b6"], 3) if d.items else None,
                    "kcal": _r(d.kcal, 0) if d.items else None,
                },
                "items_missing_value": {f"{n}_mg": d.unknown[n] for n in NUTRIENTS},
                "so_far": d.so_far,  # today, unfinished: left out of the mean unless asked
            }
            for d in result.days
        ],
        "summary": {
            "days": result.mean_days,
            "coverage_level": judged.level,  # full | most | partial | thin | none (nutrition/verdict.py)
            "caveat": judged.caveat,
            **{
                n: {
                    "mean_mg": _r(result.mean[n], 3),
                    "percent_of_target": _r(
                        None if result.mean[n] is None else 100 * result.mean[n] / result.targets[n].goal, 1
                    ),
                    "gap_mg": _r(result.gap[n], 3),
                    "status": result.status[n],
                    "held_back": n in judged.held,  # a low status a thin log cannot support
                    "meaning": STATUS_TEXT.get(result.status[n], result.status[n]),
                }
                for n in NUTRIENTS
            },
            "notes": conclusion_notes(
                sum(1 for d in result.days if d.items),
                result.status,
                result.profile.age is not None and result.profile.age < 1,
            ),
        },
        "coverage": {
            "food_lines": result.food_lines,
            "counted_lines": result.counted_lines,
            "not_counted_lines": result.not_counted_lines,  # counted + not counted == food lines
            # counted lines of which a part was not counted (that part is in "unmatched")
            "partly_counted_lines": result.partly_counted_lines,
            "bad_date_lines": result.bad_date_lines,  # invalid date headers: listed, but not food lines
            "assumed_amount_lines": result.assumed_amount_lines,  # counted, on an amount the line did not say
        },
        "top_foods": {
            n: [
                {
                    "food_id": c.food_id,
                    "food": c.food,
                    "amount_mg": _r(c.amount_mg, 3),
                    "share": _r(c.share, 3),
                }
                for c in cs
            ]
            for n, cs in result.top.items()
        },
        "unmatched": [
            {
                "file": pr.path,
                "line": pr.line,
                "date": pr.date.isoformat() if pr.date else None,
                "text": pr.text,
                "kind": pr.kind,
                "reason": pr.reason,
                "candidates": list(pr.candidates),
                # a part of a line read as several foods: which part and its text (0, 0, "": the line)
                "part": pr.part,
                "parts": pr.parts,
                "part_text": pr.part_text,
            }
            for pr in result.problems
        ],
        "notes": result.notes,
        **guidance_dict(result),
    }


def candidate_dict(c: Candidate) -> dict[str, Any]:
    """One serving of a suggested food, as ``suggestions[]`` and ``plan.items[]`` both show it."""
    return {
        "food": c.food,
        "food_id": c.food_id,
        "serving": c.serving,
        "grams": _r(c.grams, 1),
        "magnesium_mg": _r(c.magnesium_mg, 1),
        "vitamin_b6_mg": _r(c.vitamin_b6_mg, 3),
        "kcal": _r(c.kcal, 0),
    }


def suggestion_dict(s: Suggestion) -> dict[str, Any]:
    return {
        **candidate_dict(s.candidate),
        "gap_closed": {f"{n}": _r(v, 3) for n, v in s.closes.items()},
        "already_eaten": s.already_eaten,
    }


def plan_dict(plan: Plan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {
        "items": [candidate_dict(c) for c in plan.items],
        "magnesium_mg": _r(plan.totals["magnesium"], 1),
        "vitamin_b6_mg": _r(plan.totals["vitamin_b6"], 3),
        "kcal": _r(plan.kcal, 0),
        "closes_gaps": plan.closes_gaps,
        "remaining_gap_mg": {n: _r(v, 3) for n, v in plan.remaining.items()},
    }


def suggestions_json(sugg: Suggestions) -> str:
    """``mgb6 suggest --format json``: the gaps asked about, the ranked foods and the plan."""
    doc = {"gaps": {f"{k}_mg": v for k, v in sugg.gaps.items()}, "per": sugg.per, "diet": sugg.diet,
           "avoid": list(sugg.avoid), "suggestions": [suggestion_dict(s) for s in sugg.items],
           "plan": plan_dict(sugg.plan), "disclaimer": DISCLAIMER}  # fmt: skip
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _source_totals(items: list[Item], *, supplements: bool) -> dict[str, float | None]:
    chosen = [i for i in items if i.is_supplement == supplements]
    return {f"{n}_mg": _r(sum(getattr(i, f"{n}_mg") or 0.0 for i in chosen), 3) for n in NUTRIENTS}


def guidance_dict(result: CheckResult) -> dict[str, Any]:
    """Supplements apart from food, upper-limit warnings, suggestions, plan and advice (README, "JSON")."""
    sugg = result.suggestions
    supp = [i for i in result.items if i.is_supplement]
    return {
        "supplements": {
            "reading": "compound" if result.compound_weights else "elemental",
            "items": [
                {
                    "file": i.path,
                    "line": i.line,
                    "text": i.text,
                    "date": i.date.isoformat() if i.date else None,
                    "magnesium_mg": _r(i.magnesium_mg, 2),
                    "vitamin_b6_mg": _r(i.vitamin_b6_mg, 3),
                    "reading": i.reading or None,
                    "notes": i.notes,
                }
                for i in supp
            ],
            "per_day": [
                {
                    "date": d.date.isoformat() if d.date else None,
                    "label": d.label,
                    "food": _source_totals(d.items, supplements=False) if d.items else None,
                    "supplements": _source_totals(d.items, supplements=True) if d.items else None,
                }
                for d in result.days
            ],
        },
        "warnings": [
            {
                "nutrient": w.nutrient,
                "kind": w.kind,
                "amount": _r(w.amount, 2),
                "limit": w.limit,
                "authority": w.authority,
                "source": w.source,
                "day": w.day,
                "message": w.message,
            }
            for w in result.warnings
        ],
        "suggestions": [suggestion_dict(s) for s in sugg.items] if sugg else [],
        "suggestions_per": sugg.per if sugg else None,
        "plan": plan_dict(sugg.plan) if sugg else None,
        "advice": [
            {"text": a.text, "grade": a.grade, "source": a.source, "topic": a.topic} for a in result.advice
        ],
    }


def write_json(result: CheckResult, out: TextIO) -> None:
    """to_json plus a newline, written as it is encoded: a million-line log never holds the whole text
    or a dict per item at once (same bytes as to_json, see tests/test_speed_guards.py)."""
    chunks: list[str] = []
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False)
    for chunk in encoder.iterencode(result_dict(result, lazy_items=True)):
        chunks.append(chunk)
        if len(chunks) >= 8192:
            out.write("".join(chunks))
            chunks.clear()
    out.write("".join(chunks) + "\n")


def to_json(result: CheckResult) -> str:
    return json.dumps(result_dict(result), indent=2, ensure_ascii=False)


CSV_COLUMNS = (
    "file", "date", "line", "meal", "text", "food", "food_id", "grams", "magnesium_mg", "vitamin_b6_mg",
    "kcal", "confidence", "supplement", "status", "reason", "part", "parts", "part_text", "amount_assumed",
)  # fmt: skip
COUNTED = "counted"  # the status of a counted row; other rows carry their Problem.kind


def to_csv(result: CheckResult) -> str:
    """One row per food line, counted or not (``status``/``reason``), in file and line order."""
    buf = io.StringIO()
    write_csv(result, buf)
    return buf.getvalue()


_place = attrgetter("path", "line", "part")


def _items_in_order(result: CheckResult) -> Iterator[Item]:
    """Counted items by file and line. Days come in date order, so one log with ascending dates (the usual
    case) is already in order; several logs or out-of-order dates are merged day by day, never held twice."""
    days = [d.items for d in result.days if d.items]
    prev: tuple[str, int] | None = None
    for items in days:
        for key in map(_place, items):
            if prev is not None and key < prev:
                return heapq.merge(*(sorted(d, key=_place) for d in days), key=_place)
            prev = key
    return chain.from_iterable(days)


def csv_rows(result: CheckResult) -> Iterator[Item | Problem]:
    """Counted items and lines not counted, interleaved by file and line as they stand in the logs."""
    problems = result.problems  # sorted by (path, line) in tally.check
    if not problems:
        yield from _items_in_order(result)
        return
    k, n = 0, len(problems)
    for item in _items_in_order(result):
        place = (item.path, item.line, item.part)
        while k < n and (problems[k].path, problems[k].line, problems[k].part) < place:
            yield problems[k]
            k += 1
        yield item
    yield from problems[k:]


def write_csv(result: CheckResult, out: TextIO) -> None:
    """to_csv, written row by row: a million-line log never holds its whole CSV text in memory."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for i in csv_rows(result):
        if isinstance(i, Problem):
            reason = i.reason + ("; closest: " + " | ".join(i.candidates) if i.candidates else "")
            w.writerow([i.path, i.date.isoformat() if i.date else "", i.line, "", i.text, "", "", "", "", "",
                        "", "", "", i.kind, reason, i.part or "", i.parts or "", i.part_text,
                        ""])  # fmt: skip
            continue
        d = item_dict(i)
        w.writerow(
            [i.path, i.date.isoformat() if i.date else "", i.line, i.meal or "", i.text, i.food,
             i.food_id or "", d["grams"], d["magnesium_mg"], d["vitamin_b6_mg"], d["kcal"],
             d["confidence"], "yes" if i.is_supplement else "no", COUNTED, "", i.part, i.parts,
             d["part_text"], "yes" if i.amount_assumed else "no"]
        )  # fmt: skip


def coverage_note(result: CheckResult, fmt: str) -> str | None:
    """The table report's coverage line, for json/csv runs (on stderr) when some food lines are not counted:
    the exported numbers are otherwise easy to take for the whole log."""
    if result.counted_lines == result.food_lines:
        return None
    where = "the status and reason columns" if fmt == "csv" else 'the "unmatched" list'
    return (f"Totals cover {result.counted_lines} of {result.food_lines} food lines; the others are in "
            f"{where}")  # fmt: skip


SUGGESTION_COLUMNS = ("rank", "food", "food_id", "serving", "grams", "magnesium_mg", "vitamin_b6_mg", "kcal",
                      "gap_closed_magnesium", "gap_closed_vitamin_b6", "in_plan")  # fmt: skip


def suggestions_csv(sugg: Suggestions) -> str:
    """``mgb6 suggest --format csv``: one row per suggested food, ``in_plan`` marking the plan's servings."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SUGGESTION_COLUMNS)
    planned = {c.food_id for c in sugg.plan.items} if sugg.plan is not None else set()
    for rank, s in enumerate(sugg.items, 1):
        d = suggestion_dict(s)
        writer.writerow([
            rank, d["food"], d["food_id"], d["serving"], d["grams"], d["magnesium_mg"], d["vitamin_b6_mg"],
            "" if d["kcal"] is None else d["kcal"], d["gap_closed"].get("magnesium", ""),
            d["gap_closed"].get("vitamin_b6", ""), "yes" if d["food_id"] in planned else "no",
        ])  # fmt: skip
    return out.getvalue()


def targets_rows(targets: dict[str, Target], profile: Profile, origin: str) -> list[dict[str, Any]]:
    """``mgb6 targets --format json|csv``: one record per nutrient, the values the table shows."""
    rows = []
    for n, t in targets.items():
        rows.append({
            "nutrient": n, "profile": profile.describe(), "authority": profile.authority,
            "life_stage": t.life_stage, "ear_mg": t.ear, "rda_mg": t.rda, "ai_mg": t.ai, "goal_mg": t.goal,
            "ul_mg": t.ul, "ul_applies_to": t.ul_applies_to, "source": t.source, "targets_from": origin,
        })  # fmt: skip
    return rows
