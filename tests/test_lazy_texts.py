"""Criterion texts cost only what a run uses: plain prose is not rendered by Jinja, templates are
compiled at their first render, and one timer per case bounds every render in it."""

from __future__ import annotations

import time

import pytest
from jinja2.exceptions import SecurityError

from styraudit.engine.criteria import default_pack_dir, load_pack
from styraudit.text.clock import case_bound, rendering
from styraudit.text.jinja import TimeLimitExceeded, environment
from styraudit.text.lazy import LazyTemplate

PROSE = [
    "Samtliga beslut anger diarienummer.",
    "Två rader\r\nmed Windows-radslut\roch gamla Mac-radslut\n",
    "En text med styrtecken \x1b[31m och } och }} och %} ensamma",
    "",
    "\n\nslutar med tomma rader\n\n",
]


@pytest.mark.parametrize("text", PROSE)
def test_plain_prose_reads_as_jinja_would_have_written_it(text: str) -> None:
    env = environment()
    lazy = LazyTemplate(env, text)
    assert lazy.plain is not None
    assert lazy.render(count=3) == env.from_string(text).render(count=3)


def test_a_text_with_template_syntax_is_compiled_at_its_first_render_only() -> None:
    lazy = LazyTemplate(environment(), "Samtliga {{ count }} beslut{# en kommentar #}.")
    assert lazy.plain is None and lazy._compiled is None
    assert lazy.render(count=3) == "Samtliga 3 beslut."
    compiled = lazy.template
    assert lazy.render(count=4) == "Samtliga 4 beslut." and lazy.template is compiled


def test_loading_the_pack_compiles_no_text() -> None:
    pack = load_pack([default_pack_dir()])  # a requirement with {{ }} is rendered as it loads: not counted
    texts = [
        t for c in pack.criteria.values() for t in [*c.assessment.values(), *(b for k in c.checks for b in k.texts.values())]
    ]
    assert texts and all(t._compiled is None for t in texts)
    assert any(t.plain is not None for t in texts) and any(t.plain is None for t in texts)


ENDLESS = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"


def test_one_timer_per_case_stops_an_endless_render() -> None:
    lazy = LazyTemplate(environment(), ENDLESS)
    with case_bound(0.2), pytest.raises(TimeLimitExceeded, match=r"longer than 0\.2 seconds"), rendering(0.2):
        lazy.render()


def test_a_render_outside_a_case_keeps_its_own_deadline() -> None:
    lazy = LazyTemplate(environment(), ENDLESS)
    with pytest.raises(SecurityError, match="longer than"), rendering(0.2):
        lazy.render()


def test_the_case_timer_never_interrupts_work_between_renders() -> None:
    """Time spent in a check (not a render) is the check's: the timer must not stop it."""
    with case_bound(0.05):
        until, spins = time.monotonic() + 0.3, 0
        while time.monotonic() < until:  # outlives the first bound and several ticks
            spins += 1
        with rendering(0.05):
            spins += 1
    assert spins > 1
