"""What to write instead: a hint for every schema error the model can raise.

The loader words the error (wording.py); this module says how to put it right, with the
knowledge a did-you-mean on spelling lacks: which section a fact belongs in (what was not found
is an `absence`, not a misspelt `decisions`), which words a field accepts (in Swedish too), and
where to find the criteria an audit question can name.
"""

from __future__ import annotations

import difflib
from enum import Enum
from typing import Any

from ..model.paths import YamlPath
from ..text.i18n import N_, _
from .refs import suggest
from .vocabulary import swedish, vocabulary

# Words in a key that say "looked for and not found": such a fact is an entry in `absences`.
ABSENCE_WORDS = ("missing", "absent", "absence", "lacking", "not_found", "none", "no_", "without", "sakna", "finns_ej", "inte")
# Keys an auditor may reach for, and the section that holds such facts.
SECTIONS = {
    "reports": "reporting",
    "reportings": "reporting",
    "documents": "evidence.documents",
    "interviews": "evidence.interviews",
    "sources": "evidence",
    "questions": "audit.questions",
    "budget": "budgets",
    "economy": "budgets",
    "overruns": "budgets[].deviations",
    "reference_date": "audit.reference_date",
    "period": "audit.period",
    "deviations": "budgets[].deviations",
}
# A hint for each error type that needs no more than its type to say what to do.
BY_TYPE: dict[str, str] = {
    "string_type": N_("write a text; put it in quotes if it looks like a number, a date or yes/no"),
    "string_too_short": N_("write something here, or leave the key out"),
    "string_too_long": N_("shorten it"),
    "string_pattern_mismatch": N_(
        "an id is letters, digits, '-', '_' or '.', starting with a letter or digit, e.g. beslut-2023-1"
    ),
    "int_type": N_("write a whole number without quotes, e.g. 2024"),
    "int_parsing": N_("write a whole number without quotes, e.g. 2024"),
    "int_from_float": N_("write a whole number without decimals"),
    "float_type": N_("write a number, e.g. 12.5"),
    "float_parsing": N_("write a number, e.g. 12.5"),
    "bool_type": N_("write true or false (ja or nej)"),
    "list_type": N_("write a list: [a, b] on one line, or one '- item' per line"),
    "dict_type": N_("write keys with values below it, e.g. `name: ...` on its own indented line"),
    "model_type": N_("write keys with values below it, e.g. `name: ...` on its own indented line"),
    "model_attributes_type": N_("write keys with values below it, e.g. `name: ...` on its own indented line"),
    "greater_than_equal": N_("write a larger value"),
    "less_than_equal": N_("write a smaller value"),
    "too_short": N_("add at least one item"),
    "too_long": N_("remove items"),
    "url_parsing": N_("write a full address starting with https://"),
    "literal_error": N_("write one of the values the message names"),
    "duplicate_id": N_("every id must be unique; rename one of them"),
    "no_subject": N_("e.g. `subjects: [{id: ik-2024, kind: process, name: Intern kontroll}]`; see `styraudit init`"),
    "impossible_date": N_("dates are written YYYY-MM-DD (or YYYY-MM, YYYY when the source gives no more)"),
    "partial_date": N_("dates are written YYYY-MM-DD (or YYYY-MM, YYYY when the source gives no more)"),
    "date_order": N_("dates are written YYYY-MM-DD (or YYYY-MM, YYYY when the source gives no more)"),
    "bool_parsing": N_(
        "write true or false (ja or nej); a yes/no fact may also be `unknown` (vet ej), or left out, when the source does not say"
    ),
}
FALLBACK = N_("see `styraudit schema` for what this field accepts, or `styraudit init` for an example")


def schema_hint(error: dict[str, Any], path: YamlPath, enum: type[Enum] | None) -> str:
    """A hint for one pydantic error at `path`; never empty."""
    kind = error["type"]
    if kind == "enum" and enum is not None:
        return enum_hint(error.get("input"), enum)
    if is_empty_criteria(error, path):
        return _("name at least one criterion id; `styraudit criteria list` lists them with their titles")
    if kind == "string_pattern_mismatch" and "http" in str(error.get("ctx", {}).get("pattern", "")):
        return _("write a full address starting with https://")
    if kind in ("amount", "impossible_amount"):
        return error.get("ctx", {}).get("hint") or _(
            "an amount is a number and its unit (kr, tkr, mnkr or mdkr), e.g. '12,5 mnkr'"
        )
    return _(BY_TYPE.get(kind, FALLBACK))


def is_empty_criteria(error: dict[str, Any], path: YamlPath) -> bool:
    """An audit question naming no criterion: the session adds the pack's criteria to the hint."""
    return error["type"] == "too_short" and path[-1:] == ("criteria",) and path[:2] == ("audit", "questions")


def enum_hint(given: Any, enum: type[Enum]) -> str:
    """Did-you-mean among the values, then every value with its Swedish word."""
    values = [str(member.value) for member in enum]
    words = {w: v for v in values for w in [v, *vocabulary().get(enum.__name__, {}).get(v, [])]}
    close = difflib.get_close_matches(given.lower(), list(words), n=1, cutoff=0.6) if isinstance(given, str) else []
    close = _("did you mean {word!r}?").format(word=words[close[0]]) + " " if close else ""
    listed = ", ".join(f"{v} ({sv})" if (sv := swedish(enum.__name__, v)) and sv != v else v for v in values)
    return close + _("write one of: {values}").format(values=listed)


def unknown_key_hint(key: str, allowed: list[str], at_top: bool) -> str:
    """Where a fact under an unknown key belongs: `absences` for what was not found, a section's real name, or did-you-mean."""
    lowered = key.lower()
    if at_top and "absences" in allowed and any(word in lowered for word in ABSENCE_WORDS):
        return _(
            "what was looked for and not found is an entry in `absences:` "
            "(id, kind, statement, sources; `in_response_to:` names the report it answers)"
        )
    if at_top and lowered in SECTIONS:
        return _("such facts go under `{section}`").format(section=SECTIONS[lowered])
    return suggest(key, allowed) or (
        _("allowed keys here: {keys}").format(keys=", ".join(allowed)) if allowed else _("remove it")
    )
