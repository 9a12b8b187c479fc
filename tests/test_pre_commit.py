"""The pre-commit hooks (.pre-commit-hooks.yaml) install and run as a user's repository would use them.

`pre-commit try-repo` only sees committed and tracked files of a local repository, so the test
commits a snapshot of this checkout's working tree (tracked and untracked, minus ignored files)
and tries the hooks from there. try-repo uses a temporary store of its own, so every call builds
the hook's environment with pip from the package index (≈ 17 s with a warm pip cache), like a
first run on a developer's machine; without a package index the test is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent  # not `from conftest import`: tests/property has a conftest too

pytest.importorskip("pre_commit")

OFFLINE = ("NewConnectionError", "Temporary failure in name resolution", "Network is unreachable", "ProxyError")
GIT = ("git", "-c", "user.name=styraudit tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false")


def git(*args: str, cwd: Path) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def snapshot(target: Path) -> Path:
    """A one-commit git repository holding this checkout's working tree."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "snapshot", cwd=target)
    return target


def try_repo(repo: Path, hook: str, file: str, cwd: Path, *more: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_COLOR": "never"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(repo), hook, "--files", file, *more]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
    if done.returncode == 3 and any(sign in done.stdout + done.stderr for sign in OFFLINE):
        pytest.skip("pip cannot reach the package index to build the hook's environment")
    return done


@pytest.mark.slow
def test_validate_hook_passes_a_good_case_and_fails_a_broken_one(tmp_path: Path) -> None:
    hooks = snapshot(tmp_path / "styraudit")
    work = tmp_path / "uppdrag"
    work.mkdir()
    git("init", "-q", cwd=work)
    (work / "case.yaml").write_text((ROOT / "templates" / "testing" / "base_case.yaml").read_text(encoding="utf-8"))
    (work / "broken.yaml").write_text("schema_version: 1\nid: [\n", encoding="utf-8")
    git("add", "-A", cwd=work)

    good = try_repo(hooks, "styraudit-validate", "case.yaml", work)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "styraudit validate" in good.stdout and "Passed" in good.stdout

    broken = try_repo(hooks, "styraudit-validate", "broken.yaml", work)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout and "broken.yaml:3:1" in broken.stdout + broken.stderr


@pytest.mark.slow
def test_hooks_pass_on_a_repository_that_also_holds_config_and_ci_files(tmp_path: Path) -> None:
    """The hooks pass every YAML file; styraudit.yaml, .gitlab-ci.yml and a workflow are not taken for cases."""
    hooks = snapshot(tmp_path / "styraudit")
    work = tmp_path / "uppdrag"
    shutil.copytree(ROOT / "tests" / "repo", work)
    shutil.rmtree(work / "cases" / "drafts")
    (work / "cases" / "bad.yaml").unlink()  # its medium finding would (rightly) fail the gate
    (work / ".gitlab-ci.yml").write_text("styraudit:\n  script: [styraudit check cases]\n", encoding="utf-8")
    (work / ".github" / "workflows").mkdir(parents=True)
    (work / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    (work / "mkdocs.yml").write_text("site_name: Styrning\n", encoding="utf-8")
    git("init", "-q", cwd=work)
    git("add", "-A", cwd=work)
    files = ["styraudit.yaml", ".gitlab-ci.yml", ".github/workflows/ci.yml", "mkdocs.yml", "rules/beslut-diarienummer.yaml"]
    for hook in ("styraudit-check", "styraudit-validate"):
        done = try_repo(hooks, hook, "cases/ok.yaml", work, *files)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Passed" in done.stdout
