"""Hypothesis strategies that build VALID case files: every id unique, every reference defined.

The strategy draws a plain dict in the shape of the case model (bodies, administrations, roles,
the initiative, decisions, mandates, reporting with dates, anchoring, absences, goals, evidence
with sources referencing ids, sometimes an audit naming shipped criteria). `tests/property/
test_generated_cases.py` proves the claim "valid" on every example before anything mutates it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
# Retired ids (a `retired:` key) are refused wherever a case names them, by design: not drawn.
CRITERIA_IDS = sorted(p.stem for p in (ROOT / "criteria").glob("*.yaml") if not p.read_text(encoding="utf-8").count("\nretired:"))

_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÅÄÖåäö0123456789"
_REST = _FIRST + "_.-"
# Ids as the model allows them: a letter or digit first, then letters, digits, `_`, `.`, `-`.
IDS = st.builds(lambda a, b: a + b, st.sampled_from(_FIRST), st.text(_REST, max_size=10))

# Swedish prose plus any printable Unicode: the dumper must quote or escape what it needs to.
_SWEDISH = st.sampled_from(["Regionstyrelsen", "Hälso- och sjukvårdsnämnden", "förankring", "Ja", "no", "~", "null", "010"])
_UNICODE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
# Valid text that is markup somewhere downstream: rich, Jinja2, Markdown, HTML, XML, emoji codes.
HOSTILE_TEXTS = st.sampled_from(
    [
        "[/bold]",
        "[red]röd[/red] \\",
        "fil.yaml:100:9 :thumbs_up:",
        "{{ 7 * 7 }} {% raw %}",
        "<script>alert(1)</script> & <b>",
        "*fet* _kursiv_ `kod` # rubrik | tabell |",
        "\u202eåtervänd\ufeff",
        "]]> <!-- -->",
        "%s %(x)s {0} ${HOME}",
    ]
)
TEXTS = st.one_of(_SWEDISH, _UNICODE, HOSTILE_TEXTS)

# Mostly plausible dates, sometimes the ends of the calendar, where date arithmetic overflows.
EXTREME_DATES = [date(1, 1, 1), date(1, 12, 31), date(9999, 1, 1), date(9999, 12, 31)]
DATES = st.one_of(st.dates(date(1990, 1, 1), date(2035, 12, 31)), st.sampled_from(EXTREME_DATES))


@st.composite
def partial_dates(draw: st.DrawFn, low: date | None = None) -> str:
    """YYYY-MM-DD, YYYY-MM or YYYY; never earlier than `low` when it is given."""
    day = draw(st.dates(low, max(low, date(2035, 12, 31))) if low else DATES)
    precision = draw(st.sampled_from(["day", "day", "month", "year"]))
    if low is not None and precision != "day":
        precision = "day"  # a coarser date could start before `low` and swap a period's order
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": f"{day.year:04d}"}[precision]


def _sources(draw: st.DrawFn, sources: list[str]) -> list[str]:
    return draw(st.lists(st.sampled_from(sources), max_size=2, unique=True)) if sources else []


@st.composite
def periods(draw: st.DrawFn) -> dict[str, str]:
    start = draw(DATES)
    period = {"start": start.isoformat()}
    if draw(st.booleans()):
        period["end"] = draw(partial_dates(low=start))
    return period


@st.composite
def valid_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A case dict that validates: the pool of unique ids is drawn first and then handed out."""
    sizes = {
        "bodies": draw(st.integers(1, 4)),
        "administrations": draw(st.integers(0, 3)),
        "roles": draw(st.integers(0, 3)),
        "decisions": draw(st.integers(0, 4)),
        "mandates": draw(st.integers(0, 2)),
        "reporting": draw(st.integers(0, 4)),
        "anchoring": draw(st.integers(0, 2)),
        "absences": draw(st.integers(0, 2)),
        "goals": draw(st.integers(0, 3)),
        "documents": draw(st.integers(1, 4)),
        "interviews": draw(st.integers(0, 2)),
        "questions": draw(st.integers(0, 2)),
    }
    pool = iter(draw(st.lists(IDS, min_size=sum(sizes.values()) + 1, max_size=sum(sizes.values()) + 1, unique=True)))
    ids = {section: [next(pool) for _ in range(n)] for section, n in sizes.items()}
    bodies, admins, roles = ids["bodies"], ids["administrations"], ids["roles"]
    actors, sources = bodies + admins + roles, ids["documents"] + ids["interviews"]
    case: dict[str, Any] = {
        "schema_version": 1,
        "id": next(pool),
        "title": draw(TEXTS),
        "organisation": {"name": draw(TEXTS), "kind": draw(st.sampled_from(["region", "municipality"]))},
        "bodies": [
            {"id": i, "name": draw(TEXTS), "kind": draw(st.sampled_from(["council", "board", "committee", "auditors"]))}
            for i in bodies
        ],
        "administrations": [_administration(draw, i, bodies, roles) for i in admins],
        "roles": [{"id": i, "title": draw(TEXTS), **_maybe(draw, "administration", admins)} for i in roles],
        "initiative": _initiative(draw, bodies, admins, actors, sources),
        "decisions": [_decision(draw, i, actors, sources) for i in ids["decisions"]],
        "mandates": [_mandate(draw, i, actors, ids["decisions"], sources) for i in ids["mandates"]],
        "reporting": [_report(draw, i, actors, bodies, sources) for i in ids["reporting"]],
        "anchoring": [_anchoring(draw, i, actors, sources) for i in ids["anchoring"]],
        "absences": [_absence(draw, i, actors, sources) for i in ids["absences"]],
        "goals": _goals(draw, ids["goals"], actors, sources),
        "evidence": {
            "documents": [_document(draw, i, actors) for i in ids["documents"]],
            "interviews": [{"id": i, **_maybe(draw, "role", roles), **_maybe_date(draw)} for i in ids["interviews"]],
        },
    }
    if ids["questions"]:
        case["audit"] = _audit(draw, ids["questions"], bodies)
    if draw(st.booleans()):
        case["as_of"] = draw(partial_dates())
    return {key: value for key, value in case.items() if value != [] or draw(st.booleans())}


def _maybe(draw: st.DrawFn, key: str, choices: list[str]) -> dict[str, str]:
    return {key: draw(st.sampled_from(choices))} if choices and draw(st.booleans()) else {}


def _maybe_date(draw: st.DrawFn, key: str = "date") -> dict[str, str]:
    return {key: draw(partial_dates())} if draw(st.booleans()) else {}


def _administration(draw: st.DrawFn, ident: str, bodies: list[str], roles: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(["administration", "staff", "unit", "area"]))
    return {"id": ident, "name": draw(TEXTS), "kind": kind, **_maybe(draw, "body", bodies), **_maybe(draw, "head", roles)}


def _initiative(draw: st.DrawFn, bodies: list[str], admins: list[str], actors: list[str], sources: list[str]) -> dict[str, Any]:
    initiative: dict[str, Any] = {
        "name": draw(TEXTS),
        "purposes": [{"text": draw(TEXTS), "sources": _sources(draw, sources)} for _ in range(draw(st.integers(0, 2)))],
        "owner": draw(st.sampled_from(bodies)),
        "lead": draw(st.sampled_from(actors)),
        "affected_bodies": draw(st.lists(st.sampled_from(bodies), max_size=3, unique=True)),
        "affected_administrations": draw(st.lists(st.sampled_from(admins), max_size=3, unique=True)) if admins else [],
        "sources": _sources(draw, sources),
    }
    if draw(st.booleans()):
        initiative["period"] = draw(periods())
    return initiative


def _decision(draw: st.DrawFn, ident: str, actors: list[str], sources: list[str]) -> dict[str, Any]:
    kinds = ["assignment", "plan", "budget", "directive", "information_noted", "organisation", "report", "other"]
    decision: dict[str, Any] = {
        "id": ident,
        "date": draw(partial_dates()),
        "by": draw(st.sampled_from(actors)),
        "kind": draw(st.sampled_from(kinds)),
        "summary": draw(TEXTS),
        "matters": draw(st.lists(st.sampled_from(["goals", "direction", "scope", "implementation"]), max_size=2, unique=True)),
        "assigns_to": draw(st.lists(st.sampled_from(actors), max_size=2, unique=True)),
        "sources": _sources(draw, sources),
    }
    if draw(st.booleans()):
        decision["reference"] = draw(st.sampled_from(["RS 1868-2021", "RF 2023/12", "ÄR 5-2024"]))
    return decision


def _mandate(draw: st.DrawFn, ident: str, actors: list[str], decisions: list[str], sources: list[str]) -> dict[str, Any]:
    mandate: dict[str, Any] = {
        "id": ident,
        "given_by": draw(st.sampled_from(actors)),
        "given_to": draw(st.lists(st.sampled_from(actors), min_size=1, max_size=2, unique=True)),
        "task": draw(TEXTS),
        **_maybe(draw, "decision", decisions),
        "sources": _sources(draw, sources),
    }
    if draw(st.booleans()):
        mandate["period"] = draw(periods())
    return mandate


def _report(draw: st.DrawFn, ident: str, actors: list[str], bodies: list[str], sources: list[str]) -> dict[str, Any]:
    return {
        "id": ident,
        "date": draw(partial_dates()),
        "by": draw(st.sampled_from(actors)),
        "to": draw(st.sampled_from(bodies)),
        "form": draw(st.sampled_from(["oral", "written"])),
        "depth": draw(st.sampled_from(["overview", "detailed"])),
        "covered": draw(TEXTS),
        "status_against_goals": draw(st.booleans()),
        "sources": _sources(draw, sources),
    }


def _anchoring(draw: st.DrawFn, ident: str, actors: list[str], sources: list[str]) -> dict[str, Any]:
    kinds = ["took_part_in_design", "informed", "workshop", "training", "decided"]
    return {
        "id": ident,
        **_maybe_date(draw),
        "group": draw(st.sampled_from(actors)),
        "kind": draw(st.sampled_from(kinds)),
        "understanding": draw(st.sampled_from(["good", "mixed", "poor", "unknown"])),
        "observation": draw(TEXTS),
        "sources": _sources(draw, sources),
    }


def _absence(draw: st.DrawFn, ident: str, actors: list[str], sources: list[str]) -> dict[str, Any]:
    kinds = ["mandate", "directive", "decision", "reporting", "design_participation", "root_cause_analysis"]
    return {
        "id": ident,
        "kind": draw(st.sampled_from(kinds)),
        "concerns": draw(st.lists(st.sampled_from(actors), max_size=2, unique=True)),
        "statement": draw(TEXTS),
        "sources": _sources(draw, sources),
    }


def _goals(draw: st.DrawFn, idents: list[str], actors: list[str], sources: list[str]) -> list[dict[str, Any]]:
    levels = ["plan_goal", "strategy", "focus_area", "target_state", "sub_goal", "activity"]
    goals = []
    for index, ident in enumerate(idents):
        links = draw(st.lists(st.sampled_from(idents[:index]), max_size=2, unique=True)) if index else []
        goals.append(
            {
                "id": ident,
                "level": levels[min(index, 5)],
                "title": draw(TEXTS),
                "links": links,
                "sources": _sources(draw, sources),
            }
        )
    return goals


def _document(draw: st.DrawFn, ident: str, actors: list[str]) -> dict[str, Any]:
    kinds = ["protocol", "plan", "annual_report", "report", "presentation", "directive", "decision", "minutes", "other"]
    return {
        "id": ident,
        "title": draw(TEXTS),
        "kind": draw(st.sampled_from(kinds)),
        **_maybe_date(draw),
        **_maybe(draw, "author", actors),
    }


def _audit(draw: st.DrawFn, questions: list[str], bodies: list[str]) -> dict[str, Any]:
    return {
        "title": draw(TEXTS),
        "purpose": draw(TEXTS),
        "questions": [
            {
                "id": q,
                "text": draw(TEXTS),
                "criteria": draw(st.lists(st.sampled_from(CRITERIA_IDS), min_size=1, max_size=3, unique=True)),
            }
            for q in questions
        ],
        "audited_bodies": draw(st.lists(st.sampled_from(bodies), max_size=2, unique=True)),
    }


@st.composite
def yaml_styles(draw: st.DrawFn) -> dict[str, Any]:
    """How the dumper lays the file out: block or flow, indentation, line width."""
    return {
        "default_flow_style": draw(st.sampled_from([False, None, True])),
        "indent": draw(st.integers(2, 6)),
        "width": draw(st.sampled_from([80, 40, 10_000])),
    }


def dump(case: Any, style: dict[str, Any] | None = None) -> str:
    """Serialise like yaml.safe_dump(allow_unicode=True, sort_keys=False), with the C emitter for speed."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(case, Dumper=dumper, allow_unicode=True, sort_keys=False, **(style or {}))
