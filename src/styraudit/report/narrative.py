"""Chapter 4 tells the facts: every fact of the case in its own words, with its sources, by theme in date order.

A fact belongs to the theme of the first criterion whose findings cite it; a fact no finding
cites joins the theme that holds most facts of its kind, or, failing that, the theme for facts
without a criterion (labels.yaml `narrative.other_theme`). Findings are woven in beside the
facts; a finding that only restates a fact the narrative tells, or that the engine judged
fulfilled on facts the narrative tells, is left to "Vår kommentar".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..load.case import LoadedCase
from ..model.base import PartialDate
from ..text.names import Names
from ..text.style import tidy
from ..text.swedish import date_sv, lower_first
from .model import Statement
from .sources import SourceBook

# The fact lists chapter 4 tells, and the field that holds each fact's own sentence. Goals are left
# out: a goal chain is a table, not a story; mandates repeat the decision that gave them.
COLLECTIONS = (
    "decisions",
    "mandates",
    "reporting",
    "anchoring",
    "analyses",
    "responsibilities",
    "absences",
    "steering_documents",
    "executions",
    "delegations",
    "budgets",
    "risks",
    "resources",
    "internal_control",
    "samples",
    "earlier_audits",
)
TEXT_FIELDS = ("summary", "statement", "observation", "description", "task", "text", "title", "name")


@dataclass(frozen=True)
class Told:
    """One fact as chapter 4 tells it: where it is, its sentence, its sources and its date."""

    path: str  # "reporting[3]"
    collection: str
    text: str
    sources: tuple[str, ...]
    date: str | None  # ISO, earliest reading


def facts_of(loaded: LoadedCase, labels: dict[str, Any]) -> list[Told]:
    """Every fact the narrative tells, in the case's order."""
    case = loaded.case
    name = Names(case)
    told_decisions = {d.id for d in case.decisions}
    found: list[Told] = []
    for collection in COLLECTIONS:
        for index, fact in enumerate(getattr(case, collection, None) or ()):
            if collection == "mandates" and getattr(fact, "decision", None) in told_decisions:
                continue  # the decision that gave the mandate tells it
            text = _text(collection, fact, name, labels)
            if text:
                found.append(Told(f"{collection}[{index}]", collection, text, tuple(fact.sources), _date(fact)))
    if case.initiative is not None and case.initiative.purposes:
        found.append(_purposes(case, labels))
    return found


def _text(collection: str, fact: Any, name: Names, labels: dict[str, Any]) -> str:
    """The fact's own sentence; a report to a body is told as who informed whom, when, of what."""
    if collection == "reporting":
        covered = getattr(fact, "covered", None) or ""
        text = labels["narrative"]["reporting"].format(
            when=when_sv(fact.date, labels), by=lower_first(name(fact.by)), to=lower_first(name(fact.to)), covered=covered
        )
        text = tidy(" ".join(text.split()))
        return text[:1].upper() + text[1:]
    if collection == "steering_documents":
        return _steering_document(fact, name, labels)
    for field in TEXT_FIELDS:
        value = getattr(fact, field, None)
        if isinstance(value, str) and value.strip():
            return _referenced(tidy(value), getattr(fact, "reference", None), labels)
    return ""


def _steering_document(doc: Any, name: Names, labels: dict[str, Any]) -> str:
    """Who adopted the document and when, then what the case knows of it, each as the source states it;
    what it lacks in its own words."""
    told = labels["narrative"]["steering_document"]
    said = told["routine" if doc.kind.value == "routine" else "document"]

    def dated(value: PartialDate) -> str:
        return told["when"][value.precision].format(date=date_sv(value))

    when = f" {dated(doc.adopted)}" if doc.adopted else ""
    if doc.adopted_by:
        parts = [said["adopted"].format(title=doc.title, by=lower_first(name(doc.adopted_by)), when=when)]
    else:
        parts = [
            said["adopted_when"].format(title=doc.title, when=when.strip()) if when else said["exists"].format(title=doc.title)
        ]
    if doc.revised:
        parts.append(said["revised"].format(when=dated(doc.revised)))
    for quality in ("documented", "known", "applied", "up_to_date"):
        value = getattr(doc, quality)
        key = value.value if hasattr(value, "value") else {True: "true", False: "false"}.get(value)
        if key and key in said[quality]:
            parts.append(said[quality][key])
    parts.extend(lack.strip() for lack in doc.lacks)
    return tidy(" ".join(parts))


def _referenced(text: str, reference: Any, labels: dict[str, Any]) -> str:
    """A decision's reference (diarienummer) at the end of its sentence, unless the text already gives it."""
    if not isinstance(reference, str) or not reference or reference in text:
        return text
    mark = labels["narrative"]["reference"].format(reference=reference)
    return f"{text[:-1]} {mark}." if text.endswith(".") else f"{text} {mark}"


def _purposes(case: Any, labels: dict[str, Any]) -> Told:
    purposes = case.initiative.purposes
    listed = [lower_first(p.text.rstrip(".")) for p in purposes]
    text = labels["narrative"]["purposes"].format(purposes="; ".join(listed))
    sources = tuple(dict.fromkeys(s for p in purposes for s in p.sources))
    return Told("initiative.purposes", "purposes", text, sources, None)


def when_sv(value: Any, labels: dict[str, Any]) -> str:
    """'I mars 2021', 'Den 5 mars 2021', 'Under år 2022'; '' when undated."""
    if not isinstance(value, PartialDate):
        return ""
    return labels["narrative"]["when"][value.precision].format(date=date_sv(value))


def _date(fact: Any) -> str | None:
    when = getattr(fact, "date", None)
    if not isinstance(when, PartialDate):
        when = getattr(getattr(fact, "period", None), "start", None)
    return when.earliest().isoformat() if isinstance(when, PartialDate) else None


def assign(
    told: Iterable[Told], cited_in: dict[str, str], themes: list[str], other: str, preferences: dict[str, str]
) -> dict[str, list[Told]]:
    """The facts of each theme: cited facts where they are cited, the others with their kind's theme."""
    by_theme: dict[str, list[Told]] = {title: [] for title in themes}
    homeless: list[Told] = []
    for fact in told:
        theme = cited_in.get(fact.path)
        (by_theme.get(theme, homeless)).append(fact)
    for fact in homeless:
        preferred = preferences.get(fact.collection)
        if preferred in by_theme:
            by_theme[preferred].append(fact)
            continue
        counts = Counter(t for t, facts in by_theme.items() for f in facts if f.collection == fact.collection)
        theme = counts.most_common(1)[0][0] if counts else other
        by_theme.setdefault(theme, []).append(fact)
    return by_theme


def fact_statements(facts: Iterable[Told], book: SourceBook, interviews: set[str], locate: Any) -> Iterator[Statement]:
    """The statements of a theme's facts, numbering their sources as the reader meets them."""
    for fact in facts:
        yield Statement(
            text=fact.text,
            sources=book.cite(fact.sources),
            interview_only=bool(fact.sources) and all(s in interviews for s in fact.sources),
            unsourced=not fact.sources,
            locations=(str(locate(fact.path)),),
            outcome="fact",
            date=fact.date,
        )


def ordered(statements: Iterable[Statement]) -> tuple[Statement, ...]:
    """Dated statements by date, undated ones after them; ties keep their order."""
    return tuple(sorted(statements, key=lambda s: (s.date is None, s.date or "")))


def fact_key(dotted: str) -> str:
    """'absences[8].statement' -> 'absences[8]': the fact a path points into."""
    head, bracket, _rest = dotted.partition("]")
    return head + bracket if bracket else dotted


def yaml_path(dotted: str) -> tuple[str | int, ...]:
    """'reporting[3]' -> ('reporting', 3), for the loader's location table."""
    parts: list[str | int] = []
    for piece in dotted.replace("]", "").split("."):
        name, _, index = piece.partition("[")
        parts.append(name)
        if index:
            parts.append(int(index))
    return tuple(parts)


def woven(observations: Iterable[Any], facts: list[Told], doubtful: set[str]) -> list[Any]:
    """The findings chapter 4 tells beside the facts: not a doubt (those go to the auditor), not a
    restatement of a fact told, not a fulfilled finding that rests only on facts told."""
    texts = [f.text for f in facts]
    paths = {f.path for f in facts}
    kept = []
    for observation in observations:
        if observation.text in doubtful or any(text in observation.text for text in texts):
            continue
        keys = {fact_key(f.path) for f in observation.facts}
        # A finding on one fact told restates it; a fulfilled one on facts told adds nothing to the story.
        if keys and keys <= paths and (len(keys) == 1 or observation.outcome.value == "fulfilled"):
            continue
        kept.append(observation)
    return kept
