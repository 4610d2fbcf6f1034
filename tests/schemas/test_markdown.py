from __future__ import annotations

import base64
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.conftest import minimal_data
from tests.images import png
from vorlagen.schemas import (
    Absatz,
    Bild,
    Code,
    Fett,
    Inhalt,
    Kursiv,
    Link,
    Liste,
    Listeneintrag,
    Sitzungsvorlage,
    Tabelle,
    Ueberschrift,
    Zitat,
)
from vorlagen.schemas.fehler import fehlermeldungen

PNG = png()


@pytest.fixture
def basis(tmp_path: Path) -> Path:
    (tmp_path / "bilder").mkdir()
    (tmp_path / "bilder" / "lageplan.png").write_bytes(PNG)
    (tmp_path / "notiz.txt").write_text("kein Bild", encoding="utf-8")
    return tmp_path


def test_every_construct(basis: Path) -> None:
    text = (
        "## Anlass\n\n"
        "Text mit **fett**, *kursiv*, `code` und [Link](https://example.org/plan).  \n"
        "Neue Zeile\nweiter\n\n"
        "1. eins\n   - unter\n     - tiefer\n2. zwei\n\n"
        "| Jahr | Betrag |\n|:-----|------:|\n| 2027 | 5 € |\n\n"
        "> Zitiert\n\n"
        '![Lageplan](bilder/lageplan.png "Lageplan Anbau")\n\n'
        "```\nwörtlich\n```\n"
    )
    blocks = Inhalt.from_markdown(text, basis=basis).root
    heading, paragraph, liste, tabelle, zitat, bild, code = blocks
    assert heading == Ueberschrift(text=["Anlass"], ebene=1)  # "##" is the highest level used
    assert paragraph == Absatz(
        text=[
            "Text mit ",
            Fett(text=["fett"]),
            ", ",
            Kursiv(text=["kursiv"]),
            ", ",
            Code(text="code"),
            " und ",
            Link(text="Link", ziel="https://example.org/plan"),
            ".\nNeue Zeile weiter",
        ]
    )
    assert liste == Liste(
        nummeriert=True,
        eintraege=[
            Listeneintrag(
                text=["eins"],
                liste=Liste(
                    eintraege=[Listeneintrag(text=["unter"], liste=Liste(eintraege=[["tiefer"]]))]
                ),
            ),
            ["zwei"],
        ],
    )
    assert tabelle == Tabelle(
        kopf=[["Jahr"], ["Betrag"]], zeilen=[[["2027"], ["5 €"]]], ausrichtung=["links", "rechts"]
    )
    assert zitat == Zitat(text=["Zitiert"])
    assert isinstance(bild, Bild)
    assert (bild.alt, bild.beschriftung, bild.daten, bild.format) == (
        "Lageplan",
        "Lageplan Anbau",
        PNG,
        "png",
    )
    assert code == Absatz(text=[Code(text="wörtlich")])


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Absatz\n\n<div>roh</div>\n", "Zeile 3: HTML wird nicht übernommen: <div>roh</div>"),
        ("Text mit <b>HTML</b>", "Zeile 1: HTML wird nicht übernommen: <b>"),
        ("#### Zu tief", "Zeile 1: Überschriften nur bis Ebene 3"),
        ("eins\n\n---\n\nzwei", "Zeile 3: Trennlinien"),
        ("\n\n![](bilder/lageplan.png)", "Zeile 3: Bild „bilder/lageplan.png“ ohne Alternativtext"),
        ("Text ![Plan](bilder/lageplan.png) im Satz", "Zeile 1: ein Bild muss allein"),
        ("![Plan](https://example.org/plan.png)", "nur Bilddateien, keine Adressen"),
        ("![Plan](../geheim.png)", "liegt außerhalb des Basisverzeichnisses"),
        ("![Plan](/etc/passwd)", "liegt außerhalb des Basisverzeichnisses"),
        ("![Plan](fehlt.png)", "Bild „fehlt.png“ nicht lesbar"),
        ("![Notiz](notiz.txt)", "nur PNG- und JPEG-Bilder"),
        ("- a\n  - b\n    - c\n      - d", "höchstens 3 Ebenen"),
        ("[Link](ftp://example.org/a)", "muss mit http://, https:// oder mailto: beginnen"),
        ("> - Liste im Zitat", "Zeile 1: in einem Zitat sind nur Absätze möglich"),
    ],
)
def test_what_cannot_be_placed_is_an_error(basis: Path, text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        Inhalt.from_markdown(text, basis=basis)
    messages = [e["msg"] for e in info.value.errors()]
    assert any(fragment in m for m in messages), messages


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("- a\n  - b\n    - c\n      - d", "Zeile 4: Listen können höchstens 3 Ebenen tief"),
        ("Absatz\n\n1. a\n   - b\n     - [x](ftp://y)", "Zeile 5: Linkziel „ftp://y“"),
        ("- a\n- b\n  - c \x01", "Zeile 3: Zeichen U+0001"),
        ("- a\n\n  - b\n\n    zweiter Absatz [x](mailto:)", "Zeile 3: Linkziel „mailto:“"),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | [x](ftp://y) |", "Zeile 4: Linkziel"),
        ("> eins\n>\n> [x](ftp://y)", "Zeile 3: Linkziel"),
        ("Text\n\n![Plan](fehlt.png)", "Zeile 3: Bild „fehlt.png“ nicht lesbar"),
    ],
)
def test_errors_the_model_finds_name_the_markdown_line(
    basis: Path, text: str, fragment: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Inhalt.from_markdown(text, basis=basis)
    (error,) = info.value.errors()
    assert f"Markdown, {fragment}" in error["msg"]


def test_markdown_line_in_a_paper() -> None:
    data = minimal_data(sachdarstellung={"markdown": "- a\n  - b\n    - c\n      - d"})
    with pytest.raises(ValidationError) as info:
        Sitzungsvorlage.model_validate(data)
    assert fehlermeldungen(info.value) == [
        "sachdarstellung: Markdown, Zeile 4: Listen können höchstens 3 Ebenen tief geschachtelt "
        "werden"
    ]


def test_image_path_needs_a_base_directory() -> None:
    with pytest.raises(ValidationError, match=r"Bild „plan\.png“: ein Pfad braucht ein Basis"):
        Inhalt.from_markdown("![Plan](plan.png)")


def test_symlink_out_of_the_base_directory_is_refused(
    basis: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("draussen") / "plan.png"
    outside.write_bytes(PNG)
    (basis / "link.png").symlink_to(outside)
    with pytest.raises(ValidationError, match="außerhalb des Basisverzeichnisses"):
        Inhalt.from_markdown("![Plan](link.png)", basis=basis)


def test_markdown_inside_json_uses_the_validation_context(basis: Path) -> None:
    inhalt = Inhalt.model_validate(
        {"markdown": "![Plan](bilder/lageplan.png)"}, context={"basis": basis}
    )
    (bild,) = inhalt.root
    assert isinstance(bild, Bild)


def test_bild_block_as_bytes_and_base64_round_trip() -> None:
    inhalt = Inhalt.model_validate([{"typ": "bild", "daten": PNG, "alt": "Wappen"}])
    dumped = inhalt.model_dump_json()
    assert base64.b64encode(PNG).decode() in dumped
    assert Inhalt.model_validate_json(dumped) == inhalt


@pytest.mark.parametrize(
    ("daten", "fragment"),
    [
        ("kein base64!", "Base64"),
        (b"GIF89a", "nur PNG- und JPEG-Bilder"),
        (42, "bytes oder Base64"),
    ],
)
def test_bad_image_data(daten: object, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        Inhalt.model_validate([{"typ": "bild", "daten": daten, "alt": "x"}])


def test_image_needs_alt_text() -> None:
    with pytest.raises(ValidationError) as info:
        Inhalt.model_validate([{"typ": "bild", "daten": PNG}])
    assert info.value.errors()[0]["loc"] == (0, "bild", "alt")
