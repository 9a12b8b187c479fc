"""Building located data from YAML events: one dispatch loop, limits checked before anything is built.

This loop is the loader's hot path (a case file is some 1,500 events), so it is written as one
function: the event's class picks the branch, the open containers are a stack of tuples, and
what were small helpers (the child's path, remembering its place, attaching the value, counting
nodes) are written in place. The guarantees are those NOTES.md asks for: depth, node count
(aliases counted as expanded), string length, total text and tags are checked before the value
is built; scalars stay text (or None); every node and every key gets its line and column;
a duplicate key and a tag that would construct an object are refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn

from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from ..errors import Location, input_error
from ..text.i18n import _
from .limits import Limits
from .printable import has_control, printable

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
NULL_TAG = "tag:yaml.org,2002:null"
STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


def _fail(file: str, mark: Any, message: str, hint: str, code: str) -> NoReturn:
    raise input_error(Location(file, mark.line + 1, mark.column + 1), message, hint, code)


def build(events: Iterable[Any], doc: Any, limits: Limits, source: str | None = None) -> None:
    """Fill `doc` (a YamlDocument) with the data and positions of `events`; InputError on a limit or a refused construct.

    `source`, the text parsed: when it holds no control character, only a double-quoted scalar
    (through an escape) can, and the others are not searched for one."""
    clean = source is not None and not has_control(source)
    file, positions, key_positions, anchors = doc.file, doc.positions, doc.key_positions, {}
    max_nodes, max_chars, max_string = limits.max_nodes, limits.max_text_chars, limits.max_string_chars
    max_depth, max_aliases = limits.max_depth, limits.max_aliases
    # The open container, its path and whether it is a list; `key` is the mapping key awaiting its value.
    container: Any = None
    path: tuple[str | int, ...] = ()
    is_list, key = False, None
    stack: list[tuple[Any, ...]] = []  # per open container: its parent's state, its anchor and counts at its start
    nodes = chars = aliases = documents = 0
    for event in events:
        kind = event.__class__
        if kind is ScalarEvent:
            raw, mark, tag = event.value, event.start_mark, event.tag
            if tag is not None and tag != "!" and tag not in STANDARD_TAGS:
                _tag(file, event)
            if len(raw) > max_string:
                _fail(
                    file,
                    mark,
                    f"a text of {len(raw)} characters exceeds the limit of {max_string}",
                    "split the text or raise it with --limit max_string_chars=N",
                    "limit",
                )
            chars += len(raw)
            if chars > max_chars:
                _too_much_text(file, mark, max_chars)
            # A control character can only come in through an escape ("\x1b"); it is kept visible, as
            # its picture (␛), so that no output (a terminal, XML, Word) ever carries it raw.
            text = raw if clean and event.style != '"' else printable(raw)
            value = None if (event.implicit[0] and not event.style and text in NULLS) or tag == NULL_TAG else text
            if key is None and container is not None and not is_list:  # a mapping key
                key = "" if value is None else value
                if key in container:
                    _duplicate(file, mark, key, key_positions.get((*path, key), (0, 0)))
                key_positions[(*path, key)] = (mark.line + 1, mark.column + 1)
                continue
            nodes += 1
            if nodes > max_nodes:
                _too_many_nodes(file, mark, max_nodes)
            child = (*path, len(container)) if is_list else (*path, key) if container is not None else ()
            if child not in positions:
                positions[child] = (mark.line + 1, mark.column + 1)
            if event.anchor:
                anchors[event.anchor] = (value, 1, len(raw))
            if is_list:
                container.append(value)
            elif container is not None:
                container[key], key = value, None
            else:
                doc.data = value
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            mark, tag = event.start_mark, event.tag
            if tag is not None and tag != "!" and tag not in STANDARD_TAGS:
                _tag(file, event)
            nodes += 1
            if nodes > max_nodes:
                _too_many_nodes(file, mark, max_nodes)
            if len(stack) >= max_depth:
                _fail(
                    file,
                    mark,
                    f"the file nests deeper than {max_depth} levels",
                    "case files are shallow; raise it with --limit max_depth=N if this is meant",
                    "limit",
                )
            child = _child(file, mark, container, path, is_list, key)
            if child not in positions:
                positions[child] = (mark.line + 1, mark.column + 1)
            stack.append((container, path, is_list, key, event.anchor, nodes, chars))
            container, path, is_list, key = ([] if kind is SequenceStartEvent else {}), child, kind is SequenceStartEvent, None
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            done = container
            container, path, is_list, key, anchor, nodes_at_start, chars_at_start = stack.pop()
            if anchor:
                anchors[anchor] = (done, nodes - nodes_at_start + 1, chars - chars_at_start)
            if is_list:
                container.append(done)
            elif container is not None:
                container[key], key = done, None
            else:
                doc.data = done
        elif kind is AliasEvent:
            mark = event.start_mark
            aliases += 1
            if aliases > max_aliases:
                _fail(
                    file,
                    mark,
                    f"more than {max_aliases} aliases",
                    "raise it with --limit max_aliases=N if this is meant",
                    "limit",
                )
            if event.anchor not in anchors:
                _fail(
                    file,
                    mark,
                    f"alias *{event.anchor} refers to an anchor that is not defined before it",
                    "define &name before using *name",
                    "syntax",
                )
            value, size, text_size = anchors[event.anchor]
            nodes += size
            if nodes > max_nodes:
                _too_many_nodes(file, mark, max_nodes)
            chars += text_size
            if chars > max_chars:
                _too_much_text(file, mark, max_chars)
            child = _child(file, mark, container, path, is_list, key)
            if child not in positions:
                positions[child] = (mark.line + 1, mark.column + 1)
            if is_list:
                container.append(value)
            elif container is not None:
                container[key], key = value, None
            else:
                doc.data = value
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                _fail(
                    file,
                    event.start_mark,
                    _("the file holds more than one YAML document"),
                    _("a case file is one document: remove the second `---`"),
                    "syntax",
                )


def _child(file: str, mark: Any, container: Any, path: tuple[Any, ...], is_list: bool, key: Any) -> tuple[Any, ...]:
    """The path of a container or alias about to be attached; a list or mapping cannot be a key."""
    if container is None:
        return ()
    if is_list:
        return (*path, len(container))
    if key is None:
        _fail(
            file,
            mark,
            "a mapping key must be a plain value, not a list or mapping",
            "write keys as simple words such as `date:`",
            "syntax",
        )
    return (*path, key)


def _tag(file: str, event: Any) -> NoReturn:
    _fail(
        file,
        event.start_mark,
        f"the YAML tag {event.tag!r} is not allowed",
        "tags that construct objects are refused; remove the tag and write plain YAML",
        "tag",
    )


def _too_many_nodes(file: str, mark: Any, limit: int) -> NoReturn:
    _fail(
        file,
        mark,
        f"the file expands to more than {limit} YAML nodes",
        "an alias bomb or a generated file? raise it with --limit max_nodes=N",
        "limit",
    )


def _too_much_text(file: str, mark: Any, limit: int) -> NoReturn:
    _fail(
        file,
        mark,
        f"the file expands to more than {limit} characters of text",
        "aliases count as the text they repeat (an alias bomb?); raise it with --limit max_text_chars=N",
        "limit",
    )


def _duplicate(file: str, mark: Any, key: str, first: tuple[int, int]) -> NoReturn:
    _fail(
        file,
        mark,
        _("duplicate key {key!r} (first at line {line})").format(key=key, line=first[0]),
        _("YAML keeps only one of them silently; merge the two or rename one"),
        "duplicate-key",
    )
