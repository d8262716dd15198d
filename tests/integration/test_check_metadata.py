"""What a person reads in Dagster after a build: a failing check that names the document, a mart with a preview.

One real build (in-process Dagster, real dbt, real GX) of two real documents: seed 004
(开封市质量技术监督局, 2018, gov2008), whose statistics table prints (二) 回应解读 as 0 while its five rows
add up to 11, and the Pingtan 2023 page, on which every in-report rule passes. The check
``gx_report_identities`` must name seed 004 by agency, year and path, say the rule in Chinese and
English (as the rule seeds word it), give both sides and the residual, list the printed cells of the
failing row with their evidence, and hand over a SQL query that returns those cells from the warehouse.
The marts' materializations must carry their column types (as DuckDB reports them), the column
descriptions of their yml, a preview, and descriptions without raw SQL.
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from seed_gold import PINGTAN, SEEDS
from warehouse_job import materialize

ROOT = Path(__file__).resolve().parents[2]
SEED = "seeds/004_b6ce9a87a66a1839.txt"
PINGTAN_PAGE = "pingtan/202403_87885.html"
AGENCY = "开封市质量技术监督局"
RULE = "R-S-RESPONSE"


def _seed_rows(name: str) -> list[dict]:
    with (ROOT / "dbt" / "seeds" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "seeds").mkdir()
    (raw / "pingtan").mkdir()
    shutil.copy(SEEDS / Path(SEED).name, raw / SEED)
    shutil.copy(PINGTAN / "reports" / Path(PINGTAN_PAGE).name, raw / PINGTAN_PAGE)
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    result = materialize(raw, warehouse)
    assert result.success
    return result, raw, warehouse


def _check(result, name: str):
    evaluations = {e.event_specific_data.check_name: e.event_specific_data
                   for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"}
    return evaluations[name]


def _value(entry):
    return getattr(entry, "value", entry)


def test_failing_check_names_agency_year_path_and_rule_in_words(build):
    result, raw, _ = build
    check = _check(result, "gx_report_identities")
    assert not check.passed
    meta = {key: _value(value) for key, value in check.metadata.items()}
    assert meta["worst_report"] == f"{AGENCY} 2018: {SEED}"
    assert meta["failing_agencies"] == f"{AGENCY} 2018 ({SEED})"
    # the rule as the seeds word it, in both languages
    zh = next(r["rule_text_zh"] for r in _seed_rows("rule_texts.csv") if r["rule_id"] == RULE)
    en = next(r["description"] for r in _seed_rows("rules.csv") if r["rule_id"] == RULE)
    assert meta["worst_rule"] == f"{RULE}: {zh} / {en}"
    assert zh in meta["rules"] and en in meta["rules"]
    # the document is a path a person can open, and it is the raw file
    assert Path(meta["worst_document"]) == raw / SEED and (raw / SEED).is_file()
    # both sides, the residual and what disagrees, in the worst-cases table
    row = next(line for line in meta["worst_cases"].splitlines() if RULE in line)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[:9] == [AGENCY, "2018", RULE, "total", "part 1", "0", "11", "-11", SEED]
    assert cells[9].startswith("s.response.channels prints 0, but s.response.press_conferences")
    assert "off by -11" in cells[9]


def test_cells_of_the_failing_row_carry_their_evidence(build):
    result, _, warehouse = build
    meta = _check(result, "gx_report_identities").metadata
    table = _value(meta["cells_of_worst_cases"])
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        # the operands of the rule as rules.csv writes it, as printed in the report
        expression = next(r["expression"] for r in _seed_rows("rules.csv") if r["rule_id"] == RULE)
        operands = [term.strip() for side in expression.split("=") for term in side.split("+")]
        printed = con.execute(
            "select v.indicator_code, v.value, v.evidence from marts.fct_indicator_value v "
            "join marts.dim_report r using (report_id) where r.source_path = ? and v.applicant_type = 'total' "
            "and v.indicator_code in (select unnest(?::varchar[]))", [SEED, operands]).fetchall()
        # the ready query of the metadata runs as it is and returns the same cells
        query = _value(meta["figures_query"]).strip().removeprefix("```sql").removesuffix("```").strip()
        returned = con.execute(query).fetchall()
    finally:
        con.close()
    assert len(printed) == len(operands) == 6  # (二) and its five rows, all printed in the statistics table
    for indicator, value, evidence in printed:
        assert f"| {indicator} | total | {value:g} |" in table, (indicator, table)
        assert evidence.split("|")[0].strip()[:20] in table
    assert {(r[0], r[3], r[4], r[6]) for r in returned} == {
        (RULE, "lhs" if indicator == "s.response.channels" else "rhs", indicator, value) for indicator, value, _ in printed}


def test_reconciliation_rows_say_what_disagrees(build):
    _, _, warehouse = build
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        failing = con.execute("select rule_id, note, rule_text_zh, rule_text_en from marts.fct_reconciliation "
                              "where status = 'fail'").fetchall()
        missing_text = con.execute("select count(*) from marts.fct_reconciliation "
                                   "where rule_text_zh is null or rule_text_en is null").fetchone()[0]
    finally:
        con.close()
    assert [row[0] for row in failing] == [RULE]
    assert failing[0][1].endswith("add up to 11; off by -11")
    assert missing_text == 0


def test_marts_show_column_types_descriptions_and_a_preview(build):
    result, _, warehouse = build
    materializations = {tuple(e.event_specific_data.materialization.asset_key.path): e.event_specific_data.materialization
                        for e in result.all_events if e.event_type_value == "ASSET_MATERIALIZATION"}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        types = dict(con.execute("select column_name, data_type from information_schema.columns "
                                 "where table_schema = 'marts' and table_name = 'fct_reconciliation'").fetchall())
        count = con.execute("select count(*) from marts.fct_reconciliation").fetchone()[0]
    finally:
        con.close()
    meta = materializations[("marts", "fct_reconciliation")].metadata
    schema = meta["dagster/column_schema"].schema
    assert {c.name: c.type for c in schema.columns} == types
    described = {c.name: c.description for c in schema.columns}
    assert described["rule_text_zh"] == "What the rule says, in Chinese (dim_rule)."
    assert meta["dagster/row_count"].value == count
    # a fixed-width table in a code block: one line per row, however narrow the panel
    lines = meta["preview"].value.splitlines()
    assert lines[0] == "```" and lines[1].split()[:2] == ["report_id", "rule_id"]
    assert lines.index("```", 1) == 3 + min(count, 5)  # header, rule, then the first rows
    assert lines[-1].startswith(f"first 10 of {len(types)} columns")

    from dagster_project.definitions import build_definitions

    specs = {spec.key.path[-1]: spec for spec in build_definitions().resolve_all_asset_specs()}
    assert "Raw SQL" not in (specs["fct_reconciliation"].description or "")
    assert specs["fct_reconciliation"].description.startswith("One row per rule evaluated per report")
