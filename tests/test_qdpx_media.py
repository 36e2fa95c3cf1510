"""REFI-QDA: the text inside PDF, audio and video sources is imported with its codings.

Vendors store a PDF's text as a ``<Representation>`` (a text source of its own, with
``PlainTextSelection`` codings), an area marked on a page as a ``<PDFSelection>`` with the
text it covers, and a recording's transcripts as ``<Transcript>`` with ``<SyncPoint>``
positions that ``<TranscriptSelection>`` codings refer to. The files here are built in
that shape; the ATLAS.ti standard project is the real vendor file (PROVENANCE.md).
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import workbench.ingest.paragraphs
from tests.conftest import CORPORA, need
from tests.test_qdpx_fidelity import (
    ANA,
    BEN,
    CODE,
    NS,
    OTHER_CODE,
    _atlas_texts,
    _qdpx,
    nfc,
    utf16,
)
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import import_qdpx

PDF, AUDIO, VIDEO = (f"D1000000-0000-4000-8000-00000000000{n}" for n in (1, 2, 3))
# The PDF's text as a vendor extracts it: the page's lines, a sentence wrapped over two.
PDF_TEXT = (
    "Stadtteilkonferenz Manfort\n"
    "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit\n"
    "WLAN 📶 und Sofa am Marktplatz, nicht weit vom Jugendzentrum entfernt.\n"
    "- Licht im Park an der Kalkstraße, der abends für viele ein Umweg ist\n"
    "- eine Bank am Spielplatz\n"
    "\n"
    "Frau Kaczmarek vom Seniorenbeirat bietet Hilfe an, wenn jemand fragt.\n"
)
# The transcript of a recorded interview, as MAXQDA and f4 write it.
TRANSCRIPT = (
    "I: Was fehlt Ihnen im Viertel?\n"
    "B: Ein Ort für die Kinder nach der Schule, sagt auch Herr Wieczorek.\n"
    "I: Und sonst?\n"
    "B: Ein Arzt, der Deutsch und Türkisch spricht.\n"
)


def _coding(n: int, code: str, user: str) -> str:
    return (
        f'<Coding guid="F1000000-0000-4000-8000-{n:012d}" creatingUser="{user}">'
        f'<CodeRef targetGUID="{code}"/></Coding>'
    )


def _plain(n: int, text: str, passage: str, code: str, user: str) -> str:
    start = text.index(passage)
    return (
        f'<PlainTextSelection guid="E1000000-0000-4000-8000-{n:012d}" '
        f'startPosition="{utf16(text, start)}" endPosition="{utf16(text, start + len(passage))}" '
        f'creatingUser="{user}">{_coding(n, code, user)}</PlainTextSelection>'
    )


def _sync(n: int, position: int, stamp: int) -> str:
    return (
        f'<SyncPoint guid="A1000000-0000-4000-8000-{n:012d}" position="{position}" '
        f'timeStamp="{stamp}"/>'
    )


def _project(transcripts: str = "", text_sources: str = "") -> str:
    treffpunkt_area = "einen Treffpunkt mitWLAN 📶 und Sofa"  # the area: no line break
    first_b = TRANSCRIPT.index("B: Ein Ort")
    second_b = TRANSCRIPT.index("B: Ein Arzt")
    transcript = transcripts or (
        f'<Transcript guid="D1000000-0000-4000-8000-000000000021" name="Interview 1.docx">'
        f"<PlainTextContent>{TRANSCRIPT}</PlainTextContent>"
        f"{_sync(1, 0, 0)}{_sync(2, first_b, 4000)}{_sync(3, TRANSCRIPT.index('I: Und'), 9000)}"
        f"{_sync(4, second_b, 11000)}{_sync(5, len(TRANSCRIPT) - 1, 15000)}"
        '<TranscriptSelection guid="E1000000-0000-4000-8000-000000000031" '
        'fromSyncPoint="A1000000-0000-4000-8000-000000000002" '
        f'toSyncPoint="A1000000-0000-4000-8000-000000000003" creatingUser="{ANA}">'
        f"{_coding(31, CODE, ANA)}</TranscriptSelection>"
        '<TranscriptSelection guid="E1000000-0000-4000-8000-000000000032" '
        'fromSyncPoint="A1000000-0000-4000-8000-000000000004" '
        f'toSyncPoint="A1000000-0000-4000-8000-000000000005" creatingUser="{BEN}">'
        f"{_coding(32, OTHER_CODE, BEN)}</TranscriptSelection>"
        "</Transcript>"
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Manfort" origin="MAXQDA 2022">
  <Users><User guid="{ANA}" name="Ana"/><User guid="{BEN}" name="Ben"/></Users>
  <CodeBook><Codes>
    <Code guid="{CODE}" name="Bedarf" isCodable="true"/>
    <Code guid="{OTHER_CODE}" name="Ressource" isCodable="true"/>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="C1000000-0000-4000-8000-000000000001" name="Sozialraum"
        typeOfVariable="Text"/>
  </Variables>
  <Cases>
    <Case guid="C1000000-0000-4000-8000-000000000002" name="Alkenrath">
      <SourceRef targetGUID="{AUDIO}"/>
    </Case>
  </Cases>
  <Sources>
    {text_sources}
    <PDFSource guid="{PDF}" name="Stadtteilkonferenz.pdf" path="internal://k.pdf">
      <Description>Protokoll vom 12. März</Description>
      <PDFSelection guid="E1000000-0000-4000-8000-000000000011" page="0" firstX="1"
          firstY="1" secondX="9" secondY="9" creatingUser="{BEN}">
        <Representation guid="E1000000-0000-4000-8000-000000000012">
          <PlainTextContent>{treffpunkt_area}</PlainTextContent>
        </Representation>
        {_coding(11, CODE, BEN)}
      </PDFSelection>
      <PDFSelection guid="E1000000-0000-4000-8000-000000000013" page="1" firstX="1"
          firstY="1" secondX="9" secondY="9" creatingUser="{BEN}">
        {_coding(13, OTHER_CODE, BEN)}
      </PDFSelection>
      <Representation guid="D1000000-0000-4000-8000-000000000011"
          plainTextPath="internal://k.txt">
        {_plain(1, PDF_TEXT, "Licht im Park", CODE, ANA)}
        {_plain(2, PDF_TEXT, "Seniorenbeirat bietet Hilfe", OTHER_CODE, ANA)}
      </Representation>
      <VariableValue><VariableRef targetGUID="C1000000-0000-4000-8000-000000000001"/>
        <TextValue>Manfort</TextValue></VariableValue>
    </PDFSource>
    <AudioSource guid="{AUDIO}" name="Interview 1.m4a" path="relative:///i.m4a">
      {transcript}
      <AudioSelection guid="E1000000-0000-4000-8000-000000000041" begin="1000" end="3000"
          creatingUser="{ANA}">{_coding(41, CODE, ANA)}</AudioSelection>
    </AudioSource>
    <PictureSource guid="{VIDEO}" name="Plakat.jpg" path="internal://p.jpg"/>
  </Sources>
</Project>"""


def test_pdf_text_and_transcripts_are_imported_with_their_codings(
    project: Project, tmp_path: Path
) -> None:
    archive = _qdpx(tmp_path / "manfort.qdpx", _project(), {"Sources/k.txt": PDF_TEXT})
    result = import_qdpx(project, archive)
    assert (result.documents, result.codings) == (2, 5)
    assert result.notices == (
        "PDFSource Nr. 1 (GUID D1000000…): die Textfassung des Herstellers importiert; "
        "1 markierte Stelle und 1 Kodierung ohne Textstelle (Seitenbereich, Zeitabschnitt) "
        "übersprungen.",
        "AudioSource Nr. 2 (GUID D1000000…): das Transkript importiert; 1 markierte Stelle und "
        "1 Kodierung ohne Textstelle (Seitenbereich, Zeitabschnitt) übersprungen.",
        "PictureSource Nr. 3 (GUID D1000000…) übersprungen: ohne Text im Projekt (importiert "
        "werden Texte, Textfassungen von PDFs und Transkripte).",
        "Quellen stehen hier mit ihrer Nummer in der Datei und dem Anfang ihrer GUID, nicht "
        "mit ihrem Namen: Dateinamen von Interviews nennen oft die Interviewten.",
    )
    segments = project.segments()
    pdf = segments[segments["document"] == "Stadtteilkonferenz.pdf"]
    # A PDF's lines are the page's lines: a wrapped sentence is one statement, list
    # items are statements of their own; the document variable gives the Sozialraum.
    assert list(pdf["text"]) == [
        "Stadtteilkonferenz Manfort",
        "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit\n"
        "WLAN 📶 und Sofa am Marktplatz, nicht weit vom Jugendzentrum entfernt.",
        "- Licht im Park an der Kalkstraße, der abends für viele ein Umweg ist",
        "- eine Bank am Spielplatz",
        "[Person 1] vom Seniorenbeirat bietet Hilfe an, wenn jemand fragt.",
    ]
    assert set(pdf["district"]) == {"Manfort"}
    interview = segments[segments["document"] == "Interview 1.m4a"]
    assert set(interview["district"]) == {"Alkenrath"}  # the case of the recording
    # A transcript's "I:"/"B:" labels are roles; the statement is what was said.
    assert list(zip(interview["speaker_role"], interview["text"], strict=True)) == [
        ("I", "Was fehlt Ihnen im Viertel?"),
        ("B", "Ein Ort für die Kinder nach der Schule, sagt auch [Person 2]."),
        ("I", "Und sonst?"),
        ("B", "Ein Arzt, der Deutsch und Türkisch spricht."),
    ]
    assert "Kaczmarek" not in " ".join(segments["text"])
    assert "Wieczorek" not in " ".join(segments["text"])
    # Codings: on the PDF's text version, on a page area found by its text (although the
    # vendor's area text lacks the line break), on the transcript between sync points.
    quotes = {(q.code, q.quote, q.coders) for q in project.quotes().itertuples()}
    assert quotes == {
        ("Bedarf", "Licht im Park", "Ana"),
        ("Ressource", "Seniorenbeirat bietet Hilfe", "Ana"),
        ("Bedarf", "einen Treffpunkt mit\nWLAN 📶 und Sofa", "Ben"),
        ("Bedarf", "Ein Ort für die Kinder nach der Schule, sagt auch [Person 2].", "Ana"),
        ("Ressource", "Ein Arzt, der Deutsch und Türkisch spricht.", "Ben"),
    }
    # Again: nothing new.
    again = import_qdpx(project, archive)
    assert (again.documents, again.existing, again.codings) == (0, 2, 0)


def test_a_pdf_without_its_text_version_is_named_not_fatal(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _qdpx(tmp_path / "ohne.qdpx", _project(), {})  # k.txt not in the archive
    assert main(["--project", str(project.path), "import", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "PDFSource Nr. 1 (GUID D1000000…) mit 4 markierten Stellen und 4 Kodierungen" in out
    assert "AudioSource Nr. 2 (GUID D1000000…): das Transkript importiert" in out
    assert "Stadtteilkonferenz" not in out and "Interview 1" not in out
    assert list(project.segments()["document"].unique()) == ["Interview 1.m4a"]


def test_a_transcript_listed_as_a_text_source_too_is_read_once(
    project: Project, tmp_path: Path
) -> None:
    """ATLAS.ti exports every transcript also as a TextSource with the same file."""
    transcript = (
        '<Transcript guid="D1000000-0000-4000-8000-000000000022" name="Interview 1.docx" '
        'plainTextPath="internal://t.txt"/>'
    )
    source = (
        '<TextSource guid="D1000000-0000-4000-8000-000000000023" name="Interview 1.docx" '
        'plainTextPath="internal://t.txt"/>'
    )
    archive = _qdpx(
        tmp_path / "atlas.qdpx",
        _project(transcripts=transcript, text_sources=source),
        {"Sources/k.txt": PDF_TEXT, "Sources/t.txt": TRANSCRIPT},
    )
    result = import_qdpx(project, archive)
    assert result.documents == 2
    segments = project.segments()
    assert sorted(segments["document"].unique()) == ["Interview 1.docx", "Stadtteilkonferenz.pdf"]
    # A text source that is a transcript has its roles too.
    interview = segments[segments["document"] == "Interview 1.docx"]
    assert list(interview["speaker_role"]) == ["I", "B", "I", "B"]
    assert any(
        n.startswith("AudioSource Nr. ")
        and "mit 1 markierten Stelle und 1 Kodierung übersprungen" in n
        for n in result.notices
    )


@pytest.mark.corpora
def test_atlasti_pdf_with_its_text_version(project: Project, tmp_path: Path) -> None:
    """The real ATLAS.ti export: the PDF with a text version becomes a document; the one
    whose only text is in its page areas is named."""
    qde = need(CORPORA / "refi-qda-vendors" / "atlasti-standard-project.qde", "ATLAS.ti")
    text = qde.read_text(encoding="utf-8")
    sources = {f"Sources/{name}": t for name, t in _atlas_texts(text).items()}
    sources["Sources/B09E8D25-66A6-4D7E-A884-3E1A11A40E7C.txt"] = PDF_TEXT
    result = import_qdpx(project, _qdpx(tmp_path / "atlas.qdpx", text, sources))
    assert result.documents == 7
    notices = nfc("\n".join(result.notices))
    assert (
        "PDFSource Nr. 8 (GUID 03F134F1…): die Textfassung des Herstellers importiert." in notices
    )
    assert "PDFSource Nr. 9 (GUID 2065D8AB…) mit 4" in notices
    assert "Limón" not in notices and "Kellogg" not in notices
    # The video's transcripts are its text sources already: not a second time.
    assert len(project.segments()["document"].unique()) == 7


def test_paragraph_doctest() -> None:
    assert doctest.testmod(workbench.ingest.paragraphs).failed == 0
