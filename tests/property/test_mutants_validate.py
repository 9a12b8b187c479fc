"""Generated case files, broken in every way the mutations know, through `validate` in process.

Per example: one valid case and eight mutants of it (four of the data, four of the bytes). The
library's verdict on each file is the oracle; `styraudit validate DIR` (typer app, CliRunner)
must agree with it file by file, print exactly the library's problems as `file:line:col: error:`
lines, and exit 0 when all are valid, 2 otherwise.
"""

from __future__ import annotations

from case_strategies import dump, valid_cases, yaml_styles
from harness import examples, validate_agrees
from hypothesis import given, settings
from hypothesis import strategies as st
from mutations import Mutant, byte_mutants, data_mutants


@st.composite
def case_and_mutants(draw: st.DrawFn, data: int = 4, raw: int = 4) -> list[Mutant]:
    case = draw(valid_cases())
    text = dump(case, draw(yaml_styles())).encode("utf-8")
    mutants = [Mutant(text, "the valid case")]
    mutants += [draw(data_mutants(case)) for _ in range(data)]
    mutants += [draw(byte_mutants(text)) for _ in range(raw)]
    return mutants


@settings(max_examples=examples(600))
@given(mutants=case_and_mutants())
def test_validate_agrees_with_the_library_on_every_mutant(mutants: list[Mutant]) -> None:
    validate_agrees(mutants)
