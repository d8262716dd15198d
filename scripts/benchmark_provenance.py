"""Benchmark: the provenance log's index at N URLs, without a server or a build.

    .venv/bin/python scripts/benchmark_provenance.py [--urls 100000] [--keep /tmp/bench_provenance]

Writes a provenance log of N stored report URLs (one line each, as a first fetch leaves it: a title,
an agency, a year, validators), then times what a run with sources does with it:

- the first read of the whole log (no index yet), and the index written after it (``save_state``);
- a read through the index (the fetch's start, ingest's source URLs, staging's agencies);
- the ingest digest the check "anything changed?" asks for: from the saved digest file, and
  computed from the index (as when the log grew since the fetch wrote it);

with the log's, the index's and the digest file's sizes and this process's peak RSS. The numbers
grow linearly with N. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dagster_project.fetch.provenance import LOG_NAME, ProvenanceRecord, utc_now_iso  # noqa: E402
from dagster_project.fetch.provenance_index import (  # noqa: E402
    DIGEST_NAME,
    INDEX_NAME,
    ingest_digest,
    load_state,
    save_state,
)


def write_log(fetch_dir: Path, urls: int) -> None:
    sites = max(1, urls // 20)  # about twenty reports a site, as a county's list of years and departments
    with open(fetch_dir / LOG_NAME, "w", encoding="utf-8") as log:
        for i in range(urls):
            host = f"www.gov{i % sites}.gov.cn"
            record = ProvenanceRecord(
                url=f"https://{host}/zwgk/xxgk/ndbg/{2008 + i % 18}/t{i:08d}.html", outcome="downloaded", attempts=1,
                status=200, etag=f'"{i:x}-5f3"', last_modified="Mon, 15 Jan 2024 08:00:00 GMT",
                content_type="text/html; charset=utf-8", fetched_at=utc_now_iso(), sha256=f"{i:064x}", bytes=120_000,
                encoding="utf-8", path=f"_fetched/{i % 256:02x}/{i:064x}.html",
                listing_url=f"https://{host}/zwgk/xxgk/ndbg/", title="某某县农业农村局2023年政府信息公开工作年度报告",
                agency="某某县农业农村局", year=2008 + i % 18)
            log.write(record.to_json() + "\n")


def timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the log here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    fetch_dir = args.keep or Path(tempfile.mkdtemp(prefix="bench_provenance_"))
    fetch_dir.mkdir(parents=True, exist_ok=True)
    for name in (LOG_NAME, INDEX_NAME, DIGEST_NAME):
        (fetch_dir / name).unlink(missing_ok=True)
    try:
        _, seconds = timed(lambda: write_log(fetch_dir, args.urls))
        mb = (fetch_dir / LOG_NAME).stat().st_size / 1e6
        print(f"provenance log of {args.urls:,} stored URLs: {mb:.1f} MB (written in {seconds:.1f} s)")
        state, seconds = timed(lambda: load_state(fetch_dir))
        print(f"  first read of the whole log (no index)     : {seconds:6.2f} s")
        _, seconds = timed(lambda: save_state(fetch_dir, state))
        print(f"  index and digest written (save_state)      : {seconds:6.2f} s   index "
              f"{(fetch_dir / INDEX_NAME).stat().st_size / 1e6:.1f} MB, digest file "
              f"{(fetch_dir / DIGEST_NAME).stat().st_size} bytes")
        reads = [timed(lambda: load_state(fetch_dir))[1] for _ in range(3)]
        print(f"  a read through the index (load_state)      : {min(reads):6.2f} s (best of 3)")
        digests = [timed(lambda: ingest_digest(fetch_dir))[1] for _ in range(3)]
        print(f"  ingest digest, from the saved digest file  : {min(digests):6.3f} s (best of 3)")
        _, seconds = timed(lambda: load_state(fetch_dir).ingest_digest())
        print(f"  ingest digest, computed through the index  : {seconds:6.2f} s")
        print(f"  peak RSS of this process                   : {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    finally:
        if args.keep is None:
            shutil.rmtree(fetch_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
