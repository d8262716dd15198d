"""What a run started and left running is stopped when it ends; an interruption is told from a failure."""
import subprocess
import sys
import textwrap
from pathlib import Path

from dagster_project.run.children import interrupted_step

ROOT = Path(__file__).resolve().parents[2]


def test_children_left_running_are_stopped_and_multiprocessings_helpers_are_not_counted():
    # (in a process of its own: the test's own process has children of its own)
    script = textwrap.dedent("""
        import multiprocessing, subprocess, sys
        from dagster_project.run.children import end_children, running_children
        left = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"])
        polite = subprocess.Popen(["sleep", "60"])
        multiprocessing.get_context("spawn").Queue().put(1)  # starts the resource tracker, a helper
        import time; time.sleep(0.5)
        ended = end_children(grace_s=1.0)
        print(sorted(ended) == sorted([left.pid, polite.pid]), left.poll() is not None, polite.poll() is not None,
              running_children() == [])
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["True", "True", "True", "True"], done.stderr


def test_an_interrupted_step_is_named_and_a_failed_one_is_not():
    # an outside trial: Ctrl-C or SIGTERM said "run failed at staged_reports: DagsterExecutionInterruptedError", exit 1
    failures = [("staged_reports", "dagster._core.errors.DagsterExecutionInterruptedError")]
    assert interrupted_step(failures) == "staged_reports"
    assert interrupted_step([("staged_reports", "KeyboardInterrupt: stopped by SIGTERM")]) == "staged_reports"
    assert interrupted_step([("warehouse_dbt_models", "dbt build failed: 2 errors")]) is None
