"""PDF reports read with pdfplumber: real PDFs, their printed figures against gold read off the pages."""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

import pytest

from dagster_project.parse.attachments import ATTACHMENT_KINDS, read_attachment
from dagster_project.parse.pdf.evidence import line_pages, with_pages
from dagster_project.parse.report import parse_document

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
logging.getLogger("pdfminer").setLevel(logging.ERROR)  # Chromium's fonts lack a FontBBox: noise


@lru_cache(maxsize=None)
def read(name: str):
    return read_attachment((PDF / name).read_bytes(), "pdf", f"tests/fixtures/pdf/{name}")


def score(name: str) -> tuple[float, float, list[str]]:
    gold = json.loads((PDF / name.replace(".pdf", ".gold.json")).read_text(encoding="utf-8"))
    report = parse_document(read(name).text, name)
    got = {(f.indicator_code, f.applicant_type): f.value for f in report.figures}
    correct, wrong = 0, []
    for v in gold["values"]:
        key = (v["indicator"], v["applicant_type"])
        if key in got and abs(got[key] - v["value"]) < 1e-6:
            correct += 1
        elif key in got:
            wrong.append(f"{key}: {got[key]} != {v['value']}")
    assert report.meta.report_year == gold["report_year"]
    assert report.meta.template_code == gold["template"]
    return correct / max(1, correct + len(wrong)), correct / len(gold["values"]), wrong


@pytest.mark.parametrize("name", ["hongze_2023.pdf", "hongze_2024.pdf", "huaian_2024.pdf", "kaifeng_2018_printed.pdf",
                                  "kaifeng_2018_borderless.pdf", "kaifeng_2018_repeated_header.pdf",
                                  "pingtan_2019_printed.pdf", "pingtan_2012_office.pdf", "pingtan_2022_office.pdf",
                                  "pingtan_2025_office.pdf"])
def test_printed_figures_match_the_gold(name):
    precision, recall, wrong = score(name)
    assert not wrong and precision >= 0.99
    assert recall >= 0.95, recall


def test_table_rows_are_lines_of_cells_and_page_numbers_are_gone():
    result = read("hongze_2023.pdf")
    assert result.status == "ok" and result.reader == "pdf" and result.reason is None
    lines = result.text.splitlines()
    assert "一、本年新收政府信息公开申请数量 | 21 | 0 | 0 | 0 | 0 | 0 | 21" in lines
    # the merged 三、本年度办理结果 cell is printed once, on the first row it covers
    assert "三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0" in lines
    assert "行政事业性收费 | 7730.28" in lines
    assert not any(line.strip() in {"- 2 -", "- 3 -", "- 4 -"} for line in lines)


def test_a_table_split_over_pages_stays_one_table():
    text = read("hongze_2023.pdf").text
    # page 3 ends with (四)无法提供 2.; page 4 goes on with 3.补正后…: no header between, rows in order
    before, after = text.index("2.没有现成信息需要另行制作 | 3"), text.index("3.补正后申请内容仍不明确 | 0")
    assert before < after and text[before:after].count("\f") == 1
    assert "申请人情况" not in text[before:after]


def test_a_header_printed_again_on_every_page_is_kept_once():
    text = read("kaifeng_2018_repeated_header.pdf").text
    assert text.count("\f") == 4 and text.count("统计指标 | 单位 | 统计数") == 1
    # the rows go on across the page breaks
    assert "六、举报投诉数量 | 件 | 0\n\f七、依申请公开信息收取的费用 | 万元 | 0" in text


def test_a_paragraph_over_a_page_break_is_one_line():
    text = read("hongze_2023.pdf").text
    # page 1 ends "严格执行“分" and page 2 goes on "级审核、先审后发”": one line, kept on page 1
    line = next(line for line in text.splitlines() if "严格执行“分级审核、先审后发”程序" in line)
    assert line.startswith("加强区政府门户网站") and line.endswith("一律不准发布。")
    assert "（二）依申请公开情况。进一步规范依申请公开流程，畅通依申请公开受理渠。2023年全区受理政府信息公开申请21件，均在法定期限答复。" in text.splitlines()


def test_every_page_ends_with_a_form_feed():
    text = read("hongze_2023.pdf").text
    assert text.count("\f") == 5
    assert max(line_pages(text)) == 5


def test_evidence_names_the_page():
    text = read("hongze_2023.pdf").text
    figures = {(f.indicator_code, f.applicant_type): f for f in parse_document(text, "x").figures}
    assert figures[("t2.licensing.decisions", "total")].evidence == "p.2: 行政许可 | 550"
    assert figures[("t2.fees.amount", "total")].evidence.startswith("p.3: ")
    assert figures[("t3.unable.unclear", "total")].evidence.startswith("p.4: ")
    assert figures[("t4.suit_after_review.upheld", "total")].evidence == "p.4: 表四 upheld | 5"
    assert figures[("n.requests.received", "total")].evidence == "p.1: 2023年全区受理政府信息公开申请21件"
    # a table figure's label and value in a sentence of an earlier page (新增公开市政府规章1件, p.1) are not its row
    huaian = {(f.indicator_code, f.applicant_type): f for f in parse_document(read("huaian_2024.pdf").text, "x").figures}
    assert huaian[("t2.rules.made", "total")].evidence == "p.3: 规章 | 1"
    # text without page breaks (HTML, plain text, Word) is left as it was
    assert with_pages("行政许可 | 550", list(figures.values()))[0] is list(figures.values())[0]


def test_the_title_over_two_lines_names_the_agency():
    report = parse_document(read("hongze_2024.pdf").text, "x")
    assert report.meta.agency_name == "淮安市洪泽区人民政府"
    assert report.meta.title.startswith("淮安市洪泽区人民政府2024年政府信息公开工作年度报告")


def test_a_table_without_ruling_lines_is_read_by_its_gaps():
    lines = read("kaifeng_2018_borderless.pdf").text.splitlines()
    assert "(一)主动公开政府信息数 | 条 | 236" in lines and "4.微博微信回应事件数 | 次 | 5" in lines
    # prose keeps its words together: no cell bars in the paragraphs
    assert not [line for line in lines if "|" in line and len(line) > 60 and "。" in line]


def test_a_scanned_pdf_needs_ocr_and_is_not_guessed():
    result = read("hongze_2023_p3_scanned.pdf")
    assert result.status == "needs_ocr" and result.text == ""
    assert "no text layer" in result.reason and "hongze_2023_p3_scanned.pdf" in result.reason


def test_a_scanned_page_inside_a_text_pdf_is_named_in_the_reason():
    import io

    import pypdfium2

    mixed = pypdfium2.PdfDocument(str(PDF / "hongze_2024.pdf"))
    mixed.import_pages(pypdfium2.PdfDocument(str(PDF / "hongze_2023_p3_scanned.pdf")))
    buffer = io.BytesIO()
    mixed.save(buffer)
    result = read_attachment(buffer.getvalue(), "pdf", "mixed.pdf")
    assert result.status == "ok" and result.text.count("\f") == 6
    assert result.reason == "mixed.pdf: page(s) 6 have no text layer (scanned): not read"
    assert result.text.replace("\f", "") == read("hongze_2024.pdf").text.replace("\f", "")


@pytest.mark.parametrize("data", [b"%PDF-1.4\nnot really", b"", b"\x00" * 64])
def test_a_broken_pdf_is_refused_with_its_name(data):
    result = read_attachment(data, "pdf", "raw/x/broken.pdf")
    assert result.status == "refused" and "raw/x/broken.pdf" in result.reason


def test_attachment_kinds_and_unknown_kinds():
    assert {"pdf", "docx", "doc", "wps", "rtf", "xlsx", "xls", "ofd"} == set(ATTACHMENT_KINDS)
    assert read_attachment(b"x", "ofd", "a.ofd").status == "refused"
    assert read_attachment(b"x", "exe", "a.exe").status == "refused"


def test_the_page_bound_is_a_setting(monkeypatch):
    from dagster_project.settings import get_settings

    monkeypatch.setenv("GOVINFO_ATTACHMENTS_PDF_MAX_PAGES", "2")
    get_settings.cache_clear()
    try:
        result = read_attachment((PDF / "hongze_2024.pdf").read_bytes(), "pdf", "long.pdf")
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert result.status == "ok" and result.text.count("\f") == 2
    assert result.reason == "long.pdf: only the first 2 of 5 pages read"


@pytest.mark.parametrize("name", ["hongze_2023.pdf", "hongze_2024.pdf"])
def test_the_misprinted_prohibited_by_law_row_is_read(name):
    # Both Hongze PDFs print the row as 2.其他法律行政止公开 (法规禁 dropped).
    assert "其他法律行政止公开" in read(name).text
    report = parse_document(read(name).text, name)
    got = {f.applicant_type: f.value for f in report.figures if f.indicator_code == "t3.denied.prohibited_by_law"}
    assert len(got) == 7
    assert score(name)[1] == 1.0


def test_a_city_report_seen_first_as_a_pdf_reads_whole():
    # 淮安市人民政府's 2024 report (huaian_2024.gold.json): never seen before it was read, its tables,
    # its issuer and its prose all came out right at once
    report = parse_document(read("huaian_2024.pdf").text, "huaian_2024.pdf")
    assert (report.meta.agency_name, report.meta.report_year, report.meta.doc_type) == ("淮安市人民政府", 2024, "annual_report")
    prose = {f.indicator_code: f for f in report.figures if f.indicator_code.startswith("n.")}
    assert {code: f.value for code, f in prose.items()} == {
        "n.active.items": 5500, "n.press_conferences": 12, "n.requests.received": 3119, "n.requests.closed": 3050,
        "n.review": 351, "n.suit": 46}
    assert prose["n.active.items"].value_status == "approximate"  # 5500余条


def test_an_encrypted_pdf_is_refused_saying_so():
    # an RC4 40-bit PDF with a user password, as a trial of bad input made it: pdfplumber wraps pdfminer's error,
    # whose own message is empty, so the reason was "pdf reader failed: PdfminerException: "
    result = read_attachment((PDF / "encrypted_rc4.pdf").read_bytes(), "pdf", "raw/d/encrypted.pdf")
    assert result.status == "refused"
    assert result.reason == "raw/d/encrypted.pdf: encrypted PDF: a password is needed to read it (PDFPasswordIncorrect)"


def test_a_blank_pdf_is_refused_not_sent_to_ocr():
    # one blank page, as a trial of bad input made it: it said "no images" and then "a scanned PDF needs OCR"
    result = read_attachment((PDF / "blank_page.pdf").read_bytes(), "pdf", "raw/d/blank.pdf")
    assert (result.status, result.reason) == ("refused", "raw/d/blank.pdf: blank PDF: 0 characters and no images on 1 page(s)")


# The *_office.pdf files are real Pingtan report pages saved as Word and exported to PDF by LibreOffice
# (build_office_pdf.sh); their gold is the page's.
def test_white_boxes_behind_text_runs_draw_no_table():
    # each run's white background is a painted box: taken for ruling lines, they cut the sentence into
    # cells (2012 | 年全县共收到…) and the year's prose figures were lost
    text = read("pingtan_2012_office.pdf").text
    assert "2012年全县共收到有关政府信息公开的申请21条，其中当面申请数18" in text
    prose = {f.indicator_code: f.value for f in parse_document(text, "x").figures if f.indicator_code.startswith("n.")}
    assert prose == {"n.active.items": 2026, "n.requests.received": 21, "n.requests.closed": 21, "n.review": 0}


def test_a_quotation_mark_set_apart_from_its_line_does_not_cut_the_paragraph():
    lines = read("pingtan_2012_office.pdf").text.splitlines()
    assert not [line for line in lines if line.strip() in {"“", "”"}]
    assert "本报告的电子版可在平潭综合实验区管委会门户网站（http://www.pingtan.gov.cn）下载。" in "".join(lines)


def test_a_label_wrapped_under_ruling_lines_stays_one_row():
    # 1.申请人无正 / 当理由逾期不 / 补正…: the rest of the label was read as the start of the next row,
    # 2.申请人逾期…, whose zeros then stood for 无正当理由逾期不补正 (2 on the page)
    lines = read("pingtan_2022_office.pdf").text.splitlines()
    assert "5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0" in lines
    assert ("（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2"
            in lines)
    figures = {(f.indicator_code, f.applicant_type): f.value for f in parse_document("\n".join(lines), "x").figures}
    assert figures[("t3.other.no_correction", "natural_person")] == 2 and figures[("t3.other.no_correction", "total")] == 2
    assert figures[("t3.other.fee_unpaid", "total")] == 0 and figures[("t3.not_processed.reconfirm", "total")] == 0
    assert score("pingtan_2022_office.pdf")[:2] == (1.0, 1.0)


def test_a_row_cut_by_a_page_break_is_finished_on_its_page():
    # 4.无正当理由大量反复申 ends page 4; 请 opens page 5 with the figure columns empty
    text = read("pingtan_2025_office.pdf").text
    assert "4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n\f5.要求行政机关确认或重新出具已获取信息 | 0" in text
    figures = {(f.indicator_code, f.applicant_type): f.value for f in parse_document(text, "x").figures}
    assert figures[("t3.not_processed.excessive", "total")] == 0
    assert score("pingtan_2025_office.pdf")[:2] == (1.0, 1.0)


def test_a_row_cut_into_a_page_whose_table_has_other_columns_is_finished_by_its_label():
    # 5.要求行政机 ends page 2; 关确认或重新出具已获取信息 opens page 3, whose table (table three's
    # end, then table four) has 23 columns, not 10: the label, not the columns, says it is the rest
    text = read("pingtan_2019_tables_office.pdf").text
    lines = text.splitlines()
    assert "5 .要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0" in lines
    assert not [line for line in lines if line.startswith("关确认")]
    gold = json.loads((PDF.parent / "pingtan_site" / "gold" / "202001_80576.gold.json").read_text(encoding="utf-8"))
    tables = {(v["indicator"], v["applicant_type"]): v["value"] for v in gold["values"] if v["indicator"][:3] in ("t2.", "t3.", "t4.")}
    got = {(f.indicator_code, f.applicant_type): f.value for f in parse_document(text, "x").figures}
    assert len(tables) == 198 and {key: got.get(key) for key in tables} == tables


def _turned(name: str, rotate: int) -> bytes:
    """The PDF with each page set on a page turned a quarter by its /Rotate, the content turned back
    the other way, as printer drivers make a landscape page: it shows as the original does."""
    import io

    import pypdfium2

    src = pypdfium2.PdfDocument(str(PDF / name))
    turned = pypdfium2.PdfDocument.new()
    for i in range(len(src)):
        width, height = src[i].get_size()
        content = src.page_as_xobject(i, turned).as_pageobject()
        if rotate == 90:
            content.transform(pypdfium2.PdfMatrix().rotate(90, ccw=True).translate(height, 0))
        else:
            content.transform(pypdfium2.PdfMatrix().rotate(90, ccw=False).translate(0, width))
        page = turned.new_page(height, width)
        page.insert_obj(content)
        page.gen_content()
        page.set_rotation(rotate)
    buffer = io.BytesIO()
    turned.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("rotate", [90, 270])
def test_a_page_turned_by_its_rotate_reads_as_the_page_shown(rotate):
    # the ruling lines turned with the page end a hair off straight, which pdfplumber took for slanted
    # lines: table three's columns ran together (21 | 0 read as 210) and 22 to 65 of 181 figures were lost
    result = read_attachment(_turned("hongze_2023.pdf", rotate), "pdf", "turned.pdf")
    assert result.text == read("hongze_2023.pdf").text


def test_a_page_printed_sideways_is_not_read_and_is_named():
    import io

    import pypdfium2

    document = pypdfium2.PdfDocument(str(PDF / "hongze_2023.pdf"))
    document[3].set_rotation(90)  # table three's page, its text now running down the page
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_attachment(buffer.getvalue(), "pdf", "sideways.pdf")
    assert result.reason == "sideways.pdf: page(s) 4 print their text sideways: not read"
    upright = {(f.indicator_code, f.applicant_type): f.value for f in parse_document(read("hongze_2023.pdf").text, "x").figures}
    figures = {(f.indicator_code, f.applicant_type): f.value for f in parse_document(result.text, "x").figures}
    # read across, its lines gave the fee (7730.28) as a count of requests denied as state secrets
    assert 0 < len(figures) < len(upright) and all(upright[key] == value for key, value in figures.items())


def test_a_row_of_its_own_stays_a_row():
    from dagster_project.parse.pdf import reader
    from dagster_project.parse.pdf.layout import Block, continued_rows, table_lines

    # the 2022 Pingtan page's table two with 行政强制 left blank at the top of the next page
    before = Block(top=0, kind="table", rows=[["信息内容", "本年处理决定数量"], ["行政处罚", "2113"]])
    after = Block(top=0, kind="table", rows=[["行政强制", ""]])
    lines = table_lines(before)
    reader._finish_split_row(before, after, lines)
    assert lines[-1] == "行政处罚 | 2113" and after.rows == [["行政强制", ""]]
    # and with its figure cell merged with 行政处罚's
    rows = [["行政处罚", "2113"]]
    assert not continued_rows(rows, ["行政强制", None]) and rows == [["行政处罚", "2113"]]


@pytest.mark.parametrize("share", [0.3, 0.9, 0.99])
def test_a_pdf_cut_short_is_refused_as_damaged(share):
    # a download that stopped early: the reason said "pdf reader failed: PdfminerException: Unexpected EOF"
    data = (PDF / "hongze_2023.pdf").read_bytes()
    result = read_attachment(data[: int(len(data) * share)], "pdf", "raw/d/cut.pdf")
    assert result.status == "refused"
    assert result.reason.startswith("raw/d/cut.pdf: damaged PDF, cut short or corrupt (")


def test_what_a_browser_prints_in_the_margins_is_page_furniture():
    # the address and 3/16 at the foot of a page, the date and the title at its head: set wider than
    # the text, they stopped its lines from being joined, and a sentence cut after 2602条(其中… gave
    # the part 其他应主动公开政府信息1053条 as the year's count
    text = read("pingtan_2020_browser_margins.pdf").text
    assert "file://" not in text and "2:32 AM" not in text
    assert "全年我区政府信息公开单位共公布政府信息2602条(其中机构职能类信息82条" in text
    prose = {f.indicator_code: f.value for f in parse_document(text, "x").figures if f.indicator_code.startswith("n.")}
    assert prose == {"n.active.items": 2602}


def test_a_line_that_only_mentions_an_address_or_a_date_is_not_furniture():
    from dagster_project.parse.pdf.layout import is_page_furniture

    def at_foot(text: str) -> bool:  # a 7-point line at the foot of a page of 12-point text
        return is_page_furniture(text, 780.0, 790.0, 842.0, 7.0, 12.0)

    assert at_foot("file:///tmp/fmt/src/202103_80595.html 2/16") and at_foot("12/7/26, 2:32 AM平潭综合实验区2020年度报告")
    assert not at_foot("注：全年通过县政府门户网站（http://www.mx.gov.cn）主动公开政府信息2602条。")
    assert not at_foot("发布时间：2023/01/15 10:30来源：县政府办公室网址：http://www.mx.gov.cn/art/2023/1/15/art_1.html")
    assert not is_page_furniture("file:///tmp/fmt/src/202103_80595.html 2/16", 780.0, 790.0, 842.0, 12.0, 12.0)
