"""Load the bundled tables once, in one place, through a compact cache keyed by their content hash."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import overload

from mgb6 import __version__
from mgb6.errors import DataError
from mgb6 import matcher as _matcher
from mgb6.matcher import SearchIndex, build_index, normalize
from mgb6.models import Food, Portion

matcher_module = _matcher.__file__
TABLE_FILES = ("foods.csv", "portions.csv", "aliases.csv", "dri.csv", "dri_efsa.csv")
CACHE_FORMAT = 2  # bump when FoodTable's shape or the matcher's normalisation changes


class FoodList(Sequence[Food]):
    """Foods stored as one tab-joined string each: unpickles ~10x faster than 14k tuples; parsed on access."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[str]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> Food: ...
    @overload
    def __getitem__(self, i: slice) -> list[Food]: ...
    def __getitem__(self, i: int | slice) -> Food | list[Food]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        f = self.rows[i].split("\t")
        return Food(f[0], f[1], f[2], f[3], f[4], _num(f[5]), _num(f[6]), _num(f[7]), f[8])

    def __getstate__(self) -> list[str]:
        return self.rows

    def __setstate__(self, rows: list[str]) -> None:
        self.rows = rows


@dataclass(slots=True)
class FoodTable:
    """Foods, their portions, the alias table and the search index, ready for matching."""

    foods: FoodList
    by_id: dict[str, int]
    portion_rows: dict[int, str]  # food index -> "unit\tmodifier\tgrams\tdescription" lines
    aliases: dict[str, int]  # normalised phrase -> food index
    default_units: dict[int, str]  # food index -> count unit people mean by "1 <food>"
    dri: list[dict[str, str]]
    index: SearchIndex
    digest: str

    def portions(self, food_index: int) -> list[Portion]:
        """The USDA household measures of one food (empty when USDA lists none)."""
        out = []
        for row in self.portion_rows.get(food_index, "").splitlines():
            unit, modifier, grams, description = row.split("\t")
            out.append(Portion(unit, modifier, float(grams), description))
        return out


def data_dir() -> Path:
    """Where the tables are: the installed package, or the source checkout for editable installs.

    NOTE: hatch's force-include does not reach editable installs (see ../shared/reference/style.md), so a
    checkout falls back to the repository's ``data/``; MGB6_DATA_DIR overrides both for tests.
    """
    override = os.environ.get("MGB6_DATA_DIR")
    if override:
        return Path(override)
    packaged = resources.files("mgb6") / "data"
    if packaged.is_dir() and (packaged / "foods.csv").is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data"
    if (checkout / "foods.csv").is_file():
        return checkout
    raise DataError("the food table is missing from this installation (reinstall mgb6)")


def cache_dir() -> Path:
    override = os.environ.get("MGB6_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mgb6"))


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
    return list(csv.DictReader(io.StringIO(blob.decode("utf-8"))))


def build_table(blobs: dict[str, bytes], digest: str) -> FoodTable:
    """Turn the CSV files into a FoodTable; slow (tens of ms), hence the cache."""
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
    portions = {i: "\n".join(lines) for i, lines in portion_lists.items()}
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


@lru_cache(maxsize=1)
def load_table() -> FoodTable:
    """The bundled table, from the cache when its content hash matches, else rebuilt and re-cached."""
    blobs = _read(data_dir())
    h = hashlib.sha256(f"{CACHE_FORMAT}:{__version__}".encode())
    # the cached index depends on this code too: hash it so an upgrade never reads a stale index
    for module in (matcher_module, Path(__file__)):
        h.update(Path(module).read_bytes())
    for name in TABLE_FILES:
        h.update(name.encode())
        h.update(blobs[name])
    digest = h.hexdigest()[:20]
    path = cache_dir() / f"table-{digest}.pickle"
    try:
        with path.open("rb") as fh:
            table = pickle.load(fh)
        if isinstance(table, FoodTable) and table.digest == digest:
            return table
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass  # no cache yet, or an unreadable one: rebuild below
    table = build_table(blobs, digest)
    _write_cache(path, table)
    return table


def _write_cache(path: Path, table: FoodTable) -> None:
    """Best effort: a read-only home still works, just more slowly. Atomic rename, never a torn file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("table-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


CUSTOM_REQUIRED = ("id", "description", "magnesium_mg_per_100g", "vitamin_b6_mg_per_100g")
CUSTOM_OPTIONAL = ("name", "category", "energy_kcal_per_100g", "synonyms", "source")
CUSTOM_NUMERIC = ("magnesium_mg_per_100g", "vitamin_b6_mg_per_100g", "energy_kcal_per_100g")


def load_custom_foods(path: Path) -> list[dict[str, str]]:
    """Read and validate a user's foods CSV (the columns of data/foods.csv); errors name file:line:column.

    Nutrient cells may be empty (unknown, as in USDA's table) but never text or negative: a wrong
    custom value would silently skew every total it touches.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise DataError(f"{path}: no such foods file") from exc
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start + 1})") from exc
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from exc
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
    rows: dict[str, dict[str, str]] = {}
    for path in custom:
        for row in load_custom_foods(path):
            rows[row["id"]] = row  # a later file overrides an earlier one
    if not rows:
        return load_table()
    blobs = _read(data_dir())
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
    digest = "custom-" + hashlib.sha256(load_table().digest.encode() + custom_blob).hexdigest()[:20]
    path = cache_dir() / f"{digest}.pickle"
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, FoodTable) and cached.digest == digest:
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass
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
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
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


@lru_cache(maxsize=1)
def load_suggestable() -> list[dict[str, str]]:
    """The everyday foods suggestions may name (data/suggestable.csv, ~1 ms): small, so no pickle cache."""
    path = data_dir() / "suggestable.csv"
    try:
        return _rows(path.read_bytes())
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from exc
