"""Amounts as people say them are read into the one amount they mean (log/amounts.py, log/parse.py).

"half a cup", "a 12-oz can of", "juice of 2 limes", "100g/3½oz", "1 T": each is one amount; words that
only look like amounts ("t-bone", "a quarter pounder", "half and half") stay food words.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgb6.log.amounts import said_amount
from mgb6.log.parse import parse_entry, split_amount
from mgb6.models import Entry, Problem

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
    ("zest of 1 orange", 1, "orange", "orange peel"),  # the peel grated off it, never the orange
    ("the finely grated zest of 2 limes", 2, "lime", "lime peel"),
    ("2 slices of rye bread", 2, "slice", "rye bread"),
    ("a large bowl of oatmeal", 1, "bowl", "oatmeal"),
    ("a heaping tablespoon of almond butter", 1, "tbsp", "almond butter"),
    ("2 level tsp brown sugar", 2, "tsp", "brown sugar"),
    ("a small handful of cashews", 1, "handful", "cashews"),
    ("a glass of milk", 1, "glass", "milk"),
    ("a pinch of salt", 1, "pinch", "salt"),
    ("a splash of cream", 1, "splash", "cream"),
    # a unit joined to its number by a hyphen, and words that stress how little
    ("a 28-gram white roll", 28, "g", "white roll"),
    ("6-ounce steak", 6, "oz", "steak"),
    ("just 5g of white chocolate", 5, "g", "white chocolate"),
    ("only a cup of coffee", 1, "cup", "coffee"),
    ("a mere two cookies", 2, "", "cookies"),
    # a word of praise between the article and the measure goes to the food
    ("a rich tablespoon of peanut butter", 1, "tbsp", "rich peanut butter"),
    ("a fancy mug of coffee", 1, "mug", "fancy coffee"),
    ("a tiny roll", 1, "small", "roll"),
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


@pytest.mark.parametrize(
    ("line", "food", "phrase"),
    [
        ("a small single serving bag of potato chips", "potato chips", "small single serving bag"),
        ("a medium fast food order of french fries", "fast food french fries", "medium fast food order"),
        ("a kids meal order of fries", "fries", "kids meal order"),
        ("a chilled bottle of water", "water", "chilled bottle"),
        ("a vanilla cup of yogurt", "vanilla yogurt", "vanilla cup"),
        # a sized serving is a serving of that size: "serving of" is no word of the food
        ("a small single serving of plain Fritos", "plain Fritos", "small single serving"),
    ],
)
def test_the_words_naming_a_portion_leave_the_food_and_ride_on_the_amount(
    line: str, food: str, phrase: str
) -> None:
    quantity, text = split_amount(line)
    assert quantity is not None and quantity.phrase == phrase
    assert text == food  # words that also say which food ("fast food", "vanilla") stay with it


@pytest.mark.parametrize("line", ["a quarter cup of walnuts", "a cup of coffee", "2 slices of bread"])
def test_an_amount_without_portion_words_carries_no_phrase(line: str) -> None:
    quantity, _ = split_amount(line)
    assert quantity is not None and quantity.phrase == ""


@pytest.mark.parametrize(
    ("line", "oz", "food"),
    [("1 (15 oz) can chickpeas", 15, "chickpeas"), ("2 (6 oz) containers yogurt", 12, "yogurt")],
)
def test_a_size_in_parentheses_before_its_container_is_the_amount(line: str, oz: float, food: str) -> None:
    quantity, text = split_amount(line)
    assert quantity is not None and (quantity.amount, quantity.unit) == (oz, "oz") and text == food


@pytest.mark.parametrize(
    ("line", "unit", "food"),
    [("big salad", "large", "salad"), ("small apple", "small", "apple"), ("medium fries", "medium", "fries")],
)
def test_a_size_alone_before_one_food_is_one_of_that_size(line: str, unit: str, food: str) -> None:
    quantity, text = split_amount(line)
    assert quantity is not None and (quantity.amount, quantity.unit) == (1.0, unit) and text == food


def test_a_size_before_a_plural_says_no_number() -> None:
    assert split_amount("large eggs") == (None, "large eggs")


@pytest.mark.parametrize(
    ("line", "amount", "food"),
    [("a single small taco", 1.0, "taco"), ("another granola bar", 1.0, "granola bar"),
     ("a medley of vegetables", None, "vegetables"), ("a variety of fresh fruit", None, "fresh fruit")],
)  # fmt: skip
def test_one_in_words_and_a_collection_are_read_as_such(line: str, amount: float | None, food: str) -> None:
    quantity, text = split_amount(line)
    assert (quantity.amount if quantity else None) == amount and text == food


@pytest.mark.parametrize(
    ("line", "amount", "unit", "food"),
    [("a bottle of 16.9 fl oz cola", 16.9, "fl oz", "cola"), ("2 cans of 12 oz cola", 24.0, "oz", "cola")],
)
def test_a_size_after_its_container_is_the_amount(line: str, amount: float, unit: str, food: str) -> None:
    # it was read as 16.9 bottles (8.9 kg of soda)
    quantity, text = split_amount(line)
    assert quantity is not None and (quantity.amount, quantity.unit) == (amount, unit) and text == food


@pytest.mark.parametrize("line", ["a whole bag of chips", "an entire bag of popcorn"])
def test_a_whole_vessel_is_the_vessel_and_whole_is_no_word_of_the_food(line: str) -> None:
    quantity, food = split_amount(said_amount(line)[0])
    assert quantity is not None and quantity.unit == "bag"
    assert "whole" not in food and "entire" not in food


@pytest.mark.parametrize(
    ("line", "unit", "food"),
    [
        # a size said after how the food seemed is the count's size
        ("a crisp medium apple", "medium", "crisp apple"),
        ("two ripe large bananas", "large", "ripe bananas"),
        # ... and a size that is part of the amount stays where it is
        ("an extra large egg", "extra large", "egg"),
        ("a single small taco", "small", "taco"),
        ("2 x large eggs", "large", "eggs"),
        ("a cup of large curd cottage cheese", "cup", "large curd cottage cheese"),
    ],
)
def test_a_size_is_the_counts_size_wherever_it_is_said(line: str, unit: str, food: str) -> None:
    quantity, rest = split_amount(said_amount(line)[0])
    assert quantity is not None and quantity.unit == unit and rest == food


@pytest.mark.parametrize(
    ("line", "food", "inches"),
    [("a 6-inch sub", "sub", 6), ("a footlong turkey sub", "turkey sub", 12), ("a nine-inch pie", "pie", 9)],
)
def test_a_size_in_inches_leaves_the_food_name_and_rides_on_the_amount(
    line: str, food: str, inches: int
) -> None:
    quantity, rest = split_amount(line)
    assert rest == food and quantity is not None and quantity.phrase == f"{inches} inch"


def test_inches_of_how_a_food_was_cut_or_piled_are_no_size_of_it() -> None:
    quantity, _ = split_amount("a 1-inch stack of potato chips")
    assert quantity is None or not quantity.phrase


@pytest.mark.parametrize(
    "line", ["my small serving of nacho cheese Doritos", "small serving of nacho cheese Doritos"]
)
def test_a_possessive_or_a_bare_size_before_a_serving_says_one(line: str) -> None:
    quantity, food = split_amount(line)
    assert quantity is not None and quantity.amount == 1 and food == "nacho cheese Doritos"


@pytest.mark.parametrize("line", ["3-bean salad", "7-up", "12-grain bread", "2-layer cake", "1-egg omelet"])
def test_a_number_joined_to_a_word_that_is_no_unit_is_part_of_the_name(line: str) -> None:
    # read as an amount, "3-bean salad" was three servings of "-bean salad"
    quantity, food = split_amount(line)
    assert quantity is None and food == line


@pytest.mark.parametrize(
    ("line", "unit", "food"),
    [
        (
            "a whole wheat hot dog bun",
            "",
            "whole wheat hot dog bun",
        ),  # it was a "wheat hot dog bun": a sandwich
        ("a whole milk latte", "", "whole milk latte"),
        ("2 whole grain bagels", "", "whole grain bagels"),
        ("a whole pizza", "each", "pizza"),  # the whole one
    ],
)
def test_whole_that_names_the_food_stays_with_it(line: str, unit: str, food: str) -> None:
    quantity, text = split_amount(line)
    assert quantity is not None and quantity.unit == unit and text == food, (quantity, text)


@pytest.mark.parametrize(
    ("line", "size", "food"),
    [
        ("a grande latte", "grande", "latte"),
        ("Starbucks grande caramel macchiato", "grande", "Starbucks caramel macchiato"),
        ("iced coffee venti", "venti", "iced coffee"),
        # "tall" is no unit spelling, yet a drink's cup size after a count ("a tall latte" was 480 g)
        ("a tall latte", "tall", "latte"),
        ("a tall 2% latte", "tall", "2% latte"),  # (not counted)
    ],
)
def test_a_coffee_shops_cup_size_anywhere_in_a_drink_is_its_amount(line: str, size: str, food: str) -> None:
    quantity, rest = split_amount(line)
    assert quantity is not None and (quantity.amount, quantity.unit) == (1.0, size) and rest == food


@pytest.mark.parametrize(
    ("line", "unit", "food"),
    [
        ("spaghetti bolognese (big plate)", "plate", "spaghetti bolognese"),  # (these were not counted)
        ("chips (small bag)", "bag", "chips"),
        ("milk (glass)", "glass", "milk"),
    ],
)
def test_what_held_the_food_said_after_it_in_parentheses_is_its_amount(
    line: str, unit: str, food: str
) -> None:
    quantity, rest = split_amount(line)
    assert quantity is not None and (quantity.amount, quantity.unit) == (1.0, unit) and rest == food, quantity


def test_a_count_in_parentheses_before_what_the_food_came_with_is_its_count() -> None:
    # "scrambled eggs (3) with cheese" was FNDDS's unspecified 120 g, the three eggs unread
    quantity, rest = split_amount("scrambled eggs (3) with cheese")
    assert (
        quantity is not None
        and (quantity.amount, quantity.unit) == (3.0, "")
        and rest.startswith("scrambled")
    )


def test_so_many_drinks_of_a_cup_size_are_so_many_cups_of_it() -> None:
    quantity, rest = split_amount("2 tall lattes")
    assert quantity is not None and (quantity.amount, quantity.unit) == (2.0, "tall") and rest == "lattes"


def test_tall_before_a_vessel_says_how_the_vessel_looked() -> None:
    quantity, _ = split_amount("a tall glass of lemonade")
    assert quantity is not None and quantity.unit == "glass", quantity


def test_a_cup_size_word_in_a_line_naming_no_drink_is_no_amount() -> None:
    quantity, rest = split_amount("Rio Grande burrito")
    assert quantity is None and rest == "Rio Grande burrito"


@pytest.mark.parametrize(
    ("line", "amount", "unit", "food"),
    [
        ("salmon 5oz baked", 5.0, "oz", "salmon baked"),
        ("chicken breast 6 oz grilled", 6.0, "oz", "chicken breast grilled"),
        ("brown rice 1c cooked", 1.0, "cup", "brown rice cooked"),
        ("honey 1 T", 1.0, "tbsp", "honey"),
        ("1c buttermilk", 1.0, "cup", "buttermilk"),
    ],
)
def test_an_amount_after_the_food_is_read_before_how_it_was_cooked(
    line: str, amount: float, unit: str, food: str
) -> None:
    # "salmon 5oz baked" was USDA's usual 140 g, said as "none given"
    quantity, rest = split_amount(line)
    assert quantity is not None and (quantity.amount, quantity.unit) == (amount, unit) and rest == food


@pytest.mark.parametrize(
    ("line", "amount", "unit"),
    [("~200g chicken breast", 200.0, "g"), ("leftover chili, ~1.5 cups", 1.5, "cup")],
)
def test_a_tilde_says_about_before_an_amount_with_no_space(line: str, amount: float, unit: str) -> None:
    # "~200g chicken breast" was USDA's usual 172 g breast, said as "none given"
    quantity, _ = split_amount(line)
    assert quantity is not None and (quantity.amount, quantity.unit) == (amount, unit)


def test_vitamin_c_is_no_cup() -> None:
    quantity, rest = split_amount("2 vitamin c")
    assert quantity is not None and quantity.unit == "" and rest == "vitamin c"
