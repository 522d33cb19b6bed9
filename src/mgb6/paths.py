"""Every place mgb6 reads or writes on disk, and the one way it replaces a whole file.

The user's own folders (config: profile and custom foods; cache; data: the default log), the bundled
tables, and ``atomic_write_text``. Nothing here parses what the files hold.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mgb6.errors import DataError

# kind -> (override variable, XDG variable, XDG default below the home directory)
_KINDS = {
    "config": ("MGB6_CONFIG_DIR", "XDG_CONFIG_HOME", ".config"),
    "cache": ("MGB6_CACHE_DIR", "XDG_CACHE_HOME", ".cache"),
    "data": ("MGB6_DATA_HOME", "XDG_DATA_HOME", ".local/share"),
}

TABLE_FILES = (
    "foods.csv", "portions.csv", "aliases.csv", "dri.csv", "dri_efsa.csv", "suggestable.csv", "amounts.csv",
)  # fmt: skip


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


def config_dir() -> Path:
    """The user config directory; MGB6_CONFIG_DIR overrides it (tests, portable installs)."""
    return user_dir("config")


def cache_dir() -> Path:
    return user_dir("cache")


def data_dir() -> Path:
    """Where the bundled tables are: the installed package, or the source checkout for editable installs.

    hatch's force-include (pyproject.toml) does not reach editable installs, so a checkout falls back to
    the repository's ``data/``; MGB6_DATA_DIR overrides both for tests.
    """
    override = os.environ.get("MGB6_DATA_DIR")
    if override:
        return Path(override)
    packaged = Path(__file__).resolve().parent / "data"  # the wheel's force-include (no importlib.resources)
    if (packaged / "foods.csv").is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data"
    if (checkout / "foods.csv").is_file():
        return checkout
    raise DataError("the food table is missing from this installation (reinstall mgb6)")


def package_dir() -> Path:
    """The folder of mgb6's own modules (their code is part of every cache key)."""
    return Path(__file__).resolve().parent


def atomic_write_text(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of it; the temporary is removed on failure.

    A temporary sibling, fsync, then os.replace.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
