"""A table row that a page break cuts inside its label cells, as Word lays tables out (rows may break
across pages) and LibreOffice exports them: the label's rest atop the next page finishes its row.

The PDFs (tests/fixtures/pdf/via_word, build.sh) are real report pages rebuilt cell by cell as Word files
and exported to PDF: each must give the table figures its page gives.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dagster_project.ingest.decode import decode_bytes
from dagster_project.parse.attachments import read_attachment
from dagster_project.parse.report import parse_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASES = [
    # (PDF, the page it was made from, a row the page break cuts)
    ("pingtan_2019_via_word.pdf", "pingtan_site/reports/202001_80576.html", "t3.partially_granted"),  # 理结果 | 开（区分…）
    ("pingtan_2023_via_word.pdf", "pingtan_site/reports/202403_87885.html", "t3.unable.not_held"),  # ）无法提供 | 机关不掌握…
    ("draft_for_comment_via_word.pdf", "quirks/lookalikes/draft_for_comment.html", "t3.other.no_correction"),  # 由逾期不补正、…
]


def _tables(report) -> dict:
    return {(f.indicator_code, f.applicant_type): f.value for f in report.figures if f.indicator_code[:3] in ("t2.", "t3.", "t4.")}


@pytest.mark.parametrize("pdf, page, cut_row", CASES)
def test_a_pdf_made_from_word_gives_the_figures_of_its_page(pdf, page, cut_row):
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    text = read_attachment((FIXTURES / "pdf" / "via_word" / pdf).read_bytes(), "pdf", pdf).text
    want = _tables(parse_document(decode_bytes((FIXTURES / page).read_bytes()).text, Path(page).name))
    got = _tables(parse_document(text, pdf))
    assert len(want) >= 198 and got == want
    assert {applicant for code, applicant in got if code == cut_row} >= {"natural_person", "total"}


def test_table_four_whose_header_a_page_break_cut_in_two():
    # a 2019 page rebuilt as Word at 10 pt and exported by LibreOffice: the header's cells print 结果 | 结果 | 其他 …
    # above the break and 维持 | 纠正 | 结果 | 审结 | 果维持 … below it, then the data row
    from dagster_project.parse.tables.table_four import parse_table_four
    from dagster_project.parse.text.cells import cell_stream

    text = "\n".join(["行政复议 | 行政诉讼", "结果 | 结果 | 其他 | 尚未 | 总计 | 未经复议直接起诉 | 复议后起诉",
                      "结 | 结 | 其 | 尚 | 总 | 结 | 结 | 其 | 尚 | 总", "\f",
                      "维持 | 纠正 | 结果 | 审结 | 果维持 | 果纠正 | 他结果 | 未审结 | 计 | 果维持 | 果纠正 | 他结果 | 未审结 | 计",
                      "1 |  |  |  | 1 |  |  |  |  | 0 |  |  |  |  | 0"])
    figures, unplaced = parse_table_four(cell_stream(text))
    assert {f.indicator_code: f.value for f in figures} == {
        "t4.review.upheld": 1, "t4.review.total": 1, "t4.suit_direct.total": 0, "t4.suit_after_review.total": 0}
    assert not unplaced
