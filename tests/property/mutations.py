"""Breaking valid case files: mutations of the data before it is written, and of the bytes after.

Every mutation returns the new input plus a short label (for the failure report). Some leave the
file valid (a BOM, CRLF line ends, an alias for a repeated list); the properties do not assume
either verdict, only that the tool answers with exit 0/1/2 and a placed message, never a
traceback. `expect_invalid` says when a mutation must be refused, so the tests can fail if a
broken file were ever accepted.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from case_strategies import dump, yaml_styles
from hypothesis import strategies as st

from styraudit.load.refs import DEFINITIONS

Path = tuple[str | int, ...]

IMPOSSIBLE_DATES = ["2023-02-30", "2023-13-01", "2023-00-10", "2021-02-29", "2023-04-31", "2023-01-32", "0000-01-01"]
NOT_DATES = ["2023/01/01", "i mars 2023", "23-01-01", "2023-1-1", "99999", "", "2023-01-01T10:00", "1e3"]
WRONG_VALUES: list[Any] = [42, "text", [], {}, [1, [2]], {"a": {"b": 1}}, None, True, "yes", 3.5]
HUGE_NUMBERS = ["9" * 5_000, "1e999", "-" + "9" * 400, "0x" + "f" * 300, ".inf", ".nan", "1_000_000", "0o777"]
TAGS = [
    "!!python/object/apply:os.system ['true']",
    "!!python/object:__main__.Evil {}",
    "!!python/name:os.system",
    "!!python/object/new:type ['x', [], {}]",
    "!!binary aGVsbG8=",
    "!!set {a: null}",
    "!!omap [{a: 1}]",
    "!custom value",
    "!<tag:example.com,2026:x> value",
]
DATE_KEYS = frozenset({"date", "start", "end", "as_of", "expires", "reference_date"})
REFERENCE_KEYS = frozenset(
    {"by", "to", "owner", "lead", "body", "head", "administration", "role", "group", "author", "decision", "given_by"}
)


class Mutant:
    """A generated input: its bytes, how it was made, and whether (and why) it must be refused.

    A plain class, not a dataclass, so that Hypothesis prints the short repr below in a failure
    report instead of every field (the bytes can be megabytes).
    """

    __slots__ = ("data", "expect_invalid", "expect_message", "label")

    def __init__(self, data: bytes, label: str, expect_invalid: bool = False, expect_message: str = "") -> None:
        self.data, self.label = data, label
        self.expect_invalid, self.expect_message = expect_invalid or bool(expect_message), expect_message

    def __repr__(self) -> str:
        # Short: a batch of a hundred mutants must stay under Hypothesis's 30 kB repr warning.
        glimpse = self.data[:60] + (b"..." if len(self.data) > 60 else b"")
        return f"Mutant({self.label!r}, {len(self.data)} bytes, {glimpse!r})"


def paths(value: Any, prefix: Path = ()) -> list[Path]:
    """Every path to a value inside nested dicts and lists, parents before children."""
    found: list[Path] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        found.append((*prefix, key))
        found.extend(paths(child, (*prefix, key)))
    return found


def _parent(data: Any, path: Path) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def _misspell(draw: st.DrawFn, key: str) -> str:
    index = draw(st.integers(0, max(len(key) - 1, 0)))
    how = draw(st.sampled_from(["drop", "double", "swap", "case", "dash"]))
    if how == "drop" and len(key) > 1:
        return key[:index] + key[index + 1 :]
    if how == "swap" and len(key) > 1:
        index = min(index, len(key) - 2)
        return key[:index] + key[index + 1] + key[index] + key[index + 2 :]
    if how == "case":
        return key.upper() if key != key.upper() else key.lower() + "x"
    if how == "dash":
        return key.replace("_", "-") if "_" in key else key + "-"
    return key[: index + 1] + key[index:]


@st.composite
def data_mutants(draw: st.DrawFn, case: dict[str, Any]) -> Mutant:
    """One structural mutation of a case dict, serialised in a drawn YAML style."""
    data = copy.deepcopy(case)
    where = paths(data)
    kind = draw(
        st.sampled_from(
            [
                "delete",
                "misspell",
                "wrong-type",
                "bad-date",
                "swap-dates",
                "unknown-id",
                "duplicate-id",
                "extra-key",
                "huge-number",
            ]
        )
    )
    label, invalid = kind, False
    if kind == "bad-date" and (dates := [p for p in where if p[-1] in DATE_KEYS and isinstance(_parent(data, p)[p[-1]], str)]):
        path = draw(st.sampled_from(dates))
        bad = draw(st.sampled_from(IMPOSSIBLE_DATES + NOT_DATES))
        _parent(data, path)[path[-1]], label, invalid = bad, f"date {path} = {bad!r}", True
    elif kind == "swap-dates" and (
        spans := [p for p in where if isinstance(_get(data, p), dict) and {"start", "end"} <= set(_get(data, p))]
    ):
        span = _get(data, draw(st.sampled_from(spans)))
        # Two full dates in order become out of order; coarser dates may overlap and stay valid.
        invalid = len(span["start"]) == len(span["end"]) == 10 and span["start"] < span["end"]
        span["start"], span["end"], label = span["end"], span["start"], "swapped start and end"
    elif kind == "unknown-id" and (refs := [p for p in where if p[-1] in REFERENCE_KEYS and isinstance(_get(data, p), str)]):
        path = draw(st.sampled_from(refs))
        _parent(data, path)[path[-1]], label, invalid = (
            "okänt-id-" + draw(st.text("xyz", max_size=3)),
            f"unknown id at {path}",
            True,
        )
    elif kind == "duplicate-id" and len(ids := [p for p in where if p[-1] == "id" and _unique_id(p)]) > 1:
        first, second = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        _parent(data, second)["id"], label, invalid = _get(data, first), f"duplicate id {first} {second}", True
    elif kind == "extra-key" and (maps := [p for p in [(), *where] if isinstance(_get(data, p), dict)]):
        target = draw(st.sampled_from(maps))
        _get(data, target)["okänd_nyckel"], label, invalid = 1, f"extra key in {target}", "definitions" not in target
    elif kind == "huge-number" and where:
        path = draw(st.sampled_from(where))
        _parent(data, path)[path[-1]], label = draw(st.sampled_from(HUGE_NUMBERS)), f"huge number at {path}"
    elif where:
        path = draw(st.sampled_from(where))
        parent = _parent(data, path)
        if kind == "delete":
            del parent[path[-1]]
            label = f"deleted {path}"
        elif kind == "misspell" and isinstance(path[-1], str):
            new = _misspell(draw, path[-1])
            if new not in parent:
                parent[new] = parent.pop(path[-1])
                # keys under `definitions` are the author's own words, any spelling is valid
                label, invalid = f"misspelt {path} as {new!r}", new != path[-1] and "definitions" not in path
        else:
            parent[path[-1]] = draw(st.sampled_from(WRONG_VALUES))
            label = f"wrong type at {path}"
    return Mutant(dump(data, draw(yaml_styles())).encode("utf-8"), label, invalid)


def _unique_id(path: Path) -> bool:
    """Ids that must be unique across the file (directive decision points and milestones are only named)."""
    return (
        (len(path) == 3 and path[0] in DEFINITIONS)
        or path[:2] in (("evidence", "documents"), ("evidence", "interviews"), ("audit", "questions"))
        or path == ("directive", "id")
    )


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


_VALUE_LINE = re.compile(rb"^( *(?:- )?[A-Za-z_]+:) +[^\s&*!|>'\"\[{#][^\n]*$", re.MULTILINE)
_INDENTED = re.compile(rb"^( +)\S", re.MULTILINE)
BAD_UTF8 = [b"\xff", b"\xfe", b"\xc3", b"\xc3(", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xe2\x82"]
CONTROL = [b"\x00", b"\x01", b"\x07", b"\x1b[31m", b"\x7f", b"\xc2\x85", b"\xef\xbf\xbe"]


@st.composite
def byte_mutants(draw: st.DrawFn, text: bytes) -> Mutant:
    """One mutation of a file's bytes: truncation, bad bytes, BOMs, tabs, NULs, nesting, tags, aliases."""
    kind = draw(
        st.sampled_from(
            ["truncate", "bad-utf8", "control", "utf8-bom", "utf16", "tab", "crlf", "deep", "tag", "flip", "bomb", "huge-string"]
        )
    )
    at = draw(st.integers(0, len(text)))
    if kind == "truncate":
        return Mutant(text[:at], f"truncated at byte {at}")
    if kind == "bad-utf8":
        bad = draw(st.sampled_from(BAD_UTF8))
        return Mutant(text[:at] + bad + text[at:], f"bytes {bad!r} at {at}", True, "is not valid UTF-8")
    if kind == "control":
        bad = draw(st.sampled_from(CONTROL))
        return Mutant(text[:at] + bad + text[at:], f"control {bad!r} at {at}")
    if kind == "utf8-bom":
        return Mutant(b"\xef\xbb\xbf" + text, "UTF-8 BOM")
    if kind == "utf16":
        codec = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"]))
        bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
        return Mutant(bom + text.decode("utf-8").encode(codec), f"{codec} with BOM", True, "the file is UTF-16")
    if kind == "crlf":
        return Mutant(text.replace(b"\n", b"\r\n"), "CRLF line ends")
    lines = list(_INDENTED.finditer(text))
    if kind == "tab" and lines:
        match = draw(st.sampled_from(lines))
        # Tabs are fine inside flow collections and folded scalars, so no verdict is expected here;
        # test_hostile.py checks tab-indented block keys, which must be refused.
        return Mutant(text[: match.start()] + b"\t" + text[match.end(1) :], f"tab indent at byte {match.start()}")
    values = list(_VALUE_LINE.finditer(text))
    if kind in ("deep", "tag", "bomb", "huge-string") and values:
        match = draw(st.sampled_from(values))
        payload, label, message = _payload(draw, kind)
        if _continued(text, match):  # the old value goes on below: what breaks first is the syntax, not the payload
            message = ""
        invalid = kind != "huge-string" or bool(message)  # a long text is fine where text is expected
        return Mutant(text[: match.start()] + match[1] + b" " + payload + text[match.end() :], label, invalid, message)
    flipped = bytearray(text or b"x")
    index = draw(st.integers(0, len(flipped) - 1))
    flipped[index] ^= 1 << draw(st.integers(0, 7))
    return Mutant(bytes(flipped), f"bit flip at byte {index}")


_NEW_ITEM = re.compile(rb" *(?:- |[A-Za-z_]+:|#|$)")


def _continued(text: bytes, match: re.Match[bytes]) -> bool:
    """The value on the matched line continues on the next (a plain scalar over several lines)."""
    below = text[match.end() + 1 :].split(b"\n", 1)[0]
    indent = len(match[1]) - len(match[1].lstrip(b" "))
    return bool(below.strip()) and len(below) - len(below.lstrip(b" ")) > indent and not _NEW_ITEM.match(below)


def _payload(draw: st.DrawFn, kind: str) -> tuple[bytes, str, str]:
    """A value that replaces a scalar, its label, and the message fragment when the refusal's cause is certain."""
    if kind == "deep":
        depth = draw(st.sampled_from([10, 63, 65, 100, 1_000, 20_000]))
        opener, closer = draw(st.sampled_from([(b"[", b"]"), (b"{a: ", b"}"), (b"[{a: ", b"}]")]))
        closed = draw(st.booleans())
        message = "nests deeper than" if depth > 64 else ""
        return opener * depth + b"x" + closer * depth * closed, f"nesting {opener!r} x {depth}", message
    if kind == "tag":
        tag = draw(st.sampled_from(TAGS))
        return tag.encode(), f"tag {tag}", "is not allowed"
    if kind == "huge-string":
        size = draw(st.sampled_from([99_999, 100_001, 1_000_000]))
        return b"x" * size, f"string of {size}", "exceeds the limit" if size > 100_000 else ""
    levels = draw(st.integers(3, 9))
    return bomb(levels), f"alias bomb of {levels} levels", "expands to more than" if levels >= 6 else ""


def bomb(levels: int, width: int = 9) -> bytes:
    """A 'billion laughs' flow value: level 0 lists `width` words, level n lists `width` aliases of level n-1."""
    value = b"&a0 [" + b", ".join([b"lol"] * width) + b"]"
    for level in range(1, levels):
        value = b"&a%d [" % level + value + b", " + b", ".join([b"*a%d" % (level - 1)] * (width - 1)) + b"]"
    return value
