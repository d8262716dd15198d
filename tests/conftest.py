import os

import pytest

from seed_gold import seed_cases

os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


@pytest.fixture(params=seed_cases(), ids=lambda case: case[0].stem[:3])
def seed(request):
    return request.param
