"""Parse a plain-text food log into dated blocks of entries; pure functions, text in, data out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter

from mgb6.models import Entry, Problem, Quantity
from mgb6.supplements import looks_like_supplement, parse_supplement
from mgb6.units import (
    MASS_UNITS,
    NUMBER_WORDS,
    UNICODE_FRACTIONS,
    UNIT_ALIASES,
    UNIT_PATTERN,
    VOLUME_UNITS,
    canonical_unit,
)

MEALS = frozenset(
    """breakfast brunch lunch dinner supper snack snacks dessert desserts morning afternoon evening night
    drinks drink beverages elevenses tea pre-workout post-workout preworkout postworkout supplements
    meal""".split()
)

_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"^\s*(?:#+\s*)?(?:(?:date|day)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?"
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    rf"\s*(?:\(\s*{_WEEKDAY}\s*\)|,?\s*{_WEEKDAY})?\s*:?\s*$",
    re.I,
)
_MEAL_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z0-9 '&-]{0,24}?)\s*:\s*(?P<rest>.*)$")
_BULLET = re.compile(r"^(?:[-*•·]\s+|\d+[.)]\s+(?=\D))")
_INLINE_COMMENT = re.compile(r"\s+(?:#|//).*$")
_SPACE = re.compile(r"\s+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

_NUM = r"(?:\d+\s+\d+\s*/\s*\d+|\d+\s*/\s*\d+|\d+(?:\.\d+)?|\.\d+)"
_WORDNUM = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_QTY = (
    rf"(?P<q>(?P<lo>{_NUM})\s*(?:-|–|—|to)\s*(?P<hi>{_NUM})|{_NUM}"
    rf"|(?:half\s+an?\b|a\s+half|a\s+couple(?:\s+of)?|a\s+dozen|(?:{_WORDNUM})\b))"
)
_UNIT = rf"(?P<u>{UNIT_PATTERN})\.?"
_LEADING = re.compile(
    rf"^{_QTY}(?:\s*x)?(?:\s*{_UNIT}(?![a-z%]))?(?![\d%/])(?:\s+of\b)?\s*(?P<rest>.*)$", re.I
)
_TRAILING = re.compile(
    rf"^(?P<rest>.*?)(?:\s*[,(:–—-]\s*|\s+)(?:x\s*)?{_QTY}(?:\s*{_UNIT})?\s*\)?\s*$",
    re.I,
)
# "1 salmon fillet, 6 oz", "2 chicken breasts (6 oz each)": a weight or volume said after the food.
_MEASURES = (s for s, u in UNIT_ALIASES.items() if u in MASS_UNITS or u in VOLUME_UNITS)
_MEASURE = "|".join(re.escape(s).replace(r"\ ", r"\s*") for s in sorted(_MEASURES, key=len, reverse=True))
_MEASURE_UNITS = MASS_UNITS | VOLUME_UNITS
_TRAILING_MEASURE = re.compile(
    rf"^(?P<rest>.*?)(?:\s*[,(:–—-]\s*|\s+)(?:x\s*)?"
    rf"(?P<q>(?P<lo>{_NUM})\s*(?:-|–|—|to)\s*(?P<hi>{_NUM})|{_NUM})\s*(?P<u>{_MEASURE})\.?(?![a-z%])"
    r"(?:\s*(?P<each>each|apiece|ea\b\.?|per\s+(?:piece|item|one)))?\s*\)?\s*$",
    re.I,
)
# The look-behind keeps a run of digits from being retried at every offset (quadratic on long lines).
_TIMES = re.compile(
    r"^(?P<rest>.*?)\s*(?:[x×]\s*(?P<n>\d+(?:\.\d+)?)|(?<![\d.])(?P<n2>\d+(?:\.\d+)?)\s*[x×])\s*$", re.I
)
# A food line is short; anything longer is reported, never fed to the regexes and the fuzzy matcher.
MAX_LINE_CHARS = 500
# Amounts Python's float() would accept but no one eats: NaN, infinity, scientific notation, negatives.
_BAD_AMOUNT = re.compile(
    rf"^(?P<a>[-−]\d[\d./]*|(?:[-+]?(?:nan|inf(?:inity)?))(?=\s*(?:{UNIT_PATTERN})\b)"
    r"|[-+]?\d+(?:\.\d+)?e[-+]?\d+(?![\d.]))"
    rf"|[\s(,](?P<b>[-−]\d[\d./]*|[-+]?\d+(?:\.\d+)?e[-+]?\d+)\s*(?:{UNIT_PATTERN})?\.?\s*\)?\s*$",
    re.I,
)


@dataclass(slots=True)
class DayBlock:
    """The entries under one date header (``date`` is ``None`` before any header or in an undated log)."""

    date: date | None
    entries: list[Entry] = field(default_factory=list)


@dataclass(slots=True)
class ParsedLog:
    """Everything read from one log: dated blocks, lines that could not be read, and counts."""

    path: str
    days: list[DayBlock]
    problems: list[Problem]
    food_lines: int  # lines that name something eaten, read or not


@lru_cache(maxsize=8192)
def clean_line(raw: str) -> str:
    """Strip zero-width characters, NULs, inline comments, bullets and surrounding space."""
    text = _ZERO_WIDTH.sub("", raw).replace("\x00", "").replace("\t", " ")
    text = _INLINE_COMMENT.sub("", text)
    text = _BULLET.sub("", text.strip())
    return _SPACE.sub(" ", text).strip()


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


def _quantity(m: re.Match[str]) -> Quantity:
    unit = canonical_unit(m.group("u")) if m.group("u") else ""
    if m.group("lo") is not None:
        lo, hi = _number(m.group("lo")), _number(m.group("hi"))
        return Quantity((lo + hi) / 2, unit or "", is_range=True, text=m.group(0).strip())
    return Quantity(_number(m.group("q")), unit or "", text=m.group(0).strip())


def _explicit_measure(count: Quantity | None, food: str, line: str) -> tuple[Quantity, str] | None:
    """A weight or volume written after the food beats a leading count: "1 salmon fillet, 6 oz" is 6 oz,
    "2 chicken breasts, 6 oz each" 12 oz (the count multiplies only when "each"/"apiece" says so).

    A leading weight is kept (it is already exact) and a leading volume yields only to a weight; the
    trailing measure always leaves the food text, which must name the food alone to match."""
    m = _TRAILING_MEASURE.match(food)
    if not m or not re.search(r"[^\W\d_]", m.group("rest")):
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


def split_amount(text: str) -> tuple[Quantity | None, str]:
    """Split "2 cups spinach" / "salmon 150g" / "eggs, scrambled, 2 large" into (quantity, food text)."""
    text = _expand_fractions(text)
    m = _LEADING.match(text)
    if m and m.group("rest").strip():
        count, rest = _quantity(m), m.group("rest").strip(" ,")
        inner = _LEADING.match(rest) if count.unit == "" else None
        if inner and inner.group("rest").strip() and canonical_unit(inner.group("u") or "") in _MEASURE_UNITS:
            # "2 x 6 oz steaks", "a 5 oz can tuna": so many of a stated weight or volume
            said = _quantity(inner)
            both = Quantity(count.amount * said.amount, said.unit, count.is_range or said.is_range, text)
            return both, inner.group("rest").strip(" ,")
        return _explicit_measure(count, rest, text) or (count, rest)
    explicit = _explicit_measure(None, text, text)
    if explicit is not None and not re.search(r"%\s*\)?\s*$", text):
        return explicit
    m = _TRAILING.match(text)
    if m and m.group("rest").strip() and not re.search(r"%\s*\)?\s*$", text):
        return _quantity(m), m.group("rest").strip(" ,-–—:(")
    m = _TIMES.match(text)
    if m and m.group("rest").strip():
        times = Quantity(float(m.group("n") or m.group("n2")), "", text=m.group(0))
        return times, m.group("rest").strip(" ,")
    return None, text.strip()


def strip_line(raw: str) -> str:
    """A raw line as the parser first sees it (zero-width characters and NULs gone); the log writer
    uses the same function to find the last date header, so the two never disagree."""
    return _ZERO_WIDTH.sub("", raw).replace("\x00", "").strip()


@lru_cache(maxsize=8192)
def parse_date_line(text: str) -> date | str | None:
    """Return the date of a header line, ``None`` if it is not one, or an error string if it is invalid."""
    m = _DATE_LINE.match(text)
    if not m:
        return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError as exc:
        return f"invalid date {text.strip().lstrip('#').strip()!r}: {exc}"


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
    bad = _BAD_AMOUNT.search(text)
    if bad:
        amount = (bad.group("a") or bad.group("b")).strip()
        why = "negative" if amount[0] in "-−" else "not a plain number"
        reason = f"amount {amount!r} is {why}; write e.g. '150 g' or '1 cup'"
        return Problem(path, line, raw, "unreadable", reason)
    if looks_like_supplement(text):
        doses, problem = parse_supplement(text)
        return Entry(path, line, raw, text, None, meal, supplement=doses, supplement_problem=problem)
    try:
        quantity, food = split_amount(text)
    except (ValueError, OverflowError, ZeroDivisionError) as exc:
        return Problem(path, line, raw, "unreadable", f"amount not understood ({exc})")
    if not food or not re.search(r"[^\W\d_]", food):
        return Problem(path, line, raw, "unreadable", "no food named on this line")
    return Entry(path, line, raw, food, quantity, meal)


def iter_lines(text: str, chunk: int = 1 << 20) -> Iterator[str]:
    """``text.splitlines()`` a megabyte at a time: a huge log never holds a list of all its lines."""
    start, n = 0, len(text)
    while start < n:
        cut = text.find("\n", start + chunk)
        end = n if cut < 0 else cut + 1
        yield from text[start:end].splitlines()
        start = end


@dataclass(slots=True)
class LineMemo:
    """What parse_log learnt about line texts; pass one to several parse_log calls to share it (batch)."""

    entries: dict[tuple[str, str], Entry | Problem] = field(default_factory=dict)
    # food line -> (its text, the stripped line, its meal label)
    seen: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)


def parse_log(text: str, path: str = "<log>", *, memo: LineMemo | None = None) -> ParsedLog:
    """Parse a whole log. Never raises for any text: what cannot be read becomes a Problem."""
    days: list[DayBlock] = [DayBlock(None)]
    problems: list[Problem] = []
    food_lines = 0
    shared = memo or LineMemo()
    memo_entries, seen = shared.entries, shared.seen
    meal: str | None = None
    for number, raw in enumerate(iter_lines(text), start=1):
        known = seen.get(raw)
        if known is not None:  # a food line met before: all up to its entry depends on its text alone
            text_line, stripped, label_meal = known
            meal = label_meal or meal
            food_lines += 1
            result = _entry_memo(memo_entries, text_line, path, number, meal, stripped)
            if isinstance(result, Problem):
                problems.append(result)
            else:
                days[-1].entries.append(result)
            continue
        stripped = strip_line(raw)
        if not stripped:
            continue
        header = parse_date_line(stripped)
        if isinstance(header, date):
            days.append(DayBlock(header))
            meal = None
            continue
        if isinstance(header, str):
            problems.append(Problem(path, number, stripped, "bad-date", header))
            days.append(DayBlock(None))
            meal = None
            continue
        if stripped.startswith("#") or stripped.startswith("//"):
            heading = stripped.lstrip("#/ ").rstrip(":").strip().lower()
            if heading in MEALS:
                meal = heading
            continue
        text_line = clean_line(stripped)
        if not text_line:
            continue
        label = _MEAL_LABEL.match(text_line)
        label_meal = None
        if label and label.group("label").strip().lower() in MEALS:
            meal = label_meal = label.group("label").strip().lower()
            text_line = label.group("rest").strip()
            if not text_line:
                continue
        if len(seen) < MEMO_LINES:
            seen[raw] = (text_line, stripped, label_meal)
        food_lines += 1
        result = _entry_memo(memo_entries, text_line, path, number, meal, stripped)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            days[-1].entries.append(result)
    kept = [d for d in days if d.entries or d.date is not None]
    return ParsedLog(path, kept or [DayBlock(None)], problems, food_lines)


MEMO_LINES = 1 << 18  # distinct lines remembered per log; real logs repeat a few hundred foods


def _entry_memo(
    memo: dict[tuple[str, str], Entry | Problem], text: str, path: str, line: int, meal: str | None, raw: str
) -> Entry | Problem:
    """parse_entry, once per distinct line: a repeat costs a dict lookup and a copy with its own place."""
    done = memo.get((text, raw))
    if done is None:
        done = parse_entry(text, path, line, meal, raw=raw)
        if len(memo) < MEMO_LINES:
            memo[(text, raw)] = done
        return done
    if isinstance(done, Problem):
        return Problem(path, line, *_PROBLEM_TAIL(done))
    return Entry(path, line, done.text, done.food_text, done.quantity, meal, *_ENTRY_TAIL(done))


_ENTRY_FIELDS = Entry._fields
_ENTRY_TAIL = attrgetter(*_ENTRY_FIELDS[6:])
_PROBLEM_TAIL = attrgetter(*Problem._fields[2:])
assert _ENTRY_FIELDS[:6] == ("path", "line", "text", "food_text", "quantity", "meal"), "update _entry_memo"
