"""The rules of a paper that JSON Schema 2020-12 can express, for its exported schema.

The model checks every rule; a system that is not written in Python checks a paper against
the exported schema before it sends it. So the schema says what it can: one-line fields and
the characters XML can hold (patterns of the text types, :mod:`vorlagen.schemas.text`), and
here the conditional requirements (``if``/``then``). What a schema cannot express is listed
in the schema's ``description`` (:data:`NUR_DIE_BIBLIOTHEK`).
"""

from __future__ import annotations

from typing import Any, Final

__all__ = [
    "NUR_DIE_BIBLIOTHEK",
    "NUR_DIE_BIBLIOTHEK_NIEDERSCHRIFT",
    "NUR_DIE_BIBLIOTHEK_SITZUNG",
    "bild_regeln",
    "ergebnis_regeln",
    "finanzen_regeln",
    "fuer_andere",
    "klimarelevanz_regeln",
    "niederschrift_regeln",
    "norm_regeln",
    "oder_pfad",
    "sitzung_regeln",
    "top_regeln",
    "vorlage_regeln",
]

#: The rules only the library checks, as the schema's description says them.
NUR_DIE_BIBLIOTHEK: Final = (
    "Die Regeln einer Sitzungsvorlage, die dieses Schema nicht ausdrücken kann und die nur "
    "die Bibliothek prüft: die Beratungsfolge ist nach Sitzungsdatum geordnet, und die "
    "Entscheidung ist ihre letzte Beratung; ein Bild ist ein PNG oder JPEG in den Grenzen "
    "für Größe und Maße; ein Bild als Pfad (pfad) liegt im Ordner der Vorlage; Markdown "
    "ergibt gültige Blöcke; ein Block zeigt Text (nicht nur Leerraum); jede Zeile einer "
    "Tabelle hat so viele Zellen wie ihr Kopf; Listen sind höchstens drei Ebenen tief; ein "
    "Datum existiert (kein 30. Februar). Das Schema ist an manchen Stellen strenger als die "
    "Bibliothek, die auch Wahrheitswerte und Zahlen als Text, Daten mit Leerraum und "
    "Zeitpunkte ohne Uhrzeit liest: was das Schema annimmt, nimmt die Bibliothek an."
)

NUR_DIE_BIBLIOTHEK_SITZUNG: Final = (
    "Die Regeln einer Sitzung, die dieses Schema nicht ausdrücken kann und die nur die "
    "Bibliothek prüft: die öffentlichen Punkte stehen vor den nichtöffentlichen; das Ende "
    "liegt nach dem Beginn und die Einladung nicht nach der Sitzung; eine Vorlage als Pfad "
    "(in einer Datei) liegt im Ordner der Sitzung; die Regeln jeder Vorlage."
)
NUR_DIE_BIBLIOTHEK_NIEDERSCHRIFT: Final = (
    "Die Regeln einer Niederschrift, die dieses Schema nicht ausdrücken kann und die nur die "
    "Bibliothek prüft: jedes Ergebnis nennt einen Punkt der Sitzung, keinen zweimal; nicht "
    "mehr Stimmen als anwesende, nicht befangene Mitglieder; „beschlossen“ braucht mehr Ja- "
    "als Nein-Stimmen, „abgelehnt“ nicht mehr; die Stimmen der Fraktionen ergeben die Summe; "
    "das Ende liegt nach dem Beginn; die Regeln der Sitzung."
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


def _regeln(schema: dict[str, Any], nur: str, regeln: list[dict[str, Any]]) -> None:
    schema["description"] = f"{schema.get('description', '').strip()}\n\n{nur}"
    schema["allOf"] = regeln


_NICHTOEFFENTLICH: Final = _gesetzt("oeffentlich", False)
_NICHTOEFFENTLICHE_VORLAGE: Final = {
    "required": ["vorlage"],
    "properties": {"vorlage": _gesetzt("oeffentlich", False)},
}


def sitzung_regeln(schema: dict[str, Any]) -> None:
    """Add a meeting's conditional rules to its JSON Schema."""
    nichtoeffentlicher_top_intern = {
        "if": {"anyOf": [_NICHTOEFFENTLICH, _NICHTOEFFENTLICHE_VORLAGE]},
        "then": {
            "anyOf": [
                _nicht_leer("nichtoeffentlich_grund"),
                _NICHTOEFFENTLICHE_VORLAGE,  # its paper's reason (a paper must give one)
                {"required": ["vorlage"], "properties": {"vorlage": {"type": "string"}}},
            ]
        },
    }
    nur_titel = {"properties": {"vorlage": {"type": "null"}, "erlaeuterung": {"type": "null"},
                                "nichtoeffentlich_grund": {"type": "null"},
                                "unterpunkte": {"items": {"properties": {
                                    "vorlage": {"type": "null"},
                                    "erlaeuterung": {"type": "null"}}}}}}  # fmt: skip
    oeffentliche_vorlage = {"anyOf": [{"type": "null"}, _gesetzt("fassung", "oeffentlich")]}
    oeffentlicher_top_oeffentlich = {
        "if": {"not": {"anyOf": [_NICHTOEFFENTLICH, _NICHTOEFFENTLICHE_VORLAGE]}},
        "then": {
            "properties": {
                "vorlage": oeffentliche_vorlage,
                "unterpunkte": {"items": {"properties": {"vorlage": oeffentliche_vorlage}}},
            }
        },
        "else": nur_titel,
    }
    _regeln(
        schema,
        NUR_DIE_BIBLIOTHEK_SITZUNG,
        [
            {
                "description": "In der internen Fassung braucht ein nichtöffentlicher Punkt einen "
                "Grund (seinen eigenen oder den seiner Vorlage).",
                "if": _gesetzt("fassung", "oeffentlich"),
                "else": {"properties": {"tagesordnung": {"items": nichtoeffentlicher_top_intern}}},
            },
            _wenn(
                _gesetzt("fassung", "oeffentlich"),
                {"properties": {"tagesordnung": {"items": oeffentlicher_top_oeffentlich}}},
                "Die öffentliche Fassung nennt von einem nichtöffentlichen Punkt nur den Titel, "
                "und die Vorlagen der öffentlichen Punkte in ihrer öffentlichen Fassung.",
            ),
            _wenn(
                _gesetzt("nichtoeffentlicher_teil_folgt", True),
                _gesetzt("fassung", "oeffentlich"),
                "Nur die öffentliche Fassung sagt, dass ein nichtöffentlicher Teil folgt.",
            ),
            {
                "description": "Eine Tagesordnung ohne Punkte nur in der öffentlichen Fassung, "
                "auf die ein nichtöffentlicher Teil folgt.",
                "if": _gesetzt("nichtoeffentlicher_teil_folgt", True),
                "else": {
                    "required": ["tagesordnung"],
                    "properties": {"tagesordnung": {"minItems": 1}},
                },
            },
        ],
    )


def top_regeln(schema: dict[str, Any]) -> None:
    """Add an item's rules: not more public than its paper, nor its Unterpunkte' papers."""
    schema["allOf"] = [
        _wenn(
            _NICHTOEFFENTLICHE_VORLAGE,
            {"properties": {"oeffentlich": {"const": False}}},
            "Der Punkt einer nichtöffentlichen Vorlage ist nichtöffentlich.",
        ),
        _wenn(
            {"not": _NICHTOEFFENTLICH},
            {"properties": {"unterpunkte": {"items": {"not": _NICHTOEFFENTLICHE_VORLAGE}}}},
            "Unter einem öffentlichen Punkt steht keine nichtöffentliche Vorlage.",
        ),
    ]


_MIT_ABSTIMMUNG: Final = ["beschlossen", "ungeändert beschlossen", "geändert beschlossen",
                          "abgelehnt"]  # fmt: skip


def ergebnis_regeln(schema: dict[str, Any]) -> None:
    """Add a result's rules: a vote where one was taken, the text of a changed decision."""
    schema["allOf"] = [
        _wenn(
            {"properties": {"status": {"enum": _MIT_ABSTIMMUNG}}, "required": ["status"]},
            _nicht_leer("abstimmung"),
            "Beschlossen oder abgelehnt wird abgestimmt: die Abstimmung angeben.",
        ),
        _wenn(
            _gesetzt("status", "geändert beschlossen"),
            _nicht_leer("beschluss"),
            "„geändert beschlossen“ braucht den Beschluss in der geänderten Fassung.",
        ),
    ]


def niederschrift_regeln(schema: dict[str, Any]) -> None:
    """Name in a Niederschrift's schema what only the library checks."""
    schema["description"] = (
        f"{schema.get('description', '').strip()}\n\n{NUR_DIE_BIBLIOTHEK_NIEDERSCHRIFT}"
    )


def oder_pfad(schema: dict[str, Any]) -> None:
    """A model that a file may give as the path of its own file (``Field`` extra)."""
    modell = dict(schema)
    beschreibung = modell.pop("description", None)
    schema.clear()
    schema["anyOf"] = [
        modell,
        {
            "type": "string",
            "minLength": 1,
            "description": "der Pfad der JSON- oder YAML-Datei, relativ zur Datei, die ihn "
            "nennt (nur in Dateien)",
        },
    ]
    if beschreibung:
        schema["description"] = beschreibung


def bild_regeln(schema: dict[str, Any]) -> None:
    """An image as data (Base64) or as the path of its file."""
    schema["required"] = [r for r in schema.get("required", []) if r != "daten"]
    schema["anyOf"] = [{"required": ["daten"]}, {"required": ["pfad"]}]
    daten = schema["properties"]["daten"]
    daten.pop("format", None)
    daten["pattern"] = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
    schema["properties"]["pfad"] = {
        "type": "string",
        "minLength": 1,
        "description": "die Bilddatei (PNG oder JPEG), relativ zum Ordner der Vorlage (nur in "
        "Dateien)",
    }


def finanzen_regeln(schema: dict[str, Any]) -> None:
    """Costs not yet worked out: no positions, an explanation why."""
    schema["allOf"] = [
        _wenn(
            _gesetzt("beziffert", False),
            {
                **_nicht_leer("erlaeuterung"),
                "properties": {
                    "erlaeuterung": {"not": {"type": "null"}},
                    "positionen": {"maxItems": 0},
                },
            },
            "Noch nicht beziffert: keine Positionen, aber eine Erläuterung.",
        )
    ]


def norm_regeln(schema: dict[str, Any]) -> None:
    """A list of paragraphs has at least one."""
    for form in schema["properties"]["paragraf"].get("anyOf", []):
        if form.get("type") == "array":
            form["minItems"] = 1


def fuer_andere(schema: dict[str, Any]) -> dict[str, Any]:
    """The exported schema as validators of other ecosystems read it (in place, returned).

    A union of blocks is a ``oneOf`` that pydantic marks with OpenAPI's ``discriminator``,
    a keyword JSON Schema does not have (ajv refuses it in strict mode): it goes, and each
    alternative requires ``typ`` instead, as the model does where it chooses by ``typ``.
    """
    _ohne_discriminator(schema)
    return schema


def _ohne_discriminator(node: Any) -> None:
    if isinstance(node, dict):
        discriminator = node.pop("discriminator", None)
        if isinstance(discriminator, dict):
            feld = discriminator.get("propertyName", "typ")
            for form in node.get("oneOf", []):
                form["required"] = [feld]
        for value in node.values():
            _ohne_discriminator(value)
    elif isinstance(node, list):
        for value in node:
            _ohne_discriminator(value)
