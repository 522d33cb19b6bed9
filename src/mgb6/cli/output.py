"""Putting a long report on screen: through a pager when a person is reading it, straight out otherwise.

Like git and gh: only when stdout is a terminal and the report is taller than it; never when piped or
redirected; ``--no-pager``, ``MGB6_PAGER=0`` or ``PAGER=cat`` turn it off. The pager is $PAGER (pydoc's
choice, else less), started as git starts less (``LESS=FRX``: quit if one screen, keep colours).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


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
