"""Which of two files a report page links is a copy of the other, end to end (a real HTTP server on
127.0.0.1, a real fetch and warehouse build). Of two annual reports one page links, of one agency, year
and kind, the one that prints only figures the other prints with the same values is a duplicate of it
(test_attachment_tables_warehouse.py: an .xls and a PDF of the same tables). Each case here is one where
that would lose a report: the year before's report, a region's summary, a look-alike that repeats the
report, and files whose agency is not known. The files are small Word files made here."""
from __future__ import annotations

import io
import shutil

import duckdb

from fetch_testkit import conditional, reply, serving, write_manifest
from warehouse_job import materialize

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RUN = dict(GOVINFO_FETCH_PER_HOST_MIN_INTERVAL_S="0", GOVINFO_FETCH_RECHECK_AFTER_HOURS="0")
TOWN = "平潭县城关镇人民政府"
NOTHING_ASKED = "{year}年，本镇未收到政府信息公开申请，未发生政府信息公开行政复议和行政诉讼案件。"


def _word(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page(title: str, body: str, files: dict[str, str]) -> bytes:
    links = "".join(f'<p>附件：<a href="{path}">{text}</a></p>' for path, text in files.items())
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>{body}</p>{links}</body></html>").encode("utf-8")


def _build(root, site: dict[str, bytes], then=None) -> str:
    """Serve ``site`` (the page first: {path: bytes}), fetch it and build the warehouse; ``then(sources)``
    runs while the site is served. The site's address."""
    routes = {path: (lambda h, path=path: conditional(h, site[path], "text/html; charset=utf-8",
                                                      etag=f'"{hash(site[path])}"'))
              if path.endswith(".htm") else (lambda h, path=path: reply(h, 200, site[path], WORD))
              for path in site}
    with serving(routes) as server:
        sources = write_manifest(root / "sources.csv", [{"url": server.url(next(iter(site)))}])
        assert materialize(root / "raw", root / "wh.duckdb", GOVINFO_SOURCES=sources, **RUN).success
        if then is not None:
            then(sources)
        return server.base


def _rows(warehouse, query: str, *args) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(query, list(args)).fetchall()
    finally:
        con.close()


def test_a_pages_files_of_two_years_stay_two_reports(tmp_path):
    """A report page links its Word copy and, as many sites do, the year before's report; 2020's figures
    (0 requests, 0 reviews, 0 lawsuits) are all printed by 2021's file, and 2020's report is its own still."""
    site = {"/zwgk/ndbg/t20220120_1.htm": _page(f"{TOWN}2021年政府信息公开工作年度报告", "本镇2021年主动公开政府信息12条。",
                                                {"/attach/cgz2021.docx": "2021年度报告.docx", "/attach/cgz2020.docx": "2020年度报告.docx"}),
            "/attach/cgz2021.docx": _word(f"{TOWN}2021年政府信息公开工作年度报告", NOTHING_ASKED.format(year=2021),
                                          "本镇2021年主动公开政府信息12条。"),
            "/attach/cgz2020.docx": _word(f"{TOWN}2020年政府信息公开工作年度报告", NOTHING_ASKED.format(year=2020))}
    base = _build(tmp_path, site)
    wh = tmp_path / "wh.duckdb"
    assert _rows(wh, "select duplicate_status from marts.dim_report where source_url = ?",
                 base + "/attach/cgz2020.docx") == [("canonical",)]
    assert _rows(wh, "select report_year, value from marts.fct_agency_year_concept "
                     "where concept_code = 'requests_received' order by report_year") == [(2020, 0), (2021, 0)]


def test_a_regions_summary_is_not_a_copy_of_the_agencys_own_report(tmp_path):
    """A town's page links its own report and the summary of the whole town, whose figures (all 0) are
    all among the own report's: two reports, the summary's figures kept."""
    site = {"/zwgk/ndbg/t20220120_2.htm": _page(f"{TOWN}2021年政府信息公开工作年度报告", "本镇2021年主动公开政府信息12条。",
                                                {"/attach/own.docx": "本级报告.docx", "/attach/summary.docx": "全镇汇总报告.docx"}),
            "/attach/own.docx": _word(f"{TOWN}2021年政府信息公开工作年度报告", NOTHING_ASKED.format(year=2021),
                                      "本镇2021年主动公开政府信息12条。"),
            "/attach/summary.docx": _word("平潭县城关镇2021年政府信息公开工作年度报告（汇总）",
                                          "本报告综合全镇各部门政府信息公开工作年度报告编制而成。",
                                          "2021年，全镇未收到政府信息公开申请，未发生政府信息公开行政复议和行政诉讼案件。")}
    base = _build(tmp_path, site)
    summary = _rows(tmp_path / "wh.duckdb", "select is_region_summary, duplicate_status, figures from marts.dim_report "
                                             "where source_url = ?", base + "/attach/summary.docx")
    assert summary == [(True, "canonical", 3)]


def test_a_look_alike_that_repeats_the_report_does_not_take_its_place(tmp_path):
    """A page links its report and the report's 解读 (a look-alike), which repeats every figure of the
    report and adds two: before, the report became a 'duplicate' of the 解读 and its agency-year was empty."""
    report = [f"{TOWN}2021年政府信息公开工作年度报告", NOTHING_ASKED.format(year=2021), "本镇2021年主动公开政府信息12条。"]
    site = {"/zwgk/ndbg/t20220120_3.htm": _page(f"{TOWN}2021年政府信息公开工作年度报告", "详见附件。",
                                                {"/attach/report.docx": "年度报告全文.docx", "/attach/jiedu.docx": "年度报告解读.docx"}),
            "/attach/report.docx": _word(*report),
            "/attach/jiedu.docx": _word(f"图解：{TOWN}2021年政府信息公开工作年度报告解读", f"{TOWN}2021年政府信息公开工作年度报告解读",
                                        *report[1:], "本镇2021年主动公开规范性文件3件。", "本镇2021年召开新闻发布会2次。")}
    base = _build(tmp_path, site)
    wh = tmp_path / "wh.duckdb"
    assert _rows(wh, "select doc_type, duplicate_status from marts.dim_report where source_url = ?",
                 base + "/attach/report.docx") == [("annual_report", "canonical")]
    assert _rows(wh, "select concept_code, value from marts.fct_agency_year_concept where report_year = 2021 "
                     "and concept_code in ('proactive_items', 'requests_received') order by 1") == [
        ("proactive_items", 12), ("requests_received", 0)]


def test_files_of_no_known_agency_build_the_same_incrementally_and_afresh(tmp_path):
    """A page that names no agency links a report and its summary (the report's figures but one): when
    the report's file changes, the incremental build must count what a fresh build of the same folder
    does. Before, the two files were compared with no agency, the incremental scope did not hold both,
    and the changed report's figures counted twice (9 rows against 5)."""
    said = "2021年，本单位未收到政府信息公开申请，未发生政府信息公开行政复议和行政诉讼案件。"
    site = {"/zwgk/ndbg/t20220120_4.htm": _page("2021年政府信息公开工作年度报告", "本单位2021年主动公开政府信息12条。",
                                                {"/attach/full.docx": "报告全文.docx", "/attach/short.docx": "报告摘要.docx"}),
            "/attach/full.docx": _word("2021年政府信息公开工作年度报告", said, "本单位2021年主动公开政府信息20条。"),
            "/attach/short.docx": _word("2021年政府信息公开工作年度报告", said)}
    fresh = tmp_path / "fresh"

    def report_changes(sources):
        site["/attach/full.docx"] = _word("2021年政府信息公开工作年度报告", said, "本单位2021年主动公开政府信息20条。",
                                          "本单位2021年主动公开规范性文件3件。")
        assert materialize(tmp_path / "raw", tmp_path / "wh.duckdb", GOVINFO_SOURCES=sources, **RUN).success
        shutil.copytree(tmp_path / "raw", fresh / "raw")
        assert materialize(fresh / "raw", fresh / "wh.duckdb", GOVINFO_SOURCES=sources, **RUN).success

    _build(tmp_path, site, then=report_changes)
    query = "select indicator_code, value from marts.fct_indicator_value order by all"
    assert _rows(tmp_path / "wh.duckdb", query) == _rows(fresh / "wh.duckdb", query)
