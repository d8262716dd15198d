"""The raw store (write-once, hash-named) and the provenance log (append-only, readable back)."""
from __future__ import annotations

import hashlib
import os
import stat

import pytest

from dagster_project.fetch import provenance as prov
from dagster_project.fetch.provenance import ProvenanceLog, ProvenanceRecord, read_records, source_url_by_path
from dagster_project.fetch.provenance_index import load_state
from dagster_project.fetch.store import blob_path, extension_for, find_blob, put_blob


def test_put_blob_writes_once_and_never_again(tmp_path):
    data = "平潭2023年度报告".encode()
    sha = hashlib.sha256(data).hexdigest()
    first = put_blob(tmp_path, data, ".html")
    assert first.created and first.path == tmp_path / sha[:2] / f"{sha}.html"
    assert first.path.read_bytes() == data
    assert not first.path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)  # read-only
    before = first.path.stat()

    again = put_blob(tmp_path, data, ".html")
    other_type = put_blob(tmp_path, data, ".bin")  # same bytes served under another type: same file
    assert not again.created and not other_type.created and other_type.path == first.path
    after = first.path.stat()
    assert (after.st_mtime_ns, after.st_ino, after.st_size) == (before.st_mtime_ns, before.st_ino, before.st_size)
    assert sorted(p.name for p in tmp_path.rglob("*")) == [sha[:2], f"{sha}.html"]  # no temp file left
    assert find_blob(tmp_path, sha) == first.path and find_blob(tmp_path, "0" * 64) is None


def test_store_names_come_only_from_the_hash(tmp_path):
    with pytest.raises(ValueError):
        blob_path(tmp_path, "../../etc/passwd", ".html")
    with pytest.raises(ValueError):
        blob_path(tmp_path, "a" * 64, "/../x")
    assert find_blob(tmp_path, "../x") is None


@pytest.mark.parametrize(
    ("content_type", "data", "ext"),
    [
        ("text/html; charset=GB2312", b"<html></html>", ".html"),
        ("application/xhtml+xml", b"<html/>", ".html"),
        ("text/plain", b"2023", ".txt"),
        ("application/pdf", b"%PDF-1.7", ".pdf"),
        ("application/octet-stream", b"%PDF-1.4 ...", ".pdf"),
        ("", b"  <!DOCTYPE html><html>", ".html"),
        ("application/octet-stream", b"PK\x03\x04 docx", ".bin"),
        ("application/msword", b"\xd0\xcf\x11\xe0", ".doc"),  # Word attachments are kept as what they are
    ],
)
def test_extension_from_content_type(content_type, data, ext):
    assert extension_for(content_type, data) == ext


def test_provenance_appends_and_reads_back(tmp_path):
    log = ProvenanceLog(tmp_path)
    log.append(ProvenanceRecord(url="http://a/1", outcome=prov.DOWNLOADED, sha256="a" * 64, path="_fetched/aa/x.html", etag='"1"'))
    log.append(ProvenanceRecord(url="http://a/1", outcome=prov.FAILED, reason="read timeout"))
    log.append(ProvenanceRecord(url="http://a/2", outcome=prov.REJECTED, reason="scheme 'ftp' not allowed"))
    with open(log.path, "ab") as handle:
        handle.write(b'{"url": "http://a/3", "outc')  # a line torn by a crash
    records = list(read_records(tmp_path))
    assert [r["url"] for r in records] == ["http://a/1", "http://a/1", "http://a/2"]
    assert records[0]["fetched_at"] and records[0]["etag"] == '"1"'
    assert [r["outcome"] for r in records if r["url"] == "http://a/1"][-1] == "failed"
    # the validators of the last stored copy survive a later failure
    assert load_state(tmp_path).latest_stored["http://a/1"]["etag"] == '"1"'
    assert "http://a/2" not in load_state(tmp_path).latest_stored


def test_source_url_by_path_keeps_the_first_url_of_shared_bytes(tmp_path):
    fetch_dir = tmp_path / "_fetched"
    log = ProvenanceLog(fetch_dir)
    log.append(ProvenanceRecord(url="http://a/first", outcome=prov.DOWNLOADED, sha256="b" * 64, path="_fetched/bb/b.html"))
    log.append(ProvenanceRecord(url="http://a/second", outcome=prov.DOWNLOADED, sha256="b" * 64, path="_fetched/bb/b.html"))
    log.append(ProvenanceRecord(url="http://a/first", outcome=prov.UNCHANGED, sha256="b" * 64, path="_fetched/bb/b.html"))
    log.append(ProvenanceRecord(url="http://a/bad", outcome=prov.FAILED, reason="HTTP 404"))
    assert source_url_by_path(tmp_path) == {"_fetched/bb/b.html": "http://a/first"}
    assert source_url_by_path(tmp_path / "nowhere") == {}


def test_records_are_whole_lines_under_concurrency(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    log = ProvenanceLog(tmp_path)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: log.append(ProvenanceRecord(url=f"http://a/{i}", outcome=prov.FAILED, reason="x" * 500)), range(200)))
    lines = log.path.read_bytes().splitlines()
    assert len(lines) == 200 and len(list(read_records(tmp_path))) == 200
    assert os.path.getsize(log.path) == sum(len(line) + 1 for line in lines)
