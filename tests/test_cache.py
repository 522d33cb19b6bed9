"""The table cache: rebuilt whenever the data changes, never a different result from a cold start."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import ROOT

import mgb6.cache
import mgb6.paths
from mgb6.api import run_check
from mgb6.export.check import to_json
from mgb6.foods import table as data
from mgb6.nutrition.targets import Profile

WEEK = ROOT / "examples" / "week.txt"


@pytest.fixture
def private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """A copy of data/ and an empty cache dir of our own; the in-process table is dropped around the test."""
    data_copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_copy)
    cache = tmp_path / "cache"
    monkeypatch.setenv("MGB6_DATA_DIR", str(data_copy))
    monkeypatch.setenv("MGB6_CACHE_DIR", str(cache))
    data.load_table.cache_clear()
    yield data_copy, cache
    data.load_table.cache_clear()


def _check_json() -> str:
    data.load_table.cache_clear()  # as a new process would: load from the files on disk
    result, _ = run_check([str(WEEK)], Profile("female", 34.0))
    return to_json(result)


def test_cold_and_warm_cache_give_the_same_result(private: tuple[Path, Path]) -> None:
    _, cache = private
    cold = _check_json()
    kinds = {p.name.split("-")[0] for p in cache.glob("*.pickle")}
    # written by whichever test needs them first
    derived = {"suggestable", "ids", "candidates", "digests", "survey", "measure"}
    written = {"index", "matches", "table", "logmemo"}
    assert written <= kinds <= written | derived
    warm = _check_json()  # table from its pickle, every line from the log's memo
    assert warm == cold
    for f in cache.glob("logmemo-*.pickle"):
        f.unlink()
    assert _check_json() == cold  # lines matched again, through the match memo
    for kind in ("index", "matches", "logmemo"):
        for f in cache.glob(f"{kind}-*.pickle"):
            f.unlink()  # the lazily loaded index is rebuilt if its file vanished
    assert _check_json() == cold


def test_corrupt_cache_files_are_rebuilt_not_trusted(private: tuple[Path, Path]) -> None:
    _, cache = private
    cold = _check_json()
    for f in cache.glob("*.pickle"):
        f.write_bytes(b"not a pickle")
    assert _check_json() == cold


def test_changing_a_value_rebuilds_the_cache_and_the_result_follows(private: tuple[Path, Path]) -> None:
    data_copy, cache = private
    result, _ = run_check([str(WEEK)], Profile())
    item = next(i for i in result.items if i.food_id and i.magnesium_mg)
    before = {p.name for p in cache.glob("table-*.pickle")}
    # give that food a different magnesium value in the private copy of foods.csv
    foods = data_copy / "foods.csv"
    rows = list(csv.DictReader(io.StringIO(foods.read_text("utf-8"))))
    row = next(r for r in rows if r["id"] == item.food_id)
    new_value = float(row["magnesium_mg_per_100g"]) * 2 + 1
    row["magnesium_mg_per_100g"] = f"{new_value:g}"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    foods.write_text(buf.getvalue(), "utf-8")

    data.load_table.cache_clear()
    again, _ = run_check([str(WEEK)], Profile())
    same_line = next(i for i in again.items if i.line == item.line and i.path == item.path)
    assert same_line.food_id == item.food_id
    assert same_line.magnesium_mg == pytest.approx(float(f"{new_value:g}") * same_line.grams / 100)
    after = {p.name for p in cache.glob("table-*.pickle")}
    assert after - before, "a new table pickle, keyed by the new content hash"


def test_unchanged_data_reuses_the_cached_table(private: tuple[Path, Path]) -> None:
    _, cache = private
    _check_json()
    (table_file,) = cache.glob("table-*.pickle")
    stamp = table_file.stat().st_mtime_ns
    _check_json()
    assert [p.stat().st_mtime_ns for p in cache.glob("table-*.pickle")] == [stamp]


def test_packed_rows_round_trip_through_pickle() -> None:
    import pickle

    rows = ["Café, au lait\t1", "", "Banana, raw\t2", "Jalapeño\t3"]
    packed = mgb6.cache.Packed(rows)
    back = pickle.loads(pickle.dumps(packed))
    assert list(back) == rows and back[-1] == rows[-1] and back[1:3] == rows[1:3]
    with pytest.raises(IndexError):
        back[len(rows)]


def test_the_stat_shortcut_still_sees_a_changed_file(
    private: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once files have settled the digest comes from their stat stamps; any write changes the stamp."""
    data_copy, cache = private
    monkeypatch.setattr(mgb6.cache, "SETTLED_SECONDS", 0.0)
    first = _check_json()
    assert (cache / "digests.pickle").exists()
    tables = {p.name for p in cache.glob("table-*.pickle")}
    assert _check_json() == first  # served through the stamp, same result
    with (data_copy / "dri.csv").open("a", encoding="utf-8") as fh:
        fh.write("\n")  # new content (a blank line the CSV reader skips): a new digest, same numbers
    assert _check_json() == first
    assert {p.name for p in cache.glob("table-*.pickle")} - tables


@pytest.mark.parametrize("keep", [0, 8, 200, -1000])
def test_truncated_table_cache_is_rebuilt(private: tuple[Path, Path], keep: int) -> None:
    """The table's file is memory-mapped, its buffers read in place: a torn or empty one is never trusted."""
    _, cache = private
    cold = _check_json()
    for f in cache.glob("logmemo-*.pickle"):
        f.unlink()  # so that every line is resolved against the reloaded table
    (table_file,) = cache.glob("table-*.pickle")
    blob = table_file.read_bytes()
    table_file.write_bytes(blob[:keep])
    assert _check_json() == cold
    assert table_file.read_bytes() == blob  # and written again whole


def test_mapped_table_reads_back_every_food_and_portion(private: tuple[Path, Path]) -> None:
    built = data.load_table()
    data.load_table.cache_clear()
    mapped = data.load_table()
    assert isinstance(mapped.foods.rows.blob, memoryview)
    assert list(mapped.foods) == list(built.foods)
    assert [mapped.portions(i) for i in range(len(mapped.foods))] == [
        built.portions(i) for i in range(len(built.foods))
    ]
    assert mapped.by_id == built.by_id


def test_an_edit_in_a_subpackage_module_changes_the_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every cache file is keyed by the digest: a module it missed would let an edit meet a stale cache."""
    copy = tmp_path / "mgb6"
    shutil.copytree(ROOT / "src" / "mgb6", copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(mgb6.cache, "package_dir", lambda: copy)
    blobs = {name: b"" for name in mgb6.paths.TABLE_FILES}
    before = mgb6.cache.table_digest(blobs)
    assert ("log/parse.py", str(copy / "log" / "parse.py")) in mgb6.cache.code_files()
    with (copy / "log" / "parse.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert mgb6.cache.table_digest(blobs) != before
    moved = mgb6.cache.table_digest(blobs)
    (copy / "log" / "parse.py").rename(copy / "log" / "parsing.py")  # same code, another module
    assert mgb6.cache.table_digest(blobs) != moved


def test_a_cache_folder_removed_while_running_is_made_again_and_used(private: tuple[Path, Path]) -> None:
    # ("mgb6 cache clear" or a rm between two checks of one process: caching resumes, never off for good)
    _, cache = private
    cold = _check_json()
    shutil.rmtree(cache)
    assert _check_json() == cold
    assert cache.is_dir() and any(cache.glob("table-*.pickle")) and (cache / mgb6.cache.KEY_NAME).is_file()
