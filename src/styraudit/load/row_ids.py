"""Ids for the event log's rows that have none, made from what the row says.

An id is the row's typ, its date and a short slug of its text (`beslut-2023-03-01-projektdirektiv-antas`),
so that inserting or moving a row changes no other row's id; two rows that would get the same id
are told apart by `-2`, `-3`, ... in the order they stand, and an id the table gives a row is
never made for another.
"""

from __future__ import annotations

import re

SLUG_WORDS = 4
SLUG_CHARS = 40
MAX_ID = 80  # the model's longest id
_NOT_ID = re.compile(r"[^a-z0-9åäö]+")


def slug(text: str) -> str:
    """The first few words of `text`, lower case, joined by `-`, in the letters an id may hold."""
    words = [w for w in _NOT_ID.split(text.lower()) if w][:SLUG_WORDS]
    return "-".join(words)[:SLUG_CHARS].strip("-")


def content_id(kind: str, date: str, text: str, taken: set[str]) -> str:
    """A new id for a row of `kind`, from its date and text, not in `taken` (which it joins)."""
    base = "-".join(part for part in (kind, slug(date), slug(text)) if part)[: MAX_ID - 4].strip("-")
    made, n = base, 1
    while made in taken:
        n += 1
        made = f"{base}-{n}"
    taken.add(made)
    return made
