"""German formatting of dates, amounts, numbers and legal citations (DIN 5008, CLDR de_DE).

Plain functions on babel with the locale passed explicitly, and the ``Hausstil`` that holds a
body's choices. No-break spaces (U+00A0) stand between an amount and its currency and inside
citations, so that a line never breaks between ``§`` and its number.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Literal

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern
from pydantic import BaseModel, ConfigDict, Field, field_validator

from vorlagen.schemas.vorschrift import Erlass, Freitext, Norm

__all__ = [
    "DIN_5008",
    "Hausstil",
    "format_betrag",
    "format_datum",
    "format_erlass",
    "format_norm",
    "format_vorschrift",
    "format_zahl",
    "typografie",
    "typografie_teile",
]

LOCALE = "de_DE"
NBSP = "\xa0"
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


class Hausstil(BaseModel):
    """A body's house style: babel date patterns and the currency form.

    The default follows DIN 5008. The Kreis Borken, for one, writes
    ``Hausstil(datum_lang="dd. MMMM yyyy", waehrung="EUR")``. A template ``kreis.docx`` takes
    its house style from ``kreis.toml`` beside it, if there is one.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    datum: str = Field(default="dd.MM.yyyy", description="babel pattern for numeric dates")
    datum_lang: str = Field(default="d. MMMM yyyy", description="babel pattern for long dates")
    waehrung: Literal["€", "EUR"] = "€"
    kopfdatum: Literal["numerisch", "lang"] = Field(
        default="numerisch", description="the form of the paper's date in the header block"
    )
    typografie: bool = Field(
        default=True,
        description="German quotes, no-break spaces and dashes in the prose of rich content",
    )
    unterzeichner_oeffentlich: bool = Field(
        default=True,
        description="whether the signer's name appears in the public version (fassung)",
    )

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> Hausstil:
        """Read a house style from a TOML file (keys as the fields, all optional).

        Raises:
            OSError: the file cannot be read.
            tomllib.TOMLDecodeError: it is not TOML.
            pydantic.ValidationError: a key or value is not allowed.
        """
        with Path(path).open("rb") as f:
            return cls.model_validate(tomllib.load(f))

    @field_validator("datum", "datum_lang")
    @classmethod
    def _pattern(cls, value: str) -> str:
        fields = set(re.sub(r"'[^']*'", "", value))
        if not ({"d", "y"} <= fields and fields & {"M", "L"}):
            msg = (
                f"kein gültiges Datumsmuster: {value!r}; Tag (d), Monat (M) und Jahr (y) "
                "angeben, z. B. „dd.MM.yyyy“ oder „d. MMMM yyyy“"
            )
            raise ValueError(msg)
        try:
            format_date(date(2016, 5, 1), value, locale=LOCALE)
        except (ValueError, AttributeError) as e:
            msg = f"kein gültiges Datumsmuster: {value!r} ({e})"
            raise ValueError(msg) from e
        return value


DIN_5008 = Hausstil()
"""The default house style: ``01.05.2016``, ``1. Mai 2016``, ``161.088,00 €``."""


def format_datum(value: date, muster: str = DIN_5008.datum) -> str:
    """Format a date with a babel pattern in German.

    >>> format_datum(date(2016, 5, 1))
    '01.05.2016'
    >>> format_datum(date(2016, 5, 1), "d. MMMM yyyy")
    '1. Mai 2016'
    >>> format_datum(date(2016, 3, 9), "dd. MMMM yyyy")
    '09. März 2016'
    """
    return format_date(value, muster, locale=LOCALE)


def format_betrag(value: Decimal | int, waehrung: Literal["€", "EUR"] = "€") -> str:
    r"""Format money with two places, rounded half-up, with a no-break space before the currency.

    >>> format_betrag(Decimal("161088"))
    '161.088,00\xa0€'
    >>> format_betrag(Decimal("-1234.5"), "EUR")
    '-1.234,50\xa0EUR'
    >>> format_betrag(Decimal("0.125"))
    '0,13\xa0€'
    """
    cents = Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)
    if cents.is_finite() and abs(cents) < _FAST_LIMIT:
        # the common case without babel's general machinery: CLDR de_DE groups by three
        # with ".", uses "," as decimal sign and "-" as minus (tested against babel)
        digits = f"{cents:,.2f}".translate(_DE_SEPARATORS)
        return f"{digits}\xa0{_CURRENCY_SIGNS[waehrung]}"
    return str(_CURRENCY_PATTERNS[waehrung].apply(cents, _LOCALE, currency="EUR"))


def format_zahl(value: Decimal | int) -> str:
    """Format a number with decimal comma, keeping exactly the places it was given with.

    >>> format_zahl(Decimal("3.5"))
    '3,5'
    >>> format_zahl(Decimal("3.50"))
    '3,50'
    >>> format_zahl(12500)
    '12.500'
    """
    number = Decimal(value)
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return str(_decimal_pattern(places).apply(number, _LOCALE))


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


# -- typography --------------------------------------------------------------------------------

_OPENING_CONTEXT = frozenset(" \t\n\xa0([{„‚–—-/")
_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_UNITS = (
    "€|EUR|%|‰|km|km²|m|m²|m³|cm|mm|ha|kg|g|t|l|Mio\\.|Mrd\\.|Tsd\\.|Std\\.|Min\\.|h|°C|"
    "kWh|MWh|GWh|kW|MW|Euro|Prozent"
)


def _after(*words: str) -> str:
    """A lookbehind for any of ``words`` (each alternative has a fixed width, as re needs)."""
    return "(?:" + "|".join(f"(?<={word})" for word in words) + ")"


_ABBREVIATIONS = ("Abs", "Nr", "Art", "Ziff", "Buchst", "lit", "Kap", "Bd", "Anl", "S")
_LETTER = "[A-Za-zÄÖÜäöü]"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# Every rule changes one character, its context checked by lookarounds only, so all rules
# of a kind run as one regex with a constant replacement. Each regex starts with the
# character it changes, so that the search skips straight from one candidate to the next.
_NO_BREAK = re.compile(
    " (?:"
    + "|".join(
        [
            r"(?<=§ )(?=\d)",  # § 26, §§ 25, 26
            _after(*(rf"\b{a}\. " for a in _ABBREVIATIONS)) + r"(?=\d|[a-z]\b)",  # Abs. 1
            _after(r"\bSatz ", r"\bAnlage ", r"\bSeite ") + r"(?=\d)",  # Satz 2
            rf"(?<=\b{_LETTER}\. )(?={_LETTER}\.)",  # z. B., i. V. m.
            rf"(?<=\d )(?=(?:{_UNITS})(?![\w²³]))",  # 5 €, 10 %
            _after(r"\b\d\. ", r"\b\d\d\. ") + rf"(?=(?:{_MONTHS})\b)",  # 1. Mai
        ]
    )
    + ")"
)
_DASH = re.compile(
    rf"-(?:(?<=\b1[89]\d\d-)|(?<=\b20\d\d-))(?={_YEAR}\b)"  # 2016–2018
    r"|-(?<=\s-)(?=\s)"  # a hyphen between spaces: a dash
)


_QUOTE = re.compile("[\"']")
# 's, 'n, 'ne: a letter left out ("geht's", "so 'ne Sache"), written with an apostrophe
_ELISION = re.compile(r"(s|n|ne|nen|nem|nes)\b")


def typografie(text: str) -> str:
    r"""German typography for prose: quotes „…“ and ‚…‘, no-break spaces, dashes.

    Straight quotes become German ones; an apostrophe becomes ’. A no-break space binds
    ``§``, ``Abs.``, ``Nr.``, ``Satz`` and the like to their number, holds ``z. B.`` or
    ``i. V. m.`` together and a number to its unit or currency; a year range gets an en dash,
    and so does a hyphen standing alone between spaces. Only those characters change, one for
    one, and applying it twice changes nothing more.

    >>> typografie('Der "Kreistag" beschließt gem. § 26 Abs. 1 KrO, z. B. für 2016-2018 - ok')
    'Der „Kreistag“ beschließt gem. § 26 Abs. 1 KrO, z. B. für 2016–2018 – ok'
    >>> typografie("Es kostet 5 € bzw. 10 % mehr, sagt 's Amt: 'so' geht's")
    'Es kostet 5 € bzw. 10 % mehr, sagt ’s Amt: ‚so‘ geht’s'
    """
    return typografie_teile([(text, True)])[0]


def typografie_teile(teile: Sequence[tuple[str, bool]]) -> list[str]:
    """Typography over the pieces of one paragraph; pieces marked False stay as they are.

    Quotes are decided across pieces (``"`` before a bold word opens), so a paragraph is
    handled as a whole, while code, links and formatted values are left untouched.
    """
    out: list[str] = []
    previous: str | None = None
    single_open = False
    for text, apply in teile:
        if not apply:
            out.append(text)
            previous = text[-1] if text else previous
            continue
        if '"' not in text and "'" not in text:
            previous = text[-1] if text else previous
            out.append(_apply_rules(text))
            continue
        chars = list(text)
        for match in _QUOTE.finditer(text):
            i = match.start()
            before = chars[i - 1] if i else previous
            opening = before is None or before in _OPENING_CONTEXT
            if match.group() == '"':
                chars[i] = "„" if opening else "“"
            else:
                rest = text[i + 1 : i + 5]
                if opening and rest[:1].isalnum() and not _ELISION.match(rest):
                    chars[i] = "‚"
                    single_open = True
                elif single_open and not rest[:1].isalnum():
                    chars[i] = "‘"
                    single_open = False
                else:
                    chars[i] = "’"
        previous = chars[-1] if chars else previous
        out.append(_apply_rules("".join(chars)))
    return out


def _apply_rules(text: str) -> str:
    if " " in text:
        text = _NO_BREAK.sub("\xa0", text)
    if "-" in text:
        text = _DASH.sub("–", text)
    return text
