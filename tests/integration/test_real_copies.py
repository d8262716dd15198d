"""Copies of one report on two sites, and reports that only look alike, in a real build of the pages of
tests/fixtures/copies (grouped by hand, SOURCES.md): each group of copies is one canonical report and
its superseded copies; a body's reports of two years and two bodies' look-alike reports of one year
are each a report of their own."""
import json
import shutil
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from warehouse_job import materialize

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "copies"


def _groups() -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for batch in sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()):
        for label in json.loads((FIXTURES / batch / "labels.json").read_text(encoding="utf-8")):
            groups[f"{batch}/{label['group']}"].append(dict(label, path=f"{batch}/{label['file']}"))
    return groups


GROUPS = _groups()


@pytest.fixture(scope="module")
def status(tmp_path_factory) -> dict[str, tuple[str, str | None, int | None]]:
    raw = tmp_path_factory.mktemp("raw")
    for pages in GROUPS.values():
        for page in pages:
            (raw / page["path"]).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(FIXTURES / page["path"], raw / page["path"])
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    assert materialize(raw, warehouse).success
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {path: (state, agency, year) for path, state, agency, year in con.execute(
            "select source_path, duplicate_status, agency_name, report_year from marts.dim_report where doc_type = 'annual_report'"
        ).fetchall()}
    finally:
        con.close()


@pytest.mark.parametrize("group", [g for g in GROUPS if g.split("/")[1].startswith("A")])
def test_copies_are_one_report(status, group):
    pages = [p for p in GROUPS[group] if not p.get("copy_reads_otherwise")]
    states = sorted(status[p["path"]][0] for p in pages)
    assert states == ["canonical"] + ["superseded"] * (len(pages) - 1), [status[p["path"]] for p in pages]
    # the copy that names no body is kept as a report of its own, filed under no agency
    for pinned in (p for p in GROUPS[group] if p.get("copy_reads_otherwise")):
        assert status[pinned["path"]][:2] == ("canonical", None)


@pytest.mark.parametrize("group", [g for g in GROUPS if g.split("/")[1][0] in "BC"])
def test_different_reports_are_each_a_report(status, group):
    pages = [p for p in GROUPS[group] if p["path"] in status]
    assert [status[p["path"]][0] for p in pages] == ["canonical"] * len(pages)
    assert [status[p["path"]][2] for p in pages] == [p["report_year"] for p in pages]
