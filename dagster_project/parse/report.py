"""One document in, one parsed report out: the entry point of the parse stage (pure, no I/O)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .text.cells import cell_stream
from .classify import (binary_reason, classify_doc_type, is_blank_template, names_a_document,
                       national_form_of_year, national_template, older_template, undecodable_reason,
                       unreadable_reason)
from .identity import content_hash
from .labels import mainland_terms, normalise_label
from .metadata import TWO_YEARS_HOW, find_agency, find_published, find_report_year, find_title, is_region_summary
from .model import CUT_OFF_WARNING, DocumentParseError, ParsedReport, ReportMeta
from .text.sections import find_regions, tables_go_on
from .tables.statistics_table import parse_statistics_table
from .tables.table_four import parse_table_four
from .tables.table_three import parse_table_three, rows_go_on_at as table_three_rows_at
from .tables.table_two import parse_table_two, rows_go_on_at as table_two_rows_at

MIN_TEXT_CHARS = 40


@dataclass
class _Page:
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    tables: list = field(default_factory=list)
    is_html: bool = False


def _read_page(raw: str) -> _Page:
    """The text of a document in Simplified Chinese with the templates' terms.

    HTML pages go through :mod:`.html_page` (which converts Traditional pages with OpenCC t2s);
    plain-text copies of Traditional pages are converted here. t2s keeps Taiwan vocabulary
    (資訊 -> 资讯, 檔案 -> 档案), so a Traditional document also gets :func:`mainland_terms`.
    """
    from .html.page import extract_page, looks_like_html
    from .traditional import is_traditional, to_simplified

    if not looks_like_html(raw):
        if not is_traditional(raw[:20000]):
            return _Page(raw)
        return _Page(mainland_terms(to_simplified(raw)))
    page = extract_page(raw)
    if not page.traditional:
        return _Page(page.text, dict(page.meta), page.title, list(page.tables), True)
    for table in page.tables:
        for row in table.rows:
            for cell in row:
                cell.text = mainland_terms(cell.text)
    return _Page(mainland_terms(page.text), {k: mainland_terms(v or "") for k, v in page.meta.items()},
                 mainland_terms(page.title) if page.title else page.title, list(page.tables), True)


def _names_a_report(title: str | None) -> bool:
    norm = normalise_label(title or "")
    return "公开" in norm and any(w in norm for w in ("报告", "年报"))


def _check_readable(page: _Page, raw: str, source_path: str) -> None:
    """A page whose title names a report but whose body is only an attachment link (or an embedded
    viewer) is still a (narrative) report without figures; a page with neither is not a document."""
    name = source_path or "document"
    chars = len(page.text.strip())
    if not raw.strip():
        raise DocumentParseError(f"{name}: empty document")
    if chars >= MIN_TEXT_CHARS or _names_a_report(page.title):
        return
    if page.is_html and not chars:
        raise DocumentParseError(f"{name}: HTML page with no main-content text (title: {page.title or 'none'})")
    raise DocumentParseError(f"{name}: no readable text ({chars} characters)")


def _not_a_report(reason: str, title: str | None = None) -> ParsedReport:
    return ParsedReport(ReportMeta(title=title, doc_type="other", doc_type_reason=reason),
                        warnings=["not parsed: " + reason])


def parse_document(raw: str, source_path: str = "") -> ParsedReport:
    """Parse the decoded text (plain text or HTML) of one document.

    Raises :class:`DocumentParseError` when the document holds nothing a report could be read from.
    """
    raw = raw or ""
    binary = binary_reason(raw)
    if binary:  # never read bytes as a report: the gate says what they are, nothing is parsed
        return _not_a_report(binary)
    page = _read_page(raw)
    _check_readable(page, raw, source_path)
    # (a plain-text page is the raw text itself, which the binary gate has read)
    unreadable = undecodable_reason(page.text) if page.text is raw else unreadable_reason(page.text)
    if unreadable:
        return _not_a_report(unreadable, page.title)

    from .prose.narrative import extract_prose_figures
    from .tables.other_table import parse_other_tables

    text, meta = page.text, page.meta
    cells = cell_stream(text)
    lines = text.splitlines()
    # a page title that names no document (the site's name) gives way to the report's heading
    title = page.title if names_a_document(page.title) else (find_title(lines, meta) or page.title)
    published = find_published(text, meta, lines)
    year, year_how = find_report_year(title, text, published)

    figures, unplaced, uncoded = [], [], []
    # a page of the national 2019/2021 tables is read by them alone: the older readers are not run
    template = national_template(cells)
    if template is None:
        figures, unplaced = parse_statistics_table(cells)
        uncoded = [] if figures else parse_other_tables(cells, page.tables)
        template = older_template(cells, len(figures), len(uncoded))
        # the later page of a report a site's pager cut inside its tables prints none of the labels that
        # name the form: its year does (7 of 8 cuts inside table three lost every figure after the cut),
        # when the page is the report on its own evidence (its title): a month's or a half-year's page of
        # request counts, or a 法治政府建设 report with a table of reviews, is none
        form = national_form_of_year(year) if template == "narrative" and not unplaced else None
        if form and tables_go_on(cells, table_three_rows_at) and classify_doc_type(title, text, readable=True)[0] == "annual_report":
            template = form
    warnings: list[str] = []
    regions = None
    if template in ("gov2019", "gov2021"):
        regions = find_regions(cells, table_three_rows_at, table_two_rows_at)
        for region, parse in ((regions.t2, lambda c: parse_table_two(c, template)),
                              (regions.t3, lambda c: parse_table_three(c, template, not regions.t3_goes_on)),
                              (regions.t4, parse_table_four)):
            if region is None:
                continue
            found, lost = parse(cells[region[0]:region[1]])
            figures += found
            unplaced += lost
        if regions.t3 is None:
            warnings.append("table three (requests) not found")
    prose = extract_prose_figures(text, year)
    blank = is_blank_template(cells, regions, has_figures=bool(figures or unplaced or uncoded or prose))
    doc_type, reason = classify_doc_type(title, text, has_report_tables=bool(figures) and template != "narrative",
                                         blank_template=blank, has_prose_figures=bool(prose), readable=True)
    figures += prose
    if "\f" in text:  # a PDF read page by page: name the page of every figure in its evidence
        from .pdf.evidence import with_pages

        figures = with_pages(text, figures)

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
        content_hash=content_hash(text),
    )
    if meta_record.agency_name is None:
        warnings.append("issuing agency not found")
    if year is None:
        warnings.append(year_how or "report year not found")
    elif year_how.startswith(TWO_YEARS_HOW):
        warnings.append(f"{year_how} year is its year; a figure may count both")
    if page.is_html and _ends_inside_a_table(raw):
        warnings.append(CUT_OFF_WARNING)
    return ParsedReport(meta_record, figures, unplaced, uncoded, warnings)


def _ends_inside_a_table(raw: str) -> bool:
    """A page cut off in a download or a save: no </html> at its end, and its last table never closed.
    (Only a page without its end is lowered and searched whole.)"""
    if "</html>" in raw[-4096:].lower():
        return False
    lowered = raw.lower()
    return lowered.rfind("<table") > lowered.rfind("</table>")
