"""The hooks of one render: how a paper's values print, in one house style, in one template.

A :class:`RenderHooks` is made for each render and put into its Jinja context (see
:mod:`vorlagen.rendering.sandbox`); it holds the formatter of the house style, the template's
styles and the :class:`~vorlagen.rendering.content.RenderState` rich content fills.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from jinja2 import Undefined
from markupsafe import Markup

from vorlagen.docx.styles import Styles
from vorlagen.errors import RenderError
from vorlagen.formatting.formatter import FILTERS, Formatter
from vorlagen.rendering.content import Context, RenderState, blocks_to_xml, escape, run_text
from vorlagen.rendering.tags import BLOCK_FILTER
from vorlagen.schemas import Inhalt

__all__ = ["FILTER_NAMES", "MEETING_FILTERS", "RenderHooks"]

#: The filters of a meeting's documents: the label of a TOP, the heading of a part.
MEETING_FILTERS: Final = ("top_nummer", "teil_titel", "abstimmung")
#: Every filter a template may use, the block filter of ``{{p ...}}`` included.
FILTER_NAMES: Final = (*FILTERS, *MEETING_FILTERS, BLOCK_FILTER)


class RenderHooks:
    """Formats and escapes what one render prints; turns rich content into paragraphs."""

    def __init__(
        self, formatter: Formatter, styles: Styles, labels: Mapping[int, str] | None = None
    ) -> None:
        """``labels``: the label of each TOP and Unterpunkt rendered, by the id of the object."""
        self.formatter = formatter
        self.state = RenderState(styles)
        self._labels = labels or {}
        self._content = Context(styles, self.state, formatter.inline, formatter.typography)

    def finalize(self, value: Any) -> Markup:
        """Format and escape every value a ``{{ ... }}`` tag prints, in the house style.

        All text goes through the one escape that also keeps docxtpl's ``{_{`` markers in
        the text from turning into tags, and keeps an e-mail address from breaking at its
        hyphens.
        """
        if isinstance(value, Markup):
            return value
        if isinstance(value, Undefined):
            # a name or attribute the sandbox did not give: saying so raises its own error
            return Markup(escape(str(value)))
        text = self.formatter.text(value)
        return Markup(run_text(text) if "@" in text else escape(text))

    def filter(self, name: str) -> Callable[[Any], Any]:
        """The filter called ``name``: the house style's, or the block filter."""
        if name == BLOCK_FILTER:
            return self.blocks
        if name == "top_nummer":
            return self.top_nummer
        if name == "teil_titel":
            return self.teil_titel
        if name == "abstimmung":
            return self.abstimmung
        return self.formatter.filter(name)

    def top_nummer(self, value: Any) -> str:
        """``{{ top|top_nummer }}``: the label of a TOP or Unterpunkt ("Ö 3", "N 1.2")."""
        label = self._labels.get(id(value))
        if label is None:
            msg = (
                "Filter 'top_nummer' gilt nur für die Punkte der Tagesordnung einer Sitzung "
                f"(sitzung.tagesordnung, top.unterpunkte), erhalten: {type(value).__name__}"
            )
            raise RenderError(msg)
        return label

    def abstimmung(self, value: Any) -> str:
        """``{{ ergebnis.abstimmung|abstimmung }}``: the result of a vote as a sentence."""
        from vorlagen.formatting.abstimmung import format_abstimmung  # minutes load on use
        from vorlagen.schemas import Abstimmung

        if value is None:
            return ""
        if not isinstance(value, Abstimmung):
            msg = f"Filter 'abstimmung' passt nicht zu {type(value).__name__}"
            raise RenderError(msg)
        return format_abstimmung(value)

    def teil_titel(self, value: Any) -> str:
        """``{{ sitzung.oeffentlicher_teil|teil_titel }}``: the heading of a part."""
        from vorlagen.formatting.tagesordnung import teil_titel as titel  # meetings on use
        from vorlagen.schemas import Teil

        if not isinstance(value, Teil):
            msg = f"Filter 'teil_titel' passt nicht zu {type(value).__name__}"
            raise RenderError(msg)
        return titel(value, self.formatter.hausstil)

    def blocks(self, value: Any) -> Markup:
        """Rich content (or a string read as such) as WordprocessingML paragraphs.

        An absent value (``None``) places no paragraph.
        """
        if value is None:
            return Markup()
        if isinstance(value, str):
            value = Inhalt.model_validate(value)
        if isinstance(value, Inhalt):
            return Markup(blocks_to_xml(value.root, self._content))
        msg = (
            f"{{{{p ...}}}} erwartet Inhalt (z. B. vorlage.sachdarstellung), "
            f"erhalten: {type(value).__name__}"
        )
        raise RenderError(msg)
