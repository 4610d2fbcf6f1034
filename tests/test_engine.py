"""The render path's own rules: blocks that would cut the XML, column loops, house styles."""

from __future__ import annotations

import dataclasses
import io
import pickle
import re
import zipfile
from collections.abc import Callable

import pytest
from lxml import etree

import vorlagen
from tests.conftest import example, open_docx
from tests.templates import shipped_parts
from vorlagen import Hausstil, ProblemKind, Template
from vorlagen.docx import build as b
from vorlagen.docx.ns import w

WIDTHS = (3000, 3000, 3355)


def template(*body: str) -> bytes:
    parts = shipped_parts()
    parts["word/document.xml"] = b.document([b.para("{{ vorlage.betreff }}"), *body])
    return b.zip_parts(parts)


def test_block_from_text_into_a_table_is_refused() -> None:
    data = template(
        b.para("{% if vorlage.aktenzeichen %}Az."),
        b.table(WIDTHS, [b.row([b.cell("{% endif %}", 3000), b.cell("", 3000), b.cell("", 3355)])]),
    )
    (problem,) = vorlagen.check_template(data)
    assert problem.kind is ProblemKind.SPLIT_BLOCK
    assert problem.part == "word/document.xml"
    assert problem.paragraph == 3  # the paragraph of the endif, in the table's first cell
    assert "„if“ aus Absatz 2" in problem.message
    with pytest.raises(vorlagen.TemplateError):
        Template.from_bytes(data)


@pytest.mark.parametrize("aktenzeichen", ["40.2-651-12/2026", None])
def test_block_over_two_paragraphs_of_the_text_renders_either_way(
    aktenzeichen: str | None,
) -> None:
    data = template(b.para("A {% if vorlage.aktenzeichen %}B"), b.para("C{% endif %} D"))
    paper = example("beschlussvorlage.json").model_copy(update={"aktenzeichen": aktenzeichen})
    texts = [p.text for p in open_docx(Template.from_bytes(data).render(paper)).paragraphs]
    assert texts[1:] == (["A B", "C D"] if aktenzeichen else ["A  D"])


def test_column_loop_gets_a_grid_that_fits() -> None:
    loop = "{%tc for b in vorlage.beratungsfolge %}"
    cells = [b.cell("Gremium", 3000), b.cell(loop, 2000), b.cell("{{ b.gremium }}", 2000)]
    cells.append(b.cell("{%tc endfor %}", 2000))
    data = template(b.table((3000, 2000, 2000, 2000), [b.row(cells)]))
    paper = example("beschlussvorlage.json")
    rendered = Template.from_bytes(data).render(paper)
    with zipfile.ZipFile(io.BytesIO(rendered)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    (table,) = root.iter(w("tbl"))
    columns = table.findall(f"{w('tblGrid')}/{w('gridCol')}")
    cells_in_row = table.findall(f"{w('tr')}/{w('tc')}")
    assert len(columns) == len(cells_in_row) == 1 + len(paper.beratungsfolge)
    assert [c.get(w("w")) for c in columns] == [str(9000 // len(columns))] * len(columns)


@pytest.mark.parametrize(
    ("tag", "kinds"),
    [
        ("{{ vorlage|attr('betreff') }}", set()),
        ("{{ vorlage|attr('betref') }}", {ProblemKind.UNKNOWN_NAME}),
        ("{{ vorlage|attr('__class__') }}", {ProblemKind.UNSAFE}),
        ("{{ vorlage|attr('model_fields') }}", {ProblemKind.UNSAFE}),
    ],
)
def test_attr_filter_is_checked_like_an_attribute(tag: str, kinds: set[ProblemKind]) -> None:
    assert {p.kind for p in vorlagen.check_template(template(b.para(tag)))} == kinds


def test_house_style_per_render_is_the_same_as_a_template_in_that_style() -> None:
    tpl = vorlagen.Template.from_path(vorlagen.__path__[0] + "/templates/default.docx")
    stil = Hausstil(datum_lang="dd. MMMM yyyy", waehrung="EUR", kopfdatum="lang")
    paper = example("beschlussvorlage.json")
    other = tpl.with_hausstil(stil)
    assert other.hausstil == stil
    assert other.data is tpl.data  # the same prepared package, not loaded again
    assert tpl.render(paper, hausstil=stil) == other.render(paper)
    assert vorlagen.render(paper, template=tpl, hausstil=stil) == other.render(paper)
    text = "\n".join(p.text for p in open_docx(other.render(paper)).paragraphs)
    assert "12.\xa0Oktober\xa02026" in text
    assert "EUR" in text
    assert tpl.render(paper) != other.render(paper)


def test_template_is_immutable() -> None:
    tpl = vorlagen.Template.from_path(vorlagen.__path__[0] + "/templates/default.docx")
    with pytest.raises(dataclasses.FrozenInstanceError):
        tpl.hausstil = Hausstil()  # type: ignore[misc]


def test_comparison_inside_a_value_tag_is_no_markup() -> None:
    data = template(
        b.para("{% if vorlage.oeffentlich %}{{ 'kurz' if vorlage.anlagen|length<3 else 'lang' }}"),
        b.para("{% endif %}"),
    )
    assert vorlagen.check_template(data) == []


def test_block_from_one_cell_into_the_next_is_refused() -> None:
    cells = [b.cell("{%p if vorlage.aktenzeichen %}", 3000), b.cell("{%p endif %}", 3000)]
    data = template(b.table((3000, 3000), [b.row(cells)]))
    assert [p.kind for p in vorlagen.check_template(data)] == [ProblemKind.SPLIT_BLOCK]


def test_problems_name_the_paragraph_after_paragraph_tags() -> None:
    data = template(
        b.para("{%p if vorlage.aktenzeichen %}"),
        b.para("Aktenzeichen"),
        b.para("{%p endif %}"),
        b.para("{% if vorlage.oeffentlich %}öffentlich"),
        b.table(WIDTHS, [b.row([b.cell("{% endif %}", 3000), b.cell("", 3000), b.cell("", 3355)])]),
        b.para("{{ vorlage.unbekannt }}"),
    )
    problems = vorlagen.check_template(data)
    # every problem at once: the checker's, and the block only preparing the template finds
    assert [(p.kind, p.paragraph) for p in problems] == [
        (ProblemKind.UNKNOWN_NAME, 9),  # paragraphs in tables count too
        (ProblemKind.SPLIT_BLOCK, 6),
    ]
    assert "„if“ aus Absatz 5" in problems[1].message


def test_block_filter_is_not_for_templates() -> None:
    data = template(b.para("Text {{ vorlage.sachdarstellung|_als_absaetze }}"))
    assert [p.kind for p in vorlagen.check_template(data)] == [ProblemKind.UNKNOWN_FILTER]


def test_a_method_printed_is_an_error_not_an_address() -> None:
    tpl = Template.from_bytes(template(b.para("{{ vorlage.betreff.upper }}")))
    with pytest.raises(vorlagen.RenderError, match="kann nicht als Text ausgegeben werden"):
        tpl.render(example("beschlussvorlage.json"))


def test_a_template_pickles_and_renders_the_same() -> None:
    tpl = vorlagen.Template.from_path(
        vorlagen.__path__[0] + "/templates/stadt.docx", hausstil=Hausstil(waehrung="EUR")
    )
    copy = pickle.loads(pickle.dumps(tpl))
    assert copy == tpl
    paper = example("beschlussvorlage.json")
    assert copy.render(paper, "oeffentlich") == tpl.render(paper, "oeffentlich")


@pytest.mark.parametrize(
    ("paragraphs", "kind", "words"),
    [
        (["{{r vorlage.betreff }}"], ProblemKind.UNSUPPORTED, "RichText"),
        (
            ["{%p if vorlage.oeffentlich -%}", "öffentlich", "{%p endif %}"],
            ProblemKind.UNSUPPORTED,
            "das „-“ weglassen",
        ),
        (["{{p vorlage.sachdarstellung -}}"], ProblemKind.UNSUPPORTED, "das „-“ weglassen"),
        (["{% cellbg 'FF0000' %}"], ProblemKind.UNSUPPORTED, "Erweiterung von docxtpl"),
        (["{#anlagen}Anlage{/anlagen}"], ProblemKind.UNCLOSED_TAG, "docxtemplater"),
    ],
)
def test_tags_that_would_lose_data_are_refused_with_the_fix(
    paragraphs: list[str], kind: ProblemKind, words: str
) -> None:
    (problem,) = vorlagen.check_template(template(*(b.para(text) for text in paragraphs)))
    assert problem.kind is kind
    assert words in problem.message
    assert ")" not in problem.message.replace("(", "").split("“")[0]  # no parenthesis of ours


def test_a_table_without_grid_renders() -> None:
    cells = [b.cell("{{ vorlage.nummer }}", 3000), b.cell("Zweite", 3000)]
    table = b.table((3000, 3000), [b.row(cells)])
    without_grid = table.replace(
        table[table.index("<w:tblGrid>") : table.index("</w:tblGrid>") + 12], ""
    )
    assert "<w:tblGrid>" not in without_grid
    data = Template.from_bytes(template(without_grid)).render(example("beschlussvorlage.json"))
    assert [c.text for c in open_docx(data).tables[0].rows[0].cells] == ["0187/2026", "Zweite"]


def test_a_long_core_property_of_the_template_does_not_stop_a_render() -> None:
    parts = shipped_parts()
    long = "Kategorie " * 40
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
        "</cp:coreProperties>", f"<cp:category>{long}</cp:category></cp:coreProperties>"
    )
    data = Template.from_bytes(b.zip_parts(parts)).render(example("beschlussvorlage.json"))
    assert open_docx(data).core_properties.category == long


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            lambda xml: xml.replace(
                "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "http://purl.oclc.org/ooxml/wordprocessingml/main",
            ),
            "Strict Open XML",
        ),
        (lambda xml: xml.replace("w:", "ns0:").replace("xmlns:w=", "xmlns:ns0="), "„ns0:“"),
    ],
    ids=["strict", "prefix"],
)
def test_bodies_written_otherwise_are_refused_with_the_way_out(
    change: Callable[[str], str], words: str
) -> None:
    parts = shipped_parts()
    parts["word/document.xml"] = change(parts["word/document.xml"])
    (problem,) = vorlagen.check_template(b.zip_parts(parts))
    assert (problem.kind, problem.part) == (ProblemKind.PACKAGE, "word/document.xml")
    assert words in problem.message


def test_a_logo_that_compresses_well_is_no_bomb() -> None:
    parts: dict[str, str | bytes] = {**shipped_parts()}
    parts["word/media/logo.emf"] = bytes(1_500_000)  # 1.5 MB, compresses far beyond 100:1
    assert vorlagen.check_template(b.zip_parts(parts)) == []


def test_a_relationship_to_a_missing_part_is_refused_naming_it() -> None:
    parts = shipped_parts()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        "</Relationships>",
        '<Relationship Id="rIdX" Target="header9.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/header"/></Relationships>',
    )
    (problem,) = vorlagen.check_template(b.zip_parts(parts))
    assert (problem.kind, problem.part) == (ProblemKind.PACKAGE, "word/_rels/document.xml.rels")
    assert "„word/header9.xml“" in problem.message


@pytest.mark.parametrize(
    ("rels", "second", "named"),
    [
        # a second core-properties relationship, in LibreOffice's spelling, to another part
        (
            "_rels/.rels",
            '<Relationship Id="rIdX" Target="docProps/core2.xml" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/metadata/core-properties"/>',
            "Dokumenteigenschaften („docProps/core.xml“, „docProps/core2.xml“)",
        ),
        (
            "word/_rels/document.xml.rels",
            '<Relationship Id="rIdX" Target="styles.xml" Type="http://schemas.openxmlformats.'
            'org/officeDocument/2006/relationships/styles"/>',
            "Formatvorlagen („word/styles.xml“, „word/styles.xml“)",
        ),
    ],
)
def test_a_second_relationship_of_a_single_kind_is_refused(
    rels: str, second: str, named: str
) -> None:
    parts = shipped_parts()
    parts["docProps/core2.xml"] = parts["docProps/core.xml"]
    parts[rels] = parts[rels].replace("</Relationships>", f"{second}</Relationships>")
    (problem,) = vorlagen.check_template(b.zip_parts(parts))
    assert (problem.kind, problem.part) == (ProblemKind.PACKAGE, rels)
    assert f"verweist 2-mal auf {named}, erlaubt ist ein Verweis" in problem.message
    with pytest.raises(vorlagen.TemplateError, match="in Word neu speichern"):
        Template.from_bytes(b.zip_parts(parts))


@pytest.mark.parametrize(
    "encode",
    [
        lambda xml: b"\xef\xbb\xbf" + xml.encode("utf-8"),  # with a byte order mark
        lambda xml: xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
    ],
    ids=["utf-8-bom", "utf-16"],
)
def test_parts_in_any_encoding_render_to_well_formed_xml(encode: Callable[[str], bytes]) -> None:
    # some tools write a byte order mark before the declaration, or UTF-16; a part without
    # tags (here the footer) is as much affected as one with
    text = shipped_parts()
    text["word/footer1.xml"] = re.sub(r"\{\{[^}]*\}\}", "Kreis Lindenau", text["word/footer1.xml"])
    parts: dict[str, str | bytes] = {**text}
    for name in ("word/document.xml", "word/footer1.xml", "word/settings.xml"):
        parts[name] = encode(text[name])
    paper = example("beschlussvorlage.json")
    data = Template.from_bytes(b.zip_parts(parts)).render(paper)
    doc = open_docx(data)
    assert paper.betreff in [p.text for p in doc.paragraphs]
    assert "Kreis Lindenau · Vorlage Kreis Lindenau" in doc.sections[0].footer.paragraphs[0].text
