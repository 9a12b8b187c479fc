"""A repository adds its own criterion in YAML alone, with the generic field_rule check: no Python, no fork.

The criterion is written at test time into a folder of its own and loaded after the shipped pack,
exactly as `--criteria` would load a repository's folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.engine.outcome import Outcome
from styraudit.engine.run import evaluate
from styraudit.errors import InputError
from styraudit.load.case import load_case
from styraudit.load.resources import data_dir
from styraudit.load.yamldoc import load_file
from styraudit.testing import BASE_CASE, merge

CRITERION = """\
# Our own rule: every report to a board or committee says whether it was oral or written.
id: aterrapportering-form
title: Återrapporteringens form
theme: Uppföljning och återrapportering
authority:
  kind: good_practice
  citation: Regionens riktlinje för återrapportering
requirement: Varje återrapportering anger om den var muntlig eller skriftlig.
severity: low
checks:
  - check: field_rule
    params:
      collection: reporting
      where: "to == 'RS'"
      require: [form]
    texts:
      rule_holds: Samtliga {{ count }} återrapporteringar till styrelsen anger sin form.
      item_missing_field: >-
        Återrapporteringen till {{ item.to|name|lower_first }} den {{ item.date|date_sv }}
        (”{{ label }}”) anger inte om den var muntlig eller skriftlig.
      item_not_in_set: ”{{ label }}” har formen {{ value }}.
      dates_out_of_order: ”{{ label }}” har datum i fel ordning.
      item_not_assessable: ”{{ label }}” kan inte prövas.
      too_few: Det finns {{ count }} återrapporteringar, färre än {{ min_count }}.
      nothing_to_check: Det finns inga återrapporteringar till styrelsen att pröva.
assessment:
  fulfilled: Varje återrapportering anger sin form.
  partly_fulfilled: Några återrapporteringar anger inte sin form.
  not_fulfilled: Återrapporteringarna anger inte sin form.
  cannot_assess: Underlaget innehåller inga återrapporteringar att pröva.
recommendation:
  text: Ange för varje återrapportering om den är muntlig eller skriftlig.
  addressees: [owner]
"""

REPORTS = [
    {
        "id": "r1",
        "date": "2022-05-02",
        "by": "rd",
        "to": "RS",
        "form": "written",
        "covered": "Lägesrapport",
        "sources": ["d-prot"],
    },
    {"id": "r2", "date": "2022-09-12", "by": "rd", "to": "RS", "covered": "Information om införandet", "sources": ["d-prot"]},
    {"id": "r3", "date": "2022-10-03", "by": "rd", "to": "CLG", "covered": "Avstämning", "sources": ["i-rd"]},
]


def _write_case(folder: Path, reports: list[dict[str, object]]) -> Path:
    base = load_file(str(data_dir("templates") / BASE_CASE)).data
    path = folder / "case.yaml"
    path.write_text(yaml.safe_dump(merge(base, {"reporting": reports}), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _write_criterion(folder: Path, text: str) -> Path:
    criteria = folder / "criteria"
    criteria.mkdir()
    path = criteria / "aterrapportering-form.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_criterion_written_in_yaml_alone_is_judged_and_rendered(tmp_path: Path) -> None:
    criterion_file = _write_criterion(tmp_path, CRITERION)
    pack = load_pack([default_pack_dir(), criterion_file.parent])
    loaded = load_case(str(_write_case(tmp_path, REPORTS)))

    result = {c.criterion: c for c in evaluate(loaded, pack).criteria}["aterrapportering-form"]

    assert result.outcome is Outcome.partly_fulfilled
    assert result.theme == "Uppföljning och återrapportering"
    assert [o.text for o in result.observations] == [
        "Återrapporteringen till regionstyrelsen den 12 september 2022 (”Information om införandet”) "
        "anger inte om den var muntlig eller skriftlig."
    ]
    (fact,) = result.observations[0].facts
    assert fact.path == "reporting[1]"
    assert fact.location.file == loaded.file and fact.location.line > 0
    assert fact.sources == ("d-prot",)
    assert result.assessment == "Några återrapporteringar anger inte sin form."
    assert result.recommendation is not None and result.recommendation.addressees == ("RS",)


def test_the_same_criterion_is_fulfilled_when_every_report_states_its_form(tmp_path: Path) -> None:
    pack = load_pack([default_pack_dir(), _write_criterion(tmp_path, CRITERION).parent])
    reports = [{**report, "form": "oral"} for report in REPORTS]
    result = {c.criterion: c for c in evaluate(load_case(str(_write_case(tmp_path, reports))), pack).criteria}

    assert result["aterrapportering-form"].outcome is Outcome.fulfilled
    assert [o.text for o in result["aterrapportering-form"].observations] == [
        "Samtliga 2 återrapporteringar till styrelsen anger sin form."
    ]


@pytest.mark.parametrize(
    ("broken", "wrong"),
    [
        ("where: \"to == 'RS'\"", "where: \"to = 'RS'\""),
        ("require: [form]", "require: [form, 'length(sources'] "),
    ],
)
def test_an_invalid_jmespath_expression_is_an_error_at_its_line(tmp_path: Path, broken: str, wrong: str) -> None:
    text = CRITERION.replace(broken, wrong)
    criterion_file = _write_criterion(tmp_path, text)
    expected_line = next(n for n, line in enumerate(text.splitlines(), start=1) if wrong.strip() in line)

    with pytest.raises(InputError) as caught:
        load_pack([default_pack_dir(), criterion_file.parent])

    (problem,) = [p for p in caught.value.problems if p.location.file == str(criterion_file)]
    assert problem.location.line == expected_line
    assert "not a valid JMESPath expression" in problem.message
    assert str(problem.location).startswith(f"{criterion_file}:{expected_line}:")
