"""Are two warehouses' marts the same? Row count and an order-independent content hash of every marts.* table.

    .venv/bin/python scripts/compare_marts.py A.duckdb B.duckdb [--ignore-column TABLE.COLUMN ...]

Prints one line per table (rows and hash of each side, `same` or `DIFFERENT`) and exits 0 when every
table of either side exists in both with equal columns, row count and hash, 1 otherwise, 2 when a
file cannot be read. Both files are opened read-only.

The hash of a table is the sum, modulo 2^64, of DuckDB's ``hash()`` of each row as a struct of its
columns in name order: the same multiset of rows gives the same hash whatever order the rows were
written in, a changed, added or removed row changes it. Columns that record when a build ran, not
what it built (``--ignore-column``; by default those of ``VOLATILE_COLUMNS``) are left out.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

SCHEMA = "marts"
# Timestamps of the build itself: two builds of the same documents differ here and nowhere else.
VOLATILE_COLUMNS = frozenset({"*.parsed_at", "*.refused_at", "*.built_at", "*.loaded_at"})


@dataclass(frozen=True)
class TableDigest:
    table: str
    columns: tuple[str, ...]
    rows: int
    content_hash: str


def _ignored(table: str, column: str, ignore: frozenset[str]) -> bool:
    return f"{table}.{column}" in ignore or f"*.{column}" in ignore


def digest_marts(path: Path, ignore: frozenset[str] = VOLATILE_COLUMNS) -> dict[str, TableDigest]:
    """Every table and view of schema ``marts`` in the warehouse at ``path``: its columns, row count and hash."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [name for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = ? order by table_name",
            [SCHEMA]).fetchall()]
        digests = {}
        for table in tables:
            columns = tuple(sorted(
                name for (name,) in con.execute(
                    "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
                    [SCHEMA, table]).fetchall()
                if not _ignored(table, name, ignore)))
            row = ", ".join(f'"{name}" := t."{name}"' for name in columns) or "x := 0"
            rows, content = con.execute(
                # hash() is UBIGINT; the sum of hashes is a HUGEINT, kept to 64 bits like an unsigned wrap
                f'select count(*), coalesce(sum(hash(struct_pack({row})))::hugeint % 18446744073709551616, 0) '
                f'from "{SCHEMA}"."{table}" t').fetchone()
            digests[table] = TableDigest(table, columns, int(rows), f"{int(content):016x}")
        return digests
    finally:
        con.close()


def compare(left: dict[str, TableDigest], right: dict[str, TableDigest]) -> tuple[list[str], bool]:
    """Lines describing each table on both sides, and whether all of them are the same."""
    lines, same = [], True
    width = max((len(name) for name in left.keys() | right.keys()), default=5)
    for table in sorted(left.keys() | right.keys()):
        a, b = left.get(table), right.get(table)
        if a is None or b is None:
            same = False
            lines.append(f"{table:<{width}}  only in {'the second' if a is None else 'the first'} warehouse  DIFFERENT")
            continue
        equal = a.columns == b.columns and a.rows == b.rows and a.content_hash == b.content_hash
        same &= equal
        note = "" if a.columns == b.columns else f"  columns differ: {sorted(set(a.columns) ^ set(b.columns))}"
        lines.append(f"{table:<{width}}  {a.rows:>9} rows {a.content_hash}  {b.rows:>9} rows {b.content_hash}  "
                     f"{'same' if equal else 'DIFFERENT'}{note}")
    if not left and not right:
        same = False
        lines.append(f"no {SCHEMA}.* tables in either warehouse")
    return lines, same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--ignore-column", action="append", default=None, metavar="TABLE.COLUMN",
                        help="a column to leave out (TABLE may be *); default: " + ", ".join(sorted(VOLATILE_COLUMNS)))
    args = parser.parse_args(argv)
    ignore = frozenset(args.ignore_column) if args.ignore_column is not None else VOLATILE_COLUMNS
    try:
        left, right = digest_marts(args.first, ignore), digest_marts(args.second, ignore)
    except Exception as error:  # noqa: BLE001 - a missing or unreadable file is named, not a traceback
        print(f"compare_marts: cannot read the marts: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    lines, same = compare(left, right)
    print(f"first : {args.first}\nsecond: {args.second}")
    for line in lines:
        print(line)
    print("marts are the same" if same else "marts DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
