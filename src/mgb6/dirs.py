"""Where mgb6 keeps the user's own files: config (profile, custom foods), cache, and the default log."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# kind -> (override variable, XDG variable, XDG default below the home directory)
_KINDS = {
    "config": ("MGB6_CONFIG_DIR", "XDG_CONFIG_HOME", ".config"),
    "cache": ("MGB6_CACHE_DIR", "XDG_CACHE_HOME", ".cache"),
    "data": ("MGB6_DATA_HOME", "XDG_DATA_HOME", ".local/share"),
}


def user_dir(kind: str) -> Path:
    """The folder for ``kind``; its MGB6_* variable overrides it (tests, portable installs).

    On Linux this is platformdirs' own XDG rule, inlined: importing platformdirs costs 3-5 ms of every
    start. Elsewhere platformdirs answers.
    """
    override, xdg_var, default = _KINDS[kind]
    value = os.environ.get(override)
    if value:
        return Path(value)
    if sys.platform.startswith("linux"):
        xdg = os.environ.get(xdg_var, "").strip()
        return Path(xdg if os.path.isabs(xdg) else Path.home() / default) / "mgb6"
    import platformdirs

    finder = {"config": platformdirs.user_config_dir, "cache": platformdirs.user_cache_dir}
    return Path(finder.get(kind, platformdirs.user_data_dir)("mgb6", appauthor=False))
