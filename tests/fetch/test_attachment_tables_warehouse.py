"""A report page whose statistics tables are published as a file linked from it, end to end: served by a
real HTTP server on 127.0.0.1, fetched with its attachment, built into a real warehouse (Dagster, dbt,
DuckDB).

The page is the real Pingtan 2022 report page with its tables taken out and a link to them in their
place; the file is those tables saved as an Excel 97-2003 workbook (tests/fixtures/sheet). The tables
name no year and no agency: they are the page's. Page and file print different figures (the page its
prose, the file its tables), so they are one report in two parts, counted once under the page's
agency and year. Before, the file had no year: its 200 figures were in no agency-year.

A page may link its tables twice, as a workbook and as a PDF (tests/fixtures/pdf/pingtan_2022_tables_office.pdf,
the same tables saved as Word and exported): the file that prints only what the other prints is a copy
of it, and the other is the page's part.
"""
from __future__ import annotations

import json
import re

import duckdb
import pytest

from fetch_testkit import FIXTURES, conditional, reply, serving, write_manifest
from warehouse_job import materialize

PAGE, SHEET = "/zwgk/zfxxgknb/202302/t20230220_80629.htm", "/attach/2023/0220/tables2022.xls"
PDF = "/attach/2023/0220/tables2022.pdf"
SHEET_FILE = (SHEET, "sheet/pingtan_2022_tables.xls", "application/vnd.ms-excel")
PDF_FILE = (PDF, "pdf/pingtan_2022_tables_office.pdf", "application/pdf")


def _page_without_tables(files: tuple[str, ...] = (SHEET,)) -> bytes:
    html = (FIXTURES / "pingtan_site" / "reports" / "202302_80629.html").read_text(encoding="utf-8")
    link = "<p>附件：" + " ".join(
        f'<a href="{path}">平潭综合实验区2022年政府信息公开情况统计表{path[path.rindex("."):]}</a>' for path in files) + "</p>"
    tables = list(re.finditer(r"<table\b.*?</table>", html, flags=re.S | re.I))
    statistics = [m for m in tables if "申请" in m.group(0) or "信息内容" in m.group(0) or "行政复议" in m.group(0)]
    assert len(statistics) >= 3
    for m in reversed(statistics):
        html = html[:m.start()] + (link if m is statistics[0] else "") + html[m.end():]
    return html.encode("utf-8")


def _build(root, files) -> dict:
    """Serve the page linking ``files`` (path, fixture, content type), fetch it and build the warehouse."""
    page = _page_without_tables(tuple(path for path, _, _ in files))
    routes = {PAGE: lambda h: conditional(h, page, "text/html; charset=utf-8", etag='"p"')}
    for path, fixture, content_type in files:
        routes[path] = lambda h, data=(FIXTURES / fixture).read_bytes(), kind=content_type: reply(h, 200, data, kind)
    with serving(routes) as server:
        sources = write_manifest(root / "sources.csv", [{"url": server.url(PAGE)}])
        result = materialize(root / "raw", root / "wh.duckdb", GOVINFO_SOURCES=sources,
                             GOVINFO_FETCH_PER_HOST_MIN_INTERVAL_S="0")
    con = duckdb.connect(str(root / "wh.duckdb"), read_only=True)
    try:
        reports = {row[0]: row[1:] for row in con.execute(
            "select source_url, report_id, agency_id, report_year, duplicate_status, canonical_report_id, reader, "
            "duplicate_reason from marts.dim_report").fetchall()}
        values = con.execute("select report_id, agency_id, report_year, indicator_code, applicant_type, value "
                             "from marts.fct_indicator_value").fetchall()
        concepts = dict(con.execute("select concept_code, value from marts.fct_agency_year_concept "
                                    "where report_year = 2022").fetchall())
    finally:
        con.close()
    return dict(result=result, server=server, reports=reports, values=values, concepts=concepts)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("attached_tables"), [SHEET_FILE])


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory):
    """The page links its tables twice, as a workbook and as a PDF, as many sites post them."""
    return _build(tmp_path_factory.mktemp("attached_tables_twice"), [SHEET_FILE, PDF_FILE])


def _gold_values(built) -> tuple[dict, dict]:
    gold = json.loads((FIXTURES / "pingtan_site" / "gold" / "202302_80629.gold.json").read_text(encoding="utf-8"))
    wanted = {(v["indicator"], v.get("applicant_type", "total")): v["value"] for v in gold["values"]}
    agency = built["reports"][built["server"].url(PAGE)][1]
    got = {(code, applicant): value for _, agency_id, year, code, applicant, value in built["values"]
           if agency_id == agency and year == 2022}
    return wanted, {key: got.get(key) for key in wanted}


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
    wanted, got = _gold_values(built)
    assert got == wanted  # all 204: 200 from the file, 4 from the page
    assert built["concepts"]["requests_received"] == 74 and built["concepts"]["proactive_items"] == 14571


def test_tables_linked_twice_are_one_file_and_a_copy_of_it(built_twice):
    """Before, the two files printed the same cells, so page and files competed as three versions: a
    file was kept, and the page's prose (proactive_items 14571 among its 4 figures) was lost."""
    assert built_twice["result"].success
    page = built_twice["reports"][built_twice["server"].url(PAGE)]
    files = [built_twice["reports"][built_twice["server"].url(path)] for path in (SHEET, PDF)]
    assert {row[5] for row in files} == {"xls", "pdf"}
    assert page[3] == "canonical"
    (part,) = [row for row in files if row[3] == "part"]
    (copy,) = [row for row in files if row[3] == "duplicate"]
    assert part[4] == page[0] and copy[4] == part[0]
    assert copy[6].startswith("every figure it prints is printed with the same value by ")


def test_tables_linked_twice_count_once_with_the_page(built_twice):
    wanted, got = _gold_values(built_twice)
    assert got == wanted
    assert built_twice["concepts"]["requests_received"] == 74 and built_twice["concepts"]["proactive_items"] == 14571


