"""gov2008: the national statistics table 政府信息公开情况统计表 (统计指标 | 单位 | 统计数).

Rows are found by their label, section by section (四 and 五 share sub-row labels such as
被依法纠错数). The figure of a row is the one figure among the cells that follow its label before
the next label; a row with no figure is blank, never zero.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..catalog import unit_of
from ..text.cells import CellToken
from ..labels import label_key, normalise_label
from ..model import Figure, UnplacedFigure
from ..numbers import is_blank, parse_number, to_unit
from .column_table import Header, expand_tabs, find_header, place_values

# (indicator code, section it belongs to, regex over the label without its numbering)
_SECTIONS = [
    ("s.active", "一", r"^主动公开情况"),
    ("s.response", "二", r"^回应解读情况"),
    ("s.requests", "三", r"^依申请公开情况"),
    ("s.review", "四", r"^(?:因政府信息公开申请)?(?:提起)?行政复议(?:数量|情况|数)"),
    ("s.suit", "五", r"^(?:因政府信息公开申请)?(?:提起)?行政诉讼(?:数量|情况|数)"),
    ("s.complaints", "六", r"^举报投诉(?:数量|数|情况)"),
    ("s.fees", "七", r"^依申请公开(?:政府)?信息收取的费用"),
    ("s.capacity", "八", r"^机构建设和保障经费情况"),
    ("s.meetings", "九", r"^政府信息公开会议和培训情况"),
]
_ROWS = [
    ("s.active.items", "一", r"^主动公开政府信息(?:数|条数)"),
    ("s.active.normative_published", "一", r"^主动公开规范性文件数"),
    ("s.active.normative_issued", "一", r"^制发规范性文件总?数"),
    ("s.active.channels", "一", r"^通过不同渠道和方式公开政府信息"),
    ("s.active.channels.gazette", "一", r"^政府公报公开"),
    ("s.active.channels.website", "一", r"^政府网站公开"),
    ("s.active.channels.weibo", "一", r"^政务微博公开"),
    ("s.active.channels.wechat", "一", r"^政务微信公开"),
    ("s.active.channels.other", "一", r"^其他方式公开"),
    ("s.response.hotspots", "二", r"^回应公众关注热点"),
    ("s.response.channels", "二", r"^通过不同渠道和方式回应解读"),
    ("s.response.press_conferences.by_head", "二", r"^主要负责同志参加新闻发布会"),
    ("s.response.press_conferences", "二", r"^参加或举办新闻发布会"),
    ("s.response.online_interviews.by_head", "二", r"^主要负责同志参加政府网站在线访谈"),
    ("s.response.online_interviews", "二", r"^政府网站在线访谈"),
    ("s.response.interpretations", "二", r"^政策解读稿件发布"),
    ("s.response.social_media", "二", r"^微博微信回应"),
    ("s.response.other", "二", r"^其他方式回应"),
    ("s.requests.received", "三", r"^收到申请数"),
    ("s.requests.received.in_person", "三", r"^当面申请数"),
    ("s.requests.received.fax", "三", r"^传真申请数"),
    ("s.requests.received.online", "三", r"^网络申请数"),
    ("s.requests.received.mail", "三", r"^信函申请数"),
    ("s.requests.closed", "三", r"^申请办结数"),
    ("s.requests.closed.on_time", "三", r"^按时办结数"),
    ("s.requests.closed.extended", "三", r"^延期办结数"),
    ("s.requests.replies", "三", r"^申请答复数"),
    ("s.requests.replies.already_public", "三", r"^属于已主动公开范围"),
    ("s.requests.replies.granted", "三", r"^同意公开答复"),
    ("s.requests.replies.partially_granted", "三", r"^同意部分公开"),
    ("s.requests.replies.denied", "三", r"^不同意公开答复"),
    ("s.requests.replies.denied.state_secret", "三", r"^涉及国家秘密"),
    ("s.requests.replies.denied.trade_secret", "三", r"^涉及商业秘密"),
    ("s.requests.replies.denied.privacy", "三", r"^涉及个人隐私"),
    ("s.requests.replies.denied.security_stability", "三", r"^危及国家安全"),
    ("s.requests.replies.denied.not_gov_info", "三", r"^不是《?条例》?所指政府信息"),
    ("s.requests.replies.denied.other_legal", "三", r"^法律法规规定的其他情形"),
    ("s.requests.replies.not_this_agency", "三", r"^不属于本行政机关公开"),
    ("s.requests.replies.not_exist", "三", r"^申请信息不存在"),
    ("s.requests.replies.amend", "三", r"^告知作出更改补充"),
    ("s.requests.replies.other_channel", "三", r"^告知通过其他途径办理"),
    ("s.review.upheld", "四", r"^维持具体行政行为数"),
    ("s.review.corrected", "四", r"^被依法纠错数"),
    ("s.review.other", "四", r"^其他情形数"),
    ("s.suit.upheld", "五", r"^维持具体行政行为或者?驳回原告诉讼请求数"),
    ("s.suit.corrected", "五", r"^被依法纠错数"),
    ("s.suit.other", "五", r"^其他情形数"),
    ("s.capacity.units", "八", r"^政府信息公开工作专门机构数"),
    ("s.capacity.reading_points", "八", r"^设置政府信息公开查阅点数"),
    ("s.capacity.staff", "八", r"^从事政府信息公开工作人员数"),
    ("s.capacity.staff.full_time", "八", r"^专职人员数"),
    ("s.capacity.staff.part_time", "八", r"^兼职人员数"),
    ("s.capacity.budget", "八", r"^政府信息公开专项经费"),
    ("s.meetings.meetings", "九", r"^召开政府信息公开工作会议"),
    ("s.meetings.trainings", "九", r"^举办各类培训班数"),
    ("s.meetings.trainees", "九", r"^接受培训人员数"),
]
_SECTION_RES = [(code, sec, re.compile(p)) for code, sec, p in _SECTIONS]
_ROW_RES = [(code, sec, re.compile(p)) for code, sec, p in _ROWS]
_UNITS = {"条", "件", "次", "篇", "个", "人", "人次", "万元", "元", "—", "——", "-", "项"}
_TABLE_END = re.compile(r"^(?:填报人|单位负责人|审核人|联系电话|填报日期|备注)")
MAX_LABEL_CHARS = 90  # longer cells are prose, not row labels
HEADER_LOOKBACK = 12  # cells before the first section row where a 指标 | 单位 | … header may stand


@lru_cache(maxsize=4096)  # every report prints the same few labels: each is matched once per process
def _match_row(key: str, section: str | None) -> tuple[str, str] | None:
    for code, sec, rx in _SECTION_RES:
        if rx.search(key):
            return code, sec
    for code, sec, rx in _ROW_RES:
        if (section is None or sec == section) and rx.search(key):
            return code, sec
    return None


def find_table_start(cells: list[CellToken]) -> int | None:
    """Index of the first cell of the statistics table (its 统计指标 header or first section row)."""
    # The cells' normalised texts joined: a stream without the words has no cell that holds them.
    # (Each cell is normalised alone: the short ones, nearly all, were already, by other readers.)
    stream = "".join([normalise_label(cell.text) for cell in cells])
    for i, cell in enumerate(cells if "统计指标" in stream else ()):
        norm = normalise_label(cell.text)
        if norm.startswith("统计指标") or (len(norm) < 40 and "统计指标" in norm and "单位" not in norm[:2]):
            return i
    for i, cell in enumerate(cells if "主动公开情况" in stream else ()):
        key = label_key(cell.text)
        if len(key) <= MAX_LABEL_CHARS and re.search(r"^主动公开情况$", key):
            return i
    return None


def parse_statistics_table(cells: list[CellToken]) -> tuple[list[Figure], list[UnplacedFigure]]:
    cells = expand_tabs(cells)
    start = find_table_start(cells)
    if start is None:
        return [], []
    figures: list[Figure] = []
    unplaced: list[UnplacedFigure] = []
    seen: set[str] = set()
    section: str | None = None
    current: tuple[str, str, int] | None = None  # (code, label, line)
    pending_cells: list[CellToken] = []
    # 统计数 beside 历年累计 or 上年数: the year's column is read, the other is not this year's figure.
    # The header is the table's own: at its start (统计指标 …) or just before its first row (指标 …).
    header = find_header(cells, max(0, start - HEADER_LOOKBACK))
    own = header is not None and (header.start == start or header.start < start <= header.end)
    columns = header if own and len(header.columns) > 1 else None

    def close_row() -> None:
        if current is None:
            return
        code, label, line = current
        pending = [c.text for c in pending_cells]
        if columns is not None:
            pending = _year_column_cells(pending_cells, columns, line, code, label, unplaced)
        values = [(c, parse_number(c)) for c in pending if normalise_label(c) not in _UNITS and not is_blank(c)]
        numbers = [(c, n) for c, n in values if n is not None]
        if len(numbers) == 1 and code not in seen:
            raw, number = numbers[0]
            unit = unit_of(code)
            # the 单位 column may print 元 where the template says 万元
            printed_unit = next((normalise_label(c) for c in pending if normalise_label(c) in ("元", "万元")), unit)
            figures.append(
                Figure(
                    indicator_code=code,
                    value=to_unit(number, unit, default_unit=printed_unit),
                    value_status="approximate" if number.approximate else "reported",
                    evidence=f"{label} | {raw}",
                )
            )
            seen.add(code)
        elif len(numbers) > 1:
            for raw, number in numbers:
                unplaced.append(UnplacedFigure("s", label, number.value, code, "several figures after one row label", raw))

    for cell in cells[start:]:
        text = cell.text
        key = label_key(text)
        if _TABLE_END.match(key):
            break
        match = _match_row(key, section) if 0 < len(key) <= MAX_LABEL_CHARS else None
        if match:
            close_row()
            code, sec = match
            section = sec
            current, pending_cells = (code, text, cell.line), []
        elif current is not None:
            if key.startswith(("(", "（")) and parse_number(text) is None:
                continue  # a label continued on its own line: (不同渠道和方式公开相同信息计1条)
            if not text and cell.line != current[2]:
                continue  # an empty cell moved off its row says nothing about columns
            pending_cells.append(cell)
    close_row()
    return figures, unplaced


def _year_column_cells(pending: list[CellToken], header: Header, line: int, code: str, label: str,
                       unplaced: list[UnplacedFigure]) -> list[str]:
    """The cells of a row to read in a table with several value columns: the unit and the year's
    figure. When the row's figures cannot be put in their columns (a cell per line, one missing),
    they are unplaced, never taken for the year's."""
    units = [c.text for c in pending if normalise_label(c.text) in _UNITS]
    if header.year_column is None:
        row = place_values(pending, header, line)
        figures = list(row.raw.values()) or [raw for raw, _ in row.unplaced]
        for raw in figures:
            number = parse_number(raw)
            if number is not None:
                unplaced.append(UnplacedFigure("s", label, number.value, code, "no column of the table is the year's", raw,
                                               indicator_code=code))
        return units
    row = place_values(pending, header, line)
    year = header.columns[header.year_column]
    if year in row.raw:
        return units + [row.raw[year]]
    for raw, value in row.unplaced:
        unplaced.append(UnplacedFigure("s", label, value, code,
                                       f"figure of an unknown column ({' or '.join(header.columns)})", raw,
                                       indicator_code=code))
    return units


def count_row_labels(cells: list[CellToken]) -> tuple[int, int]:
    """(row labels of the statistics table found, cells holding a figure after its start): tells a
    blank copy of the table (labels, no figures) from a filled one."""
    cells = expand_tabs(cells)
    start = find_table_start(cells)
    if start is None:
        return 0, 0
    labels = figures = 0
    for cell in cells[start:]:
        key = label_key(cell.text)
        if _TABLE_END.match(key):
            break
        if 0 < len(key) <= MAX_LABEL_CHARS and _match_row(key, None):
            labels += 1
        elif parse_number(cell.text) is not None:
            figures += 1
    return labels, figures
