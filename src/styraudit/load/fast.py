"""The fast path of the loader: rapidyaml parses in C++, a Python loop reads its node array into data.

rapidyaml (the `rapidyaml` wheel) parses a case file in a tenth of libyaml's time with PyYAML's
events, and its tree is an array of nodes in document order, so one loop over the ids builds the
data with two or three calls a node. Positions are not built here: the tree is kept and
load/fastpos.py finds a node's line and column only when something asks (load/yamldoc.py).

The guarantee is that this path gives what the pure-Python path (load/build.py) gives, or nothing:
`parse` returns None, and the caller takes the Python path, for anything the two might read
differently or that the Python path refuses with a message (anchors, aliases, tags, directives,
several documents, tabs, escapes, control characters, a duplicate key, a flow mapping key with no
value, a limit reached, a syntax error). tests/test_fast_loader.py holds the two paths to that.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import re
import sys
from typing import Any

from .limits import Limits

# Text the Python path reads differently or refuses, wherever it stands (a comment too): control
# characters (libyaml's reader refuses them), tabs, CR and YAML 1.1's other line breaks, a BOM,
# backslash escapes, directives and document markers, explicit keys (`? `). Anchors, aliases and
# tags are refused by their node bits, and a plain scalar starting with an indicator (rapidyaml
# reads `@x` and `]x`, libyaml refuses them) by its first character, since comments often hold them. Searched with bytes.translate and `in`: a regular
# expression over a 10 KB file cost as much as the whole walk.
_PLAIN_BYTES = bytes(range(0x20, 0x7F)).replace(b"\\", b"") + b"\n" + bytes(range(0x80, 0x100))
_ODD_CHARACTERS = ("\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
# A quoted scalar that starts a value (at a line's start, after `-`, `:`, `[`, `{` but not `{{`, or `,`) and has
# more on its line than a comment, a colon or flow punctuation (`- "x"  - "y"`), or that goes on to
# the next line: libyaml refuses the first and rapidyaml reads on. Plain text that happens to look
# like one only costs its file the Python path.
_AFTER_QUOTE = re.compile(r"""(?m)(?:^|[-:\[,]|(?<!\{)\{)[ ]*(?:(?:"[^"\n]*"|'[^'\n]*')[ ]*[^ #:,\]}\n]|"[^"\n]*$|'[^'\n]*$)""")
_MARKERS = ("---", "...", "%")
_MARKER_LINE = re.compile(r"\n(?:---|\.\.\.|%)")  # one pass for the three: a third of the gate's time, not two thirds
_INDICATORS = frozenset(",[]{}#&*!|>'\"%@`")  # a plain scalar cannot start with one in libyaml
# In a flow collection `-`, `:` and `?` too: libyaml refuses `:x` there, and reads `- x` otherwise.
_FLOW_INDICATORS = _INDICATORS | frozenset("-:?")
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# rapidyaml's node type bits (c4/yml/node_type.hpp), as the wheel's ryml module names them
KEY, VAL, MAP, SEQ, DOC = 0x1, 0x2, 0x4, 0x8, 0x10
FLOW = 0x10000 | 0x20000
KEYQUO, VALQUO = 0x0AA00000, 0x15400000
REFUSED = 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800 | DOC  # refs, anchors, tags, explicit documents


def _load() -> Any:
    """rapidyaml's compiled module alone, or None. Its package's __init__ imports `deprecation`
    and `packaging`, a fifth of `validate`'s start-up; the functions needed are all in `_ryml`."""
    try:
        spec = importlib.util.find_spec("ryml")
        folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
        names = [n for n in os.listdir(folder) if n.startswith("_ryml.") and n.endswith((".so", ".pyd"))] if folder else []
        if not names:
            return None
        path = os.path.join(folder, names[0])  # type: ignore[arg-type]
        loader = importlib.machinery.ExtensionFileLoader("ryml._ryml", path)
        module_spec = importlib.util.spec_from_file_location("ryml._ryml", path, loader=loader)
        module = importlib.util.module_from_spec(module_spec)  # type: ignore[arg-type]
        loader.exec_module(module)
    except (ImportError, OSError, AttributeError, ValueError):
        return None
    sys.modules["ryml._ryml"] = module  # so that `import ryml`, on a parse error, reuses it

    class _TreeClass:  # SWIG frees a tree by its registered class's destructor, and says so on stdout without one
        __swig_destroy__ = module.delete_Tree

    module.Tree_swigregister(_TreeClass)
    return module


_NATIVE: list[Any] = []  # the module (or None), loaded on the first parse, not at start-up


def native() -> Any:
    """rapidyaml's compiled module, or None when the wheel is missing or STYRAUDIT_LOADER is `python`."""
    if not _NATIVE:
        _NATIVE.append(None if os.environ.get("STYRAUDIT_LOADER") == "python" else _load())
    return _NATIVE[0]


class Tree:
    """A parsed rapidyaml tree and the bytes it was parsed from; the tree is freed with its handle."""

    __slots__ = ("buffer", "handle", "raw")

    def __init__(self, raw: bytes) -> None:
        self.raw, self.buffer, self.handle = raw, bytearray(raw), native().new_Tree()


def available() -> bool:
    """Whether the fast path can run (the wheel imports, and STYRAUDIT_LOADER is not `python`)."""
    return native() is not None


def parse(text: str, limits: Limits) -> tuple[Any, Tree] | None:
    """The data of `text` and its tree, or None when the Python path must read it."""
    if native() is None or len(text) > limits.max_text_chars:
        return None
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if _refused(text, raw):
        return None
    tree = Tree(raw)
    if not _quiet_parse(tree):
        return None
    return _data(tree, limits)


def _refused(text: str, raw: bytes) -> bool:
    """Whether `text` holds anything the gate above names."""
    if raw.translate(None, _PLAIN_BYTES) or any(odd in text for odd in _ODD_CHARACTERS):
        return True
    if (b"\xc2" in raw and _C1.search(raw)) or text.startswith(_MARKERS):
        return True
    if _MARKER_LINE.search(text):
        return True
    if ('"' in text or "'" in text) and _AFTER_QUOTE.search(_quoted_lines(text)):
        return True
    at = text.find(" #")
    while at != -1:  # a comment on a line that opens a flow collection: rapidyaml reads it as text
        if any(c in _line_before(text, at) for c in "{["):
            return True
        at = text.find(" #", at + 2)
    at = text.find("?")
    while at != -1:  # `? key`: after nothing but spaces and dashes on its line, or after [ { ,
        if text[at + 1 : at + 2] in ("", " ", "\n"):
            before = _line_before(text, at)
            if not before.strip(" -") or before.rstrip(" ")[-1:] in ("[", "{", ","):
                return True
        at = text.find("?", at + 1)
    return False


def _quoted_lines(text: str) -> str:
    """The lines of `text` that hold a quote, which is all `_AFTER_QUOTE` can match: none of its
    matches crosses a line. Searched alone they take a tenth of the time the whole text took."""
    return "\n".join(line for line in text.split("\n") if '"' in line or "'" in line)


def _line_before(text: str, at: int) -> str:
    """What stands on the line of `at`, before it."""
    return text[text.rfind("\n", 0, at) + 1 : at]


def _quiet_parse(tree: Tree) -> bool:
    """Parse into `tree`; False on an error. rapidyaml writes its error to the C stderr, so that is
    pointed at /dev/null meanwhile: the message people see is the Python path's."""
    saved = os.dup(2)
    try:
        os.dup2(_devnull(), 2)
        native().parse_substr(tree.buffer, tree.handle)
        return True
    except Exception:  # the wheel's ExceptionParse: any failure means the Python path decides
        # The exception's class (and so its destructor) is registered by the package's Python
        # side; without it SWIG prints a leak warning on stdout when the exception is freed.
        import ryml  # noqa: F401

        return False
    finally:
        os.dup2(saved, 2)
        os.close(saved)


_NULL_FD: list[int] = []


def _devnull() -> int:
    if not _NULL_FD:
        _NULL_FD.append(os.open(os.devnull, os.O_WRONLY))
    return _NULL_FD[0]


def _data(tree: Tree, limits: Limits) -> tuple[Any, Tree] | None:
    """Build the data in one pass over the node ids (document order); None for anything refused.

    Each node costs a call for its type, for its key in a mapping and for its text; a collection
    also one for its count of children, which tells when it ends. Empty keys, null keys, and
    plain scalars starting with an indicator go to the Python path (libyaml refuses some)."""
    r, handle = native(), tree.handle
    kind_of, key_of, val_of, count = r.Tree_type, r.Tree_key, r.Tree_val, r.Tree_num_children
    size, max_string, max_depth = r.Tree_size(handle), limits.max_string_chars, limits.max_depth
    root = kind_of(handle, 0)
    if size > limits.max_nodes or root & REFUSED or not root & (MAP | SEQ):
        return None  # a scalar or empty document, or a count to report: rare, the Python path's
    data: Any = {} if root & MAP else []
    # the open collection, whether a mapping, the plain starts read otherwise in it, its children to read; the key
    container, is_map, odd, left, stack, key = data, bool(root & MAP), _starts(root), count(handle, 0), [], ""
    for node in range(1, size):
        while not left:
            container, is_map, odd, left = stack.pop()
        left -= 1
        kind = kind_of(handle, node)
        if kind & REFUSED:
            return None
        if is_map:
            raw = key_of(handle, node)
            key = "" if raw is None else str(raw, "utf-8")
            if not key or len(key) > max_string or key in container or (not kind & KEYQUO and (key in NULLS or key[:1] in odd)):
                return None  # a duplicate is the Python path's to name
        if kind & (MAP | SEQ):
            if len(stack) + 1 >= max_depth:
                return None
            container, is_map, odd, left = _open(stack, (container, is_map, odd, left), key, kind, count(handle, node))
            continue
        raw = val_of(handle, node)
        value = None if raw is None else str(raw, "utf-8")
        if value is None:
            if odd is _FLOW_INDICATORS:  # `{a, b}` or `{a: }` in flow: the Python path tells one from the other
                return None
        elif len(value) > max_string or (not kind & VALQUO and value[:1] in odd):
            return None
        elif not kind & VALQUO and value in NULLS:
            value = None
        if is_map:
            container[key] = value
        else:
            container.append(value)
    return data, tree


def _open(
    stack: list[Any], state: tuple[Any, bool, frozenset[str], int], key: str, kind: int, children: int
) -> tuple[Any, bool, frozenset[str], int]:
    """A collection opens inside the open one (`state`, kept on `stack`): placed; gives the loop's new locals."""
    stack.append(state)
    container, is_map = state[0], state[1]
    value: Any = {} if kind & MAP else []
    if is_map:
        container[key] = value
    else:
        container.append(value)
    return value, bool(kind & MAP), _starts(kind), children


def _starts(kind: int) -> frozenset[str]:
    """The first characters of a plain scalar that libyaml reads otherwise, in a collection of this kind."""
    return _FLOW_INDICATORS if kind & FLOW else _INDICATORS
