"""Start-up cost: `--version` and `--help` must not import what only judging or reporting needs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from clirunner import ROOT

HEAVY = {"rich", "jinja2", "pydantic", "yaml", "babel", "matplotlib", "docx", "pptx"}


def _imported(*args: str, env: dict[str, str] | None = None, full: bool = False) -> set[str]:
    """The top-level packages a run imports (`full`: every module's dotted name)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "styraudit", *args], capture_output=True, text=True, check=True, env=env
    )
    names = (line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:"))
    return {name if full else name.split(".")[0] for name in names}


def test_version_imports_nothing_heavy_not_even_typer() -> None:
    loaded = _imported("--version")
    assert "styraudit" in loaded
    assert not (HEAVY | {"typer"}) & loaded


@pytest.mark.parametrize("args", [("--help",), ("validate", "--help"), ("check", "--help")])
def test_help_imports_no_rendering_or_engine_modules(args: tuple[str, ...]) -> None:
    loaded = _imported(*args)
    assert "typer" in loaded
    assert not HEAVY & loaded


FULL_PATH = "import sys; sys.argv = ['styraudit', *sys.argv[1:]]; from styraudit.cli import main; main()"


@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("validate", "--help"), ("criteria", "show", "--help")])
def test_help_without_pydantic_reads_as_typer_writes_it(args: tuple[str, ...]) -> None:
    """The early path builds no value adapters; the text it prints is the same as the full path's."""
    early = subprocess.run([sys.executable, "-m", "styraudit", *args], capture_output=True, text=True, check=True)
    full = subprocess.run([sys.executable, "-c", FULL_PATH, *args], capture_output=True, text=True, check=True)
    assert "Usage:" in early.stdout
    assert early.stdout.replace("python -m styraudit", "styraudit") == full.stdout


SHIPPED = "cases/verksamhetsstyrningsmodell-2021-2023.yaml"  # relative to ROOT, the working folder below


def test_validate_of_paths_alone_runs_without_typer() -> None:
    """`validate PATH...` with no option needs no argument parser: typer and click stay unread."""
    loaded = _imported("validate", str(ROOT / SHIPPED))
    assert "styraudit" in loaded and "pydantic" in loaded
    assert not {"typer", "click", "rich", "jinja2"} & loaded


@pytest.mark.parametrize("paths", [(SHIPPED,), ("tests/inputs",), ("no-such-file.yaml",), (SHIPPED, "tests/inputs/invalid")])
def test_validate_without_typer_prints_and_exits_as_the_full_path(paths: tuple[str, ...]) -> None:
    """The early path of `validate PATH...` and typer's give the same output and exit code."""
    early = subprocess.run([sys.executable, "-m", "styraudit", "validate", *paths], capture_output=True, text=True, cwd=ROOT)
    full = subprocess.run([sys.executable, "-c", FULL_PATH, "validate", *paths], capture_output=True, text=True, cwd=ROOT)
    assert "validated" in early.stdout + early.stderr or "error:" in early.stderr
    assert (early.returncode, early.stdout, early.stderr) == (full.returncode, full.stdout, full.stderr)


def test_validate_reads_no_package_metadata_unless_pydantic_plugins_are_wanted() -> None:
    """pydantic's plugin lookup (importlib.metadata) is skipped while plugins are disabled, as they are
    by default; a user who enables them (the variable set, even empty) gets the real lookup."""
    case = str(ROOT / SHIPPED)
    assert "importlib.metadata" not in _imported("validate", case, full=True)
    environ = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    enabled = _imported("validate", case, env={**environ, "PYDANTIC_DISABLE_PLUGINS": ""}, full=True)
    assert {"importlib.metadata", "pydantic.plugin._loader"} <= enabled
