"""A page and the file of its tables stay one report however the site keeps the page: fetched again
with other bytes, posted at two addresses, corrected to another year, summing up a region, or split
into （上）/（下）. Each case is a real fetch from a real HTTP server on 127.0.0.1 and a real warehouse
build; the page is the real Pingtan 2022 report page with its tables in a linked .xls
(test_attachment_tables_warehouse.py)."""
from __future__ import annotations

import hashlib

import duckdb

from fetch_testkit import FIXTURES, conditional, reply, serving, write_manifest
from test_attachment_tables_warehouse import PAGE, SHEET, _page_without_tables
from warehouse_job import materialize

SHEET_BYTES = (FIXTURES / "sheet" / "pingtan_2022_tables.xls").read_bytes()
TITLE = "平潭综合实验区2022年度政府信息公开工作年度报告"
RUN = dict(GOVINFO_FETCH_PER_HOST_MIN_INTERVAL_S="0", GOVINFO_FETCH_RECHECK_AFTER_HOURS="0")


def _stored(data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    return f"_fetched/{sha[:2]}/{sha}.html"


def _report_id(data: bytes) -> str:
    return hashlib.sha256(_stored(data).encode()).hexdigest()[:16]


def _sorting_first(base: bytes, make) -> bytes:
    """A variant of the page whose report id sorts before ``base``'s: the copy a hash order would pick."""
    n = 0
    while _report_id(variant := make(n)) >= _report_id(base):
        n += 1
    return variant


def _site(pages: dict[str, dict]):
    """Serve each path's current ``body`` (a dict, so a test can change it between runs) and the tables file."""
    routes = {path: (lambda h, page=page: conditional(h, page["body"], "text/html; charset=utf-8",
                                                      etag=f'"{hashlib.sha1(page["body"]).hexdigest()}"'))
              for path, page in pages.items()}
    return serving({**routes, SHEET: lambda h: reply(h, 200, SHEET_BYTES, "application/vnd.ms-excel")})


def _concepts(warehouse) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {(year, code): value for year, code, value in con.execute(
            "select report_year, concept_code, value from marts.fct_agency_year_concept "
            "where concept_code in ('requests_received', 'proactive_items')").fetchall()}
    finally:
        con.close()


def _sheet_row(warehouse) -> tuple:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select report_year, duplicate_status, canonical_report_id, is_region_summary "
                           "from marts.dim_report where reader = 'xls'").fetchone()
    finally:
        con.close()


def _fetched_twice(tmp_path, first: bytes, then: bytes) -> None:
    """The page at PAGE served as ``first``, fetched and built; then served as ``then``, fetched and built again."""
    page = {"body": first}
    with _site({PAGE: page}) as server:
        sources = write_manifest(tmp_path / "sources.csv", [{"url": server.url(PAGE)}])
        assert materialize(tmp_path / "raw", tmp_path / "wh.duckdb", GOVINFO_SOURCES=sources, **RUN).success
        page["body"] = then
        assert materialize(tmp_path / "raw", tmp_path / "wh.duckdb", GOVINFO_SOURCES=sources, **RUN).success


def test_a_page_fetched_again_with_other_bytes_keeps_its_tables(tmp_path):
    first = _page_without_tables()
    again = _sorting_first(first, lambda n: first + f"<!-- visit {n} -->".encode())
    _fetched_twice(tmp_path, first, again)  # a view counter: the same text, a second stored copy of the page
    assert _concepts(tmp_path / "wh.duckdb") == {(2022, "requests_received"): 74, (2022, "proactive_items"): 14571}
    assert _sheet_row(tmp_path / "wh.duckdb")[:2] == (2022, "part")


def test_a_page_edited_after_a_fetch_keeps_its_tables(tmp_path):
    """The site edits the page's text (a line added) after the first fetch: two stored versions of one
    address, which are versions, not a pager's two parts. Before, both were taken for parts of one
    report at one place, no group formed, the file won as a version with tables and both pages were
    superseded: the page's 4 prose figures (proactive_items 14571) were lost."""
    first = _page_without_tables()
    edited = first.replace("<p>附件：".encode(), "<p>（本页附件已更新）</p><p>附件：".encode())
    assert edited != first
    _fetched_twice(tmp_path, first, edited)
    assert _concepts(tmp_path / "wh.duckdb") == {(2022, "requests_received"): 74, (2022, "proactive_items"): 14571}
    assert _sheet_row(tmp_path / "wh.duckdb")[:2] == (2022, "part")


def test_one_report_at_two_addresses_linking_one_file_is_one_report(tmp_path):
    first = _page_without_tables()
    second = _sorting_first(first, lambda n: first + f"<!-- column 2 ({n}) -->".encode())
    other_address = "/xxgk/zfxxgknb/t20230220_80629.htm"
    with _site({PAGE: {"body": first}, other_address: {"body": second}}) as server:
        sources = write_manifest(tmp_path / "sources.csv", [{"url": server.url(PAGE)}, {"url": server.url(other_address)}])
        assert materialize(tmp_path / "raw", tmp_path / "wh.duckdb", GOVINFO_SOURCES=sources, **RUN).success
    assert _concepts(tmp_path / "wh.duckdb") == {(2022, "requests_received"): 74, (2022, "proactive_items"): 14571}
    assert _sheet_row(tmp_path / "wh.duckdb")[:2] == (2022, "part")


def test_a_corrected_page_gives_its_year_to_the_file_it_links(tmp_path):
    corrected = _page_without_tables()
    # the first version named 2021 and linked no file; the stored first version sorts first by its id
    wrong_year = _sorting_first(corrected, lambda n: corrected.decode().replace("2022", "2021")
                                .replace(SHEET, "").encode() + f"<!-- {n} -->".encode())
    _fetched_twice(tmp_path, wrong_year, corrected)
    year, status, canonical, _ = _sheet_row(tmp_path / "wh.duckdb")
    assert (year, status, canonical) == (2022, "part", _report_id(corrected))
    assert _concepts(tmp_path / "wh.duckdb")[(2022, "requests_received")] == 74


def test_a_region_summary_page_and_its_tables_are_one_summary(tmp_path):
    summary = _page_without_tables().decode().replace("汇总平潭综合实验区各有关单位", "汇总平潭综合实验区各部门").encode()
    with _site({PAGE: {"body": summary}}) as server:
        sources = write_manifest(tmp_path / "sources.csv", [{"url": server.url(PAGE)}])
        assert materialize(tmp_path / "raw", tmp_path / "wh.duckdb", GOVINFO_SOURCES=sources, **RUN).success
    year, status, _, is_summary = _sheet_row(tmp_path / "wh.duckdb")
    assert (year, status, is_summary) == (2022, "part", True)  # the region's tables are not the agency's own
    con = duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True)
    try:
        assert con.execute("select distinct is_region_summary from marts.fct_agency_year_concept").fetchall() == [(True,)]
    finally:
        con.close()


def test_a_report_in_two_marked_parts_with_its_tables_linked_from_the_second_is_one_report(tmp_path):
    html = _page_without_tables().decode()
    first = html[:21000].replace(TITLE, TITLE + "（上）") + "</span></p></div></div></body></html>"
    second = html.replace(TITLE, TITLE + "（下）").replace("主动公开政府信息14571条", "主动公开政府信息若干条")
    first_part = "/zwgk/zfxxgknb/202302/t20230220_80628.htm"
    with _site({first_part: {"body": first.encode()}, PAGE: {"body": second.encode()}}) as server:
        sources = write_manifest(tmp_path / "sources.csv", [{"url": server.url(first_part)}, {"url": server.url(PAGE)}])
        assert materialize(tmp_path / "raw", tmp_path / "wh.duckdb", GOVINFO_SOURCES=sources, **RUN).success
    con = duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True)
    try:
        statuses = sorted(con.execute("select duplicate_status from marts.dim_report").fetchall())
    finally:
        con.close()
    assert statuses == [("canonical",), ("part",), ("part",)]  # （上）, then （下） and the tables
    assert _concepts(tmp_path / "wh.duckdb") == {(2022, "requests_received"): 74, (2022, "proactive_items"): 14571}
