"""Ingest assets: the raw folder becomes ``staging.documents`` (and ``staging.refused_documents``)."""

from dataclasses import replace

import dagster as dg

from ..resources.duckdb_memory import bound_memory
from ..ingest.scan import IngestStopped, ingest_folder
from ..resources.warehouse import WarehouseResource
from ..settings import get_settings
from .ingest_options import ingest_options
from .markdown import markdown_table

REFUSED_SHOWN = 10


def _unchanged(settings, log) -> dict | None:
    """The files `make run` found at the stat stored with the published warehouse (see run/listing.py)."""
    from ..run.listing import read_unchanged

    path = settings.unchanged_listing
    if path is None or settings.full_rescan:
        return None
    try:
        unchanged = read_unchanged(path)
    except (OSError, ValueError) as exc:
        log(f"ingest: the listing of unchanged files {path} cannot be read ({exc}); every file is checked")
        return None
    log(f"ingest: {len(unchanged)} files at the stat of the last build are not opened")
    return unchanged


@dg.asset(
    key=dg.AssetKey(["staging", "documents"]),
    group_name="ingest",
    kinds={"python", "duckdb"},
    deps=["fetched_documents"],
    description=(
        "Every regular file under GOVINFO_RAW_DIR (sub-folders included, whatever its suffix) whose real "
        "path is inside it: text and HTML decoded (declared charset, UTF-8, GB18030, UTF-16/32), PDF and "
        "office files read by their readers, as rows of staging.documents. Links out of the folder, "
        "binary files, archives and undecodable files are refused with the reason "
        "(staging.refused_documents). Unchanged files (size, mtime, hash of the first and last 64 KiB; "
        "GOVINFO_FULL_RESCAN=1 hashes everything) are skipped; a run that would remove more than "
        "GOVINFO_MAX_REMOVED_SHARE of the stored documents stops unless GOVINFO_ALLOW_MASS_REMOVAL=1, and so "
        "does one over another raw folder than the warehouse was built from (staging.raw_folder) unless "
        "GOVINFO_ALLOW_RAW_DIR_CHANGE=1."
    ),
)
def raw_documents(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    from ..fetch.provenance import FETCH_SUBDIR
    from ..fetch.provenance_index import load_state
    from ..ingest.attachment_pages import links, write_attachment_pages
    from ..ingest.raw_folder import built_from_elsewhere, other_folder_problem, record

    settings = get_settings()
    raw_dir = settings.raw_dir
    if not raw_dir.is_dir():
        raise dg.Failure(f"ingest stopped: the raw folder {raw_dir} does not exist or is not a folder "
                         f"(check GOVINFO_RAW_DIR). The warehouse was not changed.")
    provenance = load_state(raw_dir / FETCH_SUBDIR)
    urls = provenance.first_url
    context.log.info(f"ingest: scanning {raw_dir}" + (" (full content rescan)" if settings.full_rescan else ""))
    with warehouse.connect(row_group_size=settings.documents_row_group_size) as con:
        bound_memory(con, settings)
        con.execute(f"set memory_limit = '{settings.documents_duckdb_memory_limit}'")
        options = ingest_options(settings)
        if (built := built_from_elsewhere(con, raw_dir)) is not None:
            if not settings.allow_raw_dir_change:
                raise dg.Failure(f"ingest stopped: {other_folder_problem(built, raw_dir)}")
            # a rebuild from the new folder is asked for: what it lacks goes, however much that is
            options = replace(options, allow_mass_removal=True)
            context.log.warning(f"ingest: GOVINFO_ALLOW_RAW_DIR_CHANGE=1: the warehouse built from {built} is "
                                f"rebuilt from {raw_dir}")
        try:
            summary = ingest_folder(con, raw_dir, urls, log=context.log.info, options=options,
                                    unchanged=_unchanged(settings, context.log.info))
        except IngestStopped as exc:
            raise dg.Failure(str(exc)) from None
        record(con, raw_dir)
        linked = write_attachment_pages(con, links(provenance))
        total = con.execute("select count(*) from staging.documents").fetchone()[0]
        preview = con.execute(
            "select source_path, size_bytes, reader, encoding, source_url from staging.documents "
            "order by ingested_at desc, source_path limit 10"
        ).fetchall()
    refused = summary.refused
    context.log.info(
        f"ingest: {summary.scanned} files, {summary.new} new, {summary.changed} changed, "
        f"{summary.unchanged} unchanged, {summary.removed} removed, {len(refused)} refused"
        + (f" ({summary.kept} of them {'keeps its' if summary.kept == 1 else 'keep their'} stored version)"
           if summary.kept else "")
    )
    for r in refused[:REFUSED_SHOWN]:
        context.log.warning(f"ingest: refused {r.source_path}: {r.reason}")
    if len(refused) > REFUSED_SHOWN:
        context.log.warning(f"ingest: … and {len(refused) - REFUSED_SHOWN} more refused files "
                            f"(all of them in staging.refused_documents)")
    shown = [(r.source_path, r.size_bytes, r.reason) for r in refused[:REFUSED_SHOWN]]
    return dg.MaterializeResult(metadata={
        "dagster/row_count": total,
        "raw_dir": str(raw_dir),
        "scanned": summary.scanned,
        "ingested": total,
        "new": summary.new,
        "changed": summary.changed,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
        "refused": len(refused),
        "refused_kept_as_stored": summary.kept,
        "attachments_with_their_page": linked,
        "refused_by_reason": dg.MetadataValue.json(summary.refused_by_reason),
        "full_rescan": settings.full_rescan,
        "bytes_read": summary.bytes_read,
        "encodings": dg.MetadataValue.json(summary.encodings),
        "refused_first": dg.MetadataValue.md(
            markdown_table(shown, ["file", "bytes", "reason"]) + (
                f"\n\n… {len(refused) - REFUSED_SHOWN} more in staging.refused_documents"
                if len(refused) > REFUSED_SHOWN else "") if refused else "none"),
        "preview": dg.MetadataValue.md(markdown_table(preview, ["source_path", "bytes", "reader", "encoding", "source_url"])),
    })


# Written by staging/documents in the same transaction: declared here so the UI shows it in the ingest
# group with what writes it (dbt reads it as a source: stg_refused_documents)
refused_documents = dg.AssetSpec(
    key=dg.AssetKey(["staging", "refused_documents"]),
    group_name="ingest",
    kinds={"duckdb"},
    deps=[raw_documents.key],
    description=(
        "Files under GOVINFO_RAW_DIR that were not ingested (links out of the folder, binary files, archives, "
        "undecodable or unreadable files), one row each with the reason; written by staging/documents, whose "
        "`refused` metadata counts them. Published as marts.refused_documents."
    ),
)


# Replaced by staging/documents on every run: declared here so the UI shows it in the ingest group
# with what writes it (dbt reads it as a source: stg_attachment_pages)
attachment_pages = dg.AssetSpec(
    key=dg.AssetKey(["staging", "attachment_pages"]),
    group_name="ingest",
    kinds={"duckdb"},
    deps=[raw_documents.key],
    description=(
        "For each attachment the fetch took from a report page (a PDF, Word or spreadsheet file linked from "
        "it), that page's URL, as the fetch provenance log says now; written by staging/documents, whose "
        "`attachments_with_their_page` metadata counts them. dbt reads a file with no year or agency of its own "
        "as its page's, and a page's statistics tables published as a file as a part of the page's report."
    ),
)
