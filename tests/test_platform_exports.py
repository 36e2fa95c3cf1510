"""Exports of participation platforms: title and text found, nothing personal stored."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.personal_columns import (
    author,
    header_key,
    is_contact_column,
    is_organisation,
    is_person_column,
    is_prose_column,
)
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.table_columns import TITLE_HEADERS, detect_column

PERSONAL = [
    "Jürgen",
    "Wieczorek",
    "Hannelore",
    "Kaczmarek",
    "example.org",
    "0214 406",
]


def _export(tmp_path: Path) -> Path:
    """An export of a participation platform: author, contact and title beside the text."""
    rows = [
        ("1", "Jürgen", "Wieczorek", "jw@example.org", "0214 406 1234", "Mehr Bänke",
         "Am Rhein fehlen Bänke für Ältere. Frau Kaczmarek hat das schon 2019 gesagt."),
        ("2", "Hannelore", "Kaczmarek", "h.k@example.org", "", "Spielplatz retten",
         "Der Spielplatz in Opladen braucht neue Geräte, sagt auch Herr Wieczorek."),
        ("3", "k. A.", "", "", "", "Ohne Namen", "Mehr Licht im Park in Opladen."),
        ("4", "", "Bürgerverein Opladen", "info@example.org", "", "Idee von Herrn Wieczorek",
         "Der Markt in Opladen braucht Bänke."),
    ]  # fmt: skip
    columns = ["ID", "Vorname", "Nachname", "E-Mail-Adresse", "Telefon", "Titel", "Beitrag"]
    path = tmp_path / "plattform.csv"
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False, sep=";")
    return path


def test_authors_become_speakers_and_contact_data_is_never_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--project", str(project.path)]
    # --no-title: the title stays an attribute (a free-text one, pseudonymised too).
    command = ["import", str(_export(tmp_path)), "--id-column", "ID", "--no-title"]
    assert main([*base, *command]) == 0
    out = capsys.readouterr().out
    assert "Vorname, Nachname: als pseudonyme Person gespeichert" in out
    assert "E-Mail-Adresse, Telefon: Kontaktdaten, nicht übernommen" in out

    stored = stored_text(project)
    for word in PERSONAL:
        assert word not in stored, word
    segments = project.segments().set_index("source_id")
    attributes = {sid: a or {} for sid, a in segments["attributes"].items()}
    # The author of 1 is the "Herr Wieczorek" of text 2, and the Titel of 4 (same person).
    wieczorek = attributes["1"]["speaker"]
    assert wieczorek.startswith("[Person ")
    assert f"sagt auch {wieczorek}" in segments.loc["2", "text"]
    assert attributes["4"]["Titel"] == f"Idee von {wieczorek}"
    kaczmarek = attributes["2"]["speaker"]
    assert kaczmarek != wieczorek and f"Ältere. {kaczmarek} hat" in segments.loc["1", "text"]
    assert "speaker" not in attributes["3"]  # "k. A." is no name
    # An organisation is a local actor, not a person: readable, and no speaker.
    assert attributes["4"]["organisation"] == "Bürgerverein Opladen"
    assert "speaker" not in attributes["4"]
    assert "Bürgerverein" not in stored.replace("'organisation': 'Bürgerverein Opladen'", "")
    assert "in Opladen" in segments.loc["2", "text"]  # … and its words stay in every text
    assert attributes["1"]["Titel"] == "Mehr Bänke"
    assert not any(k in a for a in attributes.values() for k in ("E-Mail-Adresse", "Telefon"))

    # What leaves the research team: REFI-QDA (always pseudonymised) and the tables.
    assert main([*base, "export", "--format", "qdpx", str(tmp_path / "p.qdpx")]) == 0
    for fmt in ("xlsx", "csv"):
        out_path = str(tmp_path / f"p.{fmt}")
        assert main([*base, "export", "--format", fmt, "--pseudonymised", out_path]) == 0
    with zipfile.ZipFile(tmp_path / "p.qdpx") as z:
        exported = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    with zipfile.ZipFile(tmp_path / "p.xlsx") as z:
        exported += "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    exported += (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    for word in PERSONAL:
        assert word not in exported, word

    # The right to erasure finds the author by the name the request gives.
    forget = [*base, "forget", "--speaker", "Jürgen Wieczorek", "--by", "Datenschutz"]
    assert main(forget) == 0
    assert "1" not in set(project.segments()["source_id"])


def test_a_form_of_address_after_a_sentence_end_is_found() -> None:
    p = Pseudonymiser()
    text, _ = p.pseudonymise("Es fehlen Bänke für Ältere. Frau Yilmaz sagt das.")
    assert text == "Es fehlen Bänke für Ältere. [Person 1] sagt das."
    assert p.pseudonymise("Eine ältere Frau kam.")[0] == "Eine ältere Frau kam."


def test_many_listed_authors_are_matched_like_a_few() -> None:
    names = [f"Anna Beispiel{i:04d}" for i in range(3000)] + ["Jens Becker"]
    text = "Herr Becker und Anna Beispiel0042 wünschen sich einen Treff."
    many = Pseudonymiser().pseudonymise(text, names)[0]
    few = Pseudonymiser().pseudonymise(text, ["Anna Beispiel0042", "Jens Becker"])[0]
    assert many == few == "[Person 1] und [Person 2] wünschen sich einen Treff."


def test_column_headers_are_recognised_in_their_usual_spellings() -> None:
    assert header_key("Name (freiwillig)") == "name"
    assert is_contact_column("E-Mail-Adresse") and is_contact_column("Telefon-Nr.")
    assert not is_contact_column("Titel") and not is_contact_column("Ort")
    # Platform exports name contact data after the person (adhocracy+: "Creator email").
    for contact in ("Creator email", "Creator phone", "E-Mail der Verfasserin", "Kontakt-Telefon"):
        assert is_contact_column(contact), contact
    assert not is_contact_column("Smartphone") and not is_contact_column(
        "Wie erreichen Sie das Quartiersbüro am liebsten, per Telefon"
    )
    assert is_person_column("Creator") and is_person_column("Verfasst von")
    # Organisations are local actors; surnames that end like one ("Sonntag", "Lebedev")
    # and a person at an organisation are people.
    finder = Pseudonymiser()
    for actor in ("Caritas Opladen", "AWO Leverkusen e.V.", "Jugendamt", "Kita Sonnenschein"):
        assert is_organisation(finder, actor), actor
    for person in ("Sonntag", "Lebedev", "Jugendzentrum – Herr Kaya", "Anna Schmidt"):
        assert not is_organisation(finder, person), person
    assert author({"Vorname": "Jürgen", "Nachname": "Wieczorek", "Alter": 71}) == (
        "Jürgen Wieczorek"
    )
    assert author({"Name": "anonym"}) is None and author({"Autor": "-"}) is None
    # Umlauts fold ("Ü" → "u"): German headers are found as they are written.
    assert is_person_column("Gesprächspartnerin") and is_prose_column("Begründung")
    assert detect_column(["Nr", "Überschrift", "Text"], TITLE_HEADERS, set()) == "Überschrift"


def test_title_and_text_columns_are_found_in_a_platform_export(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Decidim-style export (language-suffixed headers, an author column): one statement
    per proposal is its title followed by its body, without naming a column."""
    path = tmp_path / "vorschlaege.csv"
    pd.DataFrame(
        {
            "id": ["7", "8", "9"],
            "title/de": ["Mehr Bänke", "Licht im Park?", ""],
            "body/de": ["Am Rhein fehlen Bänke.", "Licht im Park? Ja, bitte.", "Nur Text."],
            "author/name": ["Jürgen Wieczorek", "anonym", "Hannelore Kaczmarek"],
        }
    ).to_csv(path, index=False)
    base = ["--project", str(project.path), "import"]
    assert main([*base, str(path), "--id-column", "id"]) == 0
    out = capsys.readouterr().out
    assert "Spalte 'body/de' als Text erkannt" in out
    assert "Spalte 'title/de' als Titel erkannt: steht vor dem Text" in out
    segments = project.segments().set_index("source_id")
    assert segments.loc["7", "text"] == "Mehr Bänke. Am Rhein fehlen Bänke."
    assert segments.loc["8", "text"] == "Licht im Park? Ja, bitte."  # no title twice
    assert segments.loc["9", "text"] == "Nur Text."
    assert segments.loc["7", "attributes"]["speaker"].startswith("[Person ")
    assert "Wieczorek" not in stored_text(project)

    other = tmp_path / "nur_text.csv"
    pd.DataFrame({"Nr": ["1"], "Titel": ["Mehr Bänke"], "Beitrag": ["Am Rhein."]}).to_csv(
        other, index=False
    )
    assert main([*base, str(other), "--id-column", "Nr", "--no-title"]) == 0
    texts = project.segments().set_index("source_id")["text"]
    assert texts["1"] == "Am Rhein." and "Titel" in project.segments()["attributes"].iloc[-1]


def test_a_table_without_a_recognisable_text_column_names_its_columns(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zahlen.csv"
    pd.DataFrame({"Nr": ["1"], "Wert": ["3"]}).to_csv(path, index=False)
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Keine Textspalte angegeben (--text-column)" in err and "Nr, Wert" in err
    assert project.status()["segments"] == 0


def test_other_open_answers_of_a_survey_are_pseudonymised_dates_are_kept(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "umfrage.csv"
    pd.DataFrame(
        {
            "Nr": ["1"],
            "Was fehlt?": ["Ein Treff für Ältere."],
            "Wer hilft Ihnen?": ["Meine Nachbarin Frau Kaya hilft mir sehr"],
            "Eingang": ["Thu May 05 16:52:16 WIB 2022"],
            "Stadtteil": ["Opladen"],
        }
    ).to_csv(path, index=False)
    command = ["import", str(path), "--text-column", "Was fehlt?", "--id-column", "Nr"]
    assert main(["--project", str(project.path), *command]) == 0
    attributes = project.segments()["attributes"].iloc[0]
    assert attributes["Wer hilft Ihnen?"].startswith("Meine Nachbarin [Person ")
    assert attributes["Eingang"] == "Thu May 05 16:52:16 WIB 2022"
    # the district question is the statement's district (found by its header and answers)
    assert project.segments()["district"].iloc[0] == "Opladen" and "Stadtteil" not in attributes


def test_a_survey_with_several_open_questions_gives_one_statement_per_answer(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "umfrage.csv"
    pd.DataFrame(
        {
            "Nr": ["1", "2"],
            "Was fehlt im Stadtteil?": ["Ein Treff.", ""],
            "Was ist gut?": ["Der Park.", "Die Nachbarschaft, sagt Frau Kaya."],
            "Alter": [34, 71],
        }
    ).to_csv(path, index=False)
    command = ["import", str(path), "--id-column", "Nr"]
    questions = ["--text-column", "Was fehlt im Stadtteil?", "--text-column", "Was ist gut?"]
    assert main(["--project", str(project.path), *command, *questions]) == 0
    segments = project.segments()
    assert segments["source_id"].tolist() == ["1.1", "1.2", "2.2"]  # question by question
    assert segments["question"].tolist() == [
        "Was fehlt im Stadtteil?",
        "Was ist gut?",
        "Was ist gut?",
    ]
    assert segments["text"].iloc[2].startswith("Die Nachbarschaft, sagt [Person ")
    assert [a["Alter"] for a in segments["attributes"]] == [34, 34, 71]
    # The file is one document: importing it again changes nothing.
    assert main(["--project", str(project.path), *command, *questions]) == 0
    assert len(project.segments()) == 3


def test_unknown_districts_of_a_table_are_named_at_once_or_added_on_request(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "koeln.csv"
    pd.DataFrame(
        {"Nr": ["1", "2", "3"], "Veedel": ["Ehrenfeld", "Nippes", "Opladen"], "Text": list("abc")}
    ).to_csv(path, index=False)
    command = ["--project", str(project.path), "import", str(path), "--id-column", "Nr"]
    command += ["--district-column", "Veedel"]
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "Unbekannte Sozialräume (Spalte Veedel): Ehrenfeld (Zeile 2), Nippes (Zeile 3)" in err
    assert project.status()["segments"] == 0
    assert main([*command, "--add-districts"]) == 0
    assert "Neue Sozialräume angelegt: Ehrenfeld, Nippes." in capsys.readouterr().out
    assert set(project.segments()["district"]) == {"Ehrenfeld", "Nippes", "Opladen"}


def test_a_padlet_wall_export_imports_without_naming_a_column(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "padlet.csv"
    pd.DataFrame(
        {
            "Subject": ["Jugendtreff fehlt", "Bänke am Rhein", ""],
            "Body": ["Seit das JuZ zu ist, sind alle am Bahnhof.", "", "Nachbarschaftshilfe."],
            "Author": ["Kemal Öztürk", "anonymous", "Anna Schmidt"],
            "Created At": ["2021-03-04 10:02:11 UTC"] * 3,
            "Section": ["Herausforderungen", "Bedarfe", "Ressourcen"],
        }
    ).to_csv(path, index=False)
    command = ["import", str(path), "--question-column", "Section"]
    assert main(["--project", str(project.path), *command]) == 0
    segments = project.segments()
    assert segments["text"].tolist() == [
        "Jugendtreff fehlt. Seit das JuZ zu ist, sind alle am Bahnhof.",
        "Bänke am Rhein",
        "Nachbarschaftshilfe.",
    ]
    assert segments["question"].tolist() == ["Herausforderungen", "Bedarfe", "Ressourcen"]
    speakers = [a.get("speaker") for a in segments["attributes"]]
    assert speakers[1] is None and speakers[0] != speakers[2]
    assert all(s.startswith("[Person ") for s in (speakers[0], speakers[2]))
    assert segments["attributes"].iloc[0]["Created At"] == "2021-03-04 10:02:11 UTC"


def test_a_sheet_with_a_title_above_its_header_is_read_from_the_header(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Workshop Manfort, 12.3.2021"], [], ["Nr", "Text", "Rolle"],
                [1, "Kein WLAN", "Schule"], [2, "Mehr Bänke", None]):  # fmt: skip
        sheet.append(row)
    book.save(tmp_path / "karten.xlsx")
    command = ["import", str(tmp_path / "karten.xlsx"), "--id-column", "Nr"]
    assert main(["--project", str(project.path), *command]) == 0
    assert "Kopfzeile in Zeile 3 (darüber: Titel der Tabelle)." in capsys.readouterr().out
    segments = project.segments()
    assert segments["text"].tolist() == ["Kein WLAN", "Mehr Bänke"]
    assert segments["source_id"].tolist() == ["1", "2"]


def test_a_title_alone_above_a_header_of_other_names_is_no_header(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A form's answers under a title: the header (no text column by name) is the first
    row of labels below it, and its questions are read as without the title. Before, the
    title was the header and the message offered 'Spalte 2' (the questions as answers)."""
    path = tmp_path / "befragung.csv"
    path.write_text(
        "Befragung Stadtteilfest Opladen 2021;;\n"
        "Datum: 12.3.2021;;\n"
        "Stadtteil;Was fehlt Ihnen im Stadtteil?;Was gefällt Ihnen?\n"
        "Opladen;Mehr Bänke am Marktplatz;Der Wochenmarkt\n"
        "Manfort;Ein Jugendtreff für ältere Jugendliche;Die Nachbarschaft\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert "Kopfzeile in Zeile 3 (darüber: Titel der Tabelle)." in capsys.readouterr().out
    segments = project.segments()
    assert segments["text"].tolist() == [
        "Mehr Bänke am Marktplatz",
        "Ein Jugendtreff für ältere Jugendliche",
        "Der Wochenmarkt",
        "Die Nachbarschaft",
    ]
    assert segments["question"].tolist()[::2] == [
        "Was fehlt Ihnen im Stadtteil?",
        "Was gefällt Ihnen?",
    ]
    assert segments["district"].tolist()[:2] == ["Opladen", "Manfort"]
    notes = tmp_path / "notizen.csv"  # a header of one name right over its rows: a header
    notes.write_text("Notizen;;\nMehr Bänke am Markt;Manfort;5\nEin Café;Opladen;3\n", "utf-8")
    assert main(["--project", str(project.path), "import", str(notes)]) == 2
    assert "--text-column 'Notizen'" in capsys.readouterr().err


def test_an_opendocument_spreadsheet_imports_like_an_excel_one(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LibreOffice's .ods, as many administrations save their card walls."""
    frame = pd.DataFrame(
        {"Nr": ["K1", "K2"], "Text": ["Kein WLAN", "Mehr Bänke"], "Anzahl": [3, None]}
    )
    frame.to_excel(tmp_path / "karten.ods", engine="odf", index=False, sheet_name="Wand")
    base = ["--project", str(project.path), "import"]
    assert main([*base, str(tmp_path / "karten.ods"), "--id-column", "Nr"]) == 0
    segments = project.segments()
    assert segments["text"].tolist() == ["Kein WLAN", "Mehr Bänke"]
    assert segments["attributes"].iloc[0] == {"Anzahl": 3}
    capsys.readouterr()
    broken = tmp_path / "kaputt.ods"
    broken.write_bytes((tmp_path / "karten.ods").read_bytes()[:200])
    assert main([*base, str(broken)]) == 2
    err = capsys.readouterr().err
    assert "kaputt.ods: Keine lesbare ODS-Datei" in err and "Traceback" not in err
    assert len(project.segments()) == 2


def test_a_long_table_of_statements_and_codes_gives_each_statement_once(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One row per statement and code (as MAXQDA exports coded segments): the rows of one
    ID and text are one statement with all its codes; another text under the ID is an
    error that names both rows."""
    path = tmp_path / "segmente.csv"
    pd.DataFrame(
        {
            "ID": ["S1", "S1", "S2", "S1"],
            "Segment": ["Kein WLAN", "Kein WLAN", "Mehr Bänke", "Kein WLAN"],
            "Code": ["Bedarf", "Themen/Digitales", "Bedarf", "Bedarf"],
        }
    ).to_csv(path, index=False)
    command = ["--project", str(project.path), "import", str(path), "--id-column", "ID"]
    command += ["--text-column", "Segment", "--code-column", "Code", "--coder", "MAXQDA"]
    assert main(command) == 0
    assert "2 Zeilen wiederholen eine Aussage" in capsys.readouterr().out
    assert project.segments()["text"].tolist() == ["Kein WLAN", "Mehr Bänke"]
    codings = project.codings()
    assert sorted(codings[codings["source_id"] == "S1"]["code"]) == ["Bedarf", "Themen/Digitales"]

    other = tmp_path / "widerspruch.csv"
    pd.DataFrame({"ID": ["S1", "S1"], "Segment": ["a", "b"], "Code": ["X", "Y"]}).to_csv(
        other, index=False
    )
    command[3] = str(other)
    assert main(command) == 2
    assert "Zeile 3: ID 'S1' kommt doppelt vor (zuerst in Zeile 2), mit anderem Text." in (
        capsys.readouterr().err
    )


def test_one_title_for_every_row_is_not_put_before_each_text(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "haushalt.csv"
    pd.DataFrame(
        {
            "title": ["Bürgerhaushalt 2019"] * 4,
            "text": ["Mehr Bänke.", "Ein Treff.", "Licht.", "Bus."],
        }
    ).to_csv(path, index=False)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    assert segments["text"].tolist() == ["Mehr Bänke.", "Ein Treff.", "Licht.", "Bus."]
    assert {a["title"] for a in segments["attributes"]} == {"Bürgerhaushalt 2019"}


def test_html_bodies_of_a_platform_export_become_plain_text(
    project: Project, tmp_path: Path
) -> None:
    """Decidim and Consul export a proposal's body as HTML."""
    path = tmp_path / "decidim.csv"
    body = "<p>Am Rhein fehlen B&auml;nke.</p><p>Vor allem <strong>abends</strong>.</p>"
    pd.DataFrame(
        {
            "id": ["1", "2"],
            "title/de": ["Mehr Bänke", "Licht"],
            "body/de": [body, "3 < 5 &amp; mehr"],
        }
    ).to_csv(path, index=False)
    assert main(["--project", str(project.path), "import", str(path), "--id-column", "id"]) == 0
    assert project.segments()["text"].tolist() == [
        "Mehr Bänke. Am Rhein fehlen Bänke.\nVor allem abends.",
        "Licht. 3 < 5 &amp; mehr",  # no markup: left as written
    ]


def test_segment_lists_of_qda_programs_find_their_text_column(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MAXQDA's list of coded segments has the text under "Segment" beside a mostly empty
    "Kommentar"; ATLAS.ti's quotation list under "Quotation Content" beside "Comment"."""
    maxqda = tmp_path / "codierte_segmente.csv"
    pd.DataFrame(
        {
            "Dokumentgruppe": ["Manfort", "Manfort"],
            "Dokumentname": ["Workshop 1", "Workshop 1"],
            "Code": ["Bedarf", "Ressource"],
            "Segment": ["Kein Treffpunkt für Jugendliche", "Die Bücherei hilft"],
            "Kommentar": ["", "nachfragen"],
        }
    ).to_csv(maxqda, index=False, sep=";")
    atlas = tmp_path / "quotations.csv"
    pd.DataFrame(
        {
            "ID": ["1:1", "1:2"],
            "Quotation Name": ["Bänke", "Licht"],
            "Document": ["Opladen.docx", "Opladen.docx"],
            "Quotation Content": ["Am Rhein fehlen Bänke.", "Im Park ist es abends dunkel."],
            "Comment": ["", "wichtig"],
        }
    ).to_csv(atlas, index=False)
    base = ["--project", str(project.path), "import"]
    assert main([*base, str(maxqda), "--coder", "MAXQDA"]) == 0  # its codes need a coder
    assert main([*base, str(atlas), "--id-column", "ID"]) == 0
    out = capsys.readouterr().out
    assert "Spalte 'Segment' als Text erkannt" in out
    assert "Spalte 'Quotation Content' als Text erkannt" in out
    assert project.segments()["text"].tolist() == [
        "Kein Treffpunkt für Jugendliche",
        "Die Bücherei hilft",
        "Am Rhein fehlen Bänke.",
        "Im Park ist es abends dunkel.",
    ]


def test_supporters_and_profile_addresses_of_a_platform_export_are_never_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Decidim's proposal export lists who endorsed a proposal and links the author's
    profile; neither is the text's author nor needed for the analysis."""
    path = tmp_path / "proposals.csv"
    pd.DataFrame(
        {
            "id": ["11", "12"],
            "category/name/de": ["Verkehr", "Grün"],
            "title/de": ["Tempo 30 vor der Schule", "Mehr Bäume"],
            "body/de": ["<p>Vor der Schule wird gerast.</p>", "<p>Im Viertel fehlt Schatten.</p>"],
            "endorsements/total_count": ["2", "0"],
            "endorsements/user_endorsements": ["Karl Lehmann; Sabine Vogt", ""],
            "author/name": ["Jürgen Wieczorek", "Hannelore Kaczmarek"],
            "author/url": ["https://beteiligung.example/profiles/jwieczorek", ""],
            "author/id": ["381", "382"],
            "author/age_group": ["65+", "18-25"],
        }
    ).to_csv(path, index=False, sep=";")
    assert main(["--project", str(project.path), "import", str(path), "--id-column", "id"]) == 0
    out = capsys.readouterr().out
    assert (
        "Spalte(n) endorsements/user_endorsements, author/url, author/id: weitere Personen "
        "(Unterstützende, Profile, Konten), nicht übernommen." in out
    )
    stored = stored_text(project)
    for secret in ("Lehmann", "Sabine", "jwieczorek", "Wieczorek", "Kaczmarek"):
        assert secret not in stored, secret
    attributes = project.segments().set_index("source_id").loc["11", "attributes"]
    assert attributes["category/name/de"] == "Verkehr"  # other fields stay
    assert "author/id" not in attributes  # the account's number, beside the pseudonym
    assert attributes["endorsements/total_count"] in ("2", 2)
    assert attributes["author/age_group"] == "65+"  # describes, does not identify


def test_coded_segments_without_id_are_one_statement_per_place(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MAXQDA's list of coded segments has no ID: a segment coded twice is two rows with
    the same document, beginning and end (paragraphs); two segments of one paragraph
    share the place and differ in text."""
    path = tmp_path / "codierte_segmente.xlsx"
    pd.DataFrame(
        {
            "Dokumentgruppe": ["Manfort"] * 4 + ["Opladen"],
            "Dokumentname": ["Workshop 1"] * 4 + ["Workshop 2"],
            "Code": ["Bedarf", "Themen\\Jugend", "Ressource", "Bedarf", "Bedarf"],
            "Anfang": [3, 3, 3, 5, 3],
            "Ende": [3, 3, 3, 5, 3],
            "Segment": [
                "Kein Treffpunkt für Jugendliche",
                "Kein Treffpunkt für Jugendliche",
                "Die Bücherei hilft",
                "Mehr Bänke am Rhein",
                "Kein Treffpunkt für Jugendliche",
            ],
            "Autor": ["Jana Wozniak"] * 5,  # who coded, not who spoke
            "Erstellt am": ["03.05.2021 10:02"] * 5,
        }
    ).to_excel(path, index=False)
    base = ["--project", str(project.path), "import", str(path), "--code-column", "Code"]
    assert main([*base, "--coder", "MAXQDA"]) == 0
    out = capsys.readouterr().out
    assert "'Dokumentname', 'Anfang', 'Ende' bestimmen die Aussage" in out
    assert "1 Zeile wiederholt eine Aussage (gleiche Stelle)" in out
    assert "Spalte(n) Autor: wer kodiert hat" in out
    segments = project.segments()
    assert "Wozniak" not in stored_text(project)
    assert {tuple(sorted(a)) for a in segments["attributes"]} == {
        ("Anfang", "Dokumentgruppe", "Dokumentname", "Ende", "Erstellt am")
    }
    assert segments["text"].tolist() == [
        "Kein Treffpunkt für Jugendliche",
        "Die Bücherei hilft",
        "Mehr Bänke am Rhein",
        "Kein Treffpunkt für Jugendliche",
    ]
    # documents by number (a document's name may name a person: "Interview Fatma K.")
    assert segments["source_id"].tolist() == ["D1:3-3", "D1:3-3/2", "D1:5-5", "D2:3-3"]
    codings = project.codings()
    first = codings[codings["source_id"] == "D1:3-3"]
    assert sorted(first["code"]) == ["Bedarf", "Themen/Jugend"]  # MAXQDA's path
