"""The warehouse-quality page (``site/quality/index.html``), built from Great Expectations validation results.

Great Expectations' own data docs load bootstrap, jQuery and their tables from CDNs, so offline they
are unstyled and their lists empty; they also show a suite's bounds as ``{'$PARAMETER': ...}`` and a
failing value without its report. This page is made from the same validation (each suite of
``expectations/*.json`` run by GX against ``marts.fct_reconciliation``, every unexpected row kept
with its report, rule, applicant type and subject) and shows, with no script at all:

- each suite with its expectations and their bounds resolved to the tolerance settings in force;
- each expectation's outcome (rows evaluated, failing rows);
- the failing rows naming the report: agency, year, document path or URL, the rule in Chinese and
  English, both sides, the residual and what disagrees.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..checks.batches import Scope, suite_frames
from ..checks.expectation_suites import load_suite_file, resolve_parameters, rule_of, suite_files, suite_parameters, suite_validator
from ..checks.failing_reports import document, number
from ..settings import Settings
from .html import Raw, escape, page, status, table

INDEX_COLUMNS = ["report_id", "rule_id", "applicant_type", "subject"]
ROWS_SQL = """
    select f.report_id, f.rule_id, f.applicant_type, f.subject, f.lhs, f.rhs, f.residual, f.note,
           f.agency_name, f.report_year, f.rule_text_zh, f.rule_text_en, d.source_path, d.source_url
    from marts.fct_reconciliation f left join stg.stg_documents d using (report_id)
    where f.rule_id in (select unnest(?::varchar[]))
      and (f.report_id || '|' || f.rule_id || '|' || f.applicant_type || '|' || f.subject) in (select unnest(?::varchar[]))"""


@dataclass
class ExpectationOutcome:
    rule_id: str
    severity: str
    description: str
    expectation: str
    kwargs: dict
    success: bool
    evaluated: int
    unexpected: int


@dataclass
class SuiteReport:
    name: str
    file: str
    description: str
    success: bool
    expectations: list[ExpectationOutcome]
    failing_rows: list[dict] = field(default_factory=list)

    @property
    def failing_rules(self) -> list[str]:
        return sorted({e.rule_id for e in self.expectations if not e.success})


def _unexpected_keys(result: dict) -> list[tuple]:
    keys = []
    for item in result.get("unexpected_index_list") or []:
        if isinstance(item, dict) and all(column in item for column in INDEX_COLUMNS):
            keys.append(tuple(str(item[column]) for column in INDEX_COLUMNS))
    return keys


def validate_all(settings: Settings, con) -> list[SuiteReport]:
    """Every suite validated by GX against the assessable rows of fct_reconciliation, with its failing rows.

    The rows come in batches of ``GOVINFO_CHECK_BATCH_ROWS`` (as the asset checks read them), each
    validated by GX in turn: counts add up over the batches and only the worst failing rows of each
    suite are kept, so the page's memory is bounded by a batch, not by the warehouse."""
    parameters = suite_parameters(settings.rules.count_abs_tolerance)
    result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": INDEX_COLUMNS,
                     "return_unexpected_index_query": False}
    limit = settings.rules.worst_cases_shown * 5
    every_report = Scope(False, "every report")
    reports = []
    for path in suite_files(settings.expectations_dir):
        spec = load_suite_file(path)
        expectations = spec["expectations"]
        rule_ids = sorted({rule_of(e) for e in expectations})
        outcomes = [ExpectationOutcome(
            rule_id=rule_of(e), severity=(e.get("meta") or {}).get("severity", "?"),
            description=(e.get("meta") or {}).get("description", ""), expectation=e["type"],
            kwargs=resolve_parameters(e["kwargs"], parameters), success=True, evaluated=0, unexpected=0)
            for e in expectations]
        validate = suite_validator(path, settings.rules.count_abs_tolerance, result_format)
        report = SuiteReport(spec["name"], f"expectations/{path.name}", spec["meta"].get("description", ""), True,
                             outcomes)
        for frame in suite_frames(con, rule_ids, every_report, settings.check_batch_rows):
            present = frozenset(frame["rule_id"].unique()) & set(rule_ids) if "rule_id" in frame else frozenset()
            if not present:
                continue
            result = validate(frame, present)
            report.success = report.success and bool(result.success)
            chosen = [outcome for outcome in outcomes if outcome.rule_id in present]  # the suite's order, as GX's
            keys: list[str] = []
            for outcome, item in zip(chosen, result.results):
                details = item.result or {}
                outcome.success = outcome.success and bool(item.success)
                outcome.evaluated += int(details.get("element_count") or 0)
                outcome.unexpected += int(details.get("unexpected_count") or 0)
                keys.extend("|".join(key) for key in _unexpected_keys(details))
            if keys:
                report.failing_rows = _worst(report.failing_rows + _failing_rows(con, rule_ids, keys), limit)
        reports.append(report)
    return reports


def _failing_rows(con, rule_ids: list[str], keys: list[str]) -> list[dict]:
    """The report, rule texts and both sides of the unexpected rows of one batch."""
    cursor = con.execute(ROWS_SQL, [rule_ids, keys])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _worst(rows: list[dict], limit: int) -> list[dict]:
    """The ``limit`` rows of largest residual (then by document, rule, applicant type and subject)."""
    rows.sort(key=lambda r: (-abs(r["residual"] or 0), r["source_path"] or "", r["rule_id"], r["applicant_type"], r["subject"]))
    return rows[:limit]


def _bounds(kwargs: dict) -> str:
    shown = {k: v for k, v in kwargs.items() if k not in {"condition_parser"}}
    return json.dumps(shown, ensure_ascii=False)


def render(reports: list[SuiteReport], settings: Settings, nav: list[tuple[str, str]]) -> str:
    tolerance = settings.rules.count_abs_tolerance
    built = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<h1>Warehouse quality: reconciliation suites</h1>",
        f"<p class='lead'>Great Expectations validation of <code>marts.fct_reconciliation</code> in "
        f"<code>{escape(settings.warehouse)}</code>, built {escape(built)}. Residual bounds: "
        f"<code>min_residual = {number(-tolerance) or '0'}</code>, <code>max_residual = {number(tolerance) or '0'}</code> "
        f"(GOVINFO_RULES_COUNT_ABS_TOLERANCE). Rows that are not assessable are left out.</p>",
        table(["suite", "what it checks", "result", "failing rules", "failing rows"],
              [[Raw(f"<a href='#{escape(r.name)}'>{escape(r.name)}</a>"), r.description, status(r.success),
                ", ".join(r.failing_rules) or "none", sum(e.unexpected for e in r.expectations)] for r in reports],
              numeric={4}),
    ]
    for report in reports:
        parts.append(f"<h2 id='{escape(report.name)}'>{escape(report.name)} {status(report.success).html}</h2>")
        parts.append(f"<p>{escape(report.description)}. Suite file <code>{escape(report.file)}</code>.</p>")
        parts.append(table(
            ["rule", "severity", "what the rule says", "expectation (parameters resolved)", "rows evaluated", "failing rows", "result"],
            [[e.rule_id, e.severity, e.description, Raw(f"<code>{escape(e.expectation)}</code><br><code>{escape(_bounds(e.kwargs))}</code>"),
              e.evaluated, e.unexpected, status(e.success)] for e in report.expectations],
            numeric={4, 5}, classes={0: "nowrap"}))
        if report.failing_rows:
            total = sum(e.unexpected for e in report.expectations)
            parts.append(f"<p><b>Failing rows</b> ({len(report.failing_rows)} of {total} shown, largest residual first):</p>")
            parts.append(table(
                ["agency", "year", "document", "rule", "规则", "applicant", "subject", "lhs", "rhs", "residual", "what disagrees"],
                [[r["agency_name"] or "?", r["report_year"], document(r["source_path"], r["source_url"]), r["rule_id"],
                  r["rule_text_zh"], r["applicant_type"], r["subject"], number(r["lhs"]), number(r["rhs"]),
                  number(r["residual"]), r["note"]] for r in report.failing_rows],
                numeric={1, 7, 8, 9}, classes={0: "name", 2: "nowrap", 3: "nowrap", 4: "zh"}))
            parts.append("<p class='muted'>The printed cells behind these rows, with their evidence:</p>"
                         f"<pre>select * from marts.fct_reconciliation_cell where rule_id in "
                         f"({escape(', '.join(repr(r) for r in report.failing_rules))}) order by report_id, rule_id, side;</pre>")
    return page("Warehouse quality", "\n".join(parts), nav)


def build_quality_page(settings: Settings, con, out_dir: Path, nav: list[tuple[str, str]]) -> tuple[Path, list[SuiteReport]]:
    reports = validate_all(settings, con)
    if not reports:
        raise SystemExit(f"no suites in {settings.expectations_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_text(render(reports, settings, nav), encoding="utf-8")
    return index, reports
