"""What a name or attribute in a tag resolves to, against the types of the context.

A value's possible types are its *kinds*: a tuple of classes (``str``, a pydantic model),
``ListOf(...)`` for a list with the kinds of its items, ``Loop`` for Jinja's ``loop`` and
``Unknown`` for a value the checker does not follow (anything after a filter or a call).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from pydantic import BaseModel, RootModel

__all__ = [
    "UNKNOWN",
    "Kinds",
    "ListOf",
    "Loop",
    "TagTypes",
    "Unknown",
    "attribute_kinds",
    "describe",
    "field_names",
    "is_model",
    "item_kinds",
    "kinds_of",
    "prints_as_text",
]


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


class Unknown:
    """A value whose type the checker does not follow (loop variables of unknown lists, set)."""


class Loop:
    """Jinja's ``loop`` inside a for block."""


@dataclass(frozen=True)
class ListOf:
    """A list (or other sequence) whose items have the kinds ``item``."""

    item: tuple[Any, ...]


Kinds = tuple[Any, ...]
UNKNOWN: Final[Kinds] = (Unknown,)


def kinds_of(annotation: Any) -> Kinds:
    """The kinds of a value annotated with ``annotation``.

    >>> kinds_of(list[int] | None)
    (ListOf(item=(<class 'int'>,)),)
    """
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return kinds_of(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return tuple(
            kind
            for arg in typing.get_args(annotation)
            if arg is not type(None)
            for kind in kinds_of(arg)
        )
    if origin in (list, tuple, set, frozenset, Sequence):
        return (ListOf(kinds_of(typing.get_args(annotation)[0])),)
    if origin is typing.Literal:
        return (str,)
    if annotation is Any:
        return UNKNOWN
    return (annotation,)


def is_model(kind: Any) -> bool:
    """Whether ``kind`` is a pydantic model."""
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _fields(kind: type[BaseModel]) -> list[str]:
    names = list(kind.model_fields)
    names += [n for n, v in vars(kind).items() if isinstance(v, property) and n[0] != "_"]
    return names


def field_names(base: Kinds) -> list[str]:
    """The fields and public properties of the models among ``base``, sorted."""
    models = [k for k in base if is_model(k) and not issubclass(k, RootModel)]
    return sorted({f for m in models for f in _fields(m)})


def _model_attribute(kind: type[BaseModel], name: str) -> Kinds | None:
    if issubclass(kind, RootModel):
        return None
    if name in kind.model_fields:
        return kinds_of(kind.model_fields[name].annotation)
    member = vars(kind).get(name)
    if isinstance(member, property) and member.fget is not None:
        return kinds_of(typing.get_type_hints(member.fget).get("return", Any))
    return None


def _attribute(kind: Any, name: str) -> Kinds | None:
    """The kinds of ``kind.name``, or None if it has no such attribute."""
    if kind is Unknown or kind is Loop:
        return UNKNOWN
    if isinstance(kind, ListOf):
        return None
    if is_model(kind):
        return _model_attribute(kind, name)
    if isinstance(kind, type) and hasattr(kind, name):
        return UNKNOWN
    return None


def attribute_kinds(base: Kinds, name: str) -> Kinds:
    """The kinds of ``name`` on a value of kinds ``base``; empty if none of them has it."""
    found = [kind for b in base for kind in _attribute(b, name) or ()]
    return tuple(dict.fromkeys(found))


def item_kinds(base: Kinds) -> Kinds:
    """The kinds of the items of the lists among ``base``; empty if it holds no list."""
    return tuple(kind for b in base if isinstance(b, ListOf) for kind in b.item)


def prints_as_text(kind: Any, printable: tuple[type, ...]) -> bool:
    """Whether a value of ``kind`` prints as text: no list, no model unless ``printable``."""
    if isinstance(kind, ListOf):
        return False
    return not is_model(kind) or issubclass(kind, printable)


def describe(kinds: Kinds) -> str:
    """The kinds as the checker names them in a message.

    >>> describe((str, ListOf((int,)), str))
    'str | Liste'
    """
    names = []
    for kind in kinds:
        if isinstance(kind, ListOf):
            names.append("Liste")
        elif kind is Loop:
            names.append("loop")  # Jinja's loop variable (``{%p for x in loop %}``)
        elif isinstance(kind, type):
            names.append(kind.__name__)
    return " | ".join(dict.fromkeys(names)) or "?"
