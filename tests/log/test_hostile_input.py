"""Input built to hurt: long runs of white space, huge cells. Time must stay linear in the input's size."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT

from mgb6.log.cronometer import amount_to_log, read_cronometer
from mgb6.log.parse import FOOD, clean_line, parse_log, read_line
from mgb6.models import Problem


def _seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _grows_linearly(make: Callable[[int], Callable[[], object]]) -> None:
    """8 times the input may cost at most ~30 times the time (a quadratic step costs 64 times), with a
    floor so that scheduling noise on tiny timings never decides; before the fix 64 KB took 16 s."""
    small, big = _seconds(make(8_000)), _seconds(make(64_000))
    assert big < max(0.5, 30 * small), (small, big)


@pytest.mark.parametrize("space", [" ", "\t", "\u00a0", " \t"])
def test_a_line_with_a_long_run_of_space_is_read_in_linear_time(space: str) -> None:
    _grows_linearly(lambda n: lambda: parse_log("a" + space * (n // len(space)) + f"b{n}\n"))


def test_an_inline_comment_after_a_long_run_of_space_is_still_cut_in_linear_time() -> None:
    _grows_linearly(lambda n: lambda: clean_line(f"1 banana{' ' * n}x # note {n}"))


def test_inline_comments_are_cut_where_they_were_before() -> None:
    assert clean_line("1 cup rice # dinner") == "1 cup rice"
    assert clean_line("1 cup rice\t// dinner") == "1 cup rice"
    assert clean_line("a#b  #c") == "a#b"
    assert clean_line("chicken #5 combo") == "chicken"
    assert clean_line("item#5 combo") == "item#5 combo"
    assert clean_line("http://x.example banana") == "http://x.example banana"


def test_a_line_longer_than_the_raw_limit_is_listed_unread_with_its_length() -> None:
    reading = read_line("1 banana " + "x" * 70_000)
    assert reading.kind == FOOD
    problem = reading.parsed
    assert isinstance(problem, Problem)
    assert problem.kind == "unreadable"
    assert "70,009 characters" in problem.reason
    assert len(problem.text) < 100


def test_a_long_comment_line_is_still_a_comment() -> None:
    assert parse_log("# " + "note " * 20_000 + "\n1 banana\n").food_lines == 1


def test_a_huge_line_is_not_kept_in_the_memo_that_goes_to_the_cache() -> None:
    from mgb6.log.parse import LineMemo

    memo = LineMemo()
    parse_log("1 banana\n" + "y" * 100_000 + "\n", memo=memo)
    assert list(memo.seen) == ["1 banana"]


def test_a_cronometer_amount_with_a_long_run_of_space_is_read_in_linear_time() -> None:
    _grows_linearly(lambda n: lambda: amount_to_log(f"1.00 cup{' ' * n}x{n}"))
    _grows_linearly(lambda n: lambda: amount_to_log(f"1.00 cup{' ' * n}"))


def test_an_over_long_cronometer_amount_is_not_understood_instead_of_guessed() -> None:
    assert amount_to_log("1.00 " + "cup " * 100) is None
    assert amount_to_log("  2.00 cup, chopped  ") == (2.0, "cup")
    assert amount_to_log('1.00 medium - 7" long') == (1.0, "medium")
    assert amount_to_log("1.00 medium-large") == (1.0, "")


HEADER = "Day,Group,Food Name,Amount,Magnesium (mg),B6 (Pyridoxine) (mg)\n"


def test_a_64_kb_cronometer_cell_is_read_in_linear_time() -> None:
    _grows_linearly(
        lambda n: lambda: read_cronometer(HEADER + f'2026-01-01,Lunch,Banana,"1.00 {" " * n}x",30,0.4\n')
    )


def test_a_cronometer_cell_over_the_csv_limit_is_one_error_naming_its_line() -> None:
    from mgb6.errors import InputError

    text = (
        HEADER
        + "2026-01-01,Lunch,Banana,1.00 medium,30,0.4\n"
        + f"2026-01-01,Lunch,{'x' * 200_000},1 g,1,1\n"
    )
    with pytest.raises(InputError, match=r"servings.csv:3: not a readable CSV row"):
        read_cronometer(text, "servings.csv")


def test_a_log_over_the_size_cap_is_refused_before_it_is_parsed(tmp_path, monkeypatch) -> None:
    import mgb6.log.read
    from mgb6.errors import InputError
    from mgb6.log.read import read_log

    monkeypatch.setattr(mgb6.log.read, "MAX_BYTES", 4096)
    big = tmp_path / "big.txt"
    big.write_text("2026-11-20\n" + "1 banana\n" * 30_000)
    with pytest.raises(InputError, match="larger than 0 MB; split the log"):
        read_log(str(big))


def test_the_logs_of_one_check_are_capped_together(tmp_path, monkeypatch) -> None:
    import mgb6.api
    from mgb6.api import parse_files
    from mgb6.errors import InputError

    monkeypatch.setattr(mgb6.api, "MAX_BYTES", 6000)
    paths = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("2026-11-20\n" + "1 banana\n" * 400)
        paths.append(str(tmp_path / name))
    parse_files(paths[:1])
    with pytest.raises(InputError, match=r"b\.txt: the logs of one check pass 0 MB together"):
        parse_files(paths)


def test_the_memory_bound_in_the_readme_follows_from_the_cap() -> None:
    from mgb6.log.read import MAX_BYTES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"more than {MAX_BYTES // 2**20} MB" in readme


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u00a0#/ab1", max_size=40))
def test_the_comment_scan_cuts_where_the_old_pattern_did(text: str) -> None:
    import re

    from mgb6.log.parse import _without_comment

    old = re.sub(r"\s+(?:#|//).*$", "", text)  # the pattern it replaces, fine on short lines
    assert _without_comment(text).strip() == old.strip()
