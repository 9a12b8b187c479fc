"""Safe, bounded YAML loading that remembers the line and column of every node.

The tree is built straight from PyYAML's event stream (the C parser when available), in one
non-recursive pass. That single pass is also the guard NOTES.md asks for: depth, node count
(aliases counted as expanded), string length and tags are checked before anything is built
past the limit, so deep nesting cannot crash the C composer and an alias bomb cannot blow up
later stages. Scalars stay strings (or None): the model decides types, so a case file means
what its author typed (`no` stays "no", `010` stays "010").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Location, input_error
from ..model.paths import YamlPath
from ..text.i18n import _
from .files import read_regular
from .limits import DEFAULT_LIMITS, Limits
from .printable import printable

# The C parser is ~10x faster; the pure-Python one gives the same events.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


@dataclass
class YamlDocument:
    """A loaded document: plain data plus where each value and each mapping key stands."""

    file: str
    data: Any
    positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: YamlPath, *, key: bool = False) -> Location:
        """The location of `path`, or of its nearest recorded ancestor (a missing key maps to its parent)."""
        table = self.key_positions if key and tuple(path) in self.key_positions else self.positions
        probe = tuple(path)
        while probe and probe not in table:
            probe = probe[:-1]
        line, column = table.get(probe, self.positions.get((), (1, 1)))
        return Location(self.file, line, column)


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: YamlPath
    anchor: str | None
    nodes_at_start: int
    chars_at_start: int = 0
    key: str | None = None
    key_mark: Any = None  # where the current key ends, in a flow mapping: a value starting there had no ':'
    flow: bool = False


class _Builder:
    """Turns events into Python data, enforcing the limits as it goes."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file, self.limits = file, limits
        self.doc = YamlDocument(file, None)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # value, nodes, characters of text
        self.nodes = 0
        self.chars = 0
        self.aliases = 0
        self.documents = 0

    def fail(self, mark: Any, message: str, hint: str, code: str) -> None:
        raise input_error(Location(self.file, mark.line + 1, mark.column + 1), message, hint, code)

    def count(self, mark: Any, n: int = 1) -> None:
        self.nodes += n
        if self.nodes > self.limits.max_nodes:
            self.fail(
                mark,
                f"the file expands to more than {self.limits.max_nodes} YAML nodes",
                "an alias bomb or a generated file? raise it with --limit max_nodes=N",
                "limit",
            )

    def count_text(self, mark: Any, n: int) -> None:
        self.chars += n
        if self.chars > self.limits.max_text_chars:
            self.fail(
                mark,
                f"the file expands to more than {self.limits.max_text_chars} characters of text",
                "aliases count as the text they repeat (an alias bomb?); raise it with --limit max_text_chars=N",
                "limit",
            )

    def check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag and tag != "!" and tag not in _STANDARD_TAGS:
            self.fail(
                event.start_mark,
                f"the YAML tag {tag!r} is not allowed",
                "tags that construct objects are refused; remove the tag and write plain YAML",
                "tag",
            )

    def child_path(self, mark: Any) -> YamlPath:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        if top.key is None:
            self.fail(
                mark,
                "a mapping key must be a plain value, not a list or mapping",
                "write keys as simple words such as `date:`",
                "syntax",
            )
        return (*top.path, top.key)

    def attach(self, value: Any) -> None:
        if not self.stack:
            self.doc.data = value
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
        else:
            top.container[top.key] = value  # type: ignore[index]
            top.key = None

    def start(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        self.check_tag(event)
        self.count(event.start_mark)
        if len(self.stack) >= self.limits.max_depth:
            self.fail(
                event.start_mark,
                f"the file nests deeper than {self.limits.max_depth} levels",
                "case files are shallow; raise it with --limit max_depth=N if this is meant",
                "limit",
            )
        path = self.child_path(event.start_mark)
        self.remember(path, event.start_mark)
        flow = bool(getattr(event, "flow_style", False)) and isinstance(container, dict)
        self.stack.append(_Frame(container, path, event.anchor, self.nodes, self.chars, flow=flow))

    def end(self) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.anchors[frame.anchor] = (
                frame.container,
                self.nodes - frame.nodes_at_start + 1,
                self.chars - frame.chars_at_start,
            )
        self.attach(frame.container)

    def remember(self, path: YamlPath, mark: Any) -> None:
        self.doc.positions.setdefault(path, (mark.line + 1, mark.column + 1))

    def scalar(self, event: Any) -> None:
        self.check_tag(event)
        if len(event.value) > self.limits.max_string_chars:
            self.fail(
                event.start_mark,
                f"a text of {len(event.value)} characters exceeds the limit of {self.limits.max_string_chars}",
                "split the text or raise it with --limit max_string_chars=N",
                "limit",
            )
        self.count_text(event.start_mark, len(event.value))
        plain = event.implicit[0] and not event.style
        # A control character can only come in through an escape ("\x1b"); it is kept visible, as
        # its picture (␛), so that no output (a terminal, XML, Word) ever carries it raw.
        text = printable(event.value)
        value = None if (plain and text in _NULLS) or event.tag == "tag:yaml.org,2002:null" else text
        top = self.stack[-1] if self.stack else None
        if isinstance(top and top.container, dict) and top.key is None:  # a mapping key
            self.key(top, event, "" if value is None else value)
            return
        if top is not None and top.flow and value is None and event.start_mark.index == top.key_mark.index:
            line, column = self.doc.key_positions[(*top.path, top.key or "")]
            raise input_error(
                Location(self.file, line, column),
                _("in a flow mapping {{...}}, {key!r} has no value (no ': ' after it)").format(key=top.key),
                _(
                    "a comma ends a value unless it is quoted: write 'A, B' in quotes, put ': ' between key and value, or write the mapping in block style, one `key: value` a line"
                ),
                "syntax",
            )
        self.count(event.start_mark)
        path = self.child_path(event.start_mark)
        self.remember(path, event.start_mark)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, len(event.value))
        self.attach(value)

    def key(self, frame: _Frame, event: Any, key: str) -> None:
        assert isinstance(frame.container, dict)
        mark = event.start_mark
        if key in frame.container:
            first = self.doc.key_positions.get((*frame.path, key), (0, 0))
            self.fail(
                mark,
                _("duplicate key {key!r} (first at line {line})").format(key=key, line=first[0]),
                _("YAML keeps only one of them silently; merge the two or rename one"),
                "duplicate-key",
            )
        frame.key, frame.key_mark = key, event.end_mark
        self.doc.key_positions[(*frame.path, key)] = (mark.line + 1, mark.column + 1)

    def alias(self, event: Any) -> None:
        self.aliases += 1
        if self.aliases > self.limits.max_aliases:
            self.fail(
                event.start_mark,
                f"more than {self.limits.max_aliases} aliases",
                "raise it with --limit max_aliases=N if this is meant",
                "limit",
            )
        if event.anchor not in self.anchors:
            self.fail(
                event.start_mark,
                f"alias *{event.anchor} refers to an anchor that is not defined before it",
                "define &name before using *name",
                "syntax",
            )
        value, size, chars = self.anchors[event.anchor]
        self.count(event.start_mark, size)
        self.count_text(event.start_mark, chars)
        path = self.child_path(event.start_mark)
        self.remember(path, event.start_mark)
        self.attach(value)

    def feed(self, event: Any) -> None:
        kind = type(event).__name__
        if kind == "ScalarEvent":
            self.scalar(event)
        elif kind == "MappingStartEvent":
            self.start(event, {})
        elif kind == "SequenceStartEvent":
            self.start(event, [])
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            self.end()
        elif kind == "AliasEvent":
            self.alias(event)
        elif kind == "DocumentStartEvent":
            self.documents += 1
            if self.documents > 1:
                self.fail(
                    event.start_mark,
                    _("the file holds more than one YAML document"),
                    _("a case file is one document: remove the second `---`"),
                    "syntax",
                )


def decode(raw: bytes, file: str) -> str:
    """Decode UTF-8 (a BOM is allowed); anything else is an error pointing at the first bad byte."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise input_error(Location(file, 1, 1), _("the file is UTF-32, not UTF-8"), _("save it as UTF-8"), "encoding")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise input_error(Location(file, 1, 1), _("the file is UTF-16, not UTF-8"), _("save it as UTF-8"), "encoding")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise input_error(
            Location(file, line, column),
            _("the file is not valid UTF-8 (byte 0x{byte:02x})").format(byte=raw[exc.start]),
            _("save the file as UTF-8"),
            "encoding",
        ) from None


def parse_text(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse YAML text into a YamlDocument, raising InputError with a location on any problem."""
    builder = _Builder(file, limits)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax: {exc.problem or exc.context}"
        if "maximum nesting depth" in message:  # libyaml's own guard fired before ours could
            message = f"the file nests deeper than {limits.max_depth} levels"
        found = text.splitlines()[line - 1][column - 1 : column] if mark and line <= len(text.splitlines()) else ""
        hint = _syntax_hint(message, found)
        if message.startswith("YAML syntax: "):
            message = _("YAML syntax: {problem}").format(problem=exc.problem or exc.context)
        raise input_error(Location(file, line, column), message, hint, "syntax") from None
    except yaml.YAMLError as exc:  # reader errors: characters YAML does not allow
        line, column = _reader_position(text, getattr(exc, "position", 0))
        raise input_error(
            Location(file, line, column),
            f"YAML: {exc}".splitlines()[0],
            _("remove control characters such as NUL from the file"),
            "syntax",
        ) from None
    return builder.doc


def _reader_position(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _syntax_hint(message: str, found: str) -> str:
    if "nests deeper" in message:
        return "case files are shallow; raise it with --limit max_depth=N if this is meant"
    if found == "\t" or "\\t" in message:
        return _("YAML indentation must be spaces, not tabs")
    if found == "," and "expected node content" in message:
        return _(
            "two commas in a row, or a comma with nothing before it: remove one; or write the mapping in block style, one `key: value` a line"
        )
    if "expected ',' or '}'" in message:
        return _(
            "a flow mapping {...} is `key: value` pairs separated by ', ' and closed by '}': a comma or '}' is missing, or a value holds ': ' and needs quotes; or write it in block style, one `key: value` a line"
        )
    if "expected ',' or ']'" in message:
        return _(
            "a flow list [...] is values separated by ', ' and closed by ']': a comma or ']' is missing, or a value needs quotes"
        )
    if "mapping values are not allowed" in message:
        return _("a value containing ': ' needs quotes")
    if "could not find expected ':'" in message or "expected <block end>" in message:
        return _("check the indentation of this line against the lines above")
    return _("check quotes, colons and indentation near this place")


def load_bytes(raw: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Check the size, decode and parse one file's bytes."""
    if len(raw) > limits.max_file_bytes:
        raise input_error(
            Location(file),
            f"the file is {len(raw)} bytes, over the limit of {limits.max_file_bytes}",
            "raise it with --limit max_file_bytes=N if this is meant",
            "limit",
        )
    return parse_text(decode(raw, file), file, limits)


def load_file(
    path: str, display: str | None = None, limits: Limits = DEFAULT_LIMITS, *, within: str | None = None
) -> YamlDocument:
    """Read and parse one YAML file: a regular file only, read at most one byte past the size limit.

    `within`: the folder the file was found in (criteria packs, templates); a file resolving outside it is refused.
    """
    name = display or path
    return load_bytes(read_regular(path, max_bytes=limits.max_file_bytes, display=name, within=within), name, limits)
