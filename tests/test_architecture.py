"""The layout is the flow, and layers do not reach back.

model → load → text → engine/checks → report/reporters → commands → cli. The report reads the
engine's results and never judges: nothing under report/ or reporters/ imports a check, nor
names a criterion id, and the CI reporters do not import the report.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "styraudit"
ROOT_MODULES = {"__init__", "__main__", "entry", "cli", "errors", "config", "testing"}

# What each part of the package may import (besides itself, the root's errors and the message
# catalog text/i18n.py, which every layer speaks through).
ALLOWED = {
    "model": set(),
    "load": {"model"},
    "text": {"model", "load"},
    "engine": {"model", "load", "text", "config"},
    "checks": {"model", "load", "text", "engine"},
    "report": {"model", "load", "text", "engine"},
    "reporters": {"model", "load", "text", "engine"},
    "config": {"model", "load", "engine"},
}


def _part(module: str) -> str:
    """styraudit.report.docx.writer -> report; styraudit.config -> config."""
    return module.split(".")[1] if module.count(".") >= 1 else ""


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every styraudit module `path` imports, at any depth (lazy imports count too)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("styraudit"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("styraudit"))
    return {
        m
        for m in found
        if (PACKAGE.parent / Path(*m.split("."))).with_suffix(".py").exists() or (PACKAGE.parent / Path(*m.split("."))).is_dir()
    }


def _modules() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_the_package_root_holds_only_the_entry_point_cli_errors_config_and_public_modules() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert modules <= ROOT_MODULES, modules - ROOT_MODULES


def test_no_layer_imports_a_later_one() -> None:
    wrong = []
    for module, imported in _modules().items():
        part = _part(module)
        if part not in ALLOWED:
            continue
        for target in imported:
            other = _part(target)
            if target.startswith("styraudit.text.i18n"):
                continue
            if other and other != part and other not in ALLOWED[part] | {"errors"}:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_the_ci_reporters_do_not_import_the_report_and_neither_imports_a_check() -> None:
    for module, imported in _modules().items():
        if _part(module) in ("report", "reporters"):
            assert not {t for t in imported if _part(t) == "checks"}, module
        if _part(module) == "reporters":
            assert not {t for t in imported if _part(t) == "report"}, module


def test_no_import_cycle_among_modules_at_import_time() -> None:
    """Module-level imports only: a function-level import runs later and cannot deadlock loading."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = _top_level_imports(tree, path)
    seen: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt == node or nxt not in graph:
                continue
            assert seen.get(nxt) != 1, " -> ".join([*stack, node, nxt])
            if nxt not in seen:
                visit(nxt, [*stack, node])
        seen[node] = 2

    for node in sorted(graph):
        if node not in seen:
            visit(node, [])


def _top_level_imports(tree: ast.Module, path: Path) -> set[str]:
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("styraudit")):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                is_module = (PACKAGE.parent / Path(*candidate.split("."))).with_suffix(".py").exists()
                found.add(candidate if is_module else target)
    return found


def _criterion_ids() -> set[str]:
    ids: set[str] = set()
    for path in (ROOT / "criteria").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids.add(data["id"])
        ids.update(data.get("aliases", []))
    return ids


def test_report_reporters_and_report_templates_name_no_criterion_id() -> None:
    ids = _criterion_ids()
    pattern = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")(?![\w-])")
    places = [
        *(PACKAGE / "report").rglob("*.py"),
        *(PACKAGE / "reporters").rglob("*.py"),
        *(ROOT / "templates" / "report").rglob("*"),
    ]
    named = [
        f"{p.relative_to(ROOT)}: {m.group(1)}"
        for p in places
        if p.is_file()
        for m in pattern.finditer(p.read_text(encoding="utf-8"))
    ]
    assert not named, "\n".join(named)
