"""Everyday household measures, as people write them, become USDA foods and USDA's own gram weights.

This set does not come from Cronometer: the phrases are what people type into a food log, the expected
food is what a careful dietitian would pick, and every expected weight is read here from
data/portions.csv (USDA's household measures) or from the exact unit definitions, never copied from
mgb6's output. Vague vessels (glass, bowl, mug, handful) have no standard size: USDA's own row of that
name weighs one (FNDDS's "1 glass" of wine), else USDA's usual portion is assumed and said (tested in
tests/foods/test_assumed_amounts.py); a "shot" has no stand-in and stays unresolved with a hint.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

import pytest
from tests.conftest import ROOT

from mgb6.log.parse import parse_entry
from mgb6.models import Item, Problem
from mgb6.nutrition.tally import Scorer

OZ_G = 28.349523125  # avoirdupois ounce, exact
CUP_ML = 236.5882365  # US cup, exact
FL_OZ_ML = CUP_ML / 8
TBSP_ML = CUP_ML / 16


@lru_cache(maxsize=1)
def _portions() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    with (ROOT / "data" / "portions.csv").open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out.setdefault(r["food_id"], []).append(r)
    return out


def usda(food_id: str, unit: str, modifier: str = "") -> float:
    """Grams of one ``unit`` of ``food_id`` as USDA states it (first row whose modifier has ``modifier``)."""
    rows = [r for r in _portions().get(food_id, []) if r["unit"] == unit]
    if modifier:
        rows = [r for r in rows if modifier.lower() in r["modifier"].lower()]
    assert rows, f"USDA lists no {unit!r} ({modifier!r}) for {food_id}"
    return float(rows[0]["grams_per_unit"])


def resolve(scorer: Scorer, line: str) -> Item | Problem:
    entry = parse_entry(line)
    assert not isinstance(entry, Problem), entry
    return scorer.resolve(entry, None)


@pytest.fixture(scope="module")
def scorer(table) -> Scorer:
    return Scorer(table)


# (what people write, the food it must be: a USDA id or a pattern of its description, expected grams)
# Expected grams are built from USDA's rows: usda(food, unit, modifier) x amount, or exact unit maths.
CASES: list[tuple[str, str, float]] = [
    # fruit by count and size
    ("1 medium apple", "sr28:09003", usda("sr28:09003", "medium")),
    # one of no stated size: USDA's survey (FNDDS) weight for one of the same food; a size is SR28's row
    ("an apple", "sr28:09003", usda("fndds:63101000", "medium")),
    ("1 small apple", "sr28:09003", usda("sr28:09003", "small")),
    ("1 banana", "sr28:09040", usda("fndds:63107010", "banana")),
    ("1 large banana", "sr28:09040", usda("sr28:09040", "large")),
    ("an orange", "sr28:09200", usda("fndds:61119010", "fruit")),
    ("1 large orange", "sr28:09200", usda("sr28:09200", "large")),
    ("1 medium peach", "sr28:09236", usda("sr28:09236", "medium")),
    ("2 kiwis", "sr28:09148", 2 * usda("sr28:09148", "fruit")),
    ("5 strawberries", "sr28:09316", 5 * usda("fndds:63223020", "fruit")),
    ("10 grapes", "sr28:09132", 10 * usda("sr28:09132", "grapes")),
    ("1 cup blueberries", "sr28:09050", usda("sr28:09050", "cup")),
    ("half an avocado", "sr28:09037", 0.5 * usda("fndds:63105010", "fruit")),
    ("1 mango", "sr28:09176", usda("fndds:63129010", "mango")),
    ("2 dates", "sr28:09421", 2 * usda("sr28:09421", "date")),
    # vegetables by cup, chopped or cooked, and by piece
    ("a cup of broccoli", "sr28:11090", usda("sr28:11090", "cup", "chopped")),
    ("1 cup cooked broccoli", "sr28:11091", usda("sr28:11091", "cup", "chopped")),
    ("1 cup chopped onion", "sr28:11282", usda("sr28:11282", "cup", "chopped")),
    ("1 cup spinach", "sr28:11457", usda("sr28:11457", "cup")),
    ("1 cup cooked spinach", "sr28:11458", usda("sr28:11458", "cup")),
    ("1 medium baked potato", "sr28:11674", usda("sr28:11674", "potato", "medium")),
    ("1 carrot", "sr28:11124", usda("fndds:73101010", "regular")),
    ("1 ear of corn", "sr28:11167", usda("sr28:11167", "ear", "medium")),
    ("1 stalk celery", "sr28:11143", usda("sr28:11143", "stalk", "medium")),
    ("1 medium tomato", "sr28:11529", usda("sr28:11529", "medium")),
    ("1 cup cherry tomatoes", "sr28:11529", usda("sr28:11529", "cup", "cherry")),
    # grains and legumes by cup cooked, bread by slice
    ("1 cup cooked rice", "sr28:20045", usda("sr28:20045", "cup")),
    ("1 cup cooked brown rice", "sr28:20037", usda("sr28:20037", "cup")),
    ("1 cup cooked quinoa", "sr28:20137", usda("sr28:20137", "cup")),
    ("1 cup cooked oatmeal", "sr28:08121", usda("sr28:08121", "cup")),
    ("1 cup lentils", "sr28:16070", usda("sr28:16070", "cup")),
    ("1/2 cup black beans", "sr28:16015", 0.5 * usda("sr28:16015", "cup")),
    ("1 cup cooked chickpeas", "sr28:16057", usda("sr28:16057", "cup")),
    ("1 slice of bread", "sr28:18069", usda("sr28:18069", "slice")),
    ("1 slice whole wheat bread", "sr28:18075", usda("sr28:18075", "slice")),
    ("1 bagel", "sr28:18001", usda("sr28:18001", "bagel")),
    ("1 english muffin", "sr28:18258", usda("sr28:18258", "muffin")),
    ("1 packet instant oatmeal", "sr28:08123", usda("sr28:08123", "packet")),
    ("2 slices pizza", r"^Pizza, cheese", 2 * usda("fndds:58106225", "piece", "nfs")),  # size not said
    ("2 donuts", "fndds:53520000", 2 * usda("fndds:53520000", "doughnut")),  # named by USDA's description
    ("1 burrito", "fndds:58102300", usda("fndds:58102300", "small/regular")),  # FNDDS "small/regular"
    # meat and fish by oz and by piece
    ("3 oz chicken breast", "sr28:05064", 3 * OZ_G),
    # SR28 states its breast as "0.5 breast": mgb6 reads "1 breast" as USDA's whole unit (both halves)
    ("1 chicken breast", "sr28:05064", usda("sr28:05064", "breast", "bone and skin removed")),
    ("1 chicken thigh", "sr28:05098", usda("sr28:05098", "thigh")),
    ("4 oz salmon", "sr28:15237", 4 * OZ_G),
    ("1 fillet of cod", "sr28:15016", usda("sr28:15016", "fillet")),
    ("1 can of tuna", "sr28:15121", usda("sr28:15121", "can")),
    ("1 hamburger patty", "fndds:21500310", usda("fndds:21500310", "patty")),
    # nuts, nut butters and seeds
    ("1 oz almonds", "sr28:12061", OZ_G),
    ("10 almonds", "sr28:12061", 10 * usda("sr28:12061", "almond")),
    ("20 walnut halves", "sr28:12155", 20 * usda("sr28:12155", "cup", "50 halves") / 50),
    # SR28's cashews have no per-nut weight; FNDDS's "Cashews, NFS" is the same analysis with "1 nut"
    ("10 cashews", r"(?i)cashew", 10 * usda("fndds:42104000", "nut")),
    ("2 tbsp peanut butter", "sr28:16098", 2 * usda("sr28:16098", "tbsp")),
    ("1 tbsp almond butter", "sr28:12195", usda("sr28:12195", "tbsp")),
    ("1 tbsp chia seeds", "fndds:43108010", usda("fndds:43108010", "cup") * TBSP_ML / CUP_ML),
    ("1 tbsp flaxseed", "sr28:12220", usda("sr28:12220", "tbsp")),
    ("1 tbsp sesame seeds", "sr28:12023", usda("sr28:12023", "tbsp")),
    # dairy and eggs
    ("1 cup milk", "sr28:01079", usda("sr28:01079", "cup")),
    ("250 ml milk", "sr28:01079", 250 / CUP_ML * usda("sr28:01079", "cup")),
    ("1 cup greek yogurt", "fndds:11411390", usda("fndds:11411390", "cup")),  # milk not said: not nonfat
    ("1 slice cheddar cheese", "sr28:01009", usda("fndds:14104100", "slice")),
    ("1 oz cheddar", "sr28:01009", OZ_G),
    ("1 string cheese", "fndds:14107030", usda("fndds:14107030", "stick")),
    ("2 eggs", "sr28:01123", 2 * usda("sr28:01123", "large")),
    ("1 jumbo egg", "sr28:01123", usda("sr28:01123", "jumbo")),
    ("2 scrambled eggs", "sr28:01132", 2 * usda("sr28:01132", "large")),
    ("2 rashers of bacon", "sr28:10862", 2 * usda("sr28:10862", "slice")),  # a rasher: USDA's slice
    # drinks by cup, fl oz, can, bottle, ml and (where USDA lists it) glass
    ("1 cup of coffee", "sr28:14209", usda("sr28:14209", "cup")),
    ("8 fl oz orange juice", "sr28:09206", 8 * FL_OZ_ML / CUP_ML * usda("sr28:09206", "cup")),
    ("1 glass of wine", "fndds:93401010", usda("fndds:93401010", "glass")),
    ("1 can of beer", "sr28:14003", usda("sr28:14003", "can")),
    # USDA files "1 can or bottle (12 fl oz)" under "can"; FNDDS also has a 40 fl oz bottle
    ("1 bottle of beer", r"^(Beer|Alcoholic beverage, beer)", usda("fndds:93101000", "can", "12 fl oz")),
    ("1 scoop protein powder", "sr28:14058", usda("sr28:14058", "scoop")),
    ("1 espresso", "fndds:92101610", usda("fndds:92101610", "espresso")),
    ("2 coffees", "sr28:14209", 2 * usda("sr28:14209", "cup")),
    ("2 cans of soda", r"^Soft drink", 2 * usda("fndds:92400000", "can")),
    ("1 cup milk, whole", "sr28:01077", usda("sr28:01077", "cup")),  # USDA word order, same reviewed food
    # the size written after the food picks the portion, not the food
    ("1 apple, medium", "sr28:09003", usda("sr28:09003", "medium")),
    ("a slice of whole wheat toast", "sr28:18076", usda("sr28:18076", "slice")),
    ("1 cup cooked oats", "sr28:08121", usda("sr28:08121", "cup")),
    ("3 rice cakes", "sr28:19816", 3 * usda("sr28:19816", "cake")),
    ("2 slices deli turkey", "fndds:25230780", 2 * usda("fndds:25230780", "slice")),
    # fats and sweeteners
    ("1 tbsp olive oil", "sr28:04053", usda("sr28:04053", "tbsp")),
    ("1 tbsp honey", "sr28:19296", usda("sr28:19296", "tbsp")),
]


def _is(item: Item, food: str) -> bool:
    return item.food_id == food if ":" in food else bool(re.search(food, item.food))


@pytest.mark.parametrize(("line", "food", "grams"), CASES, ids=[c[0] for c in CASES])
def test_everyday_phrase_gets_the_usual_food_and_usdas_weight(
    scorer: Scorer, line: str, food: str, grams: float
) -> None:
    out = resolve(scorer, line)
    assert isinstance(out, Item), f"{line!r}: {out}"
    assert _is(out, food), f"{line!r} matched {out.food_id} {out.food}"
    assert out.grams == pytest.approx(grams, rel=0.01), f"{line!r}: {out.grams} g, notes {out.notes}"


@pytest.mark.parametrize("line", ["1 shot of espresso"])
def test_a_shot_without_a_usda_shot_portion_is_unresolved_with_a_hint(scorer: Scorer, line: str) -> None:
    # a shot has no stand-in: the food's usual portion (a cup of espresso) would be a confident wrong answer
    out = resolve(scorer, line)
    assert isinstance(out, Problem) and out.kind == "unresolved", out
    assert "not a standard measure" in out.reason and "grams" in out.reason


def test_a_glass_is_counted_only_where_usda_lists_one() -> None:
    glass = {fid for fid, rows in _portions().items() for r in rows if r["unit"] == "glass"}
    assert "fndds:93401010" in glass  # FNDDS's red wine: "1 glass" is USDA data, so it is used
    assert "sr28:01079" not in glass and "sr28:09206" not in glass  # milk, orange juice: none


@pytest.mark.parametrize(
    ("line", "food", "unit", "modifier"),
    [("banana", "fndds:63107010", "default", ""), ("apple", "fndds:63101000", "default", ""),
     ("coffee", "sr28:14209", "cup", ""), ("milk", "sr28:01079", "cup", ""),
     ("egg", "sr28:01123", "large", ""), ("bagel", "sr28:18001", "bagel", ""),
     ("beer", "sr28:14003", "can", ""), ("wine", "fndds:93401010", "glass", ""),
     ("greek yogurt", "fndds:11411390", "default", "")],
)  # fmt: skip
def test_no_amount_means_one_usual_usda_portion_and_the_note_says_so(
    scorer: Scorer, line: str, food: str, unit: str, modifier: str
) -> None:
    out = resolve(scorer, line)
    # (a fruit is SR28's, weighed as USDA's survey weighs one: the weight row is its FNDDS twin's)
    assert isinstance(out, Item) and out.food_id == SURVEY_TWIN_OF.get(food, food), out
    assert out.grams == pytest.approx(usda(food, unit, modifier))
    assert any(n.startswith("amount assumed (none given)") for n in out.notes), out.notes


SURVEY_TWIN_OF = {"fndds:63107010": "sr28:09040", "fndds:63101000": "sr28:09003"}


def test_no_amount_and_only_a_bare_ounce_measure_asks_for_an_amount(scorer: Scorer) -> None:
    # SR28 gives brie by the oz, the cup and the package: "1 oz" is a unit, not a portion, so SR28's brie
    # has no usual portion to assume (the line is then weighed with FNDDS's brie, which has one; meat and
    # fish take FDA's reference serving instead: test_assumed_amounts)
    from mgb6.foods.portions import to_grams

    table = scorer.table
    brie = table.by_id["sr28:01006"]
    g = to_grams(None, table.foods[brie], table.portions(brie), "brie")
    assert g.grams is None and "no amount given" in g.reason and "oz" in g.reason


def test_several_items_are_never_several_standard_portions(scorer: Scorer) -> None:
    # FNDDS lists dried apricots only by the cup, slice and a 40 g "Quantity not specified"
    out = resolve(scorer, "3 dried apricots")
    assert isinstance(out, Problem) or out.grams < 3 * usda("fndds:62104100", "default")


def test_a_plain_slice_of_fndds_bread_is_its_regular_slice(table) -> None:
    """FNDDS files "1 medium or regular slice" under "medium"; "slice, crust not eaten" is not a slice."""
    from mgb6.foods.portions import to_grams
    from mgb6.models import Quantity

    i = table.by_id["fndds:51101000"]  # Bread, white
    got = to_grams(Quantity(1, "slice"), table.foods[i], table.portions(i), "white bread")
    assert got.grams == pytest.approx(usda("fndds:51101000", "medium", "regular slice"))
    crust = to_grams(Quantity(1, "slice"), table.foods[i], table.portions(i), "white bread, crust not eaten")
    assert crust.grams == pytest.approx(usda("fndds:51101000", "slice", "crust not eaten"))


def test_a_cup_is_never_a_size_row_named_cup(table) -> None:
    """FNDDS's "1 medium ice cream cup" (240 g) is a serving vessel; "1 cup" is its 1-cup row."""
    from mgb6.foods.portions import to_grams
    from mgb6.models import Quantity

    i = table.by_id["fndds:13110100"]  # Ice cream, vanilla
    got = to_grams(Quantity(1, "cup"), table.foods[i], table.portions(i), "vanilla ice cream")
    assert got.grams == pytest.approx(usda("fndds:13110100", "cup"))


def test_a_food_usda_weighs_by_the_half_is_two_halves_each(scorer: Scorer) -> None:
    # SR28's dried apricots have a "half" row (3.5 g) and no whole one: FNDDS's 40 g standard portion is
    # no single apricot
    out = resolve(scorer, "1 dried apricot")
    assert isinstance(out, Item) and out.food_id == "sr28:09032", out
    assert out.grams == pytest.approx(2 * usda("sr28:09032", "half"))


@pytest.mark.parametrize("line", ["a bottle of water", "a 16.9 fl oz bottle of unsweetened water"])
def test_what_came_in_a_bottle_is_usdas_bottled_kind(scorer, line: str) -> None:
    item = scorer.resolve(parse_entry(line), None)
    assert isinstance(item, Item)
    assert "bottled" in item.food.lower()  # USDA's bottled water, not tap water (half its magnesium)
    item = scorer.resolve(parse_entry("a glass of water"), None)
    assert isinstance(item, Item) and "tap" in item.food.lower()


def test_a_measure_sr28_lacks_is_weighed_by_usdas_survey_row_for_the_same_food(scorer) -> None:
    item = scorer.resolve(parse_entry("a stick of mozzarella cheese"), None)
    assert isinstance(item, Item) and "mozzarella" in item.food.lower()
    assert item.grams == pytest.approx(usda("fndds:14107010", "stick"), abs=0.5)  # FNDDS's Mozzarella, NFS
    assert any("USDA's survey weight for Cheese, Mozzarella, NFS" in n for n in item.notes)


@pytest.mark.parametrize(
    ("line", "product", "survey_food", "unit"),
    [
        ("a miniature Snickers bar", "sr28:19155", "fndds:91705520", "miniature/bite"),
        ("a fun-size Twix caramel cookie bar", "sr28:19160", "fndds:91705080", "fun/snack"),
        # (a maker's capitals inside a word: "McDONALD'S, Egg McMUFFIN" lacks the survey's "1 regular")
        ("an Egg McMuffin", "sr28:21357", "fndds:34001330", "regular"),
    ],
)
def test_a_makers_product_is_weighed_by_the_survey_food_that_lists_it(
    scorer, line: str, product: str, survey_food: str, unit: str
) -> None:
    # SR28 has the bar but no miniature; FNDDS lists "Snickers" under the food whose rows weigh one
    item = scorer.resolve(parse_entry(line), None)
    assert isinstance(item, Item) and item.food_id == product, item
    assert item.grams == pytest.approx(usda(survey_food, unit), abs=0.5)


def test_a_name_the_survey_lists_under_another_kind_of_food_lends_no_weight(table) -> None:
    from mgb6.foods.portions import measure_twins

    twins = measure_twins(table)
    snickers = twins[table.by_id["sr28:19155"]]
    assert table.foods[snickers].id == "fndds:91705520"  # not FNDDS's Snickers ice cream bar
    # FNDDS lists "oatmeal" among a cookie's names: cooked oatmeal is no maker's product, and takes no weight
    from mgb6.foods.portions import _product_twins

    assert table.by_id["sr28:08121"] not in _product_twins(table, {})


def test_a_survey_food_is_found_past_sr28s_leading_kind(table, scorer) -> None:
    # "Snacks, banana chips" is FNDDS's "Banana chips"; "Snacks, popcorn, cheese-flavor" weighs as a popcorn
    from mgb6.foods.portions import survey_twins

    twin = survey_twins(table)[table.by_id["sr28:19400"]]
    assert table.foods[twin].description == "Banana chips"
    item = scorer.resolve(parse_entry("a single serving bag of cheese popcorn"), None)
    assert isinstance(item, Item) and "popcorn" in item.food.lower()
    assert "Popcorn, NFS" in " ".join(item.notes)


def test_a_container_sr28_has_no_row_for_is_the_surveys_usual_portion_of_the_same_food(scorer) -> None:
    # SR28's orange juice has no portion for a carton; FNDDS's "Orange juice, 100%, NFS" has its
    # "quantity not specified", said on the line as an assumed amount
    item = scorer.resolve(parse_entry("a carton of orange juice"), None)
    assert isinstance(item, Item) and "orange juice" in item.food.lower() and item.amount_assumed
    assert item.grams == pytest.approx(usda("fndds:61210000", "default"), abs=0.5)
    assert any("Orange juice, 100%, NFS" in n for n in item.notes)


def test_what_came_in_a_can_is_usdas_canned_kind_never_a_condensed_soup(scorer) -> None:
    item = scorer.resolve(parse_entry("a can of peaches"), None)
    assert isinstance(item, Item) and "canned" in item.food.lower()
    item = scorer.resolve(parse_entry("a can of chicken noodle soup"), None)
    assert isinstance(item, Item) and "condensed" not in item.food.lower()


def test_a_cubic_inch_is_usdas_cubic_inch_row(scorer) -> None:
    item = scorer.resolve(parse_entry("2 cubic inches of cheddar"), None)
    assert isinstance(item, Item) and item.grams == pytest.approx(2 * usda("sr28:01009", "cubic inch"))


def test_a_juice_container_sr28_lacks_is_weighed_by_fnddss_juice_of_any_kind(scorer) -> None:
    item = scorer.resolve(parse_entry("an individual school carton of orange juice"), None)
    assert isinstance(item, Item) and "orange juice" in item.food.lower()
    assert any("Orange juice, 100%, NFS" in n for n in item.notes)


def test_a_survey_food_built_from_the_sr28_entry_lends_its_weights(table, scorer) -> None:
    # FNDDS's "Chocolate candy" carries SR28's milk chocolate values unchanged: the same food, whose
    # miniature and fun sizes SR28 lacks; of two such foods, the plainer ("other, NFS" names more)
    from mgb6.foods.portions import measure_twins

    twin = measure_twins(table)[table.by_id["sr28:19120"]]
    assert table.foods[twin].id == "fndds:91705010"
    item = scorer.resolve(parse_entry("a miniature frosted cinnamon bun"), None)
    assert isinstance(item, Item) and item.food_id == "sr28:18964", item
    assert item.grams == pytest.approx(usda(table.foods[measure_twins(table)[table.by_id["sr28:18964"]]].id,
                                            "miniature"), abs=0.5)  # fmt: skip
    assert "survey weight" in " ".join(item.notes)


def test_one_sausage_of_no_size_is_usdas_link(scorer) -> None:
    item = scorer.resolve(parse_entry("a single chicken frankfurter"), None)
    assert isinstance(item, Item) and item.food_id == "sr28:07024", item
    assert item.grams == pytest.approx(usda("sr28:07024", "link"))


def test_a_size_sr28_lacks_is_weighed_by_the_surveys_row_of_that_size(scorer) -> None:
    # SR28 weighs one iced chocolate cookie of no size (8 g); FNDDS's same food has small, medium and large
    for size in ("small", "large"):
        item = scorer.resolve(parse_entry(f"a {size} chocolate cookie with icing"), None)
        assert isinstance(item, Item) and item.food_id == "sr28:28294", item
        assert item.grams == pytest.approx(usda("fndds:53209005", size))
        assert "survey weight" in " ".join(item.notes)


def test_a_cup_of_cream_not_said_whipped_is_its_fluid_cup(table) -> None:
    # "1 cup heavy cream" was SR28's "cup, whipped" row, 120 g: half the cream
    scorer = Scorer(table)
    fluid = resolve(scorer, "1 cup heavy cream")
    assert isinstance(fluid, Item) and fluid.grams == pytest.approx(
        usda(fluid.food_id, "cup", "fluid"), rel=0.01
    )
    whipped = resolve(scorer, "1 cup heavy cream, whipped")
    assert isinstance(whipped, Item) and whipped.grams < fluid.grams / 2
