"""`styraudit report`: formats by extension, no clobbering, atomic writes, user templates and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_support import REAL_CASE
from styraudit.errors import InputError
from styraudit.text import sandbox

CASE = str(REAL_CASE)


def test_an_existing_report_is_kept_without_force(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "rapport.md"
    target.write_text("mitt eget arbete", encoding="utf-8")
    result = cli("report", CASE, "-o", str(target))
    assert result.returncode == 2
    assert f"{target}: error: the file exists already" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "mitt eget arbete"
    assert cli("report", CASE, "-o", str(target), "--force").returncode == 0
    assert target.read_text(encoding="utf-8").count("## 1. Sammanfattande analys") == 1


def test_an_unknown_extension_names_the_supported_ones(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("report", CASE, "-o", str(tmp_path / "rapport.pdf"))
    assert result.returncode == 2
    assert "unknown report format '.pdf'" in result.stderr and ".md, .html, .docx" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_case_that_fails_to_load_gives_its_problems_and_no_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "case.yaml"
    broken.write_text(REAL_CASE.read_text(encoding="utf-8").replace("  purpose: >-", "  purpos: >-"), encoding="utf-8")
    result = cli("report", str(broken), "-o", str(tmp_path / "rapport.html"))
    assert result.returncode == 2
    assert f"{broken}:" in result.stderr and "unknown key 'purpos'" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


def test_a_users_template_replaces_the_shipped_one(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "report.md.j2").write_text("# {{ report.title|md_escape }}\n{{ labels.sections.summary }}\n", encoding="utf-8")
    (tmp_path / "labels.yaml").write_text('sections:\n  summary: "Sammanfattning"\n', encoding="utf-8")
    out = tmp_path / "out" / "rapport.md"
    out.parent.mkdir()
    assert cli("report", CASE, "-o", str(out), "--templates", str(tmp_path)).returncode == 0
    assert out.read_text(encoding="utf-8") == "# Införandet av regionens nya verksamhetsstyrningsmodell\nSammanfattning\n"


@pytest.mark.parametrize(
    ("template", "line", "message"),
    [
        (
            "Rubrik\n\n{{ report.no_such_field }}\n",
            3,
            "template error: 'styraudit.report.model.Report object' has no attribute 'no_such_field'",
        ),
        ("Rubrik\n{% if report.title %}\n", 2, "template syntax: Unexpected end of template"),
        ("{{ report.__class__.__mro__ }}\n", 1, "template error"),
        ("{{ 'a' * 10**9 }}\n", 1, "template error"),
    ],
)
def test_a_broken_template_gives_file_line_and_no_output(cli, tmp_path: Path, template: str, line: int, message: str) -> None:  # type: ignore[no-untyped-def]
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.html.j2").write_text(template, encoding="utf-8")
    out = tmp_path / "rapport.html"
    result = cli("report", CASE, "-o", str(out), "--templates", str(mine))
    assert result.returncode == 2, result.stderr
    assert f"{mine / 'report.html.j2'}:{line}:" in result.stderr and message in result.stderr
    assert "hint:" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_a_template_that_writes_without_end_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "endless.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", encoding="utf-8"
    )
    monkeypatch.setattr(sandbox, "MAX_OUTPUT_CHARS", 10_000)
    with pytest.raises(InputError) as caught:
        sandbox.render_template("endless.j2", {}, [tmp_path], html=False)
    problem = caught.value.problems[0]
    assert str(problem.location).startswith(str(tmp_path / "endless.j2")) and "more than 10000 characters" in problem.message
