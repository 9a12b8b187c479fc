"""The office's overview across many cases (`styraudit overview`): per body the criteria outcomes by
theme (the heat map), the recommendations still open and their age, the replies overdue, every
audit's answers, and the bodies with deficiencies in the same theme in more than one audit.

A case is reduced to a small plain summary where it is judged (`summarise`, in a worker process),
and the summaries are folded into an `Overview` one by one; its long tables wait on disk, so memory
stays flat however many cases are read.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from ..engine.outcome import Outcome
from ..engine.results import CaseResult
from ..load.case import LoadedCase
from ..text.names import Names

SCHEMA = "styraudit-overview/1"
MAX_AGE = 1 << 20  # days (some 2,800 years): an older recommendation sorts with these
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


def _ranks(texts: list[str]) -> list[int]:
    """Each text's place in sorted order (equal texts share the place), by the texts' own order."""
    places = {text: place for place, text in enumerate(sorted(set(texts)))}
    return [places[text] for text in texts]


def _age(made: Any, reference: date | None) -> int | None:
    """Days from the date a recommendation was made (its earliest reading) to the case's reference date;
    0 when the case's date lies before the report's (the facts were gathered before it was sent)."""
    return max(0, (reference - made.earliest()).days) if made is not None and reference is not None else None


class Rows:
    """A long table of the overview kept on disk, not in memory: rows pickled one after another into an
    anonymous temporary file (unlinked at once, so nothing is left behind), read back in the order
    `reorder` gives, else as they were added."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - open while the overview is written; see close()
        self._added = array("Q")  # where each row starts, in the order the rows were added
        self._offsets = self._added

    def append(self, row: dict[str, Any]) -> None:
        self._file.seek(0, os.SEEK_END)
        self._added.append(self._file.tell())
        pickle.dump(row, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def reorder(self, numbers: list[int]) -> None:
        """After the last row is added: read the rows back as `numbers` lists them, each the number of a
        row in the order added (so giving the same numbers again gives the same order)."""
        self._offsets = array("Q", (self._added[n] for n in numbers))

    def __len__(self) -> int:
        return len(self._added)

    def close(self) -> None:
        self._file.close()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for offset in self._offsets:
            self._file.seek(offset)
            yield pickle.load(self._file)


class Overview:
    """The summaries folded together; `add` one case at a time.

    What grows with the number of cases stays small in memory: the long tables (open recommendations,
    answers) go to `Rows`, a repeated deficiency keeps case numbers, and only the sort keys of the open
    recommendations are held. So 10,000 cases cost about what 1,000 do.
    """

    def __init__(self) -> None:
        self.labels: list[str] = []
        self.invalid: list[dict[str, Any]] = []
        self.cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
        self.deficient_in: dict[tuple[str, str], array[int]] = defaultdict(lambda: array("I"))
        self.open, self.answers = Rows(), Rows()
        # The open recommendations' sort keys, by row number: age, case number and id, compactly.
        self._ages, self._numbers, self._ids = array("I"), array("I"), array("I")
        self._id_numbers: dict[str, int] = {}
        self.overdue: list[dict[str, Any]] = []

    @property
    def cases(self) -> int:
        return len(self.labels)

    def add(self, summary: dict[str, Any]) -> None:
        number, label = len(self.labels), summary["case_id"] or summary["file"]
        self.labels.append(label)
        for body in summary["bodies"]:
            for theme, outcome in summary["themes"]:
                cell = self.cells[(body, theme)]  # judged, deficient, fulfilled
                cell[0] += 1
                cell[1] += outcome in DEFICIENT
                cell[2] += outcome == Outcome.fulfilled.value
                cases = self.deficient_in[(body, theme)]
                if outcome in DEFICIENT and (not cases or cases[-1] != number):
                    cases.append(number)
        for row in summary["open"]:
            self.open.append({"case": label, **row})
            self._ages.append(min(row["age_days"] or 0, MAX_AGE))
            self._numbers.append(number)
            self._ids.append(self._id_numbers.setdefault(row["id"], len(self._id_numbers)))
        self.overdue += [{"case": label, **r} for r in summary["overdue"]]
        for answer in summary["answers"]:
            self.answers.append({"case": label, "title": summary["title"], **answer})

    def __enter__(self) -> Overview:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let the long tables' temporary files go (the system removes them: they were never named)."""
        self.open.close()
        self.answers.close()

    def add_invalid(self, file: str, problems: list[dict[str, Any]]) -> None:
        self.invalid.append({"file": file, "problems": problems})

    def _open_order(self) -> list[int]:
        """Row numbers of the open recommendations, oldest first, then by case and id: each key packed
        into one integer (age, the case's rank by label, the id's rank, the row), so sorting 50,000
        rows holds 50,000 small integers rather than as many tuples."""
        case_rank = _ranks(self.labels)
        id_rank = _ranks(sorted(self._id_numbers, key=self._id_numbers.__getitem__))
        rows = len(self._ages)
        width = max(rows, len(self.labels), len(id_rank), 1).bit_length()
        packed = sorted(
            (((MAX_AGE - self._ages[n]) << width | case_rank[self._numbers[n]]) << width | id_rank[self._ids[n]]) << width | n
            for n in range(rows)
        )
        mask = (1 << width) - 1
        return [key & mask for key in packed]

    def as_dict(self) -> dict[str, Any]:
        """The overview in a stable order: the JSON output, and what HTML and Excel show. The two long
        tables are `Rows`, read from disk as they are written out."""
        labels = self.labels
        self.open.reorder(self._open_order())
        named = {key: list(dict.fromkeys(labels[n] for n in cases)) for key, cases in self.deficient_in.items()}
        repeated = [
            {"body": b, "theme": t, "audits": len(cases), "cases": cases}
            for (b, t), cases in sorted(named.items())
            if len(cases) > 1
        ]
        return {
            "schema": SCHEMA,
            "cases": self.cases,
            "invalid": self.invalid,
            "bodies": sorted({b for b, _t in self.cells}),
            "themes": sorted({t for _b, t in self.cells}),
            "heatmap": [
                {"body": b, "theme": t, "judged": c[0], "deficient": c[1], "fulfilled": c[2]}
                for (b, t), c in sorted(self.cells.items())
            ],
            "open_recommendations": self.open,
            "overdue_replies": sorted(self.overdue, key=lambda r: (r["due"] or "", r["case"], r["body"])),
            "answers": self.answers,
            "repeated_deficiencies": sorted(repeated, key=lambda r: (-r["audits"], r["body"], r["theme"])),
        }
