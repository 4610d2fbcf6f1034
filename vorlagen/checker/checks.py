"""The template checker: every problem in a DOCX template's tags, each with its place.

Tags are read paragraph by paragraph from the WordprocessingML (so a malformed tag cannot
swallow the paragraphs after it, and each problem names its own paragraph or table cell),
then the Jinja in each tag is parsed on its own and its names are resolved against the types
of the context (for a council paper: the pydantic model of ``vorlage``).
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import jinja2
from jinja2 import nodes
from jinja2.filters import FILTERS
from jinja2.tests import TESTS
from lxml import etree
from pydantic import BaseModel, RootModel

from vorlagen.docx.ns import W_NS, paragraph_text
from vorlagen.docx.package import SAFE_PARSER
from vorlagen.errors import TemplateProblem

__all__ = ["TagTypes", "check_parts"]

_W: Final = f"{{{W_NS}}}"
_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_OPEN_OR_CLOSE = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_LEVEL = re.compile(r"^(\{\{|\{%)-?(p|tr|tc|r)\s")
_SMART_QUOTES = re.compile("[„“”‚‘’«»‹›]")
_BLOCKS = {"if": "endif", "for": "endfor"}
_MIDDLES = {"elif": ("if",), "else": ("if", "for")}
_UNSUPPORTED = {
    "macro", "call", "filter", "block", "extends", "include", "import", "from", "with",
    "autoescape", "raw", "do", "break", "continue",
}  # fmt: skip

# Problem kinds, for programs that sort or filter problems.
SYNTAX: Final = "syntax"
UNCLOSED_TAG: Final = "tag_offen"
UNCLOSED_BLOCK: Final = "block_offen"
STRAY_BLOCK: Final = "block_ueberzaehlig"
UNKNOWN_FILTER: Final = "filter_unbekannt"
UNKNOWN_NAME: Final = "name_unbekannt"
UNSAFE: Final = "unzulaessig"
NOT_RICH: Final = "kein_inhalt"
RICH_IN_RUN: Final = "inhalt_im_text"
NOT_TEXT: Final = "kein_text"
DROPPED_TEXT: Final = "text_verloren"
SMART_QUOTES: Final = "anfuehrungszeichen"
DELETED_TAG: Final = "geloeschter_tag"
UNSUPPORTED: Final = "nicht_unterstuetzt"


def _names(target: nodes.Node) -> list[nodes.Name]:
    """The names an assignment target binds (``x`` or ``a, b``)."""
    if isinstance(target, nodes.Name):
        return [target]
    return list(target.find_all(nodes.Name))


@dataclass(frozen=True)
class TagTypes:
    """What the checker knows about the context a template is rendered with.

    Attributes:
        names: the context's names and their types, e.g. ``{"vorlage": Sitzungsvorlage}``.
        rich: types that ``{{p ...}}`` places as paragraphs (and that may not stand in a run).
        printable: model types that print as text although they are models (citations).
        filters: the filter names the environment knows.
        tests: the test names the environment knows.
    """

    names: Mapping[str, Any]
    rich: tuple[type, ...]
    printable: tuple[type, ...]
    filters: frozenset[str]
    tests: frozenset[str]


# -- reading tags out of the XML -------------------------------------------------------------


@dataclass
class _Paragraph:
    number: int
    text: str
    deleted: str
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    row_text: str = ""
    cell_text: str = ""


@dataclass
class _Tag:
    raw: str
    opener: str
    level: str | None
    body: str
    paragraph: _Paragraph


def _paragraphs(root: Any) -> Iterator[_Paragraph]:
    tables: dict[Any, int] = {}
    for number, p in enumerate(root.iter(f"{_W}p"), start=1):
        paragraph = _Paragraph(
            number, paragraph_text(p, breaks=False), paragraph_text(p, breaks=False, deleted=True)
        )
        tc = next(p.iterancestors(f"{_W}tc"), None)
        if tc is not None:
            tr = tc.getparent()
            tbl = tr.getparent()
            paragraph.table = tables.setdefault(tbl, len(tables) + 1)
            paragraph.row = list(tbl.iterchildren(f"{_W}tr")).index(tr) + 1
            paragraph.cell = list(tr.iterchildren(f"{_W}tc")).index(tc) + 1
            paragraph.row_text = "".join(t.text or "" for t in tr.iter(f"{_W}t"))
            paragraph.cell_text = "".join(t.text or "" for t in tc.iter(f"{_W}t"))
        yield paragraph


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Collector:
    """Collects problems of one part, each with the place of its paragraph."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.problems: list[TemplateProblem] = []

    def add(self, kind: str, paragraph: _Paragraph, tag: str | None, message: str) -> None:
        self.problems.append(
            TemplateProblem(
                part=self.part,
                message=message,
                paragraph=paragraph.number,
                tag=tag,
                kind=kind,
                table=paragraph.table,
                row=paragraph.row,
                cell=paragraph.cell,
                text=_short(paragraph.text or paragraph.deleted),
            )
        )


def _tags(paragraph: _Paragraph, out: _Collector) -> Iterator[_Tag]:
    text = paragraph.text
    position = 0
    while True:
        match = _OPEN_OR_CLOSE.search(text, position)
        if match is None:
            return
        token = match.group()
        if token not in _OPENERS:
            out.add(
                STRAY_BLOCK if token == "%}" else SYNTAX,
                paragraph,
                token,
                f"„{token}“ ohne öffnendes Gegenstück",
            )
            position = match.end()
            continue
        closer = _OPENERS[token]
        end = text.find(closer, match.end())
        if end < 0:
            out.add(
                UNCLOSED_TAG,
                paragraph,
                _short(text[match.start() :], 40),
                f"Tag ohne schließendes „{closer}“ (Tags müssen in einem Absatz stehen)",
            )
            return
        raw = text[match.start() : end + 2]
        position = end + 2
        if token == "{#":
            continue
        level = _LEVEL.match(raw)
        inner = raw[2:-2].strip("-")
        if level is not None:
            inner = inner[len(level.group(2)) :]
        yield _Tag(raw, token, level.group(2) if level else None, inner.strip(), paragraph)


# -- types ------------------------------------------------------------------------------------


class _Any:
    """A value whose type the checker does not follow (loop variables of unknown lists, set)."""


class _Loop:
    """Jinja's ``loop`` inside a for block."""


@dataclass(frozen=True)
class _Seq:
    item: tuple[Any, ...]


Kinds = tuple[Any, ...]
_ANY: Final[Kinds] = (_Any,)


def _kinds(annotation: Any) -> Kinds:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _kinds(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return tuple(
            kind
            for arg in typing.get_args(annotation)
            if arg is not type(None)
            for kind in _kinds(arg)
        )
    if origin in (list, tuple, set, frozenset, Sequence):
        return (_Seq(_kinds(typing.get_args(annotation)[0])),)
    if origin is typing.Literal:
        return (str,)
    if annotation is Any:
        return _ANY
    return (annotation,)


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _fields(kind: type[BaseModel]) -> list[str]:
    names = list(kind.model_fields)
    names += [n for n, v in vars(kind).items() if isinstance(v, property) and n[0] != "_"]
    return names


def _attribute(kind: Any, name: str) -> Kinds | None:
    """The kinds of ``kind.name``, or None if it has no such attribute."""
    if kind is _Any or kind is _Loop:
        return _ANY
    if isinstance(kind, _Seq):
        return None
    if _is_model(kind):
        if issubclass(kind, RootModel):
            return None
        if name in kind.model_fields:
            return _kinds(kind.model_fields[name].annotation)
        member = vars(kind).get(name)
        if isinstance(member, property) and member.fget is not None:
            return _kinds(typing.get_type_hints(member.fget).get("return", Any))
        return None
    if isinstance(kind, type) and hasattr(kind, name):
        return _ANY
    return None


def _describe(kinds: Kinds) -> str:
    names = []
    for kind in kinds:
        if isinstance(kind, _Seq):
            names.append("Liste")
        elif isinstance(kind, type):
            names.append(kind.__name__)
    return " | ".join(dict.fromkeys(names)) or "?"


# -- checking one part ------------------------------------------------------------------------


@dataclass
class _Block:
    keyword: str
    tag: _Tag
    scope: dict[str, Kinds] = field(default_factory=dict)


class _PartChecker:
    def __init__(self, env: jinja2.Environment, types_: TagTypes, out: _Collector) -> None:
        self.env = env
        self.types = types_
        self.out = out
        self.blocks: list[_Block] = []
        self.set_names: dict[str, Kinds] = {}

    # names in scope, innermost first
    def lookup(self, name: str) -> Kinds | None:
        for block in reversed(self.blocks):
            if name in block.scope:
                return block.scope[name]
        if name in self.set_names:
            return self.set_names[name]
        if name in self.types.names:
            return _kinds(self.types.names[name])
        return None

    def check(self, tag: _Tag) -> None:
        p = tag.paragraph
        if _SMART_QUOTES.search(tag.raw):
            self.out.add(
                SMART_QUOTES,
                p,
                tag.raw,
                "typografische Anführungszeichen im Tag; in Word die AutoKorrektur "
                "„Gerade Anführungszeichen durch typografische ersetzen“ abschalten und "
                "die Anführungszeichen neu tippen (' oder \")",
            )
            return
        self.check_dropped_text(tag)
        if tag.opener == "{{":
            self.check_output(tag)
        else:
            self.check_statement(tag)

    def check_dropped_text(self, tag: _Tag) -> None:
        p = tag.paragraph
        if tag.level == "p":
            rest, where = p.text.replace(tag.raw, "", 1), "Absatz"
        elif tag.level == "tr":
            rest, where = p.row_text.replace(tag.raw, "", 1), "Tabellenzeile"
        elif tag.level == "tc":
            rest, where = p.cell_text.replace(tag.raw, "", 1), "Tabellenzelle"
        else:
            return
        if rest.strip():
            self.out.add(
                DROPPED_TEXT,
                p,
                tag.raw,
                f"der Tag ersetzt die ganze {where}; der Text „{_short(rest.strip(), 40)}“ "
                f"daneben fiele weg: in eine eigene {where} verschieben",
            )
        if tag.level in ("tr", "tc") and p.table is None:
            self.out.add(
                SYNTAX,
                p,
                tag.raw,
                f"„{{%{tag.level}“ gehört in eine Tabellenzeile; außerhalb von Tabellen „{{%p“",
            )

    def parse(self, source: str, tag: _Tag) -> nodes.Template | None:
        try:
            return self.env.parse(source)
        except jinja2.TemplateSyntaxError as e:
            self.out.add(SYNTAX, tag.paragraph, tag.raw, f"Syntaxfehler: {e.message}")
            return None

    def check_output(self, tag: _Tag) -> None:
        if not tag.body:
            self.out.add(SYNTAX, tag.paragraph, tag.raw, "leerer Tag")
            return
        ast = self.parse("{{ " + tag.body + " }}", tag)
        if ast is None:
            return
        output = ast.body[0]
        assert isinstance(output, nodes.Output)
        expression = output.nodes[0]
        kinds = self.expression(expression, tag)
        if kinds is None or _Any in kinds:
            return
        plain = [k for k in kinds if k is not _Loop]
        rich = [k for k in plain if isinstance(k, type) and issubclass(k, self.types.rich)]
        if tag.level == "p":
            if not rich and not all(k is str for k in plain):
                self.out.add(
                    NOT_RICH,
                    tag.paragraph,
                    tag.raw,
                    f"{{{{p ...}}}} braucht Inhalt (Sachdarstellung, Beschlussvorschlag, …), "
                    f"nicht {_describe(kinds)}: „{{{{ {tag.body} }}}}“ verwenden",
                )
        elif rich:
            self.out.add(
                RICH_IN_RUN,
                tag.paragraph,
                tag.raw,
                f"Inhalt besteht aus Absätzen: „{{{{p {tag.body} }}}}“ allein in einen "
                "eigenen Absatz schreiben",
            )
        elif any(
            isinstance(k, _Seq) or (_is_model(k) and not issubclass(k, self.types.printable))
            for k in plain
        ):
            self.out.add(
                NOT_TEXT,
                tag.paragraph,
                tag.raw,
                f"{_describe(kinds)} kann nicht als Text ausgegeben werden; ein Feld daraus "
                "wählen oder mit {%p for ... %} durchlaufen",
            )

    def check_statement(self, tag: _Tag) -> None:
        keyword = (re.findall(r"^\w+", tag.body) or [""])[0]
        p = tag.paragraph
        if keyword in _BLOCKS:
            ast = self.parse(f"{{% {tag.body} %}}{{% {_BLOCKS[keyword]} %}}", tag)
            block = _Block(keyword, tag)
            if ast is not None:
                statement = ast.body[0]
                if isinstance(statement, nodes.If):
                    self.expression(statement.test, tag)
                elif isinstance(statement, nodes.For):
                    self.bind_loop(statement, tag, block)
            self.blocks.append(block)
        elif keyword in _MIDDLES:
            if not self.blocks or self.blocks[-1].keyword not in _MIDDLES[keyword]:
                self.out.add(STRAY_BLOCK, p, tag.raw, f"„{keyword}“ ohne passendes „if“ davor")
            elif keyword == "elif":
                ast = self.parse(f"{{% if true %}}{{% {tag.body} %}}{{% endif %}}", tag)
                if ast is not None:
                    statement = ast.body[0]
                    assert isinstance(statement, nodes.If)
                    self.expression(statement.elif_[0].test, tag)
        elif keyword.startswith("end") and keyword[3:] in _BLOCKS:
            if not self.blocks:
                self.out.add(STRAY_BLOCK, p, tag.raw, f"„{keyword}“ ohne öffnendes „{keyword[3:]}“")
            elif self.blocks[-1].keyword != keyword[3:]:
                opened = self.blocks[-1]
                self.out.add(
                    STRAY_BLOCK,
                    p,
                    tag.raw,
                    f"„{keyword}“, offen ist aber „{opened.keyword}“ aus Absatz "
                    f"{opened.tag.paragraph.number}",
                )
            else:
                self.blocks.pop()
        elif keyword == "set":
            ast = self.parse(f"{{% {tag.body} %}}", tag)
            if ast is not None and isinstance(ast.body[0], nodes.Assign):
                kinds = self.expression(ast.body[0].node, tag) or _ANY
                for name in _names(ast.body[0].target):
                    self.set_names[name.name] = kinds
        elif keyword in _UNSUPPORTED:
            self.out.add(UNSUPPORTED, p, tag.raw, f"„{keyword}“ wird in Vorlagen nicht unterstützt")
        else:
            self.out.add(SYNTAX, p, tag.raw, f"unbekannte Anweisung „{keyword}“")

    def bind_loop(self, statement: nodes.For, tag: _Tag, block: _Block) -> None:
        kinds = self.expression(statement.iter, tag)
        items: Kinds = _ANY
        if kinds is not None and _Any not in kinds:
            sequences = [k for k in kinds if isinstance(k, _Seq)]
            if not sequences:
                self.out.add(
                    NOT_TEXT,
                    tag.paragraph,
                    tag.raw,
                    f"{_describe(kinds)} ist keine Liste und kann nicht durchlaufen werden",
                )
            else:
                items = tuple(k for seq in sequences for k in seq.item)
        targets = _names(statement.target)
        for name in targets:
            block.scope[name.name] = items if len(targets) == 1 else _ANY
        block.scope["loop"] = (_Loop,)
        if statement.test is not None:
            self.blocks.append(block)
            self.expression(statement.test, tag)
            self.blocks.pop()

    def expression(self, node: nodes.Node, tag: _Tag) -> Kinds | None:
        """Check an expression; return its kinds, or None if a problem was reported."""
        p = tag.paragraph
        if isinstance(node, nodes.Name):
            kinds = self.lookup(node.name)
            if kinds is None:
                known = sorted({*self.types.names, *self.scope_names()})
                self.out.add(
                    UNKNOWN_NAME,
                    p,
                    tag.raw,
                    f"unbekannter Name „{node.name}“; verfügbar: {', '.join(known)}",
                )
            return kinds
        if isinstance(node, nodes.Getattr):
            return self.getattr(node, tag)
        if isinstance(node, nodes.Getitem):
            base = self.expression(node.node, tag)
            self.expression(node.arg, tag)
            if base is None:
                return None
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.attribute(base, node.arg.value, tag)
            items = tuple(k for s in base if isinstance(s, _Seq) for k in s.item)
            return items or _ANY
        if isinstance(node, nodes.Filter | nodes.Test):
            defined = self.types.filters if isinstance(node, nodes.Filter) else self.types.tests
            if node.name not in defined:
                what = "Filter" if isinstance(node, nodes.Filter) else "Test"
                builtin = FILTERS if isinstance(node, nodes.Filter) else TESTS
                own = sorted(n for n in defined - set(builtin) if not n.startswith("_"))
                self.out.add(
                    UNKNOWN_FILTER,
                    p,
                    tag.raw,
                    f"unbekannter {what} „{node.name}“; verfügbar: "
                    + ", ".join([*own, f"die {what} von Jinja"]),
                )
                return None
            ok = self.children(node, tag)
            return _ANY if ok else None
        if isinstance(node, nodes.Call):
            target = node.node
            if isinstance(target, nodes.Getattr):
                base = self.expression(target.node, tag)
                if base is not None and any(_is_model(k) or isinstance(k, _Seq) for k in base):
                    self.out.add(
                        UNSAFE,
                        p,
                        tag.raw,
                        f"Methodenaufruf „{target.attr}()“ ist in Vorlagen nicht erlaubt",
                    )
                    return None
            ok = self.children(node, tag)
            return _ANY if ok else None
        if isinstance(node, nodes.Const):
            return (type(node.value),) if node.value is not None else _ANY
        if isinstance(node, nodes.TemplateData):
            return (str,)
        return _ANY if self.children(node, tag) else None

    def children(self, node: nodes.Node, tag: _Tag) -> bool:
        ok = True
        for child in node.iter_child_nodes():
            if self.expression(child, tag) is None:
                ok = False
        return ok

    def getattr(self, node: nodes.Getattr, tag: _Tag) -> Kinds | None:
        base = self.expression(node.node, tag)
        if base is None:
            return None
        return self.attribute(base, node.attr, tag)

    def attribute(self, base: Kinds, name: str, tag: _Tag) -> Kinds | None:
        if name.startswith("_") or name.startswith("model_"):
            self.out.add(UNSAFE, tag.paragraph, tag.raw, f"Zugriff auf „{name}“ ist nicht erlaubt")
            return None
        found: list[Any] = []
        for kind in base:
            kinds = _attribute(kind, name)
            if kinds is not None:
                found.extend(kinds)
        if found:
            return tuple(dict.fromkeys(found))
        models = [k for k in base if _is_model(k) and not issubclass(k, RootModel)]
        available = sorted({f for m in models for f in _fields(m)})
        hint = f"; vorhanden: {', '.join(available)}" if available else ""
        self.out.add(
            UNKNOWN_NAME,
            tag.paragraph,
            tag.raw,
            f"„{name}“ ist kein Feld von {_describe(base)}{hint}",
        )
        return None

    def scope_names(self) -> list[str]:
        return [name for block in self.blocks for name in block.scope]

    def finish(self) -> None:
        for block in self.blocks:
            closer = _BLOCKS[block.keyword]
            self.out.add(
                UNCLOSED_BLOCK,
                block.tag.paragraph,
                block.tag.raw,
                f"„{block.keyword}“ wird nicht mit „{{% {closer} %}}“ geschlossen",
            )


def check_parts(
    parts: Mapping[str, bytes], env: jinja2.Environment, types_: TagTypes
) -> list[TemplateProblem]:
    """Every problem in the tags of ``parts`` (part name -> XML), in document order."""
    problems: list[TemplateProblem] = []
    for part, xml in parts.items():
        out = _Collector(part)
        try:
            root = etree.fromstring(xml, SAFE_PARSER)
        except etree.XMLSyntaxError as e:
            problems.append(TemplateProblem(part, f"kein gültiges XML: {e}", kind=SYNTAX))
            continue
        checker = _PartChecker(env, types_, out)
        for paragraph in _paragraphs(root):
            if _OPEN_OR_CLOSE.search(paragraph.deleted):
                out.add(
                    DELETED_TAG,
                    paragraph,
                    _short(paragraph.deleted, 40),
                    "Tag in einer nachverfolgten Löschung: in Word alle Änderungen annehmen "
                    "oder ablehnen",
                )
            for tag in _tags(paragraph, out):
                checker.check(tag)
        checker.finish()
        problems.extend(out.problems)
    return problems
