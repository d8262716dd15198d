"""The three text flattenings of a table, and rows that lost their empty cells (seed 002)."""
from dagster_project.parse.text.cells import cell_stream
from dagster_project.parse.tables.placement import place_matrix
from dagster_project.parse.numbers import parse_number
from dagster_project.parse.tables.statistics_table import parse_statistics_table

ROWS = ["（一）收到申请数", "件", "29", "1.当面申请数", "件", "", "2.传真申请数", "件", "0"]


def _values(text):
    figures, _ = parse_statistics_table(cell_stream("统计指标\n" + text))
    return {f.indicator_code: f.value for f in figures}


def test_cell_per_line_with_pipes_keeps_blank_cells_blank():
    text = "\n".join(f"{c} |" if c else "|" for c in ROWS)
    assert _values(text) == {"s.requests.received": 29, "s.requests.received.fax": 0}


def test_bare_lines_with_blank_cells_absent():
    text = "\n".join(c for c in ROWS if c)
    assert _values(text) == {"s.requests.received": 29, "s.requests.received.fax": 0}


def test_row_per_line_joined_by_pipes():
    text = "（一）收到申请数 | 件 | 29\n1.当面申请数 | 件 |\n2.传真申请数 | 件 | 0"
    assert _values(text) == {"s.requests.received": 29, "s.requests.received.fax": 0}


def _numbers(*cells):
    return [(c, parse_number(c)) for c in cells]


def test_dropped_cells_placed_by_column_identities_or_kept_unplaced():
    partial = {
        "t3.new_received": _numbers("10", "2", "12"),
        "t3.carried_over": _numbers("1", "1"),
        "t3.granted": _numbers("2", "2", "4"),
        "t3.partially_granted": _numbers("2", "2"),
        "t3.unable.not_held": _numbers("7", "7"),
        "t3.total_processed": _numbers("11", "2", "13"),
    }
    figures, unplaced = place_matrix(partial, {}, {}, "gov2019")
    got = {(f.indicator_code, f.applicant_type): f.value for f in figures}
    assert got[("t3.total_processed", "natural_person")] == 11
    assert got[("t3.partially_granted", "natural_person")] == 2  # forced: 11 = 2 + 2 + 7
    assert got[("t3.unable.not_held", "natural_person")] == 7
    assert got[("t3.new_received", "total")] == 12
    # the 2 of an organisation column: which of the five is not recoverable
    assert {(u.indicator_code, u.value) for u in unplaced} == {("t3.new_received", 2), ("t3.granted", 2), ("t3.total_processed", 2)}
    assert not any(app in {"commercial_enterprise", "research_institution"} for _, app in got)


def test_row_that_does_not_add_up_is_not_placed():
    figures, unplaced = place_matrix({"t3.granted": _numbers("3", "5", "4")}, {}, {}, "gov2019")
    assert figures == [] and len(unplaced) == 3
