"""The CI gate over a repository: config discovery, exit codes, waivers, baseline, parallel order."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from clirunner import run_cli

REPO = Path(__file__).parent / "repo"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(REPO, target)
    return target


def _config(repo: Path, extra: str) -> None:
    (repo / "styraudit.yaml").write_text((REPO / "styraudit.yaml").read_text(encoding="utf-8") + extra, encoding="utf-8")


WAIVER = """waivers:
  - criterion: beslut-diarienummer
    files: ["cases/bad.yaml"]
    motivation: Diarienumret kompletteras vid nästa sammanträde.
    decided_by: Revisionskontoret
    expires: {expires}
"""


def test_one_failing_case_fails_the_run(repo: Path) -> None:
    result = run_cli("check", "cases", cwd=repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cases/bad.yaml" in result.stdout and "beslut-diarienummer" in result.stdout
    assert "broken.yaml" not in result.stdout + result.stderr  # excluded by the config


def test_a_valid_waiver_passes_the_run_and_shows_the_waiver(repo: Path) -> None:
    _config(repo, WAIVER.format(expires="2099-12-31"))
    result = run_cli("check", "cases", "--format", "json", cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    cases = {c["case_id"]: c for c in json.loads(result.stdout)["cases"]}
    waived = cases["bad"]["criteria"][0]
    assert waived["waiver"]["motivation"].startswith("Diarienumret") and waived["outcome"] == "partly_fulfilled"


def _configuration_findings(stdout: str) -> list[str]:
    """The ids of the findings about the configuration itself (its waivers), judged once per run."""
    entries = [c for c in json.loads(stdout)["cases"] if c.get("extra", {}).get("configuration")]
    return [x["id"] for c in entries for x in c["criteria"]]


def test_an_expired_waiver_fails_the_run_once(repo: Path) -> None:
    _config(repo, WAIVER.format(expires="2024-06-30"))
    result = run_cli("check", "cases", "--format", "json", "--as-of", "2025-01-01", cwd=repo)
    assert result.returncode == 1
    assert _configuration_findings(result.stdout) == ["waiver-expired"]
    cases = json.loads(result.stdout)["cases"]
    assert all("waiver-expired" not in [x["id"] for x in c["criteria"]] for c in cases if c["case_id"])


def test_an_unused_waiver_is_reported(repo: Path) -> None:
    _config(repo, WAIVER.format(expires="2099-12-31").replace("cases/bad.yaml", "cases/ok.yaml"))
    result = run_cli("check", "cases", "--format", "json", cwd=repo)
    assert _configuration_findings(result.stdout) == ["waiver-unused"]
    assert result.returncode == 1  # bad.yaml still fails


def test_a_waiver_whose_glob_matches_no_file_is_reported_at_its_line(repo: Path) -> None:
    _config(repo, WAIVER.format(expires="2099-12-31").replace("cases/bad.yaml", "cases/2019-*.yaml"))
    result = run_cli("check", "cases", "--fail-on", "low", cwd=repo)
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if "waiver-unused" in line)
    assert re.match(r"styraudit\.yaml:\d+:\d+: low waiver-unused: not fulfilled: ", line), line
    written = (repo / "styraudit.yaml").read_text(encoding="utf-8").splitlines()
    assert written[int(line.split(":")[1]) - 1].lstrip().startswith("- criterion: beslut-diarienummer")


def test_a_partial_run_does_not_call_a_waiver_unused(repo: Path) -> None:
    """pre-commit passes only the changed files: a waiver for other files is not judged unused then."""
    _config(repo, WAIVER.format(expires="2099-12-31"))
    result = run_cli("check", "cases/ok.yaml", "--format", "json", cwd=repo)
    assert _configuration_findings(result.stdout) == [] and result.returncode == 0


def test_with_a_baseline_only_new_findings_fail(repo: Path) -> None:
    written = run_cli("check", "cases", "--write-baseline", "baseline.json", cwd=repo)
    assert written.returncode == 1
    assert run_cli("check", "cases", "--baseline", "baseline.json", cwd=repo).returncode == 0
    # Moving the finding's lines does not make it new: the key is the YAML path, not the line.
    bad = repo / "cases" / "bad.yaml"
    bad.write_text("# en ny kommentar\n\n" + bad.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("check", "cases", "--baseline", "baseline.json", cwd=repo).returncode == 0
    shutil.copy(bad, repo / "cases" / "new.yaml")
    (repo / "cases" / "new.yaml").write_text(bad.read_text(encoding="utf-8").replace("id: bad", "id: new"), encoding="utf-8")
    result = run_cli("check", "cases", "--baseline", "baseline.json", "--format", "json", cwd=repo)
    assert result.returncode == 1
    failing = {c["case_id"] for c in json.loads(result.stdout)["cases"] for x in c["criteria"] if x["failing"]}
    assert failing == {"new"}


def test_a_file_that_fails_to_load_is_reported_and_the_rest_checked(repo: Path) -> None:
    shutil.copy(repo / "cases" / "drafts" / "broken.yaml", repo / "cases" / "broken.yaml")
    result = run_cli("check", "cases", "--format", "json", cwd=repo)
    assert result.returncode == 2
    statuses = {c["file"]: c["status"] for c in json.loads(result.stdout)["cases"]}
    assert statuses == {"cases/bad.yaml": "ok", "cases/broken.yaml": "invalid", "cases/ok.yaml": "ok"}


def test_excluded_files_are_skipped_even_when_named(repo: Path) -> None:
    result = run_cli("check", "cases/drafts/broken.yaml", "cases/ok.yaml", "--list-files", cwd=repo)
    assert result.stdout.splitlines() == ["cases/ok.yaml", "cases/drafts/broken.yaml: skipped: excluded by cases/drafts"]


def test_show_config_names_each_origin(repo: Path) -> None:
    result = run_cli("check", "--show-config", "--fail-on", "high", cwd=repo)
    assert result.returncode == 0
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line and not line.startswith("#"))
    assert lines["fail-on"] == "high  # command line"
    assert lines["exclude"] == "[cases/drafts]  # " + str(repo / "styraudit.yaml")
    assert lines["  max_depth"] == "64  # default"


def test_list_files_respects_exclude(repo: Path) -> None:
    result = run_cli("check", "cases", "--list-files", cwd=repo)
    selected = [line for line in result.stdout.splitlines() if ": skipped: " not in line]
    assert selected == ["cases/bad.yaml", "cases/ok.yaml"]


def test_config_in_pyproject_is_found_from_a_subfolder(repo: Path) -> None:
    (repo / "styraudit.yaml").unlink()
    (repo / "pyproject.toml").write_text(
        '[tool.styraudit]\ncriteria = ["rules"]\ndefault-criteria = false\nfail-on = "high"\n', encoding="utf-8"
    )
    result = run_cli("check", "bad.yaml", cwd=repo / "cases")
    assert result.returncode == 0, result.stdout + result.stderr  # the medium finding is below fail-on high
    assert "beslut-diarienummer" in result.stdout


def test_a_misspelt_setting_names_its_place(repo: Path) -> None:
    (repo / "styraudit.yaml").write_text("criteria: [rules]\nfail_onn: high\n", encoding="utf-8")
    result = run_cli("check", "cases", cwd=repo)
    assert result.returncode == 2
    assert "styraudit.yaml:2:1: error: unknown setting 'fail_onn'" in result.stderr and "fail-on" in result.stderr


def test_output_order_is_the_same_whatever_the_parallelism(repo: Path) -> None:
    template = (repo / "cases" / "bad.yaml").read_text(encoding="utf-8")
    for index in range(60):
        (repo / "cases" / f"many-{index:03d}.yaml").write_text(template.replace("id: bad", f"id: many-{index}"), encoding="utf-8")
    one = run_cli("check", "cases", "--format", "json", "--jobs", "1", cwd=repo)
    two = run_cli("check", "cases", "--format", "json", "--jobs", "2", cwd=repo)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout


def test_github_format_is_chosen_inside_github_actions(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    summary = repo / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "styraudit", "check", "cases"], cwd=repo, capture_output=True, text=True, env=dict(os.environ)
    )
    assert result.returncode == 1
    assert result.stdout.startswith("::") and "file=cases/bad.yaml" in result.stdout
    assert summary.is_file() and "beslut-diarienummer" in summary.read_text(encoding="utf-8")
