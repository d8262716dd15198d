"""`make dev`: the current CLI, no community pop-up, and Ctrl-C stops every process within seconds."""
import json
import os
import signal
import socket
import time
import urllib.request

from runkit import Background, make_env, seed_raw

STOP_WITHIN_S = 10.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def wait_until_up(port: int, dev: Background, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert dev.proc.poll() is None, "\n".join(dev.lines)
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError("the UI did not come up:\n" + "\n".join(dev.lines))


def test_make_dev_serves_without_the_pop_up_and_stops_on_ctrl_c(tmp_path):
    port = free_port()
    dagster_home = tmp_path / "dagster"
    env = make_env(tmp_path / "wh" / "govinfo.duckdb", seed_raw(tmp_path / "raw", 1), dagster_home)
    (dagster_home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")  # as an older checkout left it
    dev = Background("dev", env, f"DEV_PORT={port}")
    try:
        wait_until_up(port, dev, timeout=400)
        assert graphql(port, "{ shouldShowNux }")["data"]["shouldShowNux"] is False
        assert len(dev.session_pids()) >= 4  # make, the launcher, dg dev and what it started
        # Ctrl-C: the terminal sends SIGINT to the foreground process group (make's)
        started = time.monotonic()
        os.killpg(dev.proc.pid, signal.SIGINT)
        while dev.session_pids() and time.monotonic() - started < 90:
            time.sleep(0.2)
        stopped_in = time.monotonic() - started
        print(f"make dev stopped in {stopped_in:.1f} s after SIGINT")
        assert not dev.session_pids(), f"still running after {stopped_in:.0f} s"
        assert stopped_in < STOP_WITHIN_S
        output = "\n".join(dev.lines)
        assert "SupersessionWarning" not in output
    finally:
        if dev.session_pids():
            dev.kill_session()
