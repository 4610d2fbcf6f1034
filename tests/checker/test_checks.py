"""The checker against a tiny model: one row per node type and statement it dispatches on."""

from __future__ import annotations

from xml.sax.saxutils import escape

import jinja2
import pytest
from pydantic import BaseModel

from vorlagen.checker import TagTypes, check_parts
from vorlagen.docx.ns import W_NS
from vorlagen.errors import ProblemKind


class Zitat(BaseModel):
    gesetz: str


class Absaetze(BaseModel):
    text: str


class Punkt(BaseModel):
    titel: str
    nummer: int
    anlagen: list[str]
    zitate: list[Zitat]
    inhalt: Absaetze

    @property
    def kurz(self) -> str:
        return self.titel[:10]


ENV = jinja2.Environment(autoescape=True)
TYPES = TagTypes(
    names={"punkt": Punkt},
    rich=(Absaetze,),
    printable=(Zitat,),
    filters=frozenset(ENV.filters),
    tests=frozenset(ENV.tests),
)
FIELDS = "anlagen, inhalt, kurz, nummer, titel, zitate"


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def part(*paragraphs: str) -> bytes:
    body = "".join(paragraph(text) for text in paragraphs)
    return f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()


def check(*paragraphs: str) -> list[tuple[ProblemKind, int | None, str]]:
    problems = check_parts({"word/document.xml": part(*paragraphs)}, ENV, TYPES)
    assert all(isinstance(p.kind, ProblemKind) for p in problems)
    return [(p.kind, p.paragraph, p.message) for p in problems]


K = ProblemKind

EXPRESSIONS: list[tuple[str, list[tuple[ProblemKind, int, str]]]] = [
    ("{{ punkt.titel }}", []),
    ("{{ punkt.kurz }}", []),
    ("{{ punkt['titel'] }}", []),
    ("{{ punkt.anlagen[0] }}", []),
    ("{{ punkt.zitate[0] }}", []),
    ("{{ punkt.titel.upper() }}", []),
    ("{{ 'a' ~ 1 if punkt.nummer else none }}", []),
    ("{{p punkt.inhalt }}", []),
    (
        "{{ punkt.titl }}",
        [
            (
                K.UNKNOWN_NAME,
                1,
                f"„titl“ ist kein Feld von Punkt; meinten Sie „titel“? Vorhanden: {FIELDS}",
            )
        ],
    ),
    ("{{ titel }}", [(K.UNKNOWN_NAME, 1, "unbekannter Name „titel“; verfügbar: punkt")]),
    (
        "{{ punkt.zitate[0].absatz }}",
        [(K.UNKNOWN_NAME, 1, "„absatz“ ist kein Feld von Zitat; vorhanden: gesetz")],
    ),
    (
        "{{ punkt.titel|kurz }}",
        [(K.UNKNOWN_FILTER, 1, "unbekannter Filter „kurz“; verfügbar: die Filter von Jinja")],
    ),
    (
        "{{ punkt.titel is kurz }}",
        [(K.UNKNOWN_FILTER, 1, "unbekannter Test „kurz“; verfügbar: die Test von Jinja")],
    ),
    (
        "{{ punkt.anlagen.clear() }}",
        [(K.UNSAFE, 1, "Methodenaufruf „clear()“ ist in Vorlagen nicht erlaubt")],
    ),
    ("{{ punkt.__class__ }}", [(K.UNSAFE, 1, "Zugriff auf „__class__“ ist nicht erlaubt")]),
    ("{{ punkt.model_fields }}", [(K.UNSAFE, 1, "Zugriff auf „model_fields“ ist nicht erlaubt")]),
    (
        "{{ punkt.zitate }}",
        [
            (
                K.NOT_TEXT,
                1,
                "Liste kann nicht als Text ausgegeben werden; ein Feld daraus wählen oder mit "
                "{%p for ... %} durchlaufen",
            )
        ],
    ),
    (
        "{{p punkt.nummer }}",
        [
            (
                K.NOT_RICH,
                1,
                "{{p ...}} braucht Inhalt (Sachdarstellung, Beschlussvorschlag, …), nicht int: "
                "„{{ punkt.nummer }}“ verwenden",
            )
        ],
    ),
    (
        "Text: {{ punkt.inhalt }}",
        [
            (
                K.RICH_IN_RUN,
                1,
                "Inhalt besteht aus Absätzen: „{{p punkt.inhalt }}“ allein in einen eigenen "
                "Absatz schreiben",
            )
        ],
    ),
    ("{{ }}", [(K.SYNTAX, 1, "leerer Tag")]),
    (
        "{{ punkt.titel + }}",
        [(K.SYNTAX, 1, "Syntaxfehler: unexpected 'end of print statement'")],
    ),
    (
        "{{ punkt.titel }",
        [(K.UNCLOSED_TAG, 1, "Tag ohne schließendes „}}“ (Tags müssen in einem Absatz stehen)")],
    ),
    ("punkt.titel }}", [(K.SYNTAX, 1, "„}}“ ohne öffnendes Gegenstück")]),
    (
        "{{ „titel“ }}",
        [
            (
                K.SMART_QUOTES,
                1,
                "typografische Anführungszeichen im Tag; in Word die AutoKorrektur „Gerade "
                "Anführungszeichen durch typografische ersetzen“ abschalten und die "
                "Anführungszeichen neu tippen (' oder \")",
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXPRESSIONS, ids=[e[0] for e in EXPRESSIONS])
def test_expression(text: str, expected: list[tuple[ProblemKind, int, str]]) -> None:
    assert check(text) == expected


STATEMENTS: list[tuple[list[str], list[tuple[ProblemKind, int, str]]]] = [
    (["{%p for z in punkt.zitate %}", "{{ z.gesetz }} {{ loop.index }}", "{%p endfor %}"], []),
    (["{%p for z in punkt.zitate if z.gesetz %}", "{%p else %}", "{%p endfor %}"], []),
    (["{%p if punkt.nummer %}", "{%p elif punkt.titel %}", "{%p else %}", "{%p endif %}"], []),
    (["{% set t = punkt.zitate[0] %}{{ t.gesetz }}"], []),
    (
        ["{% set t = punkt.zitate[0] %}{{ t.titel }}"],
        [(K.UNKNOWN_NAME, 1, "„titel“ ist kein Feld von Zitat; vorhanden: gesetz")],
    ),
    (
        ["{%p for z in punkt.zitate if z.titel %}", "{%p endfor %}"],
        [(K.UNKNOWN_NAME, 1, "„titel“ ist kein Feld von Zitat; vorhanden: gesetz")],
    ),
    (
        ["{%p for z in punkt.titel %}", "{%p endfor %}"],
        [(K.NOT_TEXT, 1, "str ist keine Liste und kann nicht durchlaufen werden")],
    ),
    (
        ["{%p if punkt.nummer %}", "{%p elif punkt.titl %}", "{%p endif %}"],
        [
            (
                K.UNKNOWN_NAME,
                2,
                f"„titl“ ist kein Feld von Punkt; meinten Sie „titel“? Vorhanden: {FIELDS}",
            )
        ],
    ),
    (["{%p else %}"], [(K.STRAY_BLOCK, 1, "„else“ ohne passendes „if“ davor")]),
    (
        ["{%p for a in punkt.anlagen %}", "{%p elif a %}", "{%p endfor %}"],
        [(K.STRAY_BLOCK, 2, "„elif“ ohne passendes „if“ davor")],
    ),
    (["{%p endfor %}"], [(K.STRAY_BLOCK, 1, "„endfor“ ohne öffnendes „for“")]),
    (
        ["{%p for a in punkt.anlagen %}", "{%p endif %}"],
        [
            (K.STRAY_BLOCK, 2, "„endif“, offen ist aber „for“ aus Absatz 1"),
            (K.UNCLOSED_BLOCK, 1, "„for“ wird nicht mit „{% endfor %}“ geschlossen"),
        ],
    ),
    (
        ["{% include 'kopf.docx' %}"],
        [(K.UNSUPPORTED, 1, "„include“ wird in Vorlagen nicht unterstützt")],
    ),
    (["{% break %}"], [(K.UNSUPPORTED, 1, "„break“ wird in Vorlagen nicht unterstützt")]),
    (["{% wenn punkt.titel %}"], [(K.SYNTAX, 1, "unbekannte Anweisung „wenn“")]),
    (["{% %}"], [(K.SYNTAX, 1, "unbekannte Anweisung „“")]),
    (
        ["{%tr if punkt.titel %}", "{%tr endif %}"],
        [
            (K.SYNTAX, 1, "„{%tr“ gehört in eine Tabellenzeile; außerhalb von Tabellen „{%p“"),
            (K.SYNTAX, 2, "„{%tr“ gehört in eine Tabellenzeile; außerhalb von Tabellen „{%p“"),
        ],
    ),
    (
        ["Anlagen: {%p if punkt.anlagen %}", "{%p endif %}"],
        [
            (
                K.DROPPED_TEXT,
                1,
                "der Tag ersetzt den ganzen Absatz; der Text „Anlagen:“ daneben fiele weg: in "
                "einen eigenen Absatz verschieben",
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"), STATEMENTS, ids=[" ".join(s[0]) for s in STATEMENTS]
)
def test_statements(paragraphs: list[str], expected: list[tuple[ProblemKind, int, str]]) -> None:
    assert check(*paragraphs) == expected


def test_place_in_a_table_cell() -> None:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    row = "<w:tr>" + cell.format("Titel") + cell.format("{{ punkt.titl }}") + "</w:tr>"
    body = paragraph("Kopf") + f"<w:tbl>{row}</w:tbl>"
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    (problem,) = check_parts({"word/footer1.xml": xml.encode()}, ENV, TYPES)
    assert (problem.part, problem.paragraph, problem.table, problem.row, problem.cell) == (
        "word/footer1.xml",
        3,
        1,
        1,
        2,
    )
    assert (problem.kind, problem.tag, problem.text) == (
        ProblemKind.UNKNOWN_NAME,
        "{{ punkt.titl }}",
        "{{ punkt.titl }}",
    )


def test_tag_in_a_tracked_deletion() -> None:
    xml = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:del w:id="1"><w:r>'
        "<w:delText>{{ punkt.titel }}</w:delText></w:r></w:del></w:p></w:body></w:document>"
    )
    assert check_parts({"word/document.xml": xml.encode()}, ENV, TYPES)[0].kind == (
        ProblemKind.DELETED_TAG
    )


def test_part_without_braces_has_no_tags_to_check() -> None:
    # its XML is the package check's concern (vorlagen.docx.package), which reads every part
    assert check_parts({"word/header1.xml": b"<w:hdr"}, ENV, TYPES) == []


def test_part_that_is_no_xml() -> None:
    (problem,) = check_parts({"word/header1.xml": b"<w:hdr>{{ titel }}"}, ENV, TYPES)
    assert (problem.part, problem.kind) == ("word/header1.xml", ProblemKind.SYNTAX)
    assert problem.message.startswith("kein gültiges XML: ")
