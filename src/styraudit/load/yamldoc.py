"""Safe, bounded YAML loading that remembers the line and column of every node.

The tree is built straight from PyYAML's event stream (the C parser when available), in one
non-recursive pass (load/build.py). That single pass is also the guard NOTES.md asks for:
depth, node count (aliases counted as expanded), string length and tags are checked before
anything is built past the limit, so deep nesting cannot crash the C composer and an alias bomb cannot blow up
later stages. Scalars stay strings (or None): the model decides types, so a case file means
what its author typed (`no` stays "no", `010` stays "010").
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Location, input_error
from ..model.paths import YamlPath
from ..text.i18n import _
from . import fast
from .build import build
from .files import read_regular
from .limits import DEFAULT_LIMITS, Limits

# The C parser is ~10x faster; the pure-Python one gives the same events.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlDocument:
    """A loaded document: plain data plus where each value and each mapping key stands.

    `positions` and `key_positions` map a path to (line, column). A document the fast path read
    (load/fast.py) holds its rapidyaml tree instead, and `locate` asks the tree for the one place
    it needs; the tables are built, by the Python path, only when something reads them whole, or
    when the tree cannot tell a place (load/fastpos.py)."""

    def __init__(
        self,
        file: str,
        data: Any,
        positions: dict[YamlPath, tuple[int, int]] | None = None,
        key_positions: dict[YamlPath, tuple[int, int]] | None = None,
    ) -> None:
        self.file, self.data = file, data
        self._positions = {} if positions is None else positions
        self._key_positions = {} if key_positions is None else key_positions
        self._lazy: tuple[Any, str, Limits] | None = None  # (fastpos.Places or the tree, text, limits)
        self._mirrors: list[tuple[YamlPath, YamlPath]] = []
        self._places: dict[tuple[YamlPath, bool], tuple[int, int]] = {}  # what the tree told, by (path, key)

    def __repr__(self) -> str:
        return f"YamlDocument(file={self.file!r}, data={self.data!r})"

    def __getstate__(self) -> dict[str, Any]:
        self._materialise()  # a tree does not pickle; its places do
        return self.__dict__

    @property
    def positions(self) -> dict[YamlPath, tuple[int, int]]:
        """Every node's (line, column), by path."""
        self._materialise()
        return self._positions

    @property
    def key_positions(self) -> dict[YamlPath, tuple[int, int]]:
        """Every mapping key's (line, column), by the path of its value."""
        self._materialise()
        return self._key_positions

    def locate(self, path: YamlPath, *, key: bool = False) -> Location:
        """The location of `path`, or of its nearest recorded ancestor (a missing key maps to its parent)."""
        if self._lazy is not None:
            asked = (tuple(path), key)
            place = self._places.get(asked) or self._lazy_place(*asked)
            if place is not None:
                self._places[asked] = place  # findings name the same facts again and again
                return Location(self.file, *place)
            self._materialise()
        table = self._key_positions if key and tuple(path) in self._key_positions else self._positions
        probe = tuple(path)
        while probe and probe not in table:
            probe = probe[:-1]
        line, column = table.get(probe, self._positions.get((), (1, 1)))
        return Location(self.file, line, column)

    def mirror(self, source: YamlPath, alias: YamlPath) -> None:
        """Let every path under `alias` that has no place of its own find the place of the same path under `source`."""
        if self._lazy is not None:
            self._mirrors.append((tuple(source), tuple(alias)))
            self._places.clear()
            return
        for table in (self._positions, self._key_positions):
            for path, position in list(table.items()):
                if path[: len(source)] == source:
                    table.setdefault((*alias, *path[len(source) :]), position)

    def _lazy_place(self, path: tuple[Any, ...], key: bool) -> tuple[int, int] | None:
        places, _, _ = self._lazy  # type: ignore[misc]
        if isinstance(places, fast.Tree):
            from . import fastpos  # ctypes only when a place is asked for, not at start-up

            places = fastpos.Places(places)
            self._lazy = (places, *self._lazy[1:])  # type: ignore[index]
        for source, alias in reversed(self._mirrors):
            if path[: len(alias)] == alias:
                found = places.find(alias)
                if found is None or found[1]:
                    return None  # the alias is in the file too: the tables say which place wins
                path = (*source, *path[len(alias) :])
        found = places.find(path)
        if found is None:
            return None
        chain, whole = found
        if key and whole and len(chain) > 1 and places.key(chain[-1]) is not None:
            return places.key(chain[-1])
        return places.value(chain[-1])

    def _materialise(self) -> None:
        """The full tables, from the Python path, for a document the fast path read."""
        if self._lazy is None:
            return
        _, text, limits = self._lazy
        self._lazy, mirrors = None, self._mirrors
        full = _python_parse(text, self.file, limits)
        self._positions, self._key_positions, self._mirrors = full._positions, full._key_positions, []
        for source, alias in mirrors:
            self.mirror(source, alias)


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
    """Parse YAML text into a YamlDocument, raising InputError with a location on any problem.

    The fast path (load/fast.py) reads most case files; what it does not take, the Python path
    reads, which gives the same data, places and messages."""
    read = fast.parse(text, limits) if fast.available() else None
    if read is None:
        return _python_parse(text, file, limits)
    doc = YamlDocument(file, read[0])
    doc._lazy = (read[1], text, limits)
    return doc


def _python_parse(text: str, file: str, limits: Limits) -> YamlDocument:
    """The pure-Python path: PyYAML's events (the C parser when available) built by load/build.py."""
    doc, loader = YamlDocument(file, None), None
    try:
        loader = _LOADER(text)  # the pure-Python reader refuses control characters already here
        # get_event until there is none: the loop yaml.parse runs, without a generator's cost per event
        build(iter(loader.get_event, None), doc, limits, text)  # fills doc's tables in place
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
    finally:
        if loader is not None:
            loader.dispose()
    return doc


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
