"""The three ways text copies flatten a table, read as one stream of cells.

- one cell per line ending in ``|`` (a lone ``|`` is an empty cell),
- one row per line with cells joined by `` | `` (empty cells may be dropped),
- one cell per line with nothing between (empty cells simply absent).

Every ``|`` terminates a cell, so all three read the same way; explicit empty cells are kept as
``""`` so that callers can use positions when a row is complete. Each cell remembers its line:
empty cells are in place only on a row rendered on one line (HTML); a cell-per-line flattening
may have moved them to the end of the row (``10 |``, ``2 |``, ``12 |``, ``||||||``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..numbers import is_blank


@dataclass(frozen=True)
class CellToken:
    text: str  # stripped cell text, '' for an explicitly empty cell
    line: int  # 0-based line number in the document text

    def __init__(self, text: str, line: int) -> None:
        # (the generated __init__ of a frozen dataclass sets each field through object.__setattr__,
        # four times slower; a page makes hundreds of cells)
        fields = self.__dict__
        fields["text"] = text
        fields["line"] = line


def cell_stream(text: str) -> list[CellToken]:
    cells: list[CellToken] = []
    # (the no-break space is no line break: replaced in the whole text at once, not line by line)
    for lineno, raw in enumerate(text.replace("\xa0", " ").splitlines()):
        line = raw.strip()
        if not line:
            continue
        if "|" not in line:
            cells.append(CellToken(line, lineno))
            continue
        pieces = line.split("|")
        last = pieces.pop()  # text after the last '|' is an unterminated cell
        for piece in pieces:
            cells.append(CellToken(piece.strip(), lineno))
        if last.strip():
            cells.append(CellToken(last.strip(), lineno))
    return cells


def next_filled(cells: list[CellToken], start: int) -> str:
    """The text of the first cell from ``start`` that is not blank, or ''. (A row label's figures follow
    it past the empty cells a flattening keeps.)"""
    for i in range(start, len(cells)):
        if not is_blank(cells[i].text):
            return cells[i].text
    return ""
