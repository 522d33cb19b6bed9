"""Speed guards: what the fast paths must not import or load, and memoisation that keeps each line's place.

No timings are asserted (the machine is shared and noisy); benchmarks/bench.py measures them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT

from mgb6.log.parse import iter_lines, parse_log

WEEK = ROOT / "examples" / "week.txt"
HEAVY = ("pandas", "numpy", "rapidfuzz")

# Runs the real entry point in a fresh interpreter, then reports which modules ended up imported.
PROBE = """
import json, sys
sys.argv = ["mgb6", *json.loads(sys.argv[1])]
from mgb6.cli import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("\\n@@MODULES@@" + json.dumps(sorted(sys.modules)))
"""


def _run(args: list[str], extra_env: dict[str, str] | None = None) -> tuple[str, set[str]]:
    """The command's own output and the modules imported by the end of the run."""
    env = {**os.environ, **(extra_env or {})}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, env=env, timeout=120
    )
    assert "@@MODULES@@" in proc.stdout, proc.stderr
    out, mods = proc.stdout.rsplit("@@MODULES@@", 1)
    return out, set(json.loads(mods))


def _modules(args: list[str], extra_env: dict[str, str] | None = None) -> set[str]:
    return _run(args, extra_env)[1]


def _heavy(mods: set[str]) -> set[str]:
    return {m for m in mods if m.split(".")[0] in HEAVY}


def test_help_imports_nothing_heavy_and_loads_no_table() -> None:
    out, mods = _run(["--help"])
    assert "Usage" in out and "batch" in out  # the probe really ran the command
    assert not _heavy(mods)
    assert "mgb6.foods.table" not in mods and "mgb6.api" not in mods


def test_completion_imports_nothing_heavy_and_loads_no_table() -> None:
    env = {"_MGB6_COMPLETE": "complete_bash", "COMP_WORDS": "mgb6 ch", "COMP_CWORD": "1"}
    out, mods = _run([], env)
    assert "check" in out.split()  # the completion really ran
    assert not _heavy(mods)
    assert "mgb6.foods.table" not in mods


def test_one_week_check_does_not_import_pandas(tmp_path: Path) -> None:
    # cold cache first (builds the table, runs fuzzy search), then warm: neither may pull in pandas
    env = {"MGB6_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):
        mods = _modules(["check", str(WEEK)], env)
        assert "mgb6.nutrition.tally" in mods
        assert "pandas" not in mods and "numpy" not in mods


def test_warm_one_week_check_skips_the_search_index(tmp_path: Path) -> None:
    """With the match memo on disk, a repeated check never needs rapidfuzz (the fuzzy fallback)."""
    env = {"MGB6_CACHE_DIR": str(tmp_path / "cache")}
    _modules(["check", str(WEEK)], env)
    assert "rapidfuzz" not in _modules(["check", str(WEEK)], env)


def test_repeated_lines_keep_their_own_place_meal_and_day() -> None:
    text = "2026-01-01\nbreakfast: 1 banana\n1 banana\n# lunch\n1 banana\n2026-01-02\n1 banana\n1 banana\n"
    log = parse_log(text, "p.txt")
    entries = [(b.date.isoformat(), e.line, e.meal, e.text) for b in log.days for e in b.entries]
    assert entries == [
        ("2026-01-01", 2, "breakfast", "breakfast: 1 banana"),
        ("2026-01-01", 3, "breakfast", "1 banana"),
        ("2026-01-01", 5, "lunch", "1 banana"),
        ("2026-01-02", 7, None, "1 banana"),
        ("2026-01-02", 8, None, "1 banana"),
    ]
    assert log.food_lines == 5


def test_repeated_lines_score_as_their_own_items(table) -> None:
    from mgb6.nutrition.tally import check
    from mgb6.nutrition.targets import Profile

    text = (
        "2026-01-01\n1 medium banana\nlunch: 1 medium banana\n"
        "2026-01-02\n1 medium banana\nzzqx blorp\nzzqx blorp\n"
    )
    result = check([parse_log(text, "p.txt")], table, Profile())
    items = [(i.date.isoformat(), i.line, i.meal) for i in result.items]
    assert items == [("2026-01-01", 2, None), ("2026-01-01", 3, "lunch"), ("2026-01-02", 5, None)]
    assert len({i.magnesium_mg for i in result.items}) == 1  # the same food and amount, the same numbers
    assert [(p.line, p.kind) for p in result.problems] == [(6, "unmatched"), (7, "unmatched")]


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="ab \r\n\x0b\x0c\x1c\x85\u2028", max_size=60),
    chunk=st.integers(min_value=1, max_value=8),
)
def test_iter_lines_is_splitlines_in_chunks(text: str, chunk: int) -> None:
    assert list(iter_lines(text, chunk)) == text.splitlines()


def test_streamed_exports_are_byte_identical_to_the_whole_documents(table) -> None:
    import io

    from mgb6.export.check import to_csv, to_json, write_csv, write_json
    from mgb6.nutrition.tally import check
    from mgb6.nutrition.targets import Profile

    text = WEEK.read_text("utf-8") + "\n2026-11-23\nzzqx blorp\n1 medium banana\n1 medium banana\n"
    result = check([parse_log(text, "week.txt")], table, Profile("female", 34.0))
    out = io.StringIO()
    write_json(result, out)
    assert out.getvalue() == to_json(result) + "\n"
    out = io.StringIO()
    write_csv(result, out)
    assert out.getvalue() == to_csv(result)
