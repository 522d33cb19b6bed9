"""Exit codes and the exception family the CLI turns into one-line messages."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit statuses, documented in the README."""

    OK = 0
    ERROR = 1  # a handled error, or findings when asked (--strict)
    USAGE = 2  # bad options or arguments
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it
    BROKEN_PIPE = 141  # the reader of our output went away (128 + SIGPIPE), e.g. `mgb6 check ... | head`


class Mgb6Error(Exception):
    """Base of every expected failure; the CLI prints ``Error: <message>`` and exits 1."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(Mgb6Error):
    """A log file that cannot be read as text."""


class DataError(Mgb6Error):
    """A food, portion or DRI table (bundled or custom) that is missing or malformed."""


class LogWriteError(Mgb6Error):
    """``mgb6 log`` could not append to the log; the existing content is never touched."""


class ProfileError(Mgb6Error):
    """A profile that names no DRI life stage (e.g. male and pregnant)."""

    exit_code = ExitCode.USAGE


class OptionError(Mgb6Error):
    """An option value the library cannot use (unknown diet, --avoid word, --per); a usage error."""

    exit_code = ExitCode.USAGE
