"""Which ``fct_reconciliation`` rows a check validates, in batches of bounded size, and the whole
warehouse's counts as DuckDB aggregates, so no check holds a fact table in memory.

The rows validated are those of the reports the last dbt build replaced
(``intermediate.int_report_changes``: the changed reports and their dependents on an incremental
build, every report on a full one). A warehouse built before that table existed is validated whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..resources.duckdb_file import has_table

CHANGES = "intermediate.int_report_changes"


@dataclass(frozen=True)
class Scope:
    """The reports whose rows are validated: those of ``int_report_changes``, or every report."""

    changed_only: bool
    label: str

    def condition(self, column: str = "report_id") -> str:
        return f"{column} in (select report_id from {CHANGES})" if self.changed_only else "true"


@dataclass
class Validated:
    """What a check's Great Expectations validation read: filled in as the frames are consumed."""

    reports: int = 0
    rows: int = 0
    batches: int = 0


@dataclass
class Totals:
    evaluated: int
    failing_rows: int
    failing_reports: int
    failing_elsewhere: dict[str, int]  # failing rows per rule in reports this build did not validate


def validation_scope(con) -> Scope:
    if not has_table(con, "intermediate", "int_report_changes"):
        return Scope(False, "every report")
    full = con.execute(f"select count(*) filter (where change = 'full build') = count(*) from {CHANGES}").fetchone()[0]
    return Scope(not full, "every report (full build)" if full else "the reports this build changed")


FRAME_COLUMNS = ["report_id", "rule_id", "applicant_type", "subject", "status", "residual"]
VECTOR_ROWS = 2048  # DuckDB hands a streamed result over in vectors of this many rows


def validated_reports(con, rule_ids: list[str], scope: Scope) -> int:
    """How many reports have assessable rows of ``rule_ids`` in the scope (a DuckDB aggregate)."""
    return int(con.execute(
        f"""select count(distinct report_id) from marts.fct_reconciliation
            where rule_id in (select unnest(?::varchar[])) and status <> 'not_assessable' and {scope.condition()}""",
        [rule_ids]).fetchone()[0])


def suite_frames(con, rule_ids: list[str], scope: Scope, max_rows: int, validated: Validated | None = None) -> Iterator:
    """The assessable rows of ``rule_ids`` in the scope as pandas frames of at most about ``max_rows`` rows
    (whole DuckDB vectors), streamed from one scan: only one frame is in memory at a time, and the table
    is read once however many batches there are. An empty frame when there is no row, so the suite still
    reports each of its rules. Every expectation bounds one row's value, so a batch may cut a report."""
    validated = validated if validated is not None else Validated()
    cursor = con.cursor()  # its own cursor: the caller's connection stays free for other queries
    try:
        result = cursor.execute(
            f"""select {", ".join(FRAME_COLUMNS)} from marts.fct_reconciliation
                where rule_id in (select unnest(?::varchar[])) and status <> 'not_assessable'
                  and {scope.condition()}""", [rule_ids])
        vectors = max(1, max_rows // VECTOR_ROWS)
        while True:
            frame = result.fetch_df_chunk(vectors)
            if len(frame) == 0 and validated.batches:
                return
            validated.batches += 1
            validated.rows += len(frame)
            yield frame
            if len(frame) == 0:
                return
    finally:
        cursor.close()


def warehouse_totals(con, rule_ids: list[str], scope: Scope) -> Totals:
    evaluated, failing_rows, failing_reports = con.execute(
        """select count(*), count(*) filter (where status = 'fail'),
                  count(distinct report_id) filter (where status = 'fail')
           from marts.fct_reconciliation where rule_id in (select unnest(?::varchar[]))""", [rule_ids]).fetchone()
    elsewhere = dict(con.execute(
        f"""select rule_id, count(*) from marts.fct_reconciliation
            where rule_id in (select unnest(?::varchar[])) and status = 'fail' and not ({scope.condition()})
            group by rule_id""", [rule_ids]).fetchall())
    return Totals(int(evaluated), int(failing_rows), int(failing_reports), elsewhere)


def failing_report_ids(con, rule_ids: list[str], limit: int) -> list[str]:
    return [row[0] for row in con.execute(
        """select distinct report_id from marts.fct_reconciliation
           where rule_id in (select unnest(?::varchar[])) and status = 'fail' order by report_id limit ?""",
        [rule_ids, limit]).fetchall()]
