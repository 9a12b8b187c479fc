"""The loader builds data and positions from events in one hand-tuned loop: what it builds must be
what PyYAML's own composer finds, node for node, on the shipped cases, the YAML fixtures and
generated cases (files without aliases: an alias's nodes stand where their anchor is)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import yaml

from styraudit.errors import InputError
from styraudit.load.yamldoc import load_file

ROOT = Path(__file__).resolve().parent.parent
NULL = "tag:yaml.org,2002:null"


def _composed(node: Any, path: tuple, data: dict, keys: dict) -> Any:
    """The data and first positions the composer's node tree gives, as the loader records them."""
    data.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        found = {}
        for key_node, value_node in node.value:
            key = "" if key_node.tag == NULL else key_node.value
            keys[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            found[key] = _composed(value_node, (*path, key), data, keys)
        return found
    if isinstance(node, yaml.SequenceNode):
        return [_composed(item, (*path, i), data, keys) for i, item in enumerate(node.value)]
    return None if node.tag == NULL else node.value


def _generated(tmp: Path) -> list[Path]:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(12, tmp)
    return sorted(tmp.rglob("*.yaml"))


def test_data_and_positions_are_the_composers(tmp_path: Path) -> None:
    files = sorted((ROOT / "cases").rglob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml")) + _generated(tmp_path)
    compared = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            doc = load_file(str(path))
            events = list(yaml.parse(text, Loader=yaml.SafeLoader))
        except (InputError, yaml.YAMLError):
            continue  # a fixture meant not to load: the error tests cover it
        if any(isinstance(e, yaml.AliasEvent) for e in events) or "\\" in text:  # aliases; escapes are shown as pictures
            continue
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        positions: dict = {}
        keys: dict = {}
        data = _composed(node, (), positions, keys) if node is not None else None
        assert (doc.data, doc.positions, doc.key_positions) == (data, positions if node else {}, keys), path
        compared += 1
    assert compared > 50
