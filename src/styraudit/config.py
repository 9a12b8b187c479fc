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
from .load.files import read_regular
from .load.refs import suggest
from .load.wording import worded
from .load.yamldoc import YamlDocument, load_file
from .model.base import PartialDate, new_list
from .model.paths import dotted
from .text.i18n import _

CONFIG_FILE = "styraudit.yaml"
MAX_CONFIG_BYTES = 4 * 1024 * 1024  # far above any real pyproject.toml


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _new_dict() -> dict[str, Any]:
    """A new empty mapping, the default of a mapping setting: as `model.base.new_list` says of
    `list`, pydantic asks every default factory for its signature, and the builtin `dict`
    answers by having its text signature parsed (Python's tokenizer compiled for it, ~10 ms)."""
    return {}


class _Strict(BaseModel):
    # defer_build: the validator is built when a configuration file is read, not at every start.
    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True, defer_build=True)


class ConfigWaiver(_Strict):
    """A waiver kept in the configuration: applies to the case files matching `files` (globs)."""

    criterion: str
    files: list[str] = Field(default_factory=lambda: ["**"])
    motivation: str = Field(min_length=1)
    decided_by: str = Field(min_length=1)
    expires: PartialDate


class Settings(_Strict):
    criteria: list[str] = Field(default_factory=new_list)
    default_criteria: bool = True
    severity: dict[str, Severity] = Field(default_factory=_new_dict)
    params: dict[str, dict[str, dict[str, Any]]] = Field(default_factory=_new_dict)
    fail_on: Severity = Severity.low
    exclude: list[str] = Field(default_factory=new_list)
    include: list[str] = Field(default_factory=new_list)
    waivers: list[ConfigWaiver] = Field(default_factory=new_list)
    limits: dict[str, int] = Field(default_factory=_new_dict)
    jobs: int | None = Field(default=None, ge=1)
    # Where the office publishes its criteria, `{id}` standing for a criterion's id (e.g. the
    # governance repository's criteria/{id}.yaml), and the tool's page for its users: SARIF links
    # each rule and the tool to them. Unset, the SARIF carries no link rather than an invented one.
    help_uri: str | None = Field(default=None, pattern=r"^https?://[^\s]*\{id\}[^\s]*$")
    information_uri: str | None = Field(default=None, pattern=r"^https?://\S+$")


@dataclass(frozen=True)
class Config:
    """The settings, the file they came from (None: defaults only) and its document for locations."""

    # Without a file, the defaults as they are: nothing to validate, so no validator to build.
    settings: Settings = field(default_factory=Settings.model_construct)
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
        if pyproject.is_file() and _has_our_table(pyproject):
            return pyproject
    return None


def _has_our_table(pyproject: Path) -> bool:
    """Parsed, not guessed from a substring; an unreadable or broken pyproject.toml is someone
    else's unless it names our table, and then loading it reports the error with its place."""
    try:
        raw = read_regular(pyproject, max_bytes=MAX_CONFIG_BYTES, what=_("the configuration file"), limit=None)
    except InputError:
        return False
    if b"styraudit" not in raw and b"\\u" not in raw.lower():
        return False  # no key can spell the name (not even as a \u escape): no TOML parser to import or run
    import tomllib  # only where a pyproject.toml may hold the table

    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return b"[tool.styraudit]" in raw
    return isinstance(tool, dict) and "styraudit" in tool


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; None gives the defaults."""
    if path is None:
        return Config()
    doc = _pyproject(path) if path.name == "pyproject.toml" else load_file(str(path), _shown(path))
    try:
        settings = Settings.model_validate(doc.data or {})
    except ValidationError as exc:
        raise InputError([_problem(doc, error) for error in exc.errors(include_url=False)]) from None
    return Config(settings, path, doc)


def _shown(path: Path) -> str:
    """How messages name the file: relative to the working directory when it is at or below it."""
    try:
        return Path(path).absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _pyproject(path: Path) -> YamlDocument:
    """The [tool.styraudit] table as a document located at its header line."""
    import tomllib

    where = Location(_shown(path))
    raw = read_regular(path, max_bytes=MAX_CONFIG_BYTES, display=_shown(path), what=_("the configuration file"), limit=None)
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise InputError([Problem(where, _("the file is not UTF-8"), _("save it as UTF-8"), "config")]) from None
    except tomllib.TOMLDecodeError as exc:
        hint = _("check the [tool.styraudit] table")
        raise InputError([Problem(where, _("TOML syntax: {error}").format(error=exc), hint, "config")]) from None
    tool = data.get("tool")
    table = tool.get("styraudit", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):  # `[tool] styraudit = 3`: named, but not a table
        message = _("`tool.styraudit` must be a table, not {kind}").format(kind=type(table).__name__)
        raise InputError([Problem(where, message, _("write [tool.styraudit] as a table"), "config")])
    header = next((i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[tool.styraudit")), 1)
    return YamlDocument(_shown(path), table, {(): (header, 1)})


def _problem(doc: YamlDocument, error: Any) -> Problem:
    path = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        known = [_kebab(name) for name in Settings.model_fields] + [_kebab(name) for name in ConfigWaiver.model_fields]
        hint = suggest(str(path[-1]), known) or _("see `styraudit check --show-config` for the known settings")
        return Problem(doc.locate(path, key=True), _("unknown setting {name!r}").format(name=path[-1]), hint, "config")
    hint = _("see the README's configuration section")
    return Problem(doc.locate(path), f"{dotted(path)}: {worded(error)}", hint, "config")
