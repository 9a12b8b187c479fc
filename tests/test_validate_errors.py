"""Every kind of input mistake gets its own message with file:line:col, through the real CLI, exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clirunner import ROOT, run_cli

INVALID = Path(__file__).parent / "inputs" / "invalid"
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (.*?)(?: \| (.*))?$")


def _expectation(path: Path) -> tuple[int, int, str, str | None]:
    sidecar = path.with_suffix(".expect")
    first = (sidecar if sidecar.exists() else path).read_bytes().split(b"\n", 1)[0].decode("utf-8")
    match = EXPECT.match(first)
    assert match, f"{path} has no '# expect: line:col message' first line"
    return int(match[1]), int(match[2]), match[3], match[4]


@pytest.mark.parametrize("path", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_case_is_reported_with_its_place(path: Path) -> None:
    line, column, message, hint = _expectation(path)
    result = run_cli("validate", str(path.relative_to(ROOT)))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    where = f"{path.relative_to(ROOT)}:{line}:{column}: error: "
    assert any(where in row and message in row for row in result.stderr.splitlines()), result.stderr
    if hint:
        assert hint in result.stderr, result.stderr
    assert "1 invalid" in result.stdout


def test_every_problem_of_every_file_is_reported() -> None:
    result = run_cli("validate", "tests/inputs/invalid/unknown-body.yaml", "tests/inputs/invalid/misspelt-key.yaml")
    assert result.returncode == 2
    assert "unknown-body.yaml:15:9" in result.stderr and "misspelt-key.yaml:5:1" in result.stderr
    assert "2 files validated: 0 valid, 2 invalid" in result.stdout


def test_oversize_file(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("title: " + "x" * 2_100_000 + "\n")
    result = run_cli("validate", str(big))
    assert result.returncode == 2
    assert f"{big}: error: the file is " in result.stderr and "over the limit of 2097152" in result.stderr
    raised = run_cli("validate", str(big), "--limit", "max_file_bytes=3000000", "--limit", "max_string_chars=3000000")
    assert "over the limit" not in raised.stderr and "a case file is a mapping" not in raised.stderr


def test_deep_nesting_is_refused_before_the_parser_crashes(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 200_000 + "\n")
    result = run_cli("validate", str(deep))
    assert result.returncode == 2, result.stderr
    assert f"{deep}:1:" in result.stderr and "nests deeper than 64 levels" in result.stderr


def test_nul_byte(tmp_path: Path) -> None:
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(b"id: a\ntitle: b\x00c\n")
    result = run_cli("validate", str(nul))
    assert result.returncode == 2
    assert f"{nul}:2:9: error:" in result.stderr and "control characters" in result.stderr


def test_unknown_limit_is_a_usage_error() -> None:
    result = run_cli("validate", "cases", "--limit", "max_filesize=1")
    assert result.returncode == 2
    assert "unknown limit 'max_filesize'" in result.stderr and "max_file_bytes" in result.stderr


def test_missing_path_is_a_usage_error() -> None:
    result = run_cli("validate", "no/such/file.yaml")
    assert result.returncode == 2
    assert "no/such/file.yaml: error: no such file or directory" in result.stderr


def test_validate_never_writes(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    original = (INVALID / "duplicate-key.yaml").read_bytes()
    case.write_bytes(original)
    run_cli("validate", str(case))
    assert case.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]
