"""The end of a run's output capture: everything written reaches the log, and a child process that
inherited the output and outlives the run (as multiprocessing's resource tracker does) does not hold
the run open. A real process with its real descriptors and a real child."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time

SCRIPT = textwrap.dedent("""
    import subprocess, sys, time
    from pathlib import Path
    from dagster_project.run.capture import Capture

    with Capture(Path(sys.argv[1]), log_after_exit=True) as capture:
        straggler = subprocess.Popen(["sleep", "30"])  # inherits descriptors 1 and 2, as a tracker does
        child = subprocess.run([sys.executable, "-c", "print('from a child process')"])
        for k in range(2000):
            print(f"line {k}")
        started = time.monotonic()
    Path(sys.argv[2]).write_text(f"{time.monotonic() - started:.2f}")  # descriptor 2 now goes to the log
    straggler.kill()
""")


def test_output_reaches_the_log_and_a_straggler_does_not_hold_the_end(tmp_path):
    log = tmp_path / "run.log"
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(log), str(tmp_path / "closed")], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr + log.read_text()
    closed = float((tmp_path / "closed").read_text())
    assert closed < 2.0  # was the whole 5 s wait before
    assert time.monotonic() - began < 25  # the straggler's 30 s are not waited for either
    text = log.read_text()
    assert "from a child process" in text
    assert all(f"line {k}\n" in text for k in (0, 999, 1999))
