"""REFI-QDA import of another program's project: a hand-written MAXQDA-shaped .qdpx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.qdpx_data import (
    FIXTURE,
    NS,
    maxqda_archive,
    memos_of,
    refi_schema,
    snapshot,
)
from workbench import InputError, Project
from workbench.exchange.qdpx import import_qdpx
from workbench.synthesis.indicators import indicators


def test_maxqda_fixture_is_valid() -> None:
    schema = refi_schema()
    assert schema.validate(etree.parse(str(FIXTURE / "project.qde"))), schema.error_log


def test_maxqda_shaped_project_imports(project: Project, tmp_path: Path) -> None:
    result = import_qdpx(project, maxqda_archive(tmp_path / "austausch"))
    assert (result.documents, result.segments, result.codes, result.codings) == (2, 7, 6, 9)
    assert (result.memos, result.indicators) == (4, 1)
    assert result.notices == (
        "TextSource Nr. 1 (GUID 7C1E5A0B…): 1 Kodierungen über mehrere Absätze "
        "wurden je Aussage aufgeteilt.",
        "Quellen stehen hier mit ihrer Nummer in der Datei und dem Anfang ihrer GUID, nicht "
        "mit ihrem Namen: Dateinamen von Interviews nennen oft die Interviewten.",
    )
    # Nested codes with colours and descriptions.
    codes = project.codes().set_index("path")
    assert list(codes.index) == [
        "Bedarf",
        "Herausforderung",
        "Herausforderung/Digitale Teilhabe",
        "Herausforderung/Wohnen",
        "Ressource",
        "Ressource/Nachbarschaft",
    ]
    assert codes.at["Herausforderung/Digitale Teilhabe", "colour"] == "#0000ff"
    assert codes.at["Bedarf", "description"] == "Was gebraucht wird"
    # Paragraphs are segments; the unnamed case's variable places the protocol in Manfort,
    # the named case places the relative:// source in Wiesdorf.
    segments = project.segments()
    protocol = segments[segments["document"] == "Protokoll Quartiersworkshop Manfort"]
    assert list(protocol["district"].unique()) == ["Manfort"]
    assert protocol["text"].iloc[0] == "Quartiersworkshop Manfort, 18.11.2020 (digital)"
    assert protocol["attributes"].iloc[0] == {
        "Format": "Videokonferenz",
        "Sets": ["Quartiersworkshops"],  # another program's set of sources
    }
    cards = segments[segments["document"] == "Kartenabfrage Wiesdorf"]
    assert list(cards["district"].unique()) == ["Wiesdorf"]
    assert cards["text"].iloc[0].startswith("[Person 1] organisiert")  # pseudonymised
    assert "Petrova" not in " ".join(segments["text"])
    # Several coders, spans in the right places (also through the placeholder).
    quotes = {(q.code, q.quote, q.coders) for q in project.quotes().itertuples()}
    assert quotes == {
        ("Herausforderung", protocol["text"].iloc[1], "Anna K."),
        ("Herausforderung/Digitale Teilhabe", "kein WLAN", "Anna K., Ben M."),
        ("Bedarf", "Homeschooling läuft über das Handy der Eltern.", "Ben M."),
        ("Bedarf", "Gebraucht werden Leihgeräte", "Ben M."),
        ("Ressource/Nachbarschaft", protocol["text"].iloc[4], "Anna K."),
        ("Ressource/Nachbarschaft", "[Person 1] organisiert den Mittagstisch", "Ben M."),
        ("Ressource", "[Person 1] organisiert", "Anna K."),
        ("Bedarf", "Treffpunkt für Ältere", "Anna K."),
    }
    codings = project.codings()
    ben = codings[(codings["coder"] == "Ben M.") & (codings["code"] != "Bedarf")]
    assert sorted(str(t) for t in ben["created_at"]) == [
        "2021-02-03 11:30:00",
        "2021-02-03 12:00:00",
    ]
    # Notes: on a selection, a MAXQDA comment, on the project (pseudonymised), on a code.
    memos = {(m[0], m[1], m[2], m[3]) for m in memos_of(project)}
    second = ("Protokoll Quartiersworkshop Manfort", "2")
    assert memos == {
        (
            "segment",
            second,
            "Anna K.",
            "Treffpunkte\n\nFehlende Treffpunkte für Jugendliche kommen in allen Workshops vor.",
        ),
        ("segment", second, "Ben M.", "Treffpunkte fehlen laut Jugendamt auch in Rheindorf."),
        (
            "project",
            None,
            "Ben M.",
            "Rückmeldung\n\n[Person 2] vom Bürgerverein möchte die Ergebnisse sehen.",
        ),  # MAXQDA's memo titles stay
        (
            "code",
            "Bedarf",
            "Anna K.",
            "Abgrenzung Bedarf\n\nBedarf nur, wenn eine Abhilfe genannt wird.",
        ),
    }
    # The key keeps the originals, for researchers only.
    key = project.pseudonym_key()
    assert set(key["original"]) == {"Frau Petrova", "Herr Wagner"}
    # The named case's numeric variable is an indicator value of its district.
    values = indicators(project)
    assert values[["district", "indicator", "year", "value"]].to_dict("records") == [
        {"district": "Wiesdorf", "indicator": "SGB-II-Quote", "year": 2019, "value": 14.2}
    ]
    # Importing it again changes nothing.
    before = snapshot(project)
    again = import_qdpx(project, tmp_path / "austausch" / "quartiersstudie.qdpx")
    assert (again.documents, again.existing, again.codings, again.notices) == (0, 2, 0, ())
    assert snapshot(project) == before


def test_relative_sources_are_found_through_the_base_path(project: Project, tmp_path: Path) -> None:
    below = tmp_path / "austausch" / "quellen"
    below.mkdir(parents=True)
    qde = (FIXTURE / "project.qde").read_text(encoding="utf-8")
    qde = qde.replace('name="Quartiersstudie Leverkusen"', f'name="Q" basePath="{below}"')
    archive = maxqda_archive(tmp_path / "austausch", qde.encode("utf-8"))
    (archive.parent / "Kartenabfrage_Wiesdorf.txt").rename(below / "Kartenabfrage_Wiesdorf.txt")
    assert import_qdpx(project, archive).documents == 2


def test_a_base_path_outside_the_archive_folder_is_never_read(
    project: Project, tmp_path: Path
) -> None:
    """The .qdpx comes from outside: its basePath must not make the import read the
    computer's files (basePath="/etc", relative://passwd imported /etc/passwd)."""
    elsewhere = tmp_path / "quellen"
    elsewhere.mkdir()
    qde = (FIXTURE / "project.qde").read_text(encoding="utf-8")
    qde = qde.replace('name="Quartiersstudie Leverkusen"', f'name="Q" basePath="{elsewhere}"')
    archive = maxqda_archive(tmp_path / "austausch", qde.encode("utf-8"))
    (archive.parent / "Kartenabfrage_Wiesdorf.txt").rename(elsewhere / "Kartenabfrage_Wiesdorf.txt")
    before = snapshot(project)
    with pytest.raises(InputError) as err:
        import_qdpx(project, archive)
    assert "Kartenabfrage_Wiesdorf" in err.value.message
    assert f"Der Quellordner des Projekts ({elsewhere}) liegt nicht im Ordner" in err.value.message
    assert snapshot(project) == before
    # the same through '..' below the archive's folder
    qde = qde.replace(f'basePath="{elsewhere}"', f'basePath="{archive.parent}/../quellen"')
    archive = maxqda_archive(tmp_path / "austausch", qde.encode("utf-8"))
    (archive.parent / "Kartenabfrage_Wiesdorf.txt").unlink()
    with pytest.raises(InputError, match="liegt nicht im Ordner"):
        import_qdpx(project, archive)


def test_a_base_path_to_system_files_imports_nothing_from_them(
    project: Project, tmp_path: Path
) -> None:
    secret = tmp_path / "geheim"
    secret.mkdir()
    (secret / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{NS}" name="x" basePath="{secret}"><Sources>'
        '<TextSource guid="11111111-1111-1111-1111-111111111111" name="Protokoll" '
        'plainTextPath="relative://passwd"/>'
        '<TextSource guid="21111111-1111-1111-1111-111111111111" name="Notiz" '
        'plainTextPath="passwd"/></Sources></Project>'
    )
    path = tmp_path / "austausch" / "post.qdpx"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
    with pytest.raises(InputError, match="Die Texte von 2 Textquellen fehlen"):
        import_qdpx(project, path)
    assert project.segments().empty


def test_inline_text_crlf_and_uncoded_sources(project: Project, tmp_path: Path) -> None:
    """PlainTextContent, Windows line breaks counted as two characters, no users."""
    text = "Erste Zeile\r\nZweite Zeile mit Bedarf\r\n"
    start = text.index("Bedarf")
    code, src, sel = (f"A0000000-0000-4000-8000-00000000000{i}" for i in (1, 2, 3))
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Inline" origin="QualCoder 3.5">
  <CodeBook><Codes><Code guid="{code}" name="Bedarf" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="{src}" name="notiz.txt">
      <PlainTextContent>{text.replace(chr(13), "&#13;")}</PlainTextContent>
      <PlainTextSelection guid="{sel}" startPosition="{start}" endPosition="{start + 6}">
        <Coding guid="{sel[:-1]}4"><CodeRef targetGUID="{code}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="{sel[:-1]}5" name="Foto" path="internal://x.png"/>
  </Sources>
</Project>"""
    path = tmp_path / "inline.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
    with pytest.raises(InputError, match=r"keinen creatingUser; bitte angeben, wer kodiert hat"):
        import_qdpx(project, path)
    result = import_qdpx(project, path, coder="Dana", district="Opladen")
    assert result.notices == (
        "PictureSource Nr. 2 (GUID A0000000…) übersprungen: ohne Text im Projekt "
        "(importiert werden Texte, Textfassungen von PDFs und Transkripte).",
        "Quellen stehen hier mit ihrer Nummer in der Datei und dem Anfang ihrer GUID, nicht "
        "mit ihrem Namen: Dateinamen von Interviews nennen oft die Interviewten.",
    )
    segments = project.segments()
    assert list(segments["text"]) == ["Erste Zeile", "Zweite Zeile mit Bedarf"]
    assert set(segments["district"]) == {"Opladen"} and set(segments["workshop"]) == {"notiz"}
    assert [(q.quote, q.coders) for q in project.quotes().itertuples()] == [("Bedarf", "Dana")]


SOURCES_BY_NAME = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Begehungen" origin="MAXQDA 2022">
  <Sources>
    <TextSource guid="C1000000-0000-4000-8000-000000000001" name="Begehung Opladen">
      <PlainTextContent>Der Spielplatz am Markt ist kaputt.
Es fehlt ein Treffpunkt.</PlainTextContent>
    </TextSource>
    <TextSource guid="C1000000-0000-4000-8000-000000000002" name="Begehung Steinbuechel">
      <PlainTextContent>Der Bus fährt abends nicht.</PlainTextContent>
    </TextSource>
    <TextSource guid="C1000000-0000-4000-8000-000000000003" name="Auswertung Manfort und Opladen">
      <PlainTextContent>Beide brauchen mehr Licht.</PlainTextContent>
    </TextSource>
  </Sources>
</Project>
"""


def test_a_source_named_after_a_district_is_that_districts(
    project: Project, tmp_path: Path
) -> None:
    """No case or variable places the sources: their names do, as file names do on import;
    a name that holds two districts places nothing."""
    path = tmp_path / "begehungen.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", SOURCES_BY_NAME)
    result = import_qdpx(project, path)
    assert any("Sozialraum aus dem Namen der Quelle" in n for n in result.notices)
    segments = project.segments()
    placed = dict(zip(segments["document"], segments["district"], strict=False))
    assert placed["Begehung Opladen"] == "Opladen"
    assert placed["Begehung Steinbuechel"] == "Steinbüchel"
    assert placed["Auswertung Manfort und Opladen"] == "Gesamtstadt"
