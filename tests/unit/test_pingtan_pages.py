"""Real agency web pages (HTML) parsed end to end by the pure parser, against hand-checked gold."""
import math

import pytest

from dagster_project.ingest.decode import decode_bytes
from dagster_project.parse.report import parse_document
from seed_gold import gold_blanks, gold_values, pingtan_cases

CASES = pingtan_cases()


@pytest.fixture(params=CASES, ids=lambda case: case[0].stem)
def page(request):
    path, gold = request.param
    return parse_document(decode_bytes(path.read_bytes()).text, path.name), gold


def test_every_gold_figure_is_read_and_none_is_wrong(page):
    parsed, gold = page
    got = {(f.indicator_code, f.applicant_type): f.value for f in parsed.figures}
    want = gold_values(gold)
    wrong = {k: (v, got[k]) for k, v in want.items() if k in got and not math.isclose(got[k], v, abs_tol=1e-6)}
    missed = sorted(k for k in want if k not in got)
    assert (wrong, missed) == ({}, [])


def test_printed_blanks_stay_blank(page):
    parsed, gold = page
    got = {(f.indicator_code, f.applicant_type) for f in parsed.figures if f.value_status != "inferred"}
    assert not (got & gold_blanks(gold))


def test_metadata(page):
    parsed, gold = page
    meta = parsed.meta
    assert (meta.doc_type, meta.template_code, meta.report_year) == (gold["doc_type"], gold["template"], gold["report_year"])
    assert gold["agency"] in meta.agency_name or meta.agency_name in gold["agency"]


def test_money_printed_in_yuan_is_stored_in_ten_thousand_yuan():
    path, _ = next(c for c in CASES if c[0].stem == "202001_80576")
    parsed = parse_document(decode_bytes(path.read_bytes()).text, path.name)
    amount = next(f for f in parsed.figures if f.indicator_code == "t2.procurement.amount")
    assert amount.value == pytest.approx(7539.443252) and "元" in amount.evidence


def test_local_tables_are_kept_with_their_labels():
    path, _ = next(c for c in CASES if c[0].stem == "201301_80725")
    parsed = parse_document(decode_bytes(path.read_bytes()).text, path.name)
    rows = {(r.row_label.replace(" ", ""), r.column_label): r.value for r in parsed.uncoded_rows}
    assert rows[("主动公开信息数", "2012年度")] == 2026
    assert rows[("主动公开信息数", "历年累计")] == 3542


def test_a_page_cut_off_inside_a_table_says_so_and_keeps_what_it_holds():
    # the 2022 report saved with its end lost inside table three: the figures before the cut are
    # read as from the whole page, and the warning says the rest is missing
    path = next(p for p, _ in CASES if p.name == "202302_80629.html")
    whole = decode_bytes(path.read_bytes()).text
    third_table = [i for i in range(len(whole)) if whole.startswith("<table", i)][2]
    cut = parse_document(whole[: third_table + 3000], path.name)
    full = {(f.indicator_code, f.applicant_type): f.value for f in parse_document(whole, path.name).figures}
    assert cut.figures and all(full.get((f.indicator_code, f.applicant_type)) == f.value for f in cut.figures)
    assert "the page ends inside a table (cut off?): what followed is missing" in cut.warnings
    assert not any("cut off" in w for w in parse_document(whole, path.name).warnings)
