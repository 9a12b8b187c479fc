"""Coverage-guided fuzzing of the case loader with atheris (libFuzzer for Python).

Each input is a file's bytes: `yamlload.load_bytes` (size, decoding, YAML events, limits) and
`loading.validate_document` (model, references). The only acceptable failure is an InputError
whose problems all name the file, with a line and column unless the problem is about the whole
file; anything else - another exception, a problem without a place - is a crash. Valid inputs
are also judged against the shipped criteria (`engine.run.evaluate`), where a check that fails
("internal") or a text that cannot be rendered is a crash too.

Half of the mutations are libFuzzer's own (bytes); the other half parse the input as YAML and
change one value, key or list - so that mutants stay close to valid cases and reach the checks.

Run it through `python fuzz/run.py --seconds 60`, which seeds the corpus and collects crashes;
directly, libFuzzer flags apply: `python fuzz/fuzz_loader.py -help=1`.
"""

from __future__ import annotations

import collections
import copy
import random
import re
import sys
from typing import Any

import atheris
import yaml

with atheris.instrument_imports(include=["styraudit"]):
    from styraudit.engine.criteria import default_pack_dir, load_pack
    from styraudit.engine.run import evaluate
    from styraudit.errors import InputError
    from styraudit.load.case import validate_document
    from styraudit.load.yamldoc import load_bytes

    PACK = load_pack([default_pack_dir()])  # inside: the checks it imports are instrumented too

NAME = "fuzz.yaml"
WHOLE_FILE = re.compile(r"the file is \d+ bytes, over the limit|cannot read the file")
SCALARS = [
    "",
    "~",
    "0000-01-01",
    "9999-12-31",
    "2023-02-29",
    "2024-02-29",
    "2023-13",
    "1",
    "-1",
    "9" * 400,
    "yes",
    "[x]",
    "{a: 1}",
]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MAX_NODES = 20_000
DATE = re.compile(r"\d{4}(-\d\d){0,2}$")
EDGE_DATES = ["0000", "0001", "0001-01", "0001-01-01", "9999", "9999-12", "9999-12-31", "2024-02-29", "2023-02-29"]


class Crash(Exception):
    """The tool answered a bad input with something other than a placed InputError."""


def test_one_input(data: bytes) -> None:
    """One libFuzzer iteration: load, validate and judge `data`; raise Crash on anything unplaced."""
    try:
        loaded = validate_document(load_bytes(data, NAME))
        evaluate(loaded, PACK)
    except InputError as error:
        for problem in error.problems:
            if problem.code in ("internal", "template"):
                raise Crash(f"a valid file broke a check or a text: {problem.message}") from error
            placed = problem.location.file == NAME and (problem.location.line >= 1 or WHOLE_FILE.match(problem.message))
            if not placed or not problem.message:
                raise Crash(f"a problem without a place: {problem}") from error


def mutate(data: bytes, max_size: int, seed: int) -> bytes:
    """libFuzzer's byte mutation, or (when `data` parses) changes to one to four nodes of the YAML tree."""
    rng = random.Random(seed)
    if rng.random() < 0.5:
        return atheris.Mutate(data, max_size)
    try:
        tree = load_bytes(data, NAME).data
    except InputError:
        return atheris.Mutate(data, max_size)
    nodes = _nodes(tree)
    if not nodes:
        return atheris.Mutate(data, max_size)
    for _ in range(rng.choice([1, 1, 2, 4])):  # sometimes several changes at once
        _change(rng, tree, nodes)
        nodes = _nodes(tree)
        if not nodes:
            break
    text = yaml.dump(tree, Dumper=DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=rng.choice([False, None]))
    return text.encode("utf-8")[:max_size]


def _nodes(tree: Any) -> list[tuple[Any, Any]]:
    """(container, key) for the values in the tree, breadth first, at most MAX_NODES of them.

    Aliases make a tree share branches, so the walk is capped: it must not cost more than the
    loader's own limits allow the input to cost.
    """
    found: list[tuple[Any, Any]] = []
    queue = collections.deque([tree])
    while queue and len(found) < MAX_NODES:
        value = queue.popleft()
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in list(items):
            found.append((value, key))
            queue.append(child)
    return found[:MAX_NODES]


def _change(rng: random.Random, tree: Any, nodes: list[tuple[Any, Any]]) -> None:
    container, key = rng.choice(nodes)
    donor_container, donor_key = rng.choice(nodes)
    how = rng.randrange(5)
    if how == 0:
        del container[key]
    elif how == 1:  # splice: another value of the same file (ids, dates, whole sections); a copy, so no cycles
        container[key] = copy.deepcopy(donor_container[donor_key])
    elif how == 2 and isinstance(container[key], str) and DATE.match(container[key]):  # dates at the calendar's edges
        container[key] = rng.choice(EDGE_DATES)
    elif how == 2:
        container[key] = rng.choice(SCALARS)
    elif how == 3 and isinstance(container, dict):  # rename a key after another key of the file
        new = donor_key if isinstance(donor_key, str) else str(donor_key)
        if new not in container:
            container[new] = container.pop(key)
    elif isinstance(container[key], list) and container[key]:
        container[key].append(rng.choice(container[key]))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input, custom_mutator=mutate)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
