"""Property tests of the parser and the whole check pipeline (hypothesis), plus the opt-in long fuzz run.

Promises: any text or bytes give a result or reported problems, never an exception; totals are never
negative; every food line is either counted or listed; a line's grams scale linearly with its amount; the
order of lines within a day does not change the day's totals.
"""

from __future__ import annotations

import importlib.util
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT
from typer.testing import CliRunner

from mgb6.cli import app
from mgb6.errors import ExitCode, InputError
from mgb6.log.parse import parse_entry, parse_log
from mgb6.log.read import decode
from mgb6.log.units import UNIT_ALIASES
from mgb6.models import Entry, Item, Problem
from mgb6.nutrition.tally import Scorer, check
from mgb6.nutrition.targets import Profile

FOODS = (
    "banana", "spinach", "almonds", "cooked oatmeal", "salmon", "eggs, scrambled", "black beans", "rice",
    "chicken breast", "pumpkin seeds", "milk", "orange juice", "whole wheat bread", "peanut butter",
    "avocado", "yogurt", "potato", "broccoli", "tofu", "lentils", "apple", "cashews", "xyzzy",
)  # fmt: skip
SUPPLEMENTS = ("magnesium glycinate 200 mg", "B6 10mg", "P5P 25 mg", "multivitamin", "mag oxide 400 mg")
ODD_AMOUNTS = ("-2", "nan", "inf", "1e309", "0", "1/0", "9" * 30, ".5", "½", "1 ½", "2-3", "a", "half a")
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PHRASE_PIECES = [
    "x2", "×3", "dry", "cooked", "Quaker -", "Generic -", "with", "on", "and", ",", ":", "a splash of",
    "from the", "at the", "(2)", "pieces of", "a side of", "smoothie", "1 cup", "2 tbsp", "1/2", "milk",
    "banana", "coffee", "bread", "butter", "freezer", "fried chicken",
]  # fmt: skip
amounts = st.one_of(
    st.integers(0, 2000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda x: f"{x:g}"),
    st.sampled_from(ODD_AMOUNTS),
)
units = st.sampled_from(["", *UNIT_ALIASES])
food_lines = st.one_of(
    st.builds(lambda a, u, f: f"{a} {u} {f}", amounts, units, st.sampled_from(FOODS)),
    st.builds(lambda a, u, f: f"{f} {a}{u}", amounts, units, st.sampled_from(FOODS)),
    st.builds(lambda a, u, f: f"{f}, {a} {u}", amounts, units, st.sampled_from(FOODS)),
    # pieces of how people write, in any order: joiners, a state after an amount, a maker and a dash, a
    # count said last, a place ("x2 dry" once raised AttributeError)
    st.lists(st.sampled_from(PHRASE_PIECES), min_size=1, max_size=8).map(" ".join),
)
other_lines = st.one_of(
    st.sampled_from(SUPPLEMENTS),
    st.sampled_from(["breakfast:", "lunch: 1 banana", "# comment", "", "  ", "dinner:"]),
    st.text(max_size=40),
)


def _no_date(line: str) -> bool:
    log = parse_log(line)
    if any(d.date for d in log.days) or any(p.kind == "bad-date" for p in log.problems):
        return False
    # a weekday alone ("SATURDAY") starts a day of its own under a dated day: it is a day label, not a line
    return len(parse_log("2026-11-20\n1 banana\n" + line).days) == 1


day_lines = st.lists(st.one_of(food_lines, other_lines).filter(_no_date), max_size=10)
date_lines = st.builds(
    lambda y, m, d, md: f"{'## ' if md else ''}{y:04d}-{m:02d}-{d:02d}",
    st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32), st.booleans(),
)  # fmt: skip
logs = st.lists(st.one_of(food_lines, other_lines, date_lines), max_size=14).map("\n".join)
profiles = st.sampled_from(
    [Profile(), Profile("female", 34), Profile("male", 70), Profile("female", 16, lactating=True)]
)


def _assert_sane(text: str, table, profile: Profile) -> None:
    log = parse_log(text, "<prop>")
    result = check([log], table, profile)
    for day in result.days:
        for total in day.totals.values():
            assert math.isfinite(total) and total >= 0
    for mean in result.mean.values():
        assert mean is None or (math.isfinite(mean) and mean >= 0)
    # a line read as several foods may be partly counted: it counts among the counted lines, once
    missed = {(p.path, p.line) for p in result.problems if p.kind != "bad-date"}
    counted = {(i.path, i.line) for i in result.items}
    assert result.counted_lines == len(counted)
    assert result.not_counted_lines == len(missed - counted)
    assert result.partly_counted_lines == len(missed & counted)
    assert result.counted_lines + result.not_counted_lines == log.food_lines


@FAST
@given(text=logs, profile=profiles)
def test_generated_logs_check_without_raising_and_totals_are_never_negative(table, text, profile) -> None:
    _assert_sane(text, table, profile)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=logs,
    profile=profiles,
    diet=st.sampled_from([None, "vegan", "vegetarian", "pescatarian"]),
    avoid=st.lists(st.sampled_from(["nuts", "soy", "dairy", "fish", "gluten"]), max_size=2),
)
def test_suggestions_and_advice_follow_any_log(table, text, profile, diet, avoid) -> None:
    """The guidance step of `mgb6 check` (limits, suggestions, advice) copes with whatever was counted."""
    from mgb6.api import add_guidance

    result = check([parse_log(text)], table, profile)
    add_guidance(result, table, diet=diet, avoid=avoid)
    for n, gap in result.gap.items():
        assert gap >= 0, n


@FAST
@given(text=st.text(max_size=400))
def test_arbitrary_text_checks_without_raising(table, text: str) -> None:
    _assert_sane(text, table, Profile())


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=600))
def test_arbitrary_bytes_decode_or_are_refused_plainly(data: bytes) -> None:
    try:
        text = decode(data, "<bytes>")
    except InputError as exc:
        assert str(exc).startswith("<bytes>: ")
        return
    assert isinstance(text.text, str)
    parse_log(text.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=300), logs.map(lambda t: t.encode("utf-8"))))
def test_the_command_answers_any_standard_input(data: bytes) -> None:
    result = CliRunner().invoke(app, ["check", "-", "--format", "json"], input=data)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (ExitCode.OK, ExitCode.ERROR)
    if result.exit_code == ExitCode.OK:
        doc = json.loads(result.stdout)
        # a day with no counted line has null totals; any other day's are never negative
        assert all((d["totals"]["magnesium_mg"] is None) == (not d["items"]) for d in doc["days"])
        assert all(d["totals"]["magnesium_mg"] >= 0 for d in doc["days"] if d["items"])
        cov = doc["coverage"]
        assert cov["counted_lines"] + cov["not_counted_lines"] == cov["food_lines"]
    else:
        assert result.stderr.startswith("Error: ")


def _resolve(scorer: Scorer, text: str) -> Entry | Problem | object:
    entry = parse_entry(text)
    return entry if isinstance(entry, Problem) else scorer.resolve(entry, None)


@FAST
@given(
    amount=st.integers(1, 400),
    factor=st.integers(2, 6),
    unit=st.sampled_from(["g", "oz", "kg", "cup", "tbsp", "tsp", "ml", "slice", "medium", "large", ""]),
    food=st.sampled_from(FOODS),
)
def test_grams_scale_linearly_with_the_amount(table, amount: int, factor: int, unit: str, food: str) -> None:
    scorer = Scorer(table)
    one = _resolve(scorer, f"{amount} {unit} {food}")
    many = _resolve(scorer, f"{amount * factor} {unit} {food}")
    if isinstance(one, Item) and one.amount_assumed and amount == 1 and not isinstance(many, Item):
        # "1 peanut butter" is read as one usual portion (said on the line), but "3 peanut butter" are
        # three items USDA cannot weigh: refused, asking for grams, never multiplied silently
        assert isinstance(many, Problem) and "give grams" in many.reason
        return
    assert type(one) is type(many)
    if isinstance(one, Problem):
        return
    assert one.food_id == many.food_id
    assert many.grams == pytest.approx(factor * one.grams, rel=1e-9)
    for n in ("magnesium_mg", "vitamin_b6_mg"):
        a, b = getattr(one, n), getattr(many, n)
        assert (a is None) == (b is None)
        if a is not None:
            assert b == pytest.approx(factor * a, rel=1e-9, abs=1e-12)


@FAST
@given(lines=day_lines, data=st.data())
def test_reordering_lines_within_a_day_keeps_its_totals(table, lines: list[str], data) -> None:
    # a meal label alone is order-sensitive only for the meal names, never for the totals
    shuffled = data.draw(st.permutations(lines))
    a = check([parse_log("2026-11-20\n" + "\n".join(lines))], table, Profile())
    b = check([parse_log("2026-11-20\n" + "\n".join(shuffled))], table, Profile())
    assert [d.date for d in a.days] == [d.date for d in b.days]
    for da, db in zip(a.days, b.days, strict=True):
        for n in da.totals:
            assert db.totals[n] == pytest.approx(da.totals[n], rel=1e-9, abs=1e-9)
    assert a.counted_lines == b.counted_lines


@pytest.mark.slow
def test_long_fuzz_run_of_100k_generated_logs() -> None:
    """Opt in with ``pytest -m slow``: the benchmarks/fuzz.py run, 100,000 logs (several minutes)."""
    spec = importlib.util.spec_from_file_location("mgb6_fuzz", ROOT / "benchmarks" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    out, _ = fuzz.run(100_000, seed=5)
    assert out.logs == 100_000
    assert out.failures == [], out.failures[:3]
