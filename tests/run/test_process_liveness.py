"""Whether the process that left a run, a lock or a shard behind is still running.

A run killed together with its parent `make` is re-parented to PID 1; where PID 1 does not reap
(a container's shell or sleep), it stays a zombie that signal 0 still reaches. It must count as gone,
or its run is never marked failed and its shards are never taken over.
"""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dagster_project.durable import pid_alive

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs procfs")


def _state(pid: int) -> str:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rfind(")") + 2]


def test_a_running_process_is_alive():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert pid_alive(child.pid)
        assert pid_alive(os.getpid())
    finally:
        child.kill()
        child.wait()


def test_a_zombie_is_gone():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while _state(child.pid) != "Z":  # exited, not yet reaped: signal 0 still reaches it
        assert time.monotonic() < deadline, "the child never exited"
        time.sleep(0.05)
    os.kill(child.pid, 0)
    assert not pid_alive(child.pid)
    child.wait()
    assert not pid_alive(child.pid)


def test_no_pid_is_not_alive():
    assert not pid_alive(None)
    assert not pid_alive(0)
