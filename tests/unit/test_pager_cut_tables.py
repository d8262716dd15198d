"""A site's pager can cut a long report inside a table: the first page ends on an unclosed table, the next
opens on the table's rows, with neither the section heading nor the header that mark the table. Each page is
parsed alone (the warehouse joins them as one report's parts), so the next page's rows must be read without
their heading: 平潭's real pages of the 2019 and 2021 forms, cut before each of their table rows in turn."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dagster_project.parse.report import parse_document
from dagster_project.parse.tables.table_three import rows_go_on_at
from dagster_project.parse.text.cells import cell_stream

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "pingtan_site" / "reports"
PARTS = Path(__file__).resolve().parents[1] / "fixtures" / "quirks" / "report_in_parts"


def _table_figures(html: str) -> dict[tuple[str, str], float]:
    report = parse_document(html, "page")
    return {(f.indicator_code, f.applicant_type): f.value for f in report.figures if f.source == "table"}


def _cuts(html: str):
    """Both pages of every cut before a table row: the first up to the row, the next from it on."""
    body = html.index("<body")
    for match in list(re.finditer(r"<tr\b", html, re.I))[1:]:
        yield html[:match.start()], html[:body] + "<body><div><table>" + html[match.start():]


# missed table figures over every cut, as measured: before, a next page without table three's heading gave
# none of its figures (2,214 and 2,544 missed); the cuts left lose a section of table two whose 第二十条
# heading stayed on the page before, a row 总计 or 3.其他 opening the next page, or table four's header
@pytest.mark.parametrize("page, template, missed", [("202001_80576", "gov2019", 105),
                                                    ("202202_80613", "gov2021", 97)])
def test_both_pages_of_a_cut_give_the_whole_pages_table_figures(page, template, missed):
    html = (REPORTS / f"{page}.html").read_text(encoding="utf-8")
    whole = _table_figures(html)
    lost = 0
    for first, second in _cuts(html):
        assert parse_document(second, "next").meta.template_code in (template, "narrative")
        read = [_table_figures(first), _table_figures(second)]
        for part in read:
            assert {key: whole.get(key) for key in part} == part  # nothing read otherwise, nothing extra
        lost += sum(1 for key in whole if not any(key in part for part in read))
    assert lost == missed


def test_the_next_page_of_the_2024_report_reads_table_three_on_from_its_row():
    second = (PARTS / "t20250327_97791_1.htm").read_text(encoding="utf-8")
    report = parse_document(second, "t20250327_97791_1.htm")
    assert (report.meta.report_year, report.meta.template_code, report.meta.doc_type) == (2024, "gov2021", "annual_report")
    figures = {(f.indicator_code, f.applicant_type): f.value for f in report.figures if f.source == "table"}
    assert len(figures) == 106
    assert figures[("t3.unable.not_held", "natural_person")] == 75  # （四）无法提供 1.本机关不掌握相关政府信息, the first row
    assert figures[("t3.not_processed.duplicate", "total")] == 1
    assert "table three (requests) not found" not in report.warnings


def test_a_row_label_in_prose_does_not_open_the_table():
    cells = cell_stream("我们认真做好信访举报投诉类申请的分类处理工作，全年共处理12件。\n"
                        "1.本机关不掌握相关政府信息 | 3 | 0 | 0 | 0 | 0 | 0 | 3")
    assert rows_go_on_at(cells, 0) == 1
    assert rows_go_on_at(cell_stream("总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3"), 0) is None  # also a header word of table four
