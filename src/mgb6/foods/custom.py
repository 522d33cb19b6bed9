"""A user's own foods (a CSV with the columns of data/foods.csv), validated and merged into the table."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from mgb6 import cache
from mgb6.errors import DataError, InputError
from mgb6.foods.table import FoodTable, build_table, load_table, read_tables
from mgb6.paths import cache_dir, data_dir, read_regular

CUSTOM_REQUIRED = ("id", "description", "magnesium_mg_per_100g", "vitamin_b6_mg_per_100g")
CUSTOM_MAX_BYTES = 1 << 26  # 64 MB: far above any hand-kept foods file; refuses /dev/zero before reading
CUSTOM_NUMERIC = ("magnesium_mg_per_100g", "vitamin_b6_mg_per_100g", "energy_kcal_per_100g")


def load_custom_foods(path: Path) -> list[dict[str, str]]:
    """Read and validate a user's foods CSV (the columns of data/foods.csv); errors name file:line:column.

    Nutrient cells may be empty (unknown, as in USDA's table) but never text or negative: a wrong
    custom value would silently skew every total it touches.
    """
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
    from mgb6.foods.index import SearchIndex
    from mgb6.foods.words import normalize

    rows: dict[str, dict[str, str]] = {}
    for path in custom:
        for row in load_custom_foods(path):
            rows[row["id"]] = row  # a later file overrides an earlier one
    if not rows:
        return load_table()
    blobs = read_tables(data_dir())
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
    digest = cache.custom_digest(load_table().digest, custom_blob)
    path = cache_dir() / f"{digest}.pickle"
    cached = cache.unpickle(path)  # (table, index): a custom index cannot be rebuilt from data/ alone
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
    cache.write_custom_cache(path, (table, table.index))
    return table
