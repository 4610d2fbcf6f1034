"""The exported JSON Schemas in German, for the people who fill in the forms built from them.

Form generators show a field's ``title`` as its label and its ``description`` as help. The
models' field names are identifiers ("oeffentlich") and their docstrings are written for
programmers; :func:`deutsch` gives every property a German title ("Öffentlich") and every
model a German description, and keeps the descriptions the fields already give in German.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["BESCHREIBUNG", "HILFE", "JE_MODELL", "TITEL", "deutsch"]

#: Each field's label, by its name (the same name means the same thing in every model).
TITEL: Final = {
    "absatz": "Absatz",
    "abstimmung": "Abstimmung",
    "aktenzeichen": "Aktenzeichen",
    "alt": "Alternativtext",
    "anlagen": "Anlagen",
    "anwesend": "Anwesend",
    "art": "Vorlagenart",
    "ausrichtung": "Ausrichtung",
    "befangen": "Befangen",
    "befangenheit_paragraph": "Stelle zur Befangenheit",
    "beginn": "Beginn",
    "beratungsfolge": "Beratungsfolge",
    "beschluss": "Beschluss",
    "beschlussvorschlag": "Beschlussvorschlag",
    "beschriftung": "Bildunterschrift",
    "betrag": "Betrag",
    "betreff": "Betreff",
    "bewertung": "Bewertung",
    "bezeichnung": "Bezeichnung",
    "beziffert": "Beziffert",
    "buchstabe": "Buchstabe",
    "daten": "Bilddaten",
    "datum": "Datum",
    "deckung_paragraph": "Stelle zur Deckung",
    "dringlich": "Dringlich",
    "dringlichkeit_paragraph": "Stelle zu Dringlichkeitsentscheidungen",
    "ebene": "Ebene",
    "einladungsdatum": "Einladungsdatum",
    "eintraege": "Einträge",
    "email": "E-Mail",
    "ende": "Ende",
    "enthaltung": "Enthaltungen",
    "entscheidung": "Entscheidendes Gremium",
    "entschuldigt": "Entschuldigt",
    "ergebnisse": "Ergebnisse",
    "erklaerungen": "Protokollerklärungen",
    "erlaeuterung": "Erläuterung",
    "fassung": "Fassung",
    "federfuehrung": "Federführung",
    "finanzielle_auswirkungen": "Finanzielle Auswirkungen",
    "fraktion": "Fraktion",
    "fraktionen": "Fraktionen",
    "funktion": "Funktion",
    "gaeste": "Gäste",
    "geaendert": "Geändert",
    "gesetz": "Gesetz",
    "gremium": "Gremium",
    "gremium_genitiv": "Gremium im Genitiv",
    "haushaltsjahr": "Haushaltsjahr",
    "ja": "Ja-Stimmen",
    "klimarelevanz": "Klimarelevanz",
    "koerperschaft": "Körperschaft",
    "kopf": "Kopfzeile",
    "ladungsfrist": "Ladungsfrist",
    "ladungsfrist_dringlich": "Ladungsfrist in dringenden Fällen",
    "land": "Bundesland",
    "liste": "Liste",
    "nachtrag": "Nachtrag",
    "nachtragsfrist": "Nachtragsfrist",
    "name": "Name",
    "nein": "Nein-Stimmen",
    "nichtoeffentlich_gruende": "Gründe für nichtöffentliche Punkte",
    "nichtoeffentlich_grund": "Grund der Nichtöffentlichkeit",
    "nichtoeffentlich_paragraph": "Stelle zur Öffentlichkeit",
    "nichtoeffentlicher_teil_folgt": "Nichtöffentlicher Teil folgt",
    "niederschrift_paragraph": "Stelle zur Niederschrift",
    "nummer": "Nummer",
    "nummeriert": "Nummeriert",
    "nummernmuster": "Muster der Vorlagen-Nr.",
    "nummernmuster_paragraph": "Stelle zur Vorlagen-Nr.",
    "oeffentlich": "Öffentlich",
    "ort": "Ort",
    "paragraf": "Paragraf",
    "paragraph": "Stelle der Geschäftsordnung",
    "pfad": "Bilddatei",
    "positionen": "Positionen",
    "produkt": "Produkt",
    "raum": "Raum",
    "rechtsgrundlage": "Rechtsgrundlage",
    "rolle": "Rolle",
    "sachbearbeitung": "Sachbearbeitung",
    "sachdarstellung": "Sachdarstellung",
    "samstag_werktag": "Samstag als Werktag",
    "satz": "Satz",
    "schriftfuehrung": "Schriftführung",
    "sitzung": "Sitzung",
    "sitzungsdatum": "Sitzungsdatum",
    "status": "Status",
    "stellen": "Nachkommastellen",
    "stichworte": "Stichworte",
    "stil": "Stil",
    "tage": "Tage",
    "tagesordnung": "Tagesordnung",
    "teil": "Teil",
    "telefon": "Telefon",
    "text": "Text",
    "titel": "Titel",
    "top": "Tagesordnungspunkt",
    "typ": "Typ",
    "unterpunkt": "Unterpunkt",
    "unterpunkte": "Unterpunkte",
    "unterzeichnung": "Unterzeichnung",
    "veranschlagung": "Veranschlagung",
    "verlauf": "Verlauf",
    "vertretung": "Vertretung",
    "verwaltung": "Verwaltung",
    "vorberatung": "Vorberatung",
    "vorlage": "Vorlage",
    "vorsitz": "Vorsitz",
    "wert": "Wert",
    "zaehlung": "Zählung",
    "zeilen": "Zeilen",
    "ziel": "Linkziel",
    "zustaendigkeit": "Zuständigkeit",
}

#: A sentence of help for each field that does not bring its own, by its name.
HILFE: Final = {
    "absatz": "Der Absatz des Paragraphen, z. B. 1.",
    "abstimmung": "Die Stimmen: Ja, Nein, Enthaltungen, auf Wunsch je Fraktion.",
    "aktenzeichen": "Das Aktenzeichen der Verwaltung, z. B. „40.2-12/2026“.",
    "anlagen": "Die Anlagen der Vorlage, in ihrer Reihenfolge; der Text nennt sie "
    "„Anlage 1“, „Anlage 2“ …",
    "anwesend": "Die anwesenden Mitglieder des Gremiums.",
    "art": "Die Art der Vorlage, z. B. „Beschlussvorlage“.",
    "ausrichtung": "Ausrichtung der Spalte: links, zentriert oder rechts.",
    "beratungsfolge": "Die Gremien, die die Vorlage beraten, nach Sitzungsdatum geordnet; eine "
    "Entscheidung steht zuletzt.",
    "beschlussvorschlag": "Der Text, über den abgestimmt wird; Pflicht außer bei Mitteilungs- "
    "und Berichtsvorlagen, Anfragen und ihren Beantwortungen.",
    "betreff": "Der Betreff in einer Zeile, höchstens 300 Zeichen.",
    "bewertung": "Die Einschätzung: „ja, positiv“, „ja, negativ“, „nein“ oder „nicht "
    "einschätzbar“.",
    "buchstabe": "Der Buchstabe einer Nummer, z. B. „a“.",
    "daten": "Das Bild als Base64 (PNG oder JPEG).",
    "datum": "Ein Datum im Format JJJJ-MM-TT, z. B. „2026-05-04“.",
    "ebene": "Die Ebene der Überschrift, 1 bis 3.",
    "einladungsdatum": "Das Datum der Einladung, JJJJ-MM-TT; für die Ladungsfrist.",
    "eintraege": "Die Einträge der Liste.",
    "email": "Die E-Mail-Adresse.",
    "ende": "Ende der Sitzung, Datum und Uhrzeit.",
    "enthaltung": "Die Zahl der Enthaltungen.",
    "entschuldigt": "Die entschuldigt fehlenden Mitglieder.",
    "ergebnisse": "Das Ergebnis je behandeltem Punkt, nach seiner Stelle in der Tagesordnung.",
    "erlaeuterung": "Erläuternder Text.",
    "finanzielle_auswirkungen": "Was die Vorlage kostet oder einbringt, je Haushaltsjahr; ohne "
    "Angabe hat sie keine finanziellen Auswirkungen.",
    "fraktion": "Die Fraktion.",
    "fraktionen": "Die Stimmen je Fraktion; zusammen ergeben sie die Summen.",
    "funktion": "Die Funktion, z. B. „Landrat“ oder „Fachbereichsleiter“.",
    "gaeste": "Gäste der Sitzung.",
    "haushaltsjahr": "Das Haushaltsjahr, z. B. 2027.",
    "ja": "Die Zahl der Ja-Stimmen.",
    "klimarelevanz": "Die Auswirkungen auf das Klima.",
    "kopf": "Die Überschriften der Spalten.",
    "ladungsfrist": "Die Ladungsfrist zwischen Einladung und Sitzung.",
    "liste": "Eine Liste unter dem Eintrag.",
    "name": "Der Name, z. B. „Dr. Marion Albers“.",
    "nein": "Die Zahl der Nein-Stimmen.",
    "nichtoeffentlich_gruende": "Der Katalog der Gründe, aus denen ein Punkt nichtöffentlich "
    "beraten wird.",
    "nichtoeffentlich_grund": "Warum nichtöffentlich beraten wird, z. B. "
    "„Personalangelegenheit“; Pflicht, wenn „Öffentlich“ false ist.",
    "nichtoeffentlich_paragraph": "Die Stelle der Geschäftsordnung zum Ausschluss der "
    "Öffentlichkeit, z. B. „§ 6 Abs. 2“.",
    "nichtoeffentlicher_teil_folgt": "In der Bekanntmachung ohne Titel: es folgt ein "
    "nichtöffentlicher Teil.",
    "nummer": "Die Nummer.",
    "nummeriert": "true: eine nummerierte Liste; false: eine Aufzählung.",
    "nummernmuster_paragraph": "Die Stelle der Geschäftsordnung zur Vorlagen-Nr.",
    "oeffentlich": "false: nichtöffentlich beraten (dann mit Grund).",
    "paragraph": "Die Stelle der Geschäftsordnung, z. B. „§ 1 Abs. 1“.",
    "positionen": "Die Beträge je Haushaltsjahr.",
    "raum": "Der Sitzungsraum.",
    "rechtsgrundlage": "Die Rechtsgrundlagen: Paragraphen, Erlasse oder Text.",
    "sachbearbeitung": "Wer die Vorlage bearbeitet; nur in der internen Fassung.",
    "sachdarstellung": "Die Begründung der Vorlage: Text, Markdown oder Blöcke.",
    "satz": "Der Satz eines Absatzes.",
    "schriftfuehrung": "Wer die Niederschrift führt und unterzeichnet.",
    "sitzungsdatum": "Der Tag der Sitzung, JJJJ-MM-TT.",
    "status": "Was aus dem Punkt wurde, z. B. „beschlossen“.",
    "stil": "Wie das Datum gesetzt wird: „numerisch“ (01.05.2016) oder „lang“ (1. Mai 2016).",
    "telefon": "Die Telefonnummer.",
    "text": "Der Text.",
    "titel": "Der Titel.",
    "typ": "Die Art, ein fester Wert, z. B. „absatz“, „betrag“ oder „norm“.",
    "unterpunkte": "Unterpunkte des Punktes („Ö 3.1“).",
    "unterzeichnung": "Wer die Vorlage unterzeichnet.",
    "veranschlagung": "planmäßig, überplanmäßig oder außerplanmäßig.",
    "verlauf": "Der Verlauf der Beratung.",
    "vertretung": "Die Vertretung, die Dringlichkeitsentscheidungen genehmigt, z. B. „Kreistag“.",
    "verwaltung": "Teilnehmende der Verwaltung.",
    "vorlage": "Die Vorlage des Punktes.",
    "vorsitz": "Wer die Sitzung leitet.",
    "wert": "Der Wert.",
    "zeilen": "Die Zeilen der Tabelle.",
    "ziel": "Das Ziel des Links, z. B. „https://www.kreis-lindenau.de“.",
    "zustaendigkeit": "Die Rolle des Gremiums: Vorberatung, Entscheidung, Kenntnisnahme, "
    "Anhörung oder Genehmigung.",
}

#: Where a field means something else in one model: its label and help there.
JE_MODELL: Final = {
    ("Erlass", "art"): ("Art des Erlasses", None),
    ("Erlass", "stellen"): ("Erlassende Stellen", None),
    ("Unterzeichnung", "vertretung"): (
        "Vertretung",
        "„In Vertretung“ oder „Im Auftrag“, wenn nicht selbst unterzeichnet wird.",
    ),
    ("Geschaeftsordnung", "vertretung"): ("Vertretung (Kreistag, Rat)", None),
    ("Norm", "nummer"): ("Nummer", "Die Nummer im Absatz, z. B. 3."),
    ("Norm", "satz"): ("Satz", "Der Satz des Absatzes, z. B. 2."),
}

#: Each model's description, by its name.
BESCHREIBUNG: Final = {
    "Absatz": "Ein Absatz Fließtext.",
    "Abstimmung": "Die Stimmen zu einem Punkt, auf Wunsch je Fraktion (die zusammen die "
    "Summen ergeben).",
    "Anlage": "Eine Anlage; die Dokumentvorlage nummeriert sie („Anlage 1“, „Anlage 2“ …).",
    "Beratung": "Die Beratung in einem Gremium an einem Sitzungstag; ohne Angabe so "
    "öffentlich wie die Vorlage.",
    "BetragWert": "Ein Betrag im Fließtext, als Geld gesetzt.",
    "Bild": "Ein Bild mit Alternativtext (für Vorleseprogramme) und Bildunterschrift.",
    "Code": "Text, der genau so bleibt, wie er geschrieben ist (ohne typografische "
    "Anführungszeichen oder Striche).",
    "DatumWert": "Ein Datum im Fließtext, kurz oder lang gesetzt.",
    "Ergebnis": "Das Ergebnis eines Punktes: Status, Beschluss, Abstimmung, Befangene.",
    "Ergebnisstatus": "Was aus einem Punkt wurde.",
    "Erlass": "Ein Erlass, z. B. „RdErl. d. MSW v. 25.06.2012“.",
    "Fett": "Fett gesetzter Text.",
    "FinanzielleAuswirkungen": "Die finanziellen Auswirkungen: Positionen und eine "
    "Erläuterung (etwa zur Deckung).",
    "Finanzposition": "Ein Betrag in einem Haushaltsjahr.",
    "Fraktionsstimmen": "Wie eine Fraktion abgestimmt hat.",
    "Freitext": "Eine Rechtsgrundlage als Text, etwa ein Ratsbeschluss.",
    "Frist": "Eine Frist in Tagen, in Kalendertagen oder Werktagen gezählt (die Tage "
    "zwischen den beiden Daten, beide nicht mitgezählt).",
    "Geschaeftsordnung": "Die Geschäftsordnung einer Körperschaft, soweit die Prüfung sie "
    "braucht; jeder Wert mit seiner Stelle.",
    "Grund": "Ein Grund, aus dem ein Punkt nach der Geschäftsordnung nichtöffentlich beraten "
    "werden darf, und woran er zu erkennen ist.",
    "Inhalt": "Text mit Gliederung: als Text (Leerzeilen trennen Absätze), als Markdown oder "
    "als Liste von Blöcken.",
    "Klimarelevanz": "Die Einschätzung der Auswirkungen auf das Klima; „ja, …“ braucht eine "
    "Erläuterung.",
    "Kursiv": "Kursiv gesetzter Text.",
    "Link": "Ein Link mit Text und Ziel.",
    "Liste": "Eine Aufzählung oder nummerierte Liste, bis zu drei Ebenen tief.",
    "Listeneintrag": "Ein Listeneintrag mit einer Liste darunter.",
    "Mitglied": "Ein anwesendes (oder entschuldigtes) Mitglied des Gremiums, mit Fraktion "
    "und Rolle.",
    "Niederschrift": "Die Niederschrift einer Sitzung: wer da war, und das Ergebnis jedes Punktes.",
    "Norm": "Ein Paragraph eines Gesetzes, z. B. „§ 26 Abs. 1 Satz 2 KrO NRW“.",
    "Sachbearbeitung": "Wer die Vorlage bearbeitet hat (erscheint nur in der internen Fassung).",
    "Sitzung": "Eine Sitzung eines Gremiums mit ihrer Tagesordnung: erst die öffentlichen "
    "Punkte, dann die nichtöffentlichen.",
    "Sitzungsvorlage": "Eine Sitzungsvorlage (Beschlussvorlage, Mitteilungsvorlage, Antrag "
    "…) als Ganzes.",
    "Tabelle": "Eine Tabelle mit Kopfzeile; jede Zeile hat so viele Zellen wie die Kopfzeile.",
    "Tagesordnungspunkt": "Ein Punkt der Tagesordnung, mit seiner Vorlage, wenn er eine hat.",
    "Teilnehmer": "Eine Person der Verwaltung oder ein Gast, mit der Funktion, in der sie "
    "teilnimmt.",
    "Ueberschrift": "Eine Zwischenüberschrift; Ebene 1 steht direkt unter den Überschriften "
    "der Dokumentvorlage.",
    "Unterpunkt": "Ein Unterpunkt eines Tagesordnungspunktes („Ö 3.1“), so öffentlich wie "
    "sein Punkt.",
    "Unterzeichnung": "Wer unterzeichnet: Funktion, Name, ggf. in Vertretung oder im Auftrag.",
    "Vorberatung": "Welches Gremium vorberät, was ein anderes entscheidet (etwa der "
    "Kreisausschuss vor dem Kreistag).",
    "Vorlagenart": "Die Art der Vorlage.",
    "Vorsitz": "Wer die Sitzung leitet und die Einladung unterschreibt.",
    "ZahlWert": "Eine Zahl im Fließtext, deutsch gesetzt.",
    "Zitat": "Ein Zitat, in der Zitat-Formatvorlage gesetzt.",
    "Zustaendigkeit": "Die Rolle eines Gremiums in der Beratungsfolge.",
}


def deutsch(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with German titles and descriptions (changed in place, and returned).

    Rules added as descriptions in German (``allOf``) stay; a model's own description
    replaces its docstring, and what follows it (the rules only the library checks) stays.
    """
    models = [(str(schema.get("title", "")), schema), *schema.get("$defs", {}).items()]
    for name, model in models:
        _modell(name, model)
    return schema


def _modell(name: str, model: dict[str, Any]) -> None:
    if name in BESCHREIBUNG:
        alt = str(model.get("description", ""))
        zusatz = "".join(f"\n\n{teil}" for teil in alt.split("\n\n") if "Bibliothek" in teil)
        model["description"] = BESCHREIBUNG[name] + zusatz
    for feld, eigenschaft in model.get("properties", {}).items():
        titel, hilfe = JE_MODELL.get((name, feld), (TITEL.get(feld), None))
        if titel:
            eigenschaft["title"] = titel
        if hilfe:
            eigenschaft["description"] = hilfe
        elif feld in HILFE and not eigenschaft.get("description"):
            eigenschaft["description"] = HILFE[feld]
