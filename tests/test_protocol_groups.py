"""Groups and names under "Teilnehmende:" in Word and PDF protocols: a group named there
("Vertreter*innen der Träger", "Nachbarschaft") is neither a participant nor a statement;
names the gazetteer does not know stay names; a line that only mentions a group is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import stored_text
from tests.test_pdf_protocol import pdf_bytes
from tests.test_protocol_sweep import _docx
from workbench import InputError, Project
from workbench.ingest import parse_file
from workbench.ingest.protocol_meta import split_names

GROUP_HEAD = ["Treffen Manfort", "Datum: 03.04.2024", "Sozialraum: Manfort", "Teilnehmende:"]
GROUP_LINES = ["Anna Schmidt, Peter Braun", "Vertreter*innen der Träger", "Nachbarschaft"]
GROUP_SAID = [
    "Die Träger der Jugendhilfe wünschen sich mehr Austausch mit der Nachbarschaft.",
    "Peter Braun sagt, im Park an der Kalkstraße fehlt abends das Licht.",
]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_group_under_teilnehmende_is_neither_a_name_nor_a_statement(
    tmp_path: Path, kind: str
) -> None:
    """'Vertreter*innen der Träger' and 'Nachbarschaft' under 'Teilnehmende:' say who
    came: on the name list, 'der' and 'Nachbarschaft' became a pseudonym in every
    statement; in the PDF they were statements of their own. DOCX and PDF agree."""
    path = tmp_path / f"treffen.{kind}"
    if kind == "pdf":
        page = [*GROUP_HEAD, *GROUP_LINES, "Was fehlt im Quartier?", *GROUP_SAID]
        path.write_bytes(pdf_bytes([page]))
    else:

        def build(d) -> None:
            d.add_paragraph().add_run(GROUP_HEAD[0]).bold = True
            for line in [*GROUP_HEAD[1:], *GROUP_LINES]:
                d.add_paragraph(line)
            d.add_heading("Was fehlt im Quartier?", level=1)
            for said in GROUP_SAID:
                d.add_paragraph(said)

        _docx(path, build)
    document = parse_file(path)
    assert document.names == ("Anna Schmidt", "Peter Braun")
    assert (document.title, document.district, document.date) == (
        "Treffen Manfort",
        "Manfort",
        "2024-04-03",
    )
    assert [(s.question, s.text) for s in document.segments] == [
        ("Was fehlt im Quartier?", said) for said in GROUP_SAID
    ]
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        texts = list(project.segments()["text"])
    assert texts[0] == GROUP_SAID[0]
    assert texts[1].startswith("[Person ") and texts[1].endswith(GROUP_SAID[1][11:])
    assert split_names("Anna Schmidt, Vertreter*innen der Träger, Nachbarschaft") == (
        "Anna Schmidt",
    )


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_names_the_gazetteer_does_not_know_under_teilnehmende_stay_names(
    tmp_path: Path, kind: str
) -> None:
    """A protocol lists 'Okonkwo, Wiśniewska, Tran' and 'Herr Tran, Frau Ngata' under a
    bare 'Teilnehmende:': every one of them is a participant, also a surname no gazetteer
    knows; left off the list, 'Wiśniewska' and 'Ngata' stood in clear in the statements
    (in the PDF the two lines were statements of their own, in every export)."""
    path = tmp_path / f"treffen.{kind}"
    head = ["Datum: 03.04.2024", "Teilnehmende:", "Okonkwo, Wiśniewska, Tran"]
    said = [
        "Wiśniewska schlägt vor, am Markt mehr Bänke aufzustellen.",
        "Ngata wünscht sich Licht im Park am Rhein.",
    ]

    def build(d) -> None:
        for line in head:
            d.add_paragraph(line)
        d.add_paragraph("Herr Tran, Frau Ngata")
        d.add_heading("Was fehlt im Quartier?", level=1)
        for line in said:
            d.add_paragraph(line)

    if kind == "pdf":
        page = [*head, "Herr Tran, Frau Ngata", "Was fehlt im Quartier?", *said]
        path.write_bytes(pdf_bytes([page], symbols="ś"))
    else:
        _docx(path, build)
    assert parse_file(path).names == ("Okonkwo", "Wiśniewska", "Tran", "Ngata")
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path], district="Manfort")
        texts = stored_text(project)
    assert "Wiśniewska" not in texts and "Ngata" not in texts and "Okonkwo" not in texts
    assert "schlägt vor, am Markt mehr Bänke aufzustellen." in texts


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_line_that_mentions_a_group_under_teilnehmende_is_not_dropped(
    tmp_path: Path, kind: str
) -> None:
    """'Mehr Treffpunkte für die Nachbarschaft' under the names says something about a
    group, it does not name one: it was taken for part of the list and vanished without
    a word. A Word protocol says again that text stands before the first heading; a PDF
    keeps the text (before the question, as it did before groups were read)."""
    head = ["Datum: 12.03.2024", "Teilnehmende:", "Anna Schmidt, Peter Braun"]
    said = ["Mehr Treffpunkte für die Nachbarschaft", "Bürger*innen fordern mehr Licht"]
    path = tmp_path / f"treffen.{kind}"
    if kind == "pdf":
        path.write_bytes(pdf_bytes([[*head, *said, "Was fehlt?", "Licht im Park."]]))
        document = parse_file(path)
        assert document.names == ("Anna Schmidt", "Peter Braun")
        kept = " ".join(f"{s.question} {s.text}" for s in document.segments)
        assert all(line in kept for line in said)  # as the old reader kept it, not lost
        return

    def build(d) -> None:
        for line in [*head, *said]:
            d.add_paragraph(line)
        d.add_heading("Was fehlt?", level=1)
        d.add_paragraph("Licht im Park.")

    _docx(path, build)
    with pytest.raises(InputError, match="Text vor der ersten Leitfrage"):
        parse_file(path)
