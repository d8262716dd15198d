"""Bodies that come too slowly, stop short or inflate without end, from a real server on 127.0.0.1:
each ends within its limits with the reason, and the client moves on."""
from __future__ import annotations

import gzip
import time

from dagster_project.fetch.client import HttpClient
from fetch_testkit import fast_fetch_settings


def _trickle(handler) -> None:
    """Headers, then a byte a second: each read gets a byte, so no read timeout ever fires."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", "5000")
    handler.end_headers()
    for _ in range(60):
        if handler.server.release.wait(0.5):
            return
        try:
            handler.wfile.write(b"x")
            handler.wfile.flush()
        except OSError:
            return


def _short(handler) -> None:
    """A Content-Length of 5,000 and 1,000 bytes, then the connection closed."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", "5000")
    handler.end_headers()
    handler.wfile.write(b"<html>" + b"a" * 994)
    handler.close_connection = True


_BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MiB inflated from ~64 KiB


def _bomb(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(_BOMB)))
    handler.end_headers()
    handler.wfile.write(_BOMB)


def test_a_server_trickling_a_byte_at_a_time_is_cut_off_at_the_total_limit(server):
    # a government server sending a byte a second held the run for ever: the 64 KiB read waited ~18 h
    server.route("/trickle.html", _trickle)
    client = HttpClient(fast_fetch_settings(total_timeout_s=3.0, max_retries=0))
    started = time.monotonic()
    result = client.get(server.url("/trickle.html"))
    assert time.monotonic() - started < 10
    assert result.error == "read timeout: body not complete after 3 s" and result.body is None


def test_a_body_shorter_than_its_length_says_so(server):
    server.route("/short.html", _short)
    result = HttpClient(fast_fetch_settings(max_retries=0)).get(server.url("/short.html"))
    assert result.error == "body cut short (fewer bytes than its Content-Length)" and result.body is None


def test_a_gzip_body_inflating_past_the_cap_is_refused_at_the_cap(server):
    server.route("/bomb.html", _bomb)
    started = time.monotonic()
    result = HttpClient(fast_fetch_settings(max_retries=0, max_bytes=1024 * 1024)).get(server.url("/bomb.html"))
    assert result.error == f"oversize: body larger than {1024 * 1024} bytes" and result.body is None
    assert time.monotonic() - started < 10
