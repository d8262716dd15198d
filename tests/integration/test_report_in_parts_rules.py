"""The rules of a report whose first part prints no table, in a real build: 平潭's 2020 report cut by a pager
before its first table (t20210305_80595.htm, prose only; _1.htm, every table), with the 总计 row's
natural-person cell misprinted (20 → 25) on the second part. The identities are read on the tables of the
second part, under the report (its first part), and the failing cells name the part that prints them.
Before, the report took its first part's form ('narrative'): it had no in-report rule at all, the
misprint passed unseen, and the agency-year read 'narrative'. The first part's prose is changed to 23
requests (the table prints 21), and the second part states 21 in a sentence of its own: the failing
X-NARRATIVE lists the prose figure it compared and the table's, once each."""
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


def _prose_says(html: str, before: str, after: str) -> str:
    assert before in html
    return html.replace(before, after, 1)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "pingtan").mkdir()
    first = (PARTS / Path(FIRST).name).read_text(encoding="utf-8")
    (raw / FIRST).write_text(_prose_says(first, "共受理政府信息公开申请21件", "共受理政府信息公开申请23件"), encoding="utf-8")
    second = _misprinted((PARTS / Path(SECOND).name).read_text(encoding="utf-8"))
    second = _prose_says(second, "五、存在的主要问题及改进情况",
                         "全年共受理政府信息公开申请21件。</p><p>五、存在的主要问题及改进情况")
    (raw / SECOND).write_text(second, encoding="utf-8")
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


def test_a_failing_narrative_lists_the_prose_figure_it_compared_once(warehouse):
    rules = warehouse.execute(
        "select status, lhs, rhs from marts.fct_reconciliation where rule_id = 'X-NARRATIVE' "
        "and subject = 'requests_received' order by status").fetchall()
    assert rules == [("fail", 23.0, 21.0), ("pass", 21.0, 21.0)]
    cells = warehouse.execute(
        "select side, source_path, indicator_code, value from marts.fct_reconciliation_cell "
        "where rule_id = 'X-NARRATIVE' order by side").fetchall()
    assert cells == [("lhs", FIRST, "n.requests.received", 23.0), ("rhs", SECOND, "t3.new_received", 21.0)]


def _build_paged():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_paged", PARTS / "build_paged.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_report_fit_for_analysis_reads_its_parts(warehouse, tmp_path_factory):
    # the misprint fails rules: the report is not fit. 平潭's 2023 report (whose rules all pass) cut before its
    # tables is fit, of the form its second part prints, with the rules of both parts
    assert warehouse.execute("select count(*) from marts.mart_reports_fit_for_analysis").fetchone()[0] == 0
    raw = tmp_path_factory.mktemp("raw_2023")
    (raw / "pingtan").mkdir()
    names = ("t20240325_87885.htm", "t20240325_87885_1.htm")
    html = (PARTS.parents[1] / "pingtan_site" / "reports" / "202403_87885.html").read_text(encoding="utf-8")
    for name, part in zip(names, _build_paged().pages(html, *names, "before the tables")):
        (raw / "pingtan" / name).write_text(part, encoding="utf-8")
    path = tmp_path_factory.mktemp("wh_2023") / "warehouse.duckdb"
    assert materialize(raw, path).success
    with duckdb.connect(str(path), read_only=True) as built:
        fit = built.execute("select template_code, rules_assessed from marts.mart_reports_fit_for_analysis").fetchall()
        assessed = built.execute("select count(*) from marts.fct_reconciliation where status <> 'not_assessable' "
                                 "and severity = 'warn'").fetchone()[0]
        forms = built.execute("select source_path, template_code from marts.dim_report order by 1").fetchall()
    assert forms == [("pingtan/t20240325_87885.htm", "narrative"), ("pingtan/t20240325_87885_1.htm", "gov2021")]
    assert fit == [("gov2021", assessed)] and assessed > 40
