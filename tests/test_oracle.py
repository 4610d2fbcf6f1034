"""The one render path gives what docxtpl gives, for every template and kind of paper.

Each template x paper pair is rendered by ``Template.render`` and by docxtpl with
python-docx (:mod:`tests.oracle`); every part must be the same as canonical XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

import vorlagen
from tests import templates
from tests.conftest import EXAMPLE_FILES, example, minimal_data, open_docx
from tests.oracle import package_difference, reference
from vorlagen import Hausstil, Sitzungsvorlage, Template
from vorlagen.docx import build as b
from vorlagen.rendering import tags

SHIPPED = Path(vorlagen.__file__).parent / "templates"
FILES = Path(__file__).parent / "files"


def png(width: int = 120, height: int = 80) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (31, 78, 121)).save(out, "PNG")
    return out.getvalue()


def shipped(name: str = "default.docx") -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO((SHIPPED / name).read_bytes())) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if not n.endswith(".png")}


def zipped(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    return out.getvalue()


RICH_PARAGRAPH = (
    '<w:p><w:r><w:t xml:space="preserve">{{p vorlage.beschlussvorschlag }}</w:t></w:r></w:p>'
)


def with_notes() -> bytes:
    """The shipped template with a footnote and an endnote holding tags, one rich content."""
    files = shipped()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for kind, element in (("footnotes", "footnote"), ("endnotes", "endnote")):
        files[f"word/{kind}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind} {w}>'
            f'<w:{element} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            f'</w:{element}><w:{element} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f"<w:continuationSeparator/></w:r></w:p></w:{element}>"
            f'<w:{element} w:id="1"><w:p><w:r><w:t xml:space="preserve">Vorlage '
            f"{{{{ vorlage.nummer }}}} vom {{{{ vorlage.datum|datum_lang }}}}</w:t></w:r></w:p>"
            f"{RICH_PARAGRAPH if kind == 'endnotes' else ''}</w:{element}></w:{kind}>"
        )
        files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
            "</Types>",
            f'<Override PartName="/word/{kind}.xml" ContentType="application/vnd.openxmlformats-'
            f'officedocument.wordprocessingml.{kind}+xml"/></Types>',
        )
        files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
            "</Relationships>",
            f'<Relationship Id="rIdNotes{kind}" Target="{kind}.xml" Type="http://schemas.'
            f'openxmlformats.org/officeDocument/2006/relationships/{kind}"/></Relationships>',
        )
    # a reference to each note after the first run of the body
    files["word/document.xml"] = re.sub(
        r"(</w:r>)",
        r'\1<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r>',
        files["word/document.xml"],
        count=1,
    )
    return zipped(files)


def with_rich_footer() -> bytes:
    """The shipped template with rich content (links, images) in its footer too."""
    files = shipped()
    files["word/footer1.xml"] = files["word/footer1.xml"].replace(
        "</w:ftr>", RICH_PARAGRAPH + "</w:ftr>"
    )
    return zipped(files)


def with_tables() -> bytes:
    """Tables followed by an empty paragraph, and a table nested in a cell."""
    files = shipped()
    cell = '<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{}</w:tc>'
    table = '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr>{}</w:tr></w:tbl>'
    text = '<w:p><w:r><w:t xml:space="preserve">{{ vorlage.betreff }}</w:t></w:r></w:p>'
    nested = table.format(cell.format(table.format(cell.format(text)) + text))
    files["word/document.xml"] = files["word/document.xml"].replace(
        "<w:body>", f"<w:body>{table.format(cell.format(text))}<w:p/>{nested}<w:p/>", 1
    )
    return zipped(files)


def as_dotx() -> bytes:
    """The shipped template saved as a Word template (.dotx)."""
    files = shipped()
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        "document.main+xml", "template.main+xml"
    )
    return zipped(files)


TEMPLATES: dict[str, Callable[[], bytes]] = {
    **templates.FIXTURES,
    "notes": with_notes,
    "footer": with_rich_footer,
    "tables": with_tables,
    "dotx": as_dotx,
}


def papers(folder: Path) -> dict[str, Sitzungsvorlage]:
    (folder / "lageplan.png").write_bytes(png())
    rich = (FILES / "sachdarstellung.md").read_text(encoding="utf-8")
    blocks = [
        {"typ": "ueberschrift", "text": "Zahlen"},
        {
            "typ": "tabelle",
            "kopf": ["Jahr", "Betrag"],
            "zeilen": [["2027", [{"typ": "betrag", "wert": "5000"}]], ["2028", "1.250 €"]],
        },
        {"typ": "tabelle", "kopf": ["A"], "zeilen": [["direkt folgende Tabelle"]]},
        {"typ": "liste", "nummeriert": True, "eintraege": ["eins", {"text": "zwei", "liste": {
            "nummeriert": True, "eintraege": ["zwei a"]}}]},
        {"typ": "bild", "daten": png(40, 300), "alt": "Schmales Bild", "beschriftung": "Hoch"},
        {"typ": "bild", "daten": png(), "alt": "Gleiches Bild wie im Lageplan"},
        {"typ": "bild", "daten": png(), "alt": "Noch einmal dasselbe Bild"},
    ]  # fmt: skip
    return {
        **{path.stem: example(path.name) for path in EXAMPLE_FILES},
        "markdown": Sitzungsvorlage.model_validate(
            minimal_data(sachdarstellung={"markdown": rich}), context={"basis": folder}
        ),
        "bloecke": Sitzungsvorlage.model_validate(minimal_data(sachdarstellung=blocks)),
        "verweise": Sitzungsvorlage.model_validate(
            minimal_data(
                beschlussvorschlag={
                    "markdown": "Siehe [Plan](https://plan.example/a?b=1&c=2)."
                    "\n\n![Lageplan](lageplan.png)"
                },
                sachdarstellung={"markdown": "[Plan](https://plan.example/a?b=1&c=2)"},
            ),
            context={"basis": folder},
        ),
        "zeichen": Sitzungsvorlage.model_validate(
            minimal_data(
                oeffentlich=False,
                nichtoeffentlich_grund="Personal\nmit Zeilenumbruch\tund Tab\t",
                betreff="{_{ & < > \" ' }_}",
                federfuehrung="Amt\tfür\tTabs",
            )
        ),
    }


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Sitzungsvorlage]:
    return papers(tmp_path_factory.mktemp("bilder"))


@pytest.fixture(scope="module", params=sorted(TEMPLATES))
def template(request: pytest.FixtureRequest) -> Template:
    return Template.from_bytes(TEMPLATES[request.param]())


PAPERS = ["beschlussvorlage", "mitteilungsvorlage", "stadt-beschlussvorlage", "markdown",
          "bloecke", "verweise", "zeichen"]  # fmt: skip


def test_matrix_names_every_example() -> None:
    assert sorted(p.stem for p in EXAMPLE_FILES) == sorted(PAPERS[:3])


@pytest.mark.parametrize("paper", PAPERS)
def test_same_parts_as_docxtpl(
    template: Template, matrix: dict[str, Sitzungsvorlage], paper: str
) -> None:
    ours = template.render(matrix[paper])
    assert package_difference(ours, reference(template, matrix[paper])) == []


def test_same_parts_in_another_hausstil(matrix: dict[str, Sitzungsvorlage]) -> None:
    template = Template.from_bytes(TEMPLATES["default"]())
    stil = Hausstil(datum_lang="dd. MMMM yyyy", waehrung="EUR", typografie=False)
    ours = template.render(matrix["markdown"], hausstil=stil)
    assert package_difference(ours, reference(template, matrix["markdown"], stil)) == []


def test_rich_content_outside_the_body_relates_its_own_part(
    matrix: dict[str, Sitzungsvorlage],
) -> None:
    data = Template.from_bytes(with_rich_footer()).render(matrix["verweise"])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        footer = z.read("word/footer1.xml").decode("utf-8")
        rels = z.read("word/_rels/footer1.xml.rels").decode("utf-8")
    assert 'r:id="rIdVorlagenLink1"' in footer
    assert 'r:embed="rIdVorlagenBild1"' in footer
    assert 'Target="https://plan.example/a?b=1&amp;c=2" TargetMode="External"' in rels
    assert 'Target="media/image1.png"' in rels
    # the same image in the body and the footer is one part
    document = open_docx(data)
    assert len([p for p in document.part.package.parts if "media" in str(p.partname)]) == 1


def test_a_word_template_renders_as_a_document(matrix: dict[str, Sitzungsvorlage]) -> None:
    data = Template.from_bytes(as_dotx()).render(matrix["beschlussvorlage"])
    assert open_docx(data).paragraphs[0].text == "Kreis Lindenau"


def test_notes_render_their_tags(matrix: dict[str, Sitzungsvorlage]) -> None:
    data = Template.from_bytes(with_notes()).render(matrix["beschlussvorlage"])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part in ("word/footnotes.xml", "word/endnotes.xml"):
            xml = z.read(part).decode("utf-8")
            assert "Vorlage 0187/2026 vom 12.\xa0Oktober\xa02026" in xml, part
            assert "{{" not in xml, part


def test_images_and_links_are_parts_of_the_package(matrix: dict[str, Sitzungsvorlage]) -> None:
    template = TEMPLATES["stadt"]()
    with zipfile.ZipFile(io.BytesIO(template)) as z:
        arms = {n for n in z.namelist() if n.startswith("word/media/")}
    data = Template.from_bytes(template).render(matrix["bloecke"])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        media = {n for n in z.namelist() if n.startswith("word/media/")} - arms
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    # two different images in the paper; the third is equal to the second and shares its part
    assert len(arms) == 1
    assert len(media) == 2
    assert all(f'Target="{name.removeprefix("word/")}"' in rels for name in media)
    document = open_docx(data)
    body = document.element.body
    assert body.xpath(".//wp:docPr/@descr") == [
        "Schmales Bild",
        "Gleiches Bild wie im Lageplan",
        "Noch einmal dasselbe Bild",
    ]
    assert body.xpath(".//wp:docPr/@id") == ["1001", "1002", "1003"]


def test_large_parts_read_in_stretches_render_the_same(
    monkeypatch: pytest.MonkeyPatch, matrix: dict[str, Sitzungsvorlage]
) -> None:
    # A part over tags.WINDOWED_FROM is read only around its braces, the rest kept static;
    # read that way from the first byte, every template renders every paper the same.
    # Static text at the start and end of each body makes stretches to keep.
    built = {name: padded(build()) for name, build in TEMPLATES.items()}
    # a brace that starts no tag: the part is read in stretches, and has nothing to render
    parts = templates.shipped_parts()
    parts["word/document.xml"] = b.document([b.para("Die Menge {a, b}")])
    built["brace"] = padded(b.zip_parts(parts))
    whole = {name: Template.from_bytes(data) for name, data in built.items()}
    monkeypatch.setattr(tags, "WINDOWED_FROM", 0)
    for name, data in built.items():
        windowed = Template.from_bytes(data)
        body = windowed._prepared.engine.parts["word/document.xml"].source
        assert len(body.static) >= 2, name
        for paper in PAPERS:
            assert windowed.render(matrix[paper]) == whole[name].render(matrix[paper]), name


def padded(data: bytes) -> bytes:
    """A template with paragraphs and a table of static text at the start and end of its body."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts: dict[str, str | bytes] = {n: z.read(n) for n in z.namelist()}
        body = z.read("word/document.xml").decode("utf-8")
    table = b.table([2000, 2000], [b.row([b.cell("Kopf", 2000), b.cell("Spalte", 2000)])])
    static = "".join(b.para(f"Absatz {n}") for n in range(12)) + table + b.para("Ende")
    start = body.index("<w:body>") + len("<w:body>")
    end = body.rindex("<w:sectPr")
    parts["word/document.xml"] = body[:start] + static + body[start:end] + static + body[end:]
    return b.zip_parts(parts)


def test_problems_in_a_part_read_in_stretches_name_the_same_paragraphs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cells = [b.cell("{% endif %}", 3000), b.cell("", 3000)]
    broken = [
        # found by reading the whole part: a block from the text into a table
        (b.para("{% if vorlage.aktenzeichen %}Az."), b.table([3000, 3000], [b.row(cells)])),
        # found by the tag-by-tag check
        (b.para("{%p if vorlage.oeffentlich %}"), b.para("{{ vorlage.betref }}")),
        (b.para("{%p for a in vorlage.anlagen %}"), b.para("x")),  # never closed
    ]
    filler = "".join(b.para(f"Absatz {n}") for n in range(40))
    for first, second in broken:
        parts = templates.shipped_parts()
        body = parts["word/document.xml"]
        at = body.rindex("<w:sectPr")
        parts["word/document.xml"] = body[:at] + filler + first + filler + second + body[at:]
        data = b.zip_parts(parts)
        expected = vorlagen.check_template(data)
        assert expected
        monkeypatch.setattr(tags, "WINDOWED_FROM", 0)
        assert vorlagen.check_template(data) == expected
        monkeypatch.undo()
