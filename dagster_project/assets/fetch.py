"""The fetch stage as one Dagster asset; all the work lives in `dagster_project.fetch`."""
# No `from __future__ import annotations`: Dagster checks the `context` annotation at definition time.
import dagster as dg

from ..fetch.prefetched import PREFETCHED
from ..fetch.run import UNREADABLE_MANIFEST, FetchSummary, failures_markdown, fetch_all
from ..settings import get_settings


@dg.asset(
    group_name="fetch",
    kinds={"python", "requests"},
    description=(
        "Downloads the annual reports named in the sources manifest (GOVINFO_SOURCES, default "
        "raw/sources.csv; list pages are followed) into the content-addressed store raw/_fetched, "
        "politely (per-host pacing, robots.txt, conditional requests), and appends every attempt to "
        "raw/_fetched/provenance.jsonl. Unreachable sources are reported, never fatal. In `make run` the "
        "fetch is done before the run decides whether anything changed, and this asset reports it."
    ),
)
def fetched_documents(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    settings = get_settings()
    prefetched = settings.fetch.prefetched
    if prefetched is not None and prefetched.is_file():
        summary = FetchSummary.load(prefetched)
        context.log.info(f"{PREFETCHED}: {summary.line().removeprefix('fetch done: ')}")
    else:
        summary = fetch_all(settings, log=context.log)
    return dg.MaterializeResult(
        metadata={
            "fetched": dg.MetadataValue.int(summary.fetched),
            "unchanged": dg.MetadataValue.int(summary.unchanged),
            "not_asked_recent": dg.MetadataValue.int(summary.recent),
            "failed": dg.MetadataValue.int(summary.failed),
            "rejected": dg.MetadataValue.int(summary.rejected + summary.robots_disallowed),
            "bytes": dg.MetadataValue.int(summary.bytes),
            "retries": dg.MetadataValue.int(summary.retries),
            "failures": dg.MetadataValue.md(failures_markdown(summary.failures)),
            # a manifest that cannot be read is no source's failure: said on its own
            "unreadable_manifest": dg.MetadataValue.text(
                next((f.reason for f in summary.failures if f.outcome == UNREADABLE_MANIFEST), "")),
        }
    )
