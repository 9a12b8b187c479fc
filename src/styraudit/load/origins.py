"""Where a problem of a case made from other input (an event log, init's answers) stands in that input.

Import checks the case it makes before writing anything, so a problem cannot point at a line of a
file that does not exist: each one is moved to the row (and, where the key is a column, the
column) of the table the item came from; one outside every row's item, to the `ärende` row (or
the table, when it has none).
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import Location, Problem
from ..model.paths import YamlPath
from .yamldoc import parse_text

# an item's path in the case -> where it came from (a table's row), and where each of its keys did (a cell)
Origins = dict[YamlPath, tuple[Location, dict[str, Location]]]


def at_origins(problems: list[Problem], text: str, file: str, origins: Origins, table: str) -> list[Problem]:
    """`problems` of the case `text` (shown as `file`), each moved to the row of `table` it came from."""
    positions = parse_text(text, file).positions
    spans = {}
    for path in origins:
        lines = [line for at, (line, _) in positions.items() if at[: len(path)] == path]
        if lines:
            spans[path] = (min(lines), max(lines))
    if () not in origins:
        origins = {**origins, (): (Location(table), {})}
        spans[()] = (1, len(text.splitlines()) + 1)
    return [_moved(p, positions, spans, origins) for p in problems]


def _moved(
    problem: Problem, positions: dict[YamlPath, tuple[int, int]], spans: dict[YamlPath, tuple[int, int]], origins: Origins
) -> Problem:
    line = problem.location.line
    holding = [path for path, (first, last) in spans.items() if first <= line <= last]
    if not holding:
        return problem
    item = min(holding, key=lambda path: spans[path][1] - spans[path][0])
    where, columns = origins[item]  # columns: where each key came from
    at = (line, problem.location.column)
    keys = [
        path[len(item)]
        for path, place in positions.items()
        if place == at and len(path) > len(item) and path[: len(item)] == item
    ]
    return replace(problem, location=next((columns[k] for k in keys if isinstance(k, str) and k in columns), where))
