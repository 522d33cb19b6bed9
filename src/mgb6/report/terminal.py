"""Text from a log never drives the terminal: control characters are shown, not obeyed.

A log line may hold ``ESC ] 52 ; c ; ...`` (OSC 52 writes the clipboard), ``ESC ] 0 ; ...`` (the window
title), cursor moves that paint over earlier lines, or bidirectional overrides that reorder what is read.
A dietitian checking a client's log must see those bytes, not have them act, so everything printed for a
person goes through :func:`visible`; the console :func:`safe_console` builds applies it to every piece of
text rich renders, before rich adds its own colour codes. JSON escapes control characters by itself; CSV
is data and is escaped only when it goes straight to a terminal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

# C0 controls but the tab and the line break, DEL, C1 controls (0x9b is a one-byte CSI), and the bidirectional
# embeddings, overrides and isolates
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _shown(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``); tabs and line breaks
    are kept. The same object comes back when nothing needed escaping."""
    if text.isascii() and text.isprintable():
        return text
    return _CONTROL.sub(_shown, text) if _CONTROL.search(text) else text


def safe_console(**options: Any) -> Console:
    """A rich Console whose rendered text passes through :func:`visible` (its own styles are untouched)."""
    from rich.console import Console
    from rich.segment import Segment

    class _SafeConsole(Console):
        def _render_buffer(self, buffer: Any) -> str:
            return super()._render_buffer(_escaped(seg) for seg in buffer)

    def _escaped(seg: Segment) -> Segment:
        if seg.control:
            return seg
        text = visible(seg.text)
        return seg if text is seg.text else Segment(text, seg.style)

    return _SafeConsole(**options)
