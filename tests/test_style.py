"""The house-style helpers, each rule with cases for what it changes and what it leaves."""

from __future__ import annotations

import pytest

from styraudit.text.style import Abbreviations, tidy


@pytest.mark.parametrize(
    ("text", "tidied"),
    [
        ("enligt styrelsens delegation..", "enligt styrelsens delegation."),
        ("ett ord .", "ett ord."),
        ("a,, b", "a, b"),
        ("och så vidare...", "och så vidare..."),
        ("två  mellanslag", "två mellanslag"),
        ("Kommunallagen 6 kap. 6 § gäller.", "Kommunallagen 6 kap. 6 § gäller."),
    ],
)
def test_tidy(text: str, tidied: str) -> None:
    assert tidy(text) == tidied


def test_an_abbreviation_is_introduced_once_and_used_after() -> None:
    style = Abbreviations({"Centrala ledningsgruppen": "CLG"})
    first, second, third = style.apply_all(
        [
            "Centrala ledningsgruppen beslutade.",
            "Arbetet i centrala ledningsgruppen fortsatte.",
            "Centrala ledningsgruppen (CLG) analyserade.",
        ]
    )
    assert first == "Centrala ledningsgruppen (CLG) beslutade."
    assert second == "Arbetet i CLG fortsatte."
    assert third == "CLG analyserade."


def test_an_abbreviation_matches_whole_names_only() -> None:
    style = Abbreviations({"ledningsgruppen": "LG"})
    assert style.apply("ledningsgrupperna och ledningsgruppen") == "ledningsgrupperna och ledningsgruppen (LG)"
