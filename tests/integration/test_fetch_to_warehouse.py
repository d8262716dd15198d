"""Fetch → warehouse end to end: a real HTTP server on 127.0.0.1, the whole `build_warehouse` job in-process,
real dbt and DuckDB.

Four builds of the job, in two module-scoped fixtures:

* ``fault_builds`` — a manifest of good report pages and every fault the issue lists, built twice
  (run 2 must download and parse nothing), then built a third time after the server went away
  (no network: the run goes on with what is on disk).
* ``pingtan_build`` — the real Pingtan 政府信息公开年报 list page and its reports, served locally.
"""
from __future__ import annotations

import hashlib
import math
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest

from warehouse_job import materialize
from seed_gold import gold_values, pingtan_cases, seed_cases

_FETCH_TESTS = str(Path(__file__).resolve().parent.parent / "fetch")
if _FETCH_TESTS not in sys.path:
    sys.path.insert(0, _FETCH_TESTS)
from fetch_testkit import (  # noqa: E402  (the fetch tests' server kit, shared rather than copied)
    FIXTURES,
    FaultServer,
    conditional,
    reply,
    reset,
    snapshot,
    stall,
    write_manifest,
)

from dagster_project.fetch.provenance import LOG_NAME, read_records  # noqa: E402
from dagster_project.fetch.provenance_index import DIGEST_NAME, INDEX_NAME  # noqa: E402

SITE = FIXTURES / "pingtan_site"
ORIGIN = "https://www.pingtan.gov.cn"
LIST_PATH = "/zwgk/zfxxgk/zfxxgknb/"
NOT_A_REPORT = "201412_80787"  # 关于2014年政府信息公开工作要点落实情况的函: listed, but not an annual report
GOLD = {path.stem: gold for path, gold in pingtan_cases()}
MAX_BYTES = 512 * 1024  # the largest Pingtan page is 367 KB
GB18030_ONLY = "附注：朱镕基、䶮、𠀀"  # 镕 is outside GB2312, 䶮 and 𠀀 outside GBK
PDF_BYTES = b"%PDF-1.4\n% not an html page\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"

FETCH_ENV = {
    "GOVINFO_FETCH_CONNECT_TIMEOUT_S": "1",
    "GOVINFO_FETCH_READ_TIMEOUT_S": "0.5",
    "GOVINFO_FETCH_TOTAL_TIMEOUT_S": "10",
    "GOVINFO_FETCH_MAX_RETRIES": "2",
    "GOVINFO_FETCH_BACKOFF_BASE_S": "0.05",
    "GOVINFO_FETCH_BACKOFF_MAX_S": "1",
    "GOVINFO_FETCH_MAX_BYTES": str(MAX_BYTES),
    "GOVINFO_FETCH_MAX_REDIRECTS": "3",
    "GOVINFO_FETCH_PER_HOST_MIN_INTERVAL_S": "0",
    "GOVINFO_FETCH_RECHECK_AFTER_HOURS": "0",
    "GOVINFO_FETCH_PER_HOST_CONCURRENCY": "4",
    "GOVINFO_FETCH_MAX_WORKERS": "4",
    "GOVINFO_FETCH_LISTING_MAX_PAGES": "5",
}


# -- helpers -------------------------------------------------------------------------------------------


def _materialize(monkeypatch: pytest.MonkeyPatch, raw_dir: Path, warehouse: Path, sources: Path):
    """The whole `build_warehouse` job, in-process, against this scenario's folders and manifest."""
    return materialize(raw_dir, warehouse, GOVINFO_SOURCES=sources, **FETCH_ENV)


def _metadata(result, node: str, key_path: list[str] | None = None) -> dict:
    materializations = result.asset_materializations_for_node(node)
    if key_path is not None:
        materializations = [m for m in materializations if m.asset_key.path == key_path]
    if not materializations:
        return {}  # the step failed: the test reports `failed_steps`
    return {key: value.value for key, value in materializations[0].metadata.items()}


def _run_facts(result) -> dict:
    return dict(
        success=result.success,
        failed_steps=[(e.step_key, e.event_specific_data.error.message.strip()[:500])
                      for e in result.all_events if e.event_type_value == "STEP_FAILURE"],
        fetch=_metadata(result, "fetched_documents"),
        ingest=_metadata(result, "staging__documents"),
        staged=_metadata(result, "staged_reports", ["staging", "figures"]),
    )


def _marts(warehouse: Path) -> dict:
    """What the marts hold, read once (later builds of the same warehouse must not be able to hide anything)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cursor = con.execute(
            "select r.report_id, r.source_path, r.source_url, r.sha256, r.doc_type, r.report_year, r.template_code, "
            "r.parse_status, r.encoding, a.agency_name from marts.dim_report r left join marts.dim_agency a using (agency_id)")
        names = [d[0] for d in cursor.description]
        reports = {row[0]: dict(zip(names, row)) for row in cursor.fetchall()}
        values: dict[str, dict[tuple[str, str], float]] = {}
        for report_id, code, applicant, value in con.execute(
                "select report_id, indicator_code, applicant_type, value from marts.fct_indicator_value").fetchall():
            values.setdefault(report_id, {})[(code, applicant)] = value
        texts = dict(con.execute("select report_id, text from staging.documents").fetchall())
    finally:
        con.close()
    return dict(reports=reports, values=values, texts=texts)


def _report_by_url(marts: dict, url: str) -> dict:
    found = [r for r in marts["reports"].values() if r["source_url"] == url]
    assert len(found) == 1, (url, found)
    return found[0]


def _assert_gold_figures(marts: dict, report: dict, gold: dict, label: str) -> None:
    got = marts["values"].get(report["report_id"], {})
    want = gold_values(gold)
    assert want, label
    wrong = {k: (v, got.get(k)) for k, v in want.items()
             if got.get(k) is None or not math.isclose(got[k], v, rel_tol=1e-9, abs_tol=1e-6)}
    assert wrong == {}, label


def _stop(server: FaultServer) -> None:
    if getattr(server, "_stopped", False):
        return
    server._stopped = True
    server.release.set()
    server.shutdown()
    server.server_close()


def _page(folder: str) -> bytes:
    return (SITE / "reports" / f"{folder}.html").read_bytes()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- scenario 1, 2 and 4: faults, a second run, no network ------------------------------------------


def _install_faults(server: FaultServer) -> dict[str, dict]:
    """Routes for good pages and every fault; returns key -> {path, body (bytes served), gold}."""
    pages: dict[str, dict] = {}
    hits = {"flaky": 0, "busy": 0}

    def add(key: str, path: str, body: bytes, gold: str | None):
        pages[key] = dict(path=path, body=body, gold=GOLD[gold] if gold else None)

    # 500 first, then the page (with an ETag, so run 2 is a 304)
    flaky = _page("202001_80576")
    add("flaky", "/flaky.html", flaky, "202001_80576")

    def flaky_route(h):
        hits["flaky"] += 1
        if hits["flaky"] == 1:
            reply(h, 500, b"internal error", "text/plain")
        else:
            conditional(h, flaky, "text/html; charset=utf-8", etag='"flaky-v1"')
    server.route("/flaky.html", flaky_route)

    # 429 with Retry-After: 1, then the page
    busy = _page("202103_80595")
    add("busy", "/busy.html", busy, "202103_80595")

    def busy_route(h):
        hits["busy"] += 1
        if hits["busy"] == 1:
            reply(h, 429, b"slow down", "text/plain", {"Retry-After": "1"})
        else:
            conditional(h, busy, "text/html; charset=utf-8", etag='"busy-v1"')
    server.route("/busy.html", busy_route)

    # GBK bytes, no charset anywhere (neither header nor <meta>)
    text = _page("202202_80613").decode("utf-8").replace('<meta charset="utf-8" ', "<meta ", 1)
    assert "charset" not in text.lower()
    gbk = text.encode("gbk")
    add("gbk", "/gbk.html", gbk, "202202_80613")
    server.route("/gbk.html", lambda h: conditional(h, gbk, "text/html", etag='"gbk"'))

    # GB2312 declared (header and <meta>), GB18030 bytes with characters GB2312 and GBK do not have
    text = _page("202302_80629").decode("utf-8").replace('<meta charset="utf-8" ', '<meta charset="gb2312" ', 1)
    gb = text.replace("</body>", f"<p>{GB18030_ONLY}</p></body>", 1).encode("gb18030")
    add("gb2312", "/gb2312.html", gb, "202302_80629")
    server.route("/gb2312.html", lambda h: conditional(h, gb, "text/html; charset=GB2312", etag='"gb2312"'))

    # plain good pages: ETag, Last-Modified only, no validators at all (compared by bytes on run 2)
    etag_page = _page("202403_87885")
    add("etag", "/etag.html", etag_page, "202403_87885")
    server.route("/etag.html", lambda h: conditional(h, etag_page, "text/html; charset=utf-8", etag='"etag-v1"'))
    lastmod = _page("202503_97791")
    add("lastmod", "/lastmod.html", lastmod, "202503_97791")
    server.route("/lastmod.html", lambda h: conditional(h, lastmod, "text/html; charset=utf-8",
                                                        last_modified="Wed, 01 Jan 2025 00:00:00 GMT"))
    plain = _page("202603_105587")
    add("plain", "/plain.html", plain, "202603_105587")
    server.route("/plain.html", lambda h: reply(h, 200, plain, "text/html; charset=utf-8"))

    # whatever a ../ URL ends up asking for is answered with a report: it must land in the store, nowhere else
    traversal = _page("201901_80529")
    add("dotdot", "/etc/passwd", traversal, "201901_80529")
    server.route("/etc/passwd", lambda h: conditional(h, traversal, "text/html; charset=utf-8", etag='"dotdot"'))

    # not HTML: stored as evidence, not ingested
    add("pdf", "/report.pdf", PDF_BYTES, None)
    server.route("/report.pdf", lambda h: conditional(h, PDF_BYTES, "application/pdf", etag='"pdf"'))

    server.route("/stall.html", stall)
    server.route("/reset.html", reset)
    server.route("/loop-a", lambda h: reply(h, 302, b"", None, {"Location": "/loop-b"}))
    server.route("/loop-b", lambda h: reply(h, 302, b"", None, {"Location": "/loop-a"}))
    server.route("/big.html", lambda h: reply(h, 200, b"<html>" + b"x" * (MAX_BYTES * 2), "text/html", send_length=False))
    return pages


# key: (outcome, reason contains (None: no reason), attempts) on run 1
FAULTS_RUN1 = {
    "flaky": ("downloaded", None, 2),
    "busy": ("downloaded", None, 2),
    "gbk": ("downloaded", None, 1),
    "gb2312": ("downloaded", None, 1),
    "etag": ("downloaded", None, 1),
    "lastmod": ("downloaded", None, 1),
    "plain": ("downloaded", None, 1),
    "dotdot": ("downloaded", None, 1),
    "pdf": ("downloaded", "not HTML: application/pdf", 1),
    "stall": ("failed", "read timeout", 3),
    "reset": ("failed", "connection reset", 3),
    "missing": ("failed", "HTTP 404", 1),
    "loop": ("failed", "too many redirects", 1),
    "big": ("failed", "oversize", 1),
    "file": ("rejected", "scheme 'file' not allowed", 0),
    "ftp": ("rejected", "scheme 'ftp' not allowed", 0),
}
GOOD_HTML = ("flaky", "busy", "gbk", "gb2312", "etag", "lastmod", "plain", "dotdot")
STORED = GOOD_HTML + ("pdf",)
FAILED = tuple(k for k, v in FAULTS_RUN1.items() if v[0] in ("failed", "rejected"))


@pytest.fixture(scope="module")
def fault_server():
    server = FaultServer()
    server.thread.start()
    yield server
    _stop(server)


@pytest.fixture(scope="module")
def fault_builds(tmp_path_factory, fault_server):
    server = fault_server
    root = tmp_path_factory.mktemp("fetch_faults")
    raw, warehouse, sources = root / "raw", root / "wh" / "warehouse.duckdb", root / "sources.csv"
    raw.mkdir()
    warehouse.parent.mkdir()
    local = []
    for path, _ in seed_cases():  # local documents, no URL
        shutil.copy(path, raw / path.name)
        local.append(path.name)
    pages = _install_faults(server)
    u = server.url
    urls = {key: u(page["path"]) for key, page in pages.items()}
    urls.update(
        dotdot=u("/a/../../../etc/passwd"),
        stall=u("/stall.html"),
        reset=u("/reset.html"),
        missing=u("/missing.html"),
        loop=u("/loop-a"),
        big=u("/big.html"),
        file="file:///etc/passwd",
        ftp="ftp://127.0.0.1/report.html",
    )
    assert set(urls) == set(FAULTS_RUN1)
    write_manifest(sources, [{"url": urls[key], "agency": "平潭综合实验区管理委员会"} for key in FAULTS_RUN1])

    monkeypatch = pytest.MonkeyPatch()
    try:
        first = _materialize(monkeypatch, raw, warehouse, sources)
        facts1 = _run_facts(first)
        records1 = list(read_records(raw / "_fetched"))
        log1 = (raw / "_fetched" / LOG_NAME).read_bytes()
        store1 = snapshot(raw / "_fetched")
        local1 = {name: ((raw / name).read_bytes(), (raw / name).stat().st_mtime_ns) for name in local}
        marts1 = _marts(warehouse)
        sent_after_1 = {path: list(statuses) for path, statuses in server.sent.items()}

        second = _materialize(monkeypatch, raw, warehouse, sources)
        facts2 = _run_facts(second)
        records2 = list(read_records(raw / "_fetched"))[len(records1):]
        log2 = (raw / "_fetched" / LOG_NAME).read_bytes()
        store2 = snapshot(raw / "_fetched")
        local2 = {name: ((raw / name).read_bytes(), (raw / name).stat().st_mtime_ns) for name in local}
        marts2 = _marts(warehouse)

        state = dict(root=root, raw=raw, warehouse=warehouse, sources=sources, server=server, pages=pages,
                     urls=urls, local=local, facts1=facts1, records1=records1, log1=log1, store1=store1,
                     local1=local1, marts1=marts1, sent_after_1=sent_after_1, facts2=facts2, records2=records2,
                     log2=log2, store2=store2, local2=local2, marts2=marts2, monkeypatch=monkeypatch)
        yield state
    finally:
        monkeypatch.undo()


@pytest.fixture(scope="module")
def offline_build(fault_builds):
    """Run 3: the server is gone, so every manifest URL points at a closed port."""
    b = fault_builds
    _stop(b["server"])
    third = _materialize(b["monkeypatch"], b["raw"], b["warehouse"], b["sources"])
    facts3 = _run_facts(third)
    records3 = list(read_records(b["raw"] / "_fetched"))[len(b["records1"]) + len(b["records2"]):]
    return dict(facts3=facts3, records3=records3, store3=snapshot(b["raw"] / "_fetched"), marts3=_marts(b["warehouse"]))


def _by_url(records: list[dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for record in records:
        assert record["url"] not in out, f"two records for {record['url']} in one run"
        out[record["url"]] = record
    return out


def test_run_with_every_fault_succeeds(fault_builds):
    facts = fault_builds["facts1"]
    assert facts["success"] and facts["failed_steps"] == [], facts["failed_steps"]
    fetch = facts["fetch"]
    assert (fetch["fetched"], fetch["unchanged"], fetch["failed"], fetch["rejected"]) == (len(STORED), 0, 5, 2), fetch
    assert fetch["retries"] == 6, fetch  # 500 → 1, 429 → 1, stall → 2, reset → 2
    assert fetch["bytes"] == sum(len(fault_builds["pages"][k]["body"]) for k in STORED)
    for key in FAILED:
        assert fault_builds["urls"][key] in fetch["failures"], key


def test_every_fault_is_in_the_provenance_log(fault_builds):
    records, urls = _by_url(fault_builds["records1"]), fault_builds["urls"]
    assert set(records) == set(urls.values())  # one line per URL, nothing silently dropped
    for key, (outcome, reason, attempts) in FAULTS_RUN1.items():
        record = records[urls[key]]
        assert (record["outcome"], record["attempts"], record["retries"]) == (outcome, attempts, max(0, attempts - 1)), key
        if reason is None:
            assert record["reason"] is None, (key, record)
        else:
            assert reason in (record["reason"] or ""), (key, record)
    assert records[urls["gbk"]]["encoding"] == "gb18030" and records[urls["gb2312"]]["encoding"] == "gb18030"
    assert records[urls["dotdot"]]["final_url"].endswith("/etc/passwd")  # the client normalised the dot segments
    server = fault_builds["server"]
    sent = fault_builds["sent_after_1"]
    assert sent["/flaky.html"] == [500, 200] and sent["/busy.html"] == [429, 200]
    busy = [s.at for s in server.seen if s.path == "/busy.html"]
    assert busy[1] - busy[0] >= 0.95  # Retry-After: 1 was honoured


def test_no_byte_is_lost_and_nothing_escapes_the_store(fault_builds):
    raw, pages, urls = fault_builds["raw"], fault_builds["pages"], fault_builds["urls"]
    records = _by_url(fault_builds["records1"])
    for key in STORED:
        record = records[urls[key]]
        stored = raw / record["path"]
        assert stored.read_bytes() == pages[key]["body"], key
        assert record["sha256"] == _sha(pages[key]["body"]) and record["bytes"] == len(pages[key]["body"])
        assert stored.resolve().is_relative_to((raw / "_fetched").resolve()) and ".." not in record["path"]
    assert records[urls["pdf"]]["path"].endswith(".pdf")
    files = {p.relative_to(fault_builds["root"]).as_posix() for p in fault_builds["root"].rglob("*") if p.is_file()}
    outside = {f for f in files if not f.startswith(("raw/_fetched/", "wh/"))}
    assert outside == {"sources.csv"} | {f"raw/{name}" for name in fault_builds["local"]}
    assert {f for f in files if f.startswith("raw/_fetched/")} == (
        {f"raw/{records[urls[k]]['path']}" for k in STORED} | {f"raw/_fetched/{LOG_NAME}", f"raw/_fetched/{INDEX_NAME}",
                                                                      f"raw/_fetched/{DIGEST_NAME}"})


def test_good_pages_reach_the_marts_with_their_url(fault_builds):
    marts, pages, urls = fault_builds["marts1"], fault_builds["pages"], fault_builds["urls"]
    for key in GOOD_HTML:
        report = _report_by_url(marts, urls[key])
        gold = pages[key]["gold"]
        assert report["sha256"] == _sha(pages[key]["body"]), key
        assert report["source_path"].startswith("_fetched/"), key
        assert (report["parse_status"], report["doc_type"], report["report_year"], report["template_code"]) == (
            "parsed", gold["doc_type"], gold["report_year"], gold["template"]), key
        _assert_gold_figures(marts, report, gold, key)
    assert _report_by_url(marts, urls["gbk"])["encoding"] == "gb18030"
    gb = _report_by_url(marts, urls["gb2312"])
    assert gb["encoding"] == "gb18030" and GB18030_ONLY in marts["texts"][gb["report_id"]]
    # the ../ page is known by the URL the manifest gave, not by the path the server saw
    assert _report_by_url(marts, urls["dotdot"])["source_url"] == fault_builds["urls"]["dotdot"]
    # the PDF is kept as evidence but is not a document the parser reads
    assert _sha(PDF_BYTES) not in {r["sha256"] for r in marts["reports"].values()}
    # a t3 figure of the 2021 (GBK) report, for the record
    gbk_report = _report_by_url(marts, urls["gbk"])
    assert marts["values"][gbk_report["report_id"]][("t3.new_received", "total")] == 70


def test_local_documents_keep_a_null_source_url(fault_builds):
    marts = fault_builds["marts1"]
    by_path = {r["source_path"]: r for r in marts["reports"].values()}
    for name in fault_builds["local"]:
        assert by_path[name]["source_url"] is None, name
        assert by_path[name]["parse_status"] == "parsed", name
    assert len(marts["reports"]) == len(fault_builds["local"]) + len(GOOD_HTML)
    assert {r["source_path"] for r in marts["reports"].values() if r["source_url"] is None} == set(fault_builds["local"])


def test_second_run_fetches_and_parses_nothing(fault_builds):
    facts = fault_builds["facts2"]
    assert facts["success"] and facts["failed_steps"] == [], facts["failed_steps"]
    fetch = facts["fetch"]
    assert (fetch["fetched"], fetch["unchanged"], fetch["bytes"]) == (0, len(STORED), 0), fetch
    assert (fetch["failed"], fetch["rejected"]) == (5, 2), fetch  # the faults are reported again, not forgotten
    assert fetch["retries"] == 4, fetch  # stall and reset only: the 500 and the 429 were one-offs
    ingest = facts["ingest"]
    assert (ingest["new"], ingest["changed"], ingest["removed"]) == (0, 0, 0)
    assert ingest["unchanged"] == len(fault_builds["local"]) + len(GOOD_HTML)
    assert facts["staged"]["documents_parsed_this_run"] == 0

    records1, records2 = _by_url(fault_builds["records1"]), _by_url(fault_builds["records2"])
    assert set(records2) == set(records1)
    for key in STORED:
        url = fault_builds["urls"][key]
        assert records2[url]["outcome"] == "unchanged", key
        assert (records2[url]["path"], records2[url]["sha256"]) == (records1[url]["path"], records1[url]["sha256"])
    assert records2[fault_builds["urls"]["plain"]]["reason"] == "same bytes as the stored copy"
    assert records2[fault_builds["urls"]["flaky"]]["reason"] == "HTTP 304 (not modified)"
    assert fault_builds["server"].sent["/flaky.html"][-1] == 304


def test_second_run_changes_nothing_stored(fault_builds):
    assert fault_builds["store2"] == fault_builds["store1"]  # names, bytes, mtimes, inodes of raw/_fetched
    assert fault_builds["local2"] == fault_builds["local1"]
    assert fault_builds["log2"].startswith(fault_builds["log1"])  # the provenance log only grew
    assert fault_builds["marts2"]["reports"] == fault_builds["marts1"]["reports"]
    assert fault_builds["marts2"]["values"] == fault_builds["marts1"]["values"]


def test_no_network_run_goes_on_with_what_is_on_disk(fault_builds, offline_build):
    facts = offline_build["facts3"]
    assert facts["success"] and facts["failed_steps"] == [], facts["failed_steps"]
    fetch = facts["fetch"]
    http_urls = [k for k in FAULTS_RUN1 if k not in ("file", "ftp")]
    assert (fetch["fetched"], fetch["unchanged"], fetch["failed"], fetch["rejected"]) == (0, 0, len(http_urls), 2)
    assert "connection refused" in fetch["failures"]
    for key in http_urls:
        assert fault_builds["urls"][key] in fetch["failures"], key
    records = _by_url(offline_build["records3"])
    for key in http_urls:
        reason = records[fault_builds["urls"][key]]["reason"]
        assert reason == "connection refused" or reason.startswith("host unreachable"), (key, reason)
    # the documents already on disk stay in the warehouse, with the URLs they came from
    assert offline_build["store3"] == fault_builds["store1"]
    assert (facts["ingest"]["new"], facts["ingest"]["removed"]) == (0, 0)
    assert facts["staged"]["documents_parsed_this_run"] == 0
    assert offline_build["marts3"]["reports"] == fault_builds["marts1"]["reports"]
    assert offline_build["marts3"]["values"] == fault_builds["marts1"]["values"]


# -- scenario 3: the Pingtan list page -----------------------------------------------------------------


def _pingtan_sources() -> dict[str, str]:
    """folder -> original URL, from the archive's SOURCES.md."""
    out = {}
    for line in (SITE / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 4 and parts[2].startswith(ORIGIN) and parts[0] != "_lists":
            out[parts[0]] = parts[2]
    return out


PINGTAN_URLS = _pingtan_sources()
_LIST_HTML = "".join((SITE / "list" / name).read_text(encoding="utf-8") for name in ("index.html", "index_1.html"))
LINKED = {folder: url for folder, url in PINGTAN_URLS.items()
          if folder != NOT_A_REPORT and urlsplit(url).path.rsplit("/", 1)[-1] in _LIST_HTML}


@pytest.fixture(scope="module")
def pingtan_build(tmp_path_factory):
    server = FaultServer()
    server.thread.start()

    def list_page(name: str):
        def route(h):
            html = (SITE / "list" / name).read_text(encoding="utf-8").replace(ORIGIN, server.base)
            reply(h, 200, html.encode("utf-8"), "text/html; charset=utf-8")
        return route

    server.route(LIST_PATH, list_page("index.html"))
    server.route(LIST_PATH + "index.html", list_page("index.html"))
    server.route(LIST_PATH + "index_1.html", list_page("index_1.html"))
    for folder, url in PINGTAN_URLS.items():  # every page of the archive is served, linked or not
        body = _page(folder)
        server.route(urlsplit(url).path, lambda h, body=body: conditional(h, body, "text/html; charset=utf-8",
                                                                          etag=f'"{_sha(body)[:16]}"'))

    root = tmp_path_factory.mktemp("fetch_pingtan")
    raw, warehouse, sources = root / "raw", root / "warehouse.duckdb", root / "sources.csv"
    raw.mkdir()
    write_manifest(sources, [{"url": server.url(LIST_PATH), "agency": "平潭综合实验区管理委员会", "kind": "listing"}])
    monkeypatch = pytest.MonkeyPatch()
    try:
        result = _materialize(monkeypatch, raw, warehouse, sources)
        yield dict(server=server, facts=_run_facts(result), marts=_marts(warehouse),
                   local={folder: server.base + urlsplit(url).path for folder, url in LINKED.items()},
                   records=list(read_records(raw / "_fetched")))
    finally:
        monkeypatch.undo()
        _stop(server)


def test_pingtan_fixture_is_what_the_test_claims():
    assert len(LINKED) == 12 and NOT_A_REPORT in PINGTAN_URLS and set(LINKED) <= set(GOLD)
    assert GOLD[NOT_A_REPORT]["doc_type"] == "other"


def test_pingtan_listing_run_succeeds(pingtan_build):
    facts = pingtan_build["facts"]
    assert facts["success"] and facts["failed_steps"] == [], facts["failed_steps"]
    fetch = facts["fetch"]
    assert (fetch["fetched"], fetch["failed"], fetch["rejected"]) == (len(LINKED), 0, 0), fetch
    assert facts["staged"]["documents_parsed_this_run"] == len(LINKED)
    assert [r["url"] for r in pingtan_build["records"] if r["outcome"] == "listing"] == [
        pingtan_build["server"].url(LIST_PATH), pingtan_build["server"].url(LIST_PATH + "index_1.html")]


def test_every_linked_annual_report_is_in_the_warehouse(pingtan_build):
    marts, local = pingtan_build["marts"], pingtan_build["local"]
    for folder, url in local.items():
        report = _report_by_url(marts, url)
        gold = GOLD[folder]
        assert report["sha256"] == _sha(_page(folder)), folder
        assert (report["doc_type"], report["report_year"], report["template_code"], report["parse_status"]) == (
            "annual_report", gold["report_year"], gold["template"], "parsed"), folder
        assert gold["agency"] in report["agency_name"] or report["agency_name"] in gold["agency"], folder
    # nothing else was stored as a report: list pages are read, not kept
    assert {r["source_url"] for r in marts["reports"].values()} == set(local.values())


def test_the_letter_that_looks_like_a_report_is_not_one(pingtan_build):
    marts, server = pingtan_build["marts"], pingtan_build["server"]
    letter_sha = _sha(_page(NOT_A_REPORT))
    letter_url = server.base + urlsplit(PINGTAN_URLS[NOT_A_REPORT]).path
    stored = [r for r in marts["reports"].values() if r["sha256"] == letter_sha or r["source_url"] == letter_url]
    assert all(r["doc_type"] == "other" for r in stored), stored  # if it were ever stored, never as a report
    # today its link text names no annual report, so it is not even requested
    assert server.hits[urlsplit(PINGTAN_URLS[NOT_A_REPORT]).path] == 0 and stored == []


def test_pingtan_figures_equal_the_gold(pingtan_build):
    marts, local = pingtan_build["marts"], pingtan_build["local"]
    for folder, url in local.items():
        _assert_gold_figures(marts, _report_by_url(marts, url), GOLD[folder], folder)
    new_received = {folder: marts["values"][_report_by_url(marts, url)["report_id"]].get(("t3.new_received", "total"))
                    for folder, url in local.items() if ("t3.new_received", "total") in gold_values(GOLD[folder])}
    assert new_received == {folder: gold_values(GOLD[folder])[("t3.new_received", "total")] for folder in new_received}
    assert new_received  # the gov2019/gov2021 reports among the linked ones carry it
