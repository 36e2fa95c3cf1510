"""Digital card walls, live polls and shared pads as a workshop team exports them
(Padlet, TaskCards, Slido, Miro, Etherpad …): every card one statement with its section,
authors as pseudonyms, guests and anonymous posts nobody."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import markdown_inline, table_qa


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- guests and anonymous posts ---------------------------------------------------------

SLIDO = """Question,Author,Upvotes,Date,Answered,Labels
Wann wird der Spielplatz an der Kolberger Straße saniert?,Anonymous,12,2021-03-12 18:05,Yes,
Warum gibt es keinen Jugendtreff mehr?,Kemal Öztürk,8,2021-03-12 18:07,Yes,
Kann das Stadtteilbüro länger öffnen?,Gast,0,2021-03-12 18:11,No,
Gibt es Hilfe bei Anträgen?,Guest,5,2021-03-12 18:15,No,Beratung
Wer hilft beim Umzug?,Gast,2,2021-03-12 18:16,No,
"""  # a Slido Q&A export: a guest without an account is "Gast" (German UI) or "Guest"


def test_guests_on_a_wall_or_in_a_q_and_a_are_nobody(project: Project, tmp_path: Path) -> None:
    """Before, every "Gast" card was one and the same pseudonymous person ([Person 2]
    had asked three unrelated questions), and "Guest" another one."""
    assert _import(project, _write(tmp_path / "slido.csv", SLIDO), "--district", "Manfort") == 0
    segments = project.segments()
    speakers = [a.get("speaker") for a in segments["attributes"]]
    assert speakers[0] is None and speakers[1] == "[Person 1]"
    assert speakers[2:] == [None, None, None]
    assert [a["Upvotes"] for a in segments["attributes"]] == [12, 8, 0, 5, 2]
    assert "Öztürk" not in stored_text(project)


def test_authors_named_by_their_e_mail_address_are_each_a_person(
    project: Project, tmp_path: Path
) -> None:
    """Boards whose users sign in (Conceptboard, Miro, a Padlet of an organisation) name
    the author by address. Before, every such author was the one speaker '[E-Mail]'."""
    wall = (
        "Frame,Content,Created by\n"
        "Bedarfe,Mehr Bänke am Markt,anna.schmidt@example.org\n"
        "Bedarfe,Ein Jugendtreff,b.meyer@stadt.example\n"
        "Ressourcen,Die Kita,anna.schmidt@example.org\n"
    )
    assert _import(project, _write(tmp_path / "board.csv", wall), "--district", "Opladen") == 0
    speakers = [a["speaker"] for a in project.segments()["attributes"]]
    assert speakers[0] == speakers[2] != speakers[1]
    assert all(s.startswith("[Person ") for s in speakers)
    stored = stored_text(project)
    assert "example.org" not in stored and "stadt.example" not in stored


# -- a wall's sections --------------------------------------------------------------------

PADLET_DISTRICTS = """Subject,Body,Attachment,Author,Created At,Updated At,Section
Treffpunkt fehlt,Für Jugendliche gibt es abends keinen Ort.,,Anonymous,2021-03-12 17:05:12 UTC,,Manfort
Bänke,Am Marktplatz fehlen Bänke.,,Anonymous,2021-03-12 17:06:40 UTC,,Manfort
,Die Kita hat einen großen Garten.,,Anonymous,2021-03-12 17:08:02 UTC,,Opladen
Stadtteilbüro,Es berät zu Miete und Schulden.,,Anonymous,2021-03-12 17:09:30 UTC,,wiesdorf
Bus,Der Bus fährt zu selten.,,Anonymous,2021-03-12 17:10:30 UTC,,Sonstiges
"""  # noqa: E501  (one Padlet wall for the city, a section per district, one for the rest)


def test_a_walls_sections_named_after_the_districts_are_its_districts(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, the sections were guiding questions ("Manfort") and every card was stored
    city-wide: the district profiles had none of them."""
    assert _import(project, _write(tmp_path / "padlet-stadt.csv", PADLET_DISTRICTS)) == 0
    assert "Spalte 'Section' als Sozialraum erkannt." in capsys.readouterr().out
    segments = project.segments()
    assert segments["district"].tolist() == [
        "Manfort",
        "Manfort",
        "Opladen",
        "Wiesdorf",
        "Gesamtstadt",
    ]
    assert segments["question"].isna().all()


def test_a_walls_sections_that_are_questions_stay_questions(
    project: Project, tmp_path: Path
) -> None:
    """A section naming one district among questions is no district column."""
    wall = PADLET_DISTRICTS.replace(",Manfort\n", ",Was fehlt?\n", 1)
    assert _import(project, _write(tmp_path / "padlet.csv", wall)) == 0
    segments = project.segments()
    assert segments["question"].tolist() == [
        "Was fehlt?",
        "Manfort",
        "Opladen",
        "wiesdorf",
        "Sonstiges",
    ]
    assert set(segments["district"]) == {"Gesamtstadt"}


MIRO = """Frame,Type,Content,Color,Tags,Created by
Herausforderungen,sticky_note,<p>Kein <strong>WLAN</strong> im Jugendtreff</p>,yellow,,Anna Schmidt
Herausforderungen,sticky_note,<p>Mieten zu hoch &amp; Wohnungen zu klein</p>,yellow,,Bernd Meyer
Ressourcen,sticky_note,<p>Stadtteilbüro &quot;Mittendrin&quot;</p>,light_green,,Anna Schmidt
"""  # stickies of a Miro board as a table: a frame per guiding question, HTML in the text


def test_a_miro_boards_frames_are_its_guiding_questions(project: Project, tmp_path: Path) -> None:
    """Before, "Frame" was an attribute and the cards had no guiding question."""
    assert _import(project, _write(tmp_path / "miro.csv", MIRO), "--district", "Opladen") == 0
    segments = project.segments()
    assert segments["text"].tolist() == [
        "Kein WLAN im Jugendtreff",
        "Mieten zu hoch & Wohnungen zu klein",
        'Stadtteilbüro "Mittendrin"',
    ]
    assert segments["question"].fillna("").tolist() == ["Herausforderungen"] * 2 + ["Ressourcen"]
    assert all("Frame" not in a for a in segments["attributes"])


# -- shared pads --------------------------------------------------------------------------


def test_a_pad_in_etherpads_own_format_is_refused_with_the_way_to_export_it(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Etherpad's default download (.etherpad: JSON of changesets and authors) was refused
    without saying which of its exports the workbench reads."""
    pad = _write(tmp_path / "stadtteilrunde.etherpad", '{"pad:stadtteilrunde": {"atext": {}}}')
    assert _import(project, pad) == 2
    err = capsys.readouterr().err
    assert "stadtteilrunde.etherpad" in err and "als Textdatei (.txt)" in err
    assert "Traceback" not in err and project.status()["segments"] == 0


HEDGEDOC = """---
title: Stadtteilrunde Wiesdorf
tags: beteiligung
lang: de-DE
---

# Stadtteilrunde Wiesdorf

[TOC]

:::info
**Datum:** 12.03.2021
**Moderation:** Jutta Wieczorek
:::

## Was fehlt im **Stadtteil**?

- [ ] Ein Treffpunkt für Jugendliche am Abend
- [x] Bänke am Rhein
- Bessere Busse<br>auch am Wochenende
- Mitarbeiter*innen und Bürger*innen, 5 * 3 Stunden

## Was ist gut?

1. Die Kita hat einen **großen** Garten, sagt _Frau Kaya_
2. Das Stadtteilbüro ([Website](https://example.org/buero)) ~~Café~~

> Notiz: Nächstes Treffen im April
"""  # a HedgeDoc (CodiMD) note of a district round, downloaded as Markdown


def test_a_markdown_pads_markup_is_no_part_of_its_statements(
    project: Project, tmp_path: Path
) -> None:
    """Before, "[TOC]" and the ":::info" box were statements, and the statements kept
    "**", "[x]", "<br>", "> " and links' addresses."""
    path = _write(tmp_path / "pad_wiesdorf.md", HEDGEDOC)
    assert _import(project, path) == 0
    segments = project.segments()
    assert segments["text"].tolist() == [
        "Ein Treffpunkt für Jugendliche am Abend",
        "Bänke am Rhein",
        "Bessere Busse\nauch am Wochenende",
        "Mitarbeiter*innen und Bürger*innen, 5 * 3 Stunden",
        "Die Kita hat einen großen Garten, sagt [Person 1]",
        "Das Stadtteilbüro (Website)",
        "Notiz: Nächstes Treffen im April",
    ]
    assert segments["question"].tolist() == ["Was fehlt im Stadtteil?"] * 4 + ["Was ist gut?"] * 3
    assert set(segments["district"]) == {"Wiesdorf"}
    assert "Wieczorek" not in stored_text(project)


def test_markdown_inline_doctests() -> None:
    assert doctest.testmod(markdown_inline).failed == 0


def test_cards_copied_into_a_text_file_one_per_line_are_one_statement_each(
    project: Project, tmp_path: Path
) -> None:
    """Stickies copied from a wall (Miro "Copy as text", Oncoo, a pad) into an editor,
    saved as .txt: before, all cards under a question were one statement."""
    cards = (
        "Was fehlt im Stadtteil?\nMehr Bänke am Marktplatz\nBessere Busverbindung\n"
        "Ein Jugendtreff am Abend\n\nWas ist gut?\nDie Kita\nDas Stadtteilbüro\n"
        "Die Nachbarschaftshilfe\n\n"
        "Die Teilnehmenden berichten, dass\nJugendliche abends keinen Ort haben und\n"
        "Sie sich am Bahnhof treffen.\n"
    )
    assert _import(project, _write(tmp_path / "karten.txt", cards), "--district", "Manfort") == 0
    segments = project.segments()
    assert segments["text"].tolist() == [
        "Mehr Bänke am Marktplatz",
        "Bessere Busverbindung",
        "Ein Jugendtreff am Abend",
        "Die Kita",
        "Das Stadtteilbüro",
        "Die Nachbarschaftshilfe",
        "Die Teilnehmenden berichten, dass Jugendliche abends keinen Ort haben und Sie sich "
        "am Bahnhof treffen.",
    ]
    assert segments["question"].tolist() == ["Was fehlt im Stadtteil?"] * 3 + ["Was ist gut?"] * 4


def test_prose_wrapped_at_short_lines_stays_one_paragraph(project: Project, tmp_path: Path) -> None:
    """A protocol typed with short lines whose sentences end inside a line is prose, not a
    list of cards, even where every line starts with a capital noun."""
    prose = (
        "Die Teilnehmenden berichteten von fehlenden Angeboten. Vor\n"
        "Ort gebe es seit Jahren keine Treffpunkte. Besonders Abends\n"
        "Jugendliche stehen dann auf dem Platz. Die Polizei kommt oft\n"
    )
    assert _import(project, _write(tmp_path / "notiz.txt", prose), "--district", "Manfort") == 0
    assert project.segments()["text"].tolist() == [" ".join(prose.split())]


# -- live Q&A -----------------------------------------------------------------------------

FRAG_JETZT = """Nummer;Frage;Antwort;Bewertung;Schlagwort;Zeitstempel
1;Wann wird der Spielplatz saniert?;Im Herbst, sagt Herr Berger vom Grünflächenamt.;12;;12.03.2021 18:05
2;Warum gibt es keinen Jugendtreff mehr?;;8;Jugend;12.03.2021 18:07
3;Kann das Stadtteilbüro länger öffnen?;;0;;12.03.2021 18:11
"""  # noqa: E501  (the audience's questions of a Q&A, the moderation's answer to some)


@pytest.mark.parametrize(
    ("question", "answer", "votes"),
    [("Frage", "Antwort", "Bewertung"), ("Question", "Reply", "Upvotes")],
)
def test_a_q_and_a_exports_questions_are_the_statements_not_the_answers(
    project: Project,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    question: str,
    answer: str,
    votes: str,
) -> None:
    """Before, the moderation's one answer was the only statement and the audience's
    questions without answer were skipped as empty rows."""
    table = FRAG_JETZT.replace("Frage;Antwort;Bewertung", f"{question};{answer};{votes}", 1)
    assert _import(project, _write(tmp_path / "fragen.csv", table), "--district", "Manfort") == 0
    assert f"Spalte '{question}' als Text erkannt." in capsys.readouterr().out
    segments = project.segments()
    assert segments["text"].tolist() == [
        "Wann wird der Spielplatz saniert?",
        "Warum gibt es keinen Jugendtreff mehr?",
        "Kann das Stadtteilbüro länger öffnen?",
    ]
    first = segments["attributes"].iloc[0]
    assert first[answer] == "Im Herbst, sagt [Person 1] vom Grünflächenamt." and first[votes] == 12
    assert "Berger" not in stored_text(project)


def test_table_qa_doctests() -> None:
    assert doctest.testmod(table_qa).failed == 0


# -- live polls ---------------------------------------------------------------------------


def test_a_word_clouds_words_with_their_counts_are_answers_not_poll_results(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mentimeter's results, questions one below the other: a word cloud lists each word
    with how often it was sent. Before, those rows were taken for a multiple-choice
    option and its votes and left out ("Ergebnisse … nicht übernommen")."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in (
        ["Bürgerforum Wiesdorf 2021"],
        [],
        ["Was fehlt in Wiesdorf?"],
        ["Word Cloud"],
        ["Jugendcafé", 5],
        ["Licht im Park", 1],
        [],
        ["Wie zufrieden sind Sie?"],
        ["Multiple Choice"],
        ["Sehr", 4],
        ["Gar nicht", 2],
        [],
        ["Was ist gut?"],
        ["Open Ended"],
        ["Der Markt"],
    ):
        book.active.append(row)
    path = tmp_path / "mentimeter.xlsx"
    book.save(path)
    assert _import(project, path, "--district", "Wiesdorf") == 0
    assert "2 Zeilen mit Ergebnissen (Option und Stimmen)" in capsys.readouterr().out
    segments = project.segments()
    assert segments["text"].tolist() == ["Jugendcafé", "Licht im Park", "Der Markt"]
    assert segments["question"].tolist() == ["Was fehlt in Wiesdorf?"] * 2 + ["Was ist gut?"]
    assert [a.get("Anzahl") for a in segments["attributes"]] == [5, 1, None]
