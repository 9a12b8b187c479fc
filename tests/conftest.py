"""Fixtures shared by the test modules."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

from clirunner import english_environment, run_cli

# In-process tests read English messages too, whatever the machine's locale (styraudit.text.i18n reads these).
_ENGLISH = english_environment(dict(os.environ))
os.environ.clear()
os.environ.update(_ENGLISH)


@pytest.fixture
def cli() -> Callable[..., Any]:
    """Run the real command line in a subprocess: `cli("check", path)`."""
    return run_cli
