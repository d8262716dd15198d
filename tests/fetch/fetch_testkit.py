"""Test kit of the fetch tests: a real HTTP server on 127.0.0.1 (ephemeral port, in a thread) whose routes inject faults.

Routes are plain functions `(handler) -> None` that answer through `reply`/`reset`/`stall`; the
server counts every request and every status it sent, so tests can assert what reached the wire.
"""
from __future__ import annotations

import csv
import socket
import struct
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from dagster_project.settings import FetchSettings, Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.prefix_routes: list[tuple[str, Callable]] = []
        self.hits: Counter[str] = Counter()
        self.sent: dict[str, list[int]] = defaultdict(list)  # path -> statuses sent
        self.seen: list[Seen] = []
        self.release = threading.Event()  # lets stalled handlers go at teardown
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._to_reset: set[int] = set()
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, fn: Callable[[BaseHTTPRequestHandler], None]) -> None:
        self.routes[path] = fn

    def route_prefix(self, prefix: str, fn: Callable[[BaseHTTPRequestHandler], None]) -> None:
        self.prefix_routes.append((prefix, fn))

    def handle_error(self, request, client_address) -> None:
        pass  # broken pipes from the stalled/reset routes are the point, not noise to print

    def shutdown_request(self, request) -> None:
        if id(request) in self._to_reset:
            self._to_reset.discard(id(request))
            # SO_LINGER 0 + close (and no shutdown(SHUT_WR) first) makes the kernel send RST, not FIN.
            request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_request(request)
            return
        super().shutdown_request(request)


@contextmanager
def serving(routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] | None = None) -> Iterator[FaultServer]:
    """A started server answering ``routes``; at the end, stalled handlers are let go and the port is closed."""
    server = FaultServer()
    for path, fn in (routes or {}).items():
        server.route(path, fn)
    server.thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: FaultServer
    protocol_version = "HTTP/1.0"  # close-delimited bodies: lets a route stream without Content-Length

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        server = self.server
        path = self.path.split("?", 1)[0]
        with server._lock:
            server.hits[path] += 1
            server.seen.append(Seen(path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        try:
            fn = server.routes.get(path)
            if fn is None:
                fn = next((f for prefix, f in server.prefix_routes if path.startswith(prefix)), None)
            if fn is None:
                reply(self, 404, b"not found", "text/plain")
            else:
                fn(self)
        finally:
            with server._lock:
                server.in_flight -= 1


def reply(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", content_type: str | None = "text/html",
          headers: dict[str, str] | None = None, *, send_length: bool = True) -> None:
    path = handler.path.split("?", 1)[0]
    with handler.server._lock:
        handler.server.sent[path].append(status)
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    if send_length:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if body:
        handler.wfile.write(body)


def reset(handler: BaseHTTPRequestHandler) -> None:
    """Read the request, then answer with a TCP RST."""
    handler.server._to_reset.add(id(handler.request))
    handler.close_connection = True


def stall(handler: BaseHTTPRequestHandler, seconds: float = 8.0) -> None:
    """Headers and a first chunk, then silence (until teardown or `seconds`)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", "5000")
    handler.end_headers()
    handler.wfile.write(b"<html><title>2023\xe5\xb9\xb4\xe5\xba\xa6\xe6\x8a\xa5\xe5\x91\x8a</title>")
    handler.wfile.flush()
    handler.server.release.wait(seconds)


def conditional(handler: BaseHTTPRequestHandler, body: bytes, content_type: str, *, etag: str | None = None,
                last_modified: str | None = None) -> None:
    """200 with validators, or 304 when the request's validators match."""
    inm = handler.headers.get("If-None-Match")
    ims = handler.headers.get("If-Modified-Since")
    headers = {}
    if etag:
        headers["ETag"] = etag
    if last_modified:
        headers["Last-Modified"] = last_modified
    if (etag and inm == etag) or (not etag and last_modified and ims == last_modified):
        reply(handler, 304, b"", None, headers, send_length=False)
    else:
        reply(handler, 200, body, content_type, headers)


def free_port() -> int:
    """A port nobody listens on: connection refused, the local stand-in for 'no network'."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fast_fetch_settings(**overrides) -> FetchSettings:
    values = dict(
        # A 302 or a small page answered on a 2-core machine running other builds has taken over 1 s;
        # the stall holds its connection for 8 s, so 2.5 s still tells the two apart.
        connect_timeout_s=2.5,
        read_timeout_s=2.5,
        total_timeout_s=6.0,
        max_retries=2,
        backoff_base_s=0.05,
        backoff_max_s=1.0,
        max_bytes=64 * 1024,
        max_redirects=3,
        per_host_min_interval_s=0.0,
        per_host_concurrency=8,
        max_workers=8,
        listing_max_pages=5,
        respect_robots_txt=True,
        recheck_after_hours=0.0,  # the tests of conditional requests ask again at once
    )
    values.update(overrides)
    return FetchSettings(**values)


def make_settings(tmp_path: Path, **fetch_overrides) -> Settings:
    return Settings(
        raw_dir=tmp_path / "raw",
        sources=tmp_path / "sources.csv",
        warehouse=tmp_path / "warehouse.duckdb",
        fetch=fast_fetch_settings(**fetch_overrides),
    )


def write_manifest(path: Path, rows: list[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["url", "agency", "year", "kind"])
        writer.writeheader()
        for row in rows:
            writer.writerow({key: row.get(key, "") for key in ("url", "agency", "year", "kind")})
    return path


@dataclass
class ListLog:
    """Stands in for context.log / logging.Logger and keeps what was said."""

    lines: list[tuple[str, str]] = field(default_factory=list)

    def info(self, msg: str) -> None:
        self.lines.append(("info", msg))

    def warning(self, msg: str) -> None:
        self.lines.append(("warning", msg))

    def error(self, msg: str) -> None:
        self.lines.append(("error", msg))

    def text(self) -> str:
        return "\n".join(msg for _, msg in self.lines)


def snapshot(directory: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every stored file's bytes, mtime and inode (the provenance log, its index and its digest
    excluded: they are meant to change)."""
    return {
        p.relative_to(directory).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name not in ("provenance.jsonl", ".provenance.index.json", ".provenance.digest.json")
    }


def report_html(title: str, body: str = "", charset_meta: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>{title}_测试站</title></head><body><h1>{title}</h1><p>{body}</p></body></html>"
