"""The template authoring guide names every field and every kind of problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from vorlagen.errors import ProblemKind
from vorlagen.schemas import (
    Abstimmung,
    Anlage,
    Beratung,
    Beschlussauszug,
    Ergebnis,
    Erlass,
    FinanzielleAuswirkungen,
    Finanzposition,
    Fraktionsstimmen,
    Freitext,
    Klimarelevanz,
    Mitglied,
    Niederschrift,
    Norm,
    Sachbearbeitung,
    Sitzung,
    Sitzungsvorlage,
    Tagesordnungspunkt,
    Teilnehmer,
    Unterpunkt,
    Unterzeichnung,
    Vorsitz,
)

GUIDE = (Path(__file__).resolve().parent.parent / "docs" / "vorlagen-erstellen.md").read_text(
    encoding="utf-8"
)
MODELS: list[type[BaseModel]] = [
    Sitzungsvorlage,
    Beratung,
    Norm,
    Erlass,
    Freitext,
    FinanzielleAuswirkungen,
    Finanzposition,
    Klimarelevanz,
    Anlage,
    Sachbearbeitung,
    Unterzeichnung,
    Sitzung,
    Tagesordnungspunkt,
    Unterpunkt,
    Vorsitz,
    Niederschrift,
    Ergebnis,
    Abstimmung,
    Fraktionsstimmen,
    Mitglied,
    Teilnehmer,
    Beschlussauszug,
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_guide_names_every_field(model: type[BaseModel]) -> None:
    names = set(re.findall(r"\.(\w+)", GUIDE))
    missing = [field for field in model.model_fields if field not in names]
    assert missing == [], f"{model.__name__}: {missing} missing from docs/vorlagen-erstellen.md"


@pytest.mark.parametrize("kind", list(ProblemKind), ids=str)
def test_guide_explains_every_problem_kind(kind: ProblemKind) -> None:
    assert f"| `{kind.value}` |" in GUIDE
