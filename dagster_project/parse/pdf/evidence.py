"""Name the page a PDF figure was printed on, in its evidence ("p.3: 行政许可 | 550").

The PDF reader ends every page with a form feed. The table parsers record a figure's evidence as
its printed row label and cell (``label | raw``); the page is the one holding the first line, from
where the previous figure was found onwards, that carries that label and that cell.
"""
from __future__ import annotations

import re
from dataclasses import replace

PAGE_BREAK = "\f"


def line_pages(text: str) -> list[int]:
    """The 1-based page of every line of ``text.splitlines()``."""
    pages, page = [], 1
    for line in text.splitlines(keepends=True):
        pages.append(page)
        if line.endswith(PAGE_BREAK):
            page += 1
    return pages


def _norm(text: str) -> str:
    return "".join(text.split())


def _find(lines: list[str], label: str, raw: str, start: int, in_a_row: bool = False) -> int | None:
    """The first line from ``start`` on (then from the top) holding ``label`` and ``raw``; with ``in_a_row``
    a table row's line (cells joined by |) first: a table figure's label and value are also a sentence's
    words (新增公开市政府规章1件 on page 1; 规章 | 1 | 0 | 11 on page 3)."""
    for rows_only in (True, False) if in_a_row else (False,):
        for order in (range(start, len(lines)), range(0, start)):
            for i in order:
                line = lines[i]
                if label in line and (not raw or raw in line) and ("|" in line or not rows_only):
                    return i
    return None


def _table_four_row(lines: list[str]) -> int | None:
    """Table four prints its figures in one row of numbers under the 行政复议 / 行政诉讼 headers."""
    heading = next((i for i, line in enumerate(lines) if "行政复议" in line and "行政诉讼" in line), None)
    if heading is None:
        return None
    for i in range(heading + 1, min(heading + 12, len(lines))):
        cells = [c.strip() for c in lines[i].split("|") if c.strip()]
        if len(cells) >= 5 and all(re.fullmatch(r"[-\d.,]+", c) for c in cells):
            return i
    return None


def with_pages(text: str, figures: list) -> list:
    """``figures`` with "p.N: " before the evidence of every figure whose row is found in ``text``."""
    if PAGE_BREAK not in text:
        return figures
    raw_lines = text.splitlines()
    pages = line_pages(text)
    lines = [_norm(line) for line in raw_lines]
    t4 = None
    cursor = 0
    out = []
    for figure in figures:
        evidence = figure.evidence or ""
        label, _, raw = (part.strip() for part in evidence.partition("|"))
        index = None
        if getattr(figure, "source", "table") != "table" or not label:
            index = _find(lines, _norm(evidence)[:30], "", cursor) if evidence else None
        elif label.startswith("表四"):
            t4 = _table_four_row(raw_lines) if t4 is None else t4
            index = t4
        else:
            index = _find(lines, _norm(label), _norm(raw), cursor, in_a_row=True)
        if index is None:
            out.append(figure)
            continue
        cursor = index
        out.append(replace(figure, evidence=f"p.{pages[index]}: {evidence}"))
    return out
