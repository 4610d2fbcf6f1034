"""The Jinja in one tag: parsed, each expression node resolved to its kinds or reported.

An expression is checked node by node, one method per node type: names are looked up in
scope, attributes on the model, filters and tests in the environment, and a call of a
model's or a list's method is refused.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import singledispatchmethod
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.filters import FILTERS
from jinja2.tests import TESTS

from vorlagen.checker.scan import Collector, Tag
from vorlagen.checker.scope import Scope
from vorlagen.checker.types import (
    UNKNOWN,
    Kinds,
    ListOf,
    TagTypes,
    attribute_kinds,
    describe,
    field_names,
    is_model,
    item_kinds,
)
from vorlagen.errors import ProblemKind

__all__ = ["Expressions"]


def _known(name: str, known: list[str], label: str) -> str:
    """What there is instead of ``name``, the nearest first if it looks like a slip of the pen.

    >>> _known("federfuhrung", ["betreff", "federfuehrung"], "vorhanden")
    '; meinten Sie „federfuehrung“? Vorhanden: betreff, federfuehrung'
    >>> _known("titel", ["betreff"], "vorhanden")
    '; vorhanden: betreff'
    """
    match = difflib.get_close_matches(name, known, n=1)
    hint = f"; meinten Sie „{match[0]}“? {label.capitalize()}" if match else f"; {label}"
    return f"{hint}: {', '.join(known)}"


class Expressions:
    """Parses tags and checks their expressions against ``types_`` and the names in ``scope``.

    Each check returns the kinds of the expression, or None if it reported a problem.
    """

    def __init__(
        self, env: jinja2.Environment, types_: TagTypes, scope: Scope, out: Collector
    ) -> None:
        self.env = env
        self.types = types_
        self.scope = scope
        self.out = out

    def parse(self, source: str, tag: Tag) -> nodes.Template | None:
        """Jinja's tree of ``source`` (a tag made parsable), or None after a syntax error."""
        try:
            return self.env.parse(source)
        except jinja2.TemplateSyntaxError as e:
            self.out.add(ProblemKind.SYNTAX, tag.paragraph, tag.raw, f"Syntaxfehler: {e.message}")
            return None

    @singledispatchmethod
    def check(self, node: nodes.Node, tag: Tag) -> Kinds | None:
        """Check an expression; return its kinds, or None if a problem was reported.

        A node type without its own method (operators, literals of lists, conditional
        expressions, ...) is as good as its children, and its kinds are not followed.
        """
        return UNKNOWN if self.children(node, tag) else None

    def children(self, node: nodes.Node, tag: Tag) -> bool:
        """Check every child of ``node``; whether none of them had a problem."""
        ok = True
        for child in node.iter_child_nodes():
            if self.check(child, tag) is None:
                ok = False
        return ok

    @check.register(nodes.Name)
    def _name(self, node: nodes.Name, tag: Tag) -> Kinds | None:
        kinds = self.scope.lookup(node.name)
        if kinds is None:
            self.out.add(
                ProblemKind.UNKNOWN_NAME,
                tag.paragraph,
                tag.raw,
                f"unbekannter Name „{node.name}“"
                + _known(node.name, self.scope.known(), "verfügbar"),
            )
        return kinds

    @check.register(nodes.Getattr)
    def _getattr(self, node: nodes.Getattr, tag: Tag) -> Kinds | None:
        base = self.check(node.node, tag)
        if base is None:
            return None
        return self.attribute(base, node.attr, tag)

    @check.register(nodes.Getitem)
    def _getitem(self, node: nodes.Getitem, tag: Tag) -> Kinds | None:
        base = self.check(node.node, tag)
        self.check(node.arg, tag)
        if base is None:
            return None
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            return self.attribute(base, node.arg.value, tag)
        return item_kinds(base) or UNKNOWN

    @check.register(nodes.Filter)
    def _filter(self, node: nodes.Filter, tag: Tag) -> Kinds | None:
        name = node.args[0] if node.name == "attr" and len(node.args) == 1 else None
        if isinstance(name, nodes.Const) and isinstance(name.value, str) and node.node:
            # x|attr("name") reads an attribute as x.name does, and is checked alike
            base = self.check(node.node, tag)
            return None if base is None else self.attribute(base, name.value, tag)
        return self.applied(node, tag, "Filter", self.types.filters, FILTERS)

    @check.register(nodes.Test)
    def _test(self, node: nodes.Test, tag: Tag) -> Kinds | None:
        return self.applied(node, tag, "Test", self.types.tests, TESTS)

    def applied(
        self,
        node: nodes.Filter | nodes.Test,
        tag: Tag,
        what: str,
        defined: frozenset[str],
        builtin: Mapping[str, Any],
    ) -> Kinds | None:
        """Check a filter or test: known to the environment, and its arguments."""
        if node.name not in defined:
            own = sorted(n for n in defined - set(builtin) if not n.startswith("_"))
            self.out.add(
                ProblemKind.UNKNOWN_FILTER,
                tag.paragraph,
                tag.raw,
                f"unbekannter {what} „{node.name}“; verfügbar: "
                + ", ".join([*own, f"die {what} von Jinja"]),
            )
            return None
        return UNKNOWN if self.children(node, tag) else None

    @check.register(nodes.Call)
    def _call(self, node: nodes.Call, tag: Tag) -> Kinds | None:
        target = node.node
        if isinstance(target, nodes.Getattr):
            base = self.check(target.node, tag)
            if base is not None and any(is_model(k) or isinstance(k, ListOf) for k in base):
                self.out.add(
                    ProblemKind.UNSAFE,
                    tag.paragraph,
                    tag.raw,
                    f"Methodenaufruf „{target.attr}()“ ist in Vorlagen nicht erlaubt",
                )
                return None
        return UNKNOWN if self.children(node, tag) else None

    @check.register(nodes.Const)
    def _const(self, node: nodes.Const, tag: Tag) -> Kinds | None:
        return (type(node.value),) if node.value is not None else UNKNOWN

    @check.register(nodes.TemplateData)
    def _template_data(self, node: nodes.TemplateData, tag: Tag) -> Kinds | None:
        return (str,)

    def attribute(self, base: Kinds, name: str, tag: Tag) -> Kinds | None:
        """The kinds of attribute ``name`` of a value of kinds ``base``, or None if refused."""
        if name.startswith(("_", "model_")):
            self.out.add(
                ProblemKind.UNSAFE,
                tag.paragraph,
                tag.raw,
                f"Zugriff auf „{name}“ ist nicht erlaubt",
            )
            return None
        found = attribute_kinds(base, name)
        if found:
            return found
        available = field_names(base)
        hint = _known(name, available, "vorhanden") if available else ""
        self.out.add(
            ProblemKind.UNKNOWN_NAME,
            tag.paragraph,
            tag.raw,
            f"„{name}“ ist kein Feld von {describe(base)}{hint}",
        )
        return None
