"""The text of a Word 97-2003 binary file (.doc, and .wps files WPS Office saves in that format).

Read as [MS-DOC] lays it out, in pure Python over the OLE streams (``olefile``):

- the File Information Block at the start of the ``WordDocument`` stream says which table stream
  (``0Table`` or ``1Table``) holds the piece table, and how many characters the main text has;
- the piece table (``Clx``) maps the text's character positions to byte offsets in ``WordDocument``,
  each piece stored as UTF-16 or as 8-bit compressed text;
- tables have no structure in the text itself: every cell ends with the cell mark ``\\x07``, and so
  does the row, in a paragraph of its own that the paragraph properties (``PlcBtePapx`` and its
  formatted disk pages) mark as the row's end (``sprmPFTtp``). An empty cell and a row's end both
  look like ``\\x07\\x07``, so those marks are what tells a row from a run of empty cells.

Field codes (``\\x13`` instruction ``\\x14`` result ``\\x15``) keep their result only (a page number,
a hyperlink's text); pictures and drawn objects leave nothing.
"""
from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass

WORD_97_IDENT = 0xA5EC
WORD_97_NFIB = 0xC0  # Word 6 and 95 files (nFib 101-104) have another layout

CELL_MARK = "\x07"
_SPRM_IN_TABLE = 0x2416  # sprmPFInTable: this paragraph is inside a table
_SPRM_DEPTH = 0x6649  # sprmPItap: how deep in nested tables
_SPRM_TTP = 0x2417  # sprmPFTtp: this paragraph ends a table row
# a table inside a cell: its cells and rows end with paragraph marks that these say are theirs
_SPRM_INNER_CELL, _SPRM_INNER_TTP = 0x244B, 0x244C  # sprmPFInnerTableCell, sprmPFInnerTtp
_SPRM_HUGE_PAPX = 0x6646  # sprmPHugePapx: the properties are in the Data stream, at this offset
_SPRM_VERT_MERGE = 0xD62B  # sprmTVertMerge: a cell of the row continues the cell above (printed once)
_FVM_MERGE = 0x01  # its value for a cell that continues the one above (0x03, fvmRestart, begins a set)
_SPRM_DEF_TABLE = 0xD608  # sprmTDefTable: its operand's size is two bytes, not one
_TC80_SIZE = 20
_TC_VERT_MERGE, _TC_VERT_RESTART = 0x0020, 0x0040  # a TC80's flags: a vertical merge, and its first cell
_SPRM_CHG_TABS = 0xC615  # its operand's size byte may be 255, then the size is computed: ends the walk
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the sprm's top three bits; 6 is variable
_FKP_PAGE = 512
# character properties of text not shown: a tracked deletion (sprmCFRMarkDel), hidden text (sprmCFVanish)
_SPRM_DELETED, _SPRM_HIDDEN = 0x0800, 0x083C
# on; 0x81, the opposite of the style's, is left alone: a style that hides text is rare, and the
# text would then be shown
_TOGGLE_ON = (0x01,)
# characters that are markup, not text: footnote and comment references, pictures, drawn objects,
# an optional hyphen
_MARKS = "\x07\r\x0c"
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x05\x08\x1f"), None) | {0x1E: "-", 0xA0: " ", 0x0B: "\n"}


class DocFormatError(ValueError):
    """The bytes are not a Word 97-2003 document this reader can read (the message says why)."""


@dataclass(frozen=True)
class _Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset in WordDocument of the piece's first character
    compressed: bool  # 8-bit (cp1252) rather than UTF-16


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from("<H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from("<I", data, at)[0]


@dataclass(frozen=True)
class _Fib:
    table_stream: str
    ccp_text: int
    fc_clx: int
    lcb_clx: int
    fc_papx: int
    lcb_papx: int
    fc_chpx: int = 0
    lcb_chpx: int = 0


def table_stream_name(word: bytes) -> str:
    """The table stream the FIB's fWhichTblStm names: 1Table or 0Table."""
    return "1Table" if len(word) > 0x0B and _u16(word, 0x0A) & 0x0200 else "0Table"


def _read_fib(word: bytes) -> _Fib:
    if len(word) < 0x200 or _u16(word, 0) != WORD_97_IDENT:
        raise DocFormatError("no Word document header")
    if _u16(word, 2) < WORD_97_NFIB:
        raise DocFormatError("Word 6 or Word 95 format")
    flags = _u16(word, 0x0A)
    if flags & 0x0100:
        raise DocFormatError("encrypted: a password is needed to read it")
    at = 32
    csw = _u16(word, at)
    at += 2 + 2 * csw
    cslw = _u16(word, at)
    lw = at + 2
    ccp_text = _u32(word, lw + 4 * 3)
    at = lw + 4 * cslw
    pairs = at + 2  # FibRgFcLcb: (fc, lcb) pairs

    def pair(index: int) -> tuple[int, int]:
        return _u32(word, pairs + 8 * index), _u32(word, pairs + 8 * index + 4)

    fc_chpx, lcb_chpx = pair(12)
    fc_papx, lcb_papx = pair(13)
    fc_clx, lcb_clx = pair(33)
    if ccp_text > len(word):  # every character takes a byte of the stream at least
        raise DocFormatError(f"a damaged header: {ccp_text:,} characters in a {len(word):,}-byte stream")
    return _Fib(table_stream_name(word), ccp_text, fc_clx, lcb_clx, fc_papx, lcb_papx, fc_chpx, lcb_chpx)


def _pieces(table: bytes, fib: _Fib) -> list[_Piece]:
    clx = table[fib.fc_clx:fib.fc_clx + fib.lcb_clx]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: formatting of the pieces, skipped
        size = struct.unpack_from("<h", clx, at + 1)[0]
        if size < 0:  # a damaged size would loop for ever or walk backwards
            raise DocFormatError("a damaged piece table")
        at += 3 + size
    if at >= len(clx) or clx[at] != 0x02:
        raise DocFormatError("no piece table")
    size = _u32(clx, at + 1)
    plc = clx[at + 5:at + 5 + size]
    count = (len(plc) - 4) // 12
    if count <= 0:
        raise DocFormatError("an empty piece table")
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    if any(later < earlier for earlier, later in zip(cps, cps[1:])):
        # pieces out of order or overlapping could repeat the stream without end (quadratic output)
        raise DocFormatError("a damaged piece table")
    pieces = []
    for i in range(count):
        fc_compressed = _u32(plc, 4 * (count + 1) + 8 * i + 2)
        compressed = bool(fc_compressed & 0x40000000)
        fc = fc_compressed & 0x3FFFFFFF
        pieces.append(_Piece(cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed))
    return pieces


@dataclass(frozen=True)
class _TableMarks:
    """Byte ranges (in WordDocument) of the paragraphs inside a table, and of those that end a row,
    with the row's cells that continue a cell above (a vertical merge, printed on the row above)."""

    in_table: list[tuple[int, int]]
    row_end: list[tuple[int, int, frozenset[int]]]
    nested: list[tuple[int, int]]  # paragraphs of a table inside a cell
    inner_cell_end: list[tuple[int, int]]
    inner_row_end: list[tuple[int, int, frozenset[int]]]


def _formatted_runs(word: bytes, plc: bytes, entry_size: int):
    """(start, end, page, offset) of each run of text the formatted disk pages a ``PlcBte`` names
    describe: the run's byte range in WordDocument, and where on its page its properties are (0:
    none). A paragraph's entry (BxPap) takes 13 bytes of the page, a character run's one."""
    count = (len(plc) - 4) // 8
    for i in range(max(count, 0)):
        pn = _u32(plc, 4 * (count + 1) + 4 * i) & 0x3FFFFF
        page = word[pn * _FKP_PAGE:(pn + 1) * _FKP_PAGE]
        if len(page) < _FKP_PAGE:
            continue
        runs = page[511]
        if 4 * (runs + 1) + entry_size * runs > 511:
            continue
        fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for r in range(runs):
            yield fcs[r], fcs[r + 1], page, 2 * page[4 * (runs + 1) + entry_size * r]


def _table_marks(word: bytes, table: bytes, data: bytes, fib: _Fib) -> _TableMarks:
    in_table, row_end, nested, inner_cell_end, inner_row_end = [], [], [], [], []
    for start, end, page, offset in _formatted_runs(word, table[fib.fc_papx:fib.fc_papx + fib.lcb_papx], 13):
        if not offset:
            continue
        flags = _TableFlags()
        flags.read(_papx_sprms(page, offset), data)
        if flags.inside or flags.ends:
            in_table.append((start, end))
        if flags.ends:
            row_end.append((start, end, frozenset(flags.continued)))
        if flags.depth > 1 or flags.inner_cell or flags.inner_ends:
            nested.append((start, end))
        if flags.inner_ends:
            inner_row_end.append((start, end, frozenset(flags.continued)))
        elif flags.inner_cell:
            inner_cell_end.append((start, end))
    return _TableMarks(sorted(in_table), sorted(row_end), sorted(nested), sorted(inner_cell_end),
                       sorted(inner_row_end))


def _unseen_ranges(word: bytes, table: bytes, fib: _Fib) -> list[tuple[int, int]]:
    """Byte ranges (in WordDocument) of text Word does not show: tracked deletions and hidden text,
    read off the character properties (``PlcBteChpx`` and its formatted disk pages). Read as text,
    a deleted 15 and a hidden 9 before 20 gave 15920."""
    return sorted((start, end) for start, end, page, offset
                  in _formatted_runs(word, table[fib.fc_chpx:fib.fc_chpx + fib.lcb_chpx], 1)
                  if offset and _hides(page[offset + 1:offset + 1 + page[offset]]))


def _hides(sprms: bytes) -> bool:
    at = 0
    while at + 2 < len(sprms):
        sprm = _u16(sprms, at)
        at += 2
        if sprm in (_SPRM_DELETED, _SPRM_HIDDEN) and sprms[at] in _TOGGLE_ON:
            return True
        kind = sprm >> 13
        at += _OPERAND_SIZE[kind] if kind != 6 else 1 + sprms[at]
    return False


def _papx_sprms(page: bytes, offset: int) -> bytes:
    size = page[offset]
    if size:
        grpprl = page[offset + 1:offset + 2 * size]
    else:
        grpprl = page[offset + 2:offset + 2 + 2 * page[offset + 1]]
    return grpprl[2:]  # after the style index


class _TableFlags:
    """What a paragraph's properties say of tables (a row's end, with the table's definition, is
    often too large for its page: its properties are then in the Data stream)."""

    def __init__(self) -> None:
        self.inside = self.ends = self.inner_cell = self.inner_ends = False
        self.depth = 0
        self.continued: set[int] = set()

    def read(self, sprms: bytes, data: bytes = b"") -> None:
        at = 0
        while at + 2 <= len(sprms):
            sprm = _u16(sprms, at)
            at += 2
            if at >= len(sprms):
                break
            if sprm == _SPRM_IN_TABLE:
                self.inside = self.inside or sprms[at] == 1
            elif sprm == _SPRM_DEPTH and at + 4 <= len(sprms):
                self.depth = max(self.depth, _u32(sprms, at))
                self.inside = self.inside or self.depth > 0
            elif sprm == _SPRM_TTP:
                self.ends = self.ends or sprms[at] == 1
            elif sprm == _SPRM_INNER_CELL:
                self.inner_cell = self.inner_cell or sprms[at] == 1
            elif sprm == _SPRM_INNER_TTP:
                self.inner_ends = self.inner_ends or sprms[at] == 1
            elif sprm == _SPRM_VERT_MERGE and at + 3 <= len(sprms) and sprms[at + 2] == _FVM_MERGE:
                self.continued.add(sprms[at + 1])
            elif sprm == _SPRM_HUGE_PAPX and at + 4 <= len(sprms) and data:
                offset = _u32(sprms, at)
                if offset + 2 <= len(data):
                    self.read(data[offset + 2:offset + 2 + _u16(data, offset)])
            kind = sprm >> 13
            if kind != 6:
                at += _OPERAND_SIZE[kind]
            elif sprm == _SPRM_DEF_TABLE:
                size = _u16(sprms, at) if at + 2 <= len(sprms) else len(sprms)
                self._read_cells(sprms[at + 2:at + 1 + size])
                at += size + 1
            elif sprm == _SPRM_CHG_TABS:
                break
            else:
                at += 1 + sprms[at]

    def _read_cells(self, definition: bytes) -> None:
        """The cells a table row's definition (TDefTable) marks as continuing the cell above: the
        vertical-merge flag without the restart flag, in each cell's TC80."""
        if not definition:
            return
        cells = definition[0]
        first_tc = 1 + 2 * (cells + 1)
        for n in range(cells):
            at = first_tc + _TC80_SIZE * n
            if at + 2 > len(definition):
                break
            flags = _u16(definition, at)
            if flags & _TC_VERT_MERGE and not flags & _TC_VERT_RESTART:
                self.continued.add(n)


def _characters(word: bytes, pieces: list[_Piece], ccp_text: int):
    """(character, byte offset) of the main text, in order."""
    for piece in pieces:
        start, end = piece.cp_start, min(piece.cp_end, ccp_text)
        if start >= end:
            continue
        if piece.compressed:
            text = word[piece.fc:piece.fc + end - start].decode("cp1252", "replace")
        else:
            text = word[piece.fc:piece.fc + 2 * (end - start)].decode("utf-16-le", "replace")
        step = 1 if piece.compressed else 2
        for n, char in enumerate(text):
            yield char, piece.fc + n * step


def _range_of(fc: int, ranges: list[tuple]) -> tuple | None:
    """The range (start, end, …) of sorted, disjoint ``ranges`` holding ``fc``, or None."""
    i = bisect.bisect_right(ranges, (fc, float("inf"))) - 1
    return ranges[i] if i >= 0 and ranges[i][0] <= fc < ranges[i][1] else None


def doc_lines(word: bytes, table: bytes, data: bytes = b"") -> list[tuple[str, list[str] | None]]:
    """The main text as (paragraph, None) and ('', cells) for each table row, in order; ``word``,
    ``table`` and ``data`` are the WordDocument, table and Data streams. A cell's paragraphs are
    joined by line breaks; a table inside a cell has its rows after the row that holds it, as the
    .docx reader gives them."""
    fib = _read_fib(word)
    pieces = _pieces(table, fib)
    marks = _table_marks(word, table, data, fib)
    unseen = _unseen_ranges(word, table, fib)
    out: list[tuple[str, list[str] | None]] = []
    text: list[str] = []  # the paragraph being read
    cell: list[str] = []  # the paragraphs of the cell being read
    cells: list[str] = []  # the cells of the row being read
    inner_cell: list[str] = []
    inner_cells: list[str] = []
    inner_rows: list[list[str]] = []
    fields: list[bool] = []  # for each open field: whether its result has started
    for char, fc in _characters(word, pieces, fib.ccp_text):
        if char == "\x13":
            fields.append(False)
        elif char == "\x14":
            if fields:
                fields[-1] = True
        elif char == "\x15":
            if fields:
                fields.pop()
        elif fields and not fields[-1]:
            continue  # a field's instruction (PAGE, HYPERLINK "…")
        elif unseen and char not in _MARKS and _range_of(fc, unseen):
            continue  # deleted or hidden: the marks that end a cell, a row or a paragraph still count
        elif char == CELL_MARK:
            if row := _range_of(fc, marks.row_end):
                out.append(("", [c for n, c in enumerate(cells) if n not in row[2]]))
                out.extend(("", inner) for inner in inner_rows)
                cells, inner_rows = [], []
            else:
                cells.append("\n".join([*cell, "".join(text)]))
            text, cell = [], []
        elif char not in "\r\x0c":
            text.append(char)
        elif inner_row := _range_of(fc, marks.inner_row_end):
            inner_rows.append([c for n, c in enumerate(inner_cells) if n not in inner_row[2]])
            text, inner_cell, inner_cells = [], [], []
        elif _range_of(fc, marks.inner_cell_end):
            inner_cells.append("\n".join([*inner_cell, "".join(text)]))
            text, inner_cell = [], []
        elif _range_of(fc, marks.nested):
            inner_cell.append("".join(text))
            text = []
        elif _range_of(fc, marks.in_table):
            cell.append("".join(text))
            text = []
        else:
            out.append(("".join(text), None))
            text = []
    if cells:
        out.append(("", cells))
    out.extend(("", inner) for inner in inner_rows)
    if text:
        out.append(("".join(text), None))
    return [(line.translate(_DROPPED), [c.translate(_DROPPED) for c in row] if row is not None else None)
            for line, row in out]
