"""What a failing reconciliation check tells a person: which reports, which rules, which printed cells.

Everything here reads the warehouse read-only and returns small markdown/text pieces for asset check
metadata: the worst failing rows (by the size of the residual) named by agency, year and document
path or URL, the rules in words (Chinese and English), the printed cells of the worst rows with
their evidence, and a ready SQL query that lists every cell behind the failing rows of a report.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..assets.markdown import markdown_table

FAILING_ROWS_SQL = """
    select f.report_id, f.rule_id, f.applicant_type, f.subject, f.lhs, f.rhs, f.residual, f.note,
           f.rule_text_en, f.rule_text_zh, f.agency_name, f.report_year,
           d.source_path, d.source_url
    from marts.fct_reconciliation f
    left join stg.stg_documents d using (report_id)
    where f.rule_id in (select unnest(?::varchar[])) and f.status = 'fail'
    order by abs(f.residual) desc, d.source_path, f.rule_id, f.applicant_type, f.subject
    limit ?"""

CELLS_SQL = """
    select c.report_id, c.rule_id, c.applicant_type, c.subject, c.side, c.source_path, c.indicator_code,
           c.cell_applicant_type, c.value, c.evidence
    from marts.fct_reconciliation_cell c
    where c.report_id in (select unnest(?::varchar[]))
    order by c.report_id, c.rule_id, c.applicant_type, c.subject, c.side, c.indicator_code, c.cell_applicant_type"""

RULES_SQL = """
    select rule_id, any_value(rule_text_zh) as zh, string_agg(distinct rule_text_en, ' / ') as en
    from marts.dim_rule where rule_id in (select unnest(?::varchar[])) group by rule_id order by rule_id"""


def figures_query(source_path: str) -> str:
    """The SQL a person pastes into `make sql` to see every printed cell behind a report's failing rules."""
    quoted = source_path.replace("'", "''")
    return ("select c.rule_id, c.applicant_type, c.subject, c.side, c.indicator_code, c.cell_applicant_type, "
            "c.value, c.evidence from marts.fct_reconciliation_cell c "
            f"where c.report_id = (select report_id from marts.dim_report where source_path = '{quoted}') "
            "order by c.rule_id, c.applicant_type, c.subject, c.side, c.indicator_code;")


def number(value) -> str:
    return "" if value is None else f"{value:,.4f}".rstrip("0").rstrip(".").replace(",", "")


def document(path: str | None, url: str | None) -> str:
    """How a report is named to a person: the URL it came from, else its path below the raw folder."""
    return url or path or "?"


@dataclass
class FailingRows:
    """The failing rows of a set of rules, worst first, and what the metadata shows of them."""

    rows: list[dict]
    rule_texts: list[tuple[str, str, str]]
    cells: list[dict]

    @property
    def worst(self) -> dict | None:
        return self.rows[0] if self.rows else None

    def worst_cases(self, limit: int) -> str:
        if not self.rows:
            return "no failing reports"
        headers = ["agency", "year", "rule", "applicant", "subject", "lhs", "rhs", "residual", "document", "what disagrees"]
        body = [(r["agency_name"] or "?", r["report_year"], r["rule_id"], r["applicant_type"], r["subject"],
                 number(r["lhs"]), number(r["rhs"]), number(r["residual"]), document(r["source_path"], r["source_url"]),
                 r["note"]) for r in self.rows]
        return markdown_table(body, headers, limit=limit, width=200)

    def rules(self) -> str:
        headers = ["rule", "规则", "rule (en)"]
        return markdown_table(self.rule_texts, headers, limit=len(self.rule_texts), width=200) if self.rule_texts else "none"

    def cells_table(self, limit: int) -> str:
        if not self.cells:
            return "no printed cells behind the failing rows (pipeline rules only)"
        headers = ["document", "rule", "subject", "side", "indicator", "applicant", "value", "evidence"]
        body = [(c["source_path"] or "?", c["rule_id"], c["subject"] if c["applicant_type"] == "total"
                 else f"{c['subject']} ({c['applicant_type']})", c["side"], c["indicator_code"], c["cell_applicant_type"],
                 "blank" if c["value"] is None else number(c["value"]), c["evidence"]) for c in self.cells]
        return markdown_table(body, headers, limit=limit, width=60)

    def agencies_inline(self, limit: int) -> str:
        seen: list[str] = []
        for r in self.rows:
            name = f"{r['agency_name'] or '?'} {r['report_year']} ({document(r['source_path'], r['source_url'])})"
            if name not in seen:
                seen.append(name)
        return "; ".join(seen[:limit]) or "none"


def read_failing_rows(con, rule_ids: list[str], limit: int, cell_rows: int) -> FailingRows:
    """The ``limit`` worst failing rows of ``rule_ids``, their rule texts and the cells of the first ``cell_rows``."""
    cursor = con.execute(FAILING_ROWS_SQL, [rule_ids, limit])
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    texts = [tuple(row) for row in con.execute(RULES_SQL, [sorted({r["rule_id"] for r in rows})]).fetchall()] if rows else []
    cells: list[dict] = []
    # the worst row's cells first, in the order of the rows
    keys = {}
    for r in rows[:cell_rows]:
        keys.setdefault((r["report_id"], r["rule_id"], r["applicant_type"], r["subject"]), len(keys))
    if keys:
        cursor = con.execute(CELLS_SQL, [sorted({key[0] for key in keys})])
        names = [d[0] for d in cursor.description]
        rank = lambda cell: keys.get((cell["report_id"], cell["rule_id"], cell["applicant_type"], cell["subject"]))  # noqa: E731
        cells = sorted((cell for cell in (dict(zip(names, row)) for row in cursor.fetchall()) if rank(cell) is not None),
                       key=rank)  # stable: within a row, the query's order (side, indicator, applicant)
    return FailingRows(rows, texts, cells)
