"""Word documents saved as Rich Text (RTF), often published under a .doc name."""
from __future__ import annotations

import json
import re
from pathlib import Path

from dagster_project.ingest.sniff import sniff
from dagster_project.parse.attachments import read_attachment
from dagster_project.parse.report import parse_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RTF = FIXTURES / "word" / "pingtan_2022.rtf"
GOLD = FIXTURES / "pingtan_site" / "gold" / "202302_80629.gold.json"


def figures(text: str) -> dict:
    return {(f.indicator_code, f.applicant_type): f.value for f in parse_document(text, "report.rtf").figures}


def test_rtf_report_figures_match_the_gold():
    # before: read as plain text (its control words and all), a look-alike with no figure
    result = read_attachment(RTF.read_bytes(), "rtf", "pingtan_2022.rtf")
    assert result.status == "ok" and result.reader == "rtf"
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    got = figures(result.text)
    assert {(v["indicator"], v["applicant_type"]): v["value"] for v in gold["values"]} == {
        (v["indicator"], v["applicant_type"]): got.get((v["indicator"], v["applicant_type"])) for v in gold["values"]}
    meta = parse_document(result.text, "pingtan_2022.rtf").meta
    assert (meta.doc_type, meta.report_year, meta.agency_name) == ("annual_report", 2022, "平潭综合实验区管理委员会")


def test_an_rtf_under_a_doc_name_is_read_as_rtf():
    assert sniff(RTF.read_bytes(), "raw/a/report.doc") == "rtf"


def test_a_merged_cell_is_printed_once():
    lines = read_attachment(RTF.read_bytes(), "rtf", "x").text.splitlines()
    # 三、本年度办理结果 spans the outcome rows (\clvmrg below it): printed on its first row only
    assert "三、本年度办理结果 | （一）予以公开 | 21 | 0 | 0 | 0 | 0 | 0 | 21" in lines
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 8 | 1 | 0 | 0 | 0 | 0 | 9" in lines


def test_chinese_as_bytes_of_the_code_page_reads_the_same():
    # Word writes Chinese as \'hh bytes of the document's code page (\ansicpg936), where LibreOffice
    # writes \uN: the same document both ways gives the same text
    data = RTF.read_bytes()

    def as_bytes(m: re.Match) -> bytes:
        try:
            return "".join(f"\\'{b:02x}" for b in chr(int(m.group(1))).encode("gbk")).encode("ascii")
        except UnicodeEncodeError:
            return m.group(0)

    word = re.sub(rb"\\u(\d+)\\'3f", as_bytes, data).replace(b"{\\rtf1\\ansi", b"{\\rtf1\\ansi\\ansicpg936", 1)
    assert len(re.findall(rb"\\u\d", word)) < len(re.findall(rb"\\u\d", data)) // 10
    assert read_attachment(word, "rtf", "x").text == read_attachment(data, "rtf", "x").text


def _as_word_writes_it(data: bytes) -> bytes:
    """The fixture with its Chinese as \\'hh bytes of code page 936, as Word writes RTF."""
    def as_bytes(m: re.Match) -> bytes:
        try:
            return "".join(f"\\'{b:02x}" for b in chr(int(m.group(1))).encode("gbk")).encode("ascii")
        except UnicodeEncodeError:
            return m.group(0)

    return re.sub(rb"\\u(\d+)\\'3f", as_bytes, data).replace(b"{\\rtf1\\ansi", b"{\\rtf1\\ansi\\ansicpg936", 1)


def test_a_table_nested_in_a_layout_box_reads_whole():
    # the report's text in one cell of a layout table, its tables nested in it: the nested rows'
    # ends sit in a group marked \* (\nesttableprops), and were read as cells of the outer row; the
    # whole report came out as one line of 6,925 characters, with 192 of 200 figures
    text = read_attachment((FIXTURES / "word" / "pingtan_2020_layout_table.rtf").read_bytes(), "rtf", "x").text
    gold = json.loads((FIXTURES / "word" / "pingtan_2020.gold.json").read_text(encoding="utf-8"))
    got = figures(text)
    assert all(got.get((v["indicator"], v["applicant_type"])) == v["value"] for v in gold["values"])
    lines = text.splitlines()
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in lines
    # a merged cell of a nested table is printed once too, and the headings stand before their tables
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 6 | 0 | 0 | 0 | 0 | 0 | 6" in lines
    assert lines.index("三、收到和处理政府信息公开申请情况") < lines.index("一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21")


def test_a_symbol_fonts_byte_does_not_pair_with_the_next_run():
    # a Wingdings tick (\'fc in the Symbol-charset font f1) typed at the start of label cells: its single
    # byte waited in the decoder and was paired with the next Chinese byte, garbling labels, in 12 of
    # 45 such places
    word = _as_word_writes_it(RTF.read_bytes())
    cells = [m.end() for m in re.finditer(rb"\\pard\\plain [^{}]*?\\intbl[^{}]*?\{", word)]
    ticked = word
    for at in reversed(cells[::8]):
        ticked = ticked[:at] + b"{\\f1\\'fc}" + ticked[at:]
    assert len(cells[::8]) >= 20 and b"{\\f1\\froman\\fprq2\\fcharset2 Symbol;}" in word
    assert figures(read_attachment(ticked, "rtf", "x").text) == figures(read_attachment(word, "rtf", "x").text)


def test_deleted_and_hidden_text_is_not_read():
    # a tracked deletion (15) and a hidden run (9) before the 71 requests of natural persons: read
    # as 15971
    data = RTF.read_bytes()
    at = b"\\loch\n71}\\cell"
    assert data.count(at) == 1
    edited = data.replace(at, b"\\loch\n{\\deleted 15}{\\v 9}71}\\cell")
    assert figures(read_attachment(edited, "rtf", "x").text)[("t3.new_received", "natural_person")] == 71


def test_a_picture_stored_as_raw_bytes_is_passed_over():
    # \binN: N raw bytes follow (a picture's), which may hold braces and backslashes; read as tokens,
    # a brace among them would end the document's groups early
    data = RTF.read_bytes()
    picture = b"{\\pict\\pngblip\\bin8 }{\\\\x{\x00\x01}"
    cut = data.index(b"\\par", len(data) // 2)
    with_picture = data[:cut] + picture + data[cut:]
    assert read_attachment(with_picture, "rtf", "x").text == read_attachment(data, "rtf", "x").text
