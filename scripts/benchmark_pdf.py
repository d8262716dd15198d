"""Parse time per PDF page: the PDF reader (pdfplumber) and the report parser, on real PDFs.

    .venv/bin/python scripts/benchmark_pdf.py [PDF ...]   (default: tests/fixtures/pdf/*.pdf)

Prints, per file, the pages, the seconds to read the PDF into text and to parse that text, and the
seconds per page; then the totals. Scanned PDFs (needs_ocr) are listed without a time per page.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dagster_project.parse.attachments import read_attachment  # noqa: E402
from dagster_project.parse.report import parse_document  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    args = parser.parse_args()
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pdfs = args.pdfs or sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf"))
    # the first parse loads the agency gazetteer and the patterns: not a cost of any one page
    parse_document("某某县人民政府2023年政府信息公开工作年度报告\n" * 3, "warm-up")
    total_pages = total_read = total_parse = 0.0
    print(f"{'file':40} {'pages':>5} {'read s':>8} {'parse s':>8} {'s/page':>8} {'figures':>8}  status")
    for path in pdfs:
        data = path.read_bytes()
        start = time.perf_counter()
        result = read_attachment(data, "pdf", str(path))
        read_s = time.perf_counter() - start
        if result.status != "ok":
            print(f"{path.name[:40]:40} {'':>5} {read_s:8.3f} {'':>8} {'':>8} {'':>8}  {result.status}")
            continue
        pages = result.text.count("\f")
        start = time.perf_counter()
        report = parse_document(result.text, str(path))
        parse_s = time.perf_counter() - start
        total_pages += pages
        total_read += read_s
        total_parse += parse_s
        print(f"{path.name[:40]:40} {pages:5d} {read_s:8.3f} {parse_s:8.3f} {(read_s + parse_s) / pages:8.3f}"
              f" {len(report.figures):8d}  ok")
    if total_pages:
        print(f"{'total':40} {int(total_pages):5d} {total_read:8.3f} {total_parse:8.3f}"
              f" {(total_read + total_parse) / total_pages:8.3f}")


if __name__ == "__main__":
    main()
