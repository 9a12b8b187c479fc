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

    def locate(self, *path: str | int) -> Location:
        if self.doc is not None:
            return self.doc.locate(tuple(path))
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
        if pyproject.is_file() and "[tool.styraudit]" in read_config_text(pyproject):
            return pyproject
    return None


MAX_CONFIG_BYTES = 1024 * 1024


def read_config_text(path: Path) -> str:
    """A configuration file's text: a regular file of at most MAX_CONFIG_BYTES, in UTF-8; any
    failure (unreadable, a FIFO, a 0xFF byte) is an InputError naming the file."""
    from .load.files import read_regular
    from .load.yamldoc import decode

    return decode(read_regular(path, max_bytes=MAX_CONFIG_BYTES, what="configuration file", limit=None), str(path))


def _pyproject(path: Path) -> YamlDocument:
    """[tool.styraudit] of a pyproject.toml; `tool = 1` or `tool.styraudit = "x"` is an error, not a crash."""
    import tomllib

    try:
        data: Any = tomllib.loads(read_config_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            [Problem(Location(str(path)), f"TOML syntax: {str(exc)[:200]}", "check the [tool.styraudit] table", "config")]
        ) from None
    for key in ("tool", "styraudit"):
        data = data.get(key, {})
        if not isinstance(data, dict):
            where = "tool" if key == "tool" else "tool.styraudit"
            raise InputError(
                [
                    Problem(
                        Location(str(path)),
                        f"`{where}` must be a table, not {type(data).__name__}",
                        "write [tool.styraudit] as a table",
                        "config",
                    )
                ]
            )
    return YamlDocument(str(path), data, {(): (1, 1)})


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; None gives the defaults."""
    if path is None:
        return Config()
    doc = _pyproject(path) if path.name == "pyproject.toml" else load_file(str(path))
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
