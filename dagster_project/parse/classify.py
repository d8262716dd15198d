"""What a document is (an annual report or a look-alike) and which template its tables follow."""
from __future__ import annotations

import re

from .cells import CellToken
from .labels import normalise_label

# Look-alikes: pages about the annual report that are not one.
_OTHER_TITLE = [
    (re.compile(r"要点落实情况|落实情况的?(?:报告|函)"), "implementation report on the yearly work points (工作要点落实情况)"),
    (re.compile(r"工作要点"), "work points (工作要点)"),
    (re.compile(r"(?:上|下)?半年"), "half-year statistics or report"),
    (re.compile(r"工作计划|工作安排|实施方案"), "work plan"),
    (re.compile(r"工作总结"), "work summary"),
    (re.compile(r"(?:关于|做好).*(?:年度报告|年报).*(?:通知|函)|编制.*(?:通知|说明)|(?:模板|格式|样式|样本|参考文本)"),
     "notice or template about writing the annual report"),
]
_ANNUAL = re.compile(r"年度报告|年报|工作报告|年度工作情况")

_GOV2021 = re.compile(r"本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额|逾期不补正|逾期未按收费通知")
_GOV2019 = re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量|本年新收政府信息公开申请")
_OTHER_TABLE = re.compile(r"指标名称|计量单位|统计指标|本期实际|本年累计|历年累计|统计表")


def classify_doc_type(title: str | None, text: str) -> tuple[str, str]:
    # Without a title only the opening line speaks for the document: body sentences cite notices
    # (关于做好…年度报告…的通知) that real reports are written in answer to.
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    subject = normalise_label(title or "") or normalise_label(first_line)[:60]
    for rx, reason in _OTHER_TITLE:
        if rx.search(subject):
            return "other", reason
    if title and not _ANNUAL.search(normalise_label(title)):
        return "other", "title names no annual report"
    return "annual_report", ""


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
