"""The dbt vars of a build, from the typed settings: what `dbt build` is given besides the staged rows."""
from __future__ import annotations


def dbt_vars(settings) -> dict:
    rules, quality = settings.rules, settings.quality
    return {"count_abs_tolerance": rules.count_abs_tolerance, "money_rel_tolerance": rules.money_rel_tolerance,
            "report_year_min": quality.report_year_min, "report_year_max": quality.report_year_max,
            "quality_unverified_factor": quality.unverified_factor}
