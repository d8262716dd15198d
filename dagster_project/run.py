"""`make run`: materialize every asset in this process and print what the warehouse now holds."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def _summary(warehouse: Path) -> str:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        docs = q("select count(*), count(*) filter (where parse_status = 'failed'), "
                 "count(*) filter (where doc_type = 'annual_report') from marts.dim_report")[0]
        figures = q("select count(*) from marts.fct_indicator_value")[0][0]
        unplaced = q("select count(*) from marts.fct_unplaced_figure")[0][0]
        rules = dict(q("select status, count(*) from marts.fct_reconciliation group by status"))
        failing = q("select rule_id, count(distinct report_id) from marts.fct_reconciliation where status = 'fail' "
                    "group by rule_id order by 2 desc limit 8")
        errors = q("select source_path, parse_error from marts.dim_report where parse_status = 'failed' limit 10")
    finally:
        con.close()
    lines = [
        "",
        "govinfo-warehouse: run complete",
        f"  documents ingested : {docs[0]} ({docs[2]} annual reports, {docs[1]} could not be parsed)",
        f"  figures staged     : {figures} ({unplaced} more kept without a column)",
        f"  rules              : {rules.get('pass', 0)} passed, {rules.get('fail', 0)} failed, "
        f"{rules.get('not_assessable', 0)} not assessable",
    ]
    if failing:
        lines.append("  failing rules      : " + ", ".join(f"{rule} ({n} reports)" for rule, n in failing))
    for path, error in errors:
        lines.append(f"  not parsed         : {path}: {error}")
    lines += [f"  warehouse          : {warehouse}", "  query it           : duckdb -readonly " + str(warehouse)]
    return "\n".join(lines)


def main() -> int:
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
    import dagster as dg

    from .definitions import defs
    from .settings import get_settings

    settings = get_settings()
    print(f"govinfo-warehouse: documents from {settings.raw_dir}, warehouse {settings.warehouse}", flush=True)
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    result = defs.get_job_def("build_warehouse").execute_in_process(instance=instance, raise_on_error=False)
    dbt_tests = {True: 0, False: 0}
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if not evaluation.check_name.startswith("gx_"):
                dbt_tests[evaluation.passed] += 1
                continue
            status = "passed" if evaluation.passed else f"FAILED ({evaluation.severity.value.lower()})"
            print(f"  check {evaluation.check_name:<26} {status}")
    print(f"  dbt tests: {dbt_tests[True]} passed, {dbt_tests[False]} failed")
    if settings.warehouse.exists():
        print(_summary(settings.warehouse))
    if not result.success:
        failed = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
        print(f"run failed at: {', '.join(failed) or 'unknown step'}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
