"""Amounts of money as Swedish sources write them ("12,5 mnkr", "-3 200 tkr"), normalised to kronor."""

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

# The units a source may use, and how many kronor each stands for.
UNITS: dict[str, Decimal] = {"kr": Decimal(1), "tkr": Decimal(10) ** 3, "mnkr": Decimal(10) ** 6, "mdkr": Decimal(10) ** 9}
_NUMBER = re.compile(r"^[+\-−]?\s*\d[\d  ]*(?:[.,]\d+)?$")
# No municipal or regional figure comes near this; larger is a typing mistake (or an attack).
MAX_KR = Decimal(10) ** 15
_AMOUNT = re.compile(r"^([+\-−]?)\s*(\d[\d  ]*(?:[.,]\d+)?)\s*([A-Za-zåäö]+)$")


@dataclass(frozen=True, order=True)
class Amount:
    """An amount in kronor (`kr`), remembering the number and unit the source wrote."""

    kr: Decimal
    value: Decimal
    unit: str

    @classmethod
    def parse(cls, text: str) -> "Amount":
        match = _AMOUNT.match(text.strip())
        if not match and _NUMBER.match(text.strip()):
            raise PydanticCustomError("amount", "the amount '{text}' has no unit", {"text": text})
        if not match:
            raise PydanticCustomError("amount", "not an amount: '{text}'", {"text": text})
        sign, digits, unit = match.groups()
        if unit.lower() not in UNITS:
            close = difflib.get_close_matches(unit.lower(), list(UNITS), n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}? The units are " + ", ".join(UNITS) if close else ""
            raise PydanticCustomError("amount", "unknown unit '{unit}' in '{text}'", {"unit": unit, "text": text, "hint": hint})
        try:
            value = Decimal(digits.replace(" ", "").replace("\u00a0", "").replace(",", "."))
        except InvalidOperation:  # the pattern admits only digits, so this is a safety net
            raise PydanticCustomError("amount", "not an amount: '{text}'", {"text": text}) from None
        if sign in ("-", "−"):
            value = -value
        kr = value * UNITS[unit.lower()]
        if abs(kr) > MAX_KR:
            raise PydanticCustomError("impossible_amount", "impossible amount '{text}': over 10^15 kr", {"text": text})
        return cls(kr, value, unit.lower())

    def __str__(self) -> str:
        return f"{self.value:f}".replace(".", ",") + f" {self.unit}"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._coerce, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def _coerce(cls, value: Any) -> "Amount":
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            raise PydanticCustomError("amount", "the amount {value} has no unit", {"value": value})
        raise PydanticCustomError("amount", "not an amount", {})

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"type": "string", "pattern": _AMOUNT.pattern, "examples": ["12,5 mnkr", "-300 tkr", "1 200 000 kr"]}
