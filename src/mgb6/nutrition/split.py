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

from datetime import date
from typing import TYPE_CHECKING

from mgb6.models import Entry, Item, Problem, Quantity

if TYPE_CHECKING:
    from mgb6.scoring import Scorer

MAX_SPAN = 4  # parts one food may span: "peanut butter and jelly sandwich with chips" needs 2; 4 is ample
# The key under which a whole line's division is memoised beside the (food text, amount) resolutions.
PARTS_KEY = Quantity(0.0, "<parts>")
_NO_FOOD = float("-inf")


def _span_entry(entry: Entry, i: int, j: int) -> Entry | None:
    """Parts i..j of the line read as one food line (its own amount), or None when it names no food."""
    from mgb6.parser import amount_only, split_amount

    text = entry.core[entry.parts[i][0] : entry.parts[j][1]]
    try:
        quantity, food = split_amount(text)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    if not food or not any(c.isalpha() for c in food) or amount_only(food):
        return None
    return Entry(entry.path, entry.line, text, food, quantity, entry.meal)


def _value(out: Item | Problem | None, width: int) -> float:
    if out is None:
        return _NO_FOOD
    if isinstance(out, Problem):
        return -float(width)
    return out.confidence / 100.0 * width


def _explains(merged: Item, scorer: Scorer, entry: Entry, i: int, j: int) -> bool:
    """A fuzzy merged match must name something of every part that has a food word: "banana and walnuts"
    read as "Bananas, raw", or "a turkey sandwich, a glass of milk" as the sandwich, drops a food the
    line names, so it cannot stand for both. Words the table does not know (a brand: "Publix, cottage
    cheese") need no explaining."""
    if merged.confidence >= 100.0:
        return True  # a reviewed phrase or a USDA name written out: it explains itself
    from mgb6.matcher import tokens

    known = scorer.table.index.idf
    described = set(tokens(merged.food))
    for k in range(i, j + 1):
        a, b = entry.parts[k][0], entry.parts[k][1]
        words = {t for t in tokens(entry.core[a:b]) if t in known and t.isalpha()}
        if words and not described.intersection(words):
            return False
    return True


def divide(scorer: Scorer, entry: Entry, day: date | None) -> list[tuple[int, int, Item | Problem]]:
    """The best division of the line into spans (i, j) of parts, each with its resolution."""
    n = len(entry.parts)
    table: dict[tuple[int, int], Item | Problem | None] = {}

    def span(i: int, j: int) -> Item | Problem | None:
        if (i, j) not in table:
            sub = _span_entry(entry, i, j)
            table[i, j] = None if sub is None else scorer.resolve(sub, day)
        return table[i, j]

    best: list[float] = [0.0] + [_NO_FOOD] * n
    back: list[int] = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_SPAN), end):
            if best[start] == _NO_FOOD:
                continue
            out = span(start, end - 1)
            width = end - start
            v = _value(out, width)
            if v == _NO_FOOD:
                continue
            if width > 1 and isinstance(out, Item) and not _explains(out, scorer, entry, start, end - 1):
                continue
            total = best[start] + v
            # starts are tried longest span first, so on a tie the span with fewer items stays
            if total > best[end]:
                best[end], back[end] = total, start
    if best[n] == _NO_FOOD:
        return [(0, n - 1, _whole(scorer, entry, day))]
    cuts: list[tuple[int, int, Item | Problem]] = []
    end = n
    while end > 0:
        start = back[end]
        out = span(start, end - 1)
        assert out is not None
        cuts.append((start, end - 1, out))
        end = start
    cuts.reverse()
    if _amount_left_behind(cuts, entry):
        return [(0, n - 1, _whole(scorer, entry, day))]
    return cuts


def _amount_left_behind(cuts: list[tuple[int, int, Item | Problem]], entry: Entry) -> bool:
    """"1 cup Publix, cottage cheese": when the part holding the amount is not counted but a part without
    one is, the division has most likely cut a food from its amount; the whole line is safer."""
    from mgb6.parser import split_amount

    def has_amount(i: int, j: int) -> bool:
        try:
            return split_amount(entry.core[entry.parts[i][0] : entry.parts[j][1]])[0] is not None
        except (ValueError, OverflowError, ZeroDivisionError):
            return False

    lost = any(isinstance(out, Problem) and has_amount(i, j) for i, j, out in cuts)
    return lost and any(isinstance(out, Item) and not has_amount(i, j) for i, j, out in cuts)


def _whole(scorer: Scorer, entry: Entry, day: date | None) -> Item | Problem:
    whole = Entry(entry.path, entry.line, entry.text, entry.food_text, entry.quantity, entry.meal)
    return scorer.resolve(whole, day)


def resolve_parts(scorer: Scorer, entry: Entry, day: date | None) -> tuple[Item | Problem, ...]:
    """The items (and problems) of a line that may hold several foods, each marked with its part."""
    cuts = divide(scorer, entry, day)
    if len(cuts) == 1:
        return (cuts[0][2],)
    n = len(cuts)
    out: list[Item | Problem] = []
    for k, (i, j, done) in enumerate(cuts, start=1):
        written = entry.written[entry.parts[i][2] : entry.parts[j][3]]
        if isinstance(done, Problem):
            out.append(done._replace(part=k, parts=n, part_text=written))
        else:  # a fresh item (Scorer.resolve restamps every memoised one): safe to mark
            done.part, done.parts, done.part_text = k, n, written
            out.append(done)
    return tuple(out)
