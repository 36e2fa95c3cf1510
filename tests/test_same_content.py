"""The same contributions in a second file (the protocol as DOCX and as PDF, an export as
CSV and XLSX) are imported once; the file left out is named, --allow-duplicates keeps it."""

from __future__ import annotations

from pathlib import Path

import docx
import pandas as pd
import pytest

from tests.test_pdf_protocol import PAGES, pdf_bytes
from workbench import Project
from workbench.cli.main import main


def _docx_of_pages(path: Path) -> Path:
    """The PDF protocol's text as the Word file it was printed from."""
    d = docx.Document()
    d.add_paragraph("Stadtteilkonferenz Manfort", style="Title")
    d.add_paragraph("Datum: 12.03.2021")
    d.add_paragraph("Sozialraum: Manfort")
    furniture = ("Stadt Leverkusen", "Seite ")
    lines = [line for page in PAGES for line in page[3 if page is PAGES[0] else 0 :]]
    for line in (line for line in lines if not line.startswith(furniture)):
        if line.endswith("?"):
            d.add_paragraph(line, style="Heading 1")
        else:
            d.add_paragraph(line.removeprefix("- "))
    d.save(path)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A workshop's folder: the protocol as written (.docx) and as sent round (.pdf)."""
    out = tmp_path / "manfort"
    out.mkdir()
    (out / "a-konferenz.pdf").write_bytes(pdf_bytes(PAGES))  # first by name
    _docx_of_pages(out / "b-konferenz.docx")
    return out


def test_a_protocol_as_docx_and_pdf_is_imported_once_from_the_docx(
    project: Project, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(project.path), "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "b-konferenz.docx: " in out and " Aussagen importiert" in out
    assert "a-konferenz.pdf: nicht importiert: " in out
    assert "'b-konferenz.docx' (in diesem Import)" in out
    assert "--allow-duplicates" in out
    assert set(project.segments()["document"]) == {"b-konferenz.docx"}


@pytest.mark.backends
def test_a_second_format_imported_later_is_left_out_too(
    project: Project, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(project.path), "import", str(folder / "b-konferenz.docx")]) == 0
    count = len(project.segments())
    assert main(["--project", str(project.path), "import", str(folder / "a-konferenz.pdf")]) == 0
    out = capsys.readouterr().out
    assert "a-konferenz.pdf: nicht importiert: " in out and "(schon im Projekt)" in out
    assert len(project.segments()) == count


def test_allow_duplicates_imports_both(project: Project, folder: Path) -> None:
    args = ["--project", str(project.path), "import", str(folder), "--allow-duplicates"]
    assert main(args) == 0
    assert set(project.segments()["document"]) == {"a-konferenz.pdf", "b-konferenz.docx"}


def test_an_export_as_csv_and_xlsx_is_imported_once(project: Project, tmp_path: Path) -> None:
    cards = pd.DataFrame(
        {
            "Text": [
                f"Karte {i}: Am Marktplatz fehlt ein Treffpunkt für Jugendliche und Ältere."
                for i in range(8)
            ],
            "Sozialraum": ["Manfort"] * 8,
        }
    )
    folder = tmp_path / "karten"
    folder.mkdir()
    cards.to_csv(folder / "karten.csv", index=False)
    cards.to_excel(folder / "karten.xlsx", index=False)
    assert main(["--project", str(project.path), "import", str(folder)]) == 0
    assert set(project.segments()["document"]) == {"karten.csv"}


def test_protocols_that_only_share_questions_are_both_imported(
    project: Project, tmp_path: Path
) -> None:
    """Two workshops with the same guiding questions and a few of the same cards."""
    shared = "## Was fehlt?\n\n- Ein Treffpunkt für Ältere.\n- Bänke am Markt.\n"
    own = {
        "manfort.md": "- Der Bus fährt abends nur stündlich, nach 20 Uhr gar nicht mehr.\n"
        "- Die Schule braucht eine Sozialarbeiterin für die Ganztagsbetreuung.\n",
        "opladen.md": "- Die Mieten in der Innenstadt steigen schneller als die Renten.\n"
        "- Im Park an der Wupper fehlt Licht auf dem Weg zur Bahnhaltestelle.\n",
    }
    for name, text in own.items():
        (tmp_path / name).write_text(shared + text, encoding="utf-8")
    paths = [str(tmp_path / name) for name in own]
    assert main(["--project", str(project.path), "import", *paths]) == 0
    assert set(project.segments()["document"]) == set(own)


def test_a_second_coders_copy_of_the_same_cards_is_imported(
    project: Project, tmp_path: Path
) -> None:
    """A file with codings is coding data: the same statements stay welcome."""
    texts = [
        f"Karte {i}: Der Spielplatz am Markt braucht Schatten und eine Bank." for i in range(6)
    ]
    plain = tmp_path / "karten.csv"
    pd.DataFrame({"Text": texts}).to_csv(plain, index=False)
    coded = tmp_path / "karten-kodiert.csv"
    pd.DataFrame({"Text": texts, "Code": ["Bedarf"] * 6}).to_csv(coded, index=False)
    assert (
        main(["--project", str(project.path), "import", str(plain), "--district", "Manfort"]) == 0
    )
    args = ["--code-column", "Code", "--coder", "B", "--district", "Manfort"]
    assert main(["--project", str(project.path), "import", str(coded), *args]) == 0
    assert set(project.segments()["document"]) == {"karten.csv", "karten-kodiert.csv"}


def test_words_are_counted_only_when_another_file_could_match(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One large table into a new project compares with nothing: its words are not counted
    (100,000 statements would cost seconds)."""
    from workbench.ingest import same_content

    def fail(_document):
        raise AssertionError("Wörter gezählt")

    monkeypatch.setattr(same_content, "document_words", fail)
    short = tmp_path / "kurz.md"
    short.write_text("## Was fehlt?\n\n- Bänke.\n", encoding="utf-8")
    long = tmp_path / "lang.md"
    long.write_text("## Was fehlt?\n\n" + "- Ein Treffpunkt für Ältere am Markt.\n" * 40, "utf-8")
    assert main(["--project", str(project.path), "import", str(short), str(long)]) == 0


TEMPLATE = {  # the fixed paragraphs of a monthly conference's Word template
    "Begrüßung": "Das Quartiersmanagement begrüßt die Anwesenden im Bürgerhaus und dankt dem "
    "Stadtteilverein für die Räume. Die Tagesordnung wird ohne Änderungen angenommen.",
    "Datenschutzhinweis": "Die Teilnahme an der Stadtteilkonferenz ist freiwillig. Beiträge "
    "werden ohne Namen festgehalten. Fotos werden nur mit Einwilligung der abgebildeten "
    "Personen gemacht. Die Teilnehmendenliste wird nach sechs Monaten gelöscht und nicht an "
    "Dritte weitergegeben. Fragen zum Datenschutz beantwortet das Quartiersbüro.",
    "Ablauf": "Nach dem Bericht aus dem Quartiersbüro folgt die offene Runde, in der alle "
    "Anwesenden Anliegen aus dem Stadtteil einbringen können. Die Anliegen werden gesammelt "
    "und an die zuständigen Stellen der Verwaltung weitergeleitet.",
}
DATES = "Die nächste Stadtteilkonferenz findet am ersten Dienstag des Monats um 18 Uhr statt."
MONTHS = {
    "2025-03-04": [
        "Die Buslinie fährt sonntags nur noch stündlich.",
        "Jugendliche fragen nach einem Bolzplatz mit Flutlicht.",
    ],
    "2025-04-01": [
        "Der Wochenmarkt soll auf den Samstag verlegt werden.",
        "Familien berichten von Schimmel in ihren Wohnungen.",
    ],
}


def test_monthly_protocols_from_one_template_are_all_imported(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Stadtteilkonferenz writes its monthly protocol from one template: greeting, privacy
    note, procedure and dates are ≥ 85 % of the words, the month's statements a few. The
    next month's protocol was left out as a copy of the last, its statements lost."""
    paths = []
    for when, statements in MONTHS.items():
        fixed = "".join(f"## {head}\n\n{text}\n\n" for head, text in TEMPLATE.items())
        own = "## Offene Runde\n\n" + "".join(f"{s}\n\n" for s in statements)
        head = f"---\nworkshop: Stadtteilkonferenz {when}\ndistrict: Manfort\ndate: {when}\n---\n"
        paths.append(tmp_path / f"konferenz-{when}.md")
        paths[-1].write_text(f"{head}\n{fixed}{own}## Termine\n\n{DATES}\n", encoding="utf-8")
    p = ["--project", str(project.path), "import"]
    assert main([*p, *map(str, paths)]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    texts = set(project.segments()["text"])
    assert {s for statements in MONTHS.values() for s in statements} <= texts
    # the next month imported on its own, beside the stored ones
    later = paths[0].with_name("konferenz-2025-05-06.md")
    text = paths[0].read_text(encoding="utf-8").replace("2025-03-04", "2025-05-06")
    new = "Am Kreisel fehlt ein sicherer Überweg für Schulkinder."
    later.write_text(text.replace(MONTHS["2025-03-04"][1], new), encoding="utf-8")
    assert main([*p, str(later)]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    assert new in set(project.segments()["text"])
    # the same protocol again as a second file is still left out
    copy = tmp_path / "kopie" / later.name
    copy.parent.mkdir()
    copy.write_text(text.replace(MONTHS["2025-03-04"][1], new).replace("18 Uhr", "18.00 Uhr"))
    assert main([*p, str(copy)]) == 2  # a corrected version: the team decides
    assert "nicht importiert: eine frühere Fassung" in capsys.readouterr().err


def test_a_survey_exported_per_sozialraum_is_imported_whole(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One survey exported per Sozialraum: the same few answers in each ("Mehr Grün"), but
    other people in another place. Each file after the first was left out as a copy."""
    answers = ["Mehr Grünflächen im Viertel", "Der Bus fährt abends zu selten", "Alles prima"]
    folder = tmp_path / "umfrage"
    folder.mkdir()
    for k, place in enumerate(("Manfort", "Opladen")):
        rows = [answers[(i + k) % 3] for i in range(30)]  # the same answers, other order
        table = pd.DataFrame({"Was fehlt Ihnen?": rows, "Sozialraum": [place] * 30})
        table.to_csv(folder / f"umfrage-{place}.csv", index=False)
    p = ["--project", str(project.path), "import", "--text-column", "Was fehlt Ihnen?"]
    assert main([*p, str(folder)]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    assert len(project.segments()) == 60
    # the Opladen export as Excel too: the same answers in the same Sozialraum
    table.to_excel(tmp_path / "umfrage-Opladen.xlsx", index=False)
    assert main([*p, str(tmp_path / "umfrage-Opladen.xlsx")]) == 0
    assert "umfrage-Opladen.xlsx: nicht importiert: " in capsys.readouterr().out
    assert len(project.segments()) == 60
    # without a Sozialraum column, the file's name names it (as the import stores it)
    named = tmp_path / "ohne-spalte"
    named.mkdir()
    for k, place in enumerate(("Wiesdorf", "Alkenrath")):
        rows = pd.DataFrame({"Was fehlt Ihnen?": [answers[(i + k) % 3] for i in range(30)]})
        rows.to_csv(named / f"umfrage {place}.csv", index=False)
    assert main([*p, str(named)]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    assert len(project.segments()) == 120


def test_a_one_page_pdf_with_its_footer_is_left_out_beside_the_word_file(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On one page a footer is no repeated line: the PDF keeps it as its last statement,
    which the Word file (footers not read) lacks. It is no contribution of the protocol."""
    folder = tmp_path / "kurz"
    folder.mkdir()
    lines = [line for page in PAGES for line in page if not line.startswith("Seite")]
    one_page = [line for line in lines if not line.startswith("Stadt Leverkusen")]
    (folder / "a-konferenz.pdf").write_bytes(pdf_bytes([[*one_page, lines[8]]]))
    _docx_of_pages(folder / "b-konferenz.docx")
    assert main(["--project", str(project.path), "import", str(folder)]) == 0
    assert "a-konferenz.pdf: nicht importiert: " in capsys.readouterr().out
    assert set(project.segments()["document"]) == {"b-konferenz.docx"}


def test_two_rooms_protocols_of_one_day_from_one_template_are_both_imported(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two rooms of one Zukunftswerkstatt write their protocols from one template on the
    same day: one date, but two workshops, each with its own statements."""
    fixed = "".join(f"## {head}\n\n{text}\n\n" for head, text in TEMPLATE.items())
    paths = []
    for room, statements in zip(("Raum 1", "Raum 2"), MONTHS.values(), strict=True):
        own = "## Offene Runde\n\n" + "".join(f"{s}\n\n" for s in statements)
        head = f"---\nworkshop: Werkstatt {room}\ndistrict: Manfort\ndate: 2025-06-14\n---\n"
        paths.append(tmp_path / f"werkstatt-{room[-1]}.md")
        paths[-1].write_text(f"{head}\n{fixed}{own}## Termine\n\n{DATES}\n", encoding="utf-8")
    assert main(["--project", str(project.path), "import", *map(str, paths)]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    assert {s for statements in MONTHS.values() for s in statements} <= set(
        project.segments()["text"]
    )
