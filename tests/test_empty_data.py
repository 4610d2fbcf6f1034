"""Empty and optional data: an absent value prints as nothing, and so does all reached through it.

A template that passes the checker renders every valid paper, with its optional data absent
or set, in the internal and the public version; a name no model has stays an error at load,
a computed unknown name and what the sandbox refuses stay errors at render.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from lxml import etree

import vorlagen
from tests import templates
from tests.conftest import minimal_data, open_docx
from tests.strategies import papers
from vorlagen import Hausstil, RenderError, Sitzungsvorlage, Template, TemplateError
from vorlagen.docx.build import document, para, zip_parts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# the signer's name is left out of the public version too
PUBLIC = Hausstil(unterzeichner_oeffentlich=False)


def template(*paragraphs: str) -> Template:
    """The shipped template's package with a body of ``paragraphs`` (each a tag or text)."""
    parts = templates.shipped_parts()
    parts["word/document.xml"] = document([para(text) for text in paragraphs])
    return Template.from_bytes(zip_parts(parts))


def paper(**changes: Any) -> Sitzungsvorlage:
    return Sitzungsvorlage.model_validate(minimal_data(**changes))


def texts(data: bytes) -> list[str]:
    return [p.text for p in open_docx(data).paragraphs]


ANFRAGE = {
    "art": "Anfrage",
    "beschlussvorschlag": None,
    "beratungsfolge": [
        {"gremium": "Kreistag", "sitzungsdatum": "2026-06-01", "zustaendigkeit": "Kenntnisnahme"}
    ],
}
RECHTSGRUNDLAGE = {
    "rechtsgrundlage": [
        {"typ": "freitext", "text": "Ratsbeschluss"},
        {"typ": "norm", "gesetz": "KrO NRW", "paragraf": 26},
    ]
}
SACHBEARBEITUNG = {"sachbearbeitung": {"name": "Johanna Brückner"}}
FINANZEN: dict[str, Any] = {"finanzielle_auswirkungen": {"positionen": []}}


@pytest.mark.parametrize(
    ("tag", "changes", "printed"),
    [
        # an attribute of an absent value, at any depth
        ("{{ vorlage.sachbearbeitung.name }}", {}, ""),
        ("{{ vorlage.sachbearbeitung.telefon }}", SACHBEARBEITUNG, ""),
        ("{{ vorlage.sachbearbeitung['name'] }}", {}, ""),
        ("{{ vorlage.sachbearbeitung|attr('name') }}", {}, ""),
        ("{{ vorlage.unterzeichnung.name }}", {}, ""),
        ("{{ vorlage.klimarelevanz.bewertung }}", {}, ""),
        # a field another member of the union has
        (
            "{% for r in vorlage.rechtsgrundlage %}{{ r.gesetz }};{% endfor %}",
            RECHTSGRUNDLAGE,
            ";KrO NRW;",
        ),
        (
            "{% for r in vorlage.rechtsgrundlage %}{{ r.text }};{% endfor %}",
            RECHTSGRUNDLAGE,
            "Ratsbeschluss;;",
        ),
        (
            "{% for r in vorlage.rechtsgrundlage %}{{ r|attr('ge' ~ 'setz') }};{% endfor %}",
            RECHTSGRUNDLAGE,
            ";KrO NRW;",
        ),
        # filters, the house style's and Jinja's
        ("{{ vorlage.aktenzeichen|datum }}", {}, ""),
        ("{{ vorlage.finanzielle_auswirkungen.summe|betrag }}", {}, ""),
        ("{{ vorlage.finanzielle_auswirkungen.summe|zahl }}", {}, ""),
        ("{{ vorlage.klimarelevanz.erlaeuterung|datum_lang }}", {}, ""),
        ("{{ vorlage.sachbearbeitung.email|kopfdatum }}", {}, ""),
        ("{{ vorlage.sachbearbeitung.name|upper }}", {}, ""),
        ("{{ vorlage.aktenzeichen|string }}", {}, ""),
        ("{{ vorlage.aktenzeichen|default('ohne') }}", {}, "ohne"),
        ("{{ vorlage.aktenzeichen|default('ohne') }}", {"aktenzeichen": "40.2"}, "40.2"),
        # methods, arithmetic, items, joins and comparisons
        ("{{ vorlage.aktenzeichen.upper() }}", {}, ""),
        ("{{ vorlage.finanzielle_auswirkungen.summe * 2 }}", {}, ""),
        ("{{ -vorlage.finanzielle_auswirkungen.summe }}", {}, ""),
        ("{{ vorlage.anlagen[0].titel }}", {}, ""),
        ("{{ 'Tel. ' ~ vorlage.sachbearbeitung.telefon }}", {}, "Tel. "),
        (
            "{% if vorlage.finanzielle_auswirkungen.summe > 0 %}mehr{% else %}nicht{% endif %}",
            {},
            "nicht",
        ),
        ("{% if '40' in vorlage.aktenzeichen %}ja{% else %}nein{% endif %}", {}, "nein"),
        ("{% if vorlage.aktenzeichen == none %}leer{% endif %}", {}, "leer"),
        # a loop over an absent list
        (
            "{% for p in vorlage.finanzielle_auswirkungen.positionen %}{{ p.betrag }}"
            "{% else %}keine{% endfor %}",
            {},
            "keine",
        ),
    ],
)
def test_absent_value_prints_nothing(tag: str, changes: dict[str, Any], printed: str) -> None:
    rendered = template(f"[{tag}]").render(paper(**changes))
    assert texts(rendered) == [f"[{printed}]"]


@pytest.mark.parametrize(
    ("tag", "changes"),
    [
        ("{{p vorlage.finanzielle_auswirkungen.erlaeuterung }}", {}),
        ("{{p vorlage.finanzielle_auswirkungen.erlaeuterung }}", FINANZEN),
        ("{{p vorlage.beschlussvorschlag }}", ANFRAGE),
        ("{{p vorlage.klimarelevanz.erlaeuterung }}", {}),
    ],
)
def test_absent_content_places_no_paragraph(tag: str, changes: dict[str, Any]) -> None:
    rendered = template("vor", tag, "nach").render(paper(**changes))
    assert texts(rendered) == ["vor", "nach"]


def test_loop_over_absent_list_runs_zero_times() -> None:
    body = (
        "{%p for p in vorlage.finanzielle_auswirkungen.positionen %}",
        "{{ p.bezeichnung }}: {{ p.betrag }}",
        "{%p endfor %}",
        "Ende",
    )
    rendered = template(*body).render(paper())
    assert texts(rendered) == ["Ende"]
    positions = [{"haushaltsjahr": 2027, "bezeichnung": "Bau", "betrag": "1500.00"}]
    rendered = template(*body).render(paper(finanzielle_auswirkungen={"positionen": positions}))
    assert texts(rendered) == ["Bau: 1.500,00\xa0€", "Ende"]


def test_public_version_leaves_out_what_it_removes() -> None:
    body = (
        "Bearbeitet von {{ vorlage.sachbearbeitung.name }} ({{ vorlage.sachbearbeitung.email }})",
        "{{ vorlage.unterzeichnung.funktion }} {{ vorlage.unterzeichnung.name|upper }}",
    )
    v = paper(
        sachbearbeitung={"name": "Johanna Brückner", "email": "j.brueckner@kreis.de"},
        unterzeichnung={"funktion": "Landrat", "name": "Dr. Albers"},
    )
    tpl = template(*body).with_hausstil(PUBLIC)
    assert texts(tpl.render(v)) == [
        "Bearbeitet von Johanna Brückner (j.brueckner@kreis.de)",
        "Landrat DR. ALBERS",
    ]
    assert texts(tpl.render(v, "oeffentlich")) == ["Bearbeitet von  ()", "Landrat "]


@pytest.mark.parametrize(
    "tag",
    [
        "{{ vorlage.sachbearbeitung.nmae }}",
        "{{ vorlage.finanzielle_auswirkungen.erlaeuterng }}",
        "{% for r in vorlage.rechtsgrundlage %}{{ r.gesetzz }}{% endfor %}",
    ],
)
def test_typo_is_an_error_at_load(tag: str) -> None:
    with pytest.raises(TemplateError) as info:
        template(tag)
    assert [p.kind for p in info.value.problems] == ["name_unbekannt"]


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("{{ vorlage|attr('bet' ~ 'ref') }}", "unbekannten Namen"),
        (
            "{% for r in vorlage.rechtsgrundlage %}{{ r|attr('ge' ~ 'setzz') }}{% endfor %}",
            "unbekannten Namen",
        ),
        ("{{ vorlage.sachbearbeitung|attr('model_' ~ 'dump') }}", "unbekannten Namen"),
        ("{{ vorlage.sachbearbeitung|attr('__cla' ~ 'ss__') }}", "unzulässigen Zugriff"),
        ("{{ vorlage.aktenzeichen|attr('__cla' ~ 'ss__') }}", "unzulässigen Zugriff"),
        ("{{ vorlage|attr('model_' ~ 'dump') }}", "unzulässigen Zugriff"),
        ("{{ vorlage.sachbearbeitung[('__cla' ~ 'ss__')] }}", "unzulässigen Zugriff"),
    ],
)
def test_computed_and_unsafe_names_stay_errors(tag: str, message: str) -> None:
    with pytest.raises(RenderError, match=re.escape(message)):
        template(tag).render(paper(**RECHTSGRUNDLAGE))


# -- every valid paper ---------------------------------------------------------------------

# every name of the authoring guide, none guarded by an if
UNGUARDED = (
    "{{ vorlage.art }} {{ vorlage.nummer }} {{ vorlage.datum|datum_lang }} {{ vorlage.betreff }}",
    "{{ vorlage.koerperschaft }} {{ vorlage.federfuehrung }} {{ vorlage.aktenzeichen|upper }}",
    "{{ vorlage.sachbearbeitung.name }} {{ vorlage.sachbearbeitung.telefon }} "
    "{{ 'E-Mail: ' ~ vorlage.sachbearbeitung.email }}",
    "{{ vorlage.oeffentlich }} {{ vorlage.nichtoeffentlich_grund }}",
    "{%p for b in vorlage.beratungsfolge %}",
    "{{ b.gremium }} {{ b.sitzungsdatum|datum }} {{ b.zustaendigkeit }} {{ b.oeffentlich }}",
    "{%p endfor %}",
    "{{p vorlage.beschlussvorschlag }}",
    "{%p for r in vorlage.rechtsgrundlage %}",
    "{{ r }}: {{ r.typ }} {{ r.gesetz }} {{ r.paragraf|string }} {{ r.absatz }} {{ r.satz }} "
    "{{ r.nummer }} {{ r.buchstabe }} {{ r.art }} {{ r.stellen|join(', ') }} "
    "{{ r.datum|datum }} {{ r.geaendert|length }} {{ r.aktenzeichen }} {{ r.text }}",
    "{%p endfor %}",
    "{{p vorlage.sachdarstellung }}",
    "{%p for p in vorlage.finanzielle_auswirkungen.positionen %}",
    "{{ p.haushaltsjahr }} {{ p.produkt }} {{ p.bezeichnung }} {{ p.betrag }} "
    "{{ p.veranschlagung }}",
    "{%p endfor %}",
    "Summe: {{ vorlage.finanzielle_auswirkungen.summe|betrag }}",
    "{{p vorlage.finanzielle_auswirkungen.erlaeuterung }}",
    "{{ vorlage.klimarelevanz.bewertung }} {{ vorlage.klimarelevanz.erlaeuterung }}",
    "{%p for a in vorlage.anlagen %}",
    "Anlage {{ loop.index }}: {{ a.titel }}",
    "{%p endfor %}",
    "{{ vorlage.unterzeichnung.vertretung }} {{ vorlage.unterzeichnung.funktion }} "
    "{{ vorlage.unterzeichnung.name }}",
)


def unguarded() -> bytes:
    parts = templates.shipped_parts()
    parts["word/document.xml"] = document([para(text) for text in UNGUARDED])
    return zip_parts(parts)


TEMPLATES: dict[str, Callable[[], bytes]] = {**templates.FIXTURES, "unguarded": unguarded}
LOADED = {name: Template.from_bytes(build(), name=name) for name, build in TEMPLATES.items()}


def body_text(data: bytes) -> str:
    """The text of a rendered document's body, run after run."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return "".join(t.text or "" for t in root.iter(f"{W}t"))


@settings(deadline=None)
@given(papers())
def test_every_valid_paper_renders(vorlage: Sitzungsvorlage) -> None:
    for name, tpl in LOADED.items():
        versions = [tpl.render(vorlage)]
        if vorlage.oeffentlich:
            versions.append(tpl.with_hausstil(PUBLIC).render(vorlage, "oeffentlich"))
        for rendered in versions:
            assert vorlage.betreff in body_text(rendered), name


@settings(deadline=None)
@given(papers())
def test_our_output_is_accessible(vorlage: Sitzungsvorlage) -> None:
    for name in ("default", "stadt"):
        # as vorlagen.render(vorlage, template=...) renders, without loading it each time
        assert vorlagen.check_accessibility(LOADED[name].render(vorlage)) == [], name


def test_unknown_filter_message_names_only_filters_a_template_can_use() -> None:
    with pytest.raises(TemplateError) as info:
        template("{{ vorlage.datum|kurz }}")
    message = info.value.problems[0].message
    assert message.startswith("unbekannter Filter „kurz“; verfügbar: abstimmung, betrag, datum, ")
    assert "vorlagen:" not in message
