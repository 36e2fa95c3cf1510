"""Captions of photos in protocols ("Abbildung 1: Kartenwand zur Frage …", "Foto 2:
Stellwand Ressourcen", Markdown ``![Foto 1: Kartenwand](x.jpg)``) describe the photo, they
are no participant's contribution: the import leaves them out and says so (before, each
was stored as a statement, "(Bild: Foto 1: Kartenwand)" in Markdown)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

SAID = ["Der Park ist abends dunkel.", "Fotos vom Sommerfest fehlen im Schaukasten."]


def _notice(tmp_path: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        pass
    assert main(["--project", str(tmp_path / "projekt"), "import", str(path)]) == 0
    assert sorted(Project.open(project.path).segments()["text"]) == sorted(SAID)
    return capsys.readouterr().out


def test_captions_of_a_word_protocol_are_no_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = docx.Document()
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Was fehlt im Quartier?", style="Heading 1")
    document.add_paragraph(SAID[0])
    document.add_paragraph("Abbildung 1: Kartenwand zur Frage „Was fehlt?“", style="Caption")
    document.add_paragraph("Foto 2: Stellwand Ressourcen")
    document.add_paragraph(SAID[1])
    path = tmp_path / "fotos.docx"
    document.save(path)
    parsed = parse_file(path)
    assert [(s.text, s.row) for s in parsed.segments] == [(SAID[0], 3), (SAID[1], 6)]
    assert parsed.options == {"captions": 2}
    assert "2 Bildunterschriften" in _notice(tmp_path, path, capsys)


def test_captions_of_an_odt_protocol_are_no_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style
    from odf.text import H, P

    document = OpenDocumentText()
    illustration = Style(name="Illustration", family="paragraph")
    document.styles.addElement(illustration)
    document.text.addElement(P(text="Sozialraum: Manfort"))
    document.text.addElement(H(outlinelevel=1, text="Was fehlt im Quartier?"))
    document.text.addElement(P(text=SAID[0]))
    document.text.addElement(P(stylename=illustration, text="Kartenwand zur Frage „Was fehlt?“"))
    document.text.addElement(P(text="Foto 2: Stellwand Ressourcen"))
    document.text.addElement(P(text=SAID[1]))
    path = tmp_path / "fotos.odt"
    document.save(str(path))
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == SAID
    assert parsed.options == {"captions": 2}
    assert "2 Bildunterschriften" in _notice(tmp_path, path, capsys)


def test_captions_and_lone_images_of_a_markdown_protocol_are_no_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fotos.md"
    path.write_text(
        "# Stadtteilworkshop Manfort\n\nSozialraum: Manfort\n\n## Was fehlt im Quartier?\n\n"
        f"- {SAID[0]}\n\n![Foto 1: Kartenwand](kartenwand.jpg)\n\n"
        f"Foto 2: Stellwand Ressourcen\n\n- {SAID[1]}\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == SAID
    assert parsed.options == {"captions": 2}
    assert "2 Bildunterschriften" in _notice(tmp_path, path, capsys)


def test_a_caption_in_a_pdf_protocol_is_no_guiding_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a PDF, a caption above a paragraph was taken for a guiding question: "Foto 2:
    Stellwand Ressourcen" became the question of the statements below it."""
    from tests.test_pdf_protocol import pdf_bytes

    lines = ["Stadtteilkonferenz Manfort", "Sozialraum: Manfort", "Was fehlt im Quartier?"]
    lines += [
        "Der Park ist abends dunkel, weil die Laternen am Weg zum Bahnhof seit dem",
        "Winter kaputt sind und niemand sie repariert hat.",
        "Foto 2: Stellwand Ressourcen",
        "Fotos vom Sommerfest fehlen im Schaukasten, den die Kinder im letzten Jahr",
        "mit der Kita zusammen gebaut haben.",
    ]
    path = tmp_path / "fotos.pdf"
    path.write_bytes(pdf_bytes([lines]))
    parsed = parse_file(path)
    assert {s.question for s in parsed.segments} == {"Was fehlt im Quartier?"}
    assert [s.text.split(",")[0] for s in parsed.segments] == [
        "Der Park ist abends dunkel",
        "Fotos vom Sommerfest fehlen im Schaukasten",
    ]
    assert parsed.options == {"captions": 1}


def test_a_statement_that_starts_with_a_photo_and_a_year_is_kept(tmp_path: Path) -> None:
    """ "Fotos 2023 vom Sommerfest …" names a year, not a figure's number: a statement."""
    import doctest

    from workbench.ingest import captions

    assert doctest.testmod(captions).failed == 0
    path = tmp_path / "jahr.md"
    path.write_text(
        "Sozialraum: Manfort\n\n## Was fehlt im Quartier?\n\n"
        "- Fotos 2023 vom Sommerfest fehlen im Schaukasten.\n- Bild 12: Stellwand\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == ["Fotos 2023 vom Sommerfest fehlen im Schaukasten."]
    assert parsed.options == {"captions": 1}


SUBJECT = [  # a photo as the subject of a participant's sentence, no caption
    "Foto 1 ist viel zu dunkel, da braucht es mehr Licht am Weg.",
    "Bild 3 zeigt, dass die Bänke am Spielplatz fehlen.",
    "Fotos 3x im Jahr im Schaukasten wären schön.",
]


def test_a_sentence_about_a_photo_is_a_statement(tmp_path: Path) -> None:
    """ "Foto 1 ist viel zu dunkel …" (a lower-case word after the number, no colon) is a
    sentence about the photo, said by a participant: before, it was left out as a caption."""
    document = docx.Document()
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Was fehlt im Quartier?", style="Heading 1")
    for said in SUBJECT:
        document.add_paragraph(said)
    document.add_paragraph("Foto 2 Stellwand Ressourcen")  # still a caption
    path = tmp_path / "fotos.docx"
    document.save(path)
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == SUBJECT
    assert parsed.options == {"captions": 1}
    text = tmp_path / "fotos.md"
    text.write_text(
        "Sozialraum: Manfort\n\n## Was fehlt im Quartier?\n\n"
        + "".join(f"- {said}\n" for said in SUBJECT)
        + "- Abb. 3\n",
        encoding="utf-8",
    )
    parsed = parse_file(text)
    assert [s.text for s in parsed.segments] == SUBJECT
    assert parsed.options == {"captions": 1}


def test_a_photo_walks_comment_after_the_photos_number_is_a_statement(tmp_path: Path) -> None:
    """On a photo walk participants comment on their photos: "Foto 3: Hier ist es nachts zu
    dunkel, …" is a sentence of its own after the number, no caption; it was left out."""
    said = [
        "Foto 3: Hier ist es nachts zu dunkel, die Laterne ist seit Monaten kaputt.",
        "Foto 4: Der Spielplatz ist toll, aber es fehlt Schatten!",
    ]
    text = tmp_path / "fotostreifzug.md"
    text.write_text(
        "Sozialraum: Manfort\n\n## Was fehlt im Quartier?\n\n"
        + "".join(f"- {line}\n" for line in said)
        + "- Abbildung 1: Kartenwand zur Frage „Was fehlt im Quartier?“\n"
        + "- Foto 2: Stellwand Ressourcen\n",
        encoding="utf-8",
    )
    parsed = parse_file(text)
    assert [s.text for s in parsed.segments] == said
    assert parsed.options == {"captions": 2}


def test_the_notice_of_captions_speaks_of_them_in_the_plural() -> None:
    """ "2 Bildunterschriften … nicht als Aussage gelesen: sie beschreibt ein Foto" was
    wrong German for more than one caption."""
    from workbench.ingest.table_rows import reading_notices

    (two,) = reading_notices({"captions": 2})
    assert two.startswith("2 Bildunterschriften") and two.endswith(
        "sie beschreiben Fotos, keine Beiträge der Teilnehmenden."
    )
    (one,) = reading_notices({"captions": 1})
    assert one.startswith("1 Bildunterschrift (") and one.endswith(
        "sie beschreibt ein Foto, kein Beitrag der Teilnehmenden."
    )
