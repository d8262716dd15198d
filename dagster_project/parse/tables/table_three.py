"""Table 三 of the 2019/2021 formats: requests received and how they were handled.

A matrix of rows (新收, 上年结转, outcomes, 总计, 结转下年度) by seven applicant columns (自然人,
five kinds of 法人或其他组织, 总计). A complete row is read by position. A flattened row that lost
its empty cells is placed by :mod:`.placement`, using the row total and the column identities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..catalog import APPLICANT_COLUMNS
from ..text.cells import CellToken, next_filled
from ..labels import label_key
from ..model import Figure, UnplacedFigure
from ..numbers import CACHE_ENTRIES, CACHED_CHARS, ParsedNumber, is_blank, parse_number
from ..numbers import is_garbled_figure as _is_garbled_figure

# every cell of the table's rows is asked whether it is garbled, and the cells repeat (0, 1, blanks):
# a short one is folded and matched once per process, as parse_number does
_garbled_cached = lru_cache(maxsize=CACHE_ENTRIES)(_is_garbled_figure)


def is_garbled_figure(text: str) -> bool:
    return _garbled_cached(text) if len(text) <= CACHED_CHARS else _is_garbled_figure(text)

# (code, regex over the label without numbering, group the row belongs to or None)
_ROWS = [
    ("t3.new_received", r"^本年新收"),
    ("t3.carried_over", r"^上年结转"),
    ("t3.granted", r"^予以公开$|^予以公开[^等]"),
    ("t3.partially_granted", r"^部分公开"),
    ("t3.denied.state_secret", r"^属于国家秘密|^国家秘密"),
    ("t3.denied.prohibited_by_law", r"^其他法律行政法规禁止公开|法律行政法规禁止公开|^其他法律行政止公开"),  # 行政止公开: a misprint seen in real PDFs
    ("t3.denied.security_stability", r"三安全一稳定"),
    ("t3.denied.third_party", r"^保护第三方合法权益|第三方合法权益"),
    ("t3.denied.internal_affairs", r"三类内[部容]事务"),
    ("t3.denied.process_info", r"四类过程性信息"),
    ("t3.denied.enforcement_file", r"行政执法案卷"),
    ("t3.denied.admin_inquiry", r"行政查询事项"),
    ("t3.unable.not_held", r"本机关不掌握"),
    ("t3.unable.needs_creation", r"没有现成信息"),
    ("t3.unable.unclear", r"补正后申请内容仍不明确"),
    ("t3.not_processed.petition", r"信访举报投诉"),
    ("t3.not_processed.duplicate", r"^重复申请"),
    ("t3.not_processed.publication", r"公开出版物"),
    ("t3.not_processed.excessive", r"大量反复申请"),
    ("t3.not_processed.reconfirm", r"确认或重新出具"),
    ("t3.other.no_correction", r"逾期不补正"),
    ("t3.other.fee_unpaid", r"逾期未按收费通知|逾期未缴"),
    ("t3.total_processed", r"^总计$"),
    ("t3.carried_forward", r"^结转下年度"),
]
_ROW_RES = [(code, re.compile(p)) for code, p in _ROWS]
_OTHER_GROUP = re.compile(r"^其他处理")
_OTHER_GROUP_ROWS = {"t3.other.no_correction", "t3.other.fee_unpaid"}  # rows of the 2021 form's (六)其他处理 only
_OTHER_OTHER = re.compile(r"^其他$")
MAX_LABEL_CHARS = 70
MAX_LABEL_PIECES = 3

OUTCOME_CODES_2019 = [code for code, _ in _ROWS if code.startswith(("t3.granted", "t3.partially", "t3.denied", "t3.unable", "t3.not_processed"))] + ["t3.other"]
OUTCOME_CODES_2021 = OUTCOME_CODES_2019[:-1] + ["t3.other.no_correction", "t3.other.fee_unpaid", "t3.other.other"]
OTHER_2021 = "|".join(OUTCOME_CODES_2021[-3:])


@dataclass
class MatrixRow:
    code: str
    label: str
    cells: list[str] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)  # text lines its cells came from

    def on_one_line(self) -> bool:
        """A row rendered on one line (HTML, a row per line) keeps its empty cells in place; a row
        flattened to a cell per line may have moved them (10 | 2 | 12 | ||||||)."""
        return len(self.lines) <= 1


@lru_cache(maxsize=4096)  # every report prints the same few labels: each is matched once per process
def _match(key: str, template: str, in_other_group: bool) -> str | None:
    if _OTHER_GROUP.search(key):
        return "t3.other"  # in the 2021 format a group label, unless figures follow it directly
    if in_other_group and template == "gov2021" and _OTHER_OTHER.search(key):
        return "t3.other.other"
    for code, rx in _ROW_RES:
        if rx.search(key):
            return code
    return None


def _is_label_text(text: str) -> bool:
    return parse_number(text) is None and not is_blank(text)


_label_cached = lru_cache(maxsize=CACHE_ENTRIES)(_is_label_text)  # (table cells repeat, as above)


def _is_label(text: str) -> bool:
    return _label_cached(text) if len(text) <= CACHED_CHARS else _is_label_text(text)


def _label_code(cells: list[CellToken], i: int, template: str, in_other_group: bool) -> tuple[str | None, int]:
    """(row code, cells used) for a label at ``cells[i]``; a label wrapped over two or three lines
    (5.要求行政机关确认或重新 / 出具已获取信息) is matched joined, when its continuation is no label itself."""
    joined = ""
    for k in range(MAX_LABEL_PIECES):
        if i + k >= len(cells) or not _is_label(cells[i + k].text):
            break
        piece = label_key(cells[i + k].text)
        if k and (len(piece) > MAX_LABEL_CHARS or _match(piece, template, in_other_group)):
            break
        joined += piece
        if len(joined) > MAX_LABEL_CHARS:
            break
        code = _match(joined, template, in_other_group)
        if code:
            return code, k + 1
    return None, 1


# a label that starts table three's rows where the page holds no heading or header of it: none of the
# first-column words a row of another table or a heading could share (总计, 其他)
_GOES_ON_LABEL_CHARS = 40
_SENTENCE = re.compile(r"[0-9。]")  # a sentence that names a row (共处理信访举报投诉类申请12件。), not a row label


def rows_go_on_at(cells: list[CellToken], start: int) -> int | None:
    """The first cell from ``start`` that is a label of table three's rows with its figures right after
    it: where the table goes on when a site's pager cut it and the next page opens on its rows (with
    neither the section heading nor the applicants' header that mark the table otherwise). A label whose
    next cell is another label is passed over: the figures further on may be another row's, whose label
    is not known here (3.其他 without the group label (六)其他处理 left on the page before)."""
    for i in range(start, len(cells)):
        key = label_key(cells[i].text)
        if not key or len(key) > _GOES_ON_LABEL_CHARS or _SENTENCE.search(key) or not _is_label(cells[i].text):
            continue
        code = _match(key, "gov2021", False)
        if code is None or code == "t3.total_processed":
            continue
        if parse_number(next_filled(cells, i + 1)) is not None:
            return i
    return None


def read_rows(cells: list[CellToken], template: str) -> list[MatrixRow]:
    rows: list[MatrixRow] = []
    codes: set[str] = set()  # the codes of ``rows``
    in_other_group = False
    i = 0
    while i < len(cells):
        cell = cells[i]
        if not _is_label(cell.text) or rows and rows[-1].code and is_garbled_figure(cell.text):
            if rows:
                rows[-1].cells.append(cell.text)
                rows[-1].lines.add(cell.line)
            i += 1
            continue
        key = label_key(cell.text)
        code, used = None, 1
        if 0 < len(key) <= MAX_LABEL_CHARS:
            if _OTHER_GROUP.search(key):
                in_other_group = True
            code, used = _label_code(cells, i, template, in_other_group)
            if code == "t3.total_processed" and not any(r.code in OUTCOME_CODES_2021 + OUTCOME_CODES_2019 for r in rows):
                code = None  # 总计 as the applicant column header, before any outcome row
        if code in _OTHER_GROUP_ROWS:
            in_other_group = True  # its group label may be on the page before a pager's cut
        if code:
            label = "".join(c.text for c in cells[i:i + used])
            # a repeated label (a second copy of the table): its cells are ignored
            rows.append(MatrixRow(code if code not in codes else "", label))
            codes.add(rows[-1].code)
        elif rows and rows[-1].cells:
            # header words, group labels (三、本年度办理结果, (六)其他处理 printed as one row in the 2021
            # format) or prose after a row's figures: the row is over, what follows is not its
            rows.append(MatrixRow("", cell.text))
        # else: a label wrapped onto the next line before its figures, or a header: skipped
        i += used
    return [r for r in rows if r.code]


# a row that lost cells is placed by its sums: where the page holds no header of the table, the rows may be
# of another table of outcomes (by district: 1 + 2 + 3 = 6 read a district's cell as a total)
WITHOUT_HEADER = "a row of table three on a page without the table's header: its figures' columns are not certain"


def parse_table_three(cells: list[CellToken], template: str,
                      header_seen: bool = True) -> tuple[list[Figure], list[UnplacedFigure]]:
    """``header_seen``: the table's heading or header is on the page; without it (the rest of a table a
    pager cut) only the rows that print one cell per column are read."""
    from .placement import place_matrix

    rows = read_rows(cells, template)
    figures: list[Figure] = []
    lost: list[UnplacedFigure] = []
    partial: dict[str, list[tuple[str, ParsedNumber]]] = {}
    # a row with a garbled cell has a figure nobody can read: its other cells are read where their
    # column is certain, but the row tells the column identities nothing
    garbled = {row.code for row in rows if any(is_garbled_figure(c) for c in row.cells)}
    width = len(APPLICANT_COLUMNS)
    # a table with an empty column after 总计 (a PDF's or Word's grid one column wider): a row that fills its
    # 自然人 cell shows it, and then a row whose 自然人 cell is blank has the same padding at its end
    padded = any(row.on_one_line() and len(row.cells) > width and not is_blank(row.cells[0])
                 and all(is_blank(c) for c in row.cells[width:]) for row in rows)
    for row in rows:
        pending = list(row.cells)
        if row.code == "t3.other" and template == "gov2021":
            # (六)其他处理 printed as one row, as in the 2019 format: the 2021 format splits it into
            # three rows, and one figure cannot say how it splits
            lost.extend(UnplacedFigure("t3", row.label, n.value, OTHER_2021, "其他处理 printed as one row in the 2021 format", raw)
                        for raw in pending if (n := parse_number(raw)) is not None)
            continue
        if (row.on_one_line() and len(pending) > width and (padded or not is_blank(pending[0]))
                and all(is_blank(c) for c in pending[width:])):
            # a rendered row that starts at its 自然人 cell: empty cells after 总计 are padding
            pending = pending[:width]
        # Empty cells are positional only when the row kept exactly one cell per column, on one line.
        if len(pending) == width and (row.on_one_line() or not any(is_blank(c) for c in pending)):
            for applicant, raw in zip(APPLICANT_COLUMNS, pending):
                number = parse_number(raw)
                if number is not None:
                    figures.append(Figure(row.code, number.value, applicant,
                                          "approximate" if number.approximate else "reported",
                                          f"{row.label} | {raw}"))
            continue
        numbers = [(raw, parse_number(raw)) for raw in pending if not is_blank(raw)]
        numbers = [(raw, n) for raw, n in numbers if n is not None]
        if row.code in garbled:
            # which of its figures is the total, and where the garbled one stood, is lost with its empty cells
            unreadable = next(c for c in pending if is_garbled_figure(c))
            lost.extend(UnplacedFigure("t3", row.label, n.value, "|".join(APPLICANT_COLUMNS),
                                       f"the row holds a garbled cell ({unreadable}): its figures' columns cannot be told",
                                       raw, row.code) for raw, n in numbers)
        elif numbers and not header_seen:
            lost.extend(UnplacedFigure("t3", row.label, n.value, "|".join(APPLICANT_COLUMNS), WITHOUT_HEADER, raw, row.code)
                        for raw, n in numbers)
        elif numbers:
            partial[row.code] = numbers
    complete = {(f.indicator_code, f.applicant_type): f.value for f in figures}
    placed, unplaced = place_matrix(partial, complete, {r.code: r.label for r in rows}, template, garbled)
    return figures + placed, lost + unplaced
