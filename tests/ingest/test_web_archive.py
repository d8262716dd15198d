"""A web page saved as one file (MHTML, often named .doc): its HTML page is read, decoded from its part's
transfer encoding and charset, as the page itself is (an outside trial: both were stored as look-alikes,
one read as its base64)."""
from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from dagster_project.ingest.decode import decode_bytes
from dagster_project.ingest.scan import read_document
from dagster_project.parse.report import parse_document

PAGE = Path(__file__).resolve().parents[2] / "raw" / "pingtan" / "201301_80725" / "page.html"


def _archive(html: bytes, encoding: str, charset: str) -> bytes:
    body = base64.encodebytes(html) if encoding == "base64" else quopri.encodestring(html)
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D8"\r\n\r\n'
            b"This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n"
            b"------=_NextPart_01D8\r\nContent-Location: file:///C:/report.htm\r\n"
            b"Content-Transfer-Encoding: " + encoding.encode() + b"\r\n"
            b'Content-Type: text/html; charset="' + charset.encode() + b'"\r\n\r\n' + body
            + b"\r\n------=_NextPart_01D8\r\nContent-Location: file:///C:/report_files/image001.png\r\n"
            b"Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n"
            b"------=_NextPart_01D8--\r\n")


@pytest.mark.parametrize("encoding, charset", [("base64", "utf-8"), ("quoted-printable", "gb2312")])
def test_the_page_of_a_web_archive_is_read_as_the_page(encoding, charset):
    text = decode_bytes(PAGE.read_bytes()).text
    html = text.encode("gb18030" if charset == "gb2312" else "utf-8")
    read = read_document(_archive(html, encoding, charset), "report.doc")
    assert read.refusal is None and read.reader == "html" and read.decoded_how.startswith("web archive (MHTML)")
    archived, page = parse_document(read.text, "report.doc"), parse_document(text, "page.html")
    assert [(f.indicator_code, f.value) for f in archived.figures] == [(f.indicator_code, f.value) for f in page.figures]
    assert len(archived.figures) == 4 and archived.meta.report_year == 2012
    assert (archived.meta.agency_name, archived.meta.doc_type) == ("平潭县人民政府", "annual_report")


def test_a_web_archive_without_a_page_is_refused_with_the_reason():
    images_only = _archive(b"", "base64", "utf-8").replace(b"Content-Type: text/html", b"Content-Type: text/css")
    read = read_document(images_only, "report.mht")
    assert read.refusal == ("a web page saved as one file (MHTML) holding no HTML page: nothing to read", "mhtml")


def test_a_text_that_quotes_mime_headers_further_down_is_no_archive():
    text = ("平潭县2012年政府信息公开工作年度报告\n邮件示例:\nMIME-Version: 1.0\nContent-Type: multipart/related\n").encode("utf-8")
    read = read_document(text, "notes.txt")
    assert read.reader == "text" and "MHTML" not in (read.decoded_how or "")


@pytest.mark.parametrize("name", ["pingtan_2020.docx", "pingtan_2022.xlsx"])
def test_an_office_document_cut_short_is_named_damaged_not_a_zip_of_no_document(name):
    # an outside trial: a .docx cut at 70% was "a zip archive holding no office document: not a document"
    folder = "word" if name.endswith(".docx") else "sheet"
    data = (Path(__file__).resolve().parents[1] / "fixtures" / folder / name).read_bytes()
    read = read_document(data[: len(data) * 7 // 10], name)
    assert read.refusal == ("a damaged office document (.docx or .xlsx): its zip is cut short or corrupt, with no directory "
                            "of its parts: never read (a whole copy of the file is needed)", "zip_damaged_office")
    assert read_document(b"PK\x03\x04", name).refusal[1] == "zip"  # a zip's first bytes and nothing more name no part
