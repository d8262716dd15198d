"""What a document is (an annual report or a look-alike) and which template its tables follow."""
from __future__ import annotations

import re

from .text.cells import CellToken
from .labels import normalise_label
from .numbers import parse_number

# Look-alikes: pages about the annual report that are not one. Read from the title only (or the
# first line when there is none): a real report's body cites notices and work points.
_OTHER_TITLE = [
    (re.compile(r"要点落实情况|落实情况的?(?:报告|函)"), "implementation report on the yearly work points (工作要点落实情况)"),
    (re.compile(r"工作要点"), "work points (工作要点)"),
    (re.compile(r"(?:上|下)?半年|[一二三四1-4]季度|前三季度|(?<!\d)(?!0?1[-—至]12月)\d{1,2}[-—至]\d{1,2}月"), "half-year or quarterly statistics or report"),
    (re.compile(r"工作计划|工作安排|实施方案|工作方案"), "work plan"),
    (re.compile(r"工作总结|自查报告|自查情况"), "work summary or self-inspection"),
    (re.compile(r"(?:模板|样表|样式|样本|范文|范本|参考文本|填报说明|格式)"), "template or sample of the annual report"),
    (re.compile(r"解读|图解|一图读懂|问答"), "interpretation of a report, not the report"),
    (re.compile(r"(?:年度报告|年报).*(?:通知|通报|函)$|(?:通知|通报)$"), "notice about writing the annual report"),
]
# 关于印发/公布…年度报告的通知: the notice is the cover of the report itself.
_COVER_NOTICE = re.compile(r"关于(?:印发|公布|发布|公开)[^做编报]*(?:年度报告|年报)")
_ANNUAL = re.compile(r"年度报告|年报|工作报告|年度工作情况|公开工作情况")
_DISCLOSURE = re.compile(r"公开")

_GOV2021 = re.compile(r"本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额|逾期不补正|逾期未按收费通知")
_GOV2019 = re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量|本年新收政府信息公开申请")
_OTHER_TABLE = re.compile(r"指标名称|计量单位|统计指标|本期实际|本年累计|历年累计|统计表")


# what a document title names (a site name such as 某某市人民政府 names nothing)
_DESCRIBES = re.compile(r"报告|年报|通知|通报|要点|计划|总结|方案|安排|统计|情况|模板|样表|格式|函|公开|范文|解读")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])")
_META_LINE = re.compile(r"^(?:索引号|发布|来源|信息来源|时间|日期|字号|当前位置|首页|浏览|分享|打印|文号|主题分类)"
                        r"|发布(?:时间|日期|机构)|来源[:：]|字号|当前位置")
HEADING_LINES = 12


def names_a_document(title: str | None) -> bool:
    return bool(title) and bool(_DESCRIBES.search(normalise_label(title)))


def _subject(title: str | None, text: str) -> str:
    """The title when it names the document; else the opening heading (a short line before the
    numbered sections, not page metadata); else the first line. Body sentences cite notices
    (关于做好…年度报告…的通知) that real reports are written in answer to: never read them."""
    if names_a_document(title):
        return normalise_label(title)
    lines = [normalise_label(line) for line in text.splitlines() if line.strip()]
    for norm in lines[:HEADING_LINES]:
        if _NUMBERED.match(norm):
            break
        if len(norm) <= 60 and not _is_sentence(norm) and not _META_LINE.search(norm) and _DESCRIBES.search(norm):
            return norm
    # the first line, unless it is a sentence of the body (根据《…关于做好…年度报告…的通知》要求…)
    return lines[0][:60] if lines and not _is_sentence(lines[0]) else ""


def _is_sentence(norm: str) -> bool:
    return any(p in norm for p in "。,;") or norm.startswith(("根据", "按照", "依据", "依照", "本报告", "现将"))


def classify_doc_type(title: str | None, text: str, has_report_tables: bool = False,
                      blank_template: bool = False) -> tuple[str, str]:
    """``has_report_tables``: the body holds figures in a national template's tables, so a title
    that names no annual report (XX局2019年政府信息公开情况) does not make it a look-alike.
    ``blank_template``: the template's tables are there but not one figure is printed."""
    subject = _subject(title, text)
    for rx, reason in _OTHER_TITLE:
        if rx.search(subject) and not (reason.startswith("notice") and _COVER_NOTICE.search(subject)):
            return "other", reason
    if blank_template:
        return "other", "repost of the blank template: the tables hold no figures"
    if names_a_document(title) and not has_report_tables:
        norm = normalise_label(title)
        if not (_ANNUAL.search(norm) and _DISCLOSURE.search(norm)):
            return "other", "title names no annual report on information disclosure"
    return "annual_report", ""


def has_figure_cells(cells: list[CellToken]) -> bool:
    return any(parse_number(c.text) is not None for c in cells)


def is_blank_template(cells: list[CellToken], regions, has_figures: bool) -> bool:
    """The national tables are printed (their row labels are there) with no figure in any cell,
    and the prose states none either: a repost of the template, not a report."""
    if has_figures:
        return False
    if regions is not None:
        spans = [r for r in (regions.t2, regions.t3, regions.t4) if r is not None]
        return bool(spans) and not any(has_figure_cells(cells[a:b]) for a, b in spans)
    from .tables.statistics_table import count_row_labels

    labels, figure_cells = count_row_labels(cells)
    return labels >= 10 and figure_cells == 0


def detect_template(cells: list[CellToken], gov2008_rows: int, other_table_rows: int = 0) -> str:
    joined = "\n".join(normalise_label(c.text) for c in cells if len(c.text) <= 80)
    if _GOV2021.search(joined):
        return "gov2021"
    if _GOV2019.search(joined):
        return "gov2019"
    if gov2008_rows >= 5:
        return "gov2008"
    if other_table_rows or _OTHER_TABLE.search(joined) and re.search(r"^\d+$", joined, re.M):
        return "other_table"
    return "narrative"
