"""The text view of `styraudit check`: one line per finding, like the linters users know.

Piped or written to a file, each finding is one line, never wrapped, without trailing spaces:

    cases/x.yaml:12:5: high some-criterion: not fulfilled: <the observation>

then the answers to the audit questions of that case (`cases/x.yaml: answer q1: Nej`), and at the
end one summary line. Paths are relative to the working directory; a criterion is named by its
id, never by the path of its file. Fulfilled criteria are counted in the summary, not listed;
--quiet lists only the failing ones. On a terminal the same findings are grouped per file, in
colour (unless NO_COLOR is set). Load problems go to stderr (the command prints them); a text
file written with --output carries them too, so that it is complete on its own.

Rendering is plain string formatting, cheaper than the JSON format, and done per case in the
worker process that judged it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TextIO

from ..engine.outcome import Outcome
from ..engine.results import CaseResult, CriterionResult
from ..text.i18n import _, ngettext
from ..text.messages import format_problem
from . import LiveStdout, Summary, WorkerCopy
from ._ci import OUTCOMES, SEVERITIES, clean, facts, message

COLOURS = {Outcome.partly_fulfilled: "33", Outcome.not_fulfilled: "31", Outcome.cannot_assess: "34", Outcome.fulfilled: "32"}


class TextReporter(WorkerCopy):
    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        from ..text.words import answer_words

        self.stream = stream
        self.quiet = bool(options.get("quiet"))
        is_tty = getattr(stream, "isatty", lambda: False)()
        self.terminal = bool(options.get("terminal", is_tty))
        self.colour = self.terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        self.with_problems = not isinstance(stream, LiveStdout)  # on stdout, problems are on stderr already
        self.cwd = os.path.abspath(".")
        self.answers: dict[str, str] = answer_words()

    def begin(self) -> None:
        pass

    def prepare(self, result: CaseResult) -> str:
        """The lines of one case; pure, so worker processes can do it in parallel."""
        lines = [format_problem(p) for p in result.problems] if self.with_problems else []
        shown = [c for c in result.criteria if (c.failing if self.quiet else c.outcome is not Outcome.fulfilled)]
        if self.terminal:
            lines += self._grouped(result, shown)
        else:
            lines += [self._line(result, c) for c in shown]
            lines += [f"{self.path(result.file)}: {self._answer(a)}" for a in result.answers]
        return "".join(line + "\n" for line in lines)

    def case(self, result: CaseResult, prepared: str | None = None) -> None:
        self.stream.write(self.prepare(result) if prepared is None else prepared)

    def end(self, summary: Summary) -> None:
        self.stream.write(summary_line(summary) + "\n")

    def path(self, file: str) -> str:
        """`file` relative to the working directory when it lies below it, as given otherwise."""
        absolute = os.path.abspath(file)
        if absolute == self.cwd or absolute.startswith(self.cwd.rstrip(os.sep) + os.sep):
            return Path(os.path.relpath(absolute, self.cwd)).as_posix()
        return file

    def _where(self, result: CaseResult, criterion: CriterionResult) -> tuple[str, int, int]:
        shown = facts(criterion)
        if shown and shown[0].location.line:
            where = shown[0].location
            return self.path(where.file), where.line, where.column
        return self.path(result.file), 1, 1  # about the case as a whole: its first line

    def _line(self, result: CaseResult, criterion: CriterionResult) -> str:
        path, line, column = self._where(result, criterion)
        return f"{path}:{line}:{column}: {_(SEVERITIES[criterion.severity.value])} {criterion.criterion}: {self._text(criterion)}"

    def _text(self, criterion: CriterionResult) -> str:
        return f"{_(OUTCOMES[criterion.outcome])}: {self._detail(criterion)}"

    def _detail(self, criterion: CriterionResult) -> str:
        text = message(criterion)
        if criterion.waiver:
            waiver = criterion.waiver
            note = _("waived until {expires}: {motivation}").format(expires=waiver.expires, motivation=waiver.motivation)
            text += f" ({' '.join(clean(note).split())})"
        elif criterion.baselined:
            text += " (" + _("accepted in the baseline") + ")"
        return text.rstrip()

    def _answer(self, answer: Any) -> str:
        final = self.answers[answer.final.value]
        text = _("answer {question}: {answer}").format(question=answer.question, answer=final)
        if answer.overridden:
            drafted = self.answers[answer.drafted.value]
            motivation = " ".join(clean(answer.motivation or "").split())
            text += (
                " ("
                + _("drafted {answer}, overridden by the auditor: {motivation}").format(answer=drafted, motivation=motivation)
                + ")"
            )
        return text

    def _grouped(self, result: CaseResult, shown: list[CriterionResult]) -> list[str]:
        if not result.loaded or (self.quiet and not shown):
            return []
        title = " ".join(clean(result.title or "").split())
        heading = self._paint("1", self.path(result.file)) + (f"  {title}" if title else "")
        lines = [heading + (f" ({_('as of {date}').format(date=result.as_of)})" if result.as_of else "")]
        for criterion in shown:
            _path, line, column = self._where(result, criterion)
            place = f"{line}:{column}".ljust(8)
            severity = _(SEVERITIES[criterion.severity.value]).ljust(7)
            outcome = self._paint(COLOURS[criterion.outcome] if not criterion.waiver else "2", _(OUTCOMES[criterion.outcome]))
            lines.append(f"  {place}{severity}{criterion.criterion}  {outcome}: {self._detail(criterion)}")
        lines += [f"  {self._answer(a)}" for a in result.answers]
        return [*lines, ""]

    def _paint(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text


def summary_line(summary: Summary) -> str:
    """One line: files, outcomes, failing criteria at the threshold, waived."""
    counts = ", ".join(f"{n} {_(OUTCOMES[Outcome(o)])}" for o, n in summary.outcomes.items() if n) or _("no criteria")
    line = ngettext("{n} file checked", "{n} files checked", summary.files).format(n=summary.files)
    line += " " + _("({invalid} invalid): {counts}").format(invalid=summary.invalid, counts=counts) + "; "
    failing = ngettext("{n} failing criterion", "{n} failing criteria", summary.failing).format(n=summary.failing)
    line += _("{failing} at or above {severity}").format(failing=failing, severity=_(SEVERITIES[summary.fail_on.value]))
    if summary.waived:
        line += ", " + _("{n} waived").format(n=summary.waived)
    if summary.check_failures:
        line += "; " + ngettext("{n} check failed", "{n} checks failed", summary.check_failures).format(n=summary.check_failures)
    return line
