"""Regular expressions compiled on first use.

Compiling mgb6's patterns costs ~7 ms at import, most of it for parser and supplement patterns that a
check whose every line is already known (docs/performance.md) never runs. ``lazy()`` returns a stand-in
that compiles on the first method call, then stores the compiled methods on itself, so later calls cost
the same as on a compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # what re.Pattern.pattern gives too; readable without compiling
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only reached for what is not set yet: the first use
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, deferred until the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
