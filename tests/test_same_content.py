"""The same contributions in a second file (the protocol as DOCX and as PDF, an export as
CSV and XLSX) are imported once; the file left out is named, --allow-duplicates keeps it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pandas as pd
import pytest
from sqlalchemy import select

from tests.test_pdf_protocol import PAGES, pdf_bytes
from workbench import Project
from workbench.cli.main import main
from workbench.store import ErasureEntry


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


def _protocol(path: Path, workshop: str, when: str, statements: list[str]) -> Path:
    """A Markdown protocol of a workshop in Manfort with ``statements``."""
    head = f"---\nworkshop: {workshop}\ndistrict: Manfort\ndate: {when}\n---\n\n"
    body = "## Was fehlt im Stadtteil?\n\n" + "".join(f"- {s}\n" for s in statements)
    path.write_text(head + f"# {workshop}\n\n" + body, encoding="utf-8")
    return path


WISHES = [
    "Der Spielplatz hinter der Kirche ist seit dem Winter gesperrt",
    "Abends fährt kein Bus mehr vom Bahnhof in die Siedlung",
    "Seniorinnen fehlt ein Treffpunkt mit Sitzplätzen im Schatten",
    "Jugendliche brauchen einen Raum für Musik und Sport am Wochenende",
    "Die Beratung zu Heizkosten sollte direkt im Quartiersbüro stattfinden",
    "Familien wünschen sich mehr Kitaplätze für Kinder unter drei Jahren",
]


def test_a_follow_up_that_repeats_an_earlier_wave_is_named_with_both_waves(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A follow-up survey whose cards repeat the first wave's is no DOCX/PDF twin: the
    notice names the wave the earlier file belongs to and the one the import was for."""
    first = _protocol(tmp_path / "manfort-2021.md", "Manfort 2021", "2021-05-04", WISHES)
    again = [*WISHES[:-1], "Familien wünschen sich mehr Kitaplätze für Kinder"]
    later = _protocol(tmp_path / "manfort-2022.md", "Manfort 2022", "2022-05-03", again)
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(first), "--wave", "Erhebung 2021"]) == 0
    capsys.readouterr()
    assert main([*p, str(later), "--wave", "Folgebefragung 2022"]) == 0
    out = capsys.readouterr().out
    assert "manfort-2022.md: nicht importiert: " in out
    assert "'manfort-2021.md' (schon im Projekt, Welle 'Erhebung 2021')" in out
    assert "der Welle 'Folgebefragung 2022'" in out and "--allow-duplicates" in out
    assert "DOCX und als PDF" not in out  # no twin of the same wave
    # into the same wave it is the twin it looks like (case and spaces do not matter)
    assert main([*p, str(later), "--wave", " erhebung  2021"]) == 0
    out = capsys.readouterr().out
    assert "DOCX und als PDF" in out and "Welle" not in out
    assert main([*p, str(later), "--wave", "Folgebefragung 2022", "--allow-duplicates"]) == 0
    assert set(project.segments()["document"]) == {"manfort-2021.md", "manfort-2022.md"}


@pytest.mark.backends
def test_a_protocol_corrected_after_import_does_not_count_its_statements_twice(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The team corrects a protocol of the current wave and imports the file again: its
    unchanged statements would stand twice in every count. The import leaves it out and
    names the command that removes the earlier version; after that the correction goes in."""
    first = tmp_path / "erhebung" / "manfort-2025.md"
    first.parent.mkdir()
    _protocol(first, "Werkstatt Manfort 2025", "2025-05-20", WISHES[:3])
    fixed = tmp_path / "berichtigt" / "manfort-2025.md"  # one card corrected, one added
    fixed.parent.mkdir()
    corrected = [WISHES[0], "Abends fährt kein Bus mehr vom Bahnhof in die Waldsiedlung"]
    _protocol(fixed, "Werkstatt Manfort 2025", "2025-05-20", [*corrected, *WISHES[2:4]])
    p = ["--project", str(project.path), "import", "--wave", "2025"]
    assert main([*p, str(first)]) == 0
    ids = " ".join(str(i) for i in sorted(project.segments()["segment_id"]))
    capsys.readouterr()
    assert main([*p, str(fixed)]) == 2  # the team must decide
    out = capsys.readouterr().err
    assert "manfort-2025.md: nicht importiert: eine frühere Fassung" in out
    assert "(Welle '2025', 3 Aussagen); 2 Aussagen stehen unverändert in der neuen, 2 sind" in out
    assert f"workbench forget --statement {ids};" in out and "--allow-duplicates" in out
    assert len(project.segments()) == 3  # nothing doubled
    assert main(["--project", str(project.path), "forget", "--statement", *ids.split()]) == 0
    capsys.readouterr()
    # the emptied protocol is no document in status and exports; the log stays
    assert project.status()["documents"] == 0
    with project.session() as session:
        [entry] = session.scalars(select(ErasureEntry))
        assert entry.counts["statements"] == 3
    assert main([*p, str(first)]) == 0  # the erased file again: its statements stay gone
    assert "bereits importiert" in capsys.readouterr().out and project.segments().empty
    assert main([*p, str(fixed)]) == 0
    texts = sorted(project.segments()["text"])
    assert texts == sorted([*corrected, *WISHES[2:4]])
    out = tmp_path / "projekt.qdpx"
    assert main(["--project", str(project.path), "export", "--format", "qdpx", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    assert qde.count('name="manfort-2025.md"') == 1  # the correction, no empty earlier one


def test_a_corrected_card_table_with_codes_is_not_imported_beside_the_first(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A coded card export corrected in one card is no second coder's copy: left out. The
    same cards with another coder's codes (same name, same texts) stay welcome."""
    cards = pd.DataFrame({"Karten-ID": [f"K{i}" for i in range(6)], "Text": WISHES})
    cards["Code"] = "Bedarf"
    first = tmp_path / "karten.csv"
    cards.to_csv(first, index=False)
    args = ["--code-column", "Code", "--district", "Manfort", "--wave", "2023"]
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(first), *args, "--coder", "A"]) == 0
    (tmp_path / "b").mkdir()
    other = tmp_path / "b" / "karten.csv"
    cards.assign(Code="Ressource").to_csv(other, index=False)
    assert main([*p, str(other), *args, "--coder", "B"]) == 0
    assert len(project.segments()) == 12  # a second coder's copy, as before
    (tmp_path / "c").mkdir()
    fixed = tmp_path / "c" / "karten.csv"
    cards.assign(Text=[*WISHES[:5], "Mehr Kitaplätze für Kinder unter drei"]).to_csv(fixed)
    capsys.readouterr()
    assert main([*p, str(fixed), *args, "--coder", "A"]) == 2
    out = capsys.readouterr().err
    assert "karten.csv: nicht importiert: eine frühere Fassung dieser Datei" in out
    assert len(project.segments()) == 12


def test_a_corrected_file_stops_the_import_until_the_team_decides(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corrected protocol beside a new one: the import said "nicht importiert: eine
    frühere Fassung …", stored the new one and ended with exit code 0, so a script went on
    with the correction missing. It stops (exit code 2, nothing stored); the command it
    names erases exactly the earlier version (the project's statement IDs, not the files'
    "2", "3" that a second file shares), and the same call then imports both."""
    for folder in ("b", "neu"):
        (tmp_path / folder).mkdir()
    first = _protocol(tmp_path / "manfort.md", "Werkstatt Manfort", "2025-05-20", WISHES[:3])
    other = _protocol(tmp_path / "b" / "opladen.md", "Werkstatt Opladen", "2025-05-21", WISHES[3:])
    p = ["--project", str(project.path), "import", "--wave", "2025"]
    assert main([*p, str(first), str(other)]) == 0
    earlier = sorted(project.segments().query("document == 'manfort.md'")["segment_id"])
    folder = tmp_path / "neu"
    fixed = [*WISHES[:2], "Abends fährt kein Bus mehr vom Bahnhof in die Waldsiedlung"]
    _protocol(folder / "manfort.md", "Werkstatt Manfort", "2025-05-20", fixed)
    _protocol(folder / "wiesdorf.md", "Werkstatt Wiesdorf", "2025-05-22", ["Mehr Licht im Park"])
    capsys.readouterr()
    assert main([*p, str(folder)]) == 2
    err = capsys.readouterr().err
    assert "manfort.md: nicht importiert: eine frühere Fassung" in err
    assert "Nichts wurde gespeichert, auch keine andere Datei dieses Imports." in err
    assert "Traceback" not in err and len(project.segments()) == 6
    command = re.search(r"workbench (forget --statement [\d ]+);", err)
    assert command is not None and command[1].split()[2:] == [str(i) for i in earlier]
    assert main(["--project", str(project.path), *command[1].split()]) == 0
    assert main([*p, str(folder)]) == 0
    segments = project.segments()
    assert sorted(segments.query("document == 'manfort.md'")["text"]) == sorted(fixed)
    assert len(segments) == 7  # opladen.md kept whole, wiesdorf.md new


def test_a_file_saved_again_with_other_line_endings_does_not_stop_the_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same protocol saved again (Windows line endings, a BOM) in a folder imported
    again, one statement naming a person: read as a corrected version (the stored text
    is pseudonymised, so that statement seemed changed), it stopped the whole import with
    exit code 2 and the advice to erase the first import with its codings. It is left out
    as a copy (exit code 0), the folder's new file comes in, nothing counts twice."""
    folder = tmp_path / "ordner"
    folder.mkdir()
    said = [*WISHES[:3], "Herr Jens Becker vom Bürgerverein lädt jeden Dienstag zum Kaffee ein"]
    first = _protocol(folder / "manfort.md", "Werkstatt Manfort", "2025-05-20", said)
    p = ["--project", str(project.path), "import", "--wave", "2025"]
    assert main([*p, str(folder)]) == 0
    stored = sorted(project.segments()["text"])
    assert not any("Becker" in text for text in stored)  # pseudonymised
    first.write_bytes(b"\xef\xbb\xbf" + first.read_bytes().replace(b"\n", b"\r\n"))
    _protocol(folder / "wiesdorf.md", "Werkstatt Wiesdorf", "2025-05-22", ["Mehr Licht im Park"])
    capsys.readouterr()
    assert main([*p, str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "manfort.md: nicht importiert: dieselben Aussagen stehen schon im Projekt" in out
    assert "Traceback" not in err and "Fehler" not in err
    segments = project.segments()
    assert sorted(segments.query("document == 'manfort.md'")["text"]) == stored
    assert list(segments.query("document == 'wiesdorf.md'")["text"]) == ["Mehr Licht im Park"]


def test_two_different_files_of_one_name_in_one_workshop_are_both_imported(
    project: Project, tmp_path: Path
) -> None:
    """Two breakout rooms' protocols, both named protokoll.md, share no statement."""
    for room, wishes in (("raum1", WISHES[:3]), ("raum2", WISHES[3:])):
        (tmp_path / room).mkdir()
        _protocol(tmp_path / room / "protokoll.md", "Auftakt Manfort", "2021-05-04", wishes)
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(tmp_path / "raum1" / "protokoll.md")]) == 0
    assert main([*p, str(tmp_path / "raum2" / "protokoll.md")]) == 0
    assert len(project.segments()) == 6


def test_a_template_filled_in_for_the_next_workshop_is_no_earlier_version(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The team reuses its template 'protokoll.md' for every workshop of a wave: greeting
    and round of introductions read word for word as in the last. The next workshop's
    protocol is imported, not left out as a corrected version of the last one (whose
    statements the notice told the team to delete)."""
    opening = ["Begrüßung durch die Moderation", "Vorstellungsrunde"]
    for day, (when, wishes) in enumerate((("2025-03-12", WISHES[:2]), ("2025-03-19", WISHES[2:4]))):
        (tmp_path / f"tag{day}").mkdir()
        name = f"Werkstatt {day + 1}"
        _protocol(tmp_path / f"tag{day}" / "protokoll.md", name, when, [*opening, *wishes])
    p = ["--project", str(project.path), "import", "--wave", "2025"]
    assert main([*p, str(tmp_path / "tag0" / "protokoll.md")]) == 0
    assert main([*p, str(tmp_path / "tag1" / "protokoll.md")]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    assert len(project.segments()) == 8
    # card tables of one name, the workshop given for the import: the same
    cards = tmp_path / "karten" / "karten.csv"
    cards.parent.mkdir()
    card = ["--text-column", "Text", "--district", "Manfort", "--wave", "2025"]
    for workshop, wishes in (("Werkstatt 1", WISHES[4:5]), ("Werkstatt 2", WISHES[5:])):
        pd.DataFrame({"Text": ["Mehr Grün", "Mehr Bänke", *wishes]}).to_csv(cards, index=False)
        assert main([*p[:-2], str(cards), *card, "--workshop", workshop]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    assert len(project.segments()) == 14


def test_a_corrected_protocol_imported_without_wave_is_left_out_in_its_workshops_wave(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A protocol of the follow-up wave is corrected and imported again without --wave: its
    workshop keeps the follow-up wave, so the unchanged statements would count twice there.
    The earlier version was looked for only in the first wave, and the file went in."""
    p = ["--project", str(project.path), "import"]
    first = _protocol(tmp_path / "manfort-2021.md", "Werkstatt 2021", "2021-05-04", WISHES[3:])
    assert main([*p, str(first), "--wave", "Erhebung 2021"]) == 0
    (tmp_path / "erhebung").mkdir()
    later = _protocol(
        tmp_path / "erhebung" / "folge.md", "Werkstatt 2025", "2025-05-20", WISHES[:3]
    )
    assert main([*p, str(later), "--wave", "Folge 2025"]) == 0
    (tmp_path / "berichtigt").mkdir()
    fixed = [*WISHES[:2], "Abends fährt kein Bus mehr vom Bahnhof in die Waldsiedlung"]
    fixed_file = tmp_path / "berichtigt" / "folge.md"
    _protocol(fixed_file, "Werkstatt 2025", "2025-05-20", fixed)
    capsys.readouterr()
    assert main([*p, str(fixed_file)]) == 2
    out = capsys.readouterr().err
    assert "folge.md: nicht importiert: eine frühere Fassung" in out
    assert "(Welle 'Folge 2025', 3 Aussagen)" in out
    assert len(project.segments()) == 6  # nothing doubled


def test_a_protocol_named_on_a_mac_and_corrected_on_windows_is_an_earlier_version(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """macOS names 'Lützenkirchen' decomposed ('u' + U+0308), Windows composed: the same
    file corrected by a colleague on Windows went in beside the first version."""
    (tmp_path / "mac").mkdir()
    (tmp_path / "win").mkdir()
    mac = tmp_path / "mac" / "Protokoll Lu\u0308tzenkirchen.md"
    _protocol(mac, "Werkstatt 2025", "2025-05-20", WISHES[:3])
    fixed = [*WISHES[:2], "Abends fährt kein Bus mehr vom Bahnhof in die Waldsiedlung"]
    win = _protocol(
        tmp_path / "win" / "Protokoll Lützenkirchen.md", "Werkstatt 2025", "2025-05-20", fixed
    )
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(mac)]) == 0
    capsys.readouterr()
    assert main([*p, str(win)]) == 2
    assert "nicht importiert: eine frühere Fassung" in capsys.readouterr().err
    assert len(project.segments()) == 3


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


def test_a_protocol_corrected_under_another_name_is_still_left_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'protokoll-korrigiert.md' of the same day adds a statement: its unchanged ones would
    count twice. Of one day, the files are versions of one protocol, not two meetings."""
    first = _protocol(tmp_path / "protokoll.md", "Werkstatt", "2025-05-20", WISHES)
    added = [*WISHES, "Die Grünfläche am Bach braucht Mülleimer"]
    fixed = _protocol(tmp_path / "protokoll-korrigiert.md", "Werkstatt", "2025-05-20", added)
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(first)]) == 0
    capsys.readouterr()
    assert main([*p, str(fixed)]) == 0
    assert "protokoll-korrigiert.md: nicht importiert: " in capsys.readouterr().out
    assert len(project.segments()) == len(WISHES)


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


@pytest.mark.backends
def test_a_file_imported_before_is_named_without_reading_it_again(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """A table of 30,000 rows imported again was read whole (20 s) before the import said
    'bereits importiert'. The same bytes are recognised first; other files are read, and
    the results keep the order of the files."""
    from workbench.ingest import project_import as project_module

    table = tmp_path / "umfrage.csv"
    pd.DataFrame({"Text": WISHES, "Sozialraum": "Manfort"}).to_csv(table, index=False)
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(table)]) == 0
    new = _protocol(tmp_path / "neu.md", "Werkstatt", "2025-05-20", WISHES[:2])
    read = project_module.parse_all

    def parse_all(path, *args):
        assert Path(path) != table, "die schon importierte Datei wurde gelesen"
        return read(path, *args)

    monkeypatch.setattr(project_module, "parse_all", parse_all)
    capsys.readouterr()
    assert main([*p, str(table), str(new)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "umfrage.csv: bereits importiert (gleicher Inhalt), nichts geändert"
    assert out[1] == "neu.md: 2 Aussagen importiert"
    assert len(project.segments()) == len(WISHES) + 2
