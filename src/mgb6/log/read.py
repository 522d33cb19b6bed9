"""Read log files and standard input as text: detect the encoding, refuse binaries, never guess silently."""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, NamedTuple

from mgb6.errors import InputError


class LogText(NamedTuple):
    """A log's text, where it came from, and a warning when it was not plain UTF-8."""

    path: str
    text: str
    warning: str | None = None


def decode(data: bytes, name: str) -> LogText:
    """UTF-8 (with or without BOM) and UTF-16 (BOM or plainly so); other bytes as cp1252 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return LogText(name, data.decode("utf-16"), None)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 text ({exc.reason})") from exc
    else:
        utf16 = bomless_utf16(data)
        if utf16 is not None:
            try:
                text = data.decode(utf16)
            except UnicodeDecodeError:
                pass
            else:
                return LogText(name, text, f"{name}: decoded as {utf16.upper()} (it has no byte-order mark)")
    if looks_binary(data):
        raise InputError(f"{name}: this looks like a binary file, not a text food log")
    try:
        return LogText(name, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _decode_mixed(data, name)


def _legacy(line: bytes) -> tuple[str, str]:
    try:
        return line.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return line.decode("latin-1"), "Latin-1"


def _decode_mixed(data: bytes, name: str) -> LogText:
    """Not UTF-8 as a whole: decode line by line, so a UTF-8 log with a few pasted cp1252 lines keeps its
    UTF-8 lines intact, and say which encoding and which lines (never silent mojibake)."""
    parts: list[str] = []
    legacy: list[int] = []
    used: set[str] = set()
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            text, encoding = _legacy(line)
            parts.append(text)
            legacy.append(number)
            used.add(encoding)
    encoding = " and ".join(sorted(used, reverse=True))
    if len(legacy) == len(parts) or len(legacy) > 5:
        where = "" if len(legacy) == len(parts) else f" ({len(legacy)} lines)"
        msg = f"{name}: not UTF-8; decoded as {encoding}{where} (check accented food names)"
    else:
        lines = ", ".join(str(n) for n in legacy)
        msg = f"{name}: line{'s' if len(legacy) > 1 else ''} {lines} not UTF-8; decoded as {encoding}"
    return LogText(name, "".join(parts), msg)


def bomless_utf16(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM has a NUL in every other byte of its ASCII characters."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    half = len(head) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


# Bytes no text log holds: C0 controls other than tab, line and page breaks, SUB (a DOS end-of-file mark)
# and ESC (terminal colours in pasted output), plus DEL. NUL has its own, looser rule: the parser drops
# stray NULs (a crash can leave some in a text file), and UTF-16 is full of them.
_CONTROLS = bytes([*range(1, 9), *range(14, 26), *range(28, 32), 127])
# Not characters in Windows-1252 (the legacy decoding): they turn into invisible C1 controls.
_CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROLS)
_NOT_SUSPECT = bytes(b for b in range(256) if b not in _CONTROLS + _CP1252_UNDEFINED)
_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"GIF8", b"\xff\xd8\xff")


def looks_binary(data: bytes) -> bool:
    """A file no one typed: a known binary signature, or more invisible control bytes than any text has.

    Random bytes hold ~10 % such controls (and, read as Windows-1252, a few bytes it leaves undefined);
    a typed log, whatever its 8-bit encoding, holds none or a stray one, so 1 % (at least 4 bytes) is
    a wide margin either way. UTF-16 text (NUL in every other byte) is recognised before this is asked.
    """
    head = data[:8192]
    if not head:
        return False
    if head.startswith(_MAGIC):
        return True
    controls = len(head.translate(None, _NOT_CONTROL))
    if head.count(b"\x00") > len(head) // 10 or controls > len(head) // 5:
        return True
    try:  # a head cut inside a multi-byte character is still UTF-8
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        controls = len(head.translate(None, _NOT_SUSPECT))
    return controls >= max(4, len(head) // 100)


# Far above a year of logging (1M lines is ~25 MB); stops /dev/zero or a wrong path from eating memory.
# A check keeps every counted line (the exports need them): ~12 bytes of memory per byte of log, so this
# cap, on one log and on the logs of one check together, is what bounds a run to about 0.9 GB (README).
MAX_BYTES = 64 * 1024 * 1024
_CHUNK = 1 << 16


def _read_stream(stream: BinaryIO, name: str) -> bytes:
    """Read in chunks: a binary is refused after its first chunk, an endless stream at MAX_BYTES."""
    first = stream.read(_CHUNK)
    utf16 = first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or bomless_utf16(first) is not None
    if first and not utf16 and looks_binary(first):
        raise InputError(f"{name}: this looks like a binary file, not a text food log")
    chunks = [first]
    size = len(first)
    while first:
        chunk = stream.read(_CHUNK * 16)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_BYTES:
            limit = MAX_BYTES // (1024 * 1024)
            raise InputError(f"{name}: larger than {limit} MB; split the log into smaller files")
        chunks.append(chunk)
    return b"".join(chunks)


def _open(p: Path, regular_only: bool) -> BinaryIO:
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if regular_only and not stat.S_ISREG(mode):
            raise InputError(f"{p}: not a regular file (a pipe or device); give a log saved on disk")
        if not stat.S_ISREG(mode):
            os.set_blocking(fd, True)  # a named pipe given by name: wait for its writer, as before
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_log(path: str, *, regular_only: bool = False) -> LogText:
    """Read one log path (``-`` is standard input); every failure is an InputError with a plain reason.

    ``regular_only`` (batch: files found in folders) refuses a FIFO or device at once: opened without
    blocking and fstat-ed, so a pipe with no writer cannot hang the run. Otherwise a named pipe is read
    like standard input (``mgb6 check <(zcat old.txt.gz)``), within the same size cap.
    """
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
        if stream is None:
            raise InputError("standard input is closed")
        try:
            data = _read_stream(stream, "<stdin>")
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read standard input: {exc}") from exc
        return decode(data, "<stdin>")
    if not path.strip():
        raise InputError("an empty file name was given")
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory, not a log file")
        with _open(p, regular_only) as fh:
            data = _read_stream(fh, path)
    except InputError:
        raise
    except FileNotFoundError as exc:
        if p.is_symlink():
            raise InputError(f"{path}: a symbolic link to a missing file") from exc
        raise InputError(f"{path}: no such file") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{path}: a loop of symbolic links") from exc
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except ValueError as exc:  # e.g. an embedded NUL in the path
        raise InputError(f"{path!r}: not a usable file name ({exc})") from exc
    return decode(data, path)
