"""The parameters of field_rule, checked when the criteria file loads: a wrong key or an invalid
JMESPath expression is an error at its line in the criteria file, never a surprise at run time."""

from __future__ import annotations

import typing
from typing import Annotated, Any, Literal

import jmespath
from jmespath.exceptions import IncompleteExpressionError, JMESPathError
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ..engine.registry import Params
from ..errors import quoted
from ..load.refs import suggest
from ..model.case import Case

RULES = ("require", "one_of", "before", "min_count")


MAX_NESTING = 32  # JMESPath's parser recurses once per bracket: 5,000 of them overflow Python's stack


def _nesting(expression: str) -> int:
    depth = deepest = 0
    for char in expression:
        depth += char in "([{"
        depth -= char in ")]}"
        deepest = max(deepest, depth)
    return deepest


def valid_expression(expression: str) -> str:
    """Refuse an invalid JMESPath expression when the criterion loads, saying what is wrong and where."""
    if _nesting(expression) > MAX_NESTING:
        raise ValueError(f"the JMESPath expression {quoted(expression)} nests deeper than {MAX_NESTING} brackets")
    try:
        jmespath.compile(expression)
    except RecursionError:
        raise ValueError(f"the JMESPath expression {quoted(expression)} is too deeply nested to read") from None
    except JMESPathError as exc:
        # LexerError says what it met (`message`), ParseError what it expected (`msg`).
        early = isinstance(exc, IncompleteExpressionError)
        reason = "it ends too early" if early else getattr(exc, "message", None) or getattr(exc, "msg", str(exc))
        position = getattr(exc, "lex_position", None)
        at = f" at character {position + 1}" if isinstance(position, int) else ""
        hint = " (JMESPath compares with ==)" if getattr(exc, "token_value", None) == "=" else ""
        raise ValueError(f"not a valid JMESPath expression {quoted(expression)}: {reason}{at}{hint}") from None
    return expression


def known_collection(collection: str) -> str:
    """Refuse a collection that is not a section of the case, or that passes through a list."""
    model: Any = Case
    parts = collection.split(".")
    for depth, part in enumerate(parts):
        fields = model.model_fields if isinstance(model, type) and issubclass(model, BaseModel) else {}
        if part not in fields:
            hint = suggest(part, fields) or (f"keys here: {', '.join(fields)}" if fields else "it has no keys below it")
            raise ValueError(f"{collection!r}: no key {part!r} ({hint})")
        if depth < len(parts) - 1 and _is_list(fields[part].annotation):
            raise ValueError(f"{collection!r} passes through the list {part!r}: name the list and choose items with `where`")
        model = _inner_model(fields[part].annotation)
    return collection


Expression = Annotated[str, AfterValidator(valid_expression)]


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OneOf(_Rule):
    field: Expression = Field(description="JMESPath expression (usually a key) whose value is tested.")
    values: list[Any] = Field(min_length=1, description="The allowed values.")


class Before(_Rule):
    earlier: Expression = Field(description="JMESPath expression for the date that must come first.")
    later: Expression = Field(description="JMESPath expression for the date that must come on or after it.")


class FieldRuleParams(Params):
    collection: Annotated[str, AfterValidator(known_collection)] = Field(
        description="Dotted path to a list or a single object of the case, e.g. `decisions`."
    )
    where: Expression | None = Field(
        default=None, description="JMESPath expression; only items for which it is true are checked."
    )
    require: list[Expression] | None = Field(
        default=None, min_length=1, description="Keys or JMESPath expressions every item must fill."
    )
    one_of: OneOf | None = Field(default=None, description="A key and the values it may take.")
    before: Before | None = Field(default=None, description="Two dates that must be in order.")
    min_count: int | None = Field(default=None, ge=1, description="The least number of items there must be.")
    fail_outcome: Literal["partly_fulfilled", "not_fulfilled"] = Field(
        default="partly_fulfilled", description="The outcome when some items break the rule."
    )

    @model_validator(mode="after")
    def _exactly_one_rule(self) -> FieldRuleParams:
        given = [rule for rule in RULES if getattr(self, rule) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one rule among {', '.join(RULES)}, got {', '.join(given) or 'none'}")
        return self


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list or any(_is_list(arg) for arg in typing.get_args(annotation))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for arg in typing.get_args(annotation) if (m := _inner_model(arg)) is not None), None)
