"""A report page whose statistics tables are published as a file linked from it, end to end: served by a
real HTTP server on 127.0.0.1, fetched with its attachment, built into a real warehouse (Dagster, dbt,
DuckDB).

The page is the real Pingtan 2022 report page with its tables taken out and a link to them in their
place; the file is those tables saved as an Excel 97-2003 workbook (tests/fixtures/sheet). The tables
name no year and no agency: they are the page's. Page and file print different figures (the page its
prose, the file its tables), so they are one report in two parts, counted once under the page's
agency and year. Before, the file had no year: its 200 figures were in no agency-year.
"""
from __future__ import annotations

import json
import re

import duckdb
import pytest

from fetch_testkit import FIXTURES, conditional, reply, write_manifest
from warehouse_job import materialize

PAGE, SHEET = "/zwgk/zfxxgknb/202302/t20230220_80629.htm", "/attach/2023/0220/tables2022.xls"


def _page_without_tables() -> bytes:
    html = (FIXTURES / "pingtan_site" / "reports" / "202302_80629.html").read_text(encoding="utf-8")
    link = f'<p>附件：<a href="{SHEET}">平潭综合实验区2022年政府信息公开情况统计表.xls</a></p>'
    tables = list(re.finditer(r"<table\b.*?</table>", html, flags=re.S | re.I))
    statistics = [m for m in tables if "申请" in m.group(0) or "信息内容" in m.group(0) or "行政复议" in m.group(0)]
    assert len(statistics) >= 3
    for m in reversed(statistics):
        html = html[:m.start()] + (link if m is statistics[0] else "") + html[m.end():]
    return html.encode("utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from fetch_testkit import FaultServer

    server = FaultServer()
    server.thread.start()
    page = _page_without_tables()
    sheet = (FIXTURES / "sheet" / "pingtan_2022_tables.xls").read_bytes()
    server.route(PAGE, lambda h: conditional(h, page, "text/html; charset=utf-8", etag='"p"'))
    server.route(SHEET, lambda h: reply(h, 200, sheet, "application/vnd.ms-excel"))
    root = tmp_path_factory.mktemp("attached_tables")
    sources = write_manifest(root / "sources.csv", [{"url": server.url(PAGE)}])
    try:
        result = materialize(root / "raw", root / "wh.duckdb", GOVINFO_SOURCES=sources,
                             GOVINFO_FETCH_PER_HOST_MIN_INTERVAL_S="0")
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
    con = duckdb.connect(str(root / "wh.duckdb"), read_only=True)
    try:
        reports = {row[0]: row[1:] for row in con.execute(
            "select source_url, report_id, agency_id, report_year, duplicate_status, canonical_report_id, reader "
            "from marts.dim_report").fetchall()}
        values = con.execute("select report_id, agency_id, report_year, indicator_code, applicant_type, value "
                             "from marts.fct_indicator_value").fetchall()
        concepts = dict(con.execute("select concept_code, value from marts.fct_agency_year_concept "
                                    "where report_year = 2022").fetchall())
    finally:
        con.close()
    return dict(result=result, server=server, reports=reports, values=values, concepts=concepts)


def test_the_tables_file_is_read_as_the_pages_year_and_agency(built):
    assert built["result"].success
    page = built["reports"][built["server"].url(PAGE)]
    sheet = built["reports"][built["server"].url(SHEET)]
    assert sheet[5] == "xls"
    assert page[2] == sheet[2] == 2022 and page[1] is not None and sheet[1] == page[1]


def test_page_and_tables_are_one_report_in_two_parts(built):
    page = built["reports"][built["server"].url(PAGE)]
    sheet = built["reports"][built["server"].url(SHEET)]
    assert page[3] == "canonical" and sheet[3] == "part" and sheet[4] == page[0]


def test_the_agency_year_holds_the_prose_of_the_page_and_the_tables_of_the_file(built):
    gold = json.loads((FIXTURES / "pingtan_site" / "gold" / "202302_80629.gold.json").read_text(encoding="utf-8"))
    wanted = {(v["indicator"], v.get("applicant_type", "total")): v["value"] for v in gold["values"]}
    agency = built["reports"][built["server"].url(PAGE)][1]
    got = {(code, applicant): value for _, agency_id, year, code, applicant, value in built["values"]
           if agency_id == agency and year == 2022}
    assert {key: got.get(key) for key in wanted} == wanted  # all 204: 200 from the file, 4 from the page
    assert built["concepts"]["requests_received"] == 74 and built["concepts"]["proactive_items"] == 14571
