"""Do the office readers give a page's table figures? Each HTML page rebuilt as Word, PDF, .doc, RTF, .xlsx and .xls.

    .venv/bin/python scripts/compare_readers.py [PAGE.html ...] [--keep DIR]

Needs LibreOffice (``soffice``: Debian's libreoffice-writer-nogui and libreoffice-calc-nogui). Without page
arguments every .html/.htm page under tests/fixtures whose parse gives five or more table figures is used.
Each page becomes a .docx cell by cell (tests/fixtures/word/build_from_page.py: its tables as Word tables with
the page's merged cells); LibreOffice exports that to PDF, .doc and RTF, as agencies publish their reports, and
opens the page itself as a spreadsheet (its HTML import) to save .xlsx and .xls. Every file is read by the reader of its
kind and parsed; its table figures (t2, t3, t4) are compared with the page's. Prints, per kind, the pages read
as the page reads, the figures right, read otherwise, extra and missed, and one line for each page that differs.
Asserts nothing.
"""
from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "word"))

MIN_FIGURES = 5
# kind -> soffice arguments that make it from the .docx (or, for a spreadsheet, from the page)
EXPORTS = {
    "pdf": ["--convert-to", "pdf"],
    "doc": ["--convert-to", "doc:MS Word 97"],
    "rtf": ["--convert-to", "rtf"],
    "xlsx": ["--infilter=HTML (StarCalc)", "--convert-to", "xlsx:Calc MS Excel 2007 XML"],
    "xls": ["--infilter=HTML (StarCalc)", "--convert-to", "xls:MS Excel 97"],
}


def table_figures(report) -> dict[tuple[str, str], float]:
    return {(f.indicator_code, f.applicant_type): f.value for f in report.figures if f.indicator_code[:3] in ("t2.", "t3.", "t4.")}


def pages_with_tables(paths: list[Path]) -> list[tuple[Path, str, dict]]:
    from dagster_project.ingest.decode import decode_bytes
    from dagster_project.parse.model import DocumentParseError
    from dagster_project.parse.report import parse_document

    chosen = []
    for path in paths:
        html = decode_bytes(path.read_bytes()).text
        try:
            figures = table_figures(parse_document(html, path.name))
        except DocumentParseError:  # a page the parser refuses has no figures to compare
            continue
        if len(figures) >= MIN_FIGURES:
            chosen.append((path, html, figures))
    return chosen


def soffice(args: list[str], files: list[Path], outdir: Path) -> None:
    subprocess.run(["soffice", "--headless", *args, "--outdir", str(outdir), *map(str, files)],
                   check=True, capture_output=True, timeout=1800)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--keep", type=Path, help="keep the files made in this folder")
    args = parser.parse_args()
    if shutil.which("soffice") is None:
        print("compare_readers: soffice (LibreOffice) is not installed", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)  # pdfminer's notes on fonts
    from build_from_page import build

    from dagster_project.parse.attachments import read_attachment
    from dagster_project.parse.report import parse_document

    paths = args.pages or sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in (".html", ".htm"))
    work = Path(args.keep or tempfile.mkdtemp(prefix="compare_readers_"))
    (work / "docx").mkdir(parents=True, exist_ok=True)
    (work / "html").mkdir(exist_ok=True)
    pages, not_built = {}, []
    for n, (path, html, figures) in enumerate(pages_with_tables(paths)):
        stem = f"{n:03d}_{path.stem}"
        try:
            build(html, str(work / "docx" / f"{stem}.docx"))
        except AssertionError as exc:  # a page whose tables have no heading line of their own (a pager's cut)
            not_built.append(f"{path}: {exc}")
            continue
        (work / "html" / f"{stem}.html").write_text(html, encoding="utf-8")
        pages[stem] = (path, figures)
    print(f"{len(pages)} pages with {MIN_FIGURES}+ table figures rebuilt as Word; {len(not_built)} not rebuilt")
    for line in not_built:
        print(f"  not rebuilt: {line}")
    for kind in ("docx", *EXPORTS):
        if kind != "docx":
            (work / kind).mkdir(exist_ok=True)
            sources = sorted((work / ("html" if kind.startswith("xls") else "docx")).glob("*.*"))
            soffice(EXPORTS[kind], sources, work / kind)
        totals, differ = Counter(), []
        for stem, (path, want) in sorted(pages.items()):
            made = work / kind / f"{stem}.{kind}"
            result = read_attachment(made.read_bytes(), kind, made.name) if made.exists() else None
            got = table_figures(parse_document(result.text, made.name)) if result and result.text else {}
            wrong = sum(1 for k in got if k in want and got[k] != want[k])
            counts = Counter(right=sum(1 for k in got if want.get(k) == got[k]), wrong=wrong,
                             extra=sum(1 for k in got if k not in want), missed=sum(1 for k in want if k not in got))
            totals.update(counts, pages=1, same=int(got == want), figures=len(want))
            if got != want:
                differ.append(f"    {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
                              + ", ".join(f"{k} {v}" for k, v in counts.items() if k != "right" and v))
        print(f"{kind:5}: {totals['same']} of {totals['pages']} pages as the page; figures {totals['right']} of "
              f"{totals['figures']} right, {totals['wrong']} read otherwise, {totals['extra']} extra, {totals['missed']} missed")
        print("\n".join(differ))
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
