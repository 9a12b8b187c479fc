"""Hostile YAML aimed at the loader's limits, which must hold exactly and answer quickly.

Depth, nodes (aliases expanded), text (aliases expanded), string length and file size: an input
just inside a limit loads, one just past it is refused with a placed message naming the limit
and how to raise it. Tab-indented block keys, object-constructing tags and huge numbers are
refused with a place; `--limit` with any text is a usage error or a working limit.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from typing import Any

from case_strategies import dump, valid_cases
from harness import assert_placed, count, error_files, examples, in_process
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from mutations import TAGS, bomb

from styraudit.errors import InputError
from styraudit.load.case import validate_document
from styraudit.load.limits import DEFAULT_LIMITS, Limits
from styraudit.load.yamldoc import load_bytes

SECONDS = 2.0  # far above what any of these inputs costs today; a hang or blow-up exceeds it


def _load(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Any]:
    """Problems from loading and validating `data` under `limits`, within the time bound."""
    start = time.perf_counter()
    try:
        validate_document(load_bytes(data, "hostile.yaml", limits))
        problems: list[Any] = []
    except InputError as error:
        problems = list(error.problems)
    assert time.perf_counter() - start < SECONDS, f"{len(data)} bytes took {time.perf_counter() - start:.1f} s"
    assert_placed(problems, "hostile.yaml")
    count(1, "library")
    return problems


def _limit_refusal(problems: list[Any], name: str) -> bool:
    return any(p.code == "limit" and f"--limit {name}=N" in p.hint for p in problems)


@settings(max_examples=examples(150))
@given(depth=st.integers(1, 150), limit=st.integers(1, 100), opener=st.sampled_from(["[", "{k: "]))
def test_depth_limit_is_exact(depth: int, limit: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    data = f"a: {opener * depth}x{closer * depth}\n".encode()
    problems = _load(data, replace(DEFAULT_LIMITS, max_depth=limit))
    # The root mapping is level 1, so `depth` brackets nest depth + 1 levels.
    assert _limit_refusal(problems, "max_depth") == (depth + 1 > limit), problems


@settings(max_examples=examples(150))
@given(levels=st.integers(1, 8), width=st.integers(1, 12), limit=st.integers(10, 300_000))
def test_node_limit_counts_aliases_as_expanded(levels: int, width: int, limit: int) -> None:
    expanded = 1 + width  # level 0: the list and its words
    for _ in range(1, levels):
        expanded = 1 + width * expanded
    total = 1 + expanded  # the root mapping; its key is not a node
    problems = _load(b"a: " + bomb(levels, width) + b"\n", replace(DEFAULT_LIMITS, max_nodes=limit))
    assert _limit_refusal(problems, "max_nodes") == (total > limit), (total, problems)


@settings(max_examples=examples(100))
@given(size=st.integers(1, 5_000), copies=st.integers(1, 400), limit=st.integers(1_000, 1_000_000))
def test_text_limit_counts_aliases_as_expanded(size: int, copies: int, limit: int) -> None:
    data = b'a: &t "' + b"x" * size + b'"\nb: [' + b", ".join([b"*t"] * copies) + b"]\n"
    problems = _load(data, replace(DEFAULT_LIMITS, max_text_chars=limit, max_aliases=1_000))
    total = 2 + size * (1 + copies)  # the keys a and b, the text, its copies
    assert _limit_refusal(problems, "max_text_chars") == (total > limit), (total, problems)


@settings(max_examples=examples(100))
@given(size=st.integers(0, 3_000), limit=st.integers(len("title"), 3_000))  # keys are text too
def test_string_and_file_limits_are_exact(size: int, limit: int) -> None:
    data = b"title: " + b"y" * size + b"\n"
    problems = _load(data, replace(DEFAULT_LIMITS, max_string_chars=limit))
    assert _limit_refusal(problems, "max_string_chars") == (size > limit)
    problems = _load(data, replace(DEFAULT_LIMITS, max_file_bytes=limit))
    assert _limit_refusal(problems, "max_file_bytes") == (len(data) > limit)
    if len(data) > limit:  # a whole-file problem: the file, no line
        assert problems[0].location.line == 0 and str(problems[0].location) == "hostile.yaml"


BLOCK_LINE = re.compile(rb"^( +)(?:- )?[a-z_]+:", re.MULTILINE)


@settings(max_examples=examples(100))
@given(case=valid_cases(), data=st.data())
def test_tab_indented_block_keys_are_refused(case: dict[str, Any], data: st.DataObject) -> None:
    text = dump(case, {"default_flow_style": False, "width": 100_000}).encode()
    lines = list(BLOCK_LINE.finditer(text))
    assume(lines)
    line = data.draw(st.sampled_from(lines))
    problems = _load(text[: line.start()] + b"\t" + text[line.end(1) :])
    assert problems and any("tab" in p.hint for p in problems), problems


@settings(max_examples=examples(100))
@given(case=valid_cases(), data=st.data())
def test_tags_are_refused_wherever_they_stand(case: dict[str, Any], data: st.DataObject) -> None:
    text = dump(case, {"default_flow_style": False, "width": 100_000}).encode()
    values = list(re.finditer(rb": (?=[^\s\[{&*!|>'\"])", text))
    assume(values)
    at = data.draw(st.sampled_from(values)).end()
    tag = data.draw(st.sampled_from(TAGS)).split(" ")[0]
    problems = _load(text[:at] + tag.encode() + b" " + text[at:])
    assert any("is not allowed" in p.message for p in problems), problems


@settings(max_examples=examples(100))
@given(
    case=valid_cases(),
    field=st.sampled_from(["schema_version", "goal-year", "date"]),
    number=st.one_of(
        st.integers(), st.text("0123456789", min_size=30, max_size=20_000), st.sampled_from(["1e999", "-0", ".inf"])
    ),
)
def test_huge_numbers_are_refused_or_accepted_never_crash(case: dict[str, Any], field: str, number: Any) -> None:
    if field == "schema_version":
        case["schema_version"] = number
    elif field == "goal-year" and case.get("goals"):
        case["goals"][0]["year"] = number
    elif case.get("decisions"):
        case["decisions"][0]["date"] = number
    problems = _load(dump(case).encode())
    if field == "schema_version" and str(number) != "1":
        assert problems, number


LIMIT_PAIRS = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
    st.builds("{}={}".format, st.sampled_from(sorted(vars(DEFAULT_LIMITS))), st.integers(-5, 10**6)),
)


@settings(max_examples=examples(60))
@given(pairs=st.lists(LIMIT_PAIRS, min_size=1, max_size=3))
def test_any_limit_option_is_a_usage_error_or_a_limit(pairs: list[str]) -> None:
    args = ["validate", "cases/fokusomraden-2024-2027.yaml"]
    for pair in pairs:
        args += ["--limit", pair]
    run = in_process(args)
    count(1, "in-process")
    usage = re.search(
        r"^--limit: error: (unknown limit|limit \w+ needs a positive whole number|limit \S+ is more than styraudit can honour)",
        run.stderr,
        re.MULTILINE,
    )
    if run.code == 2 and not usage:  # a working but small limit: the case file is refused, with a place
        assert set(error_files(run.stderr)) == {"cases/fokusomraden-2024-2027.yaml"}, run.stderr
        assert "--limit max_" in run.stderr
