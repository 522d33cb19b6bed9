"""Whole or parts: read a line that may name several foods as the items that match best.

log/segment.py marks where a line *may* divide ("mac | cheese", "oatmeal | banana | walnuts"). Here each
run of adjacent parts (at most MAX_SPAN of them, so the cost stays linear in the number of joiners) is read
as one food and resolved like any line; a small dynamic programme then picks the division whose spans
match best. A span is worth its confidence (0-1) times the number of parts it covers, an unmatched span
minus the parts it covers, a span with no food in it ("2 large") cannot stand alone. So a merged span wins
when it matches at least as well as the mean of its parts ("mac and cheese", "sweet and sour pork",
"eggs, scrambled, 2 large"), and confident parts beat a weak whole ("oatmeal with banana and walnuts").
No list of exceptions: the matcher's confidence decides.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from itertools import dropwhile, pairwise
from typing import TYPE_CHECKING

from mgb6.foods.words import singular
from mgb6.lazyre import lazy
from mgb6.log.phrases import SENSE_NOUNS
from mgb6.log.segment import MEASURED
from mgb6.log.units import PACKAGE_UNITS, VESSEL_UNITS
from mgb6.models import Entry, Item, Problem, Quantity

if TYPE_CHECKING:
    from mgb6.nutrition.tally import Scorer

MERGED_BONUS = 0.05  # per joiner a merged span absorbs (see divide)
MADE_WITH_BONUS = 0.5  # per "made with" joiner a merged span absorbs (see divide)
MAX_SPAN = 4  # parts one food may span: "peanut butter and jelly sandwich with chips" needs 2; 4 is ample
# The key under which a whole line's division is memoised beside the (food text, amount) resolutions.
PARTS_KEY = Quantity(0.0, "<parts>")
_NO_FOOD = float("-inf")
Cut = tuple[int, int, "Item | Problem"]


def _span_entry(entry: Entry, i: int, j: int) -> Entry | None:
    """Parts i..j of the line read as one food line (its own amount), or None when it names no food."""
    from mgb6.log.amounts import names_food_first
    from mgb6.log.parse import amount_only, split_amount
    from mgb6.log.segment import amount_first

    text = amount_first(_as_usda_says(entry, i, j))
    try:
        quantity, food = split_amount(text)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    if not food or not any(c.isalpha() for c in food) or (amount_only(food) and not names_food_first(food)):
        return None  # ("half & half" is a food, though both its words are amounts)
    return Entry(entry.path, entry.line, text, food, quantity, entry.meal)


# "covered in", "topped with", "drizzled with": how a line attaches what a food comes with, where USDA's
# names say "with" ("Doughnut, chocolate, with chocolate icing"); "cooked with" is USDA's "made with"
# ("Oatmeal, regular or quick, made with milk").
_ATTACHES = lazy(
    r"(?:\b(?:with|in|w/)|\b(?:that\s+)?(?:included|includes|including|featuring|featured|containing|contained"
    r"|consisting\s+of))\s*$",
    re.I,
)
# How a food was made, the one list the three patterns below share.
_MADE_VERBS = (
    "cooked|prepared|made|mixed|blended|stirred|simmered|whipped|fried|sauteed|sautéed|baked|roasted|broiled"
    "|grilled|steamed|poached|scrambled|enriched|enhanced"
)
_MADE = lazy(rf"\s+(?:{_MADE_VERBS})\s*$", re.I)  # "oatmeal cooked" | "with milk"
_MADE_WITH = lazy(rf"\b(?:{_MADE_VERBS})\s+(?:with|using|in)\b", re.I)  # a joiner "cooked with"
_HOW_MADE = lazy(rf"\s*,?\s*({_MADE_VERBS})\s+(?:with|in)\b", re.I)  # "peas" | "sauteed in" | "butter"


def _made_with(entry: Entry, k: int) -> bool:
    """Whether part k is what the part before it was made with ("oatmeal cooked with milk"): the joiner
    says so, or the part before ends with how it was made and the joiner is "with"."""
    if k <= 0:
        return False
    core, parts = entry.core, entry.parts
    joiner = core[parts[k - 1][1] : parts[k][0]]
    return bool(_MADE_WITH.search(joiner)) or bool(
        _ATTACHES.search(joiner) and _MADE.search(core[parts[k - 1][0] : parts[k - 1][1]])
    )


_AND = lazy(r"\s*(?:and|&|n|'n'|\+)\s*", re.I)
_WITH_JOINER = lazy(r"\s*(?:with|w/|topped\s+with|served\s+with|made\s+with)\s*", re.I)


def _names_the_pair(merged: Item, scorer: Scorer, entry: Entry, i: int, j: int = -1) -> bool:
    """Whether USDA's name is the line's food "with" the line's other food, each in its place: "latte with oat
    milk" is "Coffee, Latte, with non-dairy milk" (the oat milk is the latte's milk, not a splash beside a
    dairy latte). The food before "with" must lead the name (never "Meatballs, with tomato sauce" read as
    pasta), and what came with it must be all that USDA's "with" names; a list after "with" is read as one
    ("a burrito with beans and rice" is "Burrito, with beans and rice, cheese", not a bean burrito beside a
    cup of rice)."""
    from mgb6.foods.match import names_a_food
    from mgb6.foods.words import NON_DAIRY, PLANT_MILK_WORDS, tokens

    core, parts = entry.core, entry.parts
    if not _WITH_JOINER.fullmatch(core[parts[i][1] : parts[i + 1][0]]):
        return False
    name = merged.food.lower()
    at = re.search(r"\bwith\b", name)
    if at is None:
        return False
    index = scorer.table.index
    before, paired = set(tokens(name[: at.start()])), set(tokens(name[at.end() :].split(",")[0]))
    if paired >= NON_DAIRY:
        paired |= PLANT_MILK_WORDS
    said = tokens(core[parts[i][0] : parts[i][1]])
    first = [t for t in said if names_a_food(t, index)]
    j = i + 1 if j < 0 else j
    if any(not _AND.fullmatch(core[parts[k - 1][1] : parts[k][0]]) for k in range(i + 2, j + 1)):
        return False
    second = [t for t in tokens(core[parts[i + 1][0] : parts[j][1]]) if names_a_food(t, index)]
    if not (first and first[-1] in before and second and set(second) <= paired | before):
        return False
    # ... and the name adds no food of its own before its "with" ("Taco or tostada salad with meat" for "a
    # tostada topped with meat", "Cookie, chocolate, with icing" for "a cookie with icing"), but for USDA's
    # kind of a kind said ("Coffee" of "Coffee, Latte") and the other of its "A or B"
    variety = tokens(_variety_of(merged.food))
    kind = {*tokens(_name_of(merged.food)), *variety} if variety and variety[-1] in said else set()
    either = index.alternates.get(scorer.table.by_id[merged.food_id], frozenset())
    return not [t for t in before - set(said) - kind - either if names_a_food(t, index)]


_SENSED = frozenset(singular(w) for w in SENSE_NOUNS)  # "a bit of flavor to my meal" names no food
_JOINS_FOODS = lazy(r"\b(?:and|with|or|in|on)\b|&", re.I)


def _two_said_as_one(out: Item, entry: Entry, i: int, j: int) -> bool:
    """ "cheese and crackers" is two foods, not USDA's "Crackers, cheese" (cheese-flavoured crackers): foods
    joined by "and", each a food alone, are read as one USDA food only when its name joins foods too
    ("Peanut butter and jelly sandwich", "Macaroni or noodles with cheese", "Cream, fluid, half and half");
    "roasted and salted peanuts" joins no two foods (the DP checks that each part is one)."""
    core, parts = entry.core, entry.parts
    joined = any(_AND.fullmatch(core[parts[k - 1][1] : parts[k][0]]) for k in range(i + 1, j + 1))
    return joined and not _JOINS_FOODS.search(_PARENTHESES.sub("", out.food))  # (SR28's "(includes ...)")


def _named_alone(out: Item | Problem | None) -> bool:
    """A part that is a food by itself, as written or by a reviewed name ("cheese", "crackers"), not by a
    near guess ("fruit-flavored" is no fruit drink)."""
    return isinstance(out, Item) and out.confidence >= 99


def _fills_a_dish(entry: Entry, i: int, j: int) -> bool:
    """ "ham and cheese sandwich", "spinach and feta omelet": foods joined by "and" before a dish's name, the
    later ones with no amount or article of their own, say what the one dish is made of."""
    from mgb6.foods.words import MIXED_DISHES, tokens

    core, parts = entry.core, entry.parts
    # (the dish's name before the bread it is on: "ham and cheese sandwich on a croissant")
    last = tokens(_BEFORE_ITS_BREAD.split(core[parts[j][0] : parts[j][1]], maxsplit=1)[0])
    if not last or last[-1] not in MIXED_DISHES:
        return False
    for k in range(i + 1, j + 1):
        if not _AND.fullmatch(core[parts[k - 1][1] : parts[k][0]]):
            return False
        words = core[parts[k][0] : parts[k][1]].split()
        if not words or words[0].lower() in _DETERMINERS or words[0][:1].isdigit():
            return False
    return True


_BEFORE_ITS_BREAD = lazy(r"\s+(?:served\s+)?(?:on|in)\s+", re.I)
_AND_JOINER = lazy(r"\s*,?\s*(?:and|&|\+|plus)\s*", re.I)


_PERCENT = lazy(r"[\d.,]+\s*%")  # "3.25% milkfat" qualifies a food, it is no amount
_LIST_JOINER = lazy(r"\s*,\s*(?:and\s*)?|\s*(?:and|&|\+|plus)\s*", re.I)


def _listed(entry: Entry, i: int, j: int) -> bool:
    """Whether parts i..j hold a food listed apart: a measured amount ("250g of pasta"), or "and" followed by
    an article ("vegetables and a creamy cheese sauce") starts another item, never part of one food."""
    core, parts = entry.core, entry.parts
    attached = _attached_before(entry, i)
    for k in range(i + 1, j + 1):
        text = core[parts[k][0] : parts[k][1]]
        if text[:1].isdigit() and not _PERCENT.match(text) and not _only_how(text) and _has_amount(text):
            return True  # "14g of meat loaf, accompanied by 250g of pasta": each measured food is its own
        if not text[:1].isdigit() and _LATE_MEASURE.match(text) and not _only_how(text):
            return True  # "..., while sipping on a 372g serving of soft drink": praise or an article first
        joiner = core[parts[k - 1][1] : parts[k][0]]
        if _ALONGSIDE.search(joiner) and _determined_amount(text):
            return True  # "chicken fillet, paired with a carton of orange juice" is never "Orange chicken"
        attached = attached or bool(_ATTACHES.search(joiner))
        # (after "with", "and a fruit filling" goes on saying what the food has)
        if _AND_JOINER.fullmatch(joiner) and not attached:
            words = text.split()
            # (an article before a food: "half & half", "half and half cream" are one food; "an assortment of"
            # says no amount)
            first = words[0].lower() if len(words) > 1 else "half"
            if first != "half" and (first in _DETERMINERS or first[:1].isdigit()) and _has_amount(text):
                return True
    return False


def _beside_unnamed(whole: Item, scorer: Scorer, entry: Entry) -> bool:
    """Whether a part put beside another after a comma (", alongside a fried chicken wing") names a thing the
    whole line's food does not: "a fried chicken drumstick, ..., alongside a fried chicken wing" is two
    pieces of chicken, though the drumstick shares the wing's every other word."""
    from mgb6.foods.match import names_a_food
    from mgb6.foods.words import tokens

    core, parts = entry.core, entry.parts
    named = set(tokens(whole.food))
    for k in range(1, len(parts)):
        joiner = core[parts[k - 1][1] : parts[k][0]]
        words = core[parts[k][0] : parts[k][1]].split()
        if "," not in joiner or not _ALONGSIDE.search(joiner) or words[0].lower() not in _DETERMINERS:
            continue
        things = [t for t in tokens(" ".join(words)) if names_a_food(t, scorer.table.index)]
        if things and things[-1] not in named:
            return True
    return False


# Joiners that put one food beside another, never into it ("paired with", "served alongside", "washed down
# with"): what follows with an amount of its own is another item.
_ALONGSIDE = lazy(
    r"\b(?:paired|accompanied|complemented|washed|followed|chased|alongside|along|together|as\s+well\s+as"
    r"|plus|beside|next\s+to|adding|added|stirring|mixing)\b",
    re.I,
)


def _determined_amount(text: str) -> bool:
    """A part that opens with its own amount: a number, or an article or number word and a unit ("a carton
    of orange juice", "two cups of tea"); not a bare article ("a fruit filling")."""
    words = text.split()
    if not words:
        return False
    if words[0][:1].isdigit():
        return _has_amount(text)
    quantity = _quantity(text) if words[0].lower() in _DETERMINERS else None
    return quantity is not None and bool(quantity.unit)


# a measured amount after an article and up to three words of praise: "a 372g serving of", "a chilled 16.9 fl
# oz bottle of" (what log/segment.amount_first moves to the front)
_LATE_MEASURE = lazy(rf"(?:a|an|one|the|some|my)\s+(?:[^\W\d][\w'’-]*\s+){{0,3}}?{MEASURED}(?![\w-])", re.I)


def _quantity(text: str) -> Quantity | None:
    """The amount a part states, or None (also for one the reader cannot take)."""
    from mgb6.log.parse import split_amount

    try:
        return split_amount(text)[0]
    except (ValueError, OverflowError, ZeroDivisionError):
        return None


def _has_amount(text: str) -> bool:
    return _quantity(text) is not None


def _said_as_one(entry: Entry, i: int, j: int) -> int:
    """The joiners of parts i..j that join a food said as part of the one before it: "and" or an attaching
    "with", the part after having no amount or article of its own ("rice with vegetables", "fruit and
    vegetable smoothie"; not "rice with a glass of milk"); after "with" or "consisting of", a list says what
    the food holds ("pasta with cream sauce, meat, and vegetables"). 0 when any joiner does not."""
    core, parts = entry.core, entry.parts
    attached = _attached_before(entry, i)
    for k in range(i + 1, j + 1):
        joiner = core[parts[k - 1][1] : parts[k][0]]
        if _ATTACHES.search(joiner):
            attached = True
        elif not (_AND.fullmatch(joiner) or (attached and _LIST_JOINER.fullmatch(joiner))):
            return 0
        if not _no_amount(core[parts[k][0] : parts[k][1]], attached=attached):
            return 0
    return j - i


_COUNTED = lazy(r"\b(?:one|two|three|\d)", re.I)  # ("just one banana" is said again: counted once, said)


def _named_twice(merged: Item, alone: list[Item | Problem | None], later: list[str]) -> bool:
    """Whether every part read alone is the merged span's own food, none after the first with an amount of
    its own: one food said twice, the brand's name and then what it is ("a Nabisco Chips Ahoy! chocolate chip
    cookie" is one cookie, not two); "a coffee, then 2 coffees" keeps its amounts apart."""
    return all(isinstance(p, Item) and p.food_id == merged.food_id for p in alone) and all(
        _no_amount(t, attached=False) and not _COUNTED.search(t) for t in later
    )


def _attached_before(entry: Entry, i: int) -> bool:
    """Whether part i starts what a served meal holds ("an 11 oz Lean Cuisine meal consisting of teriyaki
    chicken, rice, and vegetables"): what follows may be USDA's one food for the meal. After a food
    ("toast with butter, eggs, and coffee") a list goes on listing foods."""
    if i == 0 or not _ATTACHES.search(entry.core[entry.parts[i - 1][1] : entry.parts[i][0]]):
        return False
    from mgb6.foods.words import tokens

    return bool(_MEAL_SERVED & set(tokens(entry.core[entry.parts[i - 1][0] : entry.parts[i - 1][1]])))


def _no_amount(text: str, *, attached: bool) -> bool:
    """Whether a part says no amount of its own: no number or determiner ("vegetables"), or, after "with",
    only an article ("with a creamy cheese sauce", "with a mix of fruit"; not "with a glass of milk")."""
    words = text.split()
    if not words or words[0][:1].isdigit():
        return False
    first = words[0].lower()
    if first not in _DETERMINERS:
        return True
    if not attached or first not in ("a", "an"):
        return False
    quantity = _quantity(text)
    return quantity is None or not quantity.unit


_DRAINED_PART = lazy(r"[\s,]*(?:rinsed\s+(?:and|&)\s+)?drained\b", re.I)
_ON_TOAST = lazy(r"toasts?\b", re.I)
# a count said first, and what it counts in ("2 slices of", "two pieces of")
_COUNT_FIRST = lazy(
    r"(?:\d+(?:\.\d+)?|two|three|four|five|six)\s+(?:(?:slices?|pieces?)\s+(?:of\s+)?)?(?=\S)", re.I
)


def _as_usda_says(entry: Entry, i: int, j: int) -> str:
    """Parts i..j as one text, each joiner that attaches a food to the one before it written as USDA's
    "with" (or "made with"), so that the merged span is compared with USDA's names in their words."""
    from mgb6.foods.words import COOKED_WORDS, tokens

    core, parts = entry.core, entry.parts
    if i == j:
        text = core[parts[i][0] : parts[i][1]]
        # "2 slices of avocado toast": the count is of the toast the spread is on, never of the spread
        if (
            j + 1 < len(parts)
            and _ON_TOAST.match(core, parts[j + 1][0])
            and not core[parts[j][1] : parts[j + 1][0]].strip()
        ):
            counted = _COUNT_FIRST.match(text)
            if counted is not None:
                return text[counted.end() :]
        # "1 (15 oz) can black beans, drained": the beans alone are still drained (the can's stated size
        # holds its liquid; tally weighs a drained can)
        if j + 1 < len(parts) and _DRAINED_PART.match(core, parts[j][1]):
            return f"{text}, drained"
        if i > 0 and _ON_TOAST.match(text) and not core[parts[i - 1][1] : parts[i][0]].strip():
            counted = _COUNT_FIRST.match(core, parts[i - 1][0], parts[i - 1][1])
            if counted is not None:
                text = f"{counted.group()}{text}"
        if j + 1 < len(parts):  # "peas sauteed in butter": the peas alone are still sauteed
            how = _HOW_MADE.match(core[parts[j][1] : parts[j + 1][0]])
            # (how it was cooked, never how it was mixed: "protein powder mixed with water")
            if how and set(tokens(how.group(1))) <= COOKED_WORDS:
                text = f"{text} {how.group(1)}"
        return text
    pieces = [core[parts[i][0] : parts[i][1]]]
    for k in range(i + 1, j + 1):
        joiner = core[parts[k - 1][1] : parts[k][0]]
        coat = _COATED_IN.search(joiner)
        if coat:  # "a bar coated (covered, dipped) in chocolate" is USDA's "..., chocolate coated"
            pieces += [" ", core[parts[k][0] : parts[k][1]], " coated"]
            continue
        if _ATTACHES.search(joiner):
            made = _MADE.search(pieces[-1])
            if made:
                pieces[-1] = pieces[-1][: made.start()]
            joiner = " made with " if made else " with "
        pieces.append(joiner)
        pieces.append(core[parts[k][0] : parts[k][1]])
    return "".join(pieces)


def _value(out: Item | Problem | None, width: int) -> float:
    if out is None:
        return _NO_FOOD
    if isinstance(out, Problem):  # a little worse when merged: two parts not counted say more than one
        return -float(width) - 0.1 * (width - 1)
    return out.confidence / 100.0 * width


def _explains(merged: Item, scorer: Scorer, entry: Entry, i: int, j: int) -> bool:
    """A fuzzy merged match must name something of every part that has a food word: "banana and walnuts"
    read as "Bananas, raw", or "a turkey sandwich, a glass of milk" as the sandwich, drops a food the
    line names, so it cannot stand for both. Words the table does not know (a brand: "Publix, cottage
    cheese") need no explaining."""
    if merged.confidence >= 100.0:
        return True  # a reviewed phrase or a USDA name written out: it explains itself
    from mgb6.foods.match import names_a_food, names_a_maker
    from mgb6.foods.words import SKINLESS_NAMED, tokens
    from mgb6.log.phrases import HOW_WORDS
    from mgb6.log.units import is_unit_spelling

    index = scorer.table.index
    described = set(tokens(merged.food))
    skinless = SKINLESS_NAMED.search(merged.food.lower()) is not None
    for k in range(i, j + 1):
        a, b = entry.parts[k][0], entry.parts[k][1]
        if skinless and _SKIN_OFF_PART.fullmatch(entry.core[a:b]):
            continue  # "a chicken thigh, skin removed": USDA's "meat only" says the skin was not eaten
        if k == i < j and entry.core[b : b + 1] == "," and names_a_maker(entry.core[a:b], scorer.table):
            continue  # a label's maker ("Stouffer's, Lasagna with Meat Sauce"), said in the item's note
        words = {  # ("a smooth and rich ice cream cone": "smooth" names no food to explain)
            t for t in tokens(entry.core[a:b])
            if t in index.idf and t.isalpha() and t not in HOW_WORDS and not is_unit_spelling(t)
            and names_a_food(t, index)
        }  # fmt: skip
        # (what it came with is what the name says it was: "frosting" is USDA's "frosted", "icing" its "iced")
        words |= {f"{t[:-3]}ed" for t in words if t.endswith("ing")}
        if words and not described.intersection(words):
            return False
    return True


# A part saying only that the skin was not eaten ("skin removed", "with no skin", "without the skin")
_SKIN_OFF_PART = lazy(
    r"\s*(?:(?:with|no|without|minus|the|its|skin|removed|off|not|eaten|peeled|taken|discarded)\b\s*)+",
    re.I,
)
# Words for a meal as served, not a food: what it holds names it ("Chicken in soy-based sauce, rice and
# vegetables, frozen meal"); _SERVED_AS adds the words said of such a meal ("a convenient frozen meal").
_MEAL_SERVED = frozenset(("meal", "dinner", "entree", "plate", "platter", "dish", "combo", "lunch", "bowl"))
_SERVED_AS = _MEAL_SERVED | frozenset((
    "frozen", "tv", "kid", "school", "fast", "food", "restaurant", "prepared", "packaged", "convenient",
    "hearty", "simple", "g", "oz", "serving",
))  # fmt: skip


def _name_of(description: str) -> str:
    """What a USDA name is a name of: its first part, before any "with" ("Pizza with pepperoni" -> "Pizza",
    "Egg sandwich on biscuit" -> "Egg sandwich", "Milk and cereal bar" -> all of it)."""
    return re.split(r"\b(?:with|on)\b", description.split(",")[0], maxsplit=1, flags=re.I)[0]


def _variety_of(description: str) -> str:
    """The variety USDA names after a one-word kind: "Potato, french fries, ..." -> "french fries"; "" when
    the name has no such second part ("Pizza, cheese" names a pizza of cheese, no variety of pizza)."""
    segments = description.split(",")
    if len(segments) < 2 or len(segments[0].split()) != 1 or "with" in segments[1].lower().split():
        return ""
    return segments[1]


def _headed_as_written(merged: Item, entry: Entry, i: int, j: int, scorer: Scorer) -> bool:
    """ "X with Y" is an X: a span merged across "with" must be a food named for what stands before it
    ("Pizza with pepperoni", "Oatmeal, made with milk"), never one named for what it comes with
    ("pancakes with syrup" is not "Pancake syrup")."""
    from mgb6.foods.words import tokens

    core, parts = entry.core, entry.parts
    joined = (k for k in range(i + 1, j + 1) if _ATTACHES.search(core[parts[k - 1][1] : parts[k][0]]))
    first = next(joined, None)
    if first is None:
        return True
    name = _name_of(merged.food)
    head = tokens(name)
    before = set(tokens(core[parts[i][0] : parts[first - 1][1]]))
    variety = tokens(_variety_of(merged.food))
    if variety and variety[-1] in before and len(variety) > 1:
        return True  # "french fries with chili and cheese" is USDA's "Potato, french fries, with chili ..."
    if len(variety) == 1 and variety[0] in before:
        # a one-word kind that names, alone, the same kind of food ("latte": "Coffee, Latte") heads
        # the name too ("Coffee, Latte, with non-dairy milk"); a flavour does not ("Cookie, chocolate")
        from mgb6.foods.match import match

        table = scorer.table
        alone, _ = match(variety[0], table)
        if alone is not None and _name_of(table.foods[alone.food_index].description) == name:
            return True
    if not head or head[-1] in before or {t for t in before if t.isalpha()} <= _SERVED_AS | _holder_words():
        # ("a frozen meal that included chicken, rice and vegetables", "a bottle filled with water": USDA
        # names what is in it)
        return True
    # a name of several foods ("Pinto beans and white rice", "Egg omelet or scrambled egg") need only
    # start with one the line named first
    return bool(re.search(r"\b(?:and|or)\b", name, re.I)) and bool(before & set(head))


def _names_just_the_phrase(merged: Item, scorer: Scorer, entry: Entry, i: int, j: int) -> bool:
    """Whether the merged food's name adds no food to what the parts say: "Peanut butter and jelly
    sandwich, ..., on wheat bread" for "peanut butter and jelly sandwich on wheat bread", but not
    "Beans and rice, with meat" for "rice and beans"."""
    from mgb6.foods.match import names_a_food
    from mgb6.foods.words import COOKED_WORDS, FORM_WORDS, LEAVES_OUT, tokens
    from mgb6.log.phrases import HOW_WORDS

    index = scorer.table.index
    said = set(tokens(entry.core[entry.parts[i][0] : entry.parts[j][1]]))
    # a food is added by a word that leads some USDA name ("Beans and rice, with meat"); how it was kept,
    # USDA's "other" and the other of USDA's "A or B" add none ("Mixed nuts, with peanuts, unsalted"; "Rice,
    # white, with other vegetables"; "Macaroni or noodles with cheese"; "..., frozen", "..., ready-to-heat");
    # how it was cooked may ("Rice, fried, with chicken" is no "chicken and rice")
    either = index.alternates.get(scorer.table.by_id[merged.food_id], frozenset())
    # the food the name is of ("Milk and cereal bar" is a bar) must be one the line said
    head = tokens(_name_of(merged.food))
    variety = tokens(_variety_of(merged.food))
    kind = set(head) if len(variety) > 1 and variety[-1] in said else set()  # ("Potato, french fries")
    if head and head[-1] not in said and head[-1] not in either and not kind:
        return False
    # FNDDS's "NS as to fat", "fat added", "no added fat" say how it was cooked, and "low fat milk", "whole
    # milk" in a yogurt's or cheese's name what milk it was made of: neither is a food it holds
    # and FNDDS's parentheses name the maker or the product ("Whopper with cheese (Burger King)"), no food
    name = ",".join(s for s in merged.food.split(",") if not _COOKING_FAT.search(s) and not _MILK_OF.match(s))
    name = _PARENTHESES.sub(" ", name)
    # (nor does what the name says it is without: "Muffin, English, with fruit other than raisins")
    left_out = {b for a, b in pairwise(tokens(name)) if a in LEAVES_OUT}
    added = [
        t for t in tokens(name)
        if t not in said and t in index.food_words and (t not in HOW_WORDS or t in COOKED_WORDS)
        and t not in FORM_WORDS and t != "other" and t not in either and t not in kind and t not in left_out
    ]  # fmt: skip
    return not any(names_a_food(t, index) for t in added)


_PARENTHESES = lazy(r"\([^()]*\)")
_COOKING_FAT = lazy(r"^\s*NS as to\b|\bfat (?:added|not added)\b|\bno added fat\b", re.I)
_MILK_OF = lazy(
    r"\s*(?:whole|low\s*fat|lowfat|nonfat|non-fat|fat\s*free|reduced\s*fat|skim|part\s*skim|\d+%)\s+milk\s*$",
    re.I,
)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w'’-]+", text.lower()) if w]


def _only_how(text: str) -> bool:
    """A part that says how, or how much, but names no food: "cooked", "melted and served warm", "2 large"."""
    from mgb6.log.phrases import HOW_WORDS
    from mgb6.log.units import NUMBER_WORDS, SIZES, is_unit_spelling

    how = _how_words(HOW_WORDS, SIZES)
    text = _TWO_WORD_QUALIFIER.sub(lambda m: f"{m.group(1)}-{m.group(2)}", text)  # "low fat" is "low-fat"
    return all(
        w in how or w in NUMBER_WORDS or is_unit_spelling(w) or _is_number(w) or _qualifier(w)
        for w in _words(text)
    )


_TWO_WORD_QUALIFIER = lazy(
    r"\b(low|reduced|non|fat|sugar|no|lower|less)\s+(fat|sugar|sodium|salt|calorie|calories|carb|free|lactose)\b",
    re.I,
)


def _qualifier(word: str) -> bool:
    """ "sugar-free", "low-fat", "reduced-sodium", "ready-to-eat": a compound that qualifies a food; and an
    adverb ("lavishly", "generously"), which only says how."""
    if len(word) >= 6 and word.endswith("ly") and word.isalpha():
        return True
    return word.endswith(("-free", "-style", "-sized", "-size")) or word.startswith(
        ("low-", "reduced-", "non-", "no-", "ready-to-", "fat-", "sugar-", "lightly-", "extra-")
    )


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"[\d./½¼¾⅓⅔-]+", word))


@lru_cache(maxsize=1)
def _how_words(words: tuple[str, ...], sizes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words) | frozenset(w for s in sizes for w in s.split())


def _in_a_name_of_amount_words(entry: Entry, k: int) -> bool:
    """Whether part k, with the part before or after it, holds a food named in amount words ("an ounce of
    half" and "half" are "half and half"), which the line divided at its "and"."""
    from mgb6.log.amounts import names_food_first

    core, parts = entry.core, entry.parts
    for a, b in ((k - 1, k), (k, k + 1)):
        if a < 0 or b >= len(parts):
            continue
        last = _LAST_WORD.search(core, parts[a][0], parts[a][1])
        if last is not None and names_food_first(core[last.start(1) : parts[b][1]]):
            return True
    return False


_LAST_WORD = lazy(r"([^\W\d_]+)\W*$")


def _chatter(scorer: Scorer, entry: Entry, k: int) -> bool:
    """In a sentence (the line had framing), a part with no amount and no word naming a food is talk
    ("both and", "my day", "to satisfy my cravings"), not a food: it is left out, and the line's first
    item says so."""
    if entry.core == entry.written:
        return False  # a plain log line: an unknown word is reported, never dropped
    from mgb6.foods.words import tokens
    from mgb6.log.parse import split_amount

    text = entry.core[entry.parts[k][0] : entry.parts[k][1]]
    if _in_a_name_of_amount_words(entry, k):
        return False  # "an ounce of half" | "half": a food whose name reads like amounts ("half and half")
    try:
        quantity = split_amount(text)[0]
    except (ValueError, OverflowError, ZeroDivisionError):
        quantity = None
    leads_on = k + 1 < len(entry.parts) and bool(
        _AND_OR.fullmatch(entry.core[entry.parts[k][1] : entry.parts[k + 1][0]])
    )
    if _only_how(text):
        # "just one", "2 large": how much, of no food of its own; but "a cup of roasted" leads into "and
        # salted peanuts", and "a cup of diced" into ", cooked chicken breast": the measure of the food it
        # names (it was dropped, and the chicken counted as one whole breast)
        measured = quantity is not None and bool(quantity.unit)
        described = (
            bool(_MEASURE_OF.search(text))
            and k + 1 < len(entry.parts)
            and (entry.core[entry.parts[k][1] : entry.parts[k + 1][0]].strip() == ",")
        )
        return not (measured and (leads_on or described))
    from mgb6.foods.match import names_a_food
    from mgb6.foods.words import MEAL_WORDS
    from mgb6.log.units import SMALL_UNITS

    index = scorer.table.index
    words = [t for t in tokens(text) if t.isalpha() and len(t) > 1]
    # (a meal or what a food gave names no food: "a comforting touch to my lunch", "a bit of flavor")
    named = [w for w in words if w not in MEAL_WORDS and w not in _SENSED]
    if (
        quantity is not None
        and quantity.unit in SMALL_UNITS
        and any(w != quantity.unit for w in words)  # ("a pinch" alone is an amount said after its food)
        and all(t in index.idf for t in words)
        and not (named and names_a_food(" ".join(named), index))
    ):
        return True  # "a comforting touch to my lunch": a touch of nothing to eat
    # an amount is no food either; but "a" alone is only grammar ("a break", "a true comfort food"), unless
    # it opens a longer name ("a sweet and sour ...") or the part holds a word the table does not know ("a
    # bierock" may be a food USDA lacks: it is reported, never dropped)
    if quantity is not None and (
        quantity.unit
        or not _ARTICLE_ONLY.match(quantity.text)
        or leads_on
        or any(t not in index.idf for t in words)
    ):
        return False
    # "to satisfy my snack cravings", "creamy", "a flavor twist": words the table knows, none naming a food
    return not names_a_food(" ".join(named), index)


def _set_apart(said: list[str]) -> bool:
    """In any line, words saying a food was not eaten: "roast beef, no gravy", "..., but no gravy", "served
    without gravy", "leaving the skin aside"."""
    from mgb6.log.phrases import LEFT_OUT_MARKERS, LEFT_OUT_OPENERS

    opener = next((w for w in said if w not in _LEAD_INS), "")
    return opener in _frozen(LEFT_OUT_OPENERS) or bool(_frozen(LEFT_OUT_MARKERS) & set(said))


_NEGATED_SEGMENT = lazy(r"\b(?:no|not|without)\b", re.I)


def _eats_what_was_set_apart(whole: Item, entry: Entry, i: int = 0, j: int = -1) -> bool:
    """Whether parts i..j (the whole line) read as one are a food named only by a part saying it was not
    eaten ("a cup of diced roasted turkey, leaving the skin aside" is no turkey skin)."""
    from mgb6.foods.words import tokens

    if entry.core == entry.written:
        return False  # a log's USDA-style qualifiers ("ribs, beef, short, no visible fat eaten") name it
    apart: set[str] = set()
    kept: set[str] = set()
    for a, b, _, _ in entry.parts[i : len(entry.parts) if j < 0 else j + 1]:
        said = _words(entry.core[a:b])
        if _set_apart(said):  # (the words after the lead-in: "cooked without any fat" set apart no cooking)
            apart.update(tokens(" ".join(dropwhile(lambda w: w in _LEAD_INS, said))))
        else:
            kept.update(tokens(" ".join(said)))
    # (a part of USDA's name saying what the food has not, "no sauce", "skin not eaten", agrees with the line)
    eaten = {t for seg in whole.food.split(",") if not _NEGATED_SEGMENT.search(seg) for t in tokens(seg)}
    return bool((apart - kept) & eaten)


def _not_alone(entry: Entry, k: int) -> bool:
    """In a sentence, a part ending in a word for how food tastes or feels ("that irresistible nacho cheese
    flavor", "fruity goodness"), or saying what a food came without ("minus the pepperoni", "no gravy"), is
    no food of its own, though it names one: it is left out, or read with the food before it ("a cookie
    filled with peanut butter flavor" is a peanut butter cookie, "rice with no sauce" USDA's "no sauce")."""
    from mgb6.log.phrases import SENSE_NOUNS

    said = _words(entry.core[entry.parts[k][0] : entry.parts[k][1]])
    if not said:
        return False
    if _set_apart(said):
        return True
    if k and said[0] not in _DETERMINERS and not _has_amount(" ".join(said)):
        # "skipping the skin and coating": what follows "and" shares what was left out
        before = _words(entry.core[entry.parts[k - 1][0] : entry.parts[k - 1][1]])
        if _set_apart(before) and _AND_OR.fullmatch(entry.core[entry.parts[k - 1][1] : entry.parts[k][0]]):
            return True
    # (only in a sentence: a log's "Flavor" may name a food)
    if entry.core == entry.written:
        return False
    if said[-1] in _frozen(SENSE_NOUNS):
        # (but a food with its own article or amount, its taste said after "in": "a small bag of Doritos
        # tortilla chips in the cool ranch flavor" is the chips)
        own = said[0] in _DETERMINERS or _has_amount(" ".join(said))
        return not (own and "in" in said[1:-1])
    # "with fruity and vanilla notes": a bare word or two joined by "and" or "or" to a part ending in such a
    # word shares its noun ("fruity notes"); a part with its own article or amount is a food of its own
    nxt = k + 1
    if nxt >= len(entry.parts) or len(said) > 2 or said[0] in _DETERMINERS or _has_amount(" ".join(said)):
        return False
    joiner = entry.core[entry.parts[k][1] : entry.parts[nxt][0]]
    ahead = _words(entry.core[entry.parts[nxt][0] : entry.parts[nxt][1]])
    return bool(_AND_OR.fullmatch(joiner)) and bool(ahead) and ahead[-1] in _frozen(SENSE_NOUNS)


# words that may stand before what a food came without: "but no gravy", "served without gravy"
_LEAD_INS = frozenset(
    ("but", "and", "yet", "though", "also", "served", "made", "prepared", "cooked", "with", "completely",
     "entirely", "totally", "all")
)  # fmt: skip
_ARTICLE_ONLY = lazy(r"(?:a|an)\s", re.I)
_AND_OR = lazy(r"\s*,?\s*(?:and|or|&)\s+", re.I)


@lru_cache(maxsize=4)
def _frozen(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words)


CONFIDENT_ALONE = 90.0  # a part matched this surely by itself names a food of its own ("toast", "coffee")


def _confident_alone(scorer: Scorer, entry: Entry, k: int, day: date | None) -> bool:
    sub = _span_entry(entry, k, k)
    out = scorer.resolve(sub, day, record=False) if sub is not None else None
    return isinstance(out, Item) and out.confidence >= CONFIDENT_ALONE


def _has_comma(entry: Entry) -> bool:
    return any(entry.core[a[1] : b[0]].strip().startswith(",") for a, b in pairwise(entry.parts))


_DETERMINERS = frozenset(("a", "an", "some", "one", "two", "three", "another", "half", "my"))


def _one_food_named(entry: Entry) -> bool:
    """Only the first part has an amount, and no later one has an amount or an article of its own: the later
    parts describe the first ("100 g bread, wholemeal, sour dough"), a list would give each its own."""
    from mgb6.log.parse import split_amount

    if entry.core != entry.written:
        return False  # a sentence ("I had a quesadilla, simple yet filling"): its commas may list foods
    for k, (a, b, _, _) in enumerate(entry.parts):
        text = entry.core[a:b]
        try:
            q = split_amount(text)[0]
        except (ValueError, OverflowError, ZeroDivisionError):
            q = None
            if k > 0:
                return False
        has = q is not None
        if k == 0 and not (q is not None and (q.unit or q.text[:1].isdigit())):
            return False  # a measured amount ("470 g", "2 cups", "1 burger"), not "a" or "some"
        if k > 0 and (has or text.split(" ", 1)[0].lower() in _DETERMINERS):
            return False
    return True


def divide(scorer: Scorer, entry: Entry, day: date | None) -> tuple[list[Cut], list[int]]:
    """The best division of the line into spans (i, j) of parts, each with its resolution, and the parts
    left out as talk."""
    cuts, dropped = _divide(scorer, entry, day)
    cuts, dropped = _reported_amounts(cuts, dropped, entry, scorer, day)
    return _headings(cuts, dropped, entry, scorer, day)


# What a food comes in ("a juice box", "a bottle"), and the joiner that says it was filled.
_HOLDERS = PACKAGE_UNITS | VESSEL_UNITS | frozenset(("cup", "packet", "tube", "thermos", "tumbler"))


@lru_cache(maxsize=1)
def _holder_words() -> frozenset[str]:
    """The holders as the tokens a line's words become ("thermos" is the token "thermo")."""
    from mgb6.foods.words import tokens

    return frozenset(t for h in _HOLDERS for t in tokens(h))


_FILLED = lazy(r"\s*,?\s*(?:filled\s+(?:up\s+)?with|full\s+of|containing|that\s+(?:held|contained))\s*", re.I)


def _headings(
    cuts: list[Cut], dropped: list[int], entry: Entry, scorer: Scorer, day: date | None
) -> tuple[list[Cut], list[int]]:
    """A part that only heads what follows it is no food of its own, and is said on the line: a container
    filled with a food ("a juice box filled with 100% grape juice") is that food's amount; a served meal
    ("an 11 oz Lean Cuisine meal consisting of teriyaki chicken, rice, and vegetables") is the heading of
    what it holds, its weight the amount of the one USDA food for the whole list."""
    from mgb6.foods.words import tokens

    parts = entry.parts
    for c, (i, j, _) in enumerate(cuts[:-1]):
        text = entry.core[parts[i][0] : parts[j][1]]
        words = tokens(_PARENTHESES.sub("", text))  # ("a Banquet meal (6.75 oz)")
        joiner = entry.core[parts[j][1] : parts[j + 1][0]]
        if not words:
            continue
        if words[-1] in _holder_words() and _FILLED.fullmatch(joiner):
            held = _filled(cuts[c + 1], text, entry, scorer, day)
            if held is not None:  # (its note names the container: no talk left out)
                return [*cuts[:c], held, *cuts[c + 2 :]], dropped
            continue
        elif words[-1] in _MEAL_SERVED and _ATTACHES.search(joiner):
            from mgb6.foods.match import names_a_food

            # (the word it is named by, just before the bowl or dish, in lower case: "a Lean Cuisine meal
            # with ..." names the maker, "a 284g diet frozen meal with ..." how it was sold: headings)
            said = [w for w in re.split(r"[^\w'’-]+", _PARENTHESES.sub("", text)) if w][-2:-1]
            if isinstance(cuts[c][2], Problem) and any(
                w.islower()
                and w not in _SERVED_AS
                and not _only_how(w)
                and names_a_food(w, scorer.table.index)
                for w in said
            ):
                # a dish named after what it is served in ("poke bowl with salmon", "an acai bowl with
                # banana"): more than what the line lists, which no USDA food is; it is listed as not
                # counted, never left out as a heading ("preparation not weighed: 'poke bowl'")
                continue
            held = _served(cuts, c, text, entry, scorer, day)
        else:
            continue
        if held is not None:
            rest = [*cuts[:c], held, *cuts[c + 2 :]]
            return rest, sorted([*dropped, *range(i, j + 1)])
    for c, (i, _, _) in enumerate(cuts):
        # ... and a container read as no food at all ("a snack size container filled with canned fruit
        # cocktail": left out as talk) still gives what filled it its amount
        if i - 1 not in dropped:
            continue
        container = entry.core[parts[i - 1][0] : parts[i - 1][1]]
        words, joiner = tokens(container), entry.core[parts[i - 1][1] : parts[i][0]]
        if words and words[-1] in _holder_words() and _FILLED.fullmatch(joiner):
            held = _filled(cuts[c], container, entry, scorer, day)
            if held is not None:
                return [*cuts[:c], held, *cuts[c + 1 :]], [k for k in dropped if k != i - 1]
    return cuts, dropped


def _filled(cut: Cut, container: str, entry: Entry, scorer: Scorer, day: date | None) -> Cut | None:
    """What filled the container, weighed as so many of it; None when it has an amount of its own."""
    i, j, held = cut
    sub = _span_entry(entry, i, j)
    if not isinstance(held, Item) or sub is None or not held.amount_assumed:
        return None
    said = _quantity(f"{container} of {sub.food_text}")
    filled = scorer.resolve(sub._replace(quantity=said), day, record=False) if said else None
    if not isinstance(filled, Item):
        return None
    filled.notes = [*filled.notes, f"amount as the container it filled: {container!r}"]
    return i, j, filled


def _served(cuts: list[Cut], c: int, meal: str, entry: Entry, scorer: Scorer, day: date | None) -> Cut | None:
    """What the served meal holds (the cut after it), given the meal's weight when it is one food for the
    whole list; None when the heading is a food after all (it matched one, of another kind than the list)."""
    from mgb6.foods.words import tokens

    parts = entry.parts
    i, j, held = cuts[c + 1]
    same_kind = isinstance(held, Item) and tokens(meal)[-1:] == tokens(held.food)[-1:]
    if isinstance(cuts[c][2], Item) and not same_kind:
        return None
    inside = _PARENTHESES.search(meal)
    quantity = _quantity(meal) or (_quantity(f"{inside.group()[1:-1]} {_STAND_IN}") if inside else None)
    whole_list = c + 2 == len(cuts) or entry.core[parts[j][1] : parts[j + 1][0]].strip()[:1] in ".;"
    sub = _span_entry(entry, i, j)
    if isinstance(held, Item) and held.amount_assumed and _measured(quantity) and whole_list and sub:
        assert quantity is not None
        weighed = scorer.resolve(sub._replace(quantity=quantity), day, record=False)
        if isinstance(weighed, Item):
            weighed.notes = [*weighed.notes, f"amount as the meal it was served as: {meal!r}"]
            return i, j, weighed
    return i, j, held


def _divide(scorer: Scorer, entry: Entry, day: date | None) -> tuple[list[Cut], list[int]]:
    n = len(entry.parts)
    if _has_comma(entry) and not _listed(entry, 0, n - 1):
        # USDA and Cronometer write one food with commas ("Egg, whole, raw, fresh", "470 g bread, from
        # wholemeal flour, commercial"): the whole line is read first and kept when it reads as one food
        # naming every part, or when only its first part has an amount (the rest qualify it).
        whole = _whole(scorer, entry, day)
        if (
            isinstance(whole, Item)
            and _explains(whole, scorer, entry, 0, n - 1)
            and not _eats_what_was_set_apart(whole, entry)
            and not _beside_unnamed(whole, scorer, entry)
        ):
            # a sentence's talk the whole reading passed over is said ("a quesadilla, simple yet filling")
            talk = [k for k in range(1, n) if entry.core != entry.written and _chatter(scorer, entry, k)]
            return [(0, n - 1, whole)], talk
        if _one_food_named(entry):
            # "2 cups flour, sifted", "1 cup milk, warmed": how it was prepared, after the food and its amount
            k = n
            while k > 1 and _only_how(entry.core[entry.parts[k - 1][0] : entry.parts[k - 1][1]]):
                k -= 1
            head = _span_entry(entry, 0, k - 1) if k < n else None
            if head is not None:
                out = scorer.resolve(head, day, record=False)
                if isinstance(out, Item):
                    return [(0, k - 1, out)], list(range(k, n))
            if isinstance(whole, Item) and not _eats_what_was_set_apart(whole, entry):
                return [(0, n - 1, whole)], []
            commas = all(entry.core[a[1] : b[0]].strip() == "," for a, b in pairwise(entry.parts))
            if commas and not any(_confident_alone(scorer, entry, k, day) for k in range(1, n)):
                # "30 g fish fillets, batter dipped", "2 piece Reese's, Dark Peanut Butter Cups, Thins":
                # commas only, and nothing after the first is a food by itself, so the rest qualifies the
                # food; USDA has no food for all of it: the food named first with the rest said, else the
                # line not counted (never "Thins" read as Wheat Thins); "2 eggs, toast, coffee" lists foods
                first = _span_entry(entry, 0, 0)
                out = scorer.resolve(first, day, record=False) if first is not None else None
                if isinstance(out, Item):
                    return [(0, 0, out)], list(range(1, n))
                return [(0, n - 1, whole)], []
            # not one food after all ("2 slices toast w/ peanut butter, coffee"): read the parts below
    table: dict[tuple[int, int], Item | Problem | None] = {}

    known = scorer.table.index.idf
    from mgb6.foods.words import tokens

    # a part none of whose words the table knows (a typo-ridden or foreign phrase) is read alone, never
    # merged: a merged span could not name it anyway, and each try costs a fuzzy search
    named = [any(t in known for t in tokens(entry.core[a:b])) for a, b, _, _ in entry.parts]
    talk: dict[int, bool] = {}

    def is_talk(k: int) -> bool:
        if k not in talk:
            talk[k] = _chatter(scorer, entry, k)
        return talk[k]

    def span(i: int, j: int) -> Item | Problem | None:
        if (i, j) not in table:
            sub = None
            alone = i == j and not _only_how(entry.core[entry.parts[i][0] : entry.parts[i][1]])
            # talk at either end of a span is left out, not merged ("cheese crackers, full of goodness")
            ends = i < j and not is_talk(i) and not is_talk(j)
            if alone or (ends and all(named[i : j + 1]) and not _listed(entry, i, j)):
                sub = _span_entry(entry, i, j)
            out = None if sub is None else scorer.resolve(sub, day, record=False)
            if (
                isinstance(out, Item)
                and sub is not None
                and (i, j) != (0, n - 1)
                and _past_a_brand(sub, scorer)
            ):
                # a generic food stands in for a brand's product only for the whole label: "Boursin, Garlic"
                # cut from "Boursin, Garlic & Herb" is no garlic
                out = None
            if (
                isinstance(out, Item)
                and sub is not None
                and i < j
                and not _reads_as_one(out, scorer, entry, i, j)
            ):
                out = _named_with_all(out, sub, scorer, entry, i, j, day) or out
            if isinstance(out, Item) and i < j and _eats_what_was_set_apart(out, entry, i, j):
                out = None
            table[i, j] = out
        return table[i, j]

    from mgb6.log.parse import amount_only

    # "grilled salmon, 6 oz, with asparagus": an amount standing alone after a comma is the food's before it
    # (with it, or reported after it), never read into the next food ("an ounce of half and half" leads into
    # its food)
    texts = [entry.core[a:b] for a, b, _, _ in entry.parts]
    trails = [
        k > 0
        and entry.core[entry.parts[k - 1][1] : entry.parts[k][0]].strip() == ","
        and amount_only(texts[k])
        and not _OF_END.search(texts[k])
        for k in range(n)
    ]
    best: list[float] = [0.0] + [_NO_FOOD] * n
    back: list[int] = [0] * (n + 1)
    skip = [False] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_SPAN), end):
            if best[start] == _NO_FOOD or (trails[start] and end - start > 1):
                continue
            out = span(start, end - 1)
            width = end - start
            v = _value(out, width)
            # a part that is talk is left out even when some food matches its words ("that irresistible
            # nacho cheese flavor" is no plate of nachos)
            if width == 1 and (is_talk(start) or _not_alone(entry, start)):
                v = 0.0
                out = None
            elif v == _NO_FOOD:
                continue
            if width > 1 and isinstance(out, Item):
                if not _explains(out, scorer, entry, start, end - 1):
                    continue
                tiny = any(_TINY.match(texts[k]) for k in range(start + 1, end))
                if tiny and _HOT_DRINK.search(texts[start]):
                    # "coffee with a splash of almond milk" is no latte (it was FNDDS's "Coffee, Latte, with
                    # non-dairy milk", two of them 960 g): what a drink had a splash of is added to it, never
                    # a drink made of it (USDA's "fat added" is what "a touch of fat" says, though)
                    continue
                if not _headed_as_written(out, entry, start, end - 1, scorer):
                    continue
                # (an amount of no food before them, "a bowl with oats and milk", is none of the two)
                named_parts = [k for k in range(start, end) if span(k, k) is not None]
                if (
                    _two_said_as_one(out, entry, start, end - 1)
                    and len(named_parts) >= 2
                    and all(_named_alone(span(k, k)) and not is_talk(k) for k in named_parts)
                ):
                    continue
                # what a food was made with is part of it: USDA's "Oatmeal, made with milk" (90) beats
                # oatmeal and a glass of milk
                made = MADE_WITH_BONUS * sum(_made_with(entry, k) for k in range(start + 1, end))
                if not made and _names_the_pair(out, scorer, entry, start, end - 1):
                    # "latte with oat milk": "Coffee, Latte, with non-dairy milk" (per food it came with)
                    made = MADE_WITH_BONUS * (width - 1)
                if _fills_a_dish(entry, start, end - 1):
                    made += MADE_WITH_BONUS  # "ham and cheese sandwich": one sandwich, not ham and a sandwich
                if _names_just_the_phrase(out, scorer, entry, start, end - 1):
                    # on a near tie, the one food USDA names for the whole phrase ("peanut butter and jelly
                    # sandwich", 99) beats exact names for its parts (peanut butter; jelly sandwich); parts
                    # said as one food, no amount or article of their own, are that food ("white rice with
                    # vegetables", "fruit and vegetable smoothie")
                    v += MERGED_BONUS * (width - 1)
                    made = made or MADE_WITH_BONUS * _said_as_one(entry, start, end - 1)
                alone = [span(k, k) for k in range(start, end)]
                if not made and _named_twice(out, alone, texts[start + 1 : end]):
                    made = MADE_WITH_BONUS
                v += made
            total = best[start] + v
            # starts are tried longest span first, so on a tie the span with fewer items stays
            if total > best[end]:
                best[end], back[end], skip[end] = total, start, out is None
    if best[n] == _NO_FOOD:
        return [(0, n - 1, _whole(scorer, entry, day))], []
    cuts: list[Cut] = []
    dropped: list[int] = []
    end = n
    while end > 0:
        start = back[end]
        if skip[end]:
            dropped.append(start)
        else:
            out = span(start, end - 1)
            assert out is not None
            cuts.append((start, end - 1, out))
        end = start
    cuts.reverse()
    dropped.reverse()
    if not cuts or _amount_left_behind(cuts, entry, scorer):
        return [(0, n - 1, _whole(scorer, entry, day))], []
    return cuts, dropped


NAMED_WITH_MARGIN = 15.0  # how far below a span's best match a candidate naming every part may score


def _reads_as_one(out: Item, scorer: Scorer, entry: Entry, i: int, j: int) -> bool:
    return _explains(out, scorer, entry, i, j) and _headed_as_written(out, entry, i, j, scorer)


def _named_with_all(
    best: Item, sub: Entry, scorer: Scorer, entry: Entry, i: int, j: int, day: date | None
) -> Item | None:
    """The span's near candidate whose USDA name says every part as written, where its best match drops
    one: "a sugar cookie topped with icing" is USDA's "Cookie, butter or sugar, with icing or filling other
    than chocolate" (82), not the plain cookie (92) beside 36 g of icing; "an English muffin with fruit" its
    "with fruit other than raisins". Only across "with" and its kin (what USDA's names say), only a name
    that adds no food of its own, and the division still decides against the parts read alone."""
    from mgb6.foods.match import MIN_CONFIDENCE, Match, search
    from mgb6.foods.words import LEAVES_OUT, QUALIFIER_WORDS, tokens

    core, parts = entry.core, entry.parts
    joiners = [core[parts[k - 1][1] : parts[k][0]] for k in range(i + 1, j + 1)]
    if not any(_ATTACHES.search(t) or _COATED_IN.search(t) or _MADE_WITH.search(t) for t in joiners):
        return None
    ranked = search(sub.food_text, scorer.table, limit=8)
    if not ranked:
        return None
    words = tokens(core[parts[i][0] : parts[j][1]])
    said = set(words)
    said_without = {b for a, b in pairwise(words) if a in LEAVES_OUT}
    either = scorer.table.index.alternates
    floor = max(MIN_CONFIDENCE, min(ranked[0][1], 99.0) - NAMED_WITH_MARGIN)
    for food, score in ranked:
        if score < floor:
            break
        if scorer.table.foods[food].id == best.food_id:
            continue
        # the thing the name is of must be all said: "a sandwich with egg" is no "Egg white sandwich"
        thing = set(tokens(_name_of(scorer.table.foods[food].description))) - QUALIFIER_WORDS
        if not thing <= said | either.get(food, frozenset()):
            continue
        # ... and must not be without what the line says it came with ("cinnamon bun topped with frosting"
        # is never "Roll, sweet, cinnamon bun, no frosting")
        name = tokens(scorer.table.foods[food].description)
        if {b for a, b in pairwise(name) if a in LEAVES_OUT} & (said - said_without):
            continue
        out = scorer.resolve_as(sub, day, Match(food, min(99.0, score), "fuzzy"))
        if (
            isinstance(out, Item)
            and out.food_id == scorer.table.foods[food].id
            and _reads_as_one(out, scorer, entry, i, j)
            and _names_just_the_phrase(out, scorer, entry, i, j)
        ):
            return out
    return None


# a part whose amount says it was a little of something ("a splash of milk", "a pinch of salt")
_TINY = lazy(
    r"\s*(?:(?:a|an|one|just|little)\s+)*(?:little\s+)?(?:splash|dash|drop|pinch|touch|hint|smidgen|smidge|dab)"
    r"(?:es|s)?\s+of\b",
    re.I,
)
_STAND_IN = "food"
_OF_END = lazy(r"\b(?:of|half|and)\s*$", re.I)
_MEASURE_OF = lazy(r"\bof\b", re.I)


def _measured(quantity: Quantity | None) -> bool:
    from mgb6.log.units import MASS_UNITS, VOLUME_UNITS, canonical_unit

    return quantity is not None and canonical_unit(quantity.unit) in MASS_UNITS | VOLUME_UNITS


def _reported_amounts(
    cuts: list[Cut], dropped: list[int], entry: Entry, scorer: Scorer, day: date | None
) -> tuple[list[Cut], list[int]]:
    """A part that is only a weight or volume ("a pork chop, baked, weighing around 3 oz"; "a splash of milk,
    measuring out just an ounce") is the amount of the food before it, past parts left out as talk; it
    replaces that food's own amount unless that was a weight or volume too ("a medium pork chop" is 120 g
    by USDA's size, the line says 5.5 oz)."""
    from mgb6.log.parse import amount_only

    kept = list(dropped)
    for k in dropped:
        text = entry.core[entry.parts[k][0] : entry.parts[k][1]]
        # the amount reader reads an amount before a food: "3 oz" is read as the amount of a stand-in
        quantity = _quantity(f"{text} {_STAND_IN}") if amount_only(text) else None
        if not _measured(quantity):
            continue
        # the food before it: a cut ending before it, past parts that only say how, or the whole line read as
        # one food with it ("a pork chop, cooked and tender, weighing around 3 oz")
        before = [c for c, (i, j, _) in enumerate(cuts) if j < k or (i, j) == (0, len(entry.parts) - 1)]
        if not before:
            continue
        c = before[-1]
        i, j, _ = cuts[c]
        if j < k and any(m not in dropped for m in range(j + 1, k)):
            continue
        sub = _span_entry(entry, i, j) if j < k else _whole_entry(entry)
        assert quantity is not None
        if sub is not None and sub.quantity is not None and sub.quantity[:2] == quantity[:2]:
            kept.remove(k)  # the line's amount already ("a bagel, toasted, 3 oz" read whole)
            continue
        if sub is None or _measured(sub.quantity):
            continue
        weighed = scorer.resolve(sub._replace(quantity=quantity), day, record=False)
        if isinstance(weighed, Item):
            weighed.notes = [*weighed.notes, f"amount as the line gives it after the food: {text!r}"]
            cuts[c] = (i, j, weighed)
            kept.remove(k)
    return cuts, kept


def _past_a_brand(sub: Entry, scorer: Scorer) -> bool:
    """Whether the food was found by leaving out a brand USDA does not list (match.Match.brand) that leads
    a label; a part naming who made or sold it ("a cookie from Nabisco") holds its brand whole."""
    found, _ = scorer.lookup(sub.food_text)
    return found is not None and bool(found.brand) and not found.maker


def _amount_left_behind(cuts: list[Cut], entry: Entry, scorer: Scorer) -> bool:
    """ "1 cup Publix, cottage cheese": when the amount stands with words the table does not know (a brand)
    and that part is not counted while a part without an amount is, the division has most likely cut a
    food from its amount; the whole line is safer."""
    from mgb6.foods.words import tokens
    from mgb6.log.parse import split_amount

    def amount(i: int, j: int) -> tuple[bool, str]:
        try:
            q, food = split_amount(entry.core[entry.parts[i][0] : entry.parts[j][1]])
        except (ValueError, OverflowError, ZeroDivisionError):
            return False, ""
        return q is not None, food

    known = scorer.table.index.idf
    for i, j, out in cuts:
        if isinstance(out, Problem):
            has, food = amount(i, j)
            if has and not any(t in known for t in tokens(food)):
                return any(isinstance(o, Item) and not amount(a, b)[0] for a, b, o in cuts)
    return False


# USDA mixed dishes (FNDDS/WWEIA categories, and SR28's dish groups): their values include what they are
# filled or topped with, so "a taco filled with chicken" is the taco, not a taco plus a default portion of
# chicken.
DISH_CATEGORIES = (
    "Pizza",
    "sandwiches",
    "Sandwiches",
    "mixed dishes",
    "Burritos and tacos",
    "Fried rice and lo/chow mein",
    "Soups",
    "Ramen",
    "Egg rolls, dumplings, sushi",
    "Macaroni and cheese",
    "Bean, pea, legume dishes",
    "Vegetable dishes",
    "Vegetables on a sandwich",
    "Fast Foods",
    "Meals, Entrees, and Side Dishes",
    "Restaurant Foods",
    "Lettuce and lettuce salads",
    "Coleslaw, non-lettuce salads",
    "Baby food: meat and dinners",
    "Smoothies and grain drinks",  # "a smoothie with spinach and banana": what it was blended from
    "Turnovers and other grain-based items",  # "a turnover filled with meat and cheese", quiche, empanadas
    "Stir-fry and soy-based sauce mixtures",
    "Nachos",
)
# A joiner that introduces what a food is made, filled or topped with.
# A joiner that puts a little of something on a food: without an amount of its own, what follows is no
# serving of its own ("a cookie drizzled in caramel" is no 60 g of caramels).
_COATED_IN = lazy(r"\b(coated|covered|dipped)\s+(?:with|in)\b", re.I)
_COATING = lazy(
    r"\b(?:drizzled|dusted|glazed|coated|sprinkled|frosted|dipped|swirled|studded|brushed|dotted|laced"
    r"|sprayed|misted)\s+(?:with|in|by)\b",
    re.I,
)
_LISTS_CONTENTS = lazy(r"\b(?:with|including|includes)\b", re.I)
# A food that comes in its bread ("Ham sandwich", "Hamburger, on white bun", "Hot dog sandwich"): what it was
# "on" is that bread.
_ON = lazy(r"\s*,?\s*(?:served\s+)?on\s*", re.I)
_HAS_BREAD = lazy(
    r"\b(?:sandwich|sub|burger|hamburger|cheeseburger|hot dog|bun|roll|wrap|hoagie|gyro)\b", re.I
)
_FILLING = lazy(
    r"\b(?:with|w/|filled|stuffed|loaded|topped|made|featuring|heaped|packed|including|included|consisting"
    r"|drenched|smothered|combined|complete|piled|covered|garnished|brimming|bursting)\b|w/",
    re.I,
)


# What a food holds inside it: "a 37g cookie filled with sweet fruit", "a 241g frozen meal featuring chicken
# and noodles" (not "with" or "topped with": what goes beside or on top may be a serving of its own).
_INSIDE = lazy(
    r"\b(?:filled|stuffed|featuring|featured|infused|packed|brimming|bursting|loaded|swirled|studded|layered"
    r"|consisting|made)\b",
    re.I,
)
_WEIGHED = frozenset(("g", "kg", "oz", "lb", "mg"))
_ARTICLE = lazy(r"\s*(?:a|an|one)\s", re.I)


def _praised(written: str) -> bool:
    """ "a delightful blend of ...", "a hearty mix of ...": praise before the mix says the dish is being
    described again, where "a mix of fruit" alone may be a food beside it."""
    from mgb6.log.phrases import CHATTER

    held = _WHAT_IT_HOLDS.match(written)
    return held is not None and bool(set(_words(written[: held.end()])) & _frozen(CHATTER))


# a dish said again as what it is a mix of ("..., a delightful combination of spices and beef")
_WHAT_IT_HOLDS = lazy(
    r"\s*(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:medley|mix|mixture|blend|combination|assortment)\s+of\s", re.I
)


def _is_dish(item: Item | Problem) -> bool:
    """A mixed dish, whose USDA values include what a line says it was filled with; never a raw ingredient
    FNDDS files among its salads ("Mixed salad greens, raw" holds no olive oil)."""
    return (
        isinstance(item, Item)
        and any(c in item.category for c in DISH_CATEGORIES)
        and not item.food.endswith(", raw")
    )


Absorbed = tuple[Item, list[str], str]  # the item, the parts taken as part of it, and why


# A drink that is nothing but what it was blended or shaken from: named with its ingredients measured, it is
# them ("a smoothie with 1 banana, 1 cup spinach and 1 cup almond milk").
_BLENDED = lazy(r"\b(?:smoothie|shake|milkshake)s?\b", re.I)
_BLENDED_FROM = lazy(
    r"\s*[,:]?\s*(?:(?:made|blended|shaken|mixed)\s+)?(?:with|from|of|using|containing)\s*|\s*:\s*", re.I
)


def _blended_from(cuts: list[Cut], entry: Entry) -> tuple[list[Cut], list[tuple[Item, str]]]:
    """A smoothie or shake, then the foods it was made of, each with its amount (two at least): the foods
    are the drink, which is not counted again beside them (FNDDS's 324 g fruit smoothie was added to the
    banana, the spinach and the almond milk it was made of). Even "a 16 oz smoothie" is counted by what it
    was made of, which names its magnesium better than a smoothie of no stated fruit. The first food says
    so."""
    if len(cuts) < 3:
        return cuts, []
    (i, j, drink), rest = cuts[0], cuts[1:]
    core, parts = entry.core, entry.parts
    written = core[parts[i][0] : parts[j][1]]
    if not isinstance(drink, Item) or not _BLENDED.search(written):
        return cuts, []
    if not _BLENDED_FROM.fullmatch(core[parts[j][1] : parts[rest[0][0]][0]]):
        return cuts, []
    if not all(isinstance(o, Item) and _has_amount(core[parts[a][0] : parts[b][1]]) for a, b, o in rest):
        return cuts, []
    first = rest[0][2]
    assert isinstance(first, Item)
    note = f"{written!r} counted as the foods it was made of, not as {drink.food} besides them"
    return rest, [(first, note)]


def _fillings(cuts: list[Cut], entry: Entry, scorer: Scorer) -> tuple[list[Cut], list[Absorbed]]:
    """Parts without an amount of their own that only say what a counted food holds are taken as part of
    it: what a mixed dish is filled with ("a taco filled with chicken and cheese"; its USDA values
    include it), what USDA's own name for the food includes ("a cinnamon bun topped with frosting" is
    "Roll, sweet, cinnamon bun, frosted"), and what a food was made with ("oatmeal cooked with milk",
    when USDA has no food for the two together: the milk is not a glass of milk)."""
    from mgb6.log.parse import split_amount

    kept: list[Cut] = []
    absorbed: list[Absorbed] = []
    last: Item | None = None
    weighed = False  # the last food was given by its weight, which holds what it was filled with
    filled = False
    for i, j, out in cuts:
        joiner = entry.core[entry.parts[i - 1][1] : entry.parts[i][0]] if i > 0 else ""
        text = entry.core[entry.parts[i][0] : entry.parts[j][1]]
        try:
            amount = split_amount(text)[0]
        except (ValueError, OverflowError, ZeroDivisionError):
            amount = None
        if (
            last is not None
            and amount is not None
            and amount.amount == 1
            and not amount.unit
            and _ARTICLE.match(text)
            and _ON.fullmatch(joiner)
            and _HAS_BREAD.search(last.food)
        ):
            amount = None  # "a cheeseburger served on a white bun": the article is no serving of a bun
        if last is not None and amount is None:
            listed = bool(absorbed) and absorbed[-1][0] is last and joiner.strip(" ,") in ("", "and")
            why = absorbed[-1][2] if listed else ""
            # "chili packed with chicken, turkey, and beans": the list the dish's own span began
            listed = filled and joiner.strip(" ,") in ("", "and")
            if not why and listed and _may_hold(last, out, text, scorer):
                why = "a USDA mixed dish includes it"
            if not why and _is_dish(last) and _FILLING.search(joiner) and _may_hold(last, out, text, scorer):
                why = "a USDA mixed dish includes it"  # "with chicken", "..., and beans"
            elif (
                not why
                and _is_dish(last)
                and joiner.strip() == ","
                and (held := _WHAT_IT_HOLDS.match(text)) is not None
                and (
                    isinstance(out, Problem)
                    or _praised(entry.written[entry.parts[i][2] : entry.parts[j][3]])
                    or _named_in(text[held.end() :], last.food, scorer, last.food_id)
                )
                and _may_hold(last, out, text, scorer)
            ):
                # "a cup of beef curry, a delightful combination of spices and tender beef": said after the
                # dish, what it is a mix of is the dish's own (but "a sandwich, a mix of fruit" is fruit)
                why = "a USDA mixed dish includes it"
            elif not why and _made_with(entry, i):
                why = "what it was made with, not weighed on its own"
            elif not why and _ATTACHES.search(joiner) and _named_in(text, last.food, scorer):
                why = "its USDA name includes it"
            elif not why and _COATING.search(joiner):
                why = "a drizzle or coating, not weighed on its own"  # "a cookie drizzled in caramel"
            elif not why and weighed and _INSIDE.search(joiner):
                why = "inside the weight given for it"  # "a 37g cookie filled with sweet fruit"
            elif not why and _ON.fullmatch(joiner) and _HAS_BREAD.search(last.food):
                why = "the bread of the sandwich, part of its USDA values"  # "a ham sandwich on rye bread"
            if why:
                if not (absorbed and absorbed[-1][0] is last and absorbed[-1][2] == why):
                    absorbed.append((last, [], why))
                absorbed[-1][1].append(entry.written[entry.parts[i][2] : entry.parts[j][3]])
                continue
        last = out if isinstance(out, Item) else None
        weighed = amount is not None and amount.unit in _WEIGHED
        # the dish's own span ends in what it is filled with ("chili con carne, packed with chicken")
        inner = entry.core[entry.parts[j - 1][1] : entry.parts[j][0]] if j > i else ""
        filled = last is not None and _is_dish(last) and bool(_FILLING.search(inner))
        kept.append((i, j, out))
    return kept, absorbed


_NONE_GIVEN = "amount assumed (none given)"
_HOT_DRINK = lazy(r"\b(?:coffee|tea|latte|espresso|cappuccino|americano|mocha|cocoa|chai)\b", re.I)


def _added_to_a_drink(cuts: list[Cut], entry: Entry, scorer: Scorer, day: date | None) -> list[Cut]:
    """ "coffee with milk": milk poured into a hot drink, no amount said, is a splash (data/amounts.csv),
    not USDA's usual portion of milk (a cup, 244 g, more than the coffee holds); the note says so."""
    from mgb6.foods.portions import is_beverage

    out: list[Cut] = []
    for k, (i, j, done) in enumerate(cuts):
        prev = out[-1][2] if out else None
        nxt = cuts[k + 1][2] if k + 1 < len(cuts) else None
        joiner = entry.core[entry.parts[i - 1][1] : entry.parts[i][0]] if i > 0 else ""
        after = entry.core[entry.parts[j][1] : entry.parts[j + 1][0]] if j + 1 < len(entry.parts) else ""
        unsaid = isinstance(done, Item) and any(n.startswith(_NONE_GIVEN) for n in done.notes)
        into = (
            isinstance(prev, Item)
            and bool(_HOT_DRINK.search(prev.food))
            and bool(re.search(r"\bwith\b|w/", joiner, re.I))
        )  # "coffee with milk"
        into = into or (isinstance(nxt, Item) and bool(_HOT_DRINK.search(nxt.food))
                        and bool(re.fullmatch(r"\s*in\s*", after, re.I)))  # "milk in my coffee"  # fmt: skip
        if unsaid and into and isinstance(done, Item):
            food = scorer.table.foods[scorer.table.by_id[done.food_id]]
            sub = _span_entry(entry, i, j)
            if is_beverage(food) and sub is not None:
                said = f"none given for {sub.food_text} added to a hot drink"
                splash = sub._replace(quantity=Quantity(1.0, "splash", text=sub.text, assumed=said))
                again = scorer.resolve(splash, day, record=False)
                if isinstance(again, Item):
                    done = again
        out.append((i, j, done))
    return out


def _may_hold(dish: Item, part: Item | Problem, text: str, scorer: Scorer) -> bool:
    """Whether a mixed dish may hold what a part names: not what its name says it comes without, and where
    its USDA name lists what it holds, only that ("Lettuce, salad with assorted vegetables including
    tomatoes": no chicken, no avocado; "Chili with chicken", whose FNDDS names add turkey: turkey)."""
    if _left_out(dish, part) or _a_side(dish, part) or _sold_with_it_apart(dish, text, scorer):
        return False
    return not _LISTS_CONTENTS.search(dish.food) or _named_in(text, dish.food, scorer, dish.food_id)


# Breads served beside a dish: "curry with naan", "chili with cornbread", "soup with crackers"
_SIDE_BREAD = lazy(
    r"^(?:bread|rolls?\b|crackers|bagels?|biscuits?|cornbread|garlic bread)|\bnaan\b|\bpita\b", re.I
)
_ON_BREAD_DISHES = ("Pizza", "andwiches", "Burgers", "Burritos and tacos", "Frankfurter")


def _a_side(dish: Item, part: Item | Problem) -> bool:
    """A bread is served beside a dish, not in it ("chicken curry with naan": the naan was taken as part of
    the curry), unless the dish is made on bread (a sandwich, a pizza, a taco)."""
    bread = isinstance(part, Item) and (
        _SIDE_BREAD.search(part.food) is not None or "bread" in part.category.lower()
        or part.category in ("Rolls and buns", "Crackers, excludes saltines", "Saltine crackers")
    )  # fmt: skip
    return bread and not any(c in dish.category for c in _ON_BREAD_DISHES)


def _sold_with_it_apart(dish: Item, text: str, scorer: Scorer) -> bool:
    """USDA names the dish with the part as another food ("Chicken curry with rice" beside "Chicken
    curry"), so the dish's own values hold none of it."""
    from mgb6.foods.match import names_a_food
    from mgb6.foods.words import normalize, tokens

    index = scorer.table.index
    named = [t for t in tokens(text) if t.isalpha() and names_a_food(t, index)]
    return any(normalize(f"{dish.food} with {t}") in index.exact for t in named)


def _left_out(dish: Item, part: Item | Problem) -> bool:
    """Whether the dish's USDA name says it comes without what the part is: "Lettuce, salad ..., no
    dressing" does not hold the ranch dressing a line adds to it."""
    from mgb6.foods.words import tokens

    if not isinstance(part, Item):
        return False
    words = tokens(dish.food)
    without = {words[k + 1] for k, w in enumerate(words[:-1]) if w in ("no", "without")}
    return bool(without & set(tokens(part.food)))


def _named_in(text: str, description: str, scorer: Scorer, food_id: str = "") -> bool:
    """Whether every word naming a food in ``text`` is in the USDA name, as written or as another form of
    the word ("frosting" in "..., frosted": the first five letters)."""
    from mgb6.foods.match import names_a_food, respell
    from mgb6.foods.words import tokens

    index = scorer.table.index
    named = [t for t in tokens(respell(text, index)) if t.isalpha() and names_a_food(t, index)]  # ("veggies")
    food = scorer.table.foods[scorer.table.by_id[food_id]] if food_id else None
    words = tokens(description) + (tokens(food.synonyms) if food is not None else ())  # (FNDDS: "turkey")
    # what the name says the food comes without is not in it ("Roll, sweet, cinnamon bun, no frosting")
    described = [d for k, d in enumerate(words) if not (k and words[k - 1] in ("no", "without"))]
    return bool(named) and all(
        any(t == d or (len(t) >= 5 and len(d) >= 5 and t[:5] == d[:5]) for d in described) for t in named
    )


def _whole_entry(entry: Entry) -> Entry:
    return Entry(entry.path, entry.line, entry.text, entry.food_text, entry.quantity, entry.meal)


def _whole(scorer: Scorer, entry: Entry, day: date | None) -> Item | Problem:
    return scorer.resolve(_whole_entry(entry), day, record=False)


# A part that names again the food before it: "a double cheeseburger from McDonald's, the McDouble", "a
# chocolate-covered marshmallow pie, also known as a moon pie".
_RESTATES = lazy(
    r"(?:the|also\s+known\s+as|known\s+as|aka|a\.k\.a\.|called|namely|specifically|i\.e\.|just|only|exactly)\s",
    re.I,
)


_FISH_AND = lazy(r"\b(?:fish|cod|haddock|plaice|hake|pollock)\s*(?:and|&|n['’]?|'n'|\+)\s*$", re.I)


def _fish_and_chips(cuts: list[Cut], entry: Entry, scorer: Scorer, day: date | None) -> list[Cut]:
    """ "fish and chips": the chips of that dish are fries (British "chips"), and the fish is fried; alone,
    "chips" stay potato chips (data/aliases.csv). Said on each item."""
    from mgb6.foods.words import tokens

    out = list(cuts)
    for k in range(1, len(out)):
        i, j, _ = out[k]
        pi = out[k - 1][0]
        text = entry.core[entry.parts[i][0] : entry.parts[j][1]]
        before = entry.core[entry.parts[pi][0] : entry.parts[i][0]]
        if not (_FISH_AND.search(before) and tokens(text)[-1:] == ("chip",)) or "potato" in text.lower():
            continue
        for at, (a, b, done), was, means in (
            (k, out[k], "chips", "french fries"),
            (k - 1, out[k - 1], "fish", "fried fish"),
        ):
            sub = _span_entry(entry, a, b)
            if sub is None or (at == k - 1 and (not isinstance(done, Item) or "fried" in done.food.lower())):
                continue
            said = re.sub(rf"\b{was}\b", means, sub.food_text, flags=re.I)
            if said == sub.food_text:
                continue  # ("cod and chips": the cod is as the line said it)
            again = scorer.resolve(sub._replace(food_text=said), day, record=False)
            if isinstance(again, Item):
                again.notes = [*again.notes, f"{was!r} of fish and chips read as {means}"]
                out[at] = (a, b, again)
    return out


_OWN_SOURCE = lazy(r"\b(?:home|homemade|home-made|frozen|canned|school|store|bakery)\b", re.I)


def _from_the_same_place(cuts: list[Cut], entry: Entry, scorer: Scorer, day: date | None) -> list[Cut]:
    """ "a Big Mac and a medium fries": beside a food from a fast-food place, a food that says no source of
    its own is that place's too, where USDA codes the same food "fast food" (fries, hash browns, biscuits);
    said on the item. Never for what the line says was made at home or bought frozen."""
    from mgb6.foods.match import as_sold_by_restaurants, from_a_restaurant

    table = scorer.table

    def restaurant(item: Item | Problem) -> bool:
        return (
            isinstance(item, Item)
            and item.food_id in table.by_id
            and from_a_restaurant(table.by_id[item.food_id], table)
        )

    if not any(restaurant(done) for _, _, done in cuts):
        return cuts
    out = list(cuts)
    for k, (i, j, done) in enumerate(out):
        if not isinstance(done, Item) or restaurant(done) or done.food_id is None:
            continue
        sub = _span_entry(entry, i, j)
        if sub is None or _OWN_SOURCE.search(sub.food_text):
            continue
        sold = as_sold_by_restaurants(table.by_id[done.food_id], table)
        if sold is None:
            continue
        food = table.foods[sold.food_index]
        again = scorer.resolve(sub._replace(food_text=food.description), day, record=False)
        if isinstance(again, Item) and again.food_id == food.id:
            again.notes = [*again.notes, "counted as fast food, like the food beside it (the line names no "
                           "other source for it)"]  # fmt: skip
            out[k] = (i, j, again)
    return out


def _restatements(cuts: list[Cut], entry: Entry) -> tuple[list[Cut], list[tuple[Item, str]]]:
    """A food said again by its name, after a comma ("..., the McDouble") or "also known as", is one food:
    the named one, of the same USDA category, counted once; a restatement mgb6 cannot read ("also known as
    a moon pie") is read as the food before it. Each is said on the item it became (its note)."""
    kept: list[Cut] = []
    restated: list[tuple[Item, str]] = []
    for i, j, out in cuts:
        text = entry.core[entry.parts[i][0] : entry.parts[j][1]]
        joiner = entry.core[entry.parts[i - 1][1] : entry.parts[i][0]] if i else ""
        before = kept[-1][2] if kept else None
        says = _RESTATES.match(text)
        if isinstance(before, Item) and "," in joiner and says is not None:
            if isinstance(out, Item) and out.category and out.category == before.category:
                said = entry.written[entry.parts[kept[-1][0]][2] : entry.parts[kept[-1][1]][3]]
                kept[-1] = (kept[-1][0], j, out)
                restated.append((out, f"{said!r} is the same food, said again: counted once"))
                continue
            if isinstance(out, Problem) and not says.group().lower().startswith("the"):
                said = entry.written[entry.parts[i][2] : entry.parts[j][3]]
                kept[-1] = (kept[-1][0], j, before)
                restated.append((before, f"{said!r} read as the same food, said again"))
                continue
        kept.append((i, j, out))
    return kept, restated


def resolve_parts(scorer: Scorer, entry: Entry, day: date | None) -> tuple[Item | Problem, ...]:
    """The items (and problems) of a line that may hold several foods, each marked with its part."""
    cuts, dropped = divide(scorer, entry, day)
    if len(cuts) == 1 and not dropped:
        return (cuts[0][2],)
    whole_line = len(cuts) == 1 and cuts[0][:2] == (0, len(entry.parts) - 1)
    if len(cuts) == 1 and isinstance(cuts[0][2], Item) and (entry.core == entry.written or whole_line):
        # a plain line kept whole but for its preparation words, or a sentence read whole but for its talk:
        # the item stands for the line
        item = cuts[0][2]
        left = [entry.written[entry.parts[k][2] : entry.parts[k][3]] for k in dropped]
        if any(n.startswith("drained: ") for n in item.notes):  # (weighed: USDA's drained can)
            left = [t for t in left if t.lower() != "drained"]
        if not left:
            return (item,)
        talk = ", ".join(repr(t) for t in left)
        said = "preparation not weighed" if entry.core == entry.written else "not read as food"
        item.notes = [*item.notes, f"{said}: {talk}"]
        return (item,)
    cuts, blended = _blended_from(cuts, entry)
    cuts, absorbed = _fillings(cuts, entry, scorer)
    cuts = _added_to_a_drink(cuts, entry, scorer, day)
    cuts = _fish_and_chips(cuts, entry, scorer, day)
    cuts = _from_the_same_place(cuts, entry, scorer, day)
    cuts, restated = _restatements(cuts, entry)
    n = len(cuts)
    out: list[Item | Problem] = []
    for k, (i, j, done) in enumerate(cuts, start=1):
        written = entry.written[entry.parts[i][2] : entry.parts[j][3]]
        if isinstance(done, Problem):
            out.append(done._replace(part=k, parts=n, part_text=written))
        else:  # a fresh item (Scorer.resolve restamps every memoised one): safe to mark
            done.part, done.parts, done.part_text = k, n, written
            out.append(done)
    for dish, words, why in absorbed:
        said = ", ".join(repr(w) for w in words)
        dish.notes = [*dish.notes, f"{said} taken as part of {dish.food} ({why})"]
    for item, note in restated + blended:
        item.notes = [*item.notes, note]
    if dropped:
        talk = ", ".join(repr(entry.written[entry.parts[k][2] : entry.parts[k][3]]) for k in dropped)
        first = next((o for o in out if isinstance(o, Item)), None)
        if first is not None:  # notes are shared with the memo: a new list, never an append
            first.notes = [*first.notes, f"not read as food: {talk}"]
    return tuple(out)
