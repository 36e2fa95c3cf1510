"""Text inside a file that was read with the wrong encoding before ("Frau MÃ¼ller").

A CSV saved by Excel as ANSI, read as UTF-8 and saved again holds "GÃ¼nther KÃ¶hler";
the pseudonymisation did not know it as a name and the export showed it in clear. The
import repairs such text (ftfy, :mod:`workbench.ingest.mojibake`) before pseudonymising,
says how many texts it repaired (never which), and leaves correct text as written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from workbench.cli.main import main
from workbench.ingest import parse_file

NAMES = ["Müller", "MÃ¼ller", "Günther", "GÃ¼nther", "Köhler", "KÃ¶hler", "Jürgen", "Schröder"]
# correct texts that must stay as written
WRITTEN = [
    "Die Bänke am Spielplatz fehlen, und die Straße ist abends dunkel.",
    "Größere Mülleimer wären gut – gerade im Sommer „quillt alles über“.",
    "Der Eintritt kostet jetzt 4,50 €, für Familien zu teuer 😀.",
    "Das Café am Markt, Grüße: שלום, شكرا.",
    "Der Raum misst 4 × 5 Meter, ½ davon ist Lager, bei 35 °C.",
    "Die Band „SÃO“ spielt, der Buchstabe Ã kommt vor.",
]
# … and names and places written with letters beyond Latin-1
SPELLED = ["São Paulo, Łódź, İstanbul, Ærø", "Ayşe Yılmaz, Łukasz Wójcik, محمد, JOÃO"]


def _import_export(tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Import ``source`` into a new project by the command line: what it printed, and the
    export's texts and speakers, a line each."""
    project = tmp_path / "studie"
    assert main(["init", str(project)]) == 0
    assert main(["--project", str(project), "import", str(source)]) == 0
    out = capsys.readouterr().out
    export = tmp_path / "export.csv"
    assert main(["--project", str(project), "export", "--format", "csv", str(export)]) == 0
    capsys.readouterr()
    table = pd.read_csv(export, dtype=str).fillna("")
    return "\n".join([out, *table["text"], *table.get("speaker", [])])


def test_csv_with_misread_umlauts_exports_no_name_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "t.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "Beitrag"])
        writer.writerow([1, "Frau MÃ¼ller hat gesagt, die BÃ¤nke fehlen."])
        writer.writerow([2, "Herr GÃ¼nther KÃ¶hler meinte, die BÃ¤nke fehlen."])
        writer.writerow([3, "Danke an JÃƒÂ¼rgen SchrÃƒÂ¶der fÃƒÂ¼r die Hilfe."])  # read twice
        writer.writerows([i + 4, text] for i, text in enumerate(WRITTEN))
    shown = _import_export(tmp_path, source, capsys)
    assert not [n for n in NAMES if n in shown]
    assert "die Bänke fehlen." in shown and "für die Hilfe." in shown
    assert "3 Texte mit falsch gelesenen Umlauten repariert" in shown
    for text in WRITTEN:  # correct text as written, each in its row
        assert f"\n{text}" in shown


def test_transcript_and_protocol_with_misread_text_export_no_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vtt = tmp_path / "sitzung.vtt"
    vtt.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:05.000\n<v Moderation>Willkommen, wir fangen an.\n\n"
        "2\n00:00:06.000 --> 00:00:12.000\n<v Teilnehmende>Frau MÃ¼ller hat gesagt, "
        "\x84der Spielplatz ist zu\x93.\n\n3\n00:00:13.000 --> 00:00:20.000\n<v Moderation>"
        "Danke, Herr GÃ¼nther KÃ¶hler, für den Hinweis.\n",
        encoding="utf-8",
    )
    shown = _import_export(tmp_path, vtt, capsys)
    assert not [n for n in NAMES if n in shown]
    assert "„der Spielplatz ist zu“" in shown
    assert "2 Texte mit falsch gelesenen Umlauten repariert" in shown
    txt = tmp_path / "protokoll.txt"
    txt.write_text(
        "Protokoll Workshop Spielplätze\n\nWas fehlt?\n\nLaut JÃ¼rgen SchrÃ¶der fehlen "
        "BÃ¤nke.\n\nDie StraÃŸe ist dunkel.\n\n" + "\n\n".join(WRITTEN) + "\n",
        encoding="utf-8",
    )
    shown = _import_export(tmp_path / "b", txt, capsys)
    assert not [n for n in NAMES if n in shown]
    assert "fehlen Bänke." in shown and "Die Straße ist dunkel." in shown
    assert "2 Texte mit falsch gelesenen Umlauten repariert" in shown
    assert all(text in shown for text in WRITTEN)


def test_correct_text_is_read_as_written(tmp_path: Path) -> None:
    source = tmp_path / "richtig.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "Beitrag"])
        writer.writerows([i + 1, text] for i, text in enumerate(WRITTEN))
    document = parse_file(source)
    assert [s.text for s in document.segments] == WRITTEN
    assert "mojibake" not in document.options


def test_repair_undoes_each_wrong_reading_and_nothing_else() -> None:
    from workbench.ingest.mojibake import repaired_text  # new in session 49

    said = "Frau Müller: „Die Straße ist zu“ – 5 € für Bänke."
    once = said.encode("utf-8").decode("cp1252")
    assert repaired_text(once) == said
    assert repaired_text(said.encode("utf-8").decode("latin-1")) == said
    assert repaired_text(once.encode("utf-8").decode("cp1252")) == said  # read twice
    assert repaired_text(f"Laut Jürgen: {once}") == f"Laut Jürgen: {said}"  # in part
    assert repaired_text(said.encode("cp1252").decode("latin-1")) == said  # C1 controls
    for text in WRITTEN + SPELLED:
        assert repaired_text(text) == text
    # quotes, ligatures, full-width letters, entities, line breaks, decomposed letters
    kept = "\"gerade\" 'Zitat' ﬁnden ＡＢＣ &amp; eins\r\nzwei Mu\u0308ller"
    assert repaired_text(kept) == kept


def test_transcript_as_text_with_misread_speakers_is_read_as_turns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "gespraech.txt"
    source.write_text(
        "JÃ¼rgen SchrÃ¶der: Hallo zusammen, wir fangen an.\n"
        "Anna Becker: Ja gern, der Spielplatz ist mir wichtig.\n"
        "JÃ¼rgen SchrÃ¶der: Gut, dann zuerst die BÃ¤nke.\n"
        "Anna Becker: Die fehlen seit dem Sommer.\n",
        encoding="utf-8",
    )
    document = parse_file(source)
    assert document.importer == "speaker-turns"
    assert [s.attributes["speaker"] for s in document.segments][:2] == [
        "Jürgen Schröder",
        "Anna Becker",
    ]
    shown = _import_export(tmp_path, source, capsys)
    assert not [n for n in [*NAMES, "Becker"] if n in shown]
    assert "2 Texte mit falsch gelesenen Umlauten repariert" in shown
    assert "zuerst die Bänke." in shown
