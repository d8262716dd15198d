"""Copies of one report and reports that only look alike, on real pages (tests/fixtures/copies,
SOURCES.md), grouped by hand: the copies of a body's report of a year (A) come out as one agency-year,
which the warehouse keeps once (int_document_identity: one agency's two reports of a year are one
report and its versions); a body's reports of two years (B) and two bodies' reports of a year (C)
stay apart."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from dagster_project.parse.report import parse_document
from dagster_project.stage.agencies import _resolve

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "copies"
BATCHES = ("batch_1", "batch_2", "batch_3", "batch_4", "batch_5")
GROUPS: dict[tuple[str, str], list[dict]] = defaultdict(list)
for _batch in BATCHES:
    for _label in json.loads((FIXTURES / _batch / "labels.json").read_text(encoding="utf-8")):
        GROUPS[(_batch, _label["group"])].append(_label)


def _is_report(batch: str, label: dict) -> bool:
    text = (FIXTURES / batch / label["file"]).read_text(encoding="utf-8")
    return parse_document(text, label["file"]).meta.doc_type == "annual_report"


def agency_year(batch: str, label: dict) -> tuple[str | None, int | None]:
    """The agency and year the warehouse files the page under, as the stage resolves it."""
    text = (FIXTURES / batch / label["file"]).read_text(encoding="utf-8")
    meta = parse_document(text, label["file"]).meta
    assert meta.doc_type == "annual_report", meta.doc_type_reason
    identity = _resolve(meta.agency_name, meta.title, label["url"], None, [])
    if not identity.full:  # as the stage does: a partial name reads the page's text again
        identity = _resolve(meta.agency_name, meta.title, label["url"], None, [], text)
    return identity.agency_name, meta.report_year


@pytest.mark.parametrize("key", [k for k in GROUPS if k[1].startswith("A")], ids=lambda k: f"{k[0]}/{k[1]}")
def test_copies_of_a_report_are_one_agency_year(key):
    pages = [p for p in GROUPS[key] if not p.get("copy_reads_otherwise")]
    assert len({agency_year(key[0], p) for p in pages}) == 1
    assert all(agency_year(key[0], p)[1] == p["report_year"] for p in pages)
    for pinned in (p for p in GROUPS[key] if p.get("copy_reads_otherwise")):
        assert agency_year(key[0], pinned)[0] is None  # no body named: kept apart, never filed under another


@pytest.mark.parametrize("key", [k for k in GROUPS if k[1][0] in "BC"], ids=lambda k: f"{k[0]}/{k[1]}")
def test_different_reports_stay_apart(key):
    pages = [p for p in GROUPS[key] if _is_report(key[0], p)]
    filed = [agency_year(key[0], p) for p in pages]
    assert len(set(filed)) == len(filed), filed
    assert [year for _, year in filed] == [p["report_year"] for p in pages]


def test_one_page_is_not_read_as_a_report():
    # 兴化市沙沟镇's opening shows only the field 信息来源 and the first section's prose, no title,
    # period, self-reference or figure: not filed at all, so it merges with nothing either
    assert [f"{b}/{p['file']}" for (b, _), pages in GROUPS.items() for p in pages if not _is_report(b, p)] == \
        ["batch_2/07.txt"]


def test_the_groups_are_there():
    kinds = [key[1][0] for key in GROUPS]
    assert (kinds.count("A"), kinds.count("B"), kinds.count("C")) == (6, 9, 15)
