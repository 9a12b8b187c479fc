"""Every input that once broke the tool (found by the property suite or the fuzzer), replayed
through the real command line: exit 0, 1 or 2, never a traceback; an invalid file is named with
file:line:col (or file: for whole-file limits); a valid file is judged by every check and
makes a whole report without warnings.

Add a file to tests/regressions/ and a line to its README.md saying what broke and what fixed it.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from clirunner import ROOT, run_cli

REGRESSIONS = Path(__file__).parent / "regressions"
FILES = sorted(p for p in REGRESSIONS.iterdir() if p.suffix in (".yaml", ".yml"))
PLACED = re.compile(r"^(?P<file>\S.*?):(?:\d+:\d+: error: |\s*error: )")


@pytest.fixture(scope="module")
def runs() -> dict[str, subprocess.CompletedProcess[str]]:
    """validate and check over the whole folder once each (a subprocess costs ~0.3 s)."""
    folder = str(REGRESSIONS.relative_to(ROOT))
    return {
        "validate": run_cli("validate", folder),
        "check": run_cli("check", folder, "-j", "1", "--format", "json", "--as-of", "2026-01-01"),
        "text": run_cli("check", folder, "-j", "1"),
    }


def test_every_regression_is_documented() -> None:
    readme = (REGRESSIONS / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in FILES if p.name not in readme]
    assert not missing, f"describe these in tests/regressions/README.md: {missing}"


@pytest.mark.parametrize("name", [p.name for p in FILES])
def test_regression_input_gets_an_answer_not_a_traceback(name: str, runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    file = f"{REGRESSIONS.relative_to(ROOT)}/{name}"
    for run in runs.values():
        assert run.returncode in (0, 1, 2), run.stderr
        assert "Traceback" not in run.stdout + run.stderr, run.stderr
    validated = runs["validate"]
    named = [line for line in validated.stderr.splitlines() if line.startswith(file + ":")]
    assert all(PLACED.match(line) and PLACED.match(line)["file"] == file for line in named), named
    case = next(c for c in json.loads(runs["check"].stdout)["cases"] if c["file"] == file)
    if named:
        assert case["status"] == "invalid" and case["problems"], case
        text_lines = runs["text"].stderr.splitlines()  # input problems go to stderr, findings to stdout
        assert any(line.startswith(f"{file}:") and ": error: " in line for line in text_lines), text_lines
    else:
        assert case["status"] != "invalid", case["problems"]


@pytest.mark.parametrize("name", [p.name for p in FILES])
def test_valid_regression_input_makes_a_whole_report(
    name: str, runs: dict[str, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    file = f"{REGRESSIONS.relative_to(ROOT)}/{name}"
    if any(line.startswith(file + ":") for line in runs["validate"].stderr.splitlines()):
        pytest.skip("invalid input: no report to make")
    output = tmp_path / "report.html"
    result = run_cli("report", file, "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"wrote {output}", result.stderr  # no warnings, no noise
    assert output.read_text(encoding="utf-8").rstrip().endswith("</html>")
