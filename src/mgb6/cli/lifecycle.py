"""The process around a command: the garbage collector, the last-resort error, and a fast exit.

These are process tricks (docs/performance.md), kept apart from the command bodies so those read as
plain "parse options, call the library, print".
"""

from __future__ import annotations

import errno
import gc
import sys
from collections.abc import Sequence
from typing import NoReturn

import typer

from mgb6.cli.options import app
from mgb6.errors import ExitCode

_SETTLE = False  # set by main(): only a process of our own freezes the GC (tests share one interpreter)


def settle() -> None:
    """Move everything imported and loaded so far out of the GC's reach, then let it collect again.

    What is loaded lives until exit anyway; without this every collection triggered while scoring and
    rendering re-scans typer, rich and the table (~10-20 ms of a one-week check, see docs/performance.md).
    The console script starts with the collector off (``mgb6.__main__``); from here on
    it runs, so a long log's cycles are still freed.
    """
    if _SETTLE:
        gc.freeze()
        gc.enable()


# The commands whose bodies call settle() themselves (tests/cli/test_dispatch.py keeps the two in step).
SETTLING_COMMANDS = frozenset({"check", "batch"})


def collector_waits(argv: Sequence[str]) -> bool:
    """Whether the collector stays off past start-up for the command in ``argv`` (without the program).

    ``check`` and ``batch`` import the library and load the table before they settle(): collecting
    meanwhile would re-scan those objects again and again, for nothing, since they live until exit. Every
    other command does little enough that the collector can run from the start, and must, since nothing
    else would switch it on.
    """
    return bool(argv) and argv[0] in SETTLING_COMMANDS


def _unexpected(exc: BaseException) -> NoReturn:
    """The last resort: a one-line error instead of a traceback, and where to report it."""
    from mgb6.report.terminal import visible

    what = visible(" ".join(str(exc).split())) or "no details"
    sys.stderr.write(
        f"Error: unexpected {type(exc).__name__}: {what[:300]}. This is a bug in mgb6; please report it "
        "with the command you ran (set MGB6_DEBUG=1 to see the traceback).\n"
    )
    sys.exit(int(ExitCode.ERROR))


def app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command being run registered.

    typer turns every command's signature into click parameters on each start (about 1 ms a command);
    a run needs one. Help without a command, completion and unknown names get the whole app, so usage
    errors still list every command. Every command is registered under an explicit name (commands.py),
    so only the app's public ``registered_commands``/``registered_groups`` are read: no typer internals
    (typer has no supported hook for registering commands lazily).
    """
    import copy
    import os

    if not argv or argv[0].startswith("-") or any(k.startswith("_MGB6_COMPLETE") for k in os.environ):
        return app
    commands = [c for c in app.registered_commands if c.name == argv[0]]
    groups = [g for g in app.registered_groups if g.name == argv[0]]
    if not commands and not groups:
        return app
    slim = copy.copy(app)
    slim.registered_commands = commands
    slim.registered_groups = groups
    return slim


def main() -> None:
    """Console-script entry point; no input ever ends in a traceback."""
    import os

    for stream in (sys.stdout, sys.stderr):
        # a food name the terminal's encoding cannot show (PYTHONIOENCODING=ascii, a latin-1 console)
        # prints as "?" instead of failing after the work is done (e.g. after `mgb6 log` has appended)
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    global _SETTLE
    _SETTLE = True
    gc.freeze()  # typer and click: loaded for good (the console script started with the collector off)
    if not collector_waits(sys.argv[1:]):
        gc.enable()
    if sys.stdout is None:  # started with standard output closed (`mgb6 check log >&-`)
        _say("Error: standard output is closed; nothing could be printed (redirect it to a file instead)")
        sys.exit(int(ExitCode.ERROR))
    try:
        try:
            app_for(sys.argv[1:])()
        finally:
            _say_cache_refusal()
    except SystemExit as exc:
        if exc.code == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into a silent Exit(130)
            _say("Interrupted.")
        cause = exc.__context__
        if isinstance(cause, OSError) and cause.errno == errno.EPIPE:  # typer's silent exit 1 on EPIPE
            _quiet_stdout()
            sys.exit(int(ExitCode.BROKEN_PIPE))
        raise
    except KeyboardInterrupt:
        _say("Interrupted.")
        sys.exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(int(ExitCode.BROKEN_PIPE))  # `mgb6 check -f csv log | head -1`: the reader left early
    except OSError as exc:
        if exc.errno in _OUTPUT_ERRNOS or _stdout_failed():
            _quiet_stdout()
            _say(f"Error: cannot write the output ({exc.strerror or exc}); it is incomplete")
            sys.exit(int(ExitCode.ERROR))
        if os.environ.get("MGB6_DEBUG"):
            raise
        _unexpected(exc)
    except Exception as exc:
        if os.environ.get("MGB6_DEBUG"):
            raise
        _unexpected(exc)


# Errors of writing the output that no command handles itself (its own files fail as Mgb6Error).
_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EBADF") if hasattr(errno, name)
)


def _say_cache_refusal() -> None:
    """The one warning of a run that did not trust its cache folder (cache.refusal), unless --quiet."""
    cache = sys.modules.get("mgb6.cache")  # not imported: no cache was looked at
    why = cache.refusal() if cache is not None else None
    if why and not {"-q", "--quiet"} & set(sys.argv[1:]):
        _say(f"Warning: {why}")


def _say(line: str) -> None:
    """One line on stderr, if there is a stderr to write to."""
    try:
        if sys.stderr is not None:
            from mgb6.report.terminal import visible

            sys.stderr.write(visible(line) + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _stdout_failed() -> bool:
    """Whether standard output is what failed: what is still buffered cannot be written either."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


def _quiet_stdout() -> None:
    """Point fd 1 at the null device, so the exit's own flush of what is left raises nothing more."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
    except OSError:
        pass


def run() -> NoReturn:
    """The console script: ``main()``, then exit without the interpreter's teardown.

    Freeing the table, the caches and every module object at exit costs 10-15 ms of a one-week check
    (docs/performance.md), and nothing is left to clean up: files are written and closed inside the
    commands. Only the standard streams still need flushing. ``main()`` stays importable for tests.
    """
    import os

    try:
        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = int(exc.code or 0)
        else:
            sys.stderr.write(f"{exc.code}\n")
            code = int(ExitCode.ERROR)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            code = code or int(ExitCode.BROKEN_PIPE)  # `mgb6 check log | head`: the reader left early
        except (OSError, ValueError) as exc:
            if not code and stream is sys.stdout:
                _say(f"Error: cannot write the output ({getattr(exc, 'strerror', None) or exc}); it is lost")
            code = code or int(ExitCode.ERROR)
    os._exit(code)
