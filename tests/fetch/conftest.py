"""Fixtures of the fetch tests; the server and helpers live in fetch_testkit.py."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from fetch_testkit import FaultServer, free_port, serving


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with serving() as srv:
        yield srv


@pytest.fixture
def closed_port() -> int:
    return free_port()
