"""The formatter of one house style: how every value a template prints becomes German text.

A :class:`Formatter` is what a render is given (not what a template is compiled with), so
the same prepared template renders in any house style without being loaded again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import lru_cache, singledispatch
from typing import Any, Final

from pydantic import BaseModel

from vorlagen.errors import RenderError
from vorlagen.formatting.hausstil import Hausstil
from vorlagen.formatting.prosa import typografie_teile
from vorlagen.formatting.werte import (
    format_betrag,
    format_datum,
    format_termin,
    format_uhrzeit,
    format_vorschrift,
    format_zahl,
)
from vorlagen.schemas import (
    Betrag,
    BetragWert,
    DatumWert,
    Erlass,
    Freitext,
    Inhalt,
    Inline,
    Norm,
    ZahlWert,
)

__all__ = ["FILTERS", "Formatter", "Typography", "formatter"]

#: The filters a template may use, each a method of :class:`Formatter` of the same name.
FILTERS: Final = ("betrag", "datum", "datum_lang", "kopfdatum", "termin", "uhrzeit", "zahl")

#: Typography over the pieces of a paragraph: (text, may be changed) -> texts.
Typography = Callable[[Sequence[tuple[str, bool]]], list[str]]


@dataclass(frozen=True)
class Formatter:
    r"""Formats values in one house style; immutable, shared by every render that uses it.

    >>> from datetime import date
    >>> f = Formatter(Hausstil(waehrung="EUR"))
    >>> f.text(date(2016, 5, 1)), f.text(Betrag("161088")), f.text(None), f.text(True)
    ('01.05.2016', '161.088,00\xa0EUR', '', 'ja')
    >>> f.datum_lang(date(2016, 5, 1))
    '1.\xa0Mai\xa02016'
    """

    hausstil: Hausstil

    def filter(self, name: str) -> Callable[[Any], str]:
        """The filter called ``name`` (one of :data:`FILTERS`)."""
        if name not in FILTERS:
            msg = f"unbekannter Filter {name!r}"
            raise RenderError(msg)
        method: Callable[[Any], str] = getattr(self, name)
        return method

    @property
    def typography(self) -> Typography | None:
        """German typography for the prose of rich content, unless the house style is off."""
        return typografie_teile if self.hausstil.typografie else None

    # -- filters ------------------------------------------------------------------------------

    def datum(self, value: Any) -> str:
        """``{{ x|datum }}``: a date in the numeric form."""
        return format_datum(_checked(value, date, "datum"), self.hausstil.datum)

    def datum_lang(self, value: Any) -> str:
        """``{{ x|datum_lang }}``: a date in the long form."""
        return format_datum(_checked(value, date, "datum_lang"), self.hausstil.datum_lang)

    def kopfdatum(self, value: Any) -> str:
        """``{{ x|kopfdatum }}``: a date in the form the house style gives the header block."""
        stil = self.hausstil
        muster = stil.datum_lang if stil.kopfdatum == "lang" else stil.datum
        return format_datum(_checked(value, date, "kopfdatum"), muster)

    def termin(self, value: Any) -> str:
        """``{{ x|termin }}``: day of the week, long date and time ("Mittwoch, 9. Dezember …")."""
        return format_termin(_checked(value, datetime, "termin"), self.hausstil.datum_lang)

    def uhrzeit(self, value: Any) -> str:
        """``{{ x|uhrzeit }}``: the time of day ("17:00 Uhr")."""
        return format_uhrzeit(_checked(value, datetime, "uhrzeit"))

    def betrag(self, value: Any) -> str:
        """``{{ x|betrag }}``: money."""
        return format_betrag(_checked(value, Decimal | int, "betrag"), self.hausstil.waehrung)

    def zahl(self, value: Any) -> str:
        """``{{ x|zahl }}``: a number with German separators."""
        return format_zahl(_checked(value, Decimal | int, "zahl"))

    # -- values -------------------------------------------------------------------------------

    def inline(self, run: Inline) -> str:
        """A typed value inside rich content (amount, date, number, citation) as text."""
        if isinstance(run, BetragWert):
            return format_betrag(run.wert, self.hausstil.waehrung)
        if isinstance(run, DatumWert):
            muster = self.hausstil.datum_lang if run.stil == "lang" else self.hausstil.datum
            return format_datum(run.wert, muster)
        if isinstance(run, ZahlWert):
            return format_zahl(run.wert)
        if isinstance(run, Norm):
            return format_vorschrift(run, self.hausstil)
        msg = f"kein formatierbarer Wert: {type(run).__name__}"
        raise TypeError(msg)

    def text(self, value: Any) -> str:
        """Any value a ``{{ ... }}`` tag prints, as text in the house style."""
        return _text(value, self.hausstil)


@lru_cache(maxsize=64)
def formatter(hausstil: Hausstil) -> Formatter:
    """The formatter of a house style, made once per house style (a bounded cache)."""
    return Formatter(hausstil)


def _checked(value: Any, kind: Any, name: str) -> Any:
    """``value`` if a filter called ``name`` can format it; a RenderError otherwise."""
    if value is None:
        msg = f"Filter {name!r} auf einen leeren Wert angewandt; mit {{% if %}} absichern"
        raise RenderError(msg)
    if isinstance(value, bool) or not isinstance(value, kind):
        msg = f"Filter {name!r} passt nicht zu {type(value).__name__}"
        raise RenderError(msg)
    return value


@singledispatch
def _text(value: Any, stil: Hausstil) -> str:
    # what is none of the kinds below (a function, a loop, ...) has no text of its own; its
    # repr would put a memory address into the document
    msg = f"ein Wert der Art {type(value).__name__} kann nicht als Text ausgegeben werden"
    raise RenderError(msg)


@_text.register
def _(value: None, stil: Hausstil) -> str:
    return ""


@_text.register
def _(value: str, stil: Hausstil) -> str:
    return value


@_text.register
def _(value: bool, stil: Hausstil) -> str:
    return "ja" if value else "nein"


@_text.register
def _(value: Enum, stil: Hausstil) -> str:
    return str(value.value)


@_text.register
def _(value: int, stil: Hausstil) -> str:
    return str(value)  # years, counters, loop.index: never grouped ("2016", not "2.016")


@_text.register
def _(value: Decimal, stil: Hausstil) -> str:
    return format_zahl(value)


@_text.register
def _(value: Betrag, stil: Hausstil) -> str:
    return format_betrag(value, stil.waehrung)


@_text.register
def _(value: float, stil: Hausstil) -> str:
    return format_zahl(Decimal(repr(value)))


@_text.register
def _(value: date, stil: Hausstil) -> str:
    return format_datum(value, stil.datum)


@_text.register(Norm)
@_text.register(Erlass)
@_text.register(Freitext)
def _(value: Norm | Erlass | Freitext, stil: Hausstil) -> str:
    return format_vorschrift(value, stil)


@_text.register
def _(value: Inhalt, stil: Hausstil) -> str:
    msg = "Inhalt kann nur mit {{p ...}} in einem eigenen Absatz stehen"
    raise RenderError(msg)


@_text.register(BaseModel)
@_text.register(list)
@_text.register(dict)
def _(value: BaseModel | list[Any] | dict[Any, Any], stil: Hausstil) -> str:
    msg = f"ein {type(value).__name__} kann nicht als Text ausgegeben werden"
    raise RenderError(msg)
