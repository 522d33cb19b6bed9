"""``mgb6 log`` on hostile ground: short writes, huge lines, links, pipes, and who may read the log."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mgb6.errors import LogWriteError
from mgb6.log import append as logbook
from mgb6.log.append import append_line, read_tail
from mgb6.log.parse import parse_log

DAY = date(2026, 11, 20)


def test_a_short_write_is_cut_back_so_no_torn_line_is_left(tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "log.txt"
    append_line(log, "1 banana", DAY)
    before = log.read_bytes()
    real_write = os.write
    monkeypatch.setattr(logbook.os, "write", lambda fd, data: real_write(fd, data[:11]))
    with pytest.raises(LogWriteError, match="the earlier content is intact"):
        append_line(log, "200 g chicken breast", DAY)
    assert log.read_bytes() == before


def test_an_error_during_the_write_is_cut_back_too(tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "log.txt"
    append_line(log, "1 banana", DAY)
    before = log.read_bytes()
    real_write = os.write

    def write_then_fail(fd: int, data: bytes) -> int:
        real_write(fd, data[:5])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(logbook.os, "write", write_then_fail)
    with pytest.raises(LogWriteError, match="No space left on device"):
        append_line(log, "200 g chicken breast", DAY)
    assert log.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "fork"), reason="ulimit needs a POSIX child process")
def test_a_file_size_limit_leaves_the_log_as_it_was_and_the_next_append_whole(tmp_path: Path) -> None:
    import resource

    log = tmp_path / "log.txt"
    log.write_text("2026-11-20\n" + "x" * 2030 + "\n")
    before = log.read_bytes()
    code = f"from datetime import date; from mgb6.log.append import append_line; from pathlib import Path; " \
        f"append_line(Path({str(log)!r}), '200 g chicken breast', date(2026, 11, 20))"  # fmt: skip

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    done = subprocess.run([sys.executable, "-c", code], preexec_fn=limit, capture_output=True, text=True)
    assert done.returncode == 1 and "LogWriteError" in done.stderr
    assert log.read_bytes() == before
    append_line(log, "1 banana", DAY)
    assert log.read_text().endswith("x\n1 banana\n")


def test_the_tail_is_read_in_bounded_time_after_a_huge_line(tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "log.txt"
    log.write_bytes(b"2026-11-20\n" + b"y" * (2 * logbook.TAIL_LIMIT) + b"\n")
    read = []
    real = logbook._read_exact
    monkeypatch.setattr(logbook, "_read_exact", lambda fd, n: read.append(n) or real(fd, n))
    fd = os.open(log, os.O_RDONLY)
    try:
        tail = read_tail(fd, log.stat().st_size)
    finally:
        os.close(fd)
    assert sum(read) <= logbook.TAIL_LIMIT + logbook._TAIL_CHUNK
    assert tail.last_day is None  # not found within the limit: the day gets its header again
    appended = append_line(log, "1 banana", DAY)
    assert appended.added_header
    days = [d for d in parse_log(log.read_text()).days if d.entries]
    assert [d.date for d in days] == [DAY]


def test_a_header_past_a_long_but_bounded_line_is_still_found(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("2026-11-20\n" + "z" * 300_000 + "\n")
    assert append_line(log, "1 banana", DAY).added_header is False


def test_the_log_is_never_written_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("2026-11-20\n1 apple\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(LogWriteError, match="symbolic link"):
        append_line(link, "1 banana", DAY)
    assert real.read_text() == "2026-11-20\n1 apple\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_as_the_log_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "log.txt"
    os.mkfifo(fifo)
    with pytest.raises(LogWriteError, match="not a regular file"):
        append_line(fifo, "1 banana", DAY)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_log_and_its_new_folders_are_readable_by_the_user_only(tmp_path: Path) -> None:
    log = tmp_path / "a" / "b" / "log.txt"
    append_line(log, "1 banana", DAY)
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0
