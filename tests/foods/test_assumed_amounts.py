"""A vague or missing amount is counted on USDA's own answer, said on the line, or refused.

Expected weights are read from data/portions.csv and data/amounts.csv (see test_household_measures.usda),
never copied from mgb6's output.
"""

from __future__ import annotations

import csv

import pytest
from tests.conftest import ROOT
from tests.foods.test_household_measures import FL_OZ_ML, OZ_G, resolve, usda

from mgb6.errors import DataError
from mgb6.foods.table import informal_amounts
from mgb6.models import Item, Problem
from mgb6.nutrition.tally import Scorer

TSP_ML = FL_OZ_ML / 6


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
    ("orange juice", "sr28:09206", "cup", "", 1),  # no amount at all
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


@pytest.mark.parametrize(
    "line", ["a handful of grapes", "a handful of blueberries", "2 handfuls of strawberries"]
)
def test_a_handful_of_fruit_is_half_a_cup_from_the_sourced_table(scorer: Scorer, line: str) -> None:
    # "a handful of grapes" was USDA's usual cup (151 g)
    out = resolve(scorer, line)
    n = 2 if line.startswith("2") else 1
    assert isinstance(out, Item) and out.grams == pytest.approx(n * usda(out.food_id, "cup") / 2, rel=0.01), (
        out
    )
    assert out.amount_assumed and any("1/2 cup (data/amounts.csv)" in note for note in out.notes)


@pytest.mark.parametrize("line", ["a handful of raisins", "a handful of M&Ms"])
def test_a_handful_of_small_pieces_is_never_one_piece(scorer: Scorer, line: str) -> None:
    # "a handful of raisins" was one raisin (0.5 g), "a handful of M&Ms" one M&M
    out = resolve(scorer, line)
    assert isinstance(out, Item) and out.grams == pytest.approx(OZ_G, rel=0.01), out
    assert out.amount_assumed and any("small pieces taken as 1 oz" in note for note in out.notes)


def test_a_handful_of_a_vegetable_weighed_by_no_cup_is_usdas_serving_not_one_piece(scorer: Scorer) -> None:
    out = resolve(scorer, "a handful of baby carrots")  # it was one 10 g carrot
    assert isinstance(out, Item) and out.grams == pytest.approx(usda(out.food_id, "serving")), out
    assert out.amount_assumed


def test_a_can_of_a_drink_without_a_usda_can_row_is_twelve_fluid_ounces(scorer: Scorer) -> None:
    out = resolve(scorer, "a can of low carb light beer")
    assert isinstance(out, Item) and "beer" in out.food.lower(), out
    assert out.grams == pytest.approx(12 * FL_OZ_ML, rel=0.05)  # through the beer's USDA fl oz row
    assert out.amount_assumed and any("12 fl oz (data/amounts.csv)" in n for n in out.notes)


def test_an_assumed_amount_that_is_a_whole_melon_is_refused_not_counted(scorer: Scorer) -> None:
    # SR28's usual portion of casaba melon is the whole melon (1.6 kg): no one means that by "casaba melon"
    out = resolve(scorer, "casaba melon")
    assert isinstance(out, Problem) and "too much to assume" in out.reason, out


@pytest.mark.parametrize("line", ["roast beef", "chicken", "salmon"])
def test_meat_without_an_amount_is_a_reference_serving_never_a_whole_roast_or_bird(
    scorer: Scorer, line: str
) -> None:
    # SR28 weighs roast beef as the whole roast and chicken as half a bird (598 g); salmon only by the oz
    out = resolve(scorer, line)
    assert isinstance(out, Item) and out.amount_assumed, out
    assert out.grams == pytest.approx(3 * OZ_G)  # data/amounts.csv: FDA's reference amount, 85 g cooked
    assert any("a serving of cooked meat" in n and "data/amounts.csv" in n for n in out.notes)


def test_a_piece_of_pie_is_a_slice_not_the_whole_pie(scorer: Scorer) -> None:
    out = resolve(scorer, "a piece of lemon pie")
    assert isinstance(out, Item) and out.food_id == "fndds:53305700", out
    assert out.grams == pytest.approx(usda("fndds:53305700", "slice"))


@pytest.mark.parametrize(
    ("line", "food", "unit"),
    [("a dollop of sour cream", "fndds:12310100", "default"),  # FNDDS's quantity not specified, 30 g
     ("a touch of honey", "sr28:19296", "tbsp"),
     ("a drizzle of olive oil", "sr28:04053", "tbsp"),
     ("a sprinkle of cinnamon", "sr28:02010", "tsp")],
)  # fmt: skip
def test_a_spoonful_word_takes_the_usual_portion_only_when_that_is_a_spoonful(
    scorer: Scorer, line: str, food: str, unit: str
) -> None:
    out = resolve(scorer, line)
    assert isinstance(out, Item) and out.food_id == food, out
    assert out.grams == pytest.approx(usda(food, unit)) and out.grams <= 30
    assert out.amount_assumed and any("USDA's usual portion" in n for n in out.notes), out.notes


@pytest.mark.parametrize(
    "line",
    [
        "a dollop of mashed potatoes",
        "1 shot of espresso",
        "a can of black beans",
        "a bit of milk",
        "a bit of rice",
    ],
)
def test_a_vague_amount_with_nothing_defensible_is_not_counted(scorer: Scorer, line: str) -> None:
    # a dollop or a bit has no sourced size and USDA's usual portion of these is far more than a spoonful
    # (a bit of milk is not USDA's cup); a shot of espresso is not its usual cup; cans vary by product
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
        food = {"meat": "roasted chicken breast", "produce": "grapes", "pieces": "raisins"}.get(
            r["applies_to"], "whole milk"
        )
        out = resolve(scorer, f"a {r['unit']} of {food}")
        assert isinstance(out, Item) and out.grams and out.amount_assumed, (r, out)
        assert r["wording"] in " ".join(out.notes)


def test_a_row_of_the_amounts_table_without_a_source_is_refused() -> None:
    blob = b"unit,amount,measure,wording,source\npinch,0.0625,tsp,a pinch,\n"
    with pytest.raises(DataError, match="source"):
        informal_amounts(blob)


@pytest.mark.parametrize(
    ("line", "food", "unit", "modifier"),
    [
        # FNDDS files these as a size with the vessel in its modifier: "1 small single serving bag"
        ("a small single serving bag of plain potato chips", "fndds:71200100", "small", "single serving bag"),
        ("a small bag of plain potato chips", "fndds:71200100", "small", "single serving bag"),
        ("a medium fast food order of french fries", "fndds:71401030", "medium", "fast food order"),
        ("a chilled can of cola", "fndds:92410310", "can", "12 fl oz"),
        # no size said: the row FNDDS takes when none is given (its 28 g bag, not the medium 57 g one)
        ("a single-serving bag of potato chips", "fndds:71200100", "small", "single serving bag"),
        # a link's kind and a pack's energy name the row too (a cocktail link was a 75 g piece)
        ("a cocktail link of Italian sausage", "fndds:25221350", "cocktail", "miniature link"),
        ("a 100 calorie pack of flavored almonds", "fndds:42101300", "100 calorie package", ""),
    ],
)
def test_a_portion_named_in_so_many_words_is_usdas_row_of_that_name(
    scorer: Scorer, line: str, food: str, unit: str, modifier: str
) -> None:
    out = resolve(scorer, line)
    assert isinstance(out, Item) and out.food_id == food, out
    assert out.grams == pytest.approx(usda(food, unit, modifier)), out.notes
    assert not out.amount_assumed


def test_a_named_size_usda_does_not_list_for_that_vessel_is_said_not_weighed(scorer: Scorer) -> None:
    # cola has a "small drink" and a "can (12 fl oz)", but no small can: the can, and the line says so
    out = resolve(scorer, "a small can of cola")
    assert isinstance(out, Item) and out.grams == pytest.approx(usda(out.food_id, "can", "12 fl oz"))
    assert out.amount_assumed and any("'small can' read as a can" in n for n in out.notes)


def test_a_personal_pizza_is_fnddss_personal_pizza(scorer: Scorer) -> None:
    out = resolve(scorer, "a personal size pizza")
    assert isinstance(out, Item) and out.grams == pytest.approx(usda(out.food_id, "personal")), out
    assert not out.amount_assumed


def test_a_sized_cup_of_tea_is_fnddss_cup_of_that_size(scorer: Scorer) -> None:
    # FNDDS sizes hot tea and coffee as a shop sells them: "1 small" tea is 360 g (12 fl oz), not a cup
    out = resolve(scorer, "a small cup of hot black tea")
    assert isinstance(out, Item) and out.grams == pytest.approx(usda(out.food_id, "small")), out
    assert not out.amount_assumed
    plain = resolve(scorer, "a cup of hot black tea")  # no size said: the 8 fl oz cup
    assert isinstance(plain, Item) and plain.grams < out.grams


def test_a_sized_serving_of_a_drink_is_the_drink_of_that_size_never_a_pot(scorer: Scorer) -> None:
    # FNDDS's coffee has "1 small" (a shop's small cup) and "1 small pot (20 FO, 4 servings)"
    out = resolve(scorer, "a small serving of brewed coffee")
    assert isinstance(out, Item) and out.grams == pytest.approx(usda(out.food_id, "small")), out
    assert out.grams < usda(out.food_id, "small", "pot")


def test_a_food_without_the_measure_is_never_weighed_as_another_food_of_no_nutrients(scorer: Scorer) -> None:
    # fondant and "Soft drink, NFS" both have 0 mg Mg and 0 mg B6: no twin, so no 12 fl oz can of soda
    out = resolve(scorer, "a piece of fondant")
    assert isinstance(out, Problem) or "fondant" in out.food.lower(), out


def test_a_row_whose_every_word_the_line_said_is_the_row_it_named(scorer: Scorer) -> None:
    out = resolve(scorer, "an individual-sized coconut cream pie")
    assert isinstance(out, Item) and out.grams == pytest.approx(usda(out.food_id, "individual", "pie")), out


@pytest.mark.parametrize(
    "line", ["a bite of cake", "two bites of pie", "a mouthful of cake", "2 forkfuls of pasta"]
)
def test_a_bite_is_asked_never_usdas_usual_portion(scorer: Scorer, line: str) -> None:
    # "a bite of cake" was 175 g of cake, said as "none given"
    out = resolve(scorer, line)
    assert isinstance(out, Problem) and "a bite is not a standard measure" in out.reason, out


def test_a_bite_usda_weighs_is_its_row_said_as_assumed(scorer: Scorer) -> None:
    out = resolve(scorer, "a small bite of brownie")  # FNDDS: "1 small or bite size" (30 g)
    assert isinstance(out, Item) and out.grams == pytest.approx(usda(out.food_id, "small")), out
    assert out.amount_assumed


def test_sugars_in_tea_are_packets_never_another_sugar(scorer: Scorer) -> None:
    # "2 sugars" were SR28's maple sugar (56 g, 198 kcal), a food of a flavour the line did not say
    out = resolve(scorer, "2 sugars")
    assert isinstance(out, Item) and out.food == "Sugars, granulated", out
    assert out.grams == pytest.approx(2 * usda(out.food_id, "serving", "packet"))


def test_a_glass_of_a_food_that_is_no_drink_is_asked(scorer: Scorer) -> None:
    # "a glass of squash" (a British fruit drink) was 196 g of raw summer squash
    out = resolve(scorer, "a glass of squash")
    assert isinstance(out, Problem), out
    for line in ("a glass of milk", "a glass of eggnog", "a glass of coconut water"):
        assert isinstance(resolve(scorer, line), Item), line


@pytest.mark.parametrize("line", ["a bag of spinach", "a container of blueberries"])
def test_a_package_of_produce_is_asked_never_a_serving(scorer: Scorer, line: str) -> None:
    # "a bag of spinach" was FNDDS's "quantity not specified", 13 g: a serving, not a bag
    assert isinstance(resolve(scorer, line), Problem)


@pytest.mark.parametrize(
    ("line", "rolls"), [("a california roll", 1), ("2 salmon rolls", 2), ("a spicy tuna roll", 1)]
)
def test_a_sushi_roll_counted_by_the_roll_is_usdas_usual_portion_never_one_piece(
    scorer: Scorer, line: str, rolls: int
) -> None:
    # "a california roll" was FNDDS's "1 piece" (30 g), a sixth of the roll
    out = resolve(scorer, line)
    assert isinstance(out, Item) and out.food.startswith("Sushi roll"), out
    assert out.grams == pytest.approx(rolls * usda(out.food_id, "default", "quantity not specified"))
    assert out.amount_assumed and out.grams > 3 * rolls * usda(out.food_id, "piece", "")
    pieces = resolve(scorer, "6 pieces of california roll")  # pieces said are pieces
    assert isinstance(pieces, Item) and pieces.grams == pytest.approx(6 * usda(pieces.food_id, "piece", ""))


@pytest.mark.parametrize(
    ("line", "fraction"), [("half a cantaloupe", 0.5), ("a quarter of a cantaloupe", 0.25)]
)
def test_part_of_a_melon_is_that_part_of_the_whole_melon_never_of_one_melon_ball(
    scorer: Scorer, line: str, fraction: float
) -> None:
    # "half a cantaloupe" was half of SR28's "cantaloupe balls" row (unit "cantaloupe"): 7 g
    out = resolve(scorer, line)
    assert isinstance(out, Item), out
    assert out.grams == pytest.approx(fraction * usda(out.food_id, "melon", "medium"))
    water = resolve(scorer, "half a watermelon")  # the survey's "1 medium melon": its kind
    assert isinstance(water, Item) and water.grams == pytest.approx(
        0.5 * usda("fndds:63149010", "medium", "melon")
    )
    balls = resolve(scorer, "10 watermelon balls")  # the shape said is the shape weighed
    assert isinstance(balls, Item) and balls.grams < 200, balls


def test_a_steak_named_by_its_cut_alone_is_one_steak_never_a_slice(scorer: Scorer) -> None:
    # "a ribeye" was 30 g, the survey's "piece/slice" of beef, where "a ribeye steak" was SR28's steak
    out = resolve(scorer, "a ribeye")
    assert isinstance(out, Item) and out.grams == pytest.approx(usda(out.food_id, "steak")), out


@pytest.mark.parametrize(("line", "n"), [("3 chicken tenders", 3), ("4 chicken fingers", 4)])
def test_chicken_tenders_are_counted_by_the_tender_never_by_the_chicken(
    scorer: Scorer, line: str, n: int
) -> None:
    # "3 chicken tenders" were three whole roasted chickens (1794 g): "tender" was read as a texture word
    out = resolve(scorer, line)
    assert isinstance(out, Item) and out.food.startswith("Chicken tenders"), out
    assert out.grams == pytest.approx(n * usda(out.food_id, "tender"))


@pytest.mark.parametrize("line", ["a carton of eggs", "a jar of salsa", "a tub of hummus"])
def test_a_jar_carton_or_tub_of_a_food_usda_weighs_no_such_package_of_is_asked(
    scorer: Scorer, line: str
) -> None:
    # "a carton of eggs" was one 50 g egg, "a jar of salsa" USDA's usual 32 g
    assert isinstance(resolve(scorer, line), Problem)
    assert isinstance(resolve(scorer, "a carton of milk"), Item)  # a drink's carton is its usual portion


def test_a_basket_is_a_vessel_never_one_piece(scorer: Scorer) -> None:
    # "a basket of fries" was one 5 g fry
    out = resolve(scorer, "a basket of fries")
    assert isinstance(out, Item) and out.amount_assumed and out.grams > 50, out


@pytest.mark.parametrize("line", ["5 chicken chunks", "3 potato wedges", "10 chicken pieces"])
def test_parts_counted_are_never_the_whole_food_usda_weighs_by_its_name(scorer: Scorer, line: str) -> None:
    # "5 chicken chunks" were five whole roasted chickens (2990 g), "3 potato wedges" three potatoes
    out = resolve(scorer, line)
    assert isinstance(out, Problem) or out.grams < 200, out
    nuggets = resolve(scorer, "3 chicken nugget pieces")  # a light row of a food eaten by the piece is one
    assert isinstance(nuggets, Item) and nuggets.grams == pytest.approx(3 * usda(nuggets.food_id, "nugget"))
