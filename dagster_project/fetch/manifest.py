"""The sources manifest: a CSV with `url` and optional `agency`, `year`, `kind` (report | listing).

People edit it in Excel, so it may carry a BOM or be saved as GBK; it is decoded like any page.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

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


def read_manifest(path: Path) -> list[ManifestEntry]:
    """Entries in file order, first occurrence of each URL only. Missing or empty file: []."""
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
    seen: set[str] = set()
    for row in reader:
        url = cell(row, "url")
        if not url or url.startswith("#") or url in seen:
            continue
        seen.add(url)
        entries.append(
            ManifestEntry(
                url=url,
                kind=(cell(row, "kind") or "report").lower(),
                agency=cell(row, "agency") or None,
                year=_year(cell(row, "year")),
                line=reader.line_num,
            )
        )
    return entries
