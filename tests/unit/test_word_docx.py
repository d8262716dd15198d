"""Word attachments: .docx tables read as tables (python-docx); .doc in test_word_doc.py."""
from __future__ import annotations

import io
import zipfile
import json
from pathlib import Path

import docx

from dagster_project.parse.attachments import read_attachment
from dagster_project.parse.report import parse_document

WORD = Path(__file__).resolve().parents[1] / "fixtures" / "word"


def test_docx_report_figures_match_the_gold():
    result = read_attachment((WORD / "pingtan_2020.docx").read_bytes(), "docx", "pingtan_2020.docx")
    assert result.status == "ok" and result.reader == "docx"
    gold = json.loads((WORD / "pingtan_2020.gold.json").read_text(encoding="utf-8"))
    report = parse_document(result.text, "pingtan_2020.docx")
    got = {(f.indicator_code, f.applicant_type): f.value for f in report.figures}
    wrong = [v for v in gold["values"] if (v["indicator"], v["applicant_type"]) in got
             and got[(v["indicator"], v["applicant_type"])] != v["value"]]
    correct = sum(1 for v in gold["values"] if got.get((v["indicator"], v["applicant_type"])) == v["value"])
    assert not wrong
    assert correct / len(gold["values"]) >= 0.95
    assert (report.meta.report_year, report.meta.template_code) == (gold["report_year"], gold["template"])


def test_merged_cells_are_printed_once():
    text = read_attachment((WORD / "pingtan_2020.docx").read_bytes(), "docx", "x").text
    lines = text.splitlines()
    # 申请人情况 spans seven columns and the 勾稽关系 note three rows: each appears once
    assert sum("申请人情况" in line for line in lines) == 1
    assert "自然人 | 法人或其他组织 | 总计" in lines
    assert "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他" in lines
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in lines


def test_paragraphs_and_tables_keep_their_order():
    document = docx.Document()
    document.add_paragraph("某某县2022年政府信息公开工作年度报告")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "信息内容", "本年处理决定数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "行政许可", "1,208"
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_attachment(buffer.getvalue(), "docx", "made.docx").text
    assert text.splitlines() == ["某某县2022年政府信息公开工作年度报告", "信息内容 | 本年处理决定数量",
                                 "行政许可 | 1,208", "三、收到和处理政府信息公开申请情况"]


def test_a_doc_name_on_a_docx_body_is_read():
    data = (WORD / "pingtan_2020.docx").read_bytes()
    result = read_attachment(data, "doc", "renamed.doc")
    assert result.status == "ok" and "行政许可 | 396 | 442 | 278" in result.text


def test_a_broken_docx_is_refused():
    result = read_attachment(b"PK\x03\x04 not a zip", "docx", "raw/b/broken.docx")
    assert result.status == "refused" and "raw/b/broken.docx" in result.reason


def test_a_docx_whose_xml_would_unpack_to_hundreds_of_megabytes_is_refused_before_it_is_unpacked():
    # a few hundred kilobytes of zip holding a 40 MB document.xml (a trial of bad input held 1 GB and 300 MB in
    # under 1 MB, and a reader that unpacked them took gigabytes of memory)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:p>政</w:p>" * 3_500_000)
    data = buffer.getvalue()
    assert len(data) < 1_000_000
    result = read_attachment(data, "docx", "raw/c/bomb.docx")
    assert result.status == "refused" and result.reason.startswith("raw/c/bomb.docx: not read: its XML unpacks to ")
    assert "GOVINFO_ATTACHMENTS_ZIP_MAX_XML_BYTES" in result.reason
    # under a .doc name as well
    assert read_attachment(data, "doc", "raw/c/bomb.doc").status == "refused"


def test_a_cell_spanning_two_billion_grid_columns_is_read_as_the_one_cell_it_is(tmp_path):
    # an outside trial of bad input: a 40 KB .docx whose first cell spans 2,000,000,000 columns took 16 GB and
    # never finished (each row was laid out on its grid). Read in a child held to 1 GB and 120 s, so the old
    # way fails the test instead of taking the machine.
    import subprocess
    import sys

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("某县2010年政府信息公开工作年度报告")
    table = document.add_table(rows=2, cols=3)
    for i, text in enumerate(("收到申请", "12", "件")):
        table.rows[1].cells[i].text = text
    first = table.rows[0].cells[0]
    first.text = "申请情况"  # (before the span: python-docx itself lays the row out on its grid)
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "2000000000")
    first._tc.get_or_add_tcPr().append(span)
    path = tmp_path / "span.docx"
    document.save(path)
    script = ("import resource, sys\nresource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
              "from dagster_project.parse.attachments import read_attachment\n"
              "r = read_attachment(open(sys.argv[1], 'rb').read(), 'docx', 'span.docx')\nprint(r.status); print(r.text)\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["ok", "某县2010年政府信息公开工作年度报告", "申请情况 |  | |", "收到申请 | 12 | 件"]


def test_a_breadcrumb_printed_one_item_a_line_is_no_title():
    # the Pingtan page of a letter on the year's disclosure work (关于2014年政府信息公开工作要点落实情况的函,
    # not a report: pingtan_site/gold/201412_80787) saved as Word: its breadcrumb 当前位置： / 首页 / … /
    # 政府信息公开年报 comes one item a line, and the column's name was taken for the title, so the letter
    # passed for an annual report
    text = read_attachment((WORD / "pingtan_2014_letter.docx").read_bytes(), "docx", "x").text
    assert "当前位置：\n首页\n政务公开\n政府信息公开\n政府信息公开年报\n关于2014年政府信息公开工作要点落实情况的函" in text
    meta = parse_document(text, "pingtan_2014_letter.docx").meta
    assert (meta.doc_type, meta.title) == ("other", None)


def test_the_spaces_typed_in_a_paragraph_are_kept(tmp_path):
    # a real page's opening (second_readers/issuer_d c004) typed into Word, one paragraph a line: its
    # spaces part the page's fields and sentences (来源:国家文化和旅游部 根据《…), and were dropped beside
    # every Chinese character, as a PDF's layout spaces are
    cases = json.loads((WORD.parent / "second_readers" / "issuer_d" / "cases.json").read_text(encoding="utf-8"))
    text = next(c for c in cases if c["id"] == "c004")["text"]
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "c004.docx")
    read = read_attachment((tmp_path / "c004.docx").read_bytes(), "docx", "c004.docx").text
    assert "发表时间:2022-01-29 13:51来源:国家文化和旅游部 根据《中华人民共和国政府信息公开条例》" in read
    assert read.splitlines()[0] == "文化和旅游部政府信息公开工作2021年度报告 二维码"


def test_tracked_changes_and_hidden_text_read_as_shown(tmp_path):
    # the 20 requests of natural persons typed as a tracked insertion, after a tracked deletion (15) and
    # a hidden run (9): python-docx's paragraph text leaves inserted runs out and keeps hidden ones, so
    # the cell read 9
    import re

    source = WORD / "pingtan_2020.docx"
    with zipfile.ZipFile(source) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    label = xml.index("一、本年新收政府信息公开申请数量")
    run = re.compile(r"<w:r>(?:(?!</w:r>).)*?<w:t[^>]*>20</w:t></w:r>", re.S).search(xml, label)
    edited = (xml[: run.start()]
              + '<w:del w:id="901" w:author="x"><w:r><w:delText>15</w:delText></w:r></w:del>'
              + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r>'
              + f'<w:ins w:id="902" w:author="x">{run.group(0)}</w:ins>' + xml[run.end():])
    parts["word/document.xml"] = edited.encode("utf-8")
    with zipfile.ZipFile(tmp_path / "tracked.docx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    text = read_attachment((tmp_path / "tracked.docx").read_bytes(), "docx", "tracked.docx").text
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in text.splitlines()
    assert text == read_attachment(source.read_bytes(), "docx", "tracked.docx").text
