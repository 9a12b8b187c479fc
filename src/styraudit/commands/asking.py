"""The questions guided `init` asks on a terminal, and the answers they give (the same mapping as
an `--answers` file). A required answer left empty, a choice not among the offered words and a
source that names no document or interview are asked again: nothing given so far is lost, and the
answers always make a case that validates.

Documents and interviews are asked first, so that each decision, report and absence can name the
ones it rests on (by number; empty: the same as the fact before it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from ..errors import Location, Problem, UsageError
from ..load.vocabulary import vocabulary
from ..text.i18n import _

Read = Callable[[str], str]
MUNICIPALITY_WORDS = ("kommun", "municipality")
ROWS = {  # section -> (question, the keys of its ';'-separated fields)
    "documents": ("document", ("title", "kind", "date", "reference")),
    "interviews": ("interview", ("role", "date", "statements")),
    "decisions": ("decision", ("date", "by", "summary", "reference", "paragraph")),
    "reports": ("report", ("date", "by", "to", "covered", "form", "deviation")),
    "absences": ("absence", ("kind", "statement", "concerns", "in_response_to")),
}


def _tell(text: str) -> None:
    print(text, file=sys.stderr)


class Asker:
    """Asks one question at a time through `read` (`input`, or a test's stand-in)."""

    def __init__(self, read: Read, say: dict[str, str], tell: Callable[[str], None] = _tell) -> None:
        self.read, self.say, self.tell = read, say, tell

    def line(self, key: str, default: str = "", **values: str) -> str:
        """One answer (its default when left empty); the end of the input is a usage error, not a traceback."""
        try:
            text = self.read(self.say[key].format(**values) + " ").strip()
        except EOFError:
            hint = _("answer every question, or give the answers in a file with --answers")
            raise UsageError([Problem(Location("stdin"), _("the answers ended before the questions"), hint, "usage")]) from None
        return text or default

    def required(self, key: str, **values: str) -> str:
        """An answer that may not be empty: asked again until it is given."""
        while not (text := self.line(key, **values)):
            self.tell(self.say["required"])
        return text

    def choice(self, key: str, enum: str, default: str) -> str:
        """One of an enum's Swedish words (or its English value), asked again until it is one."""
        words = vocabulary()[enum]
        accepted = {w.lower() for value, sv in words.items() for w in [value, *sv]}
        choices = ", ".join(sv[0] for sv in words.values() if sv)
        while (text := self.line(key, default, choices=choices)).lower() not in accepted:
            self.tell(self.say["not_a_choice"].format(choices=choices))
        return text

    def rows(self, section: str, then: Callable[[dict[str, Any]], None] = lambda entry: None) -> list[dict[str, Any]]:
        """Rows of ';'-separated fields until an empty line; `then` asks what follows each row."""
        prompt, names = ROWS[section]
        found = []
        while text := self.line(prompt):
            parts = [part.strip() for part in text.split(";")]
            entry: dict[str, Any] = {n: parts[i] for i, n in enumerate(names) if i < len(parts) and parts[i]}
            then(entry)
            found.append(entry)
        return found

    def sources(self, default: list[str], documents: int, interviews: int) -> list[str]:
        """The documents (by number) and interviews (`intervju N`) a fact rests on; empty: `default`."""
        while True:
            given = _split(self.line("sources", ", ".join(default), given=", ".join(default) or "-"))
            wrong = [s for s in given if not _names_evidence(s, documents, interviews)]
            if not wrong:
                return given
            self.tell(self.say["not_a_source"].format(source=wrong[0], documents=documents, interviews=interviews))


def _names_evidence(source: str, documents: int, interviews: int) -> bool:
    text = source.lower()
    number, count = (text.removeprefix("intervju").strip(), interviews) if text.startswith("intervju") else (text, documents)
    return number.isdigit() and 1 <= int(number) <= count


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def ask(read: Read, say: dict[str, str], defaults: dict[str, Any], criteria: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    """The answers, asked one by one; `defaults` per kind (municipality, region); `criteria` the
    installed criteria (id, Swedish title), shown before the audit questions and the only ids accepted."""
    asker = Asker(read, say)
    kind = asker.line("kind", "kommun")
    usual = defaults["municipality" if kind.lower() in MUNICIPALITY_WORDS else "region"]
    answers: dict[str, Any] = {"kind": kind, "organisation": asker.line("organisation", usual["organisation"])}
    ids = ", ".join(b["id"] for b in usual["bodies"])
    answers["subject"] = {
        "name": asker.required("subject_name"),
        "kind": asker.line("subject_kind", "projekt"),
        "owner": asker.line("owner", usual["bodies"][-1]["id"], ids=ids),
    }
    for section in ("documents", "interviews"):
        answers[section] = asker.rows(section)
    for entry in answers["interviews"]:
        entry.update({"statements": [entry["statements"]]} if "statements" in entry else {})
    _facts(asker, answers)
    questions = _questions(asker, criteria)
    if questions:
        answers["audit"] = {"title": asker.required("audit_title"), "purpose": asker.required("audit_purpose")}
        answers["audit"]["questions"] = questions
    return answers


def _facts(asker: Asker, answers: dict[str, Any]) -> None:
    """The decisions (with their kind), reports and absences, each with the sources it rests on."""
    counts = len(answers["documents"]), len(answers["interviews"])
    previous = ["1"] if counts[0] else []

    def follow_up(section: str) -> Callable[[dict[str, Any]], None]:
        def then(entry: dict[str, Any]) -> None:
            nonlocal previous
            if section == "decisions":
                entry["kind"] = asker.choice("decision_kind", "DecisionKind", "annat")
            if section == "absences":
                entry.update({k: [entry[k]] for k in ("concerns", "in_response_to") if k in entry})
            if counts != (0, 0):
                previous = entry["sources"] = asker.sources(previous, *counts)

        return then

    for section in ("decisions", "reports", "absences"):
        answers[section] = asker.rows(section, follow_up(section))


def _questions(asker: Asker, criteria: tuple[tuple[str, str], ...]) -> list[dict[str, Any]]:
    for criterion, title in criteria:
        asker.tell(f"  {criterion:34} {title}")
    known = {criterion for criterion, _title in criteria}
    questions = []
    while text := asker.line("question"):
        while True:
            chosen = _split(asker.line("criteria"))
            unknown = [c for c in chosen if known and c not in known]
            if chosen and not unknown:
                break
            asker.tell(asker.say["not_a_criterion"].format(criterion=unknown[0]) if unknown else asker.say["required"])
        questions.append({"text": text, "criteria": chosen})
    return questions
