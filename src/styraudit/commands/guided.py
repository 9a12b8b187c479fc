"""A case from an auditor's answers: what `init --answers FILE.yaml` reads, and what `init` asks on
a terminal. The answers name things as a person does (numbers for documents, Swedish words); this
module makes the ids and links them, so the case it writes validates.

    kind: kommun                      # or region
    organisation: Lilla kommun
    bodies: [{id: KS, name: Kommunstyrelsen, kind: styrelse}]   # left out: the kind's usual two
    subject: {name: Projekt Y, kind: projekt, owner: KS}
    documents: [{title: Protokoll KS 2023-03-01, kind: protokoll, date: 2023-03-01, reference: KS 2023/5, paragraph: § 12}]
    interviews: [{role: Projektledare, date: 2024-02-01, statements: [Projektet är försenat.]}]
    decisions: [{date: 2023-03-01, by: KS, kind: projektdirektiv, summary: ..., sources: [1]}]
    reports: [{date: 2023-09-01, by: KS, to: KS, form: skriftlig, covered: ..., deviation: ja}]
    absences: [{kind: beslut, statement: ..., concerns: [KS], in_response_to: [1]}]
    audit: {title: ..., purpose: ..., questions: [{text: ..., criteria: [aterrapportering]}]}

`sources` are document numbers (1 is the first document) or `intervju N`; left out, the first document.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from ..errors import InputError, Location, Problem
from ..load.resources import data_dir
from ..text.i18n import _

GUIDE = "init/guided.yaml"
MUNICIPALITY_WORDS = ("kommun", "municipality")


def case_from_answers(answers: dict[str, Any], where: str) -> dict[str, Any]:
    """The case's data for `answers`; raises InputError naming an answer that cannot be used."""
    kind = "municipality" if str(answers.get("kind", "region")).strip().lower() in MUNICIPALITY_WORDS else "region"
    defaults = guide()["defaults"][kind]
    subject = dict(answers.get("subject") or {})
    if not subject.get("name"):
        raise InputError(
            [Problem(Location(where), _("the answers name no subject"), _("add `subject: {name: ..., kind: projekt}`"), "init")]
        )
    documents = [{"id": f"dok-{n}", **d} for n, d in enumerate(answers.get("documents") or [], start=1)]
    interviews = [_interview(n, i) for n, i in enumerate(answers.get("interviews") or [], start=1)]
    first = ["dok-1"] if documents else []
    reports = _numbered("rapport", answers.get("reports"), first)
    data: dict[str, Any] = {
        "id": _slug(subject["name"]),
        "title": (answers.get("audit") or {}).get("title") or subject["name"],
        "organisation": {"name": answers.get("organisation") or defaults["organisation"], "kind": kind},
        "bodies": answers.get("bodies") or defaults["bodies"],
        "subjects": [{"id": _slug(subject["name"]), "kind": subject.get("kind", "initiative"), **subject, "sources": first}],
        "decisions": _numbered("beslut", answers.get("decisions"), first),
        "reporting": reports,
        "absences": [_absence(a, reports) for a in _numbered("saknas", answers.get("absences"), first)],
        "evidence": {"documents": documents, "interviews": interviews},
    }
    if answers.get("as_of"):  # the date the facts are known up to, beside the title where a reader looks for it
        data = {"id": data.pop("id"), "title": data.pop("title"), "as_of": answers["as_of"], **data}
    if answers.get("audit"):
        data["audit"] = _audit(answers["audit"])
    return {k: v for k, v in data.items() if v not in ([], None)}


@cache
def guide() -> dict[str, Any]:
    """The Swedish texts of guided init: defaults per kind, section comments, questions."""
    return yaml.safe_load((data_dir("templates") / GUIDE).read_text(encoding="utf-8"))


def _slug(text: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in text.strip().lower())
    return "-".join(part for part in kept.split("-") if part)[:60] or "arende"


def _numbered(prefix: str, items: Any, default_sources: list[str]) -> list[dict[str, Any]]:
    found = []
    for n, item in enumerate(items or [], start=1):
        entry = {"id": f"{prefix}-{n}", **item}
        entry["sources"] = [_source(s) for s in item.get("sources", [])] or default_sources
        found.append(entry)
    return found


def _source(given: Any) -> str:
    text = str(given).strip().lower()
    if text.startswith("intervju"):
        return f"intervju-{text.removeprefix('intervju').strip()}"
    return f"dok-{text}" if text.isdigit() else str(given)


def _interview(number: int, given: dict[str, Any]) -> dict[str, Any]:
    entry = {"id": f"intervju-{number}", **given}
    if "role" in entry:
        entry["role_as_written"] = entry.pop("role")
    return entry


def _absence(entry: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, Any]:
    answered = [f"rapport-{r}" if str(r).isdigit() else str(r) for r in entry.get("in_response_to", [])]
    return {**entry, "in_response_to": answered} if answered else entry


def _audit(given: dict[str, Any]) -> dict[str, Any]:
    questions = [{"id": f"fraga-{n}", **q} for n, q in enumerate(given.get("questions") or [], start=1)]
    return {"title": given.get("title", ""), "purpose": given.get("purpose", ""), **given, "questions": questions}


def commented(data: dict[str, Any]) -> str:
    """The case as YAML, each top-level section preceded by its Swedish comment."""
    comments = guide()["comments"]
    parts = []
    for key, value in data.items():
        text = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=110)
        parts.append((f"\n# {comments[key]}\n" if key in comments else "") + text)
    return "".join(parts)


def ask(read: Any = input, criteria: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    """The answers, asked one by one on a terminal (`read` is `input`, or a test's stand-in);
    `criteria` (each criterion's id and Swedish title) are listed before the audit questions."""
    from .asking import ask as asked

    return asked(read, guide()["ask"], guide()["defaults"], criteria)
