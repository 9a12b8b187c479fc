"""`init` as a new user meets it: questions on a terminal, the same from --answers, and a template
for a municipality or a region with an audit section; each writes a case that validates and that
`check` judges."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from clirunner import ROOT, english_environment, run_cli
from styraudit.commands import guided

INPUTS = ROOT / "tests" / "inputs"


def test_answers_from_a_file_make_a_case_that_check_judges(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    assert run_cli("init", str(case), "--answers", str(INPUTS / "init-answers.yaml")).returncode == 0
    text = case.read_text(encoding="utf-8")
    assert "in_response_to:\n  - rapport-1" in text and "paragraph: § 12" in text and "# Beslut:" in text
    assert run_cli("validate", str(case)).returncode == 0
    judged = json.loads(run_cli("check", str(case), "--format", "json").stdout)["cases"][0]
    assert [a["question"] for a in judged["answers"]] == ["fraga-1"] and judged["answers"][0]["final"]


@pytest.mark.parametrize(("kind", "council"), [("kommun", "Kommunfullmäktige"), ("region", "Regionfullmäktige")])
def test_the_template_is_municipal_or_regional_with_an_audit(kind: str, council: str, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    assert run_cli("init", str(case), "--kind", kind).returncode == 0
    text = case.read_text(encoding="utf-8")
    assert council in text and "\naudit:\n" in text and "questions:" in text
    assert run_cli("validate", str(case)).returncode == 0


def test_the_questions_asked_give_a_case_that_validates(tmp_path: Path) -> None:
    typed = iter((INPUTS / "init-typed.txt").read_text(encoding="utf-8").split("\n"))
    asked: list[str] = []

    def read(prompt: str) -> str:
        asked.append(prompt)
        return next(typed)

    data = guided.case_from_answers(guided.ask(read), "typed")
    assert any("Kommun eller region" in p for p in asked) and any("Revisionsfråga" in p for p in asked)
    case = tmp_path / "case.yaml"
    case.write_text(guided.commented(data), encoding="utf-8")
    assert run_cli("validate", str(case)).returncode == 0, run_cli("validate", str(case)).stderr
    assert data["organisation"]["kind"] == "municipality" and data["absences"][0]["in_response_to"] == ["rapport-1"]


@pytest.mark.skipif(sys.platform == "win32", reason="no pty on Windows")
def test_on_a_terminal_init_asks(tmp_path: Path) -> None:
    """The real command on a pseudo-terminal: it asks, lists the criteria, and writes a valid case."""
    leader, follower = pty.openpty()
    env = {**english_environment(dict(os.environ)), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "styraudit", "init", "case.yaml"],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
    )
    os.close(follower)
    os.write(leader, (INPUTS / "init-typed.txt").read_bytes())
    _, errors = process.communicate(timeout=60)
    os.close(leader)
    assert process.returncode == 0, errors.decode()
    assert b"aterrapportering" in errors  # the criteria to choose from, with their titles
    assert run_cli("validate", str(tmp_path / "case.yaml")).returncode == 0


def test_answers_without_a_subject_are_refused_with_a_hint(tmp_path: Path) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text("kind: kommun\n", encoding="utf-8")
    result = run_cli("init", str(tmp_path / "case.yaml"), "--answers", str(answers))
    assert result.returncode == 2 and "the answers name no subject" in result.stderr and "hint:" in result.stderr


def test_the_readme_example_validates_and_is_judged(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("### A case in half an hour", 1)[1].split("```yaml\n", 1)[1].split("\n```", 1)[0]
    case = tmp_path / "case.yaml"
    case.write_text(example + "\n", encoding="utf-8")
    assert run_cli("validate", str(case)).returncode == 0
    judged = json.loads(run_cli("check", str(case), "--format", "json").stdout)["cases"][0]
    assert judged["answers"][0]["final"] in ("yes", "partly", "no")
    from styraudit.load.case import load_case

    written = load_case(str(case)).case  # a new user sees a mandate and the directive that writes it out
    assert written.directive is not None and written.mandates and written.mandates[0].directive == written.directive.id
    assert written.directive.mandate == written.mandates[0].id and written.mandates[0].report_back


def _typed(lines: list[str]) -> tuple[dict[str, object], list[str]]:
    """The answers `ask` gets from `lines` typed in turn, and the prompts it showed."""
    typed, asked = iter(lines), []

    def read(prompt: str) -> str:
        asked.append(prompt)
        return next(typed)

    return guided.ask(read, criteria=(("aterrapportering", "Återrapportering"),)), asked


START = ["kommun", "Lilla kommun"]
DOCUMENTS = [
    "Protokoll KS; protokoll; 2023-03-01",
    "Lägesrapport; rapport; 2023-09-01",
    "",
    "Projektledare; 2024-02-01; Sent",
    "",
]


def test_an_empty_name_is_asked_again_and_nothing_is_lost() -> None:
    answers, asked = _typed([*START, "", "Projekt Z", "projekt", "KS", "", "", "", "", "", ""])
    assert answers["organisation"] == "Lilla kommun" and answers["subject"]["name"] == "Projekt Z"  # type: ignore[index]
    assert sum("Vad granskas" in p for p in asked) == 2


def test_an_empty_purpose_is_asked_again_and_the_case_validates(tmp_path: Path) -> None:
    questions = ["Har KS följt upp?", "aterrapportering", "", "Granskning", "", "Att bedöma uppföljningen"]
    answers, asked = _typed([*START, "Projekt Z", "projekt", "KS", *DOCUMENTS, "", "", "", *questions])
    assert answers["audit"]["purpose"] == "Att bedöma uppföljningen"  # type: ignore[index]
    assert sum("syfte" in p for p in asked) == 2
    case = tmp_path / "case.yaml"
    case.write_text(guided.commented(guided.case_from_answers(answers, "typed")), encoding="utf-8")
    assert run_cli("validate", str(case)).returncode == 0


def test_each_fact_names_its_sources_and_a_decision_its_kind(tmp_path: Path) -> None:
    facts = [
        *("2023-03-01; KS; Direktiv antas", "direktivet", "projektdirektiv", "2", ""),  # an unknown kind is asked again
        *("2023-09-01; KS; KS; Försenat; skriftlig; ja", "", ""),  # sources left empty: those of the fact before
        *("beslut; Inget beslut om åtgärder; KS; 1", "dok 9", "intervju 1, 1", ""),  # a source that is none: again
    ]
    answers, asked = _typed([*START, "Projekt Z", "projekt", "KS", *DOCUMENTS, *facts, ""])
    assert any("uppdrag, plan, budget, direktiv" in p for p in asked)
    data = guided.case_from_answers(answers, "typed")
    assert data["decisions"][0]["kind"] == "projektdirektiv" and data["decisions"][0]["sources"] == ["dok-2"]
    assert data["reporting"][0]["sources"] == ["dok-2"] and data["absences"][0]["sources"] == ["intervju-1", "dok-1"]
    case = tmp_path / "case.yaml"
    case.write_text(guided.commented(data), encoding="utf-8")
    assert run_cli("validate", str(case)).returncode == 0, run_cli("validate", str(case)).stderr


def test_answers_that_make_an_invalid_case_write_nothing(tmp_path: Path) -> None:
    answers = tmp_path / "svar.yaml"
    given = (INPUTS / "init-answers.yaml").read_text(encoding="utf-8")
    answers.write_text(given.replace("purpose: Att bedöma om kommunstyrelsen styr och följer upp projektet.", 'purpose: ""'))
    result = run_cli("init", str(tmp_path / "case.yaml"), "--answers", str(answers))
    assert result.returncode == 2 and "purpose" in result.stderr and "hint:" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["svar.yaml"]


def test_the_answers_format_in_help_is_a_working_answers_file(tmp_path: Path) -> None:
    shown = run_cli("init", "--help").stdout
    example = re.split(r"\n\s*\n", shown.split("left out):\n", 1)[1], maxsplit=1)[0]
    answers = tmp_path / "svar.yaml"
    answers.write_text("\n".join(line.removeprefix("  ") for line in example.splitlines()) + "\n", encoding="utf-8")
    result = run_cli("init", str(tmp_path / "case.yaml"), "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    assert run_cli("validate", str(tmp_path / "case.yaml")).returncode == 0


@pytest.mark.parametrize(
    ("given", "where", "says"),
    [
        ("kind: kommun\nsubjekt: {name: X}\n", "2:1", "unknown answer 'subjekt'"),
        ("subject: {name: X}\ndocuments: {title: Y}\n", "2:12", "documents should be a list"),
        (
            "subject: {name: X}\ndocuments: [{title: Y}]\ndecisions:\n  - {date: 2023-01-01, by: KS, sources: 1}\n",
            "4:41",
            "decisions[0].sources should be a list",
        ),
        (
            "subject: {name: X}\ndocuments: [{title: Y}]\ndecisions:\n  - {date: 2023-01-01, by: KS, summary: S}\n",
            "4:5",
            "missing required key 'kind'",
        ),
    ],
)
def test_a_malformed_answers_file_is_a_located_error_with_a_hint(given: str, where: str, says: str, tmp_path: Path) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text(given, encoding="utf-8")
    result = run_cli("init", str(tmp_path / "case.yaml"), "--answers", str(answers))
    assert result.returncode == 2 and f"{answers}:{where}: error: " in result.stderr and says in result.stderr, result.stderr
    assert "hint:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "case.yaml").exists()


def test_typed_answers_that_make_no_valid_case_are_shown_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from styraudit.commands import init
    from styraudit.errors import InputError

    given = {"kind": "kommun", "subject": {"name": "Projekt Z"}, "documents": [{"title": "Protokoll", "date": "2023-13-45"}]}
    monkeypatch.setattr(guided, "ask", lambda **_: given)
    monkeypatch.setattr(init, "_criteria", lambda: ())
    with pytest.raises(InputError):
        init.run(tmp_path / "case.yaml", False, interactive=True)
    assert "date: '2023-13-45'" in capsys.readouterr().err and not (tmp_path / "case.yaml").exists()
