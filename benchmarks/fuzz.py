"""Long fuzz run of the whole check pipeline: generated logs (realistic, broken and random) and random bytes.

Usage: python benchmarks/fuzz.py [N_LOGS] [SEED]     (default 100000 logs, seed 5)

Each generated log (plain logs, and 5% Cronometer servings exports) goes through decode -> parse -> check
against the real table, as ``mgb6 check`` would; every 25th also gets the suggestions and advice. The run
fails on any exception other than a reported InputError, on a negative or non-finite total, or on a food
line that is neither counted nor listed as a problem. It prints one summary line (logs, lines, seconds,
failures); ``pytest -m slow`` runs the same.
"""

from __future__ import annotations

import math
import random
import sys
import time
import traceback
from dataclasses import dataclass, field

from mgb6.errors import InputError
from mgb6.log.parse import parse_log
from mgb6.log.read import decode
from mgb6.log.units import NUMBER_WORDS, UNICODE_FRACTIONS, UNIT_ALIASES
from mgb6.nutrition.tally import check
from mgb6.nutrition.targets import Profile

FOODS = (
    "banana", "spinach", "almonds", "cooked oatmeal", "salmon", "eggs, scrambled", "black beans", "rice",
    "chicken breast", "pumpkin seeds", "milk", "orange juice", "whole wheat bread", "peanut butter", "dates",
    "avocado", "dark chocolate", "yogurt", "potato", "broccoli", "tofu", "lentils", "coffee", "tea", "apple",
    "quinoa", "cashews", "sunflower seeds", "beef", "tuna", "kale", "naan", "pasta", "cheddar cheese",
)  # fmt: skip
SUPPLEMENTS = (
    "magnesium glycinate 200 mg", "B6 10mg", "P5P 25 mg", "2 caps magnesium citrate 100 mg each",
    "multivitamin", "multivitamin: magnesium 50 mg + B6 2 mg", "mag oxide", "ZMA",
)  # fmt: skip
DIETS = (None, None, "vegan", "vegetarian", "pescatarian")
AVOID = ["nuts", "soy", "dairy", "fish", "gluten", ""]
MEALS = ("breakfast", "lunch", "dinner", "snack", "Snacks", "pre-workout", "meal")
NOISE = "\x00\t\u200b\ufeff\u00ad🍌😀[]/*#:,-–()½¼\\\"'`~!@$%^&|<>?;é漢\u202e\r"
WEIRD_NUMBERS = ("-2", "nan", "inf", "1e309", "0", "00", "1/0", "0/0", "9" * 40, "1.", ".5", "1..2", "−3")


def _amount(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return str(rng.choice([1, 2, 3, 0.5, 1.5, 100, 150, 250, 30, 12]))
    if roll < 0.55:
        return f"{rng.randint(1, 4)}/{rng.randint(1, 8)}"
    if roll < 0.62:
        return f"{rng.randint(0, 3)}{rng.choice(list(UNICODE_FRACTIONS))}"
    if roll < 0.72:
        return rng.choice(list(NUMBER_WORDS))
    if roll < 0.8:
        return f"{rng.randint(1, 3)}-{rng.randint(2, 6)}"
    if roll < 0.9:
        return rng.choice(WEIRD_NUMBERS)
    return str(rng.uniform(0, 10_000))


def _food_line(rng: random.Random, foods: list[str]) -> str:
    food = rng.choice(foods)
    unit = rng.choice(list(UNIT_ALIASES)) if rng.random() < 0.7 else ""
    amount = _amount(rng) if rng.random() < 0.9 else ""
    shape = rng.random()
    if shape < 0.6:
        line = f"{amount} {unit} {food}"
    elif shape < 0.8:
        line = f"{food} {amount}{unit}"
    elif shape < 0.9:
        line = f"{food}, {amount} {unit}"
    else:
        line = f"{food} x{amount}"
    if rng.random() < 0.2:
        line = f"{rng.choice(MEALS)}: {line}"
    if rng.random() < 0.1:
        line = f"- {line}  # note"
    return line


def _mutate(rng: random.Random, line: str) -> str:
    chars = list(line)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        pos = rng.randint(0, len(chars))
        if op < 0.4:
            chars.insert(pos, rng.choice(NOISE))
        elif op < 0.7 and chars:
            del chars[min(pos, len(chars) - 1)]
        elif chars:
            chars.insert(pos, chars[min(pos, len(chars) - 1)] * rng.randint(1, 30))
    return "".join(chars)


def generate_log(rng: random.Random, foods: list[str]) -> str:
    """One log: dated days, labels, food and supplement lines, comments, broken and random lines."""
    lines: list[str] = []
    year = rng.choice([2026, 2026, 2025, 1999, 2099, 10])
    for _ in range(rng.randint(0, 12)):
        roll = rng.random()
        if roll < 0.12:
            prefix = "## " if rng.random() < 0.3 else ""
            lines.append(f"{prefix}{year:04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}")
        elif roll < 0.17:
            lines.append(f"{rng.choice(MEALS)}:")
        elif roll < 0.22:
            lines.append("# " + rng.choice(foods))
        elif roll < 0.3:
            lines.append(rng.choice(SUPPLEMENTS))
        elif roll < 0.4:
            lines.append("".join(rng.choice(NOISE + "abc 123") for _ in range(rng.randint(0, 40))))
        elif roll < 0.55:
            lines.append(_mutate(rng, _food_line(rng, foods)))
        else:
            lines.append(_food_line(rng, foods))
    sep = rng.choice(["\n", "\n", "\r\n", "\r"])
    return sep.join(lines)


CRONOMETER_HEADER = "Day,Group,Food Name,Amount,Category,Magnesium (mg),B6 (Pyridoxine) (mg)"


def generate_cronometer(rng: random.Random, foods: list[str]) -> str:
    """A Cronometer servings export, with broken rows, odd amounts and stray quotes."""
    rows = [CRONOMETER_HEADER]
    for _ in range(rng.randint(0, 8)):
        cells = [
            f"2026-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}",
            rng.choice(["Breakfast", "Lunch", "", "Snacks"]),
            rng.choice(foods) if rng.random() < 0.9 else "",
            f"{_amount(rng)} {rng.choice(['cup', 'g', 'medium', 'x 0.25 Cup', 'shake (11 fl oz)', ''])}",
            rng.choice(["Fruits", "", "Vegetables"]),
            rng.choice(["32", "", "abc", "-1", "nan", "1e309"]),
            rng.choice(["0.4", "", "x"]),
        ]
        row = ",".join(f'"{c}"' if "," in c else c for c in cells)
        rows.append(_mutate(rng, row) if rng.random() < 0.2 else row)
    return "\n".join(rows)


def encode(rng: random.Random, text: str) -> bytes:
    roll = rng.random()
    if roll < 0.7:
        return text.encode("utf-8")
    if roll < 0.78:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if roll < 0.86:
        return text.encode("utf-16")
    if roll < 0.94:
        return text.encode("cp1252", errors="replace")
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 8)):
        data.insert(rng.randint(0, len(data)), rng.randint(0, 255))
    return bytes(data)


def _parse(text: str, path: str):
    """What ``mgb6 check`` does with a file's text: a Cronometer export is converted, else parse_log."""
    from mgb6 import api

    return getattr(api, "_parse_any", parse_log)(text, path)


@dataclass
class Outcome:
    logs: int = 0
    lines: int = 0
    refused: int = 0
    failures: list[str] = field(default_factory=list)


def check_one(data: bytes, table, profile: Profile, out: Outcome, rng: random.Random, guidance=None) -> None:
    """Run one log through the pipeline and check the invariants; failures are recorded, not raised."""
    out.logs += 1
    try:
        text = decode(data, "<fuzz>")
    except InputError:
        out.refused += 1
        return
    try:
        log = _parse(text.text, "<fuzz>")
        result = check([log], table, profile)
        if guidance is not None:
            guidance(result, table, diet=rng.choice(DIETS), avoid=rng.sample(AVOID, rng.randint(0, 2)))
    except Exception:
        out.failures.append(f"{data[:200]!r}\n{traceback.format_exc(limit=4)}")
        return
    out.lines += log.food_lines
    for day in result.days:
        for n, total in day.totals.items():
            if not math.isfinite(total) or total < 0:
                out.failures.append(f"{data[:200]!r}: {n} total {total}")
    if result.counted_lines + sum(1 for p in result.problems if p.kind != "bad-date") != log.food_lines:
        out.failures.append(f"{data[:200]!r}: counted + problems != food lines")


def run(n: int, seed: int = 5) -> tuple[Outcome, float]:
    from mgb6.foods.table import load_table

    table = load_table()
    try:
        from mgb6.api import add_guidance
    except ImportError:  # before the suggestions work was merged
        add_guidance = None
    rng = random.Random(seed)
    foods = list(FOODS) + [rng.choice(table.foods).description for _ in range(200)]
    profiles = [Profile(), Profile("female", 34), Profile("male", 70), Profile("female", 25, pregnant=True)]
    out = Outcome()
    start = time.perf_counter()
    for i in range(n):
        if i % 20 == 19:
            data = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 300)))
        elif i % 20 == 7:
            data = encode(rng, generate_cronometer(rng, foods))
        else:
            data = encode(rng, generate_log(rng, foods))
        # suggestions and advice cost ~30 ms a log: every 25th log gets them, with a random diet
        guidance = add_guidance if i % 25 == 3 else None
        check_one(data, table, profiles[i % len(profiles)], out, rng, guidance)
    return out, time.perf_counter() - start


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    out, seconds = run(n, seed)
    for failure in out.failures[:5]:
        print(failure, file=sys.stderr)
    print(
        f"fuzz: {out.logs} logs ({out.lines} food lines, {out.refused} refused as not text) "
        f"in {seconds:.0f} s; {len(out.failures)} failures"
    )
    return 1 if out.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
