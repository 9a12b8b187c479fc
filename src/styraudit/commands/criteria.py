"""`styraudit criteria list|show`: what each criterion requires, generated from the criteria files."""

from __future__ import annotations

import textwrap

from ..engine.criteria import CriteriaPack, Criterion
from ..errors import Location, Problem, UsageError
from ..load.refs import suggest


def list_criteria(pack: CriteriaPack) -> int:
    width = max((len(c.id) for c in pack.criteria.values()), default=10)
    for criterion in pack.ordered():
        spec = criterion.spec
        print(f"{spec.id:<{width}}  {spec.severity.value:<6}  {spec.title} — {spec.authority.citation}")
    return 0


def show_criterion(pack: CriteriaPack, ident: str) -> int:
    criterion = pack.get(ident)  # an old id (an alias) shows the criterion it was renamed to
    if criterion is None:
        if ident in pack.retired:
            raise UsageError([pack.unknown(ident, Location(ident), "usage")])
        hint = suggest(ident, pack.known()) or "see `styraudit criteria list`"
        raise UsageError([Problem(Location(ident), f"unknown criterion {ident!r}", hint, "usage")])
    print("\n".join(describe(criterion)))
    return 0


def describe(criterion: Criterion) -> list[str]:
    """The criterion as text: the same words `criteria show` prints and the docs are made of."""
    spec = criterion.spec
    lines = [f"{spec.id}: {spec.title}", "", f"Authority ({spec.authority.kind}): {spec.authority.citation}"]
    lines += [f"  also cited as: {alias}" for alias in spec.authority.aliases]
    if spec.authority.text:
        lines += _wrapped(spec.authority.text, "  ")
    lines += [
        "",
        "Requirement:",
        *_wrapped(spec.requirement, "  "),
        "",
        f"Severity: {spec.severity.value}    Theme: {spec.theme}",
    ]
    if spec.applies_if:
        lines.append(f"Applies when the case has: {', '.join(spec.applies_if)}")
    if spec.composed_of:
        lines.append(f"Composed of: {', '.join(spec.composed_of)}")
    for bound in criterion.checks:
        lines += ["", f"Check {bound.check.id}: {bound.check.summary}"]
        for name, value in bound.params.model_dump().items():
            lines.append(f"  param {name} = {value!r}")
        lines += [f"  finding {code}: {meaning}" for code, meaning in bound.check.codes.items()]
    if spec.recommendation:
        lines += [
            "",
            "Recommendation (to " + ", ".join(spec.recommendation.addressees) + "):",
            *_wrapped(spec.recommendation.text, "  "),
        ]
    lines += ["", f"Defined in {criterion.doc.file}"]
    return lines


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width=100, initial_indent=indent, subsequent_indent=indent)
