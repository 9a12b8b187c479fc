"""Issue 14, items 11-16 (less the glob loop, which file discovery owns): control characters and
file names that are not UTF-8 in every output, limits past what the tool can honour,
pyproject.toml that cannot be read, baselines that are devices, huge or deep, and FIFOs where a
file is expected. Valid input gives a valid output; anything else exit 2 naming the file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hostile_support import CASE, accepted, case_copy, make_device, refused, shared_folder, snapshot, styraudit

CONTROL = "".join(chr(c) for c in range(0x20) if c not in (9, 10)) + "\x7f\ufffe"
RAW_CONTROL = [chr(c) for c in range(0x20) if c not in (9, 10, 13)] + ["\ufffe"]
BAD_NAME = os.fsdecode(b"bad\xff\xfe.yaml")


def _controlled(folder: Path) -> Path:
    """The shipped case with NUL, ESC, a vertical tab and U+FFFE in a body's name."""
    text = CASE.read_text(encoding="utf-8").replace("name: Regionstyrelsen,", 'name: "Region\\vstyr\\0el\\e[31msen\\uFFFE",')
    assert "\\e[31m" in text
    return case_copy(folder, "ctl.yaml", text)


@pytest.mark.parametrize("extension", [".md", ".html", ".docx"])
def test_11_control_characters_never_reach_a_report(extension: str, tmp_path: Path) -> None:
    case = _controlled(tmp_path)
    accepted(styraudit("report", str(case), "-o", f"r{extension}", cwd=tmp_path))
    if extension == ".docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    else:
        text = (tmp_path / f"r{extension}").read_text(encoding="utf-8")
    assert "styr\u2400el\u241b" in text and "sen\ufffd" in text  # shown as pictures (a \v is a space by then)
    assert not any(c in text for c in RAW_CONTROL)


@pytest.mark.parametrize("format", ["text", "json", "sarif", "junit", "github"])
def test_11_control_characters_never_reach_check_output(format: str, tmp_path: Path) -> None:
    case = _controlled(tmp_path)
    result = styraudit("check", str(case), "-f", format, "--output", f"{format}=out.txt", cwd=tmp_path)
    accepted(result)
    for text in (result.stdout, (tmp_path / "out.txt").read_text(encoding="utf-8")):
        assert not any(c in text for c in RAW_CONTROL), format


def test_12_a_file_name_that_is_not_utf8_is_shown_escaped_in_every_output(tmp_path: Path) -> None:
    case_copy(tmp_path, BAD_NAME)
    result = styraudit("check", ".", "-f", "json", "--output", "json=o.json", "--output", "text=o.txt", cwd=tmp_path)
    accepted(result)
    shown = json.loads(result.stdout.encode("utf-8", "surrogateescape").decode("utf-8"))["cases"][0]["file"]
    assert shown == "bad\\xff\\xfe.yaml"
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["cases"][0]["file"] == shown
    assert "bad\\xff\\xfe.yaml" in (tmp_path / "o.txt").read_text(encoding="utf-8")
    accepted(styraudit("report", BAD_NAME, "-o", "r.html", cwd=tmp_path))
    (tmp_path / "r.html").read_text(encoding="utf-8")  # valid UTF-8


def test_12_a_latin1_terminal_gets_escapes_not_a_traceback(tmp_path: Path) -> None:
    case_copy(tmp_path, BAD_NAME)
    env = {"PYTHONIOENCODING": "latin-1"}
    result = styraudit("check", str(CASE), "-f", "json", cwd=tmp_path, env=env)
    accepted(result)
    json.loads(result.stdout)  # what latin-1 lacks (— ≥) is a JSON \\u escape: still valid JSON
    accepted(styraudit("check", BAD_NAME, cwd=tmp_path, env=env))


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        ("1000000000000000000000000000000", "more than styraudit can honour: at most 1073741824"),
        ("²", "needs a positive whole number"),
        ("9" * 5000, "a number of 5000 digits"),
        ("0", "needs a positive whole number"),
    ],
)
def test_13_a_limit_past_what_can_be_honoured_is_refused(value: str, phrase: str, tmp_path: Path) -> None:
    case = case_copy(tmp_path)
    refused(styraudit("check", str(case), "--limit", f"max_file_bytes={value}", cwd=tmp_path), "--limit", phrase)
    (tmp_path / "styraudit.yaml").write_text(f'limits: {{max_file_bytes: "{value}"}}\n', encoding="utf-8")
    refused(styraudit("check", str(case), cwd=tmp_path), "styraudit.yaml")  # named relative to the working folder


def test_13_max_depth_says_how_deep_the_parser_really_goes(tmp_path: Path) -> None:
    result = styraudit("validate", str(case_copy(tmp_path)), "--limit", "max_depth=100000", cwd=tmp_path)
    refused(result, "--limit", "at most 500", "YAML parser stops at 1000")
    accepted(styraudit("validate", str(case_copy(tmp_path)), "--limit", "max_depth=500", cwd=tmp_path))


def test_14_a_pyproject_with_a_bad_byte_or_wrong_types_is_a_located_error(tmp_path: Path) -> None:
    case = case_copy(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_bytes(b'[tool.styraudit]\nfail-on = "high"\n# \xff\n')
    refused(styraudit("check", str(case), cwd=tmp_path), "pyproject.toml", "not UTF-8")
    pyproject.write_text('x = "[tool.styraudit]"\ntool = 1\n', encoding="utf-8")  # parsed: no table of ours, passed over
    accepted(styraudit("check", str(case), cwd=tmp_path))
    pyproject.write_text('x = "[tool.styraudit]"\n[tool]\nstyraudit = 3\n', encoding="utf-8")
    refused(styraudit("check", str(case), cwd=tmp_path), "pyproject.toml", "`tool.styraudit` must be a table")


def test_14_an_unreadable_pyproject_above_the_working_folder_is_passed_over() -> None:
    """Whose table it holds cannot be known, so it is someone else's file, as a broken one is (the
    file selection's rule): no traceback, and the run goes on without it."""
    with shared_folder() as folder:
        below = folder / "below"
        below.mkdir(mode=0o755)
        case = case_copy(below)
        pyproject = folder / "pyproject.toml"
        pyproject.write_text('[tool.styraudit]\nfail-on = "high"\n', encoding="utf-8")
        pyproject.chmod(0o000)
        result = styraudit("check", str(case), cwd=below, as_nobody=True)
        accepted(result)


@pytest.mark.parametrize(("major", "minor"), [(1, 5), (1, 9)], ids=["zero", "urandom"])
def test_15_a_device_as_the_baseline_is_refused_unread(major: int, minor: int, tmp_path: Path) -> None:
    device = make_device(tmp_path / "baseline.json", major, minor)
    refused(styraudit("check", str(case_copy(tmp_path)), "--baseline", str(device), cwd=tmp_path), str(device), "a device")


def test_15_a_huge_or_deep_baseline_is_refused(tmp_path: Path) -> None:
    case = case_copy(tmp_path)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(312 * 1024 * 1024)  # sparse: 312 MB that take no disk
    refused(styraudit("check", str(case), "--baseline", str(huge), cwd=tmp_path), str(huge), "max_baseline_bytes")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    refused(styraudit("check", str(case), "--baseline", str(deep), cwd=tmp_path), str(deep), "nests too deep")
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"schema": "styraudit-baseline/1", "findings": [[1]]}', encoding="utf-8")
    refused(styraudit("check", str(case), "--baseline", str(wrong), cwd=tmp_path), str(wrong), "text key")


@pytest.mark.parametrize("where", ["report case", "criteria file", "baseline", "labels", "template", "config"])
def test_16_a_fifo_where_a_file_is_read_is_refused_without_waiting(where: str, tmp_path: Path) -> None:
    case = case_copy(tmp_path)
    fifo = {
        "report case": tmp_path / "fifo.yaml",
        "criteria file": tmp_path / "crit" / "x.yaml",
        "baseline": tmp_path / "b.json",
        "labels": tmp_path / "T" / "labels.yaml",
        "template": tmp_path / "T" / "report.md.j2",
        "config": tmp_path / "conf.yaml",
    }[where]
    fifo.parent.mkdir(exist_ok=True)
    os.mkfifo(fifo)
    args = {
        "report case": ["report", str(fifo), "-o", "r.md"],
        "criteria file": ["check", str(case), "--criteria", "crit"],
        "baseline": ["check", str(case), "--baseline", str(fifo)],
        "labels": ["report", str(case), "-o", "r.md", "--templates", "T"],
        "template": ["report", str(case), "-o", "r.md", "--templates", "T"],
        "config": ["check", str(case), "--config", str(fifo)],
    }[where]
    before = snapshot(tmp_path)
    result = styraudit(*args, cwd=tmp_path)
    shown = str(fifo) if where in ("report case", "baseline", "config") else fifo.relative_to(tmp_path).as_posix()
    refused(result, shown, *(["not a regular file: a FIFO"] if where != "config" else []))
    assert snapshot(tmp_path) == before
