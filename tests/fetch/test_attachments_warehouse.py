"""A page whose content is only a link to its PDF, end to end: served by a real HTTP server on
127.0.0.1, fetched with its PDF, built into a real warehouse (Dagster, dbt, DuckDB).

The PDF is its own report (its bytes, its URL); the page that only links to it is the same
agency's report for the same year with no figures, so the warehouse keeps the PDF and records the
page as superseded by it: the figures are counted once and both URLs stay in ``dim_report``.
"""
from __future__ import annotations

import json
import math

import duckdb
import pytest

from fetch_testkit import FIXTURES, conditional, reply, serving, write_manifest
from warehouse_job import materialize

PAGE, PDF = "/xxgk/ndbg/t20250225_1.html", "/attach/2025/0225/hzq2024.pdf"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    page = (FIXTURES / "pdf" / "web" / "report_page.html").read_bytes()
    pdf = (FIXTURES / "pdf" / "hongze_2024.pdf").read_bytes()
    root = tmp_path_factory.mktemp("attachments")
    with serving({PAGE: lambda h: conditional(h, page, "text/html; charset=utf-8", etag='"p"'),
                  PDF: lambda h: reply(h, 200, pdf, "application/octet-stream")}) as server:
        sources = write_manifest(root / "sources.csv", [{"url": server.url(PAGE)}])
        result = materialize(root / "raw", root / "wh.duckdb", GOVINFO_SOURCES=sources,
                             GOVINFO_FETCH_MAX_BYTES=str(2 * 1024 * 1024), GOVINFO_FETCH_PER_HOST_MIN_INTERVAL_S="0")
    con = duckdb.connect(str(root / "wh.duckdb"), read_only=True)
    try:
        reports = {row[0]: row for row in con.execute(
            "select source_url, report_id, doc_type, report_year, duplicate_status, canonical_report_id, source_path "
            "from marts.dim_report").fetchall()}
        values = con.execute("select report_id, indicator_code, applicant_type, value, evidence "
                             "from marts.fct_indicator_value").fetchall()
    finally:
        con.close()
    return dict(result=result, server=server, reports=reports, values=values)


def test_the_run_succeeds_and_fetches_the_pdf(built):
    assert built["result"].success
    assert built["server"].hits[PDF] == 1


def test_the_pdf_figures_land_in_the_warehouse_under_its_url(built):
    pdf_url = built["server"].url(PDF)
    report_id, doc_type, year = built["reports"][pdf_url][1:4]
    assert (doc_type, year) == ("annual_report", 2024)
    assert built["reports"][pdf_url][6].endswith(".pdf")
    gold = json.loads((FIXTURES / "pdf" / "hongze_2024.gold.json").read_text(encoding="utf-8"))
    got = {(code, applicant): value for rid, code, applicant, value, _ in built["values"] if rid == report_id}
    correct = sum(1 for v in gold["values"]
                  if math.isclose(got.get((v["indicator"], v["applicant_type"]), math.nan), v["value"]))
    wrong = [v for v in gold["values"] if (v["indicator"], v["applicant_type"]) in got
             and not math.isclose(got[(v["indicator"], v["applicant_type"])], v["value"])]
    assert not wrong and correct / len(gold["values"]) >= 0.95
    evidence = {(code, applicant): ev for rid, code, applicant, _, ev in built["values"] if rid == report_id}
    assert evidence[("t2.licensing.decisions", "total")] == "p.2: 行政许可 | 9487"


def test_the_page_holding_only_the_link_does_not_count_twice(built):
    pdf_url, page_url = built["server"].url(PDF), built["server"].url(PAGE)
    pdf_id = built["reports"][pdf_url][1]
    page = built["reports"][page_url]
    assert page[4] == "superseded" and page[5] == pdf_id  # both URLs kept, one report counted
    assert built["reports"][pdf_url][4] == "canonical"
    assert not [v for v in built["values"] if v[0] == page[1]]
