"""Generated and broken case files through the REAL command line, `python -m styraudit`, many
files per call (a subprocess costs ~0.3 s): `validate DIR` must agree with the library file by
file; `check DIR` (two worker processes, a JSON report to a file, text to stdout) must judge
every valid file, name every invalid one with file:line:col, and leave only its report behind.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from case_strategies import EXTREME_DATES
from harness import assert_cli_agrees, assert_judged, assert_no_stray_files, count, examples, judge, real_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from mutations import Mutant
from test_mutants_validate import case_and_mutants

BATCHES = st.lists(case_and_mutants(data=12, raw=12), min_size=4, max_size=4).map(lambda groups: [m for g in groups for m in g])
AS_OF = st.one_of(st.none(), st.sampled_from([d.isoformat() for d in EXTREME_DATES] + ["2024-06-30"]))


@settings(max_examples=examples(10))
@given(mutants=BATCHES, as_of=AS_OF)
def test_the_real_cli_agrees_with_the_library(mutants: list[Mutant], as_of: str | None) -> None:
    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp):
        root = Path(temp)
        verdicts = judge(mutants, Path("cases"))
        validated = real_cli(["validate", "cases"], cwd=root)
        assert_cli_agrees(verdicts, validated)
        (root / "out").mkdir()
        args = ["check", "cases", "-j", "2", "-f", "text", "--output", "json=out/report.json"]
        checked = real_cli(args + (["--as-of", as_of] if as_of else []), cwd=root)
        count(len(mutants), "library", "real-cli")
        assert_no_stray_files(root / "out", ["report.json"])
        assert_judged(verdicts, checked, root / "out" / "report.json")
