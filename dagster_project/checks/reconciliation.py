"""Reconciliation asset checks: one per Great Expectations suite, on ``marts.fct_reconciliation``.

Source inconsistencies (a report that does not add up) warn without blocking; a pipeline loss
(X-LINEAGE) is an error and blocks. Metadata names the failing reports so a person can act.
"""

import dagster as dg

from ..resources.warehouse import WarehouseResource
from ..settings import get_settings
from .expectation_suites import load_suite_file, suite_files, validate_suite
from .failing_reports import document, figures_query, read_failing_rows

RECONCILIATION = dg.AssetKey(["marts", "fct_reconciliation"])  # dbt keys are schema/model


def _build_check(path) -> dg.AssetChecksDefinition:
    spec = load_suite_file(path)
    name = spec["name"]
    blocking = any(e.get("severity") == "critical" for e in spec["expectations"])
    rule_ids = sorted({e["meta"]["rule_id"] for e in spec["expectations"]})

    @dg.asset_check(
        asset=RECONCILIATION,
        name=f"gx_{name}",
        blocking=blocking,
        description=f"{spec['meta']['description']}. Great Expectations suite expectations/{path.name}; "
                    f"rules {', '.join(rule_ids)}.",
    )
    def _check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        settings = get_settings()
        limit = settings.rules.worst_cases_shown
        with warehouse.connect(read_only=True) as con:
            # only this suite's assessable rows: the frame stays small however many reports there are
            frame = con.execute(
                """select report_id, rule_id, applicant_type, subject, status, residual
                   from marts.fct_reconciliation
                   where rule_id in (select unnest(?::varchar[])) and status <> 'not_assessable'""", [rule_ids]).df()
            evaluated = con.execute(
                "select count(*) from marts.fct_reconciliation where rule_id in (select unnest(?::varchar[]))",
                [rule_ids]).fetchone()[0]
            failing = read_failing_rows(con, rule_ids, limit, settings.rules.worst_cases_with_cells)
        outcome = validate_suite(path, frame, settings.rules.count_abs_tolerance)
        failing_frame = frame[frame["status"] == "fail"]
        reports = sorted(failing_frame["report_id"].unique().tolist())
        per_rule = {r.rule_id: f"{'pass' if r.success else 'fail'} ({r.failing_rows} failing rows)" for r in outcome.rules}
        metadata = {
            "suite": f"expectations/{path.name}",
            "rules_evaluated": int(evaluated),
            "failing_rows": len(failing_frame),
            "failing_reports": len(reports),
            "failing_rules": ", ".join(outcome.failing_rules) or "none",
            "failing_agencies": failing.agencies_inline(limit),
            "per_rule": dg.MetadataValue.json(per_rule),
            "worst_cases": dg.MetadataValue.md(failing.worst_cases(limit)),
            "rules": dg.MetadataValue.md(failing.rules()),
            "cells_of_worst_cases": dg.MetadataValue.md(failing.cells_table(4 * limit)),
            "failing_report_ids": dg.MetadataValue.json(reports[:200]),
        }
        worst = failing.worst
        if worst is not None:
            # the worst report by name, where to open it, and the query that lists its printed cells
            name = document(worst["source_path"], worst["source_url"])
            metadata["worst_report"] = f"{worst['agency_name'] or '?'} {worst['report_year']}: {name}"
            metadata["worst_rule"] = f"{worst['rule_id']}: {worst['rule_text_zh']} / {worst['rule_text_en']}"
            metadata["worst_document"] = (dg.MetadataValue.url(worst["source_url"]) if worst["source_url"]
                                          else dg.MetadataValue.path(str(settings.raw_dir / worst["source_path"])))
            metadata["figures_query"] = dg.MetadataValue.md(f"```sql\n{figures_query(worst['source_path'])}\n```")
        return dg.AssetCheckResult(
            passed=outcome.success,
            severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
            metadata=metadata,
        )

    return _check


def reconciliation_checks() -> list[dg.AssetChecksDefinition]:
    return [_build_check(path) for path in suite_files(get_settings().expectations_dir)]
