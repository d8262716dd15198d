"""Great Expectations suites kept as files under ``expectations/``, validated on frames from DuckDB.

One suite per rule family. Each expectation bounds the residual of one rule (rows that are
not assessable are left out); the bounds are the typed tolerance settings, passed as suite
parameters, so the files hold no numbers that belong in configuration.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


@dataclass
class RuleOutcome:
    rule_id: str
    severity: str
    success: bool
    failing_rows: int


@dataclass
class SuiteOutcome:
    suite: str
    description: str
    success: bool
    rules: list[RuleOutcome] = field(default_factory=list)

    @property
    def failing_rules(self) -> list[str]:
        return [r.rule_id for r in self.rules if not r.success]


def load_suite_file(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def suite_parameters(count_tolerance: float) -> dict[str, float]:
    """The values of a suite's ``$PARAMETER`` bounds: the typed tolerance settings."""
    return {"min_residual": -count_tolerance or 0.0, "max_residual": count_tolerance}  # never -0.0


def resolve_parameters(value, parameters: dict[str, float]):
    """A suite's kwargs with every ``{"$PARAMETER": name}`` replaced by its value (for display)."""
    if isinstance(value, dict):
        if set(value) == {"$PARAMETER"}:
            return parameters[value["$PARAMETER"]]
        return {key: resolve_parameters(item, parameters) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve_parameters(item, parameters) for item in value]
    return value


def run_suite(path: Path, frame, count_tolerance: float, result_format: dict | str = "SUMMARY"):
    """Validate one suite file against ``fct_reconciliation`` rows (a pandas frame); GX's validation result."""
    import great_expectations as gx
    from great_expectations.core.expectation_suite import ExpectationSuite
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    spec = load_suite_file(path)
    context = gx.get_context(mode="ephemeral")
    try:
        context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    except Exception:  # older/newer variable models: progress bars are cosmetic
        pass
    source = context.data_sources.add_pandas(f"warehouse_{spec['name']}")
    asset = source.add_dataframe_asset(spec["meta"].get("asset", "fct_reconciliation"))
    batch_definition = asset.add_batch_definition_whole_dataframe("all_rows")
    suite = ExpectationSuite(
        name=spec["name"],
        expectations=[
            ExpectationConfiguration(type=e["type"], kwargs=e["kwargs"], meta=e.get("meta"), severity=e.get("severity", "critical"))
            for e in spec["expectations"]
        ],
    )
    batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
    return batch.validate(suite, expectation_parameters=suite_parameters(count_tolerance), result_format=result_format)


def validate_suite(path: Path, frame, count_tolerance: float) -> SuiteOutcome:
    """Validate one suite file against ``fct_reconciliation`` rows (a pandas frame)."""
    spec = load_suite_file(path)
    result = run_suite(path, frame, count_tolerance)
    outcome = SuiteOutcome(spec["name"], spec["meta"].get("description", ""), bool(result.success))
    for item in result.results:
        meta = item.expectation_config.meta or {}
        outcome.rules.append(RuleOutcome(
            rule_id=meta.get("rule_id", "?"),
            severity=meta.get("severity", "warn"),
            success=bool(item.success),
            failing_rows=int((item.result or {}).get("unexpected_count") or 0),
        ))
    return outcome


def suite_files(expectations_dir: Path) -> list[Path]:
    return sorted(expectations_dir.glob("*.json"))
