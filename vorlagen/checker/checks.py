"""The template checker: every problem in a DOCX template's tags, each with its place.

Tags are read paragraph by paragraph from the WordprocessingML (so a malformed tag cannot
swallow the paragraphs after it, and each problem names its own paragraph or table cell),
then the Jinja in each tag is parsed on its own and its names are resolved against the types
of the context (for a council paper: the pydantic model of ``vorlage``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

import jinja2
from jinja2 import nodes
from lxml import etree

from vorlagen.checker.expressions import Expressions
from vorlagen.checker.scan import Collector, Paragraph, Tag, holds_tag, paragraphs, short, tags
from vorlagen.checker.scope import Scope
from vorlagen.checker.statements import Statements
from vorlagen.checker.types import Kinds, Loop, TagTypes, Unknown, describe, prints_as_text
from vorlagen.docx.package import SAFE_PARSER
from vorlagen.errors import ProblemKind, TemplateProblem

__all__ = ["TagTypes", "check_parts"]


_SMART_QUOTES: Final = re.compile("[„“”‚‘’«»‹›]")
# what a tag with a level prefix replaces, as a message names it
# what a tag of each level replaces: (the whole ..., into a ... of its own)
_REPLACES: Final = {
    "p": ("den ganzen Absatz", "einen eigenen Absatz"),
    "tr": ("die ganze Tabellenzeile", "eine eigene Tabellenzeile"),
    "tc": ("die ganze Tabellenzelle", "eine eigene Tabellenzelle"),
}


class _PartChecker:
    """Checks the tags of one part in document order."""

    def __init__(self, env: jinja2.Environment, types_: TagTypes, out: Collector) -> None:
        self.types = types_
        self.out = out
        scope = Scope(types_.names)
        self.expressions = Expressions(env, types_, scope, out)
        self.statements = Statements(self.expressions, scope, out)

    def check(self, tag: Tag) -> None:
        """Check one tag; a tag with typographic quotes is reported and not read further."""
        if _SMART_QUOTES.search(tag.raw):
            self.out.add(
                ProblemKind.SMART_QUOTES,
                tag.paragraph,
                tag.raw,
                "typografische Anführungszeichen im Tag; in Word die AutoKorrektur "
                "„Gerade Anführungszeichen durch typografische ersetzen“ abschalten und "
                "die Anführungszeichen neu tippen (' oder \")",
            )
            return
        if self.check_level_form(tag):
            return
        self.check_dropped_text(tag)
        self.check_level_in_table(tag)
        if tag.opener == "{{":
            self.check_output(tag)
        else:
            self.statements.check(tag)

    def check_level_form(self, tag: Tag) -> bool:
        """A docxtpl level this library cannot render as written; True if not to read on."""
        if tag.level == "r":
            message = (
                "„{{r …}}“ (RichText von docxtpl) wird nicht unterstützt, der Wert ginge "
                "verloren: „{{ … }}“ schreiben, die Formatierung gibt der Platzhalter selbst"
            )
            self.out.add(ProblemKind.UNSUPPORTED, tag.paragraph, tag.raw, message)
            return True
        if tag.level in _REPLACES and ("-%}" in tag.raw or "-}}" in tag.raw or "{%-" in tag.raw):
            # reported, and read on: its block still opens or closes
            message = (
                f"„-“ in einem „{tag.opener}{tag.level} …“-Tag ließe die Absätze daneben "
                "verschwinden: das „-“ weglassen (der Tag ersetzt seinen Absatz ohnehin ganz)"
            )
            self.out.add(ProblemKind.UNSUPPORTED, tag.paragraph, tag.raw, message)
        return False

    def check_dropped_text(self, tag: Tag) -> None:
        """A tag that replaces its paragraph, row or cell: no text beside it there."""
        if tag.level is None or tag.level not in _REPLACES:
            return
        whole, own = _REPLACES[tag.level]
        rest = tag.paragraph.replaced_text(tag.level).replace(tag.raw, "", 1).strip()
        if rest:
            self.out.add(
                ProblemKind.DROPPED_TEXT,
                tag.paragraph,
                tag.raw,
                f"der Tag ersetzt {whole}; der Text „{short(rest, 40)}“ "
                f"daneben fiele weg: in {own} verschieben",
            )

    def check_level_in_table(self, tag: Tag) -> None:
        """A tag that replaces its row or cell stands in a table."""
        if tag.level in ("tr", "tc") and tag.paragraph.table is None:
            self.out.add(
                ProblemKind.SYNTAX,
                tag.paragraph,
                tag.raw,
                f"„{{%{tag.level}“ gehört in eine Tabellenzeile; außerhalb von Tabellen „{{%p“",
            )

    def check_output(self, tag: Tag) -> None:
        """``{{ ... }}``: its expression, and whether its value fits where it stands."""
        kinds = self.output_kinds(tag)
        if kinds is None or Unknown in kinds:
            return
        plain = tuple(k for k in kinds if k is not Loop)
        if tag.level == "p":
            self.check_paragraph_content(tag, kinds, plain)
        else:
            self.check_run_content(tag, kinds, plain)

    def output_kinds(self, tag: Tag) -> Kinds | None:
        """The kinds of an output tag's expression, or None if it has a problem."""
        if not tag.body:
            self.out.add(ProblemKind.SYNTAX, tag.paragraph, tag.raw, "leerer Tag")
            return None
        ast = self.expressions.parse("{{ " + tag.body + " }}", tag)
        if ast is None:
            return None
        output = ast.body[0]
        assert isinstance(output, nodes.Output)
        return self.expressions.check(output.nodes[0], tag)

    def check_paragraph_content(self, tag: Tag, kinds: Kinds, plain: Kinds) -> None:
        """``{{p ...}}`` places paragraph content, or plain text."""
        if not any(self.is_rich(k) for k in plain) and not all(k is str for k in plain):
            self.out.add(
                ProblemKind.NOT_RICH,
                tag.paragraph,
                tag.raw,
                f"{{{{p ...}}}} braucht Inhalt (Sachdarstellung, Beschlussvorschlag, …), "
                f"nicht {describe(kinds)}: „{{{{ {tag.body} }}}}“ verwenden",
            )

    def check_run_content(self, tag: Tag, kinds: Kinds, plain: Kinds) -> None:
        """``{{ ... }}`` in a line of text prints text: no paragraphs, no lists or models."""
        if any(self.is_rich(k) for k in plain):
            self.out.add(
                ProblemKind.RICH_IN_RUN,
                tag.paragraph,
                tag.raw,
                f"Inhalt besteht aus Absätzen: „{{{{p {tag.body} }}}}“ allein in einen "
                "eigenen Absatz schreiben",
            )
        elif not all(prints_as_text(k, self.types.printable) for k in plain):
            self.out.add(
                ProblemKind.NOT_TEXT,
                tag.paragraph,
                tag.raw,
                f"{describe(kinds)} kann nicht als Text ausgegeben werden; ein Feld daraus "
                "wählen oder mit {%p for ... %} durchlaufen",
            )

    def is_rich(self, kind: Any) -> bool:
        """Whether ``kind`` is paragraph content."""
        return isinstance(kind, type) and issubclass(kind, self.types.rich)

    def finish(self) -> None:
        """At the end of the part."""
        self.statements.finish()


def _check_deleted(paragraph: Paragraph, out: Collector) -> None:
    if holds_tag(paragraph.deleted):
        out.add(
            ProblemKind.DELETED_TAG,
            paragraph,
            short(paragraph.deleted, 40),
            "Tag in einer nachverfolgten Löschung: in Word alle Änderungen annehmen oder ablehnen",
        )


def check_parts(
    parts: Mapping[str, bytes], env: jinja2.Environment, types_: TagTypes
) -> list[TemplateProblem]:
    """Every problem in the tags of ``parts`` (part name -> XML), in document order."""
    problems: list[TemplateProblem] = []
    for part, xml in parts.items():
        if b"{" not in xml and b"}" not in xml:
            continue  # no tag, nor half of one: nothing to check (a large body stays fast)
        out = Collector(part)
        try:
            root = etree.fromstring(xml, SAFE_PARSER)
        except etree.XMLSyntaxError as e:
            problems.append(
                TemplateProblem(part, f"kein gültiges XML: {e}", kind=ProblemKind.SYNTAX)
            )
            continue
        checker = _PartChecker(env, types_, out)
        for paragraph in paragraphs(root):
            _check_deleted(paragraph, out)
            for tag in tags(paragraph, out):
                checker.check(tag)
        checker.finish()
        problems.extend(out.problems)
    return problems
