"""An incremental build equals a build from scratch, and touches only the changed reports' rows.

A warehouse is built (real Dagster job, real dbt) over real reports: the five seeds, a copy of
seed 001 and three consecutive Pingtan reports (the years 2020-2022 of one agency). Then the folder
changes as a folder does:

- seed 004 (开封市质量技术监督局) is edited: its 1.按时办结数 goes from 1 to 2 (R-S-CLOSED now fails);
- a copy of the edited seed 004 appears under another path (a duplicate of a changed report);
- the 2023 Pingtan report is added (the next year of the agency: cross-year rules);
- seed 003 and the 2021 Pingtan report are removed (the 2022 report loses its year before).

The same warehouse is built again (incrementally), and the final folder is built into a fresh
warehouse. Every mart must be equal, and the incremental build must have replaced the rows of the
changed reports and of the reports that depend on them (the 2022 Pingtan report) and nothing else.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from seed_gold import PINGTAN, SEEDS
from warehouse_job import materialize

from dagster_project.ingest.walk import report_id_for

SEED_PATHS = {path.name: f"seeds/{path.name}" for path in sorted(SEEDS.glob("*.txt"))}
EDITED = "seeds/004_b6ce9a87a66a1839.txt"
COPY_OF_EDITED = "copies/kaifeng_2018_again.txt"
REMOVED_SEED = "seeds/003_b384f68c13deff26.txt"
COPY_OF_UNCHANGED = "copies/001_again.txt"
PINGTAN_2020, PINGTAN_2021, PINGTAN_2022, PINGTAN_2023 = (
    "pingtan/202103_80595.html", "pingtan/202202_80613.html", "pingtan/202302_80629.html", "pingtan/202403_87885.html")
PINGTAN_AGENCY = "平潭综合实验区管理委员会"


def _edit_seed(data: bytes) -> bytes:
    pattern = "1.按时办结数 \\|\n件 \\|\n1 \\|".encode("utf-8")
    assert len(re.findall(pattern, data)) == 1
    return re.sub(pattern, "1.按时办结数 |\n件 |\n2 |".encode("utf-8"), data)


def _write(raw: Path, path: str, data: bytes) -> None:
    (raw / path).parent.mkdir(parents=True, exist_ok=True)
    (raw / path).write_bytes(data)


def _first_folder(raw: Path) -> None:
    for name, path in SEED_PATHS.items():
        _write(raw, path, (SEEDS / name).read_bytes())
    _write(raw, COPY_OF_UNCHANGED, (SEEDS / "001_cfbdc836ed46ac6d.txt").read_bytes())
    for path in (PINGTAN_2020, PINGTAN_2021, PINGTAN_2022):
        _write(raw, path, (PINGTAN / "reports" / Path(path).name).read_bytes())


def _change_folder(raw: Path) -> None:
    edited = _edit_seed((raw / EDITED).read_bytes())
    _write(raw, EDITED, edited)
    _write(raw, COPY_OF_EDITED, edited)
    _write(raw, PINGTAN_2023, (PINGTAN / "reports" / Path(PINGTAN_2023).name).read_bytes())
    (raw / REMOVED_SEED).unlink()
    (raw / PINGTAN_2021).unlink()


def mart_digests(con) -> dict[str, tuple[int, int]]:
    """(rows, order-independent hash of the rows) of every table of the marts schema."""
    tables = [row[0] for row in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
    return {table: con.execute(
        f'select count(*), coalesce(sum(hash(t::varchar)::hugeint), 0) from marts."{table}" t').fetchone()
        for table in tables}


def _checks(result) -> dict:
    return {e.event_specific_data.check_name: e.event_specific_data
            for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    _first_folder(raw)
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    first = materialize(raw, warehouse)
    assert first.success
    con = duckdb.connect(str(warehouse), read_only=True)
    before = {
        "reports": dict(con.execute("select source_path, report_id from marts.dim_report").fetchall()),
        "state": con.execute("select full_refresh, changed_reports from intermediate.int_build_state").fetchone(),
        "values": set(con.execute("select * from marts.fct_indicator_value").fetchall()),
    }
    con.close()

    _change_folder(raw)
    incremental = materialize(raw, warehouse)
    assert incremental.success
    fresh_warehouse = tmp_path_factory.mktemp("fresh") / "warehouse.duckdb"
    fresh = materialize(raw, fresh_warehouse)
    assert fresh.success
    yield before, (incremental, warehouse), (fresh, fresh_warehouse)


def test_every_mart_equals_a_build_from_scratch(builds):
    _, (_, warehouse), (_, fresh_warehouse) = builds
    with duckdb.connect(str(warehouse), read_only=True) as con:
        incremental = mart_digests(con)
    with duckdb.connect(str(fresh_warehouse), read_only=True) as con:
        fresh = mart_digests(con)
    assert set(incremental) >= {"dim_report", "fct_indicator_value", "fct_reconciliation", "fct_agency_year_concept",
                                "mart_agency_year", "fct_reconciliation_cell", "mart_reports_fit_for_analysis"}
    assert incremental == fresh
    # and the changes are really in it: the edited figure, the copy, the removed reports, the new year
    with duckdb.connect(str(warehouse), read_only=True) as con:
        paths = {row[0]: row[1:] for row in con.execute(
            "select source_path, duplicate_status, canonical_report_id from marts.dim_report").fetchall()}
        assert REMOVED_SEED not in paths and PINGTAN_2021 not in paths
        # the edited seed and its copy are one content: one canonical, the other its duplicate
        pair = {paths[EDITED][0], paths[COPY_OF_EDITED][0]}
        assert pair == {"canonical", "duplicate"}
        canonical = paths[EDITED][1]
        assert canonical == paths[COPY_OF_EDITED][1] in {report_id_for(EDITED), report_id_for(COPY_OF_EDITED)}
        assert con.execute(
            "select value from marts.fct_indicator_value where report_id = ? and indicator_code = 's.requests.closed.on_time'",
            [canonical]).fetchone() == (2,)
        assert con.execute(
            "select status from marts.fct_reconciliation where report_id = ? and rule_id = 'R-S-CLOSED'",
            [canonical]).fetchone() == ("fail",)
        years = [row[0] for row in con.execute(
            "select report_year from marts.mart_agency_year m join marts.dim_agency a using (agency_id) "
            "where a.agency_name = ? order by 1", [PINGTAN_AGENCY]).fetchall()]
        assert years == [2020, 2022, 2023]


def test_the_incremental_build_replaced_only_the_changed_reports(builds):
    before, (_, warehouse), _ = builds
    assert before["state"][0] is True  # the first build rebuilt everything
    with duckdb.connect(str(warehouse), read_only=True) as con:
        changes = dict(con.execute("select report_id, change from intermediate.int_report_changes").fetchall())
        full_refresh, changed_reports = con.execute(
            "select full_refresh, changed_reports from intermediate.int_build_state").fetchone()
        replaced = {row[0]: row[1:] for row in con.execute(
            "select model, rows_deleted, rows_inserted, rows_kept from intermediate.incremental_rows").fetchall()}
        totals = {table: con.execute(f"select count(*) from {table}").fetchone()[0]
                  for table in ("marts.fct_indicator_value", "marts.fct_reconciliation", "marts.dim_report")}
        of_changed = {table: con.execute(
            f"select count(*) from {table} where report_id in (select report_id from intermediate.int_report_changes)"
        ).fetchone()[0] for table in totals}
        values_after = set(con.execute("select * from marts.fct_indicator_value").fetchall())
    assert not full_refresh and changed_reports == len(changes)
    # the changed, new and removed documents, and the one report that depends on them: the 2022 Pingtan
    # report, whose year before was removed (the 2023 report is new; the copy of seed 001 is untouched)
    assert changes == {
        report_id_for(EDITED): "changed",
        report_id_for(COPY_OF_EDITED): "new",
        report_id_for(PINGTAN_2023): "new",
        report_id_for(REMOVED_SEED): "removed",
        report_id_for(PINGTAN_2021): "removed",
        report_id_for(PINGTAN_2022): "same agency, same or next year as a changed report",
    }
    # every incremental model deleted and inserted the rows of those reports only
    for table in ("fct_indicator_value", "fct_reconciliation", "dim_report"):
        deleted, inserted, kept = replaced[table]
        assert inserted == of_changed[f"marts.{table}"], table
        assert kept == totals[f"marts.{table}"] - inserted > 0, table
    # the facts of reports outside the change set are the very rows of the first build
    untouched = {report_id for path, report_id in before["reports"].items() if report_id not in changes}
    assert {row for row in before["values"] if row[0] in untouched} == {row for row in values_after if row[0] in untouched}
    assert untouched == {report_id_for(p) for p in (*[p for p in SEED_PATHS.values() if p not in (EDITED, REMOVED_SEED)],
                                                    COPY_OF_UNCHANGED, PINGTAN_2020)}


def test_checks_report_the_whole_warehouse_after_an_incremental_build(builds):
    _, (incremental, _), (fresh, _) = builds
    checks, fresh_checks = _checks(incremental), _checks(fresh)
    assert set(checks) == set(fresh_checks)
    for name, check in checks.items():
        want = fresh_checks[name]
        assert check.passed == want.passed, name  # the dbt tests' checks and the GX suites'
        if not name.startswith("gx_"):
            continue
        for key in ("failing_rules", "failing_rows", "failing_reports", "failing_report_ids", "rules_evaluated", "per_rule"):
            assert check.metadata[key].value == want.metadata[key].value, (name, key)
    # GX validated the changed reports' rows only; the counts are the warehouse's
    identities = checks["gx_report_identities"]
    assert identities.metadata["validated"].value.startswith("the reports this build changed: ")
    assert fresh_checks["gx_report_identities"].metadata["validated"].value.startswith("every report")
    assert "R-S-CLOSED" in identities.metadata["failing_rules"].value
    assert {report_id_for(EDITED), report_id_for(COPY_OF_EDITED)} & set(identities.metadata["failing_report_ids"].value)
