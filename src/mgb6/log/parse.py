"""Parse a plain-text food log into dated blocks of entries; pure functions, text in, data out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from mgb6.lazyre import lazy
from mgb6.log.amounts import (
    inch_size,
    juice_of,
    named_portion,
    names_food_first,
    one_said,
    said_amount,
    zest_of,
)
from mgb6.log.dates import BadDate, Pending, read_date_line, settle
from mgb6.log.supplements import looks_like_supplement, parse_supplement
from mgb6.log.units import (
    CUP_SIZES,
    MASS_UNITS,
    NUMBER_WORDS,
    PACKAGE_UNITS,
    SIZES,
    UNICODE_FRACTIONS,
    UNIT_PATTERN,
    UNIT_WORD_PATTERN,
    VESSEL_UNITS,
    VOLUME_UNITS,
    canonical_unit,
    is_unit_spelling,
)
from mgb6.models import Entry, Problem, Progress, Quantity

MEALS = frozenset(
    """breakfast brunch lunch dinner supper snack snacks dessert desserts morning afternoon evening night
    drinks drink beverages elevenses tea pre-workout post-workout preworkout postworkout supplements
    meal""".split()
)

_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
# Every date line has this in it: a food line is turned down without compiling the full pattern.
_DATE_HINT = lazy(r"\d{4}[-/.]\d")


_DATE_LINE = lazy(
    rf"^\s*(?:#+\s*)?(?:(?:date|day)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?"
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    rf"\s*(?:\(\s*{_WEEKDAY}\s*\)|,?\s*{_WEEKDAY})?\s*:?\s*$",
    re.I,
)

_NOTHING_EATEN = lazy(
    r"^(?:i\s+)?(?:skipped|missed|no|nothing\s+(?:for|at)|fasted\s+(?:through|for|at)?)\s*(?:my\s+|the\s+)?"
    r"(?:breakfast|brunch|lunch|dinner|supper|snacks?)(?:\s+today)?\s*[.!]*$",
    re.I,
)
_LETTER_MEALS = {"B": "breakfast", "L": "lunch", "D": "dinner", "S": "snack"}
_LETTER_MEAL = lazy(r"^(?P<l>[BLDS])\s*(?::|\s[-–—])\s*(?P<rest>\S.*)$")
_MEAL_LABEL = lazy(r"^(?P<label>[A-Za-z][A-Za-z0-9 '&-]{0,24}?)\s*:\s*(?P<rest>.*)$")
_BULLET = lazy(r"^(?:[-*•·]\s+|\d+[.)]\s+(?=\D))")
_COMMENT_MARK = lazy(r"#|//")
_SPACE = lazy(r"\s+")
_ZERO_WIDTH = lazy("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

_NUM = r"(?:\d+\s+\d+\s*/\s*\d+|\d+\s*/\s*\d+|\d+(?:\.\d+)?|\.\d+)"
_WORDNUM = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_QTY = (
    rf"(?P<q>(?P<lo>{_NUM})\s*(?:-|–|—|to)\s*(?P<hi>{_NUM})|{_NUM}"
    rf"|(?:half\s+an?\b|a\s+half|a\s+couple(?:\s+of)?|a\s+dozen|(?:{_WORDNUM})\b))"
)
# The unit is read as any word (units.UNIT_WORD_PATTERN) and checked in code (_unit_word): matching
# every spelling inside these patterns cost ~6 ms of regex compiling at each start.
_UNIT = rf"(?P<u>{UNIT_WORD_PATTERN})\.?"
# "2 x eggs", "2x eggs" (but "2 xl eggs" are extra large); "28-gram roll", "6-ounce steak" (a hyphen)
_LEADING = lazy(
    rf"^{_QTY}(?:\s*x(?![a-z]))?(?P<unit_part>\s*(?:-(?=[^\W\d_]))?{_UNIT}(?![a-z%]|&\w))?(?![\d%/])(?:\s+of\b)?\s*(?P<rest>.*)$",
    re.I,
)
# After an amount whose next word is not a unit: "of" and the food ("2 eggs", "3 of the cookies").
_AFTER_AMOUNT = lazy(r"(?:\s+of\b)?\s*(?P<rest>.*)$", re.I)
_TRAILING_PATTERN = r"^(?P<rest>.*?)(?:\s*[,(:–—-]\s*|\s+)(?:x\s*)?~?\s*{qty}{unit}\s*\)?\s*$"
_DIGIT = lazy(r"\d")
_STATES = (
    "dry", "uncooked", "raw", "cooked", "prepared", "baked", "grilled", "roasted", "boiled", "steamed",
    "fried", "broiled", "poached", "sauteed", "scrambled", "toasted",
)  # fmt: skip
_MEASURED_AS = lazy(rf"^(?P<body>.*\d.*?)\s+(?P<state>{'|'.join(_STATES)})\s*$", re.I)
_TIMES_LAST = lazy(r"^(?P<body>.*\S)\s*[x×]\s*(?P<n>\d+)\s*$", re.I)  # "coffee with milk x2"
# "1 salmon fillet, 6 oz", "2 chicken breasts (6 oz each)": a weight or volume said after the food.
_MEASURE_UNITS = MASS_UNITS | VOLUME_UNITS
# Vessels and packages whose size may be said right after them ("a bottle of 16.9 fl oz cola").
_CONTAINER_UNITS = PACKAGE_UNITS | VESSEL_UNITS
# "bowl of oatmeal" (a unit with no number before it), "can (15 oz) black beans" (the size in parentheses)
# Words that only say an amount is roughly said ("about a cup"): the amount stays
# (and words that stress how little or how exactly: "just 5g of white chocolate", "only a cup of coffee")
_APPROXIMATORS = (
    "about", "around", "roughly", "approximately", "approx", "just", "only", "merely", "exactly", "a mere",
)  # fmt: skip
_ABOUT = "(?:" + "|".join(a.replace(" ", r"\s+") for a in _APPROXIMATORS) + r")\.?|~"
_APPROXIMATELY = lazy(rf"^\s*(?:(?:{_ABOUT})\s+|~\s*)(?=\S)", re.I)  # ("~200g chicken breast": no space)
# an amount after the food's last comma that starts with a word ("a cup and a half", "about a cup"): digits
# after a comma are read by the trailing-amount rules ("chili, 1.5 cups")
_SAID_AMOUNT_AFTER = lazy(rf"\s*(?:(?:{_ABOUT})\s+)?(?:a|an|one|half)\s", re.I)
_UNIT_OF = lazy(r"([A-Za-z]+)\s+of\s+(?=\S)")
_SIZE_IN_PARENTHESES = lazy(r"\(\s*(\d[\d.,/ ]*\s*-?\s*[A-Za-z. ]+?)\s*\)\s*")
# A food line is short; anything longer is reported, never fed to the regexes and the fuzzy matcher.
MAX_LINE_CHARS = 500
# A raw line longer than this (inline comment included) is reported unread before any pattern runs on it.
MAX_RAW_LINE_CHARS = 4096
# Every bad amount (below) has one of these in it: most lines never need the full patterns compiled.
_BAD_HINT = lazy(r"(?:^|[\s(,])[-−]\d|\de[-+]?\d|^[-+]?(?:nan|inf)", re.I)


# An amount after the food ("salmon 150g"); only lines without one in front need it.
_TRAILING = lazy(_TRAILING_PATTERN.format(qty=_QTY, unit=rf"(?:\s*{_UNIT})?"), re.I)
_TRAILING_BARE = lazy(_TRAILING_PATTERN.format(qty=_QTY, unit=""), re.I)
_TRAILING_MEASURE = lazy(
    rf"^(?P<rest>.*?)(?:\s*[,(:–—-]\s*|\s+)(?:x\s*)?(?P<q>(?P<lo>{_NUM})\s*(?:-|–|—|to)\s*(?P<hi>{_NUM})"
    rf"|{_NUM})\s*(?P<u>{UNIT_WORD_PATTERN})\.?(?![a-z%])"
    r"(?:\s*(?P<each>each|apiece|ea\b\.?|per\s+(?:piece|item|one)))?\s*\)?\s*$",
    re.I,
)
# The look-behind keeps a run of digits from being retried at every offset (quadratic on long lines).
_TIMES = lazy(
    r"^(?P<rest>.*?)\s*(?:[x×]\s*(?P<n>\d+(?:\.\d+)?)|(?<![\d.])(?P<n2>\d+(?:\.\d+)?)\s*[x×])\s*$", re.I
)
# Amounts Python's float() would accept but no one eats: NaN, infinity, scientific notation, negatives;
# at the start (a nan/inf only when a unit follows), or at the end of the line.
_BAD_START = lazy(
    rf"^(?P<a>[-−]\d[\d./]*|(?:[-+]?(?:nan|inf(?:inity)?))(?=\s*(?P<u>{UNIT_WORD_PATTERN})\b)"
    r"|[-+]?\d+(?:\.\d+)?e[-+]?\d+(?![\d.]))",
    re.I,
)
_BAD_END = lazy(
    rf"[\s(,](?P<b>[-−]\d[\d./]*|[-+]?\d+(?:\.\d+)?e[-+]?\d+)\s*(?P<u>{UNIT_WORD_PATTERN})?\.?\s*\)?\s*$",
    re.I,
)


def _bad_amount_in(text: str) -> re.Match[str] | None:
    if not _BAD_HINT.search(text):
        return None
    bad = _BAD_START.match(text)
    if _unit_word(bad) and bad is not None:
        return bad
    bad = _BAD_END.search(text)  # (not after "nan cookies": a word, not a unit, after "nan")
    return bad if _unit_word(bad) else None


@dataclass(slots=True)
class DayBlock:
    """The entries under one date header (``date`` is ``None`` before any header or in an undated log)."""

    date: date | None
    entries: list[Entry] = field(default_factory=list)
    after_invalid: int = 0  # the line of the invalid date header this undated block follows (0: none)
    label: str = ""  # an undated day's own label: the weekday written alone as its header ("Tuesday")


@dataclass(slots=True)
class ParsedLog:
    """Everything read from one log: dated blocks, lines that could not be read, and counts."""

    path: str
    days: list[DayBlock]
    problems: list[Problem]
    food_lines: int  # lines that name something eaten, read or not
    notes: list[str] = field(default_factory=list)  # "line N: how a date header was read" (a year filled in)


@lru_cache(maxsize=8192)
def clean_line(raw: str) -> str:
    """Strip zero-width characters, NULs, inline comments, bullets and surrounding space."""
    text = _ZERO_WIDTH.sub("", raw).replace("\x00", "").replace("\t", " ")
    text = _without_comment(text)
    text = _BULLET.sub("", text.strip())
    return _SPACE.sub(" ", text).strip()


def _without_comment(text: str) -> str:
    """The text before the first ``#`` or ``//`` that follows white space (an inline comment).

    A scan of the marks rather than a pattern like ``\\s+#.*$``: searched unanchored, such a pattern
    retries every position of a long run of spaces and is quadratic in it (issue 11: 64,000 spaces, 16 s).
    """
    for mark in _COMMENT_MARK.finditer(text):
        at = mark.start()
        if at and text[at - 1].isspace():
            return text[:at]
    return text


def _number(text: str) -> float:
    text = _SPACE.sub(" ", text.strip().lower())
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    if text.startswith("half") or text == "a half":
        return 0.5
    if text.startswith("a couple"):
        return 2.0
    if text == "a dozen":
        return 12.0
    whole = 0.0
    if " " in text and "/" in text:
        first, text = text.split(" ", 1)
        whole = float(first)
    if "/" in text:
        num, den = (float(p) for p in text.replace(" ", "").split("/"))
        if den == 0:
            raise ValueError("division by zero in fraction")
        return whole + num / den
    return whole + float(text)


def _expand_fractions(text: str) -> str:
    for char, value in UNICODE_FRACTIONS.items():
        if char in text:
            num, den = value.as_integer_ratio() if value in (0.5, 0.25, 0.75, 0.125) else (None, None)
            frac = f"{num}/{den}" if num else f"{value:.4f}"
            text = re.sub(rf"(\d)\s*{char}", rf"\1 {frac}", text)
            text = text.replace(char, frac if num else f"{value:.4f}")
    return text.replace("⁄", "/")


def _unit_word(m: re.Match[str] | None) -> bool:
    """Whether the word a pattern read in the unit's place is a unit (or there is none): the patterns
    take any word there, so a match whose word is not a unit ("2 eggs") is not the match it claims."""
    return m is None or m.group("u") is None or is_unit_spelling(m.group("u"))


def _quantity(m: re.Match[str], bare: bool = False) -> Quantity:
    unit = canonical_unit(m.group("u")) if not bare and m.re.groupindex.get("u") and m.group("u") else ""
    if m.group("lo") is not None:
        lo, hi = _number(m.group("lo")), _number(m.group("hi"))
        return Quantity((lo + hi) / 2, unit or "", is_range=True, text=m.group(0).strip())
    return Quantity(_number(m.group("q")), unit or "", text=m.group(0).strip())


def _explicit_measure(count: Quantity | None, food: str, line: str) -> tuple[Quantity, str] | None:
    """A weight or volume written after the food beats a leading count: "1 salmon fillet, 6 oz" is 6 oz,
    "2 chicken breasts, 6 oz each" 12 oz (the count multiplies only when "each"/"apiece" says so).

    A leading weight is kept (it is already exact) and a leading volume yields only to a weight; the
    trailing measure always leaves the food text, which must name the food alone to match."""
    m = _TRAILING_MEASURE.match(food) if _DIGIT.search(food) else None
    if not m or canonical_unit(m.group("u")) not in _MEASURE_UNITS:
        return None
    if not re.search(r"[^\W\d_]", m.group("rest")):
        return None
    rest = m.group("rest").strip(" ,-–—:(")
    said = _quantity(m)._replace(text=line)
    if count is not None and (
        count.unit in MASS_UNITS or (count.unit in VOLUME_UNITS and said.unit not in MASS_UNITS)
    ):
        return count, rest
    if m.group("each") and count is not None:
        both = count.amount * said.amount
        return Quantity(both, said.unit, count.is_range or said.is_range, line), rest
    return said, rest


def _leading(text: str) -> tuple[Quantity, str] | None:
    """An amount at the start of the line and the text after it: "2 cups spinach", "3 eggs"."""
    m = _LEADING.match(text)
    if m is None:
        return None
    if _unit_word(m):
        rest = m.group("rest")
        quantity = _quantity(m)
    elif text[m.start("unit_part") : m.start("unit_part") + 1] == "-":
        return None  # "3-bean salad", "7-up", "12-grain bread": the number is part of the food's name
    elif after := _AFTER_AMOUNT.match(text, m.start("unit_part")):
        # "2 eggs": the word after the amount is the food's, and the amount a bare count
        rest = after.group("rest")
        quantity = _quantity(m, bare=True)
    else:  # a line break inside the text (never in a log line, which is split on them): the slow way
        m = _LEADING_EVERY_SPELLING.match(text)
        if m is None:
            return None
        rest = m.group("rest")
        quantity = _quantity(m)
    return (quantity, rest.strip(" ,")) if rest.strip() else None


# _LEADING with every unit spelling spelt out (units.UNIT_PATTERN): compiled only if ever needed (~2 ms).
_LEADING_EVERY_SPELLING = lazy(_LEADING.pattern.replace(UNIT_WORD_PATTERN, UNIT_PATTERN), re.I)


# a bare count in parentheses after the food, more said after it: "scrambled eggs (3) with cheese"
_COUNT_IN_PARENTHESES = lazy(r"^(?P<food>[^()\d]+?)\s*\(\s*(?P<n>\d{1,2})\s*\)\s+(?P<rest>\S.*)$", re.I)
_A_LETTER = lazy(r"[a-z]", re.I)
# a vessel or package with no number, in parentheses after the food: "spaghetti bolognese (big plate)"
_HELD_IN_PARENTHESES = lazy(
    r"^(?P<food>[^()]+?)\s*\(\s*(?:an?\s+|one\s+)?(?P<size>(?:small|medium|large|big|huge|full|tall)\s+)?"
    rf"(?P<unit>{'|'.join(sorted(VESSEL_UNITS | PACKAGE_UNITS))})\s*\)\s*$",
    re.I,
)


def split_amount(text: str) -> tuple[Quantity | None, str]:
    """Split "2 cups spinach" / "salmon 150g" / "eggs, scrambled, 2 large" into (quantity, food text).

    Amounts as people say them ("half a cup", "a 12-oz can of", "juice of 2 limes") are first rewritten
    into the plain form (log/amounts.py); a vague reading ("a few") rides on the quantity as ``assumed``."""
    text = _expand_fractions(text)
    text = _APPROXIMATELY.sub("", text, count=1)  # "about a cup and a half of chili": the amount said
    last = text.rsplit(",", 1)
    if len(last) == 2 and _SAID_AMOUNT_AFTER.match(last[1]) and amount_only(last[1]):
        # "chili, about a cup and a half": an amount said after the food, in words, reads as one before it
        text = f"{_APPROXIMATELY.sub('', last[1].strip(), count=1)} {last[0]}"
    # (one lazy run up to the first parenthesis each: linear in the line)
    counted = _COUNT_IN_PARENTHESES.match(text) if "(" in text else None
    if counted is not None and _A_LETTER.search(counted["food"]):
        # "scrambled eggs (3) with cheese": a count in parentheses after the food, before what it came with
        text = f"{counted['n']} {counted['food']} {counted['rest']}"
    held = _HELD_IN_PARENTHESES.match(text) if "(" in text else None
    if held is not None and _A_LETTER.search(held["food"]):
        # "rice (big bowl)", "chips (small bag)": what held it, said after the food, as "a big bowl of rice"
        text = f"a {held['size'] or ''}{held['unit']} of {held['food']}"
    unit_first = _UNIT_OF.match(text)
    if unit_first is not None and canonical_unit(unit_first.group(1).lower()):
        text = f"1 {text}"  # "bowl of oatmeal", "pinch of salt", "glass of milk": one, as "a bowl of" is
    juice = juice_of(text) or zest_of(text)
    if juice is not None:
        return juice
    bite = _BITES_OF.match(text)
    if bite is not None:  # "a bite of cake": a bite is no measure, weighed only where USDA names one
        n = NUMBER_WORDS.get(bite["n"].lower()) or float(bite["n"])
        return Quantity(n, "bite", False, text), bite["rest"].strip()
    text, inches = inch_size(one_said(text))
    text, phrase = named_portion(text)
    text, assumed = said_amount(text)
    food_first = names_food_first(text)
    quantity, food = _split_plain(text, leading=not food_first)
    if food_first and not names_food_first(food):  # "half and half": its last word is no amount either
        quantity, food = None, text.strip()
    if quantity is None:
        quantity, food = _cup_size_inside(food)
    elif quantity.unit == "" and not quantity.is_range:
        # "a tall latte", "2 tall lattes": so many cups of that size ("tall" is no unit spelling)
        sized, rest = _cup_size_inside(food)
        if sized is not None:
            quantity = sized._replace(amount=quantity.amount, text=f"{quantity.amount:g} {sized.unit} {rest}")
            food = rest
    if quantity is not None and quantity.unit == "each" and _WHOLE_NAMES.match(food):
        # "a whole wheat hot dog bun", "a whole milk latte": "whole" names the food there, no whole one
        # (it was "wheat hot dog bun", a hot dog sandwich)
        quantity, food = quantity._replace(unit=""), f"whole {food}"
    if assumed and quantity is not None:
        quantity = quantity._replace(assumed=assumed)
    if phrase and quantity is not None:
        quantity = quantity._replace(phrase=phrase)
    elif inches and quantity is not None:
        quantity = quantity._replace(phrase=f"{inches:g} inch")  # (portions.inch_row weighs it)
    return quantity, food


_CUP_SIZE = lazy(
    rf"\b({'|'.join(CUP_SIZES)})\b(?!\s+(?:glass|cup|mug|bottle|can|jar|pint|tumbler)s?\b)\s*", re.I
)
_A_DRINK = lazy(
    r"\b(?:coffee|latte|cappuccino|macchiato|mocha|americano|espresso|frappuccino|tea|chai|cocoa|chocolate"
    r"|refresher|lemonade|brew|drink)e?s?\b",
    re.I,
)


def _cup_size_inside(food: str) -> tuple[Quantity | None, str]:
    """ "Starbucks grande caramel macchiato", "iced coffee venti": a coffee shop's cup size said anywhere in
    a line of no other amount is one cup of that size."""
    size = _CUP_SIZE.search(food)
    if size is None or not _A_DRINK.search(food):  # ("Rio Grande burrito")
        return None, food
    rest = " ".join((food[: size.start()] + food[size.end() :]).split())
    return Quantity(1.0, size.group(1).lower(), False, f"1 {size.group(1).lower()} {rest}"), rest


_BITES_OF = lazy(
    r"^(?P<n>an?|one|two|three|four|five|\d+)\s+(?:(?:small|little|tiny|big|large|huge)\s+)?"
    r"(?:bites?|mouthfuls?|forkfuls?|nibbles?|tastes?)\s+of\s+"
    r"(?P<rest>\S.*)$",
    re.I,
)


# what "whole" names with the word after it ("whole wheat", "whole grain", "whole milk")
_WHOLE_NAMES = lazy(r"(?:wheat|grain|milk|bean)\b", re.I)


def _split_plain(text: str, leading: bool = True) -> tuple[Quantity | None, str]:
    """split_amount on plain text; ``leading=False`` when the line starts with a food ("half and half")."""
    lead = _leading(text) if leading else None
    if lead is not None:
        count, rest = lead
        if count.unit in _CONTAINER_UNITS and _SIZE_IN_PARENTHESES.match(rest):
            rest = _SIZE_IN_PARENTHESES.sub(r"\1 ", rest, count=1)  # "1 can (15 oz) black beans"
        inner = _leading(rest) if count.unit == "" or count.unit in _CONTAINER_UNITS else None
        if inner is not None and inner[0].unit in _MEASURE_UNITS:
            # "2 x 6 oz steaks", "a 5 oz can tuna", "a bottle of 16.9 fl oz cola": so many of a stated
            # weight or volume
            said = inner[0]
            both = Quantity(count.amount * said.amount, said.unit, count.is_range or said.is_range, text)
            return both, inner[1]
        return _explicit_measure(count, rest, text) or (count, rest)
    explicit = _explicit_measure(None, text, text)
    if explicit is not None and not re.search(r"%\s*\)?\s*$", text):
        return explicit
    state = _MEASURED_AS.match(text)
    if state is not None:
        # "Old Fashioned Oats, 1/2 cup dry": the amount after the food, then how it was when measured,
        # which says which food it is (the dry oats)
        m = _TRAILING.match(state["body"])
        if m is not None and m.group("u") and _unit_word(m) and m.group("rest").strip():
            return _quantity(m), f"{m.group('rest').strip(' ,-–—:(')} {state['state']}"
    m = _TRAILING.match(text)
    if not _unit_word(m):
        m = _TRAILING_BARE.match(text)  # the last word is not a unit: only a number may end the line
    if m and m.group("rest").strip() and not re.search(r"%\s*\)?\s*$", text):
        return _quantity(m), m.group("rest").strip(" ,-–—:(")
    m = _TIMES.match(text)
    if m and m.group("rest").strip():
        times = Quantity(float(m.group("n") or m.group("n2")), "", text=m.group(0))
        return times, m.group("rest").strip(" ,")
    m = _SIZE_FIRST.match(text) if leading else None
    if m and not _PLURAL_END.search(m.group("rest")):
        # "big salad", "small apple", "large coffee": one, of that size ("large eggs" say no number)
        return Quantity(1.0, canonical_unit(m.group("size")) or "", text=m.group(0)), m.group("rest").strip()
    return None, text.strip()


_SIZES = "|".join(s.replace(" ", "[ -]") for s in sorted((*SIZES, "big"), key=len, reverse=True))
_SIZE_FIRST = lazy(rf"^(?P<size>{_SIZES})\s+(?P<rest>[^\W\d].*)$", re.I)
_PLURAL_END = lazy(r"(?<![su])(?<!frie)s\s*$", re.I)  # ("medium fries" are one order)


def strip_line(raw: str) -> str:
    """A raw line as the parser first sees it (zero-width characters and NULs gone); the log writer
    uses the same function to find the last date header, so the two never disagree."""
    return _ZERO_WIDTH.sub("", raw).replace("\x00", "").strip()


@lru_cache(maxsize=8192)
def parse_date_line(text: str) -> date | str | None:
    """Return the date of a header line, ``None`` if it is not one, or an error string if it is invalid."""
    m = _DATE_LINE.match(text) if _DATE_HINT.search(text) else None
    if not m:
        return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError as exc:
        return f"invalid date {text.strip().lstrip('#').strip()!r}: {exc}"


_LETTERS = lazy(r"[^\W\d_]+")
# Words that may stand between an amount and its unit without naming anything eaten ("2 x 100 g", "a cup of").
_AMOUNT_FILLERS = frozenset({"x", "of", "and", *(w for a in _APPROXIMATORS for w in a.split())})


def amount_only(text: str) -> bool:
    """Whether ``text`` is nothing but amounts and units ("1 cup", "100 g", "2 fl oz", "1 can"): such a
    line names no food, and the matcher must not be asked to find one in it (it would: "1 cup" read as
    ice cream, whose FNDDS synonyms say "cup")."""
    words = [w.lower() for w in _LETTERS.findall(text)]
    if words and words[-1] in _STATES and (len(words) == 1 or _DIGIT.search(text)):
        words.pop()  # "1/2 cup dry": how the food was when measured, after its amount (alone, no food)
    i = 0
    while i < len(words):
        pair = words[i] + words[i + 1] if i + 1 < len(words) else ""
        if pair and (is_unit_spelling(pair) or canonical_unit(f"{words[i]} {words[i + 1]}")):
            i += 2  # "fl oz", "extra large", "fluid ounces"
        elif is_unit_spelling(words[i]) or words[i] in NUMBER_WORDS or words[i] in _AMOUNT_FILLERS:
            i += 1
        else:
            return False
    return True


def parse_entry(
    text: str, path: str = "<log>", line: int = 1, meal: str | None = None, raw: str | None = None
) -> Entry | Problem:
    """Read one food or supplement line (already cleaned) into an Entry, or a Problem saying why not."""
    raw = text if raw is None else raw
    if len(text) > MAX_LINE_CHARS:
        return Problem(
            path, line, raw[:80] + "…", "unreadable",
            f"line is {len(text):,} characters long; a food line is short (at most {MAX_LINE_CHARS})",
        )  # fmt: skip
    bad = _bad_amount_in(text)
    if bad:
        amount = bad.group(1).strip()
        why = "negative" if amount[0] in "-−" else "not a plain number"
        reason = f"amount {amount!r} is {why}; write e.g. '150 g' or '1 cup'"
        return Problem(path, line, raw, "unreadable", reason)
    if looks_like_supplement(text):
        doses, problem = parse_supplement(text)
        return Entry(path, line, raw, text, None, meal, supplement=doses, supplement_problem=problem)
    from mgb6.log.segment import amount_first, segment

    seg = segment(text)
    if len(seg.parts) > 1:
        times = _TIMES_LAST.match(text)
        if times is not None and not _DIGIT.match(times["body"]):
            # "coffee with milk x2" is two coffees with milk, never a coffee and two cups of milk: a count
            # said last of several parts is the first food's, as "2x coffee with milk" says it
            seg = segment(text := f"{times['n']}x {times['body']}")
    if not seg.parts:
        return Problem(path, line, raw, "unreadable", "no food named on this line")
    parts = ()
    if len(seg.parts) > 1:  # several foods, perhaps: the resolution step decides (nutrition/split.py)
        parts = tuple((p.core_start, p.core_end, p.start, p.end) for p in seg.parts)
    try:
        quantity, food = split_amount(amount_first(seg.core))
    except (ValueError, OverflowError, ZeroDivisionError) as exc:
        if not parts:
            return Problem(path, line, raw, "unreadable", f"amount not understood ({exc})")
        quantity, food = None, seg.core
    if not parts and (not food or not re.search(r"[^\W\d_]", food) or amount_only(food)):
        return Problem(path, line, raw, "unreadable", "no food named on this line")
    if parts:
        return Entry(path, line, raw, food, quantity, meal, parts=parts, core=seg.core, written=text)
    return Entry(path, line, raw, food, quantity, meal)


def iter_lines(text: str, chunk: int = 1 << 20) -> Iterator[str]:
    """``text.splitlines()`` a megabyte at a time: a huge log never holds a list of all its lines."""
    start, n = 0, len(text)
    while start < n:
        cut = text.find("\n", start + chunk)
        end = n if cut < 0 else cut + 1
        yield from text[start:end].splitlines()
        start = end


# What one raw line is, as parse_log reads it (Reading.kind).
SKIP, MEAL, DATE, BAD_DATE, FOOD, SOME_DATE = range(6)


class Reading(NamedTuple):
    """What one raw line is and what parse_log needs of it; each field is set for the kinds named.

    It depends on the line's text alone, so it is memoised per raw line (LineMemo) and kept in the user's
    cache. A NamedTuple: its fields read at tuple speed in parse_log's loop, which runs once a line.
    """

    kind: int  # SKIP, MEAL, DATE, BAD_DATE, FOOD or SOME_DATE
    meal: str | None = None  # MEAL: the meal named; FOOD: the meal label before the food, if any
    day: date | None = None  # DATE
    header: str = ""  # BAD_DATE: the header as written
    reason: str = ""  # BAD_DATE: why it is no date
    pending: Pending | None = None  # SOME_DATE: a date that needs the dates around it (log/dates.py)
    parsed: Entry | Problem | None = None  # FOOD: read from the first line with this text


_SKIPPED = Reading(SKIP)


@dataclass(slots=True)
class LineMemo:
    """What parse_log learnt about raw lines; pass one to several parse_log calls to share it (batch).

    ``known`` holds readings from an earlier run (api.run_check keeps them per log, in the user's cache,
    keyed by the digest of mgb6's code and data): a line found there is not read again, so a log whose
    lines were all seen before compiles no pattern and parses nothing. ``seen`` ends up holding exactly
    the lines of this run, which is what the caller saves.
    """

    known: dict[str, Reading] = field(default_factory=dict)
    seen: dict[str, Reading] = field(default_factory=dict)
    entries: dict[tuple[str, str], Entry | Problem] = field(default_factory=dict)


def read_line(raw: str, entries: dict[tuple[str, str], Entry | Problem] | None = None) -> Reading:
    """What one raw log line is, independent of where it stands (see Reading)."""
    stripped = strip_line(raw)
    if not stripped:
        return _SKIPPED
    if len(stripped) > MAX_RAW_LINE_CHARS:  # before any pattern sees it: time stays linear in the log
        if stripped.startswith(("#", "//")):
            return _SKIPPED
        shown = stripped[:80] + "…"
        reason = (
            f"line is {len(stripped):,} characters long; a food line, comment included, is at most "
            f"{MAX_RAW_LINE_CHARS:,}"
        )
        return Reading(FOOD, parsed=Problem("<log>", 1, shown, "unreadable", reason))
    header = parse_date_line(stripped)
    if isinstance(header, date):
        return Reading(DATE, day=header)
    if isinstance(header, str):
        return Reading(BAD_DATE, header=stripped, reason=header)
    other = read_date_line(stripped)
    if other is not None:
        if isinstance(other, date):
            return Reading(DATE, day=other)
        if isinstance(other, BadDate):
            return Reading(BAD_DATE, header=stripped, reason=other.reason)
        return Reading(SOME_DATE, pending=other)
    if stripped.startswith("#") or stripped.startswith("//"):
        heading = stripped.lstrip("#/ ").rstrip(":").strip().lower()
        return Reading(MEAL, meal=heading) if heading in MEALS else _SKIPPED
    text_line = clean_line(stripped)
    if not text_line:
        return _SKIPPED
    skipped = _NOTHING_EATEN.match(text_line)
    if skipped is not None:  # "skipped breakfast", "nothing for lunch": no food to find, nor a meal to head
        return _SKIPPED
    label_meal = None
    short = _LETTER_MEAL.match(text_line)
    if short is not None:  # "B: oats 50g", "L - chicken wrap": a terse log's one-letter meal
        label_meal, text_line = _LETTER_MEALS[short.group("l")], short.group("rest").strip()
    label = _MEAL_LABEL.match(text_line)
    if label and label.group("label").strip().lower() in MEALS:
        label_meal = label.group("label").strip().lower()
        text_line = label.group("rest").strip()
        if not text_line:
            return Reading(MEAL, meal=label_meal)
    if not looks_like_supplement(text_line):
        from mgb6.log.segment import segment

        seg = segment(text_line)  # "Breakfast", "Lunch - ", "For dinner I had ...": the meal it names
        if not seg.parts and (seg.meal or label_meal):
            return Reading(MEAL, meal=label_meal or seg.meal)
        label_meal = label_meal or seg.meal
    key = (text_line, stripped)
    parsed = entries.get(key) if entries is not None else None
    if parsed is None:
        parsed = parse_entry(text_line, "<log>", 1, None, raw=stripped)
        if entries is not None and len(entries) < MEMO_LINES:
            entries[key] = parsed
    return Reading(FOOD, meal=label_meal, parsed=parsed)


def parse_log(
    text: str,
    path: str = "<log>",
    *,
    memo: LineMemo | None = None,
    date_order: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> ParsedLog:
    """Parse a whole log. Never raises for any text: what cannot be read becomes a Problem.

    ``date_order`` ("dmy" or "mdy", the profile's) reads a date such as 3/4/2025; without it such a date
    is refused. ``today`` bounds a year filled in from the calendar (default: the real today).
    ``progress`` hears ("Reading", lines done, lines) every PROGRESS_LINES lines of a long log.
    """
    days: list[DayBlock] = [DayBlock(None)]
    heads: list[int] = [0]  # the line of each block's header
    problems: list[Problem] = []
    notes: list[tuple[int, str]] = []
    later: list[tuple[int, Pending]] = []  # blocks whose date needs a date further down the log
    food_lines = 0
    shared = memo or LineMemo()
    seen, known, entries = shared.seen, shared.known, shared.entries
    meal: str | None = None
    budget = MEMO_CHARS  # the memo is saved in the cache: capped in size, not only in lines
    last: date | None = None  # the latest full date above this line
    fresh = False  # a date header with nothing under it yet
    total = text.count("\n") + 1 if progress is not None and len(text) > PROGRESS_LINES * 8 else 0
    for number, raw in enumerate(iter_lines(text), start=1):
        if total and not number % PROGRESS_LINES:
            progress("Reading", number, total)  # type: ignore[misc]
        reading = seen.get(raw)
        if reading is None:
            reading = known.get(raw) or read_line(raw, entries)
            if len(seen) < MEMO_LINES and len(raw) <= budget and len(raw) <= MAX_RAW_LINE_CHARS:
                seen[raw] = reading
                budget -= len(raw)
        kind = reading.kind
        if kind == FOOD:
            meal = reading.meal or meal
            food_lines += 1
            fresh = False
            assert reading.parsed is not None  # always set for FOOD: for the type checker
            result = _placed(reading.parsed, path, number, meal)
            if isinstance(result, Problem):
                problems.append(_dated(result, days[-1].date))
            else:
                days[-1].entries.append(result)
            continue
        if kind == MEAL:
            meal = reading.meal
            continue
        if kind == SKIP:
            continue
        if kind == SOME_DATE:
            pending = reading.pending
            assert pending is not None  # always set for SOME_DATE: for the type checker
            if not pending.options and fresh and days[-1].date is not None:  # "2025-03-03" then "Monday"
                head = days[-1].date
                if head.weekday() != pending.weekday:
                    why = f"looks like a date, but {head.isoformat()} right above it is a {head:%A}"
                    problems.append(Problem(path, number, pending.text, "bad-date", why))
                continue
            if pending.year is None and pending.options and last is None:
                later.append((len(days), pending))
                days.append(DayBlock(None))
                heads.append(number)
                meal, fresh = None, True
                continue
            found, note = settle(pending, date_order, last, None, today or date.today())
            if note:
                notes.append((number, note))
            if isinstance(found, BadDate):
                reading = Reading(BAD_DATE, header=pending.text, reason=found.reason)
            elif isinstance(found, str):
                days.append(DayBlock(None, label=found))
                heads.append(number)
                meal, fresh = None, False
                continue
            else:
                reading = Reading(DATE, day=found)
        if reading.kind == DATE:
            days.append(DayBlock(reading.day))
            heads.append(number)
            last = reading.day
            meal, fresh = None, True
        else:  # BAD_DATE
            problems.append(Problem(path, number, reading.header, "bad-date", reading.reason))
            days.append(DayBlock(None, after_invalid=number))
            heads.append(number)
            meal, fresh = None, False
    for index, pending in later:
        _settle_later(days, heads, index, pending, problems, notes, path, date_order, today)
    kept = [d for d in days if d.entries or d.date is not None]
    said = [f"line {n}: {note}" for n, note in sorted(notes)]
    return ParsedLog(path, kept or [DayBlock(None)], problems, food_lines, said)


def _settle_later(
    days: list[DayBlock],
    heads: list[int],
    index: int,
    pending: Pending,
    problems: list[Problem],
    notes: list[tuple[int, str]],
    path: str,
    date_order: str | None,
    today: date | None,
) -> None:
    """A date with no year above any full date: its year comes from the first full date below it."""
    after = next((b.date for b in days[index + 1 :] if b.date is not None), None)
    found, note = settle(pending, date_order, None, after, today or date.today())
    block, number = days[index], heads[index]
    end = heads[index + 1] if index + 1 < len(heads) else 1 << 62
    if note:
        notes.append((number, note))
    if isinstance(found, date):
        block.date = found
        for i, p in enumerate(problems):  # the unread lines under it sit on that day too
            if number < p.line < end and p.date is None:
                problems[i] = p._replace(date=found)
    else:
        reason = found.reason if isinstance(found, BadDate) else str(found)
        problems.append(Problem(path, number, pending.text, "bad-date", reason))
        problems.sort(key=attrgetter("line"))
        block.after_invalid = number


def _dated(problem: Problem, day: date | None) -> Problem:
    """The problem under this line's day header (a memoised one may carry another line's day)."""
    return problem if problem.date == day else problem._replace(date=day)


PROGRESS_LINES = 1 << 16  # a long log says how far it is every this many lines
MEMO_LINES = 1 << 18  # distinct lines remembered per log; real logs repeat a few hundred foods
MEMO_CHARS = 1 << 24  # and at most this many characters of them (a line's reading is a few times its size)


def _placed(parsed: Entry | Problem, path: str, line: int, meal: str | None) -> Entry | Problem:
    """A line's reading (made from the first line with its text) as the result of this very line."""
    if isinstance(parsed, Problem):
        return Problem(path, line, *_PROBLEM_TAIL(parsed))
    return Entry(path, line, parsed.text, parsed.food_text, parsed.quantity, meal, *_ENTRY_TAIL(parsed))


_ENTRY_FIELDS = Entry._fields
_ENTRY_TAIL = attrgetter(*_ENTRY_FIELDS[6:])
_PROBLEM_TAIL = attrgetter(*Problem._fields[2:])
assert _ENTRY_FIELDS[:6] == ("path", "line", "text", "food_text", "quantity", "meal"), "update _placed"
