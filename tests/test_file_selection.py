"""Which files `check` and `validate` take for cases, through the real command line: well-known
non-case files and YAML without a case's keys are skipped with a reason, a broken file never is,
a folder or glob that selects nothing fails, symlink loops and FIFOs cannot hang a run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clirunner import ROOT, run_cli

CASE = (ROOT / "templates" / "testing" / "base_case.yaml").read_text(encoding="utf-8")
NOT_CASES = {
    "styraudit.yaml": "fail-on: medium\n",
    ".pre-commit-config.yaml": "repos: []\n",
    ".gitlab-ci.yml": "test:\n  script: [make]\n",
    ".github/workflows/ci.yml": "on: push\njobs: {}\n",
    "mkdocs.yml": "site_name: Styrning\n",
    "compose.yaml": "services: {}\n",
    "docker-compose.override.yml": "services: {}\n",
}


def _repo(root: Path) -> Path:
    """A repository of cases that also holds the usual other YAML."""
    for name, text in {"uppdrag/a.yaml": CASE, "uppdrag/b.yaml": CASE.replace("id: testfall", "id: b", 1), **NOT_CASES}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "uppdrag" / "anteckningar.yaml").write_text("möten:\n  - 2024-01-10\n", encoding="utf-8")
    return root


def _listing(result: object) -> tuple[list[str], dict[str, str]]:
    lines = result.stdout.splitlines()  # type: ignore[attr-defined]
    selected = [line for line in lines if ": skipped: " not in line]
    skipped = dict(line.split(": skipped: ", 1) for line in lines if ": skipped: " in line)
    return selected, skipped


def test_well_known_files_and_yaml_without_case_keys_are_skipped_with_their_reason(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    named = run_cli("check", "--list-files", *NOT_CASES, "uppdrag/a.yaml", "uppdrag/anteckningar.yaml", cwd=repo)
    selected, skipped = _listing(named)
    assert named.returncode == 0 and selected == ["uppdrag/a.yaml"]
    for name in ("styraudit.yaml", ".gitlab-ci.yml", "mkdocs.yml", "compose.yaml", "docker-compose.override.yml"):
        assert skipped[name].startswith("a well-known file that is not a case"), skipped
    assert skipped[".github/workflows/ci.yml"] == "a well-known file that is not a case (.github)"
    assert skipped["uppdrag/anteckningar.yaml"] == "not a case: no schema_version, organisation or initiative at the top level"
    folder = run_cli("check", ".", "--list-files", cwd=repo)
    assert _listing(folder)[0] == ["uppdrag/a.yaml", "uppdrag/b.yaml"]


def test_check_over_a_repository_with_other_yaml_judges_only_the_cases(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "styraudit.yaml").write_text("fail-on: high\ndefault-criteria: true\n", encoding="utf-8")
    result = run_cli("check", ".", "-f", "json", cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == ""
    import json

    assert [c["file"] for c in json.loads(result.stdout)["cases"]] == ["uppdrag/a.yaml", "uppdrag/b.yaml"]


def test_include_takes_a_file_without_case_keys_for_a_case(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "styraudit.yaml").write_text("include: [anteckningar.yaml]\n", encoding="utf-8")
    result = run_cli("validate", "uppdrag", cwd=repo)
    assert result.returncode == 2 and "uppdrag/anteckningar.yaml:1:1: error: missing required key" in result.stderr


def test_a_file_that_does_not_parse_is_never_skipped(tmp_path: Path) -> None:
    (tmp_path / "avbruten.yaml").write_text(CASE[: CASE.index("initiative:")] + "initiative: {name: [\n", encoding="utf-8")
    (tmp_path / "annat.yaml").write_text("möten: [\n", encoding="utf-8")  # no case keys, but broken: reported
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "avbruten.yaml:" in result.stderr and "annat.yaml:2:1: error: YAML syntax" in result.stderr
    assert "2 files checked (2 invalid)" in result.stdout


def test_configured_and_command_line_excludes_skip_files_in_check_and_validate(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "uppdrag" / "utkast").mkdir()
    (repo / "uppdrag" / "utkast" / "trasig.yaml").write_text("schema_version: 1\nid: [\n", encoding="utf-8")
    assert run_cli("validate", "uppdrag", cwd=repo).returncode == 2
    assert run_cli("validate", "uppdrag", "--exclude", "utkast", cwd=repo).returncode == 0
    (repo / "styraudit.yaml").write_text("exclude: [uppdrag/utkast]\n", encoding="utf-8")
    valid = run_cli("validate", "uppdrag", cwd=repo)
    assert valid.returncode == 0 and valid.stdout == "2 files validated: 2 valid, 0 invalid\n"
    listed = _listing(run_cli("check", "uppdrag", "--list-files", cwd=repo))[1]
    assert listed["uppdrag/utkast/trasig.yaml"] == "excluded by uppdrag/utkast"


def test_validate_reads_the_configuration(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "styraudit.yaml").write_text("limits: {max_file_bytes: 100}\n", encoding="utf-8")
    result = run_cli("validate", "uppdrag/a.yaml", cwd=repo)
    assert result.returncode == 2 and "over the limit of 100" in result.stderr
    (repo / "styraudit.yaml").write_text("exclude: 3\n", encoding="utf-8")
    broken = run_cli("validate", "uppdrag/a.yaml", cwd=repo)
    assert broken.returncode == 2 and broken.stderr.startswith("styraudit.yaml:1:10: error: exclude")


@pytest.mark.parametrize("argument", ["nomatch/*.yaml", "tom", "uppdrag/*.yml"])
def test_a_folder_or_glob_that_selects_no_case_fails_the_run(tmp_path: Path, argument: str) -> None:
    repo = _repo(tmp_path)
    (repo / "tom").mkdir()
    for command in ("check", "validate"):
        result = run_cli(command, argument, cwd=repo)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert f"{argument}: error: no case file found here" in result.stderr and "Traceback" not in result.stderr


def test_files_named_one_by_one_and_all_skipped_pass(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    for command in ("check", "validate"):
        result = run_cli(command, ".gitlab-ci.yml", "styraudit.yaml", cwd=repo)
        assert result.returncode == 0, result.stderr
        assert ".gitlab-ci.yml: note: skipped: a well-known file that is not a case" in result.stderr


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    (loop / "a").mkdir(parents=True)
    (loop / "a" / "up").symlink_to("..")
    (loop / "self").symlink_to("../loop")
    (loop / "a" / "fall.yaml").write_text(CASE, encoding="utf-8")
    result = run_cli("check", "loop/**/*.yaml", "--list-files", cwd=tmp_path, timeout=60)  # a loop walked forever times out
    assert result.returncode == 0
    assert _listing(result)[0] == ["loop/a/fall.yaml"]
    assert run_cli("check", "loop", "--list-files", cwd=tmp_path, timeout=20).stdout.splitlines() == ["loop/a/fall.yaml"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifos_are_refused_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "kö.yaml")
    (tmp_path / "fall.yaml").write_text(CASE, encoding="utf-8")
    named = run_cli("check", "kö.yaml", cwd=tmp_path, timeout=20)
    assert named.returncode == 2 and "kö.yaml: error: not a regular file: a FIFO" in named.stderr
    found = run_cli("validate", ".", cwd=tmp_path, timeout=20)
    assert found.returncode == 0 and "kö.yaml: warning: not a regular file: a FIFO" in found.stderr
    report = run_cli("report", "kö.yaml", "-o", "r.html", cwd=tmp_path, timeout=20)
    assert report.returncode == 2 and "not a regular file" in report.stderr and not (tmp_path / "r.html").exists()
    baseline = run_cli("check", "fall.yaml", "--baseline", "kö.yaml", cwd=tmp_path, timeout=20)
    assert baseline.returncode == 2 and "not a regular file" in baseline.stderr
    (tmp_path / "kriterier").mkdir()
    os.mkfifo(tmp_path / "kriterier" / "k.yaml")
    criteria = run_cli("check", "fall.yaml", "--criteria", "kriterier", cwd=tmp_path, timeout=20)
    assert criteria.returncode == 2 and "k.yaml: error: cannot read the file: not a regular file" in criteria.stderr


@pytest.mark.parametrize(
    ("pyproject", "found"),
    [
        ('x = "[tool.styraudit]"\ntool = 1\n', False),  # the words appear, the table does not
        ("[tool.other]\nname = 1\n", False),
        (b"[tool.black]\nline = '\xff'\n", False),  # someone else's broken file is passed over
        ('[tool.styraudit]\nfail-on = "high"\n', True),
        ('[tool."styr\\u0061udit"]\nfail-on = "high"\n', True),  # the name as TOML escapes may write it
        ('[tool."styr\\U00000061udit"]\nfail-on = "high"\n', True),
    ],
)
def test_pyproject_is_parsed_not_searched(tmp_path: Path, pyproject: str | bytes, found: bool) -> None:
    data = pyproject.encode("utf-8") if isinstance(pyproject, str) else pyproject
    (tmp_path / "pyproject.toml").write_bytes(data)
    (tmp_path / "fall.yaml").write_text(CASE, encoding="utf-8")
    result = run_cli("check", "fall.yaml", "--show-config", cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert ("fail-on: high  # " + str(tmp_path / "pyproject.toml") in result.stdout) is found


def test_our_broken_pyproject_table_is_reported_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"[project]\nname = 'x'\n\n[tool.styraudit]\nfail-on = \xff\n")
    (tmp_path / "fall.yaml").write_text(CASE, encoding="utf-8")
    result = run_cli("check", "fall.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "pyproject.toml: error: the file is not UTF-8" in result.stderr


@pytest.mark.parametrize(
    ("pattern", "path", "matched"),
    [
        ("drafts", "cases/drafts/a.yaml", True),
        ("cases/drafts", "x/cases/drafts/a.yaml", True),
        ("cases/drafts", "cases/x/drafts/a.yaml", False),
        ("*.tmp.yaml", "a/b.tmp.yaml", True),
        (".github/**", "x/.github/workflows/ci.yml", True),
        ("a/**/b", "a/x/y/b/c.yaml", True),
        ("a/**/b", "b/a/c.yaml", False),
        ("./drafts", "drafts/a.yaml", True),
        ("drafts/a.yaml/more", "drafts/a.yaml", False),
    ],
)
def test_an_exclude_pattern_matches_a_run_of_folders_anywhere_in_the_path(pattern: str, path: str, matched: bool) -> None:
    """A pattern without `**` matches as many path parts as it has segments, at any depth."""
    from styraudit.load.walk import matches_anywhere

    assert matches_anywhere(pattern, Path(path)) is matched
