"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

import re

from clirunner import ROOT


def _commands() -> list[str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_has_exactly_two_set_up_commands() -> None:
    assert len(_commands()) == 2


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci.splitlines()


def test_the_first_set_up_command_installs_and_writes_the_report_in_one_line() -> None:
    first = _commands()[0]
    assert "\n" not in first and "pip install '.[report]'" in first
    assert first.endswith("styraudit report cases/verksamhetsstyrningsmodell-2021-2023.yaml -o granskningsrapport.html --force")


def test_the_set_up_states_the_python_version_the_package_needs() -> None:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Set-up", 1)[1].split("\n## ", 1)[0]
    needed = re.search(r'requires-python = ">=(\d+\.\d+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert needed and f"Python {needed[1]} or newer" in section
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n## Report\n" in readme and "`styraudit report CASE -o PATH`" in readme
