"""Parse shards as Dagster partitions: one partition's materialization parses that shard's documents
only, writes that shard's Parquet only, and parses nothing again until a document of it changes
(or ``reparse`` is asked for)."""
import json
import shutil

import pytest

from seed_gold import gold_values, seed_cases
from stagekit import SHARDS, Stage, make_raw, shard_paths

from dagster_project.stage.shards import shard_index, shard_keys, shard_sql


def test_the_sql_shard_is_the_python_shard():
    import duckdb

    ids = [f"{i:016x}" for i in range(0, 5000, 7)]
    with duckdb.connect() as con:
        got = con.execute(f"select report_id, {shard_sql(16)} from (select unnest(?::varchar[]) as report_id)",
                          [ids]).fetchall()
    assert {rid: shard for rid, shard in got} == {rid: shard_index(rid, 16) for rid in ids}
    assert sorted({shard for _, shard in got}) == list(range(16))  # every shard gets documents
    assert shard_keys(16)[:3] == ["00", "01", "02"] and len(shard_keys(16)) == 16


def test_one_partition_parses_its_shard_only_and_only_once(monkeypatch, tmp_path):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb")
    stage.ingest()
    key = next(k for k in shard_keys(SHARDS) if len(shard_paths(stage.raw, k)) >= 3)
    expected = shard_paths(stage.raw, key)

    first = stage.parse_shard(key)
    assert first["parsed"] + first["failed"] + first["needs_ocr"] == len(expected) == first["documents"]
    # that shard's Parquet, and no other shard's
    assert [k for k in shard_keys(SHARDS) if stage.store.info(k)] == [key]
    path_of = stage.path_of()
    staged = {path_of[rid] for (rid,) in stage.parquet("reports", columns="report_id")} | \
             {path_of[rid] for (rid,) in stage.parquet("parse_errors", columns="report_id")}
    assert staged == expected
    assert first["parquet_bytes"] > 0
    # real figures read off the documents of the shard: the seed texts' gold values
    for path, gold in seed_cases():
        if f"seeds/{path.name}" in expected:
            rid = next(r for r, p in path_of.items() if p == f"seeds/{path.name}")
            figures = {(c, a): v for c, a, v in stage.parquet(
                "figures", columns="indicator_code, applicant_type, value", where="report_id = ?", params=[rid])}
            for cell, value in gold_values(gold).items():
                assert figures.get(cell) == value, (path.name, cell)

    generation = stage.store.info(key)["generation"]
    again = stage.parse_shard(key)
    assert (again["parsed"], again["failed"]) == (0, 0)
    assert stage.store.info(key)["generation"] == generation  # nothing rewritten

    # one document of the shard changes, and one of another shard: only the first is parsed
    other = next(k for k in shard_keys(SHARDS) if k != key and shard_paths(stage.raw, k))
    for rel in (sorted(expected)[0], sorted(shard_paths(stage.raw, other))[0]):
        target = stage.raw / rel
        target.write_bytes(target.read_bytes() + "\n(修订)\n".encode("utf-8"))
    stage.ingest()
    changed = stage.parse_shard(key)
    assert changed["parsed"] + changed["failed"] == 1
    assert stage.store.info(other) is None
    assert stage.store.info(key)["generation"] != generation
    assert not (stage.store.layout / generation).exists()  # the replaced generation is gone

    # a re-parse of the shard (a parser change tried on one partition) parses all of it again
    before = dict(stage.parquet("reports", [key], columns="report_id, parsed_at"))
    redone = stage.parse_shard(key, reparse=True)
    assert redone["parsed"] + redone["failed"] + redone["needs_ocr"] == len(expected)
    after = dict(stage.parquet("reports", [key], columns="report_id, parsed_at"))
    assert after.keys() == before.keys() and all(after[r] > before[r] for r in before)
    pointer = json.loads(stage.store.pointer(key).read_text(encoding="utf-8"))
    assert pointer["documents"] == len(expected) and pointer["shards"] == SHARDS

    # a generation removed by hand: readers stop with the partition to materialize, a refresh rewrites it
    shutil.rmtree(stage.store.layout / pointer["generation"])
    with pytest.raises(RuntimeError, match=f"materialize parse/shards partition {key}"):
        stage.store.files("figures")
    healed = stage.parse_shard(key)
    assert healed["parsed"] + healed["failed"] + healed["needs_ocr"] == len(expected)
    assert sorted(stage.parquet("reports", [key], columns="report_id")) == sorted((r,) for r in after)
