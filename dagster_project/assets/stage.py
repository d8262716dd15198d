"""Parse and stage: documents that are new, changed or parsed by older code become staging rows.

Two assets. ``parse/shards`` is partitioned by shard (a stable hash of report_id, stage/shards.py):
materializing a partition parses that shard's new, changed or re-versioned documents (all of them
with ``reparse``) and writes its Parquet generation; a run over several partitions reads the pending
documents out of the warehouse once (read-only, one streaming pass) and parses them in batches in
``GOVINFO_PARSE_WORKERS`` processes as the read goes on (stage/stream_shards.py). The
``staging/*`` tables (``staged_reports``) bring every shard up to date the same way, then load the
changed reports from the Parquet into DuckDB in one transaction and resolve their agencies.
"""
from pathlib import Path

import dagster as dg
from pydantic import Field

from ..resources.duckdb_memory import bound_memory
from ..resources.warehouse import WarehouseResource
from ..settings import get_settings
from ..stage.agencies import refresh_agencies
from ..stage.load import load_shards
from ..stage.parse_shard import ShardResult, refresh_shards
from ..stage.shard_store import ShardStore, staged_dir_for
from ..stage.shards import shard_keys
from ..stage.write_reports import ParseBudget, StageSummary, parser_version
from .markdown import text_table

SHARDS = dg.AssetKey(["parse", "shards"])
DOCUMENTS = dg.AssetKey(["staging", "documents"])

STAGED_TABLES = {
    "reports": "One row per parsed document: title, agency, year reported on, date, doc_type, template.",
    "figures": "One row per figure read off a report (indicator code, applicant type, value, status, evidence).",
    "unplaced_figures": "Printed figures whose column the identities could not decide, with the reason.",
    "uncoded_rows": "Rows of local tables that fit no national template, with their printed labels.",
    "parse_errors": "Documents that could not be parsed: which and why.",
    "agencies": "Issuing agencies resolved to province / prefecture / county and a 6-digit adcode.",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            dg.AssetKey(["staging", name]),
            description=description,
            group_name="parse",
            kinds={"python", "duckdb"},
            deps=[DOCUMENTS, SHARDS],
        )
        for name, description in STAGED_TABLES.items()
    ],
    description="Bring every parse shard up to date (pending documents parsed in parallel processes into "
                "Parquet), then load the changed reports into the staging tables in one transaction.",
)
def staged_reports(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    store = shard_store(warehouse)
    results = _refresh(context, warehouse, store, store.keys, reparse=False)
    summary = _total(results)
    for result in results:  # the UI shows the partitions this run parsed as materialized
        if result.generation:
            context.log_event(dg.AssetMaterialization(asset_key=SHARDS, partition=result.key,
                                                      metadata=shard_metadata([result])))
    with warehouse.connect() as con:
        bound_memory(con, get_settings())
        loaded = load_shards(con, store)
        context.log.info(f"stage: {loaded.reports} reports loaded from the shards' Parquet ({loaded.rows} rows)")
        agencies = refresh_agencies(con, hint_files=store.files("agency_hints"))
        counts = {name: con.execute(f"select count(*) from staging.{name}").fetchone()[0] for name in STAGED_TABLES}
        previews = {
            "reports": (con.execute(
                "select coalesce(agency_name, '?'), report_year, doc_type, template_code, title from staging.reports "
                "order by parsed_at desc, report_id limit 10").fetchall(), ["agency", "year", "doc_type", "template", "title"]),
            "figures": (con.execute(
                "select indicator_code, applicant_type, value, value_status, evidence from staging.figures "
                "order by report_id, indicator_code limit 10").fetchall(), ["indicator", "applicant", "value", "status", "evidence"]),
            "unplaced_figures": (con.execute(
                "select row_label, value, reason from staging.unplaced_figures limit 10").fetchall(), ["row", "value", "reason"]),
            "uncoded_rows": (con.execute(
                "select row_label, column_label, value from staging.uncoded_rows limit 10").fetchall(), ["row", "column", "value"]),
            "parse_errors": (con.execute(
                "select source_path, error from staging.parse_errors order by source_path").fetchall(), ["document", "reason"]),
            "agencies": (con.execute(
                "select agency_name, agency_kind, province, prefecture, county, adcode from staging.agencies order by agency_name limit 10"
            ).fetchall(), ["agency", "kind", "province", "prefecture", "county", "adcode"]),
        }
    context.log.info(
        f"parse: {summary.parsed} parsed, {summary.failed} failed, {summary.figures} figures, "
        f"{summary.unplaced} unplaced, {agencies} agencies (parser {parser_version()})"
    )
    for name in STAGED_TABLES:
        rows, headers = previews[name]
        metadata = {
            "dagster/row_count": counts[name],
            "preview": dg.MetadataValue.md(text_table(rows, headers) if rows else "no rows"),
            "parser_version": parser_version(),
            "documents_parsed_this_run": summary.parsed,
            "reports_loaded_this_run": loaded.reports,
        }
        if name == "parse_errors":
            metadata["failed_this_run"] = summary.failed
        yield dg.MaterializeResult(asset_key=dg.AssetKey(["staging", name]), metadata=metadata)


def shard_store(warehouse: WarehouseResource) -> ShardStore:
    return ShardStore(staged_dir_for(Path(warehouse.path)), get_settings().parse_shards)


def _refresh(context, warehouse: WarehouseResource, store: ShardStore, keys: list[str], reparse: bool
             ) -> list[ShardResult]:
    settings = get_settings()
    return refresh_shards(Path(warehouse.path), store, keys, parser_version(),
                          ParseBudget(settings.parse_max_chars, settings.parse_max_seconds),
                          batch_size=settings.parse_batch_size, workers=settings.parse_workers, reparse=reparse,
                          log=context.log.info)


def _total(results: list[ShardResult]) -> StageSummary:
    total = StageSummary()
    for result in results:
        total.add(result.parsed)
    return total


def shard_metadata(results: list[ShardResult]) -> dict:
    total = _total(results)
    documents = sum(r.documents for r in results)
    parquet = sum(r.parquet_bytes for r in results)
    metadata = {
        "shards": ", ".join(r.key for r in results) if len(results) <= 8 else f"{len(results)} shards",
        "documents": documents,
        "parsed": total.parsed,
        "failed": total.failed,
        "needs_ocr": total.needs_ocr,
        "removed": sum(r.dropped for r in results),
        "figures_parsed": total.figures,
        "parquet_bytes": parquet,
        "parquet_bytes_per_document": round(parquet / documents) if documents else 0,
        "parse_seconds": round(sum(r.seconds for r in results), 2),
        "processes": max((r.processes for r in results if r.generation), default=0),
        "peak_rss_mib": round(max((r.peak_rss_mib for r in results), default=0.0)),
        "parser_version": parser_version(),
    }
    if total.failures:
        metadata["failures"] = dg.MetadataValue.md(text_table(total.failures[:20], ["document", "reason"]))
    return metadata


class ShardParseConfig(dg.Config):
    reparse: bool = Field(False, description="parse every document of the shard again, changed or not "
                                             "(e.g. to try a parser change on one shard)")


def report_shards_asset(count: int) -> dg.AssetsDefinition:
    """The partitioned parse asset for ``count`` shards (GOVINFO_PARSE_SHARDS)."""

    @dg.asset(
        key=SHARDS,
        partitions_def=dg.StaticPartitionsDefinition(shard_keys(count)),
        # a backfill of many shards is one run whose step parses them in GOVINFO_PARSE_WORKERS processes
        backfill_policy=dg.BackfillPolicy.single_run(),
        group_name="parse",
        kinds={"python", "parquet"},
        deps=[DOCUMENTS],
        description="The parsed rows (reports, figures, unplaced figures, uncoded rows, parse errors) of one "
                    "shard of the documents (a stable hash of report_id), as Parquet files beside the warehouse. "
                    "Only new, changed or re-versioned documents are parsed (all with reparse); the staging "
                    "tables load them.",
    )
    def parse_shards(context: dg.AssetExecutionContext, config: ShardParseConfig,
                     warehouse: WarehouseResource) -> dg.MaterializeResult:
        store = shard_store(warehouse)
        results = _refresh(context, warehouse, store, list(context.partition_keys), reparse=config.reparse)
        return dg.MaterializeResult(metadata={**shard_metadata(results), "folder": str(store.layout)})

    return parse_shards
