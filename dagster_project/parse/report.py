"""One document in, one parsed report out: the entry point of the parse stage (pure, no I/O)."""
from __future__ import annotations

from .cells import cell_stream
from .classify import classify_doc_type, detect_template
from .metadata import find_agency, find_published, find_report_year, find_title, is_region_summary
from .model import DocumentParseError, ParsedReport, ReportMeta
from .sections import find_regions
from .statistics_table import parse_statistics_table
from .table_four import parse_table_four
from .table_three import parse_table_three
from .table_two import parse_table_two

MIN_TEXT_CHARS = 40


def _page_text(raw: str) -> tuple[str, dict[str, str], str | None, list]:
    from .html_page import extract_page, looks_like_html

    if not looks_like_html(raw):
        return raw, {}, None, []
    page = extract_page(raw)
    return page.text, dict(page.meta), page.title, list(page.tables)


def parse_document(raw: str, source_path: str = "") -> ParsedReport:
    """Parse the decoded text (plain text or HTML) of one document.

    Raises :class:`DocumentParseError` when the document holds nothing a report could be read from.
    """
    text, meta, page_title, tables = _page_text(raw)
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise DocumentParseError(f"{source_path or 'document'}: no readable text ({len(text.strip())} characters)")

    from .narrative import extract_prose_figures
    from .other_table import parse_other_tables

    cells = cell_stream(text)
    lines = text.splitlines()
    title = page_title or find_title(lines, meta)
    published = find_published(text, meta)
    year, _ = find_report_year(title, text, published)
    doc_type, reason = classify_doc_type(title, text)

    figures, unplaced = parse_statistics_table(cells)
    uncoded = [] if figures else parse_other_tables(cells, tables)
    template = detect_template(cells, len(figures), len(uncoded))
    warnings: list[str] = []
    if template in ("gov2019", "gov2021"):
        figures, unplaced = [], []
        regions = find_regions(cells)
        for region, parse in ((regions.t2, lambda c: parse_table_two(c, template)),
                              (regions.t3, lambda c: parse_table_three(c, template)),
                              (regions.t4, parse_table_four)):
            if region is None:
                continue
            found, lost = parse(cells[region[0]:region[1]])
            figures += found
            unplaced += lost
        if regions.t3 is None:
            warnings.append("table three (requests) not found")
    figures += extract_prose_figures(text, year)

    meta_record = ReportMeta(
        title=title,
        agency_name=find_agency(title, text, meta),
        report_year=year,
        published_date=published,
        doc_type=doc_type,
        doc_type_reason=reason,
        template_code=template,
        is_region_summary=is_region_summary(text),
        source_url=meta.get("Url") or None,
    )
    if meta_record.agency_name is None:
        warnings.append("issuing agency not found")
    if year is None:
        warnings.append("report year not found")
    return ParsedReport(meta_record, figures, unplaced, uncoded, warnings)
