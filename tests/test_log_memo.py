"""The per-log memo: a repeat check reads no line twice, and never gives a result a fresh read would not."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import ROOT

import mgb6.cache
from mgb6.api import run_check
from mgb6.export.check import to_json
from mgb6.foods import table as data
from mgb6.foods.custom import load_table_with
from mgb6.log import parse as parser
from mgb6.nutrition.targets import Profile

WEEK = ROOT / "examples" / "week.txt"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    here = tmp_path / "cache"
    monkeypatch.setenv("MGB6_CACHE_DIR", str(here))
    data.load_table.cache_clear()
    yield here
    data.load_table.cache_clear()


def _json(path: Path | str) -> str:
    data.load_table.cache_clear()  # as a new process would
    result, _ = run_check([str(path)], Profile("female", 34.0))
    return to_json(result)


def _memos(cache: Path) -> list[Path]:
    return sorted(cache.glob("logmemo-*.pickle"))


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("a line was read again")

    monkeypatch.setattr(parser, "read_line", refuse)


def test_repeat_check_reads_no_line_again_and_gives_the_same_result(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _json(WEEK)
    assert len(_memos(cache)) == 1
    _no_reading(monkeypatch)
    assert _json(WEEK) == first


def test_repeat_check_writes_nothing(cache: Path) -> None:
    _json(WEEK)
    (memo,) = _memos(cache)
    stamp = memo.stat().st_mtime_ns
    _json(WEEK)
    assert memo.stat().st_mtime_ns == stamp


def test_edited_log_reads_only_new_lines_and_matches_a_fresh_check(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "meals.txt"
    log.write_text("2026-03-02\n2 cups spinach\n1 medium banana\n", encoding="utf-8")
    _json(log)
    log.write_text("2026-03-02\n2 cups spinach\n150 g salmon\n", encoding="utf-8")
    read: list[str] = []
    real = parser.read_line
    monkeypatch.setattr(parser, "read_line", lambda raw, *a: read.append(raw) or real(raw, *a))
    with_memo = _json(log)
    assert read == ["150 g salmon"]
    for f in _memos(cache):
        f.unlink()
    assert _json(log) == with_memo


def test_memo_keeps_only_the_lines_of_the_last_check(cache: Path, tmp_path: Path) -> None:
    log = tmp_path / "meals.txt"
    log.write_text("1 cup yogrt\n", encoding="utf-8")
    _json(log)
    log.write_text("1 cup yogurt\n", encoding="utf-8")
    _json(log)
    (memo,) = _memos(cache)
    _paths, lines, resolved = mgb6.cache.unpickle(memo)
    assert list(lines) == ["1 cup yogurt"]
    assert [food_text for food_text, _ in resolved] == ["yogurt"]


def test_each_log_has_its_own_memo_and_standard_input_none(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("1 medium banana\n", encoding="utf-8")
    b.write_text("100 g almonds\n", encoding="utf-8")
    _json(a)
    _json(b)
    assert len(_memos(cache)) == 2
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"1 apple\n")))
    _json("-")
    assert len(_memos(cache)) == 2


def test_memo_of_another_file_is_never_used(cache: Path, tmp_path: Path) -> None:
    """A memo whose recorded paths are not these (a checksum collision) is ignored, not trusted."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("1 medium banana\n", encoding="utf-8")
    b.write_text("1 medium banana\n", encoding="utf-8")
    _json(a)
    table = data.load_table()
    memo_a = mgb6.cache._log_memo_file(table.digest, [str(a)])
    memo_b = mgb6.cache._log_memo_file(table.digest, [str(b)])
    assert memo_a and memo_b
    memo_b[0].write_bytes(memo_a[0].read_bytes())  # b's file now holds a's memo
    assert mgb6.cache.load_log_memo(table.digest, [str(b)]) == ({}, {})


def test_big_logs_are_not_memoised(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mgb6.cache, "LOG_MEMO_LINES", 2)
    log = tmp_path / "meals.txt"
    log.write_text("1 apple\n1 medium banana\n100 g almonds\n", encoding="utf-8")
    _json(log)
    assert _memos(cache) == []


def test_memo_follows_the_table(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A custom foods file makes another table, with another digest: the bundled table's memo stays apart."""
    log = tmp_path / "meals.txt"
    log.write_text("100 g zorkberry\n", encoding="utf-8")
    bundled, _ = run_check([str(log)], Profile("female", 34.0))
    assert bundled.counted_lines == 0
    foods = tmp_path / "foods.csv"
    foods.write_text(
        "id,description,magnesium_mg_per_100g,vitamin_b6_mg_per_100g\nz1,Zorkberry,50,0.2\n", encoding="utf-8"
    )
    table = load_table_with([foods])
    result, _ = run_check([str(log)], Profile("female", 34.0), table=table)
    assert [i.magnesium_mg for i in result.items] == [50.0]
    assert len(_memos(cache)) == 2


def test_only_the_most_recent_logs_keep_a_memo(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mgb6.cache, "KEEP_LOG_MEMOS", 2)
    logs = []
    for name in ("a", "b", "c"):
        log = tmp_path / f"{name}.txt"
        log.write_text("1 medium banana\n", encoding="utf-8")
        logs.append(log)
        _json(log)
        time.sleep(0.05)  # file times can be as coarse as the kernel's tick: keep the three apart
    assert len(_memos(cache)) == 2
    table = data.load_table()
    kept = {p.name for p in _memos(cache)}
    for log, expected in zip(logs, (False, True, True), strict=True):
        where = mgb6.cache._log_memo_file(table.digest, [str(log)])
        assert where is not None
        assert (where[0].name in kept) == expected
