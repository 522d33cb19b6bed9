"""The matcher's index of the food table: every name, synonym and alias as tokens, their postings and
weights, and what each USDA name says of itself (its brand, its "X or Y", its group word).

Built once per table by ``foods.table`` and cached with it; searched by ``foods.match``. It lives apart
from the search so the table can build it without importing the matcher."""

from __future__ import annotations

import math
import re
from array import array
from typing import NamedTuple

from mgb6.foods.words import GROUP_WORDS, QUALIFIER_WORDS, normalize, tokens
from mgb6.lazyre import lazy
from mgb6.models import Food

UNWANTED_CATEGORIES = ("Fast Foods", "Restaurant Foods", "Baby Foods", "Meals, Entrees, and Side Dishes",
                       "American Indian/Alaska Native Foods")  # fmt: skip
# Foods eaten cooked: with no preparation written, "salmon" or "pork chop" means a cooked entry.
EATEN_COOKED = ("Beef Products", "Pork Products", "Lamb, Veal, and Game Products", "Poultry Products",
                "Finfish and Shellfish Products", "Sausages and Luncheon Meats")  # fmt: skip

# An alias whose note starts with PLURAL_ONLY serves only a line that writes the word plural ("crisps" are
# British potato chips; "crisp" describes, or is an apple crisp): its key is the normal (singular) form
# plus PLURAL_KEY, which no normalised text contains.
PLURAL_ONLY = "plural only"
# An alias whose note starts with OVER_SYNONYM stands where a USDA synonym of the same words names another
# food, and that synonym is left out ("caramel macchiato": FNDDS files it under its 62 g espresso macchiato)
OVER_SYNONYM = "over a USDA synonym"
PLURAL_KEY = " ~s"


class SearchIndex(NamedTuple):
    """Precomputed search structures; built once from the table and cached with it."""

    choices: list[str]  # normalised text of each choice (tokens joined by spaces)
    choice_food: list[int]
    choice_kind: bytes  # 0 description, 1 synonym, 2 alias
    postings: dict[str, bytes]  # token -> array("i") bytes of choice numbers: fast to unpickle
    idf: dict[str, float]
    exact: dict[str, int]  # normalised text -> food index
    head: list[str]  # first token of each food's description
    bias: list[float]  # per-food score adjustment: SR28 precedence, unwanted kinds of food
    cooked_food: bytes  # per food: 1 when it is eaten cooked (meat, poultry, fish)
    core: bytes  # per choice: how many leading tokens name the food itself (SR28's group word skipped)
    # normalised word or two-word phrase -> (what it means, words that cancel it): data/words.csv
    words: dict[str, tuple[str, frozenset[str]]]
    words_first: frozenset[str]  # first word of each words.csv entry: most text needs no rewrite
    # per choice with an "X or Y" in its name ("Chicken or turkey caesar salad"): the alternatives, so
    # naming one of them does not leave the other as a word the user failed to write
    alternates: dict[int, frozenset[str]]
    # first letter and length ("b8") -> vocabulary words: spelling correction compares a fraction of it
    by_initial: dict[str, list[str]]
    # per branded food: the words of its brand ("CHICK-FIL-A", "McDONALD'S": its first all-capitals
    # part) and the words of all its capitals parts (brand and product: "GENERAL MILLS", "CHEERIOS")
    brand: dict[int, tuple[frozenset[str], frozenset[str]]]
    # words that name a food: the first word of some USDA description ("carrot", "salad", "caesar");
    # chatter ("delicious", "tonight", "crispy") starts none
    food_words: frozenset[str]
    # words naming a food in some USDA description, synonym or alias ("cheddar" in "cheddar cheese")
    core_words: frozenset[str]
    # core_words and the words of each description's second comma part, where FNDDS puts the food after
    # its group ("Coffee, Cappuccino"); never its later parts ("Oyster, cooked, moist heat")
    named_words: frozenset[str]
    # word -> the kinds of food it names ("cherry" -> fruit, "salmon" -> fish, seafood): FNDDS names many
    # foods by the kind of what is in them ("Turnover, fruit", "Burrito with meat"), a line by the thing
    kinds: dict[str, frozenset[str]]


def food_bias(food: Food) -> float:
    """SR28 first (it matched Cronometer's values best, see data/SOURCES.md); brands and dishes last."""
    bias = 2.0 if food.source == "sr28" else 0.0
    if food.magnesium is None or food.vitamin_b6 is None:
        bias -= 3.0  # of two near-equal foods, the one USDA analysed for both nutrients ("Big Mac")
    if food.category in UNWANTED_CATEGORIES or re.search(r"\b[A-Z]{3,}\b", food.description):
        bias -= 8.0
    return bias


def core_length(description: str) -> int:
    """Tokens naming the food itself: USDA's first comma segment, past a leading group word.

    "Walnut oil" -> 2 (both words matter), "Nuts, walnuts, english" -> 2 ("nut walnut"; the group word
    weighs nothing), "Chicken, broilers or fryers, breast, ..." -> 1.
    """
    n = 0
    for segment in description.split(","):
        toks = tokens(segment)
        n += len(toks)
        if toks and not all(t in GROUP_WORDS or t in QUALIFIER_WORDS for t in toks):
            break
    return n


def group_lead(description: str) -> int:
    """Tokens of the leading comma segments that only say what kind of food it is: "Nuts, walnuts" -> 1,
    "Soft drink, cola" -> 2, "Fish and rice with cream sauce" -> 0."""
    n = 0
    for segment in description.split(","):
        toks = tokens(segment)
        if toks and not all(t in GROUP_WORDS or t in QUALIFIER_WORDS for t in toks):
            break
        n += len(toks)
    return n


# SR28's food groups that say what kind of food their foods are; the nut and seed, fish and shellfish groups
# say it in each name's first word ("Nuts, walnuts", "Fish, salmon", "Crustaceans, shrimp")
KIND_OF_GROUP = {
    "Fruits and Fruit Juices": ("fruit",),
    "Vegetables and Vegetable Products": ("vegetable",),
    "Beef Products": ("meat",),
    "Pork Products": ("meat",),
    "Lamb, Veal, and Game Products": ("meat",),
    "Sausages and Luncheon Meats": ("meat",),
    "Finfish and Shellfish Products": ("seafood",),
}
KIND_OF_LEAD = {"nut": ("nut",), "seed": ("seed",), "fish": ("fish",), "crustacean": ("shellfish",),
                "mollusk": ("shellfish",)}  # fmt: skip

# words SR28 files in a group that name no kind of food to a reader ("Juice, apple"; ketchup is no vegetable)
NOT_A_KIND = frozenset(("juice", "catsup", "ketchup", "formulated", "mixed"))


def _kinds(foods: list[Food]) -> dict[str, frozenset[str]]:
    """The kinds each word names, from SR28's groups: a word is a fruit when most SR28 foods it names are in
    the fruit group ("cherry": "Cherries, sweet, raw", "Cherries, sour, ..."). The naming word is a name's
    first comma part when it is one word, past a group word ("Nuts, walnuts" names walnuts)."""
    votes: dict[str, dict[str, int]] = {}
    named: dict[str, int] = {}
    for f in foods:
        if f.source != "sr28":
            continue
        toks = tokens(f.description)
        lead = group_lead(f.description)
        segment = [t for seg in f.description.split(",")[(1 if lead else 0) :][:1] for t in tokens(seg)]
        if lead and len(segment) == 2 and segment[1] == toks[0]:
            segment = segment[:1]  # "Nuts, cashew nuts", "Seeds, chia seeds"
        if len(segment) != 1 or lead >= len(toks) or segment[0] in NOT_A_KIND or _brand(f.description):
            continue  # a name of one word only: "Sweet potato", "Smoked link sausage" say no kind of "sweet"
        word = segment[0]
        named[word] = named.get(word, 0) + 1
        found = KIND_OF_GROUP.get(f.category, ())
        if lead:
            found = found + KIND_OF_LEAD.get(toks[0], ())
        for k in found:
            votes.setdefault(word, {})[k] = votes.setdefault(word, {}).get(k, 0) + 1
    classes = {k for ks in (*KIND_OF_GROUP.values(), *KIND_OF_LEAD.values()) for k in ks}
    return {
        word: frozenset(k for k, n in counts.items() if 2 * n > named[word])
        for word, counts in votes.items()
        if word not in classes and any(2 * n > named[word] for n in counts.values())
    }


_BRAND_SEGMENT = lazy(r"^(?:Mc|Mrs?\.? )?[A-Z0-9][A-Z0-9'&.!+ -]*[A-Z][A-Z0-9'&.!+ -]*$")


def _brand(description: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """A branded USDA food's brand (its first comma part in capitals) and all its words in capitals."""
    caps = [
        s for s in (seg.strip() for seg in description.split(","))
        if _BRAND_SEGMENT.match(s) and sum(c.isupper() for c in s) >= 3
        and not set(tokens(s)) <= QUALIFIER_WORDS  # "NFS", "USDA" are USDA's words, not brands
    ]  # fmt: skip
    if not caps:
        return None
    return frozenset(tokens(caps[0])), frozenset(t for s in caps for t in tokens(s))


OR_PAIR = lazy(r"([a-z][a-z' -]*?)\s+or\s+([a-z][a-z' -]*)", re.I)


def _alternates(description: str) -> frozenset[str]:
    """The words on both sides of each "or" in the food's name ("Chicken or turkey" -> chicken, turkey)."""
    found: set[str] = set()
    for segment in description.split(",")[:2]:
        for m in OR_PAIR.finditer(segment):
            left, right = tokens(m.group(1)), tokens(m.group(2))
            if left and right:
                found.update((left[-1], right[0]))
    return frozenset(found)


_PROPER_NAME = lazy(r"\(([^()]*[A-Z][^()]*)\)\s*$")


def _proper_names(descriptions: list[str], sources: list[str]) -> dict[str, int]:
    """FNDDS names a product by its own name in parentheses ("Cheese flavored corn snacks (Cheetos)",
    "Sports drink (Powerade)"): a name that belongs to one food only is an exact key for it, so that
    "cheetos" is not scored against the generic words around it. Shared names ("(Doritos)") and
    qualifiers in lower case ("(cilantro)", "(large)") are left to the search."""
    found: dict[str, list[int]] = {}
    for i, desc in enumerate(descriptions):
        # at the end of the name itself, or (FNDDS) of the whole description: "..., ready-to-drink (Ensure)"
        m = _PROPER_NAME.search(desc.split(",", 1)[0])
        if m is None and sources[i] == "fndds":
            m = _PROPER_NAME.search(desc)
        if m and len(key := normalize(m.group(1))) > 2:  # ("XS" is also extra small)
            found.setdefault(key, []).append(i)
    return {key: foods[0] for key, foods in found.items() if len(foods) == 1}


_NFS = lazy(r"([^,()]+), NFS")


def _not_further_specified(descriptions: list[str]) -> dict[str, int]:
    """FNDDS's "Fruit, NFS", "Meat, NFS", "Stew, NFS": the food USDA itself codes when a survey respondent
    names only the kind of food. The bare kind ("fruit", "a fresh fruit") is an exact key for it, where no
    alias or SR28 name claims the words: otherwise a common word like "fruit" is scored against every food
    it appears in and its best fuzzy reading is a rarity ("Passion-fruit")."""
    found: dict[str, int] = {}
    for i, desc in enumerate(descriptions):
        m = _NFS.fullmatch(desc)
        if m:
            found.setdefault(normalize(m.group(1)), i)
    return found


def build_index(
    foods: list[Food],
    extra: list[tuple[int, str, int]],
    words: dict[str, tuple[str, frozenset[str]]] | None = None,
) -> SearchIndex:
    """Index each food's description plus extra (food index, text, kind) choices such as aliases."""
    descriptions = [f.description for f in foods]
    sources = [f.source for f in foods]
    choice_tokens: list[tuple[str, ...]] = []
    choice_food: list[int] = []
    choice_kind: list[int] = []
    choice_core: list[int] = []
    exact: dict[str, int] = {}
    head: list[str] = []
    for i, desc in enumerate(descriptions):
        toks = tokens(desc)
        head.append(toks[0] if toks else "")
        choice_tokens.append(toks)
        choice_food.append(i)
        choice_kind.append(0)
        choice_core.append(core_length(desc))
    for food, text, kind in extra:
        toks = tokens(text)
        if toks:
            choice_tokens.append(toks)
            choice_food.append(food)
            choice_kind.append(kind)
            choice_core.append(len(toks))
    # exact lookup: aliases win, then SR28 names (see SOURCES.md), then the rest
    order = sorted(
        range(len(choice_tokens)),
        key=lambda c: (-choice_kind[c] if choice_kind[c] == 2 else 0, sources[choice_food[c]] != "sr28", c),
    )
    for c in order:
        if choice_kind[c] != 1:  # FNDDS synonyms list variants ("black beans" under bean chips): fuzzy only
            exact.setdefault(" ".join(choice_tokens[c]), choice_food[c])
    for key, i in _proper_names(descriptions, sources).items():
        exact.setdefault(key, i)
    for key, i in _not_further_specified(descriptions).items():
        exact.setdefault(key, i)
    postings: dict[str, list[int]] = {}
    for c, toks in enumerate(choice_tokens):
        for t in dict.fromkeys(toks):  # first-seen order: the vocabulary's order never follows the hash seed
            postings.setdefault(t, []).append(c)
    n = len(choice_tokens)
    idf = {t: math.log((n + 1) / (len(p) + 0.5)) for t, p in postings.items()}
    choices = [" ".join(t) for t in choice_tokens]
    packed = {t: array("i", p).tobytes() for t, p in postings.items()}
    bias = [food_bias(f) for f in foods]
    core = bytes(min(255, n_core) for n_core in choice_core)
    cooked_food = bytes(1 if f.category in EATEN_COOKED else 0 for f in foods)
    kinds = bytes(choice_kind)
    alternates = {i: alt for i, d in enumerate(descriptions) if " or " in d and (alt := _alternates(d))}
    by_initial: dict[str, list[str]] = {}
    # a misspelt word is corrected to a word of USDA's names or a reviewed alias, never to one only an FNDDS
    # synonym list holds (its brands: "lager" is no misspelt "Langers", a grape juice)
    spelt = {t for c, toks in enumerate(choice_tokens) if choice_kind[c] != 1 for t in toks}
    for t in idf:  # idf keeps first-seen order (see above): the correction's ties never follow the seed
        if len(t) >= 4 and t.isalpha() and t in spelt:
            by_initial.setdefault(f"{t[0]}{len(t)}", []).append(t)
    brand = {i: b for i, d in enumerate(descriptions) if (b := _brand(d))}
    food_words = frozenset(head)
    core_words = frozenset(t for c in range(len(choice_tokens)) for t in choice_tokens[c][: choice_core[c]])
    named_words = core_words | frozenset(t for d in descriptions for t in tokens(",".join(d.split(",")[:2])))
    return SearchIndex(choices, choice_food, kinds, packed, idf, exact, head, bias, cooked_food, core,
                       dict(words or {}), frozenset(k.split()[0] for k in words or {}), alternates,
                       by_initial, brand, food_words, core_words, named_words, _kinds(foods))  # fmt: skip
