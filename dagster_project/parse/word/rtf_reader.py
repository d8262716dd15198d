"""Read a Rich Text (RTF) report into the text flattening of the report parser.

Word saves a document as RTF on request, and many sites publish such files under a ``.doc`` name.
Paragraphs become lines as typed; a table row (its cells ended by ``\\cell``, the row by ``\\row``)
becomes one line with its cells joined by `` | ``, a cell merged down or across (``\\clvmrg``,
``\\clmrg``) printed once, and a table nested in a cell (``\\nestcell``, ``\\nestrow``) follows its
row, as the other readers do. Chinese text comes as ``\\uN`` characters or as ``\\'hh`` bytes of the
code page of the run's font (``\\fcharset134``: GBK) or of the document (``\\ansicpg936``). Text a
reader does not see is left out: groups marked ``\\*`` (fonts, styles, pictures, field codes,
bookmarks), headers and footers, hidden text (``\\v``) and deleted revisions (``\\deleted``).
"""
from __future__ import annotations

import codecs
import re

from ..attachments import STATUS_OK, ReaderResult, refused
from ..pdf.cells import row_line
from .paragraphs import typed_text

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.S)
# groups that hold no text of the document
_SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
    "footer", "footerl", "footerr", "footerf", "footnote", "listtable", "listoverridetable", "rsidtbl",
    "generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore", "fldinst",
    "filetbl", "revtbl", "pgdsctbl", "mmathPr", "bkmkstart", "bkmkend", "shppict", "nonshppict", "shp",
    "xe", "tc", "nonesttables",
})
# a group marked \* that holds the end of a nested table's row
_NESTED_ROW_PROPERTIES = "nesttableprops"
_CHARACTERS = {"emdash": "—", "endash": "–", "bullet": "•", "lquote": "‘", "rquote": "’", "ldblquote": "“",
               "rdblquote": "”", "tab": " ", "emspace": " ", "enspace": " ", "qmspace": " "}
# the control words that end a paragraph, a cell or a row: never taken for a \uN's stand-in characters
_STRUCTURE = frozenset({"par", "line", "sect", "page", "cell", "nestcell", "row", "nestrow"})
_SYMBOLS = {"~": "\xa0", "_": "-", "\\": "\\", "{": "{", "}": "}"}
# \fcharset of a font -> the code page of its \'hh bytes; 2 is a symbol font (Symbol, Wingdings)
_CHARSETS = {0: "cp1252", 128: "cp932", 129: "cp949", 134: "gbk", 136: "big5", 161: "cp1253", 162: "cp1254",
             177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250"}
SYMBOL_CHARSET = 2
_FONT = re.compile(rb"\\f(\d+)[^;{}]*?\\fcharset(\d+)")


class _Group:
    """The character properties a group sets, which end with it."""

    __slots__ = ("uc", "font", "hidden", "nested_row")

    def __init__(self, uc: int = 1, font: int | None = None, hidden: bool = False, nested_row: bool = False):
        self.uc, self.font, self.hidden, self.nested_row = uc, font, hidden, nested_row

    def copy(self) -> "_Group":
        return _Group(self.uc, self.font, self.hidden, self.nested_row)


_NESTED = "\x1e"  # marks where a nested table's row stands among the paragraphs of its cell
_NESTED_MARK = re.compile(_NESTED + r"\d+" + _NESTED)


class _Document:
    """The lines of the document as its tokens are read."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.outer: list[str] = []  # the paragraph being read, at the top level or in a cell of a table
        self.inner: list[str] = []  # the paragraph being read in a cell of a table nested in a cell
        self.level = 0  # the nesting of the paragraph being read: 0 outside tables (\itapN)
        self.cells: list[str] = []
        self.merged: list[bool] = []  # per cell of the row's definition: printed on another row or cell
        self.next_merged = False
        self.inner_cells: list[str] = []
        self.inner_merged: list[bool] = []
        self.inner_next_merged = False
        self.nested_lines: list[str] = []  # rows of tables nested in this row's cells

    def text(self, chars: str) -> None:
        (self.inner if self.level > 1 else self.outer).append(chars)

    def end_paragraph(self) -> None:
        if self.level > 1:
            self.inner.append("\n")
        elif self.level == 1:
            self.outer.append("\n")  # a line of a cell: row_line joins them
        else:
            line = typed_text("".join(self.outer))
            if line:
                self.lines.append(line)
            self.outer = []

    def end_cell(self) -> None:
        self.cells.append("".join(self.outer))
        self.outer = []

    def end_nested_cell(self) -> None:
        self.inner_cells.append("".join(self.inner))
        self.inner = []

    def end_nested_row(self) -> None:
        kept = [c for i, c in enumerate(self.inner_cells) if not (i < len(self.inner_merged) and self.inner_merged[i])]
        line = row_line(kept)
        if line:
            # where the row stands among the paragraphs of the cell that holds it
            self.outer.append(f"\n{_NESTED}{len(self.nested_lines)}{_NESTED}\n")
            self.nested_lines.append(line)
        self.inner_cells, self.inner_merged, self.inner_next_merged = [], [], False

    def end_row(self) -> None:
        kept = [cell for i, cell in enumerate(self.cells) if not (i < len(self.merged) and self.merged[i])]
        if len(kept) == 1 and self.nested_lines:
            # a layout box around the report (its text, and its tables nested in it): the paragraphs
            # and the tables' rows in their order
            for piece in kept[0].split("\n"):
                if piece.startswith(_NESTED) and piece.endswith(_NESTED):
                    self.lines.append(self.nested_lines[int(piece.strip(_NESTED))])
                elif line := typed_text(piece):
                    self.lines.append(line)
        else:
            line = row_line([_NESTED_MARK.sub("", cell) for cell in kept])
            if line:
                self.lines.append(line)
            self.lines.extend(self.nested_lines)
        self.cells, self.outer, self.nested_lines, self.level = [], [], [], 0

    def define_cell(self, nested: bool) -> None:
        if nested:
            self.inner_merged.append(self.inner_next_merged)
            self.inner_next_merged = False
        else:
            self.merged.append(self.next_merged)
            self.next_merged = False

    def finish(self) -> str:
        if self.inner_cells:
            self.end_nested_row()
        if self.cells or self.nested_lines:
            self.end_row()
        self.level = 0
        self.end_paragraph()
        return "\n".join(self.lines)



def _codepage(data: bytes) -> str:
    """The document's code page: ``\\ansicpgN``, else GBK when a font is GB2312 (``\\fcharset134``),
    else Windows-1252."""
    m = re.search(rb"\\ansicpg(\d+)", data[:4096])
    if m:
        name = "gbk" if m.group(1) == b"936" else f"cp{int(m.group(1))}"
        try:
            codecs.lookup(name)
            return name
        except LookupError:
            pass
    return "gbk" if b"\\fcharset134" in data[:65536] else "cp1252"


def _font_charsets(data: bytes) -> dict[int, int]:
    """Font number -> its ``\\fcharset``, off the font table."""
    start = data.find(b"\\fonttbl")
    if start < 0:
        return {}
    depth, end = 0, start
    for end in range(data.rfind(b"{", 0, start), min(len(data), start + 1_000_000)):
        depth += {0x7B: 1, 0x7D: -1}.get(data[end], 0)
        if depth == 0:
            break
    return {int(font): int(charset) for font, charset in _FONT.findall(data[start:end])}


def _surrogates_joined(text: str) -> str:
    """A character outside the Basic Multilingual Plane comes as two ``\\uN`` (a surrogate pair):
    joined; a lone half is no character."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def rtf_text(data: bytes) -> str:
    """The text flattening of an RTF document."""
    doc = _Document()
    codepage = _codepage(data)
    charsets = _font_charsets(data)
    groups = [_Group()]
    skip_depth = None  # the depth of the group being skipped, while one is
    pending: bytearray = bytearray()  # \'hh bytes of one run, decoded together
    fallback = 0  # characters after a \uN still to be skipped
    group_start = False  # the group just opened: \* or a skipped destination may come first

    def flush() -> None:
        if not pending:
            return
        charset = charsets.get(groups[-1].font) if groups[-1].font is not None else None
        run = bytes(pending)
        pending.clear()
        # each run decoded whole: a single byte of another font never pairs with the next run's
        if charset == SYMBOL_CHARSET:
            chars = ""  # a symbol font's bullets and ticks: no text
        elif charset not in (None, 0) and charset in _CHARSETS:
            chars = run.decode(_CHARSETS[charset], "replace")  # the font's own (GB2312 in a Western document)
        else:
            # the ANSI charset is the document's code page; a byte that is no character of it is a
            # Western font's (± in Times New Roman in a Chinese document)
            try:
                chars = run.decode(codepage)
            except UnicodeDecodeError:
                chars = run.decode("cp1252", "replace")
        if chars and not groups[-1].hidden:
            doc.text(chars)

    pos, depth = 0, 0
    while pos < len(data):
        m = _TOKEN.match(data, pos)
        if m is None:  # a lone byte no token takes: passed over
            pos += 1
            continue
        pos = m.end()
        word, arg, hexbyte, symbol, brace, chars = m.groups()
        if word == b"bin" and arg is not None:
            pos += max(0, int(arg))  # raw bytes (a picture's), which may hold braces and backslashes
            continue
        opening = group_start
        # (line breaks and spaces between { and \* are no text: the group still opens)
        if brace is None and (word or hexbyte or symbol or (chars is not None and chars.strip())):
            group_start = False
        if brace == b"{":
            flush()
            depth += 1
            groups.append(groups[-1].copy())
            group_start = True
            continue
        if brace == b"}":
            flush()
            if skip_depth is not None and depth == skip_depth:
                skip_depth = None
            depth -= 1
            if len(groups) > 1:
                groups.pop()
            fallback = 0  # the characters standing in for a \uN end with its group
            continue
        if skip_depth is not None:
            continue
        if symbol == b"*" and opening:
            # a group marked \*: skipped, but the end of a nested table's row it holds is read
            following = _TOKEN.match(data, pos)
            if following is not None and following.group(1) == _NESTED_ROW_PROPERTIES.encode():
                groups[-1].nested_row = True
            else:
                skip_depth = depth
            continue
        if hexbyte is not None:
            if fallback:
                fallback -= 1
                continue
            pending.append(int(hexbyte, 16))
            continue
        flush()
        if word is not None:
            name = word.decode("ascii")
            if name in _STRUCTURE:
                fallback = 0  # a writer that left the stand-ins out: the cell still ends
            elif fallback:
                fallback -= 1  # a control word stands for one of them
                continue
            if opening and name in _SKIPPED:
                skip_depth = depth
                continue
            group = groups[-1]
            if name == "u" and arg is not None:
                if not group.hidden:
                    doc.text(chr(int(arg) & 0xFFFF))
                fallback = group.uc
            elif name == "uc" and arg is not None:
                group.uc = int(arg)
            elif name == "f" and arg is not None:
                group.font = int(arg)
            elif name in ("v", "deleted"):
                group.hidden = arg != b"0"
            elif name == "plain":
                group.hidden, group.font = False, None
            elif name in ("par", "line", "sect", "page"):
                doc.end_paragraph()
            elif name == "pard":
                doc.level = 0
            elif name == "intbl":
                doc.level = max(doc.level, 1)
            elif name == "itap" and arg is not None:
                doc.level = int(arg)
            elif name == "cell":
                doc.end_cell()
            elif name == "nestcell":
                doc.end_nested_cell()
            elif name == "nestrow":
                doc.end_nested_row()
            elif name == "row":
                doc.end_row()
            elif name == "trowd":
                # (a nested row's definition comes in its \*\nesttableprops group, after its cells)
                if group.nested_row:
                    doc.inner_merged, doc.inner_next_merged = [], False
                else:
                    doc.merged, doc.next_merged = [], False
            elif name in ("clvmrg", "clmrg"):
                if group.nested_row:
                    doc.inner_next_merged = True
                else:
                    doc.next_merged = True
            elif name == "cellx":
                doc.define_cell(group.nested_row)
            elif name in _CHARACTERS and not group.hidden:
                doc.text(_CHARACTERS[name])
            continue
        if symbol is not None:
            if fallback:
                fallback -= 1
                continue
            if symbol in (b"\n", b"\r"):
                doc.end_paragraph()  # \ and a line break: an old way of writing \par
            elif not groups[-1].hidden:
                doc.text(_SYMBOLS.get(symbol.decode("latin-1"), ""))
            continue
        if chars is not None:
            text = chars.decode("latin-1")
            if fallback:
                skipped = min(fallback, len(text))
                text, fallback = text[skipped:], fallback - skipped
            if text and not groups[-1].hidden:
                doc.text(text)
    flush()
    return _surrogates_joined(doc.finish())


def read_rtf(data: bytes, name: str) -> ReaderResult:
    text = rtf_text(data)
    if not text.strip():
        return refused("rtf", f"{name}: RTF with no text")
    return ReaderResult(text, "rtf", STATUS_OK, None)
