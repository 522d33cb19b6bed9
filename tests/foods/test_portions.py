"""Household measures turn into USDA's own gram weights; the notes say how, in plain words."""

from __future__ import annotations

import csv

import pytest
from tests.conftest import ROOT

from mgb6.foods.portions import label, oz_means_fl_oz
from mgb6.log.parse import parse_entry
from mgb6.log.units import MASS_G, VOLUME_ML
from mgb6.models import Food, Item, Problem
from mgb6.nutrition.tally import Scorer


def usda_grams(food_id: str, unit: str, modifier_word: str = "") -> float:
    """The gram weight of one ``unit`` of ``food_id`` as data/portions.csv (USDA) states it."""
    with (ROOT / "data" / "portions.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["food_id"] == food_id and r["unit"] == unit]
    rows = [r for r in rows if modifier_word in r["modifier"]] if modifier_word else rows
    assert rows, f"USDA lists no {unit!r} ({modifier_word}) for {food_id}"
    return float(rows[0]["grams_per_unit"])


def resolve(table, line: str) -> Item:
    entry = parse_entry(line)
    assert not isinstance(entry, Problem), entry
    out = Scorer(table).resolve(entry, None)
    assert isinstance(out, Item), f"{line!r}: {out}"
    return out


# line, food id it must match, amount, USDA unit, a word of the USDA modifier that identifies the row
HOUSEHOLD = [
    ("1 medium banana", "sr28:09040", 1, "medium", ""),
    ("2 tbsp peanut butter", "sr28:16098", 2, "tbsp", ""),
    ("1 cup cooked quinoa", "sr28:20137", 1, "cup", ""),
    ("1 large egg", "sr28:01123", 1, "large", ""),
    ("2 eggs", "sr28:01123", 2, "large", ""),
    ("1 slice whole wheat bread", "sr28:18075", 1, "slice", ""),
    ("1 cup milk", "sr28:01079", 1, "cup", ""),
    ("8 fl oz milk", "sr28:01079", 8, "fl oz", ""),
    ("1 can tuna", "sr28:15121", 1, "can", ""),
    ("1 medium sweet potato", "sr28:11508", 1, "medium", ""),
    ("1 medium avocado", "sr28:09037", 1, "avocado", ""),
    ("1 cup chopped broccoli", "sr28:11090", 1, "cup", "chopped"),
    ("5 cherry tomatoes", "sr28:11529", 5, "cherry", ""),
    ("1 medium corn on the cob", "sr28:11168", 1, "ear", "medium"),
    ("1 potato", "sr28:11674", 1, "potato", "medium"),
    ("1/2 cup black beans", "sr28:16015", 0.5, "cup", ""),
    ("1 tbsp olive oil", "sr28:04053", 1, "tbsp", ""),
    ("a medium banana", "sr28:09040", 1, "medium", ""),
    ("1 cup cooked lentils", "sr28:16070", 1, "cup", ""),
    ("2 slices white bread", "sr28:18069", 2, "slice", ""),
]


@pytest.mark.parametrize(("line", "food_id", "amount", "unit", "modifier"), HOUSEHOLD)
def test_household_measure_gives_usdas_gram_weight(table, line, food_id, amount, unit, modifier) -> None:
    item = resolve(table, line)
    assert item.food_id == food_id, item.food
    assert item.grams == pytest.approx(amount * usda_grams(food_id, unit, modifier), rel=1e-3)


def test_ounces_of_almonds_are_a_mass_not_a_portion(table) -> None:
    item = resolve(table, "1 oz almonds")
    assert item.grams == pytest.approx(MASS_G["oz"])
    assert item.grams == pytest.approx(usda_grams("sr28:12061", "oz"), rel=1e-3)


def test_millilitres_go_through_the_foods_cup_weight(table) -> None:
    item = resolve(table, "250 ml milk")
    expected = 250 / VOLUME_ML["cup"] * usda_grams("sr28:01079", "cup")
    assert item.grams == pytest.approx(expected, rel=1e-3)


def test_a_tablespoon_of_a_food_with_only_a_cup_measure_is_scaled_from_the_cup(table) -> None:
    item = resolve(table, "2 tbsp pumpkin seeds")
    cup = usda_grams("sr28:12014", "cup")
    assert item.grams == pytest.approx(2 * VOLUME_ML["tbsp"] / VOLUME_ML["cup"] * cup, rel=1e-3)
    assert any("1 cup" in n for n in item.notes)


def test_count_notes_name_the_usda_portion_once(table) -> None:
    item = resolve(table, "2 eggs")
    note = "; ".join(item.notes)
    assert "used 1 large (50 g)" in note
    for line in ("2 eggs", "1 banana", "3 dates", "an apple", "1 medium avocado"):
        text = "; ".join(resolve(table, line).notes)
        assert "1 1 " not in text and "(1 " not in text, text


def test_missing_size_is_said_and_the_whole_item_used(table) -> None:
    item = resolve(table, "1 medium avocado")
    assert any("no 'medium' size" in n for n in item.notes)


def test_no_amount_uses_a_stated_standard_portion(table) -> None:
    item = resolve(table, "banana")
    assert item.grams and any(n.startswith("amount assumed (none given)") for n in item.notes)


def test_unit_the_matched_food_lacks_switches_to_an_equally_good_food_and_says_so(table) -> None:
    item = resolve(table, "1 cup kidney beans, canned, drained")
    assert item.grams is not None
    assert any("no cup measure" in n and item.food in n for n in item.notes)


def test_unit_no_candidate_has_is_reported_not_guessed(table) -> None:
    entry = parse_entry("2 slices salmon")
    out = Scorer(table).resolve(entry, None)
    assert isinstance(out, Problem) and out.kind == "unresolved" and "give grams" in out.reason


def test_label_reads_like_a_measure() -> None:
    from mgb6.models import Portion

    assert label(Portion("egg", "", 50.0, "1 egg")) == "1 egg (50 g)"
    assert label(Portion("fruit", "", 150.0, "fruit")) == "1 fruit (150 g)"
    assert label(Portion("default", "quantity not specified", 85.0, "Quantity not specified")).startswith(
        "USDA's standard portion"
    )


def test_a_food_starting_with_a_is_not_read_as_the_amount_a(table) -> None:
    """ "apple" is not "a pple", "almonds 30g" is 30 g of almonds (not one "lmonds")."""
    assert resolve(table, "almonds 30g").grams == pytest.approx(30.0)
    item = resolve(table, "avocado")
    assert item.food_id == "sr28:09037"
    assert any(n.startswith("amount assumed (none given)") for n in item.notes)


def _food_row(description: str) -> Food:
    with (ROOT / "data" / "foods.csv").open(newline="", encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["description"] == description)
    return Food(row["id"], row["source"], row["description"], row["name"], row["category"], *(None,) * 3, "")


@pytest.mark.parametrize(("line", "amount"), [("8 oz milk", 8), ("12 oz coffee", 12), ("16 oz soda", 16)])
def test_oz_of_a_drink_is_read_as_fluid_ounces(table, line: str, amount: float) -> None:
    item = resolve(table, line)
    assert item.grams == pytest.approx(amount * usda_grams(item.food_id, "fl oz"))
    assert any("oz read as fl oz" in n for n in item.notes)


def test_oz_of_a_solid_food_stays_a_weight(table) -> None:
    item = resolve(table, "4 oz chicken breast")
    assert item.grams == pytest.approx(4 * MASS_G["oz"])
    assert not any("fl oz" in n for n in item.notes)


@pytest.mark.parametrize(
    ("description", "poured"),
    [
        ("Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D", True),
        ("Beverages, coffee, brewed, prepared with tap water", True),
        ("Milk, dry, nonfat, instant, with added vitamin A and vitamin D", False),  # milk powder
        ("Coffee, instant, not reconstituted", False),
        ("Watermelon, raw", False),  # "water" is not a whole word here
        ("Candies, milk chocolate", False),  # nor "cola" in "chocolate"
        ("Coffeecake, cheese", False),
    ],
)
def test_only_a_poured_drink_reads_oz_as_fl_oz(description: str, poured: bool) -> None:
    assert oz_means_fl_oz(_food_row(description)) is poured


def test_no_amount_never_assumes_the_package_the_food_is_sold_in() -> None:
    from mgb6.foods.portions import default_portion
    from mgb6.models import Portion

    # SR28 lists a tub of frosting first (458 g); a line without an amount ate a serving of it
    tub = Portion("package", "", 457.8, "package")
    spoon = Portion("tbsp", "creamy", 16.5, "tbsp creamy")
    assert default_portion([tub, spoon], set(), None) == spoon
    # a single-serve package with no other measure is still the portion
    bag = Portion("package", "1.25 oz", 35.0, "package 1.25 oz")
    assert default_portion([bag, Portion("oz", "", 28.35, "oz")], set(), None) == bag


@pytest.mark.parametrize(
    ("line", "food_id", "unit", "modifier"),
    [
        ("a miniature MILKY WAY bar", "sr28:19135", "piece", "miniature"),
        ("2 fun size snickers", "sr28:19155", "bar", "fun size"),
        ("a king size snickers", "sr28:19155", "bar", "king size"),
    ],
)
def test_the_size_a_product_is_sold_in_is_usdas_row_of_that_size(table, line, food_id, unit, modifier):
    item = resolve(table, line)
    count = 2 if line.startswith("2 ") else 1
    grams = count * usda_grams(food_id, unit, modifier)
    assert item.food_id == food_id and item.grams == pytest.approx(grams)


def test_a_size_usda_does_not_list_is_asked_for_never_the_full_size(table) -> None:
    # SR28 lists the Nutrageous bar's full size only, and no survey food lists the product: ask, never 47 g
    # (a miniature Snickers is weighed by the FNDDS food listing "Snickers": test_household_measures.py)
    out = Scorer(table).resolve(parse_entry("a miniature Reese's Nutrageous bar"), None)
    assert isinstance(out, Problem) and "miniature" in out.reason
    assert resolve(table, "king crab").food_id != "sr28:19155"  # "king" alone is no size


def test_one_of_no_stated_size_weighs_what_usdas_survey_takes_it_to_weigh(table) -> None:
    # "a banana": FNDDS's "1 banana" (the survey's weight), the values still SR28's "Bananas, raw"
    banana = resolve(table, "a banana")
    assert banana.food_id == "sr28:09040"
    assert banana.grams == pytest.approx(usda_grams("fndds:63107010", "banana"))
    assert any("survey weight for Banana, raw" in n for n in banana.notes)
    # a stated size is SR28's row of that size
    medium = resolve(table, "a medium banana")
    assert medium.grams == pytest.approx(usda_grams("sr28:09040", "medium"))
    # a variety FNDDS does not name keeps SR28's own weight ("Dates, medjool" is no FNDDS "Date")
    date = resolve(table, "1 medjool date")
    assert not any("survey weight" in n for n in date.notes)


def test_a_size_of_a_serving_usda_does_not_list_is_the_usual_portion_never_one_piece(table) -> None:
    # "a small order of french fries" was "1 fry, NS as to shape" (5 g)
    fries = resolve(table, "a small order of french fries")
    assert fries.amount_assumed and any("'small order' is no USDA portion" in n for n in fries.notes)
    assert fries.grams == pytest.approx(usda_grams(fries.food_id, "default"))


def test_a_size_of_many_pieces_is_a_serving_never_one_piece(table) -> None:
    # "medium fries": FNDDS's fries NFS has no sizes, only "1 fry" (5 g): its usual portion, said
    item = resolve(table, "medium fries")
    assert item.grams > 5 * usda_grams(item.food_id, "fry") and item.amount_assumed, item


def test_so_many_of_a_size_are_so_many_pieces(table) -> None:
    item = resolve(table, "5 large olives")
    assert item.grams == pytest.approx(5 * usda_grams(item.food_id, "large"))


def test_one_dish_named_by_another_word_of_its_name_is_one_dish_not_one_of_its_eggs(table) -> None:
    # FNDDS weighs "Egg omelet or scrambled egg, with cheese" by the egg: "a cheese omelet" is one omelet
    item = resolve(table, "a cheese omelet")
    assert item.grams > usda_grams(item.food_id, "egg"), item


def test_a_sized_piece_usda_weighs_no_size_of_says_so_or_is_asked(table) -> None:
    item = resolve(table, "a small slice of cake")
    assert "USDA weighs no 'small slice'" in " ".join(item.notes)
    out = Scorer(table).resolve(parse_entry("a large piece of chicken"), None)
    assert isinstance(out, Problem) or out.grams < 300, out  # never a whole chicken (598 g)


@pytest.mark.parametrize(
    ("line", "food_id", "unit", "modifier_word"),
    [
        # a size said of a slice chooses among the slices: "a large slice of pizza" was the 954 g pizza
        ("a large slice of pizza", "fndds:58106225", "piece", "large pizza"),
        ("a large slice of bread", "sr28:18069", "slice", "large"),
        # a size said of the food is the row of that size naming it: FNDDS's "1 large breast" (185 g), not
        # its "1 large or thick slice" (85 g)
        ("a large chicken breast, grilled with sauce, skin not eaten", "fndds:24123311", "large", "breast"),
        # skin said off or on picks USDA's food and its row
        ("a chicken thigh, skin removed", "sr28:05098", "thigh", "without skin"),
        ("a skinless chicken thigh", "sr28:05098", "thigh", "without skin"),
        ("For lunch I had a baked chicken thigh with no skin", "sr28:05098", "thigh", "without skin"),
        ("chicken thigh, with skin", "sr28:05094", "thigh", "with skin"),
    ],
)
def test_the_size_or_skin_a_line_says_picks_usdas_food_and_its_row(
    table, line: str, food_id: str, unit: str, modifier_word: str
) -> None:
    item = resolve(table, line)
    assert item.food_id == food_id, item
    assert item.grams == pytest.approx(usda_grams(food_id, unit, modifier_word))


def test_a_piece_of_a_food_eaten_by_the_piece_is_one_of_them_never_the_whole_animal(table) -> None:
    # "6 pieces of chicken nuggets" was asked; FNDDS weighs "1 nugget"
    item = resolve(table, "6 pieces of chicken nuggets")
    assert item.grams == pytest.approx(6 * usda_grams(item.food_id, "nugget")), item
    # ... while "a piece of chicken" is still no whole chicken (598 g)
    item = resolve(table, "a piece of chicken")
    assert item.grams < 300, item
    # and "a piece of fried chicken" is FNDDS's piece of fried chicken, never 13 g of SR28's giblets
    item = resolve(table, "a piece of fried chicken")
    assert item.grams == pytest.approx(usda_grams(item.food_id, "piece")) and "giblets" not in item.food, item
