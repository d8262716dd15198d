"""A shard's generation in segments: the same rows as one file per table, and a refresh that rewrites
only the segments its changed reports are in (the others linked, unread), folds small segments into
what it writes, and turns a generation written before segments into segments on its first change."""
import os
import shutil

from stagekit import SHARDS, Stage, make_raw, shard_paths

from dagster_project.ingest.walk import report_id_for
from dagster_project.stage.schema import PER_REPORT_TABLES, SHARD_TABLES
from dagster_project.stage.segments import segments
from dagster_project.stage.shards import shard_keys, shard_of

TIMES = {"reports": "* exclude (parsed_at)", "parse_errors": "* exclude (failed_at)"}
KEY = "00"  # 10 of the ~25 documents of stagekit's corpus


def _rows(stage, where: str = "true", params=None):
    return {t: sorted(stage.parquet(t, [KEY], columns=TIMES.get(t, "*"), where=where, params=params), key=repr)
            for t in PER_REPORT_TABLES}


def _ids_by_segment(stage) -> dict[str, list[str]]:
    import duckdb

    out = {}
    with duckdb.connect() as con:
        for segment, files in segments(stage.store.current(KEY)).items():
            out[segment] = [rid for (rid,) in con.execute(
                "select report_id from read_parquet(?) union all select report_id from read_parquet(?)",
                [str(files["reports"]), str(files["parse_errors"])]).fetchall()]
    return out


def _inodes(stage) -> dict[str, int]:
    return {segment: files["figures"].stat().st_ino for segment, files in segments(stage.store.current(KEY)).items()}


def _edit(stage, relative: str) -> None:
    path = stage.raw / relative
    data = path.read_bytes()
    path.write_bytes(data.replace("。".encode(), "。（本报告有修订）".encode(), 1))


def _new_name(raw, stem: str, suffix: str) -> str:
    """A file name in the shard KEY (a report_id is a hash of the path)."""
    for k in range(10_000):
        name = f"added/{stem}-{k}{suffix}"
        if shard_of(report_id_for(name), SHARDS) == KEY:
            return name
    raise AssertionError("no name hashes into the shard")


def test_segments_hold_the_rows_one_file_per_table_holds(monkeypatch, tmp_path):
    raw = make_raw(tmp_path / "a")
    shutil.copytree(raw, tmp_path / "b" / "raw")
    whole = Stage(monkeypatch, raw, tmp_path / "a" / "wh.duckdb")
    whole.ingest()
    whole.parse_shard(KEY)
    expected = _rows(whole)
    assert len(segments(whole.store.current(KEY))) == 1 and expected["figures"]

    cut = Stage(monkeypatch, tmp_path / "b" / "raw", tmp_path / "b" / "wh.duckdb", GOVINFO_SHARD_SEGMENT_REPORTS=3)
    cut.ingest()
    metadata = cut.parse_shard(KEY)
    assert _rows(cut) == expected
    by_segment = _ids_by_segment(cut)
    assert [len(ids) for ids in by_segment.values()] == [3, 3, 3, 1]  # the 10 documents, 3 a segment
    assert all(sorted(files) == sorted(SHARD_TABLES) for files in segments(cut.store.current(KEY)).values())
    assert metadata["documents"] == len(shard_paths(cut.raw, KEY)) == 10


def test_an_edit_rewrites_the_segment_it_is_in_and_links_the_others(monkeypatch, tmp_path):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb", GOVINFO_SHARD_SEGMENT_REPORTS=3)
    stage.ingest()
    stage.parse_shard(KEY)
    before_ids, before_inodes, before = _ids_by_segment(stage), _inodes(stage), _rows(stage)
    path_of = stage.path_of()
    edited_id = before_ids["s000002"][0]
    _edit(stage, path_of[edited_id])
    stage.ingest()
    stage.parse_shard(KEY)

    after_ids, after_inodes = _ids_by_segment(stage), _inodes(stage)
    # the segments without the edited report are the same files; the one with it gave way to a new one
    assert {s: after_inodes[s] for s in ("s000001", "s000003", "s000004")} == \
           {s: before_inodes[s] for s in ("s000001", "s000003", "s000004")}
    assert "s000002" not in after_ids
    assert sorted(after_ids["s000005"]) == sorted(before_ids["s000002"])
    assert stage.store.info(KEY)["segments_linked"] == 3 and stage.store.info(KEY)["segments_written"] == 1
    # every report once, the others' rows as they were, the edited one's parsed again from its new text
    every = [rid for ids in after_ids.values() for rid in ids]
    assert sorted(every) == sorted(rid for ids in before_ids.values() for rid in ids)
    others = [rid for rid in every if rid != edited_id]
    kept = "report_id in (select unnest(?::varchar[]))"
    assert _rows(stage, kept, [others]) == {t: [r for r in rows if r[0] in others] for t, rows in before.items()}
    [(sha,)] = stage.parquet("reports", [KEY], columns="sha256", where="report_id = ?", params=[edited_id])
    assert sha == stage.warehouse_rows("select sha256 from staging.documents where report_id = ?", [edited_id])[0][0]
    assert sha != [r for r in before["reports"] if r[0] == edited_id][0][1]


def test_new_reports_fold_small_segments_into_the_next_one(monkeypatch, tmp_path):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb", GOVINFO_SHARD_SEGMENT_REPORTS=12)
    stage.ingest()
    stage.parse_shard(KEY)
    assert [len(ids) for ids in _ids_by_segment(stage).values()] == [10]
    first_inode = _inodes(stage)["s000001"]
    seed = sorted((stage.raw / "seeds").glob("*.txt"))[0]
    for stem in ("one", "two"):
        target = stage.raw / _new_name(stage.raw, stem, ".txt")
        target.parent.mkdir(exist_ok=True)
        shutil.copy(seed, target)
        stage.ingest()
        stage.parse_shard(KEY)
    # the first new report made a segment of one (fewer than a quarter of 12); the second folded it
    by_segment = _ids_by_segment(stage)
    assert [(s, len(ids)) for s, ids in by_segment.items()] == [("s000001", 10), ("s000003", 2)]
    assert _inodes(stage)["s000001"] == first_inode


def test_a_generation_written_before_segments_is_read_and_cut_on_its_first_change(monkeypatch, tmp_path):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb", GOVINFO_SHARD_SEGMENT_REPORTS=4)
    monkeypatch.setenv("GOVINFO_SHARD_SEGMENT_REPORTS", "1000")
    from dagster_project.settings import get_settings

    get_settings.cache_clear()
    stage.ingest()
    stage.parse_shard(KEY)
    generation = stage.store.current(KEY)
    for table, path in segments(generation)["s000001"].items():  # as generations were written before
        os.rename(path, generation / f"{table}.parquet")
    assert list(segments(generation)) == [""]
    legacy = _rows(stage)
    assert legacy["figures"]

    monkeypatch.setenv("GOVINFO_SHARD_SEGMENT_REPORTS", "4")
    get_settings.cache_clear()
    path_of = stage.path_of()
    edited_id = min(rid for rid in path_of if shard_of(rid, SHARDS) == KEY)
    _edit(stage, path_of[edited_id])
    stage.ingest()
    stage.parse_shard(KEY)
    by_segment = _ids_by_segment(stage)
    assert list(by_segment) == ["s000001", "s000002", "s000003"]
    assert [len(ids) for ids in by_segment.values()] == [4, 4, 2]
    others = [rid for ids in by_segment.values() for rid in ids if rid != edited_id]
    kept = "report_id in (select unnest(?::varchar[]))"
    assert _rows(stage, kept, [others]) == {t: [r for r in rows if r[0] in others] for t, rows in legacy.items()}
    assert not any(p.name.count(".") == 1 for p in stage.store.current(KEY).iterdir())  # no <table>.parquet left
    assert [k for k in shard_keys(SHARDS) if stage.store.info(k)] == [KEY]
