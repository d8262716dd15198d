"""How long `dbt build` and the reconciliation checks take on a large warehouse: a full build, then
an incremental build after a few reports changed.

Parsing 100,000 documents takes hours on this machine, so the staging of a large warehouse is made
from a small one built by `make run` (``--from``): one report per agency and year of it is cloned
``--reports`` / (its agency-years) times, each clone under agencies of its own (the name with the
clone's number), so the clones are distinct reports with their own years, copies and cross-year
chains, as a national corpus has. Then:

1. ``dbt build --full-refresh`` (what the first build of a warehouse runs);
2. ``--changed`` reports get a different figure and a new ``parsed_at`` (as a re-parse leaves them);
3. ``dbt build`` incrementally (what `make run` runs then);
4. the reconciliation checks' work (GX over the changed reports' rows in batches, the warehouse's counts).

    .venv/bin/python scripts/benchmark_incremental.py --from warehouse/govinfo.duckdb --reports 100000

Prints seconds and the load average (`uptime`) before each step.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PER_REPORT = ("reports", "figures", "unplaced_figures", "uncoded_rows", "parse_errors")


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def make_staging(source: Path, target: Path, reports: int) -> int:
    """A warehouse file holding only staging: ``reports`` clones of the source's reports."""
    import duckdb

    con = duckdb.connect(str(target))
    con.execute(f"attach '{source}' as src (read_only)")
    con.execute("create schema staging")
    # one report per agency and year of the source (its first), with its agency row
    con.execute("""create temp table template as
        select r.report_id from src.staging.reports r
        join src.staging.documents d using (report_id)
        qualify row_number() over (partition by r.agency_id, r.report_year order by r.report_id) = 1""")
    per_clone = con.execute("select count(*) from template").fetchone()[0]
    clones = max(1, reports // per_clone)
    con.execute(f"create temp table clones as select range as k from range({clones})")
    suffix = "'（' || clones.k || '）'"
    new_id = "substr(md5(t.report_id || ':' || clones.k), 1, 16)"
    con.execute(f"""create table staging.documents as
        select {new_id} as report_id, 'clone' || clones.k || '/' || t.source_path as source_path,
               md5(t.sha256 || clones.k) as sha256, t.size_bytes, t.mtime_ns, t.encoding, t.decoded_how,
               '' as text, t.source_url, t.ingested_at, t.edge_sha256, t.reader
        from src.staging.documents t join template using (report_id) cross join clones""")
    con.execute(f"""create table staging.reports as
        select * replace ({new_id} as report_id, md5(t.sha256 || clones.k) as sha256,
                          t.agency_name || {suffix} as agency_name, md5(t.agency_id || clones.k)[:12] as agency_id,
                          md5(coalesce(t.content_hash, '') || clones.k) as content_hash)
        from src.staging.reports t join template using (report_id) cross join clones""")
    for table in ("figures", "unplaced_figures", "uncoded_rows", "parse_errors"):
        con.execute(f"""create table staging.{table} as
            select * replace ({new_id} as report_id)
            from src.staging.{table} t join template using (report_id) cross join clones""")
    con.execute(f"""create table staging.agencies as
        select * replace (md5(t.agency_id || clones.k)[:12] as agency_id, t.agency_name || {suffix} as agency_name)
        from src.staging.agencies t cross join clones
        where t.agency_id in (select agency_id from src.staging.reports where report_id in (select report_id from template))""")
    con.execute("create table staging.refused_documents as select * from src.staging.refused_documents")
    count = con.execute("select count(*) from staging.reports").fetchone()[0]
    con.execute("detach src")
    con.close()
    return count


def change_reports(warehouse: Path, count: int) -> list[str]:
    """``count`` reports spread over the warehouse get one figure changed and a new parsed_at."""
    import duckdb

    con = duckdb.connect(str(warehouse))
    ids = [row[0] for row in con.execute(
        f"select report_id from staging.reports using sample {count} rows (reservoir, 42)").fetchall()]
    con.execute("""update staging.figures set value = value + 1
                   where report_id in (select unnest(?::varchar[])) and applicant_type = 'total'
                     and indicator_code in ('t3.new_received', 's.requests.received')""", [ids])
    con.execute("update staging.reports set parsed_at = now()::timestamp where report_id in (select unnest(?::varchar[]))", [ids])
    con.close()
    return ids


def dbt_build(warehouse: Path, full_refresh: bool, label: str) -> float:
    from dagster_project.assets.dbt_refresh import models_digest
    from dagster_project.assets.dbt_vars import dbt_vars
    from dagster_project.settings import get_settings

    settings = get_settings()
    build_vars = dbt_vars(settings)
    build_vars |= {"models_digest": models_digest(settings.dbt_project_dir, build_vars), "parser_version": "benchmark"}
    args = [str(ROOT / ".venv/bin/dbt"), "build", "--profiles-dir", ".", "--vars", json.dumps(build_vars)]
    args += ["--full-refresh"] if full_refresh else []
    env = dict(os.environ, GOVINFO_WAREHOUSE=str(warehouse), DBT_SEND_ANONYMOUS_USAGE_STATS="False")
    before = load()
    start = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT / "dbt", env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    summary = [line for line in done.stdout.splitlines() if "Done." in line or "Finished running" in line]
    print(f"  {label:<34} {seconds:7.1f} s   ({before})   {' | '.join(s.split('  ', 1)[-1] for s in summary)}", flush=True)
    if done.returncode != 0:
        print(done.stdout[-4000:], flush=True)
        raise SystemExit(f"dbt build failed ({label})")
    return seconds


def run_checks(warehouse: Path, label: str) -> float:
    """What each reconciliation asset check does, without Dagster: GX over the batches, the totals."""
    import duckdb

    from dagster_project.checks.batches import (Validated, failing_report_ids, suite_frames, validated_reports,
                                                validation_scope, warehouse_totals)
    from dagster_project.checks.expectation_suites import load_suite_file, suite_files, validate_suite_batches
    from dagster_project.checks.failing_reports import read_failing_rows
    from dagster_project.settings import get_settings

    settings = get_settings()
    before = load()
    start = time.perf_counter()
    con = duckdb.connect(str(warehouse), read_only=True)
    rows = 0
    for path in suite_files(settings.expectations_dir):
        rule_ids = sorted({e["meta"]["rule_id"] for e in load_suite_file(path)["expectations"]})
        scope = validation_scope(con)
        validated = Validated(reports=validated_reports(con, rule_ids, scope))
        validate_suite_batches(path, suite_frames(con, rule_ids, scope, settings.check_batch_rows, validated),
                               settings.rules.count_abs_tolerance)
        warehouse_totals(con, rule_ids, scope)
        failing_report_ids(con, rule_ids, 200)
        read_failing_rows(con, rule_ids, settings.rules.worst_cases_shown, settings.rules.worst_cases_with_cells)
        rows += validated.rows
    con.close()
    seconds = time.perf_counter() - start
    print(f"  {label:<34} {seconds:7.1f} s   ({before})   {rows} rows validated by GX", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True, help="a warehouse built by make run")
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark warehouse")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govinfo-incremental-"))
    warehouse = work / "warehouse.duckdb"
    try:
        start = time.perf_counter()
        count = make_staging(args.source.resolve(), warehouse, args.reports)
        print(f"{count} reports staged from {args.source} in {time.perf_counter() - start:.1f} s", flush=True)
        dbt_build(warehouse, True, "dbt build --full-refresh")
        run_checks(warehouse, "checks after the full build")
        ids = change_reports(warehouse, args.changed)
        dbt_build(warehouse, False, f"dbt build, {len(ids)} reports changed")
        import duckdb

        with duckdb.connect(str(warehouse), read_only=True) as con:
            changes = con.execute("select count(*) from intermediate.int_report_changes").fetchone()[0]
            rows = con.execute("select model, rows_inserted, rows_kept from intermediate.incremental_rows "
                               "where model in ('fct_indicator_value', 'fct_reconciliation') order by 1").fetchall()
        print(f"  change set {changes} reports; rows inserted / kept: "
              + ", ".join(f"{m} {i} / {k}" for m, i, k in rows), flush=True)
        run_checks(warehouse, "checks after the incremental build")
    finally:
        if args.keep:
            print(f"kept {warehouse}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
