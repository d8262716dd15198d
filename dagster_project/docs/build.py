"""Build the documentation site under ``site/``: every page opens from a file, offline.

- ``site/quality/index.html``: the reconciliation suites validated by Great Expectations against
  ``marts.fct_reconciliation`` (bounds resolved, failing rows named by report), see quality_page.py;
- ``site/dashboard.html``: the warehouse at a glance (altair charts, Vega inlined), see dashboard.py;
- ``site/dbt/static_index.html``: ``dbt docs generate --static`` (manifest and catalog inside one
  file), run with its target and log paths in a temporary folder so ``dbt/target`` is left alone;
- ``site/index.html``: links to the three.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..settings import PROJECT_ROOT, Settings, get_settings

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")

DBT_SITE_FILES = ("static_index.html",)  # one file: manifest and catalog are inside it
NAV = [("../index.html", "docs"), ("../quality/index.html", "quality"), ("../dashboard.html", "dashboard"),
       ("../dbt/static_index.html", "dbt docs")]


def build_dbt_site(settings: Settings, out_dir: Path) -> Path:
    """``dbt docs generate --static`` into a temporary target; the site files are copied to ``out_dir``."""
    dbt = Path(sys.executable).with_name("dbt")
    rules = settings.rules
    dbt_vars = {"count_abs_tolerance": rules.count_abs_tolerance, "money_rel_tolerance": rules.money_rel_tolerance}
    env = {**os.environ, "GOVINFO_WAREHOUSE": str(settings.warehouse), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    with tempfile.TemporaryDirectory(prefix="dbt-docs-") as tmp:
        target, logs = Path(tmp) / "target", Path(tmp) / "logs"
        command = [str(dbt), "docs", "generate", "--static", "--quiet",
                   "--project-dir", str(settings.dbt_project_dir), "--profiles-dir", str(settings.dbt_project_dir),
                   "--target-path", str(target), "--log-path", str(logs), "--vars", json.dumps(dbt_vars)]
        done = subprocess.run(command, cwd=settings.dbt_project_dir, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"dbt docs generate failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        missing = [name for name in DBT_SITE_FILES if not (target / name).exists()]
        if missing:
            raise SystemExit(f"dbt docs generate wrote no {', '.join(missing)} in {target}")
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir(parents=True)
        for name in DBT_SITE_FILES:
            shutil.copy2(target / name, out_dir / name)
    return out_dir / "static_index.html"


def _nav(depth: int) -> list[tuple[str, str]]:
    """The links between the pages, relative to a page ``depth`` folders below ``site/``."""
    prefix = "../" * depth
    return [(prefix + href.removeprefix("../"), label) for href, label in NAV]


def _landing_page(site: Path) -> Path:
    from .html import page

    body = ("<h1>govinfo-warehouse documentation</h1>\n<ul>\n"
            "<li><a href='quality/index.html'>Warehouse quality</a>: the reconciliation suites validated by Great "
            "Expectations against marts.fct_reconciliation, with the failing reports named</li>\n"
            "<li><a href='dashboard.html'>Dashboard</a>: reports per year and template, share fit for analysis, "
            "failing rules, national series</li>\n"
            "<li><a href='dbt/static_index.html'>dbt docs</a>: models, columns, tests, lineage and the warehouse catalog</li>\n"
            "</ul>\n<p>Every page opens from the file, without a server or a network.</p>")
    path = site / "index.html"
    path.write_text(page("govinfo-warehouse docs", body), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    import duckdb

    from .dashboard import build_dashboard
    from ..resources.duckdb_memory import bound_memory
    from .quality_page import build_quality_page

    parser = argparse.ArgumentParser(prog="python -m dagster_project.docs", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=PROJECT_ROOT / "site", help="output folder (default: site/)")
    args = parser.parse_args(argv)
    settings = get_settings()
    site = args.site.expanduser().resolve()
    site.mkdir(parents=True, exist_ok=True)
    if not settings.warehouse.exists():
        raise SystemExit(f"no warehouse at {settings.warehouse}: build it first (`make run`)")

    print(f"govinfo-warehouse docs: warehouse {settings.warehouse}", flush=True)
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    bound_memory(con, settings)
    try:
        quality, suites = build_quality_page(settings, con, site / "quality", _nav(1))
        dashboard = build_dashboard(con, site / "dashboard.html", _nav(0), settings.warehouse)
    finally:
        con.close()
    for s in suites:
        print(f"  suite {s.name:<20} {'passed' if s.success else 'FAILED: ' + ', '.join(s.failing_rules)}")
    dbt_index = build_dbt_site(settings, site / "dbt")
    landing = _landing_page(site)
    print("")
    print(f"  quality (GX validation) : {quality}")
    print(f"  dashboard               : {dashboard}")
    print(f"  dbt docs                : {dbt_index}")
    print(f"  all of them             : {landing}  (open in a browser; no server needed)")
    return 0
