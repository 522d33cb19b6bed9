"""Score parsed logs: match each line, weigh it, sum nutrients per day and judge the mean against targets."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from mgb6.foods.table import FoodTable
from mgb6.lazyre import lazy
from mgb6.log.units import PRODUCT_SIZES, VOLUME_UNITS
from mgb6.models import NUTRIENTS, Entry, Food, Item, Portion, Problem, Progress, Quantity
from mgb6.nutrition.targets import Profile, Target, status, targets_for

if TYPE_CHECKING:
    from mgb6.foods.match import Match
    from mgb6.foods.portions import Grams
    from mgb6.log.parse import ParsedLog
    from mgb6.nutrition.advice import Advice
    from mgb6.nutrition.limits import LimitWarning
    from mgb6.nutrition.suggest import Suggestions

# What a memoised resolution holds: one item or problem, or (a line read as several foods) one per part.
Resolution = Item | Problem | tuple[Item | Problem, ...]

# The matcher, the portion rules and the supplement reader are imported where a line first needs them: a
# check whose lines were all resolved by an earlier run (``known``) needs none of them.


@dataclass(slots=True)
class Day:
    """One day's items and totals; totals sum the known values, ``unknown`` counts items lacking one."""

    date: date | None
    label: str
    items: list[Item] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)
    kcal: float = 0.0
    path: str = ""  # undated days: the log they come from
    after_invalid: int = 0  # undated days: the line of the invalid date header they follow (0: none)
    so_far: bool = False  # today, still being eaten: shown, but left out of the mean (see check)


class Contributor(NamedTuple):
    food_id: str
    food: str
    amount_mg: float
    share: float  # of the nutrient's total over the log


@dataclass(slots=True)
class CheckResult:
    """Everything ``mgb6 check`` reports; renderers read it, nothing here prints."""

    profile: Profile
    targets: dict[str, Target]
    days: list[Day]
    problems: list[Problem]
    food_lines: int
    mean: dict[str, float | None]
    status: dict[str, str]
    gap: dict[str, float]
    top: dict[str, list[Contributor]]
    compound_weights: bool = False
    notes: list[str] = field(default_factory=list)
    mean_days: int = 0  # days the mean is over: those with counted lines, less today's unfinished one
    # filled by api.run_check (limits.py, suggest.py, advice.py); empty when not computed
    warnings: list[LimitWarning] = field(default_factory=list)
    suggestions: Suggestions | None = None  # None also when held back: no plan for a gap nobody knows
    advice: list[Advice] = field(default_factory=list)
    _line_counts: tuple[int, int, int] | None = None  # counted, partly counted, not counted (see _lines)

    @property
    def items(self) -> list[Item]:
        return [i for d in self.days for i in d.items]

    @property
    def counted_lines(self) -> int:
        """Food lines with at least one counted item (a line read as several foods may have more)."""
        return self._lines()[0]

    @property
    def partly_counted_lines(self) -> int:
        """Counted lines of which some part was not counted (that part is among the problems)."""
        return self._lines()[1]

    @property
    def assumed_amount_lines(self) -> int:
        """Counted lines whose grams rest on an amount the line did not state (see portions.to_grams); a line
        read as several items counts once."""
        return len({(i.path, i.line) for d in self.days for i in d.items if i.amount_assumed})

    @property
    def bad_date_lines(self) -> int:
        """Invalid date headers: listed among the problems, but not food lines."""
        return sum(1 for p in self.problems if p.kind == "bad-date")

    @property
    def not_counted_lines(self) -> int:
        """Food lines with nothing counted: counted_lines + not_counted_lines == food_lines."""
        return self._lines()[2]

    def _lines(self) -> tuple[int, int, int]:
        if self._line_counts is None:  # only lines read as several foods need sets (a huge log has few)
            single_items = single_problems = 0
            counted: set[tuple[str, int]] = set()
            missed: set[tuple[str, int]] = set()
            for d in self.days:
                for i in d.items:
                    if i.parts > 1:
                        counted.add((i.path, i.line))
                    else:
                        single_items += 1
            for p in self.problems:
                if p.parts > 1:
                    missed.add((p.path, p.line))
                elif p.kind != "bad-date":
                    single_problems += 1
            partly = len(missed & counted)
            self._line_counts = (single_items + len(counted), partly, single_problems + len(missed) - partly)
        return self._line_counts


# Size words the parser reads as a unit ("1 large banana"); some are part of a food's name ("Big Mac").
SIZE_UNITS = frozenset(("large", "small", "medium", "big", "jumbo", "mini", "regular"))


_BOTTLE = lazy(r"\bbottle[sd]?\b", re.I)
_CAN = lazy(r"\bcans?\b(?=\s*(?:\([^)]*\)\s*)?(?:of\b|[a-z]))|\b(?:oz|ounce|ml)\s+cans?\b|\bcanned\b", re.I)

# Sizes a line may state: then SR28's own row of that size is the answer (see Scorer._as_the_survey_weighs).
_SIZE_WORDS = SIZE_UNITS | frozenset(("extra", *PRODUCT_SIZES))
_CANNED = lazy(r"\bcanned\b|\bcans?\b", re.I)
_DRAINED = lazy(r"\bdrain(?:ed)?\b", re.I)
# a count of cans of a stated size: "1 (15 oz) can", "1 can (15 oz)", "a 5 oz can", "2 (14.5 oz) cans"
_CANS_SAID = lazy(
    r"\b(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four)\s+(?:\(?\s*\d+(?:\.\d+)?\s*-?\s*(?:oz|ounces?|g|grams?)\.?"
    r"\s*\)?\s*)?cans?\b",
    re.I,
)
_COUNT_WORDS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0}
_USDA_CAN_SIZE = lazy(r"\((\d+(?:\.\d+)?)\s*oz\)")
# a powder USDA sells dry ("Cocoa, dry powder"), and the words by which a line says it means the powder
_POWDER = lazy(r"\bpowder\b|\bdry mix\b", re.I)
_SAYS_POWDER = lazy(r"\bpowder(?:ed)?\b|\bmix\b|\bdry\b", re.I)
_DRINKING_VESSELS = frozenset(("cup", "mug", "glass"))
# a restaurant's meal or combo named after its main food ("a big mac meal", "a kids meal with nuggets")
_A_COMBO = lazy(
    r"(?:\w\s+|^)((?:value\s+|kids?\s+|kid's\s+|happy\s+)?(?:meal|combo))s?\b(?!\s+(?:of|deal))", re.I
)
_A_MEAL_FOOD = lazy(r"\b(?:meal|dinner|entree|lunchable)s?\b", re.I)
_A_VESSEL_OF = lazy(r"\b(cup|mug|glass)\s+of\b", re.I)
# The survey weighs "one" like SR28 (a banana 126 g vs 118 g) or smaller (a chunk of pineapple, not SR28's
# whole fruit); a survey row this many times heavier is a package (a 60 g candy pouch, not SR28's 6 g piece)
SURVEY_ONE_SPREAD = 2.5


@dataclass(slots=True)
class Scorer:
    """Resolves entries against one table, memoising what repeats in logs.

    The match of each distinct food text lives in ``table.memo`` (shared by every check on that table and
    saved to disk by the caller: data.save_matches); the whole resolution of each distinct (food text,
    amount) pair lives in ``table.resolved`` (this process only), so a year of "1 medium banana" is
    weighed once and its items share their numbers and their ``notes`` list (treat item notes as
    read-only). ``known`` holds resolutions from an earlier run on the same table and code; ``used``,
    when given, collects every resolution this scorer handed out, for the caller to save. Supplements
    depend on ``compound_weights`` and are never memoised.
    """

    table: FoodTable
    compound_weights: bool = False
    known: Mapping[tuple[str, Quantity | None], Resolution] = field(default_factory=dict)
    used: dict[tuple[str, Quantity | None], Resolution] | None = None
    _resolved: dict[tuple[str, Quantity | None], Resolution] = field(default_factory=dict)

    def __post_init__(self) -> None:
        resolved = getattr(self.table, "resolved", None)
        if isinstance(resolved, dict):  # shared by every log scored in this process (mgb6 batch)
            self._resolved = resolved

    def lookup(self, food_text: str) -> tuple[Match | None, list[int]]:
        from mgb6.foods.match import match, memo_key

        memo = self.table.memo
        key = memo_key(food_text)
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = match(food_text, self.table)
        return hit

    def resolve(self, entry: Entry, day: date | None, *, record: bool = True) -> Item | Problem:
        """One food line's item or problem. ``record=False`` (the spans nutrition/split.py tries) keeps it
        out of ``used``: only what a line finally became is saved, so a repeat check saves the same."""
        if entry.supplement is not None:
            return self._supplement(entry, day)
        key = (entry.food_text, entry.quantity)
        done = self._resolved.get(key)
        if done is None:
            done = self.known.get(key) or self._resolve_food(entry, day)
            self._resolved[key] = done
        assert isinstance(done, Item | Problem), "a single food's key never holds a division"
        if record and self.used is not None and key not in self.used:
            self.used[key] = done
        return _restamp(done, entry, day)

    def resolve_as(self, entry: Entry, day: date | None, chosen: Match) -> Item | Problem:
        """A line read as the food the caller chose among its candidates (nutrition/split.py picks, for a
        span such as "a sugar cookie topped with icing", the USDA name that says both parts), weighed as
        any line is. Memoised apart from the line's own best match; never recorded: the line's division is."""
        key = (f"{entry.food_text}\x1f{chosen.food_index}", entry.quantity)
        done = self._resolved.get(key)
        if done is None:
            done = self._resolved[key] = self._resolve_food(entry, day, chosen)
        assert isinstance(done, Item | Problem), "a single food's key never holds a division"
        return _restamp(done, entry, day)

    def resolve_all(self, entry: Entry, day: date | None) -> tuple[Item | Problem, ...]:
        """Every item (or problem) of a line: one for most lines, one per food for a line read as several
        (nutrition/split.py). The division of each distinct line is memoised like a single resolution."""
        if not entry.parts:
            return (self.resolve(entry, day),)
        from mgb6.nutrition.split import PARTS_KEY, resolve_parts

        key = (entry.core, PARTS_KEY)
        done = self._resolved.get(key)
        if done is None:
            done = self.known.get(key) or resolve_parts(self, entry, day)
            self._resolved[key] = done
        if self.used is not None and key not in self.used:
            self.used[key] = done
        return tuple(_restamp(d, entry, day) for d in (done if type(done) is tuple else (done,)))

    def _resolve_food(self, entry: Entry, day: date | None, chosen: Match | None = None) -> Item | Problem:
        from mgb6.foods.portions import implausible, is_beverage, measure_twins, to_grams, too_much_to_assume
        from mgb6.foods.words import tokens

        entry = self._from_the_container(self._size_in_name(entry))
        m, cands = (chosen, [chosen.food_index]) if chosen is not None else self.lookup(entry.food_text)
        names = tuple(self.table.foods[c].description for c in cands)
        dropped = ""
        if m is None:
            m, dropped = self._unknown_unit(entry)
        if m is None:
            reason = "no food in the table matches"
            return Problem(entry.path, entry.line, entry.text, "unmatched", reason, names)
        food = self.table.foods[m.food_index]
        counted_as = ""
        q = entry.quantity
        # ("1 can (14.5 oz)"; "2 (14.5 oz) cans diced tomatoes", whose amount reads 29 oz, were raw tomatoes)
        in_a_can = q is not None and (
            q.unit == "can" or bool(_CANNED.search(q.text) or _CANNED.search(entry.text))
        )
        if in_a_can and not _CANNED.search(food.description):
            # "a can of corn", "1 can diced tomatoes": what comes in a can is USDA's canned food
            from mgb6.foods.match import names_no_other_food

            again, _ = self.lookup(f"canned {entry.food_text}")
            said = set(tokens(f"canned {entry.food_text}"))
            if (
                again is not None
                and _CANNED.search(self.table.foods[again.food_index].description)
                and names_no_other_food(again.food_index, said, self.table)
            ):
                m, food = again, self.table.foods[again.food_index]
                counted_as = "a can: counted as USDA's canned food"
        # (a weighed cup is still a cup: "a 194g cup of cocoa" is the drink, never 194 g of the powder)
        said_cup = _A_VESSEL_OF.search(entry.text)
        cup = said_cup.group(1) if said_cup else ""
        if q is not None and q.unit in _DRINKING_VESSELS:
            cup = q.unit
        if cup and _POWDER.search(food.description) and not _SAYS_POWDER.search(entry.food_text):
            # "a cup of cocoa", "a mug of cocoa": the hot drink, never a cup of the dry powder (86 g, 429 mg
            # of magnesium); without such a drink, asked
            again, _ = self.lookup(f"hot {entry.food_text}")
            if again is None or _POWDER.search(self.table.foods[again.food_index].description):
                why = f"a {cup.lower()} of {food.description!r}, a dry powder: say the drink or the amount"
                return Problem(entry.path, entry.line, entry.text, "unresolved", why, (food.description,))
            m, food = again, self.table.foods[again.food_index]
            counted_as = f"a {cup.lower()} of {entry.food_text}: counted as the drink"
        portions, preferred = self.table.portions(m.food_index), self.table.default_units.get(m.food_index)
        amounts = self.table.amounts
        from mgb6.foods.match import respell

        # the portion rows are read in the words the match read ("a cheese omelette" is one omelet, as "a
        # cheese omelet" is, not FNDDS's "1 egg"; "a jacket potato" a baked potato)
        entry = entry._replace(food_text=respell(entry.food_text, self.table.index))
        g = to_grams(entry.quantity, food, portions, entry.food_text, preferred, amounts, assume=False)
        switched = ""
        said_cans = _CANS_SAID.search(entry.text) if in_a_can and _DRAINED.search(entry.text) else None
        q = entry.quantity
        drained_can = said_cans is not None and (
            _said_net_size(q) or (q is not None and q.unit == "can" and not _drained_rows(portions, food))
        )
        if drained_can:
            # "1 (15 oz) can black beans, drained": the can's stated size is what it holds with its liquid
            # (425 g counted as beans was ~60 % over), as is USDA's can of "solids and liquids" ("1 can
            # chickpeas, drained" was 448 g); USDA's drained can, else asked
            weighed_as = food
            if not _drained_rows(portions, food):
                # the food as canned with its liquid ("solids and liquids"): weighed by USDA's drained can of
                # the same food, which is counted unless it lacks a value the canned one has
                sibling = self._drained_sibling(food)
                if sibling is not None:
                    weighed_as, portions = self.table.foods[sibling], self.table.portions(sibling)
                    if not (weighed_as.magnesium is None or weighed_as.vitamin_b6 is None):
                        m, food = m._replace(food_index=sibling), weighed_as
            g = _drained_cans(entry.quantity, said_cans["n"], portions, weighed_as)
            if g.grams is None:
                why = g.reason
                return Problem(entry.path, entry.line, entry.text, "unresolved", why, (food.description,))
            switched = "drained"
        if g.grams is None:
            food, g, switched = self._with_measure(entry, m, food, g)
        elif entry.quantity is not None and entry.quantity.phrase:
            food, g, switched = self._with_named_portion(entry, m, food, g)
        if g.grams is None or self._size_not_weighed(entry, g):
            g = self._by_the_survey_measure(entry, m.food_index, food, g)
        if g.grams is not None and not switched:
            g = self._as_the_survey_weighs(entry, m.food_index, food, g)
            g = self._as_the_survey_assumes(entry, m.food_index, food, g)
        if g.grams is None:  # no candidate has a row for "a can", "a bowl": USDA's stand-in, said on the line
            first = self.table.foods[m.food_index]
            stand_in = to_grams(entry.quantity, first, portions, entry.food_text, preferred, amounts)
            q = entry.quantity
            canned_food = q is not None and q.unit == "can" and not is_beverage(first)
            if stand_in.grams is None and first.source == "sr28" and not canned_food:
                # ... or the survey's stand-in for the same food ("a carton of orange juice": SR28's juice has
                # no portion for one, FNDDS's "Orange juice, 100%, NFS" its quantity not specified); a can of
                # food has a size of its own: a can of beans is no "Beans, NFS" unspecified quantity (92 g)
                twin = measure_twins(self.table).get(m.food_index)
                stand_in = self._weighed_by(twin, entry, assume=True) or stand_in
            if stand_in.grams is not None:
                food, g = first, stand_in
        if g.grams is None:
            unknown = self._unknown_word(entry, food_index=m.food_index)
            reason = g.reason
            if unknown:  # "3 zorks spinach": the word in the unit's place is the real problem
                reason = f"unit {unknown!r} is not one mgb6 knows; write g, oz, cup, tbsp or a count"
            return Problem(entry.path, entry.line, entry.text, "unresolved", reason, (food.description,))
        if g.assumed:
            # "steel cut oats", "a bowl of oats": with no amount, a grain people weigh dry was eaten cooked
            from mgb6.foods.match import DRY_WORDS, cooked_twin

            dry = DRY_WORDS.search(entry.text) is not None
            cooked = None if dry else cooked_twin(self.table.by_id[food.id], self.table)
            if cooked is not None:
                said = self.table.foods[cooked].description
                again = self._resolve_food(entry._replace(food_text=said), day)
                if isinstance(again, Item):
                    again.notes = [*again.notes, f"counted as cooked: no amount given for {food.description}"]
                    return again
        if g.assumed and too_much_to_assume(g.grams, food):
            reason = (
                f"the amount is not stated, and USDA's usual portion of {food.description} is "
                f"{g.grams:,.0f} g ({g.note}): too much to assume; write an amount (e.g. '150 g')"
            )
            return Problem(entry.path, entry.line, entry.text, "unresolved", reason, (food.description,))
        notes = [n for n in (counted_as, switched if switched != "drained" else "", g.note) if n]
        if m.brand:
            from mgb6.foods.match import brand_listed

            listed = brand_listed(m.brand, self.table.index)
            what = f"brand {m.brand!r} listed, this product" if listed else f"brand {m.brand!r}"
            notes.insert(0, f"{what} not in USDA tables: counted as {food.description}")
        if m.variant:
            notes.insert(0, f"label variant {m.variant!r} left out: counted as {food.description}")
        # (a drained can weighed as one: "drained" is weighed there)
        prepared = " ".join(w for w in m.prepared.split() if w != "drained" or switched != "drained")
        if prepared:
            notes.append(f"preparation not weighed: {prepared}")
        if m.place:
            notes.append(f"where it came from not weighed: {m.place!r}")
        if m.without:
            notes.append(f"said {m.without!r}: counted as {food.description}, whose USDA name has none")
        combo = _A_COMBO.search(entry.food_text)
        if combo is not None and not _A_MEAL_FOOD.search(food.description):
            # "a big mac meal" is the burger, its fries and its drink: only the burger is named
            notes.append(f"{combo.group(1)!r}: only {food.description} is counted; list its sides and drink")
        raw_note = self._raw_note(entry, m.food_index, g.grams) or self._measured_raw(entry, m.food_index)
        if raw_note:
            notes.append(raw_note)
        if implausible(g.grams, food):
            notes.append(f"implausible amount ({g.grams:.0f} g): check this line; it is counted")
        if dropped and set(tokens(dropped)) & self._portion_units(m.food_index):
            dropped = ""  # "3 floweret cauliflower": the food's own USDA unit, weighed as one
        unknown = self._unknown_word(entry, food_index=m.food_index) or dropped
        if unknown:
            notes.append(f"unknown word {unknown!r} (not a unit or food word): read as {food.description}; "
                         "check this line")  # fmt: skip
        elif m.method == "fuzzy" and not m.brand:
            from mgb6.foods.match import unread_words

            unread = unread_words(entry.food_text, self.table.index)
            if unread:  # "iced matcha latte": a word no USDA name has, left out of what was counted
                said = ", ".join(repr(w) for w in unread)
                notes.append(
                    f"{said} in no USDA name: read as {food.description} without it; check this line"
                )
        grams = g.grams
        return Item(
            entry.path, entry.line, entry.text, day, entry.meal, food.id, food.description, grams,
            None if food.magnesium is None else food.magnesium * grams / 100,
            None if food.vitamin_b6 is None else food.vitamin_b6 * grams / 100,
            None if food.kcal is None else food.kcal * grams / 100,
            m.confidence, notes=notes, category=food.category, source=food.source, amount_assumed=g.assumed,
        )  # fmt: skip

    def _as_the_survey_weighs(self, entry: Entry, food_index: int, food: Food, g: Grams) -> Grams:
        """ "a banana", "an orange", "a slice of cheddar": one, of no stated size, weighs what USDA's dietary
        survey (FNDDS) takes one to weigh for the same food ("1 banana", 126 g), not SR28's medium size (118
        g); the values stay the matched food's. A stated size ("a medium banana") keeps SR28's row."""
        from mgb6.foods.portions import is_meat, survey_twins
        from mgb6.foods.words import tokens

        q = entry.quantity
        bare = q is None or (q.unit in ("", "each", "slice", "piece") and not q.phrase)
        if not bare or food.source != "sr28" or is_meat(food) or set(tokens(entry.food_text)) & _SIZE_WORDS:
            return g
        got = self._weighed_by(survey_twins(self.table).get(food_index), entry, assume=q is None)
        if got is None or got.grams == g.grams or (q is None) != got.assumed:
            return g
        if g.grams and got.grams > SURVEY_ONE_SPREAD * g.grams:
            return g  # a package, not one: FNDDS's "pouch/regular size" of candy (60 g) is no piece (6 g)
        return got

    def _as_the_survey_assumes(self, entry: Entry, food_index: int, food: Food, g: Grams) -> Grams:
        """No amount given, and SR28's first measure is a cup ("golden syrup": 341 g, "almonds": 143 g):
        FNDDS's "Quantity not specified" for the same food is the amount USDA itself assumes when a survey
        respondent cannot say (corn syrup 40 g), and comes first (README "Household measures")."""
        from mgb6.foods.portions import measure_twins

        if entry.quantity is not None or not g.assumed or food.source != "sr28" or "(1 cup," not in g.note:
            return g
        got = self._weighed_by(measure_twins(self.table).get(food_index), entry, assume=True)
        return got if got is not None and "quantity not specified" in got.note else g

    @staticmethod
    def _size_not_weighed(entry: Entry, g: Grams) -> bool:
        """ "a large chocolate cookie": SR28 weighs one cookie of no size (8 g) and says it has no large one;
        USDA's survey may weigh the large one (63 g) for the same food (see _by_the_survey_measure)."""
        from mgb6.foods.portions import size_unweighed

        q = entry.quantity
        return q is not None and q.unit in SIZE_UNITS and size_unweighed(g, q.unit)

    def _by_the_survey_measure(self, entry: Entry, food_index: int, food: Food, g: Grams) -> Grams:
        """ "a stick of mozzarella", "a bottle of orange juice": a measure SR28 does not list for a food that
        USDA's survey lists for the same food (portions.measure_twins) is weighed by the survey's row, said on
        the line; the values stay the matched food's."""
        from mgb6.foods.portions import measure_twins

        if entry.quantity is None or food.source != "sr28":
            return g
        got = self._weighed_by(measure_twins(self.table).get(food_index), entry, assume=False)
        if got is None or (g.grams is not None and self._size_not_weighed(entry, got)):
            return g  # (the survey's row must weigh the size SR28 lacked, or it adds nothing)
        return got

    def _weighed_by(self, twin: int | None, entry: Entry, *, assume: bool) -> Grams | None:
        """The line's amount weighed by another food's USDA rows (an SR28 food's FNDDS twin), said so."""
        from mgb6.foods.portions import Grams, to_grams

        if twin is None:
            return None
        other, portions, unit = (
            self.table.foods[twin],
            self.table.portions(twin),
            self.table.default_units.get(twin),
        )
        got = to_grams(
            entry.quantity, other, portions, entry.food_text, unit, self.table.amounts, assume=assume
        )
        if got.grams is None:
            return None
        why = f"USDA's survey weight for {other.description}"
        return Grams(got.grams, f"{got.note} ({why})" if got.note else why, assumed=got.assumed)

    def _with_measure(self, entry: Entry, m: Match, food: Food, g: Grams) -> tuple[Food, Grams, str]:
        """An equally good candidate that has the measure the line names, instead of an unresolved line."""
        from mgb6.foods.match import alternatives
        from mgb6.foods.portions import to_grams

        for alt in alternatives(entry.food_text, self.table, m.food_index, alias=m.method == "alias"):
            other = self.table.foods[alt]
            got = to_grams(entry.quantity, other, self.table.portions(alt), entry.food_text,
                           self.table.default_units.get(alt), self.table.amounts, assume=False)  # fmt: skip
            if got.grams is not None:
                unit = entry.quantity.unit if entry.quantity and entry.quantity.unit else "single-item"
                note = f"USDA has no {unit} measure for {food.description}: used {other.description}"
                return other, got, note
        return food, g, ""

    def _with_named_portion(self, entry: Entry, m: Match, food: Food, g: Grams) -> tuple[Food, Grams, str]:
        """ "a medium fast food order of fries": when the chosen food has no USDA portion of the name the line
        used and an equally good candidate has it (FNDDS's "1 medium fast food order"), that candidate."""
        from mgb6.foods.match import alternatives
        from mgb6.foods.portions import row_named, to_grams

        q = entry.quantity
        assert q is not None
        if row_named(self.table.portions(m.food_index), q.phrase, food) is not None:
            return food, g, ""
        for alt in alternatives(entry.food_text, self.table, m.food_index, alias=m.method == "alias"):
            portions = self.table.portions(alt)
            other = self.table.foods[alt]
            if row_named(portions, q.phrase, other) is not None:
                got = to_grams(q, other, portions, entry.food_text, self.table.default_units.get(alt),
                               self.table.amounts)  # fmt: skip
                note = f"USDA names no '{q.phrase}' for {food.description}: used {other.description}"
                return other, got, note
        return food, g, ""

    def _size_in_name(self, entry: Entry) -> Entry:
        """ "1 Big Mac" is one Big Mac, not one large "Mac": a size word the parser took as the unit is
        given back to the food when the two together are a food's own name (an alias, a USDA name, or a
        confident match whose name has the word)."""
        from mgb6.foods.words import tokens

        q = entry.quantity
        if q is None or q.unit not in SIZE_UNITS or not entry.food_text:
            return entry
        head = q.text[: len(q.text) - len(entry.food_text)] if q.text.endswith(entry.food_text) else ""
        word = head.split()[-1] if head.split() else ""
        if not word.isalpha():
            return entry
        whole = f"{word} {entry.food_text}"
        m, _ = self.lookup(whole)
        if m is None:
            return entry
        named = set(tokens(self.table.foods[m.food_index].description))
        if m.method == "fuzzy" and not set(tokens(word)) <= named:
            return entry
        return entry._replace(food_text=whole, quantity=q._replace(unit=""))

    def _from_the_container(self, entry: Entry) -> Entry:
        """ "a bottle of water", "a 16.9 fl oz bottle of unsweetened water" is USDA's bottled water, "a can of
        black beans" its canned beans: what a line says came in a bottle or a can is the bottled or canned
        kind where USDA lists one that matches as well (its name then says so, and it is no condensed soup
        to be diluted); else the food as written."""
        q = entry.quantity
        if q is None or not entry.food_text:
            return entry
        for container, form in ((_BOTTLE, "bottled"), (_CAN, "canned")):
            if (
                not container.search(entry.text)
                or container.search(entry.food_text)
                or form in entry.food_text
            ):
                continue
            said = f"{form} {entry.food_text}"
            m, _ = self.lookup(said)
            name = self.table.foods[m.food_index].description.lower() if m is not None else ""
            if m is None or form not in name or "condensed" in name:
                continue
            plain, _ = self.lookup(entry.food_text)
            if plain is not None and m.confidence < plain.confidence - 10:
                continue
            return entry._replace(food_text=said)
        return entry

    def _raw_note(self, entry: Entry, food_index: int, raw_grams: float) -> str:
        """A vegetable people eat cooked, counted raw because the line did not say: the note says so and
        what the same amount cooked would weigh ("1½ cups spinach": 45 g raw, 270 g cooked)."""
        from mgb6.foods.match import cooked_counterpart

        cooked = cooked_counterpart(entry.food_text, food_index, self.table)
        if cooked is None:
            return ""
        note = "counted as raw (the line did not say cooked)"
        q = entry.quantity
        other = self._same_amount_of(q, cooked, entry.food_text) if q is not None and q.unit else None
        if other is not None and round(other[0]) != round(raw_grams):
            note += f"; cooked, the same amount would be {other[1]}"
        return note

    def _measured_raw(self, entry: Entry, food_index: int) -> str:
        """ "2 cups spinach, sauteed": the way a recipe writes a vegetable measured raw and then cooked. The
        line is counted as it reads (2 cups of cooked spinach, 370 g); the note says what the cups weigh
        raw (60 g), which is the other reading, a sixth of the weight for a leafy green."""
        from mgb6.foods.match import EATEN_COOKED_VEGETABLES
        from mgb6.foods.words import COOKED_WORDS, RAW_WORDS, tokens

        q = entry.quantity
        head, comma, after = entry.food_text.partition(",")
        if not comma or q is None or q.unit not in VOLUME_UNITS:
            return ""
        said = set(tokens(head))
        if said & (COOKED_WORDS | RAW_WORDS) or not set(tokens(after)) & COOKED_WORDS:
            return ""
        index = self.table.index
        desc = index.choices[food_index].split()
        vegetable = set(desc[: max(1, index.core[food_index])]) & EATEN_COOKED_VEGETABLES
        if not set(desc) & COOKED_WORDS or not vegetable:
            return ""
        raw, _ = self.lookup(f"{head} raw")
        if raw is None or "raw" not in index.choices[raw.food_index].split():
            return ""
        other = self._same_amount_of(q, raw.food_index, head)
        if other is None:
            return ""
        return f"counted as measured cooked; measured raw before cooking, the same amount would be {other[1]}"

    def _same_amount_of(self, q: Quantity, food_index: int, text: str) -> tuple[float, str] | None:
        """The line's amount of another food, weighed by that food's USDA rows, and said ("270 g, 235 mg Mg
        (Spinach, cooked, ...)"): the other reading a cooked-or-raw note gives."""
        from mgb6.foods.portions import to_grams

        other = self.table.foods[food_index]
        portions, preferred = self.table.portions(food_index), self.table.default_units.get(food_index)
        got = to_grams(q, other, portions, text, preferred)
        if got.grams is None:
            return None
        mg = "" if other.magnesium is None else f", {other.magnesium * got.grams / 100:.0f} mg Mg"
        return got.grams, f"{got.grams:.0f} g{mg} ({other.description})"

    def _unknown_word(self, entry: Entry, food_index: int | None = None) -> str | None:
        """ "3 zorks spinach" read as 3 spinach: the first word, in no unit list nor any food name, was
        probably meant as a unit, so the line is counted but flagged; a word that is one of the food's own
        USDA portion units ("1/2 sheet nori") is not unknown."""
        from mgb6.foods.match import known_word
        from mgb6.foods.words import tokens

        if entry.quantity is None or entry.quantity.unit:
            return None
        words = entry.food_text.split()
        if len(words) < 2:
            return None
        toks = tokens(words[0])
        if not toks or any(known_word(t, self.table.index) for t in toks):
            return None  # (a word of the table, or one words.csv spells in USDA's words: "digestive")
        if food_index is not None and set(toks) & self._portion_units(food_index):
            return None
        return words[0]

    def _drained_sibling(self, food: Food) -> int | None:
        """USDA's same food canned and drained ("Chickpeas ..., canned, drained solids" beside "..., canned,
        solids and liquids"): the same first two parts of its name, with a drained can row."""
        lead = ",".join(food.description.split(",")[:2])
        for i, other in enumerate(self.table.foods):
            if (
                other.description.startswith(lead)
                and "canned" in other.description
                and _drained_rows(self.table.portions(i), other)
            ):
                return i
        return None

    def _portion_units(self, food_index: int) -> set[str]:
        from mgb6.foods.words import tokens

        return {u for p in self.table.portions(food_index) for u in tokens(p.unit)}

    def _unknown_unit(self, entry: Entry) -> tuple[Match | None, str]:
        """ "1 honeycrisp apple", "3 zorks spinach": the whole text named no food, but its first word is
        unknown to the table and the rest names one. The whole text was tried first; now the rest is the
        food and the word is a variety or brand ("honeycrisp", "starbucks": counted with a note) or a
        unit mgb6 does not know (blamed when the food has no weight for the count: see _resolve_food).
        A first word the table knows ("flat white", "kind bar"), or knows but for one slip ("avacado toast"),
        is part of what was eaten: never dropped."""
        from mgb6.foods.words import tokens

        text = entry.food_text.strip()
        if " " not in text:
            return None, ""
        first, rest = text.split(" ", 1)
        toks = tokens(first)
        if any(t in self.table.index.idf for t in toks):
            return None, ""
        from mgb6.foods.match import misspelt

        if any(misspelt(t, self.table.index) for t in toks):
            return None, ""  # "avacado toast": a food misspelt, never a variety of the toast
        m, _ = self.lookup(rest)
        if m is None or m.method == "fuzzy":
            return None, ""  # the rest must name a food by itself: "zed bar" is not any "bar"
        return m, first

    def _supplement(self, entry: Entry, day: date | None) -> Item | Problem:
        if entry.supplement_problem or not entry.supplement:
            reason = entry.supplement_problem or "supplement without a dose"
            return Problem(entry.path, entry.line, entry.text, "supplement", reason)
        from mgb6.log.supplements import count_doses

        counted = count_doses(entry.supplement, self.compound_weights)
        return Item(
            entry.path, entry.line, entry.text, day, entry.meal, None, "supplement", None,
            counted.magnesium_mg or 0.0, counted.vitamin_b6_mg or 0.0, 0.0, 100.0,
            is_supplement=True, notes=list(counted.notes), category="Supplements", source="label",
            reading=counted.reading, doses=entry.supplement,
        )  # fmt: skip


_ITEM_FIELDS = tuple(f.name for f in fields(Item))
_ITEM_TAIL = attrgetter(*_ITEM_FIELDS[5:])  # everything but the line's own place, in __init__ order
assert _ITEM_FIELDS[:5] == ("path", "line", "text", "date", "meal"), "update _restamp with Item"


def _said_net_size(q: Quantity | None) -> bool:
    """Whether the amount is a weight or volume (a can's stated size, "1 (15 oz) can"), not a count."""
    from mgb6.log.units import MASS_G, VOLUME_ML

    return q is not None and (q.unit in MASS_G or q.unit in VOLUME_ML) and not q.is_range


def _drained_rows(portions: Sequence[Portion], food: Food | None = None) -> list[Portion]:
    """USDA's rows for a can drained: said so, or any can of a food USDA names drained ("drained solids")."""
    drained = food is not None and _DRAINED.search(food.description) is not None
    return [p for p in portions if p.unit in ("can", "cans") and (drained or "drain" in p.modifier.lower())]


def _drained_cans(q: Quantity, cans: str, portions: Sequence[Portion], food: Food) -> Grams:
    """So many cans drained, by USDA's own drained-can row, scaled to the stated size where USDA says its
    can's ("can (12.5 oz), drained"); none for a food USDA gives no drained can of."""
    from mgb6.foods.portions import Grams
    from mgb6.log.units import MASS_G, VOLUME_ML

    n = q.amount if q.unit == "can" else _COUNT_WORDS.get(cans.lower()) or float(cans)
    if n <= 0:
        return Grams(0.0, note="no can said")  # ("0 (15 oz) cans", whose size would be divided by none)
    each = "" if q.unit == "can" else f"{q.amount / n:g} {q.unit} "
    rows = _drained_rows(portions, food)
    if not rows:
        said = f"a can's stated size ({each.strip()})" if each else "a can"
        return Grams(None, reason=(
            f"{said} holds its liquid too, and the line says drained; USDA gives no drained weight for this "
            "can: write the drained weight or a cup measure"
        ))  # fmt: skip
    # (the row USDA says the can size of first: "can (12.5 oz), drained")
    row = max(rows, key=lambda p: _USDA_CAN_SIZE.search(p.modifier) is not None)
    stated = _USDA_CAN_SIZE.search(row.modifier)
    if stated is None or not each:
        note = f"drained: USDA's drained can ({row.description}, {row.grams:g} g) for each {each}can"
        return Grams(n * row.grams, note=note)
    size = q.amount / n * MASS_G.get(q.unit, VOLUME_ML.get(q.unit, 0.0))  # per can, g (ml as g)
    usda_size = float(stated.group(1)) * MASS_G["oz"]
    note = f"drained: USDA's {row.description} ({row.grams:g} g), scaled to the {each}can"
    return Grams(n * row.grams * size / usda_size, note=note)


def _restamp(done: Item | Problem, entry: Entry, day: date | None) -> Item | Problem:
    """A memoised resolution as the result of this line: same food and numbers, this line's place."""
    if isinstance(done, Problem):
        return done._replace(path=entry.path, line=entry.line, text=entry.text)
    return Item(entry.path, entry.line, entry.text, day, entry.meal, *_ITEM_TAIL(done))


def _drain(entries: list[Entry]) -> Iterator[Entry]:
    """Yield the entries in order, letting go of each one (O(1) per entry: pops from the end)."""
    entries.reverse()
    while entries:
        yield entries.pop()


def _day_label(d: date | None, path: str, n_undated: int, after_invalid: int = 0, n_logs: int = 1) -> str:
    if d is not None:
        return d.isoformat()
    if after_invalid:  # the lines under a mistyped header: say so, never pass them off as a plain day
        return f"after invalid date (line {after_invalid})" if n_logs <= 1 else (
            f"after invalid date ({path}:{after_invalid})")  # fmt: skip
    return "undated" if n_undated <= 1 else f"undated ({path})"


def check(
    logs: list[ParsedLog],
    table: FoodTable,
    profile: Profile,
    compound_weights: bool = False,
    top_n: int = 5,
    *,
    consume: bool = False,
    known: Mapping[tuple[str, Quantity | None], Resolution] | None = None,
    used: dict[tuple[str, Quantity | None], Resolution] | None = None,
    today: date | None = None,
    include_today: bool = False,
    progress: Progress | None = None,
    strict_amounts: bool = False,
) -> CheckResult:
    """Score one person's logs: days with the same date merge; each undated log is a day of its own.

    ``consume=True`` empties the logs' entry lists as they are scored, so a caller that owns the parsed
    logs (api.run_check) never holds a huge log's entries and its items at once. ``known`` and ``used``
    are the Scorer's: resolutions from an earlier run, and a dict to collect this run's in.

    ``today`` names the day still being eaten: it is marked ``so_far`` and left out of the mean (half a
    day would drag the mean down) unless ``include_today``, or unless it is the only day with counted lines.
    ``progress`` hears ("Counting", entries done, entries) every 32768 entries of a long log.
    ``strict_amounts`` lists a line resting on an assumed amount as not counted (the memoised resolution is
    unchanged: the refusal is made here, per run).
    """
    targets = targets_for(profile, table.dri)
    scorer = Scorer(table, compound_weights, known or {}, used)
    days: dict[object, Day] = {}
    problems: list[Problem] = []
    food_lines = 0
    n_undated = sum(
        1 for log in logs for b in log.days if b.date is None and b.entries and not b.after_invalid
    )
    total = sum(len(b.entries) for log in logs for b in log.days) if progress is not None else 0
    done = 0
    for log in logs:
        problems.extend(log.problems)
        food_lines += log.food_lines
        for block in log.days:
            key: object = block.date if block.date is not None else (log.path, id(block))
            if block.date is None and not block.entries:
                continue
            day = days.get(key)
            if day is None:
                label = (
                    block.label
                    if block.date is None and block.label
                    else _day_label(block.date, log.path, n_undated, block.after_invalid, len(logs))
                )
                where = log.path if block.date is None else ""
                day = days[key] = Day(block.date, label, path=where, after_invalid=block.after_invalid)
            for entry in _drain(block.entries) if consume else block.entries:
                done += 1
                if total > 1 << 15 and not done & 0x7FFF:
                    progress("Counting", done, total)  # type: ignore[misc]
                for out in scorer.resolve_all(entry, block.date) if entry.parts else (
                        scorer.resolve(entry, block.date),):  # fmt: skip
                    if strict_amounts and isinstance(out, Item) and out.amount_assumed:
                        out = refuse_assumed(out)
                    if isinstance(out, Problem):
                        problems.append(out if out.date == block.date else out._replace(date=block.date))
                    else:
                        day.items.append(out)
    ordered = sorted(days.values(), key=lambda d: (d.date is None, d.date or date.min))
    for day in ordered:
        for n in NUTRIENTS:
            values = [getattr(i, f"{n}_mg") for i in day.items]
            day.totals[n] = sum(v for v in values if v is not None)
            day.unknown[n] = sum(1 for v in values if v is None)
        day.kcal = sum(i.kcal or 0.0 for i in day.items)
    problems.sort(key=lambda p: (p.path, p.line))
    counted = [d for d in ordered if d.items]
    for day in counted:
        day.so_far = today is not None and day.date == today
    if not include_today and any(not d.so_far for d in counted):
        counted = [d for d in counted if not d.so_far]
    mean: dict[str, float | None] = {}
    for n in NUTRIENTS:
        mean[n] = sum(d.totals[n] for d in counted) / len(counted) if counted else None
    stat = {n: status(mean[n], targets[n]) for n in NUTRIENTS}
    gap = {n: max(0.0, targets[n].goal - (mean[n] or 0.0)) for n in NUTRIENTS}
    return CheckResult(
        profile, targets, ordered, problems, food_lines, mean, stat, gap,
        top_contributors(ordered, top_n), compound_weights, mean_days=len(counted),
    )  # fmt: skip


def refuse_assumed(item: Item) -> Problem:
    """An item counted on an assumed amount, as the line not counted that --strict-amounts makes of it."""
    said = "; ".join(n for n in item.notes if "amount assumed" in n)
    reason = (f"the amount is not stated ({said}); --strict-amounts counts only stated amounts: "
              "write e.g. '1 cup' or '150 g'")  # fmt: skip
    return Problem(item.path, item.line, item.text, "unresolved", reason, (item.food,), item.date)


def supplement_name(text: str) -> str:
    """A supplement line as its name, without the comment after it ("... 200 mg # evening")."""
    from mgb6.log.parse import clean_line

    return clean_line(text) or text


def top_contributors(days: list[Day], n: int) -> dict[str, list[Contributor]]:
    """The foods (and supplements) that supplied most of each nutrient over the whole log."""
    out: dict[str, list[Contributor]] = {}
    for nutrient in NUTRIENTS:
        sums: dict[str, tuple[str, float]] = {}
        for day in days:
            for item in day.items:
                v = getattr(item, f"{nutrient}_mg")
                if not v:
                    continue
                name = item.food if item.food_id else supplement_name(item.text)
                key = item.food_id or f"supplement:{name}"
                prev = sums.get(key, (name, 0.0))
                sums[key] = (name, prev[1] + v)
        total = sum(v for _, v in sums.values()) or 1.0
        ranked = sorted(sums.items(), key=lambda kv: -kv[1][1])[:n]
        out[nutrient] = [Contributor(k, name, v, v / total) for k, (name, v) in ranked]
    return out
