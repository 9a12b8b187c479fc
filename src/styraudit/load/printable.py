"""Control characters and unencodable text, handled once for every output (in load/, since the YAML loader pictures them as it reads).

A case text can carry NUL, ESC or a vertical tab through YAML escapes ("\\x1b"), a template can
write them, and a file name can hold bytes that are not UTF-8 (Python keeps them as lone
surrogates). Raw, they corrupt a terminal, make XML (Word, JUnit) invalid and crash UTF-8
output. So:

- `printable` shows a control character as its Unicode picture (␀, ␛, ␋) and replaces lone
  surrogates and the non-characters U+FFFE/U+FFFF by U+FFFD; tab and newline stay;
- `scrub` applies it to every text inside a result or report (plain dataclasses, tuples, dicts);
- `shown_name` writes a file name's undecodable bytes and control characters as \\xNN;
- `OUTPUT_ERRORS` is an encoding error handler for every stream and file the tool writes: a lone
  surrogate becomes U+FFFD (or ?), a character the encoding lacks (PYTHONIOENCODING=latin-1)
  becomes a \\uXXXX escape, which is also valid inside JSON strings.
"""

from __future__ import annotations

import codecs
import dataclasses
import io
import re
import sys
from typing import Any

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NAME_BAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
OUTPUT_ERRORS = "styraudit-output"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def printable(text: str) -> str:
    """`text` with control characters as visible pictures and unwritable characters as U+FFFD."""
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def has_control(text: str) -> bool:
    """Whether `printable` would change anything in `text`."""
    return _CONTROL.search(text) is not None


def _escape_byte(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown_name(name: str) -> str:
    """A file name as messages and outputs show it: bad bytes and control characters as \\xNN."""
    return _NAME_BAD.sub(_escape_byte, name) if _NAME_BAD.search(name) else name


_FIELDS: dict[type, tuple[str, ...]] = {}


def scrub(value: Any) -> Any:
    """`value` with `printable` applied to every text in it; unchanged parts are kept as they are."""
    kind = type(value)
    if kind is str:
        return printable(value)
    if kind is tuple or kind is list:
        items = [scrub(item) for item in value]
        return kind(items) if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if kind is dict:
        pairs = [(scrub(k), scrub(v)) for k, v in value.items()]
        changed = any(a is not k or b is not v for (a, b), (k, v) in zip(pairs, value.items(), strict=True))
        return dict(pairs) if changed else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS.get(kind)
        if names is None:
            names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value) if f.init)
        changes = {name: new for name in names if (new := scrub(old := getattr(value, name))) is not old}
        return dataclasses.replace(value, **changes) if changes else value
    return value


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # as a UTF-16 surrogate pair, as JSON writes it
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _replacement(encoding: str) -> str:
    try:
        "\ufffd".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "?"
    return "\ufffd"


def _handle(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    parts = [_replacement(error.encoding) if "\ud800" <= c <= "\udfff" else _escape(c) for c in bad]
    return "".join(parts), error.end


codecs.register_error(OUTPUT_ERRORS, _handle)


def protect_standard_streams() -> None:
    """Make stdout and stderr write anything: no UnicodeEncodeError whatever their encoding."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=OUTPUT_ERRORS)
