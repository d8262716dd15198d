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


def test_a_picture_stored_as_raw_bytes_is_passed_over():
    # \binN: N raw bytes follow (a picture's), which may hold braces and backslashes; read as tokens,
    # a brace among them would end the document's groups early
    data = RTF.read_bytes()
    picture = b"{\\pict\\pngblip\\bin8 }{\\\\x{\x00\x01}"
    cut = data.index(b"\\par", len(data) // 2)
    with_picture = data[:cut] + picture + data[cut:]
    assert read_attachment(with_picture, "rtf", "x").text == read_attachment(data, "rtf", "x").text
