"""Rebuild ``data/suggestable.csv``: the whole, everyday foods mgb6 may suggest, with realistic servings.

Run from the repository root after ``scripts/build_foods.py``::

    python scripts/build_suggestable.py

The filter lives in one place, ``data/suggest_rules.csv`` (reviewed by hand): which SR28 categories are
eligible, what excludes or is required in a description, which USDA household portion is the serving, and
which dietary groups (meat, fish, dairy, nuts, gluten...) a food belongs to. This script only applies those
rules to ``data/foods.csv`` and ``data/portions.csv``; the output names foods by id and copies the portion's
gram weight, so every number still comes from USDA. Nutrient values are *not* copied: mgb6 reads them from
the food table at run time. FNDDS foods are left out (they are "as eaten" dishes; SR28 has the plain foods).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from mgb6.nutrition.suggest import family, food_key  # noqa: E402

OZ_G = 28.349523125  # avoirdupois ounce: a mass unit, so "3 oz" needs no USDA portion
MAX_SERVING_G = 350.0  # a "serving" heavier than this is not what anyone adds as a side
COLUMNS = ["food_id", "family", "key", "serving", "grams", "groups"]


@dataclass(frozen=True)
class Rules:
    include: set[str]
    exclude: list[tuple[str, re.Pattern[str]]]
    require: dict[str, re.Pattern[str]]
    serving: list[tuple[str, re.Pattern[str] | None, list[tuple[float, str]]]]
    group: list[tuple[str, re.Pattern[str] | None, str]]


def read_rules(path: Path) -> Rules:
    rules = Rules(set(), [], {}, [], [])
    for r in csv.DictReader(path.open(encoding="utf-8")):
        if None in r or None in r.values():
            raise SystemExit(f"{path}: malformed row (quote fields holding commas): {r}")
        pattern = re.compile(r["pattern"]) if r["pattern"] else None
        kind, cat = r["rule"], r["category"]
        if kind == "include":
            rules.include.add(cat)
        elif kind == "exclude" and pattern:
            rules.exclude.append((cat, pattern))
        elif kind == "require" and pattern:
            rules.require[cat] = pattern
        elif kind == "serving":
            specs = []
            for spec in r["value"].split(";"):
                amount, unit = spec.strip().split(" ", 1)
                specs.append((float(amount), unit))
            rules.serving.append((cat, pattern, specs))
        elif kind == "group":
            rules.group.append((cat, pattern, r["value"]))
        else:
            raise SystemExit(f"{path}: unknown or incomplete rule {r}")
    return rules


def _applies(cat: str, pattern: re.Pattern[str] | None, category: str, description: str) -> bool:
    return cat in ("*", category) and (pattern is None or bool(pattern.search(description)))


def serving_for(
    rules: Rules, category: str, description: str, portions: list[dict[str, str]]
) -> tuple[str, float] | None:
    """The first serving spec (of the first matching rule) that USDA gives a weight for, within reason."""
    for cat, pattern, specs in rules.serving:
        if not _applies(cat, pattern, category, description):
            continue
        for amount, unit in specs:
            for p in portions:
                modifier_head = p["modifier"].strip("() ").split(" ")[0].lower() if p["modifier"] else ""
                if unit in (p["unit"], modifier_head):
                    grams = amount * float(p["grams_per_unit"])
                    if 0 < grams <= MAX_SERVING_G:
                        return f"{amount:g} {p['description']}", grams
            if unit == "oz":
                return f"{amount:g} oz", amount * OZ_G
        return None
    return None


def build(foods_csv: Path, portions_csv: Path, rules_csv: Path) -> list[dict[str, str]]:
    rules = read_rules(rules_csv)
    portions: dict[str, list[dict[str, str]]] = {}
    for p in csv.DictReader(portions_csv.open(encoding="utf-8")):
        portions.setdefault(p["food_id"], []).append(p)
    out = []
    for f in csv.DictReader(foods_csv.open(encoding="utf-8")):
        cat, desc = f["category"], f["description"]
        if f["source"] != "sr28" or cat not in rules.include:
            continue
        if any(_applies(c, p, cat, desc) for c, p in rules.exclude):
            continue
        req = rules.require.get(cat)
        if req is not None and not req.search(desc):
            continue
        if not (f["magnesium_mg_per_100g"] or f["vitamin_b6_mg_per_100g"]) or not f["energy_kcal_per_100g"]:
            continue
        serving = serving_for(rules, cat, desc, portions.get(f["id"], []))
        if serving is None:
            continue
        groups = sorted({g for c, p, g in rules.group if _applies(c, p, cat, desc)})
        out.append(
            {
                "food_id": f["id"],
                "family": family(desc),
                "key": food_key(desc),
                "serving": serving[0],
                "grams": f"{serving[1]:.4g}",
                "groups": ";".join(groups),
            }
        )
    return out


def render(rows: list[dict[str, str]]) -> str:
    import io

    buf = io.StringIO()
    w = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "data")
    args = ap.parse_args(argv)
    rows = build(args.data / "foods.csv", args.data / "portions.csv", args.data / "suggest_rules.csv")
    (args.data / "suggestable.csv").write_text(render(rows), encoding="utf-8")
    print(f"wrote {len(rows)} suggestable foods to {args.data / 'suggestable.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
