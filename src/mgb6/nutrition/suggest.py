"""Foods that close a magnesium and/or vitamin B6 gap, and the smallest plan of 1-3 servings that closes both.

The everyday candidates come from ``data/suggestable.csv`` (built from ``data/suggest_rules.csv`` by
``scripts/build_suggestable.py``), their nutrients from the food table. Files are reached only through the
table loader (foods/table.py: the suggestable rows and the cached candidate join); nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, NamedTuple

from mgb6.errors import OptionError
from mgb6.foods.words import tokens
from mgb6.lazyre import lazy
from mgb6.models import NUTRIENTS

if TYPE_CHECKING:
    from mgb6.foods.table import FoodTable

# Groups each diet leaves out; every group name is one a rule in data/suggest_rules.csv can assign.
DIETS: dict[str, frozenset[str]] = {
    "vegetarian": frozenset({"meat", "poultry", "fish", "shellfish"}),
    "pescatarian": frozenset({"meat", "poultry"}),
    "vegan": frozenset({"meat", "poultry", "fish", "shellfish", "dairy", "egg"}),
}
# --avoid words and the food groups they remove (plural and everyday spellings accepted).
AVOID: dict[str, frozenset[str]] = {
    "nuts": frozenset({"nuts"}),
    "peanuts": frozenset({"peanut"}),
    "seeds": frozenset({"seeds"}),
    "sesame": frozenset({"sesame"}),
    "fish": frozenset({"fish"}),
    "shellfish": frozenset({"shellfish"}),
    "seafood": frozenset({"fish", "shellfish"}),
    "dairy": frozenset({"dairy"}),
    "milk": frozenset({"dairy"}),
    "egg": frozenset({"egg"}),
    "gluten": frozenset({"gluten"}),
    "wheat": frozenset({"gluten"}),
    "soy": frozenset({"soy"}),
    "meat": frozenset({"meat"}),
    "poultry": frozenset({"poultry"}),
}
_AVOID_ALIASES = {"nut": "nuts", "peanut": "peanuts", "eggs": "egg", "seed": "seeds", "soya": "soy"}
PER = ("serving", "100kcal")
ALREADY_EATEN_BONUS = 1.2  # a food already in the log is easier to eat more of: rank it up by a fifth
MAX_PER_CATEGORY = 2  # a shown list of five kinds of beans helps nobody: at most two per USDA food group
PLAN_POOL = 18  # candidates the exact plan search looks at (C(18,3) = 816 combinations)
# Young children (README "To close the gap", from the reference's infants section): under 1 year no food
# plan at all (breast milk or formula supplies the AI); under 4 no whole nuts, whole seeds or popcorn
# (a choking hazard, AAP); from 12 to 24 months no nonfat or low-fat milk (whole milk is advised).
NO_SUGGESTIONS_UNDER = 1.0
CHOKING_UNDER = 4.0
CHOKING_GROUPS = frozenset({"nuts", "seeds", "peanut", "sesame"})
_CHOKING = lazy(r"(?i)popcorn|^(?:nuts|seeds|peanuts), ")
WHOLE_MILK_AGES = (1.0, 2.0)
_LOW_FAT_MILK = lazy(r"(?i)\b(?:nonfat|non-fat|fat free|skim|low ?fat|1% (?:milk)?fat)\b")

# Words of a description's second part that name a kind of food (kept in the family), see family().
_CLASS_WORDS = {"nuts", "seeds", "fish", "cereals", "mollusks", "crustaceans", "game meat"}
_PAREN = lazy(r"\([^)]*\)")


def family(description: str) -> str:
    """A key grouping variants of one food ("Nuts, almonds" raw, blanched, roasted; every turkey cut).

    Suggestions show the best variant of each family so that a list is not five kinds of almonds.
    """
    parts = [p.strip().lower() for p in _PAREN.sub("", description).split(",") if p.strip()]
    if not parts:
        return description.lower()
    if parts[0] in _CLASS_WORDS and len(parts) > 1:
        return f"{parts[0]}, {parts[1]}"
    return parts[0].split()[0]


def food_key(description: str) -> str:
    """The word naming the food itself, to recognise a logged food among suggestions across SR28 and
    FNDDS wording ("Almonds, unsalted" and "Nuts, almonds" are both "almond")."""
    return _key_of_family(family(description))


def _key_of_family(fam: str) -> str:
    words = tokens(fam.split(", ")[-1])
    return words[0] if words else fam


def short_name(description: str, parts: int = 3) -> str:
    """The description without its least telling tail ("without salt", "mature seeds")."""
    kept = [
        p.strip()
        for p in _PAREN.sub("", description).split(",")
        if p.strip() and p.strip().lower() not in ("without salt", "mature seeds", "all commercial varieties")
    ]
    return ", ".join(kept[:parts]) or description


class Candidate(NamedTuple):
    """One suggestable food with its everyday serving; nutrient amounts are for that serving."""

    food_index: int
    food_id: str
    food: str
    family: str
    serving: str
    grams: float
    magnesium_mg: float | None
    vitamin_b6_mg: float | None
    kcal: float | None
    groups: frozenset[str]
    key: str = ""  # food_key(): recognises the same food in the log

    def amount(self, nutrient: str) -> float | None:
        return self.magnesium_mg if nutrient == "magnesium" else self.vitamin_b6_mg


class Suggestion(NamedTuple):
    candidate: Candidate
    closes: dict[str, float]  # fraction of each open gap one serving closes (may exceed 1)
    score: float
    already_eaten: bool = False


class Plan(NamedTuple):
    """The fewest servings (1-3, distinct foods) that close every open gap, least kcal first."""

    items: tuple[Candidate, ...]
    totals: dict[str, float]
    kcal: float
    closes_gaps: bool
    remaining: dict[str, float]


@dataclass(slots=True)
class Suggestions:
    gaps: dict[str, float]
    per: str
    diet: str | None
    avoid: tuple[str, ...]
    items: list[Suggestion] = field(default_factory=list)
    plan: Plan | None = None

    @property
    def open(self) -> bool:
        return any(v > 0 for v in self.gaps.values())


def suitable_at(c: Candidate, age: float) -> bool:
    """Whether a food may be offered to a child of this age (the reference's rules for young children)."""
    if age < CHOKING_UNDER and (c.groups & CHOKING_GROUPS or _CHOKING.search(c.food)):
        return False
    lo, hi = WHOLE_MILK_AGES
    return not (lo <= age < hi and c.family == "milk" and _LOW_FAT_MILK.search(c.food))


def excluded_groups(diet: str | None, avoid: Iterable[str]) -> frozenset[str]:
    """The food groups a diet and an --avoid list leave out; unknown words are a usage error."""
    out: set[str] = set()
    if diet:
        if diet not in DIETS:
            raise OptionError(f"diet must be one of {', '.join(DIETS)}, not {diet!r}")
        out |= DIETS[diet]
    for word in avoid:
        w = word.strip().lower()
        if not w:
            continue
        w = _AVOID_ALIASES.get(w, w)
        if w not in AVOID:
            raise OptionError(f"--avoid knows {', '.join(sorted(AVOID))}; not {word.strip()!r}")
        out |= AVOID[w]
    return frozenset(out)


def candidates(table: FoodTable, rows: Sequence[Mapping[str, str]]) -> list[Candidate]:
    """Join the suggestable rows with the food table's USDA values (missing stays ``None``)."""
    out = []
    for r in rows:
        i = table.by_id.get(r["food_id"])
        if i is None:
            continue  # the food table was rebuilt without this food: skip rather than guess
        f = table.foods[i]
        g = float(r["grams"])
        out.append(
            Candidate(
                i,
                f.id,
                f.description,
                r["family"],
                r["serving"],
                g,
                None if f.magnesium is None else f.magnesium * g / 100,
                None if f.vitamin_b6 is None else f.vitamin_b6 * g / 100,
                None if f.kcal is None else f.kcal * g / 100,
                frozenset(x for x in r["groups"].split(";") if x),
                r.get("key") or _key_of_family(r["family"]),
            )
        )
    return out


def _closes(c: Candidate, gaps: Mapping[str, float], per: str) -> dict[str, float] | None:
    """Fraction of each open gap closed by one serving (per="serving") or by 100 kcal of the food."""
    scale = 1.0
    if per == "100kcal":
        if not c.kcal:
            return None
        scale = 100.0 / c.kcal
    return {n: (c.amount(n) or 0.0) * scale / gaps[n] for n in NUTRIENTS if gaps.get(n, 0.0) > 0}


def _score(closes: Mapping[str, float]) -> float:
    """Capped shares summed: a food closing half of both gaps beats one closing twice one gap."""
    return sum(min(1.0, v) for v in closes.values())


def rank(
    cands: Sequence[Candidate],
    gaps: Mapping[str, float],
    per: str = "serving",
    exclude: frozenset[str] = frozenset(),
    eaten_keys: frozenset[str] = frozenset(),
    n: int = 8,
) -> list[Suggestion]:
    """Best food of each family by share of the open gaps it closes, best first.

    The score is _score(_closes(...)), spelled out inline: this loop runs over every suggestable food
    on each check with a gap, and building a dict per food was most of its cost.
    """
    if per not in PER:
        raise OptionError(f"--per must be one of {', '.join(PER)}, not {per!r}")
    open_mg = gaps.get("magnesium", 0.0) > 0
    open_b6 = gaps.get("vitamin_b6", 0.0) > 0
    if not (open_mg or open_b6):
        return []
    gap_mg, gap_b6 = gaps.get("magnesium", 0.0), gaps.get("vitamin_b6", 0.0)
    per_serving = per == "serving"
    best: dict[str, tuple[tuple[float, float, str], Candidate, float, bool]] = {}
    for c in cands:
        if exclude and c.groups & exclude:
            continue
        scale = 1.0
        if not per_serving:
            if not c.kcal:
                continue
            scale = 100.0 / c.kcal
        share_mg = (c.magnesium_mg or 0.0) * scale / gap_mg if open_mg else 0.0
        share_b6 = (c.vitamin_b6_mg or 0.0) * scale / gap_b6 if open_b6 else 0.0
        score = min(1.0, share_mg) + min(1.0, share_b6)
        eaten = bool(eaten_keys) and c.key in eaten_keys
        if eaten:
            score *= ALREADY_EATEN_BONUS
        # equal scores (every gap closed): per serving, fewer kcal first; per 100 kcal, denser first
        tie = (c.kcal or 1e9) if per_serving else -(share_mg + share_b6)
        key = (-score, tie, c.food_id)
        prev = best.get(c.family)
        if prev is None or key < prev[0]:
            best[c.family] = (key, c, score, eaten)
    out = []
    for _, c, score, eaten in sorted(best.values(), key=lambda b: b[0]):
        if score <= 0 or len(out) >= n:
            break
        closes = _closes(c, gaps, per)
        assert closes is not None
        out.append(Suggestion(c, closes, score, eaten))
    return out


def _totals(items: Sequence[Candidate]) -> dict[str, float]:
    return {n: sum(c.amount(n) or 0.0 for c in items) for n in NUTRIENTS}


def plan(
    cands: Sequence[Candidate],
    gaps: Mapping[str, float],
    exclude: frozenset[str] = frozenset(),
    max_items: int = 3,
) -> Plan | None:
    """Exact search over the strongest candidates for the fewest distinct servings closing every gap.

    The pool is the best foods for the open gaps together and for each gap alone, so a pairing of a
    magnesium food with a B6 food is considered as well as foods rich in both. Unknown values count as 0,
    so a plan never claims to close a gap on a missing number.
    """
    open_gaps = {n: g for n, g in gaps.items() if g > 0}
    if not open_gaps:
        return None
    pool: dict[str, Candidate] = {}
    allowed = [c for c in cands if not (c.groups & exclude)]
    size = PLAN_POOL // (len(open_gaps) + 1) + 4
    focuses = [open_gaps, *({n: g} for n, g in open_gaps.items())] if len(open_gaps) > 1 else [open_gaps]
    for focus in focuses:
        # the best foods for this focus, by capped share of the gaps closed, then fewer kcal
        g_mg, g_b6 = focus.get("magnesium", 0.0), focus.get("vitamin_b6", 0.0)
        scored = sorted(
            allowed,
            key=lambda c: (
                -((min(1.0, (c.magnesium_mg or 0.0) / g_mg) if g_mg else 0.0)
                  + (min(1.0, (c.vitamin_b6_mg or 0.0) / g_b6) if g_b6 else 0.0)),
                c.kcal or 1e9,
            ),
        )  # fmt: skip
        taken = 0
        for c in scored:
            if c.family not in pool:
                pool[c.family] = c
                taken += 1
            if taken >= size:
                break
    pool_list = list(pool.values())
    if not pool_list:
        return None

    def shortfall(items: Sequence[Candidate]) -> float:
        t = _totals(items)
        return sum(max(0.0, 1.0 - t[n] / g) for n, g in open_gaps.items())

    best: tuple[float, float, tuple[Candidate, ...]] | None = None
    for k in range(1, max_items + 1):
        for combo in combinations(pool_list, k):
            key = (shortfall(combo), sum(c.kcal or 0.0 for c in combo), combo)
            if best is None or key[:2] < best[:2]:
                best = key
        if best is not None and best[0] == 0.0:
            break
    assert best is not None
    items = best[2]
    totals = _totals(items)
    remaining = {n: max(0.0, g - totals[n]) for n, g in open_gaps.items()}
    return Plan(items, totals, best[1], best[0] == 0.0, remaining)


def suggest(
    table: FoodTable,
    rows: Sequence[Mapping[str, str]] | None,
    gaps: Mapping[str, float],
    *,
    diet: str | None = None,
    avoid: Sequence[str] = (),
    per: str = "serving",
    eaten: Iterable[str] = (),
    n: int = 8,
    age: float | None = None,
) -> Suggestions:
    """Suggestions and a plan for the given gaps (mg/day); ``eaten`` are descriptions of logged foods.

    ``age`` (years) leaves out what young children should not be offered; under 1 year nothing is
    suggested (NO_SUGGESTIONS_UNDER).

    ``rows`` are suggestable foods (data/suggestable.csv's columns); None means the bundled ones, whose
    join with the table is cached, so their CSV rows are not even loaded.
    """
    exclude = excluded_groups(diet, avoid)
    clean_gaps = {k: max(0.0, float(gaps.get(k, 0.0) or 0.0)) for k in NUTRIENTS}
    out = Suggestions(clean_gaps, per, diet, tuple(avoid))
    if per not in PER:
        raise OptionError(f"--per must be one of {', '.join(PER)}, not {per!r}")
    if not out.open or (age is not None and age < NO_SUGGESTIONS_UNDER):
        return out
    from mgb6.foods.table import cached, load_suggestable

    if rows is None or rows is load_suggestable():  # the bundled rows: their join is cached (~10 ms)
        cands = cached("candidates", table, lambda: candidates(table, load_suggestable()))
    else:
        cands = candidates(table, rows)
    if age is not None:
        cands = [c for c in cands if suitable_at(c, age)]
    eaten_keys = frozenset(food_key(d) for d in eaten)
    ranked = rank(cands, clean_gaps, per, exclude, eaten_keys, n=len(cands))
    per_category: dict[str, int] = {}
    for sug in ranked:
        cat = table.foods[sug.candidate.food_index].category
        if per_category.get(cat, 0) < MAX_PER_CATEGORY or sug.already_eaten:
            per_category[cat] = per_category.get(cat, 0) + 1
            out.items.append(sug)
        if len(out.items) >= n:
            break
    # a food already in the log is the easiest to eat more of: always offer the best one
    if eaten_keys and not any(s.already_eaten for s in out.items):
        best_eaten = next((s for s in ranked if s.already_eaten), None)
        if best_eaten is not None:
            out.items.append(best_eaten)
    out.plan = plan(cands, clean_gaps, exclude)
    return out
