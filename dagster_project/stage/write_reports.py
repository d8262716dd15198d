"""Parse the documents that are new, changed, or were parsed by an older parser; stage what they hold.

Parsing one document (``_parse_one``) and the rows of a parsed batch (``batch_frames``) live here;
the shards' Parquet (parse_shard.py, shard_store.py) and the load into DuckDB (load.py) use them. A
report's rows are either all old or all new, and a document that fails to parse leaves a row in
``staging.parse_errors`` naming it and the reason.

Every document has a budget (``GOVINFO_PARSE_MAX_CHARS``, ``GOVINFO_PARSE_MAX_SECONDS``): one that
exceeds it fails alone with that reason, and the rest of its batch is parsed. A document ingest
could only store as 'needs_ocr' (a scan without a text layer) is recorded with that status, not
as a failure.
"""
from __future__ import annotations

import hashlib
import signal
import threading
import traceback
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable

from ..parse.attachments import STATUS_NEEDS_OCR
from ..parse.text.blanks import folded_blanks
from .schema import ensure_schema

PARSE_PACKAGE = Path(__file__).resolve().parents[1] / "parse"


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A digest of the parsing code, the indicator catalog and the tables the issuer is placed by (divisions,
    zones, abbreviations): changing any re-parses everything, since a report's agency is read at its parse."""
    from ..parse.agency.divisions import ABBREVIATIONS_CSV, DIVISIONS_CSV, ZONES_CSV
    from ..parse.catalog import INDICATORS_CSV

    digest = hashlib.sha256()
    for path in sorted(PARSE_PACKAGE.rglob("*.py")) + [INDICATORS_CSV, DIVISIONS_CSV, ZONES_CSV, ABBREVIATIONS_CSV]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


NEEDS_OCR = STATUS_NEEDS_OCR  # the prefix of decoded_how ingest gives a scan without a text layer


@dataclass(frozen=True)
class ParseBudget:
    """The most one document may cost: characters of text, and seconds of parsing."""

    max_chars: int = 2_000_000
    max_seconds: float = 120.0


class _OutOfTime(Exception):
    pass


def _alarm(signum, frame):
    raise _OutOfTime()


@contextmanager
def _time_limit(seconds: float):
    """Interrupt the parse after ``seconds`` (SIGALRM; the regex engine checks signals, so a slow
    pattern is interrupted too). Only the main thread of a process can take signals: elsewhere the
    character budget is the only limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class StageSummary:
    pending: int = 0
    parsed: int = 0
    failed: int = 0
    needs_ocr: int = 0
    figures: int = 0
    unplaced: int = 0
    uncoded_rows: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Documents dealt with: parsed, failed, or set aside for OCR."""
        return self.parsed + self.failed + self.needs_ocr

    def add(self, other: "StageSummary") -> None:
        for name in ("pending", "parsed", "failed", "needs_ocr", "figures", "unplaced", "uncoded_rows"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures


def _reading_notes(decoded_how: str | None) -> list[str]:
    """What decoding or an attachment reader left out (``utf-8; 3 bad bytes replaced``, ``xlsx; 2 formula
    cells without a stored value …``), as a warning of the report: else only staging.documents says it."""
    how, _, notes = (decoded_how or "").partition("; ")
    return [f"{how}: {note}" for note in notes.split("; ") if note]


def _parse_one(item: tuple, budget: ParseBudget = ParseBudget()) -> dict:
    """Runs in a worker process: returns plain rows, or the error, for one document."""
    from ..parse.model import DocumentParseError
    from ..parse.report import parse_document

    report_id, source_path, sha, text, _url, decoded_how = item
    if (decoded_how or "").startswith(NEEDS_OCR):
        # (the PDF reader names the file too: once is enough)
        reason = decoded_how.split(":", 1)[-1].strip().removeprefix(f"{source_path}: ") or "no text layer"
        return {"report_id": report_id, "status": NEEDS_OCR, "error": f"{source_path}: needs OCR: {reason}"}
    text = folded_blanks(text or "", budget.max_chars)
    if len(text) > budget.max_chars:
        return {"report_id": report_id,
                "error": f"{source_path}: document exceeds the parse budget of {budget.max_chars:,} characters "
                         f"({len(text):,}; GOVINFO_PARSE_MAX_CHARS): not parsed"}
    try:
        with _time_limit(budget.max_seconds):
            parsed = parse_document(text, source_path)
    except _OutOfTime:
        return {"report_id": report_id,
                "error": f"{source_path}: document exceeds the parse budget of {budget.max_seconds:g} s "
                         f"(GOVINFO_PARSE_MAX_SECONDS): not parsed"}
    except DocumentParseError as exc:
        return {"report_id": report_id, "error": str(exc)}
    except Exception as exc:  # a parser bug must not stop the other documents
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return {"report_id": report_id,
                "error": f"{source_path}: parser error {type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})"}
    return {
        "report_id": report_id,
        "agency": _agency_hint(parsed.meta, _url, source_path, text),
        "meta": asdict(parsed.meta),
        "warnings": "; ".join(_reading_notes(decoded_how) + parsed.warnings),
        # rows as tuples in the staging tables' column order (batch_frames): asdict's deep copy of
        # every figure cost more than a millisecond a document, and tuples pickle back smaller
        "figures": [(f.indicator_code, f.applicant_type, f.value, f.value_status, f.evidence, f.source)
                    for f in parsed.figures],
        "unplaced": [(u.table, u.indicator_code, u.row_label, u.value, u.candidates, u.reason, u.evidence)
                     for u in parsed.unplaced],
        "uncoded": [(u.table_title, u.row_label, u.column_label, u.unit, u.value, u.evidence)
                    for u in parsed.uncoded_rows],
    }


def _agency_hint(meta, url: str | None, source_path: str, text: str) -> dict | None:
    """The report's agency resolved here, in the worker, beside its parse (stage/agencies.py uses it);
    None when that fails: the stage then resolves the report itself."""
    from ..settings import get_settings
    from .agencies import cached_manifest_agencies, report_hint

    try:
        manifest = cached_manifest_agencies(get_settings().raw_dir).get(source_path)
        return report_hint(meta.agency_name, meta.title, url if url is not None else meta.source_url,
                           manifest, text)
    except Exception:  # noqa: BLE001 - a hint is an optimisation; the stage resolves the report without it
        return None


def batch_frames(batch: list[tuple], results: list[dict], version: str,
                 now: datetime | None = None) -> tuple[dict, StageSummary]:
    """The rows of a parsed batch, one DataFrame per per-report staging table, and its counts."""
    import pandas as pd

    from .agencies import HINT_TYPES

    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    info = {item[0]: item for item in batch}
    reports, figures, unplaced, uncoded, errors, hints = [], [], [], [], [], []
    summary = StageSummary()
    for result in results:
        rid = result["report_id"]
        path, sha = info[rid][1], info[rid][2]
        if "error" in result:
            status = result.get("status", "failed")
            errors.append((rid, path, sha, version, result["error"], status, now))
            if status == NEEDS_OCR:
                summary.needs_ocr += 1
            else:
                summary.failed += 1
                summary.failures.append((path, result["error"]))
            continue
        m = result["meta"]
        reports.append((rid, sha, version, m["title"], m["agency_name"], m["report_year"], m["published_date"],
                        m["doc_type"], m["doc_type_reason"], m["template_code"], m["is_region_summary"],
                        m["source_url"], result["warnings"], now, m["content_hash"]))
        figures += [(rid, *row) for row in result["figures"]]
        unplaced += [(rid, *row) for row in result["unplaced"]]
        uncoded += [(rid, *row) for row in result["uncoded"]]
        if result.get("agency") is not None:
            hints.append({**result["agency"], "report_id": rid, "parsed_at": now})
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
        "agency_hints": pd.DataFrame(hints, columns=list(HINT_TYPES)),
        "parse_errors": pd.DataFrame(errors, columns=["report_id", "source_path", "sha256", "parser_version", "error",
                                                      "parse_status", "failed_at"]),
    }
    return frames, summary


def database_path(con) -> Path:
    """The file behind a DuckDB connection (its shards' Parquet live beside it)."""
    path = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()[0]
    if not path:
        raise ValueError("staging needs a warehouse file: an in-memory database has no shards' folder")
    return Path(path)


def stage_pending_reports(con, batch_size: int = 200, workers: int = 1,
                          log: Callable[[str], None] = lambda _: None,
                          budget: ParseBudget | None = None, store=None) -> StageSummary:
    """Parse every pending document of every shard in this process, reading through ``con``, then load
    the changed reports into ``con``'s staging tables. The assets parse shards in parallel processes
    instead (``parse_shard.refresh_shards``); this is the same work for a connection already open."""
    from ..settings import get_settings
    from .load import load_shards
    import shutil

    from .parse_shard import plan_shards, refresh_shard
    from .shard_inputs import export_inputs, inputs_folder, pending_by_key
    from .shard_store import ShardStore, staged_dir_for

    settings = get_settings()
    if budget is None:
        budget = ParseBudget(settings.parse_max_chars, settings.parse_max_seconds)
    ensure_schema(con)
    store = store or ShardStore(staged_dir_for(database_path(con)), settings.parse_shards)
    version = parser_version()
    total = StageSummary()
    plans = list(plan_shards(con, store, list(store.keys), version).values())
    folder = inputs_folder(store.layout)
    try:
        inputs = export_inputs(con, pending_by_key(plans), folder, log)  # every pending text read in one pass
        for plan in plans:
            result = refresh_shard(con, store, plan.key, version, budget, batch_size, plan=plan, log=log,
                                   inputs=inputs.get(plan.key))
            total.add(result.parsed)
            for path, error in result.parsed.failures:
                log(f"parse failed: {error}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    total.pending = total.done
    load_shards(con, store)
    log(f"parse: {total.pending}/{total.pending} documents, {total.figures} figures, {total.failed} failed")
    return total
