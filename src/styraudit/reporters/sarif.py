"""`--format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps), as plain dicts.

One run. Results stream as cases come; the rules of the criteria seen so far close the run, since
key order inside a JSON object does not matter. A result is a not or partly fulfilled criterion of
a case (a waived one carries a suppression instead of being dropped) or a load problem of an
invalid file (rule `load-error`). A result accepted in the baseline is kept, marked in
properties.baselined: code scanning keeps its own baseline. Rules come from reporters/sarif_rules.py.

Paths are what GitHub code scanning matches against the repository: URIs relative to the root
(--root, else the git top level, else the working directory) with uriBaseId %SRCROOT%, which
originalUriBaseIds maps to the root's absolute file URI; only a file outside the root gets an
absolute file URI. automationDetails.id names the analysis, so that uploads of the same tool replace
each other's alerts.

partialFingerprints["styraudit/v1"] = sha256(criterion id, case id, YAML path of the first fact),
so an alert keeps its identity when lines move or the file is renamed.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..engine.results import CaseResult, CriterionResult, WaiverUse
from ..errors import Location, Problem
from . import Summary, WorkerCopy
from ._ci import clean, facts, message, relative_path, root_of
from .sarif_rules import LEVELS, LOAD_ERROR, criterion_rule, load_rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# The document up to the run's results; end() closes the results and adds the tool with its rules.
HEAD = f'{{"$schema": "{SCHEMA_URI}", "version": "2.1.0", "runs": [{{"columnKind": "unicodeCodePoints", "results": ['
FINGERPRINT = "styraudit/v1"
ROOT_ID = "%SRCROOT%"
_STAND_IN = '"ruleIndex": -1'
AUTOMATION_ID = "styraudit/check/"  # "category/" with no run id: each upload replaces the last one's alerts


class SarifReporter(WorkerCopy):
    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        self.root = root_of(options)
        self.pack = options.get("criteria")
        self.help_uri: str | None = options.get("help_uri")
        self.information_uri: str | None = options.get("information_uri")
        self.rules: dict[str, dict[str, Any]] = {}
        self.made: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.first = True

    def begin(self) -> None:
        self.stream.write(HEAD)

    def prepare(self, result: CaseResult) -> list[tuple[str, dict[str, Any], str]]:
        """Each SARIF result of a case as (rule id, rule, JSON text); pure, so workers do it in parallel.

        A result's `ruleIndex` is the place of its rule among those the whole run has seen, known
        only where the results are written in order: the text holds a stand-in index, which `case`
        replaces (a key followed by an unescaped quote cannot occur inside a JSON string)."""
        if not result.loaded:
            items = [self._load_error(result, p) for p in result.problems]
        else:
            items = [self._result(result, c) for c in result.criteria if c.deficient]
        return [(rule["id"], rule, json.dumps(item, ensure_ascii=False, sort_keys=True)) for rule, item in items]

    def case(self, result: CaseResult, prepared: list[tuple[str, dict[str, Any], str]] | None = None) -> None:
        for ident, rule, text in self.prepare(result) if prepared is None else prepared:
            index = self._rule_index(ident, rule)
            text = text.replace(_STAND_IN, f'"ruleIndex": {index}', 1)
            self.stream.write(("\n" if self.first else ",\n") + text)
            self.first = False

    def end(self, summary: Summary) -> None:
        driver: dict[str, Any] = {"name": "styraudit", "version": __version__, "semanticVersion": __version__}
        if self.information_uri:
            driver["informationUri"] = self.information_uri
        rest = {
            "tool": {"driver": {**driver, "rules": list(self.rules.values())}},
            "automationDetails": {"id": AUTOMATION_ID},
            "originalUriBaseIds": {ROOT_ID: {"uri": self.root.as_uri().rstrip("/") + "/"}},
        }
        tail = json.dumps(rest, ensure_ascii=False, sort_keys=True)[1:-1]  # the run's other members
        self.stream.write(f"\n], {tail}}}]}}\n")

    def _rule_index(self, ident: str, rule: dict[str, Any]) -> int:
        """The place of `ident`'s rule in the run's rules; the first rule given for an id is kept."""
        if ident not in self.rules:
            self.rules[ident] = rule
        return list(self.rules).index(ident)

    def _rule(self, criterion: CriterionResult) -> dict[str, Any]:
        """A criterion's rule, made once per worker for what it is made of (a case's results repeat them)."""
        key = (criterion.criterion, criterion.title, criterion.theme, criterion.severity)
        rule = self.made.get(key)
        if rule is None:
            rule = self.made[key] = criterion_rule(criterion, self.pack, self.help_uri)
        return rule

    def _result(self, case: CaseResult, criterion: CriterionResult) -> tuple[dict[str, Any], dict[str, Any]]:
        shown = facts(criterion)
        item: dict[str, Any] = {
            "ruleId": criterion.criterion,
            "ruleIndex": -1,  # the stand-in: see prepare
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
            item["suppressions"] = [self._suppression(criterion.waiver)]
        return self._rule(criterion), item

    def _suppression(self, waiver: WaiverUse) -> dict[str, Any]:
        """A waiver as SARIF sees it: accepted outside the code, located where it is written."""
        suppression: dict[str, Any] = {
            "kind": "external",
            "status": "accepted",
            "justification": clean(waiver.motivation),
            "properties": {"decidedBy": clean(waiver.decided_by), "expires": waiver.expires, "origin": clean(waiver.origin)},
        }
        if waiver.location is not None:
            where = waiver.location
            place = relative_path(where.file, self.root) or where.file
            suppression["properties"]["origin"] = clean(f"{place}:{where.line}:{where.column}" if where.line else place)
            suppression["location"] = self._location(where)
        return suppression

    def _load_error(self, case: CaseResult, problem: Problem) -> tuple[dict[str, Any], dict[str, Any]]:
        text = clean(problem.message + (f" ({problem.hint})" if problem.hint else ""))
        where = relative_path(problem.location.file, self.root) or problem.location.file
        return load_rule(), {
            "ruleId": LOAD_ERROR,
            "ruleIndex": -1,  # the stand-in: see prepare
            "level": "error",
            "message": {"text": text},
            "locations": [self._location(problem.location)],
            # The code and place, not the message: messages follow the locale, fingerprints must not.
            "partialFingerprints": {FINGERPRINT: fingerprint(LOAD_ERROR, where, problem.code, str(problem.location.line))},
            "properties": {"code": problem.code},
        }

    def _location(self, where: Location) -> dict[str, Any]:
        relative = relative_path(where.file, self.root)
        artifact = (
            {"uri": quote(relative, safe="/", errors="surrogateescape"), "uriBaseId": ROOT_ID}
            if relative is not None
            else {"uri": Path(os.path.abspath(where.file)).as_uri()}
        )
        region = {"startLine": where.line or 1, **({"startColumn": where.column} if where.line and where.column else {})}
        return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def fingerprint(*parts: str) -> str:
    """A stable identity for a result: what failed and in which case, never where on which line."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
