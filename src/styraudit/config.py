"""Project configuration: `styraudit.yaml`, or `[tool.styraudit]` in pyproject.toml, found by
walking up from the working directory. The command line overrides it; `--show-config` shows
every effective setting and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .engine.outcome import Severity
from .errors import InputError, Location, Problem
from .load.refs import suggest
from .load.yamldoc import YamlDocument, load_file
from .model.base import PartialDate
from .model.paths import dotted

CONFIG_FILE = "styraudit.yaml"


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True)


class ConfigWaiver(_Strict):
    """A waiver kept in the configuration: applies to the case files matching `files` (globs)."""

    criterion: str
    files: list[str] = Field(default_factory=lambda: ["**"])
    motivation: str = Field(min_length=1)
    decided_by: str = Field(min_length=1)
    expires: PartialDate


class Settings(_Strict):
    criteria: list[str] = Field(default_factory=list)
    default_criteria: bool = True
    severity: dict[str, Severity] = Field(default_factory=dict)
    params: dict[str, dict[str, dict[str, Any]]] = Field(default_factory=dict)
    fail_on: Severity = Severity.low
    exclude: list[str] = Field(default_factory=list)
    waivers: list[ConfigWaiver] = Field(default_factory=list)
    limits: dict[str, int] = Field(default_factory=dict)
    jobs: int | None = Field(default=None, ge=1)


@dataclass(frozen=True)
class Config:
    """The settings, the file they came from (None: defaults only) and its document for locations."""

    settings: Settings = field(default_factory=Settings)
    file: Path | None = None
    doc: YamlDocument | None = None

    def locate(self, *path: str | int, key: bool = False) -> Location:
        """Where a setting is written (`key`: the key rather than its value, as criteria files report it)."""
        if self.doc is not None:
            return self.doc.locate(tuple(path), key=key)
        return Location(str(self.file) if self.file else "<defaults>")

    def resolve(self, relative: str) -> Path:
        """A path written in the config is relative to the config file's folder."""
        base = self.file.parent if self.file else Path(".")
        return base / relative


def find_config(start: Path) -> Path | None:
    """The nearest styraudit.yaml, or pyproject.toml with a [tool.styraudit] table, at or above `start`."""
    for folder in [start, *start.parents]:
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.styraudit]" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; None gives the defaults."""
    if path is None:
        return Config()
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("styraudit", {})
        except tomllib.TOMLDecodeError as exc:
            raise InputError(
                [Problem(Location(str(path)), f"TOML syntax: {exc}", "check the [tool.styraudit] table", "config")]
            ) from None
        doc = YamlDocument(str(path), data, {(): (1, 1)})
    else:
        doc = load_file(str(path))
    try:
        settings = Settings.model_validate(doc.data or {})
    except ValidationError as exc:
        raise InputError([_problem(doc, error) for error in exc.errors(include_url=False)]) from None
    return Config(settings, path, doc)


def _problem(doc: YamlDocument, error: Any) -> Problem:
    path = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        known = [_kebab(name) for name in Settings.model_fields] + [_kebab(name) for name in ConfigWaiver.model_fields]
        hint = suggest(str(path[-1]), known) or "see `styraudit check --show-config` for the known settings"
        return Problem(doc.locate(path, key=True), f"unknown setting {path[-1]!r}", hint, "config")
    return Problem(doc.locate(path), f"{dotted(path)}: {error['msg']}", "see the README's configuration section", "config")
