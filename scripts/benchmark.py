"""Benchmark: parse throughput, and full runs over a synthetic folder of N documents.

    .venv/bin/python scripts/benchmark.py [--documents 2000] [--repeat 3]

Prints figures; asserts nothing. The folder is made of copies of the test fixtures (seeds and real
Pingtan pages), each made distinct by a comment carrying its number, so that sha256s differ.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = [*sorted((ROOT / "tests/fixtures/seeds").glob("*.txt")),
            *sorted((ROOT / "tests/fixtures/pingtan_site/reports").glob("*.html"))]


def parse_throughput(repeat: int) -> None:
    sys.path.insert(0, str(ROOT))
    from dagster_project.ingest.decode import decode_bytes
    from dagster_project.parse.report import parse_document

    texts = [(p.name, decode_bytes(p.read_bytes()).text) for p in FIXTURES]
    parse_document(texts[0][1], texts[0][0])  # warm imports and caches
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for name, text in texts:
            parse_document(text, name)
        timings.append(time.perf_counter() - start)
    best = min(timings)
    size = sum(len(t) for _, t in texts) / 1e6
    print(f"parse (one process): {len(texts)} documents ({size:.1f} M characters) in {best:.2f} s best of {repeat}"
          f" -> {len(texts) / best:.1f} docs/s, {1000 * best / len(texts):.1f} ms/doc "
          f"(median run {statistics.median(timings):.2f} s)")


def make_folder(folder: Path, n: int) -> None:
    for i in range(n):
        source = FIXTURES[i % len(FIXTURES)]
        data = source.read_bytes()
        marker = f"\n<!-- copy {i} -->\n" if source.suffix == ".html" else f"\n\n(副本 {i})\n"
        target = folder / f"batch{i // 1000:03d}" / f"{i:06d}{source.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data + marker.encode("utf-8"))


def timed_run(raw: Path, warehouse: Path, label: str) -> None:
    env = dict(os.environ, GOVINFO_RAW_DIR=str(raw), GOVINFO_WAREHOUSE=str(warehouse),
               DAGSTER_DISABLE_TELEMETRY="1", DBT_SEND_ANONYMOUS_USAGE_STATS="False")
    env.pop("DAGSTER_HOME", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "dagster_project.run"], cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    summary = [line.strip() for line in proc.stdout.splitlines() if line.strip().startswith(("documents ingested", "figures staged"))]
    print(f"{label:<34} {elapsed:7.1f} s   peak RSS {max(peak, before) / 1024:6.0f} MiB   " + " | ".join(summary))
    if proc.returncode != 0:
        print(proc.stdout[-2000:], proc.stderr[-2000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    parse_throughput(args.repeat)
    work = Path(tempfile.mkdtemp(prefix="govinfo-bench-"))
    try:
        raw, warehouse = work / "raw", work / "warehouse.duckdb"
        make_folder(raw, args.documents)
        size = sum(p.stat().st_size for p in raw.rglob("*") if p.is_file()) / 1e6
        print(f"folder: {args.documents} documents, {size:.0f} MB; {os.cpu_count()} cores")
        timed_run(raw, warehouse, "first run (all new)")
        timed_run(raw, warehouse, "second run (nothing changed)")
        changed = sorted(raw.rglob("*.*"))[:: max(1, args.documents // 20)]
        for path in changed:
            path.write_bytes(path.read_bytes() + b"\n")
        timed_run(raw, warehouse, f"third run ({len(changed)} changed)")
        print(f"warehouse file: {warehouse.stat().st_size / 1e6:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
