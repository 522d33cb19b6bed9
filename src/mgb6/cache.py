"""The only module that pickles, memory-maps or hashes: cache files keyed by a digest of code and data.

Every cached file's name carries ``digest``: a hash of the bundled tables and of every module of this
package (``code_files``), so no code or data change can ever meet a stale file. Writing is best effort
(a read-only home still works, only more slowly) and atomic (a temporary, then os.replace); reading
tolerates a missing or unreadable file by returning None, and the caller rebuilds.
"""

from __future__ import annotations

import os
import pickle
import struct
import time
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, SupportsIndex, TypeVar, overload

from mgb6 import __version__
from mgb6.paths import TABLE_FILES, cache_dir, package_dir

CACHE_FORMAT = 4  # bump when FoodTable's shape or the matcher's normalisation changes

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
        if int(protocol) >= 5:  # the blob may travel out of band (see _write_mapped)
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


# --- reading and writing cache files ---------------------------------------------------------------------


def cache_file(kind: str, digest: str) -> Path:
    return cache_dir() / f"{kind}-{digest}.pickle"


def unpickle(path: Path) -> Any:
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, IndexError):
        return None  # no cache yet, or an unreadable one: the caller rebuilds


KEEP_DIGESTS = 3  # tables of other versions (another venv, another checkout) stay usable side by side


def write_cache(path: Path, obj: object, keep: int | None = KEEP_DIGESTS, mapped: bool = False) -> None:
    """Best effort: a read-only home still works, just more slowly. Atomic rename, never a torn file.

    ``mapped`` writes the layout read_mapped reads: large buffers after the pickle, not inside it.
    ``keep``: how many files of this kind stay (the newest); None leaves the others alone.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            if mapped:
                _write_mapped(fh, obj)
            else:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        if keep is not None:
            _prune(path, keep)
    except OSError:
        pass


_MAPPED = b"MGB6MAP1"  # then: part count n, n part sizes (u64 little-endian); the pickle; its buffers


def _write_mapped(fh: BinaryIO, obj: object) -> None:
    buffers: list[pickle.PickleBuffer] = []
    body = pickle.dumps(obj, protocol=5, buffer_callback=buffers.append)
    parts = [memoryview(body), *(b.raw() for b in buffers)]
    fh.write(_MAPPED + struct.pack(f"<{len(parts) + 1}Q", len(parts), *(p.nbytes for p in parts)))
    for part in parts:
        fh.write(part)


def read_mapped(path: Path) -> Any:
    """What _write_mapped wrote, its buffers as views of the memory-mapped file; None if unreadable."""
    import mmap

    try:
        with path.open("rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        view = memoryview(mapped)
        if view[: len(_MAPPED)] != _MAPPED:
            return None
        (n,) = struct.unpack_from("<Q", mapped, len(_MAPPED))
        sizes = struct.unpack_from(f"<{n}Q", mapped, len(_MAPPED) + 8)
        pos, parts = len(_MAPPED) + 8 * (n + 1), []
        for size in sizes:
            if pos + size > len(view):
                return None
            parts.append(view[pos : pos + size])
            pos += size
        return pickle.loads(parts[0], buffers=parts[1:])
    except (OSError, ValueError, struct.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError,
            IndexError):  # fmt: skip
        return None  # no cache yet (or an empty file: mmap refuses it), or an unreadable one: rebuilt


def _prune(path: Path, keep: int = KEEP_DIGESTS) -> None:
    """Drop all but the ``keep`` most recently written files of this kind."""
    kind = path.name.split("-", 1)[0]
    files = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def write_custom_cache(path: Path, obj: object) -> None:
    """Like write_cache, but only ever replaces older custom-*.pickle files, never the bundled table's."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("custom-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


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
