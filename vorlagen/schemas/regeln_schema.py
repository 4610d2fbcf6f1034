"""The rules of a paper that JSON Schema 2020-12 can express, for its exported schema.

The model checks every rule; a system that is not written in Python checks a paper against
the exported schema before it sends it. So the schema says what it can: one-line fields and
the characters XML can hold (patterns of the text types, :mod:`vorlagen.schemas.text`), and
here the conditional requirements (``if``/``then``). What a schema cannot express is listed
in the schema's ``description`` (:data:`NUR_DIE_BIBLIOTHEK`).
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["NUR_DIE_BIBLIOTHEK", "klimarelevanz_regeln", "vorlage_regeln"]

#: The rules only the library checks, as the schema's description says them.
NUR_DIE_BIBLIOTHEK: Final = (
    "Die Regeln einer Sitzungsvorlage, die dieses Schema nicht ausdrücken kann und die nur "
    "die Bibliothek prüft: die Beratungsfolge ist nach Sitzungsdatum geordnet, und die "
    "Entscheidung ist ihre letzte Beratung; ein Bild ist ein PNG oder JPEG in den Grenzen "
    "für Größe und Maße; ein Bild als Pfad (pfad) liegt im Ordner der Vorlage; Markdown "
    "ergibt gültige Blöcke."
)

_ENTSCHEIDUNG: Final = {
    "type": "object",
    "properties": {"zustaendigkeit": {"const": "Entscheidung"}},
    "required": ["zustaendigkeit"],
}
_OHNE_BESCHLUSSVORSCHLAG: Final = [
    "Mitteilungsvorlage",
    "Berichtsvorlage",
    "Anfrage",
    "Beantwortung einer Anfrage",
]


def _wenn(bedingung: dict[str, Any], dann: dict[str, Any], beschreibung: str) -> dict[str, Any]:
    return {"description": beschreibung, "if": bedingung, "then": dann}


def _gesetzt(feld: str, wert: Any) -> dict[str, Any]:
    """The condition: ``feld`` is given and has ``wert``."""
    return {"properties": {feld: {"const": wert}}, "required": [feld]}


def _nicht_leer(feld: str) -> dict[str, Any]:
    """The requirement: ``feld`` is given and not null."""
    return {"required": [feld], "properties": {feld: {"not": {"type": "null"}}}}


def vorlage_regeln(schema: dict[str, Any]) -> None:
    """Add a paper's conditional rules to its JSON Schema (``json_schema_extra``)."""
    schema["description"] = f"{schema.get('description', '').strip()}\n\n{NUR_DIE_BIBLIOTHEK}"
    schema["allOf"] = [
        _wenn(
            _gesetzt("oeffentlich", False),
            _nicht_leer("nichtoeffentlich_grund"),
            "Eine nichtöffentliche Vorlage braucht einen Grund (nichtoeffentlich_grund).",
        ),
        _wenn(
            _gesetzt("oeffentlich", False),
            {
                "properties": {
                    "beratungsfolge": {"items": {"properties": {"oeffentlich": {"const": False}}}}
                }
            },
            "Eine nichtöffentliche Vorlage wird nur nichtöffentlich beraten.",
        ),
        _wenn(
            _gesetzt("fassung", "oeffentlich"),
            {
                "properties": {
                    "sachbearbeitung": {"type": "null"},
                    "oeffentlich": {"const": True},
                }
            },
            "Die öffentliche Fassung nennt keine Sachbearbeitung und ist öffentlich.",
        ),
        {
            "description": "Außer in der öffentlichen Fassung nennt eine Unterzeichnung den Namen.",
            "if": _gesetzt("fassung", "oeffentlich"),
            "else": {
                "properties": {"unterzeichnung": {"anyOf": [{"type": "null"}, _nicht_leer("name")]}}
            },
        },
        {
            "description": "Höchstens eine Beratung mit der Zuständigkeit „Entscheidung“.",
            "properties": {
                "beratungsfolge": {"contains": _ENTSCHEIDUNG, "minContains": 0, "maxContains": 1}
            },
        },
        _wenn(
            _gesetzt("art", "Beschlussvorlage"),
            {"properties": {"beratungsfolge": {"contains": _ENTSCHEIDUNG}}},
            "Eine Beschlussvorlage hat eine Beratung mit der Zuständigkeit „Entscheidung“.",
        ),
        _wenn(
            _gesetzt("art", "Mitteilungsvorlage"),
            {"properties": {"beratungsfolge": {"not": {"contains": _ENTSCHEIDUNG}}}},
            "Eine Mitteilungsvorlage wird nicht entschieden.",
        ),
        _wenn(
            {"not": {"properties": {"art": {"enum": _OHNE_BESCHLUSSVORSCHLAG}}}},
            _nicht_leer("beschlussvorschlag"),
            "Außer Mitteilungs- und Berichtsvorlagen, Anfragen und ihren Beantwortungen "
            "braucht jede Vorlage einen Beschlussvorschlag.",
        ),
    ]


def klimarelevanz_regeln(schema: dict[str, Any]) -> None:
    """Add to the Klimarelevanz's schema: a "ja, …" needs its Erläuterung."""
    schema["allOf"] = [
        _wenn(
            {"properties": {"bewertung": {"enum": ["ja, positiv", "ja, negativ"]}}},
            _nicht_leer("erlaeuterung"),
            "Eine Bewertung „ja, …“ braucht eine Erläuterung.",
        )
    ]
