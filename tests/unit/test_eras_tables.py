"""Statistics tables of 2011–2015 in whole real pages (tests/fixtures/eras, see SOURCES.md).

The text copies print Fujian's local table 指标名称 | 计量单位 | 2013年度 | 历年累计 a cell per line,
with header cells broken over two lines (计量 / 单位, 2013 / 年度) and, in one report, a row whose
历年累计 is empty. Expected rows come from each document's gold (read off the page).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dagster_project.parse.report import parse_document
from dagster_project.parse.tables.column_table import find_header, read_rows
from dagster_project.parse.tables.other_table import UNKNOWN_COLUMN
from dagster_project.parse.tables.statistics_table import parse_statistics_table
from dagster_project.parse.text.cells import cell_stream

ERAS = Path(__file__).resolve().parents[1] / "fixtures" / "eras" / "text"
GOLD = ERAS.parent / "gold"
PAGES = ERAS.parents[1] / "pingtan_site" / "reports"  # the HTML the text copies were made from
CASES = sorted(GOLD.glob("*.gold.json"))


def _case(gold_path: Path) -> tuple[dict, object]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (ERAS / gold["document"]).read_text(encoding="utf-8")
    return gold, parse_document(text, gold["document"])


@pytest.mark.parametrize("gold_path", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_every_placed_table_row_is_the_printed_one(gold_path):
    gold, report = _case(gold_path)
    want = {(r["row_label"], r["column_label"]): r["value"] for r in gold["uncoded_rows"]}
    got = {(r.row_label, r.column_label): r.value for r in report.uncoded_rows if r.column_label != UNKNOWN_COLUMN}
    assert got, "no table row read"
    wrong = {key: (value, want.get(key, "not printed")) for key, value in got.items() if want.get(key, "x") != value}
    assert not wrong
    missed = [key for key, value in want.items() if value is not None and key not in got]
    unknown = [(r.row_label, r.value) for r in report.uncoded_rows if r.column_label == UNKNOWN_COLUMN]
    # a figure is either in its column or kept as of an unknown column, never lost
    assert len(missed) == len(unknown)


@pytest.mark.parametrize("gold_path", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_metadata_of_the_whole_page(gold_path):
    gold, report = _case(gold_path)
    assert report.meta.report_year == gold["report_year"]
    assert report.meta.agency_name == gold["agency"]
    assert report.meta.template_code == "other_table"


def test_a_row_missing_a_figure_in_a_cell_per_line_copy_is_not_guessed():
    # 2、政府公报公开 | 条 | 0 | (empty): the lone 0 could be either column
    gold, report = _case(GOLD / "pingtan_201403_80759.gold.json")
    rows = [r for r in report.uncoded_rows if r.row_label == "2、政府公报公开"]
    assert [(r.column_label, r.value) for r in rows] == [(UNKNOWN_COLUMN, 0.0)]


def test_the_same_row_on_one_line_keeps_its_empty_cell_in_place():
    text = ("指标名称 | 计量单位 | 2013年度 | 历年累计\n"
            "主动公开信息数 | 条 | 72804 | 76424\n"
            "2、政府公报公开 | 条 | 0 | |\n"  # as the HTML reader renders the page's empty cell
            "受理依申请公开信息总数 | 条 | 0 | 0\n")
    cells = cell_stream(text)
    header = find_header(cells)
    assert header.columns == ["2013年度", "历年累计"] and header.year_column == 0
    rows = {r.label: r.values for r in read_rows(cells, header)}
    assert rows["2、政府公报公开"] == {"2013年度": 0.0, "历年累计": None}
    assert rows["主动公开信息数"] == {"2013年度": 72804.0, "历年累计": 76424.0}


NATIONAL_WITH_CUMULATIVE = """统计指标
单位
统计数
历年累计
一、主动公开情况
——
(一)主动公开政府信息数
条
120
860
其中：主动公开规范性文件数
条
4
二、依申请公开情况
(一)收到申请数
件
3
15
"""


def test_the_national_table_with_a_cumulative_column_reads_the_years_column():
    figures, unplaced = parse_statistics_table(cell_stream(NATIONAL_WITH_CUMULATIVE))
    values = {f.indicator_code: f.value for f in figures}
    assert values == {"s.active.items": 120, "s.requests.received": 3}
    # 其中 row printed with one figure for two columns: kept unplaced, not read as the year's
    assert [(u.indicator_code, u.value) for u in unplaced] == [("s.active.normative_published", 4)]


def test_a_header_named_zhibiao_with_last_years_column():
    # 指标 / 单位 / 统计数 / 上年数 on separate lines; the first row is a section row with a figure
    text = "指标\n单位\n统计数\n上年数\n一、主动公开情况\n条\n300\n280\n(一)主动公开政府信息数\n条\n120\n100\n"
    figures, unplaced = parse_statistics_table(cell_stream(text))
    assert {f.indicator_code: f.value for f in figures} == {"s.active": 300, "s.active.items": 120}
    assert unplaced == []


def _browser_copy(html: str) -> str:
    """The page as a browser's copy and paste gives it: a table row per line, cells joined by tabs."""
    import bs4

    soup = bs4.BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style"]):
        tag.decompose()
    for row in soup.find_all("tr"):
        row.replace_with("\t".join(c.get_text("", strip=True) for c in row.find_all(["td", "th"])) + "\n")
    return soup.get_text("\n")


@pytest.mark.parametrize("name", ["pingtan_201401_80754", "pingtan_201403_80759"])
def test_a_tab_separated_browser_copy(name):
    gold = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    html = (PAGES / f"{name.removeprefix('pingtan_')}.html").read_text(encoding="utf-8")
    report = parse_document(_browser_copy(html), f"{name}.txt")
    want = {(r["row_label"], r["column_label"]): r["value"] for r in gold["uncoded_rows"]}
    got = {(r.row_label, r.column_label): r.value for r in report.uncoded_rows}
    placed = {key: value for key, value in got.items() if key[1] != UNKNOWN_COLUMN}
    assert all(want[key] == value for key, value in placed.items())
    # the line of 2、政府公报公开 ends in the tab of its empty 历年累计, which the cell reader strips:
    # its lone 0 is kept as of an unknown column, every other printed cell is in its column
    missed = {key for key, value in want.items() if value is not None and key not in placed}
    assert missed == ({("2、政府公报公开", "2013年度")} if name.endswith("80759") else set())
    assert len(got) - len(placed) == len(missed)


def test_zhibiao_mingcheng_broken_over_two_lines():
    text = "指标\n名称\n计量\n单位\n2012年度\n历年累计\n主动公开信息数\n条\n739\n4359\n"
    cells = cell_stream(text)
    header = find_header(cells)
    assert header.columns == ["2012年度", "历年累计"]
    assert [(r.label, r.values) for r in read_rows(cells, header)] == [
        ("主动公开信息数", {"2012年度": 739.0, "历年累计": 4359.0})]
