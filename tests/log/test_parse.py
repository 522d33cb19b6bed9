"""The log parser: real phrasings, dates, labels, and the promise that no text raises."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgb6.log.parse import parse_date_line, parse_entry, parse_log, split_amount
from mgb6.models import Entry, Problem


@pytest.mark.parametrize(
    ("text", "amount", "unit", "food"),
    [
        ("2 cups spinach", 2, "cup", "spinach"),
        ("1 medium banana", 1, "medium", "banana"),
        ("2 tbsp pumpkin seeds", 2, "tbsp", "pumpkin seeds"),
        ("salmon 150g", 150, "g", "salmon"),
        ("150 g salmon", 150, "g", "salmon"),
        ("eggs, scrambled, 2 large", 2, "large", "eggs, scrambled"),
        ("1/2 cup black beans", 0.5, "cup", "black beans"),
        ("1½ cups spinach", 1.5, "cup", "spinach"),
        ("1 1/2 cups rice", 1.5, "cup", "rice"),
        ("¾ cup oats", 0.75, "cup", "oats"),
        ("2-3 dates", 2.5, "", "dates"),
        ("2 to 4 walnuts", 3, "", "walnuts"),
        ("half an avocado", 0.5, "", "avocado"),
        ("an apple", 1, "", "apple"),
        ("a banana", 1, "", "banana"),
        ("three eggs", 3, "", "eggs"),
        ("twelve almonds", 12, "", "almonds"),
        ("1 cup of cooked oatmeal", 1, "cup", "cooked oatmeal"),
        ("banana x2", 2, "", "banana"),
        ("spinach (2 cups)", 2, "cup", "spinach"),
        ("8 fl oz orange juice", 8, "fl oz", "orange juice"),
        ("0.5 cup oats", 0.5, "cup", "oats"),
        ("100g chicken breast", 100, "g", "chicken breast"),
        ("1 lb ground beef", 1, "lb", "ground beef"),
        ("250 ml milk", 250, "ml", "milk"),
        ("2 slices whole wheat bread", 2, "slice", "whole wheat bread"),
        ("3 cloves garlic", 3, "clove", "garlic"),
        ("1 can tuna", 1, "can", "tuna"),
        ("2 tablespoons peanut butter", 2, "tbsp", "peanut butter"),
        # how the food was when measured, after its amount, says which food it is
        ("Old Fashioned Oats, 1/2 cup dry", 0.5, "cup", "Old Fashioned Oats dry"),
        ("pasta, 2 oz dry", 2, "oz", "pasta dry"),
    ],
)
def test_split_amount_reads_everyday_phrasings(text: str, amount: float, unit: str, food: str) -> None:
    q, rest = split_amount(text)
    assert q is not None
    assert q.amount == pytest.approx(amount)
    assert q.unit == unit
    assert rest == food


@pytest.mark.parametrize("text", ["coffee", "milk 2%", "2% milk", "green tea"])
def test_lines_without_an_amount_keep_the_whole_text_as_food(text: str) -> None:
    q, rest = split_amount(text)
    assert q is None
    assert rest == text


def test_range_is_marked_so_the_report_can_say_so() -> None:
    q, _ = split_amount("2-3 dates")
    assert q is not None and q.is_range


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2026-11-20", date(2026, 11, 20)),
        ("## 2026-11-20", date(2026, 11, 20)),
        ("# 2026-11-20", date(2026, 11, 20)),
        ("2026/11/20", date(2026, 11, 20)),
        ("Friday 2026-11-20", date(2026, 11, 20)),
        ("2026-11-20 (Fri)", date(2026, 11, 20)),
        ("2026-11-20:", date(2026, 11, 20)),
    ],
)
def test_date_headers_start_a_day(line: str, expected: date) -> None:
    assert parse_date_line(line) == expected


def test_invalid_date_is_reported_not_ignored() -> None:
    log = parse_log("2026-02-30\n1 banana\n")
    assert [p.kind for p in log.problems] == ["bad-date"]
    assert log.problems[0].line == 1
    # the food under the bad header is still read, in a day without a date
    assert [e.food_text for d in log.days for e in d.entries] == ["banana"]


def test_log_structure_dates_labels_comments() -> None:
    text = (
        "# my log\n\n2026-11-20\nbreakfast: 1 cup cooked oatmeal\n1 medium banana  # yum\n"
        "## 2026-11-21\nlunch:\n- 2 eggs\n"
    )
    log = parse_log(text, "meals.txt")
    assert [d.date for d in log.days] == [date(2026, 11, 20), date(2026, 11, 21)]
    first, second = log.days
    assert [(e.line, e.meal, e.food_text) for e in first.entries] == [
        (4, "breakfast", "cooked oatmeal"),
        (5, "breakfast", "banana"),
    ]
    assert [(e.line, e.meal, e.food_text) for e in second.entries] == [(8, "lunch", "eggs")]
    assert first.entries[0].text == "breakfast: 1 cup cooked oatmeal"
    assert log.food_lines == 3


def test_a_terse_logs_one_letter_meal_labels_name_the_meal_not_a_brand() -> None:
    # "L - chicken wrap" was a brand "L" and nothing counted; "D - salmon" salmon of the brand "D"
    log = parse_log("2026-11-20\nB: oats 50g\nL - chicken wrap\nD - salmon\nS: apple\n")
    assert [(e.meal, e.food_text) for e in log.days[0].entries] == [
        ("breakfast", "oats"),
        ("lunch", "chicken wrap"),
        ("dinner", "salmon"),
        ("snack", "apple"),
    ]


def test_a_meal_said_skipped_is_no_food_and_heads_nothing() -> None:
    # "skipped breakfast" was listed as a food not counted, with "Breakfast tart" as its closest candidate
    log = parse_log("2026-11-20\nskipped breakfast\nnothing for lunch\n1 apple\nI skipped dinner.\n")
    assert [(e.meal, e.food_text) for e in log.days[0].entries] == [(None, "apple")]
    assert not log.problems


def test_log_without_dates_is_one_undated_day() -> None:
    log = parse_log("1 banana\n2 cups spinach\n")
    assert len(log.days) == 1 and log.days[0].date is None
    assert len(log.days[0].entries) == 2


@pytest.mark.parametrize(
    "line", ["magnesium glycinate 200 mg", "B6 10mg", "vitamin B6 25 mg", "pyridoxine 50 mg", "P5P 25 mg"]
)
def test_supplement_lines_are_not_taken_for_food(line: str) -> None:
    entry = parse_entry(line)
    assert isinstance(entry, Entry)
    assert entry.supplement


def test_line_with_only_a_number_is_reported() -> None:
    out = parse_entry("250")
    assert isinstance(out, Problem)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_without_raising(text: str) -> None:
    log = parse_log(text)
    entries = sum(len(d.entries) for d in log.days)
    assert entries + sum(1 for p in log.problems if p.kind != "bad-date") == log.food_lines


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5000), st.sampled_from(["g", "cup", "tbsp", "oz", ""]))
def test_amounts_round_trip_through_text(n: int, unit: str) -> None:
    q, food = split_amount(f"{n} {unit} spinach".replace("  ", " "))
    assert q is not None and q.amount == n and food == "spinach"


@pytest.mark.parametrize(
    ("text", "amount", "unit", "food"),
    [
        ("1 salmon fillet, 6 oz", 6, "oz", "salmon fillet"),
        ("2 chicken breasts, 6 oz each", 12, "oz", "chicken breasts"),
        ("2 chicken breasts (6 oz apiece)", 12, "oz", "chicken breasts"),
        ("2 chicken breasts, 6 oz", 6, "oz", "chicken breasts"),  # no "each": 6 oz in all
        ("1 can tuna (5 oz)", 5, "oz", "tuna"),
        ("2 cans tuna (5 oz each)", 10, "oz", "tuna"),
        ("1 chicken breast 170g", 170, "g", "chicken breast"),
        ("1 bottle water, 500 ml", 500, "ml", "water"),
        ("2 tbsp peanut butter, 32 g", 32, "g", "peanut butter"),  # a weight beats a volume
        ("100 g salmon (3.5 oz)", 100, "g", "salmon"),  # a leading weight is kept
        ("1 cup milk (240 ml)", 1, "cup", "milk"),  # two volumes: the first one written
        ("chicken thighs, 4 oz each", 4, "oz", "chicken thighs"),
        ("2 x 6 oz steaks", 12, "oz", "steaks"),
    ],
)
def test_an_explicit_weight_or_volume_beats_a_leading_count(
    text: str, amount: float, unit: str, food: str
) -> None:
    q, rest = split_amount(text)
    assert q is not None
    assert (q.amount, q.unit, rest) == (pytest.approx(amount), unit, food)


def test_a_counted_range_times_a_weight_each_is_still_a_range() -> None:
    q, rest = split_amount("2-3 chicken thighs, 4 oz each")
    assert q is not None and q.is_range
    assert (q.amount, q.unit, rest) == (pytest.approx(10), "oz", "chicken thighs")


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 6), st.integers(1, 500), st.sampled_from(["g", "oz", "ml", "fl oz"]))
def test_count_with_a_weight_each_multiplies(count: int, each: int, unit: str) -> None:
    q, rest = split_amount(f"{count} chicken breasts, {each} {unit} each")
    assert q is not None and rest == "chicken breasts"
    assert (q.amount, q.unit) == (count * each, unit)


@pytest.mark.parametrize(
    ("text", "amount", "unit", "food"),
    [
        ("8 fl.oz milk", 8, "fl oz", "milk"),  # was read as 8 milks
        ("8 fl.oz. milk", 8, "fl oz", "milk"),
        ("2 fluidounces milk", 2, "fl oz", "milk"),
        ("2 extralarge eggs", 2, "extra large", "eggs"),
        ("2 xl eggs", 2, "extra large", "eggs"),  # was read as 2 litres
        ("2 x large eggs", 2, "large", "eggs"),
        ("3x banana", 3, "", "banana"),
    ],
)
def test_unit_spellings_without_their_space_and_xl(text: str, amount: float, unit: str, food: str) -> None:
    q, rest = split_amount(text)
    assert q is not None
    assert (q.amount, q.unit, rest) == (pytest.approx(amount), unit, food)


@pytest.mark.parametrize(
    ("line", "amount", "unit", "food"),
    [
        ("bowl of oatmeal", 1.0, "bowl", "oatmeal"),  # a unit with no number is one, as "a bowl of" is
        ("pinch of salt", 1.0, "pinch", "salt"),
        ("glass of milk", 1.0, "glass", "milk"),
        ("1 can (15 oz) black beans", 15.0, "oz", "black beans"),  # the size in parentheses is the amount
        ("cream of wheat", None, None, "cream of wheat"),  # "cream" is no unit
        # an amount said in words after the food, or after "about", is the amount (not half of one chili)
        ("chili, about a cup and a half", 1.5, "cup", "chili"),
        ("chili, a cup and a half", 1.5, "cup", "chili"),
        ("about a cup and a half of chili", 1.5, "cup", "chili"),
        ("rice, a half cup", 0.5, "cup", "rice"),
        ("eggs, scrambled, 2 large", 2.0, "large", "eggs, scrambled"),
    ],
)
def test_a_unit_without_a_number_and_a_size_in_parentheses_are_read(
    line: str, amount: float | None, unit: str | None, food: str
) -> None:
    quantity, text = split_amount(line)
    assert text == food
    if amount is None:
        assert quantity is None
    else:
        assert quantity is not None and (quantity.amount, quantity.unit) == (amount, unit)


@pytest.mark.parametrize("text", ["x2 dry", "pb 2 tbsp , dry", "1 cup x2 dry", "0 dry"])
def test_a_state_word_after_no_trailing_amount_never_breaks_the_reading(text: str) -> None:
    # "x2 dry" raised AttributeError once "1/2 cup dry" was read as an amount and a state
    q, rest = split_amount(text)
    assert rest or q is not None
