"""Installing as users do, in fresh virtual environments (slow: pip builds and installs the package).

- `pip install .` without extras is the lean CI install: `check` runs on the shipped cases, and
  `report` says which extra to install.
- The README's first command, run twice in a clean clone, succeeds both times and leaves
  `git status` clean.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clirunner import ROOT, english_environment

pytestmark = pytest.mark.slow
OFFLINE = ("NewConnectionError", "Temporary failure in name resolution", "Network is unreachable", "No matching distribution")
GIT = ("git", "-c", "user.name=styraudit tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false")


def _run(command: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = english_environment(dict(os.environ))
    for name in ("VIRTUAL_ENV", "PYTHONPATH"):
        env.pop(name, None)
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


def _installed(done: subprocess.CompletedProcess[str]) -> None:
    if done.returncode != 0 and any(sign in done.stdout + done.stderr for sign in OFFLINE):
        pytest.skip("pip cannot reach a package index to install the dependencies")
    assert done.returncode == 0, done.stdout + done.stderr


def clone(target: Path) -> Path:
    """A one-commit git repository of this checkout's tracked and untracked, not ignored, files."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True
        )
        .stdout.decode("utf-8")
        .split("\0")
    )
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    subprocess.run([*GIT, "init", "-q"], cwd=target, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=target, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "clone"], cwd=target, check=True)
    return target


def test_a_lean_install_checks_the_shipped_cases(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python, script = venv / "bin" / "python", venv / "bin" / "styraudit"
    _installed(_run([str(python), "-m", "pip", "install", "-q", str(clone(tmp_path / "src"))], cwd=tmp_path))
    lacking = _run(
        [str(python), "-c", "import importlib.util as u; print([m for m in ('matplotlib', 'docx') if u.find_spec(m)])"], tmp_path
    )
    assert lacking.stdout.strip() == "[]", "the lean install must not bring the report back-ends"
    checked = _run([str(script), "check", "cases"], cwd=ROOT)
    assert checked.returncode == 1 and checked.stderr == "", checked.stderr
    shipped = len(list((ROOT / "cases").rglob("*.yaml")))  # the seed cases and the real audits
    assert re.match(rf"^{shipped} files checked \(0 invalid\): ", checked.stdout.splitlines()[-1])
    assert _run([str(script), "validate", "cases"], cwd=ROOT).returncode == 0
    report = _run(
        [str(script), "report", "cases/verksamhetsstyrningsmodell-2021-2023.yaml", "-o", str(tmp_path / "r.html")], ROOT
    )
    assert report.returncode == 2 and "pip install 'styraudit[report]'" in report.stderr and "Traceback" not in report.stderr


def test_the_readmes_first_command_runs_twice_and_leaves_git_status_clean(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## Set-up", 1)[1]
    first = re.findall(r"```sh\n(.+?)\n```", readme)[0]
    repo = clone(tmp_path / "styraudit")
    for attempt in (1, 2):
        done = _run(["bash", "-c", first], cwd=repo, timeout=1200)
        _installed(done)
        assert (repo / "granskningsrapport.html").is_file(), attempt
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True, check=True).stdout
    assert status == "", status
