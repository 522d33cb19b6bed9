"""Amounts as people say them rather than write them: rewritten into the plain form the parser reads.

"half a cup of", "a quarter cup", "a cup and a half", "a few", "a dozen", "1 T" / "1 t" / "1 c" (case
matters: a capital T is a tablespoon), "100g/3½oz" and "50 g (1¾ oz)" (one amount, the metric one), "a
12-oz can of", "a 16.9 fl oz bottle of" (the container's stated size is the amount), and "juice of 2
limes" (USDA weighs the juice one fruit yields: SR28's "lime yields" row of lime juice).

Every pattern here is anchored or guarded so that it runs in time linear in the line (lines are capped
at parser.MAX_LINE_CHARS before any of this runs) and none has nested quantifiers over white space.
"""

from __future__ import annotations

import re

from mgb6.lazyre import lazy
from mgb6.log.units import MASS_UNITS, SIZE_UNITS, UNIT_WORD_PATTERN, VOLUME_UNITS, canonical_unit
from mgb6.models import Quantity

# Units of the metric system, preferred when a line states one amount twice ("100g/3½oz").
METRIC_UNITS = frozenset({"g", "kg", "mg", "ml", "cl", "dl", "l"})
# How many "a few" and "several" are taken to be: a reading of the words, said on the line (and counted
# among the assumed amounts), never a silent one.
A_FEW = 3.0

_NUM = r"(?:\d+(?:\.\d+)?(?:\s\d+/\d+)?|\d+/\d+)"
_SMALL_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

# "100g/3 1/2oz", "50 g (1 3/4 oz)", "1 cup (240 ml)": two measures of one amount, side by side. The
# look-behind keeps a run of digits from being retried at every offset.
_DUAL = lazy(
    rf"(?<![\d./])(?P<a>{_NUM})\s?(?P<ua>{UNIT_WORD_PATTERN})\.?\s?(?P<sep>/|\()\s?(?P<b>{_NUM})\s?"
    rf"(?P<ub>{UNIT_WORD_PATTERN})\.?\s?\)?",
    re.I,
)
# "a 12-oz can of", "2 16.9 fl oz bottles", "an 8oz glass of", "20 ounce bottle": the size of each.
_VESSELS = (
    "can|bottle|glass|cup|mug|bowl|carton|jar|jug|pack|package|packet|container|tub|pot|box|bag|pouch|"
    "tin|scoop"
)
_SERVED = "piece|slice|fillet|filet|portion|serving|bar|helping|block|wedge"  # only with "of" after
_CONTAINER = lazy(
    rf"^(?:(?P<n>an?|one|two|three|four|five|six|\d+)\s+)?\(?(?P<m>{_NUM})\s?-?\s?(?P<u>{UNIT_WORD_PATTERN})"
    rf"\.?\)?(?:\s|-)(?:(?P<v>{_VESSELS})(?:e?s)?\b(?:\s+of\b)?|(?P<s>{_SERVED})s?\s+of\b)\s*",
    re.I,
)
# "1 T butter", "2 t salt", "1 c milk": one letter after a number, then a word.
_LETTER_UNIT = lazy(r"^(?P<n>[\d./ ]*\d)\s?(?P<u>[TtcC])\.?\s(?=[^\W\d_])")
_LETTER = {"T": "tbsp", "t": "tsp", "c": "cup", "C": "cup"}
# ... or after the food, last but for how it was when measured ("brown rice 1c cooked")
_LETTER_LAST = lazy(
    r"(?<=\s)(?P<n>\d+(?:[./]\d+)?)\s?(?P<u>[TtcC])\.?(?=(?:\s+(?:dry|uncooked|raw|cooked|prepared))?\s*$)"
)

# Spoken fractions at the start: "a quarter cup", "three quarters of a cup", "half of a", "a third of".
_SPOKEN = lazy(
    r"^(?:(?P<q>an?|one)\s+quarter|(?P<tq>three)\s+quarters|(?P<t>an?|one)\s+third|(?P<tt>two)\s+thirds"
    r"|(?P<h>half))(?P<of>\s+of(?:\s+an?\b)?)?\s+(?P<next>[^\W\d_]+)?",
    re.I,
)
# "one and a half cups", "2 and a half", "1 and 1/2": a whole number and a fraction.
_AND_A_HALF = lazy(r"^(?P<n>an?|one|two|three|four|\d+)\s+and\s+(?:a\s+half|(?P<f>\d+/\d+))\b", re.I)
# "a cup and a half of", "an ounce and a half"
_UNIT_AND_A_HALF = lazy(rf"^(?P<n>an?|one|\d+)\s+(?P<u>{UNIT_WORD_PATTERN})\s+and\s+a\s+half\b", re.I)
# "half a dozen", "two dozen", "a dozen"
_DOZEN = lazy(r"^(?P<n>half\s+an?|an?|one|two|three|four|\d+)\s+dozen\b(?:\s+of\b)?", re.I)
# "a large bowl of", "a big glass of": a vessel's size USDA gives no weight for (the vessel's usual
# portion is assumed, and the note says the size was not weighed)
# "a heaping tablespoon of", "2 level tsp", "a large glass of": a measure or vessel with a word on how
# full or big it was; the word is not weighed (USDA has no heaping spoon), and the note says so.
_QUALIFIED = lazy(
    rf"^(?P<n>an?|one|two|three|four|five|six|{_NUM})\s+(?P<size>[a-z]+)\s+(?P<v>{UNIT_WORD_PATTERN})\.?(?=\s|$)",
    re.I,
)
# "a few", "several"
_FEW = lazy(r"^(?:a\s+few|several)\b(?:\s+of\b)?\s*", re.I)
# "some", "a bit of", "a little": no amount said (the food's usual USDA portion is then assumed)
_SOME = lazy(r"^(?:some|any)\s+(?=[^\W\d_])", re.I)
# "a medley of vegetables", "a variety of fruit": a collection, no amount (the food's usual portion)
_COLLECTION = lazy(
    r"^(?:an?\s+)?(?:medley|variety|mix|mixture|assortment|selection|blend|combination)\s+of\s+(?=[^\W\d_])",
    re.I,
)
# "a single small taco", "another granola bar", "one single egg": one
_ONE = lazy(r"^(?:(?:a|one)\s+single|another)\s+(?=[^\W\d_])", re.I)
# "juice of 2 limes", "the juice of half a lemon", "juice from 1 orange"
_JUICE = lazy(
    rf"^(?:the\s+)?(?:fresh(?:ly)?\s+)?(?:squeezed\s+)?juice\s+(?:of|from)\s+(?P<q>half\s+an?|an?\s+half|{_NUM}"
    r"|an?|one|two|three|four|five|six)\s+(?:(?:fresh|whole|small|medium|large)\s+)?"
    r"(?P<fruit>lemon|lime|orange|grapefruit|tangerine|clementine)(?:e?s)?\b(?P<rest>.*)$",
    re.I,
)
# "zest of 1 lemon", "the grated zest of 2 limes": the peel, which USDA weighs by the spoon, never the fruit
_ZEST = lazy(
    rf"^(?:the\s+)?(?:(?:finely\s+)?grated\s+)?zest\s+(?:of|from)\s+(?P<q>half\s+an?|an?\s+half|{_NUM}"
    r"|an?|one|two|three|four|five|six)\s+(?:(?:fresh|whole|small|medium|large)\s+)?"
    r"(?P<fruit>lemon|lime|orange|grapefruit|tangerine|clementine)(?:e?s)?\b(?P<rest>.*)$",
    re.I,
)
_HALVES = ("half a", "half an", "a half", "an half")
# Cheap tests that keep a line from compiling a pattern it cannot match (most lines need none of them:
# compiling them all costs milliseconds, a line's test microseconds).
_VESSEL_WORDS = frozenset(
    w + s for w in (*_VESSELS.split("|"), "handful", "plate") for s in ("", "s", "es", "ful")
)  # fmt: skip
# Words on how full or big a measure was: not weighed, and said in the note ...
_SIZE_WORDS = frozenset(
    "small medium large big huge generous heaping heaped heaped rounded scant good tall little".split()
)
# ... or words that change nothing ("a level teaspoon" is a teaspoon).
# ("a whole bag" is the bag)
_EXACT_WORDS = frozenset("level regular standard normal full whole entire".split())
_MEASURES = MASS_UNITS | VOLUME_UNITS


def _measure_word(word: str) -> bool:
    """Whether a word is a weight or volume other than a vessel ("oz", "12-oz", "500ml"; not "cup")."""
    if word[:1].isdigit():
        word = word.lstrip("0123456789./-")
    return word not in _VESSEL_WORDS and canonical_unit(word) in _MEASURES


_SERVED_WORDS = frozenset(w + s for w in _SERVED.split("|") for s in ("", "s"))
_SPOKEN_STARTS = ("a quarter", "an quarter", "one quarter", "three quarters", "a third", "an third",
                  "one third", "two thirds", "half ")  # fmt: skip
# Foods whose name starts like an amount: the amount reader leaves their first word alone.
_FOOD_FIRST = ("half and half", "half & half", "half-and-half", "half n half")


def _value(text: str) -> float:
    """A number as _NUM or a small number word reads it ("2", "1.5", "1 1/2", "3/4", "a", "half a")."""
    t = " ".join(text.lower().split())
    if t in _SMALL_WORDS:
        return float(_SMALL_WORDS[t])
    if t in _HALVES:
        return 0.5
    whole = 0.0
    if " " in t:
        first, t = t.split(" ", 1)
        whole = float(first)
    if "/" in t:
        num, den = t.split("/")
        return whole + float(num) / float(den) if float(den) else whole
    return whole + float(t)


# "a 6-inch sub", "a footlong turkey sub", "a 12\" pizza", "an eight-inch tortilla": a size in inches before
# the food (never "a 1-inch stack of", "half-inch cubes": how it was cut or piled)
_INCH_NUMBERS = {"four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "fourteen": 14, "sixteen": 16}  # fmt: skip
_INCHES = lazy(
    rf"^(?P<n>an?|one|two|three|four|\d+)\s+(?:(?P<i>\d+(?:\.\d+)?|{'|'.join(_INCH_NUMBERS)})\s*(?:-\s*|\s+)?"
    r"(?:inch(?:es)?|in\.|\")|(?P<foot>foot[\s-]?long))(?:\s+(?:long|round|wide|diameter))?\s+(?=[^\W\d_])"
    r"(?!(?:stack|cubes?|pieces?|slices?|thick|strips?|sticks?|chunks?|squares?)\b)",
    re.I,
)


def inch_size(text: str) -> tuple[str, float | None]:
    """ "a 6-inch sub" -> ("a sub", 6.0): the size in inches said before a food, taken out of its name for the
    portion step to weigh (USDA's "1 regular or 6\" submarine", SR28's Subway "inch sub")."""
    m = (
        _INCHES.match(text)
        if "inch" in text[:40].lower() or '"' in text[:16] or "foot" in text[:16].lower()
        else None
    )
    if m is None:
        return text, None
    size = m.group("i")
    inches = 12.0 if m.group("foot") else float(_INCH_NUMBERS.get(size.lower(), 0) or size)
    return f"{m.group('n')} {text[m.end() :]}", inches


def _fmt(x: float) -> str:
    return f"{x:g}"


def juice_of(text: str) -> tuple[Quantity, str] | None:
    """ "juice of 2 limes" is the juice two limes yield: (2 "lime", "lime juice"); USDA weighs it by the
    fruit (SR28 lime juice: "lime yields" 44 g; orange juice: "fruit yields" 86 g)."""
    m = _JUICE.match(text) if "juice" in text[:24].lower() else None
    if m is None:
        return None
    fruit = m.group("fruit").lower()
    return Quantity(_value(m.group("q")), fruit, text=m.group(0).strip()), f"{fruit} juice{m.group('rest')}"


def zest_of(text: str) -> tuple[Quantity, str] | None:
    """ "zest of 2 limes" is the peel grated off two limes: (2 "lime", "lime peel"). USDA weighs the peel by
    the spoon only, so the count is asked (it was two whole limes, 15 g of the fruit's survey weight)."""
    m = _ZEST.match(text) if "zest" in text[:24].lower() else None
    if m is None:
        return None
    fruit = m.group("fruit").lower()
    return Quantity(_value(m.group("q")), fruit, text=m.group(0).strip()), f"{fruit} peel{m.group('rest')}"


def _dual(text: str) -> str:
    """ "100g/3½oz dates" -> "100g dates": one amount said twice; the metric one is kept."""
    m = _DUAL.search(text) if ("/" in text or "(" in text) and sum(c.isdigit() for c in text) >= 2 else None
    if m is None:
        return text
    ua, ub = canonical_unit(m.group("ua")), canonical_unit(m.group("ub"))
    measures = MASS_UNITS | VOLUME_UNITS
    if ua not in measures or ub not in measures:
        return text
    keep = f"{m.group('b')} {m.group('ub')}" if ub in METRIC_UNITS and ua not in METRIC_UNITS else (
        f"{m.group('a')} {m.group('ua')}")  # fmt: skip
    tail = text[m.end() :]
    return f"{text[: m.start()]}{keep}{' ' if tail and not tail.startswith(' ') else ''}{tail}"


def names_food_first(text: str) -> bool:
    """Whether the line starts with a food whose name reads like an amount ("half and half")."""
    return text[:16].lower().startswith(_FOOD_FIRST)


# "a small single serving bag of", "a medium fast food order of", "an individual school carton of",
# "a chilled can of": words naming the portion before "of", matched later against USDA's own portion names
# (FNDDS files its "1 small single serving bag" of chips as unit "small", modifier "single serving bag").
# (and spoken kitchen measures: "a rich tablespoon of peanut butter" is a tablespoon of rich peanut butter)
_SPOKEN_MEASURES = "tablespoon|teaspoon|ounce"
_PORTION_NOUNS = f"{_VESSELS}|{_SERVED}|{_SPOKEN_MEASURES}|order|drink|stick|tube|link"
# (a pack's energy names USDA's row too: FNDDS's "1 100 calorie package" of chips or almonds)
_NAMED_PORTION = lazy(
    rf"^(?P<n>an?|one|two|three|four|five|six|\d+(?:\.\d+)?)\s+"
    rf"(?P<words>(?:\d+[-\s]calorie\s+|[^\W\d][\w'’-]*\s+){{1,4}}?)"
    rf"(?P<v>{_PORTION_NOUNS})(?:e?s)?\s+of\s+(?=\S)",
    re.I,
)
# Words of a portion phrase that only say which portion or how it was served: they leave the food's
# text (USDA's portion names hold them: "single serving bag", "kids meal order", "individual container").
# Any other word there ("fast food", "school", "vanilla") also says which food, so it goes with the food.
_PORTION_ONLY_WORDS = frozenset(
    """single serving individual snack-size snack-sized snack size fun-size fun-sized personal kids kid
    kid's child meal value dollar menu chilled cold ice-cold icy hot warm steaming refreshing tall short
    full heaping heaped generous nice good little tiny standard normal level plastic paper crisp""".split()
)
_NOT_PORTION_WORDS = frozenset("of and or with the my".split())
_CALORIE_WORD = lazy(r"\d+(?:-calories?)?|calories?", re.I)  # "a 100 calorie pack of": which pack
_FRACTION_WORDS = frozenset("half quarter quarters third thirds dozen couple few".split())


def named_portion(text: str) -> tuple[str, str]:
    """("a small bag of chips", "small single serving bag") for "a small single serving bag of chips":
    the line with its portion words reduced to what the amount reader knows (a size and a vessel), and
    the words as written, for the portion step to find USDA's row of that name. ("text", "") otherwise."""
    m = _NAMED_PORTION.match(text) if " of " in text[:80].lower() else None
    if m is None:
        return text, ""
    words = m.group("words").lower().split()
    if any(w in _NOT_PORTION_WORDS or w in _SMALL_WORDS or w in _FRACTION_WORDS for w in words):
        return text, ""  # ("a quarter cup of": an amount, read by said_amount)
    if any(_measure_word(w) or w.rstrip(".") == "fl" for w in words):
        return text, ""  # ("16.9 fl oz bottle of": a stated size, read by said_amount)
    noun = m.group("v").lower()
    sized = (w for w in words if canonical_unit(w) in SIZE_UNITS or w in _SIZE_WORDS or w in _EXACT_WORDS)
    size = next(sized, "")
    moved = " ".join(
        w for w in words if w != size and w not in _PORTION_ONLY_WORDS and not _CALORIE_WORD.fullmatch(w)
    )
    rest = f"{moved} {text[m.end() :]}" if moved else text[m.end() :]
    if size and noun in ("serving", "portion", "helping"):  # "a small single serving of Fritos": a small one
        head = f"{m.group('n')} {size}"
    elif canonical_unit(noun):  # "a small bag of": said_amount reads the size and the vessel
        head = f"{m.group('n')} {size + ' ' if size else ''}{noun} of"
        if _measure_word(noun):  # (a measure is weighed as one: no USDA row is named by its words)
            return f"{head} {rest}", ""
    else:  # "a medium drink of": the size is the amount's unit; "a kids meal order of": a serving
        head = f"{m.group('n')} {size or 'serving of'}"
    return f"{head} {rest}", " ".join([*words, noun])


# "a crisp medium apple", "two ripe large bananas": the size said after how the food seemed is still the
# count's size ("a medium crisp apple"); describing words only, no unit or "of" between
_LATE_SIZE_WORDS = frozenset(("small", "medium", "large", "big", "jumbo", "regular"))
_SIZE = "|".join(sorted(_LATE_SIZE_WORDS))
_LATE_SIZE = lazy(
    r"^(?P<n>an?|one|two|three|four|five|six|\d+)\s+"
    r"(?P<desc>(?:(?!(?:of|and|x|extra|very|super|single|double|triple)\b)[a-z][a-z'’-]+\s+){1,2}?)"
    rf"(?P<size>{_SIZE})\s+(?=[a-z])",
    re.I,
)


# "my small serving of chips", "small serving of chips", "my bowl of oatmeal": one, as "a" says it
_MY_ONE = lazy(
    rf"^(?:(?:my|our|his|her|their)\s+|(?=(?:{_SIZE})\s))(?=(?:(?:{_SIZE}|usual)\s+)?[a-z]+\s+of\s)",
    re.I,
)


def one_said(text: str) -> str:
    """ "my small serving of chips" -> "a small serving of chips": a possessive or a bare size before a
    vessel or serving says one, as an article does (the amount readers start from an article)."""
    if " of " not in text[:40] or text[:1].isdigit():
        return text
    m = _MY_ONE.match(text)
    return f"a {text[m.end() :]}" if m else text


def said_amount(text: str) -> tuple[str, str]:
    """Rewrite the spoken amount at the start of ``text`` into the parser's plain form; return the text
    and, when the amount is a reading of vague words ("a few"), the note saying so ("" otherwise).

    Idempotent: the plain form it writes is never rewritten again."""
    text = _dual(text)
    head = text[:48].lower()
    words = head.split()
    m = _LETTER_UNIT.match(text) if text[:1].isdigit() else None  # ("1c rice": the letter may be glued)
    if m:
        text = f"{m.group('n')} {_LETTER[m.group('u')]} {text[m.end() :]}"
    m = _LETTER_LAST.search(text) if text[-1:].isalpha() or text[-2:-1].isalpha() else None
    if m:  # "brown rice 1c cooked", "honey 1 T": the letter after the food
        text = f"{text[: m.start()]}{m.group('n')} {_LETTER[m.group('u')]}{text[m.end() :]}"
    m = _DOZEN.match(text) if "dozen" in head else None
    if m:
        text = f"{_fmt(12 * _value(m.group('n')))} {text[m.end() :].lstrip()}"
    m = _UNIT_AND_A_HALF.match(text) if " and " in head else None
    if m:
        text = f"{_fmt(_value(m.group('n')) + 0.5)} {m.group('u')}{text[m.end() :]}"
    m = _AND_A_HALF.match(text) if " and " in head else None
    if m:
        frac = _value(m.group("f")) if m.group("f") else 0.5
        text = f"{_fmt(_value(m.group('n')) + frac)}{text[m.end() :]}"
    m = _LATE_SIZE.match(text) if len(words) > 3 and not _LATE_SIZE_WORDS.isdisjoint(words[2:4]) else None
    if m and not _SIZE_WORDS.intersection(m.group("desc").lower().split()):
        text = f"{m.group('n')} {m.group('size')} {m.group('desc')}{text[m.end() :]}"
    m = _SPOKEN.match(text) if head.startswith(_SPOKEN_STARTS) else None
    if m and not (m.group("of") or canonical_unit(m.group("next") or "")):
        m = None  # "a quarter pounder", "half and half": only "of" or a unit makes the word a fraction
    if m:
        value = (0.25 if m.group("q") else 0.75 if m.group("tq") else 1 / 3 if m.group("t")
                 else 2 / 3 if m.group("tt") else 0.5)  # fmt: skip
        text = f"{_fmt(round(value, 4))} {text[m.start('next') if m.group('next') else m.end() :]}"
    note = ""
    bare = {w.strip(".,-()") for w in words}
    vessel_named = not _VESSEL_WORDS.isdisjoint(bare)
    qualified = len(words) > 2 and (words[1] in _SIZE_WORDS or words[1] in _EXACT_WORDS)
    m = _QUALIFIED.match(text) if qualified and (vessel_named or _measure_word(words[2])) else None
    if m and (m.group("v").lower() in _VESSEL_WORDS or _measure_word(m.group("v").lower())):
        if m.group("size").lower() in _SIZE_WORDS:
            unit = canonical_unit(m.group("v")) or m.group("v")
            note = f"'{m.group('size')} {m.group('v')}' read as a {unit}"
        text = f"{m.group('n')} {m.group('v')}{text[m.end() :]}"
    m = _FEW.match(text) if head.startswith(("a few", "several")) else None
    if m and text[m.end() :].strip():
        note = f"{m.group(0).strip()!r} read as {A_FEW:g}"  # (no sized vessel has "a few" after it)
        text = f"{A_FEW:g} {text[m.end() :]}"
    m = _ONE.match(text) if head.startswith(("a single", "one single", "another")) else None
    if m:
        text = f"1 {text[m.end() :]}"
    m = _COLLECTION.match(text) if " of " in head else None
    if m:
        text = text[m.end() :]
    m = _SOME.match(text) if head.startswith(("some", "any")) else None
    while m:  # "some", "any" (repeated words too, so the rewrite is idempotent)
        text = text[m.end() :]
        m = _SOME.match(text)
    sized = vessel_named or (" of " in head and not _SERVED_WORDS.isdisjoint(bare))
    m = _CONTAINER.match(text) if sized and any(_measure_word(w) for w in bare) else None
    if m and canonical_unit(m.group("u")) in (MASS_UNITS | VOLUME_UNITS):
        each = _value(m.group("m"))
        n = _value(m.group("n")) if m.group("n") else 1.0
        text = f"{_fmt(round(n * each, 4))} {m.group('u')} {text[m.end() :]}"
    return text, note
