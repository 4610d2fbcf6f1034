"""Text and date types shared by the models: XML-safe text, one-line text, ISO dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

__all__ = ["Datum", "Lauf", "Text", "Zeile", "Zeitpunkt"]

# Everything XML 1.0 cannot hold: C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF.
# (Written as what is refused rather than as the complement of what is allowed: the same set,
# but a tenth of the time to compile, which every import pays.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_HINTS = {
    "\x0b": "ein vertikaler Tabulator (aus Word kopierter Zeilenumbruch): durch \\n ersetzen",
    "\x0c": "ein Seitenvorschub: durch eine Leerzeile ersetzen",
    "\x00": "ein Nullzeichen: entfernen",
}


def _xml_safe(value: Any) -> Any:
    """Normalise line ends and reject what an XML document cannot contain.

    Runs before pydantic's own string checks, which would refuse a lone surrogate with a
    message that names neither the character nor its place.
    """
    if not isinstance(value, str):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    bad = _NOT_XML.search(value)
    if bad is not None:
        char = bad.group()
        name = _describe(char)
        hint = _HINTS.get(char, "entfernen oder ersetzen")
        raise PydanticCustomError(
            "unzulaessiges_zeichen",
            "Zeichen U+{codepoint} ({name}) an Position {position} ist in einem Dokument "
            "nicht darstellbar; {hint}",
            {
                "codepoint": f"{ord(char):04X}",
                "name": name,
                "position": bad.start() + 1,
                "hint": hint,
            },
        )
    return value


def _describe(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "einzelnes Surrogat, Zeichen falsch kodiert"
    if code in (0xFFFE, 0xFFFF):
        return "Nichtzeichen"
    return unicodedata.name(char, "Steuerzeichen")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("leerer_text", "darf nicht leer sein", {})
    return value


def _one_line(value: str) -> str:
    if "\n" in value:
        raise PydanticCustomError(
            "zeilenumbruch",
            "muss eine einzige Zeile sein (Zeilenumbruch an Position {position})",
            {"position": value.index("\n") + 1},
        )
    return value


# The same rules as patterns of the JSON Schema (ECMA-262 with the "u" flag, as validators of
# JSON Schema 2020-12 read them): the characters XML can hold, a character that is not
# whitespace as Python's str.strip() sees it, and for one line neither \n nor \r (which the
# model reads as a line break).
_XML: Final = r"[^\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]"
_LINE: Final = r"[^\u0000-\u0008\u000A-\u001F\uD800-\uDFFF\uFFFE\uFFFF]"
_NOT_BLANK: Final = (
    r"[^\u0000-\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
    r"\uD800-\uDFFF\uFFFE\uFFFF]"
)
_KEIN_LEERRAUM: Final = (
    r"\u0000-\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
    r"\uD800-\uDFFF\uFFFE\uFFFF"
)
LAUF_MUSTER: Final = rf"^{_XML}*$"
#: An e-mail address as the model checks it, as a pattern for other validators.
EMAIL_MUSTER: Final = rf"^[^@{_KEIN_LEERRAUM}]+@[^@{_KEIN_LEERRAUM}]+\.[^@{_KEIN_LEERRAUM}]+$"
#: A link target as the model checks it.
LINK_MUSTER: Final = (
    r"^([hH][tT][tT][pP][sS]?://|[mM][aA][iI][lL][tT][oO]:)[^<>" + '"' + _KEIN_LEERRAUM + "]+$"
)
TEXT_MUSTER: Final = rf"^{_XML}*{_NOT_BLANK}{_XML}*$"
ZEILE_MUSTER: Final = rf"^{_LINE}*{_NOT_BLANK}{_LINE}*$"

Lauf = Annotated[str, BeforeValidator(_xml_safe), Field(json_schema_extra={"pattern": LAUF_MUSTER})]
"""A piece of running text; may be blank (a space between two typed values)."""

Text = Annotated[
    str,
    BeforeValidator(_xml_safe),
    AfterValidator(_not_blank),
    Field(json_schema_extra={"pattern": TEXT_MUSTER}),
]
"""Text of one or more lines (``\\n`` is a line break), anything XML 1.0 can hold."""

Zeile = Annotated[
    str,
    BeforeValidator(_xml_safe),
    AfterValidator(_not_blank),
    AfterValidator(_one_line),
    Field(json_schema_extra={"pattern": ZEILE_MUSTER}),
]
"""Text of exactly one line."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _date_input(value: Any) -> Any:
    """Accept dates and ISO strings; refuse timestamps and German-format strings with a hint."""
    if isinstance(value, datetime):
        raise PydanticCustomError(
            "datum_mit_uhrzeit", "ein Datum ohne Uhrzeit erwartet, z. B. date(2016, 5, 1)", {}
        )
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        german = _GERMAN_DATE.fullmatch(value.strip())
        if german is not None:
            day, month, year = german.groups()
            raise PydanticCustomError(
                "datum_format",
                "Datum im Format JJJJ-MM-TT angeben: „{iso}“ statt „{value}“",
                {"iso": f"{year}-{int(month):02d}-{int(day):02d}", "value": value},
            )
        if _ISO_DATE.fullmatch(value.strip()):
            return value.strip()
    raise PydanticCustomError(
        "datum_format", "Datum im Format JJJJ-MM-TT erwartet, z. B. „2016-05-01“", {}
    )


Datum = Annotated[
    date,
    BeforeValidator(_date_input),
    Field(json_schema_extra={"examples": ["2016-05-01"]}),
]
"""A calendar date, given as ``datetime.date`` or ISO string ``"2016-05-01"``."""


def _zeitpunkt_schema(schema: dict[str, Any]) -> None:
    """A date and time as the model reads it: with or without a zone.

    The format "date-time" of JSON Schema means RFC 3339's, which requires a zone.
    """
    schema.pop("format", None)
    schema["pattern"] = (
        r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d"
        r"(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$"
    )
    schema.setdefault("examples", ["2026-12-09T17:00"])


Zeitpunkt = Annotated[datetime, Field(json_schema_extra=_zeitpunkt_schema)]
"""A date and time, e.g. ``"2026-12-09T17:00"``; without a zone it is local time."""
