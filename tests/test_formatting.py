from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from babel.numbers import format_currency
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from vorlagen.formatting import (
    DIN_5008,
    NBSP,
    Hausstil,
    format_betrag,
    format_datum,
    format_erlass,
    format_vorschrift,
    format_zahl,
)
from vorlagen.formatting.formatter import Formatter
from vorlagen.schemas import Betrag, Erlass, Norm


@pytest.mark.parametrize(
    ("value", "waehrung", "expected"),
    [
        (Decimal("161088"), "€", "161.088,00\xa0€"),
        (Decimal("161088.00"), "EUR", "161.088,00\xa0EUR"),
        (Decimal("0.005"), "€", "0,01\xa0€"),  # half-up, where babel alone rounds to even
        (Decimal("0.015"), "€", "0,02\xa0€"),
        (Decimal("2.675"), "€", "2,68\xa0€"),
        (Decimal("-0.5"), "€", "\u22120,50\xa0€"),  # the minus sign, not a hyphen
        (Decimal("-4850000"), "EUR", "\u22124.850.000,00\xa0EUR"),
        (Decimal("-1e15"), "€", "\u22121.000.000.000.000.000,00\xa0€"),  # through babel
        (Decimal("1234567.89"), "€", "1.234.567,89\xa0€"),
        (0, "€", "0,00\xa0€"),
    ],
)
def test_format_betrag(value: Decimal, waehrung: str, expected: str) -> None:
    assert format_betrag(value, waehrung) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("3.5"), "3,5"),
        (Decimal("3.50"), "3,50"),
        (Decimal("-0.25"), "\u22120,25"),
        (-12500, "\u221212.500"),
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("1E+3"), "1.000"),
        (7, "7"),
    ],
)
def test_format_zahl(value: Decimal, expected: str) -> None:
    assert format_zahl(value) == expected


@pytest.mark.parametrize(
    ("muster", "expected"),
    [
        (DIN_5008.datum, "01.05.2016"),
        (DIN_5008.datum_lang, "1.\xa0Mai\xa02016"),  # a long date never breaks
        ("dd. MMMM yyyy", "01.\xa0Mai\xa02016"),
        ("EEEE, d. MMMM yyyy", "Sonntag,\xa01.\xa0Mai\xa02016"),
    ],
)
def test_format_datum(muster: str, expected: str) -> None:
    assert format_datum(date(2016, 5, 1), muster) == expected


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        (Norm(gesetz="KrO NRW", paragraf="26"), "§ 26 KrO NRW"),
        (Norm(gesetz="KrO NRW", paragraf="26", absatz="1"), "§ 26 Abs. 1 KrO NRW"),
        (
            Norm(gesetz="KrO NRW", paragraf=26, absatz=1, satz=2, nummer=3, buchstabe="a"),
            "§ 26 Abs. 1 Satz 2 Nr. 3 Buchst. a KrO NRW",
        ),
        (Norm(gesetz="KrO NRW", paragraf=["25", "26"]), "§§ 25, 26 KrO NRW"),
        (Norm(gesetz="SGB VIII", paragraf="13a"), "§ 13a SGB VIII"),
    ],
)
def test_norm_citations_use_no_break_spaces_only(norm: Norm, expected: str) -> None:
    text = format_vorschrift(norm)
    assert " " not in text
    assert text.replace(NBSP, " ") == expected


def test_erlass() -> None:
    erlass = Erlass(stellen=["MSW", "MAIS"], datum=date(2012, 6, 25), geaendert=[date(2016, 4, 13)])
    assert format_vorschrift(erlass) == (
        "RdErl. d.\xa0MSW und d.\xa0MAIS v.\xa025.06.2012, geändert am 13.04.2016"
    )
    several = format_erlass(["MIK"], date(2020, 1, 2), [date(2021, 3, 4), date(2022, 5, 6)])
    assert several.endswith("geändert am 04.03.2021 und 06.05.2022")
    three = format_erlass(["A", "B", "C"], date(2020, 1, 2))
    assert three.replace(NBSP, " ") == "RdErl. d. A, d. B und d. C v. 02.01.2020"


def test_erlass_dates_follow_the_house_style() -> None:
    erlass = Erlass(stellen=["MSW"], datum=date(2012, 6, 5))
    text = format_vorschrift(erlass, Hausstil(datum="d.M.yyyy"))
    assert text.endswith("v.\xa05.6.2012")


@pytest.mark.parametrize("muster", ["TT.MM.JJJJ", "dd.MM", "dd.MMMMMMM.yyyy", "dd.MM.yyyy HH:mm"])
def test_hausstil_rejects_a_broken_pattern(muster: str) -> None:
    with pytest.raises(ValidationError, match="kein gültiges Datumsmuster"):
        Hausstil(datum=muster)


def test_hausstil_rejects_an_unknown_currency() -> None:
    with pytest.raises(ValidationError, match="waehrung"):
        Hausstil(waehrung="Euro")  # type: ignore[arg-type]


@given(
    st.decimals(min_value=Decimal("-1e14"), max_value=Decimal("1e14"), places=3),
    st.sampled_from(["€", "EUR"]),
)
def test_format_betrag_agrees_with_babel(value: Decimal, waehrung: str) -> None:
    cents = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    expected = format_currency(
        cents, "EUR", format="#,##0.00\xa0" + ("¤" if waehrung == "€" else "¤¤"), locale="de_DE"
    )
    # babel's German minus is the hyphen-minus; ours is the minus sign
    assert format_betrag(value, waehrung) == expected.replace("-", "\u2212")  # type: ignore[arg-type]


def test_the_formatter_prints_negative_values_with_a_minus_sign() -> None:
    f = Formatter(Hausstil(waehrung="EUR"))
    assert f.text(Betrag("-4850000")) == "\u22124.850.000,00\xa0EUR"
    assert f.betrag(Decimal("-0.5")) == "\u22120,50\xa0EUR"
    assert f.zahl(Decimal("-3.5")) == f.text(-3.5) == "\u22123,5"


def test_the_formatter_binds_long_dates() -> None:
    f = Formatter(Hausstil(kopfdatum="lang"))
    day = date(2023, 12, 14)
    assert f.datum_lang(day) == f.kopfdatum(day) == "14.\xa0Dezember\xa02023"
    assert f.datum(day) == "14.12.2023"
