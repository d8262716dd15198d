"""Spreadsheets as rows of cells: Excel 97-2003 (.xls) read by parse/sheet/xls_reader.py, and .xlsx,
both laid out by parse/sheet/rows.py, a merged cell printed once. The fixtures are real report pages
saved by LibreOffice Calc (tests/fixtures/sheet/build_sheet_copies.sh)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dagster_project.ingest.sniff import sniff
from dagster_project.parse.attachments import read_attachment
from dagster_project.parse.report import parse_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHEET = FIXTURES / "sheet"
GOLD = FIXTURES / "pingtan_site" / "gold"


def _read(name: str):
    return read_attachment((SHEET / name).read_bytes(), name.rsplit(".", 1)[1], name)


def _gold_values(page: str) -> dict:
    gold = json.loads((GOLD / f"{page}.gold.json").read_text(encoding="utf-8"))
    return {(v["indicator"], v.get("applicant_type", "total")): v["value"] for v in gold["values"]}


def _figures(text: str, name: str) -> tuple[dict, object]:
    report = parse_document(text, name)
    return {(f.indicator_code, f.applicant_type): f.value for f in report.figures}, report.meta


@pytest.mark.parametrize("name, page", [("pingtan_2022.xls", "202302_80629"), ("pingtan_2022.xlsx", "202302_80629"),
                                        ("pingtan_2020.xls", "202103_80595")])
def test_a_report_saved_as_a_spreadsheet_gives_every_gold_figure(name, page):
    result = _read(name)
    assert result.status == "ok" and result.reader == name.rsplit(".", 1)[1]
    got, meta = _figures(result.text, name)
    gold = _gold_values(page)
    assert {key: got.get(key) for key in gold} == gold
    assert meta.doc_type == "annual_report" and meta.report_year == int(name[8:12])


def test_a_merged_cell_is_one_cell():
    # the page's labels span two or more columns: the positions they cover are no cells, so each row
    # is its label and its seven figures (before, the 2020 copy's rows held 21 empty cells between
    # them and table three was not read: 42 figures lost)
    lines = _read("pingtan_2020.xls").text.splitlines()
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in lines
    assert "（六）其他处理 | 4 | 0 | 0 | 0 | 0 | 0 | 4" in lines
    assert "自然人 | 法人或其他组织 | 总计" in lines


def test_xls_and_xlsx_copies_read_the_same():
    xls, xlsx = _read("pingtan_2022.xls"), _read("pingtan_2022.xlsx")
    assert xls.text == xlsx.text
    assert "行政事业性收费 | 9116.36" in xls.text.splitlines()  # a fraction is kept, a whole number has no .0
    assert "行政规范性文件 | 88 | 55 | 698" in xls.text.splitlines()


def test_statistics_tables_alone_give_the_table_figures():
    got, meta = _figures(_read("pingtan_2022_tables.xls").text, "pingtan_2022_tables.xls")
    gold = {key: value for key, value in _gold_values("202302_80629").items() if key[0].startswith(("t2.", "t3.", "t4."))}
    assert len(gold) == 200
    assert {key: got.get(key) for key in gold} == gold
    assert meta.report_year is None  # the tables name no year: the page they came with does


def test_an_ole_file_is_sniffed_by_its_streams_not_its_name():
    workbook = (SHEET / "pingtan_2022.xls").read_bytes()
    word = (FIXTURES / "word" / "pingtan_2020.doc").read_bytes()
    assert sniff(workbook, "report.doc") == "xls"
    assert sniff(word, "report.xls") == "doc"
    assert sniff(word, "report.wps") == "wps"


def test_a_damaged_xls_is_refused_with_its_name():
    data = (SHEET / "pingtan_2022.xls").read_bytes()
    result = read_attachment(data[: len(data) // 3], "xls", "cut.xls")
    # (an outside trial: "not a readable .xls (IndexError: array index out of range)")
    assert result.status == "refused"
    assert result.reason == (f"cut.xls: damaged .xls, cut short ({len(data) // 3:,} bytes, not a whole number of its "
                             f"sectors): a whole copy of the file is needed")


def test_a_fraction_is_read_as_a_spreadsheet_shows_it():
    from dagster_project.parse.sheet.rows import cell_text

    # a formula's result is stored as a double: 9116.3 + 0.06 is 9116.359999999999 in binary
    assert cell_text(9116.3 + 0.06) == "9116.36" and cell_text(0.1 + 0.2) == "0.3"
    assert cell_text(88.0) == "88" and cell_text(1.5) == "1.5"


@pytest.mark.parametrize("offset, byte, words", [
    (43244, 162, "error: unpack requires a buffer of"),  # xlrd wrote 22,304 bytes of record dumps
    (26102, 157, "AssertionError, a check of xlrd on its records"),  # a bare assert: no message of its own
])
def test_a_damaged_xls_is_refused_in_words_and_writes_nothing(capfd, offset, byte, words):
    # one byte changed in a real .xls: xlrd wrote its diagnostics to the run's console, and the refusal
    # read "xls reader failed: AssertionError: "
    data = bytearray((SHEET / "pingtan_2020.xls").read_bytes())
    data[offset] = byte
    result = read_attachment(bytes(data), "xls", "raw/p/damaged.xls")
    assert result.status == "refused"
    assert result.reason.startswith("raw/p/damaged.xls: a damaged .xls: its sheets cannot be read (") and words in result.reason
    assert capfd.readouterr() == ("", "")
