"""Templates as offices save them: Word templates (.dotx), macros refused, LibreOffice's DOCX."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

import vorlagen
from tests.conftest import EXAMPLE_FILES, example, open_docx
from vorlagen import Template, TemplateError
from vorlagen.cli import main
from vorlagen.docx.package import CORE_REL, add_part, related_part

SHIPPED = Path(vorlagen.__file__).parent / "templates"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
MACRO_MAIN = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
#: The core properties relationship as LibreOffice writes it (note "officedocument").
LIBREOFFICE_CORE_REL = (
    "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def with_main_type(content_type: str) -> bytes:
    """The shipped default template, its main part declared as ``content_type``."""
    files = parts((SHIPPED / "default.docx").read_bytes())
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        f"{WML}.document.main+xml".encode(), content_type.encode()
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return out.getvalue()


def main_type(data: bytes) -> str:
    types = etree.fromstring(parts(data)["[Content_Types].xml"])
    (override,) = [
        o for o in types.iter(f"{CT}Override") if o.get("PartName") == "/word/document.xml"
    ]
    return str(override.get("ContentType"))


def core_relationships(data: bytes) -> list[str]:
    rels = etree.fromstring(parts(data)["_rels/.rels"])
    return [
        str(r.get("Target"))
        for r in rels.iter(f"{REL}Relationship")
        if "core-properties" in str(r.get("Type")).lower()
    ]


def overrides(data: bytes) -> Counter[str]:
    types = etree.fromstring(parts(data)["[Content_Types].xml"])
    return Counter(str(o.get("PartName")).lower() for o in types.iter(f"{CT}Override"))


# -- Word templates (.dotx) ---------------------------------------------------------------------


@pytest.fixture
def dotx(tmp_path: Path) -> Path:
    path = tmp_path / "kreis.dotx"
    path.write_bytes(with_main_type(f"{WML}.template.main+xml"))
    return path


def test_cli_checks_a_dotx(dotx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(dotx)]) == 0
    assert capsys.readouterr().out == f"{dotx}: keine Probleme gefunden\n"


def test_cli_renders_with_a_dotx_into_a_document(
    dotx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = example("beschlussvorlage.json")
    target = tmp_path / "0187-2026.docx"
    assert main(["render", str(EXAMPLE_FILES[0]), "--template", str(dotx), "-o", str(target)]) == 0
    assert f"{target} geschrieben" in capsys.readouterr().err
    data = target.read_bytes()
    assert main_type(data) == f"{WML}.document.main+xml"
    assert paper.betreff in [p.text for p in open_docx(data).paragraphs]


def test_api_renders_with_a_dotx(dotx: Path) -> None:
    paper = example("mitteilungsvorlage.json")
    for data in (
        vorlagen.render(paper, dotx),
        Template.from_bytes(dotx.read_bytes()).render(paper),
    ):
        assert main_type(data) == f"{WML}.document.main+xml"
        assert "template.main" not in parts(data)["[Content_Types].xml"].decode()
        assert paper.betreff in [p.text for p in open_docx(data).paragraphs]


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("kreis.dotm", MACRO_MAIN),
        ("kreis.docm", "application/vnd.ms-word.document.macroEnabled.main+xml"),
    ],
)
def test_macro_templates_are_refused_in_german(
    name: str, content_type: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(with_main_type(content_type))
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Vorlagen mit Makros (.docm, .dotm) sind nicht zulässig" in out
    assert "Word-Vorlage (*.dotx)" in out
    target = tmp_path / "out.docx"
    assert main(["render", str(EXAMPLE_FILES[0]), "--template", str(path), "-o", str(target)]) == 1
    assert "Makros" in capsys.readouterr().err
    assert not target.exists()
    with pytest.raises(TemplateError, match="Makros") as info:
        vorlagen.render(example("beschlussvorlage.json"), path)
    assert info.value.problems[0].part == "[Content_Types].xml"


# -- the package: one entry, one content type, one relationship per part ------------------------


def libreoffice_package() -> dict[str, bytes]:
    """The shipped default template with the package relationships LibreOffice writes."""
    files = parts((SHIPPED / "default.docx").read_bytes())
    files["_rels/.rels"] = files["_rels/.rels"].replace(
        CORE_REL.encode(), LIBREOFFICE_CORE_REL.encode()
    )
    return files


def test_libreoffice_core_relationship_is_found() -> None:
    assert related_part(libreoffice_package(), "", CORE_REL) == "docProps/core.xml"


def test_adding_an_existing_part_replaces_it() -> None:
    files = libreoffice_package()
    core_type = "application/vnd.openxmlformats-package.core-properties+xml"
    add_part(files, "docProps/core.xml", core_type, CORE_REL, "<neu/>", source="")
    add_part(files, "docProps/core.xml", core_type, CORE_REL, "<neuer/>", source="")
    assert files["docProps/core.xml"].endswith(b"<neuer/>")
    rels = etree.fromstring(files["_rels/.rels"])
    assert [r.get("Target") for r in rels if "core-properties" in str(r.get("Type"))] == [
        "docProps/core.xml"
    ]
    types = etree.fromstring(files["[Content_Types].xml"])
    assert [o.get("PartName") for o in types].count("/docProps/core.xml") == 1


def test_a_new_part_gets_its_relationship() -> None:
    files = {
        "[Content_Types].xml": parts((SHIPPED / "default.docx").read_bytes())["[Content_Types].xml"]
    }
    add_part(files, "word/footnotes.xml", f"{WML}.footnotes+xml", "urn:x:footnotes", "<f/>")
    assert related_part(files, "word/document.xml", "urn:x:footnotes") == "word/footnotes.xml"


def test_rendering_a_libreoffice_package_keeps_one_core_part() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in libreoffice_package().items():
            z.writestr(name, content)
    paper = example("beschlussvorlage.json")
    data = Template.from_bytes(out.getvalue()).render(paper)
    assert core_relationships(data) == ["docProps/core.xml"]
    assert overrides(data)["/docprops/core.xml"] == 1
    assert open_docx(data).core_properties.title == paper.betreff


# -- a template written in LibreOffice -----------------------------------------------------------

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>Vorlage des Kreises</dc:title><dc:language>de-DE</dc:language></office:meta>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties fo:language="de" fo:country="DE"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
   style:parent-style-name="Standard" style:default-outline-level="1">
   <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
   style:parent-style-name="Standard" style:default-outline-level="2">
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
  </style:style>
 </office:styles>
 <office:body>
  <office:text>
   <text:p text:style-name="Standard">{{ vorlage.koerperschaft }}</text:p>
   <text:h text:style-name="Heading_20_1" text:outline-level="1">{{ vorlage.betreff }}</text:h>
   <text:p text:style-name="Standard">Vorlage {{ vorlage.nummer }} vom {{ vorlage.datum }}</text:p>
   <table:table table:name="Beratungsfolge">
    <table:table-column table:number-columns-repeated="3"/>
    <table:table-header-rows>
     <table:table-row>
      <table:table-cell><text:p>Gremium</text:p></table:table-cell>
      <table:table-cell><text:p>Sitzung</text:p></table:table-cell>
      <table:table-cell><text:p>Zuständigkeit</text:p></table:table-cell>
     </table:table-row>
    </table:table-header-rows>
    <table:table-row>
     <table:table-cell><text:p>{%tr for b in vorlage.beratungsfolge %}</text:p></table:table-cell>
     <table:table-cell><text:p/></table:table-cell>
     <table:table-cell><text:p/></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell><text:p>{{ b.gremium }}</text:p></table:table-cell>
     <table:table-cell><text:p>{{ b.sitzungsdatum }}</text:p></table:table-cell>
     <table:table-cell><text:p>{{ b.zustaendigkeit }}</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell><text:p>{%tr endfor %}</text:p></table:table-cell>
     <table:table-cell><text:p/></table:table-cell>
     <table:table-cell><text:p/></table:table-cell>
    </table:table-row>
   </table:table>
   <text:p text:style-name="Standard">{%p if vorlage.beschlussvorschlag %}</text:p>
   <text:h text:style-name="Heading_20_2" text:outline-level="2">Beschlussvorschlag</text:h>
   <text:p text:style-name="Standard">{{p vorlage.beschlussvorschlag }}</text:p>
   <text:p text:style-name="Standard">{%p endif %}</text:p>
   <text:h text:style-name="Heading_20_2" text:outline-level="2">Sachdarstellung</text:h>
   <text:p text:style-name="Standard">{{p vorlage.sachdarstellung }}</text:p>
  </office:text>
 </office:body>
</office:document>
"""


@pytest.fixture(scope="module")
def libreoffice_template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The template above, saved as DOCX by LibreOffice."""
    soffice = os.environ.get("VORLAGEN_SOFFICE") or shutil.which("soffice")
    if soffice is None:
        reason = "soffice not found; install with 'apt-get install libreoffice-writer-nogui'"
        if os.environ.get("CI"):
            pytest.fail(f"LibreOffice is required in CI: {reason}")
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("libreoffice")
    (folder / "kreis.fodt").write_text(FODT, encoding="utf-8")
    profile = (folder / "profil").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
         "--outdir", str(folder), str(folder / "kreis.fodt")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    data = (folder / "kreis.docx").read_bytes()
    assert core_relationships(data) == ["docProps/core.xml"]
    return data


def audit(data: bytes, folder: Path) -> set[str]:
    path = folder / "audit.docx"
    path.write_bytes(data)
    return {str(error) for error in OpenXmlValidator().validate(str(path)).errors}


@pytest.mark.libreoffice
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_a_libreoffice_template_renders_every_example(
    libreoffice_template: bytes, path: Path, tmp_path: Path
) -> None:
    template = Template.from_bytes(libreoffice_template, name="kreis.docx")
    paper = example(path.name)
    data = template.render(paper)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
    assert len(names) == len(set(names))
    assert core_relationships(data) == ["docProps/core.xml"]
    assert max(overrides(data).values()) == 1
    # LibreOffice's own OOXML is not all valid (lvlJc "start", charsets, no theme);
    # the render adds no error of its own to it
    assert audit(data, tmp_path) <= audit(libreoffice_template, tmp_path)
    doc = open_docx(data)
    texts = [p.text for p in doc.paragraphs]
    assert paper.betreff in texts
    assert paper.koerperschaft in texts
    assert doc.core_properties.title == paper.betreff
    rows = [[cell.text for cell in row.cells] for row in doc.tables[0].rows]
    assert rows[0] == ["Gremium", "Sitzung", "Zuständigkeit"]
    assert [r[0] for r in rows[1:]] == [b.gremium for b in paper.beratungsfolge]
    assert ("Beschlussvorschlag" in texts) == (paper.beschlussvorschlag is not None)
