"""Date lines as people write them: "2025-03-03", "3/3/2025", "March 4, 2025", "Wed 6 Mar 2025",
"Monday 3 March", "## Tuesday".

A line is read on its own (``read_date_line``): the answer never depends on where it stands, so the parse
memo can keep it. What needs the surrounding log (a year left out, a weekday alone, day and month that
could be either way round) comes back as a ``Pending`` that ``settle`` resolves with the log's context
and the user's ``date_order``. Nothing is guessed silently: an ambiguous "3/4/2025" with no order set is
refused with a hint, a weekday that disagrees with its date is refused, and every year filled in is
reported as a note.

A weekday alone ("Tuesday", "## Tue:") is a day label, not a date: under a dated day it is the first such
weekday after that date (said in a note); with no date above it, it starts an undated day labelled with
the weekday; right under a date header it only restates that date's weekday.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from mgb6.lazyre import lazy
from mgb6.models import DATE_ORDERS

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDER_HINT = "set the order once with: mgb6 profile set --date-order dmy (or mdy)"

_WD = r"(?P<wd>mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_WD2, _WD3 = _WD.replace("?P<wd>", "?P<wd2>"), _WD.replace("?P<wd>", "?P<wd3>")
_MON = (
    r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|ember|tember|ober)?\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_HEAD = r"^\s*(?:#+\s*)?(?:(?:date|day)\s*:?\s*)?"
_TAIL = rf"(?:\s*\(\s*{_WD2}\s*\)|,?\s+{_WD3})?\s*[:.]?\s*$"
# cheap test first: a food line is turned down without compiling the patterns below
_HINT = lazy(
    r"^[#\s]*(?:(?:date|day)\s*:?\s*)?(?:\d{1,2}\s*[/.-]\s*\d|(?:mon|tue|wed|thu|fri|sat|sun)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    re.I,
)
_NUMERIC = lazy(
    rf"{_HEAD}(?:{_WD},?\s+)?(?P<a>\d{{1,2}})\s*(?P<sep>[/.-])\s*(?P<b>\d{{1,2}})"
    rf"(?:\s*(?P=sep)\s*(?P<y>\d{{2,4}}))?{_TAIL}",
    re.I,
)
_NAMED = lazy(
    rf"{_HEAD}(?:{_WD},?\s+(?:the\s+)?)?"
    rf"(?:(?P<d1>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON}"
    rf"|{_MON.replace('?P<mon>', '?P<mon2>')}\s+(?:the\s+)?(?P<d2>\d{{1,2}}){_ORD})"
    rf"(?:,?\s+(?P<y>\d{{4}}))?{_TAIL}",
    re.I,
)
_WEEKDAY_ALONE = lazy(rf"{_HEAD}{_WD}\s*:?\s*$", re.I)


class Pending(NamedTuple):
    """A date line that needs its log to be read: the year, the order of day and month, or the day."""

    text: str  # the line as written, without its leading '#'
    year: int | None  # None: left out
    options: tuple[tuple[int, int], ...]  # possible (month, day); two when day and month could swap; ()
    weekday: int | None  # 0 = Monday; a weekday alone has no options


class BadDate(NamedTuple):
    """A line that is, or looks like, a date header that cannot be read; ``reason`` says why."""

    reason: str


DateReading = date | Pending | BadDate | None


def _weekday(m: re.Match[str]) -> int | None:
    found = m.groupdict()
    words = [w for w in (found.get("wd"), found.get("wd2"), found.get("wd3")) if w]
    if not words:
        return None
    return [w[:2] for w in WEEKDAYS].index(words[0][:2].lower())


def _name(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _year(text: str | None) -> int | None:
    return None if text is None else int(text)


def _make(text: str, y: int, month: int, day: int, weekday: int | None) -> date | BadDate:
    try:
        found = date(y, month, day)
    except ValueError as exc:
        return BadDate(f"looks like a date, but {text!r} is not one ({exc})")
    if weekday is not None and found.weekday() != weekday:
        return BadDate(f"looks like a date, but {_name(found)} is a {WEEKDAYS[found.weekday()].title()}, "
                       f"not a {WEEKDAYS[weekday].title()}")  # fmt: skip
    return found


@lru_cache(maxsize=8192)
def read_date_line(stripped: str) -> DateReading:
    """A header line's date, a ``Pending`` the log's context settles, a ``BadDate``, or ``None`` (not a date).

    ISO dates are the parser's own fast path; this reads the other forms.
    """
    if not _HINT.match(stripped):
        return None
    text = stripped.lstrip("#").strip()
    m = _NUMERIC.match(stripped)
    if m:
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        wd = _weekday(m)
        if y is None or len(y) != 4:
            if y is None and wd is None:  # "1/2" alone is more likely a fraction than a date
                return None
            return BadDate(f"looks like a date; write the year in full, e.g. {a}/{b}/2025")
        if (a > 12 and b > 12) or a > 31 or b > 31:
            return BadDate(f"looks like a date, but {text!r} has no month")
        if a > 12 or b > 12 or a == b:  # only one reading: 13/3 is 13 March, 3/13 is March 13
            month, day = (b, a) if a > 12 else (a, b)
            return _make(text, int(y), month, day, wd)
        return Pending(text, int(y), ((b, a), (a, b)), wd)  # (day-first reading, month-first reading)
    m = _NAMED.match(stripped)
    if m:
        month = MONTHS.index((m.group("mon") or m.group("mon2"))[:3].lower()) + 1
        day = int(m.group("d1") or m.group("d2"))
        year = _year(m.group("y"))
        if year is None:
            if not 1 <= day <= 31:
                return BadDate(f"looks like a date, but {text!r} has no such day")
            return Pending(text, None, ((month, day),), _weekday(m))
        return _make(text, year, month, day, _weekday(m))
    m = _WEEKDAY_ALONE.match(stripped)
    if m:
        return Pending(text, None, (), _weekday(m))
    return None


def settle(
    p: Pending, order: str | None, before: date | None, after: date | None, today: date
) -> tuple[date | BadDate | str, str | None]:
    """The date ``p`` stands for in its log, and a note saying how it was read (None: nothing assumed).

    ``before``/``after`` are the nearest full dates above and below it in the log; ``today`` bounds a
    year that only "the current year" supplies. A weekday alone returns its label (a str) when no date
    stands above it.
    """
    if not p.options:  # a weekday alone
        if before is None:
            return WEEKDAYS[p.weekday or 0].title(), None
        ahead = ((p.weekday or 0) - before.weekday() - 1) % 7 + 1
        found = before + timedelta(days=ahead)
        return (
            found,
            f"{p.text!r} read as {found.isoformat()}, the {WEEKDAYS[found.weekday()].title()} "
            f"after {before.isoformat()}",
        )
    if p.year is not None:  # day and month could swap
        readings = [_make(p.text, p.year, m, d, p.weekday) for m, d in p.options]
        if order in DATE_ORDERS:
            return readings[0 if order == "dmy" else 1], None
        fits = [r for r in readings if isinstance(r, date)]
        if p.weekday is not None and len(fits) == 1:
            return fits[0], None  # the weekday written beside it decides
        (m1, d1), (m2, d2) = p.options
        return BadDate(f"looks like a date, but {p.text!r} could be {d1} {_month(m1)} or {_month(m2)} {d2}; "
                       f"{ORDER_HINT}"), None  # fmt: skip
    month, day = p.options[0]
    near = before or after
    if near is not None:
        year = near.year
        if before is not None and (month, day) < (before.month, before.day) and before.month - month > 6:
            year += 1  # "January 2" under 30 December: the new year
        elif (
            after is not None
            and before is None
            and (month, day) > (after.month, after.day)
            and month - after.month > 6
        ):
            year -= 1
        why = f"the year of {near.isoformat()} nearby"
    else:
        year = today.year if (month, day) <= (today.month, today.day + 1) else today.year - 1
        why = "the current year" if year == today.year else "last year, as this year's is still ahead"
    found = _make(p.text, year, month, day, p.weekday)
    if isinstance(found, BadDate):
        return BadDate(found.reason + "; add the year"), None
    return found, f"{p.text!r} has no year: read as {found.isoformat()} ({why})"


def _month(m: int) -> str:
    return date(2000, m, 1).strftime("%B")
