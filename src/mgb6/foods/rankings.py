"""Whole-table lookups for ``mgb6 foods``: what a phrase would match, and the richest foods (pandas).

pandas earns its import here (ranking ~14k foods with filters); the check path never imports this module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mgb6.errors import OptionError
from mgb6.foods.match import MIN_CONFIDENCE, match, search
from mgb6.foods.portions import default_portion

if TYPE_CHECKING:
    from mgb6.foods.table import FoodTable


@dataclass(frozen=True, slots=True)
class SearchResult:
    text: str
    chosen: str | None  # food id mgb6 would count, or None (below the confidence threshold)
    method: str
    candidates: list[tuple[str, str, float]]  # (food id, description, score)
    threshold: float


def search_foods(text: str, table: FoodTable, n: int = 5) -> SearchResult:
    """The matcher's own answer for ``text`` (alias, exact or fuzzy) and its ranked candidates."""
    m, _ = match(text, table)
    ranked = search(text, table, limit=n)
    cands = [(table.foods[i].id, table.foods[i].description, score) for i, score in ranked]
    if m is not None and all(c[0] != table.foods[m.food_index].id for c in cands):
        f = table.foods[m.food_index]
        cands.insert(0, (f.id, f.description, m.confidence))
    chosen = table.foods[m.food_index].id if m else None
    return SearchResult(text, chosen, m.method if m else "none", cands[:n], MIN_CONFIDENCE)


def top_foods(
    table: FoodTable,
    nutrient: str,
    per: str = "serving",
    *,
    category: str | None = None,
    n: int = 20,
    suggestable: Sequence[Mapping[str, str]] | None = None,
) -> list[dict[str, Any]]:
    """Foods ranked by ``nutrient`` per 100 g, per 100 kcal, or per serving (USDA's standard portion,
    or the everyday serving when restricted to suggestable foods). Foods lacking the value are left out."""
    import pandas as pd  # noqa: TID251 - whole-table ranking earns it

    if per not in ("serving", "100g", "100kcal"):
        raise OptionError(f"--per must be serving, 100g or 100kcal, not {per!r}")
    df = pd.DataFrame.from_records(
        list(table.foods), columns=list(table.foods[0]._fields) if len(table.foods) else None
    )
    df["index"] = range(len(df))
    df = df[df[nutrient].notna()]
    if category:
        df = df[df["category"].str.contains(category, case=False, regex=False)]
    servings: dict[int, tuple[str, float]] = {}
    if suggestable is not None:
        for r in suggestable:
            i = table.by_id.get(r["food_id"])
            if i is not None:
                servings[i] = (r["serving"], float(r["grams"]))
        df = df[df["index"].isin(servings.keys())]
    if df.empty:
        return []
    if per == "100g":
        df = df.assign(value=df[nutrient])
    elif per == "100kcal":
        df = df[df["kcal"] > 0]
        df = df.assign(value=df[nutrient] * 100 / df["kcal"])
    else:
        # a serving per food: the everyday one, else USDA's standard portion; no portion, no ranking
        grams, labels = [], []
        for i in df["index"]:
            if i in servings:
                label, g = servings[i]
            else:
                p = default_portion(table.portions(int(i)), set(), table.default_units.get(int(i)))
                label, g = ("1 " + p.description, p.grams) if p else ("", float("nan"))
            labels.append(label)
            grams.append(g)
        df = df.assign(serving=labels, grams=grams).dropna(subset=["grams"])
        df = df.assign(value=df[nutrient] * df["grams"] / 100)
    df = df.sort_values(["value", "id"], ascending=[False, True]).head(n)
    out = []
    for r in df.itertuples():
        out.append(
            {
                "food_id": r.id,
                "food": r.description,
                "category": r.category,
                "value": float(r.value),
                "serving": getattr(r, "serving", None),
                "grams": getattr(r, "grams", None),
                "magnesium_per_100g": r.magnesium,
                "vitamin_b6_per_100g": r.vitamin_b6,
                "kcal_per_100g": r.kcal,
            }
        )
    return out
