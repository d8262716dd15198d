"""The closing summary of `make run`: what the warehouse holds, what went wrong where, what to do next.

Tables and columns that other parts of the project add over time (`refused_documents`,
`duplicate_status`, ...) are looked up in information_schema first, so the summary works with
whatever warehouse it is given.
"""
from __future__ import annotations

import shlex
from datetime import datetime
from pathlib import Path

from ..parse.model import CUT_OFF_WARNING
from .console import CheckCounts

FIRST_FEW = 5
FAILING_RULES_SHOWN = 5


def counted(n: int, one: str, many: str) -> str:
    """1 report, 2 reports."""
    return f"{n} {one if n == 1 else many}"


FETCH_FAILURES = ("failed", "rejected", "robots-disallowed")


class Marts:
    """Read-only questions to one warehouse file; a question it cannot answer gives None."""

    def __init__(self, con) -> None:
        self.con = con
        self.columns: dict[str, set[str]] = {}
        for table, column in con.execute(
                "select table_name, column_name from information_schema.columns where table_schema = 'marts'").fetchall():
            self.columns.setdefault(table, set()).add(column)

    def has(self, table: str, *columns: str) -> bool:
        return table in self.columns and set(columns) <= self.columns[table]

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        try:
            return self.con.execute(sql, params or []).fetchall()
        except Exception:  # noqa: BLE001 - a summary line missing is better than no summary
            return []

    def one(self, sql: str, params: list | None = None) -> tuple | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None


def _named(rows: list[tuple], total: int) -> str:
    # (a parse error opens with the path it is about: shown once)
    shown = "; ".join(f"{path} ({str(reason).removeprefix(f'{path}: ')})" if reason else str(path) for path, reason in rows)
    more = total - len(rows)
    return shown + (f"; and {more} more" if more > 0 else "")


def _reports_where(marts: Marts, where: str, reason: str = "null", params: tuple = ()) -> tuple[int, str]:
    """How many reports of dim_report meet ``where``, and the first few named (with ``reason``)."""
    count = marts.one(f"select count(*) from marts.dim_report where {where}", list(params))[0]
    first = marts.rows(f"select source_path, {reason} from marts.dim_report where {where} "
                       "order by source_path limit ?", [*params, FIRST_FEW]) if count else []
    return count, _named(first, count)


def _checks(counts: CheckCounts, what: str) -> str:
    text = f"{len(counts.passed)} passed, {len(counts.warned)} warned, {len(counts.failed)} failed"
    if counts.failed:
        text += " (" + ", ".join(counts.failed[:FIRST_FEW]) + ")"
    elif counts.warned and what == "checks":
        text += " (" + ", ".join(counts.warned[:FIRST_FEW]) + ")"
    return text


def fetch_failures(fetch_dir: Path, since_iso: str) -> list[tuple[str, str]]:
    """(url, outcome: reason) of each source whose latest attempt in this run failed."""
    from ..fetch.provenance import records_since

    latest: dict[str, dict] = {}
    for record in records_since(fetch_dir, since_iso):
        latest[record["url"]] = record
    return [(url, f"{r['outcome']}: {r.get('reason') or r.get('status') or ''}".rstrip(": "))
            for url, r in latest.items() if r.get("outcome") in FETCH_FAILURES]


def warehouse_lines(marts: Marts) -> list[str]:
    lines = []
    if marts.has("dim_report", "doc_type"):
        # a document that failed to parse or needs OCR is no look-alike: it was not read
        unread_filter = "parse_status is distinct from 'parsed'" if marts.has("dim_report", "parse_status") else "false"
        total, annual, other, unread = marts.one(
            "select count(*), count(*) filter (where doc_type = 'annual_report'), "
            f"count(*) filter (where doc_type is distinct from 'annual_report' and not ({unread_filter})), "
            f"count(*) filter (where doc_type is distinct from 'annual_report' and {unread_filter}) "
            "from marts.dim_report") or (0, 0, 0, 0)
        refused = marts.one("select count(*) from marts.refused_documents")[0] if marts.has("refused_documents") else None
        text = f"{total}: {annual} annual reports"
        if marts.has("dim_report", "duplicate_status"):
            # the marts and the docs count each report once: say how many of these that is
            # (as docs/dashboard.py counts them: one per content, with a year)
            with_year = "and report_year is not null" if marts.has("dim_report", "report_year") else ""
            counted_reports = marts.one("select count(*) from marts.dim_report where doc_type = 'annual_report' "
                                        f"and coalesce(duplicate_status, 'canonical') = 'canonical' {with_year}")[0]
            if counted_reports != annual:
                text += (f" ({counted_reports} counted; the others copies, superseded, later parts"
                         + (" or without a year)" if with_year else ")"))
        text += f", {other} other documents (look-alikes)"
        if unread:
            text += f", {unread} not read (parse failures, needing OCR)"
        if refused is not None:
            text += f"; {refused} files refused"
        lines.append(f"  documents ingested : {text}")
    if marts.has("refused_documents", "source_path", "reason"):
        count = marts.one("select count(*) from marts.refused_documents")[0]
        if count:
            reasons = marts.rows("select reason, count(*) from marts.refused_documents group by 1 order by 2 desc, 1 limit 4")
            first = marts.rows("select source_path, reason from marts.refused_documents order by source_path limit ?",
                               [FIRST_FEW])
            lines.append(f"  refused files      : {count} (" + ", ".join(f"{n} {r}" for r, n in reasons[:3])
                         + (", and other reasons" if len(reasons) > 3 else "") + ")")
            lines.append(f"                       {_named(first, count)}; all in marts.refused_documents")
            if marts.has("refused_documents", "kept_report_id"):
                kept = marts.one("select count(kept_report_id) from marts.refused_documents")[0]
                if kept:
                    lines.append(f"                       {kept} of them held a stored document, kept as it was "
                                 "(kept_report_id; remove the file to remove it)")
    if marts.has("dim_report", "duplicate_status"):
        counts = dict(marts.rows("select duplicate_status, count(*) from marts.dim_report group by 1"))
        parts = counts.get("part", 0)
        lines.append(f"  duplicates         : {counted(counts.get('duplicate', 0), 'copy', 'copies')}, "
                     f"{counts.get('superseded', 0)} superseded"
                     + (f", {counted(parts, 'later part', 'later parts')} of reports published over several pages"
                        if parts else "")
                     + " (marts.dim_report.duplicate_status)")
    if marts.has("dim_report", "parse_status"):
        error = "parse_error" if marts.has("dim_report", "parse_error") else "null"
        ocr, named = _reports_where(marts, "parse_status = 'needs_ocr'", error)
        lines.append(f"  needs OCR          : {ocr}" + (f": {named}; a text or HTML copy of it in the raw folder is read"
                                                       if ocr else ""))
        failed, named = _reports_where(marts, "parse_status = 'failed'", error)
        lines.append(f"  parse failures     : {failed}" + (f": {named}" if failed else ""))
    if marts.has("dim_report", "parse_warnings", "source_path"):
        # a page cut off in its download parses with the figures it holds: said here, not only in the mart
        cut, named = _reports_where(marts, "contains(parse_warnings, ?)", params=(CUT_OFF_WARNING,))
        if cut:
            lines.append(f"  cut off            : {named} (marts.dim_report.parse_warnings)")
    if marts.has("fct_indicator_value"):
        figures = marts.one("select count(*) from marts.fct_indicator_value")[0]
        unplaced = marts.one("select count(*) from marts.fct_unplaced_figure")[0] if marts.has("fct_unplaced_figure") else 0
        # the marts hold the figures of the counted documents: not of copies or superseded versions
        lines.append(f"  figures counted    : {figures} of the counted documents ({unplaced} more kept without a column)")
    if marts.has("fct_reconciliation", "status", "rule_id"):
        rules = dict(marts.rows("select status, count(*) from marts.fct_reconciliation group by status"))
        lines.append(f"  rules              : {rules.get('pass', 0)} passed, {rules.get('fail', 0)} failed, "
                     f"{rules.get('not_assessable', 0)} not assessable")
        failing = marts.rows("select rule_id, count(distinct report_id) from marts.fct_reconciliation "
                             "where status = 'fail' group by 1 order by 2 desc, 1")
        if failing:
            shown = ", ".join(f"{rule} ({counted(n, 'report', 'reports')})" for rule, n in failing[:FAILING_RULES_SHOWN])
            more = len(failing) - FAILING_RULES_SHOWN
            # the rest said, not dropped: every failing rule is in marts.fct_reconciliation
            lines.append("  failing rules      : " + shown + (f", and {counted(more, 'more rule', 'more rules')} "
                                                              "(marts.fct_reconciliation)" if more > 0 else ""))
    return lines


def commands(published: Path, default_warehouse: Path, raw_dir: Path | None = None) -> list[str]:
    prefix = "" if published == default_warehouse else f"GOVINFO_WAREHOUSE={shlex.quote(str(published))} "
    if raw_dir is not None and raw_dir != default_raw_dir():
        # the UI's materializations read the raw folder too: the warehouse alone would send them to raw/
        prefix = f"GOVINFO_RAW_DIR={shlex.quote(str(raw_dir))} " + prefix
    return [
        f"  next               : {prefix}make sql          # SQL prompt on the marts (read-only)",
        f"                       {prefix}make sql Q=\"select doc_type, count(*) from dim_report group by 1\"",
        f"                       {prefix}make dev          # Dagster UI on http://127.0.0.1:3000",
        f"                       {prefix}make docs         # data docs and dbt docs under site/",
    ]


def summary_lines(*, published: Path, default_warehouse: Path, log_path: Path, console, fetch_dir: Path,
                  since_iso: str, elapsed: float, published_now: bool, raw_dir: Path | None = None) -> list[str]:
    from .console import seconds

    lines = [""]
    if published_now:
        lines.append(f"govinfo-warehouse: run complete in {seconds(elapsed)}, published {published}")
    else:
        left = f"{published} was left as it was" if published.exists() else f"no warehouse was made at {published}"
        lines.append(f"govinfo-warehouse: run FAILED after {seconds(elapsed)}; {left}")
    if published.exists():
        from ..resources.warehouse import open_warehouse

        try:
            con = open_warehouse(published, read_only=True)
        except Exception as exc:  # noqa: BLE001
            lines.append(f"  warehouse          : cannot be read ({exc})")
        else:
            try:
                if not published_now:
                    built = datetime.fromtimestamp(published.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
                    lines.append(f"  published build    : the one of {built}, unchanged:")
                lines += warehouse_lines(Marts(con))
            finally:
                con.close()
    fetch = console.materializations.get("fetched_documents", {})
    failures = fetch_failures(fetch_dir, since_iso)
    attempted = sum(int(fetch.get(k) or 0) for k in ("fetched", "unchanged", "failed", "rejected"))
    text = f"{len(failures)}" + (f" of {attempted} sources" if attempted else "")
    if failures:
        text += ": " + _named(failures[:FIRST_FEW], len(failures)) + f"; all in {fetch_dir / 'provenance.jsonl'}"
    if fetch.get("unreadable_manifest"):  # no source was read, so none failed: the manifest did
        text = f"the sources manifest cannot be read, no source fetched: {fetch['unreadable_manifest']}"
    lines.append(f"  fetch failures     : {text}")
    for label, what in (("dbt tests          ", "dbt"), ("checks             ", "checks")):
        counts = console.checks_of(what)
        ran = counts.passed or counts.warned or counts.failed
        # after a failed run the lines above are the published build's: these are this run's, if it got there
        lines.append(f"  {label}: " + (_checks(counts, what) if ran or published_now else "not reached by this run"))
    lines.append(f"  log                : {log_path}")
    if published.exists():
        lines += commands(published, default_warehouse, raw_dir)
    return lines


def default_warehouse() -> Path:
    """The warehouse `make` uses when GOVINFO_WAREHOUSE is not set."""
    from ..settings import PROJECT_ROOT

    return (PROJECT_ROOT / "warehouse" / "govinfo.duckdb").resolve()


def default_raw_dir() -> Path:
    """The raw folder `make` reads when GOVINFO_RAW_DIR is not set."""
    from ..settings import PROJECT_ROOT

    return (PROJECT_ROOT / "raw").resolve()
