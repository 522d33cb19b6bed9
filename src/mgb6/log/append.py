"""Append lines to a user's food log safely: one locked O_APPEND write, fsync'd, never a rewrite.

The log is the user's own data; mgb6 only ever adds to it. Every append builds the complete text first,
takes an advisory lock, decides under the lock whether the day's header is needed (another process may
have just written it), writes everything in a single ``os.write`` and fsyncs. Existing bytes are never
rewritten; a write that fails or falls short (a full disk, ``ulimit -f``) is cut back, still under the
lock, to the size the log had, so no torn line is left for the next append to complete into another food.
The log is opened with O_NOFOLLOW (mgb6 never writes through a symbolic link) and created 0600 in folders
created 0700: it is health data.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from contextlib import contextmanager, suppress
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
# How far back from the end the last date header is looked for: a day is never 8 MB of lines, and
# past this the append adds the day's header again (``check`` merges equal dates), so one huge line in
# the log costs at most this much reading with the lock held.
TAIL_LIMIT = 1 << 23
# O_APPEND: every write lands at the end, whatever another process did; O_BINARY: no newline translation.
_OPEN_FLAGS = (
    os.O_RDWR
    | os.O_APPEND
    | os.O_CREAT
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)  # no link followed, no FIFO waited on
)


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
        raise LogWriteError('nothing to log: give a food line, e.g. mgb6 log "2 cups spinach"')
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
    while pos > 0 and size - pos < TAIL_LIMIT:
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
        carry = carry[: _HEADER_MAX + 1]  # a longer line is no header: keeping more would be quadratic
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


_HEADER_MAX = 200


def _header(raw: bytes) -> date | str | None:
    """The line's date header as ``parse_log`` reads it (an invalid one is a string), else None."""
    if len(raw) > _HEADER_MAX:
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
    from mgb6.paths import make_private_dirs

    try:
        make_private_dirs(path.parent)
        fd = os.open(path, _OPEN_FLAGS, 0o600)
    except IsADirectoryError as exc:
        raise LogWriteError(f"{path}: is a directory, not a log file") from exc
    except PermissionError as exc:
        raise LogWriteError(f"{path}: permission denied; the log was not changed") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP and path.is_symlink():
            raise LogWriteError(
                f"{path}: is a symbolic link; mgb6 never writes through one, give the real path "
                f"({os.path.realpath(path)}) or link the folder instead"
            ) from exc
        raise LogWriteError(f"{path}: cannot open the log ({exc.strerror or exc})") from exc
    try:
        with _locked(fd):
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise LogWriteError(f"{path}: not a regular file; give a text file to append to")
            size = info.st_size
            _refuse_utf16(fd, path)
            chunk, added = compose(text, day, read_tail(fd, size), size)
            _write_or_cut_back(fd, chunk.encode("utf-8"), size, path)
    finally:
        os.close(fd)
    return Appended(path, day, added, chunk)


def _write_or_cut_back(fd: int, data: bytes, size: int, path: Path) -> None:
    """Write ``data`` at the end in one call and fsync; on a short write, an error or an interrupt, cut
    the file back to ``size`` (the caller holds the lock) so the log is exactly as it was."""
    try:
        written = os.write(fd, data)
        if written == len(data):
            os.fsync(fd)
            return
    except OSError as exc:
        why = exc.strerror or exc
        raise LogWriteError(f"{path}: could not save the line ({why}); {_cut_back(fd, size)}") from exc
    except BaseException:
        _cut_back(fd, size)
        raise
    raise LogWriteError(
        f"{path}: only {written} of {len(data)} bytes could be written (disk full or a file size limit?); "
        f"the line was not logged; {_cut_back(fd, size)}"
    )


def _cut_back(fd: int, size: int) -> str:
    """Truncate to ``size``; what the user is told about the log's end afterwards."""
    try:
        os.ftruncate(fd, size)
    except OSError:
        return "the end of the log may hold part of the line: check it"
    with suppress(OSError):  # the cut is made; a failing fsync here changes nothing the user can do
        os.fsync(fd)
    return "the earlier content is intact, nothing of the line was kept"
