"""Running generated inputs through styraudit three ways, and the properties every run must keep.

- the library: `yamlload.load_bytes` + `loading.validate_document` (the oracle for validity);
- in process: the typer app through `typer.testing.CliRunner`, or a command function;
- the real command line: `python -m styraudit` in a subprocess, many files per call.

Whatever the input: exit 0, 1 or 2; on 2 every message names the file and, except for
whole-file limits, a line and column; never a traceback; no partial or stray output files.
`COUNTS` tallies what ran, for the summary line printed by conftest.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

from mutations import Mutant
from typer.testing import CliRunner

from styraudit.cli import app
from styraudit.engine import criteria as criteria_module
from styraudit.engine.question_criteria import unknown_criteria
from styraudit.errors import InputError, Problem
from styraudit.load.case import validate_document
from styraudit.load.limits import DEFAULT_LIMITS, Limits
from styraudit.load.yamldoc import load_bytes
from styraudit.text.messages import format_problem

ROOT = Path(__file__).resolve().parents[2]
COUNTS: Counter[str] = Counter()

# `file:line:col: error: message`, or `file: error: message` for whole-file problems (size,
# reading) and for output files (exists, unknown format, no such folder).
PLACED = re.compile(r"^(?P<file>.+?):(?P<line>[1-9]\d*):(?P<column>[1-9]\d*): error: \S")
FILE_ONLY = re.compile(
    r"^(?P<file>.+?): error: (?:the file is \d+ bytes|cannot read the file|the file exists already"
    r"|unknown report format|the folder .+ does not exist|the output is)"
)
WHOLE_FILE = re.compile(r"the file is \d+ bytes, over the limit|cannot read the file")


def count(n: int, *ways: str) -> None:
    """Tally `n` generated inputs, and each way they went through the tool (library, in-process, real-cli)."""
    COUNTS["inputs"] += n
    for way in ways:
        COUNTS[way] += n


def examples(ci: int) -> int:
    """Examples for one test: `ci` under the default profile, ten times as many under `thorough`."""
    return ci * 10 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else ci


def library_problems(data: bytes, name: str) -> list[Problem]:
    """The library's verdict: [] for a valid case, else its problems (a question naming a criterion the
    shipped pack lacks included, as `validate` checks it). Any other exception escapes and fails the test."""
    try:
        loaded = validate_document(load_bytes(data, name))
    except InputError as error:
        assert error.problems, "an InputError must carry at least one problem"
        return list(error.problems)
    return unknown_criteria(loaded, _shipped_pack()) if loaded.case.audit is not None else []


@cache
def _shipped_pack() -> Any:
    return _LOAD_PACK([criteria_module.default_pack_dir()])


def assert_placed(problems: Iterable[Problem], name: str) -> None:
    """Every problem names the file, and a line and column unless it is about the whole file."""
    for problem in problems:
        assert problem.location.file == name, problem
        assert problem.message.strip(), problem
        if not WHOLE_FILE.match(problem.message):
            assert problem.location.line >= 1 and problem.location.column >= 1, problem


def assert_no_traceback(*texts: str) -> None:
    for text in texts:
        if "Traceback" in text:
            COUNTS["tracebacks"] += 1
            raise AssertionError(f"a traceback was printed:\n{text[-3000:]}")


def error_files(stderr: str) -> dict[str, list[str]]:
    """The `error:` lines of a run by file; fails on an error line that does not have the required shape."""
    found: dict[str, list[str]] = {}
    for line in stderr.splitlines():
        if ": error: " not in line or line.startswith(" "):
            continue
        match = PLACED.match(line) or FILE_ONLY.match(line)
        assert match, f"an error line without file:line:col: {line!r}"
        found.setdefault(match["file"], []).append(line)
    return found


@dataclass(frozen=True)
class Run:
    """What a command did: exit code and output streams."""

    code: int
    stdout: str
    stderr: str


_RUNNER = CliRunner()


def in_process(args: Sequence[str]) -> Run:
    """Invoke the typer app in this process; an exception other than SystemExit is a traceback."""
    result = _RUNNER.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "200", "GITHUB_ACTIONS": None})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        COUNTS["tracebacks"] += 1
        raise AssertionError(f"styraudit {' '.join(args)} raised {result.exception!r}") from result.exception
    run = Run(result.exit_code, result.stdout, result.stderr)
    assert_run(run)
    return run


def real_cli(args: Sequence[str], cwd: Path, timeout: float = 120) -> Run:
    """Run `python -m styraudit ARGS` in a subprocess, as a user or a CI job would."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run(
        [sys.executable, "-m", "styraudit", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )
    run = Run(done.returncode, done.stdout, done.stderr)
    assert_run(run)
    return run


def assert_run(run: Run) -> None:
    """Exit 0, 1 or 2 and never a traceback, whatever the input."""
    assert_no_traceback(run.stdout, run.stderr)
    assert run.code in (0, 1, 2), f"exit {run.code}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"


def assert_no_stray_files(folder: Path, expected: Iterable[str]) -> None:
    """Only the expected names in `folder`: no temporary or half-written outputs left behind."""
    extra = sorted(p.name for p in folder.iterdir() if p.name not in set(expected))
    if extra:
        COUNTS["partial files"] += 1
        raise AssertionError(f"files left behind in {folder}: {extra}")


def write_inputs(folder: Path, inputs: Sequence[bytes], prefix: str = "case") -> list[Path]:
    """Write each input as `<prefix>-NNNN.yaml` in `folder` (created if needed); returns the paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, data in enumerate(inputs):
        path = folder / f"{prefix}-{index:04d}.yaml"
        path.write_bytes(data)
        paths.append(path)
    return paths


def judge(mutants: list[Mutant], folder: Path) -> dict[str, list[Problem]]:
    """Write the inputs, check each with the library (expectations included); the verdicts by printed file name."""
    verdicts: dict[str, list[Problem]] = {}
    for path, mutant in zip(write_inputs(folder, [m.data for m in mutants]), mutants, strict=True):
        problems = library_problems(mutant.data, str(path))
        assert_placed(problems, str(path))
        if mutant.expect_invalid:
            assert problems, f"{mutant.label}: the broken file was accepted"
        if mutant.expect_message:
            assert any(mutant.expect_message in p.message for p in problems), (mutant.label, problems)
        verdicts[str(path)] = problems
    return verdicts


def assert_cli_agrees(verdicts: dict[str, list[Problem]], run: Any) -> None:
    """validate printed exactly the library's problems, file by file, and exited accordingly."""
    invalid = {file: problems for file, problems in verdicts.items() if problems}
    printed = error_files(run.stderr)
    assert set(printed) == set(invalid), (sorted(printed), sorted(invalid))
    for file, problems in invalid.items():
        assert printed[file] == [format_problem(p).split("\n")[0] for p in problems]
    assert run.code == (2 if invalid else 0)
    assert f"{len(verdicts) - len(invalid)} valid, {len(invalid)} invalid" in run.stdout


_LOAD_PACK = criteria_module.load_pack  # the real loader, before cached_criteria() patches it


@cache
def _pack(directories: tuple[Path, ...], limits: Limits) -> Any:
    return _LOAD_PACK(list(directories), limits)


@contextlib.contextmanager
def cached_criteria() -> Iterator[None]:
    """Load each criteria pack once for the whole test session, in every command (they share the engine's session)."""
    cached = lambda dirs, limits=DEFAULT_LIMITS: _pack(tuple(dirs), limits)  # noqa: E731
    with mock.patch("styraudit.engine.criteria.load_pack", cached):  # the session imports it when it loads the pack
        yield


def assert_complete_report(report_path: Path, verdicts: dict[str, list[Any]], code: int) -> dict[str, Any]:
    """The JSON report lists every file once, invalid ones with placed problems, and the run's exit code."""
    report = json.loads(report_path.read_text(encoding="utf-8"))
    cases = {case["file"]: case for case in report["cases"]}
    assert sorted(cases) == sorted(verdicts)
    assert report["summary"]["exit_code"] == code and report["summary"]["files"] == len(verdicts)
    for file, case in cases.items():
        for problem in case["problems"]:
            assert problem["file"] == file and problem["line"] >= 1 and problem["column"] >= 1, problem
    return cases


def assert_judged(verdicts: dict[str, list[Problem]], run: Run, report_path: Path) -> None:
    """A check run agrees with the library: invalid files are named (stderr and JSON), valid ones judged."""
    cases = assert_complete_report(report_path, verdicts, run.code)
    printed = error_files(run.stderr)  # input problems go to stderr in every command
    for file, problems in verdicts.items():
        if problems:
            assert file in printed and cases[file]["status"] == "invalid", file
        else:  # a valid file is judged; at most an audit question may name a criterion the pack lacks
            codes = {p["code"] for p in cases[file]["problems"]}
            assert codes <= {"unknown-id"}, (file, cases[file]["problems"])
    assert (run.code == 2) == any(c["status"] == "invalid" for c in cases.values())


def validate_agrees(mutants: list[Mutant]) -> None:
    """`validate` in-process reports exactly what the library finds in each mutant."""
    import tempfile

    with tempfile.TemporaryDirectory() as temp:
        verdicts = judge(mutants, Path(temp) / "cases")
        run = in_process(["validate", str(Path(temp) / "cases")])
        count(len(mutants), "library", "in-process")
        assert_cli_agrees(verdicts, run)


def check_judges(mutants: list[Mutant]) -> None:
    """`check` in-process judges every valid mutant, places every problem, and writes its JSON whole."""
    import tempfile

    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp), cached_criteria():
        verdicts = judge(mutants, Path("cases"))
        Path("out").mkdir()
        run = in_process(["check", "cases", "-j", "1", "-f", "text", "--output", "json=out/report.json"])
        count(len(mutants), "library", "in-process")
        assert_no_stray_files(Path("out"), ["report.json"])
        assert_judged(verdicts, run, Path("out/report.json"))
