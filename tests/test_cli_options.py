"""The command line as people read and type it: --help, -o and --output, completion, where
messages go, a missing report back-end, and parallel runs without fork (as on Windows)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from clirunner import ROOT, english_environment, run_cli

SHIPPED = ROOT / "cases" / "uppdragil-2024-starka-ledning-och-styrning.yaml"


@pytest.mark.parametrize("command", ["validate", "check", "report", "schema", "init", "criteria show"])
def test_help_shows_metavars_and_defaults_not_python_types(command: str) -> None:
    text = run_cli(*command.split(), "--help").stdout
    assert not re.search(r"<(list|int|path|str|bool)[^>]*>", text), text
    assert "Usage: python -m styraudit" in text


def test_check_help_names_values_and_defaults() -> None:
    text = " ".join(run_cli("check", "--help").stdout.split())
    for shown in (
        "--criteria DIR",
        "--fail-on low|medium|high Lowest severity that fails the run. [default: low]",
        "-f, --format FORMAT",
        "-o PATH",
        "--output FORMAT=PATH",
        "-j, --jobs N Worker processes. [default: all cores] [x>=1]",
        "--exclude GLOB",
        "--root DIR",
    ):
        assert shown in text, shown
    assert "-o, --output" not in text  # on check, --output is FORMAT=PATH, long form only


def test_o_means_one_output_file_everywhere(tmp_path: Path) -> None:
    assert run_cli("report", str(SHIPPED), "-o", str(tmp_path / "r.html")).returncode == 0
    assert run_cli("schema", "-o", str(tmp_path / "s.json")).returncode == 0
    checked = run_cli("check", str(SHIPPED), "-o", str(tmp_path / "fynd.sarif"))
    assert checked.returncode == 1 and checked.stdout == ""
    assert json.loads((tmp_path / "fynd.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"  # the extension chose
    as_text = run_cli("check", str(SHIPPED), "-f", "text", "-o", str(tmp_path / "fynd.json"))
    assert as_text.returncode == 1 and (tmp_path / "fynd.json").read_text(encoding="utf-8").startswith("cases/")


def test_several_formats_go_to_files_with_output(tmp_path: Path) -> None:
    result = run_cli(
        "check", str(SHIPPED), "--output", f"sarif={tmp_path / 'a.sarif'}", "--output", f"junit={tmp_path / 'a.xml'}"
    )
    assert result.returncode == 1 and (tmp_path / "a.sarif").is_file() and (tmp_path / "a.xml").is_file()


@pytest.mark.parametrize(
    "outputs",
    [
        ["--output", "sarif=x.out", "--output", "json=x.out"],
        ["-o", "x.out", "--output", "json=x.out"],
        ["--output", "sarif=x.out", "--output", "json=./sub/../x.out"],
    ],
)
def test_two_outputs_to_the_same_path_are_a_usage_error(tmp_path: Path, outputs: list[str]) -> None:
    (tmp_path / "sub").mkdir()
    result = run_cli("check", str(SHIPPED), *outputs, cwd=tmp_path)
    assert result.returncode == 2 and "is named for two outputs" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.out").exists()


def test_shell_completion_is_enabled() -> None:
    script = Path(sys.executable).parent / "styraudit"  # the console script, as a shell completes it
    env = {**english_environment(dict(os.environ)), "SHELL": "/bin/bash"}
    shown = subprocess.run([str(script), "--show-completion", "bash"], capture_output=True, text=True, env=env)
    assert shown.returncode == 0 and "complete -o default -F _styraudit_completion styraudit" in shown.stdout
    completed = subprocess.run(
        [str(script)],
        capture_output=True,
        text=True,
        env={**env, "_STYRAUDIT_COMPLETE": "complete_bash", "COMP_WORDS": "styraudit check --fa", "COMP_CWORD": "2"},
    )
    assert "--fail-on" in completed.stdout.split()
    assert "--install-completion" in run_cli("--help").stdout


def test_problems_go_to_stderr_findings_and_summaries_to_stdout(tmp_path: Path) -> None:
    broken = tmp_path / "trasig.yaml"
    broken.write_text("schema_version: 1\nid: x\ntittle: y\n", encoding="utf-8")
    for command in (["validate"], ["check"], ["check", "-f", "json"]):
        result = run_cli(*command, str(broken))
        assert result.returncode == 2
        assert f"{broken}:3:1: error: unknown key 'tittle'" in result.stderr, command
        assert "error:" not in result.stdout, command
    report = run_cli("report", str(broken), "-o", str(tmp_path / "r.html"))
    assert report.returncode == 2 and "unknown key 'tittle'" in report.stderr and report.stdout == ""


def test_a_missing_report_back_end_names_the_extra_to_install(tmp_path: Path) -> None:
    """matplotlib shadowed by a module that is not there, as in `pip install styraudit` without the extra."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import sys\nfor name in ('matplotlib', 'docx'):\n    sys.modules[name] = None\n", encoding="utf-8"
    )
    env = {"PYTHONPATH": os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")])}
    for suffix in (".html", ".docx"):
        result = run_cli("report", str(SHIPPED), "-o", str(tmp_path / f"r{suffix}"), env=env)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "pip install 'styraudit[report]'" in result.stderr and not (tmp_path / f"r{suffix}").exists()
    assert run_cli("check", str(SHIPPED), env=env).returncode == 1  # check needs no back-end


def test_parallel_runs_without_fork_spawn_workers_with_the_same_output(tmp_path: Path) -> None:
    """As on Windows: the start method list lacks fork, so the workers are spawned."""
    text = SHIPPED.read_text(encoding="utf-8")
    for i in range(40):  # enough chunks for two workers
        (tmp_path / f"fall-{i:02d}.yaml").write_text(text.replace("\nid: ", f"\nid: n{i}-", 1), encoding="utf-8")
    forked = run_cli("check", ".", "-j", "2", "-f", "json", cwd=tmp_path)
    windows_like = (
        "import multiprocessing, sys\n"
        "import styraudit.commands.parallel as parallel\n"
        "multiprocessing.get_all_start_methods = lambda: ['spawn']\n"
        "seen = []\n"
        "real = multiprocessing.get_context\n"
        "multiprocessing.get_context = lambda method=None: seen.append(method) or real(method)\n"
        "sys.argv = ['styraudit', 'check', '.', '-j', '2', '-f', 'json']\n"
        "from styraudit.entry import main\n"
        "try:\n    main()\nfinally:\n    print(seen, file=sys.stderr)\n"
    )
    spawned = subprocess.run(
        [sys.executable, "-c", windows_like],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=english_environment(dict(os.environ)),
    )
    assert spawned.returncode == forked.returncode == 1, spawned.stderr
    assert "['spawn']" in spawned.stderr
    assert spawned.stdout == forked.stdout


def test_init_writes_a_schema_line_that_resolves_from_the_new_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "uppdrag" / "2025").mkdir(parents=True)
    first = run_cli("init", "uppdrag/a.yaml", cwd=tmp_path)
    assert first.returncode == 0 and (tmp_path / "uppdrag" / "case.schema.json").is_file()
    assert (
        (tmp_path / "uppdrag" / "a.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=case.schema.json\n")
    )
    deeper = run_cli("init", "uppdrag/2025/b.yaml", cwd=tmp_path)  # finds the schema above it in the repository
    line = (tmp_path / "uppdrag" / "2025" / "b.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert deeper.returncode == 0 and line == "# yaml-language-server: $schema=../case.schema.json"
    assert not (tmp_path / "uppdrag" / "2025" / "case.schema.json").exists()
    assert run_cli("validate", "uppdrag", cwd=tmp_path).returncode == 0
    schema = run_cli("schema", cwd=tmp_path).stdout
    assert (tmp_path / "uppdrag" / "case.schema.json").read_text(encoding="utf-8") == schema
