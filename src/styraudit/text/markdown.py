"""Escaping case text for Markdown.

Jinja2's autoescape knows HTML, not Markdown. Case text is data, so every character that
Markdown (CommonMark and GitHub's tables) would read as syntax is backslash-escaped, and raw
HTML is neutralised: `<script>` shows as text, never as a tag.
"""

from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start
# emphasis, code, links, images, HTML, headings, tables, strike-through, entities or escapes.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
# At the start of a line: list markers, numbered lists ("2023. "), block quotes, thematic breaks.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))", re.MULTILINE)


def md_escape(value: object) -> str:
    """Text safe to put in a Markdown paragraph, list item or table cell; whitespace folded to single spaces."""
    text = " ".join(str(value).split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    # "2023. Text" would become a numbered list: escape the dot after the number instead.
    return f"{indent}{marker}\\" if marker[0].isdigit() else f"{indent}\\{marker}"
