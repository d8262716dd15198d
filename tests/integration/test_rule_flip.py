"""Change one printed figure in a copy of a real report: exactly the rules that involve it flip to fail.

Two real reports are built twice, each time in-process into a fresh temporary warehouse:

- Pingtan 2023 (gov2021, every in-report rule passes per its gold): table three, row （一）予以公开,
  column 自然人 is changed from 22 to 23 (the row's 总计 still says 22);
- seed 004 (gov2008, 开封市质量技术监督局): row 1.按时办结数 is changed from 1 to 2.

The rows of ``marts.fct_reconciliation`` that change status between the original and the altered
build must be exactly the rows that rules.csv says involve one of the two figures, and the asset
check ``gx_report_identities`` must name the altered report, its agency and the rules.
"""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from warehouse_job import materialize
from seed_gold import PINGTAN, SEEDS

ROOT = Path(__file__).resolve().parents[2]
RULES_CSV = ROOT / "dbt" / "seeds" / "rules.csv"
INDICATORS_CSV = ROOT / "dbt" / "seeds" / "indicators.csv"
APPLICANTS_CSV = ROOT / "dbt" / "seeds" / "applicant_types.csv"

PINGTAN_REPORT = PINGTAN / "reports" / "202403_87885.html"
PINGTAN_PATH = "pingtan/202403_87885.html"
PINGTAN_AGENCY = "平潭综合实验区管理委员会"
SEED_REPORT = SEEDS / "004_b6ce9a87a66a1839.txt"
SEED_PATH = "seeds/004_b6ce9a87a66a1839.txt"
SEED_AGENCY = "开封市质量技术监督局"

# (relative path in the raw folder, template, indicator, applicant type, printed value, altered value)
ALTERATIONS = [
    (PINGTAN_PATH, "gov2021", "t3.granted", "natural_person", 22, 23),
    (SEED_PATH, "gov2008", "s.requests.closed.on_time", "total", 1, 2),
]


# --- the expected flips, read from the rule and indicator seeds (the data rules.csv of the spec) -------

def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rule_rows_involving(indicator: str, applicant_type: str, template: str) -> set[tuple[str, str, str]]:
    """The (rule_id, applicant_type, subject) evaluations of one report whose operands include the figure.

    Mirrors how the dbt models name evaluations: in-report identities are evaluated per part
    (``part N``, parts separated by ``;``) and per applicant type when ``per_applicant_type``;
    R-T3-APPLICANTS is evaluated once per table-three row (subject = the row's indicator code) on the
    total column. Cross-year rules need a second year of the same agency (none here), and X-LINEAGE
    compares counts and sums between two layers that both carry the altered value.
    """
    applicants = [row["applicant_type"] for row in _read_csv(APPLICANTS_CSV) if row["applicant_type"] != "total"]
    involved: set[tuple[str, str, str]] = set()
    for rule in _read_csv(RULES_CSV):
        if rule["scope"] != "report" or template not in rule["template"].split("|"):
            continue
        if rule["rule_id"] == "X-NARRATIVE":
            continue  # total-column figures with a concept_code only; the chosen figures are not (asserted below)
        if rule["rule_id"] == "R-T3-APPLICANTS":
            # "total = natural_person + …" holds in every row of table three
            terms = {t.strip() for t in re.split(r"<=|=|\+", rule["expression"])}
            if indicator.startswith("t3.") and (applicant_type in terms or applicant_type == "total"):
                involved.add((rule["rule_id"], "total", indicator))
            assert set(applicants) <= terms
            continue
        per_applicant = rule["per_applicant_type"].strip().lower() == "true"
        if applicant_type != "total" and not per_applicant:
            continue
        for index, part in enumerate(rule["expression"].split(";"), start=1):
            terms = [t.strip() for t in re.split(r"<=|=|\+", part)]
            if any(t == indicator or (t.endswith(".*") and indicator.startswith(t[:-1])) for t in terms):
                involved.add((rule["rule_id"], applicant_type, f"part {index}"))
    return involved


def test_expected_flips_follow_from_rules_csv():
    """The derivation itself, spelled out: what a person reading rules.csv would expect."""
    assert rule_rows_involving("t3.granted", "natural_person", "gov2021") == {
        ("R-T3-OUTCOMES", "natural_person", "part 1"),  # total_processed = granted + … (per applicant)
        ("R-T3-APPLICANTS", "total", "t3.granted"),  # the 予以公开 row: 总计 = sum of the six columns
        # R-T3-BALANCE does not involve granted: new + carried over = processed + carried forward
    }
    assert rule_rows_involving("s.requests.closed.on_time", "total", "gov2008") == {
        ("R-S-CLOSED", "total", "part 1"),  # closed = on time + extended
    }
    concepts = {row["indicator_code"]: row["concept_code"] for row in _read_csv(INDICATORS_CSV)}
    for _, _, indicator, applicant, _, _ in ALTERATIONS:
        # X-NARRATIVE compares total-column figures that carry a concept_code: not these
        assert applicant != "total" or not concepts[indicator], indicator


# --- building --------------------------------------------------------------------------------------

def _materialize(raw_dir: Path, warehouse: Path):
    return materialize(raw_dir, warehouse)


def _replace_once(data: bytes, pattern: bytes, replacement: bytes) -> bytes:
    matches = list(re.finditer(pattern, data, flags=re.S))
    assert len(matches) == 1, f"{pattern!r} matched {len(matches)} times"
    return data[:matches[0].start()] + matches[0].expand(replacement) + data[matches[0].end():]


def _alter_pingtan(data: bytes) -> bytes:
    # row （一）予以公开 of table three prints 22 | 0 | 0 | 0 | 0 | 0 | 22 (自然人 first, 总计 last): 自然人 becomes 23
    return _replace_once(data, "（一）予以公开</p></td>(<td[^>]*><p[^>]*>)22(</p></td>)".encode("utf-8"),
                         "（一）予以公开</p></td>\\g<1>23\\g<2>".encode("utf-8"))


def _alter_seed(data: bytes) -> bytes:
    return _replace_once(data, "1.按时办结数 \\|\n件 \\|\n1 \\|".encode("utf-8"),
                         "1.按时办结数 |\n件 |\n2 |".encode("utf-8"))


def _statuses(warehouse: Path) -> tuple[dict, dict]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "select r.source_path, f.rule_id, f.applicant_type, f.subject, f.status "
            "from marts.fct_reconciliation f join marts.dim_report r using (report_id)").fetchall()
        ids = dict(con.execute("select source_path, report_id from marts.dim_report").fetchall())
    finally:
        con.close()
    statuses = {(path, rule, applicant, subject): status for path, rule, applicant, subject, status in rows}
    assert len(statuses) == len(rows), "one status per report, rule, applicant type and subject"
    return statuses, ids


def _values(warehouse: Path) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "select r.source_path, v.indicator_code, v.applicant_type, v.value "
            "from marts.fct_indicator_value v join marts.dim_report r using (report_id)").fetchall()
    finally:
        con.close()
    return {(path, indicator, applicant): value for path, indicator, applicant, value in rows}


def _checks(result) -> dict:
    return {e.event_specific_data.check_name: e.event_specific_data
            for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    out = {}
    for variant in ("original", "altered"):
        raw = tmp_path_factory.mktemp(f"raw_{variant}")
        (raw / "pingtan").mkdir()
        (raw / "seeds").mkdir()
        pingtan, seed = PINGTAN_REPORT.read_bytes(), SEED_REPORT.read_bytes()
        if variant == "altered":
            pingtan, seed = _alter_pingtan(pingtan), _alter_seed(seed)
        (raw / PINGTAN_PATH).write_bytes(pingtan)
        (raw / SEED_PATH).write_bytes(seed)
        warehouse = tmp_path_factory.mktemp(f"wh_{variant}") / "warehouse.duckdb"
        result = _materialize(raw, warehouse)
        assert result.success, variant
        out[variant] = (result, *_statuses(warehouse), warehouse)
    return out


def test_only_the_altered_figures_changed(builds):
    """The copies differ from the originals in the two printed figures and in nothing else that was staged."""
    before, after = _values(builds["original"][3]), _values(builds["altered"][3])
    assert set(before) == set(after)
    changed = {key: (before[key], after[key]) for key in before if before[key] != after[key]}
    assert changed == {(path, indicator, applicant): (old, new) for path, _, indicator, applicant, old, new in ALTERATIONS}


def test_exactly_the_rules_involving_the_figure_flip(builds):
    _, before, _, _ = builds["original"]
    _, after, _, _ = builds["altered"]
    assert set(before) == set(after), "the same evaluations exist before and after"
    expected = {(path, *row) for path, template, indicator, applicant, _, _ in ALTERATIONS
                for row in rule_rows_involving(indicator, applicant, template)}
    changed = {key for key in before if before[key] != after[key]}
    assert changed == expected
    for key in expected:
        assert (before[key], after[key]) == ("pass", "fail"), key
    # the original Pingtan report passes every in-report rule, as its gold says
    assert {s for (path, rule, *_), s in before.items() if path == PINGTAN_PATH and rule.startswith("R-")} == {"pass"}


def test_check_metadata_names_the_report_agency_and_rules(builds):
    before, after = _checks(builds["original"][0]), _checks(builds["altered"][0])
    ids = builds["original"][2]
    pingtan_id, seed_id = ids[PINGTAN_PATH], ids[SEED_PATH]
    for checks in (before, after):
        assert checks["gx_lineage"].passed
        assert checks["gx_report_identities"].severity.value == "WARN"

    # original: only seed 004's printed inconsistency (R-S-RESPONSE) fails
    meta = before["gx_report_identities"].metadata
    assert not before["gx_report_identities"].passed
    assert meta["failing_rules"].value == "R-S-RESPONSE"
    assert meta["failing_report_ids"].value == [seed_id]
    assert PINGTAN_AGENCY not in meta["worst_cases"].value

    # altered: the check names the altered Pingtan report, its agency and the two rules, and R-S-CLOSED
    meta = after["gx_report_identities"].metadata
    assert not after["gx_report_identities"].passed
    assert set(meta["failing_rules"].value.split(", ")) == {"R-S-RESPONSE", "R-S-CLOSED", "R-T3-OUTCOMES", "R-T3-APPLICANTS"}
    assert sorted(meta["failing_report_ids"].value) == sorted([pingtan_id, seed_id])
    per_rule = meta["per_rule"].value
    assert per_rule["R-T3-OUTCOMES"] == per_rule["R-T3-APPLICANTS"] == per_rule["R-S-CLOSED"] == "fail (1 failing rows)"
    assert per_rule["R-T3-BALANCE"].startswith("pass")
    table = meta["worst_cases"].value.splitlines()
    rows = [[cell.strip() for cell in line.strip("|").split("|")][:9] for line in table[2:]]
    # | agency | year | rule | applicant | subject | lhs | rhs | residual | document | what disagrees |
    assert [PINGTAN_AGENCY, "2023", "R-T3-OUTCOMES", "natural_person", "part 1", "80", "81", "-1", PINGTAN_PATH] in rows
    assert [PINGTAN_AGENCY, "2023", "R-T3-APPLICANTS", "total", "t3.granted", "22", "23", "-1", PINGTAN_PATH] in rows
    assert [SEED_AGENCY, "2018", "R-S-CLOSED", "total", "part 1", "1", "2", "-1", SEED_PATH] in rows
    assert len(rows) == 4  # R-S-RESPONSE of seed 004 and the three flips, nothing else
