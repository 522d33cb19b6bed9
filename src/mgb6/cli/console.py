"""The commands' one way to the terminal: two consoles, and a library error as one line and an exit code.

Every command body runs its library calls inside ``with reported(err):``, so an Mgb6Error is printed the
same way (``Error: <message>``, never a traceback) with the exit code the error names.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import typer

from mgb6.errors import Mgb6Error

if TYPE_CHECKING:
    from rich.console import Console


def consoles(no_color: bool) -> tuple[Console, Console]:
    """Standard output and standard error, both plain unless markup is asked for."""
    from mgb6.report.terminal import safe_console

    # emoji=False: a food called ":fire: chili" prints as written, and rich skips loading its emoji table;
    # safe_console: a log line's control characters are shown escaped, never sent to the terminal
    return safe_console(no_color=no_color or None, highlight=False, emoji=False), safe_console(
        stderr=True, no_color=no_color or None, highlight=False, emoji=False
    )


def fail(err: Console, exc: Mgb6Error) -> NoReturn:
    from rich.markup import escape

    err.print(f"Error: {escape(str(exc))}", soft_wrap=True)
    raise typer.Exit(int(exc.exit_code))


@contextmanager
def reported(err: Console) -> Iterator[None]:
    """A library error inside the block ends the command: its message on ``err``, its exit code."""
    try:
        yield
    except Mgb6Error as exc:
        fail(err, exc)
