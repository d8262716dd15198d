"""`make docs` on a real build: every page of ``site/`` opens from a file with no network.

The seed documents are built into a temporary warehouse (in-process Dagster, real dbt and GX), then
``python -m dagster_project.docs`` writes the site into a temporary folder. The pages must fetch no
script and no style from anywhere; the quality page must show the suites' bounds resolved and name
the report of every failing row; the dashboard must render its charts in Debian's headless Chromium
started with every host name unresolvable and a dead proxy (a screenshot with real pixels).
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import duckdb
import pytest

from ui.headless_chromium import CHROMIUM, OFFLINE_FLAGS, Chromium  # tests/ui, shared with the Dagster UI test
from seed_gold import seed_cases
from warehouse_job import materialize

PAGES = ["index.html", "quality/index.html", "dashboard.html", "dbt/static_index.html"]
REMOTE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(https?:)?//", re.I)
REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(https?:)?//", re.I)
REMOTE_CSS = re.compile(r"@import\s+(url\()?\s*[\"']?\s*(https?:)?//|url\(\s*[\"']?\s*(https?:)?//", re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for path, _ in seed_cases():
        (raw / path.name).write_bytes(path.read_bytes())
    warehouse = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    assert materialize(raw, warehouse).success
    out = tmp_path_factory.mktemp("site")

    from dagster_project.docs.build import main
    from dagster_project.settings import get_settings

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("GOVINFO_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("GOVINFO_RAW_DIR", str(raw))
    get_settings.cache_clear()
    try:
        assert main(["--site", str(out)]) == 0
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    return out, warehouse


def test_pages_load_no_script_or_style_from_the_network(site):
    out, _ = site
    for name in PAGES:
        text = (out / name).read_text(encoding="utf-8")
        assert len(text) > 500, name
        for pattern in (REMOTE_SCRIPT, REMOTE_LINK, REMOTE_CSS):
            match = pattern.search(text)
            assert match is None, (name, text[max(0, match.start() - 80):match.end() + 80] if match else "")
    dbt_page = (out / "dbt/static_index.html").read_text(encoding="utf-8")
    assert "fct_reconciliation_cell" in dbt_page and "catalog" in dbt_page  # manifest and catalog inside the one file


def test_quality_page_resolves_bounds_and_names_failing_reports(site):
    out, warehouse = site
    page = (out / "quality/index.html").read_text(encoding="utf-8")
    assert "$PARAMETER" not in page
    assert '&quot;min_value&quot;: 0.0' in page and '&quot;max_value&quot;: 0.0' in page
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        failing = con.execute(
            "select f.agency_name, f.report_year, r.source_path, f.rule_id, f.rule_text_zh, f.residual "
            "from marts.fct_reconciliation f join marts.dim_report r using (report_id) where f.status = 'fail'").fetchall()
    finally:
        con.close()
    assert failing, "the seeds hold at least one printed inconsistency (seed 004, R-S-RESPONSE)"
    rows = re.findall(r"<tr>(.*?)</tr>", page, flags=re.S)
    for agency, year, path, rule, zh, residual in failing:
        cells = f"<td class='name'>{agency}</td><td class='num'>{year}</td><td class='nowrap'>{path}</td>" \
                f"<td class='nowrap'>{rule}</td><td class='zh'>"
        match = [row for row in rows if row.startswith(cells)]
        assert len(match) == 1, (agency, year, path, rule)
        assert f"<td class='num'>{residual:g}</td>" in match[0]


def test_dashboard_renders_offline_in_headless_chromium(site):
    from PIL import Image

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: `make test` installs it (make chromium)"
    out, warehouse = site
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        years = [str(y) for (y,) in con.execute(
            "select distinct report_year from marts.dim_report where doc_type = 'annual_report' "
            "and report_year is not null order by 1").fetchall()]
    finally:
        con.close()
    shot = out.parent / "dashboard.png"
    with Chromium(out.parent / "chromium_profile", out.parent / "chromium.log", extra_flags=OFFLINE_FLAGS) as browser:
        browser.navigate((out / "dashboard.html").as_uri())
        text = browser.wait_for_text("Annual reports by year reported on and template", "Failing rules",
                                     "National series", *years, timeout_s=60)
        marks = browser.evaluate("document.querySelectorAll('svg .mark-rect path, svg .mark-line path').length")
        time.sleep(0.5)
        browser.screenshot(shot, full_page=True)
    assert "at a glance" in text
    assert marks >= len(years), marks
    image = Image.open(shot).convert("RGB")
    small = image.resize((image.width // 4, image.height // 4))
    data = small.tobytes()
    pixels = [tuple(data[i:i + 3]) for i in range(0, len(data), 3)]
    coloured = sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 60)  # bars and lines, not text
    assert coloured > 0.01 * len(pixels), coloured
    print(f"\nscreenshot: {shot}")
