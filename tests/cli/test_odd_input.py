"""The bad-input catalogue (issue 5): every odd file, encoding, size, amount and option gets a clear answer
with the documented exit code, and never a traceback."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.conftest import ROOT, runner, write_log

from mgb6.cli import app
from mgb6.errors import ExitCode

LOG = "2026-11-20\n1 banana\n2 cups spinach\n"


def run(*args: str, stdin: str | bytes | None = None):
    """Invoke ``mgb6 check`` in-process; any exception other than a clean exit fails the test."""
    result = runner.invoke(app, ["check", *args], input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"unhandled {result.exception!r}\n{result.output}") from result.exception
    assert "Traceback" not in result.output
    return result


def check_json(*args: str, stdin: str | bytes | None = None) -> dict:
    result = run(*args, "--format", "json", stdin=stdin)
    assert result.exit_code == ExitCode.OK, result.output
    return json.loads(result.stdout)


def texts(doc: dict) -> list[str]:
    return [i["text"] for d in doc["days"] for i in d["items"]]


def food_row(food_id: str) -> dict[str, str]:
    with (ROOT / "data" / "foods.csv").open(newline="") as fh:
        return next(r for r in csv.DictReader(fh) if r["id"] == food_id)


def write(tmp_path: Path, data: bytes | str, name: str = "log.txt") -> str:
    return str(write_log(tmp_path, data, name))


# --- files -----------------------------------------------------------------------------------------------


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == ExitCode.ERROR
    assert "no such file" in result.stderr


def test_directory_is_refused_by_name(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.exit_code == ExitCode.ERROR
    assert "is a directory" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_says_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, LOG)
    os.chmod(path, 0)
    result = run(path)
    assert result.exit_code == ExitCode.ERROR
    assert "permission denied" in result.stderr


def test_permission_error_while_opening_is_reported_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, who can read a mode-000 file: simulate the denial at the open call instead."""
    import mgb6.log.read

    path = write(tmp_path, LOG)
    real_open = mgb6.log.read._open

    def deny(p: Path, *a, **k):
        if str(p) == path:
            raise PermissionError(13, "Permission denied", path)
        return real_open(p, *a, **k)

    monkeypatch.setattr(mgb6.log.read, "_open", deny)
    result = run(path)
    assert result.exit_code == ExitCode.ERROR
    assert f"{path}: permission denied" in result.stderr


def test_empty_file_is_an_error_that_says_empty(tmp_path: Path) -> None:
    result = run(write(tmp_path, b""))
    assert result.exit_code == ExitCode.ERROR
    assert "no food lines to check (it is empty)" in result.stderr


def test_only_comments_is_an_error_that_says_so(tmp_path: Path) -> None:
    result = run(write(tmp_path, "# nothing eaten yet\n\n2026-11-20\n// still nothing\n"))
    assert result.exit_code == ExitCode.ERROR
    assert "only comments, blank lines or dates" in result.stderr


def test_empty_file_beside_a_real_log_is_fine(tmp_path: Path) -> None:
    doc = check_json(write(tmp_path, LOG), write(tmp_path, b"", "empty.txt"))
    assert texts(doc) == ["1 banana", "2 cups spinach"]


def test_png_is_refused_as_binary(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    result = run(write(tmp_path, png, "photo.png"))
    assert result.exit_code == ExitCode.ERROR
    assert "binary file" in result.stderr


def test_symlink_loop_is_named(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    result = run(str(a))
    assert result.exit_code == ExitCode.ERROR
    assert "loop of symbolic links" in result.stderr


def test_dangling_symlink_is_named(tmp_path: Path) -> None:
    link = tmp_path / "log.txt"
    link.symlink_to(tmp_path / "gone.txt")
    result = run(str(link))
    assert result.exit_code == ExitCode.ERROR
    assert "symbolic link to a missing file" in result.stderr


def test_path_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    folder = tmp_path / "my logs ünïcödé 食"
    folder.mkdir()
    doc = check_json(write(folder, LOG, "semaine été.txt"))
    assert texts(doc) == ["1 banana", "2 cups spinach"]
    assert doc["days"][0]["items"][0]["file"].endswith("semaine été.txt")


def test_empty_standard_input_is_an_error() -> None:
    result = run("-", stdin="")
    assert result.exit_code == ExitCode.ERROR
    assert "<stdin>: no food lines to check" in result.stderr


def test_standard_input_is_read() -> None:
    assert texts(check_json("-", stdin=LOG)) == ["1 banana", "2 cups spinach"]


def test_closed_standard_input_is_an_error(mgb6_exe: str) -> None:
    proc = subprocess.run(
        [mgb6_exe, "check", "-"], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == ExitCode.ERROR
    assert "Error: <stdin>: no food lines" in proc.stderr
    closed = subprocess.run(
        f"{mgb6_exe} check - <&-", shell=True, capture_output=True, text=True, timeout=60, check=False
    )
    assert closed.returncode == ExitCode.ERROR
    assert "standard input is closed" in closed.stderr
    assert "Traceback" not in closed.stderr


def test_endless_device_is_refused_early() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    result = run("/dev/zero")
    assert result.exit_code == ExitCode.ERROR
    assert "binary file" in result.stderr


# --- encodings -------------------------------------------------------------------------------------------

TEXT = "2026-11-20\n1 banana\n2 cups spinach\n100 g épinards\n"


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (b"\xef\xbb\xbf" + TEXT.encode(), None),
        (TEXT.encode("utf-16"), None),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), None),
        (TEXT.encode("utf-16-le"), "UTF-16-LE (it has no byte-order mark)"),
        (TEXT.encode("latin-1"), "line 4 not UTF-8; decoded as Windows-1252"),
        ((TEXT * 3).encode("cp1252"), "not UTF-8; decoded as Windows-1252"),
        (TEXT.replace("\n", "\r\n").encode(), None),
        (TEXT.replace("\n", "\r").encode(), None),
    ],
    ids=["utf8-bom", "utf16-bom", "utf16be-bom", "utf16-no-bom", "latin1", "cp1252", "crlf", "cr"],
)
def test_encodings_and_line_endings_read_the_same(tmp_path: Path, data: bytes, warning: str | None) -> None:
    result = run(write(tmp_path, data), "--format", "json")
    assert result.exit_code == ExitCode.OK, result.output
    doc = json.loads(result.stdout)
    assert texts(doc)[:2] == ["1 banana", "2 cups spinach"]
    # the accented line is decoded correctly, never mojibake
    assert any(u["text"] == "100 g épinards" for u in doc["unmatched"]) or "100 g épinards" in texts(doc)
    if warning is None:
        assert "Warning" not in result.stderr
    else:
        assert warning in result.stderr


def test_mixed_utf8_and_cp1252_keeps_utf8_lines_intact(tmp_path: Path) -> None:
    data = "1 banana\n100 g crème fraîche\n".encode() + "100 g épinards\n".encode("cp1252")
    result = run(write(tmp_path, data), "--format", "json")
    assert "line 3 not UTF-8; decoded as Windows-1252" in result.stderr
    doc = json.loads(result.stdout)
    all_text = texts(doc) + [u["text"] for u in doc["unmatched"]]
    assert "100 g crème fraîche" in all_text and "100 g épinards" in all_text


def test_nul_tabs_zero_width_and_emoji_do_not_hide_food(tmp_path: Path) -> None:
    data = "1 ban\x00ana\n\t2 cups\tspinach\t# tabbed\n1 ban\u200bana\n\u200b1 banana 🍌\n🥬🥬\n".encode()
    doc = check_json(write(tmp_path, data))
    assert len(texts(doc)) == 4
    banana = food_row(doc["days"][0]["items"][0]["food_id"])
    assert banana["description"].lower().startswith("banana")
    assert [u["text"] for u in doc["unmatched"]] == ["🥬🥬"]


# --- sizes -----------------------------------------------------------------------------------------------


def test_megabyte_single_line_is_reported_not_matched(tmp_path: Path) -> None:
    doc = check_json(write(tmp_path, "1 banana\n" + "1" * 1_000_000 + " g almonds\n"))
    assert texts(doc) == ["1 banana"]
    (problem,) = doc["unmatched"]
    assert problem["line"] == 2 and "characters long" in problem["reason"]
    assert len(problem["text"]) < 100


@pytest.mark.parametrize("filler", ["1", "1 ", "x1 ", "- ", "(1 ", "a:", "1/", "½"])
def test_long_pathological_lines_parse_in_linear_time(filler: str) -> None:
    """No regex backtracks quadratically: a 200k-character line of any pattern parses at once.

    (Quadratic behaviour took 43 s on 40k digits before the fix; no timer here, the suite's own
    runtime is the guard.)"""
    from mgb6.log.parse import parse_log

    log = parse_log(filler * (200_000 // len(filler)) + "\n1 banana\n")
    assert log.food_lines >= 1


def test_ten_thousand_dates(tmp_path: Path) -> None:
    start = date(1990, 1, 1)
    text = "".join(f"{start + timedelta(days=i)}\n1 banana\n" for i in range(10_000))
    doc = check_json(write(tmp_path, text))
    assert doc["summary"]["days"] == 10_000
    assert doc["coverage"] == {
        "food_lines": 10_000, "counted_lines": 10_000, "not_counted_lines": 0, "bad_date_lines": 0,
        "partly_counted_lines": 0,
        "assumed_amount_lines": 0,
    }  # fmt: skip


# --- content ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("-2 cups spinach", "amount '-2' is negative"),
        ("spinach -100 g", "amount '-100' is negative"),
        ("nan g almonds", "amount 'nan' is not a plain number"),
        ("inf g almonds", "amount 'inf' is not a plain number"),
        ("Infinity grams rice", "amount 'Infinity' is not a plain number"),
        ("1e309 g almonds", "amount '1e309' is not a plain number"),
        ("almonds 1e3 g", "amount '1e3' is not a plain number"),
    ],
)
def test_impossible_amounts_are_reported_with_the_reason(tmp_path: Path, line: str, reason: str) -> None:
    doc = check_json(write(tmp_path, f"1 banana\n{line}\n"))
    (problem,) = doc["unmatched"]
    assert problem["line"] == 2 and problem["kind"] == "unreadable"
    assert reason in problem["reason"]
    assert doc["coverage"]["counted_lines"] == 1


def test_zero_amount_is_counted_as_nothing(tmp_path: Path) -> None:
    doc = check_json(write(tmp_path, "0 g spinach\n1 banana\n"))
    zero = doc["days"][0]["items"][0]
    assert zero["grams"] == 0 and zero["magnesium_mg"] == 0


def test_absurd_amounts_warn_on_the_line_and_are_counted(tmp_path: Path) -> None:
    path = write(tmp_path, "1 banana\n40 bananas\n")
    result = run(path, "--format", "json")
    assert result.exit_code == ExitCode.OK
    assert f"{path}:2: 40 bananas: implausible amount" in result.stderr
    assert f"{path}:1:" not in result.stderr
    items = json.loads(result.stdout)["days"][0]["items"]
    one, forty = items
    assert forty["grams"] == pytest.approx(40 * one["grams"])
    assert any("implausible" in n for n in forty["notes"])


def test_many_absurd_lines_give_a_capped_warning_list(tmp_path: Path) -> None:
    result = run(write(tmp_path, "5 kg rice\n" * 30), "--format", "json")
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("Warning")]
    assert len(warnings) == 11
    assert "and 20 more lines to check" in warnings[-1]


def test_unknown_unit_and_unknown_food_are_listed_not_counted(tmp_path: Path) -> None:
    path = write(tmp_path, "1 banana\n3 zorks spinach\n1 cup xyzzyblorf\n")
    result = run(path, "--format", "json")
    doc = json.loads(result.stdout)
    assert [(u["line"], u["kind"]) for u in doc["unmatched"]][-1] == (3, "unmatched")
    zorks = [i for d in doc["days"] for i in d["items"] if i["line"] == 2]
    if zorks:  # the matcher read it as a count of spinach: counted, but flagged on the line
        assert any("unknown word 'zorks'" in n for n in zorks[0]["notes"])
        assert f"{path}:2: 3 zorks spinach: unknown word 'zorks'" in result.stderr
    else:
        assert doc["unmatched"][0]["line"] == 2
        assert "unit 'zorks' is not one mgb6 knows" in doc["unmatched"][0]["reason"]
    assert doc["coverage"]["food_lines"] == 3 and doc["coverage"]["counted_lines"] == 1 + len(zorks)


def test_dates_invalid_out_of_order_repeated_and_future(tmp_path: Path) -> None:
    future = date.today() + timedelta(days=400)
    text = (
        "2026-11-21\n1 banana\n2026-11-20\n2 cups spinach\n2026-11-21\n1 banana\n"
        f"2026-02-30\n1 banana\n{future.isoformat()}\n1 banana\n"
    )
    path = write(tmp_path, text)
    result = run(path, "--format", "json")
    doc = json.loads(result.stdout)
    dates = [d["date"] for d in doc["days"]]
    assert dates == ["2026-11-20", "2026-11-21", future.isoformat(), None]  # sorted, merged
    assert len(doc["days"][1]["items"]) == 2  # the repeated day merged
    assert [(u["line"], u["kind"]) for u in doc["unmatched"]] == [(7, "bad-date")]
    assert f"day {future.isoformat()} is in the future" in result.stderr


def test_meal_label_with_no_food_labels_the_next_lines(tmp_path: Path) -> None:
    doc = check_json(write(tmp_path, "lunch:\n1 banana\ndinner:\n"))
    assert doc["coverage"]["food_lines"] == 1
    assert doc["days"][0]["items"][0]["meal"] == "lunch"


def test_rich_markup_in_food_names_is_printed_literally(tmp_path: Path) -> None:
    result = run(write(tmp_path, "[bold]spinach 100 g\n[red]xyzzy[/red]\n"), "--no-color")
    assert result.exit_code == ExitCode.OK
    assert "[red]xyzzy[/red]" in result.stdout


# --- options ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--age", "-5"], "0<=x<=129"),
        (["--age", "200"], "0<=x<=129"),
        (["--age", "abc"], "--age"),
        (["--age", "nan"], "between 0 and 129"),
        (["--sex", "other"], "'female', 'male'"),
        (["--format", "xml"], "'table', 'json', 'csv'"),
        (["--pregnant", "--lactating"], "--pregnant or --lactating, not both"),
        (["--sex", "male", "--pregnant"], "females only"),
        (["--age", "8", "--pregnant"], "valid ages: 14 to 50"),
    ],
)
def test_invalid_options_are_usage_errors_naming_valid_values(
    tmp_path: Path, args: list[str], says: str
) -> None:
    result = run(write(tmp_path, LOG), *args)
    assert result.exit_code == ExitCode.USAGE
    assert says in result.stderr


# --- the last-resort guard -------------------------------------------------------------------------------


def test_unexpected_exception_becomes_one_line_error(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import mgb6.api
    from mgb6 import cli

    def boom(*a, **k):
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(mgb6.api, "run_check", boom)
    monkeypatch.delenv("MGB6_DEBUG", raising=False)
    monkeypatch.setattr(sys, "argv", ["mgb6", "check", str(ROOT / "examples" / "week.txt")])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == ExitCode.ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("Error: unexpected RuntimeError: something broke.")
    assert "please report it" in err


def test_exit_codes_are_named_once() -> None:
    """The CLI exits only through ExitCode names (no scattered literals)."""
    files = sorted((ROOT / "src" / "mgb6" / "cli").glob("*.py"))
    assert len(files) >= 3
    source = "".join(f.read_text() for f in files)
    assert "Exit(1)" not in source and "Exit(2)" not in source
    assert "sys.exit(1)" not in source and "sys.exit(2)" not in source


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_terminal_that_cannot_show_a_food_name_still_gets_the_report(
    tmp_path: Path, mgb6_exe: str, fmt: str
) -> None:
    """PYTHONIOENCODING=ascii used to end in UnicodeEncodeError after the work was done."""
    path = write(tmp_path, "1 banana\n[red]é🍌[/red] xyz\n")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run(
        [mgb6_exe, "check", path, "--format", fmt], capture_output=True, env=env, timeout=60, check=False
    )
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert b"Error" not in proc.stderr and b"Traceback" not in proc.stderr
    if fmt == "json":
        assert json.loads(proc.stdout)["coverage"]["food_lines"] == 2


def test_the_same_log_given_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, LOG)
    result = run(path, str(Path(path).parent / "." / "log.txt"), "--format", "json")
    assert result.exit_code == ExitCode.OK
    assert "given more than once; read once" in result.stderr
    assert json.loads(result.stdout)["coverage"]["food_lines"] == 2


@pytest.mark.parametrize(
    ("name", "says"), [("", "an empty file name"), ("x" * 5000, "File name too long")], ids=["empty", "long"]
)
def test_impossible_file_names_are_one_line_errors(name: str, says: str) -> None:
    result = run(name)
    assert result.exit_code == ExitCode.ERROR
    assert says in result.stderr


# --- config and custom data ------------------------------------------------------------------------------


_CORRUPT_PROFILES = [
    ("profile.toml", b"sex = \n[[[", "not a valid profile"),
    ("profile.toml", b"\x89PNG\x00\x00\xff\xfe", "profile.toml: not UTF-8"),
    ("profile.toml", b'sex = "robot"\n', "sex must be one of female, male"),
    ("profile.toml", b"age = 1e400\n", "age must be between 0 and 129"),
]
_CORRUPT_FOODS = [
    ("foods.csv", b"id,description\nmy:x,X\n", "foods.csv:1: missing columns"),
    ("foods.csv", b"\x89PNG\x00\x00\xff\xfe", "foods.csv: not UTF-8"),
]


@pytest.mark.parametrize(
    ("name", "content", "says", "command"),
    # mgb6 log reads the custom foods (to echo the line) but no profile
    [(*case, "check") for case in _CORRUPT_PROFILES + _CORRUPT_FOODS] + [(*c, "log") for c in _CORRUPT_FOODS],
)
def test_corrupt_config_files_are_one_line_errors_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes, says: str, command: str
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / name).write_bytes(content)
    monkeypatch.setenv("MGB6_CONFIG_DIR", str(config))
    log = write(tmp_path, LOG)
    args = [log] if command == "check" else ["--file", str(tmp_path / "new.txt"), "1 banana"]
    result = runner.invoke(app, [command, *args])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: ") and says in line and str(config) in line
    assert not (tmp_path / "new.txt").exists()


@pytest.mark.parametrize("odd", ["\x85", "\u2028", "\x0b", "\x1c"])
def test_cronometer_export_with_a_line_break_character_in_a_cell(tmp_path: Path, odd: str) -> None:
    """Found by benchmarks/fuzz.py: such a cell split the converted log and broke the line mapping."""
    header = "Day,Group,Food Name,Amount,Category,Magnesium (mg),B6 (Pyridoxine) (mg)\n"
    rows = f"2026-11-20,Lunch,Banana,1{odd}medium,Fruits,32,0.4\n2026-11-21,Lunch,Spinach,1 cup,Veg,24,0.06\n"
    doc = check_json(write(tmp_path, header + rows, "servings.csv"))
    assert sorted(i["line"] for d in doc["days"] for i in d["items"]) == [2, 3]
