"""The table report a person reads: coverage beside the verdict, the closing summary, the default log,
today "so far", the pager, and the small CLI conveniences (end to end through CliRunner)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, runner, write_log

from mgb6.cli import app
from mgb6.cli.output import wants_pager

WEEK = str(EXAMPLES / "week.txt")
THIN = (
    "2025-03-03\n1 cup cooked oatmeal\n1 medium banana\nzzqx flurb\nblorpt\nquux wibble\n"
    "frobnix 2 cups\nglarp\n"
)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args), env=env)
    return res.exit_code, res.stdout, res.stderr


def test_a_thin_log_holds_back_the_low_verdict_and_the_plan(tmp_path: Path) -> None:
    code, out, _ = run("check", str(write_log(tmp_path, THIN)), "--no-profile")
    assert code == 0
    assert "likely inadequate" not in out and "not judged" in out
    assert "Only 2 of 7 food lines were counted" in out
    assert "no plan yet" in out and "Plan:" not in out
    assert "fix the lines not counted" in out.split("Summary")[-1]


def test_a_thin_log_in_json_keeps_the_status_and_says_it_is_held_back(tmp_path: Path) -> None:
    out = run("check", str(write_log(tmp_path, THIN)), "--format", "json", "--no-profile")[1]
    doc = json.loads(out)
    assert doc["summary"]["coverage_level"] == "thin"
    assert doc["summary"]["magnesium"]["status"] == "likely inadequate"  # the computed status stays
    assert doc["summary"]["magnesium"]["held_back"] is True
    assert doc["plan"] is None


def test_a_fully_counted_week_ends_with_verdict_coverage_and_one_step() -> None:
    out = run("check", WEEK, "--no-profile")[1]
    tail = out.split("Summary")[-1]
    summary = json.loads(run("check", WEEK, "--no-profile", "--format", "json")[1])["summary"]
    gap = summary["magnesium"]["gap_mg"]
    assert f"possibly inadequate, {gap:.0f} mg short" in tail
    assert "62 of 62 food lines counted (100%); mean of 7 days" in tail
    assert "Best step" in tail and "a day:" in tail
    assert out.rstrip().splitlines()[-1].strip()  # the summary is the last thing printed


def test_check_without_a_file_checks_the_log_that_mgb6_log_keeps(tmp_path: Path) -> None:
    env = {"MGB6_DATA_HOME": str(tmp_path)}
    code, _, err = run("check", env=env)
    assert code == 1 and "no log yet" in err and 'mgb6 log "2 cups spinach"' in err
    assert run("log", "--date", "2025-03-03", "1 medium banana", env=env)[0] == 0
    code, out, err = run("check", "--no-profile", env=env)
    assert code == 0 and "Checking your log" in err and "2025-03-03" in out


def test_today_is_marked_so_far_and_left_out_of_the_mean_unless_asked(tmp_path: Path) -> None:
    today, before = date.today(), date.today() - timedelta(days=1)
    log = write_log(tmp_path, f"{before}\n1 cup cooked spinach\n{today}\n1 medium banana\n")
    doc = json.loads(run("check", str(log), "--format", "json", "--no-profile")[1])
    assert [d["so_far"] for d in doc["days"]] == [False, True]
    assert doc["summary"]["days"] == 1
    spinach = doc["days"][0]["totals"]["magnesium_mg"]
    assert doc["summary"]["magnesium"]["mean_mg"] == pytest.approx(spinach, abs=0.01)
    both = json.loads(run("check", str(log), "--format", "json", "--no-profile", "--include-today")[1])
    assert both["summary"]["days"] == 2
    out = " ".join(run("check", str(log), "--no-profile")[1].split())
    assert f"{today} so far" in out and "today left out" in out


def test_only_today_is_still_judged_and_says_it_is_so_far(tmp_path: Path) -> None:
    log = write_log(tmp_path, f"{date.today()}\n1 medium banana\n")
    out = " ".join(run("check", str(log), "--no-profile")[1].split())
    assert "today included, so far" in out


def test_dates_people_write_reach_the_report_and_the_year_filled_in_is_said(tmp_path: Path) -> None:
    log = write_log(tmp_path, "Monday 3 March\n1 medium banana\nMarch 4, 2025\n1 cup cooked spinach\n")
    _, out, err = run("check", str(log), "--no-profile")
    assert "2025-03-03" in out and "2025-03-04" in out
    assert "'Monday 3 March' has no year: read as 2025-03-03" in err


def test_an_ambiguous_date_is_refused_until_the_profile_says_the_order(tmp_path: Path) -> None:
    log = str(write_log(tmp_path, "3/4/2025\n1 medium banana\n"))
    doc = json.loads(run("check", log, "--format", "json")[1])
    assert doc["unmatched"][0]["kind"] == "bad-date" and "--date-order" in doc["unmatched"][0]["reason"]
    assert run("profile", "set", "--date-order", "dmy")[0] == 0
    try:
        doc = json.loads(run("check", log, "--format", "json")[1])
        assert doc["days"][0]["date"] == "2025-04-03"
        mdy = json.loads(run("check", log, "--format", "json", "--date-order", "mdy")[1])
        assert mdy["days"][0]["date"] == "2025-03-04"
    finally:
        run("profile", "clear")


def test_the_pager_is_never_used_when_output_is_not_a_terminal() -> None:
    from rich.console import Console

    assert not wants_pager(Console(file=io.StringIO()))
    assert not wants_pager(Console(force_terminal=True), page=False)


def test_pager_is_off_with_the_environment_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    monkeypatch.setenv("MGB6_PAGER", "0")
    assert not wants_pager(Console(force_terminal=True))


@pytest.mark.parametrize("args", [["-h"], ["check", "-h"], ["profile", "set", "-h"], ["foods", "top", "-h"]])
def test_dash_h_is_help(args: list[str]) -> None:
    code, out, _ = run(*args)
    assert code == 0 and "Usage:" in out


def test_help_shows_plain_metavars_and_whole_words() -> None:
    out = runner.invoke(app, ["check", "--help"], terminal_width=80).stdout
    assert "{FILE" not in out and "<float range>" not in out and "FLOAT RANGE" not in out
    assert "YEARS" in out and "GROUPS" in out
    assert "seafood," in out.replace("\n", " ") or "seafood" in out


def test_sex_is_accepted_in_any_case() -> None:
    code, out, _ = run("targets", "--sex", "Female", "--age", "34", "--no-profile", "--format", "json")
    assert code == 0 and json.loads(out)[0]["profile"].startswith("female")


def test_targets_and_foods_speak_json_and_csv() -> None:
    rows = json.loads(run("targets", "--no-profile", "-f", "json")[1])
    assert {r["nutrient"] for r in rows} == {"magnesium", "vitamin_b6"} and rows[0]["goal_mg"] == 420
    top = json.loads(run("foods", "top", "-n", "3", "-f", "json")[1])
    assert len(top) == 3 and top[0]["nutrient"] == "magnesium"
    found = list(csv.DictReader(io.StringIO(run("foods", "search", "lentils", "-f", "csv")[1])))
    assert sum(r["chosen"] == "True" for r in found) == 1


def test_suggest_csv_is_a_csv_with_the_plan_marked() -> None:
    code, out, _ = run("suggest", "--magnesium", "120", "-f", "csv", "-n", "4")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 4
    assert {"food_id", "magnesium_mg", "in_plan"} <= set(rows[0]) and any(r["in_plan"] == "yes" for r in rows)


def test_strict_says_on_stderr_why_it_failed(tmp_path: Path) -> None:
    code, _, err = run("check", str(write_log(tmp_path, "1 medium banana\nzzqx flurb\n")), "--strict")
    assert code == 1 and "--strict: 1 line not counted" in err


def test_batch_quiet_drops_the_warnings(tmp_path: Path) -> None:
    write_log(tmp_path, b"2025-03-03\n1 medium banana\n1 cr\xe8me br\xfbl\xe9e\n", "a.txt")  # latin-1
    loud = run("batch", str(tmp_path))[2]
    code, _, quiet = run("batch", str(tmp_path), "--quiet")
    assert "Warning" in loud and code == 0 and "Warning" not in quiet


def test_a_supplement_comment_stays_out_of_its_name(tmp_path: Path) -> None:
    log = write_log(tmp_path, "1 medium banana\nmagnesium glycinate 200 mg # evening, with food\n")
    out = run("check", str(log), "--no-profile")[1]
    assert "evening" not in out
    doc = json.loads(run("check", str(log), "--format", "json", "--no-profile")[1])
    assert "evening" not in doc["top_foods"]["magnesium"][0]["food"]


def test_a_report_taller_than_the_screen_goes_through_the_pager_and_a_short_one_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pydoc

    from rich.console import Console
    from rich.text import Text

    from mgb6.cli.output import show

    paged: list[str] = []
    monkeypatch.setattr(pydoc, "pager", paged.append)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.delenv("MGB6_PAGER", raising=False)
    screen = io.StringIO()
    out = Console(file=screen, force_terminal=True, width=40, height=10)
    show(out, Text("\n".join(f"line {i}" for i in range(30))))
    assert len(paged) == 1 and "line 29" in paged[0] and screen.getvalue() == ""
    show(out, Text("one line"))
    assert len(paged) == 1 and "one line" in screen.getvalue()
    show(out, Text("\n".join(f"line {i}" for i in range(30))), page=False)
    assert len(paged) == 1 and "line 29" in screen.getvalue()
