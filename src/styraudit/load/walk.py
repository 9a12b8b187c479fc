"""Walking folders and matching globs without ever looping: a symlinked folder is entered once.

The stdlib's `glob('**', recursive=True)` follows a link to a parent for ever; here every folder
is identified by (device, inode) and never entered twice. Glob patterns are matched one path
segment at a time, as a shell does: `*`, `?` and `[...]` stay inside one segment, `**` spans any
number of folders (none included), and a name starting with "." is matched only by a pattern
segment that starts with "." too.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from collections.abc import Iterator
from pathlib import Path

MAGIC = frozenset("*?[")


def has_magic(text: str) -> bool:
    return any(c in MAGIC for c in text)


def walk_files(root: Path, hidden: bool = False) -> Iterator[Path]:
    """Every non-folder entry below `root`, sorted per folder; hidden names skipped unless `hidden`."""
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue  # a symlink back to a folder already walked
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith(".") and not hidden:
                continue
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks; the (device, inode) set stops loops
            except OSError:
                is_dir = False
            if is_dir:
                folders.append(path)
            else:
                yield path
        stack.extend(reversed(folders))


def split_pattern(pattern: str) -> tuple[Path, tuple[str, ...]]:
    """The fixed folder a glob starts from, and the segments to match below it."""
    parts = Path(pattern).parts
    fixed = 0
    while fixed < len(parts) - 1 and not has_magic(parts[fixed]):
        fixed += 1
    return Path(*parts[:fixed]) if fixed else Path("."), tuple(parts[fixed:])


def glob_files(pattern: str) -> Iterator[Path]:
    """Files matching a glob pattern, walking from its fixed folder without loops."""
    base, segments = split_pattern(pattern)
    hidden = any(s.startswith(".") for s in segments)
    for path in walk_files(base, hidden=hidden):
        relative = path.relative_to(base).parts
        if match_segments(segments, relative):
            yield path if base != Path(".") else Path(*relative)


def match_segments(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """True if the path segments `parts` match the pattern segments (with `**`)."""
    return _match(pattern, tuple(parts))


def _match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_match(rest, parts[i:]) for i in range(len(parts) + 1) if not _hidden(parts[:i]))
    if not parts or not _segment(head, parts[0]):
        return False
    return _match(rest, parts[1:])


def _segment(pattern: str, name: str) -> bool:
    if name.startswith(".") and not pattern.startswith("."):
        return False
    return fnmatch.fnmatchcase(name, pattern)


def _hidden(parts: tuple[str, ...]) -> bool:
    return any(p.startswith(".") for p in parts)


def matches_anywhere(pattern: str, path: Path) -> bool:
    """Gitignore-like: the pattern matches the file or any folder above it, at any depth.

    `drafts` skips every file under a folder named drafts, `cases/drafts` under that folder path,
    `*.tmp.yaml` such files anywhere, `.github/**` everything below a .github folder."""
    segments = _segments(pattern)
    if not segments:
        return False
    parts = path.parts
    if "**" not in segments:  # one part for each segment: only runs of that length can match
        width = len(segments)
        return any(_match_literal_dots(segments, parts[start : start + width]) for start in range(len(parts) - width + 1))
    for end in range(len(parts), 0, -1):
        for start in range(end):
            if _match_literal_dots(segments, parts[start:end]):
                return True
    return False


@functools.lru_cache(maxsize=256)
def _segments(pattern: str) -> tuple[str, ...]:
    """A pattern's segments, made once: every file is held against each of some twenty patterns."""
    return tuple(s for s in Path(pattern).parts if s not in ("/", "."))


def _match_literal_dots(segments: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    # An exclude pattern means what it says: `**` may cross hidden folders here.
    if not segments:
        return not parts
    head, rest = segments[0], segments[1:]
    if head == "**":
        return any(_match_literal_dots(rest, parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _match_literal_dots(rest, parts[1:])
