"""Load the shards' Parquet into the warehouse's staging tables: one transaction, changed reports only.

A report is loaded when its shard's current generation holds it for the document's present sha256
and the warehouse holds no row of it with the same sha256, parser version and parse time (a report
parsed again, or parsed for the first time, or loaded into an older copy of the warehouse). All its
rows in every per-report table are replaced, so a report's rows are all old or all new. Everything
else stays: a warehouse is a self-contained copy of the Parquet it was loaded from, and loading the
same generations twice changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

from .schema import PER_REPORT_TABLES, ensure_schema
from .shard_store import ShardStore

CHANGED_SQL = """
    create or replace temp table changed_reports as
    with parquet as (
        select report_id, sha256, parser_version, parsed_at as stamp from read_parquet(?)
        union all
        select report_id, sha256, parser_version, failed_at from read_parquet(?)
    ), loaded as (
        select report_id, sha256, parser_version, parsed_at as stamp from staging.reports
        union all
        select report_id, sha256, parser_version, failed_at from staging.parse_errors
    )
    select distinct p.report_id
    from parquet p
    join staging.documents d on d.report_id = p.report_id and d.sha256 = p.sha256
    where not exists (select 1 from loaded w
                      where w.report_id = p.report_id and w.sha256 = p.sha256
                        and w.parser_version = p.parser_version and w.stamp = p.stamp)
"""


@dataclass
class LoadSummary:
    reports: int = 0  # reports whose rows were replaced
    rows: int = 0     # rows inserted over every per-report table


def load_shards(con, store: ShardStore) -> LoadSummary:
    """Replace the changed reports' rows of ``staging.{reports, figures, …}`` from the shards' Parquet."""
    ensure_schema(con)
    files = {table: store.files(table) for table in PER_REPORT_TABLES}
    if not files["reports"]:
        return LoadSummary()
    summary = LoadSummary()
    con.execute("begin transaction")
    try:
        con.execute(CHANGED_SQL, [files["reports"], files["parse_errors"]])
        summary.reports = con.execute("select count(*) from changed_reports").fetchone()[0]
        if summary.reports:
            for table in PER_REPORT_TABLES:
                con.execute(f"delete from staging.{table} where report_id in (select report_id from changed_reports)")
                summary.rows += con.execute(
                    f"insert into staging.{table} by name select * from read_parquet(?) "
                    f"where report_id in (select report_id from changed_reports)", [files[table]]).fetchone()[0]
        con.execute("drop table changed_reports")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return summary
