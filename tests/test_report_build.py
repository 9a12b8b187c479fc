"""The report model of the real 2021–2023 case against seed 000, and of a case without an audit."""

from __future__ import annotations

import re
from pathlib import Path

from report_support import DIRECTIVE_CASE, SEED_CHAPTERS, real_report, rendered, report_of, variant

BOARD_AND_COMMITTEES = ("Regionstyrelsen", "Hälso- och sjukvårdsnämnden", "Regionala utvecklingsnämnden")


def test_the_report_has_the_six_chapters_of_the_seed_in_order() -> None:
    markdown = rendered(real_report(), ".md")
    assert re.findall(r"^## (\d\. .+)$", markdown, re.MULTILINE) == SEED_CHAPTERS
    html = rendered(real_report(), ".html")
    headings = re.findall(r'<h2><span class="num">(\d\.)</span> ([^<]+)</h2>', html)
    assert [f"{n} {title}" for n, title in headings] == SEED_CHAPTERS


def test_both_audit_questions_are_answered_no_as_in_the_seed() -> None:
    answers = real_report().answers
    assert [(a.answer, a.drafted, a.overridden) for a in answers] == [("Nej", "Nej", False), ("Nej", "Nej", False)]
    assert all(a.comment for a in answers)


def test_recommendations_match_the_seed_in_substance() -> None:
    items = real_report().recommendations
    texts = [item.text for item in items]
    # Four, like the seed: criteria that share a recommendation text share one bullet.
    assert len(texts) == len(set(texts)) == 4
    # The seed's first recommendation: board and both committees, control over the continued work.
    assert items[0].addressees == BOARD_AND_COMMITTEES
    assert "styrning och kontroll" in items[0].text
    # The seed's other three: responsibility board/committees, anchored analyses, and between directors.
    assert "ansvarsfördelningen mellan styrelsen och nämnderna" in texts[1]
    assert "analyser av grundproblemen" in texts[2] and "förankras" in texts[2]
    assert "ansvarsfördelningen mellan den direktör som leder arbetet och cheferna" in texts[3]
    assert {name for item in items for name in item.addressees} == set(BOARD_AND_COMMITTEES)


def test_chapter_four_groups_the_criteria_by_theme_with_a_comment_each() -> None:
    themes = real_report().themes
    assert [t.title for t in themes] == [
        "Uppdrag och styrning",
        "Nämndernas delaktighet",
        "Uppföljning och återrapportering",
        "Förankring och beredning",
        "Ansvarsfördelning",
    ]
    for theme in themes:
        assert theme.statements and theme.comment
        dates = [s.date for s in theme.statements]
        dated = [d for d in dates if d]
        assert dated == sorted(dated) and dates == dated + [None] * (len(dates) - len(dated))


def test_every_observation_rests_on_numbered_sources() -> None:
    report = real_report()
    statements = [*report.summary_observations, *(s for t in report.themes for s in t.statements)]
    assert all(s.sources for s in statements if s.locations and s.outcome != "cannot_assess")
    assert not any(s.unsourced for s in statements)
    numbers = {source.number for source in report.sources}
    assert all(set(s.sources) <= numbers for s in statements)
    markdown = rendered(report, ".md")
    summary = markdown.split("### Iakttagelser", 1)[1].split("### Bedömning", 1)[0]
    paragraphs = [line for line in summary.splitlines() if line.strip()]
    assert paragraphs and all("](#kalla-" in line for line in paragraphs)


def test_sources_are_numbered_in_order_of_first_citation() -> None:
    report = real_report()
    order: list[int] = []
    for statement in [*report.summary_observations, *(s for t in report.themes for s in t.statements)]:
        order += [n for n in statement.sources if n not in order]
    assert order == list(range(1, len(report.sources) + 1))
    assert [s.number for s in report.sources] == order


def test_interviews_are_named_by_role_never_by_person() -> None:
    report = real_report()
    interviews = [s for s in report.sources if s.kind == "interview"]
    assert interviews and all(s.label.startswith("Intervju med ") for s in interviews)
    assert "Intervju med HR-direktören" in [s.label for s in interviews]
    assert "Dåvarande hälso- och sjukvårdsdirektören" in report.interviews
    assert not any("Bergner" in s.label or "Segerbrant" in s.label for s in report.sources)


def test_the_title_page_and_signature_come_from_the_audit() -> None:
    report = real_report()
    assert (report.organisation, report.office, report.date, report.place) == (
        "Region Västerbotten",
        "Revisionskontoret",
        "23 oktober 2023",
        "Umeå",
    )
    markdown = rendered(report, ".md")
    assert "Umeå den 23 oktober 2023" in markdown
    assert "Petter Bergner och Petra Segerbrant<br>\nSakkunniga<br>\nRevisionskontoret<br>\nRegion Västerbotten" in markdown


def test_an_override_is_shown_as_the_auditors_answer_with_its_motivation(tmp_path: Path) -> None:
    override = "  overrides:\n    - {question: q-uppfoljning, answer: partly, motivation: Styrelsen fick muntliga rapporter varje kvartal.}\n"
    report = report_of(variant(tmp_path, {}, append=override))
    row = report.answers[1]
    assert (row.answer, row.drafted, row.overridden) == ("Delvis", "Nej", True)
    for suffix in (".md", ".html"):
        text = rendered(report, suffix)
        assert "Revisorns bedömning (ändrad från Nej)" in text
        assert "Motivering: Styrelsen fick muntliga rapporter varje kvartal." in text


def test_a_case_without_an_audit_still_gets_an_honest_report() -> None:
    report = report_of(DIRECTIVE_CASE)
    assert report.answers == () and report.purpose is None and report.authors == ()
    assert report.title and report.criteria
    for suffix in (".md", ".html"):
        text = rendered(report, suffix)
        assert "Svar på revisionsfrågor" not in text
        assert "Syfte och revisionsfrågor" not in text
        assert "Kan ej bedömas" not in text


def test_a_waiver_is_visible_in_its_theme_and_judged_as_of_the_reference_date(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    waiver = "waivers:\n  - {criterion: tydligt-uppdrag, motivation: Uppdraget ges i nästa steg., decided_by: Revisorerna, expires: 2023-12-31}\n"
    out = tmp_path / "rapport.md"
    assert cli("report", str(variant(tmp_path, {}, append=waiver)), "-o", str(out)).returncode == 0
    markdown = out.read_text(encoding="utf-8")
    theme = markdown.split("### 4.1 Uppdrag och styrning", 1)[1].split("### 4.2", 1)[0]
    # Expired today, but not on the audit's reference date (23 October 2023): the report does not depend on the clock.
    assert "Avvikelsen är godtagen av Revisorerna till och med 31 december 2023. Motivering: Uppdraget ges i nästa steg." in theme
