"""The raw folder's stat listing stored beside the published warehouse: a run with nothing changed is
decided from it without reading a document, and it never speaks for a warehouse it was not made for.
Real ingest into a real DuckDB file over seed reports (no dbt)."""
from __future__ import annotations

import os
import shutil

import pytest

from dagster_project.ingest.scan import ingest_folder
from dagster_project.resources.warehouse import open_warehouse
from dagster_project.run import listing
from dagster_project.run.unchanged import Fingerprint, decide, models_digest
from dagster_project.settings import Settings
from runkit import ingested_warehouse


@pytest.fixture
def built(tmp_path):
    return ingested_warehouse(tmp_path)


def fingerprint(settings, parser="p1"):
    models = models_digest(settings)
    return Fingerprint(parser, models, listing.take(settings, parser, models))


def test_the_listing_is_stored_by_a_content_check_and_then_decides_alone(built, monkeypatch):
    raw, warehouse, settings = built
    assert not listing.listing_path(warehouse).exists()
    first = decide(warehouse, settings, fingerprint(settings))
    assert first.unchanged and first.built_at
    assert listing.listing_path(warehouse).exists()
    # from now on no document is opened: a content check would fail loudly
    monkeypatch.setattr("dagster_project.run.unchanged.check_unchanged",
                        lambda *a, **k: pytest.fail("the folder was compared by content"))
    second = decide(warehouse, settings, fingerprint(settings))
    assert second.unchanged and "size, mtime, ctime, inode" in second.reason
    assert second.built_at == first.built_at


def test_each_kind_of_change_is_seen_from_the_listing(built):
    raw, warehouse, settings = built
    assert decide(warehouse, settings, fingerprint(settings)).unchanged  # stores the listing
    assert decide(warehouse, settings, fingerprint(settings, parser="p2")).reason == "parser p1 → p2"
    first = sorted(raw.glob("*.txt"))[0]
    first.write_bytes(first.read_bytes())  # touched, same bytes: the content decides, and it is the same
    touched = decide(warehouse, settings, fingerprint(settings))
    assert touched.unchanged and "same content" in touched.reason
    assert decide(warehouse, settings, fingerprint(settings)).reason.startswith("documents (size")  # stored again
    (raw / "new.txt").write_bytes(first.read_bytes() + b"\n")
    assert decide(warehouse, settings, fingerprint(settings)).reason == "new file new.txt"
    (raw / "new.txt").unlink()
    moved = shutil.move(first, raw.parent / first.name)
    assert decide(warehouse, settings, fingerprint(settings)).reason == "1 file removed"
    shutil.move(moved, first)
    first.write_bytes(first.read_bytes().replace("年".encode(), "年 ".encode(), 1))
    assert decide(warehouse, settings, fingerprint(settings)).reason == f"changed file {first.name}"


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(built):
    raw, warehouse, settings = built
    assert decide(warehouse, settings, fingerprint(settings)).unchanged
    first = sorted(raw.glob("*.txt"))[0]
    before = first.stat()
    data = first.read_bytes()
    first.write_bytes(data.replace("年".encode(), "月".encode(), 1))  # same length
    os.utime(first, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert first.stat().st_size == before.st_size and first.stat().st_mtime_ns == before.st_mtime_ns
    assert decide(warehouse, settings, fingerprint(settings)).reason == f"changed file {first.name}"


def test_a_listing_made_for_another_warehouse_file_is_not_used(built, monkeypatch):
    raw, warehouse, settings = built
    assert decide(warehouse, settings, fingerprint(settings)).unchanged
    # the published file written in place since (here: a row deleted): the listing no longer speaks for it
    con = open_warehouse(warehouse)
    con.execute("delete from staging.documents where report_id = (select min(report_id) from staging.documents)")
    con.execute("checkpoint")
    con.close()
    assert decide(warehouse, settings, fingerprint(settings)).reason == "staging differs from the recorded build"
    # a copy of the listing beside another file is not taken for that file's either
    other = warehouse.with_name("other.duckdb")
    shutil.copyfile(warehouse, other)
    shutil.copyfile(listing.listing_path(warehouse), listing.listing_path(other))
    assert listing.compare(other, fingerprint(settings).listing) is None


def test_a_broken_listing_file_falls_back_to_the_content_check(built):
    raw, warehouse, settings = built
    assert decide(warehouse, settings, fingerprint(settings)).unchanged
    listing.listing_path(warehouse).write_bytes(b"\xff not a listing")
    assert listing.compare(warehouse, fingerprint(settings).listing) is None
    assert decide(warehouse, settings, fingerprint(settings)).unchanged  # by content, and stored again
    assert listing.compare(warehouse, fingerprint(settings).listing)[0]


# -- the files a run's ingest does not open --------------------------------------------------------

def ingest_opening(monkeypatch, warehouse, raw, unchanged):
    """Real ingest into ``warehouse``; returns its summary and the names of the files it opened."""
    from dagster_project.ingest import scan

    opened = []
    real_open = scan.open_checked
    monkeypatch.setattr(scan, "open_checked", lambda f: opened.append(f.rel.decode()) or real_open(f))
    con = open_warehouse(warehouse)
    try:
        summary = ingest_folder(con, raw, unchanged=unchanged)
    finally:
        con.close()
    return summary, sorted(opened)


def test_ingest_opens_only_the_files_whose_stat_moved_since_the_build(built, tmp_path, monkeypatch):
    raw, warehouse, settings = built
    assert decide(warehouse, settings, fingerprint(settings)).unchanged  # stores the listing
    first, second, third = sorted(raw.glob("*.txt"))
    before = first.stat()
    first.write_bytes(first.read_bytes().replace("年".encode(), "月".encode(), 1))  # same size, mtime put back:
    os.utime(first, ns=(before.st_atime_ns, before.st_mtime_ns))  # only the ctime shows the edit
    (raw / "new.txt").write_bytes(second.read_bytes() + b"\n")
    records = listing.unchanged_records(warehouse, fingerprint(settings).listing)
    assert sorted(listing.Listing(records, {}).entries()) == [second.name.encode(), third.name.encode()]
    target = listing.write_unchanged(warehouse, fingerprint(settings).listing, tmp_path / "run.unchanged")
    unchanged = listing.read_unchanged(target)
    assert unchanged[second.name.encode()] == (second.stat().st_size, second.stat().st_mtime_ns,
                                               second.stat().st_dev, second.stat().st_ino)
    summary, opened = ingest_opening(monkeypatch, warehouse, raw, unchanged)
    assert (summary.new, summary.changed, summary.unchanged) == (1, 1, 2)
    assert opened == [first.name, "new.txt"]
    # without the listing every known file's first and last 64 KiB are read again
    assert ingest_opening(monkeypatch, warehouse, raw, None)[1] == sorted([first.name, second.name, third.name,
                                                                           "new.txt"])


def test_a_file_written_after_the_listing_was_taken_is_still_read(built, tmp_path, monkeypatch):
    raw, warehouse, settings = built
    assert decide(warehouse, settings, fingerprint(settings)).unchanged
    first = sorted(raw.glob("*.txt"))[0]
    unchanged = listing.read_unchanged(listing.write_unchanged(warehouse, fingerprint(settings).listing,
                                                               tmp_path / "run.unchanged"))
    assert first.name.encode() in unchanged
    first.write_bytes(first.read_bytes().replace("年".encode(), "年 ".encode(), 1))  # between listing and ingest
    summary, opened = ingest_opening(monkeypatch, warehouse, raw, unchanged)
    assert opened == [first.name] and summary.changed == 1


def test_no_file_is_trusted_under_another_ingest_context_or_another_warehouse_file(built, tmp_path):
    raw, warehouse, settings = built
    assert decide(warehouse, settings, fingerprint(settings)).unchanged
    assert listing.unchanged_records(warehouse, fingerprint(settings).listing)
    smaller = Settings(raw_dir=raw, warehouse=warehouse, max_file_bytes=1000)
    assert listing.unchanged_records(warehouse, fingerprint(smaller).listing) is None
    other = warehouse.with_name("other.duckdb")
    shutil.copyfile(warehouse, other)
    shutil.copyfile(listing.listing_path(warehouse), listing.listing_path(other))
    assert listing.unchanged_records(other, fingerprint(settings).listing) is None
    assert listing.write_unchanged(other, fingerprint(settings).listing, tmp_path / "run.unchanged") is None
    assert not (tmp_path / "run.unchanged").exists()


def _fetch_log(raw, fields: str):
    """A provenance log of one line: a.html stored at _fetched/aa/aa.html, with ``fields``."""
    log = raw / "_fetched" / "provenance.jsonl"
    log.parent.mkdir()
    line = ('{"url": "http://127.0.0.1:8000/a.html", ' + fields + ', '
            '"path": "_fetched/aa/aa.html", "fetched_at": "2026-12-05T10:00:00.000+00:00"}\n')
    log.write_text(line, encoding="utf-8")
    return log, line


def test_lines_appended_to_the_fetch_log_are_no_change_and_a_rewritten_log_is(built):
    # A fetch appends a line per URL it asked (a 304 too), and ingest takes the first URL that brought
    # a file: appended lines change nothing a build read. A log rewritten in place, or replaced, does.
    raw, warehouse, settings = built
    log, line = _fetch_log(raw, '"outcome": "unchanged", "kind": "report"')
    # without the listing of the last build, what it read of the log is not known: a build
    assert decide(warehouse, settings, fingerprint(settings)).reason == \
        "fetched documents, and no stored listing of the last build"
    listing.save(warehouse, fingerprint(settings).listing)  # as the build that read this log stores it
    assert decide(warehouse, settings, fingerprint(settings)).unchanged
    with open(log, "a", encoding="utf-8") as appended:
        appended.write(line.replace("10:00", "11:00"))
    grown = decide(warehouse, settings, fingerprint(settings))
    assert grown.unchanged and grown.reason.startswith("documents (size"), grown.reason
    assert listing.unchanged_records(warehouse, fingerprint(settings).listing)
    with open(log, "r+b") as rewritten:  # same inode, longer, another first line
        rewritten.write(line.replace("a.html", "b.html").encode() * 3)
    changed = decide(warehouse, settings, fingerprint(settings))
    assert changed.reason == "the fetch provenance log names another URL or agency for a stored file"
    assert listing.unchanged_records(warehouse, fingerprint(settings).listing) is None


def test_an_agency_named_anew_in_an_appended_line_is_a_change(built):
    # the manifest's agency of a stored file is the last one named for it: staging reads it
    raw, warehouse, settings = built
    log, line = _fetch_log(raw, '"outcome": "downloaded", "kind": "report", "sha256": "aa"')
    listing.save(warehouse, fingerprint(settings).listing)  # as the build that read this log stores it
    assert decide(warehouse, settings, fingerprint(settings)).unchanged
    with open(log, "a", encoding="utf-8") as appended:
        appended.write(line.replace('"downloaded"', '"unchanged"').replace('"kind"', '"agency": "微山县两城镇人民政府", "kind"'))
    assert decide(warehouse, settings, fingerprint(settings)).reason == "the fetch provenance log names another URL or agency for a stored file"


def test_a_refused_file_put_back_as_it_was_stored_is_a_change(built):
    # an outside trial cut a stored report in half (refused: cut short, its stored version kept), then copied
    # the original back: the run found nothing changed and the refusal stayed listed
    from dagster_project.run.unchanged import record_build

    raw, warehouse, settings = built
    first = sorted(raw.glob("*.txt"))[0]
    whole = first.read_bytes()
    first.write_bytes(whole[: len(whole) // 2])
    con = open_warehouse(warehouse)
    try:
        ingest_folder(con, raw)
        assert con.execute("select count(*) from staging.refused_documents where source_path = ?",
                           [first.name]).fetchone()[0] == 1
        record_build(con, "p1", models_digest(settings))
    finally:
        con.close()
    assert decide(warehouse, settings, fingerprint(settings)).unchanged  # as built, the listing stored
    first.write_bytes(whole)
    decision = decide(warehouse, settings, fingerprint(settings))
    assert not decision.unchanged and decision.reason == f"changed file {first.name}"


def test_several_kinds_of_change_are_each_said(built):
    # an outside trial: 8 removed, 2 new and 2 changed files were announced as "building: changed file …" alone
    raw, warehouse, settings = built
    assert decide(warehouse, settings, fingerprint(settings)).unchanged  # stores the listing
    files = sorted(raw.glob("*.txt"))
    (raw / "a_new.txt").write_bytes(files[0].read_bytes() + b"\n")
    (raw / "b_new.txt").write_bytes(files[1].read_bytes() + b"\n")
    files[2].unlink()
    files[1].write_bytes(files[1].read_bytes() + b"\n")
    assert decide(warehouse, settings, fingerprint(settings)).reason == \
        f"new file a_new.txt and 1 more; 1 file removed; 1 known file touched or changed ({files[1].name})"


def test_a_warehouse_built_before_it_recorded_its_folder_is_judged_by_the_stored_listing(built, tmp_path):
    # (a warehouse of an older version records no raw folder; its first run over another folder would go unchecked)
    from dagster_project.run.preflight import other_raw_folder

    raw, warehouse, settings = built
    other = tmp_path / "other"
    other.mkdir()
    moved = Settings(raw_dir=other, warehouse=warehouse)
    assert other_raw_folder(warehouse, moved) is None  # no listing yet: nothing to go by
    assert decide(warehouse, settings, fingerprint(settings)).unchanged  # stores the listing
    assert other_raw_folder(warehouse, settings) is None
    assert other_raw_folder(warehouse, moved).startswith(
        f"the warehouse {warehouse} was built from the raw folder {raw}, and this run reads {other}")
    assert other_raw_folder(warehouse, Settings(raw_dir=other, warehouse=warehouse, allow_raw_dir_change=True)) is None
