"""Output files after failing runs: never half written, never a stray temporary file, and an
existing file is left byte for byte as it was when a run fails.

- `check --output json=PATH` with a broken criteria pack (a shipped criterion, mutated): the run
  either fails before writing (PATH absent or untouched) or writes a complete report;
- `report CASE -o PATH` on generated and broken cases, .md/.html/.docx, with and without an
  existing PATH and --force: exit 0 and a complete file, or exit 2 and PATH absent or untouched.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
import zipfile
from pathlib import Path

from case_strategies import ROOT
from harness import (
    Run,
    assert_no_stray_files,
    cached_criteria,
    count,
    error_files,
    examples,
    in_process,
    judge,
    real_cli,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from mutations import Mutant, byte_mutants, data_mutants
from test_mutants_validate import case_and_mutants

from styraudit.load.yamldoc import load_file

SHIPPED_CRITERIA = {p.name: p.read_bytes() for p in sorted((ROOT / "criteria").glob("*.yaml"))}
PREVIOUS = b"the previous output, which a failing run must not touch\n"
CASE = (ROOT / "templates" / "init" / "case.yaml").read_bytes()


@st.composite
def broken_criteria(draw: st.DrawFn) -> tuple[str, Mutant]:
    """A shipped criterion file with one mutation of its data or its bytes."""
    name = draw(st.sampled_from(sorted(SHIPPED_CRITERIA)))
    text = SHIPPED_CRITERIA[name]
    if draw(st.booleans()):
        return name, draw(byte_mutants(text))
    return name, draw(data_mutants(load_file(str(ROOT / "criteria" / name)).data))


def assert_untouched_or_absent(path: Path, existed: bool) -> None:
    if existed:
        assert path.read_bytes() == PREVIOUS, "a failing run changed an existing output"
    else:
        assert not path.exists(), "a failing run left an output behind"


def assert_complete(path: Path) -> None:
    """A written output is whole: JSON parses, Markdown/HTML end properly, a .docx is a sound zip."""
    data = path.read_bytes()
    if path.suffix == ".json":
        json.loads(data)
    elif path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None and "word/document.xml" in archive.namelist()
    else:
        text = data.decode("utf-8")
        assert text.strip(), "an empty report"
        if path.suffix == ".html":
            assert text.rstrip().endswith("</html>"), text[-200:]


def assert_errors_placed(run: Run) -> None:
    """A failing run says where: every error line has the file:line:col (or file:) shape."""
    assert error_files(run.stderr + "\n" + run.stdout), run.stderr


@settings(max_examples=examples(100))
@given(criterion=broken_criteria(), existed=st.booleans())
def test_check_output_is_complete_or_untouched(criterion: tuple[str, Mutant], existed: bool) -> None:
    name, mutant = criterion
    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp):
        Path("crit").mkdir()
        Path("out").mkdir()
        Path("crit", name).write_bytes(mutant.data)
        Path("case.yaml").write_bytes(CASE)
        report = Path("out/report.json")
        if existed:
            report.write_bytes(PREVIOUS)
        args = ["check", "case.yaml", "--no-default-criteria", "--criteria", "crit", "-j", "1", "-f", "text"]
        run = in_process([*args, "--output", f"json={report}"])
        count(1, "in-process")
        assert_no_stray_files(Path("out"), ["report.json"] if report.exists() else [])
        if report.exists() and report.read_bytes() != PREVIOUS:
            assert_complete(report)
            assert json.loads(report.read_bytes())["summary"]["exit_code"] == run.code
        else:
            assert run.code == 2, (mutant.label, run.stdout, run.stderr)
            assert_untouched_or_absent(report, existed)
            assert_errors_placed(run)
            assert f"crit/{name}" in run.stderr, run.stderr


REPORT_FORMATS = st.sampled_from([".md", ".html", ".docx"])


@settings(max_examples=examples(60))
@given(mutants=case_and_mutants(data=1, raw=1), suffix=REPORT_FORMATS, existed=st.booleans(), force=st.booleans())
def test_report_output_is_complete_or_absent(mutants: list[Mutant], suffix: str, existed: bool, force: bool) -> None:
    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp), cached_criteria():
        verdicts = judge(mutants, Path("cases"))
        Path("out").mkdir()
        for index, file in enumerate(verdicts):
            output = Path("out", f"report-{index}{suffix}")
            if existed:
                output.write_bytes(PREVIOUS)
            run = in_process(["report", file, "-o", str(output), *(["--force"] if force else [])])
            count(1, "in-process")
            assert run.code in (0, 2), run.stderr
            if run.code == 0:
                assert not verdicts[file] and (force or not existed)
                assert_complete(output)
            else:
                # refused: an invalid case, an existing file without --force, or an audit question naming no
                # criterion or a retired one (kl-6-6 is dissolved into its successors)
                named_wrongly = "unknown criterion" in run.stderr or "is retired" in run.stderr
                assert verdicts[file] or (existed and not force) or named_wrongly, run.stderr
                assert_untouched_or_absent(output, existed)
                assert_errors_placed(run)
        assert_no_stray_files(Path("out"), [p.name for p in Path("out").iterdir() if not p.name.startswith(".")])


@settings(max_examples=examples(3))
@given(mutants=case_and_mutants(data=1, raw=1), criterion=broken_criteria(), suffix=REPORT_FORMATS)
def test_outputs_through_the_real_cli(mutants: list[Mutant], criterion: tuple[str, Mutant], suffix: str) -> None:
    with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp):
        root = Path(temp)
        verdicts = judge(mutants, Path("cases"))
        Path("out").mkdir()
        for index, file in enumerate(verdicts):
            output = Path("out", f"report-{index}{suffix}")
            run = real_cli(["report", file, "-o", str(output)], cwd=root)
            assert run.code == (2 if verdicts[file] or "unknown criterion" in run.stderr else 0), run.stderr
            assert_complete(output) if run.code == 0 else assert_untouched_or_absent(output, False)
        name, mutant = criterion
        Path("crit").mkdir()
        Path("crit", name).write_bytes(mutant.data)
        Path("out", "check.json").write_bytes(PREVIOUS)
        args = ["check", "cases", "--no-default-criteria", "--criteria", "crit", "--output", "json=out/check.json"]
        run = real_cli(args, cwd=root)
        count(len(mutants) + 1, "real-cli")
        if Path("out", "check.json").read_bytes() != PREVIOUS:
            assert_complete(Path("out", "check.json"))
        else:
            assert run.code == 2 and f"crit/{name}" in run.stderr, run.stderr
        assert_no_stray_files(Path("out"), [p.name for p in Path("out").iterdir() if not p.name.startswith(".")])
