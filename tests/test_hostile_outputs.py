"""Issue 14, items 1-4: outputs and the file system. Every writing command (report -o,
check --output, --write-baseline, schema -o, init) meets a folder it cannot write, a full disk,
a folder or device as its target, a symbolic link, its own input and a name too long; each ends
in exit 2 and a message naming the file, with nothing stray left and nothing replaced."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hostile_support import accepted, case_copy, full_disk, make_device, refused, shared_folder, snapshot, styraudit

# Each writing command, with {out} for the file it writes and {case} for the case it reads.
WRITERS = {
    "report": ["report", "{case}", "-o", "{out}.md"],
    "check --output": ["check", "{case}", "--output", "sarif={out}.sarif"],
    "--write-baseline": ["check", "{case}", "--write-baseline", "{out}.json"],
    "schema -o": ["schema", "-o", "{out}.json"],
    "init": ["init", "{out}.yaml"],
}
EXTENSION = {"report": ".md", "check --output": ".sarif", "--write-baseline": ".json", "schema -o": ".json", "init": ".yaml"}


def _args(writer: str, case: Path, out: Path) -> list[str]:
    return [a.format(case=case, out=out) for a in WRITERS[writer]]


@pytest.mark.parametrize("writer", WRITERS)
def test_1_a_folder_the_user_cannot_write_is_refused_before_work(writer: str) -> None:
    with shared_folder() as folder:
        case = case_copy(folder)
        locked = folder / "locked"
        locked.mkdir(mode=0o755)  # root's; uid 65534 may read it, not write it
        before = snapshot(folder)
        result = styraudit(
            *_args(writer, case, locked / "out"), cwd=folder, as_nobody=True, env={"MPLCONFIGDIR": str(folder / "mpl")}
        )
        refused(result, f"{locked}/out{EXTENSION[writer]}", "not writable")
        assert snapshot(folder) == before


@pytest.mark.parametrize("writer", WRITERS)
def test_1_a_full_disk_is_a_message_and_leaves_no_temporary_file(writer: str, tmp_path: Path) -> None:
    case = case_copy(tmp_path)
    with full_disk(tmp_path / "disk") as disk:
        before = snapshot(tmp_path)
        result = styraudit(*_args(writer, case, disk / "out"), cwd=tmp_path)
        written = f"{disk}/case.schema.json" if writer == "init" else f"{disk}/out{EXTENSION[writer]}"  # init's schema first
        refused(result, written, "No space left on device", "hint: the disk is full")
        assert snapshot(tmp_path) == before


def test_1_standard_output_on_a_full_device_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    full = make_device(tmp_path / "full", 1, 7)  # our own /dev/full
    with open(full, "w") as sink:
        result = styraudit("check", str(case_copy(tmp_path)), "-f", "sarif", cwd=tmp_path, stdout=sink.fileno())
    refused(result, "<stdout>", "No space left on device")


@pytest.mark.parametrize("writer", WRITERS)
def test_1_2_a_folder_or_a_device_as_the_output_is_never_replaced(writer: str, tmp_path: Path) -> None:
    case = case_copy(tmp_path)
    folder = tmp_path / f"out{EXTENSION[writer]}"
    folder.mkdir()
    device = make_device(tmp_path / f"dev{EXTENSION[writer]}", 1, 7)
    before = snapshot(tmp_path)
    refused(styraudit(*_args(writer, case, tmp_path / "out"), cwd=tmp_path), str(folder), "a folder")
    for force in ([], ["--force"] if writer in ("report", "schema -o", "init") else []):
        refused(styraudit(*_args(writer, case, tmp_path / "dev"), *force, cwd=tmp_path), str(device), "a device")
    assert snapshot(tmp_path) == before and stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.parametrize("writer", WRITERS)
def test_1_a_long_name_is_written_and_a_name_past_the_limit_refused(writer: str, tmp_path: Path) -> None:
    case = case_copy(tmp_path)
    long_stem = "o" * (245 - len(EXTENSION[writer]))
    accepted(styraudit(*_args(writer, case, tmp_path / long_stem), cwd=tmp_path))
    beside = ["case.schema.json"] if writer == "init" else []  # init writes the editor's schema beside a new case
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["case.yaml", long_stem + EXTENSION[writer], *beside])
    too_long = tmp_path / ("o" * 256)
    refused(styraudit(*_args(writer, case, too_long), cwd=tmp_path), f"{too_long}{EXTENSION[writer]}", "longer than 255 bytes")


@pytest.mark.parametrize("writer", WRITERS)
def test_2_a_symbolic_link_is_not_replaced_without_force(writer: str, tmp_path: Path) -> None:
    case = case_copy(tmp_path)
    mine = tmp_path / "mine.txt"
    mine.write_text("mitt eget arbete", encoding="utf-8")
    link, dangling = tmp_path / f"link{EXTENSION[writer]}", tmp_path / f"dangling{EXTENSION[writer]}"
    link.symlink_to(mine)
    dangling.symlink_to(tmp_path / "nowhere")
    before = snapshot(tmp_path)
    refused(styraudit(*_args(writer, case, tmp_path / "link"), cwd=tmp_path), str(link), "symbolic link")
    refused(styraudit(*_args(writer, case, tmp_path / "dangling"), cwd=tmp_path), str(dangling), "symbolic link")
    assert snapshot(tmp_path) == before
    if writer in ("report", "schema -o", "init"):  # --force replaces the link itself, never what it points to
        accepted(styraudit(*_args(writer, case, tmp_path / "link"), "--force", cwd=tmp_path))
        assert not link.is_symlink() and mine.read_text(encoding="utf-8") == "mitt eget arbete"


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["check", "case.yaml", "--output", "json=case.yaml"], "case.yaml"),
        (["check", "case.yaml", "--write-baseline", "case.yaml"], "case.yaml"),
        (["check", "case.yaml", "--output", "json=alias.yaml"], "alias.yaml"),
        (["check", "case.yaml", "--baseline", "b.json", "--output", "json=b.json"], "b.json"),
        (["report", "case.yaml", "-o", "case.md", "--templates", "T", "--force"], "case.md"),
    ],
)
def test_3_an_input_is_never_overwritten(args: list[str], target: str, tmp_path: Path) -> None:
    case_copy(tmp_path)
    (tmp_path / "alias.yaml").symlink_to(tmp_path / "case.yaml")
    (tmp_path / "b.json").write_text('{"schema": "styraudit-baseline/1", "findings": []}\n', encoding="utf-8")
    (tmp_path / "T").mkdir()
    (tmp_path / "T" / "report.md.j2").write_text("{{ report.title }}\n", encoding="utf-8")
    (tmp_path / "case.md").symlink_to(tmp_path / "T" / "report.md.j2")  # a link to a template of the run
    before = snapshot(tmp_path)
    refused(styraudit(*args, cwd=tmp_path), target, "one of the inputs")
    assert snapshot(tmp_path) == before


def test_3_two_outputs_to_one_file_are_refused(tmp_path: Path) -> None:
    case_copy(tmp_path)
    refused(styraudit("check", "case.yaml", "--output", "json=o", "--output", "sarif=o", cwd=tmp_path), "o", "two outputs")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


def test_1_3_an_existing_output_survives_a_failed_run(tmp_path: Path) -> None:
    case_copy(tmp_path)
    (tmp_path / "o.json").write_text("förra körningen", encoding="utf-8")
    os.chmod(tmp_path / "o.json", 0o644)
    before = snapshot(tmp_path)
    refused(
        styraudit("check", "case.yaml", "--output", "json=o.json", "--baseline", "nowhere.json", cwd=tmp_path), "nowhere.json"
    )
    assert snapshot(tmp_path) == before
