"""Parse and stage: documents that are new, changed or parsed by older code become staging rows."""

import dagster as dg

from ..resources.warehouse import WarehouseResource
from ..settings import get_settings
from ..stage.agencies import refresh_agencies
from ..stage.write_reports import parser_version, stage_pending_reports
from .markdown import text_table

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
            deps=[dg.AssetKey(["staging", "documents"])],
        )
        for name, description in STAGED_TABLES.items()
    ],
    description="Parse every pending document with the pure parsers of dagster_project.parse and stage what it holds.",
)
def staged_reports(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    settings = get_settings()
    with warehouse.connect() as con:
        summary = stage_pending_reports(con, batch_size=settings.parse_batch_size, workers=settings.parse_workers,
                                        log=context.log.info)
        new_agencies = refresh_agencies(con)
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
        f"{summary.unplaced} unplaced, {new_agencies} new agencies (parser {parser_version()})"
    )
    for name in STAGED_TABLES:
        rows, headers = previews[name]
        metadata = {
            "dagster/row_count": counts[name],
            "preview": dg.MetadataValue.md(text_table(rows, headers) if rows else "no rows"),
            "parser_version": parser_version(),
            "documents_parsed_this_run": summary.parsed,
        }
        if name == "parse_errors":
            metadata["failed_this_run"] = summary.failed
        yield dg.MaterializeResult(asset_key=dg.AssetKey(["staging", name]), metadata=metadata)
