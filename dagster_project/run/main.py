"""`make run`: take the warehouse lock, build a working copy with every asset, publish it, summarize.

Exit status: 0 when the pipeline worked (bad documents are reported, not fatal), 1 when a step
failed or a blocking check found lost rows (nothing is published), 75 when another run holds the
warehouse, 78 when a setting is invalid (run/preflight.py: nothing is run) or names another raw folder
than the warehouse was built from (nothing is fetched or copied), 130 when interrupted.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

from .children import end_children, interrupted_step
from .damaged import damaged_warehouse_hint
from .lock import RunLock, WarehouseBusy

EXIT_OK, EXIT_FAILED, EXIT_BUSY, EXIT_SETTINGS, EXIT_INTERRUPTED = 0, 1, 75, 78, 130
LOGS_KEPT = 30


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.run",
                                     description="Build the warehouse over the raw folder and print a summary.")
    parser.add_argument("-v", "--verbose", action="store_true",
                        default=os.environ.get("VERBOSE", "").lower() in ("1", "true", "yes"),
                        help="print the full Dagster and dbt log on the terminal too (VERBOSE=1)")
    parser.add_argument("--force", action="store_true",
                        default=os.environ.get("FORCE", "").lower() in ("1", "true", "yes"),
                        help="run the whole pipeline even when nothing changed since the last build (FORCE=1)")
    return parser.parse_args(argv)


def _prune_logs(folder: Path) -> None:
    logs = sorted(folder.glob("run-*.log"))
    for old in logs[:-LOGS_KEPT]:
        old.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
    from pydantic import ValidationError

    from ..settings import get_settings
    from .preflight import layout_problems, settings_problems

    try:
        settings = get_settings()
    except ValidationError as invalid:
        problems = settings_problems(invalid)
    else:
        problems = layout_problems(settings)
    if problems:
        for problem in problems:
            print(f"govinfo-warehouse: {problem}", file=sys.stderr, flush=True)
        print("govinfo-warehouse: nothing was run; the warehouse was left as it was", file=sys.stderr, flush=True)
        return EXIT_SETTINGS
    published = settings.warehouse
    try:
        lock = RunLock(published).acquire()
    except WarehouseBusy as busy:
        print(f"govinfo-warehouse: {busy}", file=sys.stderr, flush=True)
        return EXIT_BUSY
    try:
        return _run(published, lock, verbose=args.verbose, force=args.force)
    finally:
        lock.release()


def _run(published: Path, lock: RunLock, verbose: bool, force: bool = False) -> int:
    from .capture import Capture
    from .console import StageConsole

    started = time.monotonic()
    since_iso = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    log_dir = published.parent / "logs"
    log_path = log_dir / f"run-{datetime.now().strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    console: StageConsole | None = None

    def on_line(line: str) -> None:
        if console is not None:
            console.on_output_line(line)

    with Capture(log_path, verbose=verbose, on_line=on_line, log_after_exit=True) as capture:
        tty = capture.console.isatty() and not verbose

        def say(line: str = "") -> None:
            capture.console.write(line + "\n")
            capture.console.flush()
            capture.log(line)

        def overwrite(line: str) -> None:
            capture.console.write("\r\x1b[K" + line)
            capture.console.flush()

        def stage_line(line: str) -> None:
            if line:
                say(line)
            elif tty:  # ends the line the progress was rewriting
                capture.console.write("\n")

        console = StageConsole(stage_line, tty=tty, overwrite=overwrite if tty else None)
        try:
            return _build(published, lock, console, say, log_path, since_iso, started, force)
        except KeyboardInterrupt:
            say(f"govinfo-warehouse: interrupted; {published} was left as it was (log: {log_path})")
            return EXIT_INTERRUPTED
        except Exception as exc:  # noqa: BLE001 - the traceback goes to the log, the cause to the person
            traceback.print_exc()
            sys.stderr.flush()
            say(f"govinfo-warehouse: run FAILED: {type(exc).__name__}: {exc}")
            say(f"  log                : {log_path}")
            if hint := damaged_warehouse_hint([str(exc)], published):
                say(f"  {hint}")
            say(f"{exc}")
            return EXIT_FAILED
        finally:
            _prune_logs(log_dir)
            from .publish import remove_working_copy

            if ended := end_children():  # (dbt, when the run was stopped during its build)
                say(f"  stopped {len(ended)} process(es) the run had started and left running: pids {ended}")

            remove_working_copy(published)


def _build(published: Path, lock: RunLock, console, say, log_path: Path, since_iso: str, started: float,
           force: bool = False) -> int:
    from ..settings import get_settings
    from .preflight import other_raw_folder
    from .unchanged import fingerprint_or_stop, record_and_publish

    settings = get_settings()
    say(f"govinfo-warehouse: documents from {settings.raw_dir}, warehouse {published}")
    if problem := other_raw_folder(published, settings):
        say(f"govinfo-warehouse: {problem}")
        return EXIT_SETTINGS
    fingerprint = fingerprint_or_stop(published, settings, lock, force, say, started)
    if fingerprint is None:
        return EXIT_OK

    import dagster as dg
    from dagster._core.utils import make_new_run_id

    from .listing import write_unchanged
    from .publish import prepare_working_copy, unchanged_path
    from .stale_runs import fail_dead_runs, run_tags
    from .summary import default_warehouse, summary_lines

    from .event_storage import reuse_engines

    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    reuse_engines(instance)  # one SQLite engine per event database, not one per event
    for run_id in fail_dead_runs(instance):
        say(f"  marked run {run_id[:8]} failed: its process is gone")
    work = prepare_working_copy(published, log=lambda text: say(f"  {text}"))
    unchanged = write_unchanged(published, fingerprint.listing, unchanged_path(work))
    os.environ.pop("GOVINFO_UNCHANGED_LISTING", None)
    if unchanged is not None:  # ingest opens only the files whose stat moved since the last build
        os.environ["GOVINFO_UNCHANGED_LISTING"] = str(unchanged)

    # Every writer of this run (the assets' warehouse resource, dbt's profile) builds the working copy.
    os.environ["GOVINFO_WAREHOUSE"] = str(work)
    get_settings.cache_clear()
    from ..definitions import build_definitions

    job = build_definitions().get_job_def("build_warehouse")
    run_id = make_new_run_id()
    instance.add_event_listener(run_id, console.on_event)
    result = job.execute_in_process(instance=instance, raise_on_error=False, run_id=run_id, tags=run_tags())
    console.close()
    sys.stdout.flush()
    sys.stderr.flush()

    if unchanged is not None:
        unchanged.unlink(missing_ok=True)
    blocking = console.checks_of("checks").failed + console.checks_of("dbt").failed
    ok = result.success and not blocking
    if ok:
        record_and_publish(work, published, fingerprint)
    fetch_dir = settings.raw_dir / "_fetched"
    for line in summary_lines(published=published, default_warehouse=default_warehouse(), log_path=log_path,
                              console=console, fetch_dir=fetch_dir, since_iso=since_iso,
                              elapsed=time.monotonic() - started, published_now=ok, raw_dir=settings.raw_dir):
        say(line)
    if ok:
        return EXIT_OK
    failures = console.step_failures or [(name, "blocking check failed") for name in blocking]
    if interrupted := interrupted_step(failures):  # Ctrl-C or SIGTERM, which Dagster reports as a step's failure
        say(f"govinfo-warehouse: interrupted at {interrupted}; {published} was left as it was (log: {log_path})")
        return EXIT_INTERRUPTED
    if hint := damaged_warehouse_hint([message for _, message in failures], published):
        say(f"  {hint}")
    for step, message in failures[:-1]:
        say(f"run failed at {step}: {message}")
    step, message = failures[-1] if failures else ("the run", "failed")
    say(f"run failed at {step}:")
    say(message)  # the cause, last, where a person (or a script) looks first
    return EXIT_FAILED
