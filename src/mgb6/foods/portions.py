"""Turn an amount as written ("1 medium", "2 tbsp", "150 g") into grams through the food's USDA portions."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mgb6.foods.words import GROUP_WORDS, SKIN_OFF_WORDS, SKINLESS_NAMED, tokens
from mgb6.lazyre import lazy
from mgb6.log.units import (
    CUP_SIZES,
    MASS_G,
    PACKAGE_UNITS,
    SIZE_UNITS,
    SMALL_UNITS,
    VAGUE_UNITS,
    VESSEL_UNITS,
    VOLUME_ML,
    canonical_unit,
)  # fmt: skip
from mgb6.models import Food, Portion, Quantity

if TYPE_CHECKING:
    from mgb6.foods.table import FoodTable

# What "one" of a food most often means in USDA's portions, in order of preference.
COUNT_PREFERENCE = (
    "medium", "regular", "each", "whole", "full", "piece", "link", "fruit", "nut", "item", "unit",
    "large", "small", "serving", "default",
)  # fmt: skip
# Whole words: "cola" is not "Chocolate candy", "water" not "Watermelon", "nectar" not "Nectarines",
# "beer" not "Beerwurst", "coffee" not "Coffeecake"; "milk" may end a word ("Soymilk", "Buttermilk").
_BEVERAGE = lazy(
    r"beverage|milk\b|juice|\bcoffee\b|\btea\b|\bwater\b|\bsoda\b|soft drink|\bbeers?\b|\bwine\b|liquor|"
    r"\bdrinks?\b|smoothie|\bnectars?\b|lemonade|kombucha|kefir|\bcolas?\b",
    re.I,
)
# Words USDA uses for the same thing: a pizza "slice" is FNDDS's "piece", a chocolate "square" a "piece".
UNIT_EQUIVALENTS = {"slice": ("piece",), "piece": ("slice",), "square": ("piece",), "bar": ("piece",),
                    "fillet": ("piece",), "stalk": ("stick", "spear"), "patty": ("piece",),
                    "package": ("packet", "pouch", "envelope"), "strip": ("slice",)}  # fmt: skip
# Rows nobody means by "1 bagel" unless they say so ("1 Bagel Thin", "1 mini bagel").
UNUSUAL_SIZES = frozenset("thin mini miniature bite snack slider junior baby kid toddler half".split())
# Bare counts: "3 apricots", "3 each", "3 pieces".
COUNT_WORDS = ("", "each", "piece")
# FNDDS says "regular" where SR28 says "medium".
SIZE_EQUIVALENTS = {"medium": ("regular",)}
# Above this many grams on one line the report flags the line as implausible (it is still counted).
PLAUSIBLE_GRAMS = 1500.0
PLAUSIBLE_BEVERAGE_GRAMS = 4000.0
# An amount mgb6 assumes (none given, "a bowl") above this is refused rather than counted: USDA's only
# portion is then a whole dish or roast ("roast beef": 1 roast, 1,138 g), which no one means by it.
ASSUMABLE_GRAMS = 1000.0
ASSUMABLE_BEVERAGE_GRAMS = 2000.0
# "a whole wheat pizza" is a slice of one: USDA's whole pizza or pie by size (691 g, 1200 g) is what "one"
# means only when the line says whole; a whole item this heavy is a dish served by the piece
WHOLE_DISH_GRAMS = 400.0
# A dollop, a drizzle, a touch: a spoonful or two that no source sizes. USDA's usual portion stands in
# only when it is itself that small: no more than the largest FDA reference amount for a topping,
# condiment or dip, 2 tbsp (30 g: sour cream, dips, dressings; 21 CFR 101.12(b) Table 2). "A dollop of
# sour cream" is USDA's 30 g; "a dollop of mashed potatoes" (USDA's usual cup) is asked.
SPOONFUL_GRAMS = 30.0


@dataclass(frozen=True, slots=True)
class Grams:
    """Grams for a line, or the reason there are none; ``note`` says how the weight was found, and
    ``assumed`` whether it rests on an amount the line did not state (no amount, "a bowl", "a few")."""

    grams: float | None
    note: str = ""
    reason: str = ""
    assumed: bool = False


def is_beverage(food: Food) -> bool:
    """Drinks, whose ml may be taken as grams; "Fruits and Fruit Juices" holds dates and apples too."""
    category = "" if "Fruits and Fruit Juices" in food.category else food.category
    return bool(_BEVERAGE.search(category) or _BEVERAGE.search(food.description.split(",")[0]))


# A drink sold or kept dry ("Milk, dry", "Coffee, instant, powder", "... frozen concentrate, undiluted")
# is weighed, not poured; "prepared", "brewed" or "reconstituted" make it a drink again.
_DRY = lazy(r"\b(?:dry|dried|powder|powdered|mix|granules|crystals|concentrated?)\b", re.I)
_POURED = lazy(r"\b(?:prepared|brewed|reconstituted|diluted)\b", re.I)
_KEPT_DRY = lazy(r"\b(?:not reconstituted|undiluted)\b", re.I)
OZ_AS_FL_OZ_NOTE = "oz read as fl oz for a drink"


def oz_means_fl_oz(food: Food) -> bool:
    """People write "8 oz milk", "12 oz coffee" for fluid ounces: for a drink in liquid form, "oz" is
    read as "fl oz"; a dry form (milk powder, instant coffee granules) keeps "oz" as a weight."""
    if not is_beverage(food):
        return False
    text = food.description
    return not _KEPT_DRY.search(text) and (not _DRY.search(text) or bool(_POURED.search(text)))


def _fmt(x: float) -> str:
    return f"{x:.3g}" if x < 10 else f"{x:.0f}"


_LEADING_AMOUNT = lazy(r"^\s*\d+(?:[./]\d+)?\s+")


def label(p: Portion) -> str:
    """How a portion reads in a note: "1 medium (7" to 7-7/8" long) (118 g)", never "1 1 egg"."""
    if p.unit == "default":
        return f"USDA's standard portion ({_fmt(p.grams)} g)"
    what = _LEADING_AMOUNT.sub("", p.description).strip() or p.unit
    return f"1 {what} ({_fmt(p.grams)} g)"


ASSUMED = "amount assumed"


def usual(p: Portion) -> str:
    """How an assumed portion reads in a note: "USDA's usual portion (1 cup, 244 g)"."""
    what = "quantity not specified" if p.unit == "default" else (
        f"1 {_LEADING_AMOUNT.sub('', p.description).strip() or p.unit}")  # fmt: skip
    return f"USDA's usual portion ({what}, {_fmt(p.grams)} g)"


# Everyday words for a USDA portion's own name: a "roma" tomato is USDA's "plum tomato" (= "Italian tomato").
PORTION_WORDS = {"roma": ("plum", "italian")}


def _with_portion_words(words: set[str]) -> set[str]:
    return words.union(*(PORTION_WORDS[w] for w in words & PORTION_WORDS.keys()))


def _head_words(food_text: str) -> set[str]:
    """Words naming the food itself ("cherry tomatoes" in "cherry tomatoes, raw (includes grape)")."""
    return _with_portion_words(set(tokens(re.split(r"[,(]", food_text, maxsplit=1)[0])))


_SIZE_ROWS = frozenset(SIZE_UNITS | {"regular"})


def _serves(p: Portion, unit: str) -> bool:
    """USDA's "can or bottle (12 fl oz)" is filed under "can" but measures a bottle just as well, and
    FNDDS's "medium or regular slice" (filed under "medium") is its ordinary slice."""
    if p.unit == unit or (unit and "/" in p.unit and unit in p.unit.split("/")):
        return True  # FNDDS's "small/regular", "piece/slice": either word names the row
    if unit in ("", "default") or unit in _SIZE_ROWS:
        return False
    mod = p.modifier.lower()
    if mod.startswith(f"or {unit}"):
        return True
    # never for volumes: FNDDS's "medium ice cream cup" (240 g) is not a cup
    return unit not in VOLUME_ML and p.unit in _SIZE_ROWS and tokens(mod)[-1:] == (unit,)


def _unit_word(p: Portion) -> str:
    """A portion's unit as the matcher spells words: SR28's "grapes" row answers "10 grapes" (-> "grape")."""
    return " ".join(tokens(p.unit))


_MANY_SERVINGS = lazy(r"\d+\s+servings", re.I)


def _row_words(p: Portion, text: str) -> set[str]:
    """The words of a USDA row (``text``: its modifier, or unit and modifier) that may name it; a row of
    several servings is never named by "serving" ("a small serving of coffee" is no "small pot (20 FO, 4
    servings)")."""
    words = set(tokens(text))
    if _MANY_SERVINGS.search(p.modifier):
        words.discard("serving")
    return words


def _skinless_row(portions: list[Portion], said: set[str]) -> Portion | None:
    """ "a chicken thigh, skin removed": USDA's "1 thigh without skin", never the "with skin" row that shares
    the word "skin" (None when the line does not say the skin was off, or USDA weighs no skinless one)."""
    if "skinless" in said or ("skin" in said and said & SKIN_OFF_WORDS):
        return next((p for p in portions if SKINLESS_NAMED.search(f"{p.unit} {p.modifier}")), None)
    return None


_NO_SIZE = "USDA has no '{}' size"  # said when a size the line gave was not weighed (see size_unweighed)


def size_unweighed(g: Grams, size: str) -> bool:
    """Whether the weight stands for one of no size because USDA weighs no ``size`` one of this food ("a
    large chocolate cookie": SR28's one cookie, 8 g), so that another USDA row may weigh that size."""
    return _NO_SIZE.format(size) in g.note


def _pick(portions: list[Portion], unit: str, words: set[str]) -> Portion | None:
    same = [p for p in portions if _serves(p, unit)]
    if not same:
        return None
    words = words - {unit}  # "2 slices bread": the unit word picks no row by itself
    skinless = _skinless_row(same, words)
    if skinless is not None:
        return skinless
    for p in same:
        if words & _row_words(p, p.modifier):
            return p
    if "shelled" in words or "unshelled" in words:
        # FNDDS says "without shell" / "in shell, yields" where people write "shelled" / "unshelled"
        want = "in shell" if "unshelled" in words else "without shell"
        for p in same:
            if want in p.modifier.lower():
                return p
    if unit not in VOLUME_ML:
        for p in same:
            if "nfs" in tokens(p.modifier):
                return p  # FNDDS's own "1 piece, NFS": the size was not said (its "cup, NFS" of nuts
                # is their in-shell yield, so volumes keep the rules below)
    for size in ("medium", "regular"):
        for p in same:
            if p.unit == unit and size in tokens(p.modifier):
                return p  # "1 potato" is USDA's "potato, medium", not the first row (large)
    plain = [p for p in same if (p.unit == unit or p.unit not in _SIZE_ROWS)
             and (not p.modifier or p.modifier.startswith(("(", "or ")))]  # fmt: skip
    if len(plain) > 1 and unit != "default":
        # several sizes of one measure ("bottle (12 fl oz)", "bottle (40 fl oz)"): the one FNDDS itself
        # takes when the size is not said is what "1 bottle" means
        usual = [p.grams for p in portions if p.unit == "default"]
        for p in plain:
            if usual and abs(p.grams - usual[0]) < 0.5:
                return p
    if plain:
        return plain[0]
    for size in ("medium", "regular"):
        for p in same:
            if p.unit == size:
                return p  # FNDDS's "medium or regular slice" beats "slice, crust not eaten"
    # a cup of cream the line did not say was whipped is its fluid cup (238 g), never the whipped one (120 g)
    unwhipped = [p for p in same if "whipped" not in tokens(p.modifier) or p.modifier.startswith("fluid")]
    return unwhipped[0] if unwhipped and "whipped" not in words else same[0]


def _sized(portions: list[Portion], size: str, words: set[str], only_named: bool = False) -> Portion | None:
    """A size named in the modifier: "1 medium corn on the cob" is USDA's "ear, medium (6-3/4" ...)"."""
    sized = [p for p in portions if tokens(p.modifier)[:1] == (size,) or p.modifier.startswith(size)]
    named = [p for p in sized if p.unit in words]
    return (named or ([] if only_named else sized) or [None])[0]


_COUNTED = lazy(r"\(\s*(?:about\s+)?(\d+)\s+(?:whole\s+)?([a-z]+)\s*\)")
# nouns USDA counts inside a measure ("oz (23 whole kernels)", "cup, in shell (7 nuts)")
_ITEM_NOUNS = frozenset("nut kernel halve half piece seed berry grape olive cherry date fig".split())


def counted_portion(portions: list[Portion], named: set[str]) -> Portion | None:
    """One item from a measure whose USDA text counts its items: "oz (14 halves)" -> 28.35 g / 14.

    The count is USDA's own, so "20 walnut halves" needs no invented weight. A row counting halves
    serves only a line that says "half"/"halves"; otherwise whole items ("nuts", "kernels") are preferred.
    """
    wants_half = bool(named & {"half", "halve", "halves"})
    found: list[tuple[int, Portion]] = []
    for p in portions:
        m = _COUNTED.search(p.modifier.lower())
        if not m or int(m.group(1)) < 2:
            continue
        noun = tokens(m.group(2))[:1]
        noun_s = noun[0] if noun else ""
        is_half = noun_s in ("halve", "half")
        if noun_s not in _ITEM_NOUNS and noun_s not in named:
            continue
        if is_half != wants_half:
            continue
        n = int(m.group(1))
        found.append(
            (
                0 if noun_s in named else 1,
                p._replace(
                    unit="each", grams=p.grams / n, description=f"1 of the {n} in USDA's {p.description}"
                ),
            )
        )
    return min(found, key=lambda x: x[0])[1] if found else None


_CUT_SHAPES = frozenset(("ball", "cube", "chunk"))


def count_portion(
    portions: list[Portion],
    food_words: set[str],
    preferred: str | None,
    head: set[str] | None = None,
    named: set[str] | None = None,
    counted_first: bool = False,
    described: set[str] | None = None,
) -> Portion | None:
    """The portion meaning "one <food>": one named by the food's own words ("5 cherry tomatoes" ->
    "cherry"), the alias's unit, one named anywhere in the text, then the usual sizes.

    ``food_words`` pick among same-unit rows by modifier; ``named`` (all the line's words, default
    ``food_words``) find a unit named in the text ("avocado" -> USDA's "1 avocado")."""
    named = food_words if named is None else named
    usual = [p for p in portions if not (set(tokens(p.modifier)) & UNUSUAL_SIZES) - named]
    # (a shape cut from the food is none of it whole: SR28's "cantaloupe balls" row, unit "cantaloupe", was
    # "half a cantaloupe", 7 g; unless the line says it: "10 melon balls")
    usual = [p for p in usual if not (set(tokens(p.modifier)) & _CUT_SHAPES) - named]
    if preferred and preferred not in SIZE_UNITS and preferred not in MASS_G and preferred not in VOLUME_ML:
        # a reviewed count noun ("string cheese" -> "stick", "tuna" -> "can") says what one item is;
        # it outranks a unit that only happens to be a word of the name ("string", a 4.7 g strand)
        p = _pick(portions, preferred, food_words)
        if p:
            return p
    said = named | (head or set())
    skinless = _skinless_row(usual, said)
    if skinless is not None:
        return skinless
    for p in usual:
        # a row all of whose words the line said is the one it named: "an individual coconut cream pie" is
        # USDA's "1 individual pie" (150 g), not its "1 pie, any size" (1600 g)
        row = {*tokens(p.unit), *tokens(p.modifier)}
        if len(row) >= 2 and row <= said:
            return p
    # a shape the line names beside the food ("a pretzel rod", "a sausage link") before the unit that is only
    # the food's own name ("1 pretzel stick", 1 g, for "a hard pretzel rod")
    for p in sorted(usual, key=lambda p: _unit_word(p) not in food_words):
        if head and _names_whole(_unit_word(p), head):  # (SR28's "1 melon" of a watermelon)
            return _pick(usual, p.unit, food_words)
    if preferred:
        p = _pick(portions, preferred, food_words)
        if p:
            return p
    for p in usual:
        if _unit_word(p) in named:
            return _pick(usual, p.unit, food_words)
    for p in usual:
        if described and _unit_word(p) in described and not _names_another(p, head, described):
            return _pick(usual, p.unit, food_words)  # "Doughnut, NFS": "1 doughnut"; "Puffs, ...": "1 puff"
    if counted_first:
        p = counted_portion(portions, named)
        if p:
            return p
    for unit in COUNT_PREFERENCE:
        p = _pick(portions, unit, food_words)
        if p:
            return p
    half = next((p for p in portions if p.unit in ("half", "halve") and not p.modifier), None)
    if half is not None and not named & {"half", "halve", "halves"}:
        # SR28 weighs dried apricots by the half (3.5 g): one apricot is two of them
        what = f"item, 2 of USDA's halves ({_fmt(half.grams)} g each)"
        return half._replace(unit="each", grams=2 * half.grams, description=what)
    return None


_PARTS = frozenset(("slice", "piece", "wedge", "serving"))
# "whole" said of the item, not of its grain or milk ("a whole wheat pizza")
_WHOLE_ONE = lazy(r"\bwhole\b(?![\s-]+(?:wheat|grain|meal|milk|foods?|bean|egg|kernel)s?\b)", re.I)
_NOT_THE_WHOLE = UNUSUAL_SIZES | {"individual", "personal", "slice", "piece"}


def _part_row(p: Portion) -> bool:
    """A row weighing a part of the food (a slice, a piece), not one whole item of it."""
    return bool({*tokens(p.unit), *tokens(p.modifier)} & _PARTS)


def _whole_items(portions: list[Portion], head: set[str]) -> list[Portion]:
    """The rows weighing the whole food by its own name ("1 medium pizza (11-12" diameter)", "1 regular pie
    (8-9" dia)")."""
    return [
        p
        for p in portions
        if tokens(p.modifier)[:1] and _names_whole(tokens(p.modifier)[0], head)
        and not {*tokens(p.unit), *tokens(p.modifier)} & _NOT_THE_WHOLE
    ]  # fmt: skip


def _names_whole(word: str, head: set[str]) -> bool:
    """Whether a row's word names the food of ``head``: as written, or as the kind its name ends in ("1
    medium melon" of a watermelon)."""
    return word in head or (len(word) >= 4 and any(h.endswith(word) and h != word for h in head))


def _whole_item(portions: list[Portion], head: set[str]) -> Portion | None:
    """The whole food, of the usual size where USDA weighs several."""
    rows = _whole_items(portions, head)
    for size in ("medium", "regular"):
        for p in rows:
            if p.unit == size:
                return p
    return rows[0] if rows else None


def _names_another(p: Portion, head: set[str] | None, described: set[str]) -> bool:
    """Whether the line names the food by another word of its name than the row counts: "a cheese omelet" is
    one omelet, not FNDDS's "1 egg" of "Egg omelet or scrambled egg, with cheese"."""
    return bool(head) and bool((head & described) - {_unit_word(p)})


# Rows that weigh a whole bird or what a pound of raw meat yields ("0.5 chicken, bone removed", 598 g;
# "piece, cooked (yield from 1 lb raw meat)", 306 g): USDA's measures, but no serving anyone means by a
# line without an amount.
_WHOLE_ANIMALS = frozenset({"chicken", "bird", "turkey", "duck", "goose", "hen", "capon", "rabbit", "roast"})


def whole_animal(p: Portion) -> bool:
    return p.unit in _WHOLE_ANIMALS or "yield from 1 lb" in p.description.lower()


def is_meat(food: Food) -> bool:
    """Meat, poultry, fish and shellfish in SR28's food groups (FNDDS lists its own standard portions)."""
    return food.category in _MEAT_GROUPS


_MEAT_GROUPS = frozenset({
    "Beef Products", "Pork Products", "Lamb, Veal, and Game Products", "Poultry Products",
    "Finfish and Shellfish Products", "Sausages and Luncheon Meats",
})  # fmt: skip


def default_portion(
    portions: list[Portion], food_words: set[str], preferred: str | None, named: set[str] | None = None
) -> Portion | None:
    """USDA's standard portion when a line gives no amount: FNDDS's own default, else one item or serving
    (USDA's unit read literally: SR28's "1 breast" is both halves, README "Household measures")."""
    return _default_portion(portions, food_words, preferred, named)


def _default_portion(
    portions: list[Portion],
    food_words: set[str],
    preferred: str | None,
    named: set[str] | None = None,
    first_measure: bool = True,
) -> Portion | None:
    if preferred:
        p = _pick(portions, preferred, food_words)
        if p:
            return p
    p = _pick(portions, "default", food_words)
    if p:
        return p
    p = count_portion(portions, food_words, None, named=named)
    if p and not whole_animal(p):
        return p
    portions = [p for p in portions if not whole_animal(p)]
    if not first_measure:
        return None
    # SR28's first measure is a portion ("cup", "tbsp", "slice") unless it is a bare mass: "1 oz" of
    # salmon is a unit, not a standard portion, so a line without an amount then needs one
    first = portions[0] if portions else None
    if first is not None and first.unit in PACKAGE_UNITS:
        # a package is what the product is sold in, not what one eats of it: SR28 lists frosting's
        # 458 g tub first, and "cinnamon bun topped with frosting" must not count the tub; USDA's
        # first measure that is no package (2 tbsp) is its portion, the package only when none is
        first = next((p for p in portions if p.unit not in PACKAGE_UNITS and p.unit not in MASS_G), first)
    if first is not None and first.unit == "fl oz" and not _COUNTED.search(first.modifier):
        # a fluid ounce is a unit, like an ounce, not a drink: the first measure that is a portion (a cup)
        first = next((p for p in portions if p.unit not in (*MASS_G, "fl oz", *PACKAGE_UNITS)), None)
    return None if first is None or (first.unit in MASS_G and not _COUNTED.search(first.modifier)) else first


def to_grams(
    quantity: Quantity | None,
    food: Food,
    portions: list[Portion],
    food_text: str = "",
    preferred_unit: str | None = None,
    informal: Mapping[str, tuple[float, str, str, str]] | None = None,
    assume: bool = True,
) -> Grams:
    """Grams for ``quantity`` of ``food``, through USDA portions; never a guessed weight.

    An amount the line does not state is assumed only from USDA's own rows (the vessel's row, FNDDS's
    "quantity not specified", the food's usual portion) or ``informal`` (data/amounts.csv), and the note
    says which; the result is then ``assumed``. ``assume=False`` skips the stand-ins for a vessel or
    package with no row of its name, so that the scorer can first look for a candidate food that has one."""
    inches = _INCH_PHRASE.fullmatch(quantity.phrase) if quantity is not None and quantity.phrase else None
    if inches is not None and quantity is not None:
        return _inched(
            quantity, float(inches.group(1)), food, portions, food_text, preferred_unit, informal or {}
        )
    named = row_named(portions, quantity.phrase, food) if quantity is not None and quantity.phrase else None
    if named is not None and quantity is not None:
        note = "range: used the midpoint" if quantity.is_range else ""
        return Grams(quantity.amount * named.grams, note=_join(note, f"used {label(named)}"))
    part = quantity.phrase.split()[-1].lower() if quantity is not None and quantity.phrase else ""
    if quantity is not None and quantity.unit in SIZE_UNITS and part.rstrip("s") in _CUT_PARTS:
        # "a large slice of pizza" is a slice (FNDDS's "1 piece, large pizza", 119 g), never the large
        # pizza (954 g) its size word alone would pick; the size only chooses among the slices, and a food
        # with none is weighed as a piece or not at all ("a large piece of chicken" was a whole chicken)
        sliced = quantity._replace(unit=part.rstrip("s"), phrase="")
        eaten = _PART_OF.sub("", food_text, count=1)
        sized = f"{quantity.unit} {eaten}"
        g = _to_grams(sliced, food, portions, sized, preferred_unit, informal or {}, assume)
        if g.grams is None or quantity.unit in g.note.lower():
            return g
        said = f"USDA weighs no '{quantity.phrase}' of this food: one {sliced.unit} as USDA weighs it"
        return Grams(g.grams, _join(said, g.note), g.reason, g.assumed)
    g = _to_grams(quantity, food, portions, food_text, preferred_unit, informal or {}, assume)
    if quantity is not None and quantity.assumed and g.grams is not None:
        rest = g.note.removeprefix(f"{ASSUMED}: ")  # one "amount assumed:" for both readings
        return Grams(g.grams, _join(f"{ASSUMED}: {quantity.assumed}", rest), assumed=True)
    return g


# grams: a row this heavy weighs the whole food, never one of its parts (a nugget of "3 chicken nugget pieces"
# is one; a whole chicken is no chunk)
_A_PART = 150.0
_COUNTED_PART = lazy(r"\b(chunk|strip|wedge|cube|piece)s?\s*$", re.I)
_ROLL_SAID = lazy(r"\brolls?\s*$", re.I)
_PART_OF = lazy(r"^\s*(?:slices?|pieces?|wedges?)\s+of\s+", re.I)
_CUT_PARTS = frozenset(("slice", "piece", "wedge"))  # what is cut from a food ("a serving" is a whole one)
_INCH_PHRASE = lazy(r"(\d+(?:\.\d+)?) inch")
# inches in a USDA row: 6", 5-1/4", 8-9" (a range), "4 inch dia"
_INCH_VALUE = lazy(r"(\d+(?:\.\d+)?)(?:-(\d+)/(\d+))?(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(?:\"|-?\s*inch\b)")
# rows whose inches measure something else than one item ("1/8 of 9\" pie", 2" x 2" squares, a thickness)
_NOT_ONE_ITEM = lazy(r"\bof\b|\bx\b|thick|cubic|surface|pieces\)", re.I)


def inch_row(portions: list[Portion], inches: float) -> tuple[Portion, float] | None:
    """USDA's row for one item of that many inches, and how many of it: SR28's Subway "inch sub" (per inch),
    FNDDS's "1 regular or 6\" submarine", "1 medium pizza (11-12\" diameter)"; a footlong is two of a 6\"
    row where USDA weighs no 12\" one. None when USDA weighs no such size."""
    for p in portions:
        if p.unit in ("inch", "linear inch"):
            return p, inches
    spans: list[tuple[float, float, Portion]] = []
    for p in portions:
        if p.unit in MASS_G or p.unit in VOLUME_ML or p.unit == "default":
            continue
        text = f"{p.unit} {p.modifier}"
        if _NOT_ONE_ITEM.search(text):
            continue
        values = []
        for m in _INCH_VALUE.finditer(text):
            whole = float(m.group(1)) + (float(m.group(2)) / float(m.group(3)) if m.group(2) else 0.0)
            values.append(whole)
            if m.group(4):
                values.append(float(m.group(4)))
        if values:
            spans.append((min(values), max(values), p))
    covering = [s for s in spans if s[0] - 0.25 <= inches <= s[1] + 0.25]
    if covering:
        return min(covering, key=lambda s: s[1] - s[0])[2], 1.0
    for lo, hi, p in spans:
        if lo == hi and lo > 0 and inches / lo in (2.0, 3.0):
            return p, inches / lo  # a footlong: two of USDA's 6" subs
    return None


def _inched(
    quantity: Quantity,
    inches: float,
    food: Food,
    portions: list[Portion],
    food_text: str,
    preferred_unit: str | None,
    informal: Mapping[str, tuple[float, str, str, str]],
) -> Grams:
    """A count of a size in inches: USDA's row of that size, else the count as usual with the line saying
    that the size was not weighed (never silently one USDA item of another size)."""
    found = inch_row(portions, inches)
    if found is not None:
        p, times = found
        how = f"used {label(p)}" if times == 1 else f"{inches:g}-inch: {times:g} x USDA's {label(p)}"
        return Grams(quantity.amount * times * p.grams, note=how)
    g = _to_grams(quantity._replace(phrase=""), food, portions, food_text, preferred_unit, informal)
    said = f"USDA weighs no {inches:g}-inch size of this food"
    return Grams(g.grams, _join(said, g.note) if g.grams is not None else "", g.reason, g.assumed)


# A line's vessel word and the word USDA files the same vessel under ("an individual carton of juice" is
# FNDDS's "individual school container").
_SAME_VESSEL = {"carton": "container", "tub": "container", "packet": "package", "pack": "package",
                "tin": "can", "helping": "serving", "portion": "serving"}  # fmt: skip


def _named_row(portions: list[Portion], phrase: str) -> Portion | None:
    """The USDA portion the line named in so many words: "small single serving bag" is FNDDS's "1 small
    single serving bag" (28 g), "medium fast food order" its "1 medium fast food order" (145 g).

    The row must name the line's vessel and another of its words, and a size only when the line said
    that size; of several, the one sharing most words (then, no size said, the one FNDDS takes when none is
    given, then its medium or regular). Weights and
    volumes ("a hot cup of") are left to the measure itself."""
    words = set(tokens(phrase))
    if not words:
        return None
    *_, noun = tokens(phrase)
    noun = _SAME_VESSEL.get(noun, noun)
    sizes = {canonical_size(w) for w in words} - {""}
    # (no size said: the row FNDDS itself takes when a respondent gives none, "a single serving bag" of
    # chips its small 28 g bag, not the medium 57 g one)
    usual = next((p.grams for p in portions if p.unit == "default"), None) if not sizes else None
    best: tuple[int, int, int, Portion] | None = None
    for p in portions:
        if p.unit in MASS_G or p.unit in VOLUME_ML or p.unit == "default":
            continue
        row = _row_words(p, f"{p.unit} {p.modifier}")
        if noun not in row:
            continue
        row_sizes = {canonical_size(w) for w in row} - {""}
        if row_sizes and sizes and not row_sizes & sizes:
            continue  # a "medium" bag is not what "small" named
        if sizes and not row_sizes:
            continue  # the size said is not weighed by a row without one
        shared = len(words & row)
        if shared < 2:
            continue  # the vessel alone ("hot cup" and FNDDS's "espresso cup") is the measure's business
        said_usual = 1 if usual is not None and abs(p.grams - usual) < 0.5 else 0
        rank = (shared, said_usual, 1 if row_sizes & {"medium", "regular"} or not row_sizes else 0)
        if best is None or rank > best[:3]:
            best = (*rank, p)
    return best[3] if best else None


def row_named(portions: list[Portion], phrase: str, food: Food) -> Portion | None:
    """The USDA row a portion phrase names for this food: by its words (_named_row), or a drink's size."""
    return _named_row(portions, phrase) or (sized_drink(portions, phrase) if is_beverage(food) else None)


_DRINK_VESSELS = frozenset({"cup", "mug", "glass", "drink", "serving"})


def sized_drink(portions: list[Portion], phrase: str) -> Portion | None:
    """ "a small cup of tea", "a large mug of coffee": FNDDS sizes its coffee and tea by the cup a shop
    sells ("1 small" tea is 360 g, "1 large" 600 g); a size said with a drink's vessel is that row."""
    words = tokens(phrase)
    if not words or words[-1] not in _DRINK_VESSELS:
        return None
    sizes = {canonical_size(w) for w in words} - {""}
    if len(sizes) != 1:
        return None
    (size,) = sizes
    return next((p for p in portions if p.unit == size and not p.modifier), None)


def canonical_size(word: str) -> str:
    """ "small", "medium", "large" ... for a size word ("big" -> "large", "regular" -> "regular"), else ""."""
    if word == "regular":
        return "regular"
    unit = canonical_unit(word)
    return unit if unit in SIZE_UNITS else ""


# The sizes a product is sold in, each with the words USDA's rows use for it ("1 miniature/bite size",
# "bar, fun size", "1 fun/snack size").
_SIZE = frozenset(("size", "sized"))
# what a product of a size is sold as or in
_SOLD_IN = frozenset(("", "each", "piece", "bar", "serving", "package", "packet", "bag", "pack"))
_PRODUCT_SIZES = (  # (the words, and what must be said with them: "king crab" is no king size)
    (frozenset(("mini", "miniature")), frozenset()),
    (frozenset(("mini", "miniature", "bite")), _SIZE),
    (frozenset(("fun",)), _SIZE),
    (frozenset(("king",)), _SIZE),
)


def _product_sized(
    quantity: Quantity | None, food: Food, portions: list[Portion], asked: frozenset[str], said: set[str]
) -> Grams:
    """ "a miniature Milky Way", "2 fun-size Snickers": USDA's row of that size, never the full-size bar (a
    miniature is a sixth of it); without one, ask for grams."""
    amount = 1.0 if quantity is None else quantity.amount
    rows = [p for p in portions if asked & set(tokens(f"{p.unit} {p.modifier}"))]
    if rows:
        # the row of the word said ("bite-sized": "1 bite size"), one item before a pack of several ("a
        # bite-sized fruit muffin" was FNDDS's "Hostess package of 5 mini muffins", 57 g)
        p = min(rows, key=lambda p: (not said & set(tokens(p.unit)), bool(_SEVERAL.search(p.modifier))))
        return Grams(amount * p.grams, note=f"used {label(p)}")
    size = "/".join(sorted(asked))
    return Grams(
        None,
        reason=(
            f"USDA lists no {size} size for {food.description}; "
            "write grams (e.g. '15 g') or the full-size count"
        ),
    )


_SEVERAL = lazy(r"\b(?:[2-9]|\d\d+)\s+[a-z]", re.I)  # "package of 5 mini muffins": a row of several items
_PLURAL_WORD = lazy(r"(?<![su])s\s*$", re.I)  # "fries", "chips": many pieces ("hummus", "glass" are not)


def _to_grams(
    quantity: Quantity | None,
    food: Food,
    portions: list[Portion],
    food_text: str,
    preferred_unit: str | None,
    informal: Mapping[str, tuple[float, str, str, str]],
    assume: bool = True,
) -> Grams:
    named = set(tokens(food_text))
    # words that pick a row by its modifier ("chopped" -> "cup, chopped"); the food's own name is not one
    # ("1 slice pizza" must not pick "piece, small pizza" for the word "pizza")
    words = named - set(tokens(food.description))
    asked = next(
        (size for size, needs in _PRODUCT_SIZES if named & size and (named & needs or not needs)), None
    )  # ("a fun-size Snickers")
    if asked and (quantity is None or quantity.unit in _SOLD_IN):
        # (a king-size package is not USDA's first package: "a king-size package of Reese's" was 17 g)
        return _product_sized(quantity, food, portions, asked, named)
    if quantity is None:
        meat = is_meat(food)
        p = _default_portion(portions, words, preferred_unit, named, first_measure=not meat)
        if p is None and meat:
            # "salmon", "chicken": a serving of cooked meat or fish as the FDA's reference amount (85 g),
            # not SR28's first measure (a cup, diced) nor a whole bird
            serving = _informal(1.0, "serving", food, portions, named, informal)
            if serving is not None:
                note = serving.note.replace(ASSUMED, f"{ASSUMED} (none given)", 1)
                return Grams(serving.grams, note=note, assumed=True)
            p = _default_portion(portions, words, preferred_unit, named)
        if p is None:
            return Grams(
                None,
                reason=(
                    f"no amount given and USDA lists no standard portion for {food.description}; "
                    "write an amount (e.g. '3 oz', '100 g')"
                ),
            )
        return Grams(p.grams, note=f"{ASSUMED} (none given): {usual(p)}", assumed=True)
    amount, unit = quantity.amount, quantity.unit
    if not math.isfinite(amount) or amount < 0:
        return Grams(None, reason=f"amount {quantity.text!r} is not a usable number")
    note = "range: used the midpoint" if quantity.is_range else ""
    if unit == "oz" and oz_means_fl_oz(food):
        unit, note = "fl oz", _join(note, OZ_AS_FL_OZ_NOTE)
    if unit in MASS_G:
        return Grams(amount * MASS_G[unit], note=note)
    if unit in CUP_SIZES:
        if not is_beverage(food):  # ("a venti pike place" is no 340 g of pike: a cup size is a drink's)
            why = f"a '{unit}' is a coffee shop's cup size, and {food.description} no drink"
            return Grams(None, reason=why)
        note = _join(note, f"a {unit} taken as {VOLUME_ML[unit] / VOLUME_ML['fl oz']:.0f} fl oz")
    if unit in VOLUME_ML:
        p = _pick(portions, unit, words)
        if p:
            return Grams(amount * p.grams, note=note)
        for other in ("cup", "tbsp", "tsp", "fl oz"):
            p = _pick(portions, other, words)
            if p:
                grams = amount * VOLUME_ML[unit] / VOLUME_ML[other] * p.grams
                return Grams(grams, note=_join(note, f"from USDA's {label(p)}"))
        hinted = _volume_hint(portions)
        if hinted:
            p, ml = hinted
            grams = amount * VOLUME_ML[unit] / ml * p.grams
            return Grams(grams, note=_join(note, f"from USDA's {label(p)}"))
        if is_beverage(food):
            return Grams(amount * VOLUME_ML[unit], note=_join(note, "beverage: 1 ml taken as 1 g"))
        return Grams(
            None,
            reason=(
                f"USDA lists no cup or spoon measure for {food.description}, so a volume cannot be weighed; "
                "give ounces or grams (e.g. '3 oz', '100 g')"
            ),
        )
    if unit in ("", "each", "piece", "serving") or unit in SIZE_UNITS:
        p = None
        if unit in SIZE_UNITS:
            # "2 large slice onion" is USDA's "slice, large (1/4" thick)", not a large onion
            p = _sized(portions, unit, _head_words(food_text), only_named=True)
            if p is not None:
                note = _join(note, f"used {label(p)}")
        if p is None and unit in SIZE_UNITS and not named & _PARTS:
            # "a large chicken breast" is FNDDS's "1 large breast" (185 g), a row naming the food's own word,
            # before its "1 large or thick slice" (85 g); "a large slice of pizza" is no large pizza
            own = (r for r in portions if r.unit == unit and r.modifier and set(tokens(r.modifier)) <= named)
            p = next(own, None)
        if p is None and unit:
            p = _pick(portions, unit, words)
        if p is None and unit == "piece":
            # "a piece of pie" is FNDDS's "slice", never the whole pie its name would pick below
            p = next(filter(None, (_pick(portions, same, words) for same in UNIT_EQUIVALENTS[unit])), None)
            if p is not None:
                note = _join(note, f"used {label(p)}")
        for size in SIZE_EQUIVALENTS.get(unit, ()):
            p = p or _pick(portions, size, words)
        if p is None and unit in SIZE_UNITS:
            p = _sized(portions, unit, named)
            if p is not None:
                note = _join(note, f"used {label(p)}")
        if p is None and unit == "serving" and is_meat(food):
            # "a serving of chicken breast": FDA's reference serving of meat (85 g), not one whole breast
            serving = _informal(amount, "serving", food, portions, named, informal)
            if serving is not None:
                return Grams(serving.grams, note=_join(note, serving.note), assumed=True)
        if p is None and unit == "serving":
            p = default_portion(portions, words, preferred_unit, named)
            if p is not None:  # USDA names no serving of this food: its usual portion stands in for one
                return Grams(amount * p.grams, note=_join(note, f"{ASSUMED}: a serving as {usual(p)}"),
                             assumed=True)  # fmt: skip
        # (one, of no number written: "5 large olives" are five olives)
        written = any(c.isdigit() for c in quantity.text)
        many = amount == 1 and not written and bool(_PLURAL_WORD.search(food_text))
        if p is None and unit in SIZE_UNITS and (quantity.phrase or many):
            # "a small order of fries", "medium fries": a size of a serving USDA does not list for this food
            # is its usual portion, said, never one item of it (1 fry, 5 g)
            d = _pick(portions, "default", words)
            if d is not None:
                what = quantity.phrase or f"{unit} {food_text.strip()}"
                said = f"{ASSUMED}: '{what}' is no USDA portion of this food; {usual(d)}"
                return Grams(amount * d.grams, note=_join(note, said), assumed=True)
        if p is None:
            counted = preferred_unit if unit in ("", "each", "piece") else None
            if counted in MASS_G or (counted in VOLUME_ML and not is_beverage(food)):
                # "almonds" alone mean USDA's 1 oz, but "20 almonds" are 20 nuts, not 20 oz;
                # "2 coffees" are 2 cups
                counted = None
            p = count_portion(
                portions,
                words,
                counted,
                _head_words(food_text),
                named,
                counted_first=True,
                described=_head_words(food.description),
            )
            if (
                p is not None
                and unit == "piece"
                and _unit_word(p) in _head_words(food_text)
                and not _PLURAL_WORD.search(food_text)
            ):
                # "a piece of chicken" is not USDA's whole "1 chicken" (598 g); but a piece of what is eaten
                # by the piece is one of them ("6 pieces of chicken nuggets": FNDDS's "1 nugget")
                p = None
            cut = _COUNTED_PART.search(food_text) if p is not None and unit in ("", "each") else None
            heavy = p is not None and p.grams > _A_PART
            if cut is not None and p is not None and heavy and _unit_word(p) != cut.group(1).lower():
                # "5 chicken chunks", "3 potato wedges": parts counted, never the whole chicken (598 g each)
                # or potato USDA weighs by its name; a row of the part, else asked
                part = cut.group(1).lower()
                p = next((r for r in portions if part in {*tokens(r.unit), *tokens(r.modifier)}), None)
            if p is not None and unit in ("", "each"):
                # "a whole pizza", "half a pie": the whole item USDA weighs, never one slice of it (119 g);
                # but "a whole wheat pizza" is a slice, not the medium pizza USDA's sizes would give (691 g)
                whole = bool(_WHOLE_ONE.search(quantity.text) or _WHOLE_ONE.search(food_text)) or amount < 1
                itself = _head_words(food.description)
                if whole and _part_row(p):
                    p = _whole_item(portions, itself) or p
                elif not whole and p.grams > WHOLE_DISH_GRAMS and p in _whole_items(portions, itself):
                    p = next(filter(None, (_pick(portions, part, words) for part in ("piece", "slice"))), p)
                elif (
                    not whole
                    and p.grams > WHOLE_DISH_GRAMS
                    and ("any size" in p.modifier.lower() or _unit_word(p) in itself)
                ):
                    # "a chicken pot pie", "a quiche" are one person's: USDA's "1 individual pie" (250 g),
                    # never its "1 pie, any size" (1260 g) or "1 quiche (8" dia)" (1212 g), family dishes;
                    # else a slice of one
                    word = _unit_word(p)
                    one = [r for r in portions if r.unit == "individual" and word in tokens(r.modifier)]
                    parts = (_pick(portions, part, words) for part in ("slice", "piece"))
                    p = next(filter(None, (*one, *parts)), p)
                roll = p.unit == "piece" and _ROLL_SAID.search(food_text) is not None and "roll" in itself
                d = _pick(portions, "default", words) if roll else None
                if d is not None and d.grams >= 3 * p.grams:
                    # "a california roll", "2 salmon rolls": the roll FNDDS weighs only by its piece (30 g, a
                    # sixth of it) is its usual portion, said (it was one 30 g piece)
                    said = f"{ASSUMED}: a roll as {usual(d)}; USDA weighs a piece of it, {_fmt(p.grams)} g"
                    return Grams(amount * d.grams, note=said, assumed=True)
            if p is not None:
                if unit in SIZE_UNITS and p.unit != unit:
                    note = _join(note, f"{_NO_SIZE.format(unit)}: used {label(p)}")
                else:
                    note = _join(note, f"used {label(p)}")
        if (
            p is not None
            and p.unit in ("default", "serving")
            and p.unit != preferred_unit
            and unit in COUNT_WORDS
        ):
            # "3 dried apricots" are three apricots, not three of USDA's 40 g standard portions, unless
            # USDA's standard portion is itself one item ("1 sandwich" = "Quantity not specified", 160 g)
            item = [
                q
                for q in portions
                if abs(q.grams - p.grams) < 0.5
                and q.unit not in MASS_G
                and q.unit not in VOLUME_ML
                # (a "serving packet" is one item: "2 sugars" in tea are two packets)
                and (q.unit not in ("default", "serving", "order") or _ONE_ITEM_SERVING.search(q.modifier))
            ]
            if amount <= 1 and not item:  # "1 peanut butter": one is USDA's usual portion, an assumption
                return Grams(amount * p.grams, note=_join(note.replace(f"used {label(p)}", ""),
                             f"{ASSUMED}: one as {usual(p)}").strip("; "), assumed=True)  # fmt: skip
            if amount > 1 and item:
                base = "range: used the midpoint" if quantity.is_range else ""
                return Grams(amount * item[0].grams, note=_join(base, f"used {label(item[0])}"))
            if amount > 1:
                return Grams(
                    None,
                    reason=(
                        f"USDA gives no weight for one item of {food.description}, "
                        f"only a standard portion of {_fmt(p.grams)} g; give grams or write '1 serving'"
                    ),
                )
        if p is None:
            return Grams(None, reason=f"USDA lists no single-item portion for {food.description}; give grams")
        return Grams(amount * p.grams, note=note)
    p = _pick(portions, unit, words)
    if p:
        if unit in VAGUE_UNITS:  # USDA's own "1 glass" of wine: still a size the line did not say
            return Grams(amount * p.grams, note=_join(note, f"{ASSUMED}: {usual(p)}"), assumed=True)
        return Grams(amount * p.grams, note=note)
    for same in UNIT_EQUIVALENTS.get(unit, ()):
        p = _pick(portions, same, words)
        if p:
            return Grams(amount * p.grams, note=_join(note, f"used {label(p)}"))
    if quantity.text.lower().startswith(("juice", "the juice")):
        # "juice of 2 oranges": SR28 weighs the juice one fruit yields ("fruit yields", "lime yields")
        for p in portions:
            if p.unit in (unit, "fruit") and "yield" in p.modifier.lower():
                said = f"used USDA's {p.description} ({_fmt(p.grams)} g)"
                return Grams(amount * p.grams, note=_join(note, said))
    assumed = _assumed(amount, unit, food, portions, words, named, preferred_unit, informal)
    if assumed is not None and assume:
        return Grams(assumed.grams, _join(note, assumed.note), assumed.reason, True)
    if unit in VAGUE_UNITS:
        return Grams(
            None,
            reason=(
                f"a {unit} is not a standard measure and USDA gives no weight for a {unit} of "
                f"{food.description}; write grams, oz or a volume instead (e.g. '30 g', '1 cup', '250 ml')"
            ),
        )
    hint = (
        "give grams or a volume (cup, ml)"
        if _volume_hint(portions) or any(p.unit in VOLUME_ML for p in portions)
        else "give grams"
    )
    return Grams(None, reason=f"USDA gives no gram weight for a '{unit}' of {food.description}; {hint}")


def _assumed(
    amount: float,
    unit: str,
    food: Food,
    portions: list[Portion],
    words: set[str],
    named: set[str],
    preferred_unit: str | None,
    informal: Mapping[str, tuple[float, str, str, str]],
) -> Grams | None:
    """The weight of a vague amount the food has no USDA row of that name for, or None.

    A vessel ("a bowl of oatmeal", "a glass of milk") is USDA's answer for an amount not said: FNDDS's
    "quantity not specified", else the food's usual portion (what a line with no amount gets). A package
    ("a can", "a bag") takes FNDDS's "quantity not specified", else a row of the reviewed table
    data/amounts.csv (a can of a drink): package sizes vary too much for a cup to stand in. A small
    amount ("a pinch") the reviewed table, else the food's usual portion when that is a spoonful
    (SPOONFUL_GRAMS)."""
    if unit in SMALL_UNITS:
        row = _informal(amount, unit, food, portions, named, informal)
        if row is not None or unit in informal:
            return row  # ("a splash of milk" is its 1/8 fl oz or nothing, never a cup)
        p = _pick(portions, "default", words) or _default_portion(portions, words, preferred_unit, named)
        if p is None or p.grams > SPOONFUL_GRAMS:
            return None
        return Grams(amount * p.grams, f"{ASSUMED}: a {unit} as {usual(p)}")
    if unit not in VESSEL_UNITS and unit not in PACKAGE_UNITS:
        return None
    if unit == "glass" and not is_beverage(food) and not _POURED_FOOD.search(food.description):
        return None  # "a glass of squash" (a British fruit drink) is no 196 g of summer squash: asked
    if unit == "handful" and is_produce(food) and not _LEAFY.match(food.description):
        # a handful of fruit or vegetables is half a cup (data/amounts.csv), never USDA's one baby carrot
        row = _informal(amount, "handful/produce", food, portions, named, informal)
        if row is not None:
            return row
        serving = _pick(portions, "serving", words)  # (no cup to weigh it by: USDA's own serving, said)
        if serving is not None:
            return Grams(amount * serving.grams, f"{ASSUMED}: a {unit} as USDA's {label(serving)}")
    if unit in PACKAGE_UNITS and is_produce(food):
        return None  # "a bag of spinach" is no FNDDS "quantity not specified" (13 g): a package, asked
    if unit in _SOLD_WHOLE and not is_beverage(food) and not _POURED_FOOD.search(food.description):
        # nor is a jar, carton or tub of a food USDA weighs no such package of its usual portion ("a carton
        # of eggs" was one 50 g egg, "a jar of salsa" 32 g): asked
        return None
    p = _pick(portions, "default", words)
    if p is None and unit in PACKAGE_UNITS:
        return _informal(amount, unit, food, portions, named, informal)
    if p is None:
        p = _default_portion(portions, words, preferred_unit, named)
        if p is not None and p.unit in SMALL_UNITS:
            p = None
    if p is None:
        return None
    if unit == "handful" and p.grams < _ONE_SMALL_PIECE and p.unit not in MASS_G and p.unit not in VOLUME_ML:
        # a handful of raisins or M&Ms is no one raisin (0.5 g): the reviewed handful of small pieces
        return _informal(amount, "handful/pieces", food, portions, named, informal)
    return Grams(amount * p.grams, f"{ASSUMED}: a {unit} as {usual(p)}")


_SOLD_WHOLE = frozenset(("jar", "carton", "tub"))
# what a glass may hold though USDA files it with no drinks ("Eggnog", "Nuts, coconut water")
_POURED_FOOD = lazy(
    r"\b(?:water|drink|nog|juice|milk|shake|smoothie|liquid|fluid|beverage|broth|soup)\b", re.I
)
_ONE_ITEM_SERVING = lazy(r"^(?:packet|1 cube|individual packet)\b", re.I)
# a USDA row for one piece this light is one of many a handful holds (a raisin, an M&M, a pea pod)
_ONE_SMALL_PIECE = 10.0
_LEAFY = lazy(
    r"(?:spinach|lettuce|kale|arugula|chard|collards?|mixed salad greens|greens|watercress|cabbage)\b", re.I
)
_PRODUCE = frozenset({
    "Fruits and Fruit Juices", "Vegetables and Vegetable Products", "Apples", "Bananas",
    "Blueberries and other berries", "Broccoli", "Carrots", "Citrus fruits", "Grapes", "Melons", "Onions",
    "Other dark green vegetables", "Other fruits and fruit salads", "Other red and orange vegetables",
    "Other starchy vegetables", "Other vegetables and combinations", "Peaches and nectarines", "Pears",
    "Pineapple", "Strawberries", "String beans", "Tomatoes", "Spinach", "Mango and papaya", "Corn",
    "Lettuce and lettuce salads",
})  # fmt: skip


def is_produce(food: Food) -> bool:
    """Fresh fruit and vegetables by SR28's and FNDDS's groups: never a juice, a dried, canned or frozen one,
    nor a dish."""
    return food.category in _PRODUCE and not is_beverage(food) and not _NOT_FRESH.search(food.description)


_NOT_FRESH = lazy(r"\b(?:dried|dehydrated|raisins?|prunes?|canned|frozen)\b", re.I)


def _informal(
    amount: float,
    unit: str,
    food: Food,
    portions: list[Portion],
    named: set[str],
    informal: Mapping[str, tuple[float, str, str, str]],
) -> Grams | None:
    """A row of data/amounts.csv ("a pinch" = 1/16 tsp), weighed through the food's own USDA measures."""
    row = informal.get(unit)
    if row is None:
        return None
    how_many, measure, wording, applies_to = row  # (produce and pieces: the caller has chosen the row)
    if (applies_to == "drinks" and not is_beverage(food)) or (applies_to == "meat" and not is_meat(food)):
        return None
    g = _to_grams(Quantity(amount * how_many, measure), food, portions, " ".join(sorted(named)), None, {})
    if g.grams is None:
        return None
    return Grams(g.grams, f"{ASSUMED}: {wording} (data/amounts.csv)" + (f"; {g.note}" if g.note else ""))


_VOLUME_IN_TEXT = lazy(r"(\d+(?:\.\d+)?|\d+/\d+)\s*(cup|tbsp|tablespoons?|tsp|teaspoons?|fl oz)\b")


def _volume_hint(portions: list[Portion]) -> tuple[Portion, float] | None:
    """A portion whose USDA text states its volume ("serving 1/2 cup", "bottle (8 fl oz)"), with that volume
    in ml: lets "1 cup ice cream" use USDA's own "1/2 cup" serving weight."""
    for p in portions:
        m = _VOLUME_IN_TEXT.search(f"{p.modifier} {p.description}".lower())
        if m:
            n = m.group(1)
            num = float(n.split("/")[0]) / float(n.split("/")[1]) if "/" in n else float(n)
            u = {"tablespoon": "tbsp", "tablespoons": "tbsp", "teaspoon": "tsp", "teaspoons": "tsp"}.get(
                m.group(2), m.group(2)
            )
            if num > 0:
                return p, num * VOLUME_ML[u]
    return None


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a and b else a or b


def implausible(grams: float, food: Food) -> bool:
    return grams > (PLAUSIBLE_BEVERAGE_GRAMS if is_beverage(food) else PLAUSIBLE_GRAMS)


def too_much_to_assume(grams: float, food: Food) -> bool:
    """Whether an assumed amount is too big to pass for one serving (see ASSUMABLE_GRAMS)."""
    return grams > (ASSUMABLE_BEVERAGE_GRAMS if is_beverage(food) else ASSUMABLE_GRAMS)


# SR28's words that say no more than FNDDS's shorter name ("Oranges, raw, all commercial varieties" is FNDDS's
# "Orange, raw"; "Apples, raw, with skin" its "Apple, raw")
_SAYS_NOTHING_MORE = frozenset(("all", "commercial", "variety", "skin", "fresh", "fluid"))


def _kind_segments(segments: list[str]) -> int:
    """How many of an SR28 name's leading segments only say what kind of food it is ("Snacks, banana chips"
    is FNDDS's "Banana chips", "Alcoholic beverage, wine, rose" its "Wine, rose")."""
    return next((k for k, s in enumerate(segments) if not set(tokens(s)) <= GROUP_WORDS), 0)


def survey_twins(table: FoodTable) -> dict[int, int]:
    """SR28 food -> the FNDDS food of the same name and state ("Bananas, raw" -> "Banana, raw"): the food
    USDA's dietary survey codes for it, whose count rows ("1 banana", 126 g) are the survey's weights."""
    from mgb6.foods.table import cached

    def build() -> dict[int, int]:
        by_head: dict[tuple[str, ...], list[tuple[int, frozenset[str]]]] = {}
        for i, f in enumerate(table.foods):
            if f.source == "fndds":
                head = tokens(f.description.split(",")[0])
                by_head.setdefault(head, []).append((i, frozenset(tokens(f.description))))
        twins: dict[int, int] = {}
        for i, f in enumerate(table.foods):
            if f.source != "sr28":
                continue
            segments = f.description.split(",")
            lead = _kind_segments(segments)
            if lead and tokens(segments[0]) in by_head:
                lead = 0  # (a kind FNDDS names foods by: "Candies, ..." has FNDDS's "Candies" heads)
            words = frozenset(tokens(",".join(segments[lead:])))
            named = words - _SAYS_NOTHING_MORE  # ("Dates, medjool" is no "Date": its variety must be there)
            same = by_head.get(tokens(segments[lead]), [])
            fits = [(len(w), j) for j, w in same if named <= w <= words]
            if fits:
                best = max(fits)
                if [n for n, _ in fits].count(best[0]) == 1:  # two equally close twins: neither
                    twins[i] = best[1]
        return twins

    return cached("survey-twins", table, build)


def measure_twins(table: FoodTable) -> dict[int, int]:
    """SR28 food -> the FNDDS food whose portion rows may weigh a measure SR28 lacks for it: its survey twin,
    else FNDDS's "not further specified" food of the same name ("Cheese, mozzarella, whole milk" -> "Cheese,
    Mozzarella, NFS", whose "1 stick" is what a stick of mozzarella weighs). Only for weights: a stick of
    mozzarella weighs the same whatever its fat, while its values stay SR28's."""
    from mgb6.foods.table import cached

    def build() -> dict[int, int]:
        nfs: dict[tuple[str, ...], int] = {}
        for i, f in enumerate(table.foods):
            if f.source == "fndds" and f.description.endswith(", NFS"):
                # ("Orange juice, 100%, NFS" is the NFS of "Orange juice": its "100%" says no other food)
                name = tuple(t for t in tokens(f.description[: -len(", NFS")]) if not t[:1].isdigit())
                nfs.setdefault(name, i)
        twins = dict(survey_twins(table))
        for i, f in enumerate(table.foods):
            if f.source != "sr28" or i in twins:
                continue
            segments = f.description.split(",")
            # as SR28 names it ("Fish, salmon, NFS"), else past its kind ("Snacks, popcorn, ..." is a popcorn)
            names = [segments, segments[_kind_segments(segments) :]]
            # "Cheese, mozzarella" before "Orange juice"; never a kind ("Candies": "Candy, NFS")
            for segs, n in ((segs, n) for segs in names for n in (2, 1)):
                name = tokens(",".join(segs[:n]))
                found = nfs.get(name) if len(segs) > n and not set(name) <= GROUP_WORDS else None
                if found is not None:
                    twins[i] = found
                    break
        twins.update(_product_twins(table, twins))
        twins.update(_value_twins(table, twins))
        return twins

    return cached("measure-twins", table, build)


# A maker's product as SR28 names it: a word in capitals ("Candies, MARS SNACKFOOD US, SNICKERS Bar").
_MAKERS_CAPITALS = lazy(r"[A-Z][A-Z'&]{2,}\b")  # (inside a word too: "McDONALD'S, Egg McMUFFIN")


def _product_twins(table: FoodTable, known: Mapping[int, int]) -> dict[int, int]:
    """SR28 maker's product -> the FNDDS food whose synonym list names that product ("Snickers" is listed
    under "Chocolate candy, nougat filled with nuts", whose "1 miniature/bite size" SR28's bar lacks). A name
    listed under several foods ("Snickers" is also an ice cream bar) goes to the one of nearest energy, and
    to none unless within a quarter of it: the same product, not another food under the same name."""
    from mgb6.foods.words import normalize

    listed: dict[str, list[int]] = {}
    for i, f in enumerate(table.foods):
        if f.source == "fndds" and f.synonyms:
            for name in f.synonyms.split(";"):
                key = normalize(name)
                if key:
                    listed.setdefault(key, []).append(i)
    twins: dict[int, int] = {}
    for i, f in enumerate(table.foods):
        if f.source != "sr28" or i in known or f.kcal is None or not _MAKERS_CAPITALS.search(f.description):
            continue
        near = [
            (abs(other.kcal - f.kcal), j)
            for j in listed.get(normalize(f.name), ())
            if (other := table.foods[j]).kcal is not None and abs(other.kcal - f.kcal) <= 0.25 * f.kcal
        ]
        if near:
            twins[i] = min(near)[1]
    return twins


def _value_twins(table: FoodTable, known: Mapping[int, int]) -> dict[int, int]:
    """SR28 food -> the one FNDDS food with the very same magnesium, vitamin B6 and energy that shares a
    word of its name: FNDDS built that food from this SR28 entry ("Candies, milk chocolate" -> "Chocolate
    candy", whose "1 cubic inch" and "1 miniature" SR28 lacks). Three equal values and a shared word are one
    food, not chance; of several, the one naming least besides, and none when two are as plain."""
    by_values: dict[tuple[float, float, float], list[int]] = {}
    for i, f in enumerate(table.foods):
        if f.source == "fndds" and None not in (f.magnesium, f.vitamin_b6, f.kcal):
            by_values.setdefault((f.magnesium, f.vitamin_b6, f.kcal), []).append(i)  # type: ignore[arg-type]
    twins: dict[int, int] = {}
    for i, f in enumerate(table.foods):
        if f.source != "sr28" or i in known or None in (f.magnesium, f.vitamin_b6, f.kcal):
            continue
        words = set(tokens(f.description)) - GROUP_WORDS
        same = sorted(
            (len(named - words), j)
            for j in by_values.get((f.magnesium, f.vitamin_b6, f.kcal), ())  # type: ignore[arg-type]
            if words & (named := set(tokens(table.foods[j].description)))
        )
        if same and (len(same) == 1 or same[0][0] < same[1][0]):
            twins[i] = same[0][1]  # the plainest: "Chocolate candy", not "Chocolate candy, other, NFS"
    return twins
