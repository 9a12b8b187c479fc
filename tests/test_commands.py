"""init, criteria list/show, validate on the shipped cases, --version and --help, through the real CLI."""

from __future__ import annotations

from pathlib import Path

import yaml

from clirunner import ROOT, run_cli
from styraudit import __version__


def test_shipped_cases_validate() -> None:
    result = run_cli("validate", "cases")
    assert result.returncode == 0, result.stderr
    shipped = len(list((ROOT / "cases").rglob("*.yaml")))  # the seeds' cases and the real audits in cases/real/
    assert shipped > 3 and result.stdout.strip() == f"{shipped} files validated: {shipped} valid, 0 invalid"


def test_init_writes_a_commented_case_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "nytt.yaml"
    assert run_cli("init", str(target)).returncode == 0
    text = target.read_text(encoding="utf-8")
    assert text.count("\n#") >= 5  # commented for the person filling it in
    assert run_cli("validate", str(target)).returncode == 0


def test_init_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "case.yaml"
    target.write_text("id: mitt\n", encoding="utf-8")
    refused = run_cli("init", str(target))
    assert refused.returncode == 2 and "exists already" in refused.stderr and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "id: mitt\n"
    assert run_cli("init", str(target), "--force").returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_criteria_list_names_every_shipped_criterion() -> None:
    result = run_cli("criteria", "list")
    assert result.returncode == 0
    listed = {line.split()[0] for line in result.stdout.splitlines()}
    files = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "criteria").glob("*.yaml")]
    shipped = {data["id"] for data in files if "retired" not in data}  # a retired id is no criterion to list
    assert listed == shipped


def test_criteria_show_prints_authority_checks_and_parameters() -> None:
    result = run_cli("criteria", "show", "aterrapportering")
    assert result.returncode == 0
    assert "Kommunallagen (2017:725) 6 kap. 6 §" in result.stdout
    assert "Check follow_up_cadence" in result.stdout and "param max_gap_months = 6" in result.stdout
    assert "also cited as: Kommunallagen (1991:900) 6 kap. 7 §" in result.stdout


def test_criteria_show_of_a_retired_id_names_what_replaces_it() -> None:
    result = run_cli("criteria", "show", "kl-6-6")
    assert result.returncode == 2
    assert "criterion 'kl-6-6' is retired" in result.stderr and "namndernas-delaktighet" in result.stderr


def test_criteria_show_unknown_id_suggests_the_right_one() -> None:
    result = run_cli("criteria", "show", "aterapportering")
    assert result.returncode == 2
    assert "unknown criterion 'aterapportering'" in result.stderr and "did you mean 'aterrapportering'?" in result.stderr


def test_version_and_help() -> None:
    assert run_cli("--version").stdout.strip() == f"styraudit {__version__}"
    for command in ("validate", "check", "report", "schema", "init", "criteria"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "Usage: " in result.stdout, command


def test_unknown_option_is_a_usage_error_without_traceback() -> None:
    result = run_cli("check", "cases", "--fail-onn", "high")
    assert result.returncode == 2
    assert "No such option" in result.stderr and "Traceback" not in result.stderr
