"""The real Pingtan 政府信息公开年报 list page, served locally: every linked report fetched exactly once."""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

import pytest

from dagster_project.fetch.provenance import read_records, source_url_by_path
from dagster_project.fetch.run import fetch_all
from fetch_testkit import FIXTURES, ListLog, conditional, make_settings, write_manifest

SITE = FIXTURES / "pingtan_site"
ORIGIN = "https://www.pingtan.gov.cn"
LIST_PATH = "/zwgk/zfxxgk/zfxxgknb/"


def _sources() -> dict[str, str]:
    """folder -> original URL, from the archive's SOURCES.md."""
    out = {}
    for line in (SITE / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 4 and parts[2].startswith(ORIGIN) and parts[0] != "_lists":
            out[parts[0]] = parts[2]
    return out


SOURCES = _sources()
SERVED_REPORTS = {folder: SOURCES[folder] for folder in (p.stem for p in (SITE / "reports").glob("*.html"))}
NOT_A_REPORT = "201412_80787"  # 关于2014年政府信息公开工作要点落实情况的函: listed, but not an annual report
_LIST_PAGES = "".join((SITE / "list" / name).read_text(encoding="utf-8") for name in ("index.html", "index_1.html"))
# every page of the archive is served; only those the list pages link to are expected to be fetched
EXPECTED = {folder: url for folder, url in SERVED_REPORTS.items()
            if folder != NOT_A_REPORT and urlsplit(url).path.rsplit("/", 1)[-1] in _LIST_PAGES}


def _serve_site(server) -> None:
    def page(name: str):
        def route(handler):
            # The archive's absolute links point at the real site; at serve time they point here.
            html = (SITE / "list" / name).read_text(encoding="utf-8").replace(ORIGIN, server.base)
            handler_body = html.encode("utf-8")
            conditional(handler, handler_body, "text/html; charset=utf-8")
        return route

    server.route(LIST_PATH, page("index.html"))
    server.route(LIST_PATH + "index.html", page("index.html"))
    server.route(LIST_PATH + "index_1.html", page("index_1.html"))
    for folder, url in SERVED_REPORTS.items():
        body = (SITE / "reports" / f"{folder}.html").read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        server.route(urlsplit(url).path, lambda h, body=body, etag=etag: conditional(h, body, "text/html; charset=utf-8", etag=etag))


@pytest.fixture
def site_run(tmp_path, server):
    _serve_site(server)
    settings = make_settings(tmp_path, max_bytes=1024 * 1024)
    local = {folder: server.base + urlsplit(url).path for folder, url in EXPECTED.items()}
    write_manifest(settings.sources_path, [
        {"url": server.url(LIST_PATH), "agency": "平潭综合实验区管委会", "kind": "listing"},
        # the same report named directly as well: still one fetch
        {"url": local["202503_97791"], "agency": "平潭综合实验区管委会", "year": "2024", "kind": "report"},
    ])
    log = ListLog()
    summary = fetch_all(settings, log=log)
    paths = {r["url"]: r["path"] for r in read_records(settings.fetch_dir) if r.get("path")}
    return dict(settings=settings, server=server, local=local, summary=summary, log=log, summary_paths=paths)


def test_fixture_is_what_the_test_claims():
    assert len(EXPECTED) == 12 and NOT_A_REPORT in SERVED_REPORTS
    assert "t20260313_105587.htm" in (SITE / "list" / "index.html").read_text(encoding="utf-8")


def test_every_linked_report_is_fetched_exactly_once(site_run):
    server, local, summary = site_run["server"], site_run["local"], site_run["summary"]
    for folder, url in local.items():
        assert server.sent[urlsplit(url).path] == [200], folder
    assert server.hits[urlsplit(SOURCES[NOT_A_REPORT]).path] == 0  # its link text names no annual report
    assert server.hits[LIST_PATH + "nlist.htm"] == 0  # the column's own nav link 「政府信息公开年报」 is not a report
    assert server.hits[LIST_PATH] == 1 and server.hits[LIST_PATH + "index_1.html"] == 1
    assert server.hits[LIST_PATH + "index.html"] == 0  # same page as LIST_PATH, not read twice
    assert (summary.fetched, summary.failed, summary.listing_pages, summary.not_reports) == (12, 0, 2, 0)


def test_listing_provenance_carries_links_hints_and_encoding(site_run):
    settings, local = site_run["settings"], site_run["local"]
    records = list(read_records(settings.fetch_dir))
    downloaded = {r["url"]: r for r in records if r["outcome"] == "downloaded"}
    assert set(downloaded) == set(local.values())
    listing_pages = [r for r in records if r["outcome"] == "listing"]
    assert [r["url"] for r in listing_pages] == [site_run["server"].url(LIST_PATH), site_run["server"].url(LIST_PATH + "index_1.html")]
    assert all(r["encoding"] == "utf-8" and r["path"] is None for r in listing_pages)

    found = downloaded[local["202603_105587"]]
    assert found["listing_url"] == site_run["server"].url(LIST_PATH)
    assert found["year"] == 2025 and found["agency"] == "平潭综合实验区管委会"
    assert found["title"] == "平潭综合实验区2025年度政府信息公开工作年度报告"
    assert found["encoding"] == "utf-8"
    assert downloaded[local["201501_80791"]]["listing_url"].endswith("index_1.html")
    assert downloaded[local["202503_97791"]]["listing_url"] is None  # named in the manifest first
    assert downloaded[local["202503_97791"]]["year"] == 2024

    mapping = source_url_by_path(settings.raw_dir)
    for folder, url in local.items():
        stored = settings.raw_dir / downloaded[url]["path"]
        assert stored.read_bytes() == (SITE / "reports" / f"{folder}.html").read_bytes()
        assert mapping[downloaded[url]["path"]] == url


def test_second_run_over_the_listing_is_all_304(site_run):
    settings, server, local = site_run["settings"], site_run["server"], site_run["local"]
    summary = fetch_all(settings, log=ListLog())
    assert (summary.fetched, summary.unchanged, summary.failed) == (0, 12, 0)
    for url in local.values():
        assert server.sent[urlsplit(url).path] == [200, 304]
    assert server.hits[LIST_PATH] == 2  # list pages are always re-read: that is where new reports appear


def test_reports_stored_within_the_recheck_interval_are_not_asked_again(site_run):
    settings, server, local = site_run["settings"], site_run["server"], site_run["local"]
    within = settings.model_copy(update={"fetch": settings.fetch.model_copy(update={"recheck_after_hours": 24.0})})
    log = ListLog()
    summary = fetch_all(within, log=log)
    assert (summary.fetched, summary.unchanged, summary.failed, summary.recent) == (0, 0, 0, 12)
    for url in local.values():
        assert server.sent[urlsplit(url).path] == [200]  # asked by the first run only
    assert server.hits[LIST_PATH] == 2  # the list pages are read all the same: new reports show there
    assert "12 stored less than 24 h ago not asked (GOVINFO_FETCH_RECHECK_AFTER_HOURS)" in log.text()
    # a stored copy that is gone is asked for again; an interval the last fetch is older than asks all
    gone = next(iter(local.values()))
    (settings.raw_dir / site_run["summary_paths"][gone]).unlink()
    again = fetch_all(within, log=ListLog())
    assert (again.fetched, again.recent) == (1, 11) and server.sent[urlsplit(gone).path] == [200, 200]
    shorter = within.model_copy(update={"fetch": within.fetch.model_copy(update={"recheck_after_hours": 1e-7})})
    assert (fetch_all(shorter, log=ListLog()).unchanged, server.hits[LIST_PATH]) == (12, 4)
    # the manifest names another agency for the listing: its reports are asked again, so that the
    # log, which staging reads the agency from, holds it; the report named on its own is not
    write_manifest(settings.sources_path, [
        {"url": server.url(LIST_PATH), "agency": "平潭综合实验区党工委", "kind": "listing"},
        {"url": local["202503_97791"], "agency": "平潭综合实验区管委会", "year": "2024", "kind": "report"},
    ])
    renamed = fetch_all(within, log=ListLog())
    assert (renamed.fetched, renamed.unchanged, renamed.recent) == (0, 11, 1)


def test_listing_max_pages_is_a_hard_bound(tmp_path, server):
    _serve_site(server)
    settings = make_settings(tmp_path, max_bytes=1024 * 1024, listing_max_pages=1)
    write_manifest(settings.sources_path, [{"url": server.url(LIST_PATH), "kind": "listing"}])
    log = ListLog()
    summary = fetch_all(settings, log=log)
    assert server.hits[LIST_PATH + "index_1.html"] == 0
    assert summary.fetched == 10 and summary.listing_pages == 1
    assert "1 more pages left unread" in log.text()
