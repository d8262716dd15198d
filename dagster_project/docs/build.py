"""Build the Great Expectations data docs and the dbt docs as static sites, side by side.

The GX site comes from a file-backed context created in a temporary folder for this build only:
the suites of ``expectations/*.json`` are added to it, validated against ``marts.fct_reconciliation``
of the warehouse (read-only) with the typed tolerance settings as suite parameters, and the data docs
site is written straight into ``site/gx/``. The dbt site is ``dbt docs generate --static`` with its
target and log paths in a temporary folder too, so ``dbt/target`` (read by Dagster) is left alone.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..settings import PROJECT_ROOT, Settings, get_settings

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")

GX_SITE_NAME = "govinfo_reconciliation"
DBT_SITE_FILES = ("index.html", "static_index.html", "manifest.json", "catalog.json")


@dataclass
class SuiteSummary:
    suite: str
    success: bool
    failing_rules: list[str]


def _reconciliation_frame(warehouse: Path):
    import duckdb

    if not warehouse.exists():
        raise SystemExit(f"no warehouse at {warehouse}: build it first (`make run`)")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select * from marts.fct_reconciliation").df()
    finally:
        con.close()


def build_gx_site(settings: Settings, out_dir: Path) -> tuple[Path, list[SuiteSummary]]:
    """Validate every suite against fct_reconciliation and write the data docs into ``out_dir``."""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction
    from great_expectations.core.expectation_suite import ExpectationSuite
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    from ..checks.expectation_suites import load_suite_file, suite_files

    frame = _reconciliation_frame(settings.warehouse)
    paths = suite_files(settings.expectations_dir)
    if not paths:
        raise SystemExit(f"no suites in {settings.expectations_dir}")
    shutil.rmtree(out_dir, ignore_errors=True)  # nothing stale from an earlier build
    out_dir.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="gx-context-") as context_dir:
        context = gx.get_context(mode="file", project_root_dir=context_dir)
        try:
            context.variables.progress_bars = {"globally": False, "metric_calculations": False}
            context.variables.save()
        except Exception:  # progress bars are cosmetic
            pass
        for site in list(context.get_site_names()):
            context.delete_data_docs_site(site)  # the scaffolded local_site lives in the temporary folder
        context.add_data_docs_site(GX_SITE_NAME, {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(out_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        })
        batch_definition = (context.data_sources.add_pandas("warehouse")
                            .add_dataframe_asset("fct_reconciliation")
                            .add_batch_definition_whole_dataframe("all_rows"))
        validations = []
        for path in paths:
            spec = load_suite_file(path)
            suite = context.suites.add(ExpectationSuite(
                name=spec["name"],
                expectations=[
                    ExpectationConfiguration(type=e["type"], kwargs=e["kwargs"], meta=e.get("meta"),
                                             severity=e.get("severity", "critical"))
                    for e in spec["expectations"]
                ],
                meta={"notes": {"format": "markdown", "content": [
                    f"{spec['meta'].get('description', '')}. Source: `expectations/{path.name}`; "
                    f"validated against `marts.fct_reconciliation` of `{settings.warehouse}`."]}},
            ))
            validations.append(context.validation_definitions.add(gx.ValidationDefinition(
                name=f"{spec['name']}__fct_reconciliation", data=batch_definition, suite=suite)))
        checkpoint = context.checkpoints.add(gx.Checkpoint(
            name="reconciliation",
            validation_definitions=validations,
            actions=[UpdateDataDocsAction(name="data_docs", site_names=[GX_SITE_NAME])],
            result_format="SUMMARY",
        ))
        tolerance = settings.rules.count_abs_tolerance
        result = checkpoint.run(batch_parameters={"dataframe": frame},
                                expectation_parameters={"min_residual": -tolerance, "max_residual": tolerance})
        context.build_data_docs(site_names=[GX_SITE_NAME])  # the suite pages as well as the validations
        summaries = []
        for run in result.run_results.values():
            failing = sorted({(r.expectation_config.meta or {}).get("rule_id", "?") for r in run.results if not r.success})
            summaries.append(SuiteSummary(run.suite_name, bool(run.success), failing))
    index = out_dir / "index.html"
    if not index.exists():
        raise SystemExit(f"Great Expectations wrote no {index}")
    return index, sorted(summaries, key=lambda s: s.suite)


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


def _landing_page(site: Path) -> Path:
    page = site / "index.html"
    page.write_text(
        "<!doctype html><meta charset='utf-8'><title>govinfo-warehouse docs</title>\n"
        "<h1>govinfo-warehouse documentation</h1>\n<ul>\n"
        "<li><a href='gx/index.html'>Great Expectations data docs</a>: the reconciliation suites and their "
        "validation against marts.fct_reconciliation</li>\n"
        "<li><a href='dbt/static_index.html'>dbt docs</a>: models, tests, lineage and the warehouse catalog "
        "(<a href='dbt/index.html'>index.html</a> needs an HTTP server)</li>\n</ul>\n",
        encoding="utf-8")
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dagster_project.docs", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=PROJECT_ROOT / "site", help="output folder (default: site/)")
    args = parser.parse_args(argv)
    settings = get_settings()
    site = args.site.expanduser().resolve()
    site.mkdir(parents=True, exist_ok=True)

    print(f"govinfo-warehouse docs: warehouse {settings.warehouse}", flush=True)
    gx_index, suites = build_gx_site(settings, site / "gx")
    for s in suites:
        print(f"  suite {s.suite:<20} {'passed' if s.success else 'FAILED: ' + ', '.join(s.failing_rules)}")
    dbt_index = build_dbt_site(settings, site / "dbt")
    landing = _landing_page(site)
    print("")
    print(f"  Great Expectations data docs : {gx_index}")
    print(f"  dbt docs                     : {dbt_index}  (or serve {site / 'dbt'} and open index.html)")
    print(f"  both                         : {landing}")
    print(f"  serve them                   : python -m http.server -d {site} 8080")
    return 0
