"""One fetch run: manifest → listings → reports → raw store + provenance, never stopped by one bad source.

Every URL ends in exactly one provenance line per attempt and one log line, whether it was stored,
unchanged, refused or unreachable, so a run without network is a run that reports what it missed.
"""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from ..ingest.decode import decode_bytes
from ..settings import Settings
from . import provenance as prov
from .client import HttpClient, HttpResult, url_problem
from .listing import attachment_links, crawl_listing, document_title, looks_like_annual_report, year_hint
from .manifest import KINDS, ManifestEntry, ManifestError, read_manifest
from .politeness import HostGate, RobotsPolicy
from .provenance import ProvenanceLog, ProvenanceRecord
from .provenance_index import load_state, save_state
from .store import extension_for, put_blob, sha256_hex

_module_log = logging.getLogger(__name__)
_TEXT_EXTENSIONS = (".html", ".txt")


@dataclass(frozen=True)
class Target:
    """One report URL to fetch, with the hints it came with."""

    url: str
    agency: str | None = None
    year: int | None = None
    listing_url: str | None = None
    title: str | None = None
    kind: str = "report"
    parent_url: str | None = None  # an attachment's report page
    parent_path: str | None = None  # the stored version of that page that links to it (relative to raw_dir)


ATTACHMENT = "attachment"  # kind of a file linked from a fetched report page (PDF, Word, …)


UNREADABLE_MANIFEST = "unreadable manifest"  # the outcome of a manifest no source can be read from


@dataclass(frozen=True)
class Failure:
    url: str
    outcome: str
    reason: str


@dataclass
class FetchSummary:
    fetched: int = 0  # reports newly downloaded (including not-a-report pages, which are stored too)
    unchanged: int = 0
    failed: int = 0
    rejected: int = 0  # refused before any request: scheme, malformed URL, unknown kind
    robots_disallowed: int = 0
    not_reports: int = 0  # of `fetched`, pages whose title does not name an annual report
    listing_pages: int = 0
    bytes: int = 0  # bytes newly written to the store
    recent: int = 0  # not asked: stored less than `recheck_after_hours` ago
    retries: int = 0
    failures: list[Failure] = field(default_factory=list)  # failed, rejected and robots-disallowed

    def count(self, record: ProvenanceRecord) -> None:
        self.retries += record.retries
        outcome = record.outcome
        if outcome == prov.LISTING:
            self.listing_pages += 1
        elif outcome in (prov.DOWNLOADED, prov.NOT_A_REPORT):
            self.fetched += 1
            self.not_reports += outcome == prov.NOT_A_REPORT
        elif outcome == prov.UNCHANGED:
            self.unchanged += 1
        else:
            self.failed += outcome == prov.FAILED
            self.rejected += outcome == prov.REJECTED
            self.robots_disallowed += outcome == prov.ROBOTS_DISALLOWED
            self.failures.append(Failure(record.url, outcome, record.reason or ""))

    def line(self) -> str:
        return (
            f"fetch done: {self.fetched} downloaded ({_human_bytes(self.bytes)} new, {self.not_reports} not annual "
            f"reports), {self.unchanged} unchanged, {self.failed} failed, {self.rejected} rejected, "
            f"{self.robots_disallowed} robots-disallowed; {self.listing_pages} listing pages read, {self.retries} retries"
            + (f"; {self.recent} not asked (stored less than the recheck interval ago)" if self.recent else "")
        )

    def save(self, path: Path) -> None:
        """Write the summary for the run's fetch asset to report (see ``FetchSettings.prefetched``)."""
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)

    @classmethod
    def load(cls, path: Path) -> "FetchSummary":
        fields = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{**fields, "failures": [Failure(**failure) for failure in fields["failures"]]})


def failures_markdown(failures: Iterable[Failure], limit: int = 20) -> str:
    """A small markdown table (url, outcome, reason) for the Dagster UI."""
    failures = list(failures)
    if not failures:
        return "No failures."

    def cell(text: str) -> str:
        return (text or "").replace("|", "\\|").replace("\n", " ")

    rows = ["| url | outcome | reason |", "| --- | --- | --- |"]
    rows += [f"| {cell(f.url)} | {cell(f.outcome)} | {cell(f.reason)} |" for f in failures[:limit]]
    if len(failures) > limit:
        rows.append(f"| … {len(failures) - limit} more | | |")
    return "\n".join(rows)


def _authority(url: str) -> str:
    """host:port — a dead port says nothing about the other services of the same machine."""
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


def _human_bytes(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


class _Run:
    def __init__(self, settings: Settings, log) -> None:
        self.settings = settings
        self.fs = settings.fetch
        self.log = log
        self.raw_dir = Path(settings.raw_dir)
        self.fetch_dir = Path(settings.fetch_dir)
        self.fetch_dir.mkdir(parents=True, exist_ok=True)
        self.provenance = ProvenanceLog(self.fetch_dir)
        self.state = load_state(self.fetch_dir)  # what the log says as this run starts
        self.previous = dict(self.state.latest_stored)
        self.client = HttpClient(self.fs, HostGate(self.fs.per_host_min_interval_s, self.fs.per_host_concurrency))
        self.robots = RobotsPolicy(self.client, self.fs.user_agent, log) if self.fs.respect_robots_txt else None
        self.summary = FetchSummary()
        self._lock = threading.Lock()
        self._down_hosts: set[str] = set()
        self._done = 0
        self._total = 0
        self.attachments: dict[str, Target] = {}  # found on report pages, fetched after the pages
        since = datetime.now(timezone.utc) - timedelta(hours=self.fs.recheck_after_hours)
        self.recheck_since = since.isoformat(timespec="milliseconds")  # provenance's fetched_at format

    def recently_stored(self, target: Target) -> bool:
        """Its bytes were stored (or confirmed) less than ``recheck_after_hours`` ago and are still
        there, and the manifest says of it what it said then (an agency or year named anew is asked
        for, so that the log, which staging reads, holds it)."""
        previous = self.previous.get(target.url)
        if not self.fs.recheck_after_hours or previous is None:
            return False
        fetched_at = previous.get("fetched_at")
        return isinstance(fetched_at, str) and fetched_at >= self.recheck_since \
            and (previous.get("agency"), previous.get("year")) == (target.agency, target.year) \
            and (self.raw_dir / previous["path"]).is_file()

    def not_recent(self, targets: list[Target]) -> list[Target]:
        """``targets`` less those :meth:`recently_stored` (counted in the summary, not asked)."""
        asked = [target for target in targets if not self.recently_stored(target)]
        self.summary.recent += len(targets) - len(asked)
        return asked

    # -- bookkeeping ---------------------------------------------------------------------------

    def record(self, record: ProvenanceRecord) -> ProvenanceRecord:
        self.provenance.append(record)
        with self._lock:
            self.summary.count(record)
            if record.kind != "listing":
                self._done += 1
            progress = f"[{self._done}/{self._total}] " if record.kind != "listing" and self._total else ""
        detail = ", ".join(
            part for part in (
                f"HTTP {record.status}" if record.status else "",
                _human_bytes(record.bytes) if record.bytes else "",
                record.encoding or "",
                f"{record.retries} retries" if record.retries else "",
                # (a failure's reason may be its status: HTTP 404 once, not twice)
                record.reason if record.reason and record.reason != f"HTTP {record.status}" else "",
            ) if part
        )
        line = f"fetch {progress}{record.outcome}: {record.url}" + (f" ({detail})" if detail else "")
        if record.path and record.outcome != prov.UNCHANGED:
            line += f" -> {record.path}"
        if record.outcome in (prov.FAILED, prov.REJECTED, prov.ROBOTS_DISALLOWED):
            self.log.warning(line)
        else:
            self.log.info(line)
        return record

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.raw_dir).as_posix()

    def _refusal(self, url: str) -> tuple[str, str] | None:
        """(outcome, reason) when a URL must not be requested; robots.txt is asked only for sane URLs."""
        problem = url_problem(url)
        if problem:
            return prov.REJECTED, problem
        if self.robots is not None:
            verdict = self.robots.verdict(url)
            if not verdict.allowed:
                return prov.ROBOTS_DISALLOWED, verdict.note
        with self._lock:
            if _authority(url) in self._down_hosts:
                return prov.FAILED, "host unreachable (an earlier request to it could not connect)"
        return None

    def _from_response(self, base: ProvenanceRecord, result: HttpResult) -> ProvenanceRecord:
        if result.connect_failed:
            # Later URLs of a host that cannot be reached fail fast instead of each waiting out the retries.
            with self._lock:
                self._down_hosts.add(_authority(result.final_url or result.url))
        return replace(
            base,
            final_url=result.final_url,
            status=result.status,
            attempts=result.attempts,
            retries=max(0, result.attempts - 1),
            etag=result.headers.get("etag"),
            last_modified=result.headers.get("last-modified"),
            content_type=result.content_type or None,
        )

    # -- listings ------------------------------------------------------------------------------

    def listing_targets(self, entry: ManifestEntry) -> list[Target]:
        def fetch_page(page_url: str) -> str | None:
            base = ProvenanceRecord(url=page_url, outcome=prov.FAILED, kind="listing", agency=entry.agency,
                                    year=entry.year, listing_url=None if page_url == entry.url else entry.url)
            refusal = self._refusal(page_url)
            if refusal:
                self.record(replace(base, outcome=refusal[0], reason=refusal[1]))
                return None
            # No conditional request: list pages change whenever a report is added, and their
            # bytes are not stored, so a 304 would leave nothing to read the links from.
            result = self.client.get(page_url)
            record = self._from_response(base, result)
            if result.error or result.status is None or not 200 <= result.status < 300 or result.body is None:
                self.record(replace(record, reason=result.error or f"HTTP {result.status}"))
                return None
            decoded = decode_bytes(result.body, result.charset)
            self.record(replace(record, outcome=prov.LISTING, bytes=len(result.body), encoding=decoded.encoding,
                                sha256=sha256_hex(result.body)))
            return decoded.text

        try:
            crawl = crawl_listing(entry.url, fetch_page, self.fs.listing_max_pages)
        except Exception as exc:  # a bug in one listing must not cost the others
            self.log.error(f"fetch: internal error on listing {entry.url}: {exc!r}")
            self.record(ProvenanceRecord(url=entry.url, outcome=prov.FAILED, kind="listing", agency=entry.agency,
                                         year=entry.year, reason=f"internal error: {type(exc).__name__}: {exc}"))
            return []
        note = f"; {crawl.pages_left} more pages left unread (listing_max_pages={self.fs.listing_max_pages})" if crawl.pages_left else ""
        self.log.info(f"listing {entry.url}: {len(crawl.pages)} pages read, {len(crawl.links)} annual-report links{note}")
        return [
            Target(url=link.url, agency=entry.agency, year=year_hint(link.title) or entry.year,
                   listing_url=link.listing_url, title=link.title)
            for link in crawl.links
        ]

    # -- reports -------------------------------------------------------------------------------

    def fetch_report(self, target: Target) -> ProvenanceRecord:
        base = ProvenanceRecord(url=target.url, outcome=prov.FAILED, kind=target.kind, listing_url=target.listing_url,
                                title=target.title, agency=target.agency, year=target.year,
                                parent_url=target.parent_url, parent_path=target.parent_path)
        try:
            return self.record(self._fetch_report(target, base))
        except Exception as exc:  # a bug must cost one document, not the run
            self.log.error(f"fetch: internal error on {target.url}: {exc!r}")
            return self.record(replace(base, reason=f"internal error: {type(exc).__name__}: {exc}"))

    def _fetch_report(self, target: Target, base: ProvenanceRecord) -> ProvenanceRecord:
        if target.kind not in KINDS and target.kind != ATTACHMENT:
            return replace(base, outcome=prov.REJECTED, reason=f"unknown kind {target.kind!r} (report or listing)")
        refusal = self._refusal(target.url)
        if refusal:
            return replace(base, outcome=refusal[0], reason=refusal[1])

        previous = self.previous.get(target.url)
        if previous and not (self.raw_dir / previous["path"]).is_file():
            previous = None  # the stored copy is gone: ask for the full document again
        headers = {}
        if previous and previous.get("etag"):
            headers["If-None-Match"] = previous["etag"]
        if previous and previous.get("last_modified"):
            headers["If-Modified-Since"] = previous["last_modified"]

        result = self.client.get(target.url, headers)
        record = self._from_response(base, result)
        if result.error:
            return replace(record, reason=result.error)
        if result.status == 304:
            if not previous:
                return replace(record, reason="HTTP 304 without a stored copy to reuse")
            self._note_attachments(target, self.raw_dir / previous["path"])
            return self._unchanged(record, previous, "HTTP 304 (not modified)")
        if not 200 <= (result.status or 0) < 300 or result.body is None:
            return replace(record, reason=f"HTTP {result.status}")

        body = result.body
        sha = sha256_hex(body)
        if previous and previous.get("sha256") == sha:
            self._note_attachments(target, self.raw_dir / previous["path"])
            return self._unchanged(record, previous, "same bytes as the stored copy")

        ext = extension_for(result.content_type, body, result.final_url or target.url)
        blob = put_blob(self.fetch_dir, body, ext)
        record = replace(record, outcome=prov.DOWNLOADED, sha256=sha, bytes=len(body), path=self._relative(blob.path))
        notes = [] if blob.created else ["bytes already stored from another URL"]
        if blob.path.suffix in _TEXT_EXTENSIONS:
            decoded = decode_bytes(body, result.charset)
            record = replace(record, encoding=decoded.encoding)
            title = document_title(decoded.text) if blob.path.suffix == ".html" else decoded.text[:300]
            if not looks_like_annual_report(title, require_year=False):
                record = replace(record, outcome=prov.NOT_A_REPORT)
                notes.insert(0, f"title does not name an annual report: {title.strip()[:60]!r}")
            else:
                self._note_attachments(target, blob.path, decoded.text)
        else:
            notes.insert(0, f"not HTML: {result.content_type or 'no content type'}, stored as {blob.path.suffix}")
        if blob.created:
            with self._lock:
                self.summary.bytes += len(body)
        return replace(record, reason="; ".join(notes) or None)

    def _note_attachments(self, target: Target, stored: Path, text: str | None = None) -> None:
        """Remember the attachment links of a report page (PDF, Word, …) to fetch after the pages.

        Only report pages are followed, and only one level deep: an attachment's own links are not.
        """
        if target.kind == ATTACHMENT or stored.suffix != ".html":
            return
        if text is None:
            try:
                text = decode_bytes(stored.read_bytes()).text
            except OSError:
                return
        page_url, page_path = target.url, self._relative(stored)
        links = attachment_links(text, page_url, self.fs.max_attachments_per_page)
        with self._lock:
            for link in links:
                noted = self.attachments.get(link.url)
                # a file two pages link to keeps the first page by URL, whichever worker noted it first:
                # the same page run after run, so the warehouse's link does not move when nothing changed
                if noted is not None and (noted.parent_url, noted.parent_path) <= (page_url, page_path):
                    continue
                self.attachments[link.url] = Target(
                    url=link.url, agency=target.agency, year=target.year or year_hint(link.text),
                    listing_url=target.listing_url, title=link.text or None, kind=ATTACHMENT, parent_url=page_url,
                    parent_path=page_path)

    def _unchanged(self, record: ProvenanceRecord, previous: dict, reason: str) -> ProvenanceRecord:
        # A 304 may omit the validators; keep the stored ones so the next run can ask again.
        return replace(
            record,
            outcome=prov.UNCHANGED,
            reason=reason,
            etag=record.etag or previous.get("etag"),
            last_modified=record.last_modified or previous.get("last_modified"),
            content_type=record.content_type or previous.get("content_type"),
            sha256=previous.get("sha256"),
            bytes=previous.get("bytes"),
            encoding=previous.get("encoding"),
            path=previous.get("path"),
        )


def fetch_all(settings: Settings, log=None, entries: list[ManifestEntry] | None = None) -> FetchSummary:
    """Fetch every source of the manifest into the raw store; never raises for an unreachable source.

    `log` is anything with info/warning/error (a Dagster `context.log`, a `logging.Logger`); `entries`, the
    manifest a caller has read already (`make run` reads it first, to show its rows' problems).
    """
    log = log or _module_log
    try:
        if entries is None:
            entries = read_manifest(settings.sources_path, warn=lambda message: log.warning(f"fetch: {message}"))
    except ManifestError as unreadable:  # no source can be read: the raw folder's documents are built all the same
        log.error(f"fetch: {unreadable}: no source fetched")
        return FetchSummary(failed=1, failures=[Failure(str(settings.sources_path), UNREADABLE_MANIFEST, str(unreadable))])
    if not entries:
        log.info(f"fetch: no sources in {settings.sources_path}; nothing to do")
        return FetchSummary()

    run = _Run(settings, log)
    try:
        workers = max(1, settings.fetch.max_workers)
        listings = [e for e in entries if e.kind == "listing"]
        targets: dict[str, Target] = {}
        # Manifest reports first, so their hints win over the same URL found in a listing.
        for entry in entries:
            if entry.kind != "listing":
                targets.setdefault(entry.url, Target(url=entry.url, agency=entry.agency, year=entry.year, kind=entry.kind))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
            for found in pool.map(run.listing_targets, listings):
                for target in found:
                    targets.setdefault(target.url, target)  # a report listed twice is fetched once
            # A page not asked again is not read for attachments either: those it had were asked with
            # it, and one that failed is asked again when the page is.
            asked = run.not_recent(list(targets.values()))
            run._total = len(asked)
            recent = f", {run.summary.recent} stored less than {settings.fetch.recheck_after_hours:g} h ago not asked " \
                     "(GOVINFO_FETCH_RECHECK_AFTER_HOURS)" if run.summary.recent else ""
            log.info(f"fetch: {len(asked)} documents to fetch ({len(listings)} listings, {workers} workers{recent})")
            list(pool.map(run.fetch_report, asked))
            # attachments linked from the report pages (a page may hold only "附件: 年度报告.pdf")
            attachments = run.not_recent([t for url, t in run.attachments.items() if url not in targets])
            if attachments:
                run._total += len(attachments)
                log.info(f"fetch: {len(attachments)} attachments linked from report pages")
                list(pool.map(run.fetch_report, attachments))
    finally:
        run.client.close()

    # the log's answers as of now, so the next readers (this run's ingest, the next fetch) fold in
    # only the lines written after this one
    save_state(run.fetch_dir, load_state(run.fetch_dir, run.state))
    s = run.summary
    log.info(s.line())
    return s
