"""Great Expectations imported in the background while dbt builds: after the preload a suite validates
without importing it again. A fresh process, the real GX and a real suite file of expectations/."""
from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys, time
    assert "great_expectations" not in sys.modules
    import pandas as pd
    from dagster_project.checks.expectation_suites import preload_great_expectations, suite_files, validate_suite_batches
    from dagster_project.settings import get_settings
    preload_great_expectations().join(timeout=300)
    assert "great_expectations" in sys.modules
    path = suite_files(get_settings().expectations_dir)[0]
    started = time.monotonic()
    outcome = validate_suite_batches(path, iter([pd.DataFrame()]), 0)
    print(f"{path.name} {outcome.success} {time.monotonic() - started:.2f}")
""")


def test_a_preloaded_great_expectations_serves_the_first_check():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stderr[-3000:]
    name, success, seconds = done.stdout.split()[-3:]
    assert name.endswith(".json") and success in ("True", "False")
