"""A comma in the wrong place in a one-line mapping `{...}` is the slip a person makes most when
writing YAML by hand: each gets a located message saying what is wrong and how to write it."""

from __future__ import annotations

import pytest

from styraudit.errors import InputError
from styraudit.load.yamldoc import parse_text


@pytest.mark.parametrize(
    ("text", "where", "says", "hint"),
    [
        ("a: {name: b, kind}\n", (1, 14), "'kind' has no value", "block style"),
        ("a: {summary: Beslut A, B, kind: x}\n", (1, 24), "'B' has no value", "in quotes"),
        ("a: {name: b,, kind: c}\n", (1, 13), "YAML syntax", "two commas in a row"),
        ("a: {name: b kind: c}\n", (1, 17), "YAML syntax", "a comma or '}' is missing"),
        ("a: [b, c}\n", (1, 9), "YAML syntax", "a comma or ']' is missing"),
    ],
)
def test_a_comma_slip_in_a_flow_mapping_says_what_and_how(text: str, where: tuple[int, int], says: str, hint: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_text(text, "case.yaml")
    problem = raised.value.problems[0]
    assert (problem.location.line, problem.location.column) == where
    assert says in problem.message and hint in problem.hint, (problem.message, problem.hint)


@pytest.mark.parametrize("text", ["a: {name: b, kind: }\n", "a: {name: b, kind: null}\n", "a: {name: 'b, c'}\n", "a:\n  b:\n"])
def test_an_empty_value_written_as_such_is_no_slip(text: str) -> None:
    assert parse_text(text, "case.yaml").data["a"] is not None or text.startswith("a:\n")
