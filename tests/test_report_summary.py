"""Chapter 1 of the 2021–2023 case carries seed 000's assessments, within about 1.2 times the seed's length."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from report_support import ROOT, pack, real_report, rendered, report_of, variant
from styraudit.engine.run import evaluate
from styraudit.report.build import build_report
from styraudit.report.labels import load_labels
from styraudit.report.model import Report
from styraudit.testing import case_on_base

# Seed 000's assessments (issue 11), each as a phrase chapter 1 must contain.
SEED_ASSESSMENTS = {
    "too top-down, confined to the regional director": "toppstyrt arbete, avgränsat till regiondirektören",
    "no clear mandate": "inte gett ett tydligt uppdrag",
    "committees not involved": "nämnder vars förvaltningar berörs av initiativet inte var delaktiga i styrningen",
    "no sufficient cooperation between the directors": "tillräcklig samverkan mellan den som ledde arbetet och de övriga förvaltningscheferna säkerställdes inte",
    "no root-cause analysis": "saknades en analys av grundproblemen",
    "weak anchoring": "Förankringen var svag",
    "only overview reports": "de rapporter som underlaget beskriver närmare var översiktliga",
}


def _chapter_1() -> str:
    text = rendered(real_report(), ".md")
    chapter = text.split("## 1. ", 1)[1].split('<a id="background">', 1)[0]
    return re.sub(r"\[\[.*?\]\]|\[\d+\]\(#kalla-\d+\)|\(#kalla-\d+\)", "", chapter)


@pytest.mark.parametrize("assessment", SEED_ASSESSMENTS, ids=str)
def test_chapter_1_carries_each_assessment_of_seed_000(assessment: str) -> None:
    assert SEED_ASSESSMENTS[assessment] in " ".join(_chapter_1().split())


def test_chapter_1_is_at_most_about_700_words() -> None:
    words = [w for w in _chapter_1().split() if re.search(r"\w", w)]
    assert len(words) <= 720, len(words)


def test_the_top_down_judgement_names_who_led_and_who_took_no_part() -> None:
    sentence = next(s for p in real_report().summary_assessment for s in p.split(". ") if "toppstyrt" in s)
    for actor in (
        "regiondirektören",
        "hälso- och sjukvårdsnämnden",
        "regionala utvecklingsnämnden",
        "hälso- och sjukvårdsdirektören",
    ):
        assert actor in sentence, actor


def test_no_top_down_judgement_when_a_committee_decided_on_the_work(tmp_path: Path) -> None:
    decided = "decisions:\n  - {id: hsn-beslut, date: 2022, by: HSN, kind: plan, summary: Nämnden beslutade om införandet., sources: [hsn-protokoll]}\n"
    report = report_of(variant(tmp_path, {"\ndecisions:\n": "\n" + decided}))
    assert not any("toppstyrt" in p for p in report.summary_assessment)
    assert any("toppstyrt" in p for p in real_report().summary_assessment)


def test_a_goal_chain_summary_condenses_findings_of_one_kind_and_says_how_many_more() -> None:
    report = report_of(ROOT / "cases" / "fokusomraden-2024-2027.yaml")
    said = [s.text for p in report.summary_paragraphs for s in p]
    assert len(said) <= 12, len(said)
    assert any("ytterligare" in t and "avsnitt 4" in t for t in said), said
    told = sum(len(t.statements) for t in report.themes)
    assert told > len(said)  # chapter 4 still tells every finding
    assert not any("att att" in p for p in report.summary_assessment)


@pytest.mark.parametrize(
    ("owner", "said"), [("RS", "Regionstyrelsen har inte gett"), (None, "Det ansvariga organet har inte gett")]
)
def test_the_mandate_assessment_names_the_responsible_body_when_the_case_names_one(owner: str | None, said: str) -> None:
    from styraudit.engine.criteria.pack import default_pack_dir, load_pack
    from styraudit.engine.outcome import Outcome
    from styraudit.engine.render import render
    from styraudit.errors import Location

    criterion = load_pack([default_pack_dir()]).criteria["tydligt-uppdrag"]
    values = {"outcome": "not_fulfilled", "parts": [], "params": criterion.text_params, "owner": owner}
    name = {"RS": "Regionstyrelsen"}.get
    assert render(criterion.assessment[Outcome.not_fulfilled], values, Location("x"), lambda i: name(i, i)).startswith(said)
    if owner:
        assert said in " ".join(_chapter_1().split())


# What chapter 1 says when nothing falls short (real audits), and when nothing could be assessed.
SUMMARIES = [
    # (real case, a phrase its observations say)
    ("sollentuna-verkstallighet-2017", "hade 12 av 13 verkställts"),
    ("huddinge-delegation-2015", "omfattar inga ärenden som enligt lag inte får delegeras"),
]


def _real(case: str) -> Report:
    return report_of(ROOT / "cases" / "real" / f"{case}.yaml")


def _opens_with_the_overall_judgement(report: Report, answer: str) -> bool:
    """Whether the Bedömning opens with the overall judgement for `answer`, whichever bodies it names."""
    before, after = load_labels()["synthesis"]["intro"][answer].split("{bodies}")
    return report.summary_assessment[0].startswith(before) and report.summary_assessment[0].endswith(after)


@pytest.mark.parametrize(("case", "said"), SUMMARIES, ids=[s[0] for s in SUMMARIES])
def test_chapter_1_tells_what_was_found_in_order_when_nothing_falls_short(case: str, said: str) -> None:
    report = _real(case)
    assert said in " ".join(s.text for s in report.summary_observations)
    assert _opens_with_the_overall_judgement(report, "yes")


def test_a_case_none_of_whose_questions_can_be_assessed_says_so_in_its_bedomning() -> None:
    loaded = case_on_base("ingen-budget.yaml", _UNASSESSED)
    report = build_report(loaded, evaluate(loaded, pack()), pack())
    assert _opens_with_the_overall_judgement(report, "cannot_assess")
    assert not report.summary_observations  # what the evidence does not show is the auditor's list, not the text


_QUESTION = {"id": "q", "text": "Följs budgeten upp?", "criteria": ["ekonomi-budgetuppfoljning"]}
_UNASSESSED = {"audit": {"title": "Budget", "purpose": "Granska budgeten.", "audited_bodies": ["HSN"], "questions": [_QUESTION]}}


def test_an_assessment_says_what_its_findings_rest_on_and_no_more() -> None:
    """Uppsala 2021: the companies' reporting is partly fulfilled on a sample with minor deviations
    alone; the Bedömning says so, and not that parts of the oversight are missing."""
    report = _real("uppsala-agarstyrning-agardirektiv-2021")
    said = " ".join(report.summary_assessment)
    assert "stickprov visar vissa avvikelser" in said and "Delar av uppsikten" not in said
    assert [r.text for r in report.recommendations] == [
        "Säkerställ att bolagens rapportering till styrelsen följer ägardirektiven."
    ]


@pytest.mark.parametrize("case", ["sollentuna-verkstallighet-2017", "uppsala-agarstyrning-agardirektiv-2021"])
def test_the_bedomning_has_no_empty_paragraph(case: str) -> None:
    assert all(p.strip() for p in _real(case).summary_assessment)
