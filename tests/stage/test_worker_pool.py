"""The parse workers end with the process that started them, however it ends."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

_KILLS_ITSELF = """
import os, signal
from dagster_project.stage.worker_pool import worker_pool
with worker_pool(2) as pool:
    pids = {pool.submit(os.getpid).result() for _ in range(6)}
    print(" ".join(map(str, sorted(pids))), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for whoever adopted it to reap it."""
    try:
        state = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State:"))
    except FileNotFoundError:
        return False
    return " Z " not in state + " " and "zombie" not in state


def test_workers_end_when_their_parent_is_killed_outright():
    # a runner killed with SIGKILL used to leave its two workers blocked on the task queue for ever
    done = subprocess.run([sys.executable, "-c", _KILLS_ITSELF], capture_output=True, text=True,
                          cwd=Path(__file__).parents[2], timeout=30)
    assert done.returncode == -9, done.stderr
    workers = [int(pid) for pid in done.stdout.split()]
    assert len(workers) >= 1
    deadline = time.monotonic() + 10
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_running, workers)), [pid for pid in workers if _running(pid)]
    assert "Traceback" not in done.stderr  # they end quietly, not through the parent's SIGTERM handler
