"""Shared test helper: run the real command line as a user would (imported by the test modules)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# The tests read the English messages unless they ask for a locale: whatever the machine's locale is.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def english_environment(environ: dict[str, str]) -> dict[str, str]:
    """`environ` without locale settings, in English (UTF-8)."""
    env = {k: v for k, v in environ.items() if k not in LOCALE_VARIABLES}
    return {**env, "LANG": "C.UTF-8"}


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m styraudit ARGS` in a subprocess, with no terminal, and capture its output; `env` adds variables."""
    environment = {**english_environment(dict(os.environ)), "NO_COLOR": "1", "COLUMNS": "160", **(env or {})}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "styraudit", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
    )
