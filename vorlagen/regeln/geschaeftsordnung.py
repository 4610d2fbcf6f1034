"""The rules a body sets itself: its Geschäftsordnung, as the checks need it.

The law leaves the Ladungsfrist, the deadline for a Nachtrag, the reasons for a non-public
item and much else to each body's Geschäftsordnung (for a Kreis: § 32 Abs. 2 KrO NRW). The
defaults are values many NRW bodies use (six calendar days to call, three working days in an
urgent case, three days for a Nachtrag, a catalogue of the usual reasons for a non-public
item); a body sets its own in a TOML file, every value with the paragraph of its
Geschäftsordnung, which the findings then cite.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Annotated, Final, Literal

import holidays
from pydantic import ConfigDict, Field, field_validator

from vorlagen.schemas._base import Modell

__all__ = ["Frist", "Geschaeftsordnung", "Grund", "Koerperschaftsart", "Vorberatung"]

Koerperschaftsart = Literal["kreis", "gemeinde"]


class Frist(Modell):
    """A deadline in days, counted in calendar days or working days (Werktage).

    Counted are the days between the two dates, neither of them: an Einladung of Monday
    for a meeting on the Monday after has six days between them.
    """

    tage: int = Field(ge=0, le=365, description="Anzahl der Tage")
    zaehlung: Literal["kalendertage", "werktage"] = Field(
        default="kalendertage",
        description="Kalendertage, oder Werktage: ohne Sonntage und Feiertage des Landes "
        "(und ohne Samstage, wenn die Geschäftsordnung sie nicht zählt)",
    )
    paragraph: str | None = Field(
        default=None, description="die Stelle der Geschäftsordnung, z. B. „§ 1 Abs. 1“"
    )

    def __str__(self) -> str:
        return tage(self.tage, self.zaehlung)


def tage(anzahl: int, zaehlung: str) -> str:
    """A number of days in German: "1 Werktag", "3 Kalendertage".

    >>> tage(1, "werktage"), tage(0, "kalendertage")
    ('1 Werktag', '0 Kalendertage')
    """
    einheit = {"kalendertage": "Kalendertag", "werktage": "Werktag"}[zaehlung]
    return f"{anzahl} {einheit}" if anzahl == 1 else f"{anzahl} {einheit}e"


class Grund(Modell):
    """A reason the Geschäftsordnung allows for a non-public item, and how to know it."""

    bezeichnung: str = Field(min_length=1, description="z. B. „Personalangelegenheiten“")
    stichworte: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list,
        description="Wortanfänge, an denen der Grund eines Punktes zu erkennen ist, z. B. "
        "„personal“; „niederschrift&nichtöffentlich“ verlangt beide; ohne Angabe die "
        "Bezeichnung",
    )

    def passt(self, text: str) -> bool:
        """Whether the reason ``text`` names this one: a Stichwort begins one of its words.

        Case, Unicode form and the spelling "nicht öffentlich"/"nicht-öffentlich" aside.

        >>> personal = Grund(bezeichnung="Personalangelegenheiten", stichworte=["personal"])
        >>> personal.passt("Personal- und Vertragsangelegenheiten"), personal.passt("Fachpersonal")
        (True, False)
        >>> Grund(bezeichnung="N", stichworte=["niederschrift&nichtöffentlich"]).passt(
        ...     "Niederschrift des nicht öffentlichen Teils")
        True
        """
        gefaltet = _gefaltet(text)
        return any(
            all(
                re.search(rf"(?<!\w){re.escape(_gefaltet(teil))}", gefaltet)
                for teil in wort.split("&")
            )
            for wort in self.stichworte or [self.bezeichnung]
        )


def _gefaltet(text: str) -> str:
    """Text to compare: NFC, case-folded, "nicht öffentlich" in one word."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"nicht[\s-]+öffentlich", "nichtöffentlich", folded)


class Vorberatung(Modell):
    """Which Gremium must prepare what another decides (Kreisausschuss before Kreistag)."""

    entscheidung: str = Field(description="das entscheidende Gremium, z. B. „Kreistag“")
    vorberatung: list[str] = Field(
        min_length=1, description="die Gremien, von denen eines vorberaten muss"
    )
    paragraph: str | None = None


def _gruende() -> list[Grund]:
    return [
        Grund(bezeichnung="Personalangelegenheiten", stichworte=["personal"]),
        Grund(
            bezeichnung="Grundstücksangelegenheiten",
            stichworte=["grundstück", "liegenschaft", "erbbau", "grunderwerb", "flurstück"],
        ),
        Grund(bezeichnung="Vergaben", stichworte=["vergabe", "ausschreibung", "zuschlag"]),
        Grund(
            bezeichnung="Verträge und Geschäftsgeheimnisse Dritter",
            stichworte=["vertrag", "verträge", "geschäftsgeheim", "betriebsgeheim"],
        ),
        Grund(
            bezeichnung="Angelegenheiten Einzelner (Steuern, Abgaben, Sozialleistungen)",
            stichworte=[
                "steuern",
                "steuersache",
                "steuerangelegenheit",
                "abgabe",
                "stundung",
                "sozialleistung",
                "sozialhilfe",
                "einzelfall",
                "einzelner",
                "schutzwürdig",
            ],
        ),
        Grund(
            bezeichnung="Rechtsstreitigkeiten",
            stichworte=["rechtsstreit", "klage", "prozess", "gerichtsverfahren"],
        ),
        Grund(bezeichnung="Rechnungsprüfung", stichworte=["rechnungsprüfung", "prüfbericht"]),
        Grund(
            bezeichnung="Niederschriften und Mitteilungen nichtöffentlicher Sitzungen",
            stichworte=[
                "niederschrift&nichtöffentlich",
                "protokoll&nichtöffentlich",
                "mitteilung&nichtöffentlich",
                "bekanntgabe&nichtöffentlich",
            ],
        ),
    ]


_LAENDER: Final = ("BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL",
                   "SN", "ST", "TH", "NRW")  # fmt: skip
# the codes in any case, as the model reads them (ECMA-262 knows no inline flags)
_LAENDER_MUSTER: Final = (
    "^(" + "|".join("".join(f"[{c.lower()}{c.upper()}]" for c in code) for code in _LAENDER) + ")$"
)


class Geschaeftsordnung(Modell):
    """A body's Geschäftsordnung, as far as the checks need it; the defaults suit NRW.

    Load a body's own with :meth:`from_toml`; each value may name its paragraph, which the
    findings cite beside the law.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Die Geschäftsordnung einer Körperschaft, soweit die Prüfung sie "
            "braucht.\n\nNur die Bibliothek prüft: das Nummernmuster ist ein regulärer Ausdruck "
            "(in Pythons Schreibweise)."
        }
    )

    name: str = Field(default="GeschO", description="wie die Befunde sie nennen")
    koerperschaft: Koerperschaftsart | None = Field(
        default=None,
        description="kreis (Kreisordnung) oder gemeinde (Gemeindeordnung); ohne Angabe aus "
        "dem Namen der Körperschaft („Kreis …“, „…kreis“: kreis)",
    )
    land: str = Field(
        default="NW",
        description="Bundesland für die Feiertage (holidays), z. B. „NW“",
        json_schema_extra={"pattern": _LAENDER_MUSTER},
    )
    vertretung: str | None = Field(
        default=None,
        description="die Vertretung, die Dringlichkeitsentscheidungen genehmigt; ohne Angabe "
        "„Kreistag“ oder „Rat“",
    )
    samstag_werktag: bool = Field(
        default=True, description="ob Samstage als Werktage zählen (so das BGB)"
    )
    ladungsfrist: Frist = Field(default_factory=lambda: Frist(tage=6))
    ladungsfrist_dringlich: Frist = Field(
        default_factory=lambda: Frist(tage=3, zaehlung="werktage"),
        description="die abgekürzte Ladungsfrist einer dringlichen Sitzung",
    )
    nachtragsfrist: Frist = Field(
        default_factory=lambda: Frist(tage=3),
        description="wie lange vor der Sitzung ein Punkt nachgetragen werden kann; später nur, "
        "wenn er dringlich ist",
    )
    nichtoeffentlich_gruende: list[Grund] = Field(default_factory=_gruende)
    nichtoeffentlich_paragraph: str | None = None
    nummernmuster: str | None = Field(
        default=None,
        description="regulärer Ausdruck der Vorlagen-Nr., z. B. „^\\d{4}/\\d{4}$“; ohne "
        "Angabe keine Prüfung",
    )
    nummernmuster_paragraph: str | None = None
    vorberatung: list[Vorberatung] | None = Field(
        default=None,
        description="wer welche Entscheidung vorberät; ohne Angabe bei einem Kreis der "
        "Kreisausschuss die Entscheidungen des Kreistages",
    )
    deckung_paragraph: str | None = Field(
        default=None,
        description="die Stelle zur Deckung über- und außerplanmäßiger Aufwendungen (für einen "
        "Kreis; für eine Gemeinde zitieren die Befunde § 83 Abs. 1 Satz 2 GO NRW)",
    )
    befangenheit_paragraph: str | None = Field(
        default=None,
        description="die Stelle zur Befangenheit (für einen Kreis; für eine Gemeinde zitieren "
        "die Befunde § 31 GO NRW)",
    )
    niederschrift_paragraph: str | None = Field(
        default=None,
        description="die Stelle zur Niederschrift eines Ausschusses (für Kreistag, "
        "Kreisausschuss und Rat zitieren die Befunde das Gesetz)",
    )
    dringlichkeit_paragraph: str | None = Field(
        default=None,
        description="die Stelle zu Dringlichkeitsentscheidungen (für einen Kreis, dessen "
        "Kreisordnung die Befunde nicht zitieren)",
    )

    @field_validator("land")
    @classmethod
    def _land(cls, value: str) -> str:
        kuerzel = {"NRW": "NW"}.get(value.upper(), value.upper())
        laender = sorted(s for s in holidays.country_holidays("DE").subdivisions if len(s) == 2)
        if kuerzel not in laender:
            msg = (
                f"kein Land: „{value}“; erlaubt sind {', '.join(laender)} (NW: Nordrhein-Westfalen)"
            )
            raise ValueError(msg)
        return kuerzel

    @field_validator("nummernmuster")
    @classmethod
    def _muster(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as e:
                msg = f"kein gültiger regulärer Ausdruck: {e}"
                raise ValueError(msg) from e
        return value

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> Geschaeftsordnung:
        """Read a Geschäftsordnung from a TOML file (keys as the fields).

        Raises:
            OSError: the file cannot be read.
            ValueError: it is no TOML (``tomllib.TOMLDecodeError``) or no valid
                Geschäftsordnung (pydantic's ``ValidationError``, naming the field).
        """
        with Path(path).open("rb") as file:
            data = tomllib.load(file)
        return cls.model_validate(data)

    def art(self, koerperschaft: str) -> Koerperschaftsart:
        """Kreis or Gemeinde: as set, else from the body's name.

        >>> go = Geschaeftsordnung()
        >>> go.art("Kreis Lindenau"), go.art("Hochsauerlandkreis"), go.art("Kreisstadt Siegburg")
        ('kreis', 'kreis', 'gemeinde')
        >>> go.art("Kreis- und Universitätsstadt Siegen"), go.art("Rhein-Kreis Neuss")
        ('gemeinde', 'kreis')
        """
        if self.koerperschaft is not None:
            return self.koerperschaft
        # "Kreis Lindenau", "Rhein-Kreis Neuss", "Hochsauerlandkreis"; not "Kreisstadt …" or
        # "Kreis- und Universitätsstadt Siegen"
        kreis = re.search(r"kreis\b(?!\s*-)", koerperschaft, re.IGNORECASE)
        return "kreis" if kreis and not re.search(r"stadt\b", koerperschaft) else "gemeinde"

    def vorberatung_fuer(self, art: Koerperschaftsart) -> list[Vorberatung]:
        """Who prepares which decision.

        As set; else for a Kreis the Kreisausschuss prepares the Kreistag's decisions.
        """
        if self.vorberatung is not None:
            return self.vorberatung
        if art == "kreis":
            return [Vorberatung(entscheidung="Kreistag", vorberatung=["Kreisausschuss"])]
        return []

    def stelle(self, paragraph: str | None, was: str) -> str:
        """How a finding cites this Geschäftsordnung: "§ 1 Abs. 1 GeschO" or "GeschO (was)"."""
        return f"{paragraph} {self.name}" if paragraph else f"{self.name} ({was})"
