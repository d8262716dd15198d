"""Word 97-2003 binary files (.doc, and .wps saved in that format), read by parse/word/doc_binary.py:
paragraphs as lines, table rows as cells joined by " | ", vertically merged cells printed once."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dagster_project.parse.attachments import read_attachment
from dagster_project.parse.report import parse_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WORD = FIXTURES / "word"


def _read(name: str, kind: str = "doc"):
    return read_attachment((WORD / name).read_bytes(), kind, name)


def _scored(name: str, gold_path: Path) -> tuple[int, list, int]:
    """(right, wrong, gold figures) of the report read from the Word file."""
    result = _read(name)
    assert result.status == "ok", result.reason
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = parse_document(result.text, name)
    got = {(f.indicator_code, f.applicant_type): f.value for f in report.figures}
    values = {(v["indicator"], v.get("applicant_type", "total")): v["value"] for v in gold["values"]}
    wrong = [(key, value, got[key]) for key, value in values.items() if key in got and got[key] != value]
    right = sum(got.get(key) == value for key, value in values.items())
    assert (report.meta.report_year, report.meta.agency_name) == (gold["report_year"], gold["agency"])
    return right, wrong, len(values)


def test_a_doc_reads_as_the_docx_it_was_saved_from():
    doc, docx = _read("pingtan_2020.doc"), _read("pingtan_2020.docx", "docx")
    assert doc.status == "ok" and doc.reader == "doc"
    assert doc.text == docx.text
    lines = doc.text.splitlines()
    # the merged header cells are printed once, as in the .docx, and the rows keep their cells
    assert "自然人 | 法人或其他组织 | 总计" in lines
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in lines
    assert "行政许可 | 396 | 442 | 278" in doc.text


@pytest.mark.parametrize("name, gold", [
    ("pingtan_2020.doc", WORD / "pingtan_2020.gold.json"),
    ("pingtan_201801_80506.doc", FIXTURES / "pingtan_site" / "gold" / "201801_80506.gold.json"),
    ("pingtan_202302_80629.doc", FIXTURES / "pingtan_site" / "gold" / "202302_80629.gold.json"),
])
def test_doc_report_figures_match_the_gold(name, gold):
    right, wrong, total = _scored(name, gold)
    assert wrong == [] and right == total


def test_a_wps_name_on_a_word_binary_body_is_read():
    result = read_attachment((WORD / "pingtan_2020.doc").read_bytes(), "wps", "report.wps")
    assert result.status == "ok" and "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in result.text


def test_what_is_not_a_readable_word_binary_is_refused_with_the_reason():
    data = (WORD / "pingtan_2020.doc").read_bytes()
    # Kingsoft's own WPS format: a compound file without the WordDocument stream
    renamed = data.replace("WordDocument".encode("utf-16-le"), "WpsDocument1".encode("utf-16-le"))
    result = read_attachment(renamed, "wps", "raw/a/report.wps")
    assert (result.status, result.reason) == ("refused", "raw/a/report.wps: Kingsoft WPS format; no reader for it")
    # a file cut short in the middle of its streams
    cut = read_attachment(data[:len(data) // 3], "doc", "raw/a/cut.doc")
    assert cut.status == "refused" and cut.reason.startswith("raw/a/cut.doc: damaged .doc, cut short (")
    # an OLE header and nothing after it: cut short too
    empty = read_attachment(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "doc", "raw/a/report.doc")
    assert empty.status == "refused" and empty.reason.startswith("raw/a/report.doc: damaged .doc, cut short (520 bytes")
    # whole sectors, but no Word document in them: corrupt
    whole = read_attachment(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1016, "doc", "raw/a/report.doc")
    assert whole.status == "refused" and whole.reason.startswith("raw/a/report.doc: not a readable Word file")
    # an encrypted document: the FIB's fEncrypted flag
    at = data.index(bytes.fromhex("eca5"))  # wIdent, the first bytes of the WordDocument stream
    flags = int.from_bytes(data[at + 0x0A:at + 0x0C], "little") | 0x0100
    locked = data[:at + 0x0A] + flags.to_bytes(2, "little") + data[at + 0x0C:]
    result = read_attachment(locked, "doc", "raw/a/locked.doc")
    assert (result.status, result.reason) == ("refused", "raw/a/locked.doc: encrypted: a password is needed to read it")


def _with_streams(tmp_path, name: str, edit) -> bytes:
    """A copy of a .doc fixture whose WordDocument and table streams ``edit`` changed (same sizes)."""
    import shutil

    import olefile

    from dagster_project.parse.word.doc_binary import _read_fib

    path = tmp_path / name
    shutil.copy(WORD / name, path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        fib = _read_fib(bytes(word))
        table = bytearray(ole.openstream(fib.table_stream).read())
        edit(word, table, fib)
        ole.write_stream("WordDocument", bytes(word))
        ole.write_stream(fib.table_stream, bytes(table))
    return path.read_bytes()


def test_a_report_inside_a_layout_table_reads_as_its_page():
    # a reviewer's case: a page's content in a one-cell outer table, saved as .doc, gave 2 of 200 gold figures
    right, wrong, total = _scored("pingtan_2020_layout_table.doc", WORD / "pingtan_2020.gold.json")
    assert wrong == [] and right == total == 200
    lines = _read("pingtan_2020_layout_table.doc").text.splitlines()
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in lines


def test_a_damaged_piece_table_is_refused_at_once(tmp_path):
    # a reviewer's cases: a negative block size before the piece table looped for ever (and the run with it);
    # pieces that each spanned the whole stream again gave 41.6 M characters from 153 KB
    import struct
    import subprocess
    import sys

    def negative_size(word, table, fib):
        table[fib.fc_clx:fib.fc_clx + 3] = b"\x01\xfd\xff"

    def every_piece_the_whole_stream(word, table, fib):
        start = fib.fc_papx + fib.lcb_papx
        count = (len(table) - start - 9) // 12
        span = len(word) // 2
        plc = struct.pack(f"<{count + 1}I", *[i * span for i in range(count + 1)]) \
            + b"".join(struct.pack("<HIH", 0, 0, 0) for _ in range(count))
        table[start:start + 5 + len(plc)] = b"\x02" + struct.pack("<I", len(plc)) + plc
        at = 32 + 2 + 2 * struct.unpack_from("<H", word, 32)[0]
        lw = at + 2
        struct.pack_into("<I", word, lw + 12, count * span)
        struct.pack_into("<II", word, lw + 4 * struct.unpack_from("<H", word, at)[0] + 2 + 8 * 33, start, 5 + len(plc))

    for name, edit, reason in (("pingtan_2020.doc", negative_size, "a damaged piece table"),
                               ("pingtan_202302_80629.doc", every_piece_the_whole_stream, "a damaged header")):
        data = _with_streams(tmp_path, name, edit)
        (tmp_path / "hostile.doc").write_bytes(data)
        code = ("import sys; from dagster_project.parse.attachments import read_attachment; "
                "r = read_attachment(open(sys.argv[1], 'rb').read(), 'doc', 'hostile.doc'); print(r.status, r.reason)")
        done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "hostile.doc")], capture_output=True,
                              text=True, timeout=60)
        assert done.stdout.startswith(f"refused hostile.doc: {reason}"), (name, done.stdout, done.stderr[-500:])


def test_a_vertical_merge_mark_drops_the_continuing_cell_not_the_first():
    # [MS-DOC] VerticalMergeFlag: 1 continues the cell above (printed once, above), 3 begins the merge
    from dagster_project.parse.word.doc_binary import _TableFlags

    def continued(value: int) -> list[int]:
        flags = _TableFlags()
        flags.read(bytes.fromhex("1724") + b"\x01" + bytes.fromhex("2bd6") + bytes([2, 0, value]))
        return sorted(flags.continued)

    assert (continued(1), continued(3)) == ([0], [])


def test_deleted_and_hidden_text_is_not_read():
    # a tracked deletion (15) and a hidden run (9) before the 20 requests of natural persons, kept by
    # Word 97's format as character properties: read as text, the cell gave 15920
    text = read_attachment((WORD / "pingtan_2020_tracked.doc").read_bytes(), "doc", "x").text
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in text.splitlines()
    assert text == read_attachment((WORD / "pingtan_2020.doc").read_bytes(), "doc", "x").text
