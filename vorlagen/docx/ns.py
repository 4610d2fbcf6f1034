"""WordprocessingML facts that every other module needs: namespaces, text, element order.

Each fact lives here once: the namespace URIs, the ``{uri}name`` form lxml uses, a
paragraph's own text, the schema order of a paragraph's properties, and how to find or
create a child element.
"""

from __future__ import annotations

from typing import Any, Final

from lxml import etree

__all__ = [
    "A_NS",
    "CP_NS",
    "CT_NS",
    "DCTERMS_NS",
    "DC_NS",
    "EXTENDED_NS",
    "LANGUAGE",
    "MC_NS",
    "PIC_NS",
    "PKG_REL_NS",
    "REL_NS",
    "WML_CONTENT_TYPE",
    "WP_NS",
    "W_NS",
    "XML_NS",
    "XSI_NS",
    "child",
    "paragraph_text",
    "reorder_ppr",
    "w",
]

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: The namespace of ``xml:space`` and ``xml:lang``.
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
#: The language of every document: German as spoken in Germany.
LANGUAGE: Final = "de-DE"
#: Relationship ids in a part (``r:id``, ``r:embed``) and relationship types' common prefix.
REL_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: The root of a ``.rels`` part.
PKG_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
#: Markup compatibility: ``mc:Ignorable`` names the prefixes a reader may ignore.
MC_NS: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/picture"
CP_NS: Final = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS: Final = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS: Final = "http://purl.org/dc/terms/"
XSI_NS: Final = "http://www.w3.org/2001/XMLSchema-instance"
#: The root of ``docProps/app.xml``.
EXTENDED_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
#: The common prefix of WordprocessingML content types (``…main+xml``, ``…header+xml``).
WML_CONTENT_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml"

_W: Final = f"{{{W_NS}}}"


def w(name: str) -> str:
    """The lxml tag of a WordprocessingML element or attribute.

    >>> w("p")
    '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p'
    """
    return _W + name


def paragraph_text(paragraph: Any, *, breaks: bool = True, deleted: bool = False) -> str:
    r"""A paragraph's own text (not that of paragraphs nested in it, e.g. in text boxes).

    With ``breaks``, tabs and line breaks in runs count as ``\t`` and ``\n`` (a ``w:tab``
    in ``w:tabs`` is a tab stop, not text). With ``deleted``, the text of tracked deletions
    (``w:delText``) instead of the text.

    >>> p = etree.fromstring(
    ...     f'<w:p xmlns:w="{W_NS}"><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>')
    >>> paragraph_text(p), paragraph_text(p, breaks=False)
    ('a\tb', 'ab')
    """
    text = _W + ("delText" if deleted else "t")
    tags = (text, _W + "tab", _W + "br") if breaks else (text,)
    pieces = []
    for element in paragraph.iter(*tags):
        if next(element.iterancestors(_W + "p"), None) is not paragraph:
            continue
        if element.tag == text:
            pieces.append(element.text or "")
        elif element.getparent().tag == _W + "r":
            pieces.append("\t" if element.tag == _W + "tab" else "\n")
    return "".join(pieces)


def child(parent: Any, name: str, *, first: bool = False) -> Any:
    """The ``w:name`` child of ``parent``, created (as first or last child) if missing."""
    found = parent.find(_W + name)
    if found is None:
        found = etree.Element(_W + name)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


# The order of w:pPr's children that the schema requires.
_PPR_ORDER: Final = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)  # fmt: skip
_PPR_RANK: Final = {_W + name: rank for rank, name in enumerate(_PPR_ORDER)}


def reorder_ppr(ppr: Any) -> None:
    """Sort a paragraph's properties (``w:pPr``) into schema order after one was added."""
    ppr[:] = sorted(ppr, key=lambda element: _PPR_RANK.get(element.tag, len(_PPR_RANK)))
