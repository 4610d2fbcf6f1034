"""Templates built like the ones counties bring: German style names, tags split by Word.

Each builder starts from the parts of the shipped template (:func:`shipped_parts`) and
changes them the way Word or LibreOffice would have saved them.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import vorlagen
from vorlagen.docx.build import document, para, zip_parts
from vorlagen.docx.ns import W_NS
from vorlagen.docx.package import XML_DECLARATION

DEFAULT = Path(vorlagen.__file__).parent / "templates" / "default.docx"


def shipped_parts() -> dict[str, str]:
    """The parts of the shipped default template, by name, as text; all of them are XML."""
    with zipfile.ZipFile(DEFAULT) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist()}


# id and name of each style as a German installation saves them
GERMAN_STYLES = {
    "Normal": ("Standard", "Standard"),
    "Title": ("Titel", "Titel"),
    **{f"Heading{n}": (f"berschrift{n}", f"Überschrift {n}") for n in range(1, 7)},
    "ListBullet": ("Aufzhlungszeichen", "Aufzählungszeichen"),
    "ListNumber": ("Listennummer", "Listennummer"),
    "Tabellenraster": ("Tabellenraster", "Tabellenraster"),
    "Footer": ("Fuzeile", "Fußzeile"),
}
ENGLISH_NAMES = {
    "Normal": "Normal",
    "Title": "Title",
    **{f"Heading{n}": f"heading {n}" for n in range(1, 7)},
    "ListBullet": "List Bullet",
    "ListNumber": "List Number",
    "Tabellenraster": "Table Grid",
    "Footer": "footer",
}


def german(*, drop: tuple[str, ...] = ("Heading5", "Heading6")) -> bytes:
    """The shipped template with German style ids and names; the styles in ``drop`` removed."""
    parts = shipped_parts()
    styles = parts["word/styles.xml"]
    for style_id in drop:
        styles = re.sub(rf'<w:style [^>]*w:styleId="{style_id}">.*?</w:style>', "", styles)
    for old_id, (new_id, new_name) in GERMAN_STYLES.items():
        styles = styles.replace(f'w:styleId="{old_id}"', f'w:styleId="{new_id}"')
        styles = styles.replace(
            f'<w:name w:val="{ENGLISH_NAMES[old_id]}"/>', f'<w:name w:val="{new_name}"/>'
        )
        for ref in ("basedOn", "next"):
            styles = styles.replace(f'<w:{ref} w:val="{old_id}"/>', f'<w:{ref} w:val="{new_id}"/>')
        for part in ("word/document.xml", "word/footer1.xml"):
            parts[part] = parts[part].replace(
                f'<w:pStyle w:val="{old_id}"/>', f'<w:pStyle w:val="{new_id}"/>'
            )
    parts["word/styles.xml"] = styles
    return zip_parts(parts)


_RUN_WITH_TAG = re.compile(
    r"<w:r>((?:<w:rPr>(?:(?!</w:r>).)*?</w:rPr>)?)"
    r'<w:t xml:space="preserve">([^<]*(?:\{\{|\{%)[^<]*)</w:t></w:r>'
)
_PIECES = re.compile(r"\{\{|\{%|\}\}|%\}|\.|\s+|[^{}%.\s]+|.")


def split_runs() -> bytes:
    """The shipped template as Word saves it after editing: tags cut into several runs.

    Every run holding a tag is split at braces, dots and spaces into runs with revision ids,
    with spell-check marks between them, as Word writes a tag typed in pieces.
    """
    rsids = itertools.cycle(["00A1B2C3", "00D4E5F6", "0012AB34"])

    def split(match: re.Match[str]) -> str:
        rpr, text = match.group(1), match.group(2)
        runs = []
        for piece in _PIECES.findall(text):
            run = f'<w:r w:rsidR="{next(rsids)}">{rpr}<w:t xml:space="preserve">{piece}</w:t></w:r>'
            if piece.isalpha():
                run = f'<w:proofErr w:type="spellStart"/>{run}<w:proofErr w:type="spellEnd"/>'
            runs.append(run)
        return "".join(runs)

    parts = shipped_parts()
    for part in ("word/document.xml", "word/footer1.xml"):
        parts[part], count = _RUN_WITH_TAG.subn(split, parts[part])
        assert count, part
    return zip_parts(parts)


def bare() -> bytes:
    """A template with only the Normal style and no numbering part: everything else is added."""
    parts = shipped_parts()
    parts["word/styles.xml"] = (
        f'{XML_DECLARATION}<w:styles xmlns:w="{W_NS}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/></w:style>'
        "</w:styles>"
    )
    del parts["word/numbering.xml"]
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
        'Target="numbering.xml"/>',
        "",
    )
    parts["[Content_Types].xml"] = re.sub(
        r'<Override PartName="/word/numbering.xml"[^>]*/>', "", parts["[Content_Types].xml"]
    )
    parts["word/document.xml"] = document(
        [para("{{ vorlage.betreff }}"), para("{{p vorlage.sachdarstellung }}")]
    )
    return zip_parts(parts)


def shipped(name: str) -> Callable[[], bytes]:
    """The bytes of a shipped template, read when called."""
    return (Path(vorlagen.__file__).parent / "templates" / f"{name}.docx").read_bytes


#: The templates every render test goes through: both shipped ones and the fixtures above.
FIXTURES: dict[str, Callable[[], bytes]] = {
    "default": shipped("default"),
    "stadt": shipped("stadt"),
    "german": german,
    "split": split_runs,
    "bare": bare,
}
