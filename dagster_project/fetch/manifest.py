"""The sources manifest: a CSV with `url` and optional `agency`, `year`, `kind` (report | listing).

People edit it in Excel, so it may carry a BOM or be saved as GBK; it is decoded like any page.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..ingest.decode import decode_bytes

KINDS = ("report", "listing")
_YEAR = re.compile(r"(?:19|20)\d{2}")


class ManifestError(ValueError):
    """The file exists but cannot be a manifest (e.g. no `url` column)."""


@dataclass(frozen=True)
class ManifestEntry:
    url: str
    kind: str = "report"  # anything else is kept and refused by the run, so it shows in provenance
    agency: str | None = None
    year: int | None = None
    line: int = 0  # CSV line, for messages


def _year(value: str | None) -> int | None:
    match = _YEAR.search(value or "")
    return int(match.group()) if match else None


def read_manifest(path: Path, warn: Callable[[str], None] = lambda _: None) -> list[ManifestEntry]:
    """Entries in file order, first occurrence of each URL only. Missing or empty file: []. ``warn`` is told
    of each row read otherwise than it may have been meant: a year that is no year, a URL given again, a URL
    holding a comma or a line break (a quote left open swallows the next cells)."""
    path = Path(path)
    if not path.is_file():
        return []
    text = decode_bytes(path.read_bytes()).text.lstrip("\ufeff")
    if not text.strip():
        return []
    reader = csv.DictReader(io.StringIO(text))
    columns = {(name or "").strip().lower(): name for name in reader.fieldnames or []}
    if "url" not in columns:
        raise ManifestError(f"{path}: no 'url' column (found {sorted(columns)})")

    def cell(row: dict, name: str) -> str:
        original = columns.get(name)
        return (row.get(original) or "").strip() if original else ""

    entries: list[ManifestEntry] = []
    seen: dict[str, int] = {}
    for row in reader:
        url = cell(row, "url")
        if not url or url.startswith("#"):
            continue
        line = reader.line_num
        if url in seen:
            warn(f"{path.name} line {line}: the URL of line {seen[url]} again; this row is not read")
            continue
        seen[url] = line
        if any(mark in url for mark in (",", "\n", "\r")):
            warn(f"{path.name} line {line}: the URL holds a comma or a line break ({url[:80]!r}): a quote left open?")
        year_cell = cell(row, "year")
        year = _year(year_cell)
        if year_cell and year is None:
            warn(f"{path.name} line {line}: year {year_cell!r} is no year (1900-2099): fetched without one")
        entries.append(ManifestEntry(url=url, kind=(cell(row, "kind") or "report").lower(),
                                     agency=cell(row, "agency") or None, year=year, line=line))
    return entries
