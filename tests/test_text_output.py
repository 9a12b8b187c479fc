"""`check`'s text output through the real command line: linter lines when piped, a grouped view on
a terminal, a progress bar only on a watched stderr, input problems on stderr."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from clirunner import ROOT, run_cli
from terminal import run_on_terminal

FINDING = re.compile(
    r"^(?P<path>[^:\s]+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<severity>high|medium|low) (?P<criterion>[a-z0-9-]+): "
    r"(?P<outcome>not fulfilled|partly fulfilled|cannot be assessed): \S(?:.*\S)?$"
)
ANSWER = re.compile(r"^(?P<path>[^:\s]+\.yaml): answer [\w-]+: (Ja|Delvis|Nej|Kan ej bedömas)$")
SUMMARY = re.compile(
    r"^\d+ files? checked \(\d+ invalid\): .+; \d+ failing criteri(on|a) at or above (low|medium|high)(, \d+ waived)?$"
)
ANSI = re.compile(r"\x1b\[")
SHIPPED = "uppdragil-2024-starka-ledning-och-styrning.yaml"


def test_piped_text_is_one_line_per_finding_then_the_answers_then_one_summary() -> None:
    result = run_cli("check", "cases", "-j", "1")  # COLUMNS=160 in the environment: nothing may wrap at it
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert SUMMARY.match(lines[-1]) and not any(SUMMARY.match(line) for line in lines[:-1])
    findings = [FINDING.match(line) for line in lines[:-1] if not ANSWER.match(line)]
    assert all(findings), [line for line in lines[:-1] if not FINDING.match(line) and not ANSWER.match(line)]
    assert any(len(line) > 160 for line in lines), "a long finding stays on one line"
    assert all(line == line.rstrip() and not ANSI.search(line) for line in lines)
    judged = json.loads(run_cli("check", "cases", "-f", "json").stdout)["cases"]
    expected = [(c["file"], x["id"]) for c in judged for x in c["criteria"] if x["outcome"] != "fulfilled"]
    assert [(m["path"], m["criterion"]) for m in findings if m] == expected
    answers = [line for line in lines if ANSWER.match(line)]
    assert len(answers) == sum(len(c["answers"]) for c in judged)


def test_paths_are_relative_to_the_working_directory_and_criteria_named_by_id(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "cases", tmp_path / "cases")
    inside = run_cli("check", str(tmp_path / "cases" / SHIPPED), cwd=tmp_path)
    below = run_cli("check", ".", cwd=tmp_path / "cases")
    for result, prefix in ((inside, f"cases/{SHIPPED}:"), (below, f"{SHIPPED}:")):
        found = [line for line in result.stdout.splitlines()[:-1] if FINDING.match(line)]
        assert found and all(line.startswith(prefix) for line in found if SHIPPED in line), found[:3]
        # A criterion is its id; never the path of its file (site-packages in an installed tool).
        assert "criteria/" not in result.stdout and "site-packages" not in result.stdout and str(tmp_path) not in result.stdout


def test_quiet_lists_only_the_failing_criteria() -> None:
    full = [FINDING.match(line) for line in run_cli("check", "cases").stdout.splitlines()]
    quiet = [FINDING.match(line) for line in run_cli("check", "cases", "--quiet").stdout.splitlines()]
    assert [m.group(0) for m in quiet if m] == [m.group(0) for m in full if m and m["outcome"] != "cannot be assessed"]


def test_input_problems_go_to_stderr_and_a_text_file_keeps_them(tmp_path: Path) -> None:
    (tmp_path / "trasig.yaml").write_text("schema_version: 1\nid: [\n", encoding="utf-8")
    shutil.copy(ROOT / "cases" / SHIPPED, tmp_path)
    result = run_cli("check", ".", "-f", "text", "--output", "text=rapport.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("trasig.yaml:3:1: error: YAML syntax: ")
    assert "error:" not in result.stdout and result.stdout.splitlines()[-1].startswith("2 files checked (1 invalid)")
    written = (tmp_path / "rapport.txt").read_text(encoding="utf-8")
    assert written.startswith("trasig.yaml:3:1: error: ") and written.splitlines()[-1] == result.stdout.splitlines()[-1]


def test_a_terminal_gets_the_findings_grouped_per_file_in_colour() -> None:
    run = run_on_terminal("check", "cases", "-j", "1")
    lines = run.terminal.replace("\r\n", "\n").splitlines()
    assert run.returncode == 1 and ANSI.search(run.terminal)
    headings = [line for line in lines if line.startswith("\x1b[1mcases/")]
    assert len(headings) == len(list((ROOT / "cases").rglob("*.yaml"))) and any(
        "Stärka vår ledning och styrning" in h for h in headings
    ), headings
    assert any(re.match(r"^  \d+:\d+ +high +tydligt-uppdrag  \x1b\[\d+m", line) for line in lines), lines[:8]
    assert not any(FINDING.match(line) for line in lines)  # the linter lines are for pipes and files


def _many_cases(folder: Path, count: int) -> None:
    text = (ROOT / "cases" / SHIPPED).read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"fall-{i:04d}.yaml").write_text(text.replace("\nid: ", f"\nid: n{i}-", 1), encoding="utf-8")


def test_a_long_run_shows_progress_on_a_terminal_stderr_only(tmp_path: Path) -> None:
    _many_cases(tmp_path, 250)  # a few seconds in one process: past the one second before the bar shows
    watched = run_on_terminal("check", ".", "-j", "1", "-q", cwd=tmp_path, stdout=False, stderr=True)
    assert watched.returncode == 1
    assert re.search(r"checking.*\d+/250", watched.terminal), watched.terminal[-300:]
    assert "checking" not in watched.stdout and SUMMARY.match(watched.stdout.splitlines()[-1])
    piped = run_cli("check", ".", "-j", "1", "-q", cwd=tmp_path)
    assert piped.stderr == "" and piped.stdout == watched.stdout
