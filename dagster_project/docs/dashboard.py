"""The quality dashboard (``site/dashboard.html``): the warehouse at a glance, one static page that opens offline.

Four Vega-Lite charts drawn with altair, with Vega, Vega-Lite and vega-embed inlined by vl-convert
(no script is fetched from anywhere):

- annual reports per year reported on and template;
- the share of annual reports fit for analysis (``mart_reports_fit_for_analysis``) per year;
- the failing rules ranked by the number of reports they fail on;
- national series per year: requests received, requests granted in full, administrative reviews and
  lawsuits, summed over agencies from ``fct_agency_year_concept`` (one canonical report per agency
  and year), or, in a warehouse built before that mart existed, from the table figures of
  ``fct_indicator_value``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..resources.duckdb_file import has_table
from .html import STYLE, escape

SERIES = {  # concept code: (label, indicator codes summed in a warehouse without fct_agency_year_concept)
    "requests_received": ("Requests received 收到申请", ["t3.new_received", "s.requests.received"]),
    "requests_granted": ("Granted in full 予以公开", ["t3.granted", "s.requests.replies.granted"]),
    "review_cases": ("Administrative reviews 行政复议", ["t4.review.total", "s.review"]),
    "suit_cases": ("Lawsuits 行政诉讼", ["t4.suit_direct.total", "t4.suit_after_review.total", "s.suit"]),
}


@dataclass
class DashboardData:
    reports: object  # pandas frames
    fit: object
    rules: object
    series: object
    series_source: str


def _has_column(con, schema: str, table: str, column: str) -> bool:
    return con.execute("select count(*) from information_schema.columns where table_schema = ? and table_name = ? "
                       "and column_name = ?", [schema, table, column]).fetchone()[0] > 0


def read_data(con) -> DashboardData:
    # each content once: copies and superseded versions are left out where the warehouse knows them
    canonical = ("and coalesce(duplicate_status, 'canonical') = 'canonical'"
                 if _has_column(con, "marts", "dim_report", "duplicate_status") else "")
    reports = con.execute(f"""
        select report_year::integer as year, coalesce(template_code, 'unknown') as template, count(*)::integer as reports
        from marts.dim_report
        where doc_type = 'annual_report' and report_year is not null {canonical}
        group by all order by 1, 2""").df()
    fit = con.execute(f"""
        select r.report_year::integer as year, count(*)::integer as reports,
               count(f.report_id)::integer as fit,
               count(f.report_id) / count(*) as share
        from marts.dim_report r
        left join marts.mart_reports_fit_for_analysis f using (report_id)
        where r.doc_type = 'annual_report' and r.report_year is not null {canonical.replace('duplicate_status', 'r.duplicate_status')}
        group by all order by 1""").df()
    rules = con.execute("""
        select rule_id, any_value(rule_text_en) as rule_text_en, any_value(rule_text_zh) as rule_text_zh,
               count(distinct report_id)::integer as reports, count(*)::integer as failing_rows
        from marts.fct_reconciliation where status = 'fail'
        group by rule_id order by reports desc, failing_rows desc, rule_id""").df()
    if has_table(con, "marts", "fct_agency_year_concept"):
        series = con.execute("""
            select report_year::integer as year, concept_code, sum(value)::double as value,
                   count(distinct agency_id)::integer as agencies
            from marts.fct_agency_year_concept
            where concept_code in (select unnest(?::varchar[]))
            group by all order by 1, 2""", [list(SERIES)]).df()
        source = "marts.fct_agency_year_concept (one canonical report per agency and year)"
    else:
        codes = {code: concept for concept, (_, codes) in SERIES.items() for code in codes}
        series = con.execute("""
            select v.report_year::integer as year, c.concept_code, sum(v.value)::double as value,
                   count(distinct v.agency_id)::integer as agencies
            from marts.fct_indicator_value v
            inner join (select unnest(?::varchar[]) as indicator_code, unnest(?::varchar[]) as concept_code) c using (indicator_code)
            where v.applicant_type = 'total' and v.doc_type = 'annual_report' and v.figure_source = 'table'
              and v.report_year is not null
            group by all order by 1, 2""", [list(codes), list(codes.values())]).df()
        source = "table figures of marts.fct_indicator_value"
    series["series"] = series["concept_code"].map(lambda code: SERIES[code][0])
    return DashboardData(reports, fit, rules, series, source)


def charts(data: DashboardData):
    import altair as alt

    width = 520
    by_template = alt.Chart(data.reports, title="Annual reports by year reported on and template").mark_bar().encode(
        x=alt.X("year:O", title="year reported on"),
        y=alt.Y("reports:Q", title="reports", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("template:N", title="template"),
        tooltip=["year:O", "template:N", "reports:Q"],
    ).properties(width=width, height=220)
    fit = alt.Chart(data.fit, title="Share of annual reports fit for analysis").mark_bar(color="#2f7d4f").encode(
        x=alt.X("year:O", title="year reported on"),
        y=alt.Y("share:Q", title="fit for analysis", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        tooltip=["year:O", "reports:Q", "fit:Q", alt.Tooltip("share:Q", format=".0%")],
    ).properties(width=width, height=220)
    rules = alt.Chart(data.rules, title="Failing rules, by the number of reports they fail on").mark_bar(color="#b3261e").encode(
        x=alt.X("reports:Q", title="reports failing", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("rule_id:N", sort="-x", title=None),
        tooltip=["rule_id:N", "rule_text_zh:N", "rule_text_en:N", "reports:Q", "failing_rows:Q"],
    ).properties(width=width, height=alt.Step(22))
    series = alt.Chart(data.series).mark_line(point=True).encode(
        x=alt.X("year:O", title="year reported on"),
        y=alt.Y("value:Q", title=None),
        tooltip=["series:N", "year:O", "value:Q", "agencies:Q"],
    ).properties(width=250, height=160).facet(
        facet=alt.Facet("series:N", title=None), columns=2,
        title=f"National series: sum over agencies ({data.series_source})",
    ).resolve_scale(y="independent")
    top = alt.hconcat(by_template, fit)
    bottom = alt.hconcat(rules, series)
    return alt.vconcat(top, bottom).configure_view(stroke=None).configure_title(anchor="start", fontSize=14)


def render(data: DashboardData, nav: list[tuple[str, str]], warehouse: Path) -> str:
    import io

    buffer = io.StringIO()
    # inline: Vega, Vega-Lite and vega-embed are written into the page; no action menu (it links out)
    charts(data).save(buffer, format="html", inline=True, embed_options={"actions": False, "renderer": "svg"})
    html = buffer.getvalue()
    links = "".join(f"<a href='{escape(href)}'>{escape(label)}</a>" for href, label in nav)
    annual = int(data.reports["reports"].sum()) if len(data.reports) else 0
    fit = int(data.fit["fit"].sum()) if len(data.fit) else 0
    header = (f"<style>{STYLE}</style><nav>{links}</nav><h1>govinfo-warehouse at a glance</h1>"
              f"<p class='lead'>{annual} annual reports, {fit} fit for analysis; warehouse <code>{escape(warehouse)}</code>. "
              "Hover a mark for its numbers.</p>")
    # the inlined bundle itself contains the text "<body>": the page's own tag is the last one
    at = html.rfind("<body>")
    if at < 0:
        raise RuntimeError("altair wrote a page without <body>")
    at += len("<body>")
    return html[:at] + header + html[at:]


def build_dashboard(con, out: Path, nav: list[tuple[str, str]], warehouse: Path) -> Path:
    data = read_data(con)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data, nav, warehouse), encoding="utf-8")
    return out
