"""Ingest assets: the raw folder becomes ``staging.documents``."""

import dagster as dg

from ..ingest.scan import ingest_folder
from ..resources.warehouse import WarehouseResource
from ..settings import get_settings
from .markdown import markdown_table


@dg.asset(
    key=dg.AssetKey(["staging", "documents"]),
    group_name="ingest",
    kinds={"python", "duckdb"},
    deps=["fetched_documents"],
    description=(
        "Every document under GOVINFO_RAW_DIR (sub-folders included) as a row of staging.documents: "
        "path, size, sha256 and decoded text (UTF-8, GB18030/GBK, declared or detected). Unchanged "
        "files are skipped; files that left the folder leave the warehouse."
    ),
)
def raw_documents(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    from ..fetch.provenance import source_url_by_path

    settings = get_settings()
    raw_dir = settings.raw_dir.resolve()
    if not raw_dir.is_dir():
        raise dg.Failure(f"raw folder {raw_dir} does not exist (set GOVINFO_RAW_DIR)")
    urls = source_url_by_path(raw_dir)
    context.log.info(f"ingest: scanning {raw_dir}")
    with warehouse.connect() as con:
        summary = ingest_folder(con, raw_dir, urls, log=context.log.info)
        total = con.execute("select count(*) from staging.documents").fetchone()[0]
        preview = con.execute(
            "select source_path, size_bytes, encoding, source_url from staging.documents order by ingested_at desc, source_path limit 10"
        ).fetchall()
    context.log.info(
        f"ingest: {summary.scanned} files, {summary.new} new, {summary.changed} changed, "
        f"{summary.unchanged} unchanged, {summary.removed} removed"
    )
    for path, error in summary.errors:
        context.log.warning(f"ingest: {path}: {error}")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": total,
        "raw_dir": str(raw_dir),
        "scanned": summary.scanned,
        "new": summary.new,
        "changed": summary.changed,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
        "bytes_read": summary.bytes_read,
        "encodings": dg.MetadataValue.json(summary.encodings),
        "unreadable": dg.MetadataValue.md(markdown_table(summary.errors, ["document", "reason"]) if summary.errors else "none"),
        "preview": dg.MetadataValue.md(markdown_table(preview, ["source_path", "bytes", "encoding", "source_url"])),
    })
