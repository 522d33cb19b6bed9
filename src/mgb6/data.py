"""Load the bundled tables once, in one place, through a compact cache keyed by their content hash."""

from __future__ import annotations

import io
import os
import pickle
import struct
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, SupportsIndex, TypeVar, overload

from mgb6 import __version__
from mgb6.errors import DataError
from mgb6.models import Food, Portion

if TYPE_CHECKING:
    from mgb6.matcher import SearchIndex

TABLE_FILES = ("foods.csv", "portions.csv", "aliases.csv", "dri.csv", "dri_efsa.csv", "suggestable.csv")
CACHE_FORMAT = 3  # bump when FoodTable's shape or the matcher's normalisation changes


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


class PortionRows:
    """food index -> that food's portion lines ("unit\tmodifier\tgrams\tdescription", newline-joined)."""

    __slots__ = ("rows",)

    def __init__(self, by_food: dict[int, str], n_foods: int) -> None:
        self.rows = Packed([by_food.get(i, "") for i in range(n_foods)])

    def get(self, food_index: int, default: str = "") -> str:
        if 0 <= food_index < len(self.rows):
            return self.rows[food_index] or default
        return default

    def __contains__(self, food_index: object) -> bool:
        return isinstance(food_index, int) and bool(self.get(food_index))

    def __getitem__(self, food_index: int) -> str:
        value = self.get(food_index)
        if not value:
            raise KeyError(food_index)
        return value

    def __getstate__(self) -> Packed:
        return self.rows

    def __setstate__(self, rows: Packed) -> None:
        self.rows = rows


class FoodList(Sequence[Food]):
    """Foods stored as one tab-joined string each (packed): fast to unpickle; parsed once on first access."""

    __slots__ = ("_parsed", "rows")

    def __init__(self, rows: Sequence[str]) -> None:
        self.rows = rows if isinstance(rows, Packed) else Packed(rows)
        self._parsed: dict[int, Food] = {}  # rows already split: a log names the same foods again and again

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> Food: ...
    @overload
    def __getitem__(self, i: slice) -> list[Food]: ...
    def __getitem__(self, i: int | slice) -> Food | list[Food]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        food = self._parsed.get(i)
        if food is None:
            f = self.rows[i].split("\t")
            food = Food(f[0], f[1], f[2], f[3], f[4], _num(f[5]), _num(f[6]), _num(f[7]), f[8])
            if i >= 0:
                self._parsed[i] = food
        return food

    def ids(self) -> list[str]:
        """Every food id, in order: the bytes up to each row's first tab (no row is decoded whole)."""
        blob, offsets = bytes(self.rows.blob), self.rows.offsets  # a copy: memoryviews cannot find()
        find = blob.find
        return [blob[offsets[i] : find(b"\t", offsets[i])].decode("utf-8") for i in range(len(offsets) - 1)]

    def __getstate__(self) -> Packed:
        return self.rows

    def __setstate__(self, rows: Packed) -> None:
        self.rows = rows
        self._parsed = {}


@dataclass(slots=True)
class FoodTable:
    """Foods, their portions, the alias table and the search index, ready for matching.

    The search index is only needed when a line is not in the match memo, so a cached table loads it
    lazily from its own file; so is ``memo``, the match results of earlier runs on this exact table and
    code, which only a line not resolved before needs.
    """

    foods: FoodList
    _by_id: dict[str, int] | None  # food id -> index; rebuilt on first use (few commands need it)
    portion_rows: PortionRows
    aliases: dict[str, int]  # normalised phrase -> food index
    default_units: dict[int, str]  # food index -> count unit people mean by "1 <food>"
    dri: list[dict[str, str]]
    _index: SearchIndex | None
    digest: str
    _memo: dict[str, Any] | None = None  # normalised food text -> matcher result; see ``memo``
    memo_saved: int = 0  # entries already on disk: save only when the memo grew
    resolved: dict[Any, Any] = field(default_factory=dict)  # scoring.Scorer's per-process resolution memo
    _portions: dict[int, list[Portion]] = field(default_factory=dict)

    @property
    def by_id(self) -> dict[str, int]:
        """Food id -> index, from its own small cache file (suggestions need it whenever there is a gap)."""
        if self._by_id is None:
            path = _cache_file("ids", self.digest)
            ids = _unpickle(path)
            if not isinstance(ids, dict) or len(ids) != len(self.foods):
                ids = {food_id: i for i, food_id in enumerate(self.foods.ids())}
                _write_cache(path, ids)
            self._by_id = ids
        return self._by_id

    @property
    def memo(self) -> dict[str, Any]:
        """Normalised food text -> matcher result, from earlier runs on exactly this table and code."""
        if self._memo is None:
            saved = _unpickle(_cache_file("matches", self.digest))
            self._memo = saved if isinstance(saved, dict) else {}
            self.memo_saved = len(self._memo)
        return self._memo

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = _load_index(self.digest)
        return self._index

    def portions(self, food_index: int) -> list[Portion]:
        """The USDA household measures of one food (empty when USDA lists none); shared, do not mutate."""
        out = self._portions.get(food_index)
        if out is None:
            out = self._portions[food_index] = []
            for row in self.portion_rows.get(food_index, "").splitlines():
                unit, modifier, grams, description = row.split("\t")
                out.append(Portion(unit, modifier, float(grams), description))
        return out

    def __getstate__(self) -> tuple[object, ...]:
        """The cached core: no index (its own file), no memo (its own file), no per-run caches."""
        return (self.foods, self.portion_rows, self.aliases, self.default_units, self.dri, self.digest)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self.foods, self.portion_rows, self.aliases, self.default_units, self.dri, self.digest = state  # type: ignore
        self._by_id = None
        self._index = None
        self._memo = None
        self.memo_saved = 0
        self.resolved = {}
        self._portions = {}


def data_dir() -> Path:
    """Where the tables are: the installed package, or the source checkout for editable installs.

    NOTE: hatch's force-include does not reach editable installs (see ../shared/reference/style.md), so a
    checkout falls back to the repository's ``data/``; MGB6_DATA_DIR overrides both for tests.
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


def cache_dir() -> Path:
    from mgb6.dirs import user_dir

    return user_dir("cache")


def _read(directory: Path) -> dict[str, bytes]:
    out = {}
    for name in TABLE_FILES:
        try:
            out[name] = (directory / name).read_bytes()
        except OSError as exc:
            raise DataError(f"cannot read {directory / name}: {exc.strerror or exc}") from exc
    return out


def _num(text: str) -> float | None:
    return float(text) if text.strip() else None


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def _rows(blob: bytes) -> list[dict[str, str]]:
    import csv  # only when (re)building: a cached table never parses CSV

    return list(csv.DictReader(io.StringIO(blob.decode("utf-8"))))


def build_table(blobs: dict[str, bytes], digest: str) -> FoodTable:
    """Turn the CSV files into a FoodTable; slow (tens of ms), hence the cache."""
    from mgb6.matcher import build_index, normalize

    rows: list[str] = []
    by_id: dict[str, int] = {}
    columns = ("id", "source", "description", "name", "category", "magnesium_mg_per_100g",
               "vitamin_b6_mg_per_100g", "energy_kcal_per_100g", "synonyms")  # fmt: skip
    for r in _rows(blobs["foods.csv"]):
        by_id[r["id"]] = len(rows)
        rows.append("\t".join(_clean(r[c]) for c in columns))
    foods = FoodList(rows)
    portion_lists: dict[int, list[str]] = {}
    for r in _rows(blobs["portions.csv"]):
        i = by_id.get(r["food_id"])
        if i is not None:
            fields = (r["unit"], r["modifier"], r["grams_per_unit"], r["description"])
            portion_lists.setdefault(i, []).append("\t".join(_clean(v) for v in fields))
    portions = PortionRows({i: "\n".join(lines) for i, lines in portion_lists.items()}, len(rows))
    aliases: dict[str, int] = {}
    default_units: dict[int, str] = {}
    extra: list[tuple[int, str, int]] = []
    for r in _rows(blobs["aliases.csv"]):
        i = by_id.get(r["food_id"])
        if i is None:
            raise DataError(f"aliases.csv: unknown food id {r['food_id']!r} for {r['phrase']!r}")
        aliases.setdefault(normalize(r["phrase"]), i)
        extra.append((i, r["phrase"], 2))
        if r.get("unit"):
            default_units.setdefault(i, r["unit"].strip())
    for i, f in enumerate(foods):
        for syn in f.synonyms.split(";"):
            if syn.strip():
                extra.append((i, syn.strip(), 1))
    index = build_index(list(foods), extra)
    dri = _rows(blobs["dri.csv"]) + _rows(blobs["dri_efsa.csv"])  # authorities: iom (default), efsa
    return FoodTable(foods, by_id, portions, aliases, default_units, dri, index, digest)


def _code_files() -> list[Path]:
    return sorted(Path(__file__).parent.glob("*.py"))


def table_digest(blobs: dict[str, bytes]) -> str:
    """Content hash of the tables and of every module of this package: the key of all cached files.

    Hashing the whole package (not only matcher.py) means no code change can ever meet a stale table,
    index or match memo.
    """
    import hashlib  # ~2 ms to load OpenSSL: only when the content really has to be hashed

    h = hashlib.sha256(f"{CACHE_FORMAT}:{__version__}".encode())
    for module in _code_files():
        h.update(module.name.encode())
        h.update(module.read_bytes())
    for name in TABLE_FILES:
        h.update(name.encode())
        h.update(blobs[name])
    return h.hexdigest()[:20]


SETTLED_SECONDS = 2.0  # files changed more recently than this are always re-hashed (git's "racy" rule)


def _stamp(directory: Path) -> str | None:
    """Size, mtime, ctime and inode of every input of the digest; None when one is too fresh to trust.

    ctime cannot be set from user space, so any write to a file changes its stamp; a file modified within
    SETTLED_SECONDS could be rewritten again within the clock's granularity, so it is never trusted.
    """
    parts = []
    newest = 0
    for f in [*(directory / n for n in TABLE_FILES), *_code_files()]:
        try:
            st = f.stat()
        except OSError:
            return None
        newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
        parts.append(f"{f}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}")
    if time.time_ns() - newest < SETTLED_SECONDS * 1e9:
        return None
    return "\n".join(parts)


def _digest_for(directory: Path) -> tuple[str, dict[str, bytes] | None]:
    """The content digest, from the stamp memo when no input changed since it was hashed (no 4 MB read)."""
    stamp = _stamp(directory)
    known = _unpickle(cache_dir() / "digests.pickle") if stamp else None
    if isinstance(known, dict) and isinstance(known.get(stamp), str):
        return known[stamp], None
    blobs = _read(directory)
    digest = table_digest(blobs)
    if stamp:
        memo = dict(list(known.items())[-7:]) if isinstance(known, dict) else {}
        memo[stamp] = digest
        _write_cache(cache_dir() / "digests.pickle", memo)
    return digest, blobs


def _cache_file(kind: str, digest: str) -> Path:
    return cache_dir() / f"{kind}-{digest}.pickle"


def _unpickle(path: Path) -> Any:
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, IndexError):
        return None  # no cache yet, or an unreadable one: the caller rebuilds


@lru_cache(maxsize=1)
def load_table() -> FoodTable:
    """The bundled table, from the cache when its content hash matches, else rebuilt and re-cached."""
    directory = data_dir()
    digest, blobs = _digest_for(directory)
    table = _read_mapped(_cache_file("table", digest))
    if not (isinstance(table, FoodTable) and table.digest == digest):
        if blobs is None:
            blobs = _read(directory)
            digest = table_digest(blobs)
        table = build_table(blobs, digest)
        _write_cache(_cache_file("index", digest), table.index)
        _write_cache(_cache_file("table", digest), table, mapped=True)
    return table


def _load_index(digest: str) -> SearchIndex:
    """The search index of a cached table, from its file; rebuilt from data/ if that file went missing."""
    from mgb6.matcher import SearchIndex

    index = _unpickle(_cache_file("index", digest))
    if isinstance(index, SearchIndex):
        return index
    blobs = _read(data_dir())
    if table_digest(blobs) != digest:
        raise DataError("the food table changed while mgb6 was running; run the command again")
    index = build_table(blobs, digest).index
    _write_cache(_cache_file("index", digest), index)
    return index


MEMO_MAX = 50_000  # distinct food texts kept on disk; past that, new ones are matched afresh each run


def save_matches(table: FoodTable) -> None:
    """Persist the match memo when it grew, so the next run skips the fuzzy search for known foods."""
    if table._memo is None or len(table.memo) <= table.memo_saved or table.memo_saved >= MEMO_MAX:
        return
    memo = table.memo
    if len(memo) > MEMO_MAX:
        memo = dict(list(memo.items())[:MEMO_MAX])
    _write_cache(_cache_file("matches", table.digest), memo)
    table.memo_saved = len(memo)


KEEP_DIGESTS = 3  # tables of other versions (another venv, another checkout) stay usable side by side


def _write_cache(path: Path, obj: object, keep: int | None = KEEP_DIGESTS, mapped: bool = False) -> None:
    """Best effort: a read-only home still works, just more slowly. Atomic rename, never a torn file.

    ``mapped`` writes the layout _read_mapped reads: large buffers after the pickle, not inside it.
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


def _read_mapped(path: Path) -> Any:
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


# --- what the last check of a log learnt, line by line ----------------------------------------------------

LOG_MEMO_LINES = 5_000  # distinct lines of one check kept for the next; a bigger log is read afresh
KEEP_LOG_MEMOS = 16  # logs (or sets of logs checked together) remembered at once

LogMemo = tuple[dict[str, Any], dict[Any, Any]]  # (parser readings by raw line, scorer resolutions)


def _log_memo_file(table: FoodTable, paths: Sequence[str]) -> tuple[Path, str] | None:
    """Where the memo of these log files lives; None for standard input, which has no name to key on."""
    if not paths or "-" in paths:
        return None
    import zlib

    key = "\n".join(sorted(os.path.realpath(p) for p in paths))
    return cache_dir() / f"logmemo-{table.digest}-{zlib.crc32(key.encode()):08x}.pickle", key


def load_log_memo(table: FoodTable, paths: Sequence[str]) -> LogMemo:
    """How the last check of these very files on this table and code read and resolved each line.

    Someone who checks a log after every meal re-reads the same lines all day; with this, only new lines
    are parsed and matched (README "Performance"). A line's reading depends on its text, the code and
    the table alone, and the file name carries the digest of code and data, so nothing here goes stale.
    """
    where = _log_memo_file(table, paths)
    saved = _unpickle(where[0]) if where else None
    if (isinstance(saved, tuple) and len(saved) == 3 and where and saved[0] == where[1]
            and isinstance(saved[1], dict) and isinstance(saved[2], dict)):  # fmt: skip
        return saved[1], saved[2]
    return {}, {}


def save_log_memo(table: FoodTable, paths: Sequence[str], memo: LogMemo, before: LogMemo) -> None:
    """Keep this run's readings and resolutions for the next check of the same files, when they changed.

    ``memo`` holds exactly the lines of this run, so lines edited away do not pile up.
    """
    where = _log_memo_file(table, paths)
    lines, resolved = memo
    if where is None or len(lines) > LOG_MEMO_LINES:
        return
    if lines.keys() == before[0].keys() and resolved.keys() == before[1].keys():
        return  # nothing new: a repeat check writes nothing
    # replacing this log's memo adds no file: the folder needs pruning only when a log is new to it
    keep = KEEP_LOG_MEMOS if not (before[0] or before[1]) else None
    _write_cache(where[0], (where[1], lines, resolved), keep=keep)


CUSTOM_REQUIRED = ("id", "description", "magnesium_mg_per_100g", "vitamin_b6_mg_per_100g")
CUSTOM_OPTIONAL = ("name", "category", "energy_kcal_per_100g", "synonyms", "source")
CUSTOM_MAX_BYTES = 1 << 26  # 64 MB: far above any hand-kept foods file; refuses /dev/zero before reading
CUSTOM_NUMERIC = ("magnesium_mg_per_100g", "vitamin_b6_mg_per_100g", "energy_kcal_per_100g")


def load_custom_foods(path: Path) -> list[dict[str, str]]:
    """Read and validate a user's foods CSV (the columns of data/foods.csv); errors name file:line:column.

    Nutrient cells may be empty (unknown, as in USDA's table) but never text or negative: a wrong
    custom value would silently skew every total it touches.
    """
    from mgb6.errors import InputError
    from mgb6.files import read_regular

    try:
        text = read_regular(path, CUSTOM_MAX_BYTES, "foods file").decode("utf-8-sig")
    except InputError as exc:
        raise DataError(str(exc)) from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start + 1})") from exc
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    import csv

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DataError(f"{path}: empty file; the first line must name the columns") from None
    except csv.Error as exc:
        raise DataError(f"{path}:1: {exc}") from exc
    missing = [c for c in CUSTOM_REQUIRED if c not in header]
    if missing:
        raise DataError(f"{path}:1: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    col = {name: i for i, name in enumerate(header)}
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    start = reader.line_num + 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise DataError(f"{path}:{line}:{len(header) + 1}: more cells than the header names")
            row = {name: (cells[i].strip() if i < len(cells) else "") for name, i in col.items()}
            for name in ("id", "description"):
                if not row[name]:
                    raise DataError(f"{path}:{line}:{col[name] + 1}: {name} is empty")
            for name in CUSTOM_NUMERIC:
                if name not in col or not row[name]:
                    continue
                where = f"{path}:{line}:{col[name] + 1}"
                try:
                    value = float(row[name])
                except ValueError:
                    raise DataError(f"{where}: {name} must be a number, not {row[name]!r}") from None
                if value != value or value in (float("inf"), float("-inf")):
                    raise DataError(f"{where}: {name} must be a finite number, not {row[name]!r}")
                if value < 0:
                    raise DataError(f"{where}: {name} cannot be negative ({row[name]})")
            if row["id"] in seen:
                raise DataError(
                    f"{path}:{line}:{col['id'] + 1}: duplicate id {row['id']!r}"
                    f" (first on line {seen[row['id']]})"
                )
            seen[row["id"]] = line
            rows.append(row)
    except csv.Error as exc:
        raise DataError(f"{path}:{reader.line_num}: {exc}") from exc
    return rows


def load_table_with(custom: Sequence[Path]) -> FoodTable:
    """The bundled table plus the user's foods; custom rows win over USDA ones on equal ids and names.

    Built apart from the bundled table and cached in a ``custom-<digest>.pickle`` of its own: the
    bundled table's cache file and its lru_cache stay untouched, so a custom file can neither poison
    nor evict them.
    """
    from mgb6.matcher import SearchIndex, normalize

    rows: dict[str, dict[str, str]] = {}
    for path in custom:
        for row in load_custom_foods(path):
            rows[row["id"]] = row  # a later file overrides an earlier one
    if not rows:
        return load_table()
    blobs = _read(data_dir())
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")  # the column order of data/foods.csv
    for r in rows.values():
        w.writerow([
            r["id"], "custom", r["description"], r.get("name") or r["description"],
            r.get("category") or "Custom foods", r["magnesium_mg_per_100g"], r["vitamin_b6_mg_per_100g"],
            r.get("energy_kcal_per_100g", ""), r.get("synonyms", ""),
        ])  # fmt: skip
    custom_blob = buf.getvalue().encode("utf-8")
    # keyed by the bundled table's digest (code + data) and the custom rows; a file of its own
    import hashlib

    digest = "custom-" + hashlib.sha256(load_table().digest.encode() + custom_blob).hexdigest()[:20]
    path = cache_dir() / f"{digest}.pickle"
    cached = _unpickle(path)  # (table, index): a custom index cannot be rebuilt from data/ alone
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], FoodTable):
        table, index = cached
        if table.digest == digest and isinstance(index, SearchIndex):
            table._index = index
            return table
    foods_blob = blobs["foods.csv"].rstrip(b"\n") + b"\n" + custom_blob
    table = build_table({**blobs, "foods.csv": foods_blob}, digest)
    for food_id in rows:
        i = table.by_id[food_id]
        f = table.foods[i]
        for phrase in (f.description, f.name, *f.synonyms.split(";")):
            key = normalize(phrase)
            if key:
                table.aliases[key] = i
    _write_custom_cache(path, table)
    return table


def _write_custom_cache(path: Path, table: FoodTable) -> None:
    """Like _write_cache, but only ever replaces older custom-*.pickle files, never the bundled one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((table, table.index), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("custom-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def load_dri() -> list[dict[str, str]]:
    """Just the DRI rows (IOM, then EFSA), for commands that need targets but no foods (``mgb6 targets``)."""
    rows: list[dict[str, str]] = []
    for name in ("dri.csv", "dri_efsa.csv"):
        path = data_dir() / name
        try:
            rows += _rows(path.read_bytes())
        except OSError as exc:
            raise DataError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return rows


def cached(kind: str, table: FoodTable, build: Callable[[], T]) -> T:
    """``build()``, kept in ``<kind>-<digest>.pickle``: for values derived from one table alone.

    The digest covers the data and every module's code, so a cached value is never stale.
    """
    path = _cache_file(kind, table.digest)
    value = _unpickle(path)
    if value is None:
        value = build()
        _write_cache(path, value)
    return value


@lru_cache(maxsize=1)
def load_suggestable() -> list[dict[str, str]]:
    """The everyday foods suggestions may name (data/suggestable.csv), cached beside the table.

    csv.DictReader takes ~4 ms for its thousand rows, a pickle of them under 1 ms; the file is part of the
    table digest, so the cached rows can never be stale.
    """
    cached = _cache_file("suggestable", load_table().digest)
    rows = _unpickle(cached)
    if isinstance(rows, list):
        return rows
    path = data_dir() / "suggestable.csv"
    try:
        rows = _rows(path.read_bytes())
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from exc
    _write_cache(cached, rows)
    return rows
