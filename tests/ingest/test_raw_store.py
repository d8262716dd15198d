"""The raw store admits only regular files inside the raw folder, refuses the rest with a reason,
and never lets a byte from outside reach the warehouse. Each test's input is a reproduction."""
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from bad_files import INGESTED_NOT_REPORT, OUTSIDE_MARKER, REFUSED, make_bad_files
from dagster_project.ingest.scan import IngestOptions, IngestStopped, ingest_folder
from dagster_project.ingest.walk import report_id_for

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    (raw / "seeds").mkdir(parents=True)
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, raw / "seeds" / path.name)
    return raw


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    yield con
    con.close()


def _documents(con) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in con.execute(
        "select source_path, reader, encoding, decoded_how, text from staging.documents").fetchall()}


def _refused(con) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in con.execute(
        "select source_path, size_bytes, reason, category from staging.refused_documents").fetchall()}


def _warehouse_holds(con, marker: str) -> bool:
    tables = ["documents", "refused_documents"]
    return any(con.execute(f"select count(*) from staging.{t} where cast(columns(*) as varchar) like ?",
                           [f"%{marker}%"]).fetchone()[0] for t in tables)


def test_link_to_a_file_outside_is_refused_and_never_read(raw, con, tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text(f"{OUTSIDE_MARKER}\n2023年政府信息公开工作年度报告\n", encoding="utf-8")
    os.symlink(secret, raw / "x.txt")  # ln -s /etc/shadow raw/x.txt
    summary = ingest_folder(con, raw)
    assert "x.txt" not in _documents(con)
    assert _refused(con)["x.txt"][2] == "link outside raw"
    assert "outside the raw folder" in _refused(con)["x.txt"][1]
    assert not _warehouse_holds(con, OUTSIDE_MARKER)
    assert summary.new == 5 and len(summary.refused) == 1


def test_link_inside_the_folder_to_a_regular_file_is_read(raw, con):
    os.symlink(raw / "seeds" / "000_6af7086d6b762cad.txt", raw / "alias.txt")
    ingest_folder(con, raw)
    docs = _documents(con)
    assert docs["alias.txt"][3] == docs["seeds/000_6af7086d6b762cad.txt"][3]


def test_dangling_and_looping_links_and_fifos_are_rows_of_refused_documents(raw, con):
    os.symlink("/nonexistent/file", raw / "dangling.html")
    os.symlink("loop.txt", raw / "loop.txt")
    os.mkfifo(raw / "pipe.txt")
    ingest_folder(con, raw)  # a fifo opened for reading would block this forever
    refused = _refused(con)
    assert refused["dangling.html"][2] == "dangling link"
    assert refused["loop.txt"][2] == "link loop"
    assert refused["pipe.txt"][2] == "not a regular file" and "fifo" in refused["pipe.txt"][1]


def test_a_name_that_is_not_utf8_is_ingested_with_an_escaped_path_and_every_run_works(raw, con):
    name = os.path.join(os.fsencode(raw), b"bad_\xff.txt")
    shutil.copy(SEEDS / "000_6af7086d6b762cad.txt", name)
    for _ in range(2):  # the second run used to fail as the first did
        ingest_folder(con, raw)
    docs = _documents(con)
    assert docs["bad_\\xff.txt"][3] == docs["seeds/000_6af7086d6b762cad.txt"][3]
    stored_id = con.execute("select report_id from staging.documents where source_path = 'bad_\\xff.txt'").fetchone()[0]
    assert stored_id == report_id_for(b"bad_\xff.txt") != report_id_for("bad_\\xff.txt")


def test_one_hundred_bad_files_none_becomes_a_document_every_one_has_a_reason(raw, con, tmp_path):
    bad = make_bad_files(raw, tmp_path / "outside", count=100)
    summary = ingest_folder(con, raw)
    docs, refused = _documents(con), _refused(con)
    for f in bad:
        shown = f.name.decode("utf-8", "backslashreplace")
        if f.expect == REFUSED:
            assert shown in refused and shown not in docs, (f.kind, shown)
            assert refused[shown][1], f.kind
        else:
            assert f.expect == INGESTED_NOT_REPORT and docs[shown][0] == "text", f.kind
    assert len(refused) == sum(f.expect == REFUSED for f in bad) == len(summary.refused)
    assert not _warehouse_holds(con, OUTSIDE_MARKER)
    assert {docs[f"seeds/{p.name}"][1] for p in SEEDS.glob("*.txt")} == {"utf-8"}
    by_kind = {f.kind: refused[f.name.decode("utf-8", "backslashreplace")][2] for f in bad if f.expect == REFUSED}
    assert by_kind["gzip"] == "gzip" and by_kind["png"] == "image" and by_kind["elf"] == "executable"
    assert by_kind["zip"] == "zip" and by_kind["nul-filled"] == "binary" and by_kind["empty"] == "empty"
    assert by_kind["pdf-broken-as-txt"].startswith("pdf")


def test_refused_documents_follow_the_folder(raw, con):
    (raw / "junk.bin").write_bytes(b"\x7fELF" + b"\x00" * 100)
    ingest_folder(con, raw)
    first = con.execute("select refused_at from staging.refused_documents").fetchone()[0]
    ingest_folder(con, raw)
    assert con.execute("select refused_at from staging.refused_documents").fetchone()[0] == first
    (raw / "junk.bin").unlink()
    ingest_folder(con, raw)
    assert _refused(con) == {}


def test_bookkeeping_and_hidden_files_are_no_documents(raw, con):
    (raw / "sources.csv").write_text("url\n", encoding="utf-8")
    (raw / "_fetched").mkdir()
    (raw / "_fetched" / "provenance.jsonl").write_text('{"url": "x"}\n', encoding="utf-8")
    (raw / "_fetched" / ".tmp-123.html").write_text("<html></html>", encoding="utf-8")
    (raw / ".hidden.txt").write_text("x", encoding="utf-8")
    (raw / ".cache").mkdir()
    (raw / ".cache" / "report.txt").write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    (raw / "notes.md").write_text("# 说明\n这是一份说明。\n", encoding="utf-8")
    ingest_folder(con, raw)
    assert set(_documents(con)) == {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")} | {"notes.md"}
    # a hidden file or folder is never read, but named (an outside trial: a report folder named .cache was left
    # out without a word); the fetch store's file being written is bookkeeping
    refused = _refused(con)
    assert set(refused) == {".hidden.txt", ".cache/"}
    assert all("starts with a dot" in reason and "rename it" in reason for _, reason, _ in refused.values())


def test_a_missing_raw_folder_is_an_error_not_zero_documents(raw, con, tmp_path):
    ingest_folder(con, raw)
    with pytest.raises(IngestStopped, match=f"the raw folder {tmp_path / 'rwa'} does not exist"):
        ingest_folder(con, tmp_path / "rwa")
    assert len(_documents(con)) == 5


def test_an_empty_raw_folder_does_not_empty_the_warehouse(raw, con, tmp_path):
    ingest_folder(con, raw)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(IngestStopped) as stopped:
        ingest_folder(con, empty)
    message = str(stopped.value)
    assert str(empty) in message and "remove 5 of the 5 documents" in message and "GOVINFO_ALLOW_MASS_REMOVAL" in message
    assert len(_documents(con)) == 5
    summary = ingest_folder(con, empty, options=IngestOptions(allow_mass_removal=True))
    assert summary.removed == 5 and _documents(con) == {}


def test_a_reorganised_raw_folder_is_no_mass_removal(raw, con, tmp_path):
    # moving every file into a folder per year stopped the run as the removal of all 5 documents
    ingest_folder(con, raw)
    (raw / "2017").mkdir()
    for path in sorted((raw / "seeds").glob("*.txt")):
        os.rename(path, raw / "2017" / path.name)  # a move keeps size and mtime
    lines: list[str] = []
    summary = ingest_folder(con, raw, log=lines.append)
    assert (summary.new, summary.removed) == (5, 5)
    assert set(_documents(con)) == {f"2017/{p.name}" for p in SEEDS.glob("*.txt")}
    assert "ingest: 5 stored documents not at their path look moved (a new file has the same size and " \
           "modification time): not counted as removals by GOVINFO_MAX_REMOVED_SHARE" in lines
    assert "ingest: removed seeds/000_6af7086d6b762cad.txt (no longer in the raw folder; the same bytes are at " \
           "2017/000_6af7086d6b762cad.txt)" in lines
    # files that only share a size with the stored ones are no move: the guard still stops
    other = tmp_path / "other"
    other.mkdir()
    for path in sorted((raw / "2017").glob("*.txt")):
        (other / path.name).write_bytes(b"x" * path.stat().st_size)
    with pytest.raises(IngestStopped, match="remove 5 of the 5 documents"):
        ingest_folder(con, other)


def test_removing_a_few_documents_is_allowed(raw, con):
    ingest_folder(con, raw)
    (raw / "seeds" / "000_6af7086d6b762cad.txt").unlink()
    assert ingest_folder(con, raw).removed == 1


def test_an_edit_keeping_size_and_mtime_is_seen(raw, con):
    path = raw / "seeds" / "001_cfbdc836ed46ac6d.txt"
    ingest_folder(con, raw)
    stat = path.stat()
    data = path.read_bytes()
    edited = data.replace("政府信息".encode(), "政务信息".encode(), 1)
    assert len(edited) == len(data) and edited != data
    path.write_bytes(edited)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    summary = ingest_folder(con, raw)
    assert (summary.changed, summary.unchanged) == (1, 4)
    assert "政务信息" in _documents(con)["seeds/001_cfbdc836ed46ac6d.txt"][3]


def test_full_rescan_hashes_every_file(raw, con):
    ingest_folder(con, raw)
    con.execute("update staging.documents set sha256 = 'stale', edge_sha256 = 'stale'")
    assert ingest_folder(con, raw).changed == 5  # the stale edge hash is noticed by default too
    con.execute("update staging.documents set sha256 = 'stale'")  # only the whole-file hash is wrong
    assert ingest_folder(con, raw).changed == 0
    assert ingest_folder(con, raw, options=IngestOptions(full_rescan=True)).changed == 5
    assert con.execute("select count(*) from staging.documents where sha256 = 'stale'").fetchone()[0] == 0


def test_an_empty_raw_dir_setting_is_an_error_not_the_current_folder(monkeypatch):
    from pydantic import ValidationError

    from dagster_project.settings import Settings

    monkeypatch.setenv("GOVINFO_RAW_DIR", "")
    with pytest.raises(ValidationError, match="GOVINFO_RAW_DIR is set but empty"):
        Settings()


def test_a_file_refused_for_its_content_is_not_read_again_until_it_changes(raw, con, monkeypatch):
    import dagster_project.ingest.scan as scan

    junk = raw / "junk.txt"
    junk.write_bytes(b"\x1f\x8b" + bytes(range(256)) * 4)  # gzip
    ingest_folder(con, raw)
    read, real_read = [], scan.read_document

    def spy(data, source_path, *limits):  # the real reader, counting its calls
        read.append(source_path)
        return real_read(data, source_path, *limits)

    monkeypatch.setattr(scan, "read_document", spy)
    ingest_folder(con, raw)
    assert read == [] and _refused(con)["junk.txt"][2] == "gzip"
    junk.write_bytes(junk.read_bytes() + b"x")
    ingest_folder(con, raw)
    assert read == ["junk.txt"] and _refused(con)["junk.txt"][2] == "gzip"
    ingest_folder(con, raw, options=IngestOptions(full_rescan=True))
    assert read == ["junk.txt", "junk.txt"]


def test_batches_of_new_and_edited_documents_with_checkpoints_between_them_hold_one_row_per_file(raw, con, tmp_path):
    # one document a batch and a checkpoint after each (DuckDB's own, past 1 KB of log): new files are
    # inserted without the delete, an edited file's batch replaces its row, and nothing is doubled or
    # lost across checkpoints
    con.execute("set wal_autocheckpoint = '1KB'")
    options = IngestOptions(batch_size=1)
    first = ingest_folder(con, raw, options=options)
    seeds = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert first.new == len(seeds) >= 3
    wal = tmp_path / "wh.duckdb.wal"
    assert not wal.exists() or wal.stat().st_size < 1024  # checkpointed: the log holds no report text
    edited = raw / "seeds" / seeds[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n附：本报告的电子版可在门户网站下载。\n", encoding="utf-8")
    shutil.copy(raw / "seeds" / seeds[1], raw / "seeds" / "copy.txt")
    second = ingest_folder(con, raw, options=options)
    assert (second.new, second.changed, second.unchanged) == (1, 1, len(seeds) - 1)
    rows = con.execute("select source_path, count(*) from staging.documents group by 1").fetchall()
    assert sorted(rows) == sorted([(f"seeds/{name}", 1) for name in seeds] + [("seeds/copy.txt", 1)])
    assert _documents(con)[f"seeds/{seeds[0]}"][3].endswith("附：本报告的电子版可在门户网站下载。\n")
    assert con.execute("select count(*) from duckdb_tables() where table_name = 'ingest_listed'").fetchone()[0] == 0


def test_progress_is_logged_by_time_not_by_batch(raw, con, monkeypatch):
    # one line per batch was 500 Dagster events at 100,000 documents; a line every few seconds is enough
    from dagster_project.ingest import scan

    lines: list[str] = []
    ingest_folder(con, raw, log=lines.append, batch_size=1)
    assert not [line for line in lines if "files done" in line]  # 5 batches, well under progress_seconds

    for path in (raw / "seeds").iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    lines.clear()
    ingest_folder(con, raw, log=lines.append, batch_size=1, options=scan.IngestOptions(progress_seconds=0.0))
    progress = [line for line in lines if "files done" in line]
    assert progress[-1] == "ingest: 5 of 5 files done, 5 new or changed"
    assert len(progress) == 5


def _ingest_unprivileged(raw: Path, warehouse: Path) -> str:
    """ingest_folder in a process that file permissions bind (root's override dropped): its log."""
    import subprocess
    import sys

    script = ("import sys, duckdb\nfrom dagster_project.ingest.scan import ingest_folder\n"
              "con = duckdb.connect(sys.argv[2]); s = ingest_folder(con, sys.argv[1], log=print)\n"
              "print('REMOVED', s.removed); con.close()\n")
    command = [sys.executable, "-c", script, str(raw), str(warehouse)]
    if os.geteuid() == 0:
        assert shutil.which("setpriv"), "as root, this test needs setpriv (util-linux) to drop the read override"
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", "--inh-caps", drop, "--bounding-set", drop] + command
    done = subprocess.run(command, capture_output=True, text=True, cwd=Path(__file__).parents[2], timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_file_or_folder_that_cannot_be_read_now_keeps_its_stored_documents(raw, tmp_path):
    (raw / "more").mkdir()
    shutil.copy(SEEDS / "003_b384f68c13deff26.txt", raw / "more" / "003.txt")
    warehouse = tmp_path / "perm.duckdb"
    con = duckdb.connect(str(warehouse))
    ingest_folder(con, raw)
    before = _documents(con)
    con.close()
    locked_file, locked_dir = raw / "seeds" / "001_cfbdc836ed46ac6d.txt", raw / "more"
    locked_file.chmod(0)
    locked_dir.chmod(0)
    try:
        log = _ingest_unprivileged(raw, warehouse)
    finally:
        locked_file.chmod(0o644)
        locked_dir.chmod(0o755)
    assert "REMOVED 0" in log
    assert "refused seeds/001_cfbdc836ed46ac6d.txt: cannot be read: Permission denied; its stored version is kept" in log
    assert "folder more/ cannot be listed: its 1 stored documents are kept" in log
    con = duckdb.connect(str(warehouse))
    assert _documents(con) == before
    assert {path: reason for path, (_, reason, _) in _refused(con).items()} == {
        "seeds/001_cfbdc836ed46ac6d.txt": "cannot be read: Permission denied",
        "more/": "folder cannot be listed: Permission denied"}
    # readable again: nothing refused, nothing changed
    summary = ingest_folder(con, raw)
    assert (summary.removed, _refused(con), _documents(con)) == (0, {}, before)


def test_removed_documents_are_named_in_the_log(raw, con):
    ingest_folder(con, raw)
    (raw / "seeds" / "000_6af7086d6b762cad.txt").unlink()
    lines: list[str] = []
    assert ingest_folder(con, raw, log=lines.append).removed == 1
    assert "ingest: removed seeds/000_6af7086d6b762cad.txt (no longer in the raw folder)" in lines


def test_a_stored_document_whose_file_now_holds_no_document_keeps_its_stored_version(raw, con, monkeypatch):
    import random

    import dagster_project.ingest.scan as scan

    ingest_folder(con, raw)
    before = _documents(con)
    emptied, noise, cut = (raw / "seeds" / f"{name}.txt" for name in
                           ("001_cfbdc836ed46ac6d", "002_1193063268b18128", "003_b384f68c13deff26"))
    emptied.write_bytes(b"")
    noise.write_bytes(random.Random(2).randbytes(3000))  # overwritten with bytes that are no text
    cut.write_bytes(b"%PDF-1.4\n1 0 obj\n<<")  # a PDF cut off after its first bytes
    lines: list[str] = []
    summary = ingest_folder(con, raw, log=lines.append)
    assert (summary.removed, summary.kept, summary.changed) == (0, 3, 0)
    assert _documents(con) == before  # every stored text as it was
    refused = _refused(con)
    assert set(refused) == {"seeds/001_cfbdc836ed46ac6d.txt", "seeds/002_1193063268b18128.txt",
                            "seeds/003_b384f68c13deff26.txt"}
    assert refused["seeds/001_cfbdc836ed46ac6d.txt"][1:] == ("an empty file: not a document", "empty")
    assert refused["seeds/002_1193063268b18128.txt"][2] == "binary"
    assert refused["seeds/003_b384f68c13deff26.txt"][2].startswith("pdf")
    assert ("ingest: refused seeds/001_cfbdc836ed46ac6d.txt: an empty file: not a document; "
            "its stored version is kept") in lines
    # the next run reads none of them again, and keeps them again
    read: list[str] = []
    real_read = scan.read_document
    monkeypatch.setattr(scan, "read_document", lambda data, path, *limits: read.append(path) or real_read(data, path, *limits))
    summary = ingest_folder(con, raw)
    assert (read, summary.removed, summary.kept, _documents(con)) == ([], 0, 3, before)
    # the file restored: the same document, nothing refused; the file removed: the document goes
    emptied.write_bytes((SEEDS / emptied.name).read_bytes())
    noise.unlink()
    summary = ingest_folder(con, raw)
    assert (summary.removed, summary.kept, summary.changed) == (1, 1, 0)
    assert "seeds/001_cfbdc836ed46ac6d.txt" in _documents(con) and "seeds/002_1193063268b18128.txt" not in _documents(con)
    assert set(_refused(con)) == {"seeds/003_b384f68c13deff26.txt"}


def test_a_stored_document_whose_file_the_parse_cannot_read_now_keeps_its_stored_version(raw, con):
    # an outside trial of bad input: good reports overwritten by a scan without a text layer and by an over-long
    # text were ingested in their place and parsed to nothing, and their figures left the marts
    import io

    from PIL import Image, ImageDraw

    ingest_folder(con, raw)
    before = _documents(con)
    scan = Image.new("RGB", (600, 800), "white")
    for y in range(50, 750, 30):  # lines of "print", as a scanner sees them
        ImageDraw.Draw(scan).rectangle([50, y, 550, y + 12], fill="black")
    pdf = io.BytesIO()
    scan.save(pdf, "PDF")
    (raw / "seeds" / "000_6af7086d6b762cad.txt").write_bytes(pdf.getvalue())
    long_text = (SEEDS / "002_1193063268b18128.txt").read_bytes() * 3
    (raw / "seeds" / "001_cfbdc836ed46ac6d.txt").write_bytes(long_text)
    lines: list[str] = []
    summary = ingest_folder(con, raw, log=lines.append, options=IngestOptions(parse_max_chars=5_000))
    assert (summary.kept, summary.changed, summary.removed) == (2, 0, 0) and _documents(con) == before
    refused = _refused(con)
    assert refused["seeds/000_6af7086d6b762cad.txt"][2] == "needs OCR"
    assert refused["seeds/000_6af7086d6b762cad.txt"][1].startswith("needs OCR (")
    assert refused["seeds/001_cfbdc836ed46ac6d.txt"][1:] == (
        "over the parse budget of 5,000 characters (GOVINFO_PARSE_MAX_CHARS): never parsed", "over the parse budget")
    assert sum("its stored version is kept" in line for line in lines) == 2
    # a new file of either kind is a document all the same (needs OCR, or a parse failure with the reason)
    (raw / "scan.pdf").write_bytes(pdf.getvalue())
    ingest_folder(con, raw, options=IngestOptions(parse_max_chars=5_000))
    assert _documents(con)["scan.pdf"][2].startswith("needs_ocr")


def test_a_stored_document_overwritten_with_blanks_or_a_mark_alone_keeps_its_stored_version(raw, con):
    # a reviewer's cases: a file holding blank lines, a byte-order mark and a line break, or the first byte of
    # a character replaced its report, which then failed to parse ("empty document") and lost its figures
    ingest_folder(con, raw)
    before = _documents(con)
    seeds = sorted((raw / "seeds").glob("*.txt"))
    for path, data in zip(seeds, (b"\n\n   \n", b"\xef\xbb\xbf\r\n", seeds[2].read_bytes()[:1])):
        path.write_bytes(data)
    summary = ingest_folder(con, raw)
    assert (summary.kept, summary.changed, summary.removed) == (3, 0, 0) and _documents(con) == before
    assert {reason for _, reason, _ in _refused(con).values()} == {"no text: blank characters only"}
    # a new file of blanks is no document either
    (raw / "blank.txt").write_bytes(b"\n \n")
    ingest_folder(con, raw)
    assert "blank.txt" not in _documents(con) and _refused(con)["blank.txt"][2] == "empty"


def test_a_refusal_over_the_parse_budget_is_judged_again_under_another_budget(raw, con):
    # a reviewer's case: the refusal was reused while the file kept its stat, after the budget was raised
    ingest_folder(con, raw)
    path = raw / "seeds" / "001_cfbdc836ed46ac6d.txt"
    longer = (SEEDS / "002_1193063268b18128.txt").read_bytes() * 3
    path.write_bytes(longer)
    assert ingest_folder(con, raw, options=IngestOptions(parse_max_chars=5_000)).kept == 1
    summary = ingest_folder(con, raw, options=IngestOptions(parse_max_chars=100_000))
    assert (summary.kept, summary.changed) == (0, 1) and _refused(con) == {}
    assert _documents(con)["seeds/001_cfbdc836ed46ac6d.txt"][3] == longer.decode("utf-8")


def test_a_stored_document_cut_short_keeps_its_stored_whole(raw, con):
    ingest_folder(con, raw)
    before = _documents(con)
    path = raw / "seeds" / "000_6af7086d6b762cad.txt"
    whole = path.read_bytes()
    path.write_bytes(whole[:len(whole) // 2 + 1])  # an interrupted copy, cut inside a character
    assert (whole[:len(whole) // 2 + 1]).decode("utf-8", "replace").endswith("\ufffd")
    lines: list[str] = []
    summary = ingest_folder(con, raw, log=lines.append)
    assert (summary.changed, summary.kept, summary.removed) == (0, 1, 0) and _documents(con) == before
    _, reason, category = _refused(con)["seeds/000_6af7086d6b762cad.txt"]
    assert category == "cut short" and reason.startswith("cut short: its text is the first ")
    assert any(line.startswith("ingest: refused seeds/000_6af7086d6b762cad.txt: cut short") for line in lines)
    # whole again: the same document; an edit that keeps the end is the document's new content
    path.write_bytes(whole)
    assert (ingest_folder(con, raw).changed, _refused(con), _documents(con)) == (0, {}, before)
    # two cut at once, judged a batch (of one) at a time
    cut = {p: p.read_bytes() for p in sorted((raw / "seeds").glob("00[12]_*.txt"))}
    for p, data in cut.items():
        p.write_bytes(data[:len(data) // 3])
    assert (ingest_folder(con, raw, batch_size=1).kept, _documents(con)) == (2, before)
    for p, data in cut.items():
        p.write_bytes(data)
    text = whole.decode("utf-8")
    middle = len(text) // 2
    path.write_bytes((text[:middle] + text[middle + 200:]).encode("utf-8"))
    summary = ingest_folder(con, raw)
    assert (summary.changed, summary.kept) == (1, 0)
    assert _documents(con)["seeds/000_6af7086d6b762cad.txt"][3] == text[:middle] + text[middle + 200:]


def test_a_name_with_a_newline_cannot_break_or_forge_a_log_line(raw, con):
    name = os.path.join(os.fsencode(raw), b"evil\nrefused: fake.zip")
    with open(name, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + bytes(200))  # an image: refused, and its name logged
    lines: list[str] = []
    ingest_folder(con, raw, log=lines.append)
    refused_lines = [line for line in lines if "refused" in line]
    assert refused_lines and all("\n" not in line for line in lines)
    assert any(line.startswith("ingest: refused evil\\x0arefused: fake.zip: ") for line in refused_lines)
    assert "evil\\x0arefused: fake.zip" in _refused(con)


def test_nul_bytes_a_tool_left_in_a_report_are_removed(raw, con):
    # a real opening (prose_pages/batch_zzf/01) with NUL between its characters, and one inside a figure
    text = (Path(__file__).parents[1] / "fixtures" / "prose_pages" / "batch_zzf" / "01.txt").read_text(encoding="utf-8")
    sprinkled = "\x00".join(text[i:i + 40] for i in range(0, len(text), 40)).replace("2095", "20\x0095")
    (raw / "nul.txt").write_bytes(sprinkled.encode("utf-8"))
    ingest_folder(con, raw)
    _, encoding, how, stored = _documents(con)["nul.txt"]
    assert stored == text and encoding == "utf-8" and how.endswith(f"; {sprinkled.count(chr(0))} NUL removed")
    # bytes that are no text stay refused, NUL or not
    import random

    (raw / "noise.txt").write_bytes(random.Random(3).randbytes(5000))
    ingest_folder(con, raw)
    assert _refused(con)["noise.txt"][2] == "binary" and "noise.txt" not in _documents(con)
