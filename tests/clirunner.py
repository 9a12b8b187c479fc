"""Shared test helper: run the real command line as a user would (imported by the test modules)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `python -m styraudit ARGS` in a subprocess, with no terminal, and capture its output."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "160"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "styraudit", *args], cwd=cwd or ROOT, capture_output=True, text=True, timeout=timeout, env=env
    )
