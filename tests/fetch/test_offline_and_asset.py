"""No network: every source is reported and the run goes on; the Dagster asset around fetch_all."""
from __future__ import annotations

import dagster as dg

import dagster_project.assets.fetch as fetch_asset
from dagster_project.fetch.provenance import read_records
from dagster_project.fetch.run import Failure, failures_markdown, fetch_all
from fetch_testkit import ListLog, make_settings, report_html, reply, write_manifest


def test_no_network_reports_every_source_and_goes_on(tmp_path, closed_port):
    dead = f"http://127.0.0.1:{closed_port}"
    settings = make_settings(tmp_path, max_workers=1)
    write_manifest(settings.sources_path, [
        {"url": dead + "/list/", "kind": "listing"},
        {"url": dead + "/a.html"},
        {"url": dead + "/b.html"},
        {"url": dead + "/c.html", "kind": "brochure"},
    ])
    log = ListLog()
    summary = fetch_all(settings, log=log)

    records = list(read_records(settings.fetch_dir))
    by_url = {r["url"]: r for r in records}
    assert set(by_url) == {dead + "/list/", dead + "/a.html", dead + "/b.html", dead + "/c.html"}
    assert by_url[dead + "/list/"]["kind"] == "listing" and by_url[dead + "/list/"]["reason"] == "connection refused"
    assert by_url[dead + "/list/"]["attempts"] == 3
    # once the host is known to be down, its other URLs fail at once instead of retrying again
    assert [by_url[dead + u]["attempts"] for u in ("/a.html", "/b.html")] == [0, 0]
    assert by_url[dead + "/a.html"]["reason"].startswith("host unreachable")
    assert by_url[dead + "/c.html"]["outcome"] == "rejected" and "unknown kind" in by_url[dead + "/c.html"]["reason"]
    assert (summary.fetched, summary.failed, summary.rejected, summary.retries) == (0, 3, 1, 2)
    assert len(summary.failures) == 4
    warnings = [m for level, m in log.lines if level == "warning"]
    assert len(warnings) == 4 and all(dead in m for m in warnings)
    assert "fetch done: 0 downloaded" in log.text()
    assert list(settings.fetch_dir.rglob("*.html")) == []


def test_empty_manifest_is_not_an_error(tmp_path):
    settings = make_settings(tmp_path)
    log = ListLog()
    assert fetch_all(settings, log=log).fetched == 0
    assert "nothing to do" in log.text()
    assert not settings.fetch_dir.exists()


def test_failures_markdown_escapes_and_truncates():
    failures = [Failure(f"http://a/{i}|x", "failed", "HTTP 500\nagain") for i in range(3)]
    table = failures_markdown(failures, limit=2)
    assert table.splitlines()[0] == "| url | outcome | reason |"
    assert "http://a/0\\|x" in table and "HTTP 500 again" in table
    assert table.splitlines()[-1].startswith("| … 1 more")
    assert failures_markdown([]) == "No failures."


def test_asset_materializes_with_failures_and_never_raises(tmp_path, server, closed_port, monkeypatch):
    page = report_html("某县2023年政府信息公开工作年度报告").encode()
    server.route("/ok.html", lambda h: reply(h, 200, page, "text/html; charset=utf-8"))
    settings = make_settings(tmp_path)
    offline = f"http://127.0.0.1:{closed_port}/gone.html"
    write_manifest(settings.sources_path, [{"url": server.url("/ok.html")}, {"url": offline}, {"url": "file:///etc/passwd"}])
    monkeypatch.setattr(fetch_asset, "get_settings", lambda: settings)

    result = dg.materialize([fetch_asset.fetched_documents])
    assert result.success
    metadata = result.asset_materializations_for_node("fetched_documents")[0].metadata
    assert metadata["fetched"].value == 1 and metadata["failed"].value == 1 and metadata["rejected"].value == 1
    assert metadata["unchanged"].value == 0 and metadata["bytes"].value == len(page)
    assert offline in metadata["failures"].value and "connection refused" in metadata["failures"].value
    assert "file:///etc/passwd" in metadata["failures"].value

    spec = fetch_asset.fetched_documents.specs_by_key[dg.AssetKey("fetched_documents")]
    assert spec.group_name == "fetch" and "dagster/kind/requests" in spec.tags and spec.description
