"""Transcription markup ("(lacht)", "//I: Mhm//", "((räuspert sich))") is no keyword and
no label: typed transcripts keep it in their statements, the words for analysis do not."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from workbench import Project
from workbench.analysis import topics
from workbench.analysis.labels import label_and_source, phrases
from workbench.analysis.markup import strip_markup
from workbench.analysis.stopwords import tokenize
from workbench.cli.main import main

# Dresing/Pehl, GAT2, Whisper and subtitles, typed protocols
MARKUP = [
    "(.)",
    "(..)",
    "(...)",
    "(lacht)",
    "(Lachen)",
    "(unv.)",
    "(unverständlich)",
    "(unverständlich, 3 Sek.)",
    "//I: Verstehe//",
    "//B: Genau so war das//",
    "//Mhm//",
    "(?)",
    "((lacht))",
    "((räuspert sich))",
    "((Telefon klingelt))",
    "(-)",
    "(--)",
    "(1.2)",
    "(4 Sek.)",
    "(10 Sekunden Pause)",
    "(Pause)",
    "(längere Pause)",
    "(seufzt)",
    "(atmet tief ein)",
    "(lacht kurz auf)",
    "(Lachen im Hintergrund)",
    "(Gelächter im Raum)",
    "(unv. Name)",
    "(Handy klingelt)",
    "(Hintergrundgeräusche)",
    "(ironisch)",
    "°hh",
    "hhh°",
    "[Musik]",
    "*Applaus*",
    "*lacht*",
    "[…]",
    "[unv.]",
]


@pytest.mark.parametrize("markup", MARKUP)
def test_markup_gives_no_token(markup: str) -> None:
    text = f"Der Spielplatz {markup} ist kaputt"
    assert tokenize(text) == ["spielplatz", "kaputt"]
    assert tokenize(text, domain=False) == ["spielplatz", "kaputt"]


def test_marked_speech_keeps_its_words_without_the_marks() -> None:
    assert tokenize("<<lachend> Der Spielplatz> ist °kaputt°") == ["spielplatz", "kaputt"]
    assert tokenize("<<all> Der Bus fährt> °°selten°°") == ["bus", "fährt", "selten"]
    assert strip_markup("Das ist <<lachend> wirklich gut> so") == "Das ist wirklich gut so"


@pytest.mark.parametrize(
    "text",
    [
        "Es ist ruhig (laut Polizei), abends kaum Verkehr",
        "Angebote (Musik, Sport) für Bewohner*innen und Schüler*innen",
        "Der Bus braucht lange (ca. 5 Minuten) bis zum Markt",
        "Siehe https://www.hamburg.de//ottensen und http://example.org/a//b",
        "Bei 30°C im Sommer (Hitze) fehlt Schatten",
        "Die Tests (41) laufen, Punkt (3) der Liste",
        "Ein *wichtiger* Punkt: Lärm (Verkehr) und Musik",
        "Stadt:Park/Fahrspur, Land:mehr kleine E-Busse, Bürger:innenbeteiligung",
        "Barnerstraße 30er Zone Abends/ Nachts, Rainstr/ Hahnenkamp",
        "Rückruf (Telefon) erbeten, (Lachen ist gesund, sagt sie und lacht)",
    ],
)
def test_text_in_brackets_is_no_markup(text: str) -> None:
    assert strip_markup(text) == text


def test_a_label_is_no_transcription_markup() -> None:
    statement = (
        "Der Spielplatz am Markt ist seit Jahren kaputt (lacht). //I: Mhm// Und das ist "
        "schon lange so, sagt sie."
    )  # was "Mhm// Und das ist schon lange so"
    assert phrases(statement) == ["Der Spielplatz am Markt ist seit Jahren kaputt",
                                  "Das ist schon lange so"]  # fmt: skip
    label, source = label_and_source(
        ["Ja (.) der Spielplatz ist kaputt (lacht)", "Und der Spielplatz (unv.) ist dreckig"],
        ["spielplatz", "kaputt"],
        set(),
    )
    assert (label, source) == ("Ja der Spielplatz ist kaputt", 0)


TURNS = [
    "Der Spielplatz am Markt ist seit Jahren kaputt (lacht) und keiner kümmert sich "
    "//I: Mhm// und das ist schon lange so.",
    "Die Busverbindung abends ist schlecht ((räuspert sich)) man kommt nach acht nicht "
    "mehr nach Hause (seufzt).",
    "Für Jugendliche gibt es keinen Treffpunkt (unv.) im Viertel, die hängen am Bahnhof rum.",
    "Die Mieten steigen (4 Sek.) und viele Familien ziehen weg (lacht).",
    "Im Park ist es nachts dunkel //I: Ja// da fehlt Beleuchtung (seufzt).",
    "Das Stadtteilcafé ist ein guter Ort ((lacht)) da trifft man die Nachbarn.",
]
QUESTIONS = ["Wie sehen Sie das?", "Können Sie das genauer erzählen? (lacht)", "Und sonst?"]
MARKUP_WORDS = {"lacht", "unv", "räuspert", "seufzt", "sek", "mhm"}


def _f4_interview(folder: Path) -> Path:
    lines = ["Interview Manfort", "Datum: 12.03.2024", ""]
    for i in range(72):
        text = QUESTIONS[i // 2 % 3] if i % 2 == 0 else TURNS[(i // 2) % len(TURNS)]
        lines += [f"{'I' if i % 2 == 0 else 'B1'}: {text} #00:{i // 2:02d}:{i % 60:02d}-0#", ""]
    path = folder / "interview.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_topics_of_a_typed_transcript_carry_no_markup(project: Project, tmp_path: Path) -> None:
    path = _f4_interview(tmp_path)
    assert main(["--project", str(project.path), "import", str(path), "--district", "Manfort"]) == 0
    texts = project.segments()["text"]
    assert texts.str.contains("(lacht)", regex=False).any()  # the statements keep it
    out = tmp_path / "themen.csv"
    args = ["topics", "--backend", "tfidf", "--n-topics", "3", "--out", str(out)]
    assert main(["--project", str(project.path), *args]) == 0
    run_id = int(topics.runs(project).iloc[-1]["run_id"])
    described = topics.topics(project, run_id)
    words = {w for k in described["keywords"] for phrase in k for w in phrase.split()}
    assert words and not words & MARKUP_WORDS, words
    for label in described["label"]:
        assert not set("()/") & set(label) and "Mhm" not in label, label


def test_doctests() -> None:
    from workbench.analysis import markup, stopwords

    assert doctest.testmod(markup).failed == 0 and doctest.testmod(stopwords).failed == 0


@pytest.mark.parametrize(
    "sound", ["öhm", "Ähh", "äähm", "ehm", "uhm", "hmhm", "Mhmh", "mmh", "hhh"]
)
def test_hesitation_sounds_are_no_keyword(sound: str) -> None:
    assert tokenize(f"Der {sound}, Spielplatz {sound.lower()} ist kaputt") == [
        "spielplatz",
        "kaputt",
    ]


def test_a_label_leaves_out_hesitation_but_keeps_words() -> None:
    label, _ = label_and_source(
        ["Öhm, der Spielplatz ist ähm kaputt", "Der Spielplatz ist eh kaputt, hm."],
        ["spielplatz", "kaputt"],
        set(),
    )
    assert label == "Der Spielplatz ist kaputt"
    assert phrases("Der Spielplatz ist eh kaputt, hm.") == ["Der Spielplatz ist eh kaputt"]
