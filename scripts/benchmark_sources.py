"""Benchmark: `make run` over a sources manifest of N report URLs, served on 127.0.0.1.

    .venv/bin/python scripts/benchmark_sources.py [--documents 1000] [--keep /tmp/bench_sources]

The documents are those of `scripts/synthetic_corpus.py` (real fixtures under other agencies and
years), served by a local HTTP server that answers conditional requests (If-Modified-Since → 304).
The raw folder starts empty: every document comes through the fetch. Runs, each timed with the
requests the server saw:

1. the first run (fetch every URL, build);
2. nothing changed, ``GOVINFO_FETCH_RECHECK_AFTER_HOURS=0``: every URL is asked again (a 304 each);
3. nothing changed, the default recheck interval: no URL is asked;
4. ``--edited`` documents edited on the site, recheck 0: they are fetched and built;
5. and 6. with ``--grow-log LINES``: the provenance log grown to LINES lines (run 2's lines again and
   again, as daily runs leave it), two runs with nothing changed: the first reads the grown lines
   once, the second only the index of the log.

The per-host pacing is off (``GOVINFO_FETCH_PER_HOST_MIN_INTERVAL_S=0``): one local host stands for
many sites, and the pacing would measure its own sleep. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import SyntheticCorpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHOWN = ("nothing changed", "building:", "fetch        done", "run complete", "run FAILED")


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, folder: Path) -> None:
        self.statuses: Counter[int] = Counter()
        server = self

        class Handler(SimpleHTTPRequestHandler):
            def log_request(self, code="-", size="-") -> None:
                server.statuses[int(getattr(code, "value", code))] += 1

            def log_message(self, *args) -> None:
                pass

        super().__init__(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
        threading.Thread(target=self.serve_forever, daemon=True).start()


def run(env: dict, site: Site, label: str, **extra: str) -> None:
    before = site.statuses.copy()
    started = time.monotonic()
    done = subprocess.run(["make", "--no-print-directory", "run"], cwd=ROOT, env={**env, **extra},
                          capture_output=True, text=True)
    elapsed = time.monotonic() - started
    asked = site.statuses - before
    print(f"{label:<44} {elapsed:7.1f} s   exit {done.returncode}   requests: "
          + (", ".join(f"{n} × {status}" for status, n in sorted(asked.items())) or "none"), flush=True)
    for line in done.stdout.splitlines():
        if any(key in line for key in SHOWN):
            print(f"      {line.strip()[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--edited", type=int, default=10)
    parser.add_argument("--grow-log", type=int, default=0, metavar="LINES",
                        help="then grow the provenance log to about LINES lines and run twice more with nothing changed")
    parser.add_argument("--keep", type=Path, help="work in this folder (emptied first) instead of a temporary one")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench_sources_"))
    shutil.rmtree(base, ignore_errors=True)
    (site_dir := base / "site").mkdir(parents=True)
    (raw := base / "raw").mkdir()
    SyntheticCorpus().write(site_dir, args.documents)
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    site = Site(site_dir)
    sources = base / "sources.csv"
    sources.write_text("url\n" + "".join(f"http://127.0.0.1:{site.server_port}/{page}\n" for page in pages),
                       encoding="utf-8")
    (dagster_home := base / "dagster").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVINFO_")}
    env.update(GOVINFO_RAW_DIR=str(raw), GOVINFO_WAREHOUSE=str(base / "warehouse" / "govinfo.duckdb"),
               GOVINFO_SOURCES=str(sources), DAGSTER_HOME=str(dagster_home),
               GOVINFO_FETCH_PER_HOST_MIN_INTERVAL_S="0", GOVINFO_FETCH_RESPECT_ROBOTS_TXT="false")
    print(f"{len(pages)} report URLs on 127.0.0.1:{site.server_port}; work folder {base}; "
          f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    run(env, site, "1. first run", GOVINFO_FETCH_RECHECK_AFTER_HOURS="0")
    run(env, site, "2. nothing changed, every URL asked again", GOVINFO_FETCH_RECHECK_AFTER_HOURS="0")
    run(env, site, "3. nothing changed, recheck interval (default)")
    for page in pages[:args.edited]:
        path = site_dir / page
        path.write_bytes(path.read_bytes() + "\n（本报告已更正。）\n".encode("utf-8"))
        os.utime(path, (time.time() + 5, time.time() + 5))  # a Last-Modified after the one stored
    run(env, site, f"4. {args.edited} edited on the site, every URL asked", GOVINFO_FETCH_RECHECK_AFTER_HOURS="0")
    log = raw / "_fetched" / "provenance.jsonl"
    print(f"provenance log: {log.stat().st_size / 1e6:.1f} MB after 4 runs "
          f"({sum(1 for _ in log.open(encoding='utf-8'))} lines)", flush=True)
    if args.grow_log:
        # the log of many more runs: run 2's lines (one 304 per URL) appended again and again, as
        # daily runs over the same sources leave it; the first run after folds them into the index
        run_two = [line for line in log.read_bytes().splitlines(keepends=True) if b'"unchanged"' in line][:len(pages)]
        with open(log, "ab") as handle:
            for _ in range(max(0, args.grow_log - 3 * len(pages)) // len(run_two)):
                handle.write(b"".join(run_two))
        print(f"provenance log grown to {log.stat().st_size / 1e6:.0f} MB "
              f"({sum(1 for _ in log.open(encoding='utf-8')):,} lines)", flush=True)
        run(env, site, "5. nothing changed, the grown log read once")
        run(env, site, "6. nothing changed, the grown log in the index")
    site.shutdown()
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
