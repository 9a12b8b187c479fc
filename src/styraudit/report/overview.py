"""The office's overview across many cases (`styraudit overview`): per body the criteria outcomes by
theme (the heat map), the recommendations still open and their age, the replies overdue, every
audit's answers, and the bodies with deficiencies in the same theme in more than one audit.

A case is reduced to a small plain summary where it is judged (`summarise`, in a worker process),
and the summaries are folded into an `Overview` one by one, so memory grows with the rows the
overview shows, not with the cases' results.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..engine.outcome import Outcome
from ..engine.results import CaseResult
from ..load.case import LoadedCase
from ..text.names import Names

SCHEMA = "styraudit-overview/1"
DEFICIENT = (Outcome.not_fulfilled.value, Outcome.partly_fulfilled.value)


def _bodies(loaded: LoadedCase) -> list[str]:
    """The bodies a case's outcomes are about: the audited bodies, else the subject's owner and the affected."""
    case = loaded.case
    if case.audit and case.audit.audited_bodies:
        return list(case.audit.audited_bodies)
    subject = case.initiative
    found = [subject.owner] if getattr(subject, "owner", None) else []
    return list(dict.fromkeys([*found, *getattr(subject, "affected_bodies", [])])) or ["-"]


def summarise(loaded: LoadedCase, result: CaseResult) -> dict[str, Any]:
    """What the overview needs of one judged case, as plain data (cheap to send between processes)."""
    case = loaded.case
    name = Names(case)
    made = case.audit.date if case.audit and case.audit.date else case.as_of
    reference = date.fromisoformat(result.as_of) if result.as_of else None
    open_recs = [
        {"id": r.id, "text": r.text, "made": str(made) if made else None, "age_days": _age(made, reference), "status": "open"}
        for r in result.recommendations
        if r.shown
    ]
    audits = {a.id: a for a in case.earlier_audits}
    for row in result.follow_up:
        if row.final != "implemented":
            earlier = audits[row.audit]
            text = next(r.text for r in earlier.recommendations if r.id == row.recommendation)
            when = earlier.date
            open_recs.append(
                {
                    "id": row.recommendation,
                    "text": " ".join(text.split()),
                    "made": str(when) if when else None,
                    "age_days": _age(when, reference),
                    "status": row.final,
                }
            )
    organisation = case.organisation.name
    replies = result.data.get("replies", ())
    overdue = [{"body": f"{organisation}: {name(r['body'])}", "due": r["due"]} for r in replies if r["status"] == "overdue"]
    return {
        "file": result.file,
        "case_id": result.case_id,
        "title": result.title,
        "as_of": result.as_of,
        # Bodies of different organisations share names (every kommun has a Kommunstyrelsen).
        "bodies": [f"{organisation}: {name(b)}" if b != "-" else organisation for b in _bodies(loaded)],
        "themes": [(c.theme, c.outcome.value) for c in result.criteria if not c.composed_of],
        "answers": [{"question": a.text, "answer": a.final.value, "overridden": a.overridden} for a in result.answers],
        "open": open_recs,
        "overdue": overdue,
    }


def _age(made: Any, reference: date | None) -> int | None:
    """Days from the date a recommendation was made (its earliest reading) to the case's reference date."""
    return (reference - made.earliest()).days if made is not None and reference is not None else None


@dataclass
class Overview:
    """The summaries folded together; `add` one case at a time."""

    cases: int = 0
    invalid: list[dict[str, Any]] = field(default_factory=list)
    cells: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    deficient_in: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    open: list[dict[str, Any]] = field(default_factory=list)
    overdue: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)

    def add(self, summary: dict[str, Any]) -> None:
        self.cases += 1
        label = summary["case_id"] or summary["file"]
        for body in summary["bodies"]:
            for theme, outcome in summary["themes"]:
                cell = self.cells[(body, theme)]  # judged, deficient, fulfilled
                cell[0] += 1
                cell[1] += outcome in DEFICIENT
                cell[2] += outcome == Outcome.fulfilled.value
                if outcome in DEFICIENT and label not in self.deficient_in[(body, theme)]:
                    self.deficient_in[(body, theme)].append(label)
        self.open += [{"case": label, **r} for r in summary["open"]]
        self.overdue += [{"case": label, **r} for r in summary["overdue"]]
        self.answers += [{"case": label, "title": summary["title"], **a} for a in summary["answers"]]

    def add_invalid(self, file: str, problems: list[dict[str, Any]]) -> None:
        self.invalid.append({"file": file, "problems": problems})

    def as_dict(self) -> dict[str, Any]:
        """The overview as plain data, in a stable order: the JSON output, and what HTML and Excel show."""
        bodies = sorted({b for b, _t in self.cells})
        themes = sorted({t for _b, t in self.cells})
        heat = [
            {"body": b, "theme": t, "judged": c[0], "deficient": c[1], "fulfilled": c[2]}
            for (b, t), c in sorted(self.cells.items())
        ]
        repeated = [
            {"body": b, "theme": t, "audits": len(cases), "cases": cases}
            for (b, t), cases in sorted(self.deficient_in.items())
            if len(cases) > 1
        ]
        return {
            "schema": SCHEMA,
            "cases": self.cases,
            "invalid": self.invalid,
            "bodies": bodies,
            "themes": themes,
            "heatmap": heat,
            "open_recommendations": sorted(self.open, key=lambda r: (-(r["age_days"] or 0), r["case"], r["id"])),
            "overdue_replies": sorted(self.overdue, key=lambda r: (r["due"] or "", r["case"], r["body"])),
            "answers": self.answers,
            "repeated_deficiencies": sorted(repeated, key=lambda r: (-r["audits"], r["body"], r["theme"])),
        }
