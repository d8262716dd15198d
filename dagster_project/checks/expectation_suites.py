"""Great Expectations suites kept as files under ``expectations/``, validated on frames from DuckDB.

One suite per rule family. Each expectation bounds the residual of one rule (rows that are
not assessable are left out); the bounds are the typed tolerance settings, passed as suite
parameters, so the files hold no numbers that belong in configuration.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

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
    batches: int = 0

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


def _expectation(e: dict):
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    return ExpectationConfiguration(type=e["type"], kwargs=e["kwargs"], meta=e.get("meta"),
                                    severity=e.get("severity", "critical"))


def preload_great_expectations() -> threading.Thread:
    """Import Great Expectations in a background thread. Its import costs 5-10 s on a loaded machine,
    paid by the first check; started while `dbt build` runs in its own process, it is done by the
    time the checks start. A failure here only means the first check imports it itself."""
    def _import() -> None:
        try:
            import great_expectations  # noqa: F401
            from great_expectations.core.expectation_suite import ExpectationSuite  # noqa: F401
        except Exception:  # noqa: BLE001 - the check's own import reports any real problem
            pass

    thread = threading.Thread(target=_import, name="preload-great-expectations", daemon=True)
    thread.start()
    return thread


def rule_of(expectation: dict) -> str:
    return (expectation.get("meta") or {}).get("rule_id", "?")


def suite_validator(path: Path, count_tolerance: float, result_format: dict | str = "SUMMARY"):
    """A function validating one suite file against frames of ``fct_reconciliation`` rows, one at a
    time: the GX context, data source and suite are made once, so batches cost one validation each.

    ``validate(frame, rules)`` validates only the expectations of ``rules`` (all when None): GX's
    cost is per expectation and batch, whatever the rows, and an expectation of a rule with no row
    in the frame has nothing to validate."""
    import great_expectations as gx
    from great_expectations.core.expectation_suite import ExpectationSuite

    spec = load_suite_file(path)
    context = gx.get_context(mode="ephemeral")
    try:
        context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    except Exception:  # older/newer variable models: progress bars are cosmetic
        pass
    source = context.data_sources.add_pandas(f"warehouse_{spec['name']}")
    asset = source.add_dataframe_asset(spec["meta"].get("asset", "fct_reconciliation"))
    batch_definition = asset.add_batch_definition_whole_dataframe("all_rows")
    suites: dict[frozenset | None, ExpectationSuite] = {}

    def suite_of(rules: frozenset | None) -> ExpectationSuite:
        if rules not in suites:
            chosen = [e for e in spec["expectations"] if rules is None or rule_of(e) in rules]
            suites[rules] = ExpectationSuite(name=spec["name"], expectations=[_expectation(e) for e in chosen])
        return suites[rules]

    parameters = suite_parameters(count_tolerance)

    def validate(frame, rules: frozenset | None = None):
        batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
        return batch.validate(suite_of(rules), expectation_parameters=parameters, result_format=result_format)

    return validate


def run_suite(path: Path, frame, count_tolerance: float, result_format: dict | str = "SUMMARY"):
    """Validate one suite file against ``fct_reconciliation`` rows (a pandas frame); GX's validation result."""
    return suite_validator(path, count_tolerance, result_format)(frame)


def validate_suite(path: Path, frame, count_tolerance: float) -> SuiteOutcome:
    """Validate one suite file against ``fct_reconciliation`` rows (a pandas frame)."""
    return validate_suite_batches(path, [frame], count_tolerance)


def validate_suite_batches(path: Path, frames: Iterable, count_tolerance: float) -> SuiteOutcome:
    """Validate one suite file against ``fct_reconciliation`` rows given as successive frames: the
    outcome of all of them (a rule succeeds when it succeeds on every batch; failing rows add up).
    Only one frame is held at a time, so memory is bounded by the batch, not by the warehouse.
    A batch is validated against the expectations of the rules it has rows of; a rule with no row
    in any batch has nothing that fails (as GX says of an empty frame) and is reported as passing."""
    spec = load_suite_file(path)
    validate = suite_validator(path, count_tolerance)
    rules = {rule_of(e): RuleOutcome(rule_of(e), (e.get("meta") or {}).get("severity", "warn"), True, 0)
             for e in spec["expectations"]}
    success, batches = True, 0
    for frame in frames:
        batches += 1
        present = frozenset(frame["rule_id"].unique()) & set(rules) if "rule_id" in frame else frozenset()
        if not present:
            continue
        result = validate(frame, present)
        success = success and bool(result.success)
        for item in result.results:
            meta = item.expectation_config.meta or {}
            rule_id = meta.get("rule_id", "?")
            rule = rules.setdefault(rule_id, RuleOutcome(rule_id, meta.get("severity", "warn"), True, 0))
            rule.success = rule.success and bool(item.success)
            rule.failing_rows += int((item.result or {}).get("unexpected_count") or 0)
    outcome = SuiteOutcome(spec["name"], spec["meta"].get("description", ""), success)
    outcome.rules = list(rules.values())
    outcome.batches = batches
    return outcome


def suite_files(expectations_dir: Path) -> list[Path]:
    return sorted(expectations_dir.glob("*.json"))
