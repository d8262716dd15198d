"""Read a Rich Text (RTF) report into the text flattening of the report parser.

Word saves a document as RTF on request, and many sites publish such files under a ``.doc`` name.
Paragraphs become lines as typed; a table row (its cells ended by ``\\cell``, the row by ``\\row``)
becomes one line with its cells joined by `` | ``, a cell merged down or across (``\\clvmrg``,
``\\clmrg``) printed once, as the other readers do. Chinese text comes as ``\\uN`` characters or as
``\\'hh`` bytes of the document's code page (``\\ansicpg936``); what other programs store in groups
marked ``\\*`` (fonts, styles, pictures, field codes, headers) is no text of the report.
"""
from __future__ import annotations

import codecs
import re

from ..attachments import STATUS_OK, ReaderResult, refused
from ..pdf.cells import clean_cell
from .paragraphs import typed_text

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.S)
# groups that hold no text of the document
_SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
    "footer", "footerl", "footerr", "footerf", "footnote", "listtable", "listoverridetable", "rsidtbl",
    "generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore", "fldinst",
    "filetbl", "revtbl", "pgdsctbl", "mmathPr", "bkmkstart", "bkmkend", "shppict", "nonshppict", "shp",
})
_CHARACTERS = {"emdash": "—", "endash": "–", "bullet": "•", "lquote": "‘", "rquote": "’", "ldblquote": "“",
               "rdblquote": "”", "tab": " ", "emspace": " ", "enspace": " ", "qmspace": " "}
_SYMBOLS = {"~": "\xa0", "_": "-", "\\": "\\", "{": "{", "}": "}"}


class _Document:
    """The lines of the document as its tokens are read."""

    def __init__(self, codepage: str) -> None:
        self.decoder = codecs.getincrementaldecoder(codepage)("replace")
        self.lines: list[str] = []
        self.paragraph: list[str] = []
        self.in_table = False
        self.cells: list[str] = []
        self.merged: list[bool] = []  # per cell of the row's definition: printed on another row or cell
        self.next_merged = False

    def text(self, chars: str) -> None:
        self.paragraph.append(chars)

    def end_paragraph(self) -> None:
        if self.in_table:
            self.paragraph.append("\n")  # a line of a cell: clean_cell joins them
            return
        line = typed_text("".join(self.paragraph))
        if line:
            self.lines.append(line)
        self.paragraph = []

    def end_cell(self) -> None:
        self.cells.append("".join(self.paragraph))
        self.paragraph = []

    def end_row(self) -> None:
        kept = [cell for i, cell in enumerate(self.cells) if not (i < len(self.merged) and self.merged[i])]
        texts = [clean_cell(cell) for cell in kept]
        if any(texts):
            self.lines.append(" | ".join(texts))
        self.cells, self.paragraph, self.in_table = [], [], False

    def cell_defined(self) -> None:
        self.merged.append(self.next_merged)
        self.next_merged = False

    def finish(self) -> str:
        if self.cells:
            self.end_row()
        self.in_table = False
        self.end_paragraph()
        return "\n".join(self.lines)


def _codepage(data: bytes) -> str:
    """The code page of the document's ``\\'hh`` bytes: ``\\ansicpgN``, else GBK when a font is
    GB2312 (``\\fcharset134``), else Windows-1252."""
    m = re.search(rb"\\ansicpg(\d+)", data[:4096])
    if m:
        name = f"cp{int(m.group(1))}"
        try:
            codecs.lookup(name)
            return "gbk" if name == "cp936" else name
        except LookupError:
            pass
    return "gbk" if b"\\fcharset134" in data[:65536] else "cp1252"


def rtf_text(data: bytes) -> str:
    """The text flattening of an RTF document."""
    doc = _Document(_codepage(data))
    skip_depth = None  # the depth of the group being skipped, while one is
    depth = 0
    uc = [1]  # characters that stand in for each \uN, per group
    pending: bytearray = bytearray()  # \'hh bytes not decoded yet (a character takes two)
    fallback = 0  # characters after a \uN still to be skipped
    group_start = False  # the next token opens a group (\* or a skipped destination may follow)

    def flush() -> None:
        if pending:
            chars = doc.decoder.decode(bytes(pending))
            pending.clear()
            if chars:
                doc.text(chars)

    pos = 0
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
        opening, group_start = group_start, False
        if brace == b"{":
            depth += 1
            uc.append(uc[-1])
            group_start = True
            continue
        if brace == b"}":
            flush()
            if skip_depth is not None and depth == skip_depth:
                skip_depth = None
            depth -= 1
            if len(uc) > 1:
                uc.pop()
            continue
        if skip_depth is not None:
            continue
        if symbol == b"*" and opening:
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
            if opening and name in _SKIPPED:
                skip_depth = depth
                continue
            if name == "u" and arg is not None:
                doc.text(chr(int(arg) & 0xFFFF))
                fallback = uc[-1]
            elif name == "uc" and arg is not None:
                uc[-1] = int(arg)
            elif name in ("par", "line", "sect", "page"):
                doc.end_paragraph()
            elif name == "intbl":
                doc.in_table = True
            elif name in ("cell", "nestcell"):
                doc.end_cell()
            elif name in ("row", "nestrow"):
                doc.end_row()
            elif name == "trowd":
                doc.merged, doc.next_merged = [], False
            elif name in ("clvmrg", "clmrg"):
                doc.next_merged = True
            elif name == "cellx":
                doc.cell_defined()
            elif name in _CHARACTERS:
                doc.text(_CHARACTERS[name])
            continue
        if symbol is not None:
            if fallback:
                fallback -= 1
                continue
            doc.text(_SYMBOLS.get(symbol.decode("latin-1"), ""))
            continue
        if chars is not None:
            text = chars.decode("latin-1")
            if fallback:
                skipped = min(fallback, len(text))
                text, fallback = text[skipped:], fallback - skipped
            if text:
                doc.text(text)
    flush()
    return doc.finish()


def read_rtf(data: bytes, name: str) -> ReaderResult:
    text = rtf_text(data)
    if not text.strip():
        return refused("rtf", f"{name}: RTF with no text")
    return ReaderResult(text, "rtf", STATUS_OK, None)
