"""A report published in parts is one report, in a real build: 平潭's 2022 report as （上） and （下）
pages, its 2021 report cut by a site's pager into t20220208_80613.htm and _1.htm, and its 2024 report cut
by a pager inside table three (t20250327_97791.htm and _1.htm). Before, the parts competed as versions of
the agency's year: one superseded the other, and the year kept 190 of 204 figures (2022) and 190 of 203
(2021); the 2024 report's second part, which opens on table three's rows without the table's heading or
header, gave none of its 106 figures. The 2020 report is cut before its first table (t20210305_80595.htm, prose
only, and _1.htm): the rules read its tables under its first part. The second part of 2022 arrives in a later
run: the build that takes it in is incremental."""
import shutil
from pathlib import Path

import duckdb
import pytest

from seed_gold import PINGTAN, gold_values
from warehouse_job import materialize

PARTS = Path(__file__).resolve().parents[1] / "fixtures" / "quirks" / "report_in_parts"
GOLD = {2022: "202302_80629", 2021: "202202_80613", 2023: "202403_87885", 2024: "202503_97791",
        2020: "202103_80595"}  # the whole reports' pages, hand-checked
# the real 2023 page and a revision of it on the pager's next page name: both print every cell, so
# they are two versions of the report (one superseded), not two parts
WHOLE_2023 = PINGTAN / "reports" / "202403_87885.html"
REVISED = ("编制而成。", "编制而成，于2024年3月修订。")


def _gold(year: int) -> dict:
    import json

    return gold_values(json.loads((PINGTAN / "gold" / f"{GOLD[year]}.gold.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def whole_pages(tmp_path_factory):
    """The same three reports as their whole pages: what the parts must add up to."""
    raw = tmp_path_factory.mktemp("raw_whole")
    (raw / "pingtan").mkdir()
    for page in GOLD.values():
        shutil.copy(PINGTAN / "reports" / f"{page}.html", raw / "pingtan" / f"{page}.html")
    warehouse = tmp_path_factory.mktemp("wh_whole") / "warehouse.duckdb"
    assert materialize(raw, warehouse).success
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "pingtan").mkdir()
    for name in ("2022_shang.html", "t20220208_80613.htm", "t20220208_80613_1.htm",
                 "t20250327_97791.htm", "t20250327_97791_1.htm", "t20210305_80595.htm", "t20210305_80595_1.htm"):
        shutil.copy(PARTS / name, raw / "pingtan" / name)
    page = WHOLE_2023.read_text(encoding="utf-8")
    (raw / "pingtan" / "t20240325_87885.htm").write_text(page, encoding="utf-8")
    (raw / "pingtan" / "t20240325_87885_1.htm").write_text(page.replace(*REVISED), encoding="utf-8")
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    assert materialize(raw, warehouse).success
    shutil.copy(PARTS / "2022_xia.html", raw / "pingtan" / "2022_xia.html")
    assert materialize(raw, warehouse).success
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def test_the_later_parts_count_with_the_first(warehouse):
    rows = warehouse.execute(
        "select r.source_path, r.duplicate_status, c.source_path, r.duplicate_reason from marts.dim_report r "
        "join marts.dim_report c on c.report_id = r.canonical_report_id order by r.source_path").fetchall()
    assert rows == [
        ("pingtan/2022_shang.html", "canonical", "pingtan/2022_shang.html", None),
        ("pingtan/2022_xia.html", "part", "pingtan/2022_shang.html",
         "part 2 of 2 of one report, counted with its first part (pingtan/2022_shang.html)"),
        ("pingtan/t20210305_80595.htm", "canonical", "pingtan/t20210305_80595.htm", None),
        ("pingtan/t20210305_80595_1.htm", "part", "pingtan/t20210305_80595.htm",
         "part 2 of 2 of one report, counted with its first part (pingtan/t20210305_80595.htm)"),
        ("pingtan/t20220208_80613.htm", "canonical", "pingtan/t20220208_80613.htm", None),
        ("pingtan/t20220208_80613_1.htm", "part", "pingtan/t20220208_80613.htm",
         "part 2 of 2 of one report, counted with its first part (pingtan/t20220208_80613.htm)"),
        ("pingtan/t20240325_87885.htm", "canonical", "pingtan/t20240325_87885.htm", None),
        ("pingtan/t20240325_87885_1.htm", "superseded", "pingtan/t20240325_87885.htm",
         "another annual report of the agency for 2023 is kept (pingtan/t20240325_87885.htm): "
         "equal by every rule; the first source path is kept"),
        ("pingtan/t20250327_97791.htm", "canonical", "pingtan/t20250327_97791.htm", None),
        ("pingtan/t20250327_97791_1.htm", "part", "pingtan/t20250327_97791.htm",
         "part 2 of 2 of one report, counted with its first part (pingtan/t20250327_97791.htm)"),
    ]


@pytest.mark.parametrize("year", [2022, 2021, 2023, 2024, 2020])
def test_every_figure_of_the_whole_report_is_counted_once(warehouse, year):
    counted = warehouse.execute(
        "select indicator_code, applicant_type, value from marts.fct_indicator_value where report_year = ?",
        [year]).fetchall()
    facts = {(code, applicant): value for code, applicant, value in counted}
    assert len(facts) == len(counted)  # no figure from two parts
    assert facts == _gold(year)


def test_the_agency_year_reads_both_parts(warehouse):
    row = warehouse.execute(
        "select requests_received, proactive_items, review_cases, suit_cases, fees_amount, normative_in_force "
        "from marts.mart_agency_year where report_year = 2022").fetchone()
    assert row == (74, 14571, 2, 1, 9116.36, 698)
    row = warehouse.execute(
        "select requests_received, proactive_items, review_cases, suit_cases "
        "from marts.mart_agency_year where report_year = 2021").fetchone()
    assert row == (70, 2645, 3, 12)
    reasons = warehouse.execute(
        "select choice_reason from marts.fct_agency_year_concept c join marts.dim_report r using (report_id) "
        "where c.report_year = 2022 and c.concept_code = 'requests_received'").fetchone()[0]
    assert "printed in a later part of the report (pingtan/2022_xia.html)" in reasons


# X-LINEAGE compares each document's staged figures with the marts: a document's rule, part by part
RULES = """select r.report_year, f.rule_id, f.applicant_type, f.subject, f.status, f.lhs, f.rhs
           from marts.fct_reconciliation f join marts.dim_report r using (report_id)
           where f.rule_id <> 'X-LINEAGE' order by all"""


def test_the_rules_read_the_parts_as_one_report(warehouse, whole_pages):
    """Each rule's outcome as on the whole pages: the year before's carried-forward requests are in the
    下 part (X-CARRY), the prose in the first part and the tables in the next (X-NARRATIVE: 75 said,
    74 in the table), a table cut between two parts (2024), and tables all in the second part (2020)."""
    in_parts = warehouse.execute(RULES).fetchall()
    assert in_parts == whole_pages.execute(RULES).fetchall()
    assert (2022, "X-NARRATIVE", "total", "requests_received", "fail", 75, 74) in in_parts
    assert (2022, "X-CARRY", "total", "carried_over vs previous carried_forward", "pass", 1, 1) in in_parts


def test_the_mart_rows_are_the_whole_reports(warehouse, whole_pages):
    columns = [d[0] for d in warehouse.execute("select * from marts.mart_agency_year limit 0").description]
    compared = ", ".join(c for c in columns if c != "report_id")
    sql = f"select {compared} from marts.mart_agency_year order by report_year"
    assert warehouse.execute(sql).fetchall() == whole_pages.execute(sql).fetchall()
    first_parts = warehouse.execute(
        "select m.report_year, r.source_path from marts.mart_agency_year m join marts.dim_report r using (report_id) "
        "order by 1").fetchall()
    assert first_parts == [(2020, "pingtan/t20210305_80595.htm"), (2021, "pingtan/t20220208_80613.htm"), (2022, "pingtan/2022_shang.html"),
                           (2023, "pingtan/t20240325_87885.htm"), (2024, "pingtan/t20250327_97791.htm")]
    fit = "select report_year from marts.mart_reports_fit_for_analysis order by 1"
    assert warehouse.execute(fit).fetchall() == whole_pages.execute(fit).fetchall()
