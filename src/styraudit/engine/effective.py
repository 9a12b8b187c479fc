"""`--show-config`: every effective setting as YAML that can be pasted back into styraudit.yaml,
each line with a comment saying where its value came from.

Severities and check parameters are listed for every criterion of the pack, so a reader sees
what is in force, not only what the configuration file changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import yaml

from .session import Session, Setting

HEADER = "# Effective settings; each value's comment says where it came from. Valid as styraudit.yaml."
SHIPPED = "shipped criteria"


def effective_yaml(session: Session) -> str:
    """The effective settings of `session` as commented YAML."""
    lines = [HEADER]
    for key in ("criteria", "default-criteria", "fail-on", "exclude", "jobs", "help-uri", "information-uri"):
        lines += _entry(key, session.settings[key], 0)
    lines += list(_limits(session))
    lines += list(_severities(session))
    lines += list(_params(session))
    lines += list(_waivers(session))
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    """One YAML value in flow style on one line (lists as [a, b])."""
    if hasattr(value, "value"):  # an enum
        value = value.value
    if isinstance(value, tuple):
        value = list(value)
    if hasattr(value, "as_posix"):
        value = value.as_posix()
    if isinstance(value, list):
        value = [v.as_posix() if hasattr(v, "as_posix") else v for v in value]
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6)
    return text.removesuffix("\n...\n").strip()


def _entry(key: str, setting: Setting, depth: int) -> list[str]:
    return [f"{'  ' * depth}{key}: {_scalar(setting.value)}  # {setting.origin}"]


def _limits(session: Session) -> Iterator[str]:
    configured = session.config.settings.limits
    given = {pair.partition("=")[0].strip().replace("-", "_") for pair in session.line.limits or ()}
    yield "limits:"
    for field in fields(session.limits):
        name = field.name
        origin = "command line" if name in given else session.config_name if name in configured else "default"
        yield from _entry(name, Setting(getattr(session.limits, name), origin), 1)


def _criterion_origin(criterion: Any) -> str:
    """A shipped criterion is named as such, never by its path inside site-packages."""
    from .criteria import default_pack_dir

    shipped = Path(criterion.doc.file).resolve().is_relative_to(default_pack_dir().resolve())
    return SHIPPED if shipped else criterion.doc.file


def _severities(session: Session) -> Iterator[str]:
    configured = session.config.settings.severity
    yield "severity:"
    for criterion in session.pack.ordered():
        origin = session.config_name if criterion.id in configured else _criterion_origin(criterion)
        yield from _entry(criterion.id, Setting(criterion.spec.severity, origin), 1)


def _params(session: Session) -> Iterator[str]:
    configured = session.config.settings.params
    with_checks = [c for c in session.pack.ordered() if any(b.params.model_dump() for b in c.checks)]
    if not with_checks:
        return
    yield "params:"
    for criterion in with_checks:
        yield f"  {criterion.id}:"
        for index, bound in enumerate(criterion.checks):
            values = bound.params.model_dump(mode="json")
            if not values:
                continue
            yield f"    {bound.check.id}:"
            written = criterion.spec.checks[index].params
            from_config = configured.get(criterion.id, {}).get(bound.check.id, {})
            for name, value in values.items():
                origin = (
                    session.config_name
                    if name in from_config
                    else _criterion_origin(criterion)
                    if name in written
                    else f"default of check {bound.check.id}"
                )
                yield from _entry(name, Setting(value, origin), 3)


def _waivers(session: Session) -> Iterator[str]:
    waivers = session.config.settings.waivers
    if not waivers:
        yield "waivers: []  # default"
        return
    yield f"waivers:  # {session.config_name}"
    for waiver in waivers:
        data = waiver.model_dump(by_alias=True, mode="json")
        first, *rest = data.items()
        yield f"  - {first[0]}: {_scalar(first[1])}"
        yield from (f"    {key}: {_scalar(value)}" for key, value in rest)
