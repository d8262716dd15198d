"""The fetcher against a local server that misbehaves in every way the issue lists, run twice."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dagster_project.fetch import provenance as prov
from dagster_project.fetch.provenance import read_records, source_url_by_path
from dagster_project.fetch.run import fetch_all
from dagster_project.ingest.decode import decode_bytes

from fetch_testkit import (
    free_port,
    ListLog,
    conditional,
    make_settings,
    report_html,
    reply,
    reset,
    serving,
    snapshot,
    stall,
    write_manifest,
)

GB_TEXT = "平潭县2013年政府信息公开工作年度报告：朱镕基、䶮、𠀀，收到申请12件"
GBK_TEXT = "福清市2019年政府信息公开工作年度报告（主动公开政府信息1234条）"
PDF_BYTES = b"%PDF-1.4\n% fake annual report\n" + bytes(range(256)) * 4 + b"\n%%EOF\n"
MAX_BYTES = 64 * 1024


def _install_faults(server) -> dict[str, bytes]:
    """Routes for every fault; returns the exact bytes served by the routes that should be stored."""
    served: dict[str, bytes] = {}
    state = {"flaky": 0, "busy": 0}

    server.route("/robots.txt", lambda h: reply(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"))

    flaky = report_html("平潭综合实验区2020年度政府信息公开工作年度报告", "先500后200").encode()
    served["/flaky.html"] = flaky

    def flaky_route(h):
        state["flaky"] += 1
        if state["flaky"] == 1:
            reply(h, 500, b"internal error", "text/plain")
        else:
            conditional(h, flaky, "text/html; charset=utf-8", etag='"flaky-v1"')
    server.route("/flaky.html", flaky_route)

    busy = report_html("平潭综合实验区2021年度政府信息公开工作年度报告", "先429").encode()
    served["/busy.html"] = busy

    def busy_route(h):
        state["busy"] += 1
        if state["busy"] == 1:
            reply(h, 429, b"slow down", "text/plain", {"Retry-After": "1"})
        else:
            conditional(h, busy, "text/html; charset=utf-8", etag='"busy-v1"')
    server.route("/busy.html", busy_route)

    server.route("/stall.html", stall)
    server.route("/reset.html", reset)
    server.route("/loop-a", lambda h: reply(h, 302, b"", None, {"Location": "/loop-b"}))
    server.route("/loop-b", lambda h: reply(h, 302, b"", None, {"Location": "/loop-a"}))

    # GBK bytes, no charset anywhere (header or meta).
    gbk = report_html(GBK_TEXT, GBK_TEXT, charset_meta=None).encode("gbk")
    served["/gbk.html"] = gbk
    server.route("/gbk.html", lambda h: conditional(h, gbk, "text/html", etag='"gbk"'))

    # Declared GB2312 (header and meta) but containing GBK / GB18030-only characters.
    gb = report_html(GB_TEXT, GB_TEXT, charset_meta="gb2312").encode("gb18030")
    served["/gb2312.html"] = gb
    server.route("/gb2312.html", lambda h: conditional(h, gb, "text/html; charset=GB2312", etag='"gb"'))

    # Header says UTF-8, bytes are GBK: the declaration is wrong.
    wrong = report_html(GBK_TEXT, "声明是UTF-8", charset_meta=None).encode("gbk")
    served["/wrong-charset.html"] = wrong
    server.route("/wrong-charset.html", lambda h: conditional(h, wrong, "text/html; charset=utf-8", etag='"wrong"'))

    # Oversize: once streamed without Content-Length, once announced by Content-Length.
    server.route("/big.html", lambda h: reply(h, 200, b"<html>" + b"x" * (MAX_BYTES * 3), "text/html", send_length=False))
    server.route("/big-declared.html", lambda h: reply(h, 200, b"x" * 1000, "text/html", {"Content-Length": str(MAX_BYTES * 100)}, send_length=False))

    served["/report.pdf"] = PDF_BYTES
    server.route("/report.pdf", lambda h: conditional(h, PDF_BYTES, "application/pdf", etag='"pdf"'))
    octet = PDF_BYTES + b"octet"
    served["/download.do"] = octet
    server.route("/download.do", lambda h: conditional(h, octet, "application/octet-stream", etag='"octet"'))

    lastmod = report_html("平潭综合实验区2022年度政府信息公开工作年度报告", "Last-Modified only").encode()
    served["/lastmod.html"] = lastmod
    server.route("/lastmod.html", lambda h: conditional(h, lastmod, "text/html; charset=utf-8",
                                                        last_modified="Wed, 01 Jan 2025 00:00:00 GMT"))

    plain = report_html("平潭综合实验区2023年度政府信息公开工作年度报告", "no validators at all").encode()
    served["/plain.html"] = plain
    server.route("/plain.html", lambda h: reply(h, 200, plain, "text/html; charset=utf-8"))

    notice = report_html("关于2014年政府信息公开工作要点落实情况的函", "不是年报").encode()
    served["/notice.html"] = notice
    server.route("/notice.html", lambda h: conditional(h, notice, "text/html; charset=utf-8", etag='"notice"'))

    server.route("/private/report.html", lambda h: reply(h, 200, flaky, "text/html"))

    # Whatever path a traversal URL ends up requesting is answered with a document.
    evil = report_html("平潭综合实验区2019年度政府信息公开工作年度报告", "served at a traversal path").encode()
    served["traversal"] = evil
    server.route("/etc/passwd", lambda h: conditional(h, evil, "text/html; charset=utf-8", etag='"evil"'))
    server.route_prefix("/docs/", lambda h: conditional(h, evil + b" ", "text/html; charset=utf-8", etag='"evil2"'))
    return served


@pytest.fixture(scope="module")
def fault_server():
    with serving() as srv:
        yield srv


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory, fault_server):
    """Both runs happen once for the module; the tests below read what they left."""
    server = fault_server
    tmp_path = tmp_path_factory.mktemp("faults")
    closed_port = free_port()
    served = _install_faults(server)
    u = server.url
    urls = {
        "flaky": u("/flaky.html"),
        "busy": u("/busy.html"),
        "stall": u("/stall.html"),
        "reset": u("/reset.html"),
        "missing": u("/missing.html"),
        "loop": u("/loop-a"),
        "gbk": u("/gbk.html"),
        "gb2312": u("/gb2312.html"),
        "wrong": u("/wrong-charset.html"),
        "big": u("/big.html"),
        "big_declared": u("/big-declared.html"),
        "pdf": u("/report.pdf"),
        "octet": u("/download.do?id=7"),
        "lastmod": u("/lastmod.html"),
        "plain": u("/plain.html"),
        "notice": u("/notice.html"),
        "private": u("/private/report.html"),
        "dotdot": u("/a/../../../etc/passwd"),
        "encoded": u("/docs/..%2F..%2F..%2Ftmp%2Fevil.html"),
        "file": "file:///etc/passwd",
        "ftp": "ftp://127.0.0.1/report.html",
        "offline": f"http://127.0.0.1:{closed_port}/report.html",
    }
    rows = [{"url": url, "agency": "测试局", "year": "2023"} for url in urls.values()]
    rows.append({"url": urls["flaky"], "agency": "重复行"})  # listed twice in the manifest
    settings = make_settings(tmp_path, max_bytes=MAX_BYTES)
    write_manifest(settings.sources_path, rows)

    log1 = ListLog()
    summary1 = fetch_all(settings, log=log1)
    records1 = list(read_records(settings.fetch_dir))
    log_bytes1 = (settings.fetch_dir / prov.LOG_NAME).read_bytes()
    store1 = snapshot(settings.fetch_dir)

    log2 = ListLog()
    summary2 = fetch_all(settings, log=log2)
    records2 = list(read_records(settings.fetch_dir))[len(records1):]
    return dict(
        settings=settings, server=server, served=served, urls=urls, tmp_path=tmp_path,
        summary1=summary1, records1=records1, log1=log1, log_bytes1=log_bytes1, store1=store1,
        summary2=summary2, records2=records2, log2=log2,
    )


def _by_url(records):
    out = {}
    for record in records:
        assert record["url"] not in out, f"two records for {record['url']} in one run"
        out[record["url"]] = record
    return out


EXPECTED_FIRST = {
    # key: (outcome, reason starts with / contains, attempts)
    "flaky": ("downloaded", None, 2),
    "busy": ("downloaded", None, 2),
    "stall": ("failed", "read timeout", 3),
    "reset": ("failed", "connection reset", 3),
    "missing": ("failed", "HTTP 404", 1),
    "loop": ("failed", "too many redirects", 1),
    "gbk": ("downloaded", None, 1),
    "gb2312": ("downloaded", None, 1),
    "wrong": ("downloaded", None, 1),
    "big": ("failed", "oversize", 1),
    "big_declared": ("failed", "oversize", 1),
    "pdf": ("downloaded", "not HTML: application/pdf", 1),
    "octet": ("downloaded", "not HTML: application/octet-stream, stored as .pdf", 1),
    "lastmod": ("downloaded", None, 1),
    "plain": ("downloaded", None, 1),
    "notice": ("not-a-report", "title does not name an annual report", 1),
    "private": ("robots-disallowed", "disallowed by", 0),
    "dotdot": ("downloaded", None, 1),
    "encoded": ("downloaded", None, 1),
    "file": ("rejected", "scheme 'file' not allowed", 0),
    "ftp": ("rejected", "scheme 'ftp' not allowed", 0),
    "offline": ("failed", "connection refused", 3),
}


def test_every_fault_is_recorded_once_with_its_reason(fault_run):
    records = _by_url(fault_run["records1"])
    urls = fault_run["urls"]
    assert set(records) == set(urls.values())  # one line per URL, the duplicate manifest row included
    for key, (outcome, reason, attempts) in EXPECTED_FIRST.items():
        record = records[urls[key]]
        assert record["outcome"] == outcome, (key, record)
        assert record["attempts"] == attempts, (key, record)
        assert record["retries"] == max(0, attempts - 1)
        if reason is None:
            assert record["reason"] is None, (key, record)
        else:
            assert reason in (record["reason"] or ""), (key, record)
        assert record["fetched_at"].endswith("+00:00")
        assert record["agency"] == "测试局" and record["year"] == 2023


def test_summary_and_log_of_the_first_run(fault_run):
    s = fault_run["summary1"]
    assert (s.fetched, s.unchanged, s.failed, s.rejected, s.robots_disallowed, s.not_reports) == (12, 0, 7, 2, 1, 1)
    # flaky 1 + busy 1 + stall 2 + reset 2 + offline 2
    assert s.retries == 8
    assert s.bytes == sum(len(b) for k, b in fault_run["served"].items() if k != "traversal") + len(fault_run["served"]["traversal"]) * 2 + 1
    assert {f.url for f in s.failures} == {fault_run["urls"][k] for k, v in EXPECTED_FIRST.items()
                                           if v[0] in ("failed", "rejected", "robots-disallowed")}
    log = fault_run["log1"]
    per_document = [m for _, m in log.lines if m.startswith("fetch [")]
    assert len(per_document) == len(fault_run["urls"])
    assert "fetch done: 12 downloaded" in log.text()
    assert any(level == "warning" and "connection refused" in m for level, m in log.lines)
    # a failure whose reason is its status says it once
    missing = next(m for _, m in log.lines if m.startswith("fetch [") and fault_run["urls"]["missing"] in m)
    assert missing.endswith(f"failed: {fault_run['urls']['missing']} (HTTP 404)"), missing


def test_retry_after_and_user_agent_are_honoured(fault_run):
    server = fault_run["server"]
    busy = [s.at for s in server.seen if s.path == "/busy.html"]
    assert busy[1] - busy[0] >= 0.95  # Retry-After: 1 (below backoff_max_s=1.0)
    assert server.sent["/flaky.html"][:2] == [500, 200]
    assert all(s.headers["user-agent"].startswith("govinfo-warehouse/") for s in server.seen)
    assert server.hits["/private/report.html"] == 0  # robots.txt obeyed
    assert server.hits["/big-declared.html"] == 2  # once per run: an oversize answer is not retried
    assert server.hits["/robots.txt"] == 2  # once per origin and run, though 8 workers asked at once


def test_stored_bytes_are_exactly_what_was_served(fault_run):
    settings, served, urls = fault_run["settings"], fault_run["served"], fault_run["urls"]
    records = _by_url(fault_run["records1"])
    for key, route in [("flaky", "/flaky.html"), ("busy", "/busy.html"), ("gbk", "/gbk.html"),
                       ("gb2312", "/gb2312.html"), ("wrong", "/wrong-charset.html"), ("pdf", "/report.pdf"),
                       ("octet", "/download.do"), ("lastmod", "/lastmod.html"), ("plain", "/plain.html"),
                       ("notice", "/notice.html")]:
        record = records[urls[key]]
        stored = settings.raw_dir / record["path"]
        assert stored.read_bytes() == served[route], key
        assert record["bytes"] == len(served[route])
        assert record["path"] == f"_fetched/{record['sha256'][:2]}/{record['sha256']}{stored.suffix}"
    assert records[urls["pdf"]]["path"].endswith(".pdf") and records[urls["pdf"]]["encoding"] is None
    assert records[urls["octet"]]["path"].endswith(".pdf")
    assert records[urls["flaky"]]["path"].endswith(".html")
    assert records[urls["flaky"]]["etag"] == '"flaky-v1"'
    assert records[urls["lastmod"]]["last_modified"] == "Wed, 01 Jan 2025 00:00:00 GMT"


def test_encodings_as_chinese_sites_serve_them(fault_run):
    settings, urls = fault_run["settings"], fault_run["urls"]
    records = _by_url(fault_run["records1"])
    assert records[urls["gbk"]]["encoding"] == "gb18030"  # no charset anywhere
    assert records[urls["gb2312"]]["encoding"] == "gb18030"  # GB2312 declared, GB18030 bytes
    assert records[urls["wrong"]]["encoding"] == "gb18030"  # UTF-8 declared, GBK bytes
    assert records[urls["flaky"]]["encoding"] == "utf-8"
    text = decode_bytes((settings.raw_dir / records[urls["gb2312"]]["path"]).read_bytes()).text
    assert "朱镕基" in text and "䶮" in text and "𠀀" in text
    text = decode_bytes((settings.raw_dir / records[urls["gbk"]]["path"]).read_bytes()).text
    assert GBK_TEXT in text


def test_nothing_a_url_says_reaches_the_filesystem(fault_run):
    settings, urls, tmp_path = fault_run["settings"], fault_run["urls"], fault_run["tmp_path"]
    records = _by_url(fault_run["records1"])
    everything = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    bookkeeping = {"raw/_fetched/provenance.jsonl", "raw/_fetched/.provenance.index.json",
                   "raw/_fetched/.provenance.digest.json"}
    stored = {p for p in everything if p.startswith("raw/_fetched/") and p not in bookkeeping}
    assert everything == stored | {"sources.csv"} | bookkeeping
    for path in stored:
        name = Path(path).name
        assert Path(path).parent.name == name[:2] and len(name.split(".")[0]) == 64
    for key in ("dotdot", "encoded"):
        record = records[urls[key]]
        assert (settings.raw_dir / record["path"]).resolve().is_relative_to(settings.fetch_dir.resolve())
        assert ".." not in record["path"]
    assert not Path("/tmp/evil.html").exists()
    # urllib3 normalises dot segments: the server saw /etc/passwd, and its answer went into the store only.
    assert records[urls["dotdot"]]["final_url"].endswith("/etc/passwd")


def test_second_run_downloads_nothing_and_touches_no_file(fault_run):
    settings, urls, server = fault_run["settings"], fault_run["urls"], fault_run["server"]
    s2 = fault_run["summary2"]
    assert s2.fetched == 0 and s2.bytes == 0
    assert s2.unchanged == 12  # 11 downloaded + 1 not-a-report
    assert (s2.failed, s2.rejected, s2.robots_disallowed) == (7, 2, 1)
    assert snapshot(settings.fetch_dir) == fault_run["store1"]  # same names, bytes, mtimes, inodes

    records2 = _by_url(fault_run["records2"])
    assert set(records2) == set(urls.values())
    first = _by_url(fault_run["records1"])
    for url, record in records2.items():
        if first[url]["outcome"] in ("downloaded", "not-a-report"):
            assert record["outcome"] == "unchanged", record
            assert record["path"] == first[url]["path"] and record["sha256"] == first[url]["sha256"]
        else:
            assert record["outcome"] == first[url]["outcome"]
    assert records2[urls["flaky"]]["reason"] == "HTTP 304 (not modified)"
    assert records2[urls["lastmod"]]["reason"] == "HTTP 304 (not modified)"
    assert records2[urls["plain"]]["reason"] == "same bytes as the stored copy"  # no validators: compared bytes
    # The conditional headers really went out.
    second_flaky = [s for s in server.seen if s.path == "/flaky.html"][-1]
    assert second_flaky.headers["if-none-match"] == '"flaky-v1"'
    second_lastmod = [s for s in server.seen if s.path == "/lastmod.html"][-1]
    assert second_lastmod.headers["if-modified-since"] == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert server.sent["/flaky.html"][-1] == 304 and server.sent["/report.pdf"] == [200, 304]
    assert "fetch done: 0 downloaded" in fault_run["log2"].text()


def test_provenance_is_append_only_and_feeds_ingest(fault_run):
    settings, urls = fault_run["settings"], fault_run["urls"]
    log_now = (settings.fetch_dir / prov.LOG_NAME).read_bytes()
    assert log_now.startswith(fault_run["log_bytes1"])  # run 2 only appended
    lines = log_now.decode("utf-8").splitlines()
    assert len(lines) == 2 * len(urls) and all(json.loads(line) for line in lines)

    latest = {record["url"]: record for record in read_records(settings.fetch_dir)}  # each URL's last
    assert latest[urls["flaky"]]["outcome"] == "unchanged"
    mapping = source_url_by_path(settings.raw_dir)
    first = _by_url(fault_run["records1"])
    assert mapping[first[urls["gb2312"]]["path"]] == urls["gb2312"]
    assert mapping[first[urls["pdf"]]["path"]] == urls["pdf"]
    assert all((settings.raw_dir / path).is_file() for path in mapping)
    assert len(mapping) == 12
