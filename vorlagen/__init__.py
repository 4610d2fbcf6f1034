"""vorlagen: German council papers (Sitzungsvorlagen) from typed models to DOCX.

>>> import vorlagen
>>> vorlagen.Vorlagenart.BESCHLUSSVORLAGE.value
'Beschlussvorlage'
"""

from __future__ import annotations

from vorlagen.accessibility import AccessibilityProblem, check_accessibility
from vorlagen.batch import RenderResult, render_many
from vorlagen.errors import (
    ConversionError,
    RenderError,
    TemplateError,
    TemplateProblem,
    VorlagenError,
)
from vorlagen.formatting import Hausstil
from vorlagen.pdf import to_pdf, to_pdf_many
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
from vorlagen.template import Fassung, Template, check_template, render, save

__version__ = "0.1.0"

__all__ = [
    "Absatz",
    "AccessibilityProblem",
    "Anlage",
    "Beratung",
    "Betrag",
    "BetragWert",
    "Bild",
    "Code",
    "ConversionError",
    "DatumWert",
    "Erlass",
    "Fassung",
    "Fett",
    "FinanzielleAuswirkungen",
    "Finanzposition",
    "Freitext",
    "Hausstil",
    "Inhalt",
    "Klimarelevanz",
    "Kursiv",
    "Link",
    "Liste",
    "Listeneintrag",
    "Norm",
    "RenderError",
    "RenderResult",
    "Sachbearbeitung",
    "Sitzungsvorlage",
    "Tabelle",
    "Template",
    "TemplateError",
    "TemplateProblem",
    "Ueberschrift",
    "Unterzeichnung",
    "VorlagenError",
    "Vorlagenart",
    "ZahlWert",
    "Zitat",
    "Zustaendigkeit",
    "__version__",
    "check_accessibility",
    "check_template",
    "render",
    "render_many",
    "save",
    "to_pdf",
    "to_pdf_many",
]
