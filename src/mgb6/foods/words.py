"""The words both sides of a match compare: the vocabularies that say what a word does to a food, and the
tokenizer that turns a log's text and USDA's names into the same lower-case singular tokens.

Kept apart from the matcher so that the index builder, the portion reader and the line splitter can share
one idea of a word without importing the search itself."""

from __future__ import annotations

import re
from functools import lru_cache

from mgb6.lazyre import lazy


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = wordset("of the a an with and in or for to from my some about approx approximately")
# Words that change what a food is; a candidate carrying one the user did not write is penalised.
PREP_WORDS = wordset(
    """raw cooked boiled canned roasted dried dehydrated fried baked grilled steamed frozen broiled
    stewed braised smoked salted sweetened toasted breaded battered pickled candied juice
    powder flour sauce soup chip dry mix prepared microwaved sauteed scrambled poached mashed instant
    unprepared uncooked"""
)
# Heat-treated forms: a query naming one is satisfied by any of them ("cooked" ~ "boiled", "roasted"...).
COOKED_WORDS = wordset(
    """cooked boiled roasted fried baked grilled steamed broiled stewed braised microwaved sauteed
    scrambled poached toasted prepared simmered heated"""
)
RAW_WORDS = wordset("raw uncooked unprepared fresh")
# Forms the user may write that a match must carry ("canned kidney beans" are not boiled ones).
FORM_WORDS = wordset("canned dried dehydrated frozen smoked pickled salted candied instant powder")
# Words that turn a food into another product or a dish: costly when the user did not write them.
DISH_WORDS = wordset(
    """salad sandwich soup casserole stew pie cake chip oil juice flour sauce dip spread bar cookie
    cracker muffin bread roll pudding dessert drink beverage smoothie shake topping dressing gravy
    burrito taco pizza noodle pasta candy fudge jam jelly syrup nectar puree baby
    powder paste concentrate substitute imitation mix fritter patty nugget loaf croquette pastry tart
    strudel stuffed filled glazed coated creamed flavored restaurant cafeteria school fast
    latte cappuccino mocha macchiato"""
    # (a coffee drink is another drink than the coffee: "decaffeinated coffee" tied with the decaf latte)
)
# Mixed dishes, FNDDS's ground ("as eaten"): for these SR28's precedence yields (data/SOURCES.md).
MIXED_DISHES = wordset(
    """salad sandwich soup casserole stew pie burrito taco pizza noodle pasta smoothie shake burger
    cheeseburger hamburger wrap quesadilla enchilada lasagna curry omelet frittata chili sushi nacho
    dumpling sub hoagie"""
)
# Flavours: a flavoured product is not the plain one the user wrote ("frozen yogurt", "greek yogurt").
FLAVOR_WORDS = wordset(
    """chocolate vanilla strawberry blueberry raspberry cherry peach lemon lime orange coffee caramel
    mint maple honey cinnamon"""
)
# Stand-ins for a food: never what the user meant unless written.
# What makes a milk non-dairy: FNDDS's "Coffee, Latte, with non-dairy milk" is the oat milk latte, and never
# the whole milk one
PLANT_MILK_WORDS = wordset("almond soy soya oat coconut rice cashew hemp pea macadamia plant vegan")
NON_DAIRY = frozenset(("non", "dairy"))  # USDA's own words for a plant milk
SUBSTITUTE_WORDS = wordset(
    """meatless vegetarian vegan veggie imitation substitute analog vodka rum gin whiskey whisky
    tequila liqueur brandy schnapps margarita daiquiri cocktail"""
)
# SR28 starts many descriptions with a group word ("Nuts, almonds", "Fish, salmon, ..."): it says what
# kind of food it is, not which food, so a candidate does not need the user to write it.
GROUP_WORDS = wordset(
    """nut seed fish beverage cereal spice snack candy mollusk crustacean alcoholic game meat soft
    drink leavening agent"""
)
# Qualifiers that narrow a food without changing it much: they weigh little on either side.
QUALIFIER_WORDS = wordset(
    """raw fresh whole atlantic pacific wild farmed mature all commercial commercially variety
    type regular plain domestic imported enriched broiler fryer only unsweetened unenriched includes
    include year round average ripe
    fluid n ns nfs form kernel grade choice select separable usda commodity ready eat serve rtd rte
    traditional ordinary natural organic store bought homemade generic unknown"""
)
# Shopping labels and cuts that do not change a food's nutrients (cuts still pick the portion).
LABEL_WORDS = wordset("organic store bought storebought homemade home made brand generic fresh")
CUT_WORDS = wordset(
    """chopped sliced diced cubed shredded grated minced halved halve cut chunk piece slice wedge
    floret tossed"""
)
# Recipe words for what was done before measuring: they name no food and are no misspellings (the line
# reader notes them as preparation when the food is matched without them).
RECIPE_WORDS = wordset(
    """beaten whisked melted softened rinsed drained sifted divided optional trimmed deveined zested lukewarm
    heaping scant garnish julienned thawed halved warmed finely room temperature"""
)
# Vessels and servings: how much, not which food ("bowl of miso soup" is miso soup).
MEASURE_WORDS = wordset(
    """bowl glass mug cup plate bottle can carton handful scoop serving portion piece slice helping
    pinch splash dollop stick pouch jar container packet tub"""
    # sizes a product is sold in ("a fun-size Snickers", "a miniature Milky Way"): USDA's portion rows
    + " mini miniature fun bite"
)
# A meal or course named alone is no food: "Breakfast" must not become breakfast cereal.
MEAL_WORDS = wordset("breakfast brunch lunch dinner supper snack dessert meal combo")

# "roast chicken" is USDA's "roasted": one spelling per preparation so both sides compare.
VERB_FORMS = {"roast": "roasted", "grill": "grilled", "bake": "baked", "boil": "boiled",
              "steam": "steamed", "poach": "poached", "saute": "sauteed", "sauted": "sauteed"}  # fmt: skip
# Cronometer/FNDDS wordings with a USDA equivalent.
PHRASES = (("no visible fat", "lean only"), ("skin not eaten", "meat only"), ("skinless", "meat only"),
           ("without peel", "peeled"), ("not frosted", "without frosting"), ("unfrosted", "without frosting"),
           ("whole pieces", ""), ("cut pieces", ""), ("without any ", "no "), ("dairy-free", "no dairy"),
           ("dairy free", "no dairy"),
           # canned fruit "in juice", "in light syrup" is USDA's "juice pack", "light syrup pack": never juice
           (" in its own juice", " juice pack"), (" in juice", " juice pack"),
           (" in 100% juice", " juice pack"),
           (" in light syrup", " light syrup pack"), (" in heavy syrup", " heavy syrup pack"),
           (" in syrup", " syrup pack"))  # fmt: skip
# How the animals were kept: it names no other food in USDA's tables (read out before any match)
HOW_KEPT = lazy(r"\b(?:free[\s-]range|cage[\s-]free|pasture[\s-]raised)\s+", re.I)

# A line saying the skin was not eaten ("skin removed", "without the skin", "skinless"), and what USDA
# calls a bird or fish, or one of its portions, eaten so ("meat only", "skin not eaten", "1 thigh
# without skin")
SKIN_OFF_WORDS = wordset("without no removed off not peeled")
# The words before which a USDA name says what the food has not ("Pizza, no cheese", "flavors other than
# chocolate", "vegetables excluding carrots"): the word after is no word of the food
LEAVES_OUT = wordset("no without not than excluding except non")
SKINLESS_NAMED = lazy(
    r"\bskin not eaten\b|\bmeat only\b|\bskinless\b|\bwithout skin\b|\bskin removed\b", re.I
)
_NON_WORD = lazy(r"[^a-z0-9]+")


# Singulars ending in "ie": "cookies" is "cookie", not "cooky" (USDA writes both numbers).
IE_WORDS = wordset("""cookie smoothie brownie veggie pie calorie hoagie pierogie goodie sweetie
    pinkie quickie rookie""")


def singular(tok: str) -> str:
    if len(tok) <= 3 or tok.endswith(("ss", "us", "is")):
        return tok
    if tok.endswith("ies"):
        return tok[:-1] if tok[:-1] in IE_WORDS else tok[:-3] + "y"
    if tok.endswith("oes") or tok.endswith(("ches", "shes", "sses", "xes")):
        return tok[:-2]
    if tok.endswith("ves") and tok not in ("olives", "chives", "cloves"):
        return tok[:-3] + "f"
    if tok.endswith("s"):
        return tok[:-1]
    return tok


# Words USDA writes as one that people write as two: SR28's "Babyfood, ..." is what a log calls "baby food";
# USDA writes "lowfat" in 64 names and "low fat" in 168, people mostly "low-fat".
COMPOUNDS = {"babyfood": ("baby", "food"), "lowfat": ("low", "fat")}


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case, singular word tokens without stop words: the unit both sides of a match compare."""
    text = text.lower().replace("&", " and ").replace("'", "")
    if not text.isascii():  # "café", "jalapeño", "crème": the accent-free spelling USDA and most logs use
        import unicodedata

        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    out = tuple(singular(t) for t in _NON_WORD.split(text) if t and t not in STOPWORDS)
    if COMPOUNDS.keys() & out:
        out = tuple(w for t in out for w in COMPOUNDS.get(t, (t,)))
    return out


def normalize(text: str) -> str:
    return " ".join(tokens(text))
