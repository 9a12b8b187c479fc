"""`--format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps), as plain dicts.

One run. Results stream as cases come; the rules of the criteria seen so far close the run, since
key order inside a JSON object does not matter. A result is a not or partly fulfilled criterion of
a case (a waived one carries a suppression instead of being dropped) or a load problem of an
invalid file (rule `load-error`). A result accepted in the baseline is kept, marked
in properties.baselined: code scanning keeps its own baseline. Rule texts (requirement, authority) come from the criteria pack
in options["criteria"]; without it the criterion's title stands in.

partialFingerprints["styraudit/v1"] = sha256(criterion id, case id, YAML path of the first fact),
so an alert keeps its identity when lines move or the file is renamed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..engine.outcome import Severity
from ..engine.results import CaseResult, CriterionResult
from ..errors import Location, Problem
from . import Summary
from ._ci import clean, facts, message, relative_path, root_of

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# The document up to the run's results; end() closes the results and adds the tool with its rules.
HEAD = f'{{"$schema": "{SCHEMA_URI}", "version": "2.1.0", "runs": [{{"columnKind": "unicodeCodePoints", "results": ['
LEVELS = {Severity.high: "error", Severity.medium: "warning", Severity.low: "note"}
FINGERPRINT = "styraudit/v1"
LOAD_ERROR = "load-error"
LOAD_RULE = {
    "id": LOAD_ERROR,
    "name": "LoadError",
    "shortDescription": {"text": "The file could not be loaded as a case file."},
    "fullDescription": {"text": "The file is not valid YAML, does not follow the case schema, or refers to unknown ids."},
    "help": {"text": "Fix the problem at the location given; `styraudit validate FILE` shows every problem with a hint."},
    "defaultConfiguration": {"level": "error"},
}


class SarifReporter:
    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.root = root_of(options)
        self.pack = options.get("criteria")
        self.rules: dict[str, dict[str, Any]] = {}
        self.first = True

    def begin(self) -> None:
        self.stream.write(HEAD)

    def case(self, result: CaseResult) -> None:
        if not result.loaded:
            items = [self._load_error(result, p) for p in result.problems]
        else:
            items = [self._result(result, c) for c in result.criteria if c.deficient]
        for item in items:
            self.stream.write(("\n" if self.first else ",\n") + json.dumps(item, ensure_ascii=False, sort_keys=True))
            self.first = False

    def end(self, summary: Summary) -> None:
        driver = {"name": "styraudit", "version": __version__, "semanticVersion": __version__}
        tool = {"driver": {**driver, "rules": list(self.rules.values())}}
        self.stream.write(f'\n], "tool": {json.dumps(tool, ensure_ascii=False, sort_keys=True)}}}]}}\n')

    def _rule_index(self, ident: str, make: Any) -> int:
        if ident not in self.rules:
            self.rules[ident] = make()
        return list(self.rules).index(ident)

    def _result(self, case: CaseResult, criterion: CriterionResult) -> dict[str, Any]:
        shown = facts(criterion)
        item: dict[str, Any] = {
            "ruleId": criterion.criterion,
            "ruleIndex": self._rule_index(criterion.criterion, lambda: self._rule(criterion)),
            "level": LEVELS[criterion.severity],
            "message": {"text": message(criterion)},
            "locations": [self._location(shown[0].location if shown else Location(case.file))],
            "partialFingerprints": {FINGERPRINT: fingerprint(criterion.criterion, case.case_id or case.file, criterion.key_path)},
            "properties": {"outcome": criterion.outcome.value, "severity": criterion.severity.value, "caseId": case.case_id},
        }
        related = [
            {**self._location(f.location), "id": i, "message": {"text": f"{f.path} ({', '.join(f.sources) or '-'})"}}
            for i, f in enumerate(shown[1:], 1)
        ]
        if related:
            item["relatedLocations"] = related
        if criterion.baselined:
            item["properties"]["baselined"] = True
        if criterion.recommendation:
            item["properties"]["recommendation"] = clean(criterion.recommendation.text)
        if criterion.waiver:
            waiver = criterion.waiver
            item["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": clean(waiver.motivation),
                    "properties": {
                        "decidedBy": clean(waiver.decided_by),
                        "expires": waiver.expires,
                        "origin": clean(waiver.origin),
                    },
                }
            ]
        return item

    def _load_error(self, case: CaseResult, problem: Problem) -> dict[str, Any]:
        text = clean(problem.message + (f" ({problem.hint})" if problem.hint else ""))
        where = relative_path(problem.location.file, self.root) or problem.location.file
        return {
            "ruleId": LOAD_ERROR,
            "ruleIndex": self._rule_index(LOAD_ERROR, lambda: LOAD_RULE),
            "level": "error",
            "message": {"text": text},
            "locations": [self._location(problem.location)],
            "partialFingerprints": {FINGERPRINT: fingerprint(LOAD_ERROR, where, problem.code, problem.message)},
            "properties": {"code": problem.code},
        }

    def _rule(self, criterion: CriterionResult) -> dict[str, Any]:
        spec = self.pack.criteria[criterion.criterion].spec if self.pack and criterion.criterion in self.pack.criteria else None
        requirement = clean(spec.requirement) if spec else clean(criterion.title)
        help_text = [requirement]
        if spec:
            help_text.append(f"Authority: {clean(spec.authority.citation)}")
            if spec.recommendation and "{" not in spec.recommendation.text:  # a template needs a case to render
                help_text.append(f"Recommendation: {clean(spec.recommendation.text)}")
        return {
            "id": criterion.criterion,
            "name": "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", criterion.criterion)),
            "shortDescription": {"text": clean(criterion.title)},
            "fullDescription": {"text": requirement},
            "help": {"text": "\n\n".join(help_text)},
            "defaultConfiguration": {"level": LEVELS[criterion.severity]},
            "properties": {"tags": [clean(criterion.theme)], "severity": criterion.severity.value},
        }

    def _location(self, where: Location) -> dict[str, Any]:
        relative = relative_path(where.file, self.root)
        artifact = (
            {"uri": quote(relative, safe="/", errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}
            if relative is not None
            else {"uri": Path(os.path.abspath(self.root / where.file)).as_uri()}
        )
        region = {"startLine": where.line or 1, **({"startColumn": where.column} if where.line and where.column else {})}
        return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def fingerprint(*parts: str) -> str:
    """A stable identity for a result: what failed and in which case, never where on which line."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
