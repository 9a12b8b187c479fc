"""Outputs appear whole or not at all, with ordinary permissions, and never clobber without --force."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from styraudit.commands.output import TEMP_SUFFIX, AtomicTextFile, write_atomic
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


def test_a_long_name_of_many_byte_characters_gets_a_temporary_name_that_fits(tmp_path: Path) -> None:
    target = tmp_path / ("å" * 120 + ".md")  # 243 bytes: the old `.NAME.XXXXXX.tmp` did not fit
    with AtomicTextFile(target) as handle:
        temporaries = [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]
        assert len(temporaries) == 1 and len(os.fsencode(temporaries[0].name)) <= 255
        handle.write("# Rapport\n")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_dead_runs_temporary_file_is_removed_and_a_live_ones_kept(tmp_path: Path) -> None:
    target = tmp_path / "o.sarif"
    dead = tmp_path / f".o.sarif.{2**22 + 12345}.0123abcd{TEMP_SUFFIX}"  # above any pid_max in use
    alive = tmp_path / f".o.sarif.1.0123abcd{TEMP_SUFFIX}"  # pid 1 is always there
    stranger = tmp_path / ".o.sarif.99.tmp"  # not ours: never touched
    for path in (dead, alive, stranger):
        path.write_text("half", encoding="utf-8")
    write_atomic(target, "{}", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, stranger.name, "o.sarif"])


def test_an_os_error_while_writing_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(UsageError, match="cannot write the file") as raised, AtomicTextFile(target) as handle:
        handle.write("{}")
        os.close(handle.handle.fileno())  # the descriptor gone: the flush fails with EBADF, an OSError
        handle.flush()
    assert raised.value.problems[0].location.file == str(target) and list(tmp_path.iterdir()) == []
