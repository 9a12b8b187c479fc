"""The follow-up audit through the real command line: the shipped (fictional) example's statuses follow
from its facts, its chapter renders in every format, and a follow-up naming what its earlier audit
does not make is refused at its place."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import yaml

from clirunner import ROOT, run_cli

EXAMPLE = ROOT / "cases" / "examples" / "uppfoljning-verksamhetsstyrning-fiktiv.yaml"


def check_json(path: Path) -> dict[str, Any]:
    done = run_cli("check", str(path), "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["cases"][0]


def test_the_example_is_plainly_fictional() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert "FIKTIVT" in data["title"] and "FIKTIVT EXEMPEL" in text.splitlines()[1]
    assert EXAMPLE.parent.name == "examples"


def test_the_statuses_follow_from_the_facts_and_the_override() -> None:
    rows = {r["recommendation"]: r for r in check_json(EXAMPLE)["follow_up"]}
    # done action; the promised measure was due before the reference date
    assert rows["rek-aterrapportering.tydligt-uppdrag"]["final"] == "implemented"
    # the latest action is not started
    assert rows["rek-ansvarsfordelning.namndernas-delaktighet"]["final"] == "not_implemented"
    # done, but a promised measure is due in 2026, after the reference date
    assert rows["rek-forankring.problemanalys"]["final"] == "partly_implemented"
    # nothing done and the promised measure not yet due: derived cannot assess, the auditor says not implemented
    last = rows["rek-ansvarsfordelning-direktorer"]
    assert (last["drafted"], last["final"], last["overridden"]) == ("cannot_assess", "not_implemented", True)


def test_the_follow_up_chapter_renders_in_every_format(tmp_path: Path) -> None:
    for suffix in ("md", "html", "docx"):
        done = run_cli("report", str(EXAMPLE), "-o", str(tmp_path / f"r.{suffix}"))
        assert done.returncode == 0, done.stderr
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    chapter = md.split("Uppföljning av tidigare granskning", 2)[2]
    for status in ("**Åtgärdad**", "**Ej åtgärdad**", "**Delvis åtgärdad**", "Revisorns bedömning (ändrad från Kan ej bedömas)"):
        assert status in chapter
    assert "Utlovad åtgärd: Fokusområdena förankras" in chapter and "senast juni 2026" in chapter
    assert "Uppföljning av tidigare granskning" in (tmp_path / "r.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "r.docx") as word:
        body = word.read("word/document.xml").decode("utf-8")
    assert "Uppföljning av tidigare granskning" in body and "Delvis åtgärdad" in body


def changed(tmp_path: Path, edit: Any) -> Path:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "examples" / "fall.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (tmp_path / "verksamhetsstyrningsmodell-2021-2023.yaml").write_bytes(
        (ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml").read_bytes()
    )
    return path


def test_an_unknown_recommendation_of_the_earlier_audit_is_located_with_did_you_mean(tmp_path: Path) -> None:
    def misspell(data: dict[str, Any]) -> None:
        data["earlier_audits"][0]["recommendations"][3]["id"] = "rek-ansvarsfordelning-direktor"
        data["audit"]["questions"][3]["subject"] = "rek-ansvarsfordelning-direktor"
        data["audit"]["status_overrides"][0]["recommendation"] = "rek-ansvarsfordelning-direktor"

    done = run_cli("check", str(changed(tmp_path, misspell)))
    assert done.returncode == 2
    assert "the earlier audit makes no recommendation 'rek-ansvarsfordelning-direktor'" in done.stderr
    assert "did you mean 'rek-ansvarsfordelning-direktorer'" in done.stderr and "fall.yaml:" in done.stderr


def test_an_earlier_case_file_that_is_not_there_is_an_error(tmp_path: Path) -> None:
    def elsewhere(data: dict[str, Any]) -> None:
        data["earlier_audits"][0]["case_file"] = "../saknas.yaml"

    done = run_cli("check", str(changed(tmp_path, elsewhere)))
    assert done.returncode == 2 and "no earlier case file '../saknas.yaml'" in done.stderr


def test_an_override_of_a_recommendation_no_question_follows_up_is_an_error(tmp_path: Path) -> None:
    def unasked(data: dict[str, Any]) -> None:
        data["audit"]["questions"].pop()

    done = run_cli("check", str(changed(tmp_path, unasked)))
    assert done.returncode == 2
    assert "no question follows up recommendation 'rek-ansvarsfordelning-direktorer'" in done.stderr
