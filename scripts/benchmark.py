"""Benchmark: parse throughput against a bare pass, and full runs over a synthetic folder of N documents.

    .venv/bin/python scripts/benchmark.py [--documents 2000] [--repeat 3]
    .venv/bin/python scripts/benchmark.py --growth 1000,5000,10000

Prints figures; asserts nothing. Throughput: a bare pass (decode the bytes, then lxml-parse an HTML
page or regex-tokenise a text, and tokenise the page's text) and the parser (decode, then
`parse_document`) over the same documents in one process, and their ratio. Runs (`python -m
dagster_project.run`, as `make run`): the first run over the folder, a run with nothing changed,
and a run after 100 documents were edited; with each run's peak RSS (its process and children) and
the warehouse size. The folder is made of copies of the test fixtures (seed texts and real Pingtan
HTML pages), each made distinct by a line carrying its number, so that sha256s differ. The machine's
load average is printed beside the figures: other work on a shared machine slows every figure.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = [*sorted((ROOT / "tests/fixtures/seeds").glob("*.txt")),
            *sorted((ROOT / "tests/fixtures/pingtan_site/reports").glob("*.html"))]
CHANGED = 100
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[\u4e00-\u9fff]+|[A-Za-z]+|\S")
NOTHING_CHANGED = "nothing changed since the build of"


def load() -> str:
    return "load " + " ".join(f"{v:.1f}" for v in os.getloadavg())


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


def best_of(repeat: int, work, documents: list[tuple[str, bytes]]) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for name, data in documents:
            work(name, data)
        timings.append(time.perf_counter() - start)
    return min(timings)


def throughput(repeat: int) -> tuple[float, float]:
    """(bare docs/s, parser docs/s) over the fixtures, one process, best of ``repeat``."""
    sys.path.insert(0, str(ROOT))
    documents = [(p.name, p.read_bytes()) for p in FIXTURES]
    bare_pass(*documents[0])  # imports and caches warm
    parse_pass(*documents[0])
    bare = len(documents) / best_of(repeat, bare_pass, documents)
    parsed = len(documents) / best_of(repeat, parse_pass, documents)
    size = sum(len(d) for _, d in documents) / 1e6
    print(f"throughput over {len(documents)} documents ({size:.1f} MB), one process, best of {repeat}; {load()}")
    print(f"  bare pass (decode + lxml / regex tokens): {bare:8.1f} docs/s")
    print(f"  parser (decode + parse_document)        : {parsed:8.1f} docs/s ({1000 / parsed:.0f} ms/doc)")
    print(f"  parser is {bare / parsed:.1f}x slower than the bare pass", flush=True)
    return bare, parsed


def make_folder(folder: Path, n: int) -> None:
    for i in range(n):
        source = FIXTURES[i % len(FIXTURES)]
        data = source.read_bytes()
        marker = f"\n<!-- copy {i} -->\n" if source.suffix == ".html" else f"\n\n(副本 {i})\n"
        target = folder / f"batch{i // 1000:03d}" / f"{i:06d}{source.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data + marker.encode("utf-8"))


def edit_documents(folder: Path, count: int) -> int:
    """Edit ``count`` documents spread over the folder (their content changes, not only their mtime)."""
    files = sorted(p for p in folder.rglob("*.*") if p.is_file())
    chosen = files[:: max(1, len(files) // count)][:count]
    for path in chosen:
        path.write_bytes(path.read_bytes() + "\n(修订)\n".encode("utf-8"))
    return len(chosen)


@dataclass
class Run:
    seconds: float
    peak_mib: float
    skipped: bool
    ok: bool
    load: str


def timed_run(raw: Path, warehouse: Path, label: str, log: Path) -> Run:
    env = dict(os.environ, GOVINFO_RAW_DIR=str(raw), GOVINFO_WAREHOUSE=str(warehouse),
               DAGSTER_DISABLE_TELEMETRY="1", DBT_SEND_ANONYMOUS_USAGE_STATS="False")
    env.pop("DAGSTER_HOME", None)
    env.pop("FORCE", None)
    before = load()
    start = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "dagster_project.run"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
        # wait4: this run's own peak (its process and the children it waited for), not the script's
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(errors="replace")
    run = Run(elapsed, usage.ru_maxrss / 1024, NOTHING_CHANGED in text, proc.returncode == 0, before)
    summary = [line.strip() for line in text.splitlines()
               if line.strip().startswith(("documents ingested", "figures staged", "govinfo-warehouse: nothing"))]
    print(f"  {label:<30} {elapsed:7.1f} s   peak RSS {run.peak_mib:6.0f} MiB   ({before})   " + " | ".join(summary),
          flush=True)
    if not run.ok:
        print("  the run FAILED:\n" + text[-2000:], flush=True)
    return run


@dataclass
class Row:
    documents: int
    megabytes: float
    first: Run
    unchanged: Run
    changed: Run
    changed_count: int
    warehouse_mb: float


def measure(n: int) -> Row:
    work = Path(tempfile.mkdtemp(prefix="govinfo-bench-"))
    try:
        raw, warehouse = work / "raw", work / "warehouse.duckdb"
        make_folder(raw, n)
        size = sum(p.stat().st_size for p in raw.rglob("*") if p.is_file()) / 1e6
        print(f"folder: {n} documents, {size:.0f} MB; {os.cpu_count()} cores", flush=True)
        first = timed_run(raw, warehouse, "first run (all new)", work / "first.log")
        unchanged = timed_run(raw, warehouse, "run with nothing changed", work / "unchanged.log")
        count = edit_documents(raw, min(CHANGED, n))
        changed = timed_run(raw, warehouse, f"run with {count} changed", work / "changed.log")
        megabytes = warehouse.stat().st_size / 1e6 if warehouse.exists() else float("nan")
        print(f"  warehouse file: {megabytes:.0f} MB", flush=True)
        return Row(n, size, first, unchanged, changed, count, megabytes)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def growth_table(rows: list[Row], bare: float, parsed: float) -> str:
    def run(r: Run) -> str:
        return f"{r.seconds:7.1f} s{'' if r.ok else ' FAILED'}{' (skipped)' if r.skipped else ''}"

    lines = [f"throughput (one process): bare pass {bare:.1f} docs/s, parser {parsed:.1f} docs/s, "
             f"ratio {bare / parsed:.1f}x",
             "| documents | folder MB | first run | nothing changed | 100 changed | peak RSS MiB | warehouse MB "
             "| load avg (first run) |",
             "|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        peak = max(r.first.peak_mib, r.unchanged.peak_mib, r.changed.peak_mib)
        lines.append(f"| {r.documents} | {r.megabytes:.0f} | {run(r.first)} | {run(r.unchanged)} | {run(r.changed)} "
                     f"| {peak:.0f} | {r.warehouse_mb:.0f} | {r.first.load.removeprefix('load ')} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000, help="documents in the synthetic folder")
    parser.add_argument("--growth", help="comma-separated folder sizes, e.g. 1000,5000,10000: one table of every figure")
    parser.add_argument("--repeat", type=int, default=3, help="passes of the throughput measure (best is kept)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.growth.split(",")] if args.growth else [args.documents]
    bare, parsed = throughput(args.repeat)
    rows = []
    for n in sizes:
        rows.append(measure(n))
        if len(sizes) > 1:
            print(growth_table(rows, bare, parsed), flush=True)  # what is known so far, should a size not finish
    if len(sizes) == 1:
        print(growth_table(rows, bare, parsed))


if __name__ == "__main__":
    main()
