"""Where a node of a rapidyaml tree stands, found only when a problem or a finding asks.

libyaml's marks are what the Python path records: a scalar's first character (a quoted one's
quote, a block scalar's `|` or `>`), a block mapping's first key, a block list's first `-`, a
flow collection's bracket. rapidyaml gives each scalar as a view into the parsed buffer, so its
byte offset is the view's address less the buffer's, and a collection's place follows from its
first child's. Whatever cannot be found that way (an empty value, a scalar rapidyaml had to copy,
a comment between a bracket and its first item) gives None, and the caller asks the Python path
for every position of the file instead (load/yamldoc.py).
"""

from __future__ import annotations

import bisect
import ctypes
import re
from itertools import accumulate
from typing import Any

from .fast import FLOW, KEY, KEYQUO, MAP, NULLS, SEQ, VALQUO, Tree, native

_SQUO_DQUO = 0x2000000 | 0x8000000  # KEY_SQUO | KEY_DQUO; shifted one bit left for the value
_BLOCK_HEADER = re.compile(rb"[|>][-+0-9]*[ ]*(?:#[^\n]*)?$")
_NONE = 2**64 - 1  # rapidyaml's NONE id
_RYML = native()  # imported only after a fast parse, so loaded


class _PyBuffer(ctypes.Structure):  # CPython's Py_buffer: the buffer protocol's view
    _fields_ = [
        ("buf", ctypes.c_void_p),
        ("obj", ctypes.py_object),
        ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t),
        ("readonly", ctypes.c_int),
        ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p),
        ("shape", ctypes.c_void_p),
        ("strides", ctypes.c_void_p),
        ("suboffsets", ctypes.c_void_p),
        ("internal", ctypes.c_void_p),
    ]


_GET = ctypes.pythonapi.PyObject_GetBuffer
_GET.argtypes = [ctypes.py_object, ctypes.POINTER(_PyBuffer), ctypes.c_int]
_RELEASE = ctypes.pythonapi.PyBuffer_Release
_RELEASE.argtypes = [ctypes.POINTER(_PyBuffer)]


def _calibrated() -> int | None:
    """Where in a memoryview object its buffer's address stands (offsetof(PyMemoryViewObject, view.buf)),
    found on two views of a known buffer; None if it cannot be found."""
    probe = bytearray(64)
    base = ctypes.addressof(ctypes.c_char.from_buffer(probe))
    views = ((memoryview(probe)[5:], 5), (memoryview(probe)[17:], 17))
    for at in range(0, 256, ctypes.sizeof(ctypes.c_void_p)):
        if all(ctypes.c_void_p.from_address(id(view) + at).value == base + shift for view, shift in views):
            return at
    return None


_VIEW_BUF = _calibrated()


def _address(view: memoryview) -> int:
    """The address of a read-only view's first byte (ctypes' from_buffer wants a writable one).
    Read from the view object itself where its layout is known: a fifth of the buffer protocol's cost."""
    if _VIEW_BUF is not None:
        return ctypes.c_void_p.from_address(id(view) + _VIEW_BUF).value or 0
    info = _PyBuffer()
    _GET(view, ctypes.byref(info), 0)
    try:
        return int(info.buf or 0)
    finally:
        _RELEASE(ctypes.byref(info))


class Places:
    """Line and column of the nodes of one tree, each found when asked."""

    def __init__(self, tree: Tree) -> None:
        self.tree, self.raw = tree, tree.raw
        self.base = ctypes.addressof(ctypes.c_char.from_buffer(tree.buffer))
        self.starts: list[int] | None = None

    def find(self, path: tuple[Any, ...]) -> tuple[list[int], bool] | None:
        """The ids along `path` as far as it exists, and whether all of it does; None when a
        component could name a null key (written `~`, stored as "")."""
        handle, node, chain = self.tree.handle, 0, [0]
        for part in path:
            kind = _RYML.Tree_type(handle, node)
            if kind & MAP and isinstance(part, str):
                if part in NULLS:
                    return None
                child = _RYML.Tree_find_child(handle, node, part)
            elif kind & SEQ and isinstance(part, int) and 0 <= part < _RYML.Tree_num_children(handle, node):
                child = _RYML.Tree_child(handle, node, part)
            else:
                return chain, False
            if child == _NONE:
                return chain, False
            node = child
            chain.append(node)
        return chain, True

    def key(self, node: int) -> tuple[int, int] | None:
        """Where the key of `node` stands."""
        handle = self.tree.handle
        kind = _RYML.Tree_type(handle, node)
        if not kind & KEY:
            return None
        offset = self._scalar(_RYML.Tree_key(handle, node), kind & KEYQUO, kind & _SQUO_DQUO)
        return None if offset is None else self._line_column(offset)

    def value(self, node: int) -> tuple[int, int] | None:
        """Where the value of `node` (a scalar or a collection) stands."""
        offset = self._value_offset(node)
        return None if offset is None else self._line_column(offset)

    def _value_offset(self, node: int) -> int | None:
        handle = self.tree.handle
        kind = _RYML.Tree_type(handle, node)
        if not kind & (MAP | SEQ):
            return self._scalar(_RYML.Tree_val(handle, node), kind & VALQUO, kind & (_SQUO_DQUO << 1))
        first = _RYML.Tree_first_child(handle, node)
        if first == _NONE:
            return None
        start = self._first_key(first) if kind & MAP else self._value_offset(first)
        if start is None or not kind & (FLOW | SEQ):
            return start  # a block mapping starts at its first key
        opener = b"[" if kind & SEQ and kind & FLOW else b"{" if kind & FLOW else b"-"
        at = start - 1
        while at >= 0 and self.raw[at : at + 1] in (b" ", b"\n"):
            at -= 1
        if at < 0 or self.raw[at : at + 1] != opener:
            return None
        # not a `-` or bracket inside a comment: before it on its line, only other dashes (`- - a`)
        # or no `#` at all
        before = self.raw[self.raw.rfind(b"\n", 0, at) + 1 : at]
        return at if (before.strip(b" -") == b"" if opener == b"-" else b"#" not in before) else None

    def _first_key(self, node: int) -> int | None:
        handle = self.tree.handle
        kind = _RYML.Tree_type(handle, node)
        return self._scalar(_RYML.Tree_key(handle, node), kind & KEYQUO, kind & _SQUO_DQUO)

    def _scalar(self, view: memoryview | None, styled: int, quoted: int) -> int | None:
        """The offset libyaml's mark has for a scalar rapidyaml shows as `view`."""
        if view is None:
            return None
        offset = _address(view) - self.base
        raw = self.raw
        if not 0 <= offset < len(raw):
            return None  # a copy in the tree's arena: no place in the file
        if quoted:
            return offset - 1 if raw[offset - 1 : offset] in (b"'", b'"') else None
        if not styled:
            return offset if raw[offset : offset + 1] not in (b" ", b"\n") else None
        if raw[offset - 1 : offset] != b"\n":  # a block scalar's text starts on the line after its header
            return None
        head = raw.rfind(b"\n", 0, offset - 1) + 1
        match = _BLOCK_HEADER.search(raw, head, offset - 1)
        return match.start() if match else None

    def _line_column(self, offset: int) -> tuple[int, int]:
        if self.starts is None:  # where each line starts, once a place is asked for (bytes.count is slower)
            self.starts = [0, *accumulate(len(line) + 1 for line in self.raw.split(b"\n"))]
        line = bisect.bisect_right(self.starts, offset)
        start = self.starts[line - 1]
        return line, len(self.raw[start:offset].decode("utf-8")) + 1
