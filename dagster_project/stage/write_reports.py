"""Parse the documents that are new, changed, or were parsed by an older parser; stage what they hold.

Each batch is replaced in one transaction: a report's rows are either all old or all new, and a
document that fails to parse leaves a row in ``staging.parse_errors`` naming it and the reason.
"""
from __future__ import annotations

import hashlib
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .schema import PER_REPORT_TABLES, ensure_schema

PARSE_PACKAGE = Path(__file__).resolve().parents[1] / "parse"


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A digest of the parsing code and the indicator catalog: changing either re-parses everything."""
    from ..parse.catalog import INDICATORS_CSV

    digest = hashlib.sha256()
    for path in sorted(PARSE_PACKAGE.rglob("*.py")) + [INDICATORS_CSV]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass
class StageSummary:
    pending: int = 0
    parsed: int = 0
    failed: int = 0
    figures: int = 0
    unplaced: int = 0
    uncoded_rows: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def _parse_one(item: tuple[str, str, str, str, str | None]) -> dict:
    """Runs in a worker process: returns plain rows, or the error, for one document."""
    from ..parse.model import DocumentParseError
    from ..parse.report import parse_document

    report_id, source_path, sha, text, _url = item
    try:
        parsed = parse_document(text, source_path)
    except DocumentParseError as exc:
        return {"report_id": report_id, "error": str(exc)}
    except Exception as exc:  # a parser bug must not stop the other documents
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return {"report_id": report_id,
                "error": f"{source_path}: parser error {type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})"}
    return {
        "report_id": report_id,
        "meta": asdict(parsed.meta),
        "warnings": "; ".join(parsed.warnings),
        "figures": [asdict(f) for f in parsed.figures],
        "unplaced": [asdict(u) for u in parsed.unplaced],
        "uncoded": [asdict(u) for u in parsed.uncoded_rows],
    }


def pending_documents(con, version: str) -> list[tuple[str, str, str]]:
    return con.execute(
        """select d.report_id, d.source_path, d.sha256
           from staging.documents d
           left join staging.reports r using (report_id)
           left join staging.parse_errors e using (report_id)
           where coalesce(r.sha256, e.sha256) is distinct from d.sha256
              or coalesce(r.parser_version, e.parser_version) is distinct from ?
           order by d.source_path""",
        [version],
    ).fetchall()


def _write_batch(con, batch: list[tuple[str, str, str, str, str | None]], results: list[dict], version: str) -> StageSummary:
    import pandas as pd

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    info = {item[0]: item for item in batch}
    reports, figures, unplaced, uncoded, errors = [], [], [], [], []
    summary = StageSummary()
    for result in results:
        rid = result["report_id"]
        _, path, sha, _, url = info[rid]
        if "error" in result:
            errors.append((rid, path, sha, version, result["error"], now))
            summary.failed += 1
            summary.failures.append((path, result["error"]))
            continue
        m = result["meta"]
        reports.append((rid, sha, version, m["title"], m["agency_name"], m["report_year"], m["published_date"],
                        m["doc_type"], m["doc_type_reason"], m["template_code"], m["is_region_summary"],
                        m["source_url"], result["warnings"], now, m["content_hash"]))
        figures += [(rid, f["indicator_code"], f["applicant_type"], f["value"], f["value_status"], f["evidence"], f["source"])
                    for f in result["figures"]]
        unplaced += [(rid, u["table"], u["indicator_code"], u["row_label"], u["value"], u["candidates"], u["reason"], u["evidence"])
                     for u in result["unplaced"]]
        uncoded += [(rid, u["table_title"], u["row_label"], u["column_label"], u["unit"], u["value"], u["evidence"])
                    for u in result["uncoded"]]
        summary.parsed += 1
    summary.figures, summary.unplaced, summary.uncoded_rows = len(figures), len(unplaced), len(uncoded)

    frames = {
        "reports": pd.DataFrame(reports, columns=["report_id", "sha256", "parser_version", "title", "agency_name", "report_year",
                                                  "published_date", "doc_type", "doc_type_reason", "template_code",
                                                  "is_region_summary", "page_url", "warnings", "parsed_at",
                                                  "content_hash"]),
        "figures": pd.DataFrame(figures, columns=["report_id", "indicator_code", "applicant_type", "value", "value_status",
                                                  "evidence", "source"]),
        "unplaced_figures": pd.DataFrame(unplaced, columns=["report_id", "table_code", "indicator_code", "row_label", "value",
                                                            "candidates", "reason", "evidence"]),
        "uncoded_rows": pd.DataFrame(uncoded, columns=["report_id", "table_title", "row_label", "column_label", "unit",
                                                       "value", "evidence"]),
        "parse_errors": pd.DataFrame(errors, columns=["report_id", "source_path", "sha256", "parser_version", "error", "failed_at"]),
    }
    ids = [item[0] for item in batch]
    con.execute("begin transaction")
    try:
        for table in PER_REPORT_TABLES:
            con.execute(f"delete from staging.{table} where report_id in (select unnest(?::varchar[]))", [ids])
            frame = frames[table]
            if len(frame):
                con.register("incoming", frame)
                con.execute(f"insert into staging.{table} by name select * from incoming")
                con.unregister("incoming")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return summary


def stage_pending_reports(con, batch_size: int = 200, workers: int = 1,
                          log: Callable[[str], None] = lambda _: None) -> StageSummary:
    ensure_schema(con)
    version = parser_version()
    pending = pending_documents(con, version)
    total = StageSummary(pending=len(pending))
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 and len(pending) > batch_size else None
    try:
        for start in range(0, len(pending), batch_size):
            ids = [p[0] for p in pending[start:start + batch_size]]
            batch = con.execute(
                """select report_id, source_path, sha256, text, source_url from staging.documents
                   where report_id in (select unnest(?::varchar[]))""", [ids]).fetchall()
            results = list(pool.map(_parse_one, batch, chunksize=8)) if pool else [_parse_one(item) for item in batch]
            done = _write_batch(con, batch, results, version)
            for name in ("parsed", "failed", "figures", "unplaced", "uncoded_rows"):
                setattr(total, name, getattr(total, name) + getattr(done, name))
            total.failures += done.failures
            for path, error in done.failures:
                log(f"parse failed: {error}")
            log(f"parse: {min(start + batch_size, len(pending))}/{len(pending)} documents, "
                f"{total.figures} figures, {total.failed} failed")
    finally:
        if pool:
            pool.shutdown()
    return total
