"""Match the food words of a log line to a USDA food: aliases, exact names, then a weighted fuzzy search."""

from __future__ import annotations

import math
from array import array
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mgb6.data import FoodTable
    from mgb6.models import Food

STOPWORDS = frozenset("of the a an with and in or for to from my some about approx approximately".split())
# Words that change what a food is; a candidate carrying one the user did not write is penalised.
PREP_WORDS = frozenset(
    """raw cooked boiled canned roasted dried dehydrated fried baked grilled steamed frozen broiled stewed
    braised smoked salted sweetened unsweetened toasted breaded battered pickled candied juice powder
    flour sauce soup chip dry mix prepared microwaved sauteed scrambled poached mashed instant""".split()
)
UNWANTED_CATEGORIES = ("Fast Foods", "Restaurant Foods", "Baby Foods", "Meals, Entrees, and Side Dishes")
MIN_CONFIDENCE = 60.0

_NON_WORD = re.compile(r"[^a-z0-9]+")


def _singular(tok: str) -> str:
    if len(tok) <= 3 or tok.endswith(("ss", "us", "is")):
        return tok
    if tok.endswith("ies"):
        return tok[:-3] + "y"
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
    return tuple(_singular(t) for t in _NON_WORD.split(text) if t and t not in STOPWORDS)


def normalize(text: str) -> str:
    return " ".join(tokens(text))


@dataclass(frozen=True, slots=True)
class Match:
    """A chosen food with the confidence (0-100) the matcher had in it and how it was found."""

    food_index: int
    confidence: float
    method: str  # "alias" | "exact" | "fuzzy"


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """Precomputed search structures; built once from the table and cached with it."""

    choices: list[str]  # normalised text of each choice (tokens joined by spaces)
    choice_food: list[int]
    choice_kind: bytes  # 0 description, 1 synonym, 2 alias
    postings: dict[str, bytes]  # token -> array("i") bytes of choice numbers: fast to unpickle
    idf: dict[str, float]
    exact: dict[str, int]  # normalised text -> food index
    head: list[str]  # first token of each food's description
    bias: list[float]  # per-food score adjustment: SR28 precedence, unwanted kinds of food


def food_bias(food: Food) -> float:
    """SR28 first (it matched Cronometer's values best, see data/SOURCES.md); brands and dishes last."""
    bias = 2.0 if food.source == "sr28" else 0.0
    if food.category in UNWANTED_CATEGORIES or re.search(r"\b[A-Z]{3,}\b", food.description):
        bias -= 8.0
    return bias


def build_index(foods: list[Food], extra: list[tuple[int, str, int]]) -> SearchIndex:
    """Index each food's description plus extra (food index, text, kind) choices such as aliases."""
    descriptions = [f.description for f in foods]
    sources = [f.source for f in foods]
    choice_tokens: list[tuple[str, ...]] = []
    choice_food: list[int] = []
    choice_kind: list[int] = []
    exact: dict[str, int] = {}
    head: list[str] = []
    for i, desc in enumerate(descriptions):
        toks = tokens(desc)
        head.append(toks[0] if toks else "")
        choice_tokens.append(toks)
        choice_food.append(i)
        choice_kind.append(0)
    for food, text, kind in extra:
        toks = tokens(text)
        if toks:
            choice_tokens.append(toks)
            choice_food.append(food)
            choice_kind.append(kind)
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
    return SearchIndex(choices, choice_food, bytes(choice_kind), packed, idf, exact, head, bias)


def _correct(token: str, index: SearchIndex) -> str | None:
    """Map a misspelt word to the closest word the table knows (rapidfuzz, imported only when needed)."""
    from rapidfuzz import fuzz, process

    if len(token) < 4:
        return None
    hit = process.extractOne(token, index.idf.keys(), scorer=fuzz.ratio, score_cutoff=82)
    return hit[0] if hit else None


def _score(q: tuple[str, ...], c: int, table: FoodTable, weights: dict[str, float]) -> float:
    index = table.index
    cset = set(index.choices[c].split())
    qset = set(q)
    matched = qset & cset
    wq = sum(weights[t] for t in qset) or 1.0
    wm = sum(weights[t] for t in matched)
    wc = sum(index.idf.get(t, 1.0) for t in cset) or 1.0
    wcm = sum(index.idf.get(t, 1.0) for t in matched)
    score = 100.0 * (0.62 * wm / wq + 0.38 * wcm / wc)
    food_i = index.choice_food[c]
    if index.head[food_i] in qset:
        score += 5.0
    extra_prep = [t for t in cset - qset if t in PREP_WORDS]
    q_has_prep = bool(qset & PREP_WORDS)
    score -= 4.0 * sum(1 for t in extra_prep if t != "raw")
    if "raw" in cset and not q_has_prep:
        score += 3.0
    kind = index.choice_kind[c]
    score += 6.0 if kind == 2 else (-15.0 if kind == 1 else 0.0)
    return score + index.bias[food_i]


def search(text: str, table: FoodTable, limit: int = 3) -> list[tuple[int, float]]:
    """Best foods for ``text`` as (food index, score), best first; scores are not capped."""
    index = table.index
    q = tokens(text)
    if not q:
        return []
    fixed: list[str] = []
    for t in q:
        if t in index.idf:
            fixed.append(t)
        else:
            alt = _correct(t, index)
            fixed.append(alt if alt else t)
    q = tuple(fixed)
    weights = {t: index.idf.get(t, 8.0) for t in q}
    acc: dict[int, float] = {}
    for t in set(q):
        w = weights[t]
        hits = array("i")
        hits.frombytes(index.postings.get(t, b""))
        for c in hits:
            acc[c] = acc.get(c, 0.0) + w
    if not acc:
        return []
    shortlist = sorted(acc, key=acc.__getitem__, reverse=True)[:80]
    best: dict[int, float] = {}
    for c in shortlist:
        s = _score(q, c, table, weights)
        f = index.choice_food[c]
        if s > best.get(f, -1e9):
            best[f] = s
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:limit]


def match(text: str, table: FoodTable) -> tuple[Match | None, list[int]]:
    """Return the match for ``text`` (or ``None`` below MIN_CONFIDENCE) and the top candidates."""
    key = normalize(text)
    if not key:
        return None, []
    alias = table.aliases.get(key)
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
