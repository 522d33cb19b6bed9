"""Cut a line written as people speak into the text that names food and its candidate parts.

"For lunch I had a turkey sandwich on wheat, a glass of milk and an apple" becomes the framing-free text
"a turkey sandwich on wheat, a glass of milk and an apple" with three candidate parts, each with its span
in the line as written. Pure text in, data out: no food table is read here. Whether "mac and cheese" is
one food or two is not decided here either: the resolution step (nutrition/split.py) merges adjacent parts
when the merged text matches a food better than the parts do. So a joiner here only marks where a line
*may* divide.

The vocabulary lives in phrases.py; this module turns it into patterns and applies them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from mgb6.lazyre import lazy
from mgb6.log import phrases as P


class Part(NamedTuple):
    """One candidate food of a line: its framing-free text and where it stands."""

    text: str  # as the parser should read it (framing and chatter inside it removed)
    start: int  # span in the line as written: first character ...
    end: int  # ... and one past the last
    core_start: int  # the same span in Segmented.core
    core_end: int


class Segmented(NamedTuple):
    """A line read for its structure. ``core`` is the line without framing; the parts lie in it in order,
    separated by joiners. ``framing`` and ``joiners`` are spans in the line as written: with the parts they
    cover every word of the line."""

    line: str
    core: str
    parts: tuple[Part, ...]
    meal: str | None
    framing: tuple[tuple[int, int], ...]
    joiners: tuple[tuple[int, int], ...]


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """One alternation, longest first (a regex tries alternatives in order), spaces as any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    alts = (re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)
    return "(?:" + "|".join(alts) + ")"


_MEAL = _alt(P.MEAL_WORDS)
_MODS = _alt(P.MEAL_MODIFIERS + P.CHATTER)
_DET = (
    r"(?:my|our|a|an|the|this|that|today['’]s|tonight['’]s|yesterday['’]s|some|his|her|their"
    r"|(?:my|our|the)\s+(?:baby|son|daughter|toddler|child|kid|little\s+one)['’]s)"
)
_TIME = _alt(P.TIME_WORDS)
_END = r"(?=[\s,;:.!?)-]|$)"  # a word ends here (apostrophes and hyphens belong to words)
_MODS_ANY = rf"(?:{_MODS}\s+(?:and\s+)?)*"  # "a quick and satisfying snack"
# ("a bite of cake" is an amount of cake, never a meal called a bite; "a quick bite of" is a meal)
_NO_BITE_OF = r"(?!(?<=(?<!quick\s)bite)s?\s+of\b)"
_MEAL_PHRASE = rf"(?:{_DET}\s+)?{_MODS_ANY}(?P<meal>{_MEAL}){_NO_BITE_OF}(?:\s*(?:time|break|hour))?{_END}"
# "kicked off my lunch with", "rounded out the meal by having"
_DAY_VERB = (
    r"(?:kicked\s+off|started|began|ended|finished|rounded\s+out|rounded\s+off|capped\s+off|topped\s+off|wrapped\s+up"
    r"|completed|fu?ell?ed|brightened|powered|treated)\s+(?:my|the|our)\s+(?:\w+\s+)?"
    rf"(?:{_MEAL}|day|morning|afternoon|evening|night|self|myself)(?:\s+(?:off|right))?\s+"
    r"(?:with|by\s+having|by\s+eating)"
)
_SUBJECT_VERB = (
    rf"{_alt(P.SUBJECTS)}\s+(?:{_alt(P.ADVERBS)}\s+)*(?:{_DAY_VERB}|{_alt(P.EATING_VERBS)}){_END}"
    r"(?:\s+(?:myself|ourselves|me|us|up|on|in|some|for\s+myself)(?=\s))?"
)
# A line may start with the verb alone ("Had 2 eggs", "Grabbed a coffee"): only verbs that are no food word.
_BARE_VERBS = _alt(
    (
        "had",
        "ate",
        "drank",
        "grabbed",
        "enjoyed",
        "having",
        "eating",
        "drinking",
        "snacked on",
        "munched on",
        "nibbled on",
        "sipped",
        "devoured",
        "ordered",
        "just had",
        "also had",
        "used",
    )
)
_CLOCK = r"(?:at\s+|around\s+|@\s*)?"  # "at 8am", "@ 7:15"
_LEAD = (
    # "For lunch", "At dinner,", "During my afternoon snack", "As a quick bite"
    lazy(rf"(?:for|at|during|with|as|over|around|on)\s+{_MEAL_PHRASE}\s*(?:{_TIME}\s*)?,?\s*", re.I),
    # "While enjoying my lunch,"
    lazy(rf"while\s+\w+ing\s+(?:on\s+)?{_MEAL_PHRASE}\s*,?\s*", re.I),
    # "I had", "I am enjoying", "we treated ourselves to", "I also grabbed"
    lazy(rf"{_SUBJECT_VERB}\s*:?\s*", re.I),
    # "My afternoon snack consisted of", "Lunch today was", "This evening's dinner included"
    lazy(
        rf"(?:(?:{_DET}|this\s+\w+['’]s)\s+)?(?:{_MODS}\s+)*(?P<meal>{_MEAL})(?:\s+{_MEAL})?(?:\s+{_TIME})?\s+"
        rf"(?:{_alt(P.ADVERBS)}\s+)?{_alt(P.MEAL_VERBS)}{_END}\s*:?\s*",
        re.I,
    ),
    # "In the mood for something sweet,"
    lazy(r"in\s+the\s+mood\s+for\s+[^,]{1,40},\s*", re.I),
    # "Breakfast - ", "Lunch:", "Dinner was" (a bare label: the rest of the line, if any, is the food)
    lazy(rf"(?P<meal>{_alt(P.LABEL_WORDS)})\s*(?:[-–—:.!]+\s*|\s+(?:was|were|is|today|time)\b\s*|$)", re.I),
    lazy(rf"{_TIME}\s*,?\s*", re.I),
    # "8am - oatmeal", "12:30 pm: salad", "7:15 - eggs": a clock time heads the line, never an amount
    lazy(rf"{_CLOCK}\d{{1,2}}(?::[0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?![\w])\s*[-–—:,]?\s*", re.I),
    lazy(rf"{_CLOCK}\d{{1,2}}:[0-5]\d\s*[-–—:]\s*", re.I),
    # ... and with no dash before a word ("12:30 chicken salad")
    lazy(rf"{_CLOCK}(?:[01]?\d|2[0-3]):[0-5]\d\s+(?=[^\W\d_])", re.I),
    lazy(rf"{_BARE_VERBS}{_END}\s*:?\s*", re.I),
    # "a snack that included", "a nutritious breakfast featuring", "a light lunch of" (after "I had")
    lazy(
        rf"{_DET}\s+{_MODS_ANY}(?P<meal>{_MEAL}){_NO_BITE_OF}(?:\s+{_TIME})?\s*,?\s+(?:that\s+|which\s+)?"
        r"(?:included|includes|including"
        r"|consisting\s+of|consisted\s+of|featuring|featured|of|made\s+up\s+of|comprising|comprised\s+of|having"
        r"|eating|enjoying|with|consists\s+of)\s+",
        re.I,
    ),
    # "To start my day right,", "To kick off my morning"
    lazy(
        r"to\s+(?:start|begin|kick\s+off|fuel|end|finish|round\s+off|round\s+out|cap\s+off|power\s+through|"
        r"wrap\s+up|close\s+out|top\s+off|"
        r"brighten|energi[sz]e|refuel)\s+(?:my|the|our)\s+(?:\w+\s+)?(?:day|morning|afternoon|evening|night|"
        r"meal|breakfast|lunch|dinner|snack|workout)(?:\s+(?:right|off))?\s*,?\s*",
        re.I,
    ),
    lazy(
        r"as\s+part\s+of\s+(?:my|a|the)\s+(?:\w+\s+){0,3}?(?:routine|meal|breakfast|lunch|dinner|snack|diet)"
        r"\s*,?\s*",
        re.I,
    ),
    lazy(
        r"(?:so|well|ok|okay|oh|and|then|also|next|later|finally|afterwards|after\s+that|for\s+starters"
        r"|to\s+start|first|first\s+up)\s*[,:]?\s+",
        re.I,
    ),
)
# the doings of eating and drinking, after "while": what follows is food ("while sipping on a cola")
_EATING_ING = (
    r"(?:feasting|enjoying|sipping|munching|nibbling|snacking|eating|drinking|having|savou?ring|relishing"
    r"|chewing|indulging|devouring|tucking|washing|grabbing|finishing|polishing|gulping|hydrating|treating)"
)
_TRAIL = (
    lazy(
        # (not "in": "sugar in my tea" is the drink, not the meal)
        rf"\s*,?\s*(?:for|at|during|as|with|over|after|before)\s+{_MEAL_PHRASE}(?:\s+{_TIME})?\s*[.!?]*\s*$",
        re.I,
    ),
    # "for a relaxing snack", "as a quick and nutritious breakfast option", "for a soothing, sweet flavor":
    # after "for" or "as" at the end of a line, any praise may stand before the meal or what it gave
    # (not "tea": "honey for my herbal tea" names a food)
    lazy(
        rf"\s*,?\s*(?:for|as)\s+{_DET}\s+(?:[^\W\d][\w'’-]*,?\s+){{0,4}}?"
        rf"(?:(?P<meal>{_alt([w for w in P.MEAL_WORDS if w != 'tea'])})"
        rf"(?:\s+(?:time|break|option|choice|staple))?|{_alt(P.SENSE_NOUNS)})(?:\s+{_TIME})?\s*[.!?]*\s*$",
        re.I,
    ),
    # "a patty of beef sausage as part of my breakfast", "as part of a balanced lunch routine"
    lazy(
        rf"\s*,?\s*as\s+(?:a\s+)?part\s+of\s+(?:my|a|the|our|this)\s+(?:[^\W\d][\w'’-]*,?\s+){{0,3}}?"
        rf"(?:(?P<meal>{_MEAL})|routine|diet)(?:\s+(?:routine|time|break))?(?:\s+{_TIME})?\s*[.!?]*\s*$",
        re.I,
    ),
    # "peanut butter spread generously on top": the spreading, not a spread
    lazy(
        r"\s+spread\s+(?:(?:\w+ly|evenly|thick|thin)\s+)?(?:on\s+top\b.*|on\s+it|over\s+it|\w+ly)\s*[.!?]*\s*$",
        re.I,
    ),
    lazy(rf"\s*,?\s*{_TIME}\s*[.!?]*\s*$", re.I),
    # "ate some almonds around 3", "coffee at 10:30": when, never an amount (it was three almonds)
    lazy(
        r"\s*,?\s+(?:at|around)\s+(?:1[0-2]|[1-9])(?::[0-5]\d)?(?:\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock|ish))?"
        r"\s*[.!?]*\s*$",
        re.I,
    ),
    lazy(rf"\s*,?\s*{_alt(P.TAIL_WORDS)}\s*[.!?]*\s*$", re.I),
    lazy(r"\s*[.!?]+\s*$"),
)
# ... or where a joiner puts another food beside it (", alongside a small bag of Fritos", "and a coffee"): the
# joiner stays, so the food after it is never lost with the clause (talk after it is left out as talk, and
# said; ", and chocolate" without an article may be a list inside the clause, "caramel, coconut, and
# chocolate", and does not end it)
_BESIDE = _alt(P.BESIDE_JOINERS)
# what starts another food: an article or count word, or a number ("244g of milk")
_A_FOOD = r"(?:(?:a|an|some|one|two|three|four|another)\s|\d)"
# ... said to come with the first: "(washed it down) with a can of cola", "(paired perfectly) with 240g of"
_WITH_A_FOOD = rf"(?:it\s+|them\s+)?(?:down\s+)?(?:\w+ly\s+)?with\s+{_A_FOOD}"
_RESUME_AFTER_COMMA = (
    rf",\s*(?:and\s+)?(?:then\s+)?(?:also\s+)?(?={_A_FOOD})|[.;!?]\s+(?=[A-Z])"
    rf"|,\s*(?={_BESIDE}\s+(?:my\s|{_A_FOOD}))"
    # ("..., which was deliciously cheesy, and washed it down with a can of cola")
    rf"|,\s*(?=(?:and\s+)?(?:then\s+)?{_alt(P.LATER_VERBS)}\s)"
    # "..., and to satisfy my sweet tooth, I indulged in a bar": another sentence of eating; after a colon, a
    # list
    rf"|,\s*(?:and\s+)?(?:then\s+)?(?={_SUBJECT_VERB})|:\s+(?=\S)"
)
# (a clause of ", which ..." goes on where a food is put beside it: "which I enjoyed alongside a cup of
# chips"; "and a sweet fruit filling" after "which had a cereal crust" still says what the food had)
_PUT_BESIDE = _alt([w for w in P.BESIDE_JOINERS if w not in ("and", "plus", "with")])
_RESUME_WHICH = lazy(
    rf"{_RESUME_AFTER_COMMA}|\s+(?={_PUT_BESIDE}\s+{_A_FOOD})"
    # ("which I complemented with an 8 fl oz cup of coffee", "which I enjoyed with a cup of milk")
    rf"|\s+(?={_alt(P.LATER_VERBS)}\s+{_WITH_A_FOOD})",
    re.I,
)
# (after a clause of what it did for the eater, "and a coffee" or "with a side salad" goes on without a comma;
# after ", which ...", "and a sweet fruit filling" still says what the food had)
_RESUME = lazy(rf"{_RESUME_AFTER_COMMA}|\s+(?=(?:and|plus|with)\s+{_A_FOOD})", re.I)
# (not "every bite of my small serving of Doritos": the food follows)
_CLAUSE = lazy(
    rf"\s*[,;-]?\s*(?:\band\s+)?\b{_alt(P.TRAILING_CLAUSES)}{_END}(?!\s+of\s+(?:my|a|an)\b).*$"
    r"|\s*,\s*which\b.*$"
    # "hummus and pita chips while watching TV": what the eater was doing, no food ("TV" was a TV dinner)
    rf"|\s*,?\s+while\s+(?!(?:also\s+)?{_EATING_ING}\b)[a-z]+ing\b.*$",
    re.I,
)
# an amount as a report gives it: "3 oz", "20 fl oz", "one cup", "just an ounce"
# the units of a kitchen measure, spelt out: one list for the patterns below
_MEASURE_UNITS = r"cups?|tablespoons?|teaspoons?|tbsp|tsp|ounces?|oz|pounds?|lbs?"
_VOLUME_UNITS = r"pints?|quarts?|lit(?:er|re)s?|millilit(?:er|re)s?|ml"
_REPORTED = (
    r"\d|(?:a|an|one|two|three|four|five|six|eight|ten|twelve|half\s+an?)\s+(?:fluid\s+|fl\.?\s+|full\s+)?"
    rf"(?:{_MEASURE_UNITS}|grams?|g|{_VOLUME_UNITS})\b"
)
_INNER = lazy(
    # "the kids' mac and cheese", "my son's leftover fries": whose it was
    rf"\b(?:my|the|his|her|our|their)\s+(?:little\s+|youngest\s+|oldest\s+)?{_alt(P.OWNERS)}(?:'s|’s|'|’)\s*"
    r"|"
    # "some fries on the side, a burger": words that end a food end it before a comma too
    rf"\s*\b{_alt(P.TAIL_WORDS)}(?=\s*[,;])"
    rf"|\b(?:{_alt(P.CHATTER)}|(?<!golden\s)(?<!red\s)delicious|juicy(?!\s+juice)"
    r"|really|very|absolutely|incredibly|extremely|truly|perfectly|nicely|deliciously|wonderfully)"
    r"(?![\w'’-])\s*"
    rf"|\bfor\s+(?:(?:some|a\s+bit\s+of|a\s+little|added|extra|an\s+extra|a\s+touch\s+of|a\s+burst\s+of|more|"
    rf"a\s+hint\s+of|a\s+boost\s+of|a\s+dose\s+of|a|an|that)\s+)*(?:[a-z-]+\s+)?{_alt(P.PURPOSES)}(?![\w'’-])\s*"
    rf"|\b(?:this\s+morning|this\s+afternoon|this\s+evening|tonight|today|yesterday|last\s+night|earlier\s+today"
    r"|primarily|mostly|mainly|largely|fully|partly|to\s+perfection|just\s+right|just\s+the\s+way\s+i\s+like\s+it)"
    r"(?![\w'’-])\s*"
    # "that always hits the spot", "which I quickly made": a clause about the food, up to the next comma
    r"|\b(?:that|which)\s+(?:i\s+|we\s+)?(?:\w+ly\s+|always\s+|really\s+|just\s+|also\s+)*(?:hits?|brings?|brought"
    r"|makes?|made|gives?|gave|keeps?|kept|reminds?|reminded|warm(?:s|ed)|satisf(?:ies|ied)|helps?|helped|left"
    r"|leaves|adds?|added|provides?|provided|offers?|offered|tastes?|tasted|feels?|felt|goes|went|pairs?|paired"
    r"|complements?|complemented|prepared|cooked|heated|bought|picked|grabbed|got|love|loved|enjoy|enjoyed)\b"
    # (not "which I complemented with an 8 fl oz cup of coffee": what it came with is another food)
    rf"(?!\s+{_WITH_A_FOOD})"
    # (up to what it was put beside: "which I enjoyed alongside a cup of chips" keeps the chips)
    rf"(?:(?!\s+{_PUT_BESIDE}\s+{_A_FOOD})[^,;])*"
    # "sipping on a bottle of water", "munching on a crisp carrot": the doing before what was eaten
    r"|(?<!while\s)(?<!while\salso\s)\b(?:sipping|munching|nibbling|snacking|chewing|drinking|eating|having|enjoying|savou?ring|relishing"
    r"|indulging|grabbing|finishing)\s+(?:on\s+|in\s+|into\s+)?(?=(?:a|an|some|the|my|one|two|\d)\b)"
    rf"|\b{_alt(P.AMOUNT_REPORTERS)}(?:\s+{_alt(P.AMOUNT_FILLERS)})*\s+(?={_REPORTED})"
    # "enjoyed every bite of my small serving of Doritos": how it was eaten, then the food
    r"|\b(?:every|each)\s+(?:bite|sip|spoonful|mouthful|morsel|crumb|drop)\s+of\s+(?=(?:my|a|an)\s)"
    rf"|\s*\b(?:after|once)\s+(?:removing\s+|taking\s+(?:off|out|away)\s+)?(?:the\s+|its\s+)?{_alt(P.INEDIBLE_PARTS)}"
    r"\b[^,;.!?]*"
    rf"|\b{_alt(P.RELATIVE_OPENERS)}{_END}\s*"
    # "to refresh myself", "to hold me over until dinner": what it did for the eater, up to the next comma
    r"|\bto\s+[a-z]+\s+(?:myself|me|us|ourselves)\b(?:(?!\s+(?:and|with|plus|alongside)\b)[^,;])*"
    r"|\b(?:it|them|this|that|everything|all)\s+(?=(?:alongside|along\s+with|with|together\s+with)\b)"
    rf"|\b{_SUBJECT_VERB}\s*"
    rf"|\b(?:for|at|during|as)\s+(?:{_DET}\s+)?{_MODS_ANY}(?P<meal>{_MEAL})(?=\s*(?:[,;.!?]|\band\b|\bwith\b|$))",
    re.I,
)
# Where a line may divide. Not inside parentheses (see _segment), never "1 and 1/2", "one and a half".
_LATER = (
    rf"(?:(?:and\s+)?(?:then\s+)?(?:also\s+)?(?:{_alt(P.SUBJECTS)}\s+)?{_alt(P.LATER_VERBS)}"
    r"(?:\s+(?:it|them|myself|ourselves|everything)(?:\s+all)?)?(?:\s+(?:down|off|up|out|in|on))?"
    r"(?:\s+(?:with|by|to))?(?=\s))"
)
# a spread, said just before what it was spread on (each a fixed-width look-behind, as Python's re needs)
_SPREAD_BEFORE = "|".join(
    f"(?<={w})"
    for w in (
        "butter", "margarine", "jam", "jelly", "honey", "nutella", "hummus", "spread", "mayo", "mayonnaise",
        "marmalade", "preserves", "avocado",
        "avacado",  # (its common misspelling: "avacado toast" was the toast alone, the avocado unread)
    )
)  # fmt: skip
# a powder, said just before the water or milk it was taken in
# ("whey protein in water", never "tuna in water")
_POWDER_BEFORE = "|".join(f"(?<={w})" for w in ("protein", "powder", "whey", "collagen", "creatine", "mix"))
_A_LIQUID = r"(?:(?:a|my|some)\s+)?(?:(?:glass|cup|mug|bottle)\s+of\s+)?(?:[\w'-]+\s+)?"
_NOT_AN_ABBREVIATION = r"(?<!\bdr)(?<!\bst)(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bapprox)(?<!\bvs)(?<!\bno)"
_JOINER = lazy(
    rf"\s*[;,]\s*(?:{_LATER}\s*|{_alt(P.JOINERS)}\s+|while\s+(?=(?:a|an|some|my)\s))?"
    rf"|\s+and\s+{_LATER}\s*"
    rf"|\s+{_alt(P.JOINERS)}\s+"
    r"|\s+w/(?!o\b)\s*|\s+w\s+(?=[^\W\d])"  # (never "w/o": without)
    # "half & half in my coffee", "honey into my herbal tea"
    r"|\s+in(?:to)?\s+(?=(?:my\s+|a\s+|the\s+)?(?:[a-z]+\s+)?(?:coffee|tea|latte|cappuccino)\b)"
    # "whey protein in water", "a scoop of protein powder mixed into almond milk": a powder (or cereal) in
    # the liquid it was taken in; "tuna in water" stays whole where USDA names the two as one food
    rf"|(?:\s+(?:mixed|stirred|shaken|soaked|dissolved)|{_POWDER_BEFORE})\s+in(?:to)?\s+(?={_A_LIQUID}(?:water|milk)\b)"
    rf"|\s+in(?:to)?\s+(?={_A_LIQUID}milk\b)"
    # "peanut butter on toast", "beans on toast", "chili on rice", "almond butter on apple slices", "salsa on
    # eggs": what a food is spread or served on (never the bread a sandwich is "on": USDA names "Turkey
    # sandwich on wheat", "Hot dog, on white bun"); the division then decides whether USDA names the two as
    # one food ("gravy on mashed potatoes")
    r"|\s+on\s+(?=(?:(?:a|an|some|two|three|\d+)\s+)?(?:slices?\s+of\s+)?(?:[\w-]+\s+){0,3}?(?:toast|crackers?"
    r"|rice|bagels?|english\s+muffins?|rice\s+cakes?|waffles?|pancakes?|bananas?|apples?|celery|carrots?"
    r"|cucumbers?|scones?|crumpets?|crepes?|oatmeal|porridge|yogurt|ice\s+cream|eggs?|potato(?:es)?|pasta"
    r"|noodles|spaghetti|salad|popcorn|pretzels?|chips|nachos|fries|apple\s+slices)\b)"
    # ... and bread named plainly under a spread ("butter on bread", "jam on a slice of bread"; it was sweet
    # pickles, whose SR28 name includes "bread and butter"): "a frankfurter on bread" is a hot dog sandwich
    rf"|(?:{_SPREAD_BEFORE})\s+on\s+(?=(?:(?:a|an|some|two|\d+)\s+)?(?:slices?\s+of\s+)?bread\b)"
    # ... or said before it with no "on" at all ("avocado toast", "peanut butter toast": USDA names neither)
    rf"|(?:{_SPREAD_BEFORE})\s+(?=toasts?\b)"
    # "water while feasting on a chicken leg"
    rf"|\s+while\s+(?:also\s+)?{_EATING_ING}(?:\s+(?:on|in|up))?\s+"
    r"|\s+while\s+(?=(?:a|an|some|my)\s)"  # "a fajita, while a piece of chewing gum kept me refreshed"
    # a second sentence (its framing gone: "quinoa. 2 squares of dark chocolate"; never "a Dr. Pepper")
    rf"|{_NOT_AN_ABBREVIATION}[.!?]\s+(?:(?:alongside|along\s+with|with|and|plus|then|also)\s+|(?=[A-Z\d]))",
    re.I,
)
_HAS_WORD = lazy(r"[^\W_]")
_SAID_BY_ME = lazy(r"(?:i|we)\s", re.I)
_IN_NUMBER = lazy(r"(?:\d+\s*/\s*\d+|a\s+half|half|a\s+quarter|[½¼¾⅓⅔])(?![\w-])", re.I)
_NUMBER_END = lazy(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*$", re.I)
# "a cup and a half": an amount's unit before a plain "and a half" (no unit after it) is one amount too
_UNIT_END = lazy(
    rf"\b(?:{_MEASURE_UNITS}|{_VOLUME_UNITS}|slices?|pieces?|servings?|bowls?|glasses?|mugs?|scoops?|bars?|cans?"
    r"|bottles?)\s*$",
    re.I,
)
_AND_A_HALF = lazy(rf"(?:a\s+)?half\b(?!\s*(?:{_MEASURE_UNITS}))", re.I)
_EDGE = " \t,;:-–—.!?"


# A course or kind heading a food that is one of it ("fruit - 1 apple", "veg: 1 cup broccoli"): no food of its
# own, unless nothing but an amount follows ("fruit - 2 servings" is two servings of fruit)
_KIND_LABEL = lazy(
    r"(?:fruits?|veg|veggies|vegetables?|sides?|protein|carbs|sweets|treats|alcohol|starters?|appetizers?"
    r"|mains?)\s*[-–—:]\s+(?=\S)",
    re.I,
)


_NEXT_SENTENCE = lazy(rf"(?<=[a-z)]){_NOT_AN_ABBREVIATION}[.!?]+\s+(?=[A-Za-z])", re.I)


def _lead(text: str, pos: int, framing: list[tuple[int, int]]) -> tuple[int, str | None]:
    """Consume framing at the start of what is left: the new start, and the meal it named if any."""
    meal = None
    kind = _KIND_LABEL.match(text, pos) if text[pos : pos + 1].isalpha() else None
    if kind is not None:
        from mgb6.log.parse import amount_only

        if not amount_only(text[kind.end() :]):
            framing.append((pos, kind.end()))
            pos = kind.end()
    progressed = True
    while progressed and pos < len(text):
        progressed = False
        for pattern in _LEAD:
            m = pattern.match(text, pos)
            if m and m.end() > pos:
                if meal is None and "meal" in pattern.groupindex and m.group("meal"):
                    meal = _meal_of(m.group("meal"))
                framing.append((pos, m.end()))
                pos = m.end()
                progressed = True
                break
    return pos, meal


def _meal_of(word: str) -> str | None:
    w = " ".join(word.lower().split())
    return P.MEAL_OF.get(w.split()[-1], w if w in P.LABEL_WORDS else None)


def _trail(text: str, start: int, end: int, framing: list[tuple[int, int]]) -> tuple[int, str | None]:
    meal = None
    pos = start
    while (
        (cut := _CLAUSE.search(text, pos, end))
        and cut.start() > start
        and _HAS_WORD.search(text, start, cut.start())
    ):
        # "a tablespoon of butter to enhance the flavor, and a cup of tap water": the clause ends where the
        # list goes on (", and a ...", a new sentence); only the clause is left out, never the foods after it
        which = cut.group(0).lstrip(" ,;-").lower().startswith("which")
        resume = (_RESUME_WHICH if which else _RESUME).search(text, cut.start() + 1, end)
        if resume is None:
            framing.append((cut.start(), end))
            end = cut.start()
            break
        framing.append((cut.start(), resume.start()))
        pos = resume.start()
    progressed = True
    while progressed and end > start:
        progressed = False
        for pattern in _TRAIL:
            m = pattern.search(text, start, end)
            if m and m.start() < end and m.start() >= start:
                if m.start() == start:  # the whole rest would go: keep it (it is the food: "today's special")
                    continue
                after = m.group(0).strip(" ,").lower().startswith(("after", "before"))  # not that meal
                if meal is None and "meal" in pattern.groupindex and m.group("meal") and not after:
                    meal = _meal_of(m.group("meal"))
                framing.append((m.start(), end))
                end = m.start()
                progressed = True
                break
    return end, meal


def _paren_depths(text: str) -> list[int]:
    depth, out = 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        out.append(depth)
        if ch in ")]" and depth:
            depth -= 1
    return out


@lru_cache(maxsize=8192)
def segment(line: str) -> Segmented:
    """Read a (cleaned) food line for its structure; see Segmented. Never raises."""
    framing: list[tuple[int, int]] = []
    start, meal = _lead(line, 0, framing)
    end, late_meal = _trail(line, start, len(line), framing)
    meal = meal or late_meal
    for sentence in _NEXT_SENTENCE.finditer(line, start, end):
        # each sentence of a line is framed as a line is ("... on the way out. Lunch was a turkey club": the
        # second sentence's "Lunch was" was read as part of the food)
        _, said = _lead(line, sentence.end(), framing)
        meal = meal or said
    for m in _INNER.finditer(line, start, end):
        if m.end() > m.start():
            framing.append((m.start(), m.end()))
            if meal is None and m.group("meal"):
                meal = _meal_of(m.group("meal"))
    keep = [False] * len(line)
    for i in range(start, end):
        keep[i] = True
    for a, b in framing:
        for i in range(a, b):
            keep[i] = False
    # the core: kept characters, runs of space collapsed, with each core character's place in the line
    core_chars: list[str] = []
    where: list[int] = []
    gap = False
    for i, ch in enumerate(line):
        if not keep[i]:
            gap = True
            continue
        if gap and core_chars and (core_chars[-1].isalnum() or core_chars[-1] in ".!?") and ch.isalnum():
            core_chars.append(" ")  # two words framing stood between never run together ("yogurtwith")
            where.append(i - 1)
        gap = False
        if ch.isspace() and (not core_chars or core_chars[-1] == " "):
            continue
        core_chars.append(" " if ch.isspace() else ch)
        where.append(i)
    while core_chars and core_chars[-1] in _EDGE:
        core_chars.pop()
        where.pop()
    lead = 0
    while lead < len(core_chars) and core_chars[lead] in _EDGE:
        lead += 1
    core = "".join(core_chars[lead:])
    where = where[lead:]
    spans = _split(core)
    # "smoothie: 1 banana, 1 cup spinach": a name before a colon that heads a list is a label, not a food
    colon = core.find(":")
    if (
        colon > 0
        and spans[0][1] > colon
        and not any(c.isdigit() for c in core[:colon])
        and (
            (len(spans) > 1 and any(_HAS_WORD.search(core[a:b]) for a, b in spans[1:]))  # a list, not nothing
            # ... or what I said before a colon ("I decided to keep it simple: a ham sandwich")
            or (bool(_SAID_BY_ME.match(core)) and bool(_HAS_WORD.search(core, colon + 1, spans[0][1])))
        )
    ):
        spans[0] = (colon + 1, spans[0][1])
        framing.append((where[0], where[colon] + 1))
    parts: list[Part] = []
    for a, b in spans:
        text = core[a:b].strip(_EDGE)
        if not text or not _HAS_WORD.search(text):
            continue
        a2 = core.index(text, a)
        b2 = a2 + len(text)
        parts.append(Part(text, where[a2], where[b2 - 1] + 1, a2, b2))
    joiners = []
    for prev, nxt in pairwise(parts):
        if nxt.start > prev.end:
            joiners.append((prev.end, nxt.start))
    return Segmented(line, core, tuple(parts), meal, tuple(sorted(framing)), tuple(joiners))


# a measure "of" nothing but describing words, then a comma: the words describe the food after it
_DESCRIBING_WORDS = _alt(
    [w for w in P.HOW_WORDS if w.isalpha() and len(w) > 2 and w not in ("and", "the", "with", "from", "for")]
    + ["lean", "fatty", "thick", "thin", "juicy", "ripe", "boneless", "skinless"]
)
_OF_DESCRIBING = lazy(rf"\bof\s+(?:{_DESCRIBING_WORDS})(?:\s+(?:and\s+)?(?:{_DESCRIBING_WORDS}))*\s*$", re.I)


def _split(core: str) -> list[tuple[int, int]]:
    """Spans of ``core`` between joiners (outside parentheses)."""
    if not core:
        return []
    depth = _paren_depths(core) if "(" in core or "[" in core else None
    spans, pos = [], 0
    for m in _JOINER.finditer(core):
        if depth is not None and depth[m.start()]:
            continue
        if _IN_NUMBER.match(core, m.end()) and _NUMBER_END.search(core, 0, m.start()):
            continue  # "1 and 1/2 cups", "one and a half bagels": one amount, not two foods
        if "," not in m.group() and _AND_A_HALF.match(core, m.end()) and _UNIT_END.search(core, 0, m.start()):
            continue  # "about a cup and a half"
        if m.start() <= pos:
            continue
        if m.group().strip() == "," and _OF_DESCRIBING.search(core, pos, m.start()):
            continue  # "a thick slice of lean, smoked ham": the comma lists what the ham was, no food
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(core)))
    return [(a, b) for a, b in spans if b > a]


# "a sweet 14.2g chocolate roll", "a hearty 248g of milk": an article and praise before a measured amount.
# The amount is moved to the front ("14.2g sweet chocolate roll") so that it is read as the amount; a
# container after it ("a 12-oz can of cola") is left for the amount reader.
MEASURED = (
    r"\d+(?:[.,]\d+)?\s*-?\s*(?:g|grams?|kg|mg|oz|ounces?|ml|millilit(?:er|re)s?|l|lbs?|pounds?"
    r"|fl\.?\s*oz\.?|fluid\s+ounces?)"
)
_BOXES = "can|bottle|jar|package|packet|bag|box|carton|cup|glass|container|pouch|tub"
_PIECES = "slice|piece|bar|wedge|stick|block"
_LATE_AMOUNT = lazy(
    r"^(?:a|an|one|the|some|my)\s+(?P<adj>(?:[^\W\d][\w'’-]*\s+){0,3}?)"
    rf"(?P<amount>{MEASURED})(?![\w-])(?:\s+(?:serving|portion|helping|amount|dish|bowl))?"
    rf"(?:\s+of)?\s+(?P<rest>(?!(?:{_BOXES}|slice|piece|bar)s?\b).+)$",
    re.I,
)


# ... and before a container or a piece: "a chilled 16.9 fl oz bottle of water" is "a 16.9 fl oz bottle of
# chilled water", "a small 11g piece of licorice" "an 11g piece of small licorice"
_PRAISED_CONTAINER = lazy(
    r"^(?P<det>a|an|one|the|my)\s+(?P<adj>(?:[^\W\d][\w'’-]*\s+){1,3}?)"
    rf"(?P<amount>{MEASURED})(?![\w-])\s+(?P<box>(?:{_BOXES}|{_PIECES})s?\s+of)\s+(?P<rest>.+)$",
    re.I,
)


# ... and the container it came from, said after the food: "a serving of apple juice from an individual school
# container" is "an individual school container of apple juice"; "a tablespoon of honey from a jar" keeps its
# tablespoon. A cup or glass only with its size: "espresso served in a 2 fl oz cup", not "tea in my cup".
_FROM_CONTAINER = lazy(
    r"^(?P<food>.+?)\s+(?:(?:served|straight|right|poured|taken|scooped|squeezed)\s+)?(?:from|out\s+of|in)\s+"
    r"(?P<det>a|an|one|my|its)\s+(?P<adj>(?:[\w.'’-]+\s+){0,4}?)"
    rf"(?P<box>(?:{_BOXES})s?)"
    r"(?:\s+on\s+the\s+side)?\s*$",
    re.I,
)
_MEASURED_ANYWHERE = lazy(rf"(?<![\w.]){MEASURED}(?![\w-])", re.I)  # "a 524g serving of tea in a bottle"
_SIZED_ONLY = frozenset(("cup", "cups", "glass", "glasses"))  # a container only with its size
# an amount that says nothing more than the container does ("a serving", "a sprinkle", "some", "a")
_NO_MORE_THAN = lazy(
    r"^(?:(?:a|an|one|some|my)\s+(?:(?:[\w-]+\s+){0,2}?(?:serving|sprinkle|portion|helping|bit|little|amount)"
    r"\s+of\s+)?|some\s+)",
    re.I,
)


# ... unlike an amount of its own: "a tablespoon of honey from a jar", "two cookies from a box"
_OWN_AMOUNT = lazy(
    r"^(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|a\s+couple|a\s+few)\b"
    rf"|(?:a|an|one)\s+(?:[\w-]+\s+)?(?:{_MEASURE_UNITS}|{_VOLUME_UNITS}|slices?|pieces?|scoops?)\b)",
    re.I,
)


def amount_first(text: str) -> str:
    """The text of one part with a measured amount that stands after its article moved to the front."""
    box = _FROM_CONTAINER.match(text)
    sized = box is not None and any(c.isdigit() for c in box["adj"])
    if box is not None and (sized or box["box"].lower() not in _SIZED_ONLY):
        food = box.group("food")
        if not _OWN_AMOUNT.match(food) and not _MEASURED_ANYWHERE.search(food):
            vague = _NO_MORE_THAN.match(food)
            rest = food[vague.end() :] if vague is not None else food
            text = f"{box.group('det')} {box.group('adj')}{box.group('box')} of {rest}"
        else:
            text = food
    if not any(c.isdigit() for c in text):
        return text
    m = _LATE_AMOUNT.match(text)
    if m is not None:
        return f"{m.group('amount')} {m.group('adj')}{m.group('rest')}".strip()
    m = _PRAISED_CONTAINER.match(text)
    if m is not None:
        return f"{m.group('det')} {m.group('amount')} {m.group('box')} {m.group('adj')}{m.group('rest')}"
    return text
