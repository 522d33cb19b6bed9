"""The food table: the bundled USDA tables loaded once, in one place, and kept compact for the cache.

``load_table`` is the table loader every command goes through; the cache files it reads and writes, and
the digest they are keyed by, are cache.py's. Custom foods (a user's CSV) are custom.py's.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from mgb6 import cache
from mgb6.cache import Packed
from mgb6.errors import DataError
from mgb6.models import Food, Portion
from mgb6.paths import TABLE_FILES, data_dir

if TYPE_CHECKING:
    from mgb6.foods.index import SearchIndex

T = TypeVar("T")


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
    resolved: dict[Any, Any] = field(default_factory=dict)  # nutrition.tally.Scorer's per-process memo
    _portions: dict[int, list[Portion]] = field(default_factory=dict)
    # informal amount ("pinch") -> (how many, of which measure, the note's wording, "" or "drinks" it applies
    # to): data/amounts.csv
    amounts: dict[str, tuple[float, str, str, str]] = field(default_factory=dict)

    @property
    def by_id(self) -> dict[str, int]:
        """Food id -> index, from its own small cache file (suggestions need it whenever there is a gap)."""
        if self._by_id is None:
            path = cache.cache_file("ids", self.digest)
            ids = cache.unpickle(path)
            if not isinstance(ids, dict) or len(ids) != len(self.foods):
                ids = {food_id: i for i, food_id in enumerate(self.foods.ids())}
                cache.write_cache(path, ids)
            self._by_id = ids
        return self._by_id

    @property
    def memo(self) -> dict[str, Any]:
        """Normalised food text -> matcher result, from earlier runs on exactly this table and code."""
        if self._memo is None:
            saved = cache.unpickle(cache.cache_file("matches", self.digest))
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
        return (self.foods, self.portion_rows, self.aliases, self.default_units, self.dri, self.digest,
                self.amounts)  # fmt: skip

    def __setstate__(self, state: tuple[object, ...]) -> None:
        (self.foods, self.portion_rows, self.aliases, self.default_units, self.dri, self.digest,  # type: ignore
         self.amounts) = state  # fmt: skip
        self._by_id = None
        self._index = None
        self._memo = None
        self.memo_saved = 0
        self.resolved = {}
        self._portions = {}


def read_tables(directory: Path) -> dict[str, bytes]:
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
    from mgb6.foods.index import OVER_SYNONYM, PLURAL_KEY, PLURAL_ONLY, build_index
    from mgb6.foods.words import normalize

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
    overridden: dict[str, int] = {}  # a USDA synonym a reviewed alias stands for instead
    for r in _rows(blobs["aliases.csv"]):
        i = by_id.get(r["food_id"])
        if i is None:
            raise DataError(f"aliases.csv: unknown food id {r['food_id']!r} for {r['phrase']!r}")
        if (r.get("note") or "").startswith(PLURAL_ONLY):
            # "crisps" (British potato chips), never "crisp" (a describing word, or an apple crisp)
            aliases.setdefault(normalize(r["phrase"]) + PLURAL_KEY, i)
            continue
        aliases.setdefault(normalize(r["phrase"]), i)
        extra.append((i, r["phrase"], 2))
        if (r.get("note") or "").startswith(OVER_SYNONYM):
            overridden[normalize(r["phrase"])] = i
        if r.get("unit"):
            default_units.setdefault(i, r["unit"].strip())
    for i, f in enumerate(foods):
        for syn in f.synonyms.split(";"):
            if syn.strip() and overridden.get(normalize(syn), i) == i:
                extra.append((i, syn.strip(), 1))
    words = {
        normalize(r["word"]): (normalize(r["means"]), frozenset(normalize(r.get("unless") or "").split()))
        for r in _rows(blobs["words.csv"])
    }
    index = build_index(list(foods), extra, words)
    dri = _rows(blobs["dri.csv"]) + _rows(blobs["dri_efsa.csv"])  # authorities: iom (default), efsa
    table = FoodTable(foods, by_id, portions, aliases, default_units, dri, index, digest)
    table.amounts = informal_amounts(blobs["amounts.csv"])
    return table


def informal_amounts(blob: bytes) -> dict[str, tuple[float, str, str, str]]:
    """data/amounts.csv, checked: every row names a unit mgb6 reads, a measure it can weigh, and a source
    (a row without one would be an invented number)."""
    from mgb6.log.units import MASS_G, VOLUME_ML, canonical_unit

    out: dict[str, tuple[float, str, str, str]] = {}
    for n, r in enumerate(_rows(blob), start=2):
        unit, measure = canonical_unit(r.get("unit") or ""), (r.get("measure") or "").strip()
        sourced = bool((r.get("source") or "").strip())
        if not unit or (measure not in VOLUME_ML and measure not in MASS_G) or not sourced:
            raise DataError(f"amounts.csv:{n}: needs a known unit, a measure (tsp, g, ...) and a source")
        try:
            amount = float(r["amount"])
        except (TypeError, ValueError) as exc:
            raise DataError(f"amounts.csv:{n}: amount {r.get('amount')!r} is not a number") from exc
        wording = (r.get("wording") or "").strip() or f"a {unit} taken as {amount:g} {measure}"
        applies_to = (r.get("applies_to") or "").strip()
        if applies_to not in ("", "drinks", "meat", "produce", "pieces"):
            raise DataError(
                f"amounts.csv:{n}: applies_to is '' (any food), 'drinks', 'meat', 'produce' or 'pieces', "
                f"not {applies_to!r}"
            )
        # (a handful of fruit and a handful of small pieces are two rows of one unit)
        out[f"{unit}/{applies_to}" if applies_to in ("produce", "pieces") else unit] = (
            amount,
            measure,
            wording,
            applies_to,
        )
    return out


def _digest_for(directory: Path) -> tuple[str, dict[str, bytes] | None]:
    """The content digest, from the stamp memo when no input changed since it was hashed (no 4 MB read)."""
    stamp = cache.stamp(directory)
    known = cache.remembered_digest(stamp) if stamp else None
    if known is not None:
        return known, None
    blobs = read_tables(directory)
    digest = cache.table_digest(blobs)
    if stamp:
        cache.remember_digest(stamp, digest)
    return digest, blobs


@lru_cache(maxsize=1)
def load_table() -> FoodTable:
    """The bundled table, from the cache when its content hash matches, else rebuilt and re-cached."""
    directory = data_dir()
    digest, blobs = _digest_for(directory)
    table = cache.read_mapped(cache.cache_file("table", digest))
    if not (isinstance(table, FoodTable) and table.digest == digest):
        if blobs is None:
            blobs = read_tables(directory)
            digest = cache.table_digest(blobs)
        table = build_table(blobs, digest)
        cache.write_cache(cache.cache_file("index", digest), table.index)
        cache.write_cache(cache.cache_file("table", digest), table, mapped=True)
    return table


def _load_index(digest: str) -> SearchIndex:
    """The search index of a cached table, from its file; rebuilt from data/ if that file went missing."""
    from mgb6.foods.index import SearchIndex

    index = cache.unpickle(cache.cache_file("index", digest))
    if isinstance(index, SearchIndex):
        return index
    blobs = read_tables(data_dir())
    if cache.table_digest(blobs) != digest:
        raise DataError("the food table changed while mgb6 was running; run the command again")
    index = build_table(blobs, digest).index
    cache.write_cache(cache.cache_file("index", digest), index)
    return index


MEMO_MAX = 50_000  # distinct food texts kept on disk; past that, new ones are matched afresh each run


def save_matches(table: FoodTable) -> None:
    """Persist the match memo when it grew, so the next run skips the fuzzy search for known foods."""
    if table._memo is None or len(table.memo) <= table.memo_saved or table.memo_saved >= MEMO_MAX:
        return
    memo = table.memo
    if len(memo) > MEMO_MAX:
        memo = dict(list(memo.items())[:MEMO_MAX])
    cache.write_cache(cache.cache_file("matches", table.digest), memo)
    table.memo_saved = len(memo)


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
    return cache.cached(kind, table.digest, build)


@lru_cache(maxsize=1)
def load_suggestable() -> list[dict[str, str]]:
    """The everyday foods suggestions may name (data/suggestable.csv), cached beside the table.

    csv.DictReader takes ~4 ms for its thousand rows, a pickle of them under 1 ms; the file is part of the
    table digest, so the cached rows can never be stale.
    """
    cached = cache.cache_file("suggestable", load_table().digest)
    rows = cache.unpickle(cached)
    if isinstance(rows, list):
        return rows
    path = data_dir() / "suggestable.csv"
    try:
        rows = _rows(path.read_bytes())
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from exc
    cache.write_cache(cached, rows)
    return rows
