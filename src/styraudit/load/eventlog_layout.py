"""The event log's layout: its Swedish columns, and for each `typ` of row the section of the case it
fills and the key each column fills there."""

from __future__ import annotations

from dataclasses import dataclass

COLUMNS = (
    "typ",
    "id",
    "datum",
    "organ",
    "till",
    "slag",
    "paragraf",
    "dnr",
    "beskrivning",
    "form",
    "djup",
    "avvikelse",
    "belopp",
    "svarar_på",
    "källa",
    "övrigt",
)


@dataclass(frozen=True)
class RowType:
    """Where a row of one `typ` goes in the case, and which column fills which key."""

    section: tuple[str, ...]
    keys: dict[str, str]  # column -> key
    lists: tuple[str, ...] = ()  # columns holding a list (separated by ';')
    enums: tuple[tuple[str, str], ...] = ()  # column -> the model's enum, written in Swedish


TYPES: dict[str, RowType] = {
    "organ": RowType(("bodies",), {"id": "id", "beskrivning": "name", "slag": "kind"}, enums=(("slag", "BodyKind"),)),
    "objekt": RowType(
        ("subjects",),
        {"id": "id", "beskrivning": "name", "slag": "kind", "organ": "owner"},
        enums=(("slag", "SubjectKind"),),
    ),
    "beslut": RowType(
        ("decisions",),
        {
            "id": "id",
            "datum": "date",
            "organ": "by",
            "slag": "kind",
            "paragraf": "paragraph",
            "dnr": "reference",
            "beskrivning": "summary",
            "svarar_på": "acts_on",
            "källa": "sources",
        },
        ("svarar_på", "källa"),
        (("slag", "DecisionKind"),),
    ),
    "rapport": RowType(
        ("reporting",),
        {
            "id": "id",
            "datum": "date",
            "organ": "by",
            "till": "to",
            "form": "form",
            "djup": "depth",
            "dnr": "reference",
            "beskrivning": "covered",
            "avvikelse": "deviation",
            "källa": "sources",
        },
        ("källa",),
        (("form", "ReportForm"), ("djup", "ReportDepth")),
    ),
    "avsaknad": RowType(
        ("absences",),
        {
            "id": "id",
            "slag": "kind",
            "organ": "concerns",
            "beskrivning": "statement",
            "svarar_på": "in_response_to",
            "källa": "sources",
        },
        ("organ", "svarar_på", "källa"),
        (("slag", "AbsenceKind"),),
    ),
    "budget": RowType(
        ("budgets",),
        {
            "id": "id",
            "datum": "decided",
            "organ": "decided_by",
            "slag": "kind",
            "beskrivning": "title",
            "belopp": "amount",
            "källa": "sources",
        },
        ("källa",),
        (("slag", "BudgetKind"),),
    ),
    "dokument": RowType(
        ("evidence", "documents"),
        {
            "id": "id",
            "datum": "date",
            "organ": "author",
            "slag": "kind",
            "paragraf": "paragraph",
            "dnr": "reference",
            "beskrivning": "title",
        },
        enums=(("slag", "DocumentKind"),),
    ),
    "intervju": RowType(
        ("evidence", "interviews"),
        {"id": "id", "datum": "date", "organ": "role", "beskrivning": "statements"},
        ("beskrivning",),
    ),
}
CASE_ROW = "ärende"
CASE_KEYS = {"id": "id", "datum": "as_of", "beskrivning": "title"}
