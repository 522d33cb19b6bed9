"""Turn other apps' exports into mgb6 logs; pure functions, text in, text (and data) out.

Cronometer's "servings" export (Export Data > Food & Recipe Entries) has one row per serving with
``Day, Group, Food Name, Amount`` and 60-odd nutrient columns, among them ``Magnesium (mg)`` and
``B6 (Pyridoxine) (mg)``. Its Amount is ``"<number> <unit description>"`` where the description may
be a plain unit (``g``, ``cup``), a unit with a note (``cup, chopped``, ``medium - 7" long``), a
measure with its own size (``container - each 5.3 oz``, ``shake (11 fl oz)``, ``x 0.25 Cup``) or a
food-specific word (``burger``, ``olive``). We translate what has a real measure into one and keep
the original amount as a log comment, so nothing the user wrote is lost.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from mgb6.errors import InputError
from mgb6.log.units import MASS_G, VOLUME_ML, canonical_unit

if TYPE_CHECKING:
    from collections.abc import Iterator

CRONOMETER_REQUIRED = ("Day", "Food Name", "Amount", "Magnesium (mg)", "B6 (Pyridoxine) (mg)")
# measures Cronometer writes that our unit vocabulary does not know, as (factor, unit)
EXTRA_MEASURES = {"cubic inch": (16.387064, "ml"), "cubic inches": (16.387064, "ml")}

_NUMBER = r"\d+(?:\.\d+)?(?:\s+\d+/\d+)?|\d+/\d+"
# Patterns run on an Amount already stripped and at most MAX_AMOUNT_CHARS long; none has a lazy run
# followed by optional white space and an end, which retries every position of a run of spaces.
MAX_AMOUNT_CHARS = 200
_AMOUNT = re.compile(rf"(?P<n>{_NUMBER})\s*(?P<unit>.*)")
_TIMES = re.compile(rf"^x\s*(?P<n>{_NUMBER})\s*(?P<unit>.+)$", re.I)
_INNER = re.compile(rf"(?:\(|\beach\s+|^)(?P<n>{_NUMBER})\s*(?P<unit>[a-zA-Z][a-zA-Z. ]*?)\s*(?:\)|$)", re.I)
_HEAD_END = re.compile(r"[,(\-]")


@dataclass(frozen=True, slots=True)
class Serving:
    """One exported row; nutrient values are Cronometer's, ``None`` where the cell is empty."""

    line: int  # line in the CSV file where the row starts
    day: date | None
    day_text: str
    group: str
    food: str
    amount_text: str
    magnesium_mg: float | None
    vitamin_b6_mg: float | None


@dataclass(slots=True)
class CronometerExport:
    path: str
    servings: list[Serving] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, why) rows not usable at all


@dataclass(frozen=True, slots=True)
class ConvertedLog:
    """An mgb6 log and, for each of its lines (1-based), the CSV line it came from (0 for headers)."""

    text: str
    source_lines: list[int]
    servings: int
    zero_amounts: int


def import_servings(text: str, path: str) -> tuple[CronometerExport, ConvertedLog]:
    """``mgb6 import cronometer``: the export's rows and the log made of them.

    Raises InputError when ``text`` is not a servings export: converting any other CSV would write a log
    of nothing but date headers, and the mistake would surface only at the next check."""
    if not looks_like_cronometer(text):
        raise InputError(
            f"{path}: not a Cronometer servings export (the header needs Day, Food Name, Amount, "
            "Magnesium (mg) and B6 (Pyridoxine) (mg))"
        )
    export = read_cronometer(text, path)
    return export, to_log(export)


def import_summary(export: CronometerExport, converted: ConvertedLog, where: str = "") -> str:
    """What an import did, in one line: servings written (``where`` names the file they went to) and
    every row left out, so no row of the export disappears unsaid."""
    to = f" to {where}" if where else ""
    note = f"; {converted.zero_amounts} zero-amount servings left out" if converted.zero_amounts else ""
    skipped = f"; {len(export.skipped)} rows without a food name skipped" if export.skipped else ""
    return f"Imported {converted.servings} servings{to}{note}{skipped}"


def looks_like_cronometer(text: str) -> bool:
    """True when the first line is a Cronometer servings header."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        header = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return False
    return all(col in header for col in CRONOMETER_REQUIRED)


def _float(text: str | None) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _day(text: str) -> date | None:
    m = re.match(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_cronometer(text: str, path: str = "<servings.csv>") -> CronometerExport:
    """Rows of a servings export; never raises: unusable rows are listed in ``skipped``."""
    out = CronometerExport(path)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    _ = reader.fieldnames  # reads the header, so line_num counts from it
    start = reader.line_num + 1
    for row in _rows(reader, path):
        line, start = start, reader.line_num + 1
        food = " ".join((row.get("Food Name") or "").split())
        amount = (row.get("Amount") or "").strip()
        day_text = (row.get("Day") or "").strip()
        if not food:
            out.skipped.append((line, "no food name"))
            continue
        out.servings.append(
            Serving(
                line,
                _day(day_text),
                day_text,
                (row.get("Group") or "").strip(),
                food,
                amount,
                _float(row.get("Magnesium (mg)")),
                _float(row.get("B6 (Pyridoxine) (mg)")),
            )
        )
    return out


def _rows(reader: csv.DictReader[str], path: str) -> Iterator[dict[str, str]]:
    """The reader's rows; a row the csv module refuses (a cell over its 131,072-character limit, a NUL)
    ends the file with one error naming its line, instead of an internal error."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"{path}:{reader.line_num + 1}: not a readable CSV row ({exc})") from None


def _num(text: str) -> float:
    text = text.strip()
    whole = 0.0
    if " " in text:
        first, text = text.split(None, 1)
        whole = float(first)
    if "/" in text:
        a, b = text.split("/")
        return whole + float(a) / float(b)
    return whole + float(text)


def _measure(unit_text: str) -> tuple[float, str] | None:
    """A unit description that is itself a measure ("5.3 oz", "11 fl oz") -> (factor, unit)."""
    u = unit_text.strip().lower().rstrip(".")
    if u in EXTRA_MEASURES:
        return EXTRA_MEASURES[u]
    unit = canonical_unit(u)
    if unit in MASS_G or unit in VOLUME_ML:
        return 1.0, unit
    return None


def amount_to_log(amount_text: str) -> tuple[float, str] | None:
    """Cronometer's Amount -> (amount, unit for the log; "" for a plain count), or None if unreadable.

    The unit description is read in this order: an exact known unit; ``x N unit`` (a multiple);
    an embedded real measure (``(11 fl oz)``, ``each 5.3 oz``, ``170g container``); the head word
    before a note (``cup, chopped`` -> cup; ``medium - 7" long`` -> medium); else a plain count.
    """
    amount_text = amount_text.replace("\u00a0", " ").strip()
    if len(amount_text) > MAX_AMOUNT_CHARS:
        return None
    m = _AMOUNT.fullmatch(amount_text)
    if not m:
        return None
    try:
        n = _num(m.group("n"))
    except (ValueError, ZeroDivisionError):
        return None
    desc = m.group("unit").strip()
    if not desc:
        return n, ""
    direct = canonical_unit(desc.lower())
    if direct:
        return n, direct
    if (mm := _measure(desc)) is not None:
        return n * mm[0], mm[1]
    t = _TIMES.match(desc)
    if t:
        inner = amount_to_log(f"{t.group('n')} {t.group('unit')}")
        if inner is not None:
            return n * inner[0], inner[1]
    for inner_m in _INNER.finditer(desc):
        mm = _measure(inner_m.group("unit"))
        if mm is not None:
            try:
                return n * _num(inner_m.group("n")) * mm[0], mm[1]
            except (ValueError, ZeroDivisionError):
                break
    g = re.match(r"^(?P<n>\d+(?:\.\d+)?)\s*(?P<u>g|ml|oz)\b", desc, re.I)
    if g:
        mm = _measure(g.group("u"))
        if mm is not None:
            return n * float(g.group("n")) * mm[0], mm[1]
    head = _head(desc)
    if head:
        unit = canonical_unit(head.lower())
        if unit:
            return n, unit
        # "cooked links", "large slices": how it was, then the count noun, which stays the unit
        words = head.lower().split()
        unit = canonical_unit(words[-1]) if len(words) > 1 else None
        if unit and unit not in MASS_G and unit not in VOLUME_ML:
            return n, unit
    return n, ""


def _head(desc: str) -> str | None:
    """The words before a note: "cup, chopped" -> "cup", "medium - 7\" long" -> "medium"; None when a
    hyphen joins words ("medium-large") instead of starting a note."""
    end = _HEAD_END.search(desc)
    if end is None:
        return desc.strip()
    at = end.start()
    if desc[at] == "-" and not (desc[at - 1 : at].isspace() and desc[at + 1 : at + 2].isspace()):
        return None
    return desc[:at].strip() or None


def _fmt(x: float) -> str:
    text = f"{x:.3f}".rstrip("0").rstrip(".")
    return text or "0"


_LINE_BREAKS = re.compile("[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _safe_food(name: str) -> str:
    """Keep a food name from being read as a comment, a date header or a meal label."""
    name = name.replace("#", "no. ").replace("//", "/")
    return " ".join(name.split())


def to_log(export: CronometerExport) -> ConvertedLog:
    """An mgb6 log: ISO date headers, ``# Group`` headings, ``<amount> <unit> <food>  # <as exported>``."""
    lines: list[str] = [f"# Imported from Cronometer servings export {export.path}"]
    source: list[int] = [0]
    by_day: dict[object, list[Serving]] = {}
    for s in export.servings:
        by_day.setdefault(s.day or s.day_text, []).append(s)
    # rows without a readable date go first, before any date header, so they form the undated day
    # instead of silently joining the day above them
    keys = sorted(by_day, key=lambda k: (isinstance(k, date), str(k)))
    zero = written = 0
    for key in keys:
        lines.append("")
        source.append(0)
        lines.append(key.isoformat() if isinstance(key, date) else f"# day {key!s} (not a date)")
        source.append(0)
        group = None
        for s in by_day[key]:
            parsed = amount_to_log(s.amount_text)
            if parsed is not None and parsed[0] == 0:
                zero += 1
                continue
            if s.group and s.group != group:
                group = s.group
                lines.append(f"# {_safe_food(group)}")
                source.append(0)
            food = _safe_food(s.food)
            said = s.amount_text if len(s.amount_text) <= MAX_AMOUNT_CHARS else s.amount_text[:80] + "…"
            if parsed is None:
                text = f"{food}  # amount {said!r} not understood: standard portion"
            else:
                n, unit = parsed
                text = f"{_fmt(n)} {unit + ' ' if unit else ''}{food}"
                if not (unit == "g" and s.amount_text.strip().endswith(" g")):
                    text += f"  # {said}"
            lines.append(text)
            source.append(s.line)
            written += 1
    # a cell may hold a character str.splitlines() breaks on (\x85, \u2028, \v...): keep one line per row
    # so that the parser's line numbers map back to the CSV's
    lines = [_LINE_BREAKS.sub(" ", ln) for ln in lines]
    return ConvertedLog("\n".join(lines) + "\n", source, written, zero)


@dataclass(frozen=True, slots=True)
class Comparison:
    """One day: mgb6's totals and Cronometer's over the same servings, and how many servings that is."""

    day: date | None
    counted: int  # servings mgb6 counted that day
    servings: int  # servings with a non-zero amount in the export that day
    mgb6_magnesium: float
    cronometer_magnesium: float | None  # None when Cronometer left every counted cell empty
    mgb6_vitamin_b6: float
    cronometer_vitamin_b6: float | None


def compare(
    exports: list[CronometerExport],
    mgb6_days: list[tuple[date | None, list[tuple[str, int, float | None, float | None]]]],
) -> list[Comparison]:
    """Pair each mgb6 day with Cronometer's values for exactly the servings mgb6 counted.

    ``mgb6_days`` holds (date, [(path, csv line, Mg, B6), ...]) per day. Comparing the same servings
    keeps unmatched lines from looking like disagreements; the counted/servings figures show coverage.
    """
    by_line = {(e.path, s.line): s for e in exports for s in e.servings}
    per_day: dict[date | None, int] = {}
    for e in exports:
        for s in e.servings:
            parsed = amount_to_log(s.amount_text)
            if parsed is None or parsed[0] != 0:
                per_day[s.day] = per_day.get(s.day, 0) + 1
    out: list[Comparison] = []
    for day, items in mgb6_days:
        mine_mg = mine_b6 = 0.0
        cron: list[float | None] = [None, None]
        counted = 0
        for path, line, mg, b6 in items:
            s = by_line.get((path, line))
            if s is None:
                continue
            counted += 1
            mine_mg += mg or 0.0
            mine_b6 += b6 or 0.0
            for k, v in enumerate((s.magnesium_mg, s.vitamin_b6_mg)):
                if v is not None:
                    cron[k] = (cron[k] or 0.0) + v
        out.append(Comparison(day, counted, per_day.get(day, counted), mine_mg, cron[0], mine_b6, cron[1]))
    return out
