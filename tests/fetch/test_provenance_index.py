"""The index of the provenance log answers as a read of the whole log does, reading only the lines
after it; a log replaced or cut is read again from its start; a run's own lines are read from the end."""
from __future__ import annotations

import hashlib
import json
import os
import shutil

from dagster_project.fetch import provenance as prov
from dagster_project.fetch.provenance import ProvenanceLog, ProvenanceRecord, read_records, records_since
from dagster_project.fetch.provenance_index import (DIGEST_NAME, INDEX_NAME, STORED_FIELDS, ingest_digest, load_state,
                                                    save_state)

URL = "http://127.0.0.1:8000/zwgk/ndbg/{}.html"


def _records(n: int, start: int = 0) -> list[ProvenanceRecord]:
    """A fetch's lines of every outcome: stored, unchanged, the same bytes from a second URL, failed."""
    out = []
    for i in range(start, start + n):
        path = f"_fetched/{i % 7:02x}/{i % 7:064x}.html"
        outcome = (prov.DOWNLOADED, prov.UNCHANGED, prov.FAILED, prov.NOT_A_REPORT)[i % 4]
        stored = outcome != prov.FAILED
        out.append(ProvenanceRecord(url=URL.format(i % 11), outcome=outcome, status=200 if stored else 404,
                                    sha256=f"{i % 7:064x}" if stored else None, path=path if stored else None,
                                    agency=f"平潭综合实验区{i % 3}局" if i % 5 else None,
                                    fetched_at=f"2026-12-0{1 + i // 100}T10:{i % 60:02d}:00.000+00:00"))
    return out


def _whole_log(fetch_dir) -> tuple[dict, dict, dict]:
    """The three answers read off every line: each URL's last stored record (the fields the fetch
    reads), each file's first URL, and the agency the manifest last named for that URL (none when it
    names none)."""
    latest, first, agency = {}, {}, {}
    for r in read_records(fetch_dir):
        if r["outcome"] in prov.STORED_OUTCOMES and r.get("path"):
            first.setdefault(r["path"], r["url"])
            if r.get("sha256"):
                latest[r["url"]] = {name: r[name] for name in STORED_FIELDS if r.get(name) is not None}
            if r["url"] == first[r["path"]]:
                agency[r["path"]] = r.get("agency")
    return latest, first, {path: name for path, name in agency.items() if name}


def _state(fetch_dir) -> tuple[dict, dict, dict]:
    state = load_state(fetch_dir)
    return state.latest_stored, state.first_url, state.agency


def test_the_index_answers_as_the_whole_log_and_reads_only_what_follows_it(tmp_path, monkeypatch):
    log = ProvenanceLog(tmp_path)
    for record in _records(150):
        log.append(record)
    with open(tmp_path / prov.LOG_NAME, "ab") as handle:
        handle.write(b'{"url": "http://127.0.0.1:8000/torn.html", "outc')  # torn by a crash: no newline
    assert _state(tmp_path) == _whole_log(tmp_path) and _whole_log(tmp_path)[0]
    save_state(tmp_path, load_state(tmp_path))
    assert (tmp_path / INDEX_NAME).is_file()
    for record in _records(60, start=150):
        log.append(record)
    read = []
    real = prov.parse_line
    monkeypatch.setattr("dagster_project.fetch.provenance_index.parse_line", lambda raw: read.append(raw) or real(raw))
    assert _state(tmp_path) == _whole_log(tmp_path)
    # the torn line and the line appended after it are one line, as a read of the whole log sees them
    assert len(read) == 60


def test_a_replaced_or_cut_log_is_read_again_from_its_start(tmp_path):
    log = ProvenanceLog(tmp_path)
    for record in _records(80):
        log.append(record)
    save_state(tmp_path, load_state(tmp_path))
    path = tmp_path / prov.LOG_NAME
    lines = path.read_bytes().splitlines(keepends=True)
    # replaced by a copy without its first lines (another inode): the index is not of it
    shutil.copyfile(path, tmp_path / "copy")
    (tmp_path / "copy").write_bytes(b"".join(lines[10:]))
    os.replace(tmp_path / "copy", path)
    assert _state(tmp_path) == _whole_log(tmp_path)
    save_state(tmp_path, load_state(tmp_path))
    # cut in place (the same inode, shorter than the index's offset)
    with open(path, "r+b") as handle:
        handle.truncate(len(b"".join(lines[10:40])))
    assert _state(tmp_path) == _whole_log(tmp_path)
    # rewritten in place from its start, then longer than before
    save_state(tmp_path, load_state(tmp_path))
    with open(path, "r+b") as handle:
        handle.write(b"".join(line.replace(b"10:", b"11:") for line in lines))
    assert _state(tmp_path) == _whole_log(tmp_path)


def test_a_run_s_own_records_are_read_from_the_end(tmp_path):
    log = ProvenanceLog(tmp_path)
    for record in _records(300):
        log.append(record)
    since = "2026-12-03T00:00:00.000+00:00"
    expected = [r for r in read_records(tmp_path) if r["fetched_at"] >= since]
    assert len(expected) == 100
    assert records_since(tmp_path, since, block=97) == expected == records_since(tmp_path, since)
    assert records_since(tmp_path, "2026-12-01T00:00:00.000+00:00", block=50) == list(read_records(tmp_path))
    assert records_since(tmp_path, "2027-01-01T00:00:00.000+00:00") == []
    # a line without a time (not written by the fetch) is passed over, not taken for the run's start
    with open(tmp_path / prov.LOG_NAME, "ab") as handle:
        handle.write(b'{"url": "http://127.0.0.1:8000/by-hand.html", "outcome": "failed"}\n')
    log.append(_records(1, start=299)[0])
    assert len(records_since(tmp_path, since)) == 101


def test_the_agency_of_a_file_is_the_one_named_for_the_url_that_brought_it(tmp_path):
    # two URLs with the same bytes: the agency does not flip with the order the workers wrote them
    log = ProvenanceLog(tmp_path)
    path = "_fetched/aa/" + "a" * 64 + ".html"

    def line(url: str, agency: str | None, outcome: str = prov.UNCHANGED) -> ProvenanceRecord:
        return ProvenanceRecord(url=url, outcome=outcome, sha256="a" * 64, path=path, agency=agency,
                                fetched_at="2026-12-05T10:00:00.000+00:00")

    log.append(line(URL.format(1), "某某区人民政府", prov.DOWNLOADED))
    log.append(line(URL.format(2), "某某区农业农村局"))
    assert load_state(tmp_path).agency == {path: "某某区人民政府"}
    log.append(line(URL.format(1), "某某区财政局"))  # named anew in the manifest
    assert load_state(tmp_path).agency == {path: "某某区财政局"}
    log.append(line(URL.format(1), None))  # no longer named
    assert load_state(tmp_path).agency == {}


def test_an_index_whose_values_are_of_the_wrong_kind_is_not_used(tmp_path):
    log = ProvenanceLog(tmp_path)
    for record in _records(30):
        log.append(record)
    save_state(tmp_path, load_state(tmp_path))
    index = tmp_path / INDEX_NAME
    good = index.read_text(encoding="ascii")
    url = next(iter(load_state(tmp_path).latest_stored))
    for broken in (good.replace('"path": "_fetched/', '"path": null, "was": "', 1),
                   good.replace(f'{{"{url}": {{', f'{{"{url}": "x", "y": {{', 1)):
        assert broken != good
        index.write_text(broken, encoding="ascii")
        assert _state(tmp_path) == _whole_log(tmp_path)


def test_the_ingest_digest_is_the_saved_one_until_the_log_grows(tmp_path, monkeypatch):
    log = ProvenanceLog(tmp_path)
    for record in _records(40):
        log.append(record)
    assert ingest_digest(tmp_path) == load_state(tmp_path).ingest_digest()
    save_state(tmp_path, load_state(tmp_path))
    assert (tmp_path / DIGEST_NAME).is_file()
    before = ingest_digest(tmp_path)
    # the log as the fetch left it: the saved digest answers, and the index is not read
    monkeypatch.setattr("dagster_project.fetch.provenance_index.load_state", None)
    assert ingest_digest(tmp_path) == before
    monkeypatch.undo()
    # a line naming another agency for a stored file: the digest is read again, and changes
    first = load_state(tmp_path).first_url
    path, url = next(iter(first.items()))
    log.append(ProvenanceRecord(url=url, outcome=prov.UNCHANGED, sha256="f" * 64, path=path, agency="某某县财政局",
                                fetched_at="2026-12-05T10:00:00.000+00:00"))
    after = ingest_digest(tmp_path)
    assert after != before and after == load_state(tmp_path).ingest_digest()
    # a digest file of another log (cut and written anew) or of the wrong shape is not used
    save_state(tmp_path, load_state(tmp_path))
    (tmp_path / prov.LOG_NAME).write_bytes(b"")
    assert ingest_digest(tmp_path) == load_state(tmp_path).ingest_digest() != after
    (tmp_path / DIGEST_NAME).write_text('{"format": 2, "digest": 7}', encoding="ascii")
    assert ingest_digest(tmp_path) == load_state(tmp_path).ingest_digest()
    assert ingest_digest(tmp_path / "no-log") is None


def test_an_attachments_page_is_read_off_the_log_kept_by_the_index_and_part_of_the_digest(tmp_path):
    log = ProvenanceLog(tmp_path)
    page_url, sheet_url = URL.format("t20230220_80629"), "http://127.0.0.1:8000/attach/tables2022.xls"
    log.append(ProvenanceRecord(url=page_url, outcome=prov.DOWNLOADED, sha256="a" * 64, path="_fetched/aa/a.html"))
    before = load_state(tmp_path).ingest_digest()
    payload = json.dumps([[["_fetched/aa/a.html", page_url]], []], ensure_ascii=True)
    assert before == hashlib.sha256(payload.encode("ascii")).hexdigest()[:16]  # as before pages were read
    log.append(ProvenanceRecord(url=sheet_url, outcome=prov.DOWNLOADED, kind="attachment", sha256="b" * 64,
                                path="_fetched/bb/b.xls", parent_url=page_url, parent_path="_fetched/aa/a.html"))
    state = load_state(tmp_path)
    assert state.page == {"_fetched/bb/b.xls": page_url}  # the page only for the attachment
    assert state.page_path == {"_fetched/bb/b.xls": "_fetched/aa/a.html"}  # and the version that links it
    save_state(tmp_path, state)
    assert (load_state(tmp_path).page, load_state(tmp_path).page_path) == (state.page, state.page_path)  # kept
    # the digest names the link, so a build notices it; a log without attachments keeps its digest
    assert state.ingest_digest() != before
    assert load_state(tmp_path).ingest_digest() == ingest_digest(tmp_path) == state.ingest_digest()
    # the same bytes fetched later as a page of their own: the first URL's kind stays what it was
    log.append(ProvenanceRecord(url="http://127.0.0.1:8000/other.xls", outcome=prov.DOWNLOADED, sha256="b" * 64,
                                path="_fetched/bb/b.xls"))
    assert load_state(tmp_path).page == {"_fetched/bb/b.xls": page_url}
