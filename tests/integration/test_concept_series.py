"""The concept series on a real build over the documents of raw/ (plus a copy of one report under
another path): one value per agency, year and concept, each traced to its report and cell, equal to
the hand-checked gold; the README's example queries; `make export`."""
import hashlib
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from seed_gold import gold_values, pingtan_cases, seed_cases
from warehouse_job import materialize

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "raw"
PINGTAN = "平潭综合实验区管理委员会"
COPIED = "pingtan/202302_80629/page.html"  # the 2022 report (prose 75 requests, table 74)
COPY = "mirror/pingtan-2022-repost.html"

# What each followed concept is in the gold's terms: the table cells (added), then the prose figure.
GOLD_TERMS = {
    "requests_received": ([("t3.new_received",), ("s.requests.received",)], "n.requests.received"),
    "requests_granted": ([("t3.granted",), ("s.requests.replies.granted",)], None),
    "review_cases": ([("t4.review.total",), ("s.review",)], "n.review"),
    "suit_cases": ([("t4.suit_direct.total", "t4.suit_after_review.total"), ("s.suit",)], "n.suit"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for folder in ("seeds", "pingtan"):
        shutil.copytree(RAW / folder, raw / folder)
    (raw / COPY).parent.mkdir()
    shutil.copy(RAW / COPIED, raw / COPY)
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    result = materialize(raw, warehouse)
    assert result.success
    return warehouse


@pytest.fixture(scope="module")
def con(built):
    connection = duckdb.connect(str(built), read_only=True)
    yield connection
    connection.close()


def rows(con, sql, params=()):
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def document_paths(con, report_id):
    """The source path of a report and the paths of its copies (aliases)."""
    path, aliases = con.execute("select source_path, aliases from marts.dim_report where report_id = ?",
                                [report_id]).fetchone()
    return {path, *(aliases or [])}


def pingtan_golds():
    """{year: (source path, gold)} of the zone's own annual reports, 2011-2025."""
    golds = {}
    for _, gold in pingtan_cases():
        if gold["doc_type"] == "annual_report" and gold["agency"] == PINGTAN:
            golds[gold["report_year"]] = (gold["document"], gold)
    return golds


def local_table(gold):
    """The local table transcribed in the gold's notes: {row label without numbering: figure of the year}."""
    table = {}
    for line in gold.get("notes", "").splitlines():
        m = re.match(r"^(.+?) \((.+?)\) = (\S+) / (\S+)$", line.strip())
        if m and re.fullmatch(r"\d+", m.group(3)):
            table[normalise_label(m.group(1))] = float(m.group(3))
    return table


def normalise_label(label):
    return re.sub(r"^(其中[:：])?([0-9]+[.、．])?", "", re.sub(r"\s", "", label))


def readme_queries():
    """The statements of the README's example SQL block, by their first comment line."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sql\n(.*?)```", text, re.S).group(1)
    statements = [s.strip() for s in block.split(";\n") if s.strip()]
    return {s.splitlines()[0]: s.rstrip(";") for s in statements}


def readme_query(words):
    matches = [sql for head, sql in readme_queries().items() if words in head]
    assert len(matches) == 1, f"README has no single example query about {words!r}"
    return matches[0]


def test_readme_series_query_gives_one_value_per_year_as_the_reports_print_it(con):
    got = rows(con, readme_query("requests received per year"))
    assert [r["report_year"] for r in got] == list(range(2011, 2026))
    golds = pingtan_golds()
    for r in got:
        path, gold = golds[r["report_year"]]
        assert path in document_paths(con, r["report_id"])
        values = gold_values(gold)
        table = [values[("t3.new_received", "total")]] if ("t3.new_received", "total") in values else [
            v for label, v in local_table(gold).items() if re.fullmatch(r"受理(政府信息)?依申请公开(信息)?总数", label)]
        assert table, f"gold of {path} has no table figure for requests received"
        assert (r["requests_received"], r["figure_source"]) == (table[0], "table"), path
        assert r["evidence"] and r["choice_reason"]
    by_year = {r["report_year"]: r for r in got}
    # the 2022 report prints 75 in its prose and 74 in its table: the table figure, with the reason
    assert by_year[2022]["requests_received"] == 74
    assert "table beats prose" in by_year[2022]["choice_reason"] and "75" in by_year[2022]["choice_reason"]


@pytest.mark.parametrize("concept", sorted(GOLD_TERMS))
def test_pingtan_series_equals_gold_and_traces_to_its_cell(con, concept):
    golds = pingtan_golds()
    facts = {r["report_year"]: r for r in rows(con, """
        select f.* from marts.fct_agency_year_concept f join marts.dim_agency a using (agency_id)
        where a.agency_name like '%' || ? and f.concept_code = ?""", [PINGTAN, concept])}
    assert sorted(facts) == list(range(2011, 2026))
    cells, prose_code = GOLD_TERMS[concept]
    for year, (path, gold) in golds.items():
        fact, values = facts[year], gold_values(gold)
        assert path in document_paths(con, fact["report_id"]), year
        assert fact["evidence"], year
        table = next((sum(values[(c, "total")] for c in group) for group in cells
                      if all((c, "total") in values for c in group)), None)
        if table is not None:
            assert (fact["value"], fact["source_kind"]) == (table, "table"), (year, fact)
            assert all(code in fact["source_indicators"] for code in next(
                g for g in cells if all((c, "total") in values for c in g))), (year, fact)
        else:
            # the local table of 2011-2018, as transcribed by hand in the gold's notes
            label = normalise_label(re.match(r"local row (\S+)", fact["source_indicators"]).group(1))
            assert fact["source_kind"] == "local_row" and fact["value"] == local_table(gold)[label], (year, fact)
            assert f"{year}年度" in fact["source_indicators"]
        prose = values.get((prose_code, "total")) if prose_code else None
        if prose is not None:
            assert fact["prose_value"] == prose, (year, fact)
            assert ("agrees" in fact["choice_reason"]) == (prose == fact["value"]), (year, fact)


def test_a_copy_of_a_report_is_counted_once(con):
    paths = {r["source_path"]: r for r in rows(con, "select source_path, report_id, duplicate_status "
                                                    "from marts.dim_report where source_path in (?, ?)", [COPIED, COPY])}
    assert sorted(r["duplicate_status"] for r in paths.values()) == ["canonical", "duplicate"]
    canonical = next(r["report_id"] for r in paths.values() if r["duplicate_status"] == "canonical")
    received = rows(con, """
        select f.value, f.report_id from marts.fct_agency_year_concept f join marts.dim_agency a using (agency_id)
        where a.agency_name like '%' || ? and f.report_year = 2022 and f.concept_code = 'requests_received'""", [PINGTAN])
    assert received == [{"value": 74, "report_id": canonical}]
    wide = rows(con, "select report_year, report_id, requests_received from marts.mart_agency_year m "
                     "join marts.dim_agency a using (agency_id) where a.agency_name like '%' || ? order by 1", [PINGTAN])
    assert [r["report_year"] for r in wide] == list(range(2011, 2026))
    canonical_reports = {r for (r,) in con.execute(
        "select report_id from marts.dim_report where duplicate_status = 'canonical'").fetchall()}
    assert {r["report_id"] for r in wide} <= canonical_reports


def test_readme_failing_rules_query_names_the_reports_the_gold_says_fail(con):
    got = {(r["agency_name"], r["report_year"], rule)
           for r in rows(con, readme_query("fail a rule")) for rule in r["failing_rules"].split(", ")}
    want = set()
    for _, gold in [*seed_cases(), *pingtan_cases()]:
        for rule, status in gold["rules"].items():
            if status == "fail":
                want.add((gold["agency"], gold["report_year"], rule))
    assert len(got) == len(want)
    for agency, year, rule in want:
        assert any((gold_agency_matches(agency, a) and y == year and r == rule) for a, y, r in got), (agency, year, rule)


def gold_agency_matches(gold_name, name):
    return gold_name in name or name in gold_name


def test_readme_wide_query_and_absent_is_not_zero(con):
    wide = rows(con, readme_query("one column per concept"))
    kaifeng = [r for r in wide if "开封市质量技术监督局" in r["agency_name"]]
    assert [(r["report_year"], r["requests_received"], r["requests_granted"]) for r in kaifeng] == [(2018, 1, 1)]
    # the 2008 table has no carried-over row: absent (NULL), not zero
    carried = con.execute("""select m.requests_carried_over from marts.mart_agency_year m
        join marts.dim_agency a using (agency_id) where a.agency_name like '%开封市质量技术监督局%'""").fetchall()
    assert carried == [(None,)]
    assert con.execute("select count(*) from marts.fct_agency_year_concept f join marts.dim_report r using (report_id) "
                       "where r.template_code = 'gov2008' and f.concept_code = 'requests_carried_over'").fetchone()[0] == 0


def test_every_concept_has_a_column_and_a_recipe(con):
    concepts = [c for (c,) in con.execute("select concept_code from marts.dim_concept order by sort_order").fetchall()]
    columns = [c for (c,) in con.execute(
        "select column_name from information_schema.columns where table_schema = 'marts' "
        "and table_name = 'mart_agency_year' order by ordinal_position").fetchall()]
    assert [c for c in columns if c in concepts] == concepts
    lawsuits = rows(con, "select * from marts.dim_concept where concept_code = 'suit_cases'")[0]
    assert lawsuits["gov2021_sources"] == "t4.suit_after_review.total + t4.suit_direct.total"
    assert lawsuits["gov2008_sources"] == "s.suit"
    granted = rows(con, "select * from marts.dim_concept where concept_code = 'requests_granted'")[0]
    assert granted["gov2008_sources"] == "s.requests.replies.granted" and granted["gov2019_sources"] == "t3.granted"


def test_export_writes_every_mart_as_csv_and_parquet_without_touching_the_warehouse(built, tmp_path):
    from dagster_project.export import export_marts

    before = hashlib.sha256(built.read_bytes()).hexdigest()
    exported = export_marts(built, tmp_path / "exports")
    assert hashlib.sha256(built.read_bytes()).hexdigest() == before
    con = duckdb.connect(str(built), read_only=True)
    marts = {t for (t,) in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
    assert {e.table for e in exported} == marts and {"mart_agency_year", "fct_agency_year_concept"} <= marts
    for item in exported:
        want = con.execute(f'select count(*) from marts."{item.table}"').fetchone()[0]
        csv, parquet = tmp_path / "exports" / f"{item.table}.csv", tmp_path / "exports" / f"{item.table}.parquet"
        assert item.rows == want
        assert con.execute(f"select count(*) from read_parquet('{parquet}')").fetchone()[0] == want
        assert con.execute(f"select count(*) from read_csv('{csv}', header = true)").fetchone()[0] == want
    series = con.execute(f"""select report_year, requests_received from read_parquet('{tmp_path}/exports/mart_agency_year.parquet')
        where agency_name like '%' || ? and report_year = 2022""", [PINGTAN]).fetchall()
    assert series == [(2022, 74)]
    assert not list((tmp_path / "exports").glob(".*partial*"))
    # a spreadsheet reads the CSV as UTF-8 by its byte-order mark; DuckDB and pandas read it past the mark
    wide = tmp_path / "exports" / "mart_agency_year.csv"
    assert wide.read_bytes()[:3] == b"\xef\xbb\xbf"
    assert wide.read_text(encoding="utf-8-sig").splitlines()[0].startswith("agency_id,agency_name,")
    header = con.execute(f"select * from read_csv('{wide}', header = true) limit 0").description
    assert header[0][0] == "agency_id"
    assert PINGTAN in wide.read_text(encoding="utf-8-sig")
    con.close()


def test_export_of_a_missing_warehouse_says_so(tmp_path):
    from dagster_project.export import export_marts

    with pytest.raises(FileNotFoundError, match="no warehouse"):
        export_marts(tmp_path / "none.duckdb", tmp_path / "exports")
    assert not (tmp_path / "exports").exists()


def test_a_wide_row_says_how_many_rules_its_report_fails(con):
    # a spreadsheet has no join: each row carries its report's failing rules, as dim_report counts them
    wide = con.execute("select m.report_id, m.rules_failed, r.rules_failed from marts.mart_agency_year m "
                       "join marts.dim_report r using (report_id)").fetchall()
    assert wide and all(mart == report for _, mart, report in wide)
    failing = {report_id for report_id, n, _ in wide if n > 0}
    in_reconciliation = {r for (r,) in con.execute(
        "select distinct report_id from marts.fct_reconciliation where status = 'fail' and severity = 'warn'").fetchall()}
    assert failing and failing <= in_reconciliation
