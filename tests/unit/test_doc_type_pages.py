"""The document-type gate on the openings of 1,239 real pages (tests/fixtures/doc_type_pages,
SOURCES.md): 438 annual reports and 801 look-alikes, each classified as a reader labelled it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dagster_project.parse.model import DocumentParseError
from dagster_project.parse.report import parse_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "doc_type_pages"
BATCHES = ("batch_1", "batch_2", "batch_3", "batch_4", "batch_5", "batch_6", "batch_7", "batch_8", "batch_9", "batch_10", "batch_11", "batch_12", "batch_13", "batch_14", "batch_15", "batch_16", "batch_17", "batch_18", "batch_19", "batch_20", "batch_21", "batch_22", "batch_23", "batch_24", "batch_25", "batch_26", "batch_27", "batch_28", "batch_29", "batch_30", "batch_31", "batch_32", "batch_33", "batch_34", "batch_35", "batch_36", "batch_37", "batch_38", "batch_39", "batch_40", "batch_41", "batch_42", "batch_43", "batch_44", "batch_45")
LABELS = [dict(label, batch=batch) for batch in BATCHES
          for label in json.loads((FIXTURES / batch / "labels.json").read_text(encoding="utf-8"))]


@pytest.mark.parametrize("label", LABELS, ids=lambda label: f"{label['batch']}/{label['file']}-{label['kind'][:24]}")
def test_page_classified_as_the_reader_labelled_it(label: dict) -> None:
    text = (FIXTURES / label["batch"] / label["file"]).read_text(encoding="utf-8")
    try:
        meta = parse_document(text, label["file"]).meta
    except DocumentParseError:  # a page with too little text to read is not a report either
        assert not label["is_annual_report"]
        return
    # the pages the gate is known to read otherwise say why (SOURCES.md): they are pinned, not skipped
    expected = label["is_annual_report"] != bool(label.get("gate_reads_otherwise"))
    assert (meta.doc_type == "annual_report") == expected, meta.doc_type_reason
    if expected and label.get("year_reads_otherwise"):  # pinned with the reason: a year not found, never a wrong one
        assert meta.report_year is None
    elif expected:
        assert meta.report_year == label["report_year"]


def test_both_kinds_are_there() -> None:
    reports = sum(label["is_annual_report"] for label in LABELS)
    assert (reports, len(LABELS) - reports) == (452, 833)


def test_the_pages_read_otherwise_are_sixteen() -> None:
    assert [f"{label['batch']}/{label['file']}" for label in LABELS if label.get("gate_reads_otherwise")] == \
        ["batch_8/08.txt", "batch_8/15.txt", "batch_16/07.txt", "batch_18/05.txt", "batch_21/17.txt",
         "batch_25/06.txt", "batch_25/16.txt", "batch_25/29.txt", "batch_27/01.txt",
         "batch_28/19.txt", "batch_30/01.txt", "batch_30/10.txt", "batch_34/04.txt", "batch_37/19.txt",
         "batch_38/10.txt", "batch_39/19.txt"]


def test_the_years_read_otherwise_are_two() -> None:
    assert [f"{label['batch']}/{label['file']}" for label in LABELS if label.get("year_reads_otherwise")] == \
        ["batch_23/24.txt", "batch_24/25.txt"]
