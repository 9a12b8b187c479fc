"""Every check ships a Swedish default text for each of its finding codes (templates/checks/),
so a criterion that reuses a check writes only the texts it wants in its own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from styraudit.engine.context import CheckContext
from styraudit.engine.criteria import default_texts
from styraudit.engine.criteria.binding import params_shape
from styraudit.engine.criteria.texts import TextNames
from styraudit.engine.registry import checks
from styraudit.engine.render import render
from styraudit.errors import Location
from styraudit.load.case import validate_document
from styraudit.load.yamldoc import YamlDocument
from styraudit.testing import CheckFixture, fixture_params
from styraudit.text.jinja import environment

FIXTURES = Path(__file__).parent / "checks"


@pytest.mark.parametrize("check_id", sorted(checks()))
def test_every_code_has_a_default_text_that_names_only_what_it_is_given(check_id: str) -> None:
    check, texts, env = checks()[check_id], default_texts(check_id), environment()
    assert set(texts) == set(check.codes), f"{check_id}: defaults differ from the codes"
    for code, text in texts.items():
        names = TextNames(frozenset({*check.codes[code].values, "outcome"}), params_shape(check))
        problems = names.problems(env.parse(text), env, Location(f"templates/checks/{check_id}.yaml"))
        assert not problems, f"{check_id}.{code}: {problems}"


@pytest.mark.parametrize("fixture", fixture_params(FIXTURES))
def test_the_default_texts_render_every_fixture_finding(fixture: CheckFixture) -> None:
    check, env = checks()[fixture.check], environment()
    loaded = validate_document(YamlDocument(fixture.file, fixture.data, dict(fixture.positions)))
    params = check.params.model_validate(fixture.params)
    ctx = CheckContext(loaded.case, fixture.as_of)
    for finding in check.judge(ctx, params).findings:
        template = env.from_string(default_texts(check.id)[finding.code])
        values = {**finding.values, "outcome": finding.outcome.value, "params": params.model_dump(mode="json")}
        text = render(template, values, Location(fixture.file), ctx.name)
        assert text and text[0].isupper() and text[-1] in ".)”", f"{finding.code}: {text!r}"
        assert "None" not in text and "{" not in text, f"{finding.code}: {text!r}"
