"""Read log files and standard input as text: detect the encoding, refuse binaries, never guess silently."""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from mgb6.errors import InputError


@dataclass(frozen=True, slots=True)
class LogText:
    """A log's text, where it came from, and a warning when it was not plain UTF-8."""

    path: str
    text: str
    warning: str | None = None


def decode(data: bytes, name: str) -> LogText:
    """UTF-8 (with or without BOM) and UTF-16 with BOM; other bytes as cp1252 with a warning naming it."""
    if data.startswith(codecs.BOM_UTF8):
        return LogText(name, data[3:].decode("utf-8", errors="replace"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return LogText(name, data.decode("utf-16"), None)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 text ({exc.reason})") from exc
    if _looks_binary(data):
        raise InputError(f"{name}: this looks like a binary file, not a text food log")
    try:
        return LogText(name, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        return LogText(name, text, f"{name}: not UTF-8; decoded as Latin-1 (check accented food names)")
    return LogText(name, text, f"{name}: not UTF-8; decoded as Windows-1252 (check accented food names)")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if head.startswith((b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"GIF8", b"\xff\xd8\xff")):
        return True
    nul = head.count(b"\x00")
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return nul > len(head) // 10 or controls > len(head) // 5


def read_log(path: str) -> LogText:
    """Read one log path (``-`` is standard input); every failure is an InputError with a plain reason."""
    if path == "-":
        stream = sys.stdin.buffer if sys.stdin is not None else None
        if stream is None:
            raise InputError("standard input is closed")
        try:
            data = stream.read()
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read standard input: {exc}") from exc
        return decode(data, "<stdin>")
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory, not a log file")
        data = p.read_bytes()
    except InputError:
        raise
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return decode(data, path)
