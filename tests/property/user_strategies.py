"""Generated user files other than cases: Jinja templates (with the filters, string methods,
operators and loops that once built gigabytes), labels.yaml with every kind of format string,
configuration files and baselines, each valid or broken."""

from __future__ import annotations

import json
from typing import Any

import yaml
from case_strategies import ROOT
from hypothesis import strategies as st
from mutations import HUGE_NUMBERS, WRONG_VALUES

HUGE = ["10**9", "10**11", "2**40", "99999", "-5", "0", "1", "3"]
TEXTS = ["'a'", "'a'*100000", "'%1000000000s'", "'{:>1000000000}'", "'\\ud800'", "'\\x1b[31m\\x00'", "'å ä ö'", "'{0}'"]
FILTERS = [
    "center({n})",
    "format({v})",
    "indent({n}, first=True)",
    "replace('a', {v})",
    "join({v})",
    "wordwrap({n}, wrapstring={v})",
    "truncate({n})",
    "batch({n}, 'x')|list",
    "slice({n})|list",
    "sum(start=[])",
    "list",
    "string",
    "tojson(indent={n})",
    "map('center', {n})|list",
    "upper",
    "length",
    "default({v})",
    "e",
    "unique|list",
    "urlize",
]
METHODS = [
    "center({n})",
    "ljust({n})",
    "zfill({n})",
    "replace('a', {v})",
    "join({v})",
    "format({v})",
    "expandtabs({n})",
    "split()",
]


@st.composite
def expressions(draw: st.DrawFn, depth: int = 3) -> str:
    """A Jinja expression: values, filters, methods, operators and literals, nested."""
    numbers, texts = st.sampled_from(HUGE), st.sampled_from(TEXTS)
    leaves = st.one_of(numbers, texts, st.sampled_from(["range(99999)", "[1, 2]", "ns.s", "undefined_name", "{'a': 'b'}"]))
    if depth <= 0 or draw(st.integers(0, 3)) == 0:
        return draw(leaves)
    inner = draw(expressions(depth - 1))
    other = draw(expressions(depth - 1))
    kind = draw(st.sampled_from(["filter", "method", "binop", "tilde", "list", "percent"]))
    fill = {"n": draw(numbers), "v": other}
    if kind == "filter":
        return f"({inner})|" + draw(st.sampled_from(FILTERS)).format(**fill)
    if kind == "method":
        return f"({inner})." + draw(st.sampled_from(METHODS)).format(**fill)
    if kind == "binop":
        return f"({inner}) {draw(st.sampled_from(['*', '+', '**', '%', '//']))} ({other})"
    if kind == "tilde":
        return f"({inner}) ~ ({other})"
    if kind == "percent":
        return f"{draw(texts)} % ({other},)"
    return f"[{inner}, {other}]"


@st.composite
def templates(draw: st.DrawFn) -> str:
    """A template of statements around generated expressions; sometimes cut short or recursive."""
    parts = ["{% set ns = namespace(s='a') %}"]
    for _ in range(draw(st.integers(1, 4))):
        expression = draw(expressions())
        kind = draw(st.sampled_from(["output", "loop", "grow", "macro", "set", "text"]))
        if kind == "output":
            parts.append("{{ " + expression + " }}")
        elif kind == "loop":
            parts.append("{% for i in range(" + draw(st.sampled_from(HUGE)) + ") %}{{ " + expression + " }}{% endfor %}")
        elif kind == "grow":
            grow = draw(st.sampled_from(["ns.s ~ ns.s", "[ns.s, ns.s]", "ns.s * 2", "ns.s + ns.s"]))
            parts.append("{% for i in range(64) %}{% set ns.s = " + grow + " %}{% endfor %}{{ ns.s|length }}")
        elif kind == "macro":
            parts.append("{% macro f(n) %}{{ f(n + 1) }}" + expression + "{% endmacro %}{{ f(0) }}")
        elif kind == "set":
            parts.append("{% set x %}{{ " + expression + " }}{% endset %}{{ x }}")
        else:
            parts.append(draw(st.text(max_size=40)))
    text = "".join(parts)
    if draw(st.integers(0, 5)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


SHIPPED_LABELS: dict[str, Any] = yaml.safe_load((ROOT / "templates" / "report" / "labels.yaml").read_text(encoding="utf-8"))
_LABEL_PATHS = [
    (g, k) for g, group in SHIPPED_LABELS.items() if isinstance(group, dict) for k, v in group.items() if isinstance(v, str)
]
GOOD_PIECES = ["{role}", "{bodies}", "{{", "}}", "\x1b", "Intervju", "med", "å"]
BAD_PIECES = ["{name}", "{0}", "{", "}", "{role.__class__}", "{role:>1000000000}", "{x!r}"]


@st.composite
def labels_files(draw: st.DrawFn) -> str:
    """A labels.yaml: some shipped labels rewritten with format pieces, or a group replaced by a text."""
    chosen = draw(st.lists(st.sampled_from(_LABEL_PATHS), min_size=1, max_size=5, unique=True))
    data: dict[str, Any] = {}
    for group, key in chosen:
        good = st.sampled_from(GOOD_PIECES)  # half the labels hold only pieces a label may hold
        pieces = draw(
            st.lists(good if draw(st.booleans()) else st.one_of(good, st.sampled_from(BAD_PIECES)), min_size=1, max_size=4)
        )
        data.setdefault(group, {})[key] = " ".join(pieces)
    if draw(st.integers(0, 9)) == 0:
        data[draw(st.sampled_from(sorted(SHIPPED_LABELS)))] = draw(st.sampled_from(["str", "", "[1]"]))
    return yaml.safe_dump(data, allow_unicode=True)


SETTINGS = ["criteria", "default-criteria", "fail-on", "exclude", "severity", "params", "waivers", "limits", "jobs", "unknown"]
LIMIT_NAMES = [
    "max_file_bytes",
    "max_depth",
    "max_nodes",
    "max_string_chars",
    "max_aliases",
    "max_text_chars",
    "max_baseline_bytes",
    "max_x",
]
CONFIG_VALUES: list[Any] = [*WRONG_VALUES, *HUGE_NUMBERS, "high", "²", 10**30, -1, 0, ["rules"], {"kl-6-6": "high"}]


@st.composite
def config_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes) of a styraudit.yaml or pyproject.toml, valid or broken."""
    data: dict[str, Any] = {}
    for key in draw(st.lists(st.sampled_from(SETTINGS), max_size=4, unique=True)):
        data[key] = draw(st.sampled_from(CONFIG_VALUES))
    if draw(st.booleans()):
        limits = draw(st.dictionaries(st.sampled_from(LIMIT_NAMES), st.sampled_from(CONFIG_VALUES), max_size=3))
        data["limits"] = {k: v if isinstance(v, int | str) else str(v) for k, v in limits.items()}
    if draw(st.booleans()):
        return "styraudit.yaml", _break(draw, yaml.safe_dump(data, allow_unicode=True).encode())
    tool = draw(st.sampled_from(["table", "tool = 1", "styraudit = 3", "string key"]))
    body = "".join(f"{k} = {json.dumps(v)}\n" for k, v in data.items() if not isinstance(v, dict) and v is not None)
    text = {
        "table": "[tool.styraudit]\n" + body,
        "tool = 1": 'x = "[tool.styraudit]"\ntool = 1\n',
        "styraudit = 3": 'x = "[tool.styraudit]"\n[tool]\nstyraudit = 3\n',
        "string key": '[tool]\nstyraudit = "[tool.styraudit]"\n',
    }[tool]
    return "pyproject.toml", _break(draw, text.encode())


def _break(draw: st.DrawFn, data: bytes) -> bytes:
    kind = draw(st.sampled_from(["none", "none", "cut", "bad byte", "nul"]))
    if kind == "cut":
        return data[: draw(st.integers(0, len(data)))]
    if kind in ("bad byte", "nul"):
        at = draw(st.integers(0, len(data)))
        return data[:at] + (b"\xff" if kind == "bad byte" else b"\0") + data[at:]
    return data


JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def baselines(draw: st.DrawFn) -> bytes:
    """A baseline: the right shape with any keys, any JSON, deep nesting, or broken bytes."""
    kind = draw(st.sampled_from(["shaped", "json", "deep", "bytes"]))
    if kind == "shaped":
        findings = draw(st.lists(st.one_of(st.text(max_size=30), JSON), max_size=6))
        return json.dumps({"schema": "styraudit-baseline/1", "findings": findings}).encode()
    if kind == "json":
        return json.dumps(draw(JSON)).encode()
    if kind == "deep":
        depth = draw(st.sampled_from([10, 1_000, 100_000]))
        return b"[" * depth + b"]" * depth * draw(st.booleans())
    return _break(draw, draw(st.binary(max_size=200)))
