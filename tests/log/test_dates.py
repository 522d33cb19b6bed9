"""Date headers as people write them (log/dates.py through log/parse.py): read, refused, or noted."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgb6.log.dates import BadDate, Pending, read_date_line
from mgb6.log.parse import parse_log

TODAY = date(2026, 12, 3)


def days_of(text: str, **kw: object) -> list[tuple[date | None, str, list[str]]]:
    log = parse_log(text, "log.txt", today=TODAY, **kw)  # type: ignore[arg-type]
    return [(d.date, d.label, [e.text for e in d.entries]) for d in log.days]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 4, 2025", date(2025, 3, 4)),
        ("4 March 2025", date(2025, 3, 4)),
        ("Thu 6 Mar 2025", date(2025, 3, 6)),
        ("## Thursday, March 6th, 2025:", date(2025, 3, 6)),
        ("3/3/2025", date(2025, 3, 3)),
        ("13/3/2025", date(2025, 3, 13)),
        ("3/13/2025", date(2025, 3, 13)),
        ("date: 25.12.2025", date(2025, 12, 25)),
    ],
)
def test_a_written_out_date_with_one_reading_starts_that_day(line: str, expected: date) -> None:
    assert days_of(f"{line}\n1 banana\n")[-1] == (expected, "", ["1 banana"])


def test_an_ambiguous_day_and_month_is_refused_with_the_profile_hint() -> None:
    log = parse_log("3/4/2025\n1 banana\n", "log.txt", today=TODAY)
    (problem,) = log.problems
    assert problem.kind == "bad-date"
    assert "3 April or March 4" in problem.reason and "--date-order" in problem.reason
    assert all(d.date is None for d in log.days)  # its lines are not put on either day


@pytest.mark.parametrize(("order", "expected"), [("dmy", date(2025, 4, 3)), ("mdy", date(2025, 3, 4))])
def test_the_date_order_setting_decides_an_ambiguous_date(order: str, expected: date) -> None:
    assert days_of("3/4/2025\n1 banana\n", date_order=order)[-1][0] == expected


def test_a_weekday_written_beside_an_ambiguous_date_decides_it() -> None:
    # 3 April 2025 was a Thursday, March 4 2025 a Tuesday
    assert days_of("Tue 3/4/2025\n1 banana\n")[-1][0] == date(2025, 3, 4)


def test_a_weekday_that_contradicts_the_date_is_refused_not_ignored() -> None:
    log = parse_log("Wed 6 Mar 2025\n1 banana\n", "log.txt", today=TODAY)
    assert log.problems[0].kind == "bad-date"
    assert "is a Thursday, not a Wednesday" in log.problems[0].reason


def test_a_date_without_a_year_takes_the_year_of_the_dates_around_it_and_says_so() -> None:
    log = parse_log("Monday 3 March\n1 apple\n2025-03-04\n1 pear\n", "log.txt", today=TODAY)
    assert [d.date for d in log.days] == [date(2025, 3, 3), date(2025, 3, 4)]
    assert log.notes == [
        "line 1: 'Monday 3 March' has no year: read as 2025-03-03 (the year of 2025-03-04 nearby)"
    ]


def test_a_date_without_a_year_in_an_undated_log_takes_the_current_year_and_says_so() -> None:
    log = parse_log("March 3\n1 apple\n", "log.txt", today=TODAY)
    assert log.days[-1].date == date(2026, 3, 3)
    assert "the current year" in log.notes[0]


def test_a_date_without_a_year_still_ahead_this_year_is_last_years() -> None:
    log = parse_log("December 30\n1 apple\n", "log.txt", today=TODAY)
    assert log.days[-1].date == date(2025, 12, 30)
    assert "last year" in log.notes[0]


def test_a_weekday_alone_under_a_dated_day_is_the_next_such_day() -> None:
    log = parse_log("2025-03-03\n1 apple\n## Tuesday\n1 pear\n", "log.txt", today=TODAY)
    assert [d.date for d in log.days] == [date(2025, 3, 3), date(2025, 3, 4)]
    assert "the Tuesday after 2025-03-03" in log.notes[0]


def test_a_weekday_alone_in_an_undated_log_is_a_day_label_not_a_date() -> None:
    assert days_of("Monday\n1 apple\nTuesday:\n1 pear\n") == [
        (None, "Monday", ["1 apple"]),
        (None, "Tuesday", ["1 pear"]),
    ]


def test_a_weekday_restating_the_date_header_above_changes_nothing() -> None:
    assert days_of("2025-03-03\nMonday\n1 apple\n") == [(date(2025, 3, 3), "", ["1 apple"])]


@pytest.mark.parametrize("line", ["3/3/25", "Mon 3/3", "February 30, 2025"])
def test_a_line_that_almost_is_a_date_says_it_looks_like_one(line: str) -> None:
    found = read_date_line(line)
    assert isinstance(found, BadDate) and found.reason.startswith("looks like a date")


FOOD_LINES = [
    "1/2 cup milk",
    "1/2",
    "2-3 dates",
    "mayonnaise 1 tbsp",
    "Sun-dried tomatoes",
    "marinara 100 g",
    "2 eggs",
    "3 Mar crackers",
]


@pytest.mark.parametrize("line", FOOD_LINES)
def test_food_lines_are_not_dates(line: str) -> None:
    assert read_date_line(line) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_date_written_with_its_month_name_reads_back(d: date) -> None:
    for text in (f"{d:%B} {d.day}, {d.year}", f"{d:%a} {d.day} {d:%b} {d.year}", f"{d.day} {d:%B} {d.year}"):
        assert read_date_line(text) == d


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_numeric_date_is_read_exactly_or_left_pending_never_guessed(d: date) -> None:
    found = read_date_line(f"{d.day}/{d.month}/{d.year}")
    if d.day > 12 or d.day == d.month:
        assert found == d
    else:
        assert isinstance(found, Pending) and (d.month, d.day) in found.options
