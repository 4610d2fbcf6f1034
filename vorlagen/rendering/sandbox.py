"""The Jinja environment every template runs in: sandboxed, autoescaping, strict.

The environment is made once per template and holds no house style and no render state:
filters and the ``finalize`` hook look up the :class:`Hooks` of the render in progress in
the render's own context, under a key no template can name.

An absent value (``None``: an optional field left empty) prints as nothing, and so does
everything reached through it: an attribute or item of ``None`` is ``None``, as is a field a
model lacks that another member of its union has (``r.gesetz`` of a free-text legal basis);
a filter, a method call or arithmetic on ``None`` gives ``None``; a loop over ``None`` runs
zero times; ``~`` joins ``None`` as empty text; ``<``, ``>`` and ``in`` with ``None`` are
false. A name no model has stays an error, and so does what the sandbox refuses.
"""

from __future__ import annotations

import functools
import operator
import re
import threading
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from itertools import pairwise
from typing import Any, Final, Protocol

import jinja2
from jinja2 import nodes
from jinja2.runtime import markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer
from markupsafe import Markup
from pydantic import BaseModel, RootModel

__all__ = ["HOOKS", "MAX_SEQUENCE", "Hooks", "make_environment"]

#: The context key of a render's hooks; not a Jinja identifier, so no template can reach it.
HOOKS: Final = "vorlagen:hooks"
MAX_SEQUENCE: Final = 1_000_000  # the longest string or list a template may build by * or **
_MAX_EXPONENT: Final = 100
_MAX_VERDICTS: Final = 4096


class Hooks(Protocol):
    """What one render gives its template: how values print and what the filters do."""

    def finalize(self, value: Any) -> Markup:
        """Format and escape a value a ``{{ ... }}`` tag prints."""

    def filter(self, name: str) -> Callable[[Any], Any]:
        """The filter called ``name``."""


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox, which also keeps pydantic's ``model_*`` API out of a template's reach.

    It bounds what a template can make large as well: ``{{ 'x' * 10**9 }}``, a width such
    as ``'x'.ljust(10**9)``, ``'%0999999999d' % 1`` or ``x|center(10**9)`` would exhaust
    memory. Numbers, repetitions and widths beyond :data:`MAX_SEQUENCE` are refused.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+", "-", "/", "//"})
    intercepted_unops = frozenset({"-", "+"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if left is None or right is None:
            return None
        if operator == "**" and isinstance(right, int) and abs(right) > _MAX_EXPONENT:
            msg = f"Potenz mit Exponent {right} ist in Vorlagen nicht erlaubt"
            raise jinja2.exceptions.SecurityError(msg)
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(count, int):
                    _bounded(len(sequence) * count)
        if operator == "%" and isinstance(left, str):
            _bounded_spec(left)
        return super().call_binop(context, operator, left, right)

    def call_unop(self, context: Any, operator: str, arg: Any) -> Any:
        return None if arg is None else super().call_unop(context, operator, arg)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # str.format and format_map, which the sandbox wraps when they are looked up
        wrapped: Callable[..., str] | None = super().wrap_str_format(value)
        if wrapped is not None:
            _bounded_spec(value.__self__)
        return wrapped

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if __obj is None:  # a method of an absent value, e.g. {{ x.aktenzeichen.upper() }}
            return None
        # a method of a string called with a width (ljust, center, zfill, format, ...)
        if isinstance(getattr(__obj, "__self__", None), str):
            for value in (*args, *kwargs.values()):
                if isinstance(value, int):
                    _bounded(value)
            _bounded_spec(__obj.__self__)
        return super().call(__context, __obj, *args, **kwargs)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # (type, attribute) -> verdict; bounded, and safe to share: a lost race only
        # means a verdict is computed twice
        self._verdicts: dict[tuple[type, str], bool] = {}
        # the model classes met or reached from them, and the names each of them lacks but
        # another member of one of its unions has: learnt as models are met (rarely changed)
        self._known: frozenset[type] = frozenset()
        self._elsewhere: Mapping[type, frozenset[str]] = {}
        self._lock = threading.Lock()

    def compile(
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Compile a template whose loops, joins and comparisons take ``None`` as absent."""
        if isinstance(source, str):
            source = self.parse(source, name, filename)
        tree = _AbsentAware().visit(source)
        if raw:
            return super().compile(tree, name, filename, raw=True, defer_init=defer_init)
        return super().compile(tree, name, filename, defer_init=defer_init)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if obj is None and _plain(attribute):
            return None
        self._meet(obj)
        value = super().getattr(obj, attribute)
        if isinstance(value, jinja2.Undefined) and self._in_union(obj, attribute):
            return None
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        if obj is None and (_plain(argument) or isinstance(argument, int)):
            return None
        if isinstance(obj, list | tuple) and isinstance(argument, int):
            # an item a list does not have (vorlage.anlagen[0] without Anlagen) is absent
            return obj[argument] if -len(obj) <= argument < len(obj) else None
        self._meet(obj)
        value = super().getitem(obj, argument)
        if isinstance(value, jinja2.Undefined) and self._in_union(obj, argument):
            return None
        return value

    def _in_union(self, obj: Any, name: Any) -> bool:
        """Whether model ``obj`` lacks ``name`` where another member of its union has it."""
        if not isinstance(obj, BaseModel) or not isinstance(name, str):
            return False
        return name in self._elsewhere.get(type(obj), ())

    def _meet(self, value: Any) -> None:
        """Learn the unions below a model whose attribute is read, if its class is new.

        A template reaches a union's members only through the model that holds the union
        (``r`` through ``vorlage.rechtsgrundlage``), whose attribute is read first.
        """
        kind = type(value)
        if kind in self._known or not isinstance(value, BaseModel):
            return
        with self._lock:
            if kind in self._known or len(self._known) >= _MAX_MODELS:
                return
            reached, found = _unions_below(kind)
            merged = dict(self._elsewhere)
            for member, names in found.items():
                merged[member] = merged.get(member, frozenset()) | names
            self._elsewhere = merged
            self._known |= reached

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # the sandbox's verdict depends on the type and the name only: ask once per pair
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = not attr.startswith("model_") and bool(
                super().is_safe_attribute(obj, attr, value)
            )
            if len(self._verdicts) < _MAX_VERDICTS:
                self._verdicts[key] = verdict
        return verdict


_MAX_MODELS: Final = 1024  # model classes whose unions an environment learns


def _plain(name: Any) -> bool:
    """Whether ``name`` is one a template may read from an absent value (no internals)."""
    return isinstance(name, str) and not name.startswith(("_", "model_"))


def _model_names(kind: type[BaseModel]) -> frozenset[str]:
    """The fields and public properties of a model class."""
    props = (n for n, v in vars(kind).items() if isinstance(v, property) and n[0] != "_")
    return frozenset((*kind.model_fields, *props))


def _unions_below(root: type[BaseModel]) -> tuple[frozenset[type], dict[type, frozenset[str]]]:
    """The model classes reachable from ``root``'s fields, and their union siblings' names.

    For each union of models among the fields (``Norm | Erlass | Freitext``), each member
    gets the names the other members have and it lacks. Rich content (a root model) is
    not entered: a template reads it only whole.
    """
    reached: set[type] = set()
    found: dict[type, frozenset[str]] = {}

    def models(annotation: Any) -> list[type[BaseModel]]:
        """The model classes an annotation names, through Annotated, unions and lists."""
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            return models(typing.get_args(annotation)[0])
        if origin in (typing.Union, types.UnionType):
            members = [m for arg in typing.get_args(annotation) for m in models(arg)]
            for member in members:
                others = frozenset().union(*(_model_names(m) for m in members if m is not member))
                found[member] = found.get(member, frozenset()) | (others - _model_names(member))
            return members
        if origin is not None:
            return [m for arg in typing.get_args(annotation) for m in models(arg)]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return [annotation]
        return []

    def visit(kind: type[BaseModel]) -> None:
        if kind in reached:
            return
        reached.add(kind)
        if issubclass(kind, RootModel):
            return
        for info in kind.model_fields.values():
            for model in models(info.annotation):
                visit(model)

    visit(root)
    return frozenset(reached), found


#: Internal filters the compiled templates call: a loop's list, a join with ``~`` and a
#: comparison. Their names are no identifiers, so no template can name them, and start with
#: ``_``, so the checker lists them nowhere.
_LOOP: Final = "_vorlagen:liste"
_JOIN: Final = "_vorlagen:verbunden"
_COMPARE: Final = "_vorlagen:vergleich"


def _loop(value: Any) -> Any:
    """What a for loop runs over: nothing for an absent value."""
    return () if value is None else value


def _join(values: list[Any]) -> Any:
    """``a ~ b``: the values as text, an absent one as empty text (escaped as Jinja does)."""
    return markup_join("" if value is None else value for value in values)


_ORDER: Final[Mapping[str, Callable[[Any, Any], Any]]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "gteq": operator.ge,
    "lt": operator.lt,
    "lteq": operator.le,
}


def _compare(operands: list[Any], ops: tuple[str, ...]) -> bool:
    """A chain of comparisons in which ``<``, ``>`` and ``in`` with an absent value are false."""
    for (left, right), op in zip(pairwise(operands), ops, strict=True):
        absent = left is None or right is None
        if op in ("in", "notin"):
            inside = not (right is None or (left is None and isinstance(right, str)))
            inside = inside and left in right
            result = inside if op == "in" else not inside
        elif absent and op not in ("eq", "ne"):
            result = False
        else:
            result = bool(_ORDER[op](left, right))
        if not result:
            return False
    return True


def _internal(node: nodes.Node, name: str, *args: nodes.Expr) -> nodes.Filter:
    return nodes.Filter(node, name, list(args), [], None, None, lineno=node.lineno)


class _AbsentAware(NodeTransformer):
    """A template's tree with loops, ``~`` and comparisons that take ``None`` as absent."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _internal(node.iter, _LOOP)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _internal(nodes.List(node.nodes, lineno=node.lineno), _JOIN)

    def visit_Compare(self, node: nodes.Compare) -> nodes.Node:
        self.generic_visit(node)
        operands = nodes.List([node.expr, *(op.expr for op in node.ops)], lineno=node.lineno)
        ops = nodes.Const(tuple(op.op for op in node.ops), lineno=node.lineno)
        return _internal(operands, _COMPARE, ops)


_WIDTH = re.compile(r"\d{7,}")  # a number of seven digits or more in a format


def _bounded(size: int) -> None:
    if size > MAX_SEQUENCE:
        msg = f"Ergebnis länger als {MAX_SEQUENCE} Zeichen oder Einträge"
        raise jinja2.exceptions.SecurityError(msg)


def _bounded_spec(text: str) -> None:
    """Refuse a format (``%`` or ``{}``) whose width or precision could exhaust memory."""
    if ("%" in text or "{" in text) and _WIDTH.search(text):
        for match in _WIDTH.finditer(text):
            _bounded(int(match.group()))


def _bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter of Jinja's whose width or format argument is bounded like the operators."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool):
                _bounded(value)
            elif isinstance(value, str):
                _bounded_spec(value)
        return function(*args, **kwargs)

    return call


_WIDTH_FILTERS: Final = ("center", "format", "indent", "truncate", "wordwrap")
#: The filters that take an absent value themselves: ``default`` gives something for it,
#: ``attr`` reads from it as ``.`` does (and refuses what the sandbox refuses).
_FOR_ABSENT: Final = frozenset({"attr", "default", "d"})


def _absent_through(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that gives ``None`` for an absent value (``{{ x|datum }}``, ``x|upper``).

    The value is the first argument, or the second of a filter Jinja passes its context,
    environment or evaluation context to.
    """
    at = 1 if hasattr(function, "jinja_pass_arg") else 0

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        if len(args) > at and args[at] is None:
            return None
        return function(*args, **kwargs)

    return call


def _default(value: Any, default_value: Any = "", boolean: bool = False) -> Any:
    """``x|default("–")``: the default also for an absent value, not only an unknown name."""
    if value is None:
        return default_value
    return jinja2.filters.do_default(value, default_value, boolean)


@jinja2.pass_environment
def _attr(environment: jinja2.Environment, obj: Any, name: Any) -> Any:
    """``x|attr("name")`` reads an attribute as ``x.name`` does (absent values included)."""
    return environment.getattr(obj, str(name))


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: Any) -> Markup:
    hooks: Hooks = context[HOOKS]
    return hooks.finalize(value)


def _filter(name: str) -> Callable[..., Any]:
    @jinja2.pass_context
    def call(context: jinja2.runtime.Context, value: Any) -> Any:
        hooks: Hooks = context[HOOKS]
        return hooks.filter(name)(value)

    return call


def make_environment(filters: Iterable[str]) -> jinja2.Environment:
    """A sandboxed, autoescaping environment in which an unknown name is an error.

    ``filters`` are the names of the filters the render's :class:`Hooks` provide.
    """
    env = _Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize)
    env.filters.update({name: _bounded_filter(env.filters[name]) for name in _WIDTH_FILTERS})
    env.filters.update({name: _filter(name) for name in filters})
    env.filters["attr"] = _attr
    env.filters.update(
        {
            name: function if name in _FOR_ABSENT else _absent_through(function)
            for name, function in env.filters.items()
        }
    )
    env.filters.update({"default": _default, "d": _default})
    env.filters.update({_LOOP: _loop, _JOIN: _join, _COMPARE: _compare})
    return env
