"""Parse + stage throughput of the shards with 1 and 2 processes, and the Parquet bytes per report.

    .venv/bin/python scripts/benchmark_shards.py [--documents 2000] [--workers 1,2] [--shards 16]

A synthetic folder of N documents (scripts/synthetic_corpus.py) is ingested once into a warehouse
(not timed). Then, for each worker count, on a fresh copy of that warehouse and an empty shards'
folder: every shard is parsed into Parquet (`refresh_shards`, the workers reading the warehouse
read-only), then the staging tables are loaded from the Parquet in one transaction (`load_shards`).
Prints documents per second for the parse and for parse + load, the Parquet bytes per report, the
peak RSS of this process and of the processes that wrote shards (ingest runs in a child, so its
memory is not counted), and the load average before and after each measure
(a shared machine slows every figure). Asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def load() -> str:
    return "load " + " ".join(f"{v:.2f}" for v in os.getloadavg())


INGEST = """
import sys
from pathlib import Path
from dagster_project.assets.ingest_options import ingest_options
from dagster_project.ingest.scan import ingest_folder
from dagster_project.resources.duckdb_file import open_warehouse
from dagster_project.settings import get_settings
con = open_warehouse(Path(sys.argv[2]))
ingest_folder(con, Path(sys.argv[1]), {}, options=ingest_options(get_settings()))
print(con.execute("select count(*) from staging.documents").fetchone()[0])
con.close()
"""


def ingest(raw: Path, warehouse: Path) -> int:
    """Ingest in a child process: the memory measured afterwards is the parse's, not the ingest's."""
    out = subprocess.run([sys.executable, "-c", INGEST, str(raw), str(warehouse)], cwd=ROOT, check=True,
                         capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return int(out.stdout.strip().splitlines()[-1])


def measure(warehouse: Path, work: Path, workers: int, shards: int, batch: int, documents: int) -> None:
    from dagster_project.resources.duckdb_file import open_warehouse
    from dagster_project.stage.load import load_shards
    from dagster_project.stage.parse_shard import refresh_shards
    from dagster_project.stage.shard_store import ShardStore
    from dagster_project.stage.write_reports import ParseBudget, parser_version

    copy = work / f"wh-{workers}.duckdb"
    shutil.copyfile(warehouse, copy)
    store = ShardStore(work / f"staged-{workers}", shards)
    before = load()
    start = time.perf_counter()
    results = refresh_shards(copy, store, store.keys, parser_version(), ParseBudget(), batch_size=batch,
                             workers=workers)
    parsed = time.perf_counter() - start
    con = open_warehouse(copy)
    try:
        loaded = load_shards(con, store)
        figures = con.execute("select count(*) from staging.figures").fetchone()[0]
    finally:
        con.close()
    total = time.perf_counter() - start
    done = sum(r.parsed.done for r in results)
    failed = sum(r.parsed.failed for r in results)
    parquet = sum(r.parquet_bytes for r in results)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    writers = max(r.peak_rss_mib for r in results)
    print(f"{workers} process{'es' if workers > 1 else ''}: {done} documents ({failed} failed), {figures} figures; "
          f"parse {parsed:.1f} s = {done / parsed:.1f} docs/s; parse + load {total:.1f} s = {done / total:.1f} docs/s "
          f"(load {total - parsed:.1f} s, {loaded.reports} reports); Parquet {parquet / 1e6:.1f} MB = "
          f"{parquet / max(documents, 1):,.0f} bytes/report; peak RSS: this process {own:.0f} MiB, "
          f"the processes that wrote shards {writers:.0f} MiB; "
          f"{before} -> {load()}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="comma-separated process counts")
    parser.add_argument("--shards", type=int, default=16)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    from synthetic_corpus import SyntheticCorpus

    work = Path(tempfile.mkdtemp(prefix="govinfo-shards-"))
    try:
        raw, warehouse = work / "raw", work / "wh.duckdb"
        os.environ.update(GOVINFO_RAW_DIR=str(raw), GOVINFO_WAREHOUSE=str(warehouse))
        SyntheticCorpus().write(raw, args.documents)
        size = sum(p.stat().st_size for p in raw.rglob("*") if p.is_file()) / 1e6
        documents = ingest(raw, warehouse)
        print(f"{documents} documents ({size:.0f} MB), {args.shards} shards, batches of {args.batch}, "
              f"{os.cpu_count()} cores; {load()}", flush=True)
        for workers in (int(w) for w in args.workers.split(",")):
            measure(warehouse, work, workers, args.shards, args.batch, documents)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
