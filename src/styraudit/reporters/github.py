"""`--format github`: GitHub Actions workflow commands, and a Markdown table for the job summary.

Each failing criterion becomes an annotation on its fact's line (`::error` for high severity,
`::warning` for medium, `::notice` for low), each load problem an `::error`. Waived criteria and
those accepted in the baseline get no annotation, only a row in the summary. The summary is appended at the end to the file named by
options["step_summary"]; the CLI fills that from GITHUB_STEP_SUMMARY, this module never reads
the environment. GitHub shows at most 10 annotations of each level per step: the table has all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TextIO

from ..engine.outcome import Severity
from ..engine.results import CaseResult, CriterionResult
from ..errors import Location, Problem, UsageError
from ..text.i18n import _
from . import Summary, WorkerCopy
from ._ci import OUTCOMES, SEVERITIES, clean, facts, message, root_of, shown_path
from .text import summary_line

COMMANDS = {Severity.high: "error", Severity.medium: "warning", Severity.low: "notice"}
MAX_ROWS = 300  # the step summary is capped at 1 MiB; keep well below it


def in_github_actions(environ: Mapping[str, str]) -> bool:
    """True inside a GitHub Actions job, where `github` is the natural default format."""
    return environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as actions/toolkit does."""
    return clean(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also `:` and `,`, which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, where: Location, title: str, text: str, root: Any) -> str:
    """`::level file=F,line=L,col=C,title=T::message` — line and col only where known."""
    properties = {"file": shown_path(where.file, root), "line": where.line, "col": where.column, "title": title}
    shown = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v)
    return f"::{level} {shown}::{escape_data(text)}"


class GithubReporter(WorkerCopy):
    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.root = root_of(options)
        self.summary_path = options.get("step_summary")
        self.rows: list[str] = []
        self.more = 0

    def begin(self) -> None:
        pass

    def case(self, result: CaseResult) -> None:
        for problem in result.problems:
            self._load_problem(result, problem)
        for criterion in result.criteria:
            if criterion.failing:
                shown = facts(criterion)
                where = shown[0].location if shown else Location(result.file)
                title = f"{criterion.label}: {criterion.title}"
                self.stream.write(command(COMMANDS[criterion.severity], where, title, message(criterion), self.root) + "\n")
            if criterion.deficient:
                self._row(result, criterion)

    def end(self, summary: Summary) -> None:
        line = "styraudit: " + summary_line(summary)
        self.stream.write(line + "\n")
        if self.summary_path:
            self._write_summary(line, summary)

    def _load_problem(self, result: CaseResult, problem: Problem) -> None:
        text = problem.message + ("\n" + _("hint: {hint}").format(hint=problem.hint) if problem.hint else "")
        self.stream.write(command("error", problem.location, _("styraudit: invalid file"), text, self.root) + "\n")
        self._add(shown_path(problem.location.file, self.root), _("loading"), _("invalid"), _("error"), problem.message)

    def _row(self, result: CaseResult, criterion: CriterionResult) -> None:
        shown = facts(criterion)
        where = shown[0].location if shown else Location(result.file)
        place = shown_path(where.file, self.root) + (f":{where.line}" if where.line else "")
        outcome = _(OUTCOMES[criterion.outcome])
        outcome += " (" + _("waived") + ")" if criterion.waiver else " (" + _("baseline") + ")" if criterion.baselined else ""
        label = f"{criterion.criterion}: {criterion.title}"
        self._add(place, label, outcome, _(SEVERITIES[criterion.severity.value]), message(criterion))

    def _add(self, *cells: str) -> None:
        if len(self.rows) >= MAX_ROWS:
            self.more += 1
            return
        self.rows.append("| " + " | ".join(markdown_cell(c) for c in cells) + " |\n")

    def _write_summary(self, line: str, summary: Summary) -> None:
        text = f"### styraudit check\n\n{markdown_cell(line.removeprefix('styraudit: '))}\n\n"
        if self.rows:
            columns = (_("File"), _("Criterion"), _("Outcome"), _("Severity"), _("Observation"))
            header = "| " + " | ".join(columns) + " |\n" + "|---" * len(columns) + "|\n"
            more = "\n" + _("… and {n} more rows").format(n=self.more) + "\n" if self.more else ""
            text += header + "".join(self.rows) + more
        try:
            with open(self.summary_path, "a", encoding="utf-8") as handle:  # type: ignore[arg-type]
                handle.write(text + "\n")
        except OSError as error:
            where = Location(str(self.summary_path))
            message = _("cannot write the step summary: {reason}").format(reason=error.strerror)
            raise UsageError([Problem(where, message, "", "usage")]) from None


def markdown_cell(text: str) -> str:
    """One table cell: one line, no pipes or HTML breaking out of it."""
    flat = " ".join(clean(text).split())
    return flat.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
