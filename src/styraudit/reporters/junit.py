"""`--format junit`: JUnit XML as Jenkins and GitLab read it.

One <testsuite> per case file, one <testcase> per criterion judged, passing ones included:

- failing at or above --fail-on (as the run's Summary decides) → <failure>,
  type = severity, message = the decisive observation, body = every observation with its place;
- failing below the threshold → passes (the gate passes too), the finding in <system-out>;
- cannot be assessed → <skipped>: the case lacks the facts, which is neither pass nor fail;
- waived → <skipped> whose message is the waiver's motivation (who decided it, until when): a
  decided exception is not a pass; accepted in the baseline → passes, noted in <system-out>;
- a file that does not load → one testcase "load" with <error>.

The frame (outcome words, notes) follows the locale like every text for people; outcomes are
shown in words, never as their ids.

The results wait in a temporary file until end(), whose Summary knows the threshold; suites are
then built with xml.etree one case at a time and spooled again so that <testsuites> can carry
the run's totals. Memory stays flat. All text is stripped of ANSI escapes and characters
XML 1.0 forbids.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
import xml.etree.ElementTree as ET
from typing import IO, Any, TextIO

from ..engine.outcome import Outcome
from ..engine.results import CaseResult, CriterionResult
from ..text.i18n import _
from . import Summary, WorkerCopy
from ._ci import OUTCOMES, SEVERITIES, clean, message, root_of, shown_path

# count attribute -> the child of <testcase> it counts (tests count the testcases themselves)
COUNTS = {"tests": "", "failures": "failure", "errors": "error", "skipped": "skipped"}


class JunitReporter(WorkerCopy):
    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.root = root_of(options)
        # Results wait (pickled, on disk past 1 MiB) for the run's summary, which knows --fail-on.
        self.spool = tempfile.SpooledTemporaryFile(max_size=1 << 20)  # noqa: SIM115 - closed in end()
        self.count = 0

    def begin(self) -> None:
        pass

    def case(self, result: CaseResult) -> None:
        pickle.dump(result, self.spool)
        self.count += 1

    def end(self, summary: Summary) -> None:
        with self.spool, tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8") as suites:
            totals = self._write_suites(summary, suites)
            head = ET.Element("testsuites", {"name": "styraudit", **{k: str(v) for k, v in totals.items()}})
            opening = ET.tostring(head, encoding="unicode").removesuffix(" />") + ">"
            self.stream.write(f'<?xml version="1.0" encoding="UTF-8"?>\n{opening}\n')
            suites.seek(0)
            shutil.copyfileobj(suites, self.stream)
        self.stream.write("</testsuites>\n")

    def _write_suites(self, summary: Summary, out: IO[str]) -> dict[str, int]:
        """Write one <testsuite> per spooled result to `out`; return the totals of its counts."""
        totals = dict.fromkeys(COUNTS, 0)
        self.spool.seek(0)
        for _index in range(self.count):
            result: CaseResult = pickle.load(self.spool)
            suite = self._suite(result, summary) if result.loaded else self._invalid(result)
            for name, child in COUNTS.items():
                count = len(suite.findall(f"testcase/{child}" if child else "testcase"))
                suite.set(name, str(count))
                totals[name] += count
            ET.indent(suite, space="  ", level=1)
            out.write("  " + ET.tostring(suite, encoding="unicode") + "\n")
        return totals

    def _suite(self, result: CaseResult, summary: Summary) -> ET.Element:
        path = clean(shown_path(result.file, self.root))
        suite = ET.Element("testsuite", {"name": path})
        properties = ET.SubElement(suite, "properties")
        for name, value in (("case_id", result.case_id), ("title", result.title), ("as_of", result.as_of)):
            ET.SubElement(properties, "property", {"name": name, "value": clean(value or "")})
        for criterion in result.criteria:
            self._testcase(suite, result.case_id or path, path, criterion, summary)
        return suite

    def _testcase(self, suite: ET.Element, classname: str, path: str, criterion: CriterionResult, summary: Summary) -> None:
        name = clean(f"{criterion.label}: {criterion.title}")
        case = ET.SubElement(suite, "testcase", {"classname": clean(classname), "name": name, "file": path})
        outcome = _(OUTCOMES[criterion.outcome])
        if criterion.waiver:
            waiver = criterion.waiver
            note = _("waived: {motivation} (decided by {decided_by}, until {expires})").format(
                motivation=waiver.motivation, decided_by=waiver.decided_by, expires=waiver.expires
            )
            skipped = ET.SubElement(case, "skipped", {"message": clean(note)})
            skipped.text = details(criterion, self.root)
        elif criterion.outcome is Outcome.cannot_assess:
            text = _("{outcome}: {text}").format(outcome=outcome, text=message(criterion))
            skipped = ET.SubElement(case, "skipped", {"message": text})
            skipped.text = details(criterion, self.root)
        elif summary.fails(criterion):
            failure = ET.SubElement(case, "failure", {"message": message(criterion), "type": criterion.severity.value})
            failure.text = details(criterion, self.root)
        elif criterion.baselined:
            note = _("{outcome}, accepted in the baseline").format(outcome=outcome)
            ET.SubElement(case, "system-out").text = note + "\n" + details(criterion, self.root)
        elif criterion.failing:
            note = _("{outcome}, below the --fail-on threshold ({severity})").format(
                outcome=outcome, severity=_(SEVERITIES[criterion.severity.value])
            )
            ET.SubElement(case, "system-out").text = note + "\n" + details(criterion, self.root)

    def _invalid(self, result: CaseResult) -> ET.Element:
        path = clean(shown_path(result.file, self.root))
        suite = ET.Element("testsuite", {"name": path})
        case = ET.SubElement(suite, "testcase", {"classname": path, "name": "load", "file": path})
        first = result.problems[0]
        error = ET.SubElement(case, "error", {"message": clean(first.message), "type": first.code})
        error.text = "\n".join(clean(problem_line(p, self.root)) for p in result.problems)
        return suite


def details(criterion: CriterionResult, root: Any) -> str:
    """The assessment, then each observation at its place with its sources, then the recommendation."""
    lines = [_("{outcome}: {text}").format(outcome=_(OUTCOMES[criterion.outcome]), text=criterion.assessment)]
    for observation in criterion.observations:
        fact = observation.facts[0] if observation.facts else None
        where = (
            f"{shown_path(fact.location.file, root)}:{fact.location.line}:{fact.location.column} {fact.path}: " if fact else ""
        )
        sources = ", ".join(observation.sources)
        lines.append(
            f"- {where}{observation.text}" + (" [" + _("sources: {sources}").format(sources=sources) + "]" if sources else "")
        )
    if criterion.recommendation:
        lines.append(_("Recommendation: {text}").format(text=criterion.recommendation.text))
    return clean("\n".join(lines))


def problem_line(problem: Any, root: Any) -> str:
    where = problem.location
    place = shown_path(where.file, root) + (f":{where.line}:{where.column}" if where.line else "")
    return f"{place}: {problem.message}" + ("\n  " + _("hint: {hint}").format(hint=problem.hint) if problem.hint else "")
