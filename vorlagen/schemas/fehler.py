"""German messages for validation errors, one line per problem, naming the field."""

from __future__ import annotations

import ast
import difflib
import re
import types
import typing
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import ErrorDetails

__all__ = ["fehlermeldungen", "feldpfad", "meldung", "vorschlag"]

_MESSAGES: dict[str, str] = {
    "missing": "Pflichtfeld fehlt",
    "extra_forbidden": "unbekanntes Feld (Tippfehler?)",
    "string_type": "Text erwartet",
    "bool_type": "true oder false erwartet",
    "bool_parsing": "true oder false erwartet",
    "int_type": "ganze Zahl erwartet",
    "int_parsing": "ganze Zahl erwartet",
    "int_from_float": "ganze Zahl erwartet",
    "list_type": "Liste erwartet",
    "dict_type": "Objekt erwartet",
    "model_type": "Objekt erwartet",
    "model_attributes_type": "Objekt erwartet",
    "too_short": "zu wenige Einträge: mindestens {min_length}",
    "too_long": "höchstens {max_length} Einträge erlaubt",
    "string_too_short": "mindestens {min_length} Zeichen erwartet",
    "string_too_long": "höchstens {max_length} Zeichen erlaubt",
    "greater_than_equal": "muss mindestens {ge} sein",
    "less_than_equal": "darf höchstens {le} sein",
    "string_pattern_mismatch": "ungültiges Format",
    "date_parsing": "ungültiges Datum",
    "date_from_datetime_parsing": "ungültiges Datum",
    "date_type": "Datum erwartet (JJJJ-MM-TT)",
    "decimal_parsing": "Zahl erwartet",
    "decimal_type": "Zahl erwartet",
    "finite_number": "endliche Zahl erwartet",
    "union_tag_not_found": "Angabe „{discriminator}“ fehlt",
    "frozen_instance": "unveränderlich",
}

# pydantic names the allowed values as Python literals: "'a', 'b' or 'c'"
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def feldpfad(loc: tuple[int | str, ...]) -> str:
    """The field path of an error location, e.g. ``beratungsfolge.1.sitzungsdatum``.

    >>> feldpfad(("beratungsfolge", 1, "sitzungsdatum"))
    'beratungsfolge.1.sitzungsdatum'
    >>> feldpfad(())
    '(Vorlage)'
    """
    return ".".join(str(part) for part in loc) or "(Vorlage)"


def vorschlag(value: object, choices: Iterable[str]) -> str | None:
    """The choice nearest to ``value``, if one is near enough to be a slip of the pen.

    Case and the spelling of ß do not count.

    >>> vorschlag("Beschlußvorlage", ["Antrag", "Beschlussvorlage"])
    'Beschlussvorlage'
    >>> vorschlag("federfuhrung", ["betreff", "federfuehrung"])
    'federfuehrung'
    >>> vorschlag("Haushalt", ["Antrag", "Anfrage"]) is None
    True
    """
    if not isinstance(value, str):
        return None
    folded = {choice.casefold(): choice for choice in choices}
    match = difflib.get_close_matches(value.casefold(), folded, n=1)
    return folded[match[0]] if match else None


def _aufzaehlung(values: Sequence[str]) -> str:
    """``„a“, „b“ oder „c“``."""
    quoted = [f"„{value}“" for value in values]
    if len(quoted) < 2:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} oder {quoted[-1]}"


def _erlaubt(expected: str) -> list[str]:
    """The allowed values pydantic lists in ``expected``."""
    quoted = _QUOTED.findall(expected)
    if quoted:
        return [str(ast.literal_eval(value)) for value in quoted]
    return [value for value in re.split(r", | or ", expected) if value]


def _wahl(given: Any, expected: str) -> str:
    """A wrong choice: the value given, the nearest allowed one, and all allowed ones."""
    allowed = _erlaubt(expected)
    shown = f"„{given}“" if isinstance(given, str) else repr(given)
    nearest = vorschlag(given, allowed)
    hint = f"; meinten Sie „{nearest}“? Erlaubt: " if nearest else "; erlaubt: "
    return f"ungültiger Wert {shown}{hint}{_aufzaehlung(allowed)}"


@cache
def _hints(modell: type[BaseModel]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(modell, include_extras=True)
    except (NameError, TypeError):  # a name only known while type checking
        return {name: field.annotation for name, field in modell.model_fields.items()}


def _ist_modell(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _arten(annotation: Any) -> list[Any]:
    """The types a value annotated with ``annotation`` can have."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _arten(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [kind for arg in typing.get_args(annotation) for kind in _arten(arg)]
    if _ist_modell(annotation) and issubclass(annotation, RootModel):
        return _arten(_hints(annotation).get("root"))
    return [annotation]


def _typ(modell: type[BaseModel]) -> Any:
    field = modell.model_fields.get("typ")
    return field.default if field is not None else None


def _schritt(kinds: list[Any], part: int | str) -> list[Any]:
    """The types found one step along an error location."""
    found: list[Any] = []
    for kind in kinds:
        args = typing.get_args(kind)
        if isinstance(part, int) and typing.get_origin(kind) in (list, tuple, Sequence) and args:
            found += _arten(args[0])
        elif _ist_modell(kind) and part in kind.model_fields:
            found += _arten(_hints(kind).get(str(part)))
    if found or isinstance(part, int):
        return found
    # not a field: the tag of a union member (``absatz``, ``eintrag``); the members it names
    tagged = [kind for kind in kinds if _ist_modell(kind) and _typ(kind) == part]
    return tagged or kinds


def _feldnamen(modell: type[BaseModel] | None, loc: tuple[int | str, ...]) -> list[str]:
    """The fields allowed where an extra field ``loc`` was given."""
    kinds: list[Any] = [modell] if modell is not None else []
    for part in loc[:-1]:
        kinds = _schritt(kinds, part)
    return sorted({name for kind in kinds if _ist_modell(kind) for name in kind.model_fields})


def _unbekanntes_feld(error: ErrorDetails, modell: type[BaseModel] | None) -> str:
    nearest = vorschlag(error["loc"][-1], _feldnamen(modell, error["loc"]))
    if nearest is None:
        return _MESSAGES["extra_forbidden"]
    return f"unbekanntes Feld; meinten Sie „{nearest}“?"


def meldung(error: ErrorDetails, modell: type[BaseModel] | None = None) -> str:
    """The German message of one error of a ValidationError, without its field path.

    ``modell``, the model that was validated, lets a misspelt field name its nearest match.
    """
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        cause: Any = ctx.get("error")
        return str(cause) if cause is not None else error["msg"]
    if kind in ("enum", "literal_error") and "expected" in ctx:
        return _wahl(error["input"], str(ctx["expected"]))
    if kind == "union_tag_invalid" and "expected_tags" in ctx:
        return _wahl(ctx.get("tag"), str(ctx["expected_tags"]))
    if kind == "extra_forbidden" and error["loc"]:
        return _unbekanntes_feld(error, modell)
    template = _MESSAGES.get(kind)
    if template is None:
        return error["msg"]
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return error["msg"]


def _modell(title: str) -> type[BaseModel] | None:
    """The model of the package a ValidationError's title names, if there is one."""
    pending: list[type[BaseModel]] = [BaseModel]
    while pending:
        kind = pending.pop()
        if kind.__name__ == title and kind.__module__.startswith("vorlagen."):
            return kind
        pending += kind.__subclasses__()
    return None


def fehlermeldungen(error: ValidationError, modell: type[BaseModel] | None = None) -> list[str]:
    r"""One German line ``feld.pfad: Meldung`` per problem of a ValidationError.

    ``modell`` is the model that was validated; by default, the package's model the error's
    title names. A misspelt field or value is answered with the nearest allowed one.

    >>> from vorlagen.schemas import Anlage, Beratung
    >>> try:
    ...     Anlage.model_validate({"titl": "Lageplan"})
    ... except ValidationError as e:
    ...     print("\n".join(fehlermeldungen(e)))
    titel: Pflichtfeld fehlt
    titl: unbekanntes Feld; meinten Sie „titel“?
    >>> data = {"gremium": "Kreistag", "sitzungsdatum": "2026-06-10", "zustaendigkeit": "Beschluss"}
    >>> try:
    ...     Beratung.model_validate(data)
    ... except ValidationError as e:
    ...     print("\n".join(fehlermeldungen(e)))
    zustaendigkeit: ungültiger Wert „Beschluss“; erlaubt: „Vorberatung“, „Entscheidung“, „Kenntnisnahme“, „Anhörung“ oder „Genehmigung“
    """  # noqa: E501
    if modell is None:
        modell = _modell(error.title)
    return [f"{feldpfad(e['loc'])}: {meldung(e, modell)}" for e in error.errors()]
