"""Append lines to a user's food log safely: one locked O_APPEND write, fsync'd, never a rewrite.

The log is the user's own data; mgb6 only ever adds to it. Every append builds the complete text first,
takes an advisory lock, decides under the lock whether the day's header is needed (another process may
have just written it), writes everything in a single ``os.write`` and fsyncs. Existing bytes are never
rewritten or truncated, so a failure at any step leaves the log as it was, plus at most the new text.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mgb6.errors import LogWriteError
from mgb6.log.parse import parse_date_line, strip_line
from mgb6.log.read import bomless_utf16, looks_binary

if TYPE_CHECKING:
    from collections.abc import Iterator

LOG_NAME = "log.txt"
_TAIL_CHUNK = 1 << 16
# O_APPEND: every write lands at the end, whatever another process did; O_BINARY: no newline translation.
_OPEN_FLAGS = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def default_log_path() -> Path:
    """The log ``mgb6 log`` writes when no --file is given: $MGB6_DATA_HOME, else the platform data dir."""
    from mgb6.paths import user_dir

    return user_dir("data") / LOG_NAME


@dataclass(frozen=True, slots=True)
class Appended:
    """What an append wrote: the file, the day, whether a date header was added, and the bytes written."""

    path: Path
    day: date
    added_header: bool
    text: str


def check_line(line: str) -> str:
    """The line as it will be stored: one line of text, surrounding space removed."""
    text = line.strip()
    if not text:
        raise LogWriteError("nothing to log: give a food line, e.g. mgb6 log \"2 cups spinach\"")
    if any(c in text for c in "\r\n\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
        raise LogWriteError("give one line at a time (the text contains a line break or NUL)")
    return text


@dataclass(frozen=True, slots=True)
class Tail:
    """What an append needs to know about the log's end: its last day, last byte and line-ending style."""

    last_day: date | None
    last_byte: bytes
    newline: str


# Every break str.splitlines() (and so parse_log) honours, as UTF-8 bytes: the writer must see the same lines.
_LINE_BREAK = re.compile(rb"\r\n?|[\n\v\f\x1c\x1d\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]")


def read_tail(fd: int, size: int) -> Tail:
    """The last date header, read backwards from the end in chunks, and the file's line-ending style.

    Reading backwards keeps an append O(days) instead of O(file), so a year-long log stays fast.
    """
    pos = size
    carry = b""
    last_byte = b""
    newline = "\n"
    while pos > 0:
        start = max(0, pos - _TAIL_CHUNK)
        os.lseek(fd, start, os.SEEK_SET)
        chunk = _read_exact(fd, pos - start)
        if not last_byte:
            last_byte = chunk[-1:]
            if b"\r\n" in chunk:
                newline = "\r\n"
            elif b"\r" in chunk and b"\n" not in chunk:
                newline = "\r"
        lines = _LINE_BREAK.split(chunk + carry)
        # the first piece may be a partial line unless we reached the start of the file
        carry = lines.pop(0) if start > 0 else b""
        for raw in reversed(lines):
            found = _header(raw)
            if isinstance(found, date):
                return Tail(found, last_byte, newline)
            if found is not None:  # an invalid date header ends the search: the day needs its own
                return Tail(None, last_byte, newline)
        pos = start
    return Tail(None, last_byte, newline)


def _refuse_utf16(fd: int, path: Path) -> None:
    """Appending UTF-8 to a UTF-16 log would garble it: say so instead (the reader accepts UTF-16).
    A binary file (the reader's own test) is refused too: a food line appended to it helps no one."""
    os.lseek(fd, 0, os.SEEK_SET)
    head = _read_exact(fd, 4096)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or bomless_utf16(head):
        raise LogWriteError(
            f"{path}: this log is UTF-16 text; mgb6 log appends UTF-8 only. Save it as UTF-8 first "
            "(the log was not changed)"
        )
    if looks_binary(head):
        raise LogWriteError(
            f"{path}: this looks like a binary file, not a text food log; the file was not changed"
        )


def _read_exact(fd: int, n: int) -> bytes:
    parts: list[bytes] = []
    while n > 0:
        got = os.read(fd, n)
        if not got:
            break
        parts.append(got)
        n -= len(got)
    return b"".join(parts)


def _header(raw: bytes) -> date | str | None:
    """The line's date header as ``parse_log`` reads it (an invalid one is a string), else None."""
    if len(raw) > 200:
        return None
    return parse_date_line(strip_line(raw.decode("utf-8", errors="replace")))


def compose(line: str, day: date, tail: Tail, size: int) -> tuple[str, bool]:
    """The exact text to append: a line break if the file lacks its last one, the header if the day is new,
    in the file's own line-ending style."""
    nl = tail.newline
    parts: list[str] = []
    if size and tail.last_byte not in (b"\n", b"\r"):
        parts.append(nl)
    need_header = tail.last_day != day
    if need_header:
        if size:
            parts.append(nl)
        parts.append(f"{day.isoformat()}{nl}")
    parts.append(f"{line}{nl}")
    return "".join(parts), need_header


@contextmanager
def _locked(fd: int) -> Iterator[None]:
    """An exclusive advisory lock where the platform has one; without it O_APPEND alone still never
    overwrites, only a header may be doubled under a race (which ``check`` merges anyway)."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:  # e.g. a file system without locks
        yield
        return
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def append_line(path: Path, line: str, day: date) -> Appended:
    """Append ``line`` under ``day``'s header (adding the header if the log's last day differs)."""
    text = check_line(line)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, _OPEN_FLAGS, 0o644)
    except IsADirectoryError as exc:
        raise LogWriteError(f"{path}: is a directory, not a log file") from exc
    except PermissionError as exc:
        raise LogWriteError(f"{path}: permission denied; the log was not changed") from exc
    except OSError as exc:
        raise LogWriteError(f"{path}: cannot open the log ({exc.strerror or exc})") from exc
    try:
        with _locked(fd):
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise LogWriteError(f"{path}: not a regular file; give a text file to append to")
            size = info.st_size
            _refuse_utf16(fd, path)
            chunk, added = compose(text, day, read_tail(fd, size), size)
            data = chunk.encode("utf-8")
            written = os.write(fd, data)
            if written != len(data):
                raise LogWriteError(
                    f"{path}: only {written} of {len(data)} bytes were written (disk full?); "
                    "the earlier content is intact, check the end of the log"
                )
            os.fsync(fd)
    except LogWriteError:
        raise
    except OSError as exc:
        raise LogWriteError(
            f"{path}: could not save the line ({exc.strerror or exc}); the earlier content is intact"
        ) from exc
    finally:
        os.close(fd)
    return Appended(path, day, added, chunk)
