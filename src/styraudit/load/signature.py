"""Telling a case file from other YAML by its top-level keys, cheaply and without trusting it.

A case starts with `schema_version`, and has `organisation` and `initiative`, at its top level;
a compose file, a workflow, mkdocs.yml or a criterion file (which has `id` and `title` too) has
none of them. One of the three is enough to be taken for a case. The test reads YAML events only
until it sees one of them, so a case costs a handful of events. Anything that does not parse, is empty or is
a scalar counts as a case: the loader then reports it, so a truncated case can never slip
through as "not a case".
"""

from __future__ import annotations

import yaml

from ..text.i18n import _

SIGNATURE = frozenset({"schema_version", "organisation", "initiative"})
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NODE_START = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
_NODE_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def not_a_case(data: bytes) -> str | None:
    """Why this YAML is not a case file, or None when it is one (or may be: the loader will tell)."""
    try:
        return _scan(data)
    except (yaml.YAMLError, UnicodeError, ValueError):
        return None


def _scan(data: bytes) -> str | None:
    depth = 0
    root: type | None = None
    children = 0  # nodes seen directly inside the root mapping: keys at even positions
    documents = 0
    for event in yaml.parse(data, Loader=_LOADER):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                return None  # several documents: the loader refuses them with a location
        elif isinstance(event, _NODE_START):
            if root is None:
                root = type(event)
            elif depth == 1 and root is yaml.MappingStartEvent:
                if children % 2 == 0 and isinstance(event, yaml.ScalarEvent) and event.value in SIGNATURE:
                    return None
                children += 1
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                depth += 1
        elif isinstance(event, _NODE_END):
            depth -= 1
    if root is yaml.MappingStartEvent:
        return _("not a case: no schema_version, organisation or initiative at the top level")
    if root is yaml.SequenceStartEvent:
        return _("not a case: the file holds a list")
    return None
