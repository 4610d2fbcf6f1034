"""Markdown (CommonMark with GFM tables) as Inhalt blocks, via markdown-it-py.

Everything Markdown can say that a council paper can hold is mapped; anything else (raw
HTML, deeper headings, images without alternative text, …) is an error naming its line.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from pydantic_core import PydanticCustomError

__all__ = ["markdown_bloecke"]

_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
_ALIGN = {
    "text-align:left": "links",
    "text-align:center": "zentriert",
    "text-align:right": "rechts",
}
_MAX_HEADING = 3


def _error(line: int | None, reason: str) -> PydanticCustomError:
    return PydanticCustomError(
        "markdown", "Markdown, Zeile {zeile}: {grund}", {"zeile": line or "?", "grund": reason}
    )


def _line(node: SyntaxTreeNode) -> int | None:
    while node is not None:
        if node.map:
            return node.map[0] + 1
        node = node.parent  # type: ignore[assignment]
    return None


def _runs(node: SyntaxTreeNode) -> list[Any]:
    """The inline children of ``node`` as Inhalt runs (strings and typed dicts)."""
    runs: list[Any] = []

    def add(run: Any) -> None:
        if isinstance(run, str) and runs and isinstance(runs[-1], str):
            runs[-1] += run
        elif run != "":
            runs.append(run)

    for child in node.children:
        kind = child.type
        if kind == "text":
            add(child.content)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "strong":
            add({"typ": "fett", "text": _runs(child)})
        elif kind == "em":
            add({"typ": "kursiv", "text": _runs(child)})
        elif kind == "code_inline":
            add({"typ": "code", "text": child.content})
        elif kind == "link":
            add({"typ": "link", "text": _plain(child), "ziel": str(child.attrs.get("href", ""))})
        elif kind == "image":
            raise _error(_line(node), "ein Bild muss allein in einem eigenen Absatz stehen")
        elif kind == "html_inline":
            raise _error(_line(node), f"HTML wird nicht übernommen: {child.content}")
        else:  # pragma: no cover - markdown-it's commonmark preset has no other inline nodes
            raise _error(_line(node), f"nicht unterstützt: {kind}")
    return runs


def _plain(node: SyntaxTreeNode) -> str:
    if node.type in ("text", "code_inline"):
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return "".join(_plain(child) for child in node.children)


def _inline(node: SyntaxTreeNode) -> SyntaxTreeNode:
    (inline,) = node.children
    return inline


def _paragraph(node: SyntaxTreeNode) -> dict[str, Any]:
    inline = _inline(node)
    if len(inline.children) == 1 and inline.children[0].type == "image":
        image = inline.children[0]
        alt = _plain(image).strip()
        src = str(image.attrs.get("src", ""))
        if not alt:
            raise _error(_line(node), f"Bild „{src}“ ohne Alternativtext: ![Beschreibung]({src})")
        if "://" in src:
            raise _error(_line(node), f"nur Bilddateien, keine Adressen: {src}")
        block: dict[str, Any] = {"typ": "bild", "pfad": src, "alt": alt}
        if image.attrs.get("title"):
            block["beschriftung"] = str(image.attrs["title"])
        return block
    return {"typ": "absatz", "text": _runs(inline)}


def _list(node: SyntaxTreeNode) -> dict[str, Any]:
    entries: list[Any] = []
    for item in node.children:
        text: list[Any] = []
        sublist = None
        for child in item.children:
            if child.type == "paragraph":
                if text:
                    text.append("\n")
                text.extend(_runs(_inline(child)))
            elif child.type in ("bullet_list", "ordered_list") and sublist is None:
                sublist = _list(child)
            else:
                raise _error(
                    _line(child), "in einem Listeneintrag sind nur Text und eine Unterliste möglich"
                )
        if not text:
            raise _error(_line(item), "leerer Listeneintrag")
        entries.append({"text": text, "liste": sublist} if sublist else text)
    return {"typ": "liste", "nummeriert": node.type == "ordered_list", "eintraege": entries}


def _table(node: SyntaxTreeNode) -> dict[str, Any]:
    rows = [row for section in node.children for row in section.children]
    cells = [
        [_runs(_inline(cell)) if cell.children else [" "] for cell in row.children] for row in rows
    ]
    align = [_ALIGN.get(str(cell.attrs.get("style", ""))) for cell in rows[0].children]
    # an empty cell holds a space: a table cell may be empty, a paragraph may not
    block: dict[str, Any] = {"typ": "tabelle", "kopf": cells[0], "zeilen": cells[1:]}
    if any(align):
        block["ausrichtung"] = align
    return block


def _blocks(nodes: list[SyntaxTreeNode]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        kind = node.type
        if kind == "heading":
            level = int(node.tag[1])
            if level > _MAX_HEADING:
                raise _error(_line(node), f"Überschriften nur bis Ebene {_MAX_HEADING} (###)")
            out.append({"typ": "ueberschrift", "text": _runs(_inline(node)), "ebene": level})
        elif kind == "paragraph":
            out.append(_paragraph(node))
        elif kind in ("bullet_list", "ordered_list"):
            out.append(_list(node))
        elif kind == "table":
            out.append(_table(node))
        elif kind == "blockquote":
            for child in node.children:
                if child.type != "paragraph":
                    raise _error(_line(child), "in einem Zitat sind nur Absätze möglich")
                out.append({"typ": "zitat", "text": _runs(_inline(child))})
        elif kind in ("fence", "code_block"):
            out.append(
                {"typ": "absatz", "text": [{"typ": "code", "text": node.content.rstrip("\n")}]}
            )
        elif kind == "html_block":
            raise _error(_line(node), f"HTML wird nicht übernommen: {node.content.strip()[:40]}")
        elif kind == "hr":
            raise _error(_line(node), "Trennlinien (---) werden nicht unterstützt")
        else:  # pragma: no cover - no other block nodes in the commonmark preset with tables
            raise _error(_line(node), f"nicht unterstützt: {kind}")
    return out


def markdown_bloecke(text: str) -> list[dict[str, Any]]:
    r"""Markdown as a list of Inhalt blocks (as dicts, to be validated as Inhalt).

    >>> for block in markdown_bloecke("## Anlass\n\nDer **Kreistag** beschließt."):
    ...     print(block)
    {'typ': 'ueberschrift', 'text': ['Anlass'], 'ebene': 1}
    {'typ': 'absatz', 'text': ['Der ', {'typ': 'fett', 'text': ['Kreistag']}, ' beschließt.']}
    """
    blocks = _blocks(SyntaxTreeNode(_PARSER.parse(text)).children)
    # Many write "##" for their first heading level: the highest level used becomes level 1,
    # so that no heading level is skipped below the template's section headings.
    levels = [b["ebene"] for b in blocks if b["typ"] == "ueberschrift"]
    if levels and min(levels) > 1:
        for block in blocks:
            if block["typ"] == "ueberschrift":
                block["ebene"] -= min(levels) - 1
    return blocks
