"""vorlagen: German council papers (Sitzungsvorlagen) from typed models to DOCX.

>>> import vorlagen
>>> vorlagen.Vorlagenart.BESCHLUSSVORLAGE.value
'Beschlussvorlage'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vorlagen._lazy import attribute
from vorlagen.errors import (
    ConversionError,
    DataError,
    OParlError,
    ProblemKind,
    RenderError,
    TemplateError,
    TemplateProblem,
    VorlagenError,
)
from vorlagen.formatting.hausstil import Hausstil
from vorlagen.schemas import _LAZY as _SCHEMAS_LATER
from vorlagen.schemas import (
    Absatz,
    Anlage,
    Beratung,
    Betrag,
    BetragWert,
    Bild,
    Code,
    DatumWert,
    Erlass,
    Fett,
    FinanzielleAuswirkungen,
    Finanzposition,
    Freitext,
    Inhalt,
    Klimarelevanz,
    Kursiv,
    Link,
    Liste,
    Listeneintrag,
    Norm,
    Sachbearbeitung,
    Sitzungsvorlage,
    Tabelle,
    Ueberschrift,
    Unterzeichnung,
    Vorlagenart,
    ZahlWert,
    Zitat,
    Zustaendigkeit,
)

if TYPE_CHECKING:
    from vorlagen.accessibility import AccessibilityProblem, check_accessibility
    from vorlagen.api import render, render_many, render_pdf, save
    from vorlagen.batch import RenderResult
    from vorlagen.daten import read
    from vorlagen.documents import (
        render_auszug,
        render_einladung,
        render_mappe,
        render_mappe_pdf,
        render_niederschrift,
    )
    from vorlagen.pdf import to_pdf, to_pdf_many
    from vorlagen.regeln import Befund, Geschaeftsordnung, pruefen
    from vorlagen.schemas import (
        Abstimmung,
        Beschlussauszug,
        Ergebnis,
        Ergebnisstatus,
        Fraktionsstimmen,
        Mitglied,
        Niederschrift,
        Sitzung,
        Tagesordnungspunkt,
        Teilnehmer,
        Unterpunkt,
        Vorsitz,
    )
    from vorlagen.template import Dokument, Fassung, Template, check_template, shipped_templates

__version__ = "0.1.0"

__all__ = [
    "Absatz",
    "Abstimmung",
    "AccessibilityProblem",
    "Anlage",
    "Befund",
    "Beratung",
    "Beschlussauszug",
    "Betrag",
    "BetragWert",
    "Bild",
    "Code",
    "ConversionError",
    "DataError",
    "DatumWert",
    "Dokument",
    "Ergebnis",
    "Ergebnisstatus",
    "Erlass",
    "Fassung",
    "Fett",
    "FinanzielleAuswirkungen",
    "Finanzposition",
    "Fraktionsstimmen",
    "Freitext",
    "Geschaeftsordnung",
    "Hausstil",
    "Inhalt",
    "Klimarelevanz",
    "Kursiv",
    "Link",
    "Liste",
    "Listeneintrag",
    "Mitglied",
    "Niederschrift",
    "Norm",
    "OParlError",
    "ProblemKind",
    "RenderError",
    "RenderResult",
    "Sachbearbeitung",
    "Sitzung",
    "Sitzungsvorlage",
    "Tabelle",
    "Tagesordnungspunkt",
    "Teilnehmer",
    "Template",
    "TemplateError",
    "TemplateProblem",
    "Ueberschrift",
    "Unterpunkt",
    "Unterzeichnung",
    "VorlagenError",
    "Vorlagenart",
    "Vorsitz",
    "ZahlWert",
    "Zitat",
    "Zustaendigkeit",
    "__version__",
    "check_accessibility",
    "check_template",
    "pruefen",
    "read",
    "render",
    "render_auszug",
    "render_einladung",
    "render_many",
    "render_mappe",
    "render_mappe_pdf",
    "render_niederschrift",
    "render_pdf",
    "save",
    "shipped_templates",
    "to_pdf",
    "to_pdf_many",
]

# Rendering, checking and converting load docxtpl, python-docx, lxml and Jinja: they load on
# first use, so that a program that only builds and validates papers starts fast.
_LAZY = {
    # the meeting and its minutes: vorlagen.schemas loads them on first use
    **dict.fromkeys((n for n in _SCHEMAS_LATER if n in __all__), "vorlagen.schemas"),
    "AccessibilityProblem": "vorlagen.accessibility",
    "check_accessibility": "vorlagen.accessibility",
    "read": "vorlagen.daten",
    "pruefen": "vorlagen.regeln",
    "Befund": "vorlagen.regeln",
    "Geschaeftsordnung": "vorlagen.regeln",
    "render": "vorlagen.api",
    "render_pdf": "vorlagen.api",
    "render_einladung": "vorlagen.documents",
    "render_mappe": "vorlagen.documents",
    "render_mappe_pdf": "vorlagen.documents",
    "render_niederschrift": "vorlagen.documents",
    "render_auszug": "vorlagen.documents",
    "render_many": "vorlagen.api",
    "save": "vorlagen.api",
    "RenderResult": "vorlagen.batch",
    "to_pdf": "vorlagen.pdf",
    "to_pdf_many": "vorlagen.pdf",
    "Dokument": "vorlagen.template",
    "Fassung": "vorlagen.template",
    "Template": "vorlagen.template",
    "check_template": "vorlagen.template",
    "shipped_templates": "vorlagen.template",
}


def __getattr__(name: str) -> Any:
    return attribute(__name__, _LAZY, name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
