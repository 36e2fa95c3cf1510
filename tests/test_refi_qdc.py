"""REFI-QDA codebook (.qdc): valid against the XSD, reproducible, re-imports unchanged."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from lxml import etree

from tests.coding_data import CODEBOOK, cards_project
from tests.conftest import SHARED, need
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.coding.codebook import CodeSpec
from workbench.coding.codebook_qdc import (
    GUID_NAMESPACE,
    NAMESPACE,
    code_guid,
    codebook_qdc,
    read_codebook_qdc,
)
from workbench.coding.records import read_codebook

REFI = SHARED / "refi-qda"
PROJECT_NS = "urn:QDA-XML:project:1.0"
SPECS = [
    *CODEBOOK,
    CodeSpec("Themen/Wohnen/Miete & Nebenkosten", "Kosten <warm>", "„zu teuer“", "#abc"),
    CodeSpec("Leerstelle", "", "Kein Quartiersbüro", None),
]


def _repair_pdf_damage(text: str) -> str:
    """Undo the damage of a PDF-extracted XSD copy (as ../shared's Codebook.xsd has).

    Hyphens became U+2010 and the blanks after element names and between attributes were
    lost, so the file is not well-formed XML. Only these two things are restored; on an
    intact schema this changes nothing.
    """
    text = text.replace("\u2010", "-")
    text = re.sub(
        r"<xsd:(element|attribute|complexType|simpleType|restriction|pattern)(name|base|value)=",
        r"<xsd:\1 \2=",
        text,
    )
    return re.sub(r'(="[^"]*")(?=[A-Za-z])', r"\1 ", text)


@pytest.fixture(scope="module")
def codebook_schema() -> etree.XMLSchema:
    """The REFI-QDA Codebook.xsd from ../shared/refi-qda."""
    path = need(REFI / "Codebook.xsd", "REFI-QDA Codebook.xsd")
    text = _repair_pdf_damage(path.read_text(encoding="utf-8"))
    return etree.XMLSchema(etree.fromstring(text.encode("utf-8")))


@pytest.fixture(scope="module")
def project_schema() -> etree.XMLSchema:
    """The REFI-QDA Project-mrt2019.xsd (intact), whose CodeBook type is the same."""
    return etree.XMLSchema(etree.parse(str(need(REFI / "Project-mrt2019.xsd", "Project XSD"))))


def _valid(schema: etree.XMLSchema, document: bytes) -> bool:
    return schema.validate(etree.fromstring(document))


def _as_project(document: bytes) -> bytes:
    """The codebook embedded in a minimal .qde project (project namespace)."""
    root = etree.fromstring(document)
    del root.attrib["origin"]  # the project's CodeBook has no origin
    for element in root.iter():
        element.tag = element.tag.replace(NAMESPACE, PROJECT_NS)
    project = etree.Element(f"{{{PROJECT_NS}}}Project", name="Test", nsmap={None: PROJECT_NS})
    project.append(root)
    etree.cleanup_namespaces(project)
    return etree.tostring(project)


def test_schema_is_strict(codebook_schema: etree.XMLSchema) -> None:
    good = codebook_qdc(SPECS)
    assert _valid(codebook_schema, good)
    # The (repaired) schema still rejects what it should, so validation means something.
    assert not _valid(codebook_schema, good.replace(b'color="#aabbcc"', b'color="blau"'))
    assert not _valid(codebook_schema, re.sub(rb' guid="[^"]+"', b"", good, count=1))
    assert not _valid(codebook_schema, good.replace(b'isCodable="true"', b"", 1))
    assert not _valid(codebook_schema, good.replace(NAMESPACE.encode(), b"urn:anders"))


def test_export_is_valid_against_both_schemas(
    project: Project,
    tmp_path: Path,
    codebook_schema: etree.XMLSchema,
    project_schema: etree.XMLSchema,
) -> None:
    cards_project(project, tmp_path)
    out = tmp_path / "codebuch.qdc"
    assert project.export_codebook(out, "qdc") == len(CODEBOOK)
    document = out.read_bytes()
    assert document.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<CodeBook ')
    assert _valid(codebook_schema, document), codebook_schema.error_log
    assert _valid(project_schema, _as_project(document)), project_schema.error_log
    root = etree.fromstring(document)
    top = [c.get("name") for c in root.find(f"{{{NAMESPACE}}}Codes")]
    assert top == ["Bedarf", "Herausforderung", "Ressource", "Themen"]
    themen = root.find(f"{{{NAMESPACE}}}Codes/{{{NAMESPACE}}}Code[@name='Themen']")
    assert [c.get("name") for c in themen.findall(f"{{{NAMESPACE}}}Code")] == [
        "Digitale Teilhabe",
        "Wohnen",
    ]
    digital = themen.find(f"{{{NAMESPACE}}}Code[@name='Digitale Teilhabe']")
    assert digital.get("color") == "#457b9d"
    assert digital.findtext(f"{{{NAMESPACE}}}Description") == (
        "WLAN, Geräte\n\nBeispiel: kein WLAN"
    )


def test_export_is_reproducible_with_stable_guids(codebook_schema: etree.XMLSchema) -> None:
    first = codebook_qdc(SPECS)
    assert codebook_qdc(reversed(SPECS)) == first
    guids = re.findall(rb'guid="([^"]+)"', first)
    assert len(set(guids)) == len(SPECS)
    assert code_guid("Themen/Wohnen").encode() in guids
    assert code_guid("Themen/Wohnen") == str(uuid.uuid5(GUID_NAMESPACE, "Themen/Wohnen")).upper()
    assert code_guid("Themen/Wohnen") != code_guid("Wohnen")


def test_reimport_gives_the_same_codebook(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "codebuch.qdc"
    out.write_bytes(codebook_qdc(SPECS))
    specs = read_codebook_qdc(out)
    assert sorted(specs, key=lambda s: s.path) == sorted(
        [CodeSpec(s.path, s.description, s.example, _hex6(s.colour)) for s in SPECS],
        key=lambda s: s.path,
    )
    project.import_codes(read_codebook(out))
    again = tmp_path / "wieder.qdc"
    project.export_codebook(again, "qdc")
    assert again.read_bytes() == out.read_bytes()
    assert read_codebook_qdc(again) == project.codebook()


def _hex6(colour: str | None) -> str | None:
    if colour is None or len(colour) == 7:
        return colour
    return "#" + "".join(2 * c for c in colour[1:])


def test_reads_codebooks_of_other_programs(tmp_path: Path) -> None:
    path = tmp_path / "maxqda.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA 2022">\n'
        "  <Codes>\n"
        '    <Code guid="{1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294}" name="Barrieren" '
        'isCodable="true" color="#FF0000">\n'
        "      <Description>Zugangshürden</Description>\n"
        '      <Code guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Sprache" '
        'isCodable="false"/>\n'
        "    </Code>\n"
        "  </Codes>\n"
        '  <Sets><Set guid="3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Gruppe">'
        '<MemberCode guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"/></Set></Sets>\n'
        "</CodeBook>\n",
        encoding="utf-8",
    )
    assert read_codebook_qdc(path) == [
        CodeSpec("Barrieren", "Zugangshürden", "", "#ff0000"),
        CodeSpec("Barrieren/Sprache", codable=False),  # isCodable="false": a category
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<CodeBook><Codes>", "kein gültiges XML"),
        ('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>', "Wurzelelement ist <Project>"),
        ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', "ohne <Codes>"),
        (
            '<CodeBook><Codes><Code guid="x" name="A" isCodable="true"/>'
            '<Code guid="y" name="A" isCodable="true"/></Codes></CodeBook>',
            "Doppelte Codes: A",
        ),
    ],
)
def test_bad_codebooks_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "kaputt.qdc"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        read_codebook_qdc(path)
    assert "kaputt.qdc" in str(err.value)


def test_empty_codebook_is_not_exported(project: Project, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Codebuch ist leer"):
        project.export_codebook(tmp_path / "leer.qdc", "qdc")
    assert not list(tmp_path.glob("leer.qdc*"))


def test_demo_codebook_exports_valid_and_round_trips(
    demo_project: Project, tmp_path: Path, codebook_schema: etree.XMLSchema
) -> None:
    out = tmp_path / "demo.qdc"
    n = demo_project.export_codebook(out, "qdc")
    assert n == len(demo_project.codes())
    assert _valid(codebook_schema, out.read_bytes()), codebook_schema.error_log
    assert read_codebook_qdc(out) == demo_project.codebook()


def test_a_slash_in_a_code_name_is_kept_as_a_look_alike_and_given_back(tmp_path: Path) -> None:
    """MAXQDA and ATLAS.ti allow "ÖPNV (Bus/Bahn)"; here "/" separates levels. The name is
    stored with "∕" (U+2215) instead of refusing the codebook, and exported with "/" again."""
    path = tmp_path / "maxqda.qdc"
    path.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="a" name="Mobilität" isCodable="true">'
        '<Code guid="b" name="ÖPNV (Bus/Bahn)" isCodable="true"/></Code>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    notices: list[str] = []
    specs = read_codebook_qdc(path, notices)
    assert [s.path for s in specs] == ["Mobilität", "Mobilität/ÖPNV (Bus\u2215Bahn)"]
    # Said as the .qdpx import says it (before, the .qdc import changed the name silently).
    assert notices == [
        "„/“ trennt in der Werkbank Ober- und Untercodes; in 1 Codenamen steht es als „∕“ "
        "(beim REFI-QDA-Export wieder „/“): ÖPNV (Bus∕Bahn)."
    ]
    assert specs[1].parent == "Mobilität" and specs[1].name == "ÖPNV (Bus\u2215Bahn)"
    again = tmp_path / "wieder.qdc"
    again.write_bytes(codebook_qdc(specs))
    assert 'name="ÖPNV (Bus/Bahn)"' in again.read_text(encoding="utf-8")
    assert read_codebook_qdc(again) == specs


def test_importing_a_sparser_codebook_keeps_what_the_file_does_not_say(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ATLAS.ti codebook with colours but no descriptions (and REFI-QDA has no anchor
    examples) updates what it gives and leaves the team's descriptions and examples."""
    from workbench.cli.main import main

    cards_project(project, tmp_path)
    path = tmp_path / "atlas.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti 9">\n'
        "  <Codes>\n"
        '    <Code guid="85D17F60-7BB0-481E-B742-B4861DD669DF" name="Ressource" '
        'isCodable="true" color="#F00082"/>\n'
        '    <Code guid="0F8A1907-7E42-4739-8610-A676B4D1B69F" name="Bedarf" isCodable="true">\n'
        "      <Description>Was fehlt im Quartier</Description>\n"
        "    </Code>\n"
        '    <Code guid="0F8A1907-7E42-4739-8610-A676B4D1B6AA" name="Leerstelle" '
        'isCodable="true"/>\n'
        "  </Codes>\n"
        "</CodeBook>\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "codebook", "import", str(path)]) == 0
    capsys.readouterr()
    book = {s.path: s for s in project.codebook()}
    # Only the colour came with the file: description and example stay.
    assert book["Ressource"] == CodeSpec(
        "Ressource", "Was trägt", "Kirchengemeinde hilft", "#f00082"
    )
    # Only the description came: example and colour stay.
    assert book["Bedarf"] == CodeSpec(
        "Bedarf", "Was fehlt im Quartier", "Tablets für alle", "#264653"
    )
    assert book["Leerstelle"] == CodeSpec("Leerstelle")
    # Untouched codes stay as they were.
    assert book["Themen/Digitale Teilhabe"] == CodeSpec(
        "Themen/Digitale Teilhabe", "WLAN, Geräte", "kein WLAN", "#457b9d"
    )


def test_a_control_character_in_a_code_text_does_not_break_the_exports(
    project: Project, tmp_path: Path, codebook_schema: etree.XMLSchema
) -> None:
    """A description pasted from Word keeps its manual line break (a vertical tab) and a
    form feed; XML 1.0 cannot carry them, so the .qdc and the .qdpx do not write them
    instead of writing a file that neither MAXQDA nor the Werkbank can open again. The
    typed text has them as a space (deleted, they glued "fehlt" and "im")."""
    import zipfile

    from workbench.exchange.qdpx import export_qdpx, import_qdpx

    cards_project(project, tmp_path)
    project.update_code("Bedarf", description="Was fehlt\vim Quartier\f", example="Bänke\x01")
    qdc = tmp_path / "codebuch.qdc"
    project.export_codebook(qdc, "qdc")
    assert _valid(codebook_schema, qdc.read_bytes()), codebook_schema.error_log
    book = {s.path: s for s in read_codebook_qdc(qdc)}
    assert book["Bedarf"].description == "Was fehlt im Quartier"
    assert book["Bedarf"].example == "Bänke"

    out = tmp_path / "projekt.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as archive:
        etree.fromstring(archive.read("project.qde"))  # well-formed
    other = Project.create(tmp_path / "wieder", districts=list(project.districts()["district"]))
    import_qdpx(other, out)
    assert {s.path: s for s in other.codebook()}["Bedarf"].description == "Was fehlt im Quartier"


def test_an_unreadable_colour_is_dropped_with_a_notice_like_the_qdpx_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "maxqda.qdc"
    path.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="x" name="Bedarf" isCodable="true" color="#FF0000FF">'
        '<Code guid="y" name="Treffpunkte" isCodable="true" color="#00FF00"/></Code>'
        '<Code guid="z" name="Ressource" isCodable="true" color="rot"/>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "codebook", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "3 Codes aus maxqda.qdc übernommen (3 neu, 0 geändert)." in out
    assert (
        "  Hinweis: Farbe nicht lesbar in maxqda.qdc (erwartet #RRGGBB), Code ohne Farbe "
        "übernommen: 'Ressource' (rot)." in out
    )
    # FF at both ends: the order is not known, the first six digits are kept, and said
    assert "'Bedarf' #FF0000FF als #ff0000 (sonst #0000ff)" in out
    colours = {s.path: s.colour for s in project.codebook()}
    assert colours == {"Bedarf": "#ff0000", "Bedarf/Treffpunkte": "#00ff00", "Ressource": None}


@pytest.mark.parametrize(
    ("name", "content", "hint"),
    [
        ("codesystem.mqc", b"MQC\x00\x01\x02\xff binary", "MAXQDAs eigenes Codesystem-Format"),
        ("Codebook.xlsx", b"PK\x03\x04 not really", "als REFI-QDA-Codebuch (.qdc) exportieren"),
        ("Codebook.docx", b"PK\x03\x04 not really", "als REFI-QDA-Codebuch (.qdc) exportieren"),
        ("projekt.qdpx", b"PK\x03\x04 not really", "importiert `workbench import`"),
    ],
)
def test_codebooks_in_other_formats_say_how_to_get_a_readable_one(
    project: Project,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    hint: str,
) -> None:
    """MAXQDA's .mqc is binary; NVivo exports its codebook also to Excel and Word."""
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["--project", str(project.path), "codebook", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Unbekanntes Codebuchformat" in err and hint in err and "Traceback" not in err
    assert project.codebook() == []


def test_importing_an_unchanged_codebook_again_says_nothing_changed(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A team re-imports the shared codebook: 'übernommen' alone suggested changes."""
    path = tmp_path / "codebuch.yaml"
    path.write_text(
        "codes:\n  - name: Bedarf\n    description: Was fehlt\n    children:\n"
        "      - name: Treffpunkte\n  - name: Ressource\n",
        encoding="utf-8",
    )
    base = ["--project", str(project.path), "codebook", "import", str(path)]
    assert main(base) == 0
    assert "3 Codes aus codebuch.yaml übernommen (3 neu, 0 geändert)." in capsys.readouterr().out
    assert main(base) == 0
    out = capsys.readouterr().out
    assert out == "Codebuch unverändert: Alle 3 Codes aus codebuch.yaml gibt es schon so.\n"
    path.write_text(path.read_text(encoding="utf-8").replace("Was fehlt", "Was fehlt vor Ort"))
    assert main(base) == 0
    assert "3 Codes aus codebuch.yaml übernommen (0 neu, 1 geändert)." in capsys.readouterr().out


def test_importing_an_empty_codebook_says_it_has_no_codes(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The codebook of a project without codes (QualCoder writes <Codes/>): the message
    said "Alle 0 Codes aus leer.qdc gibt es schon so", as if the file were known here."""
    path = tmp_path / "leer.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes /></CodeBook>\n',
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "codebook", "import", str(path)]) == 0
    assert capsys.readouterr().out == "Codebuch unverändert: leer.qdc enthält keine Codes.\n"
    assert project.codebook() == []


def test_code_sets_of_a_codebook_are_named_as_left_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ATLAS.ti writes its code groups as <Sets> into the .qdc: the codes came in and the
    groups vanished without a word (the .qdpx import names them)."""
    path = tmp_path / "atlas.qdc"
    path.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti 23"><Codes>'
        '<Code guid="x" name="Bedarf" isCodable="true"/>'
        '<Code guid="y" name="Ressource" isCodable="true"/></Codes>'
        '<Sets><Set guid="s1" name="Kerncodes"><MemberCode targetGUID="x"/></Set>'
        '<Set guid="s2" name="Gruppe Brüggemann"><MemberCode targetGUID="y"/></Set></Sets>'
        "</CodeBook>",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "codebook", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 Codes aus atlas.qdc übernommen" in out
    assert "Hinweis: 2 Code-Sets nicht übernommen (die Werkbank kennt keine Codegruppen)." in out
    assert "Brüggemann" not in out
