"""nutrition/split.py: a line that may name several foods is read as the items that match best."""

from __future__ import annotations

import pytest

from mgb6.log.parse import parse_log
from mgb6.models import Item, Problem
from mgb6.nutrition.split import MAX_SPAN, PARTS_KEY
from mgb6.nutrition.tally import Scorer, check
from mgb6.nutrition.targets import Profile


def read(line: str, table) -> list[Item | Problem]:
    """What check makes of one line: its items, then its problems."""
    result = check([parse_log(line, "<t>")], table, Profile())
    return [*result.items, *result.problems]


def foods(line: str, table) -> list[str]:
    return [o.food.lower() if isinstance(o, Item) else f"! {o.part_text}" for o in read(line, table)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a dish that USDA names as a whole stays one food
        ("mac and cheese", ["macaroni"]),
        ("sweet and sour pork", ["sweet and sour pork"]),
        ("peanut butter and jelly sandwich", ["peanut butter and jelly sandwich"]),
        # on a near tie, the food USDA names for the whole phrase beats exact names for its parts
        ("a peanut butter and jelly sandwich on wheat bread", ["peanut butter and jelly sandwich"]),
        # what a product is fortified with names which product, not a second food
        ("a glass of orange juice with calcium", ["orange juice"]),
        ("turkey sandwich on wheat", ["turkey sandwich"]),
        # USDA's kind then its variety: "Potato, french fries, with chili and cheese"
        ("a large order of french fries with chili and cheese", ["french fries, with chili and cheese"]),
        # USDA-style commas stay one food
        ("eggs, scrambled, 2 large", ["scrambled"]),
        ("Cheese, cheddar", ["cheddar"]),
        ("Beans, black, mature seeds, canned", ["beans, black"]),
        ("100 g bread, whole-wheat, commercially prepared", ["bread, whole-wheat"]),
        # confident parts beat a weak whole
        ("oatmeal with banana and walnuts", ["oats", "banana", "walnut"]),
        ("2 eggs and toast", ["egg", "toast"]),
        ("toast with butter and jam", ["toast", "butter", "jam"]),
        ("a bagel, a banana and a cup of coffee", ["bagel", "banana", "coffee"]),
        ("yogurt + granola + blueberries", ["yogurt", "granola", "blueberries"]),
        ("hummus & carrots", ["hummus", "carrots"]),
        ("At lunch, I ate a ham sandwich; an orange", ["ham sandwich", "orange"]),
        # framing around one food
        ("I snacked on 30 g of almonds this afternoon", ["almonds"]),
    ],
)
def test_whole_or_parts_by_match_quality(line: str, expected: list[str], table) -> None:
    got = foods(line, table)
    assert len(got) == len(expected), got
    for food, word in zip(got, expected, strict=True):
        assert word in food, got


def test_each_part_gets_its_own_amount(table) -> None:
    eggs, toast = read("3 eggs and 2 slices of toast", table)
    assert isinstance(eggs, Item) and isinstance(toast, Item)
    assert eggs.grams == pytest.approx(150, abs=1)  # 3 large eggs
    assert toast.grams is not None and toast.grams == pytest.approx(2 * read("1 slice toast", table)[0].grams)


def test_an_amount_in_mid_line_is_the_foods(table) -> None:
    (item,) = read("I am enjoying 3 oz of almond paste", table)
    assert isinstance(item, Item) and item.grams == pytest.approx(85, abs=1)


def test_items_know_their_line_and_part(table) -> None:
    items = read("For dinner I had grilled salmon with rice", table)
    assert [(i.line, i.part, i.parts, i.part_text) for i in items] == [
        (1, 1, 2, "grilled salmon"), (1, 2, 2, "rice")
    ]  # fmt: skip
    assert all(i.meal == "dinner" for i in items)


def test_an_unmatched_part_is_listed_while_the_others_count(table) -> None:
    result = check([parse_log("apple and qwzxq", "<t>")], table, Profile())
    assert [i.food for i in result.items] == ["Apples, raw, with skin"]
    (problem,) = result.problems
    assert (problem.line, problem.part, problem.parts, problem.part_text) == (1, 2, 2, "qwzxq")
    assert (result.counted_lines, result.partly_counted_lines, result.not_counted_lines) == (1, 1, 0)


def test_a_meal_word_alone_is_a_label_not_food(table) -> None:
    result = check([parse_log("Breakfast\n1 banana\nLunch -\nDinner was\n", "<t>")], table, Profile())
    assert result.food_lines == 1
    assert [(i.food, i.meal) for i in result.items] == [("Bananas, raw", "breakfast")]


def test_talk_left_in_a_sentence_is_noted_not_counted(table) -> None:
    (item,) = read("For lunch I had a cheese quesadilla, both simple yet filling.", table)
    assert isinstance(item, Item) and "quesadilla" in item.food.lower()
    assert any(n.startswith("not read as food") for n in item.notes)


@pytest.mark.parametrize(
    ("line", "talk"),
    [
        ("To satisfy my snack cravings, I had a cup of cheese crackers.", "To satisfy my snack cravings"),
        (
            "During my break I refreshed myself, then had a cup of cheese crackers, full of goodness.",
            "full of goodness",
        ),
    ],
)
def test_a_part_naming_no_food_is_talk_even_when_its_words_are_in_usda_names(table, line, talk) -> None:
    (item,) = read(line, table)
    assert isinstance(item, Item)
    assert any(n.startswith("not read as food") and talk in n for n in item.notes), item.notes


def test_a_describing_word_is_no_food_of_its_own(table) -> None:
    # "moist" was an oyster ("cooked, moist heat"), "a smooth" a peanut butter
    for line in ("For a snack, I had a fruit muffin that was sweet and moist.",
                 "My snack was a smooth and rich vanilla ice cream cone."):  # fmt: skip
        (item,) = read(line, table)
        assert isinstance(item, Item) and ("muffin" in item.food.lower() or "ice cream" in item.food.lower())


def test_a_line_is_divided_once_and_remembered(table) -> None:
    scorer = Scorer(table)
    entry = parse_log("pasta with pesto and parmesan", "<t>").days[0].entries[0]
    first = scorer.resolve_all(entry, None)
    assert (entry.core, PARTS_KEY) in scorer._resolved
    again = scorer.resolve_all(entry._replace(line=9), None)
    assert [(i.food, i.part) for i in again] == [(i.food, i.part) for i in first]
    assert {i.line for i in again} == {9}


def _calls(table, monkeypatch, line: str) -> int:
    from mgb6.foods import match as matcher

    seen = []
    real = matcher.match

    def counting(text, tbl):
        seen.append(text)
        return real(text, tbl)

    monkeypatch.setattr(matcher, "match", counting)
    check([parse_log(line, "<t>")], table, Profile())
    return len(seen)


def test_matching_cost_grows_linearly_with_the_joiners(table, monkeypatch) -> None:
    """An unmatched sentence costs at most a bounded number of spans per part: no blow-up."""

    def sentence(n: int, tag: str) -> str:
        return "I had " + " and ".join(f"{tag}{k}zq blorf" for k in range(n))

    small = _calls(table, monkeypatch, sentence(5, "a"))
    big = _calls(table, monkeypatch, sentence(40, "b"))
    assert big <= 2 * MAX_SPAN * 40 + 4
    assert big / small <= 40 / 5 * 1.5  # linear, not quadratic


def test_a_recipe_line_keeps_its_food_and_notes_the_preparation(table) -> None:
    (item,) = read("2 cups all-purpose flour, sifted", table)
    assert isinstance(item, Item) and "flour" in item.food.lower()
    assert any("sifted" in n for n in item.notes)


def test_what_a_mixed_dish_is_filled_with_is_part_of_the_dish(table) -> None:
    """A USDA taco already holds its filling: no default portion of chicken on top of it."""
    (taco,) = read("a soft taco filled with chicken and topped with sour cream", table)
    assert isinstance(taco, Item) and "taco" in taco.food.lower()
    assert any("'chicken', 'sour cream' taken as part of" in n for n in taco.notes)
    oatmeal, banana = read("oatmeal with banana", table)  # plain oatmeal holds no banana: two foods
    assert "oat" in oatmeal.food.lower()
    assert "banana" in banana.food.lower()


def test_a_list_that_goes_on_from_what_a_dish_is_packed_with_is_the_dish_too(table) -> None:
    """ "packed with chicken" may be part of the dish's own match; the rest of its list still is filling."""
    (chili,) = read("a cup of chili con carne, packed with chicken, turkey, and flavorful beans", table)
    assert isinstance(chili, Item) and "chili" in chili.food.lower()
    assert any("'turkey'" in n and "taken as part of" in n for n in chili.notes), chili.notes
    # a turnover is one of USDA's mixed dishes: what it was filled with is in it
    (turnover,) = read("a beef turnover that was filled with meat and cheese", table)
    assert isinstance(turnover, Item) and "turnover" in turnover.food.lower(), turnover


def test_a_measure_before_describing_words_and_a_comma_is_the_next_foods(table) -> None:
    # "a cup of diced, cooked chicken breast": the cup was dropped as talk and one whole breast counted
    (chicken,) = read("For lunch I had a cup of diced, cooked chicken breast", table)
    assert isinstance(chicken, Item) and "breast" in chicken.food.lower(), chicken
    (cup,) = read("1 cup diced cooked chicken breast", table)
    assert chicken.food == cup.food and chicken.grams == pytest.approx(cup.grams), (chicken, cup)


def test_what_a_food_was_cooked_or_enriched_with_names_usdas_food_made_with_it(table) -> None:
    (egg,) = read("a single scrambled egg enriched with a bit of margarine", table)
    assert isinstance(egg, Item) and egg.food.endswith("made with margarine"), egg


def test_a_food_coated_in_another_is_usdas_coated_food_when_it_names_one(table) -> None:
    # USDA writes "chocolate coated": the bar was "Ice cream bar, vanilla", its chocolate not weighed
    (bar,) = read("a 75g vanilla ice cream bar coated in chocolate", table)
    assert isinstance(bar, Item) and bar.food.endswith("chocolate coated") and bar.grams == 75, bar


def test_a_dish_said_again_as_what_it_is_a_mix_of_is_the_dish_alone(table) -> None:
    """An appositive after a dish describes it ("..., a delightful combination of spices and tender beef"):
    no spices left unmatched, no 60 g of beef beside the curry; a mix said as a food of its own stays one."""
    (curry,) = read("a cup of beef curry, a delightful combination of spices and tender beef", table)
    assert isinstance(curry, Item) and curry.food == "Beef curry", curry
    assert any("'tender beef' taken as part of" in n for n in curry.notes), curry.notes
    foods = [o.food for o in read("a turkey sandwich, a mix of fruit and a glass of milk", table)]
    assert len(foods) == 3 and "Fruit" in foods[1], foods


def test_a_measured_food_then_a_list_is_read_as_parts_when_the_whole_is_no_food(table) -> None:
    """Commas after a measured first food may describe it ("100 g bread, wholemeal") or list more foods:
    when the whole line names no food, its parts are read instead of refusing the line."""
    out = read("Breakfast: 2 slices whole wheat toast w/ peanut butter, coffee", table)
    assert all(isinstance(o, Item) for o in out), out
    names = " | ".join(o.food.lower() for o in out)
    assert "bread" in names and "peanut butter" in names and "coffee" in names


def test_leftover_names_no_food(table) -> None:
    (item,) = read("leftover chili (1 bowl)", table)
    assert isinstance(item, Item) and item.food.lower().startswith("chili")


def test_what_a_food_was_made_with_is_the_food_usda_names_for_both(table) -> None:
    (oatmeal,) = read("a cup of oatmeal cooked with milk", table)
    assert isinstance(oatmeal, Item) and "made with milk" in oatmeal.food.lower()


def test_what_a_food_was_made_with_is_not_a_serving_of_its_own(table) -> None:
    # no USDA food is pancakes made with whole wheat flour: the flour is in the pancakes, not 1 cup more
    (pancakes,) = read("pancakes made with whole wheat flour", table)
    assert isinstance(pancakes, Item) and "pancake" in pancakes.food.lower()
    assert any("'whole wheat flour' taken as part of" in n and "made with" in n for n in pancakes.notes)


@pytest.mark.parametrize(
    ("line", "spread"),
    [("2 slices of peanut butter toast", "peanut butter"), ("2 avocado toasts", "avocado")],
)
def test_a_count_of_toast_with_a_spread_is_the_toasts_not_the_spreads(table, line: str, spread: str) -> None:
    # the count was the spread's ("2 slices of peanut butter" was asked) and the toast one slice
    items = read(line, table)
    toast = [o for o in items if isinstance(o, Item) and "toasted" in o.food.lower()]
    on_it = [o for o in items if isinstance(o, Item) and spread in o.food.lower()]
    assert len(toast) == 1 and len(on_it) == 1, items
    (one,) = read("1 slice of toast", table)
    assert isinstance(one, Item) and toast[0].grams == pytest.approx(2 * one.grams)


def test_a_misspelt_food_first_is_never_left_out_as_a_variety(table) -> None:
    # "avacado toast" was the toast alone, "avacado" read as a variety of it
    assert any(isinstance(o, Item) and "avocado" in o.food.lower() for o in read("avacado toast", table))


@pytest.mark.parametrize("line", ["poke bowl with salmon", "an acai bowl with banana"])
def test_a_dish_named_after_its_bowl_is_listed_not_counted_beside_what_it_lists(table, line: str) -> None:
    # the bowl was left out as a heading ("preparation not weighed: 'poke bowl'"): its rice, its base, lost
    out = read(line, table)
    assert any(isinstance(o, Item) for o in out), out
    assert any(isinstance(o, Problem) and "bowl" in o.part_text for o in out), out


@pytest.mark.parametrize(
    "line", ["a Lean Cuisine meal with chicken and rice", "a filling 284g diet frozen meal with noodles"]
)
def test_a_heading_naming_a_maker_or_how_it_was_sold_is_still_a_heading(table, line: str) -> None:
    out = read(line, table)
    assert out and all(isinstance(o, Item) for o in out), out


def test_two_foods_after_a_bowl_are_never_the_one_food_both_words_name(table) -> None:
    # "a bowl with oats and milk" was 244 g of oat milk (the bowl's amount hid that they were two foods)
    foods = [o.food.lower() for o in read("a bowl with oats and milk", table) if isinstance(o, Item)]
    assert len(foods) == 2 and "oat milk" not in foods, foods


@pytest.mark.parametrize(
    ("line", "food"),
    [
        (
            "finished the kids' mac and cheese",
            "macaroni or noodles with cheese",
        ),  # (was "kids' mac" + cheese)
        ("ate my son's leftover fries", "potato, french fries"),  # (was not counted)
    ],
)
def test_whose_food_it_was_is_no_food(table, line: str, food: str) -> None:
    (item,) = read(line, table)
    assert isinstance(item, Item) and item.food.lower().startswith(food), item


def test_a_topping_usdas_name_already_holds_is_not_counted_twice(table) -> None:
    (bun,) = read("a large sweet cinnamon bun topped with frosting", table)
    assert isinstance(bun, Item) and "frosted" in bun.food.lower()
    # (read whole as USDA's frosted bun, or split with the frosting said to be part of it)
    assert bun.parts == 1 or any(
        "'frosting' taken as part of" in n and "USDA name includes it" in n for n in bun.notes
    )


@pytest.mark.parametrize(
    ("line", "named"),
    [
        # the best match drops the icing (a plain cookie beside 36 g of icing); USDA names the iced cookie
        ("a medium butter or sugar cookie topped with icing", "cookie, butter or sugar, with icing"),
        # "with fruit other than raisins": what USDA's name says it is without adds no food
        ("an English muffin with fruit", "muffin, english, with fruit other than raisins"),
        # "Egg sandwich on biscuit" is a sandwich: the bread it is on is no head of its name
        ("a hearty sandwich filled with egg and cheese on a biscuit", "egg sandwich on biscuit"),
        # "frosting" is USDA's "frosted"
        ("a sweet 153g cinnamon bun roll topped with frosting", "roll, sweet, cinnamon bun, frosted"),
    ],
)
def test_a_food_with_another_is_usdas_food_naming_both_when_its_best_match_drops_one(
    table, line, named
) -> None:
    (item,) = read(line, table)
    assert isinstance(item, Item) and item.food.lower().startswith(named), item


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        ("a sandwich with egg", "egg white"),  # the thing USDA's name is of must all be said
        ("a cinnamon bun topped with frosting", "no frosting"),  # never without what the line says it had
    ],
)
def test_a_near_candidate_naming_both_foods_never_says_what_the_line_did_not(table, line, wrong) -> None:
    assert all(wrong not in food for food in foods(line, table)), foods(line, table)


def test_a_container_filled_with_a_food_gives_it_its_amount_even_when_read_as_no_food(table) -> None:
    """The container is said in the note, not listed again as talk, and a food after it keeps its place."""
    line = "a snack size container filled with canned fruit cocktail, a whole raw orange"
    fruit, orange = read(line, table)
    assert isinstance(fruit, Item) and fruit.grams == 113, fruit  # FNDDS's snack size container
    assert any("container it filled" in n for n in fruit.notes), fruit.notes
    assert not any("not read" in n for n in fruit.notes), fruit.notes
    assert isinstance(orange, Item) and "Oranges" in orange.food
    water, banana = read("a bottle filled with water and a banana", table)  # (the banana was lost)
    assert isinstance(water, Item) and "Water" in water.food and isinstance(banana, Item), (water, banana)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # what a spread is put on is a food of its own (the banana, the apple, the bread were lost, and
        # "butter on bread" was sweet pickles: SR28's "includes bread and butter pickles")
        ("2 tbsp pb on a banana", ["peanut butter", "banana"]),
        ("almond butter on apple slices", ["almond butter", "apple"]),
        ("salsa on eggs", ["salsa", "egg"]),
        ("butter on bread", ["butter", "bread"]),
        ("bread and butter", ["bread", "butter"]),
        # ... unless USDA names the two as one food, or the bread is a sandwich's
        ("gravy on mashed potatoes", ["mashed, from restaurant, with gravy"]),
        ("a frankfurter on bread", ["hot dog sandwich"]),
    ],
)
def test_a_food_put_on_another_is_two_foods_unless_usda_names_them_as_one(table, line, expected) -> None:
    got = foods(line, table)
    assert len(got) == len(expected) and all(w in f for w, f in zip(expected, got, strict=True)), got


def test_a_side_of_a_food_is_a_serving_said_as_assumed(table) -> None:
    # (it was not counted: "side" named no food and was no amount)
    (fries,) = read("a side of fries", table)
    assert isinstance(fries, Item) and "french fries" in fries.food.lower() and fries.amount_assumed, fries


@pytest.mark.parametrize("line", ["Coffee w/ splash of almond milk x2", "coffee with a splash of oat milk"])
def test_a_drink_with_a_splash_of_milk_is_never_a_drink_made_of_milk(table, line) -> None:
    # the first was FNDDS's "Coffee, Latte, with non-dairy milk": two medium lattes, 960 g, 211 mg Mg
    got = foods(line, table)
    assert not any("latte" in f for f in got) and "coffee" in got[0], got


def test_a_count_said_last_of_several_parts_is_the_first_foods(table) -> None:
    # "coffee with milk x2" was one coffee and two cups of milk (488 g)
    (one,) = read("1 coffee", table)
    coffee, milk = read("coffee with milk x2", table)
    assert isinstance(coffee, Item) and coffee.grams == pytest.approx(2 * one.grams), coffee
    assert isinstance(milk, Item) and milk.amount_assumed and milk.grams < one.grams / 10, milk
    # a count already said first keeps the last one for its own part
    (slice_,) = read("1 toast", table)
    _, toast = read("2 eggs and toast x2", table)
    assert isinstance(toast, Item) and toast.grams == pytest.approx(2 * slice_.grams), toast


@pytest.mark.parametrize(
    "line",
    [
        "smoothie with 1 banana, 1 cup spinach and 1 cup almond milk",
        "a smoothie made with 1 banana, 1 cup frozen berries, 1 cup milk",
        "a protein shake with 1 scoop whey and 1 cup milk",
    ],
)
def test_a_blended_drink_named_with_its_measured_ingredients_is_those_ingredients(table, line) -> None:
    # FNDDS's 324 g fruit smoothie was counted beside the foods it was made of
    out = read(line, table)
    assert all(isinstance(o, Item) for o in out), out
    assert not any("smoothie" in o.food.lower() or "shake" in o.food.lower() for o in out), out
    assert any("counted as the foods it was made of" in n for n in out[0].notes), out[0].notes
    # without amounts, what it was blended from is the drink's (USDA's smoothie holds it)
    (drink,) = read("a smoothie with banana and spinach", table)
    assert isinstance(drink, Item) and "smoothie" in drink.food.lower()


def test_milk_in_coffee_without_an_amount_is_a_splash_not_a_glass(table) -> None:
    coffee, milk = read("coffee with milk", table)
    assert isinstance(coffee, Item) and "coffee" in coffee.food.lower()
    assert isinstance(milk, Item) and "milk" in milk.food.lower()
    assert milk.grams is not None and milk.grams < 10  # a splash, 1/8 fl oz (data/amounts.csv), not 244 g
    assert milk.amount_assumed and any("splash" in n and "data/amounts.csv" in n for n in milk.notes)
    _, glass = read("a bowl of cereal with milk", table)  # milk with a food is not a drink's splash
    assert isinstance(glass, Item) and glass.grams is not None and glass.grams > 100


@pytest.mark.parametrize(
    "line", ["a latte with oat milk", "a cappuccino with almond milk", "a mocha with soy milk"]
)
def test_a_drink_with_a_plant_milk_is_the_usda_drink_made_with_it(table, line) -> None:
    (drink,) = read(line, table)
    assert isinstance(drink, Item) and "with non-dairy milk" in drink.food, drink


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        ("a medium tostada topped with delicious meat", "salad"),  # USDA's pair adds a food the line lacks
        ("a medium sweet roll topped with frosting", "refrigerated dough"),
    ],
)
def test_usdas_food_with_another_stands_for_both_only_if_it_adds_no_food(table, line, wrong) -> None:
    got = foods(line, table)
    assert not any(wrong in food for food in got), got


def test_a_food_put_beside_another_after_a_comma_is_its_own_item_when_the_first_does_not_name_it(
    table,
) -> None:
    got = foods(
        "a fried chicken drumstick, complete with its crunchy skin, alongside a fried chicken wing", table
    )
    assert len(got) == 2 and "drumstick" in got[0] and "wing" in got[1], got
    # ... but a USDA dish naming what was put beside it stays the dish
    (shells,) = read(
        "85g of cheese-stuffed shells, perfectly complemented by a flavorful meatless tomato sauce", table
    )
    assert isinstance(shells, Item) and "with tomato sauce" in shells.food, shells


def test_foods_joined_before_a_dishs_name_are_what_the_one_dish_holds(table) -> None:
    (sandwich,) = read("ham and cheese sandwich", table)
    assert isinstance(sandwich, Item) and "ham sandwich" in sandwich.food.lower()
    assert "cheese" in sandwich.food.lower()
    assert len(read("apple and peanut butter", table)) == 2  # no dish named: two foods


def test_what_goes_in_a_coffee_is_read_apart_from_the_coffee(table) -> None:
    cream, coffee = read("half & half in coffee", table)  # it was "instant coffee, half the caffeine"
    assert isinstance(cream, Item) and "half and half" in cream.food.lower()
    assert isinstance(coffee, Item) and "coffee" in coffee.food.lower()
    milk, _ = read("milk in my coffee", table)
    assert isinstance(milk, Item) and milk.grams is not None and milk.grams < 10  # a splash


def test_a_dressing_added_to_a_salad_usda_lists_without_dressing_is_counted(table) -> None:
    salad, ranch = read("salad with ranch", table)
    assert isinstance(salad, Item) and "no dressing" in salad.food.lower()
    assert isinstance(ranch, Item) and "ranch" in ranch.food.lower()


def test_a_plain_list_after_a_measured_food_is_still_a_list(table) -> None:
    eggs, toast, coffee = read("2 eggs, toast, coffee", table)
    assert all(isinstance(o, Item) for o in (eggs, toast, coffee))
    assert "toast" in toast.food.lower() and "coffee" in coffee.food.lower()


def test_a_label_whose_parts_are_no_foods_of_their_own_is_never_split_into_other_foods(table) -> None:
    # Cronometer's "Brand, Product, Variant": "Thins" is not Wheat Thins, "Dark Peanut Butter Cups" no
    # peanut butter; USDA has no food for the whole, so the line is not counted, and says so once
    (out,) = read("2 piece Reese's, Dark Peanut Butter Cups, Thins", table)
    assert isinstance(out, Problem) and not out.part_text
    (fish,) = read("30 g fish fillets, batter dipped", table)
    assert isinstance(fish, Item) and fish.grams == 30.0 and "fish" in fish.food.lower()
    assert any("preparation not weighed: 'batter dipped'" in n for n in fish.notes)


def test_a_food_with_another_is_never_a_food_named_for_the_other(table) -> None:
    # "pancakes with syrup" reads "pancake syrup" once "with" is dropped: still pancakes and syrup
    pancakes, syrup = read("pancakes with syrup", table)
    assert isinstance(pancakes, Item) and "pancake" in pancakes.food.lower()
    assert isinstance(syrup, Item) and "syrup" in syrup.food.lower()
    (beans,) = read("a cup of pinto beans mixed with white rice", table)  # a name of both: one food
    assert isinstance(beans, Item) and "pinto beans and white rice" in beans.food.lower()


def test_a_part_saying_how_a_food_tastes_is_no_food(table) -> None:
    # "that irresistible nacho cheese flavor" was a 125 g plate of nachos
    out = read("For lunch I had a small bag of Doritos with that irresistible nacho cheese flavor", table)
    assert [o.food for o in out if isinstance(o, Item)] == [out[0].food]
    assert "doritos" in out[0].food.lower()
    assert any("not read as food" in n and "flavor" in n for n in out[0].notes)
    # ... but with the food before it, it still says which food
    (cookie,) = read("As a snack, I savored a small cookie filled with rich peanut butter flavor.", table)
    assert "peanut butter" in cookie.food.lower()
    # ... and a food of its own, its taste said after "in", is still that food (the chips were left out)
    line = "a small bag of Doritos tortilla chips in the cool ranch flavor, along with a jelly sandwich"
    chips, sandwich = read(line, table)
    assert isinstance(chips, Item) and "doritos" in chips.food.lower() and not chips.notes[1:]
    assert isinstance(sandwich, Item) and "sandwich" in sandwich.food.lower()


def test_what_a_food_came_without_is_never_counted(table) -> None:
    out = read("For lunch I had a thin crust pizza with assorted meats, minus the pepperoni", table)
    assert not any(isinstance(o, Item) and o.food.lower().startswith("pepperoni") for o in out)
    (beef,) = read("roast beef, no gravy", table)
    assert "gravy" not in beef.food.lower()
    assert any("no gravy" in n for n in beef.notes)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # parts said as one food, no amount of their own, that USDA names as one
        ("a cup of mixed nuts with peanuts", "mixed nuts, with peanuts"),
        ("a cup of white rice with vegetables", "rice, white, with other vegetables"),
        ("a cup of fruit and vegetable smoothie", "fruit and vegetable smoothie"),
        ("230g of macaroni and cheese with meat", "macaroni or noodles with cheese and meat"),
        (
            "255g of a frozen meal that included chicken in a soy-based sauce, rice, and vegetables",
            "chicken in soy-based sauce, rice and vegetables",
        ),
    ],
)
def test_foods_said_as_one_that_usda_names_as_one_are_one_food(table, line: str, expected: str) -> None:
    (out,) = read(line, table)
    assert isinstance(out, Item) and out.food.lower().startswith(expected)


def test_and_before_an_article_or_amount_starts_another_food(table) -> None:
    rice, sauce = read("a cup of white rice with vegetables and a creamy cheese sauce", table)
    assert "rice" in rice.food.lower() and "vegetables" in rice.food.lower()
    assert sauce.food.lower().startswith("cheese sauce") and "vegetables" not in sauce.food.lower()
    (cream,) = read("30g of half and half cream", table)  # "half" before a food is no article
    assert "half and half" in cream.food.lower() and cream.grams == 30.0


def test_how_many_said_again_after_a_food_is_no_food_of_its_own(table) -> None:
    line = "For a snack I had an apple, just one to hold me over until dinner, and a glass of milk"
    apple, milk = read(line, table)
    assert "apple" in apple.food.lower() and "milk" in milk.food.lower()
    assert any("not read as food: 'just one'" in n for n in apple.notes)
    carrot, banana = read("a raw carrot, paired with a sweet banana, just one banana", table)
    assert "carrot" in carrot.food.lower() and "banana" in banana.food.lower()
    assert any("counted once" in n for n in banana.notes), banana.notes


def test_an_amount_after_praise_before_a_container_is_the_amount(table) -> None:
    (water,) = read("a chilled 16.9 fl oz bottle of unsweetened water", table)
    assert water.food.lower().startswith(("water", "beverages, water")) and 490 < water.grams < 510


def test_each_measured_food_is_its_own_item(table) -> None:
    line = "14g of meat loaf made from chicken or turkey, accompanied by 250g of whole grain pasta in sauce"
    loaf, pasta = read(line, table)
    assert "meat loaf" in loaf.food.lower() and loaf.grams == 14.0
    assert "pasta" in pasta.food.lower() and pasta.grams == 250.0
    (milk,) = read("632 g milk, whole, 3.25% milkfat, without added vitamin a and vitamin d", table)
    assert milk.food.lower().startswith("milk, whole") and milk.grams == 632.0  # a percentage is no amount


def test_what_a_served_meal_consists_of_is_usdas_one_food_for_it(table) -> None:
    out = read("an 11 oz Lean Cuisine meal consisting of teriyaki chicken, rice, and vegetables", table)
    assert [o.food for o in out if isinstance(o, Item)] == [
        "Teriyaki chicken with rice and vegetable, diet frozen meal"
    ]
    # after a food, a list goes on listing foods
    assert len(read("toast with butter, eggs, and coffee", table)) == 4


def test_a_drink_of_a_mixed_drink_is_usdas_mixed_drink(table) -> None:
    (drink,) = read("For my snack, I sipped on a refreshing drink of whiskey and soda.", table)
    assert drink.food == "Whiskey and soda" and drink.amount_assumed


def test_what_a_usda_name_says_a_food_is_without_is_not_what_it_holds(table) -> None:
    (bun,) = read("a sweet 153g cinnamon bun roll topped with frosting", table)
    assert "no frosting" not in bun.food.lower()


def test_a_weight_reported_after_a_food_is_that_foods_amount(table) -> None:
    line = (
        "I had a medium pork chop, baked to bring out its natural juiciness, "
        "measuring 5.5 ounces once the bone was taken away."
    )
    (chop,) = read(line, table)
    assert "pork" in chop.food.lower() and abs(chop.grams - 5.5 * 28.35) < 1  # not USDA's medium (120 g)
    assert any("'5.5 ounces'" in n for n in chop.notes)
    tea, milk = read(
        "a medium cup of hot black tea with a splash of fat-free milk, measuring out just an ounce", table
    )
    assert "milk" in milk.food.lower() and 29 < milk.grams < 32 and tea.grams > 400  # the splash is an ounce
    # a bit of milk asked before; the amount the line reports makes it countable
    _, milk = read(
        "a cup of brewed coffee, enhanced with a bit of 2% milk, measured at one fluid ounce", table
    )
    assert "milk" in milk.food.lower() and 29 < milk.grams < 32


def test_a_weight_reported_after_a_food_never_replaces_a_weight_the_food_was_given(table) -> None:
    (chop,) = read("a 4 oz pork chop, baked, weighing 3 oz after removing the bone", table)
    assert abs(chop.grams - 4 * 28.35) < 1
    # nor moves to a food it does not follow: the amount of a food counted apart stays with it
    rice, milk = read("a cup of rice, 8 fl oz of milk", table)
    assert 150 < rice.grams < 220 and 240 < milk.grams < 255


def test_the_milk_a_yogurt_is_made_of_is_no_second_food(table) -> None:
    (yogurt,) = read("113g of low-fat yogurt with a mix of fruit", table)
    assert yogurt.food == "Yogurt, low fat milk, fruit" and yogurt.grams == 113.0
    (yogurt,) = read("a cup of yogurt with fruit", table)
    assert yogurt.food.lower().startswith("yogurt") and "fruit" in yogurt.food.lower()


def test_a_taste_word_joined_to_a_part_about_taste_shares_its_noun(table) -> None:
    line = "In the afternoon, I had a large drink of cola with fruity and vanilla notes."
    (cola,) = read(line, table)  # "fruity" is "fruity notes", no breakfast cereal
    assert cola.food.lower().startswith("soft drink, cola") and "'fruity'" in "; ".join(cola.notes)
    # a food with its own article stays a food
    line = "For lunch I had a bowl of rice and a banana with a hint of flavor."
    assert any("banana" in f for f in foods(line, table))


def test_an_article_before_words_that_name_no_food_is_no_amount_of_a_food(table) -> None:
    line = "I took a break for lunch with a bowl of instant noodle soup."
    assert not [f for f in foods(line, table) if f.startswith("!")]  # "a break" is talk, not a food asked
    # but a word the table does not know may be a food USDA lacks: it is asked, never dropped
    line = "For dinner, I had a bierock filled with ground beef and cabbage, and some fries."
    assert any(isinstance(o, Problem) and "bierock" in (o.part_text or o.text) for o in read(line, table))
    # and "a sweet and sour ..." opens one longer name
    (candy,) = read("At brunch, I enjoyed a sweet and sour 4.2g of tamarind candy.", table)
    assert "tamarind" in candy.food.lower()


def test_what_a_food_came_without_is_never_counted_however_it_is_led_in(table) -> None:
    for line in (
        "For breakfast, I had a beef turnover filled with meat and cheese, but no gravy.",
        "Dinner was a turnover, filled with meat and beans, and served without gravy.",
    ):
        said = [o.food if isinstance(o, Item) else o.part_text for o in read(line, table)]
        assert not [f for f in said if "gravy" in f.lower()]


def test_a_noun_a_sentence_restates_a_food_with_is_no_food(table) -> None:
    line = "At lunchtime, I relished a medium slice of meat loaf, a classic dish that always hits the spot."
    (loaf,) = read(line, table)
    assert "meat loaf" in loaf.food.lower() and "'a classic dish'" in "; ".join(loaf.notes)


def test_a_generic_food_stands_in_for_a_brands_product_only_for_the_whole_label(table) -> None:
    out = read("4 serving Boursin, Garlic & Herb", table)
    assert not [o for o in out if isinstance(o, Item)]  # never 12 g of raw garlic cut from the label
    (cottage,) = read("1 cup Publix, Cottage Cheese, Fat Free", table)
    assert "cottage" in cottage.food.lower() and any("Publix" in n for n in cottage.notes)


def test_a_drizzle_or_coating_without_an_amount_is_no_serving_of_its_own(table) -> None:
    (pasta,) = read("a bowl of pasta sprinkled with parmesan", table)
    assert "pasta" in pasta.food.lower() and "'parmesan' taken as part of" in "; ".join(pasta.notes)
    out = read("For a snack, I had a small cookie drizzled in vanilla, caramel, and chocolate.", table)
    assert [o.food for o in out if isinstance(o, Item)] and not [
        o for o in out if isinstance(o, Item) and o.food.lower().startswith(("candies", "candy"))
    ]


def test_half_and_half_is_one_food_in_a_sentence(table) -> None:
    line = "This morning I had a cup of brewed coffee, an ounce of half and half, and a slice of toast."
    found = foods(line, table)
    assert any("half and half" in f for f in found) and not [f for f in found if f.startswith("!")]


def test_a_burger_named_with_what_it_comes_with_is_the_restaurants_burger(table) -> None:
    (burger, chips) = read(
        "At lunch, I had a hearty Whopper with cheese and a small bag of potato chips.", table
    )
    assert burger.food == "Whopper with cheese (Burger King)" and "chips" in chips.food.lower()


def test_a_measured_food_after_an_article_is_never_read_into_the_food_before_it(table) -> None:
    line = "I munched on 28g of plain corn chips, Fritos, while sipping on a 372g serving of cola."
    chips, drink = read(line, table)
    assert chips.grams == 28.0 and drink.grams == 372.0


def test_a_food_put_beside_another_with_its_own_amount_is_never_read_into_it(table) -> None:
    # "chicken fillet, paired with a carton of orange juice" read as one was "Orange chicken"
    line = "I had a sandwich filled with chicken fillet, paired with an individual carton of orange juice."
    found = foods(line, table)
    assert not [f for f in found if "orange chicken" in f], found
    assert any("chicken" in f and "sandwich" in f for f in found), found
    assert any("orange juice" in f for f in found), found


def test_what_a_line_sets_apart_is_never_the_food_it_ate(table) -> None:
    line = (
        "At dinner, I enjoyed a cup of diced roasted light turkey, leaving the skin aside for a lighter meal."
    )
    (turkey,) = read(line, table)
    assert "skin from whole" not in turkey.food.lower() and "light meat" in turkey.food.lower()
    line = "I had a medium fried chicken drumstick for dinner, skipping the skin and coating entirely."
    assert [f for f in foods(line, table) if not f.startswith("!")] and not [
        f for f in foods(line, table) if f.startswith("!")
    ]
    # USDA's own "no ..." agrees with what the line set apart
    (shrimp,) = read("For lunch, I had a cup of shrimp and noodles with no sauce.", table)
    assert shrimp.food == "Shrimp and noodles, no sauce"


def test_a_logs_usda_style_qualifier_saying_no_is_the_foods_own(table) -> None:
    (ribs,) = read("35 g ribs, beef, short, no visible fat eaten", table)
    assert ribs.grams == 35.0 and "short ribs" in ribs.food.lower()


def test_a_dish_whose_usda_name_lists_what_it_holds_holds_nothing_else(table) -> None:
    found = foods("big salad with chicken, avocado, tomatoes", table)
    assert any("chicken" in f for f in found) and any("avocado" in f for f in found)  # never dropped unsaid
    (taco,) = read("a taco filled with chicken and cheese", table)  # a taco of unnamed filling holds it
    assert "taco" in taco.food.lower() and "taken as part of" in "; ".join(taco.notes)


def test_what_a_food_is_free_of_is_not_eaten(table) -> None:
    (bread,) = read("a slice of bread, free from any spread", table)
    assert "bread" in bread.food.lower() and "'free from any spread'" in "; ".join(bread.notes)


def test_a_food_said_again_by_its_name_is_counted_once(table) -> None:
    line = "For dinner I had fries and a double cheeseburger from McDonald's, the McDouble."
    found = [o.food for o in read(line, table) if isinstance(o, Item)]
    assert "McDouble (McDonalds)" in found and not [f for f in found if f.startswith("Double cheeseburger")]
    line = (
        "For a snack, I had a chocolate-covered marshmallow pie, also known as a moon pie, and some grapes."
    )
    out = read(line, table)
    assert not [o for o in out if isinstance(o, Problem)]
    assert any("'also known as a moon pie'" in n for o in out if isinstance(o, Item) for n in o.notes)
    # a different food after "the" is a food of its own
    assert len(read("For lunch I ate a sandwich, the leftover pasta and an apple", table)) == 3


def test_the_bread_a_sandwich_is_on_is_counted_with_the_sandwich_not_again(table) -> None:
    found = foods("a ham and cheese sandwich on rye toast", table)
    assert len(found) == 1 and "sandwich" in found[0], found
    found = foods("peanut butter on toast", table)
    assert len(found) == 2 and any("peanut butter" in f for f in found), found


@pytest.mark.parametrize(
    "line",
    [
        "For breakfast I had a cup of coffee, keeping my energy levels up.",
        "I grabbed a small bag of Cheetos, cheesy—just what I needed.",
        "For dessert I had a slice of cake, lavishly iced and sweet.",
        "I had a bowl of cereal and my other breakfast favorites.",
    ],
)
def test_talk_about_a_food_is_neither_a_food_nor_an_unread_part(table, line: str) -> None:
    out = read(line, table)
    assert len(out) == 1 and isinstance(out[0], Item), out


def test_a_served_meal_is_the_heading_of_what_it_holds_and_gives_its_amount(table) -> None:
    line = "I had a hearty 16.5 oz Banquet meal that included fried chicken, potatoes, and vegetables."
    (meal,) = read(line, table)
    assert isinstance(meal, Item) and "fried" in meal.food.lower() and "chicken" in meal.food.lower()
    assert meal.grams == pytest.approx(16.5 * 28.349523125, abs=0.5)
    assert any("Banquet meal" in n for n in meal.notes), meal.notes  # the heading is said, never dropped


def test_a_container_filled_with_a_food_is_its_amount_not_a_second_food(table) -> None:
    (juice,) = read("I sipped on a juice box filled with 100% grape juice.", table)
    assert isinstance(juice, Item) and "grape juice" in juice.food.lower()
    assert any("juice box" in n for n in juice.notes), juice.notes


def test_a_heading_naming_the_kind_of_the_food_it_lists_is_no_second_food(table) -> None:
    out = read("I had a diet frozen meal consisting of chicken with rice and vegetables.", table)
    assert len(out) == 1 and "chicken" in out[0].food.lower(), out  # never beef and chicken meals both


def test_a_qualifier_in_two_words_is_no_food(table) -> None:
    found = foods("For breakfast, I had a Pop Tart with low fat.", table)
    assert not [f for f in found if "cheese" in f], found  # "low fat" was counted as low fat cream cheese


def test_what_a_smoothie_was_blended_from_is_part_of_it_not_more_food(table) -> None:
    (smoothie,) = read("For breakfast I had a smoothie with spinach, banana and protein powder.", table)
    assert isinstance(smoothie, Item) and "smoothie" in smoothie.food.lower()
    assert any("taken as part of" in n for n in smoothie.notes), smoothie.notes


def test_what_a_weighed_food_is_filled_with_is_inside_its_weight(table) -> None:
    (cookie,) = read("a 37g cookie filled with sweet fruit", table)
    assert isinstance(cookie, Item) and "cookie" in cookie.food.lower() and cookie.grams == 37
    assert any("'sweet fruit' taken as part of" in n and "inside the weight" in n for n in cookie.notes)
    # without a weight the filling is a food of its own, and what is set beside a weighed food is too
    assert len(read("200 g chicken topped with cheese", table)) == 2


def test_the_bun_a_burger_is_served_on_is_the_burgers_even_with_an_article(table) -> None:
    (burger,) = read("a 165g cheeseburger served on a white bun", table)
    assert isinstance(burger, Item) and "cheeseburger" in burger.food.lower() and burger.grams == 165


@pytest.mark.parametrize(
    ("line", "first", "grams"),
    [("grilled salmon, 6 oz, with asparagus", "salmon", 6 * 28.349523125),
     ("chicken breast, 4 oz, and rice", "chicken", 4 * 28.349523125)],
)  # fmt: skip
def test_an_amount_alone_after_a_comma_belongs_to_the_food_before_it(table, line, first, grams) -> None:
    food, other = read(line, table)
    assert first in food.food.lower() and food.grams == pytest.approx(grams)
    assert other.amount_assumed  # the next food has no amount of its own


def test_foods_joined_before_a_sandwich_on_its_bread_are_the_one_sandwich(table) -> None:
    (sandwich,) = read("ham and cheese sandwich on a croissant", table)
    assert "ham sandwich" in sandwich.food.lower() and "cheese" in sandwich.food.lower()


@pytest.mark.parametrize("line", ["fish and chips", "fish & chips", "cod and chips"])
def test_the_chips_of_fish_and_chips_are_fries(table, line: str) -> None:
    fish, chips = read(line, table)
    assert "fries" in chips.food.lower() and any("fish and chips" in n for n in chips.notes)
    assert "fish" in fish.food.lower() or "cod" in fish.food.lower()
    # alone, chips are potato chips
    (alone,) = read("a bag of chips", table)
    assert "chips" in alone.food.lower()


def test_a_measure_of_how_a_food_was_made_leads_into_the_food_after_and(table) -> None:
    line = (
        "During my snack time, I enjoyed a can of root beer paired with a cup of roasted and salted peanuts."
    )
    _, peanuts = read(line, table)
    assert "peanuts" in peanuts.food.lower() and not peanuts.amount_assumed  # the cup, not 28 g assumed


@pytest.mark.parametrize("line", ["cheese and crackers", "some cheese and crackers"])
def test_two_foods_joined_by_and_are_not_usdas_one_food_named_after_both(table, line: str) -> None:
    # USDA's "Crackers, cheese" is cheese-flavoured crackers; "mac and cheese" stays USDA's one dish
    found = foods(line, table)
    assert len(found) == 2 and any("cheese" in f and "cracker" not in f for f in found), found
    assert len(foods("mac and cheese", table)) == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # "flavored" and "a tasty condiment" name no food (they were flavoured almonds and a cheeseburger)
        ("a cup of pudding, flavored with something other than chocolate", ["pudding"]),
        ("a sandwich spread with a tasty condiment", ["sandwich"]),
        # the spreading is no spread (it was a peanut butter and chocolate spread)
        ("a tablespoon of creamy peanut butter spread generously on top", ["peanut butter, smooth"]),
        # "adding" starts another food (the creamer was a cup of coffee's weight of creamer)
        (
            "a cup of brewed coffee, adding an individual container of flavored liquid creamer",
            ["coffee", "creamer"],
        ),
        # a touch of nothing to eat is talk
        (
            "For lunch I had a peanut butter sandwich, adding a comforting touch to my lunch",
            ["peanut butter"],
        ),
    ],
)
def test_words_about_a_food_are_no_food_and_what_is_added_is_its_own(table, line, expected) -> None:
    found = foods(line, table)
    assert len(found) == len(expected) and all(e in f for e, f in zip(expected, found, strict=True)), found


def test_a_describing_word_before_a_comma_is_no_food_of_its_own(table) -> None:
    (dulce,) = read("My breakfast included a soft, medium pan dulce.", table)
    assert isinstance(dulce, Item) and "pan dulce" in dulce.food.lower(), dulce
    (pretzel,) = read("a soft pretzel", table)  # ... while "soft" still names USDA's soft pretzel
    assert "soft" in pretzel.food.lower()


def test_a_part_naming_its_maker_last_is_a_food_of_the_sentence(table) -> None:
    """A brand left out of a label is kept whole; "from Nabisco" at a part's end is already whole."""
    cookie, ice_cream = read("a chocolate chip cookie from Nabisco and a cup of vanilla ice cream", table)
    assert isinstance(cookie, Item) and "cookie" in cookie.food.lower(), cookie
    assert isinstance(ice_cream, Item) and "ice cream" in ice_cream.food.lower(), ice_cream


def test_beside_a_fast_food_the_food_of_no_other_source_is_the_fast_food_one_and_says_so(table) -> None:
    _, fries = read("a Big Mac and a medium order of fries", table)
    assert isinstance(fries, Item) and fries.food == "Potato, french fries, fast food", fries
    assert any("counted as fast food" in n for n in fries.notes), fries.notes
    # made at home, or with nothing from a restaurant beside it, the fries are USDA's generic ones
    for line in ("a homemade burger and fries", "a banana and fries"):
        _, plain = read(line, table)
        assert isinstance(plain, Item) and "fast food" not in plain.food, (line, plain)


def test_a_powder_taken_in_water_or_milk_is_the_powder_and_the_drink(table) -> None:
    powder, water = read("1 scoop whey protein in water", table)
    assert "protein" in powder.food.lower() and "water" in water.food.lower()
    powder, milk = read("2 scoops protein powder mixed into a glass of skim milk", table)
    assert "protein" in powder.food.lower() and "milk, nonfat" in milk.food.lower()
    # what USDA names as one food in its liquid stays one
    (tuna,) = read("tuna in water", table)
    assert "canned in water" in tuna.food
    (sardines,) = read("sardines in water", table)
    assert "sardine" in sardines.food.lower()


def test_how_a_powder_was_mixed_is_no_state_of_the_powder(table) -> None:
    (powder,) = read("1 scoop protein powder mixed with water", table)
    assert "protein" in powder.food.lower() and "'water' taken as part of" in "; ".join(powder.notes)


def test_a_raw_ingredient_filed_among_salads_holds_no_dressing(table) -> None:
    found = foods("a large mixed green salad with olive oil and vinegar", table)
    assert len(found) == 3 and "olive" in found[1] and "vinegar" in found[2], found


def test_british_back_bacon_by_the_rasher_is_canadian_bacon_by_the_slice(table) -> None:
    (bacon,) = read("2 rashers of back bacon", table)
    assert bacon.food.startswith("Canadian bacon") and bacon.grams > 30, bacon


@pytest.mark.parametrize(("line", "word"), [("a big mac meal", "'meal'"), ("a whopper combo", "'combo'")])
def test_a_restaurant_meal_named_after_its_main_food_says_its_sides_are_uncounted(table, line, word) -> None:
    # "a big mac meal" was the Big Mac alone, with nothing said of its fries and drink
    (burger,) = read(line, table)
    assert isinstance(burger, Item), burger
    assert any(n.startswith(f"{word}: only") and "sides and drink" in n for n in burger.notes), burger.notes
    (rice,) = read("a meal of rice and beans", table)  # a meal "of" a food is that food
    assert not any("sides and drink" in n for n in rice.notes)


def test_nuggets_said_alone_are_chicken_nuggets(table) -> None:
    (nuggets,) = read("6 nuggets", table)  # they were FNDDS's fish sticks
    assert nuggets.food.startswith("Chicken nuggets"), nuggets
    (fish,) = read("fish nuggets", table)
    assert "fish" in fish.food.lower(), fish


def test_a_maker_usda_names_only_in_capitals_before_a_known_dish_is_its_brand(table) -> None:
    # "Kraft Mac and Cheese, 1 cup" was an uncounted "Kraft Mac" plus a cup of cheddar (132 g, 533 kcal)
    (mac,) = read("Kraft Mac and Cheese, 1 cup", table)
    assert isinstance(mac, Item) and mac.food.startswith("Macaroni"), mac
    assert any("brand 'Kraft'" in n for n in mac.notes), mac.notes


def test_w_slash_o_is_without_never_a_joiner(table) -> None:
    # "burger w/o bun" was a burger and an uncounted "o bun"
    out = read("burger w/o bun", table)
    assert len(out) == 1 and "o bun" not in (out[0].part_text or ""), out
    (pizza,) = read("pizza w/o cheese", table)  # ... and the matcher reads it as "without"
    assert isinstance(pizza, Item) and "no cheese" in pizza.food, pizza


def test_a_tilde_amount_is_the_lines_amount(table) -> None:
    # "~200g chicken breast" was USDA's usual 172 g breast, said as "none given"
    (breast,) = read("~200g chicken breast", table)
    assert breast.grams == 200.0 and not breast.amount_assumed, breast


@pytest.mark.parametrize(
    ("line", "flavour"),
    [
        ("salt and vinegar crisps", "other flavored"),
        ("a bag of salt & vinegar chips", "other flavored"),
        ("cheese and onion crisps", "cheese flavored"),
        ("prawn cocktail crisps", "other flavored"),
    ],
)
def test_crisps_named_by_their_flavour_are_one_bag_of_potato_chips(table, line: str, flavour: str) -> None:
    # "salt and vinegar crisps" was a teaspoon of salt and 30 g of vinegar; "prawn cocktail crisps" 125 g of
    # shrimp cocktail
    (chips,) = read(line, table)
    assert isinstance(chips, Item) and chips.food == f"Potato chips, {flavour}", chips


def test_a_food_named_by_its_brand_then_by_what_it_is_is_one_food(table) -> None:
    # "a Nabisco Chips Ahoy! chocolate chip cookie" was two cookies, 10 g and 60 g
    (cookie,) = read("a Nabisco Chips Ahoy! chocolate chip cookie", table)
    assert isinstance(cookie, Item) and cookie.food.startswith("Cookie, chocolate chip"), cookie
    assert len(read("2 eggs and 2 eggs", table)) == 2  # each said with its own amount: two servings


@pytest.mark.parametrize(
    ("line", "food", "maker"),
    [
        ("Banquet - Chicken Pot Pie", "Pot pie, chicken", "Banquet"),  # was not counted
        ("Oscar Mayer - Turkey Bacon, 2 slices", "Turkey bacon", "Oscar Mayer"),  # was its smoked sausage
        (
            "Tyson, Chicken Breast, 4 oz",
            "Chicken, broilers or fryers, breast",
            "Tyson",
        ),  # was 80 g of tenders
        (
            "Stouffer's, Lasagna with Meat Sauce, 1 cup",
            "Lasagna with meat",
            "Stouffer's",
        ),  # the maker was asked
        ("Kraft, Cheddar Cheese, 1 slice", "Cheese, cheddar", "Kraft"),
    ],
)
def test_a_labels_maker_without_that_product_in_usda_is_the_generic_food_said_so(
    table, line, food, maker
) -> None:
    (item,) = read(line, table)
    assert isinstance(item, Item) and item.food.startswith(food), item
    assert any(f"brand {maker!r}" in n or f'brand "{maker}"' in n for n in item.notes), item.notes


@pytest.mark.parametrize(("line", "n"), [("Oatmeal, Blueberries", 2), ("Eggs, Bacon, Toast", 3)])
def test_foods_listed_with_capitals_are_no_maker_of_the_rest(table, line: str, n: int) -> None:
    # "Oatmeal, Blueberries" was the blueberries alone, "Oatmeal," read as their brand
    out = read(line, table)
    assert len(out) == n and all(isinstance(x, Item) and not any("brand" in m for m in x.notes) for x in out)


def test_a_percent_grade_a_reviewed_phrase_need_not_say_is_still_that_food(table) -> None:
    # "a 2% latte" was not counted: the "2" named no latte, so the reviewed phrase "latte" could not be it
    for line in ("a 2% latte", "2% latte"):
        (latte,) = read(line, table)
        assert isinstance(latte, Item) and latte.food == "Coffee, Latte", latte
    (glass,) = read("a glass of 2% milk", table)
    assert isinstance(glass, Item) and "2%" in glass.food, glass  # the grade still picks among the milks


@pytest.mark.parametrize(
    ("line", "n"),
    [
        ("chicken curry with naan", 2),  # the naan was taken as part of the curry
        ("chili with cornbread", 2),
        ("chicken tikka masala with basmati rice and naan", 3),  # USDA's curry has its own "with rice"
        ("a taco filled with chicken and cheese", 1),  # what a taco of no named filling holds
    ],
)
def test_a_bread_or_a_side_usda_names_apart_is_no_filling_of_the_dish(table, line: str, n: int) -> None:
    out = read(line, table)
    assert len(out) == n and all(isinstance(x, Item) for x in out), out


@pytest.mark.parametrize(
    ("line", "drink"),
    [
        ("jack and coke", "Whiskey and cola"),  # "jack" was 140 g of grilled jack mackerel
        ("a rum and coke", "Rum and cola"),  # was a shot of rum and a can of cola
        ("a G&T", "Gin and tonic"),  # was 1 g: the "G" read as grams
        ("a pint of guinness", "beer"),  # was not counted
    ],
)
def test_a_mixed_drink_by_its_bar_name_is_usdas_one_drink(table, line: str, drink: str) -> None:
    (item,) = read(line, table)
    assert isinstance(item, Item) and drink in item.food and item.grams > 100, item


@pytest.mark.parametrize("line", ["1 jalapeno, seeded and minced", "1 lb shrimp, peeled and deveined"])
def test_how_a_recipe_readied_a_food_after_and_is_no_food_of_its_own(table, line: str) -> None:
    # "minced" after "seeded and" was listed as a food not counted
    (item,) = read(line, table)
    assert isinstance(item, Item), item


@pytest.mark.parametrize(
    ("line", "food"),
    [
        (
            "a burrito with beans and rice",
            "Burrito, with beans and rice",
        ),  # was a bean burrito and a cup of rice
        ("a chicken burrito with rice and beans", "Burrito, chicken, with beans and rice"),
    ],
)
def test_a_list_after_with_that_usdas_name_says_is_that_one_food(table, line: str, food: str) -> None:
    (item,) = read(line, table)
    assert isinstance(item, Item) and item.food.startswith(food), item
