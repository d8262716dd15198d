"""Nothing a run started outlives it: its child processes still running when it ends are stopped.

The parse workers and the attachment readers end with their parent by themselves (a parent-death
signal); `dbt build`, started by dagster-dbt, does not: a run stopped by SIGTERM during dbt left it
running on its own, writing into the run's removed working copy after the lock was released.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from ..durable import pid_alive

# how long the children get to end on SIGTERM before they are killed
GRACE_SECONDS = 5.0


# multiprocessing's helpers, which end by themselves when their parent does (their pipe closes)
_OWN_HELPERS = (b"multiprocessing.resource_tracker", b"multiprocessing.forkserver")


def _a_helper(pid: int) -> bool:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return any(helper in command for helper in _OWN_HELPERS)


def running_children(pid: int | None = None) -> list[int]:
    """The running child processes of ``pid`` (this process by default), from every one of its threads,
    multiprocessing's own helpers aside."""
    pid = os.getpid() if pid is None else pid
    children: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children.update(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return sorted(c for c in children if pid_alive(c) and not _a_helper(c))


def end_children(grace_s: float = GRACE_SECONDS) -> list[int]:
    """SIGTERM to the running children of this process, SIGKILL to those left after ``grace_s``; each is
    reaped. Returns the children that were running."""
    children = running_children()
    for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 2.0)):
        left = [c for c in children if pid_alive(c)]
        for child in left:
            try:
                os.kill(child, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + wait_s
        while left and time.monotonic() < deadline:
            for child in left:
                try:
                    os.waitpid(child, os.WNOHANG)
                except ChildProcessError:
                    pass
            left = [c for c in left if pid_alive(c)]
            if left:
                time.sleep(0.1)
        if not left:
            break
    return children


# how Dagster reports a step a signal stopped: its own interruption, or the parse's (worker_pool: SIGTERM is
# raised as KeyboardInterrupt in the step)
_INTERRUPTED = ("DagsterExecutionInterruptedError", "KeyboardInterrupt")


def interrupted_step(failures: list[tuple[str, str]]) -> str | None:
    """The step a Ctrl-C or a SIGTERM stopped, which Dagster reports as that step's failure (exit 130, not 1:
    a scheduler tells an interruption from a broken step)."""
    return next((step for step, message in failures if any(word in message for word in _INTERRUPTED)), None)
