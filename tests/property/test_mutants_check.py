"""Generated and broken case files through `check` in process, with a JSON report written to a file.

The criteria pack is loaded once per session here (loading it costs ~80 ms per run); the real
command line, pack loading included, is exercised by test_real_cli.py. Properties: exit 0, 1 or
2 and 2 exactly when a file is invalid; every invalid file is named with file:line:col on
stdout and in the JSON; a file that validates is always judged (a check never fails on it); the
JSON report is complete and nothing else is left in its folder.
"""

from __future__ import annotations

from harness import check_judges, examples
from hypothesis import given, settings
from mutations import Mutant
from test_mutants_validate import case_and_mutants


@settings(max_examples=examples(120))
@given(mutants=case_and_mutants(data=3, raw=3))
def test_check_judges_valid_files_and_places_every_problem(mutants: list[Mutant]) -> None:
    check_judges(mutants)
