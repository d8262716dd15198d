"""A run with nothing changed does nothing: compare the raw folder and the code with the last build.

Every successful build records its fingerprint in ``staging.build_state`` of the file it publishes:
a digest of the documents it was built from (report_id and sha256 of each, and the refused files),
the parser version, and a digest of what the dbt build and the checks read (dbt models, seeds,
macros, dbt_project.yml, the expectation suites, the check code and the dbt vars from the settings).

Before copying the warehouse to a working file, `make run` asks :func:`check_unchanged` whether a
build would change anything. It lists the raw folder as ingest does (``stat``, then the hash of each
file's first and last 64 KiB, the whole file only when its mtime moved) and compares with the
published ``staging.documents``; any new, changed, removed or newly refused file, another parser
version, another dbt/expectations digest, or a warehouse whose staging no longer matches its
recorded build means a full run. Sources of the manifest were fetched before (``prefetch.py``):
what they brought is in the raw folder by then. Reading is all it does: the published
file is opened read-only and never copied.

That comparison reads every document, which grows with the folder. So a run first compares the
``stat`` listing stored beside the published file by the build (or the last content check) that made
it (``listing.py``): the same listing means nothing changed, known files whose stat moved are hashed
alone, and only without a valid stored listing is the whole folder compared by content.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import listing as listing_module

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# What the dbt build and the checks read besides the staged rows (paths relative to the project).
BUILD_INPUTS = ("dbt/models", "dbt/seeds", "dbt/macros", "dbt/dbt_project.yml", "expectations",
                "dagster_project/checks")
BUILD_STATE_DDL = """
    create table if not exists staging.build_state (
        built_at timestamp not null,
        documents integer not null,
        documents_digest varchar not null,
        parser_version varchar not null,
        models_digest varchar not null
    )"""
DOCUMENTS_DIGEST_SQL = """
    select count(*), coalesce(sha256(string_agg(report_id || ':' || sha256 || ':' || coalesce(source_url, ''), ','
                                                 order by report_id)), '')
    from staging.documents"""
REFUSED_DIGEST_SQL = """
    select coalesce(sha256(string_agg(source_path || ':' || coalesce(size_bytes::varchar, '') || ':' || reason, ','
                                      order by source_path, reason)), '')
    from staging.refused_documents"""


@dataclass(frozen=True)
class Decision:
    """Whether a build would change nothing; ``reason`` says why not (or what was compared)."""

    unchanged: bool
    reason: str
    built_at: str | None = None


def models_digest(settings, root: Path = PROJECT_ROOT) -> str:
    """A digest of every file the dbt build and the checks read, and of the dbt vars."""
    from ..assets.dbt_vars import dbt_vars

    digest = hashlib.sha256(json.dumps(dbt_vars(settings), sort_keys=True).encode())
    for name in BUILD_INPUTS:
        top = root / name
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in paths:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def documents_digest(con) -> tuple[int, str]:
    """(count, digest) of the documents and refused files a warehouse holds."""
    count, documents = con.execute(DOCUMENTS_DIGEST_SQL).fetchone()
    refused = con.execute(REFUSED_DIGEST_SQL).fetchone()[0]
    return count, hashlib.sha256(f"{documents}|{refused}".encode()).hexdigest()[:16]


def record_build(con, parser: str, models: str) -> None:
    """Store the fingerprint of the build ``con`` holds (called on the working copy, before publish)."""
    count, digest = documents_digest(con)
    con.execute(BUILD_STATE_DDL)
    con.execute("begin transaction")
    con.execute("delete from staging.build_state")
    con.execute("insert into staging.build_state values (?, ?, ?, ?, ?)",
                [datetime.now(timezone.utc).replace(tzinfo=None), count, digest, parser, models])
    con.execute("commit")


def check_unchanged(published: Path, settings, parser: str, models: str) -> Decision:
    """Would a build over ``settings.raw_dir`` change ``published``? Opens it read-only, writes nothing."""
    from ..fetch.provenance import LOG_NAME
    from ..resources.duckdb_file import STORAGE_VERSION, has_table, open_warehouse, storage_version

    if not published.exists():
        return Decision(False, "no warehouse yet")
    if not settings.raw_dir.is_dir():
        return Decision(False, "the raw folder is missing")
    if settings.full_rescan:
        return Decision(False, "GOVINFO_FULL_RESCAN=1")
    if (settings.fetch_dir / LOG_NAME).is_file():
        # the agencies the manifest named are read off the log, and only a stored listing holds
        # what the last build read of it
        return Decision(False, "fetched documents, and no stored listing of the last build")
    con = open_warehouse(published, read_only=True)
    try:
        if not (storage_version(con) or "").startswith(STORAGE_VERSION):
            return Decision(False, "the warehouse is in an older storage format")
        has_state = has_table(con, "staging", "build_state")
        state = con.execute("select strftime(built_at, '%Y-%m-%d %H:%M:%S UTC'), documents_digest, parser_version, "
                            "models_digest from staging.build_state").fetchone() if has_state else None
        if state is None:
            return Decision(False, "no recorded build")
        built_at, digest, built_parser, built_models = state
        if built_parser != parser:
            return Decision(False, f"parser {built_parser} → {parser}", built_at)
        if built_models != models:
            return Decision(False, "dbt models, seeds, macros or expectations changed", built_at)
        if documents_digest(con)[1] != digest:
            return Decision(False, "staging differs from the recorded build", built_at)
        changed = _changed_files(con, settings)
    finally:
        con.close()
    if changed:
        return Decision(False, changed, built_at)
    return Decision(True, "documents, parser, dbt project and expectations as built", built_at)


@dataclass(frozen=True)
class Fingerprint:
    """What a run builds with: the parser and dbt digests, and the raw folder's listing at its start."""

    parser: str
    models: str
    listing: "listing_module.Listing | None" = None


def fingerprint_or_stop(published: Path, settings, lock, force: bool, say, started: float) -> Fingerprint | None:
    """The opening of every run: the fingerprint of the code it builds with, or None when nothing
    changed and the run stops here, before Dagster is even imported.

    The sources of the manifest are fetched first (:mod:`.prefetch`). The fingerprint, the raw
    folder's listing included, is taken after that fetch and before the run starts, so an edit made
    during the run makes the next run build again."""
    from ..stage.write_reports import parser_version
    from .prefetch import fetch_first

    if lock.stale:
        say(f"  taking over the warehouse from run pid {lock.stale.pid} (since {lock.stale.since}), which did not finish")
    fetch_first(published, settings, say)  # what the URLs hold is part of what may have changed
    parser, models = parser_version(), models_digest(settings)
    listing = listing_module.take(settings, parser, models) if settings.raw_dir.is_dir() else None
    fingerprint = Fingerprint(parser, models, listing)
    if force:
        say("  FORCE=1: the whole pipeline runs")
        return fingerprint
    decision = decide(published, settings, fingerprint)
    if decision.unchanged:
        say(f"govinfo-warehouse: nothing changed since the build of {decision.built_at}; warehouse left as it was")
        say(f"  ({decision.reason}; checked in {time.monotonic() - started:.1f} s; FORCE=1 builds anyway)")
        return None
    say(f"  building: {decision.reason}")
    return fingerprint


def decide(published: Path, settings, fingerprint: Fingerprint) -> Decision:
    """:func:`check_unchanged`, answered from the stored listing when there is a valid one.

    Same listing: nothing changed. Only known files with another stat: their content decides (a
    file touched but not edited is no change). Otherwise the stored listing says what changed.
    Without a valid stored listing the whole folder is compared by content, and when that finds
    nothing changed the listing is stored, so the next run is decided by ``stat`` alone."""
    listing = fingerprint.listing
    quick = _cheap_reasons(published, settings)
    if quick is not None:
        return Decision(False, quick)
    compared = listing_module.compare(published, listing) if listing is not None else None
    if compared is None:
        decision = check_unchanged(published, settings, fingerprint.parser, fingerprint.models)
        if decision.unchanged and listing is not None:
            listing_module.save(published, listing)
        return decision
    unchanged, reason, restated = compared
    if unchanged:
        return Decision(True, reason, _built_at(published))
    if restated:  # only the stat of known files moved: the content decides
        changed = _restated_files_changed(published, settings, restated)
        if changed is None:
            listing_module.save(published, listing)
            return Decision(True, "documents as built (touched files have the same content)", _built_at(published))
        return Decision(False, changed)
    return Decision(False, reason)


def _cheap_reasons(published: Path, settings) -> str | None:
    if not published.exists():
        return "no warehouse yet"
    if not settings.raw_dir.is_dir():
        return "the raw folder is missing"
    if settings.full_rescan:
        return "GOVINFO_FULL_RESCAN=1"
    return None


def _built_at(published: Path) -> str | None:
    from ..resources.duckdb_file import open_warehouse

    con = open_warehouse(published, read_only=True)
    try:
        row = con.execute("select strftime(built_at, '%Y-%m-%d %H:%M:%S UTC') from staging.build_state").fetchone()
    finally:
        con.close()
    return row[0] if row else None


def _restated_files_changed(published: Path, settings, paths: list[bytes]) -> str | None:
    """Whether any of ``paths`` (regular files whose stat moved) differs in content or URL from the
    published staging.documents, or was refused at the build (a file put back as it was stored clears
    its refusal); the first that does, or None."""
    from ..fetch.provenance import source_url_by_path
    from ..ingest.walk import display_path, report_id_for
    from ..resources.duckdb_file import open_warehouse

    urls = source_url_by_path(settings.raw_dir)
    root = os.path.realpath(os.fsencode(settings.raw_dir))
    con = open_warehouse(published, read_only=True)
    try:
        for rel in paths:
            shown = display_path(rel)
            row = con.execute("select size_bytes, sha256, source_url from staging.documents where report_id = ?",
                              [report_id_for(rel)]).fetchone()
            refused = con.execute("select count(*) from staging.refused_documents where source_path = ?",
                                  [shown]).fetchone()[0]
            if row is None or refused:  # a refused file whose stat moved: ingest decides again
                return f"changed file {shown}"
            try:
                fd = os.open(root + b"/" + rel, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            except OSError:
                return f"{shown} cannot be read"
            try:
                if os.fstat(fd).st_size != row[0] or row[2] != urls.get(shown):
                    return f"changed file {shown}"
                digest = hashlib.sha256()
                while chunk := os.read(fd, 1 << 20):
                    digest.update(chunk)
            finally:
                os.close(fd)
            if digest.hexdigest() != row[1]:
                return f"changed file {shown}"
    finally:
        con.close()
    return None


def record_and_publish(work: Path, published: Path, fingerprint: Fingerprint) -> None:
    """The close of a successful run: the working copy records what it was built from, then replaces
    the published file whole, and the listing taken at the run's start is stored beside it."""
    from ..resources.duckdb_file import open_warehouse
    from .publish import publish

    con = open_warehouse(work)
    try:
        record_build(con, fingerprint.parser, fingerprint.models)
    finally:
        con.close()
    listing_module.forget(published)  # the old listing describes the old file
    publish(work, published)
    if fingerprint.listing is not None:
        listing_module.save(published, fingerprint.listing)


def _changed_files(con, settings) -> str | None:
    """What differs between the raw folder and the published staging.documents, or None."""
    from ..assets.ingest_options import ingest_options
    from ..fetch.provenance import FETCH_SUBDIR
    from ..fetch.provenance_index import load_state
    from ..ingest.attachment_pages import links, stored_attachment_pages
    from ..ingest.refused import known_refusals, still_refused
    from ..ingest.scan import edge_hash
    from ..ingest.walk import open_checked, walk_raw

    options = ingest_options(settings)
    known = {row[0]: row[1:] for row in con.execute(
        "select report_id, size_bytes, mtime_ns, sha256, source_url, edge_sha256 from staging.documents").fetchall()}
    refused_before = known_refusals(con)
    refused_paths = {row[0] for row in con.execute("select source_path from staging.refused_documents").fetchall()}
    provenance = load_state(settings.raw_dir / FETCH_SUBDIR)
    urls = provenance.first_url
    if stored_attachment_pages(con) != links(provenance):
        return "the fetch provenance log names another page for an attachment"
    files, refused = walk_raw(settings.raw_dir, options.skip)
    seen_refused = {r.source_path for r in refused}
    listed: set[str] = set()
    for f in files:
        previous = known.get(f.report_id)
        if f.size == 0 or f.size > options.max_file_bytes:
            seen_refused.add(f.source_path)
            if previous is not None:  # refused now, its stored version kept
                listed.add(f.report_id)
            continue
        try:
            fd = open_checked(f)
        except OSError:
            return f"{f.source_path} cannot be read"
        try:
            edge = edge_hash(fd, f.size)
            if still_refused(refused_before.get(f.source_path), f.size, f.mtime_ns, edge):
                seen_refused.add(f.source_path)  # refused for its content as it is now
                if previous is not None:  # its stored version kept
                    listed.add(f.report_id)
                continue
            if previous is None:
                return f"new file {f.source_path}"
            if previous[0] != f.size or previous[3] != urls.get(f.source_path):
                return f"changed file {f.source_path}"
            if previous[1] != f.mtime_ns or previous[4] != edge:  # touched: the content decides
                os.lseek(fd, 0, os.SEEK_SET)
                digest = hashlib.sha256()
                while chunk := os.read(fd, 1 << 20):
                    digest.update(chunk)
                if digest.hexdigest() != previous[2]:
                    return f"changed file {f.source_path}"
        finally:
            os.close(fd)
        listed.add(f.report_id)
    removed = len(set(known) - listed)
    if removed:
        return f"{removed} documents removed"
    if seen_refused != refused_paths:
        return "the refused files differ"
    return None
