"""How the matcher reads what people write: dishes, brands, typos, other Englishes, traps, determinism.

A confident wrong food is the worst answer: the trap table lists lines that once matched something that
merely shared a word, and each must now either match the right kind of food or ask (not counted, with
the closest candidates).
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT

from mgb6.foods.match import EATEN_COOKED_VEGETABLES, match, respell, search
from mgb6.foods.words import tokens
from mgb6.log.parse import parse_entry
from mgb6.models import Item, Problem
from mgb6.nutrition.tally import Scorer


def _food(table, text: str) -> str | None:
    m, _ = match(text, table)
    return None if m is None else table.foods[m.food_index].description


def _resolve(table, line: str) -> Item | Problem:
    entry = parse_entry(line)
    assert not isinstance(entry, Problem), entry
    return Scorer(table).resolve(entry, None)


# (line, a pattern the chosen food must NOT match): what each once became, silently
TRAPS = [
    ("chicken caesar salad", r"^(Salad dressing|Caesar dressing)"),
    ("a cup of joe", r"^Sloppy joe"),  # American slang for coffee
    ("fried chicken", r"giblets|liver"),  # an organ is what the line must name (it was fried giblets)
    ("KFC fried chicken", r"Skin and Breading$"),  # the part alone, as a chicken's skin alone
    ("a Taco Bell taco", r"Nachos"),  # the brand's words are not its product's
    ("Hamburger Bun, White", r"^Hamburger"),  # the bun, not the hamburger on one (they tied)
    ("Beer, Non Alcoholic", r"^(Beer|Alcoholic)"),  # "non" says the opposite of the word after it
    ("fresh spinach leaves", r"frozen"),  # fresh is never frozen (SR28's frozen spinach alone says "leaf")
    ("grape leaves", r"^Grapes"),
    ("mint leaves", r"^Candy"),
    ("caesar salad", r"^(Salad dressing|Caesar dressing)"),
    ("bowl of miso soup", r"^Miso$"),
    ("chick", r"CHICK-FIL-A"),
    ("protein shake", r"SPECIAL K"),
    ("carrots sticks", r"^Fish"),
    ("beef frankfurter sandwich on a bun", r"^Fish|^Egg"),
    ("homemade beef broth", r"^Fish"),
    ("pumpkin empanada", r"^Pumpkin, raw"),
    ("peanut butter sticks", r"^Fish"),
    ("chocolate milkshake", r"not chocolate"),
    ("eggs, beaten", r"substitute"),
    ("diet cola", r"^Vodka"),
    ("crisp tap water", r"chips"),
    ("black beans, drained", r"with meat"),
    ("black beans, rinsed", r"with meat"),
    ("flour", r"^Potato flour"),
    ("fruit", r"Passion"),
    ("a fresh fruit", r"Passion"),
    ("roast beef, no gravy", r"gravy"),
    ("crisp", r"Potato chips"),  # a describing word, or an apple crisp; "crisps" are British chips
    ("unsweetened water", r"carbonated"),
    ("cinnamon bun roll with frosting", r"no frosting"),  # USDA's "no X" is never the X a line names
    # the thing a line names is never only what qualifies another of its words in USDA's name
    ("a glass of chocolate milk", r"^Candies"),
    ("chocolate milk alongside", r"^Candies"),
    ("a frankfurter on a plain white bun", r"^Roll"),
    ("hot dog on a white bun", r"^Roll"),
    ("a whole milk latte", r"non-dairy"),  # non-dairy is never the milk a line names
    ("latte with whole milk", r"non-dairy"),
    ("fat free milk", r"2% milkfat"),  # "with added nonfat milk solids" is no nonfat milk
    ("dunkin donut", r"creamer"),  # FNDDS lists "Dunkin Donuts" as a maker of its coffee creamer
    ("granola made from oats", r"^Oats"),  # what a food was made from is not the food
    ("granola made of oats", r"^Oats"),
    # a part alone (the skin, the separable fat) is what the line must name
    ("roasted chicken drumstick", r"skin \(|skin only"),
    ("stewed chicken, skin included", r"skin only"),
    ("cooked beef", r"separable fat"),
    ("baked potato", r"skin only"),
    # a word of a maker's name said alone is no word of the maker's food
    ("a burger, some french fries", r"BURGER KING"),
    ("burger and fries", r"BURGER KING"),
    ("a roll", r"cheese"),  # FNDDS's white roll, never the cheese roll that won on a short name
    ("an egg roll", r"^Rolls, dinner"),  # the Chinese egg roll, never a bread roll made with egg
    ("a cheese stick", r"^Crackers"),  # a string cheese, never one 1 g cheese cracker
    # a grown-up's dish named in a baby food's synonyms is the grown-up's unless the line says the baby's
    ("a cup of cheese ravioli", r"^Toddler"),
    ("cheese ravioli", r"^Toddler"),
    # the product a line names last is no word to pass over: chips and flour are not their ingredient
    ("vinegar chips", r"^Vinegar"),
    ("almond flour", r"(?i)^(nuts, )?almonds"),
    # what a line says its food came without is in no food chosen for it
    ("burger w/o bun", r"bun"),
    ("burger without the bun", r"bun"),
    ("lasagna, no meat", r"with meat"),
    ("milk, whole, 3.25% milkfat, without added vitamin a and vitamin d", r"dry"),
    # a coffee drink is another drink than the coffee (the decaf latte tied with brewed decaf coffee)
    ("a small cup of decaffeinated coffee", r"Latte|Cappuccino"),
    ("decaffeinated coffee", r"Latte|Cappuccino"),
    ("slushie", r"^Sushi"),  # two slips from sushi: no misspelling of it
    ("rice krispies treat", r"^Cereal"),  # the no-bake marshmallow bar, never the cereal
    ("fish fillets", r"salmon"),  # a fish of no stated kind (it was salmon, 356 g a fillet)
    ("grilled fish fillet", r"^Chicken"),
    ("3 chicken tenders", r"^Chicken, broilers"),  # (a texture word: it was three whole chickens)
]


@pytest.mark.parametrize(("line", "wrong"), TRAPS, ids=[t[0] for t in TRAPS])
def test_a_food_that_merely_shares_a_word_is_never_the_answer(table, line: str, wrong: str) -> None:
    food = _food(table, line)
    assert food is None or not re.search(wrong, food), f"{line!r} -> {food}"


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("fruit", "Fruit, NFS"),
        ("a piece of fruit", "Fruit, NFS"),
        ("meat", "Meat, NFS"),
        ("stew", "Stew, NFS"),
    ],
)
def test_a_kind_of_food_named_alone_is_usdas_not_further_specified_food(table, line: str, right: str) -> None:
    assert _food(table, line) == right


@pytest.mark.parametrize(
    ("line", "right"),
    [("cooked beef", "Beef, NFS"), ("cooked pork", "Pork, NFS"), ("burger king fries", "BURGER KING")],
)
def test_what_the_line_says_whole_is_still_read(table, line: str, right: str) -> None:
    # FNDDS's "Beef, NFS" is beef as eaten (cooked); a maker named whole still picks its product
    assert (_food(table, line) or "").startswith(right)


@pytest.mark.parametrize(("line", "part"), [("chicken skin", "skin"), ("fried chicken skin", "skin only")])
def test_a_part_the_line_names_is_still_found(table, line: str, part: str) -> None:
    assert part in (_food(table, line) or "").lower()


@pytest.mark.parametrize("line", ["Breakfast", "Lunch", "Dinner", "Dessert", "snack", "supper"])
def test_a_meal_named_alone_is_not_a_food(table, line: str) -> None:
    m, candidates = match(line, table)
    assert m is None and candidates, "a bare meal word is listed as not counted, with candidates"


def test_an_unmatched_trap_line_is_reported_with_its_closest_candidates(table) -> None:
    out = _resolve(table, "1 chick")
    assert isinstance(out, Problem) and out.kind == "unmatched" and out.candidates


# The whole phrase names a dish USDA has: the dish beats an ingredient sharing a word with it.
DISHES = [
    ("chicken caesar salad", r"chicken.*caesar .*salad", r"^Salad dressing"),
    ("bowl of miso soup", r"^Soup, miso", None),
    ("miso soup", r"^Soup, miso", None),
    ("instant ramen", r"^Soup, ramen noodles, water added", None),  # (it matched nothing)
    ("turkey sandwich", r"^Turkey sandwich", None),
    ("pepperoni pizza", r"^Pizza.*pepperoni", None),
    ("chicken or turkey noodle soup", r"noodle", None),
    ("carrot sticks", r"^Carrots", None),
    ("tumeric latte", r"^Milk", r"Coffee"),  # golden milk has no coffee (it was FNDDS's espresso latte)
    ("chicken tikka masala", r"curry", None),  # (these were not counted)
    ("jalapeno poppers", r"jalapeno", None),
    ("a spicy tuna roll", r"^Sushi roll tuna", None),
    ("philly cheesesteak", r"^Cheese steak sandwich", None),  # (not counted)
    ("impossible burger", r"^Veggie burger", r"^Hamburger"),  # plant-based, never the beef hamburger
    ("roasted veggies", r"mixed vegetables, .*cooked", None),  # (not counted)
    # a tea latte is tea with milk, never the espresso latte ("matcha latte" had 82 mg of magnesium from
    # coffee; "a chai latte" was asked)
    ("a chai latte", r"^Tea, hot, with milk", r"Latte"),
    ("matcha latte", r"^Tea, hot, with milk", r"Latte"),
    ("chai tea", r"^Tea, hot, leaf, black", None),
    ("cold brew", r"^Iced Coffee, brewed", None),  # (these two were asked)
    ("turkey chili", r"^Chili with chicken", None),
    # USDA's name leading with the line's very food words wins: "egg salad" was FNDDS's tuna salad with egg,
    # "chicken salad" the 344 g garden salad (FNDDS's chicken salad is the one made with mayonnaise)
    ("egg salad", r"^Egg salad", r"tuna"),
    ("chicken salad", r"^Chicken or turkey salad, made with mayonnaise", r"garden"),
    ("a medium sugar cookie", r"^Cookie, butter or sugar", None),
    ("rice cake", r"^Snacks, rice cakes", None),  # the reviewed phrase keeps its food against FNDDS's name
    # ... never a name whose lead holds a dish or product the line did not say ("Snack, Mixed Berry Bar")
    ("mixed berries", r"^Berries", r"Bar"),
    ("coconut chips", r"^Nuts, coconut meat, dried", r"KEEBLER"),  # it was Chips Deluxe coconut cookies
    # a hot dog said alone is in its bun, as a hamburger is (it was the 57 g frankfurter alone); "in a bun"
    # was the bun alone ("hot dog bun", "in" being no word), "no bun" the chili dog
    ("a hot dog", r"^Hot dog sandwich", None),
    ("a hot dog in a bun", r"^Hot dog sandwich", None),
    ("burger in a bun", r"^Hamburger", r"^Roll"),
    ("hot dog, no bun", r"^Hot dog, NFS", r"chili|sandwich"),
    ("chili dog", r"^Chili hot dog sandwich", None),  # (it was FNDDS's chili hot dog with no bun)
    ("a turkey frankfurter", r"^Hot dog, turkey", r"sandwich"),  # the sausage by its own name
]


@pytest.mark.parametrize(("line", "right", "unless"), DISHES, ids=[d[0] for d in DISHES])
def test_a_phrase_naming_a_dish_matches_the_dish(table, line: str, right: str, unless: str | None) -> None:
    food = _food(table, line)
    assert food is not None and re.search(right, food, re.I), f"{line!r} -> {food}"
    assert unless is None or not re.search(unless, food, re.I)


@pytest.mark.parametrize("line", ["kale chips", "beet chips"])
def test_chips_of_a_food_usda_has_no_chips_of_are_asked_never_the_raw_food(table, line: str) -> None:
    # "kale chips" were 25 g of raw kale (61.6, just over the bar): a product is never the raw food
    assert _food(table, line) is None


def test_what_the_line_says_it_came_without_is_read_in_usdas_form_of_the_word(table) -> None:
    # "without frosting" is never "Cinnamon buns, frosted" (it ranked first, beside a size word)
    best = search("a medium cinnamon bun without frosting", table, limit=1)
    assert re.search(r"no frosting", table.foods[best[0][0]].description)


# Typos, shorthand and other Englishes -> a pattern of the USDA food they mean
SPELLINGS = [
    ("lager", r"beer"),  # never "Langers", a grape juice brand in an FNDDS synonym list
    # one slip of a key is the word: "sandwhich" was SR28's sandwich spread, "a grilled chiken sandwhich" a
    # grilled fish sandwich, "a turky sandwhich" not counted (SR28 writes a "Turk'y Burger")
    ("sandwhich", r"^Sandwich, NFS"),
    ("grilled chiken sandwhich", r"^Chicken .*sandwich"),
    ("a turky sandwhich", r"^Turkey sandwich"),
    ("digestive biscuits", r"^Graham crackers"),
    ("digestives", r"^Graham crackers"),
    ("PB&J on wheat", r"^Peanut butter and jelly sandwich"),  # never the spread, nor peanut butter alone
    ("pb&j sandwich", r"^Peanut butter and jelly sandwich"),
    ("Reese's Pieces", r"REESE'S PIECES"),  # not the peanut butter cups
    ("brocolli", r"^Broccoli"),
    ("avacado", r"^Avocado"),
    ("bananna", r"^Banana"),
    ("cheesy pizza", r"^Pizza, cheese"),
    ("fruit and vegetable smoothie without any dairy", r"no dairy"),
    ("caffeine-free fruit soda", r"^Soft drink, fruit flavored, caffeine free"),
    ("classic hamburger", r"^Hamburger"),
    ("freshly cooked broccoli", r"^Broccoli, cooked"),
    ("chkn breast", r"^Chicken, .*breast"),
    ("PB", r"^Peanut butter"),
    ("oj", r"^Orange juice"),
    ("guac", r"^Guacamole"),
    ("grk yogurt", r"^Yogurt, Greek"),
    (
        "choc milk",
        r"chocolate",
    ),
    ("courgette", r"zucchini"),
    ("aubergine", r"^Eggplant"),
    ("rocket", r"arugula"),
    ("coriander", r"^(Cilantro|Coriander \(cilantro\))"),
    ("coriander seed", r"coriander seed"),
    ("porridge", r"^Cereals, oats.*cooked"),
    ("jacket potato", r"^Potato(es)?, baked"),
    ("crisps", r"^(Snacks, )?[Pp]otato chips"),
    ("apple crisp", r"^Crisp, apple"),
    ("nfs milk", r"^Milk(?!.*nonfat)"),
    ("beef mince", r"^Beef, ground"),
    ("mince pie", r"^Pie, mince"),
    ("semi-skimmed milk", r"^Milk, reduced fat"),
    ("prawns", r"^Crustaceans, shrimp"),
    ("non-fat milk", r"^Milk, nonfat"),
    ("weetabix", r"WEETABIX"),
    ("a bacon butty", r"^Bacon, lettuce, tomato sandwich"),  # never the 16 g of bacon "for use on a sandwich"
    ("bacon sandwich", r"sandwich on"),
    ("tatties", r"^Potato"),
    ("a cheese toastie", r"^Grilled cheese sandwich"),
    # one thing in two wordings: USDA's "veggie" is the line's "vegetarian" or "meatless"
    ("a meatless vegetarian burger patty", r"^Veggie burger patty"),
    ("a vegetarian burger", r"^Veggie burger"),
    ("a soft bun", r"hamburger bun"),  # the bread roll, never soft pretzels
    # how a food seemed: "hot coffee" is coffee (it was not counted), "hot oatmeal" oatmeal, "hot tea" tea
    ("hot coffee", r"coffee, brewed"),
    ("hot oatmeal", r"^Cereals, oats.*cooked"),
    ("hot tea", r"tea, black"),
    ("turkey ham", r"^Turkey ham"),  # the deli meat, never a turkey and ham sandwich
    ("chappatti", r"chapati"),
    ("a pint of semi skimmed", r"^Milk, reduced fat"),  # British milk named without "milk"
    ("flatbread", r"^Bread, pita"),  # never the ham wrap FNDDS also files under "flatbread"
    ("smoked ham", r"^Ham, sliced"),  # ham is smoked as sold: never the honey ham
    ("roasted broccoli", r"^Broccoli, fresh, cooked with oil"),  # it was Chinese broccoli
    ("grilled fish", r"^Fish, NS as to type, baked or broiled"),  # it was grilled salmon
    ("grilled chicken salad", r"^Chicken or turkey garden salad"),  # it was breaded, fried and caesar
    ("a blueberry muffin", r"^Muffin, fruit"),  # it was SR28's 33 g toaster-type muffin
    ("falafel wrap", r"^Falafel sandwich"),  # it was one 28 g falafel ball
    ("caffe mocha", r"^Coffee, Cafe Mocha"),  # the coffee shop's Italian spelling (these two were asked)
    ("g&ts", r"^Gin and tonic"),
    ("a bacon sarnie", r"^Bacon, lettuce, tomato sandwich"),  # (asked)
    ("a meat pie", r"^Pot pie, beef"),  # it was FNDDS's chicken empanada, which lists "meat pie"
]


@pytest.mark.parametrize(("line", "right"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_typos_shorthand_and_british_words_find_the_food(table, line: str, right: str) -> None:
    food = _food(table, line)
    assert food is not None and re.search(right, food, re.I), f"{line!r} -> {food}"


@pytest.mark.parametrize(
    ("line", "right"),
    [("cornflakes", r"corn flakes"), ("icecream", r"^Ice creams?"), ("peanutbutter", r"^Peanut butter")],
)
def test_two_words_written_closed_up_find_the_food_usda_names_with_both(table, line: str, right: str) -> None:
    food = _food(table, line)
    assert food is not None and re.search(right, food, re.I), f"{line!r} -> {food}"


def test_a_word_the_table_knows_is_never_opened_up(table) -> None:
    # "breadsticks" is USDA's own word (its singular): never "bread sticks"
    assert respell("hard breadsticks", table.index) == "hard breadsticks"
    assert respell("a satisfying flavors", table.index) == "a satisfying flavors"


def test_a_word_that_cancels_a_rewrite_keeps_the_word(table) -> None:
    assert "cilantro" in respell("fresh coriander", table.index)
    assert "coriander" in respell("ground coriander", table.index)
    assert respell("courgette, sliced", table.index) == "zucchini, sliced"


def test_every_words_row_leads_to_words_the_table_knows_and_says_where_it_comes_from() -> None:
    from mgb6.foods.table import load_table

    index = load_table().index
    with (ROOT / "data" / "words.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for r in rows:
        kinds = {"abbreviation", "british", "spelling", "synonym", "usage"}
        assert r["source"].strip() and r["kind"] in kinds, r
        assert all(t in index.idf for t in tokens(r["means"])), f"{r['word']} -> {r['means']}: unknown words"


# Brands: USDA's branded entry when it lists the product; otherwise the generic food, said on the line.
def test_a_brand_usda_lists_matches_its_branded_entry(table) -> None:
    food = _food(table, "Big Mac")
    assert food is not None and "big mac" in food.lower()
    food = _food(table, "Chobani Non-Fat Greek Yogurt")
    assert food is not None and "greek" in food.lower() and "nonfat" in food.lower()


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("200 g Publix, Cottage Cheese, Fat Free", r"^Cheese, cottage"),
        ("2 slice Publix, Sharp Cheddar, Slices", r"^Cheese, cheddar"),
        ("11 fl oz Premier Protein, Protein Shake, Chocolate", r"shake, high protein"),
        # a maker named last in lower case, a name no USDA food holds
        ("a coffee from dunkin", r"^Beverages, coffee, brewed"),
        ("a sandwich from panera", r"^Sandwich, NFS"),
        # a maker in capitals inside a sentence's words, named in no USDA food
        ("a warm Hardee's biscuit", r"^Biscuit"),
        ("a Little Debbie Delight fruit-filled bar", r"fruit-filled bar"),
    ],
)
def test_an_unlisted_brand_is_counted_as_the_generic_food_with_a_note(table, line: str, right: str) -> None:
    out = _resolve(table, line)
    assert isinstance(out, Item), out
    assert re.search(right, out.food), out.food
    assert any(n.startswith("brand ") and "not in USDA tables: counted as" in n for n in out.notes), out.notes


def test_a_brand_is_not_left_out_when_what_remains_names_no_food(table) -> None:
    m, _ = match("Arnold, Superior Keto Bread, Seeded", table)
    assert m is None
    m, _ = match("Zorblax, Seeded", table)
    assert m is None


def test_a_brand_is_left_out_only_when_what_remains_surely_names_the_product(table) -> None:
    m, candidates = match("Boursin, Garlic & Herb", table)  # a cheese: garlic it is not
    assert m is None and candidates
    m, _ = match("Publix, Sharp Cheddar, Slices", table)
    assert m is not None and m.brand == "Publix" and "cheddar" in table.foods[m.food_index].description


def test_a_word_usda_describes_food_with_is_no_maker(table) -> None:
    # "Thai", "Hawaiian" describe foods in USDA's own names: never left out as a brand ("Thai curry" was
    # fish curry, "a Hawaiian pizza" a cheese pizza)
    for line in ("Thai curry", "a Hawaiian pizza"):
        m, _ = match(line, table)
        assert m is None or not m.brand, (line, m)


def test_a_maker_inside_a_sentence_keeps_the_sentences_other_foods(table) -> None:
    line = "For breakfast I savored a warm Hardee's biscuit topped with sausage, and a glass of 2% milk."
    out = Scorer(table).resolve_all(parse_entry(line), None)
    assert all(isinstance(o, Item) for o in out), out
    foods = " | ".join(o.food for o in out)
    assert "Biscuit" in foods and "Milk" in foods, foods


def test_a_usda_style_name_is_not_read_as_a_brand(table) -> None:
    m, _ = match("Cheese, cheddar", table)
    assert m is not None and not m.brand
    m, _ = match("flatbread, white", table)
    assert m is None, "a variant is only left out after a brand"


# "Counted as raw" (issue 12): a vegetable usually eaten cooked, counted raw because the line did not say.
def test_a_raw_count_of_a_vegetable_usually_cooked_says_so_with_the_cooked_weight(table) -> None:
    out = _resolve(table, "1½ cups spinach")
    assert isinstance(out, Item) and "raw" in out.food.lower()
    note = next(n for n in out.notes if n.startswith("counted as raw"))
    assert "the line did not say cooked" in note
    # USDA: 1 cup cooked spinach is 180 g, so 1.5 cups is 270 g
    assert "270 g" in note


def test_a_vegetable_measured_then_cooked_says_what_the_measure_weighs_raw(table) -> None:
    """A recipe's "2 cups spinach, sauteed" may mean two cups measured raw: counted as written (cooked), the
    note gives the other reading, which for a leafy green is a sixth of the weight."""
    out = _resolve(table, "2 cups spinach, sauteed")
    assert isinstance(out, Item) and "cooked" in out.food.lower(), out
    note = next(n for n in out.notes if n.startswith("counted as measured cooked"))
    assert "60 g" in note and "Spinach, raw" in note  # USDA: 1 cup raw spinach is 30 g
    # the cooking said before the comma is the measure's own: no note
    out = _resolve(table, "2 cups sauteed spinach")
    assert isinstance(out, Item) and not any(n.startswith("counted as measured") for n in out.notes)


NOT_RAW_NOTED = ["2 cups raw spinach", "1 cup cooked spinach", "1 cup frozen peas", "1 banana"]


@pytest.mark.parametrize("line", NOT_RAW_NOTED)
def test_no_raw_note_when_the_line_says_how_or_the_food_is_eaten_raw(table, line: str) -> None:
    out = _resolve(table, line)
    assert isinstance(out, Item)
    assert not any(n.startswith("counted as raw") for n in out.notes), out.notes


def test_the_vegetables_usually_eaten_cooked_are_words_the_table_knows(table) -> None:
    assert all(v in table.index.idf for v in EATEN_COOKED_VEGETABLES)


# Determinism: the hash seed changes set and dict order; results must not follow it.
SEED_LOG = """\
1 c buttermilk
1 cup brocolli
chicken caesar salad
2 tbsp PB
1 courgette
Publix, Cottage Cheese, Fat Free
1 cup c yogurt
3 oz p chicken
"""


def test_the_same_log_gives_the_same_answer_under_every_hash_seed(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text(SEED_LOG, encoding="utf-8")
    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "MGB6_CACHE_DIR": str(tmp_path / f"cache-{seed}")}
        proc = subprocess.run(
            [sys.executable, "-m", "mgb6", "check", str(log), "-f", "csv"],
            capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip
        assert proc.returncode in (0, 1), proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1, "the answer depends on PYTHONHASHSEED"


def test_equal_scores_rank_the_same_way_whatever_the_order_of_the_words(table) -> None:
    """Two query words with equally long posting lists must not make the shortlist order-dependent."""
    assert search("c buttermilk", table, limit=5) == search("c buttermilk", table, limit=5)
    m, _ = match("c buttermilk", table)
    assert m is not None and "buttermilk" in table.foods[m.food_index].description.lower()


# Speed without timings: an unknown word is compared with a fraction of the vocabulary, once.
def test_spelling_correction_compares_a_word_with_same_initial_words_only(table) -> None:
    index = table.index
    pool = sum(len(v) for v in index.by_initial.values())
    assert pool and max(len(v) for v in index.by_initial.values()) < pool / 4


def test_an_unknown_word_is_corrected_once_per_table(table, monkeypatch: pytest.MonkeyPatch) -> None:
    from rapidfuzz import process

    import mgb6.foods.match as matcher

    calls: list[str] = []
    real = process.extractOne

    def counting(query, *args, **kwargs):
        calls.append(query)
        return real(query, *args, **kwargs)

    monkeypatch.setattr(process, "extractOne", counting)
    matcher._corrected.owner = None
    line = " ".join(["zorblaxian", "quuxberry"] * 200)
    search(line, table)
    search(line + " zorblaxian", table)
    assert sorted(calls) == ["quuxberry", "zorblaxian"]


def test_a_remembered_match_never_crosses_from_a_sentence_to_a_label(tmp_path: Path) -> None:
    """Capitals make a brand ("Publix, Cottage Cheese"); the same words in lower case are no label, and
    a match remembered for one must not answer for the other, in either order."""
    from tests.conftest import check_log_json

    label, plain = "200 g Publix, Cottage Cheese, Fat Free", "200 g publix, cottage cheese, fat free"
    one = check_log_json(tmp_path, f"{plain}\n{label}\n")
    two = check_log_json(tmp_path, f"{label}\n{plain}\n")

    def counted(doc: dict) -> set[str]:
        return {u["text"] for u in doc.get("unmatched", [])}

    assert counted(one) == counted(two)


def test_recipe_words_are_left_out_to_find_a_reviewed_phrase_and_said(table) -> None:
    """ "black beans, drained" is the reviewed "black beans"; the note says what was not weighed."""
    item = _resolve(table, "1 cup black beans, drained")
    assert isinstance(item, Item) and item.food_id == "sr28:16015"
    assert "preparation not weighed: drained" in item.notes


def test_a_recipe_word_usda_names_still_picks_usdas_food(table) -> None:
    """USDA's "canned, drained solids" is the better food when the words are in its description."""
    item = _resolve(table, "1 cup kidney beans, canned, drained")
    assert isinstance(item, Item) and "drained solids" in item.food


def test_a_plural_only_alias_serves_only_the_plural(table) -> None:
    assert _food(table, "crisps") == "Potato chips, plain"
    assert _food(table, "crisp") != "Potato chips, plain"
    assert "apple" in (_food(table, "apple crisp") or "").lower()


@pytest.mark.parametrize(
    ("line", "right"),
    [
        # another name for the same food, and praise that says nothing of which food
        ("a simple beef frankfurter on a white bun", "Hot dog sandwich, beef, on white bun"),
        # a USDA name as written is found before any respelling
        ("Frankfurter, beef, unheated", "Frankfurter, beef, unheated"),
        # what the line says a food is not ("not chocolate") is USDA's "other than chocolate"
        ("ice cream soda with flavors (not chocolate)", "Ice cream soda, flavors other than chocolate"),
        ("sucralose", "Sugar substitute, sucralose, powder"),
        # how an egg was fried, and the informal vegetable, in USDA's words (a veggie burger stays one)
        ("eggs over easy", "Egg, whole, cooked, fried"),
        ("eggs sunny side up", "Egg, whole, cooked, fried"),
        ("mixed veggies", "Classic mixed vegetables, NS as to form, cooked"),
        ("veggie burger", "Veggie burger, on bun"),
        # rice of no colour said is white: brown is a kind of grain the line must say
        ("uncooked long grain rice", "Rice, white, long-grain, regular, raw, enriched"),
        # a plant milk is what FNDDS's "with non-dairy milk" names
        ("an oat milk latte", "Coffee, Latte, with non-dairy milk"),
        ("a soy latte", "Coffee, Latte, with non-dairy milk"),
        ("a whole milk latte", "Coffee, Latte"),
        # the colour a food cooked to is no food word; golden brown sugar stays a brown sugar
        ("a golden brown hash brown patty", "Potato, hash brown, from restaurant"),
        ("golden brown sugar", "Sugars, brown"),
        # "donut" is USDA's doughnut; the usual glazed one is yeast-raised, not a french cruller
        ("a chocolate donut", "Doughnut, chocolate"),
        ("a glazed donut", "Doughnuts, yeast-leavened, glazed, enriched (includes honey buns)"),
        # one thing in two wordings; made at home is USDA's home recipe, never a restaurant's or a bottle's
        ("a cup of reconstituted fat-free dry milk", "Milk, dry, reconstituted, nonfat"),
        ("a cup of homemade milkshake", "Milk shake, home recipe, flavors other than chocolate"),
        ("homemade pasta with cream sauce and seafood", "Pasta with cream sauce and seafood, home recipe"),
        # what a named brand sells its product with is that product
        ("cold cut sub from Subway", "SUBWAY, cold cut sub on white bread with lettuce and tomato"),
    ],
)
def test_everyday_wording_finds_the_usda_food(table, line: str, right: str) -> None:
    assert _food(table, line) == right


def test_a_food_logs_whey_is_the_protein_powder_and_liquid_whey_is_said_so(table) -> None:
    scoop = _resolve(table, "1 scoop whey")  # (it was 246 g of liquid whey: a "scoop" taken as a cup)
    assert isinstance(scoop, Item) and "protein powder" in scoop.food and scoop.grams < 40, scoop
    assert _food(table, "fluid whey") == "Whey, sweet, fluid"


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("pineapple in juice", "Pineapple, canned, juice pack"),
        ("pears in juice", "Pear, canned, juice pack"),
        ("peaches in light syrup", "Peaches, canned, light syrup pack, solids and liquids"),
    ],
)
def test_fruit_in_juice_or_syrup_is_usdas_canned_pack_never_the_juice(table, line: str, right: str) -> None:
    assert _food(table, line) == right


def test_other_names_for_pancakes_are_usdas_pancakes(table) -> None:
    for text in ("griddle cakes", "hotcakes"):
        m, _ = match(text, table)
        assert m is not None and table.foods[m.food_index].description.startswith("Pancakes")
    m, _ = match("a griddle cake sandwich with sausage", table)  # the fast-food sandwich keeps its name
    assert m is not None and "griddle cake sandwich" in table.foods[m.food_index].description


@pytest.mark.parametrize("line", ["a jar of strained squash", "strained pears", "2 tbsp strained carrots"])
def test_strained_is_usdas_word_for_a_baby_food(table, line: str) -> None:
    food = _food(table, line)
    assert food is not None and food.startswith("Babyfood") and "strained" in food, f"{line!r} -> {food}"


def test_strained_yogurt_is_no_baby_food(table) -> None:
    food = _food(table, "strained yogurt")
    assert food is None or not food.startswith("Babyfood"), food


def test_flavored_after_the_flavour_it_names_says_nothing_more_but_alone_it_does(table) -> None:
    yogurt = _food(table, "fruit-flavored yogurt")
    assert yogurt is not None and yogurt.startswith("Yogurt") and "fruit" in yogurt, yogurt
    water = _food(table, "flavored water")
    assert water is not None and "flavored" in water, water  # never tap water


@pytest.mark.parametrize("line", ["fried chicken drumstick", "fried chicken thigh", "a fried chicken breast"])
def test_fried_chicken_is_eaten_in_its_skin_unless_the_line_says_otherwise(table, line: str) -> None:
    food = _food(table, line)
    assert food is not None and "meat only" not in food and "not eaten" not in food, food
    skinless = _food(table, f"{line}, skinless")
    assert skinless is not None and ("meat only" in skinless or "skinless" in skinless), skinless


@pytest.mark.parametrize(
    ("line", "food"), [("a hash brown patty", "hash brown"), ("a pretzel rod", "Pretzels")]
)
def test_a_word_naming_one_of_the_foods_usda_portions_is_explained_by_it(table, line: str, food: str) -> None:
    # FNDDS weighs hash browns by the "patty" and pretzels by the "rod": the word says how it came
    got = _food(table, line)
    assert got is not None and food in got, got


def test_a_stand_in_food_is_never_the_equal_candidate_that_weighs_a_measure(table) -> None:
    from mgb6.foods.match import alternatives

    chosen = table.by_id["sr28:07063"]  # Pork sausage, link/patty: no "patty" row of its own
    others = [table.foods[f].description for f in alternatives("sausage patty", table, chosen)]
    assert not [d for d in others if "meatless" in d.lower()], others


@pytest.mark.parametrize("line", ["a sausage patty", "italian sausage"])
def test_a_sausage_with_no_preparation_written_is_the_cooked_one(table, line: str) -> None:
    food = _food(table, line)
    assert food is not None and "raw" not in food and "unprepared" not in food, food


def test_a_colour_or_taste_no_usda_name_pairs_with_the_food_is_how_it_seemed(table) -> None:
    kiwi = _food(table, "a sweet kiwi")
    assert kiwi is not None and kiwi.lower().startswith("kiwi"), kiwi
    # ... while a pair USDA names keeps its word
    assert (_food(table, "sweet potato") or "").lower().startswith("sweet potato")
    assert "cinnamon bun" in (_food(table, "a sweet cinnamon bun") or "").lower()


def test_a_misspelling_is_never_corrected_to_a_brand_only_a_synonym_list_holds(table) -> None:
    from mgb6.foods.match import _correct

    assert _correct("lagner", table.index) != "langer"  # FNDDS lists "Langers" (grape juice) as a synonym
    assert _correct("brocolli", table.index) == "broccoli"


def test_a_synonym_that_only_says_how_a_food_was_made_names_no_food(table) -> None:
    # FNDDS lists "stir fried" among tofu's names: stir fried vegetables are never tofu
    assert "curd" not in (_food(table, "stir fried vegetables") or "").lower()
    assert "cheese" in (_food(table, "a cheese omelet") or "").lower()


def test_a_british_spelling_weighs_like_the_us_one(table) -> None:
    # the portion rows are read in the words the match read: one omelet, not FNDDS's "1 egg" (60 g)
    from mgb6.log.parse import parse_entry
    from mgb6.nutrition.tally import Scorer

    scorer = Scorer(table)
    us, uk = (scorer.resolve(parse_entry(line), None) for line in ("a cheese omelet", "a cheese omelette"))
    assert us.food_id == uk.food_id and us.grams == uk.grams, (us, uk)


@pytest.mark.parametrize(
    ("line", "kind"),
    [("a cherry turnover", "Turnover, fruit"), ("an apple turnover", "Turnover, fruit")],
)
def test_the_thing_a_line_names_explains_the_kind_usda_names_it_by(table, line: str, kind: str) -> None:
    # FNDDS names the filling by its kind ("Turnover, fruit"); the line names the fruit itself
    assert _food(table, line) == kind


def test_a_kind_explains_nothing_where_the_candidate_names_another_food_the_line_did_not(table) -> None:
    # pumpkin is a vegetable, but "Empanada, beef, with vegetables" has beef the line never said
    assert "beef" not in (_food(table, "a pumpkin empanada") or "").lower()
    assert table.index.kinds["cherry"] == {"fruit"} and "sweet" not in table.index.kinds


@pytest.mark.parametrize(
    ("line", "food", "brand_note"),
    [
        # who made it, named last: the maker's USDA product when USDA has it ...
        ("a cheeseburger from McDonald's", "Cheeseburger (McDonalds)", False),
        # ... what such a restaurant sells as USDA codes it ...
        ("fries from McDonald's", "Potato, french fries, fast food", True),
        # ... else the generic food, said; never a phrase that only shares the maker ("starbucks latte")
        ("a coffee from Starbucks", "coffee, brewed", True),
        ("a sweet cinnamon bun from Little Debbie", "cinnamon bun", True),
    ],
)
def test_a_maker_named_last_picks_its_product_or_the_generic_food_and_says_so(
    table, line: str, food: str, brand_note: bool
) -> None:
    item = _resolve(table, line)
    assert isinstance(item, Item) and food.lower() in item.food.lower(), item
    assert any("not in USDA tables" in n for n in item.notes) == brand_note, item.notes


def test_a_restaurant_named_before_a_food_its_name_shares_is_read_as_the_maker(table) -> None:
    item = _resolve(table, "a Taco Bell taco")
    assert isinstance(item, Item) and item.food.startswith("Taco"), item
    assert any("brand 'Taco Bell' listed" in n for n in item.notes), item.notes


def test_a_day_named_after_from_is_no_maker(table) -> None:
    item = _resolve(table, "a bowl of chili from Sunday")
    assert not (isinstance(item, Item) and any("brand" in n for n in item.notes)), item


def test_a_product_portion_is_the_row_the_line_names(table) -> None:
    # FNDDS weighs a Big Mac among McDonald's rows ("1 MCDonald's Mac Jr", "1 McDonald's Big Mac")
    item = _resolve(table, "a McDonald's Big Mac")
    assert isinstance(item, Item) and item.grams == 205.0, item


def test_what_usdas_name_leaves_out_is_no_word_the_line_failed_to_say(table) -> None:
    # "...; no sauce" names no sauce: it is the dish for a line that says none, before "...; gravy"
    food = _food(table, "chicken or turkey with noodles and vegetables, excluding carrots and broccoli")
    assert food is not None and food.endswith("no sauce"), food


def test_where_a_food_came_from_is_left_out_and_said_only_when_it_names_no_food(table) -> None:
    # (it was not counted: "straight from the freezer" left too much unexplained)
    item = _resolve(table, "a small slice of garlic bread straight from the freezer")
    assert isinstance(item, Item) and item.food.startswith("Garlic bread"), item
    assert "where it came from not weighed: 'straight from the freezer'" in item.notes, item.notes
    item = _resolve(table, "a bag of popcorn at the movies")
    assert isinstance(item, Item) and item.food.startswith("Popcorn"), item
    # a place that names a food is no place: "sour cream from the taco" is never plain sour cream
    m, _ = match("sour cream from the taco", table)
    assert m is None or not m.place


def test_a_sandwich_on_a_kind_of_bread_is_usdas_sandwich_on_that_bread(table) -> None:
    # "on wheat bread" was "Turkey sandwich on white": "bread" matched a synonym of the white one
    assert _food(table, "a turkey sandwich on wheat bread") == "Turkey sandwich on wheat"
    assert _food(table, "ham sandwich on white bread") == "Ham sandwich on white"


def test_an_organ_named_is_still_that_organ(table) -> None:
    assert _food(table, "chicken liver") == "Liver, chicken"
    assert "heart" in (_food(table, "chicken hearts") or "").lower()


@pytest.mark.parametrize(
    ("line", "food", "note"),
    [
        # MyFitnessPal writes the maker, a dash, the product: a maker USDA does not list is said
        ("Kirkland - Rotisserie Chicken, 3 oz", r"^Chicken", "brand 'Kirkland' not in USDA tables"),
        ("Quaker - Old Fashioned Oats, 1/2 cup dry", r"oats.*dry$", "brand 'Quaker' listed"),
        ("Generic - Banana, 1 medium", r"^Bananas, raw", ""),  # (its "Generic" is no maker)
    ],
)
def test_a_label_written_maker_dash_product_is_the_product_with_the_maker_said(
    table, line, food, note
) -> None:
    item = _resolve(table, line)
    assert isinstance(item, Item) and re.search(food, item.food, re.I), item
    assert (note in " ".join(item.notes)) if note else not any("brand" in n for n in item.notes), item.notes


@pytest.mark.parametrize("line", ["dry", "1 cup dry"])
def test_how_a_food_was_measured_alone_names_no_food(table, line) -> None:
    # "1/2 cup dry" after a comma was 64 g of dry chicken gravy
    entry = parse_entry(line)
    assert isinstance(entry, Problem) and "no food named" in entry.reason, entry


@pytest.mark.parametrize(
    ("cut", "plain"), [("diced cooked beef", "cooked beef"), ("cubed cooked turkey", "cooked turkey")]
)
def test_a_cut_word_beside_cooked_changes_no_food(table, cut: str, plain: str) -> None:
    # "diced cooked beef" was SR28's cured breakfast strips, "cubed cooked turkey" a drumstick with its skin:
    # the cut word hid the alias that "cooked beef" reaches
    assert _food(table, cut) == _food(table, plain) is not None


@pytest.mark.parametrize("line", ["poke bowl", "a poke bowl", "acai bowl"])
def test_a_dish_named_after_its_bowl_is_no_food_of_its_first_word(table, line: str) -> None:
    # "poke bowl" was 75 g of cooked poke greens
    assert _food(table, line) is None


def test_a_bowl_usda_names_is_that_dish(table) -> None:
    assert _food(table, "ramen bowl") == "Ramen bowl, NFS"
    assert _food(table, "chick peas").startswith("Chickpeas")  # two words, as people write them


def test_a_word_no_usda_name_has_is_said_when_the_rest_of_the_line_is_counted(table) -> None:
    out = _resolve(table, "hojicha milk tea")
    assert isinstance(out, Item) and "milk" in out.food.lower(), out
    assert any("'hojicha' in no USDA name" in n for n in out.notes), out.notes
    plain = _resolve(table, "milk tea")  # a line of known words says nothing of the kind
    assert isinstance(plain, Item) and not any("in no USDA name" in n for n in plain.notes), plain.notes


@pytest.mark.parametrize("line", ["2 medium free-range eggs", "3 cage free eggs", "pasture-raised eggs"])
def test_how_the_hens_were_kept_names_no_other_egg(table, line: str) -> None:
    # "2 medium free-range eggs" was asked (or egg whites once "free-range" was dropped by the search alone)
    out = _resolve(table, line)
    assert isinstance(out, Item) and out.food.startswith("Egg, whole"), out
    assert _food(table, "fat free milk").startswith("Milk, fat free")  # "free" itself still says fat free


def test_a_pain_au_chocolat_is_a_chocolate_croissant(table) -> None:
    assert _food(table, "a pain au chocolat") == "Croissant, chocolate"


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("1 yellow onion, chopped", r"^Onions, raw"),  # it was SR28's sauteed onions, and asked
        ("1/2 red onion, diced", r"^Onions, raw"),
        ("8 oz dried spaghetti", r"^Pasta, dry"),  # it was asked; "dry spaghetti" SR28's spinach spaghetti
        ("dry macaroni", r"^Pasta, dry"),  # never the vegetable macaroni
    ],
)
def test_a_recipes_everyday_ingredients_are_usdas_plain_ones(table, line: str, right: str) -> None:
    out = _resolve(table, line)
    assert isinstance(out, Item) and re.search(right, out.food), f"{line!r} -> {out}"


def test_how_a_recipe_readied_a_food_is_no_unread_word(table) -> None:
    out = _resolve(table, "1/2 cup unsalted butter, softened")
    assert isinstance(out, Item) and not any("in no USDA name" in n for n in out.notes), out.notes


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("coffee without sugar", r"coffee"),
        ("coffee, no sugar", r"coffee"),
        ("tea without milk", r"^Beverages, tea"),
    ],
)
def test_a_food_said_without_something_is_the_food_and_the_line_says_so(table, line: str, right: str) -> None:
    # "coffee without sugar" was not counted: the sugar, named by no coffee, made every coffee a weak match
    out = _resolve(table, line)
    assert isinstance(out, Item) and re.search(right, out.food, re.I), out
    assert "sugar" not in out.food.lower() and "milk" not in out.food.lower()
    assert any(n.startswith("said 'without") or n.startswith("said 'no") for n in out.notes), out.notes


def test_citrus_zest_is_the_peel_weighed_by_the_spoon_and_a_fruits_zest_is_asked(table) -> None:
    # "zest of 1 orange" was a whole 154 g orange (15 mg Mg); "1 tbsp lemon zest" 13 g of the fruit
    zest = _resolve(table, "1 tbsp lemon zest")
    assert isinstance(zest, Item) and zest.food == "Lemon peel, raw" and zest.grams == 6.0, zest
    orange = _resolve(table, "2 tsp orange zest")
    assert isinstance(orange, Item) and orange.food == "Orange peel, raw", orange
    asked = _resolve(table, "zest of 1 orange")
    assert isinstance(asked, Problem) and "Orange peel" in asked.reason, asked
