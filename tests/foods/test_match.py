"""The matcher picks the USDA food a careful reader would, honours preparation, and says when it cannot."""

from __future__ import annotations

import csv
import re

import pytest
from tests.conftest import ROOT

from mgb6.foods.match import MIN_CONFIDENCE, match, search
from mgb6.foods.words import normalize

# Everyday phrase -> the USDA food it must match: an exact id, or a regex on the USDA description.
EVERYDAY = [
    ("chicken breast", "sr28:05064"),
    ("grilled chicken breast", r"^Chicken, .*breast.*cooked"),
    ("chicken breast, raw", r"^Chicken, .*breast.*\braw"),
    ("chicken thigh, roasted", r"^Chicken, broilers or fryers, thigh, meat only, cooked, roasted"),
    ("eggs", "sr28:01123"),
    ("egg", "sr28:01123"),
    ("scrambled eggs", r"^Egg, whole, cooked, scrambled"),
    ("eggs, scrambled", r"^Egg, whole, cooked, scrambled"),
    ("hard boiled egg", r"^Egg, whole, cooked, hard-boiled"),
    ("egg whites", r"^Egg, white, raw"),
    ("rice", r"^Rice, white, long-grain, regular, enriched, cooked"),
    ("white rice", r"^Rice, white, .*cooked"),
    ("brown rice", r"^Rice, brown, long-grain, cooked"),
    ("brown rice, cooked", r"^Rice, brown, .*cooked"),
    ("cooked oatmeal", r"^Cereals, oats, .*cooked with water"),
    ("oatmeal", r"^Cereals, oats, .*cooked with water"),
    ("rolled oats", r"^Cereals, oats, regular and quick, not fortified, dry"),
    ("oats, dry", r"^Cereals, oats, .*dry"),
    ("salmon", r"^Fish, salmon, .*cooked"),
    ("salmon fillet, baked", r"^Fish, salmon, .*(cooked|baked)"),
    ("raw salmon", r"^Fish, salmon, .*raw"),
    ("sockeye salmon", r"^Fish, salmon, sockeye"),
    ("almonds", "sr28:12061"),
    ("roasted almonds", r"^Nuts, almonds, dry roasted"),
    ("walnuts", "sr28:12155"),
    ("walnut halves", "sr28:12155"),
    ("cashews", r"^Nuts, cashew nuts"),
    ("cashews, raw", r"^Nuts, cashew nuts, raw"),
    ("pecans", r"^Nuts, pecans"),
    ("tofu", r"^Tofu"),
    ("chickpeas", r"^Chickpeas .*cooked, boiled"),
    ("canned chickpeas", r"^Chickpeas .*canned"),
    ("black beans", r"^Beans, black, mature seeds, cooked"),
    ("black beans, canned", r"^Beans, black, .*canned"),
    ("kidney beans, canned, drained", r"^Beans, kidney, .*canned"),
    ("shrimp", r"^Crustaceans, shrimp, .*cooked"),
    ("prawns", r"^Crustaceans, shrimp, .*cooked"),
    ("lentils", r"^Lentils, mature seeds, cooked, boiled"),
    ("cooked lentils", r"^Lentils, mature seeds, cooked, boiled"),
    ("lentils, boiled", r"^Lentils, mature seeds, cooked, boiled"),
    ("lentils, raw", r"^Lentils, raw"),
    ("spinach", r"^Spinach, raw"),
    ("cooked spinach", r"^Spinach, cooked"),
    ("banana", r"^Bananas, raw"),
    ("bananas", r"^Bananas, raw"),
    ("banan", r"^Bananas, raw"),
    ("avocado", r"^Avocados, raw"),
    ("sweet potato", r"^Sweet potato, cooked, baked"),
    ("potato", r"^Potatoes, baked"),
    ("baked potato", r"^Potatoes, baked"),
    ("boiled potatoes", r"^Potatoes, boiled"),
    ("yogurt", r"^Yogurt, plain"),
    ("greek yogurt", r"^Yogurt, Greek, .*plain"),
    ("milk", r"^Milk, reduced fat, fluid, 2%"),
    ("whole milk", r"^Milk, whole"),
    ("skim milk", r"^Milk, nonfat"),
    ("soy milk", r"^Soymilk"),
    ("oat milk", r"^Oat milk"),
    ("coffee", r"^Beverages, coffee, brewed"),
    ("tea", r"^Beverages, tea, black, brewed"),
    ("green tea", r"^Beverages, tea, green, brewed"),
    ("peanut butter", r"^Peanut butter, smooth"),
    ("whole wheat bread", r"^Bread, whole-wheat"),
    ("quinoa", r"^Quinoa, cooked"),
    ("cooked quinoa", r"^Quinoa, cooked"),
    ("quinoa, uncooked", r"^Quinoa, uncooked"),
    ("dark chocolate", r"^Chocolate, dark"),
    ("pumpkin seeds", r"^Seeds, pumpkin and squash seed kernels, dried"),
    ("pumpkin seeds, roasted", r"^Seeds, pumpkin .*roasted"),
    ("sunflower seeds, roasted", r"^Seeds, sunflower .*roasted"),
    ("chia seeds", r"^(Seeds, )?[Cc]hia seeds"),
    ("tuna", r"^Fish, tuna, light, canned in water"),
    ("tuna, canned in oil", r"^Fish, tuna, .*canned in oil"),
    ("beef steak", r"^Beef, .*steak"),
    ("broccoli", r"^Broccoli, raw"),
    ("brocoli", r"^Broccoli, raw"),
    ("chopped broccoli", r"^Broccoli, raw"),
    ("broccoli, boiled", r"^Broccoli, cooked, boiled, drained, without salt"),
    ("steamed broccoli", r"^Broccoli, cooked"),
    ("spinach, frozen", r"^Spinach, frozen"),
    ("butternut squash, baked", r"^Squash, winter, butternut, cooked, baked"),
    ("chickn brest", "sr28:05064"),
    ("apple", r"^Apples, raw, with skin"),
    ("strawberries", r"^Strawberries, raw"),
    ("raspberries, fresh", r"^Raspberries, raw"),
    ("orange juice", r"^Orange juice"),
    ("fresh figs", r"^Figs?, raw"),
    ("papaya", r"^Papayas?, raw"),
    ("swiss chard", r"^Chard, swiss"),
    ("pancakes", r"^Pancakes"),
    ("apple pie", r"^Pie, apple"),
    ("lentil soup", r"^Soup, lentil"),
    ("frozen broccoli florets, organic", r"^Broccoli, frozen"),
    ("white bread, store bought", r"^Bread, white"),
]

GIBBERISH = ["xqzzy blorf", "asdf qwerty", "the thing i had", "zzzz"]


def _description(table, text: str) -> tuple[str, str]:
    m, _ = match(text, table)
    assert m is not None, f"{text!r} did not match"
    food = table.foods[m.food_index]
    return food.id, food.description


@pytest.mark.parametrize(("phrase", "expected"), EVERYDAY)
def test_everyday_phrase_matches_the_usual_usda_food(table, phrase: str, expected: str) -> None:
    food_id, description = _description(table, phrase)
    if expected.startswith(("sr28:", "fndds:")):
        assert food_id == expected, description
    else:
        assert re.search(expected, description), f"{phrase!r} -> {description}"


@pytest.mark.parametrize("text", GIBBERISH)
def test_gibberish_is_unmatched_with_at_most_three_candidates(table, text: str) -> None:
    m, candidates = match(text, table)
    assert m is None
    assert len(candidates) <= 3


@pytest.mark.parametrize("word", ["moist", "crispy", "hydrated"])
def test_a_word_that_names_no_food_matches_nothing_however_well_it_scores(table, word: str) -> None:
    # "moist" is only ever USDA's "cooked, moist heat" (oysters, crab): not a food the user named
    assert match(word, table)[0] is None


@pytest.mark.parametrize(
    ("text", "plain"),
    [("warm oatmeal", "oatmeal"), ("crispy bacon", "bacon"), ("cold milk", "milk"), ("juicy steak", "steak")],
)
def test_a_texture_or_temperature_word_leaves_the_everyday_food_it_describes(table, text, plain) -> None:
    assert match(text, table)[0] == match(plain, table)[0]._replace(method="alias")


def test_a_rare_describing_word_does_not_hide_the_food_it_describes(table) -> None:
    # "creamy" is rare in USDA's names (dressings, frostings); the food named is milk
    m, _ = match("creamy whole milk", table)
    assert m is not None and table.foods[m.food_index].description.lower().startswith("milk, whole")


@pytest.mark.parametrize(("name", "food"), [("cheetos", "(Cheetos)"), ("powerade", "(Powerade)"),
                                             ("ensure", "(Ensure)")])  # fmt: skip
def test_a_product_fndds_names_in_parentheses_is_found_by_that_name(table, name: str, food: str) -> None:
    m, _ = match(name, table)
    assert m is not None and table.foods[m.food_index].description.endswith(food)


@pytest.mark.parametrize("word", ["fries", "chips", "fish", "nuts", "sandwich"])
def test_a_generic_word_is_fnddss_not_further_specified_food(table, word: str) -> None:
    # "fries" was read as "fried" (an egg), "chips" as bagel chips, "fish" as fish sauce
    m, _ = match(word, table)
    assert m is not None and table.foods[m.food_index].description.endswith("NFS")


def test_a_food_fndds_names_after_its_group_is_still_a_food(table) -> None:
    m, _ = match("cappuccino", table)
    assert m is not None and "cappuccino" in table.foods[m.food_index].description.lower()


def test_vague_text_lists_three_candidates_for_the_report(table) -> None:
    m, candidates = match("the thing i had", table)
    assert m is None and len(candidates) == 3


COOKED_FORMS = ["cooked lentils", "boiled chickpeas", "cooked black beans", "cooked quinoa", "cooked rice",
                "baked salmon", "roasted chicken breast", "boiled broccoli", "cooked spinach",
                "boiled potatoes", "grilled zucchini", "roasted brussels sprouts", "cooked carrots",
                "steamed asparagus", "cooked kale", "boiled eggs", "cooked oatmeal",
                "cooked pinto beans"]  # fmt: skip
RAW_FORMS = ["raw lentils", "raw chickpeas", "raw spinach", "raw carrots", "raw salmon", "uncooked quinoa",
             "raw broccoli", "raw almonds", "raw egg", "fresh raspberries"]  # fmt: skip
COOKED = re.compile(
    r"(?<!un)cooked|boiled|roasted|baked|grilled|steamed|broiled|fried|stewed|braised|(?<!un)prepared"
)


@pytest.mark.parametrize("text", COOKED_FORMS)
def test_a_cooked_word_never_matches_a_raw_food(table, text: str) -> None:
    _, description = _description(table, text)
    assert COOKED.search(description) or "raw" not in description.lower(), description


@pytest.mark.parametrize("text", RAW_FORMS)
def test_a_raw_word_never_matches_a_cooked_food(table, text: str) -> None:
    _, description = _description(table, text)
    assert not COOKED.search(description) or "raw" in description.lower(), description


def test_a_form_the_user_wrote_is_kept(table) -> None:
    forms = [("canned kidney beans", "canned"), ("dried figs", "dried"), ("smoked salmon", "smoked"),
             ("frozen peas", "frozen")]  # fmt: skip
    for text, form in forms:
        _, description = _description(table, text)
        assert form in description.lower(), (text, description)


def test_plain_food_beats_its_products(table) -> None:
    """ "walnuts" is the nut, not walnut oil; "banana" the fruit, not chips; "almonds" not almond chicken."""
    pairs = [
        ("walnuts", "oil"),
        ("banana", "chip"),
        ("almonds", "chicken"),
        ("coconut water", "sweetened,"),
        ("meatballs", "meatless"),
        ("lemonade", "vodka"),
        ("tacos", "fish"),
        ("sausage", "meatless"),
    ]
    for text, word in pairs:
        _, description = _description(table, text)
        assert word not in description.lower().replace("unsweetened", ""), (text, description)


def test_the_named_food_wins_over_what_it_comes_with(table) -> None:
    _, description = _description(table, "spaghetti, with pesto sauce")
    assert not description.lower().startswith("pesto")


def test_confidence_is_a_percentage_and_fuzzy_matches_clear_the_threshold(table) -> None:
    for phrase, _ in EVERYDAY:
        m, _ = match(phrase, table)
        assert m is not None and MIN_CONFIDENCE <= m.confidence <= 100.0


def test_search_ranks_best_first(table) -> None:
    ranked = search("cooked brown rice", table, limit=5)
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True) and len(ranked) == 5


def _alias_rows() -> list[dict[str, str]]:
    with (ROOT / "data" / "aliases.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_alias_table_has_a_few_hundred_rows_each_pointing_at_a_known_food(table) -> None:
    rows = _alias_rows()
    assert len(rows) >= 300
    for r in rows:
        assert r["food_id"] in table.by_id, r


def test_no_two_aliases_collide_on_different_foods() -> None:
    seen: dict[str, str] = {}
    for r in _alias_rows():
        key = normalize(r["phrase"])
        assert seen.setdefault(key, r["food_id"]) == r["food_id"], r["phrase"]


def test_alias_count_units_are_portions_usda_lists_for_that_food(table) -> None:
    for r in _alias_rows():
        if r["unit"]:
            units = {p.unit for p in table.portions(table.by_id[r["food_id"]])}
            assert r["unit"] in units, (r["phrase"], r["unit"], units)


def test_every_alias_phrase_matches_its_own_food(table) -> None:
    for r in _alias_rows():
        m, _ = match(r["phrase"], table)
        assert m is not None and table.foods[m.food_index].id == r["food_id"], r["phrase"]


def test_cooked_from_fresh_is_cooked_not_raw(table) -> None:
    _, description = _description(table, "french fries, cooked from fresh")
    assert "french fries" in description.lower() and "fried" in description.lower()


def test_a_cooking_word_reaches_the_food_it_cooks(table) -> None:
    """Shortlisting by the food's own words: "sauteed mushrooms" are mushrooms, cooked."""
    _, description = _description(table, "sauteed mushrooms")
    assert description.startswith("Mushrooms") and "raw" not in description


def test_a_word_found_only_in_synonym_lists_is_not_a_confident_match(table) -> None:
    m, candidates = match("flatbread, white", table)
    assert m is None and candidates


def test_a_food_said_without_something_is_usdas_food_with_no_such_thing(table) -> None:
    (hit,) = [table.foods[f].description for f, _ in search("cinnamon bun without frosting", table, limit=1)]
    assert hit == "Roll, sweet, cinnamon bun, no frosting"
    m, _ = match("cheese pizza", table)
    assert m is not None and "no cheese" not in table.foods[m.food_index].description


def test_baby_food_written_as_two_words_is_usdas_babyfood(table) -> None:
    m, _ = match("strained dutch apple dessert baby food", table)
    assert (
        m is not None and table.foods[m.food_index].description == "Babyfood, dessert, dutch apple, strained"
    )
    assert normalize("Babyfood, cookies") == normalize("baby food cookies")


def test_low_fat_written_any_way_is_usdas_lowfat(table) -> None:
    # USDA writes "lowfat" and "low fat"; people write "low-fat"
    assert normalize("Granola bar, lowfat") == normalize("granola bar, low-fat")
    m, _ = match("low-fat granola bar", table)
    assert m is not None and table.foods[m.food_index].description == "Cereal or granola bar, lowfat, NFS"


def test_what_a_food_is_for_is_not_the_food(table) -> None:
    # "honey for my herbal tea" is honey, never the tea it went into: asked rather than tea
    m, _ = match("honey for my herbal tea", table)
    assert m is None or "Tea" not in table.foods[m.food_index].description
    m, _ = match("syrup for pancakes", table)
    assert m is not None and "syrup" in table.foods[m.food_index].description.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("homemade beef broth without tomato", "Soup, beef broth or bouillon canned, ready-to-serve"),
        ("chicken broth, no salt", "Soup, chicken broth, ready-to-serve"),
        ("pizza without cheese", "Pizza, no cheese"),
        ("frozen dessert, completely dairy-free", "Frozen dessert, non-dairy"),  # USDA's "non-" says "no"
    ],
)
def test_what_a_line_says_its_food_came_without_is_no_food_to_find(table, text: str, expected: str) -> None:
    m, _ = match(text, table)
    assert m is not None and table.foods[m.food_index].description.startswith(expected)


def test_a_food_usda_names_without_what_the_line_has_is_never_it(table) -> None:
    # "Chicken, canned, no broth" is no chicken broth, whatever else the line goes without
    m, _ = match("chicken broth, no salt", table)
    assert m is not None and "no broth" not in table.foods[m.food_index].description


def test_a_kind_of_food_named_alone_is_asked_unless_usda_has_its_unspecified_food(table) -> None:
    m, candidates = match("seeds", table)
    assert m is None and candidates  # not celery seed
    for text, expected in (("fish", "Fish, NFS"), ("NFS candy", "Candy, NFS")):
        m, _ = match(text, table)
        assert m is not None and table.foods[m.food_index].description == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("whopper", "Whopper (Burger King)"),  # not the Whoppers candy of a synonym list
        ("cool ranch doritos", "Tortilla chips, cool ranch flavor (Doritos)"),
        ("nacho cheese doritos", "Tortilla chips, nacho cheese flavor (Doritos)"),  # not nachos
        ("ready-to-drink nutritional shake", "Nutritional drink or shake, ready-to-drink, NFS"),
    ],
)
def test_the_maker_fndds_names_in_parentheses_need_not_be_said_nor_stands_in_unsaid(
    table, text: str, expected: str
) -> None:
    m, _ = match(text, table)
    assert m is not None and table.foods[m.food_index].description == expected


def test_words_of_talk_weigh_little_in_a_query(table) -> None:
    m, _ = match("french fries from my favorite fast food place", table)
    assert m is not None and table.foods[m.food_index].description == "Potato, french fries, fast food"
    m, _ = match("reduced fat milk to enjoy alongside", table)
    assert m is not None and "reduced fat" in table.foods[m.food_index].description.lower()


def test_fried_is_never_another_way_of_cooking(table) -> None:
    m, _ = match("fried chicken drumsticks with the skin eaten", table)
    assert m is not None and "fried" in table.foods[m.food_index].description  # not stewed
    m, _ = match("steamed asparagus", table)  # while any cooking still serves another
    assert m is not None and "cooked" in table.foods[m.food_index].description


def test_breakfast_sausage_of_no_stated_meat_is_usdas_pork_sausage(table) -> None:
    m, _ = match("breakfast sausage", table)
    assert m is not None and table.foods[m.food_index].description == "Pork sausage"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("roast beef sandwich", "Roast beef sandwich"),  # never "Beef, sandwich steak"
        ("tuna on rye", "sandwich"),  # the deli's way of naming a sandwich by its bread
        ("peanut butter on wheat", "Peanut butter sandwich"),
        ("ham and cheese sandwich on rye bread", "Ham sandwich"),  # USDA's sandwiches are on white or wheat
    ],
)
def test_a_sandwich_is_named_by_what_is_in_it_whatever_bread_it_is_on(
    table, text: str, expected: str
) -> None:
    m, _ = match(text, table)
    assert m is not None and expected in table.foods[m.food_index].description, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("iced tea", "Tea, iced, brewed, black, unsweetened"),  # as plain "tea" is brewed black tea
        ("sweet tea", "Tea, iced, brewed, black, pre-sweetened with sugar"),
        ("unsweetened bottled black iced tea", "Tea, iced, bottled, black, unsweetened"),  # "bottled" counts
    ],
)
def test_iced_tea_is_brewed_black_tea_unless_the_line_says_otherwise(table, text: str, expected: str) -> None:
    m, _ = match(text, table)
    assert m is not None and table.foods[m.food_index].description == expected


def test_the_last_food_word_of_a_name_is_the_food_named(table) -> None:
    # "maple syrup breakfast sausage" is a sausage flavoured with maple: never maple syrup (asked rather)
    m, _ = match("maple syrup breakfast sausage", table)
    assert m is None or "sausage" in table.foods[m.food_index].description.lower()
    m, _ = match("peanut butter cookie", table)
    assert m is not None and "cookie" in table.foods[m.food_index].description.lower()
    m, _ = match("avocado toast", table)  # "toast" names a food (a reviewed alias): never the avocado alone
    assert m is None or "toast" in table.foods[m.food_index].description.lower()
    m, _ = match("sour cream topping", table)  # a role, not the food: still the sour cream
    assert m is not None and "sour cream" in table.foods[m.food_index].description.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomato sauce", "Tomato products, canned, sauce"),  # never "Sauce, steak, tomato based"
        ("pasta sauce", "Sauce, pasta, spaghetti/marinara, ready-to-serve"),  # the sauce, not the dish
        ("pasta with tomato sauce", "Pasta with tomato-based sauce, home recipe"),  # not whole grain pasta
    ],
)
def test_a_sauce_is_the_sauce_and_pasta_with_it_the_plain_pasta_dish(table, text: str, expected: str) -> None:
    m, _ = match(text, table)
    assert m is not None and table.foods[m.food_index].description == expected


@pytest.mark.parametrize(
    ("text", "unsaid"),
    [
        ("thick crust cheese pizza", "whole wheat"),  # a kind of grain the line did not say
        ("thin crust cheese pizza", "whole wheat"),
        ("pasta with tomato sauce from a restaurant", "whole grain"),
    ],
)
def test_a_kind_of_grain_the_line_did_not_say_is_never_chosen(table, text: str, unsaid: str) -> None:
    m, _ = match(text, table)
    assert m is not None and unsaid not in table.foods[m.food_index].description.lower()


def test_where_a_food_came_from_costs_less_than_a_food_it_comes_with(table) -> None:
    # "from restaurant or fast food" is the same pizza; "with fruit" is a topping the line never named
    ranked = [table.foods[f].description for f, _ in search("medium crust cheese pizza", table, limit=12)]
    assert ranked.index("Pizza, cheese, from school lunch, medium crust") < ranked.index(
        "Pizza, cheese, with fruit, medium crust"
    ) or ranked.index("Pizza, cheese, from restaurant or fast food, medium crust") < ranked.index(
        "Pizza, cheese, with fruit, medium crust"
    )


def test_a_name_as_written_gives_way_to_an_equal_food_usda_analysed_for_both_nutrients(table) -> None:
    # SR28's "McDONALD'S, BIG MAC" has no B6 value; FNDDS's "Big Mac (McDonalds)" has both
    m, _ = match("mcdonalds big mac", table)
    food = table.foods[m.food_index] if m else None
    assert food is not None and food.magnesium is not None and food.vitamin_b6 is not None, food


@pytest.mark.parametrize(("text", "plain"), [("tea in my cup", "tea"), ("coffee in a mug", "coffee")])
def test_where_a_drink_was_poured_leaves_the_drink_as_named_alone(table, text: str, plain: str) -> None:
    # (it was "Tea, ginger": the first of the teas, reached once the line was not "tea" as written)
    m, _ = match(text, table)
    alone, _ = match(plain, table)
    assert m is not None and alone is not None and m.food_index == alone.food_index


def test_a_form_the_line_did_not_say_is_not_chosen_over_the_plain_food(table) -> None:
    # "from frozen" is another product: a pizza named by its crust alone is the pizzeria's
    m, _ = match("thick crust pepperoni pizza", table)
    assert m is not None and "frozen" not in table.foods[m.food_index].description.lower()


def test_a_describing_word_before_a_food_never_makes_usdas_dish_of_that_word(table) -> None:
    # USDA's "Crisp, apple" is apple crisp: "crisp apple" is an apple, "apple crisp" the dish
    m, _ = match("crisp apple", table)
    assert m is not None and table.foods[m.food_index].description.startswith("Apples, raw")
    m, _ = match("apple crisp", table)
    assert m is not None and "crisp" in table.foods[m.food_index].description.lower()
    m, _ = match("white rice", table)  # ... while "Rice, white" pairs white with the rice
    assert m is not None and "white" in table.foods[m.food_index].description.lower()


@pytest.mark.parametrize(
    ("text", "flavour"),
    [
        # no flavour said: FNDDS's entry for the flavours other than chocolate, never the cocoa one
        ("milkshake", "other than chocolate"),
        ("homemade milkshake", "other than chocolate"),
        ("ice cream soda", "other than chocolate"),
        # a flavour said is that flavour, and "other than chocolate" said is that entry
        ("chocolate milkshake", ", chocolate"),
        ("ready-to-eat pudding in a flavor other than chocolate", "other than chocolate"),
        ("gelato, vanilla or other flavors", "vanilla"),
    ],
)
def test_a_flavour_not_said_is_usdas_entry_for_other_flavours_not_its_chocolate_one(
    table, text, flavour
) -> None:
    _, description = _description(table, text)
    assert flavour in description, description


def test_how_a_food_seemed_is_half_of_no_taste_pair_the_line_did_not_say(table) -> None:
    # "a bowl of hot soup" was "Soup, hot and sour": the pair said whole still is that soup
    _, hot = _description(table, "hot soup")
    assert "sour" not in hot.lower(), hot
    _, pair = _description(table, "hot and sour soup")
    assert pair == "Soup, hot and sour"


@pytest.mark.parametrize("text", ["capri sun pouch", "kool-aid jammers pouch"])
def test_a_container_said_after_a_product_is_its_measure_not_a_word_to_explain(table, text) -> None:
    # (both were not counted: "pouch" named no food and weighed as one)
    m, _ = match(text, table)
    assert m is not None and "juice drink" in table.foods[m.food_index].description.lower()
