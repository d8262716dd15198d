"""Benchmark: full runs over a synthetic corpus of N reports, and parse throughput against a bare pass.

    .venv/bin/python scripts/benchmark.py [--documents 2000] [--phases]
    .venv/bin/python scripts/benchmark.py --growth 10000,100000 --keep /tmp/bench --phases

Prints figures; asserts nothing. The folder is made by `scripts/synthetic_corpus.py` from the real
fixtures (2008, 2019 and 2021 formats and Fujian's local table, text copies and HTML pages): each
document a distinct agency and a year of its format's era, so deduplication and agency-year
supersession collapse nothing. For each size:

- throughput, in this process over a sample of the folder's own documents: a bare pass (decode the
  bytes, lxml-parse an HTML page, regex-tokenise the text) and the parser (decode, `parse_document`),
  and their ratio; then the same over the sample's HTML pages alone and its texts alone;
- runs of `python -m dagster_project.run` (as `make run`, with its own GOVINFO_RAW_DIR,
  GOVINFO_WAREHOUSE and DAGSTER_HOME): the first run over the folder, a run with nothing changed,
  and a run after 100 documents were added or edited (half each); each with its time, its peak RSS
  (the largest process, from wait4, and the whole process tree, sampled from /proc) and the load
  average (at the start and the highest during the run: other work on a shared machine slows every
  figure); the warehouse file's size; with ``--phases`` the time of each stage of the first run
  (ingest, parse/stage, dbt, checks) read off the run's console lines, and the peak RSS of each
  stage (the process tree, and its largest process by name), sampled every 0.5 s and tagged with
  the stage the run's log file says it is in (its steps' STEP_START events).

``--keep DIR`` keeps each size's folder in DIR/n<size>/raw and reuses it when it was made with the
same size, seed and generator (the 100 added or edited documents are put back after the runs);
the warehouse is always built afresh. With several sizes a table says how each figure grows, and
a line extrapolates it linearly to 1,000,000 documents from the two largest sizes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import SyntheticCorpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHANGED = 100
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[\u4e00-\u9fff]+|[A-Za-z]+|\S")
NOTHING_CHANGED = "nothing changed since the build of"
STAGES = ("before Dagster", "fetch", "ingest", "parse/stage", "dbt", "checks", "after Dagster")
STAGE_LINE = re.compile(r"^\s{2}(?P<stage>fetch|ingest|parse/stage|dbt|checks)\s+(?:done|FAILED)\s+"
                        r"(?P<time>\d+(?:\.\d+)? s|\d+ min \d+ s|\d+ h \d+ min)\b")
SUMMARY_PREFIXES = ("documents ingested", "duplicates", "parse failures", "figures counted",
                    "govinfo-warehouse: nothing", "govinfo-warehouse: run FAILED")
PAGE = os.sysconf("SC_PAGE_SIZE")


def load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


# -- throughput ------------------------------------------------------------------------------------
def bare_pass(name: str, data: bytes) -> int:
    """What any reader of the document must do: decode, parse the markup, split the text into tokens."""
    from lxml import html

    from dagster_project.ingest.decode import decode_bytes

    text = decode_bytes(data).text
    if name.endswith((".html", ".htm")):
        text = html.document_fromstring(text).text_content()
    return len(TOKEN.findall(text))


def parse_pass(name: str, data: bytes) -> None:
    from dagster_project.ingest.decode import decode_bytes
    from dagster_project.parse.report import parse_document

    parse_document(decode_bytes(data).text, name)


def best_of(repeat: int, documents: list[tuple[str, bytes]]) -> tuple[float, float]:
    """The least CPU seconds of the bare pass and of the parser over ``documents``, in ``repeat``
    rounds of one bare pass then one parser pass."""
    # CPU seconds of this process, the two passes taken in turns: on a shared machine the wall clock
    # also measures whatever else ran, and the speed of a virtual core drifts over minutes, so two
    # passes measured a minute apart would put that drift into their ratio
    timings: dict = {bare_pass: [], parse_pass: []}
    for _ in range(repeat):
        for work, spent in timings.items():
            start = time.process_time()
            for name, data in documents:
                work(name, data)
            spent.append(time.process_time() - start)
    return min(timings[bare_pass]), min(timings[parse_pass])


@dataclass
class Throughput:
    documents: int
    megabytes: float
    bare: float  # docs/s
    parsed: float  # docs/s
    load: str

    @property
    def ratio(self) -> float:
        return self.bare / self.parsed


def throughput(raw: Path, sample: int, repeat: int) -> Throughput:
    """Bare pass and parser docs/s over the same ``sample`` documents of the folder, one process, best of ``repeat``."""
    sys.path.insert(0, str(ROOT))
    files = sorted(p for p in raw.rglob("*") if p.is_file())
    chosen = files[:: max(1, len(files) // sample)][:sample]
    documents = [(p.name, p.read_bytes()) for p in chosen]
    # imports and once-per-process caches (tables, indexes) warm, on a document of each kind: they are
    # paid once per run, and show in its phases; the rates below are the per-document cost
    start = time.perf_counter()
    for suffix in sorted({Path(name).suffix for name, _ in documents}):
        first = next(doc for doc in documents if doc[0].endswith(suffix))
        bare_pass(*first)
        parse_pass(*first)
    print(f"  warming up (imports, once-per-process caches): {time.perf_counter() - start:.1f} s", flush=True)
    before = load()
    bare_seconds, parse_seconds = best_of(repeat, documents)
    bare, parsed = len(documents) / bare_seconds, len(documents) / parse_seconds
    result = Throughput(len(documents), sum(len(d) for _, d in documents) / 1e6, bare, parsed, before)
    print(f"  throughput over {result.documents} of its documents ({result.megabytes:.1f} MB), one process, "
          f"best of {repeat}, CPU time; load {before}")
    print(f"    bare pass (decode + lxml / regex tokens): {bare:8.1f} docs/s")
    print(f"    parser (decode + parse_document)        : {parsed:8.1f} docs/s ({1000 / parsed:.0f} ms/doc)")
    print(f"    the parser is {result.ratio:.1f}x slower than the bare pass", flush=True)
    # the same two passes over each kind of document alone: where the parser's extra work goes
    for kind, suffixes in (("HTML pages", (".html", ".htm")), ("texts", (".txt",))):
        part = [doc for doc in documents if doc[0].endswith(suffixes)]
        if part:
            bare_seconds, parse_seconds = best_of(repeat, part)
            kind_bare, kind_parsed = len(part) / bare_seconds, len(part) / parse_seconds
            print(f"    {kind} alone ({len(part)}, {sum(len(d) for _, d in part) / len(part) / 1e3:.0f} KB each): "
                  f"bare {kind_bare:.1f}, parser {kind_parsed:.1f} docs/s, {kind_bare / kind_parsed:.1f}x", flush=True)
    return result


# -- the folder ------------------------------------------------------------------------------------
def generator_digest() -> str:
    here = Path(__file__).resolve().parent
    return hashlib.sha256((here / "synthetic_corpus.py").read_bytes()).hexdigest()[:16]


def folder_megabytes(raw: Path) -> float:
    return sum(p.stat().st_size for p in raw.rglob("*") if p.is_file()) / 1e6


def prepare_folder(work: Path, corpus: SyntheticCorpus, n: int) -> tuple[Path, float | None]:
    """``work/raw`` holding documents 0..n-1; the seconds it took to write them (None when reused)."""
    raw, marker = work / "raw", work / "corpus.json"  # the marker sits outside raw: it is no document
    wanted = {"documents": n, "seed": corpus.seed, "generator": generator_digest()}
    if raw.is_dir() and marker.exists() and json.loads(marker.read_text()) == wanted:
        print(f"  reusing the folder {raw}", flush=True)
        return raw, None
    shutil.rmtree(raw, ignore_errors=True)
    marker.unlink(missing_ok=True)
    start = time.perf_counter()
    corpus.write(raw, n)
    seconds = time.perf_counter() - start
    marker.write_text(json.dumps(wanted))
    return raw, seconds


def add_and_edit(raw: Path, corpus: SyntheticCorpus, n: int, count: int) -> tuple[list[Path], dict[Path, bytes]]:
    """Add ``count // 2`` new documents (n, n+1, ...) and edit as many spread over the folder.

    An edit changes the main text (a note after the first full stop), not only the mtime. Returns
    what is needed to put the folder back: the added paths and the edited files' old bytes.
    """
    added_count = count // 2
    added = []
    for k in range(n, n + added_count):
        doc = corpus.document(k)
        target = raw / doc.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(doc.data)
        added.append(target)
    edits = count - added_count
    names = [corpus.document(k).name for k in range(0, n, max(1, n // edits))][:edits]
    originals = {}
    for name in names:
        path = raw / name
        data = path.read_bytes()
        originals[path] = data
        path.write_bytes(data.replace("。".encode(), "。（本报告有修订）".encode(), 1))
    return added, originals


def put_back(added: list[Path], originals: dict[Path, bytes]) -> None:
    for path in added:
        path.unlink(missing_ok=True)
    for path, data in originals.items():
        path.write_bytes(data)


# -- one run ---------------------------------------------------------------------------------------
STEP_EVENT = re.compile(r" - (?:(?P<step>[\w.\[\]-]+) - STEP_START|(?P<run>RUN_START|RUN_SUCCESS|RUN_FAILURE)) - ")


@dataclass
class PhasePeak:
    """The highest memory seen while a stage ran: the whole tree, and its largest process and what it was."""

    tree: int = 0
    largest: int = 0
    largest_name: str = ""

    def add(self, tree: int, largest: int, name: str) -> None:
        self.tree = max(self.tree, tree)
        if largest > self.largest:
            self.largest, self.largest_name = largest, name


class PhaseTracker:
    """The stage the run is in, from its own log file's Dagster events (STEP_START of a step names its
    stage, as the console counts them): before RUN_START "before Dagster", after its end "after Dagster"."""

    def __init__(self, logs: Path, before: set[Path]) -> None:
        self.logs, self.before = logs, before
        self.path: Path | None = None
        self.offset = 0
        self.current = "before Dagster"

    def poll(self) -> str:
        if self.path is None:
            fresh = sorted(set(self.logs.glob("run-*.log")) - self.before) if self.logs.is_dir() else []
            if not fresh:
                return self.current
            self.path = fresh[-1]
        try:
            with self.path.open("rb") as handle:
                handle.seek(self.offset)
                chunk = handle.read()
        except OSError:
            return self.current
        end = chunk.rfind(b"\n") + 1  # whole lines only: a line being written is read next time
        self.offset += end
        for line in chunk[:end].decode("utf-8", "replace").splitlines():
            match = STEP_EVENT.search(line)
            if not match:
                continue
            if match["run"] == "RUN_START":
                self.current = "fetch"
            elif match["run"]:
                self.current = "after Dagster"
            else:
                from dagster_project.run.console import stage_of

                self.current = stage_of(match["step"])
        return self.current


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process and all its descendants, and the load average, every ``every`` s;
    with a :class:`PhaseTracker`, the peaks of each stage (the tree and its largest process)."""

    def __init__(self, pid: int, every: float = 0.5, phases: PhaseTracker | None = None) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.phases = pid, every, phases
        self.peak_bytes = 0
        self.peak_load = 0.0
        self.by_phase: dict[str, PhasePeak] = {}
        self.done = threading.Event()

    @staticmethod
    def _command(pid: int) -> str:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                argv = handle.read().split(b"\0")
        except OSError:
            return "?"
        words = [a.decode("utf-8", "replace") for a in argv if a]
        shown = [Path(words[0]).name] + [w if len(w) < 40 else "…" + w[-30:] for w in words[1:4]] if words else ["?"]
        return " ".join(shown)

    def _tree_rss(self) -> tuple[int, int, int]:
        """(the tree's summed RSS, its largest process's RSS, that process's pid)."""
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    stat = handle.read()
                with open(f"/proc/{entry.name}/statm", "rb") as handle:
                    resident = int(handle.read().split()[1])
            except (OSError, ValueError, IndexError):
                continue
            fields = stat[stat.rfind(b")") + 2:].split()
            pid = int(entry.name)
            children.setdefault(int(fields[1]), []).append(pid)
            rss[pid] = resident * PAGE
        total, largest, largest_pid, todo = 0, 0, self.pid, [self.pid]
        while todo:
            pid = todo.pop()
            total += rss.get(pid, 0)
            if rss.get(pid, 0) > largest:
                largest, largest_pid = rss[pid], pid
            todo.extend(children.get(pid, []))
        return total, largest, largest_pid

    def run(self) -> None:
        while not self.done.wait(self.every):
            total, largest, pid = self._tree_rss()
            self.peak_bytes = max(self.peak_bytes, total)
            self.peak_load = max(self.peak_load, os.getloadavg()[0])
            if self.phases is not None:
                phase = self.phases.poll()
                peak = self.by_phase.setdefault(phase, PhasePeak())
                if largest > peak.largest:
                    peak.add(total, largest, self._command(pid))
                else:
                    peak.add(total, largest, "")


@dataclass
class Run:
    seconds: float
    peak_mib: float  # the largest single process (wait4)
    tree_mib: float  # the whole process tree, sampled
    skipped: bool
    ok: bool
    load: str  # at the start
    peak_load: float
    phases: dict[str, float] = field(default_factory=dict)
    memory: dict[str, PhasePeak] = field(default_factory=dict)  # peak RSS per stage

    @property
    def peak(self) -> float:
        return max(self.peak_mib, self.tree_mib)


def parse_seconds(text: str) -> float:
    numbers = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)]
    if "h" in text.split():
        return numbers[0] * 3600 + numbers[1] * 60
    if "min" in text.split():
        return numbers[0] * 60 + numbers[1]
    return numbers[0]


def read_phases(text: str) -> dict[str, float]:
    """Seconds per stage from the run's console lines ("  dbt          done     2 min 05 s  ...")."""
    phases: dict[str, float] = {}
    for line in text.splitlines():
        match = STAGE_LINE.match(line)
        if match:
            phases[match["stage"]] = phases.get(match["stage"], 0.0) + parse_seconds(match["time"])
    return phases


DAGSTER_EVENT = re.compile(r"^(?P<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}) - dagster - .* - "
                           r"(?P<event>RUN_START|RUN_SUCCESS|RUN_FAILURE) - ")


def dagster_span(log_text: str) -> tuple[float, float] | None:
    """Epoch seconds of the Dagster run's start and end, from the run's own log file (to the second)."""
    from datetime import datetime

    start = end = None
    for line in log_text.splitlines():
        match = DAGSTER_EVENT.match(line)
        if match:
            at = datetime.strptime(match["at"], "%Y-%m-%d %H:%M:%S %z").timestamp()
            if match["event"] == "RUN_START":
                start = at
            else:
                end = at
    return (start, end) if start is not None and end is not None else None


def dagster_home(work: Path) -> Path:
    home = work / "dagster"
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\nnux:\n  enabled: false\n")
    return home


def timed_run(raw: Path, warehouse: Path, home: Path, label: str, log: Path) -> Run:
    env = dict(os.environ, GOVINFO_RAW_DIR=str(raw), GOVINFO_WAREHOUSE=str(warehouse), DAGSTER_HOME=str(home),
               DAGSTER_DISABLE_TELEMETRY="1", DBT_SEND_ANONYMOUS_USAGE_STATS="False", GX_ANALYTICS_ENABLED="False",
               PYTHONWARNINGS="ignore::DeprecationWarning,ignore::UserWarning")  # as the Makefile sets them
    for name in ("FORCE", "VERBOSE"):
        env.pop(name, None)
    before = load()
    started_at = time.time()
    logs_before = set((warehouse.parent / "logs").glob("run-*.log"))
    start = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "dagster_project.run"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeSampler(proc.pid, phases=PhaseTracker(warehouse.parent / "logs", logs_before))
        sampler.start()
        try:
            # wait4: this run's own peak (its process and the children it waited for), not the script's
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            sampler.done.set()
            sampler.join()
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(errors="replace")
    run = Run(elapsed, usage.ru_maxrss / 1024, sampler.peak_bytes / 2**20, NOTHING_CHANGED in text,
              proc.returncode == 0, before, sampler.peak_load, read_phases(text), dict(sampler.by_phase))
    run_logs = sorted(set((warehouse.parent / "logs").glob("run-*.log")) - logs_before)
    span = dagster_span(run_logs[-1].read_text(errors="replace")) if run_logs else None
    if span:  # before the Dagster run: scan, imports, definitions, working copy; after: publish, summary
        run.phases["before Dagster"] = max(0.0, span[0] - started_at)
        run.phases["after Dagster"] = max(0.0, started_at + elapsed - span[1])
    summary = [line.strip() for line in text.splitlines() if line.strip().startswith(SUMMARY_PREFIXES)]
    print(f"  {label:<28} {elapsed:7.1f} s   peak RSS {run.peak_mib:6.0f} MiB (largest process), "
          f"{run.tree_mib:6.0f} MiB (process tree)   load {before}, at most {run.peak_load:.1f}", flush=True)
    for line in summary:
        print(f"      {line}", flush=True)
    if not run.ok:
        print("  the run FAILED (exit status {}):\n{}".format(proc.returncode, text[-3000:]), flush=True)
    return run


def memory_cell(run: Run, stage: str) -> str:
    peak = run.memory.get(stage)
    if peak is None:
        return ""
    return (f"   peak RSS {peak.tree / 2**20:6.0f} MiB tree, {peak.largest / 2**20:6.0f} MiB largest"
            f" ({peak.largest_name})")


def phase_lines(run: Run, documents: int) -> list[str]:
    staged = sum(run.phases.values())
    lines = []
    for stage in STAGES:
        if stage in run.phases:
            seconds = run.phases[stage]
            rate = f"   {documents / seconds:7.1f} docs/s" if stage in ("ingest", "parse/stage") and seconds else ""
            lines.append(f"      {stage:<14} {seconds:8.1f} s  {100 * seconds / run.seconds:5.1f} %{rate}"
                         f"{memory_cell(run, stage)}")
    rest = run.seconds - staged
    lines.append(f"      {'other':<14} {rest:8.1f} s  {100 * rest / run.seconds:5.1f} %   (between steps; "
                 "before/after Dagster when its log has no run events)")
    return lines


# -- one size --------------------------------------------------------------------------------------
@dataclass
class Row:
    documents: int
    megabytes: float
    generated_s: float | None
    throughput: Throughput
    first: Run
    unchanged: Run
    changed: Run
    changed_count: int
    warehouse_mb: float


def measure(n: int, corpus: SyntheticCorpus, keep: Path | None, sample: int, repeat: int, phases: bool) -> Row:
    work = (keep / f"n{n}") if keep else Path(tempfile.mkdtemp(prefix="govinfo-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"\n== {n} documents; {os.cpu_count()} cores; load {load()}", flush=True)
        raw, generated = prepare_folder(work, corpus, n)
        megabytes = folder_megabytes(raw)
        made = f"written in {generated:.1f} s" if generated is not None else "reused"
        print(f"  folder: {n} documents, {megabytes:.0f} MB ({made})", flush=True)
        rate = throughput(raw, min(sample, n), repeat)
        built = work / "build"  # warehouse, its logs, lock and working copy: always afresh
        shutil.rmtree(built, ignore_errors=True)
        built.mkdir()
        warehouse, home = built / "warehouse.duckdb", dagster_home(built)
        first = timed_run(raw, warehouse, home, "first run (all new)", built / "first.log")
        if phases:
            print("\n".join(phase_lines(first, n)), flush=True)
        warehouse_mb = warehouse.stat().st_size / 1e6 if warehouse.exists() else float("nan")
        print(f"  warehouse file after the first run: {warehouse_mb:.0f} MB", flush=True)
        unchanged = timed_run(raw, warehouse, home, "run with nothing changed", built / "unchanged.log")
        added, originals = add_and_edit(raw, corpus, n, min(CHANGED, n))
        try:
            count = len(added) + len(originals)
            changed = timed_run(raw, warehouse, home, f"run with {len(added)} new, {len(originals)} edited",
                                built / "changed.log")
            if phases:
                print("\n".join(phase_lines(changed, count)), flush=True)
        finally:
            put_back(added, originals)
        return Row(n, megabytes, generated, rate, first, unchanged, changed, count, warehouse_mb)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


# -- the table -------------------------------------------------------------------------------------
def _run_cell(r: Run) -> str:
    return f"{r.seconds:.1f} s{'' if r.ok else ' FAILED'}{' (skipped)' if r.skipped else ''}"


def growth_table(rows: list[Row]) -> str:
    lines = ["| documents | folder MB | first run | peak RSS MiB | warehouse MB | nothing changed | 100 new/edited "
             "| parse docs/s | bare docs/s | ratio | first run: parse/stage docs/s | load (start, max) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        peak = max(r.first.peak, r.unchanged.peak, r.changed.peak)
        stage = r.first.phases.get("parse/stage")
        pipeline = f"{r.documents / stage:.1f}" if stage else "-"
        lines.append(f"| {r.documents} | {r.megabytes:.0f} | {_run_cell(r.first)} | {peak:.0f} | {r.warehouse_mb:.0f} "
                     f"| {_run_cell(r.unchanged)} | {_run_cell(r.changed)} | {r.throughput.parsed:.1f} "
                     f"| {r.throughput.bare:.1f} | {r.throughput.ratio:.1f}x | {pipeline} "
                     f"| {r.first.load.split()[0]}, {r.first.peak_load:.1f} |")
    if len(rows) >= 2:
        a, b = sorted(rows, key=lambda r: r.documents)[-2:]
        target = 1_000_000

        def at_target(f) -> float:
            # a figure that fell between the two sizes (load noise, fixed costs) is not extrapolated down
            slope = max(0.0, (f(b) - f(a)) / (b.documents - a.documents))
            return f(b) + slope * (target - b.documents)

        lines.append(
            f"| {target} (linear from {a.documents} and {b.documents}) | {at_target(lambda r: r.megabytes):.0f} "
            f"| {at_target(lambda r: r.first.seconds):.0f} s "
            f"| {at_target(lambda r: max(r.first.peak, r.unchanged.peak, r.changed.peak)):.0f} "
            f"| {at_target(lambda r: r.warehouse_mb):.0f} | {at_target(lambda r: r.unchanged.seconds):.1f} s "
            f"| {at_target(lambda r: r.changed.seconds):.1f} s | | | | | |")
    return "\n".join(lines)


def memory_table(rows: list[Row]) -> str:
    """Peak RSS per stage (MiB, the process tree / its largest process), first run and 100 new/edited."""
    stages = [s for s in STAGES if any(s in r.first.memory or s in r.changed.memory for r in rows)]
    lines = ["| documents | run | " + " | ".join(stages) + " |", "|---:|---|" + "---:|" * len(stages)]
    for r in rows:
        for label, run in (("first", r.first), ("100 new/edited", r.changed)):
            cells = [f"{run.memory[s].tree / 2**20:.0f} / {run.memory[s].largest / 2**20:.0f}" if s in run.memory
                     else "-" for s in stages]
            lines.append(f"| {r.documents} | {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ensure_manifest() -> None:
    """The runs read dbt's manifest, which `make run` and `make test` build: make builds it here too
    when it is missing or older than the dbt project (and does nothing otherwise), rather than the
    benchmark measuring runs that fail."""
    subprocess.run(["make", "--silent", "--no-print-directory", "-C", str(ROOT), "dbt/target/manifest.json"], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000, help="documents in the synthetic folder")
    parser.add_argument("--growth", help="comma-separated folder sizes, e.g. 10000,100000: one table of every figure")
    parser.add_argument("--keep", type=Path, help="keep each size's folder under DIR/n<size> and reuse it next time")
    parser.add_argument("--phases", action="store_true", help="print the time of each stage of the first run")
    parser.add_argument("--sample", type=int, default=200, help="documents of the folder the throughput is measured on")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of the throughput measure, each a bare pass then a parser pass "
                             "(the best of each is kept)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus")
    args = parser.parse_args()
    ensure_manifest()
    sizes = [int(s) for s in args.growth.split(",")] if args.growth else [args.documents]
    corpus = SyntheticCorpus(args.seed)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in sizes:
        rows.append(measure(n, corpus, args.keep, args.sample, args.repeat, args.phases))
        print("\n" + growth_table(rows), flush=True)  # what is known so far, should a larger size not finish
        if args.phases:
            print("\npeak RSS per stage, MiB (process tree / largest process)\n" + memory_table(rows), flush=True)


if __name__ == "__main__":
    main()
