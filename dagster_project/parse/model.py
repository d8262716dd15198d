"""What parsing produces: plain records, independent of Dagster and of the warehouse."""
from __future__ import annotations

from dataclasses import dataclass, field

VALUE_STATUSES = ("reported", "approximate", "inferred")
# the parse warning of a page cut off in its download (the run's summary names such pages by it)
CUT_OFF_WARNING = "the page ends inside a table (cut off?): what followed is missing"


@dataclass(frozen=True)
class Figure:
    """One printed figure, in the unit of its indicator (money in 万元)."""

    indicator_code: str
    value: float
    applicant_type: str = "total"
    value_status: str = "reported"  # reported | approximate | inferred
    evidence: str = ""  # the raw cell or sentence the figure was read from
    source: str = "table"  # table | prose


@dataclass(frozen=True)
class UnplacedFigure:
    """A printed figure whose column the identities could not decide: kept, never guessed."""

    table: str  # e.g. 't3', 't4', 't2'
    row_label: str
    value: float
    candidates: str  # '|'-joined applicant types (table three) or indicator codes it could belong to
    reason: str
    evidence: str = ""
    indicator_code: str | None = None  # the row's code when the row is known and only the column is not


@dataclass(frozen=True)
class UncodedRow:
    """A row of a table that fits no national template (other_table): kept with its printed labels."""

    table_title: str
    row_label: str
    column_label: str
    unit: str
    value: float | None
    evidence: str = ""


@dataclass
class ReportMeta:
    title: str | None = None
    agency_name: str | None = None
    report_year: int | None = None
    published_date: str | None = None  # ISO date
    doc_type: str = "annual_report"  # annual_report | other
    doc_type_reason: str = ""
    template_code: str = "narrative"  # gov2008 | gov2019 | gov2021 | narrative | other_table
    is_region_summary: bool = False
    source_url: str | None = None
    content_hash: str | None = None  # digest of the normalised main text: one content, one report


@dataclass
class ParsedReport:
    meta: ReportMeta
    figures: list[Figure] = field(default_factory=list)
    unplaced: list[UnplacedFigure] = field(default_factory=list)
    uncoded_rows: list[UncodedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class DocumentParseError(Exception):
    """A document that cannot be parsed at all; the message says why."""
