"""Reconciliation asset checks: one per Great Expectations suite, on ``marts.fct_reconciliation``.

Source inconsistencies (a report that does not add up) warn without blocking; a pipeline loss
(X-LINEAGE) is an error and blocks. Metadata names the failing reports so a person can act.

Great Expectations validates the rows the dbt build wrote: the changed reports' rows on an
incremental build, every report's on a full one, in batches of ``GOVINFO_CHECK_BATCH_ROWS`` rows.
The counts of the whole warehouse (rules evaluated, failing rows and reports) are DuckDB aggregates;
failing rows of reports this build did not touch (validated when they were written) still fail the check.
"""

import dagster as dg

from ..resources.duckdb_memory import bound_memory
from ..resources.warehouse import WarehouseResource
from ..settings import get_settings
from .batches import (Validated, failing_report_ids, suite_frames, validated_reports, validation_scope,
                      warehouse_totals)
from .expectation_suites import load_suite_file, suite_files, validate_suite_batches
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
            bound_memory(con, settings)
            scope = validation_scope(con)
            # GX validates the rows this build wrote (the changed reports'), a bounded batch at a time
            validated = Validated(reports=validated_reports(con, rule_ids, scope))
            outcome = validate_suite_batches(
                path, suite_frames(con, rule_ids, scope, settings.check_batch_rows, validated),
                settings.rules.count_abs_tolerance)
            # the whole warehouse's counts come from DuckDB, not from frames
            totals = warehouse_totals(con, rule_ids, scope)
            failing_ids = failing_report_ids(con, rule_ids, 200)
            failing = read_failing_rows(con, rule_ids, limit, settings.rules.worst_cases_with_cells)
        # a rule fails when it fails on this build's rows, or failing rows of earlier builds remain
        per_rule, failing_rules = {}, []
        by_rule = {r.rule_id: r for r in outcome.rules}
        for rule_id in sorted(set(by_rule) | set(totals.failing_elsewhere)):
            rule = by_rule.get(rule_id)
            rows = (rule.failing_rows if rule else 0) + totals.failing_elsewhere.get(rule_id, 0)
            ok = (rule is None or rule.success) and not totals.failing_elsewhere.get(rule_id)
            per_rule[rule_id] = f"{'pass' if ok else 'fail'} ({rows} failing rows)"
            if not ok:
                failing_rules.append(rule_id)
        passed = outcome.success and not any(totals.failing_elsewhere.values())
        metadata = {
            "suite": f"expectations/{path.name}",
            "validated": f"{scope.label}: {validated.reports} reports, "
                         f"{validated.rows} rows in {max(validated.batches, 1)} batch(es)",
            "rules_evaluated": totals.evaluated,
            "failing_rows": totals.failing_rows,
            "failing_reports": totals.failing_reports,
            "failing_rules": ", ".join(failing_rules) or "none",
            "failing_agencies": failing.agencies_inline(limit),
            "per_rule": dg.MetadataValue.json(per_rule),
            "worst_cases": dg.MetadataValue.md(failing.worst_cases(limit)),
            "rules": dg.MetadataValue.md(failing.rules()),
            "cells_of_worst_cases": dg.MetadataValue.md(failing.cells_table(4 * limit)),
            "failing_report_ids": dg.MetadataValue.json(failing_ids),
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
            passed=passed,
            severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
            metadata=metadata,
        )

    return _check


def reconciliation_checks() -> list[dg.AssetChecksDefinition]:
    return [_build_check(path) for path in suite_files(get_settings().expectations_dir)]
