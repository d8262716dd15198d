"""Read a PDF report into the text flattening of the report parser.

Tables become one line per row with cells joined by `` | `` (the flattening of
:mod:`..text.cells`), prose becomes paragraphs, page numbers and footers are dropped, a table that
runs on over a page break stays one table (the rows simply follow, a repeated header is dropped),
and every page ends with a form feed (``\\f``): ``str.splitlines`` treats it as a line break, so the
parser never sees it, while :mod:`.evidence` counts it to name the page a figure was printed on.

A PDF without a text layer (a scan) or whose text layer has no usable character map is not read:
it is reported as ``needs_ocr`` with the reason, never guessed.
"""
from __future__ import annotations

import io
import re

from ..attachments import STATUS_NEEDS_OCR, STATUS_OK, ReaderResult, refused
from .layout import Block, completes_a_label, continued_rows, page_blocks, table_lines
from .paragraphs import HEADING, continues, margins

PAGE_BREAK = "\f"
_CID = re.compile(r"\(cid:\d+\)")


def join_title(blocks: list[Block]) -> list[Block]:
    """The title printed over several large lines at the top of the first page, as one line.

    Covers put the agency on one line and "2023年政府信息公开工作年度报告" on the next; the
    parser reads the issuing agency from the title, so the lines belong together.
    """
    body = [b.size for b in blocks if b.kind == "line"]
    if not body:
        return blocks
    body_size = sorted(body)[len(body) // 2]
    n = 0
    while n < len(blocks) and blocks[n].kind == "line" and blocks[n].size > body_size * 1.15:
        n += 1
    if n < 2 or n > 4:
        return blocks
    title = blocks[0]
    joined = Block(top=title.top, kind="line", text="".join(b.text for b in blocks[:n]),
                   x0=min(b.x0 for b in blocks[:n]), x1=max(b.x1 for b in blocks[:n]), size=title.size)
    return [joined] + blocks[n:]


def _is_header_row(cells: list[str | None]) -> bool:
    return not any(re.fullmatch(r"[\d,.，．\s%-]+", c or "") and (c or "").strip() for c in cells)


def _header_rows(table: Block) -> list[list[str]]:
    if table.header is not None:
        return table.header
    header = []
    for row in table.rows:
        if not _is_header_row(row):
            break
        header.append([c or "" for c in row])
    return header


def _drop_repeated_header(prev_table: Block | None, table: Block) -> None:
    """A table continued on a new page often prints its header rows again: keep them once.

    The header is the one of the page where the table began, so a table running over several pages
    loses the repeat on each of them.
    """
    if prev_table is None:
        return
    header = _header_rows(prev_table)
    n = 0
    while n < len(header) and n < len(table.rows) and [c or "" for c in table.rows[n]] == header[n]:
        n += 1
    if n:
        del table.rows[:n]
        table.header = header


def _finish_split_row(prev_table: Block | None, table: Block, prev_lines: list[str]) -> None:
    """The rest of a row cut by the page break, printed at the top of the next page, joined to it.

    The rest prints no figure and no item number or heading (``请`` of ``4.无正当理由大量反复申请``);
    its figure columns are empty, as the page break closed them. A row of its own whose figures were
    left blank (行政强制 | | at the top of a page) names a row of the tables, and stays one
    (``continued_rows``). The row was the last line of the previous page, which is written again.
    """
    if prev_table is None or not prev_table.rows or not table.rows or not prev_lines:
        return
    before = table_lines(prev_table)
    if not before or prev_lines[-len(before):] != before:
        return
    rest = [None if c is not None and not c.strip() else c for c in table.rows[0]]
    if any(HEADING.match(c.strip()) for c in rest if c):
        return
    if continued_rows(prev_table.rows, rest) or completes_a_label(prev_table.rows, rest):
        del table.rows[0]
        prev_lines[-len(before):] = table_lines(prev_table)


def _page_text(blocks: list[Block], carry_prose: bool, prev_table: Block | None,
               prev_lines: list[str] | None = None) -> tuple[list[str], bool, Block | None]:
    """The lines of one page; whether its last prose line may continue on the next page; its last table.

    ``prev_lines`` are the previous page's lines, where a row cut by the page break is finished."""
    prose = [b for b in blocks if b.kind == "line"]
    left, right = margins(prose)
    out: list[str] = []
    prev: Block | None = None
    for i, block in enumerate(blocks):
        if block.kind == "table":
            if i == 0:
                _drop_repeated_header(prev_table, block)
                _finish_split_row(prev_table, block, prev_lines or [])
            out.extend(table_lines(block))
            prev_table, prev = block, None
            continue
        joined = prev is not None and continues(prev, block, right, left)
        if joined or (prev is None and not out and carry_prose and block.x0 <= left + max(block.size, 6.0) * 0.8):
            if out:
                out[-1] += block.text
            else:
                out.append(PAGE_BREAK_JOIN + block.text)
        else:
            out.append(block.text)
        prev = block
    last = blocks[-1] if blocks else None
    ends_in_prose = bool(last and last.kind == "line" and last.x1 >= right - 1.5 * max(last.size, 6.0))
    if blocks and blocks[-1].kind == "line":
        prev_table = None
    return out, ends_in_prose, prev_table


PAGE_BREAK_JOIN = "\x00"  # marks a first line that continues the previous page's last paragraph


def _assemble(pages: list[list[str]]) -> str:
    """Pages joined with form feeds; a paragraph running over a page break stays one line."""
    lines: list[str] = []
    for page in pages:
        for j, line in enumerate(page):
            if j == 0 and line.startswith(PAGE_BREAK_JOIN) and lines:
                # the paragraph belongs to the page where it starts: the page break follows it
                last = lines.pop()
                if last == PAGE_BREAK and lines:
                    lines[-1] += line[1:]
                    lines.append(PAGE_BREAK)
                    continue
                lines.append(last)
                line = line[1:]
            lines.append(line.lstrip(PAGE_BREAK_JOIN))
        lines.append(PAGE_BREAK)
    return "\n".join(lines).replace("\n" + PAGE_BREAK + "\n", "\n" + PAGE_BREAK)


def _sideways(page) -> bool:
    """Most of the page's characters are not upright on the page as it is shown: a page turned by
    its /Rotate over text set upright, or text set turned on an upright page."""
    chars = page.chars
    return bool(chars) and sum(1 for c in chars if not c.get("upright", True)) > len(chars) / 2


def read_pdf(data: bytes, name: str) -> ReaderResult:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSEOF

    from ...settings import get_settings

    knobs = get_settings().attachments
    max_pages, min_chars = knobs.pdf_max_pages, knobs.pdf_min_text_chars_per_page

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        # pdfplumber wraps pdfminer's errors (PdfminerException(PDFPasswordIncorrect())): the cause is its argument
        cause = next((arg for arg in (exc, *exc.args) if isinstance(arg, (PDFPasswordIncorrect, PDFEncryptionError))), None)
        if cause is not None:
            return refused("pdf", f"{name}: encrypted PDF: a password is needed to read it ({type(cause).__name__})")
        damage = next((arg for arg in (exc, *exc.args) if isinstance(arg, (PSEOF, PDFSyntaxError))), None)
        if damage is not None:
            # a download or copy that stopped early ends before the PDF's cross-reference table
            return refused("pdf", f"{name}: damaged PDF, cut short or corrupt ({type(damage).__name__}: {damage})")
        raise
    with pdf:
        n_pages = len(pdf.pages)
        if n_pages == 0:
            return refused("pdf", f"{name}: PDF with no pages")
        pages = pdf.pages[:max_pages]
        page_lines: list[list[str]] = []
        carry, prev_table = False, None
        chars = images = 0
        scanned_pages: list[int] = []  # image-only pages inside a text PDF: their figures are not read
        sideways_pages: list[int] = []  # pages whose text is printed turned a quarter: not read
        for number, page in enumerate(pages):
            chars += len(page.chars)
            images += len(page.images)
            if page.images and len(page.chars) < min_chars:
                scanned_pages.append(number + 1)
            if _sideways(page):
                # its lines run down the page: read across, they gave figures of other rows (the fee,
                # 7730.28, as a count of requests denied)
                sideways_pages.append(number + 1)
                page_lines.append([])
                carry, prev_table = False, None
                page.close()
                continue
            blocks = page_blocks(page, knobs.pdf_column_gap_em)
            if number == 0:
                blocks = join_title(blocks)
            lines, carry, prev_table = _page_text(blocks, carry, prev_table, page_lines[-1] if page_lines else None)
            page_lines.append(lines)
            page.close()  # drop the page's parsed objects: memory stays bounded by one page
        if chars < min_chars * len(pages) and not images:
            # no text and no image: blank pages, which no OCR would read either
            return refused("pdf", f"{name}: blank PDF: {chars} characters and no images on {len(pages)} page(s)")
        if chars < min_chars * len(pages):
            return ReaderResult("", "pdf", STATUS_NEEDS_OCR,
                                f"{name}: no text layer ({chars} characters on {len(pages)} page(s), {images} image(s)): "
                                "a scanned PDF needs OCR")
    text = _assemble(page_lines)
    unmapped = len(_CID.findall(text))
    if unmapped and unmapped > knobs.pdf_max_unmapped_share * max(1, len(text) - 8 * unmapped):
        return ReaderResult("", "pdf", STATUS_NEEDS_OCR,
                            f"{name}: the text layer has no usable character map ({unmapped} unmapped glyphs)")
    notes = []
    if scanned_pages:
        notes.append(f"page(s) {', '.join(map(str, scanned_pages))} have no text layer (scanned): not read")
    if sideways_pages:
        notes.append(f"page(s) {', '.join(map(str, sideways_pages))} print their text sideways: not read")
    if n_pages > max_pages:
        notes.append(f"only the first {max_pages} of {n_pages} pages read")
    return ReaderResult(text, "pdf", STATUS_OK, f"{name}: " + "; ".join(notes) if notes else None)
