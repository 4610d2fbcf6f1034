"""German values: dates, amounts, numbers and legal citations (DIN 5008, CLDR de_DE).

Plain functions on babel with the locale passed explicitly. No-break spaces (U+00A0) stand
between an amount and its currency, inside citations and inside long dates, so that a line
never breaks between ``§`` and its number or between ``14.`` and ``Dezember 2023``. A negative
value has the minus sign U+2212, as DIN 5008 and typesetting want it, not the hyphen-minus
babel's CLDR data gives German.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Literal

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

from vorlagen.formatting.hausstil import DIN_5008, LOCALE, Hausstil
from vorlagen.schemas.vorschrift import Erlass, Freitext, Norm

__all__ = [
    "MINUS",
    "NBSP",
    "format_betrag",
    "format_datum",
    "format_erlass",
    "format_norm",
    "format_termin",
    "format_uhrzeit",
    "format_vorschrift",
    "format_zahl",
]

NBSP = "\xa0"
MINUS = "\u2212"
_CENT = Decimal("0.01")
_DE_SEPARATORS = str.maketrans({",": ".", ".": ","})
_CURRENCY_SIGNS = {"€": "€", "EUR": "EUR"}
_FAST_LIMIT = Decimal(10) ** 15
# babel's patterns and locale, parsed once: formatting runs for every value of every paper
_LOCALE = Locale.parse(LOCALE)
_CURRENCY_PATTERNS = {
    "€": parse_pattern("#,##0.00\xa0¤"),
    "EUR": parse_pattern("#,##0.00\xa0¤¤"),
}


def format_datum(value: date, muster: str = DIN_5008.datum) -> str:
    r"""Format a date with a babel pattern in German; its spaces are no-break spaces.

    >>> format_datum(date(2016, 5, 1))
    '01.05.2016'
    >>> format_datum(date(2016, 5, 1), "d. MMMM yyyy")
    '1.\xa0Mai\xa02016'
    >>> format_datum(date(2016, 3, 9), "dd. MMMM yyyy").replace(NBSP, " ")
    '09. März 2016'
    """
    return format_date(value, muster, locale=LOCALE).replace(" ", NBSP)


def format_uhrzeit(value: datetime) -> str:
    r"""A time of day as German letters and notices write it.

    >>> format_uhrzeit(datetime(2026, 12, 9, 17, 0))
    '17:00\xa0Uhr'
    """
    return f"{value:%H:%M}{NBSP}Uhr"


def format_termin(value: datetime, muster: str = DIN_5008.datum_lang) -> str:
    r"""Day of the week, date (in the long pattern ``muster``) and time of an appointment.

    >>> format_termin(datetime(2026, 12, 9, 17, 0)).replace(NBSP, " ")
    'Mittwoch, 9. Dezember 2026, 17:00 Uhr'
    """
    return f"{format_datum(value, f'EEEE, {muster}')}, {format_uhrzeit(value)}"


def format_betrag(value: Decimal | int, waehrung: Literal["€", "EUR"] = "€") -> str:
    r"""Format money with two places, rounded half-up, with a no-break space before the currency.

    >>> format_betrag(Decimal("161088"))
    '161.088,00\xa0€'
    >>> format_betrag(Decimal("-1234.5"), "EUR")
    '−1.234,50\xa0EUR'
    >>> format_betrag(Decimal("0.125"))
    '0,13\xa0€'
    """
    cents = Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)
    if cents.is_finite() and abs(cents) < _FAST_LIMIT:
        # the common case without babel's general machinery: CLDR de_DE groups by three
        # with "." and uses "," as decimal sign (tested against babel)
        digits = f"{cents:,.2f}".translate(_DE_SEPARATORS)
        return f"{digits}\xa0{_CURRENCY_SIGNS[waehrung]}".replace("-", MINUS)
    return _minus(_CURRENCY_PATTERNS[waehrung].apply(cents, _LOCALE, currency="EUR"))


def _minus(text: str) -> str:
    """The text of a number from babel, with the minus sign U+2212 for its hyphen-minus."""
    return str(text).replace("-", MINUS)


def format_zahl(value: Decimal | int) -> str:
    """Format a number with decimal comma, keeping exactly the places it was given with.

    >>> format_zahl(Decimal("3.5"))
    '3,5'
    >>> format_zahl(Decimal("-3.50"))
    '−3,50'
    >>> format_zahl(12500)
    '12.500'
    """
    number = Decimal(value)
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return _minus(_decimal_pattern(places).apply(number, _LOCALE))


@cache
def _decimal_pattern(places: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * places if places else ""))


def _join(parts: Sequence[str], word: str = "und") -> str:
    """Join ``["a", "b", "c"]`` as ``a, b und c``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def format_norm(
    gesetz: str,
    paragraf: str | int | Sequence[str | int],
    absatz: str | int | None = None,
    satz: str | int | None = None,
    nummer: str | int | None = None,
    buchstabe: str | None = None,
) -> str:
    r"""Cite a statute; all spaces inside the citation are no-break spaces.

    >>> format_norm("KrO NRW", 26, absatz=1, satz=2, buchstabe="a").replace(NBSP, " ")
    '§ 26 Abs. 1 Satz 2 Buchst. a KrO NRW'
    >>> format_norm("KrO NRW", ["25", "26"])
    '§§\xa025,\xa026\xa0KrO\xa0NRW'
    >>> format_norm("GO NRW", "41", absatz="1", nummer=3).replace(NBSP, " ")
    '§ 41 Abs. 1 Nr. 3 GO NRW'
    """
    paragraphs = (
        [str(p) for p in paragraf]
        if isinstance(paragraf, Sequence) and not isinstance(paragraf, str)
        else [str(paragraf)]
    )
    parts = ["§§" if len(paragraphs) > 1 else "§", ", ".join(paragraphs)]
    for label, value in (("Abs.", absatz), ("Satz", satz), ("Nr.", nummer), ("Buchst.", buchstabe)):
        if value is not None:
            parts += [label, str(value)]
    parts.append(gesetz)
    return NBSP.join(" ".join(parts).split())


def format_erlass(
    stellen: Sequence[str],
    datum: date,
    geaendert: Sequence[date] = (),
    art: str = "RdErl.",
    aktenzeichen: str | None = None,
    datum_muster: str = DIN_5008.datum,
) -> str:
    """Cite a decree; no-break spaces bind each abbreviation to what it abbreviates.

    >>> text = format_erlass(["MSW", "MAIS"], date(2012, 6, 25), [date(2016, 4, 13)])
    >>> text.replace(NBSP, " ")
    'RdErl. d. MSW und d. MAIS v. 25.06.2012, geändert am 13.04.2016'
    >>> format_erlass(["MIK"], date(2020, 1, 2), art="Erl.", aktenzeichen="31-22.05").replace(
    ...     NBSP, " ")
    'Erl. d. MIK v. 02.01.2020 – 31-22.05'
    """
    issuers = _join([f"d.{NBSP}{s}" for s in stellen])
    text = f"{art} {issuers} v.{NBSP}{format_datum(datum, datum_muster)}"
    if aktenzeichen:
        text += f" – {aktenzeichen}"
    if geaendert:
        text += ", geändert am " + _join([format_datum(d, datum_muster) for d in geaendert])
    return text


def format_vorschrift(vorschrift: Norm | Erlass | Freitext, hausstil: Hausstil = DIN_5008) -> str:
    """Cite any kind of legal basis in the house style.

    >>> format_vorschrift(Norm(gesetz="KrO NRW", paragraf="26", absatz="1")).replace(NBSP, " ")
    '§ 26 Abs. 1 KrO NRW'
    >>> format_vorschrift(Freitext(text="Beschluss des Kreistages vom 12.03.2015"))
    'Beschluss des Kreistages vom 12.03.2015'
    """
    if isinstance(vorschrift, Norm):
        return format_norm(
            vorschrift.gesetz,
            vorschrift.paragraf,
            vorschrift.absatz,
            vorschrift.satz,
            vorschrift.nummer,
            vorschrift.buchstabe,
        )
    if isinstance(vorschrift, Erlass):
        return format_erlass(
            vorschrift.stellen,
            vorschrift.datum,
            vorschrift.geaendert,
            vorschrift.art,
            vorschrift.aktenzeichen,
            hausstil.datum,
        )
    return vorschrift.text
