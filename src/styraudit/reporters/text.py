"""The terminal view of `styraudit check`: per case a table of criteria, the answers, a summary."""

from __future__ import annotations

from typing import Any, TextIO

from ..engine.outcome import Outcome
from ..engine.results import CaseResult, CriterionResult
from ..text.messages import format_problem, plural
from . import Summary

LABELS = {
    Outcome.fulfilled: ("fulfilled", "green"),
    Outcome.partly_fulfilled: ("partly fulfilled", "yellow"),
    Outcome.not_fulfilled: ("not fulfilled", "red"),
    Outcome.cannot_assess: ("cannot assess", "blue"),
}


class TextReporter:
    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        from rich.console import Console

        # emoji=False: rich would turn `file.yaml:100:9` into `file.yaml💯9`.
        self.console = Console(file=stream, highlight=False, emoji=False, width=options.get("width") or None, soft_wrap=False)
        self.quiet = bool(options.get("quiet"))
        from ..text.words import answer_words

        self.answers: dict[str, str] = answer_words()

    def begin(self) -> None:
        pass

    def prepare(self, result: CaseResult) -> str:
        """Render one case to text; pure, so worker processes can do it in parallel."""
        from io import StringIO

        from rich.console import Console

        main = self.console
        buffer = StringIO()
        console = Console(
            file=buffer,
            width=main.width,
            color_system=main.color_system,
            force_terminal=main.is_terminal,
            highlight=False,
            emoji=False,
            soft_wrap=False,
        )
        self._render(console, result)
        return buffer.getvalue()

    def case(self, result: CaseResult, prepared: str | None = None) -> None:
        self.console.file.write(self.prepare(result) if prepared is None else prepared)

    def _render(self, console: Any, result: CaseResult) -> None:
        if not result.loaded:
            for problem in result.problems:
                console.print(format_problem(problem), markup=False, soft_wrap=True)  # one line a problem, as CI logs expect
            return
        shown = [c for c in result.criteria if not self.quiet or c.failing]
        if self.quiet and not shown:
            return
        from rich.text import Text

        # Case content goes in as Text, never as markup: a title such as "[/bold]" would crash rich.
        console.print(Text.assemble((result.file, "bold"), f"  {result.title} (as of {result.as_of or '-'})"))
        console.print(self._table(shown))
        for answer in result.answers:
            mark = (
                f" (drafted {self.answers[answer.drafted.value]}, overridden by the auditor: {answer.motivation})"
                if answer.overridden
                else ""
            )
            console.print(Text.assemble(f"  {answer.question}: ", (self.answers[answer.final.value], "bold"), mark))

    def _table(self, criteria: list[CriterionResult]) -> Any:
        from rich.table import Table

        table = Table(box=None, pad_edge=False, show_edge=False)
        for column in ("criterion", "outcome", "severity", "why", "where"):
            table.add_column(column, overflow="fold")
        for criterion in criteria:
            label, colour = LABELS[criterion.outcome]
            if criterion.waiver:
                label, colour = f"{label} (waived)", "dim"
            table.add_row(
                _plain(criterion.criterion),
                f"[{colour}]{label}[/{colour}]",
                criterion.severity.value,
                _plain(_why(criterion)),
                _plain(str(_where(criterion))),
            )
        return table

    def end(self, summary: Summary) -> None:
        counts = ", ".join(f"{n} {LABELS[Outcome(o)][0]}" for o, n in summary.outcomes.items() if n)
        line = f"{plural(summary.files, 'file')} checked ({summary.invalid} invalid): {counts or 'no criteria'}; "
        line += f"{plural(summary.failing, 'failing criterion', 'failing criteria')} at or above {summary.fail_on.value}"
        line += f", {summary.waived} waived" if summary.waived else ""
        line += f"; {plural(summary.check_failures, 'check')} failed" if summary.check_failures else ""
        self.console.print(line, markup=False)


def _plain(text: object) -> Any:
    """Text from a case or criteria file as a rich Text, so that its brackets are shown, not parsed as markup."""
    from rich.text import Text

    return Text(str(text))


def _why(criterion: CriterionResult) -> str:
    if criterion.check_failures:
        return "; ".join(str(f) for f in criterion.check_failures)
    if criterion.composed_of:
        return criterion.assessment
    decisive = [o for o in criterion.observations if o.outcome is criterion.outcome] or list(criterion.observations)
    return decisive[0].text if decisive else criterion.assessment


def _where(criterion: CriterionResult) -> Any:
    for observation in criterion.observations:
        if observation.outcome is criterion.outcome and observation.facts:
            return observation.facts[0].location
    return criterion.location
