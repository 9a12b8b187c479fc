"""The shipped real cases (cases/*.yaml), broken: their data mutated and re-serialised, or their
bytes mutated in place. Through `validate` and `check` in process, the library as the oracle."""

from __future__ import annotations

import tempfile
from pathlib import Path

from case_strategies import ROOT, dump, yaml_styles
from harness import check_judges, examples, judge, validate_agrees
from hypothesis import given, settings
from hypothesis import strategies as st
from mutations import Mutant, byte_mutants, data_mutants

from styraudit.load.yamldoc import load_file

REAL = {path.name: (path.read_bytes(), load_file(str(path)).data) for path in sorted((ROOT / "cases").glob("*.yaml"))}


@st.composite
def real_mutants(draw: st.DrawFn, data: int = 3, raw: int = 3) -> list[Mutant]:
    name = draw(st.sampled_from(sorted(REAL)))
    text, case = REAL[name]
    mutants = [Mutant(dump(case, draw(yaml_styles())).encode("utf-8"), f"{name} re-serialised")]
    mutants += [draw(data_mutants(case)) for _ in range(data)]
    mutants += [draw(byte_mutants(text)) for _ in range(raw)]
    return mutants


def test_the_real_cases_validate_as_shipped_and_re_serialised() -> None:
    for name, (text, case) in REAL.items():
        with tempfile.TemporaryDirectory() as temp:
            mutants = [Mutant(text, name), Mutant(dump(case).encode("utf-8"), f"{name} re-serialised")]
            verdicts = judge(mutants, Path(temp))
            assert not any(verdicts.values()), verdicts


@settings(max_examples=examples(100))
@given(mutants=real_mutants())
def test_validate_on_broken_real_cases(mutants: list[Mutant]) -> None:
    validate_agrees(mutants)


@settings(max_examples=examples(60))
@given(mutants=real_mutants(data=2, raw=2))
def test_check_on_broken_real_cases(mutants: list[Mutant]) -> None:
    check_judges(mutants)
