"""Accuracy of mgb6's matching and gram conversion against real Cronometer diaries.

Run from the repository root::

    python benchmarks/accuracy.py [--shared ../shared] [--worst 40] [--only a|b|c]

It calls the library directly (parser + scorer), not the CLI, so a full run takes seconds. Three checks:

(a) every generic gram serving of at least 5 g in ``bench/cronometer/lines.csv`` with both values present,
    written as ``"<grams> g <food name lower-cased>"``: OK when Mg and B6 are both within tolerance;
(b) the 54 log days in ``logs/`` and ``logs_partial/``: OK when both day totals are within tolerance;
(c) the generic household servings of ``household.csv`` ("1.00 cup", "2.00 large"...): a portion check,
    reported without a target, because Cronometer's own portion weights are not always USDA's.

Tolerance: |ours - expected| <= 15% of expected + 1 mg (Mg) or + 0.02 mg (B6); the small absolute
slack keeps servings with almost none of a nutrient from failing on rounding.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from mgb6.foods.table import FoodTable, load_table  # noqa: E402
from mgb6.log.parse import parse_entry, parse_log  # noqa: E402
from mgb6.models import Item, Problem  # noqa: E402
from mgb6.nutrition.tally import Scorer, check  # noqa: E402
from mgb6.nutrition.targets import Profile  # noqa: E402

TARGET_LINES = 0.90
TARGET_DAYS = 0.85
REL_TOL = 0.15
ABS_TOL = {"mg": 1.0, "b6": 0.02}


def within(ours: float | None, expected: float, key: str) -> bool:
    return ours is not None and abs(ours - expected) <= REL_TOL * expected + ABS_TOL[key]


@dataclass
class Case:
    """One bench serving: the line we feed mgb6, Cronometer's values and what we computed."""

    food_name: str
    text: str
    mg: float
    b6: float
    ours_mg: float | None = None
    ours_b6: float | None = None
    food: str = ""
    grams: float | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return within(self.ours_mg, self.mg, "mg") and within(self.ours_b6, self.b6, "b6")


@dataclass
class Result:
    name: str
    cases: list[Case] = field(default_factory=list)

    @property
    def n_ok(self) -> int:
        return sum(c.ok for c in self.cases)

    @property
    def share(self) -> float:
        return self.n_ok / len(self.cases) if self.cases else 0.0


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _num(text: str) -> float | None:
    text = (text or "").strip()
    return float(text) if text else None


def _amount(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _resolve(scorer: Scorer, case: Case) -> Case:
    entry = parse_entry(case.text)
    if isinstance(entry, Problem):
        case.problem = f"{entry.kind}: {entry.reason}"
        return case
    out = scorer.resolve(entry, None)
    if isinstance(out, Item):
        case.ours_mg, case.ours_b6 = out.magnesium_mg, out.vitamin_b6_mg
        case.food, case.grams = out.food, out.grams
    else:
        case.problem = f"{out.kind}: {out.reason}"
        case.food = "; ".join(out.candidates[:3])
    return case


def gram_lines(shared: Path, table: FoodTable) -> Result:
    """(a) generic gram servings >= 5 g."""
    scorer = Scorer(table)
    res = Result("(a) generic gram servings >= 5 g")
    for r in _read(shared / "bench" / "cronometer" / "lines.csv"):
        grams, mg, b6 = _num(r["grams"]), _num(r["magnesium_mg"]), _num(r["vitamin_b6_mg"])
        if r["generic"] != "yes" or grams is None or grams < 5 or mg is None or b6 is None:
            continue
        name = r["food_name"].replace("&#39;", "'")
        res.cases.append(_resolve(scorer, Case(name, f"{_amount(grams)} g {name.lower()}", mg, b6)))
    return res


_N = r"(?P<n>\d+\s+\d+/\d+|\d+/\d+|[\d.]+)"  # "3/4 oz", "1 1/2 cup" occur inside Cronometer's labels
_EACH = re.compile(rf"^(?:.*?)\s*-\s*each\s+{_N}\s*(?P<u>.+)$")
_TIMES = re.compile(rf"^x\s*{_N}\s*(?P<u>.+)$")
_SERVING = re.compile(rf"^Serving \({_N}\s*(?P<u>[^-)]+?)\s*(?:-.*)?\)$")
# Cronometer names a plain measure ("cup, whole pieces" is a cup of the food): nobody writes that.
_CRONOMETER_ONLY = re.compile(r",?\s*\b(?:whole|cut) pieces\b")


def _label_number(text: str) -> float:
    whole, _, frac = text.strip().rpartition(" ")
    if "/" in frac:
        num, den = frac.split("/")
        return (float(whole) if whole else 0.0) + float(num) / float(den)
    return float(text)


def everyday_amount(qty: float, unit: str) -> tuple[float, str] | None:
    """Rewrite Cronometer's unit label the way a person writes it, or None for Cronometer-only servings.

    "container - each 6 oz" -> 6 oz per container, "Serving (2 tbsp)" -> 2 tbsp, "x 0.5 cup" -> 0.5 cup,
    "medium - 7\" to 7 7/8\" long" -> medium, "cup, chopped" -> "cup chopped". "FDA Serving Size" and
    pizza diameters have no household equivalent and are left out of the check.
    """
    unit = _CRONOMETER_ONLY.sub("", unit.strip())
    if unit.startswith("FDA") or unit[:1].isdigit() or unit.lower() == "full recipe":
        return None
    for pattern in (_EACH, _TIMES, _SERVING):
        m = pattern.match(unit)
        if m:
            return qty * _label_number(m.group("n")), m.group("u").replace(",", " ").strip()
    unit = re.split(r"\s+-\s+|\s*\(", unit, maxsplit=1)[0]
    return qty, unit.replace(",", " ").strip()


def household_lines(shared: Path, table: FoodTable) -> Result:
    """(c) generic servings in household units, rewritten as people write them: a portion check."""
    scorer = Scorer(table)
    res = Result("(c) generic household servings")
    for r in _read(shared / "bench" / "cronometer" / "household.csv"):
        qty, mg, b6 = _num(r["quantity"]), _num(r["magnesium_mg"]), _num(r["vitamin_b6_mg"])
        if r["generic"] != "yes" or not qty or mg is None or b6 is None:
            continue
        amount = everyday_amount(qty, r["unit"])
        if amount is None:
            continue
        name = r["food_name"].replace("&#39;", "'")
        text = f"{_amount(amount[0])} {amount[1]} {name.lower()}"
        res.cases.append(_resolve(scorer, Case(name, text, mg, b6)))
    return res


def log_days(shared: Path, table: FoodTable) -> Result:
    """(b) whole and partial log days: both day totals within tolerance."""
    res = Result("(b) log days (logs/ + logs_partial/)")
    profile = Profile()
    for folder in ("logs", "logs_partial"):
        base = shared / "bench" / "cronometer" / folder
        for r in _read(base / "expected.csv"):
            path = base / r["file"]
            result = check([parse_log(path.read_text(encoding="utf-8"), str(path))], table, profile)
            mg = sum(d.totals.get("magnesium", 0.0) for d in result.days)
            b6 = sum(d.totals.get("vitamin_b6", 0.0) for d in result.days)
            misses = [p.text for p in result.problems]
            res.cases.append(
                Case(f"{folder}/{r['file']}", r["file"], float(r["magnesium_mg"]), float(r["vitamin_b6_mg"]),
                     mg, b6, problem=f"not counted: {'; '.join(misses)}" if misses else "")
            )  # fmt: skip
    return res


def worst(res: Result, limit: int) -> list[str]:
    """Misses grouped by Cronometer food name, biggest groups first: what to fix next."""
    groups: dict[str, list[Case]] = defaultdict(list)
    for c in res.cases:
        if not c.ok:
            groups[c.food_name].append(c)
    out = []
    for name, cases in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]:
        c = cases[0]
        if c.problem and c.ours_mg is None:
            got = f"{c.problem} [{c.food}]"
        elif c.problem or not c.food:  # a log day: its totals and what it could not count
            got = f"mg {_fmt(c.ours_mg)} vs {c.mg:g}, b6 {_fmt(c.ours_b6, 3)} vs {c.b6:g}"
            got += f"; {c.problem}" if c.problem else ""
        else:
            g = "?" if c.grams is None else f"{c.grams:.0f} g"
            got = f"-> {c.food} ({g}) mg {_fmt(c.ours_mg)} vs {c.mg:g}, b6 {_fmt(c.ours_b6, 3)} vs {c.b6:g}"
        out.append(f"  {len(cases):3d}x {name!r:.60s} {got}")
    return out


def _fmt(x: float | None, digits: int = 1) -> str:
    return "None" if x is None else f"{x:.{digits}f}"


def evaluate(shared: Path, table: FoodTable | None = None, parts: Iterable[str] = "abc") -> dict[str, Result]:
    table = table or load_table()
    runs = {"a": gram_lines, "b": log_days, "c": household_lines}
    return {p: runs[p](shared, table) for p in parts}


# Household servings (check c) where Cronometer's value or portion weight matches no USDA entry we have:
# we keep USDA's and say so (data/SOURCES.md) rather than chase them. Reported separately, never hidden.
KNOWN_DIFFERENCES = {
    "Water": "USDA tap water has 1 mg Mg per 100 g; Cronometer counts 0",
    "White Bread, Store Bought": "'1 large slice': SR28 30 g; Cronometer 43 g (FNDDS's 'thick slice')",
    "Croissant, cheese": "'1 large': SR28 67 g; Cronometer about 53 g",
    "Cheese sandwich, with margarine": "FNDDS 2021-23 has only 'Cheese sandwich, NFS', 102 g; Cronometer 67",
    "Banana, Fried": "no fried banana in FNDDS 2021-23; its 'Banana, baked' is 140 g each",
    "Hummus (chickpea dip)": "Cronometer 32 mg Mg per 100 g; SR28 and FNDDS hummus 71 (home-made 29)",
    "Hummus": "Cronometer 32 mg Mg per 100 g; SR28 and FNDDS hummus 71 (home-made 29)",
    "Raw Egg": "Cronometer's per-100 g values are SR28's hard-boiled egg, not raw egg",
    "Chicken Thigh, Skin Eaten": "SR28's roasted thigh with skin is 137 g; Cronometer's is about 95 g",
    "Beer, Non Alcoholic": "USDA 7 mg Mg per 100 g; Cronometer 1",
}


def summary(results: dict[str, Result]) -> list[str]:
    targets = {"a": TARGET_LINES, "b": TARGET_DAYS}
    lines = []
    for key, res in results.items():
        goal = f" (target {targets[key]:.0%})" if key in targets else " (no target)"
        unmatched = sum(1 for c in res.cases if c.ours_mg is None or c.problem)
        what = "days with an uncounted line" if key == "b" else "unmatched/unresolved"
        lines.append(
            f"{res.name}: {res.n_ok}/{len(res.cases)} = {res.share:.1%} within ±15%{goal}; {unmatched} {what}"
        )
        if key == "c":
            rest = [c for c in res.cases if c.food_name not in KNOWN_DIFFERENCES]
            ok = sum(c.ok for c in rest)
            lines.append(
                f"    without the {len(res.cases) - len(rest)} servings of {len(KNOWN_DIFFERENCES)} foods "
                f"where Cronometer differs from USDA (KNOWN_DIFFERENCES): {ok}/{len(rest)} = "
                f"{ok / len(rest):.1%}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--worst", type=int, default=30, help="how many missed food names to list per check")
    ap.add_argument("--only", default="abc", help="which checks to run, e.g. 'a' or 'ab'")
    args = ap.parse_args(argv)
    if not (args.shared / "bench" / "cronometer").is_dir():
        print(f"error: {args.shared}/bench/cronometer not found", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    table = load_table()
    results = evaluate(args.shared, table, args.only)
    elapsed = time.perf_counter() - t0
    for res in results.values():
        if args.worst:
            print(f"\nWorst misses, {res.name}:")
            print("\n".join(worst(res, args.worst)) or "  none")
    print("\nSummary")
    print("\n".join(summary(results)))
    print(f"({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
