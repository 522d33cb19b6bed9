"""Suggestions: ranking by gap closed, dietary filters, the combined plan, the data behind them, the CLI."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT, runner

from mgb6.cli import app
from mgb6.errors import OptionError
from mgb6.foods.table import load_suggestable
from mgb6.nutrition.suggest import DIETS, candidates, excluded_groups, food_key, plan, rank, suggest


@pytest.fixture(scope="module")
def cands(table):
    return candidates(table, load_suggestable())


def _position(ranked, word: str) -> int:
    hits = [i for i, s in enumerate(ranked) if word in s.candidate.food.lower()]
    assert hits, f"{word} is not suggestable at all"
    return hits[0]


def test_magnesium_only_gap_ranks_seeds_nuts_and_greens_high(cands) -> None:
    ranked = rank(cands, {"magnesium": 120.0, "vitamin_b6": 0.0}, n=1000)
    top_fifth = len(ranked) // 5
    assert _position(ranked, "pumpkin") < 10
    assert _position(ranked, "spinach") < 10
    for word in ("chia", "almonds"):
        assert _position(ranked, word) < top_fifth, word


def test_b6_only_gap_ranks_fish_potato_banana_pistachios_high(cands) -> None:
    ranked = rank(cands, {"magnesium": 0.0, "vitamin_b6": 0.4}, n=1000)
    for word in ("salmon", "potato", "banana", "pistachio"):
        assert _position(ranked, word) < 25, word
    # SR28's boiled chickpeas carry 0.14 mg B6/100 g (0.23 mg a cup): upper third, not top ten
    assert _position(ranked, "chickpea") < len(ranked) // 3


def test_a_magnesium_only_gap_ignores_b6(cands) -> None:
    ranked = rank(cands, {"magnesium": 120.0, "vitamin_b6": 0.0}, n=5)
    assert all(set(s.closes) == {"magnesium"} for s in ranked)


def test_foods_with_both_rank_up_when_both_gaps_are_open(cands) -> None:
    both = rank(cands, {"magnesium": 120.0, "vitamin_b6": 0.4}, n=10)
    mg_only = rank(cands, {"magnesium": 120.0, "vitamin_b6": 0.0}, n=1000)
    # the top foods for both gaps supply a real share of each gap, which a Mg-only ranking ignores
    for s in both[:5]:
        assert s.closes["magnesium"] > 0.2 and s.closes["vitamin_b6"] > 0.2
    pumpkin_both = _position(rank(cands, {"magnesium": 120.0, "vitamin_b6": 0.4}, n=1000), "pumpkin")
    assert pumpkin_both > _position(mg_only, "pumpkin")  # little B6: it drops when B6 is short too


def test_serving_amounts_come_from_usda_rows(cands) -> None:
    rows = {r["id"]: r for r in csv.DictReader((ROOT / "data" / "foods.csv").open(encoding="utf-8"))}
    for c in cands[:200]:
        r = rows[c.food_id]
        if r["magnesium_mg_per_100g"]:
            assert c.magnesium_mg == pytest.approx(float(r["magnesium_mg_per_100g"]) * c.grams / 100)
        else:
            assert c.magnesium_mg is None


@pytest.mark.parametrize("diet", sorted(DIETS))
def test_diets_never_suggest_what_they_exclude(table, diet: str) -> None:
    s = suggest(table, load_suggestable(), {"magnesium": 150.0, "vitamin_b6": 0.6}, diet=diet, n=40)
    assert s.items
    banned = DIETS[diet]
    for cand in [sug.candidate for sug in s.items] + list(s.plan.items if s.plan else ()):
        assert not (cand.groups & banned)
        category = table.foods[cand.food_index].category
        if diet == "vegan":
            assert category not in (
                "Finfish and Shellfish Products",
                "Poultry Products",
                "Beef Products",
                "Pork Products",
                "Lamb, Veal, and Game Products",
                "Dairy and Egg Products",
            )
        if diet == "vegetarian":
            assert category not in ("Finfish and Shellfish Products", "Poultry Products", "Beef Products")


def test_avoid_removes_food_groups(table) -> None:
    s = suggest(table, load_suggestable(), {"magnesium": 150.0}, avoid=["nuts", "seeds", "fish"], n=40)
    for sug in s.items:
        assert not sug.candidate.food.startswith(("Nuts,", "Seeds,", "Fish,"))


def test_unknown_diet_or_avoid_word_is_a_usage_error() -> None:
    with pytest.raises(OptionError):
        excluded_groups("carnivore", ())
    with pytest.raises(OptionError):
        excluded_groups(None, ["nutz"])


def test_plan_closes_both_gaps_when_it_says_so(cands) -> None:
    for gaps in ({"magnesium": 120.0, "vitamin_b6": 0.4}, {"magnesium": 250.0, "vitamin_b6": 1.0},
                 {"magnesium": 60.0, "vitamin_b6": 0.0}):  # fmt: skip
        p = plan(cands, gaps)
        assert p is not None and 1 <= len(p.items) <= 3
        assert len({c.family for c in p.items}) == len(p.items)
        for n, g in gaps.items():
            got = sum(c.amount(n) or 0.0 for c in p.items)
            if p.closes_gaps:
                assert got >= g
        assert p.kcal == pytest.approx(sum(c.kcal or 0.0 for c in p.items))


def test_plan_says_when_three_servings_are_not_enough(cands) -> None:
    p = plan(cands, {"magnesium": 5000.0, "vitamin_b6": 0.1})
    assert p is not None and not p.closes_gaps and p.remaining["magnesium"] > 0


def test_foods_already_eaten_rank_up(table, cands) -> None:
    gaps = {"magnesium": 120.0, "vitamin_b6": 0.0}
    plain = rank(cands, gaps, n=1000)
    pos = _position(plain, "almonds")
    eaten = rank(cands, gaps, eaten_keys=frozenset({food_key("Almonds, unsalted")}), n=1000)
    assert _position(eaten, "almonds") < pos
    assert eaten[_position(eaten, "almonds")].already_eaten


@pytest.mark.parametrize(
    ("logged", "suggested"),
    [
        ("Almonds, unsalted", "Nuts, almonds"),
        ("Pumpkin seeds, unsalted", "Seeds, pumpkin and squash seed kernels, dried"),
        ("Salmon, baked or broiled", "Fish, salmon, Atlantic, farmed, cooked, dry heat"),
        ("Bananas, raw", "Banana, raw"),
    ],
)
def test_a_logged_food_is_recognised_across_usda_wordings(logged: str, suggested: str) -> None:
    assert food_key(logged) == food_key(suggested)


def test_no_gap_means_no_suggestions(table) -> None:
    s = suggest(table, load_suggestable(), {"magnesium": 0.0, "vitamin_b6": 0.0})
    assert not s.open and not s.items and s.plan is None


def test_suggestable_csv_is_what_the_rules_build() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_suggestable", ROOT / "scripts" / "build_suggestable.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_suggestable"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    d = ROOT / "data"
    built = mod.render(mod.build(d / "foods.csv", d / "portions.csv", d / "suggest_rules.csv"))
    assert built == (d / "suggestable.csv").read_text(encoding="utf-8"), "run scripts/build_suggestable.py"


def test_suggestable_foods_are_whole_everyday_foods(table) -> None:
    for r in load_suggestable():
        f = table.foods[table.by_id[r["food_id"]]]
        assert f.source == "sr28"
        assert f.category not in (
            "Baby Foods",
            "Fast Foods",
            "Restaurant Foods",
            "Meals, Entrees, and Side Dishes",
            "Spices and Herbs",
            "Snacks",
            "Sweets",
        )
        assert "fortified" not in f.description.lower() or "not fortified" in f.description.lower()
        assert 0 < float(r["grams"]) <= 350


def test_cli_suggest_works_without_a_log() -> None:
    res = runner.invoke(app, ["suggest", "--magnesium", "120", "--b6", "0.4", "--format", "json", "-n", "5"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert len(doc["suggestions"]) == 5
    keys = {"food", "food_id", "serving", "grams", "magnesium_mg", "vitamin_b6_mg", "kcal"}
    assert keys <= set(doc["suggestions"][0])
    assert doc["plan"]["items"]


def test_cli_suggest_table_and_errors() -> None:
    res = runner.invoke(app, ["suggest", "--magnesium", "120", "--diet", "vegan", "--per", "100kcal"])
    assert res.exit_code == 0 and "To close the gap" in res.stdout and "Plan:" in res.stdout
    assert runner.invoke(app, ["suggest"]).exit_code == 2
    bad = runner.invoke(app, ["suggest", "--magnesium", "50", "--avoid", "nutz"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_check_ends_with_suggestions_and_json_keys(tmp_path: Path) -> None:
    log = tmp_path / "day.txt"
    log.write_text("1 medium banana\n1 cup cooked white rice\n1 oz almonds\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(log), "--sex", "female", "--age", "40", "--diet", "vegan"])
    assert res.exit_code == 0, res.output
    assert "To close the gap" in res.stdout
    doc = json.loads(runner.invoke(app, ["check", str(log), "--format", "json"]).stdout)
    for key in ("suggestions", "plan", "warnings", "advice", "supplements"):
        assert key in doc
    assert doc["suggestions"] and doc["plan"]


def test_cli_foods_search_and_top() -> None:
    res = runner.invoke(app, ["foods", "search", "pumpkin", "seeds"])
    assert res.exit_code == 0 and "would count" in res.stdout
    res = runner.invoke(app, ["foods", "top", "--nutrient", "magnesium", "--per", "100g", "-n", "5",
                              "--category", "Nut"])  # fmt: skip
    assert res.exit_code == 0 and "Top foods" in res.stdout
    res = runner.invoke(app, ["foods", "top", "--nutrient", "b6", "--per", "serving", "-n", "5"])
    assert res.exit_code == 0 and "3 oz" in res.stdout


def test_foods_top_ranks_by_the_usda_value(table) -> None:
    from mgb6.foods.rankings import top_foods

    rows = top_foods(table, "magnesium", "100g", category="Nut and Seed", n=5)
    values = [r["value"] for r in rows]
    assert values == sorted(values, reverse=True)
    best = max(f.magnesium for f in table.foods if f.magnesium is not None and "Nut and Seed" in f.category)
    assert values[0] == best


def test_saved_diet_and_avoid_apply_unless_overridden(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "cfg"))
    assert runner.invoke(app, ["profile", "set", "--diet", "vegan", "--avoid", "nuts,seeds"]).exit_code == 0
    doc = json.loads(runner.invoke(app, ["suggest", "--magnesium", "120", "-f", "json", "-n", "20"]).stdout)
    assert doc["diet"] == "vegan" and doc["avoid"] == ["nuts", "seeds"]
    assert not any(
        s["food"].startswith(("Nuts,", "Seeds,", "Fish,", "Milk", "Egg")) for s in doc["suggestions"]
    )
    free = json.loads(runner.invoke(app, ["suggest", "--magnesium", "120", "-f", "json", "--diet", "none",
                                          "--avoid", ""]).stdout)  # fmt: skip
    assert free["diet"] is None and free["avoid"] == []


def test_check_and_suggest_stay_off_pandas() -> None:
    """Suggestions, limits and advice ride on the one-person path, which must not import pandas."""
    import subprocess

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from mgb6.cli import app\n"
        f"r = CliRunner().invoke(app, ['check', {str(ROOT / 'examples' / 'week.txt')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "r = CliRunner().invoke(app, ['suggest', '--magnesium', '100', '--b6', '0.3'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _rank_by_definition(cands, gaps, per, exclude, eaten_keys, n):
    """rank() as its docstring defines it, with the dict-per-food helpers it inlines for speed."""
    from mgb6.nutrition.suggest import ALREADY_EATEN_BONUS, Suggestion, _closes, _score

    def key(s):
        tie = (s.candidate.kcal or 1e9) if per == "serving" else -sum(s.closes.values())
        return (-s.score, tie, s.candidate.food_id)

    best = {}
    for c in cands:
        if c.groups & exclude:
            continue
        closes = _closes(c, gaps, per)
        if not closes:
            continue
        eaten = c.key in eaten_keys
        s = Suggestion(c, closes, _score(closes) * (ALREADY_EATEN_BONUS if eaten else 1.0), eaten)
        if c.family not in best or key(s) < key(best[c.family]):
            best[c.family] = s
    return [s for s in sorted(best.values(), key=key) if s.score > 0][:n]


@settings(max_examples=60, deadline=None)
@given(
    mg=st.sampled_from([0.0, 1.0, 45.0, 120.0, 400.0]),
    b6=st.sampled_from([0.0, 0.01, 0.3, 1.3]),
    per=st.sampled_from(["serving", "100kcal"]),
    exclude=st.frozensets(st.sampled_from(["meat", "fish", "nuts", "dairy", "gluten", "soy"])),
    eaten=st.frozensets(st.sampled_from(["spinach", "almond", "banana", "salmon", "oat"])),
    n=st.sampled_from([1, 8, 2000]),
)
def test_rank_matches_its_definition(cands, mg, b6, per, exclude, eaten, n) -> None:
    gaps = {"magnesium": mg, "vitamin_b6": b6}
    expected = _rank_by_definition(cands, gaps, per, exclude, eaten, n)
    assert rank(cands, gaps, per, exclude, eaten, n) == expected


# --- young children (reference: "Infants and young children") ---------------------------------------

_NUT_OR_SEED = ("nuts, ", "seeds, ", "peanuts", "popcorn")


def _offered(table, age: float | None, gaps: dict[str, float]) -> list[str]:
    sugg = suggest(table, None, gaps, age=age, n=50)
    foods = [s.candidate.food for s in sugg.items]
    if sugg.plan is not None:
        foods += [c.food for c in sugg.plan.items]
    return foods


@pytest.mark.parametrize("age", [0.5, 0.9])
def test_infants_get_no_suggestions_and_no_plan(table, age: float) -> None:
    sugg = suggest(table, None, {"magnesium": 40.0, "vitamin_b6": 0.2}, age=age)
    assert sugg.items == [] and sugg.plan is None


@pytest.mark.parametrize("age", [1, 2, 3, 3.9])
def test_under_4_no_whole_nuts_seeds_or_popcorn_are_offered(table, age: float) -> None:
    gaps = {"magnesium": 60.0, "vitamin_b6": 0.0}
    assert any(f.lower().startswith(_NUT_OR_SEED) for f in _offered(table, None, gaps))  # the premise
    assert not [f for f in _offered(table, age, gaps) if f.lower().startswith(_NUT_OR_SEED)]
    assert any(f.lower().startswith(_NUT_OR_SEED) for f in _offered(table, 4, gaps))


def test_no_nonfat_or_low_fat_milk_at_1_to_2_years(cands) -> None:
    from mgb6.nutrition.suggest import suitable_at

    milks = [c for c in cands if c.family == "milk"]
    low = [c for c in milks if any(w in c.food.lower() for w in ("nonfat", "lowfat", "1% fat"))]
    whole = [c for c in milks if "whole" in c.food.lower()]
    assert low and whole  # the premise
    assert not any(suitable_at(c, 1.5) for c in low) and all(suitable_at(c, 1.5) for c in whole)
    assert all(suitable_at(c, 2) for c in low)


def test_an_infant_check_offers_milk_not_a_food_plan(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("breast milk 24 fl oz\n2 tbsp pumpkin seeds\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(log), "--age", "0.5", "--format", "json"])
    doc = json.loads(res.stdout)
    assert doc["suggestions"] == [] and doc["plan"] is None
    assert any("breast milk or formula supplies it" in n for n in doc["summary"]["notes"])
    first = doc["days"][0]["items"][0]
    assert first["food_id"] == "sr28:01107" and first["food"] == "Milk, human, mature, fluid"
    table = runner.invoke(app, ["check", str(log), "--age", "0.5", "--no-color"], env={"COLUMNS": "200"})
    assert "To close the gap" not in table.stdout and "Plan:" not in table.stdout
    assert "breast milk or formula supplies it" in " ".join(table.stdout.split())


def test_a_2_year_old_check_offers_no_whole_chestnuts(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("1 cup cooked white rice\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(log), "--age", "2", "--format", "json"])
    foods = [s["food"].lower() for s in json.loads(res.stdout)["suggestions"]]
    assert foods and not [f for f in foods if f.startswith(_NUT_OR_SEED)]
