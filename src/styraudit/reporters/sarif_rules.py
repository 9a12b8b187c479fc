"""SARIF rules (`tool.driver.rules`): one per criterion seen, its help generated from the criterion.

`help.markdown` says what code scanning shows beside an alert: the requirement, the authority
(citation and text) and the recommendation, all from the criterion's YAML, the one source.
"""

from __future__ import annotations

import re
from typing import Any

from ..engine.outcome import Severity
from ..engine.results import CriterionResult
from ..text.i18n import _
from ._ci import clean

LEVELS = {Severity.high: "error", Severity.medium: "warning", Severity.low: "note"}
LOAD_ERROR = "load-error"


def load_rule() -> dict[str, Any]:
    """The rule of a file that could not be loaded."""
    text = _("Fix the problem at the location given; `styraudit validate FILE` shows every problem with a hint.")
    return {
        "id": LOAD_ERROR,
        "name": "LoadError",
        "shortDescription": {"text": _("The file could not be loaded as a case file.")},
        "fullDescription": {"text": _("The file is not valid YAML, does not follow the case schema, or refers to unknown ids.")},
        "help": {"text": text, "markdown": text},
        "defaultConfiguration": {"level": "error"},
    }


def criterion_rule(criterion: CriterionResult, pack: Any, help_uri: str | None = None) -> dict[str, Any]:
    """The rule of a criterion; without the pack (tests, foreign results) the title stands in for the texts.
    `help_uri` is the configured link template (`{id}` for the criterion's id)."""
    spec = pack.criteria[criterion.criterion].spec if pack and criterion.criterion in pack.criteria else None
    requirement = flat(spec.requirement) if spec else flat(criterion.title)
    plain, markdown = [requirement], [f"**{md(flat(criterion.title))}**", md(requirement)]
    if spec:
        authority = flat(spec.authority.citation)
        plain.append(_("Authority: {authority}").format(authority=authority))
        markdown.append(f"**{md(_('Authority'))}:** {md(authority)}")
        if spec.authority.text:
            markdown.append("> " + md(flat(spec.authority.text)))
        if spec.recommendation and "{" not in spec.recommendation.text:  # a template needs a case to render
            recommendation = flat(spec.recommendation.text)
            plain.append(_("Recommendation: {text}").format(text=recommendation))
            markdown.append(f"**{md(_('Recommendation'))}:** {md(recommendation)}")
    rule: dict[str, Any] = {
        "id": criterion.criterion,
        "name": "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", criterion.criterion)),
        "shortDescription": {"text": flat(criterion.title)},
        "fullDescription": {"text": requirement},
        "help": {"text": "\n\n".join(plain), "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": LEVELS[criterion.severity]},
        "properties": {"tags": [flat(criterion.theme)], "severity": criterion.severity.value},
    }
    if help_uri:
        rule["helpUri"] = help_uri.replace("{id}", criterion.criterion)
    return rule


def flat(text: str) -> str:
    """One line of clean text: criteria YAML folds long texts over several lines."""
    return " ".join(clean(text).split())


def md(text: str) -> str:
    """Text as literal Markdown: characters that would format it are escaped."""
    return re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", text)
