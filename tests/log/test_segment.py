"""log/segment.py: framing and chatter leave a line, joiners mark where it may divide (no food table)."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mgb6.log.segment import _JOINER, amount_first, segment


def parts(line: str) -> list[str]:
    return [p.text for p in segment(line).parts]


@pytest.mark.parametrize(
    ("line", "expected", "meal"),
    [
        # framing at the start and the end goes; the meal it names stays with the line
        ("For supper we had roast chicken and mash", ["roast chicken", "mash"], "supper"),
        ("At breakfast, I treated myself to a warm croissant", ["a croissant"], "breakfast"),
        ("My mid-morning snack consisted of a pear", ["a pear"], "snack"),
        ("I am enjoying 3 oz of almond paste", ["3 oz of almond paste"], None),
        ("grabbed a granola bar for a quick snack", ["a granola bar"], "snack"),
        ("a mug of cocoa this evening", ["a mug of cocoa"], None),
        ("Lunch today was a tuna melt.", ["a tuna melt"], "lunch"),
        ("To wrap up my day, I enjoyed a can of tuna.", ["a can of tuna"], None),
        # what went into the food was eaten ("I used the juice of one lime": its amount was lost)
        ("I used the juice of one lime", ["the juice of one lime"], None),
        ("used 2 tbsp olive oil", ["2 tbsp olive oil"], None),
        # words that end a food end it before a comma too (the fries "on the side" were not counted)
        ("a burger, some fries on the side, and a shake", ["a burger", "some fries", "a shake"], None),
        # chatter inside goes, words that narrow the food stay
        ("a delicious slice of rye bread", ["a slice of rye bread"], None),
        ("a glass of orange juice that was low in pulp", ["a glass of orange juice low in pulp"], None),
        ("a small tasty pizza from school", ["a small pizza from school"], None),
        # what a food did for the eater goes, up to the next comma or joiner
        ("a bottle of water to refresh myself", ["a bottle of water"], None),
        ("oatmeal to fill me up and coffee", ["oatmeal", "coffee"], None),
        # a trailing clause ends where the list goes on: the foods after it are never lost
        (
            "a croissant, a tablespoon of butter to enhance the flavor, and a cup of tap water",
            ["a croissant", "a tablespoon of butter", "a cup of tap water"],
            None,
        ),
        ("two Golden Delicious apples", ["two Golden Delicious apples"], None),
        # joiners
        ("bacon, eggs, and hash browns", ["bacon", "eggs", "hash browns"], None),
        ("rice w/ lentils", ["rice", "lentils"], None),
        ("porridge & honey", ["porridge", "honey"], None),
        ("crackers + brie", ["crackers", "brie"], None),
        ("soup; bread roll", ["soup", "bread roll"], None),
        ("a burger alongside a side salad", ["a burger", "a side salad"], None),
        # ... but a joiner with nothing after it only says the food came with the rest
        ("and enjoyed a cup of chocolate milk alongside.", ["a cup of chocolate milk"], None),
        ("a pickle with that", ["a pickle"], None),
        # where and how it was made at a line's end is no food ("scratch" was read as cheese)
        ("bread from scratch", ["bread"], None),
        ("tomatoes from my garden", ["tomatoes"], None),
        ("pancakes topped with maple syrup", ["pancakes", "maple syrup"], None),
        ("steak served with a baked potato", ["steak", "a baked potato"], None),
        ("a muffin plus a latte", ["a muffin", "a latte"], None),
        ("tofu along with broccoli", ["tofu", "broccoli"], None),
        ("breakfast bowl: 1 cup oats, 1 pear, 2 tbsp chia", ["1 cup oats", "1 pear", "2 tbsp chia"], None),
        ("a pretzel and washed it down with a cola", ["a pretzel", "a cola"], None),
        ("1/2 cup yogurt with 1/4 cup granola", ["1/2 cup yogurt", "1/4 cup granola"], None),
        ("bagel w cream cheese", ["bagel", "cream cheese"], None),
        # what the eater was doing is no food ("TV" was a TV dinner); eating while eating is a joiner
        ("hummus and pita chips while watching TV", ["hummus", "pita chips"], None),
        ("an apple while driving to work, and a coffee", ["an apple", "a coffee"], None),
        ("a sandwich while sipping on a cola", ["a sandwich", "a cola"], None),
        # a spread said before toast is on it ("avocado toast" was not counted)
        ("avocado toast", ["avocado", "toast"], None),
        ("avacado toast", ["avacado", "toast"], None),  # (its common misspelling: it was the toast alone)
        ("2 avocado toasts", ["2 avocado", "toasts"], None),
        ("french toast", ["french toast"], None),
        # a clock time at the end is when, never an amount ("around 3" was three almonds)
        ("ate some almonds around 3", ["some almonds"], None),
        ("coffee at 10:30", ["coffee"], None),
        # "a bite of" is an amount, never a meal called a bite; "a quick bite of" is one
        ("a bite of cake", ["a bite of cake"], None),
        ("a quick bite of a sandwich", ["a sandwich"], None),
        # a measure of nothing but describing words, then a comma: they describe the food after it
        ("a thick slice of lean, smoked ham", ["a thick slice of lean, smoked ham"], None),
        ("a cup of cooked, diced chicken, a pear", ["a cup of cooked, diced chicken", "a pear"], None),
        ("ate 3 cookies after dinner", ["3 cookies"], None),  # after dinner is not dinner
        # amounts are not joined away: "1 and 1/2", "one and a half"
        ("1 and 1/2 cups of lentils", ["1 and 1/2 cups of lentils"], None),
        ("one and a half bagels", ["one and a half bagels"], None),
        # parentheses keep what they hold
        ("chicken thigh (with skin and bone) and peas", ["chicken thigh (with skin and bone)", "peas"], None),
        # a plain diary line is left as it is
        ("1 cup cooked oatmeal", ["1 cup cooked oatmeal"], None),
        ("eggs, scrambled, 2 large", ["eggs", "scrambled", "2 large"], None),
        ("tea", ["tea"], None),
        ("breakfast burrito", ["breakfast burrito"], None),
    ],
)
def test_framing_leaves_and_joiners_divide(line: str, expected: list[str], meal: str | None) -> None:
    seg = segment(line)
    assert [p.text for p in seg.parts] == expected
    assert seg.meal == meal


@pytest.mark.parametrize(
    ("line", "meal"),
    [("Breakfast", "breakfast"), ("Lunch - ", "lunch"), ("Dinner was", "dinner"), ("SNACK:", "snack"),
     ("afternoon snack", "snack")],
)  # fmt: skip
def test_a_meal_word_alone_is_a_label_not_food(line: str, meal: str) -> None:
    seg = segment(line)
    assert seg.parts == ()
    assert seg.meal == meal


def test_a_label_before_the_food_gives_the_meal() -> None:
    seg = segment("breakfast - 2 eggs")
    assert parts("breakfast - 2 eggs") == ["2 eggs"]
    assert seg.meal == "breakfast"


def test_part_spans_point_at_the_part_as_written() -> None:
    line = "For lunch I had a delicious falafel wrap and a cup of mint tea."
    seg = segment(line)
    assert [line[p.start : p.end] for p in seg.parts] == ["a delicious falafel wrap", "a cup of mint tea"]
    assert [seg.core[p.core_start : p.core_end] for p in seg.parts] == ["a falafel wrap", "a cup of mint tea"]


_WORDS = st.sampled_from(
    """I had for lunch and with a an the delicious tasty 2 cups of oz g rice beans apple milk coffee , ; :
    + & w/ plus alongside topped served this morning snack breakfast dinner was my consisted that low
    in sugar 1/2 ( ) - . small large eggs scrambled toast then enjoyed it down""".split()
)
lines = st.lists(_WORDS, min_size=1, max_size=25).map(" ".join) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(line=lines)
def test_spans_lie_inside_the_line_in_order_and_never_overlap(line: str) -> None:
    seg = segment(line)
    prev_end, prev_core = 0, 0
    for p in seg.parts:
        assert 0 <= prev_end <= p.start < p.end <= len(line)
        assert prev_core <= p.core_start < p.core_end <= len(seg.core)
        assert seg.core[p.core_start : p.core_end] == p.text
        prev_end, prev_core = p.end, p.core_end
    for a, b in seg.framing:
        assert 0 <= a <= b <= len(line)


_WORD = re.compile(r"[^\W_]")


@settings(max_examples=300, deadline=None)
@given(line=lines)
@example(line="I : and +")  # a label before a colon that heads no list is a word, not framing
@example(line="I in coffee")  # a joiner that looks ahead ("in" before a hot drink)
def test_no_word_is_lost_but_framing(line: str) -> None:
    """Every word of the framing-free text is in a part or in a joiner between two parts."""
    seg = segment(line)
    core, ps = seg.core, seg.parts
    if not ps:
        assert not _WORD.search(_JOINER.sub(" ", core)) or seg.meal is not None
        return
    head = core[: ps[0].core_start]
    assert not _WORD.search(_JOINER.sub(" ", head)) or ":" in head  # a list's label ("smoothie: ...")
    assert not _WORD.search(_JOINER.sub(" ", core[ps[-1].core_end :]))
    # joiners are found in context (some look ahead: "in" joins only before "coffee", "w" before a word)
    joined = {i for m in _JOINER.finditer(core) for i in range(m.start(), m.end())}
    for a, b in pairwise(ps):
        lost = [i for i in range(a.core_end, b.core_start) if _WORD.match(core[i]) and i not in joined]
        assert not lost, (line, core[a.core_end : b.core_start])


@settings(max_examples=100, deadline=None)
@given(line=lines)
def test_segmenting_is_deterministic(line: str) -> None:
    first = segment(line)
    segment.cache_clear()
    assert segment(line) == first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a hearty 248g of milk", "248g hearty milk"),
        # before a container the amount stays with it and the praise moves to the food
        ("a chilled 16.9 fl oz bottle of water", "a 16.9 fl oz bottle of chilled water"),
        # ... and before a piece or a slice ("a small 11g piece" was one 5 g piece)
        ("a small 11g piece of licorice", "a 11g piece of small licorice"),
        ("a deliciously rich 885g slice of pie", "a 885g slice of deliciously rich pie"),
        ("a 12 oz can of cola", "a 12 oz can of cola"),
        ("a cup of tea", "a cup of tea"),
    ],
)
def test_a_measured_amount_after_praise_is_read_as_the_amount(text: str, expected: str) -> None:
    assert amount_first(text) == expected


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("8am - oatmeal w/ blueberries", ["oatmeal", "blueberries"]),  # a clock time, not 8 "am" of oatmeal
        ("12:30 pm: salad", ["salad"]),
        ("7:15 - 2 eggs", ["2 eggs"]),
        ("12:30 chicken salad", ["chicken salad"]),  # a clock time with no dash was no food at all
        ("at 18:45 pasta with pesto", ["pasta", "pesto"]),
        ("had a protein shake after gym", ["a protein shake"]),
        ("2 eggs after my run", ["2 eggs"]),
        ("8 oz milk", ["8 oz milk"]),
    ],
)
def test_clock_times_and_the_days_doings_frame_the_food(line: str, parts: list[str]) -> None:
    assert [p.text for p in segment(line).parts] == parts


def test_the_doing_before_what_was_eaten_is_framing_but_a_joiner_stays() -> None:
    assert [p.text for p in segment("sipping on a 16.9 fl oz bottle of water").parts] == [
        "a 16.9 fl oz bottle of water"
    ]
    assert [p.text for p in segment("I had toast while sipping on a cup of coffee").parts] == [
        "toast",
        "a cup of coffee",
    ]


def test_a_cup_and_a_half_is_never_cut_at_its_and() -> None:
    # ("leftover" is talk; the comma's parts are read whole again by nutrition/split.py)
    assert [p.text for p in segment("lunch: leftover chili, about a cup and a half").parts] == [
        "chili",
        "about a cup and a half",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the container the food came from, said after it, is its amount when the line gives no other
        ("a serving of apple juice from an individual school container",
         "an individual school container of apple juice"),
        ("some Cool Ranch Doritos from a small bag", "a small bag of Cool Ranch Doritos"),
        ("honey from a single serving container on the side", "a single serving container of honey"),
        ("espresso served in a 2 fl oz cup", "a 2 fl oz cup of espresso"),
        # ... and says nothing more when the line has an amount of its own
        ("a tablespoon of honey from a jar", "a tablespoon of honey"),
        ("two cookies from a box", "two cookies"),
        ("a 524g serving of iced tea in a bottle", "524g iced tea"),
        # a cup or glass without a size is no amount ("tea in my favourite cup")
        ("tea in my favourite cup", "tea in my favourite cup"),
    ],
)  # fmt: skip
def test_the_container_a_food_came_from_is_its_amount_unless_it_has_one(text: str, expected: str) -> None:
    assert amount_first(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("a frankfurter, wrapped in a soft bun and ready to enjoy", ["a frankfurter", "a soft bun"]),
        ("scrambled eggs wrapped in a flour tortilla", ["scrambled eggs", "a flour tortilla"]),
        ("a chicken breast and broccoli, both keeping it light", ["a chicken breast", "broccoli"]),
    ],
)
def test_what_a_food_was_wrapped_in_is_a_food_and_talk_of_keeping_it_light_is_not(
    line: str, expected: list[str]
) -> None:
    assert parts(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("peanut butter on toast", ["peanut butter", "toast"]),
        ("beans on toast", ["beans", "toast"]),
        ("cream cheese on a bagel", ["cream cheese", "a bagel"]),
        ("chili on rice", ["chili", "rice"]),
        # the bread a sandwich is on is part of USDA's name for it
        ("a turkey sandwich on wheat bread", ["a turkey sandwich on wheat bread"]),
        ("a hot dog on a bun", ["a hot dog on a bun"]),
    ],
)
def test_what_a_food_is_spread_or_served_on_is_a_food_but_a_sandwichs_bread_is_not(
    line: str, expected: list[str]
) -> None:
    assert parts(line) == expected


@pytest.mark.parametrize(
    ("line", "expected", "meal"),
    [
        # after "for" or "as" at the end, any praise may stand before the meal or what the food gave
        ("I treated myself to 360g of black tea for a relaxing snack.", ["360g of black tea"], "snack"),
        ("a granola bar as a quick and nutritious breakfast option", ["a granola bar"], "breakfast"),
        ("a cup of hot cocoa for a soothing, sweet flavor", ["a cup of hot cocoa"], None),
        ("a waffle with a bottle of water for a refreshing touch", ["a waffle", "a bottle of water"], None),
        # ... but tea is a food: "for my herbal tea" stays
        ("a tablespoon of honey for my herbal tea", ["a tablespoon of honey for my herbal tea"], None),
        # talk of how it landed
        ("For dinner, I had a sandwich that really hit the spot.", ["a sandwich"], "dinner"),
        # what the food was part of
        ("I had a patty of beef sausage as part of my breakfast.", ["a patty of beef sausage"], "breakfast"),
        ("2 eggs and toast as part of a balanced morning routine", ["2 eggs", "toast"], None),
    ],
)  # fmt: skip
def test_praise_before_a_closing_meal_or_flavour_is_framing(
    line: str, expected: list[str], meal: str | None
) -> None:
    seg = segment(line)
    assert [p.text for p in seg.parts] == expected
    assert seg.meal == meal


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("a tablespoon of honey mixed into my tea", ["a tablespoon of honey", "my tea"]),
        ("maple syrup poured over pancakes", ["maple syrup", "pancakes"]),
        ("a spoonful of sugar added to my coffee", ["a spoonful of sugar", "my coffee"]),
    ],
)
def test_what_one_food_was_put_into_or_onto_is_another_food(line: str, expected: list[str]) -> None:
    assert parts(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "a generous 74g serving of egg salad",
        "a substantial 248g nutritional drink",
        "124g of pure apple juice",
        "a biscuit from a local restaurant",
    ],
)
def test_words_sizing_up_a_measured_portion_are_talk(line: str) -> None:
    assert not {"generous", "substantial", "pure", "local"} & set(" ".join(parts(line)).split())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("My breakfast routine often includes a cup of brewed coffee", ["a cup of brewed coffee"]),
        ("I mixed up a serving of fruit-flavored drink powder", ["a serving of fruit-flavored drink powder"]),
        ("a scoop of protein powder to kickstart my morning", ["a scoop of protein powder"]),
    ],
)
def test_how_a_routine_or_a_drink_was_made_is_framing(line: str, expected: list[str]) -> None:
    assert parts(line) == expected


def test_a_which_clause_ends_where_a_joiner_puts_another_food_beside_it() -> None:
    # the Fritos were lost with the clause "which was a whole fruit, ..."
    line = "I savored an avocado, which was a whole fruit, alongside a small bag of Fritos."
    assert parts(line) == ["an avocado", "a small bag of Fritos"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # what a clause said of the eater ends where another food is put beside the first
        ("I had toast to start my day and a coffee", ["toast", "a coffee"]),
        ("I had pasta making it a great dinner with a side salad", ["pasta", "a side salad"]),
        ("I had a bagel since I was hungry, plus an orange juice", ["a bagel", "an orange juice"]),
        # ... but a "which" clause goes on saying what the food had, and company is no food
        ("a breakfast bar, which had a cereal crust and a sweet fruit filling", ["a breakfast bar"]),
        ("I had pizza to share with a friend", ["pizza"]),
        # another sentence of eating after a clause, a list after a colon, a food put beside after "which"
        (
            "a cheese sandwich, and to satisfy my sweet tooth, I indulged in a chocolate ice cream bar",
            ["a cheese sandwich", "a chocolate ice cream bar"],
        ),
        ("I decided to keep it simple for lunch: a ham sandwich", ["a ham sandwich"]),
        (
            "a sandwich on white bread, which I enjoyed alongside a cup of chips and a bottle of Gatorade",
            ["a sandwich on white bread", "a cup of chips", "a bottle of Gatorade"],
        ),
        (
            "a roll, which I complemented with an 8 fl oz cup of coffee",
            ["a roll", "an 8 fl oz cup of coffee"],
        ),
        ("yogurt, which I enjoyed with a cup of milk", ["yogurt", "a cup of milk"]),
        ("popcorn, which was cheesy, and washed it down with a can of cola", ["popcorn", "a can of cola"]),
        (
            "a can of diet cola while also having a serving of beer",
            ["a can of diet cola", "a serving of beer"],
        ),
        ("a fajita, while a piece of gum", ["a fajita", "a piece of gum"]),
        (
            "a soda and enjoyed every bite of my small serving of chips",
            ["a soda", "my small serving of chips"],
        ),
        ("a cookie, savoring every bite of it", ["a cookie"]),
        # a measured amount starts a food too, and an adverb may stand before "with"
        (
            "a corn dog, which is a frankfurter in cornbread, along with 244g of milk",
            ["a corn dog", "244g of milk"],
        ),
        (
            "90g of a sweet roll, which I paired perfectly with 240g of coffee",
            ["90g of a sweet roll", "240g of coffee"],
        ),
        ("a 73g croissant and spreading 14g of butter on it", ["a 73g croissant", "14g of butter"]),
        # what a meal "consisted of" is the list; what went into a tea is beside the tea
        (
            "I opted for a light breakfast today, which consisted of a cup of skim milk and a tart",
            ["a cup of skim milk", "a tart"],
        ),
        ("I mixed a tablespoon of honey into my herbal tea", ["a tablespoon of honey", "my herbal tea"]),
        ("sugar in my tea", ["sugar", "my tea"]),
    ],
)
def test_a_clause_never_swallows_the_next_food(line: str, expected: list[str]) -> None:
    assert parts(line) == expected


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("fruit - 1 apple", ["1 apple"]),  # was FNDDS's apple butter: "fruit ... apple"
        ("veg: 1 cup broccoli", ["1 cup broccoli"]),  # was not counted
        ("protein - 6 oz chicken breast", ["6 oz chicken breast"]),
        ("fruit - 2 servings", ["fruit - 2 servings"]),  # only an amount after it: the kind is the food
        ("fruit salad", ["fruit salad"]),
    ],
)
def test_a_course_or_kind_heading_a_food_is_no_food_of_its_own(line: str, parts: list[str]) -> None:
    assert [p.text for p in segment(line).parts] == parts


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        # each sentence is framed as a line is: "Lunch was a turkey club" was read as one food
        (
            "Had toast and coffee. Lunch was a turkey club and some chips.",
            ["toast", "coffee", "a turkey club", "some chips"],
        ),
        (
            "dinner: salmon, quinoa. dessert was 2 squares dark chocolate",
            ["salmon", "quinoa", "2 squares dark chocolate"],
        ),
        (
            "a fried chicken thigh, coated to perfection. To round off my meal, I enjoyed fries",
            ["a fried chicken thigh", "coated", "fries"],
        ),
        ("a Dr. Pepper and fries", ["a Dr. Pepper", "fries"]),  # an abbreviation's point ends no sentence
    ],
)
def test_each_sentence_of_a_line_is_framed_as_a_line_is(line: str, parts: list[str]) -> None:
    assert [p.text for p in segment(line).parts] == parts
