"""Markdown (CommonMark with GFM tables) as Inhalt blocks, via markdown-it-py.

Everything Markdown can say that a council paper can hold is mapped; anything else (raw
HTML, deeper headings, images without alternative text, …) is an error naming its line.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from vorlagen.schemas.fehler import meldung

__all__ = ["MarkdownBloecke", "markdown_bloecke"]

_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
_ALIGN = {
    "text-align:left": "links",
    "text-align:center": "zentriert",
    "text-align:right": "rechts",
}
_MAX_HEADING = 3
_MAX_LIST_DEPTH = 3  # as Liste allows; checked here too, to name the line of the deepest list

# The first line of each block, list entry and table row made from Markdown, by the id of its
# dict or list: an error the model finds in them later is told with its line.
_Lines = dict[int, int]


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


def _list(node: SyntaxTreeNode, lines: _Lines, depth: int = 1) -> dict[str, Any]:
    if depth > _MAX_LIST_DEPTH:
        raise _error(
            _line(node),
            f"Listen können höchstens {_MAX_LIST_DEPTH} Ebenen tief geschachtelt werden",
        )
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
                sublist = _list(child, lines, depth + 1)
            else:
                raise _error(
                    _line(child), "in einem Listeneintrag sind nur Text und eine Unterliste möglich"
                )
        if not text:
            raise _error(_line(item), "leerer Listeneintrag")
        entry = {"text": text, "liste": sublist} if sublist else text
        lines[id(entry)] = _line(item) or 0
        entries.append(entry)
    return {"typ": "liste", "nummeriert": node.type == "ordered_list", "eintraege": entries}


def _table(node: SyntaxTreeNode, lines: _Lines) -> dict[str, Any]:
    rows = [row for section in node.children for row in section.children]
    cells = [
        [_runs(_inline(cell)) if cell.children else [" "] for cell in row.children] for row in rows
    ]
    for row, row_cells in zip(rows, cells, strict=True):
        lines[id(row_cells)] = _line(row) or 0
    align = [_ALIGN.get(str(cell.attrs.get("style", ""))) for cell in rows[0].children]
    # an empty cell holds a space: a table cell may be empty, a paragraph may not
    block: dict[str, Any] = {"typ": "tabelle", "kopf": cells[0], "zeilen": cells[1:]}
    if any(align):
        block["ausrichtung"] = align
    return block


def _block(node: SyntaxTreeNode, lines: _Lines) -> list[dict[str, Any]]:
    """The blocks of one Markdown block node (a block quote gives one per paragraph)."""
    kind = node.type
    if kind == "heading":
        level = int(node.tag[1])
        if level > _MAX_HEADING:
            raise _error(_line(node), f"Überschriften nur bis Ebene {_MAX_HEADING} (###)")
        return [{"typ": "ueberschrift", "text": _runs(_inline(node)), "ebene": level}]
    if kind == "paragraph":
        return [_paragraph(node)]
    if kind in ("bullet_list", "ordered_list"):
        return [_list(node, lines)]
    if kind == "table":
        return [_table(node, lines)]
    if kind == "blockquote":
        quotes = []
        for child in node.children:
            if child.type != "paragraph":
                raise _error(_line(child), "in einem Zitat sind nur Absätze möglich")
            quotes.append({"typ": "zitat", "text": _runs(_inline(child))})
            lines[id(quotes[-1])] = _line(child) or 0
        return quotes
    if kind in ("fence", "code_block"):
        return [{"typ": "absatz", "text": [{"typ": "code", "text": node.content.rstrip("\n")}]}]
    if kind == "html_block":
        raise _error(_line(node), f"HTML wird nicht übernommen: {node.content.strip()[:40]}")
    if kind == "hr":
        raise _error(_line(node), "Trennlinien (---) werden nicht unterstützt")
    # no other block nodes in the commonmark preset with tables
    raise _error(_line(node), f"nicht unterstützt: {kind}")  # pragma: no cover


def _blocks(nodes: list[SyntaxTreeNode], lines: _Lines) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        for block in _block(node, lines):
            lines.setdefault(id(block), _line(node) or 0)
            out.append(block)
    return out


def _child(value: Any, part: int | str) -> Any:
    """``value[part]``; ``value`` itself where ``part`` is the tag of a union member."""
    if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
        return value[part]
    if isinstance(value, dict) and part in value:
        return value[part]
    return value


class MarkdownBloecke:
    """Markdown as Inhalt blocks (dicts, to be validated as Inhalt), each with its line.

    Raises ``PydanticCustomError`` naming the line for what Markdown can say and a council
    paper cannot hold.
    """

    def __init__(self, text: str) -> None:
        self._lines: _Lines = {}
        self.bloecke = _blocks(SyntaxTreeNode(_PARSER.parse(text)).children, self._lines)
        # Many write "##" for their first heading level: the highest level used becomes level 1,
        # so that no heading level is skipped below the template's section headings.
        headings = [b for b in self.bloecke if b["typ"] == "ueberschrift"]
        top = min((b["ebene"] for b in headings), default=1)
        for block in headings:
            block["ebene"] -= top - 1

    def zeile(self, loc: tuple[int | str, ...]) -> int | None:
        r"""The Markdown line of the block, entry or row an error location ``loc`` is in.

        >>> MarkdownBloecke("Absatz\n\n- a\n  - b").zeile((1, "liste", "eintraege", 0, "eintrag",
        ...     "liste", "eintraege", 0, "text", 0))
        4
        """
        line = None
        current: Any = self.bloecke
        for part in loc:
            line = self._lines.get(id(current), line)
            current = _child(current, part)
        return self._lines.get(id(current), line) or None

    def fehler(self, error: ValidationError) -> PydanticCustomError:
        """The first problem the model found in the blocks, told with its Markdown line."""
        first = error.errors()[0]
        return _error(self.zeile(first["loc"]), meldung(first))


def markdown_bloecke(text: str) -> list[dict[str, Any]]:
    r"""Markdown as a list of Inhalt blocks (as dicts, to be validated as Inhalt).

    >>> for block in markdown_bloecke("## Anlass\n\nDer **Kreistag** beschließt."):
    ...     print(block)
    {'typ': 'ueberschrift', 'text': ['Anlass'], 'ebene': 1}
    {'typ': 'absatz', 'text': ['Der ', {'typ': 'fett', 'text': ['Kreistag']}, ' beschließt.']}
    """
    return MarkdownBloecke(text).bloecke
