"""Schema errors in the user's language: pydantic's error types worded by our catalog.

pydantic words its errors in English, and the model's own errors (impossible dates, periods in
the wrong order) are raised with English templates. Both are keyed here by error type and the
values pydantic hands over (`ctx`), so the message follows the locale; an error type not listed
keeps pydantic's text.
"""

from __future__ import annotations

from typing import Any

from ..text.i18n import N_, _

# (error type, the ctx key that tells variants apart or "") -> template over the ctx values
TEMPLATES: dict[tuple[str, str], str] = {
    ("impossible_date", "month"): N_("impossible date {text}: there is no month {month}"),
    ("impossible_date", "day"): N_("impossible date {text}: the month has no day {day}"),
    ("impossible_date", ""): N_("impossible date {text}: there is no year 0"),
    ("partial_date", "text"): N_("not a date: write YYYY-MM-DD, YYYY-MM or YYYY, got '{text}'"),
    ("partial_date", ""): N_("not a date: write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("date_order", ""): N_("ends ({end}) before it starts ({start})"),
    ("duplicate_id", ""): N_("{name}: the id '{ident}' is used twice"),
    ("enum", ""): N_("should be {expected}"),
    ("literal_error", ""): N_("should be {expected}"),
    ("string_type", ""): N_("should be a text"),
    ("string_too_short", ""): N_("should have at least {min_length} characters"),
    ("string_too_long", ""): N_("should have at most {max_length} characters"),
    ("string_pattern_mismatch", ""): N_("does not have the form this field needs"),
    ("int_type", ""): N_("should be a whole number"),
    ("int_parsing", ""): N_("should be a whole number"),
    ("bool_type", ""): N_("should be yes or no (true or false)"),
    ("bool_parsing", ""): N_("should be yes or no (true or false)"),
    ("list_type", ""): N_("should be a list"),
    ("dict_type", ""): N_("should be a mapping of keys"),
    ("model_type", ""): N_("should be a mapping of keys"),
    ("model_attributes_type", ""): N_("should be a mapping of keys"),
    ("greater_than_equal", ""): N_("should be at least {ge}"),
    ("less_than_equal", ""): N_("should be at most {le}"),
    ("too_short", ""): N_("should have at least {min_length} items"),
}
VARIANT_KEYS = ("month", "day", "text")


def worded(error: dict[str, Any]) -> str:
    """The error's message in the user's language, or pydantic's own when its type is not known here."""
    ctx = error.get("ctx") or {}
    kind = error["type"]
    variant = next((k for k in VARIANT_KEYS if k in ctx and (kind, k) in TEMPLATES), "")
    template = TEMPLATES.get((kind, variant))
    if template is None:
        return str(error["msg"])
    values = {k: v for k, v in ctx.items() if isinstance(k, str)}
    if isinstance(values.get("expected"), str):  # pydantic lists choices as "'a', 'b' or 'c'"
        values["expected"] = values["expected"].replace(" or ", _(" or "))
    try:
        return _(template).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(error["msg"])
