"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from clirunner import run_cli


@pytest.fixture
def cli() -> Callable[..., Any]:
    """Run the real command line in a subprocess: `cli("check", path)`."""
    return run_cli
