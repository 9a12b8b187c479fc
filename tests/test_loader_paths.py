"""The loader's two event sources, libyaml (C) and PyYAML's pure-Python parser (the fallback where
libyaml is missing), build the same data, positions and errors from every shipped case and test
fixture, from inputs that break each limit, and from mutations of them (where both parsers
accept the text: they word, and on a few edge cases judge, YAML syntax differently)."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from styraudit.errors import InputError
from styraudit.load import yamldoc
from styraudit.load.limits import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(p for folder in ("cases", "tests", "criteria", "templates") for p in (ROOT / folder).rglob("*.yaml"))
SMALL = dataclasses.replace(DEFAULT_LIMITS, max_nodes=300, max_depth=6, max_string_chars=60, max_text_chars=2000, max_aliases=2)
HOSTILE = [
    "a: 1\na: 2\n",
    "- !!python/object:os.system x\n",
    "a: !!map {b: 1}\nc: !custom x\n",
    "a: &x [1, 2]\nb: *x\nc: *y\n",
    "? [a]\n: b\n",
    "---\na\n---\nb\n",
    "a: " + "[" * 10 + "]" * 10,
    'x: "\\x1b\\r"\n',
    "a: ~\nb: null\nc: ''\nd: !!null x\n~: 1\n",
    "- &a [1, {b: [2, {c: &z 3}]}, *z, *a, *a, *a]",
]


def _load(text: str, limits: Any, loader: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    monkeypatch.setattr(yamldoc, "_LOADER", loader)
    try:
        doc = yamldoc._python_parse(text, "f.yaml", limits)  # the event sources; load/fast.py has its own test
    except InputError as error:
        problem = error.problems[0]
        # the two parsers word (and place) their own syntax errors differently; ours must agree. A comma
        # slip in {...} is named from the parser's events, which the pure-Python parser may still send
        # before it stops at a syntax error the C parser lets pass ({a, n?ame: b}): a parser difference too.
        parser_level = "YAML" in problem.message or "has no value (no ': '" in problem.message
        if problem.code == "syntax" and parser_level:
            return ("syntax",)
        # A refused tag is named as the parser scanned it, and the two scanners end a tag differently
        # inside a flow collection ('!KS,' against '!KS'): the refusal, its place and hint must agree.
        if problem.code == "tag":
            return ("error", problem.code, problem.location, problem.hint)
        return ("error", str(problem))
    return repr(doc.data), doc.positions, doc.key_positions


def _texts() -> list[str]:
    texts = [p.read_bytes().decode("utf-8", "replace") for p in FILES] + HOSTILE
    rng = random.Random(15)
    for _ in range(400):
        text = rng.choice(texts)
        at = rng.randrange(len(text) or 1)
        texts.append(text[:at] + rng.choice(":-[]{}&*!?\n ,") + text[at:])
    return texts


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="libyaml is not installed")
def test_the_c_and_the_pure_python_paths_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = 0
    for text in _texts():
        for limits in (DEFAULT_LIMITS, SMALL):
            fast = _load(text, limits, yaml.CSafeLoader, monkeypatch)
            fallback = _load(text, limits, yaml.SafeLoader, monkeypatch)
            if ("syntax",) not in (fast, fallback):  # the parsers differ on some edge syntax, not our building
                assert fallback == fast, text[:200]
                checked += 1
    assert checked > len(FILES)
