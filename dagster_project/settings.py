"""Typed settings of a run: where documents come from, where the warehouse goes, how strict checks are.

Everything a person may want to change without editing code lives here and is read from the
environment (``GOVINFO_*``), so `make run` can be pointed at any folder of documents.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class FetchSettings(BaseSettings):
    """Politeness and robustness of the fetcher (one shared `requests.Session`)."""

    model_config = SettingsConfigDict(env_prefix="GOVINFO_FETCH_")

    user_agent: str = "govinfo-warehouse/0.1 (+annual-report research crawler)"
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 20.0
    # read_timeout_s bounds the gap between two socket reads; a server dripping bytes would never trip it
    total_timeout_s: float = 120.0
    max_retries: int = 3
    backoff_base_s: float = 0.5
    backoff_max_s: float = 30.0
    max_bytes: int = 8 * 1024 * 1024
    max_redirects: int = 5
    per_host_min_interval_s: float = 1.0
    per_host_concurrency: int = 1
    max_workers: int = 4
    listing_max_pages: int = 20
    max_attachments_per_page: int = 20  # attachment links (PDF, Word, …) followed from one report page
    respect_robots_txt: bool = True
    # A report URL whose bytes were stored (downloaded, or confirmed unchanged) less than this many
    # hours ago is not asked again: at national scale a run asking 100,000 URLs one second apart per
    # host takes hours, and a published report seldom changes. Listing pages are read on every run,
    # so new reports are still found. 0 asks every URL on every run. Under a day, so that a daily
    # run asks each report once a day (a URL asked late in one run is not due early in the next).
    recheck_after_hours: float = Field(20.0, ge=0)
    # Set by `make run`, which fetches before it decides whether anything changed: the summary of that
    # fetch, which the run's fetch asset reports instead of asking every URL a second time.
    prefetched: Path | None = None


class ReconciliationSettings(BaseSettings):
    """Tolerances of the reconciliation rules: counts are exact, money is relative."""

    model_config = SettingsConfigDict(env_prefix="GOVINFO_RULES_")

    count_abs_tolerance: float = 0.0
    money_rel_tolerance: float = 0.005
    worst_cases_shown: int = 20
    # the printed cells (with evidence) of this many worst failing rows go into a check's metadata
    worst_cases_with_cells: int = 5


class QualitySettings(BaseSettings):
    """What keeps an annual report out of analysis (quarantine) and how its quality score is weighed."""

    model_config = SettingsConfigDict(env_prefix="GOVINFO_QUALITY_")

    report_year_min: int = Field(2007, description="earliest possible year reported on (the 2007 regulations)")
    report_year_max: int = Field(2030, description="latest plausible year reported on")
    unverified_factor: float = Field(0.8, description="rule factor of a report on which no identity could be assessed")


class AttachmentSettings(BaseSettings):
    """How PDF, Word and spreadsheet attachments are read (parse/attachments.py and its readers)."""

    model_config = SettingsConfigDict(env_prefix="GOVINFO_ATTACHMENTS_")

    pdf_max_pages: int = Field(300, description="pages of one PDF read; a yearbook-sized file is read in part")
    pdf_min_text_chars_per_page: int = Field(
        20, description="fewer characters than this per page on average: a scan, recorded as needs_ocr")
    pdf_max_unmapped_share: float = Field(
        0.2, description="share of '(cid:N)' glyphs above which a text layer is unusable (needs_ocr)")
    pdf_column_gap_em: float = Field(
        1.5, description="a gap this many characters wide splits a line of a table without ruling lines")
    xlsx_max_rows_per_sheet: int = Field(5000, description="rows of one spreadsheet sheet read")
    zip_max_xml_bytes: int = Field(
        32 * 1024 * 1024, description="a .docx or .xlsx whose XML parts unpack to more than this is refused before "
                                      "it is unpacked (a real report's are a few MB; its readers hold a tree of it)")
    zip_max_unpacked_bytes: int = Field(
        256 * 1024 * 1024, description="a .docx or .xlsx whose parts (images too) unpack to more than this is refused")
    reader_max_seconds: float = Field(
        120.0, gt=0, description="CPU seconds one attachment's reader may take (its child process ends there; the "
                                 "fixtures' real reports take under 1.2 s each)")
    reader_max_mb: int = Field(
        2048, ge=256, description="address space of one attachment's reader process, in MB (a real report's PDF "
                                  "needs a few hundred; a hostile one asked for 9.7 GB)")


class Settings(BaseSettings):
    """Paths of one run. `GOVINFO_RAW_DIR`, `GOVINFO_WAREHOUSE`, `GOVINFO_SOURCES` override them."""

    model_config = SettingsConfigDict(env_prefix="GOVINFO_")

    raw_dir: Path = PROJECT_ROOT / "raw"
    warehouse: Path = PROJECT_ROOT / "warehouse" / "govinfo.duckdb"
    sources: Path | None = None
    dbt_project_dir: Path = PROJECT_ROOT / "dbt"
    expectations_dir: Path = PROJECT_ROOT / "expectations"
    parse_batch_size: int = Field(200, ge=1, description="documents parsed per batch (one Parquet part each): bounds memory")
    parse_workers: int = Field(2, ge=1, description="processes parsing in parallel (one per core), a batch at a time")
    parse_shards: int = Field(
        16, ge=1, le=1000,
        description="parse partitions: a document's shard is a stable hash of its report_id; changing the count "
                    "re-parses every document into the new layout")
    staged_dir: Path | None = Field(
        None, description="GOVINFO_STAGED_DIR: the shards' Parquet (default <warehouse>.staged beside the warehouse)")
    parse_max_chars: int = Field(
        2_000_000, ge=1, description="a document with more characters of text fails alone ('document exceeds …')")
    parse_max_seconds: float = Field(
        120.0, gt=0, description="a document parsing longer fails alone; the rest of its batch goes on")
    max_file_bytes: int = Field(
        256 * 1024 * 1024, ge=1, description="a raw file larger than this is refused, not read into memory")
    unchanged_listing: Path | None = Field(
        None, description="set by `make run` for its own ingest: a file of the raw folder's paths whose stat "
                          "(size, mtime, ctime, device, inode) is that stored with the published warehouse, so "
                          "ingest does not open them (run/listing.py)")
    documents_row_group_size: int = Field(
        2048, ge=2048, description="rows per row group of staging.documents as ingest writes it: a checkpoint after "
                                   "appending rewrites the table's last row group whole, texts and all (18 s at "
                                   "100,000 reports in DuckDB's default 122,880-row groups, 0.03 s in 2,048-row ones)")
    full_rescan: bool = Field(
        False, description="GOVINFO_FULL_RESCAN=1: hash every file's content instead of trusting size, "
                           "mtime and the hash of its first and last 64 KiB")
    dbt_full_refresh: bool = Field(
        False, description="GOVINFO_DBT_FULL_REFRESH=1: rebuild every dbt incremental model from every report "
                           "(otherwise only when the dbt project, its vars or the parser changed)")
    check_batch_rows: int = Field(
        200_000, ge=1000, description="rows of fct_reconciliation validated by Great Expectations at a time: "
                                      "bounds the checks' memory")
    duckdb_memory_limit: str = Field(
        "2GB", pattern=r"^\d+(\.\d+)?\s*[KMGT]i?B$", description="DuckDB memory_limit of the ingest, check and docs connections and of dbt's (DuckDB spills past it); "
                           "DuckDB's default is 80% of the machine's memory")
    documents_duckdb_memory_limit: str = Field(
        "512MB", pattern=r"^\d+(\.\d+)?\s*[KMGT]i?B$",
        description="DuckDB memory_limit of the connections that write or stream staging.documents (ingest, the "
                    "parse's one read of the pending documents): past it DuckDB evicts the table's blocks instead "
                    "of keeping them (the process grew with the corpus under the 2GB limit). The parse's read "
                    "doubles it, up to duckdb_memory_limit, when long texts need more")
    duckdb_allocator_flush: str = Field(
        "8MB", description="DuckDB allocator_flush_threshold, with its background threads: memory freed by "
                           "a query goes back to the system instead of staying with the process")
    progress_seconds: float = Field(
        5.0, ge=0, description="a progress line of the ingest scan and of the parse at most this often: in a run "
                               "each line is an event Dagster writes to its storage (5.8 ms each here; one per "
                               "200-document batch was 500 events at 100,000 documents)")
    max_removed_share: float = Field(
        0.5, ge=0, le=1, description="ingest stops when a scan would remove more than this share of the stored documents")
    allow_mass_removal: bool = Field(
        False, description="GOVINFO_ALLOW_MASS_REMOVAL=1: let a scan remove more than max_removed_share")
    allow_raw_dir_change: bool = Field(
        False, description="GOVINFO_ALLOW_RAW_DIR_CHANGE=1: let a run rebuild a warehouse from another raw folder "
                            "than the one it was built from; the documents the new folder lacks are removed, past "
                            "max_removed_share too")

    fetch: FetchSettings = Field(default_factory=FetchSettings)
    rules: ReconciliationSettings = Field(default_factory=ReconciliationSettings)
    quality: QualitySettings = Field(default_factory=QualitySettings)
    attachments: AttachmentSettings = Field(default_factory=AttachmentSettings)

    @field_validator("raw_dir", mode="before")
    @classmethod
    def _raw_dir_not_empty(cls, value):
        # an empty GOVINFO_RAW_DIR would mean the current folder: the whole project as documents
        if isinstance(value, str) and not value.strip():
            raise ValueError("GOVINFO_RAW_DIR is set but empty: give the folder of documents, or unset it")
        return value

    def model_post_init(self, __context) -> None:
        # dbt runs in its own folder: relative paths would point somewhere else there.
        self.raw_dir = self.raw_dir.expanduser().resolve()
        self.warehouse = self.warehouse.expanduser().resolve()
        if self.staged_dir is not None:
            self.staged_dir = self.staged_dir.expanduser().resolve()

    @property
    def sources_path(self) -> Path:
        return self.sources or (self.raw_dir / "sources.csv")

    @property
    def fetch_dir(self) -> Path:
        """Fetched documents live inside the raw folder, so they flow through ingest like local files."""
        return self.raw_dir / "_fetched"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
