"""Custom foods: validated with file:line:column errors, win over USDA on equal names, marked custom."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import runner

from mgb6.api import run_check
from mgb6.cli import app
from mgb6.errors import DataError
from mgb6.foods.custom import load_custom_foods, load_table_with
from mgb6.foods.match import match
from mgb6.foods.table import load_table
from mgb6.nutrition.targets import Profile

HEADER = "id,description,magnesium_mg_per_100g,vitamin_b6_mg_per_100g,energy_kcal_per_100g,synonyms\n"


@pytest.fixture(autouse=True)
def cfg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "cfg"))
    return tmp_path / "cfg"


def _csv(tmp_path: Path, body: str, header: str = HEADER, name: str = "my_foods.csv") -> Path:
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "header, body, where, words",
    [
        ("id,description,magnesium_mg_per_100g\n", "a,A,1\n", ":1:", "missing column vitamin_b6_mg_per_100g"),
        (HEADER, "a,A,lots,0.1,,\n", ":2:3:", "must be a number"),
        (HEADER, "a,A,1,0.1,,\nb,B,-4,0.1,,\n", ":3:3:", "cannot be negative"),
        (HEADER, "a,A,1,0.1,-1,\n", ":2:5:", "cannot be negative"),
        (HEADER, "a,A,1,nan,,\n", ":2:4:", "finite"),
        (HEADER, "a,A,1,0.1,,\nb,B,1,1,,\na,C,1,1,,\n", ":4:1:", "duplicate id 'a' (first on line 2)"),
        (HEADER, ",A,1,0.1,,\n", ":2:1:", "id is empty"),
        (HEADER, "a,A,1,0.1,,,extra\n", ":2:7:", "more cells"),
    ],
)
def test_invalid_custom_foods_name_file_line_and_column(
    tmp_path: Path, header: str, body: str, where: str, words: str
) -> None:
    path = _csv(tmp_path, body, header)
    with pytest.raises(DataError) as info:
        load_custom_foods(path)
    assert f"{path}{where}" in str(info.value) and words in str(info.value)


def test_empty_or_missing_files_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "e.csv"
    empty.write_text("")
    with pytest.raises(DataError, match="empty"):
        load_custom_foods(empty)
    with pytest.raises(DataError, match="no such"):
        load_custom_foods(tmp_path / "absent.csv")


def test_cli_reports_a_bad_foods_file_in_one_line(tmp_path: Path) -> None:
    path = _csv(tmp_path, "a,A,x,1,,\n")
    log = tmp_path / "log.txt"
    log.write_text("100 g spinach\n")
    r = runner.invoke(app, ["check", str(log), "--foods", str(path)], env={"COLUMNS": "300"})
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {path}:2:3:") and r.stderr.count("\n") == 1


def test_empty_nutrient_cells_stay_unknown(tmp_path: Path) -> None:
    rows = load_custom_foods(_csv(tmp_path, "a,A,,,,\n"))
    table = load_table_with([tmp_path / "my_foods.csv"])
    food = table.foods[table.by_id["a"]]
    assert rows[0]["magnesium_mg_per_100g"] == "" and food.magnesium is None and food.vitamin_b6 is None


def test_custom_food_wins_on_an_equal_name_and_leaves_the_bundled_table_alone(tmp_path: Path) -> None:
    bundled = load_table()
    m, _ = match("banana", bundled)
    assert m is not None
    usda = bundled.foods[m.food_index]
    path = _csv(tmp_path, "my:banana,Banana,31,0.4,,\nmy:bar,Protein bar Zed,120,0.9,,zed bar\n")
    table = load_table_with([path])
    for phrase, fid in (("banana", "my:banana"), ("bananas", "my:banana"), ("zed bar", "my:bar")):
        hit, _ = match(phrase, table)
        assert hit is not None and table.foods[hit.food_index].id == fid, phrase
    again = load_table()
    assert again is bundled and match("banana", again)[0].food_index == m.food_index
    assert "my:banana" not in again.by_id and usda.source != "custom"


def test_custom_id_equal_to_a_usda_id_overrides_it(tmp_path: Path) -> None:
    bundled = load_table()
    usda_id = bundled.foods[match("spinach", bundled)[0].food_index].id
    path = _csv(tmp_path, f"{usda_id},My spinach,99,0.5,,\n")
    table = load_table_with([path])
    food = table.foods[table.by_id[usda_id]]
    assert (food.source, food.magnesium) == ("custom", 99.0)


def test_custom_foods_are_counted_and_marked_in_the_report(tmp_path: Path, cfg: Path) -> None:
    path = _csv(tmp_path, "my:bar,Protein bar Zed,120,0.9,,zed bar\n")
    log = tmp_path / "log.txt"
    log.write_text("60 g zed bar\n100 g spinach\n")
    result, _ = run_check([str(log)], Profile(), table=load_table_with([path]))
    item = next(i for i in result.items if i.food_id == "my:bar")
    assert item.source == "custom" and item.magnesium_mg == pytest.approx(120 * 60 / 100)
    r = runner.invoke(app, ["check", str(log), "--foods", str(path)], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.stderr
    assert "Custom foods used" in r.stdout and "(custom)" in r.stdout
    r = runner.invoke(app, ["check", str(log), "--foods", str(path), "-f", "json"])
    assert '"source": "custom"' in r.stdout
    # the same file in the config directory is picked up without --foods
    cfg.mkdir(parents=True, exist_ok=True)
    (cfg / "foods.csv").write_text(path.read_text())
    r = runner.invoke(app, ["check", str(log)], env={"COLUMNS": "120"})
    assert "Custom foods used" in r.stdout


def test_later_files_override_earlier_ones(tmp_path: Path) -> None:
    a = _csv(tmp_path, "my:x,Zed thing,1,0.1,,\n", name="a.csv")
    b = _csv(tmp_path, "my:x,Zed thing,2,0.2,,\n", name="b.csv")
    table = load_table_with([a, b])
    assert table.foods[table.by_id["my:x"]].magnesium == 2.0


def test_custom_table_is_cached_apart_and_never_touches_the_bundled_cache(tmp_path: Path) -> None:
    from mgb6.paths import cache_dir

    load_table()
    before = {p.name: p.read_bytes() for p in cache_dir().glob("table-*.pickle")}
    path = _csv(tmp_path, "my:q,Quark zed,11,0.1,,\n")
    first = load_table_with([path])
    again = load_table_with([path])
    assert first.digest == again.digest and first.digest.startswith("custom-")
    assert (cache_dir() / f"{first.digest}.pickle").is_file()
    assert match("quark zed", again)[0].food_index == again.by_id["my:q"]
    path.write_text(HEADER + "my:q,Quark zed,12,0.1,,\n")
    changed = load_table_with([path])
    assert changed.digest != first.digest and changed.foods[changed.by_id["my:q"]].magnesium == 12.0
    after = {p.name: p.read_bytes() for p in cache_dir().glob("table-*.pickle")}
    assert after == before
