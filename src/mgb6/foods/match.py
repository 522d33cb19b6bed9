"""Match the food words of a log line to a USDA food: aliases, exact names, then a weighted fuzzy search."""

from __future__ import annotations

import heapq
import re
from array import array
from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from mgb6.foods.index import OR_PAIR, PLURAL_KEY, SearchIndex, group_lead
from mgb6.foods.words import (
    COOKED_WORDS,
    CUT_WORDS,
    DISH_WORDS,
    FLAVOR_WORDS,
    FORM_WORDS,
    GROUP_WORDS,
    HOW_KEPT,
    LABEL_WORDS,
    LEAVES_OUT,
    MEAL_WORDS,
    MEASURE_WORDS,
    MIXED_DISHES,
    NON_DAIRY,
    PHRASES,
    PLANT_MILK_WORDS,
    PREP_WORDS,
    QUALIFIER_WORDS,
    RAW_WORDS,
    RECIPE_WORDS,
    SKIN_OFF_WORDS,
    SKINLESS_NAMED,
    STOPWORDS,
    SUBSTITUTE_WORDS,
    VERB_FORMS,
    normalize,
    singular,
    tokens,
    wordset,
)
from mgb6.lazyre import lazy
from mgb6.log.phrases import CHATTER, HOW_WORDS
from mgb6.log.units import CUP_SIZES, PRODUCT_SIZES, SIZES, is_unit_spelling

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mgb6.foods.table import FoodTable
    from mgb6.models import Food


MIN_CONFIDENCE = 60.0
# a generic food stands in for a brand's product only when what the label says after the brand names it
# surely: "Boursin, Garlic & Herb" is a cheese, not garlic (73)
BRAND_REST_MIN = 75.0
ALIAS_BONUS = 6.0  # a reviewed everyday phrase outranks a description that reads the same
SWITCH_MARGIN = 10.0  # how close a candidate must score to replace one lacking the user's measure
ALIAS_SWITCH_MARGIN = 3.0
SHORTLIST = 80  # choices scored in full per query, by summed word weight
COMMON_POSTINGS = 600  # a word in more choices than this only re-weighs choices rarer words found


_TRAILING_SIZE = lazy(r"\s*,\s*(?:extra[ -])?(?:small|medium|large|jumbo|regular)(?:[ -]sized?)?\s*$", re.I)


class Match(NamedTuple):
    """A chosen food with the confidence (0-100) the matcher had in it and how it was found."""

    food_index: int
    confidence: float
    method: str  # "alias" | "exact" | "fuzzy"
    brand: str = ""  # a brand USDA does not list, left out to find the generic food ("Publix")
    variant: str = ""  # a label's trailing variant left out to find the food ("Chocolate", "Original")
    prepared: str = ""  # recipe words left out to find a reviewed phrase ("sifted", "drained")
    maker: bool = False  # the brand was said as who made or sold it ("from Little Debbie", "Taco Bell taco")
    place: str = ""  # where it came from, left out to find the food ("straight from the freezer")
    without: str = ""  # what the line says it came without, left out to find the food ("without sugar")


K = TypeVar("K")
V = TypeVar("V")


class _PerTable(Generic[K, V]):
    """A memo that holds for one loaded table only: asked about another table, it starts empty. The
    owner is an object of the table that never changes while it is loaded (its idf, its foods)."""

    def __init__(self) -> None:
        self.owner: object = None
        self.map: dict[K, V] = {}

    def of(self, owner: object) -> dict[K, V]:
        if self.owner is not owner:
            self.owner, self.map = owner, {}
        return self.map


_corrected: _PerTable[str, str | None] = _PerTable()


def _correct(token: str, index: SearchIndex) -> str | None:
    """Map a misspelt word to the closest word the table knows (rapidfuzz, imported only when needed).

    Only words with the same first letter and a similar length are compared ("brocolli", "avacado",
    "bananna": people rarely get the first letter wrong), which keeps an unknown word's cost small; the
    answer is memoised per table, so a long line of unknown words costs each word once.
    """
    if len(token) < 4 or not token.isalpha() or token in CUT_WORDS or token in RECIPE_WORDS:
        return None  # ("beaten" is no misspelt "beater")
    if is_unit_spelling(token):
        return None  # ("a pint of semi skimmed": a pint is no misspelt pinto bean)
    memo = _corrected.of(index.by_initial)
    if token in memo:
        return memo[token]
    from rapidfuzz import fuzz, process

    n = len(token)
    pool = [w for size in range(n - 2, n + 3) for w in index.by_initial.get(f"{token[0]}{size}", ())]
    hit = process.extractOne(token, pool, scorer=fuzz.ratio, score_cutoff=82) if pool else None
    if len(memo) > 100_000:
        memo.clear()
    memo[token] = found = hit[0] if hit else None
    return found


def _slip_fixed(token: str, index: SearchIndex) -> str:
    """``token``, or the table's word it is one slip from ("sandwhich"; never "slushie" as "sushi")."""
    if token in index.idf:
        return token
    word = _correct(token, index)
    return word if word is not None and _one_slip(token, word) else token


def misspelt(token: str, index: SearchIndex) -> bool:
    """Whether ``token`` is a word the table knows with one slip ("avacado"): a food said, never a variety
    or a unit to leave out."""
    return _slip_fixed(token, index) != token


def _one_slip(said: str, word: str) -> bool:
    """Whether ``said`` is ``word`` with one letter left out, added, changed or two swapped."""
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(said, word) <= 1


def _weight(t: str, idf: dict[str, float]) -> float:
    w = idf.get(t, 8.0)
    return 0.3 * w if t in QUALIFIER_WORDS else w


def _choice_weight(toks: list[str], idf: dict[str, float]) -> float:
    """Total weight of a choice's words; SR28's leading group word ("Nuts, ...") counts a tenth."""
    total = sum(_weight(t, idf) for t in sorted(set(toks)))
    if toks and toks[0] in GROUP_WORDS:
        total -= 0.9 * _weight(toks[0], idf)
    return total or 1.0


def _query_weight(t: str, idf: dict[str, float]) -> float:
    w = idf.get(t, 8.0)
    # texture words ("creamy", "chilled", "crispy") weigh as little as qualifiers: rare in USDA's names,
    # they would otherwise outweigh the food itself ("creamy margarine")
    return 0.3 * w if t in _LIGHT else w


_NONE: frozenset[str] = frozenset()
_PREP_ONLY = PREP_WORDS - COOKED_WORDS - RAW_WORDS
_NOT_CORE = GROUP_WORDS | QUALIFIER_WORDS
# Query words that say how, how much or what kind rather than which food: a candidate may lack them.
# Chatter and descriptors: they start some USDA name ("Creamy dressing", "White rice") but rarely name
# the food in a log ("creamy Greek yogurt", "ground walnuts").
# Of those, the words for how a food feels, how warm it is and how much one likes it: they never make
# another food ("crispy bacon" is bacon), unlike colours and tastes ("white chocolate", "sweet tea").
TEXTURE_WORDS = wordset(
    """creamy juicy crispy crunchy tasty delicious yummy refreshing hearty savory tangy fluffy tender
    warm chilled cold icy cool fizzy frosty favorite favourite usual smooth rich bold chewy gooey flaky moist
    freshly classic cheesy chocolaty chocolatey fruity nutty buttery meaty garlicky lemony peppery minty smoky
    smokey"""
)
# A sentence's words for how a food was served or liked ("a simple frankfurter", "a hearty sub"): rare in
# USDA's names, so they would weigh more than the food; how it was cooked, kept or sweetened still counts.
_SAYS_HOW = (
    wordset(" ".join(HOW_WORDS + CHATTER))
    - PREP_WORDS - COOKED_WORDS - RAW_WORDS - FORM_WORDS - RECIPE_WORDS
    - wordset("""plain unsalted unsweetened light lean extra skinless boneless hot cold iced bottled soft
    whipped frosted glazed filled stuffed coated single side sweetened calcium vitamin vitamins c d iron
    fortified added flavor flavors flavour"""))  # fmt: skip
_LIGHT = QUALIFIER_WORDS | CUT_WORDS | MEASURE_WORDS | TEXTURE_WORDS | _SAYS_HOW
_DESCRIBING = TEXTURE_WORDS | wordset(
    """food restaurant school cafeteria fast home style sweet ground halves white yellow red golden
    crisp"""
)
# products a line names after what they are made of or taste of ("vinegar chips", "almond flour"): the thing
# named, unlike the other preparation words, so a candidate leaving one out pays as for any food word
_PRODUCT_NOUNS = frozenset(("chip", "flour"))
_NOT_NAMING = (QUALIFIER_WORDS | CUT_WORDS | (PREP_WORDS - _PRODUCT_NOUNS) | MEASURE_WORDS | LABEL_WORDS
               | GROUP_WORDS | MEAL_WORDS | RECIPE_WORDS | _DESCRIBING | _SAYS_HOW)  # fmt: skip
# Words that never name a food by themselves ("cooked", "crispy", "bowl", "lunch"); unlike _NOT_NAMING,
# "soup", "juice", "fish" and "nuts" do
# Words of talk that some USDA synonym happens to hold ("myself", "full", "day"), and the nouns a sentence
# restates a food with ("a pumpkin pie, a classic dish", "a true comfort food", "a sweet treat"): never a
# food named, though "vegetable dish" or "Rice Krispies Treats" names one by its other words.
_TALK_WORDS = wordset(
    """i me myself my we us our ourselves it its they them their you your this that these those
    both all each every full day time today tonight morning evening afternoon night
    at on up out over as during one what into away own inside straight until once than about around off
    through after before since while middle spot place break routine ritual start end comfort delight
    hunger thirst craving cravings level levels boost part parts
    dish treat option choice indulgence staple combination companion experience creation
    place joint menu dollar drive thru pizzeria freezer fridge chain outlet counter favorite favourite
    enjoy enjoyed enjoying sip sipping dip dipping kickstart alongside other any hint needed condiment
    combo"""
)
# (talk weighs as little in a query as a qualifier: "fries from my favorite fast food place" are fast food)
_LIGHT = _LIGHT | _TALK_WORDS
# (nor does a size: "a crisp medium apple" must reach the apples, not only the medium-grain rices; it still
# weighs in full, "a small hamburger" being USDA's burger with its small patty)
_SIZED = frozenset(w for size in SIZES for w in size.split())
# ("dry" says how a food was measured: "1/2 cup dry" alone was 64 g of dry chicken gravy)
_NAMES_NOTHING = (QUALIFIER_WORDS | CUT_WORDS | MEASURE_WORDS | LABEL_WORDS | MEAL_WORDS | RECIPE_WORDS
                  | _DESCRIBING | COOKED_WORDS | RAW_WORDS | _TALK_WORDS | _SAYS_HOW | _SIZED
                  | {"dry"})  # fmt: skip
_NEGATIONS = frozenset(("no", "without", "not"))
_HOMEMADE = frozenset(("homemade", "home"))
_BOUGHT = frozenset(
    ("restaurant", "fast", "bottled", "commercial", "commercially", "canned", "packaged", "ready")
)
_SAME_THING = tuple(
    (frozenset(one.split()), frozenset(other.split()))
    for a, b in (("nonfat", "fat free"), ("nonfat", "skim"), ("veggie", "vegetarian"), ("veggie", "meatless"))
    for one, other in ((a, b), (b, a))
)
_NOT_FRESH = frozenset(("frozen", "canned", "dried", "dehydrated", "freeze", "powder", "powdered"))
_OTHER_FLAVORS = frozenset(("flavors", "flavor", "other", "than"))
NEGATED_COST = 25.0  # a food the line says it came without ("no gravy") that the candidate comes with
WITH_COST = 9.0  # per food a candidate comes "with" that the line does not name
KIND_SHARE = 0.8  # what naming the thing ("cherry") is worth where USDA names its kind ("fruit")
# where a food came from, the same food (not school: a school lunch is its own recipe, twice the Mg of a
# pizzeria's pizza)
_SOURCES = frozenset(("restaurant", "fast"))
_CAME_FROM = _SOURCES | {"food"}
_GRAIN_KINDS = frozenset(("whole", "gluten", "multigrain", "brown"))  # whole wheat, gluten-free, brown rice
UNCOVERED_COST = 12.0  # per food-naming word of the query's head the candidate does not explain
SWAPPED_COST = 8.0  # ... and the candidate's own leading food word is one the user did not write
# ... more when that word is the last of the head, which English makes the thing named ("maple syrup
# breakfast sausage" is a sausage, "peanut butter cookie" a cookie)
LAST_NOUN_COST = 8.0
_ROLES = frozenset(("topping", "filling", "garnish", "side"))  # "a sour cream topping" is sour cream
MODIFIER_COST = 10.0  # the line's thing named only as what qualifies another of its words
NAME_HEAD_BONUS = 6.0  # USDA's name leads with the very food words the line names, in its order
PRODUCT_RAW_COST = 10.0  # ... nor is it USDA's raw food ("kale chips", "beet chips": asked)
COVERED_BONUS = 6.0  # every food-naming word explained: the whole phrase names this food (a dish)
BRAND_ONLY_COST = 20.0  # "chick" is not "CHICK-FIL-A, Chick-n-Strips": a brand's name alone is no product
# where one word stops qualifying the next in a USDA name: "Chicken deli sandwich or sub", "Pizza with extra
# meat", "Cheeseburger (McDonalds)"
_NAME_PARTS = lazy(r"[,()/]|\b(?:or|and|with|on|in|from|without|no)\b", re.I)
_OR_RIGHT = lazy(r"\s+or\s+[a-z]+\b")  # "Chicken or turkey salad": the chicken salad ...
_OR_LEFT = lazy(r"\b[a-z]+\s+or\s+")  # ... and the turkey salad
_IN_BREAD = lazy(r"\s+in\s+(?=(?:an?\s+|the\s+)?(?:[a-z]+\s+)?(?:bun|roll|pita|hoagie|bap)s?\b)", re.I)
_IN_A_VESSEL = lazy(r"\s(?:in|from|out\s+of)\s", re.I)
_FOR_USE = lazy(r"\bfor use (?:on|with|in) (.*)$", re.I)
# Per-table memo of candidate-side weights: idf never changes for a loaded table, so each token's weight
# and each choice's total are computed once (keeps a fuzzy query well under a millisecond).
_MAKER = lazy(r"\(([^()]*)\)\s*$")
_token_weights: _PerTable[str, float] = _PerTable()
_food_heads: _PerTable[int, tuple[tuple[tuple[str, ...], frozenset[str]], ...]] = _PerTable()


class _Choice(NamedTuple):
    """What scoring needs of one choice, worked out once per table."""

    tokens: list[str]
    words: frozenset[str]
    described: frozenset[str]  # its words and, for an alias or synonym, its food's USDA name's
    core: frozenset[str]  # the words naming the food itself
    weight: float
    added: frozenset[str]  # what the food comes "with" in its USDA name
    maker: frozenset[str]  # the words of FNDDS's parentheses naming who makes it, weighed lightly
    came_from: float  # the weight of where it came from ("from restaurant or fast food"), when unsaid
    left_out: frozenset[str]  # what its name says it has not ("icing other than chocolate": chocolate)
    name_heads: tuple[_Head, ...]  # the food words its USDA name leads with (see _name_heads)


_choice_totals: _PerTable[int, _Choice] = _PerTable()


def _named_by_a_seeming_word(q: tuple[str, ...], description: str) -> bool:
    """Whether USDA's inverted name makes a food of a word the line used to describe another: "Crisp, apple"
    is apple crisp, but "a crisp apple" names the apple (the describing word comes first); "Sweet potato"
    (one segment) stays the sweet potato."""
    first, _, rest = description.partition(",")
    lead = tokens(first)
    if len(lead) != 1 or lead[0] not in _SEEMED or lead[0] not in q:
        return False
    later = set(tokens(rest))
    at = q.index(lead[0])
    return any(t in later for t in q[at + 1 :])


_word_order: _PerTable[int, tuple[dict[str, frozenset[str]], frozenset[str]]] = _PerTable()
_aliases_by_text: _PerTable[str, int] = _PerTable()
_plain_meat: _PerTable[int, bool] = _PerTable()


# FNDDS's plain meat and fish: coded as eaten, so a name that says no cooking ("Beef, NFS") is cooked meat
_FNDDS_MEAT = frozenset((
    "Beef, excludes ground", "Ground beef", "Pork", "Lamb, goat, game", "Fish", "Shellfish",
    "Turkey, duck, other poultry", "Chicken, whole pieces", "Liver and organ meats",
))  # fmt: skip


def _eaten_cooked_unsaid(table: FoodTable, food_i: int) -> bool:
    """Whether a food is FNDDS meat or fish whose name says no cooking ("Beef, NFS"): a line's "cooked"
    is explained by it ("cooked beef" is FNDDS's beef as eaten, never SR28's separable fat)."""
    food = table.foods[food_i]
    if food.category not in _FNDDS_MEAT or not food.id.startswith("fndds:"):
        return False
    memo = _plain_meat.of(table.index.idf)
    plain = memo.get(food_i)
    if plain is None:
        plain = memo[food_i] = not set(tokens(food.description)) & (COOKED_WORDS | RAW_WORDS)
    return plain


def _alias_choices(table: FoodTable) -> dict[str, int]:
    """Each reviewed alias's choice number by its text, built once per table when a line first needs it."""
    memo = _aliases_by_text.of(table.index.idf)
    if not memo:
        index = table.index
        memo.update((index.choices[c], c) for c in range(len(index.choices)) if index.choice_kind[c] == 2)
    return memo


def _qualifies_only(c: int, word: str, said: set[str], table: FoodTable) -> bool:
    """Whether choice ``c``'s name uses ``word`` only to qualify another word of ``said`` ("Candies, milk
    chocolate" for the milk of "chocolate milk"). Each name's word order is worked out once per table, and
    only for names holding the line's thing."""
    memo = _word_order.of(table.index.idf)
    order = memo.get(c)
    if order is None:
        index = table.index
        name = table.foods[index.choice_food[c]].description if not index.choice_kind[c] else index.choices[c]
        parts = [tokens(p) for p in _NAME_PARTS.split(name)]
        followed: dict[str, frozenset[str]] = {}
        for part in parts:
            for a, b in pairwise(part):
                followed[a] = followed.get(a, _NONE) | {b}
        order = memo[c] = (followed, frozenset(part[-1] for part in parts if part))
    followed, ends = order
    return word not in ends and bool(followed.get(word, _NONE) & said)


def _only_added(ctoks: list[str], words: frozenset[str]) -> bool:
    """Whether a name says the words only of something added ("with added nonfat milk solids" is no nonfat
    milk)."""
    at = [k for k, t in enumerate(ctoks) if t in words]
    return bool(at) and all(k > 0 and ctoks[k - 1] == "added" for k in at)


def _said_without(q: tuple[str, ...], word: str) -> bool:
    return word in _NEGATIONS or any(q[k + 1] == word for k in range(len(q) - 1) if q[k] in _NEGATIONS)


_Head = tuple[tuple[str, ...], frozenset[str]]


def _name_heads(description: str, table: FoodTable) -> tuple[_Head, ...]:
    """The food words a USDA name leads with, as a line would say them: "Egg salad, made with mayonnaise" is
    "egg salad", "Chicken or turkey salad" a "chicken salad", SR28's inverted "Beans, kidney, red" "kidney
    beans", "Snacks, rice cakes" "rice cakes"; each with the other words of that lead a line must say too
    ("bar" of "Snack, Mixed Berry Bar": no "mixed berries")."""
    index = table.index

    def naming(text: str) -> _Head:
        said = [t for t in tokens(text) if len(t) > 2 and t not in QUALIFIER_WORDS and t not in GROUP_WORDS]
        named = tuple(
            t for t in said if (t in index.food_words or t in table.aliases) and t not in _NOT_NAMING
        )
        # (the rest that names a dish or product: "bar", never a describing word such as "classic")
        return named, frozenset(t for t in said if t in DISH_WORDS) - frozenset(named)

    lowered = description.lower()
    heads = []
    # (either side of an "or": "Cookie, butter or sugar" is a sugar cookie)
    for said in dict.fromkeys((_OR_RIGHT.sub("", lowered), _OR_LEFT.sub("", lowered))):
        heads.append(naming(_HEAD_ENDS.split(said, maxsplit=1)[0]))
        parts = said.split(",")
        first = tokens(parts[0])
        if len(parts) >= 2 and len(first) == 1:
            second = _HEAD_ENDS.split(parts[1], maxsplit=1)[0]
            heads.append(naming(f"{second} {parts[0]}"))
            if first[0] in GROUP_WORDS:
                heads.append(naming(second))
    return tuple(dict.fromkeys(h for h in heads if len(h[0]) >= 2))


def _made_with(word: str) -> frozenset[str]:
    """USDA's word for a food made with ``word``: "frosted" for "frosting", "breaded" for "breading"."""
    if word.endswith("ing") and len(word) > 6:
        return frozenset((word[:-3] + "ed",))
    return _NONE


def _said_without_words(q: tuple[str, ...]) -> set[str]:
    """The words a line says its food came without ("no", "gravy" in "roast beef no gravy")."""
    negated = {q[k + 1] for k in range(len(q) - 1) if q[k] in _NEGATIONS}
    return negated | (_NEGATIONS & set(q)) if negated else set()


# colours and tastes: part of the name in "sweet potato", "white rice"; how a food seemed in "a sweet kiwi"
_SEEMED = wordset("sweet white yellow red golden crisp brown green colorful colourful hot")


# Words of how a food was made or kept, never which food: an FNDDS synonym of these alone is no name.
_HOW_ONLY = (
    PREP_WORDS
    | COOKED_WORDS
    | RAW_WORDS
    | FORM_WORDS
    | QUALIFIER_WORDS
    | wordset(
        """stir pan deep oven air fat added no not from restaurant home recipe cooking spray with without as
        to or"""
    )
)


def _how_only(choice: str) -> bool:
    return all(t in _HOW_ONLY for t in choice.split())


def _named_together(table: FoodTable, a: str, b: str) -> bool:
    """Whether some USDA name (or synonym) holds both words, ``a`` describing the food rather than being it:
    "Rice, white" pairs white with rice; "Crisp, apple" (apple crisp) does not pair crisp with an apple."""
    index = table.index
    first, second = index.postings.get(a, b""), index.postings.get(b, b"")
    if not first or not second:
        return False
    one, other = array("i"), array("i")
    one.frombytes(first)
    other.frombytes(second)
    # (nor does a pair of tastes: "Soup, hot and sour" pairs no "hot" with a plain soup)
    tastes = re.compile(rf"\b{re.escape(a)}\s+(?:and|&)\s")
    return any(
        tokens(name.partition(",")[0]) != (a,) and not tastes.search(name.lower())
        for c in sorted(set(one) & set(other))
        if (name := table.foods[index.choice_food[c]].description)
    )


_food_portion_words: _PerTable[int, frozenset[str]] = _PerTable()
# (sizes are how much, never a shape: "medium", "king", "fun", "personal")
_SIZE_WORDS = frozenset(
    w for size in (*SIZES, *PRODUCT_SIZES, *CUP_SIZES, "personal", "regular") for w in size.split()
)
# portion words that say how much or which meal, never what form the food came in ("an 11 oz Lean Cuisine
# meal" names no entree of FNDDS's "1 meal" rows)
_NOT_A_SHAPE = MEAL_WORDS | MEASURE_WORDS | QUALIFIER_WORDS | _LIGHT | _SIZE_WORDS | {"default", "inch"}


def _portion_words(table: FoodTable, food_i: int) -> frozenset[str]:
    """The words of a food's USDA portion units ("patty", "rod", "link", "stick"), read once per food."""
    memo = _food_portion_words.of(table)
    words = memo.get(food_i)
    if words is None:
        words = memo[food_i] = (
            frozenset(t for p in table.portions(food_i) for t in tokens(p.unit) if not t[:1].isdigit())
            - _NOT_A_SHAPE
        )
    return words


def _choice_weights(index: SearchIndex) -> tuple[dict[str, float], dict[int, _Choice]]:
    return _token_weights.of(index.idf), _choice_totals.of(index.idf)


def _score(
    q: tuple[str, ...],
    c: int,
    table: FoodTable,
    weights: dict[str, float],
    head: frozenset[str] = frozenset(),
    naming: tuple[str, ...] = (),
    either: dict[str, frozenset[str]] | None = None,
    wq: float = 0.0,
    last: str = "",
    repeated: frozenset[str] = _NONE,
    noun: tuple[str, str, frozenset[str]] = ("", "", _NONE),
    seemed: frozenset[str] = _NONE,
    head_named: tuple[str, ...] = (),
) -> float:
    """0-100ish: how much of the query the choice covers, how much of the choice is explained, minus costs.

    Costs, in order of weight: the preparation contradicts the user's (raw vs cooked), a word naming the
    food itself that the user did not write ("oil" in "Walnut oil"), a dish or product word the user did
    not write ("salad", "chips"), any other preparation word the user did not write.
    """
    index = table.index
    idf = index.idf
    either = either or {}
    token_w, choice_w = _choice_weights(index)
    food_i = index.choice_food[c]
    kind = index.choice_kind[c]
    info = choice_w.get(c)
    if info is None:
        ctoks = index.choices[c].split()
        cset = frozenset(ctoks)
        # an alias or synonym names the food; its preparation is in the USDA description
        # (descriptions are the first choices, one per food, in food order)
        described = cset if not kind else cset | frozenset(index.choices[food_i].split())
        # the words naming the food: past SR28's leading group ("Nuts, walnuts"), but a group word inside
        # the name stays ("Fish and rice with cream sauce" is no "rice with cream sauce")
        description = table.foods[food_i].description
        lead = group_lead(description) if not kind else 0
        # FNDDS's parentheses name the product ("(Cheetos)", an exact key of its own) or, shared by several
        # foods, who makes it ("Whopper (Burger King)"): the maker a line need not say, so it weighs little
        maker = _MAKER.search(description) if not kind else None
        light = _NONE
        if maker is not None and normalize(maker.group(1)) not in index.exact:
            light = frozenset(tokens(maker.group(1)))
        # FNDDS's ingredients "for use on a sandwich", "for use with vegetables": what they go on or with is
        # no word of the food ("bacon sandwich" is no 16 g of sandwich bacon)
        use = _FOR_USE.search(description) if not kind else None
        if use is not None:
            gone = frozenset(tokens(use.group(1)))
            cset, described = cset - gone, described - gone
        core0 = frozenset(ctoks[lead : index.core[c]]) - QUALIFIER_WORDS - light
        # what the food comes "with" ("Pizza, cheese, with fruit"): a food the line must have named
        added = frozenset(t for part in re.split(r"\bwith\b", description.lower())[1:]
                          for t in tokens(part.split(",")[0]) if t in index.food_words) - core0  # fmt: skip
        weight = _choice_weight(ctoks, idf) - 0.7 * sum(_weight(t, idf) for t in sorted(light))
        # ... and where it came from ("from restaurant or fast food"), when the line does not say it
        came_from = 0.7 * sum(_weight(t, idf) for t in sorted(cset & _CAME_FROM)) if cset & _SOURCES else 0.0
        left_out = frozenset(b for a, b in pairwise(ctoks) if a in LEAVES_OUT)
        # (the food's, by whichever of its names; a reviewed alias is also the very phrase a line says: "rice
        # cake" must not lose to FNDDS's "Rice cake")
        heads = _food_heads.of(idf)
        if food_i not in heads:  # (once per food, whichever of its names is scored first)
            heads[food_i] = _name_heads(description, table)
        name_head = heads[food_i]
        if kind == 2:
            name_head += _name_heads(index.choices[c], table)
        info = choice_w[c] = _Choice(
            ctoks, cset, described, core0, max(weight, 1.0), added, light, came_from, left_out, name_head
        )
    ctoks, cset, described, core0, wc, added, maker_words, came_from, left_out, name_heads = info
    if not kind and _named_by_a_seeming_word(q, table.foods[food_i].description):
        # "a crisp medium apple" is an apple: USDA's "Crisp, apple" (apple crisp) names its dish with a word
        # the line only described the apple with, which explains nothing there
        cset, described = cset - {ctoks[0]}, described - {ctoks[0]}
    elif kind == 1:
        # an FNDDS synonym naming a food its food is not names who sells it ("Dunkin Donuts" under coffee
        # creamer): that food word explains nothing there ("dunkin donut" was 20 g of creamer)
        own = frozenset(index.choices[food_i].split())
        lead = table.foods[food_i].description.split(",")[0].lower()
        # (a reviewed name of another kind of food: "donut", never "oreo" under an Oreo cookie)
        foreign = {
            t
            for t in cset - own - _NAMES_NOTHING
            if t in table.aliases and table.foods[table.aliases[t]].description.split(",")[0].lower() != lead
        }
        # (only beside a name no USDA food has: a synonym "tostada" under a taco is another name for it; or
        # when the synonym is nothing but other foods: "bread and butter" under sweet pickles names bread and
        # butter, never the pickles, unless the line says them)
        rest = cset - own - foreign - _NAMES_NOTHING
        nothing_but_foods = len(foreign) > 1 and not rest and not own.intersection(q)
        if foreign and (any(t not in index.food_words for t in rest) or nothing_but_foods):
            cset, described = cset - foreign, described - foreign
    qset = set(q)
    for t in sorted(seemed & cset):
        # how the food seemed ("a bowl of hot soup") is half of no taste pair the line did not say: "Soup, hot
        # and sour" explains no "hot" there
        pair = re.search(rf"\b{t}\s+(?:and|&)\s+(\w+)", table.foods[food_i].description.lower())
        if pair is not None and pair.group(1) not in qset:
            cset, described = cset - {t}, described - {t}
    if left_out & FLAVOR_WORDS and "other" in cset and not qset & _OTHER_FLAVORS:
        # FNDDS's "flavors other than chocolate" is its entry for a flavour not said ("a milkshake", "a
        # pudding"): the words saying so are no words the line left out, as the chocolate one's "chocolate"
        # is (a third more magnesium, from the cocoa); nor is the flavour it is not one the line said
        said_so = (cset & _OTHER_FLAVORS) | (left_out & FLAVOR_WORDS)
        wc = max(wc - sum(_weight(t, idf) for t in sorted(said_so)), 1.0)
        cset, described = cset - said_so, described - said_so
    # "with non-dairy milk" names the oat, soy or almond milk a line says (as its words), and is never the
    # milk it does not call so ("a whole milk latte" was FNDDS's latte with non-dairy milk)
    non_dairy = cset >= NON_DAIRY
    plant = qset & PLANT_MILK_WORDS if non_dairy else _NONE
    if plant:
        qset = qset | NON_DAIRY
    if came_from and not qset & _CAME_FROM:
        wc = max(wc - came_from, 1.0)
    if "cooked" in qset and _eaten_cooked_unsaid(table, food_i):
        described = described | {"cooked"}
    skin_off = "skinless" in qset or ("skin" in qset and bool(qset & SKIN_OFF_WORDS))
    if skin_off and "skin" in qset and SKINLESS_NAMED.search(" ".join(ctoks)):
        # "a chicken thigh, skin removed" is USDA's "meat only", whose name need not say "skin" for it
        said_off = frozenset(qset & (SKIN_OFF_WORDS | {"skin"}))
        cset, described = cset | said_off, described | said_off
    maker = index.brand.get(food_i, (_NONE,))[0] if not kind else _NONE
    if len(maker) > 1 and not maker <= qset:
        # a word of a maker's name the line does not say whole is none of the food's: "a burger, some fries"
        # is no "BURGER KING, french fries" (it was, and the burger was lost)
        cset, described = cset - maker, described - maker
    matched = qset & cset
    # sums run in the query's word order: float addition in set order would make ties follow the hash seed
    wq = wq or sum(weights[t] for t in q) or 1.0
    covers = described if kind == 2 else cset
    wm = sum(weights[t] for t in q if t in covers)
    # the thing a line names where USDA names its kind ("a cherry turnover": "Turnover, fruit") explains the
    # kind, a little less than the word itself would
    kinds = index.kinds
    kinded = [t for t in q if t not in described and kinds.get(t, _NONE) & described]
    covered_kinds: frozenset[str] = _NONE
    if kinded:
        covered_kinds = frozenset(k for t in kinded for k in kinds[t]) - qset
        if (cset & index.food_words) - qset - covered_kinds - QUALIFIER_WORDS:
            # ... not where it leaves another food unsaid ("Empanada, beef, with vegetables" for pumpkin)
            kinded, covered_kinds = [], _NONE
    if kinded:
        wm += KIND_SHARE * sum(weights[t] for t in kinded)
        described = described | frozenset(kinded)
    if plant:
        wm += KIND_SHARE * sum(weights[t] for t in q if t in plant and t not in described)
        described = described | plant
    # one thing in two wordings ("fat-free" milk is SR28's "nonfat", "skim" FNDDS's "fat free (skim)")
    for one, other in _SAME_THING:
        if one <= described and other <= qset and not other <= described and not _only_added(ctoks, one):
            wm += sum(weights[t] for t in q if t in other)
            described = described | other
    # a word of the food's name naming one of its USDA portions ("hash brown patty", "pretzel rod", "sausage
    # link") says how it came, which that food's rows explain
    shaped = _portion_words(table, food_i) & head - described  # (not "frankfurter on a bun": another food)
    if shaped:
        wm += 0.8 * sum(weights[t] for t in q if t in shaped)
        described = described | shaped
    for t in matched:
        if t not in token_w:
            token_w[t] = _weight(t, idf)
    wcm = sum(token_w[t] for t in q if t in cset)
    if plant:
        wcm += KIND_SHARE * sum(_weight(t, idf) for t in sorted(NON_DAIRY))
    if covered_kinds:
        wcm += KIND_SHARE * sum(_weight(k, idf) for k in ctoks if k in covered_kinds)
    if maker_words & qset:  # the line named the maker ("cool ranch Doritos"): its words weigh in full
        wc += 0.7 * sum(token_w[t] for t in q if t in maker_words)
    if ctoks[0] in matched and ctoks[0] in GROUP_WORDS:
        wcm -= 0.9 * token_w[ctoks[0]]
    c_cooked, c_raw = bool(described & COOKED_WORDS), bool(described & RAW_WORDS)
    q_cook = qset & COOKED_WORDS
    if c_cooked and q_cook:
        # "steamed asparagus" is well served by "Asparagus, cooked, boiled": any cooking counts, a bit less;
        # but not for frying, which adds fat ("fried chicken drumstick" is no stewed one)
        wm += 0.7 * sum(weights[t] for t in q if t in COOKED_WORDS and t not in described and t != "fried")
    q_uncooked = qset & RAW_WORDS
    if c_raw and q_uncooked and not c_cooked and not q_cook:
        wm += 0.7 * sum(weights[t] for t in q if t in RAW_WORDS and t not in described)  # USDA's "raw"
    score = 100.0 * (0.6 * wm / wq + 0.4 * wcm / wc)
    # a line naming the maker names the food ("cool ranch Doritos" need not say "tortilla chips")
    core = set() if maker_words and maker_words <= qset else set(core0)
    if maker_words and not maker_words & qset:
        score -= 6.0  # ... and an unnamed maker's product is no generic food ("a ready-to-drink shake")
    alternates = index.alternates.get(food_i)
    if alternates:
        described = described | alternates
        if alternates & qset:
            core -= alternates  # "chicken caesar salad" names "Chicken or turkey caesar garden salad"
    # the words naming the food that this candidate leaves unexplained: "chicken" and "salad" are not
    # in "Caesar dressing", "carrot" is not in "Fish sticks"; better to ask than to answer that
    if naming:
        uncovered = [t for t in naming if t not in described and t in head
                     and not (either.get(t, _NONE) & described)]  # fmt: skip
        score -= UNCOVERED_COST * len(uncovered)
        if last and last in uncovered:
            score -= LAST_NOUN_COST
            if last in _PRODUCT_NOUNS and "raw" in described:
                score -= PRODUCT_RAW_COST  # "kale chips" are no 25 g of raw kale: a product is never raw
        if uncovered and ctoks[0] not in qset and ctoks[0] in index.food_words:
            score -= SWAPPED_COST  # "beef broth" -> "Fish broth": one food named in place of another
        left = sum(
            weights[t] for t in q if t not in described and t not in _NOT_NAMING and not _said_without(q, t)
        )
        # (what the line says it came without names this food too when its name says so: "no frosting")
        agreed = sum(
            1
            for k, t in enumerate(ctoks[:-1])
            if t in LEAVES_OUT and ctoks[k + 1] in qset and _said_without(q, ctoks[k + 1])
        )
        if len(naming) + agreed >= 2 and not uncovered and left < wq / 3:
            score += COVERED_BONUS  # the whole phrase names this food, little left over
    branded = index.brand.get(food_i)
    if branded:
        brand, named = branded
        if not named & qset:
            score -= 6.0  # a brand's product stands in for the generic food only when the brand is written
        elif not (matched - brand):
            score -= BRAND_ONLY_COST
        else:
            core -= brand  # "Cheerios" names "GENERAL MILLS, CHEERIOS" without the maker's name
        if repeated & brand and not repeated & brand & (cset - brand):
            score -= UNCOVERED_COST + LAST_NOUN_COST  # "a Taco Bell taco" is a taco, not the nachos
    if core & qset:
        score += 5.0
    if len(head_named) >= 2 and any(h == head_named and rest <= qset for h, rest in name_heads):
        score += NAME_HEAD_BONUS  # "egg salad": "Egg salad, made with mayonnaise", not "Tuna salad with egg"
    score -= 12.0 * len(core - qset - covered_kinds)
    # "with fruit" the line never said
    # (but what a named brand sells its product with is that product: "a Subway cold cut sub" comes "with
    # lettuce and tomato")
    if not (branded and branded[1] & qset):
        score -= WITH_COST * len(added - qset - _NAMES_NOTHING - covered_kinds)
    # (what USDA's name leaves out is no word of the food: "icing other than chocolate" has no chocolate)
    extra = described - qset - covered_kinds - left_out
    if branded and branded[1] & qset:
        extra -= added
    # where it came from ("from restaurant or fast food") is the same food, costing once and less than a food
    # it comes with ("with fruit") or a kind of grain the line did not say ("whole wheat thick crust")
    score -= 6.0 * len((extra & DISH_WORDS) - core - _SOURCES)
    if extra & _SOURCES:
        score -= 4.0
    if qset & _HOMEMADE:
        # "a homemade milkshake" was FNDDS's fast food one: made at home is USDA's "home recipe", never a
        # restaurant's
        score += 3.0 if described & _HOMEMADE else (-8.0 if described & _BOUGHT else 0.0)
    if extra & _GRAIN_KINDS and not qset & _GRAIN_KINDS:
        score -= 8.0
    score -= 4.0 * len((extra & FLAVOR_WORDS) - core)  # "frozen yogurt" is no chocolate one
    # "cooked from fresh" is cooked: "fresh" only means raw when no cooking is written
    q_cooked = bool(q_cook)
    q_raw = not q_cooked and (bool(qset & RAW_WORDS) or "dry" in qset)
    if (q_cooked and c_raw and not c_cooked) or (q_raw and c_cooked and not c_raw):
        score -= 30.0  # cooked lentils must never be raw lentils: Mg per 100 g differs ~3x
    elif q_cooked and c_cooked:
        score += 4.0
        if ("fried" in described) != ("fried" in qset):
            score -= 4.0  # grilled fish is not fried fish, nor fried chicken stewed: frying adds fat
    elif q_cooked:
        score -= 5.0  # the user cooked it; this entry does not say it is cooked
    elif not q_cooked and not q_raw:
        # no preparation written: meat and fish as eaten (cooked), anything else plain (raw)
        if index.cooked_food[food_i]:
            score += 3.0 if c_cooked and not c_raw else (-4.0 if c_raw else 0.0)  # nobody eats raw wings
        elif "raw" in described:
            score += 3.0
    if skin_off:
        # "chicken breast without the skin", "skinless thighs": never USDA's "skin eaten" or "meat and skin"
        # (a third more energy), whichever wins on the other words
        if _SKIN_ON.search(" ".join(ctoks)):
            score -= SKIN_COST
    elif "skin" in qset and SKINLESS_NAMED.search(" ".join(ctoks)):
        score -= SKIN_COST  # "a chicken thigh with the skin" is no "skin not eaten", nor "meat only"
    if "fried" in qset and _MEAT_ONLY.search(" ".join(ctoks)) and not qset & _SKIN_OFF:
        score -= 8.0  # fried chicken is eaten in its skin and coating: "meat only" is what the line must say
    score -= 4.0 * len(extra & _PREP_ONLY)
    # a form the line did not say ("from frozen" pizza) is another product
    score -= 2.0 * len(extra & FORM_WORDS)
    # a form the user wrote ("canned", "dried", "frozen", "smoked") must be there
    score -= 12.0 * len((qset - described) & FORM_WORDS)
    if kind == 1 and not qset & _FOR_A_BABY and _for_babies(table.foods[food_i]):
        # "cheese ravioli" is listed under FNDDS's "Toddler meal, pasta": a name a baby food shares with a
        # grown-up's dish is that dish unless the line says the baby's (its own name says so itself)
        score -= BABY_FOOD_COST
    if "fresh" in qset and described & _NOT_FRESH:
        score -= 20.0  # "fresh spinach leaves" were SR28's frozen spinach (it alone says "leaf")
    if "salt" in described and "without" not in described and "salt" not in qset:
        score -= 3.0  # "with salt" is an addition the user did not write
    if "added" in described and "fat" in described and not qset & {"fat", "oil", "butter", "fried"}:
        # FNDDS's "from canned, fat added" / "no added fat": canned beans as bought have no fat added
        score += 2.0 if "no" in described else -6.0
    if "sodium" in described and not qset & {"sodium", "salt"}:
        score -= 3.0  # "reduced sodium", "low sodium": a variant the user did not ask for
    if not (q_cooked or q_raw) and not index.cooked_food[food_i]:
        score -= 2.0 * len(extra & COOKED_WORDS)
    if head and not head & described:
        score -= 15.0  # "spaghetti, with pesto sauce" is spaghetti, not pesto
    thing, after, measures = noun
    said_part = thing in _PARTS if thing else bool(qset & _PARTS)
    skin_alone = ctoks[-2:] == ["skin", "breading"] and "meat" not in cset  # (KFC's "Skin and Breading")
    if not said_part and (_PART_ONLY.search(" ".join(ctoks[:6])) or skin_alone):
        # "Chicken, skin (drumsticks and thighs)", "Beef, separable fat", "Potatoes, baked, skin only": the
        # part alone is what the line must name ("a roasted chicken drumstick" was its skin, "KFC fried
        # chicken" its "Skin and Breading")
        score -= PART_ONLY_COST
    organs = cset & _ORGANS
    if organs and not organs & qset:
        # "fried chicken" was SR28's fried giblets (13 g "1 unit"), "chicken" a liver: an organ is what the
        # line must name
        score -= PART_ONLY_COST
    if thing in cset and _qualifies_only(c, thing, qset - {after} - measures, table):
        # the thing the line names only qualifies another word the line said elsewhere: "chocolate milk" is
        # no "milk chocolate", nor "a frankfurter on a bun" USDA's "hot dog bun"
        score -= MODIFIER_COST

    elif kind == 1 and head and not head & set(index.choices[food_i].split()):
        score -= 6.0  # named only in an FNDDS synonym list ("flatbread" under ham wraps): weak evidence
    for i, neg in enumerate(ctoks[:-1]):
        # "Pizza, no cheese" is never the "cheese pizza" the user wrote, nor "Chicken, canned, no broth" the
        # "chicken broth, no salt"; but it is the "pizza without cheese" (the line's "without" is USDA's "no")
        if neg in _NEGATIONS and ctoks[i + 1] in qset and not _said_without(q, ctoks[i + 1]):
            score -= NEGATED_COST
    for k, neg in enumerate(q[:-1]):
        # "roast beef, no gravy" is never "Beef with gravy": what the line says it came without
        if neg in _NEGATIONS and q[k + 1] not in cset and _made_with(q[k + 1]) & cset:
            # ... in USDA's form of the word ("no frosting": "Cinnamon buns, frosted")
            score -= NEGATED_COST
        elif neg in _NEGATIONS and q[k + 1] in cset:
            at = [m for m, t in enumerate(ctoks[:-1]) if t in LEAVES_OUT and ctoks[m + 1] == q[k + 1]]
            if not at:
                score -= NEGATED_COST
    if "plain" in described and "plain" not in qset:
        score += 2.0  # unflavoured is the generic entry
    if "nfs" in described and not q_cooked and not q_raw:
        score += 2.0  # FNDDS's "not further specified" entry is its generic one
    score -= 15.0 * len((described & SUBSTITUTE_WORDS) - qset)  # "meatballs" are not meatless ones
    if non_dairy and not plant and not qset & NON_DAIRY:
        score -= 15.0  # as for a substitute the line did not name
    score += ALIAS_BONUS if kind == 2 else (-15.0 if kind == 1 else 0.0)
    if kind == 2 and cset <= qset:
        # of two reviewed phrases the line says, the one that says more of it ("hamburger bun, white": the
        # bun's phrase, not "hamburger" with a bun in its USDA name); a tie-break (margins assume ALIAS_BONUS)
        score += 0.5 * len(cset) / len(qset)
    bias = index.bias[food_i]
    if bias > 0 and qset & MIXED_DISHES:  # (only a usable SR28 food has a positive bias)
        bias -= 4.0  # a dish is FNDDS's ("as eaten"); SR28 first holds for single foods (SOURCES.md)
    return score + bias


# Words that say the food is a baby's (or a toddler's); without one, baby food and formula are no answer.
_FOR_A_BABY = frozenset(("baby", "babyfood", "infant", "toddler", "junior", "strained", "stage", "gerber",
                         "formula", "pediasure", "enfamil", "similac", "beech"))  # fmt: skip
BABY_FOOD_COST = 12.0


def _for_babies(food: Food) -> bool:
    """Baby food and infant formula, by USDA's kind of food (SR28's "Baby Foods", FNDDS's "Baby food: ...",
    "Formula, ready-to-feed") or name ("Toddler meal, pasta")."""
    return food.category.startswith(("Baby", "Formula")) or food.description.startswith(("Toddler", "Infant"))


_MEAT_ONLY = lazy(r"\bmeat only\b|\bskin coating not eaten\b|\bprepared skinless\b")
_PART_ONLY = lazy(r"^[a-z]+ skin\b|\bskin only\b|\bseparable fat\b")
_PARTS = frozenset(("skin", "fat"))
# organ meats, a part of the animal the line must name as it must its skin
# (as tokens() writes them, singular: the module compiles no pattern on import)
_ORGANS = frozenset(
    ("giblet", "liver", "gizzard", "heart", "kidney", "tongue", "brain", "tripe", "sweetbread", "chitterling")
)
PART_ONLY_COST = 20.0
# USDA's names for a bird or fish eaten in its skin (those eaten without it: words.SKINLESS_NAMED)
_SKIN_ON = lazy(r"\bskin eaten\b|\bmeat and skin\b|\bwith skin\b|\bskin on\b")
SKIN_COST = 10.0
_SKIN_OFF = frozenset(("skinless", "only", "without", "no", "removed", "peeled", "unaccompanied"))
_WORD = lazy(r"[a-z0-9']+")
_LONG = lazy(r"[a-z]{7}")  # a word long enough to be two closed up ("cornflakes")
_WITHOUT = lazy(r"\bw/o\s*")  # "w/o": without
_FLAVORED_AFTER = lazy(r"[a-z]-(flavou?red)\b")
_WITH = lazy(r"\bwith\b|\bw/", re.I)
_A_BOWL_DISH = lazy(r"[a-z]\s+bowls?$")  # (a normalised text: "poke bowl", never "a bowl of poke")
_GOLDEN_BROWN = lazy(r"\bgolden[\s-]+brown\b(?!\s+sugar)")
_MEASURED_BY = lazy(r"\b([a-z]+?)s?\s+of\b")
# what a deli order names by its bread alone ("turkey on rye"): a sandwich (not "on a roll": "butter on a
# roll" is a buttered roll)
_DELI = lazy(
    r"^(?P<x>.+?)\s+on\s+(?P<bread>(?:toasted\s+)?(?:rye|wheat|whole[\s-]+wheat|white|sourdough|multi-?grain"
    r"|pumpernickel)(?:\s+bread|\s+toast)?)\s*$",
    re.I,
)
_ON_BREAD = lazy(r"\s(?:served\s+)?on\s")
# (not a hot dog or burger: on its bun it is USDA's sandwich, bare it is the frankfurter or patty)
_SANDWICH = lazy(r"\b(?:sandwich|sub|hoagie|wrap|panini|melt|blt)\b")


def respell(text: str, index: SearchIndex) -> str:
    """``text`` with abbreviations, variant spellings and British words in USDA's (American) words.

    "chkn breast" -> "chicken breast", "courgette" -> "zucchini", "PB" -> "peanut butter"
    (data/words.csv). Two-word phrases first; a word listed under ``unless`` cancels a rewrite
    ("coriander seed" stays coriander). Returns lower case; unchanged text when nothing applies.
    """
    lowered = text.lower()
    if "w/o" in lowered:
        lowered = _WITHOUT.sub("without ", lowered)  # "burger w/o bun" (it was a burger and "o bun")
    if "free" in lowered or "raised" in lowered:
        lowered = HOW_KEPT.sub("", lowered)  # ("2 free-range eggs" were no eggs at all)
    first = index.words_first
    if not first or not (
        any(t in first for t in tokens(lowered)) or any(_no_s(t) in first for t in _WORD.findall(lowered))
    ):
        return _closed_up(lowered, index)
    found = [(m.start(), m.end(), singular(m.group().replace("'", ""))) for m in _WORD.finditer(lowered)]
    found = [w for w in found if w[2] not in STOPWORDS]
    present = {w[2] for w in found}
    out: list[str] = []
    at = 0
    i = 0
    while i < len(found):
        for n in (2, 1):
            if i + n > len(found):
                continue
            said = found[i : i + n]
            hit = index.words.get(" ".join(w[2] for w in said))
            if hit is None and said[-1][2] not in index.words:
                # a plural the singular rule misreads ("digestives" is no "digestif")
                last = _no_s(lowered[said[-1][0] : said[-1][1]])
                hit = index.words.get(" ".join([*(w[2] for w in said[:-1]), last]))
            if hit is not None and not hit[1] & present:
                out.append(lowered[at : found[i][0]] + hit[0])
                at = found[i + n - 1][1]
                i += n
                break
        else:
            i += 1
    return _closed_up("".join(out) + lowered[at:] if out else lowered, index)


def _closed_up(lowered: str, index: SearchIndex) -> str:
    if not _LONG.search(lowered):
        return lowered
    return _WORD.sub(lambda m: _unjoined(m.group(), index) or m.group(), lowered)


_unjoined_memo: _PerTable[str, str | None] = _PerTable()


def _unjoined(word: str, index: SearchIndex) -> str | None:
    """A word people write closed up that USDA writes as two ("cornflakes", "icecream", "oatmilk",
    "peanutbutter"): the two words, where some USDA name holds them side by side in that order. A word the
    table knows is left alone; the answer is memoised per table, so a long line costs each word once."""
    if len(word) < 7 or not word.isalpha() or word in index.idf or singular(word) in index.idf:
        return None
    memo = _unjoined_memo.of(index.by_initial)
    if word in memo:
        return memo[word]
    found = None
    for k in range(3, len(word) - 2):
        a, b = word[:k], singular(word[k:])
        first, second = index.postings.get(a), index.postings.get(b)
        if not first or not second:
            continue
        one, other = array("i"), array("i")
        one.frombytes(first)
        other.frombytes(second)
        pair = f" {a} {b} "
        if any(pair in f" {index.choices[c]} " for c in sorted(set(one) & set(other))):
            found = f"{a} {b}"
            break
    if len(memo) > 100_000:
        memo.clear()
    memo[word] = found
    return found


def _no_s(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def brand_listed(brand: str, index: SearchIndex) -> bool:
    """Whether USDA lists products of ``brand`` at all ("Chobani": yes; "Publix": no)."""
    toks = set(tokens(brand))
    return bool(toks) and any(toks <= named for _, named in index.brand.values())


def names_a_food(key: str, index: SearchIndex) -> bool:
    """Whether some word of a normalised text (or its spelling correction) names a food somewhere in the
    table: the naming part of a USDA description, synonym or alias. "moist" only ever appears in USDA's
    "cooked, moist heat", so a line saying "moist" has named no food, however well the word matches."""
    for t in key.split():
        if t in _NAMES_NOTHING:
            continue
        if t in index.named_words or t in index.words:
            return True
        if t not in index.idf and _correct(t, index) in index.named_words:
            return True
    return False


def known_word(token: str, index: SearchIndex) -> bool:
    """Whether a (normalised) word names something to the matcher: a table word or a words.csv entry."""
    return token in index.idf or token in index.words


def unread_words(text: str, index: SearchIndex) -> list[str]:
    """The words of ``text`` no USDA name, synonym or reviewed word has, even spelt otherwise ("matcha" in
    "iced matcha latte"): a fuzzy match read the line without them, which the line must say."""
    return [
        t
        for t in dict.fromkeys(tokens(text))
        if len(t) > 2
        and t.isalpha()
        and t not in STOPWORDS
        and t not in _NAMES_NOTHING  # ("softened", "room temperature": how it was, no food)
        and not known_word(t, index)
        and _correct(t, index) is None
    ]


def _verb_forms(toks: tuple[str, ...]) -> tuple[str, ...]:
    """USDA's one spelling of each preparation ("roast chicken" is "roasted"), except the "roast beef" of a
    dish, which USDA names so ("Roast beef sandwich on white")."""
    dish = not MIXED_DISHES.isdisjoint(toks)
    return tuple(
        t if dish and t == "roast" and toks[k + 1 : k + 2] == ("beef",) else VERB_FORMS.get(t, t)
        for k, t in enumerate(toks)
    )


def search(text: str, table: FoodTable, limit: int = 3) -> list[tuple[int, float]]:
    """Best foods for ``text`` as (food index, score), best first; scores are not capped."""
    index = table.index
    lowered = respell(text, index)
    for phrase, usda in PHRASES:
        lowered = lowered.replace(phrase, usda)
    if "golden" in lowered:
        lowered = _GOLDEN_BROWN.sub("golden", lowered)  # the colour it cooked to ("golden brown hash browns")
    q = _verb_forms(tokens(lowered))
    if not q:
        return []
    repeated = frozenset(t for t, n in Counter(q).items() if n > 1)  # ("taco bell taco": brand, then food)
    # the words before the first comma or "with"/"on"/"in"/"for"/"made from" name the food ("honey for my
    # tea" is honey, "granola made from oats" granola, not 156 g of oats); the rest qualifies it
    first, *after = _HEAD_ENDS.split(lowered, maxsplit=1)
    if after and _maker_first(lowered, table, written=False):
        # a label's maker first ("Oscar Mayer, Turkey Bacon", MyFitnessPal's "Oscar Mayer - Turkey Bacon"):
        # the product after it names the food (it was the maker's smoked sausage with turkey in it)
        first = _HEAD_ENDS.split(after[0], maxsplit=1)[0]
    spelt: dict[str, str] = {}
    for t in q:
        if t not in index.idf and t not in _LIGHT:  # ("fizzy" is a describing word, no misspelt food)
            spelt[t] = _correct(t, index) or t
    fixed = [spelt.get(t, t) for t in q]
    head = frozenset(
        spelt.get(t, t)
        for t in tokens(first)
        if t not in QUALIFIER_WORDS and (t not in PREP_WORDS or t in _PRODUCT_NOUNS)
    )
    if "fresh" in fixed and not COOKED_WORDS.intersection(fixed):
        fixed.append("raw")  # "fresh raspberries" are USDA's "Raspberries, raw"
    if "fry" in fixed and "fried" not in fixed:
        fixed.append("fried")  # fries are fried ("fry" itself stays: FNDDS's "french fries", "stir-fry")
    q = tuple(dict.fromkeys(fixed))
    weights = {t: _query_weight(t, index.idf) for t in q}
    # "fruit-flavored yogurt", "chocolate-flavored caramel roll": after the flavour it names, "flavored" says
    # nothing more (USDA: "Yogurt, ..., fruit", "chocolate-flavor roll"); alone ("flavored water") it does
    flavored = _FLAVORED_AFTER.search(lowered)
    light = _LIGHT | {flavored.group(1)} if flavored is not None else _LIGHT
    # a grade said as a percent ("2% milk", "100% juice") picks among a food's kinds where USDA's names say
    # it, and a reviewed phrase need not say it ("a latte with 2% milk" is the latte alias)
    graded = frozenset(_PERCENT.findall(lowered)) if "%" in lowered else _NONE
    if flavored is not None and flavored.group(1) in weights:
        weights[flavored.group(1)] *= 0.3
    # a colour or taste word before a food no USDA name pairs it with ("a sweet kiwi", "a golden waffle") is
    # how the food seemed, weighed like a qualifier; "sweet potato", "white rice", "red pepper" keep it
    said = _verb_forms(tokens(lowered))
    # (past a size: "a crisp medium apple" pairs crisp with the apple)
    for t, nxt in pairwise([t for t in said if t not in _SIZED] or said):
        if t in _SEEMED and t not in light and t in weights and not _named_together(table, t, nxt):
            weights[t] *= 0.3
            light = light | {t}
    # the bread a sandwich is on ("a ham and cheese sandwich on rye bread"): USDA names sandwiches on white
    # and wheat only, so the bread picks among them but weighs like a qualifier
    on_bread = _ON_BREAD.search(lowered)
    if on_bread is not None and _SANDWICH.search(lowered[: on_bread.start()]):
        bread = [spelt.get(t, t) for t in tokens(lowered[on_bread.end() :])]
        for t in bread:
            if t in weights and t not in head:
                # ("on wheat bread" is USDA's "on wheat": "bread" then picks no bread, and a USDA name
                # saying "white bread" in its synonyms must not outweigh the wheat the line said)
                weights[t] *= 0.0 if t == "bread" and len(bread) > 1 else 0.3
                light = light | {t}
    # a corrected word is a guess ("during" -> "durian"): it never makes a candidate lose, unless it was one
    # slip of a key from the word ("chiken": a "grilled chiken sandwhich" was a grilled fish sandwich); nor
    # does what the line says the food came without ("beef broth without tomato": tomato names no food eaten)
    negated = _said_without_words(q)
    guessed = {v for k, v in spelt.items() if v != k and not _one_slip(k, v)} | negated
    # (a reviewed one-word alias names a food too: "toast" is the first word of no USDA name)
    naming = tuple(
        t
        for t in q
        if (t in index.food_words or t in table.aliases)
        and t not in _NOT_NAMING
        and len(t) > 2
        and t not in guessed
    )
    named_head = [spelt.get(t, t) for t in tokens(first) if spelt.get(t, t) in naming and t not in _ROLES]
    last = named_head[-1] if len(named_head) >= 2 else ""
    # (not where the line says what it came without: USDA's "no frosting" leads with "Roll, sweet")
    head_named = tuple(dict.fromkeys(named_head)) if not _said_without_words(q) else ()
    # the thing the line names (the last food word before any "with", "on", ...) and the word said after it
    noun: tuple[str, str, frozenset[str]] = ("", "", _NONE)
    head_said = [spelt.get(t, t) for t in tokens(first)]
    said_head = [w for w in head_said if w not in _NAMES_NOTHING and w in q]
    if said_head:
        at = len(head_said) - 1 - head_said[::-1].index(said_head[-1])
        # (a word said as a measure of it is none of its qualifiers: "a tube of yogurt" may be "Yogurt tube")
        noun = (said_head[-1], head_said[at + 1] if at < len(head_said) - 1 else "",
                frozenset(_MEASURED_BY.findall(lowered)))  # fmt: skip
    # "chicken or turkey noodle soup": a candidate naming either side explains both
    either: dict[str, frozenset[str]] = {}
    if " or " in lowered:
        for m in OR_PAIR.finditer(lowered):
            left, right = tokens(m.group(1)), tokens(m.group(2))
            if left and right:
                either[left[-1]] = either.get(left[-1], _NONE) | {right[0]}
                either[right[0]] = either.get(right[0], _NONE) | {left[-1]}
    wq = sum(weights[t] for t in q) or 1.0
    acc: dict[int, float] = {}
    # rare words first; a common word ("raw", "cooked") then only re-weighs choices already found, and so
    # does a word naming no food, taken last: "creamy whole milk" must reach the milks, not only the
    # few foods USDA calls creamy (dressings, frostings)
    for t in sorted(set(q), key=lambda t: (t in _NAMES_NOTHING, len(index.postings.get(t, b"")), t)):
        # shortlist by the words naming the food: "sauteed mushrooms" must reach the mushrooms
        w = weights[t] * (2.0 if t in head else 0.5 if t in PREP_WORDS else 1.0)
        hits = array("i")
        hits.frombytes(index.postings.get(t, b""))
        if acc and (len(hits) > COMMON_POSTINGS or t in _NAMES_NOTHING):
            present = set(hits)
            for c in acc:
                if c in present:
                    acc[c] += w
            continue
        for c in hits:
            acc[c] = acc.get(c, 0.0) + w
    if not acc:
        return []
    # ties broken by choice number, never by the dict's order (which followed the words' set order)
    shortlist = heapq.nlargest(SHORTLIST, acc, key=lambda c: (acc[c], -c))
    seemed = frozenset(t for t in q if t in light and t in _SEEMED)
    if seemed and len(q) > len(seemed):
        # the reviewed phrase the line is but for how the food seemed ("hot coffee": "coffee"), which the
        # shortlist of 80 may have missed among the 200 foods sharing "coffee"
        alias = _alias_choices(table).get(" ".join(t for t in q if t not in seemed))
        if alias is not None and alias not in shortlist:
            shortlist.append(alias)
    if "cooked" in q and len(q) > 1:
        # the alias that is the line but "cooked" ("cooked beef": "beef", FNDDS's beef as eaten) sits below a
        # thousand cooked cuts in the shortlist; it competes (its food must be eaten cooked, see below)
        # (nor do cut words: "diced cooked beef" was SR28's cured breakfast strips)
        alias = _alias_choices(table).get(" ".join(t for t in q if t != "cooked" and t not in _PLAIN_OUT))
        if alias is not None and alias not in shortlist:
            shortlist.append(alias)
    best: dict[int, float] = {}
    # (words that weigh little need no explaining; nor does what the line says the food came without: "beef
    # broth without tomato" is the beef broth alias, and a candidate with tomato pays NEGATED_COST)
    needed = {t for t in q if t not in light and t not in negated and t not in graded}
    for c in shortlist:
        if index.choice_kind[c] == 1 and _how_only(index.choices[c]):
            continue  # an FNDDS synonym only saying how it was made ("stir fried", under tofu) names nothing
        if index.choice_kind[c] == 2:
            # an alias competes only when it and its food's description explain every word:
            # "tuna, canned in oil" is not the "canned tuna" alias (light tuna in water)
            # (a word its name says it is without explains nothing: "sweet roll topped with frosting" is not
            # the "sweet roll" alias, "Roll, sweet, no frosting")
            named = index.choices[index.choice_food[c]].split()
            without = {b for a, b in pairwise(named) if a in _NEGATIONS}
            described = index.choices[c].split() + [t for t in named if t not in without]
            if _eaten_cooked_unsaid(table, index.choice_food[c]):
                described.append("cooked")  # ("cooked beef" is the "beef" alias, FNDDS's beef as eaten)
            if not needed <= set(described):
                continue
        s = _score(q, c, table, weights, head, naming, either, wq, last, repeated, noun, seemed, head_named)
        f = index.choice_food[c]
        if s > best.get(f, -1e9):
            best[f] = s
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:limit]


def _lacks_a_value(food: Food) -> bool:
    return food.magnesium is None or food.vitamin_b6 is None


def _alias(key: str, table: FoodTable) -> int | None:
    alias = table.aliases.get(key)
    if alias is None:
        # "Frozen Broccoli Florets, Organic", "White Bread, Store Bought", "warm oatmeal", "crispy bacon":
        # the label, cut and texture words change nothing
        plain = _plain(key)
        alias = table.aliases.get(plain) if plain != key else None
    return alias


# the size a product is sold in says how much, not which product ("a fun-size Snickers" is a Snickers; but
# "king crab" is a crab, "pizza bites" a product)
_SOLD_AS = frozenset((*PRODUCT_SIZES, "snack"))
_PLAIN_OUT = LABEL_WORDS | CUT_WORDS | TEXTURE_WORDS | wordset("mini miniature")


def _written_plural(text: str) -> bool:
    return text.rstrip().lower().endswith("s")


def _plain(key: str) -> str:
    words = key.split()
    sized = {k for k, t in enumerate(words) if t in ("size", "sized") and k and words[k - 1] in _SOLD_AS}
    sized |= {k - 1 for k in sized}
    return " ".join(t for k, t in enumerate(words) if t not in _PLAIN_OUT and k not in sized)


def _capitalised(words: list[str]) -> bool:
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def memo_key(text: str) -> str:
    """The key under which a text's match may be remembered: its normal form, plus how it is capitalised
    where capitals can make a brand (a label's "Publix, Cottage Cheese" is read apart from "publix, ...")."""
    key = normalize(text)
    if _written_plural(text):
        key += PLURAL_KEY  # ("crisps" are not "crisp": see PLURAL_ONLY)
    words = text.split()
    if not any(w[:1].isupper() for w in words):
        return key
    # (a maker named in capitals inside a sentence is read apart too: "a warm Hardee's biscuit")
    inside = "".join(str(int(w[:1].isupper())) for w in words)
    return f"{key}\x00{int(_capitalised(text.split(',', 1)[0].split()))}{int(_capitalised(words))}{inside}"


def _brand_prefix(text: str, table: FoodTable) -> tuple[str, str] | None:
    """("Publix", "Cottage Cheese, Fat Free") when ``text`` starts with a brand USDA does not list.

    Cronometer and shop labels write "Brand, Product, Variant" ("Publix, Cottage Cheese, Fat Free",
    "Chobani Non-Fat Greek Yogurt"). The brand is the first comma part when it is written with
    capitals and names no food by itself; without a comma (a label in capitals throughout), the
    leading words the table does not know at all. Only tried after the whole text named no food, so a
    brand USDA lists ("Cheerios", "Big Mac") is matched with its brand first.
    """
    index = table.index
    if "," in text:
        first, rest = text.split(",", 1)
        words = first.split()
        if rest.strip() and 0 < len(words) <= 4 and _capitalised(words):
            toks = tokens(first)
            # a label's rest is food words ("Cottage Cheese, Fat Free"); a sentence's is not ("I had ...")
            label = all(known_word(t, index) for t in tokens(rest))
            unknown = any(not known_word(t, index) for t in toks)
            # (a maker USDA lists is the brand too, when the product is none USDA lists of it: "Banquet,
            # Chicken Pot Pie" is FNDDS's chicken pot pie; it was not counted)
            maker = names_a_maker(first, table)
            if (
                toks
                and label
                and (unknown or maker or (search(first, table, 1) or [(0, 0.0)])[0][1] < MIN_CONFIDENCE)
            ):
                return first.strip(), rest.strip()
    words = text.split()
    # a maker USDA names only in capitals ("KRAFT", "TYSON") before a food named as a reviewed phrase or a
    # USDA name: "Kraft Mac and Cheese" is macaroni and cheese (it was an uncounted "Kraft mac" plus a cup
    # of cheddar)
    # (never a food listed first: "Oatmeal, Blueberries" was the blueberries alone, "Oatmeal," their brand)
    lead = normalize(words[0]) if words else ""
    if (
        len(words) >= 2
        and words[0][:1].isupper()
        and not words[0].endswith(",")
        and lead not in table.aliases
        and lead not in index.exact
        and set(tokens(words[0])) <= _brand_words(table)
    ):
        rest = normalize(" ".join(words[1:]))
        if rest in table.aliases or rest in index.exact:
            return words[0], " ".join(words[1:])
    if not _capitalised(words):
        return None  # a label is written in capitals throughout; a sentence's first word is no brand
    n = 0
    while (
        n < len(words) - 1
        and (toks := tokens(words[n]))
        and all(not known_word(t, index) and _correct(t, index) is None for t in toks)
    ):
        n += 1
    if n and len(tokens(" ".join(words[n:]))) >= 2:  # "Superior Keto Bread" is not any "bread"
        return " ".join(words[:n]), " ".join(words[n:])
    return None


_brands: _PerTable[str, frozenset[str]] = _PerTable()


def _brand_words(table: FoodTable) -> frozenset[str]:
    """The words USDA writes in the capitals of a maker's or product's name (gathered once per table)."""
    memo = _brands.of(table.index.idf)
    found = memo.get("")
    if found is None:
        found = memo[""] = frozenset(w for named in table.index.brand.values() for w in named[1])
    return found


def _brand_inside(text: str, table: FoodTable) -> tuple[str, str] | None:
    """("Hardee's", "a warm biscuit") for "a warm Hardee's biscuit": in a sentence's words, a name in
    capitals of which no word names a food, with the capitalised words beside it ("Jimmy Dean"), is who
    made or sold the food. Only tried after the whole text named no food; a label in capitals throughout is
    _brand_prefix's."""
    words = text.split()
    if _capitalised(words) or "," in text:
        return None  # (a sentence's commas join its foods: only a part of one is read so)
    food_words = table.index.food_words
    capital = [w[:1].isupper() and bool(tokens(w)) for w in words]
    maker = [
        capital[k]
        and all(len(t) > 1 and t not in _NOT_A_MAKER and t not in _NO_MAKER for t in tokens(w))
        and not any(t in food_words or _describes_in_usda(t, table) for t in tokens(w))
        for k, w in enumerate(words)
    ]  # (never "I", a day, a meal: "a bowl of chili from Sunday")
    if not any(maker):
        return None
    runs = [k for k, w in enumerate(words) if maker[k]]
    wide = set(runs)
    for k in runs:  # the capitalised words beside it are the maker's name too ("Jimmy Dean", "Little Debbie")
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(words) and capital[j]:
                wide.add(j)
                j += step
    for brand in (wide, set(runs)):
        rest = [w for k, w in enumerate(words) if k not in brand]
        if any(t in table.index.core_words for t in tokens(" ".join(rest))):
            return " ".join(words[k] for k in sorted(brand)), " ".join(rest)
    return None


def _describes_in_usda(word: str, table: FoodTable) -> bool:
    """Whether USDA's names use the word to describe a food ("Thai", "Hawaiian"), not only to say whose
    product it is (a maker in capitals, "BURGER KING", or in FNDDS's parentheses, "(Teddy Grahams)")."""
    index = table.index
    hits = array("i")
    hits.frombytes(index.postings.get(word, b""))
    for c in hits:
        if index.choice_kind[c] == 0:
            plain = _MAKER_MARKS.sub(" ", table.foods[index.choice_food[c]].description)
            if word in tokens(plain):
                return True
    return False


_MAKER_MARKS = lazy(r"\([^)]*\)|\b[A-Z][A-Z'&]{2,}\b")


# "a cinnamon bun from Little Debbie", "a taco from Taco Bell": who made or sold it, last and in capitals
_FROM_MAKER = lazy(
    r"^(?P<food>.+?)\s+(?:from|by)\s+(?P<brand>[A-Z][\w'’&.!-]*(?:\s+[A-Z0-9&][\w'’&.!-]*){0,3})$"
)
_FROM_LOWER = lazy(
    r"^(?P<food>.+?)(?<!\bfree)(?<!\bmade)(?<!\bsqueezed)(?<!\bpicked)(?<!\bstraight)(?<!\bfresh)(?<!\bleft)"
    r"(?<!\baway)\s+from\s+(?P<brand>[a-z][\w'’&.!-]*(?:\s+[a-z][\w'’&.!-]*){0,2})$"
)  # (never "free from any spread", "made from oats": what it is or was made of)
# words after "from" that say where or how, never who made it
_NOT_A_MAKER = (
    STOPWORDS
    | PREP_WORDS
    | COOKED_WORDS
    | RAW_WORDS
    | FORM_WORDS
    | QUALIFIER_WORDS
    | LABEL_WORDS
    | MEAL_WORDS
    | wordset("""my our your his her their the a an this that any all some scratch concentrate work school
    office home cafeteria canteen store shop market garden farm bakery deli restaurant yesterday today
    tonight last night morning lunch dinner breakfast leftover leftovers fridge freezer can jar box bag
    package packet pouch mix powder recipe kit""")
)
_RESTAURANTS = ("Fast Foods", "Restaurant Foods")
_FAST_FOOD_WORDS = lazy(r"\bfast food\b|\brestaurant\b|\(([^()]+)\)\s*$", re.I)

_NFS_PART = lazy(r",\s*NFS\b|\s*\([^)]*\)")
_NO_MAKER = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)  # ("leftovers from Sunday")


DRY_WORDS = lazy(r"\b(?:dry|raw|uncooked)\b", re.I)  # a grain as weighed, before it is cooked
_GRAIN_GROUPS = ("Cereal Grains and Pasta", "Breakfast Cereals")


def cooked_twin(food_index: int, table: FoodTable) -> int | None:
    """A dry grain's cooked food of the same name ("Cereals, oats, ..., dry" -> "Cereals, oats, ..., cooked
    with water"; "Barley, pearled, raw" -> "Barley, pearled, cooked"), or None."""
    food = table.foods[food_index]
    if food.category not in _GRAIN_GROUPS or not DRY_WORDS.search(food.description):
        return None
    segments = [p.strip() for p in food.description.split(",") if not DRY_WORDS.search(p)]
    lead = ", ".join(segments[:2])  # the grain itself: "Cereals, oats", "Barley, pearled"
    named = set(tokens(lead))
    found = [i for i, _ in search(f"{', '.join(segments)}, cooked", table, limit=8)]
    found = [i for i in found if i != food_index and "cooked" in tokens(table.foods[i].description)]
    # its name as it starts, then its words ("Pasta, dry, enriched": "Pasta, cooked, enriched")
    for i in found:
        if table.foods[i].description.startswith(lead):
            return i
    first = food.description.split(",")[0]
    return next(
        (i for i in found if table.foods[i].description.split(",")[0] == first
         and named <= set(tokens(table.foods[i].description))),
        None,
    )  # fmt: skip


def as_sold_by_restaurants(food_index: int, table: FoodTable) -> Match | None:
    """USDA's "fast food" food of the same name ("Potato, french fries, NFS" -> "Potato, french fries, fast
    food"), or None."""
    description = table.foods[food_index].description
    if _FAST_FOOD_WORDS.search(description):
        return None
    sold, _ = _match(f"{_NFS_PART.sub('', description)} from fast food", table)
    if sold is None or sold.confidence < BRAND_REST_MIN:
        return None
    named = table.foods[sold.food_index].description
    if named.split(",")[0] != description.split(",")[0] or "fast food" not in named.lower():
        return None
    return sold


def from_a_restaurant(food_index: int, table: FoodTable) -> bool:
    """Whether USDA's food is one a restaurant sells: its name says "fast food" or "restaurant", it is in
    SR28's restaurant groups, or FNDDS names it by a restaurant SR28 lists ("Big Mac (McDonalds)")."""
    food = table.foods[food_index]
    if food.category in _RESTAURANTS:
        return True
    found = _FAST_FOOD_WORDS.search(food.description)
    if found is None:
        return False
    if found.group(1) is None:
        return True
    said = tokens(found.group(1))
    return any(_holds_maker(said, brand) for brand, _ in _restaurant_brands(table))


_restaurants: _PerTable[int, tuple[frozenset[str], frozenset[str]]] = _PerTable()


def _restaurant_brands(table: FoodTable) -> list[tuple[frozenset[str], frozenset[str]]]:
    """The brand words (and all capitals words) of each SR28 restaurant food ("McDONALD'S, Hamburger")."""
    found = _restaurants.of(table.index.idf)
    if not found:
        found.update((i, b) for i, b in table.index.brand.items() if table.foods[i].category in _RESTAURANTS)
    return list(found.values())


def _holds_maker(words: Sequence[str], maker: set[str] | frozenset[str]) -> bool:
    """Whether a USDA name's words hold every word of a maker's name, as FNDDS spells it ("McDonalds" for
    "McDonald's": the words as they start)."""
    return all(any(w.startswith(m.rstrip("s")) for w in words) for m in maker)


def _made_by(text: str, table: FoodTable) -> Match | None:
    """The food a line names with who made or sold it last ("a cinnamon bun from Little Debbie"): that
    maker's USDA product when USDA lists one; else, for a restaurant USDA lists, the food as USDA codes it
    "from fast food"; else the generic food, with ``brand`` set for the caller to say so."""
    maker = _FROM_MAKER.match(text.strip(" .!?"))
    if maker is None:
        # ... or written in lower case ("a coffee from dunkin", "a sandwich from panera"): a name the table
        # holds no food, talk, place or form of ("from frozen", "from my garden", "from work"; "chipotle" is
        # a pepper too, so "a burrito from chipotle" is asked)
        maker = _FROM_LOWER.match(text.strip(" .!?"))
        said = tokens(maker["brand"]) if maker is not None else ()
        if not said or any(t in _NOT_A_MAKER or t in table.index.food_words for t in said):
            return None
    if maker["brand"].lower() in _NO_MAKER:
        return None
    return _by_maker(text, maker["food"], maker["brand"], table)


def _led_by_a_restaurant(text: str, table: FoodTable) -> Match | None:
    """ "a Taco Bell taco": a restaurant USDA lists, named before the food (its words, "taco", are also the
    food's, so the whole line cannot be matched to one of its products by the name alone)."""
    words = text.split()
    start = 1 if words and words[0].lower() in ("a", "an", "one", "the", "my") else 0
    for n in (3, 2, 1):
        lead = words[start : start + n]
        if len(words) <= start + n or not _capitalised(lead):
            continue
        toks = frozenset(tokens(" ".join(lead)))
        if toks and any(toks == brand for brand, _ in _restaurant_brands(table)):
            return _by_maker(text, " ".join(words[:start] + words[start + n :]), " ".join(lead), table)
    return None


def _by_maker(text: str, food: str, brand: str, table: FoodTable) -> Match | None:
    """``text`` names ``food`` and who made or sold it (``brand``): a confident guess at the brand's own
    product is worse than the generic food said as such, so the product is taken only when USDA's name
    holds the brand, and a restaurant's generic food only when USDA codes the same food "fast food"."""
    if not any(t in table.index.core_words for t in tokens(food)):
        return None  # "a drink called Alexander from Joe": no food named before the maker
    toks = set(tokens(brand))

    def by_maker(m: Match) -> bool:
        # the maker's own USDA product ("Cheeseburger (McDonalds)"; not a phrase naming it, "starbucks latte")
        return _holds_maker(tokens(table.foods[m.food_index].description), toks)

    for said in (text, f"{brand} {food}"):
        found, _ = _match(said, table)
        if found is not None and found.confidence >= BRAND_REST_MIN and by_maker(found):
            return found
    generic, _ = _match(food, table)
    if generic is None or by_maker(generic):
        return generic  # ("a McDouble from McDonald's" named the product: USDA's, nothing left out)
    if toks and any(toks <= named for _, named in _restaurant_brands(table)):
        # a restaurant's food as USDA codes what such places sell ("fries from McDonald's": fast food fries)
        sold = as_sold_by_restaurants(generic.food_index, table)
        if sold is not None:
            return sold._replace(brand=brand, maker=True)
    return generic._replace(brand=brand, maker=True)


def match(text: str, table: FoodTable) -> tuple[Match | None, list[int]]:
    """Return the match for ``text`` (or ``None`` below MIN_CONFIDENCE) and the top candidates.

    A brand USDA does not list is left out when the whole text names no food: the generic food is
    returned with ``brand`` set, for the caller to say so; so is where it came from, when that names no
    food ("garlic bread straight from the freezer"), with ``place`` set.
    """
    dashed = _DASHED_LABEL.match(text)
    if dashed is not None:
        # MyFitnessPal's "Kirkland - Rotisserie Chicken", "Generic - Banana": the maker, then the product
        # (read as Cronometer's "Brand, Product", so a maker USDA does not list is said on the line)
        said = _NO_MAKER_LABELS.get(dashed["maker"].lower())
        text = f"{dashed['maker']}, {dashed['rest']}" if said is None else said + dashed["rest"]
    found, cands = _match_named(text, table)
    said_without = _SAID_WITHOUT.search(text)
    if said_without is not None:
        found, cands = _kept_without(text, said_without, found, cands, table)
    if found is None:
        came = _CAME_FROM_PLACE.match(text)
        if came is not None and not names_a_food(normalize(came["place"]), table.index):
            again, _ = _match_named(came["food"], table)
            if again is not None:
                return again._replace(place=text[came.end("food") :].strip()), cands
    return found, cands


# what a line says its food came without: "burger w/o bun", "coffee, no sugar", "a latte without any milk"
_SAID_WITHOUT = lazy(
    r"(?:,\s*|\s+)(?:(?:no|without|minus|hold\s+the)\s+|w/o\s*)(?:the\s+|any\s+|added\s+)?(?P<what>[a-z]+)"
    r"(?P<rest>.*)$",
    re.I,
)


def names_a_maker(first: str, table: FoodTable, *, written: bool = True, listed: bool = False) -> bool:
    """Whether a label's first part, before its comma, may be its maker: words USDA writes in a maker's
    capitals ("Banquet", "Oscar Mayer"), or (unless ``listed``) words naming no food in any USDA name, only in
    FNDDS's synonym lists ("Tyson", under its chicken tenders); never words naming a food alone ("Eggs,
    Bacon, Toast", "Little Debbie cookie, ..."). ``written=False`` for text already lowered."""
    words = first.split()
    toks = tokens(first)
    if not toks or len(words) > 4 or (written and not _capitalised(words)):
        return False
    if any(_names_alone(t, table) for t in (*toks, normalize(first))):
        return False
    if set(toks) <= _brand_words(table):
        return True
    return not listed and not any(t in table.index.food_words for t in toks)


def _maker_first(text: str, table: FoodTable, *, written: bool = True) -> str:
    """The maker USDA lists that a label names before its first comma ("Kraft, Cheddar Cheese"), or "": the
    generic food stands in for its product (an unlisted brand's label must name the product whole)."""
    first = text.split(",", 1)[0] if "," in text else ""
    return first.strip() if first and names_a_maker(first, table, written=written, listed=True) else ""


def _names_alone(key: str, table: FoodTable) -> bool:
    return key in table.aliases or key in table.index.exact


_HEAD_ENDS = lazy(r",|\(|\bwith\b|\bon\b|\bin\b|\bfor\b|\bmade\s+(?:from|of)\b")
_PERCENT = lazy(r"(\d+(?:\.\d+)?)\s*%")


def _comes_with(food: str, word: str) -> bool:
    """Whether USDA's name holds ``word`` other than as what the food is without ("Pizza, no cheese",
    "skin not eaten", "sugar free")."""
    said = [t for t in re.split(r"[^a-z]+", food.lower()) if t]
    forms = {word} | _made_with(word)
    at = [k for k, t in enumerate(said) if t in forms or singular(t) == word]
    # (any one said without is enough: "without added vitamin A and vitamin D" holds neither)
    return bool(at) and not any(
        _NEGATIONS.intersection(said[max(0, k - 2) : k]) or said[k + 1 : k + 2] in _SAID_OFF for k in at
    )


_SAID_OFF = (["not"], ["free"], ["removed"])  # "skin not eaten", "sugar free", "fat removed"


def _kept_without(
    text: str, said: re.Match[str], found: Match | None, cands: list[int], table: FoodTable
) -> tuple[Match | None, list[int]]:
    """The match with what the line says its food came without kept out: never a food whose name says it
    comes with it ("burger w/o bun" was the hamburger on its bun); a line that matched nothing is read
    without the clause ("coffee without sugar" is coffee, the clause said on the line)."""
    word = singular(said["what"].lower())
    if word == "skin":
        return found, cands  # (the skin said off is weighed in the score: USDA's "meat only", "flesh")
    if found is not None:
        if not _comes_with(table.foods[found.food_index].description, word):
            return found, cands
        ranked = search(text, table, limit=10)
        floor = max(MIN_CONFIDENCE, ranked[0][1] - SWITCH_MARGIN) if ranked else MIN_CONFIDENCE
        for food_i, score in ranked:
            if score < floor:
                break  # (nothing near: asked, never a far worse food)
            if not _comes_with(table.foods[food_i].description, word):
                return Match(food_i, min(99.0, score), "fuzzy"), cands
        return None, cands
    if said["rest"].strip(" .,;"):
        return None, cands  # something follows what it came without: not the line's last word on it
    before = text[: said.start()].strip()
    if not before:
        return None, cands
    again, _ = _match_named(before, table)
    if again is None or _comes_with(table.foods[again.food_index].description, word):
        return None, cands
    return again._replace(without=text[said.start() :].strip(" ,")), cands


_DASHED_LABEL = lazy(r"^(?P<maker>[A-Z][\w'’&.]*(?:\s+[A-Z][\w'’&.]*){0,3})\s+[-–—]\s+(?P<rest>\S.*)$")
# labels naming no maker before the dash, and what they say of the food
_NO_MAKER_LABELS = {"generic": "", "usda": "", "homemade": "homemade ", "home made": "homemade "}

# "garlic bread straight from the freezer", "fries from the same fast food place", "popcorn at the movies":
# where a food came from, said after it
_CAME_FROM_PLACE = lazy(
    r"^(?P<food>.+?)\s+(?:(?:straight|right|fresh|freshly|taken)\s+)?(?:from|out\s+of|off|at)\s+"
    r"(?:the|a|an|my|our|its|their)\s+(?P<place>[^,()]+)$",
    re.I,
)


def _match_named(text: str, table: FoodTable) -> tuple[Match | None, list[int]]:
    made = _made_by(text, table)
    if made is not None:
        return made, []
    found, cands = _match(text, table)
    if found is not None:
        lead = _maker_first(text, table)
        if lead and not set(tokens(lead)) <= table.index.brand.get(found.food_index, (_NONE, _NONE))[1]:
            # "Kraft, Cheddar Cheese": no product of the maker's, so the generic food the rest names, said so
            rest, rest_cands = _match(text.split(",", 1)[1], table)
            if rest is not None and rest.confidence >= found.confidence:
                found, cands = rest, rest_cands
            found = found._replace(brand=lead)
        return found, cands
    made = _led_by_a_restaurant(text, table)
    if made is not None:
        return made, cands
    split = _brand_prefix(text, table)
    inside = split is None and (split := _brand_inside(text, table)) is not None
    brand, rest = split if split is not None else ("", text)
    rest_toks = tokens(rest)
    words = table.index.food_words if len(rest_toks) < 2 else table.index.core_words
    if not any(t in words and t not in _NOT_NAMING for t in rest_toks):
        return None, cands  # what is left names no food ("Seeded")
    if not brand:
        return None, cands
    found, rest_cands = _match(rest, table)
    if found is not None and found.confidence >= BRAND_REST_MIN:
        # (a maker named inside a sentence's part is held by that part, as "a cookie from Nabisco" is)
        return found._replace(brand=brand, maker=inside), rest_cands
    cands = cands or rest_cands
    # after a brand, a label's trailing variants ("Premier Protein, Protein Shake, Chocolate") are left
    # out one at a time, unless one says how the food was made or kept ("frozen", "cooked", "raw")
    parts = rest.split(",")
    for n in range(len(parts) - 1, 0, -1):
        dropped = ",".join(parts[n:]).strip()
        if set(tokens(dropped)) & (PREP_WORDS | COOKED_WORDS | RAW_WORDS | FORM_WORDS | SUBSTITUTE_WORDS):
            break
        found, _ = _match(",".join(parts[:n]), table)
        if found is not None and found.confidence >= BRAND_REST_MIN:
            return found._replace(brand=brand, variant=dropped), cands
    return None, cands


def _match(text: str, table: FoodTable) -> tuple[Match | None, list[int]]:
    # "apple, medium", "eggs, large": a trailing size picks the portion, not the food
    text = _TRAILING_SIZE.sub("", text) or text
    if " in " in text:
        # a food "in a bun" is on it, USDA's sandwich: the dropped "in" made it "hot dog bun", the bread alone
        text = _IN_BREAD.sub(" on ", text)
    deli = _DELI.match(text)
    if deli is not None and not _SANDWICH.search(deli["x"].lower()):
        text = f"{deli['x']} sandwich on {deli['bread']}"  # "tuna on rye", "turkey on wheat": the deli's way
    key = normalize(text)
    if not key:
        return None, []
    if all(t in MEAL_WORDS for t in key.split()):
        return None, [f for f, _ in search(text, table, limit=3)]  # "Lunch" names a meal, not a food
    alias = _alias(key, table)  # a reviewed phrase as written ("pb&j") first, then in USDA's words
    if _written_plural(text):
        alias = table.aliases.get(key + PLURAL_KEY, alias)
    written = key  # a USDA name as written is found before any respelling ("Frankfurter, beef, unheated")
    if alias is None:
        text = respell(text, table.index)
        key = normalize(text)
        alias = _alias(key, table)
    if alias is None and any(t not in table.index.idf for t in key.split()):
        # "sandwhich", "avacado toast": a misspelt word corrected, the reviewed phrase or USDA name the line
        # then says ("sandwhich" was SR28's sandwich spread, the search's best with its words)
        fixed = " ".join(_slip_fixed(t, table.index) for t in key.split())
        if fixed != key:
            alias = _alias(fixed, table)
            if alias is None and fixed in table.index.exact:
                return Match(table.index.exact[fixed], 99.0, "exact"), [table.index.exact[fixed]]
    if alias is None:
        # "tea in my cup", "coffee in a mug": what follows the food says only where it was
        where = _IN_A_VESSEL.search(text)
        if where is not None and all(
            t in MEASURE_WORDS or t in _TALK_WORDS for t in tokens(text[where.end() :])
        ):
            alias = _alias(normalize(text[: where.start()]), table)
    if alias is None and "," in text:
        # USDA-style inverted names: "Milk, whole" is "whole milk", "Beans, black, canned" is "black beans"
        parts = [p for p in (normalize(x) for x in text.split(",")) if p]
        if len(parts) >= 2:
            alias = _alias(" ".join([parts[1], parts[0], *parts[2:]]), table)
    if alias is None:
        # "black beans, drained": a reviewed phrase once what was done before measuring is left out (the
        # full text still goes to the search below, where "drained" can pick USDA's drained solids)
        named = [t for t in key.split() if t not in RECIPE_WORDS]
        if named and len(named) < len(key.split()):
            alias = _alias(" ".join(named), table)
            if alias is not None:
                how = " ".join(t for t in key.split() if t in RECIPE_WORDS)
                return Match(alias, 100.0, "alias", prepared=how), [alias]
    if alias is not None:
        return Match(alias, 100.0, "alias"), [alias]
    exact = table.index.exact.get(written, table.index.exact.get(key))
    if exact is None:
        plain = _plain(key)  # "a fresh fruit" is USDA's "Fruit, NFS" as "fruit" is
        exact = table.index.exact.get(plain) if plain != key else None
    if exact is not None and _WITH.search(text) and not _WITH.search(table.foods[exact].description):
        exact = None  # "pancakes with syrup" is not "Pancake syrup", though both read "pancake syrup"
    if exact is not None and _named_by_a_seeming_word(tuple(key.split()), table.foods[exact].description):
        exact = None  # "crisp apple" reads as "Crisp, apple" (apple crisp) in any order: the order says apple
    ranked = search(text, table, limit=3) if exact is not None and _lacks_a_value(table.foods[exact]) else []
    if exact is not None and not (
        ranked and ranked[0][0] != exact and not _lacks_a_value(table.foods[ranked[0][0]])
    ):
        return Match(exact, 100.0, "exact"), [exact]
    # ("McDONALD'S, BIG MAC" as written, but SR28 has no B6 for it: FNDDS's "Big Mac (McDonalds)" has both)
    ranked = ranked or search(text, table, limit=3)
    cands = [f for f, _ in ranked]
    if " " not in key and not names_a_food(key, table.index):
        # "moist", "crispy": the one word matched is a word of USDA's method or a describing word, not a
        # food (two such words may still make one: "cold cuts")
        return None, cands
    if all(t in GROUP_WORDS or t in _LIGHT for t in key.split()) and not (
        ranked and "NFS" in table.foods[ranked[0][0]].description
    ):
        # "seeds", "game meat": a kind of food named alone is no one food of that kind ("Seeds" cut from a
        # label is not celery seed) unless USDA has its "not further specified" food: asked
        return None, cands
    if ranked and _A_BOWL_DISH.search(key) and "bowl" not in table.index.choices[ranked[0][0]].split():
        # "a poke bowl", "an acai bowl", "a burrito bowl": a dish named after its bowl is no food of its first
        # word ("poke bowl" was 75 g of cooked poke greens): asked, unless USDA names the bowl
        return None, cands
    if ranked and ranked[0][1] >= MIN_CONFIDENCE:
        return Match(ranked[0][0], min(99.0, ranked[0][1]), "fuzzy"), cands
    return None, cands


_one_word_foods: _PerTable[str, bool] = _PerTable()


def names_no_other_food(food_index: int, words: set[str], table: FoodTable) -> bool:
    """Whether a food's name says no food beyond ``words`` (a line's words): "cornbread" may become another
    cornbread, never "chicken cornbread"; "a can of soup" never SR28's "Soup, tomato, canned, condensed",
    whose second part names a food of its own ("Tomatoes": a one-word name)."""
    index = table.index
    single = _one_word_foods.of(index.idf)
    if not single:
        single.update((index.head[i], True) for i in range(len(table.foods)) if index.core[i] == 1)
    desc = index.choices[food_index].split()
    segments = table.foods[food_index].description.split(",")
    named = {t for t in tokens(segments[1]) if t in single} if len(segments) > 1 else set()
    return (set(desc[: index.core[food_index]]) | named) - _NOT_CORE - QUALIFIER_WORDS - GROUP_WORDS <= words


def alternatives(text: str, table: FoodTable, chosen: int, *, alias: bool = False) -> list[int]:
    """Foods about as good a match for ``text`` as ``chosen``, best first (``chosen`` excluded).

    Used when the chosen food lacks the measure the user wrote ("1 beer"): picking an equally good
    candidate that has it beats a silent borrowed weight or an unresolved line. A hand-picked alias
    food is only traded for a near-equal one ("1 cup ice cream" must not become chocolate ice cream).
    """
    ranked = search(text, table, limit=12)
    scores = dict(ranked)
    ref = scores.get(chosen, ranked[0][1] if ranked else 0.0)
    if alias:
        ref -= ALIAS_BONUS
    floor = max(MIN_CONFIDENCE, ref - (ALIAS_SWITCH_MARGIN if alias else SWITCH_MARGIN))
    words = {VERB_FORMS.get(t, t) for t in tokens(text)}

    def names_nothing_new(f: int) -> bool:
        return names_no_other_food(f, words, table)

    def twin(f: int) -> bool:
        # the same USDA analysis in the other table (SR28 dry-roasted cashews = FNDDS "Cashews, NFS"):
        # its household measures ("1 nut", "1 glass") fit the chosen food exactly
        # (values of none at all are no analysis: fondant and a soft drink both have 0 Mg and 0 B6; a twin
        # also names the food: "Soft drink, NFS" is no fondant)
        a, b = table.foods[f], table.foods[chosen]
        return (
            a.magnesium is not None
            and a.vitamin_b6 is not None
            and a.source != b.source
            and (a.magnesium, a.vitamin_b6) == (b.magnesium, b.vitamin_b6)
            and (a.magnesium, a.vitamin_b6) != (0, 0)
            and bool((set(tokens(a.description)) - _NOT_CORE) & set(tokens(b.description)))
        )

    def stands_in(f: int) -> bool:
        # "a sausage patty" may be weighed by another sausage, never become a meatless one (another kind of
        # food); a dish's meatless variety is still the dish ("manicotti in tomato sauce")
        other = table.foods[f]
        return bool(set(tokens(other.description)) & SUBSTITUTE_WORDS - words) and (
            other.category != table.foods[chosen].category
        )

    def flavoured(f: int) -> bool:
        # a flavour the line did not say is another food ("2 sugars" in tea were SR28's maple sugar, 56 g)
        said = set(tokens(table.foods[chosen].description)) | words
        return bool((set(tokens(table.foods[f].description)) & FLAVOR_WORDS) - said)

    close = [
        f
        for f, s in ranked
        if f != chosen and s >= floor and names_nothing_new(f) and not stands_in(f) and not flavoured(f)
    ]
    b = table.foods[chosen]
    known = set(tokens(b.description)) | words | _NOT_CORE
    twins = [
        f
        for f in _by_values(table).get((b.magnesium, b.vitamin_b6), ())
        if f != chosen and twin(f) and not set(tokens(table.foods[f].description)) - known
    ]
    return close + [f for f in twins if f not in close]


# Vegetables people nearly always eat cooked: counted raw only because a line did not say, so the
# line's note says so (issue 12: "1 cup spinach" raw is 30 g and 24 mg Mg; cooked, 180 g and 157 mg).
EATEN_COOKED_VEGETABLES = wordset(
    """spinach kale broccoli pea collard chard mustard turnip okra asparagus artichoke eggplant
    brussel sprout cabbage cauliflower potato yam squash pumpkin parsnip rutabaga leek"""
)


def cooked_counterpart(text: str, food_index: int, table: FoodTable) -> int | None:
    """The cooked entry for a raw vegetable usually eaten cooked, when the line did not say raw.

    "1½ cups spinach" is counted as USDA's raw spinach (the line did not say cooked); the cooked
    entry lets the note say how different the cooked amount would be. None when the rule does not
    apply or USDA has no cooked entry naming the same vegetable.
    """
    index = table.index
    desc = index.choices[food_index].split()
    if "raw" not in desc or not set(desc[: max(1, index.core[food_index])]) & EATEN_COOKED_VEGETABLES:
        return None
    memo = _cooked_memo.of(index.idf)
    key = (normalize(text), food_index)
    if key not in memo:
        memo[key] = _cooked_counterpart(text, desc, food_index, table)
    return memo[key]


_cooked_memo: _PerTable[tuple[str, int], int | None] = _PerTable()


def _cooked_counterpart(text: str, desc: list[str], food_index: int, table: FoodTable) -> int | None:
    index = table.index
    words = set(tokens(respell(text, index)))
    if words & (RAW_WORDS | COOKED_WORDS | FORM_WORDS):
        return None
    veg = set(desc[: max(1, index.core[food_index])]) & EATEN_COOKED_VEGETABLES
    for f, _ in search(f"{text} cooked boiled without salt", table, limit=5):
        other = set(index.choices[f].split())
        if veg <= other and other & COOKED_WORDS and "raw" not in other and not other & FORM_WORDS:
            return f
    return None


_twin_memo: _PerTable[tuple[float | None, float | None], list[int]] = _PerTable()


def _by_values(table: FoodTable) -> dict[tuple[float | None, float | None], list[int]]:
    """Foods by their (Mg, B6) per 100 g, built once per table: finds a food's twin in the other table."""
    if _twin_memo.owner is not table.foods:
        grouped = _twin_memo.of(table.foods)
        for i, f in enumerate(table.foods):
            if f.magnesium is not None and f.vitamin_b6 is not None:
                grouped.setdefault((f.magnesium, f.vitamin_b6), []).append(i)
    return _twin_memo.map
