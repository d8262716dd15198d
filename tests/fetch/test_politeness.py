"""Per-host pacing, the concurrency cap and robots.txt, measured at a real server."""
from __future__ import annotations

import time

from dagster_project.fetch.provenance import read_records
from dagster_project.fetch.run import fetch_all
from fetch_testkit import ListLog, make_settings, report_html, reply, reset, write_manifest

PAGE = report_html("某县2023年政府信息公开工作年度报告").encode()


def _pages(server, n: int, delay: float = 0.0) -> list[str]:
    def route(handler):
        time.sleep(delay)
        reply(handler, 200, PAGE + handler.path.encode(), "text/html; charset=utf-8")
    for i in range(n):
        server.route(f"/r{i}.html", route)
    return [server.url(f"/r{i}.html") for i in range(n)]


def test_requests_to_one_host_are_spaced(tmp_path, server):
    urls = _pages(server, 4)
    settings = make_settings(tmp_path, per_host_min_interval_s=0.15, per_host_concurrency=1, max_workers=4)
    write_manifest(settings.sources_path, [{"url": u} for u in urls])
    summary = fetch_all(settings, log=ListLog())
    assert summary.fetched == 4
    starts = sorted(s.at for s in server.seen)  # robots.txt included: it is paced like the rest
    assert len(starts) == 5
    # Arrival times are read at the server, whose threads a loaded machine may hold back: a request
    # handled late shortens the gap to the next one (0.75 s then 0.005 s has been seen). The k-th
    # request still cannot arrive before k intervals after the first, however the server is scheduled.
    since_first = [at - starts[0] for at in starts]
    assert all(elapsed >= 0.14 * k for k, elapsed in enumerate(since_first)), since_first


def test_no_more_than_the_cap_in_flight_per_host(tmp_path, server):
    urls = _pages(server, 6, delay=0.15)
    settings = make_settings(tmp_path, per_host_concurrency=2, max_workers=6)
    write_manifest(settings.sources_path, [{"url": u} for u in urls])
    assert fetch_all(settings, log=ListLog()).fetched == 6
    assert server.max_in_flight == 2


def test_robots_rules_for_our_user_agent(tmp_path, server):
    urls = _pages(server, 2)
    robots = b"User-agent: govinfo-warehouse\nDisallow: /r1.html\n\nUser-agent: *\nDisallow: /\n"
    server.route("/robots.txt", lambda h: reply(h, 200, robots, "text/plain"))
    settings = make_settings(tmp_path)
    write_manifest(settings.sources_path, [{"url": u} for u in urls])
    summary = fetch_all(settings, log=ListLog())
    latest = {record["url"]: record for record in read_records(settings.fetch_dir)}  # each URL's last
    assert latest[urls[0]]["outcome"] == "downloaded"  # our group allows it, '*' would not
    assert latest[urls[1]]["outcome"] == "robots-disallowed"
    assert latest[urls[1]]["attempts"] == 0 and server.hits["/r1.html"] == 0
    assert summary.robots_disallowed == 1


def test_unreachable_or_missing_robots_txt_means_allowed(tmp_path, server):
    urls = _pages(server, 2)
    server.route("/robots.txt", reset)
    settings = make_settings(tmp_path)
    write_manifest(settings.sources_path, [{"url": u} for u in urls])
    log = ListLog()
    assert fetch_all(settings, log=log).fetched == 2
    assert "robots.txt of http://127.0.0.1" in log.text() and "treating as allowed" in log.text()
    assert server.hits["/robots.txt"] == 1  # asked once, not retried: it is only advice

    server.routes.pop("/robots.txt")  # now a 404
    settings = make_settings(tmp_path / "again")
    write_manifest(settings.sources_path, [{"url": u} for u in urls])
    assert fetch_all(settings, log=ListLog()).fetched == 2


def test_robots_can_be_switched_off(tmp_path, server):
    urls = _pages(server, 1)
    server.route("/robots.txt", lambda h: reply(h, 200, b"User-agent: *\nDisallow: /\n", "text/plain"))
    settings = make_settings(tmp_path, respect_robots_txt=False)
    write_manifest(settings.sources_path, [{"url": u} for u in urls])
    assert fetch_all(settings, log=ListLog()).fetched == 1
    assert server.hits["/robots.txt"] == 0
