"""RTF files — WordPad's and TextEdit's default format, f4transkript's transcripts — import
like a text file, and plain-text protocols keep their title, details and guiding questions.

Before, ``.rtf`` was refused ("in Word als .docx speichern"), and a protocol typed in an
editor without Markdown ("Workshop Opladen / Datum: … / Sozialraum: … / Was fehlt? / - …")
became one statement of its header, names and all, with no district and no questions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

WORDPAD = r"""{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fnil\fcharset0 Calibri;}}
{\*\generator Riched20 10.0.19041}\viewkind4\uc1
\pard\sa200\sl276\slmult1\b\f0\fs28\lang7 Workshop Opladen\b0\fs22\par
Datum: 12.03.2021\line Sozialraum: Opladen\par
Teilnehmende: Anna Schmidt, Mehmet Yilmaz\par
\par
Was fehlt im Stadtteil?\par
\pard{\pntext\f0\'B7\tab}{\*\pn\pnlvlblt\pnf0\pnindent0{\pntxtb\'B7}}
\fi-360\li720 Wir brauchen mehr B\'e4nke am Markt, sagt Herr Yilmaz.\par
{\pntext\f0\'B7\tab}Ein Caf\'e9 f\'fcr \'c4ltere,\line auch sonntags.\par
\pard\par
Was ist gut?\par
\pard{\pntext\f0\'B7\tab}\fi-360\li720 Der B\u252?rgerverein.\par
}
"""
TEXTEDIT = r"""{\rtf1\ansi\ansicpg1252\cocoartf2639
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;}
{\colortbl;\red255\green255\blue255;}
{\info
{\author Jana Kowalski}}\paperw11900\paperh16840\viewkind0
\pard\tx566\tx1133\pardirnatural\partightenfactor0

\f0\fs24 \cf0 Protokoll Manfort 3.5.2021\
Sozialraum: Manfort\
\
Ressourcen:\
\
\pard\tx220\tx720\pardirnatural\partightenfactor0
\ls1\ilvl0\cf0 {\listtext	\uc0\u8226 	}Der Jugendtreff ist gut erreichbar.\
{\listtext	\uc0\u8226 	}Die Kita hat lange offen.\
}
"""
F4 = r"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}
\pard I: Was fehlt Ihnen im Stadtteil? #00:00:05-2#\par
\par
B: Ein Treffpunkt f\'fcr Jugendliche. #00:00:15-8#\par
\par
I: Und f\'fcr \'c4ltere? #00:00:20-1#\par
\par
B: B\'e4nke. Und dass der Bus abends noch f\'e4hrt. #00:00:31-0#\par
}
"""


def _import(project: Project, *paths: Path) -> int:
    return main(["--project", str(project.path), "import", *map(str, paths)])


def _write(folder: Path, name: str, rtf: str) -> Path:
    path = folder / name
    path.write_bytes(rtf.encode("ascii"))
    return path


def test_a_wordpad_protocol_has_title_district_questions_and_list_items(
    project: Project, tmp_path: Path
) -> None:
    assert _import(project, _write(tmp_path, "opladen.rtf", WORDPAD)) == 0
    segments = project.segments()
    assert segments["text"].tolist() == [
        "Wir brauchen mehr Bänke am Markt, sagt [Person 1].",  # a listed participant
        "Ein Café für Ältere, auch sonntags.",  # \line inside a list item: one statement
        "Der Bürgerverein.",
    ]
    assert segments["question"].tolist() == ["Was fehlt im Stadtteil?"] * 2 + ["Was ist gut?"]
    assert set(segments["district"]) == {"Opladen"}
    assert project.documents()["title"].tolist() == ["Workshop Opladen"]


def test_a_textedit_file_keeps_its_author_out(project: Project, tmp_path: Path) -> None:
    assert _import(project, _write(tmp_path, "manfort.rtf", TEXTEDIT)) == 0
    segments = project.segments()
    assert segments["text"].tolist() == [
        "Der Jugendtreff ist gut erreichbar.",
        "Die Kita hat lange offen.",
    ]
    assert set(segments["question"]) == {"Ressourcen"} and set(segments["district"]) == {"Manfort"}
    assert "Kowalski" not in " ".join(segments["text"]) + " ".join(project.documents()["title"])


def test_an_f4_transcript_in_rtf_is_speaker_turns(project: Project, tmp_path: Path) -> None:
    assert _import(project, _write(tmp_path, "interview.rtf", F4)) == 0
    segments = project.segments()
    assert segments["speaker_role"].tolist() == ["I", "B", "I", "B"]
    assert segments["text"].tolist()[1] == "Ein Treffpunkt für Jugendliche."  # no #time#


def test_a_folder_imports_its_rtf_files_and_the_code_page_is_read(
    project: Project, tmp_path: Path
) -> None:
    _write(tmp_path, "a.rtf", WORDPAD)
    polish = r"{\rtf1\ansi\ansicpg1250 Pani Wanda m\'f3wi: potrzebujemy \'b3awek.\par}"
    _write(tmp_path, "b.rtf", polish)
    assert _import(project, tmp_path) == 0
    assert "potrzebujemy ławek." in " ".join(project.segments()["text"])


@pytest.mark.parametrize(
    "content, message",
    [
        ("Kein RTF, nur Text.", "Keine RTF-Datei"),
        (r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}}", "Die Datei ist leer"),
    ],
)
def test_a_damaged_or_empty_rtf_stops_with_a_message(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message
) -> None:
    assert _import(project, _write(tmp_path, "x.rtf", content)) == 2
    err = capsys.readouterr().err
    assert message in err and "x.rtf" in err and "Traceback" not in err
    assert project.status()["documents"] == 0


def test_a_plain_text_protocol_has_title_details_and_questions(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "opladen.txt"
    path.write_text(
        "Workshop Opladen\nDatum: 12.03.2021\nSozialraum: Opladen\n"
        "Teilnehmende: Anna Schmidt, Mehmet Yilmaz\n\n"
        "Was fehlt im Stadtteil?\n\n- Mehr Bänke.\n- Ein Café.\n\n"
        "Warum fährt abends kein Bus mehr?\n\nDas fragen viele.\n",
        encoding="utf-8",
    )
    assert _import(project, path) == 0
    segments = project.segments()
    # a question followed by a list is its heading; one followed by a paragraph a statement
    assert segments["text"].tolist() == [
        "Mehr Bänke.",
        "Ein Café.",
        "Warum fährt abends kein Bus mehr?",
        "Das fragen viele.",
    ]
    assert set(segments["question"]) == {"Was fehlt im Stadtteil?"}
    assert set(segments["district"]) == {"Opladen"}
    assert "Schmidt" not in " ".join(segments["text"])


def test_markdown_headings_keep_their_meaning(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "manfort.md"
    path.write_text(
        "# Workshop Manfort\n\n## Was fehlt?\n\nVorschläge der Gruppe:\n\n- Mehr Bänke.\n",
        encoding="utf-8",
    )
    assert _import(project, path) == 0
    segments = project.segments()
    assert segments["text"].tolist() == ["Vorschläge der Gruppe:", "Mehr Bänke."]
    assert set(segments["question"]) == {"Was fehlt?"}
