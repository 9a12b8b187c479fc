"""Published Swedish audits as acceptance tests: the drafted answer to every question of every case in
cases/real/ must equal the answer the auditors published (`expected`, mapped from `published`).

A case the rules still miss carries `audit.expected_failure: "<missing concept>"` and runs as a strict
xfail; a case that names a criterion the pack does not have yet is skipped with that criterion's id.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from clirunner import ROOT
from styraudit.engine.criteria import CriteriaPack, default_pack_dir, load_pack
from styraudit.engine.run import evaluate
from styraudit.load.case import LoadedCase, load_case
from styraudit.model.audit import Answer
from test_schema import Yaml12Loader, _validator

REAL = sorted((ROOT / "cases" / "real").glob("*.yaml"))
README = ROOT / "cases" / "real" / "README.md"
# Criteria the rules helper creates with exactly these ids; a real case may name them before they exist.
PLANNED = {
    "ekonomi-budgetuppfoljning", "ekonomi-avvikelser-atgarder", "risk-analys-dokumenterad", "risk-atgarder-uppfoljda",
    "ik-plan-riskbaserad", "ik-kontroller-genomforda", "ik-rapportering-namnd", "ik-uppsikt-styrelsen",
    "verkstallighet-beslut", "verkstallighet-aterrapportering", "projekt-modell-foljd", "projekt-beslutspunkter",
    "delegation-ordning-aktuell", "delegation-anmalan", "delegation-grans-km", "agarstyrning-direktiv",
    "agarstyrning-uppsikt-rapportering", "rekommendation-atgardad", "styrdokument-finns-tillampas",
}  # fmt: skip
# The README's wording table. A phrase may have two words inside it ("inte varit helt", "inte har en
# helt"); "brist" and "otillräcklig" are stems ("bristfällig", "bristande"). A reservation (Delvis or
# Nej) decides over praise, which it qualifies ("inte helt tillfredsställande"); among the matches
# left the longest decides, a tie the more negative answer; wording with none of them is a plain
# affirmative, the table's "ja".
WORDING: list[tuple[str, Answer]] = [
    (r"i allt väsentligt", Answer.yes), (r"i huvudsak", Answer.yes), (r"i stort", Answer.yes),
    (r"till övervägande del", Answer.yes), (r"tillfredsställande", Answer.yes), (r"ja", Answer.yes),
    (r"delvis", Answer.partly), (r"till viss del", Answer.partly), (r"inte(?: \w+){0,2} helt", Answer.partly),
    (r"inte(?: \w+)? fullt ut", Answer.partly),
    (r"nej", Answer.no), (r"inte", Answer.no), (r"brist\w*", Answer.no), (r"otillräcklig\w*", Answer.no),
]  # fmt: skip
SEVERITY = {Answer.yes: 0, Answer.partly: 1, Answer.no: 2}


def published_answer(wording: str) -> Answer:
    """The answer the README table gives a published wording."""
    found = [
        (len(m.group(0)), SEVERITY[answer], answer)
        for pattern, answer in WORDING
        for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", wording.lower())
    ]
    reserved = [f for f in found if f[2] is not Answer.yes]  # a negation covers the praise it qualifies
    return max(reserved or found)[2] if found else Answer.yes


@cache
def _pack() -> CriteriaPack:
    return load_pack([default_pack_dir()])


@cache
def _loaded(path: Path) -> LoadedCase:
    return load_case(str(path.relative_to(ROOT)))


@pytest.mark.parametrize(
    ("wording", "answer"),
    [
        ("inte fullt ändamålsenlig", Answer.no),
        ("bedöms inte varit helt tillräcklig", Answer.partly),
        ("inte har en helt tillräcklig intern kontroll", Answer.partly),
        ("inte har en tillräcklig intern kontroll", Answer.no),
        ("inte helt tillfredsställande", Answer.partly),  # the longer praise does not outweigh its negation
        ("inte tillräcklig och tillfredsställande", Answer.no),
        ("i huvudsak tillfredsställande", Answer.yes),
        ("i huvudsak ändamålsenlig", Answer.yes),
        ("förefaller vara bristfällig", Answer.no),
        ("inte fullt ut", Answer.partly),
    ],
)
def test_the_wording_table(wording: str, answer: Answer) -> None:
    assert published_answer(wording) is answer


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_case_is_encoded_as_the_rules_require(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/case.schema.json\n")
    errors = list(_validator().iter_errors(yaml.load(text, Loader=Yaml12Loader)))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    case = _loaded(path).case
    assert case.id == path.stem and case.audit is not None
    audit = case.audit
    assert audit.url and audit.title and audit.office and audit.kinds and not audit.overrides
    documents = {d.id: d for d in case.evidence.documents}
    assert any(d.url == audit.url for d in documents.values()), "the report itself is a source, at its address"
    for question in audit.questions:
        assert question.expected is not None and question.published, question.id
        assert published_answer(question.published) is question.expected, (question.id, question.published)
        unknown = [c for c in question.criteria if c not in _pack().criteria and c not in PLANNED]
        assert not unknown, f"{question.id} names criteria that neither exist nor are planned: {unknown}"


def _questions() -> list[tuple[Path, str]]:
    """Every question of every real case, as (case file, question id), for one test each."""
    return [(path, q["id"]) for path in REAL for q in yaml.safe_load(path.read_text(encoding="utf-8"))["audit"]["questions"]]


@cache
def _drafted(path: Path) -> dict[str, Answer]:
    return {a.question: a.drafted for a in evaluate(_loaded(path), _pack()).answers}


@pytest.mark.parametrize(("path", "question"), _questions(), ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_drafted_answer_equals_the_published_one(path: Path, question: str, request: pytest.FixtureRequest) -> None:
    """One question at a time, so that a strict xfail covers only the question the rules still miss
    (its own `expected_failure`; a case-wide `audit.expected_failure` covers every question of the case)."""
    audit = _loaded(path).case.audit
    assert audit is not None
    asked = next(q for q in audit.questions if q.id == question)
    missing = sorted({c for q in audit.questions for c in q.criteria if c not in _pack().criteria})
    if missing:
        more = f" (and {len(missing) - 1} more: {', '.join(missing[1:])})" if len(missing) > 1 else ""
        pytest.skip(f"criterion {missing[0]} not in pack{more}")
    if reason := asked.expected_failure or audit.expected_failure:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))
    assert _drafted(path)[question] is asked.expected


def _matching_questions() -> tuple[int, int]:
    """How many questions of all real cases get the published answer drafted, of how many."""
    matched = total = 0
    for path in REAL:
        loaded = _loaded(path)
        questions = loaded.case.audit.questions
        total += len(questions)
        if any(c not in _pack().criteria for q in questions for c in q.criteria):
            continue  # a criterion still missing: none of the case's answers counts as drafted
        drafted = _drafted(path)
        matched += sum(drafted[q.id] is q.expected for q in questions)
    return matched, total


# The done-when asks for 90 %; strict, so the mark must go once the share is reached.
@pytest.mark.xfail(reason="done-when not yet met: 54 of 61 published answers drafted (89 %)", strict=True)
def test_at_least_ninety_percent_of_the_published_answers_are_drafted() -> None:
    matched, total = _matching_questions()
    assert matched >= 0.9 * total, f"{matched} of {total}"


def test_the_real_cases_span_the_kinds_offices_and_answers_asked_for() -> None:
    audits = [_loaded(path).case.audit for path in REAL]
    answers = [q.expected for a in audits for q in a.questions]
    kinds = {kind for a in audits for kind in a.kinds}
    assert len(REAL) >= 10 and len(kinds) >= 5, (len(REAL), kinds)
    assert answers.count(Answer.yes) >= 2 and answers.count(Answer.no) >= 2, answers
    assert len({_firm(a.office) for a in audits}) >= 4


FIRMS = {"PwC": ("pwc", "pricewaterhousecoopers"), "KPMG": ("kpmg",), "EY": ("ey",), "Deloitte": ("deloitte",)}


def _firm(office: str | None) -> str:
    """The firm behind an office's name (Komrev and Kommunal Sektor are PwC), else the office itself."""
    for firm, words in FIRMS.items():
        if any(re.search(rf"\b{w}\b", (office or "").lower()) for w in words):
            return firm
    return office or ""


def test_the_readme_lists_every_real_case_with_its_address_and_answers() -> None:
    rows = {
        line.split("|")[1].strip(" `"): line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("| `")
    }
    assert set(rows) == {path.name for path in REAL}, set(rows) ^ {path.name for path in REAL}
    for path in REAL:
        audit = _loaded(path).case.audit
        row = rows[path.name]
        assert audit.url in row, path.name
        answers = [cell.strip() for cell in row.split("|")[-2].split(",")]
        assert answers == [_LABEL[q.expected] for q in audit.questions], (path.name, answers)


_LABEL = {Answer.yes: "Ja", Answer.partly: "Delvis", Answer.no: "Nej", Answer.cannot_assess: "Kan ej bedömas"}
