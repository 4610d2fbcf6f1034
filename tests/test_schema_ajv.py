"""The exported JSON Schema and the library agree, as a validator of another ecosystem reads it.

ajv (JSON Schema 2020-12, from npm, run by Node.js through ``tests/ajv/validate.mjs``) checks
generated valid papers and, for every rule the schema can express, the same papers with that
rule broken; the library's verdict and ajv's must agree on every case. Node.js and the npm
packages are needed: the test skips without them locally and fails in CI.
"""

from __future__ import annotations

import base64
import copy
import json
import os
import shutil
import subprocess
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from pydantic import BaseModel, ValidationError

from tests.conftest import EXAMPLES
from tests.strategies import paper_data, sitzung_data
from vorlagen import Sitzungsvorlage
from vorlagen.cli import example_sitzung_json, schema_json

AJV = Path(__file__).resolve().parent / "ajv"
Data = dict[str, Any]


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node not found; install Node.js (Debian: apt-get install nodejs npm)"
    if not (AJV / "node_modules" / "ajv").is_dir():
        return f"ajv not installed; run: npm install --prefix {AJV}"
    return None


class Ajv:
    """A Node.js process that validates one JSON document per line against the schema."""

    def __init__(self, schema: Path) -> None:
        self.process = subprocess.Popen(
            ["node", str(AJV / "validate.mjs"), str(schema)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def valid(self, document: Any) -> bool:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(as_json(document) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        assert answer in ("0", "1"), f"ajv answered {answer!r}"
        return answer == "1"

    def close(self) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture(scope="module")
def ajv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ajv]:
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the differential test is required in CI: {reason}")
        pytest.skip(reason)
    schema = tmp_path_factory.mktemp("schema") / "sitzungsvorlage.schema.json"
    schema.write_text(schema_json(), encoding="utf-8")
    validator = Ajv(schema)
    yield validator
    validator.close()


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat()


def as_json(document: Any) -> str:
    """A document as the JSON another system would send (dates as ISO text)."""
    return json.dumps(document, ensure_ascii=True, default=_plain)


def library_valid(document: Any) -> bool:
    try:
        Sitzungsvorlage.model_validate_json(as_json(document))
    except ValidationError:
        return False
    return True


# -- one rule broken at a time ---------------------------------------------------------------


def _nichtoeffentlich(d: Data) -> None:
    d["fassung"] = "intern"
    d["oeffentlich"] = False
    d["nichtoeffentlich_grund"] = "Personalangelegenheit"
    for beratung in d["beratungsfolge"]:
        beratung.pop("oeffentlich", None)


def _ohne_grund(d: Data) -> None:
    _nichtoeffentlich(d)
    del d["nichtoeffentlich_grund"]


def _beratung_oeffentlich(d: Data) -> None:
    _nichtoeffentlich(d)
    d["beratungsfolge"][0]["oeffentlich"] = True


def _oeffentliche_fassung_mit_sachbearbeitung(d: Data) -> None:
    d.update(fassung="oeffentlich", oeffentlich=True, sachbearbeitung={"name": "Ina Roselius"})
    d.pop("nichtoeffentlich_grund", None)
    for beratung in d["beratungsfolge"]:
        beratung.pop("oeffentlich", None)


def _oeffentliche_fassung_nichtoeffentlich(d: Data) -> None:
    _nichtoeffentlich(d)
    d["fassung"] = "oeffentlich"
    d.pop("sachbearbeitung", None)


def _unterzeichnung_ohne_namen(d: Data) -> None:
    d["fassung"] = "intern"
    d["unterzeichnung"] = {"funktion": "Landrat"}


def _folge(d: Data, *zustaendigkeiten: str) -> None:
    datum = d["beratungsfolge"][0]["sitzungsdatum"]
    d["beratungsfolge"] = [
        {"gremium": f"Gremium {n}", "sitzungsdatum": datum, "zustaendigkeit": z}
        for n, z in enumerate(zustaendigkeiten, start=1)
    ]
    if d.get("oeffentlich") is False:
        for beratung in d["beratungsfolge"]:
            beratung["oeffentlich"] = False


def _beschlussvorlage_ohne_entscheidung(d: Data) -> None:
    d["art"] = "Beschlussvorlage"
    d["beschlussvorschlag"] = "Der Kreistag beschließt."
    _folge(d, "Vorberatung", "Kenntnisnahme")


def _mitteilung_entschieden(d: Data) -> None:
    d["art"] = "Mitteilungsvorlage"
    _folge(d, "Vorberatung", "Entscheidung")


def _zwei_entscheidungen(d: Data) -> None:
    d["art"] = "Beschlussvorlage"
    d["beschlussvorschlag"] = "Der Kreistag beschließt."
    _folge(d, "Entscheidung", "Entscheidung")


def _ohne_beschlussvorschlag(d: Data) -> None:
    d["art"] = "Antrag"
    d.pop("beschlussvorschlag", None)


def _klima_ohne_erlaeuterung(d: Data) -> None:
    d["klimarelevanz"] = {"bewertung": "ja, negativ"}


def _betrag(wert: Any) -> Callable[[Data], None]:
    def setzen(d: Data) -> None:
        position = {"haushaltsjahr": 2026, "bezeichnung": "Bau", "betrag": wert}
        d["finanzielle_auswirkungen"] = {"positionen": [position]}

    setzen.__name__ = f"betrag={wert!r}"
    return setzen


def _text(feld: str, wert: str) -> Callable[[Data], None]:
    def setzen(d: Data) -> None:
        d[feld] = wert

    setzen.__name__ = f"{feld}={wert!r}"
    return setzen


MUTATIONS: list[Callable[[Data], None]] = [
    _ohne_grund,
    _beratung_oeffentlich,
    _oeffentliche_fassung_mit_sachbearbeitung,
    _oeffentliche_fassung_nichtoeffentlich,
    _unterzeichnung_ohne_namen,
    _beschlussvorlage_ohne_entscheidung,
    _mitteilung_entschieden,
    _zwei_entscheidungen,
    _ohne_beschlussvorschlag,
    _klima_ohne_erlaeuterung,
    _text("betreff", "Erste Zeile\nzweite Zeile"),
    _text("betreff", "Betreff mit Wagenrücklauf\r"),
    _text("betreff", "Aus Word kopiert\x0bweiter"),
    _text("betreff", "\u2003 \u00a0"),
    _text("betreff", "x" * 301),
    _text("federfuehrung", "Amt\x00 10"),
    _text("sachdarstellung", "Ein Absatz mit Seitenvorschub\x0c"),
    _text("nummer", "0187/2026\n"),
    _text("datum", "01.05.2016"),
    _text("art", "Beschlußvorlage"),
    _text("betref", "falsch geschrieben"),
    _betrag(1234.5),
    _betrag("1.234,50"),
    _betrag("12.345"),
]


def cases(paper: Data) -> Iterator[tuple[str, Data]]:
    """The paper, then the paper with each rule broken."""
    yield "gültig", paper
    for mutation in MUTATIONS:
        changed = copy.deepcopy(paper)
        mutation(changed)
        yield mutation.__name__, changed


SEEN: Counter[tuple[str, bool]] = Counter()


@settings(
    max_examples=max(10, settings().max_examples * 3 // 40),  # 10 locally, 150 in CI
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(paper_data())
def test_the_library_and_ajv_agree(ajv: Ajv, paper: Data) -> None:
    if not library_valid(paper):
        return  # a combination the strategy does not know is invalid: no base to break
    for name, document in cases(paper):
        ours = library_valid(document)
        theirs = ajv.valid(document)
        assert ours == theirs, f"{name}: library {ours}, ajv {theirs}: {as_json(document)}"
        SEEN[(name, ours)] += 1


def test_every_rule_was_broken_and_caught(ajv: Ajv) -> None:
    """Run after the property test: each mutation made invalid papers, both said so."""
    if not SEEN:
        pytest.skip("runs after test_the_library_and_ajv_agree in the same session")
    total = sum(SEEN.values())
    rejected = {name for (name, valid), _ in SEEN.items() if not valid}
    assert SEEN[("gültig", True)] > 0
    assert rejected == {m.__name__ for m in MUTATIONS}
    if os.environ.get("CI"):
        assert total >= 2000


@pytest.mark.parametrize(
    "path", sorted(EXAMPLES.glob("*.json")) + sorted(EXAMPLES.glob("*/*.json"))
)
def test_the_examples_validate_in_ajv(ajv: Ajv, path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert ajv.valid(document)
    assert library_valid(document)


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schemas")
    for was in ("sitzung", "niederschrift", "geschaeftsordnung"):
        (folder / f"{was}.schema.json").write_text(schema_json(was), encoding="utf-8")
    return folder


def example_documents() -> dict[str, Any]:
    """The example meeting, minutes and Geschäftsordnung as the JSON another system sends."""
    from vorlagen.cli import load_sitzung

    niederschrift = yaml.safe_load((EXAMPLES / "niederschrift-kreistag.yaml").read_text("utf-8"))
    sitzung = load_sitzung(EXAMPLES / "sitzung-kreistag.yaml")
    niederschrift["sitzung"] = json.loads(sitzung.model_dump_json(exclude_unset=True))
    with (EXAMPLES / "geschaeftsordnung-kreistag.toml").open("rb") as toml:
        geschaeftsordnung = tomllib.load(toml)
    return {
        "sitzung": json.loads(example_sitzung_json()),
        "niederschrift": json.loads(as_json(niederschrift)),
        "geschaeftsordnung": geschaeftsordnung,
    }


@pytest.mark.parametrize("was", ["sitzung", "niederschrift", "geschaeftsordnung"])
def test_the_other_examples_validate_in_ajv(ajv: Ajv, schemas: Path, was: str) -> None:
    validator = Ajv(schemas / f"{was}.schema.json")
    try:
        document = example_documents()[was]
        assert validator.valid(document)
        broken = {**document, "unbekanntes_feld": 1}
        assert not validator.valid(broken)
    finally:
        validator.close()


def _sitzung_mutationen(s: Data) -> Iterator[tuple[str, Data]]:
    """The example meeting, each with one rule of the meeting broken."""
    oeffentlich_ohne_vorlage = next(
        n
        for n, t in enumerate(s["tagesordnung"])
        if t.get("oeffentlich") is False and not t.get("vorlage")
    )
    d = copy.deepcopy(s)
    del d["tagesordnung"][oeffentlich_ohne_vorlage]["nichtoeffentlich_grund"]
    yield "nichtoeffentlicher Punkt ohne Grund", d
    d = copy.deepcopy(s)
    d["nichtoeffentlicher_teil_folgt"] = True
    yield "interne Fassung mit nichtoeffentlicher_teil_folgt", d
    d = copy.deepcopy(s)
    d["tagesordnung"] = []
    yield "leere Tagesordnung", d
    mit_vorlage = next(
        n for n, t in enumerate(s["tagesordnung"])
        if isinstance(t.get("vorlage"), dict) and t["vorlage"].get("oeffentlich") is False
    )  # fmt: skip
    d = copy.deepcopy(s)
    d["tagesordnung"][mit_vorlage]["oeffentlich"] = True
    yield "öffentlicher Punkt mit nichtöffentlicher Vorlage", d
    d = copy.deepcopy(s)
    d["tagesordnung"][0]["unterpunkte"] = [
        {"titel": "Verkauf", "vorlage": s["tagesordnung"][mit_vorlage]["vorlage"]}
    ]
    yield "nichtöffentliche Vorlage unter öffentlichem Punkt", d
    d = copy.deepcopy(s)
    d["fassung"] = "oeffentlich"
    yield "öffentliche Fassung mit Gründen und internen Vorlagen", d


def _niederschrift_mutationen(n: Data) -> Iterator[tuple[str, Data]]:
    beschlossen = next(i for i, e in enumerate(n["ergebnisse"]) if e["status"] == "beschlossen")
    d = copy.deepcopy(n)
    del d["ergebnisse"][beschlossen]["abstimmung"]
    yield "beschlossen ohne Abstimmung", d
    d = copy.deepcopy(n)
    d["ergebnisse"][beschlossen]["status"] = "geändert beschlossen"
    d["ergebnisse"][beschlossen].pop("beschluss", None)
    yield "geändert beschlossen ohne Beschluss", d


@pytest.mark.parametrize(
    ("was", "mutationen"),
    [("sitzung", _sitzung_mutationen), ("niederschrift", _niederschrift_mutationen)],
)
def test_the_rules_of_meetings_and_minutes_agree(
    ajv: Ajv,
    schemas: Path,
    was: str,
    mutationen: Callable[[Data], Iterator[tuple[str, Data]]],
) -> None:
    from vorlagen import Niederschrift, Sitzung

    models: dict[str, type[BaseModel]] = {"sitzung": Sitzung, "niederschrift": Niederschrift}
    model = models[was]

    def ours(document: Data) -> bool:
        try:
            model.model_validate_json(as_json(document))
        except ValidationError:
            return False
        return True

    validator = Ajv(schemas / f"{was}.schema.json")
    try:
        base = example_documents()[was]
        assert ours(base)
        assert validator.valid(base)
        for name, document in mutationen(base):
            assert not ours(document), name
            assert not validator.valid(document), name
    finally:
        validator.close()


@pytest.fixture(scope="module")
def ajv_sitzung(ajv: Ajv, schemas: Path) -> Iterator[Ajv]:
    validator = Ajv(schemas / "sitzung.schema.json")
    yield validator
    validator.close()


def sitzung_valid(document: Data) -> bool:
    from vorlagen import Sitzung

    try:
        Sitzung.model_validate_json(as_json(document))
    except ValidationError:
        return False
    return True


MEETINGS: Counter[bool] = Counter()
EXAMPLE_MEETING: Data = json.loads(example_sitzung_json())
EXAMPLE_MEETINGS: list[Data] = [
    EXAMPLE_MEETING,
    {**EXAMPLE_MEETING, "nichtoeffentlicher_teil_folgt": True},
]


@settings(
    max_examples=max(10, settings().max_examples * 3 // 40),  # 10 locally, 150 in CI
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(sitzung_data())
@example(EXAMPLE_MEETINGS[0])  # valid, and the same with a rule broken: both every run
@example(EXAMPLE_MEETINGS[1])
def test_the_library_and_ajv_agree_on_generated_meetings(ajv_sitzung: Ajv, sitzung: Data) -> None:
    """Meetings that mix reasons, versions and papers, public or not: valid ones and not."""
    ours = sitzung_valid(sitzung)
    theirs = ajv_sitzung.valid(sitzung)
    assert ours == theirs, f"library {ours}, ajv {theirs}: {as_json(sitzung)}"
    if sitzung not in EXAMPLE_MEETINGS:
        MEETINGS[ours] += 1


def test_generated_meetings_were_valid_and_invalid() -> None:
    """Run after the property test: the generated meetings had both verdicts.

    About one in five generated meetings is valid: among the 10 of a local run, none may be
    (in one run of twelve); among CI's 150, a valid one is all but certain.
    """
    if not MEETINGS:
        pytest.skip("runs after test_the_library_and_ajv_agree_on_generated_meetings")
    assert MEETINGS[False] > 0
    if os.environ.get("CI"):
        assert MEETINGS[True] > 0


# -- cases a review found where the two once disagreed ---------------------------------------

MINIMAL: Data = {
    "art": "Mitteilungsvorlage", "nummer": "1/2026", "datum": "2026-05-01", "betreff": "B",
    "koerperschaft": "K", "federfuehrung": "A", "sachdarstellung": "Text",
    "beratungsfolge": [{"gremium": "Kreistag", "sitzungsdatum": "2026-06-01",
                        "zustaendigkeit": "Kenntnisnahme"}],
}  # fmt: skip
POSITION: Data = {"haushaltsjahr": 2026, "bezeichnung": "Bau", "betrag": "5.00"}


@pytest.mark.parametrize(
    ("name", "aenderung", "gueltig"),
    [
        ("ohne typ", {"rechtsgrundlage": [{"gesetz": "KrO", "paragraf": 1}]}, False),
        ("Block ohne typ", {"sachdarstellung": [{"text": "x", "ebene": 2}]}, False),
        ("leerer Text", {"sachdarstellung": " "}, False),
        ("keine Blöcke", {"sachdarstellung": []}, False),
        ("leeres Markdown", {"sachdarstellung": {"markdown": " "}}, False),
        ("Markdown", {"sachdarstellung": {"markdown": "Ein **Absatz**."}}, True),
        ("E-Mail", {"sachbearbeitung": {"name": "X", "email": "nobody"}}, False),
        ("E-Mail gültig", {"sachbearbeitung": {"name": "X", "email": "a@kreis.de"}}, True),
        (
            "ftp",
            {
                "sachdarstellung": [
                    {"typ": "absatz", "text": [{"typ": "link", "text": "x", "ziel": "ftp://a.de"}]}
                ]
            },
            False,
        ),
        (
            "Zahl Text",
            {"sachdarstellung": [{"typ": "absatz", "text": [{"typ": "zahl", "wert": "abc"}]}]},
            False,
        ),
        (
            "Zahl Komma",
            {"sachdarstellung": [{"typ": "absatz", "text": [{"typ": "zahl", "wert": "1,5"}]}]},
            False,
        ),
        (
            "nicht beziffert ohne Erläuterung",
            {"finanzielle_auswirkungen": {"beziffert": False}},
            False,
        ),
        (
            "nicht beziffert mit Positionen",
            {
                "finanzielle_auswirkungen": {
                    "beziffert": False,
                    "erlaeuterung": "x",
                    "positionen": [POSITION],
                }
            },
            False,
        ),
        (
            "keine Paragrafen",
            {"rechtsgrundlage": [{"typ": "norm", "gesetz": "KrO", "paragraf": []}]},
            False,
        ),
        ("Base64", {"sachdarstellung": [{"typ": "bild", "daten": "!!!!", "alt": "A"}]}, False),
        (
            "ganzzahliger Betrag als 1.0",
            {"finanzielle_auswirkungen": {"positionen": [{**POSITION, "betrag": 1.0}]}},
            True,
        ),
        (
            "Betrag zu groß",
            {
                "finanzielle_auswirkungen": {
                    "positionen": [{**POSITION, "betrag": 1_000_000_000_000}]
                }
            },
            False,
        ),
        (
            "Betrag zu groß als Text",
            {"finanzielle_auswirkungen": {"positionen": [{**POSITION, "betrag": "1000000000000"}]}},
            False,
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_cases_once_in_dispute(ajv: Ajv, name: str, aenderung: Data, gueltig: bool) -> None:
    document = {**MINIMAL, **aenderung}
    assert library_valid(document) is gueltig, name
    assert ajv.valid(document) is gueltig, name


def test_an_image_by_path_and_a_meeting_with_a_paper_by_path(
    ajv: Ajv, schemas: Path, tmp_path: Path
) -> None:
    from tests.images import png
    from vorlagen import Sitzung

    (tmp_path / "plan.png").write_bytes(png())
    document = {**MINIMAL, "sachdarstellung": [{"typ": "bild", "pfad": "plan.png", "alt": "Plan"}]}
    Sitzungsvorlage.model_validate_json(as_json(document), context={"basis": tmp_path})
    assert ajv.valid(document)
    (tmp_path / "vorlage.json").write_text(as_json(MINIMAL), encoding="utf-8")
    meeting = json.loads(as_json(example_documents()["sitzung"]))
    meeting["tagesordnung"] = [{"titel": "Bericht", "vorlage": "vorlage.json"}]
    Sitzung.model_validate_json(as_json(meeting), context={"basis": tmp_path})
    validator = Ajv(schemas / "sitzung.schema.json")
    try:
        assert validator.valid(meeting)
        for beginn in ("2026-12-09T25:00", "2026-13-01T17:00", "2026-12-09T17:60"):
            late = {**meeting, "beginn": beginn}
            assert not validator.valid(late)
            with pytest.raises(ValidationError):
                Sitzung.model_validate_json(as_json(late), context={"basis": tmp_path})
    finally:
        validator.close()


def test_a_land_in_any_case(ajv: Ajv, schemas: Path) -> None:
    from vorlagen import Geschaeftsordnung

    validator = Ajv(schemas / "geschaeftsordnung.schema.json")
    try:
        for land, gueltig in (("nrw", True), ("By", True), ("XX", False), ("Bayern", False)):
            assert validator.valid({"land": land}) is gueltig, land
            try:
                Geschaeftsordnung.model_validate({"land": land})
            except ValidationError:
                assert not gueltig, land
            else:
                assert gueltig, land
    finally:
        validator.close()
