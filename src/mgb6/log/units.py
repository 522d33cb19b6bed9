"""The vocabulary of amounts: number words, unicode fractions, and unit spellings mapped to one name."""

from __future__ import annotations

import re

from mgb6.lazyre import lazy

UNICODE_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
    "⅑": 1 / 9, "⅒": 1 / 10,
}  # fmt: skip

NUMBER_WORDS = {
    "a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0,
    "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "eleven": 11.0, "twelve": 12.0,
    "half": 0.5, "quarter": 0.25, "dozen": 12.0, "couple": 2.0,
}  # fmt: skip

# Grams per unit for units that are masses, millilitres per unit for volumes (US customary).
MASS_G = {"g": 1.0, "kg": 1000.0, "mg": 0.001, "mcg": 0.000001, "oz": 28.349523125, "lb": 453.59237}
VOLUME_ML = {
    "ml": 1.0, "cl": 10.0, "dl": 100.0, "l": 1000.0, "tsp": 4.92892159375, "tbsp": 14.78676478125,
    "fl oz": 29.5735295625, "cup": 236.5882365, "pint": 473.176473, "quart": 946.352946,
    "gallon": 3785.411784,
    # a coffee shop's cup sizes, by the names only Starbucks uses (Reader's Digest, "What to Know About
    # Starbucks Cup Sizes", rd.com, citing starbucks.com: tall 12 oz, grande 16 oz, venti 20 oz hot, trenta
    # 30 oz); "tall" only of a drink and no vessel ("a tall latte", never "a tall glass of milk"), and never
    # a unit spelling (UNIT_ALIASES): it is an everyday word
    "tall": 354.8823545, "grande": 473.176473, "venti": 591.4705912, "trenta": 887.205887,
}  # fmt: skip
SIZES = ("extra small", "small", "medium", "large", "extra large", "jumbo", "tiny")
# The sizes a product is sold in ("a miniature Milky Way", "a fun-size Snickers", "a king size bar"): USDA's
# rows of that size (foods/portions.py), said of the product, never part of its name (foods/match.py)
PRODUCT_SIZES = ("mini", "miniature", "fun", "bite", "king")
# A coffee shop's cup sizes (VOLUME_ML): in a product's name ("Caffe Latte Grande") a size, never a food word
CUP_SIZES = ("tall", "grande", "venti", "trenta")

# spelling -> canonical unit. Kept as data: adding a spelling never needs new code.
UNIT_ALIASES: dict[str, str] = {
    **{s: "g" for s in ("g", "gr", "grs", "gm", "gms", "gram", "grams", "gramme", "grammes")},
    **{s: "kg" for s in ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms")},
    **{s: "mg" for s in ("mg", "milligram", "milligrams")},
    **{s: "mcg" for s in ("mcg", "µg", "μg", "microgram", "micrograms")},
    **{s: "oz" for s in ("oz", "ozs", "ounce", "ounces")},
    **{s: "lb" for s in ("lb", "lbs", "pound", "pounds")},
    **{s: "ml" for s in ("ml", "mls", "millilitre", "millilitres", "milliliter", "milliliters")},
    "cl": "cl", "dl": "dl",
    **{s: "l" for s in ("l", "litre", "litres", "liter", "liters", "ltr")},
    **{s: "tsp" for s in ("tsp", "tsps", "teaspoon", "teaspoons", "tspn")},
    **{s: "tbsp" for s in ("tbsp", "tbsps", "tbs", "tbl", "tbls", "tablespoon", "tablespoons")},
    **{s: "cup" for s in ("cup", "cups")},
    **{s: "fl oz" for s in ("fl oz", "fl. oz", "fl. oz.", "floz", "fluid ounce", "fluid ounces")},
    **{s: "pint" for s in ("pint", "pints", "pt")},
    **{s: "quart" for s in ("quart", "quarts", "qt")},
    **{s: "gallon" for s in ("gallon", "gallons", "gal")},
    "grande": "grande", "venti": "venti", "trenta": "trenta",
    **{s: "extra small" for s in ("extra small", "extra-small", "xs")},
    **{s: "small" for s in ("small", "sm", "tiny", "small-sized", "small sized")},
    **{s: "medium" for s in ("medium", "med", "medium-sized", "medium sized")},
    **{s: "large" for s in ("large", "lg", "big")},
    **{s: "extra large" for s in ("extra large", "extra-large", "xl")},
    "jumbo": "jumbo",
    **{s: "slice" for s in ("slice", "slices")},
    **{s: "piece" for s in ("piece", "pieces", "pc", "pcs")},
    **{s: "each" for s in ("each", "ea", "whole", "item", "items")},
    **{s: "clove" for s in ("clove", "cloves")},
    **{s: "can" for s in ("can", "cans", "tin", "tins")},
    **{s: "bottle" for s in ("bottle", "bottles")},
    **{s: "handful" for s in ("handful", "handfuls")},
    # ("a side of fries", "a side order of rice": a restaurant's serving)
    **{s: "serving" for s in ("serving", "servings", "portion", "portions", "side", "sides", "side order",
                              "side orders")},
    **{s: "stalk" for s in ("stalk", "stalks")},
    **{s: "leaf" for s in ("leaf", "leaves")},
    **{s: "sprig" for s in ("sprig", "sprigs")},
    **{s: "scoop" for s in ("scoop", "scoops")},
    **{s: "container" for s in ("container", "containers", "tub", "tubs", "pot", "pots")},
    **{s: "package" for s in ("package", "packages", "pkg", "packet", "packets", "pack", "packs")},
    **{s: "bar" for s in ("bar", "bars")},
    **{s: "block" for s in ("block", "blocks")},  # tofu: SR28's "block" rows
    **{s: "stick" for s in ("stick", "sticks")},
    **{s: "head" for s in ("head", "heads")},
    **{s: "bunch" for s in ("bunch", "bunches")},
    **{s: "fillet" for s in ("fillet", "fillets", "filet", "filets")},
    **{s: "link" for s in ("link", "links")},
    **{s: "strip" for s in ("strip", "strips", "rasher", "rashers")},
    **{s: "spear" for s in ("spear", "spears")},
    **{s: "patty" for s in ("patty", "patties")},
    **{s: "glass" for s in ("glass", "glasses", "glassful")},
    **{s: "mug" for s in ("mug", "mugs", "mugful")},
    **{s: "drink" for s in ("drink", "drinks")},  # "a drink of whiskey and soda": FNDDS's "1 drink" rows
    **{s: "bowl" for s in ("bowl", "bowls", "bowlful", "bowlfuls")},
    **{s: "plate" for s in ("plate", "plates", "plateful", "platefuls")},
    **{s: "basket" for s in ("basket", "baskets")},  # ("a basket of fries" was one 5 g fry)
    **{s: "carton" for s in ("carton", "cartons")},
    **{s: "jar" for s in ("jar", "jars")},
    **{s: "bag" for s in ("bag", "bags")},
    **{s: "pouch" for s in ("pouch", "pouches")},
    **{s: "box" for s in ("box", "boxes")},
    **{s: "splash" for s in ("splash", "splashes")},
    **{s: "pinch" for s in ("pinch", "pinches")},
    **{s: "dash" for s in ("dash", "dashes")},
    **{s: "smidgen" for s in ("smidgen", "smidgens", "smidge")},
    # "a bit of milk", "a touch of honey": no amount said, and no source weighs one
    **{s: "bit" for s in ("bit", "bits")}, "touch": "touch", "hint": "hint",
    **{s: "dab" for s in ("dab", "dabs")},
    **{s: "personal" for s in ("personal", "personal size", "personal-size", "personal sized",
                               "personal-sized", "personal pan")},  # FNDDS's "1 personal pizza"
    **{s: "dollop" for s in ("dollop", "dollops")},
    **{s: "drizzle" for s in ("drizzle", "drizzles")},
    **{s: "sprinkle" for s in ("sprinkle", "sprinkles")},
    **{s: "shot" for s in ("shot", "shots")},
    **{s: "wedge" for s in ("wedge", "wedges")},
    **{s: "square" for s in ("square", "squares")},
    **{s: "ear" for s in ("ear", "ears")},
    # USDA weighs cheese, meat, fudge and cake by the "cubic inch" (450 rows)
    **{s: "cubic inch" for s in ("cubic inch", "cubic inches", "cubic-inch", "cu in")},
    **{s: "capsule" for s in ("capsule", "capsules", "cap", "caps", "softgel", "softgels")},
    **{s: "tablet" for s in ("tablet", "tablets", "tab", "tabs", "pill", "pills")},
}  # fmt: skip

MASS_UNITS = frozenset(MASS_G)
VOLUME_UNITS = frozenset(VOLUME_ML)
SIZE_UNITS = frozenset(SIZES)
# Everyday vessels with no standard size: a USDA portion of that very name weighs them (FNDDS's "1 glass"
# of wine, a protein powder's label "scoop"); otherwise the food's usual USDA portion is assumed and the
# line says so (portions.to_grams). Either way the amount is an assumption the report counts.
VESSEL_UNITS = frozenset({"glass", "mug", "bowl", "plate", "basket", "handful", "scoop", "drink"})
# Small kitchen amounts: a USDA row of that name, else the reviewed table data/amounts.csv (a pinch is
# 1/16 tsp), else not counted; never the food's usual portion (a splash of milk is not a cup).
SMALL_UNITS = frozenset(
    {"splash", "pinch", "dash", "smidgen", "dollop", "drizzle", "sprinkle", "bit", "touch", "hint", "dab"}
)
# Packages, whose size varies by product: a USDA row of that name, else FNDDS's "quantity not specified".
PACKAGE_UNITS = frozenset({"can", "bottle", "carton", "jar", "bag", "pouch", "box", "container", "package"})
# Vague too, but with no stand-in: a "shot" of espresso is not a cup, so only a USDA "shot" row weighs it;
# nor is "a bite of cake" USDA's 175 g of cake (parse.py reads "a bite of": no unit spelling, "bite size")
VAGUE_UNITS = VESSEL_UNITS | SMALL_UNITS | {"shot", "bite"}

_spellings = sorted(UNIT_ALIASES, key=len, reverse=True)
# Every spelling, longest first (a space may be any run of space, or none). Matching with it costs a
# ~200-way alternation to compile (about 2 ms per pattern using it), so the parser does not: it reads
# UNIT_WORD_PATTERN and asks is_unit_spelling() instead.
UNIT_PATTERN = "|".join(re.escape(s).replace(r"\ ", r"\s*") for s in _spellings)
# A word in a unit's place: one of the few spellings that are not one run of letters ("fl oz", "fl. oz.",
# "extra-large", "medium sized"), tried first as in UNIT_PATTERN, else a run of letters, maybe after µ.
# For the same text it matches where UNIT_PATTERN would, and more: is_unit_spelling() says which.
_MULTI = [s for s in _spellings if not re.fullmatch(r"[µμ]?[a-z]+", s)]
UNIT_WORD_PATTERN = "|".join([*(re.escape(s).replace(r"\ ", r"\s*") for s in _MULTI), r"[µμ]?[a-z]+"])
# How case-insensitive matching folds letters ("ſ" is an "s", "ı" an "i"), so the two never disagree.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "K": "k", "µ": "μ"})
_WORDS = frozenset(s.replace(" ", "").translate(_FOLD).lower() for s in _spellings)
_ANY_SPACE = lazy(r"\s+")


def is_unit_spelling(word: str) -> bool:
    """Whether a word UNIT_WORD_PATTERN read is one UNIT_PATTERN reads too ("cups", "fl  oz", not "eggs")."""
    return _ANY_SPACE.sub("", word).translate(_FOLD).lower() in _WORDS


# "fl.oz", "extralarge", "fluidounces": the spellings written without their space
_SQUASHED = {s.replace(" ", ""): unit for s, unit in UNIT_ALIASES.items() if " " in s}


def canonical_unit(word: str) -> str | None:
    """Return mgb6's one name for a unit spelling, or ``None`` when the word is not a unit."""
    text = re.sub(r"\s+", " ", word.strip().lower())
    return UNIT_ALIASES.get(text) or _SQUASHED.get(text)
