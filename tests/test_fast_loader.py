"""The fast loader (rapidyaml, load/fast.py) must give what the Python path gives: the same data,
the same place for every recorded path and key, the same error. Held over the shipped cases, the
real cases, every YAML file under tests/, generated cases and hypothesis-made YAML."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styraudit.errors import InputError
from styraudit.load import fast
from styraudit.load.limits import DEFAULT_LIMITS, Limits
from styraudit.load.yamldoc import _python_parse, parse_text

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not fast.available(), reason="the rapidyaml wheel is not installed")


def _outcome(text: str, limits: Limits, *, python: bool) -> Any:
    try:
        return (_python_parse if python else parse_text)(text, "f.yaml", limits)
    except InputError as exc:
        return [(p.location, p.message, p.hint, p.code) for p in exc.problems]


def _same(text: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Both paths agree on `text`: error for error, else data and every place."""
    slow, quick = _outcome(text, limits, python=True), _outcome(text, limits, python=False)
    if isinstance(slow, list) or isinstance(quick, list):
        assert quick == slow
        return
    assert quick.data == slow.data
    for table, key in ((slow.positions, False), (slow.key_positions, True)):
        for path, place in table.items():
            found = quick._lazy_place(path, key) if quick._lazy is not None else None
            assert found in (None, place), (path, key)  # None: the tables are asked for instead
            assert quick.locate(path, key=key) == slow.locate(path, key=key), (path, key)
    for path in (("nowhere",), ("subjects", 99, "x"), ("subjects", 0, "missing", 3)):
        assert quick.locate(path) == slow.locate(path)
    assert quick.positions == slow.positions and quick.key_positions == slow.key_positions


def _files() -> list[Path]:
    found = sorted((ROOT / "cases").rglob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))
    return [p for p in found if "property" not in p.parts]


def _text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def test_shipped_and_fixture_files_load_alike() -> None:
    texts = [t for t in map(_text, _files()) if t is not None]
    assert len(texts) > 50
    for text in texts:
        _same(text)
    # the fast path must really read them, or the comparison above proves nothing
    assert sum(fast.parse(t, DEFAULT_LIMITS) is not None for t in texts) > len(texts) // 2


def test_generated_cases_load_alike(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "6", str(tmp_path)], check=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.rglob("*.yaml"))]
    assert texts and all(fast.parse(t, DEFAULT_LIMITS) is not None for t in texts)
    for text in texts:
        _same(text)


def test_limits_and_refusals_give_the_python_paths_message() -> None:
    small = Limits(max_depth=3, max_nodes=5, max_string_chars=4)
    for text in ("a: {b: {c: {d: 1}}}\n", "a: [1, 2, 3, 4, 5, 6]\n", "a: abcdef\n", "abcdef: 1\n", "a: 1\na: 2\n"):
        _same(text, small)
        _same(text)
    for text in ("{a: b, c}\n", "a: @x\n", "a: !!python/object x\n", "a: &x 1\nb: *x\n", "a: \x07\n", "---\na: 1\n---\nb: 2\n"):
        _same(text)


def test_what_rapidyaml_reads_on_where_libyaml_stops_takes_the_python_path() -> None:
    # libyaml refuses these; rapidyaml read the first as a list of two, a comment in a flow collection as text and a
    # flow scalar starting with `:` as plain
    for text in (
        '- "x"  - "x"\n',
        'a: "b" c\n',
        "a: 'b' 'c'\n",
        'a: {"x" y}\n',
        'a: "x\n  y" z\n',
        "- {a: b # c, d: e}\n- {f: g}\n",
        "a: [b, :c]\n",
        'a: b\nc:\n  - d\n  - "e" f\n',
        "a: {:k: v}\n",
    ):
        assert fast.parse(text, DEFAULT_LIMITS) is None, text
        _same(text)
    for text in ('a: "b"  # c\n', 'a: ["x", "y"]\n', '"k": v\n', "a: |\n  {{ 'x' if y }}\n"):
        assert fast.parse(text, DEFAULT_LIMITS) is not None, text
        _same(text)


def test_the_python_path_is_taken_when_asked() -> None:
    env = {**os.environ, "STYRAUDIT_LOADER": "python"}
    probe = "from styraudit.load import fast; print(fast.available())"
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_syntax_error_prints_only_the_tools_message(tmp_path: Path) -> None:
    """rapidyaml writes its own errors to the C stderr, and SWIG a warning to stdout: neither may show."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [1, 2\nb: c\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "styraudit", "validate", str(bad)], capture_output=True, text=True)
    assert out.returncode == 2
    assert "did not find expected ',' or ']'" in out.stdout + out.stderr
    assert "ERROR" not in out.stdout + out.stderr and "swig" not in out.stdout + out.stderr


_WORDS = st.sampled_from(["a", "b", "no", "010", "~", "null", "''", '"x"', "'y z'", "1.5", "-", "å ö", "@x", "`x", "x # c", ""])
_PIECES = st.sampled_from(
    [
        ": ",
        ":",
        "\n",
        "\n  ",
        "\n- ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "|\n  ",
        ">-\n  ",
        "? ",
        "&a ",
        "*a",
        "!t ",
        "#",
        "  ",
        "---\n",
    ]
)


@st.composite
def _yaml_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(_WORDS, _PIECES), min_size=1, max_size=25))
    return "".join(parts) + "\n"


_SCALARS = st.sampled_from(
    [
        "a",
        "b c",
        "no",
        "010",
        "~",
        "null",
        "Null",
        "''",
        "'it''s'",
        '"x y"',
        "-1",
        "-x",
        ":x",
        "?x",
        "a:b",
        "a #b",
        "1.5",
        "å ö",
        "x\n{i}  y",
        "|\n{i}  one\n{i}  two",
        ">-\n{i}  one\n\n{i}  two",
        "|+\n{i}  kept\n",
        "",
        "# c",
    ]
)


@st.composite
def _node(draw: st.DrawFn, indent: str = "", depth: int = 0) -> str:
    """A YAML value as it stands after `key: ` or `- ` (a scalar, a flow collection, or a block one on new lines)."""
    kind = draw(st.sampled_from(["scalar", "scalar", "map", "seq", "flow"] if depth < 3 else ["scalar"]))
    if kind == "scalar":
        return draw(_SCALARS).format(i=indent)
    if kind == "flow":
        items = draw(st.lists(st.sampled_from(["a", "'b'", "c d", "010", "{}", "[]", "x: y", "{k: v}"]), max_size=3))
        return draw(st.sampled_from(["[{}]", "{{{}}}"])).format(", ".join(items))
    inner = indent + draw(st.sampled_from(["  ", "    "]))
    lines = []
    for index in range(draw(st.integers(1, 3))):
        value = draw(_node(inner, depth + 1))
        head = f"k{index}:" if kind == "map" else "-"
        lines.append(f"{inner}{head} {value}" if value else f"{inner}{head}")
    return "\n" + "\n".join(lines)


@st.composite
def _documents(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(["id", "title", "'q k'", "k", "å"]), min_size=1, max_size=4, unique=True))
    return "".join(f"{key}: {draw(_node())}\n".replace(": \n", ":\n") for key in keys)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_yaml_texts(), _documents()))
def test_made_up_yaml_loads_alike(text: str) -> None:
    _same(text)


@st.composite
def _mutated_case(draw: st.DrawFn) -> str:
    text = (ROOT / "cases" / "verksamhetsstyrningsmodell-2021-2023.yaml").read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.one_of(_WORDS, _PIECES)) + text[at + draw(st.integers(0, 3)) :]
    return text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_case())
def test_edited_cases_load_alike(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \"'{}[],:-#\n", max_size=40))
def test_the_quote_gate_reads_the_quoted_lines_as_it_read_the_whole_text(text: str) -> None:
    """The gate searches only the lines holding a quote (load/fast.py): none of its matches crosses a line."""
    assert (fast._AFTER_QUOTE.search(fast._quoted_lines(text)) is None) == (fast._AFTER_QUOTE.search(text) is None)
