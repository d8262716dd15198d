"""Which ``fct_reconciliation`` rows a check validates, in batches of bounded size, and the whole
warehouse's counts as DuckDB aggregates, so no check holds a fact table in memory.

The rows validated are those of the reports the last dbt build replaced
(``intermediate.int_report_changes``: the changed reports and their dependents on an incremental
build, every report on a full one). A warehouse built before that table existed is validated whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

CHANGES = "intermediate.int_report_changes"


@dataclass(frozen=True)
class Scope:
    """The reports whose rows are validated: those of ``int_report_changes``, or every report."""

    changed_only: bool
    label: str

    def condition(self, column: str = "report_id") -> str:
        return f"{column} in (select report_id from {CHANGES})" if self.changed_only else "true"


@dataclass
class Batch:
    report_ids: list[str] = field(default_factory=list)
    rows: int = 0

    def __len__(self) -> int:
        return len(self.report_ids)


@dataclass
class Totals:
    evaluated: int
    failing_rows: int
    failing_reports: int
    failing_elsewhere: dict[str, int]  # failing rows per rule in reports this build did not validate


def validation_scope(con) -> Scope:
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_schema = 'intermediate' and table_name = 'int_report_changes'").fetchone()[0]
    if not exists:
        return Scope(False, "every report")
    full = con.execute(f"select count(*) filter (where change = 'full build') = count(*) from {CHANGES}").fetchone()[0]
    return Scope(not full, "every report (full build)" if full else "the reports this build changed")


def report_batches(con, rule_ids: list[str], scope: Scope, max_rows: int) -> list[Batch]:
    """The validated reports in order, cut into batches of at most ``max_rows`` rows (a report is
    never split; one larger than the bound is a batch of its own)."""
    rows = con.execute(
        f"""select report_id, count(*) from marts.fct_reconciliation
            where rule_id in (select unnest(?::varchar[])) and status <> 'not_assessable' and {scope.condition()}
            group by report_id order by report_id""", [rule_ids]).fetchall()
    batches: list[Batch] = []
    current = Batch()
    for report_id, n in rows:
        if current.report_ids and current.rows + n > max_rows:
            batches.append(current)
            current = Batch()
        current.report_ids.append(report_id)
        current.rows += n
    if current.report_ids:
        batches.append(current)
    return batches


def suite_frames(con, rule_ids: list[str], batches: list[Batch]) -> Iterator:
    """One pandas frame per batch, read when it is validated (an empty frame when there is no batch,
    so the suite still reports each of its rules)."""
    query = """select report_id, rule_id, applicant_type, subject, status, residual
               from marts.fct_reconciliation
               where rule_id in (select unnest(?::varchar[])) and status <> 'not_assessable'
                 and report_id in (select unnest(?::varchar[]))"""
    for batch in batches or [Batch()]:
        yield con.execute(query, [rule_ids, batch.report_ids]).df()


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
