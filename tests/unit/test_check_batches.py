"""The checks' Great Expectations validation in streamed batches: the same outcome as one frame of
every row, bounded frames, one scan; and the memory settings of the connections ingest and checks open."""
from __future__ import annotations

import duckdb
import pytest

from dagster_project.checks.batches import Scope, Validated, suite_frames, validated_reports
from dagster_project.checks.expectation_suites import validate_suite, validate_suite_batches
from dagster_project.resources.duckdb_memory import bound_memory
from dagster_project.settings import Settings, get_settings

SUITE = get_settings().expectations_dir / "report_identities.json"


@pytest.fixture()
def con():
    con = duckdb.connect()
    con.execute("create schema marts")
    # 2,600 reports: R-T3-BALANCE holds in each but two, R-S-RESPONSE is not assessable in every tenth
    con.execute("""
        create table marts.fct_reconciliation as
        select printf('r%05d', i) as report_id, rule as rule_id, 'total' as applicant_type, '' as subject,
               case when rule = 'R-S-RESPONSE' and i % 10 = 0 then 'not_assessable'
                    when rule = 'R-T3-BALANCE' and i in (7, 2501) then 'fail' else 'pass' end as status,
               case when rule = 'R-T3-BALANCE' and i = 7 then 3.0 when rule = 'R-T3-BALANCE' and i = 2501 then -1.0
                    else 0.0 end as residual
        from range(2600) t(i), (values ('R-T3-BALANCE'), ('R-S-RESPONSE'), ('X-LINEAGE')) r(rule)""")
    yield con
    con.close()


def test_batches_stream_every_assessable_row_once_in_bounded_frames(con):
    rules = ["R-S-RESPONSE", "R-T3-BALANCE"]
    validated = Validated()
    frames = list(suite_frames(con, rules, Scope(False, "every report"), 2048, validated))
    # 2,600 + 2,340 assessable rows, at most one DuckDB vector (2,048 rows) a frame
    assert len(frames) >= 3 and all(0 < len(f) <= 2048 for f in frames)
    assert validated.batches == len(frames) and validated.rows == sum(len(f) for f in frames) == 4940
    keys = {(r, rule) for f in frames for r, rule in zip(f["report_id"], f["rule_id"])}
    assert len(keys) == 4940 and not any(rule == "X-LINEAGE" for _, rule in keys)
    assert validated_reports(con, rules, Scope(False, "every report")) == 2600


def test_no_row_yields_one_empty_frame(con):
    validated = Validated()
    frames = list(suite_frames(con, ["R-NONE"], Scope(False, "every report"), 5000, validated))
    assert len(frames) == 1 and len(frames[0]) == 0 and validated.batches == 1 and validated.rows == 0


def test_batched_validation_equals_one_frame_of_every_row(con):
    rules = sorted({"R-T3-BALANCE", "R-S-RESPONSE", "R-T3-OUTCOMES"})
    scope = Scope(False, "every report")
    batched = validate_suite_batches(SUITE, suite_frames(con, rules, scope, 2048), 0.0)
    whole = validate_suite(SUITE, con.execute(
        "select report_id, rule_id, applicant_type, subject, status, residual from marts.fct_reconciliation "
        "where status <> 'not_assessable'").df(), 0.0)
    assert batched.batches >= 3 and not batched.success
    by_rule = {r.rule_id: (r.success, r.failing_rows) for r in batched.rules}
    assert by_rule == {r.rule_id: (r.success, r.failing_rows) for r in whole.rules}
    assert by_rule["R-T3-BALANCE"] == (False, 2)  # one failing row in the first batch, one in the last
    assert by_rule["R-S-RESPONSE"] == (True, 0)
    assert by_rule["R-T3-OUTCOMES"] == (True, 0)  # no row: nothing fails, as GX says of an empty frame
    assert set(by_rule) == {r.rule_id for r in whole.rules}  # every rule of the suite is reported


def test_memory_settings_reach_duckdb():
    con = duckdb.connect()
    try:
        bound_memory(con, Settings(duckdb_memory_limit="512MiB", duckdb_allocator_flush="8MB"))
        limit = con.execute("select current_setting('memory_limit')").fetchall()[0][0]
        assert limit.replace(" ", "") in ("512.0MiB", "512MiB"), limit
        assert con.execute("select current_setting('allocator_background_threads')").fetchall()[0][0] is True
        # the setting refuses it, and the connection's own guard too (nothing but a size reaches SQL)
        with pytest.raises(ValueError, match="duckdb_memory_limit"):
            Settings(duckdb_memory_limit="2GB'; drop table x; --")
        from types import SimpleNamespace

        with pytest.raises(ValueError, match="not a memory size"):
            bound_memory(con, SimpleNamespace(duckdb_memory_limit="2GB'; drop table x; --", duckdb_allocator_flush="8MB"))
    finally:
        con.close()
