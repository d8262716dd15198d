"""`make dev`: the Dagster UI (`dg dev`) that stops, with everything it started, within seconds.

`dg dev` starts a webserver, a daemon and code servers, and on Ctrl-C waits up to a minute for
each to finish on its own. Here it runs in a process group of its own: on SIGINT or SIGTERM the
group gets SIGINT, a short grace period, then SIGKILL, so no process outlives `make dev`.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ..settings import PROJECT_ROOT


def quiet_instance(dagster_home: Path) -> None:
    """No telemetry and no community pop-up ("nux") in the instance's dagster.yaml."""
    dagster_home.mkdir(parents=True, exist_ok=True)
    config = dagster_home / "dagster.yaml"
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    additions = ""
    if "telemetry:" not in text:
        additions += "telemetry:\n  enabled: false\n"
    if "nux:" not in text:
        additions += "nux:\n  enabled: false\n"
    if additions:
        config.write_text(text + ("" if not text or text.endswith("\n") else "\n") + additions, encoding="utf-8")


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, read from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state not in ("Z", "X"):
            members.append(int(stat.parent.name))
    return members


def stop_group(pgid: int, grace_s: float) -> None:
    """SIGINT to the whole group, then SIGKILL to whatever is left after ``grace_s``."""
    for sig, wait_s in ((signal.SIGINT, grace_s), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            try:  # reap our direct child so the group can empty
                os.waitpid(-pgid, os.WNOHANG)
            except ChildProcessError:
                pass
            if not group_members(pgid):
                return
            time.sleep(0.1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make dev", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="3000")
    parser.add_argument("--stop-grace", type=float, default=3.0,
                        help="seconds the UI's processes get to stop on their own before they are killed")
    args = parser.parse_args(argv)

    dagster_home = Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster")
    os.environ["DAGSTER_HOME"] = str(dagster_home)
    quiet_instance(dagster_home)
    try:
        import dagster as dg

        from .stale_runs import fail_dead_runs

        with dg.DagsterInstance.get() as instance:
            for run_id in fail_dead_runs(instance):
                print(f"marked run {run_id[:8]} failed: its process is gone", flush=True)
    except Exception as exc:  # noqa: BLE001 - a stale run is no reason not to open the UI
        print(f"could not check for stale runs: {exc}", file=sys.stderr)

    dg_cli = Path(sys.executable).with_name("dg")
    command = [str(dg_cli), "dev", "-w", str(PROJECT_ROOT / "workspace.yaml"), "-h", args.host, "-p", str(args.port)]
    child = subprocess.Popen(command, cwd=PROJECT_ROOT, process_group=0)
    stopping = False

    def on_signal(signum, _frame) -> None:
        nonlocal stopping
        if stopping:
            return
        stopping = True
        print(f"\nstopping the Dagster UI ({signal.Signals(signum).name})", file=sys.stderr, flush=True)
        stop_group(child.pid, args.stop_grace)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    code = child.wait()
    stop_group(child.pid, args.stop_grace)  # the UI's children, should dg itself have ended first
    return 0 if stopping else code


if __name__ == "__main__":
    sys.exit(main())
