"""One run per warehouse: an exclusive `flock` on a file beside it, naming the holder.

The kernel drops a `flock` when its holder dies, so a lock left by a killed run is simply taken:
the pid written in the file is only there to tell a person who holds a live lock.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


@dataclass
class Holder:
    pid: int | None
    since: str | None
    host: str | None

    def describe(self) -> str:
        return (f"another run holds the warehouse since {self.since or 'an unknown time'}, pid {self.pid or '?'}: "
                "run again when it has finished (nothing was changed)")


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


def read_holder(path: Path) -> Holder:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        data = {}
    return Holder(pid=data.get("pid"), since=data.get("since"), host=data.get("host"))


class RunLock:
    """``with RunLock(warehouse) as lock:`` holds the warehouse or raises `WarehouseBusy` at once."""

    def __init__(self, warehouse: Path) -> None:
        self.path = lock_path(warehouse)
        self._fd: int | None = None
        self.stale: Holder | None = None  # the dead holder whose lock this run took over, if any

    def acquire(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # O_CLOEXEC (Python's default): dbt and other programs the run starts do not inherit the lock
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise WarehouseBusy(read_holder(self.path).describe()) from None
        previous = read_holder(self.path)
        if previous.pid and previous.pid != os.getpid():
            # the file still names a run that never released it: it was killed
            self.stale = previous
        record = {"pid": os.getpid(), "since": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
                  "host": socket.gethostname()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(record).encode(), 0)
        os.fsync(fd)
        self._fd = fd
        # forked workers (the parse pool) get a copy of every descriptor: close theirs, so that a
        # worker outliving a killed run does not keep holding the warehouse
        os.register_at_fork(after_in_child=self._close_in_child)
        return self

    def _close_in_child(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._fd = None

    def release(self) -> None:
        if self._fd is None:
            return
        os.ftruncate(self._fd, 0)  # a clean exit leaves no holder behind
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
