"""The parse snapshot: what the parser reads off real fixture pages, written down and compared."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scripts import parse_snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = [FIXTURES / "prose_pages" / "batch_r" / "15.txt", FIXTURES / "doc_type_pages" / "batch_28" / "11.txt",
         FIXTURES / "doc_type_pages" / "batch_23" / "02.txt"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for page in PAGES:
        shutil.copy(page, pages / f"{page.parent.name}_{page.name}")
    return pages


def test_a_snapshot_holds_what_the_parser_read_and_compares_equal_to_itself(folder, tmp_path, capsys):
    out = tmp_path / "a.jsonl"
    assert parse_snapshot.main(["snapshot", str(out), str(folder)]) == 0
    rows = {Path(r["document"]).name: r["reading"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert rows["batch_28_11.txt"]["meta"]["agency_name"] == "中国科学院大学"
    assert {f["indicator_code"]: f["value"] for f in rows["batch_r_15.txt"]["figures"]}["n.active.items"] == 76
    assert rows["batch_23_02.txt"]["meta"]["doc_type"] == "other"
    assert parse_snapshot.main(["compare", str(out), str(out)]) == 0
    assert "3 documents in both: 0 read otherwise" in capsys.readouterr().out


def test_a_changed_reading_is_named_with_what_changed(folder, tmp_path, capsys):
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    parse_snapshot.main(["snapshot", str(before), str(folder)])
    rows = [json.loads(line) for line in before.read_text(encoding="utf-8").splitlines()]
    for row in rows:  # the reading a parser that lost the figure and the university would give
        if row["document"].endswith("batch_r_15.txt"):
            row["reading"]["figures"] = [f for f in row["reading"]["figures"] if f["indicator_code"] != "n.active.items"]
        if row["document"].endswith("batch_28_11.txt"):
            row["reading"]["meta"]["agency_name"] = None
    after.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    capsys.readouterr()
    parse_snapshot.main(["compare", str(before), str(after)])
    out = capsys.readouterr().out
    assert "3 documents in both: 2 read otherwise" in out
    assert "- n.active.items = 76.0" in out and "agency_name: '中国科学院大学' -> None" in out


def test_a_snapshot_in_which_most_documents_raise_is_not_written(folder, tmp_path, monkeypatch, capsys):
    # a reading that asks the report for a field it does not have fails on every document: a snapshot of those
    # errors compared with another would say nothing changed
    def broken(path):
        try:
            getattr(object(), "uncoded")
        except AttributeError as error:
            return {"error": f"AttributeError: {error}"}

    monkeypatch.setattr(parse_snapshot, "read_one", broken)
    out = tmp_path / "broken.jsonl"
    assert parse_snapshot.main(["snapshot", str(out), str(folder)]) == 1
    assert not out.exists() and "3 of 3 documents raised an error" in capsys.readouterr().err
