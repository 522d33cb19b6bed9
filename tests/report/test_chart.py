"""The trend chart fits 80 columns and reads without colour; --report saves the whole report."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from tests.conftest import ROOT, runner

from mgb6.api import run_check
from mgb6.cli import app
from mgb6.nutrition.targets import Profile, status
from mgb6.report.styles import SYMBOL
from mgb6.report.views import trend_charts

WEEK = str(ROOT / "examples" / "week.txt")
ANSI = re.compile(r"\x1b\[")


@pytest.fixture(autouse=True)
def _no_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "cfg"))


@pytest.fixture(scope="module")
def week():
    return run_check([WEEK], Profile("female", 34))[0]


def _render(renderable, width: int, color: bool = False) -> str:
    console = Console(width=width, record=True, no_color=not color, force_terminal=color, file=io.StringIO())
    console.print(renderable)
    return console.export_text(styles=color)


@pytest.mark.parametrize("width", [80, 60])
def test_chart_fits_the_terminal_with_one_bar_per_day_and_the_mean(week, width: int) -> None:
    text = _render(trend_charts(week), width)
    lines = text.splitlines()
    assert all(len(ln) <= width for ln in lines)
    for n in ("magnesium", "vitamin_b6"):
        goal = week.targets[n].goal
        for day in week.days:
            rows = [ln for ln in lines if ln.startswith(day.label)]
            assert len(rows) == 2  # one bar per day in each of the two charts
        assert f"goal {goal:g} mg" in text
    assert sum(1 for ln in lines if ln.startswith("mean")) == 2


def test_chart_marks_status_with_a_symbol_without_colour(week) -> None:
    text = _render(trend_charts(week), 80)
    assert not ANSI.search(text)
    lines = text.splitlines()
    mg_rows = [ln for ln in lines if re.match(r"\d{4}-\d\d-\d\d ", ln)][: len(week.days)]
    for day, row in zip(week.days, mg_rows, strict=True):
        expected = SYMBOL[status(day.totals["magnesium"], week.targets["magnesium"])]
        assert row.split()[1] == expected
        assert f"{day.totals['magnesium']:.0f}" in row.split()[-2]


def test_chart_bar_lengths_follow_the_totals(week) -> None:
    text = _render(trend_charts(week), 80)
    rows = [ln for ln in text.splitlines() if re.match(r"\d{4}-\d\d-\d\d ", ln)][: len(week.days)]
    lengths = [sum(1 for ch in r if ch == "█") for r in rows]
    totals = [d.totals["magnesium"] for d in week.days]
    order = sorted(range(len(totals)), key=totals.__getitem__)
    assert [lengths[i] for i in order] == sorted(lengths)


def test_no_chart_for_a_single_day(tmp_path: Path) -> None:
    log = tmp_path / "one.txt"
    log.write_text("100 g spinach\n")
    result = run_check([str(log)], Profile())[0]
    assert trend_charts(result) is None


def test_check_output_respects_no_color_and_width() -> None:
    for env in ({"NO_COLOR": "1", "COLUMNS": "80"}, {"COLUMNS": "80"}):
        r = runner.invoke(app, ["check", WEEK], env=env)
        assert r.exit_code == 0
        assert not ANSI.search(r.stdout)  # not a terminal: plain text either way
        assert "✓" in r.stdout and "Per day" in r.stdout


@pytest.mark.parametrize("width", [80, 60])
def test_report_degrades_in_narrow_terminals(width: int) -> None:
    r = runner.invoke(app, ["check", WEEK], env={"COLUMNS": str(width)})
    assert r.exit_code == 0
    assert max(len(ln) for ln in r.stdout.splitlines()) <= width
    assert "possibly inadequate" in r.stdout or "adequate" in r.stdout
    for word in ("Nutri…", "Magne…", "possi…", "adequ…"):
        assert word not in r.stdout


@pytest.mark.parametrize("suffix", ["html", "svg"])
def test_report_file_holds_the_whole_report(tmp_path: Path, suffix: str, week) -> None:
    out = tmp_path / f"report.{suffix}"
    r = runner.invoke(app, ["check", WEEK, "--sex", "female", "--age", "34", "--report", str(out)])
    assert r.exit_code == 0, r.stderr
    assert "Report saved to" in r.stderr
    body = out.read_text(encoding="utf-8")
    if suffix == "svg":
        assert body.lstrip().startswith("<svg")
        body = body.replace("&#160;", " ")
    else:
        assert "<html" in body.lower()
        body = body.replace("&nbsp;", " ")
    mean = "Mean" if suffix == "svg" else "Summary"  # the HTML is a document of its own (export/html.py)
    for title in ("Per day", mean, "Foods that carried it", "Magnesium per day", "Not medical advice"):
        assert title.replace(" ", "") in re.sub(r"<[^>]+>|\s", "", body), title
    for day in week.days:
        assert day.label in body
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left behind


def test_report_needs_html_or_svg(tmp_path: Path) -> None:
    r = runner.invoke(app, ["check", WEEK, "--report", str(tmp_path / "r.pdf")])
    assert r.exit_code == 2 and ".html or .svg" in r.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_report_into_a_missing_directory_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    r = runner.invoke(app, ["check", WEEK, "--report", str(target / "r.html")])
    assert r.exit_code == 1 and r.stderr.startswith("Error:")


def test_example_svg_in_docs_is_current_enough() -> None:
    svg = ROOT / "docs" / "example-report.svg"
    assert svg.is_file(), "docs/example-report.svg is shown in the README"
    assert "docs/example-report.svg" in (ROOT / "README.md").read_text(encoding="utf-8")
