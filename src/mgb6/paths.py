"""Every place mgb6 reads or writes on disk, and the one way it replaces a whole file.

The user's own folders (config: profile and custom foods; cache; data: the default log), the bundled
tables, and how files are written and read on untrusted ground (README "What mgb6 trusts"). Nothing here
parses what the files hold.

Writes: the whole file through a random, exclusive temporary in the target's folder (``mkstemp``: 0600,
O_EXCL, so a planted name or symbolic link is never followed), fsync, then ``os.replace``; the temporary is
removed on every failure. Targets that are symbolic links or not regular files are refused: one rule for
``log``, ``-o`` and ``--report``. Folders mgb6 creates are readable by the user only (they hold health data).

Reads: inputs named by the user or found in a folder (profile, ``--foods``, batch members) are opened
without blocking and checked to be regular files under a size cap before a byte is read, so a FIFO never
hangs a run and ``/dev/zero`` never eats the memory.
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import suppress
from pathlib import Path

from mgb6.errors import DataError, InputError, Mgb6Error

# kind -> (override variable, XDG variable, XDG default below the home directory)
_KINDS = {
    "config": ("MGB6_CONFIG_DIR", "XDG_CONFIG_HOME", ".config"),
    "cache": ("MGB6_CACHE_DIR", "XDG_CACHE_HOME", ".cache"),
    "data": ("MGB6_DATA_HOME", "XDG_DATA_HOME", ".local/share"),
}

TABLE_FILES = (
    "foods.csv", "portions.csv", "aliases.csv", "dri.csv", "dri_efsa.csv", "suggestable.csv", "amounts.csv",
    "words.csv",
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


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
TEMP_PREFIX = ".mgb6-"  # every temporary mgb6 creates: ".mgb6-<random>.tmp"
TEMP_SUFFIX = ".tmp"


class WriteTargetError(Mgb6Error):
    """A write target mgb6 will not replace or write through (a link, a device, an existing report)."""


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parent, each 0700 (before the umask); existing ones are kept."""
    missing: list[Path] = []
    at = folder
    while not at.exists() and not at.is_symlink() and at != at.parent:
        missing.append(at)
        at = at.parent
    for part in reversed(missing):
        with suppress(FileExistsError):
            part.mkdir(mode=PRIVATE_DIR)


def check_target(path: Path, *, replace: bool, what: str = "file") -> os.stat_result | None:
    """The target's stat if it exists and may be written; refuse a symbolic link or a non-regular file
    always, and an existing file unless ``replace`` (``--force``)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteTargetError(f"{path}: cannot write {what} ({exc.strerror or exc})") from exc
    if stat.S_ISLNK(info.st_mode):
        raise WriteTargetError(
            f"{path}: is a symbolic link; mgb6 never writes through one, give the real path "
            f"({os.path.realpath(path)})"
        )
    if not stat.S_ISREG(info.st_mode):
        raise WriteTargetError(f"{path}: not a regular file; mgb6 writes {what} only to a regular file")
    if not replace:
        raise WriteTargetError(f"{path}: already exists; add --force to overwrite it, or choose another file")
    return info


def atomic_write_bytes(path: Path, data: bytes, *, replace: bool = True, mode: int | None = None) -> None:
    """Readers see the old file or the new one, never half of it.

    The new file keeps the mode of the one it replaces, else ``mode`` (default 0600: what mgb6 writes
    holds health data). ``replace=False`` refuses an existing file.
    """
    import tempfile  # only when writing: it costs a few ms of import on a read-only run

    old = check_target(path, replace=replace)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        want = stat.S_IMODE(old.st_mode) if old is not None else (PRIVATE_FILE if mode is None else mode)
        if want != PRIVATE_FILE and hasattr(os, "fchmod"):
            os.fchmod(fd, want)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _link_new(tmp: str, path: Path) -> None:
    """Give ``tmp`` the name ``path`` only if no file has it, atomically (a hard link fails on an existing
    name, where a rename would replace it); ``tmp`` goes once the link is made."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise WriteTargetError(f"{path}: already exists; add --force to overwrite it") from None
    except OSError:  # a file system without hard links: the check just made, then a rename
        if os.path.lexists(path):
            raise WriteTargetError(f"{path}: already exists; add --force to overwrite it") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def atomic_write_text(path: Path, text: str, *, replace: bool = True, mode: int | None = None) -> None:
    """:func:`atomic_write_bytes` of UTF-8 text with ``\\n`` line ends."""
    atomic_write_bytes(path, text.encode("utf-8"), replace=replace, mode=mode)


def read_regular(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes.

    Opened with O_NONBLOCK so that a FIFO answers at once instead of waiting for a writer, then fstat-ed:
    what is checked is the file actually opened, not a name that may have changed in between.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory, not a {what}") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc.strerror or exc})") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file (a pipe or device); give a {what} saved on disk")
        if info.st_size > limit:
            raise InputError(f"{path}: {info.st_size:,} bytes; a {what} is at most {limit:,}")
        parts: list[bytes] = []
        left = limit + 1  # one byte more than allowed tells a file that grew while being read
        while left > 0:
            got = os.read(fd, min(left, 1 << 20))
            if not got:
                break
            parts.append(got)
            left -= len(got)
        if left <= 0:
            raise InputError(f"{path}: grew past {limit:,} bytes while being read; a {what} is smaller")
        return b"".join(parts)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)
