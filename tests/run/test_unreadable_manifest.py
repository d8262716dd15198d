"""A sources manifest that cannot be read fetches nothing and stops nothing: the raw folder's documents
are built, and the run says why no source was fetched (an outside trial's garbage sources.csv stopped
the whole run)."""
import subprocess
import sys

from runkit import ROOT, make_env, seed_raw


def test_a_garbage_manifest_is_named_and_the_local_documents_are_built(tmp_path):
    raw = seed_raw(tmp_path / "raw", count=1)
    (raw / "sources.csv").write_bytes(b"garbage;;\x01\nmore\n")
    env = make_env(tmp_path / "wh" / "w.duckdb", raw, tmp_path / "home")
    done = subprocess.run([sys.executable, "-m", "dagster_project.run"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert any(line.split()[:2] == ["fetch", "FAILED"] and "no 'url' column" in line for line in lines)
    assert "  documents ingested : 1: 1 annual reports, 0 other documents (look-alikes); 0 files refused" in lines
    assert any(line.startswith("  fetch failures     : the sources manifest cannot be read, no source fetched: ")
               and "no 'url' column" in line for line in lines)
