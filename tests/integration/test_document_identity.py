"""One content = one report, in a real build: copies of a seed under other paths, a second version
of a Pingtan report (its text copy), and binary files among the documents. Every mart counts the
report once, the aliases and the superseded version are visible, garbage is never an annual report."""
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from seed_gold import gold_values, pingtan_cases, seed_cases
from warehouse_job import materialize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from garbage_documents import garbage_documents  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_000 = "seeds/000_6af7086d6b762cad.txt"  # 驻马店市行政服务中心 2017
COPIES = ["copies/zhumadian_2017.txt", "mirror/a/000_again.txt"]
TEXT_COPY = "pingtan_text/pingtan_201403_80759.txt"  # the 2013 Pingtan report, as a text flattening
HTML_2013 = "pingtan/201403_80759.html"
GARBAGE = 24
# three townships of three counties whose pages print one boilerplate text under their own names
BOILERPLATE = FIXTURES / "quirks" / "boilerplate_townships"
# the first of them reposted on a news site whose title drops the county (江口回族镇…): a copy still
REPOST = FIXTURES / "quirks" / "township_repost_without_county.html"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for path, _ in seed_cases():
        (raw / "seeds").mkdir(exist_ok=True)
        shutil.copy(path, raw / "seeds" / path.name)
    for path, _ in pingtan_cases():
        (raw / "pingtan").mkdir(exist_ok=True)
        shutil.copy(path, raw / "pingtan" / path.name)
    for copy in COPIES:
        (raw / copy).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(raw / SEED_000, raw / copy)
    (raw / TEXT_COPY).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "eras" / "text" / "pingtan_201403_80759.txt", raw / TEXT_COPY)
    shutil.copytree(BOILERPLATE, raw / "townships")
    (raw / "reposts").mkdir()
    shutil.copy(REPOST, raw / "reposts" / REPOST.name)
    (raw / "junk").mkdir()
    report_text = (raw / SEED_000).read_text(encoding="utf-8")
    for name, data in garbage_documents(report_text, count=GARBAGE):
        (raw / "junk" / name).write_bytes(data)
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    result = materialize(raw, warehouse)
    assert result.success
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def rows(con, sql, *params):
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def test_copies_of_a_seed_are_one_report_with_aliases(warehouse):
    found = {r["source_path"]: r for r in rows(
        warehouse, "select * from marts.dim_report where agency_name = '驻马店市行政服务中心' and report_year = 2017")}
    assert set(found) == {SEED_000, *COPIES}
    canonical = [r for r in found.values() if r["duplicate_status"] == "canonical"]
    assert len(canonical) == 1
    kept = canonical[0]
    assert sorted(kept["aliases"]) == sorted(set(found) - {kept["source_path"]})
    for r in found.values():
        assert r["canonical_report_id"] == kept["report_id"]
        if r is not kept:
            assert r["duplicate_status"] == "duplicate" and r["quality_score"] == 0
            assert r["duplicate_reason"] == f"same bytes as {kept['source_path']}"


def test_every_mart_counts_the_copied_report_once(warehouse):
    gold = gold_values(seed_cases()[0][1])
    facts = rows(warehouse, """select f.report_id, f.indicator_code, f.applicant_type, f.value
                               from marts.fct_indicator_value f join marts.dim_report r using (report_id)
                               where r.agency_name = '驻马店市行政服务中心'""")
    assert len({f["report_id"] for f in facts}) == 1
    summed = {}
    for f in facts:
        summed[(f["indicator_code"], f["applicant_type"])] = summed.get((f["indicator_code"], f["applicant_type"]), 0) + f["value"]
    for key, value in gold.items():
        assert summed[key] == value, key  # summed over the warehouse: the figure of one report, not three
    fit = rows(warehouse, "select * from marts.mart_reports_fit_for_analysis where agency_name = '驻马店市行政服务中心'")
    assert len(fit) == 1 and len(fit[0]["aliases"]) == len(COPIES)  # the three paths of one report
    for table in ("fct_reconciliation", "fct_unplaced_figure"):
        ids = {r["report_id"] for r in rows(warehouse, f"""select distinct t.report_id from marts.{table} t
                   join marts.dim_report r using (report_id) where r.agency_name = '驻马店市行政服务中心'""")}
        assert len(ids) <= 1, table


def test_two_versions_of_one_agency_year_keep_one_and_say_why(warehouse):
    versions = {r["source_path"]: r for r in rows(
        warehouse, "select * from marts.dim_report where source_path in (?, ?)", HTML_2013, TEXT_COPY)}
    assert versions[HTML_2013]["agency_id"] == versions[TEXT_COPY]["agency_id"]
    statuses = sorted(r["duplicate_status"] for r in versions.values())
    assert statuses == ["canonical", "superseded"]
    kept = next(r for r in versions.values() if r["duplicate_status"] == "canonical")
    other = next(r for r in versions.values() if r["duplicate_status"] == "superseded")
    assert other["canonical_report_id"] == kept["report_id"]
    assert other["duplicate_reason"].startswith(f"another annual report of the agency for 2013 is kept ({kept['source_path']})")
    assert other["quality_score"] == 0
    for table in ("fct_indicator_value", "fct_reconciliation", "fct_unplaced_figure", "mart_reports_fit_for_analysis"):
        assert not rows(warehouse, f"select 1 from marts.{table} where report_id = ?", other["report_id"]), table
    # the X-CARRY-style series: one value per agency and year
    per_year = rows(warehouse, """select report_year, count(distinct report_id) as reports from marts.fct_indicator_value
                                  where agency_id = ? and doc_type = 'annual_report'
                                  group by report_year having count(distinct report_id) > 1""",
                    kept["agency_id"])
    assert per_year == []


def test_binary_compressed_and_empty_files_are_never_annual_reports(warehouse):
    junk = rows(warehouse, "select source_path, doc_type, doc_type_reason, parse_status from marts.dim_report "
                           "where source_path like 'junk/%'")
    assert not [r for r in junk if r["doc_type"] == "annual_report"], junk
    assert all(r["doc_type_reason"] or r["parse_status"] != "parsed" for r in junk)
    assert warehouse.execute("select count(*) from marts.dim_report where doc_type = 'annual_report'").fetchone()[0] == \
        sum(1 for _, g in seed_cases() + pingtan_cases() if g["doc_type"] == "annual_report") + len(COPIES) + 1 \
        + len(list(BOILERPLATE.iterdir())) + 1


def test_quality_score_and_quarantine(warehouse):
    reports = rows(warehouse, "select * from marts.dim_report where doc_type = 'annual_report'")
    assert all(r["quality_score"] is not None for r in reports)
    for r in reports:
        if r["duplicate_status"] != "canonical" or r["quarantine_reason"]:
            assert r["quality_score"] == 0, r["source_path"]
    seed_002 = next(r for r in reports if r["source_path"] == "seeds/002_1193063268b18128.txt")
    assert seed_002["unplaced_figures"] > 0 and 0 < seed_002["quality_score"] < 1  # unplaced figures lower it
    fit = {r["report_id"] for r in rows(warehouse, "select report_id from marts.mart_reports_fit_for_analysis")}
    assert fit and all(r["quarantine_reason"] is None and r["duplicate_status"] == "canonical"
                       for r in reports if r["report_id"] in fit)


def test_one_boilerplate_text_under_three_townships_is_three_reports(warehouse):
    # an outside trial: two of the three were marked copies of the first, and their agency-years left the mart
    found = rows(warehouse, "select source_path, agency_name, r.duplicate_status, content_key from marts.dim_report r "
                            "join intermediate.int_document_identity i using (report_id, source_path) "
                            "where starts_with(source_path, 'townships/') order by source_path")
    assert [(r["agency_name"], r["duplicate_status"]) for r in found] == [
        ("宁陕县江口回族镇人民政府", "canonical"), ("永登县树屏镇人民政府", "canonical"), ("桃江县修山镇人民政府", "canonical")]
    assert len({r["content_key"].split("@")[0] for r in found}) == 1  # one text
    assert rows(warehouse, "select agency_name, report_year, requests_received, proactive_items "
                           "from marts.mart_agency_year where agency_name like '%镇人民政府' order by agency_name") == [
        {"agency_name": name, "report_year": 2022, "requests_received": 0, "proactive_items": 56}
        for name in ("宁陕县江口回族镇人民政府", "桃江县修山镇人民政府", "永登县树屏镇人民政府")]


def test_a_repost_under_an_unplaced_name_is_still_a_copy_of_the_placed_report(warehouse):
    # a reviewer's case: splitting one text by agency id made this repost a second counted report; and a
    # repost first in path order was canonical, so its unplaced name would have carried the agency-year
    repost = rows(warehouse, "select duplicate_status, canonical_report_id from marts.dim_report "
                             "where source_path = ?", f"reposts/{REPOST.name}")
    original = rows(warehouse, "select report_id from marts.dim_report where source_path = 'townships/jiangkou_2022.html'")
    assert repost == [{"duplicate_status": "duplicate", "canonical_report_id": original[0]["report_id"]}]
    assert rows(warehouse, "select count(*) as n from marts.mart_agency_year where agency_name like '%江口回族镇%'") == [{"n": 1}]
