"""`mgb6 log`: appends land under the right header, exactly once, and a failure never damages the log."""

from __future__ import annotations

import csv
import errno
import os
import re
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT, runner

from mgb6.cli import app
from mgb6.errors import ExitCode, LogWriteError
from mgb6.log import append as logbook
from mgb6.log.append import append_line, default_log_path
from mgb6.log.parse import parse_log
from mgb6.log.read import decode

DAY = date(2026, 11, 20)
ORIGINAL = "# my log\n2026-11-19\n1 banana\n"


def food_row(food_id: str) -> dict[str, str]:
    with (ROOT / "data" / "foods.csv").open(newline="") as fh:
        return next(r for r in csv.DictReader(fh) if r["id"] == food_id)


def log(*args: str):
    result = runner.invoke(app, ["log", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"unhandled {result.exception!r}\n{result.output}") from result.exception
    return result


# --- the library ----------------------------------------------------------------------------------------


def test_first_append_creates_the_file_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "log.txt"
    out = append_line(path, "  2 cups spinach  ", DAY)
    assert out.added_header
    assert path.read_text() == "2026-11-20\n2 cups spinach\n"


def test_same_day_appends_under_the_existing_header(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text(ORIGINAL)
    append_line(path, "2 cups spinach", DAY)
    second = append_line(path, "1 banana", DAY)
    assert not second.added_header
    assert path.read_text() == ORIGINAL + "\n2026-11-20\n2 cups spinach\n1 banana\n"


def test_missing_final_newline_is_added_not_glued(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text("2026-11-20\n1 banana")
    append_line(path, "2 cups spinach", DAY)
    assert path.read_text() == "2026-11-20\n1 banana\n2 cups spinach\n"


def test_header_written_as_markdown_or_with_weekday_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text("## 2026-11-20 (Fri)\r\n1 banana\r\n")
    assert not append_line(path, "2 cups spinach", DAY).added_header


def test_last_header_found_far_back_in_a_large_log(tmp_path: Path) -> None:
    """The tail is read backwards in chunks; a header 1 MB before the end is still found."""
    path = tmp_path / "log.txt"
    path.write_text("2026-11-19\n1 banana\n2026-11-20\n" + "1 banana\n" * 120_000)
    before = path.read_bytes()
    assert not append_line(path, "2 cups spinach", DAY).added_header
    assert path.read_bytes() == before + b"2 cups spinach\n"


def test_a_later_day_in_the_file_gets_a_new_header_for_an_earlier_date(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text("2026-11-21\n1 banana\n")
    assert append_line(path, "2 cups spinach", DAY).added_header
    assert path.read_text().endswith("\n2026-11-20\n2 cups spinach\n")


@pytest.mark.parametrize("bad", ["", "   ", "a\nb", "a\rb", "a\x00b", "a\u2028b"])
def test_empty_or_multi_line_text_is_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(LogWriteError):
        append_line(tmp_path / "log.txt", bad, DAY)
    assert not (tmp_path / "log.txt").exists()


def test_default_path_honours_the_data_home_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MGB6_DATA_HOME", str(tmp_path))
    assert default_log_path() == tmp_path / "log.txt"
    monkeypatch.delenv("MGB6_DATA_HOME")
    assert default_log_path().name == "log.txt" and "mgb6" in str(default_log_path())


# --- failures never damage the log ----------------------------------------------------------------------


def _fail_on(monkeypatch: pytest.MonkeyPatch, name: str, err: int) -> None:
    def boom(*a, **k):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(logbook.os, name, boom)


@pytest.mark.parametrize(
    ("call", "err"), [("write", errno.ENOSPC), ("write", errno.EACCES), ("fsync", errno.EIO)]
)
def test_failure_mid_append_leaves_the_original_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, err: int
) -> None:
    path = tmp_path / "log.txt"
    path.write_text(ORIGINAL)
    _fail_on(monkeypatch, call, err)
    result = log("--file", str(path), "--date", "2026-11-20", "2 cups spinach")
    assert result.exit_code == ExitCode.ERROR
    assert os.strerror(err) in result.stderr and "earlier content is intact" in result.stderr
    assert "Traceback" not in result.output
    data = path.read_bytes()
    assert data.startswith(ORIGINAL.encode())
    if call == "write":
        assert data == ORIGINAL.encode()


def test_short_write_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "log.txt"
    path.write_text(ORIGINAL)
    real_write = os.write
    monkeypatch.setattr(logbook.os, "write", lambda fd, data: real_write(fd, data[:3]))
    with pytest.raises(LogWriteError, match="only 3 of"):
        append_line(path, "2 cups spinach", DAY)
    assert path.read_bytes().startswith(ORIGINAL.encode())


def test_permission_lost_before_open_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.txt"
    path.write_text(ORIGINAL)

    def deny(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(logbook.os, "open", deny)
    result = log("--file", str(path), "1 banana")
    assert result.exit_code == ExitCode.ERROR
    assert "permission denied; the log was not changed" in result.stderr
    assert path.read_text() == ORIGINAL


def test_locking_unavailable_still_appends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fcntl = pytest.importorskip("fcntl")

    def no_locks(*a, **k):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    path = tmp_path / "log.txt"
    append_line(path, "1 banana", DAY)
    assert path.read_text() == "2026-11-20\n1 banana\n"


# --- the command ----------------------------------------------------------------------------------------


def test_log_echoes_food_grams_and_nutrients_from_the_usda_row(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    result = log("--file", str(path), "--date", "2026-11-20", "200", "g", "spinach")
    assert result.exit_code == ExitCode.OK, result.output
    assert path.read_text() == "2026-11-20\n200 g spinach\n"
    food_id = re.search(r"\((\w+:\w+)\)", result.stdout).group(1)
    row = food_row(food_id)
    assert row["description"] in result.stdout
    assert "200 g" in result.stdout
    assert f"Mg {float(row['magnesium_mg_per_100g']) * 2:.0f} mg" in result.stdout


def test_log_uses_the_data_home_log_and_where_shows_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MGB6_DATA_HOME", str(tmp_path / "home"))
    where = log("--where")
    assert where.exit_code == ExitCode.OK
    assert where.stdout.strip() == str(tmp_path / "home" / "log.txt")
    assert log("1 banana").exit_code == ExitCode.OK
    assert (tmp_path / "home" / "log.txt").read_text() == f"{date.today().isoformat()}\n1 banana\n"


def test_unmatched_line_is_refused_without_force(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text(ORIGINAL)
    result = log("--file", str(path), "1 cup xyzzyblorf")
    assert result.exit_code == ExitCode.ERROR
    assert "not logged" in result.stderr and "--force" in result.stderr
    assert path.read_text() == ORIGINAL
    forced = log("--file", str(path), "--force", "--date", "2026-11-20", "1 cup xyzzyblorf")
    assert forced.exit_code == ExitCode.OK
    assert path.read_text() == ORIGINAL + "\n2026-11-20\n1 cup xyzzyblorf\n"


def test_refused_line_does_not_create_a_missing_log(tmp_path: Path) -> None:
    path = tmp_path / "new.txt"
    assert log("--file", str(path), "--", "-5 g almonds").exit_code == ExitCode.ERROR
    assert not path.exists()


def test_markup_in_the_line_is_echoed_literally(tmp_path: Path) -> None:
    result = log("--file", str(tmp_path / "log.txt"), "[bold]spinach 100 g")
    assert result.exit_code == ExitCode.OK
    assert "[bold]spinach 100 g" in result.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [(["--date", "2026-02-30", "1 banana"], "is not a date"), ([], "give the line to log")],
)
def test_log_usage_errors(tmp_path: Path, args: list[str], says: str) -> None:
    result = log("--file", str(tmp_path / "log.txt"), *args)
    assert result.exit_code == ExitCode.USAGE
    assert says in result.stderr
    assert not (tmp_path / "log.txt").exists()


def test_concurrent_log_processes_each_land_exactly_once(tmp_path: Path, mgb6_exe: str) -> None:
    """Many `mgb6 log` processes at once: no line lost or doubled, one header, the old bytes untouched."""
    path = tmp_path / "shared log.txt"
    path.write_text(ORIGINAL)
    n = 20
    lines = [f"{i + 1} g spinach" for i in range(n)]
    procs = [
        subprocess.Popen(
            [mgb6_exe, "log", "--file", str(path), "--date", "2026-11-20", line],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for line in lines
    ]
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == ExitCode.OK, err
    text = path.read_text()
    assert text.startswith(ORIGINAL)
    body = text[len(ORIGINAL) :].splitlines()
    assert body.count("2026-11-20") == 1
    assert sorted(ln for ln in body if ln.endswith("spinach")) == sorted(lines)
    assert body[:2] == ["", "2026-11-20"] and len(body) == n + 2


SLOW_APPEND = """
import sys, time
from mgb6.log import append as logbook
START = float(sys.argv.pop(1))
real_fstat = logbook.os.fstat
def slow_fstat(fd):
    # every process reaches the read-decide-write step at the same instant: unlocked, they would race
    time.sleep(max(0.0, START - time.time()))
    return real_fstat(fd)
logbook.os.fstat = slow_fstat
from mgb6.cli import main
sys.argv = ["mgb6", *sys.argv[1:]]
main()
"""


def test_the_lock_serialises_a_widened_race(tmp_path: Path) -> None:
    """All processes reach the header decision at once; only the lock keeps them from doubling it."""
    import sys
    import time

    path = tmp_path / "log.txt"
    path.write_text(ORIGINAL)
    lines = [f"{i + 1} g spinach" for i in range(12)]
    start = str(time.time() + 3.0)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", SLOW_APPEND, start, "log", "--file", str(path), "--date=2026-11-20", line],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for line in lines
    ]
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == ExitCode.OK, err
    body = path.read_text()[len(ORIGINAL) :].splitlines()
    assert body.count("2026-11-20") == 1
    assert sorted(ln for ln in body if ln.endswith("spinach")) == sorted(lines)


def test_log_reads_lines_with_custom_foods_like_check_does(tmp_path: Path) -> None:
    foods = tmp_path / "my_foods.csv"
    foods.write_text(
        "id,description,magnesium_mg_per_100g,vitamin_b6_mg_per_100g,energy_kcal_per_100g,synonyms\n"
        'my:zedbar,"Protein bar, Zed",120,0.9,380,zed bar;zed\n'
    )
    path = tmp_path / "log.txt"
    assert log("--file", str(path), "--date", "2026-11-20", "100 g zed bar").exit_code == ExitCode.ERROR
    result = log("--file", str(path), "--foods", str(foods), "--date", "2026-11-20", "100 g zed bar")
    assert result.exit_code == ExitCode.OK, result.output
    assert "Protein bar, Zed (my:zedbar), 100 g: Mg 120 mg, B6 0.90 mg" in result.stdout
    assert path.read_text() == "2026-11-20\n100 g zed bar\n"


def test_quiet_log_prints_nothing_but_appends(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    result = log("--file", str(path), "--quiet", "1 banana")
    assert result.exit_code == ExitCode.OK and result.stdout == ""
    assert path.read_text().endswith("\n1 banana\n")


@pytest.mark.parametrize("nl", ["\r\n", "\r"])
def test_appends_follow_the_files_line_endings(tmp_path: Path, nl: str) -> None:
    path = tmp_path / "log.txt"
    original = f"2026-11-20{nl}1 banana{nl}".encode()
    path.write_bytes(original)
    assert not append_line(path, "2 cups spinach", DAY).added_header
    append_line(path, "1 apple", date(2026, 11, 21))
    assert path.read_bytes() == original + f"2 cups spinach{nl}{nl}2026-11-21{nl}1 apple{nl}".encode()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_utf16_log_is_refused_untouched(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "log.txt"
    path.write_bytes(ORIGINAL.encode(encoding))
    before = path.read_bytes()
    with pytest.raises(LogWriteError, match="UTF-16"):
        append_line(path, "1 banana", DAY)
    assert path.read_bytes() == before


@settings(max_examples=150, deadline=None)
@given(
    existing=st.lists(
        st.one_of(
            st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
            st.just("\n"),
            st.sampled_from(["2026-11-20", "## 2025-01-01 (Wed)", "1 banana", "lunch:", "\t#", "2026-2-30"]),
            st.sampled_from(["\u200b2026-11-21", "2026-11-19\x00", "\ufeff## 2026-11-20", "\u2028", "\x0c"]),
        ),
        max_size=20,
    ).map("".join),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    line=st.sampled_from(["1 banana", "2 cups spinach", "lunch: 1 apple", "[bold]x"]),
    day=st.one_of(st.just(date(2026, 11, 20)), st.dates(date(2020, 1, 1), date(2030, 12, 31))),
)
def test_any_existing_log_keeps_its_bytes_and_gains_the_line_under_its_day(
    existing: str, newline: str, line: str, day: date
) -> None:
    """Whatever the log holds, the append only adds bytes, and check reads the line under the right day."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "log.txt"
        original = existing.replace("\n", newline).encode("utf-8")
        path.write_bytes(original)
        append_line(path, line, day)
        data = path.read_bytes()
    assert data.startswith(original)
    parsed = parse_log(decode(data, "log").text)
    food = line.split(": ", 1)[-1]
    blocks = [b for b in parsed.days if any(e.text.endswith(food) for e in b.entries)]
    assert blocks and blocks[-1].date == day


@pytest.mark.parametrize("header", ["2026-02-30", "\u200b2026-11-21", "1 pear\u20282026-11-21"])
def test_a_later_header_the_parser_sees_is_never_skipped(tmp_path: Path, header: str) -> None:
    """An invalid date or one hidden behind a zero-width space still ends the day above it."""
    path = tmp_path / "log.txt"
    path.write_text(f"2026-11-20\n1 banana\n{header}\n2 apples\n")
    assert append_line(path, "2 cups spinach", DAY).added_header
    last = parse_log(path.read_text()).days[-1]
    assert last.date == DAY and [e.text for e in last.entries] == ["2 cups spinach"]


def test_a_device_is_not_a_log(tmp_path: Path) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null here")
    result = log("--file", "/dev/null", "1 banana")
    assert result.exit_code == ExitCode.ERROR
    assert "not a regular file" in result.stderr
