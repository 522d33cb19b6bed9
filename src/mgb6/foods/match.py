"""Match the food words of a log line to a USDA food: aliases, exact names, then a weighted fuzzy search."""

from __future__ import annotations

import heapq
import math
import re
from array import array
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from mgb6.lazyre import lazy

if TYPE_CHECKING:
    from mgb6.foods.table import FoodTable
    from mgb6.models import Food

def _words(text: str) -> list[str]:
    return text.split()


STOPWORDS = frozenset(_words("of the a an with and in or for to from my some about approx approximately"))
# Words that change what a food is; a candidate carrying one the user did not write is penalised.
PREP_WORDS = frozenset(
    _words("""raw cooked boiled canned roasted dried dehydrated fried baked grilled steamed frozen broiled
    stewed braised smoked salted sweetened toasted breaded battered pickled candied juice
    powder flour sauce soup chip dry mix prepared microwaved sauteed scrambled poached mashed instant
    unprepared uncooked""")
)
# Heat-treated forms: a query naming one is satisfied by any of them ("cooked" ~ "boiled", "roasted"...).
COOKED_WORDS = frozenset(
    _words("""cooked boiled roasted fried baked grilled steamed broiled stewed braised microwaved sauteed
    scrambled poached toasted prepared simmered heated""")
)
RAW_WORDS = frozenset(_words("raw uncooked unprepared fresh"))
# Forms the user may write that a match must carry ("canned kidney beans" are not boiled ones).
FORM_WORDS = frozenset(_words("canned dried dehydrated frozen smoked pickled salted candied instant powder"))
# Words that turn a food into another product or a dish: costly when the user did not write them.
DISH_WORDS = frozenset(
    _words("""salad sandwich soup casserole stew pie cake chip oil juice flour sauce dip spread bar cookie
    cracker muffin bread roll pudding dessert drink beverage smoothie shake topping dressing gravy
    burrito taco pizza noodle pasta candy fudge jam jelly syrup nectar puree baby babyfood
    powder paste concentrate substitute imitation mix fritter patty nugget loaf croquette pastry tart
    strudel stuffed filled glazed coated creamed flavored restaurant cafeteria school fast""")
)
# Stand-ins for a food: never what the user meant unless written.
SUBSTITUTE_WORDS = frozenset(
    _words("""meatless vegetarian vegan veggie imitation substitute analog vodka rum gin whiskey whisky
    tequila liqueur brandy schnapps margarita daiquiri cocktail""")
)
# SR28 starts many descriptions with a group word ("Nuts, almonds", "Fish, salmon, ..."): it says what
# kind of food it is, not which food, so a candidate does not need the user to write it.
GROUP_WORDS = frozenset(
    _words("nut seed fish beverage cereal spice snack candy mollusk crustacean alcoholic game meat")
)
# Qualifiers that narrow a food without changing it much: they weigh little on either side.
QUALIFIER_WORDS = frozenset(
    _words("""raw fresh whole atlantic pacific wild farmed mature all commercial commercially variety
    type regular plain domestic imported enriched broiler fryer only unsweetened unenriched includes
    include year round average ripe
    fluid n ns nfs form kernel grade choice select separable usda commodity ready serve rtd rte
    traditional ordinary natural organic store bought homemade generic unknown""")
)
# Shopping labels and cuts that do not change a food's nutrients (cuts still pick the portion).
LABEL_WORDS = frozenset(_words("organic store bought storebought homemade home made brand generic fresh"))
CUT_WORDS = frozenset(
    _words("""chopped sliced diced cubed shredded grated minced halved halve cut chunk piece slice wedge
    floret""")
)
UNWANTED_CATEGORIES = ("Fast Foods", "Restaurant Foods", "Baby Foods", "Meals, Entrees, and Side Dishes",
                       "American Indian/Alaska Native Foods")  # fmt: skip
MIN_CONFIDENCE = 60.0
ALIAS_BONUS = 6.0  # a reviewed everyday phrase outranks a description that reads the same
SWITCH_MARGIN = 10.0  # how close a candidate must score to replace one lacking the user's measure
ALIAS_SWITCH_MARGIN = 3.0
SHORTLIST = 80  # choices scored in full per query, by summed word weight
COMMON_POSTINGS = 600  # a word in more choices than this only re-weighs choices rarer words found

# "roast chicken" is USDA's "roasted": one spelling per preparation so both sides compare.
VERB_FORMS = {"roast": "roasted", "grill": "grilled", "bake": "baked", "boil": "boiled", "fry": "fried",
              "steam": "steamed", "poach": "poached", "saute": "sauteed", "sauted": "sauteed"}  # fmt: skip
# Cronometer/FNDDS wordings with a USDA equivalent.
PHRASES = (("no visible fat", "lean only"), ("skin not eaten", "meat only"), ("skinless", "meat only"),
           ("without peel", "peeled"), ("not frosted", "without frosting"), ("unfrosted", "without frosting"),
           ("whole pieces", ""), ("cut pieces", ""))  # fmt: skip
# Foods eaten cooked: with no preparation written, "salmon" or "pork chop" means a cooked entry.
EATEN_COOKED = ("Beef Products", "Pork Products", "Lamb, Veal, and Game Products", "Poultry Products",
                "Finfish and Shellfish Products")  # fmt: skip

_NON_WORD = lazy(r"[^a-z0-9]+")
_TRAILING_SIZE = lazy(
    r"\s*,\s*(?:extra[ -])?(?:small|medium|large|jumbo|regular)(?:[ -]sized?)?\s*$", re.I
)


# Singulars ending in "ie": "cookies" is "cookie", not "cooky" (USDA writes both numbers).
IE_WORDS = frozenset(_words("""cookie smoothie brownie veggie pie calorie hoagie pierogie goodie sweetie
    pinkie quickie rookie""")
)


def _singular(tok: str) -> str:
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


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case, singular word tokens without stop words: the unit both sides of a match compare."""
    text = text.lower().replace("&", " and ").replace("'", "")
    if not text.isascii():  # "café", "jalapeño", "crème": the accent-free spelling USDA and most logs use
        import unicodedata

        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return tuple(_singular(t) for t in _NON_WORD.split(text) if t and t not in STOPWORDS)


def normalize(text: str) -> str:
    return " ".join(tokens(text))


class Match(NamedTuple):
    """A chosen food with the confidence (0-100) the matcher had in it and how it was found."""

    food_index: int
    confidence: float
    method: str  # "alias" | "exact" | "fuzzy"


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


def food_bias(food: Food) -> float:
    """SR28 first (it matched Cronometer's values best, see data/SOURCES.md); brands and dishes last."""
    bias = 2.0 if food.source == "sr28" else 0.0
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


def build_index(foods: list[Food], extra: list[tuple[int, str, int]]) -> SearchIndex:
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
    postings: dict[str, list[int]] = {}
    for c, toks in enumerate(choice_tokens):
        for t in set(toks):
            postings.setdefault(t, []).append(c)
    n = len(choice_tokens)
    idf = {t: math.log((n + 1) / (len(p) + 0.5)) for t, p in postings.items()}
    choices = [" ".join(t) for t in choice_tokens]
    packed = {t: array("i", p).tobytes() for t, p in postings.items()}
    bias = [food_bias(f) for f in foods]
    core = bytes(min(255, n_core) for n_core in choice_core)
    cooked_food = bytes(1 if f.category in EATEN_COOKED else 0 for f in foods)
    kinds = bytes(choice_kind)
    return SearchIndex(choices, choice_food, kinds, packed, idf, exact, head, bias, cooked_food, core)


def _correct(token: str, index: SearchIndex) -> str | None:
    """Map a misspelt word to the closest word the table knows (rapidfuzz, imported only when needed)."""
    from rapidfuzz import fuzz, process

    if len(token) < 4:
        return None
    hit = process.extractOne(token, index.idf.keys(), scorer=fuzz.ratio, score_cutoff=82)
    return hit[0] if hit else None


def _weight(t: str, idf: dict[str, float]) -> float:
    w = idf.get(t, 8.0)
    return 0.3 * w if t in QUALIFIER_WORDS else w


def _choice_weight(toks: list[str], idf: dict[str, float]) -> float:
    """Total weight of a choice's words; SR28's leading group word ("Nuts, ...") counts a tenth."""
    total = sum(_weight(t, idf) for t in set(toks))
    if toks and toks[0] in GROUP_WORDS:
        total -= 0.9 * _weight(toks[0], idf)
    return total or 1.0


def _query_weight(t: str, idf: dict[str, float]) -> float:
    w = idf.get(t, 8.0)
    return 0.3 * w if t in QUALIFIER_WORDS or t in CUT_WORDS else w


def _cooked(words: set[str]) -> bool:
    return bool(words & COOKED_WORDS)


def _raw(words: set[str]) -> bool:
    return bool(words & RAW_WORDS)


_PREP_ONLY = PREP_WORDS - COOKED_WORDS - RAW_WORDS
_NOT_CORE = GROUP_WORDS | QUALIFIER_WORDS
# Per-table memo of candidate-side weights: idf never changes for a loaded table, so each token's weight
# and each choice's total are computed once (keeps a fuzzy query well under a millisecond).
_memo: dict[str, object] = {"owner": None, "token": {}, "choice": {}}


def _choice_weights(index: SearchIndex) -> tuple[dict[str, float], dict[int, float]]:
    if _memo["owner"] is not index.idf:
        _memo.update(owner=index.idf, token={}, choice={})
    return _memo["token"], _memo["choice"]  # type: ignore[return-value]


def _score(
    q: tuple[str, ...],
    c: int,
    table: FoodTable,
    weights: dict[str, float],
    head: frozenset[str] = frozenset(),
) -> float:
    """0-100ish: how much of the query the choice covers, how much of the choice is explained, minus costs.

    Costs, in order of weight: the preparation contradicts the user's (raw vs cooked), a word naming the
    food itself that the user did not write ("oil" in "Walnut oil"), a dish or product word the user did
    not write ("salad", "chips"), any other preparation word the user did not write.
    """
    index = table.index
    idf = index.idf
    token_w, choice_w = _choice_weights(index)
    ctoks = index.choices[c].split()
    cset = set(ctoks)
    qset = set(q)
    matched = qset & cset
    food_i = index.choice_food[c]
    kind = index.choice_kind[c]
    # an alias or synonym names the food; its preparation is in the USDA description
    # (descriptions are the first choices, one per food, in food order)
    described = cset if not kind else cset | set(index.choices[food_i].split())
    wq = sum(weights[t] for t in qset) or 1.0
    wm = sum(weights[t] for t in (qset & described if kind == 2 else matched))
    for t in matched:
        if t not in token_w:
            token_w[t] = _weight(t, idf)
    wcm = sum(token_w[t] for t in matched)
    if ctoks[0] in matched and ctoks[0] in GROUP_WORDS:
        wcm -= 0.9 * token_w[ctoks[0]]
    wc = choice_w.get(c)
    if wc is None:
        wc = choice_w[c] = _choice_weight(ctoks, idf)
    c_cooked, c_raw = bool(described & COOKED_WORDS), bool(described & RAW_WORDS)
    q_cook = qset & COOKED_WORDS
    if c_cooked and q_cook:
        # "steamed asparagus" is well served by "Asparagus, cooked, boiled": any cooking counts, a bit less
        wm += 0.7 * sum(weights[t] for t in q_cook - described)
    q_uncooked = qset & RAW_WORDS
    if c_raw and q_uncooked and not c_cooked and not q_cook:
        wm += 0.7 * sum(weights[t] for t in q_uncooked - described)  # "uncooked" is USDA's "raw"
    score = 100.0 * (0.6 * wm / wq + 0.4 * wcm / wc)
    core = set(ctoks[: index.core[c]]) - _NOT_CORE
    if core & qset:
        score += 5.0
    score -= 12.0 * len(core - qset)
    extra = described - qset
    score -= 6.0 * len((extra & DISH_WORDS) - core)
    # "cooked from fresh" is cooked: "fresh" only means raw when no cooking is written
    q_cooked = bool(q_cook)
    q_raw = not q_cooked and (bool(qset & RAW_WORDS) or "dry" in qset)
    if (q_cooked and c_raw and not c_cooked) or (q_raw and c_cooked and not c_raw):
        score -= 30.0  # cooked lentils must never be raw lentils: Mg per 100 g differs ~3x
    elif q_cooked and c_cooked:
        score += 4.0
        if "fried" in described and "fried" not in qset:
            score -= 4.0  # poached or grilled fish is not fried fish: frying adds fat
    elif q_cooked:
        score -= 5.0  # the user cooked it; this entry does not say it is cooked
    elif not q_cooked and not q_raw:
        # no preparation written: meat and fish as eaten (cooked), anything else plain (raw)
        if index.cooked_food[food_i]:
            score += 3.0 if c_cooked and not c_raw else (-4.0 if c_raw else 0.0)  # nobody eats raw wings
        elif "raw" in described:
            score += 3.0
    score -= 4.0 * len(extra & _PREP_ONLY)
    # a form the user wrote ("canned", "dried", "frozen", "smoked") must be there
    score -= 12.0 * len((qset - described) & FORM_WORDS)
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
    elif kind == 1 and head and not head & set(index.choices[food_i].split()):
        score -= 6.0  # named only in an FNDDS synonym list ("flatbread" under ham wraps): weak evidence
    for neg in ("no", "without"):
        # "Pizza, no cheese" is never the "cheese pizza" the user wrote
        if neg in cset and neg not in qset:
            i = ctoks.index(neg)
            if i + 1 < len(ctoks) and ctoks[i + 1] in qset:
                score -= 12.0
    if "plain" in described and "plain" not in qset:
        score += 2.0  # unflavoured is the generic entry
    if "nfs" in described and not q_cooked and not q_raw:
        score += 2.0  # FNDDS's "not further specified" entry is its generic one
    score -= 15.0 * len((described & SUBSTITUTE_WORDS) - qset)  # "meatballs" are not meatless ones
    score += ALIAS_BONUS if kind == 2 else (-15.0 if kind == 1 else 0.0)
    return score + index.bias[food_i]


def search(text: str, table: FoodTable, limit: int = 3) -> list[tuple[int, float]]:
    """Best foods for ``text`` as (food index, score), best first; scores are not capped."""
    index = table.index
    lowered = text.lower()
    for phrase, usda in PHRASES:
        lowered = lowered.replace(phrase, usda)
    q = tuple(VERB_FORMS.get(t, t) for t in tokens(lowered))
    if not q:
        return []
    # the words before the first comma or "with"/"on"/"in" name the food; the rest qualifies it
    first = re.split(r",|\(|\bwith\b|\bon\b|\bin\b", lowered, maxsplit=1)[0]
    spelt: dict[str, str] = {}
    for t in q:
        if t not in index.idf:
            spelt[t] = _correct(t, index) or t
    fixed = [spelt.get(t, t) for t in q]
    head = frozenset(
        spelt.get(t, t) for t in tokens(first) if t not in QUALIFIER_WORDS and t not in PREP_WORDS
    )
    if "fresh" in fixed and not COOKED_WORDS.intersection(fixed):
        fixed.append("raw")  # "fresh raspberries" are USDA's "Raspberries, raw"
    q = tuple(dict.fromkeys(fixed))
    weights = {t: _query_weight(t, index.idf) for t in q}
    acc: dict[int, float] = {}
    # rare words first; a common word ("raw", "cooked") then only re-weighs choices already found
    for t in sorted(set(q), key=lambda t: len(index.postings.get(t, b""))):
        # shortlist by the words naming the food: "sauteed mushrooms" must reach the mushrooms
        w = weights[t] * (2.0 if t in head else 0.5 if t in PREP_WORDS else 1.0)
        hits = array("i")
        hits.frombytes(index.postings.get(t, b""))
        if acc and len(hits) > COMMON_POSTINGS:
            present = set(hits)
            for c in acc:
                if c in present:
                    acc[c] += w
            continue
        for c in hits:
            acc[c] = acc.get(c, 0.0) + w
    if not acc:
        return []
    shortlist = heapq.nlargest(SHORTLIST, acc, key=acc.__getitem__)
    best: dict[int, float] = {}
    needed = {t for t in q if t not in QUALIFIER_WORDS and t not in CUT_WORDS}
    for c in shortlist:
        if index.choice_kind[c] == 2:
            # an alias competes only when it and its food's description explain every word:
            # "tuna, canned in oil" is not the "canned tuna" alias (light tuna in water)
            described = index.choices[c].split() + index.choices[index.choice_food[c]].split()
            if not needed <= set(described):
                continue
        s = _score(q, c, table, weights, head)
        f = index.choice_food[c]
        if s > best.get(f, -1e9):
            best[f] = s
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:limit]


def _alias(key: str, table: FoodTable) -> int | None:
    alias = table.aliases.get(key)
    if alias is None:
        # "Frozen Broccoli Florets, Organic", "White Bread, Store Bought": the label words change nothing
        plain = " ".join(t for t in key.split() if t not in LABEL_WORDS and t not in CUT_WORDS)
        alias = table.aliases.get(plain) if plain != key else None
    return alias


def match(text: str, table: FoodTable) -> tuple[Match | None, list[int]]:
    """Return the match for ``text`` (or ``None`` below MIN_CONFIDENCE) and the top candidates."""
    # "apple, medium", "eggs, large": a trailing size picks the portion, not the food
    text = _TRAILING_SIZE.sub("", text) or text
    key = normalize(text)
    if not key:
        return None, []
    alias = _alias(key, table)
    if alias is None and "," in text:
        # USDA-style inverted names: "Milk, whole" is "whole milk", "Beans, black, canned" is "black beans"
        parts = [p for p in (normalize(x) for x in text.split(",")) if p]
        if len(parts) >= 2:
            alias = _alias(" ".join([parts[1], parts[0], *parts[2:]]), table)
    if alias is not None:
        return Match(alias, 100.0, "alias"), [alias]
    exact = table.index.exact.get(key)
    if exact is not None:
        return Match(exact, 100.0, "exact"), [exact]
    ranked = search(text, table, limit=3)
    cands = [f for f, _ in ranked]
    if ranked and ranked[0][1] >= MIN_CONFIDENCE:
        return Match(ranked[0][0], min(99.0, ranked[0][1]), "fuzzy"), cands
    return None, cands


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
    index = table.index

    def names_nothing_new(f: int) -> bool:
        # "cornbread" may become another cornbread, never "chicken cornbread"
        desc = index.choices[f].split()
        return set(desc[: index.core[f]]) - _NOT_CORE <= words

    def twin(f: int) -> bool:
        # the same USDA analysis in the other table (SR28 dry-roasted cashews = FNDDS "Cashews, NFS"):
        # its household measures ("1 nut", "1 glass") fit the chosen food exactly
        a, b = table.foods[f], table.foods[chosen]
        return (a.magnesium is not None and a.vitamin_b6 is not None and a.source != b.source
                and (a.magnesium, a.vitamin_b6) == (b.magnesium, b.vitamin_b6))

    close = [f for f, s in ranked if f != chosen and s >= floor and names_nothing_new(f)]
    b = table.foods[chosen]
    known = set(tokens(b.description)) | words | _NOT_CORE
    twins = [f for f in _by_values(table).get((b.magnesium, b.vitamin_b6), ())
             if f != chosen and twin(f) and not set(tokens(table.foods[f].description)) - known]
    return close + [f for f in twins if f not in close]


_twin_memo: dict[str, object] = {"owner": None, "map": {}}


def _by_values(table: FoodTable) -> dict[tuple[float | None, float | None], list[int]]:
    """Foods by their (Mg, B6) per 100 g, built once per table: finds a food's twin in the other table."""
    if _twin_memo["owner"] is not table.foods:
        grouped: dict[tuple[float | None, float | None], list[int]] = {}
        for i, f in enumerate(table.foods):
            if f.magnesium is not None and f.vitamin_b6 is not None:
                grouped.setdefault((f.magnesium, f.vitamin_b6), []).append(i)
        _twin_memo.update(owner=table.foods, map=grouped)
    return _twin_memo["map"]  # type: ignore[return-value]
