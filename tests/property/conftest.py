"""Hypothesis profiles for the property suite, and its one-line summary at the end of the run.

`ci` (the default) is deterministic and sized to run well over 10,000 generated inputs in
about two minutes on two cores; `HYPOTHESIS_PROFILE=thorough` runs ten times the examples with
fresh randomness and the example database, for a longer hunt before a release.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, settings

sys.path.insert(0, str(Path(__file__).parent))  # the suite's helper modules, whatever pytest's import mode

from harness import COUNTS

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much, HealthCheck.large_base_example]
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    # No shrinking in CI: shrinking megabyte inputs can take minutes; a failure prints its
    # (compact) example and a @reproduce_failure blob, and `thorough` shrinks.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[*_SLOW_IS_FINE, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "thorough",
    deadline=None,
    print_blob=True,
    suppress_health_check=[*_SLOW_IS_FINE, HealthCheck.function_scoped_fixture],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def pytest_report_header(config: Any) -> str:
    return f"property suite: hypothesis profile {PROFILE!r}"


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: Any) -> None:
    if not COUNTS:
        return
    ways = ", ".join(f"{COUNTS[k]:,} {k}" for k in ("library", "in-process", "real-cli") if COUNTS[k])
    terminalreporter.write_line(
        f"property suite: {COUNTS['inputs']:,} generated inputs ({ways}), "
        f"{COUNTS['tracebacks']} tracebacks, {COUNTS['partial files']} partial files"
    )
