"""The only module that pickles, memory-maps or hashes: cache files keyed by a digest of code and data.

Every cached file's name carries ``digest``: a hash of the bundled tables and of every module of this
package (``code_files``), so no code or data change can ever meet a stale file. Writing is best effort
(a read-only home still works, only more slowly) and atomic (a random exclusive temporary, then
os.replace); reading tolerates a missing or unreadable file by returning None, and the caller rebuilds.

Nothing here trusts the disk (README "What mgb6 trusts"). The folder is used only when it is a folder of
the user's own that no one else may write (it is created 0700); otherwise the run goes uncached, with one
warning (``refusal``). A file is opened with O_NOFOLLOW|O_NONBLOCK and fstat-ed: a regular file of the
user's, writable by no one else, under a size cap. Its content is unpickled only after its tag checks:
a keyed BLAKE2b of everything after the tag, keyed by a 32-byte secret kept in the folder (``key``, 0600),
so a pickle planted by anyone who does not hold the key, or a flipped byte, is never loaded. The table,
read on every run, is checked in full only when its stamp (inode, size, mtime, ctime) differs from the one
its signed seal recorded, so an unchanged table costs no hashing (``read_mapped``).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import struct
import time
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, SupportsIndex, TypeVar, overload

from mgb6 import __version__
from mgb6.paths import TABLE_FILES, TEMP_PREFIX, TEMP_SUFFIX, cache_dir, make_private_dirs, package_dir

if TYPE_CHECKING:
    import re

CACHE_FORMAT = 5  # bump when FoodTable's shape, the matcher's normalisation or the file layout changes

T = TypeVar("T")


class Packed(Sequence[str]):
    """Many strings kept as one UTF-8 blob and an offset array: unpickling is two copies, not 14k objects.

    In the table's cache file the blob is an out-of-band buffer that is memory-mapped, not read: a check
    touches a few dozen of the 8,800 rows, and copying 3.8 MB cost 2-3 ms of page faults per run.
    ``blob`` is then a memoryview of the file (read-only); elsewhere it is bytes.
    """

    __slots__ = ("blob", "offsets")

    def __init__(self, items: Sequence[str] = ()) -> None:
        encoded = [item.encode("utf-8") for item in items]
        self.blob = b"".join(encoded)
        self.offsets = array("q", [0])
        pos = 0
        for item in encoded:
            pos += len(item)
            self.offsets.append(pos)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return str(self.blob[self.offsets[i] : self.offsets[i + 1]], "utf-8")

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        if int(protocol) >= 5:  # the blob may travel out of band (see _mapped_payload)
            return _unpack, (pickle.PickleBuffer(self.blob), self.offsets.tobytes())
        return _unpack, (bytes(self.blob), self.offsets.tobytes())


def _unpack(blob: bytes | memoryview | bytearray, offsets: bytes) -> Packed:
    packed = Packed.__new__(Packed)
    packed.blob = bytes(blob) if isinstance(blob, bytearray) else blob
    packed.offsets = array("q")
    packed.offsets.frombytes(offsets)
    return packed


# --- the digest: what every cache file name is keyed by --------------------------------------------------


def code_files() -> list[tuple[str, str]]:
    """Every module of the package, subpackages included: (path inside the package, path), in that order.

    Plain strings and os.scandir, not pathlib: the stamp checks these on every run.
    """
    root = str(package_dir())
    found: list[tuple[str, str]] = []
    folders = [""]
    while folders:
        rel = folders.pop()
        with os.scandir(os.path.join(root, rel) if rel else root) as entries:
            for entry in entries:
                name = entry.name
                if name.endswith(".py"):
                    found.append((rel + name, entry.path))
                elif name != "__pycache__" and name != "data" and "." not in name and entry.is_dir():
                    folders.append(rel + name + "/")
    found.sort()
    return found


def table_digest(blobs: Mapping[str, bytes]) -> str:
    """Content hash of the tables and of every module of this package: the key of all cached files.

    Hashing the whole package (not only the matcher) means no code change can ever meet a stale table,
    index or match memo.
    """
    import hashlib  # ~2 ms to load OpenSSL: only when the content really has to be hashed

    h = hashlib.sha256(f"{CACHE_FORMAT}:{__version__}".encode())
    for name, path in code_files():
        h.update(name.encode())
        with open(path, "rb") as fh:
            h.update(fh.read())
    for name in TABLE_FILES:
        h.update(name.encode())
        h.update(blobs[name])
    return h.hexdigest()[:20]


def custom_digest(base: str, custom_blob: bytes) -> str:
    """The key of a table extended with a user's foods: the bundled table's digest and the custom rows."""
    import hashlib

    return "custom-" + hashlib.sha256(base.encode() + custom_blob).hexdigest()[:20]


SETTLED_SECONDS = 2.0  # files changed more recently than this are always re-hashed (git's "racy" rule)


def stamp(directory: Path) -> str | None:
    """Size, mtime, ctime and inode of every input of the digest; None when one is too fresh to trust.

    ctime cannot be set from user space, so any write to a file changes its stamp; a file modified within
    SETTLED_SECONDS could be rewritten again within the clock's granularity, so it is never trusted.
    """
    parts = []
    newest = 0
    for f in [*(os.path.join(directory, n) for n in TABLE_FILES), *(path for _, path in code_files())]:
        try:
            st = os.stat(f)
        except OSError:
            return None
        newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
        parts.append(f"{f}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}")
    if time.time_ns() - newest < SETTLED_SECONDS * 1e9:
        return None
    return "\n".join(parts)


def remembered_digest(stamp: str) -> str | None:
    """The digest hashed last time the inputs had exactly this stamp (no 4 MB read), if any."""
    known = unpickle(cache_dir() / "digests.pickle")
    if isinstance(known, dict) and isinstance(known.get(stamp), str):
        return known[stamp]
    return None


def remember_digest(stamp: str, digest: str) -> None:
    """Keep ``digest`` for this stamp, with the last few others (other checkouts, other versions)."""
    path = cache_dir() / "digests.pickle"
    known = unpickle(path)
    memo = dict(list(known.items())[-7:]) if isinstance(known, dict) else {}
    memo[stamp] = digest
    write_cache(path, memo)


# --- the folder, the key, and files opened on untrusted ground ------------------------------------------

_SEALED = b"MGB6SIG1"  # then a 32-byte tag: keyed BLAKE2b of everything after it; then the payload
_TAG = 32
_HEAD = len(_SEALED) + _TAG
MAX_CACHE_BYTES = 1 << 26  # 64 MB: the table is ~4 MB, a log memo is capped far below; no cache file is more
KEY_NAME = "key"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ_FLAGS = (
    os.O_RDONLY
    | _NOFOLLOW
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_REFUSED: dict[Path, str] = {}  # folder -> why it is not used (said once by the CLI)


def refusal() -> str | None:
    """Why this run did not use its cache folder, if it did not (the CLI prints it once as a warning)."""
    return _REFUSED.get(cache_dir())


def _ours(info: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (where the platform has owners at all)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def trusted_dir() -> Path | None:
    """The cache folder when it may be trusted, else None (the run goes uncached). A folder removed since
    it was checked (``mgb6 cache clear`` in the same process, a user's rm) is made and checked again."""
    folder = cache_dir()
    found = _trusted(folder)
    if found is not None and not os.path.isdir(found):
        _trusted.cache_clear()
        _KEYS.pop(found, None)  # its key went with it
        found = _trusted(folder)
    return found


@lru_cache(maxsize=4)
def _trusted(folder: Path) -> Path | None:
    """``folder``, created 0700 when missing, if it may be trusted. An existing folder must be the user's
    own and writable by no one else, and its parent must not be writable by others unless it is sticky
    (/tmp): otherwise another local user could plant a file this run would load, or swap the folder."""
    try:
        make_private_dirs(folder)
        info = os.stat(folder)
        parent = os.stat(folder.parent)
    except OSError:
        return None  # a read-only home: uncached, as before, and nothing to warn about
    why = None
    if not stat.S_ISDIR(info.st_mode):
        why = "is not a folder"
    elif not _ours(info):
        why = _whose(info)
    elif hasattr(os, "getuid") and parent.st_mode & 0o022 and not parent.st_mode & stat.S_ISVTX:
        why = f"sits in {folder.parent}, which other users may write (mode {stat.S_IMODE(parent.st_mode):o})"
    if why is None:
        return folder
    _REFUSED[folder] = (
        f"the cache folder {folder} {why}; running without a cache (slower). Use a folder only you can "
        "write (chmod 700), or set MGB6_CACHE_DIR to one"
    )
    return None


def _whose(info: os.stat_result) -> str:
    if info.st_uid != os.getuid():
        return f"belongs to another user (uid {info.st_uid})"
    return f"may be written by other users (mode {stat.S_IMODE(info.st_mode):o})"


def _open_trusted(path: Path, cap: int = MAX_CACHE_BYTES) -> tuple[int, os.stat_result] | None:
    """An fd on ``path`` if it is a regular file of ours, writable by no one else, of at most ``cap``
    bytes: opened without following a link or waiting on a FIFO, checked on the file actually opened."""
    folder = trusted_dir()
    if folder is None or path.parent != folder:
        return None
    try:
        fd = os.open(path, _READ_FLAGS)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        return None
    if not stat.S_ISREG(info.st_mode) or not _ours(info) or not _HEAD <= info.st_size <= cap:
        os.close(fd)
        return None
    return fd, info


def _read_all(fd: int, size: int) -> bytes | None:
    """Exactly ``size`` bytes (a copy: a file truncated meanwhile gives a short read, never a SIGBUS)."""
    parts: list[bytes] = []
    left = size
    while left > 0:
        got = os.read(fd, left)
        if not got:
            return None
        parts.append(got)
        left -= len(got)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _key() -> bytes | None:
    folder = trusted_dir()
    return None if folder is None else _key_in(folder)


_KEYS: dict[Path, bytes] = {}  # only keys found: a folder removed meanwhile is tried again next time


def _key_in(folder: Path) -> bytes | None:
    """The per-user secret that tags every cache file: 32 random bytes in ``key`` (0600), made once."""
    key = _KEYS.get(folder)
    if key is None:
        key = _read_key(folder)
        if key is not None:
            _KEYS[folder] = key
    return key


def _read_key(folder: Path) -> bytes | None:
    path = folder / KEY_NAME
    for _ in range(2):
        try:
            fd = os.open(path, _READ_FLAGS)
        except FileNotFoundError:
            _make_key(path)
            continue
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if stat.S_ISREG(info.st_mode) and _ours(info) and not info.st_mode & 0o077 and info.st_size == 32:
                return _read_all(fd, 32)
            return None
        finally:
            os.close(fd)
    return None


def _make_key(path: Path) -> None:
    """Write a new key beside ``path`` and link it into place: the name appears complete or not at all,
    and two processes racing both end up with the one that won."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError:
        return
    try:
        os.write(fd, os.urandom(32))
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.link(tmp, path)
    except OSError:
        pass  # another process made it first, or the folder refuses: either way read what is there
    finally:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _tag(key: bytes, *parts: bytes | memoryview) -> bytes:
    from _blake2 import blake2b  # built in: no OpenSSL load (hashlib costs ~2 ms of a run)

    h = blake2b(key=key, digest_size=_TAG)
    for part in parts:
        h.update(part)
    return h.digest()


def _verified(data: bytes) -> memoryview | None:
    """The payload of a sealed file, if its tag is ours; else None."""
    from _operator import _compare_digest  # hmac.compare_digest without importing hmac

    key = _key()
    if key is None or data[: len(_SEALED)] != _SEALED:
        return None
    payload = memoryview(data)[_HEAD:]
    return payload if _compare_digest(_tag(key, payload), data[len(_SEALED) : _HEAD]) else None


def read_verified(path: Path) -> memoryview | None:
    """The payload of a cache file that passes every check above, else None."""
    opened = _open_trusted(path)
    if opened is None:
        return None
    fd, info = opened
    try:
        data = _read_all(fd, info.st_size)
    except OSError:
        return None
    finally:
        os.close(fd)
    return None if data is None else _verified(data)


# --- reading and writing cache files ---------------------------------------------------------------------


def cache_file(kind: str, digest: str) -> Path:
    return cache_dir() / f"{kind}-{digest}.pickle"


def unpickle(path: Path) -> Any:
    payload = read_verified(path)
    if payload is None:
        return None  # no cache yet, or one that is not ours or not intact: the caller rebuilds
    try:
        return pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, IndexError, ImportError):
        return None


KEEP_DIGESTS = 3  # tables of other versions (another venv, another checkout) stay usable side by side


def write_cache(path: Path, obj: object, keep: int | None = KEEP_DIGESTS, mapped: bool = False) -> None:
    """Best effort: a read-only home still works, just more slowly. Atomic rename, never a torn file.

    ``mapped`` writes the layout read_mapped reads: large buffers after the pickle, not inside it.
    ``keep``: how many files of this kind stay (the newest); None leaves the others alone.
    """
    if trusted_dir() is None or path.parent != trusted_dir():
        return
    try:
        payload = _mapped_payload(obj) if mapped else [pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)]
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return
    if _write_sealed(path, payload) and keep is not None:
        _prune(path, keep)


def _write_sealed(path: Path, payload: Sequence[bytes | memoryview]) -> bool:
    """``payload`` behind its tag, through a random exclusive temporary that every failure removes."""
    import tempfile

    key = _key()
    if key is None:
        return False
    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_SEALED + _tag(key, *payload))
            for part in payload:
                fh.write(part)
        os.replace(tmp, path)
        return True
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            return False
        raise


_MAPPED = b"MGB6MAP1"  # then: part count n, n part sizes (u64 little-endian); the pickle; its buffers


def _mapped_payload(obj: object) -> list[bytes | memoryview]:
    buffers: list[pickle.PickleBuffer] = []
    body = pickle.dumps(obj, protocol=5, buffer_callback=buffers.append)
    parts = [memoryview(body), *(b.raw() for b in buffers)]
    return [_MAPPED + struct.pack(f"<{len(parts) + 1}Q", len(parts), *(p.nbytes for p in parts)), *parts]


def read_mapped(path: Path) -> Any:
    """What write_cache(mapped=True) wrote, its buffers as views of one read-only copy; None if unusable.

    Read, not memory-mapped: a mapping of a file truncated meanwhile kills the process with SIGBUS on the
    next touch, a copy cannot. The tag is checked in full only when the file's stamp differs from the one
    its seal (``<name>.seal``, itself tagged) records: the seal is written once the file has settled.
    """
    opened = _open_trusted(path)
    if opened is None:
        return None
    fd, info = opened
    try:
        data = _read_all(fd, info.st_size)
    except OSError:
        data = None
    finally:
        os.close(fd)
    if data is None:
        return None
    payload = _sealed_payload(path, info, data)
    if payload is None:
        return None
    try:
        if payload[: len(_MAPPED)] != _MAPPED:
            return None
        (n,) = struct.unpack_from("<Q", payload, len(_MAPPED))
        sizes = struct.unpack_from(f"<{n}Q", payload, len(_MAPPED) + 8)
        pos, parts = len(_MAPPED) + 8 * (n + 1), []
        for size in sizes:
            if pos + size > len(payload):
                return None
            parts.append(payload[pos : pos + size])
            pos += size
        return pickle.loads(parts[0], buffers=parts[1:])
    except (ValueError, struct.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError,
            IndexError, ImportError, MemoryError):  # fmt: skip
        return None


def _stamp_of(info: os.stat_result) -> bytes:
    return f"{info.st_dev}|{info.st_ino}|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}".encode()


def _sealed_payload(path: Path, info: os.stat_result, data: bytes) -> memoryview | None:
    """The payload of a big file read every run: the seal vouches for it, or the full tag is checked."""
    from _operator import _compare_digest

    key = _key()
    if key is None or data[: len(_SEALED)] != _SEALED:
        return None
    seal_path = path.with_name(path.name + ".seal")
    seal = read_verified(seal_path)
    expected = _tag(key, _stamp_of(info), data[:_HEAD])
    if seal is not None and _compare_digest(bytes(seal), expected):
        return memoryview(data)[_HEAD:]
    payload = _verified(data)
    settled = time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > SETTLED_SECONDS * 1e9
    if payload is not None and settled:
        _write_sealed(seal_path, [expected])  # settled: later runs skip the full check while it stays so
    return payload


STALE_TEMP_SECONDS = 3600  # a temporary this old belongs to no running writer


@lru_cache(maxsize=1)
def _own_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Names mgb6 gives what it writes here (files, old-style temporaries | its random temporaries);
    pruning touches nothing else, and only a file of ours. Compiled when something is written."""
    import re

    kinds = r"(?:[a-z]+-[0-9a-f]{20}(?:-[0-9a-f]{8})?|digests)"
    files = re.compile(kinds + r"\.pickle")
    temps = re.compile(
        rf"{kinds}\.\d+\.tmp|{re.escape(TEMP_PREFIX)}[A-Za-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}"
    )
    return files, temps


def _own_file(path: Path, sealed: bool = True) -> bool:
    """Whether ``path`` is provably a file mgb6 wrote: a regular file of ours that starts as ours do."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or not _ours(info):
            return False
        if not sealed:
            return True
        fd = os.open(path, _READ_FLAGS)
        try:
            return os.read(fd, len(_SEALED)) == _SEALED
        finally:
            os.close(fd)
    except OSError:
        return False


def _prune(path: Path, keep: int = KEEP_DIGESTS, *, only: str | None = None) -> None:
    """Drop all but the ``keep`` most recently written files of this kind, with their seals, and any
    temporary left by a writer that died; never a file whose name and content are not provably mgb6's."""
    kind = only or path.name.split("-", 1)[0] + "-"
    own_file, own_temp = _own_names()
    now = time.time()
    mine: list[tuple[float, Path]] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        try:
            if own_temp.fullmatch(name):
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS and _own_file(
                    Path(entry.path), sealed=False
                ):
                    os.unlink(entry.path)
            elif name.startswith(kind) and own_file.fullmatch(name) and _own_file(Path(entry.path)):
                mine.append((entry.stat(follow_symlinks=False).st_mtime, Path(entry.path)))
        except OSError:
            continue
    mine.sort(key=lambda m: m[0], reverse=True)
    for _, old in mine[keep:]:
        if old != path:
            for gone in (old, old.with_name(old.name + ".seal")):
                with contextlib.suppress(OSError):
                    os.unlink(gone)


def write_custom_cache(path: Path, obj: object) -> None:
    """Like write_cache, but only ever replaces older custom-*.pickle files, never the bundled table's."""
    if trusted_dir() is None or path.parent != trusted_dir():
        return
    try:
        payload = [pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)]
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return
    if _write_sealed(path, payload):
        _prune(path, 1, only="custom-")


def cached(kind: str, digest: str, build: Callable[[], T]) -> T:
    """``build()``, kept in ``<kind>-<digest>.pickle``: for values derived from one table alone."""
    path = cache_file(kind, digest)
    value = unpickle(path)
    if value is None:
        value = build()
        write_cache(path, value)
    return value


# --- what the last check of a log learnt, line by line ----------------------------------------------------

LOG_MEMO_LINES = 5_000  # distinct lines of one check kept for the next; a bigger log is read afresh
KEEP_LOG_MEMOS = 16  # logs (or sets of logs checked together) remembered at once

LogMemo = tuple[dict[str, Any], dict[Any, Any]]  # (parser readings by raw line, scorer resolutions)


def _log_memo_file(digest: str, paths: Sequence[str]) -> tuple[Path, str] | None:
    """Where the memo of these log files lives; None for standard input, which has no name to key on."""
    if not paths or "-" in paths:
        return None
    import zlib

    key = "\n".join(sorted(os.path.realpath(p) for p in paths))
    return cache_dir() / f"logmemo-{digest}-{zlib.crc32(key.encode()):08x}.pickle", key


def load_log_memo(digest: str, paths: Sequence[str]) -> LogMemo:
    """How the last check of these very files on this table and code read and resolved each line.

    Someone who checks a log after every meal re-reads the same lines all day; with this, only new lines
    are parsed and matched (docs/performance.md). A line's reading depends on its text, the code and
    the table alone, and the file name carries the digest of code and data, so nothing here goes stale.
    """
    where = _log_memo_file(digest, paths)
    saved = unpickle(where[0]) if where else None
    if (isinstance(saved, tuple) and len(saved) == 3 and where and saved[0] == where[1]
            and isinstance(saved[1], dict) and isinstance(saved[2], dict)):  # fmt: skip
        return saved[1], saved[2]
    return {}, {}


def save_log_memo(digest: str, paths: Sequence[str], memo: LogMemo, before: LogMemo) -> None:
    """Keep this run's readings and resolutions for the next check of the same files, when they changed.

    ``memo`` holds exactly the lines of this run, so lines edited away do not pile up.
    """
    where = _log_memo_file(digest, paths)
    lines, resolved = memo
    if where is None or len(lines) > LOG_MEMO_LINES:
        return
    if lines.keys() == before[0].keys() and resolved.keys() == before[1].keys():
        return  # nothing new: a repeat check writes nothing
    # replacing this log's memo adds no file: the folder needs pruning only when a log is new to it
    keep = KEEP_LOG_MEMOS if not (before[0] or before[1]) else None
    write_cache(where[0], (where[1], lines, resolved), keep=keep)


@dataclass
class RememberedLines:
    """The last check's readings and resolutions of these files, and what this run learns, for the next.

    ``lines`` (the parser's readings by raw line) and ``resolved`` (the scorer's resolutions) come from the
    last check of the same files; ``keep`` takes this run's readings, and ``used`` then collects the
    resolutions this run relies on. A log too big to remember keeps neither, so its readings can be freed
    as soon as it is parsed (1M lines: ~90 MB).
    """

    lines: dict[str, Any]
    resolved: dict[Any, Any]
    seen: dict[str, Any] | None = None
    used: dict[Any, Any] | None = None

    def keep(self, seen: dict[str, Any]) -> None:
        if len(seen) <= LOG_MEMO_LINES:
            self.seen, self.used = seen, {}


@contextmanager
def remembered_lines(digest: str, paths: Sequence[str]) -> Iterator[RememberedLines]:
    """The per-log memo for one check: loaded on entry, saved on a normal exit when it changed."""
    memo = RememberedLines(*load_log_memo(digest, paths))
    yield memo
    if memo.seen is not None and memo.used is not None:
        save_log_memo(digest, paths, (memo.seen, memo.used), (memo.lines, memo.resolved))
