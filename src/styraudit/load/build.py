"""Building located data from YAML events: one dispatch loop, limits checked before anything is built.

This is the loader's hot path (a case file is some 1,500 events): the event's class picks its
handler from a table, the open containers are a stack of tuples, and what were small helpers
(the child's path, remembering its place, counting nodes) are written in place. The guarantees are those NOTES.md asks for: depth, node count
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
    state = _State(doc, limits, source is not None and not has_control(source))
    handlers = {
        ScalarEvent: state.scalar,
        MappingStartEvent: state.start,
        SequenceStartEvent: state.start,
        MappingEndEvent: state.end,
        SequenceEndEvent: state.end,
        AliasEvent: state.alias,
        DocumentStartEvent: state.document,
    }
    get = handlers.get
    for event in events:
        handler = get(event.__class__)
        if handler is not None:
            handler(event)


class _State:
    """The builder's state: the open container, its path, whether it is a list, the key awaiting
    its value; below it, per open container, its parent's state, its anchor and the counts at its start."""

    __slots__ = ("aliases", "anchors", "chars", "clean", "container", "doc", "documents", "file", "is_list", "key")
    __slots__ += ("key_positions", "limits", "nodes", "path", "positions", "stack", "flow", "key_end")

    def __init__(self, doc: Any, limits: Limits, clean: bool) -> None:
        self.doc, self.file, self.limits, self.clean = doc, doc.file, limits, clean
        self.positions, self.key_positions = doc.positions, doc.key_positions
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.container: Any = None
        self.path: tuple[str | int, ...] = ()
        self.is_list, self.key = False, None
        # In a flow mapping {...}: where the awaited key ended; a null value starting just there had no ': '.
        self.flow, self.key_end = False, -1
        self.stack: list[tuple[Any, ...]] = []
        self.nodes = self.chars = self.aliases = self.documents = 0

    def scalar(self, event: Any) -> None:
        raw, mark, tag, limits = event.value, event.start_mark, event.tag, self.limits
        if tag is not None and tag != "!" and tag not in STANDARD_TAGS:
            _tag(self.file, event)
        if len(raw) > limits.max_string_chars:
            _too_long(self.file, mark, len(raw), limits.max_string_chars)
        self.chars += len(raw)
        if self.chars > limits.max_text_chars:
            _too_much_text(self.file, mark, limits.max_text_chars)
        # A control character can only come in through an escape ("\x1b"); it is kept visible, as
        # its picture (␛), so that no output (a terminal, XML, Word) ever carries it raw.
        text = raw if self.clean and event.style != '"' else printable(raw)
        value = None if (event.implicit[0] and not event.style and text in NULLS) or tag == NULL_TAG else text
        container, key = self.container, self.key
        if key is None and container is not None and not self.is_list:  # a mapping key
            key = self.key = "" if value is None else value
            if key in container:
                _duplicate(self.file, mark, key, self.key_positions.get((*self.path, key), (0, 0)))
            self.key_positions[(*self.path, key)] = (mark.line + 1, mark.column + 1)
            self.key_end = event.end_mark.index
            return
        if value is None and self.flow and mark.index == self.key_end:
            _no_value(self.file, key, self.key_positions[(*self.path, key)])
        self.nodes += 1
        if self.nodes > limits.max_nodes:
            _too_many_nodes(self.file, mark, limits.max_nodes)
        child = (*self.path, len(container)) if self.is_list else (*self.path, key) if container is not None else ()
        if child not in self.positions:
            self.positions[child] = (mark.line + 1, mark.column + 1)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, len(raw))
        self.attach(value)

    def attach(self, value: Any) -> None:
        if self.is_list:
            self.container.append(value)
        elif self.container is not None:
            self.container[self.key], self.key = value, None
        else:
            self.doc.data = value

    def start(self, event: Any) -> None:
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
        child = _child(self.file, mark, self.container, self.path, self.is_list, self.key)
        if child not in self.positions:
            self.positions[child] = (mark.line + 1, mark.column + 1)
        self.stack.append((self.container, self.path, self.is_list, self.key, self.flow, event.anchor, self.nodes, self.chars))
        is_list = event.__class__ is SequenceStartEvent
        self.container, self.path, self.is_list, self.key = ([] if is_list else {}), child, is_list, None
        self.flow = not is_list and bool(event.flow_style)

    def end(self, event: Any) -> None:
        done = self.container
        self.container, self.path, self.is_list, self.key, self.flow, anchor, nodes_at_start, chars_at_start = self.stack.pop()
        if anchor:
            self.anchors[anchor] = (done, self.nodes - nodes_at_start + 1, self.chars - chars_at_start)
        self.attach(done)

    def alias(self, event: Any) -> None:
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
        child = _child(self.file, mark, self.container, self.path, self.is_list, self.key)
        if child not in self.positions:
            self.positions[child] = (mark.line + 1, mark.column + 1)
        self.attach(value)

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
