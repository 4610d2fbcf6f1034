"""The official OParl 1.1 schemas as jsonschema validators (read from ../shared/reference).

The schemas use their own keyword for an embedded object (``"schema": "File.json"``) and the
format ``url``; both are translated here: the keyword into ``$ref``, the formats into
checkers for ``url``, ``date`` and ``date-time`` as the specification writes them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource

SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference"
SCHEMAS = SHARED / "oparl-1.1"
REAL = SHARED / "oparl-real"

_FORMATS = FormatChecker()


@_FORMATS.checks("url")
def _url(value: object) -> bool:
    return not isinstance(value, str) or re.fullmatch(r"https?://[^\s]+", value) is not None


@_FORMATS.checks("date")
def _date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


@_FORMATS.checks("date-time")
def _date_time(value: object) -> bool:
    """``yyyy-mm-ddThh:mm:ss±hh:mm``, as the specification writes a time."""
    if not isinstance(value, str):
        return True
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", value) is None:
        return False
    datetime.fromisoformat(value)
    return True


def require_schemas() -> None:
    if not SCHEMAS.is_dir():
        pytest.skip(f"the OParl 1.1 schemas are not beside the checkout ({SCHEMAS})")


def _translated(node: Any) -> Any:
    if isinstance(node, dict):
        if "schema" in node and isinstance(node["schema"], str):
            return {"$ref": node["schema"]}
        return {k: _translated(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_translated(v) for v in node]
    return node


@cache
def _registry() -> Registry[Any]:
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = _translated(json.loads(path.read_text(encoding="utf-8")))
        schema.setdefault("$schema", "http://json-schema.org/draft-07/schema#")
        resources.append((path.name, Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def validator(kind: str) -> Draft7Validator:
    """A validator for the OParl 1.1 object ``kind`` ("Paper", "Meeting", ...)."""
    require_schemas()
    schema = _registry().contents(f"{kind}.json")
    return Draft7Validator(schema, registry=_registry(), format_checker=_FORMATS)


def errors(obj: dict[str, Any]) -> list[str]:
    """Every way ``obj`` breaks the schema of its type, as "path: message"."""
    kind = str(obj.get("type", "")).rpartition("/")[2]
    return [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(kind).iter_errors(obj)
    ]


def objects(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every OParl object in ``value`` (those with a ``type``), with its path."""
    if isinstance(value, dict):
        if "type" in value:
            yield path, value
        for key, item in value.items():
            yield from objects(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from objects(item, f"{path}.{index}")
