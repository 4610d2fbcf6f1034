"""German messages for validation errors, one line per problem, naming the field."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

__all__ = ["fehlermeldungen", "feldpfad"]

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
    "enum": "ungültiger Wert; erlaubt: {expected}",
    "literal_error": "ungültiger Wert; erlaubt: {expected}",
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
    "union_tag_invalid": "unbekannter typ {tag}; erlaubt: {expected_tags}",
    "union_tag_not_found": "Angabe „{discriminator}“ fehlt",
    "frozen_instance": "unveränderlich",
}


def feldpfad(loc: tuple[int | str, ...]) -> str:
    """The field path of an error location, e.g. ``beratungsfolge.1.sitzungsdatum``.

    >>> feldpfad(("beratungsfolge", 1, "sitzungsdatum"))
    'beratungsfolge.1.sitzungsdatum'
    >>> feldpfad(())
    '(Vorlage)'
    """
    return ".".join(str(part) for part in loc) or "(Vorlage)"


def _message(error: ErrorDetails) -> str:
    if error["type"] == "value_error":
        cause: Any = (error.get("ctx") or {}).get("error")
        return str(cause) if cause is not None else error["msg"]
    template = _MESSAGES.get(error["type"])
    if template is None:
        return error["msg"]
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        return error["msg"]


def fehlermeldungen(error: ValidationError) -> list[str]:
    r"""One German line ``feld.pfad: Meldung`` per problem of a ValidationError.

    >>> from vorlagen.schemas import Anlage
    >>> try:
    ...     Anlage.model_validate({"titl": "Lageplan"})
    ... except ValidationError as e:
    ...     print("\n".join(fehlermeldungen(e)))
    titel: Pflichtfeld fehlt
    titl: unbekanntes Feld (Tippfehler?)
    """
    return [f"{feldpfad(e['loc'])}: {_message(e)}" for e in error.errors()]
