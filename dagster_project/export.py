"""`make export`: every mart of the warehouse as CSV and Parquet files, for spreadsheets and notebooks.

The warehouse is opened read-only, so an export can run beside the UI or a query prompt; each file
is written under a temporary name and renamed when complete, so a failed export never leaves a
half-written file where a complete one is expected.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from .settings import PROJECT_ROOT, get_settings

# DuckDB COPY options of each export format
FORMATS = {
    "csv": "FORMAT csv, HEADER true",
    "parquet": "FORMAT parquet, COMPRESSION zstd",
}


class ExportSettings(BaseSettings):
    """Where `make export` writes and what (`GOVINFO_EXPORT_DIR`, `GOVINFO_EXPORT_SCHEMA_NAME`, `GOVINFO_EXPORT_FORMATS`)."""

    model_config = SettingsConfigDict(env_prefix="GOVINFO_EXPORT_")

    dir: Path = Field(PROJECT_ROOT / "exports", description="folder of the exported files (git-ignored)")
    schema_name: str = Field("marts", description="schema whose tables are exported")
    formats: tuple[str, ...] = Field(("csv", "parquet"), description="file formats written per table")
    csv_bom: bool = Field(True, description="CSV files open with a UTF-8 byte-order mark, so spreadsheets (Excel on "
                                             "a Chinese Windows) read the Chinese text as UTF-8, not as GBK")


@dataclass(frozen=True)
class ExportedTable:
    table: str
    rows: int
    files: tuple[Path, ...]


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


UTF8_BOM = b"\xef\xbb\xbf"


def _with_bom(path: Path) -> None:
    """Put a UTF-8 byte-order mark before the file's bytes (DuckDB's COPY writes none)."""
    marked = path.with_name(path.name + ".bom")
    with path.open("rb") as plain, marked.open("wb") as out:
        out.write(UTF8_BOM)
        shutil.copyfileobj(plain, out, 1 << 20)
    os.replace(marked, path)


def export_marts(warehouse: Path, out_dir: Path, schema: str = "marts",
                 formats: tuple[str, ...] = ("csv", "parquet"), csv_bom: bool = True) -> list[ExportedTable]:
    """Write every table of ``schema`` to ``out_dir/<table>.<format>``; returns what was written."""
    import duckdb

    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown export format(s) {unknown}; known: {sorted(FORMATS)}")
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: build it first (make run)")
    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = [t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = ? order by table_name",
            [schema]).fetchall()]
        if not tables:
            raise LookupError(f"{warehouse} has no tables in schema {schema!r}: was the build completed?")
        exported = []
        for table in tables:
            relation = f'"{schema}"."{table}"'
            rows = con.execute(f"select count(*) from {relation}").fetchone()[0]
            files = []
            for fmt in formats:
                target = out_dir / f"{table}.{fmt}"
                partial = out_dir / f".{table}.{fmt}.partial"
                try:
                    con.execute(f"copy (select * from {relation}) to {_literal(partial)} ({FORMATS[fmt]})")
                    if fmt == "csv" and csv_bom:
                        _with_bom(partial)
                    os.replace(partial, target)
                finally:
                    partial.unlink(missing_ok=True)
                    partial.with_name(partial.name + ".bom").unlink(missing_ok=True)
                files.append(target)
            exported.append(ExportedTable(table, rows, tuple(files)))
        return exported
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    import duckdb

    settings = ExportSettings()
    parser = argparse.ArgumentParser(prog="make export", description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=None, help="DuckDB file (default: GOVINFO_WAREHOUSE)")
    parser.add_argument("--out", type=Path, default=settings.dir, help=f"output folder (default: {settings.dir})")
    args = parser.parse_args(argv)
    warehouse = (args.warehouse or get_settings().warehouse).expanduser().resolve()
    try:
        exported = export_marts(warehouse, args.out, settings.schema_name, settings.formats, settings.csv_bom)
    except (FileNotFoundError, LookupError, ValueError, duckdb.Error) as error:
        print(f"export failed: {error}", file=sys.stderr)
        return 1
    print(f"govinfo-warehouse: exported {len(exported)} tables of {warehouse} to {args.out}")
    for item in exported:
        print(f"  {item.table:<32} {item.rows:>8} rows  " + ", ".join(p.name for p in item.files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
