"""Reconciliation asset checks: one per Great Expectations suite, on ``marts.fct_reconciliation``.

Source inconsistencies (a report that does not add up) warn without blocking; a pipeline loss
(X-LINEAGE) is an error and blocks. Metadata names the failing reports so a person can act.
"""

import dagster as dg

from ..resources.warehouse import WarehouseResource
from ..settings import get_settings
from .expectation_suites import load_suite_file, suite_files, validate_suite

RECONCILIATION = dg.AssetKey(["marts", "fct_reconciliation"])  # dbt keys are schema/model


def _failing_markdown(frame, limit: int) -> tuple[str, int, list[str], str]:
    """The worst failing rows of a suite's frame (already restricted to its rules) as markdown."""
    failing = frame[frame["status"] == "fail"].copy()
    if failing.empty:
        return "no failing reports", 0, [], "none"
    failing["size"] = failing["residual"].abs()
    failing = failing.sort_values("size", ascending=False)
    lines = ["| agency | year | rule | applicant | subject | lhs | rhs | report |", "|---|---|---|---|---|---|---|---|"]
    for row in failing.head(limit).itertuples():
        lines.append(f"| {row.agency_name or '?'} | {row.report_year} | {row.rule_id} | {row.applicant_type} | "
                     f"{row.subject} | {row.lhs:g} | {row.rhs:g} | {row.report_id} |")
    reports = sorted(failing["report_id"].unique().tolist())
    # a one-line list shows on the check page without opening the markdown table
    agencies = failing.drop_duplicates(["agency_name", "report_year"]).head(limit)
    inline = "; ".join(f"{row.agency_name or '?'} {row.report_year}" for row in agencies.itertuples())
    return "\n".join(lines), len(failing), reports, inline


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
        with warehouse.connect(read_only=True) as con:
            # only this suite's assessable rows: the frame stays small however many reports there are
            frame = con.execute(
                """select report_id, rule_id, applicant_type, subject, status, lhs, rhs, residual, agency_name, report_year
                   from marts.fct_reconciliation
                   where rule_id in (select unnest(?::varchar[])) and status <> 'not_assessable'""", [rule_ids]).df()
            evaluated = con.execute(
                "select count(*) from marts.fct_reconciliation where rule_id in (select unnest(?::varchar[]))",
                [rule_ids]).fetchone()[0]
        outcome = validate_suite(path, frame, settings.rules.count_abs_tolerance)
        table, failing_rows, reports, agencies = _failing_markdown(frame, settings.rules.worst_cases_shown)
        per_rule = {r.rule_id: f"{'pass' if r.success else 'fail'} ({r.failing_rows} failing rows)" for r in outcome.rules}
        return dg.AssetCheckResult(
            passed=outcome.success,
            severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
            metadata={
                "suite": f"expectations/{path.name}",
                "rules_evaluated": int(evaluated),
                "failing_rows": failing_rows,
                "failing_reports": len(reports),
                "failing_rules": ", ".join(outcome.failing_rules) or "none",
                "failing_agencies": agencies,
                "per_rule": dg.MetadataValue.json(per_rule),
                "worst_cases": dg.MetadataValue.md(table),
                "failing_report_ids": dg.MetadataValue.json(reports[:200]),
            },
        )

    return _check


def reconciliation_checks() -> list[dg.AssetChecksDefinition]:
    return [_build_check(path) for path in suite_files(get_settings().expectations_dir)]
