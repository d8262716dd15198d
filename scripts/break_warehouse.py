"""Try to break the warehouse: bad files, SIGKILL at every stage, two builds at once, an empty raw folder.

Builds a warehouse over a copy of the real documents of raw/ in a temporary folder, then adds bad
files of every kind (tests/ingest/bad_files.py: archives, images, executables, links out of the
folder to a file holding a marker, dangling and looping links, a fifo, a name that is not UTF-8, ...)
plus a few reproductions (a 16k-digit line, a report wrapped in 10,000 <div>s, a seed report with
an invalid byte), and runs `make run` through these cases:

  baseline       the real documents only
  bad files      the same plus the bad files
  kill: <stage>  new copies of real reports to ingest, and SIGKILL of the run during that stage
  two at once    two `make run` started together: one builds, the other is refused by the lock
  empty raw      GOVINFO_RAW_DIR pointing at an empty folder: the run must stop, nothing removed
  after kills    a normal run once more

For each case it prints the exit code, files refused (with their reasons), good reports whose
figures changed against the baseline (must be 0), whether any byte from outside the raw folder
reached the warehouse (must be never), whether a reader polling the published file ever saw mixed
marts (fct_indicator_value's report_ids not within dim_report's, or a dim_report count that no
complete build published; must be never), and the time and peak memory of the run.

    .venv/bin/python scripts/break_warehouse.py [--per-kind 100] [--keep]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "ingest"))

from bad_files import KINDS, OUTSIDE_MARKER, make_bad_files  # noqa: E402

KILL_STAGES = {  # stage -> a line of the run log that says the run is inside it
    "ingest": r'STEP_START - Started execution of step "staging__documents"',
    "parse": r'STEP_START - Started execution of step "staged_reports"',
    "dbt": r"\d+ of \d+ OK created",
    "checks": r'STEP_START - Started execution of step "\S*_gx_\S*"',
}


@dataclass
class Outcome:
    case: str
    exit_code: int | None
    seconds: float
    peak_mib: float
    refused: str = ""
    figures_changed: int | str = ""
    outside_bytes: str = ""
    note: str = ""


@dataclass
class Reader:
    """Polls the published warehouse the whole time, as an analyst's notebook would."""

    path: Path
    observations: list[tuple[int, int]] = field(default_factory=list)  # (dim_report count, orphan fact ids)
    errors: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        import duckdb

        while not self.stop.is_set():
            if self.path.exists():
                try:
                    con = duckdb.connect(str(self.path), read_only=True)
                    try:
                        reports = con.execute("select count(*) from marts.dim_report").fetchone()[0]
                        orphans = con.execute(
                            "select count(distinct report_id) from marts.fct_indicator_value where report_id not in "
                            "(select report_id from marts.dim_report)").fetchone()[0]
                        self.observations.append((reports, orphans))
                    finally:
                        con.close()
                except Exception as exc:  # noqa: BLE001 - a file that cannot be read is a finding too
                    self.errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")
            time.sleep(0.2)


def session_pids(session: int) -> list[tuple[int, str]]:
    out = subprocess.run(["ps", "-o", "pid=,stat=,comm=", "-s", str(session)], capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        pid, stat, comm = line.split(None, 2)
        if not stat.startswith("Z"):
            rows.append((int(pid), comm))
    return rows


def new_log_line(logs: Path, pattern: str, earlier: set[Path]) -> bool:
    """Whether a run log not in ``earlier`` (the logs of the runs before) has a line matching ``pattern``."""
    for log in set(logs.glob("run-*.log")) - earlier:
        if re.search(pattern, log.read_text(encoding="utf-8", errors="replace")):
            return True
    return False


def start_run(env: dict) -> subprocess.Popen:
    return subprocess.Popen(["make", "--no-print-directory", "run"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)


def finish(proc: subprocess.Popen) -> tuple[int, float, str]:
    """Exit code, peak RSS (MiB) of the run and what it printed; the run's own rusage via wait4."""
    output = proc.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss / 1024, output


def kill_run(proc: subprocess.Popen) -> None:
    """SIGKILL the run and everything it started (make itself is left to notice)."""
    for pid, comm in session_pids(proc.pid):
        if pid != proc.pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class Bench:
    def __init__(self, work: Path, per_kind: int) -> None:
        self.work = work
        self.raw = work / "raw"
        self.outside = work / "outside"
        self.warehouse = work / "wh" / "govinfo.duckdb"
        self.logs = self.warehouse.parent / "logs"
        self.per_kind = per_kind
        dagster_home = work / "dagster"
        dagster_home.mkdir(parents=True)
        (dagster_home / "dagster.yaml").write_text("telemetry:\n  enabled: false\nnux:\n  enabled: false\n")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("GOVINFO_")}
        self.env.update(GOVINFO_RAW_DIR=str(self.raw), GOVINFO_WAREHOUSE=str(self.warehouse),
                        DAGSTER_HOME=str(dagster_home))
        self.env.pop("VERBOSE", None)
        self.baseline: dict[tuple, float] = {}
        self.published_counts: set[int] = set()
        self.bad_count = 0
        self.outcomes: list[Outcome] = []

    # -- what the published warehouse holds ----------------------------------------------------
    def query(self, sql: str) -> list[tuple]:
        import duckdb

        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    def figures_of_good_reports(self) -> dict[tuple, float]:
        """(source_path, indicator, applicant) -> value of every real report of raw/. A report that
        deduplication marks as a copy of another (``canonical_report_id``) carries the figures of
        the report it is a copy of: those are the ones the marts serve for it."""
        has_canonical = bool(self.query(
            "select 1 from information_schema.columns where table_schema = 'marts' and table_name = 'dim_report' "
            "and column_name = 'canonical_report_id'"))
        served_by = "coalesce(r.canonical_report_id, r.report_id)" if has_canonical else "r.report_id"
        rows = self.query("select r.source_path, f.indicator_code, f.applicant_type, f.value "
                          f"from marts.dim_report r join marts.fct_indicator_value f on f.report_id = {served_by} "
                          "where r.source_path not like 'bad/%' and r.source_path not like 'copies/%' "
                          "and r.source_path not like 'repro/%'")
        return {(path, code, applicant): value for path, code, applicant, value in rows}

    def changed_figures(self) -> int:
        now = self.figures_of_good_reports()
        keys = set(self.baseline) | set(now)
        return sum(1 for key in keys if self.baseline.get(key) != now.get(key))

    def refused(self) -> str:
        tables = {t for (t,) in self.query(
            "select table_name from information_schema.tables where table_schema = 'marts'")}
        if "refused_documents" not in tables:
            return "no refused_documents table"
        total = self.query("select count(*) from marts.refused_documents")[0][0]
        reasons = self.query("select regexp_replace(reason, '[:(].*', ''), count(*) from marts.refused_documents "
                             "group by 1 order by 2 desc limit 4")
        return f"{total} (" + ", ".join(f"{n} {reason.strip()[:28]}" for reason, n in reasons) + ")"

    def outside_bytes(self) -> str:
        """Every text column of every table of the published file and of any working copy left."""
        import duckdb

        found = []
        for path in (self.warehouse, self.warehouse.with_name(self.warehouse.name + ".building")):
            if not path.exists():
                continue
            try:
                con = duckdb.connect(str(path), read_only=True)
            except Exception as exc:  # noqa: BLE001 - a working copy still locked by a dying run
                found.append(f"{path.name}: unreadable ({type(exc).__name__})")
                continue
            try:
                columns = con.execute(
                    "select table_schema, table_name, column_name from information_schema.columns "
                    "where data_type = 'VARCHAR' and table_schema not in ('information_schema', 'pg_catalog')"
                ).fetchall()
                for schema, table, column in columns:
                    hits = con.execute(f'select count(*) from "{schema}"."{table}" where "{column}" like ?',
                                       [f"%{OUTSIDE_MARKER}%"]).fetchone()[0]
                    if hits:
                        found.append(f"{path.name}:{schema}.{table}.{column}={hits}")
            finally:
                con.close()
        return "never" if not found else "YES: " + ", ".join(found)

    # -- cases ---------------------------------------------------------------------------------
    def record(self, case: str, code: int | None, seconds: float, peak: float, note: str = "") -> None:
        outcome = Outcome(case, code, seconds, peak, note=note)
        if self.warehouse.exists():
            outcome.refused = self.refused()
            outcome.figures_changed = self.changed_figures() if self.baseline else "-"
            outcome.outside_bytes = self.outside_bytes()
            self.published_counts.add(self.query("select count(*) from marts.dim_report")[0][0])
        self.outcomes.append(outcome)
        print(f"  {case:<14} exit {code}  {seconds:6.1f} s  {peak:5.0f} MiB  {outcome.refused}  {note}", flush=True)

    def run_case(self, case: str, env: dict | None = None) -> tuple[int, str]:
        started = time.monotonic()
        proc = start_run(env or self.env)
        code, peak, output = finish(proc)
        last = [line for line in output.splitlines() if line.strip()][-2:] if code else []
        self.record(case, code, time.monotonic() - started, peak, note=" | ".join(last)[:160])
        return code, output

    def kill_case(self, stage: str) -> None:
        copies = self.raw / "copies" / stage
        copies.mkdir(parents=True)
        seeds = sorted((self.raw / "seeds").glob("*.txt"))
        for i in range(60):  # new real reports: work for ingest and parse to be caught in
            source = seeds[i % len(seeds)]
            (copies / f"{i:03d}_{source.name}").write_bytes(source.read_bytes() + f"\n\n(副本 {stage} {i})\n".encode())
        started = time.monotonic()
        earlier = set(self.logs.glob("run-*.log"))
        proc = start_run(self.env)
        caught = False
        while proc.poll() is None and time.monotonic() - started < 1800:
            if new_log_line(self.logs, KILL_STAGES[stage], earlier):
                kill_run(proc)
                caught = True
                break
            time.sleep(0.05)
        code, peak, _ = finish(proc)
        self.record(f"kill: {stage}", code, time.monotonic() - started, peak,
                    note="killed in " + stage if caught else "the run ended before the stage was seen")

    def two_at_once(self) -> None:
        (self.raw / "copies" / "two").mkdir(parents=True)
        shutil.copy(sorted((self.raw / "seeds").glob("*.txt"))[0], self.raw / "copies" / "two" / "a.txt")
        started = time.monotonic()
        first, second = start_run(self.env), start_run(self.env)
        results = [finish(first), finish(second)]
        elapsed = time.monotonic() - started
        notes = []
        for code, _, output in results:
            lines = [line for line in output.splitlines() if line.strip()]
            notes.append(f"exit {code}: {lines[-1][:90] if code else 'built'}")
        self.record("two at once", max(r[0] for r in results), elapsed, max(r[1] for r in results),
                    note="; ".join(notes))

    def empty_raw(self) -> None:
        empty = self.work / "empty-raw"
        empty.mkdir()
        self.run_case("empty raw", dict(self.env, GOVINFO_RAW_DIR=str(empty)))

    def add_bad_files(self) -> None:
        made = make_bad_files(self.raw, self.outside, count=self.per_kind * len(KINDS))
        self.bad_count = len(made)
        repro = self.raw / "repro"
        repro.mkdir()
        seed = sorted((self.raw / "seeds").glob("*.txt"))[0].read_bytes()
        (repro / "digits.txt").write_bytes(b"2023\xe5\xb9\xb4\n" + b"7" * 16000 + b"\n")
        (repro / "nested.html").write_bytes(b"<html><body>" + b"<div>" * 10000 + seed.replace(b"\n", b"<br>")
                                            + b"</div>" * 10000 + b"</body></html>")
        (repro / "bad_byte.txt").write_bytes(seed + b"\xff")
        os.symlink("/etc/passwd", repro / "etc_passwd.txt")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-kind", type=int, default=100, help="bad files of each kind (default 100)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govinfo-break-"))
    bench = Bench(work, args.per_kind)
    shutil.copytree(ROOT / "raw", bench.raw, symlinks=True, ignore=shutil.ignore_patterns("_fetched"))
    reader = Reader(bench.warehouse)
    thread = threading.Thread(target=reader.run, daemon=True)
    print(f"working in {work}; documents: {sum(1 for p in bench.raw.rglob('*') if p.is_file())} files", flush=True)
    try:
        bench.run_case("baseline")
        bench.baseline = bench.figures_of_good_reports()
        thread.start()
        bench.add_bad_files()
        bench.run_case("bad files", None)
        for stage in KILL_STAGES:
            bench.kill_case(stage)
        bench.two_at_once()
        bench.empty_raw()
        bench.run_case("after kills")
    finally:
        reader.stop.set()
        thread.join(timeout=5)
        mixed_orphans = sum(1 for _, orphans in reader.observations if orphans)
        unknown = sorted({count for count, _ in reader.observations} - bench.published_counts)
        print()
        print(f"bad files added: {bench.bad_count} ({args.per_kind} of each of {len(KINDS)} kinds) + 4 reproductions; "
              f"good figures in the baseline: {len(bench.baseline)}")
        header = f"{'case':<14} {'exit':>4} {'time':>8} {'peak':>8}  {'refused (reasons)':<58} {'good figs changed':>17}  {'outside bytes':<13} note"
        print(header)
        print("-" * len(header))
        for o in bench.outcomes:
            print(f"{o.case:<14} {o.exit_code!s:>4} {o.seconds:>6.1f} s {o.peak_mib:>4.0f} MiB  {o.refused[:58]:<58} "
                  f"{o.figures_changed!s:>17}  {o.outside_bytes[:13]:<13} {o.note[:140]}")
        print()
        print(f"reader: {len(reader.observations)} reads of the published file while runs and kills happened; "
              f"mixed marts (orphan facts) in {mixed_orphans}; dim_report counts never published: {unknown or 'none'}; "
              f"read errors: {len(reader.errors)}" + (f" (first: {reader.errors[0]})" if reader.errors else ""))
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
