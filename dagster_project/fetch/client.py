"""The one HTTP client of the fetch stage: a single `requests.Session` and everything around it.

Retries, redirects and the size cap are handled here rather than by urllib3 because each retry and
each redirect hop must go through the per-host gate, a stall in the middle of a body must be
retried like a stall before it, and the number of attempts must end up in the provenance log.
"""
from __future__ import annotations

import email.utils
import socket
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.client import IncompleteRead, RemoteDisconnected
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions as u3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict

from ..settings import FetchSettings
from .politeness import HostGate

ALLOWED_SCHEMES = frozenset({"http", "https"})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


def url_problem(url: str) -> str | None:
    """Why a URL must not be requested at all, or None. Only http(s) with a host is ever fetched."""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = parts.hostname
    except ValueError as exc:
        return f"malformed URL ({exc})"
    if scheme not in ALLOWED_SCHEMES:
        return f"scheme {scheme or '(none)'!r} not allowed (http/https only)"
    if not host:
        return "URL has no host"
    return None


@dataclass
class HttpResult:
    """What one logical GET ended with, after retries and redirects."""

    url: str
    final_url: str | None = None
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=CaseInsensitiveDict)
    body: bytes | None = None
    attempts: int = 0
    error: str | None = None  # transport-level failure: no usable response
    connect_failed: bool = False  # the host could not even be reached

    @property
    def content_type(self) -> str:
        return (self.headers.get("content-type") or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in (self.headers.get("content-type") or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def build_session(settings: FetchSettings) -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = settings.user_agent
    session.headers["Accept"] = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8"
    session.headers["Accept-Language"] = "zh-CN,zh;q=0.9"
    # Redirects are followed by hand (see HttpClient), this only guards stray allow_redirects=True.
    session.max_redirects = settings.max_redirects
    # urllib3's own retries stay off: they would bypass the gate and hide the attempt count.
    adapter = HTTPAdapter(max_retries=0, pool_maxsize=max(settings.max_workers, settings.per_host_concurrency))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _exception_chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        nested = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        nested += [arg for arg in getattr(current, "args", ()) if isinstance(arg, BaseException)]
        stack.extend(e for e in nested if isinstance(e, BaseException))


def classify_exception(exc: BaseException) -> tuple[str, bool, bool]:
    """(reason, retryable, connect_failed) of a transport exception."""
    chain = list(_exception_chain(exc))

    def has(*types: type) -> bool:
        return any(isinstance(e, types) for e in chain)

    if has(requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema):
        return f"invalid URL ({exc})", False, False
    if has(requests.exceptions.SSLError, u3.SSLError):
        return "TLS error", False, True
    # urllib3's NewConnectionError subclasses ConnectTimeoutError, so the specific causes go first.
    if has(u3.NameResolutionError, socket.gaierror):
        return "DNS lookup failed", True, True
    if has(ConnectionRefusedError):
        return "connection refused", True, True
    if has(requests.exceptions.ConnectTimeout) or (has(u3.ConnectTimeoutError) and not has(u3.NewConnectionError)):
        return "connect timeout", True, True
    if has(u3.NewConnectionError):
        return "connection failed", True, True
    if has(requests.exceptions.ReadTimeout, u3.ReadTimeoutError, socket.timeout):
        return "read timeout", True, False
    if has(IncompleteRead, u3.IncompleteRead):
        return "body cut short (fewer bytes than its Content-Length)", True, False
    if has(ConnectionResetError, ConnectionAbortedError, BrokenPipeError, RemoteDisconnected,
           u3.ProtocolError, requests.exceptions.ChunkedEncodingError):
        return "connection reset", True, False
    if has(requests.exceptions.ContentDecodingError, u3.DecodeError):
        return "undecodable Content-Encoding", False, False
    return f"{type(exc).__name__}: {exc}", True, False


def retry_after_s(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class _Oversize(Exception):
    pass


class _Overtime(Exception):
    pass


class HttpClient:
    """GET with bounded retries, manual redirects, a streaming size cap and per-host pacing."""

    def __init__(
        self,
        settings: FetchSettings,
        gate: HostGate | None = None,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.gate = gate or HostGate(settings.per_host_min_interval_s, settings.per_host_concurrency)
        self.session = session or build_session(settings)
        self._sleep = sleep

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def backoff_s(self, retry_number: int, retry_after: float | None = None) -> float:
        """Delay before retry `retry_number` (1-based); a server's Retry-After wins, within the cap."""
        if retry_after is not None:
            return min(retry_after, self.settings.backoff_max_s)
        return min(self.settings.backoff_base_s * 2 ** (retry_number - 1), self.settings.backoff_max_s)

    def get(
        self,
        url: str,
        headers: Mapping[str, str] | None = None,
        *,
        max_retries: int | None = None,
        max_bytes: int | None = None,
    ) -> HttpResult:
        retries_allowed = self.settings.max_retries if max_retries is None else max_retries
        cap = self.settings.max_bytes if max_bytes is None else max_bytes
        attempt = 0
        while True:
            attempt += 1
            result, retryable, retry_after = self._attempt(url, dict(headers or {}), cap)
            result.attempts = attempt
            if not retryable or attempt > retries_allowed:
                return result
            self._sleep(self.backoff_s(attempt, retry_after))

    def _attempt(self, url: str, headers: dict[str, str], cap: int) -> tuple[HttpResult, bool, float | None]:
        current = url
        timeout = (self.settings.connect_timeout_s, self.settings.read_timeout_s)
        # Each hop is paced and scheme-checked; robots.txt is consulted by the caller for the URL asked for only.
        for _hop in range(self.settings.max_redirects + 1):
            problem = url_problem(current)
            if problem:
                # Only reachable through a redirect: the caller vets the first URL itself.
                return HttpResult(url, final_url=current, error=f"redirect to a refused URL: {problem}"), False, None
            try:
                with self.gate.slot(current):
                    response = self.session.get(
                        current, headers=headers, stream=True, timeout=timeout, allow_redirects=False
                    )
                    try:
                        location = response.headers.get("location")
                        if response.status_code in _REDIRECT_STATUSES and location:
                            current = urljoin(current, location.strip())
                            continue
                        body = self._read_capped(response, cap)
                    finally:
                        response.close()
            except _Oversize:
                return HttpResult(url, final_url=current, status=response.status_code, headers=response.headers,
                                  error=f"oversize: body larger than {cap} bytes"), False, None
            except _Overtime:
                return HttpResult(url, final_url=current, status=response.status_code, headers=response.headers,
                                  error=f"read timeout: body not complete after {self.settings.total_timeout_s:g} s"), True, None
            except (requests.RequestException, u3.HTTPError, OSError) as exc:
                reason, retryable, connect_failed = classify_exception(exc)
                return HttpResult(url, final_url=current, error=reason, connect_failed=connect_failed), retryable, None

            result = HttpResult(url, final_url=current, status=response.status_code, headers=response.headers, body=body)
            retryable = response.status_code == 429 or response.status_code >= 500
            return result, retryable, retry_after_s(response.headers.get("retry-after")) if retryable else None
        return HttpResult(url, final_url=current,
                          error=f"too many redirects (more than {self.settings.max_redirects})"), False, None

    def _read_capped(self, response: requests.Response, cap: int) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.strip().isdigit() and int(declared) > cap:
            raise _Oversize  # refuse before reading a byte
        deadline = time.monotonic() + self.settings.total_timeout_s
        body = bytearray()
        # read1 returns what has come (a server trickling a byte a second gives a byte a call), so the
        # deadline is checked as the bytes come: a read of a whole chunk waited for the chunk, ~18 h at
        # that pace, the read timeout never firing. Counted after Content-Encoding is undone, so a
        # small gzip bomb is caught as well.
        while chunk := response.raw.read1(_CHUNK, decode_content=True):
            body += chunk
            if len(body) > cap:
                raise _Oversize
            if time.monotonic() > deadline:
                raise _Overtime
        return bytes(body)
