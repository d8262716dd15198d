"""The staging schema of the warehouse: what ingest and parse write, and what dbt reads as sources."""
from __future__ import annotations

STAGING_DDL = [
    "create schema if not exists staging",
    """create table if not exists staging.documents (
        report_id varchar primary key,
        source_path varchar not null,
        sha256 varchar not null,
        size_bytes bigint not null,
        mtime_ns bigint,
        encoding varchar,
        decoded_how varchar,
        text varchar,
        source_url varchar,
        ingested_at timestamp not null
    )""",
    """create table if not exists staging.reports (
        report_id varchar primary key,
        sha256 varchar not null,
        parser_version varchar not null,
        title varchar,
        agency_name varchar,
        report_year integer,
        published_date date,
        doc_type varchar not null,
        doc_type_reason varchar,
        template_code varchar not null,
        is_region_summary boolean,
        page_url varchar,
        warnings varchar,
        parsed_at timestamp not null,
        content_hash varchar
    )""",
    # warehouses built before the column existed (a new parser version re-parses every report)
    "alter table staging.reports add column if not exists content_hash varchar",
    # the agency the stage resolved (stage/agencies.py): the key reports join agencies by
    "alter table staging.reports add column if not exists agency_id varchar",
    """create table if not exists staging.figures (
        report_id varchar not null,
        indicator_code varchar not null,
        applicant_type varchar not null,
        value double,
        value_status varchar not null,
        evidence varchar,
        source varchar
    )""",
    """create table if not exists staging.unplaced_figures (
        report_id varchar not null,
        table_code varchar,
        indicator_code varchar,
        row_label varchar,
        value double,
        candidates varchar,
        reason varchar,
        evidence varchar
    )""",
    """create table if not exists staging.uncoded_rows (
        report_id varchar not null,
        table_title varchar,
        row_label varchar,
        column_label varchar,
        unit varchar,
        value double,
        evidence varchar
    )""",
    """create table if not exists staging.parse_errors (
        report_id varchar primary key,
        source_path varchar,
        sha256 varchar,
        parser_version varchar,
        error varchar,
        failed_at timestamp
    )""",
    # columns added after the first release: older warehouses gain them on the next run
    "alter table staging.documents add column if not exists edge_sha256 varchar",
    "alter table staging.documents add column if not exists reader varchar",
    "alter table staging.parse_errors add column if not exists parse_status varchar",
    """create table if not exists staging.refused_documents (
        source_path varchar not null,
        size_bytes bigint,
        reason varchar not null,
        category varchar,
        refused_at timestamp not null
    )""",
    # what the file was when refused: an unchanged file is not read again on the next run
    "alter table staging.refused_documents add column if not exists mtime_ns bigint",
    "alter table staging.refused_documents add column if not exists edge_sha256 varchar",
    """create table if not exists staging.agencies (
        agency_id varchar primary key,
        agency_name varchar not null,
        agency_kind varchar,
        province varchar,
        prefecture varchar,
        county varchar,
        adcode varchar
    )""",
    # an attachment fetched from a report page: that page's URL and stored version (ingest/attachment_pages.py)
    """create table if not exists staging.attachment_pages (
        source_path varchar primary key,
        page_url varchar not null,
        page_path varchar
    )""",
]

# Tables holding one or more rows per report: replaced as a whole when a report is re-parsed.
PER_REPORT_TABLES = ("reports", "figures", "unplaced_figures", "uncoded_rows", "parse_errors")
# a shard's generation also keeps what its parse workers resolved of each report's agency
# (stage/agencies.py): read from the Parquet by the agency stage, never loaded as a staging table
SHARD_TABLES = PER_REPORT_TABLES + ("agency_hints",)


def ensure_schema(con) -> None:
    for statement in STAGING_DDL:
        con.execute(statement)
