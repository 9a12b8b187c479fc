"""`styraudit init`: a commented starting case that validates."""

from __future__ import annotations

from pathlib import Path

from ..load.resources import data_dir
from .output import write_atomic

STARTER = "init/case.yaml"


def starter_text() -> str:
    return (data_dir("templates") / STARTER).read_text(encoding="utf-8")


def run(path: Path, force: bool) -> int:
    write_atomic(path, starter_text(), force=force)
    print(f"wrote {path}; fill it in, then run: styraudit validate {path}")
    return 0
