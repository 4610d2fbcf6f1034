"""Reading the tags Word wrote: a part's XML as the Jinja source it stands for.

Word cuts a typed tag into several runs, and docxtpl's paragraph, row and cell tags
(``{%p``, ``{%tr``, ``{%tc``) stand for the element around them; docxtpl knows how to read
both, so it does that, once, when a template is loaded. ``{{p expr }}`` is routed through
the block filter, which turns rich content into paragraphs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from lxml import etree

from vorlagen.docx.package import SAFE_PARSER

__all__ = ["BLOCK_FILTER", "Source", "has_tags", "jinja_source", "read_tags", "structure_problems"]

#: The filter a ``{{p expr }}`` tag is rewritten to call: it turns ``expr`` into paragraphs.
BLOCK_FILTER: Final = "_als_absaetze"

# Word splits a tag over several runs; join "{<w:r>...<w:t>{" back into "{{" and so on,
# before the block tags are rewritten.
_SPLIT_BRACES = re.compile(r"(?<={)(<[^>]*>)+(?=[\{%\#])|(?<=[%\}\#])(<[^>]*>)+(?=\})", re.DOTALL)
_INSIDE_TAG = re.compile(r"{%(?:(?!%}).)*|{#(?:(?!#}).)*|{{(?:(?!}}).)*", re.DOTALL)
_BETWEEN_RUNS = re.compile(r"</w:t>.*?(<w:t>|<w:t [^>]*>)", re.DOTALL)
_BLOCK_TAG = re.compile(r"\{\{p\s+((?:(?!\}\}).)*?)\s*\}\}", re.DOTALL)
# A newline before each paragraph, so that Jinja's line numbers count paragraphs (and the
# whitespace control of {%p ...%} tags has a line to remove); taken out after rendering.
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_COLUMN_TAG = re.compile(r"\{%-?\s*tc\s")


@dataclass(frozen=True)
class Source:
    """A part's Jinja source.

    Attributes:
        text: the source to render, with a newline before each paragraph that stays (the
            whitespace control of ``{%p ...%}`` tags needs a line to remove), as docxtpl
            renders it.
        numbered: the same source with a newline before each paragraph of the template,
            read before the tags are: line n is paragraph n - 1, for problems to name it.
        column_tags: whether it repeats table cells (``{%tc``), which can change how many
            columns a table has.
        static: in a large part, the stretches without tags, which ``text`` holds as
            markers (:meth:`expand`) for Jinja not to read megabytes it only copies.
    """

    text: str
    numbered: str
    column_tags: bool
    static: tuple[str, ...] = ()

    def expand(self, rendered: str) -> str:
        """A render of ``text`` with the stretches without tags put back in."""
        if not self.static:
            return rendered
        return _MARKER.sub(lambda m: self.static[int(m.group(1))], rendered)


def _join_split_tags(xml: str) -> str:
    xml = _SPLIT_BRACES.sub("", xml)
    return _INSIDE_TAG.sub(lambda m: _BETWEEN_RUNS.sub("", m.group(0)), xml)


@cache
def _docxtpl() -> Any:
    """The template class of docxtpl, used for its tag reading only (it holds no document)."""
    from docxtpl import DocxTemplate

    return DocxTemplate(None)


def has_tags(text: str) -> bool:
    """Whether a part's text holds a tag (``{{``, ``{%`` or ``{#``) at all."""
    return "{{" in text or "{%" in text or "{#" in text


def read_tags(xml: str) -> str:
    """A part's XML with Word's tags read.

    Tags are joined across runs, ``{%p``/``{%tr``/``{%tc`` become the Jinja they stand for,
    and ``{{p expr }}`` is routed through the block filter.
    """
    if "{" not in xml:  # every tag starts with one: a part without is read as it is
        return xml
    joined = _join_split_tags(xml)
    if not has_tags(joined):
        return joined
    text = _BLOCK_TAG.sub(lambda m: "{{p (" + m.group(1) + ")|" + BLOCK_FILTER + " }}", joined)
    patched: str = _docxtpl().patch_xml(text)
    return patched


_UTF8_DECLARATION = re.compile(rb'<\?xml[^>]*encoding="UTF-8"[^>]*\?>\s*', re.IGNORECASE)


def _as_written(xml: bytes) -> str:
    """A part's XML in the one form lxml writes, for the tag reading to see.

    A part without any ``{`` holds no tag: its UTF-8 text is taken as it is (a body of
    many megabytes need not be parsed and written again). Any other part (in UTF-16, or
    with a byte order mark) is parsed.
    """
    declaration = _UTF8_DECLARATION.match(xml)
    plain = declaration is not None or (
        xml.startswith(b"<") and not xml.startswith((b"<?", b"<\0"))
    )
    if b"{" not in xml and plain:
        return xml[declaration.end() if declaration else 0 :].decode("utf-8")
    return etree.tostring(etree.fromstring(xml, SAFE_PARSER), encoding="unicode")


def jinja_source(xml: bytes) -> Source:
    """The Jinja source of a part: its XML with Word's tags read (:func:`read_tags`).

    The XML is parsed (safely) and written again first, so that the tag reading sees it in
    the one form lxml writes, whatever program saved the template. In a part larger than
    :data:`WINDOWED_FROM`, only the elements that hold a brace are read, each with its
    neighbours (every reading of a tag stays within them); the stretches between them are
    static: markers in the source to render, newlines in the numbered one.
    """
    text = _as_written(xml)
    if "{" not in text:  # no tag: the part stays as it is, nothing to number or read
        return Source(text, text, False)
    windows = _windows(text) if len(text) > WINDOWED_FROM else [(0, len(text))]
    pieces: list[str] = []
    numbered: list[str] = []
    static: list[str] = []
    start = 0
    for begin, end in [*windows, (len(text), len(text))]:
        gap = _PARAGRAPH_START.sub(r"\n<w:p\1", text[start:begin])
        if gap:
            core = gap.strip()
            lead = gap[: len(gap) - len(gap.lstrip())]
            trail = gap[len(lead) + len(core) :]
            pieces.append(f"{lead}<?vorlagen {len(static)}?>{trail}" if core else gap)
            static += [core] if core else []
            numbered.append("\n" * gap.count("\n"))
        window = text[begin:end]
        pieces.append(_PARAGRAPH_START.sub(r"\n<w:p\1", read_tags(window)))
        numbered.append(read_tags(_PARAGRAPH_START.sub(r"\n<w:p\1", window)))
        start = end
    return Source(
        "".join(pieces),
        "".join(numbered),
        any(_COLUMN_TAG.search(_join_split_tags(text[b:e])) for b, e in windows),
        tuple(static),
    )


#: The size of a part's XML from which only the stretches around braces are read.
WINDOWED_FROM = 2**18
# the marker of a static stretch: a processing instruction no value can produce (values are
# escaped); a template's own instructions are not touched, their number is not ours
_MARKER = re.compile(r"<\?vorlagen (\d+)\?>")
# The start of an element that holds paragraphs or is one, opening or closing
_BLOCK_ELEMENT = re.compile(r"<(/?)w:(?:p|tbl|sdt|customXml)[ >/]")


def _windows(xml: str) -> list[tuple[int, int]]:
    """The stretches of a part's XML that hold its braces, as (start, end).

    Each is an element at the top level (a paragraph, table or content control) with a
    brace, together with the two stretches on either side; overlapping ones are joined.
    """
    bounds, depth = [0], 0
    for match in _BLOCK_ELEMENT.finditer(xml):
        end = xml.index(">", match.end() - 1) + 1
        if match.group(1):
            depth -= 1
            if depth == 0:
                bounds.append(end)
        elif xml[end - 2] == "/":  # an empty element
            bounds += [match.start(), end] if depth == 0 else []
        else:
            bounds += [match.start()] if depth == 0 else []
            depth += 1
    bounds = sorted({*bounds, len(xml)})
    windows: list[tuple[int, int]] = []
    for brace in re.finditer(r"\{", xml):
        i = bisect.bisect_right(bounds, brace.start()) - 1
        begin, end = bounds[max(i - 2, 0)], bounds[min(i + 3, len(bounds) - 1)]
        if windows and begin <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((begin, end))
    return windows


# Jinja's tags, XML tags, comments and processing instructions, in source order. lxml
# writes "<" and ">" in text and attribute values as entities, and docxtpl turns them back
# only inside Jinja's tags: outside them, every "<" starts markup.
_TOKENS = re.compile(
    r"\{%-?\s*(\w+)(?:(?!%\}).)*%\}|\{\{.*?\}\}|\{#.*?#\}"
    r"|<!--.*?-->|<\?.*?\?>|<(/?)([^\s>/]+)[^>]*?(/?)>",
    re.DOTALL,
)
# Elements a block may leave and enter again by kind: closing a paragraph, run or text and
# opening another one keeps the XML whole. Any other element (a table, row, cell, content
# control, hyperlink, tracked change) must be the same one at both ends.
_BY_KIND: Final = frozenset({"w:p", "w:r", "w:t"})
_OPENING: Final = frozenset({"if", "for"})
_MIDDLE: Final = frozenset({"elif", "else"})


def structure_problems(source: str) -> list[tuple[int, str]]:
    """Blocks whose branches would leave the XML broken: (line, message) for each.

    Each branch of a block (``if``, ``for``) must end inside the same elements as it began
    (for paragraphs, runs and text: inside elements of the same kinds): then leaving it out
    or repeating it keeps every element whole. ``{% if %}`` in a paragraph of the text and
    ``{% endif %}`` in a table cell is not such a block, nor ``{%p if %}`` in one cell and
    ``{%p endif %}`` in the next: without the branch, a cell would lose its table, or its
    paragraph.
    """
    problems: list[tuple[int, str]] = []
    elements: list[str] = []  # the open elements: their kind, or kind and place
    blocks: list[tuple[str, tuple[str, ...], int]] = []
    line, counted = 1, 0
    for match in _TOKENS.finditer(source):
        keyword, closing, name, empty = match.groups()
        line += source.count("\n", counted, match.start())
        counted = match.start()
        if name is not None and not empty:
            if closing and elements:
                elements.pop()
            elif not closing:
                elements.append(name if name in _BY_KIND else f"{name}@{match.start()}")
        elif keyword in _OPENING:
            blocks.append((keyword, tuple(elements), line))
        elif blocks and (keyword in _MIDDLE or keyword in ("endif", "endfor")):
            opened, where, start = blocks[-1]
            if tuple(elements) != where:
                problems.append((line, _split_block(opened, keyword, start)))
                elements[:] = where  # report each block once, and go on from its start
            if keyword.startswith("end"):
                blocks.pop()
    return problems


def _split_block(opened: str, keyword: str, start: int) -> str:
    return (
        f"„{keyword}“ steht auf einer anderen Ebene (Text, Tabelle, Tabellenzelle) als das "
        f"„{opened}“ aus Absatz {max(start - 1, 1)}: fiele der Block weg oder würde er "
        "wiederholt, zerschnitte er Absätze oder Tabellen; Anfang und Ende auf dieselbe "
        f"Ebene schreiben, z. B. beide als eigene Absätze ({{%p {opened} … %}} … "
        f"{{%p end{opened} %}}) oder beide in Tabellenzeilen ({{%tr … %}})"
    )
