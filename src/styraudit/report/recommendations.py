"""The report's recommendations: the engine's, with their stable ids and the auditor's edits, as the
reader sees them (display names, and a note saying what the auditor changed and why)."""

from __future__ import annotations

from typing import Any

from ..engine.results import AuditRecommendation, CaseResult
from .model import RecommendationItem


def recommendation_items(result: CaseResult, name: Any, labels: dict[str, Any]) -> tuple[RecommendationItem, ...]:
    """Every recommendation the report makes, in the engine's order; a dropped one is left out."""
    return tuple(
        RecommendationItem(r.text, tuple(name(a) for a in r.addressees), r.id, note(r, labels))
        for r in result.recommendations
        if r.shown
    )


def note(rec: AuditRecommendation, labels: dict[str, Any]) -> str:
    """'Id: rek-…', then, when the auditor edited it, what was done and the motivation."""
    text = labels["text"]
    parts = [text["recommendation_id"].format(id=rec.id)]
    if rec.status in ("kept", "rephrased", "added"):
        parts.append(text[f"recommendation_{rec.status}"].format(motivation=rec.motivation))
    return " · ".join(parts)
