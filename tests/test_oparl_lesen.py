"""Reading OParl as real systems publish it: 17 real objects, every quirk, nothing raised."""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorlagen.errors import OParlError
from vorlagen.oparl.lesen import from_meeting, from_paper, lesen
from vorlagen.oparl.modelle import (
    OParlBeratung,
    OParlDatei,
    OParlGremium,
    OParlKoerperschaft,
    OParlPunkt,
    OParlSitzung,
    OParlSystem,
    OParlVorlage,
    OParlWarnung,
    Warnungsart,
)
from vorlagen.schemas import Vorlagenart, Zustaendigkeit

W = Warnungsart
REAL = Path(__file__).resolve().parents[2] / "shared" / "reference" / "oparl-real"
SOMMERZEIT = timezone(timedelta(hours=2))
WINTERZEIT = timezone(timedelta(hours=1))


def real(name: str) -> dict[str, Any]:
    if not REAL.is_dir():
        pytest.skip(f"die echten OParl-Objekte fehlen ({REAL})")
    data: dict[str, Any] = json.loads((REAL / name).read_text(encoding="utf-8"))
    return data


def kinds(warnungen: list[OParlWarnung]) -> Counter[Warnungsart]:
    return Counter(w.art for w in warnungen)


def places(warnungen: list[OParlWarnung]) -> Counter[tuple[Warnungsart, str]]:
    return Counter((w.art, w.pfad) for w in warnungen)


# --- the 17 real objects ---------------------------------------------------------------

SD = "https://sdnetrim.kdvz-frechen.de/rim4220/webservice/oparl/v1.0/body/1"
KA = "https://web1.karlsruhe.de/oparl/bodies/0001"

REAL_WARNINGS: dict[str, Counter[Warnungsart]] = {
    "allrisnet-leipzig-body.json": Counter({W.VERSION_1_0: 1, W.LEERER_WERT: 2}),
    "sdnet-huertgenwald-consultation.json": Counter({W.VERSION_1_0: 1}),
    "sdnet-huertgenwald-file-niederschrift.json": Counter({W.VERSION_1_0: 1}),
    "sdnet-huertgenwald-meeting-gemeinderat.json": Counter(
        {W.VERSION_1_0: 1, W.LEERRAUM: 2, W.OHNE_ORDER: 1}
    ),
    "sdnet-huertgenwald-organization-gemeinderat.json": Counter(
        {W.VERSION_1_0: 1, W.HERSTELLERFELD: 2}
    ),
    "sdnet-huertgenwald-paper-beschlussvorlage.json": Counter({W.VERSION_1_0: 1, W.LEERRAUM: 2}),
    "sdnet-huertgenwald-paper-mitteilungsvorlage.json": Counter({W.VERSION_1_0: 1}),
    "sdnet-huertgenwald-system.json": Counter({W.VERSION_1_0: 1, W.HERSTELLERFELD: 1}),
    "sdnet-kreis-euskirchen-body.json": Counter({W.VERSION_1_0: 1}),
    "sdnet-kreis-euskirchen-system.json": Counter({W.VERSION_1_0: 1, W.HERSTELLERFELD: 1}),
    "sessionnet-karlsruhe-agendaitem.json": Counter(),
    "sessionnet-karlsruhe-consultation-entscheidung.json": Counter(),
    "sessionnet-karlsruhe-consultation-unbekannt.json": Counter({W.ROLLE_UNBEKANNT: 1}),
    "sessionnet-karlsruhe-meeting-hfa.json": Counter(),
    "sessionnet-karlsruhe-organization-gemeinderat.json": Counter(),
    "sessionnet-karlsruhe-paper-beschlussvorlage.json": Counter(),
    "sessionnet-wuppertal-meeting.json": Counter({W.VERSION_1_0: 1}),
}


def test_the_table_names_every_real_object() -> None:
    if not REAL.is_dir():
        pytest.skip(f"die echten OParl-Objekte fehlen ({REAL})")
    assert sorted(p.name for p in REAL.glob("*.json")) == sorted(REAL_WARNINGS)
    assert len(REAL_WARNINGS) == 17


@pytest.mark.parametrize(("name", "expected"), REAL_WARNINGS.items())
def test_real_object_warnings(name: str, expected: Counter[Warnungsart]) -> None:
    ergebnis = lesen(real(name))
    assert kinds(ergebnis.warnungen) == expected
    for warnung in ergebnis.warnungen:
        assert warnung.pfad
        assert warnung.meldung


def test_huertgenwald_beschlussvorlage() -> None:
    vorlage = from_paper(real("sdnet-huertgenwald-paper-beschlussvorlage.json"))
    assert vorlage.id == f"{SD}/paper/3018"
    assert vorlage.nummer == "48/2018"
    assert vorlage.betreff == (
        "Mehrzweckhalle Gey; hier: Antrag zur Sanierung und Modernisierung vom 05.03.2018"
    )
    assert vorlage.datum == date(2018, 6, 28)
    assert vorlage.vorlagentyp == "Beschlussvorlage"
    assert vorlage.art is Vorlagenart.BESCHLUSSVORLAGE
    assert [b.gremien for b in vorlage.beratungsfolge] == [
        [f"{SD}/organization/1-8"],
        [f"{SD}/organization/1-3"],
        [f"{SD}/organization/1-9"],
    ]
    assert [b.sitzung for b in vorlage.beratungsfolge] == [
        f"{SD}/meeting/1085",
        f"{SD}/meeting/2171",
        f"{SD}/meeting/2172",
    ]
    assert [(b.rolle, b.zustaendigkeit, b.massgeblich) for b in vorlage.beratungsfolge] == [
        (None, None, None)
    ] * 3
    assert vorlage.beratungsfolge[0].tagesordnungspunkt == f"{SD}/agendaitem/8161"
    assert vorlage.federfuehrung == [f"{SD}/organization/3-186"]
    assert vorlage.hauptdatei is not None
    assert vorlage.hauptdatei.name == (
        "Beschlussvorlage (Mehrzweckhalle Gey; hier: Antrag zur Sanierung und Modernisierung "
        "vom 05.03.2018)"
    )
    assert vorlage.hauptdatei.zugriff is not None
    assert vorlage.hauptdatei.zugriff.startswith(f"{SD}/files/")
    assert vorlage.hauptdatei.zugriff.endswith("/Beschlussvorlage_48-2018.pdf")
    assert vorlage.hauptdatei.mime_typ == "application/pdf"
    assert [a.name for a in vorlage.anlagen] == ["Beschlussvorlage (Antrag Mehrzweckhalle Gey)"]
    assert vorlage.web is not None
    assert vorlage.web.startswith("https://sdnetrim.kdvz-frechen.de/rim4220/vorgang/")
    assert vorlage.geloescht is False
    assert places(vorlage.warnungen) == Counter(
        {(W.VERSION_1_0, "type"): 1, (W.LEERRAUM, "name"): 1, (W.LEERRAUM, "mainFile.name"): 1}
    )
    assert places(vorlage.hauptdatei.warnungen) == Counter({(W.LEERRAUM, "mainFile.name"): 1})


def test_huertgenwald_mitteilungsvorlage() -> None:
    vorlage = from_paper(real("sdnet-huertgenwald-paper-mitteilungsvorlage.json"))
    assert vorlage.nummer == "156/2021"
    assert vorlage.betreff == "Errichtung einer Holz Brikettieranlage im Gemeindegebiet Hürtgenwald"
    assert vorlage.datum == date(2021, 9, 16)
    assert vorlage.art is Vorlagenart.MITTEILUNGSVORLAGE
    assert len(vorlage.beratungsfolge) == 1
    assert vorlage.beratungsfolge[0].sitzung == f"{SD}/meeting/2531"
    assert vorlage.beratungsfolge[0].zustaendigkeit is None
    assert vorlage.hauptdatei is not None
    assert vorlage.hauptdatei.name == (
        "Mitteilungsvorlage (Errichtung einer Holz Brikettieranlage im Gemeindegebiet Hürtgenwald)"
    )
    assert vorlage.anlagen == []
    assert vorlage.federfuehrung == [f"{SD}/organization/3-187"]


def test_huertgenwald_consultation() -> None:
    beratung = lesen(real("sdnet-huertgenwald-consultation.json"))
    assert isinstance(beratung, OParlBeratung)
    assert beratung.id == f"{SD}/consultation/3796"
    assert beratung.gremien == [f"{SD}/organization/1-8"]
    assert beratung.sitzung == f"{SD}/meeting/1085"
    assert beratung.tagesordnungspunkt == f"{SD}/agendaitem/8161"
    assert (beratung.vorlage, beratung.rolle, beratung.zustaendigkeit) == (None, None, None)
    assert beratung.massgeblich is None
    assert (beratung.gremium, beratung.sitzungsdatum) == (None, None)


def test_huertgenwald_file() -> None:
    datei = lesen(real("sdnet-huertgenwald-file-niederschrift.json"))
    assert isinstance(datei, OParlDatei)
    assert datei.id == f"{SD}/file/1-31425"
    assert datei.name == "Öffentliche Niederschrift (Gemeinderat)"
    assert datei.mime_typ == "application/pdf"
    assert datei.datum == date(2021, 7, 29)
    assert (datei.dateiname, datei.groesse) == (None, None)  # SD.NET sends neither
    assert datei.zugriff is not None
    assert datei.zugriff.endswith("/Oeffentliche_Niederschrift_Gemeinderat_29.07.2021.pdf")
    assert datei.download is not None
    assert datei.download.startswith(f"{SD}/files/download/")


def test_huertgenwald_meeting() -> None:
    sitzung = from_meeting(real("sdnet-huertgenwald-meeting-gemeinderat.json"))
    assert sitzung.id == f"{SD}/meeting/2528"
    assert sitzung.name == "Gemeinderat (6. Sitzung)"
    assert sitzung.beginn == datetime(2021, 7, 29, 18, 0, tzinfo=SOMMERZEIT)
    assert sitzung.ende == datetime(2021, 7, 29, 20, 0, tzinfo=SOMMERZEIT)
    assert sitzung.ort == (
        "Rathaus Gemeinde Hürtgenwald, August-Scholl-Str. 5, 52393 Hürtgenwald, "
        "großer Sitzungssaal des Rathauses"
    )
    assert sitzung.gremien == [f"{SD}/organization/1-8"]
    assert sitzung.gremium is None
    assert sitzung.abgesagt is None
    assert [p.nummer for p in sitzung.punkte] == [
        "A",
        "1.",
        "2.",
        "2.1",
        "2.2",
        "3.",
        "4.",
        "B",
        "5.",
        "6.",
    ]
    assert [p.reihenfolge for p in sitzung.punkte] == list(range(10))
    assert {p.oeffentlich for p in sitzung.punkte} == {None}
    punkt = sitzung.punkte[4]
    assert punkt.titel == (
        'Bebauungsplan F 8 "Holz-Brikettieranlage Kleinhau"; hier: Aufstellungsbeschluss '
        "gemäß § 2 Abs. 1 Baugesetzbuch (BauGB)"
    )
    assert punkt.beratung == f"{SD}/consultation/4749"
    assert punkt.ergebnis == "ohne"
    assert punkt.beschlussdatei is not None
    assert punkt.beschlussdatei.name is not None
    assert punkt.beschlussdatei.name.startswith('Beschlusstext (Bebauungsplan F 8 "Holz-')
    assert places(punkt.warnungen) == Counter(
        {(W.LEERRAUM, "agendaItem.4.name"): 1, (W.LEERRAUM, "agendaItem.4.resolutionFile.name"): 1}
    )
    assert sitzung.einladung is not None
    assert sitzung.einladung.name == "Bekanntmachung (Gemeinderat)"
    assert sitzung.niederschrift is not None
    assert sitzung.niederschrift.id == f"{SD}/file/1-31425"
    assert (W.OHNE_ORDER, "agendaItem") in places(sitzung.warnungen)


def test_huertgenwald_organization() -> None:
    gremium = lesen(real("sdnet-huertgenwald-organization-gemeinderat.json"))
    assert isinstance(gremium, OParlGremium)
    assert (gremium.name, gremium.kurzname) == ("Gemeinderat", "GR")
    assert (gremium.art, gremium.einordnung) == ("Gremium", "Gremien")
    assert places(gremium.warnungen) == Counter(
        {
            (W.VERSION_1_0, "type"): 1,
            (W.HERSTELLERFELD, "STERNBERG:sortierung"): 1,
            (W.HERSTELLERFELD, "STERNBERG:gruppierung"): 1,
        }
    )


@pytest.mark.parametrize(
    ("name", "rim"),
    [
        ("sdnet-huertgenwald-system.json", "rim4220"),
        ("sdnet-kreis-euskirchen-system.json", "rim4520"),
    ],
)
def test_sdnet_systems(name: str, rim: str) -> None:
    system = lesen(real(name))
    assert isinstance(system, OParlSystem)
    assert system.id == f"https://sdnetrim.kdvz-frechen.de/{rim}/webservice/oparl/v1.0/system"
    assert system.name == "SD.NET RIM"
    assert system.version == "https://schema.oparl.org/1.0/"
    assert system.hersteller == "https://www.sitzungsdienst.net/"
    assert system.produkt == (
        "https://www.sitzungsdienst.net/produkte/gremieninformationssystem/oparl-schnittstelle/"
    )
    assert (W.HERSTELLERFELD, "STERNBERG:RIMVersion") in places(system.warnungen)


def test_euskirchen_body() -> None:
    body = lesen(real("sdnet-kreis-euskirchen-body.json"))
    assert isinstance(body, OParlKoerperschaft)
    assert body.id == "https://sdnetrim.kdvz-frechen.de/rim4520/webservice/oparl/v1.0/body/1"
    assert body.name == "Kreisverwaltung Euskirchen"
    assert (body.kurzname, body.gemeindeschluessel) == (None, None)


def test_leipzig_body() -> None:
    body = lesen(real("allrisnet-leipzig-body.json"))
    assert isinstance(body, OParlKoerperschaft)
    assert body.id == "https://ratsinfo.leipzig.de/bi/oparl/1.0/bodies.asp?id=2387"
    assert body.name == "Stadt Leipzig"
    assert body.kurzname is None  # "shortName": ""
    assert places(body.warnungen) == Counter(
        {(W.VERSION_1_0, "type"): 1, (W.LEERER_WERT, "shortName"): 1, (W.LEERER_WERT, "created"): 1}
    )


def test_karlsruhe_agenda_item() -> None:
    punkt = lesen(real("sessionnet-karlsruhe-agendaitem.json"))
    assert isinstance(punkt, OParlPunkt)
    assert punkt.id == f"{KA}/agendaitems/96273"
    assert (punkt.nummer, punkt.reihenfolge) == ("1.2", 3)
    assert punkt.titel == "Handlungsschwerpunkte im Bereich Öffentliche Sicherheit und Ordnung"
    assert punkt.oeffentlich is True
    assert punkt.beratung == f"{KA}/consultations/34521"
    assert punkt.ergebnis == "Kenntnisnahme"
    assert (punkt.beschluss, punkt.beschlussdatei) == (None, None)


def test_karlsruhe_consultation_entscheidung() -> None:
    beratung = lesen(real("sessionnet-karlsruhe-consultation-entscheidung.json"))
    assert isinstance(beratung, OParlBeratung)
    assert beratung.vorlage == f"{KA}/papers/vo/51080"
    assert beratung.sitzung == f"{KA}/meetings/9999"
    assert beratung.tagesordnungspunkt == f"{KA}/agendaitems/90542"
    assert beratung.gremien == [f"{KA}/organizations/gr/33695"]
    assert beratung.rolle == "Entscheidung"
    assert beratung.zustaendigkeit is Zustaendigkeit.ENTSCHEIDUNG
    assert beratung.massgeblich is True


def test_karlsruhe_consultation_unbekannt() -> None:
    beratung = lesen(real("sessionnet-karlsruhe-consultation-unbekannt.json"))
    assert isinstance(beratung, OParlBeratung)
    assert beratung.rolle == "unbekannt"
    assert beratung.zustaendigkeit is None
    assert beratung.massgeblich is None
    assert places(beratung.warnungen) == Counter({(W.ROLLE_UNBEKANNT, "role"): 1})
    assert "„unbekannt“" in beratung.warnungen[0].meldung


def test_karlsruhe_meeting() -> None:
    sitzung = from_meeting(real("sessionnet-karlsruhe-meeting-hfa.json"))
    assert sitzung.name == "Haupt- und Finanzausschuss (öffentlich/nicht öffentlich)"
    assert sitzung.beginn == datetime(2025, 10, 14, 16, 30, tzinfo=SOMMERZEIT)
    assert sitzung.ende == datetime(2025, 10, 14, 18, 30, tzinfo=SOMMERZEIT)
    assert sitzung.ort == "Bürgersaal, Rathaus am Marktplatz"
    assert sitzung.gremien == [f"{KA}/organizations/gr/28964"]
    # Karlsruhe counts from 1: the orders are kept as given
    assert [p.reihenfolge for p in sitzung.punkte] == list(range(1, 14))
    assert [p.nummer for p in sitzung.punkte][:5] == ["1", "1.1", "1.2", "1.3", "1.4"]
    assert {p.oeffentlich for p in sitzung.punkte} == {True}
    assert sitzung.punkte[2].ergebnis == "Kenntnisnahme"
    assert sitzung.einladung is not None
    assert sitzung.einladung.name == "Tagesordnung (öffentlich) Ausschuss/Ortschaftsrat"
    assert sitzung.einladung.dateiname == "00670577.pdf"
    assert sitzung.einladung.datum == date(2025, 10, 2)
    assert sitzung.niederschrift is not None
    assert sitzung.niederschrift.name == "Anwesenheit (Protokoll)"


def test_karlsruhe_organization() -> None:
    gremium = lesen(real("sessionnet-karlsruhe-organization-gemeinderat.json"))
    assert isinstance(gremium, OParlGremium)
    assert gremium.id == f"{KA}/organizations/gr/32130"
    assert (gremium.name, gremium.kurzname) == ("Gemeinderat", "GR")
    assert gremium.art is None
    assert gremium.einordnung == "Beschließender Ausschuss"


def test_karlsruhe_paper() -> None:
    vorlage = from_paper(real("sessionnet-karlsruhe-paper-beschlussvorlage.json"))
    assert vorlage.nummer == "2026/0066"
    assert vorlage.betreff is not None
    assert vorlage.betreff.startswith("Überführung der verbleibenden Klassen")
    assert vorlage.datum == date(2026, 1, 27)
    assert vorlage.art is Vorlagenart.BESCHLUSSVORLAGE
    assert vorlage.hauptdatei is None  # SessionNet: the paper's PDF is an auxiliaryFile
    assert [(a.name, a.dateiname) for a in vorlage.anlagen] == [
        ("Beschlussvorlage", "00676120.pdf"),
        ("Abstimmungsergebnis Top 7", "00677304.pdf"),
        ("Protokoll GR 24.03.2026 TOP 7", "00677564.pdf"),
    ]
    assert [(b.rolle, b.zustaendigkeit) for b in vorlage.beratungsfolge] == [
        ("Vorberatung", Zustaendigkeit.VORBERATUNG),
        ("Anhörung", Zustaendigkeit.ANHOERUNG),
        ("Entscheidung", Zustaendigkeit.ENTSCHEIDUNG),
    ]
    assert {b.massgeblich for b in vorlage.beratungsfolge} == {True}
    assert {b.vorlage for b in vorlage.beratungsfolge} == {f"{KA}/papers/vo/54199"}
    assert vorlage.beratungsfolge[2].gremien == [f"{KA}/organizations/gr/32130"]
    assert vorlage.federfuehrung == [f"{KA}/organizations/at/882966"]


def test_wuppertal_meeting() -> None:
    sitzung = from_meeting(real("sessionnet-wuppertal-meeting.json"))
    assert sitzung.id == "http://oparl.wuppertal.de/oparl/bodies/0001/meetings/19160"
    assert sitzung.name == "SI/0507/20"
    assert sitzung.beginn == datetime(2020, 9, 29, 15, 0, tzinfo=SOMMERZEIT)
    assert len(sitzung.gremien) == 2
    assert sitzung.punkte == []
    assert sitzung.ort is None
    # Wuppertal puts invitation and minutes among the auxiliary files, which have no place
    assert (sitzung.einladung, sitzung.niederschrift) == (None, None)


def test_fetched_objects_name_the_gremium() -> None:
    fixtures = [real(p.name) for p in sorted(REAL.glob("*.json"))]
    objekte = {obj["id"]: obj for obj in fixtures}
    karlsruhe = from_paper(real("sessionnet-karlsruhe-paper-beschlussvorlage.json"), objekte)
    assert [b.gremium for b in karlsruhe.beratungsfolge] == [None, None, "Gemeinderat"]
    huertgenwald = from_paper(real("sdnet-huertgenwald-paper-beschlussvorlage.json"), objekte)
    assert [b.gremium for b in huertgenwald.beratungsfolge] == ["Gemeinderat", None, None]
    sitzung = from_meeting(real("sdnet-huertgenwald-meeting-gemeinderat.json"), objekte)
    assert sitzung.gremium == "Gemeinderat"
    beratung = lesen(real("sdnet-huertgenwald-consultation.json"), objekte)
    assert isinstance(beratung, OParlBeratung)
    assert beratung.gremium == "Gemeinderat"
    # no consultation among the fixtures names a meeting among them
    assert beratung.sitzungsdatum is None
    # a spec-conformant reference is no quirk
    assert kinds(karlsruhe.warnungen) == Counter()


# --- invented objects: the Kreis Lindenau ----------------------------------------------

BASIS = "https://ris.kreis-lindenau.example/oparl/v1.1/body/1"
T11 = "https://schema.oparl.org/1.1/"
T10 = "https://schema.oparl.org/1.0/"
KREISTAG = f"{BASIS}/organization/1"
KREISAUSSCHUSS = f"{BASIS}/organization/2"
SITZUNG_URL = f"{BASIS}/meeting/40"


def datei(**felder: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "id": f"{BASIS}/file/501",
        "type": T11 + "File",
        "name": "Vorlage 17/2026",
        "fileName": "vorlage-17-2026.pdf",
        "mimeType": "application/pdf",
        "date": "2026-03-02",
        "size": 48213,
        "accessUrl": f"{BASIS}/file/501/vorlage-17-2026.pdf",
    }
    return obj | felder


def beratung(**felder: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "id": f"{BASIS}/consultation/88",
        "type": T11 + "Consultation",
        "meeting": SITZUNG_URL,
        "organization": [KREISTAG],
        "authoritative": True,
        "role": "Entscheidung",
    }
    return obj | felder


def paper(**felder: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "id": f"{BASIS}/paper/17",
        "type": T11 + "Paper",
        "name": "Kreisstraße K 12: Ausbau zwischen Au und Brück",
        "reference": "17/2026",
        "date": "2026-03-02",
        "paperType": "Beschlussvorlage",
        "mainFile": datei(),
        "underDirectionOf": [f"{BASIS}/organization/66"],
        "consultation": [
            beratung(
                id=f"{BASIS}/consultation/87", organization=[KREISAUSSCHUSS], role="Vorberatung"
            ),
            beratung(),
        ],
    }
    return obj | felder


def punkt(nummer: str, order: int | None, **felder: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "id": f"{BASIS}/agendaitem/{nummer}",
        "type": T11 + "AgendaItem",
        "number": nummer,
        "name": f"Tagesordnungspunkt {nummer}",
        "public": True,
    }
    if order is not None:
        obj["order"] = order
    return obj | felder


def meeting(**felder: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "id": SITZUNG_URL,
        "type": T11 + "Meeting",
        "name": "Kreistag (12. Sitzung)",
        "start": "2026-06-01T17:00:00+02:00",
        "end": "2026-06-01T20:30:00+02:00",
        "organization": [KREISTAG],
        "location": {"type": T11 + "Location", "description": "Kreishaus, Großer Sitzungssaal"},
        "agendaItem": [punkt("1", 0), punkt("2", 1), punkt("3", 2)],
        "invitation": datei(id=f"{BASIS}/file/600", name="Einladung"),
    }
    return obj | felder


def ohne(obj: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: wert for key, wert in obj.items() if key not in keys}


def test_clean_invented_objects_give_no_warning() -> None:
    vorlage = from_paper(paper())
    assert vorlage.warnungen == []
    assert vorlage.nummer == "17/2026"
    assert vorlage.hauptdatei is not None
    assert vorlage.hauptdatei.groesse == 48213
    assert [b.zustaendigkeit for b in vorlage.beratungsfolge] == [
        Zustaendigkeit.VORBERATUNG,
        Zustaendigkeit.ENTSCHEIDUNG,
    ]
    sitzung = from_meeting(meeting())
    assert sitzung.warnungen == []
    assert [p.reihenfolge for p in sitzung.punkte] == [0, 1, 2]


def test_http_type_urls_are_oparl() -> None:
    vorlage = from_paper(paper(type="http://schema.oparl.org/1.1/Paper"))
    assert vorlage.warnungen == []


# VERSION_1_0


def test_a_1_0_object_warns_once() -> None:
    obj = paper(
        type=T10 + "Paper",
        mainFile=datei(type=T10 + "File"),
        consultation=[beratung(type=T10 + "Consultation")],
    )
    vorlage = from_paper(obj)
    assert places(vorlage.warnungen) == Counter({(W.VERSION_1_0, "type"): 1})
    assert "1.0" in vorlage.warnungen[0].meldung


def test_a_1_0_object_inside_a_1_1_object_warns() -> None:
    vorlage = from_paper(paper(mainFile=datei(type=T10 + "File")))
    assert places(vorlage.warnungen) == Counter({(W.VERSION_1_0, "mainFile.type"): 1})
    assert vorlage.hauptdatei is not None
    assert vorlage.hauptdatei.name == "Vorlage 17/2026"


# LEERER_WERT and PLATZHALTER


@pytest.mark.parametrize("leer", ["", "   ", "\n\t", "\u00a0"])
def test_empty_values_are_missing(leer: str) -> None:
    vorlage = from_paper(paper(reference=leer))
    assert vorlage.nummer is None
    assert places(vorlage.warnungen) == Counter({(W.LEERER_WERT, "reference"): 1})


def test_empty_download_url() -> None:
    vorlage = from_paper(paper(mainFile=datei(downloadUrl="")))
    assert vorlage.hauptdatei is not None
    assert vorlage.hauptdatei.download is None
    assert places(vorlage.warnungen) == Counter({(W.LEERER_WERT, "mainFile.downloadUrl"): 1})


@pytest.mark.parametrize("platzhalter", ["N/A", "n/a", "-", "(kein Text vorhanden)"])
def test_placeholders_are_missing(platzhalter: str) -> None:
    sitzung = from_meeting(meeting(agendaItem=[punkt("1", 0, result=platzhalter)]))
    assert sitzung.punkte[0].ergebnis is None
    assert places(sitzung.warnungen) == Counter({(W.PLATZHALTER, "agendaItem.0.result"): 1})
    assert platzhalter in sitzung.warnungen[0].meldung


def test_placeholders_in_fields_not_read_are_reported() -> None:
    # the Leipzig System object says "website": "N/A"; Paper.license is not read
    vorlage = from_paper(paper(license="N/A", keyword=["Straßenbau", ""]))
    assert places(vorlage.warnungen) == Counter(
        {(W.PLATZHALTER, "license"): 1, (W.LEERER_WERT, "keyword.1"): 1}
    )


# NULL


def test_null_values_are_dropped() -> None:
    obj = paper(
        date=None,
        underDirectionOf=[None, f"{BASIS}/organization/66"],
        originatorPerson=[None],
        keyword=None,
        consultation=[None, beratung()],
    )
    vorlage = from_paper(obj)
    assert vorlage.datum is None
    assert vorlage.federfuehrung == [f"{BASIS}/organization/66"]
    assert len(vorlage.beratungsfolge) == 1
    assert places(vorlage.warnungen) == Counter(
        {
            (W.NULL, "date"): 1,
            (W.NULL, "underDirectionOf.0"): 1,
            (W.NULL, "originatorPerson.0"): 1,
            (W.NULL, "keyword"): 1,
            (W.NULL, "consultation.0"): 1,
        }
    )


# LEERRAUM


def test_name_with_line_break_is_one_line() -> None:
    vorlage = from_paper(paper(name="Kreisstraße K 12;\nhier:  Ausbau zwischen Au und Brück "))
    assert vorlage.betreff == "Kreisstraße K 12; hier: Ausbau zwischen Au und Brück"
    assert places(vorlage.warnungen) == Counter({(W.LEERRAUM, "name"): 1})
    assert "\\n" in vorlage.warnungen[0].meldung  # the line break is shown


@pytest.mark.parametrize(
    ("obj", "lies", "pfad"),
    [
        (meeting(name="Kreistag\n(12. Sitzung)"), lambda s: s.name, "name"),
        (
            meeting(agendaItem=[punkt("1", 0), punkt("2", 1, name="Bericht\r\n  der Verwaltung")]),
            lambda s: s.punkte[1].titel,
            "agendaItem.1.name",
        ),
        (
            meeting(invitation=datei(name="Einladung\n(Kreistag)")),
            lambda s: s.einladung.name,
            "invitation.name",
        ),
    ],
)
def test_meeting_names_are_one_line(
    obj: dict[str, Any], lies: Callable[[Any], str], pfad: str
) -> None:
    sitzung = from_meeting(obj)
    assert "\n" not in lies(sitzung)
    assert "  " not in lies(sitzung)
    assert places(sitzung.warnungen) == Counter({(W.LEERRAUM, pfad): 1})


def test_no_break_space_inside_a_name_is_kept() -> None:
    vorlage = from_paper(paper(name="Satzung nach §\u00a012 KrO"))
    assert vorlage.betreff == "Satzung nach §\u00a012 KrO"
    assert vorlage.warnungen == []


# roles


@pytest.mark.parametrize(
    ("rolle", "zustaendigkeit", "art"),
    [
        ("Entscheidung", Zustaendigkeit.ENTSCHEIDUNG, None),
        ("entscheidung", Zustaendigkeit.ENTSCHEIDUNG, None),
        ("VORBERATUNG", Zustaendigkeit.VORBERATUNG, None),
        (" Kenntnisnahme ", Zustaendigkeit.KENNTNISNAHME, None),
        ("Anhörung", Zustaendigkeit.ANHOERUNG, None),
        ("Genehmigung", Zustaendigkeit.GENEHMIGUNG, None),
        ("Beschlussfassung", Zustaendigkeit.ENTSCHEIDUNG, W.ROLLE_GEDEUTET),
        ("Empfehlung", Zustaendigkeit.VORBERATUNG, W.ROLLE_GEDEUTET),
        ("Beratung", Zustaendigkeit.VORBERATUNG, W.ROLLE_GEDEUTET),
        ("behandlung", Zustaendigkeit.VORBERATUNG, W.ROLLE_GEDEUTET),
        ("unbekannt", None, W.ROLLE_UNBEKANNT),
        ("Zur Kenntnis und Beratung", None, W.ROLLE_UNBEKANNT),
    ],
)
def test_roles(rolle: str, zustaendigkeit: Zustaendigkeit | None, art: W | None) -> None:
    consultations = [beratung(), beratung(), beratung(role=rolle)]
    vorlage = from_paper(paper(consultation=consultations))
    gelesen = vorlage.beratungsfolge[2]
    assert gelesen.rolle == rolle.strip()
    assert gelesen.zustaendigkeit == zustaendigkeit
    expected = Counter() if art is None else Counter({(art, "consultation.2.role"): 1})
    assert places(vorlage.warnungen) == expected
    # the Beratung holds the warnings met in it too
    assert gelesen.warnungen == [
        w for w in vorlage.warnungen if w.pfad.startswith("consultation.2")
    ]


def test_interpreted_role_says_so() -> None:
    vorlage = from_paper(paper(consultation=[beratung(role="Beschlussfassung")]))
    meldung = vorlage.warnungen[0].meldung
    assert "Beschlussfassung" in meldung
    assert "Entscheidung" in meldung
    assert "Auslegung" in meldung


def test_authoritative_alone_is_no_decision() -> None:
    vorlage = from_paper(paper(consultation=[ohne(beratung(authoritative=True), "role")]))
    gelesen = vorlage.beratungsfolge[0]
    assert (gelesen.rolle, gelesen.zustaendigkeit, gelesen.massgeblich) == (None, None, True)
    assert vorlage.warnungen == []


# order


def test_agenda_items_without_order_take_their_place() -> None:
    obj = meeting(
        type=T10 + "Meeting", agendaItem=[punkt("A", None), punkt("1.", None), punkt("B", None)]
    )
    sitzung = from_meeting(obj)
    assert [p.reihenfolge for p in sitzung.punkte] == [0, 1, 2]
    assert places(sitzung.warnungen) == Counter(
        {(W.VERSION_1_0, "type"): 1, (W.OHNE_ORDER, "agendaItem"): 1}
    )
    assert "3 von 3" in sitzung.warnungen[1].meldung


def test_an_agenda_item_on_its_own_without_order() -> None:
    gelesen = lesen(ohne(punkt("4", None), "order"))
    assert isinstance(gelesen, OParlPunkt)
    assert gelesen.reihenfolge == 0
    assert places(gelesen.warnungen) == Counter({(W.OHNE_ORDER, "order"): 1})


@pytest.mark.parametrize(
    ("order", "reihenfolge", "expected"),
    [
        ("3", 3, {(W.FORMAT, "agendaItem.1.order"): 1}),
        (3.0, 3, {(W.FORMAT, "agendaItem.1.order"): 1}),
        ("drei", 1, {(W.FORMAT, "agendaItem.1.order"): 1, (W.OHNE_ORDER, "agendaItem"): 1}),
        (-1, 1, {(W.FORMAT, "agendaItem.1.order"): 1, (W.OHNE_ORDER, "agendaItem"): 1}),
        (None, 1, {(W.NULL, "agendaItem.1.order"): 1, (W.OHNE_ORDER, "agendaItem"): 1}),
    ],
)
def test_odd_orders(
    order: object, reihenfolge: int, expected: dict[tuple[Warnungsart, str], int]
) -> None:
    sitzung = from_meeting(meeting(agendaItem=[punkt("1", 0), punkt("2", None) | {"order": order}]))
    assert sitzung.punkte[1].reihenfolge == reihenfolge
    assert places(sitzung.warnungen) == Counter(expected)


# HERSTELLERFELD and UNBEKANNTES_FELD


def test_vendor_fields() -> None:
    obj = meeting(
        agendaItem=[punkt("1", 0), punkt("2", 1, **{"LINDENAU:farbe": "gelb"})],
        **{"LINDENAU:sitzungsnummer": 12},
    )
    sitzung = from_meeting(obj)
    assert places(sitzung.warnungen) == Counter(
        {
            (W.HERSTELLERFELD, "agendaItem.1.LINDENAU:farbe"): 1,
            (W.HERSTELLERFELD, "LINDENAU:sitzungsnummer"): 1,
        }
    )


def test_fields_oparl_does_not_define() -> None:
    obj = paper(bemerkung="eilt", mainFile=datei(body=BASIS), **{"@context": "x"})
    vorlage = from_paper(obj)
    # "body" on a File is what 1.0 systems send: allowed
    assert places(vorlage.warnungen) == Counter(
        {(W.UNBEKANNTES_FELD, "bemerkung"): 1, (W.UNBEKANNTES_FELD, "@context"): 1}
    )
    assert "bemerkung" in vorlage.warnungen[0].meldung


def test_body_on_a_1_0_meeting_is_no_unknown_field() -> None:
    sitzung = from_meeting(meeting(body=BASIS))
    assert sitzung.warnungen == []


# OBJEKT_STATT_LISTE


def test_one_object_where_a_list_belongs() -> None:
    obj = paper(auxiliaryFile=datei(name="Lageplan\nK 12"))
    vorlage = from_paper(obj)
    assert [a.name for a in vorlage.anlagen] == ["Lageplan K 12"]
    assert places(vorlage.warnungen) == Counter(
        {(W.OBJEKT_STATT_LISTE, "auxiliaryFile"): 1, (W.LEERRAUM, "auxiliaryFile.name"): 1}
    )


def test_one_url_where_a_list_belongs() -> None:
    vorlage = from_paper(paper(consultation=[beratung(organization=KREISTAG)]))
    assert vorlage.beratungsfolge[0].gremien == [KREISTAG]
    assert places(vorlage.warnungen) == Counter(
        {(W.OBJEKT_STATT_LISTE, "consultation.0.organization"): 1}
    )


# VERWEIS


def test_consultations_given_as_urls_keep_the_url() -> None:
    urls = [f"{BASIS}/consultation/87", f"{BASIS}/consultation/88"]
    vorlage = from_paper(paper(consultation=urls))
    assert [b.id for b in vorlage.beratungsfolge] == urls
    assert vorlage.beratungsfolge[0] == OParlBeratung(
        id=urls[0], vorlage=vorlage.id, warnungen=vorlage.beratungsfolge[0].warnungen
    )
    assert places(vorlage.warnungen) == Counter(
        {(W.VERWEIS, "consultation.0"): 1, (W.VERWEIS, "consultation.1"): 1}
    )
    assert urls[0] in vorlage.warnungen[0].meldung


def test_main_file_given_as_url() -> None:
    vorlage = from_paper(paper(mainFile=f"{BASIS}/file/501"))
    assert vorlage.hauptdatei is not None
    assert vorlage.hauptdatei.id == f"{BASIS}/file/501"
    assert vorlage.hauptdatei.name is None
    assert places(vorlage.warnungen) == Counter({(W.VERWEIS, "mainFile"): 1})


def test_agenda_items_given_as_urls() -> None:
    urls = [f"{BASIS}/agendaitem/1", f"{BASIS}/agendaitem/2"]
    sitzung = from_meeting(meeting(agendaItem=urls))
    assert [(p.id, p.reihenfolge, p.titel) for p in sitzung.punkte] == [
        (urls[0], 0, None),
        (urls[1], 1, None),
    ]
    assert places(sitzung.warnungen) == Counter(
        {
            (W.VERWEIS, "agendaItem.0"): 1,
            (W.VERWEIS, "agendaItem.1"): 1,
            (W.OHNE_ORDER, "agendaItem"): 1,
        }
    )


def test_location_given_as_url_is_skipped() -> None:
    sitzung = from_meeting(meeting(location=f"{BASIS}/location/3"))
    assert sitzung.ort is None
    assert places(sitzung.warnungen) == Counter({(W.VERWEIS, "location"): 1})


def test_an_object_where_its_url_belongs() -> None:
    organisation = {"id": KREISTAG, "type": T11 + "Organization", "name": "Kreistag"}
    vorlage = from_paper(paper(consultation=[beratung(organization=[organisation])]))
    assert vorlage.beratungsfolge[0].gremien == [KREISTAG]
    assert places(vorlage.warnungen) == Counter({(W.FORMAT, "consultation.0.organization.0"): 1})


def test_an_object_of_another_type_is_skipped() -> None:
    vorlage = from_paper(paper(consultation=[datei(), beratung()]))
    assert [b.id for b in vorlage.beratungsfolge] == [f"{BASIS}/consultation/88"]
    assert places(vorlage.warnungen) == Counter({(W.FORMAT, "consultation.0.type"): 1})
    assert "File" in vorlage.warnungen[0].meldung


# FORMAT


@pytest.mark.parametrize(
    ("mime", "gelesen"),
    [
        ("application/pdf", None),
        ("pdf", "application/pdf"),
        ("PDF", "application/pdf"),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("Akte", None),
    ],
)
def test_mime_types(mime: str, gelesen: str | None) -> None:
    vorlage = from_paper(paper(mainFile=datei(mimeType=mime)))
    assert vorlage.hauptdatei is not None
    if mime == "application/pdf":
        assert vorlage.hauptdatei.mime_typ == mime
        assert vorlage.warnungen == []
    else:
        assert vorlage.hauptdatei.mime_typ == gelesen
        assert places(vorlage.warnungen) == Counter({(W.FORMAT, "mainFile.mimeType"): 1})


@pytest.mark.parametrize(
    ("wert", "gelesen"),
    [
        ("29.07.2021", None),
        ("2026-02-30", None),
        ("2026-3-2", None),
        (20260302, None),
        ("2026-03-02T00:30:00+01:00", date(2026, 3, 2)),
    ],
)
def test_malformed_dates(wert: object, gelesen: date | None) -> None:
    vorlage = from_paper(paper(date=wert))
    assert vorlage.datum == gelesen
    assert places(vorlage.warnungen) == Counter({(W.FORMAT, "date"): 1})


@pytest.mark.parametrize(
    ("wert", "gelesen"),
    [
        ("2026-03-24T17:00:00+01:00", datetime(2026, 3, 24, 17, 0, tzinfo=WINTERZEIT)),
        ("2026-03-24T16:00:00Z", datetime(2026, 3, 24, 16, 0, tzinfo=UTC)),
        (
            "2026-03-24T17:00:00.250+01:00",
            datetime(2026, 3, 24, 17, 0, 0, 250000, tzinfo=WINTERZEIT),
        ),
    ],
)
def test_date_times(wert: str, gelesen: datetime) -> None:
    sitzung = from_meeting(meeting(start=wert))
    assert sitzung.beginn == gelesen
    assert sitzung.beginn is not None
    assert sitzung.beginn.utcoffset() == gelesen.utcoffset()
    assert sitzung.warnungen == []


@pytest.mark.parametrize(
    "wert",
    ["2026-03-24 17:00", "2026-03-24T17:00:00", "24.03.2026 17:00", "2026-03-24", "morgen", 17],
)
def test_malformed_date_times(wert: object) -> None:
    sitzung = from_meeting(meeting(start=wert))
    assert sitzung.beginn is None
    assert places(sitzung.warnungen) == Counter({(W.FORMAT, "start"): 1})


def test_malformed_created_is_reported() -> None:
    vorlage = from_paper(paper(created="02.03.2026", modified="2026-03-02T10:00:00+01:00"))
    assert places(vorlage.warnungen) == Counter({(W.FORMAT, "created"): 1})


@pytest.mark.parametrize(
    ("size", "groesse", "art"),
    [
        (2048, 2048, None),
        ("2048", 2048, W.FORMAT),
        (2048.0, 2048, W.FORMAT),
        ("12kB", None, W.FORMAT),
        (-5, None, W.FORMAT),
        (True, None, W.FORMAT),
        ("", None, W.LEERER_WERT),
    ],
)
def test_sizes(size: object, groesse: int | None, art: W | None) -> None:
    vorlage = from_paper(paper(mainFile=datei(size=size)))
    assert vorlage.hauptdatei is not None
    assert vorlage.hauptdatei.groesse == groesse
    expected = Counter() if art is None else Counter({(art, "mainFile.size"): 1})
    assert places(vorlage.warnungen) == expected


@pytest.mark.parametrize(
    ("public", "oeffentlich", "art"),
    [(True, True, None), (False, False, None), ("ja", None, W.FORMAT), (1, None, W.FORMAT)],
)
def test_public(public: object, oeffentlich: bool | None, art: W | None) -> None:
    sitzung = from_meeting(meeting(agendaItem=[punkt("1", 0, public=public)]))
    assert sitzung.punkte[0].oeffentlich is oeffentlich
    expected = Counter() if art is None else Counter({(art, "agendaItem.0.public"): 1})
    assert places(sitzung.warnungen) == expected


def test_a_number_where_text_belongs() -> None:
    vorlage = from_paper(paper(reference=48, name={"de": "Kreisstraße"}))
    assert vorlage.nummer == "48"
    assert vorlage.betreff is None
    assert places(vorlage.warnungen) == Counter({(W.FORMAT, "reference"): 1, (W.FORMAT, "name"): 1})


def test_ags_without_its_leading_zero() -> None:
    body = {"id": BASIS, "type": T11 + "Body", "name": "Kreis Lindenau", "ags": "5334002"}
    gelesen = lesen(body)
    assert isinstance(gelesen, OParlKoerperschaft)
    assert gelesen.gemeindeschluessel == "05334002"
    assert places(gelesen.warnungen) == Counter({(W.FORMAT, "ags"): 1})


# GELOESCHT


def test_a_deleted_paper() -> None:
    # as Karlsruhe publishes deleted papers: the texts emptied
    obj = ohne(paper(deleted=True, name="", paperType="", reference=""), "date")
    vorlage = from_paper(obj)
    assert vorlage.geloescht is True
    assert (vorlage.betreff, vorlage.vorlagentyp, vorlage.nummer) == (None, None, None)
    assert places(vorlage.warnungen) == Counter(
        {
            (W.GELOESCHT, "deleted"): 1,
            (W.LEERER_WERT, "name"): 1,
            (W.LEERER_WERT, "paperType"): 1,
            (W.LEERER_WERT, "reference"): 1,
        }
    )


def test_deleted_false_is_no_quirk() -> None:
    vorlage = from_paper(paper(deleted=False, mainFile=datei(deleted=False)))
    assert vorlage.geloescht is False
    assert vorlage.warnungen == []


def test_a_deleted_file_inside() -> None:
    vorlage = from_paper(paper(auxiliaryFile=[datei(deleted=True)]))
    assert places(vorlage.warnungen) == Counter({(W.GELOESCHT, "auxiliaryFile.0.deleted"): 1})


# paperType


@pytest.mark.parametrize(
    ("paper_type", "vorlagentyp", "art"),
    [
        ("Beschlussvorlage", "Beschlussvorlage", Vorlagenart.BESCHLUSSVORLAGE),
        ("  beschlussvorlage ", "beschlussvorlage", Vorlagenart.BESCHLUSSVORLAGE),
        (
            "Beantwortung einer\nAnfrage",
            "Beantwortung einer Anfrage",
            Vorlagenart.BEANTWORTUNG_EINER_ANFRAGE,
        ),
        ("Tischvorlage", "Tischvorlage", Vorlagenart.TISCHVORLAGE),
        ("Antrag im Sinne von\n§ 33 GeschO", "Antrag im Sinne von § 33 GeschO", None),
        ("Haushalt  THH 4100", "Haushalt THH 4100", None),
    ],
)
def test_paper_types(paper_type: str, vorlagentyp: str, art: Vorlagenart | None) -> None:
    vorlage = from_paper(paper(paperType=paper_type))
    assert vorlage.vorlagentyp == vorlagentyp
    assert vorlage.art is art
    assert vorlage.warnungen == []  # paperType is free text


# location


@pytest.mark.parametrize(
    ("location", "ort"),
    [
        ({"description": "Kreishaus,\nGroßer Sitzungssaal"}, "Kreishaus, Großer Sitzungssaal"),
        (
            {"streetAddress": "Am Markt 1", "postalCode": "53879\u00a0", "locality": "Lindenau"},
            "Am Markt 1, 53879 Lindenau",
        ),
        (
            {"room": "Raum 112", "streetAddress": "Am Markt 1", "postalCode": "53879 "},
            "Raum 112, Am Markt 1, 53879",
        ),
        ({"locality": "Lindenau"}, "Lindenau"),
        ({}, None),
    ],
)
def test_location(location: dict[str, str], ort: str | None) -> None:
    sitzung = from_meeting(meeting(location={"type": T11 + "Location", **location}))
    assert sitzung.ort == ort
    assert sitzung.warnungen == []


def test_empty_location() -> None:
    location = {"type": T11 + "Location", "streetAddress": "", "locality": " "}
    sitzung = from_meeting(meeting(location=location))
    assert sitzung.ort is None
    assert places(sitzung.warnungen) == Counter(
        {(W.LEERER_WERT, "location.streetAddress"): 1, (W.LEERER_WERT, "location.locality"): 1}
    )


# fetched objects


def test_fetched_objects_give_names_and_the_meeting_date() -> None:
    objekte = {
        KREISTAG: {"id": KREISTAG, "type": T11 + "Organization", "name": "Kreistag"},
        KREISAUSSCHUSS: {
            "id": KREISAUSSCHUSS,
            "type": T11 + "Organization",
            "name": "Kreis-\nausschuss",
        },
        # just after midnight German time: still the 1st of June, although UTC says May 31
        SITZUNG_URL: {
            "id": SITZUNG_URL,
            "type": T11 + "Meeting",
            "start": "2026-06-01T00:30:00+02:00",
        },
    }
    vorlage = from_paper(paper(), objekte)
    assert [(b.gremium, b.sitzungsdatum) for b in vorlage.beratungsfolge] == [
        ("Kreis- ausschuss", date(2026, 6, 1)),
        ("Kreistag", date(2026, 6, 1)),
    ]
    assert vorlage.warnungen == []
    sitzung = from_meeting(meeting(organization=[KREISTAG, KREISAUSSCHUSS]), objekte)
    assert sitzung.gremium == "Kreistag, Kreis- ausschuss"


@pytest.mark.parametrize(
    "geholt",
    [
        {},
        {KREISTAG: {"name": 12}, SITZUNG_URL: {"start": "morgen"}},
        {KREISTAG: "Kreistag", SITZUNG_URL: None},
        {SITZUNG_URL: {"start": "2026-06-01"}},
        {KREISTAG: {"name": "N/A"}},
    ],
)
def test_fetched_objects_that_say_nothing(geholt: dict[str, Any]) -> None:
    vorlage = from_paper(paper(consultation=[beratung()]), geholt)
    assert vorlage.beratungsfolge[0].gremium is None
    expected = date(2026, 6, 1) if geholt.get(SITZUNG_URL) == {"start": "2026-06-01"} else None
    assert vorlage.beratungsfolge[0].sitzungsdatum == expected
    assert vorlage.warnungen == []


# many quirks in one object


def test_quirks_combined() -> None:
    obj = {
        "id": f"{BASIS}/paper/18",
        "type": T10 + "Paper",
        "name": "Radweg an der K 12;\nhier: Zuschuss des Landes",
        "reference": "N/A",
        "date": "29.07.2021",
        "paperType": " beschlussvorlage ",
        "auxiliaryFile": datei(type=T10 + "File", mimeType="pdf", size="12kB"),
        "consultation": [
            None,
            f"{BASIS}/consultation/90",
            beratung(type=T10 + "Consultation", role="Beschlussfassung"),
            beratung(type=T10 + "Consultation", role="unbekannt", organization=[KREISAUSSCHUSS]),
        ],
        "originatorPerson": [None],
        "LINDENAU:intern": True,
        "bemerkung": "bitte prüfen",
        "deleted": True,
    }
    vorlage = from_paper(obj)
    assert vorlage.betreff == "Radweg an der K 12; hier: Zuschuss des Landes"
    assert (vorlage.nummer, vorlage.datum) == (None, None)
    assert (vorlage.vorlagentyp, vorlage.art) == ("beschlussvorlage", Vorlagenart.BESCHLUSSVORLAGE)
    assert len(vorlage.anlagen) == 1
    assert (vorlage.anlagen[0].mime_typ, vorlage.anlagen[0].groesse) == ("application/pdf", None)
    assert [(b.id, b.zustaendigkeit) for b in vorlage.beratungsfolge] == [
        (f"{BASIS}/consultation/90", None),
        (f"{BASIS}/consultation/88", Zustaendigkeit.ENTSCHEIDUNG),
        (f"{BASIS}/consultation/88", None),
    ]
    assert vorlage.geloescht is True
    assert places(vorlage.warnungen) == Counter(
        {
            (W.VERSION_1_0, "type"): 1,
            (W.LEERRAUM, "name"): 1,
            (W.PLATZHALTER, "reference"): 1,
            (W.FORMAT, "date"): 1,
            (W.OBJEKT_STATT_LISTE, "auxiliaryFile"): 1,
            (W.FORMAT, "auxiliaryFile.mimeType"): 1,
            (W.FORMAT, "auxiliaryFile.size"): 1,
            (W.NULL, "consultation.0"): 1,
            (W.VERWEIS, "consultation.1"): 1,
            (W.ROLLE_GEDEUTET, "consultation.2.role"): 1,
            (W.ROLLE_UNBEKANNT, "consultation.3.role"): 1,
            (W.NULL, "originatorPerson.0"): 1,
            (W.HERSTELLERFELD, "LINDENAU:intern"): 1,
            (W.UNBEKANNTES_FELD, "bemerkung"): 1,
            (W.GELOESCHT, "deleted"): 1,
        }
    )
    # each nested result holds what was met in it, with the same paths
    assert places(vorlage.anlagen[0].warnungen) == Counter(
        {(W.FORMAT, "auxiliaryFile.mimeType"): 1, (W.FORMAT, "auxiliaryFile.size"): 1}
    )
    assert places(vorlage.beratungsfolge[0].warnungen) == Counter(
        {(W.VERWEIS, "consultation.1"): 1}
    )


# what is no OParl


@pytest.mark.parametrize(
    ("obj", "teil"),
    [
        ([paper()], "eine Liste"),
        ("https://schema.oparl.org/1.1/Paper", "ein Text"),
        (None, "null"),
        ({}, "kein Feld „type“"),
        ({"data": [paper()], "pagination": {}}, "Listenseite"),
        ({"type": "https://example.org/Paper"}, "Typ-URL"),
        ({"type": "https://schema.oparl.org/2.0/Paper"}, "Typ-URL"),
        ({"type": 11}, "Typ-URL"),
        ({"type": T11 + "Person", "name": "Kreis Lindenau"}, "Person wird nicht gelesen"),
    ],
)
def test_what_is_no_oparl_raises(obj: object, teil: str) -> None:
    with pytest.raises(OParlError, match=teil):
        lesen(obj)
    with pytest.raises(OParlError, match="OParl"):
        from_paper(obj)


def test_a_meeting_is_no_paper() -> None:
    with pytest.raises(OParlError, match="Erwartet ein OParl-Objekt vom Typ Paper, gefunden"):
        from_paper(meeting())
    with pytest.raises(OParlError, match="vom Typ Meeting, gefunden eines vom Typ Paper"):
        from_meeting(paper())


def test_objekte_must_be_a_mapping() -> None:
    with pytest.raises(TypeError, match="objekte"):
        from_paper(paper(), [paper()])  # type: ignore[arg-type]


def test_oparl_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Kein OParl-Objekt"):
        from_meeting([])


@pytest.mark.parametrize(
    ("obj", "typ"),
    [
        (paper(), OParlVorlage),
        (meeting(), OParlSitzung),
        (beratung(), OParlBeratung),
        (punkt("1", 0), OParlPunkt),
        (datei(), OParlDatei),
        ({"id": KREISTAG, "type": T11 + "Organization", "name": "Kreistag"}, OParlGremium),
        ({"id": BASIS, "type": T11 + "Body", "name": "Kreis Lindenau"}, OParlKoerperschaft),
        (
            {"id": "https://ris.kreis-lindenau.example/oparl/v1.1/system", "type": T11 + "System"},
            OParlSystem,
        ),
    ],
)
def test_lesen_reads_each_type(obj: dict[str, Any], typ: type) -> None:
    gelesen = lesen(obj)
    assert type(gelesen) is typ
    assert gelesen.id == obj["id"]
    assert gelesen.warnungen == []


# never anything but a model


def _pfade(wert: Any, basis: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in ``wert`` a value can be put at."""
    if isinstance(wert, dict):
        return [p for k, v in wert.items() for p in [(*basis, k), *_pfade(v, (*basis, k))]]
    if isinstance(wert, list):
        return [p for i, v in enumerate(wert) for p in [(*basis, i), *_pfade(v, (*basis, i))]]
    return []


def _setze(obj: Any, pfad: tuple[str | int, ...], wert: Any) -> None:
    """Put ``wert`` at ``pfad``, where an earlier change left that place."""
    for schritt in pfad[:-1]:
        if not _hat(obj, schritt):
            return
        obj = obj[schritt]
    if _hat(obj, pfad[-1]):
        obj[pfad[-1]] = wert


def _hat(obj: Any, schritt: str | int) -> bool:
    if isinstance(obj, dict):
        return isinstance(schritt, str) and schritt in obj
    return isinstance(obj, list) and isinstance(schritt, int) and schritt < len(obj)


ODD_TEXT = st.sampled_from(
    ["", " ", "\n", "N/A", "-", "unbekannt", "pdf", "29.07.2021", "2026-13-45", "12kB", "ja"]
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | ODD_TEXT,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "type", "name", "X:y", "order"]), inner, max_size=3
        )
    ),
    max_leaves=6,
)
PAPER = paper(
    type=T10 + "Paper",
    auxiliaryFile=[datei()],
    consultation=[beratung(), f"{BASIS}/consultation/1"],
    keyword=["Straße"],
)
MEETING = meeting(
    agendaItem=[punkt("1", None, resolutionFile=datei(), auxiliaryFile=[datei()]), punkt("2", 1)],
    resultsProtocol=datei(),
    auxiliaryFile=[datei()],
)


def _aendern(vorlage: dict[str, Any], aenderungen: list[tuple[tuple[str | int, ...], Any]]) -> Any:
    obj = copy.deepcopy(vorlage)
    for pfad, wert in aenderungen:
        if pfad != ("type",):
            _setze(obj, pfad, wert)
    return obj


@given(st.lists(st.tuples(st.sampled_from(_pfade(PAPER)), JSON), max_size=4))
def test_a_paper_with_any_values_is_read(
    aenderungen: list[tuple[tuple[str | int, ...], Any]],
) -> None:
    vorlage = from_paper(_aendern(PAPER, aenderungen))
    assert isinstance(vorlage, OParlVorlage)
    assert all(w.pfad and w.meldung for w in vorlage.warnungen)


@given(st.lists(st.tuples(st.sampled_from(_pfade(MEETING)), JSON), max_size=4))
def test_a_meeting_with_any_values_is_read(
    aenderungen: list[tuple[tuple[str | int, ...], Any]],
) -> None:
    sitzung = from_meeting(_aendern(MEETING, aenderungen))
    assert isinstance(sitzung, OParlSitzung)
    assert all(w.pfad and w.meldung for w in sitzung.warnungen)


@given(st.dictionaries(st.text(min_size=1, max_size=12), JSON, max_size=6))
def test_any_fields_beside_the_type_are_read(felder: dict[str, Any]) -> None:
    for typ in ("Paper", "Meeting", "AgendaItem", "File", "Body", "System"):
        gelesen = lesen({**felder, "type": T11 + typ})
        assert all(w.pfad and w.meldung for w in gelesen.warnungen)
