"""The run's closing summary, read off a real DuckDB file: every failing rule is said, even past the
first five, and counts of one are singular."""
from __future__ import annotations

import duckdb

from dagster_project.run.summary import Marts, warehouse_lines


def test_failing_rules_past_the_first_five_are_counted_not_dropped(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema marts")
    con.execute("create table marts.fct_reconciliation (rule_id varchar, report_id varchar, status varchar)")
    rules = ["X-NARRATIVE", "R-S-RESPONSE", "R-T3-APPLICANTS", "R-T3-BALANCE", "R-T3-OUTCOMES", "R-T4-REVIEW", "R-T4-SUIT-AFTER"]
    con.executemany("insert into marts.fct_reconciliation values (?, ?, 'fail')",
                    [(rule, f"r{i}") for rule in rules for i in range(1 + (rule == "X-NARRATIVE") * 3)])
    con.execute("insert into marts.fct_reconciliation values ('R-T3-TOTAL', 'r0', 'pass')")
    con.execute("create table marts.dim_report (duplicate_status varchar)")
    con.execute("insert into marts.dim_report values ('duplicate'), ('canonical'), ('superseded'), ('superseded')")
    con.execute("create table marts.fct_indicator_value as select range as v from range(3)")
    lines = warehouse_lines(Marts(con))
    assert "  figures counted    : 3 of the counted documents (0 more kept without a column)" in lines
    assert "  rules              : 1 passed, 10 failed, 0 not assessable" in lines
    assert "  failing rules      : X-NARRATIVE (4 reports), R-S-RESPONSE (1 report), R-T3-APPLICANTS (1 report), " \
           "R-T3-BALANCE (1 report), R-T3-OUTCOMES (1 report), and 2 more rules (marts.fct_reconciliation)" in lines
    assert any(line.startswith("  duplicates         : 1 copy, 2 superseded") for line in lines)


def test_a_page_cut_off_is_named_in_the_summary(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema marts")
    con.execute("create table marts.dim_report (source_path varchar, parse_status varchar, parse_warnings varchar)")
    con.execute("insert into marts.dim_report values ('pingtan/2022_cut.html', 'parsed', "
                "'the page ends inside a table (cut off?): what followed is missing'), "
                "('other.html', 'parsed', 'issuing agency not found'), ('whole.html', 'parsed', null)")
    lines = warehouse_lines(Marts(con))
    assert "  cut off            : pingtan/2022_cut.html (marts.dim_report.parse_warnings)" in lines
    con.execute("delete from marts.dim_report where source_path = 'pingtan/2022_cut.html'")
    assert not any(line.startswith("  cut off") for line in warehouse_lines(Marts(con)))


def test_documents_not_read_are_no_look_alikes(tmp_path) -> None:
    # an outside trial of bad input: a 30 MB text over the parse budget was counted among the look-alikes
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema marts")
    con.execute("create table marts.dim_report (source_path varchar, doc_type varchar, parse_status varchar, "
                "parse_error varchar)")
    con.execute("insert into marts.dim_report values ('a.html', 'annual_report', 'parsed', null), "
                "('b.html', 'annual_report', 'parsed', null), ('c.html', 'other', 'parsed', null), "
                "('big.txt', null, 'failed', 'big.txt: document exceeds the parse budget'), "
                "('scan.pdf', null, 'needs_ocr', 'scan.pdf: no text layer')")
    lines = warehouse_lines(Marts(con))
    assert "  documents ingested : 5: 2 annual reports, 1 other documents (look-alikes), " \
           "2 not read (parse failures, needing OCR)" in lines
    # and the document needing OCR is named once, as a parse failure is, with what reads it
    assert "  needs OCR          : 1: scan.pdf (no text layer); a text or HTML copy of it in the raw folder is read" \
        in lines
    assert "  parse failures     : 1: big.txt (document exceeds the parse budget)" in lines


def test_refusal_reasons_are_said_to_go_on_only_when_they_do(tmp_path) -> None:
    # an outside trial: "refused files : 3 (1 empty, 1 cut short, 1 binary, ...)" with all three reasons shown
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema marts")
    con.execute("create table marts.refused_documents (source_path varchar, reason varchar)")
    con.execute("insert into marts.refused_documents values ('a', 'empty'), ('b', 'cut short'), ('c', 'binary')")
    assert "  refused files      : 3 (1 binary, 1 cut short, 1 empty)" in warehouse_lines(Marts(con))
    con.execute("insert into marts.refused_documents values ('d', 'archive')")
    assert "  refused files      : 4 (1 archive, 1 binary, 1 cut short, and other reasons)" in warehouse_lines(Marts(con))


def test_the_parts_of_reports_in_parts_are_counted(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema marts")
    con.execute("create table marts.dim_report (duplicate_status varchar)")
    con.execute("insert into marts.dim_report values ('canonical'), ('part'), ('superseded')")
    assert "  duplicates         : 0 copies, 1 superseded, 1 later part of reports published over several pages " \
           "(marts.dim_report.duplicate_status)" in warehouse_lines(Marts(con))


def test_a_failed_run_does_not_give_its_untried_tests_as_the_published_builds(tmp_path) -> None:
    # an outside trial: under "published build : the one of …, unchanged:" a failed run printed "dbt tests : 0
    # passed, 0 warned, 0 failed" for a build whose 209 tests had passed
    from types import SimpleNamespace

    from dagster_project.run.console import CheckCounts
    from dagster_project.run.summary import summary_lines

    def lines(published_now: bool, dbt: CheckCounts) -> list[str]:
        console = SimpleNamespace(materializations={}, checks_of=lambda what: dbt if what == "dbt" else CheckCounts())
        return summary_lines(published=tmp_path / "none.duckdb", default_warehouse=tmp_path / "none.duckdb",
                             log_path=tmp_path / "run.log", console=console, fetch_dir=tmp_path / "_fetched",
                             since_iso="2026-01-01T00:00:00", elapsed=1.0, published_now=published_now)

    failed = lines(False, CheckCounts())
    # (and a run that never made its warehouse does not say it left one as it was)
    assert failed[1].endswith(f"; no warehouse was made at {tmp_path / 'none.duckdb'}")
    assert "  dbt tests          : not reached by this run" in failed
    assert "  checks             : not reached by this run" in failed
    ran = CheckCounts(passed=["unique_dim_report_report_id"], failed=["not_null_x"])
    assert "  dbt tests          : 1 passed, 0 warned, 1 failed (not_null_x)" in lines(False, ran)
    assert "  checks             : 0 passed, 0 warned, 0 failed" in lines(True, CheckCounts())


def test_the_annual_reports_counted_once_are_said_beside_every_copy(tmp_path) -> None:
    # an outside trial: the run said "28 annual reports" (copies included) where the docs' dashboard said 25
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema marts")
    con.execute("create table marts.dim_report (doc_type varchar, duplicate_status varchar, report_year integer)")
    con.execute("insert into marts.dim_report values ('annual_report', 'canonical', 2020), ('annual_report', 'duplicate', 2020), "
                "('annual_report', 'superseded', 2020), ('annual_report', 'canonical', null), ('other', 'canonical', null)")
    assert "  documents ingested : 5: 4 annual reports (1 counted; the others copies, superseded, later parts or " \
           "without a year), 1 other documents (look-alikes)" in warehouse_lines(Marts(con))
    con.execute("delete from marts.dim_report where duplicate_status <> 'canonical' or report_year is null")
    assert "  documents ingested : 1: 1 annual reports, 0 other documents (look-alikes)" in warehouse_lines(Marts(con))
