"""Attachments: report pages link their report as a PDF (or Word) file; the fetcher follows those links.

A real HTTP server on 127.0.0.1 serves a list page, a report page whose content is only
"附件: …年度报告.pdf", and the two real PDFs of tests/fixtures/pdf.
"""
from __future__ import annotations

from pathlib import Path

from dagster_project.fetch.listing import attachment_kind, attachment_links
from dagster_project.fetch.provenance import read_records, source_url_by_path
from dagster_project.fetch.run import fetch_all
from dagster_project.fetch.store import extension_for
from fetch_testkit import FIXTURES, ListLog, conditional, make_settings, reply, write_manifest

SITE = FIXTURES / "pdf" / "web"
PAGE, LIST = "/xxgk/ndbg/t20250225_1.html", "/xxgk/ndbg/"
PDF_2024, PDF_2023 = "/attach/2025/0225/hzq2024.pdf", "/attach/2024/0226/hzq2023.pdf"


def serve(server) -> dict[str, bytes]:
    bodies = {PAGE: (SITE / "report_page.html").read_bytes(), LIST: (SITE / "list.html").read_bytes(),
              PDF_2024: (FIXTURES / "pdf" / "hongze_2024.pdf").read_bytes(),
              PDF_2023: (FIXTURES / "pdf" / "hongze_2023.pdf").read_bytes()}
    server.route(LIST, lambda h: reply(h, 200, bodies[LIST], "text/html; charset=utf-8"))
    server.route(PAGE, lambda h: conditional(h, bodies[PAGE], "text/html; charset=utf-8", etag='"p1"'))
    # CMSes serve attachments as octet-stream: the bytes and the link's extension decide
    server.route(PDF_2024, lambda h: conditional(h, bodies[PDF_2024], "application/octet-stream", etag='"a1"'))
    server.route(PDF_2023, lambda h: reply(h, 200, bodies[PDF_2023], "application/pdf"))
    return bodies


def run(tmp_path: Path, server, rows):
    settings = make_settings(tmp_path, max_bytes=2 * 1024 * 1024)
    write_manifest(settings.sources_path, rows)
    return settings, fetch_all(settings, log=ListLog())


def test_a_page_holding_only_a_link_brings_its_pdf(tmp_path, server):
    bodies = serve(server)
    settings, summary = run(tmp_path, server, [{"url": server.url(PAGE), "agency": "洪泽区人民政府"}])
    assert server.hits[PDF_2024] == 1 and summary.fetched == 2 and summary.failed == 0
    records = {r["url"]: r for r in read_records(settings.fetch_dir)}
    pdf = records[server.url(PDF_2024)]
    assert pdf["kind"] == "attachment" and pdf["outcome"] == "downloaded"
    assert pdf["parent_url"] == server.url(PAGE)
    assert pdf["title"] == "淮安市洪泽区人民政府2024年政府信息公开工作年度报告.pdf"
    assert pdf["agency"] == "洪泽区人民政府" and pdf["path"].endswith(".pdf")
    assert (settings.raw_dir / pdf["path"]).read_bytes() == bodies[PDF_2024]
    # both URLs are kept: each stored file maps back to the URL that brought it
    mapping = source_url_by_path(settings.raw_dir)
    assert mapping[pdf["path"]] == server.url(PDF_2024)
    assert mapping[records[server.url(PAGE)]["path"]] == server.url(PAGE)


def test_a_second_run_asks_again_conditionally_and_stores_nothing_new(tmp_path, server):
    serve(server)
    rows = [{"url": server.url(PAGE)}]
    settings, _ = run(tmp_path, server, rows)
    summary = fetch_all(settings, log=ListLog())
    assert (summary.fetched, summary.unchanged, summary.failed) == (0, 2, 0)
    assert server.sent[PDF_2024] == [200, 304]  # followed from the stored page, validators sent


def test_list_page_links_to_attachments_count_as_reports(tmp_path, server):
    serve(server)
    settings, summary = run(tmp_path, server, [{"url": server.url(LIST), "kind": "listing"}])
    assert server.hits[PDF_2023] == 1 and server.hits[PAGE] == 1 and server.hits[PDF_2024] == 1
    records = {r["url"]: r for r in read_records(settings.fetch_dir)}
    listed = records[server.url(PDF_2023)]
    assert listed["kind"] == "report" and listed["listing_url"] == server.url(LIST) and listed["year"] == 2023
    assert listed["path"].endswith(".pdf")
    followed = records[server.url(PDF_2024)]
    assert followed["kind"] == "attachment" and followed["listing_url"] == server.url(LIST)
    assert summary.fetched == 3


def test_attachment_links_and_kinds():
    html = (SITE / "report_page.html").read_text(encoding="utf-8")
    links = attachment_links(html, "http://example.test/xxgk/ndbg/t1.html")
    assert [(l.url, l.text) for l in links] == [
        ("http://example.test/attach/2025/0225/hzq2024.pdf", "淮安市洪泽区人民政府2024年政府信息公开工作年度报告.pdf")]
    assert [attachment_kind(u) for u in ("a/b.PDF", "x.docx?id=1", "x.wps", "x.html", "x.xlsx")] == \
        ["pdf", "docx", "wps", None, "xlsx"]  # the query is not part of the name
    many = "".join(f'<a href="/f{i}.doc">f{i}</a>' for i in range(50))
    assert len(attachment_links(many, "http://example.test/", limit=20)) == 20


def test_store_extension_of_attachments():
    ole, zip_docx = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, b"PK\x03\x04" + b"word/document.xml"
    assert extension_for("application/octet-stream", b"%PDF-1.7", "http://a/x.bin") == ".pdf"
    assert extension_for("application/octet-stream", ole, "http://a/r.wps") == ".wps"
    assert extension_for("application/octet-stream", ole, "http://a/r") == ".doc"
    assert extension_for("application/zip", zip_docx, "http://a/r") == ".docx"
    assert extension_for("application/msword", ole) == ".doc"
    assert extension_for("text/html", b"%PDF-1.4 ...", "http://a/r.pdf") == ".pdf"  # a lying server
