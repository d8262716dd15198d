"""One bad document never fails the run.

A raw folder mixes good real reports (seed 004, a 2018 statistics table; two Pingtan text copies of
2012 and 2013 with Fujian's local table) with impossible ones made from real reports in this test:

- seed 000 with every 2017 turned into 2038 (title and statistics period outside 2007–2030),
- a page titled 2016年度政府信息公开工作年度报告 that names no agency anywhere,
- seed 001 with its requests received and replies raised by 5 (its identities on requests fail).

The whole job runs in-process into a fresh warehouse: it must succeed (the dbt tests on facts of
one document warn), the impossible year must be stored as NULL with the reason, and every gold
figure and table row of the good reports must be in the marts.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from seed_gold import SEEDS, gold_values
from warehouse_job import materialize

ERAS = Path(__file__).resolve().parents[1] / "fixtures" / "eras" / "text"
GOOD_TEXT_COPIES = ["pingtan_201302_80734", "pingtan_201401_80754"]

AGENCY_LESS = """2016年度政府信息公开工作年度报告
本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。
一、概述
2016年，我们认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。
二、依申请公开情况
全年共收到政府信息公开申请3件，均已按时答复。
"""


def _raise_total(text: str, label: str, by: int) -> str:
    pattern = re.compile(r"(" + re.escape(label) + r"[\s|件]*\n)(\d+)\s*$", re.MULTILINE)
    assert pattern.search(text), label
    return pattern.sub(lambda m: m.group(1) + str(int(m.group(2)) + by), text, count=1)


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("eras_bad")
    raw = root / "raw"
    (raw / "good").mkdir(parents=True)
    (raw / "bad").mkdir()
    shutil.copy(SEEDS / "004_b6ce9a87a66a1839.txt", raw / "good" / "004.txt")
    for name in GOOD_TEXT_COPIES:
        shutil.copy(ERAS / f"{name}.txt", raw / "good" / f"{name}.txt")
    seed0 = (SEEDS / "000_6af7086d6b762cad.txt").read_text(encoding="utf-8")
    (raw / "bad" / "year_2038.txt").write_text(seed0.replace("2017", "2038"), encoding="utf-8")
    (raw / "bad" / "no_agency.txt").write_text(AGENCY_LESS, encoding="utf-8")
    seed1 = (SEEDS / "001_cfbdc836ed46ac6d.txt").read_text(encoding="utf-8")
    for label in ("(一)收到申请数", "(三)申请答复数"):
        seed1 = _raise_total(seed1, label, 5)
    (raw / "bad" / "identities_fail.txt").write_text(seed1, encoding="utf-8")
    warehouse = root / "wh.duckdb"
    result = materialize(raw, warehouse)
    return result, warehouse


def test_the_run_succeeds(mixed_build):
    result, _ = mixed_build
    failed = [event.step_key for event in result.all_events if event.event_type_value == "STEP_FAILURE"]
    assert result.success, failed


def test_an_impossible_year_is_stored_as_null_with_the_reason(mixed_build):
    _, warehouse = mixed_build
    with duckdb.connect(str(warehouse), read_only=True) as con:
        year, warnings = con.execute(
            "select report_year, parse_warnings from marts.dim_report where source_path like '%year_2038.txt'"
        ).fetchone()
    assert year is None
    assert "2038" in warnings and "outside 2007-2030" in warnings


def test_the_agency_less_page_is_kept_without_an_agency(mixed_build):
    _, warehouse = mixed_build
    with duckdb.connect(str(warehouse), read_only=True) as con:
        agency, year = con.execute(
            "select agency_id, report_year from marts.dim_report where source_path like '%no_agency.txt'"
        ).fetchone()
    assert agency is None and year == 2016


def test_every_good_figure_is_kept(mixed_build):
    _, warehouse = mixed_build
    gold_004 = json.loads((SEEDS / "004_b6ce9a87a66a1839.gold.json").read_text(encoding="utf-8"))
    with duckdb.connect(str(warehouse), read_only=True) as con:
        stored = dict(((code, kind), value) for code, kind, value in con.execute(
            """select indicator_code, applicant_type, value from marts.fct_indicator_value
               where report_id = (select report_id from marts.dim_report where source_path like '%good/004.txt')"""
        ).fetchall())
        for (code, kind), value in gold_values(gold_004).items():
            assert stored.get((code, kind)) == pytest.approx(value), code
        for name in GOOD_TEXT_COPIES:
            gold = json.loads((ERAS.parent / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
            rows = {(label, column): value for label, column, value in con.execute(
                """select row_label, column_label, value from stg.stg_uncoded_rows
                   where report_id = (select report_id from marts.dim_report where source_path like ?)""",
                [f"%good/{name}.txt"],
            ).fetchall()}
            for row in gold["uncoded_rows"]:
                if row["value"] is not None:
                    assert rows.get((row["row_label"], row["column_label"])) == row["value"], (name, row)
