"""`make run` over a sources manifest: the URLs are asked first, and when none brought anything new
the run stops as a run with nothing changed does. Real builds, a real HTTP server on 127.0.0.1
serving real report pages with an ETag, and the raw folder's real seed reports beside them."""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import duckdb
import pytest

from runkit import make, make_env, seed_raw, sha256
from seed_gold import pingtan_cases

_FETCH_TESTS = str(Path(__file__).resolve().parent.parent / "fetch")
if _FETCH_TESTS not in sys.path:
    sys.path.insert(0, _FETCH_TESTS)
from fetch_testkit import FaultServer, conditional, write_manifest  # noqa: E402

NOTHING_CHANGED = re.compile(r"nothing changed since the build of .*; warehouse left as it was")
PAGE = "/zwgk/ndbg/report.html"
# two real pages of one site: the report first served at the URL, then the one that replaces it
(FIRST, FIRST_GOLD), (SECOND, SECOND_GOLD) = [case for case in pingtan_cases()
                                              if case[1]["doc_type"] == "annual_report"][-2:]


class Site:
    def __init__(self) -> None:
        self.server = FaultServer()
        self.body = FIRST.read_bytes()
        self.server.route(PAGE, lambda h: conditional(h, self.body, "text/html; charset=utf-8",
                                                      etag=f'"{hashlib.sha256(self.body).hexdigest()[:16]}"'))
        self.server.thread.start()

    def stop(self) -> None:
        self.server.release.set()
        self.server.shutdown()
        self.server.server_close()


def _reports(warehouse: Path, url: str) -> set[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return set(con.execute("select sha256, report_year from marts.dim_report where source_url = ?", [url]).fetchall())
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("nochange_sources")
    raw = seed_raw(base / "raw", count=2)
    warehouse = base / "wh" / "govinfo.duckdb"
    site = Site()
    sources = write_manifest(base / "sources.csv", [{"url": site.server.url(PAGE)}])
    env = make_env(warehouse, raw, base / "dagster", GOVINFO_SOURCES=str(sources),
                   GOVINFO_FETCH_PER_HOST_MIN_INTERVAL_S="0", GOVINFO_FETCH_RESPECT_ROBOTS_TXT="false",
                   GOVINFO_FETCH_RECHECK_AFTER_HOURS="0")  # ask the URL on every run
    try:
        first = make("run", env)
        after_first = (sha256(warehouse), list(site.server.sent[PAGE]))
        second = make("run", env)
        after_second = (sha256(warehouse), list(site.server.sent[PAGE]))
        site.body = SECOND.read_bytes()
        third = make("run", env)
        after_third = list(site.server.sent[PAGE])
        # the manifest names the agency of the URL: the next run stores it, and staging reads it
        write_manifest(sources, [{"url": site.server.url(PAGE), "agency": "平潭综合实验区管理委员会"}])
        fourth = make("run", env)
        yield dict(fourth=fourth, url=site.server.url(PAGE), warehouse=warehouse, first=first, second=second, third=third,
                   after_first=after_first, after_second=after_second, after_third=after_third)
    finally:
        site.stop()


def test_the_first_run_fetches_then_builds(runs):
    first = runs["first"]
    assert first.returncode == 0, first.stdout + first.stderr
    assert re.search(r"^\s+fetch\s+done\s.*fetch done: 1 downloaded", first.stdout, re.M), first.stdout
    # said once: the run's fetch asset reports the same fetch, and the console does not say it again
    assert len(re.findall(r"^\s+fetch\s+done\s", first.stdout, re.M)) == 1, first.stdout
    assert "building: no warehouse yet" in first.stdout
    assert runs["after_first"][1] == [200]


def test_a_url_that_did_not_change_is_a_run_with_nothing_changed(runs):
    second, (before, _), (after, sent) = runs["second"], runs["after_first"], runs["after_second"]
    assert second.returncode == 0, second.stdout + second.stderr
    assert sent == [200, 304]  # asked once more, conditionally
    assert re.search(r"fetch done: 0 downloaded .* 1 unchanged", second.stdout), second.stdout
    assert NOTHING_CHANGED.search(second.stdout), second.stdout
    assert not re.search(r"^\s+(ingest|dbt|checks)\s", second.stdout, re.M), second.stdout
    assert after == before  # the published file was not written


def test_a_url_that_serves_another_report_is_built(runs):
    third, warehouse = runs["third"], runs["warehouse"]
    assert third.returncode == 0, third.stdout + third.stderr
    assert runs["after_third"] == [200, 304, 200]  # once only: the run's fetch asset did not ask again
    assert re.search(r"^\s+building: new file _fetched/", third.stdout, re.M), third.stdout
    assert re.search(r"^\s+dbt\s+done\s", third.stdout, re.M), third.stdout
    assert sha256(warehouse) != runs["after_second"][0]
    # the report the URL served first stays, stored in raw/_fetched; the new one is beside it
    assert _reports(warehouse, runs["url"]) == {
        (hashlib.sha256(page.read_bytes()).hexdigest(), gold["report_year"])
        for page, gold in ((FIRST, FIRST_GOLD), (SECOND, SECOND_GOLD))}


def test_an_agency_named_anew_in_the_manifest_is_built(runs):
    fourth = runs["fourth"]
    assert fourth.returncode == 0, fourth.stdout + fourth.stderr
    assert re.search(r"fetch done: 0 downloaded .* 1 unchanged", fourth.stdout), fourth.stdout
    assert "building: the fetch provenance log names another URL or agency for a stored file" in fourth.stdout, fourth.stdout
    assert re.search(r"^\s+dbt\s+done\s", fourth.stdout, re.M), fourth.stdout
