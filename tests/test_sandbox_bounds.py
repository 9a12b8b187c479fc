"""The sandbox's bounds refuse before they allocate, and leave ordinary templates alone."""

from __future__ import annotations

import time

import pytest
from markupsafe import Markup

from styraudit.errors import InputError, Location
from styraudit.report.labels import Label
from styraudit.text.bounds import TooLarge
from styraudit.text.jinja import environment

ORDINARY = {
    "{{ [1, 2]|join(', ') }} {{ 'a-b'|replace('-', '–') }} {{ 'x'|center(5) }}|": "1, 2 a–b   x  |",
    "{{ '%s och %s'|format('a', 'b') }} {{ '{} {}'.format(1, 'z') }} {{ 'ab' ~ 'c' }}": "a och b 1 z abc",
    "{{ {'b': 1}|tojson(indent=2) }}": '{\n  "b": 1\n}',
    "{% for a, b in [(1, 2)] %}{{ a }}{{ b }}{% endfor %} {{ range(3)|list|sum }}": "12 3",
    "{{ 'rad\\nrad'|indent(2, first=True) }}": "  rad\n  rad",
}


@pytest.mark.parametrize("template", ORDINARY)
def test_ordinary_templates_render_as_before(template: str) -> None:
    assert environment().from_string(template).render() == ORDINARY[template]


def test_tilde_escapes_in_html_as_jinja_does() -> None:
    env = environment(html=True)
    assert env.from_string("{{ a ~ b }}").render(a="<x>", b=Markup("<b>")) == "&lt;x&gt;<b>"


@pytest.mark.parametrize(
    "template",
    [
        "{{ 'a'|center(10**11) }}",
        "{{ '%1000000000s'|format('a') }}",
        "{{ '%*s' % (10**9, 'a') }}",
        "{{ '{:{w}}'.format('a', w=10**9) }}",
        "{{ ('a' * 100000)|wordwrap(1, wrapstring='x' * 1000) }}",
        "{{ [[1] * 1000] * 1000 }}",
        "{{ ('a' * 999999) ~ 'bb' }}",
        "{% set d = {'a': 'b' * 900000} %}{{ d.update({'c': 'd' * 900000}) }}",
        "{{ [1]|slice(10**9)|list }}",
    ],
)
def test_bombs_are_refused_at_once(template: str) -> None:
    start = time.perf_counter()
    with pytest.raises(TooLarge):
        environment().from_string(template).render()
    assert time.perf_counter() - start < 1


def test_a_label_fills_named_fields_in_python_and_in_templates() -> None:
    label = Label("Intervju med {role} {{x}}", Location("labels.yaml", 3, 5))
    assert label.format(role="direktören") == "Intervju med direktören {x}"
    assert environment().from_string("{{ l.format(role='HR') }}").render(l=label) == "Intervju med HR {x}"
    with pytest.raises(InputError) as raised:
        label.format(name="x")
    problem = raised.value.problems[0]
    assert str(problem.location) == "labels.yaml:3:5" and "uses {role}" in problem.message and "{name}" in problem.hint
