"""Criteria packs, in the order a pack is made: the file schema (spec), parameter validation
(params, shared with the configuration), binding checks and texts (binding), loading the pack
(pack) and a configuration's customisation of it (customise). The names below are the public ones."""

from __future__ import annotations

from .binding import BoundCheck, default_texts
from .customise import customise
from .pack import CriteriaPack, Criterion, default_pack_dir, display_path, load_pack
from .params import validate_params
from .spec import Authority, CheckBinding, CriterionSpec, RecommendationSpec

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
