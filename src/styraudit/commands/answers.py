"""The answers file of `init --answers`: its shape checked where it stands, and a problem of the
case it makes moved back to the answer it came from (the case is not written when it fails).

Each list holds mappings; an item may carry any further key its case section takes.
"""

from __future__ import annotations

import difflib
from typing import Any

from ..errors import Problem
from ..load.origins import Origins
from ..load.yamldoc import YamlDocument
from ..model.paths import YamlPath, dotted
from ..text.i18n import _

MAPPINGS = ("subject", "audit")
LISTS = ("bodies", "documents", "interviews", "decisions", "reports", "absences")
SCALARS = ("kind", "organisation", "as_of")
KEYS = (*SCALARS, *MAPPINGS, *LISTS)
LIST_KEYS = ("sources", "in_response_to", "concerns", "statements", "criteria")  # an item's keys that hold lists
# an answer's path -> the path of the case item it becomes
IN_CASE: dict[str, YamlPath] = {
    "subject": ("subjects", 0),
    "audit": ("audit",),
    "bodies": ("bodies",),
    "documents": ("evidence", "documents"),
    "interviews": ("evidence", "interviews"),
    "decisions": ("decisions",),
    "reports": ("reporting",),
    "absences": ("absences",),
}
HINT = _("see `styraudit init --help` for the answers' keys, or the README's section on guided init")


def shape_problems(doc: YamlDocument) -> list[Problem]:
    """Every answer in the wrong place or of the wrong shape, located in the answers file."""
    data: dict[str, Any] = doc.data
    problems = []
    for key, value in data.items():
        where = doc.locate((key,), key=True)
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = _("did you mean {key!r}?").format(key=close[0]) if close else HINT
            problems.append(Problem(where, _("unknown answer {key!r}").format(key=key), hint, "init"))
        elif key in MAPPINGS and not isinstance(value, dict):
            problems.append(_wrong(doc, (key,), _("a mapping such as {key}: {{name: ..., kind: ...}}").format(key=key)))
        elif key in LISTS:
            problems += _list_problems(doc, key, value)
    questions = (data.get("audit") or {}).get("questions") if isinstance(data.get("audit"), dict) else None
    if questions is not None:
        problems += _list_problems(doc, "questions", questions, ("audit", "questions"))
    return problems


def _list_problems(doc: YamlDocument, key: str, value: Any, path: YamlPath | None = None) -> list[Problem]:
    path = path or (key,)
    if value is None:
        return []
    if not isinstance(value, list):
        return [_wrong(doc, path, _("a list of mappings, one a line: - {...}"))]
    problems = []
    for n, item in enumerate(value):
        if not isinstance(item, dict):
            problems.append(_wrong(doc, (*path, n), _("a mapping of keys, {key: value, ...}")))
            continue
        wrong = [k for k in LIST_KEYS if k in item and not isinstance(item[k], list)]
        problems += [_wrong(doc, (*path, n, k), _("a list, such as [1, intervju 1]")) for k in wrong]
    return problems


def _wrong(doc: YamlDocument, path: YamlPath, wanted: str) -> Problem:
    message = _("{path} should be {wanted}").format(path=dotted(path), wanted=wanted)
    return Problem(doc.locate(path), message, HINT, "init")


def origins(doc: YamlDocument) -> Origins:
    """Where each case item made from the answers came from, and each of its keys."""
    found: Origins = {}
    for key, case_path in IN_CASE.items():
        value = doc.data.get(key)
        items = (
            [(case_path, (key,), value)]
            if key in MAPPINGS
            else [((*case_path, n), (key, n), v) for n, v in enumerate(value or [])]
        )
        if key == "audit" and isinstance(value, dict):
            items += [(("audit", "questions", n), (key, "questions", n), q) for n, q in enumerate(value.get("questions") or [])]
        for in_case, in_answers, item in items:
            keys = item if isinstance(item, dict) else {}
            found[in_case] = (doc.locate(in_answers), {k: doc.locate((*in_answers, k)) for k in keys})
    if "organisation" in doc.data or "kind" in doc.data:
        found[("organisation",)] = (doc.locate(("organisation",) if "organisation" in doc.data else ("kind",)), {})
    return found
