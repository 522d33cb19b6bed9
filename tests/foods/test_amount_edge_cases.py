"""Audit fixes: amount-only lines, food words mistaken for units, USDA portion units, portions as eaten.

Expected grams are read from data/portions.csv (USDA's rows as built), never copied from mgb6's output.
"""

from __future__ import annotations

import csv

import pytest
from tests.conftest import ROOT

from mgb6.log.parse import parse_entry
from mgb6.models import Item, Problem
from mgb6.nutrition.tally import Scorer

DATA = ROOT / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


PORTIONS = _rows("portions.csv")
ALIASES = {r["phrase"]: r["food_id"] for r in _rows("aliases.csv")}
FOODS = {r["id"]: r for r in _rows("foods.csv")}


def usda_grams(food_id: str, unit: str, modifier: str = "") -> float:
    """Grams per unit of one USDA portion row (the first with this unit and modifier)."""
    for r in PORTIONS:
        if r["food_id"] == food_id and r["unit"] == unit and r["modifier"] == modifier:
            return float(r["grams_per_unit"])
    raise AssertionError(f"no {unit!r} {modifier!r} portion for {food_id}")


def resolve(table, line: str) -> Item | Problem:
    entry = parse_entry(line)
    if isinstance(entry, Problem):
        return entry
    return Scorer(table).resolve(entry, None)


AMOUNT_ONLY = ["1 cup", "100 g", "2 tbsp", "3 oz", "1 can", "2 fl oz", "half a cup", "2 x 100 g"]


@pytest.mark.parametrize("line", AMOUNT_ONLY)
def test_a_line_with_only_an_amount_names_no_food(line: str) -> None:
    got = parse_entry(line)
    assert isinstance(got, Problem) and got.reason == "no food named on this line"


@pytest.mark.parametrize("line", ["1 cup milk", "1 can tuna", "whole milk", "2 eggs", "100 g oats"])
def test_a_line_with_a_food_after_its_amount_is_still_an_entry(line: str) -> None:
    assert not isinstance(parse_entry(line), Problem)


def test_an_unknown_variety_word_is_not_blamed_as_a_unit(table) -> None:
    """ "1 honeycrisp apple" is counted like "1 hass avocado": an apple, flagged for the unknown word."""
    got = resolve(table, "1 honeycrisp apple")
    assert isinstance(got, Item), got
    assert got.food_id == "sr28:09003"  # one apple of no stated size: USDA's survey weight for one
    assert got.grams == pytest.approx(usda_grams("fndds:63101000", "medium"))


def test_an_unknown_word_before_a_food_with_a_count_is_counted_and_flagged(table) -> None:
    assert "jazz" not in table.index.idf  # an apple variety USDA never names
    got = resolve(table, "2 jazz apples")
    assert isinstance(got, Item), got
    assert got.food_id == ALIASES["apple"]
    assert got.grams == pytest.approx(2 * usda_grams("fndds:63101000", "medium"))  # USDA's survey weight
    assert any("unknown word 'jazz'" in n for n in got.notes)


def test_a_usda_portion_unit_of_the_food_in_the_unit_place_weighs_the_line(table) -> None:
    """ "floweret" is in no unit list, but USDA weighs cauliflower by the floweret."""
    got = resolve(table, "3 floweret cauliflower")
    assert isinstance(got, Item), got
    assert got.grams == pytest.approx(3 * usda_grams(got.food_id, "floweret"))
    assert not any("unknown word" in n for n in got.notes)


def test_an_unknown_word_before_an_uncountable_food_is_still_blamed_as_a_unit(table) -> None:
    got = resolve(table, "3 zorks spinach")
    assert isinstance(got, Problem) and "unit 'zorks' is not one mgb6 knows" in got.reason


@pytest.mark.parametrize(("line", "phrase"), [
    ("1 flat white", "flat white"), ("1 cafe latte", "cafe latte"), ("1 café latte", "cafe latte"),
    ("1 kind bar", "kind bar"), ("1 starbucks latte", "starbucks latte"), ("1 satsuma", "satsuma"),
    ("1 pb&j", "pb&j"),
    ("1 peanut butter and jelly sandwich", "peanut butter and jelly sandwich"),
])  # fmt: skip
def test_everyday_phrases_reach_their_usda_food(table, line: str, phrase: str) -> None:
    got = resolve(table, line)
    assert isinstance(got, Item), got
    assert got.food_id == ALIASES[phrase]


def test_a_known_food_word_in_the_unit_place_is_never_dropped(table) -> None:
    """ "flat white" must not become "Egg, white" by dropping "flat" as if it were a unit."""
    got = resolve(table, "1 flat white")
    assert isinstance(got, Item) and "egg" not in got.food.lower()


def test_the_chosen_phrases_name_the_foods_they_should() -> None:
    assert "Latte" in FOODS[ALIASES["flat white"]]["description"]
    assert "Peanut butter and jelly sandwich" in FOODS[ALIASES["pb&j"]]["description"]
    assert "mandarin" in FOODS[ALIASES["satsuma"]]["description"].lower()
    assert "KIND" in FOODS[ALIASES["kind bar"]]["description"]


def test_half_a_block_of_tofu_is_half_of_usdas_block(table) -> None:
    got = resolve(table, "1/2 block tofu")
    assert isinstance(got, Item), got
    assert got.grams == pytest.approx(0.5 * usda_grams(got.food_id, "block"))


def test_a_slice_of_sourdough_is_an_ordinary_slice(table) -> None:
    got = resolve(table, "1 slice sourdough bread")
    assert isinstance(got, Item), got
    assert got.food_id == ALIASES["sourdough bread"]
    assert got.grams == pytest.approx(usda_grams(got.food_id, "medium", "or regular slice"))
    assert got.grams < usda_grams("sr28:18029", "slice")  # SR28's only slice, the one we no longer use


def test_roma_tomatoes_are_usdas_plum_tomatoes(table) -> None:
    got = resolve(table, "2 roma tomatoes")
    assert isinstance(got, Item), got
    assert got.grams == pytest.approx(2 * usda_grams("sr28:11529", "plum", "tomato"))


@pytest.mark.parametrize(("line", "food_id", "unit"), [
    ("1 salmon fillet", "sr28:15237", "fillet"), ("1 chicken breast", "sr28:05064", "breast"),
])  # fmt: skip
def test_one_fillet_or_breast_is_usdas_whole_unit(table, line: str, food_id: str, unit: str) -> None:
    rows = [r for r in PORTIONS if r["food_id"] == food_id and r["unit"] == unit]
    assert rows and rows[0]["description"].startswith("0.5 ")  # USDA states this measure as a half
    got = resolve(table, line)
    assert isinstance(got, Item) and got.food_id == food_id
    # read literally, as Cronometer does: one unit is twice USDA's stated half
    assert got.grams == pytest.approx(float(rows[0]["grams_per_unit"]))


def test_plain_greek_yogurt_is_not_assumed_nonfat(table) -> None:
    got = resolve(table, "1 cup plain greek yogurt")
    assert isinstance(got, Item), got
    assert "nonfat" not in got.food.lower()
    assert got.grams == pytest.approx(usda_grams(got.food_id, "cup"))


def test_a_cup_of_a_food_usda_does_not_measure_by_volume_asks_for_ounces(table) -> None:
    # SR28's raw cashews have no cup, and FNDDS has no cashew food of that name to lend one
    got = resolve(table, "1 cup raw cashews")
    assert isinstance(got, Problem) and got.kind == "unresolved"
    assert "give ounces or grams" in got.reason


def test_a_cup_is_weighed_by_the_survey_food_named_past_sr28s_kind(table) -> None:
    # SR28's "Crustaceans, shrimp, ..." has no cup; FNDDS's "Shrimp, NFS" does
    got = resolve(table, "1 cup shrimp")
    assert isinstance(got, Item) and "shrimp" in got.food.lower() and got.source == "sr28"
    assert any("USDA's survey weight for Shrimp, NFS" in n for n in got.notes)


def test_a_cup_sr28_lacks_is_weighed_by_the_surveys_cup_of_the_same_food(table) -> None:
    # SR28's cooked salmon has no cup; FNDDS's "Fish, salmon, NFS" does: that row weighs it, said on the line
    got = resolve(table, "1 cup cooked salmon")
    assert isinstance(got, Item) and "salmon" in got.food.lower() and got.source == "sr28"
    assert got.grams == pytest.approx(usda_grams("fndds:26137110", "cup"))
    assert any("USDA's survey weight for Fish, salmon, NFS" in n for n in got.notes)


def test_one_candy_is_a_piece_never_the_surveys_package(table) -> None:
    """FNDDS's count rows for candy start at a "pouch/regular size" (60 g): one hard candy is SR28's piece."""
    got = resolve(table, "a single mint hard candy")
    assert isinstance(got, Item) and got.food_id == "sr28:19107", got
    assert got.grams == pytest.approx(usda_grams("sr28:19107", "piece")), got
    # ... while a survey row lighter than SR28's is kept: a piece of celery is no whole stalk
    celery = resolve(table, "a piece of raw celery")
    assert isinstance(celery, Item) and celery.grams < usda_grams(
        "sr28:11143", "stalk", 'medium (7-1/2" - 8" long)'
    ), celery


@pytest.mark.parametrize("line", ["oats", "a bowl of oats", "steel cut oats"])
def test_a_grain_weighed_dry_with_no_amount_given_is_counted_cooked_and_says_so(table, line: str) -> None:
    """A cup of dry oats (81 g, 112 mg Mg) is no bowl of oatmeal; with an amount the oats stay dry."""
    got = resolve(table, line)
    assert isinstance(got, Item) and "cooked" in got.food, got
    assert any(n.startswith("counted as cooked: no amount given") for n in got.notes), got.notes
    weighed = resolve(table, "40g oats")
    assert isinstance(weighed, Item) and "dry" in weighed.food and weighed.grams == 40, weighed


def test_what_comes_in_a_can_is_usdas_canned_food_and_says_so(table) -> None:
    corn = resolve(table, "a can of corn")  # (it asked: raw corn has no can)
    assert isinstance(corn, Item) and "canned" in corn.food, corn
    assert any("a can: counted as USDA's canned food" in n for n in corn.notes), corn.notes
    tomatoes = resolve(table, "1 can (14.5 oz) diced tomatoes")  # (it was 411 g of raw tomatoes)
    assert isinstance(tomatoes, Item) and "canned" in tomatoes.food, tomatoes


@pytest.mark.parametrize("line", ["a cup of cocoa", "a warm mug of cocoa", "a comforting 194g cup of cocoa"])
def test_a_cup_or_mug_of_a_dry_powder_is_the_drink_and_says_so(table, line: str) -> None:
    # "a cup of cocoa" was 86 g of dry cocoa powder: 429 mg of magnesium
    got = resolve(table, line)
    assert isinstance(got, Item) and "powder" not in got.food.lower() and "cocoa" in got.food.lower(), got
    assert any("counted as the drink" in n for n in got.notes), got.notes
    powder = resolve(table, "2 tbsp cocoa")  # measured by the spoon, the powder
    assert isinstance(powder, Item) and "powder" in powder.food.lower(), powder


def test_a_measure_is_never_borrowed_from_a_food_that_names_another_food(table) -> None:
    """ "a can of soup" was SR28's "Soup, tomato, canned, condensed": the only soup with a can row."""
    soup = resolve(table, "a can of soup")
    assert not (isinstance(soup, Item) and "tomato" in soup.food.lower()), soup


def test_a_drink_of_no_amount_is_never_one_fluid_ounce(table) -> None:
    """SR28 lists "fl oz" first for many drinks: a unit, like an ounce, not a drink (it was 30 g of water)."""
    water = resolve(table, "bottled unsweetened water")
    assert isinstance(water, Item) and water.grams > 200, water


def test_no_amount_takes_the_surveys_unspecified_quantity_before_sr28s_cup(table) -> None:
    """SR28 lists a cup first for syrup (341 g); FNDDS assumes 40 g of corn syrup when none is said."""
    syrup = resolve(table, "golden syrup")
    assert isinstance(syrup, Item) and syrup.grams == pytest.approx(
        usda_grams("fndds:91301030", "default", "quantity not specified")
    )
    assert any("quantity not specified" in n for n in syrup.notes), syrup.notes


def test_a_whole_pizza_or_pie_is_usdas_whole_one_and_half_of_one_is_half_of_it(table) -> None:
    whole = resolve(table, "a whole pizza")
    assert isinstance(whole, Item), whole
    assert whole.grams == pytest.approx(usda_grams(whole.food_id, "medium", 'pizza (11-12" diameter)'))
    half = resolve(table, "half a pizza")
    assert isinstance(half, Item), half
    assert half.grams == pytest.approx(0.5 * usda_grams(half.food_id, "medium", 'pizza (11-12" diameter)'))
    pie = resolve(table, "a whole apple pie")
    assert isinstance(pie, Item), pie
    assert pie.grams == pytest.approx(usda_grams(pie.food_id, "regular", 'pie (8-9" dia)'))


def test_one_pizza_of_no_whole_said_is_a_piece_even_of_whole_wheat(table) -> None:
    for line in ("a pizza", "a whole wheat pizza"):
        got = resolve(table, line)
        assert isinstance(got, Item), got
        assert got.grams == pytest.approx(usda_grams(got.food_id, "piece", "nfs")), line


@pytest.mark.parametrize(
    ("line", "unit", "modifier"),
    [
        ("a cheese quesadilla", "full", "circle"),  # not its half circle, USDA's standard portion
        ("a hard pretzel rod", "rod", ""),  # a shape said beside the food, not "1 pretzel stick" (1 g)
        ("a bite-sized fruit muffin", "bite", "size"),  # one item of the size, not a package of five
    ],
)
def test_one_item_is_the_usda_row_its_words_name(table, line: str, unit: str, modifier: str) -> None:
    got = resolve(table, line)
    assert isinstance(got, Item), got
    assert got.grams == pytest.approx(usda_grams(got.food_id, unit, modifier))


def test_a_king_size_package_usda_does_not_weigh_is_asked_not_its_smallest_package(table) -> None:
    got = resolve(table, "a king-size package of Reese's Peanut Butter Cups")
    assert isinstance(got, Problem), got
    assert "king" in got.reason


@pytest.mark.parametrize(
    ("line", "unit", "modifier", "times"),
    [
        ("a 6 inch turkey sub", "regular", 'or 6" submarine', 1),
        ("a footlong turkey sub", "regular", 'or 6" submarine', 2),  # two of USDA's 6" subs: no 12" row
        ('a 12" pizza', "medium", 'pizza (11-12" diameter)', 1),
        ("a nine-inch apple pie", "regular", 'pie (8-9" dia)', 1),
        ("a 6-inch Subway cold cut sub", "inch", "sub", 6),  # SR28 weighs Subway's subs by the inch
    ],
)
def test_a_size_in_inches_is_the_usda_row_of_that_size(
    table, line: str, unit: str, modifier: str, times: int
) -> None:
    got = resolve(table, line)
    assert isinstance(got, Item), got
    assert got.grams == pytest.approx(times * usda_grams(got.food_id, unit, modifier))


def test_a_size_in_inches_usda_does_not_weigh_is_said_on_the_line(table) -> None:
    got = resolve(table, "a 4 inch pancake")
    assert isinstance(got, Item), got
    assert any("USDA weighs no 4-inch size" in n for n in got.notes)


def test_a_coffee_shop_cup_size_is_its_volume_said_and_never_a_solid_food(table) -> None:
    latte = resolve(table, "a grande latte")
    assert isinstance(latte, Item) and "latte" in latte.food.lower()
    assert any("a grande taken as 16 fl oz" in n for n in latte.notes), latte.notes
    assert 450 < latte.grams < 510, latte  # 16 fl oz, 473 ml
    pike = resolve(table, "a venti pike place")  # a roast, never 340 g of pike
    assert isinstance(pike, Problem) and "cup size" in pike.reason, pike


def test_a_caramel_macchiato_is_a_flavored_latte_even_after_a_brand(table) -> None:
    # FNDDS files the name under its espresso macchiato: 16 fl oz of it was 273 mg of magnesium
    for line in ("a caramel macchiato", "Starbucks grande caramel macchiato"):
        drink = resolve(table, line)
        assert isinstance(drink, Item) and drink.food == "Coffee, Latte, flavored", drink
    espresso = resolve(table, "a macchiato")
    assert isinstance(espresso, Item) and espresso.food == "Coffee, macchiato", espresso


@pytest.mark.parametrize(
    "line",
    [
        "1 (15 ounce) can chickpeas, drained and rinsed",  # (it was 425 g: the can's net weight)
        "1 can chickpeas, drained",  # (it was 448 g: USDA's can of solids and liquids)
        "2 cans chickpeas, drained",
    ],
)
def test_a_drained_can_is_weighed_by_usdas_drained_can(table, line: str) -> None:
    out = resolve(table, line)
    cans = 2 if line.startswith("2") else 1
    assert isinstance(out, Item) and "chickpeas" in out.food.lower(), out
    assert out.grams == pytest.approx(cans * usda_grams("sr28:16358", "can", "drained"))
    assert any(n.startswith("drained: USDA's drained can") for n in out.notes), out.notes


def test_a_drained_can_of_a_stated_size_scales_usdas_drained_can_of_its_size(table) -> None:
    # USDA's "can (12.5 oz), drained" of light tuna in water, for a 5 oz can (it was 142 g: the net weight)
    out = resolve(table, "1 (5 oz) can tuna, drained")
    assert isinstance(out, Item), out
    assert out.grams == pytest.approx(usda_grams("sr28:15121", "can", "(12.5 oz), drained") * 5 / 12.5)


def test_no_can_of_a_stated_size_drained_is_no_grams_never_a_crash(table) -> None:
    # (the stated size was divided by the count of cans: "0 (15 oz) cans" raised ZeroDivisionError)
    out = resolve(table, "0 (15 oz) cans chickpeas, drained")
    assert isinstance(out, Item) and out.grams == 0, out


def test_a_drained_can_usda_gives_no_drained_weight_for_is_asked(table) -> None:
    # 425 g of canned black beans counted a 15 oz can's liquid as beans (~60 % over)
    out = resolve(table, "1 (15 oz) can black beans, drained")
    assert isinstance(out, Problem) and "holds its liquid" in out.reason, out


@pytest.mark.parametrize(
    ("line", "food_id", "modifier"),
    [("a chicken pot pie", "fndds:27347100", "pie"), ("a quiche", "fndds:58125110", "quiche")],
)
def test_one_dish_of_a_family_size_is_one_persons(table, line: str, food_id: str, modifier: str) -> None:
    # "a chicken pot pie" was USDA's "1 pie, any size" (1260 g), "a quiche" its 8-inch quiche (1212 g)
    out = resolve(table, line)
    assert isinstance(out, Item) and out.food_id == food_id, out
    assert out.grams == pytest.approx(usda_grams(food_id, "individual", modifier))
    whole = resolve(table, line.replace("a ", "a whole ", 1))
    assert isinstance(whole, Item) and whole.grams > 4 * out.grams, whole  # said whole, it is the whole


def test_cans_of_a_stated_size_are_usdas_canned_food(table) -> None:
    # "2 (14.5 oz) cans diced tomatoes" read as 29 oz and lost the cans: they were raw tomatoes
    out = resolve(table, "2 (14.5 oz) cans diced tomatoes")
    assert isinstance(out, Item) and "canned" in out.food.lower(), out
    assert out.grams == pytest.approx(29 * 28.349523125, rel=0.01)
