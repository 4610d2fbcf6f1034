"""What a reader sees: values that never break, tables sized by their content, headings in order.

The LibreOffice tests read the PDF's text as pdftotext gives it, line by line: a value broken
across two lines shows as two lines.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openxml_audit import OpenXmlValidator

import vorlagen
from tests.conftest import example, example_data, minimal_data, open_docx
from vorlagen import Hausstil, Sitzungsvorlage, Template

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHIPPED = Path(vorlagen.__file__).parent / "templates"
TEMPLATES = {name: Template.from_path(SHIPPED / f"{name}.docx") for name in ("default", "stadt")}
EUR = Hausstil(waehrung="EUR")

# the finance table of a Sachdarstellung, as clerks write it in Markdown: five columns
FINANZEN = """| Haushaltsjahr | Produkt | Bezeichnung | Veranschlagung | Betrag |
|---|---|---|---|---|
| 2027 | 03.02.01 | Planungskosten Fachraumtrakt | planmäßig | 4.850.000,00 EUR |
| 2028 | 03.02.01 | Baukosten Fachraumtrakt, 1. Rate | überplanmäßig | 12.600.000,00 EUR |
| 2029 | 03.02.01 | Minderertrag Landesmittel | außerplanmäßig | -1.830.000,00 EUR |
"""
AMOUNTS = ["4.850.000,00 EUR", "12.600.000,00 EUR", "\u22121.830.000,00 EUR"]


def paper(sachdarstellung: Any, **changes: Any) -> Sitzungsvorlage:
    return Sitzungsvorlage.model_validate(minimal_data(sachdarstellung=sachdarstellung, **changes))


def document_xml(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root: Any = etree.fromstring(z.read("word/document.xml"))
    return root


def lines(text: str) -> list[str]:
    return [" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines()]


# -- tables ------------------------------------------------------------------------------------


def grid(data: bytes, index: int = -1) -> list[int]:
    table = document_xml(data).findall(f".//{W}tbl")[index]
    return [int(col.get(f"{W}w")) for col in table.iter(f"{W}gridCol")]


@pytest.mark.parametrize("name", TEMPLATES)
def test_columns_are_as_wide_as_their_content_wants(name: str) -> None:
    data = TEMPLATES[name].render(paper({"markdown": FINANZEN}), hausstil=EUR)
    widths = grid(data)
    assert sum(widths) == 9355  # the text width of both templates
    year, product, text, kind, amount = widths
    assert min(text, kind) > max(year, product)  # the longest texts get the widest columns
    # an amount in 11 pt Arial (12 pt Times) is about 2000 twips wide: it fits whole
    assert amount >= 2000 + 216
    assert open_docx(data).tables[-1].rows[2].cells[4].text == "12.600.000,00\xa0EUR"
    for row in document_xml(data).findall(f".//{W}tbl")[-1].iter(f"{W}tr"):
        cells = [int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in row.iter(f"{W}tc")]
        assert cells == widths


def test_a_column_of_short_texts_does_not_take_an_equal_share() -> None:
    table = [{"typ": "tabelle", "kopf": ["Nr.", "Maßnahme"], "zeilen": [["1", "Planung"]]}]
    narrow, wide = grid(vorlagen.render(paper(table)))
    assert narrow + wide == 9355
    assert narrow < wide / 2


@pytest.mark.libreoffice
def test_amounts_in_a_table_never_wrap(to_pdf_text: Callable[[bytes], str]) -> None:
    data = TEMPLATES["default"].render(paper({"markdown": FINANZEN}), hausstil=EUR)
    text = lines(to_pdf_text(data))
    for amount in AMOUNTS:
        assert amount in text, text


# -- values that never break -------------------------------------------------------------------


def test_a_long_date_in_rich_content_is_bound() -> None:
    data = example_data("beschlussvorlage.json")
    doc = open_docx(vorlagen.render(Sitzungsvorlage.model_validate(data)))
    prose = next(p.text for p in doc.paragraphs if "Schulentwicklungsplanung vom" in p.text)
    assert "vom 14.\xa0Dezember\xa02023 rechnet" in prose


EMAIL = "j.brueckner-meier@kreis-lindenau.example"
# Filler whose length grows by one character from paragraph to paragraph, so that a line ends
# at every place of the address in one of them.
FILLED = [
    {
        "typ": "absatz",
        "text": f"Fragen zum Vorgang beantwortet gern die Sachbearbeiterin unter {'a' * n} {EMAIL}",
    }
    for n in range(0, 45)
]


def test_an_email_address_has_no_break_at_its_hyphens() -> None:
    data = vorlagen.render(paper([{"typ": "absatz", "text": f"Mail an {EMAIL} oder Nord-Süd"}]))
    (paragraph,) = [p for p in open_docx(data).paragraphs if "Mail an" in p.text]
    assert paragraph.text == f"Mail an {EMAIL} oder Nord-Süd"  # read as typed
    assert len(paragraph._p.findall(f".//{W}noBreakHyphen")) == 2  # not the one in Nord-Süd


def test_an_email_address_in_a_link_is_valid_ooxml(tmp_path: Path) -> None:
    link = {"typ": "link", "text": EMAIL, "ziel": f"mailto:{EMAIL}"}
    data = vorlagen.render(paper([{"typ": "absatz", "text": ["Mail an ", link]}]))
    assert len(document_xml(data).findall(f".//{W}hyperlink//{W}noBreakHyphen")) == 2
    target = tmp_path / "mail.docx"
    target.write_bytes(data)
    result = OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


@pytest.mark.libreoffice
def test_values_never_break_through_libreoffice(to_pdf_text: Callable[[bytes], str]) -> None:
    minus = {"typ": "absatz", "text": ["Saldo ", {"typ": "betrag", "wert": "-1234.5"}, "."]}
    text = to_pdf_text(vorlagen.render(paper([*FILLED, minus])))
    # pdftotext joins a word hyphenated at a line's end: a broken address would lose its "-"
    assert text.replace("\n", " ").count(EMAIL) == len(FILLED)
    assert "Saldo \u22121.234,50 €." in lines(text)


# -- headings ----------------------------------------------------------------------------------


def heading_styles(data: bytes, texts: list[str]) -> list[str]:
    doc = open_docx(data)
    return [p.style.name for p in doc.paragraphs if p.text in texts and p.style]


@pytest.mark.parametrize("name", TEMPLATES)
@pytest.mark.parametrize(
    ("ebenen", "levels"),
    [
        ([2], [3]),  # the paper the issue names: one heading of level 2
        ([3, 3], [3, 3]),
        ([2, 3, 2], [3, 4, 3]),
        ([1, 3], [3, 4]),  # no level skipped inside the content either
        ([1, 2, 3, 1], [3, 4, 5, 3]),
    ],
)
def test_block_headings_start_below_their_section(
    name: str, ebenen: list[int], levels: list[int]
) -> None:
    titles = [f"Abschnitt {i}" for i in range(len(ebenen))]
    blocks = [
        block
        for title, ebene in zip(titles, ebenen, strict=True)
        for block in (
            {"typ": "ueberschrift", "text": title, "ebene": ebene},
            {"typ": "absatz", "text": "Text."},
        )
    ]
    data = TEMPLATES[name].render(paper(blocks))
    assert vorlagen.check_accessibility(data) == []
    assert heading_styles(data, titles) == [f"Heading {level}" for level in levels]


BLOCKS = st.lists(
    st.one_of(
        st.builds(
            lambda e: {"typ": "ueberschrift", "text": "Titel", "ebene": e}, st.integers(1, 3)
        ),
        st.just({"typ": "absatz", "text": "Text."}),
    ),
    min_size=1,
    max_size=6,
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(TEMPLATES)), BLOCKS, BLOCKS)
def test_any_headings_are_accessible(name: str, beschluss: list[Any], sach: list[Any]) -> None:
    data = TEMPLATES[name].render(paper(sach, beschlussvorschlag=beschluss))
    assert vorlagen.check_accessibility(data) == []


def test_an_e_mail_printed_by_a_tag_does_not_break_at_its_hyphens() -> None:
    paper = example("beschlussvorlage.json")
    email = paper.sachbearbeitung.email if paper.sachbearbeitung else None
    assert email is not None
    assert "-" in email
    data = vorlagen.render(paper)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert email not in body  # the hyphen is Word's non-breaking one
    assert email.replace("-", '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">') in body
    text = "\n".join(p.text for p in open_docx(data).paragraphs)
    assert email in text  # and reads as the address
