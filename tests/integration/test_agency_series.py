"""A body renamed or merged by a national reform keeps one series: on a real build over real reports of
three bodies under their names before and after a reform (2013, 2018), and one body whose successor
published nothing here, each former body names its successor and the series id joins their years."""
import shutil
from pathlib import Path

import duckdb
import pytest

from warehouse_job import materialize

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REPORTS = {  # fixture -> (the body as read, the year reported on)
    "prose_pages/batch_zh/08.txt": ("上海市环境保护局", 2012),
    "agencies/pages/s07_shanghai_sthj.txt": ("上海市生态环境局", 2020),
    "prose_pages/batch_zx/11.txt": ("中山市农业局", 2011),
    "prose_pages/batch_d/20.txt": ("中山市农业农村局", 2021),
    "prose_pages/batch_zzp/04.txt": ("国家卫生和计划生育委员会", 2014),
    "prose_pages/batch_c/26.txt": ("国家卫生健康委员会", 2024),
    "prose_pages/batch_d/10.txt": ("清远市环境保护局", 2014),  # no 清远市生态环境局 report here
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for name in REPORTS:
        shutil.copy(FIXTURES / name, raw / name.replace("/", "__"))
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    assert materialize(raw, warehouse).success
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


def test_the_reports_are_read_as_the_bodies_they_are(con):
    got = set(con.execute("select a.agency_name, r.report_year from marts.dim_report r join marts.dim_agency a "
                          "using (agency_id) where r.doc_type = 'annual_report'").fetchall())
    assert got == set(REPORTS.values())


def test_each_former_body_names_its_successor_and_shares_its_series(con):
    links = dict(con.execute("select former.agency_name, successor.agency_name from marts.dim_agency former "
                             "join marts.dim_agency successor on successor.agency_id = former.successor_agency_id")
                 .fetchall())
    assert links == {"上海市环境保护局": "上海市生态环境局", "中山市农业局": "中山市农业农村局",
                     "国家卫生和计划生育委员会": "国家卫生健康委员会"}
    series = con.execute("select series_agency_id, list(agency_name order by first_year) from marts.dim_agency "
                         "group by 1 having count(*) > 1 order by 1").fetchall()
    assert sorted(names for _, names in series) == [
        ["上海市环境保护局", "上海市生态环境局"], ["中山市农业局", "中山市农业农村局"],
        ["国家卫生和计划生育委员会", "国家卫生健康委员会"]]
    # a former body whose successor published nothing here is a series of its own
    assert con.execute("select successor_agency_id is null and series_agency_id = agency_id from marts.dim_agency "
                       "where agency_name = '清远市环境保护局'").fetchone() == (True,)


def test_one_series_follows_a_department_across_the_reform(con):
    # the reports of a series, and the figures of its years, through the one id
    years = con.execute("""
        select a.agency_name, r.report_year
        from marts.dim_report r join marts.dim_agency a using (agency_id)
        where r.doc_type = 'annual_report'
          and a.series_agency_id = (select agency_id from marts.dim_agency where agency_name = '中山市农业农村局')
        order by r.report_year""").fetchall()
    assert years == [("中山市农业局", 2011), ("中山市农业农村局", 2021)]
    received = con.execute("""
        select y.report_year, y.requests_received
        from marts.mart_agency_year y join marts.dim_agency a using (agency_id)
        where a.series_agency_id = (select agency_id from marts.dim_agency where agency_name = '中山市农业农村局')
        """).fetchall()
    assert received == [(2021, 21)]
