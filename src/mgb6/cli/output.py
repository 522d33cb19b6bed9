"""Long output and long work on a person's screen: a pager for the report, a progress bar for the wait.

Like git and gh: only when stdout is a terminal and the report is taller than it; never when piped or
redirected; ``--no-pager``, ``MGB6_PAGER=0`` or ``PAGER=cat`` turn it off. The pager is $PAGER (pydoc's
choice, else less), started as git starts less (``LESS=FRX``: quit if one screen, keep colours).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import rich.progress
    from rich.console import Console, RenderableType

    from mgb6.models import Progress


def wants_pager(out: Console, page: bool = True) -> bool:
    if not page or os.environ.get("MGB6_PAGER", "").strip().lower() in ("0", "no", "false", "off", "never"):
        return False
    return out.is_terminal and sys.stdin.isatty() and not out.is_dumb_terminal


def show(out: Console, renderable: RenderableType, *, page: bool = True) -> None:
    """Print ``renderable``; page it when ``wants_pager`` and it does not fit the screen."""
    if not wants_pager(out, page):
        out.print(renderable)
        return
    with out.capture() as captured:
        out.print(renderable)
    text = captured.get()
    if text.count("\n") < out.size.height:
        out.file.write(text)
        return
    import pydoc

    os.environ.setdefault("LESS", "FRX")
    from contextlib import suppress

    with suppress(OSError, KeyboardInterrupt):  # the pager failed to start or was left with Ctrl-C
        pydoc.pager(text)


@contextmanager
def progress_bar(err: Console, enabled: bool = True) -> Iterator[Progress | None]:
    """A callback drawing a progress bar on stderr for long work, or None where no one would see it.

    Only on a terminal (never when stderr is piped or redirected), not with --quiet or MGB6_PROGRESS=0. The
    bar appears on the first report, which the library sends only for long work (a log of 65,536 lines
    and more, a batch of 20 logs and more), so a normal check never even imports rich.progress. It
    disappears when the work is done (transient): the report follows as if it had not been there.
    """
    off = os.environ.get("MGB6_PROGRESS", "").strip().lower() in ("0", "no", "false", "off", "never")
    if not enabled or off or not err.is_terminal or err.is_dumb_terminal:
        yield None
        return
    shown: list[rich.progress.Progress] = []  # the one bar, once the first report came
    tasks: dict[str, rich.progress.TaskID] = {}

    def update(what: str, done: int, total: int) -> None:
        if not shown:
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

            shown.append(Progress(
                TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn(),
                console=err, transient=True, redirect_stdout=False, redirect_stderr=False,
            ))  # fmt: skip
            shown[0].start()
        bar = shown[0]
        task = tasks.get(what)
        if task is None:
            task = tasks[what] = bar.add_task(what, total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        for bar in shown:
            bar.stop()
