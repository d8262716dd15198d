"""Materialize every asset in-process into a temporary warehouse and compare the marts with the gold."""
import shutil

import duckdb
import pytest

from seed_gold import gold_values, pingtan_cases, seed_cases
from warehouse_job import materialize


def all_cases():
    """(source_path below the raw folder, file, gold) of every gold document: the seeds and the Pingtan pages."""
    return [(p.name, p, g) for p, g in seed_cases()] + [(f"pingtan/{p.name}", p, g) for p, g in pingtan_cases()]

CONTRACT_COLUMNS = {
    "dim_report": {"report_id", "source_path", "source_url", "sha256", "agency_id", "report_year", "published_date",
                   "doc_type", "template_code"},
    "dim_agency": {"agency_id", "agency_name", "agency_kind", "province", "prefecture", "county", "adcode"},
    "dim_indicator": {"indicator_code", "template", "table_label", "row_label", "column_label", "unit", "parent_code",
                      "concept_code"},
    "dim_applicant_type": {"applicant_type", "label_zh"},
    "fct_indicator_value": {"report_id", "agency_id", "report_year", "indicator_code", "applicant_type", "value",
                            "value_status", "evidence"},
    "fct_reconciliation": {"report_id", "rule_id", "applicant_type", "status", "lhs", "rhs", "severity"},
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for source_path, path, _ in all_cases():
        (raw / source_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, raw / source_path)
    (raw / "broken.html").write_bytes(b"<html><body>\xff\xfe</body></html>")
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    first = materialize(raw, warehouse)
    second = materialize(raw, warehouse)
    return first, second, warehouse


def test_run_succeeds_and_checks_report(built):
    first, _, _ = built
    assert first.success
    checks = {e.event_specific_data.check_name: e.event_specific_data
              for e in first.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"}
    assert checks["gx_lineage"].passed
    # seed 004 prints (二) 回应解读 as 0 while its rows add to 11: a source inconsistency that warns
    report_check = checks["gx_report_identities"]
    assert not report_check.passed
    assert "R-S-RESPONSE" in report_check.metadata["failing_rules"].value
    assert "开封市质量技术监督局" in report_check.metadata["worst_cases"].value


def test_marts_meet_the_contract(built):
    _, _, warehouse = built
    con = duckdb.connect(str(warehouse), read_only=True)
    have = {}
    for table, column in con.execute(
            "select table_name, column_name from information_schema.columns where table_schema = 'marts'").fetchall():
        have.setdefault(table, set()).add(column)
    for table, columns in CONTRACT_COLUMNS.items():
        assert columns <= have.get(table, set()), table


def test_marts_equal_gold(built):
    _, _, warehouse = built
    con = duckdb.connect(str(warehouse), read_only=True)
    for source_path, path, gold in all_cases():
        report = con.execute(
            "select r.report_id, r.doc_type, r.template_code, r.report_year, a.agency_name from marts.dim_report r "
            "left join marts.dim_agency a using (agency_id) where r.source_path = ?", [source_path]).fetchone()
        assert report is not None, path.name
        report_id, doc_type, template, year, agency = report
        assert (doc_type, template, year) == (gold["doc_type"], gold["template"], gold["report_year"])
        assert gold["agency"] in agency or agency in gold["agency"]
        got = {(i, a): v for i, a, v in con.execute(
            "select indicator_code, applicant_type, value from marts.fct_indicator_value where report_id = ?",
            [report_id]).fetchall()}
        want = gold_values(gold)
        assert {k: got.get(k) for k in want} == pytest.approx(want), path.name
        statuses = dict(con.execute(
            "select rule_id, min(status) from marts.fct_reconciliation where report_id = ? and applicant_type = 'total' "
            "group by rule_id", [report_id]).fetchall())
        assert {rule: statuses.get(rule) for rule in gold["rules"]} == gold["rules"], path.name


def test_carry_over_is_checked_across_the_pingtan_years(built):
    _, _, warehouse = built
    con = duckdb.connect(str(warehouse), read_only=True)
    years = dict(con.execute(
        "select report_year, min(status) from marts.fct_reconciliation "
        "where rule_id = 'X-CARRY' and applicant_type = 'total' group by report_year").fetchall())
    assert years == {year: "pass" for year in range(2020, 2026)}


def test_bad_document_is_recorded_and_the_others_go_on(built):
    _, _, warehouse = built
    con = duckdb.connect(str(warehouse), read_only=True)
    # Bytes that decode to nothing readable are kept as a document that is not a report, with the reason.
    doc_type, reason = con.execute(
        "select doc_type, doc_type_reason from marts.dim_report where source_path = 'broken.html'").fetchone()
    assert doc_type == "other" and "undecodable" in reason
    assert con.execute("select count(*) from marts.dim_report where parse_status = 'parsed' "
                       "and source_path <> 'broken.html'").fetchone()[0] == len(all_cases())


def test_second_run_does_no_work_for_unchanged_documents(built):
    _, second, _ = built
    ingest = second.asset_materializations_for_node("staging__documents")[0].metadata
    assert ingest["unchanged"].value == len(all_cases()) + 1 and ingest["new"].value == 0
    staged = [m for m in second.asset_materializations_for_node("staged_reports")
              if m.asset_key.path == ["staging", "figures"]][0].metadata
    assert staged["documents_parsed_this_run"].value == 0
