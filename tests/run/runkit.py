"""Drive `make run` / `make sql` / `make dev` as a person does: real subprocesses on a temporary warehouse."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

ROOT = Path(__file__).absolute().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def seed_raw(folder: Path, count: int = 4) -> Path:
    """A raw folder with the first ``count`` seed reports (real documents with gold)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(SEEDS.glob("*.txt"))[:count]:
        shutil.copy(path, folder / path.name)
    return folder


def ingested_warehouse(tmp_path: Path, count: int = 3):
    """(raw, warehouse, settings): ``count`` seed reports ingested into a real DuckDB file and the
    build recorded as parser ``p1`` (no dbt)."""
    from dagster_project.ingest.scan import ingest_folder
    from dagster_project.resources.warehouse import open_warehouse
    from dagster_project.run.unchanged import models_digest, record_build
    from dagster_project.settings import Settings

    raw = seed_raw(tmp_path / "raw", count=count)
    warehouse = tmp_path / "wh.duckdb"
    settings = Settings(raw_dir=raw, warehouse=warehouse)
    con = open_warehouse(warehouse)
    try:
        ingest_folder(con, raw)
        record_build(con, "p1", models_digest(settings))
    finally:
        con.close()
    return raw, warehouse, settings


def make_env(warehouse: Path, raw: Path, dagster_home: Path, **extra: str) -> dict[str, str]:
    dagster_home.mkdir(parents=True, exist_ok=True)
    (dagster_home / "dagster.yaml").write_text("telemetry:\n  enabled: false\nnux:\n  enabled: false\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GOVINFO_", "PYTEST_"))}
    env.pop("VERBOSE", None)
    env.pop("Q", None)
    env.update(GOVINFO_WAREHOUSE=str(warehouse), GOVINFO_RAW_DIR=str(raw), DAGSTER_HOME=str(dagster_home), **extra)
    return env


def make(target: str, env: dict, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", target, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout, start_new_session=True)


class Background:
    """`make <target>` in its own session; stdout lines collected as they come."""

    def __init__(self, target: str, env: dict, *args: str) -> None:
        self.proc = subprocess.Popen(["make", "--no-print-directory", target, *args], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     start_new_session=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for_line(self, pattern: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if regex.search(line):
                    return line
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"no line matching {pattern!r}; output so far:\n" + "\n".join(self.lines))

    def session_pids(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=,stat=", "-s", str(self.proc.pid)], capture_output=True, text=True).stdout
        return [int(pid) for pid, stat in (line.split() for line in out.splitlines()) if not stat.startswith("Z")]

    def kill_session(self, sig: int = signal.SIGKILL) -> None:
        for pid in self.session_pids():
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        self.proc.wait(timeout=30)

    def wait(self, timeout: float = 900) -> int:
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=10)
        return code


def wait_for_file_line(folder: Path, pattern: str, timeout: float, skip: set[Path] = frozenset()) -> str:
    """The first line matching ``pattern`` in a run log under ``folder`` that is not in ``skip``
    (the logs of earlier runs)."""
    deadline = time.monotonic() + timeout
    regex = re.compile(pattern)
    while time.monotonic() < deadline:
        for log in sorted(set(folder.glob("run-*.log")) - set(skip)):
            for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
                if regex.search(line):
                    return line
        time.sleep(0.2)
    raise AssertionError(f"no line matching {pattern!r} in a new run log")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
