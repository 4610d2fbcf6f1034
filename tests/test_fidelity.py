"""Every character XML can hold comes out of the document exactly as it went in.

Property-based: hypothesis generates the text of every text field at once, the paper is
rendered and read back with python-docx. Characters XML cannot hold are refused at
validation, naming the field, the position and the code point.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import vorlagen
from tests.conftest import minimal_data, open_docx
from vorlagen import Hausstil, Sitzungsvorlage, Template

# Everything XML 1.0 can hold but CR (validation turns CR and CRLF into LF, a line break).
XML_CHARS = st.characters(codec="utf-8", exclude_characters="\r\ufffe\uffff").filter(
    lambda c: c in "\t\n" or ord(c) >= 0x20
)
SPECIAL = st.sampled_from(
    ["&", "<", ">", '"', "'", "{{ x }}", "{% if %}", "{#", "\t", "\xa0", "🏛️", "e\u0301",
     "שלום", "مرحبا", "]]>", "&amp;", "{_{", "}_}", "\u2028", "\U0001f600", "x" * 10_000]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(XML_CHARS, max_size=30), SPECIAL), min_size=1, max_size=6).map(
    "".join
)
LINE = TEXT.map(lambda t: t.replace("\n", " ")).filter(lambda t: t.strip() != "")
MULTILINE = TEXT.filter(lambda t: t.strip() != "")

TEMPLATE = Template.from_path(
    vorlagen.Template.__module__
    and __import__("pathlib").Path(vorlagen.__file__).parent / "templates" / "default.docx",
    Hausstil(typografie=False),
)


def texts(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs]


# every example fills every field at once and renders the paper
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    betreff=LINE.map(lambda t: t[:300]).filter(lambda t: t.strip() != ""),
    nummer=LINE.map(lambda t: t[:40]).filter(lambda t: t.strip() != ""),
    line=LINE,
    grund=MULTILINE,
    rich=MULTILINE,
    cell=MULTILINE,
)
def test_every_text_field_reads_back_exactly(
    betreff: str, nummer: str, line: str, grund: str, rich: str, cell: str
) -> None:
    paper = Sitzungsvorlage.model_validate(
        minimal_data(
            betreff=betreff,
            nummer=nummer,
            koerperschaft=line,
            federfuehrung=line,
            aktenzeichen=line,
            oeffentlich=False,
            nichtoeffentlich_grund=grund,
            sachbearbeitung={"name": line, "telefon": line},
            beratungsfolge=[
                {"gremium": line, "sitzungsdatum": "2026-06-01", "zustaendigkeit": "Entscheidung"}
            ],
            beschlussvorschlag=[{"typ": "liste", "eintraege": [rich]}],
            rechtsgrundlage=[{"typ": "freitext", "text": line}],
            sachdarstellung=[
                {"typ": "absatz", "text": rich},
                {
                    "typ": "absatz",
                    "text": [{"typ": "fett", "text": rich}, {"typ": "code", "text": line}],
                },
                {"typ": "zitat", "text": rich},
                {"typ": "tabelle", "kopf": [cell], "zeilen": [[cell]]},
            ],
            finanzielle_auswirkungen={
                "positionen": [
                    {"haushaltsjahr": 2027, "bezeichnung": line, "produkt": line, "betrag": "1"}
                ]
            },
            anlagen=[{"titel": line}],
            unterzeichnung={"funktion": line, "name": line},
        )
    )
    doc = open_docx(TEMPLATE.render(paper))
    paragraphs = texts(doc)
    assert paragraphs[0] == f"Nichtöffentlich – {grund}"  # marked at the head of the paper
    assert paragraphs[1] == line  # Körperschaft
    assert paragraphs[3:9] == [
        f"Vorlage-Nr.:\t{nummer}",
        "Datum:\t01.05.2026",
        f"Federführung:\t{line}",
        f"Aktenzeichen:\t{line}",
        f"Sachbearbeitung:\t{line}, Tel. {line}",
        f"Öffentlichkeit:\tnichtöffentlich ({grund})",
    ]
    heading = paragraphs.index("Beschlussvorschlag")
    assert paragraphs[heading - 1] == betreff
    assert paragraphs[heading + 1] == rich
    assert paragraphs[heading + 2 : heading + 4] == ["Rechtsgrundlage", line]
    assert paragraphs[heading + 4 : heading + 8] == ["Sachdarstellung", rich, rich + line, rich]
    assert paragraphs[-3:] == [f"Anlage 1: {line}", line, line]  # Anlage, name, function
    assert doc.tables[0].rows[1].cells[0].text == line
    assert [[c.text for c in row.cells] for row in doc.tables[1].rows] == [[cell], [cell]]
    assert [c.text for c in doc.tables[2].rows[1].cells][1:3] == [line, line]
    assert doc.sections[0].footer.paragraphs[0].text.startswith(f"{line} · Vorlage {nummer}\t")


BAD_CHARS = st.sampled_from(
    ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff",
     "\ud800", "\udfff"]
)  # fmt: skip


FIELDS = [
    ("betreff",),
    ("federfuehrung",),
    ("nichtoeffentlich_grund",),
    ("sachdarstellung", 0, "absatz", "text", 0, "text"),
    ("anlagen", 0, "titel"),
]


@settings(deadline=None)
@given(
    field=st.sampled_from(FIELDS),
    before=st.text(XML_CHARS, max_size=20).map(lambda t: t.replace("\n", " ")),
    bad=BAD_CHARS,
)
def test_characters_xml_cannot_hold_are_refused_with_their_place(
    field: tuple[Any, ...], before: str, bad: str
) -> None:
    text = "Text " + before + bad + " Ende"
    changes: dict[str, Any] = {"oeffentlich": False, "nichtoeffentlich_grund": "Grund"}
    if field[0] == "sachdarstellung":
        changes["sachdarstellung"] = [{"typ": "absatz", "text": text}]
    elif field[0] == "anlagen":
        changes["anlagen"] = [{"titel": text}]
    else:
        changes[field[0]] = text
    with pytest.raises(ValidationError) as info:
        Sitzungsvorlage.model_validate(minimal_data(**changes))
    errors = [e for e in info.value.errors() if e["type"] == "unzulaessiges_zeichen"]
    assert [e["loc"] for e in errors] == [field]
    message = errors[0]["msg"]
    assert f"U+{ord(bad):04X}" in message
    assert f"Position {len(text.replace(chr(13), '')) - len(' Ende')}" in message


def test_line_breaks_in_one_line_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="muss eine einzige Zeile sein"):
        Sitzungsvorlage.model_validate(minimal_data(federfuehrung="FB 10\nSchule"))
