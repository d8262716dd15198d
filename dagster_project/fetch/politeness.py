"""Being a good guest on small government servers: per-host pacing, a concurrency cap, robots.txt.

Many county sites run on one under-provisioned CMS box behind a WAF that bans bursts, so the
pacing is per host, not global, and it also covers redirect hops and robots.txt itself.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ..ingest.decode import decode_bytes

if TYPE_CHECKING:
    from .client import HttpClient

ROBOTS_MAX_BYTES = 512 * 1024


def host_of(url: str) -> str:
    """The politeness key: the host name, so http and https (and every port) of one box share it."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def origin_of(url: str) -> str:
    """robots.txt is per origin (scheme + host + port), unlike the pacing."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


@dataclass
class _HostState:
    semaphore: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0


class HostGate:
    """At most `concurrency` requests in flight per host, starts at least `min_interval_s` apart."""

    def __init__(
        self,
        min_interval_s: float,
        concurrency: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval_s = max(0.0, min_interval_s)
        self.concurrency = max(1, concurrency)
        self._clock = clock
        self._sleep = sleep
        self._hosts: dict[str, _HostState] = {}
        self._lock = threading.Lock()

    def _state(self, host: str) -> _HostState:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _HostState(threading.Semaphore(self.concurrency))
            return state

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        state = self._state(host_of(url))
        # The slot is held for the whole response, body included: that is what loads the server.
        with state.semaphore:
            # Sleeping under the host lock is deliberate: it queues the next starts behind this one.
            with state.lock:
                wait = state.next_start - self._clock()
                if wait > 0:
                    self._sleep(wait)
                state.next_start = self._clock() + self.min_interval_s
            yield


@dataclass(frozen=True)
class RobotsVerdict:
    allowed: bool
    note: str  # how the answer was reached, for the log


class RobotsPolicy:
    """robots.txt of each origin, fetched once through the shared client (so it is paced too).

    An unreachable robots.txt (network error, 5xx) or a missing one (4xx) means "allowed": RFC 9309
    would treat 5xx as "disallow all", but many Chinese government sites answer robots.txt with
    WAF errors while publishing the reports for everyone, and this project opts for reachability.
    """

    def __init__(self, client: HttpClient, user_agent: str, log=None) -> None:
        self._client = client
        self._user_agent = user_agent
        self._log = log
        self._parsers: dict[str, RobotFileParser | None] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def _origin_lock(self, origin: str) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(origin, threading.Lock())

    def _load(self, origin: str) -> RobotFileParser | None:
        robots_url = f"{origin}/robots.txt"
        result = self._client.get(robots_url, max_retries=0, max_bytes=ROBOTS_MAX_BYTES)
        if result.error or result.status is None:
            self._note(f"robots.txt of {origin} unreachable ({result.error}); treating as allowed")
            return None
        if result.status != 200 or result.body is None:
            self._note(f"robots.txt of {origin} answered HTTP {result.status}; treating as allowed")
            return None
        parser = RobotFileParser(robots_url)
        parser.parse(decode_bytes(result.body, result.charset).text.splitlines())
        return parser

    def _note(self, message: str) -> None:
        if self._log is not None:
            self._log.info(message)

    def verdict(self, url: str) -> RobotsVerdict:
        origin = origin_of(url)
        # One fetch per origin even when several workers ask at once.
        with self._origin_lock(origin):
            if origin not in self._parsers:
                self._parsers[origin] = self._load(origin)
            parser = self._parsers[origin]
        if parser is None:
            return RobotsVerdict(True, "no usable robots.txt")
        if parser.can_fetch(self._user_agent, url):
            return RobotsVerdict(True, "allowed by robots.txt")
        return RobotsVerdict(False, f"disallowed by {origin}/robots.txt")

    def allowed(self, url: str) -> bool:
        return self.verdict(url).allowed
