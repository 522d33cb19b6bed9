"""Audit fixes: nothing is dropped or overwritten silently, and no saved state can lock a user out.

CSV rows for uncounted lines, coverage numbers that add up, no clobbering import, no folder creation for
--report, profile set refusing what check would refuse, random bytes refused as binary (also by mgb6 log),
and honest days: lines after an invalid date, dated headers with nothing counted.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, runner, write_log

from mgb6.cli import app
from mgb6.errors import ExitCode

# a day, an unmatched line, a supplement without a dose, an invalid date with a line under it, a day
# with only an unreadable line, and an empty day
LOG = (
    "2026-11-20\n1 medium banana\nqwzx blorp\nmagnesium\n"
    "2026-02-30\n1 cup spinach\n"
    "2026-11-21\n-2 cups milk\n"
    "2026-11-22\n"
)


def invoke(*args: str, stdin: str | bytes | None = None):
    result = runner.invoke(app, list(args), input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"unhandled {result.exception!r}\n{result.output}") from result.exception
    assert "Traceback" not in result.output
    return result


write = write_log


def as_json(*args: str) -> dict:
    result = invoke("check", *args, "--format", "json", "--quiet")
    assert result.exit_code == ExitCode.OK, result.output
    return json.loads(result.stdout)


def as_csv(*args: str) -> list[dict[str, str]]:
    result = invoke("check", *args, "--format", "csv", "--quiet")
    assert result.exit_code == ExitCode.OK, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


# --- 1, 2: CSV and JSON account for every line -------------------------------------------------------


def test_csv_lists_uncounted_lines_with_status_and_reason_in_line_order(tmp_path: Path) -> None:
    log = str(write(tmp_path, LOG))
    doc, rows = as_json(log), as_csv(log)
    assert [int(r["line"]) for r in rows] == sorted(int(r["line"]) for r in rows)
    counted = [r for r in rows if r["status"] == "counted"]
    others = {int(r["line"]): r for r in rows if r["status"] != "counted"}
    # every counted item and every problem of the JSON, nothing else
    assert [(r["line"], r["food_id"]) for r in counted] == sorted(
        ((str(i["line"]), i["food_id"]) for d in doc["days"] for i in d["items"]), key=lambda t: int(t[0])
    )
    assert {u["line"]: u["kind"] for u in doc["unmatched"]} == {n: r["status"] for n, r in others.items()}
    assert {r["status"] for r in others.values()} == {"unmatched", "supplement", "bad-date", "unreadable"}
    assert len(rows) == doc["coverage"]["food_lines"] + doc["coverage"]["bad_date_lines"]
    blorp = others[3]
    assert blorp["text"] == "qwzx blorp" and blorp["date"] == "2026-11-20" and blorp["food"] == ""
    problem = next(u for u in doc["unmatched"] if u["line"] == 3)
    assert blorp["reason"].startswith(problem["reason"])
    if problem["candidates"]:
        assert blorp["reason"].endswith("closest: " + " | ".join(problem["candidates"]))
    assert others[8]["date"] == "2026-11-21" and others[8]["status"] == "unreadable"
    assert all(r["reason"] == "" for r in counted)


def test_csv_rows_of_several_logs_and_repeated_dates_follow_file_and_line(tmp_path: Path) -> None:
    a = write(tmp_path, "2026-11-21\n1 medium banana\nzzqx\n2026-11-20\n1 cup spinach\n", "a.txt")
    b = write(tmp_path, "2026-11-20\nqwzx blorp\n1 medium apple\n2026-11-21\n1 cup milk\n", "b.txt")
    rows = as_csv(str(b), str(a))
    places = [(r["file"], int(r["line"])) for r in rows]
    assert places == sorted(places) and len(places) == 6
    assert [r["date"] for r in rows] == ["2026-11-21", "2026-11-21", "2026-11-20",
                                         "2026-11-20", "2026-11-20", "2026-11-21"]  # fmt: skip


def test_json_coverage_adds_up_and_counts_invalid_dates_apart(tmp_path: Path) -> None:
    doc = as_json(str(write(tmp_path, LOG)))
    cov = doc["coverage"]
    assert cov["counted_lines"] + cov["not_counted_lines"] == cov["food_lines"]
    assert cov["bad_date_lines"] == sum(1 for u in doc["unmatched"] if u["kind"] == "bad-date") == 1
    assert cov["not_counted_lines"] == sum(1 for u in doc["unmatched"] if u["kind"] != "bad-date")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_exports_say_on_stderr_when_some_lines_are_not_counted(tmp_path: Path, fmt: str) -> None:
    log = str(write(tmp_path, LOG))
    doc = as_json(log)
    loud = invoke("check", log, "--format", fmt)
    cov = doc["coverage"]
    expected = f"Totals cover {cov['counted_lines']} of {cov['food_lines']} food lines"
    assert expected in loud.stderr and expected not in loud.stdout
    assert expected not in invoke("check", log, "--format", fmt, "--quiet").stderr
    clean = str(write(tmp_path, "1 medium banana\n", "clean.txt"))
    assert "Totals cover" not in invoke("check", clean, "--format", fmt).stderr


# --- 8: honest days ------------------------------------------------------------------------------------


def test_lines_after_an_invalid_date_are_a_labelled_day_with_a_warning(tmp_path: Path) -> None:
    log = str(write(tmp_path, LOG))
    doc = as_json(log)
    labels = [d["label"] for d in doc["days"]]
    assert "after invalid date (line 5)" in labels and "undated" not in labels
    after = doc["days"][labels.index("after invalid date (line 5)")]
    assert [i["line"] for i in after["items"]] == [6]
    loud = invoke("check", log)
    assert "log.txt:5: invalid date header; the 1 counted line under it counts as one day" in loud.stderr


def test_lines_before_the_first_date_are_warned_about_among_dated_days(tmp_path: Path) -> None:
    log = str(write(tmp_path, "1 medium banana\n2026-11-20\n1 cup spinach\n"))
    assert "with no date header counts as one more day of the mean" in invoke("check", log).stderr
    alone = str(write(tmp_path, "1 medium banana\n", "alone.txt"))
    assert "Warning" not in invoke("check", alone).stderr  # a log without dates is simply one day


def test_a_day_with_nothing_counted_has_no_totals_and_stays_out_of_the_mean(tmp_path: Path) -> None:
    log = str(write(tmp_path, LOG))
    doc = as_json(log)
    empty = {d["label"]: d for d in doc["days"] if not d["items"]}
    assert set(empty) == {"2026-11-21", "2026-11-22"}
    for d in empty.values():
        assert d["totals"] == {"magnesium_mg": None, "vitamin_b6_mg": None, "kcal": None}
    counted = [d for d in doc["days"] if d["items"]]
    assert doc["summary"]["days"] == len(counted)
    mean = sum(d["totals"]["magnesium_mg"] for d in counted) / len(counted)
    assert doc["summary"]["magnesium"]["mean_mg"] == pytest.approx(mean, abs=0.01)
    table = invoke("check", log, "--quiet").stdout
    row = next(line for line in table.splitlines() if line.strip().startswith("2026-11-22"))
    assert row.split()[1:] == ["-", "-", "-", "-", "0"]


# --- 3, 7: no overwriting, no folder creation -------------------------------------------------------


FIXTURE = FIXTURES / "cronometer_dhjelmar_excerpt.csv"


def test_import_refuses_to_overwrite_a_log_unless_forced(tmp_path: Path) -> None:
    out = write(tmp_path, "2026-11-20\nmy precious log\n", "meals.txt")
    r = invoke("import", "cronometer", str(FIXTURE), "-o", str(out))
    assert r.exit_code == ExitCode.ERROR
    assert r.stderr.startswith("Error: ") and "already exists" in r.stderr and "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "2026-11-20\nmy precious log\n"
    r = invoke("import", "cronometer", str(FIXTURE), "-o", str(out), "--force")
    assert r.exit_code == ExitCode.OK, r.stderr
    assert out.read_text(encoding="utf-8").startswith("# Imported")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meals.txt"]  # no temporary left behind


def test_report_and_import_refuse_a_missing_folder_and_create_none(tmp_path: Path) -> None:
    log = str(write(tmp_path, "1 medium banana\n"))
    missing = tmp_path / "no" / "such"
    r = invoke("check", log, "--report", str(missing / "r.html"))
    assert r.exit_code == ExitCode.ERROR and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "does not exist" in r.stderr
    r = invoke("import", "cronometer", str(FIXTURE), "-o", str(missing / "meals.txt"))
    assert r.exit_code == ExitCode.ERROR and "does not exist" in r.stderr
    assert not (tmp_path / "no").exists()
    assert invoke("check", log, "--report", str(tmp_path / "r.html"), "--quiet").exit_code == ExitCode.OK


# --- 4: profile set refuses what check would refuse ------------------------------------------------


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(tmp_path / "cfg"))
    return tmp_path / "cfg" / "profile.toml"


@pytest.mark.parametrize(
    ("saved", "check_args"),
    [
        (["--age", "2", "--lactating", "--sex", "female"], ["--age", "2", "--lactating", "--sex", "female"]),
        (
            ["--age", "2", "--pregnant", "--sex", "female", "--authority", "efsa"],
            ["--age", "2", "--pregnant", "--sex", "female", "--authority", "efsa"],
        ),
        (["--avoid", "bananas"], ["--avoid", "bananas"]),
    ],
    ids=["lactating-toddler", "efsa-pregnant-toddler", "unknown-avoid-word"],
)
def test_profile_set_refuses_what_check_would_reject(
    config: Path, tmp_path: Path, saved: list[str], check_args: list[str]
) -> None:
    log = str(write(tmp_path, "1 medium banana\n"))
    by_check = invoke("check", log, "--no-profile", *check_args)
    assert by_check.exit_code == ExitCode.USAGE
    r = invoke("profile", "set", *saved)
    assert r.exit_code == ExitCode.USAGE
    assert r.stderr == by_check.stderr
    assert not config.exists()
    assert invoke("check", log, "--quiet").exit_code == ExitCode.OK  # not locked out


def test_profile_set_keeps_the_old_profile_when_a_change_is_refused(config: Path) -> None:
    assert invoke("profile", "set", "--sex", "female", "--age", "34", "--lactating").exit_code == 0
    before = config.read_text(encoding="utf-8")
    assert invoke("profile", "set", "--age", "3").exit_code == ExitCode.USAGE
    assert config.read_text(encoding="utf-8") == before


def test_not_pregnant_and_not_lactating_clear_the_life_stage(config: Path) -> None:
    from mgb6.profile import load

    assert invoke("profile", "set", "--sex", "female", "--age", "30", "--pregnant", "-q").exit_code == 0
    assert load(config).pregnant
    assert invoke("profile", "set", "--not-pregnant", "-q").exit_code == 0
    after = load(config)
    assert (after.pregnant, after.lactating, after.sex, after.age) == (False, False, "female", 30)
    assert invoke("profile", "set", "--lactating", "-q").exit_code == 0 and load(config).lactating
    assert invoke("profile", "set", "--not-lactating", "-q").exit_code == 0
    assert not load(config).lactating
    # now a toddler profile is possible without `profile clear`
    assert invoke("profile", "set", "--age", "2", "-q").exit_code == 0


# --- 5, 6: random bytes are binary, typed text in any encoding is not ------------------------------


def random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


@pytest.mark.parametrize("seed", range(6))
def test_random_bytes_are_refused_as_binary(tmp_path: Path, seed: int) -> None:
    path = str(write(tmp_path, random_bytes(2048, seed), "rb.txt"))
    r = invoke("check", path)
    assert r.exit_code == ExitCode.ERROR
    assert r.stderr == f"Error: {path}: this looks like a binary file, not a text food log\n"
    r = invoke("check", "-", stdin=random_bytes(300, seed))
    assert r.exit_code == ExitCode.ERROR and "binary file" in r.stderr


def test_batch_counts_random_bytes_as_a_failed_log(tmp_path: Path) -> None:
    good = str(write(tmp_path, "1 medium banana\n", "good.txt"))
    bad = str(write(tmp_path, random_bytes(2048, 7), "bad.txt"))
    r = invoke("batch", good, bad, "--format", "json")
    assert r.exit_code == ExitCode.ERROR
    assert "binary file" in r.stdout + r.stderr


ACCENTED = (
    "2026-11-20\n100 g crème fraîche\n2 œufs brouillés\n1 tasse d'épinards à la crème\n"
    "café au lait ½ tasse\n100 g Müsli mit Äpfeln\n1 Brötchen\n200 g Jogurt (Ø 3,5 %)\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le"])
def test_heavily_accented_logs_in_any_supported_encoding_are_read(tmp_path: Path, encoding: str) -> None:
    text = ACCENTED if encoding != "latin-1" else ACCENTED.replace("œ", "oe")  # latin-1 has no œ
    path = str(write(tmp_path, (text * 5).encode(encoding)))
    doc = as_json(path)
    lines = [i["text"] for d in doc["days"] for i in d["items"]] + [u["text"] for u in doc["unmatched"]]
    assert "100 g crème fraîche" in lines and "100 g Müsli mit Äpfeln" in lines


def test_log_refuses_to_append_to_a_binary_file(tmp_path: Path) -> None:
    data = random_bytes(2048, 3)
    target = write(tmp_path, data, "photo.txt")
    r = invoke("log", "--file", str(target), "1 medium banana")
    assert r.exit_code == ExitCode.ERROR and "binary file" in r.stderr
    assert target.read_bytes() == data
    png = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "p.png")
    before = png.read_bytes()
    assert invoke("log", "--file", str(png), "1 medium banana").exit_code == ExitCode.ERROR
    assert png.read_bytes() == before


def test_log_appends_only_and_adds_a_header_when_the_last_one_differs(tmp_path: Path) -> None:
    """Documented: `mgb6 log` never inserts into the middle; logging today after an older day repeats
    today's header at the end, and check merges both blocks into one day."""
    log = tmp_path / "log.txt"
    today = date.today().isoformat()
    steps = [([], "1 medium banana"), (["--date", "2020-01-01"], "1 medium apple"), ([], "1 cup spinach"),
             ([], "1 cup milk")]  # fmt: skip
    for extra, line in steps:
        assert invoke("log", "--file", str(log), *extra, line, "-q").exit_code == ExitCode.OK
    assert log.read_text(encoding="utf-8") == (
        f"{today}\n1 medium banana\n\n2020-01-01\n1 medium apple\n\n{today}\n1 cup spinach\n1 cup milk\n"
    )
    doc = as_json(str(log))
    days = {d["label"]: [i["text"] for i in d["items"]] for d in doc["days"]}
    assert days == {
        "2020-01-01": ["1 medium apple"], today: ["1 medium banana", "1 cup spinach", "1 cup milk"]
    }  # fmt: skip
