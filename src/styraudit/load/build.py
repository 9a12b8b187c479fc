"""Building located data from YAML events: one loop, limits checked before anything is built.

This is the loader's hot path (a case file is some 1,500 events): scalars are handled in the
loop itself with its state in local variables, the rarer events by helpers, the open containers
are a stack of tuples. The guarantees are those NOTES.md asks for: depth, node count
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
    (through an escape) can, and the others are not searched for one.

    One loop with its state in local variables: a case file is some 1,500 events, three in four
    of them scalars, and a method call and the attribute reads of a state object per event were
    most of loading's own cost. The open container, its path, whether it is a list and the key
    awaiting its value are locals; `stack` holds, per open container, its parent's state, its
    anchor and the counts at its start. Containers, aliases and documents go to `_State`'s
    helpers, which get and give back the locals they change. A control character can only come
    in through an escape ("\\x1b"); it is kept visible, as its picture (␛), so that no output (a
    terminal, XML, Word) ever carries it raw."""
    clean = source is not None and not has_control(source)
    file, positions, key_positions = doc.file, doc.positions, doc.key_positions
    max_string, max_text, max_nodes = limits.max_string_chars, limits.max_text_chars, limits.max_nodes
    state = _State(doc, limits)
    # flow, key_end: whether the open mapping is a flow one {...}, where its last key ended (_no_value)
    container, path, key_path, is_list, key, flow, key_end = None, (), (), False, None, False, -1
    for event in events:
        kind = event.__class__
        if kind is not ScalarEvent:
            container, path, is_list, key, flow = state.other(event, kind, container, path, is_list, key, flow)
            continue
        raw, mark, tag = event.value, event.start_mark, event.tag
        if tag is not None and tag != "!" and tag not in STANDARD_TAGS:
            _tag(file, event)
        length = len(raw)
        state.chars += length
        if length > max_string or state.chars > max_text:
            _scalar_limit(file, mark, length, limits)
        text = raw if clean and event.style != '"' else printable(raw)
        value = None if (not event.style and event.implicit[0] and text in NULLS) or tag == NULL_TAG else text
        if key is None and container is not None and not is_list:  # a mapping key
            key, key_path, key_end = _key(file, event, value, container, path, key_positions)
            continue
        if value is None and flow and mark.index == key_end:
            _no_value(file, key, key_positions[key_path])
        state.nodes += 1
        if state.nodes > max_nodes:
            _too_many_nodes(file, mark, max_nodes)
        child = (*path, len(container)) if is_list else key_path if container is not None else ()
        if child not in positions:
            positions[child] = (mark.line + 1, mark.column + 1)
        if event.anchor:
            state.anchors[event.anchor] = (value, 1, length)
        if is_list:  # _attach, written in place for the most frequent event
            container.append(value)
        elif container is not None:
            container[key], key = value, None
        else:
            doc.data = value


def _key(file: str, event: Any, value: Any, container: Any, path: tuple[Any, ...], key_positions: Any) -> tuple[Any, ...]:
    """A mapping key read: refused if the mapping has it already, else placed; gives the key, its
    path and where it ended."""
    key = "" if value is None else value
    key_path, mark = (*path, key), event.start_mark
    if key in container:
        _duplicate(file, mark, key, key_positions.get(key_path, (0, 0)))
    key_positions[key_path] = (mark.line + 1, mark.column + 1)
    return key, key_path, event.end_mark.index


def _scalar_limit(file: str, mark: Any, length: int, limits: Limits) -> NoReturn:
    """A scalar past a limit: its own length, else the file's text so far."""
    if length > limits.max_string_chars:
        _too_long(file, mark, length, limits.max_string_chars)
    _too_much_text(file, mark, limits.max_text_chars)


def _attach(doc: Any, container: Any, is_list: bool, key: Any, value: Any) -> None:
    """Put `value` in the open container (or make it the document); the awaited key is then none."""
    if is_list:
        container.append(value)
    elif container is not None:
        container[key] = value
    else:
        doc.data = value
    return None


class _State:
    """What the builder keeps besides its locals: the anchors, the counts, the stack of open containers."""

    __slots__ = ("aliases", "anchors", "chars", "doc", "documents", "file", "limits", "nodes", "positions", "stack")

    def __init__(self, doc: Any, limits: Limits) -> None:
        self.doc, self.file, self.limits, self.positions = doc, doc.file, limits, doc.positions
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.stack: list[tuple[Any, ...]] = []
        self.nodes = self.chars = self.aliases = self.documents = 0

    def start(self, event: Any, container: Any, path: tuple[Any, ...], is_list: bool, key: Any, flow: bool) -> tuple[Any, ...]:
        """A list or mapping opens: checked, placed, and the parent's state saved; gives the new locals."""
        mark, tag, limits = event.start_mark, event.tag, self.limits
        if tag is not None and tag != "!" and tag not in STANDARD_TAGS:
            _tag(self.file, event)
        self.nodes += 1
        if self.nodes > limits.max_nodes:
            _too_many_nodes(self.file, mark, limits.max_nodes)
        if len(self.stack) >= limits.max_depth:
            _fail(
                self.file,
                mark,
                f"the file nests deeper than {limits.max_depth} levels",
                "case files are shallow; raise it with --limit max_depth=N if this is meant",
                "limit",
            )
        child = _child(self.file, mark, container, path, is_list, key)
        if child not in self.positions:
            self.positions[child] = (mark.line + 1, mark.column + 1)
        self.stack.append((container, path, is_list, key, flow, event.anchor, self.nodes, self.chars))
        opens_list = event.__class__ is SequenceStartEvent
        # In a flow mapping {...}: a null value starting just where its key ended had no ': '.
        return ([] if opens_list else {}), child, opens_list, None, not opens_list and bool(event.flow_style)

    def other(self, event: Any, kind: type, container: Any, path: Any, is_list: bool, key: Any, flow: bool) -> tuple[Any, ...]:
        """Any event but a scalar: gives the builder's locals as they are after it."""
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            return self.start(event, container, path, is_list, key, flow)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            done = container
            container, path, is_list, key, flow = self.end(done)
            return container, path, is_list, _attach(self.doc, container, is_list, key, done), flow
        if kind is AliasEvent:
            key = _attach(self.doc, container, is_list, key, self.alias(event, container, path, is_list, key))
        elif kind is DocumentStartEvent:
            self.document(event)
        return container, path, is_list, key, flow

    def end(self, done: Any) -> tuple[Any, ...]:
        """A list or mapping closes: its anchor learns its size; gives the parent's locals back."""
        container, path, is_list, key, flow, anchor, nodes_at_start, chars_at_start = self.stack.pop()
        if anchor:
            self.anchors[anchor] = (done, self.nodes - nodes_at_start + 1, self.chars - chars_at_start)
        return container, path, is_list, key, flow

    def alias(self, event: Any, container: Any, path: tuple[Any, ...], is_list: bool, key: Any) -> Any:
        """`*name`: counted as the nodes and text it repeats, placed; gives the value it stands for."""
        mark, limits = event.start_mark, self.limits
        self.aliases += 1
        if self.aliases > limits.max_aliases:
            _fail(
                self.file,
                mark,
                f"more than {limits.max_aliases} aliases",
                "raise it with --limit max_aliases=N if this is meant",
                "limit",
            )
        if event.anchor not in self.anchors:
            message = f"alias *{event.anchor} refers to an anchor that is not defined before it"
            _fail(self.file, mark, message, "define &name before using *name", "syntax")
        value, size, text_size = self.anchors[event.anchor]
        self.nodes += size
        if self.nodes > limits.max_nodes:
            _too_many_nodes(self.file, mark, limits.max_nodes)
        self.chars += text_size
        if self.chars > limits.max_text_chars:
            _too_much_text(self.file, mark, limits.max_text_chars)
        child = _child(self.file, mark, container, path, is_list, key)
        if child not in self.positions:
            self.positions[child] = (mark.line + 1, mark.column + 1)
        return value

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            _fail(
                self.file,
                event.start_mark,
                _("the file holds more than one YAML document"),
                _("a case file is one document: remove the second `---`"),
                "syntax",
            )


def _no_value(file: str, key: Any, where: tuple[int, int]) -> NoReturn:
    """`{a: b, c}`: PyYAML reads c as a key with a null value; it is almost always a comma slip."""
    raise input_error(
        Location(file, *where),
        _("in a flow mapping {{...}}, {key!r} has no value (no ': ' after it)").format(key=key),
        _(
            "a comma ends a value unless it is quoted: write 'A, B' in quotes, put ': ' between key and value, or write the mapping in block style, one `key: value` a line"
        ),
        "syntax",
    )


def _too_long(file: str, mark: Any, length: int, limit: int) -> NoReturn:
    _fail(
        file,
        mark,
        f"a text of {length} characters exceeds the limit of {limit}",
        "split the text or raise it with --limit max_string_chars=N",
        "limit",
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
