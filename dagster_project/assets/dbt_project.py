"""The dbt project, in its own module: dagster-dbt needs the manifest when definitions load."""
from __future__ import annotations

import os

from dagster_dbt import DbtProject

from ..settings import get_settings

settings = get_settings()
os.environ.setdefault("GOVINFO_WAREHOUSE", str(settings.warehouse))  # for `dbt parse`; the dbt asset sets its own
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")

dbt_project = DbtProject(project_dir=settings.dbt_project_dir, profiles_dir=settings.dbt_project_dir)
