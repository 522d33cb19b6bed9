"""Plain data shared by the library modules: foods, parsed lines, items, results and their words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

NUTRIENTS = ("magnesium", "vitamin_b6")
# Long work reports how far it is: (what, done, total). The CLI draws it on stderr; nothing else prints.
Progress = Callable[[str, int, int], None]

# Who the targets are for: the one definition the profile file, the DRI choice and the CLI options share.
SEXES = ("female", "male")
AUTHORITIES = ("iom", "efsa")  # efsa: data/dri_efsa.csv, hand-transcribed from the EFSA opinions
DIETS = ("vegetarian", "vegan", "pescatarian")  # what each leaves out: DIETS in nutrition/suggest.py
AGE_BELOW = 130  # years; the DRI tables' oldest row is open-ended, this only rejects typos
DATE_ORDERS = ("dmy", "mdy")  # how a date such as 3/4/2025 is read (log/dates.py); unset: refused


class Food(NamedTuple):
    """One row of ``data/foods.csv``; nutrient values are per 100 g, ``None`` when USDA has none."""

    id: str
    source: str
    description: str
    name: str
    category: str
    magnesium: float | None
    vitamin_b6: float | None
    kcal: float | None
    synonyms: str


class Portion(NamedTuple):
    """A USDA household measure, already reduced to grams for one unit."""

    unit: str
    modifier: str
    grams: float
    description: str


class Quantity(NamedTuple):
    """An amount as written: number, unit word (``""`` for a bare count), and how it was read."""

    amount: float
    unit: str
    is_range: bool = False
    text: str = ""
    assumed: str = ""  # when the amount is a reading of vague words ("a few"): the note that says so
    # the words the line named its portion with ("small single serving bag", "medium fast food order"),
    # for matching USDA's own portion names (FNDDS: "1 small single serving bag", 28 g)
    phrase: str = ""


class SupplementDose(NamedTuple):
    """One nutrient in a supplement line, in mg as it will be counted."""

    nutrient: str  # "magnesium" | "vitamin_b6"
    mg: float
    form: str = ""  # "glycinate", "p5p", ...
    reading: str = ""  # "compound" | "elemental" when the line says so ("(compound)"); "" follows the option
    label: str = ""  # the medicine the line named ("milk of magnesia"), whose label states the salt's weight


class Entry(NamedTuple):
    """A log line that names something eaten or taken, not yet matched to a food."""

    path: str
    line: int
    text: str
    food_text: str
    quantity: Quantity | None
    meal: str | None = None
    supplement: tuple[SupplementDose, ...] | None = None
    supplement_problem: str | None = None
    # A line that may hold several foods (log/segment.py): its framing-free text, the line as cleaned, and
    # each candidate part as (start, end) in ``core`` and (start, end) in ``written``. Empty for one food.
    parts: tuple[tuple[int, int, int, int], ...] = ()
    core: str = ""
    written: str = ""


class Problem(NamedTuple):
    """A line mgb6 could not use, kept so that nothing is silently dropped."""

    path: str
    line: int
    text: str
    kind: str  # "unmatched" | "unresolved" | "unreadable" | "bad-date" | "supplement"
    reason: str
    candidates: tuple[str, ...] = ()
    date: date | None = None  # the day header the line sits under (None before any, or after an invalid one)
    # A part of a line read as several foods (see Item.part); 0 when the whole line is meant.
    part: int = 0
    parts: int = 0
    part_text: str = ""


@dataclass(slots=True)
class Item:
    """A log line resolved to a food (or supplement) and an amount in grams."""

    path: str
    line: int
    text: str
    date: date | None
    meal: str | None
    food_id: str | None
    food: str
    grams: float | None
    magnesium_mg: float | None
    vitamin_b6_mg: float | None
    kcal: float | None
    confidence: float
    is_supplement: bool = False
    notes: list[str] = field(default_factory=list)
    category: str = ""
    source: str = ""
    reading: str = ""  # supplements: how the magnesium amount was read ("elemental" | "compound" | "mixed")
    doses: tuple[SupplementDose, ...] = ()  # supplements: what the line names (nutrient, form), as parsed
    # Which part of its line this item is (1-based) of how many the line was read as, and that part's
    # text as written ("" for a line read as one food: the outputs then show the line's text).
    part: int = 1
    parts: int = 1
    part_text: str = ""
    amount_assumed: bool = False  # the grams rest on an amount not stated (none, a bowl, "a few"): see notes
