r"""A recommendation's title, author, actors and status steps are stored as labels are
(workbench/synthesis/recommendations.py ``_short``, ``_actors``; recommendation_status.py
``_actor``): without control characters, a lone C1 control (U+009B) and a terminal's
escape sequence too, as codes, coders and districts. ``recommend add --title "\x9b"``
stored "\x9b" (shown as untitled since session 47, stored as typed); its text keeps its
lines but loses escape sequences and direction marks, and a text with nothing visible is
refused. Older projects' titles are shown by the same rule (test_recommendation_untitled_
control.py); nothing is rewritten in them.

The blind set: ordinary titles, each with a control inserted at a generated place (C1
inside a word, an escape sequence or a C1 at a word's edge), and must-stay titles
(brackets that look like a sequence, "›", "¡", "½", dashes, quotes).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.project import Project
from workbench.store.synthesis_tables import Recommendation, RecommendationStatus
from workbench.synthesis import recommendations as rec
from workbench.synthesis.recommendation_status import record_status

ORDINARY = [
    "Lernräume öffnen",
    "Jugendtreff am Marktplatz",
    "Spielplatz am Bahnhof erneuern",
    "Bücherei länger offen",
    "Wohnen für Ältere",
    "Buslinie 212 nach 20 Uhr",
    "Begegnungscafé im Quartier",
    "Straßenbeleuchtung Weg zur Schule",
]
MUST_STAY = [
    "Kita [31 Plätze]",
    "Treff › Hort",
    "Café « Mitte »",
    "Bücherei—Ausbau",
    "Straße 5–7",
    "Ü18-Treff",
    "¡Hola! Sprachcafé",
    "Nr. 1 – „Lernort“",
    "§ 13 SGB VIII",
    "½ Stelle Sozialarbeit",
    "Kita [1m]",  # no ESC before it: a bracket, not a sequence
    "Öffnungszeiten ×2",
]
C1 = [chr(c) for c in range(0x80, 0xA0) if c != 0x85]  # U+0085 is a line break: a space
SEQUENCES = ["\x1b[31m", "\x1b[0m", "\x1b[1;32m", "\x1b]0;Titel\x07", "\x9b", "\x1b"]


def blind_set(seed: int = 48) -> list[tuple[str, str]]:
    """(typed title, title expected as stored)."""
    rng = random.Random(seed)
    cases = []
    for title in ORDINARY:
        for control in rng.sample(C1, 8):  # inside a word: "Wohn\x9ben" is "Wohnen"
            letters = [i for i, ch in enumerate(title) if ch.isalpha() and i > 0]
            at = rng.choice(letters)
            cases.append((title[:at] + control + title[at:], title))
        for control in SEQUENCES:  # at a word's edge
            edges = [i for i, ch in enumerate(title) if ch == " "] + [len(title)]
            at = rng.choice(edges)
            cases.append((title[:at] + control + title[at:], title))
        cases.append((f"{title}\n", title))
    cases += [(title, title) for title in MUST_STAY]
    return cases


def test_the_blind_set_of_titles_follows_the_label_rule() -> None:
    cases = blind_set()
    wrong = [(typed, want) for typed, want in cases if rec._short(typed, 80, "T") != want]
    stay = [t for t in MUST_STAY if rec._short(t, 80, "T") != t]
    assert len(cases) == 8 * 15 + len(MUST_STAY)
    assert stay == [] and wrong == [], (len(wrong), stay)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Manfort"]).close()
    return folder


def stored(folder: Path) -> list[Recommendation]:
    with Project.open(folder) as project, project.session() as session:
        records = list(session.scalars(select(Recommendation).order_by(Recommendation.id)))
        session.expunge_all()
        return records


def test_recommend_add_stores_a_lone_c1_title_as_no_title(folder: Path) -> None:
    p = ["--project", str(folder)]
    text = "Einen Jugendtreff am Marktplatz einrichten"
    assert main([*p, "recommend", "add", text, "--title", "\x9b", "--scope", "Manfort"]) == 0
    assert main([*p, "recommend", "add", text, "--title", "Wohn\x9ben\x1b[31m"]) == 0
    [untitled, titled] = stored(folder)
    assert untitled.title == "" and titled.title == "Wohnen"
    assert main([*p, "recommend", "edit", "2", "--title", "Treff\x9b\x1b]0;x\x07"]) == 0
    assert main([*p, "recommend", "edit", "1", "--title", "\x1b[1m"]) == 0
    assert [r.title for r in stored(folder)] == ["", "Treff"]


def test_author_actors_and_steps_are_stored_as_labels(folder: Path) -> None:
    with Project.open(folder) as project:
        new = rec.add_recommendation(
            project,
            "Lernräume öffnen",
            actors=["Jugend\x9bamt", "\x9b", "Schule\x1b[1m"],
            author="Le\x9ba",
        )
        record_status(project, new, "in Umsetzung", "2025-03-01", "Jugend\x9bamt", "ab\x9b Mai")
        with pytest.raises(InputError, match="Akteur angeben"):
            record_status(project, new, "umgesetzt", "2025-04-01", "\x9b")
        with project.session() as session:
            step = session.scalar(select(RecommendationStatus))
            assert (step.actor, step.note) == ("Jugendamt", "ab Mai")
    [record] = stored(folder)
    assert record.actors == ["Jugendamt", "Schule"] and record.author == "Lea"


def test_the_text_keeps_its_lines_and_loses_sequences(folder: Path) -> None:
    p = ["--project", str(folder)]
    assert main([*p, "recommend", "add", "Treff\x1b[31m öffnen\u202e\nab 18 Uhr"]) == 0
    assert [r.text for r in stored(folder)] == ["Treff öffnen\nab 18 Uhr"]


def test_a_text_without_a_visible_character_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = ["--project", str(folder)]
    assert main([*p, "recommend", "add", "\x9b\x1b[31m"]) == 2
    assert "Der Text der Empfehlung ist leer." in capsys.readouterr().err
    assert stored(folder) == []
