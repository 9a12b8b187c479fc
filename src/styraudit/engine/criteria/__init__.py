"""Criteria packs, in the order a pack is made: the file schema (spec), parameter validation
(params, shared with the configuration), binding checks and texts (binding), loading the pack
(pack) and a configuration's customisation of it (customise). The names below are the public ones.

They are imported when first used, not with the package: reading a pack's ids (names) must not
pay for the registry of checks and the template engine that loading and binding need."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .binding import BoundCheck, default_texts
    from .customise import customise
    from .pack import CriteriaPack, Criterion, default_pack_dir, display_path, load_pack
    from .params import validate_params
    from .spec import Authority, CheckBinding, CriterionSpec, RecommendationSpec

_MODULES = {
    "Authority": "spec",
    "BoundCheck": "binding",
    "CheckBinding": "spec",
    "CriteriaPack": "pack",
    "Criterion": "pack",
    "CriterionSpec": "spec",
    "RecommendationSpec": "spec",
    "customise": "customise",
    "default_pack_dir": "files",
    "default_texts": "binding",
    "display_path": "files",
    "load_pack": "pack",
    "validate_params": "params",
}

__all__ = [
    "Authority",
    "BoundCheck",
    "CheckBinding",
    "CriteriaPack",
    "Criterion",
    "CriterionSpec",
    "RecommendationSpec",
    "customise",
    "default_pack_dir",
    "default_texts",
    "display_path",
    "load_pack",
    "validate_params",
]


def __getattr__(name: str) -> Any:
    """A public name, from the module that defines it, imported on first use."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_MODULES[name]}", __name__), name)
    globals()[name] = value
    return value
