"""What a person sees while `make run` works: one line per stage, with progress on the long ones.

Fed from two sources: Dagster's events (a listener on the run: step starts and ends, the counts the
assets log, check results) and the lines dbt prints ("12 of 104 OK ..."), read off the captured output.
"""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from ..fetch.prefetched import PREFETCHED

STAGE_ORDER = ["fetch", "ingest", "parse/stage", "dbt", "checks"]
MULTI_STEP_STAGES = {"checks"}  # one step per check: the stage ends when the next begins or the run ends

PROGRESS_PATTERNS = [
    re.compile(r"(?P<done>\d+)/(?P<total>\d+) (?P<unit>documents|files)"),
    re.compile(r"(?P<done>\d+) (?P<unit>files) scanned"),
]
DBT_NODE = re.compile(r"^\s*(?P<done>\d+) of (?P<total>\d+) (?P<status>OK|PASS|WARN|ERROR|FAIL|SKIP|NO-OP)\b")
DBT_DONE = re.compile(r"Done\. (?P<counts>PASS=\d+.*TOTAL=\d+)")


def stage_of(step_key: str) -> str:
    """The stage a Dagster step belongs to (the step key itself for a step of no known stage)."""
    if step_key.startswith("fetch"):
        return "fetch"
    if step_key in ("staging__documents", "raw_documents") or step_key.startswith("staging__refused"):
        return "ingest"
    if step_key.startswith("staged_") or step_key.startswith("staging__"):
        return "parse/stage"
    if "dbt" in step_key:
        return "dbt"
    if "_gx_" in step_key or "check" in step_key:
        return "checks"
    return step_key


def seconds(value: float) -> str:
    if value < 60:
        return f"{value:.1f} s"
    minutes, secs = divmod(int(round(value)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


@dataclass
class CheckCounts:
    passed: list[str] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # severity ERROR: a pipeline failure

    def add(self, name: str, passed: bool, severity: str) -> None:
        (self.passed if passed else self.failed if severity == "ERROR" else self.warned).append(name)

    def total(self) -> int:
        return len(self.passed) + len(self.warned) + len(self.failed)


@dataclass
class Stage:
    name: str
    started: float
    steps_started: int = 0
    steps_done: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (step, message)
    detail: str = ""
    warnings: int = 0
    done: int | None = None
    total: int | None = None
    unit: str = ""
    progress_started: float | None = None
    last_shown: float = 0.0
    dbt_statuses: dict[str, int] = field(default_factory=dict)
    dbt_done_line: str = ""
    checks: CheckCounts = field(default_factory=CheckCounts)
    finished: float | None = None


class StageConsole:
    """Turns the run's events into stage lines; ``write`` prints one finished line."""

    def __init__(self, write: Callable[[str], None], tty: bool = False, progress_every_s: float = 15.0,
                 overwrite: Callable[[str], None] | None = None) -> None:
        self.write = write
        self.overwrite = overwrite  # rewrites the current terminal line (a TTY only)
        self.tty = tty and overwrite is not None
        self.progress_every_s = progress_every_s
        self.stages: dict[str, Stage] = {}
        self.current: Stage | None = None
        self.materializations: dict[str, dict] = {}  # asset key (slash-joined) -> metadata values
        self.step_failures: list[tuple[str, str]] = []
        self._lock = threading.RLock()

    # -- Dagster events ------------------------------------------------------------------------
    def on_event(self, entry) -> None:
        with self._lock:
            try:
                self._on_event(entry)
            except Exception:  # noqa: BLE001 - a console glitch must never fail the run
                pass

    def _on_event(self, entry) -> None:
        step = entry.step_key
        event = entry.dagster_event
        if event is None:
            if step and entry.user_message:
                self._message(stage_of(step), entry.level, entry.user_message)
            return
        kind = event.event_type_value
        if kind == "STEP_START" and step:
            self._start(stage_of(step))
        elif kind in ("STEP_SUCCESS", "STEP_FAILURE") and step:
            stage = self._start(stage_of(step), new_step=False)
            stage.steps_done += 1
            if kind == "STEP_FAILURE":
                message = failure_message(event)
                stage.failures.append((step, message))
                self.step_failures.append((step, message))
            if stage.name not in MULTI_STEP_STAGES and stage.steps_done >= stage.steps_started:
                self._finish(stage)
        elif kind == "ASSET_CHECK_EVALUATION" and step:
            evaluation = event.event_specific_data
            stage = self._start(stage_of(step), new_step=False)
            stage.checks.add(evaluation.check_name, evaluation.passed, evaluation.severity.value)
        elif kind == "ASSET_MATERIALIZATION":
            materialization = event.event_specific_data.materialization
            self.materializations["/".join(materialization.asset_key.path)] = {
                key: getattr(value, "value", value) for key, value in materialization.metadata.items()}
        elif kind in ("RUN_SUCCESS", "RUN_FAILURE", "PIPELINE_SUCCESS", "PIPELINE_FAILURE"):
            self.close()

    def _start(self, name: str, new_step: bool = True) -> Stage:
        stage = self.stages.get(name)
        if stage is None:
            if self.current is not None and self.current.finished is None:
                self._finish(self.current)
            stage = self.stages[name] = Stage(name, started=time.monotonic())
        if new_step:
            stage.steps_started += 1
        self.current = stage
        return stage

    def _message(self, name: str, level: str | int, message: str) -> None:
        stage = self.stages.get(name)
        if stage is None:
            return
        text = message.strip()
        if text.startswith(f"{name.split('/')[0]}: "):
            text = text.split(": ", 1)[1]
        if str(level).upper() in ("WARNING", "30", "ERROR", "40", "CRITICAL", "50"):
            stage.warnings += 1
            return
        for pattern in PROGRESS_PATTERNS:
            match = pattern.search(text)
            if match:
                total = match.groupdict().get("total")
                self._progress(stage, int(match["done"]), int(total) if total else None, match["unit"])
                return
        if stage.name != "dbt":  # dagster-dbt's own chatter is not a summary of the stage
            stage.detail = text

    # -- dbt's lines ---------------------------------------------------------------------------
    def on_output_line(self, line: str) -> None:
        with self._lock:
            stage = self.stages.get("dbt")
            if stage is None or stage.finished is not None:
                return
            match = DBT_NODE.match(line)
            if match:
                stage.dbt_statuses[match["status"]] = stage.dbt_statuses.get(match["status"], 0) + 1
                self._progress(stage, sum(stage.dbt_statuses.values()), int(match["total"]), "nodes")
                return
            match = DBT_DONE.search(line)
            if match:
                stage.dbt_done_line = match["counts"]

    # -- output --------------------------------------------------------------------------------
    def _progress(self, stage: Stage, done: int, total: int | None, unit: str) -> None:
        now = time.monotonic()
        if stage.progress_started is None:
            stage.progress_started = now
            stage.last_shown = now
        stage.done, stage.total, stage.unit = done, total, unit
        if self.tty:
            self.overwrite(self._line(stage, running=True))
        elif now - stage.last_shown >= self.progress_every_s and stage is self.current:
            stage.last_shown = now
            self.write(self._line(stage, running=True))

    def _line(self, stage: Stage, running: bool) -> str:
        end = stage.finished or time.monotonic()
        elapsed = end - stage.started
        if running:
            text = f"{stage.done}" + (f"/{stage.total}" if stage.total else "") + f" {stage.unit}"
            span = end - (stage.progress_started or stage.started)
            if stage.done and span > 0:
                rate = stage.done / span
                text += f", {rate:.1f}/s"
                if stage.total and stage.total > stage.done:
                    text += f", about {seconds((stage.total - stage.done) / rate)} left"
            return f"  {stage.name:<12} ...     {seconds(elapsed):>9}  {text}"
        status = "FAILED" if stage.failures or stage.checks.failed else "done"
        return f"  {stage.name:<12} {status:<7} {seconds(elapsed):>9}  {self._detail(stage)}"

    def _detail(self, stage: Stage) -> str:
        if stage.failures:
            return "; ".join(f"{step}: {message}" for step, message in stage.failures)
        parts = []
        if stage.name == "dbt":
            built = sum(n for status, n in stage.dbt_statuses.items() if status in ("OK", "NO-OP"))
            parts.append(f"{sum(stage.dbt_statuses.values())} nodes, {built} built")
            checks = stage.checks
            if checks.total():
                parts.append(f"{checks.total()} tests: {len(checks.passed)} passed, {len(checks.warned)} warned, "
                             f"{len(checks.failed)} failed")
        elif stage.name == "checks" or (stage.checks.total() and not stage.detail):
            checks = stage.checks
            text = f"{checks.total()} checks: {len(checks.passed)} passed"
            if checks.warned:
                text += f", {len(checks.warned)} warned ({', '.join(checks.warned)})"
            if checks.failed:
                text += f", {len(checks.failed)} FAILED ({', '.join(checks.failed)})"
            parts.append(text)
        elif stage.detail:
            parts.append(stage.detail)
        if stage.warnings:
            parts.append(f"{stage.warnings} warning{'s' if stage.warnings > 1 else ''} in the log")
        return "; ".join(parts)

    def _finish(self, stage: Stage) -> None:
        if stage.finished is not None:
            return
        stage.finished = time.monotonic()
        if stage.name == "fetch" and stage.detail.startswith(PREFETCHED) and not (stage.failures or stage.warnings):
            return  # the fetch `make run` did before it decided was said then, once (run/prefetch.py)
        line = self._line(stage, running=False)
        if self.tty:
            self.overwrite(line)
            self.write("")
        else:
            self.write(line)

    def close(self) -> None:
        with self._lock:
            for stage in self.stages.values():
                if stage.finished is None:
                    self._finish(stage)

    # -- for the summary -----------------------------------------------------------------------
    def checks_of(self, name: str) -> CheckCounts:
        return self.stages[name].checks if name in self.stages else CheckCounts()


def failure_message(event) -> str:
    """The first line of what made a step fail: the `dg.Failure` description or the deepest cause."""
    data = event.event_specific_data
    user = getattr(data, "user_failure_data", None)
    if user is not None and getattr(user, "description", None):
        return user.description.strip()
    error = getattr(data, "error", None)
    while error is not None and getattr(error, "cause", None) is not None:
        error = error.cause
    if error is None:
        return event.message or "failed"
    message = (error.message or "").strip()
    # a bare "'key'" (a KeyError's message) says more with its exception's name
    if error.cls_name and not message.startswith(error.cls_name) and error.cls_name not in ("Failure", "DagsterError"):
        message = f"{error.cls_name}: {message}"
    return message
