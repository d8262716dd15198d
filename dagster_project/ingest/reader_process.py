"""Attachment readers run in a child process, within a time and a memory limit.

A reader works on bytes a site chose, and its cost is not bounded by the file's size: a 55 KB PDF
whose one page draws two million line segments held pdfminer for 251 s and 9.7 GB, and two such
files read side by side would take the machine's memory. Read in the ingest's own threads, such a
file held the whole run, and no signal can stop a thread. Each attachment goes instead to a reader
server (:mod:`.reader_server`), which reads it in a forked child under RLIMIT_CPU and RLIMIT_AS and
a wall clock. A file over a limit is refused with the limit's name; the run goes on.

Servers are started as they are needed (one per file being read at a time: the ingest reads two)
and kept for the next file; each ends when this process closes its stdin or dies, and all of them
at once when the ingest is interrupted (:func:`stop_servers`).
"""
from __future__ import annotations

import atexit
import os
import pickle
import subprocess
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from ..parse.attachments import ReaderResult, refused

_PROJECT = str(Path(__file__).resolve().parents[2])


@dataclass(frozen=True)
class ReaderLimits:
    """What one attachment's reader may take (AttachmentSettings.reader_max_seconds, reader_max_mb), and
    the most text it may give (Settings.parse_max_chars): a few kilobytes of spreadsheet can spell out
    hundreds of megabytes of empty cells, which would be stored only to be refused by the parse."""

    seconds: float = 120.0
    memory_mb: int = 2048
    max_chars: int = 2_000_000


class _Server:
    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PROJECT, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen([sys.executable, "-m", "dagster_project.ingest.reader_server"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)

    def ask(self, request: tuple) -> ReaderResult:
        pickle.dump(request, self.process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        self.process.stdin.flush()
        return pickle.load(self.process.stdout)

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_idle: list[_Server] = []
_busy: set[_Server] = set()
_lock = threading.Lock()
_stops = 0  # how many times stop_servers ran: a read under way then is not tried again


def _borrow() -> _Server:
    with _lock:
        while _idle:
            server = _idle.pop()
            if server.process.poll() is None:
                _busy.add(server)
                return server
        server = _Server()
        _busy.add(server)
        return server


def _give_back(server: _Server) -> None:
    with _lock:
        _busy.discard(server)
        _idle.append(server)


def _drop(server: _Server) -> None:
    with _lock:
        _busy.discard(server)
    server.close()


@atexit.register
def close_servers() -> None:
    with _lock:
        servers = list(_idle)
        _idle.clear()
    for server in servers:
        server.close()


def stop_servers() -> None:
    """Kill every server now, the ones reading too (their children die with them): an interrupted
    ingest does not wait for the files being read, up to twice the time limit."""
    global _stops
    with _lock:
        _stops += 1
        idle, busy = list(_idle), list(_busy)
        _idle.clear()
    for server in busy:
        server.process.kill()  # the thread waiting on it drops it
    for server in idle:
        server.process.kill()
        server.close()


SERVER_ENDED = "reader server ended"  # the limit of a refusal that is read again at the next run


def read_attachment_within(data: bytes, kind: str, source_path: str, limits: ReaderLimits) -> ReaderResult:
    """:func:`..parse.attachments.read_attachment` of the file, read by a reader server under ``limits``;
    never raises on the file. A server that died is replaced, and the file read again, once."""
    env = {name: value for name, value in os.environ.items() if name.startswith("GOVINFO_")}
    ended, stops = None, _stops
    for _ in range(2):
        server = _borrow()
        try:
            result = server.ask((data, kind, source_path, limits.seconds, limits.memory_mb, env, limits.max_chars))
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            _drop(server)
            ended = exc
            if _stops != stops:  # stopped on purpose
                break
            continue
        _give_back(server)
        return result
    return replace(refused(kind, f"{source_path}: not read: the reader server ended ({type(ended).__name__})"),
                   limit=SERVER_ENDED)
