"""The benchmark's own bookkeeping: stage times read off a run's console, the folder put back after
the 100 added or edited documents, the folder reused only when it was made alike."""
from __future__ import annotations

from scripts.benchmark import add_and_edit, dagster_span, folder_megabytes, prepare_folder, put_back, read_phases
from scripts.synthetic_corpus import SyntheticCorpus

# console lines of a real first run over 200 synthetic documents (progress lines interleaved)
CONSOLE = """govinfo-warehouse: documents from /tmp/b/raw, warehouse /tmp/b/build/warehouse.duckdb
  fetch        done        0.5 s  no sources in /tmp/b/raw/sources.csv; nothing to do
  ingest       done       12.3 s  200 files, 200 new, 0 changed, 0 unchanged, 0 removed, 0 refused
  parse/stage  ...        25.3 s  105/200 documents, 6.3/s, about 15.0 s left
  parse/stage  done       47.7 s  200 parsed, 0 failed, 8914 figures, 162 unplaced, 200 agencies
  dbt          ...     1 min 43 s  39/224 nodes, 2.6/s, about 1 min 12 s left
  dbt          done    2 min 47 s  224 nodes, 44 built; 180 tests: 180 passed, 0 warned, 0 failed
  checks       done       37.1 s  4 checks: 2 passed, 2 warned (gx_narrative, gx_report_identities)
  checks       done    1 h 02 min  a second checks line adds up
"""


def test_read_phases_takes_finished_stage_lines_only():
    phases = read_phases(CONSOLE)
    assert phases == {"fetch": 0.5, "ingest": 12.3, "parse/stage": 47.7, "dbt": 167.0, "checks": 37.1 + 3720.0}


def test_added_and_edited_documents_are_put_back(tmp_path):
    corpus = SyntheticCorpus(seed=0)
    raw, seconds = prepare_folder(tmp_path, corpus, 20)
    assert seconds is not None
    before = {p: p.read_bytes() for p in raw.rglob("*") if p.is_file()}
    added, originals = add_and_edit(raw, corpus, 20, 6)
    assert len(added) == 3 and len(originals) == 3
    for path, old in originals.items():
        new = path.read_bytes()
        assert new != old and "本报告有修订".encode() in new
    assert all(p.exists() and p not in before for p in added)
    put_back(added, originals)
    assert {p: p.read_bytes() for p in raw.rglob("*") if p.is_file()} == before


def test_a_kept_folder_is_reused_only_when_made_alike(tmp_path):
    corpus = SyntheticCorpus(seed=0)
    raw, seconds = prepare_folder(tmp_path, corpus, 10)
    size = folder_megabytes(raw)
    assert seconds is not None and size > 0
    assert prepare_folder(tmp_path, corpus, 10) == (raw, None)  # reused
    raw, seconds = prepare_folder(tmp_path, corpus, 12)  # another size: written again
    assert seconds is not None and len([p for p in raw.rglob("*") if p.is_file()]) == 12
    raw, seconds = prepare_folder(tmp_path, SyntheticCorpus(seed=3), 12)  # another seed
    assert seconds is not None


# lines of a real run's log file (warehouse/logs/run-*.log)
RUN_LOG = """govinfo-warehouse: documents from /tmp/b/raw, warehouse /tmp/b/build/warehouse.duckdb
2026-12-03 12:30:24 +0000 - dagster - DEBUG - build_warehouse - cfd6a009 - 29866 - RUN_START - Started execution of run for "build_warehouse".
2026-12-03 12:30:25 +0000 - dagster - DEBUG - build_warehouse - cfd6a009 - 29866 - fetched_documents - STEP_START - Started execution of step "fetched_documents".
2026-12-03 12:42:06 +0000 - dagster - DEBUG - build_warehouse - cfd6a009 - 29866 - RUN_SUCCESS - Finished execution of run for "build_warehouse".
"""


def test_dagster_span_reads_the_run_start_and_end():
    start, end = dagster_span(RUN_LOG)
    assert end - start == 11 * 60 + 42
    assert dagster_span(CONSOLE) is None
