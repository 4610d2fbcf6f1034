"""The statements of a part (``{% ... %}``): blocks opened and closed, names bound.

Each statement is checked by its keyword: ``if`` and ``for`` open a block, ``elif`` and
``else`` continue one, ``endif`` and ``endfor`` close one, ``set`` binds a name; the other
statements of Jinja are not supported in templates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar, Final

from jinja2 import nodes

from vorlagen.checker.expressions import Expressions
from vorlagen.checker.scan import Collector, Tag
from vorlagen.checker.scope import Block, Scope
from vorlagen.checker.types import UNKNOWN, Kinds, ListOf, Loop, Unknown, describe, item_kinds
from vorlagen.errors import ProblemKind

__all__ = ["Statements"]

# the blocks and the statement that ends each
_BLOCKS: Final = {"if": "endif", "for": "endfor"}
# the statements inside a block and the blocks they may stand in
_MIDDLES: Final = {"elif": ("if",), "else": ("if", "for")}
# docxtpl's statements for table cells, and what a template uses instead
_DOCXTPL_EXTENSIONS: Final = {
    "cellbg": "die Hintergrundfarbe der Zelle in Word festlegen",
    "colspan": "die Zellen in Word verbinden",
    "hm": "die Zellen in Word waagerecht verbinden",
    "vm": "die Zellen in Word senkrecht verbinden",
}
_UNSUPPORTED: Final = frozenset({
    "macro", "call", "filter", "block", "extends", "include", "import", "from", "with",
    "autoescape", "raw", "do", "break", "continue",
})  # fmt: skip
_KEYWORD: Final = re.compile(r"^\w+")


def _names(target: nodes.Node) -> list[nodes.Name]:
    """The names an assignment target binds (``x`` or ``a, b``)."""
    if isinstance(target, nodes.Name):
        return [target]
    return list(target.find_all(nodes.Name))


class Statements:
    """Checks the statements of one part in order, keeping the blocks open in ``scope``."""

    def __init__(self, expressions: Expressions, scope: Scope, out: Collector) -> None:
        self.expressions = expressions
        self.scope = scope
        self.out = out

    def check(self, tag: Tag) -> None:
        """Check a statement by its keyword."""
        match = _KEYWORD.match(tag.body)
        keyword = match.group() if match else ""
        self._BY_KEYWORD.get(keyword, Statements.unknown)(self, keyword, tag)

    def open_block(self, keyword: str, tag: Tag) -> None:
        """``if`` or ``for``: its expressions checked, the loop's names bound."""
        ast = self.expressions.parse(f"{{% {tag.body} %}}{{% {_BLOCKS[keyword]} %}}", tag)
        block = Block(keyword, tag)
        statement = ast.body[0] if ast is not None else None
        if isinstance(statement, nodes.If):
            self.expressions.check(statement.test, tag)
        elif isinstance(statement, nodes.For):
            self.bind_loop(statement, tag, block)
        self.scope.blocks.append(block)

    def bind_loop(self, statement: nodes.For, tag: Tag, block: Block) -> None:
        """Bind a for block's names to the kinds of the list's items; check its filter."""
        items = self.loop_items(statement, tag)
        targets = _names(statement.target)
        for name in targets:
            block.names[name.name] = items if len(targets) == 1 else UNKNOWN
        block.names["loop"] = (Loop,)
        if statement.test is not None:
            self.scope.blocks.append(block)
            self.expressions.check(statement.test, tag)
            self.scope.blocks.pop()

    def loop_items(self, statement: nodes.For, tag: Tag) -> Kinds:
        """The kinds of the items a for block runs over; a loop over no list is reported."""
        kinds = self.expressions.check(statement.iter, tag)
        if kinds is None or Unknown in kinds:
            return UNKNOWN
        if not any(isinstance(k, ListOf) for k in kinds):
            self.out.add(
                ProblemKind.NOT_TEXT,
                tag.paragraph,
                tag.raw,
                f"{describe(kinds)} ist keine Liste und kann nicht durchlaufen werden",
            )
            return UNKNOWN
        return item_kinds(kinds)

    def middle(self, keyword: str, tag: Tag) -> None:
        """``elif`` or ``else``: inside the block it belongs to; the condition checked."""
        if not self.scope.blocks or self.scope.blocks[-1].keyword not in _MIDDLES[keyword]:
            self.out.add(
                ProblemKind.STRAY_BLOCK,
                tag.paragraph,
                tag.raw,
                f"„{keyword}“ ohne passendes „if“ davor",
            )
        elif keyword == "elif":
            ast = self.expressions.parse(f"{{% if true %}}{{% {tag.body} %}}{{% endif %}}", tag)
            if ast is not None:
                statement = ast.body[0]
                assert isinstance(statement, nodes.If)
                self.expressions.check(statement.elif_[0].test, tag)

    def close_block(self, keyword: str, tag: Tag) -> None:
        """``endif`` or ``endfor``: closes the innermost block, which must be its own."""
        opens = keyword.removeprefix("end")
        blocks = self.scope.blocks
        if not blocks:
            message = f"„{keyword}“ ohne öffnendes „{opens}“"
        elif blocks[-1].keyword != opens:
            opened = blocks[-1]
            message = (
                f"„{keyword}“, offen ist aber „{opened.keyword}“ aus Absatz "
                f"{opened.tag.paragraph.number}"
            )
        else:
            blocks.pop()
            return
        self.out.add(ProblemKind.STRAY_BLOCK, tag.paragraph, tag.raw, message)

    def assign(self, keyword: str, tag: Tag) -> None:
        """``set``: the names bound to the kinds of the value."""
        ast = self.expressions.parse(f"{{% {tag.body} %}}", tag)
        if ast is None or not isinstance(ast.body[0], nodes.Assign):
            return
        statement = ast.body[0]
        kinds = self.expressions.check(statement.node, tag) or UNKNOWN
        for name in _names(statement.target):
            self.scope.assigned[name.name] = kinds

    def unsupported(self, keyword: str, tag: Tag) -> None:
        """A statement of Jinja that templates do not support."""
        self.out.add(
            ProblemKind.UNSUPPORTED,
            tag.paragraph,
            tag.raw,
            f"„{keyword}“ wird in Vorlagen nicht unterstützt",
        )

    def unknown(self, keyword: str, tag: Tag) -> None:
        """A statement Jinja does not have (and what to do, for docxtpl's own extensions)."""
        instead = _DOCXTPL_EXTENSIONS.get(keyword)
        if instead is not None:
            message = f"„{keyword}“ ist eine Erweiterung von docxtpl, die vorlagen nicht kennt: "
            self.out.add(ProblemKind.UNSUPPORTED, tag.paragraph, tag.raw, message + instead)
            return
        self.out.add(
            ProblemKind.SYNTAX, tag.paragraph, tag.raw, f"unbekannte Anweisung „{keyword}“"
        )

    def finish(self) -> None:
        """At the end of the part: every block still open is reported."""
        for block in self.scope.blocks:
            self.out.add(
                ProblemKind.UNCLOSED_BLOCK,
                block.tag.paragraph,
                block.tag.raw,
                f"„{block.keyword}“ wird nicht mit „{{% {_BLOCKS[block.keyword]} %}}“ geschlossen",
            )

    # after the methods it names: what each keyword opens, continues, closes or binds
    _BY_KEYWORD: ClassVar[dict[str, Callable[[Statements, str, Tag], None]]] = {
        "if": open_block,
        "for": open_block,
        "elif": middle,
        "else": middle,
        "endif": close_block,
        "endfor": close_block,
        "set": assign,
        **dict.fromkeys(_UNSUPPORTED, unsupported),
    }
