"""Amounts as people say them, and amounts they do not say.

Spoken amounts ("half a cup", "a 12-oz can of", "juice of 2 limes", "100g/3½oz") are read into the one
amount they mean. A vague amount (a glass, a bowl, a pinch, none at all) is counted on USDA's own answer,
the note says which, and ``--strict-amounts`` refuses it instead. Expected weights are read from
data/portions.csv and data/amounts.csv (see test_household.usda), never copied from mgb6's output.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT, write_log
from tests.test_household import FL_OZ_ML, OZ_G, resolve, usda
from typer.testing import CliRunner

from mgb6.cli import app
from mgb6.errors import DataError
from mgb6.foods.table import informal_amounts
from mgb6.log.amounts import said_amount
from mgb6.log.parse import parse_entry, split_amount
from mgb6.models import Entry, Item, Problem
from mgb6.nutrition.tally import Scorer

TSP_ML = FL_OZ_ML / 6

# --- reading the amount -----------------------------------------------------------------------------

# (line, amount, unit, the food text left) — unit "" is a count
SAID = [
    ("100g/3½oz dates", 100, "g", "dates"),
    ("50 g (1¾ oz) medjool dates", 50, "g", "medjool dates"),
    ("3½ oz / 100 g smoked salmon", 100, "g", "smoked salmon"),
    ("1 cup (240 ml) whole milk", 240, "ml", "whole milk"),
    ("1 c buttermilk", 1, "cup", "buttermilk"),
    ("2 C plain yogurt", 2, "cup", "plain yogurt"),
    ("1 T olive oil", 1, "tbsp", "olive oil"),
    ("1 t cinnamon", 1, "tsp", "cinnamon"),
    ("2 tbs honey", 2, "tbsp", "honey"),
    ("1 tbls sugar", 1, "tbsp", "sugar"),
    ("half a cup of brown rice", 0.5, "cup", "brown rice"),
    ("a half cup cottage cheese", 0.5, "cup", "cottage cheese"),
    ("a quarter cup of walnuts", 0.25, "cup", "walnuts"),
    ("three quarters of a cup of blueberries", 0.75, "cup", "blueberries"),
    ("a third of a cup of raisins", 1 / 3, "cup", "raisins"),
    ("a cup and a half of skim milk", 1.5, "cup", "skim milk"),
    ("one and a half cups cooked lentils", 1.5, "cup", "cooked lentils"),
    ("2 and 1/2 tbsp peanut butter", 2.5, "tbsp", "peanut butter"),
    ("a couple of eggs", 2, "", "eggs"),
    ("a dozen almonds", 12, "", "almonds"),
    ("half a dozen oysters", 6, "", "oysters"),
    ("two dozen grapes", 24, "", "grapes"),
    ("a 16.9 fl oz bottle of cola", 16.9, "fl oz", "cola"),
    ("a 12-oz can of ginger ale", 12, "oz", "ginger ale"),
    ("a 20 ounce bottle of sports drink", 20, "oz", "sports drink"),
    ("an 8oz glass of orange juice", 8, "oz", "orange juice"),
    ("2 12 oz cans of beer", 24, "oz", "beer"),
    ("a 6 oz piece of salmon", 6, "oz", "salmon"),
    ("a 500 ml carton of soy milk", 500, "ml", "soy milk"),
    ("juice of 2 limes", 2, "lime", "lime juice"),
    ("the juice of half a lemon", 0.5, "lemon", "lemon juice"),
    ("2 slices of rye bread", 2, "slice", "rye bread"),
    ("a large bowl of oatmeal", 1, "bowl", "oatmeal"),
    ("a heaping tablespoon of almond butter", 1, "tbsp", "almond butter"),
    ("2 level tsp brown sugar", 2, "tsp", "brown sugar"),
    ("a small handful of cashews", 1, "handful", "cashews"),
    ("a glass of milk", 1, "glass", "milk"),
    ("a pinch of salt", 1, "pinch", "salt"),
    ("a splash of cream", 1, "splash", "cream"),
]


@pytest.mark.parametrize(("line", "amount", "unit", "food"), SAID)
def test_an_amount_as_people_say_it_is_read_as_one_amount(
    line: str, amount: float, unit: str, food: str
) -> None:
    entry = parse_entry(line)
    assert not isinstance(entry, Problem), entry
    assert entry.quantity is not None, entry
    assert entry.quantity.amount == pytest.approx(amount, rel=1e-3), entry.quantity
    assert (entry.quantity.unit, entry.food_text) == (unit, food)


@pytest.mark.parametrize(
    ("line", "said"),
    [("a heaping tablespoon of almond butter", "'heaping tablespoon' read as a tbsp"),
     ("a tall glass of milk", "'tall glass' read as a glass"), ("2 level tsp sugar", "")],
)  # fmt: skip
def test_how_full_or_big_a_measure_was_is_said_not_weighed(line: str, said: str) -> None:
    q, _ = split_amount(line)
    assert q is not None and q.assumed == said


@pytest.mark.parametrize(
    ("line", "amount", "food"),
    [("a few almonds", 3, "almonds"), ("several crackers", 3, "crackers"),
     ("a few of the dates", 3, "the dates")],
)  # fmt: skip
def test_a_few_is_read_as_three_and_marked_as_an_assumption(line: str, amount: float, food: str) -> None:
    q, rest = split_amount(line)
    assert q is not None and q.amount == amount and rest == food
    assert "read as 3" in q.assumed


@pytest.mark.parametrize(
    ("line", "amount", "unit", "food"),
    [("1 t-bone steak", 1, "", "t-bone steak"), ("a 6 oz steak", 6, "oz", "steak"),
     ("vitamin c gummies", None, None, "vitamin c gummies"), ("some almonds", None, None, "almonds"),
     ("a quarter pounder", 1, "", "quarter pounder"), ("half and half", None, None, "half and half"),
     ("half and half 2 tbsp", 2, "tbsp", "half and half"),
     ("2 tbsp half and half", 2, "tbsp", "half and half")],
)  # fmt: skip
def test_words_that_only_look_like_amounts_stay_food_words(
    line: str, amount: float | None, unit: str | None, food: str
) -> None:
    # "t-bone" is no teaspoon, "vitamin c" no cup, a steak is the food, not a container of it, and a
    # quarter pounder or half and half are foods, not fractions
    q, rest = split_amount(line)
    assert rest == food
    assert (q.amount, q.unit) == (amount, unit) if q is not None else amount is None


def test_dual_units_are_one_amount_not_a_thousand_grams() -> None:
    # issue 13: "50g/1¾oz medjool dates" was read as 1,200 g
    q, rest = split_amount("50g/1¾oz medjool dates")
    assert q is not None and (q.amount, q.unit) == (50, "g") and rest == "medjool dates"


# --- properties of the amount reader ------------------------------------------------------------------

AMOUNTS = st.sampled_from([
    "", "2 ", "a ", "half a cup of ", "a quarter cup ", "1 T ", "2 t ", "1 c ", "100g/3½oz ", "50 g (2 oz) ",
    "a 12-oz can of ", "a 16.9 fl oz bottle of ", "a few ", "several ", "a couple of ", "a dozen ",
    "half a dozen ", "some ", "a large bowl of ", "a cup and a half of ", "one and a half cups ",
    "juice of 2 ", "3 slices of ", "a pinch of ",
])  # fmt: skip
FOOD_WORDS = st.lists(
    st.sampled_from("oatmeal banana milk salmon rice lemons limes cola tomato bread cheddar spinach".split()),
    min_size=1, max_size=3,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_the_amount_reader_never_raises(text: str) -> None:
    said_amount(text)
    assert isinstance(parse_entry(text), (Entry, Problem))


@settings(max_examples=300, deadline=None)
@given(AMOUNTS, FOOD_WORDS)
def test_reading_a_said_amount_is_idempotent(amount: str, words: list[str]) -> None:
    once, _ = said_amount(amount + " ".join(words))
    assert said_amount(once)[0] == once


@settings(max_examples=300, deadline=None)
@given(AMOUNTS, FOOD_WORDS)
def test_the_food_text_keeps_every_food_word(amount: str, words: list[str]) -> None:
    _, rest = split_amount(amount + " ".join(words))
    kept = rest.lower()
    for w in words:
        assert w.rstrip("s") in kept, (amount, words, rest)


# --- vague amounts: USDA's own answer, said on the line -----------------------------------------------


@pytest.fixture(scope="module")
def scorer(table) -> Scorer:
    return Scorer(table)


# (line, USDA food, the USDA row that weighs it: unit and modifier, how many of it)
VAGUE = [
    ("a glass of milk", "sr28:01079", "cup", "", 1),  # SR28 milk's usual portion: 1 cup
    ("2 glasses of milk", "sr28:01079", "cup", "", 2),
    ("a bowl of oatmeal", "sr28:08121", "cup", "", 1),
    ("a mug of coffee", "sr28:14209", "cup", "", 1),
    ("a handful of almonds", "sr28:12061", "oz", "", 1),  # nuts: USDA's 1 oz (23 whole kernels)
    ("a glass of red wine", "fndds:93401010", "glass", "", 1),  # FNDDS's own "1 glass"
    ("a bowl of miso soup", "fndds:41601070", "default", "", 1),  # FNDDS's "quantity not specified"
    ("banana", "sr28:09040", "medium", "", 1),  # no amount at all
]


@pytest.mark.parametrize(("line", "food", "unit", "modifier", "n"), VAGUE)
def test_a_vague_amount_is_counted_on_usdas_own_portion_and_says_so(
    scorer: Scorer, line: str, food: str, unit: str, modifier: str, n: float
) -> None:
    out = resolve(scorer, line)
    assert isinstance(out, Item) and out.food_id == food, out
    assert out.grams == pytest.approx(n * usda(food, unit, modifier), rel=0.01), out.notes
    assert out.amount_assumed
    assert any(note.startswith("amount assumed") and "USDA's usual portion" in note for note in out.notes)


def test_one_of_a_food_whose_only_portion_is_usdas_usual_one_is_an_assumption(scorer: Scorer) -> None:
    # "1 peanut butter": FNDDS weighs no single item, only its "quantity not specified" portion
    out = resolve(scorer, "1 peanut butter")
    assert isinstance(out, Item) and out.grams == pytest.approx(usda(out.food_id, "default")), out
    assert out.amount_assumed and any("one as USDA's usual portion" in n for n in out.notes)


@pytest.mark.parametrize(
    ("line", "food", "ml"),
    [("a pinch of salt", "sr28:02047", TSP_ML / 16), ("a splash of milk", "sr28:01079", FL_OZ_ML / 8)],
)  # fmt: skip
def test_a_small_kitchen_amount_comes_from_the_sourced_table(
    scorer: Scorer, line: str, food: str, ml: float
) -> None:
    out = resolve(scorer, line)
    assert isinstance(out, Item) and out.food_id == food, out
    per_ml = usda(food, "tsp") / TSP_ML if food == "sr28:02047" else usda(food, "cup") / (FL_OZ_ML * 8)
    assert out.grams == pytest.approx(ml * per_ml, rel=0.02)
    assert out.amount_assumed and any("data/amounts.csv" in n for n in out.notes)


def test_a_can_of_a_drink_without_a_usda_can_row_is_twelve_fluid_ounces(scorer: Scorer) -> None:
    out = resolve(scorer, "a can of low carb light beer")
    assert isinstance(out, Item) and "beer" in out.food.lower(), out
    assert out.grams == pytest.approx(12 * FL_OZ_ML, rel=0.05)  # through the beer's USDA fl oz row
    assert out.amount_assumed and any("12 fl oz (data/amounts.csv)" in n for n in out.notes)


def test_an_assumed_amount_that_is_a_whole_roast_is_refused_not_counted(scorer: Scorer) -> None:
    # SR28's only portion for roast beef is the whole roast: no one means that by "roast beef"
    out = resolve(scorer, "roast beef")
    assert isinstance(out, Problem) and "too much to assume" in out.reason, out


def test_a_piece_of_pie_is_a_slice_not_the_whole_pie(scorer: Scorer) -> None:
    out = resolve(scorer, "a piece of lemon pie")
    assert isinstance(out, Item) and out.food_id == "fndds:53305700", out
    assert out.grams == pytest.approx(usda("fndds:53305700", "slice"))


@pytest.mark.parametrize("line", ["a dollop of sour cream", "1 shot of espresso", "a can of black beans"])
def test_a_vague_amount_with_nothing_defensible_is_not_counted(scorer: Scorer, line: str) -> None:
    # a dollop has no sourced size; a shot of espresso is not its usual cup; cans vary by product
    out = resolve(scorer, line)
    assert isinstance(out, Problem) and out.kind == "unresolved", out


@pytest.mark.parametrize(
    ("line", "food", "unit", "n"),
    [("juice of 2 limes", "sr28:09160", "lime", 2), ("juice of half a lemon", "sr28:09152", "lemon", 0.5),
     ("juice of 1 orange", "sr28:09206", "fruit", 1)],
)  # fmt: skip
def test_the_juice_of_some_fruit_is_what_usda_says_one_fruit_yields(
    scorer: Scorer, line: str, food: str, unit: str, n: float
) -> None:
    out = resolve(scorer, line)
    assert isinstance(out, Item) and out.food_id == food, out
    assert out.grams == pytest.approx(n * usda(food, unit, "yields"))
    assert not out.amount_assumed


@pytest.mark.parametrize(
    ("line", "grams"),
    [("a 16.9 fl oz bottle of cola", 16.9 * FL_OZ_ML), ("a 12-oz can of cola", 12 * FL_OZ_ML),
     ("50g/1¾oz medjool dates", 50.0), ("a 3 oz piece of cheddar cheese", 3 * OZ_G)],
)  # fmt: skip
def test_a_stated_container_size_is_the_amount_and_no_assumption(
    scorer: Scorer, line: str, grams: float
) -> None:
    out = resolve(scorer, line)
    assert isinstance(out, Item), out
    # a drink's fl oz is weighed through its USDA fl oz row (within a few percent of 1 g per ml)
    assert out.grams == pytest.approx(grams, rel=0.06)
    assert not out.amount_assumed


def test_every_row_of_the_amounts_table_has_a_source_and_resolves(scorer: Scorer) -> None:
    with (ROOT / "data" / "amounts.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for r in rows:
        assert "http" in r["source"] or "USDA" in r["source"], r  # a public page, or USDA's own tables
        out = resolve(scorer, f"a {r['unit']} of whole milk")
        assert isinstance(out, Item) and out.grams and out.amount_assumed, (r, out)
        assert r["wording"] in " ".join(out.notes)


def test_a_row_of_the_amounts_table_without_a_source_is_refused() -> None:
    blob = b"unit,amount,measure,wording,source\npinch,0.0625,tsp,a pinch,\n"
    with pytest.raises(DataError, match="source"):
        informal_amounts(blob)


# --- the report, JSON, CSV and --strict-amounts --------------------------------------------------------

LOG = "2026-11-20\na glass of milk\n1 cup cooked spinach\nbanana\n"


def _check(tmp_path: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(app, ["check", str(write_log(tmp_path, LOG)), "--no-profile", *args])
    return res.exit_code, res.stdout


def test_the_report_says_how_many_lines_rest_on_an_assumed_amount(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "--no-color")
    assert code == 0, out
    flat = " ".join(out.split())
    assert "Totals cover 3 of 3 food lines" in flat
    assert "2 counted lines rest on an assumed amount" in flat


def test_json_and_csv_mark_the_items_whose_amount_was_assumed(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "--format", "json")
    assert code == 0, out
    doc = json.loads(out)
    items = {i["text"]: i for d in doc["days"] for i in d["items"]}
    assert items["a glass of milk"]["amount_assumed"] is True
    assert items["1 cup cooked spinach"]["amount_assumed"] is False
    assert any("USDA's usual portion" in n for n in items["a glass of milk"]["notes"])
    assert doc["coverage"]["assumed_amount_lines"] == 2
    code, out = _check(tmp_path, "--format", "csv")
    assert code == 0, out
    rows = {r["text"]: r for r in csv.DictReader(out.splitlines())}
    assert rows["banana"]["amount_assumed"] == "yes"
    assert rows["1 cup cooked spinach"]["amount_assumed"] == "no"


def test_strict_amounts_lists_assumed_lines_as_not_counted_with_the_reason(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "--format", "json", "--strict-amounts")
    assert code == 0, out
    doc = json.loads(out)
    assert doc["coverage"]["counted_lines"] == 1 and doc["coverage"]["not_counted_lines"] == 2
    refused = {u["text"]: u for u in doc["unmatched"]}
    assert set(refused) == {"a glass of milk", "banana"}
    assert all("--strict-amounts" in u["reason"] and u["kind"] == "unresolved" for u in refused.values())
    assert refused["a glass of milk"]["line"] == 2
