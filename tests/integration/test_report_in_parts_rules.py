"""The rules of a report whose first part prints no table, in a real build: 平潭's 2020 report cut by a pager
before its first table (t20210305_80595.htm, prose only; _1.htm, every table), with the 总计 row's
natural-person cell misprinted (20 → 25) on the second part. The identities are read on the tables of the
second part, under the report (its first part), and the failing cells name the part that prints them.
Before, the report took its first part's form ('narrative'): it had no in-report rule at all, the
misprint passed unseen, and the agency-year read 'narrative'."""
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from warehouse_job import materialize

PARTS = Path(__file__).resolve().parents[1] / "fixtures" / "quirks" / "report_in_parts"
FIRST, SECOND = "pingtan/t20210305_80595.htm", "pingtan/t20210305_80595_1.htm"


def _misprinted(html: str) -> str:
    """The 总计 row of table three with 25 for its natural persons' 20."""
    row = next(m for m in re.finditer(r"<tr\b.*?</tr>", html, re.S | re.I) if "（七）总计" in m.group(0))
    cells = row.group(0)
    changed = re.sub(r">20<", ">25<", cells, count=1)
    assert changed != cells
    return html[:row.start()] + changed + html[row.end():]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "pingtan").mkdir()
    shutil.copy(PARTS / Path(FIRST).name, raw / FIRST)
    (raw / SECOND).write_text(_misprinted((PARTS / Path(SECOND).name).read_text(encoding="utf-8")), encoding="utf-8")
    path = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    assert materialize(raw, path).success
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def test_the_misprint_fails_the_identities_of_the_report(warehouse):
    failing = warehouse.execute(
        "select r.source_path, f.rule_id, f.applicant_type, f.lhs, f.rhs, f.template_code from marts.fct_reconciliation f "
        "join marts.dim_report r using (report_id) where f.status = 'fail' order by all").fetchall()
    assert (FIRST, "R-T3-BALANCE", "natural_person", 20.0, 25.0, "gov2019") in failing
    assert {(path, rule) for path, rule, *_ in failing} >= {(FIRST, "R-T3-BALANCE"), (FIRST, "R-T3-OUTCOMES")}
    passing = warehouse.execute(
        "select count(*) from marts.fct_reconciliation where status = 'pass' and rule_id like 'R-T4-%'").fetchone()[0]
    assert passing == 3


def test_the_failing_cells_name_the_part_that_prints_them(warehouse):
    cells = warehouse.execute(
        "select source_path, side, indicator_code, value from marts.fct_reconciliation_cell "
        "where rule_id = 'R-T3-BALANCE' and applicant_type = 'natural_person' order by side, indicator_code").fetchall()
    assert ("pingtan/t20210305_80595_1.htm", "rhs", "t3.total_processed", 25.0) in cells
    assert {path for path, *_ in cells} == {SECOND}
    assert all(value is not None for *_, value in cells)


def test_the_agency_year_is_of_the_form_its_parts_print(warehouse):
    row = warehouse.execute("select template_code, rules_failed > 0 from marts.mart_agency_year where report_year = 2020").fetchone()
    assert row == ("gov2019", True)
