"""Outputs appear whole or not at all, with ordinary permissions, and never clobber without --force."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from styraudit.commands.output import AtomicTextFile, write_atomic
from styraudit.errors import UsageError


def test_written_file_has_the_permissions_of_a_plain_file(tmp_path: Path) -> None:
    target = tmp_path / "rapport.md"
    write_atomic(target, "# Rapport\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert target.read_text(encoding="utf-8") == "# Rapport\n"


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "rapport.md"
    target.write_text("original", encoding="utf-8")
    with pytest.raises(UsageError, match="exists already"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "original"
    write_atomic(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"


def test_a_failed_stream_leaves_no_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(RuntimeError), AtomicTextFile(target) as handle:
        handle.write('{"half": ')
        raise RuntimeError("render failed")
    assert list(tmp_path.iterdir()) == []
