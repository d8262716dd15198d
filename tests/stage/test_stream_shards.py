"""Several shards parsed side by side take their documents from one streaming read: no input files are
written, and a batch that fails publishes nothing: every shard keeps its previous generation whole."""
import time
from pathlib import Path

import pytest
from seed_gold import gold_values, seed_cases
from stagekit import SHARDS, Stage, make_raw

import dagster_project.stage.stream_shards as stream
from dagster_project.stage.parse_shard import refresh_shards
from dagster_project.stage.shard_inputs import INPUTS_PREFIX
from dagster_project.stage.shards import shard_keys
from dagster_project.stage.write_reports import ParseBudget, parser_version


_calls = []
_real_parse_part = stream.parse_part
_seen = {}  # the file where each slowed task writes whether its shard's folder was still there


def second_batch_fails(batch, parts, number, version, budget):
    """Each worker's second batch fails (the workers are forked after the patch, each counts its own);
    the others are slowed, so the other worker is still at work on a part when the failure is seen."""
    _calls.append(number)
    if len(_calls) == 2:
        raise RuntimeError("disk full while writing a part")
    time.sleep(0.3)
    with open(_seen["file"], "a") as seen:
        seen.write(f"{Path(parts).is_dir()}\n")
    return _real_parse_part(batch, parts, number, version, budget)


def _refresh(stage, **kwargs):
    return refresh_shards(stage.warehouse, stage.store, shard_keys(SHARDS), parser_version(), ParseBudget(),
                          batch_size=2, workers=2, **kwargs)


def test_shards_are_fed_by_the_read_without_input_files(monkeypatch, tmp_path):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb")
    stage.ingest()
    written = []
    monkeypatch.setattr("dagster_project.stage.parse_shard.export_inputs",
                        lambda *a, **k: written.append(a) or {})
    results = _refresh(stage, reparse=True)
    assert not written
    assert len(results) == SHARDS and all(r.generation and r.processes == 2 for r in results)
    path_of = stage.path_of()
    staged = {rid for (rid,) in stage.parquet("reports", columns="report_id")} | \
             {rid for (rid,) in stage.parquet("parse_errors", columns="report_id")}
    assert staged == set(path_of)  # every document, in exactly one shard
    assert sum(r.parsed.parsed + r.parsed.failed + r.parsed.needs_ocr for r in results) == len(path_of)
    assert not list(stage.store.layout.glob(f"{INPUTS_PREFIX}*"))
    # the seed reports' figures, read in the workers, are their gold values
    checked = 0
    for path, gold in seed_cases():
        rid = next((r for r, p in path_of.items() if p == f"seeds/{path.name}"), None)
        if rid is None:
            continue
        figures = {(c, a): v for c, a, v in stage.parquet(
            "figures", columns="indicator_code, applicant_type, value", where="report_id = ?", params=[rid])}
        for cell, value in gold_values(gold).items():
            assert figures.get(cell) == value, (path.name, cell)
            checked += 1
    assert checked > 50


def test_a_failing_batch_publishes_no_shard(monkeypatch, tmp_path):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb")
    stage.ingest()
    _refresh(stage)
    before = {key: stage.store.info(key) for key in shard_keys(SHARDS)}
    rows = sorted(stage.parquet("figures"), key=repr)

    monkeypatch.setattr(stream, "parse_part", second_batch_fails)
    monkeypatch.setitem(_seen, "file", tmp_path / "seen.txt")
    with pytest.raises(RuntimeError, match="disk full"):
        _refresh(stage, reparse=True)
    # the tasks still running when the failure came were stopped before their folders were removed
    seen = (tmp_path / "seen.txt").read_text().split()
    assert "False" not in seen, seen
    assert {key: stage.store.info(key) for key in shard_keys(SHARDS)} == before
    assert sorted(stage.parquet("figures"), key=repr) == rows
    assert not [p for p in stage.store.layout.iterdir() if p.name.endswith(".tmp")]


def test_batches_cut_short_by_the_memory_bound_stage_the_same_rows(monkeypatch, tmp_path):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb")
    stage.ingest()
    times = {"reports": "* exclude (parsed_at)", "parse_errors": "* exclude (failed_at)"}

    def rows():
        return {t: sorted(stage.parquet(t, columns=c), key=repr) for t, c in
                {"figures": "*", "unplaced_figures": "*", "uncoded_rows": "*", **times}.items()}

    _refresh(stage, reparse=True)
    whole = rows()
    # no open batch may hold a document: every document read goes to a process at once, one per part
    monkeypatch.setattr(stream, "OPEN_BATCHES_PER_PROCESS", 0)
    results = _refresh(stage, reparse=True)
    assert rows() == whole and whole["figures"]
    assert sum(r.parsed.parsed + r.parsed.failed + r.parsed.needs_ocr for r in results) == len(stage.path_of())


@pytest.mark.parametrize("seconds, lines_expected", [(0, True), (1e9, False)])
def test_progress_of_the_streamed_parse_follows_the_setting(monkeypatch, tmp_path, seconds, lines_expected):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb", GOVINFO_PROGRESS_SECONDS=seconds)
    stage.ingest()
    lines: list[str] = []
    _refresh(stage, log=lines.append)
    total = len(stage.path_of())
    progress = [line for line in lines if line.startswith("parse: ") and "(shard" not in line and "/" in line]
    assert bool(progress) == lines_expected, progress
    counts = [int(line.split()[1].split("/")[0]) for line in progress]
    assert counts == sorted(counts) and all(0 <= n <= total for n in counts) and (not counts or counts[-1] > 0)
    assert all(line.split()[1].endswith(f"/{total}") for line in progress)
