"""Rebuild mgb6's bundled tables in ``data/`` from the USDA and IOM extracts in ``../shared``.

Run from the repository root::

    python scripts/build_foods.py [--shared ../shared]

Inputs (read-only): ``data/usda`` (SR28) and ``data/fndds`` (FNDDS 2021-2023) ``foods.csv`` and
``portions.csv``, ``reference/dri_iom.csv``, plus the hand-reviewed ``data/aliases.csv`` of this repo and
``data/sr28_revisions_2016.csv`` (USDA's May 2016 revision of SR28 values, applied over the extract).
Outputs: ``data/foods.csv``, ``data/portions.csv``, ``data/dri.csv``, then ``data/suggestable.csv``
(``scripts/build_suggestable.py``, which reads the first two): one command rebuilds everything derived,
byte for byte (a rebuild from unchanged inputs leaves ``git status`` clean). Values are copied, never
computed: an empty USDA cell stays empty. Only the gram weight *per single unit* of a portion is derived
(gram weight divided by the portion's amount), because the two sources state portions differently.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FOOD_COLUMNS = [
    "id",
    "source",
    "description",
    "name",
    "category",
    "magnesium_mg_per_100g",
    "vitamin_b6_mg_per_100g",
    "energy_kcal_per_100g",
    "synonyms",
]
PORTION_COLUMNS = ["food_id", "unit", "modifier", "grams_per_unit", "description"]
DRI_COLUMNS = [
    "authority",
    "nutrient",
    "life_stage",
    "sex",
    "age_min_years",
    "age_below_years",
    "ear_mg",
    "rda_mg",
    "ai_mg",
    "ul_mg",
    "ul_applies_to",
    "source",
]

SOURCES = {
    # prefix: (folder, human name); SR28 first: see data/SOURCES.md for why.
    "sr28": ("usda", "USDA SR28 (2015)"),
    "fndds": ("fndds", "USDA FNDDS 2021-2023"),
}

# USDA spells some units several ways; one spelling per unit keeps the runtime lookup exact.
UNIT_SPELLINGS = {
    "tablespoon": "tbsp",
    "tablespoons": "tbsp",
    "tbs": "tbsp",
    "teaspoon": "tsp",
    "teaspoons": "tsp",
    "cups": "cup",
    "pieces": "piece",
    "slices": "slice",
    "cookies": "cookie",
    "crackers": "cracker",
    "fl oz": "fl oz",
    "nlea serving": "serving",
    "serving": "serving",
    "servings": "serving",
    "oz": "oz",
    "ounce": "oz",
    "lb": "lb",
}


_MEASURES = frozenset("g kg oz lb ml l cup tbsp tsp pint quart gallon".split()) | {"fl oz"}


def canonical_unit(unit: str) -> str:
    u = unit.strip().lower()
    return UNIT_SPELLINGS.get(u, u)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def number(text: str) -> float | None:
    text = text.strip()
    return float(text) if text else None


def build_foods(shared: Path, aliases: dict[str, list[str]]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for prefix, (folder, _name) in SOURCES.items():
        for r in read_csv(shared / "data" / folder / "foods.csv"):
            fid = f"{prefix}:{r['source_id']}"
            separator = r"[;]" if prefix == "fndds" else r","
            synonyms = [s.strip() for s in re.split(separator, r["common_name"]) if s.strip()]
            phrases = aliases.get(fid, [])
            rows.append(
                {
                    "id": fid,
                    "source": prefix,
                    "description": r["description"],
                    "name": phrases[0] if phrases else r["description"],
                    "category": r["category"],
                    "magnesium_mg_per_100g": r["magnesium_mg_per_100g"],
                    "vitamin_b6_mg_per_100g": r["vitamin_b6_mg_per_100g"],
                    "energy_kcal_per_100g": r["energy_kcal_per_100g"],
                    "synonyms": "; ".join(synonyms),
                }
            )
    return rows


def build_portions(shared: Path, known: set[str]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for prefix, (folder, _name) in SOURCES.items():
        for r in read_csv(shared / "data" / folder / "portions.csv"):
            fid = f"{prefix}:{r['source_id']}"
            grams = number(r["gram_weight"])
            if fid not in known or not grams or grams <= 0:
                continue  # no nutrient row (FNDDS human milk) or a zero weight: unusable
            amount = number(r["amount"])
            if amount is None:
                # "Quantity not specified" is FNDDS's default portion; guideline rows are not portions.
                if r["modifier"].strip().lower() != "quantity not specified":
                    continue
                unit, per_unit = "default", grams
            else:
                if amount <= 0:
                    continue
                unit, per_unit = canonical_unit(r["unit"]), grams / amount
            description = r["measure_description"]
            if amount == 0.5 and prefix == "sr28" and unit not in _MEASURES:
                # SR28 weighs a fish "fillet" and a chicken "breast" as "0.5 fillet", "0.5 breast": keep
                # USDA's amount in the text (FNDDS's texts carry theirs), or the half is lost
                description = f"0.5 {description}"
            rows.append(
                {
                    "food_id": fid,
                    "unit": unit,
                    "modifier": r["modifier"].strip().lower(),
                    "grams_per_unit": f"{per_unit:.4g}",
                    "description": description,
                }
            )
    return rows


def build_dri(shared: Path) -> list[dict[str, str]]:
    out = []
    for r in read_csv(shared / "reference" / "dri_iom.csv"):
        out.append({"authority": "iom", **{k: r.get(k, "") for k in DRI_COLUMNS if k != "authority"}})
    return out


def apply_revisions(foods: list[dict[str, str]], path: Path) -> int:
    """Put USDA's May 2016 SR28 revisions (data/sr28_revisions_2016.csv) over the September 2015 values.

    The file is USDA's own change list (see data/SOURCES.md); a row naming a food or column the table lacks
    is an error, never skipped. Values are USDA's, written without trailing zeros like the extract's.
    """
    by_id = {f["id"]: f for f in foods}
    changed = 0
    for r in read_csv(path):
        food = by_id.get(r["id"])
        if food is None or r["column"] not in food:
            raise SystemExit(f"error: {path.name}: unknown food or column {r['id']} {r['column']}")
        value = f"{float(r['value']):g}"
        if food[r["column"]] != value:
            food[r["column"]] = value
            changed += 1
    return changed


def read_aliases(path: Path) -> dict[str, list[str]]:
    by_id: dict[str, list[str]] = {}
    for r in read_csv(path):
        by_id.setdefault(r["food_id"], []).append(r["phrase"])
    return by_id


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "data")
    args = ap.parse_args(argv)
    if not (args.shared / "data" / "usda" / "foods.csv").exists():
        print(f"error: USDA extracts not found under {args.shared}", file=sys.stderr)
        return 1
    aliases = read_aliases(args.out / "aliases.csv")
    foods = build_foods(args.shared, aliases)
    revised = apply_revisions(foods, args.out / "sr28_revisions_2016.csv")
    known = {f["id"] for f in foods}
    missing = sorted(set(aliases) - known)
    if missing:
        print(f"error: aliases.csv names unknown food ids: {', '.join(missing)}", file=sys.stderr)
        return 1
    portions = build_portions(args.shared, known)
    write_csv(args.out / "foods.csv", FOOD_COLUMNS, foods)
    write_csv(args.out / "portions.csv", PORTION_COLUMNS, portions)
    write_csv(args.out / "dri.csv", DRI_COLUMNS, build_dri(args.shared))
    print(
        f"wrote {len(foods)} foods ({revised} values revised by USDA in May 2016), "
        f"{len(portions)} portions to {args.out}"
    )
    return _build_suggestable(args.out)


def _build_suggestable(out: Path) -> int:
    """suggestable.csv is derived from foods.csv and portions.csv: rebuilt with them, never left stale."""
    import importlib.util

    path = Path(__file__).resolve().parent / "build_suggestable.py"
    spec = importlib.util.spec_from_file_location("build_suggestable", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_suggestable"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return int(module.main(["--data", str(out)]))


if __name__ == "__main__":
    raise SystemExit(main())
